//! The final report: score out of 100 by the scenario's weights, pass or fail, every fault,
//! every mine's fate, and the numbers behind each part.

use std::collections::BTreeMap;

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::gaps::{Patch, processed_within};
use super::{Fault, FaultKind, Part, Scorekeeper};
use crate::clearing::{self, Coverage, Fate, Mines};
use crate::geom::{self, P2};
use crate::machine::{MachineSpec, MachineState};
use crate::scenario::{MineKind, Weights};
use crate::lanes::LaneFrame;
use crate::tick::{EndReason, Session, SimClock};
use crate::text::{self, Lang, Message};

/// A mine in the report: where it ended up and what became of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MineReport {
    pub id: u32,
    pub kind: MineKind,
    pub x: f32,
    pub z: f32,
    pub depth_cm: f32,
    pub fate: Fate,
    /// Lies in the hazard area, or was laid there (a mine thrown out of it still counts).
    pub in_area: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScoreReport {
    pub scenario: String,
    pub machine: String,
    pub seed: u64,
    /// 0–100, the scenario's weights applied to each part's quality.
    pub score: f32,
    pub passed: bool,
    pub pass_mark: f32,
    pub end_reason: EndReason,
    /// Share of the hazard area processed to the required depth, 0–1.
    pub coverage_fraction: f32,
    /// Share of the hazard area processed to any depth, 0–1.
    pub processed_fraction: f32,
    pub area_m2: f32,
    pub required_depth_cm: f32,
    pub mines_total: u32,
    pub mines_in_area: u32,
    /// Live mines (including thrown aside, pushed deeper, damaged) inside the hazard area.
    pub mines_live_in_area: u32,
    pub detonations: u32,
    pub sim_seconds: f32,
    /// Hazard area processed to the required depth per hour of work.
    pub productivity_m2_per_h: f32,
    pub machine_reference_m2_per_h: (f32, f32),
    /// Ground between lanes no pass reached, m² (lane technique).
    pub gap_m2: f32,
    /// The clearance gate: ground in the area left short of the required depth that the
    /// scenario does not leave to the manual teams, m²; beyond `gap_tolerance_m2` the session
    /// does not pass. `gaps` lists its patches, largest first.
    #[serde(default)]
    pub gaps_m2: f32,
    #[serde(default)]
    pub gap_tolerance_m2: f32,
    #[serde(default)]
    pub gaps: Vec<Patch>,
    /// Ground short of the depth the scenario leaves to the manual teams, m², and its patches.
    #[serde(default)]
    pub manual_clearance_m2: f32,
    #[serde(default)]
    pub manual_clearance: Vec<Patch>,
    pub mean_overlap_m: f32,
    pub overlap_band_m: (f32, f32),
    pub lane_rms_m: f32,
    /// New ground processed short of the required depth, 0–1.
    pub shallow_fraction: f32,
    pub machine_condition: f32,
    /// The tool at the end: hammers or teeth left of those fitted, their wear (0–1), and the
    /// same in words ("flail: 29 of 34 hammers, 3 % worn").
    #[serde(default)]
    pub tool_left: u32,
    #[serde(default)]
    pub tool_fitted: u32,
    #[serde(default)]
    pub tool_wear: f32,
    #[serde(default)]
    pub tool_state: String,
    /// `tool_state` as data, for other languages. Not in the JSON (a recorded report must
    /// re-serialise unchanged to verify); a report read back falls back to the English.
    #[serde(skip)]
    pub tool_state_message: Message,
    /// The quality-control inspection of the processed ground, and the land release verdict.
    #[serde(default)]
    pub qc: Option<super::qc::QcReport>,
    #[serde(default)]
    pub release: Option<super::qc::ReleaseReport>,
    /// The clearing model that produced this report (`clearing::MODEL_VERSION`).
    #[serde(default = "crate::clearing::first_model")]
    pub model: u32,
    /// Part → points (out of the part's share of 100).
    pub breakdown: BTreeMap<String, f32>,
    /// Part → quality 0–1 before weighting.
    pub quality: BTreeMap<String, f32>,
    pub fates: BTreeMap<String, u32>,
    pub faults: Vec<Fault>,
    /// What to do better, most important first (English; `advice_messages` as data).
    pub advice: Vec<String>,
    #[serde(default)]
    pub advice_messages: Vec<Message>,
    pub mines: Vec<MineReport>,
}

/// Ground between lanes no pass reached, m² (lane technique): hazard cells with processed
/// ground on both sides across the lanes within one working width. A skipped lane is such a
/// gap; unfinished ground beyond the last lane is not. With `along_too` (a boom cutter, whose
/// columns of sweeps lie side by side along the lanes), processed ground on both sides along
/// the lanes also makes one. (The clearance gate, `gaps::ground_left`, judges all ground left
/// short, wherever it lies.)
fn between_lanes_m2(cov: &Coverage, frame: &LaneFrame, along_too: bool) -> f32 {
    let w = frame.working_width;
    let mut n = 0u32;
    for k in 0..cov.passes.len() {
        if !cov.in_area[k] || cov.passes[k] > 0 {
            continue;
        }
        let c = cov.centre(k);
        let side = |dir: (f32, f32), sign: f32| processed_within(cov, c, (dir.0 * sign, dir.1 * sign), w);
        if (side(frame.n, 1.0) && side(frame.n, -1.0)) || (along_too && side(frame.u, 1.0) && side(frame.u, -1.0)) {
            n += 1;
        }
    }
    n as f32 * cov.cell_area_m2()
}

