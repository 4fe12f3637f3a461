//! The commands on the record: `progress`, `import`, `replay verify` and `replay score`.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use super::{CliError, DataDirArg};
use crate::operator::{DrivenBy, Origin, Provenance};
use crate::preview::short;
use crate::progress::{ClassRow, CourseMatch, Imported, Store};
use crate::replay::{Replay, ScoreRow};
use crate::scoring::FaultKind;
use crate::text::{Lang, ui_lang};
use crate::tick::TICK_HZ;
use crate::{tr, write_atomic};

#[derive(Args, Clone, Debug)]
pub struct ProgressArgs {
    #[arg(long)]
    pub trainee: Option<String>,
    /// Also write the table as CSV.
    #[arg(long)]
    pub csv: Option<PathBuf>,
    #[command(flatten)]
    pub data: DataDirArg,
}

#[derive(Args, Clone, Debug)]
pub struct ImportArgs {
    #[arg(required = true)]
    pub replays: Vec<PathBuf>,
    /// Trainee to file them under (default: the name recorded in each replay).
    #[arg(long)]
    pub trainee: Option<String>,
    #[command(flatten)]
    pub data: DataDirArg,
}

#[derive(Subcommand, Clone, Debug)]
pub enum ReplayAction {
    /// Re-simulate a replay and confirm every checksum and its final report; exits non-zero
    /// naming the first tick that differs.
    Verify { file: PathBuf },
    /// Re-score replays (files or folders of .mcreplay files) on every core into a table.
    Score {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Also write the table as CSV.
        #[arg(long)]
        csv: Option<PathBuf>,
        /// Threads to use (default: every core).
        #[arg(long)]
        jobs: Option<usize>,
    },
    /// Pin an instructor's comment to a moment (and a place) of a replay; kept in a file
    /// beside it (FILE.comments.ron), never in the replay itself.
    Comment {
        file: PathBuf,
        /// When, seconds into the session.
        #[arg(long)]
        at_s: f32,
        /// Where, metres (x then z), if the comment is about a place.
        #[arg(long, num_args = 2, value_names = ["X", "Z"])]
        place: Option<Vec<f32>>,
        /// Who writes it.
        #[arg(long, default_value = "")]
        author: String,
        /// What it says.
        text: String,
    },
    /// List the comments on a replay, in time order.
    Comments { file: PathBuf },
}

fn open_store(data: &DataDirArg) -> Result<Store, CliError> {
    Ok(Store::open(&crate::progress::data_dir(data.data_dir.as_deref()))?)
}

/// `mineclear progress`: the class table, optionally as CSV too.
pub fn progress(args: ProgressArgs) -> Result<(), CliError> {
    let lang = ui_lang();
    let store = open_store(&args.data)?;
    let rows = store.class_table(args.trainee.as_deref())?;
    println!(
        "{:<20} {:<40} {:<9} {:>6} {:>8} {:>6} {:>6} {:>5}",
        tr!(lang, "cli-progress-col-trainee"),
        tr!(lang, "cli-progress-col-scenario"),
        tr!(lang, "cli-progress-col-course"),
        tr!(lang, "cli-progress-col-best"),
        tr!(lang, "cli-progress-col-attempts"),
        tr!(lang, "cli-progress-col-passed"),
        tr!(lang, "cli-progress-col-demos"),
        tr!(lang, "cli-progress-col-exam")
    );
    for row in &rows {
        println!(
            "{:<20} {:<40} {:<9} {:>6} {:>8} {:>6} {:>6} {:>5}",
            short(&row.trainee, 20),
            short(&row.scenario, 40),
            course_column(lang, &row.course),
            row.best_score.map_or("—".to_string(), |b| lang.number(b, 1)),
            row.attempts,
            yes_no(lang, row.passed),
            row.demonstrations,
            if row.exam_passed { tr!(lang, "cli-yes") } else { String::new() }
        );
    }
    if rows.is_empty() {
        println!("{}", tr!(lang, "cli-progress-empty", path = store.path.display().to_string()));
    } else {
        println!("{}", tr!(lang, "cli-progress-legend"));
    }
    if let Some(path) = &args.csv {
        write_atomic(path, class_csv(&rows).as_bytes()).map_err(CliError::write(path, "CSV"))?;
        println!("{}", tr!(lang, "cli-csv-written", path = path.display().to_string()));
    }
    Ok(())
}

