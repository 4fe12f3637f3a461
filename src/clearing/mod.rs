//! Clearing: what the tool does to the ground and the mines. Each tick only the cells under
//! the tool and the mines near the tool and tracks are looked at.

mod coverage;
pub mod fate;

use bevy::prelude::*;
use rand::RngExt;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

pub use coverage::Coverage;

use crate::field::{self, Field, Stream};
use crate::geom::P2;
use crate::machine::{Contact, MachineState, tool};
use crate::scenario::MineKind;
use crate::tick::{Ground, SimClock, SimSet, TICK_S};

/// The clearing model's version. A replay records the model it ran under; one recorded under
/// another cannot re-simulate to the same result, and says so rather than failing as corrupt.
/// 1: fates drawn from a table by tool and mine. 2: fates from each encounter's depth, strikes
/// and soil; load from the ground against the engine; blast and wear damage to the tool; wheels.
/// 3: a front tool's depth follows its speed averaged over a quarter second (two rotor turns),
/// not each physics step's measured jolt.
pub const MODEL_VERSION: u32 = 3;

/// The model of reports and replays that predate model versions.
pub fn first_model() -> u32 {
    1
}

/// Length of ground the rotor works at once along the heading, metres.
const BITE_M: f32 = 0.3;
/// A track this close to a live pressure mine sets it off, at most (the HRATC challenge's
/// "about 0.3 m"). A track's load spreads through the soil in a cone of about 45°, so a mine
/// beside the track feels it within its burial depth of the track's edge (plus a few cm).
const TRACK_TRIGGER_M: f32 = 0.3;
/// Damaged mines are more sensitive: they go off this much further out.
const SENSITIVE_EXTRA_M: f32 = 0.2;
/// Pressure reaches a surface-laid mine this far beyond the track's edge.
const EDGE_SPREAD_M: f32 = 0.03;
/// Pressure reaches a mine through at most this much soil.
const PRESSURE_DEPTH_M: f32 = 0.3;
/// Condition a rotor stall costs the drive line, points. Assumption.
const STALL_WEAR: f32 = 0.5;
/// Size of the spatial buckets that index mines, metres.
const BUCKET_M: f32 = 2.0;

/// What became of a mine. The debrief shows each one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fate {
    /// Live, and no tool ever worked its ground.
    NeverReached,
    /// Live: the tool worked its ground but not deep enough to reach it.
    Missed,
    /// Broken up by the tool without detonating.
    Destroyed,
    /// Set off by the tool.
    Detonated,
    /// Set off by a track: the machine drove onto it.
    DetonatedByTrack,
    /// Thrown aside intact and live.
    ThrownAside,
    /// Pushed deeper, intact and live.
    PushedDeeper,
    /// Damaged but live, and more sensitive than before.
    DamagedLive,
    /// Met by the tool in the processed layer, but no strike decided it: left intact and live.
    Intact,
}

impl Fate {
    /// Its name in `lang` (message `fate-<key>`).
    pub fn name_in(self, lang: crate::text::Lang) -> String {
        crate::text::word(lang, "fate", &crate::text::key(&self))
    }

    pub const ALL: [Fate; 9] = [
        Fate::NeverReached,
        Fate::Missed,
        Fate::Destroyed,
        Fate::Detonated,
        Fate::DetonatedByTrack,
        Fate::ThrownAside,
        Fate::PushedDeeper,
        Fate::DamagedLive,
        Fate::Intact,
    ];

    pub fn is_live(self) -> bool {
        !matches!(self, Fate::Destroyed | Fate::Detonated | Fate::DetonatedByTrack)
    }

    pub fn label(self) -> &'static str {
        match self {
            Fate::NeverReached => "never reached",
            Fate::Missed => "missed (below processed layer)",
            Fate::Destroyed => "destroyed",
            Fate::Detonated => "detonated by tool",
            Fate::DetonatedByTrack => "detonated by track",
            Fate::ThrownAside => "thrown aside live",
            Fate::PushedDeeper => "pushed deeper",
            Fate::DamagedLive => "damaged, live",
            Fate::Intact => "left intact in worked soil",
        }
    }
}

/// A mine as the simulation tracks it.
#[derive(Clone, Debug, PartialEq)]
pub struct MineState {
    pub id: u32,
    pub kind: MineKind,
    pub x: f32,
    pub z: f32,
    pub depth_m: f32,
    pub fate: Fate,
    /// Tool pass that last met it (a pass meets a mine once).
    last_pass: u16,
    /// When its fate last changed, seconds.
    pub t: f32,
}

