//! Machines: specs (RON files), and the machine in the simulation (body, drive, tool).

pub mod body;
pub mod spec;
pub mod tool;

pub use body::{
    BOOM_LOWEST_CM, BOOM_TERRAIN_RESIDUAL, BoomBlock, BoomState, Contact, MachineBody, MachineState, Obstacle, ObstacleIndex, TERRAIN_RESIDUAL,
    drum_hits_own_machine, hull_balls, hull_mass, obstacle_centre, place_machine, terrain_heightfield,
};
pub(crate) use body::spawn_world;
pub use spec::{BoomSpec, MachineSpec, RunningGear, SpeedSpec, ToolKind, ToolSpec};
pub use tool::ToolHealth;

/// The machine's driving and sensing, in the sim's fixed tick.
pub(super) fn plugin(app: &mut bevy::prelude::App) {
    body::plugin(app);
}
