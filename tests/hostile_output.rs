//! What `build` does to the folders around it when they hold something
//! it did not write (issue 10, items 4 and 8), templates that would
//! never finish (item 7), and the smaller defects of item 16: `status`
//! and `new` on odd sites, and the preview of `serve` after a failed
//! first build or a request for `//en`.

mod common;

use common::*;
use std::path::Path;

/// The names directly in `dir`, sorted.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    names
}

/// A site with one issue in English and Spanish.
fn site() -> Fixture {
    let site = Fixture::new();
    site.issue(
        "2026-03-spring",
        "en",
        "Spring meeting",
        "2026-03-01",
        "issue: 1\n",
        "Hello.\n",
    );
    site.issue(
        "2026-03-spring",
        "es",
        "Asamblea de primavera",
        "2026-03-01",
        "issue: 1\n",
        "Hola.\n",
    );
    site
}

// ---------------------------------------------------------------- item 7: templates in a circle

#[test]
fn a_template_that_includes_itself_is_an_error_naming_it_and_leaves_nothing() {
    let site = site();
    site.write(
        "themes/default/templates/years.html",
        "<ol>\n{% include \"years.html\" %}\n</ol>\n",
    );
    for command in ["build", "check"] {
        let run = site.run(&[command]);
        assert_site_error(&run);
        assert_stderr_has(&run, "themes/default/templates/years.html:2");
        assert_stderr_has(&run, "includes itself");
    }
    assert_eq!(
        entries(site.root()),
        ["boletin.yaml", "content", "locales", "themes"],
        "no output and no staging folder"
    );
}

#[test]
fn macros_that_call_each_other_are_an_error_naming_the_template() {
    let site = site();
    site.write(
        "themes/default/templates/macros.html",
        "{% macro pager(p, label) %}{{ self::other(p=p) }}{% endmacro pager %}\n\
         {% macro other(p) %}{{ self::pager(p=p, label=\"x\") }}{% endmacro other %}\n",
    );
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_stderr_has(&run, "themes/default/templates/macros.html:1");
    assert_stderr_has(&run, "call each other in a circle");
    assert!(!site.out().exists());
}

#[test]
fn deeply_nested_templates_render() {
    let site = site();
    let depth = 400;
    site.write(
        "themes/default/templates/years.html",
        &format!(
            "{}deep{}",
            "{% if true %}".repeat(depth),
            "{% endif %}".repeat(depth)
        ),
    );
    site.build(&[]).assert_ok();
    assert!(site.read("en/index.html").contains("deep"));
}

// ---------------------------------------------------------------- item 16: status and new

#[test]
fn status_of_a_site_with_a_broken_template_exits_1_and_still_reports() {
    let site = site();
    site.write("themes/default/templates/issue.html", "{% if %}\n");
    let run = site.run(&["status"]);
    assert_site_error(&run);
    assert_stderr_has(&run, "themes/default/templates/issue.html");
    assert_stderr_has(&run, "1 error.");
    assert!(run.stdout.contains("2026-03-spring"), "{}", run.stdout);
    let json = site.run(&["status", "--format", "json"]);
    assert_site_error(&json);
    let parsed: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON on stdout");
    assert_eq!(parsed["format"], 1);
}

#[test]
fn new_after_the_largest_issue_number_is_an_error_naming_the_file() {
    let site = site();
    site.issue(
        "2026-02-last",
        "en",
        "Last",
        "2026-02-01",
        "issue: 4294967295\n",
        "The end.\n",
    );
    let before = entries(&site.root().join("content/issues"));
    let run = site.run(&["new", "--date", "2026-04-01", "Next one"]);
    assert_site_error(&run);
    assert_stderr_has(&run, "content/issues/2026-02-last/index.en.md");
    assert_stderr_has(&run, "4294967295");
    assert_eq!(entries(&site.root().join("content/issues")), before);
    // Below the limit, the next number is one more.
    site.issue(
        "2026-02-last",
        "en",
        "Last",
        "2026-02-01",
        "issue: 4294967294\n",
        "The end.\n",
    );
    let run = site.run(&["new", "--date", "2026-04-01", "Next one"]);
    run.assert_ok();
    let made = std::fs::read_to_string(site.root().join(run.stdout.trim())).expect("new issue");
    assert!(made.contains("issue: 4294967295"), "{made}");
}
