//! Reviewing a recorded session like game film: play, pause, step, 0.25x–16x, a timeline to
//! scrub with a marker for every fault and detonation (click one to jump there), the path
//! trail, coverage growing over time, and a switch that reveals the mines with their fates.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, EguiTextureHandle, egui};

use super::{BAD, GOOD, WARN, maps, mmss, root_ui};
use crate::replay::trace::Trace;
use crate::trainer::{FlowRequest, ReviewData, Screen};
use crate::view::overlay::cell_colour;

/// The instructor's comments on the replay under review (its sidecar file), the one being
/// written, and what went wrong reading or saving them.
#[derive(Resource, Default)]
pub struct ReviewComments {
    /// The expert's session on the same field, traced when first asked for (a few seconds),
    /// and where the trainee parted most from it.
    pub expert: Option<Result<(Trace, Option<crate::replay::expert::Parting>), String>>,
    pub comments: crate::replay::comments::Comments,
    pub draft: String,
    pub author: String,
    pub problem: Option<String>,
}

/// Comments on the timeline and the map.
const COMMENT: egui::Color32 = egui::Color32::from_rgb(255, 225, 110);

pub const SPEEDS: [f32; 7] = [0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0];

/// The review's playback state and its map image.
#[derive(Resource)]
pub struct Playback {
    pub t: f32,
    pub playing: bool,
    pub speed: f32,
    pub reveal: bool,
    /// Show the expert's session (the autopilot on the same field) beside the trainee's.
    pub expert: bool,
    image: Handle<Image>,
    base: Vec<u8>,
    size: (usize, usize),
    ppm: f32,
    drawn_t: f32,
}

/// Where playback starts (set by `mineclear review --at-s` and `--reveal`).
#[derive(Resource, Clone, Copy, Debug, Default)]
pub struct ReviewStart {
    pub at_s: f32,
    pub reveal: bool,
    /// Show the expert beside the trainee from the start.
    pub expert: bool,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Review), prepare);
    app.add_systems(EguiPrimaryContextPass, review_ui.run_if(in_state(Screen::Review)));
}

pub fn prepare(mut commands: Commands, data: Option<Res<ReviewData>>, start: Option<Res<ReviewStart>>, mut images: ResMut<Assets<Image>>) {
    let Some(d) = data else { return };
    // A comments file that cannot be read is shown as a problem and left as it is.
    let comments = match crate::replay::comments::Comments::load(&d.file) {
        Ok(comments) => ReviewComments { comments, ..Default::default() },
        Err(e) => ReviewComments { problem: Some(e.to_string()), ..Default::default() },
    };
    commands.insert_resource(comments);
    let (c, ppm) = crate::preview::site_map(&d.trace.field, 760.0, d.trace.operator_post, &maps::post_label());
    let img = maps::to_image(&c);
    let base = img.data.clone().unwrap_or_default();
    let start = start.map(|s| *s).unwrap_or_default();
    commands.insert_resource(Playback {
        t: start.at_s.clamp(0.0, d.trace.seconds()),
        playing: start.at_s == 0.0,
        speed: 4.0,
        reveal: start.reveal,
        expert: start.expert,
        image: images.add(img),
        base,
        size: (c.w, c.h),
        ppm,
        drawn_t: -1.0,
    });
}

/// Redraws the coverage as it stood at the playhead.
fn redraw(pb: &mut Playback, tr: &Trace, images: &mut Assets<Image>) {
    let Some(mut img) = images.get_mut(&pb.image) else { return };
    let Some(data) = img.data.as_mut() else { return };
    data.copy_from_slice(&pb.base);
    let tick = (pb.t as f64 * crate::sim::TICK_HZ) as u32;
    let (w, h) = pb.size;
    let shallow = cell_colour(1, 1, 2);
    let deep = cell_colour(2, 1, 1);
    for py in 0..h {
        let z = (py as f32 + 0.5) / pb.ppm;
        let j = ((z - tr.origin.1) / tr.cell_m).floor();
        if j < 0.0 || j as usize >= tr.nz {
            continue;
        }
        for px in 0..w {
            let x = (px as f32 + 0.5) / pb.ppm;
            let i = ((x - tr.origin.0) / tr.cell_m).floor();
            if i < 0.0 || i as usize >= tr.nx {
                continue;
            }
            let k = j as usize * tr.nx + i as usize;
            let col = if tr.depth_tick[k] <= tick {
                deep
            } else if tr.first_tick[k] <= tick {
                shallow
            } else {
                continue;
            };
            let o = (py * w + px) * 4;
            maps::blend(&mut data[o..o + 3], col);
        }
    }
    pb.drawn_t = pb.t;
}

