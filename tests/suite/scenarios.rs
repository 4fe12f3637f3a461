//! Scenario files, validation and deterministic field generation.

use std::path::{Path, PathBuf};

use mineclear::field::{self, Field};
use mineclear::geom;
use mineclear::scenario::{self, Layout, MineKind, Scenario};

fn assets(sub: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets").join(sub);
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "ron")).collect();
    v.sort();
    v
}

fn builtin(name: &str) -> scenario::LoadedScenario {
    scenario::load_builtin(name).expect("exists").expect("valid")
}

/// Writes `text` as a scenario file next to a copy of the machines, and checks it.
fn check_text(name: &str, text: &str) -> Vec<scenario::Problem> {
    let dir = std::env::temp_dir().join(format!("mineclear-test-{}-{name}", std::process::id()));
    std::fs::create_dir_all(dir.join("scenarios")).unwrap();
    let path = dir.join("scenarios").join(format!("{name}.ron"));
    std::fs::write(&path, text).unwrap();
    let problems = scenario::check_file(&path);
    let _ = std::fs::remove_dir_all(&dir);
    problems
}

fn first_lesson_text() -> String {
    scenario::builtin::SCENARIOS[0].1.to_string()
}

#[test]
fn shipped_files_validate() {
    let files: Vec<PathBuf> = assets("scenarios").into_iter().chain(assets("machines")).collect();
    assert!(files.len() >= 7, "expected at least 4 scenarios and 3 machines, found {files:?}");
    for f in files {
        let problems = scenario::check_file(&f);
        assert!(problems.is_empty(), "{}: {problems:?}", f.display());
    }
    // The compiled-in copies too.
    for (name, _) in scenario::builtin::SCENARIOS {
        builtin(name);
    }
}

#[test]
fn syntax_errors_name_file_line_and_column() {
    let text = first_lesson_text().replacen("title:", "title", 1);
    let p = check_text("syntax", &text);
    assert_eq!(p.len(), 1, "{p:?}");
    let line = text.lines().position(|l| l.trim_start().starts_with("title ")).unwrap() + 1;
    assert!(p[0].file.ends_with("syntax.ron"));
    assert_eq!(p[0].line, line, "{}", p[0]);
    assert!(p[0].col > 1);
    assert!(p[0].to_string().starts_with(&format!("{}:{line}:", p[0].file)));
}

#[test]
fn unknown_and_missing_fields_are_reported() {
    let p = check_text("unknown", &first_lesson_text().replacen("time_limit_min:", "time_limt_min:", 1));
    assert!(p[0].message.contains("unknown field `time_limt_min`"), "{}", p[0]);
    assert!(p[0].message.contains("time_limit_min"), "suggests the right names: {}", p[0]);
    let text: String = first_lesson_text().lines().filter(|l| !l.contains("required_depth_cm")).collect::<Vec<_>>().join("\n");
    let p = check_text("missing", &text);
    assert!(p[0].message.contains("missing field `required_depth_cm`"), "{}", p[0]);
}

