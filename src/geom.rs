//! Plane geometry on the ground (x east, z south, metres): polygons, segments, polylines.
//! Shared by validation, generation, clearing and scoring, so it lives on its own.

use serde::{Deserialize, Serialize};

/// A point on the ground plane, metres. Written `(x, z)` in scenario files.
pub type P2 = (f32, f32);

/// Signed area (shoelace); positive for counter-clockwise in (x, z).
pub fn signed_area(poly: &[P2]) -> f32 {
    let n = poly.len();
    let mut a = 0.0f64;
    for i in 0..n {
        let (x0, z0) = poly[i];
        let (x1, z1) = poly[(i + 1) % n];
        a += x0 as f64 * z1 as f64 - x1 as f64 * z0 as f64;
    }
    (a * 0.5) as f32
}

pub fn area(poly: &[P2]) -> f32 {
    signed_area(poly).abs()
}

/// Even-odd point-in-polygon test.
pub fn contains(poly: &[P2], p: P2) -> bool {
    let n = poly.len();
    let mut inside = false;
    let mut j = n.wrapping_sub(1);
    for i in 0..n {
        let (xi, zi) = poly[i];
        let (xj, zj) = poly[j];
        if (zi > p.1) != (zj > p.1) {
            let x_cross = (xj - xi) * (p.1 - zi) / (zj - zi) + xi;
            if p.0 < x_cross {
                inside = !inside;
            }
        }
        j = i;
    }
    inside
}

/// Where the horizontal line at height `y` enters and leaves the polygon (even-odd), as
/// sorted `(from, to)` spans of the other coordinate. Used to fill polygons row by row.
pub fn scanline_spans(poly: &[P2], y: f32) -> Vec<(f32, f32)> {
    let mut xs = Vec::new();
    for i in 0..poly.len() {
        let (p, q) = (poly[i], poly[(i + 1) % poly.len()]);
        if (p.1 > y) != (q.1 > y) {
            xs.push(p.0 + (y - p.1) / (q.1 - p.1) * (q.0 - p.0));
        }
    }
    xs.sort_by(f32::total_cmp);
    xs.chunks_exact(2).map(|c| (c[0], c[1])).collect()
}

/// Axis-aligned bounds `(min, max)` of a point set.
pub fn bounds(points: &[P2]) -> (P2, P2) {
    let mut lo = (f32::INFINITY, f32::INFINITY);
    let mut hi = (f32::NEG_INFINITY, f32::NEG_INFINITY);
    for &(x, z) in points {
        lo = (lo.0.min(x), lo.1.min(z));
        hi = (hi.0.max(x), hi.1.max(z));
    }
    (lo, hi)
}

fn orient(a: P2, b: P2, c: P2) -> f32 {
    (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0)
}

/// Proper or touching intersection of segments `ab` and `cd`.
pub fn segments_intersect(a: P2, b: P2, c: P2, d: P2) -> bool {
    let o1 = orient(a, b, c);
    let o2 = orient(a, b, d);
    let o3 = orient(c, d, a);
    let o4 = orient(c, d, b);
    if ((o1 > 0.0 && o2 < 0.0) || (o1 < 0.0 && o2 > 0.0)) && ((o3 > 0.0 && o4 < 0.0) || (o3 < 0.0 && o4 > 0.0)) {
        return true;
    }
    let on = |p: P2, q: P2, r: P2, o: f32| o == 0.0 && r.0 >= p.0.min(q.0) && r.0 <= p.0.max(q.0) && r.1 >= p.1.min(q.1) && r.1 <= p.1.max(q.1);
    on(a, b, c, o1) || on(a, b, d, o2) || on(c, d, a, o3) || on(c, d, b, o4)
}

/// First pair of non-adjacent edges that cross, if any (a polygon is simple when none do).
pub fn self_intersection(poly: &[P2]) -> Option<(usize, usize)> {
    let n = poly.len();
    for i in 0..n {
        for j in (i + 1)..n {
            // Adjacent edges share a vertex; skip them.
            if j == i + 1 || (i == 0 && j == n - 1) {
                continue;
            }
            if segments_intersect(poly[i], poly[(i + 1) % n], poly[j], poly[(j + 1) % n]) {
                return Some((i, j));
            }
        }
    }
    None
}

/// Do two polygons overlap (share interior or cross edges)?
pub fn polygons_overlap(a: &[P2], b: &[P2]) -> bool {
    for i in 0..a.len() {
        for j in 0..b.len() {
            if segments_intersect(a[i], a[(i + 1) % a.len()], b[j], b[(j + 1) % b.len()]) {
                return true;
            }
        }
    }
    contains(a, b[0]) || contains(b, a[0])
}

