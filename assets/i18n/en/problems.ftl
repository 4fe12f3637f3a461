# Problems found in scenario and machine files (src/scenario/validate.rs, src/scenario/mod.rs),
# as the instructor who wrote the file reads them. The English wording is checked by the tests:
# keep it as it is. Field names in backticks and file syntax stay as they are in every language.
# Units after a range's figures ("problem-unit-*") start with their own space where they have one.

## Figures out of range

problem-out-of-range = { NUMBER($value, maximumFractionDigits: 6) } is out of range; use a value from { NUMBER($lo, maximumFractionDigits: 6) } to { NUMBER($hi, maximumFractionDigits: 6) }{ $unit }
problem-pair-out-of-range = ({ NUMBER($a, maximumFractionDigits: 6) }, { NUMBER($b, maximumFractionDigits: 6) }) is out of range; both values must lie from { NUMBER($lo, maximumFractionDigits: 6) } to { NUMBER($hi, maximumFractionDigits: 6) }{ $unit }
problem-pair-reversed = ({ NUMBER($a, maximumFractionDigits: 6) }, { NUMBER($b, maximumFractionDigits: 6) }) is reversed; write the smaller value first: { $fix }

problem-unit-m = {" "}m
problem-unit-kg = {" "}kg
problem-unit-cm = {" "}cm
problem-unit-rpm = {" "}rpm
problem-unit-kmh = {" "}km/h
problem-unit-m2h = {" "}m²/h
problem-unit-deg = °
problem-unit-deg-s = °/s
problem-unit-m-s = {" "}m/s
problem-unit-kw = {" "}kW
problem-unit-pct = {" "}%
problem-unit-min = {" "}min
problem-unit-points = {" "}points
problem-unit-per-hectare = {" "}per hectare
problem-unit-m-tracks-fit = {" "}m (the tracks must fit under the chassis)
problem-unit-m-within-chassis = {" "}m (within the chassis)
problem-unit-hardness = {" "}(sandy loam = 1.0)
problem-unit-share-sampled = {" "}(share of the area sampled)
problem-unit-m2-short = {" "}m² (ground short of the depth tolerated)
problem-unit-m-manual-teams = {" "}m (ground left to the manual teams around each obstacle)
problem-unit-cm-tool-reaches = {" "}cm (the { $tool } reaches at most { NUMBER($depth, maximumFractionDigits: 6) } cm)
problem-unit-m-half-width = {" "}m (half the { NUMBER($width, maximumFractionDigits: 6) } m working width)

## Text for trainees

problem-empty = is empty; write { $what }
problem-no-english = has no English text ("en"); write { $what } in English too: it is shown where a language is missing
problem-unknown-language = has text in "{ $code }", a language the trainer does not speak; use { $known }
problem-what-title = a short title
problem-what-briefing = what the trainee is told before starting
problem-what-objective = the skill taught and what a pass requires
problem-what-machine-name = the machine's display name

## Points, polygons and regions

problem-point-outside = point ({ NUMBER($x, maximumFractionDigits: 6) }, { NUMBER($z, maximumFractionDigits: 6) }) lies outside the field; keep x within 0–{ NUMBER($width, maximumFractionDigits: 6) } and z within 0–{ NUMBER($depth, maximumFractionDigits: 6) }
problem-polygon-few-corners = { $what } needs at least 3 corners, found { NUMBER($found, maximumFractionDigits: 0) }
problem-polygon-many-corners = { $what } has { NUMBER($found, maximumFractionDigits: 0) } corners; at most { NUMBER($most, maximumFractionDigits: 0) } are allowed
problem-polygon-crosses = { $what } crosses itself (edge { NUMBER($a, maximumFractionDigits: 0) }–{ NUMBER($a_next, maximumFractionDigits: 0) } crosses edge { NUMBER($b, maximumFractionDigits: 0) }–{ NUMBER($b_next, maximumFractionDigits: 0) }); list the corners in order around the boundary
problem-polygon-no-area = { $what } has no area; spread its corners out
problem-what-region = region
problem-what-hazard-area = the hazard area
problem-rect-empty = rectangle is empty or reversed; `min` must be the smaller (x, z) corner and `max` the larger

