//! The autopilot for a boom-mounted cutter: sweep, check, advance.
//!
//! The area is worked in columns running away from the start lane (the road). In each column
//! the base stands on safe ground facing into the area; the boom sweeps the cutter across the
//! column in arcs, nearest first, each reach a little less than the drum's width beyond the
//! last; then the ground the tracks will cross is checked (any unprocessed cell under the
//! track path is swept again); then the base creeps forward onto processed ground and the
//! next set of sweeps begins. At the far side the base backs out along its own processed path
//! to the road and moves to the next column. Sweeps stop short of trees and rocks.

use crate::command::OperatorCommand;
use crate::clearing::Coverage;
use crate::field::Field;
use crate::geom::{self, P2};
use crate::machine::{BOOM_LOWEST_CM, BOOM_TERRAIN_RESIDUAL, MachineSpec, MachineState, drum_hits_own_machine};
use crate::scenario::Scenario;
use crate::lanes::LaneFrame;

use super::steering::{AutopilotOptions, norm, pivot_rate, track_levers, wrap, yaw_of};

/// Half the width of a column of sweeps, metres.
const COLUMN_HALF_M: f32 = 3.5;
/// Nearest reach the autopilot sweeps at (just ahead of its own tracks), metres.
const MIN_WORK_REACH_M: f32 = 2.85;
/// Reach at which the boom slews between sweeps: clear of the machine at any slew, metres.
const HOME_REACH_M: f32 = 3.8;
/// Height the cutter is carried at when not cutting, cm above the ground line.
const CARRY_CM: f32 = -25.0;
/// Height it is lifted to between sweeps, cm.
const LIFT_CM: f32 = -6.0;
/// Clearance kept from trees and rocks when a sweep stops short of one, metres.
const OBSTACLE_MARGIN_M: f32 = 0.45;

#[derive(Clone, Debug, PartialEq)]
enum Step {
    /// Stand and let the rotor spin up.
    SpinUp,
    /// Turn on the spot to face `dir`.
    Pivot { dir: P2 },
    /// Drive forward along a line, cutter carried.
    Drive { from: P2, to: P2 },
    /// Back along a line (facing `face`) to `to`, cutter carried.
    Back { to: P2, face: P2 },
    /// Set the cutter to depth (true) or carry it (false) and wait until it is there.
    Cutter { down: bool },
    /// Lift the cutter just clear of the ground between sweeps.
    Lift,
    /// Move the boom to (slew, reach); `cut` moves at sweep speed with the cutter working.
    Boom { slew_deg: f32, reach_m: f32, cut: bool },
    /// Before advancing the base to `to`: sweep again any unprocessed ground under the path;
    /// if it cannot be processed from here, the column ends here (no advance).
    Check { to: P2 },
    /// Where a column's work ends and the base backs out (a check that fails jumps here).
    ColumnEnd,
}

/// What a check before an advance found.
enum CheckResult {
    Clear,
    Fix(Vec<Step>),
    CannotFix,
}

/// A planned sweep: reach and slew range (from, to), degrees.
#[derive(Clone, Copy, Debug)]
struct Sweep {
    reach: f32,
    from: f32,
    to: f32,
}

#[derive(Clone, Debug)]
pub struct BoomPilot {
    steps: Vec<Step>,
    next: usize,
    opts: AutopilotOptions,
    start: P2,
    start_dir: P2,
    required_cm: f32,
    sweeps_planned: u32,
    /// Columns of sweeps over the area (skipped ones included).
    columns: u32,
    /// Corrective sweeps inserted by checks (a check retries a spot at most twice).
    rechecks: u32,
    /// Trees and rocks (x, z, radius): the cutter is stopped short of them as it moves.
    obstacles: Vec<(f32, f32, f32)>,
}

