//! Trainees and their attempts, kept in an embedded SQLite database (rusqlite, bundled), so
//! trainee and instructor can see progress across sessions. Every attempt is written in one
//! transaction: a crash leaves it whole or absent, never half there. The schema is versioned
//! (`PRAGMA user_version`) and migrated forward step by step when an older database is opened.
//!
//! Faults the store meets and what it does:
//! - two trainers writing at once: WAL journal and a busy timeout; each attempt is one
//!   immediate transaction, so writers queue instead of failing;
//! - a read-only data folder or database (no write permission bits): opened read-only, so the
//!   record can be read; storing says plainly that the folder is read-only;
//! - a damaged, truncated or foreign file: refused with its name and the problem, and left
//!   exactly as it is (never repaired, replaced or migrated);
//! - the disk filling mid-write: the attempt's transaction rolls back whole and the error says
//!   the disk is full.

pub mod course;
mod error;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior, params};

pub use course::{Course, CourseMatch};
pub use error::StoreError;

use crate::geom::mix64;
use crate::machine::MachineSpec;
use crate::operator::{DrivenBy, Provenance};
use crate::scoring::{FaultKind, ScoreReport};

/// The database's file name in the data folder.
pub const DB_FILE: &str = "progress.sqlite";
/// How long a write waits for another trainer's write to finish.
const BUSY_TIMEOUT: Duration = Duration::from_secs(15);

/// The migrations, in order: migration `i` takes a database from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[
    // 1: trainees and attempts.
    "CREATE TABLE trainees (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created_unix INTEGER NOT NULL
    );
    CREATE TABLE attempts (
        id INTEGER PRIMARY KEY,
        trainee_id INTEGER NOT NULL REFERENCES trainees(id),
        scenario_title TEXT NOT NULL,
        scenario_hash TEXT NOT NULL,
        seed INTEGER NOT NULL,
        started_unix INTEGER NOT NULL,
        duration_s REAL NOT NULL,
        score REAL NOT NULL,
        passed INTEGER NOT NULL,
        breakdown_json TEXT NOT NULL,
        coverage REAL NOT NULL,
        live_mines_left INTEGER NOT NULL,
        replay_path TEXT
    );
    CREATE TABLE attempt_faults (
        attempt_id INTEGER NOT NULL REFERENCES attempts(id),
        kind TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (attempt_id, kind)
    );",
    // 2: the machine each attempt used, and an index for the class table.
    "ALTER TABLE attempts ADD COLUMN machine TEXT NOT NULL DEFAULT '';
    CREATE INDEX attempts_by_trainee ON attempts(trainee_id, scenario_title);",
    // 3: who drove (trainee, autopilot, script, mixed; unknown before), which version of which
    // course scenario it was, and whether it was sat at an exam seat.
    "ALTER TABLE attempts ADD COLUMN driven_by TEXT NOT NULL DEFAULT 'unknown';
    ALTER TABLE attempts ADD COLUMN provenance TEXT NOT NULL DEFAULT '';
    ALTER TABLE attempts ADD COLUMN course TEXT NOT NULL DEFAULT 'unknown';
    ALTER TABLE attempts ADD COLUMN course_name TEXT NOT NULL DEFAULT '';
    ALTER TABLE attempts ADD COLUMN version TEXT NOT NULL DEFAULT '';
    ALTER TABLE attempts ADD COLUMN exam INTEGER NOT NULL DEFAULT 0;",
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// One attempt as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct Attempt {
    pub id: i64,
    pub trainee: String,
    pub scenario_title: String,
    pub scenario_hash: String,
    pub machine: String,
    pub seed: u64,
    pub started_unix: i64,
    pub duration_s: f64,
    pub score: f64,
    pub passed: bool,
    pub breakdown: BTreeMap<String, f32>,
    pub coverage: f64,
    pub live_mines_left: i64,
    pub faults: BTreeMap<String, i64>,
    pub replay_path: Option<String>,
    /// Who drove: only `Trainee` counts as the trainee's attempt.
    pub driven_by: DrivenBy,
    /// Who drove when, for people ("keyboard 0–612 s, autopilot 612–900 s").
    pub provenance: String,
    /// How what it ran stands to the course.
    pub course: CourseMatch,
    /// Sat at an exam seat.
    pub exam: bool,
}

