//! Trainee progress: attempts are whole or absent after a crash mid-write, imports are
//! re-simulated (a doctored score cannot get in), the class table agrees with the attempts,
//! and an older database migrates.

use mineclear::operator::{AutopilotOptions, FinishRequest};
use mineclear::progress::{self, NewAttempt, SCHEMA_VERSION, Store, StoreError};
use mineclear::replay::Replay;
use mineclear::scenario;
use mineclear::sim::{self, SimSetup, SourceSetup};

fn temp(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("mineclear-progress-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&d).ok();
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn session(secs: u32, speed: Option<f32>) -> Replay {
    let loaded = scenario::load_builtin("first_lesson").unwrap().unwrap();
    let mut app = sim::headless_app();
    sim::install_session(
        app.world_mut(),
        SimSetup { loaded, seed: 1, source: SourceSetup::Autopilot(AutopilotOptions { speed_kmh: speed, ..Default::default() }) },
    );
    sim::step_ticks(&mut app, secs * 60);
    app.world_mut().resource_mut::<FinishRequest>().0 = true;
    sim::step_ticks(&mut app, 1);
    Replay::from_world(app.world_mut(), Some("Olena".into()))
}

/// The attempt `rec` records, for `trainee`, started at `t`.
fn at<'a>(trainee: &'a str, rep: &'a mineclear::scoring::ScoreReport, rec: &'a Replay, t: i64) -> NewAttempt<'a> {
    NewAttempt { started_unix: t, ..NewAttempt::from_replay(rec, trainee, rep, None) }
}

