//! The scenarios the menu offers: the built-in course, then any other scenario files in the
//! scenarios folder (an instructor's own), each checked so a broken one shows its problems.

use std::path::Path;

use bevy::prelude::Resource;

use crate::scenario::{self, Problem};

#[derive(Clone, Debug)]
pub struct CatalogEntry {
    /// What `FlowRequest::Open` takes: a built-in name or a file path.
    pub arg: String,
    pub title: crate::text::LocalText,
    /// The machine's name as its file gives it (English), and the file's name.
    pub machine: String,
    pub machine_file: String,
    pub builtin: bool,
    pub pass_mark: f32,
    /// Empty when the scenario is valid.
    pub problems: Vec<Problem>,
}

/// Where the menu looks for instructors' scenarios, and where the editor saves new ones.
pub const SCENARIOS_DIR: &str = "assets/scenarios";

#[derive(Resource, Clone, Debug, Default)]
pub struct Catalog {
    pub entries: Vec<CatalogEntry>,
    /// The folder scanned for scenario files besides the built-ins.
    pub dir: Option<std::path::PathBuf>,
    /// The newest replays in the replay folder, newest first (refreshed at the menu).
    pub replays: Vec<std::path::PathBuf>,
    /// Trainees with stored attempts (refreshed at the menu).
    pub trainees: Vec<String>,
}

impl Catalog {
    /// The built-ins, plus every `.ron` scenario in `dir` that is not a copy of one.
    pub fn scan(dir: Option<&Path>) -> Catalog {
        let mut entries = Vec::new();
        for (name, text) in scenario::builtin::SCENARIOS {
            entries.push(entry(name.to_string(), true, scenario::load_scenario_text(text, &format!("built-in:{name}"), None), text));
        }
        for path in dir.map(|d| crate::files_with_extension(d, "ron")).unwrap_or_default() {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            if scenario::builtin::SCENARIOS.iter().any(|(_, t)| *t == text) {
                continue;
            }
            let arg = path.display().to_string();
            entries.push(entry(arg, false, scenario::load_scenario_file(&path), &text));
        }
        Catalog { entries, dir: dir.map(Path::to_path_buf), replays: Vec::new(), trainees: Vec::new() }
    }

    /// Scans the scenarios folder again (a file saved from the editor appears).
    pub fn rescan(&mut self) {
        self.entries = Catalog::scan(self.dir.as_deref()).entries;
    }

    /// Finds the newest replays in `dir` for the menu.
    pub fn scan_replays(&mut self, dir: &Path) {
        let mut found: Vec<(std::time::SystemTime, std::path::PathBuf)> = crate::files_with_extension(dir, crate::replay::EXTENSION)
            .into_iter()
            .map(|p| (std::fs::metadata(&p).and_then(|m| m.modified()).unwrap_or(std::time::UNIX_EPOCH), p))
            .collect();
        found.sort_by(|a, b| b.cmp(a));
        self.replays = found.into_iter().take(8).map(|(_, p)| p).collect();
    }

    pub fn position(&self, arg: &str) -> Option<usize> {
        self.entries.iter().position(|e| e.arg == arg)
    }

    /// The next valid scenario after `index` (the first one when `index` is `None`).
    pub fn next_after(&self, index: Option<usize>) -> Option<&CatalogEntry> {
        let start = index.map_or(0, |i| i + 1);
        self.entries.iter().skip(start).find(|e| e.problems.is_empty())
    }
}

fn entry(arg: String, builtin: bool, loaded: Result<scenario::LoadedScenario, Vec<Problem>>, text: &str) -> CatalogEntry {
    match loaded {
        Ok(l) => CatalogEntry {
            arg,
            title: l.scenario.title.clone(),
            machine: l.machine.name.clone(),
            machine_file: l.scenario.machine.clone(),
            builtin,
            pass_mark: l.scenario.scoring.pass_mark,
            problems: Vec::new(),
        },
        Err(problems) => {
            // Show what title the file claims, if it got that far.
            let title = text
                .lines()
                .find_map(|l| l.trim().strip_prefix("title:").map(|t| t.trim().trim_end_matches(',').trim_matches('"').to_string()))
                .unwrap_or_else(|| arg.clone())
                .into();
            CatalogEntry { arg, title, machine: String::new(), machine_file: String::new(), builtin, pass_mark: 0.0, problems }
        }
    }
}
