//! Link and image URLs in a body: the one list of URL schemes content may
//! use (`SAFE_SCHEMES`), how a scheme is read (more strictly than
//! browsers read it), whether a URL can stay (`unusable_link`, the same
//! rule as the sanitizer's), and links between content files turned into
//! page URLs.
//!
//! Decides on URLs only: it writes no HTML and calls no sanitizer, and
//! the sanitizer's own check of a URL stays in `sanitizer`, which takes
//! its schemes from here.

use super::Body;
use crate::diagnostics::{Diagnostic, Location};
use std::path::{Component, Path, PathBuf};

/// The one list of URL schemes a link or image in content may use, in
/// Markdown and raw HTML alike: the web, email, phone and text messages,
/// maps, file transfer, and the messaging apps this audience uses
/// (Signal's `sgnl:`, WhatsApp, Telegram's `tg:`, Matrix, XMPP).
/// Anything else (`javascript:`, `vbscript:`, `data:`) is removed.
pub(crate) const SAFE_SCHEMES: &[&str] = &[
    "http", "https", "mailto", "tel", "sms", "smsto", "geo", "ftp", "ftps", "sgnl", "whatsapp",
    "tg", "matrix", "xmpp", "webcal",
];

/// Why the link or image `url` cannot stay, as a warning; `None` if it
/// can. The same rule as the sanitizer's, so that a body without raw
/// HTML, which skips it, keeps exactly the URLs it would keep: a scheme
/// of `SAFE_SCHEMES` (read more strictly than browsers read it), and an
/// address the URL standard can parse as pulldown-cmark writes it.
pub(super) fn unusable_link(
    body: &Body,
    url: &str,
    location: &dyn Fn() -> Location,
) -> Option<Diagnostic> {
    // Without a scheme (as read here, more strictly than the URL standard
    // does) an address is relative, which the sanitizer keeps: most links
    // end here, without the cost of writing and parsing them.
    let scheme = scheme_of(url)?;
    if !SAFE_SCHEMES.contains(&scheme.as_str()) {
        return Some(
            Diagnostic::warning(
                body.path,
                format!("the link `{url}` was removed: links may not run scripts"),
            )
            .at(location())
            .help("link to a web page (https://...), an email address (mailto:...), a phone (tel:...) or a messaging app (sgnl://, whatsapp://)"),
        );
    }
    if !sanitizer_keeps_url(&href_as_written(url)) {
        return Some(
            Diagnostic::warning(
                body.path,
                format!("the link `{url}` was removed: it is not an address a browser can open"),
            )
            .at(location())
            .help("check the address: a web address looks like https://example.org/page"),
        );
    }
    None
}

/// `url` as it reaches the sanitizer once pulldown-cmark has written it
/// into an attribute (percent-encoded) and an HTML parser has read it
/// back (`&amp;` and `&#x27;` decoded).
pub(super) fn href_as_written(url: &str) -> String {
    let mut written = String::with_capacity(url.len());
    if pulldown_cmark_escape::escape_href(&mut written, url).is_err() {
        return String::new();
    }
    written.replace("&amp;", "&").replace("&#x27;", "'")
}

/// Whether ammonia keeps `url` in a link or image: a URL the URL
/// standard parses, with a scheme of `SAFE_SCHEMES`, or a relative one.
fn sanitizer_keeps_url(url: &str) -> bool {
    match url::Url::parse(url) {
        Ok(parsed) => SAFE_SCHEMES.contains(&parsed.scheme()),
        Err(url::ParseError::RelativeUrlWithoutBase) => true,
        Err(_) => false,
    }
}

