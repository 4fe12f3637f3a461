//! A trainee's progress: the course as a checklist (passed, attempted, not yet), score over
//! attempts for each scenario, the faults that keep coming back, and every attempt with its
//! replay one click away.

use std::collections::BTreeMap;

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::{BAD, GOOD, WARN, root_ui};
use crate::operator::DrivenBy;
use crate::progress::CourseMatch;
use crate::scoring::FaultKind;
use crate::text::Lang;
use crate::tr;
use crate::trainer::{Catalog, FlowRequest, ProgressData, Screen};

fn fault_label(lang: Lang, key: &str) -> String {
    FaultKind::from_key(key).map(|k| k.name_in(lang)).unwrap_or_else(|| tr!(lang, "progress-fault-other"))
}

/// What the record counts an attempt as, for people (`Attempt::standing` in `lang`).
fn standing(lang: Lang, a: &crate::progress::Attempt) -> String {
    let id = match (a.driven_by, &a.course) {
        (DrivenBy::Trainee, c) if c.counts() => {
            if a.exam {
                "progress-standing-exam"
            } else {
                "progress-standing-course"
            }
        }
        (DrivenBy::Trainee, CourseMatch::Course(_)) => "progress-standing-course",
        (DrivenBy::Trainee, CourseMatch::EarlierVersion(_)) => "progress-standing-earlier-version",
        (DrivenBy::Trainee, CourseMatch::Modified(_)) => "progress-standing-modified",
        (DrivenBy::Trainee, CourseMatch::Other) => "progress-standing-other",
        (DrivenBy::Trainee, CourseMatch::Unknown) => "progress-standing-unknown",
        (DrivenBy::Autopilot, _) => "progress-driven-autopilot",
        (DrivenBy::Script, _) => "progress-driven-script",
        (DrivenBy::Mixed, _) => "progress-driven-mixed",
        (DrivenBy::Unknown, _) => "progress-driven-unknown",
    };
    tr!(lang, id)
}

fn date(unix: i64) -> String {
    let (y, m, d) = crate::text::civil_date(unix);
    let secs = unix.rem_euclid(86_400);
    format!("{y:04}-{m:02}-{d:02} {:02}:{:02}", secs / 3600, secs % 3600 / 60)
}

/// Whether attempt `a` is the trainee's own at catalog entry `e`: a course scenario's version
/// (or a listed earlier one) for a built-in, the same title for an instructor's own scenario.
fn counts_for(a: &crate::progress::Attempt, e: &crate::trainer::CatalogEntry) -> bool {
    if e.builtin { a.counts_for(&e.arg) } else { a.driven_by.counts_as_attempt() && a.scenario_title == e.title.english() && !a.course.counts() }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, progress_ui.run_if(in_state(Screen::Progress)));
}

