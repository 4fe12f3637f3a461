//! The editor's map: the generated field as a picture, the draft's geometry drawn over it,
//! and the pointer: clicks draw with the current tool, drags move corners and lane ends.

use bevy_egui::egui;

use super::{EditorUi, Grip, Tool, WARN, snap};
use crate::geom::P2;
use crate::scenario::{MineKind, Region, Scenario, SoilZone};
use crate::tr;
use crate::trainer::editor::Draft;

pub(super) fn map_panel(ui: &mut egui::Ui, draft: &mut Draft, screen: &mut EditorUi) {
    toolbar(ui, draft, screen);
    let (sx, sz) = draft.scenario.field.size_m;
    let size_m = (sx.max(1.0), sz.max(1.0));
    let avail = ui.available_size() - egui::vec2(0.0, 48.0);
    let scale = (avail.x / size_m.0).min(avail.y / size_m.1).max(0.05);
    let (rect, response) = ui.allocate_exact_size(egui::vec2(size_m.0 * scale, size_m.1 * scale), egui::Sense::click_and_drag());
    screen.map_frame = Some((rect.min, scale));
    let map = MapFrame { rect, scale, size_m };
    let painter = ui.painter_at(rect.expand(6.0));
    draw_field(&painter, &map, draft, screen);
    draw_draft(&painter, &map, &draft.scenario, screen.tool);
    let hover = response.hover_pos();
    if let Some(pos) = hover {
        rubber_band(&painter, &map, &draft.scenario, screen.tool, pos);
    }
    pointer_input(ui, &response, &map, draft, screen);
    ui.add_space(4.0);
    status_line(ui, draft, hover.map(|pos| map.to_field(pos)));
}

/// Where the map is on screen: the field's origin, pixels per metre and the field's size.
struct MapFrame {
    rect: egui::Rect,
    scale: f32,
    size_m: P2,
}

impl MapFrame {
    fn to_screen(&self, p: P2) -> egui::Pos2 {
        self.rect.min + egui::vec2(p.0 * self.scale, p.1 * self.scale)
    }

    /// The field point under a screen position, snapped and kept on the field.
    fn to_field(&self, pos: egui::Pos2) -> P2 {
        (
            snap(((pos.x - self.rect.min.x) / self.scale).clamp(0.0, self.size_m.0)),
            snap(((pos.y - self.rect.min.y) / self.scale).clamp(0.0, self.size_m.1)),
        )
    }
}

/// The tools, the mines switch and a new seed; the current tool's hint under them.
fn toolbar(ui: &mut egui::Ui, draft: &mut Draft, screen: &mut EditorUi) {
    let lang = crate::text::ui_lang();
    // Wrapped: a row wider than the panel would widen the panel's content, and the map with it.
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(tr!(lang, "editor-map")).strong());
        ui.selectable_value(&mut screen.tool, Tool::Move, tr!(lang, "editor-tool-move"));
        if ui.selectable_label(screen.tool == Tool::Hazard, tr!(lang, "editor-tool-hazard")).on_hover_text(tr!(lang, "editor-tool-hazard-tip")).clicked() {
            draft.scenario.hazard_area.clear();
            screen.tool = Tool::Hazard;
        }
        if ui.selectable_label(matches!(screen.tool, Tool::Lane { .. }), tr!(lang, "editor-tool-lane")).clicked() {
            screen.tool = Tool::Lane { placed_from: false };
        }
        ui.selectable_value(&mut screen.tool, Tool::Post, tr!(lang, "editor-tool-post"));
        ui.checkbox(&mut screen.show_mines, tr!(lang, "editor-show-mines"));
        if ui.button(tr!(lang, "editor-reroll")).on_hover_text(tr!(lang, "editor-reroll-tip")).clicked() {
            let seed = crate::fresh_seed() % 1_000_000;
            if draft.scenario.seed.is_some() {
                draft.scenario.seed = Some(seed);
            } else {
                draft.preview_seed = seed;
                draft.revision += 1;
            }
        }
    });
    ui.label(egui::RichText::new(screen.tool.hint()).small().weak());
}

