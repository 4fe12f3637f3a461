//! Quality control and land release after machine clearance, as the field does them: an
//! inspection samples the processed ground (IMAS 09.20: a sampling plan, an inspection method,
//! acceptance criteria), checks the depth reached in the sample and finds any live mine in it;
//! then the verdict on the land — released after machine clearance, follow-up manual clearance
//! required where the machine's own record shows the tool fell short, or QC failed: re-process.
//! The inspection sees only its sample; the truth map stays the simulator's extra.

use rand::RngExt;
use serde::{Deserialize, Serialize};

use crate::clearing::{Coverage, Mines};
use crate::field::{self, Field, Stream};
use crate::geom;
use crate::scenario::QcPlan;
use crate::sim::LaneFrame;

/// Share of the sample that may be shallower than required before QC fails (edge cells of a
/// square the tool grazed). Assumption.
const SHALLOW_TOLERANCE: f32 = 0.02;
/// Area short of the depth, m², below which the land needs no follow-up (a few cells in
/// corners the tool cannot reach). Assumption.
const FOLLOW_UP_TOLERANCE_M2: f32 = 0.2;

/// What the inspection did and found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QcReport {
    /// Squares sampled and the hazard area they cover, m².
    pub squares: u32,
    pub sample_m2: f32,
    /// Of the sample, ground processed shallower than required (or not at all), m².
    pub shallow_m2: f32,
    /// Live mines found in the sample.
    pub live_mines_found: u32,
    pub passed: bool,
    /// The inspection's finding in words.
    pub outcome: String,
}

/// The land release verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Released after machine clearance (with the follow-up search national standards require).
    Released,
    /// QC passed, but parts the machine's record shows short of the depth need manual clearance.
    FollowUpRequired,
    /// QC failed: the area must be re-processed.
    QcFailed,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReleaseReport {
    pub verdict: Verdict,
    /// Hazard area processed to the required depth, m².
    pub released_m2: f32,
    /// Hazard area short of the depth (follow-up manual clearance), m², and where, by lane.
    pub follow_up_m2: f32,
    pub follow_up_where: Vec<String>,
    /// The verdict in the field's words.
    pub statement: String,
}

/// Draws the sample squares' centres: random over the area's bounds from the session's QC
/// stream, kept where the centre lies in the area, until they cover the plan's share.
fn sample_centres(field: &Field, plan: &QcPlan, seed: u64) -> Vec<(f32, f32)> {
    let area = &field.hazard_area;
    let (lo, hi) = geom::bounds(area);
    let want = ((plan.share * geom::area(area)) / (plan.square_m * plan.square_m)).ceil().max(1.0) as usize;
    let mut rng = field::stream(seed, Stream::Qc, 0);
    let mut out = Vec::with_capacity(want);
    for _ in 0..want * 50 {
        if out.len() >= want {
            break;
        }
        let p = (lo.0 + rng.random::<f32>() * (hi.0 - lo.0), lo.1 + rng.random::<f32>() * (hi.1 - lo.1));
        if geom::contains(area, p) {
            out.push(p);
        }
    }
    out
}

/// Inspects the session's ground and gives the land release verdict.
pub fn inspect(field: &Field, cov: &Coverage, mines: &Mines, frame: &LaneFrame, plan: &QcPlan, seed: u64, required_cm: f32) -> (QcReport, ReleaseReport) {
    let centres = sample_centres(field, plan, seed);
    let half = plan.square_m * 0.5;
    let mut sampled = vec![false; cov.nx * cov.nz];
    for &(x, z) in &centres {
        let square = [(x - half, z - half), (x + half, z - half), (x + half, z + half), (x - half, z + half)];
        cov.for_cells_in_convex(&square, |i, j| sampled[j * cov.nx + i] = true);
    }
    let cell = cov.cell_area_m2();
    let (mut sample_cells, mut shallow_cells) = (0u32, 0u32);
    let mut follow_up = std::collections::BTreeMap::<u32, u32>::new();
    let mut short_cells = 0u32;
    for k in 0..cov.in_area.len() {
        if !cov.in_area[k] {
            continue;
        }
        let short = cov.depth_mm[k] < cov.required_mm;
        if sampled[k] {
            sample_cells += 1;
            shallow_cells += short as u32;
        }
        if short {
            short_cells += 1;
            *follow_up.entry(frame.lane_at(cov.centre(k))).or_default() += 1;
        }
    }
    let found = mines
        .list
        .iter()
        // The inspection searches to the required depth.
        .filter(|m| m.fate.is_live() && m.depth_m * 100.0 < required_cm && centres.iter().any(|c| (m.x - c.0).abs() <= half && (m.z - c.1).abs() <= half))
        .count() as u32;
    let sample_m2 = sample_cells as f32 * cell;
    let shallow_m2 = shallow_cells as f32 * cell;
    let depth_ok = shallow_m2 <= SHALLOW_TOLERANCE * sample_m2;
    let passed = found == 0 && depth_ok;
    let outcome = match (found, depth_ok) {
        (0, true) => format!("passed: {} squares ({sample_m2:.0} m²) dug to {required_cm:.0} cm, no live mine found", centres.len()),
        (0, false) => format!("failed: {shallow_m2:.1} m² of the {sample_m2:.0} m² sampled was processed shallower than {required_cm:.0} cm"),
        (n, _) => format!("failed: {n} live mine(s) found in the {sample_m2:.0} m² sampled"),
    };
    let qc = QcReport { squares: centres.len() as u32, sample_m2, shallow_m2, live_mines_found: found, passed, outcome };

    let follow_up_m2 = short_cells as f32 * cell;
    let released_m2 = (cov.area_cells as f32 - short_cells as f32) * cell;
    let follow_up_where: Vec<String> = follow_up.iter().map(|(lane, n)| format!("lane {lane}: {:.1} m²", *n as f32 * cell)).collect();
    let (verdict, statement) = if !passed {
        (Verdict::QcFailed, format!("QC failed: re-process the area ({})", qc.outcome.trim_start_matches("failed: ")))
    } else if follow_up_m2 > FOLLOW_UP_TOLERANCE_M2 {
        (
            Verdict::FollowUpRequired,
            format!(
                "follow-up manual clearance required where the tool did not reach {required_cm:.0} cm: {follow_up_m2:.1} m² ({})",
                follow_up_where.join(", ")
            ),
        )
    } else {
        (
            Verdict::Released,
            format!(
                "area released after machine clearance: {released_m2:.0} m² processed to {required_cm:.0} cm; the follow-up search the standard requires may proceed"
            ),
        )
    };
    (qc, ReleaseReport { verdict, released_m2, follow_up_m2, follow_up_where, statement })
}
