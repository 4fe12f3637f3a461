//! From the simulation's state to what the synthesiser plays: the engine's note from its
//! power demand, the rotor's from its speed, the hammers' or teeth's blows from the strike
//! rate and the soil, the running gear from the ground speed, the boom's hydraulics from its
//! movement; detonations by charge and distance; where the listener is. Pure functions, so
//! each relation is tested on its own; `docs/model.md` ("Sound") gives the figures.

use crate::machine::{MachineSpec, ToolKind};

/// Speed of sound in air at about 15 °C, m/s.
pub const SPEED_OF_SOUND_M_S: f32 = 343.0;
/// Distance at which a source's level is its reference level, metres.
pub const REFERENCE_M: f32 = 5.0;
/// Governed engine speed with no load ("high idle"), and at idle, as shares of rated speed.
pub const HIGH_IDLE: f32 = 1.07;
pub const LOW_IDLE: f32 = 0.38;
/// The governor's droop: the engine slows this share from high idle to full load.
pub const DROOP: f32 = 0.07;
/// Past full load the engine lugs down: rpm lost per unit of load over 1.0 (shares of rated).
pub const LUG: f32 = 0.9;
/// Rated engine speed, rpm, and its cylinders (a six-cylinder diesel fires three times a turn).
pub const RATED_RPM: f32 = 2100.0;
pub const FIRINGS_PER_TURN: f32 = 3.0;
/// Track link pitch, metres (a click per link per track).
pub const TRACK_PITCH_M: f32 = 0.17;

/// What the sound model reads of the machine each frame.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct MachineSound {
    /// Ground speed, m/s (sign ignored).
    pub speed_mps: f32,
    /// Rotor speed as a share of nominal.
    pub rotor: f32,
    /// The tool is in the ground with the rotor turning.
    pub tool_working: bool,
    /// Depth the tool works, cm.
    pub depth_cm: f32,
    /// Hardness of the soil under the tool (sandy loam = 1).
    pub hardness: f32,
    /// Power the tool and the travel ask for, kW, and what the engine delivers, kW.
    pub demand_kw: f32,
    pub available_kw: f32,
    /// Share of the hammers or teeth left and what wear leaves of each blow (`ToolHealth`).
    pub strike_factor: f32,
    /// Boom machines: how fast the boom moves, as a share of its fastest (slew and reach).
    pub boom_motion: f32,
    /// The rotor is stalled.
    pub stalled: bool,
    /// The machine is disabled (its engine has stopped).
    pub disabled: bool,
}

/// The continuous sound's parameters: the synthesiser glides to each new set.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Voices {
    /// Engine firing frequency, Hz, and its level (0–1) and roughness (0–1: a labouring engine).
    pub engine_hz: f32,
    pub engine_gain: f32,
    pub engine_rough: f32,
    /// The rotor's turning: revolutions per second, and its whoosh's level.
    pub rotor_hz: f32,
    pub rotor_gain: f32,
    /// Blows of hammers or teeth on the ground per second, their weight (0–1: heavier is
    /// lower and longer) and level.
    pub strike_hz: f32,
    pub strike_weight: f32,
    pub strike_gain: f32,
    /// Track clatter (clicks per second) or tyre noise, and its level.
    pub gear_hz: f32,
    pub gear_gain: f32,
    /// Whether the gear is tracks (clicks) or tyres (a hiss).
    pub tracks: bool,
    /// The boom's hydraulics: level (0–1).
    pub hydraulics_gain: f32,
    /// Wind at an open post, level (0–1).
    pub wind_gain: f32,
    /// The listener's muffling: the machine's sound through a low-pass at this frequency, Hz,
    /// and its level at the listener (distance and walls together).
    pub lowpass_hz: f32,
    pub distance_gain: f32,
}

/// The engine's load: what the travel and the tool ask of it over what it delivers.
pub fn engine_load(m: &MachineSound) -> f32 {
    (m.demand_kw / m.available_kw.max(1.0)).max(0.0)
}

/// Engine speed as a share of rated: idle when nothing asks for power, then the governor's
/// droop to rated at full load, and lugging down beyond it (a stall is near).
pub fn engine_speed(load: f32, working: bool) -> f32 {
    if !working {
        return LOW_IDLE;
    }
    if load <= 1.0 { HIGH_IDLE - DROOP * load } else { (HIGH_IDLE - DROOP - LUG * (load - 1.0)).max(0.55) }
}

