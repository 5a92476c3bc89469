//! The one place that parses YAML (`boletin.yaml` and front matter).
//!
//! Everything else receives typed values or a `YamlError` with a line and
//! column counted from the start of the YAML text; callers add the offset
//! of that text inside its file. Swapping the YAML library means changing
//! only this file.

use serde::de::DeserializeOwned;

/// A YAML text that could not be turned into the expected value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// What is wrong, without the location.
    pub message: String,
    /// 1-based line and column within the YAML text, when known.
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// Set when the problem is a key that is not allowed: the key and the
    /// keys that are.
    pub unknown_field: Option<UnknownField>,
    /// How to fix it, when the problem says more than the caller's advice
    /// for a malformed line would (a quote or list left open).
    pub help: Option<&'static str>,
}

/// A key that is not allowed where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownField {
    pub field: String,
    pub expected: Vec<String>,
}

/// Parses `text` into `T`, rejecting what `T` does not describe.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    serde_yaml::from_str(text).map_err(|error| {
        let full = error.to_string();
        let mut message = without_positions(&full);
        let mut place = error.location().map(|l| (l.line(), l.column()));
        let mut help = None;
        // A quote or list left open is noticed where the text ends; the
        // place to fix is where it was opened, which libyaml names last
        // ("…, while scanning a quoted scalar at line 2 column 8").
        let lines = text.lines().count().max(1);
        let past_the_end = place.is_some_and(|(line, _)| line > lines);
        if past_the_end || full.contains("end of stream") {
            if let Some((opened, what, fix)) = left_open(&full) {
                place = Some(opened);
                message = what.to_string();
                help = Some(fix);
            } else if past_the_end {
                let last = text.lines().last().map_or(0, |l| l.chars().count());
                place = Some((lines, last + 1));
            }
        }
        YamlError {
            unknown_field: parse_unknown_field(&message),
            message,
            line: place.map(|(line, _)| line),
            column: place.map(|(_, column)| column),
            help,
        }
    })
}

/// Where libyaml says the construct it was reading began, what was left
/// open there, and how to close it, in plain words.
fn left_open(message: &str) -> Option<((usize, usize), &'static str, &'static str)> {
    let context = &message[message.rfind(", while ")?..];
    let (what, fix) = if context.contains("quoted scalar") {
        (
            "a quote opened here is never closed",
            "end the value with the same quote it starts with, on this line",
        )
    } else if context.contains("flow sequence") {
        (
            "a list opened here with `[` is never closed with `]`",
            "end the list with `]` on this line, as in [a, b]",
        )
    } else if context.contains("flow mapping") {
        (
            "a `{` opened here is never closed with `}`",
            "end it with `}` on this line, or remove the `{`",
        )
    } else {
        return None;
    };
    let at = &context[context.rfind(" at line ")? + " at line ".len()..];
    let (line, column) = at.split_once(" column ")?;
    let column: String = column.chars().take_while(char::is_ascii_digit).collect();
    Some(((line.parse().ok()?, column.parse().ok()?), what, fix))
}

