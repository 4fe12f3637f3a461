# Меню (menu-), інструктаж (briefing-), журнал навчання курсанта (progress-), таблиця
# керування (controls-) і спільні слова (common-), українською. Терміни — за глосарієм
# docs/glossary-uk.md; числа — через NUMBER() з тими ж знаками після коми, що й англійською.
# Назви клавіш і кнопок геймпада (W, Space, RB) лишаються як на пристроях; D-pad — «хрестовина».

## Спільне

common-quit = Вийти
common-back-to-menu = Назад до меню
common-back-to-editor = Назад до редактора

## Меню

menu-subtitle = Тренажер для операторів машин механізованого розмінування
menu-exam-seat = ЕКЗАМЕНАЦІЙНЕ МІСЦЕ: лише курс, без автопілота; введіть своє ім’я, потім оберіть сценарій
menu-session = Сеанс
menu-language = Мова:
menu-start-first = ▶  Почати перше заняття
menu-replays-kept = Записи зберігаються в { $dir }
menu-scenarios = Сценарії
menu-scenarios-intro = Курс — від першого заняття до іспиту. Натисніть на сценарій, щоб прочитати інструктаж.
menu-scenario-problems = ✗ { NUMBER($count, maximumFractionDigits: 0) } { NUMBER($count, maximumFractionDigits: 0) ->
        [one] помилка
        [few] помилки
       *[many] помилок
    }
menu-edit-copy = Редагувати копію в редакторі сценаріїв
menu-edit = Редагувати в редакторі сценаріїв
menu-open-file = Відкрити файл сценарію:
menu-scenario-path-hint = шлях/до/сценарію.ron
menu-open = Відкрити
menu-trainee = Курсант:
menu-trainee-hint = ваше ім’я (зберігається в кожному записі)
menu-known = Відомі:
menu-progress = Журнал навчання курсанта
menu-autopilot = Керує автопілот-експерт (демонстрація: спробою не зараховується)
menu-seed = Зерно поля:
menu-seed-hint = як у сценарії
menu-seed-bad = не ціле число
menu-review-heading = Переглянути запис сеансу
menu-replay-path-hint = шлях/до/запису.mcreplay
menu-review = Переглянути
menu-editor = ✏ Редактор сценаріїв
menu-editor-hint = Створіть або змініть вправу, перегляньте її поле, зробіть пробний заїзд
menu-cannot-open = Не вдається відкрити { $subject }
menu-fix-problems = Виправте ці помилки у файлі й відкрийте його знову:
menu-scenarios-ready = Готових сценаріїв: { NUMBER($count, maximumFractionDigits: 0) }

## Інструктаж

briefing-watch-autopilot = ▶  Спостерігати за автопілотом (Enter)
briefing-begin = ▶  Почати (Enter)
briefing-seed = Зерно { $seed } · { $origin }
briefing-objective = Завдання
briefing-required-depth = Потрібна глибина
briefing-required-depth-value = { NUMBER($depth_cm, maximumFractionDigits: 0) } см по всій позначеній ділянці
briefing-time-limit = Ліміт часу
briefing-time-limit-value = { NUMBER($minutes, maximumFractionDigits: 0) } хв
briefing-overlap = Перекриття смуг
briefing-overlap-value = { NUMBER($lo_m, minimumFractionDigits: 2, maximumFractionDigits: 2) }–{ NUMBER($hi_m, minimumFractionDigits: 2, maximumFractionDigits: 2) } м
briefing-pass-mark = Прохідний бал
briefing-pass-mark-value = { NUMBER($pass, maximumFractionDigits: 0) } / 100
briefing-area = Площа
briefing-area-value = { NUMBER($area_m2, maximumFractionDigits: 0) } м²
briefing-machine = Машина
briefing-tool = Робочий орган
briefing-tool-value = { $tool }, ширина { NUMBER($width_m, minimumFractionDigits: 2, maximumFractionDigits: 2) } м, глибина { NUMBER($min_cm, maximumFractionDigits: 0) }–{ NUMBER($max_cm, maximumFractionDigits: 0) } см
briefing-speed = Робоча швидкість
briefing-speed-value = { NUMBER($lo_kmh, minimumFractionDigits: 1, maximumFractionDigits: 1) }–{ NUMBER($hi_kmh, minimumFractionDigits: 1, maximumFractionDigits: 1) } км/год (близько { NUMBER($depth_cm, maximumFractionDigits: 0) } см на { NUMBER($ref_kmh, minimumFractionDigits: 1, maximumFractionDigits: 1) } км/год)
briefing-mass = Маса
briefing-mass-value = { NUMBER($mass_t, minimumFractionDigits: 1, maximumFractionDigits: 1) } т; витримує вибух заряду близько { NUMBER($charge_kg, minimumFractionDigits: 1, maximumFractionDigits: 1) } кг
briefing-remote = Дистанційне керування
briefing-remote-value = ви перебуваєте на посту оператора, щонайменше за { NUMBER($standoff_m, maximumFractionDigits: 0) } м від машини
briefing-controls = Керування
briefing-site-map = План ділянки
briefing-map-legend = Червоно-біле — позначена небезпечна територія. Синє — стартова смуга, розмінована й безпечна. Дерева й каміння нанесено на план, міни — ні: як і на справжній ділянці, ви не знаєте, де вони.

