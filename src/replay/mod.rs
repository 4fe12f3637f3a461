//! Replays: every session's commands, with the scenario and machine it ran, state checksums
//! along the way and the final report — enough to re-simulate it exactly and prove the score.
//!
//! File layout (little-endian): the 8 bytes `MCREPLAY`, the format version (u16), the length
//! (u32) and CRC-32 (u32) of the payload, then the payload deflated. The payload is a u32
//! length and that much JSON metadata, then the command stream (see `codec`). Files are
//! written to a temporary name and renamed, so a crash never leaves half a replay.

pub mod codec;
pub mod comments;
pub mod expert;
pub mod resume;
pub mod trace;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use crate::machine::MachineSpec;
use crate::operator::provenance::ExamSession;
use crate::operator::{CommandLog, OperatorCommand, Provenance};
use crate::scenario::{self, LoadedScenario};
use crate::text::ui_lang;
use crate::tr;
use crate::scoring::ScoreReport;
use crate::operator::SourceSetup;
use crate::sim::{self, SimSetup};
use crate::tick::{Session, SimClock, TICK_HZ};

pub const MAGIC: &[u8; 8] = b"MCREPLAY";
/// The newest format this build writes and reads. 1: the first. 2: the command stream may
/// carry the boom sticks (slew, reach); a format-1 file reads unchanged (both sticks zero).
/// 3: the metadata says who drove (`provenance`) and whether it was an exam seat; older files
/// read with who drove unknown.
pub const FORMAT: u16 = 3;
pub use crate::checksum::{CHECK_EVERY, Checksums, state_digest};

/// Hard limits on what a replay may hold, checked before anything is allocated for it, so a
/// crafted file cannot exhaust memory or time. The longest session a scenario may set (600
/// minutes, `scenario::validate`) is 2.16 million ticks; its commands take at most a dozen
/// bytes a tick unpacked, and its metadata is the scenario's text, a checksum a second and
/// the report.
pub mod limits {
    /// Longest session, ticks: the longest time limit a scenario may set, plus the margin.
    pub const MAX_TICKS: u64 = (600 * 60 + 60) * 60;
    /// Ticks a session may run past its scenario's time limit (the last tick ends it).
    pub const TICK_MARGIN: u64 = 60;
    /// Largest file a reader will open.
    pub const MAX_FILE_BYTES: u64 = 64 << 20;
    /// Largest unpacked payload (metadata and commands).
    pub const MAX_PAYLOAD: usize = 48 << 20;
    /// Largest metadata.
    pub const MAX_META: usize = 8 << 20;
    /// Longest scenario text (the editor's largest scenarios are a few tens of kilobytes).
    pub const MAX_SCENARIO_TEXT: usize = 1 << 20;
    /// Longest trainee name, origin or program string.
    pub const MAX_NAME: usize = 4096;
}
use limits::*;

/// Everything about a session except its commands.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReplayMeta {
    pub format: u16,
    /// The program that recorded it, e.g. "mineclear 0.1.0".
    pub program: String,
    /// The clearing model it ran under (`clearing::MODEL_VERSION`; files from before model
    /// versions ran under model 1).
    #[serde(default = "crate::clearing::first_model")]
    pub model: u32,
    pub trainee: Option<String>,
    pub recorded_unix_s: u64,
    pub scenario_origin: String,
    /// The scenario's full text as it was run (a replay stands alone if the file changes).
    pub scenario_text: String,
    /// The machine as it was run.
    pub machine: MachineSpec,
    pub seed: u64,
    pub tick_hz: f64,
    pub ticks: u64,
    /// (tick, digest of machine, coverage and mines) every `CHECK_EVERY` ticks and at the end.
    pub checksums: Vec<(u64, u64)>,
    /// False for a checkpoint of a session still running (or one that crashed).
    pub complete: bool,
    pub report: Option<ScoreReport>,
    /// Who produced the commands, from which tick (empty: recorded before format 3).
    #[serde(default)]
    pub provenance: Provenance,
    /// Recorded at an exam seat (the course only, no autopilot, the trainee named).
    #[serde(default)]
    pub exam: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Replay {
    pub meta: ReplayMeta,
    pub commands: Vec<OperatorCommand>,
}

/// What is wrong with a replay file, naming the file.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{file}: {problem}")]
pub struct ReplayError {
    pub file: String,
    pub problem: String,
}

