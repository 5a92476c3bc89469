//! The translator's and editor's workflow: `status`, `translate`, `new`
//! and `check`, run as the real binary on a site in a temporary folder,
//! and a third language added by files only.

mod common;

use common::*;
use serde_json::Value;

const ISSUE_EN: &str = "content/issues/2026-03-spring/index.en.md";
const ISSUE_ES: &str = "content/issues/2026-03-spring/index.es.md";
const KEY: &str = "2026-03-spring";

/// Whether `word` appears in `text` on its own, not inside a longer word.
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The 1-based line of the first line of `text` containing `needle`.
#[track_caller]
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} is not in:\n{text}"))
        + 1
}

/// A file of the site (not of the output), as text.
#[track_caller]
fn site_file(site: &Fixture, relative: &str) -> String {
    let path = site.root().join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {relative}: {e}"))
}

#[track_caller]
fn site_bytes(site: &Fixture, relative: &str) -> Vec<u8> {
    let path = site.root().join(relative);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {relative}: {e}"))
}

/// The front matter of a content file, parsed as YAML.
#[track_caller]
fn front_matter(text: &str) -> serde_yaml::Value {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
        .unwrap_or_else(|| panic!("no opening ---:\n{text}"));
    let mut yaml = String::new();
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            return serde_yaml::from_str(&yaml)
                .unwrap_or_else(|e| panic!("front matter does not parse: {e}\n{yaml}"));
        }
        yaml.push_str(line);
    }
    panic!("no closing ---:\n{text}");
}

/// The body of a content file: everything after the closing `---` line.
#[track_caller]
fn body_of(text: &str) -> String {
    let mut lines = text.split_inclusive('\n');
    lines.next().expect("an opening line");
    for line in lines.by_ref() {
        if line.trim_end() == "---" {
            return lines.collect();
        }
    }
    panic!("no closing ---:\n{text}");
}

#[track_caller]
fn yaml_str<'a>(front: &'a serde_yaml::Value, field: &str) -> &'a str {
    front
        .get(field)
        .and_then(serde_yaml::Value::as_str)
        .unwrap_or_else(|| panic!("`{field}` is not a string in {front:?}"))
}

/// `status --format json` plus `extra`, parsed; it must succeed.
#[track_caller]
fn status(site: &Fixture, extra: &[&str]) -> Value {
    let mut args = vec!["status", "--format", "json"];
    args.extend_from_slice(extra);
    let run = site.run(&args);
    run.assert_ok();
    serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("status output is not JSON: {e}\n{}", run.stdout))
}

#[track_caller]
fn document<'a>(status: &'a Value, key: &str) -> &'a Value {
    status["documents"]
        .as_array()
        .expect("documents is a list")
        .iter()
        .find(|d| d["key"] == key)
        .unwrap_or_else(|| panic!("no document {key} in {status:#}"))
}

#[track_caller]
fn language<'a>(status: &'a Value, key: &str, lang: &str) -> &'a Value {
    document(status, key)["languages"]
        .as_array()
        .expect("languages is a list")
        .iter()
        .find(|l| l["lang"] == lang)
        .unwrap_or_else(|| panic!("no {lang} entry for {key} in {status:#}"))
}

#[track_caller]
fn state(status: &Value, key: &str, lang: &str) -> String {
    language(status, key, lang)["state"]
        .as_str()
        .expect("state is a string")
        .to_string()
}

#[track_caller]
fn interface<'a>(status: &'a Value, lang: &str) -> &'a Value {
    status["interface"]
        .as_array()
        .expect("interface is a list")
        .iter()
        .find(|c| c["lang"] == lang)
        .unwrap_or_else(|| panic!("no interface coverage for {lang} in {status:#}"))
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("{value} is not a list"))
        .iter()
        .map(|v| v.as_str().expect("a string").to_string())
        .collect()
}

