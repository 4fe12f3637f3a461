//! Scoring: faults as they happen, metrics as the work goes, and the final `ScoreReport`.

mod faults;
pub mod gaps;
pub mod live;
pub mod qc;
mod report;

use bevy::prelude::*;
use bevy_rapier3d::prelude::CollisionEvent;

pub use faults::{Fault, FaultKind, Part};
pub use report::{ScoreReport, final_report};

use crate::clearing::{ClearingState, ToolTick};
use crate::geom;
use crate::machine::{MachineBody, MachineState, Obstacle};
use crate::scenario::Scenario;
use crate::lanes::LaneFrame;
use crate::tick::{Ground, Session, SimClock, SimSet};
use crate::text::{self, Message};

/// Why the tool, set deep enough, fell short of the depth on new ground.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ShortCause {
    /// Faster than this ground allows for the tool as it is.
    Speed,
    /// The rotor was not up to speed.
    Rotor,
    /// Worn or lost hammers/teeth: a whole tool would reach the depth at working speed.
    Tool,
    /// Too hard for the tool at any working speed.
    Hardness,
}

/// A condition must hold this many ticks to count as a fault (filters jitter)...
const DEBOUNCE_ON: u32 = 12;
/// ...and be absent this many ticks before a new one can start.
const DEBOUNCE_OFF: u32 = 60;
/// Distance outside the hazard area within which the machine may turn, metres.
pub const WORKSITE_MARGIN_M: f32 = 15.0;

/// One running fault episode of a kind that lasts (e.g. driving too fast along a lane).
#[derive(Clone, Debug, Default)]
struct Episode {
    on: u32,
    off: u32,
    /// Index of its fault in the log while active.
    fault: Option<usize>,
    start_along: f32,
    end_along: f32,
    speed_sum: f32,
    ticks: u32,
    min_cm: f32,
    worst: f32,
}

/// Once a second: what the debrief charts.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Sample {
    pub t: f32,
    pub x: f32,
    pub z: f32,
    /// Ground speed of the machine; for a boom machine, of its cutter while cutting (the sweep).
    pub speed_kmh: f32,
    /// Depth the tool was set to reach (with terrain), cm; 0 when raised.
    pub tool_cm: f32,
    /// Depth the tool could reach at this speed, cm.
    pub capacity_cm: f32,
    pub coverage: f32,
}

/// The scoring state of a session.
#[derive(Resource, Clone, Debug)]
pub struct Scorekeeper {
    pub faults: Vec<Fault>,
    episodes: Vec<(FaultKind, Episode)>,
    pub fresh_cells: u64,
    pub fresh_shallow: u64,
    /// Working-run straightness: sum of squared lateral deviation from each run's mean line, and samples.
    run_lane: u32,
    run_pass: u16,
    run_n: u64,
    run_mean: f64,
    run_m2: f64,
    pub lateral_sq_sum: f64,
    pub lateral_samples: u64,
    pub samples: Vec<Sample>,
    pub collisions: u32,
    pub stalls: u32,
    seen_detonations: usize,
    was_disabled: bool,
    /// Speed/depth state of the last tick that broke new ground (held between such ticks:
    /// at working speed the tool's leading edge crosses a new row of cells only every few ticks).
    held_short: Option<ShortCause>,
    held_shallow: bool,
    /// Running share of new ground left short of the depth, over the last few rows of cells the
    /// tool reached (a slow tool reaches a new row only every few seconds, and single rows
    /// vary with the ground: the share is smoothed and judged with hysteresis).
    shallow_share: f32,
    operator_post: (f32, f32),
    /// The boom was blocked last tick (a strike is one fault, however long it is held).
    boom_was_blocked: bool,
}

