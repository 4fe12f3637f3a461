//! The coverage grid: per cell, the depth actually processed and how many passes worked it.
//! It spans the hazard area plus a margin; only cells under the tool change each tick.

use bevy::prelude::Resource;

use crate::geom::{self, P2};

/// Margin around the hazard area that the grid also records, metres.
const MARGIN_M: f32 = 4.0;

#[derive(Resource, Clone, Debug, PartialEq)]
pub struct Coverage {
    pub origin: P2,
    pub cell_m: f32,
    pub nx: usize,
    pub nz: usize,
    /// Deepest processed layer, millimetres.
    pub depth_mm: Vec<u16>,
    /// Separate passes of the working tool over the cell.
    pub passes: Vec<u8>,
    /// Id of the last pass that touched the cell (so one pass counts once).
    last_pass: Vec<u16>,
    /// Depth that last pass processed here, millimetres: what a mine met by that pass is
    /// judged against (not the deepest any pass ever reached).
    pass_depth_mm: Vec<u16>,
    /// Whether the cell's centre lies in the hazard area.
    pub in_area: Vec<bool>,
    pub area_cells: u32,
    /// Hazard-area cells processed to the required depth so far (kept incrementally).
    pub area_cells_to_depth: u32,
    pub area_cells_touched: u32,
    pub required_mm: u16,
    /// Cells changed since the view last looked (the view drains a copy; the sim only appends).
    pub changed_tick: Vec<u64>,
    /// A running digest of every change (for replay checksums without hashing the grid).
    pub digest: u64,
}

impl Coverage {
    /// A grid over `area` with cells no larger than a tenth of `working_width`.
    pub fn new(area: &[P2], working_width: f32, required_cm: f32) -> Coverage {
        let cell_m = (working_width / 10.0).min(0.1);
        let (lo, hi) = geom::bounds(area);
        let origin = (lo.0 - MARGIN_M, lo.1 - MARGIN_M);
        let nx = ((hi.0 - lo.0 + 2.0 * MARGIN_M) / cell_m).ceil() as usize;
        let nz = ((hi.1 - lo.1 + 2.0 * MARGIN_M) / cell_m).ceil() as usize;
        let mut in_area = vec![false; nx * nz];
        let mut area_cells = 0;
        for j in 0..nz {
            // Scanline fill: find where each row's centre line crosses the polygon.
            let zc = origin.1 + (j as f32 + 0.5) * cell_m;
            for (a, b) in geom::scanline_spans(area, zc) {
                let i0 = ((a - origin.0) / cell_m - 0.5).ceil().max(0.0) as isize;
                let i1 = (((b - origin.0) / cell_m - 0.5).floor() as isize).min(nx as isize - 1);
                for i in i0..=i1 {
                    in_area[j * nx + i as usize] = true;
                    area_cells += 1;
                }
            }
        }
        Coverage {
            origin,
            cell_m,
            nx,
            nz,
            depth_mm: vec![0; nx * nz],
            passes: vec![0; nx * nz],
            last_pass: vec![0; nx * nz],
            pass_depth_mm: vec![0; nx * nz],
            in_area,
            area_cells,
            area_cells_to_depth: 0,
            area_cells_touched: 0,
            required_mm: (required_cm * 10.0).round() as u16,
            changed_tick: vec![0; nz.div_ceil(16) * nx.div_ceil(16)],
            digest: 0,
        }
    }

    pub fn cell_area_m2(&self) -> f32 {
        self.cell_m * self.cell_m
    }

    /// Cell containing (x, z), if on the grid.
    /// The nearest hazard cell no pass has reached in the path of `m`'s tracks, looking from
    /// `from` to `to` metres ahead of the body centre, row by row `step` apart: how far ahead
    /// it lies, and where. What a boom machine checks before it advances.
    pub fn unprocessed_in_track_path(&self, m: &crate::machine::MachineState, from: f32, to: f32, step: f32) -> Option<(f32, P2)> {
        let (hx, hz) = m.heading_xz();
        let right = (-hz, hx);
        let half_span = (m.spec.track_gauge_m + m.spec.track_width_m) * 0.5;
        let mut a = from;
        while a <= to {
            let mut c = -half_span;
            while c <= half_span + 1e-3 {
                let p = (m.pos.x + hx * a + right.0 * c, m.pos.z + hz * a + right.1 * c);
                if self.cell_at(p.0, p.1).is_some_and(|k| self.in_area[k] && self.passes[k] == 0) {
                    return Some((a, p));
                }
                c += step;
            }
            a += step;
        }
        None
    }

    pub fn cell_at(&self, x: f32, z: f32) -> Option<usize> {
        let i = ((x - self.origin.0) / self.cell_m).floor();
        let j = ((z - self.origin.1) / self.cell_m).floor();
        if i < 0.0 || j < 0.0 || i >= self.nx as f32 || j >= self.nz as f32 {
            return None;
        }
        Some(j as usize * self.nx + i as usize)
    }

