//! The headless simulation: determinism, the autopilot's technique and the faults it shows.

use bevy::prelude::*;
use mineclear::clearing::{Fate, Mines};
use mineclear::operator::{AutopilotOptions, CommandLog, OperatorCommand};
use mineclear::scenario;
use mineclear::scoring::{FaultKind, ScoreReport};
use mineclear::sim::{self, SimSetup, SourceSetup};

fn setup(name: &str, opts: AutopilotOptions) -> SimSetup {
    let loaded = scenario::load_builtin(name).unwrap().unwrap();
    let seed = loaded.scenario.seed.unwrap_or(1);
    SimSetup { loaded, seed, source: SourceSetup::Autopilot(opts) }
}

fn run(name: &str, opts: AutopilotOptions) -> (ScoreReport, Vec<OperatorCommand>) {
    let mut app = sim::run_headless(setup(name, opts));
    let log = app.world().resource::<CommandLog>().0.clone();
    (sim::report(app.world_mut()), log)
}

fn count(r: &ScoreReport, k: FaultKind) -> usize {
    r.faults.iter().filter(|f| f.kind == k).count()
}

/// Same scenario, seed and commands: the same report, bit for bit — whether the commands
/// come from the autopilot or are played back from the log.
#[test]
fn runs_are_deterministic_and_replayable() {
    let (a, log_a) = run("first_lesson", AutopilotOptions::default());
    let (b, log_b) = run("first_lesson", AutopilotOptions::default());
    assert_eq!(log_a, log_b);
    assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&b).unwrap());
    let mut s = setup("first_lesson", AutopilotOptions::default());
    s.source = SourceSetup::Script(log_a.clone());
    let mut app = sim::run_headless(s);
    let replayed = sim::report(app.world_mut());
    assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&replayed).unwrap(), "a replay of the command log diverged");
}

/// Unrelated systems, resources and entities in the app (a view, a bench's timers) and an
/// earlier session in the same app must not change a run: a session driven in the trainer is
/// verified by re-simulating it headless in a fresh app.
#[test]
fn other_systems_and_entities_do_not_change_a_run() {
    #[derive(Resource, Default)]
    struct Noise(u64);
    fn stir(mut n: ResMut<Noise>) {
        n.0 = n.0.wrapping_mul(6364136223846793005).wrapping_add(1);
    }
    use bevy_rapier3d::prelude::PhysicsSet;
    use mineclear::sim::{SimClock, SimSet};
    let plain = {
        let mut app = sim::run_headless(setup("boom_road_verge", AutopilotOptions::default()));
        (app.world().resource::<mineclear::replay::Checksums>().0.clone(), serde_json::to_string(&sim::report(app.world_mut())).unwrap())
    };
    let mut app = sim::headless_app();
    app.init_resource::<Noise>();
    for i in 0..50 {
        app.world_mut().spawn((Name::new(format!("bystander {i}")), Transform::from_xyz(i as f32, 0.0, 0.0)));
    }
    app.add_systems(FixedUpdate, stir.before(SimSet::Command));
    app.add_systems(FixedUpdate, stir.after(SimSet::Command).before(SimSet::Drive));
    app.add_systems(FixedUpdate, stir.after(SimSet::Drive).before(PhysicsSet::StepSimulation));
    app.add_systems(FixedUpdate, stir.after(PhysicsSet::StepSimulation).before(SimSet::Sense));
    app.add_systems(FixedUpdate, stir.after(SimSet::Clearing).before(SimSet::Scoring));
    app.add_systems(FixedUpdate, stir.after(SimSet::Clock));
    // An earlier session in the same app, as when a trainee drives again.
    sim::install_session(app.world_mut(), setup("first_lesson", AutopilotOptions::default()));
    sim::step_ticks(&mut app, 0);
    sim::step_ticks(&mut app, 300);
    sim::install_session(app.world_mut(), setup("boom_road_verge", AutopilotOptions::default()));
    // Bodies enter rapier when the session is installed (bevy_rapier's per-tick syncing is off),
    // and the last session's have left it.
    {
        use bevy_rapier3d::prelude::RapierRigidBodySet;
        let w = app.world_mut();
        let in_rapier = w.query::<&RapierRigidBodySet>().single(w).unwrap().bodies.len();
        assert_eq!(in_rapier, w.query::<&bevy_rapier3d::prelude::RigidBody>().iter(w).count(), "only this session's bodies are in rapier");
    }
    {
        use bevy_rapier3d::prelude::{Collider, RapierColliderHandle, RapierRigidBodyHandle, RigidBody};
        let w = app.world_mut();
        let colliders = w.query::<&Collider>().iter(w).count();
        assert!(colliders > 1, "terrain, obstacles and machine");
        assert_eq!(w.query_filtered::<(), (With<Collider>, With<RapierColliderHandle>)>().iter(w).count(), colliders);
        let bodies = w.query::<&RigidBody>().iter(w).count();
        assert_eq!(w.query_filtered::<(), (With<RigidBody>, With<RapierRigidBodyHandle>)>().iter(w).count(), bodies);
    }
    sim::step_ticks(&mut app, 0);
    while app.world().resource::<SimClock>().ended.is_none() {
        sim::step_ticks(&mut app, 477);
    }
    let checksums = app.world().resource::<mineclear::replay::Checksums>().0.clone();
    assert!(checksums.len() > 100, "the run took its checksums");
    let first_diff = checksums.iter().zip(&plain.0).find(|(a, b)| a != b).map(|(a, _)| a.0);
    assert_eq!(first_diff, None, "the state diverged from tick {first_diff:?} with other systems and entities in the app");
    assert_eq!(checksums.len(), plain.0.len());
    assert_eq!(serde_json::to_string(&sim::report(app.world_mut())).unwrap(), plain.1);
}

