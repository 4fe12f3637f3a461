//! The commands that need no window: `validate`, `preview`, `run` and `list`.

use std::path::{Path, PathBuf};

use bevy::prelude::App;
use clap::Args;

use super::{CliError, SeedArg, load_scenario, pick_seed};
use crate::machine::MachineState;
use crate::operator::{AutopilotOptions, OperatorCommand};
use crate::sim::{self, SimClock, SimSetup, SourceSetup};
use crate::text::{Lang, ui_lang};
use crate::{field, preview, scenario, tr, write_atomic};

#[derive(Args, Clone, Debug)]
pub struct PreviewArgs {
    /// Scenario file, or the name of a built-in scenario.
    pub scenario: String,
    #[arg(long)]
    pub out: PathBuf,
    #[command(flatten)]
    pub seed: SeedArg,
}

#[derive(Args, Clone, Debug)]
pub struct RunArgs {
    /// Scenario file, or the name of a built-in scenario.
    #[arg(default_value = scenario::builtin::DEFAULT_SCENARIO)]
    pub scenario: String,
    /// Let the autopilot drive (headless runs need a driver).
    #[arg(long)]
    pub autopilot: bool,
    /// Autopilot working speed, km/h (default: adapts to soil to hold the depth).
    #[arg(long)]
    pub speed_kmh: Option<f32>,
    /// Autopilot lane overlap, metres (default: the middle of the scenario's band).
    #[arg(long)]
    pub overlap_m: Option<f32>,
    /// Lane the autopilot leaves out (1-based; repeat for several).
    #[arg(long)]
    pub skip_lane: Vec<u32>,
    /// The autopilot declares the work finished at this many seconds, done or not.
    #[arg(long)]
    pub leave_at_s: Option<f32>,
    #[command(flatten)]
    pub seed: SeedArg,
    /// Write the report as JSON to this file.
    #[arg(long)]
    pub report: Option<PathBuf>,
    /// Save the run's replay to this file.
    #[arg(long)]
    pub replay: Option<PathBuf>,
    /// Trainee or session name kept in the replay.
    #[arg(long)]
    pub trainee: Option<String>,
    /// Take over a recorded session: re-simulate this replay to `--at-s` from its own
    /// commands, then let the autopilot drive on; the report compares the two from there.
    #[arg(long, requires = "at_s")]
    pub resume: Option<PathBuf>,
    /// Where to take over the replay given with `--resume`, seconds into the session.
    #[arg(long, requires = "resume")]
    pub at_s: Option<f32>,
    /// Print the machine's state every N simulated seconds (for checking the autopilot).
    #[arg(long, hide = true)]
    pub trace_every_s: Option<u32>,
    /// Write the session's sound to this WAV file (16-bit mono, 44.1 kHz): what the trainee
    /// would hear from `--listen`. With `--leave-at-s 60`, a scripted minute.
    #[arg(long, conflicts_with = "resume")]
    pub record_audio: Option<PathBuf>,
    /// Where the recording listens from: the operator's seat (the cab, or a remote machine's
    /// post), behind the machine, or above it.
    #[arg(long, value_enum, default_value_t = ListenArg::Seat, requires = "record_audio")]
    pub listen: ListenArg,
}

/// Where a recording listens from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ListenArg {
    Seat,
    Chase,
    Overhead,
}

impl From<ListenArg> for crate::sound::director::Listen {
    fn from(l: ListenArg) -> Self {
        match l {
            ListenArg::Seat => crate::sound::director::Listen::Seat,
            ListenArg::Chase => crate::sound::director::Listen::Chase,
            ListenArg::Overhead => crate::sound::director::Listen::Overhead,
        }
    }
}

/// `mineclear validate`: one line per problem, `ok` per sound file.
pub fn validate(files: &[PathBuf]) -> Result<(), CliError> {
    let lang = ui_lang();
    let mut bad = 0;
    for file in files {
        let problems = scenario::check_file(file);
        if problems.is_empty() {
            println!("{}", tr!(lang, "cli-validate-ok", file = file.display().to_string()));
        } else {
            bad += 1;
            for problem in problems {
                eprintln!("{problem}");
            }
        }
    }
    if bad > 0 { Err(CliError::Some { failed: bad, of: files.len(), what: "cli-error-some-files" }) } else { Ok(()) }
}

