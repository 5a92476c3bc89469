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
        let location = error.location();
        let full = error.to_string();
        let message = match full.rfind(" at line ") {
            Some(i) => full[..i].to_string(),
            None => full,
        };
        YamlError {
            unknown_field: parse_unknown_field(&message),
            message,
            line: location.as_ref().map(|l| l.line()),
            column: location.as_ref().map(|l| l.column()),
        }
    })
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

/// Where the value of the top-level `key` starts: 1-based line and column.
///
/// Used to point at a value that parsed as YAML but is wrong for us (a date
/// that does not exist, say), which the YAML library cannot locate.
pub fn value_position(text: &str, key: &str) -> Option<(usize, usize)> {
    text.lines().enumerate().find_map(|(index, line)| {
        let rest = line.strip_prefix(key)?.trim_start();
        let value = rest.strip_prefix(':')?;
        let leading = value.len() - value.trim_start().len();
        let column = line.len() - value.len() + leading;
        Some((index + 1, line[..column].chars().count() + 1))
    })
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
    fn unknown_fields_are_reported_with_their_line() {
        let error = parse::<Sample>("title: a\ntitel: b\n").unwrap_err();
        assert_eq!(error.line, Some(2));
        let unknown = error.unknown_field.unwrap();
        assert_eq!(unknown.field, "titel");
        assert_eq!(unknown.expected, vec!["title", "date"]);
    }

    #[test]
    fn values_are_located_by_key() {
        assert_eq!(
            value_position("title: x\ndate:  2026-02-30\n", "date"),
            Some((2, 8))
        );
        assert_eq!(value_position("title: x\n", "date"), None);
    }
}
