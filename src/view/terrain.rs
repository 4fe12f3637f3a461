//! The ground as the trainee sees it: terrain coloured by soil and vegetation, the site's
//! marking (red-and-white boundary tape and signs, the white-marked start lane, lane pegs),
//! trees, rocks and the vegetation clumps the tool cuts down.

use bevy::asset::RenderAssetUsages;
use bevy::mesh::{Indices, PrimitiveTopology};
use bevy::prelude::*;

use crate::clearing::Coverage;
use crate::field::{Field, TERRAIN_CELL_M};
use crate::geom::P2;
use crate::palette::soil_colour;
use crate::sim::{Ground, LaneFrame};
use crate::trainer::Screen;

/// A clump of vegetation in or near the hazard area; hidden once the tool has processed its spot.
#[derive(Component, Clone, Copy, Debug)]
pub struct VegClump {
    pub x: f32,
    pub z: f32,
}

/// The clumps in each coverage tile (the overlay hides them as the tool works that tile).
#[derive(Resource, Default)]
pub struct VegIndex(pub std::collections::HashMap<usize, Vec<(Entity, usize)>>);

/// Most vertices along one side of the terrain mesh (the overlay carries the fine detail).
const MAX_SIDE_VERTS: usize = 400;

fn srgb(c: [u8; 3]) -> [f32; 4] {
    let l = Color::srgb_u8(c[0], c[1], c[2]).to_linear();
    [l.red, l.green, l.blue, 1.0]
}

/// The terrain mesh: heights from the field, vertex colours from soil and vegetation.
pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Operating), spawn_ground.after(crate::trainer::FlowSet::Install));
}

pub fn terrain_mesh(f: &Field) -> Mesh {
    let step = f.nx.max(f.nz).div_ceil(MAX_SIDE_VERTS).max(1);
    let (vx, vz) = ((f.nx - 1) / step + 1, (f.nz - 1) / step + 1);
    let mut pos = Vec::with_capacity(vx * vz);
    let mut nrm = Vec::with_capacity(vx * vz);
    let mut col = Vec::with_capacity(vx * vz);
    let mut uv = Vec::with_capacity(vx * vz);
    for j in 0..vz {
        for i in 0..vx {
            let (gi, gj) = ((i * step).min(f.nx - 1), (j * step).min(f.nz - 1));
            let (x, z) = (gi as f32 * TERRAIN_CELL_M, gj as f32 * TERRAIN_CELL_M);
            let y = f.heights[gj * f.nx + gi];
            pos.push([x, y, z]);
            let (gx, gz) = f.gradient_at(x, z);
            nrm.push(Vec3::new(-gx, 1.0, -gz).normalize().to_array());
            let soil = soil_colour(f.soils[f.soil[gj * f.nx + gi] as usize].kind);
            let (dens, vh) = f.vegetation_at(x, z);
            let veg_a = (dens * (0.45 + 0.3 * (vh / 1.5).min(1.0))).min(0.85);
            let grass = [78.0, 118.0, 48.0];
            let c = [0, 1, 2].map(|k| (soil[k] as f32 * (1.0 - veg_a) + grass[k] * veg_a) as u8);
            col.push(srgb(c));
            uv.push([x / f.size_m.0, z / f.size_m.1]);
        }
    }
    let mut idx = Vec::with_capacity((vx - 1) * (vz - 1) * 6);
    for j in 0..vz as u32 - 1 {
        for i in 0..vx as u32 - 1 {
            let a = j * vx as u32 + i;
            let (b, c, d) = (a + 1, a + vx as u32, a + vx as u32 + 1);
            // Counter-clockwise seen from above (+Y).
            idx.extend_from_slice(&[a, c, b, b, c, d]);
        }
    }
    Mesh::new(PrimitiveTopology::TriangleList, RenderAssetUsages::RENDER_WORLD)
        .with_inserted_attribute(Mesh::ATTRIBUTE_POSITION, pos)
        .with_inserted_attribute(Mesh::ATTRIBUTE_NORMAL, nrm)
        .with_inserted_attribute(Mesh::ATTRIBUTE_UV_0, uv)
        .with_inserted_attribute(Mesh::ATTRIBUTE_COLOR, col)
        .with_inserted_indices(Indices::U32(idx))
}

/// Deterministic jitter in [0, 1) for decoration placement (the view's own, not the sim's RNG).
pub fn hash01(a: i32, b: i32, salt: u32) -> f32 {
    let mut h = (a as u32).wrapping_mul(0x9E37_79B1) ^ (b as u32).wrapping_mul(0x85EB_CA77) ^ salt.wrapping_mul(0xC2B2_AE3D);
    h ^= h >> 15;
    h = h.wrapping_mul(0x2C1B_3C6D);
    h ^= h >> 12;
    (h & 0xFF_FFFF) as f32 / 16_777_216.0
}

/// Posts every this many metres along the boundary.
const POST_SPACING_M: f32 = 4.0;

