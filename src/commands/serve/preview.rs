//! The preview's site, kept in memory between changes.
//!
//! A change to one content file whose front matter is unchanged only
//! re-renders that file's text and the pages that show it (its page in
//! every language and its language's feeds). Anything else — front
//! matter, a new or deleted file, a template, a locale, the
//! configuration — rebuilds the whole site in memory. Nothing is ever
//! written to disk.
//!
//! Each rebuild makes a new `Snapshot` beside the one being served; the
//! server swaps it in when it is whole, so no request waits for one.

use crate::bodies::{self, Bodies, Links};
use crate::commands::{Reader, Renderable, renderable};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::Locales;
use crate::load::{self, Reading, theme::Theme};
use crate::model::Drafts;
use crate::model::{BodyText, Site, TranslationId};
use crate::render::{Content, Inputs, OutputFile, Plan, Templates};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A file the server can send.
#[derive(Clone, Debug)]
pub(super) enum Served {
    Bytes(Arc<[u8]>),
    /// Read from disk when asked for (images, static files).
    File(PathBuf),
    BuiltIn(&'static [u8]),
}

impl From<Content> for Served {
    fn from(content: Content) -> Served {
        match content {
            Content::Bytes(bytes) => Served::Bytes(bytes.into()),
            Content::Copy(path) => Served::File(path),
            Content::BuiltIn(bytes) => Served::BuiltIn(bytes),
        }
    }
}

/// Every file of the site, by path relative to the output root,
/// `/`-separated: those of the last full build, and, looked up first,
/// those the updates since then made again. An update copies only the
/// second map: copying all of them (24,000 at 5,000 issues) was a
/// quarter of the time an update took.
#[derive(Clone, Default)]
pub(crate) struct Files {
    built: Arc<HashMap<String, Served>>,
    updated: Arc<HashMap<String, Served>>,
}

impl Files {
    /// The file served at `path`.
    pub(crate) fn get(&self, path: &str) -> Option<&Served> {
        self.updated.get(path).or_else(|| self.built.get(path))
    }

    /// Whether a file is served at `path`.
    pub(crate) fn contains_key(&self, path: &str) -> bool {
        self.get(path).is_some()
    }

