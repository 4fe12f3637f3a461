//! The generated field: terrain heights, soil, vegetation, obstacles and mines, as a pure
//! function of (scenario, seed). Each purpose draws from its own seeded ChaCha stream, so
//! changing, say, the vegetation does not move a single mine.

mod mines;
mod noise;

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

pub use mines::{Mine, place_mines};
pub use noise::ValueNoise;

use crate::geom::{self, P2, Strip};
use crate::text::Message;
use crate::scenario::schema::{Region, Road, Scenario, SoilKind};

/// Trees and rocks keep this far from the hazard area, metres: the ground where machines turn.
pub const OBSTACLE_CLEARANCE_M: f32 = 15.0;

/// Terrain grid spacing, metres.
pub const TERRAIN_CELL_M: f32 = 0.5;

/// Independent random streams, one per purpose (ChaCha stream ids).
#[derive(Clone, Copy, Debug)]
#[repr(u64)]
pub enum Stream {
    Terrain = 1,
    Soil = 2,
    Vegetation = 3,
    Obstacles = 4,
    /// Mine fates in the simulation.
    Fates = 5,
    /// Where the quality-control inspection samples.
    Qc = 6,
    /// Mine groups use `MinesBase + group index`, so adding a group moves no other mine.
    MinesBase = 1000,
}

/// How much harder vegetation of `density` (0–1) and `height_m` makes the ground to work (1 =
/// none): cover over about 0.8 m takes the rotor's energy before it reaches the soil.
pub fn vegetation_resistance(density: f32, height_m: f32) -> f32 {
    1.0 + density * (height_m - 0.8).max(0.0) * 0.5
}

/// The random stream for `purpose` (plus `sub`, e.g. a group index) under `seed`.
pub fn stream(seed: u64, purpose: Stream, sub: u64) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(purpose as u64 + sub);
    rng
}

/// A soil as it lies in this field (zone overrides applied).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SoilProps {
    pub kind: SoilKind,
    pub hardness: f32,
    pub moisture_pct: f32,
}

/// A tree or rock: a vertical cylinder the machine can hit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Obstacle {
    pub x: f32,
    pub z: f32,
    pub radius_m: f32,
    pub height_m: f32,
}

/// Width of the drainage ditch beside a road, metres; it begins 1 m past the road's edge.
pub const DITCH_WIDTH_M: f32 = 1.5;

/// Everything the simulation and the views need about the ground.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub seed: u64,
    pub size_m: P2,
    /// Grid vertices along x and z; vertex (i, j) is at (i, j) * `TERRAIN_CELL_M`.
    pub nx: usize,
    pub nz: usize,
    /// Ground height at each vertex, metres, row-major (z rows of x).
    pub heights: Vec<f32>,
    /// Index into `soils` at each vertex.
    pub soil: Vec<u8>,
    pub soils: Vec<SoilProps>,
    /// Vegetation cover 0–255 at each vertex.
    pub veg_density: Vec<u8>,
    /// Vegetation height at each vertex, in 2 cm units (0–5.1 m).
    pub veg_height: Vec<u8>,
    pub hazard_area: Vec<P2>,
    pub start_lane: Strip,
    pub roads: Vec<Road>,
    pub trees: Vec<Obstacle>,
    pub rocks: Vec<Obstacle>,
    pub mines: Vec<Mine>,
    /// What generation could not do exactly as asked (e.g. fewer mines placed).
    pub notes: Vec<Message>,
}

/// The two rows of height vertices around one line of constant z (see `Field::heights_along`).
pub struct HeightRow<'a> {
    near: &'a [f32],
    far: &'a [f32],
    tz: f32,
    max_fx: f32,
}

impl Field {
    /// Whether (x, z) lies in a road's drainage ditch or within `bank_m` beyond its far edge.
    pub fn in_ditch(&self, p: P2, bank_m: f32) -> bool {
        self.roads.iter().any(|r| {
            let d = geom::polyline_distance(&r.points, p) - r.width_m * 0.5 - 1.0;
            r.ditch_depth_m > 0.0 && (0.0..=DITCH_WIDTH_M + bank_m).contains(&d)
        })
    }
}

