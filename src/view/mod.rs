//! The 3D world the trainee sees: terrain, site marking, machine, processed ground, effects
//! and cameras. It only reads the simulation's state; it never changes it.

pub mod camera;
pub mod effects;
pub mod ghost;
pub mod machine;
pub mod overlay;
pub mod terrain;

use bevy::prelude::*;

pub use camera::CameraMode;
pub use overlay::OverlayState;

use crate::trainer::Screen;

/// While a session runs, the scene follows the sim's state, then the camera follows the scene.
#[derive(SystemSet, Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ViewSet {
    Scene,
    Camera,
}

/// The light and sky, the sets every view file works in, and each file's own systems.
pub(super) fn plugin(app: &mut App) {
    app.insert_resource(ClearColor(Color::srgb(0.72, 0.78, 0.84)));
    app.insert_resource(GlobalAmbientLight { color: Color::WHITE, brightness: 400.0, ..default() });
    app.configure_sets(Update, (ViewSet::Scene, ViewSet::Camera).chain().run_if(in_state(Screen::Operating).and_then(resource_exists::<crate::sim::SimClock>)));
    app.add_systems(Startup, spawn_sun);
    app.add_systems(Update, map_marks.run_if(resource_equals(CameraMode::Map)).in_set(ViewSet::Scene));
    app.add_plugins((camera::plugin, terrain::plugin, machine::plugin, overlay::plugin, effects::plugin, ghost::plugin));
}

fn spawn_sun(mut commands: Commands) {
    commands.spawn((
        Name::new("sun"),
        DirectionalLight { illuminance: 9000.0, shadow_maps_enabled: true, ..default() },
        Transform::from_xyz(-40.0, 80.0, -30.0).looking_at(Vec3::ZERO, Vec3::Y),
    ));
}

/// On the top-down map, the site's lines drawn bold: the boundary, the start lane and the
/// planned lanes' centre lines.
fn map_marks(mut gizmos: Gizmos, ground: Res<crate::sim::Ground>, frame: Res<crate::sim::LaneFrame>) {
    let f = &ground.0;
    let at = |x: f32, z: f32| Vec3::new(x, f.height_at(x, z) + 0.3, z);
    let n = f.hazard_area.len();
    for k in 0..n {
        let (a, b) = (f.hazard_area[k], f.hazard_area[(k + 1) % n]);
        gizmos.line(at(a.0, a.1), at(b.0, b.1), Color::srgb(0.9, 0.1, 0.1));
    }
    let l = &f.start_lane;
    gizmos.line(at(l.from.0, l.from.1), at(l.to.0, l.to.1), Color::srgb(0.2, 0.45, 0.95));
    for k in 0..frame.lane_count() {
        let b = frame.lane_centre(k);
        let (p, q) = (frame.to_world(frame.u_range.0, b), frame.to_world(frame.u_range.1, b));
        gizmos.line(at(p.0, p.1), at(q.0, q.1), Color::srgba(1.0, 1.0, 1.0, 0.25));
    }
}
