//! The trainer's session flow: menu → briefing → operating → debrief, as Bevy states.
//!
//! This module holds the flow's logic only (what screen, which scenario, which session, what
//! the debrief says); it needs no window, so the state-flow tests run it headless with the
//! same plugins the app uses. Screens ask for changes with `FlowRequest` messages; the view
//! and UI modules only read what is here.

pub mod catalog;
pub mod editor;
pub mod runner;

use std::path::PathBuf;

use bevy::prelude::*;

pub use catalog::{Catalog, CatalogEntry};

use crate::field::Field;
use crate::operator::provenance::ExamSession;
use crate::operator::{AutopilotOptions, CommandSource, DrivenBy, FinishRequest, OperatorCommand, Provenance};
use crate::progress::CourseMatch;
use crate::scenario::{self, LoadedScenario, Problem};
use crate::scoring::{Sample, ScoreReport, Scorekeeper};
use crate::sim::{self, SimClock, SimSetup, SourceSetup};

/// The trainer's screens.
#[derive(States, Default, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Screen {
    #[default]
    Menu,
    Briefing,
    Operating,
    Debrief,
    /// Reviewing a recorded session.
    Review,
    /// A trainee's progress over the course.
    Progress,
    /// The instructor's scenario editor.
    Editor,
}

/// What a screen asks the flow to do.
#[derive(Message, Clone, Debug, PartialEq)]
pub enum FlowRequest {
    /// Load a scenario (a file path or a built-in name) and show its briefing; a scenario
    /// with problems stays on the menu with its problems listed.
    Open(String),
    /// Start operating the chosen scenario.
    Begin,
    /// The operator declares the work done (goes through the command stream).
    Finish,
    /// Pause or resume the running session.
    TogglePause,
    /// Operate the same scenario and seed again.
    Retry,
    /// The briefing of the next scenario in the catalog.
    Next,
    /// Open a replay file for review.
    Review(PathBuf),
    /// The named trainee's progress screen.
    Progress,
    /// Take over the replay under review at this moment (seconds): it is re-simulated to
    /// there, then the trainee (or the autopilot, as the menu says) drives on.
    DriveFrom(PathBuf, f32),
    /// The scenario editor: with `None`, the draft already open (or a new one from the
    /// template); with `editor::TEMPLATE`, a new one from the template; with a built-in name, a
    /// copy of it; with a path, that file (a new one if it does not exist yet).
    Edit(Option<String>),
    /// Run the editor's draft: its briefing, then a session; "back to menu" returns to the editor.
    TestDrive,
    /// Back to the main menu (abandons a running session). From the editor with unsaved
    /// changes, the editor asks first (`Draft::leave_asked`).
    Menu,
    /// Hand the machine to the autopilot, or take the controls back (never at an exam seat).
    SwitchDriver,
    Quit,
}

/// An exam seat: the course only, no autopilot, no editor, no scenario files or replays, the
/// trainee named; each session stored as sat at an exam seat. Set by `mineclear --exam` or by
/// `exam_seat: true` in the data folder's settings.
#[derive(Resource, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Seat {
    pub exam: bool,
}

/// Why a request is refused at an exam seat, if it is.
fn refused_at_exam_seat(req: &FlowRequest, rec: &Recording) -> Option<String> {
    let lang = crate::text::ui_lang();
    match req {
        FlowRequest::Open(arg) if crate::progress::Course::builtin().get(arg).is_none() => Some(crate::tr!(lang, "flow-exam-course-only", scenario = arg)),
        FlowRequest::Open(_) | FlowRequest::Next if rec.trainee.is_none() => Some(crate::tr!(lang, "flow-exam-needs-name")),
        FlowRequest::Edit(_) | FlowRequest::TestDrive => Some(crate::tr!(lang, "flow-exam-no-editor")),
        FlowRequest::Review(_) | FlowRequest::DriveFrom(..) => Some(crate::tr!(lang, "flow-exam-no-replays")),
        FlowRequest::SwitchDriver => Some(crate::tr!(lang, "flow-exam-no-autopilot")),
        _ => None,
    }
}

