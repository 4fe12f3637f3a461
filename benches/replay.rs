//! Replay benchmark: file size per hour of operation (the autopilot's stream, and a
//! worst-case "human" stream whose levers change every tick), verify time per hour of
//! operation, and the speed-up of `replay score` over several replays on every core.
//! Run with `cargo bench --bench replay`. Figures are medians.

use std::time::Instant;

use mineclear::operator::{AutopilotOptions, OperatorCommand};
use mineclear::replay::{self, Replay};
use mineclear::scenario;
use mineclear::sim::{self, SimSetup, SourceSetup, TICK_HZ};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn record(name: &str, seed: u64) -> Replay {
    let loaded = scenario::load_builtin(name).unwrap().unwrap();
    let mut app = sim::run_headless(SimSetup { loaded, seed, source: SourceSetup::Autopilot(AutopilotOptions::default()) });
    Replay::from_world(app.world_mut(), Some(format!("seed {seed}")))
}

fn main() {
    let dir = std::env::temp_dir().join(format!("mineclear-bench-replay-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();

    // Size: the autopilot's session, scaled to an hour.
    let rec = record("first_lesson", 1);
    let hours = rec.meta.ticks as f64 / TICK_HZ / 3600.0;
    let bytes = rec.to_bytes().len() as f64;
    println!("replay size, autopilot (Lesson 1, {:.2} h): {:.0} KB → {:.0} KB per hour", hours, bytes / 1e3, bytes / hours / 1e3);

    // Worst case: a jittery human on a gamepad, every lever and both boom sticks moving by up
    // to an eighth of their travel every tick for an hour, through the live controls'
    // resolution (as the trainer records them).
    let mut human = rec.clone();
    let mut state = 12345u64;
    let mut prev = OperatorCommand::default();
    human.commands = (0..(3600.0 * TICK_HZ) as usize)
        .map(|i| {
            state = mineclear::geom::mix64(state ^ i as u64);
            let raw = OperatorCommand {
                left_track: 12000 + (state % 4000) as i16,
                right_track: 12000 + ((state >> 16) % 4000) as i16,
                tool_cm: if i % 600 < 10 { 12 } else { 18 },
                rotor_pct: 100,
                flags: 0,
                slew: ((state >> 32) % 4000) as i16 - 2000,
                reach: ((state >> 48) % 4000) as i16 - 2000,
            };
            prev = raw.at_live_resolution(&prev);
            prev
        })
        .collect();
    human.meta.ticks = human.commands.len() as u64;
    human.meta.checksums = (0..3600).map(|k| (k * 60, mineclear::geom::mix64(k))).collect();
    let hb = human.to_bytes().len() as f64;
    println!("replay size, every lever and stick jittering every tick for 1 h: {:.0} KB per hour (target ≤ 1,000 KB)", hb / 1e3);

    // Verify time per hour of operation.
    let mut per_hour = Vec::new();
    for _ in 0..3 {
        let t = Instant::now();
        replay::verify(&rec, "bench").expect("verifies");
        per_hour.push(t.elapsed().as_secs_f64() / hours);
    }
    println!("verify: {:.1} s per hour of operation (median of 3)", median(per_hour));

    // replay score: several replays, one thread against every core.
    let files: Vec<_> = (0..4)
        .map(|k| {
            let p = dir.join(format!("r{k}.mcreplay"));
            record("first_lesson", 100 + k).save(&p).unwrap();
            p
        })
        .collect();
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let time = |jobs| {
        median(
            (0..3)
                .map(|_| {
                    let t = Instant::now();
                    let rows = replay::score_all(&files, jobs);
                    assert!(rows.iter().all(|r| r.result.is_ok()));
                    t.elapsed().as_secs_f64()
                })
                .collect(),
        )
    };
    let one = time(1);
    let all = time(cores);
    println!("replay score, {} replays: {:.2} s on 1 thread, {:.2} s on {cores} threads → {:.2}x", files.len(), one, all, one / all);
    std::fs::remove_dir_all(&dir).ok();
}