/// The preview field's picture and, for the instructor, its mines.
fn draw_field(painter: &egui::Painter, map: &MapFrame, draft: &Draft, screen: &EditorUi) {
    let rect = map.rect;
    painter.rect_filled(rect, 0.0, egui::Color32::from_gray(60));
    if let Some(texture) = &screen.texture {
        let image = egui::Rect::from_min_size(rect.min, egui::vec2(texture.size_m.0 * map.scale, texture.size_m.1 * map.scale));
        painter.image(texture.id, image, egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0)), egui::Color32::WHITE);
    }
    painter.rect_stroke(rect, 0.0, egui::Stroke::new(1.0, egui::Color32::from_gray(200)), egui::StrokeKind::Outside);
    if screen.show_mines
        && let Some(field) = &draft.preview
    {
        for mine in &field.mines {
            let c = crate::palette::mine_colour(mine.kind);
            painter.circle(map.to_screen((mine.x, mine.z)), 3.0, egui::Color32::from_rgb(c[0], c[1], c[2]), egui::Stroke::new(1.0, egui::Color32::BLACK));
        }
    }
}

/// The draft's own geometry over the (possibly older) preview image, and its grips.
fn draw_draft(painter: &egui::Painter, map: &MapFrame, scenario: &Scenario, tool: Tool) {
    let lang = crate::text::ui_lang();
    let to_screen = |p: P2| map.to_screen(p);
    let thin = |c: egui::Color32| egui::Stroke::new(2.0, c);
    let soil = egui::Color32::from_rgb(150, 100, 50);
    for zone in &scenario.field.soils {
        if let Region::Polygon(pts) = &zone.region {
            outline(painter, pts.iter().map(|&p| to_screen(p)).collect(), thin(soil), true);
        } else if let Region::Rect { min, max } = &zone.region {
            painter.rect_stroke(egui::Rect::from_two_pos(to_screen(*min), to_screen(*max)), 0.0, thin(soil), egui::StrokeKind::Middle);
        }
    }
    if let Some(Region::Polygon(pts)) = &scenario.field.obstacles.tree_region {
        outline(painter, pts.iter().map(|&p| to_screen(p)).collect(), thin(egui::Color32::from_rgb(30, 120, 30)), true);
    }
    for road in &scenario.field.roads {
        let width = (road.width_m * map.scale).max(2.0);
        outline(painter, road.points.iter().map(|&p| to_screen(p)).collect(), egui::Stroke::new(width, egui::Color32::from_rgba_unmultiplied(90, 90, 90, 160)), false);
    }
    let lane_blue = egui::Color32::from_rgb(60, 130, 255);
    outline(painter, scenario.start_lane.polygon().iter().map(|&p| to_screen(p)).collect(), thin(lane_blue), true);
    painter.line_segment([to_screen(scenario.start_lane.from), to_screen(scenario.start_lane.to)], egui::Stroke::new(1.0, lane_blue));
    outline(painter, scenario.hazard_area.iter().map(|&p| to_screen(p)).collect(), egui::Stroke::new(2.5, egui::Color32::from_rgb(235, 40, 40)), tool != Tool::Hazard);
    // The post is drawn where one is set (without one, it is the lane's `from` end).
    if let Some(post) = scenario.operator_post {
        painter.circle(to_screen(post), 5.0, egui::Color32::from_rgb(30, 90, 220), egui::Stroke::new(1.5, egui::Color32::WHITE));
        painter.text(to_screen(post) + egui::vec2(8.0, 0.0), egui::Align2::LEFT_CENTER, tr!(lang, "editor-map-post"), egui::FontId::proportional(12.0), egui::Color32::WHITE);
    }
    for (grip, p) in grips(scenario) {
        let (fill, radius) = match grip {
            Grip::Hazard(_) => (egui::Color32::from_rgb(235, 40, 40), 4.5),
            Grip::LaneFrom | Grip::LaneTo => (lane_blue, 4.5),
            Grip::Post => continue,
            _ => (egui::Color32::from_gray(200), 3.5),
        };
        painter.circle(to_screen(p), radius, fill, egui::Stroke::new(1.5, egui::Color32::WHITE));
    }
    painter.text(to_screen(scenario.start_lane.from) + egui::vec2(0.0, -10.0), egui::Align2::CENTER_BOTTOM, tr!(lang, "editor-map-lane-from"), egui::FontId::proportional(11.0), egui::Color32::WHITE);
}