/// Each broken edit must produce a problem at the named place with a helpful message.
#[test]
fn meaning_errors_point_at_the_field() {
    let base = first_lesson_text();
    let cases: &[(&str, &str, &str, &str)] = &[
        ("depth_cm: (2, 10)", "depth_cm: (10, 2)", "mines.groups[0].depth_cm", "reversed"),
        ("hazard_area: [(25, 15), (55, 15), (55, 27), (25, 27)]", "hazard_area: [(25, 15), (55, 27), (55, 15), (25, 27)]", "hazard_area", "crosses itself"),
        (
            "hazard_area: [(25, 15), (55, 15), (55, 27), (25, 27)]",
            "hazard_area: [(25, 15), (95, 15), (55, 27), (25, 27)]",
            "hazard_area[1]",
            "outside the field",
        ),
        ("from: (15, 30.5), to: (65, 30.5)", "from: (15, 20), to: (65, 20)", "start_lane", "overlaps the hazard area"),
        ("machine: \"mv4\"", "machine: \"mv9\"", "machine", "no machine named `mv9`"),
        ("machine: \"mv4\"", "machine: \"../../etc/passwd\"", "machine", "plain file name"),
        ("clearance: 35", "clearance: -5", "scoring.weights.clearance", "negative"),
        ("pass_mark: 60", "pass_mark: 160", "scoring.pass_mark", "out of range"),
        ("size_m: (80, 50)", "size_m: (800000, 50)", "field.size_m[0]", "out of range"),
        ("Count(20)", "Count(4000000000)", "mines.groups", "at most 100000"),
        ("Count(20)", "Count(2000)", "mines.groups", "do not fit"),
        ("required_depth_cm: 15", "required_depth_cm: 45", "required_depth_cm", "reaches at most 30 cm"),
        ("layout: Scatter", "layout: Verge(road: 2, offset_m: (1, 3))", "mines.groups[0].layout.road", "no road 2"),
        ("layout: Scatter", "layout: Rows(angle_deg: 0, row_spacing_m: 10, spacing_m: 10, jitter_m: 0)", "mines.groups[0].amount", "do not fit in rows"),
    ];
    for (from, to, place, msg) in cases {
        assert!(base.contains(from), "test edit `{from}` not found in the scenario");
        let text = base.replacen(from, to, 1);
        let p = check_text("meaning", &text);
        let hit = p.iter().find(|p| p.place == *place && p.message.contains(msg));
        assert!(hit.is_some(), "edit {to}: expected `{place}: …{msg}…`, got {p:#?}");
        let hit = hit.unwrap();
        // The line points at the edited text (or the enclosing list for list-wide problems).
        let edited_line = text.lines().position(|l| l.contains(to.lines().next().unwrap())).unwrap() + 1;
        if !place.ends_with("groups") {
            assert_eq!(hit.line, edited_line, "{hit}");
        }
    }
}

