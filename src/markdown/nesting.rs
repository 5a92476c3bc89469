//! The nesting limit: a body whose Markdown blocks and raw HTML elements
//! nest deeper than `MAX_NESTING` is refused before anything renders it.
//! html5ever, in the sanitizer, takes time in the square of the depth
//! (100 KB of `>` ran for minutes); no newsletter nests so.
//!
//! Counts only: it estimates the depth of raw HTML from its tags and is
//! not an HTML parser (the sanitizer parses), and changes no event.

use crate::diagnostics::{Diagnostic, Location};
use pulldown_cmark::Event;
use std::ops::Range;
use std::path::Path;

/// How deep Markdown blocks and raw HTML elements may nest in a body.
pub(super) const MAX_NESTING: usize = 100;

/// HTML elements that never hold others, so an open tag of one does not
/// nest what follows.
const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// The error for a body that nests too deep at `location`.
pub(super) fn too_deep_error(path: &Path, location: Location) -> Diagnostic {
    Diagnostic::error(
        path,
        format!("the text nests more than {MAX_NESTING} levels deep here (quotes, lists or HTML elements inside each other)"),
    )
    .at(location)
    .help("use fewer levels: a quote inside a quote, or a list inside a list, is rarely needed more than a few times")
}

/// Where the body first nests deeper than `MAX_NESTING`, counting
/// Markdown's blocks and inline spans and the elements raw HTML opens
/// and closes; `None` if it never does.
pub(super) fn too_deep(events: &[(Event, Range<usize>)]) -> Option<Range<usize>> {
    let mut depth: usize = 0;
    for (event, range) in events {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Html(html) | Event::InlineHtml(html) => {
                for tag in tags_in(html) {
                    if VOID_ELEMENTS.contains(&tag.name.as_str()) {
                        continue;
                    }
                    if tag.opens {
                        depth += 1;
                    } else {
                        depth = depth.saturating_sub(1);
                    }
                    if depth > MAX_NESTING {
                        return Some(range.clone());
                    }
                }
            }
            _ => {}
        }
        if depth > MAX_NESTING {
            return Some(range.clone());
        }
    }
    None
}

/// A tag of raw HTML, as `tags_in` reads it.
#[derive(Debug, PartialEq, Eq)]
struct RawTag {
    /// Whether it opens an element (`<div>`) or closes one (`</div>`).
    opens: bool,
    /// The element's name in lower case.
    name: String,
}

/// The tags of a piece of raw HTML, in order. Tags that close themselves
/// (`<br/>`) are left out. An estimate of nesting for `too_deep`, not a
/// parser: the sanitizer parses.
fn tags_in(html: &str) -> Vec<RawTag> {
    let mut tags = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let (opens, after) = match rest.strip_prefix('/') {
            Some(after) => (false, after),
            None => (true, rest),
        };
        let name: String = after
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let end = after.find('>').unwrap_or(after.len());
        if opens && after[..end].ends_with('/') {
            continue;
        }
        tags.push(RawTag { opens, name });
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::super::render_text;
    use super::*;
    use crate::config::RawHtml;

    #[test]
    fn bodies_that_nest_too_deep_are_refused_at_their_line() {
        for text in [
            format!("ok\n\n{}deep\n", "> ".repeat(MAX_NESTING + 1)),
            format!("ok\n\n{}deep\n", "<div>".repeat(MAX_NESTING + 1)),
        ] {
            let rendered = render_text(&text, RawHtml::Sanitize);
            assert_eq!(rendered.problems.len(), 1, "{text}");
            assert_eq!(rendered.problems[0].location.as_ref().unwrap().line, 7);
            assert!(rendered.html.is_empty());
        }
        let fine = format!(
            "{}fine\n\n{}<br><img src=a.png alt=a></div>\n",
            "> ".repeat(40),
            "<div>".repeat(40)
        );
        assert!(render_text(&fine, RawHtml::Sanitize).problems.is_empty());
    }

    #[test]
    fn tags_are_read_opening_closing_and_in_lower_case() {
        let div = |opens| RawTag {
            opens,
            name: "div".to_string(),
        };
        assert_eq!(
            tags_in("<DIV class=a><br/>< p></Div><1x><!-- c -->"),
            [div(true), div(false)]
        );
    }
}
