# Редактор сценаріїв (src/ui/editor). Одиниці після числових полів ("-unit") отримують
# пробіл перед собою в коді. Терміни — за глосарієм docs/glossary-uk.md.

## Верхня панель

editor-title = Редактор сценаріїв
editor-editing = редагується: { $origin }
editor-origin-template = шаблон
editor-unsaved = ● є незбережені зміни
editor-saved = ✔ збережено
editor-not-saved-yet = ще не збережено у файл
editor-start-from = Почати з:
editor-choose = оберіть…
editor-blank-template = Порожній шаблон
editor-copy-of = Копія «{ $title }»
editor-open-file = Відкрити файл:
editor-open-hint = шлях/до/файлу.ron
editor-open = Відкрити
editor-save-to = Зберегти в:
editor-save = 💾 Зберегти
editor-save-tip = Ctrl+S. Спершу записує тимчасовий файл, потім ставить його на місце старого.
editor-test-drive = ▶ Пробний заїзд
editor-test-drive-tip = Прочитайте інструктаж і проведіть вправу; кнопка «До меню» поверне вас сюди з вашою чернеткою.
editor-test-drive-disabled = Спершу виправте проблеми, перелічені нижче.
editor-back-to-menu = До меню
editor-status-no-file-name = вкажіть назву файлу для збереження
editor-status-saved = збережено { $path }

## Запитання перед збереженням чи виходом

editor-replace-title = Замінити наявний файл?
editor-replace-body = Файл { $path } уже існує. Збереження замінить його цим сценарієм.
editor-replace-yes = Замінити
editor-problems-title = Зберегти сценарій із проблемами?
editor-problems-body = У ньому { NUMBER($count, maximumFractionDigits: 0) } { NUMBER($count, maximumFractionDigits: 0) ->
        [one] проблема
        [few] проблеми
       *[many] проблем
    }, їх перелічено внизу редактора. Можна зберегти його, щоб не втратити роботу, але курсанти не зможуть його відкрити, доки проблеми не виправлено.
editor-problems-yes = Усе одно зберегти
editor-cannot-save = Не вдалося зберегти
editor-try-again = Спробувати ще раз
editor-cancel = Скасувати
editor-leave-title = Вийти з редактора?
editor-leave-body = У цьому сценарії є незбережені зміни.
editor-save-then-leave = Зберегти й вийти
editor-discard-changes = Відкинути зміни
editor-stay = Залишитися
editor-discard-title = Відкинути ваші зміни?
editor-discard-body = У сценарії, який ви редагуєте, є незбережені зміни. Якщо відкрити інший, їх буде втрачено.
editor-discard-and-open = Відкинути й відкрити

## Панель проблем

editor-no-problems = ✔ Проблем немає: сценарій готовий до пробного заїзду й до видачі курсантам.
editor-problem-count = ✖ { NUMBER($count, maximumFractionDigits: 0) } { NUMBER($count, maximumFractionDigits: 0) ->
        [one] проблема
        [few] проблеми
       *[many] проблем
    }: кожну також показано біля її поля. Курсанти не зможуть відкрити сценарій, доки їх не виправлено.
editor-problem-file = (файл)

## Розділи форми

editor-section-exercise = Вправа
editor-section-machine = Машина і завдання
editor-section-hazard = Небезпечна територія, стартова смуга й пост
editor-section-field = Поле та ґрунт
editor-section-soils = Ґрунти ({ NUMBER($count, maximumFractionDigits: 0) })
editor-section-roads = Дороги ({ NUMBER($count, maximumFractionDigits: 0) })
editor-section-mines = Міни ({ NUMBER($count, maximumFractionDigits: 0) } { NUMBER($count, maximumFractionDigits: 0) ->
        [one] група
        [few] групи
       *[many] груп
    })
editor-section-scoring = Оцінювання
editor-section-seed = Зерно генератора

## Одиниці після числових полів

editor-unit-cm = см
editor-unit-min = хв
editor-unit-m = м
editor-unit-per-hectare = /га
editor-unit-points = { $n ->
        [one] бал
        [few] бали
        [other] бала
       *[many] балів
    }
editor-to = до

