//! The plan of a site's output: every file, where it goes and what makes
//! it (a page to render, a file to copy as it is), and the files of the
//! site that would land where another already is.

use super::{Inputs, Renderer};
use crate::diagnostics::Diagnostic;
use crate::lang::Lang;
use crate::load::theme::StaticSource;
use crate::model::{Document, Section};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// What a file in the output is made of.
#[derive(Clone, Debug)]
pub(crate) enum Content {
    Bytes(Vec<u8>),
    /// A file from the site, copied as it is.
    Copy(PathBuf),
    /// A file of the built-in theme.
    BuiltIn(&'static [u8]),
}

/// One file of the output, at a path relative to the output folder.
#[derive(Clone, Debug)]
pub(crate) struct OutputFile {
    pub(crate) path: PathBuf,
    pub(crate) content: Content,
}

/// A page rendered with one of the theme's templates.
#[derive(Clone, Debug)]
pub(crate) enum Page {
    Chooser,
    NotFound,
    Archive {
        lang: Lang,
        page: usize,
    },
    Document {
        lang: Lang,
        section: Section,
        index: usize,
    },
    Tags {
        lang: Lang,
    },
    Tag {
        lang: Lang,
        index: usize,
        page: usize,
    },
    Latest {
        lang: Lang,
    },
    Atom {
        lang: Lang,
    },
    Rss {
        lang: Lang,
    },
    Sitemap,
}

impl Page {
    /// The language of an HTML page in a language folder.
    pub(crate) fn language(&self) -> Option<&Lang> {
        match self {
            Page::Archive { lang, .. }
            | Page::Document { lang, .. }
            | Page::Tags { lang }
            | Page::Tag { lang, .. }
            | Page::Latest { lang } => Some(lang),
            _ => None,
        }
    }
}

/// One file of the plan.
#[derive(Clone, Debug)]
pub(crate) enum PlannedFile {
    /// A page, rendered by `Plan::make`.
    Page { path: PathBuf, page: Page },
    /// A file whose content is known already (a copy, robots.txt).
    Ready(OutputFile),
}

impl PlannedFile {
    /// Where the file goes, relative to the output folder.
    pub(crate) fn path(&self) -> &Path {
        match self {
            PlannedFile::Page { path, .. } => path,
            PlannedFile::Ready(file) => &file.path,
        }
    }
}

/// A file made from the plan, with the warnings making it gave.
#[derive(Debug)]
pub(crate) struct Made {
    pub(crate) content: Content,
    pub(crate) warnings: Vec<Diagnostic>,
}

/// Every file of a site, or of part of it, and a way to make each.
pub(crate) struct Plan<'a> {
    renderer: Renderer<'a>,
    /// Pages first, then the files that are ready.
    pub(crate) files: Vec<PlannedFile>,
    /// Files of the site that would land where another output file is.
    pub(crate) problems: Vec<Diagnostic>,
}

