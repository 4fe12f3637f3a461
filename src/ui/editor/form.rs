//! The editor's form: every field of the scenario format, a section per part of it, with each
//! problem shown under the field it concerns.

use bevy_egui::egui;

use super::{BAD, EditorUi, Tool, snap};
use crate::geom::P2;
use crate::scenario::{Amount, Layout, MineGroup, MineKind, Region, Road, Scenario, SoilKind, SoilZone};
use crate::trainer::editor::{Draft, DraftProblem, within};

/// Every field of the format, in sections of a screenful each; each problem under its field.
pub(super) fn form(ui: &mut egui::Ui, draft: &mut Draft, screen: &mut EditorUi) {
    let problems = draft.problems.clone();
    let p = &problems[..];
    let preview_seed = draft.preview_seed;
    let scenario: &mut Scenario = &mut draft.scenario;
    section(ui, "Exercise", true, |ui| exercise(ui, p, scenario));
    section(ui, "Machine and task", true, |ui| machine_and_task(ui, p, scenario, screen));
    section(ui, "Hazard area, start lane and post", true, |ui| hazard_lane_and_post(ui, p, scenario, screen));
    section(ui, "Field and ground", false, |ui| field_and_ground(ui, p, scenario, screen));
    section(ui, format!("Soils ({})", scenario.field.soils.len()), false, |ui| soils(ui, p, scenario, screen));
    section(ui, format!("Roads ({})", scenario.field.roads.len()), false, |ui| roads(ui, p, scenario, screen));
    section(ui, format!("Mines ({} groups)", scenario.mines.groups.len()), true, |ui| mines(ui, p, scenario));
    section(ui, "Scoring", true, |ui| scoring(ui, p, scenario));
    section(ui, "Seed", true, |ui| seed(ui, scenario, preview_seed));
}

/// A collapsible section of the form under a bold title.
fn section(ui: &mut egui::Ui, title: impl Into<String>, open: bool, add: impl FnOnce(&mut egui::Ui)) {
    egui::CollapsingHeader::new(egui::RichText::new(title).strong()).default_open(open).show(ui, add);
}

/// Title, briefing and objective: what the trainee reads.
fn exercise(ui: &mut egui::Ui, problems: &[DraftProblem], scenario: &mut Scenario) {
    row(ui, problems, "title", "Title", |ui| {
        ui.add(egui::TextEdit::singleline(&mut scenario.title).desired_width(f32::INFINITY));
    });
    ui.label("Briefing (what the trainee is told: the situation and the task)");
    ui.add(
        egui::TextEdit::multiline(&mut scenario.briefing)
            .desired_rows(3)
            .desired_width(f32::INFINITY)
            .hint_text("The site, the ground, the threat, the machine, and how to work it."),
    );
    problems_here(ui, problems, "briefing", false);
    ui.label("Objective (the one skill taught, and what a pass requires)");
    ui.add(egui::TextEdit::multiline(&mut scenario.objective).desired_rows(2).desired_width(f32::INFINITY).hint_text("Hold … so that …. A pass needs … points."));
    problems_here(ui, problems, "objective", false);
}

/// The machine, the depth required, the time and the lane overlap asked.
fn machine_and_task(ui: &mut egui::Ui, problems: &[DraftProblem], scenario: &mut Scenario, screen: &mut EditorUi) {
    row(ui, problems, "machine", "Machine", |ui| {
        egui::ComboBox::from_id_salt("machine").selected_text(&scenario.machine).show_ui(ui, |ui| {
            for m in &screen.machines {
                ui.selectable_value(&mut scenario.machine, m.clone(), m);
            }
        });
    });
    row(ui, problems, "required_depth_cm", "Required depth", |ui| {
        num(ui, &mut scenario.required_depth_cm, 0.5, 0.0..=200.0, " cm");
    });
    row(ui, problems, "time_limit_min", "Time limit", |ui| {
        num(ui, &mut scenario.time_limit_min, 1.0, 0.0..=1000.0, " min");
    });
    row(ui, problems, "overlap_m", "Lane overlap asked", |ui| {
        num(ui, &mut scenario.overlap_m.0, 0.05, 0.0..=10.0, " m");
        ui.label("to");
        num(ui, &mut scenario.overlap_m.1, 0.05, 0.0..=10.0, " m");
    });
}

