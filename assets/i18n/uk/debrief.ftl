# Розбір (debrief-) і перегляд запису (review-), українською. Терміни — за глосарієм
# docs/glossary-uk.md; числа — через NUMBER() з тими ж знаками після коми, що й англійською.

## Розбір: кнопки і що збережено

debrief-retry = ↻  Повторити
debrief-next = Наступний сценарій  ▶
debrief-save-report = Зберегти звіт
debrief-back-editor = Назад до редактора
debrief-back-menu = Назад до меню
debrief-saved-to = збережено: { $path }
debrief-save-failed = не вдалося зберегти { $path }: { $error }
debrief-replay-saved = Запис збережено: { $path }
debrief-attempt-not-stored = спробу не збережено: { $error }
debrief-no-trainee = (щоб зберігати результати, вкажіть курсанта в меню)
debrief-stored-demo = збережено в журналі навчання як демонстрацію ({ $driven }): вашою спробою не вважається
debrief-stored-practice = збережено в журналі навчання як «{ $course }»: до курсу не зараховується
debrief-stored-attempt = спробу додано до журналу навчання
debrief-driven-trainee = керував курсант
debrief-driven-autopilot = керував автопілот
debrief-driven-script = керував скрипт
debrief-driven-mixed = частиною сеансу керував автопілот
debrief-driven-unknown = хто керував, не записано
debrief-course-course = курс
debrief-course-earlier_version = курс (попередня версія)
debrief-course-modified = тренування на зміненому сценарії
debrief-course-other = власний сценарій (не з курсу)
debrief-course-unknown = версію не записано

## Розбір: висновок і складові оцінки

debrief-pass = ЗАРАХОВАНО
debrief-fail = НЕ ЗАРАХОВАНО
debrief-score = { NUMBER($score, minimumFractionDigits: 1, maximumFractionDigits: 1) }
debrief-pass-mark = прохідний бал { NUMBER($mark, maximumFractionDigits: 0) } · { $scenario }
debrief-ended-finished = Ви оголосили роботу завершеною. Тривалість сеансу { $time }.
debrief-ended-time-limit = Вичерпано ліміт часу. Тривалість сеансу { $time }.
debrief-ended-disabled = Вибух вивів машину з ладу. Тривалість сеансу { $time }.
debrief-col-part = Складова
debrief-col-points = Бали
debrief-col-quality = Якість
debrief-points = { NUMBER($points, minimumFractionDigits: 1, maximumFractionDigits: 1) }
debrief-percent = { NUMBER($pct, maximumFractionDigits: 0) } %

## Розбір: показники сеансу

debrief-row-coverage = Ділянку оброблено на глибину
debrief-val-coverage = { NUMBER($pct, minimumFractionDigits: 1, maximumFractionDigits: 1) } % (на { NUMBER($depth_cm, maximumFractionDigits: 0) } см)
debrief-row-live-mines = Незнешкоджених мін лишилося на ділянці
debrief-val-live-mines = { NUMBER($live, maximumFractionDigits: 0) } із { NUMBER($total, maximumFractionDigits: 0) }
debrief-row-detonations = Вибухів
debrief-row-productivity = Продуктивність
debrief-val-productivity = { NUMBER($rate, maximumFractionDigits: 0) } м²/год
debrief-row-overlap = Середнє перекриття смуг
debrief-val-overlap = { NUMBER($overlap_m, minimumFractionDigits: 2, maximumFractionDigits: 2) } м (потрібно { NUMBER($lo_m, minimumFractionDigits: 2, maximumFractionDigits: 2) }–{ NUMBER($hi_m, minimumFractionDigits: 2, maximumFractionDigits: 2) })
debrief-row-straightness = Прямолінійність смуг
debrief-val-straightness = середньоквадратичне відхилення вбік { NUMBER($rms_m, minimumFractionDigits: 2, maximumFractionDigits: 2) } м
debrief-row-condition = Стан машини
debrief-row-tool = Робочий орган

## Розбір: контроль якості, поради й порушення

debrief-qc-title = Контроль якості та вивільнення територій
debrief-qc-inspection = Контроль якості — { $outcome }
debrief-advice-title = Над чим працювати
debrief-faults-title = Порушення ({ NUMBER($count, maximumFractionDigits: 0) })
debrief-no-faults = Немає.
debrief-fault-at = у точці ({ NUMBER($x, maximumFractionDigits: 0) }; { NUMBER($z, maximumFractionDigits: 0) }) м: { $text }

## Розбір: карта справжнього стану й графіки