/// The across-lane (n) extent of the area within the along-lane (u) band `u0`–`u1`.
fn n_extent(f: &LaneFrame, poly: &[P2], u0: f32, u1: f32) -> Option<(f32, f32)> {
    let (mut lo, mut hi) = (f32::INFINITY, f32::NEG_INFINITY);
    let mut n = f.n_range.0;
    while n <= f.n_range.1 + 1e-3 {
        for k in 0..=8 {
            let u = u0 + (u1 - u0) * k as f32 / 8.0;
            if geom::contains(poly, f.to_world(u, n)) {
                lo = lo.min(n);
                hi = hi.max(n);
            }
        }
        n += 0.25;
    }
    (lo <= hi).then_some((lo, hi))
}

impl BoomPilot {
    pub fn plan(s: &Scenario, m: &MachineSpec, field: &Field, frame: &LaneFrame, opts: AutopilotOptions) -> BoomPilot {
        let boom = m.boom.clone().expect("a boom machine");
        let w = m.tool.working_width_m;
        let overlap = opts.overlap_m.unwrap_or(frame.overlap);
        let spacing = (w - overlap).max(0.2);
        let r_lo = MIN_WORK_REACH_M.max(boom.reach_m.0);
        let r_hi = boom.reach_m.1 - 0.05;
        let home = HOME_REACH_M.clamp(boom.reach_m.0, r_hi);
        // Forward advance per set of sweeps: the new ring of sweeps overlaps the last by the overlap.
        let advance = ((r_hi + w * 0.5) - (r_lo - w * 0.5) - overlap - 0.6).max(1.0);
        // Slew to the right of the heading (facing n) moves the drum along `right`.
        let right = (-frame.n.1, frame.n.0);
        let sigma = if right.0 * frame.u.0 + right.1 * frame.u.1 >= 0.0 { 1.0 } else { -1.0 };
        // Columns narrow enough that, where the whole depth of the area is within reach from
        // the start lane, the arcs' ends still reach its far corners (no cusps left between
        // columns, and no advance onto the bank beyond the road).
        let reach_all = boom.reach_m.1 - 0.05 + w * 0.5 - 0.1;
        let depth_from_lane = frame.n_range.1 - boom.pivot_m;
        let h = if depth_from_lane < reach_all {
            COLUMN_HALF_M.min((reach_all * reach_all - depth_from_lane * depth_from_lane).sqrt()).max(1.0)
        } else {
            COLUMN_HALF_M
        };
        let pivot = boom.pivot_m;
        let obstacles: Vec<(f32, f32, f32)> = field.trees.iter().chain(field.rocks.iter()).map(|o| (o.x, o.z, o.radius_m)).collect();

        let (u_lo, u_hi) = frame.u_range;
        let mut steps = vec![Step::Pivot { dir: frame.n }, Step::SpinUp];
        let mut uc = u_lo + h - overlap;
        let start = frame.to_world(uc, 0.0);
        let mut base_u = uc;
        let mut sweep_no = 0u32;
        // Where the boom is at this point of the plan (slew, reach).
        let mut at = (0.0f32, (boom.reach_m.0 + boom.reach_m.1) * 0.5);
        let mut first_column = true;
        let mut column_no = 0u32;
        while uc - h < u_hi {
            if let Some((n_near, n_far)) = n_extent(frame, &s.hazard_area, uc - h, uc + h) {
                // A skipped lane is a skipped column of sweeps (a trainee leaving a strip out).
                column_no += 1;
                if opts.skip_lanes.contains(&column_no) {
                    uc += 2.0 * h;
                    continue;
                }
                if !first_column {
                    // Along the road to the column, then face into the area.
                    let dir = if uc > base_u { frame.u } else { (-frame.u.0, -frame.u.1) };
                    steps.push(Step::Pivot { dir });
                    steps.push(Step::Drive { from: frame.to_world(base_u, 0.0), to: frame.to_world(uc, 0.0) });
                    steps.push(Step::Pivot { dir: frame.n });
                }
                first_column = false;
                base_u = uc;
                let mut n_base = 0.0f32;
                let mut k = 0;
                loop {
                    let pn = n_base + pivot;
                    let pu = uc;
                    // Reaches this position needs, nearest first: bands not already worked
                    // from the previous position, and touching the area.
                    let mut reaches = Vec::new();
                    let mut r = r_lo;
                    while r <= r_hi + 1e-3 {
                        let covered_before = k > 0 && r + w * 0.5 <= (r_hi + w * 0.5) - advance - 0.05;
                        let s_max = libm::asinf(((h + w * 0.5) / r).min(1.0));
                        let touches = pn + r + w * 0.5 > n_near && pn + r * libm::cosf(s_max) - w * 0.5 < n_far;
                        if !covered_before && touches {
                            reaches.push(r);
                        }
                        r += spacing;
                    }
                    if reaches.last().is_none_or(|&l| l < r_hi - spacing * 0.5) && pn + r_hi - w < n_far {
                        reaches.push(r_hi);
                    }
                    // Whether the drum at (slew, reach) from this position is clear of the
                    // machine itself and of every tree and rock.
                    let clear = |slew: f32, reach: f32| -> bool {
                        if drum_hits_own_machine(m, slew, reach) {
                            return false;
                        }
                        let (sn, cs) = libm::sincosf(slew.to_radians());
                        let c = frame.to_world(pu + sigma * reach * sn, pn + reach * cs);
                        obstacles.iter().all(|&(x, z, rad)| ((x - c.0).powi(2) + (z - c.1).powi(2)).sqrt() > rad + w * 0.5 + OBSTACLE_MARGIN_M * 0.5)
                    };
                    // Every sweep starts on the side already worked (the previous column, or
                    // outside the area), so the cutter is never lowered onto new ground.
                    let from_sign = -sigma;
                    let wanted = |p: P2| geom::contains(&s.hazard_area, p) || geom::boundary_distance(&s.hazard_area, p) < w * 0.5 + 0.2;
                    for r in reaches {
                        sweep_no += 1;
                        let half = ((h + w * 0.5) / r).min(1.0);
                        let mut s_max = libm::asinf(half).to_degrees().min(boom.slew_deg - 1.0);
                        // Close in, the sweep stops short of the machine's own track corners.
                        if let Some(first_hit) =
                            (0..=(s_max * 2.0) as u32).map(|i| i as f32 * 0.5).find(|&a| drum_hits_own_machine(m, a, r) || drum_hits_own_machine(m, -a, r))
                        {
                            s_max = (first_hit - 2.0).max(0.0);
                        }
                        if s_max < 3.0 {
                            continue;
                        }
                        let centre = |slew: f32| -> P2 {
                            let (sn, cs) = libm::sincosf(slew.to_radians());
                            frame.to_world(pu + sigma * r * sn, pn + r * cs)
                        };
                        let (a, b) = (from_sign * s_max, -from_sign * s_max);
                        for sw in free_arcs(a, b, r, w, &centre, &obstacles, &wanted) {
                            // To the sweep's start by a path clear of trees, rocks and the
                            // machine; a sweep that cannot be reached is left out.
                            let mut to_start = vec![Step::Lift];
                            if !plan_move(&mut to_start, &mut at, (sw.from, sw.reach), home, &clear) {
                                continue;
                            }
                            steps.extend(to_start);
                            steps.push(Step::Cutter { down: true });
                            steps.push(Step::Boom { slew_deg: sw.to, reach_m: sw.reach, cut: true });
                            at = (sw.to, sw.reach);
                        }
                    }
                    steps.push(Step::Cutter { down: false });
                    // Done with this column once the far sweeps reach past its far side, corners
                    // included (the arc's ends fall short of its apex).
                    let corner = (h * h + (n_far - pn).max(0.0).powi(2)).sqrt();
                    if corner <= r_hi + w * 0.5 - 0.1 {
                        break;
                    }
                    let next = frame.to_world(uc, n_base + advance);
                    plan_move(&mut steps, &mut at, (0.0, home), home, &clear);
                    steps.push(Step::Check { to: next });
                    steps.push(Step::Drive { from: frame.to_world(uc, n_base), to: next });
                    n_base += advance;
                    k += 1;
                }
                // Back out along the processed path to the road.
                steps.push(Step::ColumnEnd);
                boom_to(&mut steps, &mut at, (0.0, home), home);
                if n_base > 0.0 {
                    steps.push(Step::Back { to: frame.to_world(uc, 0.0), face: frame.n });
                }
            }
            uc += 2.0 * h;
        }
        BoomPilot {
            steps,
            next: 0,
            opts,
            start,
            start_dir: frame.n,
            required_cm: s.required_depth_cm,
            sweeps_planned: sweep_no,
            columns: column_no,
            rechecks: 0,
            obstacles,
        }
    }

