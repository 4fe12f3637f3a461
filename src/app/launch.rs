//! How the windowed trainer was started: its settings (data folder, exam seat, trainee), an
//! optional start screen and scenario, and the screenshot-and-exit mode that lets every screen
//! be checked without a display.

use std::path::PathBuf;

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured, save_to_disk};

use crate::trainer::{Driver, FlowRequest, MenuNotice, Recording, Screen, Seat};
use crate::sim::SimClock;
use crate::view::CameraMode;

/// How the trainer starts (from `mineclear play`, or the defaults with no arguments).
#[derive(Resource, Clone, Debug, Default)]
pub struct LaunchOptions {
    /// Scenario to open (a file or built-in name); with none, the menu.
    pub scenario: Option<String>,
    /// Screen to go to: briefing, operating or debrief need a scenario.
    pub screen: Option<Screen>,
    pub autopilot: bool,
    /// How the autopilot drives (speed, lanes left out).
    pub autopilot_opts: crate::operator::AutopilotOptions,
    pub seed: Option<u64>,
    pub camera: Option<CameraMode>,
    /// Run the session this far (simulated seconds) before showing it.
    pub skip_to_s: Option<f32>,
    /// Pause the session once it has been shown for `after_secs` (the pause screen).
    pub paused: bool,
    /// Save a screenshot after `after_secs` on the target screen, then exit.
    pub screenshot: Option<PathBuf>,
    /// Seconds on the target screen before the screenshot: simulated seconds while operating,
    /// wall-clock seconds elsewhere.
    pub after_secs: f32,
    pub window: Option<(u32, u32)>,
    /// Print the main thread's CPU time per frame while operating (median, 90th percentile)
    /// and the coverage tiles the overlay looked at, when the screenshot is taken.
    pub frame_stats: bool,
    /// A replay to open for review (the review screen is then the target).
    pub review: Option<PathBuf>,
    /// Where review playback starts, seconds, and whether mines are revealed.
    pub review_at_s: f32,
    pub review_reveal: bool,
    /// Take the reviewed replay over at `review_at_s` ("Drive from here"), with the autopilot
    /// driving on when `autopilot` is set.
    pub review_take_over: bool,
    /// Show the expert beside the trainee: the ghost while operating and the comparison on
    /// the debrief, or beside the replay in the review.
    pub expert: bool,
    /// The trainee (attempts are stored under this name).
    pub trainee: Option<String>,
    /// Open as an exam seat (also set by the data folder's settings).
    pub exam: bool,
}

/// Per-frame CPU time of the app's own schedules (First to Last) while operating.
#[derive(Resource, Default)]
struct FrameStats {
    started: Option<std::time::Instant>,
    cpu_us: Vec<f64>,
    overlay_us: Vec<f64>,
    tiles: Vec<usize>,
}

fn frame_start(mut stats: ResMut<FrameStats>) {
    stats.started = Some(std::time::Instant::now());
}

fn frame_end(mut stats: ResMut<FrameStats>, screen: Res<State<Screen>>, overlay: Res<crate::view::OverlayState>) {
    if let Some(t) = stats.started.take()
        && *screen.get() == Screen::Operating
    {
        stats.cpu_us.push(t.elapsed().as_secs_f64() * 1e6);
        stats.tiles.push(overlay.tiles_scanned);
        stats.overlay_us.push(overlay.last_us);
    }
}

fn report_frame_stats(st: &FrameStats, clock: Option<&SimClock>) {
    // The first frames build meshes and compile pipelines: leave them out.
    let skip = st.cpu_us.len().min(10);
    let mut v = st.cpu_us[skip..].to_vec();
    if v.is_empty() {
        return;
    }
    v.sort_by(|a, b| a.total_cmp(b));
    let mut tiles = st.tiles[skip..].to_vec();
    tiles.sort();
    let mut ov = st.overlay_us[skip..].to_vec();
    ov.sort_by(|a, b| a.total_cmp(b));
    println!(
        "frame stats: {} frames at sim t={:.0} s: app schedules median {:.0} µs, p90 {:.0} µs; overlay update median {:.0} µs, max {:.0} µs; tiles scanned median {}, max {}",
        v.len(),
        clock.map_or(0.0, |c| c.seconds()),
        v[v.len() / 2],
        v[v.len() * 9 / 10],
        ov[ov.len() / 2],
        ov.last().copied().unwrap_or(0.0),
        tiles[tiles.len() / 2],
        tiles.last().copied().unwrap_or(0)
    );
}

