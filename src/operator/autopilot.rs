//! The autopilot: works the hazard area in straight parallel lanes from the start lane,
//! turning outside the area, at a given speed and overlap, optionally skipping lanes. Tests
//! drive it, the headless demo shows it, and it is the expert a trainee is compared with.

use super::boom_pilot::BoomPilot;
use super::steering::{AutopilotOptions, norm, pivot_rate, track_levers, wrap, yaw_of};
use crate::command::OperatorCommand;
use crate::field::Field;
use crate::geom::P2;
use crate::machine::{MachineSpec, MachineState};
use crate::scenario::Scenario;
use crate::lanes::{LaneFrame, band_extent};

#[derive(Clone, Debug, PartialEq)]
enum Leg {
    /// Follow the line; `work` lanes lower the tool over the area.
    Line { from: P2, to: P2, work: Option<(f32, f32)> },
    /// Turn on the spot to face `dir`.
    Pivot { dir: P2 },
    /// Stand and let the rotor spin up (tool stays raised).
    SpinUp,
}

#[derive(Clone, Debug)]
pub struct Autopilot {
    /// A boom machine's own pattern (sweep, check, advance) replaces the lanes.
    boom: Option<Box<BoomPilot>>,
    legs: Vec<Leg>,
    next: usize,
    opts: AutopilotOptions,
    frame: LaneFrame,
    start: P2,
    start_dir: P2,
    required_cm: f32,
    lanes_planned: u32,
    /// Commands given so far (one per tick).
    ticks: u64,
}

impl Autopilot {
    /// Plans the lanes for `scenario` and `machine` on `field`.
    pub fn plan(s: &Scenario, m: &MachineSpec, field: &Field, frame: &LaneFrame, opts: AutopilotOptions) -> Autopilot {
        let boom = m.has_boom().then(|| Box::new(BoomPilot::plan(s, m, field, frame, opts.clone())));
        let mut f = frame.clone();
        if let Some(o) = opts.overlap_m {
            f.overlap = o;
            f.spacing = f.working_width - o;
        }
        let tool_offset = m.chassis_m.0 * 0.5 + m.tool.reach_m;
        // Turn beyond the lanes' ends so the raised tool and the body stay off unprocessed
        // ground, and no further: each lane's own extent, not the whole area's (an L-shaped
        // area's short lanes turn in its notch, close to the area and clear of obstacles).
        let clear = tool_offset + m.tool.working_width_m * 0.5 + 1.5;
        let lanes = f.lane_count();
        // Every lane's extent along the lanes; a lane the area does not reach has none.
        let extents: Vec<Option<(f32, f32)>> = (1..=lanes)
            .map(|k| {
                let b = f.lane_centre(k);
                band_extent(&f, &s.hazard_area, b - f.working_width * 0.5, b + f.working_width * 0.5)
            })
            .collect();
        // Where to turn between lanes j and k (j < k, 1-based) at the low or high end: beyond
        // every lane the shift crosses, skipped ones included, and every lane the raised tool
        // reaches over ahead of the machine while it shifts across (a concave corner).
        let ahead = ((tool_offset + f.working_width) / f.spacing.max(0.1)).ceil() as u32;
        let turn_u = |j: u32, k: u32, low: bool| -> f32 {
            let last = (k + ahead).min(lanes);
            let span = extents[(j.max(1) - 1) as usize..last as usize].iter().flatten();
            if low { span.map(|e| e.0).fold(f32::INFINITY, f32::min) - clear } else { span.map(|e| e.1).fold(f32::NEG_INFINITY, f32::max) + clear }
        };
        let worked: Vec<u32> = (1..=lanes).filter(|k| !opts.skip_lanes.contains(k) && extents[(*k - 1) as usize].is_some()).collect();
        let mut legs = Vec::new();
        let start = f.to_world(f.u_range.0, 0.0);
        let mut pos_b = 0.0;
        let mut at_lo = true;
        let mut prev = 1u32;
        for (i, &k) in worked.iter().enumerate() {
            let (ua, ub) = extents[(k - 1) as usize].expect("worked lanes have an extent");
            let b = f.lane_centre(k);
            let next = worked.get(i + 1).copied().unwrap_or(k);
            // Enter where the last lane ended (turning beyond both), leave where the next begins.
            let u_here = turn_u(prev, k, at_lo);
            let u_there = turn_u(k, next, !at_lo);
            // Shift across to the lane outside the area, then face along it.
            legs.push(Leg::Pivot { dir: f.n });
            if i == 0 {
                legs.push(Leg::SpinUp);
            }
            if (b - pos_b).abs() > 0.01 {
                legs.push(Leg::Line { from: f.to_world(u_here, pos_b), to: f.to_world(u_here, b), work: None });
            }
            let dir = if at_lo { f.u } else { (-f.u.0, -f.u.1) };
            legs.push(Leg::Pivot { dir });
            legs.push(Leg::Line { from: f.to_world(u_here, b), to: f.to_world(u_there, b), work: Some((ua, ub)) });
            pos_b = b;
            at_lo = !at_lo;
            prev = k;
        }
        if boom.is_some() {
            legs.clear();
        }
        Autopilot { boom, legs, next: 0, opts, start, start_dir: f.n, frame: f, required_cm: s.required_depth_cm, lanes_planned: lanes, ticks: 0 }
    }