/// Who drives, set at the menu (or by `mineclear play --autopilot`).
#[derive(Resource, Clone, Debug, Default)]
pub struct Driver {
    /// The autopilot drives (a demonstration of good technique); else the trainee's controls.
    pub autopilot: bool,
    pub autopilot_opts: AutopilotOptions,
    /// Fixed seed for the next scenario opened (else the scenario's own, else a fresh one).
    pub seed: Option<u64>,
}

/// The scenario chosen at the menu, with its generated field (the briefing's map).
#[derive(Resource, Clone, Debug)]
pub struct Chosen {
    pub loaded: LoadedScenario,
    pub seed: u64,
    pub field: Field,
    /// Its place in the catalog, for "next scenario".
    pub catalog_index: Option<usize>,
}

/// A scenario the menu could not open: its name and every problem found, for the menu to list.
#[derive(Resource, Clone, Debug, Default)]
pub struct MenuNotice {
    pub subject: String,
    pub problems: Vec<Problem>,
    /// Problems that are not about a place in a scenario file (e.g. a damaged replay).
    pub plain: Vec<String>,
}

/// The trainee's stored attempts, for the progress screen.
#[derive(Resource, Clone, Debug)]
pub struct ProgressData {
    pub trainee: String,
    pub attempts: Vec<crate::progress::Attempt>,
}

/// The replay under review: its re-simulated timeline and where it came from.
#[derive(Resource, Clone, Debug)]
pub struct ReviewData {
    pub file: PathBuf,
    pub trainee: Option<String>,
    pub trace: crate::replay::trace::Trace,
}

/// How a finished session went into the trainee's progress.
#[derive(Clone, Debug, PartialEq)]
pub struct Stored {
    pub id: i64,
    pub driven_by: DrivenBy,
    pub course: CourseMatch,
}

impl Stored {
    /// What the debrief says about it, in English.
    pub fn message(&self) -> String {
        self.message_in(crate::text::Lang::En)
    }

    /// What the debrief says about it, in `lang`.
    pub fn message_in(&self, lang: crate::text::Lang) -> String {
        if !self.driven_by.counts_as_attempt() {
            let driven = crate::text::word(lang, "debrief-driven", self.driven_by.key());
            crate::tr!(lang, "debrief-stored-demo", driven = driven)
        } else if !self.course.counts() {
            let course = crate::text::word(lang, "debrief-course", self.course.key());
            crate::tr!(lang, "debrief-stored-practice", course = course)
        } else {
            crate::tr!(lang, "debrief-stored-attempt")
        }
    }

    /// Whether it counts as the trainee's attempt at the course.
    pub fn counts(&self) -> bool {
        self.driven_by.counts_as_attempt() && self.course.counts()
    }
}

/// The finished session, for the debrief screen.
#[derive(Resource, Clone, Debug)]
pub struct Debrief {
    pub report: ScoreReport,
    /// One sample a second: the speed and depth charts and the path.
    pub samples: Vec<Sample>,
    /// Where its replay was saved, or why it could not be.
    pub replay: Option<Result<PathBuf, String>>,
    /// How the session was stored in the trainee's progress, or why it could not be.
    pub attempt: Option<Result<Stored, String>>,
}

/// Where sessions are recorded (none in the headless flow unless set), and the running one's file.
#[derive(Resource, Clone, Debug, Default)]
pub struct Recording {
    pub dir: Option<PathBuf>,
    /// Folder of the progress database (attempts are stored when a trainee is named).
    pub progress_dir: Option<PathBuf>,
    pub trainee: Option<String>,
    pub path: Option<PathBuf>,
    last_checkpoint: Option<std::time::Instant>,
}

/// A running session's replay is rewritten this often, so a crash loses at most this much.
const CHECKPOINT_S: f64 = 5.0;

/// Whether the running session is paused (the sim's clock stops; the view stays).
#[derive(Resource, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Paused(pub bool);

/// Work the flow does that others order themselves against.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FlowSet {
    /// On entering `Operating`: the session (field, bodies, sim resources) is installed.
    Install,
    /// In `PreUpdate`, once input and requests are in: the session's due ticks run.
    Step,
}

