//! The clearing model's causes, each moved alone over ten seeds: what the field teaches must
//! come out of the simulation (slower is better, wet ground swallows mines, hard ground loads
//! the rotor, a damaged flail clears worse, a deeper layer treats mines better).

use mineclear::clearing::{Fate, Mines};
use mineclear::machine::MachineState;
use mineclear::operator::AutopilotOptions;
use mineclear::scenario;
use mineclear::scoring::{FaultKind, ScoreReport};
use mineclear::sim::{self, SimClock, SimSetup, SourceSetup};

const SEEDS: std::ops::Range<u64> = 1..11;

/// A short strip of Lesson 1's pasture, densely mined, so that ten seeds run in seconds.
struct Strip {
    machine: &'static str,
    soil: &'static str,
    mines: &'static str,
    speed_kmh: f32,
    required_cm: u32,
}

impl Default for Strip {
    fn default() -> Self {
        Strip {
            machine: "mv4",
            soil: "SoilZone(soil: SandyLoam, region: Whole)",
            mines: "MineGroup(kind: ApBlast, amount: Count(40), depth_cm: (2, 6), layout: Scatter)",
            speed_kmh: 0.5,
            required_cm: 15,
        }
    }
}

impl Strip {
    fn text(&self) -> String {
        let base = scenario::builtin::SCENARIOS[0].1;
        base.replace("SoilZone(soil: SandyLoam, region: Whole),", &format!("{},", self.soil))
            .replace("hazard_area: [(25, 15), (55, 15), (55, 27), (25, 27)]", "hazard_area: [(25, 22), (49, 22), (49, 27), (25, 27)]")
            .replace("MineGroup(kind: ApBlast, amount: Count(20), depth_cm: (2, 10), layout: Scatter),", &format!("{},", self.mines))
            .replace("machine: \"mv4\"", &format!("machine: \"{}\"", self.machine))
            .replace("required_depth_cm: 15", &format!("required_depth_cm: {}", self.required_cm))
            .replace("time_limit_min: 50", "time_limit_min: 120")
    }

    /// Runs it on `seed`; `prepare` may change the machine before the first tick.
    fn run(&self, seed: u64, prepare: &dyn Fn(&mut MachineState)) -> (ScoreReport, Mines, MachineState) {
        let loaded = scenario::load_scenario_text(&self.text(), "strip.ron", None).unwrap_or_else(|p| panic!("{p:?}"));
        let opts = AutopilotOptions { speed_kmh: Some(self.speed_kmh), ..Default::default() };
        let mut app = sim::headless_app();
        sim::install_session(app.world_mut(), SimSetup { loaded, seed, source: SourceSetup::Autopilot(opts) });
        prepare(&mut app.world_mut().resource_mut::<MachineState>());
        sim::step_ticks(&mut app, 0);
        while app.world().resource::<SimClock>().ended.is_none() {
            sim::step_ticks(&mut app, 3600);
        }
        let report = sim::report(app.world_mut());
        (report, app.world().resource::<Mines>().clone(), app.world().resource::<MachineState>().clone())
    }

    /// Every seed's outcome, two seeds at a time.
    fn over_seeds(&self, prepare: &(dyn Fn(&mut MachineState) + Sync)) -> Vec<(ScoreReport, Mines, MachineState)> {
        let seeds: Vec<u64> = SEEDS.collect();
        let mut out: Vec<_> = std::thread::scope(|s| {
            let handles: Vec<_> =
                seeds.chunks(5).map(|chunk| s.spawn(move || chunk.iter().map(|&seed| (seed, self.run(seed, prepare))).collect::<Vec<_>>())).collect();
            handles.into_iter().flat_map(|h| h.join().expect("seed run")).collect()
        });
        out.sort_by_key(|(seed, _)| *seed);
        out.into_iter().map(|(_, r)| r).collect()
    }
}

fn met(f: Fate) -> bool {
    !matches!(f, Fate::NeverReached | Fate::Missed | Fate::DetonatedByTrack)
}

/// Share of the mines the tool met that it set off or destroyed, over all runs.
fn neutralised_share(runs: &[(ScoreReport, Mines, MachineState)]) -> f32 {
    let (mut n, mut good) = (0, 0);
    for (_, mines, _) in runs {
        for m in &mines.list {
            if met(m.fate) {
                n += 1;
                good += matches!(m.fate, Fate::Destroyed | Fate::Detonated) as u32;
            }
        }
    }
    assert!(n > 100, "too few encounters to judge: {n}");
    good as f32 / n as f32
}

