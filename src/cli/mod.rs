//! The `mineclear` command line: the arguments (clap's derive), one function per subcommand,
//! and the one place where what went wrong becomes an exit status.
//!
//! Exit statuses: 0 done; 1 a file, database or session failed (each problem printed, naming
//! its file); 2 the command line cannot be done as asked (clap's own errors exit 2 as well);
//! 3 a replay recorded under another clearing model (re-score it; it cannot be verified).

mod headless;
mod records;
mod window;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::progress::StoreError;
use crate::replay::ReplayError;
use crate::scenario::{self, Problem};

#[derive(Parser)]
#[command(name = "mineclear", version, about = "Training simulator for mechanical mine-clearing machine operators")]
pub struct Cli {
    /// Open the trainer as an exam seat: the course only, no autopilot, no editor, no scenario
    /// files or replays, the trainee's name required (also `exam_seat: true` in the data
    /// folder's settings.ron).
    #[arg(long)]
    pub exam: bool,
    /// The language of the screens and of the command line's text: uk or en (default: the
    /// one switched on the menu, else the operating system's). Reports' JSON stays English.
    #[arg(long, global = true, value_parser = parse_lang)]
    pub lang: Option<crate::text::Lang>,
    /// No sound this run: the audio device is not opened (the trainer's own mute, on the
    /// menu and the pause screen, is remembered instead).
    #[arg(long, global = true)]
    pub mute: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand)]
pub enum Command {
    /// Check scenario and machine files; prints one line per problem, exits 0 only if all are valid.
    Validate {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Write a top-down map of a scenario's generated field, with every mine, as PNG.
    Preview(headless::PreviewArgs),
    /// Run a session headless as fast as possible and print its report.
    Run(headless::RunArgs),
    /// Open the trainer (the window): the menu, or straight to a scenario's screen.
    Play(window::PlayArgs),
    /// Open the scenario editor: a file (a new one if it does not exist), a copy of a built-in
    /// scenario by name, or with neither a new scenario from the template.
    Edit(window::EditArgs),
    /// Open a recorded session in the trainer's review screen.
    Review(window::ReviewArgs),
    /// The class table: trainee × scenario with best score, attempts and passed.
    Progress(records::ProgressArgs),
    /// Add attempts from replay files made elsewhere; each is re-simulated, never trusted.
    Import(records::ImportArgs),
    /// Check and re-score recorded sessions.
    Replay {
        #[command(subcommand)]
        action: records::ReplayAction,
    },
    /// List the built-in scenarios and machines.
    List,
    /// A printable report of a recorded attempt: one HTML page with its images embedded (print
    /// it, or save it as PDF, from a browser), in the language of `--lang`.
    Report(records::ReportArgs),
}

/// Where the progress database lives; shared by the commands that read or write it.
#[derive(Args, Clone, Debug, Default)]
pub struct DataDirArg {
    /// Folder of the progress database (default: $MINECLEAR_DATA_DIR or the user data folder).
    #[arg(long)]
    pub data_dir: Option<PathBuf>,
}

/// The field's seed; shared by every command that generates a field.
#[derive(Args, Clone, Debug, Default)]
pub struct SeedArg {
    /// Seed for the field (default: the scenario's own, else a fresh one that is printed).
    #[arg(long)]
    pub seed: Option<u64>,
}

/// What went wrong, by boundary; `exit_code` is the one place they become exit statuses.
/// What they say is in the command line's language (`text::ui_lang`).
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The command line asks for something that cannot be done (exit 2, as clap's errors).
    #[error("{command}: {problem}")]
    Usage { command: &'static str, problem: String },
    /// Scenario or machine files that cannot be used, each problem located in its file.
    #[error("{}", lines(.0))]
    Problems(Vec<Problem>),
    /// A scenario file the editor cannot open (it needs a file it can read).
    #[error("{}\n{}", lines(.0), editor_cannot_read())]
    EditorCannotRead(Vec<Problem>),
    #[error("{}", write_failed(.path, .what, .source))]
    Write { path: PathBuf, what: &'static str, source: std::io::Error },
    #[error(transparent)]
    Replay(#[from] ReplayError),
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A comments file beside a replay that cannot be read or written.
    #[error("{0}")]
    Comments(String),
    /// A sound recording that cannot be written (the message names the file).
    #[error("{0}")]
    Sound(String),
    /// A replay from another clearing model (exit 3): sound, but it cannot be verified.
    #[error("{0}")]
    OtherModel(crate::replay::OtherModel),
    /// Some of several files failed; each was reported as it came. `what` is the message
    /// (`cli-error-some-…`, with `$failed` and `$of`) that says which files and what befell them.
    #[error("{}", some_failed(.failed, .of, .what))]
    Some { failed: usize, of: usize, what: &'static str },
    /// Replays from another clearing model were the only ones refused (exit 3).
    #[error("{}", other_model_refused(.refused, .of))]
    SomeOtherModel { refused: usize, of: usize },
    #[error("{}", no_replays_found())]
    NoReplaysFound,
    /// The trainer's window app ended with an error (it has logged what).
    #[error("{}", say("cli-error-app"))]
    App,
}

fn lines(problems: &[Problem]) -> String {
    problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
}

/// A sentence of the command line in its language.
fn say(id: &str) -> String {
    crate::text::tr_in(crate::text::ui_lang(), id, &[])
}

fn editor_cannot_read() -> String {
    crate::tr!(crate::text::ui_lang(), "cli-error-editor-cannot-read", command = "mineclear edit")
}

fn no_replays_found() -> String {
    crate::tr!(crate::text::ui_lang(), "cli-error-no-replays", command = "mineclear replay score")
}

fn write_failed(path: &std::path::Path, what: &str, source: &std::io::Error) -> String {
    let lang = crate::text::ui_lang();
    let what = match what {
        "preview" => crate::tr!(lang, "cli-what-preview"),
        "report" => crate::tr!(lang, "cli-what-report"),
        "replay" => crate::tr!(lang, "cli-what-replay"),
        "CSV" => crate::tr!(lang, "cli-what-csv"),
        other => other.to_string(),
    };
    crate::tr!(lang, "cli-error-write", path = path.display().to_string(), what = what, error = source.to_string())
}

fn some_failed(failed: &usize, of: &usize, what: &str) -> String {
    crate::tr!(crate::text::ui_lang(), what, failed = *failed, of = *of)
}

fn other_model_refused(refused: &usize, of: &usize) -> String {
    crate::tr!(crate::text::ui_lang(), "cli-error-other-model", refused = *refused, of = *of, command = "mineclear replay score")
}

impl CliError {
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage { .. } => 2,
            CliError::OtherModel(_) | CliError::SomeOtherModel { .. } => 3,
            _ => 1,
        }
    }

    fn usage(command: &'static str, problem: impl Into<String>) -> CliError {
        CliError::Usage { command, problem: problem.into() }
    }

    fn write(path: &std::path::Path, what: &'static str) -> impl FnOnce(std::io::Error) -> CliError {
        let path = path.to_path_buf();
        move |source| CliError::Write { path, what, source }
    }
}

/// Parses the command line, runs the command, and turns its outcome into an exit status.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match dispatch(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(e.exit_code())
        }
    }
}