/// The flow: states, requests and session lifecycle. Needs `StatesPlugin` (in
/// `DefaultPlugins`).
pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>();
    app.add_message::<FlowRequest>();
    app.init_resource::<Driver>();
    app.init_resource::<Paused>();
    app.init_resource::<MenuNotice>();
    app.init_resource::<Recording>();
    app.init_resource::<Seat>();
    app.init_resource::<runner::SimPace>();
    app.insert_resource(Catalog::scan(Some(std::path::Path::new(catalog::SCENARIOS_DIR))));
    editor::plugin(app);
    app.add_systems(PreUpdate, (handle_requests.before(FlowSet::Step), runner::step_session.in_set(FlowSet::Step).run_if(in_state(Screen::Operating))));
    app.add_systems(OnEnter(Screen::Operating), begin_session.in_set(FlowSet::Install));
    app.add_systems(OnExit(Screen::Operating), resume_clock);
    app.add_systems(OnEnter(Screen::Menu), (end_session, refresh_replays));
    app.add_systems(OnEnter(Screen::Briefing), end_session);
    app.add_systems(Update, (checkpoint_replay, watch_session_end).chain().run_if(in_state(Screen::Operating)));
}

/// The flow without a window: what the state-flow tests drive, with the app's own plugins.
pub fn headless_app() -> App {
    headless_app_with(())
}

/// The headless flow with more plugins (e.g. the controls, with bevy's input plugin).
pub fn headless_app_with<M>(extra: impl bevy::app::Plugins<M>) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins.build().disable::<bevy::app::ScheduleRunnerPlugin>(), bevy::state::app::StatesPlugin, plugin));
    app.add_plugins(extra);
    app.insert_resource(Time::<Fixed>::from_hz(sim::TICK_HZ));
    app.world_mut().resource_mut::<Time<Virtual>>().set_max_delta(std::time::Duration::from_secs(3600));
    // A test steps many ticks per update.
    app.world_mut().resource_mut::<runner::SimPace>().max_per_frame = u32::MAX;
    app.finish();
    app.cleanup();
    app
}

/// Loads `arg` and makes it the chosen scenario, or returns its problems.
pub fn choose(arg: &str, driver: &Driver, catalog: &Catalog) -> Result<Chosen, Vec<Problem>> {
    let loaded = scenario::load_scenario_arg(arg)?;
    let seed = driver.seed.or(loaded.scenario.seed).unwrap_or_else(crate::fresh_seed);
    let field = crate::field::generate(&loaded.scenario, seed);
    let catalog_index = catalog.position(arg);
    Ok(Chosen { loaded, seed, field, catalog_index })
}

