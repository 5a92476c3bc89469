//! Markdown as a writer uses it: tables, footnotes, strikethrough, smart
//! quotes, heading ids and links between issues.

use super::*;

#[test]
fn markdown_has_tables_footnotes_strikethrough_smart_quotes_heading_ids_and_links_between_issues() {
    let fixture = Fixture::new();
    fixture.issue("other-key", "en", "Other", "2026-01-01", "", "Other.\n");
    fixture.issue(
        "other-key",
        "es",
        "Otro",
        "2026-01-01",
        "slug: otro-numero\n",
        "Otro.\n",
    );
    let body = "## Qué hacer\n\n| Day | Place |\n|-----|-------|\n| Monday | Library |\n\nA claim.[^src]\n\n[^src]: The source of the claim.\n\n~~Old plan~~ new plan.\n\nShe said \"come early\" and it's free.\n\nSee [the other issue](../other-key/index.LANG.md) and [its notes](../other-key/index.LANG.md#notes).\n";
    fixture.issue(
        "main-key",
        "en",
        "Main",
        "2026-03-01",
        "",
        &body.replace("LANG", "en"),
    );
    fixture.issue(
        "main-key",
        "es",
        "Principal",
        "2026-03-01",
        "",
        &format!(
            "{}\nTambién [en inglés](../other-key/index.en.md).\n",
            body.replace("LANG", "es")
        ),
    );
    fixture.build(&[]).assert_ok();

    for (lang, page, other) in [
        (
            "en",
            "en/issues/main-key/index.html",
            "/en/issues/other-key/",
        ),
        (
            "es",
            "es/issues/main-key/index.html",
            "/es/issues/otro-numero/",
        ),
    ] {
        let html = fixture.html(page);

        let heading = first(&html, "main h2#que-hacer");
        assert_eq!(text(heading), "Qué hacer", "{lang}: heading id");

        let cells: Vec<String> = select(&html, "main table td")
            .into_iter()
            .map(text)
            .collect();
        assert_eq!(cells, ["Monday", "Library"], "{lang}: table cells");
        let headers: Vec<String> = select(&html, "main table th")
            .into_iter()
            .map(text)
            .collect();
        assert_eq!(headers, ["Day", "Place"], "{lang}: table headers");

        let reference = first(&html, r##"main sup a[href^="#"]"##);
        let target = reference
            .value()
            .attr("href")
            .unwrap()
            .trim_start_matches('#')
            .to_string();
        let definition = first(&html, &format!(r#"[id="{target}"]"#));
        assert!(
            text(definition).contains("The source of the claim."),
            "{lang}: footnote definition {:?}",
            text(definition)
        );

        assert_eq!(
            text_of(&html, "main del"),
            "Old plan",
            "{lang}: strikethrough"
        );

        let quoted = containing(&html, "main p", "come early");
        let quoted = text(*quoted.first().expect("the quote paragraph"));
        assert_eq!(
            quoted, "She said \u{201c}come early\u{201d} and it\u{2019}s free.",
            "{lang}: smart punctuation"
        );

        let href_of = |label: &str| -> Vec<String> {
            select(&html, "main a")
                .into_iter()
                .filter(|a| text(*a) == label)
                .filter_map(|a| a.value().attr("href").map(str::to_string))
                .collect()
        };
        assert_eq!(
            href_of("the other issue"),
            [other],
            "{lang}: the link to the other issue's file"
        );
        assert_eq!(
            href_of("its notes"),
            [format!("{other}#notes")],
            "{lang}: the fragment is kept"
        );
        let links = attrs(&html, "a", "href");
        assert!(
            !links.iter().any(|l| l.contains(".md")),
            "{lang}: no link to a source file is left: {links:?}"
        );
    }

    let spanish = fixture.html("es/issues/main-key/index.html");
    let english_link: Vec<String> = select(&spanish, "main a")
        .into_iter()
        .filter(|a| text(*a) == "en inglés")
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect();
    assert_eq!(
        english_link,
        ["/es/issues/otro-numero/"],
        "a link to the English source file leads to the Spanish page"
    );
}
