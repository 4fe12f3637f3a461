//! What the tool does to a mine it meets, from how the ground was worked: one encounter per
//! pass, judged on this pass's depth at the mine, the strikes its spot received, the soil, the
//! tool and the mine. Each relation is a small function; `docs/model.md` gives the sources.
//!
//! The model is one of competing outcomes per strike. Each hammer or tooth that reaches the
//! mine sets it off, breaks it up, throws it, pushes it down or damages its fuze with small
//! probabilities; the first decisive strike decides its fate, and a mine that no strike
//! decided is left intact in the churned soil. More strikes (slower driving, a full rotor)
//! make a decision likelier; a deeper layer below the mine lets the strikes hit it squarely
//! instead of skimming its top and pushing it down; soft, wet soil cushions the blow and lets
//! the mine sink; stones throw it.

use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use super::Fate;
use crate::machine::ToolKind;
use crate::scenario::{MineKind, SoilKind};

/// What the tool, the ground and the mine were like when the tool met it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Encounter {
    pub tool: ToolKind,
    pub mine: MineKind,
    /// Depth this pass processed at the mine's spot, cm.
    pub processed_cm: f32,
    /// Depth of the mine's top, cm.
    pub top_cm: f32,
    /// Strikes of hammers or teeth per square metre of ground (`strikes_per_m2`).
    pub strikes_per_m2: f32,
    /// What the tool's wear leaves of each strike's effect, 0–1.
    pub strike_effect: f32,
    pub soil: SoilKind,
    pub moisture_pct: f32,
}

/// Strikes per square metre a rotor delivers: its turns per second times the hammers or teeth
/// on it, over the ground it passes per second (its speed over the ground times its width). A
/// standing rotor is treated as creeping at 0.05 km/h.
pub fn strikes_per_m2(rotor_rpm: f32, rotor: f32, hammers: u32, speed_kmh: f32, width_m: f32) -> f32 {
    let per_s = rotor_rpm / 60.0 * rotor.clamp(0.0, 1.0) * hammers as f32;
    let area_per_s = speed_kmh.abs().max(0.05) / 3.6 * width_m.max(0.1);
    per_s / area_per_s
}

/// Share of the mine's body inside the processed layer, 0–1 (0: the layer stops above it, so
/// the tool does not meet it at all).
pub fn engagement(processed_cm: f32, top_cm: f32, height_cm: f32) -> f32 {
    ((processed_cm - top_cm) / height_cm.max(1.0)).clamp(0.0, 1.0)
}

/// Strikes that land on the mine: the strike density over the mine's top area.
pub fn strikes_on_mine(strikes_per_m2: f32, kind: MineKind) -> f32 {
    let r = kind.diameter_m() * 0.5;
    strikes_per_m2 * std::f32::consts::PI * r * r
}

/// Per-strike chances of each outcome.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PerStrike {
    pub initiate: f32,
    pub break_up: f32,
    pub throw: f32,
    pub push_down: f32,
    pub damage: f32,
}

impl PerStrike {
    pub fn total(&self) -> f32 {
        self.initiate + self.break_up + self.throw + self.push_down + self.damage
    }
}

/// Per-strike chances by tool and mine with the mine squarely hit in sandy loam. Calibrated so
/// that a flail at about 0.5 km/h in sandy loam to 20 cm neutralises about 85 % of the AP mines
/// it meets in one pass and, with the next lane's overlap meeting some of the rest again, about
/// 90 % of those in the ground it works, and
/// sets off nearly every AT mine, a tiller pushes several times more mines down than a flail,
/// and UXO is very rarely set off (mostly thrown, broken open or left).
pub fn base_per_strike(tool: ToolKind, mine: MineKind) -> PerStrike {
    let p = |initiate, break_up, throw, push_down, damage| PerStrike { initiate, break_up, throw, push_down, damage };
    match (tool, mine) {
        (ToolKind::Flail, MineKind::ApBlast) => p(0.13, 0.09, 0.02, 0.012, 0.012),
        (ToolKind::Flail, MineKind::ApFragmentation) => p(0.10, 0.12, 0.02, 0.010, 0.012),
        (ToolKind::Flail, MineKind::At) => p(0.20, 0.004, 0.002, 0.002, 0.002),
        (ToolKind::Flail, MineKind::Uxo) => p(0.004, 0.02, 0.06, 0.01, 0.03),
        (ToolKind::Tiller, MineKind::ApBlast) => p(0.13, 0.16, 0.003, 0.035, 0.015),
        (ToolKind::Tiller, MineKind::ApFragmentation) => p(0.10, 0.19, 0.003, 0.035, 0.015),
        (ToolKind::Tiller, MineKind::At) => p(0.24, 0.03, 0.0, 0.025, 0.008),
        (ToolKind::Tiller, MineKind::Uxo) => p(0.006, 0.05, 0.015, 0.08, 0.05),
        (ToolKind::RotaryCutter, MineKind::ApBlast) => p(0.11, 0.11, 0.006, 0.014, 0.010),
        (ToolKind::RotaryCutter, MineKind::ApFragmentation) => p(0.09, 0.13, 0.006, 0.014, 0.010),
        (ToolKind::RotaryCutter, MineKind::At) => p(0.20, 0.02, 0.001, 0.01, 0.004),
        (ToolKind::RotaryCutter, MineKind::Uxo) => p(0.005, 0.04, 0.04, 0.04, 0.04),
    }
}

