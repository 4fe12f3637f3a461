//! The clearance gate: every part of the marked area left short of the required depth, found
//! on the coverage grid after the session, split into what the scenario allows the manual
//! teams to take over (around trunks, near rocks, in ditches, in marked zones) and gaps. Gaps
//! beyond the scenario's small tolerance keep a session from passing, whatever its points.

use serde::{Deserialize, Serialize};

use crate::clearing::Coverage;
use crate::field::Field;
use crate::geom;
use crate::scenario::{ManualClearance, Scoring};
use crate::lanes::LaneFrame;
use crate::text::Message;

/// Bank beyond a ditch's far edge that a `Ditches` allowance also leaves to the manual teams,
/// metres: a machine on the field side tilts towards the trough there. Assumption.
const DITCH_BANK_M: f32 = 0.5;

/// Patches smaller than this are counted but not named one by one, m² (five cells).
const NAMED_PATCH_M2: f32 = 0.05;

/// Where a patch of ground left short lies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Place {
    /// Between two processed lanes (a skipped lane, too little overlap).
    BetweenLanes,
    /// Along the area's edge across the lanes (the first or last lane short of the edge).
    AreaEdge,
    /// At the ends of lanes (the tool lifted early or lowered late).
    LaneEnd,
    /// Inside a lane: worked, but short of the depth.
    InLane,
}

/// A connected patch of ground left short of the depth.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Patch {
    /// Its centre, world metres.
    pub x: f32,
    pub z: f32,
    pub lane: u32,
    /// Metres along the lanes from the area's edge.
    pub from_m: f32,
    pub to_m: f32,
    pub area_m2: f32,
    pub place: Place,
    /// The deepest any pass reached in it, cm (0: never processed).
    pub reached_cm: f32,
    /// For ground left to the manual teams: what the scenario allows ("trees", "ditch", ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manual: Option<String>,
}

impl Patch {
    /// The gap fault's message.
    pub fn message(&self, required_cm: f32) -> Message {
        Message::new("fault-gap")
            .num("lane", self.lane)
            .num("from_m", self.from_m.round())
            .num("to_m", self.to_m.round())
            .num("area_m2", self.area_m2)
            .text("place", crate::text::key(&self.place))
            .num("reached_cm", self.reached_cm)
            .num("required_cm", required_cm)
    }
}

/// The hazard area's ground left short of the depth at the end of a session.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GroundLeft {
    /// Short ground the scenario does not allow to be left, m², and its patches (largest first).
    pub gaps_m2: f32,
    pub gaps: Vec<Patch>,
    /// Short ground the scenario leaves to the manual teams, m², and its patches.
    pub manual_m2: f32,
    pub manual: Vec<Patch>,
    /// Cells (coverage grid order) of short ground left to the manual teams.
    pub manual_cells: Vec<bool>,
}

/// Whether any cell within `reach_m` of `c` in direction `dir` (a unit vector), stepping a
/// cell at a time, has been processed.
pub(super) fn processed_within(cov: &Coverage, c: (f32, f32), dir: (f32, f32), reach_m: f32) -> bool {
    let steps = (reach_m / cov.cell_m).ceil() as i32;
    (1..=steps).any(|s| {
        let d = s as f32 * cov.cell_m;
        cov.cell_at(c.0 + dir.0 * d, c.1 + dir.1 * d).is_some_and(|k| cov.passes[k] > 0)
    })
}

/// Which allowance (index into `allowances`) covers each cell of the grid, if any.
fn allowance_mask(cov: &Coverage, field: &Field, allowances: &[ManualClearance]) -> Vec<Option<u8>> {
    let mut mask = vec![None; cov.nx * cov.nz];
    let mark_disc = |mask: &mut Vec<Option<u8>>, c: (f32, f32), r: f32, a: u8| {
        let square = [(c.0 - r, c.1 - r), (c.0 + r, c.1 - r), (c.0 + r, c.1 + r), (c.0 - r, c.1 + r)];
        cov.for_cells_in_convex(&square, |i, j| {
            let k = j * cov.nx + i;
            let p = cov.centre(k);
            if (p.0 - c.0).powi(2) + (p.1 - c.1).powi(2) <= r * r && mask[k].is_none() {
                mask[k] = Some(a);
            }
        });
    };
    for (a, allowance) in allowances.iter().enumerate() {
        let a = a as u8;
        match allowance {
            ManualClearance::AroundTrees { within_m } => {
                for t in &field.trees {
                    mark_disc(&mut mask, (t.x, t.z), t.radius_m + within_m, a);
                }
            }
            ManualClearance::AroundRocks { within_m } => {
                for r in &field.rocks {
                    mark_disc(&mut mask, (r.x, r.z), r.radius_m + within_m, a);
                }
            }
            ManualClearance::Ditches | ManualClearance::Zone { .. } => {
                for k in 0..mask.len() {
                    if !cov.in_area[k] || mask[k].is_some() || cov.depth_mm[k] >= cov.required_mm {
                        continue;
                    }
                    let p = cov.centre(k);
                    let inside = match allowance {
                        ManualClearance::Zone { points } => geom::contains(points, p),
                        _ => field.in_ditch(p, DITCH_BANK_M),
                    };
                    if inside {
                        mask[k] = Some(a);
                    }
                }
            }
        }
    }
    mask
}