#[allow(clippy::too_many_arguments)]
fn handle_requests(
    mut requests: MessageReader<FlowRequest>,
    mut commands: Commands,
    screen: Res<State<Screen>>,
    mut next: ResMut<NextState<Screen>>,
    driver: Res<Driver>,
    catalog: Res<Catalog>,
    chosen: Option<Res<Chosen>>,
    mut notice: ResMut<MenuNotice>,
    mut paused: ResMut<Paused>,
    mut draft: Option<ResMut<editor::Draft>>,
    mut finish: Option<ResMut<FinishRequest>>,
    mut time: ResMut<Time<Virtual>>,
    rec: Res<Recording>,
    (seat, mut source, command): (Res<Seat>, Option<ResMut<CommandSource>>, Option<Res<OperatorCommand>>),
    mut exit: MessageWriter<AppExit>,
) {
    let here = *screen.get();
    // A scenario opens to its briefing, or stays on the menu with its problems listed.
    let open = |arg: &str, commands: &mut Commands, notice: &mut MenuNotice, next: &mut NextState<Screen>| match choose(arg, &driver, &catalog) {
        Ok(c) => {
            *notice = MenuNotice::default();
            commands.insert_resource(c);
            next.set(Screen::Briefing);
        }
        Err(problems) => {
            warn!("cannot open {arg}: {} problem(s)", problems.len());
            *notice = MenuNotice { subject: arg.to_string(), problems, plain: Vec::new() };
            next.set(Screen::Menu);
        }
    };
    for req in requests.read() {
        if seat.exam
            && let Some(why) = refused_at_exam_seat(req, &rec)
        {
            warn!("{why}");
            if here == Screen::Menu {
                *notice = MenuNotice { subject: crate::tr!(crate::text::ui_lang(), "flow-exam-subject"), problems: Vec::new(), plain: vec![why] };
            }
            continue;
        }
        match req {
            FlowRequest::Open(arg) => open(arg, &mut commands, &mut notice, &mut next),
            FlowRequest::Progress => {
                match load_progress(&rec) {
                    Ok(data) => {
                        commands.insert_resource(data);
                        next.set(Screen::Progress);
                    }
                    Err(e) => {
                        warn!("cannot show progress: {e}");
                        *notice = MenuNotice { subject: "progress".into(), problems: Vec::new(), plain: vec![e] };
                        next.set(Screen::Menu);
                    }
                }
            }
            FlowRequest::Review(path) => {
                match load_review(path) {
                    Ok(data) => {
                        *notice = MenuNotice::default();
                        commands.insert_resource(data);
                        next.set(Screen::Review);
                    }
                    Err(e) => {
                        warn!("{e}");
                        *notice = MenuNotice { subject: e.file, problems: Vec::new(), plain: vec![e.problem] };
                        next.set(Screen::Menu);
                    }
                }
            }
            FlowRequest::DriveFrom(path, at_s) => match take_over(path, *at_s) {
                Ok((chosen, plan)) => {
                    info!("taking over {} at {at_s:.1} s", path.display());
                    commands.insert_resource(chosen);
                    commands.insert_resource(plan);
                    next.set(Screen::Operating);
                }
                Err(e) => {
                    warn!("{e}");
                    *notice = MenuNotice { subject: e.file, problems: Vec::new(), plain: vec![e.problem] };
                    next.set(Screen::Menu);
                }
            },
            FlowRequest::Begin | FlowRequest::Retry if chosen.is_some() => next.set(Screen::Operating),
            FlowRequest::Begin | FlowRequest::Retry => {}
            FlowRequest::Finish if here == Screen::Operating => {
                if let Some(f) = finish.as_mut() {
                    f.0 = true;
                }
                // The finish must reach the sim even from a paused session.
                paused.0 = false;
                time.unpause();
            }
            FlowRequest::Finish => {}
            FlowRequest::TogglePause if here == Screen::Operating => {
                paused.0 = !paused.0;
                if paused.0 { time.pause() } else { time.unpause() }
            }
            FlowRequest::TogglePause => {}
            FlowRequest::Next => {
                let from = chosen.as_ref().and_then(|c| c.catalog_index);
                if let Some(entry) = catalog.next_after(from) {
                    open(&entry.arg, &mut commands, &mut notice, &mut next);
                } else {
                    next.set(Screen::Menu);
                }
            }
            FlowRequest::Edit(arg) => {
                match open_draft(arg.as_deref(), draft.is_some()) {
                    Some(Err(problems)) => {
                        warn!("cannot edit {}: {} problem(s)", arg.as_deref().unwrap_or(""), problems.len());
                        *notice = MenuNotice { subject: format!("{} for editing", arg.as_deref().unwrap_or("")), problems, plain: Vec::new() };
                        next.set(Screen::Menu);
                    }
                    Some(Ok(d)) => {
                        *notice = MenuNotice::default();
                        commands.insert_resource(d);
                        next.set(Screen::Editor);
                    }
                    None => {
                        if let Some(d) = draft.as_mut() {
                            d.test_driving = false;
                        }
                        next.set(Screen::Editor);
                    }
                }
            }
            FlowRequest::TestDrive => match draft.as_mut().map(|d| (d.chosen(), d)) {
                Some((Ok(c), d)) => {
                    d.test_driving = true;
                    commands.insert_resource(c);
                    next.set(Screen::Briefing);
                }
                Some((Err(problems), _)) => warn!("cannot test-drive the draft: {} problem(s)", problems.len()),
                None => {}
            },
            FlowRequest::Menu => match draft.as_mut() {
                // A test drive returns to its editor.
                Some(d) if d.test_driving && here != Screen::Editor => {
                    d.test_driving = false;
                    next.set(Screen::Editor);
                }
                Some(d) if here == Screen::Editor && d.is_dirty() && !d.leave_confirmed => d.leave_asked = true,
                Some(d) if here == Screen::Editor && d.is_dirty() => {
                    // Changes discarded on purpose: the next visit starts afresh.
                    commands.remove_resource::<editor::Draft>();
                    next.set(Screen::Menu);
                }
                Some(d) if here == Screen::Editor => {
                    // Nothing unsaved: the editor reopens where the instructor left it.
                    d.leave_asked = false;
                    next.set(Screen::Menu);
                }
                _ => next.set(Screen::Menu),
            },
            FlowRequest::SwitchDriver if here == Screen::Operating => {
                if let Some(src) = source.as_mut() {
                    if src.is_autopilot() {
                        src.take_controls(command.as_deref().copied().unwrap_or_default());
                        info!("the trainee takes the controls from the autopilot");
                    } else {
                        src.hand_to_autopilot();
                        info!("the trainee hands the machine to the autopilot: the session is now a demonstration");
                    }
                }
            }
            FlowRequest::SwitchDriver => {}
            FlowRequest::Quit => {
                exit.write(AppExit::Success);
            }
        }
    }
}

