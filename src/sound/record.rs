//! The sound of a session written to a WAV file (`mineclear run --record-audio FILE.wav`): the
//! same director and synthesiser as the trainer's, driven tick by tick on the simulation's
//! thread instead of the audio device's, so what is written is what the trainee would hear,
//! sample for sample the same on every run. Instructors use it to check a scenario's sound;
//! the tests use it to check that the sound follows the machine's load.

use std::path::Path;

use bevy::prelude::*;

use super::director::{Director, Listen};
use super::synth::{Mix, SAMPLE_RATE, Synth};
use crate::sim::{self, SimClock, SimSetup, TICK_HZ};

/// Samples the synthesiser makes per simulation tick.
pub const SAMPLES_PER_TICK: usize = (SAMPLE_RATE as f64 / TICK_HZ) as usize;

/// A recording under way.
pub struct Recorder {
    director: Director,
    synth: Synth,
    listen: Listen,
    samples: Vec<f32>,
}

impl Recorder {
    pub fn new(listen: Listen, mix: Mix) -> Recorder {
        let mut synth = Synth::new(SAMPLE_RATE);
        synth.set_mix(mix);
        Recorder { director: Director::default(), synth, listen, samples: Vec::new() }
    }

    /// After each tick: what is heard now, for one tick's worth of samples.
    pub fn after_tick(&mut self, world: &World) {
        let heard = self.director.hear(world, self.listen).unwrap_or_default();
        self.synth.set_voices(heard.voices);
        for t in heard.triggers {
            self.synth.trigger(t);
        }
        let at = self.samples.len();
        self.samples.resize(at + SAMPLES_PER_TICK, 0.0);
        self.synth.render(&mut self.samples[at..]);
    }

    pub fn samples(&self) -> &[f32] {
        &self.samples
    }

    pub fn seconds(&self) -> f32 {
        self.samples.len() as f32 / SAMPLE_RATE as f32
    }

    /// Writes the recording as a 16-bit mono WAV file (through a temporary file, so a failure
    /// never leaves half a file).
    pub fn write_wav(&self, path: &Path) -> Result<(), String> {
        let spec = hound::WavSpec { channels: 1, sample_rate: SAMPLE_RATE, bits_per_sample: 16, sample_format: hound::SampleFormat::Int };
        let tmp = path.with_extension("wav.tmp");
        let written = (|| -> Result<(), hound::Error> {
            let mut w = hound::WavWriter::create(&tmp, spec)?;
            for &s in &self.samples {
                w.write_sample((s.clamp(-1.0, 1.0) * i16::MAX as f32) as i16)?;
            }
            w.finalize()
        })();
        written.map_err(|e| e.to_string()).and_then(|()| std::fs::rename(&tmp, path).map_err(|e| e.to_string())).map_err(|e| {
            std::fs::remove_file(&tmp).ok();
            format!("{}: {e}", path.display())
        })
    }
}

/// Runs a session headless, recording its sound from `listen`, to its end or for `max_s`
/// seconds; returns the app (for the report) and the recording.
pub fn record_session(setup: SimSetup, listen: Listen, mix: Mix, max_s: Option<f32>) -> (App, Recorder) {
    let mut rec = Recorder::new(listen, mix);
    let mut app = sim::headless_app();
    sim::install_session(app.world_mut(), setup);
    sim::step_ticks(&mut app, 0);
    let limit = max_s.map_or(u64::MAX, |s| (s as f64 * TICK_HZ) as u64);
    loop {
        let clock = app.world().resource::<SimClock>();
        if clock.ended.is_some() || clock.tick >= limit {
            break;
        }
        sim::step_ticks(&mut app, 1);
        rec.after_tick(app.world());
    }
    (app, rec)
}

/// The recording's loudness over time: RMS of each `window_s` stretch.
pub fn envelope(samples: &[f32], window_s: f32) -> Vec<f32> {
    let n = ((window_s * SAMPLE_RATE as f32) as usize).max(1);
    samples.chunks(n).filter(|c| c.len() == n).map(|c| (c.iter().map(|s| s * s).sum::<f32>() / n as f32).sqrt()).collect()
}
