//! Headless simulation benchmark: the full 60 Hz tick on the default scenario (autopilot
//! driving) against a bare rapier step of the same colliders, their ratio, and the real-time
//! factor. Run with `cargo bench --bench sim`. Figures are medians of several runs.

use std::time::Instant;

use bevy::prelude::{App, FixedUpdate, IntoScheduleConfigs, Quat, Query, Res, ResMut, Resource, Vec3, With};
use bevy_rapier3d::prelude::{PhysicsSet, RapierRigidBodyHandle, RapierRigidBodySet};
use bevy_rapier3d::rapier::prelude::*;
use mineclear::field::{self, TERRAIN_CELL_M};
use mineclear::machine::{MachineBody, MachineState};
use mineclear::operator::AutopilotOptions;
use mineclear::scenario;
use mineclear::sim::{self, SimClock, SimSet, SimSetup, SourceSetup, TICK_S};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Time spent inside rapier's step during the full sim (the rest of a tick is our systems,
/// bevy_rapier's syncing and the schedule), and the drive each step was given (horizontal
/// velocity and yaw rate), so the bare run can drive its body the same way.
#[derive(Resource, Default)]
struct StepClock {
    started: Option<Instant>,
    total_s: f64,
    drive: Vec<(f32, f32, f32)>,
}

fn step_started(mut c: ResMut<StepClock>, clock: Res<SimClock>, body: Query<&RapierRigidBodyHandle, With<MachineBody>>, rapier: Query<&RapierRigidBodySet>) {
    // The sim's sets stop when the session ends; these two run on through the last batch.
    if clock.ended.is_some() {
        return;
    }
    if let (Ok(h), Ok(set)) = (body.single(), rapier.single())
        && let Some(rb) = set.bodies.get(h.0)
    {
        let (v, w) = (rb.linvel(), rb.angvel());
        c.drive.push((v.x, v.z, w.y));
    }
    c.started = Some(Instant::now());
}

fn step_ended(mut c: ResMut<StepClock>) {
    if let Some(t) = c.started.take() {
        c.total_s += t.elapsed().as_secs_f64();
    }
}

/// One full-sim run: seconds per tick, seconds per tick inside rapier's step, the machine's
/// start pose and the drive of every step.
struct FullRun {
    per_tick_s: f64,
    step_s: f64,
    start: (Vec3, Quat),
    end: Vec3,
    drive: Vec<(f32, f32, f32)>,
}

fn full_tick(name: &str) -> FullRun {
    let loaded = scenario::load_builtin(name).unwrap().unwrap();
    let seed = loaded.scenario.seed.unwrap_or(1);
    let mut app: App = sim::headless_app();
    app.init_resource::<StepClock>();
    app.add_systems(FixedUpdate, step_started.after(SimSet::Drive).before(PhysicsSet::StepSimulation));
    app.add_systems(FixedUpdate, step_ended.after(PhysicsSet::StepSimulation).before(SimSet::Sense));
    sim::install_session(app.world_mut(), SimSetup { loaded, seed, source: SourceSetup::Autopilot(AutopilotOptions::default()) });
    let m = app.world().resource::<MachineState>();
    let start = (m.pos, m.rot);
    sim::step_ticks(&mut app, 0);
    let t = Instant::now();
    while app.world().resource::<SimClock>().ended.is_none() {
        sim::step_ticks(&mut app, 600);
    }
    let elapsed = t.elapsed().as_secs_f64();
    let ticks = app.world().resource::<SimClock>().tick as f64;
    let end = app.world().resource::<MachineState>().pos;
    let clock = app.world_mut().remove_resource::<StepClock>().unwrap();
    assert_eq!(clock.drive.len() as f64, ticks, "one drive per step");
    FullRun { per_tick_s: elapsed / ticks, step_s: clock.total_s / ticks, start, end, drive: clock.drive }
}

