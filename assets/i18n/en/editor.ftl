# The scenario editor (src/ui/editor). Units after number fields ("-unit") get their leading
# space from the code. The English text is what the editor showed before translation.

## Top bar

editor-title = Scenario editor
editor-editing = editing { $origin }
editor-origin-template = template
editor-unsaved = ● unsaved changes
editor-saved = ✔ saved
editor-not-saved-yet = not saved to a file yet
editor-start-from = Start from:
editor-choose = choose…
editor-blank-template = Blank template
editor-copy-of = Copy of { $title }
editor-open-file = Open file:
editor-open-hint = path/to/scenario.ron
editor-open = Open
editor-save-to = Save to:
editor-save = 💾 Save
editor-save-tip = Ctrl+S. Writes a temporary file, then renames it over the old one.
editor-test-drive = ▶ Test drive
editor-test-drive-tip = Read its briefing and drive it; "Back to menu" returns here with your draft.
editor-test-drive-disabled = Fix the problems listed below first.
editor-back-to-menu = Back to menu
editor-status-no-file-name = give a file name to save to
editor-status-saved = saved { $path }

## Questions before saving or leaving

editor-replace-title = Replace the existing file?
editor-replace-body = { $path } already exists. Saving replaces it with this scenario.
editor-replace-yes = Replace it
editor-problems-title = Save a scenario with problems?
editor-problems-body = It has { NUMBER($count, maximumFractionDigits: 0) } problem(s), listed at the bottom of the editor. You can save it to keep your work, but trainees cannot open it until they are fixed.
editor-problems-yes = Save anyway
editor-cannot-save = Cannot save
editor-try-again = Try again
editor-cancel = Cancel
editor-leave-title = Leave the editor?
editor-leave-body = This scenario has changes that are not saved.
editor-save-then-leave = Save, then leave
editor-discard-changes = Discard changes
editor-stay = Stay
editor-discard-title = Discard your changes?
editor-discard-body = The scenario you are editing has unsaved changes. Opening another one discards them.
editor-discard-and-open = Discard and open

## Problem bar

editor-no-problems = ✔ No problems: this scenario is ready to test-drive and give to trainees.
editor-problem-count = ✖ { NUMBER($count, maximumFractionDigits: 0) } problem(s): each is also shown beside its field. Trainees cannot open the scenario until they are fixed.
editor-problem-file = (file)

## Form sections

editor-section-exercise = Exercise
editor-section-machine = Machine and task
editor-section-hazard = Hazard area, start lane and post
editor-section-field = Field and ground
editor-section-soils = Soils ({ NUMBER($count, maximumFractionDigits: 0) })
editor-section-roads = Roads ({ NUMBER($count, maximumFractionDigits: 0) })
editor-section-mines = Mines ({ NUMBER($count, maximumFractionDigits: 0) } groups)
editor-section-scoring = Scoring
editor-section-seed = Seed

## Units after number fields

editor-unit-cm = cm
editor-unit-min = min
editor-unit-m = m
editor-unit-per-hectare = /ha
editor-unit-points = { $n ->
       *[other] points
    }
editor-to = to

## Exercise

editor-title-label = Title
editor-briefing-label = Briefing (what the trainee is told: the situation and the task)
editor-briefing-hint = The site, the ground, the threat, the machine, and how to work it.
editor-objective-label = Objective (the one skill taught, and what a pass requires)
editor-objective-hint = Hold … so that …. A pass needs … points.

## Machine and task

editor-machine = Machine
editor-required-depth = Required depth
editor-time-limit = Time limit
editor-overlap = Lane overlap asked

## Hazard area, start lane and post

editor-hazard-heading = Hazard area (the marked boundary)
editor-draw-new-outline = draw a new outline
editor-lane-heading = Start lane (cleared ground)
editor-place-on-map = ✏ place on map
editor-lane-from = from
editor-lane-to = to
editor-lane-width = width
editor-operator-post = Operator post (remote machines)
editor-post-at = post at
editor-no-post = Without one, the operator stands at the start lane's `from` end.

## Field and ground

editor-field-width = Width (x, east)
editor-field-depth = Depth (z, south)
editor-relief-bumps = Relief: bumps
editor-relief-bumps-unit = m high
editor-relief-spacing = Relief: spacing
editor-relief-spacing-unit = m apart
editor-slope = Slope
editor-falls-towards = Falls towards
editor-falls-towards-note = 0 north, 90 east
editor-vegetation-cover = Vegetation cover
editor-vegetation-height = Vegetation height
editor-thicket-size = Thicket size
editor-trees = Trees
editor-rocks = Rocks
editor-trees-in-area = Trees may stand inside the hazard area (a forest belt for a boom cutter)
editor-trees-in-part = Trees stand only in part of the field

## Soils

