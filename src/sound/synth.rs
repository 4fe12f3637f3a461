//! The synthesiser: every sound the trainer makes, made in code from `Voices` (the machine's
//! continuous sound) and `Trigger`s (blasts, alarm tones). One mono stream; the parameters
//! glide, so a frame's new values never click. It runs on the audio device's thread in the
//! trainer, and on the simulation's thread when a session is recorded to a WAV file; both
//! get the same samples for the same parameters.

use std::f32::consts::TAU;

use super::alarms::Alarm;
use super::model::{Blast, Voices};

/// Samples per second.
pub const SAMPLE_RATE: u32 = 44_100;
/// Time the parameters take to glide most of the way to a new value, seconds.
const GLIDE_S: f32 = 0.04;
/// The mix's headroom: the loudest machine sits well below full scale.
const HEADROOM: f32 = 0.6;

/// Something heard once: a blast, or one of the alarms' tones.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Trigger {
    /// A blast as heard here; `lowpass_hz` is what the walls or the air leave of it.
    Blast { blast: Blast, lowpass_hz: f32 },
    /// An alarm's tone pattern, at this level (the alarm's own, before the alarms volume).
    Alarm { alarm: Alarm, gain: f32 },
}

/// The listener's volumes: everything, the machine and the world (engine, tool, blasts), the
/// alarms; and mute.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mix {
    pub master: f32,
    pub machine: f32,
    pub alarms: f32,
    pub mute: bool,
}

impl Default for Mix {
    fn default() -> Self {
        Mix { master: 0.8, machine: 1.0, alarms: 1.0, mute: false }
    }
}

/// A one-pole low-pass filter.
#[derive(Clone, Copy, Debug, Default)]
struct OnePole {
    y: f32,
}

impl OnePole {
    fn coefficient(cutoff_hz: f32, sr: f32) -> f32 {
        1.0 - (-TAU * cutoff_hz.clamp(5.0, sr * 0.45) / sr).exp()
    }

    fn run(&mut self, x: f32, a: f32) -> f32 {
        self.y += a * (x - self.y);
        self.y
    }
}

/// A blast being heard: waiting for its sound to arrive, then ringing out.
#[derive(Clone, Copy, Debug)]
struct BlastVoice {
    blast: Blast,
    lowpass: f32,
    /// Samples until it arrives (then negative: samples since).
    wait: i64,
    rumble: OnePole,
    out: [OnePole; 2],
    phase: f32,
}

/// An alarm's tone pattern being played.
#[derive(Clone, Copy, Debug)]
struct AlarmVoice {
    alarm: Alarm,
    tones: &'static [(f32, f32)],
    gain: f32,
    /// Samples into the pattern.
    at: u64,
    phase: f32,
}

/// The synthesiser's state.
pub struct Synth {
    sr: f32,
    target: Voices,
    now: Voices,
    mix: Mix,
    glide: f32,
    seed: u32,
    engine_phase: f32,
    engine_wobble: f32,
    rotor_phase: f32,
    rotor_noise: OnePole,
    strike_wait: f32,
    strike_env: f32,
    strike_phase: f32,
    strike_noise: OnePole,
    gear_wait: f32,
    gear_env: f32,
    gear_noise: OnePole,
    tyre_noise: OnePole,
    hydraulics_phase: f32,
    wind: OnePole,
    gust: OnePole,
    listener: [OnePole; 2],
    lowpass_a: f32,
    blasts: Vec<BlastVoice>,
    alarms: Vec<AlarmVoice>,
    /// Samples since the last coefficient update.
    since_update: u32,
}

impl Synth {
    pub fn new(sample_rate: u32) -> Synth {
        let sr = sample_rate as f32;
        Synth {
            sr,
            target: Voices::default(),
            now: Voices::default(),
            mix: Mix::default(),
            glide: 1.0 - (-1.0 / (GLIDE_S * sr)).exp(),
            seed: 0x9E37_79B9,
            engine_phase: 0.0,
            engine_wobble: 0.0,
            rotor_phase: 0.0,
            rotor_noise: OnePole::default(),
            strike_wait: 0.0,
            strike_env: 0.0,
            strike_phase: 0.0,
            strike_noise: OnePole::default(),
            gear_wait: 0.0,
            gear_env: 0.0,
            gear_noise: OnePole::default(),
            tyre_noise: OnePole::default(),
            hydraulics_phase: 0.0,
            wind: OnePole::default(),
            gust: OnePole::default(),
            listener: [OnePole::default(); 2],
            lowpass_a: 1.0,
            blasts: Vec::new(),
            alarms: Vec::new(),
            since_update: u32::MAX,
        }
    }

