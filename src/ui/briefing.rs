//! The briefing: what the exercise teaches, what a pass needs, the machine, the site map and
//! the controls — what an instructor would say before the trainee climbs in.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, EguiTextureHandle, egui};

use super::{bindings_grid, maps, root_ui};
use crate::tr;
use crate::trainer::{Chosen, Driver, FlowRequest, Screen};

#[derive(Resource)]
pub struct BriefingMap {
    image: Handle<Image>,
    size: (f32, f32),
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Briefing), prepare_map);
    app.add_systems(EguiPrimaryContextPass, briefing_ui.run_if(in_state(Screen::Briefing)));
}

pub fn prepare_map(mut commands: Commands, chosen: Option<Res<Chosen>>, mut images: ResMut<Assets<Image>>) {
    let Some(chosen) = chosen else { return };
    let post = chosen.loaded.machine.is_remote().then(|| chosen.loaded.scenario.operator_post());
    let (c, _) = crate::preview::site_map(&chosen.field, 560.0, post, &maps::post_label());
    let size = (c.w as f32, c.h as f32);
    commands.insert_resource(BriefingMap { image: images.add(maps::to_image(&c)), size });
}

pub fn briefing_ui(
    mut contexts: EguiContexts,
    chosen: Option<Res<Chosen>>,
    map: Option<Res<BriefingMap>>,
    driver: Res<Driver>,
    draft: Option<Res<crate::trainer::editor::Draft>>,
    mut req: MessageWriter<FlowRequest>,
) -> Result {
    let lang = crate::text::ui_lang();
    let test_drive = draft.is_some_and(|d| d.test_driving);
    let Some(chosen) = chosen else { return Ok(()) };
    let map_tex = map.as_ref().map(|m| (contexts.add_image(EguiTextureHandle::Strong(m.image.clone())), m.size));
    let ctx = contexts.ctx_mut()?.clone();
    let s = &chosen.loaded.scenario;
    let m = &chosen.loaded.machine;
    if ctx.input(|i| i.key_pressed(egui::Key::Enter)) {
        req.write(FlowRequest::Begin);
    }
    let mut root = root_ui(&ctx, "briefing");
    egui::Panel::bottom("briefing buttons").show(&mut root, |ui| {
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let label = tr!(lang, if driver.autopilot { "briefing-watch-autopilot" } else { "briefing-begin" });
            if ui.add_sized([240.0, 34.0], egui::Button::new(egui::RichText::new(label).size(17.0))).clicked() {
                req.write(FlowRequest::Begin);
            }
            if ui.add_sized([160.0, 34.0], egui::Button::new(tr!(lang, if test_drive { "common-back-to-editor" } else { "common-back-to-menu" }))).clicked() {
                req.write(FlowRequest::Menu);
            }
            ui.label(tr!(lang, "briefing-seed", seed = chosen.seed.to_string(), origin = super::origin_text(&chosen.loaded.origin)));
        });
        ui.add_space(6.0);
    });
    egui::CentralPanel::default().show(&mut root, |ui| {
        ui.columns(2, |cols| {
            let ui = &mut cols[0];
            egui::ScrollArea::vertical().id_salt("brief text").show(ui, |ui| {
                super::clear_of_scroll_bar(ui);
                super::local_label(ui, &s.title, 26.0, true);
                ui.add_space(4.0);
                super::local_label(ui, &s.briefing, 15.0, false);
                ui.add_space(6.0);
                ui.label(egui::RichText::new(tr!(lang, "briefing-objective")).strong().size(17.0));
                super::local_label(ui, &s.objective, 15.0, false);
                ui.add_space(6.0);
                // The values wrap within the column (the names take about a third of it).
                let value_width = (ui.available_width() * 0.66).max(120.0);
                egui::Grid::new("brief facts").num_columns(2).striped(true).max_col_width(value_width).show(ui, |ui| {
                    let row = |ui: &mut egui::Ui, k: &str, v: String| {
                        ui.strong(tr!(lang, k));
                        ui.add(egui::Label::new(v).wrap());
                        ui.end_row();
                    };
                    row(ui, "briefing-required-depth", tr!(lang, "briefing-required-depth-value", depth_cm = s.required_depth_cm));
                    row(ui, "briefing-time-limit", tr!(lang, "briefing-time-limit-value", minutes = s.time_limit_min));
                    row(ui, "briefing-overlap", tr!(lang, "briefing-overlap-value", lo_m = s.overlap_m.0, hi_m = s.overlap_m.1));
                    row(ui, "briefing-pass-mark", tr!(lang, "briefing-pass-mark-value", pass = s.scoring.pass_mark));
                    row(ui, "briefing-area", tr!(lang, "briefing-area-value", area_m2 = chosen.field.hazard_m2()));
                    row(ui, "briefing-machine", crate::text::machine_name(lang, &s.machine, &m.name));
                    let tool = m.tool.kind.name_in(lang);
                    row(
                        ui,
                        "briefing-tool",
                        tr!(lang, "briefing-tool-value", tool = tool, width_m = m.tool.working_width_m, min_cm = m.tool.depth_cm.0, max_cm = m.tool.depth_cm.1),
                    );
                    row(
                        ui,
                        "briefing-speed",
                        tr!(
                            lang,
                            "briefing-speed-value",
                            lo_kmh = m.speed.working_kmh.0,
                            hi_kmh = m.speed.working_kmh.1,
                            depth_cm = m.tool.depth_at_ref_cm,
                            ref_kmh = m.tool.ref_speed_kmh
                        ),
                    );
                    row(ui, "briefing-mass", tr!(lang, "briefing-mass-value", mass_t = m.mass_kg / 1000.0, charge_kg = m.survives_charge_kg));
                    if let Some(st) = m.remote_standoff_m {
                        row(ui, "briefing-remote", tr!(lang, "briefing-remote-value", standoff_m = st));
                    }
                });
                ui.add_space(8.0);
                ui.label(egui::RichText::new(tr!(lang, "briefing-controls")).strong().size(17.0));
                bindings_grid(ui, "brief bindings", m.has_boom(), true);
            });
            let ui = &mut cols[1];
            ui.label(egui::RichText::new(tr!(lang, "briefing-site-map")).strong().size(17.0));
            if let Some((id, (w, h))) = map_tex {
                let avail = ui.available_width();
                let k = (avail / w).min(520.0 / h).min(1.0);
                ui.image(egui::load::SizedTexture::new(id, [w * k, h * k]));
            }
            ui.label(tr!(lang, "briefing-map-legend"));
        });
    });
    Ok(())
}
