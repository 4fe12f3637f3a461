//! Meaning checks for scenarios and machine specs: ranges, geometry, references and caps
//! that keep a hostile or mistaken file from exhausting memory. Each finding says what to change.
//!
//! The findings are written in the trainer's language (`text::ui_lang`), from the messages
//! `problem-*` in `assets/i18n/<lang>/problems.ftl`.

use super::locate::Seg::{self, Field as F, Index as I};
use super::{Findings, Layout, ManualClearance, Region, Scenario};
use crate::geom::{self, P2};
use crate::machine::spec::{MachineSpec, RunningGear, ToolKind};
use crate::text::Lang;
use crate::tr;

/// Largest field side, metres (a 2 km square at 0.5 m terrain cells is ~16 M cells).
pub const MAX_FIELD_M: f32 = 2000.0;
/// Most mines in one scenario.
pub const MAX_MINES: u64 = 100_000;
/// Most vertices in any polygon or polyline.
const MAX_POINTS: usize = 512;
/// Room a machine needs outside the hazard area to turn, metres.
const TURN_MARGIN_M: f32 = 8.0;

struct Ctx<'a> {
    f: &'a mut Findings,
    /// The language the findings are written in.
    lang: Lang,
}

/// The unit after a range's figures: the message `problem-unit-<name>` (with its leading
/// space where it has one), or nothing for `""`.
fn unit(lang: Lang, name: &str) -> String {
    if name.is_empty() { String::new() } else { crate::text::tr_in(lang, &format!("problem-unit-{name}"), &[]) }
}

/// A tool's name in `lang` (`flail` in English, as `ToolKind::label` says it).
fn tool_name(lang: Lang, kind: ToolKind) -> String {
    crate::text::word(lang, "tool", &format!("{kind:?}"))
}

/// A machine's name in `lang`: a built-in machine's translated name, else the name its file gives.
fn machine_name(lang: Lang, m: &MachineSpec) -> String {
    if lang == Lang::En { m.name.clone() } else { super::builtin_machine_in(&m.name, lang) }
}

