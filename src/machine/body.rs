//! The machine as a rapier body on the terrain: tracked drive from the levers, the tool
//! raised and lowered to the commanded setting, the rotor, and the machine's condition.

use bevy::prelude::*;
use bevy_rapier3d::prelude::*;

use super::MachineSpec;
use super::spec::RunningGear;
use super::tool::ToolHealth;
use crate::field::Field;
use crate::command::OperatorCommand;
use crate::tick::{Ground, SimEntity, SimSet, TICK_S};

/// Marks the machine's rigid body. The sim drives it and reads it back in rapier itself
/// (`drive_machine`, `sense_machine`), so its ECS `Transform` stays where it was spawned: the
/// live pose is `MachineState`'s.
#[derive(Component)]
pub struct MachineBody;

/// The machine's state beyond its rigid body: what the view shows and clearing uses.
#[derive(Resource, Clone, Debug)]
pub struct MachineState {
    pub spec: MachineSpec,
    /// Body centre and orientation after this tick's physics step.
    pub pos: Vec3,
    pub rot: Quat,
    /// Ground speed along the heading, m/s (negative when reversing).
    pub speed_mps: f32,
    /// Speed the drive is aiming for, m/s.
    pub drive_mps: f32,
    /// Tool setting actually reached by the hydraulics, cm (positive = below the ground line).
    pub tool_cm: f32,
    /// Rotor speed as a fraction of nominal.
    pub rotor: f32,
    /// Seconds left of a rotor stall (the rotor is stopped while > 0).
    pub stall_s: f32,
    /// Condition, 100 = new, 0 = disabled.
    pub condition: f32,
    pub disabled: bool,
    /// Distance each track has run, metres (drives the track animation).
    pub track_travel: (f32, f32),
    /// Load on the rotor last tick: power demand over the power available, 1.0 = stall.
    pub rotor_load: f32,
    /// Hammers or teeth left, their wear, the tool's hydraulics.
    pub tool_health: ToolHealth,
    /// Boom machines: where the turret and boom hold the cutter.
    pub boom: Option<BoomState>,
    /// Speed of the tool over the ground, m/s: the drum's own for a boom machine (slew,
    /// reach and the base together), the machine's ground speed averaged over
    /// `TOOL_SPEED_TAU_S` otherwise. The depth the tool reaches depends on it.
    pub tool_speed_mps: f32,
    /// The tool's position last tick (for `tool_speed_mps`).
    tool_prev: (f32, f32),
    /// Where a stopped boom machine's brakes hold it.
    hold: Option<Vec3>,
    /// Sideways speed of the hull over the last step, m/s (positive to the right): the slide a
    /// side slope gives it, which the tracks' or tyres' grip takes back.
    slip_mps: f32,
    /// Yaw rate the drive asked for in the last step, and how far short of it the hull turned,
    /// rad/s: ground friction holds back a slow turn, which the tracks' drive takes back.
    yaw_cmd: f32,
    yaw_lag: f32,
}

/// A patch of the machine that touches the ground (a track, or a tyre's contact patch): a
/// rectangle along the heading.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Contact {
    pub centre: (f32, f32),
    /// Half its length along the heading, metres.
    pub half_len: f32,
    /// Half its width across the heading, metres.
    pub half_width: f32,
}

/// The turret and boom's pose.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BoomState {
    /// Slew from straight ahead, degrees, positive to the right.
    pub slew_deg: f32,
    /// Horizontal distance from the slew centre to the drum centre, metres.
    pub reach_m: f32,
    /// What stopped the boom this tick, if anything.
    pub blocked: Option<BoomBlock>,
}

/// What the boom ran into when the operator slewed or reached into it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoomBlock {
    /// A tree or rock.
    Obstacle,
    /// The machine's own tracks or hull.
    OwnMachine,
}

/// Share of the ground's departure from the chassis plane that a boom-carried cutter does not
/// take up: it has no skids, so its depth follows the operator's boom height, not the ground.
pub const BOOM_TERRAIN_RESIDUAL: f32 = 0.6;
/// Lowest a boom holds its cutter below the track plane, cm.
pub const BOOM_LOWEST_CM: f32 = 100.0;
/// Radius of the cutter drum (with its teeth), metres.
const DRUM_RADIUS_M: f32 = 0.3;
/// Clearance the drum keeps from trees, rocks and its own machine, metres.
const BOOM_CLEARANCE_M: f32 = 0.02;