/// The marked boundary, the cleared start lane and where a remote operator stands.
fn hazard_lane_and_post(ui: &mut egui::Ui, problems: &[DraftProblem], scenario: &mut Scenario, screen: &mut EditorUi) {
    ui.label(egui::RichText::new("Hazard area (the marked boundary)").strong());
    point_list(ui, "hazard pts", &mut scenario.hazard_area, screen, Tool::Hazard, "draw a new outline");
    problems_here(ui, problems, "hazard_area", true);
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new("Start lane (cleared ground)").strong());
        let placing = matches!(screen.tool, Tool::Lane { .. });
        if ui.selectable_label(placing, "✏ place on map").clicked() {
            screen.tool = if placing { Tool::Move } else { Tool::Lane { placed_from: false } };
        }
    });
    problems_here(ui, problems, "start_lane", false);
    let lane = &mut scenario.start_lane;
    row(ui, problems, "start_lane.from", "from", |ui| point(ui, &mut lane.from));
    row(ui, problems, "start_lane.to", "to", |ui| point(ui, &mut lane.to));
    row(ui, problems, "start_lane.width_m", "width", |ui| {
        num(ui, &mut lane.width_m, 0.1, 0.0..=100.0, " m");
    });
    ui.add_space(4.0);
    let mut has_post = scenario.operator_post.is_some();
    ui.horizontal(|ui| {
        if ui.checkbox(&mut has_post, "Operator post (remote machines)").changed() {
            scenario.operator_post = has_post.then_some(scenario.start_lane.from);
        }
        if ui.selectable_label(screen.tool == Tool::Post, "✏ place on map").clicked() {
            screen.tool = if screen.tool == Tool::Post { Tool::Move } else { Tool::Post };
        }
    });
    if let Some(post) = &mut scenario.operator_post {
        row(ui, problems, "operator_post", "post at", |ui| point(ui, post));
    } else {
        ui.label(egui::RichText::new("Without one, the operator stands at the start lane's `from` end.").weak());
        problems_here(ui, problems, "operator_post", false);
    }
}

/// Size, relief, slope, vegetation and obstacles.
fn field_and_ground(ui: &mut egui::Ui, problems: &[DraftProblem], scenario: &mut Scenario, screen: &mut EditorUi) {
    let size = scenario.field.size_m;
    let f = &mut scenario.field;
    row(ui, problems, "field.size_m[0]", "Width (x, east)", |ui| {
        num(ui, &mut f.size_m.0, 1.0, 0.0..=5000.0, " m");
    });
    row(ui, problems, "field.size_m[1]", "Depth (z, south)", |ui| {
        num(ui, &mut f.size_m.1, 1.0, 0.0..=5000.0, " m");
    });
    row(ui, problems, "field.relief.amplitude_m", "Relief: bumps", |ui| {
        num(ui, &mut f.relief.amplitude_m, 0.05, 0.0..=50.0, " m high");
    });
    row(ui, problems, "field.relief.wavelength_m", "Relief: spacing", |ui| {
        num(ui, &mut f.relief.wavelength_m, 0.5, 0.0..=2000.0, " m apart");
    });
    row(ui, problems, "field.slope.degrees", "Slope", |ui| {
        num(ui, &mut f.slope.degrees, 0.5, 0.0..=90.0, "°");
    });
    row(ui, problems, "field.slope.falls_towards_deg", "Falls towards", |ui| {
        num(ui, &mut f.slope.falls_towards_deg, 5.0, -360.0..=360.0, "°");
        ui.label(egui::RichText::new("0 north, 90 east").weak());
    });
    row(ui, problems, "field.vegetation.density", "Vegetation cover", |ui| {
        num(ui, &mut f.vegetation.density, 0.01, 0.0..=1.0, " (0–1)");
    });
    row(ui, problems, "field.vegetation.height_m", "Vegetation height", |ui| {
        num(ui, &mut f.vegetation.height_m, 0.05, 0.0..=20.0, " m");
    });
    row(ui, problems, "field.vegetation.patch_size_m", "Thicket size", |ui| {
        num(ui, &mut f.vegetation.patch_size_m, 0.5, 0.0..=1000.0, " m");
    });
    row(ui, problems, "field.obstacles.trees", "Trees", |ui| {
        ui.add(egui::DragValue::new(&mut f.obstacles.trees).range(0..=100_000));
    });
    row(ui, problems, "field.obstacles.rocks", "Rocks", |ui| {
        ui.add(egui::DragValue::new(&mut f.obstacles.rocks).range(0..=100_000));
    });
    ui.checkbox(&mut f.obstacles.trees_in_area, "Trees may stand inside the hazard area (a forest belt for a boom cutter)");
    let mut own = f.obstacles.tree_region.is_some();
    if ui.checkbox(&mut own, "Trees stand only in part of the field").changed() {
        f.obstacles.tree_region = own.then_some(Region::Rect { min: (0.0, 0.0), max: (snap(size.0 * 0.3), size.1) });
    }
    if let Some(r) = &mut f.obstacles.tree_region {
        region_editor(ui, "tree region", r, size, screen, Tool::Trees);
        problems_here(ui, problems, "field.obstacles.tree_region", true);
    }
}

