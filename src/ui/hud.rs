//! The operating HUD: speed against this soil's working band, tool depth against the required
//! depth, rotor, coverage, time, machine condition, a minimap, and warnings the moment a fault
//! happens. Plus the help, pause and finish-confirmation overlays.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, EguiTextureHandle, egui};

use super::{BAD, GOOD, WARN, bindings_grid, maps::Minimap, mmss};
use crate::clearing::{Coverage, ToolTick};
use crate::controls::{Levers, Overlays};
use crate::machine::MachineState;
use crate::operator::CommandSource;
use crate::scoring::Scorekeeper;
use crate::sim::{Ground, Session, SimClock};
use crate::text::Message;
use crate::tr;
use crate::trainer::{FlowRequest, Paused, Screen};
use crate::view::CameraMode;

/// Fault notices on screen: (fault index, shown since, real seconds).
#[derive(Resource, Default)]
pub struct Toasts {
    seen: usize,
    live: Vec<(usize, f64)>,
}

const TOAST_S: f64 = 6.0;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Toasts>();
    app.add_systems(OnEnter(Screen::Operating), reset_toasts.after(crate::trainer::FlowSet::Install));
    app.add_systems(
        EguiPrimaryContextPass,
        hud_ui.run_if(in_state(Screen::Operating).and_then(resource_exists::<SimClock>).and_then(resource_exists::<Minimap>)),
    );
}

pub fn reset_toasts(mut toasts: ResMut<Toasts>) {
    *toasts = Toasts::default();
}

/// A horizontal gauge: the value's bar, a shaded good band and a marker.
fn gauge(ui: &mut egui::Ui, frac: f32, band: Option<(f32, f32)>, marker: Option<f32>, colour: egui::Color32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(220.0, 12.0), egui::Sense::hover());
    let p = ui.painter();
    p.rect_filled(rect, 3.0, egui::Color32::from_gray(40));
    let x = |f: f32| rect.left() + rect.width() * f.clamp(0.0, 1.0);
    if let Some((a, b)) = band {
        p.rect_filled(egui::Rect::from_x_y_ranges(x(a)..=x(b), rect.y_range()), 0.0, egui::Color32::from_rgba_unmultiplied(90, 200, 110, 70));
    }
    p.rect_filled(egui::Rect::from_x_y_ranges(rect.left()..=x(frac), rect.top() + 3.0..=rect.bottom() - 3.0), 2.0, colour);
    if let Some(mk) = marker {
        p.line_segment([egui::pos2(x(mk), rect.top() - 2.0), egui::pos2(x(mk), rect.bottom() + 2.0)], (2.0, egui::Color32::WHITE));
    }
}

fn panel_frame() -> egui::Frame {
    egui::Frame::new().fill(egui::Color32::from_rgba_unmultiplied(12, 14, 18, 215)).corner_radius(6.0).inner_margin(10.0)
}

/// The sim state the HUD reads.
#[derive(bevy::ecs::system::SystemParam)]
pub struct SimView<'w> {
    session: Res<'w, Session>,
    clock: Res<'w, SimClock>,
    machine: Res<'w, MachineState>,
    ground: Res<'w, Ground>,
    coverage: Res<'w, Coverage>,
    tool_tick: Res<'w, ToolTick>,
    keeper: Res<'w, Scorekeeper>,
    source: Res<'w, CommandSource>,
    provenance: Res<'w, crate::operator::Provenance>,
}

impl SimView<'_> {
    /// A remote machine's stand-off and its distance from the operator's post.
    fn standoff(&self) -> Option<(f32, f32)> {
        crate::scoring::live::standoff(&self.machine, &self.session.loaded.scenario)
    }
}

