//! The editor's form: every field of the scenario format, a section per part of it, with each
//! problem shown under the field it concerns.

use bevy_egui::egui;

use super::{BAD, EditorUi, Tool, snap};
use crate::geom::P2;
use crate::scenario::{Amount, Layout, MineGroup, MineKind, Region, Road, Scenario, SoilKind, SoilZone};
use crate::text::{Lang, LocalText};
use crate::tr;
use crate::trainer::editor::{Draft, DraftProblem, within};

/// A unit after a number field (" cm", " m apart"): a space, then the unit in `lang`.
fn unit(lang: Lang, id: &str) -> String {
    format!(" {}", tr!(lang, id))
}

/// Every field of the format, in sections of a screenful each; each problem under its field.
pub(super) fn form(ui: &mut egui::Ui, draft: &mut Draft, screen: &mut EditorUi) {
    let problems = draft.problems.clone();
    let p = &problems[..];
    let preview_seed = draft.preview_seed;
    let scenario: &mut Scenario = &mut draft.scenario;
    let lang = crate::text::ui_lang();
    section(ui, tr!(lang, "editor-section-exercise"), true, |ui| exercise(ui, p, scenario));
    section(ui, tr!(lang, "editor-section-machine"), true, |ui| machine_and_task(ui, p, scenario, screen));
    section(ui, tr!(lang, "editor-section-hazard"), true, |ui| hazard_lane_and_post(ui, p, scenario, screen));
    section(ui, tr!(lang, "editor-section-field"), false, |ui| field_and_ground(ui, p, scenario, screen));
    section(ui, tr!(lang, "editor-section-soils", count = scenario.field.soils.len()), false, |ui| soils(ui, p, scenario, screen));
    section(ui, tr!(lang, "editor-section-roads", count = scenario.field.roads.len()), false, |ui| roads(ui, p, scenario, screen));
    section(ui, tr!(lang, "editor-section-mines", count = scenario.mines.groups.len()), true, |ui| mines(ui, p, scenario));
    section(ui, tr!(lang, "editor-section-scoring"), true, |ui| scoring(ui, p, scenario));
    section(ui, tr!(lang, "editor-section-seed"), true, |ui| seed(ui, scenario, preview_seed));
}

/// A collapsible section of the form under a bold title.
fn section(ui: &mut egui::Ui, title: impl Into<String>, open: bool, add: impl FnOnce(&mut egui::Ui)) {
    egui::CollapsingHeader::new(egui::RichText::new(title).strong()).default_open(open).show(ui, add);
}

/// Title, briefing and objective: what the trainee reads, in each language the trainer speaks
/// (a language left empty shows the English, marked).
fn exercise(ui: &mut egui::Ui, problems: &[DraftProblem], scenario: &mut Scenario) {
    let lang = crate::text::ui_lang();
    let written = egui::Id::new("editor text language");
    let mut text_lang = ui.data_mut(|d| *d.get_temp_mut_or(written, lang));
    ui.horizontal(|ui| {
        ui.label(tr!(lang, "editor-text-language"));
        for l in Lang::ALL {
            let done = [&scenario.title, &scenario.briefing, &scenario.objective].iter().all(|t| t.has(l));
            let label = format!("{}{}", l.name(), if done { " ✔" } else { "" });
            if ui.selectable_label(text_lang == l, label).clicked() {
                text_lang = l;
            }
        }
    });
    ui.data_mut(|d| d.insert_temp(written, text_lang));
    row(ui, problems, "title", &tr!(lang, "editor-title-label"), |ui| {
        local_field(ui, &mut scenario.title, text_lang, 1, String::new());
    });
    ui.label(tr!(lang, "editor-briefing-label"));
    local_field(ui, &mut scenario.briefing, text_lang, 3, tr!(lang, "editor-briefing-hint"));
    problems_here(ui, problems, "briefing", false);
    ui.label(tr!(lang, "editor-objective-label"));
    local_field(ui, &mut scenario.objective, text_lang, 2, tr!(lang, "editor-objective-hint"));
    problems_here(ui, problems, "objective", false);
}

