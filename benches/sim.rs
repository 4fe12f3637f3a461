//! Headless simulation benchmark: the full 60 Hz tick on the default scenario (autopilot
//! driving) against a bare rapier step of the same colliders, their ratio, and the real-time
//! factor. Run with `cargo bench --bench sim`. Figures are medians of several runs.

use std::time::Instant;

use bevy::prelude::{App, FixedUpdate, IntoScheduleConfigs, ResMut, Resource};
use bevy_rapier3d::prelude::PhysicsSet;
use bevy_rapier3d::rapier::prelude::*;
use mineclear::field::{self, TERRAIN_CELL_M};
use mineclear::operator::AutopilotOptions;
use mineclear::scenario;
use mineclear::sim::{self, SimClock, SimSetup, SourceSetup, TICK_S};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Time spent inside rapier's step during the full sim (the rest of a tick is our systems,
/// bevy_rapier's syncing and the schedule).
#[derive(Resource, Default)]
struct StepClock {
    started: Option<Instant>,
    total_s: f64,
}

fn step_started(mut c: ResMut<StepClock>) {
    c.started = Some(Instant::now());
}

fn step_ended(mut c: ResMut<StepClock>) {
    if let Some(t) = c.started.take() {
        c.total_s += t.elapsed().as_secs_f64();
    }
}

/// Full sim: seconds per tick, seconds per tick inside rapier's step, and ticks run.
fn full_tick(name: &str) -> (f64, f64, u64) {
    let loaded = scenario::load_builtin(name).unwrap().unwrap();
    let seed = loaded.scenario.seed.unwrap_or(1);
    let mut app: App = sim::headless_app();
    app.init_resource::<StepClock>();
    app.add_systems(FixedUpdate, step_started.after(PhysicsSet::SyncBackend).before(PhysicsSet::StepSimulation));
    app.add_systems(FixedUpdate, step_ended.after(PhysicsSet::StepSimulation).before(PhysicsSet::Writeback));
    sim::install_session(app.world_mut(), SimSetup { loaded, seed, source: SourceSetup::Autopilot(AutopilotOptions::default()) });
    sim::step_ticks(&mut app, 0);
    let t = Instant::now();
    while app.world().resource::<SimClock>().ended.is_none() {
        sim::step_ticks(&mut app, 600);
    }
    let ticks = app.world().resource::<SimClock>().tick;
    let step = app.world().resource::<StepClock>().total_s;
    (t.elapsed().as_secs_f64() / ticks as f64, step / ticks as f64, ticks)
}

/// Bare rapier: the same heightfield, obstacles and machine box, stepped `ticks` times with the
/// box driven back and forth at working speed.
fn bare_tick(name: &str, ticks: u64) -> f64 {
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
    let h = spec.chassis_m.2;
    let start = f.hazard_area[0];
    let y0 = f.height_at(start.0 - 3.0, start.1) + h * 0.5 + 0.05;
    let body = w.bodies.insert(RigidBodyBuilder::dynamic().translation(Vector::new(start.0 - 3.0, y0, start.1)).can_sleep(false).angular_damping(2.0).build());
    let balls: Vec<(Pose, SharedShape)> =
        mineclear::machine::hull_balls(spec).into_iter().map(|(c, r)| (Pose::from_translation(c), SharedShape::ball(r))).collect();
    w.colliders.insert_with_parent(
        ColliderBuilder::compound(balls).mass(spec.mass_kg).friction(0.0).active_events(ActiveEvents::COLLISION_EVENTS).build(),
        body,
        &mut w.bodies,
    );
    let t = Instant::now();
    for k in 0..ticks {
        // Back and forth along x at 0.8 km/h, as a lane pattern would.
        let dir = if (k / 9000) % 2 == 0 { 1.0 } else { -1.0 };
        let b = &mut w.bodies[body];
        let v = b.linvel();
        b.set_linvel(Vector::new(dir * 0.22, v.y, 0.0), true);
        w.step();
    }
    t.elapsed().as_secs_f64() / ticks as f64
}

fn main() {
    let name = scenario::builtin::DEFAULT_SCENARIO;
    let mut full = Vec::new();
    let mut inner = Vec::new();
    let mut bare = Vec::new();
    let mut ticks = 0;
    for _ in 0..3 {
        let (per, step, n) = full_tick(name);
        full.push(per);
        inner.push(step);
        ticks = n;
        bare.push(bare_tick(name, n));
    }
    let (f, s, b) = (median(full), median(inner), median(bare));
    println!("headless sim, scenario {name}, {ticks} ticks ({:.0} s simulated) per run, 3 runs", ticks as f64 / 60.0);
    println!("  full sim tick      {:>8.1} µs (median)", f * 1e6);
    println!("    of which rapier's step {:>6.1} µs; the rest (our systems, bevy_rapier sync, schedule) {:.1} µs", s * 1e6, (f - s) * 1e6);
    println!("  bare rapier step   {:>8.1} µs (median, same colliders)", b * 1e6);
    println!("  ratio              {:>8.2}   (target ≤ 1.5)", f / b);
    println!("  real-time factor   {:>8.0}x  (target ≥ 300x)", (1.0 / 60.0) / f);
}
