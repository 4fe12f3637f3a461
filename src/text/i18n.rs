//! The trainer's languages on Fluent: one bundle per language, built once from the message
//! files under `assets/i18n/<lang>/` (compiled in, so the trainer runs from anywhere), with
//! CLDR plural rules (Ukrainian's one/few/many) and numbers written the language's way
//! (a decimal comma in Ukrainian).

use std::sync::LazyLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::types::{FluentNumber, FluentNumberOptions};
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};

use super::{Arg, Message};

/// A language the trainer speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, bevy::prelude::Resource)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Uk,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Uk];

    /// The language's code: `en`, `uk`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Uk => "uk",
        }
    }

    /// The language's name in itself, for the switch on the menu.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Uk => "Українська",
        }
    }

    /// `en`, `uk`, or a locale such as `uk_UA.UTF-8` or `en-GB`.
    pub fn parse(text: &str) -> Option<Lang> {
        let code = text.trim().split(['_', '-', '.', '@']).next().unwrap_or("").to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The operating system's language when it is one of these, else English.
    pub fn from_system() -> Lang {
        sys_locale::get_locales().find_map(|l| Lang::parse(&l)).unwrap_or_default()
    }

    /// The message files' names and text (compiled in, so the trainer runs from anywhere).
    pub fn sources(self) -> &'static [(&'static str, &'static str)] {
        macro_rules! files {
            ($lang:literal: $($name:literal),+) => {
                &[$(($name, include_str!(concat!("../../assets/i18n/", $lang, "/", $name, ".ftl")))),+]
            };
        }
        match self {
            Lang::En => files!("en": "mineclear", "menu", "hud", "debrief", "editor", "cli", "problems"),
            Lang::Uk => files!("uk": "mineclear", "menu", "hud", "debrief", "editor", "cli", "problems"),
        }
    }

    /// Each message file parsed on its own (for the checks on ids and variables).
    fn resources(self) -> Vec<FluentResource> {
        self.sources().iter().map(|(_, text)| FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r)).collect()
    }

    fn bundle(self) -> &'static FluentBundle<FluentResource> {
        &BUNDLES[self as usize]
    }

    /// Every message id in this language's file.
    pub fn ids(self) -> Vec<String> {
        let resources = self.resources();
        resources
            .iter()
            .flat_map(|r| r.entries())
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect()
    }

    /// Syntax errors in this language's message files, as "file: error".
    pub fn syntax_errors(self) -> Vec<String> {
        self.sources()
            .iter()
            .filter_map(|(name, text)| FluentResource::try_new(text.to_string()).err().map(|(_, e)| format!("assets/i18n/{}/{name}.ftl: {e:?}", self.code())))
            .collect()
    }

    /// The variables a message (and the messages it refers to) uses.
    pub fn variables(self, id: &str) -> Vec<String> {
        let resources = self.resources();
        let mut found = Vec::new();
        let mut seen = Vec::new();
        collect_variables(&resources, id, &mut found, &mut seen);
        found.sort();
        found.dedup();
        found
    }

    /// A number as this language writes it, with `decimals` places.
    pub fn number(self, value: f64, decimals: usize) -> String {
        let text = format!("{value:.decimals$}");
        match self {
            Lang::En => text,
            Lang::Uk => text.replace('.', ","),
        }
    }
}

fn collect_variables(resources: &[FluentResource], id: &str, found: &mut Vec<String>, seen: &mut Vec<String>) {
    use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
    if seen.iter().any(|s| s == id) {
        return;
    }
    seen.push(id.to_string());
    fn inline(e: &InlineExpression<&str>, out: &mut Vec<String>, refs: &mut Vec<String>) {
        match e {
            InlineExpression::VariableReference { id } => out.push(id.name.to_string()),
            InlineExpression::MessageReference { id, .. } => refs.push(id.name.to_string()),
            InlineExpression::FunctionReference { arguments, .. } => arguments.positional.iter().for_each(|a| inline(a, out, refs)),
            InlineExpression::Placeable { expression } => expr(expression, out, refs),
            _ => {}
        }
    }
    fn expr(e: &Expression<&str>, out: &mut Vec<String>, refs: &mut Vec<String>) {
        match e {
            Expression::Inline(i) => inline(i, out, refs),
            Expression::Select { selector, variants } => {
                inline(selector, out, refs);
                variants.iter().for_each(|v| pattern(&v.value, out, refs));
            }
        }
    }
    fn pattern(p: &Pattern<&str>, out: &mut Vec<String>, refs: &mut Vec<String>) {
        for element in &p.elements {
            if let PatternElement::Placeable { expression } = element {
                expr(expression, out, refs);
            }
        }
    }
    let mut refs = Vec::new();
    for entry in resources.iter().flat_map(|r| r.entries()) {
        if let Entry::Message(m) = entry
            && m.id.name == id
            && let Some(value) = &m.value
        {
            pattern(value, found, &mut refs);
        }
    }
    for r in refs {
        collect_variables(resources, &r, found, seen);
    }
}

