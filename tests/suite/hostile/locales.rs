//! Locale files nested so deep that the Fluent parser would overflow the
//! stack: every command that reads the site refuses the file with an
//! error naming it and its line, and a running `serve` stays up and shows
//! the error.

use crate::common::serve::Server;
use crate::common::*;

const LOCALE: &str = "locales/en/main.ftl";

/// A site with one issue in English and Spanish.
fn site() -> Fixture {
    let site = Fixture::new();
    for (lang, title) in [("en", "Spring meeting"), ("es", "Asamblea de primavera")] {
        site.issue(
            "2026-03-spring",
            lang,
            title,
            "2026-03-01",
            "issue: 1\n",
            "Hello.\n",
        );
    }
    site
}

/// `levels` placeables, one inside the other, around a string.
fn nested_placeables(levels: usize) -> String {
    format!("zz = {}\"x\"{}", "{ ".repeat(levels), " }".repeat(levels))
}

/// `levels` selectors, each in a variant of the one before, one line a
/// level: the one opening level `n` is the message's line `n`.
fn nested_selectors(id: &str, levels: usize) -> String {
    format!(
        "{id} = {{ $a ->\n{}  [a] x\n{}",
        "  [a] { $a ->\n".repeat(levels - 1),
        " *[b] x\n }\n".repeat(levels)
    )
}

/// Adds `line` at the end of the English locale file; returns its line number.
fn append_to_locale(site: &Fixture, line: &str) -> usize {
    let path = site.root().join(LOCALE);
    let mut text = std::fs::read_to_string(&path).expect("the locale file");
    if !text.ends_with('\n') {
        text.push('\n');
    }
    let number = text.lines().count() + 1;
    text.push_str(line);
    text.push('\n');
    site.write(LOCALE, &text);
    number
}

/// `build`, `check` and `status` exit 1 with the nesting error at `line`.
#[track_caller]
fn assert_refused_by_every_command(site: &Fixture, line: usize) {
    for command in ["build", "check", "status"] {
        let run = site.run(&[command]);
        assert!(
            !run.stderr.contains("overflowed its stack"),
            "{command} crashed:\n{}",
            run.stderr
        );
        assert_site_error(&run);
        assert_stderr_has(&run, &format!("{LOCALE}:{line}:"));
        assert_stderr_has(&run, "more than 50 levels deep");
        assert_stderr_snapshot!(run);
    }
}

#[test]
fn twenty_thousand_nested_placeables_are_an_error_naming_the_line() {
    let site = site();
    let line = append_to_locale(&site, &nested_placeables(20_000));
    assert_refused_by_every_command(&site, line);
}

#[test]
fn deeply_nested_selectors_are_an_error_naming_the_line() {
    let site = site();
    let first = append_to_locale(&site, &nested_selectors("zz", 5_000));
    assert_refused_by_every_command(&site, first + 50);
}

#[test]
fn deeply_nested_function_calls_are_an_error_naming_the_line() {
    let site = site();
    let calls = format!(
        "zz = {{ {}1{} }}",
        "NUMBER(".repeat(20_000),
        ")".repeat(20_000)
    );
    let line = append_to_locale(&site, &calls);
    assert_refused_by_every_command(&site, line);
}

#[test]
fn forty_levels_still_load() {
    let site = site();
    append_to_locale(&site, &nested_placeables(40));
    append_to_locale(&site, &nested_selectors("yy", 40));
    let run = site.build(&[]);
    run.assert_ok();
    assert!(
        !run.stderr.contains("levels deep"),
        "a file within the limit was refused:\n{}",
        run.stderr
    );
    assert_eq!(
        text_of(&site.html("en/issues/2026-03-spring/index.html"), "h1"),
        "Spring meeting"
    );
    assert_stderr_snapshot!(run);
}

#[test]
fn serve_stays_up_and_shows_the_error_when_a_deep_file_is_saved() {
    let site = site();
    let good = std::fs::read_to_string(site.root().join(LOCALE)).expect("the locale file");
    let mut server = Server::start(&site);
    server.wait_for("/en/issues/2026-03-spring/", "the page", |p| {
        select(p, "h1")
            .first()
            .is_some_and(|h| h.text().collect::<String>() == "Spring meeting")
    });

    let line = append_to_locale(&site, &nested_placeables(20_000));
    let at = format!("{LOCALE}:{line}:");
    server.wait_for("/en/issues/2026-03-spring/", "the error box", |p| {
        select(p, "pre#boletin-problems").first().is_some_and(|e| {
            let problems: String = e.text().collect();
            problems.contains(&at) && problems.contains("more than 50 levels deep")
        })
    });
    assert!(server.is_running(), "serve died on the deep file");

    site.write(LOCALE, &good);
    server.wait_for("/en/issues/2026-03-spring/", "the fixed page", |p| {
        select(p, "pre#boletin-problems").is_empty()
            && select(p, "h1")
                .first()
                .is_some_and(|h| h.text().collect::<String>() == "Spring meeting")
    });
    assert!(server.is_running());
}
