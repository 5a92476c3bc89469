//! The typed pass: a YAML text read into the caller's struct by
//! serde-saphyr, with the path of every key the struct does not take, and
//! the fields a struct does take (for "did you mean"). Also the cheap
//! look at the raw text that says whether the walk must come first.
//!
//! Finds no position itself: where each unknown key is written comes
//! from `Keys`, and serde-saphyr's errors are put in plain words by
//! `errors`.

use super::MAX_ALIAS_EVENTS;
use super::introspect;
use serde::de::DeserializeOwned;

/// The typed pass: `text` read into `T` by serde-saphyr, and the path of
/// every key `T` does not take.
pub(super) fn typed<T: DeserializeOwned>(
    text: &str,
) -> (Result<T, serde_saphyr::Error>, Vec<Vec<String>>) {
    // A text with no value at all (empty, or only comments) is read as
    // an empty mapping, so a required key is reported as missing.
    let text = if has_value(text) { text } else { "{}" };
    let mut options = serde_saphyr::Options::default();
    options.alias_limits.max_total_replayed_events = MAX_ALIAS_EVENTS;
    options.with_snippet = false;
    let mut ignored: Vec<Vec<String>> = Vec::new();
    let result = serde_saphyr::with_deserializer_from_str_with_options(text, options, |de| {
        serde_ignored::deserialize(de, |path| ignored.push(segments(&path)))
    });
    (result, ignored)
}

/// Whether `text` may hold what serde-saphyr accepts but the walk refuses:
/// an alias (`*name`), or a mapping below the top one (`{`, or an indented
/// line with a key). Front matter seldom has either.
pub(super) fn may_hide_problems(text: &str) -> bool {
    text.contains(['*', '{'])
        || text
            .lines()
            .any(|line| line.starts_with([' ', '\t']) && line.contains([':', '?']))
}

/// Whether `text` holds a YAML value (anything but blank and comments).
fn has_value(text: &str) -> bool {
    text.lines().any(|line| {
        let line = line.trim();
        !line.is_empty() && !line.starts_with('#') && line != "---" && line != "..."
    })
}

/// The path serde_ignored gives, as keys and list positions.
fn segments(path: &serde_ignored::Path<'_>) -> Vec<String> {
    use serde_ignored::Path;
    let mut out = Vec::new();
    let mut at = path;
    loop {
        at = match at {
            Path::Root => break,
            Path::Seq { parent, index } => {
                out.push(index.to_string());
                parent
            }
            Path::Map { parent, key } => {
                out.push(key.clone());
                parent
            }
            Path::Some { parent }
            | Path::NewtypeStruct { parent }
            | Path::NewtypeVariant { parent } => parent,
        };
    }
    out.reverse();
    out
}

/// The fields the struct at `path` inside `T` takes, asked of `T`'s own
/// `Deserialize` (the names serde's derive lists), for "did you mean".
pub(super) fn fields_at<T: DeserializeOwned>(path: &[String]) -> Vec<String> {
    match T::deserialize(introspect::FieldsAt { path }) {
        Err(introspect::Found::Fields(fields)) => fields.iter().map(|f| f.to_string()).collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_aliases_and_nested_mappings_keep_the_walk() {
        for text in ["a: *x\n", "a: {b: c}\n", "a:\n  b: c\n", "a:\n\t? b\n"] {
            assert!(may_hide_problems(text), "{text:?}");
        }
        for text in [
            "a: b\nc: [d, e]\n",
            "a:\n  - b\n  - c\n",
            "a: \"b: c?\"\n",
            "",
        ] {
            assert!(!may_hide_problems(text), "{text:?}");
        }
    }
}
