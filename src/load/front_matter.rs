//! Splits a content file into front matter and body, and validates the
//! front matter into a `FrontMatter`.
//!
//! Line numbers in every diagnostic are lines of the whole file: the YAML
//! library counts from the start of the YAML text, so the offset of that
//! text is added here.

use crate::diagnostics::{Diagnostic, Location};
use crate::model::{FrontMatter, Locations, YAML_LINE};
use crate::suggest;
use crate::yaml::{self, YamlError};
use serde::Deserialize;
use std::path::Path;
use time::Date;
use time::macros::format_description;

/// Fields a content file may set; anything else is an error (reported by
/// `yaml::parse`, every unknown key at its line).
#[derive(Deserialize)]
struct RawFrontMatter {
    title: Option<String>,
    date: Option<String>,
    issue: Option<u32>,
    summary: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    authors: Vec<String>,
    slug: Option<String>,
    cover: Option<String>,
    cover_alt: Option<String>,
    #[serde(default)]
    draft: bool,
    translation_key: Option<String>,
    #[serde(default)]
    source: bool,
    source_digest: Option<String>,
    #[serde(default)]
    extra: serde_json::Value,
}

/// A content file split in two, with its front matter validated.
#[derive(Clone, Debug)]
pub(crate) struct Parsed {
    /// Where some fields are in the file, by field name.
    pub(crate) locations: Locations,
    pub(crate) front: FrontMatter,
    pub(crate) body: String,
    /// The file's line number of the body's first line.
    pub(crate) body_line: usize,
}

/// Whether `date` must be present (issues) or may be left out (pages).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateRule {
    Required,
    Optional,
}

/// Normalises a file's text: no byte-order mark, `\n` line endings. Most
/// files need neither, and are handed back without a copy.
pub(crate) fn normalize(mut text: String) -> String {
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    if text.contains('\r') {
        text = text.replace("\r\n", "\n").replace('\r', "\n");
    }
    text
}

/// Splits and validates `text` (already normalised), the file at `path`.
pub(crate) fn parse(
    path: &Path,
    text: &str,
    date_rule: DateRule,
) -> Result<Parsed, Vec<Diagnostic>> {
    let (yaml_text, body, body_line) = split(path, text).map_err(|d| vec![d])?;
    let body_start = text.len() - body.len();
    let locate =
        |line: usize, column: usize| Location::at_line_column(text, line + YAML_LINE - 1, column);
    if yaml_text.trim().is_empty() {
        return Err(vec![
            Diagnostic::error(path, "the front matter is empty")
                .at(Location::at_offset(text, 0, 3))
                .help("add at least `title:` and `date: YYYY-MM-DD` between the two `---` lines"),
        ]);
    }
    // One pass: every unknown or repeated key and every syntax error is
    // reported at its own place, and whatever parsed is still checked.
    let parsed = yaml::parse::<RawFrontMatter>(yaml_text);
    let mut problems: Vec<Diagnostic> = parsed
        .problems
        .into_iter()
        .map(|error| yaml_diagnostic(path, error, &locate))
        .collect();
    let keys = parsed.keys;
    let Some(raw) = parsed.value else {
        return Err(problems);
    };
    let at_key = |key: &str| keys.value(&[key]).map(|(l, c)| locate(l, c));
    let file = File {
        path,
        text,
        at_key: &at_key,
    };
    let date = check_fields(&raw, date_rule, &file, &mut problems);
    if !problems.is_empty() {
        return Err(problems);
    }
    let yaml_start = yaml_text.as_ptr() as usize - text.as_ptr() as usize;
    let locations = Locations::new(
        text[..body_start].to_string(),
        yaml_start..yaml_start + yaml_text.len(),
    );
    Ok(Parsed {
        locations,
        front: raw.into_front_matter(date),
        body: body.to_string(),
        body_line,
    })
}

/// The file whose fields are checked, for the diagnostics: its path, its
/// text, and where in it a top-level key's value is written.
struct File<'a> {
    path: &'a Path,
    text: &'a str,
    at_key: &'a dyn Fn(&str) -> Option<Location>,
}

