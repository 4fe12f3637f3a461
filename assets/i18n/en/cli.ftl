# The command line (cli-) and the report's terminal table (report-), English. This text is
# compared by tests and scripts: keep it word for word as the code wrote it. Numbers go
# through NUMBER() with the decimals the code showed; numbers in the table's aligned columns
# come in as text already padded ($share, $rate, $t, $x, $z).

## The report's table (`mineclear run`)

report-title = { $scenario } — { $machine } (seed { $seed })
report-score = Score { NUMBER($score, minimumFractionDigits: 1, maximumFractionDigits: 1) } / 100  { $verdict }  (pass mark { NUMBER($pass_mark, maximumFractionDigits: 0) }; ended: { $ended })
report-pass = PASS
report-fail = FAIL
report-ended-Finished = Finished
report-ended-TimeLimit = TimeLimit
report-ended-MachineDisabled = MachineDisabled
report-col-part = part
report-col-points = points
report-col-quality = quality
report-area-processed = area processed to { NUMBER($depth_cm, maximumFractionDigits: 0) } cm   { $share } % of { NUMBER($area_m2, maximumFractionDigits: 0) } m²
report-area-touched = area touched at all        { $share } %
report-productivity = productivity               { $rate } m²/h (machine reference { NUMBER($lo, maximumFractionDigits: 0) }–{ NUMBER($hi, maximumFractionDigits: 0) })
report-lanes = gaps { NUMBER($gap_m2, minimumFractionDigits: 1, maximumFractionDigits: 1) } m², mean overlap { NUMBER($overlap_m, minimumFractionDigits: 2, maximumFractionDigits: 2) } m (asked { NUMBER($lo_m, minimumFractionDigits: 1, maximumFractionDigits: 1) }–{ NUMBER($hi_m, minimumFractionDigits: 1, maximumFractionDigits: 1) }), lane wander { NUMBER($wander_m, minimumFractionDigits: 2, maximumFractionDigits: 2) } m
report-shallow = new ground short of depth  { $share } %
report-gate-shut = GAPS: { NUMBER($gaps_m2, minimumFractionDigits: 1, maximumFractionDigits: 1) } m² of the area left short of { NUMBER($required_cm, maximumFractionDigits: 0) } cm in { NUMBER($places, maximumFractionDigits: 0) } place(s) (tolerated { NUMBER($tolerance_m2, minimumFractionDigits: 2, maximumFractionDigits: 2) } m²): no pass{ $manual }
report-gate-open = no gaps: { NUMBER($gaps_m2, minimumFractionDigits: 2, maximumFractionDigits: 2) } m² short of the depth, within the { NUMBER($tolerance_m2, minimumFractionDigits: 2, maximumFractionDigits: 2) } m² tolerated{ $manual }
report-gate-manual = ; { NUMBER($manual_m2, minimumFractionDigits: 1, maximumFractionDigits: 1) } m² left for manual clearance as the scenario allows
report-time = time { NUMBER($seconds, maximumFractionDigits: 0) } s, machine condition { NUMBER($condition, maximumFractionDigits: 0) } %, detonations { NUMBER($detonations, maximumFractionDigits: 0) }
report-qc = quality control { $outcome }
report-release = land release: { $statement }
report-mines = mines: { NUMBER($total, maximumFractionDigits: 0) } in all, { NUMBER($in_area, maximumFractionDigits: 0) } in the area, { NUMBER($live, maximumFractionDigits: 0) } live in the area
report-no-faults = No faults.
report-faults = Faults ({ NUMBER($count, maximumFractionDigits: 0) }):
report-fault-row = { $t } s  ({ $x }, { $z })  { $kind } { $detail }
report-faults-more = … and { NUMBER($more, maximumFractionDigits: 0) } more (see the JSON report)
report-advice = What to do better:

## Commands that need no window

