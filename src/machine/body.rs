//! The machine as a rapier body on the terrain: tracked drive from the levers, the tool
//! raised and lowered to the commanded setting, the rotor, and the machine's condition.

use bevy::prelude::*;
use bevy_rapier3d::prelude::*;

use super::MachineSpec;
use crate::field::Field;
use crate::operator::OperatorCommand;
use crate::sim::{Ground, SimEntity, SimSet, TICK_S};

/// Marks the machine's rigid body.
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
    /// Load on the rotor last tick, 1.0 = stall threshold.
    pub rotor_load: f32,
}

/// Hydraulic rate of the tool arm, cm per second.
const TOOL_RATE_CM_S: f32 = 25.0;
/// Rotor spin-up, fraction of nominal per second.
const ROTOR_RATE: f32 = 0.5;
/// Share of the ground's departure from the chassis plane that the tool's height control
/// does not take up (0 = perfect terrain following).
pub const TERRAIN_RESIDUAL: f32 = 0.25;
/// Drive acceleration limit, m/s² (heavy tracked machines pick up speed slowly).
const ACCEL_MPS2: f32 = 0.6;

impl MachineState {
    pub fn new(spec: MachineSpec, pos: Vec3, rot: Quat) -> Self {
        MachineState {
            spec,
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

    /// Ground-plane position of the tool's centre.
    pub fn tool_xz(&self) -> (f32, f32) {
        let (hx, hz) = self.heading_xz();
        let o = self.tool_offset();
        (self.pos.x + hx * o, self.pos.z + hz * o)
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
        ToolPlane { base: self.pos - up * (self.spec.chassis_m.2 * 0.5), up, tool_cm: self.tool_cm }
    }

    /// Centres of the two tracks in the ground plane, and their half length.
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

/// Applies this tick's command: tool hydraulics, rotor, and track drive through the body's velocity.
pub fn drive_machine(cmd: Res<OperatorCommand>, ground: Res<Ground>, mut m: ResMut<MachineState>, mut body: Query<&mut Velocity, With<MachineBody>>) {
    let Ok(mut vel) = body.single_mut() else {
        return;
    };
    let dt = TICK_S;
    if m.disabled {
        vel.linear.x = 0.0;
        vel.linear.z = 0.0;
        vel.angular.y = 0.0;
        m.drive_mps = 0.0;
        m.rotor = (m.rotor - ROTOR_RATE * dt).max(0.0);
        return;
    }
    // Tool: move toward the setting, limited to the tool's depth range.
    let want = (cmd.tool_cm as f32).min(m.spec.tool.depth_cm.1);
    let step = TOOL_RATE_CM_S * dt;
    m.tool_cm += (want - m.tool_cm).clamp(-step, step);
    // Rotor: spin toward the setting unless stalled.
    if m.stall_s > 0.0 {
        m.stall_s = (m.stall_s - dt).max(0.0);
        m.rotor = (m.rotor - 2.0 * dt).max(0.0);
    } else {
        let r = cmd.rotor();
        m.rotor += (r - m.rotor).clamp(-ROTOR_RATE * dt, ROTOR_RATE * dt);
    }
    // Tracks: levers set each track's speed; the body follows with limited acceleration.
    let vmax = m.spec.speed.max_travel_kmh / 3.6;
    let (vl, vr) = (cmd.left() * vmax, cmd.right() * vmax);
    let v_cmd = (vl + vr) * 0.5;
    let t = traction(&ground.0, &m, v_cmd >= 0.0);
    let v_target = v_cmd * t;
    let dv = ACCEL_MPS2 * dt;
    m.drive_mps += (v_target - m.drive_mps).clamp(-dv, dv);
    let yaw_rate = (vr - vl) / m.spec.track_gauge_m * t.max(0.3);
    let f = m.forward();
    let flat = Vec3::new(f.x, 0.0, f.z).normalize_or_zero();
    // Keep the body's own vertical motion (gravity, terrain); set the horizontal from the drive.
    let lin = flat * m.drive_mps;
    vel.linear.x = lin.x;
    vel.linear.z = lin.z;
    vel.angular.y = yaw_rate;
    let d = m.drive_mps * dt;
    let w = yaw_rate * m.spec.track_gauge_m * 0.5 * dt;
    m.track_travel.0 += d - w;
    m.track_travel.1 += d + w;
}

/// Copies the body's pose after the physics step and measures the ground speed.
pub fn sense_machine(mut m: ResMut<MachineState>, body: Query<&Transform, With<MachineBody>>) {
    let Ok(tf) = body.single() else { return };
    let moved = tf.translation - m.pos;
    let f = m.forward();
    m.speed_mps = (moved.x * f.x + moved.z * f.z) / TICK_S;
    m.pos = tf.translation;
    m.rot = tf.rotation;
}

/// A transform with its global transform already set: rapier reads the global one when it
/// adds a body, and the session must not depend on whether transform propagation has run
/// between spawning and the first tick (it has in headless runs, not in the trainer).
fn placed(tf: Transform) -> (Transform, GlobalTransform) {
    (tf, GlobalTransform::from(tf))
}

/// Spawns the terrain, obstacles and the machine's body.
pub fn spawn_world(mut commands: Commands, ground: Res<Ground>, m: Res<MachineState>) {
    let f = &ground.0;
    // Rapier heightfield: rows along z, columns along x, column-major.
    let mut hs = vec![0.0f32; f.nx * f.nz];
    for j in 0..f.nz {
        for i in 0..f.nx {
            hs[j + i * f.nz] = f.heights[j * f.nx + i];
        }
    }
    let span = Vec3::new((f.nx - 1) as f32 * crate::field::TERRAIN_CELL_M, 1.0, (f.nz - 1) as f32 * crate::field::TERRAIN_CELL_M);
    commands.spawn((
        Name::new("terrain"),
        SimEntity,
        RigidBody::Fixed,
        // Internal-edge fixing stops the hull catching on the seams between terrain triangles.
        Collider::from(bevy_rapier3d::rapier::prelude::SharedShape::heightfield_with_flags(
            bevy_rapier3d::rapier::parry::utils::Array2::new(f.nz, f.nx, hs),
            span,
            bevy_rapier3d::rapier::parry::shape::HeightFieldFlags::FIX_INTERNAL_EDGES,
        )),
        Friction::coefficient(0.9),
        placed(Transform::from_xyz(span.x * 0.5, 0.0, span.z * 0.5)),
    ));
    for (i, o) in f.trees.iter().chain(f.rocks.iter()).enumerate() {
        let y = f.height_at(o.x, o.z);
        commands.spawn((
            Name::new(if i < f.trees.len() { "tree" } else { "rock" }),
            SimEntity,
            Obstacle,
            RigidBody::Fixed,
            Collider::cylinder(o.height_m * 0.5, o.radius_m),
            placed(Transform::from_xyz(o.x, y + o.height_m * 0.5 - 0.1, o.z)),
        ));
    }
    let s = &m.spec;
    let (l, w, h) = s.chassis_m;
    commands.spawn((
        Name::new("machine"),
        SimEntity,
        MachineBody,
        RigidBody::Dynamic,
        Collider::compound(hull_balls(s).into_iter().map(|(c, r)| (c, Quat::IDENTITY, Collider::ball(r))).collect()),
        // A low centre of mass: tracked machines carry their weight in the undercarriage.
        ColliderMassProperties::MassProperties(MassProperties {
            local_center_of_mass: Vec3::new(0.0, -h * 0.3, 0.0),
            principal_inertia_local_frame: Quat::IDENTITY,
            mass: s.mass_kg,
            principal_inertia: Vec3::new(s.mass_kg * (h * h + l * l) / 12.0, s.mass_kg * (w * w + l * l) / 12.0, s.mass_kg * (w * w + h * h) / 12.0),
        }),
        // The drive sets the horizontal velocity each tick (tracks grip the ground); contact
        // friction on top of that would fight the drive, so the hull itself is frictionless.
        Friction { coefficient: 0.0, combine_rule: CoefficientCombineRule::Min },
        Velocity::default(),
        Damping { linear_damping: 0.0, angular_damping: 2.0 },
        Sleeping::disabled(),
        ActiveEvents::COLLISION_EVENTS,
        placed(Transform::from_translation(m.pos).with_rotation(m.rot)),
    ));
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
}

impl ToolPlane {
    /// Height of the chassis' ground plane (the track contact plane) under (x, z).
    pub fn plane_y(&self, x: f32, z: f32) -> f32 {
        self.base.y - (self.up.x * (x - self.base.x) + self.up.z * (z - self.base.z)) / self.up.y.max(0.2)
    }

    pub fn dig_cm(&self, x: f32, z: f32, ground_y: f32) -> f32 {
        self.tool_cm + TERRAIN_RESIDUAL * (ground_y - self.plane_y(x, z)) * 100.0
    }
}

/// Marks trees and rocks, so collisions with them count against machine care.
#[derive(Component)]
pub struct Obstacle;

pub(crate) fn plugin(app: &mut App) {
    app.add_systems(FixedUpdate, drive_machine.in_set(SimSet::Drive));
    app.add_systems(FixedUpdate, sense_machine.in_set(SimSet::Sense));
}
