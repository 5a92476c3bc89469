//! The pages `boletin build` writes, read back with a real HTML5 parser:
//! languages, archive and pagination, issue pages, slugs, tags, standalone
//! pages, missing translations, drafts, Markdown, escaping, a third
//! (right-to-left) language, interface strings and page weight.
//!
//! Every test builds its own small site in a temporary folder and asserts
//! on elements and attributes, not on the template's exact bytes. The
//! helpers here read URLs, links and alternates out of a parsed page.

mod archive;
mod drafts;
mod fallback;
mod interface_strings;
mod issue;
mod languages;
mod markdown;
mod raw_html;
mod standalone;
mod tags;
mod weight;

use crate::common::*;
use scraper::{ElementRef, Html};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The scheme and host of `CONFIG`'s `base_url`.
const ORIGIN: &str = "https://news.example.org";

const HOST: &str = "news.example.org";

/// Text of an element, whitespace folded.
fn text(element: ElementRef) -> String {
    folded_text(element)
}

/// A URL written in a page, made root-relative when it is on the site's
/// own origin, so root-relative and absolute forms compare equal.
fn local(url: &str) -> String {
    url.strip_prefix(ORIGIN)
        .map_or_else(|| url.to_string(), |rest| rest.to_string())
}

/// Values of `attribute` of every element matching `css`.
fn attrs(html: &Html, css: &str, attribute: &str) -> Vec<String> {
    select(html, css)
        .iter()
        .filter_map(|e| e.value().attr(attribute))
        .map(str::to_string)
        .collect()
}

/// `href`s of every element matching `css`, made local, as a set.
fn local_hrefs(html: &Html, css: &str) -> BTreeSet<String> {
    attrs(html, css, "href").iter().map(|h| local(h)).collect()
}

/// `(hreflang, href)` of every `<link rel=alternate hreflang>`, sorted.
fn alternates(html: &Html) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = select(html, r#"link[rel~="alternate"][hreflang]"#)
        .iter()
        .map(|e| {
            (
                e.value().attr("hreflang").unwrap_or_default().to_string(),
                e.value().attr("href").unwrap_or_default().to_string(),
            )
        })
        .collect();
    found.sort();
    found
}

/// Expected alternates, sorted like `alternates` gives them.
fn expected_alternates(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut expected: Vec<(String, String)> = pairs
        .iter()
        .map(|(l, h)| (l.to_string(), h.to_string()))
        .collect();
    expected.sort();
    expected
}

/// The language in effect at `element`: its own `lang` or its nearest
/// ancestor's.
fn lang_of(element: ElementRef) -> Option<String> {
    std::iter::once(element)
        .chain(element.ancestors().filter_map(ElementRef::wrap))
        .find_map(|e| e.value().attr("lang").map(str::to_string))
}

/// The nearest ancestor of `element` named `tag`.
#[track_caller]
fn enclosing<'a>(element: ElementRef<'a>, tag: &str) -> ElementRef<'a> {
    element
        .ancestors()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == tag)
        .unwrap_or_else(|| panic!("no <{tag}> around {}", element.html()))
}

/// The first element matching `css`, or a clear failure.
#[track_caller]
fn first<'a>(html: &'a Html, css: &str) -> ElementRef<'a> {
    *select(html, css)
        .first()
        .unwrap_or_else(|| panic!("nothing matches {css} in:\n{}", html.html()))
}

/// The smallest elements matching `css` whose text contains `needle`.
fn containing<'a>(html: &'a Html, css: &str, needle: &str) -> Vec<ElementRef<'a>> {
    select(html, css)
        .into_iter()
        .filter(|e| text(*e).contains(needle))
        .collect()
}

/// Resolves `url` written in the page at `page_url` (a folder URL) into a
/// path in the output folder.
fn output_path_of(page_url: &str, url: &str) -> String {
    let url = local(url);
    let resolved = if url.starts_with('/') {
        url
    } else {
        format!("{page_url}{url}")
    };
    resolved.trim_start_matches('/').to_string()
}

/// The `url=` part of a meta refresh's `content`.
fn refresh_target(content: &str) -> String {
    let (_, rest) = content
        .split_once(';')
        .unwrap_or_else(|| panic!("no `;` in refresh content {content:?}"));
    let rest = rest.trim();
    let lower = rest.to_ascii_lowercase();
    assert!(
        lower.starts_with("url="),
        "refresh content {content:?} has no url="
    );
    rest[4..]
        .trim()
        .trim_matches(|c| c == '\'' || c == '"')
        .to_string()
}

/// Every HTML file of the output, relative path and parsed page.
fn html_pages(fixture: &Fixture) -> Vec<(String, Html)> {
    snapshot(&fixture.out())
        .into_iter()
        .filter(|(path, _)| path.extension().is_some_and(|x| x == "html"))
        .map(|(path, bytes)| {
            (
                path.to_string_lossy().replace('\\', "/"),
                Html::parse_document(&String::from_utf8(bytes).expect("UTF-8 page")),
            )
        })
        .collect()
}

/// Whether `stderr` has a warning that names both `file` and the message
/// `id`. A diagnostic starts at a line beginning with `warning` or `error`
/// and runs to the next one.
fn warning_naming(stderr: &str, file: &str, id: &str) -> bool {
    let mut blocks: Vec<String> = Vec::new();
    for line in stderr.lines() {
        if line.starts_with("warning") || line.starts_with("error") || blocks.is_empty() {
            blocks.push(String::new());
        }
        let block = blocks.last_mut().expect("a block");
        block.push_str(line);
        block.push('\n');
    }
    let named = |block: &str| {
        block.match_indices(id).any(|(at, _)| {
            let before = block[..at].chars().next_back();
            let after = block[at + id.len()..].chars().next();
            let boundary =
                |c: Option<char>| c.is_none_or(|c| !(c.is_alphanumeric() || c == '-' || c == '_'));
            boundary(before) && boundary(after)
        })
    };
    blocks
        .iter()
        .any(|block| block.starts_with("warning") && block.contains(file) && named(block))
}

/// The built-in configuration plus `extra` lines.
fn config_with(extra: &str) -> String {
    format!("{CONFIG}{extra}")
}

/// The Spanish locale of the repository without the message `id`.
fn spanish_locale_without(id: &str) -> String {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/es/main.ftl");
    let text = std::fs::read_to_string(source).expect("repository locale");
    let prefix = format!("{id} =");
    let kept: Vec<&str> = text
        .lines()
        .filter(|line| !line.starts_with(&prefix))
        .collect();
    assert_ne!(
        kept.len(),
        text.lines().count(),
        "the Spanish locale has `{id}`"
    );
    kept.join("\n") + "\n"
}

/// An Arabic site configuration: English, Spanish and Arabic (right to left).
fn arabic_config() -> String {
    "base_url: https://news.example.org/\ndefault_language: en\nlanguages:\n  en:\n    title: Test News\n    description: A test newsletter.\n  es:\n    title: Noticias de prueba\n    description: Un boletín de prueba.\n  ar:\n    title: أخبار الاختبار\n    description: نشرة للاختبار.\n    dir: rtl\npage_size: 3\n".to_string()
}

/// A few Arabic interface strings; everything else falls back to English.
const ARABIC_LOCALE: &str = "language-name = العربية\nnav-archive = كل الأعداد\nissue-number = العدد { $number }\nissue-count = { $count ->\n    [one] عدد واحد\n   *[other] { $count } أعداد\n}\n";