pub fn review_ui(
    mut contexts: EguiContexts,
    time: Res<Time<Real>>,
    data: Option<Res<ReviewData>>,
    playback: Option<ResMut<Playback>>,
    mut images: ResMut<Assets<Image>>,
    notes: Option<ResMut<ReviewComments>>,
    mut requests: MessageWriter<FlowRequest>,
) -> Result {
    let (Some(data), Some(mut playback), Some(mut notes)) = (data, playback, notes) else { return Ok(()) };
    let trace = &data.trace;
    let end = trace.seconds();
    if playback.playing {
        playback.t = (playback.t + time.delta_secs() * playback.speed).min(end);
        if playback.t >= end {
            playback.playing = false;
        }
    }
    if (playback.t - playback.drawn_t).abs() > 1e-3 {
        redraw(&mut playback, trace, &mut images);
    }
    let texture = contexts.add_image(EguiTextureHandle::Strong(playback.image.clone()));
    let ctx = contexts.ctx_mut()?.clone();
    let lang = crate::text::ui_lang();
    let mut root = root_ui(&ctx, "review");
    egui::Panel::top("review head").show(&mut root, |ui| {
        ui.horizontal_wrapped(|ui| heading(ui, &data));
    });
    egui::Panel::bottom("review transport").show(&mut root, |ui| {
        ui.add_space(4.0);
        timeline(ui, trace, &notes.comments, &mut playback);
        ui.horizontal(|ui| transport(ui, end, &mut playback, &mut requests));
        ui.label(egui::RichText::new(crate::tr!(lang, "review-legend")).small());
        ui.add_space(4.0);
    });
    egui::Panel::right("review side").default_size(360.0).show(&mut root, |ui| {
        at_playhead(ui, trace, &mut playback);
        ui.separator();
        let lang = crate::text::ui_lang();
        if ui.button(crate::tr!(lang, "review-drive-from-here", time = mmss(playback.t))).on_hover_text(crate::tr!(lang, "review-drive-from-here-tip")).clicked() {
            requests.write(FlowRequest::DriveFrom(data.file.clone(), playback.t));
        }
        ui.checkbox(&mut playback.expert, crate::tr!(lang, "review-expert")).on_hover_text(crate::tr!(lang, "review-expert-tip"));
        match &notes.expert {
            Some(Err(problem)) => {
                ui.colored_label(BAD, problem);
            }
            Some(Ok((_, parted))) if playback.expert => {
                let text = parted.as_ref().map_or_else(|| crate::tr!(lang, "review-expert-same"), |p| crate::tr!(lang, "review-expert-parted", where_ = p.message().in_lang(lang)));
                ui.add(egui::Label::new(egui::RichText::new(text).small()).wrap());
            }
            _ => {}
        }
        ui.separator();
        comments_panel(ui, &data, trace, &mut notes, &mut playback);
    });
    if playback.expert && notes.expert.is_none() {
        notes.expert = Some(expert_beside(&data).map_err(|e| e.to_string()));
    }
    let expert = notes.expert.as_ref().and_then(|e| e.as_ref().ok()).map(|(t, _)| t).filter(|_| playback.expert);
    egui::CentralPanel::default().show(&mut root, |ui| {
        field_at_playhead(ui, trace, &playback, &notes.comments, texture);
        if let Some(expert) = expert {
            ghost(ui, expert, &playback);
        }
    });
    Ok(())
}

