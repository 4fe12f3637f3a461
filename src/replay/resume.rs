//! Taking over a recorded session at any moment: the replay's own commands re-simulate it to
//! that tick, exactly, then another driver carries on. The new session keeps the original
//! commands (and who gave them) up to the take-over, so its replay verifies like any other,
//! and its report is compared with the original's from that moment on.

use bevy::prelude::*;

use super::{Replay, ReplayError, limit_ticks};
use crate::lanes::LaneFrame;
use crate::operator::{Autopilot, AutopilotOptions, CommandSource, Provenance};
use crate::scoring::ScoreReport;
use crate::sim::{self, Ground, SimClock, SimSetup, SourceSetup};

/// Who drives after the take-over.
#[derive(Clone, Debug)]
pub enum TakeOver {
    /// The expert autopilot, planning from where the machine stands.
    Autopilot(AutopilotOptions),
    /// The trainee at the controls (the trainer's window), from a standstill: their levers
    /// start where the controls start, so the machine waits for them.
    Trainee,
}

/// Re-simulates `replay` (read from `file`) to `at_tick` from its own commands and hands the
/// machine to `then`; returns the app there, the session running. A take-over past the
/// recording's end, or in a replay from another clearing model, is refused.
pub fn resume_at(replay: &Replay, file: &str, at_tick: u64, then: TakeOver) -> Result<App, ReplayError> {
    let err = |problem: String| ReplayError { file: file.to_string(), problem };
    let loaded = check(replay, file, at_tick)?;
    let prefix = replay.commands[..at_tick as usize].to_vec();
    let mut app = sim::headless_app();
    sim::install_session(app.world_mut(), SimSetup { loaded: loaded.clone(), seed: replay.meta.seed, source: SourceSetup::Script(prefix) });
    sim::step_ticks(&mut app, 0);
    sim::step_ticks(&mut app, at_tick as u32);
    let clock = app.world().resource::<SimClock>();
    if clock.tick != at_tick || clock.ended.is_some() {
        return Err(err(format!("the recording ended before {:.1} s; take over earlier", at_tick as f64 / replay.meta.tick_hz)));
    }
    hand_over(app.world_mut(), &loaded, &replay.meta.provenance, at_tick, then);
    Ok(app)
}

/// The recording's scenario, when it can be taken over at `at_tick`: one recorded under this
/// build's clearing model, and a moment before its end.
pub fn check(replay: &Replay, file: &str, at_tick: u64) -> Result<crate::scenario::LoadedScenario, ReplayError> {
    let err = |problem: String| ReplayError { file: file.to_string(), problem };
    if let Some(other) = replay.other_model(file) {
        return Err(err(other.problem()));
    }
    let loaded = replay.loaded(file)?;
    let last = replay.meta.ticks.min(limit_ticks(loaded.scenario.time_limit_min));
    if at_tick >= last {
        return Err(err(format!(
            "cannot take over at {:.1} s: the recording ends at {:.1} s",
            at_tick as f64 / replay.meta.tick_hz,
            last as f64 / replay.meta.tick_hz
        )));
    }
    Ok(loaded)
}

/// In a session's world stopped at `at_tick` of a recording whose drivers were `recorded`:
/// who gave the commands up to here is who gave them in the recording (not "a script"), and
/// from here `then` drives.
pub fn hand_over(world: &mut World, loaded: &crate::scenario::LoadedScenario, recorded: &Provenance, at_tick: u64, then: TakeOver) {
    let spans = recorded.0.iter().copied().filter(|s| s.from_tick < at_tick).collect();
    world.insert_resource(Provenance(spans));
    let frame = world.resource::<LaneFrame>().clone();
    let plan = |opts| Box::new(Autopilot::plan(&loaded.scenario, &loaded.machine, &world.resource::<Ground>().0, &frame, opts));
    let source = match then {
        TakeOver::Autopilot(opts) => CommandSource::Autopilot(plan(opts)),
        TakeOver::Trainee => CommandSource::Live {
            command: crate::operator::OperatorCommand::default(),
            device: crate::operator::Origin::Keyboard,
            autopilot: plan(AutopilotOptions::default()),
        },
    };
    world.insert_resource(source);
}

/// Runs a resumed session to its end (as `sim::run_headless` does).
pub fn run_to_end(mut app: App) -> App {
    while app.world().resource::<SimClock>().ended.is_none() {
        sim::step_ticks(&mut app, 600);
    }
    app
}

/// The resumed session against the original, from the take-over on.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Comparison {
    pub from_s: f32,
    pub original_score: f32,
    pub new_score: f32,
    pub original_coverage: f32,
    pub new_coverage: f32,
    /// Faults raised after the take-over, in each.
    pub original_faults_after: usize,
    pub new_faults_after: usize,
    pub original_seconds: f32,
    pub new_seconds: f32,
    pub original_passed: bool,
    pub new_passed: bool,
}

impl Comparison {
    pub fn new(from_s: f32, original: &ScoreReport, new: &ScoreReport) -> Comparison {
        let after = |r: &ScoreReport| r.faults.iter().filter(|f| f.t >= from_s).count();
        Comparison {
            from_s,
            original_score: original.score,
            new_score: new.score,
            original_coverage: original.coverage_fraction,
            new_coverage: new.coverage_fraction,
            original_faults_after: after(original),
            new_faults_after: after(new),
            original_seconds: original.sim_seconds,
            new_seconds: new.sim_seconds,
            original_passed: original.passed,
            new_passed: new.passed,
        }
    }

    /// For people, in `lang`: the two sessions side by side.
    pub fn table(&self, lang: crate::text::Lang) -> String {
        use crate::tr;
        let verdict = |passed: bool| tr!(lang, if passed { "resume-passed" } else { "resume-failed" });
        [
            tr!(lang, "resume-heading", from_s = self.from_s),
            tr!(lang, "resume-score", original = self.original_score, new = self.new_score),
            tr!(lang, "resume-coverage", original = self.original_coverage * 100.0, new = self.new_coverage * 100.0),
            tr!(lang, "resume-faults", original = self.original_faults_after as u32, new = self.new_faults_after as u32),
            tr!(lang, "resume-time", original = self.original_seconds, new = self.new_seconds),
            tr!(lang, "resume-verdict", original = verdict(self.original_passed), new = verdict(self.new_passed)),
        ]
        .join("\n")
    }
}
