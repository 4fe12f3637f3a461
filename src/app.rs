//! The trainer as a desktop app, assembled at the top: the window, then the session flow, the
//! 3D view, the screens and the controls, each a plugin of its own. `launch` adds how it was
//! started (settings, a start screen, a screenshot and exit).

pub mod launch;

use bevy::prelude::*;
use bevy::window::WindowResolution;

pub use launch::LaunchOptions;

/// Builds the trainer app (window, view, UI, controls, flow and sim).
pub fn app(opts: LaunchOptions) -> App {
    let mut app = App::new();
    let (w, h) = opts.window.unwrap_or((1280, 720));
    let window = WindowPlugin {
        primary_window: Some(Window { title: "mineclear: mechanical mine-clearing trainer".into(), resolution: WindowResolution::new(w, h), ..default() }),
        ..default()
    };
    crate::sound::quietly_opening_the_device(|| {
        if crate::sound::muted_by_command_line() {
            // `--mute`: the audio device is not even opened.
            app.add_plugins(DefaultPlugins.set(window).disable::<bevy::audio::AudioPlugin>());
        } else {
            app.add_plugins(DefaultPlugins.set(window));
        }
    });
    app.add_plugins((crate::trainer::plugin, crate::view::plugin, crate::ui::plugin, crate::controls::plugin, crate::sound::plugin));
    launch::plugin(&mut app, opts);
    app
}
