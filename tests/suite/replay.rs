//! Replays: a recorded session re-simulates to the identical report; damaged, truncated,
//! foreign and future files are refused with a clear error; a scenario edited after the
//! recording does not change the replay's result; a changed command is found at its tick.

use mineclear::operator::{AutopilotOptions, FinishRequest};
use mineclear::replay::{self, Replay};
use mineclear::scenario::{self, LoadedScenario};
use mineclear::sim::{self, SimClock, SimSetup, SourceSetup};

/// An autopilot session of `secs` simulated seconds, then finished by the operator.
fn session(loaded: LoadedScenario, secs: u32) -> Replay {
    let seed = loaded.scenario.seed.unwrap_or(7);
    let mut app = sim::headless_app();
    sim::install_session(app.world_mut(), SimSetup { loaded, seed, source: SourceSetup::Autopilot(AutopilotOptions::default()) });
    sim::step_ticks(&mut app, 0);
    sim::step_ticks(&mut app, secs * 60);
    app.world_mut().resource_mut::<FinishRequest>().0 = true;
    sim::step_ticks(&mut app, 1);
    assert!(app.world().resource::<SimClock>().ended.is_some());
    Replay::from_world(app.world_mut(), Some("trainee A".into()))
}

fn lesson() -> LoadedScenario {
    scenario::load_builtin("first_lesson").unwrap().unwrap()
}

#[test]
fn recorded_session_replays_to_the_identical_report() {
    let rec = session(lesson(), 240);
    let bytes = rec.to_bytes();
    let back = Replay::from_bytes(&bytes, "mem").expect("reads back");
    assert_eq!(back, rec);
    let v = replay::verify(&back, "mem").expect("verifies");
    assert!(v.complete);
    assert!(v.checksums_checked >= 240, "{} checksums", v.checksums_checked);
    assert_eq!(serde_json::to_string(&v.report).unwrap(), serde_json::to_string(rec.meta.report.as_ref().unwrap()).unwrap());
    // A checkpoint (the session still running) verifies as far as it goes.
    let mut app = sim::headless_app();
    let l = lesson();
    let seed = l.scenario.seed.unwrap();
    sim::install_session(app.world_mut(), SimSetup { loaded: l, seed, source: SourceSetup::Autopilot(AutopilotOptions::default()) });
    sim::step_ticks(&mut app, 0);
    sim::step_ticks(&mut app, 1000);
    let cp = Replay::from_world(app.world_mut(), None);
    assert!(!cp.meta.complete && cp.meta.report.is_none());
    let v = replay::verify(&Replay::from_bytes(&cp.to_bytes(), "cp").unwrap(), "cp").expect("checkpoint verifies");
    assert_eq!(v.ticks, 1000);
}