/// Computes the report of the session in `world` (final once the session has ended).
pub fn final_report(world: &mut World) -> ScoreReport {
    let session = world.resource::<Session>().clone();
    let s = &session.loaded.scenario;
    let spec = &session.loaded.machine;
    let clock = world.resource::<SimClock>().clone();
    let frame = world.resource::<LaneFrame>().clone();
    let cov = world.resource::<Coverage>().clone();
    let machine = world.resource::<MachineState>().clone();
    let mut mines = world.resource::<Mines>().clone();
    clearing::settle_fates(&mut mines, &cov);
    let keeper = world.resource::<Scorekeeper>().clone();
    let detonations = world.resource::<clearing::ClearingState>().detonations.len() as u32;
    let area = &world.resource::<crate::tick::Ground>().0.hazard_area.clone();

    let mut faults = keeper.faults.clone();
    let boom = spec.has_boom();
    let gap_m2 = between_lanes_m2(&cov, &frame, boom);
    let area_m2 = geom::area(area);
    let t_end = clock.seconds();
    let left = {
        let field = &world.resource::<crate::tick::Ground>().0;
        super::gaps::ground_left(&cov, field, &frame, &s.scoring)
    };
    let gate_shut = left.blocks_pass(&s.scoring);
    if gate_shut {
        for g in left.named_gaps() {
            faults.push(Fault::new(FaultKind::Gap, t_end, (g.x, g.z), g.lane, g.message(s.required_depth_cm)));
        }
    }
    let band = s.overlap_m;
    let overlap = Overlap::measure(&cov, &frame, band, boom);
    let (mean_overlap_m, overlap_dev) = (overlap.mean_m, overlap.deviation_m);
    if overlap.worked_cells > 0 && overlap_dev > 0.05 {
        let msg = Message::new("fault-overlap").num("overlap_m", mean_overlap_m).num("lo_m", band.0).num("hi_m", band.1);
        faults.push(Fault::new(FaultKind::OverlapOutOfBand, t_end, frame.to_world(frame.u_range.0, frame.n_range.0), 0, msg));
    }
    if clock.ended == Some(EndReason::TimeLimit) {
        let pos = (machine.pos.x, machine.pos.z);
        faults.push(Fault::new(FaultKind::TimeLimit, t_end, pos, frame.lane_at(pos), Message::new("fault-time-limit").num("limit_min", s.time_limit_min)));
    }

    let laid = &world.resource::<crate::tick::Ground>().0.mines;
    let MineTally { fates, reports: mine_reports, in_area: in_area_n, live_in_area } = MineTally::count(&mines, laid, area, &frame, t_end, &mut faults);
    faults.sort_by(|a, b| a.t.total_cmp(&b.t));
    let (qc, release) = {
        let field = &world.resource::<crate::tick::Ground>().0;
        let qc = super::qc::inspect(field, &cov, &left, &mines, &s.scoring.qc, session.seed, s.required_depth_cm);
        let thrown: Vec<_> = mines.list.iter().filter(|m| m.fate == Fate::ThrownAside).collect();
        let release = super::qc::release(&qc, &cov, &left, &thrown, s.required_depth_cm);
        (qc, release)
    };
    let coverage_fraction = cov.fraction_to_depth();
    let processed_fraction = cov.area_cells_touched as f32 / cov.area_cells.max(1) as f32;
    let hours = (t_end / 3600.0).max(1e-6);
    let productivity = coverage_fraction * area_m2 / hours;
    let shallow_fraction = keeper.fresh_shallow as f32 / keeper.fresh_cells.max(1) as f32;

    let measures = Measures {
        coverage_fraction,
        processed_fraction,
        productivity,
        shallow_fraction,
        gap_m2,
        area_m2,
        overlap_dev,
        in_area: in_area_n,
        live_in_area,
        mean_overlap_m,
        overlap_band_m: band,
    };
    let parts = part_qualities(&measures, &faults, &keeper, &machine, spec, &s.scoring.weights);
    let w = &s.scoring.weights;
    let total_w = w.total().max(1e-6);
    let (score, breakdown, quality) = add_up(&parts, total_w);

    let advice_messages = advice(&parts, total_w, &measures, gate_shut.then_some(&left), &faults, &keeper, &machine, spec, s);
    let health = &machine.tool_health;
    let tool_key = text::key(&spec.tool.kind);
    let advice = advice_messages.iter().map(Message::english).collect();
    let tool_state = Message::new("tool-state")
        .text("tool", tool_key)
        .num("left", health.left)
        .num("fitted", health.fitted)
        .num("wear_pct", (health.wear * 100.0).round())
        .num("hydraulics_pct", health.hydraulics * 100.0);

    ScoreReport {
        scenario: s.title.english().to_string(),
        machine: spec.name.clone(),
        seed: session.seed,
        score,
        passed: score >= s.scoring.pass_mark && !gate_shut,
        pass_mark: s.scoring.pass_mark,
        end_reason: clock.ended.unwrap_or(EndReason::Finished),
        coverage_fraction,
        processed_fraction,
        area_m2,
        required_depth_cm: s.required_depth_cm,
        mines_total: mines.list.len() as u32,
        mines_in_area: in_area_n,
        mines_live_in_area: live_in_area,
        detonations,
        sim_seconds: t_end,
        productivity_m2_per_h: productivity,
        machine_reference_m2_per_h: spec.productivity_m2_per_h,
        gap_m2,
        gaps_m2: left.gaps_m2,
        gap_tolerance_m2: s.scoring.gap_tolerance_m2,
        gaps: left.gaps.clone(),
        manual_clearance_m2: left.manual_m2,
        manual_clearance: left.manual.clone(),
        mean_overlap_m,
        overlap_band_m: band,
        lane_rms_m: keeper.lane_rms_m(),
        shallow_fraction,
        machine_condition: machine.condition,
        tool_left: machine.tool_health.left,
        tool_fitted: machine.tool_health.fitted,
        tool_wear: machine.tool_health.wear,
        tool_state: tool_state.english(),
        tool_state_message: tool_state,
        model: crate::clearing::MODEL_VERSION,
        qc: Some(qc),
        release: Some(release),
        breakdown,
        quality,
        fates,
        faults,
        advice,
        advice_messages,
        mines: mine_reports,
    }
}

