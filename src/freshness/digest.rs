//! The digest of a source text that a translation records as
//! `source_digest`, so `status` can tell when the source changed since.
//!
//! Only what translators translate counts (title, summary, body), and it
//! is normalised first so that line endings, trailing spaces and blank
//! lines at the ends do not make a translation look outdated.

use sha2::{Digest, Sha256};

/// Length of a digest in hex digits: 64 bits, plenty to notice a change.
const DIGEST_HEX_LEN: usize = 16;

/// The digest of a source's title, summary and body.
pub(crate) fn source_digest(title: &str, summary: Option<&str>, body: &str) -> String {
    let mut hasher = Sha256::new();
    for part in [title, summary.unwrap_or(""), body] {
        hasher.update(normalize(part).as_bytes());
        // A separator no text contains, so moving words between the
        // parts changes the digest.
        hasher.update([0u8]);
    }
    let hash = hasher.finalize();
    hash.iter()
        .take(DIGEST_HEX_LEN / 2)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Whether `text` has the form of a digest boletin writes.
pub(crate) fn is_well_formed(text: &str) -> bool {
    text.len() == DIGEST_HEX_LEN
        && text
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
}

fn normalize(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let first = lines
        .iter()
        .position(|l| !l.is_empty())
        .unwrap_or(lines.len());
    let last = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(first, |i| i + 1);
    lines[first..last].join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_and_trailing_space_do_not_matter() {
        let a = source_digest("Title", Some("Sum"), "One\nTwo\n");
        let b = source_digest("Title ", Some("Sum"), "\r\nOne  \r\nTwo\r\n\r\n");
        assert_eq!(a, b);
        assert!(is_well_formed(&a));
    }

    #[test]
    fn changing_any_part_changes_the_digest() {
        let a = source_digest("Title", Some("Sum"), "Body");
        assert_ne!(a, source_digest("Title!", Some("Sum"), "Body"));
        assert_ne!(a, source_digest("Title", None, "Body"));
        assert_ne!(a, source_digest("Title", Some("Sum"), "Body."));
        assert_ne!(
            source_digest("ab", None, "c"),
            source_digest("a", None, "bc")
        );
    }

    #[test]
    fn only_our_form_is_well_formed() {
        assert!(!is_well_formed("abc"));
        assert!(!is_well_formed("ZZZZZZZZZZZZZZZZ"));
        assert!(!is_well_formed("0123456789ABCDEF"));
    }
}
