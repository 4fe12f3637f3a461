//! The debrief: score and verdict, the breakdown, every fault with time and place, the truth
//! map (every mine and its fate over the processed ground and the path), and speed and depth
//! over time.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, EguiTextureHandle, egui};

use super::{BAD, GOOD, WARN, maps, mmss, root_ui};
use crate::clearing::{Coverage, Fate};
use crate::scoring::{Part, Sample, ScoreReport};
use crate::sim::{EndReason, Ground, Session};
use crate::trainer::{Debrief, FlowRequest, Screen, default_report_path};

#[derive(Resource)]
pub struct TruthMap {
    image: Handle<Image>,
    size: (f32, f32),
    saved: Option<String>,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Debrief), prepare_map);
    app.add_systems(EguiPrimaryContextPass, debrief_ui.run_if(in_state(Screen::Debrief)));
}

pub fn prepare_map(
    mut commands: Commands,
    debrief: Option<Res<Debrief>>,
    ground: Option<Res<Ground>>,
    session: Option<Res<Session>>,
    cov: Option<Res<Coverage>>,
    mut images: ResMut<Assets<Image>>,
) {
    let (Some(d), Some(g)) = (debrief, ground) else {
        return;
    };
    let post = session.filter(|s| s.loaded.machine.is_remote()).map(|s| s.loaded.scenario.operator_post());
    let c = maps::truth_map(&g.0, post, cov.as_deref(), &d.report, &d.samples, 620.0);
    let size = (c.w as f32, c.h as f32);
    commands.insert_resource(TruthMap { image: images.add(maps::to_image(&c)), size, saved: None });
}

/// A line chart of `series` (value per sample) with a reference line.
fn chart(
    ui: &mut egui::Ui,
    title: &str,
    samples: &[Sample],
    value: impl Fn(&Sample) -> f32,
    reference: Option<(f32, &str)>,
    unit: &str,
    colour: egui::Color32,
) {
    ui.label(egui::RichText::new(title).strong());
    let (rect, _) = ui.allocate_exact_size(egui::vec2(ui.available_width().min(620.0), 80.0), egui::Sense::hover());
    let p = ui.painter();
    p.rect_filled(rect, 3.0, egui::Color32::from_gray(28));
    if samples.len() < 2 {
        return;
    }
    let t_end = samples.last().map(|s| s.t).unwrap_or(1.0).max(1.0);
    let vmax = samples.iter().map(&value).fold(reference.map_or(0.0, |r| r.0), f32::max).max(0.1) * 1.15;
    let at = |t: f32, v: f32| egui::pos2(rect.left() + rect.width() * t / t_end, rect.bottom() - rect.height() * (v / vmax).clamp(0.0, 1.0));
    if let Some((r, label)) = reference {
        p.line_segment([at(0.0, r), at(t_end, r)], (1.0, WARN));
        p.text(at(0.0, r) + egui::vec2(4.0, -2.0), egui::Align2::LEFT_BOTTOM, label, egui::FontId::proportional(11.0), WARN);
    }
    // At most one point per pixel column: a long session still draws a few hundred segments.
    let step = (samples.len() as f32 / rect.width()).ceil().max(1.0) as usize;
    let pts: Vec<egui::Pos2> = samples.iter().step_by(step).map(|s| at(s.t, value(s))).collect();
    p.add(egui::Shape::line(pts, (1.5, colour)));
    p.text(
        rect.right_top() + egui::vec2(-4.0, 2.0),
        egui::Align2::RIGHT_TOP,
        format!("max {:.1} {unit}", vmax / 1.15),
        egui::FontId::proportional(11.0),
        egui::Color32::GRAY,
    );
    p.text(rect.right_bottom() + egui::vec2(-4.0, -2.0), egui::Align2::RIGHT_BOTTOM, mmss(t_end), egui::FontId::proportional(11.0), egui::Color32::GRAY);
}

fn part_label(key: &str) -> &str {
    [Part::Clearance, Part::Lanes, Part::SpeedDepth, Part::Safety, Part::Efficiency, Part::MachineCare]
        .into_iter()
        .find(|p| p.key() == key)
        .map(|p| p.label())
        .unwrap_or(key)
}

