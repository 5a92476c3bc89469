//! Mistakes in locale files and template overrides, named by file and line.

use super::*;

#[test]
fn fluent_syntax_error_names_the_locale_file_and_line() {
    let site = good_site();
    let line = break_spanish_locale(&site);
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_stderr_has(&run, &format!("locales/es/main.ftl:{line}:"));
    assert_stderr_has(&run, "nav-tags Etiquetas");
    assert_relative_paths(&site, &run);
    assert_stderr_snapshot!(run);
}

#[test]
fn template_override_with_a_syntax_error_names_the_template() {
    let site = good_site();
    site.write(
        "themes/default/templates/issue.html",
        "<!doctype html>\n<p>\n{% if %}\n</p>\n",
    );
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_stderr_has(&run, "themes/default/templates/issue.html");
    assert_stderr_has(&run, "themes/default/templates/issue.html:3:");
    assert_relative_paths(&site, &run);
    assert!(!site.out().exists(), "nothing is written");
    assert_stderr_snapshot!(run);
}

#[test]
fn locale_file_with_invalid_utf8_is_an_error_not_a_panic() {
    let site = good_site();
    site.write_bytes("locales/es/main.ftl", b"language-name = Espa\xf1ol\n");
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_stderr_has(&run, "locales/es/main.ftl");
    assert_stderr_snapshot!(run);
}
