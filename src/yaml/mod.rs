//! The one place that parses YAML (`boletin.yaml` and front matter).
//!
//! Everything else receives typed values, the position of every key, and
//! `YamlError`s, each with the line and column the parser itself reported,
//! counted from the start of the YAML text; callers add the offset of that
//! text inside its file. No position is read out of a message.
//!
//! A text is read in a typed pass (serde-saphyr into the caller's struct),
//! which also lists every key the struct does not take, and, when that
//! pass finds anything wrong, in one pass of the parser's events (every
//! key and value with its mark; a key set twice in one mapping; syntax
//! errors), which puts each problem at its own line. A text with what the
//! typed pass could let through (an alias, a nested mapping) is always
//! walked, first. A text with no problem is otherwise read once: the place
//! of its keys is found only if a caller asks. The structs
//! therefore do not say `deny_unknown_fields`: this module refuses unknown
//! keys for them, all of them at once.
//!
//! Swapping the YAML library means changing only this folder. This file
//! owns the types callers receive and `parse`, which runs the passes in
//! order: `typed` (serde-saphyr into `T`), `walk` (the parser's events),
//! `keys` (where each key is), `errors` (every problem in plain words,
//! at its place) and `introspect` (the fields a struct takes). `write`
//! makes the YAML that boletin writes into content files.

mod errors;
mod introspect;
mod keys;
mod typed;
mod walk;
mod write;

pub(crate) use keys::Keys;
pub(crate) use write::{block, flow_list, scalar};

use errors::{typed_error_at_its_key, unknown_field_errors};
use serde::de::DeserializeOwned;
use typed::{may_hide_problems, typed};
use walk::walk;

/// A problem in a YAML text, at the place the parser names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct YamlError {
    /// What is wrong, without the location.
    pub(crate) message: String,
    /// 1-based line and column within the YAML text, when known.
    pub(crate) line: Option<usize>,
    pub(crate) column: Option<usize>,
    /// Set when the problem is a key that is not allowed: the key and the
    /// keys that are.
    pub(crate) unknown_field: Option<UnknownField>,
    /// Set when a key is set twice in one mapping: the line of its first
    /// setting (the error is at the second).
    pub(crate) first_set_on: Option<usize>,
    /// Set when a required key is not there: its name.
    pub(crate) missing_field: Option<&'static str>,
    /// How to fix this particular problem, when we know; callers fall
    /// back to advice of their own.
    pub(crate) help: Option<String>,
}

impl YamlError {
    /// A problem at `at` (line, column), with nothing else known yet.
    pub(super) fn new(message: impl Into<String>, at: Option<(usize, usize)>) -> YamlError {
        YamlError {
            message: message.into(),
            line: at.map(|(line, _)| line),
            column: at.map(|(_, column)| column),
            unknown_field: None,
            missing_field: None,
            first_set_on: None,
            help: None,
        }
    }

    /// The problem with advice on how to fix it.
    pub(super) fn help(mut self, help: impl Into<String>) -> YamlError {
        self.help = Some(help.into());
        self
    }
}

/// A key that is not allowed where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct UnknownField {
    pub(crate) field: String,
    pub(crate) expected: Vec<String>,
}

/// What a YAML text held: the typed value when it could be made, every
/// problem found, and where each key and value is.
#[derive(Debug)]
pub(crate) struct Parsed<'t, T> {
    /// `None` when the text is not valid YAML or not of the shape `T`
    /// describes; a value with unknown keys set aside is still given.
    pub(crate) value: Option<T>,
    pub(crate) problems: Vec<YamlError>,
    pub(crate) keys: Keys<'t>,
}

/// More values than aliases may expand to in one text: the front matter
/// of a real issue has a few dozen, so this stops an "alias bomb" (a few
/// lines that expand to billions of values) long before it costs memory.
const MAX_ALIAS_EVENTS: usize = 10_000;

