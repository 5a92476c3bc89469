//! Renders the model into the files of the site: HTML pages through Tera,
//! feeds, sitemap and robots.txt, plus the list of files to copy.
//!
//! Pure: it reads nothing from disk and writes nothing; `write` does that.
//! Every page is an independent `Job`, rendered in parallel over a model
//! that no longer changes.

mod context;
mod feeds;
pub(crate) mod policy;
mod templates;
mod translate;
mod views;

use templates::error_chain;
pub use templates::{Templates, escape};

use crate::diagnostics::Diagnostic;
use crate::i18n::Locales;
use crate::lang::Lang;
use crate::load::Section;
use crate::load::theme::{StaticSource, Theme};
use crate::markdown::{self, Body, RenderedBody};
use crate::model::{Document, Site};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Arc;
use tera::{Context, Tera};

/// What a file in the output is made of.
#[derive(Clone, Debug)]
pub enum Content {
    Bytes(Vec<u8>),
    /// A file from the site, copied as it is.
    Copy(PathBuf),
    /// A file of the built-in theme.
    BuiltIn(&'static [u8]),
}

/// One file of the output, at a path relative to the output folder.
#[derive(Clone, Debug)]
pub struct OutputFile {
    pub path: PathBuf,
    pub content: Content,
}

/// The rendered site.
#[derive(Debug, Default)]
pub struct Output {
    /// Sorted by path.
    pub files: Vec<OutputFile>,
    pub problems: Vec<Diagnostic>,
    /// HTML pages rendered per language, for the summary line.
    pub pages_per_language: BTreeMap<Lang, usize>,
    /// Every link written in a Markdown body; filled by `render` (for
    /// `check`) only.
    pub body_links: Vec<WrittenLink>,
}

/// A link as written in a content file, and the page it ends up on.
#[derive(Clone, Debug)]
pub struct WrittenLink {
    /// The content file, relative to the site root.
    pub source: PathBuf,
    /// The URL of the page the body is rendered on (its own language's).
    pub page_url: String,
    pub link: markdown::BodyLink,
}

/// Rendered Markdown bodies, by document and language.
pub type Bodies = HashMap<(Section, usize, Lang), RenderedBody>;

/// The theme's template for one issue in a list; see `Renderer::entry_html`.
const ENTRY_TEMPLATE: &str = "entry.html";

/// Everything a page needs while rendering.
pub struct Renderer<'a> {
    site: &'a Site,
    locales: &'a Locales,
    /// One Tera per language, each with `t()` bound to that language.
    tera: HashMap<Lang, Tera>,
    bodies: &'a Bodies,
    origin: String,
    /// Where each template came from, for diagnostics.
    template_paths: HashMap<String, PathBuf>,
    /// Each language's part of every page's context, built once.
    language_contexts: HashMap<Lang, Context>,
    /// Each issue's archive entry per language (by index in the archive),
    /// built once by `prepare_entries` instead of on every archive and tag
    /// page it is on.
    entries: HashMap<Lang, Vec<context::Entry>>,
    /// Why `entry.html` could not be rendered, each reason once.
    entry_problems: Vec<Diagnostic>,
    /// Each language's feed entries, made by whichever of its two feeds
    /// is rendered first: their content passes the sanitizer once more
    /// (to make links absolute), which is worth doing once.
    feed_entries: HashMap<Lang, std::sync::OnceLock<Vec<feeds::FeedEntry>>>,
}