## Журнал навчання курсанта

progress-title = Журнал навчання: { $trainee }
progress-summary = { NUMBER($own, maximumFractionDigits: 0) } { NUMBER($own, maximumFractionDigits: 0) ->
        [one] спроба
        [few] спроби
       *[many] спроб
    } ({ NUMBER($demos, maximumFractionDigits: 0) } { NUMBER($demos, maximumFractionDigits: 0) ->
        [one] демонстрація
        [few] демонстрації
       *[many] демонстрацій
    } окремо) · зараховано { NUMBER($passed, maximumFractionDigits: 0) } з { NUMBER($total, maximumFractionDigits: 0) } { NUMBER($total, maximumFractionDigits: 0) ->
        [one] сценарію
       *[other] сценаріїв
    }
progress-course = Курс
progress-passed-best = зараховано, найкраще { NUMBER($best, minimumFractionDigits: 1, maximumFractionDigits: 1) }
progress-attempted-best = спроб: { NUMBER($count, maximumFractionDigits: 0) }, найкраще { NUMBER($best, minimumFractionDigits: 1, maximumFractionDigits: 1) } (прохідний бал { NUMBER($pass, maximumFractionDigits: 0) })
progress-not-yet = ще ні
progress-score-over-attempts = Бали за спробами
progress-recurring-faults = Порушення, що повторюються
progress-no-faults = Поки що жодного.
progress-fault-other = інше
progress-attempts = Спроби
progress-pass = зараховано
progress-fail = не зараховано
progress-tag-exam = іспит
progress-tag-modified = змінена копія
progress-tag-own = власний сценарій
progress-tag-version-unknown = версію не записано
progress-tag-mixed = частково автопілот
progress-tag-driver-unknown = хто керував, не записано
progress-tag-demonstration = демонстрація
progress-standing-hover = { $standing }; хто керував: { $who }
progress-not-recorded = не записано
progress-standing-exam = іспит
progress-standing-course = курс
progress-standing-earlier-version = курс (попередня версія)
progress-standing-modified = тренування на зміненому сценарії
progress-standing-other = власний сценарій (не з курсу)
progress-standing-unknown = версію не записано
progress-driven-autopilot = керував автопілот
progress-driven-script = керував скрипт
progress-driven-mixed = частиною сеансу керував автопілот
progress-driven-unknown = хто керував, не записано
progress-review = Переглянути
progress-replay-moved = (запис переміщено)
progress-attempt-line = { $title } · { NUMBER($faults, maximumFractionDigits: 0) } { NUMBER($faults, maximumFractionDigits: 0) ->
        [one] порушення
        [few] порушення
       *[many] порушень
    }

## Таблиця керування (інструктаж і вікно довідки)