    pub fn sample_rate(&self) -> u32 {
        self.sr as u32
    }

    /// The machine's sound to glide to.
    pub fn set_voices(&mut self, v: Voices) {
        self.target = v;
    }

    pub fn set_mix(&mut self, mix: Mix) {
        self.mix = mix;
    }

    /// Starts a blast or an alarm tone.
    pub fn trigger(&mut self, t: Trigger) {
        match t {
            Trigger::Blast { blast, lowpass_hz } => {
                // Very many at once (a chain of sympathetic detonations) are heard as the loudest few.
                if self.blasts.len() >= 8 {
                    self.blasts.remove(0);
                }
                self.blasts.push(BlastVoice {
                    blast,
                    lowpass: OnePole::coefficient(lowpass_hz, self.sr),
                    wait: (blast.delay_s * self.sr) as i64,
                    rumble: OnePole::default(),
                    out: [OnePole::default(); 2],
                    phase: 0.0,
                });
            }
            Trigger::Alarm { alarm, gain } => {
                // The same alarm does not play over itself.
                self.alarms.retain(|a| a.alarm != alarm);
                self.alarms.push(AlarmVoice { alarm, tones: alarm.tones(), gain, at: 0, phase: 0.0 });
            }
        }
    }

    /// White noise in -1..1 (xorshift: fast, and the same stream on every machine).
    fn noise(&mut self) -> f32 {
        let mut x = self.seed;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        self.seed = x;
        (x as f32 / u32::MAX as f32) * 2.0 - 1.0
    }

    fn random01(&mut self) -> f32 {
        self.noise() * 0.5 + 0.5
    }

    /// Fills `out` with the next samples.
    pub fn render(&mut self, out: &mut [f32]) {
        for s in out {
            *s = self.next_sample();
        }
    }

