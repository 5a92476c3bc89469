//! Language codes and text direction.
//!
//! A `Lang` is checked once, when the configuration is read, so the rest of
//! the program never has to ask whether a language string is well formed.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A validated BCP 47 language tag such as `en`, `es` or `pt-BR`.
///
/// Only the subset a newsletter needs is accepted: a 2–3 letter language
/// subtag, then optional script or region subtags of letters and digits.
/// The tag is kept as written (`pt-BR`), because it appears in URLs and in
/// `lang` attributes.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub(crate) struct Lang(String);

impl Lang {
    /// Checks `code`; `None` when it is not a plain language tag.
    pub(crate) fn parse(code: &str) -> Option<Lang> {
        let mut parts = code.split('-');
        let language = parts.next()?;
        let language_ok =
            (2..=3).contains(&language.len()) && language.bytes().all(|b| b.is_ascii_lowercase());
        let rest_ok = parts
            .all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
        (language_ok && rest_ok).then(|| Lang(code.to_string()))
    }

    /// The tag as written in the configuration.
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Writing direction of a language, set with `dir:` in `boletin.yaml`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Direction {
    #[default]
    Ltr,
    Rtl,
}

impl Direction {
    /// The value of an HTML `dir` attribute.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_plain_tags_and_rejects_paths() {
        assert!(Lang::parse("en").is_some());
        assert!(Lang::parse("pt-BR").is_some());
        assert!(Lang::parse("ar").is_some());
        assert!(Lang::parse("EN").is_none());
        assert!(Lang::parse("e").is_none());
        assert!(Lang::parse("../x").is_none());
        assert!(Lang::parse("en/").is_none());
        assert!(Lang::parse("").is_none());
    }
}