    /// These files, with `made` in place of the ones at their paths.
    fn with(&self, made: Vec<OutputFile>) -> Files {
        let mut updated = HashMap::clone(&self.updated);
        for file in made {
            updated.insert(key(&file.path), file.content.into());
        }
        Files {
            built: Arc::clone(&self.built),
            updated: Arc::new(updated),
        }
    }
}

/// The site as the server shows it.
#[derive(Default)]
pub(super) struct Snapshot {
    pub(crate) files: Files,
    /// The problems of the last failed rebuild, shown over every page.
    pub(crate) problems: Option<String>,
    /// Counts successful rebuilds.
    pub(crate) generation: u64,
}

/// What a rebuild made.
pub(super) enum Outcome {
    /// The site to serve now, and how many files changed (all of them
    /// after a full rebuild).
    Rebuilt {
        files: Files,
        changed: usize,
        full: bool,
        warnings: Vec<Diagnostic>,
    },
    /// The site has errors; the last good pages stay.
    Failed(Diagnostics),
}

/// The last good build, kept to update it in place.
struct Built {
    site: Site,
    bodies: Bodies,
    locales: Arc<Locales>,
    templates: Templates,
    theme: Theme,
    files: Files,
}

/// Builds the site into memory and keeps it up to date.
pub(super) struct Preview {
    root: PathBuf,
    base_url: String,
    drafts: bool,
    built: Option<Built>,
}

fn key(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

impl Preview {
    pub(super) fn new(root: PathBuf, base_url: String, drafts: bool) -> Preview {
        Preview {
            root,
            base_url,
            drafts,
            built: None,
        }
    }

    /// Builds everything from disk.
    pub(super) fn rebuild_all(&mut self) -> Outcome {
        self.built = None;
        let mut diagnostics = Diagnostics::default();
        let reader = Reader {
            root: &self.root,
            base_url: Some(&self.base_url),
            drafts: Drafts::when(self.drafts),
            reading: Reading::Everything,
        };
        let Some(Renderable {
            modelled,
            locales,
            templates,
        }) = renderable(reader, &mut diagnostics)
        else {
            return Outcome::Failed(diagnostics);
        };
        let Some(templates) = templates.filter(|_| !diagnostics.has_errors()) else {
            return Outcome::Failed(diagnostics);
        };
        let site = modelled.site;
        let bodies = bodies::render_all(&site, modelled.texts, Links::Drop);
        for body in bodies.values() {
            diagnostics.extend(body.problems.iter().cloned());
        }
        let inputs = Inputs {
            site: &site,
            bodies: &bodies,
            locales: &locales,
            templates: &templates,
            theme: &modelled.theme,
        };
        let output = Plan::whole_site(inputs).make_all();
        diagnostics.extend(output.problems);
        if diagnostics.has_errors() {
            return Outcome::Failed(diagnostics);
        }
        let built: HashMap<String, Served> = output
            .files
            .into_iter()
            .map(|f| (key(&f.path), f.content.into()))
            .collect();
        let changed = built.len();
        let files = Files {
            built: Arc::new(built),
            updated: Arc::default(),
        };
        self.built = Some(Built {
            site,
            bodies,
            locales,
            templates,
            theme: modelled.theme,
            files: files.clone(),
        });
        Outcome::Rebuilt {
            files,
            changed,
            full: true,
            warnings: diagnostics.iter().cloned().collect(),
        }
    }

    /// The site after `changed` paths (relative to the site root)
    /// changed on disk.
    pub(super) fn update(&mut self, changed: &[PathBuf]) -> Outcome {
        match self.try_text_only(changed) {
            Some(Ok(outcome)) => outcome,
            Some(Err(problems)) => {
                let mut diagnostics = Diagnostics::default();
                diagnostics.extend(problems);
                // The kept model no longer matches the files: next time,
                // start over from disk.
                self.built = None;
                Outcome::Failed(diagnostics)
            }
            None => self.rebuild_all(),
        }
    }

    /// When every change is to the text of existing content files, the
    /// site with those re-rendered; `None` when a full rebuild is needed.
    fn try_text_only(&mut self, changed: &[PathBuf]) -> Option<Result<Outcome, Vec<Diagnostic>>> {
        let built = self.built.as_mut()?;
        let mut edits = Vec::new();
        for path in changed {
            // A deleted or renamed file changes the site's shape.
            if !load::is_file(&self.root, path) {
                return None;
            }
            match load::read_one(&self.root, &built.site.config, path)? {
                Ok(file) => edits.push(file),
                Err(problems) => return Some(Err(problems)),
            }
        }
        // A body is not part of the model: the same model stays.
        let site = &built.site;
        let mut texts = Vec::new();
        for file in edits {
            let document = site.by_source_path(&file.path)?;
            let translation = document.translations.get(&file.lang)?;
            let same_shape = translation.path == file.path
                && translation.front == file.parsed.front
                && translation.assets == file.assets;
            if !same_shape {
                return None;
            }
            let (section, index) = site.position_of_source(&file.path)?;
            let id = TranslationId {
                section,
                index,
                lang: file.lang,
            };
            texts.push(BodyText {
                id,
                markdown: file.parsed.body,
                first_line: file.parsed.body_line,
            });
        }
        let mut warnings = Vec::new();
        for text in &texts {
            let body = bodies::render_one(site, text, Links::Drop)?;
            warnings.extend(body.problems.iter().cloned());
            built.bodies.insert(text.id.clone(), body);
        }
        let inputs = Inputs {
            site,
            bodies: &built.bodies,
            locales: &built.locales,
            templates: &built.templates,
            theme: &built.theme,
        };
        let mut rendered: Vec<OutputFile> = Vec::new();
        for text in &texts {
            let output = Plan::one_document(inputs, text.id.section, text.id.index).make_all();
            if output.problems.iter().any(Diagnostic::is_error) {
                return Some(Err(output.problems));
            }
            warnings.extend(output.problems);
            rendered.extend(output.files);
        }
        let changed = rendered.len();
        let files = built.files.with(rendered);
        built.files = files.clone();
        Some(Ok(Outcome::Rebuilt {
            files,
            changed,
            full: false,
            warnings,
        }))
    }
}