/// One text of the exercise in `lang`. Only typing changes the file: looking at a language
/// that has no text yet leaves the scenario as it was. An empty field shows the English as
/// its hint.
fn local_field(ui: &mut egui::Ui, text: &mut LocalText, lang: Lang, rows: usize, hint: String) {
    let mut buffer = if text.has(lang) { text.shown(lang).text.to_string() } else { String::new() };
    let hint = if lang == Lang::En { hint } else { text.english().to_string() };
    let edit = if rows == 1 { egui::TextEdit::singleline(&mut buffer) } else { egui::TextEdit::multiline(&mut buffer).desired_rows(rows) };
    if ui.add(edit.desired_width(f32::INFINITY).hint_text(hint)).changed() {
        *text.edit(lang) = buffer;
    }
}

/// The machine, the depth required, the time and the lane overlap asked.
fn machine_and_task(ui: &mut egui::Ui, problems: &[DraftProblem], scenario: &mut Scenario, screen: &mut EditorUi) {
    let lang = crate::text::ui_lang();
    row(ui, problems, "machine", &tr!(lang, "editor-machine"), |ui| {
        egui::ComboBox::from_id_salt("machine").selected_text(&scenario.machine).show_ui(ui, |ui| {
            for m in &screen.machines {
                ui.selectable_value(&mut scenario.machine, m.clone(), m);
            }
        });
    });
    row(ui, problems, "required_depth_cm", &tr!(lang, "editor-required-depth"), |ui| {
        num(ui, &mut scenario.required_depth_cm, 0.5, 0.0..=200.0, &unit(lang, "editor-unit-cm"));
    });
    row(ui, problems, "time_limit_min", &tr!(lang, "editor-time-limit"), |ui| {
        num(ui, &mut scenario.time_limit_min, 1.0, 0.0..=1000.0, &unit(lang, "editor-unit-min"));
    });
    row(ui, problems, "overlap_m", &tr!(lang, "editor-overlap"), |ui| {
        num(ui, &mut scenario.overlap_m.0, 0.05, 0.0..=10.0, &unit(lang, "editor-unit-m"));
        ui.label(tr!(lang, "editor-to"));
        num(ui, &mut scenario.overlap_m.1, 0.05, 0.0..=10.0, &unit(lang, "editor-unit-m"));
    });
}

/// The marked boundary, the cleared start lane and where a remote operator stands.
fn hazard_lane_and_post(ui: &mut egui::Ui, problems: &[DraftProblem], scenario: &mut Scenario, screen: &mut EditorUi) {
    let lang = crate::text::ui_lang();
    ui.label(egui::RichText::new(tr!(lang, "editor-hazard-heading")).strong());
    point_list(ui, "hazard pts", &mut scenario.hazard_area, screen, Tool::Hazard, &tr!(lang, "editor-draw-new-outline"));
    problems_here(ui, problems, "hazard_area", true);
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(tr!(lang, "editor-lane-heading")).strong());
        let placing = matches!(screen.tool, Tool::Lane { .. });
        if ui.selectable_label(placing, tr!(lang, "editor-place-on-map")).clicked() {
            screen.tool = if placing { Tool::Move } else { Tool::Lane { placed_from: false } };
        }
    });
    problems_here(ui, problems, "start_lane", false);
    let lane = &mut scenario.start_lane;
    row(ui, problems, "start_lane.from", &tr!(lang, "editor-lane-from"), |ui| point(ui, &mut lane.from));
    row(ui, problems, "start_lane.to", &tr!(lang, "editor-lane-to"), |ui| point(ui, &mut lane.to));
    row(ui, problems, "start_lane.width_m", &tr!(lang, "editor-lane-width"), |ui| {
        num(ui, &mut lane.width_m, 0.1, 0.0..=100.0, &unit(lang, "editor-unit-m"));
    });
    ui.add_space(4.0);
    let mut has_post = scenario.operator_post.is_some();
    ui.horizontal(|ui| {
        if ui.checkbox(&mut has_post, tr!(lang, "editor-operator-post")).changed() {
            scenario.operator_post = has_post.then_some(scenario.start_lane.from);
        }
        if ui.selectable_label(screen.tool == Tool::Post, tr!(lang, "editor-place-on-map")).clicked() {
            screen.tool = if screen.tool == Tool::Post { Tool::Move } else { Tool::Post };
        }
    });
    if let Some(post) = &mut scenario.operator_post {
        row(ui, problems, "operator_post", &tr!(lang, "editor-post-at"), |ui| point(ui, post));
    } else {
        ui.label(egui::RichText::new(tr!(lang, "editor-no-post")).weak());
        problems_here(ui, problems, "operator_post", false);
    }
}

