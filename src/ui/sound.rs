//! The sound's volumes and mute, as the menu and the pause screen show them.

use bevy::prelude::*;
use bevy_egui::egui;

use crate::sound::SoundSettings;
use crate::tr;

/// Mute and the three volumes (everything, the machine, the alarms). Only a real change
/// touches the settings, so they are remembered only when the trainee moves something.
pub fn volumes(ui: &mut egui::Ui, sound: &mut ResMut<SoundSettings>) {
    let lang = crate::text::ui_lang();
    let mut s = **sound;
    ui.horizontal(|ui| {
        ui.label(tr!(lang, "sound-title"));
        ui.checkbox(&mut s.mute, tr!(lang, "sound-mute"));
    });
    if crate::sound::muted_by_command_line() {
        ui.label(egui::RichText::new(tr!(lang, "sound-muted-by-command-line", flag = "--mute")).small().weak());
    }
    egui::Grid::new("volumes").num_columns(2).show(ui, |ui| {
        for (id, value) in [("sound-master", &mut s.master), ("sound-machine", &mut s.machine), ("sound-alarms", &mut s.alarms)] {
            ui.label(tr!(lang, id));
            ui.add_enabled(!s.mute, egui::Slider::new(value, 0.0..=1.0).show_value(false));
            ui.end_row();
        }
    });
    if s != **sound {
        **sound = s;
    }
}
