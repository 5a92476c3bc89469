//! Diagnostics for hostile or broken front matter, `boletin.yaml` and
//! locale files: each problem at its own line and column, taken from the
//! parser (not from its messages), with a hint only where the hint
//! applies, and exit status 1.

use crate::common::*;
use std::time::{Duration, Instant};

const BAD: &str = "content/issues/bad/index.en.md";

/// The hint the old YAML layer gave for every problem.
const COLON_HINT: &str = "values with a colon need quotes";

/// A site whose only issue is `text`, built; it must fail with status 1.
#[track_caller]
fn build_bad(text: &str) -> Run {
    let site = Fixture::new();
    site.write(BAD, text);
    let run = site.build(&[]);
    assert_site_error(&run);
    assert!(!site.out().exists(), "nothing is written");
    run
}

/// The `path:line:column` lines of stderr (` --> path:L:C`).
fn places(run: &Run) -> Vec<String> {
    run.stderr
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix("--> "))
        .map(str::to_string)
        .collect()
}

#[track_caller]
fn assert_stderr_lacks(run: &Run, needle: &str) {
    assert!(
        !run.stderr.contains(needle),
        "stderr should not contain {needle:?}:\n{}",
        run.stderr
    );
}

#[test]
fn a_front_matter_field_set_twice_is_reported_at_the_second_setting() {
    let run = build_bad("---\ntitle: A\ndate: 2026-03-01\nsummary: s\ntitle: B\n---\nBody.\n");
    assert_eq!(places(&run), [format!("{BAD}:5:1")], "{}", run.stderr);
    assert_stderr_has(&run, "`title` is set twice");
    assert_stderr_has(&run, "5 | title: B");
    assert_stderr_has(&run, "first set on line 2");
    assert_stderr_lacks(&run, COLON_HINT);
    assert_stderr_snapshot!(run);
}

#[test]
fn a_control_character_is_reported_at_its_own_line_and_column() {
    let run = build_bad("---\ntitle: A\ndate: 2026-03-01\nsummary: x\u{7}y\n---\nBody.\n");
    assert_eq!(places(&run), [format!("{BAD}:4:11")], "{}", run.stderr);
    assert_stderr_has(&run, "U+0007");
    assert_stderr_lacks(&run, COLON_HINT);
    assert_stderr_snapshot!(run);
}

#[test]
fn an_alias_bomb_is_refused_fast_at_the_alias_that_goes_too_far() {
    let mut text = String::from(
        "---\ntitle: T\ndate: 2026-03-01\nextra:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n",
    );
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 9].join(", ");
        text.push_str(&format!("  a{i}: &a{i} [{refs}]\n"));
    }
    text.push_str("---\nBody.\n");
    let started = Instant::now();
    let run = build_bad(&text);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
    let places = places(&run);
    assert_eq!(places.len(), 1, "{}", run.stderr);
    // The alias that pushes the expansion past the limit, on its line.
    let line: usize = places[0]
        .strip_prefix(&format!("{BAD}:"))
        .and_then(|rest| rest.split(':').next())
        .and_then(|line| line.parse().ok())
        .unwrap_or_else(|| panic!("no line in {}", run.stderr));
    assert!((6..=14).contains(&line), "{}", run.stderr);
    assert_stderr_has(&run, "*a");
    assert_stderr_has(&run, "aliases");
    assert_stderr_lacks(&run, COLON_HINT);
    assert_stderr_snapshot!(run);
}

#[test]
fn a_fluent_message_left_open_at_the_end_is_reported_on_its_line() {
    let site = Fixture::new();
    site.issue("one", "en", "One", "2026-03-01", "", "Body.\n");
    let path = site.root().join("locales/es/main.ftl");
    let mut text = std::fs::read_to_string(&path).expect("locale");
    if !text.ends_with('\n') {
        text.push('\n');
    }
    let line = text.lines().count() + 1;
    text.push_str("broken = { $var\n");
    site.write("locales/es/main.ftl", &text);
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_eq!(
        places(&run),
        [format!("locales/es/main.ftl:{line}:16")],
        "{}",
        run.stderr
    );
    assert_stderr_has(&run, &format!("{line} | broken = {{ $var"));
    assert_stderr_snapshot!(run);
}

#[test]
fn the_colon_hint_is_given_where_a_colon_is_the_problem() {
    let run = build_bad("---\ntitle: Rights: at home\ndate: 2026-03-01\n---\nBody.\n");
    assert_eq!(places(&run), [format!("{BAD}:2:14")], "{}", run.stderr);
    assert_stderr_has(&run, "needs quotes");
    assert_stderr_has(&run, "\"Rights: at home\"");
    assert_stderr_snapshot!(run);
}

#[test]
fn a_value_of_the_wrong_kind_names_its_key_without_the_colon_hint() {
    let run = build_bad("---\ntitle: T\ndate: 2026-03-01\ndraft: maybe\n---\nBody.\n");
    assert_eq!(places(&run), [format!("{BAD}:4:8")], "{}", run.stderr);
    assert_stderr_has(&run, "`draft`");
    assert_stderr_has(&run, "true or false");
    assert_stderr_lacks(&run, COLON_HINT);
    assert_stderr_snapshot!(run);
}