impl Scorekeeper {
    pub fn new(s: &Scenario) -> Self {
        use FaultKind::*;
        Scorekeeper {
            faults: Vec::new(),
            episodes: [TracksOnUnprocessed, ReversingOntoUnprocessed, TooFastForDepth, DepthShort, ShallowTool, LeftWorksite, SlopeLimit, StandoffBreached]
                .into_iter()
                .map(|k| (k, Episode::default()))
                .collect(),
            fresh_cells: 0,
            fresh_shallow: 0,
            run_lane: u32::MAX,
            run_pass: 0,
            run_n: 0,
            run_mean: 0.0,
            run_m2: 0.0,
            lateral_sq_sum: 0.0,
            lateral_samples: 0,
            samples: Vec::new(),
            collisions: 0,
            stalls: 0,
            seen_detonations: 0,
            was_disabled: false,
            held_short: None,
            held_shallow: false,
            shallow_share: 0.0,
            operator_post: s.operator_post(),
            boom_was_blocked: false,
        }
    }

    pub fn count(&self, kind: FaultKind) -> usize {
        self.faults.iter().filter(|f| f.kind == kind).count()
    }

    fn close_run(&mut self) {
        if self.run_n > 1 {
            self.lateral_sq_sum += self.run_m2;
            self.lateral_samples += self.run_n;
        }
        self.run_n = 0;
        self.run_mean = 0.0;
        self.run_m2 = 0.0;
    }

    /// Root-mean-square sideways wander within working runs, metres.
    pub fn lane_rms_m(&self) -> f32 {
        if self.lateral_samples == 0 { 0.0 } else { (self.lateral_sq_sum / self.lateral_samples as f64).sqrt() as f32 }
    }
}

/// Per-tick context an episode needs to describe itself.
struct Ctx<'a> {
    t: f32,
    pos: (f32, f32),
    frame: &'a LaneFrame,
    speed_kmh: f32,
    value_cm: f32,
    worst: f32,
}

/// Updates one episode; opens a fault when its condition has held long enough.
fn episode(keeper: &mut Scorekeeper, kind: FaultKind, on: bool, c: &Ctx, describe: &dyn Fn(&Episode) -> Message) {
    let i = keeper.episodes.iter().position(|(k, _)| *k == kind).expect("episode kinds are fixed");
    let mut ep = std::mem::take(&mut keeper.episodes[i].1);
    let along = c.frame.along(c.pos);
    if on {
        ep.on += 1;
        ep.off = 0;
        if ep.on == 1 && ep.fault.is_none() {
            ep.start_along = along;
            ep.speed_sum = 0.0;
            ep.ticks = 0;
            ep.min_cm = f32::INFINITY;
            ep.worst = 0.0;
        }
        ep.end_along = along;
        ep.speed_sum += c.speed_kmh;
        ep.ticks += 1;
        ep.min_cm = ep.min_cm.min(c.value_cm);
        ep.worst = ep.worst.max(c.worst);
        if ep.fault.is_none() && ep.on >= DEBOUNCE_ON {
            keeper.faults.push(Fault::new(kind, c.t, c.pos, c.frame.lane_at(c.pos), describe(&ep)));
            ep.fault = Some(keeper.faults.len() - 1);
        } else if let Some(f) = ep.fault {
            keeper.faults[f].set_message(describe(&ep));
        }
    } else {
        ep.off += 1;
        if ep.off >= DEBOUNCE_OFF || ep.fault.is_none() {
            if ep.off >= DEBOUNCE_OFF {
                ep.fault = None;
            }
            ep.on = 0;
        }
    }
    keeper.episodes[i].1 = ep;
}

/// A message about a stretch of lane `lane` the episode covered ("lane 3, 12–30 m: ...").
fn stretch(id: &str, lane: u32, ep: &Episode) -> Message {
    let (a, b) = if ep.start_along <= ep.end_along { (ep.start_along, ep.end_along) } else { (ep.end_along, ep.start_along) };
    Message::new(id).num("lane", lane).num("from_m", a.max(0.0).round()).num("to_m", b.max(0.0).round())
}

/// What every check this tick reads: where the machine and its tool are, how fast they go,
/// and the ground under the tool.
struct Watch<'a> {
    t: f32,
    pos: (f32, f32),
    /// The machine's ground speed, km/h (negative reversing).
    speed: f32,
    required_cm: f32,
    lane: u32,
    boom: bool,
    tool_pos: (f32, f32),
    tool_speed: f32,
    tool_lane: u32,
    frame: &'a LaneFrame,
    field: &'a crate::field::Field,
    machine: &'a MachineState,
    tool_tick: &'a ToolTick,
    soil: &'a crate::field::SoilProps,
}

