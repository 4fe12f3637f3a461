//! Headless simulation benchmark: the full 60 Hz tick on the default scenario (autopilot
//! driving) against a bare rapier step of the same colliders, their ratio, and the real-time
//! factor. Run with `cargo bench --bench sim`.
//!
//! The bare rapier world runs beside the full sim and drives its body exactly as the full run
//! drove the machine (the same start pose, the same velocity before every step), so rapier does
//! the same work in both. The two take turns in short chunks of ticks: a busy spell on this
//! shared machine then falls on both sides of a chunk, and the ratio is the median of the
//! chunks' ratios.

use std::time::Instant;

use bevy::prelude::{App, FixedUpdate, IntoScheduleConfigs, Query, Res, ResMut, Resource, With};
use bevy_rapier3d::prelude::{PhysicsSet, RapierRigidBodyHandle, RapierRigidBodySet};
use bevy_rapier3d::rapier::prelude::*;
use mineclear::field;
use mineclear::machine::{MachineBody, MachineState};
use mineclear::operator::AutopilotOptions;
use mineclear::scenario::{self, LoadedScenario};
use mineclear::sim::{self, SimClock, SimSet, SimSetup, SourceSetup, TICK_S};

/// Ticks per chunk (50 simulated seconds, about a tenth of a second of either side).
const CHUNK: u32 = 3000;
/// Whole sessions run.
const RUNS: usize = 3;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Time spent inside rapier's step during the full sim (the rest of a tick is our systems,
/// bevy_rapier's step wrapper and the schedule), and the drive each step was given (horizontal
/// velocity and yaw rate), so the bare world can drive its body the same way.
#[derive(Resource, Default)]
struct StepClock {
    started: Option<Instant>,
    total_s: f64,
    drive: Vec<(f32, f32, f32)>,
}

