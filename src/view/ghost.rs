//! The expert beside the trainee while operating: a translucent machine where the autopilot
//! was at this moment of its own session on the same field, and the lane it drives next drawn
//! on the ground (for a boom machine, its boom and cutter, and the cutter's sweeps). Off by
//! default (G, or `play --expert`); never at an exam seat. The expert's session runs headless
//! on a thread of its own the first time it is asked for, so the trainer never waits on it.

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

/// A boom machine's translucent cutter, placed at the expert's drum (not a child of the hull:
/// the boom slews and reaches on its own).
#[derive(Component)]
struct GhostCutter;

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
    mut shown: Query<(&mut Transform, &mut Visibility), (With<GhostMachine>, Without<GhostCutter>)>,
    mut cutter: Query<(&mut Transform, &mut Visibility), (With<GhostCutter>, Without<GhostMachine>)>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut mats: ResMut<Assets<StandardMaterial>>,
    mut gizmos: Gizmos<GhostPath>,
) {
    let run = ghost.run_for(&session).filter(|_| ghost.on);
    let Some(pose) = run.as_ref().and_then(|r| r.pose_at(clock.seconds())) else {
        for (_, mut vis) in shown.iter_mut().chain(cutter.iter_mut()) {
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
    let field = &ground.0;
    let lift = |x: f32, z: f32, up: f32| Vec3::new(x, field.height_at(x, z) + up, z);
    // A boom machine: its boom from the slew centre to the drum, and the cutter there.
    if let Some(b) = pose.boom {
        let (dx, dz) = (b.drum.0 - b.pivot.0, b.drum.1 - b.pivot.1);
        let yaw = dx.atan2(dz);
        let at = lift(b.drum.0, b.drum.1, 0.45);
        if let Ok((mut tf, mut vis)) = cutter.single_mut() {
            // The drum's axis lies along the boom.
            *tf = Transform::from_translation(at).with_rotation(Quat::from_rotation_y(yaw));
            *vis = Visibility::Inherited;
        }
        gizmos.line(lift(b.pivot.0, b.pivot.1, machine.spec.chassis_m.2 + 1.2), at + Vec3::Y * 0.5, Color::srgba(0.1, 0.45, 1.0, 0.9));
    }
    // The expert's path (a boom machine's drum, whose sweeps are the work): faint behind it,
    // bright ahead (what it works next).
    let point = |k: usize| {
        let p = &run.poses[k];
        match p.boom {
            Some(b) => lift(b.drum.0, b.drum.1, 0.25),
            None => lift(p.pos.x, p.pos.z, 0.25),
        }
    };
    let i = crate::replay::trace::pose_index(clock.seconds());
    let per_s = crate::replay::trace::POSES_PER_S;
    let (from, to) = (i.saturating_sub(BEHIND_S as usize * per_s), (i + AHEAD_S as usize * per_s).min(run.poses.len()));
    if from + 1 < to {
        let behind = Color::srgba(0.2, 0.55, 1.0, 0.4);
        let ahead = Color::srgba(0.1, 0.45, 1.0, 0.95);
        let split = i.clamp(from, to - 1);
        gizmos.linestrip((from..=split).map(point), behind);
        gizmos.linestrip((split..to).map(point), ahead);
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
            // The tool across the front (Bevy's forward is -Z); a boom's cutter is placed apart.
            if machine.boom.is_none() {
                p.spawn((Mesh3d(meshes.add(Cuboid::new(tool_w, 0.5, 0.6))), MeshMaterial3d(glass.clone()), Transform::from_xyz(0.0, -h * 0.3, -l * 0.5 - 1.0)));
            }
        });
    if machine.boom.is_some() {
        // The drum, its axis along the boom (local +Z, turned to the boom's heading).
        commands.spawn((
            Name::new("expert ghost cutter"),
            GhostCutter,
            Mesh3d(meshes.add(Cuboid::new(0.8, 0.8, tool_w))),
            MeshMaterial3d(glass),
            Transform::default(),
            Visibility::Hidden,
            DespawnOnExit(Screen::Operating),
        ));
    }
}
