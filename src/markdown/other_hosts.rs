//! Images and media a body loads from another site: whether a URL would
//! make the reader's browser ask another host, the `src`-like values of
//! raw HTML, and the warning that says what that costs the reader.
//!
//! Warns only: it removes nothing (the sanitizer and `links` decide what
//! stays) and reads raw HTML as text, never as the sanitizer's parser
//! does; what it misses there, the sanitizer notes on parsed attributes.

use super::Body;
use crate::diagnostics::{Diagnostic, Location};

/// Whether a browser loading `url` (an attribute's value as the HTML
/// parser gave it) would ask another host, read the way the URL standard
/// reads it: C0 controls and spaces around it dropped, tabs and line
/// breaks inside removed, `\` taken as `/`, so that `/\host/a.png` and
/// `&#104;ttps://host/` count.
pub(super) fn loads_from_elsewhere(url: &str) -> bool {
    let cleaned: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .map(|c| if c == '\\' { '/' } else { c })
        .collect();
    cleaned.starts_with("//")
        || url::Url::parse(&cleaned).is_ok_and(|u| matches!(u.scheme(), "http" | "https"))
}

/// The warning for a body that loads `url` from another site.
pub(super) fn outside_host_warning(body: &Body, url: &str, location: Location) -> Diagnostic {
    Diagnostic::warning(
        body.path,
        format!("this loads `{url}` from another site, which tells that site who reads the page"),
    )
    .at(location)
    .help("download the file and put it beside the issue, then use its name")
}

/// Values of `src`, `srcset`, `data` and `poster` attributes in a piece of raw HTML.
pub(super) fn raw_html_sources(html: &str) -> Vec<String> {
    let lower = html.to_ascii_lowercase();
    let mut sources = Vec::new();
    for attribute in ["src=", "srcset=", "data=", "poster="] {
        let mut from = 0;
        while let Some(found) = lower[from..].find(attribute) {
            let start = from + found + attribute.len();
            let rest = &html[start..];
            let value = match rest.chars().next() {
                Some(quote @ ('"' | '\'')) => rest[1..].split(quote).next().unwrap_or(""),
                _ => rest
                    .split(|c: char| c.is_whitespace() || c == '>')
                    .next()
                    .unwrap_or(""),
            };
            sources.push(value.to_string());
            from = start;
        }
    }
    sources
}

#[cfg(test)]
mod tests {
    use super::super::render_text;
    use super::*;
    use crate::config::RawHtml;

    #[test]
    fn images_from_other_hosts_are_warned_about_with_their_line() {
        let rendered = render_text(
            "text\n\n![x](https://cdn.example.com/a.png)\n\n<iframe src=\"//video.example\"></iframe>\n",
            RawHtml::Sanitize,
        );
        let lines: Vec<usize> = rendered
            .problems
            .iter()
            .map(|p| p.location.as_ref().unwrap().line)
            .collect();
        assert_eq!(lines, [7, 9]);
    }

    #[test]
    fn urls_are_read_for_their_host_the_way_browsers_read_them() {
        for url in [
            "https://cdn.example.com/a.png",
            "//cdn.example.com/a.png",
            "/\\cdn.example.com/a.png",
            " \thttps://cdn.example.com/",
            "ht\ntps://cdn.example.com/",
        ] {
            assert!(loads_from_elsewhere(url), "{url:?}");
        }
        for url in ["a.png", "/issues/a.png", "../a.png", "mailto:a@b.org"] {
            assert!(!loads_from_elsewhere(url), "{url:?}");
        }
    }

    #[test]
    fn sources_of_raw_html_are_found_quoted_or_not() {
        assert_eq!(
            raw_html_sources("<img SRC=\"a.png\"><video poster='b.jpg' src=c.mp4>"),
            ["a.png", "c.mp4", "b.jpg"]
        );
    }
}