/// A trainee's attempts for the progress screen, or why they cannot be shown.
fn load_progress(rec: &Recording) -> Result<ProgressData, String> {
    match (&rec.trainee, &rec.progress_dir) {
        (Some(name), Some(dir)) => crate::progress::Store::open(dir)
            .and_then(|store| store.attempts(Some(name)))
            .map(|attempts| ProgressData { trainee: name.clone(), attempts })
            .map_err(|e| e.to_string()),
        (None, _) => Err(crate::tr!(crate::text::ui_lang(), "flow-progress-needs-name")),
        (_, None) => Err(crate::tr!(crate::text::ui_lang(), "flow-progress-no-folder")),
    }
}

/// A replay read and traced for the review screen.
/// A session to take over from a replay: its recorded commands up to the moment, who gave
/// them, and the original's report to compare the new session with.
#[derive(Resource, Clone, Debug)]
pub struct TakeOverPlan {
    pub prefix: Vec<OperatorCommand>,
    pub recorded: crate::operator::Provenance,
    pub at_tick: u64,
    pub original: Option<ScoreReport>,
}

/// The running (or just debriefed) session was taken over from a replay at `from_s`.
#[derive(Resource, Clone, Debug)]
pub struct TakenOver {
    pub from_s: f32,
    pub original: Option<ScoreReport>,
}

/// The scenario and plan to take over the replay at `path` at `at_s`.
fn take_over(path: &std::path::Path, at_s: f32) -> Result<(Chosen, TakeOverPlan), crate::replay::ReplayError> {
    let file = path.display().to_string();
    let replay = crate::replay::Replay::load(path)?;
    let at_tick = (at_s.max(0.0) as f64 * replay.meta.tick_hz).round() as u64;
    let loaded = crate::replay::resume::check(&replay, &file, at_tick)?;
    let field = crate::field::generate(&loaded.scenario, replay.meta.seed);
    let plan = TakeOverPlan { prefix: replay.commands[..at_tick as usize].to_vec(), recorded: replay.meta.provenance.clone(), at_tick, original: replay.meta.report.clone() };
    Ok((Chosen { loaded, seed: replay.meta.seed, field, catalog_index: None }, plan))
}

fn load_review(path: &std::path::Path) -> Result<ReviewData, crate::replay::ReplayError> {
    let file = path.display().to_string();
    let replay = crate::replay::Replay::load(path)?;
    let trace = crate::replay::trace::trace(&replay, &file)?;
    Ok(ReviewData { file: path.to_path_buf(), trainee: replay.meta.trainee.clone(), trace })
}

