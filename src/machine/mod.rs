//! Machines: specs (RON files), and the machine in the simulation (body, drive, tool).

mod body;
mod spec;

pub use body::{MachineBody, MachineState, Obstacle, TERRAIN_RESIDUAL, hull_balls};
pub(crate) use body::{plugin, spawn_world};
pub use spec::{MachineSpec, SpeedSpec, ToolKind, ToolSpec};
