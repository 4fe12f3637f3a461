//! Every screen drawn headless in Ukrainian, its text read back from egui's output: no English
//! sentence may be left on any of them (the pseudo-locale pass over the screens themselves,
//! beside the message files' own checks).

use bevy::prelude::*;
use bevy_egui::{EguiContext, EguiPrimaryContextPass, EguiUserTextures, PrimaryEguiContext, egui};

use crate::operator::AutopilotOptions;
use crate::text::{Lang, set_ui_lang};
use crate::trainer::{self, Driver, FlowRequest, Recording, Screen};

/// The trainer's flow with its screens (egui's own plugin aside: the test gives the context).
fn screens_app() -> App {
    let mut app = trainer::headless_app_with(|app: &mut App| {
        app.init_resource::<Assets<Image>>();
        app.init_resource::<EguiUserTextures>();
        // What the controls and the view keep for the HUD (their plugins need a window).
        app.init_resource::<crate::view::OverlayState>();
        app.init_resource::<crate::view::CameraMode>();
        app.init_resource::<crate::controls::Levers>();
        app.init_resource::<crate::controls::Overlays>();
        // The sound's settings (the menu's and pause screen's volumes); no audio device here.
        app.add_plugins(crate::sound::plugin);
        app.add_plugins(super::screens);
    });
    app.world_mut().spawn(PrimaryEguiContext);
    app.insert_resource(Lang::Uk);
    app
}

/// Draws the current screen on a tall window (so scrolled lists show more of themselves) a
/// few times (egui sizes a window over its first passes, hiding
/// what does not fit yet) and returns every piece of text it painted on any of them.
fn screen_text(app: &mut App) -> Vec<String> {
    let ctx = app.world_mut().query::<&mut EguiContext>().single_mut(app.world_mut()).expect("one context").get_mut().clone();
    let mut galleys = Vec::new();
    for _ in 0..5 {
        let input = egui::RawInput { screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1600.0, 2400.0))), ..Default::default() };
        ctx.begin_pass(input);
        app.world_mut().run_schedule(EguiPrimaryContextPass);
        let output = ctx.end_pass();
        for clipped in &output.shapes {
            collect(&clipped.shape, &mut galleys);
        }
    }
    let mut texts: Vec<String> = galleys.iter().map(|g| g.text().to_string()).collect();
    texts.sort();
    texts.dedup();
    let missing = missing_glyphs(&galleys);
    if !missing.is_empty() {
        texts.push(format!("MISSING GLYPHS {missing}"));
    }
    texts
}

/// Characters none of egui's fonts has (the trainer adds none to egui's defaults), among those
/// laid out in `galleys`: egui would draw each as a box. (egui's own `has_glyph` cannot say:
/// it answers no for every character of the face that holds its replacement box.)
fn missing_glyphs(galleys: &[std::sync::Arc<egui::Galley>]) -> String {
    let faces: Vec<swash::FontRef<'static>> = [
        epaint_default_fonts::UBUNTU_LIGHT,
        epaint_default_fonts::HACK_REGULAR,
        epaint_default_fonts::NOTO_EMOJI_REGULAR,
        epaint_default_fonts::EMOJI_ICON,
    ]
    .iter()
    .filter_map(|bytes| swash::FontRef::from_index(bytes, 0))
    .collect();
    let mut missing: Vec<char> =
        galleys.iter().flat_map(|g| g.text().chars()).filter(|c| !c.is_whitespace() && faces.iter().all(|f| f.charmap().map(*c) == 0)).collect();
    missing.sort();
    missing.dedup();
    missing.into_iter().collect()
}

#[test]
fn a_glyph_the_fonts_lack_is_found() {
    let ctx = egui::Context::default();
    ctx.begin_pass(egui::RawInput::default());
    let galley = ctx.fonts_mut(|f| f.layout_no_wrap("Урок ▶ ✔ ✓ \u{0378}".into(), egui::FontId::proportional(15.0), egui::Color32::WHITE));
    let _ = ctx.end_pass();
    assert_eq!(missing_glyphs(&[galley]), "\u{0378}✓");
}

fn collect(shape: &egui::Shape, out: &mut Vec<std::sync::Arc<egui::Galley>>) {
    match shape {
        egui::Shape::Text(t) => out.push(t.galley.clone()),
        egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| collect(s, out)),
        _ => {}
    }
}

/// Latin words of three letters or more that are not names kept in Latin letters (machine
/// classes, key names) nor identifiers (file names and paths, `built-in:name`, `mv4`).
fn english_words(text: &str) -> Vec<String> {
    let text: String = text
        .split_whitespace()
        .filter(|token| !token.contains(['/', ':', '_', '.']) && !token.chars().any(|c| c.is_ascii_digit()))
        .collect::<Vec<_>>()
        .join(" ");
    const KEPT: &[&str] = &[
        "mineclear", "MV", "MCV", "Hydrema", "Komatsu", "Nikken", "BM307", "D85MS", "V16", "English", "Space", "Shift", "Esc", "Enter", "Tab",
        "Select", "Back", "Start", "pad", "ron", "mcreplay", "PgUp", "PgDn", "Ctrl", "Del", "Home", "End", "WASD", "Demo",
    ];
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.len() >= 3 && w.chars().any(|c| c.is_ascii_alphabetic()) && !KEPT.iter().any(|k| k.eq_ignore_ascii_case(w)))
        .map(str::to_string)
        .collect()
}

