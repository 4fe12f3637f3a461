//! The 2D maps the screens show: the briefing's site map, the HUD's minimap (drawn into
//! incrementally: only coverage tiles that changed and the latest stretch of path), and the
//! debrief's truth map with every mine and its fate.

use bevy::asset::RenderAssetUsages;
use bevy::prelude::*;
use bevy::render::render_resource::{Extent3d, TextureDimension, TextureFormat};

use crate::clearing::{Coverage, Fate};
use crate::field::Field;
use crate::preview::{self, Canvas, Rgb};
use crate::scoring::{Sample, ScoreReport};
use crate::view::overlay::cell_colour;

/// An RGB canvas as a Bevy image (kept in the main world so it can be drawn into later).
pub fn to_image(c: &Canvas) -> Image {
    let mut rgba = Vec::with_capacity(c.w * c.h * 4);
    for px in c.px.chunks_exact(3) {
        rgba.extend_from_slice(&[px[0], px[1], px[2], 255]);
    }
    Image::new(
        Extent3d { width: c.w as u32, height: c.h as u32, depth_or_array_layers: 1 },
        TextureDimension::D2,
        rgba,
        TextureFormat::Rgba8UnormSrgb,
        RenderAssetUsages::RENDER_WORLD | RenderAssetUsages::MAIN_WORLD,
    )
}

/// Blends `c` (with its alpha) over the RGB pixel at the start of `dst`.
pub(crate) fn blend(dst: &mut [u8], c: [u8; 4]) {
    let a = c[3] as f32 / 255.0;
    for k in 0..3 {
        dst[k] = (dst[k] as f32 * (1.0 - a) + c[k] as f32 * a) as u8;
    }
}

/// Fate colours for the truth map: live mines shout, dealt-with mines recede.
pub fn fate_colour(f: Fate) -> Rgb {
    match f {
        Fate::NeverReached => [230, 20, 20],
        Fate::Missed => [255, 60, 160],
        Fate::ThrownAside => [255, 120, 0],
        Fate::PushedDeeper => [190, 40, 220],
        Fate::DamagedLive => [255, 210, 0],
        Fate::Intact => [255, 90, 90],
        Fate::Destroyed => [40, 170, 60],
        Fate::Detonated => [40, 120, 200],
        Fate::DetonatedByTrack => [20, 20, 20],
    }
}

/// The operator post's name on the maps, in the trainee's language.
pub fn post_label() -> String {
    crate::tr!(crate::text::ui_lang(), "maps-operator-post")
}

/// The expert's colour on the maps.
pub const EXPERT: Rgb = [235, 130, 20];

/// The debrief's map: the site, the processed ground shaded by depth, the path driven, and
/// every mine coloured by its fate (live ones ringed); with `expert`, the expert's path on the
/// same field in orange under the trainee's.
pub fn truth_map(field: &Field, post: Option<(f32, f32)>, cov: Option<&Coverage>, report: &ScoreReport, samples: &[Sample], expert: Option<&[Sample]>, max_px: f32) -> Canvas {
    let (mut c, ppm) = preview::site_map(field, max_px, post, &post_label());
    if let Some(cov) = cov {
        for py in 0..c.h {
            for px in 0..c.w {
                let (x, z) = ((px as f32 + 0.5) / ppm, (py as f32 + 0.5) / ppm);
                if let Some(k) = cov.cell_at(x, z) {
                    let col = cell_colour(cov.depth_mm[k], cov.passes[k], cov.required_mm);
                    if col[3] > 0 {
                        let i = (py * c.w + px) * 3;
                        blend(&mut c.px[i..i + 3], col);
                    }
                }
            }
        }
    }
    for w in expert.unwrap_or(&[]).windows(2) {
        c.line((w[0].x * ppm, w[0].z * ppm), (w[1].x * ppm, w[1].z * ppm), 5.0, EXPERT, None);
    }
    for w in samples.windows(2) {
        c.line((w[0].x * ppm, w[0].z * ppm), (w[1].x * ppm, w[1].z * ppm), 1.2, [40, 70, 200], None);
    }
    let r = (ppm * 0.35).clamp(2.5, 6.0);
    // Dealt-with mines first, so live ones draw on top.
    let mut mines: Vec<_> = report.mines.iter().collect();
    mines.sort_by_key(|m| m.fate.is_live());
    for m in mines {
        let (x, y) = (m.x * ppm, m.z * ppm);
        if m.fate.is_live() {
            c.disc(x, y, r + 2.5, [255, 255, 255]);
            c.disc(x, y, r + 1.5, [0, 0, 0]);
        }
        c.disc(x, y, r, fate_colour(m.fate));
    }
    c
}