impl Attempt {
    /// Whether this is the trainee's own attempt at course scenario `name` (its version).
    pub fn counts_for(&self, name: &str) -> bool {
        self.counts() && self.course.name() == Some(name)
    }

    /// Whether this counts toward the course at all: the trainee drove, the course's version.
    pub fn counts(&self) -> bool {
        self.driven_by.counts_as_attempt() && self.course.counts()
    }

    /// For people: what the record counts this as.
    pub fn standing(&self) -> String {
        match (self.driven_by, &self.course) {
            (DrivenBy::Trainee, c) if c.counts() => if self.exam { "exam".into() } else { "course".into() },
            (DrivenBy::Trainee, c) => c.describe().into(),
            (d, _) => d.describe().into(),
        }
    }
}

/// What the trainer or `import` stores of a finished session.
#[derive(Clone, Debug)]
pub struct NewAttempt<'a> {
    pub trainee: &'a str,
    pub report: &'a ScoreReport,
    pub scenario_text: &'a str,
    /// Where the scenario came from (`built-in:<name>` or a path).
    pub scenario_origin: &'a str,
    pub machine: &'a MachineSpec,
    pub started_unix: i64,
    pub replay_path: Option<&'a Path>,
    pub provenance: &'a Provenance,
    /// Ticks the session ran (to close the last span of `provenance`).
    pub ticks: u64,
    pub exam: bool,
}

impl<'a> NewAttempt<'a> {
    /// The attempt a replay records, with `report` (the re-simulated one, never the file's own).
    pub fn from_replay(r: &'a crate::replay::Replay, trainee: &'a str, report: &'a ScoreReport, replay_path: Option<&'a Path>) -> NewAttempt<'a> {
        NewAttempt {
            trainee,
            report,
            scenario_text: &r.meta.scenario_text,
            scenario_origin: &r.meta.scenario_origin,
            machine: &r.meta.machine,
            started_unix: r.meta.recorded_unix_s as i64,
            replay_path,
            provenance: &r.meta.provenance,
            ticks: r.meta.ticks,
            exam: r.meta.exam,
        }
    }
}

/// One cell of the class table: a trainee's record on one scenario, as course, practice on a
/// modified scenario, or an own scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassRow {
    pub trainee: String,
    pub scenario: String,
    /// course (this or a listed earlier version), modified, other or unknown.
    pub course: String,
    /// Best score of the trainee's own attempts (none when only demonstrations are stored).
    pub best_score: Option<f64>,
    /// The trainee's own attempts.
    pub attempts: i64,
    /// Whether one of the trainee's own attempts passed.
    pub passed: bool,
    /// Sessions the autopilot or a script drove (all or part of), or whose driver is unknown.
    pub demonstrations: i64,
    /// Whether a pass was sat at an exam seat.
    pub exam_passed: bool,
}

/// The progress database.
pub struct Store {
    conn: Connection,
    pub path: PathBuf,
    /// Opened read-only (the folder or file has no write permission): reading works, storing
    /// says why it cannot.
    pub read_only: bool,
}

/// Where the database lives: `--data-dir`, else `$MINECLEAR_DATA_DIR`, else the user's data
/// directory (e.g. `~/.local/share/mineclear`).
pub fn data_dir(flag: Option<&Path>) -> PathBuf {
    flag.map(Path::to_path_buf)
        .or_else(|| std::env::var_os("MINECLEAR_DATA_DIR").map(PathBuf::from))
        .or_else(|| dirs::data_dir().map(|d| d.join("mineclear")))
        .unwrap_or_else(|| PathBuf::from(".mineclear"))
}