/// Size, relief, slope, vegetation and obstacles.
fn field_and_ground(ui: &mut egui::Ui, problems: &[DraftProblem], scenario: &mut Scenario, screen: &mut EditorUi) {
    let lang = crate::text::ui_lang();
    let size = scenario.field.size_m;
    let f = &mut scenario.field;
    row(ui, problems, "field.size_m[0]", &tr!(lang, "editor-field-width"), |ui| {
        num(ui, &mut f.size_m.0, 1.0, 0.0..=5000.0, &unit(lang, "editor-unit-m"));
    });
    row(ui, problems, "field.size_m[1]", &tr!(lang, "editor-field-depth"), |ui| {
        num(ui, &mut f.size_m.1, 1.0, 0.0..=5000.0, &unit(lang, "editor-unit-m"));
    });
    row(ui, problems, "field.relief.amplitude_m", &tr!(lang, "editor-relief-bumps"), |ui| {
        num(ui, &mut f.relief.amplitude_m, 0.05, 0.0..=50.0, &unit(lang, "editor-relief-bumps-unit"));
    });
    row(ui, problems, "field.relief.wavelength_m", &tr!(lang, "editor-relief-spacing"), |ui| {
        num(ui, &mut f.relief.wavelength_m, 0.5, 0.0..=2000.0, &unit(lang, "editor-relief-spacing-unit"));
    });
    row(ui, problems, "field.slope.degrees", &tr!(lang, "editor-slope"), |ui| {
        num(ui, &mut f.slope.degrees, 0.5, 0.0..=90.0, "°");
    });
    row(ui, problems, "field.slope.falls_towards_deg", &tr!(lang, "editor-falls-towards"), |ui| {
        num(ui, &mut f.slope.falls_towards_deg, 5.0, -360.0..=360.0, "°");
        ui.label(egui::RichText::new(tr!(lang, "editor-falls-towards-note")).weak());
    });
    row(ui, problems, "field.vegetation.density", &tr!(lang, "editor-vegetation-cover"), |ui| {
        num(ui, &mut f.vegetation.density, 0.01, 0.0..=1.0, " (0–1)");
    });
    row(ui, problems, "field.vegetation.height_m", &tr!(lang, "editor-vegetation-height"), |ui| {
        num(ui, &mut f.vegetation.height_m, 0.05, 0.0..=20.0, &unit(lang, "editor-unit-m"));
    });
    row(ui, problems, "field.vegetation.patch_size_m", &tr!(lang, "editor-thicket-size"), |ui| {
        num(ui, &mut f.vegetation.patch_size_m, 0.5, 0.0..=1000.0, &unit(lang, "editor-unit-m"));
    });
    row(ui, problems, "field.obstacles.trees", &tr!(lang, "editor-trees"), |ui| {
        ui.add(egui::DragValue::new(&mut f.obstacles.trees).range(0..=100_000));
    });
    row(ui, problems, "field.obstacles.rocks", &tr!(lang, "editor-rocks"), |ui| {
        ui.add(egui::DragValue::new(&mut f.obstacles.rocks).range(0..=100_000));
    });
    ui.checkbox(&mut f.obstacles.trees_in_area, tr!(lang, "editor-trees-in-area"));
    let mut own = f.obstacles.tree_region.is_some();
    if ui.checkbox(&mut own, tr!(lang, "editor-trees-in-part")).changed() {
        f.obstacles.tree_region = own.then_some(Region::Rect { min: (0.0, 0.0), max: (snap(size.0 * 0.3), size.1) });
    }
    if let Some(r) = &mut f.obstacles.tree_region {
        region_editor(ui, "tree region", r, size, screen, Tool::Trees);
        problems_here(ui, problems, "field.obstacles.tree_region", true);
    }
}