fn step_started(mut c: ResMut<StepClock>, clock: Res<SimClock>, body: Query<&RapierRigidBodyHandle, With<MachineBody>>, rapier: Query<&RapierRigidBodySet>) {
    // The sim's sets stop when the session ends; these two run on through the last chunk.
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

/// Bare rapier: the same heightfield, obstacles and machine body as the sim's.
struct Bare {
    world: PhysicsWorld,
    body: RigidBodyHandle,
}

impl Bare {
    fn new(loaded: &LoadedScenario, seed: u64, start: Pose) -> Bare {
        let f = field::generate(&loaded.scenario, seed);
        let spec = &loaded.machine;
        let mut w = PhysicsWorld::new();
        w.integration_parameters.dt = TICK_S;
        let (terrain, terrain_centre) = mineclear::machine::terrain_heightfield(&f);
        let ground = w.bodies.insert(RigidBodyBuilder::fixed().translation(terrain_centre).build());
        let mut obstacles = Vec::new();
        for o in f.trees.iter().chain(f.rocks.iter()) {
            let b = w.bodies.insert(RigidBodyBuilder::fixed().translation(mineclear::machine::obstacle_centre(&f, o)).build());
            obstacles.push((b, ColliderBuilder::cylinder(o.height_m * 0.5, o.radius_m).build()));
        }
        let body = w.bodies.insert(RigidBodyBuilder::dynamic().pose(start).can_sleep(false).angular_damping(2.0).build());
        let balls: Vec<(Pose, SharedShape)> =
            mineclear::machine::hull_balls(spec).into_iter().map(|(c, r)| (Pose::from_translation(c), SharedShape::ball(r))).collect();
        let hull = ColliderBuilder::compound(balls)
            .mass_properties(mineclear::machine::hull_mass(spec).into_rapier())
            .friction(0.0)
            .friction_combine_rule(CoefficientCombineRule::Min)
            .active_events(ActiveEvents::COLLISION_EVENTS)
            .build();
        let terrain = ColliderBuilder::new(terrain).friction(0.9).build();
        // Colliders in the sim's order (see `machine::spawn_world`).
        for (b, c) in obstacles {
            w.colliders.insert_with_parent(c, b, &mut w.bodies);
        }
        w.colliders.insert_with_parent(hull, body, &mut w.bodies);
        w.colliders.insert_with_parent(terrain, ground, &mut w.bodies);
        Bare { world: w, body }
    }

    /// Steps once per drive given; returns the seconds taken.
    fn run(&mut self, drive: &[(f32, f32, f32)]) -> f64 {
        let t = Instant::now();
        for &(vx, vz, yaw_rate) in drive {
            let b = &mut self.world.bodies[self.body];
            let (mut v, mut a) = (b.linvel(), b.angvel());
            (v.x, v.z, a.y) = (vx, vz, yaw_rate);
            b.set_linvel(v, true);
            b.set_angvel(a, true);
            self.world.step();
        }
        t.elapsed().as_secs_f64()
    }
}

/// Per-chunk figures, seconds per tick: the full sim, rapier's step inside it, the bare world.
struct Chunk {
    full: f64,
    inner: f64,
    bare: f64,
}

/// One whole session, full and bare taking turns; returns its chunks, its ticks and how far the
/// bare body ended from the sim's machine (a check that it really drove the same path).
fn session(name: &str) -> (Vec<Chunk>, u64, f32) {
    let loaded = scenario::load_builtin(name).unwrap().unwrap();
    let seed = loaded.scenario.seed.unwrap_or(1);
    let mut app: App = sim::headless_app();
    app.init_resource::<StepClock>();
    app.add_systems(FixedUpdate, step_started.after(SimSet::Drive).before(PhysicsSet::StepSimulation));
    app.add_systems(FixedUpdate, step_ended.after(PhysicsSet::StepSimulation).before(SimSet::Sense));
    sim::install_session(app.world_mut(), SimSetup { loaded: loaded.clone(), seed, source: SourceSetup::Autopilot(AutopilotOptions::default()) });
    let m = app.world().resource::<MachineState>();
    let mut bare = Bare::new(&loaded, seed, Pose::from_parts(m.pos, m.rot));
    sim::step_ticks(&mut app, 0);
    let mut chunks = Vec::new();
    while app.world().resource::<SimClock>().ended.is_none() {
        let t = Instant::now();
        sim::step_ticks(&mut app, CHUNK);
        let full_s = t.elapsed().as_secs_f64();
        let mut clock = app.world_mut().resource_mut::<StepClock>();
        let drive = std::mem::take(&mut clock.drive);
        let inner_s = std::mem::take(&mut clock.total_s);
        let bare_s = bare.run(&drive);
        let n = drive.len() as f64;
        // The last chunk is cut short by the session's end; too few ticks to time well.
        if drive.len() as u32 == CHUNK {
            chunks.push(Chunk { full: full_s / n, inner: inner_s / n, bare: bare_s / n });
        }
    }
    let ticks = app.world().resource::<SimClock>().tick;
    let apart = bare.world.bodies[bare.body].translation().distance(app.world().resource::<MachineState>().pos);
    (chunks, ticks, apart)
}

fn main() {
    let name = scenario::builtin::DEFAULT_SCENARIO;
    let mut chunks = Vec::new();
    let (mut ticks, mut apart) = (0, 0.0f32);
    for _ in 0..RUNS {
        let (c, n, d) = session(name);
        chunks.extend(c);
        ticks = n;
        apart = apart.max(d);
    }
    let ratios: Vec<f64> = chunks.iter().map(|c| c.full / c.bare).collect();
    let q = |p: f64| {
        let mut v = ratios.clone();
        v.sort_by(f64::total_cmp);
        v[((v.len() - 1) as f64 * p).round() as usize]
    };
    let f = median(chunks.iter().map(|c| c.full).collect());
    let s = median(chunks.iter().map(|c| c.inner).collect());
    let b = median(chunks.iter().map(|c| c.bare).collect());
    println!("headless sim, scenario {name}, {ticks} ticks ({:.0} s simulated) per run, {RUNS} runs", ticks as f64 / 60.0);
    println!("  full and bare take turns in chunks of {CHUNK} ticks; {} chunks; medians over chunks", chunks.len());
    println!("  full sim tick      {:>8.1} µs", f * 1e6);
    println!("    of which rapier's step {:>6.1} µs; the rest (our systems, bevy_rapier's step wrapper, schedule) {:.1} µs", s * 1e6, (f - s) * 1e6);
    println!("  bare rapier step   {:>8.1} µs (same colliders, the machine driven as in the full run)", b * 1e6);
    println!("    its body ended {apart:.2} m from where the full run's machine did");
    println!("  ratio              {:>8.2}   (median of the chunks' ratios; quartiles {:.2}–{:.2}; target ≤ 1.25)", q(0.5), q(0.25), q(0.75));
    println!("  real-time factor   {:>8.0}x  (target ≥ 500x)", (1.0 / 60.0) / f);
}
