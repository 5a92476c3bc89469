//! Interface strings (the locale files): no Fluent isolation marks in any
//! output, a message missing in Spanish falls back to English with a
//! warning, and a translator's mistake in a string does not stop the
//! newsletter: the default language's text stands in, build warns, and
//! check refuses it.

use super::*;

#[test]
fn no_output_file_contains_fluent_bidi_isolation_marks() {
    let fixture = Fixture::new();
    fixture.write("boletin.yaml", &arabic_config());
    fixture.write("locales/ar/main.ftl", ARABIC_LOCALE);
    for (n, date) in ["2025-11-01", "2026-01-01", "2026-03-01", "2026-05-01"]
        .iter()
        .enumerate()
    {
        let key = format!("issue-{n}");
        let front = format!(
            "issue: {}\nauthors: [\"Ana López\", \"Ben Smith\"]\ntags: [\"Housing\"]\n",
            40 + n
        );
        fixture.issue(
            &key,
            "en",
            &format!("Issue {n}"),
            date,
            &front,
            "English.\n",
        );
        fixture.issue(
            &key,
            "es",
            &format!("Número {n}"),
            date,
            "issue: 7\ntags: [\"Vivienda\"]\n",
            "Español.\n",
        );
        fixture.issue(
            &key,
            "ar",
            &format!("العدد {n}"),
            date,
            "issue: 7\nauthors: [\"سارة\"]\n",
            "عربي.\n",
        );
    }
    fixture.build(&[]).assert_ok();

    // The fixture does interpolate variables, so the check means something.
    let unmarked = |text: String| text.replace(['\u{2068}', '\u{2069}'], "");
    let issue = fixture.html("en/issues/issue-3/index.html");
    assert!(
        unmarked(text_of(&issue, "main")).contains("No. 43"),
        "an interpolated issue number"
    );
    let tag = fixture.html("en/tags/housing/index.html");
    assert!(
        unmarked(text_of(&tag, "main")).contains("4 issues"),
        "an interpolated count"
    );
    assert!(
        fixture.exists("ar/page/2/index.html"),
        "a paginated Arabic archive"
    );

    let files = snapshot(&fixture.out());
    assert!(
        files.len() > 30,
        "the whole site is walked: {} files",
        files.len()
    );
    let marked: Vec<String> = files
        .iter()
        .filter(|(_, bytes)| {
            String::from_utf8_lossy(bytes)
                .chars()
                .any(|c| c == '\u{2068}' || c == '\u{2069}')
        })
        .map(|(path, _)| path.display().to_string())
        .collect();
    assert_eq!(marked, Vec::<String>::new(), "files with U+2068/U+2069");
}