/// Every mine's state, indexed by position.
#[derive(Resource, Clone, Debug)]
pub struct Mines {
    pub list: Vec<MineState>,
    buckets: Vec<Vec<u32>>,
    bnx: usize,
    bnz: usize,
}

impl Mines {
    pub fn new(field: &Field) -> Mines {
        let bnx = (field.size_m.0 / BUCKET_M).ceil() as usize + 1;
        let bnz = (field.size_m.1 / BUCKET_M).ceil() as usize + 1;
        let mut m = Mines { list: Vec::new(), buckets: vec![Vec::new(); bnx * bnz], bnx, bnz };
        let list = field
            .mines
            .iter()
            .map(|m| MineState { id: m.id, kind: m.kind, x: m.x, z: m.z, depth_m: m.depth_m, fate: Fate::NeverReached, last_pass: 0, t: 0.0 })
            .collect();
        m.reindex(list);
        m
    }

    /// Replaces the mine list (e.g. a test placing a mine by hand) and rebuilds the index.
    pub fn reindex(&mut self, list: Vec<MineState>) {
        self.list = list;
        self.buckets.iter_mut().for_each(Vec::clear);
        for i in 0..self.list.len() {
            let b = self.bucket(self.list[i].x, self.list[i].z);
            self.buckets[b].push(i as u32);
        }
    }

    fn bucket(&self, x: f32, z: f32) -> usize {
        let i = ((x / BUCKET_M).floor().max(0.0) as usize).min(self.bnx - 1);
        let j = ((z / BUCKET_M).floor().max(0.0) as usize).min(self.bnz - 1);
        j * self.bnx + i
    }

    /// Indices of mines in buckets overlapping the box `lo`–`hi`, in stable (index) order.
    fn near(&self, lo: (f32, f32), hi: (f32, f32), out: &mut Vec<u32>) {
        out.clear();
        let i0 = ((lo.0 / BUCKET_M).floor().max(0.0) as usize).min(self.bnx - 1);
        let i1 = ((hi.0 / BUCKET_M).floor().max(0.0) as usize).min(self.bnx - 1);
        let j0 = ((lo.1 / BUCKET_M).floor().max(0.0) as usize).min(self.bnz - 1);
        let j1 = ((hi.1 / BUCKET_M).floor().max(0.0) as usize).min(self.bnz - 1);
        for j in j0..=j1 {
            for i in i0..=i1 {
                out.extend_from_slice(&self.buckets[j * self.bnx + i]);
            }
        }
        out.sort_unstable();
    }

    fn move_mine(&mut self, idx: usize, x: f32, z: f32) {
        let old = self.bucket(self.list[idx].x, self.list[idx].z);
        self.buckets[old].retain(|&i| i as usize != idx);
        self.list[idx].x = x;
        self.list[idx].z = z;
        let new = self.bucket(x, z);
        self.buckets[new].push(idx as u32);
    }
}

/// Where a detonation happened and what set it off.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Detonation {
    pub mine: u32,
    pub kind: MineKind,
    pub t: f32,
    pub x: f32,
    pub z: f32,
    pub by_track: bool,
    /// The tool had already met this mine and left it live (thrown aside, pushed deeper,
    /// damaged): residual risk of the tool, not a fault of where the operator drove.
    pub after_tool: bool,
    /// Condition lost, points.
    pub damage: f32,
}

/// A detonation, as a message for the view (flash, smoke, crater) and the log.
#[derive(Message, Clone, Debug)]
pub struct Detonated(pub Detonation);

/// What clearing saw this tick; scoring reads it.
#[derive(Resource, Clone, Debug, Default)]
pub struct ToolTick {
    pub working: bool,
    /// Hazard-area cells the tool worked this tick that no pass had reached before.
    pub fresh_cells: u32,
    /// Of those, cells left shallower than required, and the shallowest depth reached, cm.
    pub fresh_shallow: u32,
    pub fresh_min_cm: f32,
    /// Depth the tool could reach at this speed in this soil, cm; and the depth set (with terrain), cm.
    pub capacity_cm: f32,
    pub set_cm: f32,
    /// Track centre lines over never-processed hazard ground this tick.
    pub tracks_on_unprocessed: bool,
    /// Power the tool needed and had this tick, kW (the load's two sides).
    pub tool_kw: f32,
    pub available_kw: f32,
    /// The rotor stalled this tick.
    pub stalled: bool,
}