    pub fn next_sample(&mut self) -> f32 {
        let sr = self.sr;
        // Glide every parameter towards its target.
        let g = self.glide;
        let (t, n) = (self.target, &mut self.now);
        for (now, target) in [
            (&mut n.engine_hz, t.engine_hz),
            (&mut n.engine_gain, t.engine_gain),
            (&mut n.engine_rough, t.engine_rough),
            (&mut n.rotor_hz, t.rotor_hz),
            (&mut n.rotor_gain, t.rotor_gain),
            (&mut n.strike_hz, t.strike_hz),
            (&mut n.strike_weight, t.strike_weight),
            (&mut n.strike_gain, t.strike_gain),
            (&mut n.gear_hz, t.gear_hz),
            (&mut n.gear_gain, t.gear_gain),
            (&mut n.hydraulics_gain, t.hydraulics_gain),
            (&mut n.wind_gain, t.wind_gain),
            (&mut n.lowpass_hz, t.lowpass_hz),
            (&mut n.distance_gain, t.distance_gain),
        ] {
            *now += g * (target - *now);
        }
        n.tracks = t.tracks;
        let v = self.now;
        self.since_update = self.since_update.saturating_add(1);
        if self.since_update >= 64 {
            self.since_update = 0;
            self.lowpass_a = OnePole::coefficient(v.lowpass_hz.max(200.0), sr);
        }

        // Engine: the firing note and its harmonics, a half-order from uneven cylinders, and
        // combustion noise in pulses; a labouring engine wobbles.
        let mut machine = 0.0;
        if v.engine_gain > 1e-4 && v.engine_hz > 1.0 {
            let step = TAU * v.engine_hz / sr;
            self.engine_phase += step * (1.0 + self.engine_wobble);
            if self.engine_phase >= 2.0 * TAU {
                self.engine_phase -= 2.0 * TAU;
                // Each pair of firings a new small irregularity: more when labouring.
                self.engine_wobble = self.noise() * (0.01 + 0.08 * v.engine_rough);
            }
            let p = self.engine_phase;
            let pulse = (0.5 + 0.5 * p.cos()).powi(4);
            let tone = p.sin() * 0.5 + (2.0 * p).sin() * 0.28 + (3.0 * p).sin() * 0.14 + (0.5 * p).sin() * (0.2 + 0.2 * v.engine_rough);
            machine += v.engine_gain * (tone * 0.7 + self.noise() * pulse * (0.25 + 0.35 * v.engine_rough));
        }

        // Rotor: the air the chains or the drum push round, in a whoosh each half turn.
        if v.rotor_gain > 1e-4 {
            self.rotor_phase = (self.rotor_phase + TAU * v.rotor_hz * 2.0 / sr) % TAU;
            let swell = 0.55 + 0.45 * self.rotor_phase.sin();
            let nz = self.noise();
            let a = OnePole::coefficient(300.0 + 25.0 * v.rotor_hz, sr);
            let air = self.rotor_noise.run(nz, a);
            machine += v.rotor_gain * swell * air * 1.6;
        }

        // Blows: each hammer or tooth striking the ground, at the strike rate, heavier blows
        // lower and longer.
        let decay_s = 0.004 + 0.016 * v.strike_weight;
        if v.strike_gain > 1e-4 && v.strike_hz > 0.5 {
            self.strike_wait -= 1.0;
            if self.strike_wait <= 0.0 {
                let r = self.random01();
                self.strike_wait += sr / v.strike_hz * (0.5 + r);
                // Blows that overlap add up as noise does (by the square root of how many
                // sound at once): the level is the blows' gain, the rate their texture.
                let overlap = (v.strike_hz * decay_s).max(1.0);
                self.strike_env += (0.6 + 0.4 * self.random01()) / overlap.sqrt();
            }
        }
        self.strike_env *= (-1.0 / (decay_s * sr)).exp();
        if self.strike_env > 1e-5 {
            let body_hz = 150.0 - 80.0 * v.strike_weight;
            self.strike_phase = (self.strike_phase + TAU * body_hz / sr) % TAU;
            let nz = self.noise();
            let a = OnePole::coefficient(2_500.0 - 1_800.0 * v.strike_weight, sr);
            let grit = self.strike_noise.run(nz, a);
            machine += v.strike_gain * self.strike_env * (grit * 1.2 + self.strike_phase.sin() * 0.6 * v.strike_weight);
        }

        // Running gear: track links clicking over the sprockets, or tyres' hiss.
        if v.gear_gain > 1e-4 {
            if v.tracks && v.gear_hz > 0.2 {
                self.gear_wait -= 1.0;
                if self.gear_wait <= 0.0 {
                    let r = self.random01();
                    self.gear_wait += sr / v.gear_hz * (0.8 + 0.4 * r);
                    self.gear_env = 1.0;
                }
                self.gear_env *= (-1.0 / (0.003 * sr)).exp();
                let nz = self.noise();
                let low = self.gear_noise.run(nz, OnePole::coefficient(1_200.0, sr));
                machine += v.gear_gain * self.gear_env * (nz - low);
            } else if !v.tracks {
                let nz = self.noise();
                machine += v.gear_gain * self.tyre_noise.run(nz, OnePole::coefficient(500.0, sr)) * 2.0;
            }
        }

        // The boom's hydraulics: a pump's whine while it moves.
        if v.hydraulics_gain > 1e-4 {
            self.hydraulics_phase = (self.hydraulics_phase + TAU * 430.0 / sr) % TAU;
            let p = self.hydraulics_phase;
            machine += v.hydraulics_gain * (p.sin() * 0.6 + (2.0 * p).sin() * 0.2);
        }

        // The listener: the cab's walls or the air between take the highs; distance the level.
        let a = self.lowpass_a;
        let first = self.listener[0].run(machine, a);
        let heard = self.listener[1].run(first, a) * v.distance_gain;

        // Wind at an open post, in slow gusts.
        let mut world = 0.0;
        if v.wind_gain > 1e-4 {
            let gust_noise = self.noise();
            let gust = 0.6 + 2.5 * self.gust.run(gust_noise, OnePole::coefficient(0.3, sr)).abs();
            let nz = self.noise();
            world += v.wind_gain * gust * self.wind.run(nz, OnePole::coefficient(250.0, sr)) * 3.0;
        }
        world += self.blasts_sample();
        let alarms = self.alarms_sample();

        if self.mix.mute {
            return 0.0;
        }
        let x = self.mix.master * HEADROOM * ((heard + world) * self.mix.machine + alarms * self.mix.alarms);
        soft_clip(x)
    }