controls-head-action = Дія
controls-head-keyboard = Клавіатура
controls-head-gamepad = Геймпад
controls-speed = Задана швидкість: більше / менше
controls-steer = Поворот (сповільнити одну гусеницю)
controls-stop = Стоп (швидкість до нуля)
controls-tool = Робочий орган: опустити / підняти
controls-tool-depth = Робочий орган на потрібну глибину
controls-rotor = Ротор: увімкнути / вимкнути
controls-camera = Камера: кабіна або пост, позаду машини, карта
controls-pause = Пауза
controls-help = Довідка (цей список)
controls-finish = Завершити сеанс
controls-autopilot = Передати керування автопілоту / забрати назад (тоді це не спроба)
controls-ghost = Тінь еталона: показати / сховати (автопілот на тому самому полі)
controls-slew = Поворот стріли вліво / вправо
controls-reach = Виліт: висунути / втягнути
controls-cutter = Фреза: опустити / підняти
controls-cutter-depth = Фреза на потрібну глибину
controls-travel-speed = Швидкість руху: більше / менше
controls-steer-tracks = Поворот гусеницями
controls-stop-travel = Зупинити рух
controls-camera-boom = Камера: з кабіни вздовж стріли, позаду машини, карта
controls-key-w-s = W / S (утримуйте)
controls-key-a-d = A / D (утримуйте)
controls-key-f-r = F / R (утримуйте)
controls-key-j-l = J / L (утримуйте; Shift — швидко)
controls-key-i-k = I / K (утримуйте; Shift — швидко)
controls-key-pause = Esc або P
controls-key-help = H або F1
controls-key-finish = Enter (потім підтвердіть)
controls-pad-levers = лівий і правий стіки (важелі гусениць)
controls-pad-steer = відхиляйте стіки неоднаково
controls-pad-finish = хрестовина вниз (потім підтвердіть)
controls-pad-slew = лівий стік уліво / вправо
controls-pad-reach = лівий стік уперед / назад
controls-pad-cutter = правий стік уперед / назад
controls-pad-travel = RT — уперед, LT — назад (утримуйте)
controls-pad-steer-tracks = правий стік уліво / вправо
common-in-english = (англійською: цією мовою ще не написано)
common-in-english-short = (англ.)
controls-pad-east = B (права кнопка)
controls-pad-north = Y (верхня кнопка)
controls-pad-south = A (нижня кнопка)
common-origin-builtin = вбудований:{ $name }

## Повідомлення перебігу (у меню, розборі, журналі навчання й редакторі)

flow-exam-course-only = { $scenario }: на екзаменаційному місці складають лише сценарії курсу
flow-exam-needs-name = для іспиту потрібне ім’я курсанта: спершу введіть його в поле «Курсант»
flow-exam-no-editor = на екзаменаційному місці редактор сценаріїв закрито
flow-exam-no-replays = на екзаменаційному місці записи не відкриваються
flow-exam-no-autopilot = на екзаменаційному місці автопілот недоступний
flow-exam-subject = це на екзаменаційному місці
flow-progress-needs-name = спершу вкажіть курсанта (поле «Курсант» вище)
flow-progress-no-folder = теку журналу навчання не задано
flow-replay-not-saved = не вдається зберегти запис у { $path }: { $error }
flow-save-has-problems = у сценарії { NUMBER($count, maximumFractionDigits: 0) } { NUMBER($count, maximumFractionDigits: 0) ->
        [one] проблема
        [few] проблеми
       *[many] проблем
    }; курсанти не зможуть його відкрити, доки їх не виправлено
flow-cannot-create = не вдається створити { $path }: { $error }
flow-cannot-write = не вдається записати { $path }: { $error }
controls-pad-up = хрестовина вгору
controls-pad-right = хрестовина вправо
flow-taken-over-not-stored = тренування із запису (керування перехоплено на { $from }): як спробу не збережено

sound-title = Звук
sound-mute = Вимкнути
sound-master = Гучність
sound-machine = Машина й довкілля
sound-alarms = Сигнали тривоги
sound-muted-by-command-line = Запущено з { $flag }: цього разу без звуку.
