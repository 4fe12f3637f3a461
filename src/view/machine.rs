//! The machine drawn from primitives: hull, tracks whose cleats move with the tracks, a cab or
//! (for a remote machine) a mast with antenna and beacon, the tool on its arms with hammers or
//! teeth that turn with the rotor, and dust where the tool bites.

use bevy::prelude::*;

use crate::machine::{MachineState, ToolKind};
use crate::sim::Ground;
use crate::trainer::Screen;

/// The hull and everything that moves with it.
#[derive(Component)]
pub struct HullView;

/// Parts of the cab, hidden while the camera is inside it.
#[derive(Component)]
pub struct CabPart;

/// The tool assembly (placed at the tool's position each frame).
#[derive(Component)]
pub struct ToolView;

/// One segment of an excavator's boom (0: boom from the turret to the elbow, 1: arm down to
/// the cutter); a unit-length box stretched between its two ends each frame.
#[derive(Component)]
pub struct BoomSegment(pub u8);

/// The rotor inside the tool (turns with the rotor speed).
#[derive(Component)]
pub struct RotorView {
    angle: f32,
}

/// A cleat on a track's top run: `side` 0 left, 1 right; `phase` its place along the track.
#[derive(Component)]
pub struct Cleat {
    side: usize,
    phase: f32,
}

/// A wheel of a wheeled machine: `side` 0 left, 1 right; it turns with its side's travel.
#[derive(Component)]
pub struct WheelView {
    side: usize,
    radius: f32,
}

/// Turns the wheels by the distance their side has run.
pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Operating), spawn_machine.after(crate::trainer::FlowSet::Install));
    app.add_systems(Update, (animate_machine, spin_wheels, dust, cab_visibility).in_set(super::ViewSet::Scene));
}

pub fn spin_wheels(machine: Res<MachineState>, mut wheels: Query<(&WheelView, &mut Transform)>) {
    for (w, mut tf) in &mut wheels {
        let travel = if w.side == 0 { machine.track_travel.0 } else { machine.track_travel.1 };
        tf.rotation = Quat::from_rotation_x(-travel / w.radius) * Quat::from_rotation_z(std::f32::consts::FRAC_PI_2);
    }
}

#[derive(Component)]
pub struct Dust {
    age: f32,
    vel: Vec3,
}

#[derive(Resource, Default)]
pub struct DustSpawner {
    carry: f32,
    mesh: Handle<Mesh>,
    mat: Handle<StandardMaterial>,
    n: u32,
}

const CLEATS_PER_TRACK: usize = 12;
const DUST_MAX: usize = 40;
const DUST_LIFE_S: f32 = 1.6;

fn mat(mats: &mut Assets<StandardMaterial>, c: Color, rough: f32) -> Handle<StandardMaterial> {
    mats.add(StandardMaterial { base_color: c, perceptual_roughness: rough, ..default() })
}