pub fn debrief_ui(
    mut contexts: EguiContexts,
    debrief: Option<Res<Debrief>>,
    map: Option<ResMut<TruthMap>>,
    draft: Option<Res<crate::trainer::editor::Draft>>,
    chosen: Option<Res<crate::trainer::Chosen>>,
    mut requests: MessageWriter<FlowRequest>,
) -> Result {
    let test_drive = draft.is_some_and(|d| d.test_driving);
    let boom = chosen.is_some_and(|c| c.loaded.machine.has_boom());
    let Some(debrief) = debrief else { return Ok(()) };
    let Some(mut map) = map else { return Ok(()) };
    let texture = contexts.add_image(EguiTextureHandle::Strong(map.image.clone()));
    let ctx = contexts.ctx_mut()?.clone();
    let report = &debrief.report;
    let mut root = root_ui(&ctx, "debrief");
    egui::Panel::bottom("debrief buttons").show(&mut root, |ui| {
        ui.add_space(6.0);
        ui.horizontal(|ui| buttons(ui, &debrief, &mut map, test_drive, &mut requests));
        ui.add_space(6.0);
    });
    egui::CentralPanel::default().show(&mut root, |ui| {
        ui.columns(2, |cols| {
            egui::ScrollArea::vertical().id_salt("debrief left").show(&mut cols[0], |ui| {
                verdict_and_breakdown(ui, report);
                ui.add_space(6.0);
                numbers(ui, report, boom);
                quality_control(ui, report);
                advice_and_faults(ui, report);
            });
            egui::ScrollArea::vertical().id_salt("debrief right").show(&mut cols[1], |ui| truth(ui, &debrief, &map, texture, boom));
        });
    });
    Ok(())
}

/// Retry, next, save the report, back; and where the replay and the attempt were kept.
fn buttons(ui: &mut egui::Ui, debrief: &Debrief, map: &mut TruthMap, test_drive: bool, requests: &mut MessageWriter<FlowRequest>) {
    let report = &debrief.report;
    if ui.add_sized([150.0, 32.0], egui::Button::new("↻  Retry")).clicked() {
        requests.write(FlowRequest::Retry);
    }
    if !test_drive && ui.add_sized([180.0, 32.0], egui::Button::new("Next scenario  ▶")).clicked() {
        requests.write(FlowRequest::Next);
    }
    if ui.add_sized([150.0, 32.0], egui::Button::new("Save report")).clicked() {
        let path = default_report_path(report);
        map.saved = Some(
            match serde_json::to_vec_pretty(report).map_err(|e| e.to_string()).and_then(|b| crate::write_atomic(&path, &b).map_err(|e| e.to_string())) {
                Ok(()) => format!("saved to {}", path.display()),
                Err(e) => format!("could not save {}: {e}", path.display()),
            },
        );
    }
    if ui.add_sized([150.0, 32.0], egui::Button::new(if test_drive { "Back to editor" } else { "Back to menu" })).clicked() {
        requests.write(FlowRequest::Menu);
    }
    if let Some(s) = &map.saved {
        ui.label(s);
    } else {
        match &debrief.replay {
            Some(Ok(p)) => ui.label(format!("Replay saved: {}", p.display())),
            Some(Err(e)) => ui.colored_label(BAD, e),
            None => ui.label(""),
        };
        match &debrief.attempt {
            Some(Ok(stored)) => ui.colored_label(if stored.counts() { GOOD } else { WARN }, stored.message()),
            Some(Err(e)) => ui.colored_label(BAD, format!("attempt not stored: {e}")),
            None => ui.label("(name a trainee at the menu to keep progress)"),
        };
    }
}

/// The score, the verdict, why the session ended, the clearance gate and each part's points.
fn verdict_and_breakdown(ui: &mut egui::Ui, report: &ScoreReport) {
    let (verdict, vc) = if report.passed { ("PASS", GOOD) } else { ("FAIL", BAD) };
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(format!("{:.1}", report.score)).size(44.0).strong().color(vc));
        ui.vertical(|ui| {
            ui.label(egui::RichText::new(verdict).size(24.0).strong().color(vc));
            ui.label(format!("pass mark {:.0} · {}", report.pass_mark, report.scenario));
        });
    });
    let why = match report.end_reason {
        EndReason::Finished => "You declared the work finished.",
        EndReason::TimeLimit => "The time limit ran out.",
        EndReason::MachineDisabled => "A blast disabled the machine.",
    };
    ui.label(format!("{why} Session time {}.", mmss(report.sim_seconds)));
    // The clearance gate decides before the points do.
    let gate = report.gaps_m2 > report.gap_tolerance_m2;
    ui.colored_label(if gate { BAD } else { GOOD }, report.gate_line());
    ui.add_space(6.0);
    egui::Grid::new("breakdown").num_columns(3).striped(true).show(ui, |ui| {
        ui.strong("Part");
        ui.strong("Points");
        ui.strong("Quality");
        ui.end_row();
        for (k, v) in &report.breakdown {
            let q = report.quality.get(k).copied().unwrap_or(0.0);
            ui.label(part_label(k));
            ui.label(format!("{v:.1}"));
            let c = if q >= 0.9 {
                GOOD
            } else if q >= 0.6 {
                WARN
            } else {
                BAD
            };
            ui.colored_label(c, format!("{:.0} %", q * 100.0));
            ui.end_row();
        }
    });
}

