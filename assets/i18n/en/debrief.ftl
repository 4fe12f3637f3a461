# The debrief (debrief-) and the replay review (review-) screens, in English.

## Debrief: buttons and what was kept

debrief-retry = ↻  Retry
debrief-next = Next scenario  ▶
debrief-save-report = Save report
debrief-back-editor = Back to editor
debrief-back-menu = Back to menu
debrief-saved-to = saved to { $path }
debrief-save-failed = could not save { $path }: { $error }
debrief-replay-saved = Replay saved: { $path }
debrief-attempt-not-stored = attempt not stored: { $error }
debrief-no-trainee = (name a trainee at the menu to keep progress)
debrief-stored-demo = kept in your progress as a demonstration ({ $driven }): it does not count as your attempt
debrief-stored-practice = kept in your progress as { $course }: it does not count toward the course
debrief-stored-attempt = attempt added to your progress
debrief-driven-trainee = the trainee drove
debrief-driven-autopilot = the autopilot drove
debrief-driven-script = a script drove
debrief-driven-mixed = the autopilot drove part of it
debrief-driven-unknown = who drove was not recorded
debrief-course-course = course
debrief-course-earlier_version = course (earlier version)
debrief-course-modified = practice on a modified scenario
debrief-course-other = own scenario (not in the course)
debrief-course-unknown = version not recorded

## Debrief: verdict and breakdown

debrief-pass = PASS
debrief-fail = FAIL
debrief-score = { NUMBER($score, minimumFractionDigits: 1, maximumFractionDigits: 1) }
debrief-pass-mark = pass mark { NUMBER($mark, maximumFractionDigits: 0) } · { $scenario }
debrief-ended-finished = You declared the work finished. Session time { $time }.
debrief-ended-time-limit = The time limit ran out. Session time { $time }.
debrief-ended-disabled = A blast disabled the machine. Session time { $time }.
debrief-col-part = Part
debrief-col-points = Points
debrief-col-quality = Quality
debrief-points = { NUMBER($points, minimumFractionDigits: 1, maximumFractionDigits: 1) }
debrief-percent = { NUMBER($pct, maximumFractionDigits: 0) } %

## Debrief: the session's measures

debrief-row-coverage = Area processed to depth
debrief-val-coverage = { NUMBER($pct, minimumFractionDigits: 1, maximumFractionDigits: 1) } % (to { NUMBER($depth_cm, maximumFractionDigits: 0) } cm)
debrief-row-live-mines = Live mines left in the area
debrief-val-live-mines = { NUMBER($live, maximumFractionDigits: 0) } of { NUMBER($total, maximumFractionDigits: 0) }
debrief-row-detonations = Detonations
debrief-row-productivity = Productivity
debrief-val-productivity = { NUMBER($rate, maximumFractionDigits: 0) } m²/h
debrief-row-overlap = Mean lane overlap
debrief-val-overlap = { NUMBER($overlap_m, minimumFractionDigits: 2, maximumFractionDigits: 2) } m (asked { NUMBER($lo_m, minimumFractionDigits: 2, maximumFractionDigits: 2) }–{ NUMBER($hi_m, minimumFractionDigits: 2, maximumFractionDigits: 2) })
debrief-row-straightness = Lane straightness
debrief-val-straightness = { NUMBER($rms_m, minimumFractionDigits: 2, maximumFractionDigits: 2) } m RMS wander
debrief-row-condition = Machine condition
debrief-row-tool = Tool

## Debrief: quality control, advice and faults

debrief-qc-title = Quality control and land release
debrief-qc-inspection = QC inspection { $outcome }
debrief-advice-title = What to work on
debrief-faults-title = Faults ({ NUMBER($count, maximumFractionDigits: 0) })
debrief-no-faults = None.
debrief-fault-at = at ({ NUMBER($x, maximumFractionDigits: 0) }, { NUMBER($z, maximumFractionDigits: 0) }) m: { $text }

## Debrief: the truth map and the charts

