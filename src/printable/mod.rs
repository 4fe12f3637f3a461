//! A printable report of an attempt: one self-contained HTML page (images embedded, no
//! scripts), in the trainee's language, that a browser prints or saves as PDF. It is made from
//! the replay alone, re-simulated, so it shows what the session did, not what anyone claims:
//! trainee, scenario, date, score and verdict, the breakdown, faults with advice, the truth
//! map, quality control and land release, the speed and depth charts, and the instructor's
//! comments pinned on the map.

mod charts;

use std::fmt::Write;

use base64::Engine;

use crate::preview::Canvas;
use crate::replay::comments::Comments;
use crate::replay::trace::Trace;
use crate::replay::{Replay, ReplayError};
use crate::scoring::Part;
use crate::text::Lang;
use crate::tr;

/// The report of `replay` (read from `file`) with its `comments`, in `lang`.
pub fn attempt_html(replay: &Replay, file: &str, comments: &Comments, lang: Lang) -> Result<String, ReplayError> {
    let trace = crate::replay::trace::trace(replay, file)?;
    Ok(page(&trace, None, replay, comments, lang))
}

/// As `attempt_html`, with the expert beside the trainee: the autopilot's session on the same
/// field in orange under the trainee's lines on the map and the charts, and where the two parted most among the advice.
/// The expert is re-simulated too, so this takes about twice as long.
pub fn attempt_html_beside_expert(replay: &Replay, file: &str, comments: &Comments, lang: Lang) -> Result<String, ReplayError> {
    let trace = crate::replay::trace::trace(replay, file)?;
    let expert = crate::replay::trace::expert(replay, file)?;
    let loaded = replay.loaded(file)?;
    let frame = crate::lanes::LaneFrame::new(&loaded.scenario, &loaded.machine);
    let parted = crate::replay::expert::parted_most(&trace, &expert, &frame);
    Ok(page(&trace, Some((&expert, parted)), replay, comments, lang))
}

/// The expert's trace and where the trainee parted most from it.
type Beside<'a> = Option<(&'a Trace, Option<crate::replay::expert::Parting>)>;

fn page(trace: &Trace, beside: Beside<'_>, replay: &Replay, comments: &Comments, lang: Lang) -> String {
    let expert = beside.as_ref().map(|b| b.0);
    let r = &trace.report;
    let mut h = String::new();
    let title = crate::scenario::builtin_title_in(&r.scenario, lang);
    let trainee = replay.meta.trainee.clone().unwrap_or_else(|| tr!(lang, "print-no-trainee"));
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title><style>{STYLE}</style></head><body>\n",
        lang.code(),
        esc(&tr!(lang, "print-title", trainee = trainee.as_str(), scenario = title.as_str()))
    );
    let _ = write!(h, "<h1>{}</h1>\n", esc(&title));
    let verdict = tr!(lang, if r.passed { "debrief-pass" } else { "debrief-fail" });
    let _ = write!(
        h,
        "<p class=\"meta\">{}</p>\n<p class=\"score {}\"><b>{}</b> {}</p>\n",
        esc(&tr!(
            lang,
            "print-meta",
            trainee = trainee.as_str(),
            machine = crate::scenario::builtin_machine_in(&r.machine, lang),
            date = date(replay.meta.recorded_unix_s),
            seed = r.seed.to_string(),
            driven = crate::text::word(lang, "debrief-driven", replay.meta.provenance.driven_by().key())
        )),
        if r.passed { "pass" } else { "fail" },
        esc(&tr!(lang, "debrief-score", score = r.score)),
        esc(&format!("{verdict} · {}", tr!(lang, "print-pass-mark", mark = r.pass_mark)))
    );
    let _ = write!(h, "<p class=\"meta\">{}</p>\n", esc(&tr!(lang, if trace.checks_ok { "print-verified" } else { "print-not-verified" })));
    breakdown(&mut h, trace, lang);
    let _ = write!(h, "<h2>{}</h2>\n<img class=\"map\" src=\"{}\" alt=\"\">\n", esc(&tr!(lang, "print-map")), png_data(&charts::truth_map(trace, expert, comments)));
    let _ = write!(h, "<p class=\"small\">{}</p>\n", esc(&tr!(lang, "print-legend")));
    if expert.is_some() {
        let _ = write!(h, "<p class=\"small\">{}</p>\n", esc(&tr!(lang, "print-expert-legend")));
    }
    h.push_str("<p class=\"small\">");
    for fate in crate::clearing::Fate::ALL {
        let n = trace.mines.iter().filter(|m| m.fate == fate).count();
        if n > 0 {
            let [red, green, blue] = crate::ui::maps::fate_colour(fate);
            let _ = write!(h, "<span style=\"color:rgb({red},{green},{blue})\">●</span> {} {n} &nbsp; ", esc(&fate.name_in(lang)));
        }
    }
    h.push_str("</p>\n");
    let _ = write!(
        h,
        "<h2>{}</h2>\n<img class=\"chart\" src=\"{}\" alt=\"\">\n<img class=\"chart\" src=\"{}\" alt=\"\">\n",
        esc(&tr!(lang, "print-charts")),
        png_data(&charts::speed(trace, expert, lang)),
        png_data(&charts::depth(trace, expert, lang))
    );
    quality_control(&mut h, trace, lang);
    faults_and_advice(&mut h, trace, beside.as_ref().map(|b| b.1.as_ref()), lang);
    comment_list(&mut h, comments, lang);
    h.push_str("</body></html>\n");
    h
}

