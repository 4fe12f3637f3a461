//! What is heard at this moment of a session: reads the simulation's state (never writes it)
//! and turns it into the synthesiser's voices and triggers, through `model` and `alarms`.
//! The trainer calls it each frame; a recording calls it each tick.

use bevy::prelude::*;

use super::alarms::{Alarm, Alarms};
use super::model::{self, Listener, MachineSound};
use super::synth::Trigger;
use crate::clearing::{ClearingState, ToolTick};
use crate::machine::MachineState;
use crate::sim::{Ground, Session, SimClock};

/// What the engine is asked for and can give, kW. One engine for both: travel and tool
/// together on it. A tool engine of its own: the harder worked of the two is what is heard
/// (as a share of 100).
fn power(machine: &MachineState, tool_tick: &ToolTick) -> (f32, f32) {
    let spec = &machine.spec;
    let travel_kw = crate::machine::tool::travel_power_kw(spec, machine.speed_mps, 0.0);
    let engine_kw = spec.engine_power_kw() * crate::machine::tool::DRIVE_EFFICIENCY;
    // Out of the ground the rotor still takes its spinning share (clearing counts the tool's
    // power only while it works).
    let tool_available_kw = crate::machine::tool::tool_power_available_kw(spec, travel_kw);
    let tool_kw = tool_tick.tool_kw.max(crate::machine::tool::SPIN_SHARE * tool_available_kw * machine.rotor);
    match spec.tool_engine_kw {
        None => (travel_kw + tool_kw, engine_kw),
        Some(_) => ((travel_kw / engine_kw.max(1.0)).max(tool_kw / tool_available_kw.max(1.0)) * 100.0, 100.0),
    }
}

/// The engine's load this tick (demand over what it gives; 1 = full load), as the sound hears it.
pub fn engine_load_now(world: &World) -> Option<f32> {
    let (demand, available) = power(world.get_resource::<MachineState>()?, world.get_resource::<ToolTick>()?);
    Some(demand / available.max(1.0))
}

/// Where the trainee listens from, as the camera puts them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Listen {
    /// The operator's own place: the cab, or a remote machine's post.
    #[default]
    Seat,
    /// Behind the machine, with the chase camera.
    Chase,
    /// High above, with the map.
    Overhead,
}

/// Metres from the machine the chase camera and the map's eye are.
const CHASE_M: f32 = 12.0;
const OVERHEAD_M: f32 = 45.0;

/// This moment's sound.
#[derive(Clone, Debug, Default)]
pub struct Heard {
    pub voices: model::Voices,
    pub triggers: Vec<Trigger>,
}

/// The state between moments: the alarms' debouncing, the blasts already heard, the boom's
/// last pose (its hydraulics sound while it moves).
#[derive(Default)]
pub struct Director {
    /// Whether this director has heard its session yet (blasts before that are not heard).
    started: bool,
    alarms: Alarms,
    blasts_heard: usize,
    last_tick: u64,
    /// The boom's slew and reach, when, and how fast it was moving then.
    boom: Option<(f32, f32, f32, f32)>,
}