/// Checks the fields' values, in the order the report lists them (title,
/// date, cover, lists), adding a diagnostic for each problem; returns the
/// date when there is a valid one.
fn check_fields(
    raw: &RawFrontMatter,
    date_rule: DateRule,
    file: &File,
    problems: &mut Vec<Diagnostic>,
) -> Option<Date> {
    let File { path, text, at_key } = *file;
    if raw.title.as_deref().unwrap_or_default().trim().is_empty() {
        problems.push(
            Diagnostic::error(path, "the title is missing")
                .at_opt(at_key("title").or_else(|| Some(Location::at_offset(text, 0, 3))))
                .help("add a line `title: ...` to the front matter"),
        );
    }
    let date = match &raw.date {
        Some(value) => match parse_date(value) {
            Ok(date) => Some(date),
            Err(why) => {
                problems.push(
                    Diagnostic::error(path, format!("`date: {value}` {why}"))
                        .at_opt(at_key("date"))
                        .help("write the date as YYYY-MM-DD, for example 2026-03-01"),
                );
                None
            }
        },
        None if date_rule == DateRule::Required => {
            problems.push(
                Diagnostic::error(path, "the date is missing")
                    .at(Location::at_offset(text, 0, 3))
                    .help("add a line `date: YYYY-MM-DD` to the front matter"),
            );
            None
        }
        None => None,
    };
    if raw.cover.is_some()
        && raw
            .cover_alt
            .as_deref()
            .is_none_or(|alt| alt.trim().is_empty())
    {
        problems.push(
            Diagnostic::error(path, "`cover` is set but `cover_alt` is missing")
                .at_opt(at_key("cover"))
                .help("add `cover_alt:` describing the picture for readers who cannot see it"),
        );
    }
    for (field, list) in [("tags", &raw.tags), ("authors", &raw.authors)] {
        if list.iter().any(|item| item.trim().is_empty()) {
            problems.push(
                Diagnostic::error(path, format!("`{field}` has an empty entry"))
                    .at_opt(at_key(field))
                    .help("remove the empty entry"),
            );
        }
    }
    date
}

impl RawFrontMatter {
    /// The checked fields as the model keeps them; `date` is the parsed
    /// `date:`. A summary of only spaces counts as none.
    fn into_front_matter(self, date: Option<Date>) -> FrontMatter {
        FrontMatter {
            title: self.title.unwrap_or_default(),
            date,
            issue: self.issue,
            summary: self.summary.filter(|s| !s.trim().is_empty()),
            tags: self.tags,
            authors: self.authors,
            slug: self.slug,
            cover: self.cover,
            cover_alt: self.cover_alt,
            draft: self.draft,
            translation_key: self.translation_key,
            source: self.source,
            source_digest: self.source_digest,
            extra: self.extra,
        }
    }
}

/// Parses a `YYYY-MM-DD` date, explaining in words what is wrong.
pub(crate) fn parse_date(value: &str) -> Result<Date, &'static str> {
    let value = value.trim();
    let shaped = value.len() == 10
        && value.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shaped {
        return Err("is not a date in the form YYYY-MM-DD");
    }
    let date = Date::parse(value, format_description!("[year]-[month]-[day]"))
        .map_err(|_| "is not a day that exists in the calendar")?;
    // Feed readers cannot read a date in the year 0 (RSS has no such
    // year), and every date front matter accepts must make valid feeds.
    if date.year() < 1 {
        return Err("is in the year 0000, which feeds cannot carry");
    }
    Ok(date)
}

/// Returns (YAML text, body, line of the body's first line).
fn split<'a>(path: &Path, text: &'a str) -> Result<(&'a str, &'a str, usize), Diagnostic> {
    if text.trim().is_empty() {
        return Err(Diagnostic::error(path, "the file is empty")
            .help("start it with front matter: a `---` line, `title:` and `date:`, and another `---` line"));
    }
    let after_open = match text.strip_prefix("---\n") {
        Some(rest) => rest,
        None if text.trim_end() == "---" => "",
        None => {
            return Err(Diagnostic::error(path, "the file does not start with front matter")
                .at(Location::at_offset(text, 0, 3))
                .help("put a `---` line first, then `title:` and `date:`, then another `---` line, then the text"));
        }
    };
    let open_len = text.len() - after_open.len();
    let mut offset = 0;
    for line in after_open.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let yaml = &after_open[..offset];
            let body = &after_open[offset + line.len()..];
            let body_line = text[..open_len + offset + line.len()].matches('\n').count() + 1;
            return Ok((yaml, body, body_line));
        }
        offset += line.len();
    }
    Err(Diagnostic::error(path, "the front matter is never closed")
        .at(Location::at_offset(text, 0, 3))
        .help("add a line with only `---` after the last front matter field"))
}

