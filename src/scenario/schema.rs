//! The scenario file format instructors write (RON). Field names carry their units.

use serde::{Deserialize, Serialize};

use crate::geom::{P2, Strip};
use crate::machine::spec::MachineSpec;
use crate::text::LocalText;

/// One exercise: the field, the hazard, the machine and how the attempt is judged.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Title, briefing and objective: one string, or the text by language (`{"en": …, "uk": …}`).
    pub title: LocalText,
    /// What the trainee reads before starting: the situation and the task.
    pub briefing: LocalText,
    /// The one skill this exercise teaches, and what a pass requires.
    pub objective: LocalText,
    pub field: FieldSpec,
    /// The marked hazard area: a simple polygon of (x, z) corners in metres.
    pub hazard_area: Vec<P2>,
    /// The cleared, safe lane the machine starts on; lanes are worked parallel to it and away from it.
    pub start_lane: Strip,
    /// Where the operator of a remote-controlled machine stands (defaults to the start lane's `from`).
    #[serde(default)]
    pub operator_post: Option<P2>,
    pub mines: MineSpec,
    /// Name of a machine spec in `assets/machines/` (file name without `.ron`).
    pub machine: String,
    /// Depth to which the area must be processed (IMAS 09.10: "to the specified depth").
    pub required_depth_cm: f32,
    pub time_limit_min: f32,
    /// Lane overlap the trainee is asked to hold, metres (min, max).
    #[serde(default = "default_overlap")]
    pub overlap_m: (f32, f32),
    pub scoring: Scoring,
    /// Fixes the generated field; when omitted a seed is picked and recorded with the session.
    #[serde(default)]
    pub seed: Option<u64>,
}

impl Scenario {
    /// Where the operator of a remote-controlled machine stands.
    pub fn operator_post(&self) -> P2 {
        self.operator_post.unwrap_or(self.start_lane.from)
    }
}

fn default_overlap() -> (f32, f32) {
    (0.2, 0.6)
}

/// The ground: size, relief, soils, vegetation, roads and obstacles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldSpec {
    /// Width (x, east) and depth (z, south) in metres.
    pub size_m: (f32, f32),
    #[serde(default)]
    pub relief: Relief,
    #[serde(default)]
    pub slope: Slope,
    /// Soil zones, painted in order (later zones cover earlier ones). The first should be `Whole`.
    pub soils: Vec<SoilZone>,
    #[serde(default)]
    pub vegetation: Vegetation,
    /// Roads and tracks: compacted, flat strips with a ditch beside them when asked.
    #[serde(default)]
    pub roads: Vec<Road>,
    #[serde(default)]
    pub obstacles: Obstacles,
}

/// Rolling ground made from smooth noise.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relief {
    /// Typical height of bumps and hollows, metres.
    pub amplitude_m: f32,
    /// Typical distance between bumps, metres.
    pub wavelength_m: f32,
}

impl Default for Relief {
    fn default() -> Self {
        Relief { amplitude_m: 0.3, wavelength_m: 25.0 }
    }
}

/// An overall incline of the field.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Slope {
    /// Incline in degrees.
    pub degrees: f32,
    /// Compass direction the ground falls towards, degrees (0 = north/-z, 90 = east/+x).
    pub falls_towards_deg: f32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SoilKind {
    SandyLoam,
    Clay,
    Rocky,
    Wet,
    /// Compacted road or track surface.
    Road,
}

impl SoilKind {
    /// Its name in `lang` (message `soil-<key>`).
    pub fn name_in(self, lang: crate::text::Lang) -> String {
        crate::text::word(lang, "soil", &crate::text::key(&self))
    }

    pub const ALL: [SoilKind; 5] = [SoilKind::SandyLoam, SoilKind::Clay, SoilKind::Rocky, SoilKind::Wet, SoilKind::Road];

    /// Resistance to the tool relative to sandy loam (1.0): depth reached scales with its inverse.
    pub fn default_hardness(self) -> f32 {
        match self {
            SoilKind::SandyLoam => 1.0,
            SoilKind::Clay => 1.5,
            SoilKind::Rocky => 2.0,
            SoilKind::Wet => 0.8,
            SoilKind::Road => 2.5,
        }
    }

    /// Typical moisture, percent by weight (CMAC's tiller trials split dry/wet at 25 %).
    pub fn default_moisture_pct(self) -> f32 {
        match self {
            SoilKind::SandyLoam => 12.0,
            SoilKind::Clay => 22.0,
            SoilKind::Rocky => 8.0,
            SoilKind::Wet => 35.0,
            SoilKind::Road => 10.0,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SoilKind::SandyLoam => "sandy loam",
            SoilKind::Clay => "clay",
            SoilKind::Rocky => "rocky",
            SoilKind::Wet => "wet ground",
            SoilKind::Road => "road",
        }
    }
}

