//! Reads the site from disk: content files, locale files, templates and
//! static files. The only module besides `write` that touches the file
//! system, and it only reads.
//!
//! Walks are sorted by file name so that the same folder always gives the
//! same order, whatever the file system says. Every path is vetted by
//! `boundary` before it is opened: nothing outside the site is read, and
//! later stages get only vetted paths to copy. A file beside an issue
//! that a browser would run (a web page, a script, an SVG image with
//! script) is refused by `runnable`, so it is never published.
//!
//! This file holds what a command receives (`Sources`) and `load`, which
//! reads it; each job is a file of its own: `content` walks the section
//! folders, `classify` reads a content file's key and language from its
//! name, `content_file` reads and checks one (`front_matter` splits and
//! validates its text), `read_one` reads one again after a change,
//! `locales` reads the Fluent files, `theme` the templates and static
//! files, and `files` the single files a command asks for by name
//! (`boletin.yaml` first). `boundary` vets every path; `runnable` and
//! `svg` judge the files beside an issue.

pub(crate) mod boundary;
mod classify;
mod content;
mod content_file;
mod files;
pub(crate) mod front_matter;
mod locales;
mod read_one;
mod runnable;
mod svg;
pub(crate) mod theme;

pub(crate) use files::{config, file_text, is_file, is_taken, vetted_file};
pub(crate) use read_one::read_one;

use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::lang::Lang;
use crate::model::{Asset, Section};
use boundary::SiteFolder;
use front_matter::Parsed;
use std::path::{Path, PathBuf};

/// One content file, read and with its front matter validated.
#[derive(Clone, Debug)]
pub(crate) struct ContentFile {
    pub(crate) section: Section,
    /// Relative to the site root, as shown in diagnostics.
    pub(crate) path: PathBuf,
    /// The translation key taken from the file name (folder or stem).
    pub(crate) key_from_path: String,
    pub(crate) lang: Lang,
    pub(crate) parsed: Parsed,
    /// Files to copy beside this file's pages.
    pub(crate) assets: Vec<Asset>,
}

/// A Fluent file of one language.
#[derive(Clone, Debug)]
pub(crate) struct LocaleFile {
    pub(crate) lang: Lang,
    /// Relative to the site root.
    pub(crate) path: PathBuf,
    pub(crate) text: String,
}

/// Everything read from the site folder.
#[derive(Debug, Default)]
pub(crate) struct Sources {
    pub(crate) content: Vec<ContentFile>,
    pub(crate) locales: Vec<LocaleFile>,
    pub(crate) theme: theme::Theme,
}

/// What a command reads of the site, beyond its configuration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Reading {
    /// The content files (`new`, `translate`).
    Content,
    /// Content, locales, and the theme's templates and static files.
    Everything,
}

/// Reads the site under `root`, as much as `reading` says; problems are
/// collected, not returned early, so one run reports them all.
pub(crate) fn load(
    root: &Path,
    config: &Config,
    reading: Reading,
    diagnostics: &mut Vec<Diagnostic>,
) -> Sources {
    let site = SiteFolder::new(root);
    let ((content, content_problems), (locales, theme, other_problems)) = rayon::join(
        || content::load(&site, config),
        || {
            let mut problems = Vec::new();
            if reading == Reading::Content {
                return (Vec::new(), theme::Theme::default(), problems);
            }
            let locales = locales::load(&site, config, &mut problems);
            let theme = theme::Theme::load(&site, &config.theme, &mut problems);
            (locales, theme, problems)
        },
    );
    diagnostics.extend(content_problems);
    diagnostics.extend(other_problems);
    Sources {
        content,
        locales,
        theme,
    }
}

/// The site's source folders: what a build reads and must never write over.
pub(crate) const SOURCE_FOLDERS: &[&str] = &["content", "locales", "themes", "static"];

/// Files people do not mean as content: hidden files, editor backups.
pub(crate) fn is_hidden(name: &str) -> bool {
    name.starts_with('.') || name.ends_with('~') || name.starts_with('#')
}

/// Whether `path` names a Markdown file, a content file's kind.
fn is_markdown(path: &Path) -> bool {
    path.extension().is_some_and(|x| x == "md")
}