#[test]
fn damaged_files_are_refused_with_a_clear_error() {
    let rec = session(lesson(), 60);
    let bytes = rec.to_bytes();
    // Every single flipped byte past the magic is caught (header fields or checksummed data).
    for at in (8..bytes.len()).step_by((bytes.len() / 97).max(1)) {
        let mut b = bytes.clone();
        b[at] ^= 0x5A;
        let e = Replay::from_bytes(&b, "r.mcreplay").expect_err("a flipped byte must not load");
        assert!(e.to_string().starts_with("r.mcreplay: "), "{e}");
    }
    let mut b = bytes.clone();
    let mid = b.len() / 2;
    b[mid] ^= 1;
    assert!(Replay::from_bytes(&b, "f").unwrap_err().problem.contains("corrupted"));
    for cut in [0, 5, 17, 18, bytes.len() / 2, bytes.len() - 1] {
        let e = Replay::from_bytes(&bytes[..cut], "t").unwrap_err();
        assert!(e.problem.contains("truncated") || e.problem.contains("not a mineclear replay"), "cut {cut}: {e}");
    }
    assert!(Replay::from_bytes(b"PNG\x89 something else entirely", "x.png").unwrap_err().problem.contains("not a mineclear replay"));
    let mut future = bytes.clone();
    future[8] = 9;
    let e = Replay::from_bytes(&future, "new").unwrap_err();
    assert!(e.problem.contains("newer mineclear") && e.problem.contains("format 9"), "{e}");
    // Loading never touches the file.
    let dir = std::env::temp_dir().join(format!("mineclear-replay-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("bad.mcreplay");
    std::fs::write(&p, &b).unwrap();
    assert!(Replay::load(&p).unwrap_err().to_string().contains("bad.mcreplay"));
    assert_eq!(std::fs::read(&p).unwrap(), b);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_changed_command_is_found_at_its_tick() {
    let rec = session(lesson(), 120);
    let mut bad = rec.clone();
    let at = 3000;
    bad.commands[at].left_track = bad.commands[at].left_track.saturating_add(20000);
    let bad = Replay::from_bytes(&bad.to_bytes(), "m").unwrap();
    let e = replay::verify(&bad, "m").unwrap_err();
    let tick: u64 = e.problem.split("tick ").nth(1).and_then(|s| s.split(' ').next()).and_then(|s| s.parse().ok()).expect("names a tick");
    assert!(tick > at as u64 && tick <= at as u64 + replay::CHECK_EVERY, "{e}");
}

#[test]
fn an_edited_scenario_file_does_not_change_a_replay() {
    let dir = std::env::temp_dir().join(format!("mineclear-edit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("lesson.ron");
    std::fs::write(&path, scenario::builtin::SCENARIOS[0].1).unwrap();
    let rec = session(scenario::load_scenario_file(&path).unwrap(), 180);
    let file = dir.join("lesson.mcreplay");
    rec.save(&file).unwrap();
    // The instructor edits the scenario afterwards: deeper requirement, more mines.
    let edited = scenario::builtin::SCENARIOS[0].1.replace("required_depth_cm: 15", "required_depth_cm: 25").replace("Count(20)", "Count(60)");
    std::fs::write(&path, &edited).unwrap();
    let v = replay::verify(&Replay::load(&file).unwrap(), "lesson.mcreplay").expect("still verifies");
    assert_eq!(serde_json::to_string(&v.report).unwrap(), serde_json::to_string(rec.meta.report.as_ref().unwrap()).unwrap());
    // ...whereas the same commands on the edited file give another result.
    let now = scenario::load_scenario_file(&path).unwrap();
    let mut app = sim::run_headless(SimSetup { loaded: now, seed: rec.meta.seed, source: SourceSetup::Script(rec.commands.clone()) });
    let other = sim::report(app.world_mut());
    assert_ne!(other.required_depth_cm, v.report.required_depth_cm);
    // Scoring a folder of replays finds it and agrees.
    let rows = replay::score_all(&replay::collect_files(std::slice::from_ref(&dir)), 2);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].trainee.as_deref(), Some("trainee A"));
    assert_eq!(rows[0].result.as_ref().unwrap().report.score, v.report.score);
    std::fs::remove_dir_all(&dir).ok();
}

/// A replay recorded under an earlier clearing model is reported as such, never as corrupt or
/// doctored: `verify` names the models, `replay score` re-scores it under this build's model
/// and says so, `import` refuses it with the same words.
#[test]
fn a_replay_from_an_earlier_model_is_reported_as_such() {
    let path = std::env::temp_dir().join(format!("mineclear-model1-{}.mcreplay", std::process::id()));
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/model1_lesson.mcreplay");
    // A file recorded by the build before model versions (model 1) when it is there; else one
    // made to claim it.
    let old = match Replay::load(&fixture) {
        Ok(r) => r,
        Err(_) => {
            let mut r = session(lesson(), 120);
            r.meta.model = 1;
            r
        }
    };
    assert_eq!(old.meta.model, 1);
    old.save(&path).unwrap();
    let r = Replay::load(&path).expect("a sound file reads");
    let e = replay::verify(&r, "old").expect_err("cannot verify under another model");
    assert!(e.problem.contains("clearing model 1") && e.problem.contains(&format!("model {}", mineclear::clearing::MODEL_VERSION)), "{e}");
    assert!(!e.problem.contains("diverges") && !e.problem.contains("differs"), "{e}");
    let rows = replay::score_all(std::slice::from_ref(&path), 1);
    assert_eq!(rows[0].rescored_from_model, Some(1));
    let v = rows[0].result.as_ref().expect("re-scored");
    assert_eq!(v.report.model, mineclear::clearing::MODEL_VERSION);
    let dir = std::env::temp_dir().join(format!("mineclear-model1-store-{}", std::process::id()));
    let mut store = mineclear::progress::Store::open(&dir).unwrap();
    let e = mineclear::progress::import(&mut store, &path, Some("Trainee")).expect_err("not imported");
    assert!(matches!(e, mineclear::progress::StoreError::Replay(_)) && e.to_string().contains("clearing model 1"), "{e}");
    let _ = std::fs::remove_file(&path);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Taking over at 120 s: the new session is the original, command for command and checksum
/// for checksum, up to the take-over; it verifies as a replay of its own; and the autopilot
/// that carries on finishes the work the original left.
#[test]
fn a_session_taken_over_keeps_the_original_to_that_tick_and_verifies() {
    use mineclear::replay::resume::{Comparison, TakeOver, resume_at, run_to_end};
    let original = session(lesson(), 300);
    let at = 120 * 60;
    let mut app = run_to_end(resume_at(&original, "mem", at, TakeOver::Autopilot(AutopilotOptions::default())).expect("resumes"));
    let report = sim::report(app.world_mut());
    let taken = Replay::with_report(app.world(), original.meta.trainee.clone(), Some(report.clone()));
    assert_eq!(taken.commands[..at as usize], original.commands[..at as usize], "the original's commands up to the take-over");
    assert_ne!(taken.commands[at as usize..], original.commands[at as usize..], "another driver after it");
    let upto = |r: &Replay| r.meta.checksums.iter().copied().filter(|(t, _)| *t <= at).collect::<Vec<_>>();
    assert!(!upto(&original).is_empty());
    assert_eq!(upto(&taken), upto(&original), "the same state at every checkpoint up to the take-over");
    let spans_before = |r: &Replay| r.meta.provenance.0.iter().copied().filter(|s| s.from_tick < at).collect::<Vec<_>>();
    assert_eq!(spans_before(&taken), spans_before(&original), "who drove before the take-over is kept");
    let back = Replay::from_bytes(&taken.to_bytes(), "mem").expect("reads back");
    let verified = replay::verify(&back, "taken").expect("the taken-over session verifies");
    assert_eq!(serde_json::to_string(&verified.report).unwrap(), serde_json::to_string(&report).unwrap());
    let before = original.meta.report.clone().expect("the original's report");
    let compared = Comparison::new(120.0, &before, &report);
    assert!(compared.new_coverage > compared.original_coverage + 0.2, "{compared:?}");
    assert!(compared.table(mineclear::text::Lang::En).contains("faults after the take-over"));
    let past = resume_at(&original, "mem", original.meta.ticks + 10, TakeOver::Autopilot(AutopilotOptions::default())).err().expect("refused");
    assert!(past.to_string().contains("the recording ends at"), "{past}");
}

/// Comments live beside the replay: they survive a round trip, never change the replay's
/// bytes or its verification, refuse to attach to a replaced recording, and a broken comments
/// file is an error naming it and the place.
#[test]
fn comments_round_trip_beside_the_replay_and_never_change_it() {
    use mineclear::replay::comments::{Comment, Comments, sidecar_path};
    let dir = std::env::temp_dir().join(format!("mineclear-comments-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("lesson.mcreplay");
    let rec = session(lesson(), 60);
    rec.save(&path).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut comments = Comments::load(&path).expect("no sidecar: no comments");
    assert!(comments.comments.is_empty());
    comments.add(Comment { t_s: 42.0, at: Some((30.5, 20.0)), author: "Instructor".into(), text: "Here the lane wandered left".into() });
    comments.add(Comment { t_s: 12.0, at: None, author: String::new(), text: "Rotor up to speed first".into() });
    comments.save(&path).unwrap();
    let back = Comments::load(&path).expect("reads back");
    assert_eq!(back, comments);
    assert_eq!(back.comments[0].t_s, 12.0, "kept in time order");
    assert_eq!(std::fs::read(&path).unwrap(), before, "the replay's bytes are untouched");
    replay::verify(&Replay::load(&path).unwrap(), "lesson").expect("still verifies");
    // A sidecar never attaches to another recording put in the replay's place.
    session(lesson(), 30).save(&path).unwrap();
    let e = Comments::load(&path).err().expect("refused");
    assert!(e.to_string().contains("another recording") && e.to_string().contains("comments.ron"), "{e}");
    std::fs::write(sidecar_path(&path), "(replay_digest: \"x\",\n comments: [oops])").unwrap();
    let e = Comments::load(&path).err().expect("refused");
    assert!(e.to_string().contains("comments.ron: line 2"), "{e}");
    std::fs::remove_dir_all(&dir).ok();
}

/// A printable report comes out of a replay of every built-in scenario, in both languages:
/// the scenario, the score, the breakdown, the map and both charts embedded, the faults and
/// the instructor's comments.
#[test]
fn a_printable_report_for_a_replay_of_every_built_in() {
    use mineclear::replay::comments::{Comment, Comments};
    use mineclear::text::Lang;
    for (name, _) in scenario::builtin::SCENARIOS {
        let loaded = scenario::load_builtin(name).unwrap().unwrap();
        let (title_en, title_uk) = (loaded.scenario.title.english().to_string(), loaded.scenario.title.shown(Lang::Uk).text.to_string());
        let rec = session(loaded, 90);
        let score = rec.meta.report.as_ref().expect("a finished session has its report").score;
        let mut comments = Comments::default();
        comments.add(Comment { t_s: 30.0, at: Some((40.0, 20.0)), author: "Sok".into(), text: "Slow down <here> & hold the depth".into() });
        let en = mineclear::printable::attempt_html(&rec, name, &comments, Lang::En).expect("a report");
        assert!(en.contains(&title_en), "{name}: no title");
        assert!(en.contains(&format!("<b>{score:.1}</b>")), "{name}: no score {score:.1}");
        assert_eq!(en.matches("data:image/png;base64,").count(), 3, "{name}: the map and two charts");
        assert!(en.contains("Slow down &lt;here&gt; &amp; hold the depth"), "{name}: the comment, escaped");
        assert!(en.contains("Faults (") && en.contains("What to do better") && en.contains("Quality control"), "{name}");
        let uk = mineclear::printable::attempt_html(&rec, name, &comments, Lang::Uk).expect("a report");
        assert!(uk.contains(&title_uk) && uk.contains("Коментарі інструктора") && uk.contains("Що було насправді"), "{name}: not in Ukrainian");
        assert!(!uk.contains("Faults ("), "{name}: English left in the Ukrainian report");
    }
}

/// The report beside the expert: the expert's lines drawn in and where the trainee parted most
/// from it among the advice, in the trainee's language.
#[test]
fn a_printable_report_beside_the_expert_says_where_they_parted() {
    use mineclear::replay::comments::Comments;
    use mineclear::text::Lang;
    let loaded = lesson();
    let mut app = sim::run_headless(SimSetup { loaded, seed: 1, source: SourceSetup::Autopilot(AutopilotOptions { speed_kmh: Some(1.4), leave_at_s: Some(600.0), ..Default::default() }) });
    let report = sim::report(app.world_mut());
    let hurried = Replay::with_report(app.world(), None, Some(report));
    let plain = mineclear::printable::attempt_html(&hurried, "hurried", &Comments::default(), Lang::En).unwrap();
    let beside = mineclear::printable::attempt_html_beside_expert(&hurried, "hurried", &Comments::default(), Lang::En).unwrap();
    assert!(!plain.contains("parted most") && !plain.contains("Orange: the expert"));
    assert!(beside.contains("Where you parted most from the expert: lane ") && beside.contains("km/h against the expert"), "no parting in the advice");
    assert!(beside.contains("Orange: the expert"));
    let images = |html: &str| html.split("data:image/png;base64,").skip(1).map(|s| s.split('"').next().unwrap().to_string()).collect::<Vec<_>>();
    let (a, b) = (images(&plain), images(&beside));
    assert_eq!((a.len(), b.len()), (3, 3));
    assert!(a.iter().zip(&b).all(|(a, b)| a != b), "the map and both charts draw the expert in");
    let uk = mineclear::printable::attempt_html_beside_expert(&hurried, "hurried", &Comments::default(), Lang::Uk).unwrap();
    assert!(uk.contains("Де ви найбільше розійшлися з еталоном: смуга "), "not in Ukrainian");
}

/// The expert beside the trainee: a trainee who works faster than the expert is told where
/// they parted most (lane, stretch, both speeds); the expert beside itself parts nowhere.
#[test]
fn where_a_trainee_parted_most_from_the_expert() {
    use mineclear::replay::expert::parted_most;
    use mineclear::replay::trace;
    let loaded = lesson();
    let frame = mineclear::lanes::LaneFrame::new(&loaded.scenario, &loaded.machine);
    let run = |opts: AutopilotOptions| {
        let mut app = sim::run_headless(SimSetup { loaded: loaded.clone(), seed: 1, source: SourceSetup::Autopilot(opts) });
        let report = sim::report(app.world_mut());
        Replay::with_report(app.world(), None, Some(report))
    };
    let hurried = run(AutopilotOptions { speed_kmh: Some(1.4), leave_at_s: Some(600.0), ..Default::default() });
    let expert = trace::expert(&hurried, "hurried").expect("the expert on the same field");
    let parted = parted_most(&trace::trace(&hurried, "hurried").unwrap(), &expert, &frame).expect("they parted somewhere");
    assert!(parted.speed_kmh > parted.expert_kmh + 0.2 && parted.to_m > parted.from_m && parted.lane >= 1, "{parted:?}");
    let said = parted.message().english();
    assert!(said.starts_with(&format!("lane {}, ", parted.lane)) && said.contains("km/h against the expert's"), "{said}");
    let itself = trace::trace(&run(AutopilotOptions::default()), "expert").unwrap();
    assert_eq!(parted_most(&itself, &expert, &frame), None, "the expert beside itself");
}
