# mineclear, English. Numbers go through NUMBER() with their decimals fixed, as the trainer
# shows them; words (soils, mines, tools, places) are messages of their own below, looked up
# by key and passed in as text. Derived arguments the code adds: $worn (1 when wear_pct is
# at least 0.5), $hydraulics_low (1 below 99.9 %), $reached_any (1 when reached_cm > 0),
# $speed_ms and $limit_ms (km/h / 3.6), and $<word>_key (the raw key, for selectors).

## Words

soil-SandyLoam = sandy loam
soil-Clay = clay
soil-Rocky = rocky
soil-Wet = wet ground
soil-Road = road
mine-ApBlast = AP blast
mine-ApFragmentation = AP fragmentation
mine-At = AT
mine-Uxo = UXO
tool-Flail = flail
tool-Tiller = tiller
tool-RotaryCutter = rotary cutter
where-between_lanes = between lanes
where-area_edge = along the area's edge
where-lane_end = at the end of the lane
where-in_lane = inside the lane
manual-trees = around tree trunks
manual-rocks = around rocks
manual-ditch = in the ditch
manual-zone = in a zone marked for manual clearance

## Faults

fault-tracks-on-unprocessed = lane { NUMBER($lane, maximumFractionDigits: 0) }, { NUMBER($from_m, maximumFractionDigits: 0) }–{ NUMBER($to_m, maximumFractionDigits: 0) } m: track on ground the tool had not processed; keep the tracks inside the processed strip
fault-reversing-onto-unprocessed = lane { NUMBER($lane, maximumFractionDigits: 0) }, { NUMBER($from_m, maximumFractionDigits: 0) }–{ NUMBER($to_m, maximumFractionDigits: 0) } m: reversed onto unprocessed ground; only reverse along your own processed lane
fault-too-fast = lane { NUMBER($lane, maximumFractionDigits: 0) }, { NUMBER($from_m, maximumFractionDigits: 0) }–{ NUMBER($to_m, maximumFractionDigits: 0) } m: { NUMBER($speed_kmh, minimumFractionDigits: 1, maximumFractionDigits: 1) } km/h, processed { NUMBER($reached_cm, maximumFractionDigits: 0) } cm of { NUMBER($required_cm, maximumFractionDigits: 0) } cm required; in { $soil } keep under { NUMBER($limit_kmh, minimumFractionDigits: 1, maximumFractionDigits: 1) } km/h
fault-too-fast-sweep = sweep { NUMBER($sweep, maximumFractionDigits: 0) }: cutter swept at { NUMBER($speed_kmh, minimumFractionDigits: 1, maximumFractionDigits: 1) } km/h ({ NUMBER($speed_ms, minimumFractionDigits: 2, maximumFractionDigits: 2) } m/s), processed { NUMBER($reached_cm, maximumFractionDigits: 0) } cm of { NUMBER($required_cm, maximumFractionDigits: 0) } cm required; in { $soil } sweep under { NUMBER($limit_kmh, minimumFractionDigits: 1, maximumFractionDigits: 1) } km/h ({ NUMBER($limit_ms, minimumFractionDigits: 2, maximumFractionDigits: 2) } m/s)
fault-depth-short-rotor = lane { NUMBER($lane, maximumFractionDigits: 0) }, { NUMBER($from_m, maximumFractionDigits: 0) }–{ NUMBER($to_m, maximumFractionDigits: 0) } m: the rotor ran at { NUMBER($rotor_pct, maximumFractionDigits: 0) } % of its speed and processed { NUMBER($reached_cm, maximumFractionDigits: 0) } cm of { NUMBER($required_cm, maximumFractionDigits: 0) } cm required; let it reach full speed before working
fault-depth-short-tool = lane { NUMBER($lane, maximumFractionDigits: 0) }, { NUMBER($from_m, maximumFractionDigits: 0) }–{ NUMBER($to_m, maximumFractionDigits: 0) } m: at { NUMBER($speed_kmh, minimumFractionDigits: 1, maximumFractionDigits: 1) } km/h (a whole { $tool } would reach the depth under { NUMBER($limit_kmh, minimumFractionDigits: 1, maximumFractionDigits: 1) } km/h) the { $tool } processed { NUMBER($reached_cm, maximumFractionDigits: 0) } cm of { NUMBER($required_cm, maximumFractionDigits: 0) } cm required: it has { NUMBER($left, maximumFractionDigits: 0) } of { NUMBER($fitted, maximumFractionDigits: 0) } { tool-parts } left, { NUMBER($wear_pct, maximumFractionDigits: 0) } % worn; slow down further and have it serviced
fault-depth-short-hard = lane { NUMBER($lane, maximumFractionDigits: 0) }, { NUMBER($from_m, maximumFractionDigits: 0) }–{ NUMBER($to_m, maximumFractionDigits: 0) } m: at { NUMBER($speed_kmh, minimumFractionDigits: 1, maximumFractionDigits: 1) } km/h the tool processed { NUMBER($reached_cm, maximumFractionDigits: 0) } cm of { NUMBER($required_cm, maximumFractionDigits: 0) } cm required: { $soil } under { NUMBER($vegetation_pct, maximumFractionDigits: 0) } % vegetation is too hard for it at working speed; work it at the slowest speed and report it for follow-up
fault-shallow-tool = lane { NUMBER($lane, maximumFractionDigits: 0) }, { NUMBER($from_m, maximumFractionDigits: 0) }–{ NUMBER($to_m, maximumFractionDigits: 0) } m: moved onto new ground with the tool at { NUMBER($set_cm, maximumFractionDigits: 0) } cm (required { NUMBER($required_cm, maximumFractionDigits: 0) } cm); lower the tool and run the rotor before moving on
fault-shallow-relief = lane { NUMBER($lane, maximumFractionDigits: 0) }, { NUMBER($from_m, maximumFractionDigits: 0) }–{ NUMBER($to_m, maximumFractionDigits: 0) } m: the ground fell away under the tool, which reached { NUMBER($set_cm, maximumFractionDigits: 0) } cm of { NUMBER($required_cm, maximumFractionDigits: 0) } cm required; lower the tool into hollows and ditches and lift it over humps
fault-left-worksite = left the worksite more than { NUMBER($margin_m, maximumFractionDigits: 0) } m from the marked area; turn close to the area, on ground known to be safe
fault-slope-limit = ground at { NUMBER($slope_deg, maximumFractionDigits: 0) }°, past the machine's { NUMBER($limit_deg, maximumFractionDigits: 0) }° limit; work this slope from another direction or leave it for manual teams
fault-standoff = machine came within { NUMBER($distance_m, maximumFractionDigits: 0) } m of the operator (stand-off { NUMBER($standoff_m, maximumFractionDigits: 0) } m); plan lanes and turns away from your post
fault-track-detonation = { $mine } mine set off under a track (lane { NUMBER($lane, maximumFractionDigits: 0) }) on ground the tool had not processed; drive only on processed ground
fault-track-detonation-shallow = { $mine } mine set off under a track (lane { NUMBER($lane, maximumFractionDigits: 0) }): the tool had processed this ground to only { NUMBER($worked_cm, maximumFractionDigits: 0) } cm, above the mine; hold the depth before driving on
fault-collision = hit an obstacle at { NUMBER($speed_kmh, minimumFractionDigits: 1, maximumFractionDigits: 1) } km/h; slow down and steer around trees and rocks
fault-boom-obstacle = the cutter struck a tree or rock; stop the sweep short of obstacles and leave the ground around them for the manual teams
fault-boom-own-machine = the cutter was swung into the machine's own tracks; keep the reach out when slewing close to the base
fault-rotor-stall = rotor stalled at { NUMBER($speed_kmh, minimumFractionDigits: 1, maximumFractionDigits: 1) } km/h with the tool at { NUMBER($set_cm, maximumFractionDigits: 0) } cm in { $soil } (hardness { NUMBER($hardness, minimumFractionDigits: 1, maximumFractionDigits: 1) }): it needed { NUMBER($need_kw, maximumFractionDigits: 0) } kW of the { NUMBER($have_kw, maximumFractionDigits: 0) } kW it had; slow down or raise the tool in hard ground
fault-machine-disabled = a blast beyond the machine's armour disabled it
fault-gap = lane { NUMBER($lane, maximumFractionDigits: 0) }, { NUMBER($from_m, maximumFractionDigits: 0) }–{ NUMBER($to_m, maximumFractionDigits: 0) } m, { $place }: { NUMBER($area_m2, minimumFractionDigits: 1, maximumFractionDigits: 1) } m² { $reached_any ->
        [1] processed to only { NUMBER($reached_cm, maximumFractionDigits: 0) } cm of { NUMBER($required_cm, maximumFractionDigits: 0) } cm
       *[0] left unprocessed
    }; the land cannot be released until it is processed
