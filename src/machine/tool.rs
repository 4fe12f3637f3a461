//! The tool's power and state: how hard the ground loads the rotor against the engine, and
//! what blasts and wear take from the hammers, chains or teeth. Every relation is a small
//! function; `docs/model.md` gives each one's source or marks it as an assumption.

use crate::scenario::schema::{MineKind, SoilKind};

use super::{MachineSpec, ToolKind};

/// Share of the engine's rated power the hydraulics deliver to the tool and tracks (a
/// hydrostatic drive loses about a fifth). Assumption.
pub const DRIVE_EFFICIENCY: f32 = 0.8;
/// Power to spin the rotor at nominal speed with the tool out of the ground, as a share of the
/// tool's available power. Assumption.
pub const SPIN_SHARE: f32 = 0.2;
/// The tool's load at its reference point (reference speed and depth, sandy loam): the share of
/// its available power it needs there. A machine is built to work its reference with about half
/// its power in hand. Assumption; with it, the light flail stalls in sandy loam only past about
/// 5 km/h, in hard clay (1.7) past about 1.8 km/h.
pub const REF_LOAD: f32 = 0.45;
/// Rolling resistance of tracks or tyres on worked soil (a share of weight). Public range for
/// tracked vehicles on soft soil: 0.05–0.15.
const ROLLING_RESISTANCE: f32 = 0.1;
/// Gravity, m/s².
const G: f32 = 9.81;

/// How much harder than sandy loam it is to work a cubic metre of this ground: the soil's
/// hardness squared (cutting force and the energy per blow both rise with it), and for a
/// tiller or cutter in rocky ground a further 1.6 (the teeth strike stones). Assumption,
/// chosen so that at the speed that reaches the required depth the load is the same in every
/// soil, and driven too fast it rises with hardness.
pub fn specific_energy_factor(kind: ToolKind, soil: SoilKind, hardness: f32) -> f32 {
    let rock = if soil == SoilKind::Rocky && kind != ToolKind::Flail { 1.6 } else { 1.0 };
    hardness.max(0.2).powi(2) * rock
}

/// Power the tool has to work with, kW: its own engine, or the machine's engine less what the
/// travel takes.
pub fn tool_power_available_kw(spec: &MachineSpec, travel_kw: f32) -> f32 {
    match spec.tool_engine_kw {
        Some(kw) => kw * DRIVE_EFFICIENCY,
        None => (spec.engine_power_kw() * DRIVE_EFFICIENCY - travel_kw).max(1.0),
    }
}

/// Power to move the machine at `speed_mps` up a grade of `grade` (rise over run), kW.
pub fn travel_power_kw(spec: &MachineSpec, speed_mps: f32, grade: f32) -> f32 {
    (spec.mass_kg * G * (ROLLING_RESISTANCE + grade.max(0.0)) * speed_mps.abs()) / 1000.0
}

/// Energy to process one cubic metre of sandy loam with this machine's tool, kJ/m³: what
/// makes the reference point cost `REF_LOAD` of the tool's power (about 1 MJ/m³ for the light
/// flail: the MV-4 class's 1,500 m²/h at 20 cm with most of its power in the flail agrees).
pub fn reference_energy_kj_m3(spec: &MachineSpec) -> f32 {
    let t = &spec.tool;
    let v = t.ref_speed_kmh / 3.6;
    let travel = travel_power_kw(spec, v, 0.0);
    let avail = tool_power_available_kw(spec, travel);
    let volume = t.working_width_m * t.depth_at_ref_cm * 0.01 * v;
    ((REF_LOAD - SPIN_SHARE) * avail / volume.max(1e-4)).max(1.0)
}

/// What the tool asks of the engine this tick.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Load {
    /// Power the tool needs, kW.
    pub tool_kw: f32,
    /// Power the tool has, kW.
    pub available_kw: f32,
}

impl Load {
    /// Demand against supply: 1.0 is the stall.
    pub fn ratio(&self) -> f32 {
        self.tool_kw / self.available_kw.max(1e-3)
    }
}