/// The draft the editor opens for `arg`: none to keep the one open, the template, a copy of a
/// built-in, a file, or a new file's template; or the problems of a file it cannot read.
fn open_draft(arg: Option<&str>, one_open: bool) -> Option<Result<editor::Draft, Vec<crate::scenario::Problem>>> {
    match arg {
        None if one_open => None,
        None => Some(Ok(editor::Draft::from_template(None))),
        Some(a) if a == editor::TEMPLATE => Some(Ok(editor::Draft::from_template(None))),
        Some(a) => Some(match editor::Draft::from_builtin(a) {
            Some(d) => Ok(d),
            None if std::path::Path::new(a).exists() => editor::Draft::open(std::path::Path::new(a)),
            None => Ok(editor::Draft::from_template(Some(a.into()))),
        }),
    }
}

/// Installs a session for the chosen scenario (re-entering `Operating` on retry starts afresh).
fn begin_session(world: &mut World) {
    let Some(chosen) = world.get_resource::<Chosen>().cloned() else {
        world.resource_mut::<NextState<Screen>>().set(Screen::Menu);
        return;
    };
    let mut driver = world.resource::<Driver>().clone();
    let exam = world.resource::<Seat>().exam;
    if exam {
        driver.autopilot = false;
        world.insert_resource(ExamSession);
    } else {
        world.remove_resource::<ExamSession>();
    }
    let source = if driver.autopilot { SourceSetup::Autopilot(driver.autopilot_opts.clone()) } else { SourceSetup::Live };
    info!("operating {} (seed {}, {})", chosen.loaded.origin, chosen.seed, if driver.autopilot { "autopilot" } else { "trainee" });
    let title = chosen.loaded.scenario.title.english().to_string();
    world.remove_resource::<TakenOver>();
    if let Some(plan) = world.remove_resource::<TakeOverPlan>() {
        // A replay taken over: its own commands to the moment, at once, then the driver.
        runner::start(world, SimSetup { loaded: chosen.loaded.clone(), seed: chosen.seed, source: SourceSetup::Script(plan.prefix) });
        runner::advance(world, plan.at_tick);
        let then = if driver.autopilot { crate::replay::resume::TakeOver::Autopilot(driver.autopilot_opts.clone()) } else { crate::replay::resume::TakeOver::Trainee };
        crate::replay::resume::hand_over(world, &chosen.loaded, &plan.recorded, plan.at_tick, then);
        world.insert_resource(TakenOver { from_s: (plan.at_tick as f64 / crate::sim::TICK_HZ) as f32, original: plan.original });
    } else {
        runner::start(world, SimSetup { loaded: chosen.loaded, seed: chosen.seed, source });
    }
    let mut rec = world.resource_mut::<Recording>();
    rec.path = rec.dir.as_ref().map(|d| crate::replay::new_path(d, &title));
    rec.last_checkpoint = Some(std::time::Instant::now());
    world.remove_resource::<Debrief>();
    world.insert_resource(Paused(false));
    world.resource_mut::<Time<Virtual>>().unpause();
}

fn resume_clock(mut paused: ResMut<Paused>, mut time: ResMut<Time<Virtual>>) {
    paused.0 = false;
    time.unpause();
}

fn refresh_replays(mut catalog: ResMut<Catalog>, rec: Res<Recording>) {
    // Scenarios saved from the editor (or copied in) appear without a restart.
    catalog.rescan();
    if let Some(dir) = &rec.dir {
        catalog.scan_replays(dir);
    }
    if let Some(dir) = &rec.progress_dir {
        // Only an existing database is read: the menu must not create one by looking.
        if dir.join("progress.sqlite").exists() {
            catalog.trainees = crate::progress::Store::open(dir).and_then(|s| s.trainees()).unwrap_or_default();
        }
    }
}

fn end_session(world: &mut World) {
    runner::stop(world);
}

