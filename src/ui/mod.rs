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
#[cfg(test)]
mod screens_check;
mod sound;

use bevy::prelude::*;
use bevy_egui::{EguiPlugin, EguiPrimaryContextPass, egui};

/// egui, the shared style, and each screen, which registers its own systems.
pub(super) fn plugin(app: &mut App) {
    app.add_plugins(EguiPlugin::default());
    app.add_systems(EguiPrimaryContextPass, style_once);
    app.add_plugins(screens);
}

/// Each screen, which registers its own systems.
fn screens(app: &mut App) {
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
    crate::text::mmss(s)
}

/// Inside a vertical scroll area: wraps the content short of egui's floating scroll bar, which
/// is drawn over the content's right edge.
pub(crate) fn clear_of_scroll_bar(ui: &mut egui::Ui) {
    ui.set_max_width(ui.available_width() - 14.0);
}

/// The controls table (help overlay and briefing).
/// `fit`: wrap the three columns within the width there is (the briefing's column); else each
/// row takes the width it needs (the help window sizes itself to it).
pub(crate) fn bindings_grid(ui: &mut egui::Ui, id: &str, boom: bool, fit: bool) {
    let lang = crate::text::ui_lang();
    // Three columns that wrap within the space there is (a Ukrainian row is long).
    let column = if fit { ((ui.available_width() - 2.0 * ui.spacing().item_spacing.x) / 3.0).max(90.0) } else { f32::INFINITY };
    let wrapped = |ui: &mut egui::Ui, text: egui::RichText| if fit { ui.add(egui::Label::new(text).wrap()) } else { ui.label(text) };
    egui::Grid::new(id).striped(true).num_columns(3).max_col_width(column).show(ui, |ui| {
        ui.strong(crate::tr!(lang, "controls-head-action"));
        ui.strong(crate::tr!(lang, "controls-head-keyboard"));
        ui.strong(crate::tr!(lang, "controls-head-gamepad"));
        ui.end_row();
        let table = if boom { crate::controls::BOOM_BINDINGS } else { crate::controls::BINDINGS };
        for (what, key, pad) in table {
            wrapped(ui, crate::tr!(lang, *what).into());
            wrapped(ui, egui::RichText::new(crate::controls::binding_text(lang, *key)).monospace());
            wrapped(ui, crate::controls::binding_text(lang, *pad).into());
            ui.end_row();
        }
    });
}

/// Draws every digit at the sizes the HUD uses, invisibly, so their glyphs are in the font
/// atlas before a changing number first needs them (a new glyph shows one frame late).
pub(crate) fn warm_digits(ui: &mut egui::Ui) {
    for size in [12.0, 15.0, 16.0, 17.0, 18.0] {
        ui.label(egui::RichText::new("0123456789.,:%+-").size(size).color(egui::Color32::TRANSPARENT));
    }
}

/// An instructor's text (a scenario's title, briefing, objective) in the trainee's language;
/// where the instructor has not written it in that language, the English, marked as such.
pub(crate) fn local_text(text: &crate::text::LocalText) -> String {
    let lang = crate::text::ui_lang();
    let shown = text.shown(lang);
    if shown.fallback && lang != crate::text::Lang::En { format!("{} {}", shown.text, crate::tr!(lang, "common-in-english-short")) } else { shown.text.to_string() }
}

/// An instructor's text as a label, the fallback marker in the warning colour below it.
pub(crate) fn local_label(ui: &mut egui::Ui, text: &crate::text::LocalText, size: f32, strong: bool) {
    let lang = crate::text::ui_lang();
    let shown = text.shown(lang);
    let rich = egui::RichText::new(shown.text).size(size);
    ui.label(if strong { rich.strong() } else { rich });
    if shown.fallback && lang != crate::text::Lang::En {
        ui.label(egui::RichText::new(crate::tr!(lang, "common-in-english")).small().color(WARN));
    }
}

/// Where a scenario came from: a file's path as it is, `built-in:<name>` said in the
/// trainee's language.
pub(crate) fn origin_text(origin: &str) -> String {
    match origin.strip_prefix("built-in:") {
        Some(name) => crate::tr!(crate::text::ui_lang(), "common-origin-builtin", name = name),
        None => origin.to_string(),
    }
}