/// `mineclear preview`: the generated field as a PNG map.
pub fn preview(args: PreviewArgs) -> Result<(), CliError> {
    let lang = ui_lang();
    let loaded = load_scenario(&args.scenario)?;
    let seed = pick_seed(args.seed.seed, &loaded);
    let generated = field::generate(&loaded.scenario, seed);
    let png = preview::render(&loaded.scenario, &loaded.machine, &generated, crate::text::ui_lang()).png();
    write_atomic(&args.out, &png).map_err(CliError::write(&args.out, "preview"))?;
    println!("{}", tr!(lang, "cli-preview-written", file = args.out.display().to_string(), mines = generated.mines.len(), seed = seed.to_string()));
    for note in &generated.notes {
        println!("{}", tr!(lang, "cli-preview-note", note = note.in_lang(lang)));
    }
    Ok(())
}

/// `mineclear run`: the autopilot drives a session headless; its report is printed and
/// optionally written as JSON, with the replay beside it.
pub fn run(args: RunArgs) -> Result<(), CliError> {
    let lang = ui_lang();
    if !args.autopilot {
        return Err(CliError::usage("mineclear run", tr!(lang, "cli-run-needs-autopilot", flag = "--autopilot")));
    }
    let opts = AutopilotOptions { speed_kmh: args.speed_kmh, overlap_m: args.overlap_m, skip_lanes: args.skip_lane.clone(), leave_at_s: args.leave_at_s };
    if let (Some(file), Some(at_s)) = (&args.resume, args.at_s) {
        return resume(&args, file, at_s, opts, lang);
    }
    let loaded = load_scenario(&args.scenario)?;
    let seed = pick_seed(args.seed.seed, &loaded);
    let started = std::time::Instant::now();
    let setup = SimSetup { loaded, seed, source: SourceSetup::Autopilot(opts) };
    let mut recording = None;
    let mut app = match (args.trace_every_s, &args.record_audio) {
        (_, Some(_)) => {
            let (app, rec) = crate::sound::record::record_session(setup, args.listen.into(), crate::sound::synth::Mix::default(), None);
            recording = Some(rec);
            app
        }
        (None, None) => sim::run_headless(setup),
        (Some(every_s), None) => sim::run_headless_observed(setup, every_s.max(1) * 60, print_trace),
    };
    let wall_s = started.elapsed().as_secs_f64();
    let report = sim::report(app.world_mut());
    print!("{}", report.table(lang));
    println!(
        "\n{}",
        tr!(lang, "cli-run-timing", sim_s = report.sim_seconds, wall_s = wall_s, speedup = report.sim_seconds as f64 / wall_s.max(1e-9))
    );
    if let Some(path) = &args.report {
        let json = serde_json::to_vec_pretty(&report).expect("report serialises");
        write_atomic(path, &json).map_err(CliError::write(path, "report"))?;
        println!("{}", tr!(lang, "cli-report-written", path = path.display().to_string()));
    }
    if let Some(path) = &args.replay {
        save_replay(&app, path, args.trainee, report, lang)?;
    }
    if let (Some(path), Some(rec)) = (&args.record_audio, recording) {
        rec.write_wav(path).map_err(CliError::Sound)?;
        let env = crate::sound::record::envelope(rec.samples(), 1.0);
        let db = |rms: f32| 20.0 * rms.max(1e-6).log10();
        let (quiet, loud) = env.iter().fold((f32::MAX, 0.0f32), |(lo, hi), &v| (lo.min(v), hi.max(v)));
        println!("{}", tr!(lang, "cli-record-audio-written", path = path.display().to_string(), seconds = rec.seconds(), quiet_db = db(quiet), loud_db = db(loud)));
    }
    Ok(())
}

