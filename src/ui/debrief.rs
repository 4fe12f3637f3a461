//! The debrief: score and verdict, the breakdown, every fault with time and place, the truth
//! map (every mine and its fate over the processed ground and the path), and speed and depth
//! over time.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, EguiTextureHandle, egui};

use super::{BAD, GOOD, WARN, maps, mmss, root_ui};
use crate::clearing::{Coverage, Fate};
use crate::scoring::{Fault, Part, Sample, ScoreReport};
use crate::sim::{EndReason, Ground, Session};
use crate::text::{Lang, Message};
use crate::trainer::{Debrief, FlowRequest, Screen, default_report_path};

#[derive(Resource)]
pub struct TruthMap {
    image: Handle<Image>,
    size: (f32, f32),
    saved: Option<String>,
    /// The expert's session on the same field, run when the trainee asks to compare.
    expert: Option<ExpertBeside>,
    /// The expert has come and the map is still drawn without it.
    redraw: bool,
}

/// The autopilot's once-a-second samples on the same field, and where the trainee parted most
/// from it.
struct ExpertBeside {
    samples: Vec<Sample>,
    parted: Option<crate::replay::expert::Parting>,
}

impl ExpertBeside {
    /// Runs the expert on the chosen scenario and field (a few seconds), unless the ghost has
    /// run it already.
    fn run(chosen: &crate::trainer::Chosen, trainee: &[Sample], ghost: Option<&crate::view::ghost::Ghost>) -> ExpertBeside {
        let ran = ghost.and_then(|g| g.run.clone()).filter(|r| r.origin == chosen.loaded.origin && r.seed == chosen.seed);
        let samples = match ran {
            Some(run) => run.samples.clone(),
            None => crate::replay::expert::ExpertRun::run(chosen.loaded.clone(), chosen.seed).samples,
        };
        let frame = crate::lanes::LaneFrame::new(&chosen.loaded.scenario, &chosen.loaded.machine);
        let parted = crate::replay::expert::parted_most_in_samples(trainee, &samples, &frame);
        ExpertBeside { samples, parted }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Debrief), prepare_map);
    app.add_systems(Update, redraw_map_with_expert.run_if(in_state(Screen::Debrief)));
    app.add_systems(EguiPrimaryContextPass, debrief_ui.run_if(in_state(Screen::Debrief)));
}

/// Draws the truth map; a trainee who drove with the expert's ghost sees the expert beside
/// them at once.
#[allow(clippy::too_many_arguments)]
pub fn prepare_map(
    mut commands: Commands,
    debrief: Option<Res<Debrief>>,
    ground: Option<Res<Ground>>,
    session: Option<Res<Session>>,
    cov: Option<Res<Coverage>>,
    chosen: Option<Res<crate::trainer::Chosen>>,
    ghost: Option<Res<crate::view::ghost::Ghost>>,
    mut images: ResMut<Assets<Image>>,
) {
    let (Some(d), Some(g)) = (debrief, ground) else {
        return;
    };
    let expert = chosen.filter(|_| ghost.as_ref().is_some_and(|g| g.on)).map(|c| ExpertBeside::run(&c, &d.samples, ghost.as_deref()));
    let post = session.filter(|s| s.loaded.machine.is_remote()).map(|s| s.loaded.scenario.operator_post());
    let c = maps::truth_map(&g.0, post, cov.as_deref(), &d.report, &d.samples, expert.as_ref().map(|e| e.samples.as_slice()), 620.0);
    let size = (c.w as f32, c.h as f32);
    commands.insert_resource(TruthMap { image: images.add(maps::to_image(&c)), size, saved: None, expert, redraw: false });
}

