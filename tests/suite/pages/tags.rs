//! The tag index and the tag pages: counts with plurals in each language,
//! issues newest first under year headings.

use super::*;

#[test]
fn tag_index_and_tag_pages_count_issues_with_plurals_in_each_language() {
    let fixture = Fixture::new();
    fixture.issue(
        "a",
        "en",
        "Issue A",
        "2026-03-01",
        "tags: [Housing, Health]\n",
        "A.\n",
    );
    fixture.issue(
        "a",
        "es",
        "Número A",
        "2026-03-01",
        "tags: [Vivienda, Salud]\n",
        "A.\n",
    );
    fixture.issue(
        "b",
        "en",
        "Issue B",
        "2026-01-01",
        "tags: [Housing]\n",
        "B.\n",
    );
    fixture.issue(
        "b",
        "es",
        "Número B",
        "2026-01-01",
        "tags: [Vivienda]\n",
        "B.\n",
    );
    fixture.build(&[]).assert_ok();

    let cases = [
        (
            "en",
            "housing",
            "Housing",
            "2 issues",
            "health",
            "Health",
            "One issue",
        ),
        (
            "es",
            "vivienda",
            "Vivienda",
            "2 números",
            "salud",
            "Salud",
            "Un número",
        ),
    ];
    for (lang, two_slug, two_name, two_count, one_slug, one_name, one_count) in cases {
        let index = fixture.html(&format!("{lang}/tags/index.html"));
        for (slug, name, count) in [
            (two_slug, two_name, two_count),
            (one_slug, one_name, one_count),
        ] {
            let link = first(&index, &format!(r#"main a[href="/{lang}/tags/{slug}/"]"#));
            assert_eq!(text(link), name, "{lang} tag index: link text");
            let item = enclosing(link, "li");
            assert!(
                text(item).contains(count),
                "{lang} tag index: {name} should say {count:?}, says {:?}",
                text(item)
            );

            let page = fixture.html(&format!("{lang}/tags/{slug}/index.html"));
            let main = text(first(&page, "main"));
            assert!(
                main.contains(count),
                "{lang}/tags/{slug}/ should say {count:?}: {main:?}"
            );
            assert!(
                main.contains(name),
                "{lang}/tags/{slug}/ names the tag: {main:?}"
            );
        }
        let housing = fixture.html(&format!("{lang}/tags/{two_slug}/index.html"));
        let listed: BTreeSet<String> = attrs(
            &housing,
            &format!(r#"main a[href^="/{lang}/issues/"]"#),
            "href",
        )
        .into_iter()
        .collect();
        assert_eq!(
            listed,
            BTreeSet::from([format!("/{lang}/issues/a/"), format!("/{lang}/issues/b/")])
        );
        let health = fixture.html(&format!("{lang}/tags/{one_slug}/index.html"));
        let listed: BTreeSet<String> = attrs(
            &health,
            &format!(r#"main a[href^="/{lang}/issues/"]"#),
            "href",
        )
        .into_iter()
        .collect();
        assert_eq!(listed, BTreeSet::from([format!("/{lang}/issues/a/")]));
    }
}

#[test]
fn tag_pages_list_their_issues_newest_first_under_year_headings_like_the_archive() {
    let fixture = Fixture::new();
    for (key, date) in [
        ("old", "2025-05-01"),
        ("mid", "2026-01-01"),
        ("new", "2026-07-01"),
    ] {
        fixture.issue(key, "en", key, date, "tags: [Housing]\n", "Text.\n");
    }
    fixture.issue("other", "en", "other", "2026-08-01", "", "Text.\n");
    fixture.build(&[]).assert_ok();

    let page = fixture.html("en/tags/housing/index.html");
    let years: Vec<(String, Vec<String>)> = select(&page, "main section.year")
        .into_iter()
        .map(|section| {
            let heading = section
                .select(&scraper::Selector::parse("h2").unwrap())
                .map(text)
                .collect::<Vec<_>>()
                .join("|");
            let links = section
                .select(&scraper::Selector::parse("article.entry h3 a").unwrap())
                .filter_map(|a| a.value().attr("href"))
                .map(str::to_string)
                .collect();
            (heading, links)
        })
        .collect();
    assert_eq!(
        years,
        [
            (
                "2026".to_string(),
                vec!["/en/issues/new/".to_string(), "/en/issues/mid/".to_string()]
            ),
            ("2025".to_string(), vec!["/en/issues/old/".to_string()]),
        ]
    );
}