impl HeightRow<'_> {
    /// Ground height at `x` on this row's line, bilinear between vertices.
    pub fn at(&self, x: f32) -> f32 {
        let fx = (x / TERRAIN_CELL_M).clamp(0.0, self.max_fx);
        let i = fx as usize;
        let tx = fx - i as f32;
        let top = self.near[i] + (self.near[i + 1] - self.near[i]) * tx;
        let bot = self.far[i] + (self.far[i + 1] - self.far[i]) * tx;
        top + (bot - top) * self.tz
    }
}

impl Field {
    #[inline]
    fn idx(&self, i: usize, j: usize) -> usize {
        j * self.nx + i
    }

    /// Nearest grid vertex to (x, z), clamped to the grid.
    pub fn vertex(&self, x: f32, z: f32) -> (usize, usize) {
        let i = (x / TERRAIN_CELL_M).round().clamp(0.0, (self.nx - 1) as f32) as usize;
        let j = (z / TERRAIN_CELL_M).round().clamp(0.0, (self.nz - 1) as f32) as usize;
        (i, j)
    }

    /// Ground height at (x, z), bilinear between vertices.
    pub fn height_at(&self, x: f32, z: f32) -> f32 {
        self.heights_along(z).at(x)
    }

    /// Heights along the line at `z`, for many points on it: the work that depends only on `z`
    /// done once (the tool's footprint samples the ground row by row every tick).
    pub fn heights_along(&self, z: f32) -> HeightRow<'_> {
        let fz = (z / TERRAIN_CELL_M).clamp(0.0, (self.nz - 1) as f32 - 1e-3);
        let j = fz as usize;
        let (near, far) = self.heights[j * self.nx..(j + 2) * self.nx].split_at(self.nx);
        HeightRow { near, far, tz: fz - j as f32, max_fx: (self.nx - 1) as f32 - 1e-3 }
    }

    /// Ground gradient (dh/dx, dh/dz) at (x, z) by central differences.
    pub fn gradient_at(&self, x: f32, z: f32) -> P2 {
        let d = TERRAIN_CELL_M;
        ((self.height_at(x + d, z) - self.height_at(x - d, z)) / (2.0 * d), (self.height_at(x, z + d) - self.height_at(x, z - d)) / (2.0 * d))
    }

    /// Slope of the ground at (x, z), degrees.
    pub fn slope_deg_at(&self, x: f32, z: f32) -> f32 {
        let (gx, gz) = self.gradient_at(x, z);
        libm::atanf((gx * gx + gz * gz).sqrt()).to_degrees()
    }

    pub fn soil_at(&self, x: f32, z: f32) -> &SoilProps {
        let (i, j) = self.vertex(x, z);
        &self.soils[self.soil[self.idx(i, j)] as usize]
    }

    /// Vegetation (cover 0–1, height m) at (x, z).
    pub fn vegetation_at(&self, x: f32, z: f32) -> (f32, f32) {
        let (i, j) = self.vertex(x, z);
        let k = self.idx(i, j);
        (self.veg_density[k] as f32 / 255.0, self.veg_height[k] as f32 * 0.02)
    }

    /// How much harder the ground is to work at (x, z) because of vegetation (1 = none):
    /// thick cover over about 0.8 m takes the rotor's energy before it reaches the soil.
    pub fn vegetation_resistance(&self, x: f32, z: f32) -> f32 {
        let (dens, h) = self.vegetation_at(x, z);
        vegetation_resistance(dens, h)
    }

    pub fn hazard_m2(&self) -> f32 {
        geom::area(&self.hazard_area)
    }

    /// Bytes held by the field's maps and lists (for memory reports).
    pub fn heap_bytes(&self) -> usize {
        self.heights.len() * 4
            + self.soil.len()
            + self.veg_density.len()
            + self.veg_height.len()
            + self.mines.len() * std::mem::size_of::<Mine>()
            + (self.trees.len() + self.rocks.len()) * std::mem::size_of::<Obstacle>()
    }
}

