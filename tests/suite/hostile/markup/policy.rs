//! Every page's Content-Security-Policy, a theme that would publish the
//! build machine's environment, raw HTML loading from elsewhere or linking
//! nowhere, and text nested absurdly deep.

use super::*;

/// The directives of the page's Content-Security-Policy `<meta>`.
fn policy_of(page: &Html) -> Vec<(String, Vec<String>)> {
    let metas = select(page, "head meta[http-equiv='Content-Security-Policy']");
    assert_eq!(metas.len(), 1, "one policy per page");
    metas[0]
        .value()
        .attr("content")
        .unwrap_or_default()
        .split(';')
        .filter_map(|directive| {
            let mut words = directive.split_whitespace().map(str::to_string);
            Some((words.next()?, words.collect()))
        })
        .collect()
}

#[test]
fn every_page_declares_a_policy_that_allows_no_script_and_nothing_from_elsewhere() {
    let fixture = Fixture::new();
    fixture.issue(
        "one",
        "en",
        "One",
        "2026-03-01",
        "",
        "| a | b |\n|:-|-:|\n| 1 | 2 |\n",
    );
    fixture.build(&[]).assert_ok();
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(fixture.out()) {
        let entry = entry.expect("walk the output");
        if entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        pages += 1;
        let text = std::fs::read_to_string(entry.path()).expect("page");
        let policy = policy_of(&Html::parse_document(&text));
        let directive = |name: &str| {
            policy
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, values)| values.clone())
                .unwrap_or_else(|| panic!("{}: no {name}", entry.path().display()))
        };
        assert_eq!(directive("default-src"), ["'self'"]);
        assert_eq!(directive("script-src"), ["'none'"]);
        assert_eq!(directive("object-src"), ["'none'"]);
        assert_eq!(directive("base-uri"), ["'none'"]);
        assert!(
            directive("style-src")
                .iter()
                .all(|v| v == "'self'" || v == "'unsafe-hashes'" || v.starts_with("'sha256-")),
            "styles only from the site, and the table alignments by hash"
        );
    }
    assert!(pages >= 8, "found {pages} pages");
}

#[test]
fn a_theme_cannot_publish_the_environment_of_the_build_machine() {
    let fixture = Fixture::new();
    fixture.issue("one", "en", "One", "2026-03-01", "", "Text.\n");
    fixture.write(
        "themes/default/templates/page.html",
        "{% extends \"base.html\" %}{% block main %}{{ get_env(name=\"DEPLOY_TOKEN\") }}{% endblock main %}",
    );
    fixture.write(
        "content/pages/about.en.md",
        "---\ntitle: About\n---\nAbout.\n",
    );
    let run: Run = std::process::Command::new(env!("CARGO_BIN_EXE_boletin"))
        .arg("build")
        .current_dir(fixture.root())
        .env("DEPLOY_TOKEN", "secret-4b1d")
        .output()
        .expect("run boletin")
        .into();
    assert_eq!(run.code, 1);
    assert_stderr_has(&run, "themes/default/templates/page.html");
    assert_stderr_has(&run, "cannot read the environment");
    assert!(!run.stderr.contains("secret-4b1d"));
    assert!(!fixture.out().exists(), "nothing published");
}

#[test]
fn text_nested_absurdly_deep_is_an_error_at_its_line_not_a_long_wait() {
    // 100 KB of `>` once took the sanitizer minutes (html5ever's work
    // grows with the square of the depth), in every mode.
    for mode in MODES {
        let fixture = fixture_in_mode(mode);
        fixture.issue(
            "deep",
            "en",
            "Deep",
            "2026-03-01",
            "",
            &format!("Fine.\n\n{}deep\n", "> ".repeat(50_000)),
        );
        fixture.issue(
            "divs",
            "en",
            "Divs",
            "2026-03-02",
            "",
            &format!("Fine.\n\n{}deep\n", "<div>".repeat(20_000)),
        );
        let run = fixture.build(&[]);
        assert_site_error(&run);
        assert_stderr_has(&run, "content/issues/deep/index.en.md:7");
        if mode != "escape" {
            assert_stderr_has(&run, "content/issues/divs/index.en.md:7");
        }
        assert_stderr_has(&run, "levels deep");
    }
}

#[test]
fn raw_html_that_loads_from_another_host_is_warned_about_however_it_is_spelled() {
    let spellings = [
        "<img src = \"https://tracker.example/a.png\" alt=\"a\">",
        "<img src=\"&#104;ttps://tracker.example/b.png\" alt=\"b\">",
        "<img src=\"/\\tracker.example/c.png\" alt=\"c\">",
        "<img src=\"\\\\tracker.example/d.png\" alt=\"d\">",
        "<img src=\"/&#9;/tracker.example/e.png\" alt=\"e\">",
    ];
    for spelling in spellings {
        let fixture = Fixture::new();
        fixture.issue(
            "img",
            "en",
            "Img",
            "2026-03-01",
            "",
            &format!("Text.\n\n{spelling}\n"),
        );
        let run = fixture.build(&[]);
        run.assert_ok();
        assert!(
            run.stderr.contains("from another site") && run.stderr.contains("index.en.md:7"),
            "{spelling}: no warning at its line:\n{}",
            run.stderr
        );
        let check = fixture.run(&["check"]);
        assert!(
            check.stderr.contains("from another site"),
            "{spelling}: check warns too"
        );
    }
}

#[test]
fn a_broken_link_in_raw_html_is_reported_once_at_its_content_file() {
    let fixture = Fixture::new();
    fixture.issue(
        "raw",
        "en",
        "Raw",
        "2026-03-01",
        "",
        "Text.\n\n<a href=\"/en/no-such-página/\">gone</a>\n",
    );
    let check = fixture.run(&["check"]);
    assert_site_error(&check);
    assert_eq!(
        check.stderr.matches("no-such-p").count(),
        2,
        "one error (message and shown line), not one per page:\n{}",
        check.stderr
    );
    assert!(
        check.stderr.contains("content/issues/raw/index.en.md:7"),
        "{}",
        check.stderr
    );
    assert!(
        !check.stderr.contains("the theme links to"),
        "{}",
        check.stderr
    );
    assert_stderr_snapshot!(check);
}
