//! Atom and RSS feeds per language, the sitemap and robots.txt, parsed
//! with a real XML parser and checked against the product contract. The
//! helpers here walk namespaced XML and recognise the date formats.

mod atom;
mod rss;
mod sitemap;

use crate::common::*;
use roxmltree::{Document, Node};
use std::collections::{BTreeMap, BTreeSet};

const ATOM: &str = "http://www.w3.org/2005/Atom";

const XML: &str = "http://www.w3.org/XML/1998/namespace";

const SITEMAP: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

const XHTML: &str = "http://www.w3.org/1999/xhtml";

const BASE: &str = "https://news.example.org";

/// A small bilingual site: two issues in both languages and one written
/// only in English, with links between issues, a root-relative link and
/// an image beside the newest issue.
fn feed_site() -> Fixture {
    let site = Fixture::new();
    site.issue(
        "2026-01-spring",
        "en",
        "Spring meeting",
        "2026-01-15",
        "tags: [Housing]\n",
        "The spring meeting was full.\n",
    );
    site.issue(
        "2026-01-spring",
        "es",
        "Reunión de primavera",
        "2026-01-15",
        "tags: [Vivienda]\n",
        "La reunión de primavera estuvo llena.\n",
    );
    site.issue(
        "2026-02-english-only",
        "en",
        "Only in English",
        "2026-02-01",
        "",
        "This issue has no Spanish text.\n",
    );
    site.issue(
        "2026-03-housing",
        "en",
        "Housing rights",
        "2026-03-01",
        "summary: Know your rights.\ntags: [Housing]\n",
        "Tenants won a **big** victory. See [the spring meeting](../2026-01-spring/index.en.md) \
         and [our page](/en/about/).\n\n![A chart](chart.png)\n",
    );
    site.issue(
        "2026-03-housing",
        "es",
        "Derechos de vivienda",
        "2026-03-01",
        "summary: Conozca sus derechos.\ntags: [Vivienda]\n",
        "Los inquilinos ganaron una **gran** victoria. Vea [la reunión](../2026-01-spring/index.es.md) \
         y [nuestra página](/es/about/).\n\n![Un gráfico](chart.png)\n",
    );
    site.write_bytes(
        "content/issues/2026-03-housing/chart.png",
        b"\x89PNG\r\n\x1a\nnot really a png",
    );
    site.write(
        "content/pages/about.en.md",
        "---\ntitle: About us\n---\nWho we are.\n",
    );
    site.write(
        "content/pages/about.es.md",
        "---\ntitle: Quiénes somos\n---\nQuiénes somos.\n",
    );
    site
}

fn parse(text: &str) -> Document<'_> {
    Document::parse(text).unwrap_or_else(|e| panic!("not well-formed XML ({e}):\n{text}"))
}

/// Element children of `node` with the local `name` in namespace `ns`.
fn children<'a, 'input>(node: Node<'a, 'input>, ns: &str, name: &str) -> Vec<Node<'a, 'input>> {
    node.children()
        .filter(|c| {
            c.is_element() && c.tag_name().name() == name && c.tag_name().namespace() == Some(ns)
        })
        .collect()
}

/// Element children of `node` with the local `name` and no namespace (RSS).
fn plain_children<'a, 'input>(node: Node<'a, 'input>, name: &str) -> Vec<Node<'a, 'input>> {
    node.children()
        .filter(|c| {
            c.is_element() && c.tag_name().name() == name && c.tag_name().namespace().is_none()
        })
        .collect()
}

#[track_caller]
fn child<'a, 'input>(node: Node<'a, 'input>, ns: &str, name: &str) -> Node<'a, 'input> {
    let found = children(node, ns, name);
    assert_eq!(
        found.len(),
        1,
        "expected one <{name}> in <{}>",
        node.tag_name().name()
    );
    found[0]
}

#[track_caller]
fn plain_child<'a, 'input>(node: Node<'a, 'input>, name: &str) -> Node<'a, 'input> {
    let found = plain_children(node, name);
    assert_eq!(
        found.len(),
        1,
        "expected one <{name}> in <{}>",
        node.tag_name().name()
    );
    found[0]
}

/// The full text of an element (all text descendants).
fn text(node: Node) -> String {
    node.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect()
}

/// Checks the shape of an RFC 3339 date-time: `YYYY-MM-DDTHH:MM:SS`, an
/// optional fraction, then `Z` or `±HH:MM`.
fn is_rfc3339(value: &str) -> bool {
    let bytes = value.as_bytes();
    if bytes.len() < 20 {
        return false;
    }
    let digits = |range: std::ops::Range<usize>| bytes[range].iter().all(u8::is_ascii_digit);
    let head = digits(0..4)
        && bytes[4] == b'-'
        && digits(5..7)
        && bytes[7] == b'-'
        && digits(8..10)
        && (bytes[10] == b'T' || bytes[10] == b't')
        && digits(11..13)
        && bytes[13] == b':'
        && digits(14..16)
        && bytes[16] == b':'
        && digits(17..19);
    if !head {
        return false;
    }
    let mut rest = &value[19..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let n = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return false;
        }
        rest = &fraction[n..];
    }
    match rest.as_bytes() {
        [b'Z'] | [b'z'] => true,
        [sign, h1, h2, b':', m1, m2] => {
            (*sign == b'+' || *sign == b'-') && [h1, h2, m1, m2].iter().all(|b| b.is_ascii_digit())
        }
        _ => false,
    }
}

/// Checks the RFC 2822 form feeds use: `Sun, 01 Mar 2026 00:00:00 +0000`.
fn is_rfc2822(value: &str) -> bool {
    let parts: Vec<&str> = value.split(' ').collect();
    let [day_name, day, month, year, clock, zone] = parts.as_slice() else {
        return false;
    };
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    ["Mon,", "Tue,", "Wed,", "Thu,", "Fri,", "Sat,", "Sun,"].contains(day_name)
        && (digits(day, 2) || digits(day, 1))
        && [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ]
        .contains(month)
        && digits(year, 4)
        && clock.len() == 8
        && clock.split(':').all(|p| digits(p, 2))
        && (zone.len() == 5
            && (zone.starts_with('+') || zone.starts_with('-'))
            && digits(&zone[1..], 4)
            || *zone == "GMT")
}

/// Every `href` and `src` in an HTML fragment.
fn urls_in_html(fragment: &str) -> Vec<String> {
    let html = scraper::Html::parse_fragment(fragment);
    let mut urls = Vec::new();
    for element in select(&html, "[href], [src]") {
        for attribute in ["href", "src"] {
            if let Some(value) = element.value().attr(attribute) {
                urls.push(value.to_string());
            }
        }
    }
    urls
}

/// The `href` of an Atom entry's alternate link (rel absent means alternate).
fn atom_alternate(entry: Node) -> String {
    let links: Vec<Node> = children(entry, ATOM, "link")
        .into_iter()
        .filter(|l| l.attribute("rel").is_none_or(|r| r == "alternate"))
        .collect();
    assert_eq!(links.len(), 1, "one alternate link per entry");
    links[0]
        .attribute("href")
        .expect("link has href")
        .to_string()
}

fn entry_titles(feed: Node) -> Vec<String> {
    children(feed, ATOM, "entry")
        .into_iter()
        .map(|e| text(child(e, ATOM, "title")))
        .collect()
}
