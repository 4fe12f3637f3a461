//! Clearing: what the tool does to the ground and the mines. Each tick only the cells under
//! the tool and the mines near the tool and tracks are looked at.

mod coverage;

use bevy::prelude::*;
use rand::RngExt;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

pub use coverage::Coverage;

use crate::field::{self, Field, Stream};
use crate::machine::{MachineState, ToolKind};
use crate::scenario::MineKind;
use crate::sim::{Ground, SimClock, SimSet};

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
}

impl Fate {
    pub const ALL: [Fate; 8] =
        [Fate::NeverReached, Fate::Missed, Fate::Destroyed, Fate::Detonated, Fate::DetonatedByTrack, Fate::ThrownAside, Fate::PushedDeeper, Fate::DamagedLive];

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
    /// The rotor stalled this tick.
    pub stalled: bool,
}

/// Clearing's own state: the pass counter and the fate random stream.
#[derive(Resource)]
pub struct ClearingState {
    pub pass: u16,
    was_working: bool,
    fates: ChaCha8Rng,
    scratch: Vec<u32>,
    pub detonations: Vec<Detonation>,
}

impl ClearingState {
    pub fn new(seed: u64) -> Self {
        ClearingState { pass: 0, was_working: false, fates: field::stream(seed, Stream::Fates, 0), scratch: Vec::new(), detonations: Vec::new() }
    }
}

/// Rolls what the tool does to a mine it reaches, by tool and mine type. Flails: AT nearly
/// always detonates; about 90 % of AP are destroyed, the rest thrown aside live, pushed deeper
/// or left damaged and more sensitive (DESIGN.md). Tillers and cutters push more mines deeper.
fn roll_fate(tool: ToolKind, kind: MineKind, r: f32) -> Fate {
    use Fate::*;
    let table: &[(f32, Fate)] = match (tool, kind) {
        (ToolKind::Flail, MineKind::At) => &[(0.95, Detonated), (0.03, ThrownAside), (0.02, DamagedLive)],
        (ToolKind::Flail, MineKind::Uxo) => &[(0.35, Detonated), (0.25, Destroyed), (0.40, ThrownAside)],
        (ToolKind::Flail, _) => &[(0.65, Detonated), (0.25, Destroyed), (0.04, ThrownAside), (0.03, PushedDeeper), (0.03, DamagedLive)],
        (_, MineKind::At) => &[(0.85, Detonated), (0.10, PushedDeeper), (0.05, DamagedLive)],
        (_, MineKind::Uxo) => &[(0.30, Detonated), (0.30, Destroyed), (0.25, PushedDeeper), (0.15, ThrownAside)],
        (_, _) => &[(0.55, Detonated), (0.30, Destroyed), (0.10, PushedDeeper), (0.05, DamagedLive)],
    };
    let mut acc = 0.0;
    for &(p, f) in table {
        acc += p;
        if r < acc {
            return f;
        }
    }
    table[table.len() - 1].1
}

