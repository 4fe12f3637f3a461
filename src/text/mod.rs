//! What the trainer says, as data: a `Message` is an id naming a sentence and the numbers and
//! words that fill it. Scoring, QC and advice produce messages; the edges (debrief, HUD, CLI,
//! the report's English `detail` strings) render them, so a second language translates the
//! catalogue without touching the code that judges the work.

mod i18n;
mod ids;
mod local;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use i18n::{Lang, TrArg, render, set_ui_lang, tr_in, ui_lang};
pub use ids::IDS;
pub use local::{LocalText, Shown};

/// A sentence of the screens or the command line: `tr!(lang, "id")` or
/// `tr!(lang, "id", name = value, ...)` with numbers or text as values.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $id:expr) => {
        $crate::text::tr_in($lang, $id, &[])
    };
    ($lang:expr, $id:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::text::tr_in($lang, $id, &[$((stringify!($name), $crate::text::TrArg::from($value))),+])
    };
}

/// The message in English (what reports and other machine-readable output keep).
pub fn english(m: &Message) -> String {
    render(m, Lang::En)
}

/// One argument of a message: a number (formatted by the sentence), a word the sentence
/// looks up by its key (a soil, a mine kind, a place), or a list of messages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Arg {
    Num(f32),
    Text(String),
    List(Vec<Message>),
}

/// A sentence by id with its arguments.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Message {
    pub id: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, Arg>,
}

impl Message {
    pub fn new(id: &str) -> Message {
        Message { id: id.to_string(), args: BTreeMap::new() }
    }

    /// Adds a number.
    pub fn num(mut self, name: &str, v: impl Into<f64>) -> Message {
        self.args.insert(name.to_string(), Arg::Num(v.into() as f32));
        self
    }

    /// Adds a word (a key the sentence looks up, e.g. a soil's serde name).
    pub fn text(mut self, name: &str, v: impl Into<String>) -> Message {
        self.args.insert(name.to_string(), Arg::Text(v.into()));
        self
    }

    /// Adds a list of messages (rendered joined).
    pub fn list(mut self, name: &str, v: Vec<Message>) -> Message {
        self.args.insert(name.to_string(), Arg::List(v));
        self
    }

    /// A number argument (NaN when missing, so a wrong template shows rather than lies).
    pub fn n(&self, name: &str) -> f32 {
        match self.args.get(name) {
            Some(Arg::Num(v)) => *v,
            _ => f32::NAN,
        }
    }

    /// A word argument ("?" when missing).
    pub fn t(&self, name: &str) -> &str {
        match self.args.get(name) {
            Some(Arg::Text(v)) => v,
            _ => "?",
        }
    }

    /// A list argument (empty when missing).
    pub fn items(&self, name: &str) -> &[Message] {
        match self.args.get(name) {
            Some(Arg::List(v)) => v,
            _ => &[],
        }
    }

    /// The message in English.
    pub fn english(&self) -> String {
        render(self, Lang::En)
    }

    /// The message in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        render(self, lang)
    }
}

/// A word (a soil, a fault's kind, a mine's fate) in `lang`: the message `<prefix>-<key>`.
pub fn word(lang: Lang, prefix: &str, key: &str) -> String {
    tr_in(lang, &format!("{prefix}-{key}"), &[])
}

/// A built-in machine's name in `lang` (message `machine-<file name>`); a machine of the
/// instructor's own keeps the name its file gives.
pub fn machine_name(lang: Lang, file_name: &str, own_name: &str) -> String {
    let id = format!("machine-{file_name}");
    if i18n::has_message(lang, &id) { tr_in(lang, &id, &[]) } else { own_name.to_string() }
}

/// m:ss for times of a session (screens, reports, the command line).
pub fn mmss(s: f32) -> String {
    let s = s.max(0.0) as u32;
    format!("{}:{:02}", s / 60, s % 60)
}

/// The civil date (UTC) of a Unix time as (year, month, day): Howard Hinnant's days-to-civil,
/// no time-zone database needed.
pub fn civil_date(unix_s: i64) -> (i64, i64, i64) {
    let z = unix_s.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// The serde name of a unit enum value ("sandy_loam"): how messages carry a term.
pub fn key<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_default().trim_matches('"').to_string()
}
