//! The scenario editor screen: every field of the format in a form, the generated field as a
//! live preview on which the hazard area, start lane, operator post, roads and soil patches are
//! drawn by clicking, each problem beside the field it concerns, and save / test drive.
//!
//! The draft and its rules (checking, saving, the preview field) live in `trainer::editor`;
//! this screen only edits `Draft::scenario` and asks.

use std::path::PathBuf;

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiTextureHandle, egui};

use super::{BAD, GOOD, WARN, maps, root_ui};
use crate::geom::P2;
use crate::scenario::{self, Amount, Layout, MineGroup, MineKind, Region, Road, Scenario, SoilKind, SoilZone};
use crate::trainer::FlowRequest;
use crate::trainer::editor::{self, Draft, DraftProblem, SaveConsent, SaveRefused, within};

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
    fn hint(self) -> &'static str {
        match self {
            Tool::Move => "Drag a corner or lane end to move it; right-click a corner to delete it.",
            Tool::Hazard => "Click to add hazard-area corners in order around the boundary; right-click removes the last. Done when finished.",
            Tool::Lane { placed_from: false } => "Click where the start lane begins.",
            Tool::Lane { placed_from: true } => "Click where the start lane ends.",
            Tool::Post => "Click where the operator of a remote machine stands.",
            Tool::Road(_) => "Click to add points along the road; right-click removes the last.",
            Tool::Soil(_) => "Click to add the soil patch's corners; right-click removes the last.",
            Tool::Trees => "Click to add the corners of the area where trees stand; right-click removes the last.",
        }
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

pub fn editor_ui(
    mut contexts: EguiContexts,
    draft: Option<ResMut<Draft>>,
    mut st: ResMut<EditorUi>,
    mut images: ResMut<Assets<Image>>,
    time: Res<Time<Real>>,
    mut req: MessageWriter<FlowRequest>,
) -> Result {
    let Some(mut draft) = draft else { return Ok(()) };
    let st = &mut *st;
    if st.synced.as_deref() != Some(draft.origin.as_str()) {
        st.synced = Some(draft.origin.clone());
        st.save_path = draft.suggested_path().display().to_string();
        st.machines = scenario::machine_names(scenario::machines_dir_for(draft.path.as_deref()).as_deref());
        st.tool = Tool::Move;
        st.status = None;
    }
    // A new preview field becomes a new map image.
    if let Some(field) = &draft.preview
        && st.texture.as_ref().is_none_or(|t| t.revision != draft.preview_revision)
    {
        let (canvas, _) = crate::preview::site_map(field, 760.0, None);
        let image = images.add(maps::to_image(&canvas));
        let id = contexts.add_image(EguiTextureHandle::Strong(image.clone()));
        if let Some(old) = st.texture.replace(PreviewTexture { image, id, revision: draft.preview_revision, size_m: field.size_m }) {
            contexts.remove_image(&old.image);
            images.remove(&old.image);
        }
    }
    let ctx = contexts.ctx_mut()?.clone();
    let before = draft.scenario.clone();
    let d = &mut *draft;

    if d.leave_asked && st.confirm.is_none() {
        st.confirm = Some(Confirm::Leave);
    }
    if ctx.input(|i| i.modifiers.command && i.key_pressed(egui::Key::S)) {
        save(d, st, PathBuf::from(st.save_path.trim()), SaveConsent::default(), false, &mut req);
    }

    let mut root = root_ui(&ctx, "editor");
    egui::Panel::top("editor bar").show(&mut root, |ui| top_bar(ui, d, st, &mut req));
    egui::Panel::bottom("editor problems").show(&mut root, |ui| problem_bar(ui, &d.problems));
    egui::Panel::left("editor form").resizable(true).default_size(560.0).min_size(420.0).show(&mut root, |ui| {
        egui::ScrollArea::vertical().id_salt("editor form scroll").show(ui, |ui| {
            ui.set_max_width(ui.available_width() - 14.0);
            form(ui, d, st);
        });
    });
    egui::CentralPanel::default().show(&mut root, |ui| map_panel(ui, d, st));

    confirm_dialogs(&ctx, d, st, &mut req);

    if d.scenario != before {
        d.changed(time.elapsed_secs_f64());
        st.status = None;
    }
    Ok(())
}

fn top_bar(ui: &mut egui::Ui, d: &mut Draft, st: &mut EditorUi, req: &mut MessageWriter<FlowRequest>) {
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new("Scenario editor").size(22.0).strong());
        ui.label(egui::RichText::new(format!("editing {}", d.origin)).weak());
        if d.is_dirty() {
            ui.colored_label(WARN, "● unsaved changes");
        } else if d.is_saved() {
            ui.colored_label(GOOD, "✔ saved");
        } else {
            ui.colored_label(WARN, "not saved to a file yet");
        }
    });
    ui.horizontal(|ui| {
        ui.label("Start from:");
        let mut pick: Option<Option<String>> = None;
        egui::ComboBox::from_id_salt("start from").selected_text("choose…").width(230.0).show_ui(ui, |ui| {
            if ui.selectable_label(false, "Blank template").clicked() {
                pick = Some(None);
            }
            for (name, text) in scenario::builtin::SCENARIOS {
                let title = scenario::parse_scenario(text, name).map(|s| s.title).unwrap_or_else(|_| name.to_string());
                if ui.selectable_label(false, format!("Copy of {title}")).clicked() {
                    pick = Some(Some(name.to_string()));
                }
            }
        });
        ui.separator();
        ui.label("Open file:");
        let edit = ui.add(egui::TextEdit::singleline(&mut st.open_path).hint_text("path/to/scenario.ron").desired_width(220.0));
        let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui.button("Open").clicked() || enter) && !st.open_path.trim().is_empty() {
            pick = Some(Some(st.open_path.trim().to_string()));
        }
        if let Some(arg) = pick {
            // `Edit(None)` would keep this draft; the template is asked for by name.
            let arg = arg.unwrap_or_else(|| editor::TEMPLATE.to_string());
            if d.is_dirty() {
                st.confirm = Some(Confirm::Replace(arg));
            } else {
                req.write(FlowRequest::Edit(Some(arg)));
            }
        }
    });
    ui.horizontal(|ui| {
        ui.label("Save to:");
        ui.add(egui::TextEdit::singleline(&mut st.save_path).desired_width(330.0));
        if ui
            .add_sized([90.0, 28.0], egui::Button::new("💾 Save"))
            .on_hover_text("Ctrl+S. Writes a temporary file, then renames it over the old one.")
            .clicked()
        {
            save(d, st, PathBuf::from(st.save_path.trim()), SaveConsent::default(), false, req);
        }
        let ready = d.problems.is_empty();
        let drive = ui.add_enabled(ready, egui::Button::new(egui::RichText::new("▶ Test drive").strong()).min_size(egui::vec2(120.0, 28.0)));
        let drive = if ready {
            drive.on_hover_text("Read its briefing and drive it; \"Back to menu\" returns here with your draft.")
        } else {
            drive.on_disabled_hover_text("Fix the problems listed below first.")
        };
        if drive.clicked() {
            req.write(FlowRequest::TestDrive);
        }
        if ui.add_sized([130.0, 28.0], egui::Button::new("Back to menu")).clicked() {
            req.write(FlowRequest::Menu);
        }
        if let Some((msg, ok)) = &st.status {
            ui.colored_label(if *ok { GOOD } else { BAD }, msg);
        }
    });
    ui.add_space(2.0);
}

