//! The running session's simulation lives in a world of its own, built exactly as headless
//! runs and `replay verify` build theirs, so a trainee's session re-simulates bit for bit. Its
//! state resources are *moved* (not copied) into the app's world between steps, where the
//! view, HUD and controls read and write them as usual.

use bevy::prelude::*;

use crate::sim::{self, SimClock, SimSetup, TICK_HZ};

/// The session's own app (non-send: held on the main thread).
pub struct SimRunner(App);

/// How far the session's clock is behind the app's virtual clock, in ticks.
#[derive(Resource, Clone, Copy, Debug)]
pub struct SimPace {
    pub owed_ticks: f64,
    /// Most ticks one frame may run (a slow frame slows the session rather than piling up).
    pub max_per_frame: u32,
}

impl Default for SimPace {
    fn default() -> Self {
        SimPace { owed_ticks: 0.0, max_per_frame: 30 }
    }
}

/// Moves the session's state resources from one world to the other (`sim::SessionState` is
/// the one list of them).
fn shuttle(from: &mut World, to: &mut World) {
    sim::SessionState::move_between(from, to);
}

/// Starts a session in a fresh sim world; its state appears in `world`.
pub fn start(world: &mut World, setup: SimSetup) {
    stop(world);
    let mut app = sim::headless_app();
    sim::install_session(app.world_mut(), setup);
    sim::step_ticks(&mut app, 0);
    shuttle(app.world_mut(), world);
    world.insert_non_send(SimRunner(app));
    world.resource_mut::<SimPace>().owed_ticks = 0.0;
}

/// Drops the sim world (its bodies go with it) and stops the clock in `world`.
pub fn stop(world: &mut World) {
    world.remove_non_send::<SimRunner>();
    world.remove_resource::<SimClock>();
}

/// Runs `ticks` ticks of the session (fewer if it ends); returns how many ran.
pub fn advance(world: &mut World, ticks: u64) -> u64 {
    let Some(mut runner) = world.remove_non_send::<SimRunner>() else { return 0 };
    shuttle(world, runner.0.world_mut());
    let before = runner.0.world().get_resource::<SimClock>().map_or(0, |c| c.tick);
    let mut left = ticks;
    while left > 0 && runner.0.world().get_resource::<SimClock>().is_some_and(|c| c.ended.is_none()) {
        let n = left.min(36_000);
        sim::step_ticks(&mut runner.0, n as u32);
        left -= n;
    }
    let after = runner.0.world().get_resource::<SimClock>().map_or(0, |c| c.tick);
    shuttle(runner.0.world_mut(), world);
    world.insert_non_send(runner);
    after - before
}

/// Each frame: the ticks the app's virtual clock says are due (none while paused).
pub fn step_session(world: &mut World) {
    let dt = world.resource::<Time<Virtual>>().delta_secs_f64();
    let mut pace = *world.resource::<SimPace>();
    pace.owed_ticks += dt * TICK_HZ;
    let n = ((pace.owed_ticks + 1e-6).floor() as u64).min(pace.max_per_frame as u64);
    pace.owed_ticks = (pace.owed_ticks - n as f64).clamp(0.0, pace.max_per_frame as f64);
    *world.resource_mut::<SimPace>() = pace;
    if n > 0 {
        advance(world, n);
    }
}