fn parse_lang(text: &str) -> Result<crate::text::Lang, String> {
    crate::text::Lang::parse(text).ok_or_else(|| format!("`{text}` is not a language the trainer speaks (uk, en)"))
}

/// One function per subcommand; no command opens the trainer at its menu.
pub fn dispatch(cli: Cli) -> Result<(), CliError> {
    // The language for this process: the command line's, the menu's (settings.ron), the system's.
    let settings = crate::settings::Settings::load(&crate::progress::data_dir(None)).unwrap_or_default();
    crate::text::set_ui_lang(settings.language_or(cli.lang));
    crate::sound::set_muted_by_command_line(cli.mute);
    let command = cli.command.unwrap_or_else(|| Command::Play(window::PlayArgs::default()));
    if cli.exam && !matches!(command, Command::Play(_)) {
        return Err(CliError::usage("mineclear", crate::tr!(crate::text::ui_lang(), "cli-exam-needs-play", flag = "--exam", command = "play")));
    }
    match command {
        Command::Validate { files } => headless::validate(&files),
        Command::Preview(args) => headless::preview(args),
        Command::Run(args) => headless::run(args),
        Command::Play(args) => window::play(args, cli.exam),
        Command::Edit(args) => window::edit(args),
        Command::Review(args) => window::review(args),
        Command::Progress(args) => records::progress(args),
        Command::Import(args) => records::import(args),
        Command::Replay { action: records::ReplayAction::Verify { file } } => records::verify(&file),
        Command::Replay { action: records::ReplayAction::Score { files, csv, jobs } } => records::score(&files, csv.as_deref(), jobs),
        Command::Replay { action: records::ReplayAction::Comment { file, at_s, place, author, text } } => records::comment(&file, at_s, place, author, text),
        Command::Replay { action: records::ReplayAction::Comments { file } } => records::comments(&file),
        Command::Report(args) => records::report(args),
        Command::List => {
            headless::list();
            Ok(())
        }
    }
}

/// Loads a scenario file or built-in; its problems are the error.
fn load_scenario(arg: &str) -> Result<scenario::LoadedScenario, CliError> {
    scenario::load_scenario_arg(arg).map_err(CliError::Problems)
}

