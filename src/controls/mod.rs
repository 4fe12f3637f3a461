//! The trainee's controls (leafwing-input-manager): keyboard and gamepad become levers, tool
//! and rotor settings, and those become the session's `OperatorCommand` — the only way input
//! reaches the simulation. Also the keys for camera, pause, help and finishing.

use bevy::prelude::*;
use leafwing_input_manager::prelude::*;
use leafwing_input_manager::user_input::updating::EnabledInput;

use crate::machine::MachineState;
use crate::operator::{CommandSource, OperatorCommand};
use crate::trainer::{FlowRequest, Paused, Screen};
use crate::view::CameraMode;

#[derive(Actionlike, PartialEq, Eq, Hash, Clone, Copy, Debug, Reflect)]
pub enum Control {
    /// Gamepad left stick: left track lever.
    #[actionlike(Axis)]
    LeftLever,
    /// Gamepad right stick: right track lever.
    #[actionlike(Axis)]
    RightLever,
    /// Keyboard: raise or lower the set travel speed (held).
    #[actionlike(Axis)]
    Throttle,
    /// Keyboard: steer by slowing one track (held).
    #[actionlike(Axis)]
    Steer,
    Stop,
    ToolDown,
    ToolUp,
    /// Set the tool to the scenario's required depth in one move.
    ToolToDepth,
    Rotor,
    /// Boom machines, keyboard: slew the turret left / right (held).
    #[actionlike(Axis)]
    Slew,
    /// Boom machines, keyboard: reach the cutter out / pull it in (held).
    #[actionlike(Axis)]
    Reach,
    /// Boom machines, gamepad left stick across: slew.
    #[actionlike(Axis)]
    SlewStick,
    /// Boom machines, gamepad right stick across: steer while travelling.
    #[actionlike(Axis)]
    SteerStick,
    /// Boom machines, gamepad triggers: travel forward / back.
    TravelForward,
    TravelBack,
    /// Held with the boom keys: move the boom at full speed (to reposition, not to cut).
    Fast,
    Camera,
    Pause,
    Help,
    Finish,
    /// Hand the machine to the autopilot, or take the controls back from it (not at an exam
    /// seat). A session the autopilot drove any of is a demonstration, not an attempt.
    Autopilot,
    /// Show or hide the expert's ghost (not at an exam seat).
    Ghost,
}

/// One line of the help overlay: what, keyboard, gamepad. The first column is a message id;
/// a key or gamepad cell is a message id when it starts with `controls-` (it has words in it,
/// e.g. "hold"), else a key name shown as it is.
pub const BINDINGS: &[(&str, &str, &str)] = &[
    ("controls-speed", "controls-key-w-s", "controls-pad-levers"),
    ("controls-steer", "controls-key-a-d", "controls-pad-steer"),
    ("controls-stop", "X", "controls-pad-east"),
    ("controls-tool", "controls-key-f-r", "RB / LB"),
    ("controls-tool-depth", "T", "controls-pad-north"),
    ("controls-rotor", "Space", "controls-pad-south"),
    ("controls-camera", "C", "Select / Back"),
    ("controls-pause", "controls-key-pause", "Start"),
    ("controls-help", "controls-key-help", "controls-pad-up"),
    ("controls-finish", "controls-key-finish", "controls-pad-finish"),
    ("controls-autopilot", "F8", "controls-pad-right"),
    ("controls-ghost", "G", "—"),
];

/// The excavator-style layout of a boom machine (the help overlay and briefing show it instead).
pub const BOOM_BINDINGS: &[(&str, &str, &str)] = &[
    ("controls-slew", "controls-key-j-l", "controls-pad-slew"),
    ("controls-reach", "controls-key-i-k", "controls-pad-reach"),
    ("controls-cutter", "controls-key-f-r", "controls-pad-cutter"),
    ("controls-cutter-depth", "T", "controls-pad-north"),
    ("controls-rotor", "Space", "controls-pad-south"),
    ("controls-travel-speed", "controls-key-w-s", "controls-pad-travel"),
    ("controls-steer-tracks", "controls-key-a-d", "controls-pad-steer-tracks"),
    ("controls-stop-travel", "X", "controls-pad-east"),
    ("controls-camera-boom", "C", "Select / Back"),
    ("controls-pause", "controls-key-pause", "Start"),
    ("controls-help", "controls-key-help", "controls-pad-up"),
    ("controls-finish", "controls-key-finish", "controls-pad-finish"),
    ("controls-autopilot", "F8", "controls-pad-right"),
    ("controls-ghost", "G", "—"),
];