/// A patch of one soil.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SoilZone {
    pub soil: SoilKind,
    pub region: Region,
    /// Overrides the soil's typical hardness (sandy loam = 1.0).
    #[serde(default)]
    pub hardness: Option<f32>,
    /// Overrides the soil's typical moisture, percent by weight.
    #[serde(default)]
    pub moisture_pct: Option<f32>,
}

/// Where on the field something applies.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Region {
    Whole,
    /// Axis-aligned rectangle from `min` to `max` corner.
    Rect {
        min: P2,
        max: P2,
    },
    Polygon(Vec<P2>),
    /// Irregular patches covering about `share` (0–1) of the field, each about `size_m` across.
    Patches {
        share: f32,
        size_m: f32,
    },
}

/// Ground cover the machine cuts through; over about 1 m it slows the work.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vegetation {
    /// Average cover, 0 (bare) to 1 (dense).
    pub density: f32,
    /// Average height, metres.
    pub height_m: f32,
    /// Size of thickets and clearings, metres.
    #[serde(default = "default_patch")]
    pub patch_size_m: f32,
}

fn default_patch() -> f32 {
    12.0
}

impl Default for Vegetation {
    fn default() -> Self {
        Vegetation { density: 0.2, height_m: 0.3, patch_size_m: default_patch() }
    }
}

/// A road or track: a polyline, its width, and optional ditches either side.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Road {
    pub points: Vec<P2>,
    pub width_m: f32,
    /// Depth of the drainage ditch beside the verge, metres (0 = none).
    #[serde(default)]
    pub ditch_depth_m: f32,
}

/// Trees and rocks the machine can hit.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Obstacles {
    #[serde(default)]
    pub trees: u32,
    #[serde(default)]
    pub rocks: u32,
    /// Where the trees stand; the whole field when omitted.
    #[serde(default)]
    pub tree_region: Option<Region>,
    /// Trees may stand inside the hazard area (a forest belt worked by a boom cutter, which
    /// must sweep around them). Off by default: trees then keep clear of the worksite, where
    /// front-tool machines turn.
    #[serde(default)]
    pub trees_in_area: bool,
}

/// The mines and UXO laid in the field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MineSpec {
    /// Each group is one kind laid one way; several groups make a mixed field.
    pub groups: Vec<MineGroup>,
    /// UXO may lie outside the marked area (as it does on real sites).
    #[serde(default)]
    pub uxo_outside_area: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MineGroup {
    pub kind: MineKind,
    pub amount: Amount,
    /// Burial depth to the top of the mine, centimetres (min, max).
    pub depth_cm: (f32, f32),
    pub layout: Layout,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum MineKind {
    /// Anti-personnel blast mine (PMN-2 class).
    ApBlast,
    /// Anti-personnel fragmentation or bounding mine (OZM-72 / PROM-1 class).
    ApFragmentation,
    /// Anti-tank blast mine (TM-62 class).
    At,
    /// Unexploded ordnance (mortar or artillery rounds).
    Uxo,
}

impl MineKind {
    /// Its name in `lang` (message `mine-<key>`).
    pub fn name_in(self, lang: crate::text::Lang) -> String {
        crate::text::word(lang, "mine", &crate::text::key(&self))
    }

    pub const ALL: [MineKind; 4] = [MineKind::ApBlast, MineKind::ApFragmentation, MineKind::At, MineKind::Uxo];

    /// Explosive charge, kg TNT equivalent. PMN-2 ~0.1 kg; OZM-72 ~0.66 kg; TM-62 ~7.5 kg;
    /// a 120 mm mortar bomb ~2.2 kg (public ordnance references).
    pub fn charge_kg(self) -> f32 {
        match self {
            MineKind::ApBlast => 0.1,
            MineKind::ApFragmentation => 0.66,
            MineKind::At => 7.5,
            MineKind::Uxo => 2.2,
        }
    }

    /// Body diameter in metres (what the tool and tracks must reach).
    pub fn diameter_m(self) -> f32 {
        match self {
            MineKind::ApBlast => 0.12,
            MineKind::ApFragmentation => 0.10,
            MineKind::At => 0.32,
            MineKind::Uxo => 0.12,
        }
    }

    /// Body height in metres, fuze included (what the processed layer must reach through).
    /// PMN class 56 mm (public ordnance references); TM-62 class about 13 cm and a bounding
    /// OZM class about 17 cm with its fuze (estimates); UXO: a 120 mm round lying on its side.
    pub fn height_m(self) -> f32 {
        match self {
            MineKind::ApBlast => 0.056,
            MineKind::ApFragmentation => 0.17,
            MineKind::At => 0.13,
            MineKind::Uxo => 0.12,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            MineKind::ApBlast => "AP blast",
            MineKind::ApFragmentation => "AP fragmentation",
            MineKind::At => "AT",
            MineKind::Uxo => "UXO",
        }
    }

    pub fn is_anti_personnel(self) -> bool {
        matches!(self, MineKind::ApBlast | MineKind::ApFragmentation)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Amount {
    Count(u32),
    /// Mines per hectare of the hazard area (or of the field, for UXO outside the area).
    PerHectare(f32),
}

/// How a group is laid.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Layout {
    /// Uniformly at random over the hazard area.
    Scatter,
    /// Tactical rows across the area: rows `row_spacing_m` apart at `angle_deg` (0 = along x),
    /// mines `spacing_m` apart along each row, each displaced by up to `jitter_m`.
    Rows { angle_deg: f32, row_spacing_m: f32, spacing_m: f32, jitter_m: f32 },
    /// `clusters` groups, each mine within `radius_m` of its cluster centre.
    Clusters { clusters: u32, radius_m: f32 },
    /// Along a road's verge, `offset_m` (min, max) beyond the road edge, either side.
    Verge { road: usize, offset_m: (f32, f32) },
}

impl Layout {
    pub fn label(&self) -> &'static str {
        match self {
            Layout::Scatter => "scatter",
            Layout::Rows { .. } => "rows",
            Layout::Clusters { .. } => "clusters",
            Layout::Verge { .. } => "verge",
        }
    }
}

/// How an attempt is scored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    pub weights: Weights,
    /// Score out of 100 needed to pass.
    pub pass_mark: f32,
    /// The quality-control inspection after the session.
    #[serde(default)]
    pub qc: QcPlan,
    /// Ground in the hazard area the machine may leave short of the depth by design, for the
    /// manual teams (around tree trunks, near rocks, in a ditch, in marked zones). Anything
    /// else left short is a gap, and a session with gaps does not pass.
    #[serde(default)]
    pub manual_clearance: Vec<ManualClearance>,
    /// Ground short of the depth tolerated before it counts as a gap, m² (the few cells at
    /// corners no tool can reach).
    #[serde(default = "default_gap_tolerance_m2")]
    pub gap_tolerance_m2: f32,
}