impl Watch<'_> {
    /// An episode's context at the machine.
    fn at_machine(&self, value_cm: f32, worst: f32) -> Ctx<'_> {
        Ctx { t: self.t, pos: self.pos, frame: self.frame, speed_kmh: self.speed.abs(), value_cm, worst }
    }

    /// Depth faults are placed where the tool was, not the machine's centre, and speak of the
    /// tool's speed (a boom cutter's sweep; the machine's for a front tool).
    fn at_tool(&self, value_cm: f32) -> Ctx<'_> {
        Ctx { t: self.t, pos: self.tool_pos, frame: self.frame, speed_kmh: self.tool_speed, value_cm, worst: 0.0 }
    }

    /// The speed that reaches the depth here, with this tool as it is (vegetation included);
    /// looked up only on ticks that need it (the tool breaking new ground, a fault's words).
    fn vegetation(&self) -> f32 {
        self.field.vegetation_resistance(self.tool_pos.0, self.tool_pos.1)
    }

    fn max_speed_for_depth(&self) -> f32 {
        self.machine.max_speed_for_depth_kmh(self.required_cm, self.soil.hardness * self.vegetation())
    }
}

/// Watches this tick for faults and collects the metrics the report needs.
#[allow(clippy::too_many_arguments)]
pub fn watch_technique(
    clock: Res<SimClock>,
    session: Res<Session>,
    ground: Res<Ground>,
    frame: Res<LaneFrame>,
    machine: Res<MachineState>,
    tool_tick: Res<ToolTick>,
    coverage: Res<crate::clearing::Coverage>,
    clearing: Res<ClearingState>,
    mut keeper: ResMut<Scorekeeper>,
    mut collisions: MessageReader<CollisionEvent>,
    bodies: Query<(), With<MachineBody>>,
    obstacles: Query<(), With<Obstacle>>,
) {
    let field = &ground.0;
    let pos = (machine.pos.x, machine.pos.z);
    let tool_pos = machine.tool_xz();
    let watch = Watch {
        t: clock.seconds(),
        pos,
        speed: machine.speed_kmh(),
        required_cm: session.loaded.scenario.required_depth_cm,
        lane: frame.lane_at(pos),
        boom: machine.spec.has_boom(),
        tool_pos,
        tool_speed: machine.tool_speed_kmh(),
        tool_lane: frame.lane_at(tool_pos),
        frame: &frame,
        field,
        machine: &machine,
        tool_tick: &tool_tick,
        soil: field.soil_at(tool_pos.0, tool_pos.1),
    };
    let keeper = &mut *keeper;
    watch_tracks(keeper, &watch);
    watch_depth(keeper, &watch);
    watch_shallow_tool(keeper, &watch, &coverage);
    watch_site(keeper, &watch);
    watch_lane_straightness(keeper, &watch, clearing.pass);
    // Instant faults: track detonations, collisions, stalls, disablement.
    note_track_detonations(keeper, &frame, &coverage, &clearing);
    for event in collisions.read() {
        if let CollisionEvent::Started(a, b, _) = event {
            let hit = (bodies.contains(*a) && obstacles.contains(*b)) || (bodies.contains(*b) && obstacles.contains(*a));
            if hit {
                keeper.collisions += 1;
                keeper.faults.push(Fault::new(FaultKind::Collision, watch.t, pos, watch.lane, Message::new("fault-collision").num("speed_kmh", watch.speed.abs())));
            }
        }
    }
    note_machine_faults(keeper, &watch);
    // Once a second: a sample for the charts.
    if clock.tick % 60 == 0 {
        take_sample(keeper, &watch, &coverage);
    }
}

