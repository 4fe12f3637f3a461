//! A replay re-simulated once into a timeline a reviewer can scrub: the machine's pose ten
//! times a second, when each patch of ground was first worked and when it reached depth,
//! each mine's fate and when it changed, every fault and detonation. Seeking is then a
//! lookup, not a re-simulation, however long the session.

use crate::clearing::{ClearingState, Coverage, Mines};
use crate::field::Field;
use crate::geom::P2;
use crate::machine::MachineState;
use crate::scenario::MineKind;
use crate::scoring::{Fault, ScoreReport};
use crate::operator::SourceSetup;
use crate::sim::{self, SimSetup};
use crate::tick::{Ground, SimClock, TICK_HZ};

use super::{Checksums, Replay, ReplayError};

/// Ticks between recorded poses.
pub const POSE_EVERY: u64 = 6;

/// The index of the pose `t` seconds into a session (poses are taken every `POSE_EVERY` ticks).
pub fn pose_index(t: f32) -> usize {
    ((t as f64 * TICK_HZ) as u64 / POSE_EVERY) as usize
}

/// Poses a second.
pub const POSES_PER_S: usize = (TICK_HZ as u64 / POSE_EVERY) as usize;
/// Most review cells kept (coarser than the coverage grid on very large areas).
const MAX_CELLS: usize = 4_000_000;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pose {
    pub x: f32,
    pub z: f32,
    pub heading: P2,
    pub speed_kmh: f32,
    pub tool_cm: f32,
}

#[derive(Clone, Debug)]
pub struct TraceMine {
    pub x: f32,
    pub z: f32,
    pub kind: MineKind,
    pub fate: crate::clearing::Fate,
    /// When its fate changed, seconds (never, for a mine the tool never reached).
    pub t: f32,
}

#[derive(Clone, Debug)]
pub struct Trace {
    pub report: ScoreReport,
    /// Whether every recorded checksum matched on the way.
    pub checks_ok: bool,
    /// The clearing model the replay was recorded under (the trace is this build's model).
    pub recorded_model: u32,
    pub field: Field,
    pub operator_post: Option<P2>,
    pub ticks: u64,
    pub poses: Vec<Pose>,
    /// Review grid: origin, cell size (m), size; per cell the tick it was first worked and the
    /// tick it reached the required depth (`u32::MAX`: never).
    pub origin: P2,
    pub cell_m: f32,
    pub nx: usize,
    pub nz: usize,
    pub first_tick: Vec<u32>,
    pub depth_tick: Vec<u32>,
    pub mines: Vec<TraceMine>,
    /// (seconds, x, z, kind)
    pub detonations: Vec<(f32, f32, f32, MineKind)>,
    pub faults: Vec<Fault>,
}

impl Trace {
    pub fn seconds(&self) -> f32 {
        (self.ticks as f64 / TICK_HZ) as f32
    }

    /// The pose at `t` seconds.
    pub fn pose_at(&self, t: f32) -> Pose {
        let i = pose_index(t);
        self.poses[i.min(self.poses.len().saturating_sub(1))]
    }
}

/// Re-simulates `replay` into a `Trace` (checking its checksums on the way).
pub fn trace(replay: &Replay, file: &str) -> Result<Trace, ReplayError> {
    let loaded = replay.loaded(file)?;
    let post = loaded.machine.is_remote().then(|| loaded.scenario.operator_post());
    let mut app = sim::headless_app();
    sim::install_session(app.world_mut(), SimSetup { loaded, seed: replay.meta.seed, source: SourceSetup::Script(replay.commands.clone()) });
    sim::step_ticks(&mut app, 0);
    let (origin, cov_cell, cnx, cnz) = {
        let c = app.world().resource::<Coverage>();
        (c.origin, c.cell_m, c.nx, c.nz)
    };
    let k = ((cnx * cnz) as f64 / MAX_CELLS as f64).sqrt().ceil().max(1.0) as usize;
    let (nx, nz) = (cnx.div_ceil(k), cnz.div_ceil(k));
    let mut first_tick = vec![u32::MAX; nx * nz];
    let mut depth_tick = vec![u32::MAX; nx * nz];
    let mut poses = Vec::new();
    let tiles_x = cnx.div_ceil(Coverage::TILE);
    let mut seen_tick = 0u64;
    loop {
        let w = app.world();
        let clock = w.resource::<SimClock>();
        let tick = clock.tick;
        let m = w.resource::<MachineState>();
        poses.push(Pose { x: m.pos.x, z: m.pos.z, heading: m.heading_xz(), speed_kmh: m.speed_kmh(), tool_cm: m.tool_cm });
        // Ground worked since the last look (once a second): only the tiles marked changed.
        let look = tick - seen_tick >= 60 || clock.ended.is_some() || tick >= replay.meta.ticks;
        let cov = w.resource::<Coverage>();
        for (tile, &ct) in cov.changed_tick.iter().enumerate().filter(|_| look) {
            if ct <= seen_tick {
                continue;
            }
            let (ti, tj) = (tile % tiles_x, tile / tiles_x);
            for j in (tj * Coverage::TILE)..((tj + 1) * Coverage::TILE).min(cnz) {
                if j % k != 0 {
                    continue;
                }
                for i in (ti * Coverage::TILE)..((ti + 1) * Coverage::TILE).min(cnx) {
                    if i % k != 0 {
                        continue;
                    }
                    let c = j * cnx + i;
                    let r = (j / k) * nx + i / k;
                    if cov.passes[c] > 0 && first_tick[r] == u32::MAX {
                        first_tick[r] = tick as u32;
                    }
                    if cov.depth_mm[c] >= cov.required_mm && depth_tick[r] == u32::MAX {
                        depth_tick[r] = tick as u32;
                    }
                }
            }
        }
        if look {
            seen_tick = tick;
        }
        if clock.ended.is_some() || tick >= replay.meta.ticks {
            break;
        }
        sim::step_ticks(&mut app, POSE_EVERY.min(replay.meta.ticks - tick) as u32);
    }
    let got = &app.world().resource::<Checksums>().0;
    let want = &replay.meta.checksums;
    let checks_ok = got.iter().zip(want.iter()).all(|(a, b)| a == b) && (!replay.meta.complete || got.len() == want.len());
    let mines = app.world().resource::<Mines>().list.iter().map(|m| TraceMine { x: m.x, z: m.z, kind: m.kind, fate: m.fate, t: m.t }).collect();
    let detonations = app.world().resource::<ClearingState>().detonations.iter().map(|d| (d.t, d.x, d.z, d.kind)).collect();
    let field = app.world().resource::<Ground>().0.clone();
    let ticks = app.world().resource::<SimClock>().tick;
    let report = sim::report(app.world_mut());
    let faults = report.faults.clone();
    Ok(Trace {
        report,
        checks_ok,
        recorded_model: replay.meta.model,
        field,
        operator_post: post,
        ticks,
        poses,
        origin,
        cell_m: cov_cell * k as f32,
        nx,
        nz,
        first_tick,
        depth_tick,
        mines,
        detonations,
        faults,
    })
}

/// The expert beside the trainee: the autopilot's session on the same scenario and field
/// (the replay's seed), traced as `trace` traces a recording.
pub fn expert(replay: &Replay, file: &str) -> Result<Trace, ReplayError> {
    let loaded = replay.loaded(file)?;
    let mut app = sim::run_headless(SimSetup { loaded, seed: replay.meta.seed, source: SourceSetup::Autopilot(Default::default()) });
    let report = sim::report(app.world_mut());
    let expert = Replay::with_report(app.world(), None, Some(report));
    trace(&expert, file)
}