/// Tries a save; a refusal becomes a question to the instructor.
fn save(d: &mut Draft, st: &mut EditorUi, path: PathBuf, consent: SaveConsent, then_leave: bool, req: &mut MessageWriter<FlowRequest>) {
    if path.as_os_str().is_empty() {
        st.status = Some(("give a file name to save to".into(), false));
        return;
    }
    match d.save(&path, consent) {
        Ok(()) => {
            st.status = Some((format!("saved {}", path.display()), true));
            st.synced = Some(d.origin.clone());
            if then_leave {
                req.write(FlowRequest::Menu);
            }
        }
        Err(SaveRefused::Io(e)) => st.status = Some((e, false)),
        Err(refused) => st.confirm = Some(Confirm::Save { path, consent, refused, then_leave }),
    }
}

fn confirm_dialogs(ctx: &egui::Context, d: &mut Draft, st: &mut EditorUi, req: &mut MessageWriter<FlowRequest>) {
    let Some(confirm) = st.confirm.clone() else { return };
    let mut close = false;
    egui::Modal::new(egui::Id::new("editor confirm")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        match &confirm {
            Confirm::Save { path, consent, refused, then_leave } => {
                let (title, body, yes) = match refused {
                    SaveRefused::WouldOverwrite(p) => {
                        ("Replace the existing file?", format!("{} already exists. Saving replaces it with this scenario.", p.display()), "Replace it")
                    }
                    SaveRefused::HasProblems(n) => (
                        "Save a scenario with problems?",
                        format!("It has {n} problem(s), listed at the bottom of the editor. You can save it to keep your work, but trainees cannot open it until they are fixed."),
                        "Save anyway",
                    ),
                    SaveRefused::Io(e) => ("Cannot save", e.clone(), "Try again"),
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
                        st.confirm = None;
                        save(d, st, path.clone(), c, *then_leave, req);
                        close = st.confirm.is_none();
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
            }
            Confirm::Leave => {
                ui.heading("Leave the editor?");
                ui.label("This scenario has changes that are not saved.");
                ui.horizontal(|ui| {
                    if ui.button("Save, then leave").clicked() {
                        st.confirm = None;
                        d.leave_asked = false;
                        save(d, st, PathBuf::from(st.save_path.trim()), SaveConsent::default(), true, req);
                        close = st.confirm.is_none();
                    }
                    if ui.button("Discard changes").clicked() {
                        d.leave_confirmed = true;
                        req.write(FlowRequest::Menu);
                        close = true;
                    }
                    if ui.button("Stay").clicked() {
                        d.leave_asked = false;
                        close = true;
                    }
                });
            }
            Confirm::Replace(arg) => {
                ui.heading("Discard your changes?");
                ui.label("The scenario you are editing has unsaved changes. Opening another one discards them.");
                ui.horizontal(|ui| {
                    if ui.button("Discard and open").clicked() {
                        req.write(FlowRequest::Edit(Some(arg.clone())));
                        close = true;
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
            }
        }
    });
    if close {
        st.confirm = None;
    }
}

fn problem_bar(ui: &mut egui::Ui, problems: &[DraftProblem]) {
    ui.add_space(3.0);
    if problems.is_empty() {
        ui.colored_label(GOOD, "✔ No problems: this scenario is ready to test-drive and give to trainees.");
    } else {
        ui.colored_label(
            BAD,
            format!("✖ {} problem(s): each is also shown beside its field. Trainees cannot open the scenario until they are fixed.", problems.len()),
        );
        egui::ScrollArea::vertical().id_salt("problem list").max_height(70.0).show(ui, |ui| {
            for p in problems {
                ui.horizontal_wrapped(|ui| {
                    ui.monospace(if p.place.is_empty() { "(file)" } else { p.place.as_str() });
                    ui.label(&p.message);
                });
            }
        });
    }
    ui.add_space(3.0);
}

/// Problems about `place` (and, if `deep`, anything inside it), in red under the field.
fn problems_here(ui: &mut egui::Ui, problems: &[DraftProblem], place: &str, deep: bool) {
    for p in problems.iter().filter(|p| if deep { within(&p.place, place) } else { p.place == place }) {
        ui.add(egui::Label::new(egui::RichText::new(format!("⚠ {}", p.message)).color(BAD)).wrap());
    }
}

fn num(ui: &mut egui::Ui, v: &mut f32, speed: f64, range: std::ops::RangeInclusive<f32>, suffix: &str) -> egui::Response {
    ui.add(egui::DragValue::new(v).speed(speed).range(range).suffix(suffix).max_decimals(2))
}

fn point(ui: &mut egui::Ui, p: &mut P2) {
    ui.label("x");
    num(ui, &mut p.0, 0.5, -10_000.0..=10_000.0, " m");
    ui.label("z");
    num(ui, &mut p.1, 0.5, -10_000.0..=10_000.0, " m");
}

/// A labelled row; its problems (exact place) follow on their own line.
fn row(ui: &mut egui::Ui, problems: &[DraftProblem], place: &str, label: &str, add: impl FnOnce(&mut egui::Ui)) {
    ui.horizontal(|ui| {
        ui.add_sized([150.0, 20.0], egui::Label::new(label).truncate());
        add(ui);
    });
    problems_here(ui, problems, place, false);
}

/// An editable list of points, with a button that draws it on the map.
fn point_list(ui: &mut egui::Ui, id: &str, pts: &mut Vec<P2>, st: &mut EditorUi, tool: Tool, draw_label: &str) {
    ui.horizontal(|ui| {
        let drawing = st.tool == tool;
        if ui.selectable_label(drawing, format!("✏ {draw_label}")).on_hover_text("Then click on the map; right-click removes the last point.").clicked() {
            if drawing {
                st.tool = Tool::Move;
            } else {
                pts.clear();
                st.tool = tool;
            }
        }
        if drawing && ui.button("Done").clicked() {
            st.tool = Tool::Move;
        }
        ui.label(egui::RichText::new(format!("{} points", pts.len())).weak());
    });
    egui::CollapsingHeader::new("coordinates").id_salt(id).show(ui, |ui| {
        let mut remove = None;
        for (i, p) in pts.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                ui.label(format!("{i}:"));
                point(ui, p);
                if ui.small_button("✖").on_hover_text("remove this point").clicked() {
                    remove = Some(i);
                }
            });
        }
        if let Some(i) = remove {
            pts.remove(i);
        }
        if ui.small_button("+ point").clicked() {
            let last = pts.last().copied().unwrap_or((10.0, 10.0));
            pts.push((last.0 + 5.0, last.1));
        }
    });
}