#[allow(clippy::too_many_arguments)]
pub fn hud_ui(
    mut contexts: EguiContexts,
    time: Res<Time<Real>>,
    sim: SimView,
    levers: Res<Levers>,
    camera: Res<CameraMode>,
    minimap: Res<Minimap>,
    paused: Res<Paused>,
    ghost: Option<Res<crate::view::ghost::Ghost>>,
    mut sound: ResMut<crate::sound::SoundSettings>,
    mut overlays: ResMut<Overlays>,
    mut toasts: ResMut<Toasts>,
    mut requests: MessageWriter<FlowRequest>,
) -> Result {
    let texture = contexts.add_image(EguiTextureHandle::Strong(minimap.image.clone()));
    let ctx = contexts.ctx_mut()?.clone();
    egui::Area::new(egui::Id::new("instruments")).anchor(egui::Align2::LEFT_TOP, [10.0, 10.0]).show(&ctx, |ui| {
        panel_frame().show(ui, |ui| instruments(ui, &sim, &levers));
    });
    if sim.clock.tick < 600 {
        // Off screen: only so the digits' glyphs are made before they are needed.
        egui::Area::new(egui::Id::new("warm digits")).fixed_pos([-4000.0, -4000.0]).show(&ctx, super::warm_digits);
    }
    egui::Area::new(egui::Id::new("minimap")).anchor(egui::Align2::RIGHT_BOTTOM, [-10.0, -10.0]).show(&ctx, |ui| {
        panel_frame().show(ui, |ui| minimap_panel(ui, &sim, &minimap, texture, *camera, ghost.as_deref()));
    });
    toasts.update(sim.keeper.faults.len(), time.elapsed_secs_f64());
    warnings(&ctx, &live_warnings(&sim), &toasts, &sim.keeper);
    key_hint(&ctx, sim.machine.spec.has_boom());
    overlay_windows(&ctx, &sim, paused.0, &mut overlays, &mut sound, &mut requests);
    Ok(())
}

/// Left: the instruments, each against what this ground asks of it.
fn instruments(ui: &mut egui::Ui, sim: &SimView, levers: &Levers) {
    let scenario = &sim.session.loaded.scenario;
    let machine = &*sim.machine;
    let autopilot = sim.source.is_autopilot();
    let lang = crate::text::ui_lang();
    ui.set_width(250.0);
    ui.label(egui::RichText::new(scenario.title.shown(lang).text).strong().size(16.0));
    let left_s = scenario.time_limit_min * 60.0 - sim.clock.seconds();
    ui.label(tr!(lang, "hud-time", elapsed = mmss(sim.clock.seconds()), left = mmss(left_s)));
    if autopilot {
        ui.colored_label(WARN, tr!(lang, "hud-autopilot-driving"));
        if sim.provenance.0.iter().any(|span| span.origin.is_live()) {
            ui.label(egui::RichText::new(tr!(lang, "hud-autopilot-take-back")).small());
        }
    } else if sim.provenance.driven_by() == crate::operator::DrivenBy::Mixed {
        ui.colored_label(WARN, tr!(lang, "hud-autopilot-mixed"));
    }
    ui.separator();
    speed_gauge(ui, sim, levers);
    if let Some(boom) = machine.boom {
        boom_readouts(ui, machine, boom, &sim.coverage, &sim.ground.0, scenario.required_depth_cm);
    }
    tool_gauges(ui, sim);
    condition_gauges(ui, sim);
    if let Some((standoff_m, distance_m)) = sim.standoff() {
        let colour = if distance_m < standoff_m {
            BAD
        } else if distance_m < standoff_m + 5.0 {
            WARN
        } else {
            GOOD
        };
        ui.colored_label(colour, tr!(lang, "hud-post-distance", distance_m = distance_m, standoff_m = standoff_m));
    }
    ui.label(egui::RichText::new(tr!(lang, "hud-faults-so-far", count = sim.keeper.faults.len())).small());
}

