//! The RSS feed of each language, and what both feeds do with awkward
//! input: no issue in a language, front matter text to escape, control
//! characters in the text.

use super::*;

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