fn region_editor(ui: &mut egui::Ui, id: &str, r: &mut Region, size: P2, st: &mut EditorUi, tool: Tool) {
    let kind = match r {
        Region::Whole => 0,
        Region::Rect { .. } => 1,
        Region::Polygon(_) => 2,
        Region::Patches { .. } => 3,
    };
    let names = ["whole field", "rectangle", "polygon", "scattered patches"];
    let mut pick = kind;
    egui::ComboBox::from_id_salt(id).selected_text(names[kind]).show_ui(ui, |ui| {
        for (i, n) in names.iter().enumerate() {
            ui.selectable_value(&mut pick, i, *n);
        }
    });
    if pick != kind {
        *r = match pick {
            0 => Region::Whole,
            1 => Region::Rect { min: (0.0, 0.0), max: (snap(size.0 * 0.5), snap(size.1 * 0.5)) },
            2 => Region::Polygon(Vec::new()),
            _ => Region::Patches { share: 0.3, size_m: 10.0 },
        };
        if pick == 2 {
            st.tool = tool;
        }
    }
    match r {
        Region::Whole => {}
        Region::Rect { min, max } => {
            ui.horizontal(|ui| {
                ui.label("from");
                point(ui, min);
            });
            ui.horizontal(|ui| {
                ui.label("to   ");
                point(ui, max);
            });
        }
        Region::Polygon(pts) => point_list(ui, &format!("{id} pts"), pts, st, tool, "draw on map"),
        Region::Patches { share, size_m } => {
            ui.horizontal(|ui| {
                ui.label("share of field");
                num(ui, share, 0.01, 0.0..=1.0, "");
                ui.label("patch size");
                num(ui, size_m, 0.5, 0.0..=1000.0, " m");
            });
        }
    }
}

