//! Settings an instructor keeps in the data folder (`settings.ron`), beside the progress store
//! and the replays: whether this computer is an exam seat, the trainee's language, the sound. A missing file is the defaults; a
//! broken one is reported with its place, and the trainer runs on the defaults meanwhile.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The settings file's name in the data folder.
pub const FILE: &str = "settings.ron";

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Open the trainer as an exam seat (the course only, no autopilot, no editor).
    pub exam_seat: bool,
    /// The trainer's language, as switched on the menu (none: the operating system's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<crate::text::Lang>,
    /// The sound's volumes and mute, as set on the menu or the pause screen.
    pub sound: crate::sound::SoundSettings,
}

impl Settings {
    pub fn path(data_dir: &Path) -> PathBuf {
        data_dir.join(FILE)
    }

    /// The settings in `data_dir`: the defaults when there is no file; an error naming the file,
    /// line and column when it cannot be read.
    pub fn load(data_dir: &Path) -> Result<Settings, String> {
        let path = Settings::path(data_dir);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Settings::default()),
            Err(e) => return Err(format!("{}: cannot read: {e}", path.display())),
        };
        ron::from_str(&text).map_err(|e| format!("{}:{}:{}: {}", path.display(), e.span.start.line, e.span.start.col, e.code))
    }

    /// Writes the settings to `data_dir` (through a temporary file, so a crash never leaves
    /// half a file).
    pub fn save(&self, data_dir: &Path) -> Result<(), String> {
        let path = Settings::path(data_dir);
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default()).map_err(|e| format!("{}: {e}", path.display()))?;
        std::fs::create_dir_all(data_dir).map_err(|e| format!("{}: cannot create: {e}", data_dir.display()))?;
        let tmp = path.with_extension("ron.tmp");
        std::fs::write(&tmp, text).and_then(|()| std::fs::rename(&tmp, &path)).map_err(|e| format!("{}: cannot write: {e}", path.display()))
    }

    /// The language to speak: the command line's `--lang`, else the one switched on the menu,
    /// else the operating system's.
    pub fn language_or(&self, asked: Option<crate::text::Lang>) -> crate::text::Lang {
        asked.or(self.language).unwrap_or_else(crate::text::Lang::from_system)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_good_and_broken_files() {
        let dir = std::env::temp_dir().join(format!("mineclear-settings-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::remove_file(Settings::path(&dir)).ok();
        assert_eq!(Settings::load(&dir), Ok(Settings::default()));
        std::fs::write(Settings::path(&dir), "(exam_seat: true)").unwrap();
        assert_eq!(Settings::load(&dir), Ok(Settings { exam_seat: true, ..Settings::default() }));
        let sound = crate::sound::SoundSettings { master: 0.5, machine: 0.7, alarms: 1.0, mute: true };
        let chosen = Settings { exam_seat: false, language: Some(crate::text::Lang::Uk), sound };
        chosen.save(&dir).unwrap();
        assert_eq!(Settings::load(&dir), Ok(chosen.clone()));
        assert_eq!(chosen.language_or(None), crate::text::Lang::Uk);
        assert_eq!(chosen.language_or(Some(crate::text::Lang::En)), crate::text::Lang::En);
        std::fs::write(Settings::path(&dir), "(\n  exam_seat: yes,\n)").unwrap();
        let e = Settings::load(&dir).unwrap_err();
        assert!(e.contains("settings.ron:2:"), "{e}");
        std::fs::remove_dir_all(&dir).ok();
    }
}
