//! The trainer in Ukrainian as well as English: every message in both languages with the same
//! arguments, no English left in the Ukrainian text, Ukrainian plurals and numbers, scenario
//! text by language, and `run --lang uk` printing Ukrainian over the same report.

use std::collections::BTreeSet;
use std::process::Command;

use mineclear::text::{IDS, Lang, LocalText, Message, render, tr_in};

#[test]
fn message_files_parse_and_hold_the_same_ids_with_the_same_arguments() {
    for lang in Lang::ALL {
        assert_eq!(lang.syntax_errors(), Vec::<String>::new(), "{lang:?}");
    }
    let en: BTreeSet<String> = Lang::En.ids().into_iter().collect();
    let uk: BTreeSet<String> = Lang::Uk.ids().into_iter().collect();
    assert_eq!(en.difference(&uk).collect::<Vec<_>>(), Vec::<&String>::new(), "in English only");
    assert_eq!(uk.difference(&en).collect::<Vec<_>>(), Vec::<&String>::new(), "in Ukrainian only");
    assert_eq!(en.len(), Lang::En.ids().len(), "an id is written twice");
    for id in &en {
        assert_eq!(Lang::En.variables(id), Lang::Uk.variables(id), "{id}: the languages use different arguments");
    }
    assert!(en.len() > 300, "only {} messages: the screens are not all on Fluent", en.len());
}

/// The messages the judging code makes (faults, advice, QC, land release) are in both files,
/// and use only the arguments the code gives (or derives from them).
#[test]
fn data_messages_use_only_the_arguments_the_code_gives() {
    let derived = ["worn", "hydraulics_low", "reached_any", "speed_ms", "limit_ms"];
    for (id, args) in IDS {
        for lang in Lang::ALL {
            assert!(lang.ids().iter().any(|i| i == id), "{id} missing in {lang:?}");
            for v in lang.variables(id) {
                let given = args.iter().any(|a| *a == v || format!("{a}_key") == v) || derived.contains(&v.as_str());
                assert!(given, "{lang:?} {id} uses ${v}, which the code does not give");
            }
        }
    }
}

/// A message with every argument it takes, and plain numbers.
fn sample(id: &str, args: &[&str]) -> Message {
    let mut m = Message::new(id);
    for a in args {
        m = match *a {
            "soil" => m.text(a, "Clay"),
            "mine" => m.text(a, "ApBlast"),
            "tool" => m.text(a, "Flail"),
            "place" => m.text(a, "between_lanes"),
            "what" => m.text(a, "ditch"),
            "places" | "finding" => m.list(a, vec![Message::new("place-lane").num("lane", 2).num("area_m2", 1.5)]),
            _ => m.num(a, 2.5),
        };
    }
    m
}

/// Latin words of three letters or more, except names that stay Latin in Ukrainian text
/// (machine classes, units of the CLI's key names).
fn english_words(text: &str) -> Vec<String> {
    const KEPT: &[&str] = &["MV", "Hydrema", "MCV", "Komatsu", "Nikken", "BM307", "D85MS", "V16", "mineclear", "RON", "JSON", "CSV", "PNG", "HTML", "PDF", "WASD", "Esc", "Tab", "Space", "Shift", "Ctrl", "Enter", "PgUp", "PgDn", "F1", "F2", "mcreplay", "ron", "IMAS", "QC"];
    // A field of the scenario file, `from`, is a name, not English.
    let text: String = text.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    text.split(|c: char| !(c.is_ascii_alphanumeric()))
        .filter(|w| w.len() >= 3 && w.chars().any(|c| c.is_ascii_alphabetic()) && !KEPT.iter().any(|k| k.eq_ignore_ascii_case(w)))
        .map(str::to_string)
        .collect()
}

/// The pseudo-locale pass over the catalogue: every Ukrainian message, rendered with sample
/// arguments, holds no English word, and differs from the English one.
#[test]
fn no_english_left_in_the_ukrainian_messages() {
    let mut leftovers = Vec::new();
    for id in Lang::Uk.ids() {
        let args: Vec<String> = Lang::Uk.variables(&id);
        let arg_refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let text = match IDS.iter().find(|(i, _)| *i == id) {
            Some((_, given)) => render(&sample(&id, given), Lang::Uk),
            None => {
                let pairs: Vec<(&str, mineclear::text::TrArg)> = arg_refs.iter().map(|a| (*a, mineclear::text::TrArg::from(2.5))).collect();
                tr_in(Lang::Uk, &id, &pairs)
            }
        };
        let words = english_words(&text);
        if !words.is_empty() {
            leftovers.push(format!("{id}: {words:?} in {text:?}"));
        }
    }
    assert!(leftovers.is_empty(), "English left in Ukrainian:\n{}", leftovers.join("\n"));
}