/// The session's measures, in a table.
fn numbers(ui: &mut egui::Ui, report: &ScoreReport, boom: bool) {
    egui::Grid::new("numbers").num_columns(2).striped(true).show(ui, |ui| {
        let mut row = |k: &str, v: String| {
            ui.label(k);
            ui.label(v);
            ui.end_row();
        };
        row("Area processed to depth", format!("{:.1} % (to {:.0} cm)", report.coverage_fraction * 100.0, report.required_depth_cm));
        row("Live mines left in the area", format!("{} of {}", report.mines_live_in_area, report.mines_in_area));
        row("Detonations", report.detonations.to_string());
        row("Productivity", format!("{:.0} m²/h", report.productivity_m2_per_h));
        row("Mean lane overlap", format!("{:.2} m (asked {:.2}–{:.2})", report.mean_overlap_m, report.overlap_band_m.0, report.overlap_band_m.1));
        if !boom {
            row("Lane straightness", format!("{:.2} m RMS wander", report.lane_rms_m));
        }
        row("Machine condition", format!("{:.0} %", report.machine_condition));
        if !report.tool_state.is_empty() {
            row("Tool", report.tool_state.clone());
        }
    });
}

/// The quality-control inspection and what it means for releasing the land.
fn quality_control(ui: &mut egui::Ui, report: &ScoreReport) {
    if let (Some(qc), Some(rel)) = (&report.qc, &report.release) {
        use crate::scoring::qc::Verdict;
        ui.add_space(6.0);
        ui.label(egui::RichText::new("Quality control and land release").strong().size(17.0));
        ui.colored_label(if qc.passed { GOOD } else { BAD }, format!("QC inspection {}", qc.outcome));
        for place in &rel.follow_up_where {
            ui.label(format!("  • {place}"));
        }
        let c = match rel.verdict {
            Verdict::Released => GOOD,
            Verdict::FollowUpRequired => WARN,
            Verdict::QcFailed => BAD,
        };
        ui.colored_label(c, &rel.statement);
    }
}

/// What to work on, then every fault with its time and place.
fn advice_and_faults(ui: &mut egui::Ui, report: &ScoreReport) {
    if !report.advice.is_empty() {
        ui.add_space(6.0);
        ui.label(egui::RichText::new("What to work on").strong().size(17.0));
        for a in &report.advice {
            ui.label(format!("• {a}"));
        }
    }
    ui.add_space(6.0);
    ui.label(egui::RichText::new(format!("Faults ({})", report.faults.len())).strong().size(17.0));
    if report.faults.is_empty() {
        ui.colored_label(GOOD, "None.");
    }
    for f in &report.faults {
        ui.horizontal_wrapped(|ui| {
            ui.monospace(mmss(f.t));
            ui.colored_label(WARN, f.kind.label());
            ui.label(format!("at ({:.0}, {:.0}) m: {}", f.x, f.z, f.text()));
        });
    }
}

/// The truth map with every mine's fate, and the speed and depth charts.
fn truth(ui: &mut egui::Ui, debrief: &Debrief, map: &TruthMap, texture: egui::TextureId, boom: bool) {
    let report = &debrief.report;
    ui.label(egui::RichText::new("What was really there").strong().size(17.0));
    let avail = ui.available_width();
    let k = (avail / map.size.0).min(330.0 / map.size.1).min(1.0);
    ui.image(egui::load::SizedTexture::new(texture, [map.size.0 * k, map.size.1 * k]));
    ui.horizontal_wrapped(|ui| {
        for f in Fate::ALL {
            let n = report.mines.iter().filter(|m| m.fate == f).count();
            if n == 0 {
                continue;
            }
            let c = maps::fate_colour(f);
            let (dot, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
            if f.is_live() {
                ui.painter().circle_filled(dot.center(), 6.0, egui::Color32::WHITE);
            }
            ui.painter().circle_filled(dot.center(), 4.5, egui::Color32::from_rgb(c[0], c[1], c[2]));
            ui.label(format!("{} {n}{}", f.label(), if f.is_live() { " (live)" } else { "" }));
        }
    });
    ui.label(egui::RichText::new("Tan: processed shallower than required; brown: to depth. Blue: your path. Ringed: still live.").small());
    let title = if boom { "Sweep speed (the cutter over the ground, while cutting)" } else { "Ground speed" };
    chart(ui, title, &debrief.samples, |s| s.speed_kmh.abs(), None, "km/h", egui::Color32::from_rgb(110, 170, 255));
    chart(
        ui,
        "Depth reached (set, limited by speed)",
        &debrief.samples,
        |s| s.tool_cm.min(s.capacity_cm).max(0.0),
        Some((report.required_depth_cm, "required")),
        "cm",
        egui::Color32::from_rgb(200, 150, 90),
    );
}