/// Drops the library's own " at line N column M": callers add the right
/// line of the file, and a second, different number would only confuse.
fn without_positions(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(found) = rest.find(" at line ") {
        out.push_str(&rest[..found]);
        let after = &rest[found + " at line ".len()..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let after = &after[digits..];
        rest = match after.strip_prefix(" column ") {
            Some(column) => &column[column.bytes().take_while(u8::is_ascii_digit).count()..],
            None => after,
        };
    }
    out.push_str(rest);
    out
}

/// Reads serde's "unknown field `x`, expected one of `a`, `b`" wording.
fn parse_unknown_field(message: &str) -> Option<UnknownField> {
    let rest = &message[message.find("unknown field `")? + "unknown field `".len()..];
    let field = rest[..rest.find('`')?].to_string();
    let expected = rest
        .split_once("expected")
        .map(|(_, list)| {
            list.split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    Some(UnknownField { field, expected })
}

/// `text` as a YAML scalar that reads back as exactly `text`, quoted
/// when it needs to be.
pub fn scalar(text: &str) -> String {
    serde_yaml::to_string(text)
        .map_or_else(|_| format!("{text:?}"), |yaml| yaml.trim_end().to_string())
}

/// A flow list (`[a, "b: c"]`) of scalars.
pub fn flow_list(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|item| scalar(item)).collect();
    format!("[{}]", items.join(", "))
}

/// `value` as a block of YAML lines, each indented by `indent` spaces.
pub fn block(value: &serde_json::Value, indent: usize) -> String {
    let yaml = serde_yaml::to_string(value).unwrap_or_default();
    let pad = " ".repeat(indent);
    yaml.lines().map(|line| format!("{pad}{line}\n")).collect()
}

/// `text` with the top-level entry starting on 1-based `line` blanked out
/// (its key line and the indented or list lines under it). Lines are
/// kept, empty, so later errors still point at the right line.
pub fn blank_entry(text: &str, line: usize) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blanking = false;
    for (index, current) in text.split_inclusive('\n').enumerate() {
        let continues = current.starts_with([' ', '\t', '-']) || current.trim().is_empty();
        blanking = index + 1 == line || (blanking && continues && index + 1 > line);
        if blanking {
            if current.ends_with('\n') {
                out.push('\n');
            }
        } else {
            out.push_str(current);
        }
    }
    out
}

/// Where the value of the top-level `key` starts: 1-based line and column.
///
/// Used to point at a value that parsed as YAML but is wrong for us (a date
/// that does not exist, say), which the YAML library cannot locate.
pub fn value_position(text: &str, key: &str) -> Option<(usize, usize)> {
    text.lines()
        .enumerate()
        .find_map(|(index, line)| Some((index + 1, value_column(line, key)?)))
}

/// `value_position` of each of `keys` that is in `text`, in one pass: every
/// content file asks for a dozen.
pub fn value_positions<'k>(text: &str, keys: &[&'k str]) -> Vec<(&'k str, (usize, usize))> {
    let mut found: Vec<(&'k str, (usize, usize))> = Vec::new();
    for (index, line) in text.lines().enumerate() {
        for &key in keys {
            if let Some(column) = value_column(line, key)
                && !found.iter().any(|(done, _)| *done == key)
            {
                found.push((key, (index + 1, column)));
            }
        }
    }
    found
}

/// The 1-based column where the value of `key` starts on `line`, if the
/// line sets `key`.
fn value_column(line: &str, key: &str) -> Option<usize> {
    let rest = line.strip_prefix(key)?.trim_start();
    let value = rest.strip_prefix(':')?;
    let leading = value.len() - value.trim_start().len();
    let column = line.len() - value.len() + leading;
    Some(line[..column].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sample {
        title: String,
        date: Option<String>,
    }

    #[test]
    fn a_quote_or_list_left_open_is_reported_on_its_own_line() {
        let error = parse::<Sample>("title: \"Spring\ndate: x\nmore: y\n").unwrap_err();
        assert_eq!((error.line, error.column), (Some(1), Some(8)), "{error:?}");
        assert_eq!(error.message, "a quote opened here is never closed");
        assert!(
            error.help.is_some_and(|h| h.contains("same quote")),
            "{error:?}"
        );
        let error = parse::<Sample>("title: a\ndate: [b\n").unwrap_err();
        assert_eq!(error.line, Some(2), "{error:?}");
    }

    #[test]
    fn unknown_fields_are_reported_with_their_line() {
        let error = parse::<Sample>("title: a\ntitel: b\n").unwrap_err();
        assert_eq!(error.line, Some(2));
        let unknown = error.unknown_field.unwrap();
        assert_eq!(unknown.field, "titel");
        assert_eq!(unknown.expected, vec!["title", "date"]);
    }

    #[test]
    fn the_library_line_numbers_are_dropped_from_messages() {
        assert_eq!(
            without_positions("found a tab at line 2 column 1, while scanning at line 2 column 7"),
            "found a tab, while scanning"
        );
    }

    #[test]
    fn written_scalars_read_back_the_same() {
        for text in [
            "plain",
            "Know your rights: at home",
            "[translate] ¿Qué?",
            "42",
            "yes",
            "- dash",
            "'q' \"qq\"",
        ] {
            let yaml = format!("title: {}\n", scalar(text));
            let parsed: Sample = parse(&yaml).unwrap();
            assert_eq!(parsed.title, text, "{yaml}");
        }
    }

    #[test]
    fn values_are_located_by_key() {
        assert_eq!(
            value_position("title: x\ndate:  2026-02-30\n", "date"),
            Some((2, 8))
        );
        assert_eq!(value_position("title: x\n", "date"), None);
        assert_eq!(
            value_positions(
                "title: x\ncover_alt: y\ncover: z\ntitle: again\n",
                &["cover", "date", "title"]
            ),
            [("title", (1, 8)), ("cover", (3, 8))]
        );
    }
}
