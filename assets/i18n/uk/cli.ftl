# Командний рядок (cli-) і таблиця звіту в терміналі (report-), українською. Терміни — за
# глосарієм docs/glossary-uk.md; числа — через NUMBER() з тими ж знаками після коми, що й
# англійською; числа у вирівняних стовпцях таблиці приходять уже вирівняним текстом ($share,
# $rate, $t, $x, $z).

## Таблиця звіту (`mineclear run`)

report-title = { $scenario } — { $machine } (зерно { $seed })
report-score = Оцінка { NUMBER($score, minimumFractionDigits: 1, maximumFractionDigits: 1) } / 100  { $verdict }  (прохідний бал { NUMBER($pass_mark, maximumFractionDigits: 0) }; кінець сеансу: { $ended })
report-pass = ЗАРАХОВАНО
report-fail = НЕ ЗАРАХОВАНО
report-ended-Finished = роботу завершено
report-ended-TimeLimit = вичерпано ліміт часу
report-ended-MachineDisabled = машину виведено з ладу
report-col-part = складова
report-col-points = бали
report-col-quality = якість
report-area-processed = оброблено на { NUMBER($depth_cm, maximumFractionDigits: 0) } см             { $share } % з { NUMBER($area_m2, maximumFractionDigits: 0) } м²
report-area-touched = оброблено на будь-яку глибину  { $share } %
report-productivity = продуктивність                 { $rate } м²/год (довідкова для машини { NUMBER($lo, maximumFractionDigits: 0) }–{ NUMBER($hi, maximumFractionDigits: 0) })
report-lanes = пропуски між смугами { NUMBER($gap_m2, minimumFractionDigits: 1, maximumFractionDigits: 1) } м², середнє перекриття { NUMBER($overlap_m, minimumFractionDigits: 2, maximumFractionDigits: 2) } м (потрібно { NUMBER($lo_m, minimumFractionDigits: 1, maximumFractionDigits: 1) }–{ NUMBER($hi_m, minimumFractionDigits: 1, maximumFractionDigits: 1) }), відхилення від прямої { NUMBER($wander_m, minimumFractionDigits: 2, maximumFractionDigits: 2) } м
report-shallow = новий ґрунт мілкіше потрібного { $share } %
report-gate-shut = ПРОПУСКИ: { NUMBER($gaps_m2, minimumFractionDigits: 1, maximumFractionDigits: 1) } м² ділянки не оброблено на { NUMBER($required_cm, maximumFractionDigits: 0) } см у { NUMBER($places, maximumFractionDigits: 0) } { NUMBER($places, maximumFractionDigits: 0) ->
        [one] місці
       *[other] місцях
    } (допустимо { NUMBER($tolerance_m2, minimumFractionDigits: 2, maximumFractionDigits: 2) } м²): залік неможливий{ $manual }
report-gate-open = пропусків немає: { NUMBER($gaps_m2, minimumFractionDigits: 2, maximumFractionDigits: 2) } м² не оброблено на глибину — у межах допустимих { NUMBER($tolerance_m2, minimumFractionDigits: 2, maximumFractionDigits: 2) } м²{ $manual }
report-gate-manual = ; { NUMBER($manual_m2, minimumFractionDigits: 1, maximumFractionDigits: 1) } м² залишено для ручного розмінування, як дозволяє сценарій
report-time = час { NUMBER($seconds, maximumFractionDigits: 0) } с, стан машини { NUMBER($condition, maximumFractionDigits: 0) } %, вибухів { NUMBER($detonations, maximumFractionDigits: 0) }
report-qc = контроль якості — { $outcome }
report-release = вивільнення територій: { $statement }
report-mines = міни: усього { NUMBER($total, maximumFractionDigits: 0) }, на ділянці { NUMBER($in_area, maximumFractionDigits: 0) }, незнешкоджених на ділянці { NUMBER($live, maximumFractionDigits: 0) }
report-no-faults = Порушень немає.
report-faults = Порушення ({ NUMBER($count, maximumFractionDigits: 0) }):
report-fault-row = { $t } с  ({ $x }; { $z })  { $kind } { $detail }
report-faults-more = … і ще { NUMBER($more, maximumFractionDigits: 0) } (див. звіт JSON)
report-advice = Над чим працювати:

## Команди без вікна

