# mineclear, українською. Терміни — за глосарієм docs/glossary-uk.md. Числа — через NUMBER()
# з тими ж знаками після коми, що й англійською (кома як десятковий знак ставить програма);
# слова (ґрунти, міни, робочі органи, місця) — окремі повідомлення нижче.

## Слова

soil-SandyLoam = супіщаний ґрунт
soil-Clay = глина
soil-Rocky = кам’янистий ґрунт
soil-Wet = перезволожений ґрунт
soil-Road = дорога
mine-ApBlast = протипіхотна фугасна міна
mine-ApFragmentation = протипіхотна осколкова міна
mine-At = протитанкова міна
mine-Uxo = нерозірваний боєприпас
tool-Flail = ланцюговий трал
tool-Tiller = фрезерний трал
tool-RotaryCutter = роторна фреза
where-between_lanes = між смугами
where-area_edge = уздовж краю ділянки
where-lane_end = у кінці смуги
where-in_lane = посеред смуги
manual-trees = біля стовбурів дерев
manual-rocks = біля каменів
manual-ditch = у кюветі
manual-zone = у зоні, позначеній для ручного розмінування

## Порушення

fault-tracks-on-unprocessed = смуга { NUMBER($lane, maximumFractionDigits: 0) }, { NUMBER($from_m, maximumFractionDigits: 0) }–{ NUMBER($to_m, maximumFractionDigits: 0) } м: гусениця на ґрунті, не обробленому робочим органом; тримайте гусениці в межах обробленої смуги
fault-reversing-onto-unprocessed = смуга { NUMBER($lane, maximumFractionDigits: 0) }, { NUMBER($from_m, maximumFractionDigits: 0) }–{ NUMBER($to_m, maximumFractionDigits: 0) } м: заднім ходом на необроблений ґрунт; задній хід — лише своєю обробленою смугою
fault-too-fast = смуга { NUMBER($lane, maximumFractionDigits: 0) }, { NUMBER($from_m, maximumFractionDigits: 0) }–{ NUMBER($to_m, maximumFractionDigits: 0) } м: { NUMBER($speed_kmh, minimumFractionDigits: 1, maximumFractionDigits: 1) } км/год, оброблено на { NUMBER($reached_cm, maximumFractionDigits: 0) } см із потрібних { NUMBER($required_cm, maximumFractionDigits: 0) } см; на ґрунті «{ $soil }» тримайте менше { NUMBER($limit_kmh, minimumFractionDigits: 1, maximumFractionDigits: 1) } км/год
fault-too-fast-sweep = прохід { NUMBER($sweep, maximumFractionDigits: 0) }: фреза йшла зі швидкістю { NUMBER($speed_kmh, minimumFractionDigits: 1, maximumFractionDigits: 1) } км/год ({ NUMBER($speed_ms, minimumFractionDigits: 2, maximumFractionDigits: 2) } м/с), оброблено на { NUMBER($reached_cm, maximumFractionDigits: 0) } см із потрібних { NUMBER($required_cm, maximumFractionDigits: 0) } см; на ґрунті «{ $soil }» ведіть повільніше { NUMBER($limit_kmh, minimumFractionDigits: 1, maximumFractionDigits: 1) } км/год ({ NUMBER($limit_ms, minimumFractionDigits: 2, maximumFractionDigits: 2) } м/с)
fault-depth-short-rotor = смуга { NUMBER($lane, maximumFractionDigits: 0) }, { NUMBER($from_m, maximumFractionDigits: 0) }–{ NUMBER($to_m, maximumFractionDigits: 0) } м: ротор працював на { NUMBER($rotor_pct, maximumFractionDigits: 0) } % обертів і обробив ґрунт на { NUMBER($reached_cm, maximumFractionDigits: 0) } см із потрібних { NUMBER($required_cm, maximumFractionDigits: 0) } см; дайте йому набрати повні оберти, перш ніж працювати
fault-depth-short-tool = смуга { NUMBER($lane, maximumFractionDigits: 0) }, { NUMBER($from_m, maximumFractionDigits: 0) }–{ NUMBER($to_m, maximumFractionDigits: 0) } м: на { NUMBER($speed_kmh, minimumFractionDigits: 1, maximumFractionDigits: 1) } км/год (справний { $tool } дістав би глибини на швидкості до { NUMBER($limit_kmh, minimumFractionDigits: 1, maximumFractionDigits: 1) } км/год) ґрунт оброблено на { NUMBER($reached_cm, maximumFractionDigits: 0) } см із потрібних { NUMBER($required_cm, maximumFractionDigits: 0) } см: залишилося { NUMBER($left, maximumFractionDigits: 0) } із { NUMBER($fitted, maximumFractionDigits: 0) } { tool-parts }, знос { NUMBER($wear_pct, maximumFractionDigits: 0) } %; ще зменште швидкість і віддайте його на обслуговування
fault-depth-short-hard = смуга { NUMBER($lane, maximumFractionDigits: 0) }, { NUMBER($from_m, maximumFractionDigits: 0) }–{ NUMBER($to_m, maximumFractionDigits: 0) } м: на { NUMBER($speed_kmh, minimumFractionDigits: 1, maximumFractionDigits: 1) } км/год ґрунт оброблено на { NUMBER($reached_cm, maximumFractionDigits: 0) } см із потрібних { NUMBER($required_cm, maximumFractionDigits: 0) } см: ґрунт «{ $soil }» під { NUMBER($vegetation_pct, maximumFractionDigits: 0) } % рослинності надто твердий для робочої швидкості; обробляйте на найменшій швидкості й передайте ділянку на подальше обстеження
fault-shallow-tool = смуга { NUMBER($lane, maximumFractionDigits: 0) }, { NUMBER($from_m, maximumFractionDigits: 0) }–{ NUMBER($to_m, maximumFractionDigits: 0) } м: заїзд на новий ґрунт з робочим органом на { NUMBER($set_cm, maximumFractionDigits: 0) } см (потрібно { NUMBER($required_cm, maximumFractionDigits: 0) } см); опустіть робочий орган і ввімкніть ротор, перш ніж рушати
fault-shallow-relief = смуга { NUMBER($lane, maximumFractionDigits: 0) }, { NUMBER($from_m, maximumFractionDigits: 0) }–{ NUMBER($to_m, maximumFractionDigits: 0) } м: ґрунт пішов униз під робочим органом, той дістав { NUMBER($set_cm, maximumFractionDigits: 0) } см із потрібних { NUMBER($required_cm, maximumFractionDigits: 0) } см; опускайте його в западини й кювети та піднімайте над горбами
fault-left-worksite = машина вийшла з робочої ділянки далі ніж на { NUMBER($margin_m, maximumFractionDigits: 0) } м від позначеної ділянки; розвертайтеся поблизу ділянки, на ґрунті, відомому як безпечний
fault-slope-limit = схил { NUMBER($slope_deg, maximumFractionDigits: 0) }°, більше за граничні для машини { NUMBER($limit_deg, maximumFractionDigits: 0) }°; обробляйте цей схил з іншого напрямку або залиште його ручним групам
fault-standoff = машина підійшла до оператора на { NUMBER($distance_m, maximumFractionDigits: 0) } м (безпечна відстань { NUMBER($standoff_m, maximumFractionDigits: 0) } м); плануйте смуги й розвороти подалі від свого пункту керування
fault-track-detonation = вибух під гусеницею (смуга { NUMBER($lane, maximumFractionDigits: 0) }): { $mine } на ґрунті, не обробленому робочим органом; рухайтеся лише обробленим ґрунтом
fault-track-detonation-shallow = вибух під гусеницею (смуга { NUMBER($lane, maximumFractionDigits: 0) }): { $mine }; ґрунт тут оброблено лише на { NUMBER($worked_cm, maximumFractionDigits: 0) } см, вище за міну; тримайте глибину, перш ніж їхати далі
fault-collision = наїзд на перешкоду на { NUMBER($speed_kmh, minimumFractionDigits: 1, maximumFractionDigits: 1) } км/год; зменште швидкість і об’їжджайте дерева й каміння
fault-boom-obstacle = фреза вдарилася об дерево чи камінь; зупиняйте прохід перед перешкодами, а ґрунт біля них залиште ручним групам
fault-boom-own-machine = фрезу заведено під власні гусениці машини; тримайте виліт стріли, коли повертаєте її біля корпусу
fault-rotor-stall = ротор заглух на { NUMBER($speed_kmh, minimumFractionDigits: 1, maximumFractionDigits: 1) } км/год з робочим органом на { NUMBER($set_cm, maximumFractionDigits: 0) } см у ґрунті «{ $soil }» (твердість { NUMBER($hardness, minimumFractionDigits: 1, maximumFractionDigits: 1) }): потрібно було { NUMBER($need_kw, maximumFractionDigits: 0) } кВт із наявних { NUMBER($have_kw, maximumFractionDigits: 0) } кВт; у твердому ґрунті зменште швидкість або підніміть робочий орган
fault-machine-disabled = вибух, сильніший за броню машини, вивів її з ладу
fault-gap = смуга { NUMBER($lane, maximumFractionDigits: 0) }, { NUMBER($from_m, maximumFractionDigits: 0) }–{ NUMBER($to_m, maximumFractionDigits: 0) } м, { $place }: { NUMBER($area_m2, minimumFractionDigits: 1, maximumFractionDigits: 1) } м² { $reached_any ->
        [1] оброблено лише на { NUMBER($reached_cm, maximumFractionDigits: 0) } см із { NUMBER($required_cm, maximumFractionDigits: 0) } см
       *[0] не оброблено
    }; територію не можна вивільнити, доки її не оброблено
