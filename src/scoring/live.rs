//! The conditions a trainee is warned of while they last: not faults yet (those are scored
//! when the harm is done), but what the HUD shows in red and the cab's alarms sound.

use crate::clearing::ToolTick;
use crate::field::Field;
use crate::geom;
use crate::machine::MachineState;
use crate::scenario::Scenario;

/// One condition to warn of now.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Warning {
    /// The tracks (or tyres) are over ground no pass has processed.
    TracksOnUnprocessed,
    /// The tool reaches less deep than required at this speed (or sweep, for a boom).
    TooFast { reaching_cm: f32, required_cm: f32, boom: bool },
    /// The rotor is near its stall.
    RotorOverloaded { load: f32 },
    /// The boom's cutter is against a tree, a rock or its own machine.
    BoomBlocked,
    /// The machine is heading out of the marked worksite.
    LeavingWorksite,
    /// A remote machine is closer to its operator than the stand-off.
    Standoff { standoff_m: f32 },
    /// The rotor has stalled (it is stopped while the hydraulics recover).
    RotorStalled,
}

/// What to warn of this moment, in the order the HUD lists it.
pub fn live_warnings(machine: &MachineState, tool_tick: &ToolTick, scenario: &Scenario, field: &Field) -> Vec<Warning> {
    let required = scenario.required_depth_cm;
    let mut warnings = Vec::new();
    if tool_tick.tracks_on_unprocessed {
        warnings.push(Warning::TracksOnUnprocessed);
    }
    if machine.tool_working() && tool_tick.capacity_cm + 0.5 < required && machine.tool_speed_kmh() > 0.1 {
        warnings.push(Warning::TooFast { reaching_cm: tool_tick.capacity_cm, required_cm: required, boom: machine.boom.is_some() });
    }
    if machine.tool_working() && machine.rotor_load > 0.9 && machine.stall_s <= 0.0 {
        warnings.push(Warning::RotorOverloaded { load: machine.rotor_load });
    }
    if machine.boom.is_some_and(|b| b.blocked.is_some()) {
        warnings.push(Warning::BoomBlocked);
    }
    let pos = (machine.pos.x, machine.pos.z);
    if !geom::contains(&field.hazard_area, pos)
        && geom::boundary_distance(&field.hazard_area, pos) > super::WORKSITE_MARGIN_M * 0.8
        && geom::segment_distance(pos, field.start_lane.from, field.start_lane.to).0 > field.start_lane.width_m * 0.5 + 1.0
    {
        warnings.push(Warning::LeavingWorksite);
    }
    if let Some((standoff_m, distance_m)) = standoff(machine, scenario)
        && distance_m < standoff_m
    {
        warnings.push(Warning::Standoff { standoff_m });
    }
    if machine.stall_s > 0.0 {
        warnings.push(Warning::RotorStalled);
    }
    warnings
}

/// A remote machine's stand-off and its distance from the operator's post, metres.
pub fn standoff(machine: &MachineState, scenario: &Scenario) -> Option<(f32, f32)> {
    machine.spec.remote_standoff_m.map(|standoff_m| {
        let post = scenario.operator_post();
        (standoff_m, ((machine.pos.x - post.0).powi(2) + (machine.pos.z - post.1).powi(2)).sqrt())
    })
}