fn form(ui: &mut egui::Ui, d: &mut Draft, st: &mut EditorUi) {
    let problems = d.problems.clone();
    let p = &problems[..];
    let preview_seed = d.preview_seed;
    let s: &mut Scenario = &mut d.scenario;
    let size = s.field.size_m;

    egui::CollapsingHeader::new(egui::RichText::new("Exercise").strong()).default_open(true).show(ui, |ui| {
        row(ui, p, "title", "Title", |ui| {
            ui.add(egui::TextEdit::singleline(&mut s.title).desired_width(f32::INFINITY));
        });
        ui.label("Briefing (what the trainee is told: the situation and the task)");
        ui.add(
            egui::TextEdit::multiline(&mut s.briefing)
                .desired_rows(3)
                .desired_width(f32::INFINITY)
                .hint_text("The site, the ground, the threat, the machine, and how to work it."),
        );
        problems_here(ui, p, "briefing", false);
        ui.label("Objective (the one skill taught, and what a pass requires)");
        ui.add(egui::TextEdit::multiline(&mut s.objective).desired_rows(2).desired_width(f32::INFINITY).hint_text("Hold … so that …. A pass needs … points."));
        problems_here(ui, p, "objective", false);
    });

    egui::CollapsingHeader::new(egui::RichText::new("Machine and task").strong()).default_open(true).show(ui, |ui| {
        row(ui, p, "machine", "Machine", |ui| {
            egui::ComboBox::from_id_salt("machine").selected_text(&s.machine).show_ui(ui, |ui| {
                for m in &st.machines {
                    ui.selectable_value(&mut s.machine, m.clone(), m);
                }
            });
        });
        row(ui, p, "required_depth_cm", "Required depth", |ui| {
            num(ui, &mut s.required_depth_cm, 0.5, 0.0..=200.0, " cm");
        });
        row(ui, p, "time_limit_min", "Time limit", |ui| {
            num(ui, &mut s.time_limit_min, 1.0, 0.0..=1000.0, " min");
        });
        row(ui, p, "overlap_m", "Lane overlap asked", |ui| {
            num(ui, &mut s.overlap_m.0, 0.05, 0.0..=10.0, " m");
            ui.label("to");
            num(ui, &mut s.overlap_m.1, 0.05, 0.0..=10.0, " m");
        });
    });

    egui::CollapsingHeader::new(egui::RichText::new("Hazard area, start lane and post").strong()).default_open(true).show(ui, |ui| {
        ui.label(egui::RichText::new("Hazard area (the marked boundary)").strong());
        point_list(ui, "hazard pts", &mut s.hazard_area, st, Tool::Hazard, "draw a new outline");
        problems_here(ui, p, "hazard_area", true);
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.label(egui::RichText::new("Start lane (cleared ground)").strong());
            let placing = matches!(st.tool, Tool::Lane { .. });
            if ui.selectable_label(placing, "✏ place on map").clicked() {
                st.tool = if placing { Tool::Move } else { Tool::Lane { placed_from: false } };
            }
        });
        problems_here(ui, p, "start_lane", false);
        let lane = &mut s.start_lane;
        row(ui, p, "start_lane.from", "from", |ui| point(ui, &mut lane.from));
        row(ui, p, "start_lane.to", "to", |ui| point(ui, &mut lane.to));
        row(ui, p, "start_lane.width_m", "width", |ui| {
            num(ui, &mut lane.width_m, 0.1, 0.0..=100.0, " m");
        });
        ui.add_space(4.0);
        let mut has_post = s.operator_post.is_some();
        ui.horizontal(|ui| {
            if ui.checkbox(&mut has_post, "Operator post (remote machines)").changed() {
                s.operator_post = has_post.then_some(s.start_lane.from);
            }
            if ui.selectable_label(st.tool == Tool::Post, "✏ place on map").clicked() {
                st.tool = if st.tool == Tool::Post { Tool::Move } else { Tool::Post };
            }
        });
        if let Some(post) = &mut s.operator_post {
            row(ui, p, "operator_post", "post at", |ui| point(ui, post));
        } else {
            ui.label(egui::RichText::new("Without one, the operator stands at the start lane's `from` end.").weak());
            problems_here(ui, p, "operator_post", false);
        }
    });

    egui::CollapsingHeader::new(egui::RichText::new("Field and ground").strong()).show(ui, |ui| {
        let f = &mut s.field;
        row(ui, p, "field.size_m[0]", "Width (x, east)", |ui| {
            num(ui, &mut f.size_m.0, 1.0, 0.0..=5000.0, " m");
        });
        row(ui, p, "field.size_m[1]", "Depth (z, south)", |ui| {
            num(ui, &mut f.size_m.1, 1.0, 0.0..=5000.0, " m");
        });
        row(ui, p, "field.relief.amplitude_m", "Relief: bumps", |ui| {
            num(ui, &mut f.relief.amplitude_m, 0.05, 0.0..=50.0, " m high");
        });
        row(ui, p, "field.relief.wavelength_m", "Relief: spacing", |ui| {
            num(ui, &mut f.relief.wavelength_m, 0.5, 0.0..=2000.0, " m apart");
        });
        row(ui, p, "field.slope.degrees", "Slope", |ui| {
            num(ui, &mut f.slope.degrees, 0.5, 0.0..=90.0, "°");
        });
        row(ui, p, "field.slope.falls_towards_deg", "Falls towards", |ui| {
            num(ui, &mut f.slope.falls_towards_deg, 5.0, -360.0..=360.0, "°");
            ui.label(egui::RichText::new("0 north, 90 east").weak());
        });
        row(ui, p, "field.vegetation.density", "Vegetation cover", |ui| {
            num(ui, &mut f.vegetation.density, 0.01, 0.0..=1.0, " (0–1)");
        });
        row(ui, p, "field.vegetation.height_m", "Vegetation height", |ui| {
            num(ui, &mut f.vegetation.height_m, 0.05, 0.0..=20.0, " m");
        });
        row(ui, p, "field.vegetation.patch_size_m", "Thicket size", |ui| {
            num(ui, &mut f.vegetation.patch_size_m, 0.5, 0.0..=1000.0, " m");
        });
        row(ui, p, "field.obstacles.trees", "Trees", |ui| {
            ui.add(egui::DragValue::new(&mut f.obstacles.trees).range(0..=100_000));
        });
        row(ui, p, "field.obstacles.rocks", "Rocks", |ui| {
            ui.add(egui::DragValue::new(&mut f.obstacles.rocks).range(0..=100_000));
        });
        ui.checkbox(&mut f.obstacles.trees_in_area, "Trees may stand inside the hazard area (a forest belt for a boom cutter)");
        let mut own = f.obstacles.tree_region.is_some();
        if ui.checkbox(&mut own, "Trees stand only in part of the field").changed() {
            f.obstacles.tree_region = own.then_some(Region::Rect { min: (0.0, 0.0), max: (snap(size.0 * 0.3), size.1) });
        }
        if let Some(r) = &mut f.obstacles.tree_region {
            region_editor(ui, "tree region", r, size, st, Tool::Trees);
            problems_here(ui, p, "field.obstacles.tree_region", true);
        }
    });

    egui::CollapsingHeader::new(egui::RichText::new(format!("Soils ({})", s.field.soils.len())).strong()).show(ui, |ui| {
        ui.label(egui::RichText::new("Painted in order: later zones cover earlier ones. The first should be the whole field.").weak());
        problems_here(ui, p, "field.soils", false);
        let soils = &mut s.field.soils;
        let mut remove = None;
        let mut up = None;
        for (i, z) in soils.iter_mut().enumerate() {
            ui.separator();
            ui.horizontal(|ui| {
                ui.label(format!("Zone {i}"));
                egui::ComboBox::from_id_salt(("soil kind", i)).selected_text(z.soil.label()).show_ui(ui, |ui| {
                    for k in SoilKind::ALL {
                        ui.selectable_value(&mut z.soil, k, k.label());
                    }
                });
                if i > 0 && ui.small_button("⬆").on_hover_text("paint earlier").clicked() {
                    up = Some(i);
                }
                if ui.small_button("✖").on_hover_text("remove this zone").clicked() {
                    remove = Some(i);
                }
            });
            region_editor(ui, &format!("soil region {i}"), &mut z.region, size, st, Tool::Soil(i));
            problems_here(ui, p, &format!("field.soils[{i}].region"), true);
            ui.horizontal(|ui| {
                let mut h = z.hardness.is_some();
                if ui.checkbox(&mut h, "hardness").on_hover_text(format!("typical for {}: {}", z.soil.label(), z.soil.default_hardness())).changed() {
                    z.hardness = h.then(|| z.soil.default_hardness());
                }
                if let Some(v) = &mut z.hardness {
                    num(ui, v, 0.05, 0.0..=20.0, "");
                }
                let mut m = z.moisture_pct.is_some();
                if ui.checkbox(&mut m, "moisture").on_hover_text(format!("typical for {}: {} %", z.soil.label(), z.soil.default_moisture_pct())).changed() {
                    z.moisture_pct = m.then(|| z.soil.default_moisture_pct());
                }
                if let Some(v) = &mut z.moisture_pct {
                    num(ui, v, 0.5, 0.0..=100.0, " %");
                }
            });
            problems_here(ui, p, &format!("field.soils[{i}].hardness"), false);
            problems_here(ui, p, &format!("field.soils[{i}].moisture_pct"), false);
        }
        if let Some(i) = up {
            soils.swap(i - 1, i);
        }
        if let Some(i) = remove {
            soils.remove(i);
            st.tool = Tool::Move;
        }
        if ui.button("+ soil zone").clicked() {
            soils.push(SoilZone { soil: SoilKind::Clay, region: Region::Patches { share: 0.3, size_m: 10.0 }, hardness: None, moisture_pct: None });
        }
    });

    egui::CollapsingHeader::new(egui::RichText::new(format!("Roads ({})", s.field.roads.len())).strong()).show(ui, |ui| {
        problems_here(ui, p, "field.roads", false);
        let roads = &mut s.field.roads;
        let mut remove = None;
        for (i, r) in roads.iter_mut().enumerate() {
            ui.separator();
            ui.horizontal(|ui| {
                ui.label(format!("Road {i}"));
                ui.label("width");
                num(ui, &mut r.width_m, 0.1, 0.0..=100.0, " m");
                ui.label("ditch");
                num(ui, &mut r.ditch_depth_m, 0.05, 0.0..=10.0, " m deep");
                if ui.small_button("✖").on_hover_text("remove this road").clicked() {
                    remove = Some(i);
                }
            });
            problems_here(ui, p, &format!("field.roads[{i}].width_m"), false);
            problems_here(ui, p, &format!("field.roads[{i}].ditch_depth_m"), false);
            point_list(ui, &format!("road {i} pts"), &mut r.points, st, Tool::Road(i), "draw on map");
            problems_here(ui, p, &format!("field.roads[{i}].points"), true);
        }
        if let Some(i) = remove {
            roads.remove(i);
            st.tool = Tool::Move;
        }
        if ui.button("+ road").clicked() {
            roads.push(Road { points: Vec::new(), width_m: 6.0, ditch_depth_m: 0.0 });
            st.tool = Tool::Road(roads.len() - 1);
        }
    });

    egui::CollapsingHeader::new(egui::RichText::new(format!("Mines ({} groups)", s.mines.groups.len())).strong()).default_open(true).show(ui, |ui| {
        problems_here(ui, p, "mines.groups", false);
        ui.checkbox(&mut s.mines.uxo_outside_area, "Scattered UXO may also lie outside the marked area");
        let nroads = s.field.roads.len();
        let groups = &mut s.mines.groups;
        let mut remove = None;
        for (i, g) in groups.iter_mut().enumerate() {
            ui.separator();
            let gp = format!("mines.groups[{i}]");
            ui.horizontal(|ui| {
                ui.label(format!("Group {i}"));
                egui::ComboBox::from_id_salt(("mine kind", i)).selected_text(g.kind.label()).show_ui(ui, |ui| {
                    for k in MineKind::ALL {
                        ui.selectable_value(&mut g.kind, k, k.label());
                    }
                });
                let mut per_ha = matches!(g.amount, Amount::PerHectare(_));
                egui::ComboBox::from_id_salt(("amount", i)).selected_text(if per_ha { "per hectare" } else { "count" }).width(100.0).show_ui(ui, |ui| {
                    ui.selectable_value(&mut per_ha, false, "count");
                    ui.selectable_value(&mut per_ha, true, "per hectare");
                });
                match (&mut g.amount, per_ha) {
                    (Amount::Count(n), false) => {
                        ui.add(egui::DragValue::new(n).range(0..=1_000_000));
                    }
                    (Amount::PerHectare(v), true) => {
                        num(ui, v, 1.0, 0.0..=100_000.0, " /ha");
                    }
                    (_, true) => g.amount = Amount::PerHectare(200.0),
                    (_, false) => g.amount = Amount::Count(10),
                }
                if ui.small_button("✖").on_hover_text("remove this group").clicked() {
                    remove = Some(i);
                }
            });
            problems_here(ui, p, &format!("{gp}.amount"), true);
            row(ui, p, &format!("{gp}.depth_cm"), "Buried (top of mine)", |ui| {
                num(ui, &mut g.depth_cm.0, 0.5, 0.0..=500.0, " cm");
                ui.label("to");
                num(ui, &mut g.depth_cm.1, 0.5, 0.0..=500.0, " cm");
            });
            let names = ["scatter", "rows", "clusters", "road verge"];
            let kind = match g.layout {
                Layout::Scatter => 0,
                Layout::Rows { .. } => 1,
                Layout::Clusters { .. } => 2,
                Layout::Verge { .. } => 3,
            };
            let mut pick = kind;
            ui.horizontal(|ui| {
                ui.add_sized([150.0, 20.0], egui::Label::new("Laid as"));
                egui::ComboBox::from_id_salt(("layout", i)).selected_text(names[kind]).show_ui(ui, |ui| {
                    for (k, n) in names.iter().enumerate() {
                        ui.selectable_value(&mut pick, k, *n);
                    }
                });
            });
            if pick != kind {
                g.layout = match pick {
                    0 => Layout::Scatter,
                    1 => Layout::Rows { angle_deg: 0.0, row_spacing_m: 5.0, spacing_m: 2.0, jitter_m: 0.3 },
                    2 => Layout::Clusters { clusters: 3, radius_m: 4.0 },
                    _ => Layout::Verge { road: 0, offset_m: (0.5, 3.0) },
                };
            }
            ui.horizontal_wrapped(|ui| match &mut g.layout {
                Layout::Scatter => {
                    ui.label(egui::RichText::new("uniformly at random over the hazard area").weak());
                }
                Layout::Rows { angle_deg, row_spacing_m, spacing_m, jitter_m } => {
                    ui.label("angle");
                    num(ui, angle_deg, 1.0, -360.0..=360.0, "°");
                    ui.label("rows");
                    num(ui, row_spacing_m, 0.1, 0.0..=500.0, " m apart");
                    ui.label("mines");
                    num(ui, spacing_m, 0.1, 0.0..=500.0, " m apart");
                    ui.label("jitter");
                    num(ui, jitter_m, 0.05, 0.0..=50.0, " m");
                }
                Layout::Clusters { clusters, radius_m } => {
                    ui.add(egui::DragValue::new(clusters).range(0..=100_000));
                    ui.label("clusters of radius");
                    num(ui, radius_m, 0.1, 0.0..=500.0, " m");
                }
                Layout::Verge { road, offset_m } => {
                    ui.label("beside road");
                    ui.add(egui::DragValue::new(road).range(0..=nroads.max(1) - 1));
                    num(ui, &mut offset_m.0, 0.1, 0.0..=100.0, " m");
                    ui.label("to");
                    num(ui, &mut offset_m.1, 0.1, 0.0..=100.0, " m beyond its edge");
                }
            });
            problems_here(ui, p, &format!("{gp}.layout"), true);
        }
        if let Some(i) = remove {
            groups.remove(i);
        }
        if ui.button("+ mine group").clicked() {
            groups.push(MineGroup { kind: MineKind::ApBlast, amount: Amount::Count(10), depth_cm: (2.0, 10.0), layout: Layout::Scatter });
        }
    });

    egui::CollapsingHeader::new(egui::RichText::new("Scoring").strong()).default_open(true).show(ui, |ui| {
        problems_here(ui, p, "scoring.weights", false);
        let w = &mut s.scoring.weights;
        let total = w.total().max(1e-6);
        let parts: [(&str, &str, &mut f32); 6] = [
            ("clearance", "Clearance", &mut w.clearance),
            ("lanes", "Lane technique", &mut w.lanes),
            ("speed_depth", "Speed and depth", &mut w.speed_depth),
            ("safety", "Safety", &mut w.safety),
            ("efficiency", "Efficiency", &mut w.efficiency),
            ("machine_care", "Machine care", &mut w.machine_care),
        ];
        for (key, label, v) in parts {
            let share = *v / total * 100.0;
            row(ui, p, &format!("scoring.weights.{key}"), label, |ui| {
                num(ui, v, 0.5, -100.0..=1000.0, "");
                ui.label(egui::RichText::new(format!("= {share:.0} points")).weak());
            });
        }
        row(ui, p, "scoring.pass_mark", "Pass mark", |ui| {
            num(ui, &mut s.scoring.pass_mark, 1.0, 0.0..=200.0, " points");
        });
    });

    egui::CollapsingHeader::new(egui::RichText::new("Seed").strong()).default_open(true).show(ui, |ui| {
        ui.horizontal(|ui| {
            let mut fixed = s.seed.is_some();
            if ui.checkbox(&mut fixed, "Every trainee gets the same field").changed() {
                s.seed = fixed.then_some(preview_seed);
            }
            if let Some(seed) = &mut s.seed {
                ui.add(egui::DragValue::new(seed));
            }
        });
        if s.seed.is_none() {
            ui.label(egui::RichText::new("Each session picks its own seed (recorded in its replay); the preview shows one example.").weak());
        }
    });
}

