//! Quality control and land release after machine clearance, as the field does them: an
//! inspection samples the processed ground (IMAS 09.20: a sampling plan, an inspection method,
//! acceptance criteria), checks the depth reached in the sample and finds any live mine in it;
//! then the verdict on the land — released after machine clearance, follow-up manual clearance
//! required where the machine's own record shows the tool fell short, or QC failed: re-process.
//! The inspection sees only its sample; the truth map stays the simulator's extra.

use rand::RngExt;
use serde::{Deserialize, Serialize};

use super::gaps::GroundLeft;
use crate::clearing::{Coverage, MineState, Mines};
use crate::field::{self, Field, Stream};
use crate::geom;
use crate::scenario::QcPlan;
use crate::text::Message;

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
    /// The inspection's finding in words, and as data.
    pub outcome: String,
    #[serde(default)]
    pub finding: Message,
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
    /// `follow_up_where` as data, for other languages; not in the JSON (a recorded report must
    /// re-serialise unchanged to verify), so a report read back has only the English.
    #[serde(skip)]
    pub follow_up_places: Vec<Message>,
    /// The verdict in the field's words, and as data.
    pub statement: String,
    #[serde(default)]
    pub statement_message: Message,
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

/// Inspects a sample of the session's ground.
/// Ground the scenario leaves to the manual teams (`left.manual_cells`) is not the machine's
/// to answer for: the sample leaves it out.
pub fn inspect(field: &Field, cov: &Coverage, left: &GroundLeft, mines: &Mines, plan: &QcPlan, seed: u64, required_cm: f32) -> QcReport {
    let centres = sample_centres(field, plan, seed);
    let half = plan.square_m * 0.5;
    let mut sampled = vec![false; cov.nx * cov.nz];
    for &(x, z) in &centres {
        let square = [(x - half, z - half), (x + half, z - half), (x + half, z + half), (x - half, z + half)];
        cov.for_cells_in_convex(&square, |i, j| sampled[j * cov.nx + i] = true);
    }
    let cell = cov.cell_area_m2();
    let (mut sample_cells, mut shallow_cells) = (0u32, 0u32);
    for k in 0..cov.in_area.len() {
        if cov.in_area[k] && sampled[k] && !left.manual_cells[k] {
            sample_cells += 1;
            shallow_cells += (cov.depth_mm[k] < cov.required_mm) as u32;
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
    let finding = match (found, depth_ok) {
        (0, true) => Message::new("qc-passed").num("squares", centres.len() as u32).num("sample_m2", sample_m2).num("required_cm", required_cm),
        (0, false) => Message::new("qc-failed-depth").num("shallow_m2", shallow_m2).num("sample_m2", sample_m2).num("required_cm", required_cm),
        (n, _) => Message::new("qc-failed-mines").num("found", n).num("sample_m2", sample_m2),
    };
    QcReport { squares: centres.len() as u32, sample_m2, shallow_m2, live_mines_found: found, passed, outcome: finding.english(), finding }
}

/// The land release verdict: QC's finding, then everything the machine left for follow-up —
/// gaps by lane, ground the scenario leaves to the manual teams, and live mines thrown aside.
pub fn release(qc: &QcReport, cov: &Coverage, left: &GroundLeft, thrown: &[&MineState], required_cm: f32) -> ReleaseReport {
    let cell = cov.cell_area_m2();
    let follow_up_m2 = left.gaps_m2 + left.manual_m2;
    let released_m2 = (cov.area_cells as f32 * cell - follow_up_m2).max(0.0);
    let mut places = Vec::new();
    let mut by_lane = std::collections::BTreeMap::<u32, f32>::new();
    for g in &left.gaps {
        *by_lane.entry(g.lane).or_default() += g.area_m2;
    }
    places.extend(by_lane.iter().filter(|(_, m2)| **m2 >= 0.05).map(|(lane, m2)| Message::new("place-lane").num("lane", *lane).num("area_m2", *m2)));
    let mut manual = std::collections::BTreeMap::<(String, u32), f32>::new();
    for p in &left.manual {
        *manual.entry((p.manual.clone().unwrap_or_default(), p.lane)).or_default() += p.area_m2;
    }
    places.extend(
        manual
            .iter()
            .filter(|(_, m2)| **m2 >= 0.05)
            .map(|((what, lane), m2)| Message::new("place-manual").text("what", what.clone()).num("lane", *lane).num("area_m2", *m2)),
    );
    places.extend(thrown.iter().map(|m| Message::new("place-mine").text("mine", crate::text::key(&m.kind)).num("x", m.x).num("z", m.z)));
    let (verdict, statement) = if !qc.passed {
        (Verdict::QcFailed, Message::new("release-qc-failed").list("finding", vec![qc.finding.clone()]))
    } else if follow_up_m2 > FOLLOW_UP_TOLERANCE_M2 || !thrown.is_empty() {
        (
            Verdict::FollowUpRequired,
            Message::new("release-follow-up").num("area_m2", follow_up_m2).num("required_cm", required_cm).list("places", places.clone()),
        )
    } else {
        (Verdict::Released, Message::new("release-released").num("released_m2", released_m2).num("required_cm", required_cm))
    };
    ReleaseReport {
        verdict,
        released_m2,
        follow_up_m2,
        follow_up_where: places.iter().map(Message::english).collect(),
        follow_up_places: places,
        statement: statement.english(),
        statement_message: statement,
    }
}
