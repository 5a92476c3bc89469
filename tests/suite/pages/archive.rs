//! The archive: the newest issue featured, the rest grouped by year and
//! paginated newest first; the `latest` page of each language; and an
//! overridden `entry.html` restyling every listed issue.

use super::*;

#[test]
fn archive_features_the_newest_issue_groups_the_rest_by_year_and_paginates_newest_first() {
    let fixture = Fixture::new();
    let dates = [
        "2024-11-01",
        "2025-01-15",
        "2025-05-01",
        "2025-09-01",
        "2026-01-10",
        "2026-03-01",
        "2026-05-01",
    ];
    for (n, date) in dates.iter().enumerate() {
        let n = n + 1;
        fixture.issue(
            &format!("issue-{n}"),
            "en",
            &format!("Issue {n}"),
            date,
            "",
            &format!("Body {n}.\n"),
        );
    }
    fixture.build(&[]).assert_ok();

    assert!(fixture.exists("en/index.html"));
    assert!(fixture.exists("en/page/2/index.html"));
    assert!(fixture.exists("en/page/3/index.html"));
    assert!(
        !fixture.exists("en/page/4/index.html"),
        "7 issues at 3 a page make 3 pages"
    );

    let issue_links = |html: &Html, css: &str| -> Vec<String> {
        attrs(html, &format!(r#"{css} a[href^="/en/issues/"]"#), "href")
    };

    let page1 = fixture.html("en/index.html");
    let featured = select(&page1, "section.featured");
    assert_eq!(featured.len(), 1, "one featured section on page 1");
    assert_eq!(
        issue_links(&page1, "section.featured"),
        ["/en/issues/issue-7/"]
    );
    let years = |html: &Html| -> Vec<(String, Vec<String>)> {
        select(html, "section.year")
            .into_iter()
            .map(|section| {
                let heading = section
                    .select(&scraper::Selector::parse("h2").unwrap())
                    .next()
                    .map(text)
                    .unwrap_or_default();
                let links = section
                    .select(&scraper::Selector::parse(r#"a[href^="/en/issues/"]"#).unwrap())
                    .filter_map(|a| a.value().attr("href"))
                    .map(str::to_string)
                    .collect();
                (heading, links)
            })
            .collect()
    };
    assert_eq!(
        years(&page1),
        [(
            "2026".to_string(),
            vec![
                "/en/issues/issue-6/".to_string(),
                "/en/issues/issue-5/".to_string()
            ]
        )]
    );

    let page2 = fixture.html("en/page/2/index.html");
    assert!(
        select(&page2, "section.featured").is_empty(),
        "only page 1 features an issue"
    );
    assert_eq!(
        years(&page2),
        [(
            "2025".to_string(),
            vec![
                "/en/issues/issue-4/".to_string(),
                "/en/issues/issue-3/".to_string(),
                "/en/issues/issue-2/".to_string()
            ]
        )]
    );
    let page3 = fixture.html("en/page/3/index.html");
    assert_eq!(
        years(&page3),
        [("2024".to_string(), vec!["/en/issues/issue-1/".to_string()])]
    );

    let mut all = Vec::new();
    for page in [&page1, &page2, &page3] {
        all.extend(issue_links(page, "main"));
    }
    let expected: Vec<String> = (1..=7)
        .rev()
        .map(|n| format!("/en/issues/issue-{n}/"))
        .collect();
    assert_eq!(
        all, expected,
        "every issue once, newest first across the pages"
    );

    let next = |html: &Html| local_hrefs(html, r#"[rel~="next"][href]"#);
    let prev = |html: &Html| local_hrefs(html, r#"[rel~="prev"][href]"#);
    assert_eq!(next(&page1), BTreeSet::from(["/en/page/2/".to_string()]));
    assert!(
        prev(&page1).is_empty(),
        "page 1 has no previous page: {:?}",
        prev(&page1)
    );
    assert_eq!(next(&page2), BTreeSet::from(["/en/page/3/".to_string()]));
    assert_eq!(prev(&page2), BTreeSet::from(["/en/".to_string()]));
    assert!(
        next(&page3).is_empty(),
        "page 3 has no next page: {:?}",
        next(&page3)
    );
    assert_eq!(prev(&page3), BTreeSet::from(["/en/page/2/".to_string()]));
}

#[test]
fn latest_page_of_each_language_refreshes_to_its_newest_issue() {
    let fixture = Fixture::new();
    fixture.issue("2026-01-old", "en", "Old", "2026-01-01", "", "Old.\n");
    fixture.issue("2026-01-old", "es", "Viejo", "2026-01-01", "", "Viejo.\n");
    fixture.issue("2026-05-new", "en", "New", "2026-05-01", "", "New.\n");
    fixture.issue(
        "2026-05-new",
        "es",
        "Nuevo",
        "2026-05-01",
        "slug: nuevo\n",
        "Nuevo.\n",
    );
    fixture.build(&[]).assert_ok();

    for (lang, target) in [
        ("en", "/en/issues/2026-05-new/"),
        ("es", "/es/issues/nuevo/"),
    ] {
        let html = fixture.html(&format!("{lang}/latest/index.html"));
        assert_eq!(attr_of(&html, "html", "lang"), lang);
        let content = attr_of(&html, r#"meta[http-equiv="refresh"]"#, "content");
        assert_eq!(
            local(&refresh_target(&content)),
            target,
            "{lang}/latest/ refresh {content:?}"
        );
    }
}

#[test]
fn overriding_entry_html_restyles_every_listed_issue_on_archive_and_tag_pages() {
    let fixture = Fixture::new();
    for (key, date) in [("a", "2026-01-01"), ("b", "2026-02-01")] {
        fixture.issue(key, "en", key, date, "tags: [Housing]\n", "Text.\n");
        fixture.issue(key, "es", key, date, "tags: [Vivienda]\n", "Texto.\n");
    }
    fixture.write(
        "themes/default/templates/entry.html",
        r#"<p class="mine" data-lang="{{ lang }}"><a href="{{ e.url }}">{{ e.title }}</a> {{ t(key="latest-issue") }}</p>"#,
    );
    fixture.build(&[]).assert_ok();

    for (page, lang, latest) in [
        ("en/index.html", "en", "Latest issue"),
        ("en/tags/housing/index.html", "en", "Latest issue"),
        ("es/index.html", "es", "Último número"),
        ("es/tags/vivienda/index.html", "es", "Último número"),
    ] {
        let html = fixture.html(page);
        assert!(
            select(&html, "article.entry").is_empty(),
            "{page}: the default entry markup is gone"
        );
        let mine = select(&html, "main p.mine");
        let links: BTreeSet<String> = attrs(&html, "main p.mine a", "href").into_iter().collect();
        assert_eq!(
            links,
            BTreeSet::from([format!("/{lang}/issues/a/"), format!("/{lang}/issues/b/")]),
            "{page}"
        );
        for p in mine {
            assert_eq!(p.value().attr("data-lang"), Some(lang), "{page}");
            assert!(text(p).ends_with(latest), "{page}: {:?}", text(p));
        }
    }
}