fault-live-mine-thrown = { $mine } mine thrown live to ({ NUMBER($x, minimumFractionDigits: 1, maximumFractionDigits: 1) }, { NUMBER($z, minimumFractionDigits: 1, maximumFractionDigits: 1) }){ $outside ->
        [1] , outside the marked area
       *[0] {""}
    }; mark it for the follow-up team
fault-overlap = lanes overlapped by { NUMBER($overlap_m, minimumFractionDigits: 2, maximumFractionDigits: 2) } m on average; the scenario asks { NUMBER($lo_m, minimumFractionDigits: 1, maximumFractionDigits: 1) }–{ NUMBER($hi_m, minimumFractionDigits: 1, maximumFractionDigits: 1) } m
fault-time-limit = the { NUMBER($limit_min, maximumFractionDigits: 0) } min time limit ran out

## Advice

advice-gaps = { NUMBER($area_m2, minimumFractionDigits: 1, maximumFractionDigits: 1) } m² of the area in { NUMBER($patches, maximumFractionDigits: 0) } place(s) was left short of the depth: no pass until every part of the marked area is processed. Go back over each gap before you leave the area.
advice-clearance = Clearance cost { NUMBER($points, maximumFractionDigits: 0) } points: { NUMBER($coverage_pct, maximumFractionDigits: 0) } % of the area reached { NUMBER($required_cm, maximumFractionDigits: 0) } cm and { NUMBER($live, maximumFractionDigits: 0) } live mines remain in it. Finish every lane and hold the depth.
advice-sweeps = Sweep technique cost { NUMBER($points, maximumFractionDigits: 0) } points: { NUMBER($gap_m2, minimumFractionDigits: 1, maximumFractionDigits: 1) } m² of gaps, overlap { NUMBER($overlap_m, minimumFractionDigits: 2, maximumFractionDigits: 2) } m (asked at least { NUMBER($lo_m, minimumFractionDigits: 1, maximumFractionDigits: 1) } m). Change the reach by less than the drum's width between sweeps, and overlap each column with the last.
advice-lanes = Lane technique cost { NUMBER($points, maximumFractionDigits: 0) } points: { NUMBER($gap_m2, minimumFractionDigits: 1, maximumFractionDigits: 1) } m² of gaps, overlap { NUMBER($overlap_m, minimumFractionDigits: 2, maximumFractionDigits: 2) } m (asked { NUMBER($lo_m, minimumFractionDigits: 1, maximumFractionDigits: 1) }–{ NUMBER($hi_m, minimumFractionDigits: 1, maximumFractionDigits: 1) } m), sideways wander { NUMBER($wander_m, minimumFractionDigits: 2, maximumFractionDigits: 2) } m. Drive straight, parallel lanes.
advice-speed-depth-sweeps = Speed and depth cost { NUMBER($points, maximumFractionDigits: 0) } points: { NUMBER($shallow_pct, maximumFractionDigits: 0) } % of new ground was processed shallower than { NUMBER($required_cm, maximumFractionDigits: 0) } cm. Slew slower so the teeth reach the depth, and follow the ground with the boom.
advice-speed-depth = Speed and depth cost { NUMBER($points, maximumFractionDigits: 0) } points: { NUMBER($shallow_pct, maximumFractionDigits: 0) } % of new ground was processed shallower than { NUMBER($required_cm, maximumFractionDigits: 0) } cm. Slow down until the depth holds, more in hard soil and thick vegetation.
advice-safety = Safety cost { NUMBER($points, maximumFractionDigits: 0) } points: { NUMBER($faults, maximumFractionDigits: 0) } safety faults. Keep the tracks on processed ground and stay inside the worksite.
advice-efficiency = Efficiency cost { NUMBER($points, maximumFractionDigits: 0) } points: { NUMBER($rate_m2h, maximumFractionDigits: 0) } m²/h against the machine's { NUMBER($lo_m2h, maximumFractionDigits: 0) }–{ NUMBER($hi_m2h, maximumFractionDigits: 0) } m²/h. Turn quickly outside the area and keep working speed.
advice-machine-care = Machine care cost { NUMBER($points, maximumFractionDigits: 0) } points: condition { NUMBER($condition_pct, maximumFractionDigits: 0) } %, { tool-left }, { NUMBER($collisions, maximumFractionDigits: 0) } collisions, { NUMBER($boom_strikes, maximumFractionDigits: 0) } boom strikes, { NUMBER($stalls, maximumFractionDigits: 0) } rotor stalls. Steer clear of obstacles and ease off in hard ground: the rotor's load rises with the soil's hardness and your speed.
tool-state = { tool-left }{ $hydraulics_low ->
        [1] , hydraulics { NUMBER($hydraulics_pct, maximumFractionDigits: 0) } %
       *[0] {""}
    }

