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
