//! The preview's site, kept in memory between changes.
//!
//! A change to one content file whose front matter is unchanged only
//! re-renders that file's text and the pages that show it (its page in
//! every language and its language's feeds). Anything else — front
//! matter, a new or deleted file, a template, a locale, the
//! configuration — rebuilds the whole site in memory. Nothing is ever
//! written to disk.

use crate::commands::{Loaded, load_site};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load;
use crate::render::{self, Bodies, Content, OutputFile};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A file the server can send.
#[derive(Clone, Debug)]
pub enum Served {
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

/// The site as the server shows it.
#[derive(Default)]
pub struct Snapshot {
    /// By path relative to the output root, `/`-separated.
    pub files: HashMap<String, Served>,
    /// The problems of the last failed rebuild, shown over every page.
    pub problems: Option<String>,
    /// Counts successful rebuilds.
    pub generation: u64,
}

/// What a rebuild did.
pub enum Outcome {
    /// These files changed (all of them after a full rebuild).
    Rebuilt {
        files: usize,
        full: bool,
        warnings: Vec<Diagnostic>,
    },
    /// The site has errors; the last good pages stay.
    Failed(Diagnostics),
}

/// The last good build, kept to update it in place.
struct Built {
    loaded: Loaded,
    bodies: Bodies,
}

/// Builds the site into memory and keeps it up to date.
pub struct Preview {
    root: PathBuf,
    base_url: String,
    drafts: bool,
    built: Option<Built>,
}

fn key(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

impl Preview {
    pub fn new(root: PathBuf, base_url: String, drafts: bool) -> Preview {
        Preview {
            root,
            base_url,
            drafts,
            built: None,
        }
    }

    /// Builds everything from disk into `snapshot`.
    pub fn rebuild_all(&mut self, snapshot: &mut Snapshot) -> Outcome {
        let mut diagnostics = Diagnostics::default();
        let loaded = load_site(
            &self.root,
            Some(&self.base_url),
            self.drafts,
            &mut diagnostics,
        );
        let Some(loaded) = loaded.filter(|_| !diagnostics.has_errors()) else {
            self.built = None;
            return Outcome::Failed(diagnostics);
        };
        let Some(templates) = &loaded.templates else {
            self.built = None;
            return Outcome::Failed(diagnostics);
        };
        let bodies = render::render_bodies(&loaded.site, false);
        let output = render::render_with_bodies(
            &loaded.site,
            &loaded.locales,
            templates,
            &loaded.theme,
            &bodies,
            &|_, _| {},
        );
        diagnostics.extend(output.problems.iter().cloned());
        if diagnostics.has_errors() {
            self.built = None;
            return Outcome::Failed(diagnostics);
        }
        snapshot.files = output
            .files
            .into_iter()
            .map(|f| (key(&f.path), f.content.into()))
            .collect();
        let files = snapshot.files.len();
        self.built = Some(Built { loaded, bodies });
        Outcome::Rebuilt {
            files,
            full: true,
            warnings: diagnostics.iter().cloned().collect(),
        }
    }

    /// Brings `snapshot` up to date after `changed` paths (relative to the
    /// site root) changed on disk.
    pub fn update(&mut self, changed: &[PathBuf], snapshot: &mut Snapshot) -> Outcome {
        match self.try_text_only(changed) {
            Some(Ok((files, warnings))) => {
                let count = files.len();
                for file in files {
                    snapshot.files.insert(key(&file.path), file.content.into());
                }
                Outcome::Rebuilt {
                    files: count,
                    full: false,
                    warnings,
                }
            }
            Some(Err(problems)) => {
                let mut diagnostics = Diagnostics::default();
                diagnostics.extend(problems);
                // The kept model no longer matches the files: next time,
                // start over from disk.
                self.built = None;
                Outcome::Failed(diagnostics)
            }
            None => self.rebuild_all(snapshot),
        }
    }

    /// When every change is to the text of existing content files, the
    /// re-rendered files; `None` when a full rebuild is needed.
    #[allow(clippy::type_complexity)]
    fn try_text_only(
        &mut self,
        changed: &[PathBuf],
    ) -> Option<Result<(Vec<OutputFile>, Vec<Diagnostic>), Vec<Diagnostic>>> {
        let built = self.built.as_mut()?;
        let mut edits = Vec::new();
        for path in changed {
            // A deleted or renamed file changes the site's shape.
            if !self.root.join(path).is_file() {
                return None;
            }
            match load::read_one(&self.root, &built.loaded.site.config, path)? {
                Ok(file) => edits.push(file),
                Err(problems) => return Some(Err(problems)),
            }
        }
        for file in &edits {
            let translation = built.loaded.site.translation_mut(&file.path)?;
            let same_shape = translation.front == file.parsed.front
                && translation.assets == file.assets
                && translation.lang == file.lang;
            if !same_shape {
                return None;
            }
        }
        let mut files = Vec::new();
        let mut warnings = Vec::new();
        for file in edits {
            let site = &mut built.loaded.site;
            let (section, index) = site.position_of_source(&file.path)?;
            let translation = site.translation_mut(&file.path)?;
            translation.body = file.parsed.body;
            translation.body_line = file.parsed.body_line;
            let body = render::render_body(site, section, index, &file.lang, false)?;
            warnings.extend(body.problems.iter().cloned());
            built
                .bodies
                .insert((section, index, file.lang.clone()), body);
            let templates = built.loaded.templates.as_ref()?;
            let (rendered, problems) = render::render_document(
                site,
                &built.loaded.locales,
                templates,
                &built.bodies,
                section,
                index,
            );
            if problems.iter().any(Diagnostic::is_error) {
                return Some(Err(problems));
            }
            warnings.extend(problems);
            files.extend(rendered);
        }
        Some(Ok((files, warnings)))
    }
}