#[test]
fn attempts_are_whole_and_the_class_table_agrees() {
    let dir = temp("class");
    let mut store = Store::open(&dir).unwrap();
    assert_eq!(store.schema_version(), SCHEMA_VERSION);
    let a = session(120, None);
    let b = session(60, Some(2.5));
    let ra = a.meta.report.clone().unwrap();
    let rb = b.meta.report.clone().unwrap();
    store.record(&at("Olena", &ra, &a, 100)).unwrap();
    store.record(&at("Olena", &rb, &b, 200)).unwrap();
    store.record(&at("Dmytro", &rb, &b, 300)).unwrap();
    // A crash in the middle of writing leaves nothing of that attempt.
    assert!(store.record_failing_midway(&at("Taras", &ra, &a, 400)).is_err());
    drop(store);
    let store = Store::open(&dir).unwrap();
    let all = store.attempts(None).unwrap();
    assert_eq!(all.len(), 3, "the interrupted attempt must not be there");
    assert!(!store.trainees().unwrap().contains(&"Taras".to_string()), "nor its new trainee");
    let fast = all.iter().find(|x| x.started_unix == 200).unwrap();
    assert_eq!(fast.faults.values().sum::<i64>() as usize, rb.faults.len());
    assert!((fast.score - rb.score as f64).abs() < 1e-3);
    // The class table, recomputed here from the attempts: these sessions were the autopilot's,
    // so each is a demonstration and none is an attempt, a best score or a pass.
    let table = store.class_table(None).unwrap();
    for row in &table {
        let mine: Vec<_> = all.iter().filter(|x| x.trainee == row.trainee && x.scenario_title == row.scenario).collect();
        let own: Vec<_> = mine.iter().filter(|x| x.driven_by.counts_as_attempt()).collect();
        assert_eq!(row.attempts as usize, own.len());
        assert_eq!(row.demonstrations as usize, mine.len() - own.len());
        assert_eq!(row.best_score, own.iter().map(|x| x.score).reduce(f64::max));
        assert_eq!(row.passed, own.iter().any(|x| x.passed));
        assert_eq!(row.course, "course");
    }
    assert_eq!(table.iter().map(|r| r.demonstrations).sum::<i64>(), 3);
    assert_eq!(table.iter().map(|r| r.attempts).sum::<i64>(), 0);
    assert_eq!(store.class_table(Some("Dmytro")).unwrap().len(), 1);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn imports_are_resimulated_and_doctored_scores_refused() {
    let dir = temp("import");
    let good = session(90, None);
    let honest = dir.join("honest.mcreplay");
    good.save(&honest).unwrap();
    let mut doctored = good.clone();
    doctored.meta.report.as_mut().unwrap().score = 100.0;
    doctored.meta.report.as_mut().unwrap().passed = true;
    doctored.meta.recorded_unix_s += 1;
    let forged = dir.join("forged.mcreplay");
    doctored.save(&forged).unwrap();

    let mut store = Store::open(&dir.join("db")).unwrap();
    let done = progress::import(&mut store, &honest, None).unwrap();
    assert_eq!(done.score, good.meta.report.as_ref().unwrap().score);
    let again = progress::import(&mut store, &honest, None).unwrap_err();
    assert!(matches!(&again, StoreError::AlreadyImported { trainee, .. } if trainee == "Olena"), "{again}");
    assert!(again.to_string().contains("already imported"));
    let e = progress::import(&mut store, &forged, None).unwrap_err();
    assert!(matches!(e, StoreError::Replay(_)), "{e}");
    let e = e.to_string();
    assert!(e.contains("forged.mcreplay") && e.contains("report differs"), "{e}");
    let stored = store.attempts(Some("Olena")).unwrap();
    assert_eq!(stored.len(), 1);
    assert!(stored[0].score < 100.0);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn an_older_database_migrates_and_keeps_its_attempts() {
    let dir = temp("migrate");
    let path = dir.join("progress.sqlite");
    {
        // A schema-1 database as the first release wrote it, with one attempt.
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch(
            "CREATE TABLE trainees (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, created_unix INTEGER NOT NULL);
             CREATE TABLE attempts (id INTEGER PRIMARY KEY, trainee_id INTEGER NOT NULL REFERENCES trainees(id),
                scenario_title TEXT NOT NULL, scenario_hash TEXT NOT NULL, seed INTEGER NOT NULL, started_unix INTEGER NOT NULL,
                duration_s REAL NOT NULL, score REAL NOT NULL, passed INTEGER NOT NULL, breakdown_json TEXT NOT NULL,
                coverage REAL NOT NULL, live_mines_left INTEGER NOT NULL, replay_path TEXT);
             CREATE TABLE attempt_faults (attempt_id INTEGER NOT NULL REFERENCES attempts(id), kind TEXT NOT NULL,
                count INTEGER NOT NULL, PRIMARY KEY (attempt_id, kind));
             INSERT INTO trainees VALUES (1, 'Iryna', 0);
             INSERT INTO attempts VALUES (1, 1, 'Lesson 1', 'abc', 1, 10, 600.0, 71.5, 1, '{}', 0.9, 0, NULL);
             INSERT INTO attempt_faults VALUES (1, 'gap', 2);
             PRAGMA user_version = 1;",
        )
        .unwrap();
    }
    let store = Store::open_file(&path).unwrap();
    assert_eq!(store.schema_version(), SCHEMA_VERSION);
    let a = store.attempts(None).unwrap();
    assert_eq!(a.len(), 1);
    assert_eq!((a[0].trainee.as_str(), a[0].score, a[0].machine.as_str()), ("Iryna", 71.5, ""));
    assert_eq!(a[0].faults.get("gap"), Some(&2));
    // Who drove and which version it ran were not kept then: shown, never counted.
    assert_eq!(a[0].driven_by, mineclear::operator::DrivenBy::Unknown);
    assert_eq!(a[0].course, progress::CourseMatch::Unknown);
    let row = &store.class_table(None).unwrap()[0];
    assert_eq!((row.attempts, row.demonstrations, row.passed, row.course.as_str()), (0, 1, false, "unknown"));
    drop(store);
    // A database from a newer mineclear is refused, not damaged.
    rusqlite::Connection::open(&path).unwrap().pragma_update(None, "user_version", 99).unwrap();
    let newer = Store::open_file(&path).err().unwrap();
    assert!(matches!(newer, StoreError::Newer { .. }) && newer.to_string().contains("newer mineclear"), "{newer}");
    std::fs::remove_dir_all(&dir).ok();
}