impl Ctx<'_> {
    /// `unit_name` names a `problem-unit-*` message ("" for none).
    fn range(&mut self, path: &[Seg], v: f32, lo: f32, hi: f32, unit_name: &str) {
        let lang = self.lang;
        self.range_with(path, v, lo, hi, move || unit(lang, unit_name));
    }

    /// A range whose unit text (with its explanation) is made only when the value is out of it.
    fn range_with(&mut self, path: &[Seg], v: f32, lo: f32, hi: f32, unit: impl FnOnce() -> String) {
        if !v.is_finite() || v < lo || v > hi {
            self.f.add(path, tr!(self.lang, "problem-out-of-range", value = v, lo = lo, hi = hi, unit = unit()));
        }
    }

    fn ordered(&mut self, path: &[Seg], pair: (f32, f32), lo: f32, hi: f32, unit_name: &str) {
        let lang = self.lang;
        self.ordered_with(path, pair, lo, hi, move || unit(lang, unit_name));
    }

    fn ordered_with(&mut self, path: &[Seg], (a, b): (f32, f32), lo: f32, hi: f32, unit: impl FnOnce() -> String) {
        if !(a.is_finite() && b.is_finite()) || a < lo || b > hi {
            self.f.add(path, tr!(self.lang, "problem-pair-out-of-range", a = a, b = b, lo = lo, hi = hi, unit = unit()));
        } else if a > b {
            // The fix as it is written in the file (a decimal point in every language).
            self.f.add(path, tr!(self.lang, "problem-pair-reversed", a = a, b = b, fix = format!("({b}, {a})")));
        }
    }

    /// `what`: what to write there, already in the findings' language.
    fn non_empty(&mut self, path: &[Seg], s: &str, what: &str) {
        if s.trim().is_empty() {
            self.f.add(path, tr!(self.lang, "problem-empty", what = what));
        }
    }

    /// Text for trainees: an English text (every other language falls back to it), and only
    /// languages the trainer speaks. `what`: what the text says, in the findings' language.
    fn local_text(&mut self, field: Seg, text: &crate::text::LocalText, what: &str) {
        self.non_empty(&[field.clone()], text.english(), what);
        if let crate::text::LocalText::Many(by_lang) = text
            && !by_lang.contains_key(crate::text::Lang::En.code())
        {
            self.f.add(&[field.clone()], tr!(self.lang, "problem-no-english", what = what));
        }
        for code in text.unknown_languages() {
            let known = crate::text::Lang::ALL.map(|l| format!("\"{}\"", l.code())).join(", ");
            self.f.add(&[field.clone()], tr!(self.lang, "problem-unknown-language", code = code, known = known));
        }
    }

    fn point_in_field(&mut self, path: &[Seg], p: P2, size: P2) -> bool {
        if !(p.0.is_finite() && p.1.is_finite()) || p.0 < 0.0 || p.1 < 0.0 || p.0 > size.0 || p.1 > size.1 {
            self.f.add(path, tr!(self.lang, "problem-point-outside", x = p.0, z = p.1, width = size.0, depth = size.1));
            return false;
        }
        true
    }

    /// A simple polygon inside the field; returns whether it is usable for further checks.
    /// `what`: the polygon's name in the findings' language (`problem-what-*`).
    fn polygon(&mut self, path: &[Seg], poly: &[P2], size: P2, what: &str) -> bool {
        if poly.len() < 3 {
            self.f.add(path, tr!(self.lang, "problem-polygon-few-corners", what = what, found = poly.len()));
            return false;
        }
        if poly.len() > MAX_POINTS {
            self.f.add(path, tr!(self.lang, "problem-polygon-many-corners", what = what, found = poly.len(), most = MAX_POINTS));
            return false;
        }
        let mut ok = true;
        for (i, &p) in poly.iter().enumerate() {
            let mut pp = path.to_vec();
            pp.push(I(i));
            ok &= self.point_in_field(&pp, p, size);
        }
        if !ok {
            return false;
        }
        if let Some((a, b)) = geom::self_intersection(poly) {
            self.f.add(path, tr!(self.lang, "problem-polygon-crosses", what = what, a = a, a_next = a + 1, b = b, b_next = (b + 1) % poly.len()));
            return false;
        }
        if geom::area(poly) < 1.0 {
            self.f.add(path, tr!(self.lang, "problem-polygon-no-area", what = what));
            return false;
        }
        true
    }

    fn region(&mut self, path: &[Seg], r: &Region, size: P2) {
        match r {
            Region::Whole => {}
            Region::Rect { min, max } => {
                let mut p = path.to_vec();
                p.push(F("min"));
                self.point_in_field(&p, *min, size);
                p.pop();
                p.push(F("max"));
                self.point_in_field(&p, *max, size);
                if min.0 >= max.0 || min.1 >= max.1 {
                    self.f.add(path, tr!(self.lang, "problem-rect-empty"));
                }
            }
            Region::Polygon(poly) => {
                let what = tr!(self.lang, "problem-what-region");
                self.polygon(path, poly, size, &what);
            }
            Region::Patches { share, size_m } => {
                let mut p = path.to_vec();
                p.push(F("share"));
                self.range(&p, *share, 0.0, 1.0, "");
                p.pop();
                p.push(F("size_m"));
                self.range(&p, *size_m, 1.0, 500.0, "m");
            }
        }
    }
}

