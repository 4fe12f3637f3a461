//! The scenario editor's working copy: where it came from, what is wrong with it, the field it
//! generates for the preview, and saving it without ever losing work.
//!
//! This is the editor's logic only (no egui): the screen in `ui::editor` edits
//! `Draft::scenario` directly and asks for saves and test drives; the tests drive the same code.

use std::path::{Path, PathBuf};

use bevy::prelude::*;

use super::{Chosen, Screen};
use crate::field::Field;
use crate::geom::Strip;
use crate::scenario::{self, Findings, LoadedScenario, Problem, Scenario, Seg};

/// What `FlowRequest::Edit` takes to start a new scenario from the blank template.
pub const TEMPLATE: &str = "template";

/// A problem with the draft: the field it concerns (`mines.groups[1].depth_cm`) and what to do.
#[derive(Clone, Debug, PartialEq)]
pub struct DraftProblem {
    pub place: String,
    pub message: String,
}

/// The scenario being edited.
#[derive(Resource, Clone, Debug)]
pub struct Draft {
    pub scenario: Scenario,
    /// Where "Save" writes (the file it was opened from or last saved to), if any.
    pub path: Option<PathBuf>,
    /// What it was opened from: a path, `built-in:<name>` or `template`.
    pub origin: String,
    /// The scenario as last opened or saved: the draft has unsaved changes when it differs.
    baseline: Scenario,
    /// Whether `baseline` is on disk at `path` (a built-in or the template is not).
    on_disk: bool,
    /// Seed the preview uses when the scenario fixes none (rerolled from the editor).
    pub preview_seed: u64,
    /// Every problem found in the current draft; empty means it is ready to use.
    pub problems: Vec<DraftProblem>,
    /// Bumped on every change the editor reports; the preview follows it.
    pub revision: u64,
    /// The generated field for `preview_revision`, when the draft's field could be generated.
    pub preview: Option<Field>,
    pub preview_revision: u64,
    /// Wall-clock seconds of the last preview generation (shown, so slow settings are visible).
    pub preview_ms: f32,
    /// A test drive from the editor is running: "back to menu" returns to the editor.
    pub test_driving: bool,
    /// The flow refused to leave with unsaved changes; the screen asks the instructor.
    pub leave_asked: bool,
    /// The instructor agreed to leave without saving.
    pub leave_confirmed: bool,
    last_change: f64,
}

/// Why a save did not happen (nothing was written).
#[derive(Clone, Debug, PartialEq)]
pub enum SaveRefused {
    /// The draft has problems; save again with `allow_problems` to keep it anyway.
    HasProblems(usize),
    /// Another file is there already; save again with `overwrite` to replace it.
    WouldOverwrite(PathBuf),
    /// The file could not be written (the message names it and the reason).
    Io(String),
}

impl std::fmt::Display for SaveRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveRefused::HasProblems(n) => f.write_str(&crate::tr!(crate::text::ui_lang(), "flow-save-has-problems", count = *n)),
            SaveRefused::WouldOverwrite(p) => write!(f, "{} already exists", p.display()),
            SaveRefused::Io(e) => write!(f, "{e}"),
        }
    }
}

/// What the instructor has already agreed to for a save.
#[derive(Clone, Copy, Debug, Default)]
pub struct SaveConsent {
    pub overwrite: bool,
    pub allow_problems: bool,
}

/// Field paths whose problems stop the field from being generated (the rest only matter for
/// running or scoring it, so the preview still follows them).
const FIELD_PLACES: [&str; 3] = ["field", "hazard_area", "mines"];
/// Problems inside `FIELD_PLACES` that generation copes with (a reversed range is still a range).
const HARMLESS_LEAVES: [&str; 2] = [".depth_cm", ".offset_m"];

/// A plain, valid starting point for a new exercise.
pub fn template() -> Scenario {
    use crate::scenario::*;
    Scenario {
        title: "New scenario".into(),
        briefing: String::new().into(),
        objective: String::new().into(),
        field: FieldSpec {
            size_m: (80.0, 60.0),
            relief: Relief::default(),
            slope: Slope::default(),
            soils: vec![SoilZone { soil: SoilKind::SandyLoam, region: Region::Whole, hardness: None, moisture_pct: None }],
            vegetation: Vegetation::default(),
            roads: Vec::new(),
            obstacles: Obstacles::default(),
        },
        hazard_area: vec![(20.0, 20.0), (60.0, 20.0), (60.0, 45.0), (20.0, 45.0)],
        start_lane: Strip { from: (12.0, 14.0), to: (68.0, 14.0), width_m: 4.0 },
        // The default machine is remote-controlled: its operator stands well clear.
        operator_post: Some((1.0, 1.0)),
        mines: MineSpec {
            groups: vec![MineGroup { kind: MineKind::ApBlast, amount: Amount::Count(15), depth_cm: (2.0, 10.0), layout: Layout::Scatter }],
            uxo_outside_area: false,
        },
        machine: "mv4".into(),
        required_depth_cm: 15.0,
        time_limit_min: 45.0,
        overlap_m: (0.2, 0.6),
        scoring: Scoring {
            weights: Weights { clearance: 35.0, lanes: 20.0, speed_depth: 15.0, safety: 15.0, efficiency: 5.0, machine_care: 10.0 },
            pass_mark: 60.0,
            qc: Default::default(),
            manual_clearance: Vec::new(),
            gap_tolerance_m2: crate::scenario::default_gap_tolerance_m2(),
        },
        seed: Some(1),
    }
}

