//! Atom and RSS feeds per language, the sitemap and robots.txt, parsed
//! with a real XML parser and checked against the product contract.

mod common;

use common::*;
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

#[test]
fn atom_feed_root_and_feed_metadata_per_language() {
    let site = feed_site();
    site.build(&[]).assert_ok();
    for (lang, title) in [("en", "Test News"), ("es", "Noticias de prueba")] {
        let xml = site.read(&format!("{lang}/atom.xml"));
        let doc = parse(&xml);
        let feed = doc.root_element();
        assert_eq!(feed.tag_name().name(), "feed");
        assert_eq!(
            feed.tag_name().namespace(),
            Some(ATOM),
            "the Atom namespace"
        );
        assert_eq!(
            feed.attribute((XML, "lang")),
            Some(lang),
            "xml:lang of {lang}/atom.xml"
        );
        assert_eq!(text(child(feed, ATOM, "title")), title);
        let id = text(child(feed, ATOM, "id"));
        assert!(!id.trim().is_empty(), "feed id is set");
        let updated = text(child(feed, ATOM, "updated"));
        assert!(
            is_rfc3339(&updated),
            "feed updated is RFC 3339: {updated:?}"
        );
        assert!(
            updated.starts_with("2026-03-01"),
            "feed updated is the newest issue's date: {updated}"
        );
        let selfs: Vec<Node> = children(feed, ATOM, "link")
            .into_iter()
            .filter(|l| l.attribute("rel") == Some("self"))
            .collect();
        assert_eq!(selfs.len(), 1, "one rel=self link");
        assert_eq!(
            selfs[0].attribute("href"),
            Some(format!("{BASE}/{lang}/atom.xml").as_str())
        );
    }
}

#[test]
fn atom_entries_are_newest_first_and_only_in_the_feed_language() {
    let site = feed_site();
    site.build(&[]).assert_ok();
    let en = site.read("en/atom.xml");
    let en_doc = parse(&en);
    assert_eq!(
        entry_titles(en_doc.root_element()),
        ["Housing rights", "Only in English", "Spring meeting"],
        "English feed: every English issue, newest first"
    );
    let es = site.read("es/atom.xml");
    let es_doc = parse(&es);
    assert_eq!(
        entry_titles(es_doc.root_element()),
        ["Derechos de vivienda", "Reunión de primavera"],
        "Spanish feed: only issues written in Spanish, newest first"
    );
    assert!(
        !es.contains("Only in English"),
        "the English-only issue is not in the Spanish feed at all"
    );
    assert!(
        !es.contains("2026-02-english-only"),
        "no link to the English-only issue's fallback page"
    );
}

#[test]
fn atom_entries_link_to_the_issue_page_in_the_feed_language() {
    let site = feed_site();
    site.build(&[]).assert_ok();
    for (lang, expected) in [
        (
            "en",
            vec!["2026-03-housing", "2026-02-english-only", "2026-01-spring"],
        ),
        ("es", vec!["2026-03-housing", "2026-01-spring"]),
    ] {
        let xml = site.read(&format!("{lang}/atom.xml"));
        let doc = parse(&xml);
        let links: Vec<String> = children(doc.root_element(), ATOM, "entry")
            .into_iter()
            .map(atom_alternate)
            .collect();
        let wanted: Vec<String> = expected
            .iter()
            .map(|slug| format!("{BASE}/{lang}/issues/{slug}/"))
            .collect();
        assert_eq!(links, wanted);
        for link in &links {
            let path = link.strip_prefix(BASE).expect("absolute link");
            assert!(
                site.exists(&format!("{}index.html", &path[1..])),
                "the entry's page exists: {link}"
            );
        }
    }
}

#[test]
fn atom_entry_ids_are_stable_across_builds_and_unique() {
    let site = feed_site();
    let ids = |site: &Fixture, lang: &str| -> Vec<String> {
        let xml = site.read(&format!("{lang}/atom.xml"));
        let doc = parse(&xml);
        children(doc.root_element(), ATOM, "entry")
            .into_iter()
            .map(|e| text(child(e, ATOM, "id")))
            .collect()
    };
    site.build(&[]).assert_ok();
    let first_en = ids(&site, "en");
    let first_es = ids(&site, "es");
    // A new, newer issue must not change the ids of the others.
    site.issue(
        "2026-04-new",
        "en",
        "A newer issue",
        "2026-04-01",
        "",
        "New.\n",
    );
    site.build(&[]).assert_ok();
    let second_en = ids(&site, "en");
    let second_es = ids(&site, "es");
    assert_eq!(first_en.len(), 3);
    assert_eq!(second_en.len(), 4);
    assert_eq!(
        &second_en[1..],
        &first_en[..],
        "ids of existing entries do not change"
    );
    assert_eq!(second_es, first_es);
    for id in first_en.iter().chain(&first_es) {
        assert!(!id.trim().is_empty(), "entry id is set");
    }
    let all: BTreeSet<&String> = first_en.iter().chain(&first_es).collect();
    assert_eq!(
        all.len(),
        first_en.len() + first_es.len(),
        "entry ids are unique across languages"
    );
}

