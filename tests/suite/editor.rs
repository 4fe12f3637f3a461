//! The scenario editor's draft: saving never loses work, a saved file is the scenario that was
//! edited, and a test drive returns to the editor.

use std::path::PathBuf;

use bevy::prelude::*;
use mineclear::scenario::{self, Amount, Region, SoilKind, SoilZone};
use mineclear::sim;
use mineclear::trainer::editor::{Draft, SaveConsent, SaveRefused};
use mineclear::trainer::{self, Chosen, FlowRequest, Screen};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mineclear-editor-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn an_edited_scenario_saves_and_loads_back_identically() {
    let dir = scratch("roundtrip");
    let mut d = Draft::from_builtin("road_verge_at").expect("built-in");
    let s = &mut d.scenario;
    s.title = "Verge, wider area".into();
    s.hazard_area[0].0 -= 2.5;
    s.mines.groups[0].amount = Amount::Count(17);
    s.field.soils.push(SoilZone {
        soil: SoilKind::Wet,
        region: Region::Polygon(vec![(10.0, 10.0), (30.0, 12.5), (20.0, 30.0)]),
        hardness: Some(0.7),
        moisture_pct: None,
    });
    s.seed = Some(77);
    s.field.vegetation.density = 0.123;
    d.changed(0.0);
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    assert!(d.is_dirty());

    let path = dir.join("verge_wide.ron");
    d.save(&path, SaveConsent::default()).expect("a valid draft saves to a new file");
    assert!(!d.is_dirty() && d.is_saved());
    assert!(!dir.join("verge_wide.ron.tmp").exists(), "the temporary file is renamed into place");

    assert_eq!(scenario::check_file(&path), Vec::new(), "`mineclear validate` is clean");
    let loaded = scenario::load_scenario_file(&path).expect("loads");
    assert_eq!(loaded.scenario, d.scenario, "the file holds exactly the edited scenario");
    let seed = d.scenario.seed.unwrap();
    assert!(mineclear::field::generate(&loaded.scenario, seed) == mineclear::field::generate(&d.scenario, seed), "and regenerates the identical field");

    // Saving again to its own file does not ask about overwriting.
    d.scenario.time_limit_min += 5.0;
    d.changed(1.0);
    d.save(&path, SaveConsent::default()).expect("saving over its own file needs no question");
    assert_eq!(scenario::load_scenario_file(&path).unwrap().scenario.time_limit_min, d.scenario.time_limit_min);
}

#[test]
fn an_invalid_edit_or_an_overwrite_is_not_saved_without_asking() {
    let dir = scratch("refusals");
    let path = dir.join("lesson.ron");
    let mut d = Draft::from_builtin("first_lesson").unwrap();
    d.scenario.mines.groups[0].depth_cm = (12.0, 3.0);
    d.changed(0.0);
    assert!(d.problems.iter().any(|p| p.place == "mines.groups[0].depth_cm"), "the problem is tied to its field: {:?}", d.problems);

    match d.save(&path, SaveConsent::default()) {
        Err(SaveRefused::HasProblems(n)) => assert!(n >= 1),
        other => panic!("an invalid draft saved without a warning: {other:?}"),
    }
    assert!(!path.exists(), "nothing is written when the save is refused");

    // With consent the work is kept; the file then shows the same problem to anyone opening it.
    d.save(&path, SaveConsent { allow_problems: true, ..Default::default() }).expect("kept on request");
    let problems = scenario::load_scenario_file(&path).expect_err("still invalid");
    assert!(problems.iter().any(|p| p.place == "mines.groups[0].depth_cm" && p.line > 1), "{problems:?}");

    // Another draft may not replace that file without asking.
    let before = std::fs::read_to_string(&path).unwrap();
    let mut other = Draft::from_template(None);
    other.scenario.briefing = "b".into();
    other.scenario.objective = "o".into();
    other.changed(0.0);
    assert_eq!(other.save(&path, SaveConsent::default()), Err(SaveRefused::WouldOverwrite(path.clone())));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before, "the existing file is untouched");
    other.save(&path, SaveConsent { overwrite: true, ..Default::default() }).expect("replaced on request");
    assert_eq!(scenario::load_scenario_file(&path).unwrap().scenario, other.scenario);
}

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

fn request(app: &mut App, r: FlowRequest) {
    app.world_mut().write_message(r);
    sim::step_ticks(app, 0);
}

#[test]
fn the_editor_asks_before_leaving_and_a_test_drive_returns_to_it() {
    let mut app = trainer::headless_app();
    sim::step_ticks(&mut app, 0);
    request(&mut app, FlowRequest::Edit(Some("hard_clay".into())));
    assert_eq!(screen(&app), Screen::Editor);
    {
        let now = app.world().resource::<Time<Real>>().elapsed_secs_f64();
        let mut d = app.world_mut().resource_mut::<Draft>();
        assert_eq!(d.origin, "built-in:hard_clay");
        d.scenario.title = "Hard clay, my version".into();
        d.changed(now);
    }
    // The preview follows the draft once it settles (a quarter second; the headless clock
    // advances by whole ticks).
    sim::step_ticks(&mut app, 6);
    let d = app.world().resource::<Draft>();
    assert_ne!(d.preview_revision, d.revision, "not while the instructor is still changing things");
    sim::step_ticks(&mut app, 30);
    let d = app.world().resource::<Draft>();
    assert_eq!(d.preview_revision, d.revision, "the preview field was regenerated for the edit");

    request(&mut app, FlowRequest::Menu);
    assert_eq!(screen(&app), Screen::Editor, "unsaved changes: the editor stays and asks");
    assert!(app.world().resource::<Draft>().leave_asked);

    request(&mut app, FlowRequest::TestDrive);
    assert_eq!(screen(&app), Screen::Briefing);
    assert_eq!(app.world().resource::<Chosen>().loaded.scenario.title, "Hard clay, my version", "the draft is what is driven");
    request(&mut app, FlowRequest::Begin);
    assert_eq!(screen(&app), Screen::Operating);
    sim::step_ticks(&mut app, 120);
    request(&mut app, FlowRequest::Menu);
    assert_eq!(screen(&app), Screen::Editor, "the test drive returns to the editor");
    assert_eq!(app.world().resource::<Draft>().scenario.title, "Hard clay, my version", "with the draft intact");

    app.world_mut().resource_mut::<Draft>().leave_confirmed = true;
    request(&mut app, FlowRequest::Menu);
    assert_eq!(screen(&app), Screen::Menu, "changes discarded on purpose");
    assert!(app.world().get_resource::<Draft>().is_none());
}
