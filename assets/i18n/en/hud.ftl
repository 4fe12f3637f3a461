# The operating HUD (src/ui/hud.rs): instruments, warnings, the key hint, the help, pause and
# finish-confirmation windows; the camera modes' names (src/view/camera.rs).

## Instruments

hud-time = Time { $elapsed } · { $left } left
hud-autopilot-driving = AUTOPILOT DRIVING (demonstration)
hud-autopilot-take-back = F8: take the controls back
hud-autopilot-mixed = The autopilot drove part of this session: it is kept as a demonstration, not an attempt
hud-post-distance = Distance to your post { NUMBER($distance_m, maximumFractionDigits: 0) } m (stand-off { NUMBER($standoff_m, maximumFractionDigits: 0) } m)
hud-faults-so-far = Faults so far { NUMBER($count, maximumFractionDigits: 0) }
hud-speed = Speed { NUMBER($speed_kmh, minimumFractionDigits: 2, maximumFractionDigits: 2) } km/h
# $sign is "+" or "-", $set_pct the lever's size: "set +50 %".
hud-speed-band = band { NUMBER($lo_kmh, minimumFractionDigits: 1, maximumFractionDigits: 1) }–{ NUMBER($hi_kmh, minimumFractionDigits: 1, maximumFractionDigits: 1) } km/h in { $soil } · set { $sign }{ NUMBER($set_pct, maximumFractionDigits: 0) } %
hud-tool-raised = Tool raised { NUMBER($raised_cm, maximumFractionDigits: 0) } cm
hud-tool-depth = Tool { NUMBER($set_cm, maximumFractionDigits: 0) } cm · reaching { NUMBER($reaching_cm, maximumFractionDigits: 0) } of { NUMBER($required_cm, maximumFractionDigits: 0) } cm
hud-rotor = Rotor { NUMBER($rotor_pct, maximumFractionDigits: 0) } % · { NUMBER($rpm, maximumFractionDigits: 0) } rpm{ $stalled ->
        [yes] {"  "}STALLED
       *[no] {""}
    }
hud-rotor-load = Rotor load { NUMBER($load_pct, maximumFractionDigits: 0) } %
hud-area-to-depth = Area to depth { NUMBER($pct, minimumFractionDigits: 1, maximumFractionDigits: 1) } %
hud-condition = Machine condition { NUMBER($pct, maximumFractionDigits: 0) } %
# $mode: one of the camera- names below.
hud-camera = camera: { $mode } (C)

## A boom machine's readouts

hud-sweep = Sweep { NUMBER($sweep_kmh, minimumFractionDigits: 2, maximumFractionDigits: 2) } km/h ({ NUMBER($sweep_ms, minimumFractionDigits: 2, maximumFractionDigits: 2) } m/s)
hud-sweep-limit = to reach { NUMBER($required_cm, maximumFractionDigits: 0) } cm in { $soil } sweep under { NUMBER($limit_kmh, minimumFractionDigits: 1, maximumFractionDigits: 1) } km/h
# $sign is "+" or "-", $slew_deg the angle's size.
hud-slew-reach = Slew { $sign }{ NUMBER($slew_deg, maximumFractionDigits: 0) }° · reach { NUMBER($reach_m, minimumFractionDigits: 1, maximumFractionDigits: 1) } m (of { NUMBER($min_m, minimumFractionDigits: 1, maximumFractionDigits: 1) }–{ NUMBER($max_m, minimumFractionDigits: 1, maximumFractionDigits: 1) })
hud-processed-ahead = Processed ahead of the tracks { NUMBER($ahead_m, minimumFractionDigits: 1, maximumFractionDigits: 1) } m

## Warnings, while the condition lasts

# $gear: "tracks" or "tyres".
hud-warn-unprocessed = { $gear ->
        [tyres] TYRES
       *[tracks] TRACKS
    } ON UNPROCESSED GROUND — stop, reverse along your processed lane
# $what: "slew" (a boom machine) or "speed".
hud-warn-too-fast = TOO FAST FOR DEPTH — reaching { NUMBER($reaching_cm, maximumFractionDigits: 0) } of { NUMBER($required_cm, maximumFractionDigits: 0) } cm; { $what ->
        [slew] slew slower
       *[speed] slow down
    }
hud-warn-rotor-overloaded = ROTOR OVERLOADED — load { NUMBER($load_pct, maximumFractionDigits: 0) } %; slow down or raise the tool before it stalls
hud-warn-rotor-stalled = ROTOR STALLED — stop and raise the tool; it restarts as the hydraulics recover ({ NUMBER($seconds, maximumFractionDigits: 0) } s)
hud-warn-boom-blocked = BOOM BLOCKED — the cutter is against a tree, a rock or the machine; back off
hud-warn-leaving-worksite = LEAVING THE WORKSITE — turn back towards the marked area
hud-warn-standoff = STAND-OFF BREACHED — the machine is within { NUMBER($standoff_m, maximumFractionDigits: 0) } m of you

## The key hint (bottom left)

hud-keys-boom = H help · C camera · Esc pause · Enter finish · J/L slew (Shift fast) · I/K reach · F/R cutter · T depth · Space rotor · W/S travel
hud-keys = H help · C camera · Esc pause · Enter finish · W/S speed · A/D steer · F/R tool · T depth · Space rotor

## The help window

help-title = Controls
help-technique = Technique: lower the tool to the required depth and run the rotor before moving onto new ground;
    keep inside the speed band; keep both tracks on processed ground; overlap each lane with the last.
help-close = Close (H)

## The pause and finish-confirmation windows

pause-title = Paused
pause-stopped = The simulation is stopped.
pause-resume = Resume (Esc)
pause-finish = Finish and see the debrief
pause-controls = Controls (H)
pause-abandon = Abandon and go to the menu
pause-confirm-title = Finish the session?
pause-confirm-text = Area processed to depth so far: { NUMBER($pct, minimumFractionDigits: 1, maximumFractionDigits: 1) } %. Finishing now scores the work as it stands.
pause-confirm-finish = Finish
pause-confirm-keep-working = Keep working (Esc)

## Camera modes

camera-operator-post = operator post
camera-cab = cab
camera-chase = chase
camera-map = map

## Maps

maps-operator-post = operator post
hud-ghost-on = Ghost (G): the expert on this field; blue: the lane it drives next
hud-ghost-on-boom = Ghost (G): the expert on this field; blue: its boom, and where its cutter works next
hud-ghost-computing = Ghost (G): running the expert on this field…