#[test]
fn atom_entries_have_updated_and_full_html_content_with_absolute_links() {
    let site = feed_site();
    site.build(&[]).assert_ok();
    for (lang, body_text, other_issue) in [
        (
            "en",
            "Tenants won a big victory.",
            "/en/issues/2026-01-spring/",
        ),
        (
            "es",
            "Los inquilinos ganaron una gran victoria.",
            "/es/issues/2026-01-spring/",
        ),
    ] {
        let xml = site.read(&format!("{lang}/atom.xml"));
        let doc = parse(&xml);
        let entries = children(doc.root_element(), ATOM, "entry");
        for entry in &entries {
            let updated = text(child(*entry, ATOM, "updated"));
            assert!(
                is_rfc3339(&updated),
                "entry updated is RFC 3339: {updated:?}"
            );
        }
        let newest = entries[0];
        assert!(text(child(newest, ATOM, "updated")).starts_with("2026-03-01"));
        let content = child(newest, ATOM, "content");
        assert_eq!(content.attribute("type"), Some("html"));
        let html = text(content);
        let shown = scraper::Html::parse_fragment(&html);
        let plain: String = shown.root_element().text().collect::<String>();
        let plain = plain.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            plain.contains(body_text),
            "full text in the content: {plain}"
        );
        assert!(
            !select(&shown, "strong").is_empty(),
            "content is HTML, not text: {html}"
        );
        let urls = urls_in_html(&html);
        assert!(
            urls.contains(&format!("{BASE}{other_issue}")),
            "link to another issue's .md is absolute: {urls:?}"
        );
        assert!(
            urls.contains(&format!("{BASE}/{lang}/about/")),
            "root-relative link is absolute: {urls:?}"
        );
        assert!(
            urls.contains(&format!("{BASE}/{lang}/issues/2026-03-housing/chart.png")),
            "image beside the issue is absolute: {urls:?}"
        );
        for url in &urls {
            assert!(
                url.starts_with("https://"),
                "every link in content is absolute: {url}"
            );
        }
    }
}

#[test]
fn feed_limit_caps_both_feeds_to_the_newest_issues() {
    let site = feed_site();
    site.write("boletin.yaml", &format!("{CONFIG}feed_limit: 2\n"));
    site.build(&[]).assert_ok();
    let atom = site.read("en/atom.xml");
    let doc = parse(&atom);
    assert_eq!(
        entry_titles(doc.root_element()),
        ["Housing rights", "Only in English"]
    );
    let rss = site.read("en/rss.xml");
    let doc = parse(&rss);
    let channel = plain_child(doc.root_element(), "channel");
    let titles: Vec<String> = plain_children(channel, "item")
        .into_iter()
        .map(|i| text(plain_child(i, "title")))
        .collect();
    assert_eq!(titles, ["Housing rights", "Only in English"]);
    // The limit counts issues written in the feed's language.
    let es = site.read("es/atom.xml");
    let doc = parse(&es);
    assert_eq!(
        entry_titles(doc.root_element()),
        ["Derechos de vivienda", "Reunión de primavera"]
    );
}

#[test]
fn feed_limit_defaults_to_twenty() {
    let site = Fixture::new();
    for day in 1..=22 {
        site.issue(
            &format!("2026-01-{day:02}"),
            "en",
            &format!("Issue {day}"),
            &format!("2026-01-{day:02}"),
            "",
            "Text.\n",
        );
    }
    site.build(&[]).assert_ok();
    let atom = site.read("en/atom.xml");
    let doc = parse(&atom);
    let titles = entry_titles(doc.root_element());
    assert_eq!(titles.len(), 20);
    assert_eq!(titles[0], "Issue 22");
    assert_eq!(titles[19], "Issue 3");
    let rss = site.read("en/rss.xml");
    let doc = parse(&rss);
    assert_eq!(
        plain_children(plain_child(doc.root_element(), "channel"), "item").len(),
        20
    );
}