cli-no-seed = зерно не задано; використано зерно { $seed } (щоб отримати цю саму ділянку знову, передайте { $flag } { $seed })
cli-exam-needs-play = { $flag } відкриває тренажер як екзаменаційне місце; цей прапорець задають без команди або з `{ $command }`
cli-validate-ok = { $file }: помилок немає
cli-preview-written = { $file }: { NUMBER($mines, maximumFractionDigits: 0) } { NUMBER($mines, maximumFractionDigits: 0) ->
        [one] міна
        [few] міни
       *[many] мін
    }, зерно { $seed }
cli-preview-note = примітка: { $note }
cli-run-needs-autopilot = сеансу без вікна потрібен водій: додайте { $flag }
cli-run-timing = змодельовано { NUMBER($sim_s, maximumFractionDigits: 0) } с за { NUMBER($wall_s, minimumFractionDigits: 2, maximumFractionDigits: 2) } с реального часу (прискорення ×{ NUMBER($speedup, maximumFractionDigits: 0) })
cli-report-written = звіт збережено: { $path }
cli-record-audio-written = звук збережено: { $path } ({ NUMBER($seconds, maximumFractionDigits: 1) } с; найтихіша секунда { NUMBER($quiet_db, maximumFractionDigits: 1) } дБ, найгучніша { NUMBER($loud_db, maximumFractionDigits: 1) } дБ від повної шкали)
cli-replay-written = запис збережено: { $path } ({ NUMBER($ticks, maximumFractionDigits: 0) } { NUMBER($ticks, maximumFractionDigits: 0) ->
        [one] такт
        [few] такти
       *[many] тактів
    }; { $driven }, тож `{ $command }` збереже його як демонстрацію, а не як спробу курсанта)
cli-list-scenarios = Вбудовані сценарії:
cli-list-invalid = (з помилками)
cli-list-machines = Машини:

## Команди, що відкривають вікно

cli-play-exam-no-autopilot = на екзаменаційному місці автопілота немає; приберіть { $autopilot } або { $exam }
cli-play-exam-course-only = на екзаменаційному місці доступні лише сценарії курсу (їх перелічує { $command })
cli-play-progress-needs-trainee = для { $screen } потрібен { $trainee } ІМ’Я
cli-play-screen-needs-scenario = для { $flag } потрібен сценарій

## Журнал навчання: progress, import, replay verify і replay score

cli-yes = так
cli-no = ні
cli-pass = зараховано
cli-fail = не зараховано
cli-progress-col-trainee = курсант
cli-progress-col-scenario = сценарій
cli-progress-col-course = курс
cli-progress-col-best = рекорд
cli-progress-col-attempts = спроби
cli-progress-col-passed = залік
cli-progress-col-demos = демо
cli-progress-col-exam = іспит
cli-progress-course-course = курс
cli-progress-course-modified = змінений
cli-progress-course-other = власний
cli-progress-course-unknown = невідомо
cli-progress-empty = (у { $path } спроб не збережено)
cli-progress-legend = курс — версія, що входить до курсу; змінений — тренування на зміненій копії (до курсу не зараховується); власний — власний сценарій інструктора; невідомо — збережено ще до того, як почали зберігати версії. Рекорд, спроби й залік ураховують лише сеанси, якими керував сам курсант; демо — сеанси, якими (повністю або частково) керував автопілот чи скрипт.
cli-csv-written = CSV збережено: { $path }
cli-progress-bar = { $msg } { $bar } { $pos }/{ $len } записів, { $elapsed } (залишилося близько { $eta })
cli-bar-importing = імпорт
cli-bar-resimulating = повторне моделювання
cli-driven-trainee = керував курсант
cli-driven-autopilot = керував автопілот
cli-driven-script = керував скрипт
cli-driven-mixed = частиною сеансу керував автопілот
cli-driven-unknown = хто керував, не записано
cli-course-course = курс
cli-course-earlier-version = курс (попередня версія)
cli-course-modified = тренування на зміненому сценарії
cli-course-other = власний сценарій (не з курсу)
cli-course-unknown = версію не записано
cli-import-line = { $file }: оцінка { NUMBER($score, minimumFractionDigits: 1, maximumFractionDigits: 1) } (змодельовано повторно); { $what }
cli-import-demo = збережено як демонстрацію, а не як спробу курсанта { $trainee } ({ $driven })
cli-import-practice = збережено для курсанта { $trainee } як «{ $course }» (до курсу не зараховується)
cli-import-attempt = імпортовано як спробу курсанта { $trainee } у курсі
cli-import-attempt-exam = імпортовано як спробу курсанта { $trainee } у курсі (екзаменаційне місце)
cli-verify-ok = { $name }: гаразд — { NUMBER($ticks, maximumFractionDigits: 0) } { NUMBER($ticks, maximumFractionDigits: 0) ->
        [one] такт
        [few] такти
       *[many] тактів
    } ({ NUMBER($seconds, maximumFractionDigits: 0) } с) змодельовано повторно за { NUMBER($wall_s, minimumFractionDigits: 2, maximumFractionDigits: 2) } с, контрольних сум збіглося: { NUMBER($checksums, maximumFractionDigits: 0) }, { $what }; оцінка { NUMBER($score, minimumFractionDigits: 1, maximumFractionDigits: 1) } ({ $verdict })
