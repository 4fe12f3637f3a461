//! Machine specs (RON files in `assets/machines/`): the figures the sim and the scoring use.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ToolKind {
    /// Chain flail: a rotor of chains beating the ground ahead of the machine.
    Flail,
    /// Rotary tiller: teeth on a drum that mill the soil.
    Tiller,
    /// Rotary cutter on an excavator boom.
    RotaryCutter,
}

impl ToolKind {
    /// Its name in `lang` (message `tool-<key>`).
    pub fn name_in(self, lang: crate::text::Lang) -> String {
        crate::text::word(lang, "tool", &crate::text::key(&self))
    }

    pub fn label(self) -> &'static str {
        match self {
            ToolKind::Flail => "flail",
            ToolKind::Tiller => "tiller",
            ToolKind::RotaryCutter => "rotary cutter",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MachineSpec {
    /// Display name, e.g. "Light remote-controlled flail (MV-4 class)".
    pub name: String,
    /// Where the figures come from.
    pub source: String,
    pub mass_kg: f32,
    /// Chassis length, width and height, metres.
    pub chassis_m: (f32, f32, f32),
    /// Distance between the centre lines of the running gear (tracks, or the tyres of an
    /// axle), metres.
    pub track_gauge_m: f32,
    /// Width of each track or tyre, metres.
    pub track_width_m: f32,
    /// What the machine stands on: tracks, or wheels on axles. What touches the ground is what
    /// sets off a pressure mine it comes near (the 0.3 m rule).
    #[serde(default)]
    pub running_gear: RunningGear,
    /// Rated power of the engine that drives the tracks and, unless `tool_engine_kw` is set,
    /// the tool too, kW. Absent in files written before the load model (then estimated from mass).
    #[serde(default)]
    pub engine_kw: Option<f32>,
    /// A second engine that drives only the tool, kW (two-engine machines).
    #[serde(default)]
    pub tool_engine_kw: Option<f32>,
    /// Where each figure comes from: figure name → public source, or "assumption: why".
    #[serde(default)]
    pub sources: BTreeMap<String, String>,
    pub tool: ToolSpec,
    pub speed: SpeedSpec,
    /// Reference productivity, m²/h (min, max), from public figures for this class.
    pub productivity_m2_per_h: (f32, f32),
    /// Steepest slope the machine may work, degrees.
    pub slope_limit_deg: f32,
    /// Largest charge (kg TNT) the hull survives; bigger blasts disable the machine.
    pub survives_charge_kg: f32,
    /// Remote-controlled machines: the operator's minimum stand-off, metres.
    #[serde(default)]
    pub remote_standoff_m: Option<f32>,
    /// Boom-mounted tools (an excavator's rotary cutter): the turret and boom that carry the
    /// tool. The tool then works where the boom puts it, not in front of the tracks.
    #[serde(default)]
    pub boom: Option<BoomSpec>,
}

/// The turret and boom of an excavator-based machine, as the cutter's carrier.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoomSpec {
    /// Turret slew either side of straight ahead, degrees.
    pub slew_deg: f32,
    /// Fastest slew, degrees per second (full stick).
    pub slew_rate_deg_s: f32,
    /// Horizontal distance from the slew centre to the drum centre, metres (min, max).
    pub reach_m: (f32, f32),
    /// Fastest change of reach, metres per second (full stick).
    pub reach_rate_m_s: f32,
    /// Slew centre ahead of the body centre, metres (negative: behind it).
    #[serde(default)]
    pub pivot_m: f32,
}

/// The running gear: what carries the machine and touches the ground.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum RunningGear {
    /// Two tracks, each `track_width_m` wide, along most of the chassis.
    #[default]
    Tracks,
    /// Wheels: a tyre of `track_width_m` at each end of every axle.
    Wheels {
        /// Axle positions ahead of the body centre, metres (negative: behind it).
        axles_m: Vec<f32>,
        /// Length of each tyre's contact patch along the heading, metres.
        tyre_contact_m: f32,
    },
}

impl RunningGear {
    /// Plural noun for what touches the ground ("tracks", "tyres").
    pub fn contact_noun(&self) -> &'static str {
        match self {
            RunningGear::Tracks => "tracks",
            RunningGear::Wheels { .. } => "tyres",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ToolSpec {
    pub kind: ToolKind,
    /// Width of ground processed in one pass, metres.
    pub working_width_m: f32,
    /// Depth the tool can be set to, centimetres (min, max).
    pub depth_cm: (f32, f32),
    /// Distance from the chassis front to the tool's centre line, metres.
    pub reach_m: f32,
    /// Nominal rotor speed, rpm.
    pub rotor_rpm: f32,
    /// Chains (flail) or teeth (tiller, cutter) on the rotor.
    pub hammers: u32,
    /// Ground speed at which the tool reaches `depth_at_ref_cm` in sandy loam, km/h.
    pub ref_speed_kmh: f32,
    /// Depth reached at `ref_speed_kmh` in sandy loam at full rotor speed, centimetres.
    pub depth_at_ref_cm: f32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpeedSpec {
    /// Top travel speed, tool raised, km/h.
    pub max_travel_kmh: f32,
    /// Working speed band, km/h (min, max), in sandy loam.
    pub working_kmh: (f32, f32),
}

impl MachineSpec {
    /// Deepest layer the tool can process at `speed_kmh` in soil of `hardness` at rotor
    /// fraction `rotor` (0–1), centimetres, before the commanded depth caps it.
    ///
    /// Calibrated to the field figure that about 200 mm needs roughly 0.5 km/h, and that
    /// machines process 200–300 mm depending on speed and soil: depth falls as the square
    /// root of speed and inversely with soil hardness.
    ///
    /// `tool_factor` (0–1) is what the tool's state leaves of its reach: a flail short of
    /// hammers or with worn teeth reaches less deep at the same speed (`ToolHealth`).
    pub fn depth_capacity_cm(&self, speed_kmh: f32, hardness: f32, rotor: f32, tool_factor: f32) -> f32 {
        let t = &self.tool;
        let v = speed_kmh.max(0.05);
        let d = t.depth_at_ref_cm * (t.ref_speed_kmh / v).sqrt() / hardness.max(0.2) * rotor.clamp(0.0, 1.0) * tool_factor.clamp(0.0, 1.0);
        d.min(t.depth_cm.1)
    }

    /// Fastest ground speed at which the tool still reaches `depth_cm` in soil of `hardness`
    /// (with a tool whose state leaves `tool_factor` of its reach).
    pub fn max_speed_for_depth_kmh(&self, depth_cm: f32, hardness: f32, tool_factor: f32) -> f32 {
        let t = &self.tool;
        let ratio = t.depth_at_ref_cm * tool_factor.clamp(0.01, 1.0) / (depth_cm.max(0.1) * hardness.max(0.2));
        t.ref_speed_kmh * ratio * ratio
    }

    /// Power of the engine that drives the tracks, kW: the file's figure, else an estimate for
    /// files written before the load model (about 15 kW per tonne, the classes' middle).
    pub fn engine_power_kw(&self) -> f32 {
        self.engine_kw.unwrap_or(self.mass_kg * 0.015)
    }

    /// Whether the tool rides on a boom (slewed and reached by the operator).
    pub fn has_boom(&self) -> bool {
        self.boom.is_some()
    }

    pub fn is_remote(&self) -> bool {
        self.remote_standoff_m.is_some()
    }
}