tool-left = { $tool }: { NUMBER($left, maximumFractionDigits: 0) } of { NUMBER($fitted, maximumFractionDigits: 0) } { tool-parts }{ $worn ->
        [1] , { NUMBER($wear_pct, maximumFractionDigits: 0) } % worn
       *[0] {""}
    }
tool-parts = { $tool_key ->
        [Flail] hammers
       *[other] teeth
    }

## Quality control and land release

qc-passed = passed: { NUMBER($squares, maximumFractionDigits: 0) } squares ({ NUMBER($sample_m2, maximumFractionDigits: 0) } m²) dug to { NUMBER($required_cm, maximumFractionDigits: 0) } cm, no live mine found
qc-failed-depth = failed: { qc-failed-depth-finding }
qc-failed-depth-finding = { NUMBER($shallow_m2, minimumFractionDigits: 1, maximumFractionDigits: 1) } m² of the { NUMBER($sample_m2, maximumFractionDigits: 0) } m² sampled was processed shallower than { NUMBER($required_cm, maximumFractionDigits: 0) } cm
qc-failed-mines = failed: { qc-failed-mines-finding }
qc-failed-mines-finding = { NUMBER($found, maximumFractionDigits: 0) } live mine(s) found in the { NUMBER($sample_m2, maximumFractionDigits: 0) } m² sampled
release-released = area released after machine clearance: { NUMBER($released_m2, maximumFractionDigits: 0) } m² processed to { NUMBER($required_cm, maximumFractionDigits: 0) } cm; the follow-up search the standard requires may proceed
release-follow-up = follow-up manual clearance required: { NUMBER($area_m2, minimumFractionDigits: 1, maximumFractionDigits: 1) } m² short of { NUMBER($required_cm, maximumFractionDigits: 0) } cm or set aside ({ $places })
release-qc-failed = QC failed: re-process the area ({ $finding })
place-lane = lane { NUMBER($lane, maximumFractionDigits: 0) }: { NUMBER($area_m2, minimumFractionDigits: 1, maximumFractionDigits: 1) } m²
place-manual = { $what } in lane { NUMBER($lane, maximumFractionDigits: 0) }: { NUMBER($area_m2, minimumFractionDigits: 1, maximumFractionDigits: 1) } m²
place-mine = live { $mine } mine at ({ NUMBER($x, minimumFractionDigits: 1, maximumFractionDigits: 1) }, { NUMBER($z, minimumFractionDigits: 1, maximumFractionDigits: 1) })