cli-verify-identical = підсумковий звіт збігається
cli-verify-incomplete = запис неповний (проміжне збереження), підсумкового звіту для порівняння немає
cli-verify-trainee = курсант { $trainee }, сценарій { $scenario }
cli-verify-driver = хто керував: { $driven } ({ $spans }){ $exam ->
        [1] ; сеанс на екзаменаційному місці
       *[0] {""}
    }
cli-spans-none = не записано
cli-span = { $origin } { NUMBER($from_s, maximumFractionDigits: 0) }–{ NUMBER($to_s, maximumFractionDigits: 0) } с
cli-origin-keyboard = клавіатура
cli-origin-gamepad = геймпад
cli-origin-autopilot = автопілот
cli-origin-script = скрипт
cli-score-col-file = файл
cli-score-col-trainee = курсант
cli-score-col-scenario = сценарій
cli-score-col-score = оцінка
cli-score-col-pass = залік
cli-score-col-coverage = оброблено
cli-score-col-live = незнешк.
cli-score-col-faults = порушень
cli-score-error = помилка: { $problem }
cli-score-rescored = (записано за моделлю розмінування { NUMBER($recorded, maximumFractionDigits: 0) }: оцінено повторно за моделлю { NUMBER($model, maximumFractionDigits: 0) }, не перевірено)
cli-score-summary = записів змодельовано повторно: { NUMBER($count, maximumFractionDigits: 0) } за { NUMBER($wall_s, minimumFractionDigits: 2, maximumFractionDigits: 2) } с у { NUMBER($jobs, maximumFractionDigits: 0) } { NUMBER($jobs, maximumFractionDigits: 0) ->
        [one] потоці
       *[other] потоках
    }

## Помилки (коди виходу ті самі)

cli-error-editor-cannot-read = { $command }: спершу виправте файл у текстовому редакторі (редакторові потрібен файл, який він може прочитати)
cli-error-write = { $path }: не вдалося зберегти { $what }: { $error }
cli-what-preview = карту ділянки
cli-what-report = звіт
cli-what-replay = запис
cli-what-csv = CSV
cli-error-some-files = файлів із проблемами: { NUMBER($failed, maximumFractionDigits: 0) } з { NUMBER($of, maximumFractionDigits: 0) }
cli-error-some-not-imported = не імпортовано записів: { NUMBER($failed, maximumFractionDigits: 0) } з { NUMBER($of, maximumFractionDigits: 0) }
cli-error-some-not-rescored = не вдалося оцінити повторно записів: { NUMBER($failed, maximumFractionDigits: 0) } з { NUMBER($of, maximumFractionDigits: 0) }
cli-error-other-model = записів, зроблених за іншою моделлю розмінування: { NUMBER($refused, maximumFractionDigits: 0) } з { NUMBER($of, maximumFractionDigits: 0) }; оцініть їх повторно командою `{ $command }`
cli-error-no-replays = { $command }: файлів .mcreplay не знайдено
cli-error-app = тренажер зупинився з помилкою (див. журнал вище)

## Карта попереднього перегляду (mineclear preview): заголовок, масштаб і легенда

