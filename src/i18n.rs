//! Interface strings (Project Fluent) and dates, per language.
//!
//! Each language's `locales/<lang>/*.ftl` files form one Fluent bundle. A
//! message missing in a language falls back to the default language's,
//! and `build` warns about it naming the locale file and message.
//!
//! Fluent wraps every interpolated value in invisible bidi isolation marks
//! (U+2068 … U+2069). They are turned off here: our strings end up in URLs,
//! attributes, `<title>`s and feeds, where the marks break links and show
//! as garbage. Direction is handled by HTML instead: every page carries
//! `dir`, and text in another language is wrapped in an element with its
//! own `lang` and `dir`.
//!
//! Dates use CLDR's long format for the language through ICU4X, so any
//! configured language gets them right, not only English and Spanish.
//!
//! `bundles` reads the locale files into bundles and reports their
//! problems; `nesting` refuses a file nested too deep to parse; this file
//! answers what a page asks: a message, a language's name, a date, how
//! much of the interface is translated.

mod bundles;
mod nesting;

pub(crate) use nesting::parseable;

use crate::diagnostics::{Diagnostic, Location};
use crate::lang::Lang;
use fluent::concurrent::FluentBundle;
use fluent::{FluentArgs, FluentResource};
use icu_calendar::{Date as IcuDate, Gregorian};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::YMD;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

/// The message that names a language in itself ("English", "Español").
const LANGUAGE_NAME: &str = "language-name";

type DateFormatter = FixedCalendarDateTimeFormatter<Gregorian, YMD>;

/// A message a translation could not format, where the default
/// language's text stood in.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Unformatted {
    pub(crate) lang: Lang,
    pub(crate) id: String,
    /// Why, in words.
    pub(crate) problem: String,
}

/// Every language's interface strings and date format.
pub(crate) struct Locales {
    default: Lang,
    bundles: HashMap<Lang, FluentBundle<FluentResource>>,
    /// Message ids of each language, with the file that defines each.
    messages: BTreeMap<Lang, BTreeMap<String, PathBuf>>,
    /// Made when a date is first shown in the language: `status` shows
    /// none, and should not pay for them.
    dates: HashMap<Lang, std::sync::OnceLock<Option<DateFormatter>>>,
    /// Messages without variables, formatted once per language (with the
    /// default language standing in): most of what a page says.
    plain: HashMap<Lang, HashMap<String, String>>,
}

impl std::fmt::Debug for Locales {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Locales")
            .field("messages", &self.messages)
            .finish()
    }
}

/// How much of the default language's interface strings one language has.
#[derive(Clone, Debug, serde::Serialize)]
pub(crate) struct Coverage {
    pub(crate) lang: Lang,
    /// Messages in the default language.
    pub(crate) total: usize,
    /// Of those, how many this language has.
    pub(crate) translated: usize,
    /// `translated / total`, in percent, rounded down to a tenth.
    pub(crate) percent: f64,
    pub(crate) missing: Vec<String>,
    /// Messages only this language has: left over from an older theme.
    pub(crate) extra: Vec<String>,
}

impl Locales {
    /// The warning for a message a translation could not format, naming
    /// the locale file (strict: `check` stops on it).
    pub(crate) fn unformatted(&self, unformatted: &Unformatted) -> Diagnostic {
        let Unformatted { lang, id, problem } = unformatted;
        let path = self
            .messages
            .get(lang)
            .and_then(|ids| ids.get(id))
            .cloned()
            .unwrap_or_else(|| PathBuf::from("locales").join(lang.as_str()));
        Diagnostic::warning(
            path,
            format!("{problem}; the `{}` text is shown instead", self.default),
        )
        .help("use only the variables the default language's message uses")
        .strict()
    }

    /// How much of the default language's interface each language has.
    pub(crate) fn coverage(&self) -> Vec<Coverage> {
        let empty = BTreeMap::new();
        let reference = self.messages.get(&self.default).unwrap_or(&empty);
        self.messages
            .iter()
            .map(|(lang, ids)| {
                let missing: Vec<String> = reference
                    .keys()
                    .filter(|id| !ids.contains_key(*id))
                    .cloned()
                    .collect();
                let extra: Vec<String> = ids
                    .keys()
                    .filter(|id| !reference.contains_key(*id))
                    .cloned()
                    .collect();
                let total = reference.len();
                let translated = total - missing.len();
                Coverage {
                    lang: lang.clone(),
                    total,
                    translated,
                    percent: if total == 0 {
                        100.0
                    } else {
                        (translated as f64 * 1000.0 / total as f64).floor() / 10.0
                    },
                    missing,
                    extra,
                }
            })
            .collect()
    }

