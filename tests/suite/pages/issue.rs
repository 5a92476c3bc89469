//! An issue's page (number, localized date, authors, tags, cover,
//! neighbours, language switch, alternates) and where it lives: slugs from
//! front matter or the key.

use super::*;

#[test]
fn issue_page_shows_number_localized_date_authors_tags_cover_neighbours_switch_and_alternates() {
    let fixture = Fixture::new();
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"3\"><rect width=\"4\" height=\"3\"/></svg>\n";
    fixture.write("content/issues/2026-03-legal-clinic/cover.svg", svg);
    fixture.issue(
        "2026-03-legal-clinic",
        "en",
        "Legal clinic",
        "2026-03-01",
        "issue: 42\nauthors: [\"Ana López\", \"Ben Smith\"]\ntags: [\"Legal aid\", \"Know your rights\"]\ncover: cover.svg\ncover_alt: \"Volunteers at the clinic\"\n",
        "The clinic is open.\n",
    );
    fixture.issue(
        "2026-03-legal-clinic",
        "es",
        "Clínica legal",
        "2026-03-01",
        "issue: 42\nslug: clinica-legal\nauthors: [\"Ana López\", \"Ben Smith\"]\ntags: [\"Asistencia legal\", \"Educación cívica\"]\ncover: cover.svg\ncover_alt: \"Voluntarios en la clínica\"\n",
        "La clínica está abierta.\n",
    );
    for (key, date) in [
        ("2026-01-older", "2026-01-05"),
        ("2026-05-newer", "2026-05-05"),
    ] {
        fixture.issue(key, "en", &format!("English {key}"), date, "", "Text.\n");
        fixture.issue(key, "es", &format!("Español {key}"), date, "", "Texto.\n");
    }
    fixture.build(&[]).assert_ok();

    let en_url = "/en/issues/2026-03-legal-clinic/";
    let es_url = "/es/issues/clinica-legal/";
    let cases = [
        (
            "en",
            en_url,
            "No. 42",
            "March 1, 2026",
            "By Ana López, Ben Smith",
            [
                ("Legal aid", "legal-aid"),
                ("Know your rights", "know-your-rights"),
            ],
            "Volunteers at the clinic",
            ("es", es_url),
        ),
        (
            "es",
            es_url,
            "Núm. 42",
            "1 de marzo de 2026",
            "Por Ana López, Ben Smith",
            [
                ("Asistencia legal", "asistencia-legal"),
                ("Educación cívica", "educacion-civica"),
            ],
            "Voluntarios en la clínica",
            ("en", en_url),
        ),
    ];
    for (lang, url, number, date, byline, tags, alt, (other_lang, other_url)) in cases {
        let page = format!("{}index.html", url.trim_start_matches('/'));
        let html = fixture.html(&page);

        let meta = containing(&html, "main p", number);
        assert!(!meta.is_empty(), "{page}: no paragraph shows {number:?}");
        let time = first(&html, r#"main time[datetime="2026-03-01"]"#);
        assert_eq!(text(time), date, "{page}: the date");
        assert_eq!(
            text(first(&html, "main .byline")),
            byline,
            "{page}: the authors"
        );

        for (name, slug) in tags {
            let css = format!(r#"main a[href="/{lang}/tags/{slug}/"]"#);
            let link = first(&html, &css);
            assert_eq!(text(link), name, "{page}: tag link {css}");
        }

        let img = first(&html, "main img");
        assert_eq!(img.value().attr("alt"), Some(alt), "{page}: cover alt");
        let src = img.value().attr("src").expect("cover src");
        let copied = output_path_of(url, src);
        assert_eq!(
            copied,
            format!("{}cover.svg", url.trim_start_matches('/')),
            "{page}: cover src {src:?}"
        );
        assert_eq!(
            fixture.read(&copied),
            svg,
            "{page}: the cover is copied beside the page"
        );

        let prev = local_hrefs(&html, r#"a[rel~="prev"]"#);
        let next = local_hrefs(&html, r#"a[rel~="next"]"#);
        let older = if lang == "en" {
            "/en/issues/2026-01-older/"
        } else {
            "/es/issues/2026-01-older/"
        };
        let newer = if lang == "en" {
            "/en/issues/2026-05-newer/"
        } else {
            "/es/issues/2026-05-newer/"
        };
        assert_eq!(
            prev,
            BTreeSet::from([older.to_string()]),
            "{page}: previous (older) issue"
        );
        assert_eq!(
            next,
            BTreeSet::from([newer.to_string()]),
            "{page}: next (newer) issue"
        );

        let switch = first(
            &html,
            &format!(r#"a[hreflang="{other_lang}"][lang="{other_lang}"]"#),
        );
        assert_eq!(
            local(switch.value().attr("href").unwrap()),
            other_url,
            "{page}: language switch"
        );

        assert_eq!(
            alternates(&html),
            expected_alternates(&[
                (
                    "en",
                    "https://news.example.org/en/issues/2026-03-legal-clinic/"
                ),
                ("es", "https://news.example.org/es/issues/clinica-legal/"),
                (
                    "x-default",
                    "https://news.example.org/en/issues/2026-03-legal-clinic/"
                ),
            ]),
            "{page}: hreflang alternates"
        );
        assert_eq!(
            attrs(&html, r#"link[rel="canonical"]"#, "href"),
            [format!("{ORIGIN}{url}")],
            "{page}: canonical"
        );
    }
}

#[test]
fn slugs_come_from_front_matter_or_the_key_and_tags_that_slugify_alike_are_one_tag() {
    let fixture = Fixture::new();
    fixture.issue(
        "2026-03-clinic",
        "en",
        "Legal clinic",
        "2026-03-01",
        "tags: [\"Civics\"]\n",
        "English.\n",
    );
    fixture.issue(
        "2026-03-clinic",
        "es",
        "Clínica legal",
        "2026-03-01",
        "slug: \"Clínica legal\"\ntags: [\"Educación cívica\"]\n",
        "Español.\n",
    );
    fixture.issue(
        "2026-01-rally",
        "en",
        "Rally",
        "2026-01-10",
        "",
        "English.\n",
    );
    fixture.issue(
        "2026-01-rally",
        "es",
        "Manifestación",
        "2026-01-10",
        "tags: [\"educacion civica\"]\n",
        "Español.\n",
    );
    fixture.build(&[]).assert_ok();

    assert!(
        fixture.exists("es/issues/clinica-legal/index.html"),
        "the Spanish slug, transliterated"
    );
    assert!(
        !fixture.exists("es/issues/2026-03-clinic/index.html"),
        "no page at the key when a slug is set"
    );
    assert!(
        fixture.exists("en/issues/2026-03-clinic/index.html"),
        "no slug: the key"
    );
    assert!(
        fixture.exists("es/issues/2026-01-rally/index.html"),
        "no slug: the key"
    );

    let clinic = fixture.html("es/issues/clinica-legal/index.html");
    assert_eq!(
        text(first(
            &clinic,
            r#"main a[href="/es/tags/educacion-civica/"]"#
        )),
        "Educación cívica"
    );
    let rally = fixture.html("es/issues/2026-01-rally/index.html");
    assert!(
        !select(&rally, r#"main a[href="/es/tags/educacion-civica/"]"#).is_empty(),
        "the other spelling links to the same tag page"
    );

    assert!(fixture.exists("es/tags/educacion-civica/index.html"));
    let tag = fixture.html("es/tags/educacion-civica/index.html");
    let listed: BTreeSet<String> = attrs(&tag, r#"main a[href^="/es/issues/"]"#, "href")
        .into_iter()
        .collect();
    assert_eq!(
        listed,
        BTreeSet::from([
            "/es/issues/clinica-legal/".to_string(),
            "/es/issues/2026-01-rally/".to_string()
        ]),
        "one tag page lists both issues"
    );

    let index = fixture.html("es/tags/index.html");
    let links = attrs(&index, r#"main a[href^="/es/tags/"]"#, "href");
    assert_eq!(
        links
            .iter()
            .filter(|h| h.as_str() == "/es/tags/educacion-civica/")
            .count(),
        1,
        "listed once: {links:?}"
    );
    let tag_pages: Vec<String> = links
        .iter()
        .filter(|h| h.as_str() != "/es/tags/")
        .cloned()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(
        tag_pages,
        ["/es/tags/educacion-civica/"],
        "one Spanish tag in all"
    );
}
