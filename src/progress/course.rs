//! The course: the built-in scenarios, each with the machine it runs. A scenario's version is a
//! hash of its full text and its machine's full spec, so a copy with a narrower strip, fewer
//! mines, a lower pass mark or a wider flail is a different version even when it keeps the
//! title. An attempt counts toward a course scenario only when it ran that scenario's version,
//! or an earlier version listed here; anything else is practice on a modified scenario.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::machine::MachineSpec;

/// Earlier versions of built-ins that still count toward the course: (built-in name, version).
/// A built-in whose text changes only in ways that do not change the exercise (a briefing's
/// wording, say) lists its previous version here, so attempts at it keep counting. Versions
/// began with progress schema 3. The versions below are the English-only texts from before
/// the scenarios' Ukrainian translations (the exercise itself unchanged).
pub const EARLIER_VERSIONS: &[(&str, &str)] = &[
    ("first_lesson", "6c07d09a83b334e6"),
    ("mixed_soil_slope", "bf1cadb390a9fa70"),
    ("road_verge_at", "97ca3ad57bf4dd87"),
    ("vegetation_clusters", "0613bb1bedcaf2bc"),
    ("hard_clay", "f3d3c4b28fce8f20"),
    ("wet_ground", "0a32b6064b169c97"),
    ("remote_standoff", "e7740821d727bbb8"),
    ("exam_mixed", "bfa944c1b80a2931"),
    ("boom_road_verge", "5e1296fc2f273467"),
    ("boom_forest_edge", "c3d5a98eb11b9c17"),
];

/// One scenario of the course.
#[derive(Clone, Debug, PartialEq)]
pub struct CourseScenario {
    /// The built-in's name (`first_lesson`).
    pub name: String,
    pub title: String,
    /// `version_of` its text and machine.
    pub version: String,
    /// Earlier versions that still count.
    pub earlier: Vec<String>,
}

/// The course's scenarios, in course order.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Course {
    pub scenarios: Vec<CourseScenario>,
}

/// How what an attempt ran stands to the course.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "name")]
pub enum CourseMatch {
    /// Exactly this version of the course scenario `name`.
    Course(String),
    /// A listed earlier version of course scenario `name`: counts as the course's.
    EarlierVersion(String),
    /// Not a version of the course scenario `name`, though it is a copy of it or carries its
    /// title: practice on a modified scenario, never the course's.
    Modified(String),
    /// An instructor's own scenario, not part of the course.
    Other,
    /// Recorded before course versions were kept (progress schema 2 and older).
    Unknown,
}

impl CourseMatch {
    /// The stored and CSV word: course, earlier_version, modified, other, unknown.
    pub fn key(&self) -> &'static str {
        match self {
            CourseMatch::Course(_) => "course",
            CourseMatch::EarlierVersion(_) => "earlier_version",
            CourseMatch::Modified(_) => "modified",
            CourseMatch::Other => "other",
            CourseMatch::Unknown => "unknown",
        }
    }

    /// The course scenario it is (or is a modification of), if any.
    pub fn name(&self) -> Option<&str> {
        match self {
            CourseMatch::Course(n) | CourseMatch::EarlierVersion(n) | CourseMatch::Modified(n) => Some(n),
            _ => None,
        }
    }

    /// From the stored key and name.
    pub fn from_stored(key: &str, name: &str) -> CourseMatch {
        match key {
            "course" => CourseMatch::Course(name.to_string()),
            "earlier_version" => CourseMatch::EarlierVersion(name.to_string()),
            "modified" => CourseMatch::Modified(name.to_string()),
            "other" => CourseMatch::Other,
            _ => CourseMatch::Unknown,
        }
    }

    /// Whether an attempt on it counts toward the course.
    pub fn counts(&self) -> bool {
        matches!(self, CourseMatch::Course(_) | CourseMatch::EarlierVersion(_))
    }

    /// For people: "course", "practice on a modified scenario", …
    pub fn describe(&self) -> &'static str {
        match self {
            CourseMatch::Course(_) => "course",
            CourseMatch::EarlierVersion(_) => "course (earlier version)",
            CourseMatch::Modified(_) => "practice on a modified scenario",
            CourseMatch::Other => "own scenario (not in the course)",
            CourseMatch::Unknown => "version not recorded",
        }
    }
}

/// The version of a scenario run with a machine: a hash of the scenario's text and the
/// machine's full spec.
pub fn version_of(scenario_text: &str, machine: &MachineSpec) -> String {
    let machine = serde_json::to_string(machine).expect("a machine spec serialises");
    super::scenario_hash(&format!("{scenario_text}\n\u{0}machine\u{0}\n{machine}"))
}

impl Course {
    /// The built-in course (computed once).
    pub fn builtin() -> &'static Course {
        static COURSE: OnceLock<Course> = OnceLock::new();
        COURSE.get_or_init(|| {
            let scenarios = crate::scenario::builtin::SCENARIOS
                .iter()
                .filter_map(|(name, _)| {
                    let loaded = crate::scenario::load_builtin(name)?.ok()?;
                    Some(CourseScenario {
                        name: name.to_string(),
                        title: loaded.scenario.title.english().to_string(),
                        version: version_of(&loaded.text, &loaded.machine),
                        earlier: EARLIER_VERSIONS.iter().filter(|(n, _)| n == name).map(|(_, v)| v.to_string()).collect(),
                    })
                })
                .collect();
            Course { scenarios }
        })
    }

    /// How a scenario (its text, the machine it ran, its title and where it came from) stands
    /// to the course.
    pub fn classify(&self, scenario_text: &str, machine: &MachineSpec, title: &str, origin: &str) -> CourseMatch {
        let version = version_of(scenario_text, machine);
        if let Some(c) = self.scenarios.iter().find(|c| c.version == version) {
            return CourseMatch::Course(c.name.clone());
        }
        if let Some(c) = self.scenarios.iter().find(|c| c.earlier.contains(&version)) {
            return CourseMatch::EarlierVersion(c.name.clone());
        }
        let copied = origin.strip_prefix("built-in:");
        match self.scenarios.iter().find(|c| Some(c.name.as_str()) == copied || c.title.trim().eq_ignore_ascii_case(title.trim())) {
            Some(c) => CourseMatch::Modified(c.name.clone()),
            None => CourseMatch::Other,
        }
    }

    pub fn get(&self, name: &str) -> Option<&CourseScenario> {
        self.scenarios.iter().find(|c| c.name == name)
    }
}