    /// Formats message `id` in `lang` (or the default language's), with
    /// what stopped `lang`'s own text if the default language's stood in.
    pub(crate) fn message(
        &self,
        lang: &Lang,
        id: &str,
        args: Option<&FluentArgs>,
    ) -> Result<(String, Option<Unformatted>), String> {
        let mut stood_in = None;
        for lang in [lang, &self.default] {
            let Some(bundle) = self.bundles.get(lang) else {
                continue;
            };
            let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, args, &mut errors);
            let Some(error) = errors.first() else {
                return Ok((text.into_owned(), stood_in));
            };
            let problem = format!("the message `{id}` cannot be shown in `{lang}`: {error}");
            if *lang == self.default {
                return Err(problem);
            }
            // A translation's mistake should not stop the newsletter: the
            // default language's text stands in, and build warns.
            stood_in = Some(Unformatted {
                lang: lang.clone(),
                id: id.to_string(),
                problem,
            });
        }
        Err(format!(
            "the message `{id}` is missing in locales/{}/",
            self.default
        ))
    }

    /// The language's name in itself, from its `language-name` message.
    pub(crate) fn language_name(&self, lang: &Lang) -> String {
        self.bundles
            .get(lang)
            .filter(|bundle| bundle.has_message(LANGUAGE_NAME))
            .and_then(|_| self.plain(lang, LANGUAGE_NAME))
            .map_or_else(|| lang.to_string(), str::to_string)
    }

    /// Message `id` in `lang` when it takes no variables, already formatted.
    pub(crate) fn plain(&self, lang: &Lang, id: &str) -> Option<&str> {
        self.plain.get(lang)?.get(id).map(String::as_str)
    }

    /// Formats every message that needs no variables, for every language.
    fn plain_messages(&self) -> HashMap<Lang, HashMap<String, String>> {
        let format = |lang: &Lang, id: &str| {
            let bundle = self.bundles.get(lang)?;
            let pattern = bundle.get_message(id)?.value()?;
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, None, &mut errors);
            errors.is_empty().then(|| text.into_owned())
        };
        self.messages
            .keys()
            .map(|lang| {
                let ids = self.messages.values().flat_map(|ids| ids.keys());
                let texts = ids
                    .filter_map(|id| {
                        let own = self.messages[lang].contains_key(id);
                        let text = if own {
                            format(lang, id)
                        } else {
                            format(&self.default, id)
                        };
                        Some((id.clone(), text?))
                    })
                    .collect();
                (lang.clone(), texts)
            })
            .collect()
    }

    /// `date` in `lang`'s long format ("1 de marzo de 2026").
    pub(crate) fn long_date(&self, lang: &Lang, date: time::Date) -> String {
        let formatter = self
            .dates
            .get(lang)
            .and_then(|made| made.get_or_init(|| date_formatter(lang)).as_ref());
        let formatted = formatter.and_then(|formatter| {
            let icu_date =
                IcuDate::try_new_gregorian(date.year(), date.month() as u8, date.day()).ok()?;
            Some(formatter.format(&icu_date).to_string())
        });
        formatted.unwrap_or_else(|| date.to_string())
    }
}

fn date_formatter(lang: &Lang) -> Option<DateFormatter> {
    let locale = icu_locale_core::Locale::try_from_str(lang.as_str()).ok()?;
    DateFormatter::try_new(locale.into(), YMD::long()).ok()
}

/// The line where `id` is defined (`id =` at the start of a line).
pub(crate) fn definition_location(text: &str, id: &str) -> Location {
    let offset = definition_offsets(text, id).next().unwrap_or(0);
    Location::at_offset(text, offset, id.len())
}

/// Byte offsets of the lines that define `id`, in order.
fn definition_offsets<'a>(text: &'a str, id: &'a str) -> impl Iterator<Item = usize> + 'a {
    text.split_inclusive('\n')
        .scan(0, |offset, line| {
            let start = *offset;
            *offset += line.len();
            Some((start, line))
        })
        .filter(move |(_, line)| {
            line.strip_prefix(id)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map(|(start, _)| start)
}
