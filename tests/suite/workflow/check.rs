//! `boletin check`: a clean site passes and nothing is written; broken
//! links and anchors, images without a description and interface-string
//! mistakes are each reported at their line.

use super::*;

/// Two issues, both languages, every link fine.
fn clean_site() -> Fixture {
    let site = Fixture::new();
    site.issue(
        "2026-01-winter",
        "en",
        "Winter",
        "2026-01-01",
        "issue: 1\n",
        "## Heating help\n\nStay warm.\n",
    );
    site.issue(
        "2026-01-winter",
        "es",
        "Invierno",
        "2026-01-01",
        "issue: 1\n",
        "## Ayuda con la calefacción\n\nAbríguese.\n",
    );
    site.issue(
        KEY,
        "en",
        "Spring meeting",
        "2026-03-01",
        "issue: 2\n",
        "See [winter](../2026-01-winter/index.en.md#heating-help) and [below](#agenda).\n\n## Agenda\n\n![The hall](hall.png)\n",
    );
    site.write_bytes("content/issues/2026-03-spring/hall.png", b"\x89PNG\r\n");
    site
}

/// Adds the English issue `2026-02-links` with `body` to `site`; returns
/// the path of its file.
fn links_issue(site: &Fixture, body: &str) -> &'static str {
    site.issue(
        "2026-02-links",
        "en",
        "Links",
        "2026-02-01",
        "issue: 3\n",
        body,
    );
    "content/issues/2026-02-links/index.en.md"
}

/// `check` fails naming `path:line:`; `build` still succeeds.
#[track_caller]
fn assert_check_error_at(site: &Fixture, path: &str, line: usize, also: &str) {
    let check = site.run(&["check"]);
    assert_site_error(&check);
    assert_stderr_has(&check, &format!("{path}:{line}:"));
    assert_stderr_has(&check, also);
    assert_stderr_snapshot!(check);
    assert!(!site.out().exists(), "check wrote public/");
    site.build(&[]).assert_ok();
}

#[test]
fn check_passes_a_clean_site_and_writes_nothing() {
    let site = clean_site();
    let before = snapshot(site.root());
    let run = site.run(&["check"]);
    run.assert_ok();
    assert!(!site.out().exists(), "check created public/");
    assert_eq!(snapshot(site.root()), before, "check changed the site");
}

#[test]
fn check_reports_a_link_to_a_missing_issue_file() {
    let site = clean_site();
    let body = "Intro.\n\nSee [autumn](../2025-10-autumn/index.en.md).\n";
    let path = links_issue(&site, body);
    let line = line_of(&site_file(&site, path), "autumn");
    assert_check_error_at(&site, path, line, "2025-10-autumn");
}

#[test]
fn check_reports_a_link_to_a_missing_anchor_on_the_same_page() {
    let site = clean_site();
    let path = links_issue(
        &site,
        "## Real heading\n\nSee [nothing](#no-such-anchor).\n",
    );
    let line = line_of(&site_file(&site, path), "#no-such-anchor");
    assert_check_error_at(&site, path, line, "no-such-anchor");
}

#[test]
fn check_reports_a_missing_anchor_in_another_issue() {
    let site = clean_site();
    let path = links_issue(
        &site,
        "Intro.\n\nSee [winter](../2026-01-winter/index.en.md#missing).\n",
    );
    let line = line_of(&site_file(&site, path), "#missing");
    assert_check_error_at(&site, path, line, "#missing");
}

#[test]
fn check_reports_an_image_without_a_description() {
    let site = clean_site();
    let path = links_issue(&site, "Intro.\n\n![](pic.png)\n");
    site.write_bytes("content/issues/2026-02-links/pic.png", b"\x89PNG\r\n");
    let line = line_of(&site_file(&site, path), "![](pic.png)");
    assert_check_error_at(&site, path, line, "image");
}

#[test]
fn check_reports_an_interface_string_missing_in_spanish() {
    let site = clean_site();
    let locale = "locales/es/main.ftl";
    let text = site_file(&site, locale);
    let without: String = text
        .split_inclusive('\n')
        .filter(|l| !l.starts_with("nav-tags ="))
        .collect();
    assert_ne!(without, text, "the Spanish locale has nav-tags");
    site.write(locale, &without);
    let check = site.run(&["check"]);
    assert_site_error(&check);
    assert_stderr_has(&check, locale);
    assert_stderr_has(&check, "nav-tags");
    assert!(!site.out().exists(), "check wrote public/");
    let build = site.build(&[]);
    build.assert_ok();
    assert_stderr_has(&build, "nav-tags");
    let json = status(&site, &[]);
    assert_eq!(strings(&interface(&json, "es")["missing"]), ["nav-tags"]);
}

#[test]
fn check_reports_a_fluent_variable_the_theme_never_gives() {
    let site = clean_site();
    let locale = "locales/es/main.ftl";
    let text = site_file(&site, locale);
    let changed: String = text
        .split_inclusive('\n')
        .map(|l| {
            if l.starts_with("issue-number =") {
                "issue-number = Núm. { $numero }\n"
            } else {
                l
            }
        })
        .collect();
    assert_ne!(changed, text);
    site.write(locale, &changed);
    let check = site.run(&["check"]);
    assert_site_error(&check);
    let line = line_of(&changed, "issue-number =");
    assert_stderr_has(&check, &format!("{locale}:{line}:"));
    assert_stderr_has(&check, "$numero");
    assert!(!site.out().exists(), "check wrote public/");
}

#[test]
fn check_reports_a_fluent_reference_to_a_message_that_does_not_exist() {
    let site = clean_site();
    let locale = "locales/es/main.ftl";
    let text = site_file(&site, locale);
    let changed: String = text
        .split_inclusive('\n')
        .map(|l| {
            if l.starts_with("draft =") {
                "draft = Borrador { no-such }\n"
            } else {
                l
            }
        })
        .collect();
    assert_ne!(changed, text);
    site.write(locale, &changed);
    let check = site.run(&["check"]);
    assert_site_error(&check);
    let line = line_of(&changed, "draft =");
    assert_stderr_has(&check, &format!("{locale}:{line}:"));
    assert_stderr_has(&check, "no-such");
    assert!(!site.out().exists(), "check wrote public/");
}

#[test]
fn check_reports_a_fluent_syntax_error_with_its_line() {
    let site = clean_site();
    let locale = "locales/es/main.ftl";
    let text = site_file(&site, locale);
    let changed = text.replacen(
        "\nskip-to-content =",
        "\nbroken-message = { @@@ }\nskip-to-content =",
        1,
    );
    assert_ne!(changed, text);
    site.write(locale, &changed);
    let check = site.run(&["check"]);
    assert_site_error(&check);
    let line = line_of(&changed, "broken-message");
    assert_stderr_has(&check, &format!("{locale}:{line}:"));
    assert!(!site.out().exists(), "check wrote public/");
}