/// Speed against the band this soil allows at the required depth.
fn speed_gauge(ui: &mut egui::Ui, sim: &SimView, levers: &Levers) {
    let lang = crate::text::ui_lang();
    let machine = &*sim.machine;
    let spec = &machine.spec;
    let (tool_x, tool_z) = machine.tool_xz();
    let soil = sim.ground.0.soil_at(tool_x, tool_z);
    let max_for_depth = machine.max_speed_for_depth_kmh(sim.session.loaded.scenario.required_depth_cm, soil.hardness);
    let band = (spec.speed.working_kmh.0, spec.speed.working_kmh.1.min(max_for_depth).max(spec.speed.working_kmh.0));
    // The hull settles by millimetres at rest: show that as standing still.
    let speed = if machine.speed_kmh().abs() < 0.02 { 0.0 } else { machine.speed_kmh() };
    let scale = (band.1 * 2.0).max(1.0);
    let fast = machine.tool_working() && speed > band.1 + 0.05;
    let colour = if fast {
        BAD
    } else if speed >= band.0 - 0.05 && speed <= band.1 + 0.05 {
        GOOD
    } else {
        egui::Color32::LIGHT_GRAY
    };
    ui.label(egui::RichText::new(tr!(lang, "hud-speed", speed_kmh = speed)).size(18.0).color(colour));
    gauge(ui, speed.abs() / scale, Some((band.0 / scale, band.1 / scale)), None, colour);
    let set_pct = levers.speed * 100.0;
    ui.label(
        egui::RichText::new(tr!(
            lang,
            "hud-speed-band",
            lo_kmh = band.0,
            hi_kmh = band.1,
            soil = soil.kind.name_in(lang),
            sign = sign_of(set_pct),
            set_pct = set_pct.abs(),
        ))
        .small(),
    );
}

/// Tool depth against the required depth, the rotor's speed and its load.
fn tool_gauges(ui: &mut egui::Ui, sim: &SimView) {
    let lang = crate::text::ui_lang();
    let machine = &*sim.machine;
    let spec = &machine.spec;
    let required = sim.session.loaded.scenario.required_depth_cm;
    let gauge_max_cm = spec.tool.depth_cm.1.max(required + 5.0);
    let (depth_text, depth_colour) = if machine.tool_cm <= 0.5 {
        (tr!(lang, "hud-tool-raised", raised_cm = -machine.tool_cm), egui::Color32::LIGHT_GRAY)
    } else {
        // A boom's setting is its height against the track plane; what it reaches is
        // that with the ground under the drum.
        let reach = sim.tool_tick.capacity_cm.min(if machine.boom.is_some() { sim.tool_tick.set_cm } else { machine.tool_cm });
        let colour = if reach + 0.5 >= required { GOOD } else { WARN };
        let reaching_cm = if machine.tool_working() { reach } else { 0.0 };
        (tr!(lang, "hud-tool-depth", set_cm = machine.tool_cm, reaching_cm = reaching_cm, required_cm = required), colour)
    };
    ui.label(egui::RichText::new(depth_text).size(16.0).color(depth_colour));
    gauge(ui, machine.tool_cm.max(0.0) / gauge_max_cm, None, Some(required / gauge_max_cm), depth_colour);

    let rotor_colour = if machine.stall_s > 0.0 {
        BAD
    } else if machine.rotor > 0.9 {
        GOOD
    } else {
        egui::Color32::LIGHT_GRAY
    };
    let stalled = if machine.stall_s > 0.0 { "yes" } else { "no" };
    ui.label(
        egui::RichText::new(tr!(lang, "hud-rotor", rotor_pct = machine.rotor * 100.0, rpm = machine.rotor * spec.tool.rotor_rpm, stalled = stalled))
            .color(rotor_colour),
    );
    gauge(ui, machine.rotor, None, None, rotor_colour);
    // The tool's power demand against what the engine has for it: the ground's
    // hardness, the depth and the speed load it; past 100 % the rotor stalls.
    let load = if machine.tool_working() { machine.rotor_load } else { 0.0 };
    let load_colour = if load > 1.0 {
        BAD
    } else if load > 0.85 {
        WARN
    } else {
        egui::Color32::LIGHT_GRAY
    };
    ui.label(egui::RichText::new(tr!(lang, "hud-rotor-load", load_pct = load * 100.0)).color(load_colour));
    gauge(ui, (load / 1.2).min(1.0), None, Some(1.0 / 1.2), load_colour);
}

