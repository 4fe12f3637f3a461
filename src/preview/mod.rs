//! `mineclear preview`: a top-down map of a generated field for instructors — shaded relief,
//! soil, vegetation, roads, obstacles, the hazard boundary, the start lane and every mine —
//! with a legend. Deterministic: the same scenario and seed give the same PNG bytes.

mod canvas;

pub use crate::palette::{Rgb, mine_colour, soil_colour};
pub use canvas::Canvas;

use crate::text::Lang;
use crate::tr;
use crate::field::{Field, TERRAIN_CELL_M};
use crate::machine::MachineSpec;
use crate::scenario::{MineKind, Scenario, SoilKind};

const LEGEND_W: usize = 330;
const TITLE_H: usize = 44;
const MARGIN: usize = 16;

const VEG: Rgb = [70, 125, 45];

/// Draws a mine symbol: AP blast disc, fragmentation triangle, AT square, UXO diamond.
pub fn mine_symbol(c: &mut Canvas, x: f32, y: f32, r: f32, k: MineKind) {
    let col = mine_colour(k);
    let outline = [20, 20, 20];
    let shape = |r: f32| -> Vec<(f32, f32)> {
        match k {
            MineKind::ApFragmentation => vec![(x, y - r * 1.2), (x + r * 1.1, y + r * 0.8), (x - r * 1.1, y + r * 0.8)],
            MineKind::At => vec![(x - r, y - r), (x + r, y - r), (x + r, y + r), (x - r, y + r)],
            MineKind::Uxo => vec![(x, y - r * 1.3), (x + r * 1.3, y), (x, y + r * 1.3), (x - r * 1.3, y)],
            MineKind::ApBlast => vec![],
        }
    };
    if k == MineKind::ApBlast {
        c.disc(x, y, r + 1.2, outline);
        c.disc(x, y, r, col);
    } else {
        c.fill_poly(&shape(r + 1.5), outline, 1.0);
        c.fill_poly(&shape(r), col, 1.0);
    }
}