fn count_fate(runs: &[(ScoreReport, Mines, MachineState)], fate: Fate) -> usize {
    runs.iter().map(|(_, m, _)| m.list.iter().filter(|x| x.fate == fate).count()).sum()
}

fn count_fault(runs: &[(ScoreReport, Mines, MachineState)], kind: FaultKind) -> usize {
    runs.iter().map(|(r, _, _)| r.faults.iter().filter(|f| f.kind == kind).count()).sum()
}

fn nothing(_: &mut MachineState) {}

#[test]
fn slower_driving_neutralises_more_of_the_mines_met_and_matches_the_flail_anchor() {
    let slow = Strip::default().over_seeds(&nothing);
    let fast = Strip { speed_kmh: 2.0, ..Default::default() }.over_seeds(&nothing);
    let (s, f) = (neutralised_share(&slow), neutralised_share(&fast));
    eprintln!("neutralised of met: 0.5 km/h {s:.3}, 2.0 km/h {f:.3}");
    assert!(s > f + 0.08, "slow {s} fast {f}");
    // The public anchor: a flail at about 0.5 km/h in sandy loam neutralises about 90 % of AP.
    assert!((0.86..0.95).contains(&s), "{s}");
}

#[test]
fn wetter_ground_pushes_more_mines_deeper() {
    let dry = Strip { soil: "SoilZone(soil: SandyLoam, region: Whole, moisture_pct: Some(12))", ..Default::default() }.over_seeds(&nothing);
    let wet = Strip { soil: "SoilZone(soil: SandyLoam, region: Whole, moisture_pct: Some(35))", ..Default::default() }.over_seeds(&nothing);
    let (d, w) = (count_fate(&dry, Fate::PushedDeeper), count_fate(&wet, Fate::PushedDeeper));
    eprintln!("pushed deeper: dry {d}, wet {w}");
    assert!(w > d + d / 2 + 3, "dry {d} wet {w}");
    assert!(neutralised_share(&wet) < neutralised_share(&dry));
}

#[test]
fn harder_ground_loads_the_rotor_more_at_the_same_speed() {
    let speed = 2.5;
    let sand = Strip { soil: "SoilZone(soil: SandyLoam, region: Whole, hardness: Some(1.0))", speed_kmh: speed, ..Default::default() }.over_seeds(&nothing);
    let clay = Strip { soil: "SoilZone(soil: SandyLoam, region: Whole, hardness: Some(1.7))", speed_kmh: speed, ..Default::default() }.over_seeds(&nothing);
    let (a, b) = (count_fault(&sand, FaultKind::RotorStall), count_fault(&clay, FaultKind::RotorStall));
    let cond = |runs: &[(ScoreReport, Mines, MachineState)]| runs.iter().map(|(_, _, m)| m.condition).sum::<f32>() / runs.len() as f32;
    eprintln!("stalls at {speed} km/h: sandy loam {a}, hard {b}; condition {:.1} vs {:.1}", cond(&sand), cond(&clay));
    assert!(b > a + 5, "sand {a} clay {b}");
    assert!(cond(&clay) < cond(&sand));
}

#[test]
fn rocky_ground_stalls_and_wears_a_tiller() {
    let strip = |soil| Strip { machine: "d85ms", soil, speed_kmh: 0.4, required_cm: 20, ..Default::default() };
    let loam = strip("SoilZone(soil: SandyLoam, region: Whole, hardness: Some(1.5))").over_seeds(&nothing);
    let rock = strip("SoilZone(soil: Rocky, region: Whole, hardness: Some(1.5))").over_seeds(&nothing);
    let teeth = |runs: &[(ScoreReport, Mines, MachineState)]| runs.iter().map(|(_, _, m)| m.tool_health.left).sum::<u32>();
    let wear = |runs: &[(ScoreReport, Mines, MachineState)]| runs.iter().map(|(_, _, m)| m.tool_health.wear).sum::<f32>();
    let (a, b) = (count_fault(&loam, FaultKind::RotorStall), count_fault(&rock, FaultKind::RotorStall));
    eprintln!("tiller stalls: loam {a}, rocky {b}; teeth left {} vs {}; wear {:.3} vs {:.3}", teeth(&loam), teeth(&rock), wear(&loam), wear(&rock));
    assert!(b > a, "loam {a} rocky {b}");
    assert!(teeth(&rock) < teeth(&loam));
    assert!(wear(&rock) > 2.0 * wear(&loam));
}

