//! The final report: score out of 100 by the scenario's weights, pass or fail, every fault,
//! every mine's fate, and the numbers behind each part.

use std::collections::BTreeMap;

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::{Fault, FaultKind, Part, Scorekeeper};
use crate::clearing::{self, Coverage, Fate, Mines};
use crate::geom;
use crate::machine::MachineState;
use crate::scenario::MineKind;
use crate::sim::{EndReason, LaneFrame, Session, SimClock};

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
    pub gap_m2: f32,
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
    /// What to do better, most important first.
    pub advice: Vec<String>,
    pub mines: Vec<MineReport>,
}

/// Gap cells: hazard cells no pass reached, with processed ground on both sides across the
/// lanes within one working width. A skipped lane is a gap; unfinished ground beyond the last
/// lane is not. With `along_too` (a boom cutter, whose columns of sweeps lie side by side
/// along the lanes), processed ground on both sides along the lanes also makes a gap.
fn gap_faults(cov: &Coverage, frame: &LaneFrame, along_too: bool) -> (f32, Vec<Fault>) {
    let w = frame.working_width;
    let steps = (w / cov.cell_m).ceil() as i32;
    let processed = |x: f32, z: f32| cov.cell_at(x, z).is_some_and(|k| cov.passes[k] > 0);
    let mut gap = vec![false; cov.nx * cov.nz];
    for k in 0..gap.len() {
        if !cov.in_area[k] || cov.passes[k] > 0 {
            continue;
        }
        let c = cov.centre(k);
        let side = |dir: (f32, f32), sign: f32| {
            (1..=steps).any(|s| {
                let d = s as f32 * cov.cell_m * sign;
                processed(c.0 + dir.0 * d, c.1 + dir.1 * d)
            })
        };
        gap[k] = (side(frame.n, 1.0) && side(frame.n, -1.0)) || (along_too && side(frame.u, 1.0) && side(frame.u, -1.0));
    }
    // Group gap cells into patches (4-connected) and report each sizeable one.
    let mut seen = vec![false; gap.len()];
    let mut faults = Vec::new();
    let mut total = 0.0;
    let mut stack = Vec::new();
    for start in 0..gap.len() {
        if !gap[start] || seen[start] {
            continue;
        }
        seen[start] = true;
        stack.push(start);
        let (mut n, mut sx, mut sz) = (0u32, 0.0f64, 0.0f64);
        let (mut amin, mut amax) = (f32::INFINITY, f32::NEG_INFINITY);
        while let Some(k) = stack.pop() {
            n += 1;
            let c = cov.centre(k);
            sx += c.0 as f64;
            sz += c.1 as f64;
            let a = frame.along(c);
            amin = amin.min(a);
            amax = amax.max(a);
            let (i, j) = (k % cov.nx, k / cov.nx);
            let mut push = |kk: usize| {
                if gap[kk] && !seen[kk] {
                    seen[kk] = true;
                    stack.push(kk);
                }
            };
            if i > 0 {
                push(k - 1);
            }
            if i + 1 < cov.nx {
                push(k + 1);
            }
            if j > 0 {
                push(k - cov.nx);
            }
            if j + 1 < cov.nz {
                push(k + cov.nx);
            }
        }
        let m2 = n as f32 * cov.cell_area_m2();
        total += m2;
        if m2 >= 0.5 {
            let (x, z) = ((sx / n as f64) as f32, (sz / n as f64) as f32);
            let lane = frame.lane_at((x, z));
            faults.push(Fault {
                kind: FaultKind::Gap,
                t: 0.0,
                x,
                z,
                lane,
                detail: format!(
                    "lane {lane}, {:.0}–{:.0} m: {m2:.1} m² left unprocessed between lanes; hold the overlap so each lane meets the last",
                    amin.max(0.0),
                    amax.max(0.0)
                ),
            });
        }
    }
    (total, faults)
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
    let area = &world.resource::<crate::sim::Ground>().0.hazard_area.clone();

    let mut faults = keeper.faults.clone();
    let boom = spec.has_boom();
    let (gap_m2, gaps) = gap_faults(&cov, &frame, boom);
    let area_m2 = geom::area(area);
    let t_end = clock.seconds();
    for mut g in gaps {
        g.t = t_end;
        faults.push(g);
    }
    // Overlap: the share of processed hazard cells worked twice or more, turned into metres
    // (with lanes w wide overlapping by o, that share is o / (w - o)).
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
    let band = s.overlap_m;
    // A boom cutter's sweeps are arcs: their ends and the ground near the base are always
    // worked more than once, so only too little overlap is a fault for it.
    let overlap_dev = if mean_overlap_m < band.0 {
        band.0 - mean_overlap_m
    } else if mean_overlap_m > band.1 && !boom {
        mean_overlap_m - band.1
    } else {
        0.0
    };
    if once > 0 && overlap_dev > 0.05 {
        faults.push(Fault {
            kind: FaultKind::OverlapOutOfBand,
            t: t_end,
            x: frame.to_world(frame.u_range.0, frame.n_range.0).0,
            z: frame.to_world(frame.u_range.0, frame.n_range.0).1,
            lane: 0,
            detail: format!("lanes overlapped by {mean_overlap_m:.2} m on average; the scenario asks {:.1}–{:.1} m", band.0, band.1),
        });
    }
    if clock.ended == Some(EndReason::TimeLimit) {
        faults.push(Fault {
            kind: FaultKind::TimeLimit,
            t: t_end,
            x: machine.pos.x,
            z: machine.pos.z,
            lane: frame.lane_at((machine.pos.x, machine.pos.z)),
            detail: format!("the {:.0} min time limit ran out", s.time_limit_min),
        });
    }
    faults.sort_by(|a, b| a.t.total_cmp(&b.t));

    // Mines.
    let mut fates: BTreeMap<String, u32> = Fate::ALL.iter().map(|f| (serde_json::to_value(f).unwrap().as_str().unwrap().to_string(), 0)).collect();
    let mut mine_reports = Vec::with_capacity(mines.list.len());
    let (mut in_area_n, mut live_in_area) = (0u32, 0u32);
    let laid = &world.resource::<crate::sim::Ground>().0.mines;
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
        mine_reports.push(MineReport { id: m.id, kind: m.kind, x: m.x, z: m.z, depth_cm: m.depth_m * 100.0, fate: m.fate, in_area });
    }
    let (qc, release) = {
        let field = &world.resource::<crate::sim::Ground>().0;
        super::qc::inspect(field, &cov, &mines, &frame, &s.scoring.qc, session.seed, s.required_depth_cm)
    };
    let coverage_fraction = cov.fraction_to_depth();
    let processed_fraction = cov.area_cells_touched as f32 / cov.area_cells.max(1) as f32;
    let hours = (t_end / 3600.0).max(1e-6);
    let productivity = coverage_fraction * area_m2 / hours;
    let shallow_fraction = keeper.fresh_shallow as f32 / keeper.fresh_cells.max(1) as f32;

    // Quality of each part, 0–1.
    let count = |k: FaultKind| faults.iter().filter(|f| f.kind == k).count() as f32;
    let neutralised = if in_area_n == 0 { 1.0 } else { 1.0 - live_in_area as f32 / in_area_n as f32 };
    let q_clear = 0.7 * coverage_fraction + 0.3 * neutralised * coverage_fraction.min(1.0).sqrt();
    let gap_pen = (gap_m2 / area_m2.max(1.0) * 10.0).min(0.6);
    let overlap_pen = (overlap_dev / 0.5 * 0.2).min(0.2);
    let straight_pen = ((keeper.lane_rms_m() - 0.1).max(0.0) / 0.5 * 0.2).min(0.2);
    let q_lanes = (1.0 - gap_pen - overlap_pen - straight_pen) * processed_fraction.min(1.0);
    let q_speed = if keeper.fresh_cells == 0 { 0.0 } else { 1.0 - shallow_fraction };
    let q_safety = (1.0
        - 0.3 * count(FaultKind::TracksOnUnprocessed)
        - 0.3 * count(FaultKind::ReversingOntoUnprocessed)
        - 0.5 * count(FaultKind::TrackDetonation)
        - 0.1 * count(FaultKind::LeftWorksite)
        - 0.2 * count(FaultKind::SlopeLimit)
        - 0.2 * count(FaultKind::StandoffBreached)
        - 1.0 * count(FaultKind::MachineDisabled))
    .max(0.0);
    let q_eff = (productivity / spec.productivity_m2_per_h.0).clamp(0.0, 1.0);
    let q_care =
        (machine.condition / 100.0 - 0.15 * keeper.collisions as f32 - 0.1 * keeper.stalls as f32 - 0.1 * count(FaultKind::BoomCollision)).clamp(0.0, 1.0);
    let w = &s.scoring.weights;
    let parts = [
        (Part::Clearance, w.clearance, q_clear),
        (Part::Lanes, w.lanes, q_lanes),
        (Part::SpeedDepth, w.speed_depth, q_speed),
        (Part::Safety, w.safety, q_safety),
        (Part::Efficiency, w.efficiency, q_eff),
        (Part::MachineCare, w.machine_care, q_care),
    ];
    let total_w = w.total().max(1e-6);
    let mut breakdown = BTreeMap::new();
    let mut quality = BTreeMap::new();
    let mut score = 0.0;
    for (part, weight, q) in parts {
        let points = 100.0 * weight / total_w * q.clamp(0.0, 1.0);
        breakdown.insert(part.key().to_string(), (points * 10.0).round() / 10.0);
        quality.insert(part.key().to_string(), (q.clamp(0.0, 1.0) * 1000.0).round() / 1000.0);
        score += points;
    }
    let score = (score * 10.0).round() / 10.0;

    // Advice: the costliest parts first, in words a trainee can act on.
    let mut lost: Vec<(f32, Part)> = parts.iter().map(|&(p, wt, q)| (100.0 * wt / total_w * (1.0 - q.clamp(0.0, 1.0)), p)).collect();
    lost.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut advice = Vec::new();
    for (pts, part) in lost.into_iter().filter(|(p, _)| *p >= 1.0).take(3) {
        let line = match part {
            Part::Clearance => format!(
                "Clearance cost {pts:.0} points: {:.0} % of the area reached {} cm and {live_in_area} live mines remain in it. Finish every lane and hold the depth.",
                coverage_fraction * 100.0,
                s.required_depth_cm
            ),
            Part::Lanes if boom => format!(
                "Sweep technique cost {pts:.0} points: {gap_m2:.1} m² of gaps, overlap {mean_overlap_m:.2} m (asked at least {:.1} m). Change the reach by less than the drum's width between sweeps, and overlap each column with the last.",
                band.0
            ),
            Part::Lanes => format!(
                "Lane technique cost {pts:.0} points: {gap_m2:.1} m² of gaps, overlap {mean_overlap_m:.2} m (asked {:.1}–{:.1} m), sideways wander {:.2} m. Drive straight, parallel lanes.",
                band.0,
                band.1,
                keeper.lane_rms_m()
            ),
            Part::SpeedDepth if boom => format!(
                "Speed and depth cost {pts:.0} points: {:.0} % of new ground was processed shallower than {} cm. Slew slower so the teeth reach the depth, and follow the ground with the boom.",
                shallow_fraction * 100.0,
                s.required_depth_cm
            ),
            Part::SpeedDepth => format!(
                "Speed and depth cost {pts:.0} points: {:.0} % of new ground was processed shallower than {} cm. Slow down until the depth holds, more in hard soil and thick vegetation.",
                shallow_fraction * 100.0,
                s.required_depth_cm
            ),
            Part::Safety => format!(
                "Safety cost {pts:.0} points: {} safety faults. Keep the tracks on processed ground and stay inside the worksite.",
                faults.iter().filter(|f| f.kind.part() == Part::Safety).count()
            ),
            Part::Efficiency => format!(
                "Efficiency cost {pts:.0} points: {productivity:.0} m²/h against the machine's {:.0}–{:.0} m²/h. Turn quickly outside the area and keep working speed.",
                spec.productivity_m2_per_h.0, spec.productivity_m2_per_h.1
            ),
            Part::MachineCare => format!(
                "Machine care cost {pts:.0} points: condition {:.0} %, {}, {} collisions, {} boom strikes, {} rotor stalls. Steer clear of obstacles and ease off in hard ground: the rotor's load rises with the soil's hardness and your speed.",
                machine.condition,
                machine.tool_health.describe(spec.tool.kind),
                keeper.collisions,
                count(FaultKind::BoomCollision),
                keeper.stalls
            ),
        };
        advice.push(line);
    }

    ScoreReport {
        scenario: s.title.clone(),
        machine: spec.name.clone(),
        seed: session.seed,
        score,
        passed: score >= s.scoring.pass_mark,
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
        mean_overlap_m,
        overlap_band_m: band,
        lane_rms_m: keeper.lane_rms_m(),
        shallow_fraction,
        machine_condition: machine.condition,
        tool_left: machine.tool_health.left,
        tool_fitted: machine.tool_health.fitted,
        tool_wear: machine.tool_health.wear,
        tool_state: machine.tool_health.describe(spec.tool.kind),
        model: crate::clearing::MODEL_VERSION,
        qc: Some(qc),
        release: Some(release),
        breakdown,
        quality,
        fates,
        faults,
        advice,
        mines: mine_reports,
    }
}