/// Once the expert has run, the map again with the expert's path under the trainee's.
fn redraw_map_with_expert(
    map: Option<ResMut<TruthMap>>,
    debrief: Option<Res<Debrief>>,
    ground: Option<Res<Ground>>,
    session: Option<Res<Session>>,
    cov: Option<Res<Coverage>>,
    mut images: ResMut<Assets<Image>>,
) {
    let (Some(mut map), Some(d), Some(g)) = (map, debrief, ground) else {
        return;
    };
    if !map.redraw {
        return;
    }
    map.redraw = false;
    let post = session.filter(|s| s.loaded.machine.is_remote()).map(|s| s.loaded.scenario.operator_post());
    let expert = map.expert.as_ref().map(|e| e.samples.as_slice());
    let c = maps::truth_map(&g.0, post, cov.as_deref(), &d.report, &d.samples, expert, 620.0);
    map.image = images.add(maps::to_image(&c));
}

/// A line chart of `series` (value per sample) with a reference line.
fn chart(
    ui: &mut egui::Ui,
    title: &str,
    samples: &[Sample],
    expert: Option<&[Sample]>,
    value: impl Fn(&Sample) -> f32,
    reference: Option<(f32, &str)>,
    unit: &str,
    colour: egui::Color32,
) {
    let lang = crate::text::ui_lang();
    ui.label(egui::RichText::new(title).strong());
    let (rect, _) = ui.allocate_exact_size(egui::vec2(ui.available_width().min(620.0), 80.0), egui::Sense::hover());
    let p = ui.painter();
    p.rect_filled(rect, 3.0, egui::Color32::from_gray(28));
    if samples.len() < 2 {
        return;
    }
    let t_end = samples.last().map(|s| s.t).unwrap_or(1.0).max(1.0);
    let t_end = expert.and_then(|e| e.last()).map_or(t_end, |s| s.t.max(t_end));
    let vmax = samples.iter().chain(expert.unwrap_or(&[])).map(&value).fold(reference.map_or(0.0, |r| r.0), f32::max).max(0.1) * 1.15;
    let at = |t: f32, v: f32| egui::pos2(rect.left() + rect.width() * t / t_end, rect.bottom() - rect.height() * (v / vmax).clamp(0.0, 1.0));
    if let Some((r, label)) = reference {
        p.line_segment([at(0.0, r), at(t_end, r)], (1.0, WARN));
        p.text(at(0.0, r) + egui::vec2(4.0, -2.0), egui::Align2::LEFT_BOTTOM, label, egui::FontId::proportional(11.0), WARN);
    }
    // At most one point per pixel column: a long session still draws a few hundred segments.
    let step = (samples.len() as f32 / rect.width()).ceil().max(1.0) as usize;
    if let Some(expert) = expert {
        // The expert's line underneath, faint and dashed.
        let step = (expert.len() as f32 / rect.width()).ceil().max(1.0) as usize;
        let pts: Vec<egui::Pos2> = expert.iter().step_by(step).map(|s| at(s.t, value(s))).collect();
        p.extend(egui::Shape::dashed_line(&pts, (1.2, egui::Color32::from_rgba_unmultiplied(230, 230, 230, 120)), 5.0, 3.0));
    }
    let pts: Vec<egui::Pos2> = samples.iter().step_by(step).map(|s| at(s.t, value(s))).collect();
    p.add(egui::Shape::line(pts, (1.5, colour)));
    p.text(
        rect.right_top() + egui::vec2(-4.0, 2.0),
        egui::Align2::RIGHT_TOP,
        crate::tr!(lang, "debrief-chart-max", value = vmax / 1.15, unit = unit),
        egui::FontId::proportional(11.0),
        egui::Color32::GRAY,
    );
    p.text(rect.right_bottom() + egui::vec2(-4.0, -2.0), egui::Align2::RIGHT_BOTTOM, mmss(t_end), egui::FontId::proportional(11.0), egui::Color32::GRAY);
}

fn part_label(lang: Lang, key: &str) -> String {
    Part::ALL.into_iter().find(|p| p.key() == key).map(|p| p.name_in(lang)).unwrap_or_else(|| key.to_string())
}