/// The scenario, trainee, file, whether it re-simulated exactly, and the score.
fn heading(ui: &mut egui::Ui, data: &ReviewData) {
    let lang = crate::text::ui_lang();
    let (trace, report) = (&data.trace, &data.trace.report);
    ui.label(egui::RichText::new(crate::tr!(lang, "review-title", scenario = crate::scenario::builtin_title_in(&report.scenario, lang))).size(20.0).strong());
    if let Some(t) = &data.trainee {
        ui.label(crate::tr!(lang, "review-trainee", name = t));
    }
    ui.label(format!("{}", data.file.display()));
    let (txt, c) = if trace.recorded_model != crate::clearing::MODEL_VERSION {
        (
            crate::tr!(lang, "review-model-other", recorded = trace.recorded_model, current = crate::clearing::MODEL_VERSION),
            egui::Color32::YELLOW,
        )
    } else if trace.checks_ok {
        (crate::tr!(lang, "review-resim-ok"), GOOD)
    } else {
        (crate::tr!(lang, "review-resim-bad"), BAD)
    };
    ui.colored_label(c, txt).on_hover_text(crate::tr!(lang, "review-model-hint"));
    let (v, vc) = if report.passed { (crate::tr!(lang, "debrief-pass"), GOOD) } else { (crate::tr!(lang, "debrief-fail"), BAD) };
    ui.colored_label(vc, crate::tr!(lang, "review-score", score = report.score, verdict = v));
}

/// The timeline: played part, a marker per fault and detonation, the playhead; a click seeks
/// (exactly to a marker near it).
fn timeline(ui: &mut egui::Ui, trace: &Trace, comments: &crate::replay::comments::Comments, playback: &mut Playback) {
    let end = trace.seconds();
    let (rect, resp) = ui.allocate_exact_size(egui::vec2(ui.available_width(), 34.0), egui::Sense::click_and_drag());
    let p = ui.painter();
    p.rect_filled(rect, 4.0, egui::Color32::from_gray(35));
    let x_of = |t: f32| rect.left() + rect.width() * (t / end.max(1e-3)).clamp(0.0, 1.0);
    let played = egui::Rect::from_min_max(rect.min, egui::pos2(x_of(playback.t), rect.max.y));
    p.rect_filled(played, 4.0, egui::Color32::from_rgb(60, 70, 90));
    let mut markers: Vec<(f32, egui::Color32)> = trace.faults.iter().map(|f| (f.t, WARN)).collect();
    markers.extend(trace.detonations.iter().map(|data| (data.0, BAD)));
    markers.extend(comments.comments.iter().map(|c| (c.t_s, COMMENT)));
    for (t, c) in &markers {
        let x = x_of(*t);
        p.line_segment([egui::pos2(x, rect.top() + 3.0), egui::pos2(x, rect.bottom() - 3.0)], (2.0, *c));
    }
    let xh = x_of(playback.t);
    p.line_segment([egui::pos2(xh, rect.top()), egui::pos2(xh, rect.bottom())], (3.0, egui::Color32::WHITE));
    if let Some(pos) = resp.interact_pointer_pos() {
        // A click near a marker jumps exactly to it; elsewhere it seeks to that time.
        let near = markers
            .iter()
            .map(|(t, _)| *t)
            .filter(|t| (x_of(*t) - pos.x).abs() < 5.0)
            .min_by(|a, b| (x_of(*a) - pos.x).abs().total_cmp(&(x_of(*b) - pos.x).abs()));
        playback.t = near.unwrap_or(((pos.x - rect.left()) / rect.width()).clamp(0.0, 1.0) * end);
    }
}

