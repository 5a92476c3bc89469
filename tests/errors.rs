//! Site errors: exit status 1, the file named relative to the site root
//! as `path:line:column`, what is wrong and how to fix it, the source line
//! shown; every error of a run at once; the previous output untouched; no
//! panic on any input. And wrong usage of the command line: exit status 2.

mod common;

use common::*;
use std::collections::BTreeSet;
use std::path::Path;

/// Paths are relative to the site root: the temporary folder never shows.
#[track_caller]
fn assert_relative_paths(site: &Fixture, run: &Run) {
    let root = site.root().to_string_lossy().to_string();
    assert!(
        !run.stderr.contains(&root),
        "paths must be relative to the site root:\n{}",
        run.stderr
    );
}

/// The names in the site folder (not recursive).
fn entries(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .expect("read folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().to_string())
        .collect()
}

/// A one-issue site, good enough to build.
fn good_site() -> Fixture {
    let site = Fixture::new();
    site.issue(
        "2026-03-spring",
        "en",
        "Spring",
        "2026-03-01",
        "tags: [Housing]\n",
        "Hello.\n",
    );
    site.issue(
        "2026-03-spring",
        "es",
        "Primavera",
        "2026-03-01",
        "tags: [Vivienda]\n",
        "Hola.\n",
    );
    site
}

// ---------------------------------------------------------------- front matter

#[test]
fn unknown_front_matter_field_names_file_line_and_suggests_the_field() {
    let site = Fixture::new();
    site.write(
        "content/issues/spring/index.en.md",
        "---\ntitle: Spring\nsummary: A short one.\ndate: 2026-03-01\ntittle: Spring again\n---\nBody.\n",
    );
    let run = site.build(&[]);
    assert_site_error(&run);
    // Line 5 of the file (the YAML's line 4): the front matter's `---` counts.
    assert_stderr_has(&run, "content/issues/spring/index.en.md:5:");
    assert_stderr_has(&run, "tittle");
    assert_stderr_has(&run, "`title`");
    assert_stderr_has(&run, "tittle: Spring again");
    assert_relative_paths(&site, &run);
    assert!(
        !run.stdout.contains("tittle"),
        "errors go to standard error, not output:\n{}",
        run.stdout
    );
}

#[test]
fn missing_title_is_an_error_naming_the_file() {
    let site = Fixture::new();
    site.write(
        "content/issues/spring/index.en.md",
        "---\ndate: 2026-03-01\nsummary: No title here.\n---\nBody.\n",
    );
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_stderr_has(&run, "content/issues/spring/index.en.md");
    assert_stderr_has(&run, "title");
    assert_relative_paths(&site, &run);
}

#[test]
fn impossible_date_names_the_date_line() {
    let site = Fixture::new();
    site.write(
        "content/issues/spring/index.en.md",
        "---\ntitle: Spring\ndate: 2026-02-30\n---\nBody.\n",
    );
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_stderr_has(&run, "content/issues/spring/index.en.md:3:");
    assert_stderr_has(&run, "date: 2026-02-30");
    assert_stderr_has(&run, "YYYY-MM-DD");
}

#[test]
fn date_in_the_wrong_form_names_the_date_line_and_the_right_form() {
    let site = Fixture::new();
    site.write(
        "content/issues/spring/index.en.md",
        "---\ntitle: Spring\ndate: March 1\n---\nBody.\n",
    );
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_stderr_has(&run, "content/issues/spring/index.en.md:3:");
    assert_stderr_has(&run, "date: March 1");
    assert_stderr_has(&run, "YYYY-MM-DD");
}

#[test]
fn cover_without_cover_alt_is_an_error() {
    let site = Fixture::new();
    site.write(
        "content/issues/spring/index.en.md",
        "---\ntitle: Spring\ndate: 2026-03-01\ncover: photo.jpg\n---\nBody.\n",
    );
    site.write_bytes("content/issues/spring/photo.jpg", b"\xff\xd8\xff\xe0 jpeg");
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_stderr_has(&run, "content/issues/spring/index.en.md:4:");
    assert_stderr_has(&run, "cover_alt");
}

#[test]
fn cover_file_that_does_not_exist_is_an_error() {
    let site = Fixture::new();
    site.write(
        "content/issues/spring/index.en.md",
        "---\ntitle: Spring\ndate: 2026-03-01\ncover: missing.jpg\ncover_alt: A crowd at the meeting\n---\nBody.\n",
    );
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_stderr_has(&run, "content/issues/spring/index.en.md:4:");
    assert_stderr_has(&run, "missing.jpg");
}

#[test]
fn file_without_front_matter_is_an_error() {
    let site = Fixture::new();
    site.write(
        "content/issues/spring/index.en.md",
        "Just some text, no front matter.\n",
    );
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_stderr_has(&run, "content/issues/spring/index.en.md");
    assert!(
        run.stderr.to_lowercase().contains("front matter"),
        "says what is missing:\n{}",
        run.stderr
    );
}

#[test]
fn empty_file_is_an_error() {
    let site = Fixture::new();
    site.write("content/issues/spring/index.en.md", "");
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_stderr_has(&run, "content/issues/spring/index.en.md");
    assert!(
        run.stderr.to_lowercase().contains("empty"),
        "says the file is empty:\n{}",
        run.stderr
    );
}

#[test]
fn file_in_an_unconfigured_language_is_an_error() {
    let site = good_site();
    site.write(
        "content/issues/2026-03-spring/index.fr.md",
        "---\ntitle: Printemps\ndate: 2026-03-01\n---\nBonjour.\n",
    );
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_stderr_has(&run, "content/issues/2026-03-spring/index.fr.md");
    assert_stderr_has(&run, "fr");
    assert!(
        run.stderr.to_lowercase().contains("not configured"),
        "says the language is not configured:\n{}",
        run.stderr
    );
    assert_stderr_has(&run, "boletin.yaml");
}

#[test]
fn two_issues_with_the_same_slug_name_both_files_in_one_error() {
    let site = Fixture::new();
    site.issue(
        "first",
        "en",
        "First",
        "2026-03-01",
        "slug: same-place\n",
        "One.\n",
    );
    site.issue(
        "second",
        "en",
        "Second",
        "2026-03-02",
        "slug: same-place\n",
        "Two.\n",
    );
    let run = site.build(&[]);
    assert_site_error(&run);
    // Split the report into diagnostics at each `error`/`warning` heading.
    let mut blocks: Vec<String> = Vec::new();
    for line in run.stderr.lines() {
        if line.starts_with("error") || line.starts_with("warning") || blocks.is_empty() {
            blocks.push(String::new());
        }
        let last = blocks.last_mut().expect("a block");
        last.push_str(line);
        last.push('\n');
    }
    let both = blocks
        .iter()
        .filter(|b| {
            b.contains("content/issues/first/index.en.md")
                && b.contains("content/issues/second/index.en.md")
        })
        .count();
    assert_eq!(both, 1, "one error names both files:\n{}", run.stderr);
}

// ---------------------------------------------------------------- configuration

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
}