impl Draft {
    fn new(scenario: Scenario, path: Option<PathBuf>, origin: String, on_disk: bool) -> Draft {
        let mut d = Draft {
            baseline: scenario.clone(),
            preview_seed: scenario.seed.unwrap_or(1),
            scenario,
            path,
            origin,
            on_disk,
            problems: Vec::new(),
            revision: 1,
            preview: None,
            preview_revision: 0,
            preview_ms: 0.0,
            test_driving: false,
            leave_asked: false,
            leave_confirmed: false,
            last_change: f64::NEG_INFINITY,
        };
        d.check();
        d
    }

    /// A new scenario from the blank template, to be saved at `path` (if given).
    pub fn from_template(path: Option<PathBuf>) -> Draft {
        Draft::new(template(), path, "template".into(), false)
    }

    /// A copy of a built-in scenario (saving it makes a new file; the built-in stays).
    pub fn from_builtin(name: &str) -> Option<Draft> {
        let (_, text) = scenario::builtin::SCENARIOS.iter().find(|(n, _)| *n == name)?;
        let s = scenario::parse_scenario(text, name).ok()?;
        Some(Draft::new(s, None, format!("built-in:{name}"), false))
    }

    /// Opens a scenario file for editing. A file that does not parse cannot be edited in the
    /// form (its problems say where to fix it); one that parses but has meaning problems can,
    /// with its problems shown beside their fields.
    pub fn open(path: &Path) -> Result<Draft, Vec<Problem>> {
        let origin = path.display().to_string();
        let text = std::fs::read_to_string(path)
            .map_err(|e| vec![Problem { file: origin.clone(), line: 1, col: 1, place: String::new(), message: scenario::cannot_read(&e) }])?;
        let s = scenario::parse_scenario(&text, &origin).map_err(|p| vec![p])?;
        Ok(Draft::new(s, Some(path.to_path_buf()), origin, true))
    }

    /// Whether the draft differs from what was last opened or saved.
    pub fn is_dirty(&self) -> bool {
        self.scenario != self.baseline
    }

    /// Whether the draft's text is on disk (a copy of a built-in or the template is not).
    pub fn is_saved(&self) -> bool {
        self.on_disk && !self.is_dirty()
    }

    /// The editor calls this after changing `scenario`: re-checks it and schedules a preview.
    pub fn changed(&mut self, now_s: f64) {
        self.revision += 1;
        self.last_change = now_s;
        self.check();
    }

    /// Re-checks the draft; `problems` then lists everything wrong, by field.
    pub fn check(&mut self) {
        let dir = scenario::machines_dir_for(self.path.as_deref());
        let machine = scenario::find_machine(&self.scenario.machine, dir.as_deref());
        let mut f = Findings::default();
        if let Err(msg) = &machine {
            f.add(&[Seg::Field("machine")], msg.clone());
        }
        scenario::validate_scenario(&self.scenario, machine.as_ref().ok().map(|m| &m.spec), &mut f);
        self.problems = f.0.into_iter().map(|(path, message)| DraftProblem { place: scenario::path_label(&path), message }).collect();
    }

