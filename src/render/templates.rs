//! The theme's templates compiled once, and the text rules every
//! template output follows: escaping for HTML and XML, and no character
//! XML forbids. Template problems become diagnostics naming the template,
//! and so do templates that would never finish rendering (`recursion`)
//! or are nested too deep to render (`nesting`).

use crate::diagnostics::{Diagnostic, Location};
use crate::load::theme::Theme;
use std::collections::HashMap;
use std::path::PathBuf;
use tera::Tera;

mod nesting;
mod recursion;

/// The theme's templates, parsed once.
pub struct Templates {
    pub(super) tera: Tera,
    /// Where each template came from, for diagnostics.
    pub(super) paths: HashMap<String, PathBuf>,
}

impl Templates {
    /// Parses every template; a syntax error names the template and line.
    pub fn compile(theme: &Theme) -> Result<Templates, Diagnostic> {
        Ok(Templates {
            tera: compile_templates(theme)?,
            paths: theme
                .templates
                .iter()
                .map(|t| (t.name.clone(), t.path.clone()))
                .collect(),
        })
    }
}

/// Parses every template once; a syntax error names the template and line.
fn compile_templates(theme: &Theme) -> Result<Tera, Diagnostic> {
    nesting::check(theme)?;
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html", ".xml"]);
    tera.set_escape_fn(escape);
    let sources: Vec<(&str, &str)> = theme
        .templates
        .iter()
        .map(|t| (t.name.as_str(), t.text.as_str()))
        .collect();
    tera.add_raw_templates(sources).map_err(|error| {
        let text = error_chain(&error);
        let template = theme.templates.iter().find(|t| {
            text.contains(&format!("'{}'", t.name)) || text.contains(&format!("\"{}\"", t.name))
        });
        let path = template.map_or_else(|| PathBuf::from("themes"), |t| t.path.clone());
        let location = template.and_then(|t| {
            tera_location(&text).map(|(l, c)| Location::at_line_column(&t.text, l, c))
        });
        let reason = text
            .lines()
            .last()
            .unwrap_or_default()
            .trim_start_matches([' ', '=']);
        Diagnostic::error(path, format!("the template cannot be read: {reason}"))
            .at_opt(location)
            .help("check the {{ }} and {% %} tags near this line")
    })?;
    recursion::check(&tera, theme)?;
    Ok(tera)
}

/// Escapes text for HTML and XML. Tera's own escaper also turns `/` into
/// `&#x2F;`, which only makes every URL longer.
///
/// It runs on every value of every page, so it jumps from one byte worth
/// a look to the next and copies the text between in one go.
pub fn escape(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut escaped = String::with_capacity(text.len() + 16);
    let mut from = 0;
    let mut index = 0;
    while let Some(offset) = bytes[index..]
        .iter()
        .position(|&b| WORTH_A_LOOK[b as usize])
    {
        let at = index + offset;
        let (replacement, len) = match bytes[at] {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' => ("&quot;", 1),
            b'\'' => ("&#39;", 1),
            _ => ("", forbidden_len(bytes, at)),
        };
        if len == 0 {
            // 0xEF starting a character XML allows.
            index = at + 1;
            continue;
        }
        escaped.push_str(&text[from..at]);
        escaped.push_str(replacement);
        from = at + len;
        index = from;
    }
    escaped.push_str(&text[from..]);
    escaped
}

/// The bytes `escape` stops at: markup characters, and the first byte of
/// every character `forbidden_len` may remove.
const WORTH_A_LOOK: [bool; 256] = byte_table(true);

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
fn forbidden_len(bytes: &[u8], index: usize) -> usize {
    match bytes[index] {
        b'\t' | b'\n' | b'\r' => 0,
        0..=0x1f | 0x7f => 1,
        0xef if matches!(bytes.get(index + 1..index + 3), Some([0xbf, 0xbe | 0xbf])) => 3,
        _ => 0,
    }
}

/// `html` without the characters XML does not allow.
pub(super) fn without_control_characters(html: String) -> String {
    let bytes = html.as_bytes();
    if !may_hold_forbidden(bytes) || !(0..bytes.len()).any(|i| forbidden_at(bytes, i)) {
        return html;
    }
    let mut cleaned = String::with_capacity(html.len());
    let mut index = 0;
    let mut from = 0;
    while index < bytes.len() {
        let len = forbidden_len(bytes, index);
        if len > 0 {
            cleaned.push_str(&html[from..index]);
            index += len;
            from = index;
        } else {
            index += 1;
        }
    }
    cleaned.push_str(&html[from..]);
    cleaned
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

/// Tera reports positions as ` --> line:column`.
fn tera_location(text: &str) -> Option<(usize, usize)> {
    let rest = &text[text.find("--> ")? + 4..];
    let (line, rest) = rest.split_once(':')?;
    let column: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((line.trim().parse().ok()?, column.parse().ok()?))
}

/// An error and its causes, one per line, the way Tera explains itself.
pub(super) fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push('\n');
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_markup_and_drops_what_xml_forbids() {
        assert_eq!(escape("a<b>&\"c'd"), "a&lt;b&gt;&amp;&quot;c&#39;d");
        assert_eq!(escape("ñ\u{1}x\u{b}\ty\u{fffe}z\u{ffff}é"), "ñx\tyzé");
        assert_eq!(escape("\u{f8ff}\u{fffd}\u{fffe}"), "\u{f8ff}\u{fffd}");
        assert_eq!(escape("plain"), "plain");
        assert_eq!(escape("&"), "&amp;");
        assert_eq!(escape(""), "");
        assert_eq!(
            without_control_characters("<p>a\u{1b}b\u{fffe}</p>\n".to_string()),
            "<p>ab</p>\n"
        );
        assert_eq!(without_control_characters("plain ñ".to_string()), "plain ñ");
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