fn yes_no(lang: Lang, yes: bool) -> String {
    if yes { tr!(lang, "cli-yes") } else { tr!(lang, "cli-no") }
}

/// The class table's course column: the stored word (course, modified, other, unknown), in
/// `lang` (the legend under the table explains them).
fn course_column(lang: Lang, key: &str) -> String {
    match key {
        "course" => tr!(lang, "cli-progress-course-course"),
        "modified" => tr!(lang, "cli-progress-course-modified"),
        "other" => tr!(lang, "cli-progress-course-other"),
        "unknown" => tr!(lang, "cli-progress-course-unknown"),
        other => other.to_string(),
    }
}

/// Who drove a session, for people (as `DrivenBy::describe` says it in English).
pub(super) fn driven_by(lang: Lang, driven: DrivenBy) -> String {
    match driven {
        DrivenBy::Trainee => tr!(lang, "cli-driven-trainee"),
        DrivenBy::Autopilot => tr!(lang, "cli-driven-autopilot"),
        DrivenBy::Script => tr!(lang, "cli-driven-script"),
        DrivenBy::Mixed => tr!(lang, "cli-driven-mixed"),
        DrivenBy::Unknown => tr!(lang, "cli-driven-unknown"),
    }
}

/// What a session counts as in the course, for people (as `CourseMatch::describe` says it in English).
fn course_match(lang: Lang, course: &CourseMatch) -> String {
    match course {
        CourseMatch::Course(_) => tr!(lang, "cli-course-course"),
        CourseMatch::EarlierVersion(_) => tr!(lang, "cli-course-earlier-version"),
        CourseMatch::Modified(_) => tr!(lang, "cli-course-modified"),
        CourseMatch::Other => tr!(lang, "cli-course-other"),
        CourseMatch::Unknown => tr!(lang, "cli-course-unknown"),
    }
}

/// One line for the terminal of what `import` did with a replay (as `Imported::summary` says
/// it in English).
fn imported_line(lang: Lang, file: &Path, done: &Imported) -> String {
    let what = if !done.driven_by.counts_as_attempt() {
        tr!(lang, "cli-import-demo", trainee = &done.trainee, driven = driven_by(lang, done.driven_by))
    } else if !done.course.counts() {
        tr!(lang, "cli-import-practice", trainee = &done.trainee, course = course_match(lang, &done.course))
    } else if done.exam {
        tr!(lang, "cli-import-attempt-exam", trainee = &done.trainee)
    } else {
        tr!(lang, "cli-import-attempt", trainee = &done.trainee)
    };
    tr!(lang, "cli-import-line", file = file.display().to_string(), score = done.score, what = what)
}

