//! Faults: what the trainee did wrong, when and where, in words they can act on.

use serde::{Deserialize, Serialize};

use crate::text::Message;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FaultKind {
    /// Track centre lines on hazard ground no tool had processed (the worst technique fault).
    TracksOnUnprocessed,
    /// Reversing onto hazard ground the tool had not processed.
    ReversingOntoUnprocessed,
    /// Driving faster than the soil allows for the required depth.
    TooFastForDepth,
    /// The tool, set deep enough and not driven too fast, fell short of the depth for another
    /// cause (rotor below speed, a worn tool, ground too hard at any working speed).
    DepthShort,
    /// The tool set too shallow (or not down) when working new ground.
    ShallowTool,
    /// A strip left unprocessed between processed lanes.
    Gap,
    /// Lane overlap outside the band the scenario asks for.
    OverlapOutOfBand,
    /// A live mine set off by a track.
    TrackDetonation,
    /// Left the worksite (the hazard area, its turning margin and the start lane).
    LeftWorksite,
    /// Ground steeper than the machine's slope limit.
    SlopeLimit,
    /// Remote machine came closer to the operator than the stand-off distance.
    StandoffBreached,
    /// Hit a tree or rock.
    Collision,
    /// The rotor stalled: too deep, too fast or too hard for the tool.
    RotorStall,
    /// A blast disabled the machine.
    MachineDisabled,
    /// The time limit ran out before the area was done.
    TimeLimit,
    /// A boom machine's cutter slewed or reached into a tree, a rock or its own machine.
    BoomCollision,
    /// A mine the tool threw aside live: the operator marks it for the follow-up team.
    LiveMineThrown,
}

impl FaultKind {
    /// Its name in `lang` (message `fault-kind-<key>`).
    pub fn name_in(self, lang: crate::text::Lang) -> String {
        crate::text::word(lang, "fault-kind", &crate::text::key(&self))
    }

    pub const ALL: [FaultKind; 17] = [
        FaultKind::TracksOnUnprocessed,
        FaultKind::ReversingOntoUnprocessed,
        FaultKind::TooFastForDepth,
        FaultKind::DepthShort,
        FaultKind::ShallowTool,
        FaultKind::Gap,
        FaultKind::OverlapOutOfBand,
        FaultKind::TrackDetonation,
        FaultKind::LeftWorksite,
        FaultKind::SlopeLimit,
        FaultKind::StandoffBreached,
        FaultKind::Collision,
        FaultKind::RotorStall,
        FaultKind::MachineDisabled,
        FaultKind::TimeLimit,
        FaultKind::BoomCollision,
        FaultKind::LiveMineThrown,
    ];

    /// The kind's name in reports, CSV columns and the progress database (its serde name).
    pub fn key(self) -> String {
        serde_json::to_string(&self).unwrap_or_default().trim_matches('"').to_string()
    }

    /// The kind a `key` names.
    pub fn from_key(key: &str) -> Option<FaultKind> {
        FaultKind::ALL.into_iter().find(|k| k.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            FaultKind::TracksOnUnprocessed => "tracks on unprocessed ground",
            FaultKind::ReversingOntoUnprocessed => "reversing onto unprocessed ground",
            FaultKind::TooFastForDepth => "too fast for depth",
            FaultKind::DepthShort => "tool short of depth",
            FaultKind::ShallowTool => "tool too shallow on new ground",
            FaultKind::Gap => "ground left short of depth",
            FaultKind::OverlapOutOfBand => "overlap outside the asked band",
            FaultKind::TrackDetonation => "mine set off by a track",
            FaultKind::LeftWorksite => "left the worksite",
            FaultKind::SlopeLimit => "slope past the machine's limit",
            FaultKind::StandoffBreached => "stand-off breached",
            FaultKind::Collision => "collision",
            FaultKind::RotorStall => "rotor stall",
            FaultKind::MachineDisabled => "machine disabled",
            FaultKind::TimeLimit => "time limit reached",
            FaultKind::BoomCollision => "boom into an obstacle or the machine",
            FaultKind::LiveMineThrown => "live mine thrown aside",
        }
    }

    /// The part of the score this fault costs.
    pub fn part(self) -> Part {
        use FaultKind::*;
        match self {
            TracksOnUnprocessed | ReversingOntoUnprocessed | TrackDetonation | LeftWorksite | SlopeLimit | StandoffBreached | MachineDisabled => Part::Safety,
            TooFastForDepth | DepthShort | ShallowTool => Part::SpeedDepth,
            Gap | OverlapOutOfBand => Part::Lanes,
            LiveMineThrown => Part::Clearance,
            Collision | RotorStall | BoomCollision => Part::MachineCare,
            TimeLimit => Part::Efficiency,
        }
    }
}

/// The parts of the score, as the scenario weights them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    Clearance,
    Lanes,
    SpeedDepth,
    Safety,
    Efficiency,
    MachineCare,
}

impl Part {
    /// Its name in `lang` (message `part-<key>`).
    pub fn name_in(self, lang: crate::text::Lang) -> String {
        crate::text::word(lang, "part", &crate::text::key(&self))
    }

    pub const ALL: [Part; 6] = [Part::Clearance, Part::Lanes, Part::SpeedDepth, Part::Safety, Part::Efficiency, Part::MachineCare];

    pub fn key(self) -> &'static str {
        match self {
            Part::Clearance => "clearance",
            Part::Lanes => "lanes",
            Part::SpeedDepth => "speed_depth",
            Part::Safety => "safety",
            Part::Efficiency => "efficiency",
            Part::MachineCare => "machine_care",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Part::Clearance => "clearance quality",
            Part::Lanes => "lane technique",
            Part::SpeedDepth => "speed and depth",
            Part::Safety => "safety",
            Part::Efficiency => "efficiency",
            Part::MachineCare => "machine care",
        }
    }
}

/// One fault: kind, when (s), where (x, z), lane, and what happened in numbers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fault {
    pub kind: FaultKind,
    pub t: f32,
    pub x: f32,
    pub z: f32,
    /// Lane number (1-based; 0 = outside the lanes).
    pub lane: u32,
    /// What happened, in English (rendered from `message`; kept for scripts reading reports).
    pub detail: String,
    /// What happened as data: a message id and its numbers (reports before it have none).
    #[serde(default)]
    pub message: Message,
}

impl Fault {
    pub fn new(kind: FaultKind, t: f32, (x, z): (f32, f32), lane: u32, message: Message) -> Fault {
        Fault { kind, t, x, z, lane, detail: message.english(), message }
    }

    /// Replaces what the fault says (an episode's numbers grow while it lasts).
    pub fn set_message(&mut self, message: Message) {
        self.detail = message.english();
        self.message = message;
    }

    /// What happened, in words: from the message, or the stored text of an older report.
    pub fn text(&self) -> String {
        if self.message.id.is_empty() { self.detail.clone() } else { self.message.english() }
    }
}