/// A short, stable hash of a scenario's text (which version of a scenario an attempt ran).
pub fn scenario_hash(text: &str) -> String {
    let mut h = 0x6d63_7363_656e_6172u64;
    for chunk in text.as_bytes().chunks(8) {
        let mut w = [0u8; 8];
        w[..chunk.len()].copy_from_slice(chunk);
        h = mix64(h ^ u64::from_le_bytes(w));
    }
    format!("{h:016x}")
}

impl Store {
    /// Opens (creating if needed) the database in `dir`, migrating an older schema forward.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        if !dir.is_dir() {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateFolder { dir: dir.to_path_buf(), source })?;
        }
        Store::open_file(&dir.join(DB_FILE))
    }

    /// Opens the database file `path`. A damaged file is refused and left as it is.
    pub fn open_file(path: &Path) -> Result<Store, StoreError> {
        let shown = path.display().to_string();
        let err = |e: rusqlite::Error| StoreError::sqlite(&shown, e);
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let exists = path.exists();
        let read_only = no_write_permission(dir) || (exists && no_write_permission(path));
        if read_only && !exists {
            return Err(StoreError::ReadOnlyFolder { dir: dir.to_path_buf() });
        }
        if exists && std::fs::metadata(path).map(|m| m.len()).unwrap_or(0) == 0 {
            return Err(StoreError::Damaged { db: shown, what: "the file is empty (0 bytes): it was truncated or is not a progress database".into() });
        }
        let mut conn = if read_only {
            // Immutable: no lock files or journal are made in a folder that cannot take them.
            Connection::open_with_flags(format!("file:{}?immutable=1", uri_path(path)), OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI)
        } else {
            Connection::open(path)
        }
        .map_err(err)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(err)?;
        // Nothing is written before the file is known to be a sound database.
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(|e| StoreError::Damaged { db: shown.clone(), what: e.to_string() })?;
        if exists {
            let check: String = conn.pragma_query_value(None, "quick_check", |r| r.get(0)).map_err(|e| StoreError::Damaged { db: shown.clone(), what: e.to_string() })?;
            if check != "ok" {
                return Err(StoreError::Damaged { db: shown, what: check });
            }
        }
        if version > SCHEMA_VERSION {
            return Err(StoreError::Newer { db: shown, schema: version });
        }
        if read_only {
            if version < SCHEMA_VERSION {
                return Err(StoreError::OlderReadOnly { db: shown, schema: version });
            }
            return Ok(Store { conn, path: path.to_path_buf(), read_only });
        }
        let _mode: String = conn.pragma_update_and_check(None, "journal_mode", "wal", |r| r.get(0)).map_err(err)?;
        conn.pragma_update(None, "foreign_keys", true).map_err(err)?;
        for (v, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(err)?;
            // Another trainer may have migrated it meanwhile.
            let now: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(err)?;
            if now > v as i64 {
                continue;
            }
            tx.execute_batch(sql).map_err(|e| StoreError::Migration { db: shown.clone(), to_schema: v + 1, cause: Box::new(StoreError::sqlite("", e)) })?;
            tx.pragma_update(None, "user_version", (v + 1) as i64).map_err(err)?;
            tx.commit().map_err(err)?;
        }
        Ok(Store { conn, path: path.to_path_buf(), read_only })
    }

    /// Caps the database at `pages` pages, as a full disk would (for the store's fault tests).
    #[doc(hidden)]
    pub fn limit_pages(&self, pages: u64) {
        self.conn.pragma_update_and_check(None, "max_page_count", pages as i64, |r| r.get::<_, i64>(0)).ok();
    }

    #[doc(hidden)]
    pub fn page_count(&self) -> u64 {
        self.conn.pragma_query_value(None, "page_count", |r| r.get::<_, i64>(0)).unwrap_or(0) as u64
    }

    pub fn schema_version(&self) -> i64 {
        self.conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap_or(0)
    }

    /// Stores an attempt (creating the trainee if new) in one transaction; returns its id.
    /// Who drove and which course version it ran are stored with it: the class table counts
    /// only the trainee's own attempts at the course's versions.
    pub fn record(&mut self, a: &NewAttempt) -> Result<i64, StoreError> {
        self.record_inner(a, false)
    }

    /// As `record`, but fails after writing the attempt's first rows (for the crash test).
    #[doc(hidden)]
    pub fn record_failing_midway(&mut self, a: &NewAttempt) -> Result<i64, StoreError> {
        self.record_inner(a, true)
    }

    fn record_inner(&mut self, a: &NewAttempt, fail: bool) -> Result<i64, StoreError> {
        let name = a.trainee.trim();
        if name.is_empty() {
            return Err(StoreError::NoTrainee);
        }
        let path = self.path.display().to_string();
        if self.read_only {
            return Err(StoreError::ReadOnlyAttempt { db: path });
        }
        let report = a.report;
        let course = Course::builtin().classify(a.scenario_text, a.machine, &report.scenario, a.scenario_origin);
        let err = |e: rusqlite::Error| StoreError::sqlite(&path, e);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(err)?;
        let now = crate::unix_now() as i64;
        tx.execute("INSERT OR IGNORE INTO trainees (name, created_unix) VALUES (?1, ?2)", params![name, now]).map_err(err)?;
        let tid: i64 = tx.query_row("SELECT id FROM trainees WHERE name = ?1", params![name], |r| r.get(0)).map_err(err)?;
        tx.execute(
            "INSERT INTO attempts (trainee_id, scenario_title, scenario_hash, machine, seed, started_unix, duration_s, score, passed,
                breakdown_json, coverage, live_mines_left, replay_path, driven_by, provenance, course, course_name, version, exam)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
            params![
                tid,
                report.scenario,
                scenario_hash(a.scenario_text),
                report.machine,
                report.seed as i64,
                a.started_unix,
                report.sim_seconds as f64,
                report.score as f64,
                report.passed,
                serde_json::to_string(&report.breakdown).unwrap_or_default(),
                report.coverage_fraction as f64,
                report.mines_live_in_area as i64,
                a.replay_path.map(|p| p.display().to_string()),
                a.provenance.driven_by().key(),
                a.provenance.describe(a.ticks, crate::tick::TICK_HZ),
                course.key(),
                course.name().unwrap_or(""),
                course::version_of(a.scenario_text, a.machine),
                a.exam,
            ],
        )
        .map_err(err)?;
        let id = tx.last_insert_rowid();
        for (i, k) in FaultKind::ALL.iter().enumerate() {
            let n = report.faults.iter().filter(|f| f.kind == *k).count() as i64;
            if n > 0 {
                tx.execute("INSERT INTO attempt_faults (attempt_id, kind, count) VALUES (?1, ?2, ?3)", params![id, k.key(), n]).map_err(err)?;
            }
            if fail && i == 0 {
                // Dropping the transaction without commit is what a crash does.
                return Err(StoreError::SimulatedCrash);
            }
        }
        tx.commit().map_err(err)?;
        Ok(id)
    }

    pub fn trainees(&self) -> Result<Vec<String>, StoreError> {
        let err = |e: rusqlite::Error| StoreError::sqlite(&self.path.display().to_string(), e);
        let mut st = self.conn.prepare("SELECT name FROM trainees ORDER BY name").map_err(err)?;
        let rows = st.query_map([], |r| r.get(0)).map_err(err)?;
        rows.collect::<Result<_, _>>().map_err(err)
    }

    /// Every attempt (of one trainee, if named), oldest first.
    pub fn attempts(&self, trainee: Option<&str>) -> Result<Vec<Attempt>, StoreError> {
        let mut st = self
            .conn
            .prepare(
                "SELECT a.id, t.name, a.scenario_title, a.scenario_hash, a.machine, a.seed, a.started_unix, a.duration_s, a.score, a.passed,
                    a.breakdown_json, a.coverage, a.live_mines_left, a.replay_path, a.driven_by, a.provenance, a.course,
                    a.course_name, a.exam
                 FROM attempts a JOIN trainees t ON t.id = a.trainee_id
                 WHERE (?1 IS NULL OR t.name = ?1) ORDER BY a.started_unix, a.id",
            )
            .map_err(|e| StoreError::sqlite(&self.path.display().to_string(), e))?;
        let rows = st
            .query_map(params![trainee], |r| {
                Ok(Attempt {
                    id: r.get(0)?,
                    trainee: r.get(1)?,
                    scenario_title: r.get(2)?,
                    scenario_hash: r.get(3)?,
                    machine: r.get(4)?,
                    seed: r.get::<_, i64>(5)? as u64,
                    started_unix: r.get(6)?,
                    duration_s: r.get(7)?,
                    score: r.get(8)?,
                    passed: r.get(9)?,
                    breakdown: serde_json::from_str(&r.get::<_, String>(10)?).unwrap_or_default(),
                    coverage: r.get(11)?,
                    live_mines_left: r.get(12)?,
                    faults: BTreeMap::new(),
                    replay_path: r.get(13)?,
                    driven_by: DrivenBy::from_key(&r.get::<_, String>(14)?),
                    provenance: r.get(15)?,
                    course: CourseMatch::from_stored(&r.get::<_, String>(16)?, &r.get::<_, String>(17)?),
                    exam: r.get(18)?,
                })
            })
            .map_err(|e| StoreError::sqlite(&self.path.display().to_string(), e))?;
        let mut out: Vec<Attempt> = rows.collect::<Result<_, _>>().map_err(|e| StoreError::sqlite(&self.path.display().to_string(), e))?;
        let mut fst = self.conn.prepare("SELECT kind, count FROM attempt_faults WHERE attempt_id = ?1").map_err(|e| StoreError::sqlite(&self.path.display().to_string(), e))?;
        for a in &mut out {
            let rows = fst.query_map(params![a.id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))).map_err(|e| StoreError::sqlite(&self.path.display().to_string(), e))?;
            a.faults = rows.collect::<Result<_, _>>().map_err(|e| StoreError::sqlite(&self.path.display().to_string(), e))?;
        }
        Ok(out)
    }

    /// Trainee × scenario × standing (course, modified, other, unknown): best score, attempts
    /// and passed from the trainee's own attempts only, and how many demonstrations (the
    /// autopilot or a script drove all or part) — computed in SQL from the attempts.
    pub fn class_table(&self, trainee: Option<&str>) -> Result<Vec<ClassRow>, StoreError> {
        let err = |e: rusqlite::Error| StoreError::sqlite(&self.path.display().to_string(), e);
        let mut st = self
            .conn
            .prepare(
                "SELECT t.name, a.scenario_title,
                    CASE WHEN a.course IN ('course', 'earlier_version') THEN 'course' ELSE a.course END AS standing,
                    MAX(CASE WHEN a.driven_by = 'trainee' THEN a.score END),
                    SUM(a.driven_by = 'trainee'),
                    MAX(a.driven_by = 'trainee' AND a.passed),
                    SUM(a.driven_by <> 'trainee'),
                    MAX(a.driven_by = 'trainee' AND a.passed AND a.exam)
                 FROM attempts a JOIN trainees t ON t.id = a.trainee_id
                 WHERE (?1 IS NULL OR t.name = ?1)
                 GROUP BY t.name, a.scenario_title, standing ORDER BY t.name, a.scenario_title, standing",
            )
            .map_err(err)?;
        let rows = st
            .query_map(params![trainee], |r| {
                Ok(ClassRow {
                    trainee: r.get(0)?,
                    scenario: r.get(1)?,
                    course: r.get(2)?,
                    best_score: r.get(3)?,
                    attempts: r.get(4)?,
                    passed: r.get::<_, i64>(5)? != 0,
                    demonstrations: r.get(6)?,
                    exam_passed: r.get::<_, i64>(7)? != 0,
                })
            })
            .map_err(err)?;
        rows.collect::<Result<_, _>>().map_err(err)
    }

    /// Whether an attempt from this replay (same trainee, scenario, seed and start) is stored.
    pub fn has_attempt(&self, trainee: &str, scenario_hash: &str, seed: u64, started_unix: i64) -> bool {
        self.conn
            .query_row(
                "SELECT a.id FROM attempts a JOIN trainees t ON t.id = a.trainee_id
                 WHERE t.name = ?1 AND a.scenario_hash = ?2 AND a.seed = ?3 AND a.started_unix = ?4",
                params![trainee, scenario_hash, seed as i64, started_unix],
                |r| r.get::<_, i64>(0),
            )
            .optional()
            .ok()
            .flatten()
            .is_some()
    }
}