/// A cell of the bindings tables in `lang`: a message when it names one, else the key itself.
pub fn binding_text(lang: crate::text::Lang, cell: &str) -> String {
    if cell.starts_with("controls-") { crate::tr!(lang, cell) } else { cell.to_string() }
}

/// Slew stick held on the keyboard: slow enough to cut (about 3.5°/s, 0.4 m/s at 7 m reach).
const KEY_SLEW: f32 = 0.12;
/// Reach stick held on the keyboard.
const KEY_REACH: f32 = 0.3;
/// Either with Shift held: repositioning, not cutting.
const KEY_FAST: f32 = 0.7;

/// The trainee's lever and tool settings, held between frames.
#[derive(Resource, Clone, Copy, Debug, PartialEq)]
pub struct Levers {
    /// Set travel speed as a lever fraction (-0.3 reverse to 1 forward).
    pub speed: f32,
    /// Tool setting, cm (negative: held up that far).
    pub tool_cm: f32,
    pub rotor_on: bool,
}

impl Default for Levers {
    fn default() -> Self {
        Levers { speed: 0.0, tool_cm: -20.0, rotor_on: false }
    }
}

/// Whether the autopilot drove at the last frame, so the levers can take over from where it
/// left them when the trainee takes the controls back.
#[derive(Resource, Clone, Copy, Debug, Default)]
pub struct AutopilotDrove(bool);

/// Overlays the controls open and the UI shows (and may close).
#[derive(Resource, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Overlays {
    pub help: bool,
    pub confirm_finish: bool,
}

/// The bindings, their state and the systems that turn actions into levers and requests.
pub fn plugin(app: &mut App) {
    app.add_plugins(InputManagerPlugin::<Control>::default());
    app.init_resource::<Levers>();
    app.init_resource::<Overlays>();
    app.init_resource::<AutopilotDrove>();
    app.init_resource::<CameraMode>();
    app.add_systems(Startup, spawn_bindings);
    app.add_systems(PreUpdate, gate_keyboard.before(leafwing_input_manager::plugin::InputManagerSystem::Unify));
    app.add_systems(OnEnter(Screen::Operating), |mut l: ResMut<Levers>, mut o: ResMut<Overlays>, mut d: ResMut<AutopilotDrove>| {
        *l = Levers::default();
        *o = Overlays::default();
        *d = AutopilotDrove::default();
    });
    // In PreUpdate, right after the actions are read, so this frame's fixed ticks already
    // run this frame's input.
    app.add_systems(
        PreUpdate,
        (screen_keys, operate)
            .chain()
            .after(leafwing_input_manager::plugin::InputManagerSystem::Update)
            .before(crate::trainer::FlowSet::Step)
            .run_if(in_state(Screen::Operating)),
    );
}