/// What a fault says in `lang`: its message, or the stored English of a report from before
/// messages were kept.
pub(super) fn fault_text(f: &Fault, lang: Lang) -> String {
    if f.message.id.is_empty() { f.detail.clone() } else { f.message.in_lang(lang) }
}

/// A message in `lang`, or the English text stored beside it when a report predates messages.
fn message_or(m: &Message, english: &str, lang: Lang) -> String {
    if m.id.is_empty() { english.to_string() } else { m.in_lang(lang) }
}

/// What the scenario chosen at the menu knows that the report keeps only in English: the
/// scenario's title in the trainee's language.
struct Known<'a> {
    title: Option<&'a crate::text::LocalText>,
}

pub fn debrief_ui(
    mut contexts: EguiContexts,
    debrief: Option<Res<Debrief>>,
    map: Option<ResMut<TruthMap>>,
    draft: Option<Res<crate::trainer::editor::Draft>>,
    chosen: Option<Res<crate::trainer::Chosen>>,
    taken: Option<Res<crate::trainer::TakenOver>>,
    ghost: Option<Res<crate::view::ghost::Ghost>>,
    mut requests: MessageWriter<FlowRequest>,
) -> Result {
    let test_drive = draft.is_some_and(|d| d.test_driving);
    let chosen = chosen.as_deref();
    let boom = chosen.is_some_and(|c| c.loaded.machine.has_boom());
    let Some(debrief) = debrief else { return Ok(()) };
    let Some(mut map) = map else { return Ok(()) };
    let texture = contexts.add_image(EguiTextureHandle::Strong(map.image.clone()));
    let ctx = contexts.ctx_mut()?.clone();
    let report = &debrief.report;
    // The chosen scenario, when it is the one the report is about.
    let known = Known {
        title: chosen.map(|c| &c.loaded.scenario.title).filter(|t| t.english() == report.scenario),
    };
    let mut root = root_ui(&ctx, "debrief");
    egui::Panel::bottom("debrief buttons").show(&mut root, |ui| {
        ui.add_space(6.0);
        ui.horizontal(|ui| buttons(ui, &debrief, &mut map, test_drive, &mut requests));
        ui.add_space(6.0);
    });
    egui::CentralPanel::default().show(&mut root, |ui| {
        ui.columns(2, |cols| {
            egui::ScrollArea::vertical().id_salt("debrief left").show(&mut cols[0], |ui| {
                super::clear_of_scroll_bar(ui);
                verdict_and_breakdown(ui, report, &known);
                if let Some(taken) = taken.as_deref() {
                    against_the_original(ui, taken, report);
                }
                ui.add_space(6.0);
                numbers(ui, report, boom);
                quality_control(ui, report);
                advice_and_faults(ui, report);
            });
            egui::ScrollArea::vertical().id_salt("debrief right").show(&mut cols[1], |ui| {
                super::clear_of_scroll_bar(ui);
                truth(ui, &debrief, &mut map, texture, boom, chosen, ghost.as_deref())
            });
        });
    });
    Ok(())
}

