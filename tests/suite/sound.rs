//! Sound: a scripted minute recorded as the trainee would hear it, whose loudness follows the
//! machine's load; the recording written as WAV and read back; the same minute the same sound.

use mineclear::operator::OperatorCommand;
use mineclear::scenario;
use mineclear::sim::{self, SimSetup, SourceSetup};
use mineclear::sound::director::{Listen, engine_load_now};
use mineclear::sound::record::{Recorder, SAMPLES_PER_TICK, envelope};
use mineclear::sound::synth::{Mix, SAMPLE_RATE};

/// The scripted minute on the light flail: idle, the rotor spun up, the tool lowered, working
/// at a walking pace, pushed hard, then tool up and stop. (seconds from, seconds to, lever,
/// tool cm, rotor)
const MINUTE: &[(f32, f32, f32, f32, f32)] = &[
    (0.0, 8.0, 0.0, -20.0, 0.0),
    (8.0, 16.0, 0.0, -20.0, 1.0),
    (16.0, 20.0, 0.0, 23.0, 1.0),
    (20.0, 36.0, 0.12, 23.0, 1.0),
    (36.0, 50.0, 0.7, 23.0, 1.0),
    (50.0, 60.0, 0.0, -20.0, 0.0),
];

fn minute_commands() -> Vec<OperatorCommand> {
    let mut out = Vec::new();
    for &(from, to, lever, tool, rotor) in MINUTE {
        for _ in ((from * 60.0) as u32)..((to * 60.0) as u32) {
            out.push(OperatorCommand::quantize(lever, lever, tool, rotor));
        }
    }
    out
}

/// Records the minute with `mix`, listening from behind the machine (a fixed distance, so
/// only the machine changes what is heard); returns the samples and the engine's load per tick.
fn record_minute(mix: Mix) -> (Vec<f32>, Vec<f32>) {
    let loaded = scenario::load_builtin("first_lesson").unwrap().unwrap();
    let mut app = sim::headless_app();
    sim::install_session(app.world_mut(), SimSetup { loaded, seed: 1, source: SourceSetup::Script(minute_commands()) });
    sim::step_ticks(&mut app, 0);
    let mut rec = Recorder::new(Listen::Chase, mix);
    let mut load = Vec::new();
    for _ in 0..3600 {
        sim::step_ticks(&mut app, 1);
        rec.after_tick(app.world());
        load.push(engine_load_now(app.world()).expect("a session"));
    }
    (rec.samples().to_vec(), load)
}

fn mean(v: &[f32]) -> f32 {
    v.iter().sum::<f32>() / v.len().max(1) as f32
}

fn correlation(a: &[f32], b: &[f32]) -> f32 {
    let (ma, mb) = (mean(a), mean(b));
    let cov: f32 = a.iter().zip(b).map(|(x, y)| (x - ma) * (y - mb)).sum();
    let (va, vb): (f32, f32) = (a.iter().map(|x| (x - ma).powi(2)).sum(), b.iter().map(|y| (y - mb).powi(2)).sum());
    cov / (va * vb).sqrt().max(1e-12)
}

