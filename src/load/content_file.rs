//! Reads one content file that `classify` found and checks what only
//! its own text can tell: that it is UTF-8, its front matter (through
//! `front_matter`), that no tag makes an address part too long, and that
//! its cover is a file beside it that `runnable` lets through.

use super::classify::Found;
use super::front_matter::{self, DateRule, Parsed};
use super::{ContentFile, boundary::SiteFolder, runnable};
use crate::diagnostics::{Diagnostic, Location};
use crate::model::{Asset, Section};
use std::path::Path;

/// Reads and checks one content file; `assets` are the files beside it
/// (in its folder), to which a cover is added when it is elsewhere.
pub(super) fn read_content_file(
    site: &SiteFolder,
    found: Found,
    mut assets: Vec<Asset>,
) -> Result<ContentFile, Vec<Diagnostic>> {
    let bytes = std::fs::read(&found.source).map_err(|e| {
        vec![Diagnostic::error(
            &found.path,
            format!("cannot read the file: {e}"),
        )]
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        vec![
            Diagnostic::error(&found.path, "the file is not UTF-8 text")
                .help("save it again from your editor with the UTF-8 encoding"),
        ]
    })?;
    let text = front_matter::normalize(text);
    let date_rule = match found.section {
        Section::Issues => DateRule::Required,
        Section::Pages => DateRule::Optional,
    };
    let parsed = front_matter::parse(&found.path, &text, date_rule)?;
    let mut problems = long_tags(&found.path, &text, &parsed);
    if let Some(cover) = &parsed.front.cover {
        let at = || parsed.locations.get("cover");
        problems.extend(check_cover(site, &found, cover, &at, &mut assets));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(ContentFile {
        section: found.section,
        path: found.path,
        key_from_path: found.key,
        lang: found.lang,
        parsed,
        assets,
    })
}

/// An error for each tag whose address segment would be longer than a
/// file name can be, at the tag itself. Checked here, where the file's
/// text is, so that the error can point at the tag's own line.
fn long_tags(path: &Path, text: &str, parsed: &Parsed) -> Vec<Diagnostic> {
    let limit = crate::model::MAX_SEGMENT_BYTES;
    let long: Vec<(&String, usize)> = parsed
        .front
        .tags
        .iter()
        // An ASCII tag's segment is never longer than the tag, and most
        // tags are short: only the others are worth transliterating.
        .filter(|tag| tag.len() > limit || !tag.is_ascii())
        .map(|tag| (tag, crate::model::slugify(tag).len()))
        .filter(|(_, length)| *length > limit)
        .collect();
    if long.is_empty() {
        return Vec::new();
    }
    let at_tags = parsed.locations.get("tags");
    // The tags are written after `tags:`, in order, before the body.
    let front_end = text
        .split_inclusive('\n')
        .take(parsed.body_line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    let mut cursor = at_tags.as_ref().map_or(0, |at| {
        text.split_inclusive('\n')
            .take(at.line.saturating_sub(1))
            .map(str::len)
            .sum()
    });
    long.into_iter()
        .map(|(tag, length)| {
            let found = text
                .get(cursor..front_end)
                .and_then(|rest| rest.find(tag.as_str()))
                .map(|offset| cursor + offset);
            let location = match found {
                Some(offset) => {
                    cursor = offset + tag.len();
                    Some(Location::at_offset(text, offset, tag.len()))
                }
                None => at_tags.clone(),
            };
            Diagnostic::error(
                path,
                format!(
                    "this tag is too long: its address would be {length} characters, and one part of an address can have at most {limit}"
                ),
            )
            .at_opt(location)
            .help("use a word or two for each tag")
        })
        .collect()
}

/// The cover must be a plain file name (or path) beside the content file.
/// `at` finds where `cover:` is written, asked only for an error.
fn check_cover(
    site: &SiteFolder,
    found: &Found,
    cover: &str,
    at: &dyn Fn() -> Option<Location>,
    assets: &mut Vec<Asset>,
) -> Option<Diagnostic> {
    let cover_path = Path::new(cover);
    let plain = cover_path
        .components()
        .all(|c| matches!(c, std::path::Component::Normal(_)));
    if !plain || cover.is_empty() {
        return Some(
            Diagnostic::error(&found.path, format!("the cover `{cover}` must be a file beside this one"))
                .at_opt(at())
                .help("put the image next to the Markdown file and write just its name, such as `cover: cover.jpg`"),
        );
    }
    if assets.iter().any(|a| a.relative == cover_path) {
        return None;
    }
    let dir = site.root().join(&found.path);
    let listed = dir.parent().unwrap_or(site.root()).join(cover_path);
    let source = match site.vet(&listed) {
        Ok(source) => source,
        Err(refused) => return Some(refused.into()),
    };
    if !source.is_file() {
        return Some(
            Diagnostic::error(
                &found.path,
                format!("the cover image `{cover}` does not exist"),
            )
            .at_opt(at())
            .help("check the file name, or put the image next to the Markdown file"),
        );
    }
    let listed = site.relative(&listed);
    // A cover beside a file of the flat form, which no folder listing
    // checked; in an issue's folder, one the listing refused (the same
    // error again, which the report shows once).
    if let Err(refused) = runnable::check(&listed, &source) {
        return Some(refused);
    }
    assets.push(Asset {
        source,
        listed,
        relative: cover_path.to_path_buf(),
    });
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_long_tag_is_reported_at_its_own_line_even_when_repeated() {
        let long = "x".repeat(300);
        let text = format!(
            "---\ntitle: Hi\ndate: 2026-03-01\ntags:\n  - short\n  - {long}\n  - {long}\n---\nBody with {long}\n"
        );
        let path = Path::new("content/issues/a.en.md");
        let parsed = front_matter::parse(path, &text, DateRule::Required).unwrap();
        let problems = long_tags(path, &text, &parsed);
        let places: Vec<(usize, usize)> = problems
            .iter()
            .map(|p| {
                let at = p.location.as_ref().unwrap();
                (at.line, at.column)
            })
            .collect();
        assert_eq!(places, [(6, 5), (7, 5)], "{problems:#?}");
        assert!(problems[0].message.contains("would be 300 characters"));
        assert!(problems[0].message.contains("at most 255"));
    }

    #[test]
    fn short_tags_and_a_file_without_tags_give_nothing() {
        let text = "---\ntitle: Hi\ndate: 2026-03-01\ntags: [año, spring]\n---\n";
        let path = Path::new("a.en.md");
        let parsed = front_matter::parse(path, text, DateRule::Required).unwrap();
        assert!(long_tags(path, text, &parsed).is_empty());
    }
}