/// The HUD's minimap: an image of the site that the session draws into as it goes.
#[derive(Resource)]
pub struct Minimap {
    pub image: Handle<Image>,
    pub ppm: f32,
    pub size: (usize, usize),
    last_pos: Option<Vec2>,
}

pub const MINIMAP_PX: f32 = 260.0;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(crate::trainer::Screen::Operating), init_minimap.after(crate::trainer::FlowSet::Install));
    app.add_systems(
        Update,
        update_minimap
            .after(crate::view::ViewSet::Scene)
            .run_if(in_state(crate::trainer::Screen::Operating).and_then(resource_exists::<crate::sim::SimClock>).and_then(resource_exists::<Minimap>)),
    );
}

pub fn init_minimap(mut commands: Commands, ground: Res<crate::sim::Ground>, mut images: ResMut<Assets<Image>>) {
    let (c, ppm) = preview::site_map(&ground.0, MINIMAP_PX, None, "");
    let size = (c.w, c.h);
    let image = images.add(to_image(&c));
    commands.insert_resource(Minimap { image, ppm, size, last_pos: None });
}

/// Draws what changed this frame: the coverage tiles the overlay redrew and the path's newest
/// segment. The cost follows the tool's footprint, as the overlay's does.
pub fn update_minimap(
    mut mini: ResMut<Minimap>,
    overlay: Res<crate::view::OverlayState>,
    cov: Res<Coverage>,
    machine: Res<crate::machine::MachineState>,
    mut images: ResMut<Assets<Image>>,
) {
    let pos = Vec2::new(machine.pos.x, machine.pos.z);
    let moved = mini.last_pos.is_none_or(|p| p.distance(pos) * mini.ppm >= 1.0);
    if overlay.dirty_tiles.is_empty() && !moved {
        return;
    }
    let (w, h) = mini.size;
    let ppm = mini.ppm;
    let Some(mut img) = images.get_mut(&mini.image) else {
        return;
    };
    let Some(data) = img.data.as_mut() else {
        return;
    };
    let tiles_x = cov.nx.div_ceil(Coverage::TILE);
    let tile_m = cov.cell_m * Coverage::TILE as f32;
    for &tile in &overlay.dirty_tiles {
        let (ti, tj) = (tile % tiles_x, tile / tiles_x);
        let x0 = cov.origin.0 + ti as f32 * tile_m;
        let z0 = cov.origin.1 + tj as f32 * tile_m;
        let (px0, py0) = ((x0 * ppm).floor().max(0.0) as usize, (z0 * ppm).floor().max(0.0) as usize);
        let (px1, py1) = ((((x0 + tile_m) * ppm).ceil() as usize).min(w), (((z0 + tile_m) * ppm).ceil() as usize).min(h));
        for py in py0..py1 {
            for px in px0..px1 {
                let (x, z) = ((px as f32 + 0.5) / ppm, (py as f32 + 0.5) / ppm);
                if let Some(k) = cov.cell_at(x, z) {
                    let col = cell_colour(cov.depth_mm[k], cov.passes[k], cov.required_mm);
                    if col[3] > 0 {
                        let i = (py * w + px) * 4;
                        data[i..i + 3].copy_from_slice(&col[..3]);
                    }
                }
            }
        }
    }
    if moved {
        if let Some(p) = mini.last_pos {
            // The path, one pixel wide, blue.
            let steps = (p.distance(pos) * ppm).ceil().max(1.0) as usize;
            for s in 0..=steps {
                let q = p.lerp(pos, s as f32 / steps as f32) * ppm;
                let (px, py) = (q.x as usize, q.y as usize);
                if px < w && py < h {
                    let i = (py * w + px) * 4;
                    data[i..i + 3].copy_from_slice(&[50, 80, 210]);
                }
            }
        }
        mini.last_pos = Some(pos);
    }
}
