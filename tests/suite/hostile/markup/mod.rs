//! Hostile Markdown and raw HTML: whatever the `markdown.raw_html` mode,
//! no page and no feed carries a live script, an event handler or a
//! script link; link schemes this audience needs survive; every page
//! tells the browser to run no script and to load nothing from elsewhere.
//! Pages and feeds are parsed with html5ever and roxmltree, and URLs are
//! judged the way browsers read them (the helpers here).

mod chromium;
mod policy;
mod scripts;

use crate::common::*;
use scraper::Html;

const MODES: [&str; 3] = ["sanitize", "escape", "trust"];

/// A fixture whose `markdown.raw_html` is `mode`.
fn fixture_in_mode(mode: &str) -> Fixture {
    let fixture = Fixture::new();
    fixture.write(
        "boletin.yaml",
        &format!("{CONFIG}markdown:\n  raw_html: {mode}\n"),
    );
    fixture
}

/// The scheme of `url` as a browser's URL parser finds it (WHATWG URL:
/// leading and trailing C0 controls and spaces dropped, tabs and line
/// breaks removed anywhere, then letters, digits, `+`, `-` and `.` up to
/// a colon), in lower case; `None` for a relative URL.
fn browser_scheme(url: &str) -> Option<String> {
    let trimmed = url.trim_matches(|c: char| c <= ' ');
    let cleaned: String = trimmed
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let (scheme, _) = cleaned.split_once(':')?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then(|| scheme.to_ascii_lowercase())
}

/// Everything in `html` that a browser would run: script elements, event
/// handler attributes, `srcdoc`, and URL attributes with a script scheme.
fn live_script(html: &Html) -> Vec<String> {
    let mut found = Vec::new();
    for node in html.root_element().descendants() {
        let Some(element) = node.value().as_element() else {
            continue;
        };
        if element.name() == "script" {
            found.push(format!("a <script> element: {:?}", element));
        }
        for (name, value) in element.attrs() {
            let name = name.to_ascii_lowercase();
            let url_attribute = matches!(
                name.as_str(),
                "href"
                    | "src"
                    | "action"
                    | "formaction"
                    | "xlink:href"
                    | "poster"
                    | "data"
                    | "background"
                    | "cite"
                    | "srcdoc"
            );
            let script_url = url_attribute
                && matches!(
                    browser_scheme(value).as_deref(),
                    Some("javascript" | "vbscript" | "data")
                );
            if name.starts_with("on") || name == "srcdoc" || script_url {
                found.push(format!("<{} {name}={value:?}>", element.name()));
            }
        }
    }
    found
}

/// The HTML of every entry of the fixture's feeds in `lang`: Atom
/// `content` and RSS `description`, as the feed reader decodes them.
fn feed_entry_html(fixture: &Fixture, lang: &str) -> Vec<String> {
    let mut found = Vec::new();
    for file in ["atom.xml", "rss.xml"] {
        let text = fixture.read(&format!("{lang}/{file}"));
        let xml = roxmltree::Document::parse(&text)
            .unwrap_or_else(|e| panic!("{lang}/{file} is not XML: {e}"));
        for node in xml.descendants() {
            let name = node.tag_name().name();
            if name == "content"
                || (name == "description"
                    && node
                        .parent_element()
                        .is_some_and(|p| p.tag_name().name() == "item"))
            {
                found.push(node.text().unwrap_or_default().to_string());
            }
        }
    }
    assert!(!found.is_empty(), "the feeds of {lang} have entries");
    found
}

/// Asserts that neither the issue page `page` nor any feed entry of
/// `lang` carries anything a browser would run.
#[track_caller]
fn assert_nothing_runs(fixture: &Fixture, page: &str, lang: &str, mode: &str) {
    let html = fixture.html(page);
    let live = live_script(&html);
    assert!(live.is_empty(), "{mode}: {page} runs {live:?}");
    for entry in feed_entry_html(fixture, lang) {
        let live = live_script(&Html::parse_fragment(&entry));
        assert!(live.is_empty(), "{mode}: a {lang} feed entry runs {live:?}");
    }
}