/// Soil zones, painted in order.
fn soils(ui: &mut egui::Ui, problems: &[DraftProblem], scenario: &mut Scenario, screen: &mut EditorUi) {
    let lang = crate::text::ui_lang();
    let size = scenario.field.size_m;
    ui.label(egui::RichText::new(tr!(lang, "editor-soils-note")).weak());
    problems_here(ui, problems, "field.soils", false);
    let soils = &mut scenario.field.soils;
    let mut remove = None;
    let mut up = None;
    for (i, z) in soils.iter_mut().enumerate() {
        ui.separator();
        ui.horizontal(|ui| {
            ui.label(tr!(lang, "editor-zone", index = i));
            egui::ComboBox::from_id_salt(("soil kind", i)).selected_text(z.soil.name_in(lang)).show_ui(ui, |ui| {
                for k in SoilKind::ALL {
                    ui.selectable_value(&mut z.soil, k, k.name_in(lang));
                }
            });
            if i > 0 && ui.small_button("⬆").on_hover_text(tr!(lang, "editor-paint-earlier")).clicked() {
                up = Some(i);
            }
            if ui.small_button("✖").on_hover_text(tr!(lang, "editor-remove-zone")).clicked() {
                remove = Some(i);
            }
        });
        region_editor(ui, &format!("soil region {i}"), &mut z.region, size, screen, Tool::Soil(i));
        problems_here(ui, problems, &format!("field.soils[{i}].region"), true);
        ui.horizontal(|ui| {
            let mut h = z.hardness.is_some();
            let typical = tr!(lang, "editor-typical-hardness", soil = z.soil.name_in(lang), value = z.soil.default_hardness());
            if ui.checkbox(&mut h, tr!(lang, "editor-hardness")).on_hover_text(typical).changed() {
                z.hardness = h.then(|| z.soil.default_hardness());
            }
            if let Some(v) = &mut z.hardness {
                num(ui, v, 0.05, 0.0..=20.0, "");
            }
            let mut m = z.moisture_pct.is_some();
            let typical = tr!(lang, "editor-typical-moisture", soil = z.soil.name_in(lang), value = z.soil.default_moisture_pct());
            if ui.checkbox(&mut m, tr!(lang, "editor-moisture")).on_hover_text(typical).changed() {
                z.moisture_pct = m.then(|| z.soil.default_moisture_pct());
            }
            if let Some(v) = &mut z.moisture_pct {
                num(ui, v, 0.5, 0.0..=100.0, " %");
            }
        });
        problems_here(ui, problems, &format!("field.soils[{i}].hardness"), false);
        problems_here(ui, problems, &format!("field.soils[{i}].moisture_pct"), false);
    }
    if let Some(i) = up {
        soils.swap(i - 1, i);
    }
    if let Some(i) = remove {
        soils.remove(i);
        screen.tool = Tool::Move;
    }
    if ui.button(tr!(lang, "editor-add-soil-zone")).clicked() {
        soils.push(SoilZone { soil: SoilKind::Clay, region: Region::Patches { share: 0.3, size_m: 10.0 }, hardness: None, moisture_pct: None });
    }
}

/// Roads and their ditches.
fn roads(ui: &mut egui::Ui, problems: &[DraftProblem], scenario: &mut Scenario, screen: &mut EditorUi) {
    let lang = crate::text::ui_lang();
    problems_here(ui, problems, "field.roads", false);
    let roads = &mut scenario.field.roads;
    let mut remove = None;
    for (i, r) in roads.iter_mut().enumerate() {
        ui.separator();
        ui.horizontal(|ui| {
            ui.label(tr!(lang, "editor-road", index = i));
            ui.label(tr!(lang, "editor-road-width"));
            num(ui, &mut r.width_m, 0.1, 0.0..=100.0, &unit(lang, "editor-unit-m"));
            ui.label(tr!(lang, "editor-road-ditch"));
            num(ui, &mut r.ditch_depth_m, 0.05, 0.0..=10.0, &unit(lang, "editor-road-ditch-unit"));
            if ui.small_button("✖").on_hover_text(tr!(lang, "editor-remove-road")).clicked() {
                remove = Some(i);
            }
        });
        problems_here(ui, problems, &format!("field.roads[{i}].width_m"), false);
        problems_here(ui, problems, &format!("field.roads[{i}].ditch_depth_m"), false);
        point_list(ui, &format!("road {i} pts"), &mut r.points, screen, Tool::Road(i), &tr!(lang, "editor-draw-on-map"));
        problems_here(ui, problems, &format!("field.roads[{i}].points"), true);
    }
    if let Some(i) = remove {
        roads.remove(i);
        screen.tool = Tool::Move;
    }
    if ui.button(tr!(lang, "editor-add-road")).clicked() {
        roads.push(Road { points: Vec::new(), width_m: 6.0, ditch_depth_m: 0.0 });
        screen.tool = Tool::Road(roads.len() - 1);
    }
}

