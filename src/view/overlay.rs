//! Processed ground, drawn over the terrain: the coverage grid shaded by the depth reached,
//! in chunks of texture created when the tool first works them. Each frame only the coverage
//! tiles under the tool's path since the last frame are looked at, and only the chunks they
//! touch are re-uploaded, so the cost follows the tool's footprint, not the field or the time.

use std::collections::HashMap;

use bevy::asset::RenderAssetUsages;
use bevy::image::ImageSampler;
use bevy::mesh::{Indices, PrimitiveTopology};
use bevy::prelude::*;
use bevy::render::render_resource::{Extent3d, TextureDimension, TextureFormat};

use super::terrain::VegIndex;
use crate::clearing::Coverage;
use crate::field::{Field, TERRAIN_CELL_M};
use crate::machine::MachineState;
use crate::sim::{Ground, SimClock};
use crate::trainer::Screen;

/// A chunk is this many coverage tiles on a side.
const CHUNK_TILES: usize = 8;
const CHUNK_CELLS: usize = CHUNK_TILES * Coverage::TILE;
/// Above this many ticks between frames (a skip ahead), every tile is checked once.
const FULL_SCAN_TICKS: u64 = 600;

/// The view's record of what it has drawn of the coverage grid.
#[derive(Resource, Default)]
pub struct OverlayState {
    chunks: HashMap<(usize, usize), Handle<Image>>,
    /// The last tick whose changes are drawn.
    drawn_tick: u64,
    /// Tool position at the last frame (the dirty region spans from there to here).
    last_tool: Option<Vec2>,
    /// Tiles redrawn in the last frame (for the minimap and the cost check).
    pub dirty_tiles: Vec<usize>,
    /// Tiles looked at in the last frame.
    pub tiles_scanned: usize,
    /// Time this system took in the last frame, µs (for `--frame-stats`).
    pub last_us: f64,
}

/// The colour of one processed cell: tan while shallower than required, dark tilled earth at
/// or below it; transparent where the tool has not been.
pub fn cell_colour(depth_mm: u16, passes: u8, required_mm: u16) -> [u8; 4] {
    if passes == 0 {
        return [0, 0, 0, 0];
    }
    let lerp = |a: [f32; 3], b: [f32; 3], t: f32| [0, 1, 2].map(|k| (a[k] + (b[k] - a[k]) * t.clamp(0.0, 1.0)) as u8);
    if depth_mm < required_mm {
        let t = depth_mm as f32 / required_mm.max(1) as f32;
        let c = lerp([226.0, 196.0, 104.0], [184.0, 128.0, 62.0], t);
        [c[0], c[1], c[2], 215]
    } else {
        let t = (depth_mm - required_mm) as f32 / required_mm.max(1) as f32;
        let c = lerp([108.0, 74.0, 46.0], [78.0, 52.0, 34.0], t);
        [c[0], c[1], c[2], 240]
    }
}

fn chunk_mesh(f: &Field, cov: &Coverage, ci: usize, cj: usize) -> Mesh {
    let side = CHUNK_CELLS as f32 * cov.cell_m;
    let x0 = cov.origin.0 + ci as f32 * side;
    let z0 = cov.origin.1 + cj as f32 * side;
    let n = (side / TERRAIN_CELL_M).ceil() as usize;
    let mut pos = Vec::new();
    let mut nrm = Vec::new();
    let mut uv = Vec::new();
    for j in 0..=n {
        for i in 0..=n {
            let (u, v) = (i as f32 / n as f32, j as f32 / n as f32);
            let (x, z) = (x0 + u * side, z0 + v * side);
            pos.push([x, f.height_at(x, z) + 0.03, z]);
            let (gx, gz) = f.gradient_at(x, z);
            nrm.push(Vec3::new(-gx, 1.0, -gz).normalize().to_array());
            uv.push([u, v]);
        }
    }
    let mut idx = Vec::new();
    let w = n as u32 + 1;
    for j in 0..n as u32 {
        for i in 0..n as u32 {
            let a = j * w + i;
            idx.extend_from_slice(&[a, a + w, a + 1, a + 1, a + w, a + w + 1]);
        }
    }
    Mesh::new(PrimitiveTopology::TriangleList, RenderAssetUsages::RENDER_WORLD)
        .with_inserted_attribute(Mesh::ATTRIBUTE_POSITION, pos)
        .with_inserted_attribute(Mesh::ATTRIBUTE_NORMAL, nrm)
        .with_inserted_attribute(Mesh::ATTRIBUTE_UV_0, uv)
        .with_inserted_indices(Indices::U32(idx))
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<OverlayState>();
    app.add_systems(OnEnter(Screen::Operating), reset_overlay.after(crate::trainer::FlowSet::Install));
    app.add_systems(Update, update_overlay.in_set(super::ViewSet::Scene));
}

pub fn reset_overlay(mut commands: Commands) {
    commands.insert_resource(OverlayState::default());
}