    /// Where the machine starts: on the start lane, beside the first lane's end, facing the area.
    pub fn start_pose(&self) -> (P2, P2) {
        match &self.boom {
            Some(b) => b.start_pose(),
            None => (self.start, self.start_dir),
        }
    }

    /// Lanes planned; for a boom machine, sweeps.
    pub fn lanes_planned(&self) -> u32 {
        match &self.boom {
            Some(b) => b.sweeps_planned(),
            None => self.lanes_planned,
        }
    }

    /// Lanes over the area (for a boom machine, columns of sweeps): what `skip_lanes` counts.
    pub fn lanes(&self) -> u32 {
        match &self.boom {
            Some(b) => b.columns(),
            None => self.frame.lane_count(),
        }
    }

    pub fn done(&self) -> bool {
        match &self.boom {
            Some(b) => b.done(),
            None => self.next >= self.legs.len(),
        }
    }

    /// Working speed for the ground ahead of the tool, km/h.
    fn working_speed(&self, m: &MachineState, field: &Field) -> f32 {
        if let Some(v) = self.opts.speed_kmh {
            return v;
        }
        let (hx, hz) = m.heading_xz();
        let t = m.tool_xz();
        // The hardest going across the tool's width, at the tool and a metre ahead of it.
        let half = m.spec.tool.working_width_m * 0.45;
        let mut worst: f32 = 0.0;
        for ahead in [0.0f32, 1.0] {
            for side in [-1.0f32, 0.0, 1.0] {
                let p = (t.0 + hx * ahead - hz * half * side, t.1 + hz * ahead + hx * half * side);
                worst = worst.max(field.soil_at(p.0, p.1).hardness * field.vegetation_resistance(p.0, p.1));
            }
        }
        let v = 0.9 * m.max_speed_for_depth_kmh(self.required_cm * 1.05, worst);
        v.clamp(m.spec.speed.working_kmh.0, m.spec.speed.working_kmh.1)
    }