/// Mine groups: kind, amount, depth and how they were laid.
fn mines(ui: &mut egui::Ui, problems: &[DraftProblem], scenario: &mut Scenario) {
    let lang = crate::text::ui_lang();
    problems_here(ui, problems, "mines.groups", false);
    ui.checkbox(&mut scenario.mines.uxo_outside_area, tr!(lang, "editor-uxo-outside"));
    let road_count = scenario.field.roads.len();
    let groups = &mut scenario.mines.groups;
    let mut remove = None;
    for (i, group) in groups.iter_mut().enumerate() {
        ui.separator();
        if mine_group(ui, problems, i, group, road_count) {
            remove = Some(i);
        }
    }
    if let Some(i) = remove {
        groups.remove(i);
    }
    if ui.button(tr!(lang, "editor-add-mine-group")).clicked() {
        groups.push(MineGroup { kind: MineKind::ApBlast, amount: Amount::Count(10), depth_cm: (2.0, 10.0), layout: Layout::Scatter });
    }
}

/// One mine group; true when the instructor asked to remove it.
fn mine_group(ui: &mut egui::Ui, problems: &[DraftProblem], i: usize, group: &mut MineGroup, road_count: usize) -> bool {
    let lang = crate::text::ui_lang();
    let place = format!("mines.groups[{i}]");
    let mut remove = false;
    ui.horizontal(|ui| {
        ui.label(tr!(lang, "editor-group", index = i));
        egui::ComboBox::from_id_salt(("mine kind", i)).selected_text(group.kind.name_in(lang)).show_ui(ui, |ui| {
            for kind in MineKind::ALL {
                ui.selectable_value(&mut group.kind, kind, kind.name_in(lang));
            }
        });
        mine_amount(ui, i, &mut group.amount);
        remove = ui.small_button("✖").on_hover_text(tr!(lang, "editor-remove-group")).clicked();
    });
    problems_here(ui, problems, &format!("{place}.amount"), true);
    row(ui, problems, &format!("{place}.depth_cm"), &tr!(lang, "editor-buried"), |ui| {
        num(ui, &mut group.depth_cm.0, 0.5, 0.0..=500.0, &unit(lang, "editor-unit-cm"));
        ui.label(tr!(lang, "editor-to"));
        num(ui, &mut group.depth_cm.1, 0.5, 0.0..=500.0, &unit(lang, "editor-unit-cm"));
    });
    mine_layout(ui, i, &mut group.layout, road_count);
    problems_here(ui, problems, &format!("{place}.layout"), true);
    remove
}

/// How many: a count, or a density per hectare of the hazard area.
fn mine_amount(ui: &mut egui::Ui, i: usize, amount: &mut Amount) {
    let lang = crate::text::ui_lang();
    let mut per_ha = matches!(amount, Amount::PerHectare(_));
    let (count, per_hectare) = (tr!(lang, "editor-amount-count"), tr!(lang, "editor-amount-per-hectare"));
    egui::ComboBox::from_id_salt(("amount", i)).selected_text(if per_ha { &per_hectare } else { &count }).width(100.0).show_ui(ui, |ui| {
        ui.selectable_value(&mut per_ha, false, &count);
        ui.selectable_value(&mut per_ha, true, &per_hectare);
    });
    match (&mut *amount, per_ha) {
        (Amount::Count(n), false) => {
            ui.add(egui::DragValue::new(n).range(0..=1_000_000));
        }
        (Amount::PerHectare(v), true) => {
            num(ui, v, 1.0, 0.0..=100_000.0, &unit(lang, "editor-unit-per-hectare"));
        }
        (_, true) => *amount = Amount::PerHectare(200.0),
        (_, false) => *amount = Amount::Count(10),
    }
}