#[test]
fn ukrainian_plurals_and_decimal_commas() {
    let gaps = |n: u32| render(&Message::new("advice-gaps").num("area_m2", 2.5).num("patches", n), Lang::Uk);
    assert!(gaps(1).contains("2,5 м²"), "{}", gaps(1));
    assert!(gaps(1).contains("1 місці"), "{}", gaps(1));
    assert!(gaps(3).contains("3 місцях"), "{}", gaps(3));
    assert!(gaps(5).contains("5 місцях"), "{}", gaps(5));
    let qc = |n: u32| render(&Message::new("qc-passed").num("squares", n).num("sample_m2", 10).num("required_cm", 15), Lang::Uk);
    assert!(qc(1).contains("1 квадрат "), "{}", qc(1));
    assert!(qc(3).contains("3 квадрати"), "{}", qc(3));
    assert!(qc(5).contains("5 квадратів"), "{}", qc(5));
    assert!(qc(21).contains("21 квадрат "), "{}", qc(21));
    let en = render(&Message::new("advice-gaps").num("area_m2", 2.5).num("patches", 3), Lang::En);
    assert!(en.contains("2.5 m²"), "{en}");
    // A number shown rounded takes the plural form of what is shown, not of its fraction.
    let points = |p: f64| render(&Message::new("advice-clearance").num("points", p).num("coverage_pct", 90).num("required_cm", 15).num("live", 1), Lang::Uk);
    for (p, shown) in [(1.2, "1 бал:"), (2.3, "2 бали:"), (4.4, "4 бали:"), (4.6, "5 балів:"), (11.2, "11 балів:"), (21.4, "21 бал:"), (0.96, "1 бал:")] {
        assert!(points(p).contains(shown), "{p} points: {}", points(p));
    }
}

/// Every plural selector over a number the message shows rounded selects on that rounded
/// number (`{ NUMBER($n, maximumFractionDigits: 0) -> ...}`), in every message file: a bare
/// `{ $n -> ...}` would pick the fraction's form ("1 балів" for 1.2 points).
#[test]
fn plural_selectors_follow_the_number_as_shown() {
    let mut bare = Vec::new();
    for lang in Lang::ALL {
        for (file, text) in lang.sources() {
            let mut message = String::new();
            let mut check = |message: &str| {
                let mut rest = message;
                while let Some(at) = rest.find("{ $") {
                    let after = &rest[at + 3..];
                    let name: String = after.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-').collect();
                    if after[name.len()..].trim_start().starts_with("->") && message.contains(&format!("NUMBER(${name},")) {
                        bare.push(format!("{}/{file}.ftl: {}", lang.code(), message.lines().next().unwrap_or_default()));
                    }
                    rest = after;
                }
            };
            for line in text.lines() {
                if line.starts_with(|c: char| c.is_ascii_alphabetic()) {
                    check(&message);
                    message.clear();
                }
                message.push_str(line);
                message.push('\n');
            }
            check(&message);
        }
    }
    assert!(bare.is_empty(), "plural selectors on the unrounded number:\n{}", bare.join("\n"));
}

#[test]
fn scenario_text_in_several_languages_falls_back_to_english() {
    for (name, _) in mineclear::scenario::builtin::SCENARIOS {
        let loaded = mineclear::scenario::load_builtin(name).unwrap().unwrap();
        for text in [&loaded.scenario.title, &loaded.scenario.briefing, &loaded.scenario.objective] {
            assert!(text.has(Lang::En) && text.has(Lang::Uk), "{name}: {text:?} is not in both languages");
            assert!(english_words(text.shown(Lang::Uk).text).is_empty(), "{name}: English in {:?}", text.shown(Lang::Uk).text);
        }
    }
    let plain = LocalText::from("My exercise");
    assert!(plain.shown(Lang::Uk).fallback);
    let bad = mineclear::scenario::builtin::SCENARIOS[0].1.replacen("title: {", "title: {\"fr\": \"Leçon\", ", 1);
    let problems = mineclear::scenario::load_scenario_text(&bad, "bad.ron", None).err().expect("an unknown language is a problem");
    assert!(problems.iter().any(|p| p.to_string().contains("\"fr\"") && p.to_string().contains("bad.ron")), "{problems:?}");
}