/// Every pair of the tick's systems that touch the same data runs in a declared order, so no
/// change elsewhere can reorder them (Bevy's ambiguity detection, set to fail the build).
#[test]
fn the_tick_has_no_ambiguous_system_order() {
    use bevy::ecs::schedule::{LogLevel, ScheduleBuildSettings};
    let first_tick = |extra: Option<fn(ResMut<mineclear::machine::MachineState>)>| {
        let mut app = sim::headless_app();
        app.edit_schedule(FixedUpdate, |s| {
            s.set_build_settings(ScheduleBuildSettings { ambiguity_detection: LogLevel::Error, ..Default::default() });
        });
        if let Some(system) = extra {
            app.add_systems(FixedUpdate, system);
        }
        sim::install_session(app.world_mut(), setup("boom_road_verge", AutopilotOptions::default()));
        sim::step_ticks(&mut app, 0);
        // Building the schedule for its first run panics, listing them, if any pair is ambiguous.
        sim::step_ticks(&mut app, 1);
        app.world().resource::<sim::SimClock>().tick
    };
    assert_eq!(first_tick(None), 1);
    // The check is live: a system changing the machine in no declared order is caught.
    let unordered = std::panic::catch_unwind(|| first_tick(Some(|mut m| m.condition -= 0.0)));
    assert!(unordered.is_err(), "an unordered system touching the machine must fail the build");
}

#[test]
fn autopilot_passes_the_first_lesson() {
    let (r, _) = run("first_lesson", AutopilotOptions::default());
    eprintln!("{}", r.table(mineclear::text::Lang::En));
    assert!(r.passed, "score {} below pass mark {}", r.score, r.pass_mark);
    assert!(r.coverage_fraction > 0.97, "coverage {}", r.coverage_fraction);
    assert!(r.mines_live_in_area * 5 <= r.mines_in_area, "{} of {} mines still live", r.mines_live_in_area, r.mines_in_area);
    assert_eq!(count(&r, FaultKind::TracksOnUnprocessed), 0, "{:#?}", r.faults);
    assert_eq!(count(&r, FaultKind::Gap), 0);
    assert_eq!(count(&r, FaultKind::TooFastForDepth), 0);
    // Calibration: a light flail lands in its public productivity range (MV-4: up to 1,500 m²/h).
    assert!((500.0..=1500.0).contains(&r.productivity_m2_per_h), "productivity {} m²/h", r.productivity_m2_per_h);
}