/// Retry, next, save the report, back; and where the replay and the attempt were kept.
fn buttons(ui: &mut egui::Ui, debrief: &Debrief, map: &mut TruthMap, test_drive: bool, requests: &mut MessageWriter<FlowRequest>) {
    let lang = crate::text::ui_lang();
    let report = &debrief.report;
    if ui.add_sized([150.0, 32.0], egui::Button::new(crate::tr!(lang, "debrief-retry"))).clicked() {
        requests.write(FlowRequest::Retry);
    }
    if !test_drive && ui.add_sized([180.0, 32.0], egui::Button::new(crate::tr!(lang, "debrief-next"))).clicked() {
        requests.write(FlowRequest::Next);
    }
    if ui.add_sized([150.0, 32.0], egui::Button::new(crate::tr!(lang, "debrief-save-report"))).clicked() {
        let path = default_report_path(report);
        let shown = path.display().to_string();
        map.saved = Some(
            match serde_json::to_vec_pretty(report).map_err(|e| e.to_string()).and_then(|b| crate::write_atomic(&path, &b).map_err(|e| e.to_string())) {
                Ok(()) => crate::tr!(lang, "debrief-saved-to", path = &shown),
                Err(e) => crate::tr!(lang, "debrief-save-failed", path = &shown, error = e),
            },
        );
    }
    let back = if test_drive { crate::tr!(lang, "debrief-back-editor") } else { crate::tr!(lang, "debrief-back-menu") };
    if ui.add_sized([150.0, 32.0], egui::Button::new(back)).clicked() {
        requests.write(FlowRequest::Menu);
    }
    if let Some(s) = &map.saved {
        ui.label(s);
    } else {
        match &debrief.replay {
            Some(Ok(p)) => ui.label(crate::tr!(lang, "debrief-replay-saved", path = p.display().to_string())),
            Some(Err(e)) => ui.colored_label(BAD, e),
            None => ui.label(""),
        };
        match &debrief.attempt {
            Some(Ok(stored)) => ui.colored_label(if stored.counts() { GOOD } else { WARN }, stored.message_in(lang)),
            Some(Err(e)) => ui.colored_label(BAD, crate::tr!(lang, "debrief-attempt-not-stored", error = e)),
            None => ui.label(crate::tr!(lang, "debrief-no-trainee")),
        };
    }
}


/// The score, the verdict, why the session ended, the clearance gate and each part's points.
fn verdict_and_breakdown(ui: &mut egui::Ui, report: &ScoreReport, known: &Known<'_>) {
    let lang = crate::text::ui_lang();
    let (verdict, vc) = if report.passed { (crate::tr!(lang, "debrief-pass"), GOOD) } else { (crate::tr!(lang, "debrief-fail"), BAD) };
    let scenario = known.title.map_or_else(|| crate::scenario::builtin_title_in(&report.scenario, lang), super::local_text);
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(crate::tr!(lang, "debrief-score", score = report.score)).size(44.0).strong().color(vc));
        ui.vertical(|ui| {
            ui.label(egui::RichText::new(verdict).size(24.0).strong().color(vc));
            ui.label(crate::tr!(lang, "debrief-pass-mark", mark = report.pass_mark, scenario = scenario));
        });
    });
    let time = mmss(report.sim_seconds);
    let why = match report.end_reason {
        EndReason::Finished => crate::tr!(lang, "debrief-ended-finished", time = &time),
        EndReason::TimeLimit => crate::tr!(lang, "debrief-ended-time-limit", time = &time),
        EndReason::MachineDisabled => crate::tr!(lang, "debrief-ended-disabled", time = &time),
    };
    ui.label(why);
    // The clearance gate decides before the points do.
    let gate = report.gaps_m2 > report.gap_tolerance_m2;
    ui.colored_label(if gate { BAD } else { GOOD }, report.gate_line(lang));
    ui.add_space(6.0);
    egui::Grid::new("breakdown").num_columns(3).striped(true).show(ui, |ui| {
        ui.strong(crate::tr!(lang, "debrief-col-part"));
        ui.strong(crate::tr!(lang, "debrief-col-points"));
        ui.strong(crate::tr!(lang, "debrief-col-quality"));
        ui.end_row();
        for (k, v) in &report.breakdown {
            let q = report.quality.get(k).copied().unwrap_or(0.0);
            ui.label(part_label(lang, k));
            ui.label(crate::tr!(lang, "debrief-points", points = *v));
            let c = if q >= 0.9 {
                GOOD
            } else if q >= 0.6 {
                WARN
            } else {
                BAD
            };
            ui.colored_label(c, crate::tr!(lang, "debrief-percent", pct = q * 100.0));
            ui.end_row();
        }
    });
}

