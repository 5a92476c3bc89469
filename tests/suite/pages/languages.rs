//! Every language's pages carry their `lang`, `dir` and interface text;
//! the site root chooses a language; the 404 page speaks every configured
//! language; and a third, right-to-left language is added by files only.

use super::*;

#[test]
fn pages_in_each_language_have_their_lang_dir_and_interface_text_and_the_root_chooses_a_language() {
    let fixture = Fixture::new();
    fixture.issue(
        "2026-03-clinic",
        "en",
        "Legal clinic",
        "2026-03-01",
        "",
        "English body.\n",
    );
    fixture.issue(
        "2026-03-clinic",
        "es",
        "Clínica legal",
        "2026-03-01",
        "",
        "Texto en español.\n",
    );
    fixture.build(&[]).assert_ok();

    for (lang, page) in [
        ("en", "en/index.html"),
        ("en", "en/issues/2026-03-clinic/index.html"),
        ("es", "es/index.html"),
        ("es", "es/issues/2026-03-clinic/index.html"),
    ] {
        let html = fixture.html(page);
        assert_html_language(&html, page, lang, "ltr");
        let (archive_text, tags_text) = match lang {
            "en" => ("All issues", "Topics"),
            _ => ("Todos los números", "Temas"),
        };
        let archive_links: Vec<String> = select(&html, &format!(r#"nav a[href="/{lang}/"]"#))
            .into_iter()
            .map(text)
            .collect();
        assert!(
            archive_links.contains(&archive_text.to_string()),
            "{page}: nav links to /{lang}/ read {archive_links:?}"
        );
        let tag_links: Vec<String> = select(&html, &format!(r#"nav a[href="/{lang}/tags/"]"#))
            .into_iter()
            .map(text)
            .collect();
        assert!(
            tag_links.contains(&tags_text.to_string()),
            "{page}: nav links to /{lang}/tags/ read {tag_links:?}"
        );
    }

    let root = fixture.html("index.html");
    let chooser: BTreeMap<String, String> = select(&root, "a[hreflang]")
        .iter()
        .map(|a| {
            (
                a.value().attr("hreflang").unwrap().to_string(),
                local(a.value().attr("href").unwrap_or_default()),
            )
        })
        .collect();
    assert_eq!(
        chooser.get("en").map(String::as_str),
        Some("/en/"),
        "chooser links: {chooser:?}"
    );
    assert_eq!(
        chooser.get("es").map(String::as_str),
        Some("/es/"),
        "chooser links: {chooser:?}"
    );
    assert_eq!(
        alternates(&root),
        expected_alternates(&[
            ("en", "https://news.example.org/en/"),
            ("es", "https://news.example.org/es/"),
            ("x-default", "https://news.example.org/"),
        ])
    );
}

#[test]
fn not_found_page_speaks_every_configured_language() {
    let fixture = Fixture::new();
    fixture.issue("one", "en", "One", "2026-03-01", "", "One.\n");
    fixture.build(&[]).assert_ok();

    assert!(fixture.exists("404.html"));
    let html = fixture.html("404.html");
    for (lang, heading, home) in [
        ("en", "Page not found", "/en/"),
        ("es", "Página no encontrada", "/es/"),
    ] {
        let sections = select(&html, &format!(r#"section[lang="{lang}"]"#));
        assert_eq!(sections.len(), 1, "one {lang} section");
        let section = sections[0];
        assert!(
            text(section).contains(heading),
            "{lang} section: {:?}",
            text(section)
        );
        let links: Vec<String> = section
            .select(&scraper::Selector::parse("a[href]").unwrap())
            .map(|a| local(a.value().attr("href").unwrap()))
            .collect();
        assert!(
            links.contains(&home.to_string()),
            "{lang} section links home: {links:?}"
        );
    }
}

#[test]
fn a_third_right_to_left_language_is_added_by_files_only() {
    let fixture = Fixture::new();
    fixture.write("boletin.yaml", &arabic_config());
    fixture.write("locales/ar/main.ftl", ARABIC_LOCALE);
    fixture.issue(
        "2026-03-clinic",
        "en",
        "Legal clinic",
        "2026-03-01",
        "issue: 42\n",
        "English.\n",
    );
    fixture.issue(
        "2026-03-clinic",
        "ar",
        "عيادة قانونية",
        "2026-03-01",
        "issue: 42\n",
        "نص عربي.\n",
    );
    let run = fixture.build(&[]);
    run.assert_ok();

    for page in [
        "ar/index.html",
        "ar/issues/2026-03-clinic/index.html",
        "ar/tags/index.html",
    ] {
        assert_html_language(&fixture.html(page), page, "ar", "rtl");
    }
    for page in ["en/index.html", "es/index.html"] {
        assert_eq!(attr_of(&fixture.html(page), "html", "dir"), "ltr", "{page}");
    }

    let issue = fixture.html("ar/issues/2026-03-clinic/index.html");
    let date = text_of(&issue, r#"main time[datetime="2026-03-01"]"#);
    assert_ne!(
        date, "March 1, 2026",
        "the Arabic date is not the English one"
    );
    assert_ne!(date, "2026-03-01", "the Arabic date is formatted, not ISO");
    assert!(date.contains("مارس"), "the Arabic month name: {date:?}");
    assert!(
        !containing(&issue, "main p", "العدد 42").is_empty(),
        "the Arabic issue number"
    );

    let archive_links: Vec<String> = select(&issue, r#"nav a[href="/ar/"]"#)
        .into_iter()
        .map(text)
        .collect();
    assert!(
        archive_links.contains(&"كل الأعداد".to_string()),
        "the Arabic message: {archive_links:?}"
    );
    let tag_links: Vec<String> = select(&issue, r#"nav a[href="/ar/tags/"]"#)
        .into_iter()
        .map(text)
        .collect();
    assert!(
        tag_links.contains(&"Topics".to_string()),
        "a missing Arabic message falls back to English: {tag_links:?}"
    );

    let switch = first(&issue, r#"a[hreflang="en"][lang="en"]"#);
    assert_eq!(
        local(switch.value().attr("href").unwrap()),
        "/en/issues/2026-03-clinic/"
    );
    let english = fixture.html("en/issues/2026-03-clinic/index.html");
    let to_arabic = first(&english, r#"a[hreflang="ar"][lang="ar"]"#);
    assert_eq!(
        to_arabic.value().attr("dir"),
        Some("rtl"),
        "the switch marks Arabic as right to left"
    );
    assert_eq!(text(to_arabic), "العربية", "the language's own name");

    for id in ["nav-tags", "skip-to-content", "not-found-title"] {
        assert!(
            warning_naming(&run.stderr, "locales/ar/main.ftl", id),
            "a warning names locales/ar/main.ftl and {id}:\n{}",
            run.stderr
        );
    }
    assert!(
        !warning_naming(&run.stderr, "locales/ar/main.ftl", "nav-archive"),
        "a message Arabic has is not warned about:\n{}",
        run.stderr
    );
}
