//! The briefing: what the exercise teaches, what a pass needs, the machine, the site map and
//! the controls — what an instructor would say before the trainee climbs in.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, EguiTextureHandle, egui};

use super::{bindings_grid, maps, root_ui};
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
    let (c, _) = crate::preview::site_map(&chosen.field, 560.0, post);
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
            let label = if driver.autopilot { "▶  Watch the autopilot (Enter)" } else { "▶  Begin (Enter)" };
            if ui.add_sized([240.0, 34.0], egui::Button::new(egui::RichText::new(label).size(17.0))).clicked() {
                req.write(FlowRequest::Begin);
            }
            if ui.add_sized([160.0, 34.0], egui::Button::new(if test_drive { "Back to editor" } else { "Back to menu" })).clicked() {
                req.write(FlowRequest::Menu);
            }
            ui.label(format!("Seed {} · {}", chosen.seed, chosen.loaded.origin));
        });
        ui.add_space(6.0);
    });
    egui::CentralPanel::default().show(&mut root, |ui| {
        ui.columns(2, |cols| {
            let ui = &mut cols[0];
            egui::ScrollArea::vertical().id_salt("brief text").show(ui, |ui| {
                ui.set_max_width(ui.available_width() - 18.0);
                ui.label(egui::RichText::new(&s.title).size(26.0).strong());
                ui.add_space(4.0);
                ui.label(egui::RichText::new(&s.briefing).size(15.0));
                ui.add_space(6.0);
                ui.label(egui::RichText::new("Objective").strong().size(17.0));
                ui.label(&s.objective);
                ui.add_space(6.0);
                egui::Grid::new("brief facts").num_columns(2).striped(true).show(ui, |ui| {
                    let row = |ui: &mut egui::Ui, k: &str, v: String| {
                        ui.strong(k);
                        ui.label(v);
                        ui.end_row();
                    };
                    row(ui, "Required depth", format!("{:.0} cm over the whole marked area", s.required_depth_cm));
                    row(ui, "Time limit", format!("{:.0} min", s.time_limit_min));
                    row(ui, "Lane overlap", format!("{:.2}–{:.2} m", s.overlap_m.0, s.overlap_m.1));
                    row(ui, "Pass mark", format!("{:.0} / 100", s.scoring.pass_mark));
                    row(ui, "Area", format!("{:.0} m²", chosen.field.hazard_m2()));
                    row(ui, "Machine", m.name.clone());
                    let tool = m.tool.kind.label();
                    row(ui, "Tool", format!("{tool}, {:.2} m wide, {:.0}–{:.0} cm deep", m.tool.working_width_m, m.tool.depth_cm.0, m.tool.depth_cm.1));
                    row(ui, "Working speed", format!("{:.1}–{:.1} km/h (about {:.0} cm at {:.1} km/h)", m.speed.working_kmh.0, m.speed.working_kmh.1, m.tool.depth_at_ref_cm, m.tool.ref_speed_kmh));
                    row(ui, "Mass", format!("{:.1} t; survives about {:.1} kg of charge", m.mass_kg / 1000.0, m.survives_charge_kg));
                    if let Some(st) = m.remote_standoff_m {
                        row(ui, "Remote control", format!("you stay at your post, at least {st:.0} m from the machine"));
                    }
                });
                ui.add_space(8.0);
                ui.label(egui::RichText::new("Controls").strong().size(17.0));
                bindings_grid(ui, "brief bindings", m.has_boom());
            });
            let ui = &mut cols[1];
            ui.label(egui::RichText::new("Site map").strong().size(17.0));
            if let Some((id, (w, h))) = map_tex {
                let avail = ui.available_width();
                let k = (avail / w).min(520.0 / h).min(1.0);
                ui.image(egui::load::SizedTexture::new(id, [w * k, h * k]));
            }
            ui.label("Red-and-white: the marked hazard area. Blue: the start lane, cleared and safe. Trees and rocks are drawn; mines are not — as on a real site, you do not know where they are.");
        });
    });
    Ok(())
}
