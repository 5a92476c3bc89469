//! The characters XML 1.0 (and so a feed, and the HTML syntax) does not
//! allow, found with byte tables because the search runs over every
//! page: control characters other than tab and line breaks, U+FFFE and
//! U+FFFF. `render::escape` drops them from template values; Markdown
//! bodies lose them before they are parsed (see `markdown`).

use std::borrow::Cow;

/// The bytes `escape` stops at: markup characters, and the first byte of
/// every character `forbidden_len` may remove.
pub(crate) const WORTH_A_LOOK: [bool; 256] = byte_table(true);

/// The first bytes of the characters `forbidden_len` may remove.
const MAY_BE_FORBIDDEN: [bool; 256] = byte_table(false);

/// Which bytes start a character `forbidden_len` may remove, and with
/// `markup` the characters `escape` replaces too: a table, for loops that
/// run over every byte of the site.
const fn byte_table(markup: bool) -> [bool; 256] {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = matches!(byte as u8, 0..=0x08 | 0x0b | 0x0c | 0x0e..=0x1f | 0x7f | 0xef)
            || (markup && matches!(byte as u8, b'&' | b'<' | b'>' | b'"' | b'\''));
        byte += 1;
    }
    table
}

/// Whether the character starting at byte `index` is one XML 1.0 (and so
/// a feed, and the HTML syntax) does not allow: control characters other
/// than tab and line breaks, and U+FFFE and U+FFFF. They break feed
/// readers. Checked on bytes: this runs over every page.
fn forbidden_at(bytes: &[u8], index: usize) -> bool {
    forbidden_len(bytes, index) > 0
}

/// The length in bytes of a forbidden character at `index`, or 0.
pub(crate) fn forbidden_len(bytes: &[u8], index: usize) -> usize {
    match bytes[index] {
        b'\t' | b'\n' | b'\r' => 0,
        0..=0x1f | 0x7f => 1,
        0xef if matches!(bytes.get(index + 1..index + 3), Some([0xbf, 0xbe | 0xbf])) => 3,
        _ => 0,
    }
}

/// `text` without the characters XML does not allow. Markdown bodies
/// pass through here before they are parsed, never after they are
/// sanitized: removing a character from finished HTML can join
/// `java\u{1}script:` into a live `javascript:` link.
pub(crate) fn without_forbidden_characters(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    if !may_hold_forbidden(bytes) || !(0..bytes.len()).any(|i| forbidden_at(bytes, i)) {
        return Cow::Borrowed(text);
    }
    let mut cleaned = String::with_capacity(text.len());
    let mut index = 0;
    let mut from = 0;
    while index < bytes.len() {
        let len = forbidden_len(bytes, index);
        if len > 0 {
            cleaned.push_str(&text[from..index]);
            index += len;
            from = index;
        } else {
            index += 1;
        }
    }
    cleaned.push_str(&text[from..]);
    Cow::Owned(cleaned)
}

/// A quick look, eight bytes at a time, for any byte in
/// `MAY_BE_FORBIDDEN`: nearly every body has none, and a byte at a time
/// this look was 3% of a build.
fn may_hold_forbidden(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // Whether a byte of `word` is below `limit` (at most 0x80); the
    // classic test from "Bit Twiddling Hacks".
    let has_below = |word: u64, limit: u64| word.wrapping_sub(ONES * limit) & !word & HIGHS != 0;
    let has_byte = |word: u64, byte: u64| has_below(word ^ (ONES * byte), 1);
    let in_table = |chunk: &[u8]| chunk.iter().any(|&b| MAY_BE_FORBIDDEN[b as usize]);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let word = u64::from_le_bytes(word);
        // Tabs and line breaks are below 0x20 too: the table decides.
        if (has_below(word, 0x20) || has_byte(word, 0x7f) || has_byte(word, 0xef))
            && in_table(chunk)
        {
            return true;
        }
    }
    in_table(chunks.remainder())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_characters_are_dropped_and_clean_text_is_borrowed() {
        assert_eq!(
            without_forbidden_characters("<p>a\u{1b}b\u{fffe}</p>\n"),
            "<p>ab</p>\n"
        );
        assert!(matches!(
            without_forbidden_characters("plain ñ\t\r\n"),
            Cow::Borrowed(_)
        ));
        for at in 0..17 {
            for byte in 0..=255u8 {
                let mut bytes = vec![b'a'; 17];
                bytes[at] = byte;
                assert_eq!(
                    may_hold_forbidden(&bytes),
                    MAY_BE_FORBIDDEN[byte as usize],
                    "byte {byte:#x} at {at}"
                );
            }
        }
    }
}