/// Checks a machine spec's figures.
pub fn validate_machine(m: &MachineSpec, f: &mut Findings) {
    let mut c = Ctx { f, lang: crate::text::ui_lang() };
    let lang = c.lang;
    c.non_empty(&[F("name")], &m.name, &tr!(lang, "problem-what-machine-name"));
    c.range(&[F("mass_kg")], m.mass_kg, 500.0, 100_000.0, "kg");
    c.range(&[F("chassis_m"), I(0)], m.chassis_m.0, 1.0, 20.0, "m");
    c.range(&[F("chassis_m"), I(1)], m.chassis_m.1, 0.5, 6.0, "m");
    c.range(&[F("chassis_m"), I(2)], m.chassis_m.2, 0.5, 6.0, "m");
    c.range(&[F("track_width_m")], m.track_width_m, 0.1, 1.5, "m");
    let gauge_max = (m.chassis_m.1 - m.track_width_m).max(0.2);
    c.range(&[F("track_gauge_m")], m.track_gauge_m, 0.2, gauge_max, "m-tracks-fit");
    let t = &m.tool;
    c.range(&[F("tool"), F("working_width_m")], t.working_width_m, 0.5, 10.0, "m");
    c.ordered(&[F("tool"), F("depth_cm")], t.depth_cm, 0.0, 100.0, "cm");
    c.range(&[F("tool"), F("reach_m")], t.reach_m, 0.0, 15.0, "m");
    c.range(&[F("tool"), F("rotor_rpm")], t.rotor_rpm, 10.0, 3000.0, "rpm");
    if t.hammers == 0 || t.hammers > 1000 {
        c.f.add(&[F("tool"), F("hammers")], tr!(lang, "problem-hammers-out-of-range", value = t.hammers));
    }
    c.range(&[F("tool"), F("ref_speed_kmh")], t.ref_speed_kmh, 0.05, 10.0, "kmh");
    c.range(&[F("tool"), F("depth_at_ref_cm")], t.depth_at_ref_cm, 1.0, 100.0, "cm");
    c.range(&[F("speed"), F("max_travel_kmh")], m.speed.max_travel_kmh, 0.5, 60.0, "kmh");
    c.ordered(&[F("speed"), F("working_kmh")], m.speed.working_kmh, 0.05, 20.0, "kmh");
    if m.speed.working_kmh.1 > m.speed.max_travel_kmh {
        c.f.add(&[F("speed"), F("working_kmh")], tr!(lang, "problem-working-over-travel"));
    }
    c.ordered(&[F("productivity_m2_per_h")], m.productivity_m2_per_h, 1.0, 20_000.0, "m2h");
    if t.kind != ToolKind::RotaryCutter && m.track_gauge_m + m.track_width_m > t.working_width_m {
        c.f.add(
            &[F("track_gauge_m")],
            tr!(
                lang,
                "problem-gear-wider-than-tool",
                gear = m.running_gear.contact_noun(),
                span = m.track_gauge_m + m.track_width_m,
                width = t.working_width_m
            ),
        );
    }
    if let Some(b) = &m.boom {
        c.range(&[F("boom"), F("slew_deg")], b.slew_deg, 5.0, 180.0, "deg");
        c.range(&[F("boom"), F("slew_rate_deg_s")], b.slew_rate_deg_s, 1.0, 120.0, "deg-s");
        c.ordered(&[F("boom"), F("reach_m")], b.reach_m, 0.5, 30.0, "m");
        c.range(&[F("boom"), F("reach_rate_m_s")], b.reach_rate_m_s, 0.05, 5.0, "m-s");
        c.range(&[F("boom"), F("pivot_m")], b.pivot_m, -10.0, 10.0, "m");
        if b.reach_m.1 <= m.chassis_m.0 * 0.5 + t.working_width_m * 0.5 {
            c.f.add(&[F("boom"), F("reach_m")], tr!(lang, "problem-boom-short"));
        }
    }
    if let Some(kw) = m.engine_kw {
        c.range(&[F("engine_kw")], kw, 5.0, 3000.0, "kw");
    }
    if let Some(kw) = m.tool_engine_kw {
        c.range(&[F("tool_engine_kw")], kw, 5.0, 3000.0, "kw");
    }
    if let RunningGear::Wheels { axles_m, tyre_contact_m } = &m.running_gear {
        if axles_m.is_empty() || axles_m.len() > 8 {
            c.f.add(&[F("running_gear"), F("axles_m")], tr!(lang, "problem-axles-count", count = axles_m.len()));
        }
        for (i, a) in axles_m.iter().enumerate() {
            c.range(&[F("running_gear"), F("axles_m"), I(i)], *a, -m.chassis_m.0 * 0.5, m.chassis_m.0 * 0.5, "m-within-chassis");
        }
        c.range(&[F("running_gear"), F("tyre_contact_m")], *tyre_contact_m, 0.05, 3.0, "m");
    }
    c.range(&[F("slope_limit_deg")], m.slope_limit_deg, 1.0, 60.0, "deg");
    c.range(&[F("survives_charge_kg")], m.survives_charge_kg, 0.0, 100.0, "kg");
    if let Some(s) = m.remote_standoff_m {
        c.range(&[F("remote_standoff_m")], s, 5.0, 2000.0, "m");
    }
}

