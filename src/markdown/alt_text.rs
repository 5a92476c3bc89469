//! Images without a description (alt text) for readers who cannot see
//! them: found on the parsed events, reported as a strict warning.
//!
//! Finds and words the problem only; it changes no event.

use crate::diagnostics::{Diagnostic, Location};
use pulldown_cmark::{Event, Tag, TagEnd};
use std::ops::Range;
use std::path::Path;

/// Where images with an empty description (alt text) start.
pub(super) fn images_without_alt(events: &[(Event, Range<usize>)]) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut open: Option<(Range<usize>, bool)> = None;
    for (event, range) in events {
        match event {
            Event::Start(Tag::Image { .. }) => open = Some((range.clone(), false)),
            Event::Text(text) | Event::Code(text) if !text.trim().is_empty() => {
                if let Some((_, has_text)) = &mut open {
                    *has_text = true;
                }
            }
            Event::End(TagEnd::Image) => {
                if let Some((range, false)) = open.take() {
                    found.push(range);
                }
            }
            _ => {}
        }
    }
    found
}

/// The warning for an image at `location` that has no description.
pub(super) fn without_alt_warning(path: &Path, location: Location) -> Diagnostic {
    Diagnostic::warning(
        path,
        "this image has no description for readers who cannot see it",
    )
    .at(location)
    .help("write a short description between the brackets: ![Members at the March meeting](photo.jpg)")
    .strict()
}

#[cfg(test)]
mod tests {
    use super::super::render_text;
    use crate::config::RawHtml;

    #[test]
    fn images_without_description_are_found() {
        let rendered = render_text("![](a.png)\n\n![A chart](b.png)\n", RawHtml::Sanitize);
        assert_eq!(rendered.problems.len(), 1);
        assert!(rendered.problems[0].strict);
        assert_eq!(rendered.problems[0].location.as_ref().unwrap().line, 5);
    }
}