/// The rotor's turning as heard, share of nominal: a hydraulic motor slows as the load nears
/// the relief pressure (a third slower at the stall), before the stall stops it.
pub fn rotor_speed_heard(rotor: f32, tool_load: f32) -> f32 {
    let sag = ((tool_load - 0.6) / 0.4).clamp(0.0, 1.0) * 0.33;
    rotor * (1.0 - sag)
}

/// Blows per second: every hammer (or tooth) strikes once a turn, those left and as worn as
/// they are.
pub fn strike_rate_hz(spec: &MachineSpec, rotor_heard: f32, strike_factor: f32) -> f32 {
    spec.tool.hammers as f32 * spec.tool.rotor_rpm / 60.0 * rotor_heard * strike_factor.clamp(0.0, 1.0)
}

/// How heavy each blow sounds (0–1): deeper and harder ground, heavier; a flail's chains
/// thud, a tiller's teeth grind.
pub fn strike_weight(kind: ToolKind, depth_cm: f32, hardness: f32) -> f32 {
    let base = match kind {
        ToolKind::Flail => 0.45,
        ToolKind::Tiller => 0.3,
        ToolKind::RotaryCutter => 0.25,
    };
    (base + 0.5 * (depth_cm / 30.0).clamp(0.0, 1.0) * (hardness / 1.7).clamp(0.3, 1.2)).clamp(0.0, 1.0)
}

/// The continuous sound of `spec` in state `m` (before the listener: see `Listener::apply`).
pub fn machine_voices(spec: &MachineSpec, m: &MachineSound) -> Voices {
    if m.disabled {
        return Voices::default();
    }
    let load = engine_load(m);
    let working = m.rotor > 0.05 || m.speed_mps > 0.05 || m.boom_motion > 0.02;
    let rpm = RATED_RPM * engine_speed(load, working);
    let tool_load = if m.tool_working { load } else { 0.0 };
    let rotor = if m.stalled { 0.0 } else { rotor_speed_heard(m.rotor, tool_load) };
    let strikes = if m.tool_working && !m.stalled { strike_rate_hz(spec, rotor, m.strike_factor) } else { 0.0 };
    let tracks = matches!(spec.running_gear, crate::machine::RunningGear::Tracks);
    Voices {
        engine_hz: rpm / 60.0 * FIRINGS_PER_TURN,
        engine_gain: 0.25 + 0.65 * load.min(1.2) / 1.2,
        engine_rough: ((load - 0.8) / 0.4).clamp(0.0, 1.0),
        rotor_hz: spec.tool.rotor_rpm / 60.0 * rotor,
        rotor_gain: 0.35 * rotor,
        strike_hz: strikes,
        strike_weight: strike_weight(spec.tool.kind, m.depth_cm, m.hardness),
        // The power going into the ground is what the blows are heard with.
        strike_gain: if strikes > 0.0 { 0.15 + 0.75 * load.min(1.2) / 1.2 } else { 0.0 },
        gear_hz: if tracks { 2.0 * m.speed_mps / TRACK_PITCH_M } else { 0.0 },
        gear_gain: (m.speed_mps / 2.0).clamp(0.0, 1.0) * if tracks { 0.5 } else { 0.3 },
        tracks,
        hydraulics_gain: 0.4 * m.boom_motion.clamp(0.0, 1.0),
        wind_gain: 0.0,
        lowpass_hz: 16_000.0,
        distance_gain: 1.0,
    }
}

/// Level at `distance_m` from a source, as a share of its level at `REFERENCE_M`: spherical
/// spreading (6 dB less per doubling), never louder than at 1 m.
pub fn distance_gain(distance_m: f32) -> f32 {
    REFERENCE_M / distance_m.max(1.0)
}

/// Time sound takes to travel `distance_m`, seconds (the flash arrives at once).
pub fn delay_s(distance_m: f32) -> f32 {
    distance_m.max(0.0) / SPEED_OF_SOUND_M_S
}

/// The air's softening of far sound: a low-pass that falls with distance, Hz.
pub fn air_lowpass_hz(distance_m: f32) -> f32 {
    (16_000.0 / (1.0 + distance_m.max(0.0) / 40.0)).max(1_500.0)
}

