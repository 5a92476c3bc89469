//! The render stage: from the model and the rendered bodies, a `Plan` of
//! every file of the site (where it goes and what makes it), and one pure
//! function, `Plan::make`, that returns a file's bytes. The command that
//! holds the plan decides where the files go (`write::Staging`, or memory
//! for `serve` and `check`) and maps `make` over them on every core.
//!
//! Pure: it reads nothing from disk and writes nothing. What each template
//! receives is `contract`; the context of each kind of page is made in
//! `pages` and `feeds`, the list of files and what is copied beside them
//! in `plan`.

mod contract;
mod feeds;
mod interface_strings;
mod language;
mod pages;
mod plan;
pub(crate) mod policy;
mod templates;

pub(crate) use plan::{Content, Made, OutputFile, Page, Plan, PlannedFile};
pub(crate) use templates::{Templates, escape};

use crate::bodies::Bodies;
use crate::diagnostics::Diagnostic;
use crate::i18n::Locales;
use crate::lang::Lang;
use crate::load::theme::Theme;
use crate::model::{Section, Site};
use language::Language;
use serde::Serialize;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use templates::error_chain;

/// What rendering needs, each made by an earlier stage.
#[derive(Clone, Copy)]
pub(crate) struct Inputs<'a> {
    pub(crate) site: &'a Site,
    pub(crate) bodies: &'a Bodies,
    pub(crate) locales: &'a Arc<Locales>,
    pub(crate) templates: &'a Templates,
    pub(crate) theme: &'a Theme,
}

/// The theme's template for one issue in a list; see `language::Language`.
const ENTRY_TEMPLATE: &str = "entry.html";

/// Renders pages: the inputs, and each language's read-only part of every
/// page (its templates with `t()` bound, its frame, its lists).
struct Renderer<'a> {
    site: &'a Site,
    bodies: &'a Bodies,
    locales: &'a Locales,
    /// The site's scheme, host and port, for absolute URLs.
    origin: String,
    /// Where each template came from, for diagnostics.
    template_paths: HashMap<String, PathBuf>,
    languages: HashMap<Lang, Language>,
}

impl<'a> Renderer<'a> {
    fn new(inputs: Inputs<'a>) -> Renderer<'a> {
        let site = inputs.site;
        let languages = site
            .config
            .langs()
            .map(|lang| {
                let language = Language::new(site, inputs.locales, inputs.templates, lang);
                (lang.clone(), language)
            })
            .collect();
        Renderer {
            site,
            bodies: inputs.bodies,
            locales: inputs.locales,
            origin: site.config.base_url.origin().ascii_serialization(),
            template_paths: inputs.templates.paths.clone(),
            languages,
        }
    }

    /// The read-only part of every page in `lang`, which is configured.
    fn language(&self, lang: &Lang) -> &Language {
        &self.languages[lang]
    }

    /// `url` (root-relative) as an absolute URL.
    fn absolute(&self, url: &str) -> String {
        [self.origin.as_str(), url].concat()
    }

    /// The writing direction of `lang`.
    fn dir(&self, lang: &Lang) -> &'static str {
        self.site.config.dir(lang)
    }

    /// Renders `page`'s bytes (UTF-8: Tera writes only strings), with
    /// what it found along the way.
    fn render(&self, page: &Page) -> Result<Made, Diagnostic> {
        let default = &self.site.config.default_language;
        let mut warnings = Vec::new();
        let (template, lang, bytes) = match page {
            Page::Chooser => ("chooser.html", default, context_of(pages::chooser(self))),
            Page::NotFound => ("404.html", default, context_of(pages::not_found(self))),
            Page::Archive { lang, page: n } => {
                let (context, problems) = pages::archive(self, lang, *n);
                warnings.extend(problems);
                ("archive.html", lang, context_of(context))
            }
            Page::Document {
                lang,
                section: Section::Issues,
                index,
            } => (
                "issue.html",
                lang,
                context_of(pages::issue(self, lang, *index)),
            ),
            Page::Document {
                lang,
                section: Section::Pages,
                index,
            } => (
                "page.html",
                lang,
                context_of(pages::standalone(self, lang, *index)),
            ),
            Page::Tags { lang } => ("tags.html", lang, context_of(pages::tags(self, lang))),
            Page::Tag {
                lang,
                index,
                page: n,
            } => {
                let (context, problems) = pages::tag(self, lang, *index, *n);
                warnings.extend(problems);
                ("tag.html", lang, context_of(context))
            }
            Page::Latest { lang } => {
                let (context, problems) = pages::latest(self, lang);
                warnings.extend(problems);
                ("latest.html", lang, context_of(context))
            }
            Page::Atom { lang } => (
                "atom.xml",
                lang,
                context_of(feeds::feed(self, lang, "atom.xml")),
            ),
            Page::Rss { lang } => (
                "rss.xml",
                lang,
                context_of(feeds::feed(self, lang, "rss.xml")),
            ),
            Page::Sitemap => ("sitemap.xml", default, context_of(feeds::sitemap(self))),
        };
        let context = bytes.map_err(|error| self.template_problem(template, &error))?;
        let (rendered, unformatted) = interface_strings::collecting(|| {
            let mut bytes = Vec::with_capacity(16 * 1024);
            self.language(lang)
                .tera
                .render_to(template, &context, &mut bytes)
                .map(|()| bytes)
        });
        warnings.extend(unformatted.iter().map(|u| self.locales.unformatted(u)));
        let mut bytes = rendered.map_err(|error| self.template_problem(template, &error))?;
        if template.ends_with(".html") {
            policy::declare(&mut bytes, policy::PAGE_POLICY)
                .map_err(|()| self.headless_page_problem(template))?;
        }
        Ok(Made {
            content: Content::Bytes(bytes),
            warnings,
        })
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
            self.template_path(template),
            format!("the template cannot be rendered: {reason}"),
        )
        .help("check the template: a variable or message it uses may be missing")
    }

    /// Why a page of `template` cannot carry its security policy.
    fn headless_page_problem(&self, template: &str) -> Diagnostic {
        Diagnostic::error(
            self.template_path(template),
            "this template writes a page without a <head> tag, where boletin declares what the page may load",
        )
        .help("begin the page with <!DOCTYPE html>, <html lang=\"{{ lang }}\"> and <head>, or extend base.html")
    }

    /// The file `template` came from, for diagnostics.
    fn template_path(&self, template: &str) -> PathBuf {
        self.template_paths
            .get(template)
            .cloned()
            .unwrap_or_else(|| PathBuf::from(template))
    }
}

/// Tera's context from the contract's value for a page.
fn context_of(value: impl Serialize) -> tera::Result<tera::Context> {
    tera::Context::from_serialize(value)
}