#[test]
fn rss_channel_per_language() {
    let site = feed_site();
    site.build(&[]).assert_ok();
    for (lang, title) in [("en", "Test News"), ("es", "Noticias de prueba")] {
        let xml = site.read(&format!("{lang}/rss.xml"));
        let doc = parse(&xml);
        let rss = doc.root_element();
        assert_eq!(rss.tag_name().name(), "rss");
        assert_eq!(rss.tag_name().namespace(), None);
        assert_eq!(rss.attribute("version"), Some("2.0"));
        let channel = plain_child(rss, "channel");
        assert_eq!(text(plain_child(channel, "title")), title);
        assert_eq!(text(plain_child(channel, "language")), lang);
        assert_eq!(
            text(plain_child(channel, "link")),
            format!("{BASE}/{lang}/")
        );
        assert!(!text(plain_child(channel, "description")).trim().is_empty());
        let selfs: Vec<Node> = children(channel, ATOM, "link")
            .into_iter()
            .filter(|l| l.attribute("rel") == Some("self"))
            .collect();
        assert_eq!(selfs.len(), 1, "one atom:link rel=self");
        assert_eq!(
            selfs[0].attribute("href"),
            Some(format!("{BASE}/{lang}/rss.xml").as_str())
        );
    }
}

#[test]
fn rss_items_have_guid_rfc2822_date_absolute_link_and_full_content() {
    let site = feed_site();
    site.build(&[]).assert_ok();
    let items_of = |site: &Fixture, lang: &str| -> Vec<BTreeMap<&'static str, String>> {
        let xml = site.read(&format!("{lang}/rss.xml"));
        let doc = parse(&xml);
        let channel = plain_child(doc.root_element(), "channel");
        plain_children(channel, "item")
            .into_iter()
            .map(|item| {
                let mut fields = BTreeMap::new();
                for name in ["title", "link", "guid", "pubDate", "description"] {
                    fields.insert(name, text(plain_child(item, name)));
                }
                fields
            })
            .collect()
    };
    let en = items_of(&site, "en");
    let es = items_of(&site, "es");
    let titles: Vec<&str> = en.iter().map(|i| i["title"].as_str()).collect();
    assert_eq!(
        titles,
        ["Housing rights", "Only in English", "Spring meeting"]
    );
    let titles: Vec<&str> = es.iter().map(|i| i["title"].as_str()).collect();
    assert_eq!(titles, ["Derechos de vivienda", "Reunión de primavera"]);

    let dates: Vec<&str> = en.iter().map(|i| i["pubDate"].as_str()).collect();
    assert_eq!(
        dates,
        [
            "Sun, 01 Mar 2026 00:00:00 +0000",
            "Sun, 01 Feb 2026 00:00:00 +0000",
            "Thu, 15 Jan 2026 00:00:00 +0000"
        ]
    );
    assert_eq!(es[0]["pubDate"], "Sun, 01 Mar 2026 00:00:00 +0000");

    assert_eq!(en[0]["link"], format!("{BASE}/en/issues/2026-03-housing/"));
    assert_eq!(es[0]["link"], format!("{BASE}/es/issues/2026-03-housing/"));
    assert_eq!(es[1]["link"], format!("{BASE}/es/issues/2026-01-spring/"));

    for item in en.iter().chain(&es) {
        assert!(!item["guid"].trim().is_empty(), "guid is set");
    }
    let guids: BTreeSet<&String> = en.iter().chain(&es).map(|i| &i["guid"]).collect();
    assert_eq!(guids.len(), en.len() + es.len(), "guids are unique");

    let description = &es[0]["description"];
    let plain: String = scraper::Html::parse_fragment(description)
        .root_element()
        .text()
        .collect();
    assert!(
        plain.contains("Los inquilinos ganaron una gran victoria."),
        "full content: {plain}"
    );
    let urls = urls_in_html(description);
    assert!(
        urls.contains(&format!("{BASE}/es/issues/2026-01-spring/")),
        "{urls:?}"
    );
    for url in &urls {
        assert!(
            url.starts_with("https://"),
            "every link in the description is absolute: {url}"
        );
    }

    // guids are stable: a second build gives the same ones.
    site.build(&[]).assert_ok();
    let again = items_of(&site, "en");
    let first: Vec<&String> = en.iter().map(|i| &i["guid"]).collect();
    let second: Vec<&String> = again.iter().map(|i| &i["guid"]).collect();
    assert_eq!(first, second);
}

