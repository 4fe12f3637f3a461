//! The scenario editor screen: every field of the format in a form, the generated field as a
//! live preview on which the hazard area, start lane, operator post, roads and soil patches are
//! drawn by clicking, each problem beside the field it concerns, and save / test drive.
//!
//! The draft and its rules (checking, saving, the preview field) live in `trainer::editor`;
//! this screen only edits `Draft::scenario` and asks.

use std::path::PathBuf;

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, EguiTextureHandle, egui};

mod form;
mod map;

use super::{BAD, GOOD, WARN, maps, root_ui};
use crate::geom::P2;
use crate::scenario;
use crate::tr;
use crate::trainer::{FlowRequest, Screen};
use crate::trainer::editor::{self, Draft, DraftProblem, SaveConsent, SaveRefused};

/// What a click on the map does.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
enum Tool {
    /// Clicks do nothing; drag any corner or end to move it.
    #[default]
    Move,
    /// Each click adds a corner to the hazard area.
    Hazard,
    /// The first click places the start lane's `from`, the second its `to`.
    Lane {
        placed_from: bool,
    },
    Post,
    /// Each click adds a point to road `i`.
    Road(usize),
    /// Each click adds a corner to soil zone `i`'s polygon.
    Soil(usize),
    /// Each click adds a corner to the tree region's polygon.
    Trees,
}

impl Tool {
    fn hint(self) -> String {
        let lang = crate::text::ui_lang();
        let id = match self {
            Tool::Move => "editor-hint-move",
            Tool::Hazard => "editor-hint-hazard",
            Tool::Lane { placed_from: false } => "editor-hint-lane-from",
            Tool::Lane { placed_from: true } => "editor-hint-lane-to",
            Tool::Post => "editor-hint-post",
            Tool::Road(_) => "editor-hint-road",
            Tool::Soil(_) => "editor-hint-soil",
            Tool::Trees => "editor-hint-trees",
        };
        tr!(lang, id)
    }
}

/// A point on the map the instructor can drag.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Grip {
    Hazard(usize),
    LaneFrom,
    LaneTo,
    Post,
    Road(usize, usize),
    Soil(usize, usize),
    Trees(usize),
}

/// Something the editor must ask before doing.
#[derive(Clone, Debug)]
enum Confirm {
    /// A save was refused; with consent it goes ahead. `then_leave` returns to the menu after.
    Save { path: PathBuf, consent: SaveConsent, refused: SaveRefused, then_leave: bool },
    /// Leaving with unsaved changes.
    Leave,
    /// Opening another scenario (what `FlowRequest::Edit` takes) over unsaved changes.
    Replace(String),
}

/// The editor screen's own state (the scenario itself is in `Draft`).
#[derive(Resource)]
pub struct EditorUi {
    tool: Tool,
    drag: Option<Grip>,
    save_path: String,
    open_path: String,
    confirm: Option<Confirm>,
    /// The last save's outcome, shown under the buttons.
    status: Option<(String, bool)>,
    show_mines: bool,
    /// Machines a scenario in this draft's folder may name.
    machines: Vec<String>,
    /// The draft the form was last filled from (its origin), so a new draft refills it.
    synced: Option<String>,
    texture: Option<PreviewTexture>,
    /// Where the map was drawn last frame: the field origin on screen and pixels per metre.
    map_frame: Option<(egui::Pos2, f32)>,
}

impl Default for EditorUi {
    fn default() -> Self {
        EditorUi {
            tool: Tool::Move,
            drag: None,
            save_path: String::new(),
            open_path: String::new(),
            confirm: None,
            status: None,
            // The instructor sees what the trainee never does: where the mines were laid.
            show_mines: true,
            machines: Vec::new(),
            synced: None,
            texture: None,
            map_frame: None,
        }
    }
}

struct PreviewTexture {
    image: Handle<Image>,
    id: egui::TextureId,
    revision: u64,
    /// The size of the field the image shows, metres.
    size_m: P2,
}

