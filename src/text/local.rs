//! Text an instructor writes for trainees (a scenario's title, briefing and objective): one
//! string, as scenario files have always held, or the same text in several languages.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Lang;

/// `"…"` (taken as English), or `{"en": "…", "uk": "…"}` in a scenario file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum LocalText {
    One(String),
    /// By language code; the English text is the fallback for a language not written.
    Many(BTreeMap<String, String>),
}

/// Text as shown to a trainee: in their language, or the fallback (which the screen marks).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shown<'a> {
    pub text: &'a str,
    /// The text is not in the language asked for.
    pub fallback: bool,
}

impl Default for LocalText {
    fn default() -> Self {
        LocalText::One(String::new())
    }
}

impl From<&str> for LocalText {
    fn from(text: &str) -> Self {
        LocalText::One(text.to_string())
    }
}

impl From<String> for LocalText {
    fn from(text: String) -> Self {
        LocalText::One(text)
    }
}

impl PartialEq<&str> for LocalText {
    fn eq(&self, other: &&str) -> bool {
        self.english() == *other
    }
}

impl std::fmt::Display for LocalText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.english())
    }
}

impl LocalText {
    /// The English text (or, lacking one, the first written): what reports, file names and
    /// the course's records use, whatever the trainee reads.
    pub fn english(&self) -> &str {
        match self {
            LocalText::One(text) => text,
            LocalText::Many(by_lang) => by_lang.get(Lang::En.code()).or_else(|| by_lang.values().next()).map(String::as_str).unwrap_or(""),
        }
    }

    /// The text in `lang`, else the English one marked as a fallback.
    pub fn shown(&self, lang: Lang) -> Shown<'_> {
        match self {
            LocalText::Many(by_lang) if by_lang.get(lang.code()).is_some_and(|t| !t.trim().is_empty()) => Shown { text: &by_lang[lang.code()], fallback: false },
            _ => Shown { text: self.english(), fallback: lang != Lang::En || !self.has(Lang::En) },
        }
    }

    /// Whether a text is written in `lang` (a single string counts as English).
    pub fn has(&self, lang: Lang) -> bool {
        match self {
            LocalText::One(text) => lang == Lang::En && !text.trim().is_empty(),
            LocalText::Many(by_lang) => by_lang.get(lang.code()).is_some_and(|t| !t.trim().is_empty()),
        }
    }

    /// The text in `lang` to edit: a single string is the English one; writing another
    /// language turns it into a map that keeps the English.
    pub fn edit(&mut self, lang: Lang) -> &mut String {
        if let LocalText::One(text) = self {
            if lang == Lang::En {
                // Still one string: the file keeps its plain form.
                let LocalText::One(text) = self else { unreachable!() };
                return text;
            }
            let english = std::mem::take(text);
            *self = LocalText::Many(BTreeMap::from([(Lang::En.code().to_string(), english)]));
        }
        let LocalText::Many(by_lang) = self else { unreachable!("made a map above") };
        by_lang.entry(lang.code().to_string()).or_default()
    }

    /// Language codes written that the trainer does not speak (a scenario file's mistake).
    pub fn unknown_languages(&self) -> Vec<&str> {
        match self {
            LocalText::One(_) => Vec::new(),
            LocalText::Many(by_lang) => by_lang.keys().filter(|code| Lang::ALL.iter().all(|l| l.code() != code.as_str())).map(String::as_str).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_strings_and_maps_read_and_fall_back() {
        let plain: LocalText = ron::from_str(r#""Lesson 1""#).unwrap();
        assert_eq!(plain.shown(Lang::En), Shown { text: "Lesson 1", fallback: false });
        assert_eq!(plain.shown(Lang::Uk), Shown { text: "Lesson 1", fallback: true });
        let both: LocalText = ron::from_str(r#"{"en": "Lesson 1", "uk": "Урок 1"}"#).unwrap();
        assert_eq!(both.shown(Lang::Uk), Shown { text: "Урок 1", fallback: false });
        assert_eq!(both.english(), "Lesson 1");
        let odd: LocalText = ron::from_str(r#"{"en": "Lesson 1", "km": "x"}"#).unwrap();
        assert_eq!(odd.unknown_languages(), vec!["km"]);
        assert_eq!(ron::to_string(&plain).unwrap(), r#""Lesson 1""#, "a plain string stays plain");
    }

    #[test]
    fn editing_another_language_keeps_the_english() {
        let mut text = LocalText::from("Lesson 1");
        text.edit(Lang::En).push('!');
        assert_eq!(text, LocalText::One("Lesson 1!".into()));
        *text.edit(Lang::Uk) = "Урок 1".into();
        assert_eq!(text.english(), "Lesson 1!");
        assert!(text.has(Lang::Uk));
    }
}
