//! Scenarios and machine specs: the RON files instructors write, how they are found, loaded
//! and checked. Every problem names the file, the line and column, the field, and the fix.

mod locate;
pub mod schema;
mod validate;

use std::fmt;
use std::path::{Path, PathBuf};

pub use locate::{Seg, locate, path_label};
pub use schema::*;
pub use validate::{MAX_FIELD_M, MAX_MINES, validate_machine, validate_scenario};

use crate::machine::spec::MachineSpec;

/// One thing wrong with a file, with enough to find and fix it.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub col: usize,
    /// Field path, e.g. `mines.groups[1].depth_cm`; empty for syntax errors.
    pub place: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: ", self.file, self.line, self.col)?;
        if !self.place.is_empty() {
            write!(f, "{}: ", self.place)?;
        }
        write!(f, "{}", self.message)
    }
}

impl std::error::Error for Problem {}

/// Problems found in one check, before they are tied to a file.
#[derive(Default)]
pub struct Findings(pub Vec<(Vec<Seg>, String)>);

impl Findings {
    pub fn add(&mut self, path: &[Seg], msg: impl Into<String>) {
        self.0.push((path.to_vec(), msg.into()));
    }

    /// Ties findings to a file, locating each one in its text.
    pub fn into_problems(self, file: &str, text: &str) -> Vec<Problem> {
        self.0
            .into_iter()
            .map(|(path, message)| {
                let (line, col) = locate(text, &path);
                Problem { file: file.to_string(), line, col, place: path_label(&path), message }
            })
            .collect()
    }
}

/// The built-in scenarios and machines, compiled in so the trainer runs from anywhere.
pub mod builtin {
    /// (file stem, RON text), in curriculum order; the first is the default scenario.
    pub const SCENARIOS: &[(&str, &str)] = &[
        ("first_lesson", include_str!("../../assets/scenarios/first_lesson.ron")),
        ("mixed_soil_slope", include_str!("../../assets/scenarios/mixed_soil_slope.ron")),
        ("road_verge_at", include_str!("../../assets/scenarios/road_verge_at.ron")),
        ("vegetation_clusters", include_str!("../../assets/scenarios/vegetation_clusters.ron")),
        ("hard_clay", include_str!("../../assets/scenarios/hard_clay.ron")),
        ("wet_ground", include_str!("../../assets/scenarios/wet_ground.ron")),
        ("remote_standoff", include_str!("../../assets/scenarios/remote_standoff.ron")),
        ("exam_mixed", include_str!("../../assets/scenarios/exam_mixed.ron")),
        ("boom_road_verge", include_str!("../../assets/scenarios/boom_road_verge.ron")),
        ("boom_forest_edge", include_str!("../../assets/scenarios/boom_forest_edge.ron")),
    ];
    pub const MACHINES: &[(&str, &str)] = &[
        ("mv4", include_str!("../../assets/machines/mv4.ron")),
        ("hydrema910", include_str!("../../assets/machines/hydrema910.ron")),
        ("d85ms", include_str!("../../assets/machines/d85ms.ron")),
        ("bm307", include_str!("../../assets/machines/bm307.ron")),
    ];
    pub const DEFAULT_SCENARIO: &str = "first_lesson";
}

fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// Turns a ron error into a problem with its position and a plain-language message.
fn syntax_problem(file: &str, e: ron::error::SpannedError) -> Problem {
    let lang = crate::text::ui_lang();
    let message = match &e.code {
        ron::Error::MissingStructField { field, outer } => match outer {
            Some(o) => crate::tr!(lang, "problem-missing-field-in", field = field.to_string(), outer = o),
            None => crate::tr!(lang, "problem-missing-field", field = field.to_string()),
        },
        ron::Error::NoSuchStructField { expected, found, outer } => match outer {
            Some(o) => crate::tr!(lang, "problem-unknown-field-in", found = found, outer = o, expected = expected.join(", ")),
            None => crate::tr!(lang, "problem-unknown-field", found = found, expected = expected.join(", ")),
        },
        // The RON library's own words for the error stay as it writes them.
        ron::Error::Eof | ron::Error::ExpectedStringEnd => crate::tr!(lang, "problem-file-ends-early", error = e.code.to_string()),
        other => format!("{other}"),
    };
    Problem { file: file.to_string(), line: e.span.start.line, col: e.span.start.col, place: String::new(), message }
}

