# Проблеми у файлах сценаріїв і машин (src/scenario/validate.rs, src/scenario/mod.rs) — так,
# як їх читає інструктор, що написав файл. Назви полів у зворотних лапках і синтаксис файлу
# (`(2, 10)`, `SoilZone(...)`) лишаються як є: вони вказують місце у файлі.
# Одиниці після меж діапазону ("problem-unit-*") починаються з пробілу, якщо він потрібен.
# Терміни — за глосарієм docs/glossary-uk.md.

## Значення поза межами

problem-out-of-range = значення { NUMBER($value, maximumFractionDigits: 6) } поза допустимими межами; задайте значення від { NUMBER($lo, maximumFractionDigits: 6) } до { NUMBER($hi, maximumFractionDigits: 6) }{ $unit }
problem-pair-out-of-range = значення ({ NUMBER($a, maximumFractionDigits: 6) }; { NUMBER($b, maximumFractionDigits: 6) }) поза допустимими межами; обидва мають бути від { NUMBER($lo, maximumFractionDigits: 6) } до { NUMBER($hi, maximumFractionDigits: 6) }{ $unit }
# $fix: пара так, як її записують у файлі (з десятковою крапкою).
problem-pair-reversed = значення ({ NUMBER($a, maximumFractionDigits: 6) }; { NUMBER($b, maximumFractionDigits: 6) }) переставлені; спершу запишіть менше: `{ $fix }`

problem-unit-m = {" "}м
problem-unit-kg = {" "}кг
problem-unit-cm = {" "}см
problem-unit-rpm = {" "}об/хв
problem-unit-kmh = {" "}км/год
problem-unit-m2h = {" "}м²/год
problem-unit-deg = °
problem-unit-deg-s = °/с
problem-unit-m-s = {" "}м/с
problem-unit-kw = {" "}кВт
problem-unit-pct = {" "}%
problem-unit-min = {" "}хв
problem-unit-points = {" "}балів
problem-unit-per-hectare = {" "}на гектар
problem-unit-m-tracks-fit = {" "}м (гусениці мають уміщатися під корпусом)
problem-unit-m-within-chassis = {" "}м (у межах корпусу)
problem-unit-hardness = {" "}(супіщаний ґрунт = 1,0)
problem-unit-share-sampled = {" "}(частка площі, яку перевіряє контроль якості)
problem-unit-m2-short = {" "}м² (допустима площа ґрунту, не обробленого на потрібну глибину)
problem-unit-m-manual-teams = {" "}м (смуга навколо кожної перешкоди, яку залишають для ручного розмінування)
problem-unit-cm-tool-reaches = {" "}см ({ $tool } сягає щонайбільше { NUMBER($depth, maximumFractionDigits: 6) } см)
problem-unit-m-half-width = {" "}м (половина робочої ширини { NUMBER($width, maximumFractionDigits: 6) } м)

## Текст для курсантів

problem-empty = поле порожнє; напишіть { $what }
problem-no-english = немає тексту англійською ("en"); напишіть англійською також { $what }: цей текст показують там, де бракує потрібної мови
problem-unknown-language = є текст мовою "{ $code }", якої тренажер не знає; використовуйте { $known }
problem-what-title = коротку назву
problem-what-briefing = інструктаж (що курсант почує перед початком)
problem-what-objective = мету вправи (якої навички вона вчить і що потрібно для заліку)
problem-what-machine-name = назву машини для показу на екрані

## Точки, багатокутники й області