/// One file to render.
#[derive(Clone, Debug)]
enum Job {
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

/// Renders every page of `site` into memory, with every link written in
/// a Markdown body (for `check`).
pub fn render(site: &Site, locales: &Arc<Locales>, templates: &Templates, theme: &Theme) -> Output {
    let bodies = render_bodies(site, true);
    let mut output = render_with_bodies(site, locales, templates, theme, &bodies, &|_, _| {});
    output.body_links = written_links(site, &bodies);
    output
}

/// Every link written in a Markdown body, with the file it is written in
/// and the page it ends up on, ordered by file and line.
fn written_links(site: &Site, bodies: &Bodies) -> Vec<WrittenLink> {
    let mut links = Vec::new();
    for ((section, index, lang), body) in bodies {
        let document = site.document(*section, *index);
        let page_url = site.url_of(document, lang);
        let source = &document.translations[lang].path;
        links.extend(body.links.iter().map(|link| WrittenLink {
            source: source.clone(),
            page_url: page_url.clone(),
            link: link.clone(),
        }));
    }
    links.sort_by(|a, b| (&a.source, a.link.location.line).cmp(&(&b.source, b.link.location.line)));
    links
}

/// Told `(pages done, pages in all)` as pages are rendered, from any thread.
pub type Progress<'a> = &'a (dyn Fn(usize, usize) + Sync);

/// Renders every page of `site` with its Markdown already rendered, into
/// memory.
pub fn render_with_bodies(
    site: &Site,
    locales: &Arc<Locales>,
    templates: &Templates,
    theme: &Theme,
    bodies: &Bodies,
    progress: Progress,
) -> Output {
    let pages = Pages::new(site, locales, templates, theme, bodies);
    let files = std::sync::Mutex::new(Vec::new());
    let summary = pages.render_each(progress, &|file| {
        if let Ok(mut files) = files.lock() {
            files.push(file);
        }
        Ok(())
    });
    let mut files = files.into_inner().unwrap_or_default();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Output {
        files,
        problems: summary.problems,
        pages_per_language: summary.pages_per_language,
        body_links: Vec::new(),
    }
}

/// What rendering found, apart from the files themselves.
#[derive(Debug, Default)]
pub struct Summary {
    pub problems: Vec<Diagnostic>,
    pub pages_per_language: BTreeMap<Lang, usize>,
}

/// Every file of a site, ready to be rendered one at a time and handed
/// on as soon as it is made, so a build need not hold the whole site in
/// memory.
pub struct Pages<'a> {
    renderer: Renderer<'a>,
    /// Every page to render, with its path in the output.
    jobs: Vec<(Job, PathBuf)>,
    /// Files copied as they are, and robots.txt.
    others: Vec<OutputFile>,
    /// Files of the site that would land where another output file is.
    problems: Vec<Diagnostic>,
}

impl<'a> Pages<'a> {
    pub fn new(
        site: &'a Site,
        locales: &'a Arc<Locales>,
        templates: &Templates,
        theme: &Theme,
        bodies: &'a Bodies,
    ) -> Pages<'a> {
        let mut renderer = Renderer::new(site, locales, templates, bodies);
        renderer.prepare_entries();
        let jobs: Vec<(Job, PathBuf)> = renderer
            .jobs()
            .into_par_iter()
            .map(|job| {
                let path = renderer.output_path(&job);
                (job, path)
            })
            .collect();
        let robots = OutputFile {
            path: PathBuf::from("robots.txt"),
            content: Content::Bytes(
                format!(
                    "User-agent: *\nAllow: /\n\nSitemap: {}\n",
                    renderer.absolute(&site.urls.file("sitemap.xml"))
                )
                .into_bytes(),
            ),
        };
        let (others, problems) = renderer.place_copies(&jobs, robots, theme);
        Pages {
            renderer,
            jobs,
            others,
            problems,
        }
    }

    /// Renders every file in parallel, handing each to `sink` as soon as
    /// it is made. A sink error is reported and the rest goes on.
    pub fn render_each(
        &self,
        progress: Progress,
        sink: &(dyn Fn(OutputFile) -> Result<(), Diagnostic> + Sync),
    ) -> Summary {
        let mut summary = Summary::default();
        summary.problems.extend(self.problems.iter().cloned());
        for body in self.renderer.bodies.values() {
            summary.problems.extend(body.problems.iter().cloned());
        }
        let done = std::sync::atomic::AtomicUsize::new(0);
        let render_all = || -> Vec<Diagnostic> {
            self.jobs
                .par_iter()
                .filter_map(|(job, path)| {
                    let result = self.renderer.run(job).and_then(|bytes| {
                        sink(OutputFile {
                            path: path.clone(),
                            content: Content::Bytes(bytes),
                        })
                    });
                    progress(
                        done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1,
                        self.jobs.len(),
                    );
                    result.err()
                })
                .collect()
        };
        // Copying images mostly waits on the disk, so it goes on threads
        // of its own while the pages are rendered. Done after the pages,
        // it left both cores half idle for 0.4 s at 5,000 issues.
        let (rendered, copied) = std::thread::scope(|scope| {
            let copying = scope.spawn(|| {
                crate::waiting::on_waiting_threads(|| {
                    self.others
                        .par_iter()
                        .filter_map(|file| sink(file.clone()).err())
                        .collect::<Vec<Diagnostic>>()
                })
            });
            let rendered = render_all();
            let copied = copying
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (rendered, copied)
        });
        summary.problems.extend(rendered);
        summary.problems.extend(copied);
        for (job, _) in &self.jobs {
            if let Some(lang) = job.page_language() {
                *summary.pages_per_language.entry(lang.clone()).or_default() += 1;
            }
        }
        summary
            .problems
            .extend(self.renderer.entry_problems.iter().cloned());
        summary
            .problems
            .extend(self.renderer.locales.take_format_problems());
        summary
    }
}

