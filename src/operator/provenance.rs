//! Who produced a session's commands: the trainee's own hands (keyboard or gamepad), the
//! autopilot, or a script, and from which tick each took over. Kept with every replay and
//! stored attempt, so the record shows what the trainee did and not what the autopilot did.

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

/// Where one tick's command came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// The trainee at the keyboard.
    Keyboard,
    /// The trainee with a gamepad.
    Gamepad,
    /// The expert autopilot.
    Autopilot,
    /// A fixed list of commands (a test, a tool, a re-simulated replay).
    Script,
}

impl Origin {
    /// Whether the trainee's own hands produced the command.
    pub fn is_live(self) -> bool {
        matches!(self, Origin::Keyboard | Origin::Gamepad)
    }

    pub fn key(self) -> &'static str {
        match self {
            Origin::Keyboard => "keyboard",
            Origin::Gamepad => "gamepad",
            Origin::Autopilot => "autopilot",
            Origin::Script => "script",
        }
    }
}

/// From `from_tick` on (until the next span), the commands came from `origin`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OriginSpan {
    pub from_tick: u64,
    pub origin: Origin,
}

/// Who drove a whole session, in one word: what the record counts it as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DrivenBy {
    /// Every command from the trainee's own controls: the only kind that counts as an attempt.
    Trainee,
    /// Every command from the autopilot: a demonstration.
    Autopilot,
    /// Every command from a script.
    Script,
    /// The trainee drove part of it and the autopilot or a script the rest.
    Mixed,
    /// Recorded before mineclear kept who drove (replay formats 1 and 2, progress schema 2).
    Unknown,
}

impl DrivenBy {
    pub fn key(self) -> &'static str {
        match self {
            DrivenBy::Trainee => "trainee",
            DrivenBy::Autopilot => "autopilot",
            DrivenBy::Script => "script",
            DrivenBy::Mixed => "mixed",
            DrivenBy::Unknown => "unknown",
        }
    }

    pub fn from_key(key: &str) -> DrivenBy {
        match key {
            "trainee" => DrivenBy::Trainee,
            "autopilot" => DrivenBy::Autopilot,
            "script" => DrivenBy::Script,
            "mixed" => DrivenBy::Mixed,
            _ => DrivenBy::Unknown,
        }
    }

    /// Whether a session driven so counts as the trainee's attempt.
    pub fn counts_as_attempt(self) -> bool {
        self == DrivenBy::Trainee
    }

    /// What the record calls a session driven so, for people.
    pub fn describe(self) -> &'static str {
        match self {
            DrivenBy::Trainee => "the trainee drove",
            DrivenBy::Autopilot => "the autopilot drove",
            DrivenBy::Script => "a script drove",
            DrivenBy::Mixed => "the autopilot drove part of it",
            DrivenBy::Unknown => "who drove was not recorded",
        }
    }
}

/// The session's command origins as spans in tick order (the first at tick 0). Empty for a
/// recording made before provenance was kept.
#[derive(Resource, Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Provenance(pub Vec<OriginSpan>);

/// Present while a session runs at an exam seat (the trainer puts it there): its replay and
/// stored attempt say so.
#[derive(Resource, Clone, Copy, Debug, Default)]
pub struct ExamSession;

/// Most spans a recording may hold (a trainee switching devices or the autopilot every second
/// of a ten-hour session stays well under it).
pub const MAX_SPANS: usize = 100_000;

impl Provenance {
    /// Notes that `tick`'s command came from `origin` (a new span only when it changed).
    pub fn note(&mut self, tick: u64, origin: Origin) {
        if self.0.last().is_none_or(|s| s.origin != origin) {
            self.0.push(OriginSpan { from_tick: tick, origin });
        }
    }

    pub fn driven_by(&self) -> DrivenBy {
        let live = self.0.iter().any(|s| s.origin.is_live());
        let auto = self.0.iter().any(|s| s.origin == Origin::Autopilot);
        let script = self.0.iter().any(|s| s.origin == Origin::Script);
        match (live, auto, script) {
            (false, false, false) => DrivenBy::Unknown,
            (true, false, false) => DrivenBy::Trainee,
            (true, _, _) => DrivenBy::Mixed,
            (false, true, false) => DrivenBy::Autopilot,
            (false, false, true) => DrivenBy::Script,
            // Autopilot and script with no trainee at all: nobody's attempt either way.
            (false, true, true) => DrivenBy::Script,
        }
    }

    /// Ticks each origin drove, out of `ticks` in all.
    pub fn ticks_by(&self, ticks: u64) -> Vec<(Origin, u64)> {
        let mut out: Vec<(Origin, u64)> = Vec::new();
        for (i, s) in self.0.iter().enumerate() {
            let end = self.0.get(i + 1).map_or(ticks, |n| n.from_tick).min(ticks);
            let n = end.saturating_sub(s.from_tick);
            match out.iter_mut().find(|(o, _)| *o == s.origin) {
                Some((_, t)) => *t += n,
                None => out.push((s.origin, n)),
            }
        }
        out
    }