fault-live-mine-thrown = { $mine }: відкинуто незнешкодженою до ({ NUMBER($x, minimumFractionDigits: 1, maximumFractionDigits: 1) }; { NUMBER($z, minimumFractionDigits: 1, maximumFractionDigits: 1) }){ $outside ->
        [1] , за межі позначеної ділянки
       *[0] {""}
    }; позначте її для групи подальшого обстеження
fault-overlap = смуги в середньому перекривалися на { NUMBER($overlap_m, minimumFractionDigits: 2, maximumFractionDigits: 2) } м; сценарій вимагає { NUMBER($lo_m, minimumFractionDigits: 1, maximumFractionDigits: 1) }–{ NUMBER($hi_m, minimumFractionDigits: 1, maximumFractionDigits: 1) } м
fault-time-limit = вичерпано ліміт часу { NUMBER($limit_min, maximumFractionDigits: 0) } хв

## Поради

advice-gaps = { NUMBER($area_m2, minimumFractionDigits: 1, maximumFractionDigits: 1) } м² ділянки в { NUMBER($patches, maximumFractionDigits: 0) } { NUMBER($patches, maximumFractionDigits: 0) ->
        [one] місці
       *[other] місцях
    } не оброблено на потрібну глибину: залік неможливий, доки не оброблено всю позначену ділянку. Пройдіть кожен пропуск ще раз, перш ніж покинути ділянку.