impl Director {
    /// What is heard from `listen` now, or nothing when no session is in `world`.
    pub fn hear(&mut self, world: &World, listen: Listen) -> Option<Heard> {
        let (machine, tool_tick, session, ground, clearing, clock) = (
            world.get_resource::<MachineState>()?,
            world.get_resource::<ToolTick>()?,
            world.get_resource::<Session>()?,
            world.get_resource::<Ground>()?,
            world.get_resource::<ClearingState>()?,
            world.get_resource::<SimClock>()?,
        );
        if clock.tick < self.last_tick || clearing.detonations.len() < self.blasts_heard {
            // A new session.
            *self = Director::default();
        }
        if !self.started {
            // Joining a session under way (skipped ahead, or taken over from a replay): its
            // earlier blasts are past.
            self.started = true;
            self.blasts_heard = clearing.detonations.len();
        }
        self.last_tick = clock.tick;
        let now_s = clock.seconds();
        let spec = &machine.spec;
        let listener = self.listener(machine, session, listen);
        let sound = self.machine_sound(machine, tool_tick, ground, now_s);
        let voices = listener.apply(model::machine_voices(spec, &sound));

        let mut triggers = Vec::new();
        let warnings = crate::scoring::live::live_warnings(machine, tool_tick, &session.loaded.scenario, &ground.0);
        let holding: Vec<Alarm> = warnings.iter().map(Alarm::of).collect();
        for alarm in self.alarms.update(now_s, &holding) {
            triggers.push(Trigger::Alarm { alarm, gain: alarm.gain() });
        }
        let ear = self.ear(machine, session, listen);
        for d in &clearing.detonations[self.blasts_heard..] {
            let distance = ((d.x - ear.0).powi(2) + (d.z - ear.1).powi(2)).sqrt();
            let mut blast = model::blast(d.kind.charge_kg(), distance);
            let lowpass_hz = match listener {
                Listener::Cab { armoured } => {
                    blast.gain *= listener.blast_through_walls();
                    if armoured { 500.0 } else { 1_800.0 }
                }
                _ => model::air_lowpass_hz(distance),
            };
            triggers.push(Trigger::Blast { blast, lowpass_hz });
        }
        self.blasts_heard = clearing.detonations.len();
        Some(Heard { voices, triggers })
    }

    /// The listener for `listen`: a remote machine's seat is its operator's post.
    fn listener(&self, machine: &MachineState, session: &Session, listen: Listen) -> Listener {
        let spec = &machine.spec;
        match listen {
            Listen::Seat if spec.is_remote() => {
                let post = session.loaded.scenario.operator_post();
                Listener::Post { distance_m: ((machine.pos.x - post.0).powi(2) + (machine.pos.z - post.1).powi(2)).sqrt() }
            }
            Listen::Seat => Listener::Cab { armoured: spec.survives_charge_kg >= 5.0 },
            Listen::Chase => Listener::Chase { distance_m: CHASE_M },
            Listen::Overhead => Listener::Chase { distance_m: OVERHEAD_M },
        }
    }

    /// Where the listener's ears are on the ground, (x, z).
    fn ear(&self, machine: &MachineState, session: &Session, listen: Listen) -> (f32, f32) {
        match listen {
            Listen::Seat if machine.spec.is_remote() => session.loaded.scenario.operator_post(),
            Listen::Seat | Listen::Overhead => (machine.pos.x, machine.pos.z),
            Listen::Chase => {
                let (hx, hz) = machine.heading_xz();
                (machine.pos.x - hx * CHASE_M, machine.pos.z - hz * CHASE_M)
            }
        }
    }

    /// The machine's state as the sound model reads it.
    fn machine_sound(&mut self, machine: &MachineState, tool_tick: &ToolTick, ground: &Ground, now_s: f32) -> MachineSound {
        let spec = &machine.spec;
        let (demand_kw, available_kw) = power(machine, tool_tick);
        let (tx, tz) = machine.tool_xz();
        let boom_motion = match (machine.boom, spec.boom.as_ref()) {
            (Some(b), Some(bs)) => match self.boom {
                // No tick since the last frame: as it was.
                Some((_, _, t, moved)) if now_s <= t => moved,
                last => {
                    let moved = last.map_or(0.0, |(slew, reach, t, _)| {
                        let dt = now_s - t;
                        ((b.slew_deg - slew).abs() / dt / bs.slew_rate_deg_s.max(1.0) + (b.reach_m - reach).abs() / dt / bs.reach_rate_m_s.max(0.01)).min(1.0)
                    });
                    self.boom = Some((b.slew_deg, b.reach_m, now_s, moved));
                    moved
                }
            },
            _ => 0.0,
        };
        MachineSound {
            speed_mps: machine.speed_mps.abs(),
            rotor: machine.rotor,
            tool_working: machine.tool_working(),
            depth_cm: if machine.tool_working() { tool_tick.set_cm.min(tool_tick.capacity_cm).max(0.0) } else { 0.0 },
            hardness: ground.0.soil_at(tx, tz).hardness,
            demand_kw,
            available_kw,
            strike_factor: machine.tool_health.strike_factor(),
            boom_motion,
            stalled: machine.stall_s > 0.0,
            disabled: machine.disabled,
        }
    }
}
