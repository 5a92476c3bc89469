//! The translator's and editor's workflow: `status`, `translate`, `new`
//! and `check`, run as the real binary on a site in a temporary folder,
//! and a third language added by files only. The helpers here read the
//! front matter those commands write (with a second YAML parser) and the
//! JSON of `status`.

mod check;
mod new;
mod status;
mod third_language;
mod translate;

use crate::common::*;
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