fn request(app: &mut App, r: FlowRequest) {
    app.world_mut().write_message(r);
    crate::sim::step_ticks(app, 0);
}

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

/// What is English on the screen now, as "screen: text". `shows` is a message id the screen
/// must show (so the check looks at the screen it means to).
fn english_on(app: &mut App, name: &str, shows: &str, paths: &[String]) -> Vec<String> {
    let texts = screen_text(app);
    let expected = crate::tr!(Lang::Uk, shows, pct = 100, trainee = "Demo");
    assert!(texts.iter().any(|t| t.contains(&expected)), "{name}: {expected:?} is not on the screen: {texts:?}");
    texts
        .into_iter()
        .filter(|t| !paths.iter().any(|p| t.contains(p.as_str())))
        .filter(|t| t.starts_with("MISSING GLYPHS") || !english_words(t).is_empty())
        .map(|t| format!("{name}: {t:?} ({:?})", english_words(&t)))
        .collect()
}

#[test]
fn every_screen_in_ukrainian_has_no_english_left() {
    set_ui_lang(Lang::Uk);
    let dir = std::env::temp_dir().join(format!("mineclear-screens-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let replay_path = dir.join("lesson.mcreplay");
    {
        let loaded = crate::scenario::load_builtin("first_lesson").unwrap().unwrap();
        let opts = AutopilotOptions { leave_at_s: Some(120.0), ..Default::default() };
        let mut run = crate::sim::run_headless(crate::sim::SimSetup { loaded, seed: 1, source: crate::sim::SourceSetup::Autopilot(opts) });
        let report = crate::sim::report(run.world_mut());
        crate::replay::Replay::with_report(run.world(), Some("Demo".into()), Some(report)).save(&replay_path).unwrap();
    }
    let paths = vec![dir.display().to_string()];
    let mut app = screens_app();
    {
        let mut driver = app.world_mut().resource_mut::<Driver>();
        driver.autopilot = true;
        driver.autopilot_opts.leave_at_s = Some(120.0);
    }
    {
        let mut recording = app.world_mut().resource_mut::<Recording>();
        recording.trainee = Some("Demo".into());
        recording.progress_dir = Some(dir.clone());
    }
    crate::sim::step_ticks(&mut app, 0);
    let mut english = Vec::new();
    english.extend(english_on(&mut app, "menu", "menu-subtitle", &paths));
    request(&mut app, FlowRequest::Open("first_lesson".into()));
    assert_eq!(screen(&app), Screen::Briefing);
    english.extend(english_on(&mut app, "briefing", "briefing-objective", &paths));
    request(&mut app, FlowRequest::Begin);
    crate::sim::step_ticks(&mut app, 600);
    assert_eq!(screen(&app), Screen::Operating);
    english.extend(english_on(&mut app, "operating", "hud-keys", &paths));
    app.world_mut().resource_mut::<crate::controls::Overlays>().help = true;
    english.extend(english_on(&mut app, "help", "controls-autopilot", &paths));
    *app.world_mut().resource_mut::<crate::controls::Overlays>() = crate::controls::Overlays { help: false, confirm_finish: true };
    english.extend(english_on(&mut app, "finish?", "pause-confirm-title", &paths));
    app.world_mut().resource_mut::<crate::controls::Overlays>().confirm_finish = false;
    request(&mut app, FlowRequest::TogglePause);
    english.extend(english_on(&mut app, "pause", "pause-title", &paths));
    request(&mut app, FlowRequest::TogglePause);
    let mut guard = 0;
    while screen(&app) == Screen::Operating {
        crate::sim::step_ticks(&mut app, 1200);
        guard += 1;
        assert!(guard < 100, "the session never ended");
    }
    assert_eq!(screen(&app), Screen::Debrief);
    english.extend(english_on(&mut app, "debrief", "debrief-qc-title", &paths));
    request(&mut app, FlowRequest::Progress);
    assert_eq!(screen(&app), Screen::Progress);
    english.extend(english_on(&mut app, "progress", "progress-title", &paths));
    request(&mut app, FlowRequest::Edit(Some("first_lesson".into())));
    assert_eq!(screen(&app), Screen::Editor);
    english.extend(english_on(&mut app, "editor", "editor-briefing-label", &paths));
    request(&mut app, FlowRequest::Review(replay_path.clone()));
    assert_eq!(screen(&app), Screen::Review);
    english.extend(english_on(&mut app, "review", "review-faults-title", &paths));
    set_ui_lang(Lang::En);
    std::fs::remove_dir_all(&dir).ok();
    assert!(english.is_empty(), "English left on the Ukrainian screens:\n{}", english.join("\n"));
}