/// Numbers with the decimals the message asks for (`NUMBER($x, maximumFractionDigits: 1)`),
/// trailing zeros kept down to `minimumFractionDigits`.
fn format_number(value: &FluentValue, lang: Lang) -> Option<String> {
    let FluentValue::Number(FluentNumber { value, options }) = value else { return None };
    let most = options.maximum_fraction_digits.unwrap_or(if value.fract() == 0.0 { 0 } else { 2 });
    let least = options.minimum_fraction_digits.unwrap_or(0).min(most);
    let mut text = format!("{value:.most$}");
    if most > least && text.contains('.') {
        let keep = text.find('.').unwrap_or(0) + 1 + least;
        while text.len() > keep && text.ends_with('0') {
            text.pop();
        }
        if text.ends_with('.') {
            text.pop();
        }
    }
    Some(if lang == Lang::Uk { text.replace('.', ",") } else { text })
}

/// Fluent's `NUMBER` with the value rounded to the decimals shown, so that a plural selector
/// on `NUMBER($x, maximumFractionDigits: 0)` picks the form for the number the reader sees
/// ("1 бал" for 1.2 points, not the fraction's form).
fn number<'a>(positional: &[FluentValue<'a>], named: &fluent_bundle::FluentArgs) -> FluentValue<'a> {
    let Some(FluentValue::Number(n)) = positional.first() else {
        return FluentValue::Error;
    };
    let mut n = n.clone();
    n.options.merge(named);
    if let Some(most) = n.options.maximum_fraction_digits {
        // Rounded exactly as `format_number` writes it (ties as Rust's formatting takes them).
        let most = most.min(12);
        n.value = format!("{:.most$}", n.value).parse().unwrap_or(n.value);
    }
    FluentValue::Number(n)
}

fn format_en<M>(value: &FluentValue, _: &M) -> Option<String> {
    format_number(value, Lang::En)
}

fn format_uk<M>(value: &FluentValue, _: &M) -> Option<String> {
    format_number(value, Lang::Uk)
}

static BUNDLES: LazyLock<[FluentBundle<FluentResource>; 2]> = LazyLock::new(|| Lang::ALL.map(build));

fn build(lang: Lang) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().expect("a language code");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks: the text goes to terminals and reports as well as screens.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match lang {
        Lang::En => format_en,
        Lang::Uk => format_uk,
    }));
    bundle.add_function("NUMBER", number).expect("NUMBER is added once");
    for (name, text) in lang.sources() {
        let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(resource, errors)| {
            // A broken line in a message file is a build-time mistake (a test finds it); the
            // rest of the file still loads.
            bevy::log::error!("assets/i18n/{}/{name}.ftl: {errors:?}", lang.code());
            resource
        });
        if let Err(errors) = bundle.add_resource(resource) {
            bevy::log::error!("assets/i18n/{}/{name}.ftl: {errors:?}", lang.code());
        }
    }
    bundle
}

/// Which message a word argument is looked up in: `soil: "Clay"` → `soil-Clay`.
const WORDS: &[(&str, &str)] = &[("soil", "soil"), ("mine", "mine"), ("tool", "tool"), ("place", "where"), ("what", "manual"), ("layout", "layout")];

/// A message in `lang`: `[id]` when the id is unknown, `{$name}` in place of a missing
/// argument (so a wrong call shows rather than lies).
pub fn render(message: &Message, lang: Lang) -> String {
    let bundle = lang.bundle();
    let Some(pattern) = bundle.get_message(&message.id).and_then(|m| m.value()) else {
        return format!("[{}]", message.id);
    };
    let mut args = FluentArgs::new();
    for (name, arg) in &message.args {
        match arg {
            Arg::Num(v) => args.set(name.as_str(), FluentValue::Number(FluentNumber::new(*v as f64, FluentNumberOptions::default()))),
            Arg::Text(key) => {
                args.set(format!("{name}_key"), FluentValue::from(key.clone()));
                let word = WORDS.iter().find(|(arg, _)| *arg == name).map(|(_, prefix)| format!("{prefix}-{key}"));
                let text = word.map(|id| render(&Message::new(&id), lang)).filter(|t| !t.starts_with('[')).unwrap_or_else(|| "?".to_string());
                args.set(name.as_str(), FluentValue::from(text));
            }
            Arg::List(items) => {
                let text = items.iter().map(|m| render(&finding(m), lang)).collect::<Vec<_>>().join(", ");
                args.set(name.as_str(), FluentValue::from(text));
            }
        }
    }
    for (name, value) in derived(message) {
        args.set(name, value);
    }
    let mut errors = Vec::new();
    bundle.format_pattern(pattern, Some(&args), &mut errors).into_owned()
}