advice-clearance = Очищення коштувало { NUMBER($points, maximumFractionDigits: 0) } { NUMBER($points, maximumFractionDigits: 0) ->
        [one] бал
        [few] бали
       *[many] балів
    }: { NUMBER($coverage_pct, maximumFractionDigits: 0) } % ділянки оброблено на { NUMBER($required_cm, maximumFractionDigits: 0) } см, у ній лишилося { NUMBER($live, maximumFractionDigits: 0) } { NUMBER($live, maximumFractionDigits: 0) ->
        [one] незнешкоджена міна
        [few] незнешкоджені міни
       *[many] незнешкоджених мін
    }. Завершуйте кожну смугу й тримайте глибину.
advice-sweeps = Техніка проходів коштувала { NUMBER($points, maximumFractionDigits: 0) } { NUMBER($points, maximumFractionDigits: 0) ->
        [one] бал
        [few] бали
       *[many] балів
    }: пропусків { NUMBER($gap_m2, minimumFractionDigits: 1, maximumFractionDigits: 1) } м², перекриття { NUMBER($overlap_m, minimumFractionDigits: 2, maximumFractionDigits: 2) } м (потрібно щонайменше { NUMBER($lo_m, minimumFractionDigits: 1, maximumFractionDigits: 1) } м). Змінюйте виліт між проходами менше ніж на ширину барабана й перекривайте кожен ряд попереднім.