impl ScoreReport {
    /// The report as a readable table for the terminal.
    pub fn table(&self) -> String {
        let mut o = String::new();
        use std::fmt::Write;
        let _ = writeln!(o, "{} — {} (seed {})", self.scenario, self.machine, self.seed);
        let _ = writeln!(
            o,
            "Score {:.1} / 100  {}  (pass mark {:.0}; ended: {:?})",
            self.score,
            if self.passed { "PASS" } else { "FAIL" },
            self.pass_mark,
            self.end_reason
        );
        let _ = writeln!(o);
        let _ = writeln!(o, "  {:<18} {:>7} {:>8}", "part", "points", "quality");
        for p in Part::ALL {
            let _ = writeln!(o, "  {:<18} {:>7.1} {:>7.0}%", p.label(), self.breakdown[p.key()], self.quality[p.key()] * 100.0);
        }
        let _ = writeln!(o);
        let _ = writeln!(o, "  area processed to {:.0} cm   {:>6.1} % of {:.0} m²", self.required_depth_cm, self.coverage_fraction * 100.0, self.area_m2);
        let _ = writeln!(o, "  area touched at all        {:>6.1} %", self.processed_fraction * 100.0);
        let _ = writeln!(
            o,
            "  productivity               {:>6.0} m²/h (machine reference {:.0}–{:.0})",
            self.productivity_m2_per_h, self.machine_reference_m2_per_h.0, self.machine_reference_m2_per_h.1
        );
        let _ = writeln!(
            o,
            "  gaps {:.1} m², mean overlap {:.2} m (asked {:.1}–{:.1}), lane wander {:.2} m",
            self.gap_m2, self.mean_overlap_m, self.overlap_band_m.0, self.overlap_band_m.1, self.lane_rms_m
        );
        let _ = writeln!(o, "  new ground short of depth  {:>6.1} %", self.shallow_fraction * 100.0);
        let _ = writeln!(o, "  time {:.0} s, machine condition {:.0} %, detonations {}", self.sim_seconds, self.machine_condition, self.detonations);
        if !self.tool_state.is_empty() {
            let _ = writeln!(o, "  {}", self.tool_state);
        }
        if let (Some(qc), Some(rel)) = (&self.qc, &self.release) {
            let _ = writeln!(o, "  quality control {}", qc.outcome);
            let _ = writeln!(o, "  land release: {}", rel.statement);
        }
        let _ = writeln!(o, "  mines: {} in all, {} in the area, {} live in the area", self.mines_total, self.mines_in_area, self.mines_live_in_area);
        for (fate, n) in &self.fates {
            if *n > 0 {
                let _ = writeln!(o, "    {fate:<20} {n}");
            }
        }
        let _ = writeln!(o);
        if self.faults.is_empty() {
            let _ = writeln!(o, "No faults.");
        } else {
            let _ = writeln!(o, "Faults ({}):", self.faults.len());
            for f in self.faults.iter().take(40) {
                let _ = writeln!(o, "  {:>6.0} s  ({:>5.1}, {:>5.1})  {:<34} {}", f.t, f.x, f.z, f.kind.label(), f.detail);
            }
            if self.faults.len() > 40 {
                let _ = writeln!(o, "  … and {} more (see the JSON report)", self.faults.len() - 40);
            }
        }
        if !self.advice.is_empty() {
            let _ = writeln!(o);
            let _ = writeln!(o, "What to do better:");
            for a in &self.advice {
                let _ = writeln!(o, "  - {a}");
            }
        }
        o
    }
}
