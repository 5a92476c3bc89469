//! Decides whether an SVG image beside an issue is a picture and nothing
//! more. An `.svg` file is published as it is, and a reader who opens it
//! (a cover, a link to it) gets a document of the site's own origin that
//! has no Content-Security-Policy: script in it would run as the site's,
//! and a reference to another host would tell that host who is reading.
//!
//! So an SVG passes only when a real XML parser (roxmltree) reads it and
//! it has no way to run script or load anything from elsewhere: no DOCTYPE
//! (entities), no script-bearing element, no event handler, no link but
//! to its own parts (`#name`), no animation of links or handlers, and no
//! style that fetches (`url(` other than `url(#name)`, `@import`, CSS
//! escapes that could spell either). This is an allow-list in effect:
//! what is left draws shapes, text and gradients. The check only reads.

use roxmltree::{Document, Node, ParsingOptions, TextPos};
use thiserror::Error;

const SVG_NAMESPACE: &str = "http://www.w3.org/2000/svg";
const XHTML_NAMESPACE: &str = "http://www.w3.org/1999/xhtml";

/// Elements that run script, or show another document inside the image.
const SCRIPT_ELEMENTS: &[&str] = &[
    "script",
    "foreignobject",
    "iframe",
    "embed",
    "object",
    "handler",
    "listener",
];

/// Why an SVG image is refused.
#[derive(Debug, Error, PartialEq, Eq)]
pub(super) enum Refusal {
    #[error("it is not well-formed XML: {0}")]
    NotXml(String),
    #[error("it has a <!DOCTYPE> or entity declarations, which can pull in other files")]
    Doctype,
    #[error("it is not an SVG image: its outer element is <{0}>, not <svg>")]
    NotSvg(String),
    #[error("it has a <{0}> element, which can run script or show another page")]
    Element(String),
    #[error("it has a web page element <{0}> (XHTML) inside the image")]
    Xhtml(String),
    #[error("it has an `{0}` attribute, which runs script")]
    Handler(String),
    #[error(
        "its <{element}> element changes the `{attribute}` attribute, which can make a link or handler run script"
    )]
    Animates { element: String, attribute: String },
    #[error("it links to `{0}`; an SVG image may link only to its own parts (`#name`)")]
    Link(String),
    #[error(
        "its style loads something (`{0}`); an SVG image may refer only to its own parts (`url(#name)`)"
    )]
    Style(String),
    #[error("its style has a CSS escape (`\\`), which could hide a `url(` or `@import`")]
    StyleEscape,
    #[error("it has an <?xml-stylesheet?> instruction, which loads a style sheet")]
    Stylesheet,
}

/// A refusal and where in the file it is (line and column from 1).
#[derive(Debug, Error, PartialEq, Eq)]
#[error("{refusal}")]
pub(super) struct Refused {
    pub(crate) refusal: Refusal,
    pub(crate) line: usize,
    pub(crate) column: usize,
}

/// Checks the text of an SVG image; `Ok` when it only draws.
pub(super) fn check(text: &str) -> Result<(), Refused> {
    let options = ParsingOptions {
        allow_dtd: false,
        ..ParsingOptions::default()
    };
    let document = Document::parse_with_options(text, options).map_err(|error| {
        let refusal = match &error {
            roxmltree::Error::DtdDetected => Refusal::Doctype,
            other => Refusal::NotXml(other.to_string()),
        };
        refused(refusal, error.pos())
    })?;
    let root = document.root_element();
    if root.tag_name().name() != "svg" || root.tag_name().namespace() != Some(SVG_NAMESPACE) {
        return Err(at(
            &document,
            root,
            Refusal::NotSvg(root.tag_name().name().to_string()),
        ));
    }
    for node in document.descendants() {
        if let Some(pi) = node.pi() {
            if pi.target.eq_ignore_ascii_case("xml-stylesheet") {
                return Err(at(&document, node, Refusal::Stylesheet));
            }
            continue;
        }
        if node.is_element() {
            check_element(&document, node)?;
        }
    }
    Ok(())
}

