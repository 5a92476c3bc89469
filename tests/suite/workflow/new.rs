//! `boletin new`: the next issue, today's date by default, and the end of
//! the issue numbers.

use super::*;

#[test]
fn new_creates_the_next_issue() {
    let site = Fixture::new();
    site.issue(
        "2026-01-old",
        "en",
        "Old",
        "2026-01-01",
        "issue: 5\n",
        "Old.\n",
    );
    site.issue(
        "2026-02-newer",
        "es",
        "Más reciente",
        "2026-02-01",
        "issue: 12\n",
        "Nuevo.\n",
    );
    site.issue(
        "2025-12-draft",
        "en",
        "Draft",
        "2025-12-01",
        "issue: 9\ndraft: true\n",
        "Draft.\n",
    );

    let created = "content/issues/2026-04-spring-meeting/index.en.md";
    let run = site.run(&["new", "Spring meeting", "--date", "2026-04-01"]);
    run.assert_ok();
    assert!(
        run.stdout.contains(created),
        "new should print the path:\n{}",
        run.stdout
    );
    let text = site_file(&site, created);
    let front = front_matter(&text);
    assert_eq!(yaml_str(&front, "title"), "Spring meeting", "{text}");
    assert_eq!(yaml_str(&front, "date"), "2026-04-01", "{text}");
    assert_eq!(
        front.get("issue").and_then(|v| v.as_u64()),
        Some(13),
        "the highest issue number is 12:\n{text}"
    );
    assert_eq!(yaml_str(&front, "summary"), "", "{text}");
    assert_eq!(
        front
            .get("tags")
            .and_then(|v| v.as_sequence())
            .map(Vec::len),
        Some(0),
        "{text}"
    );
    site.build(&[]).assert_ok();

    // The same again: refused, nothing changed.
    let before = site_bytes(&site, created);
    let run = site.run(&["new", "Spring meeting", "--date", "2026-04-01"]);
    assert_site_error(&run);
    assert_eq!(site_bytes(&site, created), before);

    // In Spanish.
    assert_stderr_snapshot!(run);
    let run = site.run(&[
        "new",
        "--lang",
        "es",
        "--date",
        "2026-04-02",
        "Reunión de primavera",
    ]);
    run.assert_ok();
    let spanish = "content/issues/2026-04-reunion-de-primavera/index.es.md";
    assert!(run.stdout.contains(spanish), "{}", run.stdout);
    let front = front_matter(&site_file(&site, spanish));
    assert_eq!(yaml_str(&front, "title"), "Reunión de primavera");
    assert_eq!(front.get("issue").and_then(|v| v.as_u64()), Some(14));
    assert!(
        !site
            .root()
            .join("content/issues/2026-04-reunion-de-primavera/index.en.md")
            .exists()
    );

    // A language that is not configured.
    let run = site.run(&["new", "--lang", "fr", "--date", "2026-04-03", "Réunion"]);
    assert_site_error(&run);
    assert!(
        has_word(&run.stderr, "fr"),
        "stderr should name fr:\n{}",
        run.stderr
    );
    assert!(!site.root().join("content/issues/2026-04-reunion").exists());

    // A date that does not exist.
    assert_stderr_snapshot!(run);
    let run = site.run(&["new", "--date", "2026-02-30", "Leap"]);
    assert_site_error(&run);
    assert_stderr_has(&run, "2026-02-30");
    assert!(!site.root().join("content/issues/2026-02-leap").exists());
    assert_stderr_snapshot!(run);
}

#[test]
fn new_without_a_date_uses_today() {
    let site = Fixture::new();
    let before = time::OffsetDateTime::now_utc().date();
    let run = site.run(&["new", "Quick note"]);
    let after = time::OffsetDateTime::now_utc().date();
    run.assert_ok();
    let path = run
        .stdout
        .lines()
        .find_map(|l| {
            let l = l.trim();
            l.contains("content/issues/").then(|| {
                l.split_whitespace()
                    .find(|w| w.contains("content/issues/"))
                    .expect("a path")
                    .to_string()
            })
        })
        .unwrap_or_else(|| panic!("new should print the path:\n{}", run.stdout));
    assert!(path.ends_with("-quick-note/index.en.md"), "{path}");
    let front = front_matter(&site_file(&site, &path));
    let date = yaml_str(&front, "date").to_string();
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let written = time::Date::parse(&date, &format).expect("a YYYY-MM-DD date");
    let earliest = before.previous_day().expect("a day before");
    let latest = after.next_day().expect("a day after");
    assert!(
        earliest <= written && written <= latest,
        "date {written} is not today (UTC {before}, allowing one day either way)"
    );
    let month = format!(
        "content/issues/{:04}-{:02}-quick-note/index.en.md",
        written.year(),
        written.month() as u8
    );
    assert_eq!(path, month, "the key starts with the date's year and month");
    assert_eq!(front.get("issue").and_then(|v| v.as_u64()), Some(1));
}

#[test]
fn new_after_the_largest_issue_number_is_an_error_naming_the_file() {
    let site = bilingual_issue_site();
    site.issue(
        "2026-02-last",
        "en",
        "Last",
        "2026-02-01",
        "issue: 4294967295\n",
        "The end.\n",
    );
    let before = sorted_names(&site.root().join("content/issues"));
    let run = site.run(&["new", "--date", "2026-04-01", "Next one"]);
    assert_site_error(&run);
    assert_stderr_has(&run, "content/issues/2026-02-last/index.en.md");
    assert_stderr_has(&run, "4294967295");
    assert_eq!(sorted_names(&site.root().join("content/issues")), before);
    // Below the limit, the next number is one more.
    site.issue(
        "2026-02-last",
        "en",
        "Last",
        "2026-02-01",
        "issue: 4294967294\n",
        "The end.\n",
    );
    assert_stderr_snapshot!(run);
    let run = site.run(&["new", "--date", "2026-04-01", "Next one"]);
    run.assert_ok();
    let made = std::fs::read_to_string(site.root().join(run.stdout.trim())).expect("new issue");
    assert!(made.contains("issue: 4294967295"), "{made}");
}