/// Whether the machine can do what the scenario asks: reach the required depth in each soil of
/// the hazard area at the slowest speed of its working band, and work the area's base slope.
/// How far a relief of `amplitude_m` and `wavelength_m` falls below the line through a
/// chassis's contacts `contact_m` apart, `ahead_m` ahead of its centre (where a front tool
/// works), at worst, metres: the relief taken as one sine wave, sampled over a wavelength.
fn relief_fall_m(amplitude_m: f32, wavelength_m: f32, contact_m: f32, ahead_m: f32) -> f32 {
    let ground = |x: f32| amplitude_m * libm::sinf(std::f32::consts::TAU * x / wavelength_m);
    (0..200)
        .map(|i| {
            let x = i as f32 / 200.0 * wavelength_m;
            let (rear, front) = (ground(x - contact_m * 0.5), ground(x + contact_m * 0.5));
            let line = rear + (front - rear) * (ahead_m + contact_m * 0.5) / contact_m.max(0.1);
            line - ground(x + ahead_m)
        })
        .fold(0.0, f32::max)
}

fn feasibility(c: &mut Ctx, s: &Scenario, m: &MachineSpec) {
    let lang = c.lang;
    let fs = &s.field;
    // The field's average vegetation.
    let veg = crate::field::vegetation_resistance(fs.vegetation.density.clamp(0.0, 1.0), fs.vegetation.height_m);
    let crawl = m.speed.working_kmh.0;
    for (i, z) in fs.soils.iter().enumerate().take(64) {
        let touches_area = match &z.region {
            Region::Whole | Region::Patches { .. } => true,
            Region::Rect { min, max } => {
                let rect = [*min, (max.0, min.1), *max, (min.0, max.1)];
                geom::polygons_overlap(&rect, &s.hazard_area)
            }
            Region::Polygon(poly) => poly.len() >= 3 && geom::polygons_overlap(poly, &s.hazard_area),
        };
        if !touches_area {
            continue;
        }
        let hardness = z.hardness.unwrap_or(z.soil.default_hardness());
        let reach = m.depth_capacity_cm(crawl, hardness * veg, 1.0, 1.0);
        if reach + 0.05 < s.required_depth_cm {
            let path: Vec<Seg> = if z.hardness.is_some() { vec![F("field"), F("soils"), I(i), F("hardness")] } else { vec![F("required_depth_cm")] };
            let vegetation = if veg > 1.0 { tr!(lang, "problem-in-vegetation", height = fs.vegetation.height_m) } else { String::new() };
            c.f.add(
                &path,
                tr!(
                    lang,
                    "problem-cannot-reach",
                    tool = tool_name(lang, m.tool.kind),
                    required = s.required_depth_cm,
                    soil = crate::text::word(lang, "soil", &format!("{:?}", z.soil)),
                    hardness = hardness,
                    vegetation = vegetation,
                    crawl = crawl,
                    reach = reach,
                    most = reach.floor()
                ),
            );
        }
    }
    // Relief: a front tool rides on the chassis, so where the ground falls away below the line
    // of the tracks it digs shallower; the tool must have the depth to spare.
    if !m.has_boom() && fs.relief.amplitude_m > 0.0 && fs.relief.wavelength_m > 0.0 {
        let fall_cm = relief_fall_m(fs.relief.amplitude_m, fs.relief.wavelength_m, m.chassis_m.0 * 0.9, m.chassis_m.0 * 0.5 + m.tool.reach_m) * 100.0;
        let short_cm = crate::machine::body::TERRAIN_RESIDUAL * fall_cm;
        if s.required_depth_cm + short_cm > m.tool.depth_cm.1 + 0.05 {
            c.f.add(
                &[F("field"), F("relief"), F("amplitude_m")],
                tr!(
                    lang,
                    "problem-relief-fall",
                    fall = fall_cm,
                    machine = machine_name(lang, m),
                    short = short_cm,
                    required = s.required_depth_cm,
                    needs = s.required_depth_cm + short_cm,
                    deepest = m.tool.depth_cm.1
                ),
            );
        }
    }
    if fs.slope.degrees > m.slope_limit_deg {
        c.f.add(
            &[F("field"), F("slope"), F("degrees")],
            tr!(lang, "problem-slope-too-steep", degrees = fs.slope.degrees, machine = machine_name(lang, m), limit = m.slope_limit_deg),
        );
    }
}