/// Distance from `p` to segment `ab`, and the parameter t in [0, 1] of the nearest point.
pub fn segment_distance(p: P2, a: P2, b: P2) -> (f32, f32) {
    let (dx, dz) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dz * dz;
    let t = if len2 > 0.0 { (((p.0 - a.0) * dx + (p.1 - a.1) * dz) / len2).clamp(0.0, 1.0) } else { 0.0 };
    let (qx, qz) = (a.0 + t * dx, a.1 + t * dz);
    (((p.0 - qx).powi(2) + (p.1 - qz).powi(2)).sqrt(), t)
}

/// Distance from `p` to the nearest edge of a polygon (its boundary).
pub fn boundary_distance(poly: &[P2], p: P2) -> f32 {
    (0..poly.len()).map(|i| segment_distance(p, poly[i], poly[(i + 1) % poly.len()]).0).fold(f32::INFINITY, f32::min)
}

/// Distance from `p` to a polyline.
pub fn polyline_distance(line: &[P2], p: P2) -> f32 {
    line.windows(2).map(|w| segment_distance(p, w[0], w[1]).0).fold(f32::INFINITY, f32::min)
}

/// Length of a polyline.
pub fn polyline_length(line: &[P2]) -> f32 {
    line.windows(2).map(|w| ((w[1].0 - w[0].0).powi(2) + (w[1].1 - w[0].1).powi(2)).sqrt()).sum()
}

/// Point and unit direction at arc length `s` along a polyline.
pub fn polyline_at(line: &[P2], mut s: f32) -> (P2, P2) {
    for w in line.windows(2) {
        let (dx, dz) = (w[1].0 - w[0].0, w[1].1 - w[0].1);
        let len = (dx * dx + dz * dz).sqrt();
        if len <= 0.0 {
            continue;
        }
        if s <= len {
            let t = s / len;
            return ((w[0].0 + t * dx, w[0].1 + t * dz), (dx / len, dz / len));
        }
        s -= len;
    }
    let n = line.len();
    let (dx, dz) = (line[n - 1].0 - line[n - 2].0, line[n - 1].1 - line[n - 2].1);
    let len = (dx * dx + dz * dz).sqrt().max(1e-6);
    (line[n - 1], (dx / len, dz / len))
}

/// A straight strip on the ground: centre line from `from` to `to`, `width_m` across.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Strip {
    pub from: P2,
    pub to: P2,
    pub width_m: f32,
}

impl Strip {
    pub fn length(&self) -> f32 {
        ((self.to.0 - self.from.0).powi(2) + (self.to.1 - self.from.1).powi(2)).sqrt()
    }

    /// Unit vector along the strip.
    pub fn dir(&self) -> P2 {
        let l = self.length().max(1e-6);
        ((self.to.0 - self.from.0) / l, (self.to.1 - self.from.1) / l)
    }

    /// The strip as a four-corner polygon.
    pub fn polygon(&self) -> Vec<P2> {
        let (dx, dz) = self.dir();
        let (nx, nz) = (-dz * self.width_m * 0.5, dx * self.width_m * 0.5);
        vec![(self.from.0 + nx, self.from.1 + nz), (self.to.0 + nx, self.to.1 + nz), (self.to.0 - nx, self.to.1 - nz), (self.from.0 - nx, self.from.1 - nz)]
    }

    pub fn contains(&self, p: P2) -> bool {
        segment_distance(p, self.from, self.to).0 <= self.width_m * 0.5
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn square_contains_and_area() {
        let sq = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)];
        assert_eq!(area(&sq), 100.0);
        assert!(contains(&sq, (5.0, 5.0)));
        assert!(!contains(&sq, (15.0, 5.0)));
        assert!(self_intersection(&sq).is_none());
        let bow = [(0.0, 0.0), (10.0, 10.0), (10.0, 0.0), (0.0, 10.0)];
        assert!(self_intersection(&bow).is_some());
    }
}

/// A 64-bit mixing function (SplitMix64's finaliser): spreads every input bit over the output,
/// for checksums that must catch any difference.
#[inline]
pub fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The mean of a polygon's corners (its centre for the convex areas scenarios use).
pub fn centroid(poly: &[P2]) -> P2 {
    let n = poly.len().max(1) as f32;
    let s = poly.iter().fold((0.0, 0.0), |a, p| (a.0 + p.0, a.1 + p.1));
    (s.0 / n, s.1 / n)
}
