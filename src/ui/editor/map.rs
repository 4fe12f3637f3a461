//! The editor's map: the generated field as a picture, the draft's geometry drawn over it,
//! and the pointer: clicks draw with the current tool, drags move corners and lane ends.

use bevy_egui::egui;

use super::{EditorUi, Grip, Tool, WARN, snap};
use crate::geom::P2;
use crate::scenario::{MineKind, Region, Scenario, SoilZone};
use crate::trainer::editor::Draft;

pub(super) fn map_panel(ui: &mut egui::Ui, d: &mut Draft, st: &mut EditorUi) {
    toolbar(ui, d, st);
    let (sx, sz) = d.scenario.field.size_m;
    let size_m = (sx.max(1.0), sz.max(1.0));
    let avail = ui.available_size() - egui::vec2(0.0, 48.0);
    let scale = (avail.x / size_m.0).min(avail.y / size_m.1).max(0.05);
    let (rect, response) = ui.allocate_exact_size(egui::vec2(size_m.0 * scale, size_m.1 * scale), egui::Sense::click_and_drag());
    st.map_frame = Some((rect.min, scale));
    let map = MapFrame { rect, scale, size_m };
    let painter = ui.painter_at(rect.expand(6.0));
    draw_field(&painter, &map, d, st);
    draw_draft(&painter, &map, &d.scenario, st.tool);
    let hover = response.hover_pos();
    if let Some(pos) = hover {
        rubber_band(&painter, &map, &d.scenario, st.tool, pos);
    }
    pointer_input(ui, &response, &map, d, st);
    ui.add_space(4.0);
    status_line(ui, d, hover.map(|pos| map.to_field(pos)));
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
fn toolbar(ui: &mut egui::Ui, d: &mut Draft, st: &mut EditorUi) {
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
}

/// The preview field's picture and, for the instructor, its mines.
fn draw_field(painter: &egui::Painter, map: &MapFrame, d: &Draft, st: &EditorUi) {
    let rect = map.rect;
    painter.rect_filled(rect, 0.0, egui::Color32::from_gray(60));
    if let Some(texture) = &st.texture {
        let image = egui::Rect::from_min_size(rect.min, egui::vec2(texture.size_m.0 * map.scale, texture.size_m.1 * map.scale));
        painter.image(texture.id, image, egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0)), egui::Color32::WHITE);
    }
    painter.rect_stroke(rect, 0.0, egui::Stroke::new(1.0, egui::Color32::from_gray(200)), egui::StrokeKind::Outside);
    if st.show_mines
        && let Some(field) = &d.preview
    {
        for mine in &field.mines {
            let c = crate::palette::mine_colour(mine.kind);
            painter.circle(map.to_screen((mine.x, mine.z)), 3.0, egui::Color32::from_rgb(c[0], c[1], c[2]), egui::Stroke::new(1.0, egui::Color32::BLACK));
        }
    }
}

/// The draft's own geometry over the (possibly older) preview image, and its grips.
fn draw_draft(painter: &egui::Painter, map: &MapFrame, s: &Scenario, tool: Tool) {
    let to_screen = |p: P2| map.to_screen(p);
    let thin = |c: egui::Color32| egui::Stroke::new(2.0, c);
    let soil = egui::Color32::from_rgb(150, 100, 50);
    for zone in &s.field.soils {
        if let Region::Polygon(pts) = &zone.region {
            outline(painter, pts.iter().map(|&p| to_screen(p)).collect(), thin(soil), true);
        } else if let Region::Rect { min, max } = &zone.region {
            painter.rect_stroke(egui::Rect::from_two_pos(to_screen(*min), to_screen(*max)), 0.0, thin(soil), egui::StrokeKind::Middle);
        }
    }
    if let Some(Region::Polygon(pts)) = &s.field.obstacles.tree_region {
        outline(painter, pts.iter().map(|&p| to_screen(p)).collect(), thin(egui::Color32::from_rgb(30, 120, 30)), true);
    }
    for road in &s.field.roads {
        let width = (road.width_m * map.scale).max(2.0);
        outline(painter, road.points.iter().map(|&p| to_screen(p)).collect(), egui::Stroke::new(width, egui::Color32::from_rgba_unmultiplied(90, 90, 90, 160)), false);
    }
    let lane_blue = egui::Color32::from_rgb(60, 130, 255);
    outline(painter, s.start_lane.polygon().iter().map(|&p| to_screen(p)).collect(), thin(lane_blue), true);
    painter.line_segment([to_screen(s.start_lane.from), to_screen(s.start_lane.to)], egui::Stroke::new(1.0, lane_blue));
    outline(painter, s.hazard_area.iter().map(|&p| to_screen(p)).collect(), egui::Stroke::new(2.5, egui::Color32::from_rgb(235, 40, 40)), tool != Tool::Hazard);
    // The post is drawn where one is set (without one, it is the lane's `from` end).
    if let Some(post) = s.operator_post {
        painter.circle(to_screen(post), 5.0, egui::Color32::from_rgb(30, 90, 220), egui::Stroke::new(1.5, egui::Color32::WHITE));
        painter.text(to_screen(post) + egui::vec2(8.0, 0.0), egui::Align2::LEFT_CENTER, "post", egui::FontId::proportional(12.0), egui::Color32::WHITE);
    }
    for (grip, p) in grips(s) {
        let (fill, radius) = match grip {
            Grip::Hazard(_) => (egui::Color32::from_rgb(235, 40, 40), 4.5),
            Grip::LaneFrom | Grip::LaneTo => (lane_blue, 4.5),
            Grip::Post => continue,
            _ => (egui::Color32::from_gray(200), 3.5),
        };
        painter.circle(to_screen(p), radius, fill, egui::Stroke::new(1.5, egui::Color32::WHITE));
    }
    painter.text(to_screen(s.start_lane.from) + egui::vec2(0.0, -10.0), egui::Align2::CENTER_BOTTOM, "lane from", egui::FontId::proportional(11.0), egui::Color32::WHITE);
}