/// Checks a scenario's meaning; `machine` is its resolved spec when it could be found.
pub fn validate_scenario(scenario: &Scenario, machine: Option<&MachineSpec>, f: &mut Findings) {
    let mut c = Ctx { f, lang: crate::text::ui_lang() };
    let lang = c.lang;
    c.local_text(F("title"), &scenario.title, &tr!(lang, "problem-what-title"));
    c.local_text(F("briefing"), &scenario.briefing, &tr!(lang, "problem-what-briefing"));
    c.local_text(F("objective"), &scenario.objective, &tr!(lang, "problem-what-objective"));
    if !validate_field(&mut c, &scenario.field) {
        return; // Everything else is measured against the field.
    }
    let area = validate_area_and_lane(&mut c, scenario);
    validate_mines(&mut c, scenario, area);
    match machine {
        Some(m) => validate_machine_fit(&mut c, scenario, m, area),
        None => c.range(&[F("required_depth_cm")], scenario.required_depth_cm, 1.0, 100.0, "cm"),
    }
    validate_time_and_scoring(&mut c, scenario);
}

/// The field: its size, relief, slope, soils, vegetation, roads and obstacles. False when its
/// size is unusable (everything else is measured against it).
fn validate_field(c: &mut Ctx, field_spec: &super::FieldSpec) -> bool {
    let lang = c.lang;
    let size = field_spec.size_m;
    c.range(&[F("field"), F("size_m"), I(0)], size.0, 20.0, MAX_FIELD_M, "m");
    c.range(&[F("field"), F("size_m"), I(1)], size.1, 20.0, MAX_FIELD_M, "m");
    let size_ok = size.0.is_finite() && size.1.is_finite() && size.0 >= 20.0 && size.1 >= 20.0 && size.0 <= MAX_FIELD_M && size.1 <= MAX_FIELD_M;
    if !size_ok {
        return false;
    }
    c.range(&[F("field"), F("relief"), F("amplitude_m")], field_spec.relief.amplitude_m, 0.0, 10.0, "m");
    c.range(&[F("field"), F("relief"), F("wavelength_m")], field_spec.relief.wavelength_m, 2.0, 500.0, "m");
    c.range(&[F("field"), F("slope"), F("degrees")], field_spec.slope.degrees, 0.0, 45.0, "deg");
    c.range(&[F("field"), F("slope"), F("falls_towards_deg")], field_spec.slope.falls_towards_deg, -360.0, 360.0, "deg");
    if field_spec.soils.is_empty() {
        c.f.add(&[F("field"), F("soils")], tr!(lang, "problem-no-soil-zones"));
    }
    if field_spec.soils.len() > 64 {
        c.f.add(&[F("field"), F("soils")], tr!(lang, "problem-too-many-soil-zones", count = field_spec.soils.len()));
    }
    for (i, z) in field_spec.soils.iter().enumerate().take(64) {
        let p = [F("field"), F("soils"), I(i)];
        c.region(&[&p[..], &[F("region")]].concat(), &z.region, size);
        if let Some(h) = z.hardness {
            c.range(&[&p[..], &[F("hardness")]].concat(), h, 0.2, 5.0, "hardness");
        }
        if let Some(m) = z.moisture_pct {
            c.range(&[&p[..], &[F("moisture_pct")]].concat(), m, 0.0, 80.0, "pct");
        }
    }
    let v = &field_spec.vegetation;
    c.range(&[F("field"), F("vegetation"), F("density")], v.density, 0.0, 1.0, "");
    c.range(&[F("field"), F("vegetation"), F("height_m")], v.height_m, 0.0, 5.0, "m");
    c.range(&[F("field"), F("vegetation"), F("patch_size_m")], v.patch_size_m, 1.0, 500.0, "m");
    if field_spec.roads.len() > 16 {
        c.f.add(&[F("field"), F("roads")], tr!(lang, "problem-too-many-roads", count = field_spec.roads.len()));
    }
    for (i, r) in field_spec.roads.iter().enumerate().take(16) {
        let p = [F("field"), F("roads"), I(i)];
        if r.points.len() < 2 || r.points.len() > MAX_POINTS {
            c.f.add(&[&p[..], &[F("points")]].concat(), tr!(lang, "problem-road-points", most = MAX_POINTS, found = r.points.len()));
        }
        for (j, &pt) in r.points.iter().enumerate().take(MAX_POINTS) {
            c.point_in_field(&[&p[..], &[F("points"), I(j)]].concat(), pt, size);
        }
        c.range(&[&p[..], &[F("width_m")]].concat(), r.width_m, 2.0, 30.0, "m");
        c.range(&[&p[..], &[F("ditch_depth_m")]].concat(), r.ditch_depth_m, 0.0, 3.0, "m");
    }
    let o = &field_spec.obstacles;
    if o.trees > 5000 {
        c.f.add(&[F("field"), F("obstacles"), F("trees")], tr!(lang, "problem-too-many-trees", count = o.trees));
    }
    if o.rocks > 5000 {
        c.f.add(&[F("field"), F("obstacles"), F("rocks")], tr!(lang, "problem-too-many-rocks", count = o.rocks));
    }
    if let Some(r) = &o.tree_region {
        c.region(&[F("field"), F("obstacles"), F("tree_region")], r, size);
    }

    true
}