    /// This tick's command, from the machine's state (and, for the boom pattern's checks, the
    /// ground processed so far).
    pub fn command(&mut self, m: &MachineState, field: &Field, cov: &crate::clearing::Coverage) -> OperatorCommand {
        self.ticks += 1;
        if self.opts.leave_at_s.is_some_and(|t| self.ticks as f64 >= t as f64 * crate::tick::TICK_HZ) {
            let mut c = OperatorCommand::quantize(0.0, 0.0, -20.0, 0.0);
            c.flags |= OperatorCommand::FINISH;
            return c;
        }
        if let Some(b) = &mut self.boom {
            return b.command(m, field, cov);
        }
        // An expert lowers the tool into hollows and ditches and lifts it over humps, so the
        // depth reached stays on target whatever the chassis is standing on.
        // Across the whole width: the depth is set for the spot where the ground falls
        // furthest below the chassis, so no part of the swath is left short.
        let tool = m.tool_xz();
        let plane = m.tool_plane();
        let (hx, hz) = m.heading_xz();
        let half = m.spec.tool.working_width_m * 0.5;
        let mismatch_cm = [-1.0f32, -0.5, 0.0, 0.5, 1.0]
            .iter()
            .map(|side| {
                let p = (tool.0 - hz * half * side, tool.1 + hx * half * side);
                (field.height_at(p.0, p.1) - plane.plane_y(p.0, p.1)) * 100.0
            })
            .fold(f32::INFINITY, f32::min);
        let depth = (self.required_cm + 3.0 - crate::machine::TERRAIN_RESIDUAL * mismatch_cm).clamp(1.0, m.spec.tool.depth_cm.1);
        let raised = -20.0;
        let h = m.heading_xz();
        // Steer by the point midway between the tool and the rear of the running gear: when
        // the machine must hold a small angle to its lane (a side slope, a slide), the tool and
        // the rear then stray equally and the tracks stay inside the processed swath.
        let rear = m.spec.chassis_m.0 * 0.45;
        let mid = (m.tool_offset() - rear) * 0.5;
        let steer_from = (m.pos.x + h.0 * mid, m.pos.z + h.1 * mid);
        let pos = (m.pos.x, m.pos.z);
        let levers = |v: f32, w: f32| track_levers(&m.spec, v, w);
        loop {
            let Some(leg) = self.legs.get(self.next).cloned() else {
                let mut c = OperatorCommand::quantize(0.0, 0.0, raised, 0.0);
                c.flags |= OperatorCommand::FINISH;
                return c;
            };
            match leg {
                Leg::SpinUp => {
                    if m.rotor >= 0.95 {
                        self.next += 1;
                        continue;
                    }
                    return OperatorCommand::quantize(0.0, 0.0, raised, 1.0);
                }
                Leg::Pivot { dir } => {
                    let err = wrap(yaw_of(dir) - yaw_of(h));
                    if err.abs() < 0.004 {
                        self.next += 1;
                        continue;
                    }
                    let (l, r) = levers(0.0, pivot_rate(err, 1.2, 0.3));
                    return OperatorCommand::quantize(l, r, raised, 1.0);
                }
                Leg::Line { from, to, work } => {
                    let t = norm((to.0 - from.0, to.1 - from.1));
                    let len = ((to.0 - from.0).powi(2) + (to.1 - from.1).powi(2)).sqrt();
                    let s = (pos.0 - from.0) * t.0 + (pos.1 - from.1) * t.1;
                    if s >= len {
                        self.next += 1;
                        continue;
                    }
                    // Pure pursuit: aim at a point ahead on the line.
                    let look = 3.0;
                    let s_steer = (steer_from.0 - from.0) * t.0 + (steer_from.1 - from.1) * t.1;
                    let aim = (from.0 + t.0 * (s_steer + look), from.1 + t.1 * (s_steer + look));
                    let d = norm((aim.0 - steer_from.0, aim.1 - steer_from.1));
                    let err = wrap(yaw_of(d) - yaw_of(h));
                    let w = (1.0 * err).clamp(-0.25, 0.25);
                    // The tool works from just before the area to just past it.
                    let (tool_cm, v_kmh) = match work {
                        Some((ua, ub)) => {
                            let tu = self.frame.to_uv(m.tool_xz()).0;
                            let forward = t.0 * self.frame.u.0 + t.1 * self.frame.u.1 > 0.0;
                            let (entry, exit) = if forward { (ua, ub) } else { (-ub, -ua) };
                            let tu = if forward { tu } else { -tu };
                            let near = tu > entry - 1.0 && tu < exit + 1.0;
                            let arm = tu > entry - 4.0 && tu < exit + 1.0;
                            let ready = m.tool_cm >= depth - 1.5;
                            // Slow to working speed before lowering the tool, and keep it slow
                            // until the tool is up again (a tool in the ground at speed stalls).
                            let v = if near || m.tool_cm > 0.0 {
                                if ready || tu > entry || !near { self.working_speed(m, field) } else { 0.0 }
                            } else {
                                (self.working_speed(m, field) * 3.0).min(m.spec.speed.max_travel_kmh * 0.6)
                            };
                            // Approaching: hold the tool just clear of the ground; over the area: at depth.
                            let tool = if near {
                                depth
                            } else if arm {
                                -2.0
                            } else {
                                raised
                            };
                            (tool, v)
                        }
                        None => (raised, (m.spec.speed.max_travel_kmh * 0.5).min(3.0)),
                    };
                    // Brake in time to stop at the leg's end (not overshoot it and start the
                    // next leg off its line): 0.5 m/s², within the drive's 0.6.
                    let v_stop = (2.0 * 0.5 * (len - s).max(0.0)).sqrt() + 0.05;
                    let v = (v_kmh / 3.6).min(v_stop) * if err.abs() > 0.35 { 0.0 } else { 1.0 };
                    let (l, r) = levers(v, w);
                    return OperatorCommand::quantize(l, r, tool_cm, 1.0);
                }
            }
        }
    }
}