/// The session's measures, in a table.
fn numbers(ui: &mut egui::Ui, report: &ScoreReport, boom: bool) {
    let lang = crate::text::ui_lang();
    egui::Grid::new("numbers").num_columns(2).striped(true).show(ui, |ui| {
        let mut row = |k: &str, v: String| {
            ui.label(crate::tr!(lang, k));
            ui.label(v);
            ui.end_row();
        };
        row(
            "debrief-row-coverage",
            crate::tr!(lang, "debrief-val-coverage", pct = report.coverage_fraction * 100.0, depth_cm = report.required_depth_cm),
        );
        row("debrief-row-live-mines", crate::tr!(lang, "debrief-val-live-mines", live = report.mines_live_in_area, total = report.mines_in_area));
        row("debrief-row-detonations", report.detonations.to_string());
        row("debrief-row-productivity", crate::tr!(lang, "debrief-val-productivity", rate = report.productivity_m2_per_h));
        row(
            "debrief-row-overlap",
            crate::tr!(lang, "debrief-val-overlap", overlap_m = report.mean_overlap_m, lo_m = report.overlap_band_m.0, hi_m = report.overlap_band_m.1),
        );
        if !boom {
            row("debrief-row-straightness", crate::tr!(lang, "debrief-val-straightness", rms_m = report.lane_rms_m));
        }
        row("debrief-row-condition", crate::tr!(lang, "debrief-percent", pct = report.machine_condition));
        if !report.tool_state.is_empty() {
            row("debrief-row-tool", report.tool_state_in(lang));
        }
    });
}

/// The quality-control inspection and what it means for releasing the land.
fn quality_control(ui: &mut egui::Ui, report: &ScoreReport) {
    if let (Some(qc), Some(rel)) = (&report.qc, &report.release) {
        use crate::scoring::qc::Verdict;
        let lang = crate::text::ui_lang();
        ui.add_space(6.0);
        ui.label(egui::RichText::new(crate::tr!(lang, "debrief-qc-title")).strong().size(17.0));
        let outcome = message_or(&qc.finding, &qc.outcome, lang);
        ui.colored_label(if qc.passed { GOOD } else { BAD }, crate::tr!(lang, "debrief-qc-inspection", outcome = outcome));
        // The places as data (a report read back from a replay has only their English).
        if rel.follow_up_places.len() == rel.follow_up_where.len() {
            for place in &rel.follow_up_places {
                ui.label(format!("  • {}", place.in_lang(lang)));
            }
        } else {
            for place in &rel.follow_up_where {
                ui.label(format!("  • {place}"));
            }
        }
        let c = match rel.verdict {
            Verdict::Released => GOOD,
            Verdict::FollowUpRequired => WARN,
            Verdict::QcFailed => BAD,
        };
        ui.colored_label(c, message_or(&rel.statement_message, &rel.statement, lang));
    }
}

/// What to work on, then every fault with its time and place.
fn advice_and_faults(ui: &mut egui::Ui, report: &ScoreReport) {
    let lang = crate::text::ui_lang();
    let advice: Vec<String> = if report.advice_messages.is_empty() {
        report.advice.clone()
    } else {
        report.advice_messages.iter().map(|m| m.in_lang(lang)).collect()
    };
    if !advice.is_empty() {
        ui.add_space(6.0);
        ui.label(egui::RichText::new(crate::tr!(lang, "debrief-advice-title")).strong().size(17.0));
        for a in &advice {
            ui.label(format!("• {a}"));
        }
    }
    ui.add_space(6.0);
    ui.label(egui::RichText::new(crate::tr!(lang, "debrief-faults-title", count = report.faults.len())).strong().size(17.0));
    if report.faults.is_empty() {
        ui.colored_label(GOOD, crate::tr!(lang, "debrief-no-faults"));
    }
    for f in &report.faults {
        ui.horizontal_wrapped(|ui| {
            ui.monospace(mmss(f.t));
            ui.colored_label(WARN, f.kind.name_in(lang));
            ui.label(crate::tr!(lang, "debrief-fault-at", x = f.x, z = f.z, text = fault_text(f, lang)));
        });
    }
}