## The machine

problem-hammers-out-of-range = { NUMBER($value, maximumFractionDigits: 0) } is out of range; use 1 to 1000 chains or teeth
problem-working-over-travel = top working speed exceeds max_travel_kmh; lower it or raise the travel speed
# $gear: "tracks" or "tyres".
problem-gear-wider-than-tool = the { $gear } span { NUMBER($span, minimumFractionDigits: 2, maximumFractionDigits: 2) } m, wider than the { NUMBER($width, maximumFractionDigits: 6) } m tool: they would always run on unprocessed ground; narrow the gauge or widen the tool
problem-boom-short = the boom cannot reach past the machine's own front; raise the longest reach
problem-axles-count = { NUMBER($count, maximumFractionDigits: 0) } axles; give 1 to 8 axle positions
problem-machine-invalid = the machine spec `{ $machine }` is invalid: { $problem }
problem-standoff = the operator post is { NUMBER($distance, minimumFractionDigits: 1, maximumFractionDigits: 1) } m from the hazard area but this remote machine needs { NUMBER($standoff, maximumFractionDigits: 6) } m stand-off; set `operator_post` further away

## Whether the machine can do the task

problem-in-vegetation = , in vegetation { NUMBER($height, minimumFractionDigits: 1, maximumFractionDigits: 1) } m high
problem-cannot-reach = the { $tool } cannot reach { NUMBER($required, maximumFractionDigits: 0) } cm in { $soil } (hardness { NUMBER($hardness, minimumFractionDigits: 1, maximumFractionDigits: 1) }{ $vegetation }) even at its slowest working speed, { NUMBER($crawl, maximumFractionDigits: 6) } km/h: it reaches { NUMBER($reach, maximumFractionDigits: 0) } cm there; ask for at most { NUMBER($most, maximumFractionDigits: 0) } cm, soften that ground, or choose a machine that works deeper
problem-relief-fall = over this relief the ground falls up to { NUMBER($fall, maximumFractionDigits: 0) } cm below the line of the { $machine }'s running gear where its tool works, so the tool reaches { NUMBER($short, maximumFractionDigits: 0) } cm less than set; { NUMBER($required, maximumFractionDigits: 0) } cm then needs { NUMBER($needs, maximumFractionDigits: 0) } cm but it goes to { NUMBER($deepest, maximumFractionDigits: 0) } cm: make the relief gentler (smaller amplitude or longer wavelength), ask for less depth, or choose another machine
problem-slope-too-steep = the ground falls { NUMBER($degrees, maximumFractionDigits: 6) }° but the { $machine } may work slopes of at most { NUMBER($limit, maximumFractionDigits: 6) }°; make it gentler or choose another machine

## The field

problem-no-soil-zones = no soil zones; add at least `SoilZone(soil: SandyLoam, region: Whole)`
problem-too-many-soil-zones = { NUMBER($count, maximumFractionDigits: 0) } soil zones; at most 64 are allowed
problem-too-many-roads = { NUMBER($count, maximumFractionDigits: 0) } roads; at most 16 are allowed
problem-road-points = a road needs 2 to { NUMBER($most, maximumFractionDigits: 0) } points, found { NUMBER($found, maximumFractionDigits: 0) }
problem-too-many-trees = { NUMBER($count, maximumFractionDigits: 0) } trees; at most 5000 are allowed
problem-too-many-rocks = { NUMBER($count, maximumFractionDigits: 0) } rocks; at most 5000 are allowed

## The hazard area and the start lane

