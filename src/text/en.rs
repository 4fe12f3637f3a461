//! The English catalogue: every message id and its sentence. `IDS` lists each id with the
//! arguments it takes (a test renders each with and without them).

use super::{Message, key};
use crate::machine::ToolKind;
use crate::scenario::{MineKind, SoilKind};

/// Every message id and the names of its arguments.
pub const IDS: &[(&str, &[&str])] = &[
    ("fault-tracks-on-unprocessed", &["lane", "from_m", "to_m"]),
    ("fault-reversing-onto-unprocessed", &["lane", "from_m", "to_m"]),
    ("fault-too-fast", &["lane", "from_m", "to_m", "speed_kmh", "reached_cm", "required_cm", "soil", "limit_kmh"]),
    ("fault-too-fast-sweep", &["sweep", "speed_kmh", "reached_cm", "required_cm", "soil", "limit_kmh"]),
    ("fault-depth-short-rotor", &["lane", "from_m", "to_m", "rotor_pct", "reached_cm", "required_cm"]),
    ("fault-depth-short-tool", &["lane", "from_m", "to_m", "speed_kmh", "limit_kmh", "reached_cm", "required_cm", "tool", "left", "fitted", "wear_pct"]),
    ("fault-depth-short-hard", &["lane", "from_m", "to_m", "speed_kmh", "reached_cm", "required_cm", "soil", "vegetation_pct"]),
    ("fault-shallow-tool", &["lane", "from_m", "to_m", "set_cm", "required_cm"]),
    ("fault-shallow-relief", &["lane", "from_m", "to_m", "set_cm", "required_cm"]),
    ("fault-left-worksite", &["margin_m"]),
    ("fault-slope-limit", &["slope_deg", "limit_deg"]),
    ("fault-standoff", &["distance_m", "standoff_m"]),
    ("fault-track-detonation", &["mine", "lane"]),
    ("fault-track-detonation-shallow", &["mine", "lane", "worked_cm"]),
    ("fault-collision", &["speed_kmh"]),
    ("fault-boom-obstacle", &[]),
    ("fault-boom-own-machine", &[]),
    ("fault-rotor-stall", &["speed_kmh", "set_cm", "soil", "hardness", "need_kw", "have_kw"]),
    ("fault-machine-disabled", &[]),
    ("fault-gap", &["lane", "from_m", "to_m", "area_m2", "place", "reached_cm", "required_cm"]),
    ("fault-live-mine-thrown", &["mine", "x", "z", "outside"]),
    ("fault-overlap", &["overlap_m", "lo_m", "hi_m"]),
    ("fault-time-limit", &["limit_min"]),
    ("advice-gaps", &["area_m2", "patches"]),
    ("advice-clearance", &["points", "coverage_pct", "required_cm", "live"]),
    ("advice-sweeps", &["points", "gap_m2", "overlap_m", "lo_m"]),
    ("advice-lanes", &["points", "gap_m2", "overlap_m", "lo_m", "hi_m", "wander_m"]),
    ("advice-speed-depth-sweeps", &["points", "shallow_pct", "required_cm"]),
    ("advice-speed-depth", &["points", "shallow_pct", "required_cm"]),
    ("advice-safety", &["points", "faults"]),
    ("advice-efficiency", &["points", "rate_m2h", "lo_m2h", "hi_m2h"]),
    ("advice-machine-care", &["points", "condition_pct", "tool", "left", "fitted", "wear_pct", "collisions", "boom_strikes", "stalls"]),
    ("tool-state", &["tool", "left", "fitted", "wear_pct", "hydraulics_pct"]),
    ("qc-passed", &["squares", "sample_m2", "required_cm"]),
    ("qc-failed-depth", &["shallow_m2", "sample_m2", "required_cm"]),
    ("qc-failed-mines", &["found", "sample_m2"]),
    ("release-released", &["released_m2", "required_cm"]),
    ("release-follow-up", &["area_m2", "required_cm", "places"]),
    ("release-qc-failed", &["finding"]),
    ("place-lane", &["lane", "area_m2"]),
    ("place-manual", &["what", "lane", "area_m2"]),
    ("place-mine", &["mine", "x", "z"]),
];

fn soil(k: &str) -> &'static str {
    SoilKind::ALL.into_iter().find(|s| key(s) == k).map(SoilKind::label).unwrap_or("?")
}

