//! Field generation benchmark: a 1 km x 1 km field with 20,000 mines.
//! Prints the median generation time over several runs and the peak heap in use.
//! Run with `cargo bench --bench generate`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use mineclear::field;
use mineclear::scenario::{self, Amount, Layout as MineLayout, MineGroup, MineKind, Region, SoilKind, SoilZone};

/// Counts live heap bytes and their high-water mark.
struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(l) };
        if !p.is_null() {
            let now = LIVE.fetch_add(l.size(), Ordering::Relaxed) + l.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) };
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn main() {
    let mut s = scenario::load_builtin("first_lesson").unwrap().unwrap().scenario;
    s.field.size_m = (1000.0, 1000.0);
    s.field.relief.amplitude_m = 1.0;
    s.field.soils.push(SoilZone { soil: SoilKind::Clay, region: Region::Patches { share: 0.3, size_m: 40.0 }, hardness: None, moisture_pct: None });
    s.field.obstacles.trees = 500;
    s.field.obstacles.rocks = 300;
    s.field.obstacles.tree_region = None;
    s.hazard_area = vec![(50.0, 50.0), (950.0, 60.0), (940.0, 900.0), (60.0, 940.0)];
    s.start_lane = mineclear::geom::Strip { from: (40.0, 970.0), to: (960.0, 970.0), width_m: 5.0 };
    s.mines.groups = vec![
        MineGroup { kind: MineKind::ApBlast, amount: Amount::Count(12_000), depth_cm: (0.0, 10.0), layout: MineLayout::Scatter },
        MineGroup {
            kind: MineKind::ApFragmentation,
            amount: Amount::Count(3_000),
            depth_cm: (0.0, 5.0),
            layout: MineLayout::Clusters { clusters: 60, radius_m: 8.0 },
        },
        MineGroup {
            kind: MineKind::At,
            amount: Amount::Count(5_000),
            depth_cm: (5.0, 20.0),
            layout: MineLayout::Rows { angle_deg: 10.0, row_spacing_m: 8.0, spacing_m: 4.0, jitter_m: 0.5 },
        },
    ];
    let machine = scenario::find_machine("mv4", None).unwrap().spec;
    let mut findings = scenario::Findings::default();
    scenario::validate_scenario(&s, Some(&machine), &mut findings);
    assert!(findings.0.is_empty(), "bench scenario invalid: {:?}", findings.0);

    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let mut times = Vec::new();
    let mut mines = 0;
    for seed in 0..7 {
        let t = Instant::now();
        let f = field::generate(&s, seed);
        times.push(t.elapsed().as_secs_f64());
        mines = f.mines.len();
        drop(f);
    }
    times.sort_by(f64::total_cmp);
    let peak_mb = (PEAK.load(Ordering::Relaxed) - base) as f64 / 1e6;
    println!("field generation, 1 km x 1 km, {mines} mines, 0.5 m terrain grid ({} vertices)", 2001 * 2001);
    println!("  median {:.3} s   min {:.3} s   max {:.3} s   over {} runs", times[times.len() / 2], times[0], times[times.len() - 1], times.len());
    println!("  peak heap during generation {peak_mb:.1} MB");
    println!("  targets: under 1 s and under 300 MB");
}