/// The English source of the usual issue, no. 7.
fn english_issue(site: &Fixture, body: &str) {
    site.issue(
        KEY,
        "en",
        "Spring meeting",
        "2026-03-01",
        "issue: 7\nsummary: \"Plans for the spring.\"\ntags: [housing, \"legal help\"]\n",
        body,
    );
}

fn is_digest(text: &str) -> bool {
    text.len() == 16
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The `source_digest:` value of a content file.
#[track_caller]
fn recorded_digest(text: &str) -> String {
    text.lines()
        .find_map(|l| l.strip_prefix("source_digest:"))
        .unwrap_or_else(|| panic!("no source_digest line in:\n{text}"))
        .trim()
        .to_string()
}

/// Replaces the `[translate]` title and summary of a file `translate`
/// wrote with Spanish text, leaving every other line alone.
fn translate_front(text: &str) -> String {
    text.lines()
        .map(|line| {
            if line.starts_with("title:") {
                "title: \"Reunión de primavera\"".to_string()
            } else if line.starts_with("summary:") {
                "summary: \"Planes para la primavera.\"".to_string()
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + if text.ends_with('\n') { "\n" } else { "" }
}

// 1. status --format json

#[test]
fn status_json_has_the_documented_shape_and_states() {
    let site = Fixture::new();
    site.issue(
        "untracked-one",
        "en",
        "Untracked",
        "2026-01-01",
        "issue: 1\n",
        "One.\n",
    );
    site.issue(
        "untracked-one",
        "es",
        "Sin seguimiento",
        "2026-01-01",
        "issue: 1\n",
        "Uno.\n",
    );
    site.issue(
        "missing-one",
        "en",
        "Missing",
        "2026-02-01",
        "issue: 2\n",
        "Two.\n",
    );
    site.issue(
        "draft-one",
        "en",
        "Draft",
        "2026-03-01",
        "issue: 3\n",
        "Three.\n",
    );
    site.issue(
        "draft-one",
        "es",
        "Borrador",
        "2026-03-01",
        "issue: 3\ndraft: true\n",
        "Tres.\n",
    );
    site.write(
        "content/pages/about.en.md",
        "---\ntitle: About\n---\nAbout us.\n",
    );

    let json = status(&site, &[]);
    assert_eq!(json["format"], 1, "{json:#}");
    assert_eq!(json["default_language"], "en", "{json:#}");
    assert_eq!(strings(&json["languages"]), ["en", "es"], "{json:#}");

    let documents = json["documents"].as_array().expect("documents");
    assert_eq!(documents.len(), 4, "{json:#}");
    for doc in documents {
        let section = doc["section"].as_str().expect("section");
        assert!(section == "issue" || section == "page", "{doc:#}");
        assert!(doc["key"].is_string(), "{doc:#}");
        assert_eq!(doc["source_lang"], "en", "{doc:#}");
        assert!(
            is_digest(doc["source_digest"].as_str().expect("source_digest")),
            "{doc:#}"
        );
        let langs = doc["languages"].as_array().expect("languages");
        let codes: Vec<&str> = langs
            .iter()
            .map(|l| l["lang"].as_str().expect("lang"))
            .collect();
        assert_eq!(codes, ["en", "es"], "{doc:#}");
        for entry in langs {
            assert!(entry["state"].is_string(), "{entry:#}");
            assert!(entry["is_source"].is_boolean(), "{entry:#}");
            assert!(entry["path"].is_string(), "{entry:#}");
            if let Some(detail) = entry.get("detail") {
                assert!(detail.is_string(), "{entry:#}");
            }
        }
    }
    assert_eq!(document(&json, "about")["section"], "page");
    assert_eq!(document(&json, "missing-one")["section"], "issue");

    // The source language.
    let en = language(&json, "untracked-one", "en");
    assert_eq!(en["state"], "translated", "{en:#}");
    assert_eq!(en["is_source"], true, "{en:#}");
    assert_eq!(en["path"], "content/issues/untracked-one/index.en.md");

    let es = language(&json, "untracked-one", "es");
    assert_eq!(es["state"], "untracked", "{es:#}");
    assert_eq!(es["is_source"], false, "{es:#}");
    assert_eq!(es["path"], "content/issues/untracked-one/index.es.md");

    let missing = language(&json, "missing-one", "es");
    assert_eq!(missing["state"], "missing", "{missing:#}");
    assert_eq!(missing["is_source"], false, "{missing:#}");
    assert_eq!(missing["path"], "content/issues/missing-one/index.es.md");

    assert_eq!(state(&json, "draft-one", "es"), "draft");
    assert_eq!(state(&json, "draft-one", "en"), "translated");
    assert_eq!(state(&json, "about", "es"), "missing");
    assert_eq!(
        language(&json, "about", "es")["path"],
        "content/pages/about.es.md"
    );

    let coverage = json["interface"].as_array().expect("interface");
    assert_eq!(coverage.len(), 2, "{json:#}");
    for lang in ["en", "es"] {
        let c = interface(&json, lang);
        let total = c["total"].as_u64().expect("total");
        assert!(total > 0, "{c:#}");
        assert_eq!(c["translated"].as_u64(), Some(total), "{c:#}");
        assert_eq!(c["percent"].as_f64(), Some(100.0), "{c:#}");
        assert!(strings(&c["missing"]).is_empty(), "{c:#}");
        assert!(strings(&c["extra"]).is_empty(), "{c:#}");
    }

    // --lang es keeps only Spanish.
    let only = status(&site, &["--lang", "es"]);
    assert_eq!(strings(&only["languages"]), ["es"], "{only:#}");
    for doc in only["documents"].as_array().expect("documents") {
        let langs: Vec<&str> = doc["languages"]
            .as_array()
            .expect("languages")
            .iter()
            .map(|l| l["lang"].as_str().expect("lang"))
            .collect();
        assert_eq!(langs, ["es"], "{doc:#}");
    }
    let langs: Vec<&str> = only["interface"]
        .as_array()
        .expect("interface")
        .iter()
        .map(|c| c["lang"].as_str().expect("lang"))
        .collect();
    assert_eq!(langs, ["es"], "{only:#}");
    assert_eq!(state(&only, "untracked-one", "es"), "untracked");
}

// 2. The whole translator workflow.

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

// 3. --done changes one line and nothing else.

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

// 4. Line endings and trailing spaces do not make a translation outdated.

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

// 5. A source_digest boletin did not write.

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
}

// 6. translate refuses what it cannot do.

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
    let run = site.run(&["translate", "2026-01-winter", "--to", "es"]);
    assert_site_error(&run);
    assert_stderr_has(&run, existing);
    assert_eq!(site_bytes(&site, existing), before, "the file was changed");

    // The source language itself.
    let source = site_bytes(&site, ISSUE_EN);
    let run = site.run(&["translate", KEY, "--to", "en"]);
    assert_site_error(&run);
    assert_eq!(
        site_bytes(&site, ISSUE_EN),
        source,
        "the source was changed"
    );

    // --done without a translation.
    let run = site.run(&["translate", KEY, "--to", "es", "--done"]);
    assert_site_error(&run);
    assert!(
        !site.root().join(ISSUE_ES).exists(),
        "--done created a translation"
    );
}

// 7. `source: true` makes another language the source.

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
}

// 8. new

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
    let run = site.run(&["new", "--date", "2026-02-30", "Leap"]);
    assert_site_error(&run);
    assert_stderr_has(&run, "2026-02-30");
    assert!(!site.root().join("content/issues/2026-02-leap").exists());
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

// 9. check

/// Two issues, both languages, every link fine.
fn clean_site() -> Fixture {
    let site = Fixture::new();
    site.issue(
        "2026-01-winter",
        "en",
        "Winter",
        "2026-01-01",
        "issue: 1\n",
        "## Heating help\n\nStay warm.\n",
    );
    site.issue(
        "2026-01-winter",
        "es",
        "Invierno",
        "2026-01-01",
        "issue: 1\n",
        "## Ayuda con la calefacción\n\nAbríguese.\n",
    );
    site.issue(
        KEY,
        "en",
        "Spring meeting",
        "2026-03-01",
        "issue: 2\n",
        "See [winter](../2026-01-winter/index.en.md#heating-help) and [below](#agenda).\n\n## Agenda\n\n![The hall](hall.png)\n",
    );
    site.write_bytes("content/issues/2026-03-spring/hall.png", b"\x89PNG\r\n");
    site
}

/// Adds the English issue `2026-02-links` with `body` to `site`; returns
/// the path of its file.
fn links_issue(site: &Fixture, body: &str) -> &'static str {
    site.issue(
        "2026-02-links",
        "en",
        "Links",
        "2026-02-01",
        "issue: 3\n",
        body,
    );
    "content/issues/2026-02-links/index.en.md"
}