/// Clearing's own state: the pass counter, the fate random stream and where the tool's
/// footprint was last worked.
#[derive(Resource)]
pub struct ClearingState {
    pub pass: u16,
    was_working: bool,
    fates: ChaCha8Rng,
    scratch: Vec<u32>,
    contacts: Vec<Contact>,
    /// Cells worked this tick and their depth, mm (kept to reuse its allocation).
    worked: Vec<(usize, usize, u16)>,
    pub detonations: Vec<Detonation>,
    /// Where the tool's footprint was last worked this pass.
    swept: Option<Swept>,
    /// Fractions of a tooth that rocky ground has broken, carried from tick to tick.
    tooth_debt: f32,
}

impl ClearingState {
    pub fn new(seed: u64) -> Self {
        ClearingState {
            pass: 0,
            was_working: false,
            fates: field::stream(seed, Stream::Fates, 0),
            scratch: Vec::new(),
            contacts: Vec::new(),
            worked: Vec::new(),
            detonations: Vec::new(),
            swept: None,
            tooth_debt: 0.0,
        }
    }
}

/// Applies a blast to the machine: the hull loses condition by charge against its armour (a
/// blast under the tool reaches it weakened by distance); a blast at the tool also tears off
/// hammers or teeth and can crack its hydraulics. Returns the condition lost.
fn blast(m: &mut MachineState, kind: MineKind, by_track: bool, depth_m: f32, rng: &mut ChaCha8Rng) -> f32 {
    let q = kind.charge_kg() * if by_track { 1.0 } else { 0.35 };
    let survives = m.spec.survives_charge_kg.max(0.01);
    let damage = if q > survives { m.condition } else { 15.0 * q / survives };
    m.condition = (m.condition - damage).max(0.0);
    if m.condition <= 0.0 {
        m.disabled = true;
    }
    if !by_track {
        // The rotor's axis rides about 0.3 m above the ground.
        let per_m = m.tool_health.fitted as f32 / m.spec.tool.working_width_m.max(0.1);
        let expected = tool::blast_tool_loss(per_m, kind.charge_kg(), 0.3 + depth_m);
        let lost = (expected + rng.random::<f32>()).floor() as u32;
        m.tool_health.left = m.tool_health.left.saturating_sub(lost);
        m.tool_health.hydraulics = (m.tool_health.hydraulics - tool::blast_hydraulic_loss(&m.spec, kind)).max(0.3);
    }
    damage
}

/// Distance from `p` to a rectangle centred at `c` with unit axis `a` (half length `hl`)
/// and half width `hw` across it.
fn rect_distance(p: (f32, f32), c: (f32, f32), a: (f32, f32), hl: f32, hw: f32) -> f32 {
    let (dx, dz) = (p.0 - c.0, p.1 - c.1);
    let along = (dx * a.0 + dz * a.1).abs() - hl;
    let across = (-dx * a.1 + dz * a.0).abs() - hw;
    let (ox, oz) = (along.max(0.0), across.max(0.0));
    (ox * ox + oz * oz).sqrt()
}

/// `v.round()` for `v` in [0, 2^23), without the library call (the footprint rounds every cell it
/// works each tick): `v - floor(v)` is exact there, so halves round up exactly as `round` does.
fn round_positive(v: f32) -> u32 {
    let i = v as u32;
    if v - i as f32 >= 0.5 { i + 1 } else { i }
}

/// Where the tool's footprint was last worked this pass.
#[derive(Clone, Copy, Debug)]
struct Swept {
    /// The tool's centre line (its two ends) then.
    centre: (P2, P2),
    /// The depth it reached, cm.
    reached_cm: f32,
}

/// How far the tool moves between workings of its bite, metres: a quarter of the bite, so each
/// cell is worked about four times as the bite passes over it (its depth is the deepest of
/// them), not on each of the hundred ticks the bite lies over it at working speed.
const STRIDE_M: f32 = BITE_M * 0.25;

/// The ground the tool works this tick: its whole bite (the rotor's 0.3 m along the way it
/// moves, across its width) when a pass begins, when either end of the tool has moved
/// `STRIDE_M` since it was last worked, or when the tool reaches deeper than it did there;
/// otherwise nothing (`None`).
fn footprint(last: Option<Swept>, ends: (P2, P2), along: P2, reached_cm: f32) -> Option<([P2; 4], Swept)> {
    if let Some(last) = last {
        let moved = |p: P2, q: P2| (p.0 - q.0) * (p.0 - q.0) + (p.1 - q.1) * (p.1 - q.1);
        let far = moved(ends.0, last.centre.0).max(moved(ends.1, last.centre.1));
        if far < STRIDE_M * STRIDE_M && reached_cm <= last.reached_cm + 1.0 {
            return None;
        }
    }
    let h = BITE_M * 0.5;
    let shift = |p: P2, d: f32| (p.0 + along.0 * d, p.1 + along.1 * d);
    let region = [shift(ends.0, -h), shift(ends.1, -h), shift(ends.1, h), shift(ends.0, h)];
    Some((region, Swept { centre: ends, reached_cm }))
}