/// The tool's power demand working `depth_cm` at `speed_kmh` over ground of `energy_factor`
/// (`specific_energy_factor`), with the rotor at `rotor` of nominal: spinning the rotor, plus
/// the soil processed per second times the energy each cubic metre takes.
pub fn tool_load(spec: &MachineSpec, depth_cm: f32, speed_kmh: f32, energy_factor: f32, rotor: f32, travel_kw: f32) -> Load {
    let available = tool_power_available_kw(spec, travel_kw);
    let volume_m3_s = spec.tool.working_width_m * depth_cm.max(0.0) * 0.01 * speed_kmh.abs() / 3.6;
    let tool_kw = SPIN_SHARE * available * rotor.clamp(0.0, 1.0) + reference_energy_kj_m3(spec) * energy_factor * volume_m3_s;
    Load { tool_kw, available_kw: available }
}

/// The tool's state: hammers or teeth still on the rotor, how worn they are, the hydraulics.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ToolHealth {
    /// Hammers (flail) or teeth (tiller, cutter) fitted when new.
    pub fitted: u32,
    /// Of those, still on the rotor.
    pub left: u32,
    /// Wear of what is left, 0 = new, 1 = worn out.
    pub wear: f32,
    /// The tool's hydraulics, 1 = sound; the rotor turns at most this share of nominal.
    pub hydraulics: f32,
}

impl ToolHealth {
    pub fn new(spec: &MachineSpec) -> ToolHealth {
        ToolHealth { fitted: spec.tool.hammers.max(1), left: spec.tool.hammers.max(1), wear: 0.0, hydraulics: 1.0 }
    }

    /// Share of the rotor's strikes still delivered: one per hammer or tooth left.
    pub fn strike_factor(&self) -> f32 {
        self.left as f32 / self.fitted.max(1) as f32
    }

    /// Share of the tool's depth reach left: fewer hammers put less energy into each metre
    /// (reach ∝ the fourth root of the strikes: mostly the hammers' length and the rotor set
    /// the depth, fewer of them work it more slowly), worn ones are lighter and shorter (a
    /// fully worn set reaches 30 % less). Assumption. (The rotor's own speed, which cracked
    /// hydraulics cap, is a separate factor of the depth.)
    pub fn depth_factor(&self) -> f32 {
        self.strike_factor().sqrt().sqrt() * (1.0 - 0.3 * self.wear.clamp(0.0, 1.0))
    }

    /// The depth reach left with the rotor at the most the hydraulics allow: what an operator
    /// plans the speed by.
    pub fn reach_factor(&self) -> f32 {
        self.depth_factor() * self.hydraulics
    }

    /// The per-strike effect of a worn hammer or tooth on a mine: a worn set hits 40 % softer.
    /// Assumption.
    pub fn strike_effect(&self) -> f32 {
        1.0 - 0.4 * self.wear.clamp(0.0, 1.0)
    }

    /// "flail: 29 of 34 hammers, 12 % worn" for the HUD and the debrief.
    pub fn describe(&self, kind: ToolKind) -> String {
        let what = match kind {
            ToolKind::Flail => "hammers",
            _ => "teeth",
        };
        let mut s = format!("{}: {} of {} {what}", kind.label(), self.left, self.fitted);
        if self.wear >= 0.005 {
            s += &format!(", {:.0} % worn", self.wear * 100.0);
        }
        if self.hydraulics < 0.999 {
            s += &format!(", hydraulics {:.0} %", self.hydraulics * 100.0);
        }
        s
    }
}

/// Scaled distance within which a blast breaks hammers, chains or teeth, m/∛kg (Hopkinson–
/// Cranz scaling: equal effects at equal R/∛W). Assumption.
const BREAK_SCALED_M: f32 = 0.9;
/// Share of the hammers inside that reach that break off. Assumption.
const BREAK_SHARE: f32 = 0.05;

/// Hammers or teeth a blast `distance_m` below the rotor tears off, expected (before
/// rounding), for a rotor carrying `per_m` of them per metre of its width: those along the
/// length of rotor that lies within the blast's breaking reach (`BREAK_SCALED_M`·∛charge), a
/// share of them. A 0.1 kg AP blast 0.33 m under a flail then takes about half a hammer, a
/// 0.66 kg fragmentation mine about one and a half, a 7.5 kg AT blast under the heavy flail
/// about four. Assumption; no public loss figures were found.
pub fn blast_tool_loss(per_m: f32, charge_kg: f32, distance_m: f32) -> f32 {
    let reach = BREAK_SCALED_M * charge_kg.max(0.0).cbrt();
    let d = distance_m.max(0.0);
    let along = 2.0 * (reach * reach - d * d).max(0.0).sqrt();
    per_m * along * BREAK_SHARE
}

