//! The headless simulation core, assembled: one fixed 60 Hz clock, one `OperatorCommand` per
//! tick, rapier physics, clearing and scoring. Runs under `MinimalPlugins` with no window, and
//! the app runs exactly the same plugin. The words every part of the core shares (clock, sets,
//! session, ground, tick rate) live a floor below, in `tick`; this module only puts the parts
//! together and runs sessions.

use std::time::Duration;

use bevy::app::ScheduleRunnerPlugin;
use bevy::ecs::schedule::SingleThreadedExecutor;
use bevy::prelude::*;
use bevy::time::TimeUpdateStrategy;
use bevy_rapier3d::prelude::*;

pub use crate::operator::SourceSetup;
pub use crate::tick::{EndReason, Ground, Session, SimClock, SimEntity, SimSet, TICK_HZ, TICK_S};
pub use crate::lanes::LaneFrame;

use crate::checksum::Checksums;
use crate::clearing::{ClearingState, Coverage, Mines, ToolTick};
use crate::field;
use crate::machine::{MachineState, ObstacleIndex};
use crate::operator::{Autopilot, AutopilotOptions, CommandLog, CommandSource, FinishRequest, OperatorCommand, Provenance};
use crate::scenario::LoadedScenario;
use crate::scoring::{ScoreReport, Scorekeeper};

/// Everything needed to start a session.
#[derive(Clone, Debug)]
pub struct SimSetup {
    pub loaded: LoadedScenario,
    pub seed: u64,
    pub source: SourceSetup,
}


/// The simulation plugin: physics in the fixed schedule and the sim's systems, in order.
pub(super) fn plugin(app: &mut App) {
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
            .run_if(crate::tick::running),
    );
    app.add_systems(FixedUpdate, (advance_clock, crate::checksum::take_checksum).chain().in_set(SimSet::Clock));
    app.add_plugins((crate::operator::plugin, crate::machine::plugin, crate::clearing::plugin, crate::scoring::plugin));
}

pub(crate) fn advance_clock(mut clock: ResMut<SimClock>, session: Res<Session>, machine: Res<MachineState>, cmd: Res<OperatorCommand>) {
    clock.tick += 1;
    if machine.disabled {
        clock.ended = Some(EndReason::MachineDisabled);
    } else if cmd.finish() {
        clock.ended = Some(EndReason::Finished);
    } else if clock.seconds() >= session.loaded.scenario.time_limit_min * 60.0 {
        clock.ended = Some(EndReason::TimeLimit);
    }
}

/// Declares the session's state once: the struct `install_session` fills and inserts, and the
/// move the trainer's runner makes between its sim world and the app's world each frame.
macro_rules! session_state {
    ($($(#[$doc:meta])* $field:ident: $ty:ty,)*) => {
        /// Every resource a session's simulation holds, in one list.
        pub struct SessionState {
            $($(#[$doc])* pub $field: $ty,)*
        }

        impl SessionState {
            /// Puts every part of the state into `world`.
            pub fn insert_into(self, world: &mut World) {
                $(world.insert_resource(self.$field);)*
            }

            /// Moves every part of the state there is from one world to the other.
            pub fn move_between(from: &mut World, to: &mut World) {
                $(if let Some(r) = from.remove_resource::<$ty>() {
                    to.insert_resource(r);
                })*
            }
        }
    };
}

session_state! {
    session: Session,
    ground: Ground,
    frame: LaneFrame,
    /// Where the commands come from, what was commanded, and who commanded it.
    source: CommandSource,
    log: CommandLog,
    provenance: Provenance,
    finish: FinishRequest,
    command: OperatorCommand,
    machine: MachineState,
    obstacles: ObstacleIndex,
    coverage: Coverage,
    mines: Mines,
    clearing: ClearingState,
    tool_tick: ToolTick,
    keeper: Scorekeeper,
    clock: SimClock,
    checksums: Checksums,
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
    SessionState {
        source: CommandSource::from_setup(source, autopilot),
        log: CommandLog::default(),
        provenance: Provenance::default(),
        finish: FinishRequest::default(),
        command: OperatorCommand::default(),
        frame,
        machine,
        coverage,
        mines,
        clearing: ClearingState::new(seed),
        keeper,
        tool_tick: ToolTick::default(),
        obstacles: ObstacleIndex::new(&field),
        ground: Ground(field),
        session: Session { loaded, seed },
        clock: SimClock::default(),
        checksums: Checksums::default(),
    }
    .insert_into(world);
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
    app.add_plugins((MinimalPlugins.build().disable::<ScheduleRunnerPlugin>(), TransformPlugin, plugin));
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