/// Play and pause, steps, speed, reveal, the clock and the way back.
fn transport(ui: &mut egui::Ui, end: f32, playback: &mut Playback, requests: &mut MessageWriter<FlowRequest>) {
    let lang = crate::text::ui_lang();
    if ui.button("⏮").on_hover_text(crate::tr!(lang, "review-to-start")).clicked() {
        playback.t = 0.0;
    }
    if ui.button(crate::tr!(lang, "review-back-10")).clicked() {
        playback.t = (playback.t - 10.0).max(0.0);
    }
    if ui.button(crate::tr!(lang, "review-back-1")).clicked() {
        playback.playing = false;
        playback.t = (playback.t - 1.0).max(0.0);
    }
    let label = if playback.playing { crate::tr!(lang, "review-pause") } else { crate::tr!(lang, "review-play") };
    if ui.add_sized([80.0, 24.0], egui::Button::new(label)).clicked() || ui.input(|i| i.key_pressed(egui::Key::Space)) {
        playback.playing = !playback.playing;
    }
    if ui.button(crate::tr!(lang, "review-forward-1")).clicked() {
        playback.playing = false;
        playback.t = (playback.t + 1.0).min(end);
    }
    if ui.button(crate::tr!(lang, "review-forward-10")).clicked() {
        playback.t = (playback.t + 10.0).min(end);
    }
    ui.label(crate::tr!(lang, "review-speed"));
    for s in SPEEDS {
        if ui.selectable_label(playback.speed == s, crate::tr!(lang, "review-speed-x", speed = s)).clicked() {
            playback.speed = s;
        }
    }
    ui.checkbox(&mut playback.reveal, crate::tr!(lang, "review-reveal"));
    ui.label(egui::RichText::new(format!("{} / {}", mmss(playback.t), mmss(end))).monospace());
    if ui.button(crate::tr!(lang, "review-back-menu")).clicked() {
        requests.write(FlowRequest::Menu);
    }
}

/// Right: what is happening at the playhead, and the faults to jump to.
fn at_playhead(ui: &mut egui::Ui, trace: &Trace, playback: &mut Playback) {
    let lang = crate::text::ui_lang();
    let pose = trace.pose_at(playback.t);
    ui.label(egui::RichText::new(crate::tr!(lang, "review-at", time = mmss(playback.t))).size(18.0).strong());
    ui.label(crate::tr!(lang, "review-pose", speed_kmh = if pose.speed_kmh.abs() < 0.005 { 0.0 } else { pose.speed_kmh }, tool_cm = pose.tool_cm));
    ui.add_space(6.0);
    ui.label(egui::RichText::new(crate::tr!(lang, "review-faults-title")).strong());
    egui::ScrollArea::vertical().id_salt("review faults").max_height(230.0).show(ui, |ui| {
        for f in &trace.faults {
            let past = f.t <= playback.t + 0.05;
            let txt = egui::RichText::new(format!("{}  {}", mmss(f.t), f.kind.name_in(lang))).color(if past { WARN } else { egui::Color32::GRAY });
            let detail = super::debrief::fault_text(f, lang);
            if ui.add(egui::Label::new(txt).sense(egui::Sense::click())).on_hover_text(&detail).clicked() {
                playback.t = f.t;
                playback.playing = false;
            }
            if past {
                ui.label(egui::RichText::new(detail).small());
            }
        }
        if trace.faults.is_empty() {
            ui.colored_label(GOOD, crate::tr!(lang, "review-no-faults"));
        }
    });
}