advice-lanes = Техніка смуг коштувала { NUMBER($points, maximumFractionDigits: 0) } { NUMBER($points, maximumFractionDigits: 0) ->
        [one] бал
        [few] бали
       *[many] балів
    }: пропусків { NUMBER($gap_m2, minimumFractionDigits: 1, maximumFractionDigits: 1) } м², перекриття { NUMBER($overlap_m, minimumFractionDigits: 2, maximumFractionDigits: 2) } м (потрібно { NUMBER($lo_m, minimumFractionDigits: 1, maximumFractionDigits: 1) }–{ NUMBER($hi_m, minimumFractionDigits: 1, maximumFractionDigits: 1) } м), відхилення вбік { NUMBER($wander_m, minimumFractionDigits: 2, maximumFractionDigits: 2) } м. Ведіть прямі паралельні смуги.
advice-speed-depth-sweeps = Швидкість і глибина коштували { NUMBER($points, maximumFractionDigits: 0) } { NUMBER($points, maximumFractionDigits: 0) ->
        [one] бал
        [few] бали
       *[many] балів
    }: { NUMBER($shallow_pct, maximumFractionDigits: 0) } % нового ґрунту оброблено мілкіше за { NUMBER($required_cm, maximumFractionDigits: 0) } см. Повертайте стрілу повільніше, щоб різці діставали глибини, і ведіть стрілу за рельєфом.
advice-speed-depth = Швидкість і глибина коштували { NUMBER($points, maximumFractionDigits: 0) } { NUMBER($points, maximumFractionDigits: 0) ->
        [one] бал
        [few] бали
       *[many] балів
    }: { NUMBER($shallow_pct, maximumFractionDigits: 0) } % нового ґрунту оброблено мілкіше за { NUMBER($required_cm, maximumFractionDigits: 0) } см. Зменшуйте швидкість, доки глибина не втримується, — у твердому ґрунті й густій рослинності більше.
advice-safety = Безпека коштувала { NUMBER($points, maximumFractionDigits: 0) } { NUMBER($points, maximumFractionDigits: 0) ->
        [one] бал
        [few] бали
       *[many] балів
    }: порушень безпеки — { NUMBER($faults, maximumFractionDigits: 0) }. Тримайте гусениці на обробленому ґрунті й не виходьте з робочої ділянки.
advice-efficiency = Продуктивність коштувала { NUMBER($points, maximumFractionDigits: 0) } { NUMBER($points, maximumFractionDigits: 0) ->
        [one] бал
        [few] бали
       *[many] балів
    }: { NUMBER($rate_m2h, maximumFractionDigits: 0) } м²/год проти { NUMBER($lo_m2h, maximumFractionDigits: 0) }–{ NUMBER($hi_m2h, maximumFractionDigits: 0) } м²/год для цієї машини. Розвертайтеся швидко за межами ділянки й тримайте робочу швидкість.
advice-machine-care = Догляд за машиною коштував { NUMBER($points, maximumFractionDigits: 0) } { NUMBER($points, maximumFractionDigits: 0) ->
        [one] бал
        [few] бали
       *[many] балів
    }: стан { NUMBER($condition_pct, maximumFractionDigits: 0) } %, { tool-left }, наїздів на перешкоди — { NUMBER($collisions, maximumFractionDigits: 0) }, ударів стрілою — { NUMBER($boom_strikes, maximumFractionDigits: 0) }, зупинок ротора — { NUMBER($stalls, maximumFractionDigits: 0) }. Об’їжджайте перешкоди й не перевантажуйте машину в твердому ґрунті: навантаження на ротор зростає з твердістю ґрунту й вашою швидкістю.
tool-state = { tool-left }{ $hydraulics_low ->
        [1] , гідравліка { NUMBER($hydraulics_pct, maximumFractionDigits: 0) } %
       *[0] {""}
    }
tool-left = { $tool }: { NUMBER($left, maximumFractionDigits: 0) } із { NUMBER($fitted, maximumFractionDigits: 0) } { tool-parts }{ $worn ->
        [1] , знос { NUMBER($wear_pct, maximumFractionDigits: 0) } %
       *[0] {""}
    }
tool-parts = { $tool_key ->
        [Flail] бойків
       *[other] різців
    }

## Контроль якості та вивільнення територій