/// How the group was laid, and that layout's own settings.
fn mine_layout(ui: &mut egui::Ui, i: usize, layout: &mut Layout, road_count: usize) {
    let lang = crate::text::ui_lang();
    let names = ["editor-layout-scatter", "editor-layout-rows", "editor-layout-clusters", "editor-layout-verge"].map(|id| tr!(lang, id));
    let kind = match layout {
        Layout::Scatter => 0,
        Layout::Rows { .. } => 1,
        Layout::Clusters { .. } => 2,
        Layout::Verge { .. } => 3,
    };
    let mut pick = kind;
    ui.horizontal(|ui| {
        ui.add_sized([150.0, 20.0], egui::Label::new(tr!(lang, "editor-laid-as")));
        egui::ComboBox::from_id_salt(("layout", i)).selected_text(&names[kind]).show_ui(ui, |ui| {
            for (k, name) in names.iter().enumerate() {
                ui.selectable_value(&mut pick, k, name);
            }
        });
    });
    if pick != kind {
        *layout = match pick {
            0 => Layout::Scatter,
            1 => Layout::Rows { angle_deg: 0.0, row_spacing_m: 5.0, spacing_m: 2.0, jitter_m: 0.3 },
            2 => Layout::Clusters { clusters: 3, radius_m: 4.0 },
            _ => Layout::Verge { road: 0, offset_m: (0.5, 3.0) },
        };
    }
    ui.horizontal_wrapped(|ui| match layout {
        Layout::Scatter => {
            ui.label(egui::RichText::new(tr!(lang, "editor-scatter-note")).weak());
        }
        Layout::Rows { angle_deg, row_spacing_m, spacing_m, jitter_m } => {
            ui.label(tr!(lang, "editor-rows-angle"));
            num(ui, angle_deg, 1.0, -360.0..=360.0, "°");
            ui.label(tr!(lang, "editor-rows-rows"));
            num(ui, row_spacing_m, 0.1, 0.0..=500.0, &unit(lang, "editor-rows-rows-unit"));
            ui.label(tr!(lang, "editor-rows-mines"));
            num(ui, spacing_m, 0.1, 0.0..=500.0, &unit(lang, "editor-rows-mines-unit"));
            ui.label(tr!(lang, "editor-rows-jitter"));
            num(ui, jitter_m, 0.05, 0.0..=50.0, &unit(lang, "editor-unit-m"));
        }
        Layout::Clusters { clusters, radius_m } => {
            ui.add(egui::DragValue::new(clusters).range(0..=100_000));
            ui.label(tr!(lang, "editor-clusters-radius"));
            num(ui, radius_m, 0.1, 0.0..=500.0, &unit(lang, "editor-unit-m"));
        }
        Layout::Verge { road, offset_m } => {
            ui.label(tr!(lang, "editor-verge-road"));
            ui.add(egui::DragValue::new(road).range(0..=road_count.max(1) - 1));
            num(ui, &mut offset_m.0, 0.1, 0.0..=100.0, &unit(lang, "editor-unit-m"));
            ui.label(tr!(lang, "editor-to"));
            num(ui, &mut offset_m.1, 0.1, 0.0..=100.0, &unit(lang, "editor-verge-beyond-unit"));
        }
    });
}

/// The parts' weights and the pass mark.
fn scoring(ui: &mut egui::Ui, problems: &[DraftProblem], scenario: &mut Scenario) {
    let lang = crate::text::ui_lang();
    problems_here(ui, problems, "scoring.weights", false);
    let w = &mut scenario.scoring.weights;
    let total = w.total().max(1e-6);
    let parts: [(&str, &str, &mut f32); 6] = [
        ("clearance", "editor-weight-clearance", &mut w.clearance),
        ("lanes", "editor-weight-lanes", &mut w.lanes),
        ("speed_depth", "editor-weight-speed-depth", &mut w.speed_depth),
        ("safety", "editor-weight-safety", &mut w.safety),
        ("efficiency", "editor-weight-efficiency", &mut w.efficiency),
        ("machine_care", "editor-weight-machine-care", &mut w.machine_care),
    ];
    for (key, label, v) in parts {
        // Rounded as `{:.0}` showed it (ties to even), so the number shown picks the plural.
        let share = ((*v / total * 100.0) as f64).round_ties_even();
        row(ui, problems, &format!("scoring.weights.{key}"), &tr!(lang, label), |ui| {
            num(ui, v, 0.5, -100.0..=1000.0, "");
            ui.label(egui::RichText::new(tr!(lang, "editor-weight-share", share = share)).weak());
        });
    }
    let pass_mark = scenario.scoring.pass_mark;
    row(ui, problems, "scoring.pass_mark", &tr!(lang, "editor-pass-mark"), |ui| {
        num(ui, &mut scenario.scoring.pass_mark, 1.0, 0.0..=200.0, &format!(" {}", tr!(lang, "editor-unit-points", n = pass_mark)));
    });
}