/// Soil zones, painted in order.
fn soils(ui: &mut egui::Ui, problems: &[DraftProblem], scenario: &mut Scenario, screen: &mut EditorUi) {
    let size = scenario.field.size_m;
    ui.label(egui::RichText::new("Painted in order: later zones cover earlier ones. The first should be the whole field.").weak());
    problems_here(ui, problems, "field.soils", false);
    let soils = &mut scenario.field.soils;
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
        region_editor(ui, &format!("soil region {i}"), &mut z.region, size, screen, Tool::Soil(i));
        problems_here(ui, problems, &format!("field.soils[{i}].region"), true);
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
    if ui.button("+ soil zone").clicked() {
        soils.push(SoilZone { soil: SoilKind::Clay, region: Region::Patches { share: 0.3, size_m: 10.0 }, hardness: None, moisture_pct: None });
    }
}

/// Roads and their ditches.
fn roads(ui: &mut egui::Ui, problems: &[DraftProblem], scenario: &mut Scenario, screen: &mut EditorUi) {
    problems_here(ui, problems, "field.roads", false);
    let roads = &mut scenario.field.roads;
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
        problems_here(ui, problems, &format!("field.roads[{i}].width_m"), false);
        problems_here(ui, problems, &format!("field.roads[{i}].ditch_depth_m"), false);
        point_list(ui, &format!("road {i} pts"), &mut r.points, screen, Tool::Road(i), "draw on map");
        problems_here(ui, problems, &format!("field.roads[{i}].points"), true);
    }
    if let Some(i) = remove {
        roads.remove(i);
        screen.tool = Tool::Move;
    }
    if ui.button("+ road").clicked() {
        roads.push(Road { points: Vec::new(), width_m: 6.0, ditch_depth_m: 0.0 });
        screen.tool = Tool::Road(roads.len() - 1);
    }
}

/// Mine groups: kind, amount, depth and how they were laid.
fn mines(ui: &mut egui::Ui, problems: &[DraftProblem], scenario: &mut Scenario) {
    problems_here(ui, problems, "mines.groups", false);
    ui.checkbox(&mut scenario.mines.uxo_outside_area, "Scattered UXO may also lie outside the marked area");
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
    if ui.button("+ mine group").clicked() {
        groups.push(MineGroup { kind: MineKind::ApBlast, amount: Amount::Count(10), depth_cm: (2.0, 10.0), layout: Layout::Scatter });
    }
}

/// One mine group; true when the instructor asked to remove it.
fn mine_group(ui: &mut egui::Ui, problems: &[DraftProblem], i: usize, group: &mut MineGroup, road_count: usize) -> bool {
    let place = format!("mines.groups[{i}]");
    let mut remove = false;
    ui.horizontal(|ui| {
        ui.label(format!("Group {i}"));
        egui::ComboBox::from_id_salt(("mine kind", i)).selected_text(group.kind.label()).show_ui(ui, |ui| {
            for kind in MineKind::ALL {
                ui.selectable_value(&mut group.kind, kind, kind.label());
            }
        });
        mine_amount(ui, i, &mut group.amount);
        remove = ui.small_button("✖").on_hover_text("remove this group").clicked();
    });
    problems_here(ui, problems, &format!("{place}.amount"), true);
    row(ui, problems, &format!("{place}.depth_cm"), "Buried (top of mine)", |ui| {
        num(ui, &mut group.depth_cm.0, 0.5, 0.0..=500.0, " cm");
        ui.label("to");
        num(ui, &mut group.depth_cm.1, 0.5, 0.0..=500.0, " cm");
    });
    mine_layout(ui, i, &mut group.layout, road_count);
    problems_here(ui, problems, &format!("{place}.layout"), true);
    remove
}