/// How much the lanes overlap: the share of processed hazard cells worked twice or more,
/// turned into metres (with lanes w wide overlapping by o, that share is o / (w - o)).
struct Overlap {
    /// Hazard cells worked at all.
    worked_cells: u32,
    mean_m: f32,
    /// How far the mean lies outside the band asked, metres.
    deviation_m: f32,
}

impl Overlap {
    fn measure(cov: &Coverage, frame: &LaneFrame, band: (f32, f32), boom: bool) -> Overlap {
        let (mut once, mut twice) = (0u32, 0u32);
        for k in 0..cov.passes.len() {
            if cov.in_area[k] && cov.passes[k] > 0 {
                once += 1;
                if cov.passes[k] > 1 {
                    twice += 1;
                }
            }
        }
        let share = twice as f32 / once.max(1) as f32;
        let mean_overlap_m = share * frame.working_width / (1.0 + share);
        // A boom cutter's sweeps are arcs: their ends and the ground near the base are always
        // worked more than once, so only too little overlap is a fault for it.
        let overlap_dev = if mean_overlap_m < band.0 {
            band.0 - mean_overlap_m
        } else if mean_overlap_m > band.1 && !boom {
            mean_overlap_m - band.1
        } else {
            0.0
        };
        Overlap { worked_cells: once, mean_m: mean_overlap_m, deviation_m: overlap_dev }
    }
}

/// Every mine's fate and place, counted for the area, with a fault for each live mine the
/// tool threw aside.
struct MineTally {
    fates: BTreeMap<String, u32>,
    reports: Vec<MineReport>,
    in_area: u32,
    live_in_area: u32,
}

impl MineTally {
    fn count(mines: &Mines, laid: &[crate::field::Mine], area: &[P2], frame: &LaneFrame, t_end: f32, faults: &mut Vec<Fault>) -> MineTally {
        let mut fates: BTreeMap<String, u32> = Fate::ALL.iter().map(|f| (serde_json::to_value(f).unwrap().as_str().unwrap().to_string(), 0)).collect();
        let mut mine_reports = Vec::with_capacity(mines.list.len());
        let (mut in_area_n, mut live_in_area) = (0u32, 0u32);
        for (i, m) in mines.list.iter().enumerate() {
            // A mine counts for the area where it lies now or where it was laid: one the tool threw
            // out of the marked area stays the operator's problem (live, for follow-up).
            let laid_in_area = laid.get(i).is_some_and(|l| l.id == m.id && geom::contains(area, (l.x, l.z)));
            let in_area = laid_in_area || geom::contains(area, (m.x, m.z));
            *fates.get_mut(serde_json::to_value(m.fate).unwrap().as_str().unwrap()).unwrap() += 1;
            if in_area {
                in_area_n += 1;
                if m.fate.is_live() {
                    live_in_area += 1;
                }
            }
            // A mine thrown aside live, wherever it landed, is the operator's to mark for follow-up.
            if m.fate == Fate::ThrownAside && in_area {
                let msg = Message::new("fault-live-mine-thrown")
                    .text("mine", text::key(&m.kind))
                    .num("x", m.x)
                    .num("z", m.z)
                    .num("outside", !geom::contains(area, (m.x, m.z)) as u8);
                faults.push(Fault::new(FaultKind::LiveMineThrown, t_end, (m.x, m.z), frame.lane_at((m.x, m.z)), msg));
            }
            mine_reports.push(MineReport { id: m.id, kind: m.kind, x: m.x, z: m.z, depth_cm: m.depth_m * 100.0, fate: m.fate, in_area });
        }
        MineTally { fates, reports: mine_reports, in_area: in_area_n, live_in_area }
    }
}

/// The session's measures each part's quality and the advice are computed from.
#[derive(Clone, Copy)]
struct Measures {
    coverage_fraction: f32,
    processed_fraction: f32,
    productivity: f32,
    shallow_fraction: f32,
    gap_m2: f32,
    area_m2: f32,
    overlap_dev: f32,
    in_area: u32,
    live_in_area: u32,
    mean_overlap_m: f32,
    overlap_band_m: (f32, f32),
}