/// Redraws the coverage tiles the tool changed since the last frame.
#[allow(clippy::too_many_arguments)]
pub fn update_overlay(
    mut commands: Commands,
    mut overlay: ResMut<OverlayState>,
    cov: Res<Coverage>,
    clock: Res<SimClock>,
    machine: Res<MachineState>,
    ground: Res<Ground>,
    veg: Option<Res<VegIndex>>,
    mut clumps: Query<&mut Visibility>,
    mut images: ResMut<Assets<Image>>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut mats: ResMut<Assets<StandardMaterial>>,
) {
    let started = std::time::Instant::now();
    overlay.dirty_tiles.clear();
    overlay.last_us = 0.0;
    if clock.tick <= overlay.drawn_tick {
        return;
    }
    let tiles_x = cov.nx.div_ceil(Coverage::TILE);
    let tiles_z = cov.nz.div_ceil(Coverage::TILE);
    let tool = Vec2::from(machine.tool_xz());
    let tile_m = cov.cell_m * Coverage::TILE as f32;
    // The region the tool could have touched: from last frame's position to this one's,
    // widened by the tool's half width and a margin.
    let (t0, t1) = if overlay.last_tool.is_none() || clock.tick - overlay.drawn_tick > FULL_SCAN_TICKS {
        ((0, 0), (tiles_x - 1, tiles_z - 1))
    } else {
        let prev = overlay.last_tool.unwrap_or(tool);
        let r = machine.spec.tool.working_width_m * 0.5 + 1.5;
        let lo = prev.min(tool) - Vec2::splat(r);
        let hi = prev.max(tool) + Vec2::splat(r);
        let to_tile = |p: Vec2| {
            (
                (((p.x - cov.origin.0) / tile_m).floor().max(0.0) as usize).min(tiles_x - 1),
                (((p.y - cov.origin.1) / tile_m).floor().max(0.0) as usize).min(tiles_z - 1),
            )
        };
        (to_tile(lo), to_tile(hi))
    };
    overlay.last_tool = Some(tool);
    let since = overlay.drawn_tick;
    overlay.tiles_scanned = (t1.0 + 1 - t0.0) * (t1.1 + 1 - t0.1);
    for tj in t0.1..=t1.1 {
        for ti in t0.0..=t1.0 {
            let tile = tj * tiles_x + ti;
            if cov.changed_tick[tile] > since {
                overlay.dirty_tiles.push(tile);
            }
        }
    }
    overlay.drawn_tick = clock.tick;
    if overlay.dirty_tiles.is_empty() {
        overlay.last_us = started.elapsed().as_secs_f64() * 1e6;
        return;
    }
    let dirty = std::mem::take(&mut overlay.dirty_tiles);
    for &tile in &dirty {
        let (ti, tj) = (tile % tiles_x, tile / tiles_x);
        let key = (ti / CHUNK_TILES, tj / CHUNK_TILES);
        let handle = match overlay.chunks.get(&key) {
            Some(h) => h.clone(),
            None => {
                let mut img = Image::new_fill(
                    Extent3d { width: CHUNK_CELLS as u32, height: CHUNK_CELLS as u32, depth_or_array_layers: 1 },
                    TextureDimension::D2,
                    &[0, 0, 0, 0],
                    TextureFormat::Rgba8UnormSrgb,
                    RenderAssetUsages::RENDER_WORLD | RenderAssetUsages::MAIN_WORLD,
                );
                img.sampler = ImageSampler::nearest();
                let h = images.add(img);
                commands.spawn((
                    Name::new("processed ground"),
                    Mesh3d(meshes.add(chunk_mesh(&ground.0, &cov, key.0, key.1))),
                    MeshMaterial3d(mats.add(StandardMaterial {
                        base_color_texture: Some(h.clone()),
                        alpha_mode: AlphaMode::Blend,
                        perceptual_roughness: 1.0,
                        reflectance: 0.1,
                        depth_bias: 50.0,
                        ..default()
                    })),
                    DespawnOnExit(Screen::Operating),
                ));
                overlay.chunks.insert(key, h.clone());
                h
            }
        };
        let Some(mut img) = images.get_mut(&handle) else {
            continue;
        };
        let Some(data) = img.data.as_mut() else {
            continue;
        };
        let (ci0, cj0) = (ti * Coverage::TILE, tj * Coverage::TILE);
        for j in cj0..(cj0 + Coverage::TILE).min(cov.nz) {
            for i in ci0..(ci0 + Coverage::TILE).min(cov.nx) {
                let k = j * cov.nx + i;
                let px = ((j % CHUNK_CELLS) * CHUNK_CELLS + (i % CHUNK_CELLS)) * 4;
                data[px..px + 4].copy_from_slice(&cell_colour(cov.depth_mm[k], cov.passes[k], cov.required_mm));
            }
        }
        // Vegetation the tool has cut is gone.
        if let Some(veg) = veg.as_ref()
            && let Some(list) = veg.0.get(&tile)
        {
            for &(e, k) in list {
                if cov.passes[k] > 0
                    && let Ok(mut v) = clumps.get_mut(e)
                {
                    *v = Visibility::Hidden;
                }
            }
        }
    }
    overlay.dirty_tiles = dirty;
    overlay.last_us = started.elapsed().as_secs_f64() * 1e6;
}
