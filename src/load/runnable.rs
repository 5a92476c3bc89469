//! The rule for a file beside an issue or page (an asset, a cover): it
//! is published as it is, on the site's own origin, without passing the
//! sanitizer and without the pages' Content-Security-Policy. So a file a
//! browser would open as a document that runs script, a web page or a
//! script beside an issue, is refused by name and never published; an SVG
//! image is published only when `svg` finds that it only draws.
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
pub fn check(listed: &Path, source: &Path) -> Result<(), Diagnostic> {
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
    if kinds.contains(&"svg") {
        return check_svg(listed, source);
    }
    Ok(())
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
        for name in ["photo.jpg", "notes.txt", "report.pdf", "no-extension"] {
            let listed = Path::new("content/issues/k").join(name);
            assert_eq!(check(&listed, &listed), Ok(()), "{name}");
        }
    }
}