problem-point-outside = точка ({ NUMBER($x, maximumFractionDigits: 6) }; { NUMBER($z, maximumFractionDigits: 6) }) лежить поза полем; x має бути в межах 0–{ NUMBER($width, maximumFractionDigits: 6) }, а z — у межах 0–{ NUMBER($depth, maximumFractionDigits: 6) }
# $what — «область» або «небезпечна територія» (обидва жіночого роду).
problem-polygon-few-corners = { $what } має мати щонайменше 3 вершини, а задано { NUMBER($found, maximumFractionDigits: 0) }
problem-polygon-many-corners = { $what } має { NUMBER($found, maximumFractionDigits: 0) } { NUMBER($found, maximumFractionDigits: 0) ->
        [one] вершину
        [few] вершини
       *[many] вершин
    }; дозволено щонайбільше { NUMBER($most, maximumFractionDigits: 0) }
problem-polygon-crosses = { $what } перетинає сама себе (ребро { NUMBER($a, maximumFractionDigits: 0) }–{ NUMBER($a_next, maximumFractionDigits: 0) } перетинає ребро { NUMBER($b, maximumFractionDigits: 0) }–{ NUMBER($b_next, maximumFractionDigits: 0) }); перелічіть вершини по порядку вздовж межі
problem-polygon-no-area = { $what } не має площі; розсуньте її вершини
problem-what-region = область
problem-what-hazard-area = небезпечна територія
problem-rect-empty = прямокутник порожній або перевернутий: `min` має бути меншим кутом (x, z), а `max` — більшим

## Машина

problem-hammers-out-of-range = значення { NUMBER($value, maximumFractionDigits: 0) } поза допустимими межами; задайте від 1 до 1000 ланцюгів або різців
problem-working-over-travel = найбільша робоча швидкість перевищує `max_travel_kmh`; зменште її або збільште транспортну швидкість
# $gear: "tracks" (гусениці) або "tyres" (шини).
problem-gear-wider-than-tool = { $gear ->
        [tyres] шини
       *[tracks] гусениці
    } разом займають { NUMBER($span, minimumFractionDigits: 2, maximumFractionDigits: 2) } м завширшки — більше, ніж робочий орган шириною { NUMBER($width, maximumFractionDigits: 6) } м: вони завжди йтимуть по необробленому ґрунту; зменште колію або розширте робочий орган
problem-boom-short = стріла не сягає далі передньої частини самої машини; збільште найбільший виліт
problem-axles-count = { NUMBER($count, maximumFractionDigits: 0) } { NUMBER($count, maximumFractionDigits: 0) ->
        [one] вісь
        [few] осі
       *[many] осей
    }; задайте від 1 до 8 положень осей
problem-machine-invalid = в описі машини `{ $machine }` є помилка: { $problem }
problem-standoff = пост оператора розташований за { NUMBER($distance, minimumFractionDigits: 1, maximumFractionDigits: 1) } м від небезпечної території, а цій дистанційно керованій машині потрібна безпечна відстань { NUMBER($standoff, maximumFractionDigits: 6) } м; перенесіть `operator_post` далі

## Чи може машина виконати завдання

problem-in-vegetation = , серед рослинності заввишки { NUMBER($height, minimumFractionDigits: 1, maximumFractionDigits: 1) } м
problem-cannot-reach = { $tool } не досягає глибини { NUMBER($required, maximumFractionDigits: 0) } см на ґрунті «{ $soil }» (твердість { NUMBER($hardness, minimumFractionDigits: 1, maximumFractionDigits: 1) }{ $vegetation }) навіть на найменшій робочій швидкості, { NUMBER($crawl, maximumFractionDigits: 6) } км/год: там глибина обробки становить лише { NUMBER($reach, maximumFractionDigits: 0) } см; задайте щонайбільше { NUMBER($most, maximumFractionDigits: 0) } см, зменште твердість цього ґрунту або виберіть машину, що обробляє глибше
problem-relief-fall = на такому рельєфі ґрунт там, де працює робочий орган, опускається до { NUMBER($fall, maximumFractionDigits: 0) } см нижче лінії ходової частини машини «{ $machine }», тож робочий орган заглиблюється на { NUMBER($short, maximumFractionDigits: 0) } см менше від заданого; для { NUMBER($required, maximumFractionDigits: 0) } см тоді потрібно { NUMBER($needs, maximumFractionDigits: 0) } см, а він сягає лише { NUMBER($deepest, maximumFractionDigits: 0) } см: зробіть рельєф пологішим (меншу амплітуду або довшу хвилю), задайте меншу глибину або виберіть іншу машину
problem-slope-too-steep = схил поля становить { NUMBER($degrees, maximumFractionDigits: 6) }°, а машина «{ $machine }» може працювати на схилах щонайбільше { NUMBER($limit, maximumFractionDigits: 6) }°; зробіть схил пологішим або виберіть іншу машину

