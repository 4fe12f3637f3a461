//! The `mineclear` command line: play, validate, preview (and more as the trainer grows).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use mineclear::operator::AutopilotOptions;
use mineclear::sim::{self, SimSetup, SourceSetup};
use mineclear::{field, preview, scenario, write_atomic};

#[derive(Parser)]
#[command(name = "mineclear", version, about = "Training simulator for mechanical mine-clearing machine operators")]
struct Cli {
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
        #[arg(long)]
        seed: Option<u64>,
        /// Write the report as JSON to this file.
        #[arg(long)]
        report: Option<PathBuf>,
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
    },
    /// List the built-in scenarios and machines.
    List,
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
        let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(0);
        let seed = t % 1_000_000_000;
        eprintln!("no seed given; using seed {seed} (pass --seed {seed} to regenerate this field)");
        seed
    })
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
    });
    match command {
        Command::Play { scenario: arg, screen, autopilot, seed, camera, skip_to_s, screenshot, after_secs, window, frame_stats } => {
            use mineclear::trainer::{Screen, launch};
            let screen = match screen.as_deref().map(|s| Screen::parse(s).ok_or(s)) {
                None => None,
                Some(Ok(s)) => Some(s),
                Some(Err(s)) => {
                    eprintln!("mineclear play: unknown screen '{s}'; use menu, briefing, operating or debrief");
                    return ExitCode::from(2);
                }
            };
            if screen.is_some_and(|s| s != Screen::Menu) && arg.is_none() {
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
            let window = match window.as_deref().map(|w| w.split_once('x').and_then(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?))).ok_or(w)) {
                None => None,
                Some(Ok(wh)) => Some(wh),
                Some(Err(w)) => {
                    eprintln!("mineclear play: window size '{w}' is not WIDTHxHEIGHT");
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
            let opts = launch::LaunchOptions { scenario: arg, screen, autopilot, seed, camera, skip_to_s, screenshot, after_secs, window, frame_stats };
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
        Command::Run { scenario: arg, autopilot, speed_kmh, overlap_m, skip_lane, seed, report, trace_every_s } => {
            if !autopilot {
                eprintln!("mineclear run: a headless run needs a driver; add --autopilot");
                return ExitCode::from(2);
            }
            let Some(loaded) = load_or_report(&arg) else {
                return ExitCode::FAILURE;
            };
            let seed = pick_seed(seed, &loaded);
            let opts = AutopilotOptions { speed_kmh, overlap_m, skip_lanes: skip_lane };
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
                        "t {t:>6.0} drive {:.3} load {:.2} stall {:.1} cond {:.0} pos ({:>6.2}, {:>5.2}, {:>6.2})  heading ({:>5.2}, {:>5.2})  {:>5.2} km/h  tool {:>5.1} cm  rotor {:.2}  cmd L{} R{} tool {} rotor {}",
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
                        c.rotor_pct
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
            ExitCode::SUCCESS
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