/// The field at the playhead: the path so far, the mines (when revealed), blasts and machine.
fn field_at_playhead(ui: &mut egui::Ui, trace: &Trace, playback: &Playback, comments: &crate::replay::comments::Comments, texture: egui::TextureId) {
    let (w, h) = (playback.size.0 as f32, playback.size.1 as f32);
    // Room under the map for the mines' legend (two lines, wrapped) when they are revealed.
    let legend = if playback.reveal { 2.0 * ui.text_style_height(&egui::TextStyle::Body) + 8.0 } else { 0.0 };
    let k = (ui.available_width() / w).min((ui.available_height() - legend).max(h * 0.1) / h).min(1.5);
    let resp = ui.image(egui::load::SizedTexture::new(texture, [w * k, h * k]));
    let rect = resp.rect;
    let p = ui.painter_at(rect);
    let s = playback.ppm * k;
    let to = |x: f32, z: f32| egui::pos2(rect.left() + x * s, rect.top() + z * s);
    // Path up to the playhead, at most ~1,500 points.
    let upto = crate::replay::trace::pose_index(playback.t);
    let upto = upto.min(trace.poses.len().saturating_sub(1));
    let step = (upto / 1500).max(1);
    let pts: Vec<egui::Pos2> = trace.poses[..=upto].iter().step_by(step).map(|q| to(q.x, q.z)).collect();
    p.add(egui::Shape::line(pts, (1.5, egui::Color32::from_rgb(50, 90, 220))));
    // The instructor's pins, numbered as in the list beside the map.
    for (n, c) in comments.comments.iter().enumerate() {
        let Some((x, z)) = c.at else { continue };
        p.circle_filled(to(x, z), 9.0, egui::Color32::from_gray(20));
        p.circle_filled(to(x, z), 7.5, COMMENT);
        p.text(to(x, z), egui::Align2::CENTER_CENTER, (n + 1).to_string(), egui::FontId::proportional(11.0), egui::Color32::BLACK);
    }
    if playback.reveal {
        for m in &trace.mines {
            let dealt = !m.fate.is_live() && m.t <= playback.t;
            let fate = if m.t <= playback.t { m.fate } else { crate::clearing::Fate::NeverReached };
            let c = maps::fate_colour(fate);
            let c = egui::Color32::from_rgb(c[0], c[1], c[2]);
            if !dealt {
                p.circle_filled(to(m.x, m.z), 5.0, egui::Color32::WHITE);
            }
            p.circle_filled(to(m.x, m.z), 3.5, c);
        }
    }
    for data in trace.detonations.iter().filter(|data| data.0 <= playback.t) {
        p.circle_stroke(to(data.1, data.2), 6.0, (2.0, BAD));
    }
    let pose = trace.pose_at(playback.t);
    let c = to(pose.x, pose.z);
    let (hx, hz) = pose.heading;
    let f = egui::vec2(hx, hz);
    let side = egui::vec2(-hz, hx) * 6.0;
    p.add(egui::Shape::convex_polygon(vec![c + f * 11.0, c - f * 6.0 + side, c - f * 6.0 - side], egui::Color32::YELLOW, (1.5, egui::Color32::BLACK)));
    if playback.reveal {
        let lang = crate::text::ui_lang();
        ui.horizontal_wrapped(|ui| {
            for fate in crate::clearing::Fate::ALL {
                let n = trace.mines.iter().filter(|m| m.fate == fate && m.t <= playback.t || (fate == crate::clearing::Fate::NeverReached && m.t > playback.t)).count();
                if n > 0 {
                    let c = maps::fate_colour(fate);
                    let text = crate::tr!(lang, "debrief-fate-count", fate = fate.name_in(lang), count = n);
                    // A dot in the fate's colour (black for a track's blast reads on the map, not
                    // as text on the dark panel) and the words in the panel's own colour.
                    let (dot, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                    ui.painter().circle(dot.center(), 4.5, egui::Color32::from_rgb(c[0], c[1], c[2]), (1.0, egui::Color32::from_gray(200)));
                    ui.label(text);
                }
            }
        });
    }
}

/// The instructor's comments: each jumps to its moment; a new one is pinned to the playhead's
/// moment and where the machine is then, and saved beside the replay at once.
fn comments_panel(ui: &mut egui::Ui, data: &ReviewData, trace: &Trace, notes: &mut ReviewComments, playback: &mut Playback) {
    let lang = crate::text::ui_lang();
    ui.label(egui::RichText::new(crate::tr!(lang, "review-comments-title")).strong());
    egui::ScrollArea::vertical().id_salt("review comments").max_height(160.0).show(ui, |ui| {
        for (n, c) in notes.comments.comments.iter().enumerate() {
            let author = if c.author.is_empty() { String::new() } else { format!("{}: ", c.author) };
            let line = egui::RichText::new(format!("{}. {}  {author}{}", n + 1, mmss(c.t_s), c.text)).color(COMMENT);
            if ui.add(egui::Label::new(line).wrap().sense(egui::Sense::click())).clicked() {
                playback.t = c.t_s;
                playback.playing = false;
            }
        }
    });
    ui.horizontal(|ui| {
        ui.label(crate::tr!(lang, "review-comment-author"));
        ui.add(egui::TextEdit::singleline(&mut notes.author).desired_width(120.0));
    });
    ui.add(egui::TextEdit::multiline(&mut notes.draft).desired_rows(2).desired_width(f32::INFINITY).hint_text(crate::tr!(lang, "review-comment-hint")));
    let can = !notes.draft.trim().is_empty() && notes.problem.as_deref().is_none_or(|p| !p.contains("another recording"));
    if ui.add_enabled(can, egui::Button::new(crate::tr!(lang, "review-comment-pin", time = mmss(playback.t)))).clicked() {
        let pose = trace.pose_at(playback.t);
        let comment = crate::replay::comments::Comment { t_s: playback.t, at: Some((pose.x, pose.z)), author: notes.author.trim().to_string(), text: notes.draft.trim().to_string() };
        let mut kept = notes.comments.clone();
        if kept.replay_digest.is_empty() {
            kept = crate::replay::comments::Comments::load(&data.file).unwrap_or_default();
        }
        kept.add(comment);
        // Saved first: the list shows only what the file holds, and the draft stays on failure.
        match kept.save(&data.file) {
            Ok(()) => {
                notes.comments = kept;
                notes.draft.clear();
                notes.problem = None;
            }
            Err(e) => notes.problem = Some(e.to_string()),
        }
    }
    if let Some(problem) = &notes.problem {
        ui.colored_label(BAD, problem);
    }
}

/// The expert's path up to the playhead and where the expert's machine is then, drawn faintly
/// over the map (the trainee's own path stays the strong blue line).
fn ghost(ui: &mut egui::Ui, expert: &Trace, playback: &Playback) {
    let lang = crate::text::ui_lang();
    let (w, h) = (playback.size.0 as f32, playback.size.1 as f32);
    let rect = ui.min_rect();
    let k = (rect.width() / w).min(rect.height() / h).min(1.5);
    let s = playback.ppm * k;
    let to = |x: f32, z: f32| egui::pos2(rect.left() + x * s, rect.top() + z * s);
    let p = ui.painter_at(rect);
    let upto = crate::replay::trace::pose_index(playback.t);
    let upto = upto.min(expert.poses.len().saturating_sub(1));
    let step = (upto / 1500).max(1);
    let faint = egui::Color32::from_rgba_unmultiplied(255, 255, 255, 110);
    let pts: Vec<egui::Pos2> = expert.poses[..=upto].iter().step_by(step).map(|q| to(q.x, q.z)).collect();
    p.add(egui::Shape::dashed_line(&pts, (1.5, faint), 6.0, 4.0));
    let at = expert.pose_at(playback.t);
    p.circle_stroke(to(at.x, at.z), 7.0, (2.0, faint));
    p.text(to(at.x, at.z) + egui::vec2(9.0, -9.0), egui::Align2::LEFT_BOTTOM, crate::tr!(lang, "review-expert-label"), egui::FontId::proportional(12.0), faint);
}

/// The expert's session on the replay's field, and where the trainee parted most from it.
fn expert_beside(data: &ReviewData) -> Result<(Trace, Option<crate::replay::expert::Parting>), crate::replay::ReplayError> {
    let file = data.file.display().to_string();
    let replay = crate::replay::Replay::load(&data.file)?;
    let expert = crate::replay::trace::expert(&replay, &file)?;
    let loaded = replay.loaded(&file)?;
    let frame = crate::lanes::LaneFrame::new(&loaded.scenario, &loaded.machine);
    let parted = crate::replay::expert::parted_most(&data.trace, &expert, &frame);
    Ok((expert, parted))
}