/// `check` fails naming `path:line:`; `build` still succeeds.
#[track_caller]
fn assert_check_error_at(site: &Fixture, path: &str, line: usize, also: &str) {
    let check = site.run(&["check"]);
    assert_site_error(&check);
    assert_stderr_has(&check, &format!("{path}:{line}:"));
    assert_stderr_has(&check, also);
    assert!(!site.out().exists(), "check wrote public/");
    site.build(&[]).assert_ok();
}

#[test]
fn check_passes_a_clean_site_and_writes_nothing() {
    let site = clean_site();
    let before = snapshot(site.root());
    let run = site.run(&["check"]);
    run.assert_ok();
    assert!(!site.out().exists(), "check created public/");
    assert_eq!(snapshot(site.root()), before, "check changed the site");
}

#[test]
fn check_reports_a_link_to_a_missing_issue_file() {
    let site = clean_site();
    let body = "Intro.\n\nSee [autumn](../2025-10-autumn/index.en.md).\n";
    let path = links_issue(&site, body);
    let line = line_of(&site_file(&site, path), "autumn");
    assert_check_error_at(&site, path, line, "2025-10-autumn");
}

#[test]
fn check_reports_a_link_to_a_missing_anchor_on_the_same_page() {
    let site = clean_site();
    let path = links_issue(
        &site,
        "## Real heading\n\nSee [nothing](#no-such-anchor).\n",
    );
    let line = line_of(&site_file(&site, path), "#no-such-anchor");
    assert_check_error_at(&site, path, line, "no-such-anchor");
}