fn map_panel(ui: &mut egui::Ui, d: &mut Draft, st: &mut EditorUi) {
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new("Map").strong());
        ui.selectable_value(&mut st.tool, Tool::Move, "✋ Move");
        if ui.selectable_label(st.tool == Tool::Hazard, "✏ Hazard area").on_hover_text("Starts a new outline").clicked() {
            d.scenario.hazard_area.clear();
            st.tool = Tool::Hazard;
        }
        if ui.selectable_label(matches!(st.tool, Tool::Lane { .. }), "✏ Start lane").clicked() {
            st.tool = Tool::Lane { placed_from: false };
        }
        ui.selectable_value(&mut st.tool, Tool::Post, "✏ Operator post");
        ui.checkbox(&mut st.show_mines, "show mines");
        if ui.button("🎲 Reroll seed").on_hover_text("A new field from the same settings").clicked() {
            let seed = crate::fresh_seed() % 1_000_000;
            if d.scenario.seed.is_some() {
                d.scenario.seed = Some(seed);
            } else {
                d.preview_seed = seed;
                d.revision += 1;
            }
        }
    });
    ui.label(egui::RichText::new(st.tool.hint()).small().weak());

    let (sx, sz) = d.scenario.field.size_m;
    let (sx, sz) = (sx.max(1.0), sz.max(1.0));
    let avail = ui.available_size() - egui::vec2(0.0, 48.0);
    let scale = (avail.x / sx).min(avail.y / sz).max(0.05);
    let (rect, resp) = ui.allocate_exact_size(egui::vec2(sx * scale, sz * scale), egui::Sense::click_and_drag());
    st.map_frame = Some((rect.min, scale));
    let painter = ui.painter_at(rect.expand(6.0));
    let to_screen = |p: P2| rect.min + egui::vec2(p.0 * scale, p.1 * scale);
    let to_field = |pos: egui::Pos2| (snap(((pos.x - rect.min.x) / scale).clamp(0.0, sx)), snap(((pos.y - rect.min.y) / scale).clamp(0.0, sz)));

    painter.rect_filled(rect, 0.0, egui::Color32::from_gray(60));
    if let Some(t) = &st.texture {
        let img = egui::Rect::from_min_size(rect.min, egui::vec2(t.size_m.0 * scale, t.size_m.1 * scale));
        painter.image(t.id, img, egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0)), egui::Color32::WHITE);
    }
    painter.rect_stroke(rect, 0.0, egui::Stroke::new(1.0, egui::Color32::from_gray(200)), egui::StrokeKind::Outside);
    if st.show_mines
        && let Some(f) = &d.preview
    {
        for m in &f.mines {
            let c = crate::preview::mine_colour(m.kind);
            painter.circle(to_screen((m.x, m.z)), 3.0, egui::Color32::from_rgb(c[0], c[1], c[2]), egui::Stroke::new(1.0, egui::Color32::BLACK));
        }
    }

    // The draft's own geometry over the (possibly older) preview image.
    let s = &d.scenario;
    let thin = |c: egui::Color32| egui::Stroke::new(2.0, c);
    for z in &s.field.soils {
        if let Region::Polygon(pts) = &z.region {
            outline(&painter, pts.iter().map(|&p| to_screen(p)).collect(), thin(egui::Color32::from_rgb(150, 100, 50)), true);
        } else if let Region::Rect { min, max } = &z.region {
            painter.rect_stroke(
                egui::Rect::from_two_pos(to_screen(*min), to_screen(*max)),
                0.0,
                thin(egui::Color32::from_rgb(150, 100, 50)),
                egui::StrokeKind::Middle,
            );
        }
    }
    if let Some(Region::Polygon(pts)) = &s.field.obstacles.tree_region {
        outline(&painter, pts.iter().map(|&p| to_screen(p)).collect(), thin(egui::Color32::from_rgb(30, 120, 30)), true);
    }
    for r in &s.field.roads {
        let w = (r.width_m * scale).max(2.0);
        outline(
            &painter,
            r.points.iter().map(|&p| to_screen(p)).collect(),
            egui::Stroke::new(w, egui::Color32::from_rgba_unmultiplied(90, 90, 90, 160)),
            false,
        );
    }
    let lane_poly: Vec<egui::Pos2> = s.start_lane.polygon().iter().map(|&p| to_screen(p)).collect();
    outline(&painter, lane_poly, thin(egui::Color32::from_rgb(60, 130, 255)), true);
    painter.line_segment([to_screen(s.start_lane.from), to_screen(s.start_lane.to)], egui::Stroke::new(1.0, egui::Color32::from_rgb(60, 130, 255)));
    outline(
        &painter,
        s.hazard_area.iter().map(|&p| to_screen(p)).collect(),
        egui::Stroke::new(2.5, egui::Color32::from_rgb(235, 40, 40)),
        st.tool != Tool::Hazard,
    );
    // The post is drawn where one is set (without one, it is the lane's `from` end).
    if let Some(post) = s.operator_post {
        painter.circle(to_screen(post), 5.0, egui::Color32::from_rgb(30, 90, 220), egui::Stroke::new(1.5, egui::Color32::WHITE));
        painter.text(to_screen(post) + egui::vec2(8.0, 0.0), egui::Align2::LEFT_CENTER, "post", egui::FontId::proportional(12.0), egui::Color32::WHITE);
    }

    let grips = grips(s);
    for (g, p) in &grips {
        let (fill, r) = match g {
            Grip::Hazard(_) => (egui::Color32::from_rgb(235, 40, 40), 4.5),
            Grip::LaneFrom | Grip::LaneTo => (egui::Color32::from_rgb(60, 130, 255), 4.5),
            Grip::Post => continue,
            _ => (egui::Color32::from_gray(200), 3.5),
        };
        painter.circle(to_screen(*p), r, fill, egui::Stroke::new(1.5, egui::Color32::WHITE));
    }
    painter.text(
        to_screen(s.start_lane.from) + egui::vec2(0.0, -10.0),
        egui::Align2::CENTER_BOTTOM,
        "lane from",
        egui::FontId::proportional(11.0),
        egui::Color32::WHITE,
    );

    // Pointer: a rubber band from the last point while drawing, and where it is.
    let hover = resp.hover_pos();
    if let Some(pos) = hover {
        let last = match st.tool {
            Tool::Hazard => s.hazard_area.last().copied(),
            Tool::Lane { placed_from: true } => Some(s.start_lane.from),
            Tool::Road(i) => s.field.roads.get(i).and_then(|r| r.points.last().copied()),
            Tool::Soil(i) => match s.field.soils.get(i).map(|z| &z.region) {
                Some(Region::Polygon(pts)) => pts.last().copied(),
                _ => None,
            },
            Tool::Trees => match &s.field.obstacles.tree_region {
                Some(Region::Polygon(pts)) => pts.last().copied(),
                _ => None,
            },
            _ => None,
        };
        if let Some(l) = last {
            painter.line_segment([to_screen(l), pos], egui::Stroke::new(1.5, egui::Color32::from_rgba_unmultiplied(255, 255, 255, 180)));
        }
    }

    // Input: drags move grips in any mode; clicks add points in a drawing mode.
    let grip_at = |pos: egui::Pos2| {
        grips
            .iter()
            .filter(|(_, p)| to_screen(*p).distance(pos) < 10.0)
            .min_by(|a, b| to_screen(a.1).distance(pos).total_cmp(&to_screen(b.1).distance(pos)))
            .map(|g| g.0)
    };
    // A drag is recognised only once the pointer has moved: grab what was under the press.
    if resp.drag_started()
        && let Some(pos) = ui.input(|i| i.pointer.press_origin())
    {
        st.drag = grip_at(pos);
    }
    if resp.dragged()
        && let (Some(g), Some(pos)) = (st.drag, resp.interact_pointer_pos())
    {
        set_grip(&mut d.scenario, g, to_field(pos));
    }
    if resp.drag_stopped() {
        st.drag = None;
    }
    if resp.clicked()
        && let Some(pos) = resp.interact_pointer_pos()
    {
        let at = to_field(pos);
        let s = &mut d.scenario;
        match st.tool {
            Tool::Move => {}
            Tool::Hazard => s.hazard_area.push(at),
            Tool::Lane { placed_from: false } => {
                s.start_lane.from = at;
                st.tool = Tool::Lane { placed_from: true };
            }
            Tool::Lane { placed_from: true } => {
                s.start_lane.to = at;
                st.tool = Tool::Move;
            }
            Tool::Post => {
                s.operator_post = Some(at);
                st.tool = Tool::Move;
            }
            Tool::Road(i) => {
                if let Some(r) = s.field.roads.get_mut(i) {
                    r.points.push(at);
                }
            }
            Tool::Soil(i) => {
                if let Some(SoilZone { region: Region::Polygon(pts), .. }) = s.field.soils.get_mut(i) {
                    pts.push(at);
                }
            }
            Tool::Trees => {
                if let Some(Region::Polygon(pts)) = &mut s.field.obstacles.tree_region {
                    pts.push(at);
                }
            }
        }
    }
    if resp.secondary_clicked()
        && let Some(pos) = resp.interact_pointer_pos()
    {
        match grip_at(pos) {
            Some(g) if st.tool == Tool::Move => remove_grip(&mut d.scenario, g),
            _ => {
                let s = &mut d.scenario;
                match st.tool {
                    Tool::Hazard => {
                        s.hazard_area.pop();
                    }
                    Tool::Road(i) => {
                        if let Some(r) = s.field.roads.get_mut(i) {
                            r.points.pop();
                        }
                    }
                    Tool::Soil(i) => {
                        if let Some(SoilZone { region: Region::Polygon(pts), .. }) = s.field.soils.get_mut(i) {
                            pts.pop();
                        }
                    }
                    Tool::Trees => {
                        if let Some(Region::Polygon(pts)) = &mut s.field.obstacles.tree_region {
                            pts.pop();
                        }
                    }
                    _ => {}
                }
            }
        }
    }

    // What the preview shows, and where the pointer is.
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        if let Some(pos) = hover {
            let (x, z) = to_field(pos);
            ui.monospace(format!("x {x:6.1} m  z {z:6.1} m"));
            ui.separator();
        }
        if !d.field_ok() {
            ui.colored_label(WARN, "Preview not updated: fix the problems marked in the field, hazard area or mines.");
        } else if let Some(f) = &d.preview {
            let stale = d.preview_revision != d.revision;
            let area = crate::geom::area(&f.hazard_area);
            let mut kinds = String::new();
            for k in MineKind::ALL {
                let n = f.mines.iter().filter(|m| m.kind == k).count();
                if n > 0 {
                    kinds.push_str(&format!("{}{n} {}", if kinds.is_empty() { "" } else { ", " }, k.label()));
                }
            }
            ui.label(format!(
                "seed {} · hazard {:.0} m² · {} mines ({}) · steepest in area {:.1}° · {} trees, {} rocks · made in {:.0} ms{}",
                f.seed,
                area,
                f.mines.len(),
                if kinds.is_empty() { "none".into() } else { kinds },
                crate::preview::max_slope_in_area(f),
                f.trees.len(),
                f.rocks.len(),
                d.preview_ms,
                if stale { " · updating…" } else { "" }
            ));
            for n in &f.notes {
                ui.colored_label(WARN, n);
            }
        }
    });
}