/// A QC finding named inside another sentence, without its own "failed: ".
fn finding(m: &Message) -> Message {
    if m.id.starts_with("qc-failed-") && !m.id.ends_with("-finding") {
        Message { id: format!("{}-finding", m.id), args: m.args.clone() }
    } else {
        m.clone()
    }
}

/// Arguments the sentences select on or show that the code works out from the given ones.
fn derived(m: &Message) -> Vec<(&'static str, FluentValue<'static>)> {
    let flag = |on: bool| FluentValue::Number(FluentNumber::new(if on { 1.0 } else { 0.0 }, FluentNumberOptions::default()));
    let number = |v: f32| FluentValue::Number(FluentNumber::new(v as f64, FluentNumberOptions::default()));
    let has = |name: &str| m.args.contains_key(name);
    let mut out = Vec::new();
    if has("outside") {
        // Any number past a half is outside, as the English always said it.
        out.push(("outside", flag(m.n("outside") > 0.5)));
    }
    if has("wear_pct") {
        out.push(("worn", flag(m.n("wear_pct") >= 0.5)));
    }
    if has("hydraulics_pct") {
        out.push(("hydraulics_low", flag(m.n("hydraulics_pct") < 99.9)));
    }
    if has("reached_cm") {
        out.push(("reached_any", flag(m.n("reached_cm") > 0.0)));
    }
    if has("speed_kmh") {
        out.push(("speed_ms", number(m.n("speed_kmh") / 3.6)));
    }
    if has("limit_kmh") {
        out.push(("limit_ms", number(m.n("limit_kmh") / 3.6)));
    }
    out
}

/// A value for a screen's sentence: a number (formatted by the sentence's `NUMBER()`) or text
/// shown as it is (a name, a title, a path).
#[derive(Clone, Debug)]
pub enum TrArg {
    Num(f64),
    Str(String),
}

macro_rules! tr_arg_num {
    ($($t:ty),*) => {$(impl From<$t> for TrArg { fn from(v: $t) -> TrArg { TrArg::Num(v as f64) } })*};
}
tr_arg_num!(f32, f64, i32, i64, u8, u16, u32, u64, usize);

impl From<&str> for TrArg {
    fn from(v: &str) -> TrArg {
        TrArg::Str(v.to_string())
    }
}

impl From<String> for TrArg {
    fn from(v: String) -> TrArg {
        TrArg::Str(v)
    }
}

impl From<&String> for TrArg {
    fn from(v: &String) -> TrArg {
        TrArg::Str(v.clone())
    }
}

/// Whether `lang`'s files hold the message `id`.
pub fn has_message(lang: Lang, id: &str) -> bool {
    lang.bundle().has_message(id)
}

/// A sentence of the screens or the command line in `lang`: `[id]` when the id is unknown.
pub fn tr_in(lang: Lang, id: &str, args: &[(&str, TrArg)]) -> String {
    let bundle = lang.bundle();
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return format!("[{id}]");
    };
    let mut fluent_args = FluentArgs::new();
    for (name, arg) in args {
        match arg {
            TrArg::Num(v) => fluent_args.set(*name, FluentValue::Number(FluentNumber::new(*v, FluentNumberOptions::default()))),
            TrArg::Str(s) => fluent_args.set(*name, FluentValue::from(s.clone())),
        }
    }
    let mut errors = Vec::new();
    bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned()
}

/// The language the screens speak now (one per process: the trainer's window, or the command
/// line's `--lang`). The command line and reports pass a language explicitly instead.
static UI_LANG: AtomicU8 = AtomicU8::new(0);

pub fn ui_lang() -> Lang {
    Lang::ALL[UI_LANG.load(Ordering::Relaxed) as usize % Lang::ALL.len()]
}

pub fn set_ui_lang(lang: Lang) {
    UI_LANG.store(lang as u8, Ordering::Relaxed);
}