/// Does `region` cover (x, z)? Patches use the precomputed noise and threshold.
fn region_covers(region: &Region, p: P2, patches: Option<(&ValueNoise, f32)>) -> bool {
    match region {
        Region::Whole => true,
        Region::Rect { min, max } => p.0 >= min.0 && p.0 <= max.0 && p.1 >= min.1 && p.1 <= max.1,
        Region::Polygon(poly) => geom::contains(poly, p),
        Region::Patches { size_m, .. } => {
            let (n, thr) = patches.expect("patches noise prepared");
            n.fbm(p.0, p.1, *size_m, 3) > thr
        }
    }
}

/// The noise value above which a `share` of the field lies, estimated from samples of `n`.
fn patch_threshold(n: &ValueNoise, size: P2, size_m: f32, share: f32, rng: &mut ChaCha8Rng) -> f32 {
    let mut s: Vec<f32> = (0..4096).map(|_| n.fbm(rng.random::<f32>() * size.0, rng.random::<f32>() * size.1, size_m, 3)).collect();
    s.sort_by(f32::total_cmp);
    let k = ((1.0 - share.clamp(0.0, 1.0)) * (s.len() - 1) as f32).round() as usize;
    if share >= 1.0 {
        f32::NEG_INFINITY
    } else if share <= 0.0 {
        f32::INFINITY
    } else {
        s[k]
    }
}

/// `f(k)` for every k in 0..n, split across the machine's cores. Each value depends only on
/// its index, so the result is the same however the work is split.
fn par_map<T: Send + Default + Clone>(n: usize, f: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let threads = std::thread::available_parallelism().map(|c| c.get()).unwrap_or(1).clamp(1, 8);
    let mut out = vec![T::default(); n];
    let chunk = n.div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        for (c, part) in out.chunks_mut(chunk).enumerate() {
            let f = &f;
            scope.spawn(move || {
                for (i, v) in part.iter_mut().enumerate() {
                    *v = f(c * chunk + i);
                }
            });
        }
    });
    out
}