impl<'a> Plan<'a> {
    /// The whole site: every page in every language, the feeds, the
    /// sitemap and robots.txt, and the files copied beside pages.
    pub(crate) fn whole_site(inputs: Inputs<'a>) -> Plan<'a> {
        let renderer = Renderer::new(inputs);
        renderer.make_lists();
        let pages: Vec<(Page, PathBuf)> = every_page(&renderer)
            .into_par_iter()
            .map(|page| {
                let path = renderer.output_path(&page);
                (page, path)
            })
            .collect();
        let robots = OutputFile {
            path: PathBuf::from("robots.txt"),
            content: Content::Bytes(
                format!(
                    "User-agent: *\nAllow: /\n\nSitemap: {}\n",
                    renderer.absolute(&inputs.site.urls.file("sitemap.xml"))
                )
                .into_bytes(),
            ),
        };
        let (ready, problems) = place_copies(&renderer, &pages, robots, inputs);
        let mut files: Vec<PlannedFile> = pages
            .into_iter()
            .map(|(page, path)| PlannedFile::Page { path, page })
            .collect();
        files.extend(ready.into_iter().map(PlannedFile::Ready));
        Plan {
            renderer,
            files,
            problems,
        }
    }

    /// The pages that show one document and nothing else that changes when
    /// only its text does: its page in every language (fallbacks too), and
    /// the feeds of the languages it is written in.
    pub(crate) fn one_document(inputs: Inputs<'a>, section: Section, index: usize) -> Plan<'a> {
        let renderer = Renderer::new(inputs);
        let site = inputs.site;
        let mut pages: Vec<Page> = site
            .config
            .langs()
            .map(|lang| Page::Document {
                lang: lang.clone(),
                section,
                index,
            })
            .collect();
        if section == Section::Issues {
            for lang in site.document(section, index).translations.keys() {
                pages.push(Page::Atom { lang: lang.clone() });
                pages.push(Page::Rss { lang: lang.clone() });
            }
        }
        let files = pages
            .into_iter()
            .map(|page| PlannedFile::Page {
                path: renderer.output_path(&page),
                page,
            })
            .collect();
        Plan {
            renderer,
            files,
            problems: Vec::new(),
        }
    }

    /// Makes one file of the plan. Pure: the same plan and file give the
    /// same bytes, on any thread, in any order.
    pub(crate) fn make(&self, file: &PlannedFile) -> Result<Made, Diagnostic> {
        match file {
            PlannedFile::Page { page, .. } => self.renderer.render(page),
            PlannedFile::Ready(file) => Ok(Made {
                content: file.content.clone(),
                warnings: Vec::new(),
            }),
        }
    }

    /// HTML pages per language, for the summary line.
    pub(crate) fn pages_per_language(&self) -> BTreeMap<Lang, usize> {
        let mut counts = BTreeMap::new();
        for file in &self.files {
            if let PlannedFile::Page { page, .. } = file
                && let Some(lang) = page.language()
            {
                *counts.entry(lang.clone()).or_default() += 1;
            }
        }
        counts
    }

    /// Makes every file in memory, on every core, sorted by path: for the
    /// commands that keep the site there (`serve`, `check`).
    pub(crate) fn make_all(&self) -> InMemory {
        let made: Vec<(PathBuf, Result<Made, Diagnostic>)> = self
            .files
            .par_iter()
            .map(|file| (file.path().to_path_buf(), self.make(file)))
            .collect();
        let mut output = InMemory {
            files: Vec::with_capacity(made.len()),
            problems: self.problems.clone(),
        };
        for (path, result) in made {
            match result {
                Ok(made) => {
                    output.problems.extend(made.warnings);
                    output.files.push(OutputFile {
                        path,
                        content: made.content,
                    });
                }
                Err(problem) => output.problems.push(problem),
            }
        }
        output.files.sort_by(|a, b| a.path.cmp(&b.path));
        output
    }
}

/// A plan made in memory.
#[derive(Debug, Default)]
pub(crate) struct InMemory {
    /// Sorted by path.
    pub(crate) files: Vec<OutputFile>,
    pub(crate) problems: Vec<Diagnostic>,
}

/// Every page of the site, in a stable order.
fn every_page(renderer: &Renderer) -> Vec<Page> {
    let site = renderer.site;
    let mut pages = vec![Page::Chooser, Page::NotFound, Page::Sitemap];
    for lang in site.config.langs() {
        let lang = lang.clone();
        pages.extend(
            (1..=site.config.page_count(site.issues.len())).map(|page| Page::Archive {
                lang: lang.clone(),
                page,
            }),
        );
        for (section, documents) in [
            (Section::Issues, &site.issues),
            (Section::Pages, &site.pages),
        ] {
            pages.extend((0..documents.len()).map(|index| Page::Document {
                lang: lang.clone(),
                section,
                index,
            }));
        }
        pages.push(Page::Tags { lang: lang.clone() });
        for (index, group) in site.tags.get(&lang).into_iter().flatten().enumerate() {
            let count = site.config.page_count(group.issues.len());
            pages.extend((1..=count).map(|page| Page::Tag {
                lang: lang.clone(),
                index,
                page,
            }));
        }
        if !site.issues.is_empty() {
            pages.push(Page::Latest { lang: lang.clone() });
        }
        pages.push(Page::Atom { lang: lang.clone() });
        pages.push(Page::Rss { lang });
    }
    pages
}

impl Renderer<'_> {
    /// The URL a page is served at.
    fn page_url(&self, page: &Page) -> String {
        let urls = &self.site.urls;
        match page {
            Page::Chooser => urls.root(),
            Page::NotFound => urls.file("404.html"),
            Page::Archive { lang, page } => urls.archive(lang, *page),
            Page::Document {
                lang,
                section,
                index,
            } => self.site.url_of(self.site.document(*section, *index), lang),
            Page::Tags { lang } => urls.tags(lang),
            Page::Tag { lang, index, page } => {
                urls.tag(lang, &self.site.tags[lang][*index].tag.slug, *page)
            }
            Page::Latest { lang } => urls.latest(lang),
            Page::Atom { lang } => urls.feed(lang, "atom.xml"),
            Page::Rss { lang } => urls.feed(lang, "rss.xml"),
            Page::Sitemap => urls.file("sitemap.xml"),
        }
    }

    /// Where a page's file goes, relative to the output folder.
    fn output_path(&self, page: &Page) -> PathBuf {
        self.site.urls.output_path(&self.page_url(page))
    }

    /// What makes a page's file, in a few words, for an error.
    fn page_origin(&self, page: &Page) -> String {
        match page {
            Page::Chooser => "boletin's language chooser".to_string(),
            Page::NotFound => "boletin's 404 page".to_string(),
            Page::Sitemap => "boletin's sitemap".to_string(),
            Page::Archive { lang, .. } => format!("boletin's `{lang}` archive page"),
            Page::Tags { lang } | Page::Tag { lang, .. } => format!("boletin's `{lang}` tag pages"),
            Page::Latest { lang } => format!("boletin's `{lang}` latest-issue page"),
            Page::Atom { lang } | Page::Rss { lang } => format!("boletin's `{lang}` feeds"),
            Page::Document {
                lang,
                section,
                index,
            } => format!(
                "the `{lang}` page of {}",
                self.site
                    .document(*section, *index)
                    .shown_in(lang)
                    .path
                    .display()
            ),
        }
    }
}

/// Files copied as they are: each document's assets beside every page
/// of it, then theme and site static files; each with the path, relative
/// to the site root, it comes from.
fn copied_files(renderer: &Renderer, inputs: Inputs) -> Vec<(OutputFile, PathBuf)> {
    let site = renderer.site;
    let beside_pages = |document: &Document| {
        let mut files = Vec::new();
        for lang in site.config.langs() {
            let folder = site.urls.output_path(&site.url_of(document, lang));
            let folder = folder.parent().map(PathBuf::from).unwrap_or_default();
            for asset in &document.shown_in(lang).assets {
                let file = OutputFile {
                    path: folder.join(&asset.relative),
                    content: Content::Copy(asset.source.to_path_buf()),
                };
                files.push((file, asset.listed.clone()));
            }
        }
        files
    };
    let mut files: Vec<(OutputFile, PathBuf)> = Vec::new();
    files.par_extend(
        site.issues
            .par_iter()
            .chain(&site.pages)
            .flat_map_iter(beside_pages),
    );
    files.extend(inputs.theme.statics.iter().map(|s| {
        let file = OutputFile {
            path: s.output.clone(),
            content: match &s.source {
                StaticSource::BuiltIn(bytes) => Content::BuiltIn(bytes),
                StaticSource::Disk(path) => Content::Copy(path.to_path_buf()),
            },
        };
        (file, s.origin.clone())
    }));
    files
}

/// The files to copy beside the rendered `pages`, and an error for each
/// that would land where another output file is, or where one needs
/// its folder: one of the two would be lost. The first one keeps the
/// place, so the output never depends on which thread writes first.
fn place_copies(
    renderer: &Renderer,
    pages: &[(Page, PathBuf)],
    robots: OutputFile,
    inputs: Inputs,
) -> (Vec<OutputFile>, Vec<Diagnostic>) {
    enum Maker<'j> {
        Page(&'j Page),
        Boletin,
        Copy(PathBuf),
    }
    let describe = |maker: &Maker| match maker {
        Maker::Page(page) => renderer.page_origin(page),
        Maker::Boletin => "boletin's own file".to_string(),
        Maker::Copy(origin) => origin.display().to_string(),
    };
    let mut taken: HashMap<PathBuf, Maker> = pages
        .iter()
        .map(|(page, path)| (path.clone(), Maker::Page(page)))
        .collect();
    taken.insert(robots.path.clone(), Maker::Boletin);
    let mut ready = vec![robots];
    let mut problems = Vec::new();
    for (file, origin) in copied_files(renderer, inputs) {
        if let Some(first) = taken.get(&file.path) {
            problems.push(collision(&origin, &describe(first), &file.path));
        } else {
            taken.insert(file.path.clone(), Maker::Copy(origin));
            ready.push(file);
        }
    }
    // Each copied file is reported once, however many files it meets,
    // with the first of them by path, whatever the order of the map.
    let mut clashes: BTreeMap<&PathBuf, (&Path, &PathBuf, &Maker)> = BTreeMap::new();
    for (path, maker) in &taken {
        for folder in path.ancestors().skip(1) {
            let (origin, other_path, other) = match (taken.get_key_value(folder), maker) {
                (Some((_, Maker::Copy(origin))), _) => (origin, path, maker),
                (Some((file_path, file)), Maker::Copy(origin)) => (origin, file_path, file),
                _ => continue,
            };
            let clash = clashes.entry(origin).or_insert((folder, other_path, other));
            if other_path < clash.1 {
                *clash = (folder, other_path, other);
            }
        }
    }
    for (origin, (folder, _, other)) in clashes {
        problems.push(folder_taken(origin, folder, &describe(other)));
    }
    (ready, problems)
}

/// A file of the site, `origin`, that would be published at `output`,
/// where `first` already puts a file (or needs a folder).
fn collision(origin: &Path, first: &str, output: &Path) -> Diagnostic {
    Diagnostic::error(
        origin,
        format!(
            "{} would be published as {}, where {first} already is",
            origin.display(),
            output.display()
        ),
    )
    .help(format!(
        "rename or move {} so that only one file is published there",
        origin.display()
    ))
}

/// A file of the site, `origin`, that needs `folder` of the output to be
/// a folder, or is published as `folder` itself, while `other` needs the
/// opposite.
fn folder_taken(origin: &Path, folder: &Path, other: &str) -> Diagnostic {
    Diagnostic::error(
        origin,
        format!(
            "{} and {other} cannot both be published: one needs {} to be a file, the other a folder",
            origin.display(),
            folder.display()
        ),
    )
    .help(format!(
        "rename or move {} so that the two do not meet",
        origin.display()
    ))
}