/// Bare rapier: the same heightfield, obstacles and machine body, stepped once per tick of the
/// full run with the machine driven as it was there (from the same start pose, the same
/// horizontal velocity and yaw rate before every step), so rapier does the same work.
/// Returns seconds per step and how far the bare body ended from the full run's machine (a
/// check that it really drove the same path).
fn bare_tick(name: &str, run: &FullRun) -> (f64, f32) {
    let loaded = scenario::load_builtin(name).unwrap().unwrap();
    let f = field::generate(&loaded.scenario, loaded.scenario.seed.unwrap_or(1));
    let spec = &loaded.machine;
    let mut w = PhysicsWorld::new();
    w.integration_parameters.dt = TICK_S;
    let mut hs = vec![0.0f32; f.nx * f.nz];
    for j in 0..f.nz {
        for i in 0..f.nx {
            hs[j + i * f.nz] = f.heights[j * f.nx + i];
        }
    }
    let span = Vector::new((f.nx - 1) as f32 * TERRAIN_CELL_M, 1.0, (f.nz - 1) as f32 * TERRAIN_CELL_M);
    let ground = w.bodies.insert(RigidBodyBuilder::fixed().translation(Vector::new(span.x * 0.5, 0.0, span.z * 0.5)).build());
    let hf = ColliderBuilder::new(SharedShape::heightfield_with_flags(
        bevy_rapier3d::rapier::parry::utils::Array2::new(f.nz, f.nx, hs),
        span,
        bevy_rapier3d::rapier::parry::shape::HeightFieldFlags::FIX_INTERNAL_EDGES,
    ))
    .friction(0.9)
    .build();
    w.colliders.insert_with_parent(hf, ground, &mut w.bodies);
    for o in f.trees.iter().chain(f.rocks.iter()) {
        let y = f.height_at(o.x, o.z);
        let b = w.bodies.insert(RigidBodyBuilder::fixed().translation(Vector::new(o.x, y + o.height_m * 0.5 - 0.1, o.z)).build());
        w.colliders.insert_with_parent(ColliderBuilder::cylinder(o.height_m * 0.5, o.radius_m).build(), b, &mut w.bodies);
    }
    let (pos, rot) = run.start;
    let body = w.bodies.insert(RigidBodyBuilder::dynamic().pose(Pose::from_parts(pos, rot)).can_sleep(false).angular_damping(2.0).build());
    let balls: Vec<(Pose, SharedShape)> =
        mineclear::machine::hull_balls(spec).into_iter().map(|(c, r)| (Pose::from_translation(c), SharedShape::ball(r))).collect();
    w.colliders.insert_with_parent(
        ColliderBuilder::compound(balls)
            .mass_properties(mineclear::machine::hull_mass(spec).into_rapier())
            .friction(0.0)
            .friction_combine_rule(CoefficientCombineRule::Min)
            .active_events(ActiveEvents::COLLISION_EVENTS)
            .build(),
        body,
        &mut w.bodies,
    );
    let t = Instant::now();
    for &(vx, vz, yaw_rate) in &run.drive {
        let b = &mut w.bodies[body];
        let (mut v, mut a) = (b.linvel(), b.angvel());
        (v.x, v.z, a.y) = (vx, vz, yaw_rate);
        b.set_linvel(v, true);
        b.set_angvel(a, true);
        w.step();
    }
    let per_step = t.elapsed().as_secs_f64() / run.drive.len() as f64;
    (per_step, w.bodies[body].translation().distance(run.end))
}

fn main() {
    let name = scenario::builtin::DEFAULT_SCENARIO;
    let mut full = Vec::new();
    let mut inner = Vec::new();
    let mut bare = Vec::new();
    let mut ticks = 0;
    let mut apart = 0.0f32;
    for _ in 0..3 {
        let run = full_tick(name);
        full.push(run.per_tick_s);
        inner.push(run.step_s);
        ticks = run.drive.len();
        let (b, d) = bare_tick(name, &run);
        bare.push(b);
        apart = apart.max(d);
    }
    let (f, s, b) = (median(full), median(inner), median(bare));
    println!("headless sim, scenario {name}, {ticks} ticks ({:.0} s simulated) per run, 3 runs", ticks as f64 / 60.0);
    println!("  full sim tick      {:>8.1} µs (median)", f * 1e6);
    println!("    of which rapier's step {:>6.1} µs; the rest (our systems, bevy_rapier sync, schedule) {:.1} µs", s * 1e6, (f - s) * 1e6);
    println!("  bare rapier step   {:>8.1} µs (median, same colliders, the machine driven as in the full run)", b * 1e6);
    println!("    its body ended {apart:.2} m from where the full run's machine did");
    println!("  ratio              {:>8.2}   (target ≤ 1.5)", f / b);
    println!("  real-time factor   {:>8.0}x  (target ≥ 300x)", (1.0 / 60.0) / f);
}
