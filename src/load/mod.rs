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

pub mod boundary;
pub mod front_matter;
mod runnable;
mod svg;
pub mod theme;

use crate::config::{CONFIG_FILE, Config};
use crate::diagnostics::Diagnostic;
use crate::lang::Lang;
use crate::model::{Asset, Section};
use boundary::{SiteEntry, SiteFolder, VettedPath};
use front_matter::{DateRule, Parsed};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

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

/// Reads and validates `boletin.yaml` under `root`; `base_url_override`
/// is the `--base-url` flag.
pub fn config(root: &Path, base_url_override: Option<&str>) -> Result<Config, Vec<Diagnostic>> {
    let path = SiteFolder::new(root)
        .vet(&root.join(CONFIG_FILE))
        .map_err(|refused| vec![refused.into()])?;
    let text = std::fs::read_to_string(path).map_err(|error| {
        vec![
            Diagnostic::error(CONFIG_FILE, format!("cannot read {CONFIG_FILE}: {error}")).help(
                "run boletin in the site's folder, or point --root at the folder that holds boletin.yaml",
            ),
        ]
    })?;
    Config::from_text(&text, base_url_override)
}

/// The text of the site's file `relative`, for a command that changes
/// one line of it; never through a link that leads outside the site.
pub fn file_text(root: &Path, relative: &Path) -> std::io::Result<String> {
    let path = SiteFolder::new(root)
        .vet(&root.join(relative))
        .map_err(|refused| std::io::Error::other(refused.to_string()))?;
    std::fs::read_to_string(path)
}

/// Whether `relative` is a file of the site (following links).
pub fn is_file(root: &Path, relative: &Path) -> bool {
    root.join(relative).is_file()
}

/// The bytes of a file `load` vetted, read when the preview is asked for it.
pub fn vetted_file(path: &Path) -> std::io::Result<Vec<u8>> {
    std::fs::read(path)
}

/// Whether something (a file, a folder) is at `relative` in the site.
pub fn is_taken(root: &Path, relative: &Path) -> bool {
    root.join(relative).symlink_metadata().is_ok()
}

/// What a command reads of the site, beyond its configuration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// The content files (`new`, `translate`).
    Content,
    /// Content, locales, and the theme's templates and static files.
    Everything,
}

/// Reads the site under `root`, as much as `reading` says; problems are
/// collected, not returned early, so one run reports them all.
pub fn load(
    root: &Path,
    config: &Config,
    reading: Reading,
    diagnostics: &mut Vec<Diagnostic>,
) -> Sources {
    let site = SiteFolder::new(root);
    let ((content, content_problems), (locales, theme, other_problems)) = rayon::join(
        || load_content(&site, config),
        || {
            let mut problems = Vec::new();
            if reading == Reading::Content {
                return (Vec::new(), theme::Theme::default(), problems);
            }
            let locales = load_locales(&site, config, &mut problems);
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

/// Reads every content file of both sections, in the order of their paths.
///
/// Each entry of a section folder (a flat file, or an issue's folder with
/// its translations and images) is listed and read as one task, so folders
/// are listed in parallel as well as files read: on a cold disk cache the
/// waiting overlaps.
fn load_content(site: &SiteFolder, config: &Config) -> (Vec<ContentFile>, Vec<Diagnostic>) {
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
        let read = classify(site, config, section, entry, true)
            .map_err(|problem| vec![problem])
            .and_then(|found| read_content_file(site, found, Vec::new()));
        return vec![read];
    }
    let listed = list_issue_folder(site, entry);
    let mut read: Vec<_> = listed
        .markdown
        .iter()
        .map(|file| {
            classify(site, config, section, file, false)
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
struct IssueFolder {
    /// Its own `.md` files (deeper ones are neither content nor copied).
    markdown: Vec<SiteEntry>,
    /// Every other file, to copy beside its pages, but for those
    /// `runnable` refuses: web pages, scripts, SVG images with script.
    assets: Vec<Asset>,
    /// What in it was refused or could not be read.
    unreadable: Vec<Diagnostic>,
}

/// Lists an issue's folder, `folder` (an entry of its section, vetted).
fn list_issue_folder(site: &SiteFolder, folder: &SiteEntry) -> IssueFolder {
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

fn is_markdown(path: &Path) -> bool {
    path.extension().is_some_and(|x| x == "md")
}

/// A content file found on disk, not read yet.
struct Found {
    section: Section,
    /// Relative to the site root, as shown in diagnostics.
    path: PathBuf,
    /// What to read.
    source: VettedPath,
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
    let site = SiteFolder::new(root);
    let path = root.join(relative);
    if let Some(part) = path
        .ancestors()
        .take(depth)
        .find(|part| part.file_name().is_some_and(|n| n.to_str().is_none()))
    {
        return Some(Err(vec![boundary::not_utf8(&site, part).into()]));
    }
    let vetted = |path: &Path, is_dir: bool| {
        site.vet(path)
            .map(|real| SiteEntry {
                path: path.to_path_buf(),
                real,
                depth,
                is_dir,
            })
            .map_err(|refused| vec![Diagnostic::from(refused)])
    };
    let file = match vetted(&path, false) {
        Ok(file) => file,
        Err(problems) => return Some(Err(problems)),
    };
    Some(
        classify(&site, config, section, &file, depth == 1)
            .map_err(|p| vec![p])
            .and_then(|found| {
                let assets = match &found.folder {
                    Some(folder) => {
                        let listed = list_issue_folder(&site, &vetted(folder, true)?);
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

/// Works out a content file's key, language and form from its path.
fn classify(
    site: &SiteFolder,
    config: &Config,
    section: Section,
    entry: &SiteEntry,
    flat: bool,
) -> Result<Found, Diagnostic> {
    let file = entry.path.as_path();
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let folder = site.root().join(section.folder());
    let path = site.relative(file);
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
        source: entry.real.clone(),
        key,
        lang,
        folder: issue_folder,
    })
}

/// Reads and checks one content file; `assets` are the files beside it
/// (in its folder), to which a cover is added when it is elsewhere.
fn read_content_file(
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
                    Some(crate::diagnostics::Location::at_offset(text, offset, tag.len()))
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
    at: &dyn Fn() -> Option<crate::diagnostics::Location>,
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

fn load_locales(
    site: &SiteFolder,
    config: &Config,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<LocaleFile> {
    let mut files = Vec::new();
    for lang in config.langs() {
        let folder = site.root().join("locales").join(lang.as_str());
        let listed = site.walk(&folder, usize::MAX);
        if listed.is_empty() && !folder.is_dir() {
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
        for entry in listed {
            let entry = match entry {
                Ok(entry) => entry,
                Err(refused) => {
                    diagnostics.push(refused.into());
                    continue;
                }
            };
            if entry.is_dir || entry.path.extension().is_none_or(|x| x != "ftl") {
                continue;
            }
            let path = site.relative(&entry.path);
            match std::fs::read_to_string(&entry.real) {
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
