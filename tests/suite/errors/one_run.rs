//! Every error of a run is reported together, once, and a failed build
//! leaves the previous output as it was.

use super::*;

#[test]
fn all_errors_of_a_run_are_reported_together() {
    let site = good_site();
    site.write(
        "content/issues/2026-04-a/index.en.md",
        "---\ntitle: A\ndate: 2026-04-01\ntittle: A\n---\nBody.\n",
    );
    site.write(
        "content/issues/2026-04-b/index.es.md",
        "---\ntitle: B\ndate: 2026-02-30\n---\nCuerpo.\n",
    );
    let line = break_spanish_locale(&site);
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_stderr_has(&run, "content/issues/2026-04-a/index.en.md:4:");
    assert_stderr_has(&run, "content/issues/2026-04-b/index.es.md:3:");
    assert_stderr_has(&run, &format!("locales/es/main.ftl:{line}:"));
    assert_stderr_snapshot!(run);
}

#[test]
fn template_errors_are_reported_with_content_errors() {
    let site = good_site();
    site.write(
        "content/issues/2026-04-a/index.en.md",
        "---\ntitle: A\ndate: 2026-13-01\n---\nBody.\n",
    );
    site.write("themes/default/templates/issue.html", "{% if %}\n");
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_stderr_has(&run, "content/issues/2026-04-a/index.en.md:3:");
    assert_stderr_has(&run, "themes/default/templates/issue.html");
    assert_stderr_snapshot!(run);
}

#[test]
fn a_failed_build_leaves_the_previous_output_as_it_was() {
    let site = good_site();
    site.build(&[]).assert_ok();
    let before = snapshot(&site.out());
    assert!(
        before
            .iter()
            .any(|(p, _)| p == Path::new("en/issues/2026-03-spring/index.html"))
    );
    site.issue("2026-04-new", "en", "New", "2026-04-01", "", "New.\n");
    site.write(
        "content/issues/2026-03-spring/index.es.md",
        "---\ntitle: Primavera\ndate: 2026-02-30\n---\nHola.\n",
    );
    let run = site.build(&[]);
    assert_site_error(&run);
    assert!(
        snapshot(&site.out()) == before,
        "the output changed after a failed build"
    );
    assert_eq!(
        entries(site.root()),
        names(&["boletin.yaml", "content", "locales", "public"])
    );
    assert_stderr_snapshot!(run);
}

#[test]
fn a_broken_entry_template_is_reported_once_with_its_file() {
    let site = good_site();
    site.issue(
        "2026-05-may",
        "en",
        "May",
        "2026-05-01",
        "tags: [Housing]\n",
        "Hi.\n",
    );
    site.write(
        "themes/default/templates/entry.html",
        "{{ e.no_such_field }}\n",
    );
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_stderr_has(&run, "themes/default/templates/entry.html");
    assert_eq!(
        run.stderr
            .matches("the template cannot be rendered")
            .count(),
        1,
        "one report for every entry that failed the same way:\n{}",
        run.stderr
    );
    assert_stderr_snapshot!(run);
}

#[test]
fn a_build_failing_while_rendering_leaves_the_previous_output_as_it_was() {
    let site = good_site();
    site.build(&[]).assert_ok();
    let before = snapshot(&site.out());
    // Parses, but fails at render time: the variable does not exist.
    site.write(
        "themes/default/templates/tag.html",
        "{{ no_such_variable.field }}\n",
    );
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_stderr_has(&run, "tag.html");
    assert!(
        snapshot(&site.out()) == before,
        "the output changed after a failed build"
    );
    assert_eq!(
        entries(site.root()),
        names(&["boletin.yaml", "content", "locales", "public", "themes"])
    );
    assert_stderr_snapshot!(run);
}
