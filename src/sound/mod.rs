//! Sound: the machine heard as an operator hears it. The engine's note falls and roughens as
//! the load rises, the rotor and the blows of its hammers or teeth follow its speed and the
//! soil, the tracks clatter with ground speed, blasts arrive late with distance, and the
//! machine's alarms sound its warnings. Everything is synthesised in code (`synth`) from the
//! simulation's state (`director`, through `model` and `alarms`); nothing is recorded.
//!
//! The trainer plays it through `bevy_audio` (a custom source that the audio device's thread
//! pulls from); a headless run can write the same sound to a WAV file (`record`). Like the
//! view, sound only reads the simulation. Without an audio device the trainer runs exactly as
//! before, silent, after one log line.

pub mod alarms;
pub mod director;
pub mod model;
pub mod record;
pub mod synth;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bevy::audio::{AddAudioSource, AudioPlayer, AudioPlugin, Decodable, PlaybackSettings, Source};
use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use director::{Director, Listen};
use synth::{Mix, SAMPLE_RATE, Synth, Trigger};

/// The listener's volumes, kept in the data folder's settings: everything, the machine and
/// the world around it, the alarms; and mute.
#[derive(Resource, Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SoundSettings {
    pub master: f32,
    pub machine: f32,
    pub alarms: f32,
    pub mute: bool,
}

impl Default for SoundSettings {
    fn default() -> Self {
        let m = Mix::default();
        SoundSettings { master: m.master, machine: m.machine, alarms: m.alarms, mute: m.mute }
    }
}

impl SoundSettings {
    pub fn mix(&self) -> Mix {
        Mix { master: self.master.clamp(0.0, 1.0), machine: self.machine.clamp(0.0, 1.0), alarms: self.alarms.clamp(0.0, 1.0), mute: self.mute }
    }
}

/// `--mute` on the command line: no sound this run (the audio device is not even opened).
static MUTED_BY_COMMAND_LINE: AtomicBool = AtomicBool::new(false);

pub fn set_muted_by_command_line(muted: bool) {
    MUTED_BY_COMMAND_LINE.store(muted, Ordering::Relaxed);
}

pub fn muted_by_command_line() -> bool {
    MUTED_BY_COMMAND_LINE.load(Ordering::Relaxed)
}

/// Runs `open` (which adds Bevy's audio plugin and so looks for the audio device) with
/// alsa-lib's own stderr lines kept in a buffer: without a sound card alsa-lib writes eight
/// lines as the device is looked for, and Bevy then says "No audio device found." once, which
/// is the one line that matters. ALSA's lines go to the debug log.
pub fn quietly_opening_the_device<R>(open: impl FnOnce() -> R) -> R {
    #[cfg(target_os = "linux")]
    let lines = alsa::Output::local_error_handler().ok();
    let opened = open();
    #[cfg(target_os = "linux")]
    if let Some(lines) = lines {
        let text = lines.borrow().to_string();
        if !text.is_empty() {
            debug!("ALSA: {}", text.trim_end());
        }
    }
    opened
}

/// What the frame hands the audio thread: the voices to glide to, the volumes, and the blasts
/// and tones to start.
#[derive(Default)]
struct Shared {
    voices: model::Voices,
    mix: Mix,
    triggers: Vec<Trigger>,
}

/// The synthesiser as `bevy_audio` plays it: an endless source.
#[derive(Asset, TypePath, Clone)]
pub struct LiveSound {
    shared: Arc<Mutex<Shared>>,
}

/// The audio thread's end: renders blocks, taking the frame's latest parameters between them.
pub struct LiveDecoder {
    synth: Synth,
    shared: Arc<Mutex<Shared>>,
    block: Vec<f32>,
    at: usize,
}

/// Samples rendered between looks at the frame's parameters (about 6 ms).
const BLOCK: usize = 256;

impl Iterator for LiveDecoder {
    type Item = f32;