/// The work done, the machine's condition and the tool's wear.
fn condition_gauges(ui: &mut egui::Ui, sim: &SimView) {
    let lang = crate::text::ui_lang();
    let machine = &*sim.machine;
    let to_depth = sim.coverage.fraction_to_depth();
    ui.label(tr!(lang, "hud-area-to-depth", pct = to_depth * 100.0));
    gauge(ui, to_depth, None, None, egui::Color32::from_rgb(150, 110, 70));
    let condition_colour = if machine.condition > 70.0 {
        GOOD
    } else if machine.condition > 35.0 {
        WARN
    } else {
        BAD
    };
    ui.label(egui::RichText::new(tr!(lang, "hud-condition", pct = machine.condition)).color(condition_colour));
    gauge(ui, machine.condition / 100.0, None, None, condition_colour);
    let health = &machine.tool_health;
    let tool_colour = if health.strike_factor() > 0.85 && health.wear < 0.5 {
        egui::Color32::LIGHT_GRAY
    } else if health.strike_factor() > 0.6 {
        WARN
    } else {
        BAD
    };
    // As `ToolHealth::describe` says it ("flail: 29 of 34 hammers, 12 % worn"), in the
    // trainee's language: the report's sentence, with the wear unrounded so "worn" shows from
    // 0.5 %, as there.
    let tool_state = Message::new("tool-state")
        .text("tool", crate::text::key(&machine.spec.tool.kind))
        .num("left", health.left)
        .num("fitted", health.fitted)
        .num("wear_pct", health.wear * 100.0)
        .num("hydraulics_pct", health.hydraulics * 100.0);
    ui.label(egui::RichText::new(tool_state.in_lang(lang)).color(tool_colour));
}

/// Right: the minimap with the machine, its boom and the operator's post.
fn minimap_panel(ui: &mut egui::Ui, sim: &SimView, minimap: &Minimap, texture: egui::TextureId, camera: CameraMode, ghost: Option<&crate::view::ghost::Ghost>) {
    let machine = &*sim.machine;
    let spec = &machine.spec;
    let (width, height) = (minimap.size.0 as f32, minimap.size.1 as f32);
    let rect = ui.image(egui::load::SizedTexture::new(texture, [width, height])).rect;
    let painter = ui.painter();
    let to = |x: f32, z: f32| egui::pos2(rect.left() + x * minimap.ppm, rect.top() + z * minimap.ppm);
    let (heading_x, heading_z) = machine.heading_xz();
    let heading = egui::vec2(heading_x, heading_z);
    let centre = to(machine.pos.x, machine.pos.z);
    let tip = centre + heading * 9.0;
    let side = egui::vec2(-heading_z, heading_x) * 5.0;
    if machine.boom.is_some() {
        let (drum_x, drum_z) = machine.tool_xz();
        let (pivot_x, pivot_z) = machine.pivot_xz();
        painter.line_segment([to(pivot_x, pivot_z), to(drum_x, drum_z)], (2.0, egui::Color32::from_rgb(255, 200, 40)));
        painter.circle_filled(to(drum_x, drum_z), 3.0, egui::Color32::from_rgb(255, 120, 20));
    }
    painter.add(egui::Shape::convex_polygon(vec![tip, centre - heading * 5.0 + side, centre - heading * 5.0 - side], egui::Color32::YELLOW, (1.0, egui::Color32::BLACK)));
    if spec.is_remote() {
        let post = sim.session.loaded.scenario.operator_post();
        painter.circle_filled(to(post.0, post.1), 4.0, egui::Color32::from_rgb(60, 160, 255));
    }
    let lang = crate::text::ui_lang();
    ui.label(egui::RichText::new(tr!(lang, "hud-camera", mode = camera.name_in(spec.is_remote(), lang))).small());
    if let Some(ghost) = ghost.filter(|g| g.on) {
        // The expert's ghost on the minimap too, and what the translucent machine is.
        if let Some(pose) = ghost.run_for(&sim.session).and_then(|r| r.pose_at(sim.clock.seconds())) {
            painter_ghost(ui.painter(), to(pose.pos.x, pose.pos.z));
        }
        let id = match (ghost.computing(), sim.machine.boom.is_some()) {
            (true, _) => "hud-ghost-computing",
            (false, false) => "hud-ghost-on",
            (false, true) => "hud-ghost-on-boom",
        };
        ui.label(egui::RichText::new(tr!(lang, id)).small().color(egui::Color32::from_rgb(120, 210, 255)));
    }
}