debrief-truth-title = What was really there
debrief-fate-count = { $fate } { NUMBER($count, maximumFractionDigits: 0) }
debrief-fate-count-live = { $fate } { NUMBER($count, maximumFractionDigits: 0) } (live)
debrief-map-legend = Tan: processed shallower than required; brown: to depth. Blue: your path. Ringed: still live.
debrief-chart-sweep-speed = Sweep speed (the cutter over the ground, while cutting)
debrief-chart-ground-speed = Ground speed
debrief-chart-depth = Depth reached (set, limited by speed)
debrief-chart-required = required
debrief-chart-max = max { NUMBER($value, minimumFractionDigits: 1, maximumFractionDigits: 1) } { $unit }
debrief-unit-kmh = km/h
debrief-unit-cm = cm

## Review

review-title = Review: { $scenario }
review-trainee = trainee { $name }
review-model-other = ⚠ model { NUMBER($recorded, maximumFractionDigits: 0) } replay, shown under model { NUMBER($current, maximumFractionDigits: 0) }
review-resim-ok = ✔ re-simulated exactly
review-resim-bad = ✘ does not re-simulate as recorded
review-model-hint = A replay records the clearing model it ran under. One from another model is re-simulated under this build's model: its path and commands are the trainee's, the fates and score are today's model's.
review-score = score { NUMBER($score, minimumFractionDigits: 1, maximumFractionDigits: 1) } { $verdict }
review-legend = Timeline: orange = fault, red = detonation (click one to jump there). Map: tan = worked, not yet to depth; brown = to depth; blue = path.
review-to-start = to the start
review-back-10 = -10 s
review-back-1 = -1 s
review-forward-1 = +1 s
review-forward-10 = +10 s
review-pause = Pause
review-play = Play
review-speed = speed
review-speed-x = { NUMBER($speed, maximumFractionDigits: 2) }x
review-reveal = reveal mines
review-back-menu = Back to menu
review-at = At { $time }
review-pose = speed { NUMBER($speed_kmh, minimumFractionDigits: 2, maximumFractionDigits: 2) } km/h · tool { NUMBER($tool_cm, maximumFractionDigits: 0) } cm
review-faults-title = Faults (click to jump)
review-no-faults = No faults in this session.

## The printable report of an attempt (mineclear report)

print-title = { $trainee }: { $scenario }
print-no-trainee = (no trainee named)
print-meta = Trainee { $trainee } · { $machine } · { $date } · seed { $seed } · { $driven }
print-pass-mark = pass mark { NUMBER($mark, maximumFractionDigits: 0) }
print-verified = Re-simulated from the replay: every checkpoint matches the recording.
print-not-verified = Re-simulated from the replay, but it does not match the recording at every checkpoint: the figures are today's re-simulation.
print-breakdown = Score
print-map = What was really there
print-charts = Speed and depth
print-chart-speed = Ground speed, km/h
print-chart-depth = Tool depth, cm (dashed: the depth required)
print-chart-max = max { NUMBER($value, minimumFractionDigits: 1, maximumFractionDigits: 1) }
print-faults = Faults ({ NUMBER($count, maximumFractionDigits: 0) })
print-no-faults = No faults.
print-advice = What to do better
print-comments = Instructor's comments
print-no-comments = No comments.
print-legend = Light brown: processed, but short of the depth; brown: processed to the depth; blue: the path driven; dots: every mine, in the colour of what became of it; numbered yellow dots: the comments below.
print-expert-legend = Orange: the expert (the autopilot) on the same field, under your own lines on the map and the charts.
review-comments-title = Instructor's comments (click to go there)
review-comment-author = Instructor:
review-comment-hint = a comment for this moment
review-comment-pin = 📌 Pin at { $time }, where the machine is
review-drive-from-here = ▶ Drive from here ({ $time })
review-drive-from-here-tip = The session is re-simulated to this moment from the recording; then you have the controls (or the autopilot, if it is ticked on the menu). The debrief compares your drive with the original from here on.
review-expert = show the expert
review-expert-tip = The autopilot's session on the same field, beside this one: its path (dashed) and where its machine is at this moment. Worked out when first shown (a few seconds).
review-expert-label = expert
review-expert-parted = Where you parted most from the expert: { $where_ }
review-expert-same = Your working speed kept with the expert's everywhere.
debrief-compare-expert = Compare with the expert
debrief-compare-expert-tip = Runs the autopilot on the same field (a few seconds) and draws its speed and depth under yours.
debrief-expert-dashed = Dashed on the charts, orange on the map: the expert on the same field.
