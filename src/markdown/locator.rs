//! Byte offsets in a body turned into locations in its content file (line,
//! column, the line's text), for every problem and kept link.
//!
//! Reads the body's text only; it knows nothing of Markdown.

use super::Body;
use crate::diagnostics::Location;
use std::cell::OnceCell;
use std::ops::Range;

/// Turns byte offsets in a body into locations in its file, indexing the
/// body's lines the first time one is needed: most bodies need some (every
/// link gets one), and finding each line from the start was quadratic.
pub(super) struct Locator<'a> {
    body: &'a Body<'a>,
    line_starts: OnceCell<Vec<usize>>,
}

impl<'a> Locator<'a> {
    pub(super) fn new(body: &'a Body<'a>) -> Locator<'a> {
        Locator {
            body,
            line_starts: OnceCell::new(),
        }
    }

    /// Where `range` of the body's text is in the content file.
    pub(super) fn locate(&self, range: Range<usize>) -> Location {
        let text = self.body.text;
        let starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        let offset = range.start.min(text.len());
        let index = starts
            .partition_point(|&start| start <= offset)
            .saturating_sub(1);
        let line_start = starts[index];
        let line_end = starts.get(index + 1).map_or(text.len(), |next| next - 1);
        Location::in_line(
            &text[line_start..line_end],
            index + self.body.first_line,
            offset - line_start,
            range.len(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::RawHtml;
    use std::path::Path;

    #[test]
    fn offsets_are_located_at_the_file_line_of_the_body() {
        let body = Body {
            path: Path::new("content/issues/a/index.en.md"),
            text: "first\nsecond line\n\nlast",
            first_line: 5,
            raw_html: RawHtml::Sanitize,
            keep_links: false,
        };
        let locator = Locator::new(&body);
        assert_eq!(locator.locate(0..5).line, 5);
        assert_eq!(locator.locate(13..17).line, 6);
        assert_eq!(locator.locate(13..17).column, 8);
        assert_eq!(locator.locate(19..23).line, 8);
        // Past the end (never given by the parser) stays on the last line.
        assert_eq!(locator.locate(99..100).line, 8);
    }
}