    pub fn start_pose(&self) -> (P2, P2) {
        (self.start, self.start_dir)
    }

    /// Whether `p` lies on the start lane's line (where the base moves between columns).
    fn on_road(&self, p: P2) -> bool {
        let d = (p.0 - self.start.0) * self.start_dir.0 + (p.1 - self.start.1) * self.start_dir.1;
        d.abs() < 0.5
    }

    pub fn sweeps_planned(&self) -> u32 {
        self.sweeps_planned
    }

    pub fn columns(&self) -> u32 {
        self.columns
    }

    pub fn done(&self) -> bool {
        self.next >= self.steps.len()
    }

    /// Sweep speed for the hardest ground under the drum and just ahead of it, km/h.
    fn sweep_speed(&self, m: &MachineState, field: &Field) -> f32 {
        if let Some(v) = self.opts.speed_kmh {
            return v;
        }
        let d = m.tool_xz();
        let ((ax, az), (cx, cz)) = m.tool_axes();
        let half = m.spec.tool.working_width_m * 0.45;
        let mut hard: f32 = 1.0;
        for ahead in [-0.6f32, 0.0, 0.6] {
            for k in [-1.0f32, 0.0, 1.0] {
                let p = (d.0 + ax * ahead + cx * half * k, d.1 + az * ahead + cz * half * k);
                // Only the hazard area must reach the depth (the road beside it need not).
                if !geom::contains(&field.hazard_area, p) {
                    continue;
                }
                hard = hard.max(field.soil_at(p.0, p.1).hardness * field.vegetation_resistance(p.0, p.1));
            }
        }
        let v = 0.9 * m.max_speed_for_depth_kmh(self.required_cm * 1.05, hard);
        v.clamp(m.spec.speed.working_kmh.0, m.spec.speed.working_kmh.1)
    }