/// One element: its name, then each of its attributes.
fn check_element(document: &Document, node: Node) -> Result<(), Refused> {
    let name = node.tag_name().name();
    let lower = name.to_ascii_lowercase();
    if SCRIPT_ELEMENTS.contains(&lower.as_str()) {
        return Err(at(document, node, Refusal::Element(name.to_string())));
    }
    if node.tag_name().namespace() == Some(XHTML_NAMESPACE) {
        return Err(at(document, node, Refusal::Xhtml(name.to_string())));
    }
    if lower == "style" {
        let css: String = node
            .children()
            .filter_map(|child| child.text())
            .collect::<Vec<_>>()
            .join("");
        check_style(&css).map_err(|refusal| at(document, node, refusal))?;
    }
    let animates = lower == "set" || lower.starts_with("animate");
    for attribute in node.attributes() {
        let local = attribute.name().to_ascii_lowercase();
        let value = attribute.value();
        let refusal = if local.starts_with("on") {
            Some(Refusal::Handler(attribute.name().to_string()))
        } else if local == "href" && !is_fragment(value) {
            Some(Refusal::Link(shown(value)))
        } else if local == "style" {
            check_style(value).err()
        } else if animates && local == "attributename" {
            // `xlink:href` is named with its prefix here.
            let target = value.trim().to_ascii_lowercase();
            let target = target.rsplit(':').next().unwrap_or_default();
            (target == "href" || target.starts_with("on")).then(|| Refusal::Animates {
                element: name.to_string(),
                attribute: shown(value),
            })
        } else {
            // Presentation attributes take `url(…)` too: `fill="url(#g)"`.
            check_urls(value).err()
        };
        if let Some(refusal) = refusal {
            let position = document.text_pos_at(attribute.range().start);
            return Err(refused(refusal, position));
        }
    }
    Ok(())
}

/// A link to a part of the same image: `#name`, spaces around allowed.
fn is_fragment(value: &str) -> bool {
    value
        .trim_matches(|c: char| c.is_ascii_whitespace())
        .starts_with('#')
}

/// Style text (a `<style>` element or a `style` attribute) loads nothing.
fn check_style(css: &str) -> Result<(), Refusal> {
    if css.contains('\\') {
        return Err(Refusal::StyleEscape);
    }
    let lower = css.to_ascii_lowercase();
    for fetching in ["@import", "image-set(", "image(", "src("] {
        if lower.contains(fetching) {
            return Err(Refusal::Style(fetching.to_string()));
        }
    }
    check_urls(css)
}

/// Every `url(` in `text` names a part of the same image.
fn check_urls(text: &str) -> Result<(), Refusal> {
    let lower = text.to_ascii_lowercase();
    for (start, _) in lower.match_indices("url(") {
        let rest = &text[start + 4..];
        let target =
            rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '"' || c == '\'');
        if !target.starts_with('#') {
            let end = rest.find(')').map_or(rest.len(), |end| end + 1);
            return Err(Refusal::Style(shown(&format!("url({}", &rest[..end]))));
        }
    }
    Ok(())
}