#[test]
fn bad_base_url_flag_is_an_error() {
    let site = good_site();
    let run = site.build(&["--base-url", "not a web address"]);
    assert_site_error(&run);
    assert_stderr_has(&run, "base_url");
    assert!(!site.out().exists(), "nothing is written");
}

// ---------------------------------------------------------------- locales and templates

/// Replaces the `nav-tags` message of the Spanish locale with a line
/// without `=`, returning its 1-based line number.
fn break_spanish_locale(site: &Fixture) -> usize {
    let text = std::fs::read_to_string(site.root().join("locales/es/main.ftl")).expect("locale");
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let index = match lines.iter().position(|l| l.starts_with("nav-tags")) {
        Some(index) => {
            lines[index] = "nav-tags Etiquetas".to_string();
            index
        }
        None => {
            lines.push("nav-tags Etiquetas".to_string());
            lines.len() - 1
        }
    };
    site.write("locales/es/main.ftl", &(lines.join("\n") + "\n"));
    index + 1
}

#[test]
fn fluent_syntax_error_names_the_locale_file_and_line() {
    let site = good_site();
    let line = break_spanish_locale(&site);
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_stderr_has(&run, &format!("locales/es/main.ftl:{line}:"));
    assert_stderr_has(&run, "nav-tags Etiquetas");
    assert_relative_paths(&site, &run);
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
}

