//! The characters XML forbids, taken out of a body *before* it becomes
//! HTML: out of the text pulldown-cmark decoded from character references
//! (`&#1;`), and out of the numeric character references of raw HTML,
//! which the sanitizer's parser would otherwise decode into its output.
//!
//! Never run on finished HTML: removing a character there can join
//! `java&#1;script:` into a live link. The raw text of a body is cleaned
//! once by `text::without_forbidden_characters`, before it is parsed.

use crate::text::without_forbidden_characters;
use pulldown_cmark::CowStr;
use std::borrow::Cow;

/// Takes the characters XML forbids out of text pulldown-cmark decoded
/// from a character reference (`&#1;`): they would otherwise reach the
/// sanitizer's output. Text borrowed from the body is a slice of the
/// cleaned text already, so only text pulldown-cmark made is looked at
/// (looking at every piece was 3% of a build).
pub(super) fn clean_decoded(text: &mut CowStr) {
    if matches!(text, CowStr::Borrowed(_)) {
        return;
    }
    if let Cow::Owned(cleaned) = without_forbidden_characters(text) {
        *text = cleaned.into();
    }
}

/// `html` with every numeric character reference to a character XML
/// forbids (`&#1;`, `&#x0B`, `&#0000127;`) made `&#xFFFD;`, the
/// replacement character; `None` when there is none. Named references
/// never stand for such a character, so the sanitizer's HTML parser can
/// only put one in its output through these.
pub(super) fn without_forbidden_references(html: &str) -> Option<String> {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    let mut from = 0;
    let mut index = 0;
    while let Some(found) = html[index..].find("&#") {
        let start = index + found;
        let mut at = start + 2;
        let hex = matches!(bytes.get(at), Some(b'x' | b'X'));
        if hex {
            at += 1;
        }
        let digits_start = at;
        let mut value: u32 = 0;
        while let Some(&b) = bytes.get(at) {
            let digit = match (hex, b) {
                (_, b'0'..=b'9') => u32::from(b - b'0'),
                (true, b'a'..=b'f') => u32::from(b - b'a' + 10),
                (true, b'A'..=b'F') => u32::from(b - b'A' + 10),
                _ => break,
            };
            value = value
                .saturating_mul(if hex { 16 } else { 10 })
                .saturating_add(digit);
            at += 1;
        }
        if at > digits_start && is_forbidden_code_point(value) {
            if bytes.get(at) == Some(&b';') {
                at += 1;
            }
            let out = out.get_or_insert_with(|| String::with_capacity(html.len()));
            out.push_str(&html[from..start]);
            out.push_str("&#xFFFD;");
            from = at;
        }
        index = at.max(start + 2);
    }
    let mut out = out?;
    out.push_str(&html[from..]);
    Some(out)
}

/// Whether a character reference to `value` would decode to a character
/// XML forbids. (HTML's parser turns 0, surrogates and values past
/// U+10FFFF into U+FFFD itself, and maps 0x80–0x9F to printable
/// characters.)
fn is_forbidden_code_point(value: u32) -> bool {
    matches!(value, 0x01..=0x08 | 0x0b | 0x0c | 0x0e..=0x1f | 0x7f | 0xfffe | 0xffff)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_to_forbidden_characters_become_the_replacement_character() {
        assert_eq!(
            without_forbidden_references("<a href=\"java&#1;script:x\">&#x0B &#0000127;</a>")
                .as_deref(),
            Some("<a href=\"java&#xFFFD;script:x\">&#xFFFD; &#xFFFD;</a>")
        );
        assert_eq!(
            without_forbidden_references("&#XfFfE;&#65;&#0;&#x;&#").as_deref(),
            Some("&#xFFFD;&#65;&#0;&#x;&#")
        );
        assert_eq!(without_forbidden_references("&amp; &#9; &#x20AC;"), None);
    }

    #[test]
    fn only_decoded_text_is_cleaned() {
        let mut decoded = CowStr::from("a\u{1}b".to_string());
        clean_decoded(&mut decoded);
        assert_eq!(decoded.as_ref(), "ab");
        let mut borrowed = CowStr::Borrowed("left\u{1}alone");
        clean_decoded(&mut borrowed);
        assert_eq!(borrowed.as_ref(), "left\u{1}alone");
    }
}