const STYLE: &str = "body{font-family:sans-serif;max-width:52em;margin:2em auto;color:#222}h1{margin-bottom:0.2em}\
h2{border-bottom:1px solid #999;margin-top:1.4em}.meta{color:#555}.score{font-size:1.6em}.pass b{color:#197a2c}.fail b{color:#b3261e}\
table{border-collapse:collapse;margin-bottom:1em}td,th{padding:2px 10px;text-align:left;border-bottom:1px solid #ddd}td.n{text-align:right}\
img.map{max-width:100%;border:1px solid #aaa}img.chart{max-width:100%;display:block;margin:0.4em 0}.small{font-size:0.85em;color:#555}\
li{margin:0.3em 0}@media print{h2{page-break-after:avoid}img{page-break-inside:avoid}}";

/// The score's parts and the session's measures.
fn breakdown(h: &mut String, trace: &Trace, lang: Lang) {
    let r = &trace.report;
    let _ = write!(
        h,
        "<h2>{}</h2>\n<table><tr><th>{}</th><th>{}</th><th>{}</th></tr>\n",
        esc(&tr!(lang, "print-breakdown")),
        esc(&tr!(lang, "debrief-col-part")),
        esc(&tr!(lang, "debrief-col-points")),
        esc(&tr!(lang, "debrief-col-quality"))
    );
    for p in Part::ALL {
        let points = r.breakdown.get(p.key()).copied().unwrap_or(0.0);
        let quality = r.quality.get(p.key()).copied().unwrap_or(0.0) * 100.0;
        let _ = write!(h, "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{} %</td></tr>\n", esc(&p.name_in(lang)), lang.number(points as f64, 1), lang.number(quality as f64, 0));
    }
    h.push_str("</table>\n<table>\n");
    let rows = [
        (tr!(lang, "debrief-row-coverage"), tr!(lang, "debrief-val-coverage", pct = r.coverage_fraction * 100.0, depth_cm = r.required_depth_cm)),
        (tr!(lang, "debrief-row-live-mines"), tr!(lang, "debrief-val-live-mines", live = r.mines_live_in_area, total = r.mines_in_area)),
        (tr!(lang, "debrief-row-detonations"), r.detonations.to_string()),
        (tr!(lang, "debrief-row-productivity"), tr!(lang, "debrief-val-productivity", rate = r.productivity_m2_per_h)),
        (tr!(lang, "debrief-row-overlap"), tr!(lang, "debrief-val-overlap", overlap_m = r.mean_overlap_m, lo_m = r.overlap_band_m.0, hi_m = r.overlap_band_m.1)),
        (tr!(lang, "debrief-row-condition"), tr!(lang, "debrief-percent", pct = r.machine_condition)),
        (tr!(lang, "debrief-row-tool"), r.tool_state_in(lang)),
    ];
    for (k, v) in rows {
        let _ = write!(h, "<tr><td>{}</td><td>{}</td></tr>\n", esc(&k), esc(&v));
    }
    h.push_str("</table>\n");
}

