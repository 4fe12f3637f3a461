//! Cameras: the cab (or, for a remote machine, the operator's post at stand-off distance),
//! a chase view behind the machine, and a top-down map. One camera, three ways of placing it.

use bevy::camera::ScalingMode;
use bevy::prelude::*;

use super::effects::Shake;
use crate::machine::MachineState;
use crate::sim::{Ground, Session};

#[derive(Resource, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CameraMode {
    #[default]
    Cab,
    Chase,
    Map,
}

impl CameraMode {
    pub fn next(self) -> CameraMode {
        match self {
            CameraMode::Cab => CameraMode::Chase,
            CameraMode::Chase => CameraMode::Map,
            CameraMode::Map => CameraMode::Cab,
        }
    }

    pub fn label(self, remote: bool) -> &'static str {
        match (self, remote) {
            (CameraMode::Cab, true) => "operator post",
            (CameraMode::Cab, false) => "cab",
            (CameraMode::Chase, _) => "chase",
            (CameraMode::Map, _) => "map",
        }
    }

    /// The mode's name in `lang`, as the HUD shows it (`label` stays the English name).
    pub fn name_in(self, remote: bool, lang: crate::text::Lang) -> String {
        let id = match (self, remote) {
            (CameraMode::Cab, true) => "camera-operator-post",
            (CameraMode::Cab, false) => "camera-cab",
            (CameraMode::Chase, _) => "camera-chase",
            (CameraMode::Map, _) => "camera-map",
        };
        crate::tr!(lang, id)
    }
}

#[derive(Component)]
pub struct MainCamera;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<CameraMode>();
    // The camera exists before egui looks for one to draw on.
    app.add_systems(PreStartup, spawn_camera.before(bevy_egui::EguiStartupSet::InitContexts));
    app.add_systems(Update, place_camera.in_set(super::ViewSet::Camera));
}

pub fn spawn_camera(mut commands: Commands) {
    commands.spawn((
        Name::new("camera"),
        MainCamera,
        Camera3d::default(),
        Projection::Perspective(PerspectiveProjection { fov: 60f32.to_radians(), ..default() }),
        Transform::from_xyz(0.0, 20.0, 30.0).looking_at(Vec3::ZERO, Vec3::Y),
        DistanceFog { color: Color::srgb(0.72, 0.78, 0.84), falloff: FogFalloff::Linear { start: 150.0, end: 900.0 }, ..default() },
    ));
}

/// Places the camera for the current mode each frame (smoothed in chase), plus any shake.
pub fn place_camera(
    time: Res<Time>,
    mode: Res<CameraMode>,
    machine: Res<MachineState>,
    session: Res<Session>,
    ground: Res<Ground>,
    mut shake: ResMut<Shake>,
    mut cam: Query<(&mut Transform, &mut Projection), With<MainCamera>>,
) {
    let Ok((mut tf, mut proj)) = cam.single_mut() else {
        return;
    };
    let f = &ground.0;
    let dt = time.delta_secs().min(0.1);
    let (hx, hz) = machine.heading_xz();
    let fwd = Vec3::new(hx, 0.0, hz);
    let (l, _w, h) = machine.spec.chassis_m;
    // From the post the operator watches a machine 25 m or more away: a narrower view, as
    // through binoculars, so the tool can be judged.
    let fov = if *mode == CameraMode::Cab && machine.spec.is_remote() { 28f32 } else { 60.0 }.to_radians();
    match &mut *proj {
        Projection::Orthographic(_) if *mode != CameraMode::Map => *proj = Projection::Perspective(PerspectiveProjection { fov, ..default() }),
        Projection::Perspective(p) if p.fov != fov => p.fov = fov,
        _ => {}
    }
    match *mode {
        CameraMode::Cab if machine.spec.is_remote() => {
            // The operator stands at the post, eyes 1.7 m up, and watches the machine.
            let post = session.loaded.scenario.operator_post();
            let eye = Vec3::new(post.0, f.height_at(post.0, post.1) + 1.7, post.1);
            *tf = Transform::from_translation(eye).looking_at(machine.pos, Vec3::Y);
        }
        CameraMode::Cab if machine.boom.is_some() => {
            // From the excavator's cab, looking along the boom at the cutter and the strip.
            let up = machine.rot * Vec3::Y;
            let eye = machine.pos + machine.rot * Vec3::new(-machine.spec.chassis_m.1 * 0.42, h * 1.2, -l * 0.08);
            let (tx, tz) = machine.tool_xz();
            let target = Vec3::new(tx, f.height_at(tx, tz), tz);
            *tf = Transform::from_translation(eye).looking_at(target, up.lerp(Vec3::Y, 0.8));
        }
        CameraMode::Cab => {
            // In the cab (rear of the hull, left of centre), looking over the tool.
            let up = machine.rot * Vec3::Y;
            let eye = machine.pos + machine.rot * Vec3::new(-machine.spec.chassis_m.1 * 0.12, h * 1.35, -l * 0.1);
            let (tx, tz) = machine.tool_xz();
            let target = Vec3::new(tx, f.height_at(tx, tz), tz) + fwd * 7.0;
            *tf = Transform::from_translation(eye).looking_at(target, up.lerp(Vec3::Y, 0.7));
        }
        CameraMode::Chase => {
            let want = machine.pos - fwd * 11.0 + Vec3::Y * 6.0;
            let ground_y = f.height_at(want.x, want.z) + 2.0;
            let want = Vec3::new(want.x, want.y.max(ground_y), want.z);
            let k = 1.0 - (-dt * 3.0).exp();
            tf.translation = if tf.translation.distance(want) > 40.0 { want } else { tf.translation.lerp(want, k) };
            tf.look_at(machine.pos + fwd * 4.0, Vec3::Y);
        }
        CameraMode::Map => {
            // Straight down over the worksite (hazard area and start lane), north up.
            let mut pts = f.hazard_area.clone();
            pts.push(f.start_lane.from);
            pts.push(f.start_lane.to);
            let (lo, hi) = crate::geom::bounds(&pts);
            let c = Vec3::new((lo.0 + hi.0) * 0.5, 0.0, (lo.1 + hi.1) * 0.5);
            let span = ((hi.0 - lo.0) * 0.6).max(hi.1 - lo.1) + 16.0;
            *tf = Transform::from_xyz(c.x, 200.0, c.z).looking_at(c, Vec3::NEG_Z);
            if !matches!(&*proj, Projection::Orthographic(_)) {
                *proj = Projection::Orthographic(OrthographicProjection {
                    scaling_mode: ScalingMode::FixedVertical { viewport_height: span },
                    far: 1000.0,
                    ..OrthographicProjection::default_3d()
                });
            } else if let Projection::Orthographic(o) = &mut *proj {
                o.scaling_mode = ScalingMode::FixedVertical { viewport_height: span };
            }
        }
    }
    if shake.0 > 0.005 {
        let t = time.elapsed_secs() * 40.0;
        let j = Vec3::new((t * 1.3).sin(), (t * 1.7).cos(), (t * 2.3).sin()) * shake.0 * 0.35;
        tf.translation += j;
        shake.0 *= (1.0 - dt * 2.5).max(0.0);
    }
}
