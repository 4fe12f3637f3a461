//! Trainees and their attempts, kept in an embedded SQLite database (rusqlite, bundled), so
//! trainee and instructor can see progress across sessions. Every attempt is written in one
//! transaction: a crash leaves it whole or absent, never half there. The schema is versioned
//! (`PRAGMA user_version`) and migrated forward step by step when an older database is opened.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, params};

use crate::geom::mix64;
use crate::scoring::{FaultKind, ScoreReport};

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
}

/// One cell of the class table: a trainee's record on one scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassRow {
    pub trainee: String,
    pub scenario: String,
    pub best_score: f64,
    pub attempts: i64,
    pub passed: bool,
}

/// The progress database.
pub struct Store {
    conn: Connection,
    pub path: PathBuf,
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
    pub fn open(dir: &Path) -> Result<Store, String> {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: cannot create the data folder: {e}", dir.display()))?;
        let path = dir.join("progress.sqlite");
        Store::open_file(&path)
    }

    pub fn open_file(path: &Path) -> Result<Store, String> {
        let err = |e: rusqlite::Error| format!("{}: {e}", path.display());
        let mut conn = Connection::open(path).map_err(err)?;
        conn.pragma_update(None, "foreign_keys", true).map_err(err)?;
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(err)?;
        if version > SCHEMA_VERSION {
            return Err(format!("{}: progress database from a newer mineclear (schema {version}; this one knows up to {SCHEMA_VERSION})", path.display()));
        }
        for (v, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            let tx = conn.transaction().map_err(err)?;
            tx.execute_batch(sql).map_err(|e| format!("{}: migrating to schema {}: {e}", path.display(), v + 1))?;
            tx.pragma_update(None, "user_version", (v + 1) as i64).map_err(err)?;
            tx.commit().map_err(err)?;
        }
        Ok(Store { conn, path: path.to_path_buf() })
    }

    pub fn schema_version(&self) -> i64 {
        self.conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap_or(0)
    }

    /// Stores an attempt (creating the trainee if new) in one transaction; returns its id.
    pub fn record(&mut self, trainee: &str, report: &ScoreReport, scenario_text: &str, started_unix: i64, replay_path: Option<&Path>) -> Result<i64, String> {
        self.record_inner(trainee, report, scenario_text, started_unix, replay_path, false)
    }

    /// As `record`, but fails after writing the attempt's first rows (for the crash test).
    #[doc(hidden)]
    pub fn record_failing_midway(&mut self, trainee: &str, report: &ScoreReport, scenario_text: &str) -> Result<i64, String> {
        self.record_inner(trainee, report, scenario_text, 0, None, true)
    }