/// A fixed field for every trainee, or one per session.
fn seed(ui: &mut egui::Ui, scenario: &mut Scenario, preview_seed: u64) {
    let lang = crate::text::ui_lang();
    ui.horizontal(|ui| {
        let mut fixed = scenario.seed.is_some();
        if ui.checkbox(&mut fixed, tr!(lang, "editor-same-field")).changed() {
            scenario.seed = fixed.then_some(preview_seed);
        }
        if let Some(seed) = &mut scenario.seed {
            ui.add(egui::DragValue::new(seed));
        }
    });
    if scenario.seed.is_none() {
        ui.label(egui::RichText::new(tr!(lang, "editor-seed-note")).weak());
    }
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
    let metres = unit(crate::text::ui_lang(), "editor-unit-m");
    ui.label("x");
    num(ui, &mut p.0, 0.5, -10_000.0..=10_000.0, &metres);
    ui.label("z");
    num(ui, &mut p.1, 0.5, -10_000.0..=10_000.0, &metres);
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
fn point_list(ui: &mut egui::Ui, id: &str, pts: &mut Vec<P2>, screen: &mut EditorUi, tool: Tool, draw_label: &str) {
    let lang = crate::text::ui_lang();
    ui.horizontal(|ui| {
        let drawing = screen.tool == tool;
        if ui.selectable_label(drawing, format!("✏ {draw_label}")).on_hover_text(tr!(lang, "editor-draw-tip")).clicked() {
            if drawing {
                screen.tool = Tool::Move;
            } else {
                pts.clear();
                screen.tool = tool;
            }
        }
        if drawing && ui.button(tr!(lang, "editor-done")).clicked() {
            screen.tool = Tool::Move;
        }
        ui.label(egui::RichText::new(tr!(lang, "editor-point-count", count = pts.len())).weak());
    });
    egui::CollapsingHeader::new(tr!(lang, "editor-coordinates")).id_salt(id).show(ui, |ui| {
        let mut remove = None;
        for (i, p) in pts.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                ui.label(format!("{i}:"));
                point(ui, p);
                if ui.small_button("✖").on_hover_text(tr!(lang, "editor-remove-point")).clicked() {
                    remove = Some(i);
                }
            });
        }
        if let Some(i) = remove {
            pts.remove(i);
        }
        if ui.small_button(tr!(lang, "editor-add-point")).clicked() {
            let last = pts.last().copied().unwrap_or((10.0, 10.0));
            pts.push((last.0 + 5.0, last.1));
        }
    });
}

fn region_editor(ui: &mut egui::Ui, id: &str, region: &mut Region, size: P2, screen: &mut EditorUi, tool: Tool) {
    let lang = crate::text::ui_lang();
    let kind = match region {
        Region::Whole => 0,
        Region::Rect { .. } => 1,
        Region::Polygon(_) => 2,
        Region::Patches { .. } => 3,
    };
    let names = ["editor-region-whole", "editor-region-rect", "editor-region-polygon", "editor-region-patches"].map(|n| tr!(lang, n));
    let mut pick = kind;
    egui::ComboBox::from_id_salt(id).selected_text(&names[kind]).show_ui(ui, |ui| {
        for (i, n) in names.iter().enumerate() {
            ui.selectable_value(&mut pick, i, n);
        }
    });
    if pick != kind {
        *region = match pick {
            0 => Region::Whole,
            1 => Region::Rect { min: (0.0, 0.0), max: (snap(size.0 * 0.5), snap(size.1 * 0.5)) },
            2 => Region::Polygon(Vec::new()),
            _ => Region::Patches { share: 0.3, size_m: 10.0 },
        };
        if pick == 2 {
            screen.tool = tool;
        }
    }
    match region {
        Region::Whole => {}
        Region::Rect { min, max } => {
            ui.horizontal(|ui| {
                ui.label(tr!(lang, "editor-rect-from"));
                point(ui, min);
            });
            ui.horizontal(|ui| {
                ui.label(tr!(lang, "editor-rect-to"));
                point(ui, max);
            });
        }
        Region::Polygon(pts) => point_list(ui, &format!("{id} pts"), pts, screen, tool, &tr!(lang, "editor-draw-on-map")),
        Region::Patches { share, size_m } => {
            ui.horizontal(|ui| {
                ui.label(tr!(lang, "editor-share-of-field"));
                num(ui, share, 0.01, 0.0..=1.0, "");
                ui.label(tr!(lang, "editor-patch-size"));
                num(ui, size_m, 0.5, 0.0..=1000.0, &unit(lang, "editor-unit-m"));
            });
        }
    }
}