/// Whether `p` has no write permission bits at all (a folder or file an instructor made
/// read-only); honoured even where the operating system would let the user write.
fn no_write_permission(p: &Path) -> bool {
    std::fs::metadata(p).is_ok_and(|m| m.permissions().readonly())
}

/// A path for an SQLite `file:` URI: `%`, `?` and `#` escaped.
fn uri_path(p: &Path) -> String {
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    abs.display().to_string().replace('%', "%25").replace('?', "%3f").replace('#', "%23")
}

/// What `import` did with a replay.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub id: i64,
    pub trainee: String,
    pub score: f32,
    pub driven_by: DrivenBy,
    pub course: CourseMatch,
    pub exam: bool,
}

impl Imported {
    /// One line for the terminal: what it counts as.
    pub fn summary(&self) -> String {
        let what = if !self.driven_by.counts_as_attempt() {
            format!("stored as a demonstration, not as {}'s attempt ({})", self.trainee, self.driven_by.describe())
        } else if !self.course.counts() {
            format!("stored as {}'s {} (not the course's)", self.trainee, self.course.describe())
        } else {
            format!("imported as {}'s attempt at the course{}", self.trainee, if self.exam { " (exam seat)" } else { "" })
        };
        format!("score {:.1} (re-simulated); {what}", self.score)
    }
}

