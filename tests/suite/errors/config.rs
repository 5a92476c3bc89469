//! Mistakes in `boletin.yaml` and `--base-url`.

use super::*;

#[test]
fn unknown_config_key_names_line_and_suggests_the_key() {
    let site = good_site();
    // CONFIG has 10 lines; the typo is line 11.
    assert_eq!(CONFIG.lines().count(), 10);
    site.write("boletin.yaml", &format!("{CONFIG}feed_limt: 3\n"));
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_stderr_has(&run, "boletin.yaml:11:");
    assert_stderr_has(&run, "feed_limt");
    assert_stderr_has(&run, "`feed_limit`");
    assert_relative_paths(&site, &run);
    assert_stderr_snapshot!(run);
}

#[test]
fn default_language_not_among_languages_is_an_error() {
    let site = good_site();
    site.write(
        "boletin.yaml",
        &CONFIG.replace("default_language: en", "default_language: fr"),
    );
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_stderr_has(&run, "boletin.yaml:2:");
    assert_stderr_has(&run, "default_language");
    assert_stderr_has(&run, "fr");
    assert_stderr_snapshot!(run);
}

#[test]
fn bad_base_url_is_an_error() {
    let site = good_site();
    site.write(
        "boletin.yaml",
        &CONFIG.replace(
            "base_url: https://news.example.org/",
            "base_url: news dot example",
        ),
    );
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_stderr_has(&run, "boletin.yaml:1:");
    assert_stderr_has(&run, "base_url");
    assert_stderr_has(&run, "news dot example");
    assert_stderr_snapshot!(run);
}

#[test]
fn bad_base_url_flag_is_an_error() {
    let site = good_site();
    let run = site.build(&["--base-url", "not a web address"]);
    assert_site_error(&run);
    assert_stderr_has(&run, "base_url");
    assert!(!site.out().exists(), "nothing is written");
    assert_stderr_snapshot!(run);
}

#[test]
fn missing_boletin_yaml_is_an_error_naming_it() {
    let site = good_site();
    site.remove("boletin.yaml");
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_stderr_has(&run, "boletin.yaml");
    assert!(!site.out().exists());
    assert_stderr_snapshot!(run);
}

#[test]
fn boletin_yaml_that_is_a_list_is_an_error_not_a_panic() {
    let site = good_site();
    site.write("boletin.yaml", "- base_url\n- languages\n");
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_stderr_has(&run, "boletin.yaml");
    assert_stderr_snapshot!(run);
}

#[test]
fn empty_boletin_yaml_is_an_error_not_a_panic() {
    let site = good_site();
    site.write("boletin.yaml", "");
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_stderr_has(&run, "boletin.yaml");
    assert_stderr_snapshot!(run);
}

#[test]
fn boletin_yaml_with_wrong_types_is_an_error_not_a_panic() {
    let site = good_site();
    site.write(
        "boletin.yaml",
        "base_url: [1, 2]\ndefault_language: 5\nlanguages: hello\npage_size: -3\nfeed_limit: 99999999999999999999999\n",
    );
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_stderr_has(&run, "boletin.yaml");
    assert_stderr_snapshot!(run);
}

#[test]
fn boletin_yaml_with_invalid_utf8_is_an_error_not_a_panic() {
    let site = good_site();
    site.write_bytes(
        "boletin.yaml",
        b"base_url: https://news.example.org/\ndefault_language: \xff\n",
    );
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_stderr_has(&run, "boletin.yaml");
    assert_stderr_snapshot!(run);
}

#[test]
fn language_code_that_is_junk_is_an_error_not_a_panic() {
    let site = good_site();
    site.write(
        "boletin.yaml",
        "base_url: https://news.example.org/\ndefault_language: en\nlanguages:\n  en: { title: T, description: D }\n  \"../x\": { title: T, description: D }\n",
    );
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_stderr_has(&run, "boletin.yaml");
    assert!(!site.root().join("x").exists());
    assert!(!site.out().exists());
    assert_stderr_snapshot!(run);
}