/// Spawns the machine model for this session's machine.
pub fn spawn_machine(mut commands: Commands, machine: Res<MachineState>, mut meshes: ResMut<Assets<Mesh>>, mut mats: ResMut<Assets<StandardMaterial>>) {
    let s = &machine.spec;
    let (l, w, h) = s.chassis_m;
    let scoped = DespawnOnExit(Screen::Operating);
    let armoured = s.survives_charge_kg >= 5.0;
    let hull_colour = if armoured { Color::srgb(0.55, 0.50, 0.36) } else { Color::srgb(0.33, 0.37, 0.22) };
    let hull_m = mat(&mut mats, hull_colour, 0.7);
    let dark = mat(&mut mats, Color::srgb(0.08, 0.08, 0.08), 0.9);
    let steel = mat(&mut mats, Color::srgb(0.45, 0.46, 0.48), 0.4);
    let glass = mats.add(StandardMaterial { base_color: Color::srgb(0.12, 0.18, 0.22), perceptual_roughness: 0.1, reflectance: 0.6, ..default() });
    let warn = mats.add(StandardMaterial { base_color: Color::srgb(1.0, 0.55, 0.0), emissive: LinearRgba::rgb(2.0, 0.8, 0.0), ..default() });
    let tw = s.track_width_m.max(0.25);
    let gauge = s.track_gauge_m;
    let track_h = h * 0.42;
    commands
        .spawn((Name::new("machine view"), HullView, Transform::from_translation(machine.pos).with_rotation(machine.rot), Visibility::default(), scoped.clone()))
        .with_children(|p| {
            // Wheels (a wheeled machine such as the Hydrema 910 class), or tracks and their cleats.
            if let crate::machine::RunningGear::Wheels { axles_m, .. } = &s.running_gear {
                let r = (h * 0.21).clamp(0.35, 0.75);
                for &a in axles_m {
                    for (side, sx) in [(0usize, -1.0f32), (1, 1.0)] {
                        p.spawn((
                            WheelView { side, radius: r },
                            Mesh3d(meshes.add(Cylinder::new(r, tw))),
                            MeshMaterial3d(dark.clone()),
                            Transform::from_xyz(sx * gauge * 0.5, -h * 0.5 + r, -a).with_rotation(Quat::from_rotation_z(std::f32::consts::FRAC_PI_2)),
                        ));
                    }
                }
            }
            let tracked = matches!(s.running_gear, crate::machine::RunningGear::Tracks);
            for (side, sx) in [(0usize, -1.0f32), (1, 1.0)].into_iter().filter(|_| tracked) {
                let x = sx * gauge * 0.5;
                p.spawn((Mesh3d(meshes.add(Cuboid::new(tw, track_h, l))), MeshMaterial3d(dark.clone()), Transform::from_xyz(x, -h * 0.5 + track_h * 0.5, 0.0)));
                for k in 0..CLEATS_PER_TRACK {
                    p.spawn((
                        Cleat { side, phase: k as f32 / CLEATS_PER_TRACK as f32 },
                        Mesh3d(meshes.add(Cuboid::new(tw * 1.04, 0.05, 0.08))),
                        MeshMaterial3d(steel.clone()),
                        Transform::from_xyz(x, -h * 0.5 + track_h + 0.02, 0.0),
                    ));
                }
            }
            // Hull between and above the tracks, with a warning stripe at the front.
            let hull_w = (gauge - tw).max(w * 0.5);
            p.spawn((
                Mesh3d(meshes.add(Cuboid::new(hull_w.max(w * 0.7), h * 0.45, l * 0.92))),
                MeshMaterial3d(hull_m.clone()),
                Transform::from_xyz(0.0, h * 0.05, 0.0),
            ));
            p.spawn((Mesh3d(meshes.add(Cuboid::new(w * 0.72, 0.08, 0.06))), MeshMaterial3d(warn.clone()), Transform::from_xyz(0.0, h * 0.15, -l * 0.46)));
            if s.is_remote() {
                // Remote machine: engine deck, mast with antenna, beacon and camera.
                p.spawn((
                    Mesh3d(meshes.add(Cuboid::new(w * 0.6, h * 0.3, l * 0.4))),
                    MeshMaterial3d(hull_m.clone()),
                    Transform::from_xyz(0.0, h * 0.4, l * 0.15),
                ));
                p.spawn((Mesh3d(meshes.add(Cylinder::new(0.04, 1.2))), MeshMaterial3d(steel.clone()), Transform::from_xyz(w * 0.2, h * 0.55 + 0.6, l * 0.3)));
                p.spawn((Mesh3d(meshes.add(Sphere::new(0.1))), MeshMaterial3d(warn.clone()), Transform::from_xyz(w * 0.2, h * 0.55 + 1.25, l * 0.3)));
                p.spawn((
                    Mesh3d(meshes.add(Cuboid::new(0.25, 0.18, 0.3))),
                    MeshMaterial3d(dark.clone()),
                    Transform::from_xyz(-w * 0.2, h * 0.55 + 0.1, -l * 0.1),
                ));
            } else {
                // Manned machine: an armoured cab at the rear with dark windows.
                let (cw, ch, cl) = (w * 0.55, h * 0.55, l * 0.3);
                let cz = l * 0.2;
                p.spawn((
                    CabPart,
                    Mesh3d(meshes.add(Cuboid::new(cw, ch, cl))),
                    MeshMaterial3d(hull_m.clone()),
                    Transform::from_xyz(-w * 0.12, h * 0.275 + ch * 0.5, cz),
                ));
                p.spawn((
                    CabPart,
                    Mesh3d(meshes.add(Cuboid::new(cw * 0.85, ch * 0.45, 0.03))),
                    MeshMaterial3d(glass.clone()),
                    Transform::from_xyz(-w * 0.12, h * 0.275 + ch * 0.62, cz - cl * 0.5 - 0.01),
                ));
                for sx in [-1.0, 1.0] {
                    p.spawn((
                        CabPart,
                        Mesh3d(meshes.add(Cuboid::new(0.03, ch * 0.4, cl * 0.7))),
                        MeshMaterial3d(glass.clone()),
                        Transform::from_xyz(-w * 0.12 + sx * (cw * 0.5 + 0.01), h * 0.275 + ch * 0.62, cz),
                    ));
                }
                p.spawn((
                    CabPart,
                    Mesh3d(meshes.add(Sphere::new(0.08))),
                    MeshMaterial3d(warn.clone()),
                    Transform::from_xyz(-w * 0.12, h * 0.275 + ch + 0.08, cz),
                ));
            }
        });

    // The tool: a hood (flail) or frame (tiller) over a rotor with hammers or teeth, on two arms.
    let width = s.tool.working_width_m;
    let r = 0.28;
    let tool_e = commands
        .spawn((Name::new("tool view"), ToolView, Transform::from_translation(machine.pos), Visibility::default(), scoped.clone()))
        .with_children(|p| {
            p.spawn((Mesh3d(meshes.add(Cuboid::new(width + 0.2, 0.06, 0.9))), MeshMaterial3d(hull_m.clone()), Transform::from_xyz(0.0, r + 0.25, 0.0)));
            for sx in [-1.0, 1.0] {
                p.spawn((
                    Mesh3d(meshes.add(Cuboid::new(0.05, 0.55, 0.9))),
                    MeshMaterial3d(hull_m.clone()),
                    Transform::from_xyz(sx * (width * 0.5 + 0.08), r, 0.0),
                ));
                // Arms reaching back to the hull (a boom cutter hangs from its boom instead).
                if s.has_boom() {
                    continue;
                }
                let reach = s.tool.reach_m + 0.3;
                p.spawn((
                    Mesh3d(meshes.add(Cuboid::new(0.12, 0.12, reach))),
                    MeshMaterial3d(steel.clone()),
                    Transform::from_xyz(sx * width * 0.3, r + 0.2, reach * 0.5),
                ));
            }
            p.spawn((RotorView { angle: 0.0 }, Transform::from_xyz(0.0, r, 0.0), Visibility::default())).with_children(|rot| {
                rot.spawn((
                    Mesh3d(meshes.add(Cylinder::new(0.12, width))),
                    MeshMaterial3d(steel.clone()),
                    Transform::from_rotation(Quat::from_rotation_z(std::f32::consts::FRAC_PI_2)),
                ));
                let n = (s.tool.hammers as usize).clamp(8, 40);
                let (len, thick) = match s.tool.kind {
                    ToolKind::Flail => (0.22, 0.05),
                    _ => (0.12, 0.06),
                };
                let piece = meshes.add(Cuboid::new(thick, len, thick));
                for k in 0..n {
                    let a = k as f32 * 2.399_963; // golden angle: an even spread round the drum
                    let x = -width * 0.5 + width * (k as f32 + 0.5) / n as f32;
                    let rr = 0.12 + len * 0.5;
                    p_spawn_piece(rot, &piece, &dark, x, a, rr);
                }
            });
        })
        .id();
    let _ = tool_e;
    if s.has_boom() {
        // Turret ring on the hull, and the boom and arm that carry the cutter.
        let yellow = mat(&mut mats, Color::srgb(0.85, 0.68, 0.12), 0.6);
        let unit = meshes.add(Cuboid::new(0.32, 1.0, 0.38));
        for k in 0..2u8 {
            commands.spawn((
                Name::new("boom"),
                BoomSegment(k),
                Mesh3d(unit.clone()),
                MeshMaterial3d(yellow.clone()),
                Transform::from_translation(machine.pos),
                scoped.clone(),
            ));
        }
    }
    commands.insert_resource(DustSpawner {
        carry: 0.0,
        mesh: meshes.add(Sphere::new(1.0).mesh().ico(1).expect("ico")),
        mat: mats.add(StandardMaterial {
            base_color: Color::srgba(0.55, 0.45, 0.32, 0.3),
            alpha_mode: AlphaMode::Blend,
            perceptual_roughness: 1.0,
            ..default()
        }),
        n: 0,
    });
}