/// The pages that show `document` and nothing else that can change when
/// only its text changes: its page in every language (fallbacks too) and
/// the feeds of the languages it is written in. Returns the files, and
/// problems if some failed.
pub fn render_document(
    site: &Site,
    locales: &Arc<Locales>,
    templates: &Templates,
    bodies: &Bodies,
    section: Section,
    index: usize,
) -> (Vec<OutputFile>, Vec<Diagnostic>) {
    let renderer = Renderer::new(site, locales, templates, bodies);
    let document = site.document(section, index);
    let mut jobs: Vec<Job> = site
        .config
        .langs()
        .map(|lang| Job::Document {
            lang: lang.clone(),
            section,
            index,
        })
        .collect();
    if section == Section::Issues {
        for lang in document.translations.keys() {
            jobs.push(Job::Atom { lang: lang.clone() });
            jobs.push(Job::Rss { lang: lang.clone() });
        }
    }
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for result in jobs
        .par_iter()
        .map(|job| Ok((renderer.output_path(job), renderer.run(job)?)))
        .collect::<Vec<_>>()
    {
        match result {
            Ok((path, bytes)) => files.push(OutputFile {
                path,
                content: Content::Bytes(bytes),
            }),
            Err(problem) => problems.push(problem),
        }
    }
    problems.extend(locales.take_format_problems());
    (files, problems)
}

/// Renders one translation's Markdown, listing its links if
/// `keep_links` (only `check` reads them).
pub fn render_body(
    site: &Site,
    section: Section,
    index: usize,
    lang: &Lang,
    keep_links: bool,
) -> Option<RenderedBody> {
    let translation = site.document(section, index).translations.get(lang)?;
    Some(render_markdown(
        site,
        lang,
        translation,
        &translation.body,
        keep_links,
    ))
}

/// Renders `markdown`, the body of `translation` (in `lang`), listing
/// its links if `keep_links`.
fn render_markdown(
    site: &Site,
    lang: &Lang,
    translation: &crate::model::Translation,
    markdown: &str,
    keep_links: bool,
) -> RenderedBody {
    let body = Body {
        path: &translation.path,
        text: markdown,
        first_line: translation.body_line,
        raw_html: site.config.raw_html,
        keep_links,
    };
    let resolve = |path: &std::path::Path| {
        site.by_source_path(path)
            .map(|target| site.url_of(target, lang))
    };
    markdown::render(&body, &resolve)
}

/// Every translation of the site, by document and language.
fn translation_keys(site: &Site) -> Vec<(Section, usize, Lang)> {
    let mut keys = Vec::new();
    for (section, documents) in [
        (Section::Issues, &site.issues),
        (Section::Pages, &site.pages),
    ] {
        for (index, document) in documents.iter().enumerate() {
            keys.extend(
                document
                    .translations
                    .keys()
                    .map(|lang| (section, index, lang.clone())),
            );
        }
    }
    keys
}