    pub fn centre(&self, k: usize) -> P2 {
        (self.centre_x(k % self.nx), self.centre_z(k / self.nx))
    }

    /// Centre of column `i`, x.
    pub fn centre_x(&self, i: usize) -> f32 {
        self.origin.0 + (i as f32 + 0.5) * self.cell_m
    }

    /// Centre of row `j`, z.
    pub fn centre_z(&self, j: usize) -> f32 {
        self.origin.1 + (j as f32 + 0.5) * self.cell_m
    }

    /// Processed depth at (x, z), metres (0 off the grid).
    pub fn depth_at(&self, x: f32, z: f32) -> f32 {
        self.cell_at(x, z).map(|k| self.depth_mm[k] as f32 * 0.001).unwrap_or(0.0)
    }

    /// Depth pass `pass` processed at (x, z), metres; `None` where that pass did not work.
    pub fn pass_depth_at(&self, x: f32, z: f32, pass: u16) -> Option<f32> {
        let k = self.cell_at(x, z)?;
        (self.last_pass[k] == pass && self.passes[k] > 0).then(|| self.pass_depth_mm[k] as f32 * 0.001)
    }

    /// Calls `f(i, j)` for every cell whose centre lies in the convex polygon `poly` (edges
    /// included), row by row: the cells a moving tool swept since the last tick.
    pub fn for_cells_in_convex(&self, poly: &[P2], mut f: impl FnMut(usize, usize)) {
        let (lo, hi) = geom::bounds(poly);
        let cm = self.cell_m;
        let j0 = ((lo.1 - self.origin.1) / cm - 0.5).ceil().max(0.0) as usize;
        let j1 = (((hi.1 - self.origin.1) / cm - 0.5).floor() as isize).min(self.nz as isize - 1);
        for j in j0 as isize..=j1 {
            let j = j as usize;
            let zc = self.centre_z(j);
            // The row's centre line meets a convex polygon in one span.
            let (mut a, mut b) = (f32::INFINITY, f32::NEG_INFINITY);
            for e in 0..poly.len() {
                let (p, q) = (poly[e], poly[(e + 1) % poly.len()]);
                let (zl, zh) = (p.1.min(q.1), p.1.max(q.1));
                if zc < zl || zc > zh {
                    continue;
                }
                let x = if (q.1 - p.1).abs() < 1e-9 {
                    a = a.min(p.0.min(q.0));
                    b = b.max(p.0.max(q.0));
                    continue;
                } else {
                    p.0 + (zc - p.1) / (q.1 - p.1) * (q.0 - p.0)
                };
                a = a.min(x);
                b = b.max(x);
            }
            if a > b {
                continue;
            }
            let i0 = ((a - self.origin.0) / cm - 0.5).ceil().max(0.0) as usize;
            let i1 = (((b - self.origin.0) / cm - 0.5).floor() as isize).min(self.nx as isize - 1);
            for i in i0 as isize..=i1 {
                f(i as usize, j);
            }
        }
    }

    /// Records pass `pass` reaching `depth_mm` in cell (`i`, `j`) at `tick`.
    pub fn work(&mut self, i: usize, j: usize, depth_mm: u16, pass: u16, tick: u64) {
        let k = j * self.nx + i;
        let old = self.depth_mm[k];
        if self.last_pass[k] != pass {
            self.last_pass[k] = pass;
            self.pass_depth_mm[k] = depth_mm;
            self.passes[k] = self.passes[k].saturating_add(1);
            if self.in_area[k] && self.passes[k] == 1 {
                self.area_cells_touched += 1;
            }
        } else if depth_mm > self.pass_depth_mm[k] {
            self.pass_depth_mm[k] = depth_mm;
        }
        if depth_mm > old {
            self.depth_mm[k] = depth_mm;
            if self.in_area[k] && old < self.required_mm && depth_mm >= self.required_mm {
                self.area_cells_to_depth += 1;
            }
        }
        self.digest = self.digest.rotate_left(5) ^ crate::geom::mix64(((k as u64) << 24) ^ ((self.depth_mm[k] as u64) << 8) ^ self.passes[k] as u64);
        self.changed_tick[(j / Self::TILE) * self.nx.div_ceil(Self::TILE) + i / Self::TILE] = tick;
    }

    /// Share of the hazard area processed to the required depth, 0–1.
    pub fn fraction_to_depth(&self) -> f32 {
        self.area_cells_to_depth as f32 / self.area_cells.max(1) as f32
    }

    /// Side length, in cells, of the tiles that `changed_tick` tracks.
    pub const TILE: usize = 16;
}