fn mine(k: &str) -> &'static str {
    [MineKind::ApBlast, MineKind::ApFragmentation, MineKind::At, MineKind::Uxo].into_iter().find(|s| key(s) == k).map(MineKind::label).unwrap_or("?")
}

fn tool(k: &str) -> (&'static str, &'static str) {
    match [ToolKind::Flail, ToolKind::Tiller, ToolKind::RotaryCutter].into_iter().find(|s| key(s) == k) {
        Some(ToolKind::Flail) => ("flail", "hammers"),
        Some(t) => (t.label(), "teeth"),
        None => ("?", "?"),
    }
}

/// Where a stretch of ground left short lies.
fn place(k: &str) -> &'static str {
    match k {
        "between_lanes" => "between lanes",
        "area_edge" => "along the area's edge",
        "lane_end" => "at the end of the lane",
        "in_lane" => "inside the lane",
        _ => "?",
    }
}

/// What the scenario allows to be left for manual clearance.
fn manual(k: &str) -> &'static str {
    match k {
        "trees" => "around tree trunks",
        "rocks" => "around rocks",
        "ditch" => "in the ditch",
        "zone" => "in a zone marked for manual clearance",
        _ => "?",
    }
}

fn join(m: &Message, name: &str) -> String {
    m.items(name).iter().map(english).collect::<Vec<_>>().join(", ")
}

/// "flail: 29 of 34 hammers, 3 % worn" from `tool`, `left`, `fitted` and `wear_pct`.
fn tool_left(m: &Message) -> String {
    let (tool, parts) = tool(m.t("tool"));
    let mut s = format!("{tool}: {:.0} of {:.0} {parts}", m.n("left"), m.n("fitted"));
    if m.n("wear_pct") >= 0.5 {
        s += &format!(", {:.0} % worn", m.n("wear_pct"));
    }
    s
}

/// "lane 3, 12–30 m"
fn stretch(m: &Message) -> String {
    format!("lane {:.0}, {:.0}–{:.0} m", m.n("lane"), m.n("from_m"), m.n("to_m"))
}