/// The recording's loudness follows the load: half-second by half-second, and phase by phase
/// of the script (idle quietest, working louder, pushed hard loudest).
#[test]
fn a_scripted_minute_sounds_louder_as_the_load_rises() {
    let machine_only = Mix { alarms: 0.0, ..Mix::default() };
    let (samples, load) = record_minute(machine_only);
    assert_eq!(samples.len(), 3600 * SAMPLES_PER_TICK, "a minute of samples");
    assert!(samples.iter().all(|s| s.is_finite() && s.abs() <= 1.0));
    let env = envelope(&samples, 0.5);
    let load_env: Vec<f32> = load.chunks(30).map(mean).collect();
    let db: Vec<f32> = env.iter().map(|r| 20.0 * r.max(1e-6).log10()).collect();
    let r = correlation(&db, &load_env[..db.len()]);
    let phase = |v: &[f32], from: f32, to: f32| mean(&v[(from * 2.0) as usize + 1..(to * 2.0) as usize]);
    let rows: Vec<(f32, f32, f32, f32)> = MINUTE.iter().map(|&(a, b, ..)| (a, b, phase(&db, a, b), phase(&load_env, a, b))).collect();
    for (a, b, d, l) in &rows {
        println!("{a:>4.0}–{b:<4.0} s: {d:6.1} dB, engine load {l:.2}");
    }
    println!("correlation of loudness (dB) with the engine's load, half-seconds: {r:.3}");
    let (idle, spun, working, pushed) = (rows[0], rows[1], rows[3], rows[4]);
    assert!(idle.3 < spun.3 && spun.3 < working.3 && working.3 < pushed.3, "the script raises the load step by step: {rows:?}");
    assert!(idle.2 < spun.2 && spun.2 < working.2 && working.2 < pushed.2, "and the sound follows it: {rows:?}");
    assert!(pushed.2 - idle.2 > 6.0, "pushed hard is clearly louder than idle: {rows:?}");
    assert!(pushed.2 - working.2 > 1.5, "and audibly louder than working at a walking pace: {rows:?}");
    assert!(r > 0.8, "loudness follows the load: r = {r}");
    // Back to idle at the end: quiet again.
    assert!(rows[5].2 < working.2, "{rows:?}");
}

/// The alarms are heard over the machine when the trainee drives too fast for the depth.
#[test]
fn alarms_sound_when_pushed_too_fast() {
    let (with, _) = record_minute(Mix::default());
    let (without, _) = record_minute(Mix { alarms: 0.0, ..Mix::default() });
    let differs = |from_s: f32, to_s: f32| {
        let (a, b) = ((from_s * SAMPLE_RATE as f32) as usize, (to_s * SAMPLE_RATE as f32) as usize);
        with[a..b].iter().zip(&without[a..b]).any(|(x, y)| (x - y).abs() > 1e-3)
    };
    assert!(!differs(0.0, 8.0), "no alarm at idle");
    assert!(differs(36.0, 50.0), "an alarm while pushed too fast for the depth");
}

/// The same minute, the same sound, sample for sample; written as WAV and read back.
#[test]
fn a_recording_is_repeatable_and_reads_back_as_wav() {
    let loaded = scenario::load_builtin("first_lesson").unwrap().unwrap();
    let setup = || SimSetup { loaded: loaded.clone(), seed: 1, source: SourceSetup::Script(minute_commands()[..600].to_vec()) };
    let (_, a) = mineclear::sound::record::record_session(setup(), Listen::Seat, Mix::default(), Some(10.0));
    let (_, b) = mineclear::sound::record::record_session(setup(), Listen::Seat, Mix::default(), Some(10.0));
    assert_eq!(a.samples(), b.samples());
    assert!((a.seconds() - 10.0).abs() < 0.01);
    let path = std::env::temp_dir().join(format!("mineclear-sound-{}.wav", std::process::id()));
    a.write_wav(&path).unwrap();
    let mut wav = hound::WavReader::open(&path).unwrap();
    assert_eq!((wav.spec().channels, wav.spec().sample_rate, wav.spec().bits_per_sample), (1, SAMPLE_RATE, 16));
    let back: Vec<i16> = wav.samples::<i16>().map(Result::unwrap).collect();
    assert_eq!(back.len(), a.samples().len());
    assert!(back.iter().zip(a.samples()).all(|(&x, &y)| (x as f32 / i16::MAX as f32 - y).abs() < 1e-3));
    std::fs::remove_file(&path).ok();
    // A folder that is not there: the error names the file.
    let bad = std::env::temp_dir().join("no-such-folder-mineclear").join("x.wav");
    assert!(a.write_wav(&bad).unwrap_err().contains("x.wav"));
}