/// Rewrites a link's destination if needed: unsafe schemes are removed,
/// links to other content files become page URLs.
pub(super) fn rewrite_link(
    body: &Body,
    dest: &str,
    location: &dyn Fn() -> Location,
    resolve: &dyn Fn(&Path) -> Option<String>,
    problems: &mut Vec<Diagnostic>,
) -> Option<String> {
    if let Some(problem) = unusable_link(body, dest, location) {
        problems.push(problem);
        return Some(String::new());
    }
    let (path_part, fragment) = match dest.split_once('#') {
        Some((path, fragment)) => (path, Some(fragment)),
        None => (dest, None),
    };
    if has_scheme(dest) || dest.starts_with('/') || !path_part.ends_with(".md") {
        return None;
    }
    let directory = body.path.parent().unwrap_or(Path::new(""));
    let target = normalize(&directory.join(path_part));
    match target.as_deref().and_then(resolve) {
        Some(url) => Some(match fragment {
            Some(fragment) => format!("{url}#{fragment}"),
            None => url,
        }),
        None => {
            problems.push(
                Diagnostic::warning(body.path, format!("the link `{dest}` points to no content file"))
                    .at(location())
                    .help("check the path: links between issues look like ../2026-03-spring-meeting/index.en.md")
                    .strict(),
            );
            None
        }
    }
}

/// Folds `..` and `.` without touching the disk; `None` if it climbs
/// above the site root.
fn normalize(path: &Path) -> Option<PathBuf> {
    let mut parts: Vec<&std::ffi::OsStr> = Vec::new();
    for component in path.components() {
        match component {
            Component::Normal(part) => parts.push(part),
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::CurDir => {}
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(parts.iter().collect())
}

fn has_scheme(url: &str) -> bool {
    scheme_of(url).is_some()
}

/// The scheme of `url` in lower case (`javascript`, `https`), ignoring
/// the control characters and spaces browsers ignore; `None` for a
/// relative URL. Runs on every link, so it allocates only for a scheme.
fn scheme_of(url: &str) -> Option<String> {
    let mut scheme = String::new();
    for c in url.chars() {
        if c.is_ascii_control() || c.is_whitespace() {
            continue;
        }
        if c == ':' {
            return (!scheme.is_empty()).then_some(scheme);
        }
        if !(c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')) {
            return None;
        }
        scheme.push(c.to_ascii_lowercase());
    }
    None
}

/// Whether `url` is relative or has a scheme of `SAFE_SCHEMES`.
pub(super) fn scheme_is_safe(url: &str) -> bool {
    scheme_of(url).is_none_or(|s| SAFE_SCHEMES.contains(&s.as_str()))
}

#[cfg(test)]
mod tests {
    use super::super::render_text;
    use super::*;
    use crate::config::RawHtml;

    #[test]
    fn schemes_are_read_the_way_browsers_read_them() {
        assert_eq!(scheme_of("HTTPS://example.org").as_deref(), Some("https"));
        assert_eq!(
            scheme_of(" java\tscript:alert(1)").as_deref(),
            Some("javascript")
        );
        assert_eq!(
            scheme_of("jav\u{1}ascript:x").as_deref(),
            Some("javascript")
        );
        assert_eq!(scheme_of("mailto:a@b.org").as_deref(), Some("mailto"));
        assert_eq!(scheme_of("../issue/index.en.md"), None);
        assert_eq!(scheme_of("/path:with/colon"), None);
        assert_eq!(scheme_of("#anchor"), None);
        assert_eq!(scheme_of(":nothing-before"), None);
        assert!(!scheme_is_safe("JavaScript:alert(1)"));
        assert!(scheme_is_safe("page.html"));
    }

    #[test]
    fn links_to_other_content_files_become_page_urls() {
        let rendered = render_text(
            "[b](../b/index.en.md#top) [x](../x/index.en.md)\n",
            RawHtml::Sanitize,
        );
        assert!(
            rendered.html.contains(r#"href="/en/issues/b/#top""#),
            "{}",
            rendered.html
        );
        assert_eq!(rendered.problems.len(), 1);
        assert_eq!(rendered.problems[0].location.as_ref().unwrap().line, 5);
    }

    #[test]
    fn paths_fold_without_climbing_above_the_site_root() {
        assert_eq!(
            normalize(Path::new("content/issues/a/../b/./index.en.md")),
            Some(PathBuf::from("content/issues/b/index.en.md"))
        );
        assert_eq!(normalize(Path::new("content/../../x.md")), None);
        assert_eq!(normalize(Path::new("/etc/passwd.md")), None);
    }
}