/// `mineclear run --resume FILE --at-s T --autopilot`: the recorded session to `T`, then the
/// autopilot; its report, and the two sessions compared from `T` on.
fn resume(args: &RunArgs, file: &Path, at_s: f32, opts: AutopilotOptions, lang: Lang) -> Result<(), CliError> {
    use crate::replay::resume::{Comparison, TakeOver, resume_at, run_to_end};
    let name = file.display().to_string();
    let original = crate::replay::Replay::load(file)?;
    let at_tick = (at_s.max(0.0) as f64 * original.meta.tick_hz).round() as u64;
    let mut app = run_to_end(resume_at(&original, &name, at_tick, TakeOver::Autopilot(opts))?);
    let report = sim::report(app.world_mut());
    print!("{}", report.table(lang));
    let before = match &original.meta.report {
        Some(r) => r.clone(),
        None => crate::replay::rescore(&original, &name)?.report,
    };
    println!("\n{}", Comparison::new(at_tick as f32 / original.meta.tick_hz as f32, &before, &report).table(lang));
    if let Some(path) = &args.report {
        let json = serde_json::to_vec_pretty(&report).expect("report serialises");
        write_atomic(path, &json).map_err(CliError::write(path, "report"))?;
        println!("{}", tr!(lang, "cli-report-written", path = path.display().to_string()));
    }
    if let Some(path) = &args.replay {
        save_replay(&app, path, args.trainee.clone().or(original.meta.trainee.clone()), report, lang)?;
    }
    Ok(())
}

fn save_replay(app: &App, path: &Path, trainee: Option<String>, report: crate::scoring::ScoreReport, lang: Lang) -> Result<(), CliError> {
    let replay = crate::replay::Replay::with_report(app.world(), trainee, Some(report));
    replay.save(path).map_err(CliError::write(path, "replay"))?;
    println!(
        "{}",
        tr!(
            lang,
            "cli-replay-written",
            path = path.display().to_string(),
            ticks = replay.meta.ticks,
            driven = super::records::driven_by(lang, replay.meta.provenance.driven_by()),
            command = "import"
        )
    );
    Ok(())
}

/// One line of the machine's state, for `run --trace-every-s` (a check on the autopilot for
/// developers: English, as the log).
fn print_trace(app: &App) {
    let machine = app.world().resource::<MachineState>();
    let command = app.world().resource::<OperatorCommand>();
    let t = app.world().resource::<SimClock>().seconds();
    let heading = machine.heading_xz();
    let boom = machine
        .boom
        .map(|b| {
            format!(
                "  slew {:.1}° reach {:.2} m {:?} tool speed {:.2} km/h  cmd slew {} reach {}",
                b.slew_deg,
                b.reach_m,
                b.blocked,
                machine.tool_speed_kmh(),
                command.slew,
                command.reach
            )
        })
        .unwrap_or_default();
    println!(
        "t {t:>6.0} drive {:.3} load {:.2} stall {:.1} cond {:.0} pos ({:>6.2}, {:>5.2}, {:>6.2})  heading ({:>5.2}, {:>5.2})  {:>5.2} km/h  tool {:>5.1} cm  rotor {:.2}  cmd L{} R{} tool {} rotor {}{boom}",
        machine.drive_mps,
        machine.rotor_load,
        machine.stall_s,
        machine.condition,
        machine.pos.x,
        machine.pos.y,
        machine.pos.z,
        heading.0,
        heading.1,
        machine.speed_kmh(),
        machine.tool_cm,
        machine.rotor,
        command.left_track,
        command.right_track,
        command.tool_cm,
        command.rotor_pct,
    );
}

/// `mineclear list`: the built-in scenarios and machines.
pub fn list() {
    let lang = ui_lang();
    println!("{}", tr!(lang, "cli-list-scenarios"));
    for (name, _) in scenario::builtin::SCENARIOS {
        match scenario::load_builtin(name) {
            Some(Ok(loaded)) => println!("  {name:<22} {}", loaded.scenario.title.shown(lang).text),
            _ => println!("  {name:<22} {}", tr!(lang, "cli-list-invalid")),
        }
    }
    println!("{}", tr!(lang, "cli-list-machines"));
    for (name, _) in scenario::builtin::MACHINES {
        if let Ok(found) = scenario::find_machine(name, None) {
            // English keeps the name the machine's file gives.
            let shown = if lang == Lang::En { found.spec.name.clone() } else { crate::text::machine_name(lang, name, &found.spec.name) };
            println!("  {name:<22} {shown}");
        }
    }
}