/// Parses `text` into `T`, reporting every key `T` does not take.
pub(crate) fn parse<T: DeserializeOwned>(text: &str) -> Parsed<'_, T> {
    // serde-saphyr refuses what the walk would (syntax errors anywhere in
    // the text, a key set twice in a mapping), but for two cases: aliases,
    // which the walk limits before anything expands them, and a key set
    // twice in spellings serde-saphyr tells apart (`1` and `"1"`) but a
    // mapping read into strings does not, which only a nested mapping can
    // hold. A text with neither is read once when nothing is wrong; one
    // with either is walked first, as an alias bomb must be.
    let typed_first = !may_hide_problems(text);
    let mut typed_pass = None;
    if typed_first {
        match typed::<T>(text) {
            (Ok(value), ignored) if ignored.is_empty() => {
                return Parsed {
                    value: Some(value),
                    problems: Vec::new(),
                    keys: Keys::of(text),
                };
            }
            pass => typed_pass = Some(pass),
        }
    }
    let (entries, problems) = match walk(text) {
        Ok(walked) => walked,
        Err(error) => {
            return Parsed {
                value: None,
                problems: vec![error],
                keys: Keys::found(text, Vec::new()),
            };
        }
    };
    let keys = Keys::found(text, entries);
    if !problems.is_empty() {
        // A key set twice: the typed pass would only report it again.
        return Parsed {
            value: None,
            problems,
            keys,
        };
    }
    let (result, ignored) = typed_pass.unwrap_or_else(|| typed::<T>(text));
    let mut problems = unknown_field_errors::<T>(&ignored, &keys);
    problems.sort_by_key(|p| (p.line, p.column));
    match result {
        Ok(value) => Parsed {
            value: Some(value),
            problems,
            keys,
        },
        Err(error) => {
            problems.push(typed_error_at_its_key(&error, &keys));
            Parsed {
                value: None,
                problems,
                keys,
            }
        }
    }
}

/// The struct most unit tests of this module read, and its problems.
#[cfg(test)]
mod samples {
    use super::{YamlError, parse};
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    pub(super) struct Sample {
        pub(super) title: String,
        pub(super) date: Option<String>,
    }

    pub(super) fn problems(text: &str) -> Vec<YamlError> {
        parse::<Sample>(text).problems
    }
}

#[cfg(test)]
mod tests {
    use super::samples::{Sample, problems};
    use super::*;
    use serde::Deserialize;

    #[test]
    fn every_unknown_field_is_reported_with_its_line_in_one_pass() {
        let parsed = parse::<Sample>("title: a\ntitel: b\ndate: c\ndat: d\n");
        let found: Vec<_> = parsed
            .problems
            .iter()
            .map(|p| (p.line, p.column, p.unknown_field.clone().unwrap().field))
            .collect();
        assert_eq!(
            found,
            [
                (Some(2), Some(1), "titel".to_string()),
                (Some(4), Some(1), "dat".to_string())
            ]
        );
        let unknown = parsed.problems[0].unknown_field.clone().unwrap();
        assert_eq!(unknown.expected, vec!["title", "date"]);
        assert_eq!(parsed.value.unwrap().title, "a");
    }

    #[test]
    fn nested_keys_are_located_by_path() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Outer {
            inner: std::collections::BTreeMap<String, Sample>,
        }
        let parsed = parse::<Outer>("inner:\n  en:\n    title: x\n    titel: y\n");
        let error = &parsed.problems[0];
        assert_eq!((error.line, error.column), (Some(4), Some(5)), "{error:?}");
        let unknown = error.unknown_field.clone().unwrap();
        assert_eq!(unknown.expected, vec!["title", "date"]);
        assert_eq!(parsed.keys.value(&["inner", "en", "title"]), Some((3, 12)));
    }

    #[test]
    fn an_empty_text_reports_the_missing_keys() {
        let error = problems("# only a comment\n").remove(0);
        assert_eq!(error.missing_field, Some("title"), "{error:?}");
        let error = problems("date: x\n").remove(0);
        assert_eq!((error.line, error.column), (Some(1), Some(1)), "{error:?}");
    }
}