/// The hazard area's area in m² when its polygon is sound, which the mines' checks need.
#[derive(Clone, Copy)]
struct HazardArea {
    ok: bool,
    m2: f32,
}

/// The hazard area (room to turn outside it) and the start lane (cleared ground outside it).
fn validate_area_and_lane(c: &mut Ctx, scenario: &Scenario) -> HazardArea {
    let lang = c.lang;
    let size = scenario.field.size_m;
    let hz_ok = c.polygon(&[F("hazard_area")], &scenario.hazard_area, size, &tr!(lang, "problem-what-hazard-area"));
    let hazard_m2 = if hz_ok { geom::area(&scenario.hazard_area) } else { 0.0 };
    if hz_ok {
        let (lo, hi) = geom::bounds(&scenario.hazard_area);
        if lo.0 < TURN_MARGIN_M || lo.1 < TURN_MARGIN_M || hi.0 > size.0 - TURN_MARGIN_M || hi.1 > size.1 - TURN_MARGIN_M {
            c.f.add(&[F("hazard_area")], tr!(lang, "problem-hazard-near-edge", margin = TURN_MARGIN_M));
        }
        if hazard_m2 < 25.0 {
            c.f.add(&[F("hazard_area")], tr!(lang, "problem-hazard-small", area = hazard_m2));
        }
    }
    let lane = &scenario.start_lane;
    c.range(&[F("start_lane"), F("width_m")], lane.width_m, 1.0, 20.0, "m");
    let from_ok = c.point_in_field(&[F("start_lane"), F("from")], lane.from, size);
    let to_ok = c.point_in_field(&[F("start_lane"), F("to")], lane.to, size);
    if from_ok && to_ok {
        if lane.length() < 5.0 {
            c.f.add(&[F("start_lane")], tr!(lang, "problem-lane-short"));
        } else if hz_ok && lane.width_m.is_finite() && geom::polygons_overlap(&lane.polygon(), &scenario.hazard_area) {
            c.f.add(&[F("start_lane")], tr!(lang, "problem-lane-overlaps"));
        }
    }

    HazardArea { ok: hz_ok, m2: hazard_m2 }
}