pub fn progress_ui(mut contexts: EguiContexts, data: Option<Res<ProgressData>>, catalog: Res<Catalog>, mut req: MessageWriter<FlowRequest>) -> Result {
    let Some(d) = data else { return Ok(()) };
    let lang = crate::text::ui_lang();
    let ctx = contexts.ctx_mut()?.clone();
    let mut root = root_ui(&ctx, "progress");
    egui::Panel::top("progress head").show(&mut root, |ui| {
        ui.horizontal(|ui| {
            ui.label(egui::RichText::new(tr!(lang, "progress-title", trainee = &d.trainee)).size(24.0).strong());
            let passed = catalog.entries.iter().filter(|e| d.attempts.iter().any(|a| counts_for(a, e) && a.passed)).count();
            let own = d.attempts.iter().filter(|a| a.driven_by.counts_as_attempt()).count();
            let demos = d.attempts.len() - own;
            ui.label(tr!(
                lang,
                "progress-summary",
                own = own,
                demos = demos,
                passed = passed,
                total = catalog.entries.iter().filter(|e| e.problems.is_empty()).count()
            ));
            if ui.button(tr!(lang, "common-back-to-menu")).clicked() {
                req.write(FlowRequest::Menu);
            }
        });
    });
    egui::CentralPanel::default().show(&mut root, |ui| {
        ui.columns(2, |cols| {
            let ui = &mut cols[0];
            ui.label(egui::RichText::new(tr!(lang, "progress-course")).strong().size(17.0));
            egui::Grid::new("checklist").num_columns(3).striped(true).show(ui, |ui| {
                for e in catalog.entries.iter().filter(|e| e.problems.is_empty()) {
                    let mine: Vec<_> = d.attempts.iter().filter(|a| counts_for(a, e)).collect();
                    let best = mine.iter().map(|a| a.score).fold(f64::NAN, f64::max);
                    let (mark, c, what) = if mine.iter().any(|a| a.passed) {
                        ("✔", GOOD, tr!(lang, "progress-passed-best", best = best))
                    } else if !mine.is_empty() {
                        ("…", WARN, tr!(lang, "progress-attempted-best", count = mine.len(), best = best, pass = e.pass_mark))
                    } else {
                        ("○", egui::Color32::GRAY, tr!(lang, "progress-not-yet"))
                    };
                    ui.colored_label(c, mark);
                    ui.label(super::local_text(&e.title));
                    ui.colored_label(c, what);
                    ui.end_row();
                }
            });
            ui.add_space(8.0);
            ui.label(egui::RichText::new(tr!(lang, "progress-score-over-attempts")).strong().size(17.0));
            for e in catalog.entries.iter() {
                let scores: Vec<f64> = d.attempts.iter().filter(|a| counts_for(a, e)).map(|a| a.score).collect();
                if scores.is_empty() {
                    continue;
                }
                ui.label(egui::RichText::new(super::local_text(&e.title)).small());
                let (rect, _) = ui.allocate_exact_size(egui::vec2(ui.available_width().min(520.0), 70.0), egui::Sense::hover());
                let p = ui.painter();
                p.rect_filled(rect, 3.0, egui::Color32::from_gray(28));
                let at = |i: usize, s: f64| {
                    let x = if scores.len() == 1 { rect.center().x } else { rect.left() + 10.0 + (rect.width() - 20.0) * i as f32 / (scores.len() - 1) as f32 };
                    egui::pos2(x, rect.bottom() - 4.0 - (rect.height() - 8.0) * (s as f32 / 100.0).clamp(0.0, 1.0))
                };
                let pm = rect.bottom() - 4.0 - (rect.height() - 8.0) * e.pass_mark / 100.0;
                p.line_segment([egui::pos2(rect.left(), pm), egui::pos2(rect.right(), pm)], (1.0, WARN));
                p.add(egui::Shape::line(scores.iter().enumerate().map(|(i, s)| at(i, *s)).collect(), (2.0, egui::Color32::from_rgb(110, 170, 255))));
                for (i, s) in scores.iter().enumerate() {
                    p.circle_filled(at(i, *s), 3.5, if *s >= e.pass_mark as f64 { GOOD } else { BAD });
                }
            }

            let ui = &mut cols[1];
            ui.label(egui::RichText::new(tr!(lang, "progress-recurring-faults")).strong().size(17.0));
            let mut totals: BTreeMap<&str, i64> = BTreeMap::new();
            for a in d.attempts.iter().filter(|a| a.driven_by.counts_as_attempt()) {
                for (k, n) in &a.faults {
                    *totals.entry(k.as_str()).or_default() += n;
                }
            }
            let mut top: Vec<_> = totals.into_iter().collect();
            top.sort_by(|a, b| b.1.cmp(&a.1));
            if top.is_empty() {
                ui.colored_label(GOOD, tr!(lang, "progress-no-faults"));
            }
            for (k, n) in top.iter().take(6) {
                ui.horizontal(|ui| {
                    ui.label(egui::RichText::new(format!("{n:>4}")).monospace());
                    ui.label(fault_label(lang, k));
                });
            }
            ui.add_space(8.0);
            ui.label(egui::RichText::new(tr!(lang, "progress-attempts")).strong().size(17.0));
            egui::ScrollArea::vertical().id_salt("attempts").show(ui, |ui| {
                for a in d.attempts.iter().rev() {
                    ui.horizontal(|ui| {
                        ui.monospace(date(a.started_unix));
                        let (v, c) = if !a.counts() {
                            ("—".to_string(), egui::Color32::GRAY)
                        } else if a.passed {
                            (tr!(lang, "progress-pass"), GOOD)
                        } else {
                            (tr!(lang, "progress-fail"), BAD)
                        };
                        ui.colored_label(c, format!("{:>5} {v}", lang.number(a.score, 1)));
                        // What the record counts it as, in a word (the whole story on hover).
                        let tag = match (a.driven_by, &a.course) {
                            (DrivenBy::Trainee, c) if c.counts() => a.exam.then_some("progress-tag-exam"),
                            (DrivenBy::Trainee, CourseMatch::Modified(_)) => Some("progress-tag-modified"),
                            (DrivenBy::Trainee, CourseMatch::Other) => Some("progress-tag-own"),
                            (DrivenBy::Trainee, _) => Some("progress-tag-version-unknown"),
                            (DrivenBy::Mixed, _) => Some("progress-tag-mixed"),
                            (DrivenBy::Unknown, _) => Some("progress-tag-driver-unknown"),
                            _ => Some("progress-tag-demonstration"),
                        };
                        if let Some(tag) = tag {
                            let who = if a.provenance.is_empty() { tr!(lang, "progress-not-recorded") } else { a.provenance.clone() };
                            ui.colored_label(WARN, egui::RichText::new(tr!(lang, tag)).small())
                                .on_hover_text(tr!(lang, "progress-standing-hover", standing = standing(lang, a), who = who));
                        }
                        match &a.replay_path {
                            Some(p) if std::path::Path::new(p).exists() => {
                                if ui.small_button(tr!(lang, "progress-review")).clicked() {
                                    req.write(FlowRequest::Review(p.into()));
                                }
                            }
                            Some(p) => {
                                ui.label(egui::RichText::new(tr!(lang, "progress-replay-moved")).small()).on_hover_text(p.as_str());
                            }
                            None => {}
                        }
                        ui.label(tr!(lang, "progress-attempt-line", title = crate::scenario::builtin_title_in(&a.scenario_title, lang), faults = a.faults.values().sum::<i64>()));
                    });
                }
            });
        });
    });
    Ok(())
}
