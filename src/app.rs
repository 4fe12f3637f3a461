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
    // Without a sound card alsa-lib writes eight lines of its own to stderr as the audio
    // device is looked for; Bevy then says "No audio device found." once. Keep ALSA's lines
    // (on this thread, where the device is opened) in a buffer, for the debug log.
    #[cfg(target_os = "linux")]
    let alsa_lines = alsa::Output::local_error_handler().ok();
    if crate::sound::muted_by_command_line() {
        // `--mute`: the audio device is not even opened.
        app.add_plugins(DefaultPlugins.set(window).disable::<bevy::audio::AudioPlugin>());
    } else {
        app.add_plugins(DefaultPlugins.set(window));
    }
    #[cfg(target_os = "linux")]
    if let Some(lines) = alsa_lines {
        let text = lines.borrow().to_string();
        if !text.is_empty() {
            debug!("ALSA: {}", text.trim_end());
        }
    }
    app.add_plugins((crate::trainer::plugin, crate::view::plugin, crate::ui::plugin, crate::controls::plugin, crate::sound::plugin));
    launch::plugin(&mut app, opts);
    app
}