/// Hydraulic rate of the tool arm, cm per second.
const TOOL_RATE_CM_S: f32 = 25.0;
/// Rotor spin-up, fraction of nominal per second.
const ROTOR_RATE: f32 = 0.5;
/// Share of the ground's departure from the chassis plane that the tool's height control
/// does not take up (0 = perfect terrain following).
pub const TERRAIN_RESIDUAL: f32 = 0.25;

/// Time over which a front tool's working speed is averaged, seconds: about two turns of a
/// flail rotor at 400–500 rpm. Assumption (model 3).
pub const TOOL_SPEED_TAU_S: f32 = 0.25;
/// Share of the last step's sideways slide, and of its shortfall in turning, that the running
/// gear's grip takes back in the next step. Assumption (tracks and tyres hardly slide sideways,
/// nor fail to turn as their speeds ask, on worked soil below their slope limit).
const SIDE_GRIP: f32 = 0.8;
/// Drive acceleration limit, m/s² (heavy tracked machines pick up speed slowly).
const ACCEL_MPS2: f32 = 0.6;

impl MachineState {
    pub fn new(spec: MachineSpec, pos: Vec3, rot: Quat) -> Self {
        MachineState {
            pos,
            rot,
            speed_mps: 0.0,
            drive_mps: 0.0,
            tool_cm: -20.0,
            rotor: 0.0,
            stall_s: 0.0,
            condition: 100.0,
            disabled: false,
            track_travel: (0.0, 0.0),
            rotor_load: 0.0,
            tool_health: ToolHealth::new(&spec),
            boom: spec.boom.as_ref().map(|b| BoomState { slew_deg: 0.0, reach_m: (b.reach_m.0 + b.reach_m.1) * 0.5, blocked: None }),
            tool_speed_mps: 0.0,
            tool_prev: (f32::NAN, f32::NAN),
            hold: None,
            slip_mps: 0.0,
            yaw_cmd: 0.0,
            yaw_lag: 0.0,
            spec,
        }
    }

    pub fn forward(&self) -> Vec3 {
        self.rot * Vec3::NEG_Z
    }

    /// Heading in the ground plane as a unit (x, z) vector.
    pub fn heading_xz(&self) -> (f32, f32) {
        let f = self.forward();
        let l = (f.x * f.x + f.z * f.z).sqrt().max(1e-6);
        (f.x / l, f.z / l)
    }

    pub fn speed_kmh(&self) -> f32 {
        self.speed_mps * 3.6
    }

    /// Distance from the body centre to the tool's centre line, along the heading.
    pub fn tool_offset(&self) -> f32 {
        self.spec.chassis_m.0 * 0.5 + self.spec.tool.reach_m
    }

    /// Ground-plane position of the tool's centre: in front of the tracks, or where the boom
    /// holds the drum.
    pub fn tool_xz(&self) -> (f32, f32) {
        match (&self.boom, &self.spec.boom) {
            (Some(b), Some(spec)) => self.drum_at(spec.pivot_m, b.slew_deg, b.reach_m),
            _ => {
                let (hx, hz) = self.heading_xz();
                let o = self.tool_offset();
                (self.pos.x + hx * o, self.pos.z + hz * o)
            }
        }
    }

    /// The slew centre in the ground plane.
    pub fn pivot_xz(&self) -> (f32, f32) {
        let (hx, hz) = self.heading_xz();
        let p = self.spec.boom.as_ref().map_or(0.0, |b| b.pivot_m);
        (self.pos.x + hx * p, self.pos.z + hz * p)
    }

    /// The direction the boom points, a unit (x, z) vector (the heading for machines without one).
    pub fn boom_dir(&self) -> (f32, f32) {
        let (hx, hz) = self.heading_xz();
        let Some(b) = &self.boom else { return (hx, hz) };
        let (s, c) = libm::sincosf(b.slew_deg.to_radians());
        // Right of the heading is (-hz, hx).
        (hx * c - hz * s, hz * c + hx * s)
    }

    /// Where the drum would be at (`slew_deg`, `reach_m`) with the base where it is.
    pub fn drum_xz_at(&self, slew_deg: f32, reach_m: f32) -> (f32, f32) {
        self.drum_at(self.spec.boom.as_ref().map_or(0.0, |b| b.pivot_m), slew_deg, reach_m)
    }