debrief-truth-title = Що було насправді
debrief-fate-count = { $fate } { NUMBER($count, maximumFractionDigits: 0) }
debrief-fate-count-live = { $fate } { NUMBER($count, maximumFractionDigits: 0) } (боєздатні)
debrief-map-legend = Світло-коричневе: оброблено мілкіше, ніж потрібно; коричневе: на потрібну глибину. Синє: ваш шлях. В обвідці: ще боєздатні.
debrief-chart-sweep-speed = Швидкість проходу (фреза над ґрунтом під час фрезерування)
debrief-chart-ground-speed = Швидкість руху
debrief-chart-depth = Досягнута глибина (задана, обмежена швидкістю)
debrief-chart-required = потрібна
debrief-chart-max = макс. { NUMBER($value, minimumFractionDigits: 1, maximumFractionDigits: 1) } { $unit }
debrief-unit-kmh = км/год
debrief-unit-cm = см

## Перегляд запису

review-title = Перегляд запису: { $scenario }
review-trainee = курсант { $name }
review-model-other = ⚠ запис моделі { NUMBER($recorded, maximumFractionDigits: 0) }, показаний за моделлю { NUMBER($current, maximumFractionDigits: 0) }
review-resim-ok = ✔ повторне моделювання збіглося точно
review-resim-bad = ✘ повторне моделювання не збігається із записом
review-model-hint = Запис зберігає модель розмінування, за якою його зроблено. Запис іншої моделі моделюється повторно за моделлю цієї збірки: шлях і команди в ньому — курсанта, а долі мін і оцінка — за нинішньою моделлю.
review-score = оцінка { NUMBER($score, minimumFractionDigits: 1, maximumFractionDigits: 1) } { $verdict }
review-legend = Шкала часу: помаранчеве — порушення, червоне — вибух (клацніть позначку, щоб перейти до неї). Карта: світло-коричневе — оброблено, але ще не на глибину; коричневе — на глибину; синє — шлях.
review-to-start = на початок
review-back-10 = -10 с
review-back-1 = -1 с
review-forward-1 = +1 с
review-forward-10 = +10 с
review-pause = Пауза
review-play = Відтворити
review-speed = швидкість
review-speed-x = { NUMBER($speed, maximumFractionDigits: 2) }×
review-reveal = показати міни
review-back-menu = Назад до меню
review-at = На позначці { $time }
review-pose = швидкість { NUMBER($speed_kmh, minimumFractionDigits: 2, maximumFractionDigits: 2) } км/год · робочий орган на { NUMBER($tool_cm, maximumFractionDigits: 0) } см
review-faults-title = Порушення (клацніть, щоб перейти)
review-no-faults = У цьому сеансі порушень немає.

## Звіт про спробу для друку (mineclear report)

print-title = { $trainee }: { $scenario }
print-no-trainee = (курсанта не вказано)
print-meta = Курсант { $trainee } · { $machine } · { $date } · зерно { $seed } · { $driven }
print-pass-mark = прохідний бал { NUMBER($mark, maximumFractionDigits: 0) }
print-verified = Повторно змодельовано із запису: усі контрольні точки збігаються із записаним.
print-not-verified = Повторно змодельовано із запису, але не всі контрольні точки збігаються: показано результати сьогоднішнього моделювання.
print-breakdown = Оцінка
print-map = Що було насправді
print-charts = Швидкість і глибина
print-chart-speed = Швидкість руху, км/год
print-chart-depth = Глибина робочого органа, см (пунктир — потрібна глибина)
print-chart-max = макс. { NUMBER($value, minimumFractionDigits: 1, maximumFractionDigits: 1) }
print-faults = Порушення ({ NUMBER($count, maximumFractionDigits: 0) })
print-no-faults = Порушень немає.
print-advice = Над чим працювати
print-comments = Коментарі інструктора
print-no-comments = Коментарів немає.
print-legend = Світло-коричневе — оброблено, але не на потрібну глибину; коричневе — оброблено на глибину; синє — шлях машини; точки — усі міни, кольором того, що з ними сталося; пронумеровані жовті точки — коментарі нижче.
print-expert-legend = Помаранчеве — еталон (автопілот) на тому самому полі, під вашими лініями на карті й графіках.
review-comments-title = Коментарі інструктора (клацніть, щоб перейти)
review-comment-author = Інструктор:
review-comment-hint = коментар до цієї миті
review-comment-pin = 📌 Закріпити на { $time }, де машина
review-drive-from-here = ▶ Керувати звідси ({ $time })
review-drive-from-here-tip = Сеанс повторно моделюється до цієї миті із запису; далі керуєте ви (або автопілот, якщо його вибрано в меню). Розбір порівняє ваше керування з оригіналом від цієї миті.
review-expert = показати еталон
review-expert-tip = Сеанс автопілота на тому самому полі поруч із цим: його шлях (пунктир) і де його машина в цю мить. Обчислюється під час першого показу (кілька секунд).
review-expert-label = еталон
review-expert-parted = Де ви найбільше розійшлися з еталоном: { $where_ }
review-expert-same = Ваша робоча швидкість усюди трималася еталонної.
debrief-compare-expert = Порівняти з еталоном
debrief-compare-expert-tip = Запускає автопілот на тому самому полі (кілька секунд) і малює його швидкість і глибину під вашими.
debrief-expert-dashed = Пунктир на графіках і помаранчеве на карті — еталон на тому самому полі.