## Поле

problem-no-soil-zones = немає жодної зони ґрунту; додайте хоча б `SoilZone(soil: SandyLoam, region: Whole)`
problem-too-many-soil-zones = { NUMBER($count, maximumFractionDigits: 0) } { NUMBER($count, maximumFractionDigits: 0) ->
        [one] зона
        [few] зони
       *[many] зон
    } ґрунту; дозволено щонайбільше 64
problem-too-many-roads = { NUMBER($count, maximumFractionDigits: 0) } { NUMBER($count, maximumFractionDigits: 0) ->
        [one] дорога
        [few] дороги
       *[many] доріг
    }; дозволено щонайбільше 16
problem-road-points = дорозі потрібно від 2 до { NUMBER($most, maximumFractionDigits: 0) } точок, а задано { NUMBER($found, maximumFractionDigits: 0) }
problem-too-many-trees = { NUMBER($count, maximumFractionDigits: 0) } { NUMBER($count, maximumFractionDigits: 0) ->
        [one] дерево
        [few] дерева
       *[many] дерев
    }; дозволено щонайбільше 5000
problem-too-many-rocks = { NUMBER($count, maximumFractionDigits: 0) } { NUMBER($count, maximumFractionDigits: 0) ->
        [one] камінь
        [few] камені
       *[many] каменів
    }; дозволено щонайбільше 5000

## Небезпечна територія і стартова смуга

problem-hazard-near-edge = небезпечна територія підходить до краю поля ближче ніж на { NUMBER($margin, maximumFractionDigits: 6) } м; залиште машині місце для розвороту поза нею (збільште поле або пересуньте територію)
problem-hazard-small = площа небезпечної території — лише { NUMBER($area, minimumFractionDigits: 1, maximumFractionDigits: 1) } м²; зробіть її щонайменше 25 м²
problem-lane-short = стартова смуга коротша за 5 м; рознесіть `from` і `to` далі одне від одного
problem-lane-overlaps = стартова смуга заходить на небезпечну територію; стартова смуга має бути розмінованим ґрунтом поза позначеною ділянкою

## Міни

problem-no-mine-groups = немає жодної групи мін; додайте хоча б одну `MineGroup(...)`
problem-too-many-mine-groups = { NUMBER($count, maximumFractionDigits: 0) } { NUMBER($count, maximumFractionDigits: 0) ->
        [one] група
        [few] групи
       *[many] груп
    } мін; дозволено щонайбільше 64
problem-group-no-mines = ця група не містить жодної міни; задайте кількість, більшу за 0, або видаліть групу
problem-rows-no-room = { NUMBER($count, maximumFractionDigits: 0) } { NUMBER($count, maximumFractionDigits: 0) ->
        [one] міна не вміщається
        [few] міни не вміщаються
       *[many] мін не вміщаються
    } в ряди з відстанню { NUMBER($row_spacing, maximumFractionDigits: 6) } м між рядами й { NUMBER($spacing, maximumFractionDigits: 6) } м між мінами на { NUMBER($area, maximumFractionDigits: 0) } м² (місця вистачає приблизно на { NUMBER($room, maximumFractionDigits: 0) }); поставте менше мін або зменште відстані