/// Tracks on ground the tool has not processed: forward and reversing.
fn watch_tracks(keeper: &mut Scorekeeper, watch: &Watch) {
    let reversing = watch.speed < -0.1;
    let lane = watch.lane;
    let onto_unprocessed = watch.tool_tick.tracks_on_unprocessed;
    episode(keeper, FaultKind::TracksOnUnprocessed, onto_unprocessed && !reversing, &watch.at_machine(0.0, 0.0), &|ep| {
        stretch("fault-tracks-on-unprocessed", lane, ep)
    });
    episode(keeper, FaultKind::ReversingOntoUnprocessed, onto_unprocessed && reversing, &watch.at_machine(0.0, 0.0), &|ep| {
        stretch("fault-reversing-onto-unprocessed", lane, ep)
    });
}

/// Speed and depth on new ground: the share worked short of the depth, and when the tool is
/// set deep enough yet falls short, what held it back (speed, the rotor, the tool, the ground).
fn watch_depth(keeper: &mut Scorekeeper, watch: &Watch) {
    let tool_tick = watch.tool_tick;
    let machine = watch.machine;
    let required = watch.required_cm;
    if tool_tick.working && tool_tick.fresh_cells > 0 {
        keeper.fresh_cells += tool_tick.fresh_cells as u64;
        keeper.fresh_shallow += tool_tick.fresh_shallow as u64;
    }
    if !tool_tick.working {
        keeper.held_short = None;
        keeper.held_shallow = false;
        keeper.shallow_share = 0.0;
    } else if tool_tick.fresh_cells > 0 {
        let share = tool_tick.fresh_shallow as f32 / tool_tick.fresh_cells as f32;
        let weight = (tool_tick.fresh_cells as f32 / 40.0).min(1.0) * 0.5;
        keeper.shallow_share += (share - keeper.shallow_share) * weight;
        let was = keeper.held_short.is_some() || keeper.held_shallow;
        let mostly_shallow = if was { keeper.shallow_share > 0.35 } else { keeper.shallow_share > 0.5 };
        // Short of the depth with the tool set deep enough: name what held it back.
        keeper.held_short = (mostly_shallow && tool_tick.capacity_cm < required && tool_tick.set_cm >= required).then(|| {
            // Slowing down helps while the tool is faster than the depth allows and above the
            // slowest working speed; at that speed a worn tool or the ground is to blame.
            if watch.tool_speed > watch.max_speed_for_depth() && watch.tool_speed > machine.spec.speed.working_kmh.0 * 1.1 {
                ShortCause::Speed
            } else if machine.rotor < 0.95 {
                ShortCause::Rotor
            } else if machine.spec.max_speed_for_depth_kmh(required, watch.soil.hardness * watch.vegetation(), 1.0) >= watch.tool_speed {
                ShortCause::Tool
            } else {
                ShortCause::Hardness
            }
        });
        keeper.held_shallow = mostly_shallow && tool_tick.set_cm < required;
    }
    let (lane, tool_lane, boom, soil) = (watch.lane, watch.tool_lane, watch.boom, watch.soil);
    let cause = keeper.held_short;
    let reached_now = tool_tick.fresh_min_cm.min(tool_tick.capacity_cm);
    episode(keeper, FaultKind::TooFastForDepth, cause == Some(ShortCause::Speed), &watch.at_tool(reached_now), &|ep| {
        let mean_kmh = ep.speed_sum / ep.ticks.max(1) as f32;
        let msg = if boom { Message::new("fault-too-fast-sweep").num("sweep", tool_lane) } else { stretch("fault-too-fast", lane, ep) };
        msg.num("speed_kmh", mean_kmh)
            .num("reached_cm", ep.min_cm.max(0.0))
            .num("required_cm", required)
            .text("soil", text::key(&soil.kind))
            .num("limit_kmh", watch.max_speed_for_depth())
    });
    let health = machine.tool_health;
    let rotor = machine.rotor;
    let other_cause = cause.filter(|c| *c != ShortCause::Speed);
    episode(keeper, FaultKind::DepthShort, other_cause.is_some(), &watch.at_tool(reached_now), &|ep| {
        let mean_kmh = ep.speed_sum / ep.ticks.max(1) as f32;
        let msg = match other_cause {
            Some(ShortCause::Rotor) => stretch("fault-depth-short-rotor", lane, ep).num("rotor_pct", (rotor * 100.0).round()),
            Some(ShortCause::Tool) => stretch("fault-depth-short-tool", lane, ep)
                .num("limit_kmh", machine.spec.max_speed_for_depth_kmh(required, soil.hardness * watch.vegetation(), 1.0))
                .text("tool", text::key(&machine.spec.tool.kind))
                .num("left", health.left)
                .num("fitted", health.fitted)
                .num("wear_pct", (health.wear * 100.0).round()),
            _ => stretch("fault-depth-short-hard", lane, ep)
                .text("soil", text::key(&soil.kind))
                .num("vegetation_pct", (watch.field.vegetation_at(watch.tool_pos.0, watch.tool_pos.1).0 * 100.0).round()),
        };
        msg.num("speed_kmh", mean_kmh).num("reached_cm", ep.min_cm.max(0.0)).num("required_cm", required)
    });
}