/// A polyline (closed if `closed`) through screen points.
fn outline(painter: &egui::Painter, pts: Vec<egui::Pos2>, stroke: egui::Stroke, closed: bool) {
    if pts.len() < 2 {
        return;
    }
    if closed && pts.len() >= 3 {
        painter.add(egui::Shape::closed_line(pts, stroke));
    } else {
        painter.add(egui::Shape::line(pts, stroke));
    }
}

/// Every draggable point of the scenario, with where it is.
fn grips(s: &Scenario) -> Vec<(Grip, P2)> {
    let mut g: Vec<(Grip, P2)> = s.hazard_area.iter().enumerate().map(|(i, &p)| (Grip::Hazard(i), p)).collect();
    g.push((Grip::LaneFrom, s.start_lane.from));
    g.push((Grip::LaneTo, s.start_lane.to));
    if let Some(post) = s.operator_post {
        g.push((Grip::Post, post));
    }
    for (i, r) in s.field.roads.iter().enumerate() {
        g.extend(r.points.iter().enumerate().map(|(j, &p)| (Grip::Road(i, j), p)));
    }
    for (i, z) in s.field.soils.iter().enumerate() {
        if let Region::Polygon(pts) = &z.region {
            g.extend(pts.iter().enumerate().map(|(j, &p)| (Grip::Soil(i, j), p)));
        }
    }
    if let Some(Region::Polygon(pts)) = &s.field.obstacles.tree_region {
        g.extend(pts.iter().enumerate().map(|(j, &p)| (Grip::Trees(j), p)));
    }
    g
}