/// Parses scenario text; syntax and shape errors only (see `validate_scenario` for meaning).
pub fn parse_scenario(text: &str, file: &str) -> Result<Scenario, Problem> {
    ron_options().from_str(text).map_err(|e| syntax_problem(file, e))
}

pub fn parse_machine(text: &str, file: &str) -> Result<MachineSpec, Problem> {
    ron_options().from_str(text).map_err(|e| syntax_problem(file, e))
}

/// Serialises a scenario back to RON, as an editor or a replay stores it.
pub fn scenario_to_ron(s: &Scenario) -> String {
    ron::ser::to_string_pretty(s, ron::ser::PrettyConfig::default().struct_names(true)).expect("scenario serialises")
}

/// A machine spec and where it came from.
#[derive(Clone, Debug)]
pub struct FoundMachine {
    pub spec: MachineSpec,
    /// File path, or `built-in:<name>`.
    pub origin: String,
    pub text: String,
}

/// Is `name` a plain machine name (no paths, so a file cannot reach outside `machines/`)?
pub fn is_machine_name(name: &str) -> bool {
    !name.is_empty() && name.len() <= 64 && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

/// Names of every machine a scenario may use: the built-ins and any in `machines_dir`.
pub fn machine_names(machines_dir: Option<&Path>) -> Vec<String> {
    let mut names: Vec<String> = builtin::MACHINES.iter().map(|(n, _)| n.to_string()).collect();
    if let Some(dir) = machines_dir
        && let Ok(rd) = std::fs::read_dir(dir)
    {
        for e in rd.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "ron")
                && let Some(stem) = p.file_stem().and_then(|s| s.to_str())
                && is_machine_name(stem)
                && !names.iter().any(|n| n == stem)
            {
                names.push(stem.to_string());
            }
        }
    }
    names.sort();
    names
}

/// The `machines/` folder beside a scenario's folder (`assets/scenarios/x.ron` → `assets/machines`).
pub fn machines_dir_for(scenario_path: Option<&Path>) -> Option<PathBuf> {
    let dir = scenario_path?.parent()?;
    let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
    let beside = dir.join("..").join("machines");
    if beside.is_dir() {
        return Some(beside);
    }
    let inside = dir.join("machines");
    inside.is_dir().then_some(inside)
}

/// Finds machine `name`: a file in `machines_dir` first (instructors can add or override
/// machines there), else the built-in spec.
pub fn find_machine(name: &str, machines_dir: Option<&Path>) -> Result<FoundMachine, String> {
    if !is_machine_name(name) {
        return Err(crate::tr!(crate::text::ui_lang(), "problem-machine-name-plain", name = name));
    }
    if let Some(dir) = machines_dir {
        let p = dir.join(format!("{name}.ron"));
        if let Ok(text) = std::fs::read_to_string(&p) {
            let origin = p.display().to_string();
            let spec = parse_machine(&text, &origin).map_err(|e| crate::tr!(crate::text::ui_lang(), "problem-machine-file-broken", problem = e.to_string()))?;
            return Ok(FoundMachine { spec, origin, text });
        }
    }
    if let Some((_, text)) = builtin::MACHINES.iter().find(|(n, _)| *n == name) {
        let origin = format!("built-in:{name}");
        let spec = parse_machine(text, &origin).map_err(|e| e.to_string())?;
        return Ok(FoundMachine { spec, origin, text: text.to_string() });
    }
    Err(crate::tr!(crate::text::ui_lang(), "problem-no-machine", name = name, available = machine_names(machines_dir).join(", ")))
}

/// Parses and fully checks scenario text. `path` (if any) is used to find its machines folder.
pub fn load_scenario_text(text: &str, origin: &str, path: Option<&Path>) -> Result<LoadedScenario, Vec<Problem>> {
    let scenario = parse_scenario(text, origin).map_err(|p| vec![p])?;
    let dir = machines_dir_for(path);
    let machine = find_machine(&scenario.machine, dir.as_deref());
    let mut findings = Findings::default();
    if let Err(msg) = &machine {
        findings.add(&[Seg::Field("machine")], msg.clone());
    }
    validate_scenario(&scenario, machine.as_ref().ok().map(|m| &m.spec), &mut findings);
    if !findings.0.is_empty() {
        return Err(findings.into_problems(origin, text));
    }
    Ok(LoadedScenario { scenario, machine: machine.expect("checked above").spec, text: text.to_string(), origin: origin.into() })
}

/// A file that could not be read (the system's own words for why stay as they are).
pub fn cannot_read(e: &std::io::Error) -> String {
    crate::tr!(crate::text::ui_lang(), "problem-cannot-read", error = e.to_string())
}

