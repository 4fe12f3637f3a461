//! State checksums: a digest of the machine, coverage and mines every second of a session and
//! at its end. Replays carry them, so a re-simulation proves it reproduced the session; `sim`
//! takes them as it runs.

use bevy::prelude::*;

use crate::clearing::{ClearingState, Coverage, Mines};
use crate::geom::mix64;
use crate::machine::MachineState;
use crate::tick::SimClock;

/// Ticks between state checksums (one a second).
pub const CHECK_EVERY: u64 = 60;

/// The state checksums the sim takes as it runs.
#[derive(Resource, Clone, Debug, Default)]
pub struct Checksums(pub Vec<(u64, u64)>);

/// A digest of the state a replay must reproduce: machine pose and condition, coverage, mines.
pub fn state_digest(m: &MachineState, cov: &Coverage, mines: &Mines, st: &ClearingState) -> u64 {
    let mut h = 0x6D69_6E65_636C_6561u64;
    let mut eat = |v: u64| h = mix64(h ^ v).wrapping_add(0x9E37_79B9_7F4A_7C15);
    for v in [
        m.pos.x,
        m.pos.y,
        m.pos.z,
        m.rot.x,
        m.rot.y,
        m.rot.z,
        m.rot.w,
        m.condition,
        m.tool_cm,
        m.rotor,
        m.speed_mps,
        m.tool_health.wear,
        m.tool_health.hydraulics,
    ] {
        eat(v.to_bits() as u64);
    }
    eat(m.tool_health.left as u64);
    if let Some(b) = &m.boom {
        eat(((b.slew_deg.to_bits() as u64) << 32) ^ b.reach_m.to_bits() as u64);
    }
    eat(cov.digest);
    eat(cov.area_cells_to_depth as u64);
    for mine in &mines.list {
        eat(((mine.id as u64) << 32) ^ mine.fate as u64);
        eat(((mine.x.to_bits() as u64) << 32) ^ mine.z.to_bits() as u64 ^ ((mine.depth_m.to_bits() as u64) << 7));
    }
    eat(st.detonations.len() as u64);
    h
}

/// Takes a checksum every `CHECK_EVERY` ticks and at the end (`sim` runs it right after the
/// clock advances).
pub(crate) fn take_checksum(clock: Res<SimClock>, machine: Res<MachineState>, cov: Res<Coverage>, mines: Res<Mines>, clearing: Res<ClearingState>, mut sums: ResMut<Checksums>) {
    if clock.tick % CHECK_EVERY == 0 || clock.ended.is_some() {
        sums.0.push((clock.tick, state_digest(&machine, &cov, &mines, &clearing)));
    }
}