impl Replay {
    /// The replay of the session in `world` so far; with the report once it has ended.
    pub fn from_world(world: &mut World, trainee: Option<String>) -> Replay {
        let ended = world.resource::<SimClock>().ended.is_some();
        let report = ended.then(|| sim::report(world));
        Replay::with_report(world, trainee, report)
    }

    /// As `from_world`, with the final report already computed (`None` while running).
    pub fn with_report(world: &World, trainee: Option<String>, report: Option<ScoreReport>) -> Replay {
        let ended = report.is_some();
        let session = world.resource::<Session>();
        let commands = world.resource::<CommandLog>().0.clone();
        let meta = ReplayMeta {
            format: FORMAT,
            program: format!("mineclear {}", env!("CARGO_PKG_VERSION")),
            model: crate::clearing::MODEL_VERSION,
            trainee,
            recorded_unix_s: crate::unix_now(),
            scenario_origin: session.loaded.origin.clone(),
            scenario_text: session.loaded.text.clone(),
            machine: session.loaded.machine.clone(),
            seed: session.seed,
            tick_hz: TICK_HZ,
            ticks: world.resource::<SimClock>().tick,
            checksums: world.resource::<Checksums>().0.clone(),
            complete: ended,
            // As the file keeps it: what rides beside the JSON (messages for other
            // languages) is not recorded, so a replay reads back equal to itself.
            report: report.map(ScoreReport::as_recorded),
            provenance: world.get_resource::<Provenance>().cloned().unwrap_or_default(),
            exam: world.contains_resource::<ExamSession>(),
        };
        Replay { meta, commands }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let meta = serde_json::to_vec(&self.meta).expect("replay metadata serialises");
        let mut payload = Vec::with_capacity(meta.len() + self.commands.len() / 2);
        payload.extend_from_slice(&(meta.len() as u32).to_le_bytes());
        payload.extend_from_slice(&meta);
        payload.extend_from_slice(&codec::encode(&self.commands));
        let mut z = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(&payload).expect("deflate into memory");
        let body = z.finish().expect("deflate into memory");
        let mut out = Vec::with_capacity(body.len() + 18);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT.to_le_bytes());
        out.extend_from_slice(&(body.len() as u32).to_le_bytes());
        out.extend_from_slice(&crc32fast::hash(&body).to_le_bytes());
        out.extend_from_slice(&body);
        out
    }

    /// Reads a replay, saying exactly what is wrong with a file that is not a good one.
    pub fn from_bytes(bytes: &[u8], file: &str) -> Result<Replay, ReplayError> {
        let err = |problem: String| ReplayError { file: file.to_string(), problem };
        if bytes.len() < 8 || &bytes[..8] != MAGIC {
            return Err(err(tr!(ui_lang(), "replay-not-a-replay")));
        }
        if bytes.len() < 18 {
            return Err(err(tr!(ui_lang(), "replay-truncated-header", bytes = bytes.len())));
        }
        let version = u16::from_le_bytes([bytes[8], bytes[9]]);
        if version > FORMAT {
            return Err(err(tr!(ui_lang(), "replay-newer-format", version = version, format = FORMAT)));
        }
        if version == 0 {
            return Err(err(tr!(ui_lang(), "replay-format-zero")));
        }
        let len = u32::from_le_bytes(bytes[10..14].try_into().expect("4 bytes")) as usize;
        let crc = u32::from_le_bytes(bytes[14..18].try_into().expect("4 bytes"));
        let body = &bytes[18..];
        if len as u64 > MAX_FILE_BYTES {
            return Err(err(format!("malformed: the header announces {len} bytes of data; a replay holds at most {MAX_FILE_BYTES}")));
        }
        if body.len() < len {
            return Err(err(tr!(ui_lang(), "replay-truncated-data", announced = len, held = body.len())));
        }
        if body.len() > len {
            return Err(err(tr!(ui_lang(), "replay-trailing-bytes", bytes = body.len() - len)));
        }
        if crc32fast::hash(body) != crc {
            return Err(err(tr!(ui_lang(), "replay-corrupted")));
        }
        let mut payload = Vec::new();
        flate2::read::DeflateDecoder::new(body)
            .take(MAX_PAYLOAD as u64 + 1)
            .read_to_end(&mut payload)
            .map_err(|e| err(format!("corrupted: cannot unpack the data: {e}")))?;
        if payload.len() > MAX_PAYLOAD {
            return Err(err(format!("malformed: the data unpacks to more than {MAX_PAYLOAD} bytes, the most a replay may hold")));
        }
        if payload.len() < 4 {
            return Err(err(format!("malformed: unpacked data of {} bytes", payload.len())));
        }
        let meta_len = u32::from_le_bytes(payload[..4].try_into().expect("4 bytes")) as usize;
        if meta_len > MAX_META {
            return Err(err(format!("malformed: {meta_len} bytes of metadata; at most {MAX_META} are allowed")));
        }
        if payload.len() < 4 + meta_len {
            return Err(err("malformed: the metadata runs past the data".into()));
        }
        let meta: ReplayMeta = serde_json::from_slice(&payload[4..4 + meta_len]).map_err(|e| err(format!("malformed metadata: {e}")))?;
        if let Some(problem) = meta.problem() {
            return Err(err(format!("malformed metadata: {problem}")));
        }
        let commands = codec::decode_expecting(&payload[4 + meta_len..], Some(meta.ticks)).map_err(|e| err(format!("malformed: {e}")))?;
        Ok(Replay { meta, commands })
    }

    pub fn load(path: &Path) -> Result<Replay, ReplayError> {
        let file = path.display().to_string();
        let cannot = |e: std::io::Error| ReplayError { file: file.clone(), problem: tr!(ui_lang(), "replay-cannot-read", error = e.to_string()) };
        let size = std::fs::metadata(path).map_err(cannot)?.len();
        if size > MAX_FILE_BYTES + 18 {
            return Err(ReplayError { file: file.clone(), problem: tr!(ui_lang(), "replay-too-large", bytes = size, most = MAX_FILE_BYTES) });
        }
        let bytes = std::fs::read(path).map_err(cannot)?;
        Replay::from_bytes(&bytes, &file)
    }

    /// Writes crash-safe: a temporary file, then a rename over `path`.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        crate::write_atomic(path, &self.to_bytes())
    }

    /// The scenario and machine exactly as recorded, checked as a scenario file and a machine
    /// file are (ranges, caps, feasibility): a replay cannot bring the simulator anything a
    /// scenario file could not. Its tick count must fit the scenario's time limit.
    pub fn loaded(&self, file: &str) -> Result<LoadedScenario, ReplayError> {
        let err = |problem: String| ReplayError { file: file.to_string(), problem };
        let origin = &self.meta.scenario_origin;
        let scenario = scenario::parse_scenario(&self.meta.scenario_text, origin).map_err(|p| err(format!("its scenario does not parse: {p}")))?;
        let mut findings = scenario::Findings::default();
        scenario::validate_machine(&self.meta.machine, &mut findings);
        let machine_problems = findings.0.len();
        if machine_problems == 0 {
            scenario::validate_scenario(&scenario, Some(&self.meta.machine), &mut findings);
        }
        if !findings.0.is_empty() {
            let what = if machine_problems > 0 { "its machine" } else { "its scenario" };
            let n = findings.0.len();
            let listed: Vec<String> = findings.0.iter().take(3).map(|(path, msg)| format!("{}: {msg}", scenario::path_label(path))).collect();
            return Err(err(format!("{what} fails validation ({n} problem{}): {}", if n == 1 { "" } else { "s" }, listed.join("; "))));
        }
        let limit = limit_ticks(scenario.time_limit_min);
        if self.meta.ticks > limit {
            return Err(err(tr!(
                ui_lang(),
                "replay-time-limit",
                ticks = self.meta.ticks,
                seconds = self.meta.ticks as f64 / TICK_HZ,
                limit_min = scenario.time_limit_min as f64
            )));
        }
        Ok(LoadedScenario { scenario, machine: self.meta.machine.clone(), text: self.meta.scenario_text.clone(), origin: origin.clone() })
    }
}

