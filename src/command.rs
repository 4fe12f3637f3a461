//! `OperatorCommand`: the one input the simulation takes, one per fixed tick, quantized
//! before the sim sees it so a replay reproduces a live run bit for bit.

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

/// What the operator asks of the machine this tick.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, Resource)]
pub struct OperatorCommand {
    /// Left track lever, -32767 (full reverse) to 32767 (full forward).
    pub left_track: i16,
    /// Right track lever, same scale.
    pub right_track: i16,
    /// Tool setting, cm: positive digs that deep, zero or negative holds the tool that far up.
    pub tool_cm: i8,
    /// Rotor speed, percent of nominal (0–100).
    pub rotor_pct: u8,
    /// Bit flags, see `OperatorCommand::FINISH`.
    pub flags: u8,
    /// Boom machines: turret slew stick, -32767 (full left) to 32767 (full right); the stick
    /// sets the slew rate, as an excavator's does. Zero on machines without a boom.
    #[serde(default)]
    pub slew: i16,
    /// Boom machines: reach stick, -32767 (pull the cutter in) to 32767 (push it out).
    #[serde(default)]
    pub reach: i16,
}

impl OperatorCommand {
    /// The operator declares the work done (ends an interactive session).
    pub const FINISH: u8 = 1;

    /// Quantizes continuous inputs: levers in [-1, 1], tool in cm, rotor in [0, 1].
    pub fn quantize(left: f32, right: f32, tool_cm: f32, rotor: f32) -> Self {
        OperatorCommand {
            left_track: Self::stick(left),
            right_track: Self::stick(right),
            tool_cm: tool_cm.round().clamp(-100.0, 100.0) as i8,
            rotor_pct: (rotor.clamp(0.0, 1.0) * 100.0).round() as u8,
            flags: 0,
            slew: 0,
            reach: 0,
        }
    }

    /// Adds the boom sticks (each in [-1, 1]) to a command.
    pub fn with_boom(mut self, slew: f32, reach: f32) -> Self {
        self.slew = Self::stick(slew);
        self.reach = Self::stick(reach);
        self
    }

    fn stick(v: f32) -> i16 {
        (v.clamp(-1.0, 1.0) * 32767.0).round() as i16
    }

    /// Resolution of a live operator's levers and sticks, in lever units: 1/128 of full
    /// travel. A gamepad's sticks are noisier than that and a hydraulic valve's useful
    /// resolution is coarser, while the i16 they are stored in would record every flicker: a
    /// stick held still would then change the command every tick, and an hour of gamepad
    /// driving would outgrow the replay's size budget.
    pub const LIVE_STEP: i32 = 256;

    /// This command with its levers and sticks at the live resolution: each snaps to a whole
    /// `LIVE_STEP` (full travel stays ±32767), and keeps `prev`'s value while it is less than a
    /// step from it, so a stick resting near a step boundary does not flicker between two
    /// values (a stick's noise of up to a quarter step either way never shows).
    pub fn at_live_resolution(mut self, prev: &OperatorCommand) -> Self {
        let snap = |v: i16, prev: i16| -> i16 {
            if (v as i32 - prev as i32).abs() < Self::LIVE_STEP {
                return prev;
            }
            let k = (v as f32 / Self::LIVE_STEP as f32).round() as i32;
            (k * Self::LIVE_STEP).clamp(-32767, 32767) as i16
        };
        self.left_track = snap(self.left_track, prev.left_track);
        self.right_track = snap(self.right_track, prev.right_track);
        self.slew = snap(self.slew, prev.slew);
        self.reach = snap(self.reach, prev.reach);
        self
    }

    pub fn slew(&self) -> f32 {
        self.slew as f32 / 32767.0
    }

    pub fn reach(&self) -> f32 {
        self.reach as f32 / 32767.0
    }

    pub fn left(&self) -> f32 {
        self.left_track as f32 / 32767.0
    }

    pub fn right(&self) -> f32 {
        self.right_track as f32 / 32767.0
    }

    pub fn rotor(&self) -> f32 {
        self.rotor_pct.min(100) as f32 / 100.0
    }

    pub fn finish(&self) -> bool {
        self.flags & Self::FINISH != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantize_round_trips_within_resolution() {
        let c = OperatorCommand::quantize(0.5, -0.25, 15.4, 0.999);
        assert!((c.left() - 0.5).abs() < 1e-4);
        assert!((c.right() + 0.25).abs() < 1e-4);
        assert_eq!(c.tool_cm, 15);
        assert_eq!(c.rotor_pct, 100);
        assert_eq!(OperatorCommand::quantize(c.left(), c.right(), c.tool_cm as f32, c.rotor()), c);
    }

    #[test]
    fn live_resolution_snaps_holds_still_and_reaches_full_travel() {
        let step = OperatorCommand::LIVE_STEP as f32 / 32767.0;
        // A stick held at about half travel with a gamepad's noise: one value, tick after tick.
        let mut prev = OperatorCommand::default();
        let mut seen = std::collections::BTreeSet::new();
        for i in 0..600 {
            let noise = ((i * 7919) % 13) as f32 / 24.0 - 0.25; // a quarter step either way
            let raw = OperatorCommand::quantize(0.5 + noise * step, -0.3 - noise * step, 18.0, 1.0).with_boom(0.2 + noise * step, 0.0);
            prev = raw.at_live_resolution(&prev);
            assert_eq!(prev.left_track as i32 % OperatorCommand::LIVE_STEP, 0);
            if i > 0 {
                seen.insert((prev.left_track, prev.right_track, prev.slew));
            }
        }
        assert_eq!(seen.len(), 1, "a stick held still must not flicker: {seen:?}");
        // Moving it a whole step moves the command; full travel is still full travel.
        let moved = OperatorCommand::quantize(0.5 + 1.5 * step, 0.0, 0.0, 0.0).at_live_resolution(&prev);
        assert!(moved.left_track > prev.left_track);
        let full = OperatorCommand::quantize(1.0, -1.0, 0.0, 0.0).with_boom(1.0, -1.0).at_live_resolution(&moved);
        assert_eq!((full.left_track, full.right_track, full.slew, full.reach), (32767, -32767, 32767, -32767));
    }
}
