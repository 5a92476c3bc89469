//! The problems of a YAML text in plain words, each at its own line and
//! column: the parser's syntax errors (a list, mapping or quote left open
//! is put where it was opened), serde-saphyr's errors for a text of the
//! wrong shape (named after the key whose value is wrong), unknown keys
//! with the keys that are allowed, and the alias limit.
//!
//! Builds `YamlError`s from what the parser and the typed pass report;
//! it never reads a position out of a message, and parses nothing.

use super::keys::Keys;
use super::typed::fields_at;
use super::{MAX_ALIAS_EVENTS, UnknownField, YamlError};
use serde::de::DeserializeOwned;
use serde_saphyr::granit_parser::{ErrorKind, Marker, ScanError};

/// Where the innermost flow list (`[`) and flow mapping (`{`) still open
/// start, for an error that one is never closed.
pub(super) struct OpenFlow {
    pub(super) list: Option<(usize, usize)>,
    pub(super) mapping: Option<(usize, usize)>,
}

/// One error for each key of `T`'s text the typed pass did not take
/// (`ignored`, by path), at the key, with the keys allowed there.
pub(super) fn unknown_field_errors<T: DeserializeOwned>(
    ignored: &[Vec<String>],
    keys: &Keys,
) -> Vec<YamlError> {
    let mut problems = Vec::new();
    for path in ignored {
        let Some((field, parent)) = path.split_last() else {
            continue;
        };
        let at = keys.key(&path.iter().map(String::as_str).collect::<Vec<_>>());
        let mut error = YamlError::new(format!("unknown field `{field}`"), at);
        error.unknown_field = Some(UnknownField {
            field: field.clone(),
            expected: fields_at::<T>(parent),
        });
        problems.push(error);
    }
    problems
}

/// The typed pass's `error`, in plain words, placed with the help of
/// `keys`: a missing top-level key at the start of the mapping it is
/// missing from, and a wrong value named after its key.
pub(super) fn typed_error_at_its_key(error: &serde_saphyr::Error, keys: &Keys) -> YamlError {
    let mut error = typed_error(error);
    // A missing top-level key belongs to no line in particular:
    // point at the start of the mapping it is missing from.
    let mut top = keys.entries().iter().filter(|e| e.path.len() == 1);
    let first = top.clone().next().map(|e| e.key);
    if error.missing_field.is_some() && top.any(|e| Some(e.key) == error.line.zip(error.column)) {
        (error.line, error.column) = (first.map(|f| f.0), first.map(|f| f.1));
    }
    // Name the key whose value is wrong: the one whose value is at the
    // error, or else the top-level key the error is inside (top-level
    // keys divide the text between them; an item of a list has no key).
    let Some(at) = error.line.zip(error.column) else {
        return error;
    };
    let exact = keys.entries().iter().find(|e| e.value == at);
    let inside = || {
        keys.entries()
            .iter()
            .filter(|e| e.path.len() == 1 && e.value <= at)
            .max_by_key(|e| e.value)
    };
    if let Some(entry) = exact.or_else(inside)
        && error.unknown_field.is_none()
        && error.missing_field.is_none()
    {
        error.message = format!("`{}`: {}", entry.path.join("."), error.message);
    }
    error
}

/// The error for aliases that repeat too many values, at `at`.
pub(super) fn alias_bomb(at: (usize, usize)) -> YamlError {
    YamlError::new(
        format!("aliases (`*name`) here repeat more than {MAX_ALIAS_EVENTS} values"),
        Some(at),
    )
    .help("write the values out instead of repeating them with `&name` and `*name`")
}

/// The parser's error, in plain words, where it points; a list, mapping
/// or quote left open is reported where it was opened.
pub(super) fn scan_error(text: &str, error: &ScanError, open_flow: &OpenFlow) -> YamlError {
    let mark = error.marker();
    let at = Some((mark.line(), mark.col() + 1));
    match error.kind() {
        ErrorKind::UnclosedQuotedScalar => {
            YamlError::new("a quote opened here is never closed", at)
                .help("end the value with the same quote it starts with, on this line")
        }
        ErrorKind::UnclosedFlowCollection { open: '[' } | ErrorKind::UnexpectedEofFlowSequence => {
            YamlError::new(
                "a list opened here with `[` is never closed with `]`",
                open_flow.list.or(at),
            )
            .help("end the list with `]` on this line, as in [a, b]")
        }
        ErrorKind::UnclosedFlowCollection { .. }
        | ErrorKind::UnexpectedEofFlowMapping
        | ErrorKind::UnexpectedEofImplicitFlowMapping => YamlError::new(
            "a `{` opened here is never closed with `}`",
            open_flow.mapping.or(at),
        )
        .help("end it with `}` on this line, or remove the `{`"),
        ErrorKind::UnexpectedCharacter { character } if character.is_control() => YamlError::new(
            format!(
                "the invisible control character U+{:04X} is not allowed in YAML",
                u32::from(*character)
            ),
            first_from(text, mark, *character).or(at),
        )
        .help("delete it: retype the text around this place"),
        ErrorKind::RecursionLimitExceeded => {
            YamlError::new("lists or mappings are nested too deeply here", at)
                .help("nest fewer levels of lists and mappings")
        }
        ErrorKind::MappingValueNotAllowed | ErrorKind::InvalidColonPlacement => YamlError::new(
            "a second `:` on this line makes it look like a key inside the value",
            at,
        )
        .help("a value with a colon needs quotes, as in title: \"Rights: at home\""),
        ErrorKind::TabNotAllowed
        | ErrorKind::TabInBlockIndentation
        | ErrorKind::TabInPlainScalar => YamlError::new(
            "a tab is used to indent this line",
            first_from(text, mark, '\t').or(at),
        )
        .help("indent with spaces, not tabs"),
        kind => {
            let what = kind.to_string();
            let message = if what.is_empty() {
                "this is not valid YAML".to_string()
            } else {
                format!("this is not valid YAML: {what}")
            };
            YamlError::new(message, at)
        }
    }
}