/// Generates the field for `scenario` under `seed`. Pure: same inputs, same field, same bits.
pub fn generate(scenario: &Scenario, seed: u64) -> Field {
    let fs = &scenario.field;
    let size = fs.size_m;
    let nx = (size.0 / TERRAIN_CELL_M).ceil() as usize + 1;
    let nz = (size.1 / TERRAIN_CELL_M).ceil() as usize + 1;
    let n = nx * nz;
    let pos = |k: usize| ((k % nx) as f32 * TERRAIN_CELL_M, (k / nx) as f32 * TERRAIN_CELL_M);

    // Terrain: overall slope + rolling relief, then roads flattened with ditches beside them.
    let mut trng = stream(seed, Stream::Terrain, 0);
    let relief = ValueNoise { seed: trng.random() };
    let fall = fs.slope.falls_towards_deg.to_radians();
    let (dx, dz) = (libm::sinf(fall), -libm::cosf(fall));
    let grade = libm::tanf(fs.slope.degrees.to_radians());
    let (cx, cz) = (size.0 * 0.5, size.1 * 0.5);
    let base = |x: f32, z: f32| -grade * ((x - cx) * dx + (z - cz) * dz);
    let amp = fs.relief.amplitude_m;
    let wl = fs.relief.wavelength_m;
    let mut heights: Vec<f32> = par_map(n, |k| {
        let (x, z) = pos(k);
        base(x, z) + amp * relief.fbm(x, z, wl, 4)
    });

    // Soils: one table entry per zone, plus one for roads.
    let mut srng = stream(seed, Stream::Soil, 0);
    let mut soils: Vec<SoilProps> = fs
        .soils
        .iter()
        .map(|z| SoilProps {
            kind: z.soil,
            hardness: z.hardness.unwrap_or(z.soil.default_hardness()),
            moisture_pct: z.moisture_pct.unwrap_or(z.soil.default_moisture_pct()),
        })
        .collect();
    if soils.is_empty() {
        soils.push(SoilProps { kind: SoilKind::SandyLoam, hardness: 1.0, moisture_pct: 12.0 });
    }
    let patch_noise: Vec<Option<(ValueNoise, f32)>> = fs
        .soils
        .iter()
        .map(|z| {
            let nz_seed: u64 = srng.random();
            match z.region {
                Region::Patches { share, size_m } => {
                    let noise = ValueNoise { seed: nz_seed };
                    let thr = patch_threshold(&noise, size, size_m, share, &mut srng);
                    Some((noise, thr))
                }
                _ => None,
            }
        })
        .collect();
    let mut soil: Vec<u8> = par_map(n, |k| {
        let p = pos(k);
        let mut s = 0u8;
        for (zi, z) in fs.soils.iter().enumerate() {
            let pn = patch_noise[zi].as_ref().map(|(a, b)| (a, *b));
            if region_covers(&z.region, p, pn) {
                s = zi as u8;
            }
        }
        s
    });

    // Vegetation: thickets and clearings around the scenario's average.
    let mut vrng = stream(seed, Stream::Vegetation, 0);
    let vnoise = ValueNoise { seed: vrng.random() };
    let veg = &fs.vegetation;
    let (mut veg_density, mut veg_height): (Vec<u8>, Vec<u8>) = par_map(n, |k| {
        let (x, z) = pos(k);
        let t = vnoise.fbm(x, z, veg.patch_size_m, 3);
        let d = (veg.density + t * 0.6).clamp(0.0, 1.0);
        let h = (veg.height_m * (1.0 + t * 0.7)).clamp(0.0, 5.1) * (d > 0.02) as u8 as f32;
        ((d * 255.0).round() as u8, (h / 0.02).round() as u8)
    })
    .into_iter()
    .unzip();

    // Roads: compacted and flat, ditches beside them, no vegetation.
    if !fs.roads.is_empty() {
        let road_soil = soils.len() as u8;
        soils.push(SoilProps { kind: SoilKind::Road, hardness: SoilKind::Road.default_hardness(), moisture_pct: SoilKind::Road.default_moisture_pct() });
        for road in &fs.roads {
            let half = road.width_m * 0.5;
            let ditch_w = DITCH_WIDTH_M;
            let reach = half + 1.0 + ditch_w;
            let (lo, hi) = geom::bounds(&road.points);
            let i0 = ((lo.0 - reach) / TERRAIN_CELL_M).floor().max(0.0) as usize;
            let i1 = (((hi.0 + reach) / TERRAIN_CELL_M).ceil() as usize).min(nx - 1);
            let j0 = ((lo.1 - reach) / TERRAIN_CELL_M).floor().max(0.0) as usize;
            let j1 = (((hi.1 + reach) / TERRAIN_CELL_M).ceil() as usize).min(nz - 1);
            for j in j0..=j1 {
                for i in i0..=i1 {
                    let k = j * nx + i;
                    let p = pos(k);
                    let d = geom::polyline_distance(&road.points, p);
                    if d > reach {
                        continue;
                    }
                    let flat = base(p.0, p.1);
                    if d <= half {
                        heights[k] = flat + 0.05;
                        soil[k] = road_soil;
                        veg_density[k] = 0;
                        veg_height[k] = 0;
                    } else if d <= half + 1.0 {
                        // Shoulder: blend from road to natural ground.
                        let t = (d - half) / 1.0;
                        heights[k] = flat + 0.05 + (heights[k] - flat - 0.05) * t;
                    } else {
                        // Ditch: a smooth trough ditch_w wide.
                        let t = (d - half - 1.0) / ditch_w;
                        let shape = 1.0 - (2.0 * t - 1.0) * (2.0 * t - 1.0);
                        heights[k] -= road.ditch_depth_m * shape;
                    }
                }
            }
        }
    }

    // Trees and rocks.
    let mut orng = stream(seed, Stream::Obstacles, 0);
    let on_road = |p: P2| fs.roads.iter().any(|r| geom::polyline_distance(&r.points, p) < r.width_m * 0.5 + 1.0);
    // Obstacles stand clear of the start lane and of the worksite (the hazard area and the
    // ground around it where machines turn).
    let clear_of_lane = |p: P2, r: f32| {
        !scenario.start_lane.contains(p)
            && geom::segment_distance(p, scenario.start_lane.from, scenario.start_lane.to).0 > scenario.start_lane.width_m * 0.5 + r
            && !geom::contains(&scenario.hazard_area, p)
            && geom::boundary_distance(&scenario.hazard_area, p) > OBSTACLE_CLEARANCE_M + r
    };
    // Trees in a forest belt may stand in the area itself (still clear of the start lane).
    let tree_clear = |p: P2, r: f32| {
        if fs.obstacles.trees_in_area {
            !scenario.start_lane.contains(p)
                && geom::segment_distance(p, scenario.start_lane.from, scenario.start_lane.to).0 > scenario.start_lane.width_m * 0.5 + r + 3.0
        } else {
            clear_of_lane(p, r)
        }
    };
    let tree_region = fs.obstacles.tree_region.clone().unwrap_or(Region::Whole);
    let (tlo, thi) = match &tree_region {
        Region::Rect { min, max } => (*min, *max),
        Region::Polygon(p) => geom::bounds(p),
        _ => ((0.0, 0.0), size),
    };
    let mut notes = Vec::new();
    let mut trees = Vec::new();
    let mut tries = 0;
    while trees.len() < fs.obstacles.trees as usize && tries < 200 * fs.obstacles.trees as usize + 100 {
        tries += 1;
        let p = (tlo.0 + orng.random::<f32>() * (thi.0 - tlo.0), tlo.1 + orng.random::<f32>() * (thi.1 - tlo.1));
        let covered = match &tree_region {
            Region::Patches { .. } => true,
            r => region_covers(r, p, None),
        };
        if covered && !on_road(p) && tree_clear(p, 1.0) {
            trees.push(Obstacle { x: p.0, z: p.1, radius_m: 0.12 + orng.random::<f32>() * 0.25, height_m: 4.0 + orng.random::<f32>() * 8.0 });
        }
    }
    if trees.len() < fs.obstacles.trees as usize {
        notes.push(Message::new("note-trees-placed").num("placed", trees.len() as u32).num("wanted", fs.obstacles.trees));
    }
    let mut rocks = Vec::new();
    tries = 0;
    while rocks.len() < fs.obstacles.rocks as usize && tries < 200 * fs.obstacles.rocks as usize + 100 {
        tries += 1;
        let p = (orng.random::<f32>() * size.0, orng.random::<f32>() * size.1);
        if !on_road(p) && clear_of_lane(p, 1.0) {
            rocks.push(Obstacle { x: p.0, z: p.1, radius_m: 0.3 + orng.random::<f32>() * 0.5, height_m: 0.3 + orng.random::<f32>() * 0.6 });
        }
    }

    let mut field = Field {
        seed,
        size_m: size,
        nx,
        nz,
        heights,
        soil,
        soils,
        veg_density,
        veg_height,
        hazard_area: scenario.hazard_area.clone(),
        start_lane: scenario.start_lane.clone(),
        roads: fs.roads.clone(),
        trees,
        rocks,
        mines: Vec::new(),
        notes,
    };
    let (mines, mine_notes) = place_mines(scenario, seed);
    field.mines = mines;
    field.notes.extend(mine_notes);
    field
}
