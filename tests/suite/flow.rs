//! The trainer's session flow, headless: menu → briefing → operating → debrief, and a broken
//! scenario reaching the menu's problem list instead of a panic.

use bevy::prelude::*;
use mineclear::operator::AutopilotOptions;
use mineclear::sim::{self, SimClock, SimEntity, SimSetup, SourceSetup};
use mineclear::trainer::{self, Catalog, Chosen, Debrief, Driver, FlowRequest, MenuNotice, Screen};

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

fn request(app: &mut App, r: FlowRequest) {
    app.world_mut().write_message(r);
    sim::step_ticks(app, 0);
}

/// Whether a session's simulation (its own world, with its bodies) is running.
fn has_session(app: &App) -> bool {
    app.world().get_non_send::<trainer::runner::SimRunner>().is_some()
}

#[test]
fn autopilot_session_flows_from_menu_to_debrief_and_back() {
    let mut app = trainer::headless_app();
    app.world_mut().resource_mut::<Driver>().autopilot = true;
    sim::step_ticks(&mut app, 0);
    assert_eq!(screen(&app), Screen::Menu);
    assert!(app.world().get_resource::<SimClock>().is_none(), "no session runs at the menu");

    request(&mut app, FlowRequest::Open("first_lesson".into()));
    assert_eq!(screen(&app), Screen::Briefing);
    let chosen = app.world().resource::<Chosen>().clone();
    assert!(!chosen.field.mines.is_empty());
    assert_eq!(chosen.catalog_index, Some(0));

    request(&mut app, FlowRequest::Begin);
    assert_eq!(screen(&app), Screen::Operating);
    assert!(has_session(&app), "the session's simulation exists while operating");
    assert_eq!(app.world_mut().query_filtered::<(), With<SimEntity>>().iter(app.world()).count(), 0, "its bodies live in its own world");
    let mut guard = 0;
    while screen(&app) == Screen::Operating {
        sim::step_ticks(&mut app, 1200);
        guard += 1;
        assert!(guard < 400, "the autopilot session never ended");
    }
    assert_eq!(screen(&app), Screen::Debrief);
    let debrief = app.world().resource::<Debrief>().clone();
    assert!(debrief.report.passed, "score {}", debrief.report.score);
    assert!(!debrief.samples.is_empty());

    // The flow's session is the plain headless run: same plugins, same result, bit for bit.
    let direct = {
        let setup = SimSetup { loaded: chosen.loaded.clone(), seed: chosen.seed, source: SourceSetup::Autopilot(AutopilotOptions::default()) };
        let mut a = sim::run_headless(setup);
        sim::report(a.world_mut())
    };
    assert_eq!(serde_json::to_string(&debrief.report).unwrap(), serde_json::to_string(&direct).unwrap());

    // Next scenario: the following catalog entry's briefing, with the old session gone.
    request(&mut app, FlowRequest::Next);
    assert_eq!(screen(&app), Screen::Briefing);
    assert_eq!(app.world().resource::<Chosen>().catalog_index, Some(1));
    assert!(!has_session(&app), "leaving the debrief ends the session's simulation");

    request(&mut app, FlowRequest::Menu);
    assert_eq!(screen(&app), Screen::Menu);
}

#[test]
fn finishing_early_and_pausing_go_through_the_flow() {
    let mut app = trainer::headless_app();
    app.world_mut().resource_mut::<Driver>().autopilot = true;
    sim::step_ticks(&mut app, 0);
    request(&mut app, FlowRequest::Open("first_lesson".into()));
    request(&mut app, FlowRequest::Begin);
    sim::step_ticks(&mut app, 600);
    let t0 = app.world().resource::<SimClock>().tick;
    assert!(t0 >= 600);

    request(&mut app, FlowRequest::TogglePause);
    assert!(app.world().resource::<Time<Virtual>>().is_paused());
    request(&mut app, FlowRequest::TogglePause);
    assert!(!app.world().resource::<Time<Virtual>>().is_paused());

    request(&mut app, FlowRequest::Finish);
    sim::step_ticks(&mut app, 2);
    sim::step_ticks(&mut app, 0);
    assert_eq!(screen(&app), Screen::Debrief);
    let r = &app.world().resource::<Debrief>().report;
    assert_eq!(r.end_reason, sim::EndReason::Finished);
    assert!(!r.passed, "ten seconds of work cannot pass");

    // Retry starts the same field afresh.
    request(&mut app, FlowRequest::Retry);
    assert_eq!(screen(&app), Screen::Operating);
    assert!(app.world().resource::<SimClock>().tick <= 1);
}