/// Each part with its weight and quality (0–1). Technique is scored on the work done.
fn part_qualities(measures: &Measures, faults: &[Fault], keeper: &Scorekeeper, machine: &MachineState, spec: &MachineSpec, weights: &Weights) -> [(Part, f32, f32); 6] {
    let Measures { coverage_fraction, processed_fraction, productivity, shallow_fraction, gap_m2, area_m2, overlap_dev, in_area: in_area_n, live_in_area, .. } = *measures;
    let count = |k: FaultKind| faults.iter().filter(|f| f.kind == k).count() as f32;
    let neutralised = if in_area_n == 0 { 1.0 } else { 1.0 - live_in_area as f32 / in_area_n as f32 };
    let q_clear = 0.7 * coverage_fraction + 0.3 * neutralised * coverage_fraction.min(1.0).sqrt();
    let gap_pen = (gap_m2 / area_m2.max(1.0) * 10.0).min(0.6);
    let overlap_pen = (overlap_dev / 0.5 * 0.2).min(0.2);
    let straight_pen = ((keeper.lane_rms_m() - 0.1).max(0.0) / 0.5 * 0.2).min(0.2);
    // Technique is scored on the work done: each part's quality scales with the share of the
    // area worked, so leaving ground undone (and its faults unmade) never earns points.
    let worked = processed_fraction.min(1.0);
    let q_lanes = (1.0 - gap_pen - overlap_pen - straight_pen) * worked;
    let q_speed = if keeper.fresh_cells == 0 { 0.0 } else { (1.0 - shallow_fraction) * worked };
    let q_safety = (1.0
        - 0.3 * count(FaultKind::TracksOnUnprocessed)
        - 0.3 * count(FaultKind::ReversingOntoUnprocessed)
        - 0.5 * count(FaultKind::TrackDetonation)
        - 0.1 * count(FaultKind::LeftWorksite)
        - 0.2 * count(FaultKind::SlopeLimit)
        - 0.2 * count(FaultKind::StandoffBreached)
        - 1.0 * count(FaultKind::MachineDisabled))
    .max(0.0)
        * worked;
    let q_eff = (productivity / spec.productivity_m2_per_h.0).clamp(0.0, 1.0);
    let q_care = (machine.condition / 100.0 - 0.15 * keeper.collisions as f32 - 0.1 * keeper.stalls as f32 - 0.1 * count(FaultKind::BoomCollision))
        .clamp(0.0, 1.0)
        * worked;
    [
        (Part::Clearance, weights.clearance, q_clear),
        (Part::Lanes, weights.lanes, q_lanes),
        (Part::SpeedDepth, weights.speed_depth, q_speed),
        (Part::Safety, weights.safety, q_safety),
        (Part::Efficiency, weights.efficiency, q_eff),
        (Part::MachineCare, weights.machine_care, q_care),
    ]
}

/// Advice: ground left short first, then the costliest parts, in words a trainee can act on.
#[allow(clippy::too_many_arguments)]
fn advice(
    parts: &[(Part, f32, f32); 6],
    total_w: f32,
    measures: &Measures,
    gaps_blocking: Option<&super::gaps::GroundLeft>,
    faults: &[Fault],
    keeper: &Scorekeeper,
    machine: &MachineState,
    spec: &MachineSpec,
    scenario: &crate::scenario::Scenario,
) -> Vec<Message> {
    let Measures { coverage_fraction, productivity, shallow_fraction, gap_m2, live_in_area, mean_overlap_m, overlap_band_m: band, .. } = *measures;
    let boom = spec.has_boom();
    let count = |k: FaultKind| faults.iter().filter(|f| f.kind == k).count() as f32;
    let mut lost: Vec<(f32, Part)> = parts.iter().map(|&(p, wt, q)| (100.0 * wt / total_w * (1.0 - q.clamp(0.0, 1.0)), p)).collect();
    lost.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut advice_messages = Vec::new();
    if let Some(left) = gaps_blocking {
        advice_messages.push(Message::new("advice-gaps").num("area_m2", left.gaps_m2).num("patches", left.gaps.len() as u32));
    }
    let health = &machine.tool_health;
    let tool_key = text::key(&spec.tool.kind);
    for (pts, part) in lost.into_iter().filter(|(p, _)| *p >= 1.0).take(3) {
        let pts = pts.round();
        let msg = match part {
            Part::Clearance => Message::new("advice-clearance")
                .num("coverage_pct", (coverage_fraction * 100.0).round())
                .num("required_cm", scenario.required_depth_cm)
                .num("live", live_in_area),
            Part::Lanes if boom => Message::new("advice-sweeps").num("gap_m2", gap_m2).num("overlap_m", mean_overlap_m).num("lo_m", band.0),
            Part::Lanes => Message::new("advice-lanes")
                .num("gap_m2", gap_m2)
                .num("overlap_m", mean_overlap_m)
                .num("lo_m", band.0)
                .num("hi_m", band.1)
                .num("wander_m", keeper.lane_rms_m()),
            Part::SpeedDepth => Message::new(if boom { "advice-speed-depth-sweeps" } else { "advice-speed-depth" })
                .num("shallow_pct", (shallow_fraction * 100.0).round())
                .num("required_cm", scenario.required_depth_cm),
            Part::Safety => Message::new("advice-safety").num("faults", faults.iter().filter(|f| f.kind.part() == Part::Safety).count() as u32),
            Part::Efficiency => Message::new("advice-efficiency")
                .num("rate_m2h", productivity.round())
                .num("lo_m2h", spec.productivity_m2_per_h.0)
                .num("hi_m2h", spec.productivity_m2_per_h.1),
            Part::MachineCare => Message::new("advice-machine-care")
                .num("condition_pct", machine.condition.round())
                .text("tool", tool_key.clone())
                .num("left", health.left)
                .num("fitted", health.fitted)
                .num("wear_pct", (health.wear * 100.0).round())
                .num("collisions", keeper.collisions)
                .num("boom_strikes", count(FaultKind::BoomCollision) as u32)
                .num("stalls", keeper.stalls),
        };
        advice_messages.push(msg.num("points", pts));
    }
    advice_messages
}

