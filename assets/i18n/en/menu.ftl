# The menu (menu-), the briefing (briefing-), a trainee's progress (progress-), the controls
# table (controls-) and shared words (common-). English text as the screens showed it.

## Shared

common-quit = Quit
common-back-to-menu = Back to menu
common-back-to-editor = Back to editor

## Menu

menu-subtitle = Training simulator for mechanical mine-clearing machine operators
menu-exam-seat = EXAM SEAT: the course only, no autopilot; type your name, then choose the scenario
menu-session = Session
menu-language = Language:
menu-start-first = ▶  Start the first lesson
menu-replays-kept = Replays are kept in { $dir }
menu-scenarios = Scenarios
menu-scenarios-intro = The course, from first lesson to exam. Click one to read its briefing.
menu-scenario-problems = ✗ { NUMBER($count, maximumFractionDigits: 0) } problem(s)
menu-edit-copy = Edit a copy in the scenario editor
menu-edit = Edit in the scenario editor
menu-open-file = Open a scenario file:
menu-scenario-path-hint = path/to/scenario.ron
menu-open = Open
menu-trainee = Trainee:
menu-trainee-hint = your name (kept in each replay)
menu-known = Known:
menu-progress = Progress of this trainee
menu-autopilot = The expert autopilot drives (a demonstration: not kept as an attempt)
menu-seed = Field seed:
menu-seed-hint = the scenario's own
menu-seed-bad = not a whole number
menu-review-heading = Review a recorded session
menu-replay-path-hint = path/to/session.mcreplay
menu-review = Review
menu-editor = ✏ Scenario editor
menu-editor-hint = Write or change an exercise, preview its field, test-drive it
menu-cannot-open = Cannot open { $subject }
menu-fix-problems = Fix these in the file, then open it again:
menu-scenarios-ready = { NUMBER($count, maximumFractionDigits: 0) } scenarios ready

## Briefing

briefing-watch-autopilot = ▶  Watch the autopilot (Enter)
briefing-begin = ▶  Begin (Enter)
briefing-seed = Seed { $seed } · { $origin }
briefing-objective = Objective
briefing-required-depth = Required depth
briefing-required-depth-value = { NUMBER($depth_cm, maximumFractionDigits: 0) } cm over the whole marked area
briefing-time-limit = Time limit
briefing-time-limit-value = { NUMBER($minutes, maximumFractionDigits: 0) } min
briefing-overlap = Lane overlap
briefing-overlap-value = { NUMBER($lo_m, minimumFractionDigits: 2, maximumFractionDigits: 2) }–{ NUMBER($hi_m, minimumFractionDigits: 2, maximumFractionDigits: 2) } m
briefing-pass-mark = Pass mark
briefing-pass-mark-value = { NUMBER($pass, maximumFractionDigits: 0) } / 100
briefing-area = Area
briefing-area-value = { NUMBER($area_m2, maximumFractionDigits: 0) } m²
briefing-machine = Machine
briefing-tool = Tool
briefing-tool-value = { $tool }, { NUMBER($width_m, minimumFractionDigits: 2, maximumFractionDigits: 2) } m wide, { NUMBER($min_cm, maximumFractionDigits: 0) }–{ NUMBER($max_cm, maximumFractionDigits: 0) } cm deep
briefing-speed = Working speed
briefing-speed-value = { NUMBER($lo_kmh, minimumFractionDigits: 1, maximumFractionDigits: 1) }–{ NUMBER($hi_kmh, minimumFractionDigits: 1, maximumFractionDigits: 1) } km/h (about { NUMBER($depth_cm, maximumFractionDigits: 0) } cm at { NUMBER($ref_kmh, minimumFractionDigits: 1, maximumFractionDigits: 1) } km/h)
briefing-mass = Mass
briefing-mass-value = { NUMBER($mass_t, minimumFractionDigits: 1, maximumFractionDigits: 1) } t; survives about { NUMBER($charge_kg, minimumFractionDigits: 1, maximumFractionDigits: 1) } kg of charge
briefing-remote = Remote control
briefing-remote-value = you stay at your post, at least { NUMBER($standoff_m, maximumFractionDigits: 0) } m from the machine
briefing-controls = Controls
briefing-site-map = Site map
briefing-map-legend = Red-and-white: the marked hazard area. Blue: the start lane, cleared and safe. Trees and rocks are drawn; mines are not — as on a real site, you do not know where they are.

## A trainee's progress

progress-title = Progress: { $trainee }
progress-summary = { NUMBER($own, maximumFractionDigits: 0) } { NUMBER($own, maximumFractionDigits: 0) ->
        [one] attempt
       *[other] attempts
    } ({ NUMBER($demos, maximumFractionDigits: 0) } { NUMBER($demos, maximumFractionDigits: 0) ->
        [one] demonstration
       *[other] demonstrations
    } kept apart) · { NUMBER($passed, maximumFractionDigits: 0) } of { NUMBER($total, maximumFractionDigits: 0) } scenarios passed