/// The point list a grip belongs to (lane ends and the post belong to none).
fn grip_list(s: &mut Scenario, g: Grip) -> Option<(&mut Vec<P2>, usize)> {
    match g {
        Grip::Hazard(i) => Some((&mut s.hazard_area, i)),
        Grip::Road(i, j) => s.field.roads.get_mut(i).map(|r| (&mut r.points, j)),
        Grip::Soil(i, j) => match s.field.soils.get_mut(i).map(|z| &mut z.region) {
            Some(Region::Polygon(pts)) => Some((pts, j)),
            _ => None,
        },
        Grip::Trees(j) => match &mut s.field.obstacles.tree_region {
            Some(Region::Polygon(pts)) => Some((pts, j)),
            _ => None,
        },
        Grip::LaneFrom | Grip::LaneTo | Grip::Post => None,
    }
}

fn set_grip(s: &mut Scenario, g: Grip, at: P2) {
    match g {
        Grip::LaneFrom => s.start_lane.from = at,
        Grip::LaneTo => s.start_lane.to = at,
        Grip::Post => s.operator_post = Some(at),
        _ => {
            if let Some((pts, i)) = grip_list(s, g)
                && let Some(p) = pts.get_mut(i)
            {
                *p = at;
            }
        }
    }
}

fn remove_grip(s: &mut Scenario, g: Grip) {
    if let Some((pts, i)) = grip_list(s, g)
        && i < pts.len()
    {
        pts.remove(i);
    }
}

