//! `boletin translate`: from missing to translated and back, the digest it
//! records, what makes a translation outdated, what it refuses, and a
//! Spanish source.

use super::*;

#[test]
fn translator_workflow_from_missing_to_translated_and_back() {
    let site = Fixture::new();
    let body = "## Agenda\n\nWe meet on **Saturday**.\n\n- housing\n- legal help\n";
    english_issue(&site, body);

    let json = status(&site, &[]);
    assert_eq!(state(&json, KEY, "es"), "missing");
    assert_eq!(language(&json, KEY, "es")["path"], ISSUE_ES);

    let run = site.run(&["translate", KEY, "--to", "es"]);
    run.assert_ok();
    assert!(
        run.stdout.contains(ISSUE_ES),
        "translate should print the new file's path:\n{}",
        run.stdout
    );
    let started = site_file(&site, ISSUE_ES);
    let front = front_matter(&started);
    let title = yaml_str(&front, "title");
    assert!(title.starts_with("[translate] "), "{started}");
    assert!(title.contains("Spring meeting"), "{started}");
    let summary = yaml_str(&front, "summary");
    assert!(summary.starts_with("[translate] "), "{started}");
    assert!(summary.contains("Plans for the spring."), "{started}");
    assert_eq!(yaml_str(&front, "date"), "2026-03-01", "{started}");
    assert_eq!(front.get("issue").and_then(|v| v.as_u64()), Some(7));
    let tags: Vec<&str> = front
        .get("tags")
        .and_then(|v| v.as_sequence())
        .expect("tags copied")
        .iter()
        .map(|t| t.as_str().expect("a tag"))
        .collect();
    assert_eq!(tags, ["housing", "legal help"], "{started}");
    let digest = yaml_str(&front, "source_digest");
    assert!(is_digest(digest), "source_digest {digest:?} in:\n{started}");
    assert_eq!(body_of(&started), body, "the body is copied:\n{started}");

    let json = status(&site, &[]);
    assert_eq!(document(&json, KEY)["source_digest"], digest);
    assert_eq!(
        state(&json, KEY, "es"),
        "outdated",
        "the [translate] marks are still there: {json:#}"
    );

    // The translator replaces title and summary, keeping source_digest.
    let translated = translate_front(&started);
    assert!(translated.contains(&format!("source_digest: {digest}")));
    site.write(ISSUE_ES, &translated);
    let json = status(&site, &[]);
    assert_eq!(state(&json, KEY, "es"), "translated", "{json:#}");
    assert_eq!(state(&json, KEY, "en"), "translated", "{json:#}");

    // The English text changes.
    english_issue(&site, &format!("{body}\nOne more thing.\n"));
    let json = status(&site, &[]);
    assert_eq!(state(&json, KEY, "es"), "outdated", "{json:#}");
    let detail = language(&json, KEY, "es")["detail"]
        .as_str()
        .unwrap_or_else(|| panic!("an outdated translation says why: {json:#}"))
        .to_string();
    assert!(
        detail.contains("source") && detail.contains("changed"),
        "detail should say the source changed: {detail}"
    );
    let new_digest = document(&json, KEY)["source_digest"]
        .as_str()
        .expect("source_digest")
        .to_string();
    assert_ne!(new_digest, digest);

    // The translator catches up and records it.
    let before = site_file(&site, ISSUE_ES);
    site.run(&["translate", KEY, "--to", "es", "--done"])
        .assert_ok();
    let json = status(&site, &[]);
    assert_eq!(state(&json, KEY, "es"), "translated", "{json:#}");
    let after = site_file(&site, ISSUE_ES);
    assert_eq!(recorded_digest(&after), new_digest);
    let before_lines: Vec<&str> = before.split_inclusive('\n').collect();
    let after_lines: Vec<&str> = after.split_inclusive('\n').collect();
    assert_eq!(
        before_lines.len(),
        after_lines.len(),
        "{before}\n---\n{after}"
    );
    for (old, new) in before_lines.iter().zip(&after_lines) {
        if old.starts_with("source_digest:") {
            assert_eq!(*new, format!("source_digest: {new_digest}\n"));
        } else {
            assert_eq!(old, new, "--done changed a line that is not source_digest");
        }
    }
}

