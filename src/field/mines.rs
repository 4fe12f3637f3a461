//! Laying mines by layout: scatter, tactical rows, clusters and road verges.

use rand::RngExt;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use super::{Stream, stream};
use crate::geom::{self, P2};
use crate::text::Message;
use crate::scenario::schema::{Layout, MineKind, Scenario};

/// One mine or item of UXO as laid: where, how deep and which way it faces.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mine {
    /// Stable id in laying order (never an entity id).
    pub id: u32,
    pub kind: MineKind,
    /// Index of the scenario's mine group it belongs to.
    pub group: u16,
    pub x: f32,
    pub z: f32,
    /// Depth to the top of the mine, metres.
    pub depth_m: f32,
    /// Heading of the mine's body, degrees.
    pub yaw_deg: f32,
}

/// Uniform point in the polygon's bounds that lies inside it (or `None` after many tries).
fn point_in(poly: &[P2], rng: &mut ChaCha8Rng) -> Option<P2> {
    let (lo, hi) = geom::bounds(poly);
    for _ in 0..10_000 {
        let p = (lo.0 + rng.random::<f32>() * (hi.0 - lo.0), lo.1 + rng.random::<f32>() * (hi.1 - lo.1));
        if geom::contains(poly, p) {
            return Some(p);
        }
    }
    None
}

/// Lays every group; returns the mines and notes on anything not laid as asked.
pub fn place_mines(s: &Scenario, seed: u64) -> (Vec<Mine>, Vec<Message>) {
    let area = &s.hazard_area;
    let hazard_m2 = geom::area(area);
    let field_poly = [(0.0, 0.0), (s.field.size_m.0, 0.0), (s.field.size_m.0, s.field.size_m.1), (0.0, s.field.size_m.1)];
    let field_m2 = s.field.size_m.0 * s.field.size_m.1;
    let mut mines = Vec::new();
    let mut notes = Vec::new();
    for (gi, g) in s.mines.groups.iter().enumerate() {
        let mut rng = stream(seed, Stream::MinesBase, gi as u64);
        let want = g.count(&s.mines, hazard_m2, field_m2) as usize;
        let region: &[P2] = if g.spans_field(&s.mines) { &field_poly } else { area };
        let mut spots: Vec<P2> = Vec::with_capacity(want);
        match &g.layout {
            Layout::Scatter => {
                while spots.len() < want {
                    match point_in(region, &mut rng) {
                        Some(p) if !s.start_lane.contains(p) => spots.push(p),
                        Some(_) => {}
                        None => break,
                    }
                }
            }
            Layout::Rows { angle_deg, row_spacing_m, spacing_m, jitter_m } => {
                // Row frame: u along the rows, v across them.
                let a = angle_deg.to_radians();
                let (ux, uz) = (libm::cosf(a), libm::sinf(a));
                let to_uv = |p: P2| (p.0 * ux + p.1 * uz, -p.0 * uz + p.1 * ux);
                let from_uv = |u: f32, v: f32| (u * ux - v * uz, u * uz + v * ux);
                let uv: Vec<P2> = region.iter().map(|&p| to_uv(p)).collect();
                let (lo, hi) = geom::bounds(&uv);
                let v0 = lo.1 + rng.random::<f32>() * row_spacing_m;
                let mut slots = Vec::new();
                let mut v = v0;
                while v <= hi.1 && slots.len() < 4 * want + 64 {
                    let phase = rng.random::<f32>() * spacing_m;
                    let mut u = lo.0 + phase;
                    while u <= hi.0 {
                        let j = jitter_m * (rng.random::<f32>() * 2.0 - 1.0);
                        let p = from_uv(u + j, v + jitter_m * (rng.random::<f32>() * 2.0 - 1.0) * 0.5);
                        if geom::contains(region, p) {
                            slots.push(p);
                        }
                        u += spacing_m;
                    }
                    v += row_spacing_m;
                }
                // A random subset of the slots, keeping their row order.
                let mut idx: Vec<usize> = (0..slots.len()).collect();
                for k in 0..want.min(idx.len()) {
                    let r = k + rng.random_range(0..(idx.len() - k));
                    idx.swap(k, r);
                }
                let mut chosen: Vec<usize> = idx.into_iter().take(want).collect();
                chosen.sort_unstable();
                spots.extend(chosen.into_iter().map(|k| slots[k]));
            }
            Layout::Clusters { clusters, radius_m } => {
                let centres: Vec<P2> = (0..*clusters).filter_map(|_| point_in(region, &mut rng)).collect();
                let mut tries = 0;
                while spots.len() < want && !centres.is_empty() && tries < 1000 * want + 1000 {
                    tries += 1;
                    let c = centres[spots.len() % centres.len()];
                    let r = radius_m * rng.random::<f32>().sqrt();
                    let t = rng.random::<f32>() * std::f32::consts::TAU;
                    let p = (c.0 + r * libm::cosf(t), c.1 + r * libm::sinf(t));
                    if geom::contains(region, p) {
                        spots.push(p);
                    }
                }
            }
            Layout::Verge { road, offset_m } => {
                if let Some(r) = s.field.roads.get(*road).filter(|r| r.points.len() >= 2) {
                    let len = geom::polyline_length(&r.points);
                    let mut tries = 0;
                    while spots.len() < want && tries < 2000 * want + 1000 {
                        tries += 1;
                        let ((x, z), (dx, dz)) = geom::polyline_at(&r.points, rng.random::<f32>() * len);
                        let side = if rng.random::<bool>() { 1.0 } else { -1.0 };
                        let d = r.width_m * 0.5 + offset_m.0 + rng.random::<f32>() * (offset_m.1 - offset_m.0);
                        let p = (x - dz * d * side, z + dx * d * side);
                        if geom::contains(region, p) {
                            spots.push(p);
                        }
                    }
                }
            }
        }
        if spots.len() < want {
            notes.push(
                Message::new("note-mines-laid")
                    .num("group", gi as u32)
                    .text("mine", crate::text::key(&g.kind))
                    .text("layout", g.layout.label())
                    .num("laid", spots.len() as u32)
                    .num("wanted", want as u32),
            );
        }
        for p in spots {
            let depth_cm = g.depth_cm.0 + rng.random::<f32>() * (g.depth_cm.1 - g.depth_cm.0);
            mines.push(Mine {
                id: mines.len() as u32,
                kind: g.kind,
                group: gi as u16,
                x: p.0,
                z: p.1,
                depth_m: depth_cm * 0.01,
                yaw_deg: rng.random::<f32>() * 360.0,
            });
        }
    }
    (mines, notes)
}
