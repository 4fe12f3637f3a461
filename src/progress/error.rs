//! Why the progress store refused or failed. Each error names the database, data folder or
//! replay file it is about, and says in plain words what happened and what was (not) stored.

use std::path::PathBuf;

use super::{BUSY_TIMEOUT, SCHEMA_VERSION};
use crate::replay::ReplayError;
use crate::text::ui_lang;
use crate::tr;

/// Said in the interface's language (the message catalogue's `store-*` messages).
#[derive(Debug)]
pub enum StoreError {
    CreateFolder { dir: PathBuf, source: std::io::Error },
    ReadOnlyFolder { dir: PathBuf },
    ReadOnlyAttempt { db: String },
    /// Damaged, truncated or not a database at all; the file is never touched.
    Damaged { db: String, what: String },
    Newer { db: String, schema: i64 },
    OlderReadOnly { db: String, schema: i64 },
    Migration { db: String, to_schema: usize, cause: Box<StoreError> },
    DiskFull { db: String },
    ReadOnlyDatabase { db: String },
    Busy { db: String },
    Sqlite { db: String, source: rusqlite::Error },
    NoTrainee,
    /// The crash test's failure half-way through an attempt's transaction.
    SimulatedCrash,
    Replay(ReplayError),
    ReplayNamesNoTrainee { file: String },
    Unfinished { file: String },
    DriverMismatch { file: String, problem: String },
    AlreadyImported { file: String, trainee: String },
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use StoreError::*;
        let lang = ui_lang();
        let text = match self {
            CreateFolder { dir, source } => format!("{}: {}", dir.display(), tr!(lang, "store-create-folder", error = source.to_string())),
            ReadOnlyFolder { dir } => format!("{}: {}", dir.display(), tr!(lang, "store-read-only-folder")),
            ReadOnlyAttempt { db } => format!("{db}: {}", tr!(lang, "store-read-only-attempt")),
            Damaged { db, what } => format!("{db}: {}", tr!(lang, "store-damaged", what = what.as_str())),
            Newer { db, schema } => format!("{db}: {}", tr!(lang, "store-newer", schema = *schema, known = SCHEMA_VERSION as i64)),
            OlderReadOnly { db, schema } => format!("{db}: {}", tr!(lang, "store-older-read-only", schema = *schema, known = SCHEMA_VERSION as i64)),
            Migration { db, to_schema, cause } => format!("{db}: {}", tr!(lang, "store-migration", schema = *to_schema, cause = cause.to_string())),
            DiskFull { db } => format!("{}{}", prefix(db), tr!(lang, "store-disk-full")),
            ReadOnlyDatabase { db } => format!("{}{}", prefix(db), tr!(lang, "store-read-only-database")),
            Busy { db } => format!("{}{}", prefix(db), tr!(lang, "store-busy", seconds = BUSY_TIMEOUT.as_secs())),
            Sqlite { db, source } => format!("{}{source}", prefix(db)),
            NoTrainee => tr!(lang, "store-no-trainee"),
            SimulatedCrash => "simulated crash in the middle of writing an attempt".to_string(),
            Replay(e) => e.to_string(),
            ReplayNamesNoTrainee { file } => format!("{file}: {}", tr!(lang, "store-replay-names-no-trainee")),
            Unfinished { file } => format!("{file}: {}", tr!(lang, "store-unfinished")),
            DriverMismatch { file, problem } => format!("{file}: {}", tr!(lang, "store-driver-mismatch", problem = problem.as_str())),
            AlreadyImported { file, trainee } => format!("{file}: {}", tr!(lang, "store-already-imported", trainee = trainee.as_str())),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoreError::CreateFolder { source, .. } => Some(source),
            StoreError::Sqlite { source, .. } => Some(source),
            StoreError::Migration { cause, .. } => Some(cause.as_ref()),
            StoreError::Replay(e) => std::error::Error::source(e),
            _ => None,
        }
    }
}

impl From<ReplayError> for StoreError {
    fn from(e: ReplayError) -> StoreError {
        StoreError::Replay(e)
    }
}

/// `"db: "`, or nothing when the database is named by the error around this one.
fn prefix(db: &str) -> String {
    if db.is_empty() { String::new() } else { format!("{db}: ") }
}

impl StoreError {
    /// An SQLite failure on `db`, said plainly: a full disk, a read-only or busy database and
    /// damage are told apart from the rest.
    pub(super) fn sqlite(db: &str, e: rusqlite::Error) -> StoreError {
        let db = db.to_string();
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DiskFull) => StoreError::DiskFull { db },
            Some(rusqlite::ErrorCode::ReadOnly) => StoreError::ReadOnlyDatabase { db },
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => StoreError::Busy { db },
            Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt) => StoreError::Damaged { db, what: e.to_string() },
            _ => StoreError::Sqlite { db, source: e },
        }
    }
}