/// The message in English.
pub fn english(m: &Message) -> String {
    let n = |a: &str| m.n(a);
    let t = |a: &str| m.t(a);
    match m.id.as_str() {
        "fault-tracks-on-unprocessed" => {
            format!("{}: track on ground the tool had not processed; keep the tracks inside the processed strip", stretch(m))
        }
        "fault-reversing-onto-unprocessed" => format!("{}: reversed onto unprocessed ground; only reverse along your own processed lane", stretch(m)),
        "fault-too-fast" => format!(
            "{}: {:.1} km/h, processed {:.0} cm of {:.0} cm required; in {} keep under {:.1} km/h",
            stretch(m),
            n("speed_kmh"),
            n("reached_cm"),
            n("required_cm"),
            soil(t("soil")),
            n("limit_kmh")
        ),
        "fault-too-fast-sweep" => format!(
            "sweep {:.0}: cutter swept at {:.1} km/h ({:.2} m/s), processed {:.0} cm of {:.0} cm required; in {} sweep under {:.1} km/h ({:.2} m/s)",
            n("sweep"),
            n("speed_kmh"),
            n("speed_kmh") / 3.6,
            n("reached_cm"),
            n("required_cm"),
            soil(t("soil")),
            n("limit_kmh"),
            n("limit_kmh") / 3.6
        ),
        "fault-depth-short-rotor" => format!(
            "{}: the rotor ran at {:.0} % of its speed and processed {:.0} cm of {:.0} cm required; let it reach full speed before working",
            stretch(m),
            n("rotor_pct"),
            n("reached_cm"),
            n("required_cm")
        ),
        "fault-depth-short-tool" => {
            let (tool, parts) = tool(t("tool"));
            format!(
                "{}: at {:.1} km/h (a whole {tool} would reach the depth under {:.1} km/h) the {tool} processed {:.0} cm of {:.0} cm required: it has {:.0} of {:.0} {parts} left, {:.0} % worn; slow down further and have it serviced",
                stretch(m),
                n("speed_kmh"),
                n("limit_kmh"),
                n("reached_cm"),
                n("required_cm"),
                n("left"),
                n("fitted"),
                n("wear_pct")
            )
        }
        "fault-depth-short-hard" => format!(
            "{}: at {:.1} km/h the tool processed {:.0} cm of {:.0} cm required: {} under {:.0} % vegetation is too hard for it at working speed; work it at the slowest speed and report it for follow-up",
            stretch(m),
            n("speed_kmh"),
            n("reached_cm"),
            n("required_cm"),
            soil(t("soil")),
            n("vegetation_pct")
        ),
        "fault-shallow-tool" => format!(
            "{}: moved onto new ground with the tool at {:.0} cm (required {:.0} cm); lower the tool and run the rotor before moving on",
            stretch(m),
            n("set_cm"),
            n("required_cm")
        ),
        "fault-shallow-relief" => format!(
            "{}: the ground fell away under the tool, which reached {:.0} cm of {:.0} cm required; lower the tool into hollows and ditches and lift it over humps",
            stretch(m),
            n("set_cm"),
            n("required_cm")
        ),
        "fault-left-worksite" => {
            format!("left the worksite more than {:.0} m from the marked area; turn close to the area, on ground known to be safe", n("margin_m"))
        }
        "fault-slope-limit" => format!(
            "ground at {:.0}°, past the machine's {:.0}° limit; work this slope from another direction or leave it for manual teams",
            n("slope_deg"),
            n("limit_deg")
        ),
        "fault-standoff" => format!(
            "machine came within {:.0} m of the operator (stand-off {:.0} m); plan lanes and turns away from your post",
            n("distance_m"),
            n("standoff_m")
        ),
        "fault-track-detonation" => {
            format!(
                "{} mine set off under a track (lane {:.0}) on ground the tool had not processed; drive only on processed ground",
                mine(t("mine")),
                n("lane")
            )
        }
        "fault-track-detonation-shallow" => format!(
            "{} mine set off under a track (lane {:.0}): the tool had processed this ground to only {:.0} cm, above the mine; hold the depth before driving on",
            mine(t("mine")),
            n("lane"),
            n("worked_cm")
        ),
        "fault-collision" => format!("hit an obstacle at {:.1} km/h; slow down and steer around trees and rocks", n("speed_kmh")),
        "fault-boom-obstacle" => {
            "the cutter struck a tree or rock; stop the sweep short of obstacles and leave the ground around them for the manual teams".into()
        }
        "fault-boom-own-machine" => "the cutter was swung into the machine's own tracks; keep the reach out when slewing close to the base".into(),
        "fault-rotor-stall" => format!(
            "rotor stalled at {:.1} km/h with the tool at {:.0} cm in {} (hardness {:.1}): it needed {:.0} kW of the {:.0} kW it had; slow down or raise the tool in hard ground",
            n("speed_kmh"),
            n("set_cm"),
            soil(t("soil")),
            n("hardness"),
            n("need_kw"),
            n("have_kw")
        ),
        "fault-machine-disabled" => "a blast beyond the machine's armour disabled it".into(),
        "fault-gap" => {
            let how = if n("reached_cm") <= 0.0 {
                "left unprocessed".to_string()
            } else {
                format!("processed to only {:.0} cm of {:.0} cm", n("reached_cm"), n("required_cm"))
            };
            format!("{}, {}: {:.1} m² {how}; the land cannot be released until it is processed", stretch(m), place(t("place")), n("area_m2"))
        }
        "fault-live-mine-thrown" => format!(
            "{} mine thrown live to ({:.1}, {:.1}){}; mark it for the follow-up team",
            mine(t("mine")),
            n("x"),
            n("z"),
            if n("outside") > 0.5 { ", outside the marked area" } else { "" }
        ),
        "fault-overlap" => format!("lanes overlapped by {:.2} m on average; the scenario asks {:.1}–{:.1} m", n("overlap_m"), n("lo_m"), n("hi_m")),
        "fault-time-limit" => format!("the {:.0} min time limit ran out", n("limit_min")),
        "advice-gaps" => format!(
            "{:.1} m² of the area in {:.0} place(s) was left short of the depth: no pass until every part of the marked area is processed. Go back over each gap before you leave the area.",
            n("area_m2"),
            n("patches")
        ),
        "advice-clearance" => format!(
            "Clearance cost {:.0} points: {:.0} % of the area reached {:.0} cm and {:.0} live mines remain in it. Finish every lane and hold the depth.",
            n("points"),
            n("coverage_pct"),
            n("required_cm"),
            n("live")
        ),
        "advice-sweeps" => format!(
            "Sweep technique cost {:.0} points: {:.1} m² of gaps, overlap {:.2} m (asked at least {:.1} m). Change the reach by less than the drum's width between sweeps, and overlap each column with the last.",
            n("points"),
            n("gap_m2"),
            n("overlap_m"),
            n("lo_m")
        ),
        "advice-lanes" => format!(
            "Lane technique cost {:.0} points: {:.1} m² of gaps, overlap {:.2} m (asked {:.1}–{:.1} m), sideways wander {:.2} m. Drive straight, parallel lanes.",
            n("points"),
            n("gap_m2"),
            n("overlap_m"),
            n("lo_m"),
            n("hi_m"),
            n("wander_m")
        ),
        "advice-speed-depth-sweeps" => format!(
            "Speed and depth cost {:.0} points: {:.0} % of new ground was processed shallower than {:.0} cm. Slew slower so the teeth reach the depth, and follow the ground with the boom.",
            n("points"),
            n("shallow_pct"),
            n("required_cm")
        ),
        "advice-speed-depth" => format!(
            "Speed and depth cost {:.0} points: {:.0} % of new ground was processed shallower than {:.0} cm. Slow down until the depth holds, more in hard soil and thick vegetation.",
            n("points"),
            n("shallow_pct"),
            n("required_cm")
        ),
        "advice-safety" => format!(
            "Safety cost {:.0} points: {:.0} safety faults. Keep the tracks on processed ground and stay inside the worksite.",
            n("points"),
            n("faults")
        ),
        "advice-efficiency" => format!(
            "Efficiency cost {:.0} points: {:.0} m²/h against the machine's {:.0}–{:.0} m²/h. Turn quickly outside the area and keep working speed.",
            n("points"),
            n("rate_m2h"),
            n("lo_m2h"),
            n("hi_m2h")
        ),
        "advice-machine-care" => {
            let state = tool_left(m);
            format!(
                "Machine care cost {:.0} points: condition {:.0} %, {state}, {:.0} collisions, {:.0} boom strikes, {:.0} rotor stalls. Steer clear of obstacles and ease off in hard ground: the rotor's load rises with the soil's hardness and your speed.",
                n("points"),
                n("condition_pct"),
                n("collisions"),
                n("boom_strikes"),
                n("stalls")
            )
        }
        "tool-state" => {
            let mut s = tool_left(m);
            if n("hydraulics_pct") < 99.9 {
                s += &format!(", hydraulics {:.0} %", n("hydraulics_pct"));
            }
            s
        }
        "qc-passed" => format!("passed: {:.0} squares ({:.0} m²) dug to {:.0} cm, no live mine found", n("squares"), n("sample_m2"), n("required_cm")),
        "qc-failed-depth" => {
            format!("failed: {:.1} m² of the {:.0} m² sampled was processed shallower than {:.0} cm", n("shallow_m2"), n("sample_m2"), n("required_cm"))
        }
        "qc-failed-mines" => format!("failed: {:.0} live mine(s) found in the {:.0} m² sampled", n("found"), n("sample_m2")),
        "release-released" => format!(
            "area released after machine clearance: {:.0} m² processed to {:.0} cm; the follow-up search the standard requires may proceed",
            n("released_m2"),
            n("required_cm")
        ),
        "release-follow-up" => {
            format!("follow-up manual clearance required: {:.1} m² short of {:.0} cm or set aside ({})", n("area_m2"), n("required_cm"), join(m, "places"))
        }
        "release-qc-failed" => {
            let finding = m.items("finding").first().map(english).unwrap_or_default();
            format!("QC failed: re-process the area ({})", finding.trim_start_matches("failed: "))
        }
        "place-lane" => format!("lane {:.0}: {:.1} m²", n("lane"), n("area_m2")),
        "place-manual" => format!("{} in lane {:.0}: {:.1} m²", manual(t("what")), n("lane"), n("area_m2")),
        "place-mine" => format!("live {} mine at ({:.1}, {:.1})", mine(t("mine")), n("x"), n("z")),
        other => format!("[{other}]"),
    }
}