/// The mine groups: amounts, depths, and whether each layout has room for its mines.
fn validate_mines(c: &mut Ctx, scenario: &Scenario, area: HazardArea) {
    let lang = c.lang;
    let field_spec = &scenario.field;
    let size = field_spec.size_m;
    let (hz_ok, hazard_m2) = (area.ok, area.m2);
    let ms = &scenario.mines;
    if ms.groups.is_empty() {
        c.f.add(&[F("mines"), F("groups")], tr!(lang, "problem-no-mine-groups"));
    }
    if ms.groups.len() > 64 {
        c.f.add(&[F("mines"), F("groups")], tr!(lang, "problem-too-many-mine-groups", count = ms.groups.len()));
    }
    let field_m2 = size.0 * size.1;
    let mut total: u64 = 0;
    let mut in_area: u64 = 0;
    for (i, g) in ms.groups.iter().enumerate().take(64) {
        let p = [F("mines"), F("groups"), I(i)];
        let pf = |x: &'static str| [&p[..], &[F(x)]].concat();
        if let super::Amount::PerHectare(d) = g.amount {
            c.range(&[&pf("amount")[..], &[I(0)]].concat(), d, 0.0, 5000.0, "per-hectare");
        }
        let n = g.count(ms, hazard_m2, field_m2);
        if n == 0 {
            c.f.add(&pf("amount"), tr!(lang, "problem-group-no-mines"));
        }
        total = total.saturating_add(n);
        if !g.spans_field(ms) {
            in_area = in_area.saturating_add(n);
        }
        c.ordered(&pf("depth_cm"), g.depth_cm, 0.0, 100.0, "cm");
        let lp = |x: &'static str| [&pf("layout")[..], &[F(x)]].concat();
        match &g.layout {
            Layout::Scatter => {}
            Layout::Rows { angle_deg, row_spacing_m, spacing_m, jitter_m } => {
                c.range(&lp("angle_deg"), *angle_deg, -360.0, 360.0, "deg");
                c.range(&lp("row_spacing_m"), *row_spacing_m, 0.5, 100.0, "m");
                c.range(&lp("spacing_m"), *spacing_m, 0.3, 100.0, "m");
                c.range(&lp("jitter_m"), *jitter_m, 0.0, 10.0, "m");
                if hz_ok && spacing_m.is_finite() && row_spacing_m.is_finite() && *spacing_m >= 0.3 && *row_spacing_m >= 0.5 {
                    let slots = (hazard_m2 / (spacing_m * row_spacing_m)) as u64;
                    if n > slots {
                        c.f.add(
                            &pf("amount"),
                            tr!(lang, "problem-rows-no-room", count = n, row_spacing = *row_spacing_m, spacing = *spacing_m, area = hazard_m2, room = slots),
                        );
                    }
                }
            }
            Layout::Clusters { clusters, radius_m } => {
                if *clusters == 0 || *clusters > 1000 {
                    c.f.add(&lp("clusters"), tr!(lang, "problem-clusters-count", count = *clusters));
                }
                c.range(&lp("radius_m"), *radius_m, 0.5, 100.0, "m");
                if *clusters > 0 && radius_m.is_finite() {
                    let room = (*clusters as f32 * std::f32::consts::PI * radius_m * radius_m / 0.25) as u64;
                    if n > room {
                        c.f.add(&pf("amount"), tr!(lang, "problem-clusters-no-room", count = n, clusters = *clusters, radius = *radius_m, room = room));
                    }
                }
            }
            Layout::Verge { road, offset_m } => {
                c.ordered(&lp("offset_m"), *offset_m, 0.0, 50.0, "m");
                match field_spec.roads.get(*road) {
                    None => c.f.add(&lp("road"), tr!(lang, "problem-no-road", road = *road, count = field_spec.roads.len())),
                    Some(r) if hz_ok && r.points.len() >= 2 => {
                        // The verge must actually run through the hazard area somewhere.
                        let len = geom::polyline_length(&r.points);
                        let steps = (len / 1.0).ceil().clamp(1.0, 4000.0) as usize;
                        let reach = r.width_m * 0.5 + (offset_m.0 + offset_m.1) * 0.5;
                        let touches = (0..=steps).any(|k| {
                            let ((x, z), (dx, dz)) = geom::polyline_at(&r.points, len * k as f32 / steps as f32);
                            [1.0f32, -1.0].iter().any(|side| geom::contains(&scenario.hazard_area, (x - dz * reach * side, z + dx * reach * side)))
                        });
                        if !touches {
                            c.f.add(&lp("offset_m"), tr!(lang, "problem-verge-outside"));
                        }
                    }
                    Some(_) => {}
                }
            }
        }
    }
    if total > MAX_MINES {
        c.f.add(&[F("mines"), F("groups")], tr!(lang, "problem-too-many-mines", count = total, most = MAX_MINES));
    } else if hz_ok && in_area as f32 > hazard_m2 / 0.25 {
        c.f.add(&[F("mines"), F("groups")], tr!(lang, "problem-mines-too-dense", count = in_area, area = hazard_m2));
    }
}