#[test]
fn too_fast_leaves_mines_and_costs_speed_points() {
    let (good, _) = run("first_lesson", AutopilotOptions::default());
    let (fast, _) = run("first_lesson", AutopilotOptions { speed_kmh: Some(3.0), ..Default::default() });
    assert!(fast.mines_live_in_area > good.mines_live_in_area, "fast {} vs good {}", fast.mines_live_in_area, good.mines_live_in_area);
    assert!(fast.breakdown["speed_depth"] < good.breakdown["speed_depth"] * 0.5, "{:?} vs {:?}", fast.breakdown, good.breakdown);
    assert!(count(&fast, FaultKind::TooFastForDepth) > 0);
    let f = fast.faults.iter().find(|f| f.kind == FaultKind::TooFastForDepth).unwrap();
    assert!(f.detail.contains("km/h") && f.detail.contains("required"), "{}", f.detail);
    assert!(!fast.passed);
}

#[test]
fn skipped_lane_is_a_gap() {
    let (good, _) = run("first_lesson", AutopilotOptions::default());
    let (skip, _) = run("first_lesson", AutopilotOptions { skip_lanes: vec![3], ..Default::default() });
    let gap = skip.faults.iter().find(|f| f.kind == FaultKind::Gap).expect("gap fault");
    assert_eq!(gap.lane, 3, "{}", gap.detail);
    assert!(skip.gap_m2 > 20.0, "gap {} m²", skip.gap_m2);
    assert!(skip.coverage_fraction < good.coverage_fraction - 0.05);
    assert!(skip.breakdown["lanes"] < good.breakdown["lanes"]);
}

/// Driving with the tool raised over a live mine sets it off under the track.
#[test]
fn tracks_over_an_unprocessed_mine_detonate_it() {
    let mut s = setup("first_lesson", AutopilotOptions::default());
    // Straight ahead with the tool up and the rotor off.
    let forward = OperatorCommand::quantize(0.1, 0.1, -20.0, 0.0);
    s.source = SourceSetup::Script(vec![forward; 60 * 120]);
    let mut app = sim::headless_app();
    sim::install_session(app.world_mut(), s);
    // Stand on the start lane opposite the middle of the area, facing into it.
    let frame = app.world().resource::<sim::LaneFrame>().clone();
    let start = frame.to_world((frame.u_range.0 + frame.u_range.1) * 0.5, 0.0);
    let yaw = (-frame.n.0).atan2(-frame.n.1);
    let y = {
        let g = &app.world().resource::<sim::Ground>().0;
        g.height_at(start.0, start.1) + 0.8
    };
    let rot = Quat::from_rotation_y(yaw);
    mineclear::machine::place_machine(app.world_mut(), Vec3::new(start.0, y, start.1), rot);
    // Put mine 0 on the left track's line, 12 m ahead inside the area.
    let track = app.world().resource::<mineclear::machine::MachineState>().tracks_xz()[0];
    let target = (track.0 + frame.n.0 * 12.0, track.1 + frame.n.1 * 12.0);
    {
        let mut mines = app.world_mut().resource_mut::<Mines>();
        let mut list = mines.list.clone();
        list[0].x = target.0;
        list[0].z = target.1;
        list[0].depth_m = 0.05;
        mines.reindex(list);
    }
    let area = app.world().resource::<sim::Ground>().0.hazard_area.clone();
    assert!(mineclear::geom::contains(&area, target), "test mine must lie in the area");
    sim::step_ticks(&mut app, 0);
    for _ in 0..120 {
        sim::step_ticks(&mut app, 60);
        if app.world().resource::<Mines>().list[0].fate == Fate::DetonatedByTrack {
            break;
        }
    }
    assert_eq!(app.world().resource::<Mines>().list[0].fate, Fate::DetonatedByTrack);
    let r = sim::report(app.world_mut());
    assert!(count(&r, FaultKind::TrackDetonation) >= 1, "{:#?}", r.faults);
    assert!(count(&r, FaultKind::TracksOnUnprocessed) >= 1, "{:#?}", r.faults);
    assert!(r.machine_condition < 100.0);
}