/// How much wet soil cushions a strike: above 20 % moisture each point takes 4 % off its
/// effect (at 35 %, waterlogged, a strike does about 60 % of its work). Assumption shaped on
/// the CMAC trials' dry/wet split at 25 %.
pub fn moisture_cushion(moisture_pct: f32) -> f32 {
    1.0 / (1.0 + 0.04 * (moisture_pct - 20.0).max(0.0))
}

/// How much more readily a mine sinks in wet soil than in dry: 10 % more per point of moisture
/// above 15 % (at 35 %, three times). Assumption.
pub fn moisture_sinking(moisture_pct: f32) -> f32 {
    1.0 + 0.1 * (moisture_pct - 15.0).max(0.0)
}

/// Stones in the soil throw a struck mine aside 2.5 times as often. Assumption.
pub fn rock_throw(soil: SoilKind) -> f32 {
    if soil == SoilKind::Rocky { 2.5 } else { 1.0 }
}

/// How much a layer processed below the mine's bottom keeps it from being pushed down: none at
/// the bottom, half as often with 5 cm or more below it (the mine lies in churned soil and is
/// lifted rather than driven into firm ground). Assumption.
pub fn under_margin_hold(under_cm: f32) -> f32 {
    1.0 - (under_cm / 10.0).clamp(0.0, 0.5)
}

/// The per-strike chances for this encounter: the base for tool and mine, with the decisive
/// outcomes (set off, broken up) scaled by how much of the mine is in the layer, by the tool's
/// wear and by the soil's cushion; pushing down scaled by skimming, moisture and the margin
/// below; throwing by stones.
pub fn per_strike(e: &Encounter) -> PerStrike {
    let b = base_per_strike(e.tool, e.mine);
    let height_cm = e.mine.height_m() * 100.0;
    let engaged = engagement(e.processed_cm, e.top_cm, height_cm);
    let under_cm = e.processed_cm - (e.top_cm + height_cm);
    let hit = engaged * e.strike_effect.clamp(0.0, 1.0) * moisture_cushion(e.moisture_pct);
    // A strike that only skims the top drives the mine down rather than breaking it.
    let skim = 1.0 + (1.0 - engaged);
    PerStrike {
        initiate: b.initiate * hit,
        break_up: b.break_up * hit,
        throw: b.throw * rock_throw(e.soil),
        push_down: b.push_down * skim * moisture_sinking(e.moisture_pct) * under_margin_hold(under_cm),
        damage: b.damage,
    }
}

/// Chances of each fate for this encounter (they sum to 1): the first decisive strike of
/// `strikes_on_mine` decides; with none, the mine stays intact.
pub fn fate_chances(e: &Encounter) -> [(Fate, f32); 6] {
    let p = per_strike(e);
    let q = p.total().clamp(1e-6, 0.999);
    let n = strikes_on_mine(e.strikes_per_m2, e.mine);
    let decided = 1.0 - (1.0 - q).powf(n);
    let share = |x: f32| decided * x / q;
    [
        (Fate::Detonated, share(p.initiate)),
        (Fate::Destroyed, share(p.break_up)),
        (Fate::ThrownAside, share(p.throw)),
        (Fate::PushedDeeper, share(p.push_down)),
        (Fate::DamagedLive, share(p.damage)),
        (Fate::Intact, 1.0 - decided),
    ]
}