/// A site with four translated issues (so two archive pages), one
/// English-only issue, a translated page, an English-only page and tags.
fn sitemap_site() -> Fixture {
    let site = Fixture::new();
    for (n, month) in ["01", "02", "03", "04"].iter().enumerate() {
        let key = format!("2026-{month}-issue");
        site.issue(
            &key,
            "en",
            &format!("Issue {n}"),
            &format!("2026-{month}-01"),
            "tags: [Housing]\n",
            "Text.\n",
        );
        site.issue(
            &key,
            "es",
            &format!("Número {n}"),
            &format!("2026-{month}-01"),
            "tags: [Vivienda]\n",
            "Texto.\n",
        );
    }
    site.issue(
        "2026-05-english-only",
        "en",
        "English only",
        "2026-05-01",
        "",
        "Only English.\n",
    );
    site.write(
        "content/pages/about.en.md",
        "---\ntitle: About\n---\nAbout us.\n",
    );
    site.write(
        "content/pages/about.es.md",
        "---\ntitle: Acerca\n---\nSobre nosotros.\n",
    );
    site.write(
        "content/pages/subscribe.en.md",
        "---\ntitle: Subscribe\n---\nSign up.\n",
    );
    site
}

struct SitemapUrl {
    loc: String,
    /// hreflang → href
    alternates: Vec<(String, String)>,
}

fn sitemap_urls(xml: &str) -> Vec<SitemapUrl> {
    let doc = parse(xml);
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "urlset");
    assert_eq!(
        root.tag_name().namespace(),
        Some(SITEMAP),
        "sitemap 0.9 namespace"
    );
    children(root, SITEMAP, "url")
        .into_iter()
        .map(|url| SitemapUrl {
            loc: text(child(url, SITEMAP, "loc")).trim().to_string(),
            alternates: children(url, XHTML, "link")
                .into_iter()
                .map(|l| {
                    assert_eq!(l.attribute("rel"), Some("alternate"));
                    (
                        l.attribute("hreflang").expect("hreflang").to_string(),
                        l.attribute("href").expect("href").to_string(),
                    )
                })
                .collect(),
        })
        .collect()
}

#[test]
fn sitemap_lists_every_canonical_page() {
    let site = sitemap_site();
    site.build(&[]).assert_ok();
    let urls = sitemap_urls(&site.read("sitemap.xml"));
    let locs: Vec<&str> = urls.iter().map(|u| u.loc.as_str()).collect();
    let set: BTreeSet<&str> = locs.iter().copied().collect();
    assert_eq!(set.len(), locs.len(), "no URL is listed twice: {locs:#?}");
    let mut expected = vec![
        format!("{BASE}/"),
        format!("{BASE}/en/"),
        format!("{BASE}/es/"),
        format!("{BASE}/en/page/2/"),
        format!("{BASE}/es/page/2/"),
        format!("{BASE}/en/tags/"),
        format!("{BASE}/es/tags/"),
        format!("{BASE}/en/tags/housing/"),
        format!("{BASE}/es/tags/vivienda/"),
        format!("{BASE}/en/tags/housing/page/2/"),
        format!("{BASE}/es/tags/vivienda/page/2/"),
        format!("{BASE}/en/about/"),
        format!("{BASE}/es/about/"),
        format!("{BASE}/en/subscribe/"),
        format!("{BASE}/en/issues/2026-05-english-only/"),
    ];
    for month in ["01", "02", "03", "04"] {
        expected.push(format!("{BASE}/en/issues/2026-{month}-issue/"));
        expected.push(format!("{BASE}/es/issues/2026-{month}-issue/"));
    }
    for url in &expected {
        assert!(
            set.contains(url.as_str()),
            "the sitemap lists {url}; it has {locs:#?}"
        );
    }
    assert_eq!(
        set.len(),
        expected.len(),
        "nothing else is listed: {locs:#?}"
    );
}