    /// Depth setting that makes the whole drum reach the required depth: the drum lies along
    /// the boom, so across a ditch edge one end sits higher than the other; an expert sets it
    /// for the higher end.
    fn cutting_cm(&self, m: &MachineState, field: &Field) -> f32 {
        let d = m.tool_xz();
        let (_, (cx, cz)) = m.tool_axes();
        let half = m.spec.tool.working_width_m * 0.45;
        let plane = m.tool_plane();
        let set = [-1.0f32, 0.0, 1.0]
            .iter()
            .map(|k| {
                let p = (d.0 + cx * half * k, d.1 + cz * half * k);
                let mismatch_cm = (field.height_at(p.0, p.1) - plane.plane_y(p.0, p.1)) * 100.0;
                self.required_cm + 3.0 - BOOM_TERRAIN_RESIDUAL * mismatch_cm
            })
            .fold(f32::NEG_INFINITY, f32::max);
        set.clamp(1.0, BOOM_LOWEST_CM)
    }

    pub fn command(&mut self, m: &MachineState, field: &Field, cov: &Coverage) -> OperatorCommand {
        let (Some(b), Some(spec)) = (m.boom, m.spec.boom.clone()) else {
            return OperatorCommand::default();
        };
        let pos = (m.pos.x, m.pos.z);
        let h = m.heading_xz();
        let levers = |v: f32, w: f32| track_levers(&m.spec, v, w);
        let carry = CARRY_CM;
        loop {
            let Some(step) = self.steps.get(self.next).cloned() else {
                let mut c = OperatorCommand::quantize(0.0, 0.0, carry, 0.0);
                c.flags |= OperatorCommand::FINISH;
                return c;
            };
            match step {
                Step::SpinUp => {
                    if m.rotor >= 0.95 {
                        self.next += 1;
                        continue;
                    }
                    return OperatorCommand::quantize(0.0, 0.0, carry, 1.0);
                }
                Step::Pivot { dir } => {
                    let err = wrap(yaw_of(dir) - yaw_of(h));
                    if err.abs() < 0.004 {
                        self.next += 1;
                        continue;
                    }
                    let (l, r) = levers(0.0, pivot_rate(err, 1.5, 0.45));
                    return OperatorCommand::quantize(l, r, carry, 1.0);
                }
                Step::Drive { from, to } => {
                    let t = norm((to.0 - from.0, to.1 - from.1));
                    let len = ((to.0 - from.0).powi(2) + (to.1 - from.1).powi(2)).sqrt();
                    let s = (pos.0 - from.0) * t.0 + (pos.1 - from.1) * t.1;
                    if s >= len - 0.02 {
                        self.next += 1;
                        continue;
                    }
                    let aim = (from.0 + t.0 * (s + 2.5), from.1 + t.1 * (s + 2.5));
                    let d = norm((aim.0 - pos.0, aim.1 - pos.1));
                    let err = wrap(yaw_of(d) - yaw_of(h));
                    let w = err.clamp(-0.25, 0.25);
                    // Creep the last metre so the base stops where it was checked; on the start
                    // lane (safe ground) travel faster.
                    let v_kmh = if len - s < 1.0 {
                        0.6
                    } else if self.on_road(to) {
                        3.5
                    } else {
                        1.8
                    };
                    let v = v_kmh / 3.6 * if err.abs() > 0.35 { 0.0 } else { 1.0 };
                    let (l, r) = levers(v, w);
                    return OperatorCommand::quantize(l, r, carry, 1.0);
                }
                Step::Back { to, face } => {
                    let f = norm(face);
                    let s = (pos.0 - to.0) * f.0 + (pos.1 - to.1) * f.1;
                    if s <= 0.02 {
                        self.next += 1;
                        continue;
                    }
                    // Hold the heading and the line while reversing.
                    let lateral = (pos.0 - to.0) * -f.1 + (pos.1 - to.1) * f.0;
                    let err = wrap(yaw_of(f) - yaw_of(h)) - (lateral * 0.3).clamp(-0.2, 0.2);
                    let w = err.clamp(-0.2, 0.2);
                    let v_kmh = if s < 1.0 { 0.6 } else { 1.8 };
                    let (l, r) = levers(-v_kmh / 3.6, w);
                    return OperatorCommand::quantize(l, r, carry, 1.0);
                }
                Step::Lift => {
                    if m.tool_cm <= LIFT_CM + 1.0 {
                        self.next += 1;
                        continue;
                    }
                    return OperatorCommand::quantize(0.0, 0.0, LIFT_CM, 1.0);
                }
                Step::Cutter { down } => {
                    let want = if down { self.cutting_cm(m, field) } else { carry };
                    if (m.tool_cm - want).abs() < 1.5 {
                        self.next += 1;
                        continue;
                    }
                    return OperatorCommand::quantize(0.0, 0.0, want, 1.0);
                }
                Step::Boom { slew_deg, reach_m, cut } => {
                    let ds = slew_deg - b.slew_deg;
                    let dr = reach_m - b.reach_m;
                    // Arrived; or stopped by something in the way (end the move there).
                    if (ds.abs() < 0.15 && dr.abs() < 0.01) || b.blocked.is_some() {
                        self.next += 1;
                        continue;
                    }
                    // Cutting: the drum moves at sweep speed along the arc; otherwise as fast as
                    // the hydraulics allow, easing in at the end.
                    let slew_rate = if cut { (self.sweep_speed(m, field) / 3.6 / b.reach_m.max(0.5)).to_degrees() } else { spec.slew_rate_deg_s };
                    let dt = crate::tick::TICK_S;
                    let slew_stick = (ds / dt).clamp(-slew_rate, slew_rate) / spec.slew_rate_deg_s;
                    let reach_stick = (dr / dt).clamp(-spec.reach_rate_m_s, spec.reach_rate_m_s) / spec.reach_rate_m_s;
                    // Watching the cutter: a quarter second ahead, would it come within a hand's
                    // breadth of a trunk or rock? Then this move ends here.
                    let ahead = m.drum_xz_at(b.slew_deg + slew_stick * spec.slew_rate_deg_s * 0.25, b.reach_m + reach_stick * spec.reach_rate_m_s * 0.25);
                    let reach_of_drum = m.spec.tool.working_width_m * 0.5 + 0.15;
                    if self.obstacles.iter().any(|&(x, z, r)| ((x - ahead.0).powi(2) + (z - ahead.1).powi(2)).sqrt() < r + reach_of_drum) {
                        self.next += 1;
                        continue;
                    }
                    // Between sweeps the cutter stays where the last step left it (lifted or carried).
                    let tool = if cut { self.cutting_cm(m, field) } else { m.tool_cm.min(LIFT_CM).round() };
                    return OperatorCommand::quantize(0.0, 0.0, tool, 1.0).with_boom(slew_stick, reach_stick);
                }
                Step::Check { to } => {
                    match self.recheck(m, cov, to) {
                        // The corrective sweeps end with the same check again (it is replaced).
                        CheckResult::Fix(fix) => {
                            let at = self.next;
                            self.steps.splice(at..at + 1, fix);
                        }
                        CheckResult::Clear => self.next += 1,
                        // Ground the tracks would cross cannot be processed from here (a tree
                        // in the way): never drive onto it; this column ends here.
                        CheckResult::CannotFix => {
                            self.next = (self.next..self.steps.len()).find(|&i| self.steps[i] == Step::ColumnEnd).unwrap_or(self.steps.len());
                        }
                    }
                    continue;
                }
                Step::ColumnEnd => {
                    self.next += 1;
                    continue;
                }
            }
        }
    }