/// The expert's ghost on the minimap: a light blue ring.
fn painter_ghost(painter: &egui::Painter, at: egui::Pos2) {
    painter.circle_stroke(at, 5.0, (2.0, egui::Color32::from_rgb(120, 210, 255)));
}

impl Toasts {
    /// Each new fault becomes a notice; old ones go after a while, and at most three show.
    fn update(&mut self, faults: usize, now_s: f64) {
        for i in self.seen..faults {
            self.live.push((i, now_s));
        }
        self.seen = faults;
        self.live.retain(|(_, since)| now_s - *since < TOAST_S);
        if self.live.len() > 3 {
            let drop = self.live.len() - 3;
            self.live.drain(..drop);
        }
    }
}

/// The conditions to warn of while they last (not faults: those come as notices), in words.
fn live_warnings(sim: &SimView) -> Vec<String> {
    use crate::scoring::live::Warning;
    let lang = crate::text::ui_lang();
    let machine = &*sim.machine;
    let warnings = crate::scoring::live::live_warnings(machine, &sim.tool_tick, &sim.session.loaded.scenario, &sim.ground.0);
    warnings
        .into_iter()
        .filter_map(|w| match w {
            // `contact_noun` is "tracks" or "tyres": the message picks its own word by it.
            Warning::TracksOnUnprocessed => Some(tr!(lang, "hud-warn-unprocessed", gear = machine.spec.running_gear.contact_noun())),
            Warning::TooFast { reaching_cm, required_cm, boom } => {
                Some(tr!(lang, "hud-warn-too-fast", reaching_cm = reaching_cm, required_cm = required_cm, what = if boom { "slew" } else { "speed" }))
            }
            Warning::RotorOverloaded { load } => Some(tr!(lang, "hud-warn-rotor-overloaded", load_pct = load * 100.0)),
            Warning::BoomBlocked => Some(tr!(lang, "hud-warn-boom-blocked")),
            Warning::LeavingWorksite => Some(tr!(lang, "hud-warn-leaving-worksite")),
            Warning::Standoff { standoff_m } => Some(tr!(lang, "hud-warn-standoff", standoff_m = standoff_m)),
            Warning::RotorStalled => Some(tr!(lang, "hud-warn-rotor-stalled", seconds = machine.stall_s.max(0.0).ceil())),
        })
        .collect()
}

/// Top centre: the live warnings in red, then each new fault with its detail.
fn warnings(ctx: &egui::Context, live: &[String], toasts: &Toasts, keeper: &Scorekeeper) {
    let lang = crate::text::ui_lang();
    if live.is_empty() && toasts.live.is_empty() {
        return;
    }
    egui::Area::new(egui::Id::new("warnings")).anchor(egui::Align2::CENTER_TOP, [0.0, 10.0]).show(ctx, |ui| {
        for warning in live {
            egui::Frame::new().fill(egui::Color32::from_rgba_unmultiplied(150, 20, 20, 230)).corner_radius(5.0).inner_margin(8.0).show(ui, |ui| {
                ui.label(egui::RichText::new(warning).strong().size(17.0).color(egui::Color32::WHITE));
            });
        }
        for (i, _) in &toasts.live {
            let fault = &keeper.faults[*i];
            egui::Frame::new().fill(egui::Color32::from_rgba_unmultiplied(70, 50, 10, 230)).corner_radius(5.0).inner_margin(8.0).show(ui, |ui| {
                ui.set_max_width(560.0);
                ui.label(egui::RichText::new(format!("{}  {}", mmss(fault.t), fault.kind.name_in(lang))).strong().color(WARN));
                // A fault without a message (none made live lacks one) shows its stored text.
                let detail = if fault.message.id.is_empty() { fault.detail.clone() } else { fault.message.in_lang(lang) };
                ui.label(detail);
            });
        }
    });
}

