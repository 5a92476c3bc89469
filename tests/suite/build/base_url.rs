//! `--base-url` changes every absolute URL and internal link of the output.

use super::*;

#[test]
fn base_url_flag_changes_absolute_urls_and_internal_links() {
    let ws = workspace();
    let run = run_in(
        &ws.root().join("site"),
        &["build", "--base-url", "https://other.example/sub/"],
    );
    run.assert_ok();
    let out = ws.root().join("site/public");
    let read =
        |p: &str| std::fs::read_to_string(out.join(p)).unwrap_or_else(|e| panic!("{p}: {e}"));

    let atom = read("en/atom.xml");
    let doc = roxmltree::Document::parse(&atom).expect("well-formed");
    let atom_ns = "http://www.w3.org/2005/Atom";
    let self_link = doc
        .root_element()
        .children()
        .find(|n| n.has_tag_name((atom_ns, "link")) && n.attribute("rel") == Some("self"))
        .and_then(|n| n.attribute("href"))
        .expect("self link");
    assert_eq!(self_link, "https://other.example/sub/en/atom.xml");
    let entry_links: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name((atom_ns, "entry")))
        .flat_map(|e| e.children().filter(|c| c.has_tag_name((atom_ns, "link"))))
        .filter_map(|l| l.attribute("href"))
        .collect();
    assert_eq!(
        entry_links,
        [
            "https://other.example/sub/en/issues/2026-03-spring/",
            "https://other.example/sub/en/issues/2026-01-winter/"
        ]
    );
    let content = doc
        .descendants()
        .find(|n| n.has_tag_name((atom_ns, "content")))
        .and_then(|c| c.text())
        .expect("content");
    assert!(
        content.contains("https://other.example/sub/en/issues/2026-01-winter/"),
        "{content}"
    );

    let rss = read("es/rss.xml");
    let doc = roxmltree::Document::parse(&rss).expect("well-formed");
    let link = doc
        .descendants()
        .find(|n| n.has_tag_name("item"))
        .and_then(|i| i.children().find(|c| c.has_tag_name("link")))
        .and_then(|l| l.text());
    assert_eq!(
        link,
        Some("https://other.example/sub/es/issues/2026-03-spring/")
    );

    let sitemap = read("sitemap.xml");
    let doc = roxmltree::Document::parse(&sitemap).expect("well-formed");
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name(("http://www.sitemaps.org/schemas/sitemap/0.9", "loc")))
        .filter_map(|n| n.text())
        .collect();
    assert!(locs.contains(&"https://other.example/sub/"), "{locs:?}");
    assert!(
        locs.contains(&"https://other.example/sub/es/issues/2026-03-spring/"),
        "{locs:?}"
    );
    for loc in &locs {
        assert!(loc.starts_with("https://other.example/sub/"), "{loc}");
    }
    for href in doc.descendants().filter_map(|n| n.attribute("href")) {
        assert!(
            href.starts_with("https://other.example/sub/"),
            "sitemap alternate {href}"
        );
    }
    assert!(
        read("robots.txt")
            .lines()
            .any(|l| l.trim_end() == "Sitemap: https://other.example/sub/sitemap.xml")
    );

    for page in [
        "index.html",
        "en/index.html",
        "es/issues/2026-03-spring/index.html",
        "en/tags/index.html",
        "en/about/index.html",
    ] {
        let html = scraper::Html::parse_document(&read(page));
        let mut checked = 0;
        for element in select(&html, "[href], [src]") {
            for attribute in ["href", "src"] {
                let Some(value) = element.value().attr(attribute) else {
                    continue;
                };
                assert!(
                    !value.contains("news.example.org"),
                    "{page}: the old base URL remains: {value}"
                );
                if value.starts_with('/') {
                    assert!(
                        value.starts_with("/sub/"),
                        "{page}: internal link outside /sub/: {value}"
                    );
                    checked += 1;
                } else if value.starts_with("http") {
                    assert!(
                        value.starts_with("https://other.example/sub/"),
                        "{page}: {value}"
                    );
                }
            }
        }
        assert!(checked > 0, "{page} has internal links");
    }
    let spring = scraper::Html::parse_document(&read("en/issues/2026-03-spring/index.html"));
    assert_eq!(
        attr_of(&spring, "link[rel=canonical]", "href"),
        "https://other.example/sub/en/issues/2026-03-spring/"
    );
    let body_links: Vec<&str> = select(&spring, ".body a")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(body_links, ["/sub/en/issues/2026-01-winter/"]);
}