pub fn default_gap_tolerance_m2() -> f32 {
    0.25
}

/// Ground the machine may leave for manual clearance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ManualClearance {
    /// Within `within_m` of a tree trunk's bark.
    AroundTrees { within_m: f32 },
    /// Within `within_m` of a rock's edge.
    AroundRocks { within_m: f32 },
    /// The drainage ditches beside roads.
    Ditches,
    /// A marked zone (a polygon).
    Zone { points: Vec<(f32, f32)> },
}

impl ManualClearance {
    /// What it covers, as messages name it ("trees", "rocks", "ditch", "zone").
    pub fn what(&self) -> &'static str {
        match self {
            ManualClearance::AroundTrees { .. } => "trees",
            ManualClearance::AroundRocks { .. } => "rocks",
            ManualClearance::Ditches => "ditch",
            ManualClearance::Zone { .. } => "zone",
        }
    }
}

/// The post-clearance inspection's sampling plan (IMAS 09.20): squares of `square_m` drawn at
/// random over the hazard area until they cover `share` of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QcPlan {
    /// Share of the hazard area sampled, 0–1.
    pub share: f32,
    /// Side of each sampled square, metres.
    pub square_m: f32,
}

impl Default for QcPlan {
    /// A tenth of the area in 1 m squares.
    fn default() -> Self {
        QcPlan { share: 0.1, square_m: 1.0 }
    }
}

/// Relative weight of each part of the score; they are normalised to 100 points.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Weights {
    pub clearance: f32,
    pub lanes: f32,
    pub speed_depth: f32,
    pub safety: f32,
    pub efficiency: f32,
    pub machine_care: f32,
}

impl Weights {
    pub fn total(&self) -> f32 {
        self.clearance + self.lanes + self.speed_depth + self.safety + self.efficiency + self.machine_care
    }
}

impl MineGroup {
    /// Whether this group is laid over the whole field rather than only the hazard area.
    pub fn spans_field(&self, spec: &MineSpec) -> bool {
        self.kind == MineKind::Uxo && spec.uxo_outside_area && self.layout == Layout::Scatter
    }

    /// Number of mines this group lays, given the hazard area and the field area (m²).
    pub fn count(&self, spec: &MineSpec, hazard_m2: f32, field_m2: f32) -> u64 {
        match self.amount {
            Amount::Count(n) => n as u64,
            Amount::PerHectare(d) => {
                let m2 = if self.spans_field(spec) { field_m2 } else { hazard_m2 };
                (d.max(0.0) as f64 * m2 as f64 / 10_000.0).round() as u64
            }
        }
    }
}

/// A scenario that parsed and passed every check, with its machine.
#[derive(Clone, Debug)]
pub struct LoadedScenario {
    pub scenario: Scenario,
    pub machine: MachineSpec,
    /// The scenario's own text, kept so a replay stands alone.
    pub text: String,
    /// Where it came from: a path or `built-in:<name>`.
    pub origin: String,
}