/// Corner and point positions snap to half a metre: tidy files, and clicks land where meant.
fn snap(v: f32) -> f32 {
    (v * 2.0).round() / 2.0
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<EditorUi>();
    app.add_systems(EguiPrimaryContextPass, editor_ui.run_if(in_state(Screen::Editor)));
    app.add_systems(OnExit(Screen::Editor), release_preview);
}

pub fn editor_ui(
    mut contexts: EguiContexts,
    draft: Option<ResMut<Draft>>,
    mut screen: ResMut<EditorUi>,
    mut images: ResMut<Assets<Image>>,
    time: Res<Time<Real>>,
    mut req: MessageWriter<FlowRequest>,
) -> Result {
    let Some(mut draft) = draft else { return Ok(()) };
    let screen = &mut *screen;
    if screen.synced.as_deref() != Some(draft.origin.as_str()) {
        screen.synced = Some(draft.origin.clone());
        screen.save_path = draft.suggested_path().display().to_string();
        screen.machines = scenario::machine_names(scenario::machines_dir_for(draft.path.as_deref()).as_deref());
        screen.tool = Tool::Move;
        screen.status = None;
    }
    // A new preview field becomes a new map image.
    if let Some(field) = &draft.preview
        && screen.texture.as_ref().is_none_or(|t| t.revision != draft.preview_revision)
    {
        let (canvas, _) = crate::preview::site_map(field, 760.0, None, "");
        let image = images.add(maps::to_image(&canvas));
        let id = contexts.add_image(EguiTextureHandle::Strong(image.clone()));
        if let Some(old) = screen.texture.replace(PreviewTexture { image, id, revision: draft.preview_revision, size_m: field.size_m }) {
            contexts.remove_image(&old.image);
            images.remove(&old.image);
        }
    }
    let ctx = contexts.ctx_mut()?.clone();
    let before = draft.scenario.clone();
    let d = &mut *draft;

    if d.leave_asked && screen.confirm.is_none() {
        screen.confirm = Some(Confirm::Leave);
    }
    if ctx.input(|i| i.modifiers.command && i.key_pressed(egui::Key::S)) {
        save(d, screen, PathBuf::from(screen.save_path.trim()), SaveConsent::default(), false, &mut req);
    }

    let mut root = root_ui(&ctx, "editor");
    egui::Panel::top("editor bar").show(&mut root, |ui| top_bar(ui, d, screen, &mut req));
    egui::Panel::bottom("editor problems").show(&mut root, |ui| problem_bar(ui, &d.problems));
    egui::Panel::left("editor form").resizable(true).default_size(560.0).min_size(420.0).show(&mut root, |ui| {
        egui::ScrollArea::vertical().id_salt("editor form scroll").show(ui, |ui| {
            super::clear_of_scroll_bar(ui);
            form::form(ui, d, screen);
        });
    });
    egui::CentralPanel::default().show(&mut root, |ui| map::map_panel(ui, d, screen));

    confirm_dialogs(&ctx, d, screen, &mut req);

    if d.scenario != before {
        d.changed(time.elapsed_secs_f64());
        screen.status = None;
    }
    Ok(())
}