/// Renders every translation's Markdown once, in parallel, listing the
/// links if `keep_links`.
pub fn render_bodies(site: &Site, keep_links: bool) -> Bodies {
    translation_keys(site)
        .into_par_iter()
        .filter_map(|(section, index, lang)| {
            let body = render_body(site, section, index, &lang, keep_links)?;
            Some(((section, index, lang), body))
        })
        .collect()
}

/// Renders every translation's Markdown once, in parallel, taking it out
/// of the model and freeing each text as soon as it is rendered: a build
/// needs only the HTML afterwards, and holding both was a quarter of its
/// peak memory. Links are not listed: only `check` reads them.
pub fn take_and_render_bodies(site: &mut Site) -> Bodies {
    let mut texts = Vec::new();
    for key in translation_keys(site) {
        let (section, index, lang) = &key;
        if let Some(translation) = site
            .document_mut(*section, *index)
            .translations
            .get_mut(lang)
        {
            texts.push((key, std::mem::take(&mut translation.body)));
        }
    }
    let site = &*site;
    texts
        .into_par_iter()
        .filter_map(|((section, index, lang), markdown)| {
            let translation = site.document(section, index).translations.get(&lang)?;
            let body = render_markdown(site, &lang, translation, &markdown, false);
            Some(((section, index, lang), body))
        })
        .collect()
}

impl Job {
    /// The language of an HTML page in a language folder.
    fn page_language(&self) -> Option<&Lang> {
        match self {
            Job::Archive { lang, .. }
            | Job::Document { lang, .. }
            | Job::Tags { lang }
            | Job::Tag { lang, .. }
            | Job::Latest { lang } => Some(lang),
            _ => None,
        }
    }
}