/// The trainer with Bevy's audio and the sound plugin, on a machine without an audio device
/// (as in CI): the session runs as before and the synthesiser is fed the machine's sound while
/// operating, nothing after it.
#[test]
fn the_trainer_runs_with_its_sound_without_an_audio_device() {
    use bevy::prelude::*;
    use mineclear::trainer::{self, Driver, FlowRequest, Screen};
    let mut app = mineclear::sound::quietly_opening_the_device(|| {
        trainer::headless_app_with((bevy::asset::AssetPlugin::default(), bevy::audio::AudioPlugin::default(), mineclear::sound::plugin))
    });
    // Muted: where there is a device, a test makes no noise.
    app.insert_resource(mineclear::sound::SoundSettings { mute: true, ..Default::default() });
    app.world_mut().resource_mut::<Driver>().autopilot = true;
    sim::step_ticks(&mut app, 0);
    for r in [FlowRequest::Open("first_lesson".into()), FlowRequest::Begin] {
        app.world_mut().write_message(r);
        sim::step_ticks(&mut app, 0);
    }
    assert_eq!(*app.world().resource::<State<Screen>>().get(), Screen::Operating);
    sim::step_ticks(&mut app, 60 * 40);
    let v = mineclear::sound::heard_now(app.world()).expect("the synthesiser is fed");
    assert!(v.engine_hz > 30.0 && v.engine_gain > 0.2 && v.rotor_hz > 0.0, "the machine is heard working: {v:?}");
    app.world_mut().write_message(FlowRequest::Menu);
    sim::step_ticks(&mut app, 0);
    sim::step_ticks(&mut app, 0);
    assert_eq!(mineclear::sound::heard_now(app.world()).unwrap().engine_gain, 0.0, "silent off the operating screen");
}

/// A stall is heard before it is a fault: the flail pushed ever faster into the hard clay
/// lesson's ground, the engine's note lugs down and the overload alarm sounds well before the
/// rotor stalls and the stall is scored.
#[test]
fn a_stall_is_heard_before_it_is_a_fault() {
    use mineclear::scoring::FaultKind;
    use mineclear::sound::alarms::Alarm;
    use mineclear::sound::director::Director;
    use mineclear::sound::synth::Trigger;
    let loaded = scenario::load_builtin("hard_clay").unwrap().unwrap();
    // Rotor up for 8 s, the tool down, then the lever eased forward from 0.1 to full over 90 s.
    let mut script = Vec::new();
    for tick in 0..(100 * 60) {
        let t = tick as f32 / 60.0;
        let lever = if t < 10.0 { 0.0 } else { (0.1 + (t - 10.0) / 90.0 * 0.9).min(1.0) };
        script.push(OperatorCommand::quantize(lever, lever, if t < 8.0 { -20.0 } else { 30.0 }, 1.0));
    }
    let mut app = sim::headless_app();
    sim::install_session(app.world_mut(), SimSetup { loaded, seed: 1, source: SourceSetup::Script(script) });
    sim::step_ticks(&mut app, 0);
    let mut director = Director::default();
    let (mut working_hz, mut lugging_at, mut alarm_at, mut stall_at) = (Vec::new(), None, None, None);
    for tick in 0..(100 * 60) {
        sim::step_ticks(&mut app, 1);
        let t = tick as f32 / 60.0;
        let heard = director.hear(app.world(), Listen::Chase).expect("a session");
        let faults = &app.world().resource::<mineclear::scoring::Scorekeeper>().faults;
        if stall_at.is_none() && faults.iter().any(|f| f.kind == FaultKind::RotorStall) {
            stall_at = Some(t);
            break;
        }
        let load = engine_load_now(app.world()).unwrap();
        if (0.2..0.6).contains(&load) {
            working_hz.push(heard.voices.engine_hz);
        }
        // The note 5 % under its working pitch: the governor has given up holding it.
        if lugging_at.is_none() && !working_hz.is_empty() && heard.voices.engine_hz < mean(&working_hz) * 0.95 {
            lugging_at = Some(t);
        }
        if alarm_at.is_none() && heard.triggers.iter().any(|tr| matches!(tr, Trigger::Alarm { alarm: Alarm::Overload, .. })) {
            alarm_at = Some(t);
        }
    }
    println!("engine lugging at {lugging_at:?} s, overload alarm at {alarm_at:?} s, stall fault at {stall_at:?} s");
    let stall = stall_at.expect("pushed this hard into clay, the rotor stalls");
    let lugging = lugging_at.expect("the engine note falls before the stall");
    let alarm = alarm_at.expect("the overload alarm sounds before the stall");
    assert!(stall - lugging >= 0.5, "heard {:.1} s before the stall fault", stall - lugging);
    assert!(stall - alarm >= 0.5, "the alarm {:.1} s before the stall fault", stall - alarm);
}