#[test]
fn check_reports_a_missing_anchor_in_another_issue() {
    let site = clean_site();
    let path = links_issue(
        &site,
        "Intro.\n\nSee [winter](../2026-01-winter/index.en.md#missing).\n",
    );
    let line = line_of(&site_file(&site, path), "#missing");
    assert_check_error_at(&site, path, line, "#missing");
}

#[test]
fn check_reports_an_image_without_a_description() {
    let site = clean_site();
    let path = links_issue(&site, "Intro.\n\n![](pic.png)\n");
    site.write_bytes("content/issues/2026-02-links/pic.png", b"\x89PNG\r\n");
    let line = line_of(&site_file(&site, path), "![](pic.png)");
    assert_check_error_at(&site, path, line, "image");
}

#[test]
fn check_reports_an_interface_string_missing_in_spanish() {
    let site = clean_site();
    let locale = "locales/es/main.ftl";
    let text = site_file(&site, locale);
    let without: String = text
        .split_inclusive('\n')
        .filter(|l| !l.starts_with("nav-tags ="))
        .collect();
    assert_ne!(without, text, "the Spanish locale has nav-tags");
    site.write(locale, &without);
    let check = site.run(&["check"]);
    assert_site_error(&check);
    assert_stderr_has(&check, locale);
    assert_stderr_has(&check, "nav-tags");
    assert!(!site.out().exists(), "check wrote public/");
    let build = site.build(&[]);
    build.assert_ok();
    assert_stderr_has(&build, "nav-tags");
    let json = status(&site, &[]);
    assert_eq!(strings(&interface(&json, "es")["missing"]), ["nav-tags"]);
}