impl<'a> Renderer<'a> {
    fn new(
        site: &'a Site,
        locales: &'a Arc<Locales>,
        templates: &Templates,
        bodies: &'a Bodies,
    ) -> Renderer<'a> {
        let tera = site
            .config
            .langs()
            .map(|lang| {
                let mut tera = templates.tera.clone();
                translate::fold_plain_messages(&mut tera, locales, lang);
                tera.register_function(
                    "t",
                    translate::Translate {
                        locales: Arc::clone(locales),
                        lang: lang.clone(),
                    },
                );
                (lang.clone(), tera)
            })
            .collect();
        let mut renderer = Renderer {
            site,
            locales,
            tera,
            bodies,
            origin: site.config.base_url.origin().ascii_serialization(),
            template_paths: templates.paths.clone(),
            language_contexts: HashMap::new(),
            entries: HashMap::new(),
            entry_problems: Vec::new(),
            feed_entries: site
                .config
                .langs()
                .map(|lang| (lang.clone(), std::sync::OnceLock::new()))
                .collect(),
        };
        for lang in site.config.langs() {
            let frame = renderer.language_frame(lang);
            let context = Context::from_serialize(frame).unwrap_or_default();
            renderer.language_contexts.insert(lang.clone(), context);
        }
        renderer
    }

    fn dir(&self, lang: &Lang) -> &'static str {
        self.site
            .config
            .language(lang)
            .map_or("ltr", |l| l.dir.as_str())
    }

    /// `url` (root-relative) as an absolute URL.
    fn absolute(&self, url: &str) -> String {
        [self.origin.as_str(), url].concat()
    }

    fn archive_pages(&self) -> usize {
        self.site.config.page_count(self.site.issues.len())
    }

    fn jobs(&self) -> Vec<Job> {
        let site = self.site;
        let mut jobs = vec![Job::Chooser, Job::NotFound, Job::Sitemap];
        for lang in site.config.langs() {
            let lang = lang.clone();
            jobs.extend((1..=self.archive_pages()).map(|page| Job::Archive {
                lang: lang.clone(),
                page,
            }));
            for (section, documents) in [
                (Section::Issues, &site.issues),
                (Section::Pages, &site.pages),
            ] {
                jobs.extend((0..documents.len()).map(|index| Job::Document {
                    lang: lang.clone(),
                    section,
                    index,
                }));
            }
            jobs.push(Job::Tags { lang: lang.clone() });
            for (index, group) in site.tags.get(&lang).into_iter().flatten().enumerate() {
                let pages = site.config.page_count(group.issues.len());
                jobs.extend((1..=pages).map(|page| Job::Tag {
                    lang: lang.clone(),
                    index,
                    page,
                }));
            }
            if !site.issues.is_empty() {
                jobs.push(Job::Latest { lang: lang.clone() });
            }
            jobs.push(Job::Atom { lang: lang.clone() });
            jobs.push(Job::Rss { lang });
        }
        jobs
    }

    /// The URL a job's file is served at.
    fn job_url(&self, job: &Job) -> String {
        let urls = &self.site.urls;
        match job {
            Job::Chooser => urls.root(),
            Job::NotFound => urls.file("404.html"),
            Job::Archive { lang, page } => urls.archive(lang, *page),
            Job::Document {
                lang,
                section,
                index,
            } => self.site.url_of(self.site.document(*section, *index), lang),
            Job::Tags { lang } => urls.tags(lang),
            Job::Tag { lang, index, page } => {
                urls.tag(lang, &self.site.tags[lang][*index].tag.slug, *page)
            }
            Job::Latest { lang } => urls.latest(lang),
            Job::Atom { lang } => urls.feed(lang, "atom.xml"),
            Job::Rss { lang } => urls.feed(lang, "rss.xml"),
            Job::Sitemap => urls.file("sitemap.xml"),
        }
    }

    /// Where a job's file goes, relative to the output folder.
    fn output_path(&self, job: &Job) -> PathBuf {
        self.site.urls.output_path(&self.job_url(job))
    }

    /// Renders one file's bytes (UTF-8: Tera writes only strings, and
    /// rendering into bytes spares checking them again).
    fn run(&self, job: &Job) -> Result<Vec<u8>, Diagnostic> {
        let default = &self.site.config.default_language;
        let (template, lang, context) = match job {
            Job::Chooser => ("chooser.html", default, self.chooser()),
            Job::NotFound => ("404.html", default, self.not_found()),
            Job::Archive { lang, page } => ("archive.html", lang, self.archive(lang, *page)),
            Job::Document {
                lang,
                section,
                index,
            } => {
                let template = match section {
                    Section::Issues => "issue.html",
                    Section::Pages => "page.html",
                };
                (
                    template,
                    lang,
                    self.document(lang, *section, *index, self.site.document(*section, *index)),
                )
            }
            Job::Tags { lang } => ("tags.html", lang, self.tags(lang)),
            Job::Tag { lang, index, page } => ("tag.html", lang, self.tag(lang, *index, *page)),
            Job::Latest { lang } => ("latest.html", lang, self.latest(lang)),
            Job::Atom { lang } => ("atom.xml", lang, self.feed(lang, "atom.xml")),
            Job::Rss { lang } => ("rss.xml", lang, self.feed(lang, "rss.xml")),
            Job::Sitemap => ("sitemap.xml", default, self.sitemap()),
        };
        let tera = &self.tera[lang];
        let mut bytes = Vec::with_capacity(16 * 1024);
        tera.render_to(template, &context, &mut bytes)
            .map_err(|error| self.template_problem(template, &error))?;
        if template.ends_with(".html") {
            policy::declare(&mut bytes, policy::PAGE_POLICY)
                .map_err(|()| self.headless_page_problem(template))?;
        }
        Ok(bytes)
    }

    /// Why `template` cannot be rendered. Without the page's URL, so that
    /// the same mistake on many pages is reported once.
    fn template_problem(&self, template: &str, error: &tera::Error) -> Diagnostic {
        let reason = error_chain(error)
            .lines()
            .last()
            .unwrap_or_default()
            .to_string();
        Diagnostic::error(
            self.template_paths
                .get(template)
                .cloned()
                .unwrap_or_else(|| PathBuf::from(template)),
            format!("the template cannot be rendered: {reason}"),
        )
        .help("check the template: a variable or message it uses may be missing")
    }

    /// Why a page of `template` cannot carry its security policy.
    fn headless_page_problem(&self, template: &str) -> Diagnostic {
        Diagnostic::error(
            self.template_paths
                .get(template)
                .cloned()
                .unwrap_or_else(|| PathBuf::from(template)),
            "this template writes a page without a <head> tag, where boletin declares what the page may load",
        )
        .help("begin the page with <!DOCTYPE html>, <html lang=\"{{ lang }}\"> and <head>, or extend base.html")
    }

    /// `entry` as the theme's `entry.html` renders it on pages in `lang`,
    /// with `context` (the language's) holding it as `e`; empty if the
    /// theme has no such template.
    fn entry_html(
        &self,
        context: &mut Context,
        entry: &context::Entry,
        lang: &Lang,
    ) -> Result<String, Diagnostic> {
        if !self.template_paths.contains_key(ENTRY_TEMPLATE) {
            return Ok(String::new());
        }
        context.insert("e", entry);
        self.tera[lang]
            .render(ENTRY_TEMPLATE, context)
            .map_err(|error| self.template_problem(ENTRY_TEMPLATE, &error))
    }

    /// Files copied as they are: each document's assets beside every page
    /// of it, then theme and site static files; each with the path, relative
    /// to the site root, it comes from.
    fn copied_files(&self, theme: &Theme) -> Vec<(OutputFile, PathBuf)> {
        let beside_pages = |document: &Document| {
            let mut files = Vec::new();
            for lang in self.site.config.langs() {
                let folder = self
                    .site
                    .urls
                    .output_path(&self.site.url_of(document, lang));
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
            self.site
                .issues
                .par_iter()
                .chain(&self.site.pages)
                .flat_map_iter(beside_pages),
        );
        files.extend(theme.statics.iter().map(|s| {
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

    /// The files to copy beside the rendered `jobs`, and an error for each
    /// that would land where another output file is, or where one needs
    /// its folder: one of the two would be lost. The first one keeps the
    /// place, so the output never depends on which thread writes first.
    fn place_copies(
        &self,
        jobs: &[(Job, PathBuf)],
        robots: OutputFile,
        theme: &Theme,
    ) -> (Vec<OutputFile>, Vec<Diagnostic>) {
        enum Maker<'j> {
            Job(&'j Job),
            Boletin,
            Copy(PathBuf),
        }
        let describe = |maker: &Maker| match maker {
            Maker::Job(job) => self.job_origin(job),
            Maker::Boletin => "boletin's own file".to_string(),
            Maker::Copy(origin) => origin.display().to_string(),
        };
        let mut taken: HashMap<PathBuf, Maker> = jobs
            .iter()
            .map(|(job, path)| (path.clone(), Maker::Job(job)))
            .collect();
        taken.insert(robots.path.clone(), Maker::Boletin);
        let mut others = vec![robots];
        let mut problems = Vec::new();
        for (file, origin) in self.copied_files(theme) {
            if let Some(first) = taken.get(&file.path) {
                problems.push(collision(&origin, &describe(first), &file.path));
            } else {
                taken.insert(file.path.clone(), Maker::Copy(origin));
                others.push(file);
            }
        }
        // Each copied file is reported once, however many files it meets,
        // with the first of them by path, whatever the order of the map.
        let mut clashes: BTreeMap<&PathBuf, (&std::path::Path, &PathBuf, &Maker)> = BTreeMap::new();
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
        (others, problems)
    }

    /// What makes a job's file, in a few words, for an error.
    fn job_origin(&self, job: &Job) -> String {
        match job {
            Job::Chooser => "boletin's language chooser".to_string(),
            Job::NotFound => "boletin's 404 page".to_string(),
            Job::Sitemap => "boletin's sitemap".to_string(),
            Job::Archive { lang, .. } => format!("boletin's `{lang}` archive page"),
            Job::Tags { lang } | Job::Tag { lang, .. } => format!("boletin's `{lang}` tag pages"),
            Job::Latest { lang } => format!("boletin's `{lang}` latest-issue page"),
            Job::Atom { lang } | Job::Rss { lang } => format!("boletin's `{lang}` feeds"),
            Job::Document {
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

/// A file of the site, `origin`, that would be published at `output`,
/// where `first` already puts a file (or needs a folder).
fn collision(origin: &std::path::Path, first: &str, output: &std::path::Path) -> Diagnostic {
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
fn folder_taken(origin: &std::path::Path, folder: &std::path::Path, other: &str) -> Diagnostic {
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