/// The tool above the required depth while the machine moves onto new ground, or set short.
fn watch_shallow_tool(keeper: &mut Scorekeeper, watch: &Watch, coverage: &crate::clearing::Coverage) {
    let (tool_tick, machine, required, lane) = (watch.tool_tick, watch.machine, watch.required_cm, watch.lane);
    let tool = watch.tool_pos;
    let tool_on_new = coverage.cell_at(tool.0, tool.1).is_some_and(|k| coverage.in_area[k] && coverage.passes[k] == 0);
    // A raised boom cutter may pass over new ground; a front tool raised means the machine is
    // driving onto it.
    // (A working tool's centre line is always on the edge of new ground: only a tool that is
    // not working there counts.)
    let shallow = (tool_on_new && !tool_tick.working && watch.speed > 0.1 && !watch.boom) || keeper.held_shallow;
    let set = if machine.tool_working() { tool_tick.set_cm } else { 0.0 };
    // Set deep enough, yet short where the ground falls away from the chassis: the relief.
    let relief = machine.tool_working() && machine.tool_cm >= required;
    episode(keeper, FaultKind::ShallowTool, shallow, &watch.at_tool(set), &|ep| {
        stretch(if relief { "fault-shallow-relief" } else { "fault-shallow-tool" }, lane, ep).num("set_cm", ep.min_cm.max(0.0)).num("required_cm", required)
    });
}

/// The worksite's boundary, the slope limit and a remote machine's stand-off.
fn watch_site(keeper: &mut Scorekeeper, watch: &Watch) {
    let (field, pos) = (watch.field, watch.pos);
    let in_area = geom::contains(&field.hazard_area, pos);
    let outside = !in_area
        && geom::boundary_distance(&field.hazard_area, pos) > WORKSITE_MARGIN_M
        && geom::segment_distance(pos, field.start_lane.from, field.start_lane.to).0 > field.start_lane.width_m * 0.5 + 2.0;
    episode(keeper, FaultKind::LeftWorksite, outside, &watch.at_machine(0.0, 0.0), &|_| Message::new("fault-left-worksite").num("margin_m", WORKSITE_MARGIN_M));
    let slope = field.slope_deg_at(pos.0, pos.1);
    let limit = watch.machine.spec.slope_limit_deg;
    episode(keeper, FaultKind::SlopeLimit, slope > limit, &watch.at_machine(0.0, slope), &|ep| {
        Message::new("fault-slope-limit").num("slope_deg", ep.worst).num("limit_deg", limit)
    });
    if let Some(standoff) = watch.machine.spec.remote_standoff_m {
        let post = keeper.operator_post;
        let distance = ((pos.0 - post.0).powi(2) + (pos.1 - post.1).powi(2)).sqrt();
        episode(keeper, FaultKind::StandoffBreached, distance < standoff, &watch.at_machine(distance, standoff - distance), &|ep| {
            Message::new("fault-standoff").num("distance_m", ep.min_cm).num("standoff_m", standoff)
        });
    }
}