editor-soils-note = Painted in order: later zones cover earlier ones. The first should be the whole field.
editor-zone = Zone { NUMBER($index, maximumFractionDigits: 0) }
editor-paint-earlier = paint earlier
editor-remove-zone = remove this zone
editor-hardness = hardness
editor-typical-hardness = typical for { $soil }: { NUMBER($value, maximumFractionDigits: 2) }
editor-moisture = moisture
editor-typical-moisture = typical for { $soil }: { NUMBER($value, maximumFractionDigits: 2) } %
editor-add-soil-zone = + soil zone

## Roads

editor-road = Road { NUMBER($index, maximumFractionDigits: 0) }
editor-road-width = width
editor-road-ditch = ditch
editor-road-ditch-unit = m deep
editor-remove-road = remove this road
editor-draw-on-map = draw on map
editor-add-road = + road

## Mines

editor-uxo-outside = Scattered UXO may also lie outside the marked area
editor-group = Group { NUMBER($index, maximumFractionDigits: 0) }
editor-remove-group = remove this group
editor-buried = Buried (top of mine)
editor-add-mine-group = + mine group
editor-amount-count = count
editor-amount-per-hectare = per hectare
editor-laid-as = Laid as
editor-layout-scatter = scatter
editor-layout-rows = rows
editor-layout-clusters = clusters
editor-layout-verge = road verge
editor-scatter-note = uniformly at random over the hazard area
editor-rows-angle = angle
editor-rows-rows = rows
editor-rows-rows-unit = m apart
editor-rows-mines = mines
editor-rows-mines-unit = m apart
editor-rows-jitter = jitter
editor-clusters-radius = clusters of radius
editor-verge-road = beside road
editor-verge-beyond-unit = m beyond its edge

## Scoring

editor-weight-clearance = Clearance
editor-weight-lanes = Lane technique
editor-weight-speed-depth = Speed and depth
editor-weight-safety = Safety
editor-weight-efficiency = Efficiency
editor-weight-machine-care = Machine care
editor-weight-share = = { NUMBER($share, maximumFractionDigits: 0) } points
editor-pass-mark = Pass mark

## Seed

editor-same-field = Every trainee gets the same field
editor-seed-note = Each session picks its own seed (recorded in its replay); the preview shows one example.

## Point lists and regions

editor-draw-tip = Then click on the map; right-click removes the last point.
editor-done = Done
editor-point-count = { NUMBER($count, maximumFractionDigits: 0) } points
editor-coordinates = coordinates
editor-remove-point = remove this point
editor-add-point = + point
editor-region-whole = whole field
editor-region-rect = rectangle
editor-region-polygon = polygon
editor-region-patches = scattered patches
editor-rect-from = from
editor-rect-to = to{"   "}
editor-share-of-field = share of field
editor-patch-size = patch size

## Map

editor-map = Map
editor-tool-move = ✋ Move
editor-tool-hazard = ✏ Hazard area
editor-tool-hazard-tip = Starts a new outline
editor-tool-lane = ✏ Start lane
editor-tool-post = ✏ Operator post
editor-show-mines = show mines
editor-reroll = 🎲 Reroll seed
editor-reroll-tip = A new field from the same settings
editor-map-post = post
editor-map-lane-from = lane from
editor-hint-move = Drag a corner or lane end to move it; right-click a corner to delete it.
editor-hint-hazard = Click to add hazard-area corners in order around the boundary; right-click removes the last. Done when finished.
editor-hint-lane-from = Click where the start lane begins.
editor-hint-lane-to = Click where the start lane ends.
editor-hint-post = Click where the operator of a remote machine stands.
editor-hint-road = Click to add points along the road; right-click removes the last.
editor-hint-soil = Click to add the soil patch's corners; right-click removes the last.
editor-hint-trees = Click to add the corners of the area where trees stand; right-click removes the last.

## Status line under the map ($x and $z come formatted, fixed width)

editor-pointer = x { $x } m  z { $z } m
editor-preview-not-updated = Preview not updated: fix the problems marked in the field, hazard area or mines.
editor-status = seed { $seed } · hazard { NUMBER($area_m2, maximumFractionDigits: 0) } m² · { NUMBER($mines, maximumFractionDigits: 0) } mines ({ $kinds }) · steepest in area { NUMBER($slope_deg, minimumFractionDigits: 1, maximumFractionDigits: 1) }° · { NUMBER($trees, maximumFractionDigits: 0) } trees, { NUMBER($rocks, maximumFractionDigits: 0) } rocks · made in { NUMBER($ms, maximumFractionDigits: 0) } ms
editor-status-mine-kind = { NUMBER($count, maximumFractionDigits: 0) } { $kind }
editor-status-none = none
editor-status-updating = updating…
editor-text-language = Text in:
