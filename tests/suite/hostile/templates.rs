//! Templates that would never finish (issue 10, item 7): a template that
//! includes itself, macros that call each other; deep nesting still renders.

use crate::common::*;

#[test]
fn a_template_that_includes_itself_is_an_error_naming_it_and_leaves_nothing() {
    let site = bilingual_issue_site();
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
        sorted_names(site.root()),
        ["boletin.yaml", "content", "locales", "themes"],
        "no output and no staging folder"
    );
}

#[test]
fn macros_that_call_each_other_are_an_error_naming_the_template() {
    let site = bilingual_issue_site();
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
    assert_stderr_snapshot!(run);
}

#[test]
fn deeply_nested_templates_render() {
    let site = bilingual_issue_site();
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
    // Deeper than any theme needs: an error, not a crash.
    let depth = 20_000;
    site.write(
        "themes/default/templates/years.html",
        &format!(
            "{}deep{}",
            "{% filter upper %}".repeat(depth),
            "{% endfilter %}".repeat(depth)
        ),
    );
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_stderr_has(&run, "themes/default/templates/years.html:1");
    assert_stderr_has(&run, "levels deep");
    assert_stderr_snapshot!(run);
}
