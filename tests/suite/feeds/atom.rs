//! The Atom feed of each language: its metadata, entries newest first and
//! only in its language, links, stable unique ids, full HTML content with
//! absolute links, and `feed_limit`.

use super::*;

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