/// How many: a count, or a density per hectare of the hazard area.
fn mine_amount(ui: &mut egui::Ui, i: usize, amount: &mut Amount) {
    let mut per_ha = matches!(amount, Amount::PerHectare(_));
    egui::ComboBox::from_id_salt(("amount", i)).selected_text(if per_ha { "per hectare" } else { "count" }).width(100.0).show_ui(ui, |ui| {
        ui.selectable_value(&mut per_ha, false, "count");
        ui.selectable_value(&mut per_ha, true, "per hectare");
    });
    match (&mut *amount, per_ha) {
        (Amount::Count(n), false) => {
            ui.add(egui::DragValue::new(n).range(0..=1_000_000));
        }
        (Amount::PerHectare(v), true) => {
            num(ui, v, 1.0, 0.0..=100_000.0, " /ha");
        }
        (_, true) => *amount = Amount::PerHectare(200.0),
        (_, false) => *amount = Amount::Count(10),
    }
}

/// How the group was laid, and that layout's own settings.
fn mine_layout(ui: &mut egui::Ui, i: usize, layout: &mut Layout, road_count: usize) {
    let names = ["scatter", "rows", "clusters", "road verge"];
    let kind = match layout {
        Layout::Scatter => 0,
        Layout::Rows { .. } => 1,
        Layout::Clusters { .. } => 2,
        Layout::Verge { .. } => 3,
    };
    let mut pick = kind;
    ui.horizontal(|ui| {
        ui.add_sized([150.0, 20.0], egui::Label::new("Laid as"));
        egui::ComboBox::from_id_salt(("layout", i)).selected_text(names[kind]).show_ui(ui, |ui| {
            for (k, name) in names.iter().enumerate() {
                ui.selectable_value(&mut pick, k, *name);
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
            ui.add(egui::DragValue::new(road).range(0..=road_count.max(1) - 1));
            num(ui, &mut offset_m.0, 0.1, 0.0..=100.0, " m");
            ui.label("to");
            num(ui, &mut offset_m.1, 0.1, 0.0..=100.0, " m beyond its edge");
        }
    });
}

/// The parts' weights and the pass mark.
fn scoring(ui: &mut egui::Ui, problems: &[DraftProblem], scenario: &mut Scenario) {
    problems_here(ui, problems, "scoring.weights", false);
    let w = &mut scenario.scoring.weights;
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
        row(ui, problems, &format!("scoring.weights.{key}"), label, |ui| {
            num(ui, v, 0.5, -100.0..=1000.0, "");
            ui.label(egui::RichText::new(format!("= {share:.0} points")).weak());
        });
    }
    row(ui, problems, "scoring.pass_mark", "Pass mark", |ui| {
        num(ui, &mut scenario.scoring.pass_mark, 1.0, 0.0..=200.0, " points");
    });
}

/// A fixed field for every trainee, or one per session.
fn seed(ui: &mut egui::Ui, scenario: &mut Scenario, preview_seed: u64) {
    ui.horizontal(|ui| {
        let mut fixed = scenario.seed.is_some();
        if ui.checkbox(&mut fixed, "Every trainee gets the same field").changed() {
            scenario.seed = fixed.then_some(preview_seed);
        }
        if let Some(seed) = &mut scenario.seed {
            ui.add(egui::DragValue::new(seed));
        }
    });
    if scenario.seed.is_none() {
        ui.label(egui::RichText::new("Each session picks its own seed (recorded in its replay); the preview shows one example.").weak());
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
fn point_list(ui: &mut egui::Ui, id: &str, pts: &mut Vec<P2>, screen: &mut EditorUi, tool: Tool, draw_label: &str) {
    ui.horizontal(|ui| {
        let drawing = screen.tool == tool;
        if ui.selectable_label(drawing, format!("✏ {draw_label}")).on_hover_text("Then click on the map; right-click removes the last point.").clicked() {
            if drawing {
                screen.tool = Tool::Move;
            } else {
                pts.clear();
                screen.tool = tool;
            }
        }
        if drawing && ui.button("Done").clicked() {
            screen.tool = Tool::Move;
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

fn region_editor(ui: &mut egui::Ui, id: &str, region: &mut Region, size: P2, screen: &mut EditorUi, tool: Tool) {
    let kind = match region {
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
                ui.label("from");
                point(ui, min);
            });
            ui.horizontal(|ui| {
                ui.label("to   ");
                point(ui, max);
            });
        }
        Region::Polygon(pts) => point_list(ui, &format!("{id} pts"), pts, screen, tool, "draw on map"),
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