    fn next(&mut self) -> Option<f32> {
        if self.at >= self.block.len() {
            // Never wait on the frame: if it holds the lock, the last parameters stand.
            if let Ok(mut shared) = self.shared.try_lock() {
                self.synth.set_voices(shared.voices);
                self.synth.set_mix(shared.mix);
                for t in shared.triggers.drain(..) {
                    self.synth.trigger(t);
                }
            }
            self.block.resize(BLOCK, 0.0);
            self.synth.render(&mut self.block);
            self.at = 0;
        }
        let s = self.block[self.at];
        self.at += 1;
        Some(s)
    }
}

impl Source for LiveDecoder {
    fn current_span_len(&self) -> Option<usize> {
        None
    }

    fn channels(&self) -> bevy::audio::ChannelCount {
        bevy::audio::ChannelCount::MIN
    }

    fn sample_rate(&self) -> bevy::audio::SampleRate {
        bevy::audio::SampleRate::new(SAMPLE_RATE).expect("a sample rate")
    }

    fn total_duration(&self) -> Option<Duration> {
        None
    }
}

impl Decodable for LiveSound {
    type Decoder = LiveDecoder;

    fn decoder(&self) -> LiveDecoder {
        LiveDecoder { synth: Synth::new(SAMPLE_RATE), shared: self.shared.clone(), block: Vec::new(), at: 0 }
    }
}

/// The trainer's sound: the live source, and the director that feeds it each frame.
#[derive(Resource)]
struct Output {
    shared: Arc<Mutex<Shared>>,
    director: Director,
}

/// The trainer's sound (the app only; headless runs have none). Without `AudioPlugin` (the
/// `--mute` run) it only keeps the settings.
pub fn plugin(app: &mut App) {
    app.init_resource::<SoundSettings>();
    if !app.is_plugin_added::<AudioPlugin>() {
        return;
    }
    app.add_audio_source::<LiveSound>();
    let shared = Arc::new(Mutex::new(Shared::default()));
    app.insert_resource(Output { shared: shared.clone(), director: Director::default() });
    app.add_systems(Startup, move |mut commands: Commands, mut sources: ResMut<Assets<LiveSound>>| {
        let handle = sources.add(LiveSound { shared: shared.clone() });
        commands.spawn((Name::new("sound"), AudioPlayer(handle), PlaybackSettings::ONCE));
    });
    app.add_systems(PostUpdate, feed_the_synth);
    app.add_systems(OnEnter(crate::trainer::Screen::Operating), |mut out: ResMut<Output>| out.director = Director::default());
}

/// The voices the synthesiser was last given (none without an audio plugin): for tests and
/// checks of the trainer's sound without listening to it.
pub fn heard_now(world: &World) -> Option<model::Voices> {
    let out = world.get_resource::<Output>()?;
    out.shared.lock().ok().map(|s| s.voices)
}

/// Each frame: what the session sounds like from where the camera is, and the volumes.
fn feed_the_synth(world: &mut World) {
    let settings = *world.resource::<SoundSettings>();
    let operating = world.get_resource::<State<crate::trainer::Screen>>().is_some_and(|s| *s.get() == crate::trainer::Screen::Operating);
    let paused = world.get_resource::<crate::trainer::Paused>().is_some_and(|p| p.0);
    let listen = match world.get_resource::<crate::view::CameraMode>() {
        Some(crate::view::CameraMode::Chase) => Listen::Chase,
        Some(crate::view::CameraMode::Map) => Listen::Overhead,
        _ => Listen::Seat,
    };
    world.resource_scope(|world, mut out: Mut<Output>| {
        // Off the operating screen, or paused, the machine is not heard (the sim is still).
        let heard = if operating && !paused { out.director.hear(world, listen) } else { None };
        let heard = heard.unwrap_or_default();
        if let Ok(mut shared) = out.shared.lock() {
            shared.voices = heard.voices;
            shared.mix = settings.mix();
            shared.triggers.extend(heard.triggers);
        }
    });
}