/// Finds the ground left short of the depth in the hazard area.
pub fn ground_left(cov: &Coverage, field: &Field, frame: &LaneFrame, scoring: &Scoring) -> GroundLeft {
    let short = |k: usize| cov.in_area[k] && cov.depth_mm[k] < cov.required_mm;
    let allowed = allowance_mask(cov, field, &scoring.manual_clearance);
    // Label each short cell: 0 gap, 1 + allowance for manual ground.
    let class = |k: usize| allowed[k].map_or(0u16, |a| a as u16 + 1);
    let cell = cov.cell_area_m2();
    let mut seen = vec![false; cov.nx * cov.nz];
    let mut out = GroundLeft { manual_cells: vec![false; cov.nx * cov.nz], ..Default::default() };
    let mut stack = Vec::new();
    for start in 0..seen.len() {
        if seen[start] || !short(start) {
            continue;
        }
        let kind = class(start);
        seen[start] = true;
        stack.push(start);
        let (mut n, mut sx, mut sz, mut deepest) = (0u32, 0.0f64, 0.0f64, 0u16);
        let (mut amin, mut amax) = (f32::INFINITY, f32::NEG_INFINITY);
        let (mut edge_along, mut edge_across) = (0u32, 0u32);
        let mut between = 0u32;
        while let Some(k) = stack.pop() {
            n += 1;
            out.manual_cells[k] = kind > 0;
            let c = cov.centre(k);
            sx += c.0 as f64;
            sz += c.1 as f64;
            deepest = deepest.max(cov.depth_mm[k]);
            let a = frame.along(c);
            amin = amin.min(a);
            amax = amax.max(a);
            let (i, j) = (k % cov.nx, k / cov.nx);
            for (di, dj) in [(-1i32, 0i32), (1, 0), (0, -1), (0, 1)] {
                let (ii, jj) = (i as i32 + di, j as i32 + dj);
                if ii < 0 || jj < 0 || ii >= cov.nx as i32 || jj >= cov.nz as i32 {
                    continue;
                }
                let kk = jj as usize * cov.nx + ii as usize;
                if !cov.in_area[kk] {
                    // On the area's boundary: is the way out along the lanes or across them?
                    let (dx, dz) = (di as f32, dj as f32);
                    if (dx * frame.u.0 + dz * frame.u.1).abs() >= (dx * frame.n.0 + dz * frame.n.1).abs() {
                        edge_along += 1;
                    } else {
                        edge_across += 1;
                    }
                } else if !seen[kk] && short(kk) && class(kk) == kind {
                    seen[kk] = true;
                    stack.push(kk);
                }
            }
            // Processed ground on both sides across the lanes, within a working width.
            let side = |sign: f32| processed_within(cov, c, (frame.n.0 * sign, frame.n.1 * sign), frame.working_width);
            if cov.depth_mm[k] == 0 && side(1.0) && side(-1.0) {
                between += 1;
            }
        }
        let area_m2 = n as f32 * cell;
        let (x, z) = ((sx / n as f64) as f32, (sz / n as f64) as f32);
        let place = if between * 2 >= n {
            Place::BetweenLanes
        } else if edge_along + edge_across > 0 {
            if edge_along >= edge_across { Place::LaneEnd } else { Place::AreaEdge }
        } else {
            Place::InLane
        };
        let patch = Patch {
            x,
            z,
            lane: frame.lane_at((x, z)),
            from_m: amin.max(0.0),
            to_m: amax.max(0.0),
            area_m2,
            place,
            reached_cm: deepest as f32 * 0.1,
            manual: (kind > 0).then(|| scoring.manual_clearance[kind as usize - 1].what().to_string()),
        };
        if kind == 0 {
            out.gaps_m2 += area_m2;
            out.gaps.push(patch);
        } else {
            out.manual_m2 += area_m2;
            out.manual.push(patch);
        }
    }
    for list in [&mut out.gaps, &mut out.manual] {
        list.sort_by(|a, b| b.area_m2.total_cmp(&a.area_m2));
    }
    out
}

impl GroundLeft {
    /// Whether the gaps exceed what the scenario tolerates.
    pub fn blocks_pass(&self, scoring: &Scoring) -> bool {
        self.gaps_m2 > scoring.gap_tolerance_m2
    }

    /// The gaps to name as faults: each sizeable patch, or the largest if all are small.
    pub fn named_gaps(&self) -> impl Iterator<Item = &Patch> {
        let first = self.gaps.first();
        self.gaps.iter().filter(move |p| p.area_m2 >= NAMED_PATCH_M2 || Some(*p) == first).take(30)
    }
}