/// The line and column of the first `wanted` at or after `mark`: the
/// parser marks the value it was reading, and the character it stopped at
/// is the first such one from there.
fn first_from(text: &str, mark: &Marker, wanted: char) -> Option<(usize, usize)> {
    let start = text
        .char_indices()
        .nth(mark.index())
        .map_or(text.len(), |(i, _)| i);
    let tab = start + text.get(start..)?.find(wanted)?;
    let line_start = text[..tab].rfind('\n').map_or(0, |i| i + 1);
    let line = text[..tab].matches('\n').count() + 1;
    Some((line, text[line_start..tab].chars().count() + 1))
}

/// serde-saphyr's error for a text of the wrong shape, in plain words.
fn typed_error(error: &serde_saphyr::Error) -> YamlError {
    use serde_saphyr::{Error, MessageFormatter, UserMessageFormatter};
    let at = error
        .location()
        .filter(|l| l.line() > 0)
        .map(|l| (l.line() as usize, l.column() as usize));
    let mut inner = error;
    while let Error::WithSnippet { error, .. } | Error::AliasError { error, .. } = inner {
        inner = error;
    }
    match inner {
        Error::SerdeInvalidType {
            unexpected,
            expected,
            ..
        } => {
            let expected = if expected.starts_with("struct ") || expected.starts_with("map") {
                "`key: value` lines"
            } else {
                expected.as_str()
            };
            YamlError::new(format!("expected {expected}, found {unexpected}"), at)
                .help(format!("write {expected} here"))
        }
        Error::Unexpected { expected, .. } if expected.contains("mapping") => {
            YamlError::new("expected `key: value` lines here", at)
                .help("write one `key: value` per line")
        }
        Error::Unexpected { expected, .. } if expected.contains("sequence") => {
            YamlError::new("expected a list here", at).help("write a list, as in [a, b]")
        }
        Error::Unexpected { expected, .. } if expected.contains("scalar") => {
            YamlError::new("expected a single value, found a list or a mapping", at)
                .help("write one value here; put it in quotes if it starts with [ or {")
        }
        Error::InvalidScalar { ty, .. } => {
            let (what, example) = match *ty {
                "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => ("a whole number", "such as 12"),
                "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => {
                    ("a whole number", "such as 12 or -3")
                }
                "f32" | "f64" | "floating point" => ("a number", "such as 1.5"),
                "bool" | "boolean" => ("true or false", "without quotes"),
                "char" => ("a single character", "such as x"),
                _ => ("a value of another kind", "as the README describes"),
            };
            YamlError::new(format!("expected {what}"), at)
                .help(format!("write {what} here, {example}"))
        }
        Error::SerdeMissingField { field, .. } => {
            let mut error = YamlError::new(format!("missing field `{field}`"), at);
            error.missing_field = Some(field);
            error
        }
        Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. } => alias_bomb(at.unwrap_or((1, 1))),
        other => YamlError::new(UserMessageFormatter.format_message(other).into_owned(), at),
    }
}

#[cfg(test)]
mod tests {
    use super::super::samples::problems;

    #[test]
    fn a_quote_or_list_left_open_is_reported_on_its_own_line() {
        let error = problems("title: \"Spring\ndate: x\nmore: y\n").remove(0);
        assert_eq!((error.line, error.column), (Some(1), Some(8)), "{error:?}");
        assert_eq!(error.message, "a quote opened here is never closed");
        assert!(
            error
                .help
                .as_deref()
                .is_some_and(|h| h.contains("same quote")),
            "{error:?}"
        );
        let error = problems("title: a\ndate: [b\n").remove(0);
        assert_eq!((error.line, error.column), (Some(2), Some(7)), "{error:?}");
    }

    #[test]
    fn control_characters_are_reported_where_they_are() {
        let error = problems("title: a\ndate: b\u{1}c\n").remove(0);
        assert_eq!(error.line, Some(2), "{error:?}");
        assert!(error.message.contains("U+0001"), "{error:?}");
    }

    #[test]
    fn a_mapping_left_open_is_reported_where_it_opened() {
        let error = problems("title: {a: 1\n").remove(0);
        assert_eq!((error.line, error.column), (Some(1), Some(8)), "{error:?}");
        assert_eq!(error.message, "a `{` opened here is never closed with `}`");
        let error = problems("title: {a: [1, 2\n").remove(0);
        assert_eq!((error.line, error.column), (Some(1), Some(12)), "{error:?}");
        assert!(error.message.contains("list"), "{error:?}");
    }

    #[test]
    fn a_wrong_value_is_named_after_its_key() {
        let error = problems("title: [a, b]\n").remove(0);
        assert_eq!((error.line, error.column), (Some(1), Some(8)), "{error:?}");
        assert!(error.message.starts_with("`title`: "), "{error:?}");
    }

    #[test]
    fn a_wrong_item_of_a_list_is_named_after_the_field_it_is_in() {
        #[derive(serde::Deserialize)]
        #[allow(dead_code)]
        struct Tagged {
            title: String,
            tags: Vec<String>,
            summary: String,
        }
        let text = "title: x\ntags:\n  - a\n  - {x: 1}\nsummary: s\n";
        let error = super::super::parse::<Tagged>(text).problems.remove(0);
        assert_eq!((error.line, error.column), (Some(4), Some(5)), "{error:?}");
        assert!(error.message.starts_with("`tags`: "), "{error:?}");
    }
}
