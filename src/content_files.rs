//! The text of the content files `new` and `translate` write: a new
//! issue, a translation started from its source, and a file with its
//! `source_digest` line changed (everything else exactly as the person
//! wrote it). Pure: `write::content` puts the text on disk.

use crate::freshness::MARKER;
use crate::model::FrontMatter;
use crate::yaml;
use time::Date;

/// The text of a new issue's file.
pub(crate) fn new_issue(title: &str, date: Date, number: u32) -> String {
    format!(
        "---\ntitle: {}\ndate: {date}\nissue: {number}\nsummary: \"\"\ntags: []\n---\n\n",
        yaml::scalar(title)
    )
}

/// The text of a translation to be: the source's front matter with title,
/// summary and cover description marked for translation, its body to
/// overwrite, and the digest of the source it starts from.
pub(crate) fn translation(front: &FrontMatter, body: &str, digest: &str) -> String {
    let marked = |text: &str| yaml::scalar(&format!("{MARKER} {text}"));
    let mut text = format!("---\ntitle: {}\n", marked(&front.title));
    if let Some(date) = front.date {
        text.push_str(&format!("date: {date}\n"));
    }
    if let Some(number) = front.issue {
        text.push_str(&format!("issue: {number}\n"));
    }
    if let Some(summary) = &front.summary {
        text.push_str(&format!("summary: {}\n", marked(summary)));
    }
    if !front.tags.is_empty() {
        text.push_str(&format!("tags: {}\n", yaml::flow_list(&front.tags)));
    }
    if !front.authors.is_empty() {
        text.push_str(&format!("authors: {}\n", yaml::flow_list(&front.authors)));
    }
    if let Some(cover) = &front.cover {
        text.push_str(&format!("cover: {}\n", yaml::scalar(cover)));
        text.push_str(&format!(
            "cover_alt: {}\n",
            marked(front.cover_alt.as_deref().unwrap_or(""))
        ));
    }
    if front.draft {
        text.push_str("draft: true\n");
    }
    if let Some(key) = &front.translation_key {
        text.push_str(&format!("translation_key: {}\n", yaml::scalar(key)));
    }
    if !front.extra.is_null() {
        text.push_str("extra:\n");
        text.push_str(&yaml::block(&front.extra, 2));
    }
    text.push_str(&format!("source_digest: {digest}\n---\n"));
    text.push_str(body);
    text
}

/// `text` (a whole content file) with `source_digest` set to `digest`:
/// the line replaced if there is one, added before the closing `---`
/// otherwise. Line endings and a byte-order mark are kept. `None` when
/// the file has no front matter.
pub(crate) fn with_source_digest(text: &str, digest: &str) -> Option<String> {
    let (bom, body) = match text.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", text),
    };
    let newline = if body.contains("\r\n") { "\r\n" } else { "\n" };
    let new_line = format!("source_digest: {digest}{newline}");
    let mut lines = body.split_inclusive('\n');
    let first = lines.next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let mut out = format!("{bom}{first}");
    let mut done = false;
    for line in lines.by_ref() {
        let trimmed = line.trim_end();
        if !done && line.starts_with("source_digest:") {
            out.push_str(&new_line);
            done = true;
        } else if trimmed == "---" {
            if !done {
                out.push_str(&new_line);
            }
            out.push_str(line);
            out.extend(lines);
            return Some(out);
        } else {
            out.push_str(line);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_digest_line_is_replaced_or_added_and_nothing_else_changes() {
        let with = "---\r\ntitle: x\r\nsource_digest: old\r\n---\r\nBody ---\r\n";
        assert_eq!(
            with_source_digest(with, "0123456789abcdef").unwrap(),
            "---\r\ntitle: x\r\nsource_digest: 0123456789abcdef\r\n---\r\nBody ---\r\n"
        );
        let without = "\u{feff}---\ntitle: x\n---\n\n---\n";
        assert_eq!(
            with_source_digest(without, "0123456789abcdef").unwrap(),
            "\u{feff}---\ntitle: x\nsource_digest: 0123456789abcdef\n---\n\n---\n"
        );
        assert_eq!(with_source_digest("no front matter", "x"), None);
    }

    #[test]
    fn a_translation_marks_what_needs_translating_and_parses_back() {
        let front = FrontMatter {
            title: "Know your rights: at home".into(),
            date: Some(time::macros::date!(2026 - 03 - 01)),
            summary: Some("What to do".into()),
            tags: vec!["legal help".into()],
            extra: serde_json::json!({"color": "red"}),
            ..FrontMatter::default()
        };
        let text = translation(&front, "Body\n", "0123456789abcdef");
        let parsed = crate::load::front_matter::parse(
            std::path::Path::new("x.es.md"),
            &text,
            crate::load::front_matter::DateRule::Required,
        )
        .unwrap();
        assert_eq!(parsed.front.title, "[translate] Know your rights: at home");
        assert_eq!(
            parsed.front.summary.as_deref(),
            Some("[translate] What to do")
        );
        assert_eq!(
            parsed.front.source_digest.as_deref(),
            Some("0123456789abcdef")
        );
        assert_eq!(parsed.front.extra, serde_json::json!({"color": "red"}));
        assert_eq!(parsed.body, "Body\n");
    }
}