/// Straightness of working runs (lateral wander within a lane).
fn watch_lane_straightness(keeper: &mut Scorekeeper, watch: &Watch, pass: u16) {
    let tool_in_area = geom::contains(&watch.field.hazard_area, watch.tool_pos);
    // (A boom machine's base creeps between sweeps; its lanes are the sweeps, not its path.)
    if watch.tool_tick.working && tool_in_area && watch.speed > 0.05 && !watch.boom {
        let lateral = watch.frame.to_uv(watch.pos).1 as f64;
        if watch.lane != keeper.run_lane || keeper.run_pass != pass {
            keeper.close_run();
            keeper.run_lane = watch.lane;
            keeper.run_pass = pass;
        }
        keeper.run_n += 1;
        let delta = lateral - keeper.run_mean;
        keeper.run_mean += delta / keeper.run_n as f64;
        keeper.run_m2 += delta * (lateral - keeper.run_mean);
    } else if keeper.run_n > 0 {
        keeper.close_run();
    }
}

/// A mine set off by the tracks, not the tool, since the last tick.
fn note_track_detonations(keeper: &mut Scorekeeper, frame: &LaneFrame, coverage: &crate::clearing::Coverage, clearing: &ClearingState) {
    for det in clearing.detonations.iter().skip(keeper.seen_detonations) {
        if det.by_track && !det.after_tool {
            let lane = frame.lane_at((det.x, det.z));
            let worked_cm = coverage.depth_at(det.x, det.z) * 100.0;
            let msg = if worked_cm > 0.0 {
                Message::new("fault-track-detonation-shallow").num("worked_cm", worked_cm)
            } else {
                Message::new("fault-track-detonation")
            };
            keeper.faults.push(Fault::new(FaultKind::TrackDetonation, det.t, (det.x, det.z), lane, msg.text("mine", text::key(&det.kind)).num("lane", lane)));
        }
    }
    keeper.seen_detonations = clearing.detonations.len();
}

/// The boom striking something, the rotor stalling, the machine disabled: each once, as it
/// happens.
fn note_machine_faults(keeper: &mut Scorekeeper, watch: &Watch) {
    let (machine, tool_tick) = (watch.machine, watch.tool_tick);
    let blocked = machine.boom.and_then(|b| b.blocked);
    if let Some(what) = blocked
        && !keeper.boom_was_blocked
    {
        let id = match what {
            crate::machine::BoomBlock::Obstacle => "fault-boom-obstacle",
            crate::machine::BoomBlock::OwnMachine => "fault-boom-own-machine",
        };
        keeper.faults.push(Fault::new(FaultKind::BoomCollision, watch.t, watch.tool_pos, watch.tool_lane, Message::new(id)));
    }
    keeper.boom_was_blocked = blocked.is_some();
    if tool_tick.stalled {
        keeper.stalls += 1;
        let msg = Message::new("fault-rotor-stall")
            .num("speed_kmh", watch.speed.abs())
            .num("set_cm", tool_tick.set_cm)
            .text("soil", text::key(&watch.soil.kind))
            .num("hardness", watch.soil.hardness)
            .num("need_kw", tool_tick.tool_kw)
            .num("have_kw", tool_tick.available_kw);
        keeper.faults.push(Fault::new(FaultKind::RotorStall, watch.t, watch.pos, watch.lane, msg));
    }
    if machine.disabled && !keeper.was_disabled {
        keeper.faults.push(Fault::new(FaultKind::MachineDisabled, watch.t, watch.pos, watch.lane, Message::new("fault-machine-disabled")));
    }
    keeper.was_disabled = machine.disabled;
}

/// A sample for the debrief's charts.
fn take_sample(keeper: &mut Scorekeeper, watch: &Watch, coverage: &crate::clearing::Coverage) {
    let machine = watch.machine;
    // A boom machine's speed that matters is its cutter's sweep while cutting (not its
    // tracks', nor the boom swinging back raised).
    let speed_kmh = if !watch.boom {
        watch.speed
    } else if machine.tool_working() {
        watch.tool_speed
    } else {
        0.0
    };
    let set = if machine.tool_working() { watch.tool_tick.set_cm } else { 0.0 };
    let sample = Sample { t: watch.t, x: watch.pos.0, z: watch.pos.1, speed_kmh, tool_cm: set, capacity_cm: watch.tool_tick.capacity_cm, coverage: coverage.fraction_to_depth() };
    keeper.samples.push(sample);
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(FixedUpdate, watch_technique.in_set(SimSet::Scoring));
}