    fn record_inner(
        &mut self,
        trainee: &str,
        report: &ScoreReport,
        scenario_text: &str,
        started_unix: i64,
        replay_path: Option<&Path>,
        fail: bool,
    ) -> Result<i64, String> {
        let name = trainee.trim();
        if name.is_empty() {
            return Err("an attempt needs a trainee name".into());
        }
        let path = self.path.display().to_string();
        let err = |e: rusqlite::Error| format!("{path}: {e}");
        let tx = self.conn.transaction().map_err(err)?;
        let now = crate::unix_now() as i64;
        tx.execute("INSERT OR IGNORE INTO trainees (name, created_unix) VALUES (?1, ?2)", params![name, now]).map_err(err)?;
        let tid: i64 = tx.query_row("SELECT id FROM trainees WHERE name = ?1", params![name], |r| r.get(0)).map_err(err)?;
        tx.execute(
            "INSERT INTO attempts (trainee_id, scenario_title, scenario_hash, machine, seed, started_unix, duration_s, score, passed,
                breakdown_json, coverage, live_mines_left, replay_path) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            params![
                tid,
                report.scenario,
                scenario_hash(scenario_text),
                report.machine,
                report.seed as i64,
                started_unix,
                report.sim_seconds as f64,
                report.score as f64,
                report.passed,
                serde_json::to_string(&report.breakdown).unwrap_or_default(),
                report.coverage_fraction as f64,
                report.mines_live_in_area as i64,
                replay_path.map(|p| p.display().to_string()),
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
                return Err("simulated crash in the middle of writing an attempt".into());
            }
        }
        tx.commit().map_err(err)?;
        Ok(id)
    }

    pub fn trainees(&self) -> Result<Vec<String>, String> {
        let mut st = self.conn.prepare("SELECT name FROM trainees ORDER BY name").map_err(|e| e.to_string())?;
        let rows = st.query_map([], |r| r.get(0)).map_err(|e| e.to_string())?;
        rows.collect::<Result<_, _>>().map_err(|e| e.to_string())
    }

    /// Every attempt (of one trainee, if named), oldest first.
    pub fn attempts(&self, trainee: Option<&str>) -> Result<Vec<Attempt>, String> {
        let mut st = self
            .conn
            .prepare(
                "SELECT a.id, t.name, a.scenario_title, a.scenario_hash, a.machine, a.seed, a.started_unix, a.duration_s, a.score, a.passed,
                    a.breakdown_json, a.coverage, a.live_mines_left, a.replay_path
                 FROM attempts a JOIN trainees t ON t.id = a.trainee_id
                 WHERE (?1 IS NULL OR t.name = ?1) ORDER BY a.started_unix, a.id",
            )
            .map_err(|e| e.to_string())?;
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
                })
            })
            .map_err(|e| e.to_string())?;
        let mut out: Vec<Attempt> = rows.collect::<Result<_, _>>().map_err(|e| e.to_string())?;
        let mut fst = self.conn.prepare("SELECT kind, count FROM attempt_faults WHERE attempt_id = ?1").map_err(|e| e.to_string())?;
        for a in &mut out {
            let rows = fst.query_map(params![a.id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))).map_err(|e| e.to_string())?;
            a.faults = rows.collect::<Result<_, _>>().map_err(|e| e.to_string())?;
        }
        Ok(out)
    }

    /// Trainee × scenario: best score, attempts, passed — computed in SQL from the attempts.
    pub fn class_table(&self, trainee: Option<&str>) -> Result<Vec<ClassRow>, String> {
        let mut st = self
            .conn
            .prepare(
                "SELECT t.name, a.scenario_title, MAX(a.score), COUNT(*), MAX(a.passed)
                 FROM attempts a JOIN trainees t ON t.id = a.trainee_id
                 WHERE (?1 IS NULL OR t.name = ?1)
                 GROUP BY t.name, a.scenario_title ORDER BY t.name, a.scenario_title",
            )
            .map_err(|e| e.to_string())?;
        let rows = st
            .query_map(params![trainee], |r| {
                Ok(ClassRow { trainee: r.get(0)?, scenario: r.get(1)?, best_score: r.get(2)?, attempts: r.get(3)?, passed: r.get::<_, i64>(4)? != 0 })
            })
            .map_err(|e| e.to_string())?;
        rows.collect::<Result<_, _>>().map_err(|e| e.to_string())
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

/// Imports a replay as an attempt: re-simulated (its own report is never trusted); `trainee`
/// overrides the name recorded in it. Returns the stored score, or why not.
pub fn import(store: &mut Store, path: &Path, trainee: Option<&str>) -> Result<f32, String> {
    let file = path.display().to_string();
    let r = crate::replay::Replay::load(path).map_err(|e| e.to_string())?;
    let name =
        trainee.map(str::to_string).or_else(|| r.meta.trainee.clone()).ok_or_else(|| format!("{file}: the replay names no trainee; pass --trainee NAME"))?;
    if !r.meta.complete {
        return Err(format!("{file}: an unfinished session (a checkpoint) cannot be an attempt"));
    }
    let hash = scenario_hash(&r.meta.scenario_text);
    let started = r.meta.recorded_unix_s as i64;
    if store.has_attempt(&name, &hash, r.meta.seed, started) {
        return Err(format!("{file}: already imported for {name}"));
    }
    let v = crate::replay::verify(&r, &file).map_err(|e| e.to_string())?;
    store.record(&name, &v.report, &r.meta.scenario_text, started, Some(path))?;
    Ok(v.report.score)
}