/// Draws the site at `ppm` pixels per metre into `c` with the field's origin at (ox, oy) and
/// size (mw, mh) pixels: ground with soil, vegetation and hillshade, contours, the start lane,
/// the hazard boundary, rocks and trees (no mines). Returns the contour interval, metres.
pub fn draw_site(c: &mut Canvas, field: &Field, ppm: f32, ox: usize, oy: usize, mw: usize, mh: usize) -> f32 {
    let to_px = |x: f32, z: f32| (ox as f32 + x * ppm, oy as f32 + z * ppm);
    // Ground: soil colour, vegetation tint, hillshade from the north-west.
    for py in 0..mh {
        for px in 0..mw {
            let (x, z) = ((px as f32 + 0.5) / ppm, (py as f32 + 0.5) / ppm);
            let soil = field.soil_at(x, z);
            let (dens, vh) = field.vegetation_at(x, z);
            let base = soil_colour(soil.kind);
            let veg_a = (dens * (0.35 + 0.3 * (vh / 1.5).min(1.0))).min(0.75);
            let (gx, gz) = field.gradient_at(x, z);
            // Normal ~ (-gx, 1, -gz); light from north-west and above.
            let (lx, ly, lz) = (-0.5f32, 0.75f32, -0.5f32);
            let n = (gx * gx + 1.0 + gz * gz).sqrt();
            let lambert = ((-gx * lx + ly - gz * lz) / n) / (lx * lx + ly * ly + lz * lz).sqrt();
            let shade = (0.55 + 0.55 * lambert).clamp(0.4, 1.15);
            let mut col = [0u8; 3];
            for ch in 0..3 {
                let v = base[ch] as f32 * (1.0 - veg_a) + VEG[ch] as f32 * veg_a;
                col[ch] = (v * shade).clamp(0.0, 255.0) as u8;
            }
            c.set(ox + px, oy + py, col);
        }
    }

    // Contours every 0.5 m (1 m on steep ground) so relief reads at a glance.
    let (hmin, hmax) = field.heights.iter().fold((f32::INFINITY, f32::NEG_INFINITY), |(a, b), &h| (a.min(h), b.max(h)));
    let interval = if hmax - hmin > 20.0 {
        2.0
    } else if hmax - hmin > 6.0 {
        1.0
    } else {
        0.5
    };
    let step = (TERRAIN_CELL_M * ppm).max(1.0);
    let mut py = 0.0;
    while py < mh as f32 {
        let mut px = 0.0;
        while px < mw as f32 {
            let (x, z) = (px / ppm, py / ppm);
            let band = |h: f32| (h / interval).floor();
            let b0 = band(field.height_at(x, z));
            if b0 != band(field.height_at(x + 1.0 / ppm * step, z)) || b0 != band(field.height_at(x, z + 1.0 / ppm * step)) {
                c.blend(ox as i32 + px as i32, oy as i32 + py as i32, [60, 50, 40], 0.35);
            }
            px += 1.0;
        }
        py += 1.0;
    }

    // Start lane: a translucent blue strip with its centre line.
    let lane = field.start_lane.polygon().iter().map(|&(x, z)| to_px(x, z)).collect::<Vec<_>>();
    c.fill_poly(&lane, [40, 110, 220], 0.35);
    c.line(
        to_px(field.start_lane.from.0, field.start_lane.from.1),
        to_px(field.start_lane.to.0, field.start_lane.to.1),
        1.5,
        [30, 80, 180],
        Some((8.0, [245, 245, 245])),
    );

    // Hazard area: red-and-white marking tape, as on site.
    let hz: Vec<(f32, f32)> = field.hazard_area.iter().map(|&(x, z)| to_px(x, z)).collect();
    c.fill_poly(&hz, [230, 40, 40], 0.08);
    for i in 0..hz.len() {
        c.line(hz[i], hz[(i + 1) % hz.len()], 3.5, [215, 25, 25], Some((10.0, [255, 255, 255])));
    }

    // Obstacles.
    for r in &field.rocks {
        let (x, y) = to_px(r.x, r.z);
        c.disc(x, y, (r.radius_m * ppm).max(2.0) + 1.0, [60, 60, 60]);
        c.disc(x, y, (r.radius_m * ppm).max(2.0), [128, 128, 124]);
    }
    for t in &field.trees {
        let (x, y) = to_px(t.x, t.z);
        let crown = (t.height_m * 0.25 * ppm).max(3.0);
        c.disc(x, y, crown + 1.0, [20, 60, 20]);
        c.disc(x, y, crown, [40, 105, 40]);
        c.disc(x, y, (t.radius_m * ppm).max(1.5), [90, 60, 30]);
    }

    interval
}

/// The site alone (no title, legend or mines), at most `max_px` on its longer side: the map
/// the briefing shows and the debrief draws its truth on.
/// A remote machine's operator post (`post`) is marked with a blue dot and `post_label` (in
/// the trainee's language: the map's font has Latin and Cyrillic).
pub fn site_map(field: &Field, max_px: f32, post: Option<(f32, f32)>, post_label: &str) -> (Canvas, f32) {
    let (sx, sz) = field.size_m;
    let ppm = max_px / sx.max(sz);
    let (mw, mh) = ((sx * ppm).ceil() as usize, (sz * ppm).ceil() as usize);
    let mut c = Canvas::new(mw, mh, [245, 243, 236]);
    draw_site(&mut c, field, ppm, 0, 0, mw, mh);
    if let Some((x, z)) = post {
        let (px, py) = (x * ppm, z * ppm);
        c.disc(px, py, 6.0, [255, 255, 255]);
        c.disc(px, py, 4.5, [30, 90, 220]);
        if max_px >= 400.0 {
            let label = post_label;
            let w = c.text_width(13.0, label);
            // Clear of the dot, which stays whole on the map even when the post is at its edge.
            let right = px.max(6.0) + 12.0;
            let tx = if right + w < mw as f32 { right } else { px.min(mw as f32 - 6.0) - 12.0 - w };
            let ty = (py + 5.0).clamp(14.0, mh as f32 - 4.0);
            c.text(tx, ty, 13.0, [20, 40, 120], label);
        }
    }
    (c, ppm)
}