    /// Problems about `place` itself or anything inside it.
    pub fn problems_at<'a>(&'a self, place: &'a str) -> impl Iterator<Item = &'a DraftProblem> + 'a {
        self.problems.iter().filter(move |p| within(&p.place, place))
    }

    /// Whether the field can be generated as it stands (no problem in the field, the area or
    /// the mines that generation cannot cope with).
    pub fn field_ok(&self) -> bool {
        !self.problems.iter().any(|p| FIELD_PLACES.iter().any(|f| within(&p.place, f)) && !HARMLESS_LEAVES.iter().any(|l| p.place.ends_with(l)))
    }

    /// The seed the preview and a test drive use.
    pub fn seed(&self) -> u64 {
        self.scenario.seed.unwrap_or(self.preview_seed)
    }

    /// Generates the preview field if the draft changed and has settled for `settle_s`.
    pub fn refresh_preview(&mut self, now_s: f64, settle_s: f64) -> bool {
        if self.preview_revision == self.revision || now_s - self.last_change < settle_s || !self.field_ok() {
            return false;
        }
        let t = std::time::Instant::now();
        self.preview = Some(crate::field::generate(&self.scenario, self.seed()));
        self.preview_ms = t.elapsed().as_secs_f32() * 1000.0;
        self.preview_revision = self.revision;
        true
    }

    /// The draft as RON text, as it will be saved.
    pub fn text(&self) -> String {
        scenario::scenario_to_ron(&self.scenario)
    }

    /// Where "Save" would write when the draft has no file yet: the scenarios folder, named by title.
    pub fn suggested_path(&self) -> PathBuf {
        self.path
            .clone()
            .unwrap_or_else(|| PathBuf::from(super::catalog::SCENARIOS_DIR).join(format!("{}.ron", crate::file_stem(self.scenario.title.english()).replace('-', "_"))))
    }

    /// Saves the draft to `path`: written to a temporary file and renamed, so a crash leaves
    /// either the old file or the new one. Refuses (writing nothing) when the draft has
    /// problems or would replace another file, unless `consent` allows it.
    pub fn save(&mut self, path: &Path, consent: SaveConsent) -> Result<(), SaveRefused> {
        self.check();
        if !self.problems.is_empty() && !consent.allow_problems {
            return Err(SaveRefused::HasProblems(self.problems.len()));
        }
        let own_file = self.on_disk && self.path.as_deref() == Some(path);
        if path.exists() && !own_file && !consent.overwrite {
            return Err(SaveRefused::WouldOverwrite(path.to_path_buf()));
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| SaveRefused::Io(crate::tr!(crate::text::ui_lang(), "flow-cannot-create", path = dir.display().to_string(), error = e.to_string())))?;
        }
        let text = format!("// Written by the mineclear scenario editor.\n{}\n", self.text());
        crate::write_atomic(path, text.as_bytes()).map_err(|e| SaveRefused::Io(crate::tr!(crate::text::ui_lang(), "flow-cannot-write", path = path.display().to_string(), error = e.to_string())))?;
        self.path = Some(path.to_path_buf());
        self.origin = path.display().to_string();
        self.baseline = self.scenario.clone();
        self.on_disk = true;
        self.check();
        Ok(())
    }

    /// The draft as a scenario the flow can run (its briefing, then a session), or its problems.
    pub fn chosen(&self) -> Result<Chosen, Vec<Problem>> {
        let text = self.text();
        let origin = format!("editor:{}", self.path.as_ref().map(|p| p.display().to_string()).unwrap_or_else(|| self.scenario.title.english().to_string()));
        let loaded: LoadedScenario = scenario::load_scenario_text(&text, &origin, self.path.as_deref())?;
        let seed = self.seed();
        let field = match &self.preview {
            Some(f) if self.preview_revision == self.revision && f.seed == seed => f.clone(),
            _ => crate::field::generate(&loaded.scenario, seed),
        };
        Ok(Chosen { loaded, seed, field, catalog_index: None })
    }
}

/// Whether problem place `p` is `place` or lies inside it (`mines.groups[1]` is inside `mines`).
pub fn within(p: &str, place: &str) -> bool {
    p == place || (p.starts_with(place) && matches!(p.as_bytes().get(place.len()), Some(b'.') | Some(b'[')))
}

/// How long the draft must be left alone before the preview regenerates, seconds.
const SETTLE_S: f64 = 0.25;

/// Regenerates the editor's preview once edits settle.
fn refresh_preview(draft: Option<ResMut<Draft>>, time: Res<Time<Real>>) {
    if let Some(mut d) = draft
        // Marked changed only when a new preview was made, so the screen redraws it then.
        && d.bypass_change_detection().refresh_preview(time.elapsed_secs_f64(), SETTLE_S)
    {
        d.set_changed();
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, refresh_preview.run_if(in_state(Screen::Editor)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_nest() {
        assert!(within("mines.groups[1].depth_cm", "mines"));
        assert!(within("mines.groups[1].depth_cm", "mines.groups[1]"));
        assert!(!within("mines.groups[10]", "mines.groups[1]"));
        assert!(!within("field_x", "field"));
        assert!(within("field", "field"));
    }

    #[test]
    fn template_is_valid() {
        let d = Draft::from_template(None);
        // Only the words the instructor must write are missing.
        let places: Vec<&str> = d.problems.iter().map(|p| p.place.as_str()).collect();
        assert_eq!(places, ["briefing", "objective"]);
        assert!(d.field_ok());
    }
}