/// Reads and checks a scenario file.
pub fn load_scenario_file(path: &Path) -> Result<LoadedScenario, Vec<Problem>> {
    let origin = path.display().to_string();
    let text =
        std::fs::read_to_string(path).map_err(|e| vec![Problem { file: origin.clone(), line: 1, col: 1, place: String::new(), message: cannot_read(&e) }])?;
    load_scenario_text(&text, &origin, Some(path))
}

/// A built-in scenario's title in `lang`, found by its English title (what reports and the
/// progress store keep); any other title as it is.
pub fn builtin_title_in(english: &str, lang: crate::text::Lang) -> String {
    static TITLES: std::sync::OnceLock<Vec<crate::text::LocalText>> = std::sync::OnceLock::new();
    let titles = TITLES.get_or_init(|| builtin::SCENARIOS.iter().filter_map(|(name, _)| load_builtin(name)?.ok()).map(|l| l.scenario.title).collect());
    titles.iter().find(|t| t.english() == english).map_or_else(|| english.to_string(), |t| t.shown(lang).text.to_string())
}

/// A built-in machine's name in `lang`, found by the name its file gives (what reports keep);
/// any other machine's as it is.
pub fn builtin_machine_in(name: &str, lang: crate::text::Lang) -> String {
    builtin::MACHINES
        .iter()
        .find(|(file, _)| find_machine(file, None).is_ok_and(|found| found.spec.name == name))
        .map_or_else(|| name.to_string(), |(file, _)| crate::text::machine_name(lang, file, name))
}

/// A built-in scenario by name.
pub fn load_builtin(name: &str) -> Option<Result<LoadedScenario, Vec<Problem>>> {
    builtin::SCENARIOS.iter().find(|(n, _)| *n == name).map(|(n, text)| load_scenario_text(text, &format!("built-in:{n}"), None))
}

/// Loads `arg` as a file if it exists, else as a built-in scenario name.
pub fn load_scenario_arg(arg: &str) -> Result<LoadedScenario, Vec<Problem>> {
    let p = Path::new(arg);
    if p.exists() || arg.ends_with(".ron") {
        return load_scenario_file(p);
    }
    load_builtin(arg).unwrap_or_else(|| {
        Err(vec![Problem {
            file: arg.to_string(),
            line: 1,
            col: 1,
            place: String::new(),
            message: crate::tr!(
                crate::text::ui_lang(),
                "problem-no-scenario",
                builtins = builtin::SCENARIOS.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
            ),
        }])
    })
}

/// What kind of file a RON text holds, judged by its top-level name.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FileKind {
    Scenario,
    Machine,
}

pub fn sniff_kind(text: &str, path: &Path) -> Option<FileKind> {
    let mut rest = text;
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("//") {
            rest = r.split_once('\n').map(|x| x.1).unwrap_or("");
        } else if let Some(r) = rest.strip_prefix("#![") {
            rest = r.split_once(']').map(|x| x.1).unwrap_or("");
        } else {
            break;
        }
    }
    if rest.starts_with("Scenario") {
        return Some(FileKind::Scenario);
    }
    if rest.starts_with("MachineSpec") {
        return Some(FileKind::Machine);
    }
    let in_machines = path.parent().and_then(|p| p.file_name()).is_some_and(|n| n == "machines");
    if in_machines {
        Some(FileKind::Machine)
    } else if rest.starts_with('(') {
        Some(FileKind::Scenario)
    } else {
        None
    }
}

/// Checks one file of either kind; an empty list means it is valid.
pub fn check_file(path: &Path) -> Vec<Problem> {
    let origin = path.display().to_string();
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            return vec![Problem { file: origin, line: 1, col: 1, place: String::new(), message: cannot_read(&e) }];
        }
    };
    match sniff_kind(&text, path) {
        Some(FileKind::Scenario) => load_scenario_text(&text, &origin, Some(path)).err().unwrap_or_default(),
        Some(FileKind::Machine) => match parse_machine(&text, &origin) {
            Err(p) => vec![p],
            Ok(spec) => {
                let mut f = Findings::default();
                validate_machine(&spec, &mut f);
                f.into_problems(&origin, &text)
            }
        },
        None => vec![Problem {
            file: origin,
            line: 1,
            col: 1,
            place: String::new(),
            message: crate::tr!(crate::text::ui_lang(), "problem-not-scenario-or-machine"),
        }],
    }
}