/// The most ticks a session under a time limit of `minutes` can run.
pub fn limit_ticks(minutes: f32) -> u64 {
    (minutes.max(0.0) as f64 * 60.0 * TICK_HZ).ceil().min(MAX_TICKS as f64) as u64 + TICK_MARGIN
}

impl ReplayMeta {
    /// What is wrong with metadata read from a file, if anything (before the scenario is read).
    fn problem(&self) -> Option<String> {
        if self.tick_hz != TICK_HZ {
            return Some(format!("recorded at {} Hz; this build simulates at {TICK_HZ} Hz", self.tick_hz));
        }
        if self.ticks > MAX_TICKS {
            return Some(format!("{} ticks; no session may run longer than {MAX_TICKS} ticks (10 hours)", self.ticks));
        }
        if self.scenario_text.len() > MAX_SCENARIO_TEXT {
            return Some(format!("a scenario of {} bytes; at most {MAX_SCENARIO_TEXT} are allowed", self.scenario_text.len()));
        }
        for (what, s) in [("program", &self.program), ("scenario origin", &self.scenario_origin)]
            .into_iter()
            .chain(self.trainee.as_ref().map(|t| ("trainee name", t)))
        {
            if s.len() > MAX_NAME {
                return Some(format!("a {what} of {} bytes; at most {MAX_NAME} are allowed", s.len()));
            }
        }
        if self.checksums.len() as u64 > self.ticks / CHECK_EVERY + 2 {
            return Some(format!("{} checksums for {} ticks", self.checksums.len(), self.ticks));
        }
        if self.checksums.windows(2).any(|w| w[1].0 <= w[0].0) || self.checksums.last().is_some_and(|c| c.0 > self.ticks) {
            return Some("the checksums are out of order".into());
        }
        self.provenance.problem(self.ticks)
    }
}

