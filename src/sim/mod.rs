//! The headless simulation core: one fixed 60 Hz clock, one `OperatorCommand` per tick,
//! rapier physics, clearing and scoring. Runs under `MinimalPlugins` with no window, and
//! the app runs exactly the same plugin.

pub mod lanes;

use std::time::Duration;

use bevy::app::ScheduleRunnerPlugin;
use bevy::ecs::schedule::SingleThreadedExecutor;
use bevy::prelude::*;
use bevy::time::TimeUpdateStrategy;
use bevy_rapier3d::prelude::*;
use serde::{Deserialize, Serialize};

pub use lanes::LaneFrame;

use crate::clearing::{ClearingState, Coverage, Mines};
use crate::field::{self, Field};
use crate::machine::MachineState;
use crate::operator::{Autopilot, AutopilotOptions, CommandLog, CommandSource, OperatorCommand};
use crate::scenario::LoadedScenario;
use crate::scoring::{ScoreReport, Scorekeeper};

/// Simulation rate. Every state change happens on this clock.
pub const TICK_HZ: f64 = 60.0;
pub const TICK_S: f32 = (1.0 / TICK_HZ) as f32;

/// The generated field the session runs on.
#[derive(Resource, Clone, Debug)]
pub struct Ground(pub Field);

/// The session's scenario, machine and seed.
#[derive(Resource, Clone, Debug)]
pub struct Session {
    pub loaded: LoadedScenario,
    pub seed: u64,
}

/// Why a session ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EndReason {
    /// The operator (or the autopilot) declared the work done.
    Finished,
    TimeLimit,
    MachineDisabled,
}

/// The simulation clock: ticks since the session began, and whether it has ended.
#[derive(Resource, Clone, Debug, Default)]
pub struct SimClock {
    pub tick: u64,
    pub ended: Option<EndReason>,
}

impl SimClock {
    pub fn seconds(&self) -> f32 {
        (self.tick as f64 / TICK_HZ) as f32
    }
}

/// The order of work inside one tick.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SimSet {
    /// This tick's `OperatorCommand` is produced (input, autopilot or replay).
    Command,
    /// The command moves the machine: its drive is written into rapier's body before it steps.
    Drive,
    /// The machine's pose after the step is read back from rapier.
    Sense,
    Clearing,
    Scoring,
    /// The clock advances and end conditions are checked.
    Clock,
}

/// Marks every entity a session spawns, so ending the session removes exactly those.
#[derive(Component, Clone, Copy, Debug, Default)]
pub struct SimEntity;

/// Everything needed to start a session.
#[derive(Clone, Debug)]
pub struct SimSetup {
    pub loaded: LoadedScenario,
    pub seed: u64,
    pub source: SourceSetup,
}

/// Where the commands come from.
#[derive(Clone, Debug)]
pub enum SourceSetup {
    Autopilot(AutopilotOptions),
    /// A fixed list of commands, one per tick (replays and tests); idles after the end.
    Script(Vec<OperatorCommand>),
    /// Commands written each frame by the input layer.
    Live,
}

fn running(clock: Option<Res<SimClock>>) -> bool {
    clock.is_some_and(|c| c.ended.is_none())
}

/// The simulation plugin: physics in the fixed schedule and the sim's systems, in order.
pub struct SimPlugin;

impl Plugin for SimPlugin {
    fn build(&self, app: &mut App) {
        app.insert_resource(Time::<Fixed>::from_hz(TICK_HZ));
        // Of bevy_rapier's per-tick systems only the step runs. Its syncing (about twenty
        // systems scanning the ECS for changed physics components, which cost more than all of
        // the sim's own systems together) has nothing to do: bodies enter rapier once, when
        // `machine::spawn_world` adds them, and the sim then writes the machine's drive into
        // rapier and reads its pose back itself, so the writeback is not needed either.
        // Despawned bodies leave rapier through bevy_rapier's removal sync, which `end_session`
        // runs at once (and bevy_rapier again in `PostUpdate`).
        app.add_plugins(
            RapierPhysicsPlugin::<NoUserData>::default().in_fixed_schedule().with_physics_sets_systems([PhysicsSet::StepSimulation].into_iter().collect()),
        );
        app.insert_resource(TimestepMode::Fixed { dt: TICK_S, substeps: 1 });
        app.configure_sets(
            FixedUpdate,
            (SimSet::Command, SimSet::Drive, PhysicsSet::StepSimulation, SimSet::Sense, SimSet::Clearing, SimSet::Scoring, SimSet::Clock)
                .chain()
                .run_if(running),
        );
        app.add_systems(FixedUpdate, advance_clock.in_set(SimSet::Clock));
        crate::operator::plugin(app);
        crate::machine::plugin(app);
        crate::clearing::plugin(app);
        crate::scoring::plugin(app);
        crate::replay::plugin(app);
    }
}

pub(crate) fn advance_clock(mut clock: ResMut<SimClock>, session: Res<Session>, m: Res<MachineState>, cmd: Res<OperatorCommand>) {
    clock.tick += 1;
    if m.disabled {
        clock.ended = Some(EndReason::MachineDisabled);
    } else if cmd.finish() {
        clock.ended = Some(EndReason::Finished);
    } else if clock.seconds() >= session.loaded.scenario.time_limit_min * 60.0 {
        clock.ended = Some(EndReason::TimeLimit);
    }
}

