//! Reads the site from disk: content files, locale files, templates and
//! static files. The only module besides `write` that touches the file
//! system, and it only reads.
//!
//! Walks are sorted by file name so that the same folder always gives the
//! same order, whatever the file system says.

pub mod front_matter;
pub mod theme;

use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::lang::Lang;
use front_matter::{DateRule, Parsed};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// The two kinds of content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// `content/issues/`: dated issues of the newsletter.
    Issues,
    /// `content/pages/`: standalone pages such as About.
    Pages,
}

impl Section {
    pub fn folder(self) -> &'static str {
        match self {
            Section::Issues => "content/issues",
            Section::Pages => "content/pages",
        }
    }
}

/// A file copied next to a page: an image beside an issue, say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Asset {
    /// Absolute path of the file to copy.
    pub source: PathBuf,
    /// Path under the page's folder in the output.
    pub relative: PathBuf,
}

/// One content file, read and with its front matter validated.
#[derive(Clone, Debug)]
pub struct ContentFile {
    pub section: Section,
    /// Relative to the site root, as shown in diagnostics.
    pub path: PathBuf,
    /// The translation key taken from the file name (folder or stem).
    pub key_from_path: String,
    pub lang: Lang,
    pub parsed: Parsed,
    /// Files to copy beside this file's pages.
    pub assets: Vec<Asset>,
}

/// A Fluent file of one language.
#[derive(Clone, Debug)]
pub struct LocaleFile {
    pub lang: Lang,
    /// Relative to the site root.
    pub path: PathBuf,
    pub text: String,
}

/// Everything read from the site folder.
#[derive(Debug, Default)]
pub struct Sources {
    pub content: Vec<ContentFile>,
    pub locales: Vec<LocaleFile>,
    pub theme: theme::Theme,
}

