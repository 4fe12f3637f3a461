//! The expert beside the trainee while operating: a translucent machine where the autopilot
//! was at this moment of its own session on the same field, and the lane it drives next drawn
//! on the ground. Off by default (G, or `play --expert`); never at an exam seat. The expert's
//! session runs headless on a thread of its own the first time it is asked for, so the
//! trainer never waits on it.

use std::sync::Arc;
use std::thread::JoinHandle;

use bevy::prelude::*;

use crate::machine::MachineState;
use crate::replay::expert::ExpertRun;
use crate::sim::{Ground, Session, SimClock};
use crate::trainer::{Screen, Seat};

/// Seconds of the expert's path drawn ahead of its ghost (its planned lane), and behind it.
const AHEAD_S: f32 = 40.0;
const BEHIND_S: f32 = 6.0;

/// Whether the ghost is shown, and the expert's session it follows.
#[derive(Resource, Default)]
pub struct Ghost {
    pub on: bool,
    /// The expert's session, running on its own thread, for (origin, seed).
    job: Option<(String, u64, JoinHandle<ExpertRun>)>,
    /// The expert's finished session (kept for the debrief's comparison, too).
    pub run: Option<Arc<ExpertRun>>,
}

impl Ghost {
    /// The expert's session on this session's field, when it has finished.
    pub fn run_for(&self, session: &Session) -> Option<Arc<ExpertRun>> {
        self.run.as_ref().filter(|r| r.origin == session.loaded.origin && r.seed == session.seed).cloned()
    }

    /// The expert is still being run for this field.
    pub fn computing(&self) -> bool {
        self.job.is_some()
    }
}

/// The translucent machine.
#[derive(Component)]
struct GhostMachine;

/// The expert's path, drawn wider than the default gizmo lines so that it reads on the sand
/// from the chase camera.
#[derive(Default, Reflect, GizmoConfigGroup)]
struct GhostPath;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Ghost>();
    app.insert_gizmo_config(GhostPath, GizmoConfig { line: GizmoLineConfig { width: 5.0, joints: GizmoLineJoint::Round(4), ..default() }, ..default() });
    app.add_systems(Update, (run_the_expert, place_ghost).chain().in_set(super::ViewSet::Scene));
}

/// Starts the expert's session when the ghost is first asked for on this field, and takes it
/// in when it is done.
fn run_the_expert(mut ghost: ResMut<Ghost>, session: Res<Session>, seat: Res<Seat>) {
    if seat.exam {
        ghost.on = false;
        return;
    }
    if let Some((_, _, job)) = &ghost.job
        && job.is_finished()
    {
        let (origin, seed, job) = ghost.job.take().expect("a job");
        match job.join() {
            Ok(run) if run.origin == origin && run.seed == seed => ghost.run = Some(Arc::new(run)),
            Ok(_) => {}
            Err(_) => warn!("the expert's session for the ghost failed; the ghost stays off"),
        }
    }
    let wanted = ghost.on && ghost.run_for(&session).is_none();
    let running_for_this = ghost.job.as_ref().is_some_and(|(o, s, _)| *o == session.loaded.origin && *s == session.seed);
    if wanted && !running_for_this && ghost.job.is_none() {
        let (loaded, seed) = (session.loaded.clone(), session.seed);
        let origin = loaded.origin.clone();
        let job = std::thread::Builder::new().name("expert ghost".into()).spawn(move || ExpertRun::run(loaded, seed));
        match job {
            Ok(job) => ghost.job = Some((origin, seed, job)),
            Err(e) => {
                warn!("cannot run the expert for the ghost: {e}");
                ghost.on = false;
            }
        }
    }
}

/// Puts the ghost where the expert was at this moment and draws the lane it drives next.
#[allow(clippy::too_many_arguments)]
fn place_ghost(
    mut commands: Commands,
    ghost: Res<Ghost>,
    session: Res<Session>,
    clock: Res<SimClock>,
    machine: Res<MachineState>,
    ground: Res<Ground>,
    mut shown: Query<(&mut Transform, &mut Visibility), With<GhostMachine>>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut mats: ResMut<Assets<StandardMaterial>>,
    mut gizmos: Gizmos<GhostPath>,
) {
    let run = ghost.run_for(&session).filter(|_| ghost.on);
    let Some(pose) = run.as_ref().and_then(|r| r.pose_at(clock.seconds())) else {
        for (_, mut vis) in &mut shown {
            *vis = Visibility::Hidden;
        }
        return;
    };
    let run = run.expect("a run");
    if let Ok((mut tf, mut vis)) = shown.single_mut() {
        *tf = Transform::from_translation(pose.pos).with_rotation(pose.rot);
        *vis = Visibility::Inherited;
    } else {
        spawn_ghost(&mut commands, &machine, pose.pos, pose.rot, &mut meshes, &mut mats);
    }
    // The expert's path: faint behind it, bright ahead (the lane it works next).
    let field = &ground.0;
    let at = |p: Vec3| Vec3::new(p.x, field.height_at(p.x, p.z) + 0.25, p.z);
    let i = (clock.seconds() as f64 * crate::sim::TICK_HZ / crate::replay::trace::POSE_EVERY as f64) as usize;
    let per_s = (crate::sim::TICK_HZ / crate::replay::trace::POSE_EVERY as f64) as usize;
    let (from, to) = (i.saturating_sub(BEHIND_S as usize * per_s), (i + AHEAD_S as usize * per_s).min(run.poses.len()));
    if from + 1 < to {
        let behind = Color::srgba(0.2, 0.55, 1.0, 0.4);
        let ahead = Color::srgba(0.1, 0.45, 1.0, 0.95);
        let split = i.clamp(from, to - 1);
        gizmos.linestrip((from..=split).map(|k| at(run.poses[k].pos)), behind);
        gizmos.linestrip((split..to).map(|k| at(run.poses[k].pos)), ahead);
    }
}

/// A see-through hull and tool the size of the trainee's machine.
fn spawn_ghost(commands: &mut Commands, machine: &MachineState, pos: Vec3, rot: Quat, meshes: &mut Assets<Mesh>, mats: &mut Assets<StandardMaterial>) {
    let (l, w, h) = machine.spec.chassis_m;
    let glass = mats.add(StandardMaterial {
        // A strong blue that no machine, soil or vegetation has, half see-through.
        base_color: Color::srgba(0.15, 0.5, 1.0, 0.5),
        alpha_mode: AlphaMode::Blend,
        unlit: true,
        ..default()
    });
    let tool_w = machine.spec.tool.working_width_m;
    commands
        .spawn((Name::new("expert ghost"), GhostMachine, Transform::from_translation(pos).with_rotation(rot), Visibility::default(), DespawnOnExit(Screen::Operating)))
        .with_children(|p| {
            p.spawn((Mesh3d(meshes.add(Cuboid::new(w, h, l))), MeshMaterial3d(glass.clone()), Transform::default()));
            // The tool across the front (Bevy's forward is -Z); a boom's cutter is not drawn.
            if machine.boom.is_some() {
                return;
            }
            p.spawn((Mesh3d(meshes.add(Cuboid::new(tool_w, 0.5, 0.6))), MeshMaterial3d(glass), Transform::from_xyz(0.0, -h * 0.3, -l * 0.5 - 1.0)));
        });
}
