//! Scoring: faults as they happen, metrics as the work goes, and the final `ScoreReport`.

mod faults;
pub mod gaps;
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
use crate::sim::{Ground, LaneFrame, Session, SimClock, SimSet};
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

/// Watches this tick for faults and collects the metrics the report needs.
#[allow(clippy::too_many_arguments)]
pub fn watch_technique(
    clock: Res<SimClock>,
    session: Res<Session>,
    ground: Res<Ground>,
    frame: Res<LaneFrame>,
    m: Res<MachineState>,
    tt: Res<ToolTick>,
    cov: Res<crate::clearing::Coverage>,
    st: Res<ClearingState>,
    mut keeper: ResMut<Scorekeeper>,
    mut collisions: MessageReader<CollisionEvent>,
    bodies: Query<(), With<MachineBody>>,
    obstacles: Query<(), With<Obstacle>>,
) {
    let s = &session.loaded.scenario;
    let field = &ground.0;
    let t = clock.seconds();
    let pos = (m.pos.x, m.pos.z);
    let speed = m.speed_kmh();
    let required = s.required_depth_cm;
    let lane = frame.lane_at(pos);
    let ctx = |value_cm: f32, worst: f32| Ctx { t, pos, frame: &frame, speed_kmh: speed.abs(), value_cm, worst };
    // Depth faults are placed where the tool was, not the machine's centre, and speak of the
    // tool's speed (a boom cutter's sweep; the machine's for a front tool).
    let boom = m.spec.has_boom();
    let tool_pos = m.tool_xz();
    let tool_speed = m.tool_speed_kmh();
    let tool_ctx = |value_cm: f32| Ctx { t, pos: tool_pos, frame: &frame, speed_kmh: tool_speed, value_cm, worst: 0.0 };

    // Tracks on ground the tool has not processed: forward and reversing.
    let reversing = speed < -0.1;
    episode(&mut keeper, FaultKind::TracksOnUnprocessed, tt.tracks_on_unprocessed && !reversing, &ctx(0.0, 0.0), &|ep| {
        stretch("fault-tracks-on-unprocessed", lane, ep)
    });
    episode(&mut keeper, FaultKind::ReversingOntoUnprocessed, tt.tracks_on_unprocessed && reversing, &ctx(0.0, 0.0), &|ep| {
        stretch("fault-reversing-onto-unprocessed", lane, ep)
    });

    // Speed and depth on new ground.
    if tt.working && tt.fresh_cells > 0 {
        keeper.fresh_cells += tt.fresh_cells as u64;
        keeper.fresh_shallow += tt.fresh_shallow as u64;
    }
    let soil = field.soil_at(tool_pos.0, tool_pos.1);
    // The speed that reaches the depth here, with this tool as it is (vegetation included):
    // looked up only on ticks that need it (the tool breaking new ground, a fault's words).
    let veg = || field.vegetation_resistance(tool_pos.0, tool_pos.1);
    let vmax = || m.max_speed_for_depth_kmh(required, soil.hardness * veg());
    if !tt.working {
        keeper.held_short = None;
        keeper.held_shallow = false;
        keeper.shallow_share = 0.0;
    } else if tt.fresh_cells > 0 {
        let share = tt.fresh_shallow as f32 / tt.fresh_cells as f32;
        let w = (tt.fresh_cells as f32 / 40.0).min(1.0) * 0.5;
        keeper.shallow_share += (share - keeper.shallow_share) * w;
        let was = keeper.held_short.is_some() || keeper.held_shallow;
        let mostly_shallow = if was { keeper.shallow_share > 0.35 } else { keeper.shallow_share > 0.5 };
        // Short of the depth with the tool set deep enough: name what held it back.
        keeper.held_short = (mostly_shallow && tt.capacity_cm < required && tt.set_cm >= required).then(|| {
            // Slowing down helps while the tool is faster than the depth allows and above the
            // slowest working speed; at that speed a worn tool or the ground is to blame.
            if tool_speed > vmax() && tool_speed > m.spec.speed.working_kmh.0 * 1.1 {
                ShortCause::Speed
            } else if m.rotor < 0.95 {
                ShortCause::Rotor
            } else if m.spec.max_speed_for_depth_kmh(required, soil.hardness * veg(), 1.0) >= tool_speed {
                ShortCause::Tool
            } else {
                ShortCause::Hardness
            }
        });
        keeper.held_shallow = mostly_shallow && tt.set_cm < required;
    }
    let tool_lane = frame.lane_at(tool_pos);
    let cause = keeper.held_short;
    let reached_now = tt.fresh_min_cm.min(tt.capacity_cm);
    episode(&mut keeper, FaultKind::TooFastForDepth, cause == Some(ShortCause::Speed), &tool_ctx(reached_now), &|ep| {
        let v = ep.speed_sum / ep.ticks.max(1) as f32;
        let msg = if boom { Message::new("fault-too-fast-sweep").num("sweep", tool_lane) } else { stretch("fault-too-fast", lane, ep) };
        msg.num("speed_kmh", v).num("reached_cm", ep.min_cm.max(0.0)).num("required_cm", required).text("soil", text::key(&soil.kind)).num("limit_kmh", vmax())
    });
    let health = m.tool_health;
    let rotor = m.rotor;
    let other_cause = cause.filter(|c| *c != ShortCause::Speed);
    episode(&mut keeper, FaultKind::DepthShort, other_cause.is_some(), &tool_ctx(reached_now), &|ep| {
        let v = ep.speed_sum / ep.ticks.max(1) as f32;
        let msg = match other_cause {
            Some(ShortCause::Rotor) => stretch("fault-depth-short-rotor", lane, ep).num("rotor_pct", (rotor * 100.0).round()),
            Some(ShortCause::Tool) => stretch("fault-depth-short-tool", lane, ep)
                .num("limit_kmh", m.spec.max_speed_for_depth_kmh(required, soil.hardness * veg(), 1.0))
                .text("tool", text::key(&m.spec.tool.kind))
                .num("left", health.left)
                .num("fitted", health.fitted)
                .num("wear_pct", (health.wear * 100.0).round()),
            _ => stretch("fault-depth-short-hard", lane, ep)
                .text("soil", text::key(&soil.kind))
                .num("vegetation_pct", (field.vegetation_at(tool_pos.0, tool_pos.1).0 * 100.0).round()),
        };
        msg.num("speed_kmh", v).num("reached_cm", ep.min_cm.max(0.0)).num("required_cm", required)
    });
    let tool = tool_pos;
    let tool_on_new = cov.cell_at(tool.0, tool.1).is_some_and(|k| cov.in_area[k] && cov.passes[k] == 0);
    // A raised boom cutter may pass over new ground; a front tool raised means the machine is
    // driving onto it.
    // (A working tool's centre line is always on the edge of new ground: only a tool that is
    // not working there counts.)
    let shallow = (tool_on_new && !tt.working && speed > 0.1 && !boom) || keeper.held_shallow;
    let set = if m.tool_working() { tt.set_cm } else { 0.0 };
    // Set deep enough, yet short where the ground falls away from the chassis: the relief.
    let relief = m.tool_working() && m.tool_cm >= required;
    episode(&mut keeper, FaultKind::ShallowTool, shallow, &tool_ctx(set), &|ep| {
        stretch(if relief { "fault-shallow-relief" } else { "fault-shallow-tool" }, lane, ep).num("set_cm", ep.min_cm.max(0.0)).num("required_cm", required)
    });

    // Worksite boundary, slope and stand-off.
    let in_area = geom::contains(&field.hazard_area, pos);
    let outside = !in_area
        && geom::boundary_distance(&field.hazard_area, pos) > WORKSITE_MARGIN_M
        && geom::segment_distance(pos, field.start_lane.from, field.start_lane.to).0 > field.start_lane.width_m * 0.5 + 2.0;
    episode(&mut keeper, FaultKind::LeftWorksite, outside, &ctx(0.0, 0.0), &|_| Message::new("fault-left-worksite").num("margin_m", WORKSITE_MARGIN_M));
    let slope = field.slope_deg_at(pos.0, pos.1);
    let limit = m.spec.slope_limit_deg;
    episode(&mut keeper, FaultKind::SlopeLimit, slope > limit, &ctx(0.0, slope), &|ep| {
        Message::new("fault-slope-limit").num("slope_deg", ep.worst).num("limit_deg", limit)
    });
    if let Some(standoff) = m.spec.remote_standoff_m {
        let post = keeper.operator_post;
        let d = ((pos.0 - post.0).powi(2) + (pos.1 - post.1).powi(2)).sqrt();
        episode(&mut keeper, FaultKind::StandoffBreached, d < standoff, &ctx(d, standoff - d), &|ep| {
            Message::new("fault-standoff").num("distance_m", ep.min_cm).num("standoff_m", standoff)
        });
    }

    // Straightness of working runs (lateral wander within a lane).
    let tool_in_area = geom::contains(&field.hazard_area, tool);
    // (A boom machine's base creeps between sweeps; its lanes are the sweeps, not its path.)
    if tt.working && tool_in_area && speed > 0.05 && !boom {
        let lateral = frame.to_uv(pos).1 as f64;
        if lane != keeper.run_lane || keeper.run_pass != st.pass {
            keeper.close_run();
            keeper.run_lane = lane;
            keeper.run_pass = st.pass;
        }
        keeper.run_n += 1;
        let d = lateral - keeper.run_mean;
        keeper.run_mean += d / keeper.run_n as f64;
        keeper.run_m2 += d * (lateral - keeper.run_mean);
    } else if keeper.run_n > 0 {
        keeper.close_run();
    }

    // Instant faults: track detonations, collisions, stalls, disablement.
    for d in st.detonations.iter().skip(keeper.seen_detonations) {
        if d.by_track && !d.after_tool {
            let lane = frame.lane_at((d.x, d.z));
            let worked_cm = cov.depth_at(d.x, d.z) * 100.0;
            let msg = if worked_cm > 0.0 {
                Message::new("fault-track-detonation-shallow").num("worked_cm", worked_cm)
            } else {
                Message::new("fault-track-detonation")
            };
            keeper.faults.push(Fault::new(FaultKind::TrackDetonation, d.t, (d.x, d.z), lane, msg.text("mine", text::key(&d.kind)).num("lane", lane)));
        }
    }
    keeper.seen_detonations = st.detonations.len();
    for ev in collisions.read() {
        if let CollisionEvent::Started(a, b, _) = ev {
            let hit = (bodies.contains(*a) && obstacles.contains(*b)) || (bodies.contains(*b) && obstacles.contains(*a));
            if hit {
                keeper.collisions += 1;
                keeper.faults.push(Fault::new(FaultKind::Collision, t, pos, lane, Message::new("fault-collision").num("speed_kmh", speed.abs())));
            }
        }
    }
    let blocked = m.boom.and_then(|b| b.blocked);
    if let Some(what) = blocked
        && !keeper.boom_was_blocked
    {
        let id = match what {
            crate::machine::BoomBlock::Obstacle => "fault-boom-obstacle",
            crate::machine::BoomBlock::OwnMachine => "fault-boom-own-machine",
        };
        keeper.faults.push(Fault::new(FaultKind::BoomCollision, t, tool_pos, tool_lane, Message::new(id)));
    }
    keeper.boom_was_blocked = blocked.is_some();
    if tt.stalled {
        keeper.stalls += 1;
        let msg = Message::new("fault-rotor-stall")
            .num("speed_kmh", speed.abs())
            .num("set_cm", tt.set_cm)
            .text("soil", text::key(&soil.kind))
            .num("hardness", soil.hardness)
            .num("need_kw", tt.tool_kw)
            .num("have_kw", tt.available_kw);
        keeper.faults.push(Fault::new(FaultKind::RotorStall, t, pos, lane, msg));
    }
    if m.disabled && !keeper.was_disabled {
        keeper.faults.push(Fault::new(FaultKind::MachineDisabled, t, pos, lane, Message::new("fault-machine-disabled")));
    }
    keeper.was_disabled = m.disabled;

    // Once a second: a sample for the charts.
    if clock.tick % 60 == 0 {
        // A boom machine's speed that matters is its cutter's sweep while cutting (not its
        // tracks', nor the boom swinging back raised).
        let speed_kmh = if !boom {
            speed
        } else if m.tool_working() {
            tool_speed
        } else {
            0.0
        };
        let sample = Sample { t, x: pos.0, z: pos.1, speed_kmh, tool_cm: set, capacity_cm: tt.capacity_cm, coverage: cov.fraction_to_depth() };
        keeper.samples.push(sample);
    }
}

pub(crate) fn plugin(app: &mut App) {
    app.add_systems(FixedUpdate, watch_technique.in_set(SimSet::Scoring));
}