/// Applies a blast to the machine. Blasts under the tool reach the hull weakened by distance.
fn blast(m: &mut MachineState, kind: MineKind, by_track: bool) -> f32 {
    let q = kind.charge_kg() * if by_track { 1.0 } else { 0.35 };
    let survives = m.spec.survives_charge_kg.max(0.01);
    let damage = if q > survives { m.condition } else { 15.0 * q / survives };
    m.condition = (m.condition - damage).max(0.0);
    if m.condition <= 0.0 {
        m.disabled = true;
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

/// Whether `p` lies within the rectangle of `rect_distance` (its edges included).
fn in_rect(p: (f32, f32), c: (f32, f32), a: (f32, f32), hl: f32, hw: f32) -> bool {
    let (dx, dz) = (p.0 - c.0, p.1 - c.1);
    (dx * a.0 + dz * a.1).abs() <= hl && (-dx * a.1 + dz * a.0).abs() <= hw
}

/// The tool works the ground under it; mines it reaches meet their fate; tracks set off
/// the live mines they come near.
#[allow(clippy::too_many_arguments)]
pub fn work_ground(
    ground: Res<Ground>,
    clock: Res<SimClock>,
    mut m: ResMut<MachineState>,
    mut cov: ResMut<Coverage>,
    mut mines: ResMut<Mines>,
    mut st: ResMut<ClearingState>,
    mut tt: ResMut<ToolTick>,
    mut out: MessageWriter<Detonated>,
) {
    let field = &ground.0;
    let t = clock.seconds();
    *tt = ToolTick { fresh_min_cm: f32::INFINITY, ..default() };
    let working = m.tool_working();
    if working && !st.was_working {
        st.pass = st.pass.wrapping_add(1).max(1);
    }
    st.was_working = working;
    let (hx, hz) = m.heading_xz();
    // The depth the tool reaches depends on its own speed over the ground (for a boom
    // cutter, how fast the operator sweeps it).
    let speed_kmh = m.tool_speed_kmh();
    let tool = m.tool_xz();
    let half_w = m.spec.tool.working_width_m * 0.5;
    let required_cm = cov.required_mm as f32 * 0.1;
    tt.working = working;
    if working {
        let soil = field.soil_at(tool.0, tool.1);
        let veg = field.vegetation_resistance(tool.0, tool.1);
        tt.capacity_cm = m.spec.depth_capacity_cm(speed_kmh, soil.hardness * veg, m.rotor);
        let ground_y = field.height_at(tool.0, tool.1);
        tt.set_cm = m.dig_cm(tool.0, tool.1, ground_y);
        // Rotor load: the soil worked per second (depth reached times speed) against the tool's
        // reference; tillers labour in rocky ground.
        let rocky_tiller = if m.spec.tool.kind == ToolKind::Tiller && soil.kind == crate::scenario::SoilKind::Rocky { 1.6 } else { 1.0 };
        let t_ref = &m.spec.tool;
        m.rotor_load = tt.set_cm.min(tt.capacity_cm).clamp(0.0, 100.0) * speed_kmh.max(0.05) * soil.hardness * veg * rocky_tiller
            / (t_ref.depth_at_ref_cm * t_ref.ref_speed_kmh * 3.0);
        if m.rotor_load > 1.0 && m.stall_s <= 0.0 {
            m.stall_s = 3.0;
            tt.stalled = true;
            if rocky_tiller > 1.0 {
                m.condition = (m.condition - 2.0).max(0.0);
            }
        }
        // The footprint: working width across, the rotor's bite along the way it moves (the
        // heading for a front tool; across the boom for a boom cutter).
        let ((ax, az), _) = m.tool_axes();
        let corners = [(-BITE_M * 0.5, -half_w), (BITE_M * 0.5, -half_w), (BITE_M * 0.5, half_w), (-BITE_M * 0.5, half_w)];
        let pts = corners.map(|(a, c)| (tool.0 + a * ax - c * az, tool.1 + a * az + c * ax));
        let lo = pts.iter().fold((f32::INFINITY, f32::INFINITY), |l, p| (l.0.min(p.0), l.1.min(p.1)));
        let hi = pts.iter().fold((f32::NEG_INFINITY, f32::NEG_INFINITY), |h, p| (h.0.max(p.0), h.1.max(p.1)));
        let cm = cov.cell_m;
        let i0 = ((lo.0 - cov.origin.0) / cm).floor().max(0.0) as usize;
        let j0 = ((lo.1 - cov.origin.1) / cm).floor().max(0.0) as usize;
        let i1 = (((hi.0 - cov.origin.0) / cm).ceil() as usize).min(cov.nx);
        let j1 = (((hi.1 - cov.origin.1) / cm).ceil() as usize).min(cov.nz);
        let tick = clock.tick;
        let pass = st.pass;
        let capacity = tt.capacity_cm;
        let plane = m.tool_plane();
        for j in j0..j1 {
            let zc = cov.centre_z(j);
            let heights = field.heights_along(zc);
            for i in i0..i1 {
                let k = j * cov.nx + i;
                let c = (cov.centre_x(i), zc);
                if !in_rect(c, tool, (ax, az), BITE_M * 0.5, half_w) {
                    continue;
                }
                // Depth into the ground here: the tool line follows the chassis, not the ground.
                let dig_cm = plane.dig_cm(c.0, c.1, heights.at(c.0));
                let reached = dig_cm.min(capacity);
                if reached <= 0.0 {
                    continue;
                }
                if cov.in_area[k] && cov.passes[k] == 0 {
                    tt.fresh_cells += 1;
                    if reached < required_cm {
                        tt.fresh_shallow += 1;
                    }
                    tt.fresh_min_cm = tt.fresh_min_cm.min(reached);
                }
                cov.work(i, j, round_positive(reached * 10.0).min(u16::MAX as u32) as u16, pass, tick);
            }
        }
        // Mines the tool reaches this pass.
        let mut near = std::mem::take(&mut st.scratch);
        mines.near(lo, hi, &mut near);
        for &idx in &near {
            let idx = idx as usize;
            let (live, last, mx, mz, mdepth, mkind) = {
                let mine = &mines.list[idx];
                (mine.fate.is_live(), mine.last_pass, mine.x, mine.z, mine.depth_m, mine.kind)
            };
            if !live || last == pass {
                continue;
            }
            if rect_distance((mx, mz), tool, (ax, az), BITE_M * 0.5, half_w) > 0.0 {
                continue;
            }
            if cov.depth_at(mx, mz) < mdepth + 0.01 {
                continue; // Deeper than the processed layer: untouched this time.
            }
            mines.list[idx].last_pass = pass;
            let fate = roll_fate(m.spec.tool.kind, mkind, st.fates.random::<f32>());
            mines.list[idx].fate = fate;
            mines.list[idx].t = t;
            match fate {
                Fate::Detonated => {
                    let kind = mkind;
                    let damage = blast(&mut m, kind, false);
                    let d = Detonation { mine: mines.list[idx].id, kind, t, x: mx, z: mz, by_track: false, after_tool: false, damage };
                    st.detonations.push(d.clone());
                    out.write(Detonated(d));
                }
                Fate::ThrownAside => {
                    let ang = st.fates.random::<f32>() * std::f32::consts::TAU;
                    let dist = 1.0 + st.fates.random::<f32>() * 3.0;
                    let (nx, nz) = (mx + dist * libm::cosf(ang), mz + dist * libm::sinf(ang));
                    mines.list[idx].depth_m = 0.0;
                    mines.move_mine(idx, nx.clamp(0.0, field.size_m.0), nz.clamp(0.0, field.size_m.1));
                }
                Fate::PushedDeeper => {
                    mines.list[idx].depth_m += 0.08 + st.fates.random::<f32>() * 0.07;
                }
                _ => {}
            }
        }
        st.scratch = near;
    }

    // Tracks: live pressure mines near either track go off; note tracks on unprocessed ground.
    if m.speed_mps.abs() > 0.01 || m.drive_mps.abs() > 0.01 {
        let half_len = m.spec.chassis_m.0 * 0.45;
        let half_tw = m.spec.track_width_m * 0.5;
        let tracks = m.tracks_xz();
        for tr in tracks {
            for s in [-1.0f32, -0.5, 0.0, 0.5, 1.0] {
                let p = (tr.0 + hx * half_len * s, tr.1 + hz * half_len * s);
                if let Some(k) = cov.cell_at(p.0, p.1)
                    && cov.in_area[k]
                    && cov.passes[k] == 0
                {
                    tt.tracks_on_unprocessed = true;
                }
            }
            let reach = half_len.max(half_tw) + TRACK_TRIGGER_M + SENSITIVE_EXTRA_M;
            let mut near = std::mem::take(&mut st.scratch);
            mines.near((tr.0 - reach, tr.1 - reach), (tr.0 + reach, tr.1 + reach), &mut near);
            for &idx in &near {
                let idx = idx as usize;
                let mine = &mines.list[idx];
                if !mine.fate.is_live() || mine.kind == MineKind::Uxo || mine.depth_m > PRESSURE_DEPTH_M {
                    continue;
                }
                let spread = (mine.depth_m + EDGE_SPREAD_M).min(TRACK_TRIGGER_M);
                let trigger = if mine.fate == Fate::DamagedLive { spread + SENSITIVE_EXTRA_M } else { spread };
                if rect_distance((mine.x, mine.z), tr, (hx, hz), half_len, half_tw) <= trigger {
                    let kind = mine.kind;
                    let (mx, mz) = (mine.x, mine.z);
                    let after_tool = matches!(mine.fate, Fate::ThrownAside | Fate::PushedDeeper | Fate::DamagedLive);
                    mines.list[idx].fate = Fate::DetonatedByTrack;
                    mines.list[idx].t = t;
                    let damage = blast(&mut m, kind, true);
                    let d = Detonation { mine: mines.list[idx].id, kind, t, x: mx, z: mz, by_track: true, after_tool, damage };
                    st.detonations.push(d.clone());
                    out.write(Detonated(d));
                }
            }
            st.scratch = near;
        }
    }
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

pub(crate) fn plugin(app: &mut App) {
    app.add_message::<Detonated>();
    app.init_resource::<ToolTick>();
    app.add_systems(FixedUpdate, work_ground.in_set(SimSet::Clearing));
}