/// A detonation as heard: its level (relative to a 0.1 kg charge at `REFERENCE_M`), its
/// length, seconds, and when it arrives, seconds after the flash.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Blast {
    pub gain: f32,
    pub length_s: f32,
    pub delay_s: f32,
    /// How low it sounds (0–1: a big charge booms, a small one cracks).
    pub weight: f32,
}

/// A charge of `charge_kg` TNT at `distance_m`: the blast's scale goes as the cube root of
/// the charge (Hopkinson–Cranz scaling), its level falls with distance, and it arrives at the
/// speed of sound.
pub fn blast(charge_kg: f32, distance_m: f32) -> Blast {
    let scale = (charge_kg.max(0.01) / 0.1).cbrt();
    Blast {
        gain: (scale * distance_gain(distance_m)).min(4.0),
        length_s: (0.6 + 0.5 * scale).min(3.5),
        delay_s: delay_s(distance_m),
        weight: ((scale - 1.0) / 3.0).clamp(0.0, 1.0),
    }
}

/// Where the trainee listens from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Listener {
    /// In the cab; an armoured cab muffles the outside more.
    Cab { armoured: bool },
    /// At a remote machine's operator post, this far from the machine, in the open.
    Post { distance_m: f32 },
    /// Behind the machine with the chase camera, this far from it.
    Chase { distance_m: f32 },
}

impl Listener {
    /// The machine's `voices` as heard from here.
    pub fn apply(self, mut v: Voices) -> Voices {
        match self {
            Listener::Cab { armoured } => {
                // The engine is right behind the seat; walls take the highs.
                v.lowpass_hz = if armoured { 900.0 } else { 2_800.0 };
                v.distance_gain = if armoured { 0.7 } else { 0.9 };
            }
            Listener::Post { distance_m } | Listener::Chase { distance_m } => {
                v.lowpass_hz = air_lowpass_hz(distance_m);
                v.distance_gain = distance_gain(distance_m).min(1.0);
            }
        }
        if let Listener::Post { .. } = self {
            v.wind_gain = 0.12;
        }
        v
    }

