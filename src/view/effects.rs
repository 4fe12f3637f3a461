//! Detonations as the trainee sees them: a flash, a rising smoke column, a crater that stays,
//! and a camera shake scaled by the charge.

use bevy::prelude::*;

use crate::clearing::ClearingState;
use crate::scenario::MineKind;
use crate::sim::Ground;
use crate::trainer::Screen;

/// Camera shake still to play out (metres of jitter; decays each frame).
#[derive(Resource, Default)]
pub struct Shake(pub f32);

/// How many of the session's detonations the view has shown.
#[derive(Resource, Default)]
pub struct ShownBlasts(usize);

#[derive(Component)]
pub struct Flash {
    age: f32,
}

#[derive(Component)]
pub struct Smoke {
    age: f32,
    life: f32,
    rise: f32,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Shake>();
    app.add_systems(OnEnter(Screen::Operating), reset_effects.after(crate::trainer::FlowSet::Install));
    app.add_systems(Update, (show_detonations, animate_effects).in_set(super::ViewSet::Scene));
}

pub fn reset_effects(mut commands: Commands) {
    commands.insert_resource(Shake::default());
    commands.insert_resource(ShownBlasts::default());
}

/// Spawns the effects of detonations the sim recorded since the last frame.
pub fn show_detonations(
    mut commands: Commands,
    clearing: Res<ClearingState>,
    clock: Res<crate::sim::SimClock>,
    ground: Res<Ground>,
    mut shown: ResMut<ShownBlasts>,
    mut shake: ResMut<Shake>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut mats: ResMut<Assets<StandardMaterial>>,
) {
    if clearing.detonations.len() <= shown.0 {
        return;
    }
    for d in &clearing.detonations[shown.0..] {
        let y = ground.0.height_at(d.x, d.z);
        let big = matches!(d.kind, MineKind::At | MineKind::Uxo);
        let size = if big { 2.2 } else { 0.8 };
        shake.0 = shake.0.max(if big { 0.9 } else { 0.3 });
        let scoped = DespawnOnExit(Screen::Operating);
        // Blasts from a skipped stretch of the session leave only their craters.
        let fresh = clock.seconds() - d.t < 2.0;
        if fresh {
            commands.spawn((
                Flash { age: 0.0 },
                PointLight { intensity: if big { 4.0e8 } else { 8.0e7 }, range: 60.0, color: Color::srgb(1.0, 0.75, 0.4), ..default() },
                Mesh3d(meshes.add(Sphere::new(size))),
                MeshMaterial3d(mats.add(StandardMaterial {
                    base_color: Color::srgb(1.0, 0.8, 0.4),
                    emissive: LinearRgba::rgb(40.0, 20.0, 5.0),
                    unlit: true,
                    ..default()
                })),
                Transform::from_xyz(d.x, y + 0.5, d.z),
                scoped.clone(),
            ));
            let smoke = mats.add(StandardMaterial {
                base_color: Color::srgba(0.18, 0.16, 0.14, 0.6),
                alpha_mode: AlphaMode::Blend,
                perceptual_roughness: 1.0,
                ..default()
            });
            let ball = meshes.add(Sphere::new(1.0).mesh().ico(2).expect("ico"));
            for k in 0..6 {
                let a = k as f32 * 1.7;
                commands.spawn((
                    Smoke { age: -(k as f32) * 0.15, life: 7.0, rise: 1.2 + k as f32 * 0.25 },
                    Mesh3d(ball.clone()),
                    MeshMaterial3d(smoke.clone()),
                    Transform::from_xyz(d.x + a.cos() * 0.4 * size, y + 0.5, d.z + a.sin() * 0.4 * size).with_scale(Vec3::splat(0.01)),
                    scoped.clone(),
                ));
            }
        } else {
            shake.0 = 0.0;
        }
        // The crater stays for the rest of the session.
        commands.spawn((
            Mesh3d(meshes.add(Cylinder::new(size * 0.9, 0.05))),
            MeshMaterial3d(mats.add(StandardMaterial { base_color: Color::srgb(0.12, 0.10, 0.08), perceptual_roughness: 1.0, depth_bias: 80.0, ..default() })),
            Transform::from_xyz(d.x, y + 0.02, d.z),
            scoped,
        ));
    }
    shown.0 = clearing.detonations.len();
}

pub fn animate_effects(
    mut commands: Commands,
    time: Res<Time>,
    mut flashes: Query<(Entity, &mut Flash, &mut Transform, &mut PointLight), Without<Smoke>>,
    mut smokes: Query<(Entity, &mut Smoke, &mut Transform), Without<Flash>>,
) {
    let dt = time.delta_secs().min(0.1);
    for (e, mut f, mut tf, mut light) in &mut flashes {
        f.age += dt;
        if f.age > 0.45 {
            commands.entity(e).despawn();
            continue;
        }
        tf.scale = Vec3::splat(0.4 + f.age * 3.0);
        light.intensity *= (1.0 - dt * 8.0).max(0.0);
    }
    for (e, mut s, mut tf) in &mut smokes {
        s.age += dt;
        if s.age > s.life {
            commands.entity(e).despawn();
            continue;
        }
        if s.age < 0.0 {
            continue;
        }
        tf.translation.y += s.rise * dt;
        let k = (s.age / s.life).min(1.0);
        tf.scale = Vec3::splat((0.6 + s.age * 0.7) * (1.0 - k * k));
    }
}