/// Bottom left: the keys that matter now.
fn key_hint(ctx: &egui::Context, boom: bool) {
    let lang = crate::text::ui_lang();
    egui::Area::new(egui::Id::new("hint")).anchor(egui::Align2::LEFT_BOTTOM, [10.0, -10.0]).show(ctx, |ui| {
        panel_frame().show(ui, |ui| {
            let keys = if boom { tr!(lang, "hud-keys-boom") } else { tr!(lang, "hud-keys") };
            ui.label(egui::RichText::new(keys).small());
        });
    });
}

/// The help, pause and finish-confirmation windows.
fn overlay_windows(
    ctx: &egui::Context,
    sim: &SimView,
    paused: bool,
    overlays: &mut Overlays,
    sound: &mut ResMut<crate::sound::SoundSettings>,
    requests: &mut MessageWriter<FlowRequest>,
) {
    let lang = crate::text::ui_lang();
    // The window's id stays the one its English title gave it (egui hashes the title as
    // `Some(text)`), whatever the language shows.
    let centred = |id: &str, title: String| {
        egui::Window::new(title).id(egui::Id::new(Some(id))).collapsible(false).resizable(false).anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
    };
    if overlays.help {
        centred("Controls", tr!(lang, "help-title")).show(ctx, |ui| {
            bindings_grid(ui, "help bindings", sim.machine.spec.has_boom(), false);
            ui.add_space(6.0);
            ui.label(tr!(lang, "help-technique"));
            if ui.button(tr!(lang, "help-close")).clicked() {
                overlays.help = false;
            }
        });
    }
    if paused && !overlays.confirm_finish {
        centred("Paused", tr!(lang, "pause-title")).show(ctx, |ui| {
            ui.label(tr!(lang, "pause-stopped"));
            if ui.button(tr!(lang, "pause-resume")).clicked() {
                requests.write(FlowRequest::TogglePause);
            }
            if ui.button(tr!(lang, "pause-finish")).clicked() {
                overlays.confirm_finish = true;
            }
            if ui.button(tr!(lang, "pause-controls")).clicked() {
                overlays.help = true;
            }
            if ui.button(tr!(lang, "pause-abandon")).clicked() {
                requests.write(FlowRequest::Menu);
            }
            ui.separator();
            super::sound::volumes(ui, sound);
        });
    }
    if overlays.confirm_finish {
        centred("Finish the session?", tr!(lang, "pause-confirm-title")).show(ctx, |ui| {
            ui.label(tr!(lang, "pause-confirm-text", pct = sim.coverage.fraction_to_depth() * 100.0));
            ui.horizontal(|ui| {
                if ui.button(tr!(lang, "pause-confirm-finish")).clicked() {
                    overlays.confirm_finish = false;
                    requests.write(FlowRequest::Finish);
                }
                if ui.button(tr!(lang, "pause-confirm-keep-working")).clicked() {
                    overlays.confirm_finish = false;
                }
            });
        });
    }
}

/// How far ahead of the tracks' front the ground is processed across their whole span (to
/// 8 m): where the base may advance to. Outside the hazard area counts as safe.
fn processed_ahead_m(m: &crate::machine::MachineState, cov: &crate::clearing::Coverage) -> f32 {
    let front = m.spec.chassis_m.0 * 0.5;
    cov.unprocessed_in_track_path(m, front, front + 8.0, cov.cell_m).map_or(8.0, |(a, _)| (a - front).min(8.0))
}

