//! The main menu: the course of scenarios, any scenario file, who drives, and the problems of
//! a scenario that could not be opened.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::{BAD, GOOD, WARN, root_ui};
use crate::text::Lang;
use crate::tr;
use crate::trainer::{Catalog, Driver, FlowRequest, MenuNotice, Recording, Screen, Seat};

/// What the trainee has typed at the menu.
#[derive(Resource, Default)]
pub struct MenuForm {
    /// Filled from the recording's trainee on first show.
    synced: bool,
    path: String,
    seed: String,
    replay: String,
    trainee: String,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<MenuForm>();
    app.add_systems(EguiPrimaryContextPass, menu_ui.run_if(in_state(Screen::Menu)));
}

pub fn menu_ui(
    mut contexts: EguiContexts,
    catalog: Res<Catalog>,
    notice: Res<MenuNotice>,
    mut driver: ResMut<Driver>,
    mut form: ResMut<MenuForm>,
    mut recording: ResMut<Recording>,
    seat: Res<Seat>,
    mut language: ResMut<Lang>,
    mut sound: ResMut<crate::sound::SoundSettings>,
    mut requests: MessageWriter<FlowRequest>,
) -> Result {
    let lang = crate::text::ui_lang();
    let exam = seat.exam;
    let ctx = contexts.ctx_mut()?.clone();
    if !form.synced {
        form.trainee = recording.trainee.clone().unwrap_or_default();
        form.synced = true;
    }
    let mut root = root_ui(&ctx, "menu");
    egui::CentralPanel::default().show(&mut root, |ui| {
        ui.add_space(8.0);
        ui.vertical_centered(|ui| {
            ui.label(egui::RichText::new("mineclear").size(40.0).strong());
            ui.label(egui::RichText::new(tr!(lang, "menu-subtitle")).size(17.0));
            if exam {
                ui.colored_label(WARN, egui::RichText::new(tr!(lang, "menu-exam-seat")).size(17.0).strong());
            }
        });
        ui.add_space(14.0);
        ui.columns(2, |cols| {
            scenarios(&mut cols[0], &catalog, exam, &mut form, &mut requests);
            let ui = &mut cols[1];
            ui.heading(tr!(lang, "menu-session"));
            if let Some(l) = language_switch(ui, *language) {
                *language = l;
            }
            super::sound::volumes(ui, &mut sound);
            trainee(ui, &catalog, &mut form, &mut recording, &mut requests);
            driving(ui, exam, &mut driver, &mut form);
            ui.add_space(8.0);
            if ui.add_sized([260.0, 34.0], egui::Button::new(egui::RichText::new(tr!(lang, "menu-start-first")).size(17.0))).clicked()
                && let Some(first) = catalog.next_after(None)
            {
                requests.write(FlowRequest::Open(first.arg.clone()));
            }
            ui.add_space(6.0);
            if !exam {
                replays_and_editor(ui, &catalog, &mut form, &mut requests);
            }
            if let Some(dir) = &recording.dir {
                ui.label(egui::RichText::new(tr!(lang, "menu-replays-kept", dir = dir.display().to_string())).small().weak());
            }
            if ui.button(tr!(lang, "common-quit")).clicked() {
                requests.write(FlowRequest::Quit);
            }
            ui.add_space(10.0);
            notice_box(ui, &notice, &catalog);
        });
    });
    Ok(())
}

/// The language the screens speak: one button per language, in its own name. Returns the one
/// clicked when it is not `current`.
fn language_switch(ui: &mut egui::Ui, current: Lang) -> Option<Lang> {
    let lang = crate::text::ui_lang();
    let mut chosen = None;
    ui.horizontal(|ui| {
        ui.label(tr!(lang, "menu-language"));
        for l in Lang::ALL {
            if ui.selectable_label(current == l, l.name()).clicked() && current != l {
                chosen = Some(l);
            }
        }
    });
    chosen
}

/// Left: the course (and own scenarios, except at an exam seat), and a file to open.
fn scenarios(ui: &mut egui::Ui, catalog: &Catalog, exam: bool, form: &mut MenuForm, requests: &mut MessageWriter<FlowRequest>) {
    let lang = crate::text::ui_lang();
    ui.heading(tr!(lang, "menu-scenarios"));
    ui.label(tr!(lang, "menu-scenarios-intro"));
    ui.add_space(4.0);
    egui::ScrollArea::vertical().id_salt("scenarios").max_height(330.0).show(ui, |ui| {
        for (i, e) in catalog.entries.iter().enumerate().filter(|(_, e)| !exam || e.builtin) {
            let ok = e.problems.is_empty();
            let title = if ok {
                egui::RichText::new(format!("{}. {}", i + 1, super::local_text(&e.title))).size(16.0)
            } else {
                egui::RichText::new(format!("{}. {}  {}", i + 1, super::local_text(&e.title), tr!(lang, "menu-scenario-problems", count = e.problems.len()))).size(16.0).color(BAD)
            };
            let (resp, edit) = ui
                .horizontal(|ui| {
                    let edit = (!exam).then(|| {
                        ui.small_button("✏").on_hover_text(tr!(lang, if e.builtin { "menu-edit-copy" } else { "menu-edit" }))
                    });
                    (ui.add_sized([ui.available_width(), 26.0], egui::Button::new(title).frame(true)), edit)
                })
                .inner;
            if edit.is_some_and(|b| b.clicked()) {
                requests.write(FlowRequest::Edit(Some(e.arg.clone())));
            }
            if !e.machine.is_empty() || !e.builtin {
                ui.label(
                    egui::RichText::new(format!("   {}{}", crate::text::machine_name(lang, &e.machine_file, &e.machine), if e.builtin { String::new() } else { format!("   ({})", e.arg) }))
                        .small()
                        .weak(),
                );
            }
            if resp.clicked() {
                requests.write(FlowRequest::Open(e.arg.clone()));
            }
        }
    });
    if !exam {
        ui.add_space(8.0);
        ui.label(tr!(lang, "menu-open-file"));
        ui.horizontal(|ui| {
            let edit = ui.add(egui::TextEdit::singleline(&mut form.path).hint_text(tr!(lang, "menu-scenario-path-hint")).desired_width(300.0));
            let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (ui.button(tr!(lang, "menu-open")).clicked() || enter) && !form.path.trim().is_empty() {
                requests.write(FlowRequest::Open(form.path.trim().to_string()));
            }
        });
    }

}