/// Generates the field and installs a new session into `world`: resources and bodies.
pub fn install_session(world: &mut World, setup: SimSetup) {
    end_session(world);
    let SimSetup { loaded, seed, source } = setup;
    let field = field::generate(&loaded.scenario, seed);
    let frame = LaneFrame::new(&loaded.scenario, &loaded.machine);
    let opts = match &source {
        SourceSetup::Autopilot(o) => o.clone(),
        _ => AutopilotOptions::default(),
    };
    let autopilot = Autopilot::plan(&loaded.scenario, &loaded.machine, &field, &frame, opts);
    let (start, heading) = autopilot.start_pose();
    let y = field.height_at(start.0, start.1) + loaded.machine.chassis_m.2 * 0.5 + 0.05;
    // Bevy's forward is -Z: a yaw of θ faces (-sin θ, -cos θ).
    let yaw = libm::atan2f(-heading.0, -heading.1);
    let machine = MachineState::new(loaded.machine.clone(), Vec3::new(start.0, y, start.1), Quat::from_rotation_y(yaw));
    let coverage = Coverage::new(&field.hazard_area, loaded.machine.tool.working_width_m, loaded.scenario.required_depth_cm);
    let mines = Mines::new(&field);
    let keeper = Scorekeeper::new(&loaded.scenario);
    world.insert_resource(CommandSource::from_setup(source, autopilot));
    world.insert_resource(CommandLog::default());
    world.insert_resource(crate::operator::Provenance::default());
    world.insert_resource(crate::operator::FinishRequest::default());
    world.insert_resource(OperatorCommand::default());
    world.insert_resource(frame);
    world.insert_resource(machine);
    world.insert_resource(coverage);
    world.insert_resource(mines);
    world.insert_resource(ClearingState::new(seed));
    world.insert_resource(keeper);
    world.insert_resource(crate::machine::ObstacleIndex::new(&field));
    world.insert_resource(Ground(field));
    world.insert_resource(Session { loaded, seed });
    world.insert_resource(SimClock::default());
    world.insert_resource(crate::replay::Checksums::default());
    world.run_system_cached(crate::machine::spawn_world).expect("spawn world");
}

/// Ends the session in `world`, if any: despawns its bodies and removes its clock, so the
/// sim's systems stop. Other session resources stay until the next `install_session` replaces
/// them (the debrief still reads them). Safe to call when no session is installed.
pub fn end_session(world: &mut World) {
    let ents: Vec<Entity> = world.query_filtered::<Entity, With<SimEntity>>().iter(world).collect();
    for e in ents {
        world.despawn(e);
    }
    // Their bodies leave rapier now, not at the next `PostUpdate`: a session installed next
    // must not meet the last one's terrain and machine in its first ticks.
    world.run_system_cached(bevy_rapier3d::plugin::systems::sync_removals).expect("remove bodies from rapier");
    world.remove_resource::<SimClock>();
}

/// Replaces every schedule's executor with the single-threaded one (on two cores, task
/// hand-off costs more than the parallelism gains; the README's benchmark notes).
pub fn use_single_threaded_executors(app: &mut App) {
    // Only existing schedules are switched: creating empty ones would add per-tick work
    // (a schedule that does not exist is simply skipped by the main loop).
    let mut schedules = app.world_mut().resource_mut::<Schedules>();
    for (_, schedule) in schedules.iter_mut() {
        schedule.set_executor(SingleThreadedExecutor::new());
    }
}

/// The headless app: exactly the plugins the trainer uses for its simulation, no window.
pub fn headless_app() -> App {
    headless_app_with(())
}

/// The headless app with more plugins on top of the sim (e.g. the trainer's flow for its tests).
pub fn headless_app_with<M>(extra: impl bevy::app::Plugins<M>) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins.build().disable::<ScheduleRunnerPlugin>(), TransformPlugin, SimPlugin));
    app.add_plugins(extra);
    // Run many fixed steps per update: raise the virtual clock's cap on one update's time.
    app.world_mut().resource_mut::<Time<Virtual>>().set_max_delta(Duration::from_secs(3600));
    app.finish();
    app.cleanup();
    use_single_threaded_executors(&mut app);
    // The first update runs the startup schedules (rapier creates its context there). A session
    // must be installed after it, as it is in the trainer, or physics differs from the start.
    step_ticks(&mut app, 0);
    app
}

/// Steps an app holding a session `n` fixed ticks (exactly, unless the session ends first).
pub fn step_ticks(app: &mut App, n: u32) {
    app.insert_resource(TimeUpdateStrategy::FixedTimesteps(n));
    app.update();
}

/// Runs a session headless, as fast as possible, to its end; returns the app for inspection.
pub fn run_headless(setup: SimSetup) -> App {
    run_headless_observed(setup, 600, |_| {})
}

/// Runs a session headless to its end in steps of `ticks`, calling `observe` after each step.
pub fn run_headless_observed(setup: SimSetup, ticks: u32, mut observe: impl FnMut(&App)) -> App {
    let mut app = headless_app();
    install_session(app.world_mut(), setup);
    // The first update only starts the clock.
    step_ticks(&mut app, 0);
    while app.world().resource::<SimClock>().ended.is_none() {
        step_ticks(&mut app, ticks.max(1));
        observe(&app);
    }
    app
}

/// The final report of a finished (or running) session.
pub fn report(world: &mut World) -> ScoreReport {
    crate::scoring::final_report(world)
}