/// The score and each part's points and quality, rounded as the report shows them.
fn add_up(parts: &[(Part, f32, f32); 6], total_w: f32) -> (f32, BTreeMap<String, f32>, BTreeMap<String, f32>) {
    let mut breakdown = BTreeMap::new();
    let mut quality = BTreeMap::new();
    let mut score = 0.0;
    for &(part, weight, q) in parts {
        let points = 100.0 * weight / total_w * q.clamp(0.0, 1.0);
        breakdown.insert(part.key().to_string(), (points * 10.0).round() / 10.0);
        quality.insert(part.key().to_string(), (q.clamp(0.0, 1.0) * 1000.0).round() / 1000.0);
        score += points;
    }
    ((score * 10.0).round() / 10.0, breakdown, quality)
}

impl ScoreReport {
    /// The clearance gate in words, in `lang`: open, or shut by how much ground left short.
    pub fn gate_line(&self, lang: Lang) -> String {
        let manual = if self.manual_clearance_m2 > 0.0 { crate::tr!(lang, "report-gate-manual", manual_m2 = self.manual_clearance_m2) } else { String::new() };
        if self.gaps_m2 > self.gap_tolerance_m2 {
            crate::tr!(
                lang,
                "report-gate-shut",
                gaps_m2 = self.gaps_m2,
                required_cm = self.required_depth_cm,
                places = self.gaps.len(),
                tolerance_m2 = self.gap_tolerance_m2,
                manual = manual
            )
        } else {
            crate::tr!(lang, "report-gate-open", gaps_m2 = self.gaps_m2, tolerance_m2 = self.gap_tolerance_m2, manual = manual)
        }
    }

    /// The report as a readable table for the terminal, in `lang`. English reproduces the
    /// stored English texts (fault details, advice, QC, release) exactly; another language
    /// renders their messages (falling back to the English of reports that have none).
    pub fn table(&self, lang: Lang) -> String {
        let mut o = String::new();
        use std::fmt::Write;
        let en = lang == Lang::En;
        // A number for a column: as `{:>width.decimals}` would write it, in `lang`'s way.
        let col = |v: f32, decimals: usize, width: usize| format!("{:>width$}", lang.number(v as f64, decimals));
        let _ = writeln!(
            o,
            "{}",
            crate::tr!(lang, "report-title", scenario = self.scenario_in(lang), machine = self.machine_in(lang), seed = self.seed.to_string())
        );
        let verdict = if self.passed { crate::tr!(lang, "report-pass") } else { crate::tr!(lang, "report-fail") };
        let ended = crate::tr!(lang, &format!("report-ended-{:?}", self.end_reason));
        let _ = writeln!(o, "{}", crate::tr!(lang, "report-score", score = self.score, verdict = verdict, pass_mark = self.pass_mark, ended = ended));
        let _ = writeln!(o);
        let parts: Vec<(Part, String)> = Part::ALL.iter().map(|&p| (p, p.name_in(lang))).collect();
        let part_w = parts.iter().map(|(_, name)| name.chars().count()).max().unwrap_or(0).max(18);
        let _ = writeln!(
            o,
            "  {:<part_w$} {:>7} {:>8}",
            crate::tr!(lang, "report-col-part"),
            crate::tr!(lang, "report-col-points"),
            crate::tr!(lang, "report-col-quality")
        );
        for (p, name) in &parts {
            let _ = writeln!(o, "  {:<part_w$} {} {}%", name, col(self.breakdown[p.key()], 1, 7), col(self.quality[p.key()] * 100.0, 0, 7));
        }
        let _ = writeln!(o);
        let _ = writeln!(
            o,
            "  {}",
            crate::tr!(
                lang,
                "report-area-processed",
                depth_cm = self.required_depth_cm,
                share = col(self.coverage_fraction * 100.0, 1, 6),
                area_m2 = self.area_m2
            )
        );
        let _ = writeln!(o, "  {}", crate::tr!(lang, "report-area-touched", share = col(self.processed_fraction * 100.0, 1, 6)));
        let _ = writeln!(
            o,
            "  {}",
            crate::tr!(
                lang,
                "report-productivity",
                rate = col(self.productivity_m2_per_h, 0, 6),
                lo = self.machine_reference_m2_per_h.0,
                hi = self.machine_reference_m2_per_h.1
            )
        );
        let _ = writeln!(
            o,
            "  {}",
            crate::tr!(
                lang,
                "report-lanes",
                gap_m2 = self.gap_m2,
                overlap_m = self.mean_overlap_m,
                lo_m = self.overlap_band_m.0,
                hi_m = self.overlap_band_m.1,
                wander_m = self.lane_rms_m
            )
        );
        let _ = writeln!(o, "  {}", crate::tr!(lang, "report-shallow", share = col(self.shallow_fraction * 100.0, 1, 6)));
        let _ = writeln!(o, "  {}", self.gate_line(lang));
        let _ = writeln!(
            o,
            "  {}",
            crate::tr!(lang, "report-time", seconds = self.sim_seconds, condition = self.machine_condition, detonations = self.detonations)
        );
        if !self.tool_state.is_empty() {
            let _ = writeln!(o, "  {}", self.tool_state_in(lang));
        }
        if let (Some(qc), Some(rel)) = (&self.qc, &self.release) {
            let outcome = if en || qc.finding.id.is_empty() { qc.outcome.clone() } else { qc.finding.in_lang(lang) };
            let statement = if en || rel.statement_message.id.is_empty() { rel.statement.clone() } else { rel.statement_message.in_lang(lang) };
            let _ = writeln!(o, "  {}", crate::tr!(lang, "report-qc", outcome = outcome));
            let _ = writeln!(o, "  {}", crate::tr!(lang, "report-release", statement = statement));
        }
        let _ = writeln!(
            o,
            "  {}",
            crate::tr!(lang, "report-mines", total = self.mines_total, in_area = self.mines_in_area, live = self.mines_live_in_area)
        );
        // English shows each fate by its key, as the JSON names it; another language by its name.
        let fates: Vec<(String, u32)> = self
            .fates
            .iter()
            .filter(|(_, n)| **n > 0)
            .map(|(key, n)| {
                let name = if en { key.clone() } else { Fate::ALL.into_iter().find(|f| text::key(f) == *key).map_or_else(|| key.clone(), |f| f.name_in(lang)) };
                (name, *n)
            })
            .collect();
        let fate_w = fates.iter().map(|(name, _)| name.chars().count()).max().unwrap_or(0).max(20);
        for (fate, n) in &fates {
            let _ = writeln!(o, "    {fate:<fate_w$} {n}");
        }
        let _ = writeln!(o);
        if self.faults.is_empty() {
            let _ = writeln!(o, "{}", crate::tr!(lang, "report-no-faults"));
        } else {
            let _ = writeln!(o, "{}", crate::tr!(lang, "report-faults", count = self.faults.len()));
            let shown = &self.faults[..self.faults.len().min(40)];
            let kinds: Vec<String> = shown.iter().map(|f| f.kind.name_in(lang)).collect();
            // English keeps its fixed column (a longer name pushes its own line only).
            let kind_w = if en { 34 } else { kinds.iter().map(|k| k.chars().count()).max().unwrap_or(0).max(34) };
            for (f, kind) in shown.iter().zip(&kinds) {
                let detail = if en || f.message.id.is_empty() { f.detail.clone() } else { f.message.in_lang(lang) };
                let _ = writeln!(
                    o,
                    "  {}",
                    crate::tr!(
                        lang,
                        "report-fault-row",
                        t = col(f.t, 0, 6),
                        x = col(f.x, 1, 5),
                        z = col(f.z, 1, 5),
                        kind = format!("{kind:<kind_w$}"),
                        detail = detail
                    )
                );
            }
            if self.faults.len() > 40 {
                let _ = writeln!(o, "  {}", crate::tr!(lang, "report-faults-more", more = self.faults.len() - 40));
            }
        }
        let advice: Vec<String> =
            if en || self.advice_messages.is_empty() { self.advice.clone() } else { self.advice_messages.iter().map(|m| m.in_lang(lang)).collect() };
        if !advice.is_empty() {
            let _ = writeln!(o);
            let _ = writeln!(o, "{}", crate::tr!(lang, "report-advice"));
            for a in &advice {
                let _ = writeln!(o, "  - {a}");
            }
        }
        o
    }