/// The trainee's name (attempts are stored under it), the names known, and their progress.
fn trainee(ui: &mut egui::Ui, catalog: &Catalog, form: &mut MenuForm, recording: &mut Recording, requests: &mut MessageWriter<FlowRequest>) {
    let lang = crate::text::ui_lang();
    ui.horizontal(|ui| {
        ui.label(tr!(lang, "menu-trainee"));
        let r = ui.add(egui::TextEdit::singleline(&mut form.trainee).hint_text(tr!(lang, "menu-trainee-hint")).desired_width(220.0));
        if r.changed() {
            let name = form.trainee.trim();
            recording.trainee = (!name.is_empty()).then(|| name.to_string());
        }
    });
    if !catalog.trainees.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new(tr!(lang, "menu-known")).small());
            for t in &catalog.trainees {
                if ui.selectable_label(recording.trainee.as_deref() == Some(t.as_str()), t).clicked() {
                    form.trainee = t.clone();
                    recording.trainee = Some(t.clone());
                }
            }
        });
    }
    if ui.add_enabled(recording.trainee.is_some(), egui::Button::new(tr!(lang, "menu-progress"))).clicked() {
        requests.write(FlowRequest::Progress);
    }
}

/// Who drives and on which field (neither is a choice at an exam seat).
fn driving(ui: &mut egui::Ui, exam: bool, driver: &mut Driver, form: &mut MenuForm) {
    if exam {
        driver.autopilot = false;
        driver.seed = None;
        return;
    }
    let lang = crate::text::ui_lang();
    ui.checkbox(&mut driver.autopilot, tr!(lang, "menu-autopilot"));
    ui.horizontal(|ui| {
        ui.label(tr!(lang, "menu-seed"));
        let seed_box = ui.add(egui::TextEdit::singleline(&mut form.seed).hint_text(tr!(lang, "menu-seed-hint")).desired_width(140.0));
        if seed_box.changed() {
            driver.seed = form.seed.trim().parse().ok();
        }
        if !form.seed.trim().is_empty() && driver.seed.is_none() {
            ui.colored_label(BAD, tr!(lang, "menu-seed-bad"));
        }
    });
}

/// A recorded session to review, the replays kept here, and the scenario editor.
fn replays_and_editor(ui: &mut egui::Ui, catalog: &Catalog, form: &mut MenuForm, requests: &mut MessageWriter<FlowRequest>) {
    let lang = crate::text::ui_lang();
    ui.label(egui::RichText::new(tr!(lang, "menu-review-heading")).strong());
    ui.horizontal(|ui| {
        let edit = ui.add(egui::TextEdit::singleline(&mut form.replay).hint_text(tr!(lang, "menu-replay-path-hint")).desired_width(300.0));
        let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui.button(tr!(lang, "menu-review")).clicked() || enter) && !form.replay.trim().is_empty() {
            requests.write(FlowRequest::Review(form.replay.trim().into()));
        }
    });
    for p in &catalog.replays {
        let name = p.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        if ui.small_button(format!("▶ {name}")).clicked() {
            requests.write(FlowRequest::Review(p.clone()));
        }
    }
    if ui.button(tr!(lang, "menu-editor")).on_hover_text(tr!(lang, "menu-editor-hint")).clicked() {
        requests.write(FlowRequest::Edit(None));
    }
}

/// Why the last scenario or replay could not be opened, or how many are ready.
fn notice_box(ui: &mut egui::Ui, notice: &MenuNotice, catalog: &Catalog) {
    let lang = crate::text::ui_lang();
    if !notice.problems.is_empty() || !notice.plain.is_empty() {
        egui::Frame::new().fill(egui::Color32::from_rgb(60, 20, 20)).corner_radius(6.0).inner_margin(10.0).show(ui, |ui| {
            ui.colored_label(BAD, egui::RichText::new(tr!(lang, "menu-cannot-open", subject = &notice.subject)).strong().size(16.0));
            if !notice.problems.is_empty() {
                ui.label(tr!(lang, "menu-fix-problems"));
            }
            egui::ScrollArea::vertical().id_salt("problems").max_height(220.0).show(ui, |ui| {
                for p in &notice.problems {
                    ui.monospace(p.to_string());
                }
                for p in &notice.plain {
                    ui.label(p);
                }
            });
        });
    } else {
        ui.colored_label(GOOD, tr!(lang, "menu-scenarios-ready", count = catalog.entries.iter().filter(|e| e.problems.is_empty()).count()));
    }
}