/// Reads the whole site under `root`; problems are collected, not returned
/// early, so one run reports them all.
pub fn load(root: &Path, config: &Config, diagnostics: &mut Vec<Diagnostic>) -> Sources {
    let ((content, content_problems), (locales, theme, other_problems)) = rayon::join(
        || load_content(root, config),
        || {
            let mut problems = Vec::new();
            let locales = load_locales(root, config, &mut problems);
            let theme = theme::Theme::load(root, &config.theme, &mut problems);
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

/// Reads every content file of both sections, in the order of their paths.
///
/// Each entry of a section folder (a flat file, or an issue's folder with
/// its translations and images) is listed and read as one task, so folders
/// are listed in parallel as well as files read: on a cold disk cache the
/// waiting overlaps.
fn load_content(root: &Path, config: &Config) -> (Vec<ContentFile>, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let mut entries = Vec::new();
    for section in [Section::Issues, Section::Pages] {
        match section_entries(root, section) {
            Ok(found) => entries.extend(found.into_iter().map(|entry| (section, entry))),
            Err(problem) => problems.push(problem),
        }
    }
    let results: Vec<Vec<Result<ContentFile, Vec<Diagnostic>>>> =
        crate::waiting::on_waiting_threads(|| {
            entries
                .into_par_iter()
                .map(|(section, entry)| read_entry(root, config, section, &entry))
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

/// The entries of a section folder that are not hidden, sorted by name;
/// none when the folder does not exist.
fn section_entries(root: &Path, section: Section) -> Result<Vec<PathBuf>, Diagnostic> {
    let folder = root.join(section.folder());
    if !folder.is_dir() {
        return Ok(Vec::new());
    }
    let cannot_read = |error: std::io::Error| {
        Diagnostic::error(
            section.folder(),
            format!("cannot read this folder: {error}"),
        )
    };
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(&folder).map_err(cannot_read)? {
        let entry = entry.map_err(cannot_read)?;
        if !is_hidden(&entry.file_name().to_string_lossy()) {
            entries.push(entry.path());
        }
    }
    entries.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    Ok(entries)
}

/// Reads one entry of a section folder: a flat `.md` file, or a folder's
/// `index.<lang>.md` files with the folder's other files as their assets.
fn read_entry(
    root: &Path,
    config: &Config,
    section: Section,
    entry: &Path,
) -> Vec<Result<ContentFile, Vec<Diagnostic>>> {
    if !entry.is_dir() {
        if !is_markdown(entry) || !entry.is_file() {
            return Vec::new();
        }
        let read = classify(root, config, section, entry, true)
            .map_err(|problem| vec![problem])
            .and_then(|found| read_content_file(root, found, Vec::new()));
        return vec![read];
    }
    let listed = list_issue_folder(root, entry);
    let mut read: Vec<_> = listed
        .markdown
        .iter()
        .map(|file| {
            classify(root, config, section, file, false)
                .map_err(|problem| vec![problem])
                .and_then(|found| read_content_file(root, found, listed.assets.clone()))
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
struct IssueFolder {
    /// Its own `.md` files (deeper ones are neither content nor copied).
    markdown: Vec<PathBuf>,
    /// Every other file, to copy beside its pages.
    assets: Vec<Asset>,
    /// Folders inside it that could not be read.
    unreadable: Vec<Diagnostic>,
}

fn list_issue_folder(root: &Path, folder: &Path) -> IssueFolder {
    let mut listed = IssueFolder {
        markdown: Vec::new(),
        assets: Vec::new(),
        unreadable: Vec::new(),
    };
    let walker = WalkDir::new(folder)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !is_hidden(&e.file_name().to_string_lossy()));
    for item in walker {
        let item = match item {
            Ok(item) => item,
            Err(error) => {
                let path = error
                    .path()
                    .map_or_else(|| relative(root, folder), |p| relative(root, p));
                listed.unreadable.push(Diagnostic::error(
                    path,
                    format!("cannot read this folder: {error}"),
                ));
                continue;
            }
        };
        if !item.file_type().is_file() {
            continue;
        }
        if is_markdown(item.path()) {
            if item.depth() == 1 {
                listed.markdown.push(item.into_path());
            }
        } else {
            listed.assets.push(Asset {
                relative: relative(folder, item.path()),
                source: item.into_path(),
            });
        }
    }
    listed
}

fn is_markdown(path: &Path) -> bool {
    path.extension().is_some_and(|x| x == "md")
}

/// A content file found on disk, not read yet.
struct Found {
    section: Section,
    path: PathBuf,
    key: String,
    lang: Lang,
    /// The issue's own folder, in the folder form.
    folder: Option<PathBuf>,
}

/// The site's source folders: what a build reads and must never write over.
pub const SOURCE_FOLDERS: &[&str] = &["content", "locales", "themes", "static"];

/// Files people do not mean as content: hidden files, editor backups.
pub(crate) fn is_hidden(name: &str) -> bool {
    name.starts_with('.') || name.ends_with('~') || name.starts_with('#')
}

fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// Reads one content file, `relative` to the site root, after a change:
/// `None` when the path is not a content file's (an image, a folder).
pub fn read_one(
    root: &Path,
    config: &Config,
    relative: &Path,
) -> Option<Result<ContentFile, Vec<Diagnostic>>> {
    if !is_markdown(relative) {
        return None;
    }
    let section = [Section::Issues, Section::Pages]
        .into_iter()
        .find(|s| relative.starts_with(s.folder()))?;
    let inside = relative.strip_prefix(section.folder()).ok()?;
    let depth = inside.components().count();
    if !(1..=2).contains(&depth)
        || inside
            .components()
            .any(|c| is_hidden(&c.as_os_str().to_string_lossy()))
    {
        return None;
    }
    Some(
        classify(root, config, section, &root.join(relative), depth == 1)
            .map_err(|p| vec![p])
            .and_then(|found| {
                let assets = found
                    .folder
                    .as_deref()
                    .map(|folder| list_issue_folder(root, folder).assets)
                    .unwrap_or_default();
                read_content_file(root, found, assets)
            }),
    )
}

/// Works out a content file's key, language and form from its path.
fn classify(
    root: &Path,
    config: &Config,
    section: Section,
    file: &Path,
    flat: bool,
) -> Result<Found, Diagnostic> {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let folder = root.join(section.folder());
    let path = relative(root, file);
    let stem = &name[..name.len().saturating_sub(3)];
    let Some((base, code)) = stem.rsplit_once('.') else {
        return Err(
            Diagnostic::error(&path, "the file name does not say its language").help(format!(
                "rename it to end in .{}.md (or another configured language)",
                config.default_language
            )),
        );
    };
    let (key, issue_folder) = if flat {
        (base.to_string(), None)
    } else if base == "index" {
        let dir = file.parent().unwrap_or(&folder);
        let key = dir
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        (key, Some(dir.to_path_buf()))
    } else {
        return Err(Diagnostic::error(
            &path,
            "inside a folder, a content file must be named index.<language>.md",
        )
        .help(format!(
            "rename it to index.{code}.md, or move it up to {}/",
            section.folder()
        )));
    };
    let Some(lang) = Lang::parse(code).filter(|l| config.language(l).is_some()) else {
        let configured: Vec<String> = config.langs().map(Lang::to_string).collect();
        return Err(Diagnostic::error(
            &path,
            format!("the language `{code}` is not configured in boletin.yaml"),
        )
        .help(format!(
            "add `{code}` under `languages:` in boletin.yaml, or rename the file to one of: {}",
            configured.join(", ")
        )));
    };
    if key.is_empty() {
        return Err(Diagnostic::error(
            &path,
            "the file name has no key before the language",
        ));
    }
    Ok(Found {
        section,
        path,
        key,
        lang,
        folder: issue_folder,
    })
}

/// Reads and checks one content file; `assets` are the files beside it
/// (in its folder), to which a cover is added when it is elsewhere.
fn read_content_file(
    root: &Path,
    found: Found,
    mut assets: Vec<Asset>,
) -> Result<ContentFile, Vec<Diagnostic>> {
    let bytes = std::fs::read(root.join(&found.path)).map_err(|e| {
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
    if let Some(cover) = &parsed.front.cover {
        let at = parsed.locations.get("cover").cloned();
        let problem = check_cover(root, &found, cover, at, &mut assets);
        if let Some(problem) = problem {
            return Err(vec![problem]);
        }
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

/// The cover must be a plain file name (or path) beside the content file.
fn check_cover(
    root: &Path,
    found: &Found,
    cover: &str,
    at: Option<crate::diagnostics::Location>,
    assets: &mut Vec<Asset>,
) -> Option<Diagnostic> {
    let cover_path = Path::new(cover);
    let plain = cover_path
        .components()
        .all(|c| matches!(c, std::path::Component::Normal(_)));
    if !plain || cover.is_empty() {
        return Some(
            Diagnostic::error(&found.path, format!("the cover `{cover}` must be a file beside this one"))
                .at_opt(at)
                .help("put the image next to the Markdown file and write just its name, such as `cover: cover.jpg`"),
        );
    }
    if assets.iter().any(|a| a.relative == cover_path) {
        return None;
    }
    let dir = root.join(&found.path);
    let source = dir.parent().unwrap_or(root).join(cover_path);
    if !source.is_file() {
        return Some(
            Diagnostic::error(
                &found.path,
                format!("the cover image `{cover}` does not exist"),
            )
            .at_opt(at)
            .help("check the file name, or put the image next to the Markdown file"),
        );
    }
    assets.push(Asset {
        source,
        relative: cover_path.to_path_buf(),
    });
    None
}

fn load_locales(
    root: &Path,
    config: &Config,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<LocaleFile> {
    let mut files = Vec::new();
    for lang in config.langs() {
        let folder = root.join("locales").join(lang.as_str());
        if !folder.is_dir() {
            let path = PathBuf::from("locales").join(lang.as_str());
            let diagnostic = if *lang == config.default_language {
                Diagnostic::error(
                    path,
                    format!("the interface strings of the default language `{lang}` are missing"),
                )
            } else {
                Diagnostic::warning(
                    path,
                    format!(
                        "there are no interface strings for `{lang}` yet; the {} ones are used",
                        config.default_language
                    ),
                )
            };
            diagnostics.push(diagnostic.help(format!(
                "create locales/{lang}/ with .ftl files like those in locales/{}/",
                config.default_language
            )));
            continue;
        }
        for entry in WalkDir::new(&folder)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
        {
            if !entry.file_type().is_file() || entry.path().extension().is_none_or(|x| x != "ftl") {
                continue;
            }
            let path = relative(root, entry.path());
            match std::fs::read_to_string(entry.path()) {
                Ok(text) => files.push(LocaleFile {
                    lang: lang.clone(),
                    path,
                    text: front_matter::normalize(text),
                }),
                Err(e) => diagnostics.push(Diagnostic::error(
                    path,
                    format!("cannot read the file: {e}"),
                )),
            }
        }
    }
    files
}
