//! The commands the CLI runs. Each is thin: it calls the stages in order
//! and reports what they found. `Reader` says how much of the site a
//! command reads (`new` and `translate` read no locales and no theme);
//! `renderable` reads and models everything a render needs.

pub(crate) mod build;
pub(crate) mod check;
pub(crate) mod new;
pub(crate) mod serve;
pub(crate) mod status;
pub(crate) mod translate;

use crate::diagnostics::Diagnostics;
use crate::i18n::Locales;
use crate::load::{self, LocaleFile, Reading, theme::Theme};
use crate::model::{self, BodyText, Drafts, Site};
use crate::render::Templates;
use std::io::IsTerminal;
use std::path::Path;
use std::sync::Arc;

/// How to read a site.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Reader<'a> {
    pub(crate) root: &'a Path,
    /// The `--base-url` flag.
    pub(crate) base_url: Option<&'a str>,
    pub(crate) drafts: Drafts,
    pub(crate) reading: Reading,
}

/// A site read and modelled: the model, the Markdown bodies apart from
/// it, and the files the later stages use.
pub(crate) struct Modelled {
    pub(crate) site: Site,
    pub(crate) texts: Vec<BodyText>,
    pub(crate) locale_files: Vec<LocaleFile>,
    pub(crate) theme: Theme,
}

impl<'a> Reader<'a> {
    /// How the commands that edit or report on the content read it:
    /// drafts included (they are being written), the configured address.
    pub(crate) fn with_drafts(root: &'a Path, reading: Reading) -> Reader<'a> {
        Reader {
            root,
            base_url: None,
            drafts: Drafts::Included,
            reading,
        }
    }

    /// Reads and models the site. Problems go to `diagnostics`; `None`
    /// only when there is no usable configuration. The model holds every
    /// file that could be read, even when others have errors.
    pub(crate) fn model(&self, diagnostics: &mut Diagnostics) -> Option<Modelled> {
        let config = match load::config(self.root, self.base_url) {
            Ok(config) => config,
            Err(problems) => {
                diagnostics.extend(problems);
                return None;
            }
        };
        let mut problems = Vec::new();
        let sources = load::load(self.root, &config, self.reading, &mut problems);
        let built = model::build(config, sources.content, self.drafts);
        problems.extend(built.problems);
        for document in built.site.issues.iter().chain(&built.site.pages) {
            problems.extend(crate::freshness::warnings(document));
        }
        diagnostics.extend(problems);
        Some(Modelled {
            site: built.site,
            texts: built.texts,
            locale_files: sources.locales,
            theme: sources.theme,
        })
    }

    /// `model`, for the commands that stop when the site has no usable
    /// configuration: the problems are reported before `None`.
    pub(crate) fn model_or_report(&self, diagnostics: &mut Diagnostics) -> Option<Modelled> {
        let modelled = self.model(diagnostics);
        if modelled.is_none() {
            report(diagnostics);
        }
        modelled
    }
}

/// Everything rendering needs but the bodies: the model, its locales and
/// templates.
pub(crate) struct Renderable {
    pub(crate) modelled: Modelled,
    pub(crate) locales: Arc<Locales>,
    /// `None` when a template has a syntax error (reported).
    pub(crate) templates: Option<Templates>,
}

/// Reads and models the whole site, and makes its locales and templates
/// (independent, so side by side).
pub(crate) fn renderable(reader: Reader, diagnostics: &mut Diagnostics) -> Option<Renderable> {
    let reader = Reader {
        reading: Reading::Everything,
        ..reader
    };
    let modelled = reader.model(diagnostics)?;
    let mut problems = Vec::new();
    let (locales, templates) = rayon::join(
        || Locales::load(&modelled.site.config, &modelled.locale_files, &mut problems),
        || Templates::compile(&modelled.theme),
    );
    let templates = templates.map_err(|problem| problems.push(problem)).ok();
    diagnostics.extend(problems);
    Some(Renderable {
        modelled,
        locales: Arc::new(locales),
        templates,
    })
}

/// How a command ended, as the process exit status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// 0: done.
    Success,
    /// 1: the site has errors.
    SiteErrors,
}

/// Prints every diagnostic to standard error, warnings before errors.
pub(crate) fn report(diagnostics: &Diagnostics) {
    let color = std::io::stderr().is_terminal();
    for diagnostic in diagnostics.sorted() {
        eprintln!("{}", diagnostic.render(color));
    }
    let errors = diagnostics.error_count();
    if errors > 0 {
        eprintln!("{}.", count(errors, "error"));
    }
}

/// "1 error", "3 errors".
pub(crate) fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