cli-no-seed = no seed given; using seed { $seed } (pass { $flag } { $seed } to regenerate this field)
cli-exam-needs-play = { $flag } opens the trainer as an exam seat; it goes with no command or with `{ $command }`
cli-validate-ok = { $file }: ok
cli-preview-written = { $file }: { NUMBER($mines, maximumFractionDigits: 0) } mines, seed { $seed }
cli-preview-note = note: { $note }
cli-run-needs-autopilot = a headless run needs a driver; add { $flag }
cli-run-timing = simulated { NUMBER($sim_s, maximumFractionDigits: 0) } s in { NUMBER($wall_s, minimumFractionDigits: 2, maximumFractionDigits: 2) } s wall time ({ NUMBER($speedup, maximumFractionDigits: 0) }x real time)
cli-report-written = report written to { $path }
cli-record-audio-written = sound written to { $path } ({ NUMBER($seconds, maximumFractionDigits: 1) } s; quietest second { NUMBER($quiet_db, maximumFractionDigits: 1) } dB, loudest { NUMBER($loud_db, maximumFractionDigits: 1) } dB of full scale)
cli-replay-written = replay written to { $path } ({ NUMBER($ticks, maximumFractionDigits: 0) } ticks; { $driven }, so `{ $command }` keeps it as a demonstration, never as a trainee's attempt)
cli-list-scenarios = Built-in scenarios:
cli-list-invalid = (invalid)
cli-list-machines = Machines:

## Commands that open the window

cli-play-exam-no-autopilot = an exam seat has no autopilot; leave out { $autopilot } or { $exam }
cli-play-exam-course-only = an exam seat runs the course's scenarios only ({ $command } names them)
cli-play-progress-needs-trainee = { $screen } needs { $trainee } NAME
cli-play-screen-needs-scenario = { $flag } needs a scenario

## The record: progress, import, replay verify and replay score

cli-yes = yes
cli-no = no
cli-pass = pass
cli-fail = fail
cli-progress-col-trainee = trainee
cli-progress-col-scenario = scenario
cli-progress-col-course = course
cli-progress-col-best = best
cli-progress-col-attempts = attempts
cli-progress-col-passed = passed
cli-progress-col-demos = demos
cli-progress-col-exam = exam
cli-progress-course-course = course
cli-progress-course-modified = modified
cli-progress-course-other = other
cli-progress-course-unknown = unknown
cli-progress-empty = (no attempts stored in { $path })
cli-progress-legend = course: the course's own version; modified: practice on a changed copy (never the course's); other: an own scenario; unknown: stored before versions were kept. Best, attempts and passed count only sessions the trainee drove; demos are sessions the autopilot or a script drove (all or part).
cli-csv-written = CSV written to { $path }
cli-progress-bar = { $msg } { $bar } { $pos }/{ $len } replays, { $elapsed } (about { $eta } left)
cli-bar-importing = importing
cli-bar-resimulating = re-simulating
cli-driven-trainee = the trainee drove
cli-driven-autopilot = the autopilot drove
cli-driven-script = a script drove
cli-driven-mixed = the autopilot drove part of it
cli-driven-unknown = who drove was not recorded
cli-course-course = course
cli-course-earlier-version = course (earlier version)
cli-course-modified = practice on a modified scenario
cli-course-other = own scenario (not in the course)
cli-course-unknown = version not recorded
cli-import-line = { $file }: score { NUMBER($score, minimumFractionDigits: 1, maximumFractionDigits: 1) } (re-simulated); { $what }
cli-import-demo = stored as a demonstration, not as { $trainee }'s attempt ({ $driven })
cli-import-practice = stored as { $trainee }'s { $course } (not the course's)
cli-import-attempt = imported as { $trainee }'s attempt at the course
cli-import-attempt-exam = imported as { $trainee }'s attempt at the course (exam seat)
cli-verify-ok = { $name }: ok — { NUMBER($ticks, maximumFractionDigits: 0) } ticks ({ NUMBER($seconds, maximumFractionDigits: 0) } s) re-simulated in { NUMBER($wall_s, minimumFractionDigits: 2, maximumFractionDigits: 2) } s, { NUMBER($checksums, maximumFractionDigits: 0) } checksums match, { $what }; score { NUMBER($score, minimumFractionDigits: 1, maximumFractionDigits: 1) } ({ $verdict })
cli-verify-identical = final report identical
cli-verify-incomplete = recording incomplete (a checkpoint), no final report to compare
cli-verify-trainee = trainee { $trainee }, scenario { $scenario }
cli-verify-driver = who drove: { $driven } ({ $spans }){ $exam ->
        [1] ; sat at an exam seat
       *[0] {""}
    }
cli-spans-none = not recorded
cli-span = { $origin } { NUMBER($from_s, maximumFractionDigits: 0) }–{ NUMBER($to_s, maximumFractionDigits: 0) } s
cli-origin-keyboard = keyboard
cli-origin-gamepad = gamepad
cli-origin-autopilot = autopilot
cli-origin-script = script
cli-score-col-file = file
cli-score-col-trainee = trainee
cli-score-col-scenario = scenario
cli-score-col-score = score
cli-score-col-pass = pass
cli-score-col-coverage = coverage
cli-score-col-live = live
cli-score-col-faults = faults
cli-score-error = error: { $problem }
cli-score-rescored = (recorded under clearing model { NUMBER($recorded, maximumFractionDigits: 0) }: re-scored under model { NUMBER($model, maximumFractionDigits: 0) }, not verified)
cli-score-summary = { NUMBER($count, maximumFractionDigits: 0) } replay(s) re-simulated in { NUMBER($wall_s, minimumFractionDigits: 2, maximumFractionDigits: 2) } s on { NUMBER($jobs, maximumFractionDigits: 0) } thread(s)

## Errors (exit statuses stay as they were)