fn spawn_bindings(mut commands: Commands) {
    let map = InputMap::<Control>::default()
        .with_axis(Control::LeftLever, GamepadControlAxis::LEFT_Y.with_deadzone_symmetric(0.12))
        .with_axis(Control::RightLever, GamepadControlAxis::RIGHT_Y.with_deadzone_symmetric(0.12))
        .with_axis(Control::Throttle, VirtualAxis::new(KeyCode::KeyS, KeyCode::KeyW))
        .with_axis(Control::Throttle, VirtualAxis::new(KeyCode::ArrowDown, KeyCode::ArrowUp))
        .with_axis(Control::Steer, VirtualAxis::new(KeyCode::KeyA, KeyCode::KeyD))
        .with_axis(Control::Steer, VirtualAxis::new(KeyCode::ArrowLeft, KeyCode::ArrowRight))
        .with(Control::Stop, KeyCode::KeyX)
        .with(Control::Stop, GamepadButton::East)
        .with(Control::ToolDown, KeyCode::KeyF)
        .with(Control::ToolDown, GamepadButton::RightTrigger)
        .with(Control::ToolUp, KeyCode::KeyR)
        .with(Control::ToolUp, GamepadButton::LeftTrigger)
        .with(Control::ToolToDepth, KeyCode::KeyT)
        .with(Control::ToolToDepth, GamepadButton::North)
        .with(Control::Rotor, KeyCode::Space)
        .with(Control::Rotor, GamepadButton::South)
        .with_axis(Control::Slew, VirtualAxis::new(KeyCode::KeyJ, KeyCode::KeyL))
        .with_axis(Control::Reach, VirtualAxis::new(KeyCode::KeyK, KeyCode::KeyI))
        .with_axis(Control::SlewStick, GamepadControlAxis::LEFT_X.with_deadzone_symmetric(0.12))
        .with_axis(Control::SteerStick, GamepadControlAxis::RIGHT_X.with_deadzone_symmetric(0.12))
        .with(Control::TravelForward, GamepadButton::RightTrigger2)
        .with(Control::TravelBack, GamepadButton::LeftTrigger2)
        .with(Control::Fast, KeyCode::ShiftLeft)
        .with(Control::Fast, KeyCode::ShiftRight)
        .with(Control::Camera, KeyCode::KeyC)
        .with(Control::Camera, GamepadButton::Select)
        .with(Control::Pause, KeyCode::Escape)
        .with(Control::Pause, KeyCode::KeyP)
        .with(Control::Pause, GamepadButton::Start)
        .with(Control::Help, KeyCode::KeyH)
        .with(Control::Help, KeyCode::F1)
        .with(Control::Help, GamepadButton::DPadUp)
        .with(Control::Finish, KeyCode::Enter)
        .with(Control::Finish, GamepadButton::DPadDown)
        .with(Control::Autopilot, KeyCode::F8)
        .with(Control::Ghost, KeyCode::KeyG)
        .with(Control::Autopilot, GamepadButton::DPadRight);
    commands.spawn((Name::new("controls"), map));
}

/// While a text field has the keyboard (e.g. the menu's file path), keys do not drive.
fn gate_keyboard(wants: Option<Res<bevy_egui::input::EguiWantsInput>>, mut keyboard: ResMut<EnabledInput<KeyCode>>) {
    let on = !wants.is_some_and(|w| w.wants_any_keyboard_input());
    if keyboard.is_enabled != on {
        keyboard.is_enabled = on;
    }
}

/// Camera, pause, help and finish.
fn screen_keys(
    actions: Single<&ActionState<Control>>,
    mut mode: ResMut<CameraMode>,
    mut overlays: ResMut<Overlays>,
    ghost: Option<ResMut<crate::view::ghost::Ghost>>,
    mut req: MessageWriter<FlowRequest>,
) {
    let a = *actions;
    if a.just_pressed(&Control::Ghost)
        && let Some(mut ghost) = ghost
    {
        ghost.on = !ghost.on;
    }
    if a.just_pressed(&Control::Camera) {
        *mode = mode.next();
    }
    if a.just_pressed(&Control::Help) {
        overlays.help = !overlays.help;
    }
    if a.just_pressed(&Control::Pause) {
        if overlays.confirm_finish {
            overlays.confirm_finish = false;
        } else {
            req.write(FlowRequest::TogglePause);
        }
    }
    if a.just_pressed(&Control::Finish) {
        overlays.confirm_finish = true;
    }
    if a.just_pressed(&Control::Autopilot) {
        req.write(FlowRequest::SwitchDriver);
    }
}