## Names of fault kinds, score parts and mine fates (the debrief's and the report's labels)

fault-kind-tracks_on_unprocessed = tracks on unprocessed ground
fault-kind-reversing_onto_unprocessed = reversing onto unprocessed ground
fault-kind-too_fast_for_depth = too fast for depth
fault-kind-depth_short = tool short of depth
fault-kind-shallow_tool = tool too shallow on new ground
fault-kind-gap = ground left short of depth
fault-kind-overlap_out_of_band = overlap outside the asked band
fault-kind-track_detonation = mine set off by a track
fault-kind-left_worksite = left the worksite
fault-kind-slope_limit = slope past the machine's limit
fault-kind-standoff_breached = stand-off breached
fault-kind-collision = collision
fault-kind-rotor_stall = rotor stall
fault-kind-machine_disabled = machine disabled
fault-kind-time_limit = time limit reached
fault-kind-boom_collision = boom into an obstacle or the machine
fault-kind-live_mine_thrown = live mine thrown aside
part-clearance = clearance quality
part-lanes = lane technique
part-speed_depth = speed and depth
part-safety = safety
part-efficiency = efficiency
part-machine_care = machine care
fate-never_reached = never reached
fate-missed = missed (below processed layer)
fate-destroyed = destroyed
fate-detonated = detonated by tool
fate-detonated_by_track = detonated by track
fate-thrown_aside = thrown aside live
fate-pushed_deeper = pushed deeper
fate-damaged_live = damaged, live
fate-intact = left intact in worked soil

