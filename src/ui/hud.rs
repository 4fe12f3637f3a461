//! The operating HUD: speed against this soil's working band, tool depth against the required
//! depth, rotor, coverage, time, machine condition, a minimap, and warnings the moment a fault
//! happens. Plus the help, pause and finish-confirmation overlays.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiTextureHandle, egui};

use super::{BAD, GOOD, WARN, bindings_grid, maps::Minimap, mmss};
use crate::clearing::{Coverage, ToolTick};
use crate::controls::{Levers, Overlays};
use crate::geom;
use crate::machine::MachineState;
use crate::operator::CommandSource;
use crate::scoring::Scorekeeper;
use crate::sim::{Ground, Session, SimClock};
use crate::trainer::{FlowRequest, Paused};
use crate::view::CameraMode;

/// Fault notices on screen: (fault index, shown since, real seconds).
#[derive(Resource, Default)]
pub struct Toasts {
    seen: usize,
    live: Vec<(usize, f64)>,
}

const TOAST_S: f64 = 6.0;

pub fn reset_toasts(mut t: ResMut<Toasts>) {
    *t = Toasts::default();
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
    m: Res<'w, MachineState>,
    ground: Res<'w, Ground>,
    cov: Res<'w, Coverage>,
    tt: Res<'w, ToolTick>,
    keeper: Res<'w, Scorekeeper>,
    src: Res<'w, CommandSource>,
    provenance: Res<'w, crate::operator::Provenance>,
}

