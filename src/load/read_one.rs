//! Reads one content file again after it changed, for the preview: the
//! same checks as a full `load` of that file (its name, its front matter,
//! its issue folder's assets), without walking the rest of the site.

use super::boundary::{self, SiteEntry, SiteFolder};
use super::classify::{Form, classify};
use super::content::list_issue_folder;
use super::content_file::read_content_file;
use super::{ContentFile, is_hidden, is_markdown};
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::model::Section;
use std::path::Path;

/// Reads one content file, `relative` to the site root, after a change:
/// `None` when the path is not a content file's (an image, a folder).
pub(crate) fn read_one(
    root: &Path,
    config: &Config,
    relative: &Path,
) -> Option<Result<ContentFile, Vec<Diagnostic>>> {
    let (section, form) = content_place(relative)?;
    let depth = match form {
        Form::Flat => 1,
        Form::Folder => 2,
    };
    let site = SiteFolder::new(root);
    let path = root.join(relative);
    if let Some(part) = path
        .ancestors()
        .take(depth)
        .find(|part| part.file_name().is_some_and(|n| n.to_str().is_none()))
    {
        return Some(Err(vec![boundary::not_utf8(&site, part).into()]));
    }
    // The file, and its issue's folder in the folder form, as a walk
    // would have found them.
    let vetted = |path: &Path| {
        site.vet(path)
            .map(|real| SiteEntry {
                path: path.to_path_buf(),
                real,
                depth,
                is_dir: false,
            })
            .map_err(|refused| vec![Diagnostic::from(refused)])
    };
    let file = match vetted(&path) {
        Ok(file) => file,
        Err(problems) => return Some(Err(problems)),
    };
    Some(
        classify(&site, config, section, &file, form)
            .map_err(|p| vec![p])
            .and_then(|found| {
                let assets = match &found.folder {
                    Some(folder) => {
                        let folder = SiteEntry {
                            is_dir: true,
                            ..vetted(folder)?
                        };
                        let listed = list_issue_folder(&site, &folder);
                        if !listed.unreadable.is_empty() {
                            return Err(listed.unreadable);
                        }
                        listed.assets
                    }
                    None => Vec::new(),
                };
                read_content_file(&site, found, assets)
            }),
    )
}

/// The section and form of a content file at `relative` (to the site
/// root), or `None` when nothing there is a content file: not Markdown,
/// outside the sections, too deep, or hidden.
fn content_place(relative: &Path) -> Option<(Section, Form)> {
    if !is_markdown(relative) {
        return None;
    }
    let section = [Section::Issues, Section::Pages]
        .into_iter()
        .find(|s| relative.starts_with(s.folder()))?;
    let inside = relative.strip_prefix(section.folder()).ok()?;
    let form = match inside.components().count() {
        1 => Form::Flat,
        2 => Form::Folder,
        _ => return None,
    };
    let hidden = inside
        .components()
        .any(|c| is_hidden(&c.as_os_str().to_string_lossy()));
    (!hidden).then_some((section, form))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_files_are_told_from_everything_else_by_their_path() {
        let place = |path: &str| content_place(Path::new(path));
        assert_eq!(
            place("content/issues/spring.en.md"),
            Some((Section::Issues, Form::Flat))
        );
        assert_eq!(
            place("content/issues/2026-03/index.es.md"),
            Some((Section::Issues, Form::Folder))
        );
        assert_eq!(
            place("content/pages/about.en.md"),
            Some((Section::Pages, Form::Flat))
        );
        assert_eq!(place("content/issues/2026-03/cover.jpg"), None);
        assert_eq!(place("content/issues/2026-03/old/index.en.md"), None);
        assert_eq!(place("content/issues/.spring.en.md"), None);
        assert_eq!(place("content/issues/#draft#/index.en.md"), None);
        assert_eq!(place("content/issues"), None);
        assert_eq!(place("static/notes.md"), None);
        assert_eq!(place("content/README.md"), None);
    }
}