/// A boom machine's own readouts: sweep speed against the band for this ground, slew and
/// reach with a sketch from above, and the processed ground ahead of the tracks.
fn boom_readouts(
    ui: &mut egui::Ui,
    m: &crate::machine::MachineState,
    b: crate::machine::BoomState,
    cov: &crate::clearing::Coverage,
    field: &crate::field::Field,
    required: f32,
) {
    let lang = crate::text::ui_lang();
    let spec = &m.spec;
    let (tx, tz) = m.tool_xz();
    let soil = field.soil_at(tx, tz);
    let vmax = m.max_speed_for_depth_kmh(required, soil.hardness * field.vegetation_resistance(tx, tz));
    let sweep = m.tool_speed_kmh();
    let cutting = m.tool_working();
    let c = if cutting && sweep > vmax + 0.05 {
        BAD
    } else if cutting {
        GOOD
    } else {
        egui::Color32::LIGHT_GRAY
    };
    ui.separator();
    ui.label(egui::RichText::new(tr!(lang, "hud-sweep", sweep_kmh = sweep, sweep_ms = sweep / 3.6)).size(16.0).color(c));
    let scale = (vmax * 2.0).max(1.0);
    gauge(ui, sweep / scale, Some((0.0, vmax / scale)), None, c);
    ui.label(egui::RichText::new(tr!(lang, "hud-sweep-limit", required_cm = required, soil = soil.kind.name_in(lang), limit_kmh = vmax)).small());
    let bs = spec.boom.as_ref().expect("boom spec");
    ui.label(tr!(
        lang,
        "hud-slew-reach",
        sign = sign_of(b.slew_deg),
        slew_deg = b.slew_deg.abs(),
        reach_m = b.reach_m,
        min_m = bs.reach_m.0,
        max_m = bs.reach_m.1,
    ));
    // From above: the base, the boom, the drum, and the processed ground ahead of the tracks.
    let (rect, _) = ui.allocate_exact_size(egui::vec2(230.0, 90.0), egui::Sense::hover());
    let p = ui.painter_at(rect);
    p.rect_filled(rect, 4.0, egui::Color32::from_rgba_unmultiplied(0, 0, 0, 90));
    let scale_px = 9.0;
    let base = rect.center_bottom() - egui::vec2(0.0, 22.0);
    let to = |along: f32, across: f32| base + egui::vec2(across * scale_px, -along * scale_px);
    let (l, w) = (spec.chassis_m.0, spec.chassis_m.1);
    let ahead = processed_ahead_m(m, cov);
    let half_span = (spec.track_gauge_m + spec.track_width_m) * 0.5;
    p.rect_filled(egui::Rect::from_two_pos(to(l * 0.5, -half_span), to(l * 0.5 + ahead, half_span)), 0.0, egui::Color32::from_rgb(110, 75, 45));
    p.rect_filled(egui::Rect::from_two_pos(to(-l * 0.5, -w * 0.5), to(l * 0.5, w * 0.5)), 2.0, egui::Color32::from_rgb(200, 170, 40));
    let (s, co) = libm::sincosf(b.slew_deg.to_radians());
    let pivot = to(bs.pivot_m, 0.0);
    let drum = to(bs.pivot_m + b.reach_m * co, b.reach_m * s);
    p.line_segment([pivot, drum], (3.0, egui::Color32::from_rgb(240, 200, 60)));
    let half_w = spec.tool.working_width_m * 0.5;
    let d0 = to(bs.pivot_m + (b.reach_m - half_w) * co, (b.reach_m - half_w) * s);
    let d1 = to(bs.pivot_m + (b.reach_m + half_w) * co, (b.reach_m + half_w) * s);
    p.line_segment([d0, d1], (6.0, if cutting { egui::Color32::from_rgb(255, 110, 30) } else { egui::Color32::GRAY }));
    let ac = if ahead >= 1.0 { GOOD } else { WARN };
    ui.colored_label(ac, tr!(lang, "hud-processed-ahead", ahead_m = ahead));
}

/// The sign `{:+}` writes before a number ("-" for a negative one, negative zero included,
/// else "+"): the messages show the sign and the number's size apart.
fn sign_of(v: f32) -> &'static str {
    if v.is_sign_negative() { "-" } else { "+" }
}