#[test]
fn sitemap_leaves_out_fallbacks_redirects_and_404() {
    let site = sitemap_site();
    site.build(&[]).assert_ok();
    assert!(
        site.exists("es/issues/2026-05-english-only/index.html"),
        "the fallback page is built"
    );
    assert!(site.exists("en/latest/index.html"));
    let urls = sitemap_urls(&site.read("sitemap.xml"));
    for url in &urls {
        assert_ne!(
            url.loc,
            format!("{BASE}/es/issues/2026-05-english-only/"),
            "fallback issue page"
        );
        assert_ne!(
            url.loc,
            format!("{BASE}/es/subscribe/"),
            "fallback standalone page"
        );
        assert!(
            !url.loc.contains("/latest/"),
            "redirect page listed: {}",
            url.loc
        );
        assert!(!url.loc.contains("404"), "404 listed: {}", url.loc);
        for (lang, href) in &url.alternates {
            assert_ne!(
                href,
                &format!("{BASE}/es/issues/2026-05-english-only/"),
                "fallback as alternate of {}",
                url.loc
            );
            assert_ne!(
                href,
                &format!("{BASE}/es/subscribe/"),
                "fallback as alternate ({lang}) of {}",
                url.loc
            );
        }
    }
    let english_only = urls
        .iter()
        .find(|u| u.loc == format!("{BASE}/en/issues/2026-05-english-only/"))
        .expect("listed");
    let langs: BTreeSet<&str> = english_only
        .alternates
        .iter()
        .map(|(l, _)| l.as_str())
        .collect();
    assert!(
        !langs.contains("es"),
        "no Spanish alternate for an English-only issue: {langs:?}"
    );
}

#[test]
fn sitemap_translated_issue_has_hreflang_alternates() {
    let site = sitemap_site();
    site.build(&[]).assert_ok();
    let urls = sitemap_urls(&site.read("sitemap.xml"));
    let en = format!("{BASE}/en/issues/2026-03-issue/");
    let es = format!("{BASE}/es/issues/2026-03-issue/");
    for loc in [&en, &es] {
        let url = urls
            .iter()
            .find(|u| &u.loc == loc)
            .unwrap_or_else(|| panic!("{loc} listed"));
        let alternates: BTreeMap<&str, &str> = url
            .alternates
            .iter()
            .map(|(l, h)| (l.as_str(), h.as_str()))
            .collect();
        assert_eq!(
            alternates.len(),
            url.alternates.len(),
            "each hreflang once for {loc}"
        );
        assert_eq!(
            alternates.get("en"),
            Some(&en.as_str()),
            "en alternate of {loc}"
        );
        assert_eq!(
            alternates.get("es"),
            Some(&es.as_str()),
            "es alternate of {loc}"
        );
        assert_eq!(
            alternates.get("x-default"),
            Some(&en.as_str()),
            "x-default of {loc} is the default language"
        );
        assert_eq!(alternates.len(), 3, "{alternates:?}");
    }
}

#[test]
fn sitemap_alternates_are_absolute_listed_and_reciprocal() {
    let site = sitemap_site();
    site.build(&[]).assert_ok();
    let urls = sitemap_urls(&site.read("sitemap.xml"));
    let by_loc: BTreeMap<&str, &SitemapUrl> = urls.iter().map(|u| (u.loc.as_str(), u)).collect();
    let mut checked = 0;
    for url in &urls {
        assert!(
            url.loc.starts_with(&format!("{BASE}/")),
            "absolute loc: {}",
            url.loc
        );
        for (lang, href) in &url.alternates {
            assert!(
                href.starts_with(&format!("{BASE}/")),
                "absolute alternate href: {href}"
            );
            let other = by_loc
                .get(href.as_str())
                .unwrap_or_else(|| panic!("alternate {href} of {} is not in the sitemap", url.loc));
            if lang == "x-default" || href == &url.loc {
                continue;
            }
            assert!(
                other.alternates.iter().any(|(_, h)| h == &url.loc),
                "{} lists {href} ({lang}) but {href} does not list it back",
                url.loc
            );
            checked += 1;
        }
    }
    assert!(
        checked >= 8,
        "translated issues and pages were checked ({checked})"
    );
}

