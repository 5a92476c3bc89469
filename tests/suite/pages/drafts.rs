//! Drafts are left out of a build unless asked for, and then marked.

use super::*;

#[test]
fn drafts_are_left_out_unless_asked_for_and_then_marked() {
    let fixture = Fixture::new();
    fixture.issue("published", "en", "Published", "2026-01-01", "", "Out.\n");
    fixture.issue("published", "es", "Publicado", "2026-01-01", "", "Fuera.\n");
    fixture.issue(
        "wip",
        "en",
        "Work in progress",
        "2026-03-01",
        "draft: true\n",
        "Not yet.\n",
    );
    fixture.build(&[]).assert_ok();

    assert!(
        !fixture.exists("en/issues/wip/index.html"),
        "no page for a draft"
    );
    assert!(
        !fixture.exists("es/issues/wip/index.html"),
        "no fallback page for a draft"
    );
    for lang in ["en", "es"] {
        let archive = fixture.html(&format!("{lang}/index.html"));
        assert!(
            select(&archive, &format!(r#"a[href="/{lang}/issues/wip/"]"#)).is_empty(),
            "{lang} archive lists no draft"
        );
        assert!(
            !text_of(&archive, "main").contains("Work in progress"),
            "{lang} archive lists no draft"
        );
    }

    fixture.build(&["--drafts"]).assert_ok();
    assert!(
        fixture.exists("en/issues/wip/index.html"),
        "--drafts builds drafts"
    );
    let page = fixture.html("en/issues/wip/index.html");
    assert_eq!(text_of(&page, "main h1"), "Work in progress");
    assert_eq!(
        text_of(&page, "main .draft"),
        "Draft",
        "the draft mark on the page"
    );
    let archive = fixture.html("en/index.html");
    let entry = enclosing(
        first(&archive, r#"main a[href="/en/issues/wip/"]"#),
        "article",
    );
    let marks: Vec<String> = entry
        .select(&scraper::Selector::parse(".draft").unwrap())
        .map(text)
        .collect();
    assert_eq!(marks, ["Draft"], "the draft mark in the archive");
    let published = enclosing(
        first(&archive, r#"main a[href="/en/issues/published/"]"#),
        "article",
    );
    assert_eq!(
        published
            .select(&scraper::Selector::parse(".draft").unwrap())
            .count(),
        0,
        "published issues are not marked"
    );
}
