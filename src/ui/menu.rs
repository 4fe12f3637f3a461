//! The main menu: the course of scenarios, any scenario file, who drives, and the problems of
//! a scenario that could not be opened.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::{BAD, GOOD, WARN, root_ui};
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
    mut requests: MessageWriter<FlowRequest>,
) -> Result {
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
            ui.label(egui::RichText::new("Training simulator for mechanical mine-clearing machine operators").size(17.0));
            if exam {
                ui.colored_label(WARN, egui::RichText::new("EXAM SEAT: the course only, no autopilot; type your name, then choose the scenario").size(17.0).strong());
            }
        });
        ui.add_space(14.0);
        ui.columns(2, |cols| {
            scenarios(&mut cols[0], &catalog, exam, &mut form, &mut requests);
            let ui = &mut cols[1];
            ui.heading("Session");
            trainee(ui, &catalog, &mut form, &mut recording, &mut requests);
            driving(ui, exam, &mut driver, &mut form);
            ui.add_space(8.0);
            if ui.add_sized([260.0, 34.0], egui::Button::new(egui::RichText::new("▶  Start the first lesson").size(17.0))).clicked()
                && let Some(first) = catalog.next_after(None)
            {
                requests.write(FlowRequest::Open(first.arg.clone()));
            }
            ui.add_space(6.0);
            if !exam {
                replays_and_editor(ui, &catalog, &mut form, &mut requests);
            }
            if let Some(dir) = &recording.dir {
                ui.label(egui::RichText::new(format!("Replays are kept in {}", dir.display())).small().weak());
            }
            if ui.button("Quit").clicked() {
                requests.write(FlowRequest::Quit);
            }
            ui.add_space(10.0);
            notice_box(ui, &notice, &catalog);
        });
    });
    Ok(())
}

/// Left: the course (and own scenarios, except at an exam seat), and a file to open.
fn scenarios(ui: &mut egui::Ui, catalog: &Catalog, exam: bool, form: &mut MenuForm, requests: &mut MessageWriter<FlowRequest>) {
    ui.heading("Scenarios");
    ui.label("The course, from first lesson to exam. Click one to read its briefing.");
    ui.add_space(4.0);
    egui::ScrollArea::vertical().id_salt("scenarios").max_height(330.0).show(ui, |ui| {
        for (i, e) in catalog.entries.iter().enumerate().filter(|(_, e)| !exam || e.builtin) {
            let ok = e.problems.is_empty();
            let title = if ok {
                egui::RichText::new(format!("{}. {}", i + 1, e.title)).size(16.0)
            } else {
                egui::RichText::new(format!("{}. {}  ✗ {} problem(s)", i + 1, e.title, e.problems.len())).size(16.0).color(BAD)
            };
            let (resp, edit) = ui
                .horizontal(|ui| {
                    let edit = (!exam).then(|| {
                        ui.small_button("✏").on_hover_text(if e.builtin { "Edit a copy in the scenario editor" } else { "Edit in the scenario editor" })
                    });
                    (ui.add_sized([ui.available_width(), 26.0], egui::Button::new(title).frame(true)), edit)
                })
                .inner;
            if edit.is_some_and(|b| b.clicked()) {
                requests.write(FlowRequest::Edit(Some(e.arg.clone())));
            }
            if !e.machine.is_empty() || !e.builtin {
                ui.label(
                    egui::RichText::new(format!("   {}{}", e.machine, if e.builtin { String::new() } else { format!("   ({})", e.arg) }))
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
        ui.label("Open a scenario file:");
        ui.horizontal(|ui| {
            let edit = ui.add(egui::TextEdit::singleline(&mut form.path).hint_text("path/to/scenario.ron").desired_width(300.0));
            let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (ui.button("Open").clicked() || enter) && !form.path.trim().is_empty() {
                requests.write(FlowRequest::Open(form.path.trim().to_string()));
            }
        });
    }

}

/// The trainee's name (attempts are stored under it), the names known, and their progress.
fn trainee(ui: &mut egui::Ui, catalog: &Catalog, form: &mut MenuForm, recording: &mut Recording, requests: &mut MessageWriter<FlowRequest>) {
    ui.horizontal(|ui| {
        ui.label("Trainee:");
        let r = ui.add(egui::TextEdit::singleline(&mut form.trainee).hint_text("your name (kept in each replay)").desired_width(220.0));
        if r.changed() {
            let name = form.trainee.trim();
            recording.trainee = (!name.is_empty()).then(|| name.to_string());
        }
    });
    if !catalog.trainees.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new("Known:").small());
            for t in &catalog.trainees {
                if ui.selectable_label(recording.trainee.as_deref() == Some(t.as_str()), t).clicked() {
                    form.trainee = t.clone();
                    recording.trainee = Some(t.clone());
                }
            }
        });
    }
    if ui.add_enabled(recording.trainee.is_some(), egui::Button::new("Progress of this trainee")).clicked() {
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
    ui.checkbox(&mut driver.autopilot, "The expert autopilot drives (a demonstration: not kept as an attempt)");
    ui.horizontal(|ui| {
        ui.label("Field seed:");
        let seed_box = ui.add(egui::TextEdit::singleline(&mut form.seed).hint_text("the scenario's own").desired_width(140.0));
        if seed_box.changed() {
            driver.seed = form.seed.trim().parse().ok();
        }
        if !form.seed.trim().is_empty() && driver.seed.is_none() {
            ui.colored_label(BAD, "not a whole number");
        }
    });
}

/// A recorded session to review, the replays kept here, and the scenario editor.
fn replays_and_editor(ui: &mut egui::Ui, catalog: &Catalog, form: &mut MenuForm, requests: &mut MessageWriter<FlowRequest>) {
    ui.label(egui::RichText::new("Review a recorded session").strong());
    ui.horizontal(|ui| {
        let edit = ui.add(egui::TextEdit::singleline(&mut form.replay).hint_text("path/to/session.mcreplay").desired_width(300.0));
        let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui.button("Review").clicked() || enter) && !form.replay.trim().is_empty() {
            requests.write(FlowRequest::Review(form.replay.trim().into()));
        }
    });
    for p in &catalog.replays {
        let name = p.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        if ui.small_button(format!("▶ {name}")).clicked() {
            requests.write(FlowRequest::Review(p.clone()));
        }
    }
    if ui.button("✏ Scenario editor").on_hover_text("Write or change an exercise, preview its field, test-drive it").clicked() {
        requests.write(FlowRequest::Edit(None));
    }
}

/// Why the last scenario or replay could not be opened, or how many are ready.
fn notice_box(ui: &mut egui::Ui, notice: &MenuNotice, catalog: &Catalog) {
    if !notice.problems.is_empty() || !notice.plain.is_empty() {
        egui::Frame::new().fill(egui::Color32::from_rgb(60, 20, 20)).corner_radius(6.0).inner_margin(10.0).show(ui, |ui| {
            ui.colored_label(BAD, egui::RichText::new(format!("Cannot open {}", notice.subject)).strong().size(16.0));
            if !notice.problems.is_empty() {
                ui.label("Fix these in the file, then open it again:");
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
        ui.colored_label(GOOD, format!("{} scenarios ready", catalog.entries.iter().filter(|e| e.problems.is_empty()).count()));
    }
}