    fn drum_at(&self, pivot_m: f32, slew_deg: f32, reach_m: f32) -> (f32, f32) {
        let (hx, hz) = self.heading_xz();
        let (s, c) = libm::sincosf(slew_deg.to_radians());
        let d = (hx * c - hz * s, hz * c + hx * s);
        let p = (self.pos.x + hx * pivot_m, self.pos.z + hz * pivot_m);
        (p.0 + d.0 * reach_m, p.1 + d.1 * reach_m)
    }

    /// The tool's footprint axes as unit (x, z) vectors: `along` is the way it bites (the
    /// heading for a front tool, across the boom for a boom cutter), `across` its width.
    pub fn tool_axes(&self) -> ((f32, f32), (f32, f32)) {
        let (bx, bz) = self.boom_dir();
        // Front tools: width across the heading. Boom cutter: the drum's axis lies along the
        // boom, so it bites sideways as the turret slews.
        if self.boom.is_some() { ((-bz, bx), (bx, bz)) } else { ((bx, bz), (-bz, bx)) }
    }

    /// The tool's speed over the ground, km/h (what the depth it reaches depends on).
    pub fn tool_speed_kmh(&self) -> f32 {
        self.tool_speed_mps * 3.6
    }

    /// Fastest speed at which the tool, as it is now (hammers lost, wear), still reaches
    /// `depth_cm` in soil of `hardness`, km/h.
    pub fn max_speed_for_depth_kmh(&self, depth_cm: f32, hardness: f32) -> f32 {
        self.spec.max_speed_for_depth_kmh(depth_cm, hardness, self.tool_health.reach_factor())
    }

    /// Is the tool working the ground (down and turning)?
    pub fn tool_working(&self) -> bool {
        self.tool_cm > 0.5 && self.rotor > 0.3 && !self.disabled
    }

    /// How deep the tool digs at (x, z) on ground of height `ground_y`, cm. The tool is carried
    /// by the chassis; its skids and height control follow the ground, but only partly, so
    /// over bumps, hollows and ditches it digs shallower or deeper than set.
    pub fn dig_cm(&self, x: f32, z: f32, ground_y: f32) -> f32 {
        self.tool_plane().dig_cm(x, z, ground_y)
    }

    /// The contact plane and tool setting, computed once for many cells.
    pub fn tool_plane(&self) -> ToolPlane {
        let up = self.rot * Vec3::Y;
        let residual = if self.boom.is_some() { BOOM_TERRAIN_RESIDUAL } else { TERRAIN_RESIDUAL };
        ToolPlane { base: self.pos - up * (self.spec.chassis_m.2 * 0.5), up, tool_cm: self.tool_cm, residual }
    }

    /// What touches the ground: two tracks along 90 % of the chassis, or a tyre's contact
    /// patch at each end of every axle.
    pub fn ground_contacts(&self, out: &mut Vec<Contact>) {
        out.clear();
        let (hx, hz) = self.heading_xz();
        let half_width = self.spec.track_width_m * 0.5;
        match &self.spec.running_gear {
            RunningGear::Tracks => {
                let half_len = self.spec.chassis_m.0 * 0.45;
                out.extend(self.tracks_xz().map(|centre| Contact { centre, half_len, half_width }));
            }
            RunningGear::Wheels { axles_m, tyre_contact_m } => {
                for &a in axles_m {
                    for side in self.tracks_xz() {
                        let centre = (side.0 + hx * a, side.1 + hz * a);
                        out.push(Contact { centre, half_len: tyre_contact_m * 0.5, half_width });
                    }
                }
            }
        }
    }

    /// Centres of the two tracks (or wheel lines) in the ground plane.
    pub fn tracks_xz(&self) -> [(f32, f32); 2] {
        let (hx, hz) = self.heading_xz();
        let (rx, rz) = (-hz, hx);
        let g = self.spec.track_gauge_m * 0.5;
        [(self.pos.x - rx * g, self.pos.z - rz * g), (self.pos.x + rx * g, self.pos.z + rz * g)]
    }
}