    /// Looks for unprocessed hazard ground under the tracks' path to `to`: clear, sweeps that
    /// would process it, or (after six tries, or out of the drum's reach) not fixable.
    fn recheck(&mut self, m: &MachineState, cov: &Coverage, to: P2) -> CheckResult {
        let Some(spec) = m.spec.boom.clone() else { return CheckResult::Clear };
        let (hx, hz) = m.heading_xz();
        let right = (-hz, hx);
        let front = m.spec.chassis_m.0 * 0.5;
        let travel = (to.0 - m.pos.x) * hx + (to.1 - m.pos.z) * hz;
        // Every cell: a missed strip one cell wide is still a strip a track would cross.
        let Some((_, p)) = cov.unprocessed_in_track_path(m, front - 0.2, front + travel, cov.cell_m * 0.9) else {
            self.rechecks = 0;
            return CheckResult::Clear;
        };
        if self.rechecks >= 6 {
            self.rechecks = 0;
            return CheckResult::CannotFix;
        }
        self.rechecks += 1;
        let pv = m.pivot_xz();
        let (dx, dz) = (p.0 - pv.0, p.1 - pv.1);
        let reach = (dx * dx + dz * dz).sqrt().clamp(MIN_WORK_REACH_M.max(spec.reach_m.0), spec.reach_m.1 - 0.05);
        let slew = libm::atan2f(dx * right.0 + dz * right.1, dx * hx + dz * hz).to_degrees();
        let lim = spec.slew_deg - 1.0;
        // A short sweep across the spot, as far either side as the drum stays clear of the
        // machine itself all the way.
        let span = (1.5f32 / reach).to_degrees();
        let hits = |a: f32| a.abs() > lim || drum_hits_own_machine(&m.spec, a, reach);
        if hits(slew) {
            self.rechecks = 0;
            return CheckResult::CannotFix;
        }
        let (mut a, mut b) = (slew, slew);
        while a - 0.5 >= slew - span && !hits(a - 0.5) {
            a -= 0.5;
        }
        while b + 0.5 <= slew + span && !hits(b + 0.5) {
            b += 0.5;
        }
        let home = HOME_REACH_M.clamp(spec.reach_m.0, spec.reach_m.1);
        let mut steps = vec![Step::Cutter { down: false }];
        let mut at = (0.0, home);
        boom_to(&mut steps, &mut at, (a, reach), home);
        steps.push(Step::Cutter { down: true });
        steps.push(Step::Boom { slew_deg: b, reach_m: reach, cut: true });
        at = (b, reach);
        steps.push(Step::Cutter { down: false });
        boom_to(&mut steps, &mut at, (0.0, home), home);
        steps.push(Step::Check { to });
        CheckResult::Fix(steps)
    }
}

