# Панель оператора під час роботи (src/ui/hud.rs): прилади, попередження, підказка клавіш,
# вікна довідки, паузи й підтвердження завершення; назви видів камери (src/view/camera.rs).
# Терміни — за глосарієм docs/glossary-uk.md. Панель читають здалеку, місця в ній мало:
# підписи приладів короткі.

## Прилади

hud-time = Час { $elapsed } · залишилось { $left }
hud-autopilot-driving = КЕРУЄ АВТОПІЛОТ (демонстрація)
hud-autopilot-take-back = F8: повернути собі керування
hud-autopilot-mixed = Частину цього сеансу керував автопілот: його збережено як демонстрацію, а не як спробу
hud-post-distance = До вашого поста { NUMBER($distance_m, maximumFractionDigits: 0) } м (безпечна відстань { NUMBER($standoff_m, maximumFractionDigits: 0) } м)
hud-faults-so-far = Порушень досі: { NUMBER($count, maximumFractionDigits: 0) }
hud-speed = Швидкість { NUMBER($speed_kmh, minimumFractionDigits: 2, maximumFractionDigits: 2) } км/год
# $sign — «+» або «-», $set_pct — величина, на яку зрушено важіль: «важіль +50 %».
hud-speed-band = діап. { NUMBER($lo_kmh, minimumFractionDigits: 1, maximumFractionDigits: 1) }–{ NUMBER($hi_kmh, minimumFractionDigits: 1, maximumFractionDigits: 1) } км/год, { $soil } · важіль { $sign }{ NUMBER($set_pct, maximumFractionDigits: 0) } %
hud-tool-raised = Роб. орган піднято на { NUMBER($raised_cm, maximumFractionDigits: 0) } см
hud-tool-depth = Роб. орган { NUMBER($set_cm, maximumFractionDigits: 0) } см · дістає { NUMBER($reaching_cm, maximumFractionDigits: 0) } із { NUMBER($required_cm, maximumFractionDigits: 0) } см
hud-rotor = Ротор { NUMBER($rotor_pct, maximumFractionDigits: 0) } % · { NUMBER($rpm, maximumFractionDigits: 0) } об/хв{ $stalled ->
        [yes] {"  "}ЗАГЛУХ
       *[no] {""}
    }
hud-rotor-load = Навантаження ротора { NUMBER($load_pct, maximumFractionDigits: 0) } %
hud-area-to-depth = Оброблено на глибину { NUMBER($pct, minimumFractionDigits: 1, maximumFractionDigits: 1) } %
hud-condition = Стан машини { NUMBER($pct, maximumFractionDigits: 0) } %
# $mode — одна з назв camera- нижче.
hud-camera = камера: { $mode } (C)

## Прилади машини зі стрілою

hud-sweep = Шв. проходу { NUMBER($sweep_kmh, minimumFractionDigits: 2, maximumFractionDigits: 2) } км/год ({ NUMBER($sweep_ms, minimumFractionDigits: 2, maximumFractionDigits: 2) } м/с)
hud-sweep-limit = { $soil }: для { NUMBER($required_cm, maximumFractionDigits: 0) } см прохід повільніше { NUMBER($limit_kmh, minimumFractionDigits: 1, maximumFractionDigits: 1) } км/год
# $sign — «+» або «-», $slew_deg — величина кута.
hud-slew-reach = Поворот { $sign }{ NUMBER($slew_deg, maximumFractionDigits: 0) }° · виліт { NUMBER($reach_m, minimumFractionDigits: 1, maximumFractionDigits: 1) } м (межі { NUMBER($min_m, minimumFractionDigits: 1, maximumFractionDigits: 1) }–{ NUMBER($max_m, minimumFractionDigits: 1, maximumFractionDigits: 1) })
hud-processed-ahead = Оброблено перед гусеницями { NUMBER($ahead_m, minimumFractionDigits: 1, maximumFractionDigits: 1) } м

## Попередження, поки триває небезпечний стан

# $gear — «tracks» (гусениці) або «tyres» (колеса).
hud-warn-unprocessed = { $gear ->
        [tyres] КОЛЕСА
       *[tracks] ГУСЕНИЦІ
    } НА НЕОБРОБЛЕНОМУ ҐРУНТІ — зупиніться, здайте назад своєю обробленою смугою
# $what — «slew» (машина зі стрілою) або «speed».
hud-warn-too-fast = ЗАВЕЛИКА ШВИДКІСТЬ ДЛЯ ГЛИБИНИ — дістає { NUMBER($reaching_cm, maximumFractionDigits: 0) } із { NUMBER($required_cm, maximumFractionDigits: 0) } см; { $what ->
        [slew] повертайте стрілу повільніше
       *[speed] зменште швидкість
    }
hud-warn-rotor-overloaded = РОТОР ПЕРЕВАНТАЖЕНО — навантаження { NUMBER($load_pct, maximumFractionDigits: 0) } %; зменште швидкість або підніміть робочий орган, щоб ротор не заглух
hud-warn-rotor-stalled = РОТОР ЗАГЛУХ — зупиніться й підніміть робочий орган; ротор запуститься, коли відновиться тиск гідравліки ({ NUMBER($seconds, maximumFractionDigits: 0) } с)
hud-warn-boom-blocked = СТРІЛУ ЗАБЛОКОВАНО — фреза вперлася в дерево, камінь або машину; відведіть стрілу
hud-warn-leaving-worksite = ВИХІД ЗА МЕЖІ РОБОЧОЇ ДІЛЯНКИ — повертайте до позначеної ділянки
hud-warn-standoff = ПОРУШЕНО БЕЗПЕЧНУ ВІДСТАНЬ — машина ближче ніж за { NUMBER($standoff_m, maximumFractionDigits: 0) } м від вас

## Підказка клавіш (унизу ліворуч)

hud-keys-boom = H довідка · C камера · Esc пауза · Enter завершити · J/L поворот (Shift — швидко) · I/K виліт · F/R фреза · T глибина · Space ротор · W/S хід
hud-keys = H довідка · C камера · Esc пауза · Enter завершити · W/S швидкість · A/D кермо · F/R роб. орган · T глибина · Space ротор

## Вікно довідки

help-title = Керування
help-technique = Техніка: опустіть робочий орган на потрібну глибину й увімкніть ротор, перш ніж заїжджати на новий ґрунт;
    тримайте швидкість у робочому діапазоні; тримайте обидві гусениці на обробленому ґрунті; перекривайте кожну смугу попередньою.
help-close = Закрити (H)

## Вікна паузи й підтвердження завершення

pause-title = Пауза
pause-stopped = Симуляцію зупинено.
pause-resume = Продовжити (Esc)
pause-finish = Завершити й перейти до розбору
pause-controls = Керування (H)
pause-abandon = Покинути й повернутися до меню
pause-confirm-title = Завершити сеанс?
pause-confirm-text = Уже оброблено на глибину { NUMBER($pct, minimumFractionDigits: 1, maximumFractionDigits: 1) } % ділянки. Якщо завершити зараз, роботу буде оцінено в теперішньому стані.
pause-confirm-finish = Завершити
pause-confirm-keep-working = Працювати далі (Esc)

## Види камери

camera-operator-post = пост оператора
camera-cab = кабіна
camera-chase = за машиною
camera-map = карта

## Карти

maps-operator-post = пост оператора
hud-ghost-on = Тінь (G): еталон на цьому полі; синім — смуга, яку він пройде далі
hud-ghost-on-boom = Тінь (G): еталон на цьому полі; синім — його стріла й де фреза працюватиме далі
hud-ghost-computing = Тінь (G): еталон проходить це поле…