/// Speed factor for ground, slope and vegetation at the machine (1 = unhindered).
fn traction(field: &Field, m: &MachineState, forward: bool) -> f32 {
    let (x, z) = (m.pos.x, m.pos.z);
    let soil = field.soil_at(x, z);
    // Wet ground bogs machines: above 25 % moisture traction falls away.
    let wet = if soil.moisture_pct > 25.0 { (1.0 - (soil.moisture_pct - 25.0) * 0.03).max(0.45) } else { 1.0 };
    // Uphill along the heading costs speed; past the slope limit the machine cannot climb.
    let (gx, gz) = field.gradient_at(x, z);
    let (hx, hz) = m.heading_xz();
    let dir = if forward { 1.0 } else { -1.0 };
    let climb_deg = libm::atanf((gx * hx + gz * hz) * dir).to_degrees();
    let lim = m.spec.slope_limit_deg;
    let slope = if climb_deg > 0.0 { (1.0 - 0.6 * climb_deg / lim).max(0.0) } else { 1.0 };
    // Vegetation over about 1 m slows the machine when it works through it.
    let (dens, h) = field.vegetation_at(x, z);
    let veg = 1.0 / (1.0 + dens * (h - 1.0).max(0.0) * 0.6);
    wet * slope * veg
}

/// Moves the turret and boom by the sticks, stopping short of trees, rocks and the machine
/// itself (only the obstacles near the drum are looked at).
fn move_boom(m: &mut MachineState, cmd: &OperatorCommand, obstacles: &ObstacleIndex, dt: f32) {
    let (Some(b), Some(spec)) = (m.boom, m.spec.boom.clone()) else { return };
    let mut next = b;
    next.blocked = None;
    next.slew_deg = (b.slew_deg + cmd.slew() * spec.slew_rate_deg_s * dt).clamp(-spec.slew_deg, spec.slew_deg);
    next.reach_m = (b.reach_m + cmd.reach() * spec.reach_rate_m_s * dt).clamp(spec.reach_m.0, spec.reach_m.1);
    if next.slew_deg == b.slew_deg && next.reach_m == b.reach_m {
        m.boom = Some(next);
        return;
    }
    let drum = m.drum_at(spec.pivot_m, next.slew_deg, next.reach_m);
    let half_w = m.spec.tool.working_width_m * 0.5;
    // The drum as three discs along its axis (it lies along the boom).
    let (bx, bz) = {
        let (s, c) = libm::sincosf(next.slew_deg.to_radians());
        let (hx, hz) = m.heading_xz();
        (hx * c - hz * s, hz * c + hx * s)
    };
    let half = (half_w - DRUM_RADIUS_M).max(0.0);
    let discs = [-1.0f32, 0.0, 1.0].map(|k| (drum.0 + bx * half * k, drum.1 + bz * half * k));
    let r = DRUM_RADIUS_M + BOOM_CLEARANCE_M;
    let own = drum_hits_own_machine(&m.spec, next.slew_deg, next.reach_m);
    let hit = discs.iter().any(|d| obstacles.near(*d, r).any(|o| ((o.x - d.0).powi(2) + (o.z - d.1).powi(2)).sqrt() < o.radius_m + r));
    next.blocked = if own {
        Some(BoomBlock::OwnMachine)
    } else if hit {
        Some(BoomBlock::Obstacle)
    } else {
        None
    };
    if next.blocked.is_some() {
        // The hydraulics stall against it: the boom stays where it was.
        next.slew_deg = b.slew_deg;
        next.reach_m = b.reach_m;
    }
    m.boom = Some(next);
}

/// Whether the drum at (`slew_deg`, `reach_m`) would touch the machine's own tracks or hull
/// (the drum as three discs along the boom; the machine as its chassis rectangle).
pub fn drum_hits_own_machine(spec: &MachineSpec, slew_deg: f32, reach_m: f32) -> bool {
    let Some(b) = &spec.boom else { return false };
    // The end caps' centres: the drum's footprint reaches a radius beyond them.
    let half = (spec.tool.working_width_m * 0.5 - DRUM_RADIUS_M).max(0.0);
    let (s, c) = libm::sincosf(slew_deg.to_radians());
    let r = DRUM_RADIUS_M + BOOM_CLEARANCE_M;
    [-1.0f32, 0.0, 1.0].iter().any(|k| {
        let d = reach_m + half * k;
        // Body frame: `along` ahead of the body centre, `across` to the right.
        let (along, across) = (b.pivot_m + d * c, d * s);
        let ea = along.abs() - spec.chassis_m.0 * 0.5;
        let ec = across.abs() - spec.chassis_m.1 * 0.5;
        ea.max(0.0).hypot(ec.max(0.0)) < r
    })
}