/// The tool works the ground under it; mines it reaches meet their fate; tracks or tyres set
/// off the live mines they come near.
#[allow(clippy::too_many_arguments)]
pub fn work_ground(
    ground: Res<Ground>,
    clock: Res<SimClock>,
    mut machine: ResMut<MachineState>,
    mut cov: ResMut<Coverage>,
    mut mines: ResMut<Mines>,
    mut clearing: ResMut<ClearingState>,
    mut tool_tick: ResMut<ToolTick>,
    mut out: MessageWriter<Detonated>,
) {
    let field = &ground.0;
    let t = clock.seconds();
    *tool_tick = ToolTick { fresh_min_cm: f32::INFINITY, ..default() };
    let working = machine.tool_working();
    if working && !clearing.was_working {
        clearing.pass = clearing.pass.wrapping_add(1).max(1);
        clearing.swept = None;
    }
    clearing.was_working = working;
    tool_tick.working = working;
    if working {
        work_tool(field, t, clock.tick, &mut machine, &mut cov, &mut mines, &mut clearing, &mut tool_tick, &mut out);
    }
    if machine.speed_mps.abs() > 0.01 || machine.drive_mps.abs() > 0.01 {
        run_over_mines(t, &mut machine, &cov, &mut mines, &mut clearing, &mut tool_tick, &mut out);
    }
}

