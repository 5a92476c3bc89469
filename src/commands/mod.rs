//! The commands the CLI runs. Each is thin: it calls the stages in order
//! and reports what they found.

pub mod build;
pub mod check;
pub mod new;
pub mod status;
pub mod translate;

use crate::config::Config;
use crate::diagnostics::Diagnostics;
use crate::i18n::Locales;
use crate::load::{self, LocaleFile, theme::Theme};
use crate::model::{self, Site};
use crate::render::Templates;
use std::io::IsTerminal;
use std::path::Path;
use std::sync::Arc;

/// A site read and modelled, not rendered.
pub struct Loaded {
    pub site: Site,
    pub locales: Arc<Locales>,
    pub theme: Theme,
    /// `None` when a template has a syntax error (reported).
    pub templates: Option<Templates>,
    pub locale_files: Vec<LocaleFile>,
}

/// Reads and models the site under `root`. Problems go to `diagnostics`;
/// `None` only when there is no usable configuration. The model holds
/// every file that could be read, even when others have errors.
pub fn load_site(
    root: &Path,
    base_url: Option<&str>,
    drafts: bool,
    diagnostics: &mut Diagnostics,
) -> Option<Loaded> {
    let config = match Config::load(root, base_url) {
        Ok(config) => config,
        Err(problems) => {
            diagnostics.extend(problems);
            return None;
        }
    };
    let mut problems = Vec::new();
    let sources = load::load(root, &config, &mut problems);
    let locales = Arc::new(Locales::load(&config, &sources.locales, &mut problems));
    // Independent, and each takes a few milliseconds on one thread.
    let ((site, model_problems), templates) = rayon::join(
        || model::build(config, sources.content, drafts),
        || Templates::compile(&sources.theme),
    );
    problems.extend(model_problems);
    for document in site.issues.iter().chain(&site.pages) {
        problems.extend(crate::translation::warnings(document));
    }
    let templates = templates.map_err(|problem| problems.push(problem)).ok();
    diagnostics.extend(problems);
    Some(Loaded {
        site,
        locales,
        theme: sources.theme,
        templates,
        locale_files: sources.locales,
    })
}

/// `load_site` for the commands that read the site and stop when it has
/// no usable configuration: the problems are reported before `None`.
pub fn load_or_report(root: &Path, drafts: bool, diagnostics: &mut Diagnostics) -> Option<Loaded> {
    let loaded = load_site(root, None, drafts, diagnostics);
    if loaded.is_none() {
        report(diagnostics);
    }
    loaded
}

/// How a command ended, as the process exit status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// 0: done.
    Success,
    /// 1: the site has errors.
    SiteErrors,
}

/// Prints every diagnostic to standard error, warnings before errors.
pub fn report(diagnostics: &Diagnostics) {
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
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