    /// The scenario's title in `lang`: a built-in scenario's own (the report keeps the English
    /// title only); any other scenario's as the report has it.
    fn scenario_in(&self, lang: Lang) -> String {
        crate::scenario::builtin_title_in(&self.scenario, lang)
    }

    /// The machine's name in `lang`: a built-in machine's (the report keeps the name its file
    /// gives); any other machine's as the report has it.
    fn machine_in(&self, lang: Lang) -> String {
        crate::scenario::builtin_machine_in(&self.machine, lang)
    }

    /// The report as a file keeps it (its JSON): without the messages that ride beside it for
    /// other languages, which a report read back falls back from to the English.
    pub fn as_recorded(mut self) -> ScoreReport {
        self.tool_state_message = Message::default();
        if let Some(release) = &mut self.release {
            release.follow_up_places.clear();
        }
        self
    }

    /// The tool's state in `lang` (a report read back from JSON has only the English).
    pub fn tool_state_in(&self, lang: Lang) -> String {
        if lang == Lang::En || self.tool_state_message.id.is_empty() {
            return self.tool_state.clone();
        }
        self.tool_state_message.in_lang(lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::qc::{QcReport, ReleaseReport, Verdict};
    use crate::text::{Lang, Message};

    /// A finished report with every section filled in.
    fn sample() -> ScoreReport {
        let finding = Message::new("qc-passed").num("squares", 3u32).num("sample_m2", 75.0f32).num("required_cm", 20.0f32);
        let statement = Message::new("release-released").num("released_m2", 1190.0f32).num("required_cm", 20.0f32);
        let advice_messages = vec![
            Message::new("advice-safety").num("points", 6.0f32).num("faults", 2u32),
            Message::new("advice-efficiency").num("points", 1.0f32).num("rate_m2h", 420.0f32).num("lo_m2h", 500.0f32).num("hi_m2h", 1500.0f32),
        ];
        let tool_state =
            Message::new("tool-state").text("tool", "Flail").num("left", 29u32).num("fitted", 34u32).num("wear_pct", 3.0f32).num("hydraulics_pct", 80.4f32);
        let part_keys = Part::ALL.map(|p| p.key().to_string());
        let lesson = crate::scenario::load_builtin("first_lesson").unwrap().unwrap();
        ScoreReport {
            scenario: lesson.scenario.title.english().to_string(),
            machine: lesson.machine.name.clone(),
            seed: 18_446_744_073_709_551_557,
            score: 72.46,
            passed: true,
            pass_mark: 60.0,
            end_reason: EndReason::Finished,
            coverage_fraction: 0.9512,
            processed_fraction: 0.993,
            area_m2: 1200.0,
            required_depth_cm: 20.0,
            mines_total: 12,
            mines_in_area: 10,
            mines_live_in_area: 1,
            detonations: 3,
            sim_seconds: 1834.6,
            productivity_m2_per_h: 2280.4,
            machine_reference_m2_per_h: (500.0, 1500.0),
            gap_m2: 1.46,
            gaps_m2: 0.04,
            gap_tolerance_m2: 0.5,
            gaps: Vec::new(),
            manual_clearance_m2: 2.54,
            manual_clearance: Vec::new(),
            mean_overlap_m: 0.314,
            overlap_band_m: (0.2, 0.5),
            lane_rms_m: 0.123,
            shallow_fraction: 0.0412,
            machine_condition: 88.4,
            tool_left: 29,
            tool_fitted: 34,
            tool_wear: 0.03,
            tool_state: tool_state.english(),
            tool_state_message: tool_state,
            qc: Some(QcReport { squares: 3, sample_m2: 75.0, shallow_m2: 0.0, live_mines_found: 0, passed: true, outcome: finding.english(), finding }),
            release: Some(ReleaseReport {
                verdict: Verdict::Released,
                released_m2: 1190.0,
                follow_up_m2: 0.0,
                follow_up_where: Vec::new(),
                follow_up_places: Vec::new(),
                statement: statement.english(),
                statement_message: statement,
            }),
            model: crate::clearing::MODEL_VERSION,
            breakdown: part_keys.iter().enumerate().map(|(i, k)| (k.clone(), 10.0 + i as f32 * 1.3)).collect(),
            quality: part_keys.iter().enumerate().map(|(i, k)| (k.clone(), 0.9 - i as f32 * 0.07)).collect(),
            fates: Fate::ALL.iter().enumerate().map(|(i, f)| (text::key(f), (i % 3) as u32)).collect(),
            faults: vec![
                Fault::new(FaultKind::TimeLimit, 1800.0, (12.5, -3.25), 2, Message::new("fault-time-limit").num("limit_min", 30.0f32)),
                Fault::new(FaultKind::BoomCollision, 95.2, (-101.25, 7.0), 0, Message::new("fault-boom-obstacle")),
            ],
            advice: advice_messages.iter().map(Message::english).collect(),
            advice_messages,
            mines: Vec::new(),
        }
    }

    /// The same report failed at the gate, with no QC, no tool state and many faults; and one
    /// with no faults and no advice.
    fn variants() -> Vec<ScoreReport> {
        let mut shut = sample();
        shut.passed = false;
        shut.end_reason = EndReason::TimeLimit;
        shut.gaps_m2 = 3.25;
        shut.manual_clearance_m2 = 0.0;
        shut.qc = None;
        shut.tool_state = String::new();
        let fault = shut.faults[0].clone();
        shut.faults = vec![fault; 45];
        let mut clean = sample();
        clean.end_reason = EndReason::MachineDisabled;
        clean.faults.clear();
        clean.advice.clear();
        clean.advice_messages.clear();
        let mut old = sample();
        // A report from before messages: English text only.
        old.faults.iter_mut().for_each(|f| f.message = Message::default());
        old.advice_messages.clear();
        old.qc.as_mut().unwrap().finding = Message::default();
        old.release.as_mut().unwrap().statement_message = Message::default();
        vec![sample(), shut, clean, old]
    }

    /// The English table as the code wrote it before it spoke other languages.
    fn table_before(r: &ScoreReport) -> String {
        let gate_line = {
            let manual = if r.manual_clearance_m2 > 0.0 {
                format!("; {:.1} m² left for manual clearance as the scenario allows", r.manual_clearance_m2)
            } else {
                String::new()
            };
            if r.gaps_m2 > r.gap_tolerance_m2 {
                format!(
                    "GAPS: {:.1} m² of the area left short of {:.0} cm in {} place(s) (tolerated {:.2} m²): no pass{manual}",
                    r.gaps_m2,
                    r.required_depth_cm,
                    r.gaps.len(),
                    r.gap_tolerance_m2
                )
            } else {
                format!("no gaps: {:.2} m² short of the depth, within the {:.2} m² tolerated{manual}", r.gaps_m2, r.gap_tolerance_m2)
            }
        };
        let mut o = String::new();
        use std::fmt::Write;
        let _ = writeln!(o, "{} — {} (seed {})", r.scenario, r.machine, r.seed);
        let _ = writeln!(
            o,
            "Score {:.1} / 100  {}  (pass mark {:.0}; ended: {:?})",
            r.score,
            if r.passed { "PASS" } else { "FAIL" },
            r.pass_mark,
            r.end_reason
        );
        let _ = writeln!(o);
        let _ = writeln!(o, "  {:<18} {:>7} {:>8}", "part", "points", "quality");
        for p in Part::ALL {
            let _ = writeln!(o, "  {:<18} {:>7.1} {:>7.0}%", p.label(), r.breakdown[p.key()], r.quality[p.key()] * 100.0);
        }
        let _ = writeln!(o);
        let _ = writeln!(o, "  area processed to {:.0} cm   {:>6.1} % of {:.0} m²", r.required_depth_cm, r.coverage_fraction * 100.0, r.area_m2);
        let _ = writeln!(o, "  area touched at all        {:>6.1} %", r.processed_fraction * 100.0);
        let _ = writeln!(
            o,
            "  productivity               {:>6.0} m²/h (machine reference {:.0}–{:.0})",
            r.productivity_m2_per_h, r.machine_reference_m2_per_h.0, r.machine_reference_m2_per_h.1
        );
        let _ = writeln!(
            o,
            "  gaps {:.1} m², mean overlap {:.2} m (asked {:.1}–{:.1}), lane wander {:.2} m",
            r.gap_m2, r.mean_overlap_m, r.overlap_band_m.0, r.overlap_band_m.1, r.lane_rms_m
        );
        let _ = writeln!(o, "  new ground short of depth  {:>6.1} %", r.shallow_fraction * 100.0);
        let _ = writeln!(o, "  {gate_line}");
        let _ = writeln!(o, "  time {:.0} s, machine condition {:.0} %, detonations {}", r.sim_seconds, r.machine_condition, r.detonations);
        if !r.tool_state.is_empty() {
            let _ = writeln!(o, "  {}", r.tool_state);
        }
        if let (Some(qc), Some(rel)) = (&r.qc, &r.release) {
            let _ = writeln!(o, "  quality control {}", qc.outcome);
            let _ = writeln!(o, "  land release: {}", rel.statement);
        }
        let _ = writeln!(o, "  mines: {} in all, {} in the area, {} live in the area", r.mines_total, r.mines_in_area, r.mines_live_in_area);
        for (fate, n) in &r.fates {
            if *n > 0 {
                let _ = writeln!(o, "    {fate:<20} {n}");
            }
        }
        let _ = writeln!(o);
        if r.faults.is_empty() {
            let _ = writeln!(o, "No faults.");
        } else {
            let _ = writeln!(o, "Faults ({}):", r.faults.len());
            for f in r.faults.iter().take(40) {
                let _ = writeln!(o, "  {:>6.0} s  ({:>5.1}, {:>5.1})  {:<34} {}", f.t, f.x, f.z, f.kind.label(), f.detail);
            }
            if r.faults.len() > 40 {
                let _ = writeln!(o, "  … and {} more (see the JSON report)", r.faults.len() - 40);
            }
        }
        if !r.advice.is_empty() {
            let _ = writeln!(o);
            let _ = writeln!(o, "What to do better:");
            for a in &r.advice {
                let _ = writeln!(o, "  - {a}");
            }
        }
        o
    }

    #[test]
    fn the_english_table_is_unchanged() {
        for r in variants() {
            assert_eq!(r.table(Lang::En), table_before(&r));
        }
    }

    #[test]
    fn the_ukrainian_table_is_all_translated() {
        for (i, r) in variants().iter().enumerate() {
            let uk = r.table(Lang::Uk);
            // An unknown id shows as "[id]", a missing argument as "{$name}".
            assert!(!uk.contains('[') && !uk.contains("{$"), "{uk}");
            // (The last report is an old one: its faults, advice, QC and release stay English.)
            if i == 3 {
                continue;
            }
            for english in ["Score", "PASS", "FAIL", "part", "area processed", "productivity", "gaps", "mines:", "Faults", "What to do better", "seed"] {
                assert!(!uk.contains(english), "{english}: {uk}");
            }
        }
        let uk = sample().table(Lang::Uk);
        assert!(uk.contains("72,5") && uk.contains("ЗАРАХОВАНО"), "{uk}");
        // The built-in scenario's and machine's own Ukrainian names; another's as the report has them.
        let lesson = crate::scenario::load_builtin("first_lesson").unwrap().unwrap();
        assert!(uk.starts_with(&format!("{} — ", lesson.scenario.title.shown(Lang::Uk).text)), "{uk}");
        assert!(uk.lines().next().unwrap().contains(&text::machine_name(Lang::Uk, &lesson.scenario.machine, "?")), "{uk}");
        let mut own = sample();
        own.scenario = "My own exercise".into();
        assert!(own.table(Lang::Uk).starts_with("My own exercise — "));
        // The tool's state, stored in English only, rebuilt in Ukrainian.
        assert!(uk.contains("29 із 34") && !uk.contains("hammers"), "{uk}");
        // Faults, advice, QC and release from their messages; a report without them keeps its English.
        assert!(uk.contains(&sample().faults[0].message.in_lang(Lang::Uk)), "{uk}");
        assert!(uk.contains(&sample().advice_messages[0].in_lang(Lang::Uk)), "{uk}");
        let old = variants().pop().unwrap();
        assert!(old.table(Lang::Uk).contains(&old.faults[0].detail));
    }

    #[test]
    fn the_json_keeps_its_english() {
        let r = sample();
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["tool_state"], serde_json::Value::from(r.tool_state.clone()));
        assert!(json.get("tool_state_message").is_none(), "the message is not in the JSON");
        let back = serde_json::from_value::<ScoreReport>(json).unwrap();
        assert_eq!(back, ScoreReport { tool_state_message: Message::default(), ..r.clone() });
        assert_eq!(back.tool_state_in(Lang::Uk), r.tool_state, "read back, it falls back to the English");
        assert_ne!(r.tool_state_in(Lang::Uk), r.tool_state);
    }
}