/// Progress of the launch towards its target screen, and of the screenshot.
#[derive(Resource, Default)]
struct LaunchProgress {
    requested: Vec<Screen>,
    arrived_at: Option<f64>,
    frames_here: u32,
    shot: bool,
}

/// The screens speak the `Lang` resource's language; a switch on the menu is remembered in
/// the data folder's settings.
fn follow_language(lang: Res<crate::text::Lang>, recording: Res<Recording>) {
    if !lang.is_changed() || *lang == crate::text::ui_lang() {
        return;
    }
    crate::text::set_ui_lang(*lang);
    let Some(dir) = &recording.progress_dir else { return };
    // A settings file that cannot be read is left as it is (the menu says what is wrong).
    let Ok(mut settings) = crate::settings::Settings::load(dir) else { return };
    settings.language = Some(*lang);
    if let Err(e) = settings.save(dir) {
        warn!("{e}");
    }
}

/// Volumes and mute set on the menu or the pause screen are remembered in the data folder's
/// settings, half a second after the last change (not at every step of a slider).
fn remember_sound(sound: Res<crate::sound::SoundSettings>, recording: Res<Recording>, time: Res<Time<Real>>, mut changed_at: Local<Option<f64>>) {
    let now = time.elapsed_secs_f64();
    if sound.is_changed() && !sound.is_added() {
        *changed_at = Some(now);
    }
    let Some(at) = *changed_at else { return };
    if now - at < 0.5 {
        return;
    }
    *changed_at = None;
    let Some(dir) = &recording.progress_dir else { return };
    // A settings file that cannot be read is left as it is (the menu says what is wrong).
    let Ok(mut settings) = crate::settings::Settings::load(dir) else { return };
    settings.sound = *sound;
    if let Err(e) = settings.save(dir) {
        warn!("{e}");
    }
}

/// Sets the trainer up as `opts` says: the data folder's settings, who drives, where sessions
/// are kept, and the walk to the start screen (and the screenshot).
pub(super) fn plugin(app: &mut App, opts: LaunchOptions) {
    let data_dir = crate::progress::data_dir(None);
    let settings = crate::settings::Settings::load(&data_dir).unwrap_or_else(|e| {
        // The trainer runs on the defaults; the menu shows what is wrong with the file.
        warn!("{e}");
        app.world_mut().insert_resource(MenuNotice { subject: crate::settings::FILE.into(), problems: Vec::new(), plain: vec![e] });
        Default::default()
    });
    let exam = opts.exam || settings.exam_seat;
    app.insert_resource(Seat { exam });
    // The command line has chosen the language already (`--lang`, settings, system).
    app.insert_resource(crate::text::ui_lang());
    app.add_systems(PreUpdate, follow_language);
    app.insert_resource(settings.sound);
    app.add_systems(Update, remember_sound);
    {
        let mut d = app.world_mut().resource_mut::<Driver>();
        d.autopilot = opts.autopilot && !exam;
        d.autopilot_opts = opts.autopilot_opts.clone();
        d.seed = opts.seed;
    }
    {
        let mut rec = app.world_mut().resource_mut::<Recording>();
        rec.dir = Some(crate::replay::default_dir(&data_dir));
        rec.progress_dir = Some(data_dir);
        rec.trainee = opts.trainee.clone();
    }
    if let Some(c) = opts.camera {
        app.insert_resource(c);
    }
    app.insert_resource(crate::ui::review::ReviewStart { at_s: opts.review_at_s, reveal: opts.review_reveal, expert: opts.expert });
    app.world_mut().resource_mut::<crate::view::ghost::Ghost>().on = opts.expert && !exam;
    app.insert_resource(opts);
    app.init_resource::<LaunchProgress>();
    app.add_systems(Update, (drive_launch, skip_ahead.run_if(in_state(Screen::Operating)), take_screenshot).chain());
    app.init_resource::<FrameStats>();
    app.add_systems(First, frame_start);
    app.add_systems(Last, frame_end);
}

