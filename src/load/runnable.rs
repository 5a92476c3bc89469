//! The rule for a file beside an issue or page (an asset, a cover): it
//! is published as it is, on the site's own origin, without passing the
//! sanitizer and without the pages' Content-Security-Policy. So a file a
//! browser would open as a document that runs script, a web page or a
//! script beside an issue, is refused by name and never published; an SVG
//! image is published only when `svg` finds that it only draws. A file
//! whose name gives it no type a web server knows may be sent with none,
//! and a browser then guesses from its first bytes: one that starts like
//! a web page is refused too.
//!
//! The kind of a file is read from every part of its name after the first
//! dot, not only the last: some servers (Apache) serve `a.html.x` as a
//! web page. The site's own `static/` is not under this rule: the contract
//! says its files are copied as they are, and the site wrote them.

use super::svg;
use crate::diagnostics::{Diagnostic, Location};
use std::path::Path;

/// Extensions a browser opens as a web page, an XML document (which can
/// hold XHTML script) or a script; `svgz` is an SVG that cannot be read
/// here without unpacking it.
const RUNNABLE: &[&str] = &[
    "html", "htm", "xhtml", "shtml", "xht", "mht", "mhtml", "xml", "xsl", "xslt", "rss", "atom",
    "rdf", "xul", "js", "mjs", "cjs", "svgz",
];

/// Checks the asset at `source`, which the site lists as `listed`
/// (relative to the site root, for the diagnostic).
pub(super) fn check(listed: &Path, source: &Path) -> Result<(), Diagnostic> {
    let name = listed
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    // Windows servers drop trailing dots and spaces: `a.html.` is `a.html`.
    let name = name.trim_end_matches(['.', ' ']);
    let kinds: Vec<&str> = name.split('.').skip(1).collect();
    if kinds.iter().any(|kind| RUNNABLE.contains(kind)) {
        return Err(Diagnostic::error(
            listed,
            "this file is a web page or script: beside an issue it would be published as it is, and could run code on the site",
        )
        .help(
            "a web page or script beside an issue would be published without the sanitizer; put its content in the issue's Markdown, or the file in static/ if you wrote it yourself",
        ));
    }
    // The last extension a server knows gives the type: `a.svg.png` is
    // sent as a PNG image, `a.svg` and `a.svg.x` as SVG.
    let known = kinds
        .last()
        .is_some_and(|kind| SERVED_AS_WHAT_THEY_ARE.contains(kind));
    if known {
        return Ok(());
    }
    if kinds.contains(&"svg") {
        return check_svg(listed, source);
    }
    if starts_like_a_web_page(listed, source)? {
        return Err(Diagnostic::error(
            listed,
            "this file starts like a web page, and its name does not tell a web server what else it is, so a browser could open it as a page of the site",
        )
        .help(
            "a web page or script beside an issue would be published without the sanitizer; put its content in the issue's Markdown, or the file in static/ if you wrote it yourself; if it is plain text, name it .txt",
        ));
    }
    Ok(())
}

/// Extensions every web server sends with a type of their own (images,
/// sound, video, documents, text), which browsers never take for a page.
/// A file with any other name, or none, may be sent without a type, and a
/// browser then reads its first bytes to guess: it is checked for that.
const SERVED_AS_WHAT_THEY_ARE: &[&str] = &[
    "png", "jpg", "jpeg", "gif", "webp", "avif", "ico", "bmp", "tif", "tiff", "pdf", "mp3", "m4a",
    "ogg", "oga", "opus", "wav", "flac", "mp4", "m4v", "webm", "ogv", "mov", "txt", "csv", "css",
    "json", "woff", "woff2", "ttf", "otf", "zip", "epub", "doc", "docx", "odt", "xls", "xlsx",
    "ods", "ppt", "pptx", "odp", "ics", "vcf",
];