#[test]
fn check_reports_a_fluent_variable_the_theme_never_gives() {
    let site = clean_site();
    let locale = "locales/es/main.ftl";
    let text = site_file(&site, locale);
    let changed: String = text
        .split_inclusive('\n')
        .map(|l| {
            if l.starts_with("issue-number =") {
                "issue-number = Núm. { $numero }\n"
            } else {
                l
            }
        })
        .collect();
    assert_ne!(changed, text);
    site.write(locale, &changed);
    let check = site.run(&["check"]);
    assert_site_error(&check);
    let line = line_of(&changed, "issue-number =");
    assert_stderr_has(&check, &format!("{locale}:{line}:"));
    assert_stderr_has(&check, "$numero");
    assert!(!site.out().exists(), "check wrote public/");
}

#[test]
fn check_reports_a_fluent_reference_to_a_message_that_does_not_exist() {
    let site = clean_site();
    let locale = "locales/es/main.ftl";
    let text = site_file(&site, locale);
    let changed: String = text
        .split_inclusive('\n')
        .map(|l| {
            if l.starts_with("draft =") {
                "draft = Borrador { no-such }\n"
            } else {
                l
            }
        })
        .collect();
    assert_ne!(changed, text);
    site.write(locale, &changed);
    let check = site.run(&["check"]);
    assert_site_error(&check);
    let line = line_of(&changed, "draft =");
    assert_stderr_has(&check, &format!("{locale}:{line}:"));
    assert_stderr_has(&check, "no-such");
    assert!(!site.out().exists(), "check wrote public/");
}

#[test]
fn check_reports_a_fluent_syntax_error_with_its_line() {
    let site = clean_site();
    let locale = "locales/es/main.ftl";
    let text = site_file(&site, locale);
    let changed = text.replacen(
        "\nskip-to-content =",
        "\nbroken-message = { @@@ }\nskip-to-content =",
        1,
    );
    assert_ne!(changed, text);
    site.write(locale, &changed);
    let check = site.run(&["check"]);
    assert_site_error(&check);
    let line = line_of(&changed, "broken-message");
    assert_stderr_has(&check, &format!("{locale}:{line}:"));
    assert!(!site.out().exists(), "check wrote public/");
}

// 10. A third language, by files only.

const CONFIG_AR: &str = "base_url: https://news.example.org/\ndefault_language: en\nlanguages:\n  en:\n    title: Test News\n    description: A test newsletter.\n  es:\n    title: Noticias de prueba\n    description: Un boletín de prueba.\n  ar:\n    title: أخبار الاختبار\n    description: نشرة اختبار.\n    dir: rtl\npage_size: 3\n";

/// The English locale with `language-name` and a few messages in Arabic.
fn arabic_locale(english: &str) -> String {
    english
        .split_inclusive('\n')
        .map(|l| {
            if l.starts_with("language-name =") {
                "language-name = العربية\n".to_string()
            } else if l.starts_with("nav-archive =") {
                "nav-archive = كل الأعداد\n".to_string()
            } else if l.starts_with("skip-to-content =") {
                "skip-to-content = انتقل إلى المحتوى\n".to_string()
            } else {
                l.to_string()
            }
        })
        .collect()
}