/// The truth map with every mine's fate, and the speed and depth charts.
#[allow(clippy::too_many_arguments)]
fn truth(ui: &mut egui::Ui, debrief: &Debrief, map: &mut TruthMap, texture: egui::TextureId, boom: bool, chosen: Option<&crate::trainer::Chosen>, ghost: Option<&crate::view::ghost::Ghost>) {
    let lang = crate::text::ui_lang();
    let report = &debrief.report;
    ui.label(egui::RichText::new(crate::tr!(lang, "debrief-truth-title")).strong().size(17.0));
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
            let id = if f.is_live() { "debrief-fate-count-live" } else { "debrief-fate-count" };
            ui.label(crate::tr!(lang, id, fate = f.name_in(lang), count = n));
        }
    });
    ui.label(egui::RichText::new(crate::tr!(lang, "debrief-map-legend")).small());
    let title = if boom { crate::tr!(lang, "debrief-chart-sweep-speed") } else { crate::tr!(lang, "debrief-chart-ground-speed") };
    let kmh = crate::tr!(lang, "debrief-unit-kmh");
    let expert = map.expert.as_ref().map(|e| e.samples.as_slice());
    chart(ui, &title, &debrief.samples, expert, |s| s.speed_kmh.abs(), None, &kmh, egui::Color32::from_rgb(110, 170, 255));
    let required = crate::tr!(lang, "debrief-chart-required");
    let cm = crate::tr!(lang, "debrief-unit-cm");
    chart(
        ui,
        &crate::tr!(lang, "debrief-chart-depth"),
        &debrief.samples,
        expert,
        |s| s.tool_cm.min(s.capacity_cm).max(0.0),
        Some((report.required_depth_cm, required.as_str())),
        &cm,
        egui::Color32::from_rgb(200, 150, 90),
    );
    expert_beside(ui, debrief, map, chosen, ghost);
}

/// A session taken over from a replay, against the original from that moment on.
fn against_the_original(ui: &mut egui::Ui, taken: &crate::trainer::TakenOver, report: &ScoreReport) {
    let lang = crate::text::ui_lang();
    let Some(original) = &taken.original else { return };
    let comparison = crate::replay::resume::Comparison::new(taken.from_s, original, report);
    egui::Frame::new().fill(egui::Color32::from_rgb(30, 40, 55)).corner_radius(6.0).inner_margin(8.0).show(ui, |ui| {
        ui.label(egui::RichText::new(comparison.table(lang)).monospace());
    });
}

/// "Compare with the expert": the autopilot on the same field, its lines dashed under the
/// trainee's in the charts, and where the two parted most.
fn expert_beside(ui: &mut egui::Ui, debrief: &Debrief, map: &mut TruthMap, chosen: Option<&crate::trainer::Chosen>, ghost: Option<&crate::view::ghost::Ghost>) {
    let lang = crate::text::ui_lang();
    match (&map.expert, chosen) {
        (None, Some(chosen)) => {
            if ui.button(crate::tr!(lang, "debrief-compare-expert")).on_hover_text(crate::tr!(lang, "debrief-compare-expert-tip")).clicked() {
                map.expert = Some(ExpertBeside::run(chosen, &debrief.samples, ghost));
                map.redraw = true;
            }
        }
        (Some(expert), _) => {
            ui.label(egui::RichText::new(crate::tr!(lang, "debrief-expert-dashed")).small());
            let text = expert.parted.as_ref().map_or_else(|| crate::tr!(lang, "review-expert-same"), |p| crate::tr!(lang, "review-expert-parted", where_ = p.message().in_lang(lang)));
            ui.label(text);
        }
        (None, None) => {}
    }
}