#[test]
fn broken_machine_file_is_reported() {
    let dir = std::env::temp_dir().join(format!("mineclear-mach-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("machines")).unwrap();
    let text = scenario::builtin::MACHINES[0].1.replace("depth_cm: (0, 30)", "depth_cm: (30, 0)");
    let path = dir.join("machines").join("broken.ron");
    std::fs::write(&path, &text).unwrap();
    let p = scenario::check_file(&path);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(p.iter().any(|p| p.place == "tool.depth_cm" && p.message.contains("reversed")), "{p:?}");
}

fn fingerprint(f: &Field) -> u64 {
    // FNV-1a over every bit the simulation uses.
    let mut h: u64 = 0xcbf29ce484222325;
    let mut eat = |b: &[u8]| {
        for x in b {
            h ^= *x as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
    };
    for v in &f.heights {
        eat(&v.to_bits().to_le_bytes());
    }
    eat(&f.soil);
    eat(&f.veg_density);
    eat(&f.veg_height);
    for m in &f.mines {
        eat(&m.x.to_bits().to_le_bytes());
        eat(&m.z.to_bits().to_le_bytes());
        eat(&m.depth_m.to_bits().to_le_bytes());
        eat(&m.yaw_deg.to_bits().to_le_bytes());
        eat(&[m.kind as u8]);
    }
    for t in f.trees.iter().chain(&f.rocks) {
        eat(&t.x.to_bits().to_le_bytes());
        eat(&t.z.to_bits().to_le_bytes());
    }
    h
}

#[test]
fn generation_is_deterministic_and_seed_dependent() {
    for (name, _) in scenario::builtin::SCENARIOS {
        let l = builtin(name);
        let a = field::generate(&l.scenario, 7);
        let b = field::generate(&l.scenario, 7);
        assert!(a == b, "{name}: same seed gave different fields");
        let c = field::generate(&l.scenario, 8);
        assert_ne!(fingerprint(&a), fingerprint(&c), "{name}: another seed gave the same field");
        let a_mines: Vec<_> = a.mines.iter().map(|m| (m.x, m.z)).collect();
        let c_mines: Vec<_> = c.mines.iter().map(|m| (m.x, m.z)).collect();
        assert_ne!(a_mines, c_mines, "{name}: another seed laid the same mines");
    }
}

/// Pins the exact field for one scenario and seed: if this changes, every recorded session
/// and handed-out scenario changes with it, which must be a deliberate decision.
#[test]
fn generation_matches_golden_fingerprint() {
    let l = builtin("first_lesson");
    let f = field::generate(&l.scenario, 1);
    assert_eq!(f.mines.len(), 20);
    assert_eq!(fingerprint(&f), GOLDEN_FIRST_LESSON_SEED1, "generation changed: update the golden value only on purpose");
}
const GOLDEN_FIRST_LESSON_SEED1: u64 = 17802422418731562036;

#[test]
fn streams_are_independent() {
    // Changing the vegetation must not move a single mine.
    let mut s: Scenario = builtin("first_lesson").scenario;
    let a = field::generate(&s, 3);
    s.field.vegetation.density = 0.9;
    s.field.relief.amplitude_m = 1.0;
    let b = field::generate(&s, 3);
    assert_eq!(a.mines, b.mines);
    assert_ne!(a.veg_density, b.veg_density);
}

#[test]
fn mines_stay_inside_the_hazard_area() {
    for (name, _) in scenario::builtin::SCENARIOS {
        let l = builtin(name);
        for seed in 0..6 {
            let f = field::generate(&l.scenario, seed);
            assert!(f.notes.is_empty(), "{name} seed {seed}: {:?}", f.notes);
            let expected: u64 = l.scenario.mines.groups.iter().map(|g| g.count(&l.scenario.mines, f.hazard_m2(), 0.0)).sum();
            assert_eq!(f.mines.len() as u64, expected, "{name}");
            for m in &f.mines {
                assert!(geom::contains(&f.hazard_area, (m.x, m.z)), "{name} seed {seed}: mine {} at ({}, {}) outside", m.id, m.x, m.z);
                let g = &l.scenario.mines.groups[m.group as usize];
                let d = m.depth_m * 100.0;
                assert!(d >= g.depth_cm.0 - 1e-3 && d <= g.depth_cm.1 + 1e-3);
            }
        }
    }
}

#[test]
fn uxo_may_lie_outside_only_when_allowed() {
    let mut s = builtin("first_lesson").scenario;
    s.mines.groups.push(scenario::MineGroup {
        kind: MineKind::Uxo,
        amount: scenario::Amount::PerHectare(100.0),
        depth_cm: (0.0, 30.0),
        layout: Layout::Scatter,
    });
    s.mines.uxo_outside_area = true;
    let f = field::generate(&s, 5);
    let uxo: Vec<_> = f.mines.iter().filter(|m| m.kind == MineKind::Uxo).collect();
    assert_eq!(uxo.len(), 40, "100/ha over the 0.4 ha field");
    assert!(uxo.iter().any(|m| !geom::contains(&f.hazard_area, (m.x, m.z))));
    s.mines.uxo_outside_area = false;
    let f = field::generate(&s, 5);
    assert!(f.mines.iter().all(|m| geom::contains(&f.hazard_area, (m.x, m.z))));
}

#[test]
fn rows_layout_lays_mines_on_rows() {
    let l = builtin("mixed_soil_slope");
    let g = &l.scenario.mines.groups[0];
    let Layout::Rows { angle_deg, row_spacing_m, jitter_m, .. } = g.layout else { panic!("group 0 is rows") };
    for seed in 0..4 {
        let f = field::generate(&l.scenario, seed);
        let a = angle_deg.to_radians();
        let mut residues: Vec<f32> = f.mines.iter().filter(|m| m.group == 0).map(|m| (-m.x * a.sin() + m.z * a.cos()).rem_euclid(row_spacing_m)).collect();
        residues.sort_by(f32::total_cmp);
        // The largest circular gap between residues: rows mean all residues sit in one narrow band.
        let mut gap = residues[0] + row_spacing_m - residues[residues.len() - 1];
        for w in residues.windows(2) {
            gap = gap.max(w[1] - w[0]);
        }
        let band = row_spacing_m - gap;
        assert!(band <= jitter_m + 0.01, "seed {seed}: mines spread over {band} m across the rows (jitter {jitter_m})");
    }
}

fn components(points: &[(f32, f32)], link: f32) -> usize {
    let mut label: Vec<usize> = (0..points.len()).collect();
    fn root(l: &mut [usize], i: usize) -> usize {
        if l[i] == i {
            i
        } else {
            let r = root(l, l[i]);
            l[i] = r;
            r
        }
    }
    for i in 0..points.len() {
        for j in 0..i {
            let d = ((points[i].0 - points[j].0).powi(2) + (points[i].1 - points[j].1).powi(2)).sqrt();
            if d <= link {
                let (a, b) = (root(&mut label, i), root(&mut label, j));
                label[a] = b;
            }
        }
    }
    (0..points.len()).filter(|&i| root(&mut label, i) == i).count()
}

fn mean_nearest(points: &[(f32, f32)]) -> f32 {
    let mut sum = 0.0;
    for (i, p) in points.iter().enumerate() {
        let nn =
            points.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, q)| ((p.0 - q.0).powi(2) + (p.1 - q.1).powi(2)).sqrt()).fold(f32::INFINITY, f32::min);
        sum += nn;
    }
    sum / points.len() as f32
}

#[test]
fn cluster_layout_lays_clusters() {
    let l = builtin("vegetation_clusters");
    let Layout::Clusters { clusters, radius_m } = l.scenario.mines.groups[0].layout else { panic!("group 0 is clusters") };
    let mut scatter = l.scenario.clone();
    scatter.mines.groups[0].layout = Layout::Scatter;
    for seed in 0..4 {
        let pts: Vec<_> = field::generate(&l.scenario, seed).mines.iter().filter(|m| m.group == 0).map(|m| (m.x, m.z)).collect();
        // Every mine within a cluster's diameter of its neighbours: no more groups than clusters.
        assert!(components(&pts, 2.0 * radius_m) <= clusters as usize, "seed {seed}: more groups than clusters");
        // And packed much tighter than the same mines scattered over the area.
        let spread: Vec<_> = field::generate(&scatter, seed).mines.iter().filter(|m| m.group == 0).map(|m| (m.x, m.z)).collect();
        let (c, s) = (mean_nearest(&pts), mean_nearest(&spread));
        assert!(c < 0.7 * s, "seed {seed}: clustered mean spacing {c:.2} m vs scattered {s:.2} m");
    }
}

#[test]
fn verge_layout_follows_the_road() {
    let l = builtin("road_verge_at");
    let road = &l.scenario.field.roads[0];
    let Layout::Verge { offset_m, .. } = l.scenario.mines.groups[0].layout else { panic!("group 0 is verge") };
    for seed in 0..4 {
        let f = field::generate(&l.scenario, seed);
        for m in f.mines.iter().filter(|m| m.group == 0) {
            let d = geom::polyline_distance(&road.points, (m.x, m.z)) - road.width_m * 0.5;
            assert!(d >= offset_m.0 - 0.05 && d <= offset_m.1 + 0.05, "seed {seed}: AT mine {} is {d} m from the road edge", m.id);
        }
    }
}

#[test]
fn preview_is_byte_identical_for_a_seed() {
    let l = builtin("road_verge_at");
    let png = |seed| {
        let f = field::generate(&l.scenario, seed);
        mineclear::preview::render(&l.scenario, &l.machine, &f, mineclear::text::Lang::En).png()
    };
    let a = png(11);
    assert_eq!(&a[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(a, png(11));
    assert_ne!(a, png(12));
}

/// Every figure of every shipped machine names its public source or says it is an assumption.
#[test]
fn machine_figures_name_their_sources() {
    const FIGURES: [&str; 13] = [
        "mass_kg",
        "chassis_m",
        "engine_kw",
        "tool.working_width_m",
        "tool.depth_cm",
        "tool.rotor_rpm",
        "tool.hammers",
        "tool.ref_speed_kmh",
        "tool.depth_at_ref_cm",
        "speed",
        "productivity_m2_per_h",
        "slope_limit_deg",
        "survives_charge_kg",
    ];
    let files = assets("machines");
    assert_eq!(files.len(), 4);
    for f in files {
        let m = scenario::parse_machine(&std::fs::read_to_string(&f).unwrap(), &f.display().to_string()).unwrap();
        for key in FIGURES {
            let s = m.sources.get(key).unwrap_or_else(|| panic!("{}: no source for {key}", f.display()));
            assert!(s.len() > 10, "{}: {key}: {s}", f.display());
        }
        assert!(m.engine_kw.is_some(), "{}", f.display());
    }
}

/// The Hydrema 910 class is wheeled: its tyres, not tracks, touch the ground.
#[test]
fn the_armoured_flail_stands_on_tyres() {
    use mineclear::machine::{Contact, MachineState, RunningGear};
    let spec = mineclear::scenario::find_machine("hydrema910", None).unwrap().spec;
    assert!(matches!(spec.running_gear, RunningGear::Wheels { .. }));
    let m = MachineState::new(spec, bevy::math::Vec3::ZERO, bevy::math::Quat::IDENTITY);
    let mut contacts: Vec<Contact> = Vec::new();
    m.ground_contacts(&mut contacts);
    assert_eq!(contacts.len(), 4);
    assert!(contacts.iter().all(|c| c.half_len < 0.5));
    let d85 = mineclear::scenario::find_machine("d85ms", None).unwrap().spec;
    assert_eq!((d85.tool.hammers, d85.tool.rotor_rpm, d85.slope_limit_deg), (90, 200.0, 30.0));
    assert!(d85.productivity_m2_per_h.1 <= 500.0);
}

/// A scenario the machine cannot do is refused with a located problem: a required depth its tool
/// cannot reach in the area's hardest soil even at the slowest speed of its working band, a slope
/// past its limit. The same scenario done feasibly validates clean.
#[test]
fn infeasible_scenarios_say_what_to_change() {
    let base = first_lesson_text();
    let hard = base.replacen(
        "SoilZone(soil: SandyLoam, region: Whole),",
        "SoilZone(soil: SandyLoam, region: Whole),\n            SoilZone(soil: Clay, region: Rect(min: (20, 10), max: (60, 30)), hardness: Some(1.7)),",
        1,
    );
    assert!(check_text("feasible", &hard).is_empty(), "15 cm in hard clay is reachable: {:?}", check_text("feasible", &hard));
    let deep = hard.replacen("required_depth_cm: 15", "required_depth_cm: 25", 1);
    let p = check_text("infeasible", &deep);
    let hit = p.iter().find(|p| p.place == "field.soils[1].hardness").unwrap_or_else(|| panic!("{p:#?}"));
    assert!(hit.message.contains("cannot reach 25 cm in clay (hardness 1.7)") && hit.message.contains("ask for at most 21 cm"), "{hit}");
    // Clay only outside the area does not matter.
    let outside = deep.replacen("Rect(min: (20, 10), max: (60, 30))", "Rect(min: (0, 40), max: (10, 49))", 1);
    assert!(!check_text("outside", &outside).iter().any(|p| p.message.contains("cannot reach")));
    let steep = base.replacen("slope: Slope(degrees: 1,", "slope: Slope(degrees: 40,", 1);
    let p = check_text("steep", &steep);
    assert!(p.iter().any(|p| p.place == "field.slope.degrees" && p.message.contains("at most 35°")), "{p:#?}");
    // The exam as it was written: a flail 9 m long over 0.5 m of relief every 22 m cannot
    // hold 20 cm where the ground falls away below its tracks (its autopilot left 8 m² short).
    let exam = scenario::builtin::SCENARIOS.iter().find(|(n, _)| *n == "exam_mixed").unwrap().1;
    assert!(check_text("exam", exam).is_empty(), "{:#?}", check_text("exam", exam));
    let rough = exam.replacen("relief: Relief(amplitude_m: 0.35, wavelength_m: 30)", "relief: Relief(amplitude_m: 0.5, wavelength_m: 22)", 1);
    assert_ne!(rough, exam);
    let p = check_text("rough", &rough);
    let hit = p.iter().find(|p| p.place == "field.relief.amplitude_m").unwrap_or_else(|| panic!("{p:#?}"));
    assert!(hit.message.contains("make the relief gentler"), "{hit}");
}