/// Plans a boom move from `at` to `to` (slew, reach) with the cutter carried, by the first of
/// three paths whose every point `clear` accepts: slew at the present reach then move along
/// the boom; along the boom then slew; or by way of the `home` reach. Returns false (adding
/// nothing) when none is clear.
fn plan_move(steps: &mut Vec<Step>, at: &mut (f32, f32), to: (f32, f32), home: f32, clear: &dyn Fn(f32, f32) -> bool) -> bool {
    let leg_clear = |a: (f32, f32), b: (f32, f32)| {
        let n = (((b.0 - a.0).abs() / 0.5).max((b.1 - a.1).abs() / 0.1)).ceil().max(1.0) as usize;
        (0..=n).all(|i| {
            let t = i as f32 / n as f32;
            clear(a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t)
        })
    };
    let candidates = [vec![(to.0, at.1), to], vec![(at.0, to.1), to], vec![(at.0, home), (to.0, home), to]];
    for path in candidates {
        let mut from = *at;
        if path.iter().all(|&p| {
            let ok = leg_clear(from, p);
            from = p;
            ok
        }) {
            for p in path {
                steps.push(Step::Boom { slew_deg: p.0, reach_m: p.1, cut: false });
            }
            *at = to;
            return true;
        }
    }
    false
}