fn quality_control(h: &mut String, trace: &Trace, lang: Lang) {
    let r = &trace.report;
    let (Some(qc), Some(rel)) = (&r.qc, &r.release) else { return };
    let text = |m: &crate::text::Message, english: &str| if m.id.is_empty() { english.to_string() } else { m.in_lang(lang) };
    let _ = write!(
        h,
        "<h2>{}</h2>\n<p>{}</p>\n<p>{}</p>\n",
        esc(&tr!(lang, "debrief-qc-title")),
        esc(&tr!(lang, "debrief-qc-inspection", outcome = text(&qc.finding, &qc.outcome))),
        esc(&text(&rel.statement_message, &rel.statement))
    );
}

/// The faults, then the advice (with where the trainee parted most from the expert, when the
/// expert was asked for).
fn faults_and_advice(h: &mut String, trace: &Trace, parted: Option<Option<&crate::replay::expert::Parting>>, lang: Lang) {
    let r = &trace.report;
    let _ = write!(h, "<h2>{}</h2>\n", esc(&tr!(lang, "print-faults", count = r.faults.len())));
    if r.faults.is_empty() {
        let _ = write!(h, "<p>{}</p>\n", esc(&tr!(lang, "print-no-faults")));
    } else {
        h.push_str("<table>\n");
        for f in &r.faults {
            let detail = if f.message.id.is_empty() { f.detail.clone() } else { f.message.in_lang(lang) };
            let _ = write!(h, "<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", crate::text::mmss(f.t), esc(&f.kind.name_in(lang)), esc(&detail));
        }
        h.push_str("</table>\n");
    }
    let _ = write!(h, "<h2>{}</h2>\n<ul>\n", esc(&tr!(lang, "print-advice")));
    let mut advice: Vec<String> = if r.advice_messages.is_empty() { r.advice.clone() } else { r.advice_messages.iter().map(|m| m.in_lang(lang)).collect() };
    match parted {
        Some(Some(p)) => advice.push(tr!(lang, "review-expert-parted", where_ = p.message().in_lang(lang))),
        Some(None) => advice.push(tr!(lang, "review-expert-same")),
        None => {}
    }
    for a in advice {
        let _ = write!(h, "<li>{}</li>\n", esc(&a));
    }
    h.push_str("</ul>\n");
}

fn comment_list(h: &mut String, comments: &Comments, lang: Lang) {
    let _ = write!(h, "<h2>{}</h2>\n", esc(&tr!(lang, "print-comments")));
    if comments.comments.is_empty() {
        let _ = write!(h, "<p>{}</p>\n", esc(&tr!(lang, "print-no-comments")));
        return;
    }
    h.push_str("<ol>\n");
    for c in &comments.comments {
        let author = if c.author.is_empty() { String::new() } else { format!(" <b>{}</b>:", esc(&c.author)) };
        let _ = write!(h, "<li>{}{author} {}</li>\n", crate::text::mmss(c.t_s), esc(&c.text));
    }
    h.push_str("</ol>\n");
}

/// A canvas as an embedded PNG.
fn png_data(c: &Canvas) -> String {
    format!("data:image/png;base64,{}", base64::engine::general_purpose::STANDARD.encode(c.png()))
}

/// Text safe inside HTML.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// YYYY-MM-DD (UTC) of a Unix time.
fn date(unix_s: u64) -> String {
    let (y, m, d) = crate::text::civil_date(unix_s as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates_and_escaping() {
        assert_eq!(super::date(0), "1970-01-01");
        assert_eq!(super::date(1_796_174_755), "2026-12-02");
        assert_eq!(super::date(951_782_400), "2000-02-29");
        assert_eq!(super::esc("<b>\"A&B\"</b>"), "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;");
    }
}