#[test]
fn front_matter_as_a_flow_mapping_reports_only_the_unknown_key() {
    let run = build_bad("---\n{title: Hi, date: 2026-03-01, tittle: x}\n---\nBody.\n");
    assert_eq!(places(&run), [format!("{BAD}:2:31")], "{}", run.stderr);
    assert_stderr_has(&run, "unknown front matter field `tittle`");
    assert_stderr_has(&run, "did you mean `title`?");
    assert_stderr_lacks(&run, "title is missing");
    assert_stderr_lacks(&run, "date is missing");
    assert_stderr_has(&run, "1 error.");
    assert_stderr_snapshot!(run);
}

#[test]
fn every_unknown_field_of_a_file_is_reported_at_its_own_line() {
    let run = build_bad(
        "---\ntitle: Hi\ntittle: x\ndate: 2026-03-01\ntagz: [a]\ncolour:\n  - red\n---\nBody.\n",
    );
    assert_eq!(
        places(&run),
        [
            format!("{BAD}:3:1"),
            format!("{BAD}:5:1"),
            format!("{BAD}:6:1")
        ],
        "{}",
        run.stderr
    );
    assert_stderr_has(&run, "did you mean `tags`?");
    assert_stderr_snapshot!(run);
}

#[test]
fn every_unknown_key_of_boletin_yaml_is_reported_in_one_run() {
    let site = Fixture::new();
    site.write(
        "boletin.yaml",
        &format!("{CONFIG}markdown:\n  raw_htm: escape\nfeed_limt: 3\n").replace(
            "    title: Test News\n",
            "    title: Test News\n    titel: x\n",
        ),
    );
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_eq!(
        places(&run),
        [
            "boletin.yaml:6:5".to_string(),
            "boletin.yaml:13:3".to_string(),
            "boletin.yaml:14:1".to_string()
        ],
        "{}",
        run.stderr
    );
    assert_stderr_has(&run, "did you mean `title`?");
    assert_stderr_has(&run, "did you mean `raw_html`?");
    assert_stderr_has(&run, "did you mean `feed_limit`?");
    assert_stderr_snapshot!(run);
}

#[test]
fn a_key_set_twice_in_boletin_yaml_is_reported_at_the_second() {
    let site = Fixture::new();
    site.write("boletin.yaml", &format!("{CONFIG}page_size: 4\n"));
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_eq!(places(&run), ["boletin.yaml:11:1"], "{}", run.stderr);
    assert_stderr_has(&run, "`page_size` is set twice");
    assert_stderr_has(&run, "first set on line 10");
    assert_stderr_snapshot!(run);
}

#[test]
fn translate_of_an_issue_that_fails_to_load_reports_why() {
    let site = Fixture::new();
    site.write(
        BAD,
        "---\ntitle: A\ndate: 2026-03-01\ntitle: B\n---\nBody.\n",
    );
    let run = site.run(&["translate", "bad", "--to", "es"]);
    assert_site_error(&run);
    assert_stderr_lacks(&run, "no issue or page has the key");
    assert_eq!(places(&run), [format!("{BAD}:4:1")], "{}", run.stderr);
    assert!(!site.root().join("content/issues/bad/index.es.md").exists());
    assert_stderr_snapshot!(run);
}

#[test]
fn an_escape_sequence_in_front_matter_is_not_sent_to_the_terminal() {
    let run =
        build_bad("---\ntitle: A\u{1b}[2J\u{1b}]0;pwned\u{7}B\ndate: 2026-03-01\n---\nBody.\n");
    assert_eq!(places(&run), [format!("{BAD}:2:9")], "{}", run.stderr);
    assert!(
        !run.stderr.contains('\u{1b}') && !run.stderr.contains('\u{7}'),
        "control characters reached stderr: {:?}",
        run.stderr
    );
    assert_stderr_has(&run, "U+001B");
}

#[test]
fn a_fluent_message_defined_twice_is_reported_at_the_second_definition() {
    let site = Fixture::new();
    site.issue("one", "en", "One", "2026-03-01", "", "Body.\n");
    let path = site.root().join("locales/es/main.ftl");
    let mut text = std::fs::read_to_string(&path).expect("locale");
    assert!(text.lines().any(|l| l.starts_with("nav-tags =")), "{text}");
    if !text.ends_with('\n') {
        text.push('\n');
    }
    let line = text.lines().count() + 1;
    text.push_str("nav-tags = Otra vez\n");
    site.write("locales/es/main.ftl", &text);
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_eq!(
        places(&run),
        [format!("locales/es/main.ftl:{line}:1")],
        "{}",
        run.stderr
    );
    assert_stderr_has(&run, "nav-tags = Otra vez");
    assert_stderr_snapshot!(run);
}