#[test]
fn translate_done_keeps_bom_and_crlf_and_adds_only_the_digest_line() {
    let site = Fixture::new();
    english_issue(&site, "Body.\n");
    let original = "\u{feff}---\r\ntitle: \"Reunión de primavera\"\r\ndate: 2026-03-01\r\nissue: 7\r\nsummary: \"Planes para la primavera.\"\r\n---\r\nCuerpo.\r\n\r\nMás texto.\r\n";
    site.write(ISSUE_ES, original);
    let json = status(&site, &[]);
    assert_eq!(state(&json, KEY, "es"), "untracked", "{json:#}");
    let digest = document(&json, KEY)["source_digest"]
        .as_str()
        .expect("source_digest")
        .to_string();

    site.run(&["translate", KEY, "--to", "es", "--done"])
        .assert_ok();
    let after = site_bytes(&site, ISSUE_ES);
    let expected = original.replacen(
        "\r\n---\r\nCuerpo",
        &format!("\r\nsource_digest: {digest}\r\n---\r\nCuerpo"),
        1,
    );
    assert_eq!(
        String::from_utf8_lossy(&after),
        expected,
        "only a source_digest line, with CRLF, before the closing ---"
    );
    assert_eq!(after, expected.as_bytes());
    assert!(after.starts_with("\u{feff}".as_bytes()), "the BOM is kept");
    let json = status(&site, &[]);
    assert_eq!(state(&json, KEY, "es"), "translated", "{json:#}");
}

#[test]
fn line_endings_and_trailing_spaces_in_the_source_do_not_outdate_a_translation() {
    let site = Fixture::new();
    let body = "First paragraph.\n\nSecond paragraph.\n";
    english_issue(&site, body);
    site.run(&["translate", KEY, "--to", "es"]).assert_ok();
    let started = site_file(&site, ISSUE_ES);
    site.write(ISSUE_ES, &translate_front(&started));
    let json = status(&site, &[]);
    assert_eq!(state(&json, KEY, "es"), "translated", "{json:#}");
    let digest = document(&json, KEY)["source_digest"].clone();

    // The same English file with CRLF line endings.
    let english = site_file(&site, ISSUE_EN);
    assert!(!english.contains('\r'));
    site.write(ISSUE_EN, &english.replace('\n', "\r\n"));
    let json = status(&site, &[]);
    assert_eq!(
        state(&json, KEY, "es"),
        "translated",
        "CRLF in the source made it outdated: {json:#}"
    );
    assert_eq!(document(&json, KEY)["source_digest"], digest);

    // The same English file with trailing spaces.
    let spaced: String = english
        .split_inclusive('\n')
        .map(|line| match line.strip_suffix('\n') {
            Some(text) if text != "---" && !text.is_empty() => format!("{text}   \n"),
            _ => line.to_string(),
        })
        .collect();
    assert_ne!(spaced, english);
    site.write(ISSUE_EN, &spaced);
    let json = status(&site, &[]);
    assert_eq!(
        state(&json, KEY, "es"),
        "translated",
        "trailing spaces in the source made it outdated: {json:#}"
    );
    assert_eq!(document(&json, KEY)["source_digest"], digest);

    // A real change still counts.
    site.write(ISSUE_EN, &english.replace("Second", "Third"));
    let json = status(&site, &[]);
    assert_eq!(state(&json, KEY, "es"), "outdated", "{json:#}");
}

#[test]
fn corrupt_source_digest_is_outdated_a_build_warning_and_a_check_error() {
    let site = Fixture::new();
    english_issue(&site, "Body.\n");
    site.issue(
        KEY,
        "es",
        "Reunión de primavera",
        "2026-03-01",
        "issue: 7\nsummary: \"Planes para la primavera.\"\nsource_digest: nonsense\n",
        "Cuerpo.\n",
    );
    let json = status(&site, &[]);
    assert_eq!(state(&json, KEY, "es"), "outdated", "{json:#}");
    let detail = language(&json, KEY, "es")["detail"]
        .as_str()
        .unwrap_or_else(|| panic!("an outdated translation says why: {json:#}"))
        .to_string();
    assert!(detail.contains("nonsense"), "detail: {detail}");

    let build = site.build(&[]);
    build.assert_ok();
    assert_stderr_has(&build, "warning");
    assert_stderr_has(&build, ISSUE_ES);
    assert_stderr_has(&build, "nonsense");

    let check = site.run(&["check"]);
    assert_site_error(&check);
    let line = line_of(&site_file(&site, ISSUE_ES), "source_digest:");
    assert_stderr_has(&check, &format!("{ISSUE_ES}:{line}:"));
    assert_stderr_has(&check, "source_digest");
    assert_stderr_snapshot!(build);
    assert_stderr_snapshot!(check);
}

