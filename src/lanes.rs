//! The lane frame: lanes run parallel to the start lane and are numbered away from it.
//! The autopilot plans in it and the debrief speaks in it ("lane 4, 35–60 m").

use bevy::prelude::Resource;

use crate::geom::{self, P2};
use crate::machine::MachineSpec;
use crate::scenario::Scenario;

#[derive(Resource, Clone, Debug, PartialEq)]
pub struct LaneFrame {
    /// Origin: the start lane's `from` point.
    pub origin: P2,
    /// Unit vector along the lanes.
    pub u: P2,
    /// Unit normal pointing from the start lane into the hazard area.
    pub n: P2,
    /// Extent of the hazard area along `u` and `n`.
    pub u_range: (f32, f32),
    pub n_range: (f32, f32),
    /// Distance between lane centre lines: working width minus the overlap aimed for.
    pub spacing: f32,
    pub working_width: f32,
    /// Overlap aimed for, metres (middle of the scenario's band).
    pub overlap: f32,
}

impl LaneFrame {
    pub fn new(s: &Scenario, m: &MachineSpec) -> LaneFrame {
        let u = s.start_lane.dir();
        let mut n = (-u.1, u.0);
        let c = geom::centroid(&s.hazard_area);
        let o = s.start_lane.from;
        if (c.0 - o.0) * n.0 + (c.1 - o.1) * n.1 < 0.0 {
            n = (-n.0, -n.1);
        }
        let overlap = (s.overlap_m.0 + s.overlap_m.1) * 0.5;
        let mut f = LaneFrame {
            origin: o,
            u,
            n,
            u_range: (0.0, 0.0),
            n_range: (0.0, 0.0),
            spacing: m.tool.working_width_m - overlap,
            working_width: m.tool.working_width_m,
            overlap,
        };
        let uv: Vec<P2> = s.hazard_area.iter().map(|&p| f.to_uv(p)).collect();
        let (lo, hi) = geom::bounds(&uv);
        f.u_range = (lo.0, hi.0);
        f.n_range = (lo.1, hi.1);
        f
    }

    /// World (x, z) to lane coordinates (along, across).
    pub fn to_uv(&self, p: P2) -> P2 {
        let (dx, dz) = (p.0 - self.origin.0, p.1 - self.origin.1);
        (dx * self.u.0 + dz * self.u.1, dx * self.n.0 + dz * self.n.1)
    }

    pub fn to_world(&self, a: f32, b: f32) -> P2 {
        (self.origin.0 + a * self.u.0 + b * self.n.0, self.origin.1 + a * self.u.1 + b * self.n.1)
    }

    /// Centre line (across coordinate) of lane `k` (1-based): lane 1 overlaps the area's near
    /// edge by the overlap, as if a previous lane had been there.
    pub fn lane_centre(&self, k: u32) -> f32 {
        self.n_range.0 - self.overlap + self.working_width * 0.5 + (k as f32 - 1.0) * self.spacing
    }

    /// Lanes needed to cover the area.
    pub fn lane_count(&self) -> u32 {
        let mut k = 1;
        while self.lane_centre(k) + self.working_width * 0.5 < self.n_range.1 + 0.05 && k < 10_000 {
            k += 1;
        }
        k
    }

    /// Lane number (1-based) at `p`, or 0 on the start-lane side of the area.
    pub fn lane_at(&self, p: P2) -> u32 {
        let b = self.to_uv(p).1;
        let first_lo = self.lane_centre(1) - self.spacing * 0.5;
        if b < first_lo { 0 } else { ((b - first_lo) / self.spacing) as u32 + 1 }
    }

    /// Metres along the lanes from the area's edge at `p`.
    pub fn along(&self, p: P2) -> f32 {
        self.to_uv(p).0 - self.u_range.0
    }
}


/// Extent along the lanes of the part of `poly` lying between across-coordinates `b0` and `b1`.
pub fn band_extent(frame: &LaneFrame, poly: &[P2], b0: f32, b1: f32) -> Option<(f32, f32)> {
    let uv: Vec<P2> = poly.iter().map(|&p| frame.to_uv(p)).collect();
    // Clip to b >= b0, then b <= b1 (Sutherland–Hodgman against two half-planes).
    let clip = |pts: &[P2], keep: &dyn Fn(P2) -> f32| -> Vec<P2> {
        let mut out = Vec::new();
        for i in 0..pts.len() {
            let (p, q) = (pts[i], pts[(i + 1) % pts.len()]);
            let (dp, dq) = (keep(p), keep(q));
            if dp >= 0.0 {
                out.push(p);
            }
            if (dp >= 0.0) != (dq >= 0.0) {
                let t = dp / (dp - dq);
                out.push((p.0 + (q.0 - p.0) * t, p.1 + (q.1 - p.1) * t));
            }
        }
        out
    };
    let a = clip(&uv, &|p: P2| p.1 - b0);
    let b = clip(&a, &|p: P2| b1 - p.1);
    if b.is_empty() {
        return None;
    }
    let (lo, hi) = geom::bounds(&b);
    Some((lo.0, hi.0))
}