/// What the machine must manage: its own spec, the depth it can reach, a remote machine's
/// stand-off from the post, the overlap against its width, and whether the task is feasible.
fn validate_machine_fit(c: &mut Ctx, scenario: &Scenario, m: &MachineSpec, area: HazardArea) {
    let lang = c.lang;
    let size = scenario.field.size_m;
    let hz_ok = area.ok;
    let mut mf = Findings::default();
    validate_machine(m, &mut mf);
    for (_, msg) in mf.0 {
        c.f.add(&[F("machine")], tr!(lang, "problem-machine-invalid", machine = &scenario.machine, problem = msg));
    }
    let deepest = m.tool.depth_cm.1;
    c.range_with(&[F("required_depth_cm")], scenario.required_depth_cm, 1.0, deepest, || {
        tr!(lang, "problem-unit-cm-tool-reaches", tool = tool_name(lang, m.tool.kind), depth = deepest)
    });
    if let Some(standoff) = m.remote_standoff_m {
        let post = scenario.operator_post();
        let post_path = if scenario.operator_post.is_some() { vec![F("operator_post")] } else { vec![F("start_lane"), F("from")] };
        c.point_in_field(&post_path, post, size);
        if hz_ok {
            let d = if geom::contains(&scenario.hazard_area, post) { 0.0 } else { geom::boundary_distance(&scenario.hazard_area, post) };
            if d < standoff {
                c.f.add(&post_path, tr!(lang, "problem-standoff", distance = d, standoff = standoff));
            }
        }
    }
    let w = m.tool.working_width_m;
    c.ordered_with(&[F("overlap_m")], scenario.overlap_m, 0.0, w * 0.5, || tr!(lang, "problem-unit-m-half-width", width = w));
    feasibility(c, scenario, m);
}

/// The time limit, quality control, weights, pass mark and manual-clearance allowances.
fn validate_time_and_scoring(c: &mut Ctx, scenario: &Scenario) {
    let lang = c.lang;
    c.range(&[F("time_limit_min")], scenario.time_limit_min, 1.0, 600.0, "min");
    c.range(&[F("scoring"), F("qc"), F("share")], scenario.scoring.qc.share, 0.01, 1.0, "share-sampled");
    c.range(&[F("scoring"), F("qc"), F("square_m")], scenario.scoring.qc.square_m, 0.5, 10.0, "m");
    let w = &scenario.scoring.weights;
    let wp = |x: &'static str| vec![F("scoring"), F("weights"), F(x)];
    for (name, val) in [
        ("clearance", w.clearance),
        ("lanes", w.lanes),
        ("speed_depth", w.speed_depth),
        ("safety", w.safety),
        ("efficiency", w.efficiency),
        ("machine_care", w.machine_care),
    ] {
        if !val.is_finite() || val < 0.0 {
            c.f.add(&wp(name), tr!(lang, "problem-weight-negative", value = val));
        }
    }
    if !(w.total() > 0.0) {
        c.f.add(&[F("scoring"), F("weights")], tr!(lang, "problem-weights-zero"));
    }
    c.range(&[F("scoring"), F("pass_mark")], scenario.scoring.pass_mark, 0.0, 100.0, "points");
    c.range(&[F("scoring"), F("gap_tolerance_m2")], scenario.scoring.gap_tolerance_m2, 0.0, 5.0, "m2-short");
    for (i, allowance) in scenario.scoring.manual_clearance.iter().enumerate() {
        let at = |x: &'static str| vec![F("scoring"), F("manual_clearance"), Seg::Index(i), F(x)];
        match allowance {
            ManualClearance::AroundTrees { within_m } | ManualClearance::AroundRocks { within_m } => {
                c.range(&at("within_m"), *within_m, 0.0, 5.0, "m-manual-teams");
            }
            ManualClearance::Ditches => {
                if scenario.field.roads.iter().all(|r| r.ditch_depth_m <= 0.0) {
                    c.f.add(&[F("scoring"), F("manual_clearance"), Seg::Index(i)], tr!(lang, "problem-no-ditches"));
                }
            }
            ManualClearance::Zone { points } => {
                if points.len() < 3 {
                    c.f.add(&at("points"), tr!(lang, "problem-zone-corners", found = points.len()));
                } else if geom::self_intersection(points).is_some() {
                    c.f.add(&at("points"), tr!(lang, "problem-zone-crosses"));
                }
            }
        }
    }
}