/// Who drove when, for people (as `Provenance::describe` says it in English):
/// "keyboard 0–120 s, autopilot 120–300 s".
fn spans(lang: Lang, provenance: &Provenance, ticks: u64, tick_hz: f64) -> String {
    if provenance.0.is_empty() {
        return tr!(lang, "cli-spans-none");
    }
    let origin = |o: Origin| match o {
        Origin::Keyboard => tr!(lang, "cli-origin-keyboard"),
        Origin::Gamepad => tr!(lang, "cli-origin-gamepad"),
        Origin::Autopilot => tr!(lang, "cli-origin-autopilot"),
        Origin::Script => tr!(lang, "cli-origin-script"),
    };
    provenance
        .0
        .iter()
        .enumerate()
        .map(|(i, span)| {
            let end = provenance.0.get(i + 1).map_or(ticks, |next| next.from_tick);
            tr!(lang, "cli-span", origin = origin(span.origin), from_s = span.from_tick as f64 / tick_hz, to_s = end as f64 / tick_hz)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The class table as CSV; the header is a stable interface for instructors' scripts.
fn class_csv(rows: &[ClassRow]) -> String {
    let mut text = String::from("trainee,scenario,best_score,attempts,passed,course,demonstrations,exam_passed\n");
    for row in rows {
        text += &format!(
            "{},{},{},{},{},{},{},{}\n",
            csv_field(&row.trainee),
            csv_field(&row.scenario),
            row.best_score.map_or(String::new(), |b| format!("{b:.1}")),
            row.attempts,
            row.passed,
            row.course,
            row.demonstrations,
            row.exam_passed
        );
    }
    text
}

/// `mineclear import`: each replay re-simulated and stored, or its refusal printed. Exits 3
/// when the only refusals were replays from another clearing model.
pub fn import(args: ImportArgs) -> Result<(), CliError> {
    let lang = ui_lang();
    let mut store = open_store(&args.data)?;
    let (mut failed, mut other_model) = (0, 0);
    let files = crate::replay::collect_files(&args.replays);
    let bar = progress_bar(lang, files.len(), &tr!(lang, "cli-bar-importing"));
    for path in &files {
        let recorded_elsewhere = Replay::load(path).ok().and_then(|r| r.other_model(&path.display().to_string())).is_some();
        match crate::progress::import(&mut store, path, args.trainee.as_deref()) {
            Ok(done) => bar.suspend(|| println!("{}", imported_line(lang, path, &done))),
            Err(e) => {
                if recorded_elsewhere {
                    other_model += 1;
                } else {
                    failed += 1;
                }
                bar.suspend(|| eprintln!("{e}"));
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    if failed > 0 {
        Err(CliError::Some { failed: failed + other_model, of: files.len(), what: "cli-error-some-not-imported" })
    } else if other_model > 0 {
        Err(CliError::SomeOtherModel { refused: other_model, of: files.len() })
    } else {
        Ok(())
    }
}

/// `mineclear replay verify`: re-simulated, every checksum and the final report compared.
pub fn verify(file: &Path) -> Result<(), CliError> {
    let lang = ui_lang();
    let name = file.display().to_string();
    let started = std::time::Instant::now();
    let replay = Replay::load(file)?;
    if let Some(other) = replay.other_model(&name) {
        return Err(CliError::OtherModel(other));
    }
    let verified = crate::replay::verify(&replay, &name)?;
    let what = if verified.complete { tr!(lang, "cli-verify-identical") } else { tr!(lang, "cli-verify-incomplete") };
    let verdict = if verified.report.passed { tr!(lang, "cli-pass") } else { tr!(lang, "cli-fail") };
    println!(
        "{}",
        tr!(
            lang,
            "cli-verify-ok",
            name = &name,
            ticks = verified.ticks,
            seconds = verified.ticks as f64 / TICK_HZ,
            wall_s = started.elapsed().as_secs_f64(),
            checksums = verified.checksums_checked,
            what = what,
            score = verified.report.score,
            verdict = verdict
        )
    );
    if let Some(trainee) = &replay.meta.trainee {
        println!("{}", tr!(lang, "cli-verify-trainee", trainee = trainee, scenario = &verified.report.scenario));
    }
    println!(
        "{}",
        tr!(
            lang,
            "cli-verify-driver",
            driven = driven_by(lang, replay.meta.provenance.driven_by()),
            spans = spans(lang, &replay.meta.provenance, replay.meta.ticks, TICK_HZ),
            exam = replay.meta.exam as u8
        )
    );
    Ok(())
}

/// `mineclear replay score`: a table (and optionally CSV) of re-simulated scores.
pub fn score(args: &[PathBuf], csv: Option<&Path>, jobs: Option<usize>) -> Result<(), CliError> {
    let lang = ui_lang();
    let files = crate::replay::collect_files(args);
    if files.is_empty() {
        return Err(CliError::NoReplaysFound);
    }
    let jobs = jobs.unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1));
    let started = std::time::Instant::now();
    let bar = progress_bar(lang, files.len(), &tr!(lang, "cli-bar-resimulating"));
    let rows = crate::replay::score_all_reporting(&files, jobs, |_| bar.inc(1));
    bar.finish_and_clear();
    let table = score_table(&rows);
    print_score_table(lang, &rows, &table);
    println!("{}", tr!(lang, "cli-score-summary", count = rows.len(), wall_s = started.elapsed().as_secs_f64(), jobs = jobs));
    if let Some(path) = csv {
        let text: String = table.iter().map(|row| row.iter().map(|c| csv_field(c)).collect::<Vec<_>>().join(",") + "\n").collect();
        write_atomic(path, text.as_bytes()).map_err(CliError::write(path, "CSV"))?;
        println!("{}", tr!(lang, "cli-csv-written", path = path.display().to_string()));
    }
    let failed = rows.iter().filter(|r| r.result.is_err()).count();
    if failed > 0 { Err(CliError::Some { failed, of: rows.len(), what: "cli-error-some-not-rescored" }) } else { Ok(()) }
}

/// The CSV's table: a header row, then one row per replay with a column per fault kind.
fn score_table(rows: &[ScoreRow]) -> Vec<Vec<String>> {
    let kinds = FaultKind::ALL;
    let header = ["file", "trainee", "scenario", "score", "pass", "coverage", "live_mines_left", "detonations"]
        .iter()
        .map(|s| s.to_string())
        .chain(kinds.iter().map(|k| k.key()))
        .chain(["error".to_string(), "model".to_string(), "note".to_string()])
        .collect::<Vec<_>>();
    let mut table = vec![header];
    for r in rows {
        let mut row = vec![r.file.display().to_string(), r.trainee.clone().unwrap_or_default()];
        match &r.result {
            Ok(v) => {
                let report = &v.report;
                row.extend([
                    report.scenario.clone(),
                    format!("{:.1}", report.score),
                    report.passed.to_string(),
                    format!("{:.3}", report.coverage_fraction),
                    report.mines_live_in_area.to_string(),
                    report.detonations.to_string(),
                ]);
                row.extend(kinds.iter().map(|k| report.faults.iter().filter(|f| f.kind == *k).count().to_string()));
                row.push(String::new());
                row.push(report.model.to_string());
                row.push(r.rescored_from_model.map_or(String::new(), |m| format!("recorded under model {m}; re-scored under model {}", report.model)));
            }
            Err(e) => {
                row.extend(std::iter::repeat_n(String::new(), 6 + kinds.len()));
                row.push(e.problem.clone());
                row.extend([String::new(), String::new()]);
            }
        }
        table.push(row);
    }
    table
}

/// The terminal table: the main columns and faults in total. A column is as wide as its
/// heading needs in `lang`, at least as wide as in English.
fn print_score_table(lang: Lang, rows: &[ScoreRow], table: &[Vec<String>]) {
    let head = [
        "cli-score-col-file",
        "cli-score-col-trainee",
        "cli-score-col-scenario",
        "cli-score-col-score",
        "cli-score-col-pass",
        "cli-score-col-coverage",
        "cli-score-col-live",
        "cli-score-col-faults",
    ]
    .map(|id| tr!(lang, id));
    let mut w = [40, 12, 40, 6, 5, 8, 5, 6];
    for (width, heading) in w.iter_mut().zip(&head) {
        *width = (*width).max(heading.chars().count());
    }
    let [w_file, w_trainee, w_scenario, w_score, w_pass, w_coverage, w_live, w_faults] = w;
    let w_percent = w_coverage - 1;
    println!(
        "{:<w_file$} {:<w_trainee$} {:<w_scenario$} {:>w_score$} {:>w_pass$} {:>w_coverage$} {:>w_live$} {:>w_faults$}",
        head[0], head[1], head[2], head[3], head[4], head[5], head[6], head[7]
    );
    for (r, row) in rows.iter().zip(table.iter().skip(1)) {
        match &r.result {
            Ok(v) => println!(
                "{:<w_file$} {:<w_trainee$} {:<w_scenario$} {:>w_score$} {:>w_pass$} {:>w_percent$}% {:>w_live$} {:>w_faults$}",
                short(&row[0], 40),
                short(&row[1], 12),
                short(&v.report.scenario, 40),
                lang.number(v.report.score as f64, 1),
                yes_no(lang, v.report.passed),
                lang.number((v.report.coverage_fraction * 100.0) as f64, 1),
                v.report.mines_live_in_area,
                v.report.faults.len()
            ),
            Err(e) => println!("{:<w_file$} {}", short(&row[0], 40), tr!(lang, "cli-score-error", problem = &e.problem)),
        }
        if let (Some(m), Ok(v)) = (r.rescored_from_model, &r.result) {
            println!("{:<w_file$}   {}", "", tr!(lang, "cli-score-rescored", recorded = m, model = v.report.model));
        }
    }
}

/// A progress bar on the terminal for work over many files (indicatif draws nothing when
/// stderr is not a terminal, so scripts and CI logs stay clean).
fn progress_bar(lang: Lang, n: usize, what: &str) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(n as u64);
    // The sentence in `lang` around indicatif's own placeholders.
    let template = tr!(lang, "cli-progress-bar", msg = "{msg}", bar = "{bar:40}", pos = "{pos}", len = "{len}", elapsed = "{elapsed}", eta = "{eta}");
    if let Ok(style) = indicatif::ProgressStyle::with_template(&template) {
        bar.set_style(style);
    }
    bar.set_message(what.to_string());
    bar
}

/// A CSV field, quoted when it holds a comma, quote or line break.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_string() }
}

/// `mineclear replay comment`: adds a comment to the replay's sidecar (the replay must read).
pub fn comment(file: &Path, at_s: f32, place: Option<Vec<f32>>, author: String, text: String) -> Result<(), CliError> {
    use crate::replay::comments::{Comment, Comments};
    let replay = crate::replay::Replay::load(file)?;
    let end_s = replay.meta.ticks as f32 / replay.meta.tick_hz as f32;
    if !(0.0..=end_s).contains(&at_s) {
        return Err(CliError::usage("mineclear replay comment", format!("--at-s {at_s}: the session runs 0–{end_s:.0} s")));
    }
    let mut comments = Comments::load(file).map_err(|e| CliError::Comments(e.to_string()))?;
    comments.add(Comment { t_s: at_s, at: place.map(|p| (p[0], p[1])), author, text });
    comments.save(file).map_err(|e| CliError::Comments(e.to_string()))?;
    println!("{}", tr!(ui_lang(), "cli-comment-added", count = comments.comments.len(), file = crate::replay::comments::sidecar_path(file).display().to_string()));
    Ok(())
}

/// `mineclear replay comments`: the comments on a replay, one per line.
pub fn comments(file: &Path) -> Result<(), CliError> {
    let comments = crate::replay::comments::Comments::load(file).map_err(|e| CliError::Comments(e.to_string()))?;
    let lang = ui_lang();
    if comments.comments.is_empty() {
        println!("{}", tr!(lang, "cli-comments-none"));
    }
    for c in &comments.comments {
        // A decimal comma asks for a semicolon between the two numbers.
        let sep = if lang == crate::text::Lang::En { ", " } else { "; " };
        let place = c.at.map(|(x, z)| format!(" ({}{sep}{})", lang.number(x as f64, 1), lang.number(z as f64, 1))).unwrap_or_default();
        let author = if c.author.is_empty() { String::new() } else { format!(" {}:", c.author) };
        println!("{:>8}{place}{author} {}", crate::text::mmss(c.t_s), c.text);
    }
    Ok(())
}

#[derive(Args, Clone, Debug)]
pub struct ReportArgs {
    /// The replay of the attempt.
    pub file: PathBuf,
    /// Where to write the report (.html).
    #[arg(long)]
    pub out: PathBuf,
    /// Leave out the expert (the autopilot on the same field, drawn beside the trainee and
    /// compared in the advice): about twice as fast.
    #[arg(long)]
    pub no_expert: bool,
}

/// `mineclear report`: the attempt re-simulated from its replay, with the comments beside it,
/// as one printable HTML page.
pub fn report(args: ReportArgs) -> Result<(), CliError> {
    if args.out.extension().is_some_and(|e| !e.eq_ignore_ascii_case("html") && !e.eq_ignore_ascii_case("htm")) {
        return Err(CliError::usage("mineclear report", tr!(ui_lang(), "cli-report-html-only", example = "--out attempt.html")));
    }
    let name = args.file.display().to_string();
    let replay = crate::replay::Replay::load(&args.file)?;
    let comments = crate::replay::comments::Comments::load(&args.file).map_err(|e| CliError::Comments(e.to_string()))?;
    let html = if args.no_expert {
        crate::printable::attempt_html(&replay, &name, &comments, ui_lang())?
    } else {
        crate::printable::attempt_html_beside_expert(&replay, &name, &comments, ui_lang())?
    };
    write_atomic(&args.out, html.as_bytes()).map_err(CliError::write(&args.out, "report"))?;
    println!("{}", tr!(ui_lang(), "cli-report-written", path = args.out.display().to_string()));
    Ok(())
}