problem-clusters-count = { NUMBER($count, maximumFractionDigits: 0) } { NUMBER($count, maximumFractionDigits: 0) ->
        [one] скупчення
        [few] скупчення
       *[many] скупчень
    }; задайте від 1 до 1000
problem-clusters-no-room = { NUMBER($count, maximumFractionDigits: 0) } { NUMBER($count, maximumFractionDigits: 0) ->
        [one] міна не вміщається
        [few] міни не вміщаються
       *[many] мін не вміщаються
    } в { NUMBER($clusters, maximumFractionDigits: 0) } { NUMBER($clusters, maximumFractionDigits: 0) ->
        [one] скупченні
       *[other] скупченнях
    } радіусом { NUMBER($radius, maximumFractionDigits: 6) } м (місця вистачає приблизно на { NUMBER($room, maximumFractionDigits: 0) }); поставте менше мін або збільште радіус скупчень
problem-no-road = дороги { NUMBER($road, maximumFractionDigits: 0) } немає; на полі { NUMBER($count, maximumFractionDigits: 0) } { NUMBER($count, maximumFractionDigits: 0) ->
        [one] дорога
        [few] дороги
       *[many] доріг
    }, їх нумерують від 0
problem-verge-outside = узбіччя цієї дороги ніде не заходить у небезпечну територію; пересуньте територію до дороги або змініть відступ
problem-too-many-mines = усього { NUMBER($count, maximumFractionDigits: 0) } { NUMBER($count, maximumFractionDigits: 0) ->
        [one] міна
        [few] міни
       *[many] мін
    }; дозволено щонайбільше { NUMBER($most, maximumFractionDigits: 0) }
problem-mines-too-dense = { NUMBER($count, maximumFractionDigits: 0) } { NUMBER($count, maximumFractionDigits: 0) ->
        [one] міна не вміщається
        [few] міни не вміщаються
       *[many] мін не вміщаються
    } на { NUMBER($area, maximumFractionDigits: 0) } м² (щонайбільше одна міна на 0,25 м²); поставте менше мін або збільште територію

## Оцінювання

problem-weight-negative = значення { NUMBER($value, maximumFractionDigits: 6) } від’ємне; вага має бути 0 або більше
problem-weights-zero = усі ваги нульові; дайте хоча б одній складовій додатну вагу
problem-no-ditches = жодна дорога не має кювету; видаліть `Ditches` або задайте дорозі `ditch_depth_m`
problem-zone-corners = зоні потрібно щонайменше 3 вершини, а задано { NUMBER($found, maximumFractionDigits: 0) }
problem-zone-crosses = ребра зони перетинаються; перелічіть її вершини по порядку вздовж межі

## Читання файлів

problem-missing-field = бракує поля `{ $field }`; додайте його (приклади — у вбудованих файлах у теці `assets/`)
problem-missing-field-in = бракує поля `{ $field }` у `{ $outer }`; додайте його (приклади — у вбудованих файлах у теці `assets/`)
problem-unknown-field = невідоме поле `{ $found }`; можливі поля: { $expected }
problem-unknown-field-in = невідоме поле `{ $found }` у `{ $outer }`; можливі поля: { $expected }
# $error: слова бібліотеки RON, англійською.
problem-file-ends-early = { $error }: файл закінчується передчасно (його обрізано або не закрито лапки чи дужку)
problem-machine-name-plain = назва машини `{ $name }` має бути простою назвою файлу з малих латинських літер, цифр, `_` або `-`
problem-machine-file-broken = у файлі машини є помилка: { $problem }
problem-no-machine = немає машини з назвою `{ $name }`; доступні: { $available }
# $error: пояснення операційної системи.
problem-cannot-read = не вдалося прочитати файл: { $error }
problem-no-scenario = такого файлу немає, і вбудованого сценарію з такою назвою теж; вбудовані: { $builtins }
problem-not-scenario-or-machine = це не файл сценарію чи машини: він має починатися з `Scenario(` або `MachineSpec(`