/// Renders the preview of `field` for `scenario` run by `machine`.
pub fn render(scenario: &Scenario, machine: &MachineSpec, field: &Field, lang: Lang) -> Canvas {
    let (sx, sz) = field.size_m;
    let ppm = (1100.0 / sx.max(sz)).clamp(0.8, 14.0);
    let (mw, mh) = ((sx * ppm).ceil() as usize, (sz * ppm).ceil() as usize);
    let w = MARGIN + mw + MARGIN + LEGEND_W;
    let h = (TITLE_H + mh + MARGIN + 40).max(TITLE_H + 620);
    let mut c = Canvas::new(w, h, [245, 243, 236]);
    let ox = MARGIN as f32;
    let oy = TITLE_H as f32;
    let to_px = |x: f32, z: f32| (ox + x * ppm, oy + z * ppm);

    let interval = draw_site(&mut c, field, ppm, MARGIN, TITLE_H, mw, mh);

    // Mines, drawn larger than life so each one shows.
    let mut counts = [0usize; 4];
    for m in &field.mines {
        let (x, y) = to_px(m.x, m.z);
        let r = (m.kind.diameter_m() * 0.5 * ppm).max(if m.kind == MineKind::At { 4.5 } else { 3.2 });
        mine_symbol(&mut c, x, y, r, m.kind);
        counts[MineKind::ALL.iter().position(|k| *k == m.kind).unwrap_or(0)] += 1;
    }

    // Map frame and title.
    let frame = [(ox, oy), (ox + mw as f32, oy), (ox + mw as f32, oy + mh as f32), (ox, oy + mh as f32)];
    for i in 0..4 {
        c.line(frame[i], frame[(i + 1) % 4], 1.5, [40, 40, 40], None);
    }
    c.text(ox, 29.0, 20.0, [20, 20, 20], scenario.title.shown(lang).text);

    // Scale bar under the map.
    let nice = [1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0];
    let bar_m = *nice.iter().find(|&&m| m * ppm >= 80.0).unwrap_or(&500.0);
    let by = oy + mh as f32 + 22.0;
    c.rect(ox as i32, by as i32, (ox + bar_m * ppm) as i32, by as i32 + 5, [30, 30, 30], 1.0);
    c.rect((ox + bar_m * ppm * 0.5) as i32, by as i32 + 1, (ox + bar_m * ppm) as i32, by as i32 + 4, [245, 243, 236], 1.0);
    c.text(ox + bar_m * ppm + 8.0, by + 7.0, 13.0, [30, 30, 30], &tr!(lang, "preview-scale", metres = bar_m));

    // Legend.
    let lx = (MARGIN + mw + MARGIN) as f32;
    let mut y = oy + 4.0;
    let ink = [25, 25, 25];
    let dim = [90, 90, 90];
    let line = |c: &mut Canvas, y: &mut f32, size: f32, col: Rgb, s: &str| {
        c.text(lx, *y + size, size, col, s);
        *y += size + 6.0;
    };
    line(&mut c, &mut y, 15.0, ink, &tr!(lang, "preview-seed", seed = field.seed.to_string()));
    line(&mut c, &mut y, 13.0, dim, &tr!(lang, "preview-field", x_m = sx, z_m = sz, area_m2 = field.hazard_m2()));
    line(&mut c, &mut y, 13.0, dim, &short(&crate::scenario::builtin_machine_in(&machine.name, lang), 40));
    line(&mut c, &mut y, 13.0, dim, &tr!(lang, "preview-task", depth_cm = scenario.required_depth_cm, minutes = scenario.time_limit_min));
    y += 8.0;
    line(&mut c, &mut y, 15.0, ink, &tr!(lang, "preview-mines", count = field.mines.len()));
    // Counts in a column after the longest name (the English names fit in 17).
    let name_w = MineKind::ALL.iter().map(|k| k.name_in(lang).chars().count()).max().unwrap_or(0).max(17);
    for (i, k) in MineKind::ALL.iter().enumerate() {
        mine_symbol(&mut c, lx + 8.0, y + 7.0, if *k == MineKind::At { 5.0 } else { 4.0 }, *k);
        c.text(lx + 22.0, y + 12.0, 13.0, ink, &format!("{:<name_w$}{:>5}", k.name_in(lang), counts[i]));
        y += 20.0;
    }
    y += 8.0;
    line(&mut c, &mut y, 15.0, ink, &tr!(lang, "preview-marking"));
    c.line((lx, y + 7.0), (lx + 16.0, y + 7.0), 3.5, [215, 25, 25], Some((5.0, [255, 255, 255])));
    c.text(lx + 22.0, y + 12.0, 13.0, ink, &tr!(lang, "preview-boundary"));
    y += 20.0;
    c.rect(lx as i32, y as i32 + 1, lx as i32 + 16, y as i32 + 13, [40, 110, 220], 0.45);
    c.text(lx + 22.0, y + 12.0, 13.0, ink, &tr!(lang, "preview-start-lane"));
    y += 28.0;
    line(&mut c, &mut y, 15.0, ink, &tr!(lang, "preview-ground"));
    let mut kinds: Vec<SoilKind> = field.soils.iter().map(|s| s.kind).collect();
    kinds.sort();
    kinds.dedup();
    for k in kinds {
        let hard = field.soils.iter().find(|s| s.kind == k).map(|s| s.hardness).unwrap_or(1.0);
        c.rect(lx as i32, y as i32 + 1, lx as i32 + 16, y as i32 + 13, soil_colour(k), 1.0);
        c.text(lx + 22.0, y + 12.0, 13.0, ink, &tr!(lang, "preview-soil", soil = k.name_in(lang), hardness = hard));
        y += 20.0;
    }
    c.rect(lx as i32, y as i32 + 1, lx as i32 + 16, y as i32 + 13, VEG, 0.7);
    c.text(lx + 22.0, y + 12.0, 13.0, ink, &tr!(lang, "preview-vegetation", height_m = scenario.field.vegetation.height_m));
    y += 20.0;
    c.disc(lx + 8.0, y + 7.0, 6.0, [40, 105, 40]);
    c.disc(lx + 8.0, y + 7.0, 2.0, [90, 60, 30]);
    c.text(lx + 22.0, y + 12.0, 13.0, ink, &tr!(lang, "preview-trees", count = field.trees.len()));
    y += 20.0;
    c.disc(lx + 8.0, y + 7.0, 5.0, [128, 128, 124]);
    c.text(lx + 22.0, y + 12.0, 13.0, ink, &tr!(lang, "preview-rocks", count = field.rocks.len()));
    y += 20.0;
    c.text(lx + 22.0, y + 12.0, 13.0, ink, &tr!(lang, "preview-contours", metres = interval));
    c.line((lx, y + 7.0), (lx + 16.0, y + 7.0), 1.0, [120, 110, 100], None);
    y += 20.0;
    let slope_max = max_slope_in_area(field);
    line(&mut c, &mut y, 13.0, dim, &tr!(lang, "preview-steepest", slope_deg = slope_max, limit_deg = machine.slope_limit_deg));
    for note in &field.notes {
        line(&mut c, &mut y, 12.0, [180, 40, 20], &short(&note.in_lang(lang), 40));
    }
    c
}

/// `s` cut to `n` characters with an ellipsis.
pub fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n { s.to_string() } else { s.chars().take(n - 1).collect::<String>() + "…" }
}

/// Steepest ground slope inside the hazard area, degrees (sampled on the terrain grid).
pub fn max_slope_in_area(field: &Field) -> f32 {
    let (lo, hi) = crate::geom::bounds(&field.hazard_area);
    let mut best = 0.0f32;
    let mut z = lo.1;
    while z <= hi.1 {
        let mut x = lo.0;
        while x <= hi.0 {
            if crate::geom::contains(&field.hazard_area, (x, z)) {
                best = best.max(field.slope_deg_at(x, z));
            }
            x += 1.0;
        }
        z += 1.0;
    }
    best
}