#[test]
fn translate_rejects_bad_keys_languages_and_existing_files() {
    let site = Fixture::new();
    english_issue(&site, "Body.\n");
    site.issue(
        "2026-01-winter",
        "en",
        "Winter",
        "2026-01-01",
        "issue: 6\n",
        "Cold.\n",
    );
    site.issue(
        "2026-01-winter",
        "es",
        "Invierno",
        "2026-01-01",
        "issue: 6\n",
        "Frío.\n",
    );

    // An unknown key: the closest one is suggested.
    let run = site.run(&["translate", "2026-03-sprng", "--to", "es"]);
    assert_site_error(&run);
    assert_stderr_has(&run, "2026-03-sprng");
    assert_stderr_has(&run, KEY);
    assert!(
        !run.stderr.contains("2026-01-winter"),
        "only the closest key is suggested:\n{}",
        run.stderr
    );
    assert!(!site.root().join(ISSUE_ES).exists());
    assert!(
        !site
            .root()
            .join("content/issues/2026-03-sprng/index.es.md")
            .exists()
    );

    // An unknown language.
    assert_stderr_snapshot!(run);
    let run = site.run(&["translate", KEY, "--to", "fr"]);
    assert_site_error(&run);
    assert!(
        has_word(&run.stderr, "fr"),
        "stderr should name fr:\n{}",
        run.stderr
    );
    assert!(
        !site
            .root()
            .join("content/issues/2026-03-spring/index.fr.md")
            .exists()
    );

    // A translation that exists already.
    let existing = "content/issues/2026-01-winter/index.es.md";
    let before = site_bytes(&site, existing);
    assert_stderr_snapshot!(run);
    let run = site.run(&["translate", "2026-01-winter", "--to", "es"]);
    assert_site_error(&run);
    assert_stderr_has(&run, existing);
    assert_eq!(site_bytes(&site, existing), before, "the file was changed");

    // The source language itself.
    let source = site_bytes(&site, ISSUE_EN);
    assert_stderr_snapshot!(run);
    let run = site.run(&["translate", KEY, "--to", "en"]);
    assert_site_error(&run);
    assert_eq!(
        site_bytes(&site, ISSUE_EN),
        source,
        "the source was changed"
    );

    // --done without a translation.
    assert_stderr_snapshot!(run);
    let run = site.run(&["translate", KEY, "--to", "es", "--done"]);
    assert_site_error(&run);
    assert!(
        !site.root().join(ISSUE_ES).exists(),
        "--done created a translation"
    );
    assert_stderr_snapshot!(run);
}

#[test]
fn source_true_makes_spanish_the_source() {
    let site = Fixture::new();
    site.issue(
        KEY,
        "es",
        "Reunión de primavera",
        "2026-03-01",
        "issue: 7\nsource: true\n",
        "Cuerpo.\n",
    );
    site.issue(
        KEY,
        "en",
        "Spring meeting",
        "2026-03-01",
        "issue: 7\n",
        "Body.\n",
    );
    let json = status(&site, &[]);
    let doc = document(&json, KEY);
    assert_eq!(doc["source_lang"], "es", "{doc:#}");
    let es = language(&json, KEY, "es");
    assert_eq!(es["is_source"], true, "{es:#}");
    assert_eq!(es["state"], "translated", "{es:#}");
    let en = language(&json, KEY, "en");
    assert_eq!(en["is_source"], false, "{en:#}");
    assert_eq!(en["state"], "untracked", "{en:#}");

    let before = site_bytes(&site, ISSUE_EN);
    let run = site.run(&["translate", KEY, "--to", "en"]);
    assert_site_error(&run);
    assert_stderr_has(&run, ISSUE_EN);
    assert_eq!(site_bytes(&site, ISSUE_EN), before);

    // Recording the digest tracks English against the Spanish text.
    site.run(&["translate", KEY, "--to", "en", "--done"])
        .assert_ok();
    let json = status(&site, &[]);
    assert_eq!(state(&json, KEY, "en"), "translated", "{json:#}");
    assert_eq!(
        recorded_digest(&site_file(&site, ISSUE_EN)),
        document(&json, KEY)["source_digest"]
            .as_str()
            .expect("digest")
    );
    assert!(
        !site_file(&site, ISSUE_ES).contains("source_digest"),
        "the source got a source_digest"
    );
    assert_stderr_snapshot!(run);
}