fn yaml_diagnostic(
    path: &Path,
    error: YamlError,
    locate: &dyn Fn(usize, usize) -> Location,
) -> Diagnostic {
    let location = match (error.line, error.column) {
        (Some(line), Some(column)) => Some(locate(line, column)),
        _ => None,
    };
    match error.unknown_field {
        Some(unknown) => Diagnostic::error(
            path,
            format!("unknown front matter field `{}`", unknown.field),
        )
        .help(suggest::help_for_unknown(&unknown.field, &unknown.expected)),
        None => {
            let diagnostic = Diagnostic::error(
                path,
                format!("the front matter is not valid: {}", error.message),
            );
            match (error.first_set_on, error.help) {
                (Some(first), _) => diagnostic.help(format!(
                    "it is first set on line {}; keep one of the two",
                    first + YAML_LINE - 1
                )),
                (None, Some(help)) => diagnostic.help(help),
                (None, None) => diagnostic,
            }
        }
    }
    .at_opt(location)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_issue(text: &str) -> Result<Parsed, Vec<Diagnostic>> {
        parse(
            Path::new("a.en.md"),
            &normalize(text.to_string()),
            DateRule::Required,
        )
    }

    #[test]
    fn byte_order_marks_and_carriage_returns_are_dropped() {
        assert_eq!(normalize("\u{feff}a\r\nb\rc\n".to_string()), "a\nb\nc\n");
        assert_eq!(normalize("plain\n".to_string()), "plain\n");
    }

    #[test]
    fn splits_and_counts_body_lines() {
        let parsed = parse_issue("---\ntitle: Hi\ndate: 2026-03-01\n---\nBody\n").unwrap();
        assert_eq!(parsed.front.title, "Hi");
        assert_eq!(parsed.body, "Body\n");
        assert_eq!(parsed.body_line, 5);
    }

    #[test]
    fn bom_and_crlf_are_accepted() {
        let parsed =
            parse_issue("\u{feff}---\r\ntitle: Hi\r\ndate: 2026-03-01\r\n---\r\nBody\r\n").unwrap();
        assert_eq!(parsed.front.date, Some(time::macros::date!(2026 - 03 - 01)));
        assert_eq!(parsed.body, "Body\n");
    }

    #[test]
    fn unknown_fields_get_a_suggestion_and_the_file_line() {
        let problems =
            parse_issue("---\ntitle: Hi\ndate: 2026-03-01\ntagz: [a]\n---\n").unwrap_err();
        assert_eq!(problems[0].location.as_ref().unwrap().line, 4);
        assert_eq!(problems[0].help.as_deref(), Some("did you mean `tags`?"));
    }

    #[test]
    fn a_list_left_open_is_reported_on_its_own_line() {
        let problems =
            parse_issue("---\ntitle: Hi\ndate: 2026-03-01\ntags: [a\n---\nText\n").unwrap_err();
        assert_eq!(
            problems[0].location.as_ref().unwrap().line,
            4,
            "{problems:#?}"
        );
    }

    #[test]
    fn unknown_fields_do_not_hide_other_problems() {
        let problems =
            parse_issue("---\ntitle: Hi\ndate: 2026-02-30\ntittle: x\ncolour:\n  - red\n---\n")
                .unwrap_err();
        let lines: Vec<usize> = problems
            .iter()
            .map(|p| p.location.as_ref().unwrap().line)
            .collect();
        assert_eq!(lines, [4, 5, 3], "{problems:#?}");
    }

    #[test]
    fn impossible_dates_and_missing_alt_are_both_reported() {
        let problems =
            parse_issue("---\ntitle: Hi\ndate: 2026-02-30\ncover: a.jpg\n---\n").unwrap_err();
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[0].location.as_ref().unwrap().line, 3);
        assert!(problems[1].message.contains("cover_alt"));
    }

    #[test]
    fn only_an_issue_needs_a_date() {
        let text = "---\ntitle: About\n---\nText\n";
        let page = parse(Path::new("about.en.md"), text, DateRule::Optional).unwrap();
        assert_eq!(page.front.date, None);
        let problems = parse_issue(text).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert_eq!(problems[0].message, "the date is missing");
        assert_eq!(problems[0].location.as_ref().unwrap().line, 1);
    }

    #[test]
    fn a_summary_of_spaces_is_none_and_the_other_fields_are_kept() {
        let parsed = parse_issue(
            "---\ntitle: Hi\ndate: 2026-03-01\nsummary: '  '\nissue: 7\nauthors: [Ana]\ndraft: true\n---\n",
        )
        .unwrap();
        assert_eq!(parsed.front.summary, None);
        assert_eq!(parsed.front.issue, Some(7));
        assert_eq!(parsed.front.authors, ["Ana"]);
        assert!(parsed.front.draft);
    }

    #[test]
    fn files_without_front_matter_are_rejected() {
        assert!(parse_issue("Just text\n").is_err());
        assert!(parse_issue("").is_err());
        assert!(parse_issue("---\ntitle: x\n").is_err());
        assert!(parse_issue("---\n---\n").is_err());
    }
}