/// The result of re-simulating a replay.
#[derive(Clone, Debug)]
pub struct Verified {
    pub report: ScoreReport,
    pub ticks: u64,
    pub checksums_checked: usize,
    /// Whether the recording had its final report to compare (false for a checkpoint).
    pub complete: bool,
}

/// A replay recorded under another clearing model than this build's: it cannot re-simulate to
/// the recorded result, which says nothing about the file being corrupt or doctored.
#[derive(Clone, Debug, PartialEq)]
pub struct OtherModel {
    pub file: String,
    pub recorded: u32,
}

impl OtherModel {
    /// What is the matter, without the file's name.
    pub fn problem(&self) -> String {
        let now = crate::clearing::MODEL_VERSION;
        format!(
            "recorded under clearing model {}; this build simulates model {now}, so its result cannot be reproduced exactly (the file itself is sound). `mineclear replay score` re-scores it under model {now}",
            self.recorded
        )
    }
}

impl std::fmt::Display for OtherModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file, self.problem())
    }
}

impl Replay {
    /// `Some` when this replay ran under another clearing model than this build's.
    pub fn other_model(&self, file: &str) -> Option<OtherModel> {
        (self.meta.model != crate::clearing::MODEL_VERSION).then(|| OtherModel { file: file.to_string(), recorded: self.meta.model })
    }
}

/// Re-simulates `replay` headless to its end (or the tick count it claims), calling `check`
/// before each step and after the last: the one loop `verify` and `rescore` share.
fn resimulate(replay: &Replay, file: &str, mut check: impl FnMut(&App) -> Result<(), ReplayError>) -> Result<App, ReplayError> {
    let loaded = replay.loaded(file)?;
    // `loaded` refused a tick count past the time limit; the bound holds here whatever the file.
    let last = replay.meta.ticks.min(limit_ticks(loaded.scenario.time_limit_min));
    let mut app = sim::headless_app();
    sim::install_session(app.world_mut(), SimSetup { loaded, seed: replay.meta.seed, source: SourceSetup::Script(replay.commands.clone()) });
    sim::step_ticks(&mut app, 0);
    loop {
        check(&app)?;
        let clock = app.world().resource::<SimClock>();
        if clock.ended.is_some() || clock.tick >= last {
            return Ok(app);
        }
        let step = (last - clock.tick).min(CHECK_EVERY * 60) as u32;
        sim::step_ticks(&mut app, step);
    }
}

/// Re-simulates the replay's commands under this build's model, whatever model recorded it,
/// without comparing checksums or the recorded report: the score it would get today.
pub fn rescore(replay: &Replay, file: &str) -> Result<Verified, ReplayError> {
    let mut app = resimulate(replay, file, |_| Ok(()))?;
    let report = sim::report(app.world_mut());
    let ticks = app.world().resource::<SimClock>().tick;
    Ok(Verified { report, ticks, checksums_checked: 0, complete: replay.meta.complete })
}

