//! A translator's mistake in an interface string must not stop the
//! newsletter: the default language's text stands in, build warns, and
//! check refuses it.

mod common;

use common::*;

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
}