/// Imports a replay as an attempt: re-simulated (its own report is never trusted); `trainee`
/// overrides the name recorded in it. A replay the autopilot or a script drove (all or part)
/// is stored as a demonstration; one on anything but a course version as practice. The path
/// is stored absolute, so the record finds the file from any folder.
pub fn import(store: &mut Store, path: &Path, trainee: Option<&str>) -> Result<Imported, StoreError> {
    let file = path.display().to_string();
    let r = crate::replay::Replay::load(path)?;
    let name =
        trainee.map(str::to_string).or_else(|| r.meta.trainee.clone()).ok_or_else(|| StoreError::ReplayNamesNoTrainee { file: file.clone() })?;
    if !r.meta.complete {
        return Err(StoreError::Unfinished { file });
    }
    if let Some(problem) = r.meta.provenance.mismatch(&r.commands, r.meta.tick_hz) {
        return Err(StoreError::DriverMismatch { file, problem });
    }
    let hash = scenario_hash(&r.meta.scenario_text);
    let started = r.meta.recorded_unix_s as i64;
    if store.has_attempt(&name, &hash, r.meta.seed, started) {
        return Err(StoreError::AlreadyImported { file, trainee: name });
    }
    let v = crate::replay::verify(&r, &file)?;
    let absolute = std::fs::canonicalize(path).or_else(|_| std::path::absolute(path)).unwrap_or_else(|_| path.to_path_buf());
    let id = store.record(&NewAttempt::from_replay(&r, &name, &v.report, Some(&absolute)))?;
    let course = Course::builtin().classify(&r.meta.scenario_text, &r.meta.machine, &v.report.scenario, &r.meta.scenario_origin);
    Ok(Imported { id, trainee: name, score: v.report.score, driven_by: r.meta.provenance.driven_by(), course, exam: r.meta.exam })
}