#[test]
fn a_third_right_to_left_language_is_added_by_files_only() {
    let site = Fixture::new();
    site.write("boletin.yaml", CONFIG_AR);
    let english = site_file(&site, "locales/en/main.ftl");
    let arabic = arabic_locale(&english);
    assert!(arabic.contains("language-name = العربية"));
    site.write("locales/ar/main.ftl", &arabic);
    site.issue(
        "2026-01-winter",
        "en",
        "Winter",
        "2026-01-01",
        "issue: 1\n",
        "Stay warm.\n",
    );
    site.issue(
        "2026-01-winter",
        "es",
        "Invierno",
        "2026-01-01",
        "issue: 1\n",
        "Abríguese.\n",
    );
    site.issue(
        KEY,
        "en",
        "Spring meeting",
        "2026-03-01",
        "issue: 2\n",
        "We meet.\n",
    );
    // The Arabic translation records the digest of its source.
    let json = status(&site, &[]);
    let digest = document(&json, KEY)["source_digest"]
        .as_str()
        .expect("digest")
        .to_string();
    site.issue(
        KEY,
        "ar",
        "اجتماع الربيع",
        "2026-03-01",
        &format!("issue: 2\nsource_digest: {digest}\n"),
        "نلتقي.\n",
    );

    site.build(&[]).assert_ok();
    for page in [
        "ar/index.html",
        "ar/issues/2026-03-spring/index.html",
        "ar/issues/2026-01-winter/index.html",
    ] {
        assert_html_language(&site.html(page), page, "ar", "rtl");
    }
    let english_page = site.html("en/index.html");
    let dir = select(&english_page, "html")[0]
        .value()
        .attr("dir")
        .map(str::to_string);
    assert!(
        dir.is_none() || dir.as_deref() == Some("ltr"),
        "English is not rtl: {dir:?}"
    );
    assert!(
        site.read("ar/index.html").contains("كل الأعداد"),
        "the Arabic archive uses the Arabic locale"
    );

    let json = status(&site, &[]);
    assert_eq!(strings(&json["languages"]), ["en", "es", "ar"], "{json:#}");
    for doc in json["documents"].as_array().expect("documents") {
        let langs: Vec<&str> = doc["languages"]
            .as_array()
            .expect("languages")
            .iter()
            .map(|l| l["lang"].as_str().expect("lang"))
            .collect();
        assert_eq!(langs, ["en", "es", "ar"], "{doc:#}");
    }
    assert_eq!(state(&json, KEY, "ar"), "translated", "{json:#}");
    assert_eq!(state(&json, KEY, "es"), "missing", "{json:#}");
    assert_eq!(state(&json, "2026-01-winter", "ar"), "missing", "{json:#}");
    assert_eq!(
        language(&json, "2026-01-winter", "ar")["path"],
        "content/issues/2026-01-winter/index.ar.md"
    );
    let ar = interface(&json, "ar");
    let en = interface(&json, "en");
    assert_eq!(ar["total"], en["total"], "{json:#}");
    assert_eq!(ar["translated"], en["total"], "{json:#}");
    assert!(strings(&ar["missing"]).is_empty(), "{ar:#}");

    // Every message present: check is happy.
    let full = english.replace("language-name = English", "language-name = العربية");
    assert_ne!(full, english);
    site.write("locales/ar/main.ftl", &full);
    std::fs::remove_dir_all(site.out()).expect("remove public/");
    let run = site.run(&["check"]);
    run.assert_ok();

    // One missing: check names the Arabic locale file and the message.
    let without: String = full
        .split_inclusive('\n')
        .filter(|l| !l.starts_with("nav-archive ="))
        .collect();
    assert_ne!(without, full);
    site.write("locales/ar/main.ftl", &without);
    let run = site.run(&["check"]);
    assert_site_error(&run);
    assert_stderr_has(&run, "locales/ar/main.ftl");
    assert_stderr_has(&run, "nav-archive");
    let json = status(&site, &["--lang", "ar"]);
    assert_eq!(strings(&interface(&json, "ar")["missing"]), ["nav-archive"]);
}
