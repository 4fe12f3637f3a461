//! Operator input: the `OperatorCommand` each tick comes from exactly one source — live
//! input, the autopilot, or a recorded script — and is logged for the replay.

mod autopilot;
mod boom_pilot;
mod command;

use bevy::prelude::*;

pub use autopilot::{Autopilot, AutopilotOptions};
pub use command::OperatorCommand;

use crate::machine::MachineState;
use crate::sim::{Ground, SimSet, SourceSetup};

/// Where this session's commands come from.
#[derive(Resource, Clone, Debug)]
pub enum CommandSource {
    Autopilot(Box<Autopilot>),
    Script {
        commands: Vec<OperatorCommand>,
        next: usize,
    },
    /// The input layer keeps this up to date (already quantized).
    Live(OperatorCommand),
}

impl CommandSource {
    pub fn from_setup(setup: SourceSetup, autopilot: Autopilot) -> CommandSource {
        match setup {
            SourceSetup::Autopilot(_) => CommandSource::Autopilot(Box::new(autopilot)),
            SourceSetup::Script(commands) => CommandSource::Script { commands, next: 0 },
            SourceSetup::Live => CommandSource::Live(OperatorCommand::default()),
        }
    }
}

/// The operator asked to end the session: the next command carries `OperatorCommand::FINISH`
/// whatever its source, so the end is in the command stream (and so in the replay).
#[derive(Resource, Clone, Copy, Debug, Default)]
pub struct FinishRequest(pub bool);

/// Every command the sim has taken, in tick order.
#[derive(Resource, Clone, Debug, Default)]
pub struct CommandLog(pub Vec<OperatorCommand>);

/// Produces this tick's command from the session's source.
pub fn produce_command(
    mut src: ResMut<CommandSource>,
    m: Res<MachineState>,
    ground: Res<Ground>,
    cov: Res<crate::clearing::Coverage>,
    mut cmd: ResMut<OperatorCommand>,
    mut log: ResMut<CommandLog>,
    finish: Option<Res<FinishRequest>>,
) {
    *cmd = match &mut *src {
        CommandSource::Autopilot(a) => a.command(&m, &ground.0, &cov),
        CommandSource::Script { commands, next } => {
            let c = commands.get(*next).copied().unwrap_or_default();
            *next += 1;
            c
        }
        CommandSource::Live(c) => *c,
    };
    if finish.is_some_and(|f| f.0) {
        cmd.flags |= OperatorCommand::FINISH;
    }
    log.0.push(*cmd);
}

pub(crate) fn plugin(app: &mut App) {
    app.add_systems(FixedUpdate, produce_command.in_set(SimSet::Command));
}