## The built-in machines (a machine file of one's own keeps the name it gives)

machine-bm307 = Excavator rotary cutter (Nikken BM307-V16 class)
machine-d85ms = Armoured tiller (Komatsu D85MS class)
machine-hydrema910 = Armoured flail (Hydrema 910 MCV class)
machine-mv4 = Light remote-controlled flail (MV-4 class)

## Notes on a generated field (what could not be laid as the scenario asks)

layout-scatter = scatter
layout-rows = rows
layout-clusters = clusters
layout-verge = verge
note-mines-laid = mine group { NUMBER($group, maximumFractionDigits: 0) } ({ $mine } { $layout }): laid { NUMBER($laid, maximumFractionDigits: 0) } of { NUMBER($wanted, maximumFractionDigits: 0) }
note-trees-placed = placed { NUMBER($placed, maximumFractionDigits: 0) } of { NUMBER($wanted, maximumFractionDigits: 0) } trees (not enough free ground in the tree region)

## The expert beside the trainee

advice-expert-parted = lane { NUMBER($lane, maximumFractionDigits: 0) }, { NUMBER($from_m, maximumFractionDigits: 0) }–{ NUMBER($to_m, maximumFractionDigits: 0) } m: { NUMBER($speed_kmh, minimumFractionDigits: 1, maximumFractionDigits: 1) } km/h against the expert's { NUMBER($expert_kmh, minimumFractionDigits: 1, maximumFractionDigits: 1) } km/h

## What is wrong with a replay file (after its name)

replay-not-a-replay = not a mineclear replay (it does not start with MCREPLAY)
replay-truncated-header = truncated: only { NUMBER($bytes, maximumFractionDigits: 0) } bytes, the header alone is 18
replay-newer-format = written in replay format { NUMBER($version, maximumFractionDigits: 0) } by a newer mineclear; this one reads up to format { NUMBER($format, maximumFractionDigits: 0) }; update mineclear to open it
replay-format-zero = replay format 0 does not exist; the header is damaged
replay-truncated-data = truncated: the header announces { NUMBER($announced, maximumFractionDigits: 0) } bytes of data, the file holds { NUMBER($held, maximumFractionDigits: 0) }
replay-trailing-bytes = { NUMBER($bytes, maximumFractionDigits: 0) } unexpected bytes after the end of the replay
replay-corrupted = corrupted: the data does not match its checksum (the file was changed or damaged)
replay-cannot-read = cannot read: { $error }
replay-too-large = { NUMBER($bytes, maximumFractionDigits: 0) } bytes: far larger than any replay (at most { NUMBER($most, maximumFractionDigits: 0) })
replay-time-limit = claims { NUMBER($ticks, maximumFractionDigits: 0) } ticks ({ NUMBER($seconds, maximumFractionDigits: 0) } s), past its scenario's time limit of { NUMBER($limit_min, maximumFractionDigits: 0) } min
replay-diverges = diverges at tick { NUMBER($tick, maximumFractionDigits: 0) } (t = { NUMBER($seconds, minimumFractionDigits: 2, maximumFractionDigits: 2) } s): the re-simulated state differs from the recording there
replay-diverges-at-end = diverges at tick { NUMBER($tick, maximumFractionDigits: 0) }: the re-simulated session ended with { NUMBER($got, maximumFractionDigits: 0) } checkpoints, the recording has { NUMBER($want, maximumFractionDigits: 0) }
replay-report-differs = the recorded report differs from the re-simulated one (recorded score { NUMBER($recorded, minimumFractionDigits: 1, maximumFractionDigits: 1) }, re-simulated { NUMBER($resimulated, minimumFractionDigits: 1, maximumFractionDigits: 1) })
