//! Where a trainee and the expert parted most: both sessions on the same field, their working
//! speed (tool down, moving) averaged over 2 m stretches of each lane, and the longest run of
//! stretches where the trainee drove steadily faster (or slower) than the expert.

use std::collections::BTreeMap;

use super::trace::Trace;
use crate::lanes::LaneFrame;
use crate::text::Message;

/// Stretch length the speeds are compared over, metres.
const STRETCH_M: f32 = 2.0;
/// A difference in working speed worth telling, km/h.
const WORTH_KMH: f32 = 0.2;

/// A stretch of a lane where the two drove differently.
#[derive(Clone, Debug, PartialEq)]
pub struct Parting {
    pub lane: u32,
    pub from_m: f32,
    pub to_m: f32,
    /// Mean working speed there, the trainee's and the expert's, km/h.
    pub speed_kmh: f32,
    pub expert_kmh: f32,
}

impl Parting {
    /// "lane 3, 12–30 m: 1.4 km/h against the expert's 0.6 km/h"
    pub fn message(&self) -> Message {
        Message::new("advice-expert-parted")
            .num("lane", self.lane)
            .num("from_m", self.from_m)
            .num("to_m", self.to_m)
            .num("speed_kmh", self.speed_kmh)
            .num("expert_kmh", self.expert_kmh)
    }
}

/// The expert's session on a field, as the trainer shows it beside the trainee: the machine's
/// pose ten times a second (the ghost) and the once-a-second samples (the debrief's charts).
#[derive(Clone, Debug)]
pub struct ExpertRun {
    /// The scenario's origin (path or `built-in:<name>`) and the seed: the field this run is of.
    pub origin: String,
    pub seed: u64,
    pub poses: Vec<GhostPose>,
    pub samples: Vec<crate::scoring::Sample>,
}

/// Where the expert's machine was and how it held its tool.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GhostPose {
    pub pos: bevy::math::Vec3,
    pub rot: bevy::math::Quat,
    pub tool_cm: f32,
    /// A boom machine's slew centre and drum in the ground plane (x, z): where the work is.
    pub boom: Option<GhostBoom>,
}

/// Where an excavator's boom pivots and where its drum is, (x, z) in metres.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GhostBoom {
    pub pivot: (f32, f32),
    pub drum: (f32, f32),
}

impl ExpertRun {
    /// Runs the autopilot on `loaded`'s field for `seed`, headless, to its end (a few seconds).
    pub fn run(loaded: crate::scenario::LoadedScenario, seed: u64) -> ExpertRun {
        let origin = loaded.origin.clone();
        let mut poses = Vec::new();
        let setup = crate::sim::SimSetup { loaded, seed, source: crate::sim::SourceSetup::Autopilot(Default::default()) };
        let app = crate::sim::run_headless_observed(setup, super::trace::POSE_EVERY as u32, |app| {
            let m = app.world().resource::<crate::machine::MachineState>();
            let boom = m.boom.as_ref().map(|b| GhostBoom { pivot: m.pivot_xz(), drum: m.drum_xz_at(b.slew_deg, b.reach_m) });
            poses.push(GhostPose { pos: m.pos, rot: m.rot, tool_cm: m.tool_cm, boom });
        });
        let samples = app.world().resource::<crate::scoring::Scorekeeper>().samples.clone();
        ExpertRun { origin, seed, poses, samples }
    }

    /// The expert's pose `t` seconds into the session (its last, once it has finished).
    pub fn pose_at(&self, t: f32) -> Option<GhostPose> {
        let i = super::trace::pose_index(t);
        self.poses.get(i.min(self.poses.len().saturating_sub(1))).copied()
    }
}

/// Where the machine was, how fast and with the tool how deep: (x, z, km/h, cm).
type Point = (f32, f32, f32, f32);

/// Mean working speed per (lane, stretch): (sum, count).
fn working_speeds(points: &[Point], frame: &LaneFrame) -> BTreeMap<(u32, i32), (f32, u32)> {
    let mut bins: BTreeMap<(u32, i32), (f32, u32)> = BTreeMap::new();
    for &(x, z, speed_kmh, _) in points.iter().filter(|p| p.3 > 0.0 && p.2 > 0.02) {
        let lane = frame.lane_at((x, z));
        let along = frame.along((x, z));
        if lane == 0 || along < 0.0 {
            continue;
        }
        let bin = bins.entry((lane, (along / STRETCH_M).floor() as i32)).or_default();
        bin.0 += speed_kmh;
        bin.1 += 1;
    }
    bins
}

/// The longest run of stretches, on one lane, where the trainee was steadily faster (or
/// slower) than the expert by `WORTH_KMH` or more; weighted by how much and how far.
pub fn parted_most(trainee: &Trace, expert: &Trace, frame: &LaneFrame) -> Option<Parting> {
    let points = |t: &Trace| t.poses.iter().map(|p| (p.x, p.z, p.speed_kmh, p.tool_cm)).collect::<Vec<Point>>();
    parted(&points(trainee), &points(expert), frame)
}

/// As `parted_most`, over the once-a-second samples the debrief keeps.
pub fn parted_most_in_samples(trainee: &[crate::scoring::Sample], expert: &[crate::scoring::Sample], frame: &LaneFrame) -> Option<Parting> {
    let points = |s: &[crate::scoring::Sample]| s.iter().map(|p| (p.x, p.z, p.speed_kmh, p.tool_cm)).collect::<Vec<Point>>();
    parted(&points(trainee), &points(expert), frame)
}

fn parted(trainee: &[Point], expert: &[Point], frame: &LaneFrame) -> Option<Parting> {
    let (ours, theirs) = (working_speeds(trainee, frame), working_speeds(expert, frame));
    struct Run {
        lane: u32,
        first: i32,
        last: i32,
        faster: bool,
        ours: f32,
        theirs: f32,
        n: u32,
        weight: f32,
    }
    let mut best: Option<Run> = None;
    let mut run: Option<Run> = None;
    let close = |run: Option<Run>, best: &mut Option<Run>| {
        if let Some(r) = run
            && best.as_ref().is_none_or(|b| r.weight > b.weight)
        {
            *best = Some(r);
        }
    };
    for (&(lane, bin), &(sum, n)) in &ours {
        let Some(&(their_sum, their_n)) = theirs.get(&(lane, bin)) else {
            close(run.take(), &mut best);
            continue;
        };
        let (mine, expert) = (sum / n as f32, their_sum / their_n as f32);
        let diff = mine - expert;
        if diff.abs() < WORTH_KMH {
            close(run.take(), &mut best);
            continue;
        }
        let faster = diff > 0.0;
        match &mut run {
            Some(r) if r.lane == lane && r.last + 1 == bin && r.faster == faster => {
                r.last = bin;
                r.ours += mine;
                r.theirs += expert;
                r.n += 1;
                r.weight += diff.abs() * STRETCH_M;
            }
            _ => {
                close(run.take(), &mut best);
                run = Some(Run { lane, first: bin, last: bin, faster, ours: mine, theirs: expert, n: 1, weight: diff.abs() * STRETCH_M });
            }
        }
    }
    close(run, &mut best);
    best.map(|r| Parting {
        lane: r.lane,
        from_m: r.first as f32 * STRETCH_M,
        to_m: (r.last + 1) as f32 * STRETCH_M,
        speed_kmh: r.ours / r.n as f32,
        expert_kmh: r.theirs / r.n as f32,
    })
}