/// Applies this tick's command: tool hydraulics, rotor, boom and track drive through the body's velocity.
pub fn drive_machine(
    cmd: Res<OperatorCommand>,
    ground: Res<Ground>,
    obstacles: Res<ObstacleIndex>,
    mut machine: ResMut<MachineState>,
    body: Query<&RapierRigidBodyHandle, With<MachineBody>>,
    mut rapier: Query<&mut RapierRigidBodySet>,
) {
    let (Ok(handle), Ok(mut set)) = (body.single(), rapier.single_mut()) else {
        return;
    };
    let Some(rb) = set.bodies.get_mut(handle.0) else {
        return;
    };
    // Keep the body's own vertical motion and tilt (gravity, terrain); the drive sets the
    // horizontal velocity and the yaw rate.
    let mut set_drive = |x: f32, z: f32, yaw_rate: f32| {
        let mut lin = rb.linvel();
        lin.x = x;
        lin.z = z;
        rb.set_linvel(lin, true);
        let mut ang = rb.angvel();
        ang.y = yaw_rate;
        rb.set_angvel(ang, true);
    };
    let dt = TICK_S;
    if machine.disabled {
        set_drive(0.0, 0.0, 0.0);
        machine.drive_mps = 0.0;
        machine.yaw_cmd = 0.0;
        machine.rotor = (machine.rotor - ROTOR_RATE * dt).max(0.0);
        return;
    }
    move_boom(&mut machine, &cmd, &obstacles, dt);
    // Tool: move toward the setting, limited to the tool's depth range.
    // A front tool's setting is limited to its depth range; a boom carries its cutter as low
    // as the boom reaches (into a ditch), and the depth it cuts is still the tool's to limit.
    let lowest = if machine.boom.is_some() { BOOM_LOWEST_CM } else { machine.spec.tool.depth_cm.1 };
    let want = (cmd.tool_cm as f32).min(lowest);
    let step = TOOL_RATE_CM_S * dt;
    machine.tool_cm += (want - machine.tool_cm).clamp(-step, step);
    // Rotor: spin toward the setting unless stalled.
    if machine.stall_s > 0.0 {
        machine.stall_s = (machine.stall_s - dt).max(0.0);
        machine.rotor = (machine.rotor - 2.0 * dt).max(0.0);
    } else {
        // Damaged hydraulics cap the rotor's speed.
        let r = cmd.rotor().min(machine.tool_health.hydraulics);
        machine.rotor += (r - machine.rotor).clamp(-ROTOR_RATE * dt, ROTOR_RATE * dt);
    }
    // Tracks: levers set each track's speed; the body follows with limited acceleration.
    let vmax = machine.spec.speed.max_travel_kmh / 3.6;
    let (vl, vr) = (cmd.left() * vmax, cmd.right() * vmax);
    let v_cmd = (vl + vr) * 0.5;
    let t = traction(&ground.0, &machine, v_cmd >= 0.0);
    let v_target = v_cmd * t;
    let dv = ACCEL_MPS2 * dt;
    machine.drive_mps += (v_target - machine.drive_mps).clamp(-dv, dv);
    let yaw_rate = (vr - vl) / machine.spec.track_gauge_m * t.max(0.3);
    let f = machine.forward();
    let flat = Vec3::new(f.x, 0.0, f.z).normalize_or_zero();
    let mut lin = flat * machine.drive_mps;
    // A machine standing (a boom machine sweeping for minutes, any machine pivoting on the
    // spot): its brakes and counter-running tracks hold it where it stopped (without them the
    // hull creeps downhill between physics steps, and a pivot on a bank slides it off its lane).
    if v_target.abs() < 1e-4 && machine.drive_mps.abs() < 1e-4 {
        let pos = machine.pos;
        let hold = *machine.hold.get_or_insert(pos);
        lin = Vec3::new(hold.x - machine.pos.x, 0.0, hold.z - machine.pos.z) * (0.5 / dt);
    } else {
        machine.hold = None;
        // Tracks and tyres grip sideways: the slide a side slope gave the hull in the last step
        // is taken back in this one (without it a slow machine crabs along a ditch bank, its
        // tool drifting off the lane its tracks follow).
        let right = Vec3::new(-flat.z, 0.0, flat.x);
        lin -= right * (machine.slip_mps * SIDE_GRIP);
    }
    // The tracks turn the hull at the rate their speeds ask for: what friction held back in the
    // last step is added to this one (a creeping machine otherwise could hardly steer).
    let turn = yaw_rate + machine.yaw_lag * SIDE_GRIP;
    machine.yaw_cmd = turn;
    set_drive(lin.x, lin.z, turn);
    let d = machine.drive_mps * dt;
    let w = yaw_rate * machine.spec.track_gauge_m * 0.5 * dt;
    machine.track_travel.0 += d - w;
    machine.track_travel.1 += d + w;
}