## Вправа

editor-title-label = Назва
editor-briefing-label = Інструктаж (що повідомляють курсантові: обстановка й завдання)
editor-briefing-hint = Ділянка, ґрунт, загроза, машина і як нею працювати.
editor-objective-label = Мета (одна навичка, якої навчає вправа, і що потрібно для заліку)
editor-objective-hint = Тримайте … так, щоб …. Для заліку потрібно … балів.

## Машина і завдання

editor-machine = Машина
editor-required-depth = Потрібна глибина
editor-time-limit = Ліміт часу
editor-overlap = Потрібне перекриття смуг

## Небезпечна територія, стартова смуга й пост

editor-hazard-heading = Небезпечна територія (позначена межа)
editor-draw-new-outline = накреслити новий контур
editor-lane-heading = Стартова смуга (очищений ґрунт)
editor-place-on-map = ✏ розмістити на карті
editor-lane-from = початок
editor-lane-to = кінець
editor-lane-width = ширина
editor-operator-post = Пост оператора (машини з дистанційним керуванням)
editor-post-at = пост у точці
editor-no-post = Без нього оператор стоїть на початку стартової смуги (`from`).

## Поле та ґрунт

editor-field-width = Ширина (x, на схід)
editor-field-depth = Довжина (z, на південь)
editor-relief-bumps = Рельєф: горби
editor-relief-bumps-unit = м заввишки
editor-relief-spacing = Рельєф: відстань
editor-relief-spacing-unit = м між горбами
editor-slope = Крутизна схилу
editor-falls-towards = Напрямок схилу
editor-falls-towards-note = 0 — північ, 90 — схід
editor-vegetation-cover = Густота рослинності
editor-vegetation-height = Висота рослинності
editor-thicket-size = Розмір заростей
editor-trees = Дерева
editor-rocks = Камені
editor-trees-in-area = Дерева можуть стояти й усередині небезпечної території (лісосмуга для роторної фрези на стрілі)
editor-trees-in-part = Дерева ростуть лише на частині поля

## Ґрунти

editor-soils-note = Зони накладаються по черзі: пізніші перекривають попередні. Перша має охоплювати все поле.
editor-zone = Зона { NUMBER($index, maximumFractionDigits: 0) }
editor-paint-earlier = накладати раніше
editor-remove-zone = вилучити цю зону
editor-hardness = твердість
editor-typical-hardness = типово для «{ $soil }»: { NUMBER($value, maximumFractionDigits: 2) }
editor-moisture = вологість
editor-typical-moisture = типово для «{ $soil }»: { NUMBER($value, maximumFractionDigits: 2) } %
editor-add-soil-zone = + зона ґрунту

## Дороги

editor-road = Дорога { NUMBER($index, maximumFractionDigits: 0) }
editor-road-width = ширина
editor-road-ditch = кювет
editor-road-ditch-unit = м завглибшки
editor-remove-road = вилучити цю дорогу
editor-draw-on-map = накреслити на карті
editor-add-road = + дорога

## Міни

editor-uxo-outside = Розкидані нерозірвані боєприпаси можуть лежати й поза позначеною ділянкою
editor-group = Група { NUMBER($index, maximumFractionDigits: 0) }
editor-remove-group = вилучити цю групу
editor-buried = Глибина (верх міни)
editor-add-mine-group = + група мін
editor-amount-count = кількість
editor-amount-per-hectare = на гектар
editor-laid-as = Установлено
editor-layout-scatter = врозкид
editor-layout-rows = рядами
editor-layout-clusters = скупченнями
editor-layout-verge = уздовж узбіччя дороги
editor-scatter-note = рівномірно випадково по всій небезпечній території
editor-rows-angle = кут
editor-rows-rows = ряди через
editor-rows-rows-unit = м
editor-rows-mines = міни через
editor-rows-mines-unit = м
editor-rows-jitter = зміщення до
editor-clusters-radius = скупчень радіусом
editor-verge-road = біля дороги
editor-verge-beyond-unit = м від її краю

## Оцінювання