fn ring_points(poly: &[P2], spacing: f32) -> Vec<P2> {
    let mut out = Vec::new();
    for k in 0..poly.len() {
        let (a, b) = (poly[k], poly[(k + 1) % poly.len()]);
        let len = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
        let n = (len / spacing).ceil().max(1.0) as usize;
        for s in 0..n {
            let t = s as f32 / n as f32;
            out.push((a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t));
        }
    }
    out
}

/// Spawns the ground, the site marking, obstacles and vegetation for a session.
pub fn spawn_ground(
    mut commands: Commands,
    ground: Res<Ground>,
    frame: Res<LaneFrame>,
    cov: Res<Coverage>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut mats: ResMut<Assets<StandardMaterial>>,
) {
    let f = &ground.0;
    let scoped = DespawnOnExit(Screen::Operating);
    commands.spawn((
        Name::new("terrain view"),
        Mesh3d(meshes.add(terrain_mesh(f))),
        MeshMaterial3d(mats.add(StandardMaterial { perceptual_roughness: 0.95, reflectance: 0.2, ..default() })),
        scoped.clone(),
    ));

    // Open country beyond the field's edge, a little below it, so the world does not end.
    let hmin = f.heights.iter().copied().fold(f32::INFINITY, f32::min);
    commands.spawn((
        Name::new("surroundings"),
        Mesh3d(meshes.add(Plane3d::default().mesh().size(3000.0, 3000.0))),
        MeshMaterial3d(mats.add(StandardMaterial { base_color: Color::srgb(0.55, 0.56, 0.36), perceptual_roughness: 1.0, reflectance: 0.1, ..default() })),
        Transform::from_xyz(f.size_m.0 * 0.5, hmin - 0.4, f.size_m.1 * 0.5),
        scoped.clone(),
    ));

    // Boundary: white stakes, red-and-white tape between them, a red "MINES" sign every few stakes.
    let white = mats.add(StandardMaterial { base_color: Color::srgb(0.95, 0.95, 0.92), ..default() });
    let red = mats.add(StandardMaterial { base_color: Color::srgb(0.85, 0.08, 0.06), ..default() });
    let post = meshes.add(Cylinder::new(0.04, 1.1));
    let sign = meshes.add(Cuboid::new(0.45, 0.35, 0.02));
    let pts = ring_points(&f.hazard_area, POST_SPACING_M);
    for (k, p) in pts.iter().enumerate() {
        let y = f.height_at(p.0, p.1);
        commands.spawn((Mesh3d(post.clone()), MeshMaterial3d(white.clone()), Transform::from_xyz(p.0, y + 0.55, p.1), scoped.clone()));
        let q = pts[(k + 1) % pts.len()];
        let yq = f.height_at(q.0, q.1);
        // Two tape bands (red above white), each a thin box from post to post.
        for (h, m) in [(0.95, &red), (0.85, &white)] {
            let a = Vec3::new(p.0, y + h, p.1);
            let b = Vec3::new(q.0, yq + h, q.1);
            let len = a.distance(b);
            if len < 0.01 {
                continue;
            }
            commands.spawn((
                Mesh3d(meshes.add(Cuboid::new(0.02, 0.06, len))),
                MeshMaterial3d(m.clone()),
                Transform::from_translation((a + b) * 0.5).looking_at(b, Vec3::Y),
                scoped.clone(),
            ));
        }
        if k % 5 == 0 {
            // The sign faces outward, away from the area's centre.
            let c = crate::geom::centroid(&f.hazard_area);
            let out = Vec3::new(p.0 - c.0, 0.0, p.1 - c.1).normalize_or_zero();
            commands.spawn((
                Mesh3d(sign.clone()),
                MeshMaterial3d(red.clone()),
                Transform::from_xyz(p.0, y + 0.6, p.1).looking_to(-out, Vec3::Y).with_translation(Vec3::new(p.0, y + 0.55, p.1) + out * 0.05),
                scoped.clone(),
            ));
        }
    }

    // Start lane: white-topped stakes along both edges (the safe side is marked white).
    let lane = &f.start_lane;
    let d = (lane.to.0 - lane.from.0, lane.to.1 - lane.from.1);
    let len = (d.0 * d.0 + d.1 * d.1).sqrt().max(1e-3);
    let (ux, uz) = (d.0 / len, d.1 / len);
    let (nx, nz) = (-uz, ux);
    let green = mats.add(StandardMaterial { base_color: Color::srgb(0.15, 0.6, 0.25), ..default() });
    let n = (len / 5.0).ceil() as usize;
    for s in 0..=n {
        let t = s as f32 / n.max(1) as f32 * len;
        for side in [-1.0, 1.0] {
            let x = lane.from.0 + ux * t + nx * side * lane.width_m * 0.5;
            let z = lane.from.1 + uz * t + nz * side * lane.width_m * 0.5;
            let y = f.height_at(x, z);
            commands.spawn((
                Mesh3d(post.clone()),
                MeshMaterial3d(if s % 2 == 0 { white.clone() } else { green.clone() }),
                Transform::from_xyz(x, y + 0.55, z).with_scale(Vec3::new(1.0, 0.8, 1.0)),
                scoped.clone(),
            ));
        }
    }

    // Lane pegs: a yellow peg at each end of every planned lane's centre line, outside the area.
    let peg = meshes.add(Cuboid::new(0.12, 0.6, 0.12));
    let yellow = mats.add(StandardMaterial { base_color: Color::srgb(0.95, 0.8, 0.1), ..default() });
    for k in 0..frame.lane_count() {
        let b = frame.lane_centre(k);
        for a in [frame.u_range.0 - 1.5, frame.u_range.1 + 1.5] {
            let (x, z) = frame.to_world(a, b);
            let y = f.height_at(x, z);
            commands.spawn((Mesh3d(peg.clone()), MeshMaterial3d(yellow.clone()), Transform::from_xyz(x, y + 0.3, z), scoped.clone()));
        }
    }

    // Trees and rocks.
    let trunk = meshes.add(Cylinder::new(1.0, 1.0));
    let crown = meshes.add(Sphere::new(1.0).mesh().ico(2).expect("ico sphere"));
    let bark = mats.add(StandardMaterial { base_color: Color::srgb(0.35, 0.25, 0.16), perceptual_roughness: 1.0, ..default() });
    let leaves = mats.add(StandardMaterial { base_color: Color::srgb(0.18, 0.38, 0.14), perceptual_roughness: 1.0, ..default() });
    let stone = mats.add(StandardMaterial { base_color: Color::srgb(0.52, 0.51, 0.48), perceptual_roughness: 0.9, ..default() });
    for t in &f.trees {
        let y = f.height_at(t.x, t.z);
        commands.spawn((
            Mesh3d(trunk.clone()),
            MeshMaterial3d(bark.clone()),
            Transform::from_xyz(t.x, y + t.height_m * 0.35, t.z).with_scale(Vec3::new(t.radius_m, t.height_m * 0.7, t.radius_m)),
            scoped.clone(),
        ));
        let r = (t.height_m * 0.3).max(t.radius_m * 3.0);
        commands.spawn((
            Mesh3d(crown.clone()),
            MeshMaterial3d(leaves.clone()),
            Transform::from_xyz(t.x, y + t.height_m * 0.7, t.z).with_scale(Vec3::new(r, r * 1.2, r)),
            scoped.clone(),
        ));
    }
    for r in &f.rocks {
        let y = f.height_at(r.x, r.z);
        commands.spawn((
            Mesh3d(crown.clone()),
            MeshMaterial3d(stone.clone()),
            Transform::from_xyz(r.x, y + r.height_m * 0.3, r.z).with_scale(Vec3::new(r.radius_m, r.height_m * 0.7, r.radius_m * 0.9)),
            scoped.clone(),
        ));
    }

    // Vegetation clumps over the hazard area and its margin, where the field says it grows.
    let clump = meshes.add(Cone { radius: 0.35, height: 1.0 });
    let grass = mats.add(StandardMaterial { base_color: Color::srgb(0.30, 0.48, 0.16), perceptual_roughness: 1.0, ..default() });
    let (lo, hi) = crate::geom::bounds(&f.hazard_area);
    let spacing = 1.2;
    let mut placed = 0;
    let mut index = VegIndex::default();
    let tiles_x = cov.nx.div_ceil(Coverage::TILE);
    let (i0, i1) = (((lo.0 - 3.0) / spacing) as i32, ((hi.0 + 3.0) / spacing) as i32);
    let (j0, j1) = (((lo.1 - 3.0) / spacing) as i32, ((hi.1 + 3.0) / spacing) as i32);
    'outer: for j in j0..=j1 {
        for i in i0..=i1 {
            let x = (i as f32 + hash01(i, j, 1)) * spacing;
            let z = (j as f32 + hash01(i, j, 2)) * spacing;
            if x < 0.0 || z < 0.0 || x > f.size_m.0 || z > f.size_m.1 {
                continue;
            }
            let (dens, vh) = f.vegetation_at(x, z);
            if vh < 0.15 || hash01(i, j, 3) > dens {
                continue;
            }
            let y = f.height_at(x, z);
            let h = vh.min(2.5) * (0.7 + 0.6 * hash01(i, j, 4));
            let e = commands
                .spawn((
                    VegClump { x, z },
                    Mesh3d(clump.clone()),
                    MeshMaterial3d(grass.clone()),
                    Transform::from_xyz(x, y + h * 0.5, z).with_scale(Vec3::new(1.0 + h * 0.3, h, 1.0 + h * 0.3)),
                    scoped.clone(),
                ))
                .id();
            if let Some(k) = cov.cell_at(x, z) {
                let tile = (k / cov.nx / Coverage::TILE) * tiles_x + (k % cov.nx) / Coverage::TILE;
                index.0.entry(tile).or_default().push((e, k));
            }
            placed += 1;
            if placed >= 8000 {
                break 'outer;
            }
        }
    }
    commands.insert_resource(index);
}
