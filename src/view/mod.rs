//! The 3D world the trainee sees: terrain, site marking, machine, processed ground, effects
//! and cameras. It only reads the simulation's state; it never changes it.

pub mod camera;
pub mod effects;
pub mod machine;
pub mod overlay;
pub mod terrain;

use bevy::prelude::*;

pub use camera::CameraMode;
pub use overlay::OverlayState;

use crate::trainer::{FlowSet, Screen};

pub struct ViewPlugin;

impl Plugin for ViewPlugin {
    fn build(&self, app: &mut App) {
        app.insert_resource(ClearColor(Color::srgb(0.72, 0.78, 0.84)));
        app.insert_resource(GlobalAmbientLight { color: Color::WHITE, brightness: 400.0, ..default() });
        app.init_resource::<CameraMode>();
        app.init_resource::<OverlayState>();
        app.init_resource::<effects::Shake>();
        // The camera exists before egui looks for one to draw on.
        app.add_systems(PreStartup, camera::spawn_camera.before(bevy_egui::EguiStartupSet::InitContexts));
        app.add_systems(Startup, spawn_sun);
        app.add_systems(
            OnEnter(Screen::Operating),
            (terrain::spawn_ground, machine::spawn_machine, overlay::reset_overlay, effects::reset_effects).after(FlowSet::Install),
        );
        app.add_systems(
            Update,
            (
                machine::animate_machine,
                machine::dust,
                overlay::update_overlay,
                effects::show_detonations,
                effects::animate_effects,
                camera::place_camera.after(machine::animate_machine),
            )
                .run_if(in_state(Screen::Operating).and_then(resource_exists::<crate::sim::SimClock>)),
        );
    }
}

fn spawn_sun(mut commands: Commands) {
    commands.spawn((
        Name::new("sun"),
        DirectionalLight { illuminance: 9000.0, shadow_maps_enabled: true, ..default() },
        Transform::from_xyz(-40.0, 80.0, -30.0).looking_at(Vec3::ZERO, Vec3::Y),
    ));
}