editor-weight-clearance = Якість розмінування
editor-weight-lanes = Техніка смуг
editor-weight-speed-depth = Швидкість і глибина
editor-weight-safety = Безпека
editor-weight-efficiency = Продуктивність
editor-weight-machine-care = Догляд за машиною
editor-weight-share = = { NUMBER($share, maximumFractionDigits: 0) } { NUMBER($share, maximumFractionDigits: 0) ->
        [one] бал
        [few] бали
        [other] бала
       *[many] балів
    }
editor-pass-mark = Прохідний бал

## Зерно генератора

editor-same-field = Кожен курсант отримує те саме поле
editor-seed-note = Кожен сеанс обирає власне зерно (його збережено в записі); попередній перегляд показує один приклад.

## Списки точок і зони

editor-draw-tip = Потім клацайте на карті; правий клік вилучає останню точку.
editor-done = Готово
editor-point-count = { NUMBER($count, maximumFractionDigits: 0) } { NUMBER($count, maximumFractionDigits: 0) ->
        [one] точка
        [few] точки
       *[many] точок
    }
editor-coordinates = координати
editor-remove-point = вилучити цю точку
editor-add-point = + точка
editor-region-whole = усе поле
editor-region-rect = прямокутник
editor-region-polygon = багатокутник
editor-region-patches = розкидані плями
editor-rect-from = від
editor-rect-to = до{"  "}
editor-share-of-field = частка поля
editor-patch-size = розмір плями

## Карта

editor-map = Карта
editor-tool-move = ✋ Переміщення
editor-tool-hazard = ✏ Небезпечна територія
editor-tool-hazard-tip = Починає новий контур
editor-tool-lane = ✏ Стартова смуга
editor-tool-post = ✏ Пост оператора
editor-show-mines = показувати міни
editor-reroll = 🎲 Нове зерно
editor-reroll-tip = Нове поле з тими самими налаштуваннями
editor-map-post = пост
editor-map-lane-from = початок смуги
editor-hint-move = Перетягніть кут або кінець смуги, щоб перемістити його; правий клік по куту вилучає його.
editor-hint-hazard = Клацайте, щоб додавати кути небезпечної території по черзі вздовж межі; правий клік вилучає останній. Наприкінці натисніть «Готово».
editor-hint-lane-from = Клацніть там, де починається стартова смуга.
editor-hint-lane-to = Клацніть там, де закінчується стартова смуга.
editor-hint-post = Клацніть там, де стоїть оператор машини з дистанційним керуванням.
editor-hint-road = Клацайте, щоб додавати точки вздовж дороги; правий клік вилучає останню.
editor-hint-soil = Клацайте, щоб додавати кути ділянки ґрунту; правий клік вилучає останній.
editor-hint-trees = Клацайте, щоб додавати кути ділянки, де ростуть дерева; правий клік вилучає останній.

## Рядок стану під картою ($x і $z приходять уже відформатованими, фіксованої ширини)

editor-pointer = x { $x } м  z { $z } м
editor-preview-not-updated = Попередній перегляд не оновлено: виправте проблеми, позначені в полі, небезпечній території чи мінах.
editor-status = зерно { $seed } · небезпечна територія { NUMBER($area_m2, maximumFractionDigits: 0) } м² · { NUMBER($mines, maximumFractionDigits: 0) } { NUMBER($mines, maximumFractionDigits: 0) ->
        [one] міна
        [few] міни
       *[many] мін
    } ({ $kinds }) · найбільша крутизна на ділянці { NUMBER($slope_deg, minimumFractionDigits: 1, maximumFractionDigits: 1) }° · { NUMBER($trees, maximumFractionDigits: 0) } { NUMBER($trees, maximumFractionDigits: 0) ->
        [one] дерево
        [few] дерева
       *[many] дерев
    }, { NUMBER($rocks, maximumFractionDigits: 0) } { NUMBER($rocks, maximumFractionDigits: 0) ->
        [one] камінь
        [few] камені
       *[many] каменів
    } · створено за { NUMBER($ms, maximumFractionDigits: 0) } мс
editor-status-mine-kind = { $kind }: { NUMBER($count, maximumFractionDigits: 0) }
editor-status-none = немає
editor-status-updating = оновлюється…
editor-text-language = Текст мовою:
