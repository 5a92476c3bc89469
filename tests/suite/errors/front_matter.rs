//! Mistakes in an issue's front matter, each named at its file and line.

use super::*;

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
    assert_stderr_snapshot!(run);
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
    assert_stderr_snapshot!(run);
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
    assert_stderr_snapshot!(run);
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
    assert_stderr_snapshot!(run);
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
    assert_stderr_snapshot!(run);
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
    assert_stderr_snapshot!(run);
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
    assert_stderr_snapshot!(run);
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
    assert_stderr_snapshot!(run);
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
    assert_stderr_snapshot!(run);
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
    assert_stderr_snapshot!(run);
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
    assert_stderr_snapshot!(run);
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
    assert_stderr_snapshot!(run);
}