fn top_bar(ui: &mut egui::Ui, draft: &mut Draft, screen: &mut EditorUi, requests: &mut MessageWriter<FlowRequest>) {
    let lang = crate::text::ui_lang();
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(tr!(lang, "editor-title")).size(22.0).strong());
        // The blank template's origin is a word; files and built-ins are shown as named.
        let origin = if draft.origin == editor::TEMPLATE { tr!(lang, "editor-origin-template") } else { crate::ui::origin_text(&draft.origin) };
        ui.label(egui::RichText::new(tr!(lang, "editor-editing", origin = origin)).weak());
        if draft.is_dirty() {
            ui.colored_label(WARN, tr!(lang, "editor-unsaved"));
        } else if draft.is_saved() {
            ui.colored_label(GOOD, tr!(lang, "editor-saved"));
        } else {
            ui.colored_label(WARN, tr!(lang, "editor-not-saved-yet"));
        }
    });
    ui.horizontal(|ui| {
        ui.label(tr!(lang, "editor-start-from"));
        let mut pick: Option<Option<String>> = None;
        egui::ComboBox::from_id_salt("start from").selected_text(tr!(lang, "editor-choose")).width(230.0).show_ui(ui, |ui| {
            if ui.selectable_label(false, tr!(lang, "editor-blank-template")).clicked() {
                pick = Some(None);
            }
            for (name, text) in scenario::builtin::SCENARIOS {
                let title = scenario::parse_scenario(text, name).map(|s| crate::ui::local_text(&s.title)).unwrap_or_else(|_| name.to_string());
                if ui.selectable_label(false, tr!(lang, "editor-copy-of", title = title)).clicked() {
                    pick = Some(Some(name.to_string()));
                }
            }
        });
        ui.separator();
        ui.label(tr!(lang, "editor-open-file"));
        let edit = ui.add(egui::TextEdit::singleline(&mut screen.open_path).hint_text(tr!(lang, "editor-open-hint")).desired_width(220.0));
        let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui.button(tr!(lang, "editor-open")).clicked() || enter) && !screen.open_path.trim().is_empty() {
            pick = Some(Some(screen.open_path.trim().to_string()));
        }
        if let Some(arg) = pick {
            // `Edit(None)` would keep this draft; the template is asked for by name.
            let arg = arg.unwrap_or_else(|| editor::TEMPLATE.to_string());
            if draft.is_dirty() {
                screen.confirm = Some(Confirm::Replace(arg));
            } else {
                requests.write(FlowRequest::Edit(Some(arg)));
            }
        }
    });
    ui.horizontal(|ui| {
        ui.label(tr!(lang, "editor-save-to"));
        ui.add(egui::TextEdit::singleline(&mut screen.save_path).desired_width(330.0));
        if ui
            .add_sized([90.0, 28.0], egui::Button::new(tr!(lang, "editor-save")))
            .on_hover_text(tr!(lang, "editor-save-tip"))
            .clicked()
        {
            save(draft, screen, PathBuf::from(screen.save_path.trim()), SaveConsent::default(), false, requests);
        }
        let ready = draft.problems.is_empty();
        let drive = ui.add_enabled(ready, egui::Button::new(egui::RichText::new(tr!(lang, "editor-test-drive")).strong()).min_size(egui::vec2(120.0, 28.0)));
        let drive = if ready {
            drive.on_hover_text(tr!(lang, "editor-test-drive-tip"))
        } else {
            drive.on_disabled_hover_text(tr!(lang, "editor-test-drive-disabled"))
        };
        if drive.clicked() {
            requests.write(FlowRequest::TestDrive);
        }
        if ui.add_sized([130.0, 28.0], egui::Button::new(tr!(lang, "editor-back-to-menu"))).clicked() {
            requests.write(FlowRequest::Menu);
        }
        if let Some((msg, ok)) = &screen.status {
            ui.colored_label(if *ok { GOOD } else { BAD }, msg);
        }
    });
    ui.add_space(2.0);
}

/// Tries a save; a refusal becomes a question to the instructor.
fn save(draft: &mut Draft, screen: &mut EditorUi, path: PathBuf, consent: SaveConsent, then_leave: bool, requests: &mut MessageWriter<FlowRequest>) {
    let lang = crate::text::ui_lang();
    if path.as_os_str().is_empty() {
        screen.status = Some((tr!(lang, "editor-status-no-file-name"), false));
        return;
    }
    match draft.save(&path, consent) {
        Ok(()) => {
            screen.status = Some((tr!(lang, "editor-status-saved", path = path.display().to_string()), true));
            screen.synced = Some(draft.origin.clone());
            if then_leave {
                requests.write(FlowRequest::Menu);
            }
        }
        Err(SaveRefused::Io(e)) => screen.status = Some((e, false)),
        Err(refused) => screen.confirm = Some(Confirm::Save { path, consent, refused, then_leave }),
    }
}