/// While drawing: a line from the last point placed to the pointer.
fn rubber_band(painter: &egui::Painter, map: &MapFrame, s: &Scenario, tool: Tool, pointer: egui::Pos2) {
    let polygon_end = |region: Option<&Region>| match region {
        Some(Region::Polygon(pts)) => pts.last().copied(),
        _ => None,
    };
    let last = match tool {
        Tool::Hazard => s.hazard_area.last().copied(),
        Tool::Lane { placed_from: true } => Some(s.start_lane.from),
        Tool::Road(i) => s.field.roads.get(i).and_then(|r| r.points.last().copied()),
        Tool::Soil(i) => polygon_end(s.field.soils.get(i).map(|z| &z.region)),
        Tool::Trees => polygon_end(s.field.obstacles.tree_region.as_ref()),
        _ => None,
    };
    if let Some(last) = last {
        painter.line_segment([map.to_screen(last), pointer], egui::Stroke::new(1.5, egui::Color32::from_rgba_unmultiplied(255, 255, 255, 180)));
    }
}

/// Drags move grips in any mode; clicks add points in a drawing mode; a right-click deletes
/// the corner under it (moving) or the last point drawn (drawing).
fn pointer_input(ui: &egui::Ui, response: &egui::Response, map: &MapFrame, d: &mut Draft, st: &mut EditorUi) {
    let grips = grips(&d.scenario);
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
        st.drag = grip_at(pos);
    }
    if response.dragged()
        && let (Some(grip), Some(pos)) = (st.drag, response.interact_pointer_pos())
    {
        set_grip(&mut d.scenario, grip, map.to_field(pos));
    }
    if response.drag_stopped() {
        st.drag = None;
    }
    if response.clicked()
        && let Some(pos) = response.interact_pointer_pos()
    {
        st.tool = place_point(&mut d.scenario, st.tool, map.to_field(pos));
    }
    if response.secondary_clicked()
        && let Some(pos) = response.interact_pointer_pos()
    {
        match grip_at(pos) {
            Some(grip) if st.tool == Tool::Move => remove_grip(&mut d.scenario, grip),
            _ => remove_last_point(&mut d.scenario, st.tool),
        }
    }
}

/// The polygon a drawing tool adds to, if it draws one.
fn drawn_points(s: &mut Scenario, tool: Tool) -> Option<&mut Vec<P2>> {
    match tool {
        Tool::Hazard => Some(&mut s.hazard_area),
        Tool::Road(i) => s.field.roads.get_mut(i).map(|r| &mut r.points),
        Tool::Soil(i) => match s.field.soils.get_mut(i) {
            Some(SoilZone { region: Region::Polygon(pts), .. }) => Some(pts),
            _ => None,
        },
        Tool::Trees => match &mut s.field.obstacles.tree_region {
            Some(Region::Polygon(pts)) => Some(pts),
            _ => None,
        },
        Tool::Move | Tool::Lane { .. } | Tool::Post => None,
    }
}

/// A click at `at` with `tool`; returns the tool for the next click.
fn place_point(s: &mut Scenario, tool: Tool, at: P2) -> Tool {
    match tool {
        Tool::Lane { placed_from: false } => {
            s.start_lane.from = at;
            Tool::Lane { placed_from: true }
        }
        Tool::Lane { placed_from: true } => {
            s.start_lane.to = at;
            Tool::Move
        }
        Tool::Post => {
            s.operator_post = Some(at);
            Tool::Move
        }
        _ => {
            if let Some(pts) = drawn_points(s, tool) {
                pts.push(at);
            }
            tool
        }
    }
}

fn remove_last_point(s: &mut Scenario, tool: Tool) {
    if let Some(pts) = drawn_points(s, tool) {
        pts.pop();
    }
}

/// What the preview shows, and where the pointer is.
fn status_line(ui: &mut egui::Ui, d: &Draft, pointer: Option<P2>) {
    ui.horizontal_wrapped(|ui| {
        if let Some((x, z)) = pointer {
            ui.monospace(format!("x {x:6.1} m  z {z:6.1} m"));
            ui.separator();
        }
        if !d.field_ok() {
            ui.colored_label(WARN, "Preview not updated: fix the problems marked in the field, hazard area or mines.");
        } else if let Some(field) = &d.preview {
            let stale = d.preview_revision != d.revision;
            let area = crate::geom::area(&field.hazard_area);
            let mut kinds = String::new();
            for kind in MineKind::ALL {
                let n = field.mines.iter().filter(|m| m.kind == kind).count();
                if n > 0 {
                    kinds.push_str(&format!("{}{n} {}", if kinds.is_empty() { "" } else { ", " }, kind.label()));
                }
            }
            ui.label(format!(
                "seed {} · hazard {:.0} m² · {} mines ({}) · steepest in area {:.1}° · {} trees, {} rocks · made in {:.0} ms{}",
                field.seed,
                area,
                field.mines.len(),
                if kinds.is_empty() { "none".into() } else { kinds },
                crate::preview::max_slope_in_area(field),
                field.trees.len(),
                field.rocks.len(),
                d.preview_ms,
                if stale { " · updating…" } else { "" }
            ));
            for note in &field.notes {
                ui.colored_label(WARN, note);
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
