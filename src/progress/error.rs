//! Why the progress store refused or failed. Each error names the database, data folder or
//! replay file it is about, and says in plain words what happened and what was (not) stored.

use std::path::PathBuf;

use super::{BUSY_TIMEOUT, SCHEMA_VERSION};
use crate::replay::ReplayError;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: cannot create the data folder: {source}", dir.display())]
    CreateFolder { dir: PathBuf, source: std::io::Error },
    #[error("{}: the data folder is read-only, so no progress database can be made there", dir.display())]
    ReadOnlyFolder { dir: PathBuf },
    #[error("{db}: the data folder is read-only; the attempt was not stored")]
    ReadOnlyAttempt { db: String },
    /// Damaged, truncated or not a database at all; the file is never touched.
    #[error(
        "{db}: the progress database is damaged ({what}). It was left exactly as it is: move it aside to start a new record, or restore a backup; replays can be imported again"
    )]
    Damaged { db: String, what: String },
    #[error("{db}: progress database from a newer mineclear (schema {schema}; this one knows up to {SCHEMA_VERSION})")]
    Newer { db: String, schema: i64 },
    #[error("{db}: the database is from an older mineclear (schema {schema}) and its folder is read-only, so it cannot be brought up to schema {SCHEMA_VERSION}")]
    OlderReadOnly { db: String, schema: i64 },
    #[error("{db}: migrating to schema {to_schema}: {cause}")]
    Migration { db: String, to_schema: usize, cause: Box<StoreError> },
    #[error("{}the disk is full; nothing of this write was stored (free some space and try again)", prefix(db))]
    DiskFull { db: String },
    #[error("{}the database cannot be written (read-only); nothing was stored", prefix(db))]
    ReadOnlyDatabase { db: String },
    #[error("{}another mineclear kept the database busy for over {} s; nothing was stored", prefix(db), BUSY_TIMEOUT.as_secs())]
    Busy { db: String },
    #[error("{}{source}", prefix(db))]
    Sqlite { db: String, source: rusqlite::Error },
    #[error("an attempt needs a trainee name")]
    NoTrainee,
    /// The crash test's failure half-way through an attempt's transaction.
    #[error("simulated crash in the middle of writing an attempt")]
    SimulatedCrash,
    #[error(transparent)]
    Replay(#[from] ReplayError),
    #[error("{file}: the replay names no trainee; pass --trainee NAME")]
    ReplayNamesNoTrainee { file: String },
    #[error("{file}: an unfinished session (a checkpoint) cannot be an attempt")]
    Unfinished { file: String },
    #[error("{file}: who drove does not fit the commands: {problem}; not stored")]
    DriverMismatch { file: String, problem: String },
    #[error("{file}: already imported for {trainee}")]
    AlreadyImported { file: String, trainee: String },
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