/// One tick of the working tool: its reach, its load, its wear, the ground it works and the
/// mines it meets.
#[allow(clippy::too_many_arguments)]
fn work_tool(
    field: &Field,
    now_s: f32,
    tick: u64,
    machine: &mut MachineState,
    cov: &mut Coverage,
    mines: &mut Mines,
    clearing: &mut ClearingState,
    tool_tick: &mut ToolTick,
    out: &mut MessageWriter<Detonated>,
) {
    // The depth the tool reaches depends on its own speed over the ground (for a boom
    // cutter, how fast the operator sweeps it).
    let speed_kmh = machine.tool_speed_kmh();
    let tool_at = machine.tool_xz();
    let half_w = machine.spec.tool.working_width_m * 0.5;
    let required_cm = cov.required_mm as f32 * 0.1;
    let soil = field.soil_at(tool_at.0, tool_at.1);
    let veg = field.vegetation_resistance(tool_at.0, tool_at.1);
    let kind = machine.spec.tool.kind;
    tool_tick.capacity_cm = machine.spec.depth_capacity_cm(speed_kmh, soil.hardness * veg, machine.rotor, machine.tool_health.depth_factor());
    let ground_y = field.height_at(tool_at.0, tool_at.1);
    tool_tick.set_cm = machine.dig_cm(tool_at.0, tool_at.1, ground_y);
    let reached_cm = tool_tick.set_cm.min(tool_tick.capacity_cm).clamp(0.0, 100.0);

    // Load: the tool's power demand for this soil, depth and speed against what the engine
    // has left after the travel.
    let (gx, gz) = field.gradient_at(machine.pos.x, machine.pos.z);
    let (hx, hz) = machine.heading_xz();
    let grade = (gx * hx + gz * hz) * machine.speed_mps.signum();
    let travel_kw = tool::travel_power_kw(&machine.spec, machine.speed_mps, grade);
    let energy = tool::specific_energy_factor(kind, soil.kind, soil.hardness * veg);
    let load = tool::tool_load(&machine.spec, reached_cm, speed_kmh, energy, machine.rotor, travel_kw);
    machine.rotor_load = load.ratio();
    tool_tick.tool_kw = load.tool_kw;
    tool_tick.available_kw = load.available_kw;
    let rock_teeth = tool::teeth_broken_per_hour(kind, soil.kind) > 0.0;
    if machine.rotor_load > 1.0 && machine.stall_s <= 0.0 {
        machine.stall_s = 3.0;
        tool_tick.stalled = true;
        // A stall shocks the drive line.
        machine.condition = (machine.condition - STALL_WEAR).max(0.0);
        if rock_teeth {
            // Teeth jammed against stone: the drive line takes the shock and a tooth goes.
            machine.condition = (machine.condition - 2.0).max(0.0);
            machine.tool_health.left = machine.tool_health.left.saturating_sub(1);
        }
    }
    // Wear, by the hour worked, the soil and how deep the tool works.
    let hours = TICK_S / 3600.0;
    let depth_share = reached_cm / machine.spec.tool.depth_at_ref_cm.max(1.0);
    machine.tool_health.wear = (machine.tool_health.wear + tool::wear_per_hour(kind, soil.kind) * hours * depth_share).min(1.0);
    clearing.tooth_debt += tool::teeth_broken_per_hour(kind, soil.kind) * hours * depth_share;
    if clearing.tooth_debt >= 1.0 {
        clearing.tooth_debt -= 1.0;
        machine.tool_health.left = machine.tool_health.left.saturating_sub(1);
    }

    // The footprint: working width across, the rotor's bite along the way it moves (the
    // heading for a front tool; across the boom for a boom cutter).
    let ((ax, az), (cx, cz)) = machine.tool_axes();
    let ends = ((tool_at.0 - cx * half_w, tool_at.1 - cz * half_w), (tool_at.0 + cx * half_w, tool_at.1 + cz * half_w));
    let plane = machine.tool_plane();
    let capacity = tool_tick.capacity_cm;
    let pass = clearing.pass;
    // Nothing new under the tool this tick: no cell worked, so no mine can meet it either.
    let Some((region, swept)) = footprint(clearing.swept, ends, (ax, az), reached_cm) else { return };
    clearing.swept = Some(swept);
    let mut fresh = (0u32, 0u32, f32::INFINITY);
    let mut row_z = f32::NAN;
    let mut heights = field.heights_along(cov.centre_z(0));
    let mut worked = std::mem::take(&mut clearing.worked);
    worked.clear();
    cov.for_cells_in_convex(&region, |i, j| {
        let zc = cov.centre_z(j);
        if zc != row_z {
            row_z = zc;
            heights = field.heights_along(zc);
        }
        let xc = cov.centre_x(i);
        // Depth into the ground here: the tool line follows the chassis, not the ground.
        let reached = plane.dig_cm(xc, zc, heights.at(xc)).min(capacity);
        if reached <= 0.0 {
            return;
        }
        let k = j * cov.nx + i;
        if cov.in_area[k] && cov.passes[k] == 0 {
            fresh.0 += 1;
            if reached < required_cm {
                fresh.1 += 1;
            }
            fresh.2 = fresh.2.min(reached);
        }
        worked.push((i, j, round_positive(reached * 10.0).min(u16::MAX as u32) as u16));
    });
    for &(i, j, mm) in &worked {
        cov.work(i, j, mm, pass, tick);
    }
    clearing.worked = worked;
    (tool_tick.fresh_cells, tool_tick.fresh_shallow, tool_tick.fresh_min_cm) = fresh;

    // Mines this pass has reached: each meets the tool once per pass, judged on the depth this
    // pass processed at its spot.
    let strikes = fate::strikes_per_m2(machine.spec.tool.rotor_rpm, machine.rotor, machine.tool_health.left, speed_kmh, machine.spec.tool.working_width_m);
    let reach = half_w + BITE_M;
    let mut near = std::mem::take(&mut clearing.scratch);
    mines.near((tool_at.0 - reach, tool_at.1 - reach), (tool_at.0 + reach, tool_at.1 + reach), &mut near);
    for &idx in &near {
        let idx = idx as usize;
        let mine = mines.list[idx].clone();
        if !mine.fate.is_live() || mine.last_pass == pass {
            continue;
        }
        let Some(depth_m) = cov.pass_depth_at(mine.x, mine.z, pass) else { continue };
        if depth_m < mine.depth_m + 0.01 {
            continue; // The layer this pass processed stops above it: untouched this time.
        }
        let mine_soil = field.soil_at(mine.x, mine.z);
        let encounter = fate::Encounter {
            tool: kind,
            mine: mine.kind,
            processed_cm: depth_m * 100.0,
            top_cm: mine.depth_m * 100.0,
            strikes_per_m2: strikes,
            strike_effect: machine.tool_health.strike_effect(),
            soil: mine_soil.kind,
            moisture_pct: mine_soil.moisture_pct,
        };
        let fate = fate::roll(&encounter, &mut clearing.fates);
        let state = &mut mines.list[idx];
        state.last_pass = pass;
        state.fate = fate;
        state.t = now_s;
        match fate {
            Fate::Detonated => {
                let damage = blast(machine, mine.kind, false, mine.depth_m, &mut clearing.fates);
                let d = Detonation { mine: mine.id, kind: mine.kind, t: now_s, x: mine.x, z: mine.z, by_track: false, after_tool: false, damage };
                clearing.detonations.push(d.clone());
                out.write(Detonated(d));
            }
            Fate::ThrownAside => {
                let ang = clearing.fates.random::<f32>() * std::f32::consts::TAU;
                let dist = 1.0 + clearing.fates.random::<f32>() * 3.0;
                let (nx, nz) = (mine.x + dist * libm::cosf(ang), mine.z + dist * libm::sinf(ang));
                mines.list[idx].depth_m = 0.0;
                mines.move_mine(idx, nx.clamp(0.0, field.size_m.0), nz.clamp(0.0, field.size_m.1));
            }
            Fate::PushedDeeper => {
                mines.list[idx].depth_m += 0.08 + clearing.fates.random::<f32>() * 0.07;
            }
            _ => {}
        }
    }
    clearing.scratch = near;
}

