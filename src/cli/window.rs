//! The commands that open the trainer's window: `play`, `edit` and `review`.

use std::path::{Path, PathBuf};

use clap::Args;

use super::{CliError, SeedArg, StartCamera, StartScreen, WindowSize, load_scenario};
use crate::app::LaunchOptions;
use crate::tr;
use crate::trainer::Screen;

/// How the window is shown, and the screenshot-and-exit that scripts and the README use.
#[derive(Args, Clone, Debug)]
pub struct DisplayArgs {
    /// Save a screenshot of the screen, then exit.
    #[arg(long)]
    pub screenshot: Option<PathBuf>,
    /// Seconds on the screen before the screenshot (simulated seconds while operating).
    #[arg(long, default_value_t = 2.0)]
    pub after_secs: f32,
    /// Window size, e.g. 1280x720.
    #[arg(long)]
    pub window: Option<WindowSize>,
}

impl Default for DisplayArgs {
    fn default() -> Self {
        DisplayArgs { screenshot: None, after_secs: 2.0, window: None }
    }
}

impl DisplayArgs {
    /// The launch options these flags set; the command fills in the rest.
    fn launch(self) -> LaunchOptions {
        LaunchOptions {
            screenshot: self.screenshot,
            after_secs: self.after_secs,
            window: self.window.map(|size| (size.width, size.height)),
            ..Default::default()
        }
    }
}

#[derive(Args, Clone, Debug, Default)]
pub struct PlayArgs {
    /// Scenario file or built-in name; without one, the trainer opens at the menu.
    pub scenario: Option<String>,
    /// Screen to open (default: briefing with a scenario, else the menu). The debrief runs the
    /// session to its end first; progress needs --trainee.
    #[arg(long, value_enum)]
    pub screen: Option<StartScreen>,
    /// Let the autopilot drive (a demonstration, and what screenshots use).
    #[arg(long)]
    pub autopilot: bool,
    /// The autopilot's working speed, km/h (default: adapts to the soil to hold the depth); a
    /// hurried demonstration beside the expert's ghost.
    #[arg(long, requires = "autopilot")]
    pub speed_kmh: Option<f32>,
    /// A lane the autopilot leaves out (1-based; repeat for several).
    #[arg(long, requires = "autopilot")]
    pub skip_lane: Vec<u32>,
    #[command(flatten)]
    pub seed: SeedArg,
    /// Camera to start with (post is the remote operator's name for the cab view).
    #[arg(long, value_enum)]
    pub camera: Option<StartCamera>,
    /// Run the session this many simulated seconds before showing it.
    #[arg(long)]
    pub skip_to_s: Option<f32>,
    /// Pause the session once it is shown (after --after-secs): the pause screen, with its
    /// sound volumes, for checks and screenshots.
    #[arg(long)]
    pub paused: bool,
    #[command(flatten)]
    pub display: DisplayArgs,
    /// With --screenshot: print the main thread's CPU time per frame while operating.
    #[arg(long)]
    pub frame_stats: bool,
    /// The trainee: attempts are stored under this name (the menu has the same box).
    #[arg(long)]
    pub trainee: Option<String>,
    /// An exam seat (as `mineclear --exam`).
    #[arg(long)]
    pub exam: bool,
    /// The expert beside you: its ghost while operating (G switches it), and the debrief
    /// compared with it. Not at an exam seat.
    #[arg(long, conflicts_with = "exam")]
    pub expert: bool,
}

#[derive(Args, Clone, Debug)]
pub struct EditArgs {
    pub file: Option<String>,
    #[command(flatten)]
    pub display: DisplayArgs,
}

#[derive(Args, Clone, Debug)]
pub struct ReviewArgs {
    pub file: PathBuf,
    /// Start at this time, seconds (paused there).
    #[arg(long, default_value_t = 0.0)]
    pub at_s: f32,
    /// Show the mines and their fates from the start.
    #[arg(long)]
    pub reveal: bool,
    /// Show the expert (the autopilot on the same field) beside the trainee.
    #[arg(long)]
    pub expert: bool,
    /// Take the session over at `--at-s` at once ("Drive from here"): you drive on, or the
    /// autopilot with `--autopilot`.
    #[arg(long)]
    pub take_over: bool,
    /// With `--take-over`: the autopilot drives on.
    #[arg(long, requires = "take_over")]
    pub autopilot: bool,
    #[command(flatten)]
    pub display: DisplayArgs,
}

/// Runs the window app to its end.
fn run_app(opts: LaunchOptions) -> Result<(), CliError> {
    match crate::app::app(opts).run() {
        bevy::app::AppExit::Success => Ok(()),
        bevy::app::AppExit::Error(_) => Err(CliError::App),
    }
}

/// `mineclear play` (and no command at all).
pub fn play(args: PlayArgs, exam_seat: bool) -> Result<(), CliError> {
    let lang = crate::text::ui_lang();
    let usage = |problem: String| Err(CliError::usage("mineclear play", problem));
    let exam = args.exam || exam_seat;
    if exam && args.autopilot {
        return usage(tr!(lang, "cli-play-exam-no-autopilot", autopilot = "--autopilot", exam = "--exam"));
    }
    if exam && args.scenario.as_deref().is_some_and(|name| crate::progress::Course::builtin().get(name).is_none()) {
        return usage(tr!(lang, "cli-play-exam-course-only", command = "mineclear list"));
    }
    if args.screen == Some(StartScreen::Progress) && args.trainee.is_none() {
        return usage(tr!(lang, "cli-play-progress-needs-trainee", screen = "--screen progress", trainee = "--trainee"));
    }
    if args.screen.is_some_and(|s| !matches!(s, StartScreen::Menu | StartScreen::Progress)) && args.scenario.is_none() {
        return usage(tr!(lang, "cli-play-screen-needs-scenario", flag = "--screen"));
    }
    // A scenario given on the command line is checked here, so its problems print plainly
    // (the menu shows them too).
    if let Some(name) = &args.scenario {
        load_scenario(name)?;
    }
    run_app(LaunchOptions {
        scenario: args.scenario,
        screen: args.screen.map(Screen::from),
        autopilot: args.autopilot,
        autopilot_opts: crate::operator::AutopilotOptions { speed_kmh: args.speed_kmh, skip_lanes: args.skip_lane, ..Default::default() },
        seed: args.seed.seed,
        camera: args.camera.map(Into::into),
        skip_to_s: args.skip_to_s,
        paused: args.paused,
        frame_stats: args.frame_stats,
        trainee: args.trainee,
        exam,
        expert: args.expert,
        ..args.display.launch()
    })
}

/// `mineclear edit`: a file that is there but cannot be read as a scenario is reported
/// plainly; one that reads but has meaning problems opens with them shown beside their fields.
pub fn edit(args: EditArgs) -> Result<(), CliError> {
    if let Some(file) = &args.file
        && Path::new(file).exists()
        && let Err(problems) = crate::trainer::editor::Draft::open(Path::new(file))
    {
        return Err(CliError::EditorCannotRead(problems));
    }
    run_app(LaunchOptions { scenario: args.file, screen: Some(Screen::Editor), ..args.display.launch() })
}

/// `mineclear review`: a file that cannot be read as a replay is reported here plainly (the
/// menu shows it too).
pub fn review(args: ReviewArgs) -> Result<(), CliError> {
    crate::replay::Replay::load(&args.file)?;
    run_app(LaunchOptions {
        review: Some(args.file),
        review_at_s: args.at_s,
        review_reveal: args.reveal,
        review_take_over: args.take_over,
        expert: args.expert,
        autopilot: args.autopilot,
        ..args.display.launch()
    })
}