problem-hazard-near-edge = the hazard area comes within { NUMBER($margin, maximumFractionDigits: 6) } m of the field edge; leave room for the machine to turn outside it (enlarge the field or move the area)
problem-hazard-small = the hazard area is only { NUMBER($area, minimumFractionDigits: 1, maximumFractionDigits: 1) } m²; make it at least 25 m²
problem-lane-short = the start lane is shorter than 5 m; make `from` and `to` further apart
problem-lane-overlaps = the start lane overlaps the hazard area; a start lane must be cleared ground outside the marked area

## The mines

problem-no-mine-groups = no mine groups; add at least one `MineGroup(...)`
problem-too-many-mine-groups = { NUMBER($count, maximumFractionDigits: 0) } mine groups; at most 64 are allowed
problem-group-no-mines = this group lays no mines; give a count above 0 or remove the group
problem-rows-no-room = { NUMBER($count, maximumFractionDigits: 0) } mines do not fit in rows { NUMBER($row_spacing, maximumFractionDigits: 6) } m apart with { NUMBER($spacing, maximumFractionDigits: 6) } m spacing over { NUMBER($area, maximumFractionDigits: 0) } m² (room for about { NUMBER($room, maximumFractionDigits: 0) }); lay fewer or tighten the spacing
problem-clusters-count = { NUMBER($count, maximumFractionDigits: 0) } clusters; use 1 to 1000
problem-clusters-no-room = { NUMBER($count, maximumFractionDigits: 0) } mines do not fit in { NUMBER($clusters, maximumFractionDigits: 0) } clusters of { NUMBER($radius, maximumFractionDigits: 6) } m radius (room for about { NUMBER($room, maximumFractionDigits: 0) }); lay fewer or widen the clusters
problem-no-road = there is no road { NUMBER($road, maximumFractionDigits: 0) }; the field has { NUMBER($count, maximumFractionDigits: 0) } road(s), numbered from 0
problem-verge-outside = the verge of this road never lies inside the hazard area; move the area beside the road or change the offset
problem-too-many-mines = { NUMBER($count, maximumFractionDigits: 0) } mines in all; at most { NUMBER($most, maximumFractionDigits: 0) } are allowed
problem-mines-too-dense = { NUMBER($count, maximumFractionDigits: 0) } mines do not fit in { NUMBER($area, maximumFractionDigits: 0) } m² (at most one per 0.25 m²); lay fewer or enlarge the area

## Scoring

problem-weight-negative = { NUMBER($value, maximumFractionDigits: 6) } is negative; weights must be 0 or more
problem-weights-zero = all weights are zero; give at least one part a positive weight
problem-no-ditches = no road has a ditch; remove `Ditches` or give a road a `ditch_depth_m`
problem-zone-corners = a zone needs at least 3 corners, not { NUMBER($found, maximumFractionDigits: 0) }
problem-zone-crosses = the zone's edges cross; list its corners in order around it

## Reading the files

problem-missing-field = missing field `{ $field }`; add it (see the built-in files in assets/ for an example)
problem-missing-field-in = missing field `{ $field }` in { $outer }; add it (see the built-in files in assets/ for an example)
problem-unknown-field = unknown field `{ $found }`; expected one of: { $expected }
problem-unknown-field-in = unknown field `{ $found }` in { $outer }; expected one of: { $expected }
# $error: the RON library's own words, in English.
problem-file-ends-early = { $error }: the file ends early (truncated, or an unclosed quote or bracket)
problem-machine-name-plain = machine name `{ $name }` must be a plain file name of lower-case letters, digits, `_` or `-`
problem-machine-file-broken = machine file is broken: { $problem }
problem-no-machine = no machine named `{ $name }`; available: { $available }
# $error: the system's own words.
problem-cannot-read = cannot read file: { $error }
problem-no-scenario = no such file, and no built-in scenario of that name; built-ins: { $builtins }
problem-not-scenario-or-machine = not a scenario or machine file: it should start with `Scenario(` or `MachineSpec(`
