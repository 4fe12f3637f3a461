//! What both autopilots share (the lanes of `autopilot`, the sweeps of `boom_pilot`): the
//! options an instructor or a test gives them, and the steering arithmetic.

use crate::geom::P2;
use crate::machine::MachineSpec;

/// How the autopilot should work.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AutopilotOptions {
    /// Fixed working speed, km/h; by default it adapts to soil and vegetation to hold the depth.
    pub speed_kmh: Option<f32>,
    /// Lane overlap, metres; by default the middle of the scenario's band.
    pub overlap_m: Option<f32>,
    /// Lanes (1-based) to leave out, e.g. to demonstrate a gap.
    pub skip_lanes: Vec<u32>,
    /// Declare the work finished at this many seconds into the session, done or not (to
    /// demonstrate leaving the area early).
    pub leave_at_s: Option<f32>,
}

pub(super) fn norm(v: P2) -> P2 {
    let l = (v.0 * v.0 + v.1 * v.1).sqrt().max(1e-9);
    (v.0 / l, v.1 / l)
}

/// Bevy yaw of a ground-plane direction (forward is -Z).
pub(super) fn yaw_of(d: P2) -> f32 {
    libm::atan2f(-d.0, -d.1)
}

/// Track levers (left, right) for a forward speed `v` (m/s) and a yaw rate `w` (rad/s).
pub(super) fn track_levers(spec: &MachineSpec, v: f32, w: f32) -> (f32, f32) {
    let vmax = spec.speed.max_travel_kmh / 3.6;
    let g = spec.track_gauge_m;
    ((v - w * g * 0.5) / vmax, (v + w * g * 0.5) / vmax)
}

/// Yaw rate for turning on the spot towards a heading `err` radians away: proportional with
/// `gain`, limited to `max`, and never so slow that the turn stalls short of the target.
pub(super) fn pivot_rate(err: f32, gain: f32, max: f32) -> f32 {
    let w = (gain * err).clamp(-max, max);
    if w.abs() < 0.02 { 0.02 * w.signum() } else { w }
}

pub(super) fn wrap(a: f32) -> f32 {
    let tau = std::f32::consts::TAU;
    let mut a = a % tau;
    if a > std::f32::consts::PI {
        a -= tau;
    } else if a < -std::f32::consts::PI {
        a += tau;
    }
    a
}
