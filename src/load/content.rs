//! Walks the two section folders (`content/issues/`, `content/pages/`)
//! and reads every content file in them: a flat `<key>.<lang>.md`, or an
//! issue's folder with its `index.<lang>.md` files and, beside them, the
//! files to copy with its pages (its assets).

use super::boundary::{SiteEntry, SiteFolder};
use super::classify::{Form, classify};
use super::content_file::read_content_file;
use super::{ContentFile, is_markdown, runnable};
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::model::{Asset, Section};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// Reads every content file of both sections, in the order of their paths.
///
/// Each entry of a section folder (a flat file, or an issue's folder with
/// its translations and images) is listed and read as one task, so folders
/// are listed in parallel as well as files read: on a cold disk cache the
/// waiting overlaps.
pub(super) fn load(site: &SiteFolder, config: &Config) -> (Vec<ContentFile>, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let mut entries = Vec::new();
    for section in [Section::Issues, Section::Pages] {
        for entry in site.walk(&site.root().join(section.folder()), 1) {
            match entry {
                Ok(entry) => entries.push((section, entry)),
                Err(refused) => problems.push(refused.into()),
            }
        }
    }
    let results: Vec<Vec<Result<ContentFile, Vec<Diagnostic>>>> =
        crate::waiting::on_waiting_threads(|| {
            entries
                .into_par_iter()
                .map(|(section, entry)| read_entry(site, config, section, &entry))
                .collect()
        });
    let mut content = Vec::new();
    for result in results.into_iter().flatten() {
        match result {
            Ok(file) => content.push(file),
            Err(file_problems) => problems.extend(file_problems),
        }
    }
    (content, problems)
}

/// Reads one entry of a section folder: a flat `.md` file, or a folder's
/// `index.<lang>.md` files with the folder's other files as their assets.
fn read_entry(
    site: &SiteFolder,
    config: &Config,
    section: Section,
    entry: &SiteEntry,
) -> Vec<Result<ContentFile, Vec<Diagnostic>>> {
    if !entry.is_dir {
        if !is_markdown(&entry.path) {
            return Vec::new();
        }
        let read = classify(site, config, section, entry, Form::Flat)
            .map_err(|problem| vec![problem])
            .and_then(|found| read_content_file(site, found, Vec::new()));
        return vec![read];
    }
    let listed = list_issue_folder(site, entry);
    let mut read: Vec<_> = listed
        .markdown
        .iter()
        .map(|file| {
            classify(site, config, section, file, Form::Folder)
                .map_err(|problem| vec![problem])
                .and_then(|found| read_content_file(site, found, listed.assets.clone()))
        })
        .collect();
    read.extend(
        listed
            .unreadable
            .into_iter()
            .map(|problem| Err(vec![problem])),
    );
    read
}

/// What an issue's folder holds.
pub(super) struct IssueFolder {
    /// Its own `.md` files (deeper ones are neither content nor copied).
    pub(super) markdown: Vec<SiteEntry>,
    /// Every other file, to copy beside its pages, but for those
    /// `runnable` refuses: web pages, scripts, SVG images with script.
    pub(super) assets: Vec<Asset>,
    /// What in it was refused or could not be read.
    pub(super) unreadable: Vec<Diagnostic>,
}

/// Lists an issue's folder, `folder` (an entry of its section, vetted).
pub(super) fn list_issue_folder(site: &SiteFolder, folder: &SiteEntry) -> IssueFolder {
    let mut listed = IssueFolder {
        markdown: Vec::new(),
        assets: Vec::new(),
        unreadable: Vec::new(),
    };
    for item in site.walk_entry(folder, usize::MAX) {
        let item = match item {
            Ok(item) => item,
            Err(refused) => {
                listed.unreadable.push(refused.into());
                continue;
            }
        };
        if item.is_dir {
            continue;
        }
        if is_markdown(&item.path) {
            if item.depth == 1 {
                listed.markdown.push(item);
            }
        } else {
            let asset = Asset {
                relative: relative(&folder.path, &item.path),
                listed: site.relative(&item.path),
                source: item.real,
            };
            match runnable::check(&asset.listed, &asset.source) {
                Ok(()) => listed.assets.push(asset),
                Err(refused) => listed.unreadable.push(refused),
            }
        }
    }
    listed
}

fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}