/// The later lessons and the exam: the autopilot at its adaptive speed passes; driven at
/// 2 km/h (too fast for the depth in that ground) it fails.
#[test]
fn later_lessons_and_exam_pass_at_the_right_speed_and_fail_too_fast() {
    for name in ["hard_clay", "wet_ground", "remote_standoff", "exam_mixed"] {
        let (good, _) = run(name, AutopilotOptions::default());
        assert!(good.passed, "{name}: autopilot scored {} (pass {})", good.score, good.pass_mark);
        let (fast, _) = run(name, AutopilotOptions { speed_kmh: Some(2.0), ..Default::default() });
        assert!(!fast.passed, "{name}: too fast still passed with {}", fast.score);
        assert!(count(&fast, FaultKind::TooFastForDepth) > 0, "{name}: {:#?}", fast.faults);
        assert_eq!(count(&fast, FaultKind::DepthShort), 0, "{name}: driving too fast blamed on something else");
    }
}

/// A live mine the tool throws out of the marked area stays the operator's problem: it still
/// counts as live in the area's tally (it was laid there), and the score does not rise for it.
#[test]
fn a_mine_thrown_out_of_the_area_still_counts_live() {
    let report_with = |throw_out: bool| {
        let mut app = sim::headless_app();
        sim::install_session(app.world_mut(), setup("first_lesson", AutopilotOptions::default()));
        sim::step_ticks(&mut app, 0);
        sim::step_ticks(&mut app, 600);
        if throw_out {
            let mut mines = app.world_mut().resource_mut::<Mines>();
            let mut list = mines.list.clone();
            let m = list.iter_mut().find(|m| m.fate.is_live()).expect("a live mine");
            m.fate = Fate::ThrownAside;
            // Far outside the hazard area (25–55 × 15–27), on the field.
            m.x = 5.0;
            m.z = 45.0;
            mines.reindex(list);
        }
        sim::report(app.world_mut())
    };
    let (stay, out) = (report_with(false), report_with(true));
    assert_eq!(out.mines_in_area, stay.mines_in_area);
    assert_eq!(out.mines_live_in_area, stay.mines_live_in_area, "the thrown mine is still live in the area's tally");
    assert!(out.score <= stay.score, "throwing a mine out raised the score: {} > {}", out.score, stay.score);
    assert!(out.mines.iter().any(|m| m.fate == Fate::ThrownAside && m.x == 5.0 && m.in_area));
}

/// The quality-control inspection and the land release verdict: nominal work on Lesson 1 is
/// released after machine clearance; a skipped lane is what the machine's record shows short of
/// the depth (follow-up required, or QC failed where a sample falls on it); driving too fast
/// fails QC. The sample is drawn from the seed: the same session inspects the same squares.
#[test]
fn quality_control_judges_the_land_as_the_field_does() {
    use mineclear::scoring::qc::Verdict;
    let (good, _) = run("first_lesson", AutopilotOptions::default());
    let (qc, rel) = (good.qc.clone().unwrap(), good.release.clone().unwrap());
    assert!(qc.passed && qc.live_mines_found == 0, "{qc:?}");
    assert!((qc.sample_m2 - 36.0).abs() < 4.0, "a tenth of 360 m²: {}", qc.sample_m2);
    assert_eq!(rel.verdict, Verdict::Released, "{}", rel.statement);
    assert!(rel.statement.starts_with("area released after machine clearance"));
    let (skip, _) = run("first_lesson", AutopilotOptions { skip_lanes: vec![2], ..Default::default() });
    let rel = skip.release.clone().unwrap();
    assert_ne!(rel.verdict, Verdict::Released, "{}", rel.statement);
    assert!(rel.follow_up_m2 > 15.0 && rel.follow_up_where.iter().any(|w| w.starts_with("lane 2")), "{rel:?}");
    let (fast, _) = run("first_lesson", AutopilotOptions { speed_kmh: Some(2.0), ..Default::default() });
    let (qc, rel) = (fast.qc.clone().unwrap(), fast.release.clone().unwrap());
    assert!(!qc.passed && qc.shallow_m2 > 10.0, "{qc:?}");
    assert_eq!(rel.verdict, Verdict::QcFailed);
    assert!(rel.statement.starts_with("QC failed: re-process"));
    let (again, _) = run("first_lesson", AutopilotOptions::default());
    assert_eq!(again.qc, good.qc);
}