/// When the sim ends (finished, time limit, machine disabled): the report, then the debrief.
fn watch_session_end(world: &mut World) {
    let ended = world.get_resource::<SimClock>().is_some_and(|c| c.ended.is_some());
    if !ended {
        return;
    }
    let report = sim::report(world);
    let samples = world.resource::<Scorekeeper>().samples.clone();
    info!("session ended: score {:.1} ({})", report.score, if report.passed { "pass" } else { "fail" });
    let rec = world.resource::<Recording>().clone();
    let replay = rec.path.map(|path| {
        let r = crate::replay::Replay::with_report(world, rec.trainee.clone(), Some(report.clone()));
        match r.save(&path) {
            Ok(()) => {
                info!("replay saved to {}", path.display());
                Ok(path)
            }
            Err(e) => {
                error!("cannot save the replay to {}: {e}", path.display());
                Err(crate::tr!(crate::text::ui_lang(), "flow-replay-not-saved", path = path.display().to_string(), error = e.to_string()))
            }
        }
    });
    let taken_over = world.get_resource::<TakenOver>().map(|t| t.from_s);
    let attempt = match (&rec.trainee, &rec.progress_dir) {
        // Practice from a replay: part of it was driven before, so it is no one's attempt.
        (Some(_), Some(_)) if let Some(from_s) = taken_over => Some(Err(crate::tr!(crate::text::ui_lang(), "flow-taken-over-not-stored", from = crate::text::mmss(from_s)))),
        (Some(name), Some(dir)) => {
            let loaded = world.resource::<crate::sim::Session>().loaded.clone();
            let provenance = world.get_resource::<Provenance>().cloned().unwrap_or_default();
            let ticks = world.resource::<SimClock>().tick;
            let started = crate::unix_now() as i64 - report.sim_seconds as i64;
            let path = replay.as_ref().and_then(|r| r.as_ref().ok()).cloned();
            let attempt = crate::progress::NewAttempt {
                trainee: name,
                report: &report,
                scenario_text: &loaded.text,
                scenario_origin: &loaded.origin,
                machine: &loaded.machine,
                started_unix: started,
                replay_path: path.as_deref(),
                provenance: &provenance,
                ticks,
                exam: world.contains_resource::<ExamSession>(),
            };
            let saved = crate::progress::Store::open(dir).and_then(|mut s| s.record(&attempt)).map(|id| Stored {
                id,
                driven_by: provenance.driven_by(),
                course: crate::progress::Course::builtin().classify(&loaded.text, &loaded.machine, &report.scenario, &loaded.origin),
            });
            let saved = saved.map_err(|e| {
                error!("cannot store the attempt: {e}");
                match &path {
                    Some(p) => format!("{e}. The replay is saved: `mineclear import {}` adds it later", p.display()),
                    None => e.to_string(),
                }
            });
            Some(saved)
        }
        _ => None,
    };
    world.insert_resource(Debrief { report, samples, replay, attempt });
    // The clock stays (ended) so the sim stays stopped; its world is removed on leaving the debrief.
    world.resource_mut::<NextState<Screen>>().set(Screen::Debrief);
}

/// Rewrites the running session's replay every few seconds (marked incomplete).
fn checkpoint_replay(world: &mut World) {
    let rec = world.resource::<Recording>();
    let (Some(path), Some(last)) = (rec.path.clone(), rec.last_checkpoint) else { return };
    if last.elapsed().as_secs_f64() < CHECKPOINT_S || world.get_resource::<SimClock>().is_none_or(|c| c.ended.is_some()) {
        return;
    }
    let trainee = rec.trainee.clone();
    let r = crate::replay::Replay::from_world(world, trainee);
    if let Err(e) = r.save(&path) {
        warn!("cannot checkpoint the replay to {}: {e}", path.display());
    }
    world.resource_mut::<Recording>().last_checkpoint = Some(std::time::Instant::now());
}

/// Where a debrief's report is saved by default: next to where the app runs, named by scenario
/// and time.
pub fn default_report_path(report: &ScoreReport) -> PathBuf {
    PathBuf::from(format!("mineclear-report-{}-{}.json", crate::file_stem(&report.scenario), crate::unix_now()))
}