/// While drawing: a line from the last point placed to the pointer.
fn rubber_band(painter: &egui::Painter, map: &MapFrame, scenario: &Scenario, tool: Tool, pointer: egui::Pos2) {
    let polygon_end = |region: Option<&Region>| match region {
        Some(Region::Polygon(pts)) => pts.last().copied(),
        _ => None,
    };
    let last = match tool {
        Tool::Hazard => scenario.hazard_area.last().copied(),
        Tool::Lane { placed_from: true } => Some(scenario.start_lane.from),
        Tool::Road(i) => scenario.field.roads.get(i).and_then(|r| r.points.last().copied()),
        Tool::Soil(i) => polygon_end(scenario.field.soils.get(i).map(|z| &z.region)),
        Tool::Trees => polygon_end(scenario.field.obstacles.tree_region.as_ref()),
        _ => None,
    };
    if let Some(last) = last {
        painter.line_segment([map.to_screen(last), pointer], egui::Stroke::new(1.5, egui::Color32::from_rgba_unmultiplied(255, 255, 255, 180)));
    }
}

/// Drags move grips in any mode; clicks add points in a drawing mode; a right-click deletes
/// the corner under it (moving) or the last point drawn (drawing).
fn pointer_input(ui: &egui::Ui, response: &egui::Response, map: &MapFrame, draft: &mut Draft, screen: &mut EditorUi) {
    let grips = grips(&draft.scenario);
    let grip_at = |pos: egui::Pos2| {
        grips
            .iter()
            .filter(|(_, p)| map.to_screen(*p).distance(pos) < 10.0)
            .min_by(|a, b| map.to_screen(a.1).distance(pos).total_cmp(&map.to_screen(b.1).distance(pos)))
            .map(|g| g.0)
    };
    // A drag is recognised only once the pointer has moved: grab what was under the press.
    if response.drag_started()
        && let Some(pos) = ui.input(|i| i.pointer.press_origin())
    {
        screen.drag = grip_at(pos);
    }
    if response.dragged()
        && let (Some(grip), Some(pos)) = (screen.drag, response.interact_pointer_pos())
    {
        set_grip(&mut draft.scenario, grip, map.to_field(pos));
    }
    if response.drag_stopped() {
        screen.drag = None;
    }
    if response.clicked()
        && let Some(pos) = response.interact_pointer_pos()
    {
        screen.tool = place_point(&mut draft.scenario, screen.tool, map.to_field(pos));
    }
    if response.secondary_clicked()
        && let Some(pos) = response.interact_pointer_pos()
    {
        match grip_at(pos) {
            Some(grip) if screen.tool == Tool::Move => remove_grip(&mut draft.scenario, grip),
            _ => remove_last_point(&mut draft.scenario, screen.tool),
        }
    }
}

/// The polygon a drawing tool adds to, if it draws one.
fn drawn_points(scenario: &mut Scenario, tool: Tool) -> Option<&mut Vec<P2>> {
    match tool {
        Tool::Hazard => Some(&mut scenario.hazard_area),
        Tool::Road(i) => scenario.field.roads.get_mut(i).map(|r| &mut r.points),
        Tool::Soil(i) => match scenario.field.soils.get_mut(i) {
            Some(SoilZone { region: Region::Polygon(pts), .. }) => Some(pts),
            _ => None,
        },
        Tool::Trees => match &mut scenario.field.obstacles.tree_region {
            Some(Region::Polygon(pts)) => Some(pts),
            _ => None,
        },
        Tool::Move | Tool::Lane { .. } | Tool::Post => None,
    }
}

/// A click at `at` with `tool`; returns the tool for the next click.
fn place_point(scenario: &mut Scenario, tool: Tool, at: P2) -> Tool {
    match tool {
        Tool::Lane { placed_from: false } => {
            scenario.start_lane.from = at;
            Tool::Lane { placed_from: true }
        }
        Tool::Lane { placed_from: true } => {
            scenario.start_lane.to = at;
            Tool::Move
        }
        Tool::Post => {
            scenario.operator_post = Some(at);
            Tool::Move
        }
        _ => {
            if let Some(pts) = drawn_points(scenario, tool) {
                pts.push(at);
            }
            tool
        }
    }
}

fn remove_last_point(scenario: &mut Scenario, tool: Tool) {
    if let Some(pts) = drawn_points(scenario, tool) {
        pts.pop();
    }
}

