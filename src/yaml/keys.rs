//! The place of every key of a YAML text (`Keys`), by path from the
//! root, as the event walk found them: during `parse` when it walked the
//! text, otherwise the first time a caller asks (a text with no problem
//! is read only once, by the typed pass, unless one does).
//!
//! Answers where a key and its value are written; it judges nothing (the
//! walk reports keys set twice, the typed pass unknown ones).

use super::walk::walk;
use std::cell::OnceCell;

/// The place of every key of a YAML text, by path (`["languages", "en"]`),
/// found in one pass of the parser's events the first time one is asked
/// for (most texts are never asked).
#[derive(Debug)]
pub(crate) struct Keys<'t> {
    text: &'t str,
    entries: OnceCell<Vec<KeyEntry>>,
}

/// One key of the text, at its first setting.
#[derive(Debug)]
pub(super) struct KeyEntry {
    /// Path of the key from the root, the key itself last.
    pub(super) path: Vec<String>,
    /// 1-based line and column of the key.
    pub(super) key: (usize, usize),
    /// 1-based line and column of its value.
    pub(super) value: (usize, usize),
}

impl<'t> Keys<'t> {
    /// The keys of `text`, to be found when first asked for.
    pub(crate) fn of(text: &'t str) -> Keys<'t> {
        Keys {
            text,
            entries: OnceCell::new(),
        }
    }

    /// The keys of `text`, found already by the walk.
    pub(super) fn found(text: &'t str, entries: Vec<KeyEntry>) -> Keys<'t> {
        Keys {
            text,
            entries: OnceCell::from(entries),
        }
    }

    /// Every key, walking the text the first time (none if it is not
    /// valid YAML).
    pub(super) fn entries(&self) -> &[KeyEntry] {
        self.entries
            .get_or_init(|| walk(self.text).map_or_else(|_| Vec::new(), |(keys, _)| keys))
    }

    fn find(&self, path: &[&str]) -> Option<&KeyEntry> {
        self.entries().iter().find(|entry| {
            entry
                .path
                .iter()
                .map(String::as_str)
                .eq(path.iter().copied())
        })
    }

    /// Where the value of the key at `path` starts (its first setting).
    pub(crate) fn value(&self, path: &[&str]) -> Option<(usize, usize)> {
        self.find(path).map(|entry| entry.value)
    }

    /// Where the key at `path` is written (its first setting).
    pub(crate) fn key(&self, path: &[&str]) -> Option<(usize, usize)> {
        self.find(path).map(|entry| entry.key)
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::super::samples::Sample;

    #[test]
    fn the_keys_of_a_text_with_no_problem_are_found_when_asked() {
        let parsed = parse::<Sample>("title: a\ndate:   b\n");
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        assert_eq!(parsed.keys.value(&["date"]), Some((2, 9)));
        assert_eq!(parsed.keys.key(&["date"]), Some((2, 1)));
        assert_eq!(parsed.keys.value(&["slug"]), None);
    }
}