/// Plans a boom move from `at` to `to` (slew, reach) with the cutter carried: straight out or
/// in along the boom, or pulled in to `home` reach, slewed, and pushed out again, so the drum
/// does not swing across ground at long reach.
fn boom_to(steps: &mut Vec<Step>, at: &mut (f32, f32), to: (f32, f32), home: f32) {
    if (to.0 - at.0).abs() > 1.0 {
        if (at.1 - home).abs() > 0.02 {
            steps.push(Step::Boom { slew_deg: at.0, reach_m: home, cut: false });
        }
        steps.push(Step::Boom { slew_deg: to.0, reach_m: home, cut: false });
    }
    steps.push(Step::Boom { slew_deg: to.0, reach_m: to.1, cut: false });
    *at = to;
}

/// The parts of the arc from slew `a` to `b` at reach `r` that keep the drum clear of every
/// obstacle and over ground `wanted`, in sweep order.
fn free_arcs(a: f32, b: f32, r: f32, w: f32, centre: &dyn Fn(f32) -> P2, obstacles: &[(f32, f32, f32)], wanted: &dyn Fn(P2) -> bool) -> Vec<Sweep> {
    let n = ((b - a).abs() / 0.5).ceil().max(1.0) as usize;
    // Clear of obstacles, and over ground that needs the cutter (the area and its edge).
    let clear = |slew: f32| {
        let c = centre(slew);
        wanted(c) && obstacles.iter().all(|&(x, z, rad)| ((x - c.0).powi(2) + (z - c.1).powi(2)).sqrt() > rad + w * 0.5 + OBSTACLE_MARGIN_M)
    };
    let mut out = Vec::new();
    let mut run: Option<f32> = None;
    let mut last_free = a;
    for i in 0..=n {
        let s = a + (b - a) * i as f32 / n as f32;
        if clear(s) {
            run.get_or_insert(s);
            last_free = s;
        } else if let Some(st) = run.take()
            && (last_free - st).abs() > 1.0
        {
            out.push(Sweep { reach: r, from: st, to: last_free });
        }
    }
    if let Some(st) = run
        && (last_free - st).abs() > 1.0
    {
        out.push(Sweep { reach: r, from: st, to: last_free });
    }
    out
}