fn p_spawn_piece(rot: &mut ChildSpawnerCommands, piece: &Handle<Mesh>, m: &Handle<StandardMaterial>, x: f32, a: f32, rr: f32) {
    rot.spawn((Mesh3d(piece.clone()), MeshMaterial3d(m.clone()), Transform::from_xyz(x, a.cos() * rr, a.sin() * rr).with_rotation(Quat::from_rotation_x(-a))));
}

/// Places the hull, tool and boom, moves the cleats and turns the rotor.
#[allow(clippy::type_complexity, clippy::too_many_arguments)]
pub fn animate_machine(
    time: Res<Time>,
    machine: Res<MachineState>,
    ground: Res<Ground>,
    mut hull: Query<&mut Transform, (With<HullView>, Without<ToolView>, Without<Cleat>, Without<RotorView>)>,
    mut tool: Query<&mut Transform, (With<ToolView>, Without<HullView>, Without<Cleat>, Without<RotorView>)>,
    mut cleats: Query<(&Cleat, &mut Transform), (Without<HullView>, Without<ToolView>, Without<RotorView>)>,
    mut rotor: Query<(&mut RotorView, &mut Transform), (Without<HullView>, Without<ToolView>, Without<Cleat>)>,
    mut boom: Query<(&BoomSegment, &mut Transform), (Without<HullView>, Without<ToolView>, Without<Cleat>, Without<RotorView>)>,
) {
    if let Ok(mut tf) = hull.single_mut() {
        tf.translation = machine.pos;
        tf.rotation = machine.rot;
    }
    let l = machine.spec.chassis_m.0;
    for (c, mut tf) in &mut cleats {
        // The top run moves forward (-Z) relative to the hull as the track turns.
        let travel = if c.side == 0 { machine.track_travel.0 } else { machine.track_travel.1 };
        let u = (c.phase + travel / (2.0 * l)).rem_euclid(1.0);
        tf.translation.z = l * 0.5 - u * l;
    }
    if let Ok(mut tf) = tool.single_mut() {
        let (x, z) = machine.tool_xz();
        let g = ground.0.height_at(x, z);
        // Down: the rotor's lowest point sits the dug depth below ground; raised: that far above.
        let dig = if machine.tool_cm > 0.0 { machine.dig_cm(x, z, g).max(0.0) } else { machine.tool_cm };
        let (hx, hz) = machine.heading_xz();
        tf.translation = Vec3::new(x, g - dig * 0.01 + 0.06, z);
        tf.rotation = if machine.boom.is_some() {
            // The drum's axis lies along the boom.
            let (bx, bz) = machine.boom_dir();
            Quat::from_rotation_arc(Vec3::X, Vec3::new(bx, 0.0, bz))
        } else {
            Quat::from_rotation_y(libm::atan2f(-hx, -hz))
        };
        // Boom from the turret up to the elbow, arm down to the cutter.
        if machine.boom.is_some() {
            let (px, pz) = machine.pivot_xz();
            let up = machine.rot * Vec3::Y;
            let root = Vec3::new(px, machine.pos.y, pz) + up * (machine.spec.chassis_m.2 * 0.3);
            let head = tf.translation + Vec3::Y * 0.55;
            let (bx, bz) = machine.boom_dir();
            let flat = ((head.x - root.x).powi(2) + (head.z - root.z).powi(2)).sqrt();
            let elbow = root + Vec3::new(bx, 0.0, bz) * (flat * 0.62) + Vec3::Y * (2.4 + (head.y - root.y).max(0.0));
            for (seg, mut st) in &mut boom {
                let (a, b) = if seg.0 == 0 { (root, elbow) } else { (elbow, head) };
                let d = b - a;
                st.translation = (a + b) * 0.5;
                st.rotation = Quat::from_rotation_arc(Vec3::Y, d.normalize_or(Vec3::Y));
                st.scale = Vec3::new(1.0, d.length(), 1.0);
            }
        }
    }
    let rpm = machine.spec.tool.rotor_rpm.min(400.0); // shown slower than real so the eye can follow
    for (mut r, mut tf) in &mut rotor {
        r.angle = (r.angle + machine.rotor * rpm / 60.0 * std::f32::consts::TAU * time.delta_secs()).rem_euclid(std::f32::consts::TAU);
        tf.rotation = Quat::from_rotation_x(-r.angle);
    }
}