/// Copies the body's pose from rapier after the physics step and measures the ground speed.
pub fn sense_machine(mut machine: ResMut<MachineState>, body: Query<&RapierRigidBodyHandle, With<MachineBody>>, rapier: Query<&RapierRigidBodySet>) {
    let (Ok(handle), Ok(set)) = (body.single(), rapier.single()) else { return };
    let Some(rb) = set.bodies.get(handle.0) else { return };
    let pose = rb.position();
    let moved = pose.translation - machine.pos;
    let f = machine.forward();
    machine.speed_mps = (moved.x * f.x + moved.z * f.z) / TICK_S;
    // Right of the heading is (-f.z, f.x) in the ground plane.
    machine.slip_mps = (-moved.x * f.z + moved.z * f.x) / TICK_S;
    machine.pos = pose.translation;
    let a = machine.heading_xz();
    machine.rot = pose.rotation;
    let b = machine.heading_xz();
    // Signed angle turned from a to b about +Y (Bevy's yaw is counter-clockwise seen from above).
    let turned = libm::atan2f(a.1 * b.0 - a.0 * b.1, a.0 * b.0 + a.1 * b.1);
    machine.yaw_lag = (machine.yaw_cmd - turned / TICK_S).clamp(-0.5, 0.5);
    let tool = machine.tool_xz();
    machine.tool_speed_mps = if machine.boom.is_some() && machine.tool_prev.0.is_finite() {
        ((tool.0 - machine.tool_prev.0).powi(2) + (tool.1 - machine.tool_prev.1).powi(2)).sqrt() / TICK_S
    } else {
        // A front tool's depth follows the ground it crosses in a few rotor turns, not one
        // physics step's jolt (a wheeled hull on a bank measures ±40 % from step to step).
        machine.tool_speed_mps + (machine.speed_mps.abs() - machine.tool_speed_mps) * (TICK_S / TOOL_SPEED_TAU_S).min(1.0)
    };
    machine.tool_prev = tool;
}

/// A transform with its global transform already set: rapier reads the global one when it
/// adds a body, and the session must not depend on whether transform propagation has run
/// between spawning and the first tick (it has in headless runs, not in the trainer).
fn placed(tf: Transform) -> (Transform, GlobalTransform) {
    (tf, GlobalTransform::from(tf))
}

/// Spawns the terrain, obstacles and the machine's body, and adds them to rapier.
///
/// Rapier's results depend on the order its bodies and colliders were added (it works through
/// contact pairs in handle order). bevy_rapier adds them in the ECS's archetype order, which
/// other entities and resources in the app (the trainer's view, a benchmark's) can change, and
/// then a session recorded in the trainer would not re-simulate headless to the same bits. So
/// each is added on its own, in a fixed order: bodies terrain, obstacles, machine; colliders
/// obstacles, machine, terrain (the order headless runs have always had, so replays recorded
/// by earlier versions still verify).
pub fn spawn_world(world: &mut World) {
    let f = &world.resource::<Ground>().0;
    let m = world.resource::<MachineState>();
    let (terrain, terrain_centre) = terrain_heightfield(f);
    let terrain_shape = Collider::from(terrain);
    let terrain_at = placed(Transform::from_translation(terrain_centre));
    let obstacles: Vec<_> = f
        .trees
        .iter()
        .chain(f.rocks.iter())
        .enumerate()
        .map(|(i, o)| {
            let name = if i < f.trees.len() { "tree" } else { "rock" };
            (name, Collider::cylinder(o.height_m * 0.5, o.radius_m), placed(Transform::from_translation(obstacle_centre(f, o))))
        })
        .collect();
    let s = m.spec.clone();
    let machine_at = placed(Transform::from_translation(m.pos).with_rotation(m.rot));

    let terrain = world.spawn((Name::new("terrain"), SimEntity, Friction::coefficient(0.9), terrain_at)).id();
    let mut obstacle_colliders = Vec::new();
    for (name, shape, at) in obstacles {
        obstacle_colliders.push((world.spawn((Name::new(name), SimEntity, Obstacle, at)).id(), shape));
    }
    let machine = world
        .spawn((
            Name::new("machine"),
            SimEntity,
            MachineBody,
            ColliderMassProperties::MassProperties(hull_mass(&s)),
            // The drive sets the horizontal velocity each tick (tracks grip the ground); contact
            // friction on top of that would fight the drive, so the hull itself is frictionless.
            Friction { coefficient: 0.0, combine_rule: CoefficientCombineRule::Min },
            Damping { linear_damping: 0.0, angular_damping: 2.0 },
            Sleeping::disabled(),
            ActiveEvents::COLLISION_EVENTS,
            machine_at,
        ))
        .id();
    let machine_shape = Collider::compound(hull_balls(&s).into_iter().map(|(c, r)| (c, Quat::IDENTITY, Collider::ball(r))).collect());

    let bodies = std::iter::once((terrain, RigidBody::Fixed))
        .chain(obstacle_colliders.iter().map(|(e, _)| (*e, RigidBody::Fixed)))
        .chain(std::iter::once((machine, RigidBody::Dynamic)));
    for (e, body) in bodies.collect::<Vec<_>>() {
        world.entity_mut(e).insert(body);
        world.run_system_cached(bevy_rapier3d::plugin::systems::init_rigid_bodies).expect("add a body to rapier");
    }
    let colliders = obstacle_colliders.into_iter().chain([(machine, machine_shape), (terrain, terrain_shape)]);
    for (e, shape) in colliders {
        world.entity_mut(e).insert(shape);
        world.run_system_cached(bevy_rapier3d::plugin::systems::init_colliders).expect("add a collider to rapier");
    }
}