    /// For people: "keyboard 0–612 s, autopilot 612–900 s".
    pub fn describe(&self, ticks: u64, tick_hz: f64) -> String {
        if self.0.is_empty() {
            return "not recorded".into();
        }
        let s = |t: u64| format!("{:.0}", t as f64 / tick_hz);
        self.0
            .iter()
            .enumerate()
            .map(|(i, sp)| {
                let end = self.0.get(i + 1).map_or(ticks, |n| n.from_tick);
                format!("{} {}–{} s", sp.origin.key(), s(sp.from_tick), s(end))
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Whether the commands fit who the record says drove: the trainer's own controls only ever
    /// produce levers and sticks at `OperatorCommand::LIVE_STEP` resolution, so a stretch said
    /// to be the trainee's whose levers are finer than that came from a program (an autopilot
    /// run relabelled, say). `None` when they fit; else what does not.
    pub fn mismatch(&self, commands: &[super::OperatorCommand], tick_hz: f64) -> Option<String> {
        let step = super::OperatorCommand::LIVE_STEP;
        let live = |v: i16| v as i32 % step == 0 || v.unsigned_abs() == 32767;
        for (i, s) in self.0.iter().enumerate().filter(|(_, s)| s.origin.is_live()) {
            let end = self.0.get(i + 1).map_or(commands.len() as u64, |n| n.from_tick).min(commands.len() as u64);
            let off = (s.from_tick..end).find(|&t| {
                let c = &commands[t as usize];
                !(live(c.left_track) && live(c.right_track) && live(c.slew) && live(c.reach))
            });
            if let Some(t) = off {
                return Some(format!(
                    "it says the trainee's {} drove from {:.1} s, but the command at {:.2} s is finer than the trainer's controls can give: the commands came from a program",
                    s.origin.key(),
                    s.from_tick as f64 / tick_hz,
                    t as f64 / tick_hz
                ));
            }
        }
        None
    }

    /// What is wrong with spans read from a file, if anything: in order, the first at tick 0,
    /// none past the end, not too many.
    pub fn problem(&self, ticks: u64) -> Option<String> {
        if self.0.len() > MAX_SPANS {
            return Some(format!("{} driver changes; at most {MAX_SPANS} are allowed", self.0.len()));
        }
        if let Some(first) = self.0.first()
            && first.from_tick != 0
        {
            return Some(format!("who drove is recorded from tick {} on, not from the start", first.from_tick));
        }
        for w in self.0.windows(2) {
            if w[1].from_tick <= w[0].from_tick || w[1].origin == w[0].origin {
                return Some(format!("who drove is out of order at tick {}", w[1].from_tick));
            }
        }
        if let Some(last) = self.0.last()
            && last.from_tick > ticks
        {
            return Some(format!("who drove is recorded at tick {} of a session of {ticks} ticks", last.from_tick));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_and_what_they_count_as() {
        let mut p = Provenance::default();
        assert_eq!(p.driven_by(), DrivenBy::Unknown);
        for t in 0..100 {
            p.note(t, if t < 40 { Origin::Keyboard } else { Origin::Gamepad });
        }
        assert_eq!(p.0.len(), 2);
        assert_eq!(p.driven_by(), DrivenBy::Trainee);
        p.note(100, Origin::Autopilot);
        assert_eq!(p.driven_by(), DrivenBy::Mixed);
        assert!(!p.driven_by().counts_as_attempt());
        assert_eq!(p.ticks_by(160), vec![(Origin::Keyboard, 40), (Origin::Gamepad, 60), (Origin::Autopilot, 60)]);
        assert_eq!(p.describe(180, 60.0), "keyboard 0–1 s, gamepad 1–2 s, autopilot 2–3 s");
        assert_eq!(p.problem(160), None);
        assert!(p.problem(50).is_some(), "a span past the end");
        let auto = Provenance(vec![OriginSpan { from_tick: 0, origin: Origin::Autopilot }]);
        assert_eq!(auto.driven_by(), DrivenBy::Autopilot);
        let late = Provenance(vec![OriginSpan { from_tick: 5, origin: Origin::Keyboard }]);
        assert!(late.problem(10).unwrap().contains("not from the start"));
        for d in [DrivenBy::Trainee, DrivenBy::Autopilot, DrivenBy::Script, DrivenBy::Mixed, DrivenBy::Unknown] {
            assert_eq!(DrivenBy::from_key(d.key()), d);
        }
    }
}
