//! Smooth 2D value noise from an integer hash: only adds, multiplies and floors, so it gives
//! the same bits on every platform (no libm calls), which seeded generation relies on.

/// A seeded noise source; `seed` comes from the purpose's own random stream.
#[derive(Clone, Copy, Debug)]
pub struct ValueNoise {
    pub seed: u64,
}

fn hash(seed: u64, ix: i64, iz: i64) -> u64 {
    // SplitMix64-style finaliser over the lattice coordinates.
    let mut h = seed ^ (ix as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (iz as u64).wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
    h ^= h >> 30;
    h = h.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94D0_49BB_1331_11EB);
    h ^ (h >> 31)
}

/// Lattice value in [-1, 1].
fn lattice(seed: u64, ix: i64, iz: i64) -> f32 {
    (hash(seed, ix, iz) >> 40) as f32 / (1u64 << 23) as f32 - 1.0
}

fn smooth(t: f32) -> f32 {
    t * t * (3.0 - 2.0 * t)
}

impl ValueNoise {
    /// Noise in [-1, 1] at (x, z) with lattice spacing 1.
    pub fn sample(&self, x: f32, z: f32) -> f32 {
        let (fx, fz) = (x.floor(), z.floor());
        let (ix, iz) = (fx as i64, fz as i64);
        let (tx, tz) = (smooth(x - fx), smooth(z - fz));
        let a = lattice(self.seed, ix, iz);
        let b = lattice(self.seed, ix + 1, iz);
        let c = lattice(self.seed, ix, iz + 1);
        let d = lattice(self.seed, ix + 1, iz + 1);
        let top = a + (b - a) * tx;
        let bot = c + (d - c) * tx;
        top + (bot - top) * tz
    }

    /// Fractal sum of `octaves` layers at base `wavelength` metres, in about [-1, 1].
    pub fn fbm(&self, x: f32, z: f32, wavelength: f32, octaves: u32) -> f32 {
        let mut sum = 0.0;
        let mut amp = 1.0;
        let mut norm = 0.0;
        let mut freq = 1.0 / wavelength;
        for o in 0..octaves {
            let layer = ValueNoise { seed: self.seed.wrapping_add(o as u64 * 0x51_7CC1_B727_220A) };
            sum += amp * layer.sample(x * freq + o as f32 * 17.3, z * freq - o as f32 * 9.1);
            norm += amp;
            amp *= 0.5;
            freq *= 2.0;
        }
        sum / norm
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn noise_is_bounded_and_seed_dependent() {
        let a = ValueNoise { seed: 1 };
        let b = ValueNoise { seed: 2 };
        let mut differs = false;
        for i in 0..1000 {
            let (x, z) = (i as f32 * 0.37, i as f32 * 0.11);
            let v = a.fbm(x, z, 10.0, 4);
            assert!((-1.0..=1.0).contains(&v));
            differs |= v != b.fbm(x, z, 10.0, 4);
        }
        assert!(differs);
    }
}