#[test]
fn broken_scenario_reaches_the_menu_problem_list() {
    let dir = std::env::temp_dir().join(format!("mineclear-flow-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = mineclear::scenario::builtin::SCENARIOS[0].1;
    let broken = dir.join("broken.ron");
    std::fs::write(&broken, good.replace("required_depth_cm: 15", "required_depth_cm: -5")).unwrap();
    let truncated = dir.join("truncated.ron");
    std::fs::write(&truncated, &good[..good.len() / 2]).unwrap();

    let mut app = trainer::headless_app();
    sim::step_ticks(&mut app, 0);
    for path in [&broken, &truncated] {
        let arg = path.display().to_string();
        request(&mut app, FlowRequest::Open(arg.clone()));
        assert_eq!(screen(&app), Screen::Menu);
        let notice = app.world().resource::<MenuNotice>().clone();
        assert_eq!(notice.subject, arg);
        assert!(!notice.problems.is_empty());
        assert!(notice.problems.iter().all(|p| p.file == arg), "{:?}", notice.problems);
        assert!(app.world().get_resource::<Chosen>().is_none());
    }
    let notice = app.world().resource::<MenuNotice>().clone();
    assert!(notice.problems[0].line > 1, "the problem is placed in the file: {:?}", notice.problems[0]);

    // The menu's catalog lists such files with their problems rather than hiding them.
    let catalog = Catalog::scan(Some(&dir));
    let e = catalog.entries.iter().find(|e| e.arg == broken.display().to_string()).expect("listed");
    assert!(!e.problems.is_empty());
    assert!(catalog.entries.iter().filter(|e| e.builtin).all(|e| e.problems.is_empty()));

    // A good scenario still opens afterwards, and the notice clears.
    request(&mut app, FlowRequest::Open("first_lesson".into()));
    assert_eq!(screen(&app), Screen::Briefing);
    assert!(app.world().resource::<MenuNotice>().problems.is_empty());
    std::fs::remove_dir_all(&dir).ok();
}

/// The trainee's keys reach the sim only as the tick's `OperatorCommand`: W raises the set
/// speed (both track levers forward), Space starts the rotor, T sets the tool to depth, and the
/// logged commands are exactly what the sim ran.
#[test]
fn keyboard_controls_become_operator_commands() {
    use bevy::input::InputPlugin;
    use mineclear::operator::{CommandLog, CommandSource};
    let mut app = trainer::headless_app_with((InputPlugin, mineclear::controls::plugin));
    sim::step_ticks(&mut app, 0);
    request(&mut app, FlowRequest::Open("first_lesson".into()));
    request(&mut app, FlowRequest::Begin);
    assert_eq!(screen(&app), Screen::Operating);
    let live = |app: &App| match app.world().resource::<CommandSource>() {
        CommandSource::Live { command, .. } => *command,
        _ => panic!("a trainee session takes live commands"),
    };
    assert_eq!(live(&app).left_track, 0);

    let press = |app: &mut App, key: KeyCode, frames: u32| {
        app.world_mut().resource_mut::<ButtonInput<KeyCode>>().press(key);
        for _ in 0..frames {
            std::thread::sleep(std::time::Duration::from_millis(20));
            sim::step_ticks(app, 1);
        }
        app.world_mut().resource_mut::<ButtonInput<KeyCode>>().release(key);
        sim::step_ticks(app, 1);
    };
    press(&mut app, KeyCode::KeyW, 10);
    let c = live(&app);
    assert!(c.left_track > 0 && c.left_track == c.right_track, "W sets both levers forward: {c:?}");
    assert_eq!(c.left_track as i32 % mineclear::operator::OperatorCommand::LIVE_STEP, 0, "live levers are at the live resolution: {c:?}");
    press(&mut app, KeyCode::Space, 1);
    press(&mut app, KeyCode::KeyT, 1);
    let c = live(&app);
    assert_eq!(c.rotor_pct, 100);
    assert_eq!(c.tool_cm, 18, "required depth 15 cm plus a margin");
    press(&mut app, KeyCode::KeyD, 5);
    // Steering is held, so it is gone again once released; it was in the log while held.
    let log = app.world().resource::<CommandLog>().0.clone();
    assert!(log.iter().any(|c| c.left_track > c.right_track), "D slows the right track");
    assert_eq!(log.last().copied(), Some(live(&app)), "the sim ran the live command");
    // F8 hands the machine to the autopilot and takes it back; the record keeps both changes.
    press(&mut app, KeyCode::F8, 3);
    assert!(app.world().resource::<CommandSource>().is_autopilot());
    press(&mut app, KeyCode::F8, 3);
    assert!(!app.world().resource::<CommandSource>().is_autopilot());
    use mineclear::operator::{Origin, Provenance};
    let origins: Vec<Origin> = app.world().resource::<Provenance>().0.iter().map(|s| s.origin).collect();
    assert_eq!(origins, vec![Origin::Keyboard, Origin::Autopilot, Origin::Keyboard]);
}

/// A replay opens in the review screen with its timeline; a damaged one stays on the menu with
/// a plain message naming the file.
#[test]
fn replays_open_for_review_and_bad_ones_report_on_the_menu() {
    use mineclear::operator::FinishRequest;
    use mineclear::replay::Replay;
    let dir = std::env::temp_dir().join(format!("mineclear-review-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let loaded = mineclear::scenario::load_builtin("first_lesson").unwrap().unwrap();
    let mut a = sim::headless_app();
    sim::install_session(a.world_mut(), SimSetup { loaded, seed: 1, source: SourceSetup::Autopilot(AutopilotOptions::default()) });
    sim::step_ticks(&mut a, 300 * 60);
    a.world_mut().resource_mut::<FinishRequest>().0 = true;
    sim::step_ticks(&mut a, 1);
    let rec = Replay::from_world(a.world_mut(), Some("trainee B".into()));
    let good = dir.join("good.mcreplay");
    rec.save(&good).unwrap();
    let bad = dir.join("bad.mcreplay");
    let mut bytes = rec.to_bytes();
    bytes.truncate(bytes.len() - 10);
    std::fs::write(&bad, &bytes).unwrap();

    let mut app = trainer::headless_app();
    sim::step_ticks(&mut app, 0);
    request(&mut app, FlowRequest::Review(bad.clone()));
    assert_eq!(screen(&app), Screen::Menu);
    let notice = app.world().resource::<MenuNotice>().clone();
    assert_eq!(notice.subject, bad.display().to_string());
    assert!(notice.plain[0].contains("truncated"), "{:?}", notice.plain);

    request(&mut app, FlowRequest::Review(good.clone()));
    assert_eq!(screen(&app), Screen::Review);
    let data = app.world().resource::<trainer::ReviewData>().clone();
    let tr = &data.trace;
    assert!(tr.checks_ok);
    assert_eq!(data.trainee.as_deref(), Some("trainee B"));
    assert_eq!(serde_json::to_string(&tr.report).unwrap(), serde_json::to_string(rec.meta.report.as_ref().unwrap()).unwrap());
    assert_eq!(tr.poses.len() as u64, tr.ticks.div_ceil(mineclear::replay::trace::POSE_EVERY) + 1);
    // Coverage grows: ground is worked before (or when) it reaches depth, and some reached it.
    assert!(tr.first_tick.iter().zip(&tr.depth_tick).all(|(f, d)| f <= d));
    assert!(tr.depth_tick.iter().any(|&d| d != u32::MAX));
    // The mid-session look-up shows less ground worked than the end.
    let mid = (tr.ticks / 2) as u32;
    let worked = |t: u32| tr.first_tick.iter().filter(|&&f| f <= t).count();
    assert!(worked(mid) < worked(tr.ticks as u32));
    request(&mut app, FlowRequest::Menu);
    assert_eq!(screen(&app), Screen::Menu);
    std::fs::remove_dir_all(&dir).ok();
}

/// A named trainee's finished session is stored as an attempt at the debrief, and shows on the
/// progress screen; without a name the progress screen explains what is missing.
#[test]
fn debrief_stores_the_attempt_and_progress_shows_it() {
    let dir = std::env::temp_dir().join(format!("mineclear-flow-progress-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    let mut app = trainer::headless_app();
    app.world_mut().resource_mut::<Driver>().autopilot = true;
    app.world_mut().resource_mut::<trainer::Recording>().progress_dir = Some(dir.clone());
    app.world_mut().resource_mut::<trainer::Recording>().dir = Some(dir.join("replays"));
    sim::step_ticks(&mut app, 0);
    request(&mut app, FlowRequest::Progress);
    assert_eq!(screen(&app), Screen::Menu);
    assert!(app.world().resource::<MenuNotice>().plain[0].contains("trainee"));

    app.world_mut().resource_mut::<trainer::Recording>().trainee = Some("Mykola".into());
    request(&mut app, FlowRequest::Open("first_lesson".into()));
    request(&mut app, FlowRequest::Begin);
    sim::step_ticks(&mut app, 1800);
    request(&mut app, FlowRequest::Finish);
    sim::step_ticks(&mut app, 2);
    sim::step_ticks(&mut app, 0);
    assert_eq!(screen(&app), Screen::Debrief);
    let d = app.world().resource::<Debrief>().clone();
    assert!(matches!(d.attempt, Some(Ok(_))), "{:?}", d.attempt);
    let replay = d.replay.clone().unwrap().unwrap();
    assert!(replay.exists());

    request(&mut app, FlowRequest::Progress);
    assert_eq!(screen(&app), Screen::Progress);
    let p = app.world().resource::<trainer::ProgressData>().clone();
    assert_eq!(p.attempts.len(), 1);
    assert_eq!(p.attempts[0].score, d.report.score as f64);
    assert_eq!(p.attempts[0].replay_path.as_deref(), Some(replay.display().to_string().as_str()));
    std::fs::remove_dir_all(&dir).ok();
}

/// An exam seat: the course only, no editor, no replays, no autopilot (not even if asked for,
/// and no switching to it), the trainee named; the stored attempt says it was sat there.
#[test]
fn an_exam_seat_runs_the_course_only_and_records_the_exam() {
    let dir = std::env::temp_dir().join(format!("mineclear-flow-exam-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    let mut app = trainer::headless_app();
    app.insert_resource(trainer::Seat { exam: true });
    app.world_mut().resource_mut::<Driver>().autopilot = true;
    app.world_mut().resource_mut::<trainer::Recording>().progress_dir = Some(dir.clone());
    app.world_mut().resource_mut::<trainer::Recording>().dir = Some(dir.join("replays"));
    sim::step_ticks(&mut app, 0);
    request(&mut app, FlowRequest::Open("first_lesson".into()));
    assert_eq!(screen(&app), Screen::Menu, "no exam without the trainee's name");
    assert!(app.world().resource::<MenuNotice>().plain[0].contains("name"));
    app.world_mut().resource_mut::<trainer::Recording>().trainee = Some("Oksana".into());
    for refused in [FlowRequest::Edit(None), FlowRequest::Review(dir.join("any.mcreplay")), FlowRequest::Open("assets/scenarios/first_lesson.ron".into())] {
        request(&mut app, refused.clone());
        assert_eq!(screen(&app), Screen::Menu, "{refused:?} at an exam seat");
    }
    request(&mut app, FlowRequest::Open("first_lesson".into()));
    request(&mut app, FlowRequest::Begin);
    assert_eq!(screen(&app), Screen::Operating);
    assert!(!app.world().resource::<mineclear::operator::CommandSource>().is_autopilot(), "the trainee drives, whatever the menu said");
    request(&mut app, FlowRequest::SwitchDriver);
    assert!(!app.world().resource::<mineclear::operator::CommandSource>().is_autopilot(), "no autopilot at an exam seat");
    sim::step_ticks(&mut app, 120);
    request(&mut app, FlowRequest::Finish);
    sim::step_ticks(&mut app, 2);
    sim::step_ticks(&mut app, 0);
    assert_eq!(screen(&app), Screen::Debrief);
    let d = app.world().resource::<Debrief>().clone();
    let stored = d.attempt.clone().unwrap().unwrap();
    assert!(stored.counts(), "{}", stored.message());
    let replay = mineclear::replay::Replay::load(&d.replay.unwrap().unwrap()).unwrap();
    assert!(replay.meta.exam);
    assert_eq!(replay.meta.provenance.driven_by(), mineclear::operator::DrivenBy::Trainee);
    let a = &mineclear::progress::Store::open(&dir).unwrap().attempts(Some("Oksana")).unwrap()[0];
    assert!(a.exam && a.counts_for("first_lesson"), "{a:?}");
    assert_eq!(a.standing(), "exam");
    std::fs::remove_dir_all(&dir).ok();
}

/// Handing the machine to the autopilot mid-session (and taking it back) is recorded: the
/// session is then a demonstration, and the debrief says so.
#[test]
fn handing_over_to_the_autopilot_makes_a_demonstration() {
    let dir = std::env::temp_dir().join(format!("mineclear-flow-handover-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    let mut app = trainer::headless_app();
    app.world_mut().resource_mut::<trainer::Recording>().progress_dir = Some(dir.clone());
    app.world_mut().resource_mut::<trainer::Recording>().dir = Some(dir.join("replays"));
    app.world_mut().resource_mut::<trainer::Recording>().trainee = Some("Petro".into());
    sim::step_ticks(&mut app, 0);
    request(&mut app, FlowRequest::Open("first_lesson".into()));
    request(&mut app, FlowRequest::Begin);
    sim::step_ticks(&mut app, 60);
    request(&mut app, FlowRequest::SwitchDriver);
    assert!(app.world().resource::<mineclear::operator::CommandSource>().is_autopilot());
    sim::step_ticks(&mut app, 600);
    request(&mut app, FlowRequest::SwitchDriver);
    assert!(!app.world().resource::<mineclear::operator::CommandSource>().is_autopilot(), "the trainee takes the controls back");
    sim::step_ticks(&mut app, 60);
    request(&mut app, FlowRequest::Finish);
    sim::step_ticks(&mut app, 2);
    sim::step_ticks(&mut app, 0);
    let d = app.world().resource::<Debrief>().clone();
    let stored = d.attempt.clone().unwrap().unwrap();
    assert!(!stored.counts() && stored.message().contains("demonstration"), "{}", stored.message());
    let replay = mineclear::replay::Replay::load(&d.replay.unwrap().unwrap()).unwrap();
    let origins: Vec<_> = replay.meta.provenance.0.iter().map(|s| s.origin).collect();
    use mineclear::operator::Origin;
    assert_eq!(origins, vec![Origin::Keyboard, Origin::Autopilot, Origin::Keyboard]);
    assert_eq!(mineclear::replay::verify(&replay, "handover").unwrap().report.score, d.report.score, "the replay verifies");
    std::fs::remove_dir_all(&dir).ok();
}

/// A data folder that cannot be written: the session ends in its debrief as usual, the replay
/// is saved elsewhere, and the debrief says the attempt was not stored and how to add it later.
#[test]
fn a_store_that_cannot_be_written_keeps_the_trainer_running() {
    use std::os::unix::fs::PermissionsExt;
    let dir = std::env::temp_dir().join(format!("mineclear-flow-rostore-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    let data = dir.join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o555)).unwrap();
    let mut app = trainer::headless_app();
    app.world_mut().resource_mut::<Driver>().autopilot = true;
    app.world_mut().resource_mut::<trainer::Recording>().progress_dir = Some(data.clone());
    app.world_mut().resource_mut::<trainer::Recording>().dir = Some(dir.join("replays"));
    app.world_mut().resource_mut::<trainer::Recording>().trainee = Some("Ivan".into());
    sim::step_ticks(&mut app, 0);
    request(&mut app, FlowRequest::Open("first_lesson".into()));
    request(&mut app, FlowRequest::Begin);
    sim::step_ticks(&mut app, 300);
    request(&mut app, FlowRequest::Finish);
    sim::step_ticks(&mut app, 2);
    sim::step_ticks(&mut app, 0);
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(screen(&app), Screen::Debrief);
    let d = app.world().resource::<Debrief>().clone();
    let replay = d.replay.clone().unwrap().unwrap();
    assert!(replay.exists());
    let e = d.attempt.clone().unwrap().unwrap_err();
    assert!(e.contains("read-only") && e.contains("mineclear import") && e.contains(&replay.display().to_string()), "{e}");
    request(&mut app, FlowRequest::Menu);
    assert_eq!(screen(&app), Screen::Menu);
    std::fs::remove_dir_all(&dir).ok();
}

/// "Drive from here" in the review screen: the session is re-simulated to the moment at once
/// (the recording's own commands), the chosen driver carries on, and the debrief knows it was
/// taken over, so it compares with the original and keeps no attempt.
#[test]
fn a_replay_taken_over_from_the_review_screen_runs_from_that_moment() {
    use mineclear::operator::CommandLog;
    let dir = std::env::temp_dir().join(format!("mineclear-takeover-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("lesson.mcreplay");
    let loaded = mineclear::scenario::load_builtin("first_lesson").unwrap().unwrap();
    let opts = AutopilotOptions { leave_at_s: Some(200.0), ..Default::default() };
    let mut original = sim::run_headless(SimSetup { loaded, seed: 1, source: SourceSetup::Autopilot(opts) });
    let report = sim::report(original.world_mut());
    let recorded = mineclear::replay::Replay::with_report(original.world(), None, Some(report));
    recorded.save(&path).unwrap();

    let mut app = trainer::headless_app();
    app.world_mut().resource_mut::<Driver>().autopilot = true;
    sim::step_ticks(&mut app, 0);
    request(&mut app, FlowRequest::Review(path.clone()));
    assert_eq!(screen(&app), Screen::Review);
    request(&mut app, FlowRequest::DriveFrom(path.clone(), 60.0));
    assert_eq!(screen(&app), Screen::Operating);
    assert_eq!(app.world().resource::<SimClock>().tick, 3600, "re-simulated to the moment at once");
    let mut guard = 0;
    while screen(&app) == Screen::Operating {
        sim::step_ticks(&mut app, 1200);
        guard += 1;
        assert!(guard < 400, "the session never ended");
    }
    assert_eq!(screen(&app), Screen::Debrief);
    let log = &app.world().resource::<CommandLog>().0;
    assert_eq!(log[..3600], recorded.commands[..3600], "the recording's commands up to the take-over");
    let taken = app.world().get_resource::<trainer::TakenOver>().expect("the debrief knows it was taken over");
    assert_eq!(taken.from_s, 60.0);
    let debrief = app.world().resource::<Debrief>();
    assert!(debrief.report.coverage_fraction > recorded.meta.report.as_ref().unwrap().coverage_fraction, "the autopilot finished what the original left");
    std::fs::remove_dir_all(&dir).ok();
}