/// The seed to use: the flag, else the scenario's, else a fresh one (reported so it can be reused).
fn pick_seed(flag: Option<u64>, loaded: &scenario::LoadedScenario) -> u64 {
    flag.or(loaded.scenario.seed).unwrap_or_else(|| {
        let seed = crate::fresh_seed();
        eprintln!("{}", crate::tr!(crate::text::ui_lang(), "cli-no-seed", seed = seed.to_string(), flag = "--seed"));
        seed
    })
}

/// A window size on the command line, `WIDTHxHEIGHT` (e.g. `1280x720`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WindowSize {
    pub width: u32,
    pub height: u32,
}

impl std::str::FromStr for WindowSize {
    type Err = String;

    fn from_str(text: &str) -> Result<WindowSize, String> {
        let parsed = text.split_once('x').and_then(|(w, h)| Some(WindowSize { width: w.parse().ok()?, height: h.parse().ok()? }));
        match parsed {
            Some(size) if (1..=16384).contains(&size.width) && (1..=16384).contains(&size.height) => Ok(size),
            Some(_) => Err("a window is 1x1 to 16384x16384".into()),
            None => Err("not WIDTHxHEIGHT (e.g. 1280x720)".into()),
        }
    }
}

/// The screens `play --screen` can open (the editor and the review have commands of their own).
#[derive(Clone, Copy, Debug, PartialEq, ValueEnum)]
pub enum StartScreen {
    Menu,
    Briefing,
    Operating,
    Debrief,
    Progress,
}

impl From<StartScreen> for crate::trainer::Screen {
    fn from(screen: StartScreen) -> Self {
        use crate::trainer::Screen;
        match screen {
            StartScreen::Menu => Screen::Menu,
            StartScreen::Briefing => Screen::Briefing,
            StartScreen::Operating => Screen::Operating,
            StartScreen::Debrief => Screen::Debrief,
            StartScreen::Progress => Screen::Progress,
        }
    }
}

/// The cameras `play --camera` can start with; `post` is the remote operator's name for the cab view.
#[derive(Clone, Copy, Debug, PartialEq, ValueEnum)]
pub enum StartCamera {
    #[value(alias = "post")]
    Cab,
    Chase,
    Map,
}

impl From<StartCamera> for crate::view::CameraMode {
    fn from(camera: StartCamera) -> Self {
        use crate::view::CameraMode;
        match camera {
            StartCamera::Cab => CameraMode::Cab,
            StartCamera::Chase => CameraMode::Chase,
            StartCamera::Map => CameraMode::Map,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn window_sizes_parse_or_say_why_not() {
        assert_eq!("1280x720".parse(), Ok(WindowSize { width: 1280, height: 720 }));
        assert!("1280".parse::<WindowSize>().unwrap_err().contains("WIDTHxHEIGHT"));
        assert!("0x720".parse::<WindowSize>().unwrap_err().contains("1x1"));
    }

    #[test]
    fn bad_screens_cameras_and_windows_are_usage_errors() {
        for line in [
            &["mineclear", "play", "first_lesson", "--screen", "nowhere"][..],
            &["mineclear", "play", "--camera", "drone"],
            &["mineclear", "edit", "--window", "big"],
        ] {
            let e = Cli::try_parse_from(line).err().expect("refused");
            assert_eq!(e.exit_code(), 2, "{line:?}");
        }
        let ok = Cli::try_parse_from(["mineclear", "play", "first_lesson", "--camera", "post", "--screen", "debrief", "--window", "800x600"]).unwrap();
        let Some(Command::Play(args)) = ok.command else { panic!("play") };
        assert_eq!(args.camera, Some(StartCamera::Cab));
        assert_eq!(args.screen, Some(StartScreen::Debrief));
        assert_eq!(args.display.window, Some(WindowSize { width: 800, height: 600 }));
        let uk = Cli::try_parse_from(["mineclear", "run", "first_lesson", "--lang", "uk"]).unwrap();
        assert_eq!(uk.lang, Some(crate::text::Lang::Uk));
        assert_eq!(Cli::try_parse_from(["mineclear", "--lang", "km"]).err().map(|e| e.exit_code()), Some(2));
    }

    #[test]
    fn exit_statuses_come_from_one_place() {
        assert_eq!(CliError::usage("mineclear play", "x").exit_code(), 2);
        assert_eq!(CliError::SomeOtherModel { refused: 1, of: 2 }.exit_code(), 3);
        assert_eq!(CliError::Some { failed: 1, of: 2, what: "cli-error-some-files" }.exit_code(), 1);
        assert_eq!(CliError::App.exit_code(), 1);
    }
}