qc-passed = пройдено: { NUMBER($squares, maximumFractionDigits: 0) } { NUMBER($squares, maximumFractionDigits: 0) ->
        [one] квадрат
        [few] квадрати
       *[many] квадратів
    } ({ NUMBER($sample_m2, maximumFractionDigits: 0) } м²) розкопано на { NUMBER($required_cm, maximumFractionDigits: 0) } см, незнешкоджених мін не знайдено
qc-failed-depth = не пройдено: { qc-failed-depth-finding }
qc-failed-depth-finding = { NUMBER($shallow_m2, minimumFractionDigits: 1, maximumFractionDigits: 1) } м² із { NUMBER($sample_m2, maximumFractionDigits: 0) } м² вибірки оброблено мілкіше за { NUMBER($required_cm, maximumFractionDigits: 0) } см
qc-failed-mines = не пройдено: { qc-failed-mines-finding }
qc-failed-mines-finding = у { NUMBER($sample_m2, maximumFractionDigits: 0) } м² вибірки знайдено { NUMBER($found, maximumFractionDigits: 0) } { NUMBER($found, maximumFractionDigits: 0) ->
        [one] незнешкоджену міну
        [few] незнешкоджені міни
       *[many] незнешкоджених мін
    }
release-released = територію вивільнено після механізованого розмінування: { NUMBER($released_m2, maximumFractionDigits: 0) } м² оброблено на { NUMBER($required_cm, maximumFractionDigits: 0) } см; можна проводити подальше обстеження, якого вимагає стандарт
release-follow-up = потрібне подальше ручне розмінування: { NUMBER($area_m2, minimumFractionDigits: 1, maximumFractionDigits: 1) } м² не оброблено на { NUMBER($required_cm, maximumFractionDigits: 0) } см або відкладено ({ $places })
release-qc-failed = контроль якості не пройдено: обробіть ділянку повторно ({ $finding })
place-lane = смуга { NUMBER($lane, maximumFractionDigits: 0) }: { NUMBER($area_m2, minimumFractionDigits: 1, maximumFractionDigits: 1) } м²
place-manual = { $what }, смуга { NUMBER($lane, maximumFractionDigits: 0) }: { NUMBER($area_m2, minimumFractionDigits: 1, maximumFractionDigits: 1) } м²
place-mine = { $mine } (незнешкоджена) у точці ({ NUMBER($x, minimumFractionDigits: 1, maximumFractionDigits: 1) }; { NUMBER($z, minimumFractionDigits: 1, maximumFractionDigits: 1) })

## Назви видів порушень, складових оцінки й доль мін (підписи розбору та звіту)

fault-kind-tracks_on_unprocessed = гусениці на необробленому ґрунті
fault-kind-reversing_onto_unprocessed = задній хід на необроблений ґрунт
fault-kind-too_fast_for_depth = завелика швидкість для глибини
fault-kind-depth_short = робочий орган не дістав глибини
fault-kind-shallow_tool = робочий орган замілко на новому ґрунті
fault-kind-gap = ґрунт не оброблено на глибину
fault-kind-overlap_out_of_band = перекриття поза заданими межами
fault-kind-track_detonation = міна спрацювала під гусеницею
fault-kind-left_worksite = вихід за межі робочої ділянки
fault-kind-slope_limit = схил понад граничний для машини
fault-kind-standoff_breached = порушено безпечну відстань
fault-kind-collision = зіткнення
fault-kind-rotor_stall = зупинка ротора
fault-kind-machine_disabled = машину виведено з ладу
fault-kind-time_limit = вичерпано час
fault-kind-boom_collision = стріла в перешкоду або в машину
fault-kind-live_mine_thrown = боєздатну міну відкинуто
part-clearance = якість розмінування
part-lanes = техніка смуг
part-speed_depth = швидкість і глибина
part-safety = безпека
part-efficiency = продуктивність
part-machine_care = догляд за машиною
fate-never_reached = не досягнуто
fate-missed = пропущено (нижче обробленого шару)
fate-destroyed = знищено
fate-detonated = підірвано робочим органом
fate-detonated_by_track = підірвано гусеницею
fate-thrown_aside = відкинуто, боєздатна
fate-pushed_deeper = вдавлено глибше
fate-damaged_live = пошкоджено, боєздатна
fate-intact = ціла в обробленому ґрунті