/// Walks the flow to the asked screen: open the scenario, begin, and for the debrief run the
/// session to its end at full speed.
fn drive_launch(opts: Res<LaunchOptions>, screen: Res<State<Screen>>, mut prog: ResMut<LaunchProgress>, mut req: MessageWriter<FlowRequest>) {
    if let Some(file) = &opts.review {
        if *screen.get() == Screen::Menu && prog.requested.is_empty() {
            prog.requested.push(Screen::Menu);
            req.write(FlowRequest::Review(file.clone()));
        }
        if opts.review_take_over && *screen.get() == Screen::Review && !prog.requested.contains(&Screen::Review) {
            prog.requested.push(Screen::Review);
            req.write(FlowRequest::DriveFrom(file.clone(), opts.review_at_s));
        }
        return;
    }
    if opts.screen == Some(Screen::Editor) {
        if *screen.get() == Screen::Menu && prog.requested.is_empty() {
            prog.requested.push(Screen::Menu);
            req.write(FlowRequest::Edit(opts.scenario.clone()));
        }
        return;
    }
    if opts.screen == Some(Screen::Progress) {
        if *screen.get() == Screen::Menu && prog.requested.is_empty() {
            prog.requested.push(Screen::Menu);
            req.write(FlowRequest::Progress);
        }
        return;
    }
    let Some(arg) = &opts.scenario else { return };
    let target = opts.screen.unwrap_or(Screen::Briefing);
    let here = *screen.get();
    let step = match here {
        Screen::Menu if target != Screen::Menu => Some(FlowRequest::Open(arg.clone())),
        Screen::Briefing if matches!(target, Screen::Operating | Screen::Debrief) => Some(FlowRequest::Begin),
        _ => None,
    };
    if let Some(r) = step
        && !prog.requested.contains(&here)
    {
        prog.requested.push(here);
        req.write(r);
    }
}

/// Runs the sim's fixed schedule directly to skip ahead (or, for the debrief, to the end).
fn skip_ahead(world: &mut World) {
    let opts = world.resource::<LaunchOptions>().clone();
    let to_end = opts.screen == Some(Screen::Debrief);
    let Some(target_tick) = (if to_end { Some(u64::MAX) } else { opts.skip_to_s.map(|s| (s * 60.0) as u64) }) else {
        return;
    };
    let Some(tick) = world.get_resource::<SimClock>().map(|c| c.tick) else { return };
    let n = if target_tick > tick { crate::trainer::runner::advance(world, target_tick - tick) } else { 0 };
    if n > 0 {
        info!("skipped ahead {n} ticks");
    }
}

fn take_screenshot(
    mut commands: Commands,
    opts: Res<LaunchOptions>,
    screen: Res<State<Screen>>,
    time: Res<Time<Real>>,
    clock: Option<Res<SimClock>>,
    mut prog: ResMut<LaunchProgress>,
    stats: Res<FrameStats>,
    mut paused: ResMut<crate::trainer::Paused>,
) {
    let Some(path) = &opts.screenshot else { return };
    let target = if opts.review.is_some() && opts.review_take_over {
        Screen::Operating
    } else if opts.review.is_some() {
        Screen::Review
    } else if let Some(s @ (Screen::Progress | Screen::Editor)) = opts.screen {
        s
    } else if opts.scenario.is_some() {
        opts.screen.unwrap_or(Screen::Briefing)
    } else {
        Screen::Menu
    };
    if *screen.get() != target || prog.shot {
        prog.arrived_at = None;
        prog.frames_here = 0;
        return;
    }
    let now = time.elapsed_secs_f64();
    let since = *prog.arrived_at.get_or_insert(now);
    prog.frames_here += 1;
    let waited = match (target, clock.as_deref()) {
        (Screen::Operating, Some(c)) => c.seconds() - opts.skip_to_s.or(opts.review_take_over.then_some(opts.review_at_s)).unwrap_or(0.0) >= opts.after_secs,
        _ => (now - since) as f32 >= opts.after_secs,
    };
    if waited && opts.paused && target == Screen::Operating && !paused.0 {
        // Pause now; the clock stops, so `waited` holds while the pause screen is laid out.
        paused.0 = true;
        prog.frames_here = 0;
        return;
    }
    // A few frames first, so pipelines are compiled and the UI laid out.
    if waited && prog.frames_here >= 6 {
        prog.shot = true;
        if opts.frame_stats {
            report_frame_stats(&stats, clock.as_deref());
        }
        let path = path.clone();
        info!("screenshot to {}", path.display());
        commands.spawn(Screenshot::primary_window()).observe(save_to_disk(path)).observe(|_: On<ScreenshotCaptured>, mut exit: MessageWriter<AppExit>| {
            exit.write(AppExit::Success);
        });
    }
}
