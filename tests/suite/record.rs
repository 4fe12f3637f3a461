//! The training record an instructor can trust: who drove is kept and the autopilot never
//! passes for a trainee; only the course's own versions count toward it; hostile replays are
//! bounded; the progress store survives two writers, a read-only folder, a damaged file and a
//! full disk.

use std::path::{Path, PathBuf};

use bevy::prelude::Mut;
use mineclear::operator::{AutopilotOptions, CommandSource, DrivenBy, FinishRequest, OperatorCommand, Origin};
use mineclear::progress::{self, Course, CourseMatch, NewAttempt, Store, StoreError};
use mineclear::replay::{self, Replay};
use mineclear::scenario::{self, LoadedScenario};
use mineclear::sim::{self, SimClock, SimSetup, SourceSetup};

fn temp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("mineclear-record-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&d).ok();
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn builtin(name: &str) -> LoadedScenario {
    scenario::load_builtin(name).unwrap().unwrap()
}

/// The autopilot drives `loaded` to its end (or for `secs` seconds, then finishes).
fn autopilot_replay(loaded: LoadedScenario, secs: Option<u32>, trainee: &str) -> Replay {
    let seed = loaded.scenario.seed.unwrap_or(7);
    let mut app = sim::headless_app();
    sim::install_session(app.world_mut(), SimSetup { loaded, seed, source: SourceSetup::Autopilot(AutopilotOptions::default()) });
    sim::step_ticks(&mut app, 0);
    match secs {
        Some(s) => {
            sim::step_ticks(&mut app, s * 60);
            app.world_mut().resource_mut::<FinishRequest>().0 = true;
            sim::step_ticks(&mut app, 1);
        }
        None => {
            while app.world().resource::<SimClock>().ended.is_none() {
                sim::step_ticks(&mut app, 3600);
            }
        }
    }
    assert!(app.world().resource::<SimClock>().ended.is_some());
    Replay::from_world(app.world_mut(), Some(trainee.into()))
}

/// A trainee at the keyboard drives as the expert would, tick by tick, through the live
/// controls: the autopilot's judgement, the trainee's hands (levers at the controls'
/// resolution, as the trainer's input layer gives them). With `hand_over_at`, they hand the
/// machine to the autopilot at that tick.
fn live_replay(loaded: LoadedScenario, hand_over_at: Option<u64>, trainee: &str) -> Replay {
    use mineclear::clearing::Coverage;
    use mineclear::machine::MachineState;
    let seed = loaded.scenario.seed.unwrap_or(7);
    let mut app = sim::headless_app();
    sim::install_session(app.world_mut(), SimSetup { loaded, seed, source: SourceSetup::Live });
    sim::step_ticks(&mut app, 0);
    while app.world().resource::<SimClock>().ended.is_none() {
        let tick = app.world().resource::<SimClock>().tick;
        app.world_mut().resource_scope(|world, mut src: Mut<CommandSource>| {
            if Some(tick) == hand_over_at {
                src.hand_to_autopilot();
            }
            if let CommandSource::Live { command, autopilot, .. } = &mut *src {
                let m = world.resource::<MachineState>();
                let wanted = autopilot.command(m, &world.resource::<sim::Ground>().0, world.resource::<Coverage>());
                *command = wanted.at_live_resolution(command);
            }
        });
        sim::step_ticks(&mut app, 1);
    }
    Replay::from_world(app.world_mut(), Some(trainee.into()))
}

fn save(r: &Replay, dir: &Path, name: &str) -> PathBuf {
    let p = dir.join(name);
    r.save(&p).unwrap();
    p
}

/// The first forgery of the issue: the autopilot's exam pass imported for a trainee. The
/// autopilot's runs (whole or in part) are demonstrations; the same commands from the
/// trainee's own controls are the trainee's attempt and pass.
#[test]
fn the_autopilot_never_passes_for_the_trainee() {
    let dir = temp("provenance");
    let auto = autopilot_replay(builtin("first_lesson"), None, "Mallory");
    assert!(auto.meta.report.as_ref().unwrap().passed);
    assert_eq!(auto.meta.provenance.driven_by(), DrivenBy::Autopilot);

    let mut live = live_replay(builtin("first_lesson"), None, "Mallory");
    assert_eq!(live.meta.provenance.0.len(), 1);
    assert_eq!(live.meta.provenance.0[0].origin, Origin::Keyboard);
    assert!(live.meta.report.as_ref().unwrap().passed, "the trainee drove the expert's line: {:.1}", live.meta.report.as_ref().unwrap().score);
    live.meta.recorded_unix_s += 2;

    let half = auto.commands.len() as u64 / 2;
    let mut mixed = live_replay(builtin("first_lesson"), Some(half), "Mallory");
    assert_eq!(mixed.meta.provenance.driven_by(), DrivenBy::Mixed);
    assert_eq!(mixed.meta.provenance.0.iter().map(|s| (s.from_tick, s.origin)).collect::<Vec<_>>(), vec![(0, Origin::Keyboard), (half, Origin::Autopilot)]);
    mixed.meta.recorded_unix_s += 1;

    // Written and read back, who drove is in the file.
    let back = Replay::from_bytes(&mixed.to_bytes(), "mixed").unwrap();
    assert_eq!(back.meta.provenance, mixed.meta.provenance);

    let mut store = Store::open(&dir.join("data")).unwrap();
    // The autopilot's run relabelled as the trainee's: its levers are finer than the controls
    // give, so the label is refused.
    let mut relabelled = auto.clone();
    relabelled.meta.provenance = mineclear::operator::Provenance(vec![mineclear::operator::provenance::OriginSpan { from_tick: 0, origin: Origin::Keyboard }]);
    relabelled.meta.recorded_unix_s += 3;
    let e = progress::import(&mut store, &save(&relabelled, &dir, "relabelled.mcreplay"), None).unwrap_err();
    assert!(matches!(e, StoreError::DriverMismatch { .. }), "{e}");
    let e = e.to_string();
    assert!(e.contains("relabelled.mcreplay") && e.contains("came from a program"), "{e}");
    let a = progress::import(&mut store, &save(&auto, &dir, "auto.mcreplay"), None).unwrap();
    assert_eq!(a.driven_by, DrivenBy::Autopilot);
    assert!(a.summary().contains("demonstration"), "{}", a.summary());
    let row = store.class_table(Some("Mallory")).unwrap();
    assert_eq!(row.len(), 1);
    assert_eq!((row[0].attempts, row[0].passed, row[0].best_score, row[0].demonstrations), (0, false, None, 1), "the autopilot's pass is not Mallory's");

    let m = progress::import(&mut store, &save(&mixed, &dir, "mixed.mcreplay"), None).unwrap();
    assert_eq!(m.driven_by, DrivenBy::Mixed);
    let row = store.class_table(Some("Mallory")).unwrap();
    assert_eq!((row[0].attempts, row[0].passed, row[0].demonstrations), (0, false, 2), "a session the autopilot finished is not an attempt");

    let l = progress::import(&mut store, &save(&live, &dir, "live.mcreplay"), None).unwrap();
    assert_eq!((l.driven_by, l.course.clone()), (DrivenBy::Trainee, CourseMatch::Course("first_lesson".into())));
    let row = store.class_table(Some("Mallory")).unwrap();
    assert_eq!(row.len(), 1);
    assert_eq!((row[0].attempts, row[0].passed, row[0].demonstrations, row[0].course.as_str()), (1, true, 2, "course"));
    assert_eq!(row[0].best_score, Some(l.score as f64));
    let stored = store.attempts(Some("Mallory")).unwrap();
    let mut kinds: Vec<_> = stored.iter().map(|a| (a.driven_by.key(), a.counts_for("first_lesson"))).collect();
    kinds.sort();
    assert_eq!(kinds, vec![("autopilot", false), ("mixed", false), ("trainee", true)]);
    let m = stored.iter().find(|a| a.driven_by == DrivenBy::Mixed).unwrap();
    assert!(m.provenance.starts_with("keyboard 0–") && m.provenance.contains(", autopilot "), "{}", m.provenance);
    // Paths are stored absolute, whatever folder `import` ran from.
    assert!(stored.iter().all(|a| Path::new(a.replay_path.as_deref().unwrap()).is_absolute()));
    std::fs::remove_dir_all(&dir).ok();
}

/// The second forgery: a copy of the exam that keeps its title but is a 10 m strip with three
/// mines and a pass mark of 10. Whoever drives it, it is practice on a modified scenario, never the exam.
#[test]
fn a_changed_copy_is_practice_never_the_course() {
    let dir = temp("course");
    let exam = builtin("exam_mixed");
    let mut copy = exam.scenario.clone();
    copy.scoring.pass_mark = 10.0;
    copy.mines.groups.truncate(1);
    copy.mines.groups[0].amount = scenario::Amount::Count(3);
    copy.hazard_area = vec![(30.0, 36.0), (70.0, 36.0), (70.0, 46.0), (30.0, 46.0)];
    let text = scenario::scenario_to_ron(&copy);
    let forged = scenario::load_scenario_text(&text, "exam-copy.ron", None).expect("the copy is a valid scenario");
    assert_eq!(forged.scenario.title, exam.scenario.title);
    let course = Course::builtin();
    assert_eq!(course.classify(&exam.text, &exam.machine, exam.scenario.title.english(), &exam.origin), CourseMatch::Course("exam_mixed".into()));
    assert_eq!(course.classify(&forged.text, &forged.machine, copy.title.english(), &forged.origin), CourseMatch::Modified("exam_mixed".into()));
    // The exam's own text with another machine (a wider flail) is not the exam either.
    let mut wider = exam.machine.clone();
    wider.tool.working_width_m += 1.0;
    assert_eq!(course.classify(&exam.text, &wider, exam.scenario.title.english(), &exam.origin), CourseMatch::Modified("exam_mixed".into()));
    // A listed earlier version counts as the course's.
    let mut with_earlier = course.clone();
    with_earlier.scenarios.iter_mut().find(|c| c.name == "exam_mixed").unwrap().earlier.push(progress::course::version_of(&forged.text, &forged.machine));
    assert_eq!(with_earlier.classify(&forged.text, &forged.machine, copy.title.english(), &forged.origin), CourseMatch::EarlierVersion("exam_mixed".into()));
    assert!(CourseMatch::EarlierVersion("exam_mixed".into()).counts());

    // Driven to a pass by the trainee's own controls, and imported: practice, not the exam.
    let live = live_replay(forged, None, "Mallory");
    let report = live.meta.report.clone().unwrap();
    assert!(report.passed, "pass mark 10 with three mines: {:.1}", report.score);
    let mut store = Store::open(&dir.join("data")).unwrap();
    let imported = progress::import(&mut store, &save(&live, &dir, "copy.mcreplay"), None).unwrap();
    assert_eq!(imported.course, CourseMatch::Modified("exam_mixed".into()));
    assert!(imported.summary().contains("modified"), "{}", imported.summary());
    let rows = store.class_table(Some("Mallory")).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!((rows[0].course.as_str(), rows[0].passed), ("modified", true));
    assert!(!rows.iter().any(|r| r.course == "course"), "no row of the course");
    let a = &store.attempts(Some("Mallory")).unwrap()[0];
    assert!(!a.counts_for("exam_mixed") && !a.counts());
    assert_eq!(a.standing(), "practice on a modified scenario");
    std::fs::remove_dir_all(&dir).ok();
}

/// The hostile files: a field 200 km long, a 10 km flail, a tick count past the time
/// limit. Each is refused at once with the reason, before anything is generated.
#[test]
fn hostile_replays_are_refused_before_they_cost_anything() {
    let good = autopilot_replay(builtin("first_lesson"), Some(5), "x");
    let started = std::time::Instant::now();

    let mut long = good.clone();
    let mut s = scenario::parse_scenario(&long.meta.scenario_text, "t").unwrap();
    s.field.size_m.1 = 200_000.0;
    long.meta.scenario_text = scenario::scenario_to_ron(&s);
    let e = replay::verify(&Replay::from_bytes(&long.to_bytes(), "long.mcreplay").unwrap(), "long.mcreplay").unwrap_err();
    assert!(e.problem.contains("scenario fails validation") && e.problem.contains("field.size_m"), "{e}");

    let mut wide = good.clone();
    wide.meta.machine.tool.working_width_m = 10_000.0;
    wide.meta.checksums.clear();
    let e = replay::verify(&wide, "wide.mcreplay").unwrap_err();
    assert!(e.problem.contains("machine fails validation") && e.problem.contains("working_width_m"), "{e}");

    let mut endless = good.clone();
    let limit = replay::limit_ticks(s.time_limit_min);
    endless.commands.resize(limit as usize + 10, OperatorCommand::default());
    endless.meta.ticks = endless.commands.len() as u64;
    endless.meta.checksums.clear();
    let e = replay::verify(&Replay::from_bytes(&endless.to_bytes(), "endless").unwrap(), "endless").unwrap_err();
    assert!(e.problem.contains("past its scenario's time limit"), "{e}");

    let mut absurd = good.clone();
    absurd.meta.ticks = u64::MAX / 2;
    let e = Replay::from_bytes(&absurd.to_bytes(), "absurd").unwrap_err();
    assert!(e.problem.contains("no session may run longer"), "{e}");
    assert!(started.elapsed().as_secs_f64() < 20.0, "refusals must be quick: {:?}", started.elapsed());
}

/// Thousands of mutated replays from a fixed seed: flipped bits, truncations, and edits inside
/// the packed data with the checksum recomputed (lengths, counts, numbers in the metadata and
/// the scenario, command bytes). Each gives a clear error naming the file or a correct result:
/// never a panic, a hang or an allocation the limits do not allow.
#[test]
fn mutated_replays_give_an_error_or_a_correct_result() {
    use std::io::{Read, Write};
    let good = autopilot_replay(builtin("first_lesson"), Some(8), "fuzz");
    let bytes = good.to_bytes();
    let mut payload = Vec::new();
    flate2::read::DeflateDecoder::new(&bytes[18..]).read_to_end(&mut payload).unwrap();
    let meta_len = u32::from_le_bytes(payload[..4].try_into().unwrap()) as usize;
    let pack = |payload: &[u8]| {
        let mut z = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
        z.write_all(payload).unwrap();
        let body = z.finish().unwrap();
        let mut out = bytes[..10].to_vec();
        out.extend_from_slice(&(body.len() as u32).to_le_bytes());
        out.extend_from_slice(&crc32fast::hash(&body).to_le_bytes());
        out.extend_from_slice(&body);
        out
    };
    // A small, fixed generator (splitmix64): the same cases on every machine.
    let mut state = 0x6d69_6e65_636c_6561u64;
    let mut next = move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let numbers = [b"0".to_vec(), b"1".to_vec(), b"-1".to_vec(), b"4294967295".to_vec(), b"99999999999".to_vec(), b"1e30".to_vec(), b"200000".to_vec(), b"0.0001".to_vec()];
    let started = std::time::Instant::now();
    let (mut cases, mut refused, mut verified, mut resimulated) = (0, 0, 0, 0);
    for case in 0..3000u32 {
        let kind = case % 6;
        let file = format!("case{case}.mcreplay");
        let mutated = match kind {
            // A flipped bit anywhere.
            0 => {
                let mut b = bytes.clone();
                let at = (next() % b.len() as u64) as usize;
                b[at] ^= 1 << (next() % 8);
                b
            }
            // Truncated anywhere.
            1 => bytes[..(next() % bytes.len() as u64) as usize].to_vec(),
            // A byte of the packed data changed, the checksum recomputed.
            2 => {
                let mut p = payload.clone();
                let at = (next() % p.len() as u64) as usize;
                p[at] = next() as u8;
                pack(&p)
            }
            // The metadata's length or the command count changed, the checksum recomputed.
            3 => {
                let mut p = payload.clone();
                if next() % 2 == 0 {
                    let v = match next() % 4 {
                        0 => u32::MAX,
                        1 => (meta_len as u32).wrapping_add(next() as u32 % 16).wrapping_sub(8),
                        2 => next() as u32,
                        _ => 0,
                    };
                    p[..4].copy_from_slice(&v.to_le_bytes());
                } else {
                    // The command stream starts with its tick count as a varint.
                    let at = 4 + meta_len;
                    p[at] = next() as u8;
                    if next() % 2 == 0 {
                        p[at + 1] = 0xFF;
                    }
                }
                pack(&p)
            }
            // A number in the metadata or the scenario's text replaced by another.
            4 | 5 => {
                let meta = &payload[4..4 + meta_len];
                let digits: Vec<usize> = (0..meta.len()).filter(|&i| meta[i].is_ascii_digit() && (i == 0 || !meta[i - 1].is_ascii_digit())).collect();
                let at = digits[(next() % digits.len() as u64) as usize];
                let end = (at..meta.len()).find(|&i| !meta[i].is_ascii_digit() && meta[i] != b'.').unwrap_or(meta.len());
                let mut m = meta[..at].to_vec();
                m.extend_from_slice(&numbers[(next() % numbers.len() as u64) as usize]);
                m.extend_from_slice(&meta[end..]);
                let mut p = (m.len() as u32).to_le_bytes().to_vec();
                p.extend_from_slice(&m);
                p.extend_from_slice(&payload[4 + meta_len..]);
                pack(&p)
            }
            _ => unreachable!(),
        };
        cases += 1;
        let outcome = std::panic::catch_unwind(|| match Replay::from_bytes(&mutated, &file) {
            Err(e) => Err(e),
            Ok(r) => replay::verify(&r, &file).map(|v| (r, v)),
        });
        match outcome {
            Err(_) => panic!("case {case} (kind {kind}) panicked"),
            Ok(Err(e)) => {
                assert!(e.to_string().starts_with(&format!("{file}: ")) && !e.problem.is_empty(), "case {case}: {e}");
                refused += 1;
                if e.problem.contains("diverges") || e.problem.contains("report differs") {
                    resimulated += 1;
                }
            }
            Ok(Ok((r, v))) => {
                // Accepted: it must be the recording's own result (a harmless edit, say of the
                // recording time), never a different score passed off as verified.
                assert_eq!(r.commands, good.commands, "case {case}: other commands verified");
                assert_eq!(v.report.score, good.meta.report.as_ref().unwrap().score, "case {case}");
                verified += 1;
            }
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!("{cases} mutated replays in {secs:.1} s: {refused} refused with an error ({resimulated} after re-simulating), {verified} verified as the original");
    assert_eq!(cases, 3000);
    assert!(refused > 2500, "{refused} refused");
}

/// Two trainers storing attempts in one data folder at once: every attempt arrives, none fails.
#[test]
fn two_writers_store_every_attempt() {
    let dir = temp("writers");
    let r = autopilot_replay(builtin("first_lesson"), Some(3), "x");
    let report = r.meta.report.clone().unwrap();
    Store::open(&dir).unwrap();
    std::thread::scope(|s| {
        for w in 0..2 {
            let (dir, r, report) = (&dir, &r, &report);
            s.spawn(move || {
                let mut store = Store::open(dir).unwrap();
                for i in 0..40 {
                    let name = format!("writer {w}");
                    let a = NewAttempt { started_unix: i, ..NewAttempt::from_replay(r, &name, report, None) };
                    store.record(&a).unwrap_or_else(|e| panic!("writer {w}, attempt {i}: {e}"));
                }
            });
        }
    });
    let store = Store::open(&dir).unwrap();
    assert_eq!(store.attempts(None).unwrap().len(), 80);
    assert_eq!(store.class_table(None).unwrap().iter().map(|r| r.demonstrations).sum::<i64>(), 80);
    std::fs::remove_dir_all(&dir).ok();
}

/// A read-only data folder: the record can be read, storing says why it cannot, nothing changes.
#[test]
fn a_read_only_folder_is_read_and_never_written() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp("readonly");
    let r = autopilot_replay(builtin("first_lesson"), Some(3), "x");
    let report = r.meta.report.clone().unwrap();
    {
        let mut store = Store::open(&dir).unwrap();
        store.record(&NewAttempt::from_replay(&r, "Olha", &report, None)).unwrap();
    }
    let db = dir.join(progress::DB_FILE);
    let before = std::fs::read(&db).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    let opened = Store::open(&dir);
    let outcome = opened.map(|mut store| {
        assert!(store.read_only);
        assert_eq!(store.attempts(Some("Olha")).unwrap().len(), 1);
        store.record(&NewAttempt::from_replay(&r, "Olha", &report, None)).unwrap_err()
    });
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let e = outcome.unwrap();
    assert!(matches!(e, StoreError::ReadOnlyAttempt { .. }), "{e}");
    let e = e.to_string();
    assert!(e.contains("read-only") && e.contains("progress.sqlite"), "{e}");
    assert_eq!(std::fs::read(&db).unwrap(), before, "the database is untouched");
    // A read-only folder with no database yet: a clear error, nothing created.
    let empty = temp("readonly-empty");
    std::fs::set_permissions(&empty, std::fs::Permissions::from_mode(0o555)).unwrap();
    let e = Store::open(&empty).err();
    std::fs::set_permissions(&empty, std::fs::Permissions::from_mode(0o755)).unwrap();
    let e = e.unwrap();
    assert!(matches!(e, StoreError::ReadOnlyFolder { .. }) && e.to_string().contains("read-only"), "{e}");
    assert!(!empty.join(progress::DB_FILE).exists());
    std::fs::remove_dir_all(&dir).ok();
    std::fs::remove_dir_all(&empty).ok();
}

/// A damaged, truncated or foreign database file: a clear error naming it, and the file left
/// byte for byte as it was (never repaired, migrated or replaced).
#[test]
fn a_damaged_database_is_named_and_left_alone() {
    let dir = temp("damaged");
    let r = autopilot_replay(builtin("first_lesson"), Some(3), "x");
    let report = r.meta.report.clone().unwrap();
    {
        let mut store = Store::open(&dir).unwrap();
        for i in 0..300 {
            let name = format!("trainee {i}");
            store.record(&NewAttempt { started_unix: i, ..NewAttempt::from_replay(&r, &name, &report, None) }).unwrap();
        }
    }
    let db = dir.join(progress::DB_FILE);
    let whole = std::fs::read(&db).unwrap();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("truncated to half", whole[..whole.len() / 2].to_vec()),
        ("truncated to nothing", Vec::new()),
        ("not a database", b"these are someone's notes, not a progress database\n".repeat(100)),
        ("pages overwritten", {
            let mut b = whole.clone();
            for x in &mut b[8192..16384] {
                *x = 0xA5;
            }
            b
        }),
    ];
    for (what, bytes) in cases {
        std::fs::write(&db, &bytes).unwrap();
        std::fs::remove_file(dir.join("progress.sqlite-wal")).ok();
        std::fs::remove_file(dir.join("progress.sqlite-shm")).ok();
        let e = Store::open(&dir).err().unwrap_or_else(|| panic!("{what}: opened"));
        assert!(matches!(e, StoreError::Damaged { .. }), "{what}: {e}");
        let e = e.to_string();
        assert!(e.contains("progress.sqlite") && e.contains("damaged") && e.contains("left exactly as it is"), "{what}: {e}");
        assert_eq!(std::fs::read(&db).unwrap(), bytes, "{what}: the file must be left as it was");
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// The disk filling in the middle of storing an attempt: the attempt is absent, not half there,
/// the error says the disk is full, and everything stored before is intact.
#[test]
fn a_full_disk_loses_nothing_stored() {
    let dir = temp("full");
    let r = autopilot_replay(builtin("first_lesson"), Some(3), "x");
    let report = r.meta.report.clone().unwrap();
    let mut store = Store::open(&dir).unwrap();
    store.record(&NewAttempt::from_replay(&r, "Bohdan", &report, None)).unwrap();
    store.limit_pages(store.page_count());
    let long = "a very long trainee name ".repeat(400);
    let mut failed = None;
    for i in 0..50 {
        let name = format!("{long}{i}");
        if let Err(e) = store.record(&NewAttempt { started_unix: i, ..NewAttempt::from_replay(&r, &name, &report, None) }) {
            failed = Some(e);
            break;
        }
    }
    let e = failed.expect("the capped database fills");
    assert!(matches!(e, StoreError::DiskFull { .. }), "{e}");
    let e = e.to_string();
    assert!(e.contains("disk is full") && e.contains("progress.sqlite"), "{e}");
    drop(store);
    let store = Store::open(&dir).unwrap();
    let names = store.trainees().unwrap();
    assert!(names.contains(&"Bohdan".to_string()));
    let attempts = store.attempts(None).unwrap();
    assert_eq!(attempts.len(), names.len(), "every trainee stored has their attempt: none half there");
    std::fs::remove_dir_all(&dir).ok();
}