/// `value` as a diagnostic shows it: control characters written out,
/// and cut short when long.
fn shown(value: &str) -> String {
    const LONGEST: usize = 60;
    let mut out: String = value
        .chars()
        .take(LONGEST)
        .flat_map(|c| {
            if c.is_control() {
                c.escape_default().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect();
    if value.chars().count() > LONGEST {
        out.push('…');
    }
    out
}

fn at(document: &Document, node: Node, refusal: Refusal) -> Refused {
    refused(refusal, document.text_pos_at(node.range().start))
}

fn refused(refusal: Refusal, position: TextPos) -> Refused {
    Refused {
        refusal,
        line: position.row as usize,
        column: position.col as usize,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPEN: &str =
        r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">"#;

    fn svg(inner: &str) -> String {
        format!("{OPEN}\n{inner}\n</svg>")
    }

    fn refusal(inner: &str) -> Refusal {
        match check(&svg(inner)) {
            Err(refused) => refused.refusal,
            Ok(()) => panic!("accepted: {inner}"),
        }
    }

    #[test]
    fn drawings_pass() {
        let sample = include_str!("../../content/issues/2026-03-legal-clinic/cover.svg");
        assert_eq!(check(sample), Ok(()));
        let drawing = svg(concat!(
            r#"<defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs>"#,
            r##"<rect width="10" height="10" fill="url(#g)" style="fill: url( '#g' ); opacity: .5"/>"##,
            r##"<use xlink:href="#g"/><a href=" #top"><text>Hola, ¿qué tal?</text></a>"##,
            r#"<style>rect { stroke: black }</style><!-- a comment -->"#,
            r#"<animate attributeName="opacity" from="0" to="1" dur="1s"/>"#,
        ));
        assert_eq!(check(&drawing), Ok(()));
    }

    #[test]
    fn script_and_handlers_are_refused() {
        assert_eq!(
            refusal("<script>alert(1)</script>"),
            Refusal::Element("script".into())
        );
        assert_eq!(
            refusal(r#"<foreignObject><div/></foreignObject>"#),
            Refusal::Element("foreignObject".into())
        );
        assert_eq!(
            refusal(r#"<h:p xmlns:h="http://www.w3.org/1999/xhtml"/>"#),
            Refusal::Xhtml("p".into())
        );
        assert_eq!(
            refusal(r#"<rect ONload="alert(1)"/>"#),
            Refusal::Handler("ONload".into())
        );
        assert!(matches!(
            refusal(r#"<set attributeName="xlink:href" to="javascript:alert(1)"/>"#),
            Refusal::Animates { .. }
        ));
        assert!(matches!(
            refusal(r#"<animate attributeName="onclick" values="alert(1)"/>"#),
            Refusal::Animates { .. }
        ));
        let root = check(r#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>"#);
        assert_eq!(
            root.map_err(|r| (r.refusal, r.line, r.column)),
            Err((Refusal::Handler("onload".into()), 1, 41))
        );
    }

    #[test]
    fn links_and_loads_from_elsewhere_are_refused() {
        assert_eq!(
            refusal(r#"<a xlink:href="javascript:alert(1)"><text>x</text></a>"#),
            Refusal::Link("javascript:alert(1)".into())
        );
        assert_eq!(
            refusal(r#"<image href="https://tracker.example/x.png"/>"#),
            Refusal::Link("https://tracker.example/x.png".into())
        );
        assert_eq!(
            refusal(r#"<a href="java&#9;script:x"/>"#),
            Refusal::Link("java\\tscript:x".into())
        );
        assert!(matches!(
            refusal(r#"<rect fill="url(https://tracker.example/g#g)"/>"#),
            Refusal::Style(_)
        ));
        assert!(matches!(
            refusal(r#"<style>@import "https://x.example/a.css";</style>"#),
            Refusal::Style(_)
        ));
        assert!(matches!(
            refusal(r#"<rect style="background: URL(x.png)"/>"#),
            Refusal::Style(_)
        ));
        assert_eq!(
            refusal(r#"<style>a { b: \75rl(x) }</style>"#),
            Refusal::StyleEscape
        );
        let stylesheet = format!(
            "<?xml-stylesheet href=\"https://x.example/a.css\"?>\n{}",
            svg("")
        );
        assert_eq!(
            check(&stylesheet).map_err(|r| r.refusal),
            Err(Refusal::Stylesheet)
        );
    }

    #[test]
    fn what_is_not_an_svg_image_is_refused_with_its_line() {
        let doctype = "<!DOCTYPE svg [<!ENTITY a \"b\">]>\n<svg xmlns=\"http://www.w3.org/2000/svg\">&a;</svg>";
        assert_eq!(check(doctype).map_err(|r| r.refusal), Err(Refusal::Doctype));
        let broken = check(&format!("{OPEN}\n<rect>\n</svg>"));
        assert!(
            matches!(
                &broken,
                Err(Refused {
                    refusal: Refusal::NotXml(_),
                    line: 3,
                    ..
                })
            ),
            "{broken:?}"
        );
        let html = check(r#"<html xmlns="http://www.w3.org/1999/xhtml"><script/></html>"#);
        assert_eq!(
            html.map_err(|r| r.refusal),
            Err(Refusal::NotSvg("html".into()))
        );
    }
}