#[allow(clippy::too_many_arguments)]
pub fn hud_ui(
    mut contexts: EguiContexts,
    time: Res<Time<Real>>,
    sim: SimView,
    levers: Res<Levers>,
    mode: Res<CameraMode>,
    mini: Res<Minimap>,
    paused: Res<Paused>,
    mut overlays: ResMut<Overlays>,
    mut toasts: ResMut<Toasts>,
    mut req: MessageWriter<FlowRequest>,
) -> Result {
    let SimView { session, clock, m, ground, cov, tt, keeper, src, provenance } = sim;
    let tex = contexts.add_image(EguiTextureHandle::Strong(mini.image.clone()));
    let ctx = contexts.ctx_mut()?.clone();
    let s = &session.loaded.scenario;
    let spec = &m.spec;
    let required = s.required_depth_cm;
    let autopilot = src.is_autopilot();
    let handed_over = !autopilot && provenance.driven_by() == crate::operator::DrivenBy::Mixed;
    // A remote machine's stand-off and its distance from the operator's post.
    let standoff = spec.remote_standoff_m.map(|st| {
        let post = s.operator_post();
        (st, ((m.pos.x - post.0).powi(2) + (m.pos.z - post.1).powi(2)).sqrt())
    });

    // Left: the instruments.
    egui::Area::new(egui::Id::new("instruments")).anchor(egui::Align2::LEFT_TOP, [10.0, 10.0]).show(&ctx, |ui| {
        panel_frame().show(ui, |ui| {
            ui.set_width(250.0);
            ui.label(egui::RichText::new(&s.title).strong().size(16.0));
            let left = s.time_limit_min * 60.0 - clock.seconds();
            ui.label(format!("Time {} · {} left", mmss(clock.seconds()), mmss(left)));
            if autopilot {
                ui.colored_label(WARN, "AUTOPILOT DRIVING (demonstration)");
                if provenance.0.iter().any(|p| p.origin.is_live()) {
                    ui.label(egui::RichText::new("F8: take the controls back").small());
                }
            } else if handed_over {
                ui.colored_label(WARN, "The autopilot drove part of this session: it is kept as a demonstration, not an attempt");
            }
            ui.separator();

            // Speed against the band this soil allows at the required depth.
            let (tx, tz) = m.tool_xz();
            let soil = ground.0.soil_at(tx, tz);
            let vmax_depth = m.max_speed_for_depth_kmh(required, soil.hardness);
            let band = (spec.speed.working_kmh.0, spec.speed.working_kmh.1.min(vmax_depth).max(spec.speed.working_kmh.0));
            // The hull settles by millimetres at rest: show that as standing still.
            let v = if m.speed_kmh().abs() < 0.02 { 0.0 } else { m.speed_kmh() };
            let scale = (band.1 * 2.0).max(1.0);
            let fast = m.tool_working() && v > band.1 + 0.05;
            let vc = if fast {
                BAD
            } else if v >= band.0 - 0.05 && v <= band.1 + 0.05 {
                GOOD
            } else {
                egui::Color32::LIGHT_GRAY
            };
            ui.label(egui::RichText::new(format!("Speed {:.2} km/h", v)).size(18.0).color(vc));
            gauge(ui, v.abs() / scale, Some((band.0 / scale, band.1 / scale)), None, vc);
            ui.label(
                egui::RichText::new(format!("band {:.1}–{:.1} km/h in {} · set {:+.0} %", band.0, band.1, soil.kind.label(), levers.speed * 100.0)).small(),
            );

            if let Some(b) = m.boom {
                boom_readouts(ui, &m, b, &cov, &ground.0, required);
            }

            // Tool depth against required.
            let dmax = spec.tool.depth_cm.1.max(required + 5.0);
            let (depth_txt, dc) = if m.tool_cm <= 0.5 {
                (format!("Tool raised {:.0} cm", -m.tool_cm), egui::Color32::LIGHT_GRAY)
            } else {
                // A boom's setting is its height against the track plane; what it reaches is
                // that with the ground under the drum.
                let reach = tt.capacity_cm.min(if m.boom.is_some() { tt.set_cm } else { m.tool_cm });
                let c = if reach + 0.5 >= required { GOOD } else { WARN };
                (format!("Tool {:.0} cm · reaching {:.0} of {:.0} cm", m.tool_cm, if m.tool_working() { reach } else { 0.0 }, required), c)
            };
            ui.label(egui::RichText::new(depth_txt).size(16.0).color(dc));
            gauge(ui, m.tool_cm.max(0.0) / dmax, None, Some(required / dmax), dc);

            let rc = if m.stall_s > 0.0 {
                BAD
            } else if m.rotor > 0.9 {
                GOOD
            } else {
                egui::Color32::LIGHT_GRAY
            };
            let stall = if m.stall_s > 0.0 { "  STALLED" } else { "" };
            ui.label(egui::RichText::new(format!("Rotor {:.0} % · {:.0} rpm{stall}", m.rotor * 100.0, m.rotor * spec.tool.rotor_rpm)).color(rc));
            gauge(ui, m.rotor, None, None, rc);
            // The tool's power demand against what the engine has for it: the ground's
            // hardness, the depth and the speed load it; past 100 % the rotor stalls.
            let load = if m.tool_working() { m.rotor_load } else { 0.0 };
            let lc = if load > 1.0 {
                BAD
            } else if load > 0.85 {
                WARN
            } else {
                egui::Color32::LIGHT_GRAY
            };
            ui.label(egui::RichText::new(format!("Rotor load {:.0} %", load * 100.0)).color(lc));
            gauge(ui, (load / 1.2).min(1.0), None, Some(1.0 / 1.2), lc);

            let cf = cov.fraction_to_depth();
            ui.label(format!("Area to depth {:.1} %", cf * 100.0));
            gauge(ui, cf, None, None, egui::Color32::from_rgb(150, 110, 70));
            let cc = if m.condition > 70.0 {
                GOOD
            } else if m.condition > 35.0 {
                WARN
            } else {
                BAD
            };
            ui.label(egui::RichText::new(format!("Machine condition {:.0} %", m.condition)).color(cc));
            gauge(ui, m.condition / 100.0, None, None, cc);
            let h = &m.tool_health;
            let tc = if h.strike_factor() > 0.85 && h.wear < 0.5 {
                egui::Color32::LIGHT_GRAY
            } else if h.strike_factor() > 0.6 {
                WARN
            } else {
                BAD
            };
            ui.label(egui::RichText::new(h.describe(spec.tool.kind)).color(tc));
            if let Some((st, d)) = standoff {
                let c = if d < st {
                    BAD
                } else if d < st + 5.0 {
                    WARN
                } else {
                    GOOD
                };
                ui.colored_label(c, format!("Distance to your post {d:.0} m (stand-off {st:.0} m)"));
            }
            ui.label(egui::RichText::new(format!("Faults so far {}", keeper.faults.len())).small());
        });
    });

    if clock.tick < 600 {
        // Off screen: only so the digits' glyphs are made before they are needed.
        egui::Area::new(egui::Id::new("warm digits")).fixed_pos([-4000.0, -4000.0]).show(&ctx, super::warm_digits);
    }

    // Right: the minimap with the machine.
    egui::Area::new(egui::Id::new("minimap")).anchor(egui::Align2::RIGHT_BOTTOM, [-10.0, -10.0]).show(&ctx, |ui| {
        panel_frame().show(ui, |ui| {
            let (w, h) = (mini.size.0 as f32, mini.size.1 as f32);
            let resp = ui.image(egui::load::SizedTexture::new(tex, [w, h]));
            let r = resp.rect;
            let p = ui.painter();
            let to = |x: f32, z: f32| egui::pos2(r.left() + x * mini.ppm, r.top() + z * mini.ppm);
            let (hx, hz) = m.heading_xz();
            let c = to(m.pos.x, m.pos.z);
            let tip = c + egui::vec2(hx, hz) * 9.0;
            let side = egui::vec2(-hz, hx) * 5.0;
            if m.boom.is_some() {
                let (dx, dz) = m.tool_xz();
                let (px, pz) = m.pivot_xz();
                p.line_segment([to(px, pz), to(dx, dz)], (2.0, egui::Color32::from_rgb(255, 200, 40)));
                p.circle_filled(to(dx, dz), 3.0, egui::Color32::from_rgb(255, 120, 20));
            }
            p.add(egui::Shape::convex_polygon(
                vec![tip, c - egui::vec2(hx, hz) * 5.0 + side, c - egui::vec2(hx, hz) * 5.0 - side],
                egui::Color32::YELLOW,
                (1.0, egui::Color32::BLACK),
            ));
            if spec.is_remote() {
                let post = s.operator_post();
                p.circle_filled(to(post.0, post.1), 4.0, egui::Color32::from_rgb(60, 160, 255));
            }
            ui.label(egui::RichText::new(format!("camera: {} (C)", mode.label(spec.is_remote()))).small());
        });
    });

    // Warnings: live conditions now, and each new fault as it is logged.
    let now = time.elapsed_secs_f64();
    for i in toasts.seen..keeper.faults.len() {
        toasts.live.push((i, now));
    }
    toasts.seen = keeper.faults.len();
    toasts.live.retain(|(_, t)| now - *t < TOAST_S);
    if toasts.live.len() > 3 {
        let drop = toasts.live.len() - 3;
        toasts.live.drain(..drop);
    }
    let mut live_warnings = Vec::new();
    if tt.tracks_on_unprocessed {
        live_warnings.push(format!("{} ON UNPROCESSED GROUND — stop, reverse along your processed lane", m.spec.running_gear.contact_noun().to_uppercase()));
    }
    if m.tool_working() && tt.capacity_cm + 0.5 < required && m.tool_speed_kmh() > 0.1 {
        let what = if m.boom.is_some() { "slew slower" } else { "slow down" };
        live_warnings.push(format!("TOO FAST FOR DEPTH — reaching {:.0} of {:.0} cm; {what}", tt.capacity_cm, required));
    }
    if m.tool_working() && m.rotor_load > 0.9 && m.stall_s <= 0.0 {
        live_warnings.push(format!("ROTOR OVERLOADED — load {:.0} %; slow down or raise the tool before it stalls", m.rotor_load * 100.0));
    }
    if m.boom.is_some_and(|b| b.blocked.is_some()) {
        live_warnings.push("BOOM BLOCKED — the cutter is against a tree, a rock or the machine; back off".to_string());
    }
    let pos = (m.pos.x, m.pos.z);
    let f = &ground.0;
    if !geom::contains(&f.hazard_area, pos)
        && geom::boundary_distance(&f.hazard_area, pos) > crate::scoring::WORKSITE_MARGIN_M * 0.8
        && geom::segment_distance(pos, f.start_lane.from, f.start_lane.to).0 > f.start_lane.width_m * 0.5 + 1.0
    {
        live_warnings.push("LEAVING THE WORKSITE — turn back towards the marked area".to_string());
    }
    if let Some((st, d)) = standoff {
        if d < st {
            live_warnings.push(format!("STAND-OFF BREACHED — the machine is within {st:.0} m of you"));
        }
    }
    if !live_warnings.is_empty() || !toasts.live.is_empty() {
        egui::Area::new(egui::Id::new("warnings")).anchor(egui::Align2::CENTER_TOP, [0.0, 10.0]).show(&ctx, |ui| {
            for w in &live_warnings {
                egui::Frame::new().fill(egui::Color32::from_rgba_unmultiplied(150, 20, 20, 230)).corner_radius(5.0).inner_margin(8.0).show(ui, |ui| {
                    ui.label(egui::RichText::new(w).strong().size(17.0).color(egui::Color32::WHITE));
                });
            }
            for (i, _) in &toasts.live {
                let fault = &keeper.faults[*i];
                egui::Frame::new().fill(egui::Color32::from_rgba_unmultiplied(70, 50, 10, 230)).corner_radius(5.0).inner_margin(8.0).show(ui, |ui| {
                    ui.set_max_width(560.0);
                    ui.label(egui::RichText::new(format!("{}  {}", mmss(fault.t), fault.kind.label())).strong().color(WARN));
                    ui.label(&fault.detail);
                });
            }
        });
    }

    // Bottom hint.
    egui::Area::new(egui::Id::new("hint")).anchor(egui::Align2::LEFT_BOTTOM, [10.0, -10.0]).show(&ctx, |ui| {
        panel_frame().show(ui, |ui| {
            let keys = if spec.has_boom() {
                "H help · C camera · Esc pause · Enter finish · J/L slew (Shift fast) · I/K reach · F/R cutter · T depth · Space rotor · W/S travel"
            } else {
                "H help · C camera · Esc pause · Enter finish · W/S speed · A/D steer · F/R tool · T depth · Space rotor"
            };
            ui.label(egui::RichText::new(keys).small());
        });
    });

    if overlays.help {
        egui::Window::new("Controls").collapsible(false).resizable(false).anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0]).show(&ctx, |ui| {
            bindings_grid(ui, "help bindings", m.spec.has_boom());
            ui.add_space(6.0);
            ui.label("Technique: lower the tool to the required depth and run the rotor before moving onto new ground;\nkeep inside the speed band; keep both tracks on processed ground; overlap each lane with the last.");
            if ui.button("Close (H)").clicked() {
                overlays.help = false;
            }
        });
    }
    if paused.0 && !overlays.confirm_finish {
        egui::Window::new("Paused").collapsible(false).resizable(false).anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0]).show(&ctx, |ui| {
            ui.label("The simulation is stopped.");
            if ui.button("Resume (Esc)").clicked() {
                req.write(FlowRequest::TogglePause);
            }
            if ui.button("Finish and see the debrief").clicked() {
                overlays.confirm_finish = true;
            }
            if ui.button("Controls (H)").clicked() {
                overlays.help = true;
            }
            if ui.button("Abandon and go to the menu").clicked() {
                req.write(FlowRequest::Menu);
            }
        });
    }
    if overlays.confirm_finish {
        egui::Window::new("Finish the session?").collapsible(false).resizable(false).anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0]).show(&ctx, |ui| {
            ui.label(format!("Area processed to depth so far: {:.1} %. Finishing now scores the work as it stands.", cov.fraction_to_depth() * 100.0));
            ui.horizontal(|ui| {
                if ui.button("Finish").clicked() {
                    overlays.confirm_finish = false;
                    req.write(FlowRequest::Finish);
                }
                if ui.button("Keep working (Esc)").clicked() {
                    overlays.confirm_finish = false;
                }
            });
        });
    }
    Ok(())
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
    ui.label(egui::RichText::new(format!("Sweep {sweep:.2} km/h ({:.2} m/s)", sweep / 3.6)).size(16.0).color(c));
    let scale = (vmax * 2.0).max(1.0);
    gauge(ui, sweep / scale, Some((0.0, vmax / scale)), None, c);
    ui.label(egui::RichText::new(format!("to reach {required:.0} cm in {} sweep under {vmax:.1} km/h", soil.kind.label())).small());
    let bs = spec.boom.as_ref().expect("boom spec");
    ui.label(format!("Slew {:+.0}° · reach {:.1} m (of {:.1}–{:.1})", b.slew_deg, b.reach_m, bs.reach_m.0, bs.reach_m.1));
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
    ui.colored_label(ac, format!("Processed ahead of the tracks {ahead:.1} m"));
}