/// Whether a browser guessing the type of the file from its first bytes
/// would take it for HTML or XML (the patterns of the WHATWG MIME
/// Sniffing standard, "rules for identifying an unknown MIME type").
fn starts_like_a_web_page(listed: &Path, source: &Path) -> Result<bool, Diagnostic> {
    use std::io::Read;
    let cannot_read =
        |e: std::io::Error| Diagnostic::error(listed, format!("cannot read the file: {e}"));
    let mut start = Vec::with_capacity(512);
    std::fs::File::open(source)
        .map_err(cannot_read)?
        .take(512)
        .read_to_end(&mut start)
        .map_err(cannot_read)?;
    Ok(sniffs_as_markup(&start))
}

/// The HTML and XML patterns of MIME sniffing, after leading white space.
fn sniffs_as_markup(start: &[u8]) -> bool {
    const TAGS: &[&[u8]] = &[
        b"<!doctype html",
        b"<html",
        b"<head",
        b"<script",
        b"<iframe",
        b"<h1",
        b"<div",
        b"<font",
        b"<table",
        b"<a",
        b"<style",
        b"<title",
        b"<b",
        b"<body",
        b"<br",
        b"<p",
        b"<!--",
    ];
    let text = start.trim_ascii_start();
    if text.len() >= 5 && text[..5].eq_ignore_ascii_case(b"<?xml") {
        return true;
    }
    TAGS.iter().any(|tag| {
        text.len() > tag.len()
            && text[..tag.len()].eq_ignore_ascii_case(tag)
            && matches!(text[tag.len()], b' ' | b'>')
    })
}

fn check_svg(listed: &Path, source: &Path) -> Result<(), Diagnostic> {
    let bytes = std::fs::read(source)
        .map_err(|e| Diagnostic::error(listed, format!("cannot read the file: {e}")))?;
    let Ok(text) = String::from_utf8(bytes) else {
        return Err(
            Diagnostic::error(listed, "this SVG image is not UTF-8 text").help(
                "save it again from your drawing program as plain SVG, with the UTF-8 encoding",
            ),
        );
    };
    svg::check(&text).map_err(|refused| {
        Diagnostic::error(
            listed,
            format!(
                "this SVG image could run script or load something from another site when a reader opens it: {refused}"
            ),
        )
        .at(Location::at_line_column(&text, refused.line, refused.column))
        .help(
            "export the drawing again as plain SVG (in Inkscape, \"Plain SVG\" or \"Optimized SVG\"), remove what is named here, or use a PNG or JPEG image instead",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_pages_and_scripts_are_refused_by_any_part_of_their_name() {
        for name in [
            "evil.html",
            "EVIL.HTM",
            "a.xhtml",
            "feed.xml",
            "app.js",
            "m.mjs",
            "x.svgz",
            "a.html.bak",
            "a.html.",
            "a.xsl ",
        ] {
            let listed = Path::new("content/issues/k").join(name);
            assert!(check(&listed, &listed).is_err(), "{name}");
        }
        // Files of known types are not opened: these do not exist.
        for name in ["photo.jpg", "notes.txt", "report.pdf", "a.b.PNG"] {
            let listed = Path::new("content/issues/k").join(name);
            assert_eq!(check(&listed, &listed), Ok(()), "{name}");
        }
        let folder = tempfile::tempdir().unwrap();
        let notes = folder.path().join("notes");
        std::fs::write(&notes, "Call at 5.\n").unwrap();
        assert_eq!(check(&notes, &notes), Ok(()));
        let page = folder.path().join("page.dat");
        std::fs::write(&page, "<html><script>alert(1)</script>").unwrap();
        assert!(check(&page, &page).is_err());
    }

    #[test]
    fn a_file_a_browser_would_guess_is_a_page_is_told_from_its_start() {
        assert!(sniffs_as_markup(b"  \n<HTML><script>x</script>"));
        assert!(sniffs_as_markup(b"<!DOCTYPE html>"));
        assert!(sniffs_as_markup(b"<p onclick=x>"));
        assert!(sniffs_as_markup(b"<?xml version=\"1.0\"?>"));
        assert!(sniffs_as_markup(b"<!-- x -->"));
        assert!(!sniffs_as_markup(b"\x89PNG\r\n"));
        assert!(!sniffs_as_markup(b"<pre>"));
        assert!(!sniffs_as_markup(b"plain notes <html>"));
        assert!(!sniffs_as_markup(b""));
    }
}