fn confirm_dialogs(ctx: &egui::Context, draft: &mut Draft, screen: &mut EditorUi, requests: &mut MessageWriter<FlowRequest>) {
    let Some(confirm) = screen.confirm.clone() else { return };
    let lang = crate::text::ui_lang();
    let mut close = false;
    egui::Modal::new(egui::Id::new("editor confirm")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        match &confirm {
            Confirm::Save { path, consent, refused, then_leave } => {
                let (title, body, yes) = match refused {
                    SaveRefused::WouldOverwrite(p) => (
                        tr!(lang, "editor-replace-title"),
                        tr!(lang, "editor-replace-body", path = p.display().to_string()),
                        tr!(lang, "editor-replace-yes"),
                    ),
                    SaveRefused::HasProblems(n) => (
                        tr!(lang, "editor-problems-title"),
                        tr!(lang, "editor-problems-body", count = *n),
                        tr!(lang, "editor-problems-yes"),
                    ),
                    SaveRefused::Io(e) => (tr!(lang, "editor-cannot-save"), e.clone(), tr!(lang, "editor-try-again")),
                };
                ui.heading(title);
                ui.label(body);
                ui.horizontal(|ui| {
                    if ui.button(yes).clicked() {
                        let mut c = *consent;
                        match refused {
                            SaveRefused::WouldOverwrite(_) => c.overwrite = true,
                            SaveRefused::HasProblems(_) => c.allow_problems = true,
                            SaveRefused::Io(_) => {}
                        }
                        screen.confirm = None;
                        save(draft, screen, path.clone(), c, *then_leave, requests);
                        close = screen.confirm.is_none();
                    }
                    if ui.button(tr!(lang, "editor-cancel")).clicked() {
                        close = true;
                    }
                });
            }
            Confirm::Leave => {
                ui.heading(tr!(lang, "editor-leave-title"));
                ui.label(tr!(lang, "editor-leave-body"));
                ui.horizontal(|ui| {
                    if ui.button(tr!(lang, "editor-save-then-leave")).clicked() {
                        screen.confirm = None;
                        draft.leave_asked = false;
                        save(draft, screen, PathBuf::from(screen.save_path.trim()), SaveConsent::default(), true, requests);
                        close = screen.confirm.is_none();
                    }
                    if ui.button(tr!(lang, "editor-discard-changes")).clicked() {
                        draft.leave_confirmed = true;
                        requests.write(FlowRequest::Menu);
                        close = true;
                    }
                    if ui.button(tr!(lang, "editor-stay")).clicked() {
                        draft.leave_asked = false;
                        close = true;
                    }
                });
            }
            Confirm::Replace(arg) => {
                ui.heading(tr!(lang, "editor-discard-title"));
                ui.label(tr!(lang, "editor-discard-body"));
                ui.horizontal(|ui| {
                    if ui.button(tr!(lang, "editor-discard-and-open")).clicked() {
                        requests.write(FlowRequest::Edit(Some(arg.clone())));
                        close = true;
                    }
                    if ui.button(tr!(lang, "editor-cancel")).clicked() {
                        close = true;
                    }
                });
            }
        }
    });
    if close {
        screen.confirm = None;
    }
}

fn problem_bar(ui: &mut egui::Ui, problems: &[DraftProblem]) {
    let lang = crate::text::ui_lang();
    ui.add_space(3.0);
    if problems.is_empty() {
        ui.colored_label(GOOD, tr!(lang, "editor-no-problems"));
    } else {
        ui.colored_label(BAD, tr!(lang, "editor-problem-count", count = problems.len()));
        egui::ScrollArea::vertical().id_salt("problem list").max_height(70.0).show(ui, |ui| {
            for p in problems {
                ui.horizontal_wrapped(|ui| {
                    ui.monospace(if p.place.is_empty() { tr!(lang, "editor-problem-file") } else { p.place.clone() });
                    ui.label(&p.message);
                });
            }
        });
    }
    ui.add_space(3.0);
}

/// Drops the preview image when the editor closes.
pub fn release_preview(mut contexts: EguiContexts, mut screen: ResMut<EditorUi>, mut images: ResMut<Assets<Image>>) {
    if let Some(t) = screen.texture.take() {
        contexts.remove_image(&t.image);
        images.remove(&t.image);
    }
}