cli-error-editor-cannot-read = { $command }: fix the file in a text editor first (the editor needs a file it can read)
cli-error-write = { $path }: cannot write { $what }: { $error }
cli-what-preview = preview
cli-what-report = report
cli-what-replay = replay
cli-what-csv = CSV
cli-error-some-files = { NUMBER($failed, maximumFractionDigits: 0) } of { NUMBER($of, maximumFractionDigits: 0) } file(s) have problems
cli-error-some-not-imported = { NUMBER($failed, maximumFractionDigits: 0) } of { NUMBER($of, maximumFractionDigits: 0) } replay(s) were not imported
cli-error-some-not-rescored = { NUMBER($failed, maximumFractionDigits: 0) } of { NUMBER($of, maximumFractionDigits: 0) } replay(s) could not be re-scored
cli-error-other-model = { NUMBER($refused, maximumFractionDigits: 0) } of { NUMBER($of, maximumFractionDigits: 0) } replay(s) recorded under another clearing model; re-score them with `{ $command }`
cli-error-no-replays = { $command }: no .mcreplay files found
cli-error-app = the trainer stopped with an error (see the log above)

## The preview map (mineclear preview): title, scale and legend

preview-scale = { NUMBER($metres, maximumFractionDigits: 2) } m   (north is up; x east, z south)
preview-seed = Seed { $seed }
preview-field = Field { NUMBER($x_m, maximumFractionDigits: 2) } x { NUMBER($z_m, maximumFractionDigits: 2) } m, area { NUMBER($area_m2, maximumFractionDigits: 0) } m²
preview-task = Required depth { NUMBER($depth_cm, maximumFractionDigits: 2) } cm, { NUMBER($minutes, maximumFractionDigits: 2) } min
preview-mines = Mines ({ NUMBER($count, maximumFractionDigits: 0) })
preview-marking = Marking
preview-boundary = hazard area boundary
preview-start-lane = start lane (safe)
preview-ground = Ground
preview-soil = { $soil } (hardness { NUMBER($hardness, minimumFractionDigits: 1, maximumFractionDigits: 1) })
preview-vegetation = vegetation, avg { NUMBER($height_m, minimumFractionDigits: 1, maximumFractionDigits: 1) } m
preview-trees = tree ({ NUMBER($count, maximumFractionDigits: 0) })
preview-rocks = rock ({ NUMBER($count, maximumFractionDigits: 0) })
preview-contours = contours every { NUMBER($metres, maximumFractionDigits: 2) } m
preview-steepest = Steepest in area { NUMBER($slope_deg, maximumFractionDigits: 0) }° (limit { NUMBER($limit_deg, maximumFractionDigits: 0) }°)

## Taking over a replay (mineclear run --resume FILE --at-s T)

resume-heading = Compared with the original from { NUMBER($from_s, minimumFractionDigits: 1, maximumFractionDigits: 1) } s on:     original   taken over
resume-score = { "  " }score                        { NUMBER($original, minimumFractionDigits: 1, maximumFractionDigits: 1) }   →   { NUMBER($new, minimumFractionDigits: 1, maximumFractionDigits: 1) }
resume-coverage = { "  " }area processed to depth       { NUMBER($original, minimumFractionDigits: 1, maximumFractionDigits: 1) } %   →   { NUMBER($new, minimumFractionDigits: 1, maximumFractionDigits: 1) } %
resume-faults = { "  " }faults after the take-over    { NUMBER($original, maximumFractionDigits: 0) }   →   { NUMBER($new, maximumFractionDigits: 0) }
resume-time = { "  " }session time                 { NUMBER($original, maximumFractionDigits: 0) } s   →   { NUMBER($new, maximumFractionDigits: 0) } s
resume-verdict = { "  " }verdict                      { $original }   →   { $new }
resume-passed = PASS
resume-failed = FAIL

## Comments on a replay

cli-comment-added = comment added ({ NUMBER($count, maximumFractionDigits: 0) } in { $file })
cli-comments-none = no comments on this replay
cli-report-html-only = the report is one HTML page ({ $example }); a browser prints it or saves it as PDF

## The progress store's problems (after the database's, folder's or replay's name)

store-create-folder = cannot create the data folder: { $error }
store-read-only-folder = the data folder is read-only, so no progress database can be made there
store-read-only-attempt = the data folder is read-only; the attempt was not stored
store-damaged = the progress database is damaged ({ $what }). It was left exactly as it is: move it aside to start a new record, or restore a backup; replays can be imported again
store-newer = progress database from a newer mineclear (schema { NUMBER($schema, maximumFractionDigits: 0) }; this one knows up to { NUMBER($known, maximumFractionDigits: 0) })
store-older-read-only = the database is from an older mineclear (schema { NUMBER($schema, maximumFractionDigits: 0) }) and its folder is read-only, so it cannot be brought up to schema { NUMBER($known, maximumFractionDigits: 0) }
store-migration = migrating to schema { NUMBER($schema, maximumFractionDigits: 0) }: { $cause }
store-disk-full = the disk is full; nothing of this write was stored (free some space and try again)
store-read-only-database = the database cannot be written (read-only); nothing was stored
store-busy = another mineclear kept the database busy for over { NUMBER($seconds, maximumFractionDigits: 0) } s; nothing was stored
store-no-trainee = an attempt needs a trainee name
store-replay-names-no-trainee = the replay names no trainee; pass --trainee NAME
store-unfinished = an unfinished session (a checkpoint) cannot be an attempt
store-driver-mismatch = who drove does not fit the commands: { $problem }; not stored
store-already-imported = already imported for { $trainee }
