//! The trainer's screens in egui: menu, briefing, the operating HUD and the debrief. Screens
//! read the flow's and the sim's state and ask for changes only through `FlowRequest`.

mod briefing;
mod debrief;
mod editor;
mod hud;
pub mod maps;
mod menu;
mod progress;
pub mod review;

use bevy::prelude::*;
use bevy_egui::{EguiPlugin, EguiPrimaryContextPass, egui};

/// egui, the shared style, and each screen, which registers its own systems.
pub(super) fn plugin(app: &mut App) {
    app.add_plugins(EguiPlugin::default());
    app.add_systems(EguiPrimaryContextPass, style_once);
    app.add_plugins((menu::plugin, briefing::plugin, maps::plugin, hud::plugin, debrief::plugin, review::plugin, progress::plugin, editor::plugin));
}

/// Larger type than egui's default: the trainer is read at arm's length, often on a laptop.
fn style_once(mut contexts: bevy_egui::EguiContexts, mut done: Local<bool>) -> Result {
    if *done {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let mut visuals = egui::Visuals::dark();
    // One bitmap per glyph and size rather than four sub-pixel variants: fewer glyphs to add
    // to the font atlas while numbers change every frame.
    visuals.text_options.subpixel_binning = false;
    ctx.set_visuals(visuals);
    ctx.global_style_mut(|s| {
        use egui::{FontId, TextStyle};
        s.text_styles.insert(TextStyle::Heading, FontId::proportional(24.0));
        s.text_styles.insert(TextStyle::Body, FontId::proportional(15.0));
        s.text_styles.insert(TextStyle::Button, FontId::proportional(15.0));
        s.text_styles.insert(TextStyle::Small, FontId::proportional(12.0));
        s.text_styles.insert(TextStyle::Monospace, FontId::monospace(13.0));
        s.spacing.item_spacing = egui::vec2(8.0, 6.0);
        s.spacing.button_padding = egui::vec2(10.0, 5.0);
    });
    *done = true;
    Ok(())
}

/// A root `Ui` covering the window, for full-screen panels.
pub(crate) fn root_ui(ctx: &egui::Context, id: &str) -> egui::Ui {
    egui::Ui::new(ctx.clone(), egui::Id::new(id), egui::UiBuilder::new().layer_id(egui::LayerId::background()).max_rect(ctx.viewport_rect()))
}

pub(crate) const GOOD: egui::Color32 = egui::Color32::from_rgb(90, 200, 110);
pub(crate) const BAD: egui::Color32 = egui::Color32::from_rgb(240, 90, 80);
pub(crate) const WARN: egui::Color32 = egui::Color32::from_rgb(250, 190, 60);

/// m:ss for times in the UI.
pub(crate) fn mmss(s: f32) -> String {
    let s = s.max(0.0) as u32;
    format!("{}:{:02}", s / 60, s % 60)
}

/// The controls table (help overlay and briefing).
pub(crate) fn bindings_grid(ui: &mut egui::Ui, id: &str, boom: bool) {
    egui::Grid::new(id).striped(true).num_columns(3).show(ui, |ui| {
        ui.strong("Action");
        ui.strong("Keyboard");
        ui.strong("Gamepad");
        ui.end_row();
        let table = if boom { crate::controls::BOOM_BINDINGS } else { crate::controls::BINDINGS };
        for (what, key, pad) in table {
            ui.label(*what);
            ui.monospace(*key);
            ui.label(*pad);
            ui.end_row();
        }
    });
}

/// Draws every digit at the sizes the HUD uses, invisibly, so their glyphs are in the font
/// atlas before a changing number first needs them (a new glyph shows one frame late).
pub(crate) fn warm_digits(ui: &mut egui::Ui) {
    for size in [12.0, 15.0, 16.0, 17.0, 18.0] {
        ui.label(egui::RichText::new("0123456789.:%+-").size(size).color(egui::Color32::TRANSPARENT));
    }
}