/// Rapier's heightfield for the field's terrain, and where its fixed body stands (the middle of
/// the field, at height zero).
pub fn terrain_heightfield(f: &Field) -> (bevy_rapier3d::rapier::prelude::SharedShape, Vec3) {
    // Rows along z, columns along x, column-major.
    let mut hs = vec![0.0f32; f.nx * f.nz];
    for j in 0..f.nz {
        for i in 0..f.nx {
            hs[j + i * f.nz] = f.heights[j * f.nx + i];
        }
    }
    let span = Vec3::new((f.nx - 1) as f32 * crate::field::TERRAIN_CELL_M, 1.0, (f.nz - 1) as f32 * crate::field::TERRAIN_CELL_M);
    // Internal-edge fixing stops the hull catching on the seams between terrain triangles.
    let shape = bevy_rapier3d::rapier::prelude::SharedShape::heightfield_with_flags(
        bevy_rapier3d::rapier::parry::utils::Array2::new(f.nz, f.nx, hs),
        span,
        bevy_rapier3d::rapier::parry::shape::HeightFieldFlags::FIX_INTERNAL_EDGES,
    );
    (shape, Vec3::new(span.x * 0.5, 0.0, span.z * 0.5))
}

/// Where a tree's or rock's cylinder stands: on the ground, sunk 10 cm into it.
pub fn obstacle_centre(f: &Field, o: &crate::field::Obstacle) -> Vec3 {
    Vec3::new(o.x, f.height_at(o.x, o.z) + o.height_m * 0.5 - 0.1, o.z)
}

/// Moves the installed session's machine to `pos` facing `rot`, before the session starts (for
/// set-piece tests and drills): its state and its body in rapier together.
pub fn place_machine(world: &mut World, pos: Vec3, rot: Quat) {
    let mut m = world.resource_mut::<MachineState>();
    m.pos = pos;
    m.rot = rot;
    let mut q = world.query_filtered::<(&RapierRigidBodyHandle, &mut Transform), With<MachineBody>>();
    let Ok((handle, mut tf)) = q.single_mut(world) else { return };
    let handle = handle.0;
    *tf = tf.with_translation(pos).with_rotation(rot);
    let mut sets = world.query::<&mut RapierRigidBodySet>();
    if let Ok(mut set) = sets.single_mut(world)
        && let Some(rb) = set.bodies.get_mut(handle)
    {
        rb.set_position(bevy_rapier3d::rapier::math::Pose::from_parts(pos, rot), true);
    }
}

/// The machine's mass, its inertia as a solid block of its chassis, and a low centre of mass:
/// tracked machines carry their weight in the undercarriage.
pub fn hull_mass(s: &MachineSpec) -> MassProperties {
    let (l, w, h) = s.chassis_m;
    MassProperties {
        local_center_of_mass: Vec3::new(0.0, -h * 0.3, 0.0),
        principal_inertia_local_frame: Quat::IDENTITY,
        mass: s.mass_kg,
        principal_inertia: Vec3::new(s.mass_kg * (h * h + l * l) / 12.0, s.mass_kg * (w * w + l * l) / 12.0, s.mass_kg * (w * w + h * h) / 12.0),
    }
}

