//! Operator input: the `OperatorCommand` each tick comes from exactly one source — live
//! input, the autopilot, or a recorded script — and is logged for the replay.

mod autopilot;
mod boom_pilot;
pub mod provenance;
mod steering;

use bevy::prelude::*;

pub use crate::command::OperatorCommand;
pub use autopilot::Autopilot;
pub use steering::AutopilotOptions;
pub use provenance::{DrivenBy, Origin, Provenance};

use crate::machine::MachineState;
use crate::tick::{Ground, SimSet};

/// Where a new session's commands will come from (`sim::SimSetup`).
#[derive(Clone, Debug)]
pub enum SourceSetup {
    Autopilot(AutopilotOptions),
    /// A fixed list of commands, one per tick (replays and tests); idles after the end.
    Script(Vec<OperatorCommand>),
    /// Commands written each frame by the input layer.
    Live,
}


/// Where this session's commands come from.
#[derive(Resource, Clone, Debug)]
pub enum CommandSource {
    Autopilot(Box<Autopilot>),
    Script {
        commands: Vec<OperatorCommand>,
        next: usize,
    },
    /// The trainee's controls: the input layer keeps `command` up to date (already quantized)
    /// and says which `device` moved it last. The autopilot waits beside it, in case the
    /// trainee hands the machine over.
    Live {
        command: OperatorCommand,
        device: Origin,
        autopilot: Box<Autopilot>,
    },
}

impl CommandSource {
    pub fn from_setup(setup: SourceSetup, autopilot: Autopilot) -> CommandSource {
        match setup {
            SourceSetup::Autopilot(_) => CommandSource::Autopilot(Box::new(autopilot)),
            SourceSetup::Script(commands) => CommandSource::Script { commands, next: 0 },
            SourceSetup::Live => CommandSource::Live { command: OperatorCommand::default(), device: Origin::Keyboard, autopilot: Box::new(autopilot) },
        }
    }

    /// Who produces the next command.
    pub fn origin(&self) -> Origin {
        match self {
            CommandSource::Autopilot(_) => Origin::Autopilot,
            CommandSource::Script { .. } => Origin::Script,
            CommandSource::Live { device, .. } => *device,
        }
    }

    pub fn is_autopilot(&self) -> bool {
        matches!(self, CommandSource::Autopilot(_))
    }

    /// The trainee takes the controls from the autopilot, starting from `current` (the last
    /// command, so nothing lurches). Nothing happens for a script or live controls.
    pub fn take_controls(&mut self, current: OperatorCommand) {
        let placeholder = CommandSource::Script { commands: Vec::new(), next: 0 };
        *self = match std::mem::replace(self, placeholder) {
            CommandSource::Autopilot(autopilot) => {
                // Levers at the controls' resolution, as every live command is.
                let command = OperatorCommand { flags: 0, ..current }.at_live_resolution(&OperatorCommand::default());
                CommandSource::Live { command, device: Origin::Keyboard, autopilot }
            }
            other => other,
        };
    }

    /// The trainee hands the machine to the autopilot, which carries on with its plan from
    /// where the machine is. The session is then no longer the trainee's own attempt.
    pub fn hand_to_autopilot(&mut self) {
        let placeholder = CommandSource::Script { commands: Vec::new(), next: 0 };
        *self = match std::mem::replace(self, placeholder) {
            CommandSource::Live { autopilot, .. } => CommandSource::Autopilot(autopilot),
            other => other,
        };
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
    machine: Res<MachineState>,
    ground: Res<Ground>,
    cov: Res<crate::clearing::Coverage>,
    mut cmd: ResMut<OperatorCommand>,
    mut log: ResMut<CommandLog>,
    mut provenance: ResMut<Provenance>,
    finish: Option<Res<FinishRequest>>,
) {
    provenance.note(log.0.len() as u64, src.origin());
    *cmd = match &mut *src {
        CommandSource::Autopilot(a) => a.command(&machine, &ground.0, &cov),
        CommandSource::Script { commands, next } => {
            let c = commands.get(*next).copied().unwrap_or_default();
            *next += 1;
            c
        }
        CommandSource::Live { command, .. } => *command,
    };
    if finish.is_some_and(|f| f.0) {
        cmd.flags |= OperatorCommand::FINISH;
    }
    log.0.push(*cmd);
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(FixedUpdate, produce_command.in_set(SimSet::Command));
}