/// `mineclear run first_lesson --autopilot --lang uk` prints the debrief in Ukrainian, and its
/// report JSON is the English run's, byte for byte.
#[test]
fn run_in_ukrainian_prints_ukrainian_over_the_same_report() {
    let dir = std::env::temp_dir().join(format!("mineclear-lang-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let run = |lang: &str| {
        let report = dir.join(format!("{lang}.json"));
        let out = Command::new(env!("CARGO_BIN_EXE_mineclear"))
            .args(["run", "first_lesson", "--autopilot", "--skip-lane", "2", "--lang", lang, "--report"])
            .arg(&report)
            .env("MINECLEAR_DATA_DIR", &dir)
            .output()
            .expect("mineclear runs");
        assert!(out.status.success(), "{lang}: {}", String::from_utf8_lossy(&out.stderr));
        (String::from_utf8(out.stdout).unwrap(), std::fs::read(&report).unwrap())
    };
    let (en_text, en_json) = run("en");
    let (uk_text, uk_json) = run("uk");
    assert_eq!(en_json, uk_json, "the report JSON depends on the language");
    assert!(en_text.contains("Faults ("), "{en_text}");
    for english in ["Faults", "What to do better", "lane", "processed", "points", "quality control", "land release", "mines:"] {
        assert!(!uk_text.contains(english), "{english:?} left in the Ukrainian debrief:\n{uk_text}");
    }
    let dir_text = dir.display().to_string();
    let table_lines: Vec<&str> = uk_text.lines().filter(|l| !l.contains(&dir_text)).collect();
    for line in &table_lines {
        let words = english_words(line);
        assert!(words.is_empty(), "English in {line:?}: {words:?}");
    }
    assert!(uk_text.contains("смуга"), "{uk_text}");
    std::fs::remove_dir_all(&dir).ok();
}

/// A damaged replay is explained in the trainee's language: `mineclear --lang uk replay verify`
/// on a file that is not a replay, one cut short and one with a flipped byte says what is wrong
/// in Ukrainian, naming the file.
#[test]
fn a_damaged_replay_is_explained_in_ukrainian() {
    let dir = std::env::temp_dir().join(format!("mineclear-lang-replay-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.mcreplay");
    let out = Command::new(env!("CARGO_BIN_EXE_mineclear"))
        .args(["run", "first_lesson", "--autopilot", "--leave-at-s", "20", "--replay"])
        .arg(&good)
        .env("MINECLEAR_DATA_DIR", &dir)
        .output()
        .expect("mineclear runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let bytes = std::fs::read(&good).unwrap();
    let mut flipped = bytes.clone();
    let last = flipped.len() - 5;
    flipped[last] ^= 0xff;
    let cases: [(&str, Vec<u8>, &str); 3] =
        [("text.mcreplay", b"hello".to_vec(), "це не запис mineclear"), ("cut.mcreplay", bytes[..bytes.len() / 2].to_vec(), "обрізано"), ("flipped.mcreplay", flipped, "пошкоджено")];
    for (name, data, said) in cases {
        let file = dir.join(name);
        std::fs::write(&file, data).unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_mineclear")).args(["--lang", "uk", "replay", "verify"]).arg(&file).env("MINECLEAR_DATA_DIR", &dir).output().expect("mineclear runs");
        assert!(!out.status.success(), "{name} was accepted");
        let text = String::from_utf8_lossy(&out.stderr).to_string() + &String::from_utf8_lossy(&out.stdout);
        assert!(text.contains(name) && text.contains(said), "{name}: {text}");
        let problem = text.split(".mcreplay:").nth(1).unwrap_or_default();
        assert!(english_words(problem).is_empty(), "{name}: English in {problem:?}");
    }
    std::fs::remove_dir_all(&dir).ok();
}