// ---------------------------------------------------------------- all at once

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
}

// ---------------------------------------------------------------- the previous output

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
}

// ---------------------------------------------------------------- command line

#[test]
fn unknown_subcommand_is_wrong_usage() {
    let site = good_site();
    let run = site.run(&["frobnicate"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(!site.out().exists());
}

#[test]
fn unknown_flag_is_wrong_usage() {
    let site = good_site();
    let run = site.run(&["build", "--frobnicate"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("--frobnicate"),
        "names the flag:\n{}",
        run.stderr
    );
    assert!(!site.out().exists());
}

#[test]
fn missing_flag_value_and_no_command_are_wrong_usage() {
    let site = good_site();
    assert_eq!(site.run(&["build", "--output"]).code, 2);
    assert_eq!(site.run(&[]).code, 2);
    assert!(!site.out().exists());
}

#[test]
fn help_exits_zero_and_lists_the_build_options() {
    let site = Fixture::empty();
    let top = site.run(&["--help"]);
    assert_eq!(top.code, 0, "{}", top.stderr);
    assert!(
        top.stdout.contains("build"),
        "top-level help lists the build command:\n{}",
        top.stdout
    );
    let build = site.run(&["build", "--help"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    for flag in ["--output", "--drafts", "--base-url", "--root"] {
        assert!(
            build.stdout.contains(flag),
            "`boletin build --help` mentions {flag}:\n{}",
            build.stdout
        );
    }
}

// ---------------------------------------------------------------- no panic, on any input

/// A site whose only issue is `bytes`; the build must fail cleanly, naming the file.
#[track_caller]
fn assert_rejected(bytes: &[u8]) -> Run {
    let site = Fixture::new();
    site.write_bytes("content/issues/bad/index.en.md", bytes);
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_stderr_has(&run, "content/issues/bad/index.en.md");
    assert!(!site.out().exists(), "nothing is written");
    run
}

#[test]
fn invalid_utf8_is_an_error_not_a_panic() {
    assert_rejected(b"---\ntitle: Caf\xe9\ndate: 2026-03-01\n---\nBody \xff\xfe.\n");
}

#[test]
fn binary_file_named_like_an_issue_is_an_error_not_a_panic() {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    bytes.extend((0..=255u8).cycle().take(4096));
    assert_rejected(&bytes);
}

#[test]
fn front_matter_that_is_a_list_is_an_error_not_a_panic() {
    assert_rejected(b"---\n- title\n- date\n---\nBody.\n");
}

#[test]
fn tags_that_are_a_number_is_an_error_not_a_panic() {
    let run = assert_rejected(b"---\ntitle: T\ndate: 2026-03-01\ntags: 5\n---\nBody.\n");
    assert_stderr_has(&run, "content/issues/bad/index.en.md:4:");
}

#[test]
fn title_that_is_a_list_is_an_error_not_a_panic() {
    let run = assert_rejected(b"---\ntitle: [a, b]\ndate: 2026-03-01\n---\nBody.\n");
    assert_stderr_has(&run, "content/issues/bad/index.en.md:2:");
}

#[test]
fn date_with_a_time_is_an_error_not_a_panic() {
    let run = assert_rejected(b"---\ntitle: T\ndate: 2026-03-01T10:00\n---\nBody.\n");
    assert_stderr_has(&run, "content/issues/bad/index.en.md:3:");
}

#[test]
fn deeply_nested_junk_is_an_error_not_a_panic() {
    let mut text = String::from("---\ntitle: T\ndate: 2026-03-01\nextra: ");
    text.push_str(&"[".repeat(5000));
    text.push_str("\n---\nBody.\n");
    assert_rejected(text.as_bytes());
}

#[test]
fn deeply_nested_maps_are_an_error_not_a_panic() {
    let mut text = String::from("---\ntitle: T\ndate: 2026-03-01\nextra:\n");
    for depth in 1..2000 {
        text.push_str(&" ".repeat(depth));
        text.push_str("k:\n");
    }
    text.push_str("---\nBody.\n");
    assert_rejected(text.as_bytes());
}

#[test]
fn yaml_alias_bomb_is_an_error_not_a_hang() {
    let mut text = String::from(
        "---\ntitle: T\ndate: 2026-03-01\nextra:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n",
    );
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 9].join(", ");
        text.push_str(&format!("  a{i}: &a{i} [{refs}]\n"));
    }
    text.push_str("---\nBody.\n");
    assert_rejected(text.as_bytes());
}

#[test]
fn tab_indented_front_matter_line_is_an_error_not_a_panic() {
    assert_rejected(b"---\ntitle: T\n\tdate: 2026-03-01\n---\nBody.\n");
}

#[test]
fn tab_indented_front_matter_line_is_reported_at_its_file_line() {
    let run = assert_rejected(b"---\ntitle: T\n\tdate: 2026-03-01\n---\nBody.\n");
    assert_stderr_has(&run, "content/issues/bad/index.en.md:3:");
    // The file's line is 3; a line number counted from the YAML (2) would
    // send the reader to the wrong line.
    assert!(
        !run.stderr.contains("line 2"),
        "only file line numbers are shown:\n{}",
        run.stderr
    );
}

#[test]
fn unclosed_front_matter_is_an_error_not_a_panic() {
    assert_rejected(b"---\ntitle: T\ndate: 2026-03-01\nBody without the closing line.\n");
}

#[test]
fn front_matter_of_only_dashes_is_an_error_not_a_panic() {
    assert_rejected(b"---\n");
}

#[test]
fn nul_bytes_in_front_matter_are_an_error_not_a_panic() {
    assert_rejected(b"---\ntitle: T\0T\ndate: 2026-03-01\n---\nBody.\n");
}

#[test]
fn missing_boletin_yaml_is_an_error_naming_it() {
    let site = good_site();
    site.remove("boletin.yaml");
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_stderr_has(&run, "boletin.yaml");
    assert!(!site.out().exists());
}

#[test]
fn boletin_yaml_that_is_a_list_is_an_error_not_a_panic() {
    let site = good_site();
    site.write("boletin.yaml", "- base_url\n- languages\n");
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_stderr_has(&run, "boletin.yaml");
}

#[test]
fn empty_boletin_yaml_is_an_error_not_a_panic() {
    let site = good_site();
    site.write("boletin.yaml", "");
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_stderr_has(&run, "boletin.yaml");
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
}

#[test]
fn locale_file_with_invalid_utf8_is_an_error_not_a_panic() {
    let site = good_site();
    site.write_bytes("locales/es/main.ftl", b"language-name = Espa\xf1ol\n");
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_stderr_has(&run, "locales/es/main.ftl");
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
}

#[test]
fn every_problem_of_one_file_is_reported_together() {
    let site = Fixture::new();
    site.write(
        "content/issues/spring/index.en.md",
        "---\ntitle: Spring\ndate: 2026-02-30\ntittle: Spring\n---\nBody.\n",
    );
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_stderr_has(&run, "content/issues/spring/index.en.md:4:");
    assert_stderr_has(&run, "content/issues/spring/index.en.md:3:");
}

#[test]
fn slug_without_letters_names_the_slug_line() {
    let site = Fixture::new();
    site.write(
        "content/issues/spring/index.en.md",
        "---\ntitle: Spring\ndate: 2026-03-01\nslug: \"...\"\n---\nBody.\n",
    );
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_stderr_has(&run, "content/issues/spring/index.en.md:4:");
    assert_stderr_has(&run, "slug: \"...\"");
}