/// Hydraulic damage from a blast at the tool: a blast whose share reaching the hull (35 %)
/// exceeds half the hull's rated charge cracks hoses and motors, costing 15 % of the rotor's
/// speed per rated charge. Assumption.
pub fn blast_hydraulic_loss(spec: &MachineSpec, kind: MineKind) -> f32 {
    let q = 0.35 * kind.charge_kg() / spec.survives_charge_kg.max(0.01);
    if q > 0.5 { (0.15 * q).min(0.4) } else { 0.0 }
}

/// Wear of the hammers or teeth per hour of working this soil (a full set worn out = 1), at
/// the reference depth. Flail hammers last about a working week in sandy loam; teeth of a
/// tiller or cutter in rocky ground about a day. Assumption (no public figures found).
pub fn wear_per_hour(kind: ToolKind, soil: SoilKind) -> f32 {
    let abrasion = match soil {
        SoilKind::SandyLoam => 1.0,
        SoilKind::Clay => 0.8,
        SoilKind::Wet => 0.6,
        SoilKind::Rocky => 4.0,
        SoilKind::Road => 3.0,
    };
    let tool = match kind {
        ToolKind::Flail => 0.02,
        ToolKind::Tiller | ToolKind::RotaryCutter => 0.03,
    };
    abrasion * tool
}

/// Teeth a tiller or cutter breaks per hour in rocky ground (none for a flail's chains, which
/// give way). Assumption.
pub fn teeth_broken_per_hour(kind: ToolKind, soil: SoilKind) -> f32 {
    match (kind, soil) {
        (ToolKind::Flail, _) => 0.0,
        (_, SoilKind::Rocky) => 6.0,
        (_, SoilKind::Road) => 3.0,
        _ => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mv4() -> MachineSpec {
        ron::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/machines/mv4.ron")).unwrap()).unwrap()
    }

    #[test]
    fn load_at_the_reference_is_the_reference_load() {
        let s = mv4();
        let t = &s.tool;
        let travel = travel_power_kw(&s, t.ref_speed_kmh / 3.6, 0.0);
        let l = tool_load(&s, t.depth_at_ref_cm, t.ref_speed_kmh, 1.0, 1.0, travel);
        assert!((l.ratio() - REF_LOAD).abs() < 1e-3, "{}", l.ratio());
    }

    #[test]
    fn harder_ground_loads_more_at_the_same_speed_and_equally_at_its_own_band() {
        let s = mv4();
        let at = |h: f32, v: f32| {
            let d = s.depth_capacity_cm(v, h, 1.0, 1.0).min(20.0);
            tool_load(&s, d, v, specific_energy_factor(ToolKind::Flail, SoilKind::Clay, h), 1.0, travel_power_kw(&s, v / 3.6, 0.0)).ratio()
        };
        assert!(at(1.7, 3.5) > 1.0, "hard clay at 3.5 km/h stalls: {}", at(1.7, 3.5));
        assert!(at(1.0, 3.5) < 1.0, "sandy loam at 3.5 km/h does not: {}", at(1.0, 3.5));
        // At the top of each soil's band for 20 cm the load is the same.
        let band = |h: f32| s.max_speed_for_depth_kmh(20.0, h, 1.0);
        assert!((at(1.7, band(1.7)) - at(1.0, band(1.0))).abs() < 0.05);
    }

    #[test]
    fn tool_losses_follow_charge_and_distance() {
        let ap = blast_tool_loss(34.0 / 1.73, 0.1, 0.33);
        assert!((0.3..1.0).contains(&ap), "{ap}");
        let at = blast_tool_loss(72.0 / 3.5, 7.5, 0.4);
        assert!((2.5..6.0).contains(&at), "{at}");
        assert_eq!(blast_tool_loss(20.0, 0.1, 1.0), 0.0, "out of reach");
        assert!(blast_tool_loss(20.0, 7.5, 2.0) < blast_tool_loss(20.0, 7.5, 0.4));
        let mut h = ToolHealth::new(&s_with(34));
        let before = h.depth_factor();
        h.left = 29;
        assert!(h.depth_factor() < before && h.strike_factor() < 1.0);
        assert_eq!(h.describe(ToolKind::Flail), "flail: 29 of 34 hammers");
    }

    fn s_with(hammers: u32) -> MachineSpec {
        let mut s = mv4();
        s.tool.hammers = hammers;
        s
    }
}
