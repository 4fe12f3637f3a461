//! The printable report's pictures, drawn on the preview's canvas: the truth map at the end
//! of the session (with the instructor's comments pinned as numbers) and the speed and depth
//! charts over the session.

use crate::preview::Canvas;
use crate::replay::comments::Comments;
use crate::replay::trace::Trace;
use crate::text::Lang;
use crate::tr;

/// The site, the ground processed (light: touched, dark: to depth), the path driven, every
/// mine in the colour of its fate, and each comment's number where it was pinned.
pub fn truth_map(trace: &Trace, expert: Option<&Trace>, comments: &Comments) -> Canvas {
    let (mut c, ppm) = crate::preview::site_map(&trace.field, 900.0, trace.operator_post, &crate::ui::maps::post_label());
    for j in 0..trace.nz {
        for i in 0..trace.nx {
            let k = j * trace.nx + i;
            let colour = if trace.depth_tick[k] != u32::MAX {
                [120, 78, 45]
            } else if trace.first_tick[k] != u32::MAX {
                [214, 176, 120]
            } else {
                continue;
            };
            let x0 = (trace.origin.0 + i as f32 * trace.cell_m) * ppm;
            let z0 = (trace.origin.1 + j as f32 * trace.cell_m) * ppm;
            let x1 = x0 + trace.cell_m * ppm;
            let z1 = z0 + trace.cell_m * ppm;
            c.rect(x0.floor() as i32, z0.floor() as i32, x1.ceil() as i32, z1.ceil() as i32, colour, 0.55);
        }
    }
    if let Some(expert) = expert {
        // The expert's path underneath, wide orange.
        for pair in expert.poses.windows(2) {
            c.line((pair[0].x * ppm, pair[0].z * ppm), (pair[1].x * ppm, pair[1].z * ppm), 2.2, EXPERT, None);
        }
    }
    for pair in trace.poses.windows(2) {
        c.line((pair[0].x * ppm, pair[0].z * ppm), (pair[1].x * ppm, pair[1].z * ppm), 1.2, [40, 80, 220], None);
    }
    for m in &trace.mines {
        c.disc(m.x * ppm, m.z * ppm, 4.5, [255, 255, 255]);
        c.disc(m.x * ppm, m.z * ppm, 3.2, crate::ui::maps::fate_colour(m.fate));
    }
    for (n, comment) in comments.comments.iter().enumerate() {
        let Some((x, z)) = comment.at else { continue };
        let (px, py) = (x * ppm, z * ppm);
        c.disc(px, py, 9.0, [20, 20, 20]);
        c.disc(px, py, 7.5, [255, 235, 120]);
        let label = (n + 1).to_string();
        let w = c.text_width(12.0, &label);
        c.text(px - w * 0.5, py + 4.5, 12.0, [20, 20, 20], &label);
    }
    c
}

/// The expert's colour on the map and the charts (a wide line under the trainee's).
use crate::ui::maps::EXPERT;

/// Speed over the session, km/h (the expert's in orange beneath, when given).
pub fn speed(trace: &Trace, expert: Option<&Trace>, lang: Lang) -> Canvas {
    let values = |t: &Trace| -> Vec<(f32, f32)> { t.poses.iter().enumerate().map(|(i, p)| (time_of(i), p.speed_kmh.abs())).collect() };
    chart(&values(trace), expert.map(values).as_deref(), &tr!(lang, "print-chart-speed"), [60, 110, 220], None, lang)
}

/// The tool's depth over the session, cm below the ground (the depth required drawn across;
/// the expert's in orange beneath, when given).
pub fn depth(trace: &Trace, expert: Option<&Trace>, lang: Lang) -> Canvas {
    let values = |t: &Trace| -> Vec<(f32, f32)> { t.poses.iter().enumerate().map(|(i, p)| (time_of(i), p.tool_cm.max(0.0))).collect() };
    chart(&values(trace), expert.map(values).as_deref(), &tr!(lang, "print-chart-depth"), [200, 120, 40], Some(trace.report.required_depth_cm), lang)
}

/// When pose `i` was taken, seconds.
fn time_of(i: usize) -> f32 {
    (i as u64 * crate::replay::trace::POSE_EVERY) as f32 / crate::sim::TICK_HZ as f32
}

/// A line chart of `values` (time s, value) with its title, its largest value and the end
/// time written in, and an optional level drawn across.
fn chart(values: &[(f32, f32)], expert: Option<&[(f32, f32)]>, title: &str, colour: [u8; 3], level: Option<f32>, lang: Lang) -> Canvas {
    let (w, h) = (900usize, 170usize);
    let (left, top, right, bottom) = (10.0, 24.0, 890.0, 150.0);
    let mut c = Canvas::new(w, h, [255, 255, 255]);
    c.text(left, 16.0, 13.0, [30, 30, 30], title);
    let both = || values.iter().chain(expert.unwrap_or(&[]));
    let t_end = both().map(|v| v.0).fold(1.0, f32::max);
    let top_value = both().map(|v| v.1).fold(level.unwrap_or(0.0), f32::max).max(0.1) * 1.1;
    let to_px = |(t, v): (f32, f32)| (left + t / t_end * (right - left), bottom - v / top_value * (bottom - top));
    c.line((left, bottom), (right, bottom), 1.0, [150, 150, 150], None);
    if let Some(level) = level {
        c.line(to_px((0.0, level)), to_px((t_end, level)), 1.0, [200, 40, 40], Some((6.0, [255, 255, 255])));
    }
    for pair in expert.unwrap_or(&[]).windows(2) {
        c.line(to_px(pair[0]), to_px(pair[1]), 2.0, EXPERT, None);
    }
    for pair in values.windows(2) {
        c.line(to_px(pair[0]), to_px(pair[1]), 1.4, colour, None);
    }
    c.text(right - 120.0, 16.0, 12.0, [90, 90, 90], &tr!(lang, "print-chart-max", value = top_value / 1.1));
    c.text(right - 60.0, 166.0, 12.0, [90, 90, 90], &crate::text::mmss(t_end));
    c
}