    fn blasts_sample(&mut self) -> f32 {
        let sr = self.sr;
        let mut sum = 0.0;
        let mut k = 0;
        while k < self.blasts.len() {
            let mut b = self.blasts[k];
            b.wait -= 1;
            if b.wait > 0 {
                self.blasts[k] = b;
                k += 1;
                continue;
            }
            let t = (-b.wait) as f32 / sr;
            if t > b.blast.length_s {
                self.blasts.remove(k);
                continue;
            }
            let w = b.blast.weight;
            // A crack, a falling boom, and the rumble of earth thrown up and coming down.
            let crack = (-t / 0.004).exp() * (1.0 - 0.6 * w);
            let boom_hz = (70.0 - 30.0 * w) * (1.0 - 0.4 * (t / b.blast.length_s).min(1.0));
            b.phase = (b.phase + TAU * boom_hz / sr) % TAU;
            let boom = b.phase.sin() * (-t / (0.12 + 0.3 * w)).exp();
            let nz = self.noise();
            let rumble = b.rumble.run(nz, OnePole::coefficient(180.0, sr)) * (-t / (b.blast.length_s * 0.35)).exp() * 4.0;
            let raw = nz * crack + boom * 1.4 + rumble;
            let first = b.out[0].run(raw, b.lowpass);
            let out = b.out[1].run(first, b.lowpass);
            sum += out * b.blast.gain * 2.0;
            self.blasts[k] = b;
            k += 1;
        }
        sum
    }

    fn alarms_sample(&mut self) -> f32 {
        let sr = self.sr;
        let mut sum = 0.0;
        self.alarms.retain_mut(|a| {
            let t = a.at as f32 / sr;
            a.at += 1;
            let mut start = 0.0;
            for &(hz, len) in a.tones {
                if t < start + len {
                    if hz <= 0.0 {
                        return true;
                    }
                    // 5 ms in and out, so a tone never clicks.
                    let edge = ((t - start) / 0.005).min((start + len - t) / 0.005).clamp(0.0, 1.0);
                    a.phase = (a.phase + TAU * hz / sr) % TAU;
                    sum += a.gain * edge * (a.phase.sin() + (3.0 * a.phase).sin() * 0.25);
                    return true;
                }
                start += len;
            }
            false
        });
        sum
    }
}

/// Keeps the mix within full scale without a hard edge.
fn soft_clip(x: f32) -> f32 {
    let x = x.clamp(-3.0, 3.0);
    x * (27.0 + x * x) / (27.0 + 9.0 * x * x)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rms(x: &[f32]) -> f32 {
        (x.iter().map(|v| v * v).sum::<f32>() / x.len().max(1) as f32).sqrt()
    }

    fn voices(engine_gain: f32) -> Voices {
        Voices { engine_hz: 100.0, engine_gain, lowpass_hz: 16_000.0, distance_gain: 1.0, ..Default::default() }
    }

    #[test]
    fn louder_voices_louder_output_and_mute_is_silent() {
        let mut out = vec![0.0; SAMPLE_RATE as usize / 2];
        let mut s = Synth::new(SAMPLE_RATE);
        s.set_voices(voices(0.2));
        s.render(&mut out);
        let quiet = rms(&out[out.len() / 2..]);
        s.set_voices(voices(0.8));
        s.render(&mut out);
        let loud = rms(&out[out.len() / 2..]);
        assert!(loud > quiet * 2.5, "{quiet} → {loud}");
        assert!(out.iter().all(|v| v.abs() <= 1.0));
        s.set_mix(Mix { mute: true, ..Mix::default() });
        s.render(&mut out);
        assert_eq!(rms(&out), 0.0);
    }

    #[test]
    fn a_blast_arrives_after_its_delay() {
        let mut s = Synth::new(SAMPLE_RATE);
        let blast = super::super::model::blast(7.5, 34.3);
        s.trigger(Trigger::Blast { blast, lowpass_hz: 8_000.0 });
        let mut out = vec![0.0; SAMPLE_RATE as usize];
        s.render(&mut out);
        let first = out.iter().position(|v| v.abs() > 1e-3).expect("heard");
        let at_s = first as f32 / SAMPLE_RATE as f32;
        assert!((at_s - 0.1).abs() < 0.005, "arrived at {at_s} s");
    }

    #[test]
    fn the_same_parameters_make_the_same_samples() {
        let run = || {
            let mut s = Synth::new(SAMPLE_RATE);
            s.set_voices(Voices { strike_hz: 300.0, strike_gain: 0.5, strike_weight: 0.5, rotor_hz: 10.0, rotor_gain: 0.3, ..voices(0.5) });
            s.trigger(Trigger::Alarm { alarm: Alarm::TooFast, gain: 0.5 });
            let mut out = vec![0.0; 10_000];
            s.render(&mut out);
            out
        };
        assert_eq!(run(), run());
    }
}