/// What the preview shows, and where the pointer is.
fn status_line(ui: &mut egui::Ui, draft: &Draft, pointer: Option<P2>) {
    let lang = crate::text::ui_lang();
    ui.horizontal_wrapped(|ui| {
        if let Some((x, z)) = pointer {
            // Coordinates keep their fixed-width columns (and the decimal point) in any language.
            ui.monospace(tr!(lang, "editor-pointer", x = format!("{x:6.1}"), z = format!("{z:6.1}")));
            ui.separator();
        }
        if !draft.field_ok() {
            ui.colored_label(WARN, tr!(lang, "editor-preview-not-updated"));
        } else if let Some(field) = &draft.preview {
            let stale = draft.preview_revision != draft.revision;
            let area = crate::geom::area(&field.hazard_area);
            let kinds: Vec<String> = MineKind::ALL
                .into_iter()
                .filter_map(|kind| {
                    let n = field.mines.iter().filter(|m| m.kind == kind).count();
                    (n > 0).then(|| tr!(lang, "editor-status-mine-kind", count = n, kind = kind.name_in(lang)))
                })
                .collect();
            let mut status = tr!(
                lang,
                "editor-status",
                seed = field.seed.to_string(),
                area_m2 = area,
                mines = field.mines.len(),
                kinds = if kinds.is_empty() { tr!(lang, "editor-status-none") } else { kinds.join(", ") },
                slope_deg = crate::preview::max_slope_in_area(field),
                trees = field.trees.len(),
                rocks = field.rocks.len(),
                ms = draft.preview_ms,
            );
            if stale {
                status.push_str(" · ");
                status.push_str(&tr!(lang, "editor-status-updating"));
            }
            ui.label(status);
            for note in &field.notes {
                ui.colored_label(WARN, note.in_lang(crate::text::ui_lang()));
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
fn grips(scenario: &Scenario) -> Vec<(Grip, P2)> {
    let mut grip: Vec<(Grip, P2)> = scenario.hazard_area.iter().enumerate().map(|(i, &p)| (Grip::Hazard(i), p)).collect();
    grip.push((Grip::LaneFrom, scenario.start_lane.from));
    grip.push((Grip::LaneTo, scenario.start_lane.to));
    if let Some(post) = scenario.operator_post {
        grip.push((Grip::Post, post));
    }
    for (i, r) in scenario.field.roads.iter().enumerate() {
        grip.extend(r.points.iter().enumerate().map(|(j, &p)| (Grip::Road(i, j), p)));
    }
    for (i, z) in scenario.field.soils.iter().enumerate() {
        if let Region::Polygon(pts) = &z.region {
            grip.extend(pts.iter().enumerate().map(|(j, &p)| (Grip::Soil(i, j), p)));
        }
    }
    if let Some(Region::Polygon(pts)) = &scenario.field.obstacles.tree_region {
        grip.extend(pts.iter().enumerate().map(|(j, &p)| (Grip::Trees(j), p)));
    }
    grip
}

/// The point list a grip belongs to (lane ends and the post belong to none).
fn grip_list(scenario: &mut Scenario, grip: Grip) -> Option<(&mut Vec<P2>, usize)> {
    match grip {
        Grip::Hazard(i) => Some((&mut scenario.hazard_area, i)),
        Grip::Road(i, j) => scenario.field.roads.get_mut(i).map(|r| (&mut r.points, j)),
        Grip::Soil(i, j) => match scenario.field.soils.get_mut(i).map(|z| &mut z.region) {
            Some(Region::Polygon(pts)) => Some((pts, j)),
            _ => None,
        },
        Grip::Trees(j) => match &mut scenario.field.obstacles.tree_region {
            Some(Region::Polygon(pts)) => Some((pts, j)),
            _ => None,
        },
        Grip::LaneFrom | Grip::LaneTo | Grip::Post => None,
    }
}

fn set_grip(scenario: &mut Scenario, grip: Grip, at: P2) {
    match grip {
        Grip::LaneFrom => scenario.start_lane.from = at,
        Grip::LaneTo => scenario.start_lane.to = at,
        Grip::Post => scenario.operator_post = Some(at),
        _ => {
            if let Some((pts, i)) = grip_list(scenario, grip)
                && let Some(p) = pts.get_mut(i)
            {
                *p = at;
            }
        }
    }
}

fn remove_grip(scenario: &mut Scenario, grip: Grip) {
    if let Some((pts, i)) = grip_list(scenario, grip)
        && i < pts.len()
    {
        pts.remove(i);
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
