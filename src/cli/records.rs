//! The commands on the record: `progress`, `import`, `replay verify` and `replay score`.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use super::{CliError, DataDirArg};
use crate::preview::short;
use crate::progress::{ClassRow, Store};
use crate::replay::{Replay, ScoreRow};
use crate::scoring::FaultKind;
use crate::tick::TICK_HZ;
use crate::write_atomic;

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
}

fn open_store(data: &DataDirArg) -> Result<Store, CliError> {
    Ok(Store::open(&crate::progress::data_dir(data.data_dir.as_deref()))?)
}

/// `mineclear progress`: the class table, optionally as CSV too.
pub fn progress(args: ProgressArgs) -> Result<(), CliError> {
    let store = open_store(&args.data)?;
    let rows = store.class_table(args.trainee.as_deref())?;
    println!("{:<20} {:<40} {:<9} {:>6} {:>8} {:>6} {:>6} {:>5}", "trainee", "scenario", "course", "best", "attempts", "passed", "demos", "exam");
    for row in &rows {
        println!(
            "{:<20} {:<40} {:<9} {:>6} {:>8} {:>6} {:>6} {:>5}",
            short(&row.trainee, 20),
            short(&row.scenario, 40),
            row.course,
            row.best_score.map_or("—".to_string(), |b| format!("{b:.1}")),
            row.attempts,
            if row.passed { "yes" } else { "no" },
            row.demonstrations,
            if row.exam_passed { "yes" } else { "" }
        );
    }
    if rows.is_empty() {
        println!("(no attempts stored in {})", store.path.display());
    } else {
        println!(
            "course: the course's own version; modified: practice on a changed copy (never the course's); other: an own scenario; unknown: stored before versions were kept. Best, attempts and passed count only sessions the trainee drove; demos are sessions the autopilot or a script drove (all or part)."
        );
    }
    if let Some(path) = &args.csv {
        write_atomic(path, class_csv(&rows).as_bytes()).map_err(CliError::write(path, "CSV"))?;
        println!("CSV written to {}", path.display());
    }
    Ok(())
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
    let mut store = open_store(&args.data)?;
    let (mut failed, mut other_model) = (0, 0);
    let files = crate::replay::collect_files(&args.replays);
    let bar = progress_bar(files.len(), "importing");
    for path in &files {
        let recorded_elsewhere = Replay::load(path).ok().and_then(|r| r.other_model(&path.display().to_string())).is_some();
        match crate::progress::import(&mut store, path, args.trainee.as_deref()) {
            Ok(done) => bar.suspend(|| println!("{}: {}", path.display(), done.summary())),
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
        Err(CliError::Some { failed: failed + other_model, of: files.len(), what: "replay(s) were not imported" })
    } else if other_model > 0 {
        Err(CliError::SomeOtherModel { refused: other_model, of: files.len() })
    } else {
        Ok(())
    }
}

/// `mineclear replay verify`: re-simulated, every checksum and the final report compared.
pub fn verify(file: &Path) -> Result<(), CliError> {
    let name = file.display().to_string();
    let started = std::time::Instant::now();
    let replay = Replay::load(file)?;
    if let Some(other) = replay.other_model(&name) {
        return Err(CliError::OtherModel(other));
    }
    let verified = crate::replay::verify(&replay, &name)?;
    let what = if verified.complete { "final report identical" } else { "recording incomplete (a checkpoint), no final report to compare" };
    println!(
        "{name}: ok — {} ticks ({:.0} s) re-simulated in {:.2} s, {} checksums match, {what}; score {:.1} ({})",
        verified.ticks,
        verified.ticks as f64 / TICK_HZ,
        started.elapsed().as_secs_f64(),
        verified.checksums_checked,
        verified.report.score,
        if verified.report.passed { "pass" } else { "fail" }
    );
    if let Some(trainee) = &replay.meta.trainee {
        println!("trainee {trainee}, scenario {}", verified.report.scenario);
    }
    println!(
        "who drove: {} ({}){}",
        replay.meta.provenance.driven_by().describe(),
        replay.meta.provenance.describe(replay.meta.ticks, TICK_HZ),
        if replay.meta.exam { "; sat at an exam seat" } else { "" }
    );
    Ok(())
}

/// `mineclear replay score`: a table (and optionally CSV) of re-simulated scores.
pub fn score(args: &[PathBuf], csv: Option<&Path>, jobs: Option<usize>) -> Result<(), CliError> {
    let files = crate::replay::collect_files(args);
    if files.is_empty() {
        return Err(CliError::NoReplaysFound);
    }
    let jobs = jobs.unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1));
    let started = std::time::Instant::now();
    let bar = progress_bar(files.len(), "re-simulating");
    let rows = crate::replay::score_all_reporting(&files, jobs, |_| bar.inc(1));
    bar.finish_and_clear();
    let table = score_table(&rows);
    print_score_table(&rows, &table);
    println!("{} replay(s) re-simulated in {:.2} s on {jobs} thread(s)", rows.len(), started.elapsed().as_secs_f64());
    if let Some(path) = csv {
        let text: String = table.iter().map(|row| row.iter().map(|c| csv_field(c)).collect::<Vec<_>>().join(",") + "\n").collect();
        write_atomic(path, text.as_bytes()).map_err(CliError::write(path, "CSV"))?;
        println!("CSV written to {}", path.display());
    }
    let failed = rows.iter().filter(|r| r.result.is_err()).count();
    if failed > 0 { Err(CliError::Some { failed, of: rows.len(), what: "replay(s) could not be re-scored" }) } else { Ok(()) }
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

/// The terminal table: the main columns and faults in total.
fn print_score_table(rows: &[ScoreRow], table: &[Vec<String>]) {
    println!("{:<40} {:<12} {:<40} {:>6} {:>5} {:>8} {:>5} {:>6}", "file", "trainee", "scenario", "score", "pass", "coverage", "live", "faults");
    for (r, row) in rows.iter().zip(table.iter().skip(1)) {
        match &r.result {
            Ok(v) => println!(
                "{:<40} {:<12} {:<40} {:>6.1} {:>5} {:>7.1}% {:>5} {:>6}",
                short(&row[0], 40),
                short(&row[1], 12),
                short(&v.report.scenario, 40),
                v.report.score,
                if v.report.passed { "yes" } else { "no" },
                v.report.coverage_fraction * 100.0,
                v.report.mines_live_in_area,
                v.report.faults.len()
            ),
            Err(e) => println!("{:<40} error: {}", short(&row[0], 40), e.problem),
        }
        if let (Some(m), Ok(v)) = (r.rescored_from_model, &r.result) {
            println!("{:<40}   (recorded under clearing model {m}: re-scored under model {}, not verified)", "", v.report.model);
        }
    }
}

/// A progress bar on the terminal for work over many files (indicatif draws nothing when
/// stderr is not a terminal, so scripts and CI logs stay clean).
fn progress_bar(n: usize, what: &str) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(n as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{msg} {bar:40} {pos}/{len} replays, {elapsed} (about {eta} left)") {
        bar.set_style(style);
    }
    bar.set_message(what.to_string());
    bar
}

/// A CSV field, quoted when it holds a comma, quote or line break.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_string() }
}