#[test]
fn robots_txt_points_to_the_sitemap() {
    let site = sitemap_site();
    site.build(&[]).assert_ok();
    let robots = site.read("robots.txt");
    assert!(
        robots
            .lines()
            .any(|line| line.trim_end() == "Sitemap: https://news.example.org/sitemap.xml"),
        "robots.txt:\n{robots}"
    );
    assert!(site.exists("sitemap.xml"));
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

#[test]
fn a_feed_with_no_issue_in_its_language_is_still_valid() {
    let site = Fixture::new();
    site.issue(
        "2026-03-only",
        "en",
        "Only English",
        "2026-03-01",
        "",
        "Text.\n",
    );
    site.build(&[]).assert_ok();
    let atom = site.read("es/atom.xml");
    let doc = parse(&atom);
    let feed = doc.root_element();
    assert!(
        children(feed, ATOM, "entry").is_empty(),
        "no Spanish issue, no entry"
    );
    let updated = text(child(feed, ATOM, "updated"));
    assert!(
        is_rfc3339(&updated),
        "Atom requires a valid <updated> even without entries: {updated:?}"
    );
    let rss = site.read("es/rss.xml");
    let doc = parse(&rss);
    let channel = plain_child(doc.root_element(), "channel");
    assert!(plain_children(channel, "item").is_empty());
    for name in ["lastBuildDate", "pubDate"] {
        for node in plain_children(channel, name) {
            let value = text(node);
            assert!(
                is_rfc2822(&value),
                "<{name}> must be an RFC 2822 date or be left out: {value:?}"
            );
        }
    }
}

#[test]
fn rss_dates_are_rfc2822() {
    let site = feed_site();
    site.build(&[]).assert_ok();
    let rss = site.read("en/rss.xml");
    let doc = parse(&rss);
    let channel = plain_child(doc.root_element(), "channel");
    for name in ["lastBuildDate", "pubDate"] {
        for node in plain_children(channel, name) {
            assert!(
                is_rfc2822(&text(node)),
                "channel <{name}>: {:?}",
                text(node)
            );
        }
    }
    for item in plain_children(channel, "item") {
        let date = text(plain_child(item, "pubDate"));
        assert!(is_rfc2822(&date), "item pubDate: {date:?}");
    }
}

#[test]
fn front_matter_text_is_escaped_in_feeds() {
    let site = Fixture::new();
    site.write(
        "boletin.yaml",
        &CONFIG.replace("title: Test News", "title: \"News & <Views>\""),
    );
    site.issue(
        "2026-03-rent",
        "en",
        "Rent & <Repairs> \"now\" ]]>",
        "2026-03-01",
        "summary: \"Tenants <b>win</b> & more\"\ntags: [\"Health & Safety\"]\nauthors: [\"O'Brien & Co\"]\n",
        "Body.\n",
    );
    site.build(&[]).assert_ok();
    let atom = site.read("en/atom.xml");
    let doc = parse(&atom);
    let feed = doc.root_element();
    assert_eq!(text(child(feed, ATOM, "title")), "News & <Views>");
    let entry = child(feed, ATOM, "entry");
    assert_eq!(
        text(child(entry, ATOM, "title")),
        "Rent & <Repairs> \"now\" ]]>"
    );
    assert_eq!(
        text(child(entry, ATOM, "summary")),
        "Tenants <b>win</b> & more"
    );
    let category = child(entry, ATOM, "category");
    assert_eq!(category.attribute("term"), Some("Health & Safety"));
    let author = child(entry, ATOM, "author");
    assert_eq!(text(child(author, ATOM, "name")), "O'Brien & Co");
    let rss = site.read("en/rss.xml");
    let doc = parse(&rss);
    let channel = plain_child(doc.root_element(), "channel");
    assert_eq!(text(plain_child(channel, "title")), "News & <Views>");
    let item = plain_child(channel, "item");
    assert_eq!(
        text(plain_child(item, "title")),
        "Rent & <Repairs> \"now\" ]]>"
    );
}

#[test]
fn feeds_stay_well_formed_with_control_characters_in_the_text() {
    let site = Fixture::new();
    // YAML escapes put control characters in the title and tags; the body
    // has them raw.
    site.write(
        "content/issues/2026-03-odd/index.en.md",
        "---\ntitle: \"Odd\\x01title\\x0c\"\ndate: 2026-03-01\nsummary: \"bell \\a here\"\ntags: [\"tab\\x02tag\"]\n---\nBody with \u{b} vertical tab and \u{1b} escape.\n",
    );
    let run = site.build(&[]);
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    if run.code == 0 {
        for file in [
            "en/atom.xml",
            "en/rss.xml",
            "es/atom.xml",
            "es/rss.xml",
            "sitemap.xml",
        ] {
            let xml = site.read(file);
            if let Err(e) = Document::parse(&xml) {
                panic!("{file} is not well-formed XML: {e}");
            }
        }
    } else {
        assert!(
            run.stderr
                .contains("content/issues/2026-03-odd/index.en.md"),
            "{}",
            run.stderr
        );
    }
}
