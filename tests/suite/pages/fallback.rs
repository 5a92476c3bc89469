//! An issue not translated into Spanish: a marked fallback page in the
//! Spanish site, and nothing of it in the Spanish feed.

use super::*;

#[test]
fn an_issue_missing_in_spanish_gets_a_marked_fallback_page_and_stays_out_of_the_spanish_feed() {
    let fixture = Fixture::new();
    fixture.issue(
        "only-en",
        "en",
        "English only",
        "2026-03-01",
        "summary: \"Only in English.\"\n",
        "Words written only in English.\n",
    );
    fixture.issue("both", "en", "In both", "2026-01-01", "", "English text.\n");
    fixture.issue(
        "both",
        "es",
        "En ambos",
        "2026-01-01",
        "slug: en-ambos\n",
        "Texto en español.\n",
    );
    fixture.build(&[]).assert_ok();

    // The Spanish archive lists it, marked.
    let archive = fixture.html("es/index.html");
    let link = first(&archive, r#"main a[href="/es/issues/only-en/"]"#);
    assert_eq!(text(link), "English only");
    assert_eq!(
        lang_of(link).as_deref(),
        Some("en"),
        "the English title is marked lang=en"
    );
    let entry = enclosing(link, "article");
    let notes: Vec<String> = entry
        .select(&scraper::Selector::parse("p.untranslated").unwrap())
        .map(text)
        .collect();
    assert_eq!(
        notes,
        ["Aún sin traducir al español"],
        "the not-translated note"
    );
    let translated = enclosing(
        first(&archive, r#"main a[href="/es/issues/en-ambos/"]"#),
        "article",
    );
    assert_eq!(
        translated
            .select(&scraper::Selector::parse("p.untranslated").unwrap())
            .count(),
        0,
        "translated issues have no note"
    );

    // Its Spanish page.
    assert!(fixture.exists("es/issues/only-en/index.html"));
    let page = fixture.html("es/issues/only-en/index.html");
    assert_eq!(attr_of(&page, "html", "lang"), "es");
    let nav: Vec<String> = select(&page, r#"nav a[href="/es/"]"#)
        .into_iter()
        .map(text)
        .collect();
    assert!(
        nav.contains(&"Todos los números".to_string()),
        "Spanish interface: {nav:?}"
    );
    let notice = text_of(&page, "p.notice");
    assert!(
        notice.contains("Este número todavía no está traducido al español"),
        "notice: {notice:?}"
    );
    assert_eq!(
        lang_of(first(&page, "p.notice")).as_deref(),
        Some("es"),
        "the notice is in Spanish"
    );
    let body = containing(&page, "main p", "Words written only in English.");
    let body = body
        .last()
        .unwrap_or_else(|| panic!("the English body is shown"));
    assert_eq!(
        lang_of(*body).as_deref(),
        Some("en"),
        "the body is wrapped in lang=en"
    );
    assert!(
        body.ancestors()
            .filter_map(ElementRef::wrap)
            .any(|e| e.value().name() != "html" && e.value().attr("lang") == Some("en")),
        "an element inside the page, not <html>, carries lang=en"
    );
    assert_eq!(
        attrs(&page, r#"link[rel="canonical"]"#, "href"),
        ["https://news.example.org/en/issues/only-en/"]
    );
    let robots = attr_of(&page, r#"meta[name="robots"]"#, "content");
    assert!(robots.contains("noindex"), "robots: {robots:?}");
    assert_eq!(
        alternates(&page),
        Vec::<(String, String)>::new(),
        "a fallback page has no hreflang alternates"
    );

    // The English page does not list the fallback.
    let english = fixture.html("en/issues/only-en/index.html");
    assert_eq!(
        alternates(&english),
        expected_alternates(&[
            ("en", "https://news.example.org/en/issues/only-en/"),
            ("x-default", "https://news.example.org/en/issues/only-en/"),
        ])
    );

    // Feeds list only issues written in their language.
    let atom_text = fixture.read("es/atom.xml");
    let atom = roxmltree::Document::parse(&atom_text).expect("es/atom.xml parses");
    let atom_links: Vec<String> = atom
        .descendants()
        .filter(|n| n.has_tag_name("entry"))
        .flat_map(|entry| {
            entry
                .children()
                .filter(|n| n.has_tag_name("link"))
                .filter_map(|l| l.attribute("href").map(str::to_string))
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(
        atom_links,
        ["https://news.example.org/es/issues/en-ambos/"],
        "Spanish Atom entries"
    );
    let rss_text = fixture.read("es/rss.xml");
    let rss = roxmltree::Document::parse(&rss_text).expect("es/rss.xml parses");
    let rss_links: Vec<String> = rss
        .descendants()
        .filter(|n| n.has_tag_name("item"))
        .filter_map(|item| {
            item.children()
                .find(|n| n.has_tag_name("link"))
                .and_then(|l| l.text())
                .map(|t| t.trim().to_string())
        })
        .collect();
    assert_eq!(
        rss_links,
        ["https://news.example.org/es/issues/en-ambos/"],
        "Spanish RSS items"
    );
    let titles: Vec<&str> = atom
        .descendants()
        .chain(rss.descendants())
        .filter(|n| n.has_tag_name("title"))
        .filter_map(|n| n.text())
        .collect();
    assert!(
        !titles.contains(&"English only"),
        "the English-only issue is in no Spanish feed: {titles:?}"
    );
}