/// Drops the preview image when the editor closes.
pub fn release_preview(mut contexts: EguiContexts, mut st: ResMut<EditorUi>, mut images: ResMut<Assets<Image>>) {
    if let Some(t) = st.texture.take() {
        contexts.remove_image(&t.image);
        images.remove(&t.image);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs the map for one frame of `events` in a bare egui context (no window, no Bevy).
    fn frame(ctx: &egui::Context, d: &mut Draft, st: &mut EditorUi, events: Vec<egui::Event>) {
        let input = egui::RawInput { screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(900.0, 700.0))), events, ..Default::default() };
        let _ = ctx.run_ui(input, |ui| {
            egui::CentralPanel::default().show(ui, |ui| map_panel(ui, d, st));
        });
    }

    fn at(st: &EditorUi, p: P2) -> egui::Pos2 {
        let (o, scale) = st.map_frame.expect("the map was drawn");
        o + egui::vec2(p.0 * scale, p.1 * scale)
    }

    fn press(pos: egui::Pos2, pressed: bool) -> egui::Event {
        egui::Event::PointerButton { pos, button: egui::PointerButton::Primary, pressed, modifiers: Default::default() }
    }

    fn click(ctx: &egui::Context, d: &mut Draft, st: &mut EditorUi, p: P2) {
        let pos = at(st, p);
        frame(ctx, d, st, vec![egui::Event::PointerMoved(pos)]);
        frame(ctx, d, st, vec![press(pos, true)]);
        frame(ctx, d, st, vec![press(pos, false)]);
    }

    #[test]
    fn clicks_on_the_map_draw_the_area_and_lane_and_drags_move_corners() {
        let ctx = egui::Context::default();
        let mut d = Draft::from_template(None);
        let mut st = EditorUi::default();
        frame(&ctx, &mut d, &mut st, vec![]);

        st.tool = Tool::Hazard;
        d.scenario.hazard_area.clear();
        for p in [(15.0, 20.0), (55.0, 20.0), (55.0, 42.5), (15.0, 42.5)] {
            click(&ctx, &mut d, &mut st, p);
        }
        assert_eq!(d.scenario.hazard_area, vec![(15.0, 20.0), (55.0, 20.0), (55.0, 42.5), (15.0, 42.5)], "each click is a corner, snapped to 0.5 m");

        st.tool = Tool::Lane { placed_from: false };
        click(&ctx, &mut d, &mut st, (10.0, 12.0));
        click(&ctx, &mut d, &mut st, (60.0, 12.0));
        assert_eq!((d.scenario.start_lane.from, d.scenario.start_lane.to), ((10.0, 12.0), (60.0, 12.0)));
        assert_eq!(st.tool, Tool::Move, "the lane is placed with two clicks");

        // Drag the first corner to a new place.
        let (from, to) = (at(&st, (15.0, 20.0)), at(&st, (20.0, 25.0)));
        frame(&ctx, &mut d, &mut st, vec![egui::Event::PointerMoved(from)]);
        frame(&ctx, &mut d, &mut st, vec![press(from, true)]);
        frame(&ctx, &mut d, &mut st, vec![egui::Event::PointerMoved(from + (to - from) * 0.5)]);
        frame(&ctx, &mut d, &mut st, vec![egui::Event::PointerMoved(to)]);
        frame(&ctx, &mut d, &mut st, vec![press(to, false)]);
        assert_eq!(d.scenario.hazard_area[0], (20.0, 25.0));
        assert_eq!(d.scenario.hazard_area[1], (55.0, 20.0), "only the grabbed corner moves");
    }
}