/// Levers and tool from the controls, quantized into this frame's live command.
fn operate(
    time: Res<Time<Real>>,
    actions: Single<&ActionState<Control>>,
    paused: Res<Paused>,
    session: Option<Res<crate::sim::Session>>,
    machine: Option<Res<MachineState>>,
    mut levers: ResMut<Levers>,
    src: Option<ResMut<CommandSource>>,
    mut autopilot_drove: ResMut<AutopilotDrove>,
) {
    let (Some(mut src), Some(machine), Some(session)) = (src, machine, session) else {
        return;
    };
    let CommandSource::Live { command: cmd, device, .. } = &mut *src else {
        autopilot_drove.0 = true;
        return;
    };
    if std::mem::take(&mut autopilot_drove.0) {
        // The trainee takes over from the autopilot: the levers start where it left them.
        *levers = Levers { speed: (cmd.left() + cmd.right()) * 0.5, tool_cm: cmd.tool_cm as f32, rotor_on: cmd.rotor_pct > 0 };
    }
    if paused.0 {
        return;
    }
    let a = *actions;
    // Which of the trainee's devices moved the machine last (the record keeps it).
    let pad = [Control::LeftLever, Control::RightLever, Control::SlewStick, Control::SteerStick].iter().any(|c| a.clamped_value(c) != 0.0)
        || a.pressed(&Control::TravelForward)
        || a.pressed(&Control::TravelBack);
    let keys = [Control::Throttle, Control::Steer, Control::Slew, Control::Reach].iter().any(|c| a.clamped_value(c) != 0.0);
    if pad {
        *device = crate::operator::Origin::Gamepad;
    } else if keys {
        *device = crate::operator::Origin::Keyboard;
    }
    let dt = time.delta_secs().min(0.1);
    let l = &mut *levers;
    // Keyboard: the set speed moves while W/S are held, about a tenth of full travel a second
    // (half a km/h a second on a light flail): fine enough to hold a working speed.
    l.speed = (l.speed + a.clamped_value(&Control::Throttle) * 0.12 * dt).clamp(-0.3, 1.0);
    if a.just_pressed(&Control::Stop) {
        l.speed = 0.0;
    }
    // A boom lowers its cutter into ditches; a front tool stops at its depth range.
    let max_tool = if machine.boom.is_some() { crate::machine::BOOM_LOWEST_CM } else { machine.spec.tool.depth_cm.1 };
    if a.pressed(&Control::ToolDown) {
        l.tool_cm = (l.tool_cm + 12.0 * dt).min(max_tool);
    }
    if a.pressed(&Control::ToolUp) {
        l.tool_cm = (l.tool_cm - 12.0 * dt).max(-30.0);
    }
    if a.just_pressed(&Control::ToolToDepth) {
        l.tool_cm = (session.loaded.scenario.required_depth_cm + 3.0).min(max_tool);
    }
    if a.just_pressed(&Control::Rotor) {
        l.rotor_on = !l.rotor_on;
    }
    if machine.boom.is_some() {
        // Excavator layout: the left stick slews and reaches, the right stick moves the cutter
        // up and down and steers, the triggers drive the tracks.
        let fast = a.pressed(&Control::Fast);
        let slew = a.clamped_value(&Control::Slew) * if fast { KEY_FAST } else { KEY_SLEW } + a.clamped_value(&Control::SlewStick);
        let reach = a.clamped_value(&Control::Reach) * if fast { KEY_FAST } else { KEY_REACH } + a.clamped_value(&Control::LeftLever);
        let cutter = a.clamped_value(&Control::RightLever);
        if cutter != 0.0 {
            l.tool_cm = (l.tool_cm + cutter * 25.0 * dt).clamp(-30.0, crate::machine::BOOM_LOWEST_CM);
        }
        let travel = if a.pressed(&Control::TravelForward) {
            0.3
        } else if a.pressed(&Control::TravelBack) {
            -0.3
        } else {
            l.speed
        };
        if a.pressed(&Control::TravelForward) || a.pressed(&Control::TravelBack) {
            l.speed = 0.0;
        }
        let steer = (a.clamped_value(&Control::Steer) + a.clamped_value(&Control::SteerStick)).clamp(-1.0, 1.0) * 0.25;
        let prev = *cmd;
        *cmd = OperatorCommand::quantize(travel + steer, travel - steer, l.tool_cm, if l.rotor_on { 1.0 } else { 0.0 })
            .with_boom(slew, reach)
            .at_live_resolution(&prev);
        cmd.flags = prev.flags;
        return;
    }
    let steer = a.clamped_value(&Control::Steer) * 0.25;
    let (mut left, mut right) = (l.speed + steer, l.speed - steer);
    // A gamepad's sticks are the track levers themselves and take over while pushed.
    let (gl, gr) = (a.clamped_value(&Control::LeftLever), a.clamped_value(&Control::RightLever));
    if gl != 0.0 || gr != 0.0 {
        (left, right) = (gl, gr);
        l.speed = 0.0;
    }
    let prev = *cmd;
    *cmd = OperatorCommand::quantize(left, right, l.tool_cm, if l.rotor_on { 1.0 } else { 0.0 }).at_live_resolution(&prev);
    cmd.flags = prev.flags;
}