progress-course = The course
progress-passed-best = passed, best { NUMBER($best, minimumFractionDigits: 1, maximumFractionDigits: 1) }
progress-attempted-best = attempted { NUMBER($count, maximumFractionDigits: 0) }×, best { NUMBER($best, minimumFractionDigits: 1, maximumFractionDigits: 1) } (pass { NUMBER($pass, maximumFractionDigits: 0) })
progress-not-yet = not yet
progress-score-over-attempts = Score over attempts
progress-recurring-faults = Faults that keep coming back
progress-no-faults = None so far.
progress-fault-other = other
progress-attempts = Attempts
progress-pass = pass
progress-fail = fail
progress-tag-exam = exam
progress-tag-modified = modified copy
progress-tag-own = own scenario
progress-tag-version-unknown = version not recorded
progress-tag-mixed = partly autopilot
progress-tag-driver-unknown = driver not recorded
progress-tag-demonstration = demonstration
progress-standing-hover = { $standing }; who drove: { $who }
progress-not-recorded = not recorded
progress-standing-exam = exam
progress-standing-course = course
progress-standing-earlier-version = course (earlier version)
progress-standing-modified = practice on a modified scenario
progress-standing-other = own scenario (not in the course)
progress-standing-unknown = version not recorded
progress-driven-autopilot = the autopilot drove
progress-driven-script = a script drove
progress-driven-mixed = the autopilot drove part of it
progress-driven-unknown = who drove was not recorded
progress-review = Review
progress-replay-moved = (replay moved)
progress-attempt-line = { $title } · { NUMBER($faults, maximumFractionDigits: 0) } faults

## The controls table (briefing and help overlay)

controls-head-action = Action
controls-head-keyboard = Keyboard
controls-head-gamepad = Gamepad
controls-speed = Set speed faster / slower
controls-steer = Steer (slow one track)
controls-stop = Stop (speed to zero)
controls-tool = Tool lower / raise
controls-tool-depth = Tool to required depth
controls-rotor = Rotor on / off
controls-camera = Camera: cab or post, chase, map
controls-pause = Pause
controls-help = Help (this list)
controls-finish = Finish the session
controls-autopilot = Autopilot takes over / give it back (not an attempt then)
controls-ghost = The expert's ghost: show / hide (the autopilot on the same field)
controls-slew = Slew the boom left / right
controls-reach = Reach out / pull in
controls-cutter = Cutter lower / raise
controls-cutter-depth = Cutter to required depth
controls-travel-speed = Travel speed faster / slower
controls-steer-tracks = Steer the tracks
controls-stop-travel = Stop travelling
controls-camera-boom = Camera: cab along the boom, chase, map
controls-key-w-s = W / S (hold)
controls-key-a-d = A / D (hold)
controls-key-f-r = F / R (hold)
controls-key-j-l = J / L (hold; Shift: fast)
controls-key-i-k = I / K (hold; Shift: fast)
controls-key-pause = Esc or P
controls-key-help = H or F1
controls-key-finish = Enter (then confirm)
controls-pad-levers = left and right sticks (track levers)
controls-pad-steer = push the sticks unevenly
controls-pad-finish = D-pad down (then confirm)
controls-pad-slew = left stick left / right
controls-pad-reach = left stick forward / back
controls-pad-cutter = right stick forward / back
controls-pad-travel = RT forward, LT back (held)
controls-pad-steer-tracks = right stick left / right
common-in-english = (in English: not yet written in this language)
common-in-english-short = (in English)
controls-pad-east = B / East
controls-pad-north = Y / North
controls-pad-south = A / South
common-origin-builtin = built-in:{ $name }

## The flow's notices (shown on the menu, the debrief, the progress screen and the editor)

flow-exam-course-only = { $scenario }: only the course's scenarios can be sat at an exam seat
flow-exam-needs-name = an exam needs the trainee's name: type it in the Trainee box first
flow-exam-no-editor = the scenario editor is closed at an exam seat
flow-exam-no-replays = replays cannot be opened at an exam seat
flow-exam-no-autopilot = the autopilot is not available at an exam seat
flow-exam-subject = this at an exam seat
flow-progress-needs-name = name a trainee first (the Trainee box above)
flow-progress-no-folder = no progress folder is set
flow-replay-not-saved = cannot save the replay to { $path }: { $error }
flow-save-has-problems = the scenario has { NUMBER($count, maximumFractionDigits: 0) } problem(s); trainees cannot open it until they are fixed
flow-cannot-create = cannot create { $path }: { $error }
flow-cannot-write = cannot write { $path }: { $error }
controls-pad-up = D-pad up
controls-pad-right = D-pad right
flow-taken-over-not-stored = practice from a replay (taken over at { $from }): not kept as an attempt

sound-title = Sound
sound-mute = Mute
sound-master = Volume
sound-machine = Machine and surroundings
sound-alarms = Alarms
sound-muted-by-command-line = Started with { $flag }: no sound this run.