/// Dust where the tool bites: puffs rise and swell, then vanish.
pub fn dust(
    mut commands: Commands,
    time: Res<Time>,
    machine: Res<MachineState>,
    mut spawner: ResMut<DustSpawner>,
    mut puffs: Query<(Entity, &mut Dust, &mut Transform)>,
    ground: Res<Ground>,
) {
    let dt = time.delta_secs().min(0.1);
    let mut alive = 0;
    for (e, mut d, mut tf) in &mut puffs {
        d.age += dt;
        if d.age > DUST_LIFE_S {
            commands.entity(e).despawn();
            continue;
        }
        alive += 1;
        tf.translation += d.vel * dt;
        let s = 0.2 + d.age * 0.55;
        tf.scale = Vec3::splat(s * (1.0 - d.age / DUST_LIFE_S).sqrt());
    }
    if !machine.tool_working() || time.delta_secs() == 0.0 {
        return;
    }
    spawner.carry += dt * 12.0 * machine.rotor;
    let (x, z) = machine.tool_xz();
    let (hx, hz) = machine.heading_xz();
    let w = machine.spec.tool.working_width_m;
    while spawner.carry >= 1.0 && alive < DUST_MAX {
        spawner.carry -= 1.0;
        spawner.n = spawner.n.wrapping_add(1);
        let j = |salt| super::terrain::hash01(spawner.n as i32, 7, salt) - 0.5;
        let across = j(1) * w;
        let (px, pz) = (x - hz * across, z + hx * across);
        let y = ground.0.height_at(px, pz) + 0.2;
        commands.spawn((
            Dust { age: 0.0, vel: Vec3::new(hx * 0.8 + j(2) * 0.6, 0.9 + j(3) * 0.4, hz * 0.8 + j(4) * 0.6) },
            Mesh3d(spawner.mesh.clone()),
            MeshMaterial3d(spawner.mat.clone()),
            Transform::from_xyz(px, y, pz).with_scale(Vec3::splat(0.2)),
            DespawnOnExit(Screen::Operating),
        ));
        alive += 1;
    }
    spawner.carry = spawner.carry.min(2.0);
}

/// The cab disappears while the camera sits in it (the view is through its windows).
pub fn cab_visibility(mode: Res<super::CameraMode>, mut parts: Query<&mut Visibility, With<CabPart>>) {
    let want = if *mode == super::CameraMode::Cab { Visibility::Hidden } else { Visibility::Inherited };
    for mut v in &mut parts {
        if *v != want {
            *v = want;
        }
    }
}
