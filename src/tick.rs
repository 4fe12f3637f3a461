//! The words the whole simulation core shares, on a floor of their own: the tick rate, the
//! clock, the order of work inside a tick, the session and the generated ground. Every part of
//! the core (machine, operator, clearing, scoring) imports these; `sim` assembles the parts.

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use crate::field::Field;
use crate::scenario::schema::LoadedScenario;

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

/// Whether a session is running (installed and not ended): the sim's systems run only then.
pub fn running(clock: Option<Res<SimClock>>) -> bool {
    clock.is_some_and(|c| c.ended.is_none())
}