#[test]
fn a_damaged_flail_clears_worse() {
    let whole = Strip::default().over_seeds(&nothing);
    let damaged = Strip::default().over_seeds(&|m: &mut MachineState| m.tool_health.left = 12);
    let (a, b) = (neutralised_share(&whole), neutralised_share(&damaged));
    let cover = |runs: &[(ScoreReport, Mines, MachineState)]| runs.iter().map(|(r, _, _)| r.coverage_fraction).sum::<f32>() / runs.len() as f32;
    eprintln!("neutralised of met: 34 hammers {a:.3}, 12 hammers {b:.3}; coverage to depth {:.3} vs {:.3}", cover(&whole), cover(&damaged));
    assert!(b < a - 0.03, "whole {a} damaged {b}");
    // At the same speed the damaged flail also reaches less deep.
    assert!(cover(&damaged) < cover(&whole));
    for (r, _, _) in &damaged {
        assert!(r.tool_state.contains("of 34 hammers"), "{}", r.tool_state);
    }
}

#[test]
fn a_deeper_margin_below_the_mines_treats_them_better() {
    // At 1.2 km/h the flail reaches about 13 cm: shallow mines lie wholly in the layer, deep
    // ones are only skimmed.
    let shallow = Strip { mines: "MineGroup(kind: ApBlast, amount: Count(40), depth_cm: (1, 3), layout: Scatter)", speed_kmh: 1.2, ..Default::default() }
        .over_seeds(&nothing);
    let deep = Strip { mines: "MineGroup(kind: ApBlast, amount: Count(40), depth_cm: (9, 10), layout: Scatter)", speed_kmh: 1.2, ..Default::default() }
        .over_seeds(&nothing);
    let (a, b) = (neutralised_share(&shallow), neutralised_share(&deep));
    eprintln!("neutralised of met: shallow {a:.3}, deep {b:.3}");
    assert!(a > b + 0.05, "shallow {a} deep {b}");
}

#[test]
fn blasts_at_the_tool_tear_off_hammers() {
    let runs = Strip { mines: "MineGroup(kind: ApBlast, amount: Count(60), depth_cm: (2, 4), layout: Scatter)", ..Default::default() }.over_seeds(&nothing);
    for (r, _, m) in &runs {
        let by_tool = r.fates.get("detonated").copied().unwrap_or(0);
        assert!(by_tool > 10);
        assert!(m.tool_health.left < 34 && m.tool_health.left >= 34u32.saturating_sub(by_tool), "{} detonations, {} hammers left", by_tool, m.tool_health.left);
    }
}

/// The autopilot at nominal technique passes every built-in scenario and works inside its
/// machine's public productivity range: the corrected machines and the built-ins agree.
#[test]
fn the_autopilot_passes_every_built_in_inside_the_machines_range() {
    let names: Vec<&str> = scenario::builtin::SCENARIOS.iter().map(|(n, _)| *n).collect();
    let reports: Vec<(String, ScoreReport)> = std::thread::scope(|s| {
        let handles: Vec<_> = names
            .chunks(names.len().div_ceil(2))
            .map(|chunk| {
                s.spawn(move || {
                    chunk
                        .iter()
                        .map(|name| {
                            let loaded = scenario::load_builtin(name).unwrap().unwrap();
                            let seed = loaded.scenario.seed.unwrap_or(1);
                            let mut app = sim::run_headless(SimSetup { loaded, seed, source: SourceSetup::Autopilot(AutopilotOptions::default()) });
                            (name.to_string(), sim::report(app.world_mut()))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().expect("scenario run")).collect()
    });
    assert_eq!(reports.len(), 10);
    for (name, r) in &reports {
        let (lo, hi) = r.machine_reference_m2_per_h;
        eprintln!(
            "{name}: {:.1} ({}), {:.0} m²/h in {lo:.0}–{hi:.0}, {}",
            r.score,
            if r.passed { "pass" } else { "fail" },
            r.productivity_m2_per_h,
            r.tool_state
        );
        assert!(r.passed, "{name}: the autopilot scored {} against a pass mark of {}", r.score, r.pass_mark);
        // (The boom cutter on the narrow verge works from the road in narrow columns to reach
        // its far corners: about a tenth below its class's figure; see boom.rs.)
        let lo = if *name == "boom_road_verge" { lo * 0.9 } else { lo };
        assert!((lo..=hi).contains(&r.productivity_m2_per_h), "{name}: {} m²/h outside {lo}–{hi}", r.productivity_m2_per_h);
        assert_eq!(r.model, mineclear::clearing::MODEL_VERSION);
    }
}