/// Tracks or tyres: live pressure mines near what touches the ground go off; note when it
/// stands on unprocessed hazard ground.
fn run_over_mines(
    now_s: f32,
    machine: &mut MachineState,
    cov: &Coverage,
    mines: &mut Mines,
    clearing: &mut ClearingState,
    tool_tick: &mut ToolTick,
    out: &mut MessageWriter<Detonated>,
) {
    let (hx, hz) = machine.heading_xz();
    let mut contacts = std::mem::take(&mut clearing.contacts);
    machine.ground_contacts(&mut contacts);
    for c in &contacts {
        for s in [-1.0f32, -0.5, 0.0, 0.5, 1.0] {
            let p = (c.centre.0 + hx * c.half_len * s, c.centre.1 + hz * c.half_len * s);
            if let Some(k) = cov.cell_at(p.0, p.1)
                && cov.in_area[k]
                && cov.passes[k] == 0
            {
                tool_tick.tracks_on_unprocessed = true;
            }
        }
        let reach = c.half_len.max(c.half_width) + TRACK_TRIGGER_M + SENSITIVE_EXTRA_M;
        let tr = c.centre;
        let mut near = std::mem::take(&mut clearing.scratch);
        mines.near((tr.0 - reach, tr.1 - reach), (tr.0 + reach, tr.1 + reach), &mut near);
        for &idx in &near {
            let idx = idx as usize;
            let mine = &mines.list[idx];
            if !mine.fate.is_live() || mine.kind == MineKind::Uxo || mine.depth_m > PRESSURE_DEPTH_M {
                continue;
            }
            let spread = (mine.depth_m + EDGE_SPREAD_M).min(TRACK_TRIGGER_M);
            let trigger = if mine.fate == Fate::DamagedLive { spread + SENSITIVE_EXTRA_M } else { spread };
            if rect_distance((mine.x, mine.z), tr, (hx, hz), c.half_len, c.half_width) <= trigger {
                let (kind, mx, mz, depth) = (mine.kind, mine.x, mine.z, mine.depth_m);
                let after_tool = matches!(mine.fate, Fate::ThrownAside | Fate::PushedDeeper | Fate::DamagedLive | Fate::Intact);
                mines.list[idx].fate = Fate::DetonatedByTrack;
                mines.list[idx].t = now_s;
                let damage = blast(machine, kind, true, depth, &mut clearing.fates);
                let d = Detonation { mine: mines.list[idx].id, kind, t: now_s, x: mx, z: mz, by_track: true, after_tool, damage };
                clearing.detonations.push(d.clone());
                out.write(Detonated(d));
            }
        }
        clearing.scratch = near;
    }
    clearing.contacts = contacts;
}

/// Final fates: live mines the tool never met are split into never reached and missed.
pub fn settle_fates(mines: &mut Mines, cov: &Coverage) {
    for mine in &mut mines.list {
        if mine.fate == Fate::NeverReached || mine.fate == Fate::Missed {
            let worked = cov.cell_at(mine.x, mine.z).is_some_and(|k| cov.passes[k] > 0);
            mine.fate = if worked { Fate::Missed } else { Fate::NeverReached };
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_message::<Detonated>();
    app.init_resource::<ToolTick>();
    app.add_systems(FixedUpdate, work_ground.in_set(SimSet::Clearing));
}
