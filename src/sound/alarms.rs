//! The machine's alarms: a tone pattern for each condition the HUD warns of, each at its own
//! level, debounced (a condition must last a moment before it sounds, and a flicker does not
//! restart it) and repeated while the condition lasts.

use crate::scoring::live::Warning;

/// One of the alarms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Alarm {
    /// Tracks or tyres on unprocessed ground: the most urgent, three fast high beeps.
    Unprocessed,
    /// Too fast for the depth: a falling two-tone.
    TooFast,
    /// The rotor near its stall: low pulses.
    Overload,
    /// A remote machine inside the stand-off: a warble.
    Standoff,
    /// A malfunction (the rotor stalled): one long low tone.
    Malfunction,
    /// The boom blocked or the machine leaving the worksite: a soft chime.
    Caution,
}

impl Alarm {
    pub const ALL: [Alarm; 6] = [Alarm::Unprocessed, Alarm::TooFast, Alarm::Overload, Alarm::Standoff, Alarm::Malfunction, Alarm::Caution];

    /// The alarm a warning sounds.
    pub fn of(w: &Warning) -> Alarm {
        match w {
            Warning::TracksOnUnprocessed => Alarm::Unprocessed,
            Warning::TooFast { .. } => Alarm::TooFast,
            Warning::RotorOverloaded { .. } => Alarm::Overload,
            Warning::Standoff { .. } => Alarm::Standoff,
            Warning::RotorStalled => Alarm::Malfunction,
            Warning::BoomBlocked | Warning::LeavingWorksite => Alarm::Caution,
        }
    }

    /// Its tones: (frequency Hz, seconds); a frequency of 0 is a pause.
    pub fn tones(self) -> &'static [(f32, f32)] {
        match self {
            Alarm::Unprocessed => &[(1_760.0, 0.08), (0.0, 0.05), (1_760.0, 0.08), (0.0, 0.05), (1_760.0, 0.08)],
            Alarm::TooFast => &[(988.0, 0.16), (740.0, 0.22)],
            Alarm::Overload => &[(440.0, 0.12), (0.0, 0.08), (440.0, 0.12)],
            Alarm::Standoff => &[(1_200.0, 0.07), (1_500.0, 0.07), (1_200.0, 0.07), (1_500.0, 0.07), (1_200.0, 0.07), (1_500.0, 0.07)],
            Alarm::Malfunction => &[(330.0, 0.7)],
            Alarm::Caution => &[(1_320.0, 0.09), (0.0, 0.04), (880.0, 0.2)],
        }
    }

    /// Its own level (before the alarms volume): the most urgent loudest.
    pub fn gain(self) -> f32 {
        match self {
            Alarm::Unprocessed => 0.55,
            Alarm::Standoff => 0.5,
            Alarm::Malfunction => 0.45,
            Alarm::TooFast => 0.4,
            Alarm::Overload => 0.4,
            Alarm::Caution => 0.3,
        }
    }

    /// Seconds between repeats while the condition lasts.
    pub fn repeat_s(self) -> f32 {
        match self {
            Alarm::Unprocessed | Alarm::Standoff => 1.0,
            Alarm::Overload => 1.5,
            Alarm::TooFast => 2.5,
            Alarm::Malfunction | Alarm::Caution => 3.0,
        }
    }
}

/// A condition must hold this long before its alarm sounds, seconds.
pub const DEBOUNCE_S: f32 = 0.3;
/// And be gone this long before it counts as over (a flicker does not restart it), seconds.
pub const RELEASE_S: f32 = 1.0;

/// Per alarm: since when its condition holds, when it last sounded, when it was last seen.
#[derive(Clone, Copy, Debug, Default)]
struct State {
    since: Option<f32>,
    sounded: Option<f32>,
    seen: f32,
}

/// Which alarms to sound now, from the conditions that hold.
#[derive(Clone, Debug, Default)]
pub struct Alarms {
    states: [State; 6],
}

impl Alarms {
    /// The alarms to sound at `now_s` (seconds of session time), given the alarms whose
    /// conditions hold now.
    pub fn update(&mut self, now_s: f32, holding: &[Alarm]) -> Vec<Alarm> {
        let mut sound = Vec::new();
        for (k, alarm) in Alarm::ALL.into_iter().enumerate() {
            let st = &mut self.states[k];
            if holding.contains(&alarm) {
                st.seen = now_s;
                let since = *st.since.get_or_insert(now_s);
                let due = match st.sounded {
                    None => now_s - since >= DEBOUNCE_S,
                    Some(t) => now_s - t >= alarm.repeat_s(),
                };
                if due {
                    st.sounded = Some(now_s);
                    sound.push(alarm);
                }
            } else if st.since.is_some() && now_s - st.seen >= RELEASE_S {
                *st = State::default();
            }
        }
        sound
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `holding(t)` at 60 Hz for `secs`; returns when each alarm sounded.
    fn run(secs: f32, holding: impl Fn(f32) -> Vec<Alarm>) -> Vec<(f32, Alarm)> {
        let mut alarms = Alarms::default();
        let mut out = Vec::new();
        for i in 0..(secs * 60.0) as u32 {
            let t = i as f32 / 60.0;
            out.extend(alarms.update(t, &holding(t)).into_iter().map(|a| (t, a)));
        }
        out
    }

    #[test]
    fn a_flicker_does_not_sound() {
        // On for 0.2 s every 2 s: never long enough.
        assert!(run(10.0, |t| if t % 2.0 < 0.2 { vec![Alarm::TooFast] } else { vec![] }).is_empty());
    }

    #[test]
    fn a_held_condition_sounds_after_the_debounce_and_repeats() {
        let heard = run(6.05, |_| vec![Alarm::Unprocessed, Alarm::TooFast]);
        let at = |a: Alarm| heard.iter().filter(|h| h.1 == a).map(|h| h.0).collect::<Vec<f32>>();
        let unprocessed = at(Alarm::Unprocessed);
        assert!((unprocessed[0] - DEBOUNCE_S).abs() < 0.02, "{unprocessed:?}");
        assert_eq!(unprocessed.len(), 6, "every second: {unprocessed:?}");
        assert_eq!(at(Alarm::TooFast).len(), 3, "every 2.5 s: {:?}", at(Alarm::TooFast));
    }

    #[test]
    fn a_short_gap_does_not_restart_it_but_a_long_one_does() {
        // Held, a 0.5 s gap, held again: back at once (no new debounce), at its own pace.
        let heard = run(3.0, |t| if (1.0..1.5).contains(&t) { vec![] } else { vec![Alarm::Standoff] });
        let times: Vec<f32> = heard.iter().map(|h| h.0).collect();
        assert!(times.len() == 3 && (times[1] - 1.5).abs() < 0.02 && (times[2] - 2.5).abs() < 0.03, "{times:?}");
        // A 2 s gap: over; it sounds again after the debounce.
        let heard = run(5.0, |t| if (1.0..3.0).contains(&t) { vec![] } else { vec![Alarm::Standoff] });
        let times: Vec<f32> = heard.iter().map(|h| h.0).collect();
        assert!(times.iter().any(|&t| (t - 3.0 - DEBOUNCE_S).abs() < 0.02), "{times:?}");
    }

    #[test]
    fn each_alarm_has_its_own_level_and_tones() {
        for a in Alarm::ALL {
            assert!(a.gain() > 0.0 && a.gain() <= 0.6 && !a.tones().is_empty());
        }
        assert!(Alarm::Unprocessed.gain() > Alarm::Caution.gain());
    }
}