    /// Share of a blast's level that reaches the listener through the cab's walls.
    pub fn blast_through_walls(self) -> f32 {
        match self {
            Listener::Cab { armoured: true } => 0.5,
            Listener::Cab { armoured: false } => 0.8,
            _ => 1.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flail() -> MachineSpec {
        crate::scenario::find_machine("mv4", None).expect("the light flail").spec
    }

    fn working(depth_cm: f32, demand_kw: f32) -> MachineSound {
        MachineSound { speed_mps: 0.2, rotor: 1.0, tool_working: true, depth_cm, hardness: 1.0, demand_kw, available_kw: 100.0, strike_factor: 1.0, ..Default::default() }
    }

    #[test]
    fn more_load_lowers_the_engine_note_and_raises_its_level() {
        let spec = flail();
        let notes: Vec<Voices> = [20.0, 60.0, 95.0, 115.0, 140.0].iter().map(|&kw| machine_voices(&spec, &working(20.0, kw))).collect();
        for w in notes.windows(2) {
            assert!(w[1].engine_hz < w[0].engine_hz, "pitch falls as the load rises: {} then {}", w[0].engine_hz, w[1].engine_hz);
            assert!(w[1].engine_gain >= w[0].engine_gain, "and it is louder");
        }
        // The governor holds within its droop to full load; past it the engine lugs down fast.
        let (light, full, over) = (notes[0].engine_hz, notes[2].engine_hz, notes[4].engine_hz);
        assert!((light - full) / light < 0.08, "droop {light} → {full}");
        assert!((full - over) / full > 0.2, "lugging {full} → {over}");
        assert!(notes[4].engine_rough > 0.9 && notes[0].engine_rough == 0.0, "a labouring engine sounds rough");
        // Rated speed at full load: a six-cylinder at 2,100 rpm fires 105 times a second.
        assert!((engine_speed(1.0, true) - 1.0).abs() < 1e-4 && (RATED_RPM / 60.0 * FIRINGS_PER_TURN - 105.0).abs() < 1e-3);
        // Idle when nothing asks for power.
        let idle = machine_voices(&spec, &MachineSound { available_kw: 100.0, ..Default::default() });
        assert!((idle.engine_hz - RATED_RPM * LOW_IDLE / 20.0).abs() < 0.1 && idle.strike_hz == 0.0 && idle.rotor_gain == 0.0);
    }

    #[test]
    fn hammer_blows_follow_the_strike_rate_and_the_soil() {
        let spec = flail();
        let nominal = spec.tool.hammers as f32 * spec.tool.rotor_rpm / 60.0;
        let easy = machine_voices(&spec, &working(20.0, 40.0));
        assert!((easy.strike_hz - nominal).abs() < 1e-3, "every hammer once a turn: {} against {nominal}", easy.strike_hz);
        // Under heavy load the rotor slows and the blows come slower, before any stall.
        let heavy = machine_voices(&spec, &working(20.0, 95.0));
        assert!(heavy.strike_hz < easy.strike_hz * 0.8 && heavy.rotor_hz < easy.rotor_hz, "{} vs {}", heavy.strike_hz, easy.strike_hz);
        // Hammers lost: fewer blows.
        let worn = machine_voices(&spec, &MachineSound { strike_factor: 0.5, ..working(20.0, 40.0) });
        assert!((worn.strike_hz - nominal * 0.5).abs() < 1e-3);
        // Harder, deeper ground: heavier blows.
        let clay = machine_voices(&spec, &MachineSound { hardness: 1.7, ..working(20.0, 40.0) });
        assert!(clay.strike_weight > easy.strike_weight);
        assert!(strike_weight(ToolKind::Flail, 30.0, 1.0) > strike_weight(ToolKind::Flail, 5.0, 1.0));
        // Out of the ground, or stalled: no blows.
        let raised = machine_voices(&spec, &MachineSound { tool_working: false, depth_cm: 0.0, ..working(0.0, 20.0) });
        let stalled = machine_voices(&spec, &MachineSound { stalled: true, ..working(20.0, 40.0) });
        assert_eq!((raised.strike_hz, stalled.strike_hz, stalled.rotor_hz), (0.0, 0.0, 0.0));
        // Track clatter from ground speed: twice as fast, twice the clicks.
        let fast = machine_voices(&spec, &MachineSound { speed_mps: 0.4, ..working(20.0, 40.0) });
        assert!((fast.gear_hz - 2.0 * easy.gear_hz).abs() < 1e-3 && fast.gear_gain > easy.gear_gain);
    }

    #[test]
    fn distance_delays_and_softens() {
        // 25–50 m from the post: about a tenth of a second.
        assert!((delay_s(25.0) - 0.073).abs() < 0.001 && (delay_s(50.0) - 0.146).abs() < 0.001);
        assert!((delay_s(34.3) - 0.1).abs() < 1e-4);
        // 6 dB less each time the distance doubles.
        let db = |g: f32| 20.0 * g.log10();
        assert!((db(distance_gain(20.0)) - db(distance_gain(40.0)) - 6.02).abs() < 0.01);
        assert!(air_lowpass_hz(50.0) < air_lowpass_hz(10.0));
        // A bigger charge is louder and longer; farther, quieter and later.
        let (ap, at) = (blast(0.1, 30.0), blast(7.5, 30.0));
        assert!(at.gain > ap.gain * 4.0 && at.length_s > ap.length_s && at.weight > ap.weight);
        let far = blast(7.5, 60.0);
        assert!((far.gain - at.gain * 0.5).abs() < 1e-4 && far.delay_s > at.delay_s);
    }

    #[test]
    fn where_you_listen_from() {
        let v = machine_voices(&flail(), &working(20.0, 40.0));
        let (armoured, open) = (Listener::Cab { armoured: true }.apply(v), Listener::Cab { armoured: false }.apply(v));
        assert!(armoured.lowpass_hz < open.lowpass_hz && armoured.distance_gain < open.distance_gain, "an armoured cab muffles more");
        let (near, far) = (Listener::Post { distance_m: 25.0 }.apply(v), Listener::Post { distance_m: 50.0 }.apply(v));
        assert!(far.distance_gain < near.distance_gain && far.lowpass_hz < near.lowpass_hz && near.wind_gain > 0.0);
        assert_eq!(Listener::Chase { distance_m: 12.0 }.apply(v).wind_gain, 0.0);
    }
}