/// The machine's collision shape: rollers along each track (balls), which ride terrain bumps
/// as a track does and cost a fraction of a box's contact work on a heightfield. Returns
/// (centre in body space, radius) pairs; the body's forward is -Z.
pub fn hull_balls(s: &MachineSpec) -> Vec<(Vec3, f32)> {
    let (l, _w, h) = s.chassis_m;
    let r = (h * 0.25).min(0.35);
    let n = 4;
    let mut balls = Vec::new();
    for side in [-1.0f32, 1.0] {
        for k in 0..n {
            let z = -l * 0.5 + r + (l - 2.0 * r) * k as f32 / (n - 1) as f32;
            balls.push((Vec3::new(side * s.track_gauge_m * 0.5, -h * 0.5 + r, z), r));
        }
    }
    balls
}

/// The chassis' contact plane with the tool's setting: what `MachineState::dig_cm` needs.
#[derive(Clone, Copy, Debug)]
pub struct ToolPlane {
    base: Vec3,
    up: Vec3,
    tool_cm: f32,
    residual: f32,
}

impl ToolPlane {
    /// Height of the chassis' ground plane (the track contact plane) under (x, z).
    pub fn plane_y(&self, x: f32, z: f32) -> f32 {
        self.base.y - (self.up.x * (x - self.base.x) + self.up.z * (z - self.base.z)) / self.up.y.max(0.2)
    }

    pub fn dig_cm(&self, x: f32, z: f32, ground_y: f32) -> f32 {
        self.tool_cm + self.residual * (ground_y - self.plane_y(x, z)) * 100.0
    }

    /// Share of the ground's departure from the chassis plane the tool does not take up.
    pub fn residual(&self) -> f32 {
        self.residual
    }
}

/// Marks trees and rocks, so collisions with them count against machine care.
#[derive(Component)]
pub struct Obstacle;

/// Trees and rocks by position, so the boom looks only at those near its drum.
#[derive(Resource, Clone, Debug, Default)]
pub struct ObstacleIndex {
    list: Vec<crate::field::Obstacle>,
    buckets: Vec<Vec<u32>>,
    nx: usize,
    nz: usize,
}

/// Bucket size of the obstacle index, metres.
const OBSTACLE_BUCKET_M: f32 = 4.0;

impl ObstacleIndex {
    pub fn new(field: &Field) -> ObstacleIndex {
        let nx = (field.size_m.0 / OBSTACLE_BUCKET_M).ceil() as usize + 1;
        let nz = (field.size_m.1 / OBSTACLE_BUCKET_M).ceil() as usize + 1;
        let list: Vec<_> = field.trees.iter().chain(field.rocks.iter()).cloned().collect();
        let mut buckets = vec![Vec::new(); nx * nz];
        for (i, o) in list.iter().enumerate() {
            let bi = ((o.x / OBSTACLE_BUCKET_M).max(0.0) as usize).min(nx - 1);
            let bj = ((o.z / OBSTACLE_BUCKET_M).max(0.0) as usize).min(nz - 1);
            buckets[bj * nx + bi].push(i as u32);
        }
        ObstacleIndex { list, buckets, nx, nz }
    }

    /// Obstacles whose bucket lies within `r` (plus the largest trunk) of `p`.
    pub fn near(&self, p: (f32, f32), r: f32) -> impl Iterator<Item = &crate::field::Obstacle> + '_ {
        let reach = r + 2.0;
        let span = |v: f32, n: usize| {
            (((v - reach) / OBSTACLE_BUCKET_M).floor().max(0.0) as usize).min(n.saturating_sub(1))
                ..=(((v + reach) / OBSTACLE_BUCKET_M).floor().max(0.0) as usize).min(n.saturating_sub(1))
        };
        let (is, js) = (span(p.0, self.nx), span(p.1, self.nz));
        let nx = self.nx;
        let empty = self.buckets.is_empty();
        js.flat_map(move |j| is.clone().map(move |i| j * nx + i))
            .filter(move |_| !empty)
            .flat_map(move |k| self.buckets[k].iter().map(move |&i| &self.list[i as usize]))
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(FixedUpdate, drive_machine.in_set(SimSet::Drive));
    app.add_systems(FixedUpdate, sense_machine.in_set(SimSet::Sense));
}