/// Re-simulates `replay` headless and checks every checksum and the final report. A replay
/// from another clearing model is refused with that said (see `Replay::other_model`).
pub fn verify(replay: &Replay, file: &str) -> Result<Verified, ReplayError> {
    let err = |problem: String| ReplayError { file: file.to_string(), problem };
    if let Some(other) = replay.other_model(file) {
        return Err(err(other.problem()));
    }
    let want = &replay.meta.checksums;
    let mut checked = 0;
    let mut app = resimulate(replay, file, |app| {
        let got = &app.world().resource::<Checksums>().0;
        while checked < got.len().min(want.len()) {
            let (t, h) = got[checked];
            let (wt, wh) = want[checked];
            if t != wt || h != wh {
                let first = t.min(wt);
                return Err(err(tr!(ui_lang(), "replay-diverges", tick = first, seconds = first as f64 / TICK_HZ)));
            }
            checked += 1;
        }
        Ok(())
    })?;
    let got_len = app.world().resource::<Checksums>().0.len();
    if replay.meta.complete && got_len != want.len() {
        let tick = app.world().resource::<SimClock>().tick;
        return Err(err(tr!(ui_lang(), "replay-diverges-at-end", tick = tick, got = got_len, want = want.len())));
    }
    let report = sim::report(app.world_mut());
    if let Some(recorded) = &replay.meta.report {
        let a = serde_json::to_string(recorded).expect("report serialises");
        let b = serde_json::to_string(&report).expect("report serialises");
        if a != b {
            return Err(err(tr!(ui_lang(), "replay-report-differs", recorded = recorded.score, resimulated = report.score)));
        }
    }
    let ticks = app.world().resource::<SimClock>().tick;
    Ok(Verified { report, ticks, checksums_checked: checked, complete: replay.meta.complete })
}

/// Every replay file named by `args` (files, or folders searched for `*.mcreplay`).
pub fn collect_files(args: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for a in args {
        if a.is_dir() {
            out.extend(crate::files_with_extension(a, EXTENSION));
        } else {
            out.push(a.clone());
        }
    }
    out
}

pub const EXTENSION: &str = "mcreplay";

/// One row of `replay score`.
#[derive(Clone, Debug)]
pub struct ScoreRow {
    pub file: PathBuf,
    pub trainee: Option<String>,
    pub result: Result<Verified, ReplayError>,
    /// The clearing model a replay from another model recorded: it was re-scored under this
    /// build's model rather than verified.
    pub rescored_from_model: Option<u32>,
}

/// Re-scores `files` on up to `jobs` threads (each re-simulates headless); rows in file order.
pub fn score_all(files: &[PathBuf], jobs: usize) -> Vec<ScoreRow> {
    score_all_reporting(files, jobs, |_| {})
}

/// As `score_all`, calling `done` with each row as it is finished (for a progress bar).
pub fn score_all_reporting(files: &[PathBuf], jobs: usize, done: impl Fn(&ScoreRow) + Sync) -> Vec<ScoreRow> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let rows: Vec<std::sync::Mutex<Option<ScoreRow>>> = files.iter().map(|_| std::sync::Mutex::new(None)).collect();
    std::thread::scope(|s| {
        for _ in 0..jobs.max(1).min(files.len().max(1)) {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(path) = files.get(i) else { break };
                    let file = path.display().to_string();
                    let (trainee, result, rescored_from_model) = match Replay::load(path) {
                        Ok(r) => match r.other_model(&file) {
                            Some(other) => (r.meta.trainee.clone(), rescore(&r, &file), Some(other.recorded)),
                            None => (r.meta.trainee.clone(), verify(&r, &file), None),
                        },
                        Err(e) => (None, Err(e), None),
                    };
                    let row = ScoreRow { file: path.clone(), trainee, result, rescored_from_model };
                    done(&row);
                    *rows[i].lock().expect("row lock") = Some(row);
                }
            });
        }
    });
    rows.into_iter().map(|m| m.into_inner().expect("row lock").expect("every row scored")).collect()
}

/// Where the trainer keeps replays: `$MINECLEAR_REPLAY_DIR`, else `replays/` in the data folder
/// beside the progress store (never the folder it happens to be started from).
pub fn default_dir(data_dir: &Path) -> PathBuf {
    let dir = std::env::var_os("MINECLEAR_REPLAY_DIR").map(PathBuf::from).unwrap_or_else(|| data_dir.join("replays"));
    std::path::absolute(&dir).unwrap_or(dir)
}

/// A file name for a new replay: scenario and time, never overwriting an existing file.
pub fn new_path(dir: &Path, scenario_title: &str) -> PathBuf {
    let stem = crate::file_stem(scenario_title);
    let t = crate::unix_now();
    for n in 0.. {
        let p = dir.join(if n == 0 { format!("{stem}-{t}.{EXTENSION}") } else { format!("{stem}-{t}-{n}.{EXTENSION}") });
        if !p.exists() {
            return p;
        }
    }
    unreachable!()
}