/// Draws this encounter's fate from the fate stream (one draw).
pub fn roll(e: &Encounter, rng: &mut ChaCha8Rng) -> Fate {
    let u = rng.random::<f32>();
    let chances = fate_chances(e);
    let mut acc = 0.0;
    for (f, p) in chances {
        acc += p;
        if u < acc {
            return f;
        }
    }
    Fate::Intact
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The MV-4 class flail at 0.5 km/h.
    fn nominal(mine: MineKind) -> Encounter {
        Encounter {
            tool: ToolKind::Flail,
            mine,
            processed_cm: 20.0,
            top_cm: 5.0,
            strikes_per_m2: strikes_per_m2(900.0, 1.0, 34, 0.5, 1.73),
            strike_effect: 1.0,
            soil: SoilKind::SandyLoam,
            moisture_pct: 12.0,
        }
    }

    fn chance(e: &Encounter, fates: &[Fate]) -> f32 {
        fate_chances(e).iter().filter(|(f, _)| fates.contains(f)).map(|(_, p)| p).sum()
    }

    const NEUTRAL: [Fate; 2] = [Fate::Detonated, Fate::Destroyed];

    #[test]
    fn chances_sum_to_one_and_stay_in_range() {
        for tool in [ToolKind::Flail, ToolKind::Tiller, ToolKind::RotaryCutter] {
            for mine in MineKind::ALL {
                for (d, v, m) in [(20.0, 0.5, 12.0), (6.0, 3.0, 35.0), (40.0, 0.05, 0.0)] {
                    let e = Encounter { tool, mine, processed_cm: d, strikes_per_m2: strikes_per_m2(300.0, 1.0, 40, v, 2.0), moisture_pct: m, ..nominal(mine) };
                    let c = fate_chances(&e);
                    assert!(c.iter().all(|(_, p)| (0.0..=1.0).contains(p)), "{c:?}");
                    assert!((c.iter().map(|(_, p)| p).sum::<f32>() - 1.0).abs() < 1e-4);
                }
            }
        }
    }

    #[test]
    fn public_anchors_at_nominal_technique() {
        // One encounter; the overlap of the next lane meets some of the rest again (the
        // simulation's share over a worked strip is about 0.9: tests/suite/model.rs).
        let ap = chance(&nominal(MineKind::ApBlast), &NEUTRAL);
        assert!((0.80..0.90).contains(&ap), "flail AP neutralised {ap}");
        let at = chance(&nominal(MineKind::At), &[Fate::Detonated]);
        assert!(at > 0.93, "flail AT detonated {at}");
        let uxo = chance(&nominal(MineKind::Uxo), &[Fate::Detonated]);
        assert!(uxo < 0.05, "flail UXO detonated {uxo}");
        let tiller = Encounter { tool: ToolKind::Tiller, strikes_per_m2: strikes_per_m2(200.0, 1.0, 90, 0.5, 3.4), ..nominal(MineKind::ApBlast) };
        let pushed_t = chance(&tiller, &[Fate::PushedDeeper]);
        let pushed_f = chance(&nominal(MineKind::ApBlast), &[Fate::PushedDeeper]);
        assert!(pushed_t > 2.0 * pushed_f, "tiller {pushed_t} flail {pushed_f}");
    }

    #[test]
    fn each_cause_moves_the_fate_the_physical_way() {
        let base = nominal(MineKind::ApBlast);
        // Slower: more strikes, more neutralised.
        let fast = Encounter { strikes_per_m2: strikes_per_m2(900.0, 1.0, 34, 2.0, 1.73), ..base };
        assert!(chance(&base, &NEUTRAL) > chance(&fast, &NEUTRAL) + 0.1);
        // Wetter: more pushed down.
        let wet = Encounter { moisture_pct: 35.0, ..base };
        assert!(chance(&wet, &[Fate::PushedDeeper]) > 2.0 * chance(&base, &[Fate::PushedDeeper]));
        assert!(chance(&wet, &NEUTRAL) < chance(&base, &NEUTRAL));
        // Rocky: more thrown.
        let rocky = Encounter { soil: SoilKind::Rocky, ..base };
        assert!(chance(&rocky, &[Fate::ThrownAside]) > chance(&base, &[Fate::ThrownAside]));
        // Fewer hammers: fewer strikes, worse fates.
        let damaged = Encounter { strikes_per_m2: strikes_per_m2(900.0, 1.0, 20, 0.5, 1.73), strike_effect: 0.8, ..base };
        assert!(chance(&damaged, &NEUTRAL) < chance(&base, &NEUTRAL));
        // A deeper margin: better fates, fewer pushed down.
        let skim = Encounter { processed_cm: 7.0, ..base };
        assert!(chance(&skim, &NEUTRAL) < chance(&base, &NEUTRAL));
        assert!(chance(&skim, &[Fate::PushedDeeper]) > chance(&base, &[Fate::PushedDeeper]));
    }
}