preview-scale = { NUMBER($metres, maximumFractionDigits: 2) } м   (північ угорі; x — схід, z — південь)
preview-seed = Зерно { $seed }
preview-field = Поле { NUMBER($x_m, maximumFractionDigits: 2) } × { NUMBER($z_m, maximumFractionDigits: 2) } м, ділянка { NUMBER($area_m2, maximumFractionDigits: 0) } м²
preview-task = Потрібна глибина { NUMBER($depth_cm, maximumFractionDigits: 2) } см, { NUMBER($minutes, maximumFractionDigits: 2) } хв
preview-mines = Міни ({ NUMBER($count, maximumFractionDigits: 0) })
preview-marking = Позначення
preview-boundary = межа небезпечної території
preview-start-lane = вихідна смуга (безпечна)
preview-ground = Ґрунт
preview-soil = { $soil } (твердість { NUMBER($hardness, minimumFractionDigits: 1, maximumFractionDigits: 1) })
preview-vegetation = рослинність, у середньому { NUMBER($height_m, minimumFractionDigits: 1, maximumFractionDigits: 1) } м
preview-trees = дерева ({ NUMBER($count, maximumFractionDigits: 0) })
preview-rocks = камені ({ NUMBER($count, maximumFractionDigits: 0) })
preview-contours = горизонталі через { NUMBER($metres, maximumFractionDigits: 2) } м
preview-steepest = Найкрутіше на ділянці { NUMBER($slope_deg, maximumFractionDigits: 0) }° (межа { NUMBER($limit_deg, maximumFractionDigits: 0) }°)

## Перехоплення керування із запису (mineclear run --resume FILE --at-s T)

resume-heading = Порівняння з оригіналом від { NUMBER($from_s, minimumFractionDigits: 1, maximumFractionDigits: 1) } с:     оригінал   після перехоплення
resume-score = { "  " }оцінка                       { NUMBER($original, minimumFractionDigits: 1, maximumFractionDigits: 1) }   →   { NUMBER($new, minimumFractionDigits: 1, maximumFractionDigits: 1) }
resume-coverage = { "  " }оброблено на глибину         { NUMBER($original, minimumFractionDigits: 1, maximumFractionDigits: 1) } %   →   { NUMBER($new, minimumFractionDigits: 1, maximumFractionDigits: 1) } %
resume-faults = { "  " }порушень після перехоплення  { NUMBER($original, maximumFractionDigits: 0) }   →   { NUMBER($new, maximumFractionDigits: 0) }
resume-time = { "  " }тривалість сеансу            { NUMBER($original, maximumFractionDigits: 0) } с   →   { NUMBER($new, maximumFractionDigits: 0) } с
resume-verdict = { "  " }результат                    { $original }   →   { $new }
resume-passed = ЗАРАХОВАНО
resume-failed = НЕ ЗАРАХОВАНО

## Коментарі до запису

cli-comment-added = коментар додано ({ NUMBER($count, maximumFractionDigits: 0) } у { $file })
cli-comments-none = до цього запису коментарів немає
cli-report-html-only = звіт — це одна HTML-сторінка ({ $example }); браузер друкує її або зберігає як PDF

## Проблеми журналу навчання (після назви бази, теки чи запису)

store-create-folder = не вдається створити теку даних: { $error }
store-read-only-folder = тека даних лише для читання, тож базу журналу навчання в ній створити не можна
store-read-only-attempt = тека даних лише для читання; спробу не збережено
store-damaged = базу журналу навчання пошкоджено ({ $what }). Її залишено без змін: перенесіть її деінде, щоб почати новий журнал, або відновіть резервну копію; записи сеансів можна імпортувати знову
store-newer = база журналу навчання з новішої версії mineclear (схема { NUMBER($schema, maximumFractionDigits: 0) }; ця версія знає схеми до { NUMBER($known, maximumFractionDigits: 0) })
store-older-read-only = база зі старішої версії mineclear (схема { NUMBER($schema, maximumFractionDigits: 0) }), а її тека лише для читання, тож оновити її до схеми { NUMBER($known, maximumFractionDigits: 0) } не можна
store-migration = оновлення до схеми { NUMBER($schema, maximumFractionDigits: 0) }: { $cause }
store-disk-full = диск заповнено; нічого з цього запису не збережено (звільніть місце й спробуйте ще раз)
store-read-only-database = до бази не можна записувати (лише читання); нічого не збережено
store-busy = інший mineclear тримав базу зайнятою понад { NUMBER($seconds, maximumFractionDigits: 0) } с; нічого не збережено
store-no-trainee = для спроби потрібне ім'я курсанта
store-replay-names-no-trainee = у записі не вказано курсанта; додайте `--trainee ІМ'Я`
store-unfinished = незавершений сеанс (проміжний запис) не може бути спробою
store-driver-mismatch = хто керував, не відповідає командам: { $problem }; не збережено
store-already-imported = уже імпортовано для курсанта { $trainee }
