//! The `mineclear` command line: play, validate, preview (and more as the trainer grows).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use mineclear::operator::AutopilotOptions;
use mineclear::preview::short;
use mineclear::sim::{self, SimSetup, SourceSetup};
use mineclear::{field, preview, scenario, write_atomic};

#[derive(Parser)]
#[command(name = "mineclear", version, about = "Training simulator for mechanical mine-clearing machine operators")]
struct Cli {
    /// Open the trainer as an exam seat: the course only, no autopilot, no editor, no scenario
    /// files or replays, the trainee's name required (also `exam_seat: true` in the data
    /// folder's settings.ron).
    #[arg(long)]
    exam: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Check scenario and machine files; prints one line per problem, exits 0 only if all are valid.
    Validate {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Write a top-down map of a scenario's generated field, with every mine, as PNG.
    Preview {
        /// Scenario file, or the name of a built-in scenario.
        scenario: String,
        #[arg(long)]
        out: PathBuf,
        /// Seed for the field (defaults to the scenario's own).
        #[arg(long)]
        seed: Option<u64>,
    },
    /// Run a session headless as fast as possible and print its report.
    Run {
        /// Scenario file, or the name of a built-in scenario.
        #[arg(default_value = scenario::builtin::DEFAULT_SCENARIO)]
        scenario: String,
        /// Let the autopilot drive (headless runs need a driver).
        #[arg(long)]
        autopilot: bool,
        /// Autopilot working speed, km/h (default: adapts to soil to hold the depth).
        #[arg(long)]
        speed_kmh: Option<f32>,
        /// Autopilot lane overlap, metres (default: the middle of the scenario's band).
        #[arg(long)]
        overlap_m: Option<f32>,
        /// Lane the autopilot leaves out (1-based; repeat for several).
        #[arg(long)]
        skip_lane: Vec<u32>,
        /// The autopilot declares the work finished at this many seconds, done or not.
        #[arg(long)]
        leave_at_s: Option<f32>,
        #[arg(long)]
        seed: Option<u64>,
        /// Write the report as JSON to this file.
        #[arg(long)]
        report: Option<PathBuf>,
        /// Save the run's replay to this file.
        #[arg(long)]
        replay: Option<PathBuf>,
        /// Trainee or session name kept in the replay.
        #[arg(long)]
        trainee: Option<String>,
        /// Print the machine's state every N simulated seconds (for checking the autopilot).
        #[arg(long, hide = true)]
        trace_every_s: Option<u32>,
    },
    /// Open the trainer (the window): the menu, or straight to a scenario's screen.
    Play {
        /// Scenario file or built-in name; without one, the trainer opens at the menu.
        scenario: Option<String>,
        /// Screen to open: menu, briefing, operating or debrief (default: briefing with a
        /// scenario, else the menu). The debrief runs the session to its end first.
        #[arg(long)]
        screen: Option<String>,
        /// Let the autopilot drive (a demonstration, and what screenshots use).
        #[arg(long)]
        autopilot: bool,
        #[arg(long)]
        seed: Option<u64>,
        /// Camera to start with: cab (or post), chase, map.
        #[arg(long)]
        camera: Option<String>,
        /// Run the session this many simulated seconds before showing it.
        #[arg(long)]
        skip_to_s: Option<f32>,
        /// Save a screenshot of the screen, then exit.
        #[arg(long)]
        screenshot: Option<PathBuf>,
        /// Seconds on the screen before the screenshot (simulated seconds while operating).
        #[arg(long, default_value_t = 2.0)]
        after_secs: f32,
        /// Window size, e.g. 1280x720.
        #[arg(long)]
        window: Option<String>,
        /// With --screenshot: print the main thread's CPU time per frame while operating.
        #[arg(long)]
        frame_stats: bool,
        /// The trainee: attempts are stored under this name (the menu has the same box).
        #[arg(long)]
        trainee: Option<String>,
        /// An exam seat (as `mineclear --exam`).
        #[arg(long)]
        exam: bool,
    },
    /// Open the scenario editor: a file (a new one if it does not exist), a copy of a built-in
    /// scenario by name, or with neither a new scenario from the template.
    Edit {
        file: Option<String>,
        /// Save a screenshot of the editor, then exit.
        #[arg(long)]
        screenshot: Option<PathBuf>,
        #[arg(long, default_value_t = 2.0)]
        after_secs: f32,
        /// Window size, e.g. 1280x720.
        #[arg(long)]
        window: Option<String>,
    },
    /// Open a recorded session in the trainer's review screen.
    Review {
        file: PathBuf,
        /// Start at this time, seconds (paused there).
        #[arg(long, default_value_t = 0.0)]
        at_s: f32,
        /// Show the mines and their fates from the start.
        #[arg(long)]
        reveal: bool,
        /// Save a screenshot of the review screen, then exit.
        #[arg(long)]
        screenshot: Option<PathBuf>,
        #[arg(long, default_value_t = 2.0)]
        after_secs: f32,
    },
    /// The class table: trainee × scenario with best score, attempts and passed.
    Progress {
        #[arg(long)]
        trainee: Option<String>,
        /// Also write the table as CSV.
        #[arg(long)]
        csv: Option<PathBuf>,
        /// Folder of the progress database (default: $MINECLEAR_DATA_DIR or the user data folder).
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
    /// Add attempts from replay files made elsewhere; each is re-simulated, never trusted.
    Import {
        #[arg(required = true)]
        replays: Vec<PathBuf>,
        /// Trainee to file them under (default: the name recorded in each replay).
        #[arg(long)]
        trainee: Option<String>,
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
    /// Check and re-score recorded sessions.
    Replay {
        #[command(subcommand)]
        action: ReplayAction,
    },
    /// List the built-in scenarios and machines.
    List,
}

#[derive(Subcommand)]
enum ReplayAction {
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

fn print_problems(problems: &[scenario::Problem]) {
    for p in problems {
        eprintln!("{p}");
    }
}

/// Loads a scenario file or built-in, printing its problems when it cannot.
fn load_or_report(arg: &str) -> Option<scenario::LoadedScenario> {
    scenario::load_scenario_arg(arg).map_err(|p| print_problems(&p)).ok()
}

/// The seed to use: the flag, else the scenario's, else a fresh one (reported so it can be reused).
fn pick_seed(flag: Option<u64>, loaded: &scenario::LoadedScenario) -> u64 {
    flag.or(loaded.scenario.seed).unwrap_or_else(|| {
        let seed = mineclear::fresh_seed();
        eprintln!("no seed given; using seed {seed} (pass --seed {seed} to regenerate this field)");
        seed
    })
}

/// `1280x720` → (1280, 720).
fn parse_window(w: &str) -> Result<(u32, u32), String> {
    w.split_once('x').and_then(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?))).ok_or(format!("window size '{w}' is not WIDTHxHEIGHT"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // With no command: the trainer, at its menu (the default scenario is one click away).
    let command = cli.command.unwrap_or(Command::Play {
        scenario: None,
        screen: None,
        autopilot: false,
        seed: None,
        camera: None,
        skip_to_s: None,
        screenshot: None,
        after_secs: 2.0,
        window: None,
        frame_stats: false,
        trainee: None,
        exam: false,
    });
    if cli.exam && !matches!(command, Command::Play { .. }) {
        eprintln!("mineclear: --exam opens the trainer as an exam seat; it goes with no command or with `play`");
        return ExitCode::from(2);
    }
    let command = match command {
        Command::Review { file, at_s, reveal, screenshot, after_secs } => {
            // A file that cannot be read as a replay is reported here plainly (the menu shows it too).
            if let Err(e) = mineclear::replay::Replay::load(&file) {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
            let opts = mineclear::trainer::launch::LaunchOptions {
                review: Some(file),
                review_at_s: at_s,
                review_reveal: reveal,
                screenshot,
                after_secs,
                ..Default::default()
            };
            return match mineclear::trainer::launch::app(opts).run() {
                bevy::app::AppExit::Success => ExitCode::SUCCESS,
                bevy::app::AppExit::Error(_) => ExitCode::FAILURE,
            };
        }
        Command::Edit { file, screenshot, after_secs, window } => {
            // A file that is there but cannot be read as a scenario is reported plainly; one that
            // reads but has meaning problems opens with them shown beside their fields.
            if let Some(f) = &file
                && std::path::Path::new(f).exists()
                && let Err(problems) = mineclear::trainer::editor::Draft::open(std::path::Path::new(f))
            {
                for p in problems {
                    eprintln!("{p}");
                }
                eprintln!("mineclear edit: fix the file in a text editor first (the editor needs a file it can read)");
                return ExitCode::FAILURE;
            }
            let window = match window.as_deref().map(parse_window) {
                None => None,
                Some(Ok(wh)) => Some(wh),
                Some(Err(e)) => {
                    eprintln!("mineclear edit: {e}");
                    return ExitCode::from(2);
                }
            };
            let opts = mineclear::trainer::launch::LaunchOptions {
                scenario: file,
                screen: Some(mineclear::trainer::Screen::Editor),
                screenshot,
                after_secs,
                window,
                ..Default::default()
            };
            return match mineclear::trainer::launch::app(opts).run() {
                bevy::app::AppExit::Success => ExitCode::SUCCESS,
                bevy::app::AppExit::Error(_) => ExitCode::FAILURE,
            };
        }
        other => other,
    };
    match command {
        Command::Play { scenario: arg, screen, autopilot, seed, camera, skip_to_s, screenshot, after_secs, window, frame_stats, trainee, exam } => {
            use mineclear::trainer::{Screen, launch};
            let exam = exam || cli.exam;
            if exam && autopilot {
                eprintln!("mineclear play: an exam seat has no autopilot; leave out --autopilot or --exam");
                return ExitCode::from(2);
            }
            if exam && arg.as_deref().is_some_and(|a| mineclear::progress::Course::builtin().get(a).is_none()) {
                eprintln!("mineclear play: an exam seat runs the course's scenarios only (mineclear list names them)");
                return ExitCode::from(2);
            }
            let screen = match screen.as_deref().map(|s| Screen::parse(s).ok_or(s)) {
                None => None,
                Some(Ok(s)) => Some(s),
                Some(Err(s)) => {
                    eprintln!("mineclear play: unknown screen '{s}'; use menu, briefing, operating, debrief or progress");
                    return ExitCode::from(2);
                }
            };
            if screen == Some(Screen::Progress) && trainee.is_none() {
                eprintln!("mineclear play: --screen progress needs --trainee NAME");
                return ExitCode::from(2);
            }
            if screen.is_some_and(|s| !matches!(s, Screen::Menu | Screen::Progress)) && arg.is_none() {
                eprintln!("mineclear play: --screen needs a scenario");
                return ExitCode::from(2);
            }
            let camera = match camera.as_deref().map(|c| mineclear::view::CameraMode::parse(c).ok_or(c)) {
                None => None,
                Some(Ok(c)) => Some(c),
                Some(Err(c)) => {
                    eprintln!("mineclear play: unknown camera '{c}'; use cab, post, chase or map");
                    return ExitCode::from(2);
                }
            };
            let window = match window.as_deref().map(parse_window) {
                None => None,
                Some(Ok(wh)) => Some(wh),
                Some(Err(e)) => {
                    eprintln!("mineclear play: {e}");
                    return ExitCode::from(2);
                }
            };
            // A scenario given on the command line is checked here, so its problems print plainly
            // (the menu shows them too).
            if let Some(a) = &arg
                && load_or_report(a).is_none()
            {
                return ExitCode::FAILURE;
            }
            let opts = launch::LaunchOptions {
                scenario: arg,
                screen,
                autopilot,
                seed,
                camera,
                skip_to_s,
                screenshot,
                after_secs,
                window,
                frame_stats,
                trainee,
                exam,
                ..Default::default()
            };
            match launch::app(opts).run() {
                bevy::app::AppExit::Success => ExitCode::SUCCESS,
                bevy::app::AppExit::Error(_) => ExitCode::FAILURE,
            }
        }
        Command::Validate { files } => {
            let mut bad = 0;
            for f in &files {
                let problems = scenario::check_file(f);
                if problems.is_empty() {
                    println!("{}: ok", f.display());
                } else {
                    bad += 1;
                    print_problems(&problems);
                }
            }
            if bad > 0 {
                eprintln!("{bad} of {} file(s) have problems", files.len());
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::Preview { scenario: arg, out, seed } => {
            let Some(loaded) = load_or_report(&arg) else {
                return ExitCode::FAILURE;
            };
            let seed = pick_seed(seed, &loaded);
            let f = field::generate(&loaded.scenario, seed);
            let png = preview::render(&loaded.scenario, &loaded.machine, &f).png();
            if let Err(e) = write_atomic(&out, &png) {
                eprintln!("{}: cannot write preview: {e}", out.display());
                return ExitCode::FAILURE;
            }
            println!("{}: {} mines, seed {seed}", out.display(), f.mines.len());
            for n in &f.notes {
                println!("note: {n}");
            }
            ExitCode::SUCCESS
        }
        Command::Run { scenario: arg, autopilot, speed_kmh, overlap_m, skip_lane, leave_at_s, seed, report, replay, trainee, trace_every_s } => {
            if !autopilot {
                eprintln!("mineclear run: a headless run needs a driver; add --autopilot");
                return ExitCode::from(2);
            }
            let Some(loaded) = load_or_report(&arg) else {
                return ExitCode::FAILURE;
            };
            let seed = pick_seed(seed, &loaded);
            let opts = AutopilotOptions { speed_kmh, overlap_m, skip_lanes: skip_lane, leave_at_s };
            let started = std::time::Instant::now();
            let setup = SimSetup { loaded, seed, source: SourceSetup::Autopilot(opts) };
            let mut app = match trace_every_s {
                None => sim::run_headless(setup),
                Some(every) => sim::run_headless_observed(setup, every.max(1) * 60, |app| {
                    let m = app.world().resource::<mineclear::machine::MachineState>();
                    let c = app.world().resource::<mineclear::operator::OperatorCommand>();
                    let t = app.world().resource::<sim::SimClock>().seconds();
                    let h = m.heading_xz();
                    println!(
                        "t {t:>6.0} drive {:.3} load {:.2} stall {:.1} cond {:.0} pos ({:>6.2}, {:>5.2}, {:>6.2})  heading ({:>5.2}, {:>5.2})  {:>5.2} km/h  tool {:>5.1} cm  rotor {:.2}  cmd L{} R{} tool {} rotor {}{}",
                        m.drive_mps,
                        m.rotor_load,
                        m.stall_s,
                        m.condition,
                        m.pos.x,
                        m.pos.y,
                        m.pos.z,
                        h.0,
                        h.1,
                        m.speed_kmh(),
                        m.tool_cm,
                        m.rotor,
                        c.left_track,
                        c.right_track,
                        c.tool_cm,
                        c.rotor_pct,
                        m.boom
                            .map(|b| format!(
                                "  slew {:.1}° reach {:.2} m {:?} tool speed {:.2} km/h  cmd slew {} reach {}",
                                b.slew_deg,
                                b.reach_m,
                                b.blocked,
                                m.tool_speed_kmh(),
                                c.slew,
                                c.reach
                            ))
                            .unwrap_or_default()
                    );
                }),
            };
            let wall = started.elapsed().as_secs_f64();
            let rep = sim::report(app.world_mut());
            print!("{}", rep.table());
            println!("\nsimulated {:.0} s in {wall:.2} s wall time ({:.0}x real time)", rep.sim_seconds, rep.sim_seconds as f64 / wall.max(1e-9));
            if let Some(path) = report {
                let json = serde_json::to_vec_pretty(&rep).expect("report serialises");
                if let Err(e) = write_atomic(&path, &json) {
                    eprintln!("{}: cannot write report: {e}", path.display());
                    return ExitCode::FAILURE;
                }
                println!("report written to {}", path.display());
            }
            if let Some(path) = replay {
                let r = mineclear::replay::Replay::with_report(app.world(), trainee, Some(rep.clone()));
                if let Err(e) = r.save(&path) {
                    eprintln!("{}: cannot write replay: {e}", path.display());
                    return ExitCode::FAILURE;
                }
                println!(
                    "replay written to {} ({} ticks; {}, so `import` keeps it as a demonstration, never as a trainee's attempt)",
                    path.display(),
                    r.meta.ticks,
                    r.meta.provenance.driven_by().describe()
                );
            }
            ExitCode::SUCCESS
        }
        Command::Replay { action: ReplayAction::Verify { file } } => {
            use mineclear::replay::{Replay, verify};
            let name = file.display().to_string();
            let started = std::time::Instant::now();
            let loaded = Replay::load(&file);
            if let Some(other) = loaded.as_ref().ok().and_then(|r| r.other_model(&name)) {
                eprintln!("{other}");
                return ExitCode::from(3);
            }
            let outcome = loaded.and_then(|r| verify(&r, &name).map(|v| (r, v)));
            match outcome {
                Ok((r, v)) => {
                    let what = if v.complete { "final report identical" } else { "recording incomplete (a checkpoint), no final report to compare" };
                    println!(
                        "{name}: ok — {} ticks ({:.0} s) re-simulated in {:.2} s, {} checksums match, {what}; score {:.1} ({})",
                        v.ticks,
                        v.ticks as f64 / mineclear::sim::TICK_HZ,
                        started.elapsed().as_secs_f64(),
                        v.checksums_checked,
                        v.report.score,
                        if v.report.passed { "pass" } else { "fail" }
                    );
                    if let Some(t) = &r.meta.trainee {
                        println!("trainee {t}, scenario {}", v.report.scenario);
                    }
                    println!(
                        "who drove: {} ({}){}",
                        r.meta.provenance.driven_by().describe(),
                        r.meta.provenance.describe(r.meta.ticks, mineclear::sim::TICK_HZ),
                        if r.meta.exam { "; sat at an exam seat" } else { "" }
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("{e}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Replay { action: ReplayAction::Score { files, csv, jobs } } => score_replays(&files, csv.as_deref(), jobs),
        Command::Review { .. } | Command::Edit { .. } => unreachable!("handled above"),
        Command::Progress { trainee, csv, data_dir } => {
            use mineclear::progress::{Store, data_dir as dir_of};
            let store = match Store::open(&dir_of(data_dir.as_deref())) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("{e}");
                    return ExitCode::FAILURE;
                }
            };
            let rows = match store.class_table(trainee.as_deref()) {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("{}: {e}", store.path.display());
                    return ExitCode::FAILURE;
                }
            };
            println!("{:<20} {:<40} {:<9} {:>6} {:>8} {:>6} {:>6} {:>5}", "trainee", "scenario", "course", "best", "attempts", "passed", "demos", "exam");
            for r in &rows {
                println!(
                    "{:<20} {:<40} {:<9} {:>6} {:>8} {:>6} {:>6} {:>5}",
                    short(&r.trainee, 20),
                    short(&r.scenario, 40),
                    r.course,
                    r.best_score.map_or("—".to_string(), |b| format!("{b:.1}")),
                    r.attempts,
                    if r.passed { "yes" } else { "no" },
                    r.demonstrations,
                    if r.exam_passed { "yes" } else { "" }
                );
            }
            if rows.is_empty() {
                println!("(no attempts stored in {})", store.path.display());
            } else {
                println!(
                    "course: the course's own version; modified: practice on a changed copy (never the course's); other: an own scenario; unknown: stored before versions were kept. Best, attempts and passed count only sessions the trainee drove; demos are sessions the autopilot or a script drove (all or part)."
                );
            }
            if let Some(path) = csv {
                let mut text = String::from("trainee,scenario,best_score,attempts,passed,course,demonstrations,exam_passed\n");
                for r in &rows {
                    text += &format!(
                        "{},{},{},{},{},{},{},{}\n",
                        csv_field(&r.trainee),
                        csv_field(&r.scenario),
                        r.best_score.map_or(String::new(), |b| format!("{b:.1}")),
                        r.attempts,
                        r.passed,
                        r.course,
                        r.demonstrations,
                        r.exam_passed
                    );
                }
                if let Err(e) = write_atomic(&path, text.as_bytes()) {
                    eprintln!("{}: cannot write CSV: {e}", path.display());
                    return ExitCode::FAILURE;
                }
                println!("CSV written to {}", path.display());
            }
            ExitCode::SUCCESS
        }
        Command::Import { replays, trainee, data_dir } => {
            use mineclear::progress::{Store, data_dir as dir_of, import};
            let mut store = match Store::open(&dir_of(data_dir.as_deref())) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("{e}");
                    return ExitCode::FAILURE;
                }
            };
            let (mut bad, mut other_model) = (0, 0);
            let files = mineclear::replay::collect_files(&replays);
            let bar = progress_bar(files.len(), "importing");
            for path in &files {
                let older = mineclear::replay::Replay::load(path).ok().and_then(|r| r.other_model(&path.display().to_string()));
                match import(&mut store, path, trainee.as_deref()) {
                    Ok(done) => bar.suspend(|| println!("{}: {}", path.display(), done.summary())),
                    Err(e) => {
                        if older.is_some() {
                            other_model += 1;
                        } else {
                            bad += 1;
                        }
                        bar.suspend(|| eprintln!("{e}"));
                    }
                }
                bar.inc(1);
            }
            bar.finish_and_clear();
            // Exit 3 when the only refusals were replays from another clearing model.
            if bad > 0 {
                ExitCode::FAILURE
            } else if other_model > 0 {
                ExitCode::from(3)
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::List => {
            println!("Built-in scenarios:");
            for (name, _) in scenario::builtin::SCENARIOS {
                match scenario::load_builtin(name) {
                    Some(Ok(l)) => println!("  {name:<22} {}", l.scenario.title),
                    _ => println!("  {name:<22} (invalid)"),
                }
            }
            println!("Machines:");
            for (name, _) in scenario::builtin::MACHINES {
                if let Ok(m) = scenario::find_machine(name, None) {
                    println!("  {name:<22} {}", m.spec.name);
                }
            }
            ExitCode::SUCCESS
        }
    }
}

/// `mineclear replay score`: a table (and optionally CSV) of re-simulated scores.
fn score_replays(args: &[PathBuf], csv: Option<&std::path::Path>, jobs: Option<usize>) -> ExitCode {
    use mineclear::scoring::FaultKind;
    let files = mineclear::replay::collect_files(args);
    if files.is_empty() {
        eprintln!("mineclear replay score: no .mcreplay files found");
        return ExitCode::FAILURE;
    }
    let jobs = jobs.unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1));
    let started = std::time::Instant::now();
    let bar = progress_bar(files.len(), "re-simulating");
    let rows = mineclear::replay::score_all_reporting(&files, jobs, |_| bar.inc(1));
    bar.finish_and_clear();
    let kinds = FaultKind::ALL;
    let mut table = vec![
        ["file", "trainee", "scenario", "score", "pass", "coverage", "live_mines_left", "detonations"]
            .iter()
            .map(|s| s.to_string())
            .chain(kinds.iter().map(|k| k.key()))
            .chain(["error".to_string(), "model".to_string(), "note".to_string()])
            .collect::<Vec<_>>(),
    ];
    let mut bad = 0;
    for r in &rows {
        let mut row = vec![r.file.display().to_string(), r.trainee.clone().unwrap_or_default()];
        match &r.result {
            Ok(v) => {
                let rep = &v.report;
                row.extend([
                    rep.scenario.clone(),
                    format!("{:.1}", rep.score),
                    rep.passed.to_string(),
                    format!("{:.3}", rep.coverage_fraction),
                    rep.mines_live_in_area.to_string(),
                    rep.detonations.to_string(),
                ]);
                row.extend(kinds.iter().map(|k| rep.faults.iter().filter(|f| f.kind == *k).count().to_string()));
                row.push(String::new());
                row.push(rep.model.to_string());
                row.push(r.rescored_from_model.map_or(String::new(), |m| format!("recorded under model {m}; re-scored under model {}", rep.model)));
            }
            Err(e) => {
                bad += 1;
                row.extend(std::iter::repeat_n(String::new(), 6 + kinds.len()));
                row.push(e.problem.clone());
                row.extend([String::new(), String::new()]);
            }
        }
        table.push(row);
    }
    // The terminal table: the main columns and faults in total.
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
    println!("{} replay(s) re-simulated in {:.2} s on {jobs} thread(s)", rows.len(), started.elapsed().as_secs_f64());
    if let Some(path) = csv {
        let text: String = table.iter().map(|r| r.iter().map(|c| csv_field(c)).collect::<Vec<_>>().join(",") + "\n").collect();
        if let Err(e) = write_atomic(path, text.as_bytes()) {
            eprintln!("{}: cannot write CSV: {e}", path.display());
            return ExitCode::FAILURE;
        }
        println!("CSV written to {}", path.display());
    }
    if bad > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS }
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