#[test]
fn a_message_missing_in_spanish_warns_and_falls_back_to_english() {
    let fixture = Fixture::new();
    fixture.write(
        "locales/es/main.ftl",
        &spanish_locale_without("nav-archive"),
    );
    fixture.issue("one", "en", "One", "2026-03-01", "", "One.\n");
    fixture.issue("one", "es", "Uno", "2026-03-01", "", "Uno.\n");
    let run = fixture.build(&[]);
    assert_eq!(
        run.code, 0,
        "a missing message is a warning, not an error:\n{}",
        run.stderr
    );
    assert!(
        warning_naming(&run.stderr, "locales/es/main.ftl", "nav-archive"),
        "a warning names locales/es/main.ftl and nav-archive:\n{}",
        run.stderr
    );
    assert!(
        !warning_naming(&run.stderr, "locales/es/main.ftl", "nav-tags"),
        "only the missing message is named:\n{}",
        run.stderr
    );

    for page in ["es/index.html", "es/issues/one/index.html"] {
        let html = fixture.html(page);
        let archive_links: Vec<String> = select(&html, r#"nav a[href="/es/"]"#)
            .into_iter()
            .map(text)
            .collect();
        assert!(
            archive_links.contains(&"All issues".to_string()),
            "{page}: English text stands in: {archive_links:?}"
        );
        let tag_links: Vec<String> = select(&html, r#"nav a[href="/es/tags/"]"#)
            .into_iter()
            .map(text)
            .collect();
        assert!(
            tag_links.contains(&"Temas".to_string()),
            "{page}: other messages stay Spanish: {tag_links:?}"
        );
    }
}

#[test]
fn a_translated_message_with_an_unknown_variable_falls_back_to_the_default_language() {
    let fixture = Fixture::new();
    let es = std::fs::read_to_string(fixture.root().join("locales/es/main.ftl")).unwrap();
    let broken = es.replace(
        "issue-number = Núm. { $number }",
        "issue-number = Núm. { $numero }",
    );
    assert_ne!(
        es, broken,
        "the fixture's Spanish file has the message to break"
    );
    fixture.write("locales/es/main.ftl", &broken);
    fixture.issue("a", "en", "A", "2026-03-01", "issue: 42\n", "Text.\n");
    fixture.issue("a", "es", "A es", "2026-03-01", "issue: 42\n", "Texto.\n");

    let run = fixture.build(&[]);
    run.assert_ok();
    let warning = run
        .stderr
        .split("warning:")
        .find(|w| w.contains("issue-number"))
        .unwrap_or_else(|| panic!("a warning names the message: {}", run.stderr));
    assert!(warning.contains("locales/es/main.ftl"), "{warning}");
    assert!(warning.contains("$numero"), "{warning}");

    let page = fixture.html("es/issues/a/index.html");
    assert_eq!(attr_of(&page, "html", "lang"), "es");
    assert!(
        text_of(&page, ".issue-head .meta").starts_with("No. 42"),
        "the English text stands in"
    );

    let check = fixture.run(&["check"]);
    assert_eq!(check.code, 1, "{}", check.stderr);
    assert!(check.stderr.contains("$numero"), "{}", check.stderr);
    assert_stderr_snapshot!(run);
    assert_stderr_snapshot!(check);
}

/// Interface strings without variables are written into the templates
/// once per language before rendering; what a page shows must be what a
/// `t()` call at render time gives: escaped, in every kind of block, and
/// still falling back (with a warning) where a translation is missing.
#[test]
fn interface_strings_read_the_same_wherever_the_theme_uses_them() {
    let fixture = Fixture::new();
    let add = |lang: &str, text: &str| {
        let path = format!("locales/{lang}/main.ftl");
        let mut ftl = std::fs::read_to_string(fixture.root().join(&path)).unwrap();
        ftl.push_str(text);
        fixture.write(&path, &ftl);
    };
    add(
        "en",
        "\nfold-marks = Fish & <chips> \"to go\" 'now'\nfold-only-en = English only\n",
    );
    add("es", "\nfold-marks = Pescado & <papas> \"para llevar\"\n");
    fixture.write(
        "themes/default/templates/macros.html",
        &std::fs::read_to_string("themes/default/templates/macros.html")
            .unwrap()
            .replace(
                "{% macro pager(p, label) %}",
                "{% macro marks() %}<span class=\"in-macro\">{{ t(key=\"fold-marks\") }}</span>{% endmacro marks %}\n{% macro pager(p, label) %}",
            ),
    );
    fixture.write(
        "themes/default/templates/issue.html",
        &std::fs::read_to_string("themes/default/templates/issue.html")
            .unwrap()
            .replace(
                "{% extends \"base.html\" %}",
                "{% extends \"base.html\" %}\n{% import \"macros.html\" as m %}",
            )
            .replace(
                "<article class=\"issue\">",
                concat!(
                    "<p class=\"plain\" title=\"{{ t(key=\"fold-marks\") }}\">{{ t(key=\"fold-marks\") }}</p>",
                    "{% if article.title %}<p class=\"in-if\">{{ t(key=\"fold-marks\") }}</p>{% endif %}",
                    "{% for a in alternates %}<p class=\"in-for\">{{ t(key=\"fold-marks\") }}</p>{% endfor %}",
                    "{{ m::marks() }}",
                    "<p class=\"missing\">{{ t(key=\"fold-only-en\") }}</p>",
                    "<article class=\"issue\">",
                ),
            ),
    );
    fixture.issue("a", "en", "A", "2026-03-01", "", "Text.\n");
    fixture.issue("a", "es", "A es", "2026-03-01", "", "Texto.\n");

    let run = fixture.build(&[]);
    run.assert_ok();
    for (lang, expected) in [
        ("en", "Fish & <chips> \"to go\" 'now'"),
        ("es", "Pescado & <papas> \"para llevar\""),
    ] {
        let page = fixture.html(&format!("{lang}/issues/a/index.html"));
        for css in [".plain", ".in-if", ".in-macro"] {
            assert_eq!(text_of(&page, css), expected, "{lang} {css}");
        }
        assert_eq!(attr_of(&page, ".plain", "title"), expected, "{lang}");
        let in_for = select(&page, ".in-for");
        assert!(!in_for.is_empty(), "{lang}: the loop ran");
        for p in in_for {
            assert_eq!(folded_text(p), expected, "{lang}");
        }
        assert_eq!(text_of(&page, ".missing"), "English only", "{lang}");
    }
    assert!(
        run.stderr.contains("fold-only-en"),
        "the missing Spanish string is still reported: {}",
        run.stderr
    );
    assert_stderr_snapshot!(run);
}