## Вбудовані машини (власний файл машини має назву, яку дає сам)

machine-bm307 = Екскаватор з роторною фрезою (клас Nikken BM307-V16)
machine-d85ms = Броньований фрезерний трал (клас Komatsu D85MS)
machine-hydrema910 = Броньований ланцюговий трал (клас Hydrema 910 MCV)
machine-mv4 = Легкий дистанційно керований ланцюговий трал (клас MV-4)

## Примітки до згенерованого поля (що не вдалося розмістити так, як вимагає сценарій)

layout-scatter = розсип
layout-rows = ряди
layout-clusters = скупчення
layout-verge = узбіччя
note-mines-laid = група мін { NUMBER($group, maximumFractionDigits: 0) } ({ $mine }, { $layout }): установлено { NUMBER($laid, maximumFractionDigits: 0) } із { NUMBER($wanted, maximumFractionDigits: 0) }
note-trees-placed = розміщено { NUMBER($placed, maximumFractionDigits: 0) } із { NUMBER($wanted, maximumFractionDigits: 0) } дерев (у зоні дерев замало вільного ґрунту)

## Еталон поруч із курсантом

advice-expert-parted = смуга { NUMBER($lane, maximumFractionDigits: 0) }, { NUMBER($from_m, maximumFractionDigits: 0) }–{ NUMBER($to_m, maximumFractionDigits: 0) } м: { NUMBER($speed_kmh, minimumFractionDigits: 1, maximumFractionDigits: 1) } км/год проти { NUMBER($expert_kmh, minimumFractionDigits: 1, maximumFractionDigits: 1) } км/год в еталона

## Що не так із файлом запису (після його назви)

replay-not-a-replay = це не запис mineclear (файл не починається з MCREPLAY)
replay-truncated-header = файл обрізано: лише { NUMBER($bytes, maximumFractionDigits: 0) } { NUMBER($bytes, maximumFractionDigits: 0) ->
        [one] байт
        [few] байти
       *[many] байтів
    }, а сам заголовок займає 18
replay-newer-format = записано у форматі { NUMBER($version, maximumFractionDigits: 0) } новішою версією mineclear; ця версія читає формати до { NUMBER($format, maximumFractionDigits: 0) }; оновіть mineclear, щоб відкрити запис
replay-format-zero = формату записів 0 не існує; заголовок пошкоджено
replay-truncated-data = файл обрізано: заголовок оголошує { NUMBER($announced, maximumFractionDigits: 0) } байтів даних, а у файлі { NUMBER($held, maximumFractionDigits: 0) }
replay-trailing-bytes = { NUMBER($bytes, maximumFractionDigits: 0) } зайвих байтів після кінця запису
replay-corrupted = запис пошкоджено: дані не збігаються з контрольною сумою (файл змінено або пошкоджено)
replay-cannot-read = не вдається прочитати: { $error }
replay-too-large = { NUMBER($bytes, maximumFractionDigits: 0) } байтів: набагато більше, ніж буває запис (щонайбільше { NUMBER($most, maximumFractionDigits: 0) })
replay-time-limit = запис налічує { NUMBER($ticks, maximumFractionDigits: 0) } тактів ({ NUMBER($seconds, maximumFractionDigits: 0) } с), більше за ліміт часу сценарію { NUMBER($limit_min, maximumFractionDigits: 0) } хв
replay-diverges = розходиться на такті { NUMBER($tick, maximumFractionDigits: 0) } (t = { NUMBER($seconds, minimumFractionDigits: 2, maximumFractionDigits: 2) } с): повторно змодельований стан там відрізняється від запису
replay-diverges-at-end = розходиться на такті { NUMBER($tick, maximumFractionDigits: 0) }: повторне моделювання закінчилося з { NUMBER($got, maximumFractionDigits: 0) } контрольними точками, а в записі їх { NUMBER($want, maximumFractionDigits: 0) }
replay-report-differs = записаний звіт відрізняється від повторно змодельованого (записана оцінка { NUMBER($recorded, minimumFractionDigits: 1, maximumFractionDigits: 1) }, повторно змодельована { NUMBER($resimulated, minimumFractionDigits: 1, maximumFractionDigits: 1) })
