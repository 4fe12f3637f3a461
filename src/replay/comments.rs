//! An instructor's comments on a recorded session, pinned to a time and a place. They live in
//! a sidecar file beside the replay (`session.mcreplay.comments.ron`), so the replay itself,
//! and the command stream it is verified by, never change; the sidecar names the replay it
//! belongs to by a digest of its bytes, so comments never land on another recording.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// One comment: when (seconds into the session), where (x, z in metres, when pinned to a
/// place), who wrote it and what it says.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comment {
    pub t_s: f32,
    #[serde(default)]
    pub at: Option<(f32, f32)>,
    #[serde(default)]
    pub author: String,
    pub text: String,
}

/// The comments on one replay.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comments {
    /// `digest` of the replay file's bytes the comments were written on.
    pub replay_digest: String,
    pub comments: Vec<Comment>,
}

/// What is wrong with a comments file, naming it.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{file}: {problem}")]
pub struct CommentsError {
    pub file: String,
    pub problem: String,
}

/// The sidecar of `replay`: `<replay file name>.comments.ron` beside it.
pub fn sidecar_path(replay: &Path) -> PathBuf {
    let mut name = replay.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".comments.ron");
    replay.with_file_name(name)
}

/// A digest of a replay file's bytes (the same mixing the progress store names scenarios by).
pub fn digest(replay_bytes: &[u8]) -> String {
    crate::progress::scenario_hash(&String::from_utf8_lossy(replay_bytes))
}

impl Comments {
    /// The comments on the replay at `replay` (none when it has no sidecar). A sidecar written
    /// on other bytes (the replay was replaced) is an error, so old comments never show on a
    /// new recording.
    pub fn load(replay: &Path) -> Result<Comments, CommentsError> {
        let path = sidecar_path(replay);
        let file = path.display().to_string();
        let err = |problem: String| CommentsError { file: file.clone(), problem };
        let bytes = std::fs::read(replay).map_err(|e| err(format!("cannot read its replay {}: {e}", replay.display())))?;
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Comments { replay_digest: digest(&bytes), comments: Vec::new() }),
            Err(e) => return Err(err(format!("cannot read: {e}"))),
        };
        let comments: Comments = ron::from_str(&text).map_err(|e| err(format!("line {}, column {}: {}", e.span.start.line, e.span.start.col, e.code)))?;
        if comments.replay_digest != digest(&bytes) {
            return Err(err(format!("these comments were written on another recording than {} (it was replaced); move or delete the file", replay.display())));
        }
        Ok(comments)
    }

    /// Adds a comment, kept in time order.
    pub fn add(&mut self, comment: Comment) {
        let at = self.comments.partition_point(|c| c.t_s <= comment.t_s);
        self.comments.insert(at, comment);
    }

    /// Writes the sidecar beside `replay` (through a temporary file: a crash never leaves half).
    pub fn save(&self, replay: &Path) -> Result<(), CommentsError> {
        let path = sidecar_path(replay);
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default()).expect("comments serialise");
        crate::write_atomic(&path, text.as_bytes()).map_err(|e| CommentsError { file: path.display().to_string(), problem: format!("cannot write: {e}") })
    }
}
