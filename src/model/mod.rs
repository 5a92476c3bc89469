//! The site as readers will see it, built from the loaded files: documents
//! with their translations paired, the archive order, tags per language,
//! and which language stands in where a translation is missing. No I/O.

mod build;
mod document;
mod front_matter;
pub(crate) mod urls;

pub(crate) use build::{Drafts, build};
pub(crate) use document::{
    Asset, BodyText, Document, Section, TagGroup, Translation, TranslationId,
};
pub(crate) use front_matter::{FrontMatter, Locations, YAML_LINE};

use crate::config::Config;
use crate::lang::Lang;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// The longest URL segment (a slug, a tag's segment), in bytes: the
/// longest file name common file systems (ext4, APFS, NTFS) allow. Checked
/// here, so that `check` and `build` agree, instead of failing in `write`.
pub(crate) const MAX_SEGMENT_BYTES: usize = 255;

/// The longest path of a file in the output, relative to the output
/// folder, in bytes: a quarter of Linux's 4,096, leaving room for the
/// output folder's own path.
pub(crate) const MAX_OUTPUT_PATH_BYTES: usize = 1024;

/// The whole site, ready to render. It never changes once built: a
/// command that needs another (the preview, after an edit) builds a new one.
#[derive(Clone, Debug)]
pub(crate) struct Site {
    pub(crate) config: Config,
    pub(crate) urls: urls::Urls,
    /// Newest first.
    pub(crate) issues: Vec<Document>,
    /// By key.
    pub(crate) pages: Vec<Document>,
    /// Per language, by tag slug.
    pub(crate) tags: BTreeMap<Lang, Vec<TagGroup>>,
    /// The date of the newest issue written in each language (none if
    /// no issue in it has a date).
    pub(crate) newest: BTreeMap<Lang, time::Date>,
    /// Every Markdown file, to turn links between source files into URLs.
    pub(super) by_source: HashMap<PathBuf, (Section, usize)>,
}

impl Site {
    /// The document whose file is at `path` (relative to the site root).
    pub(crate) fn by_source_path(&self, path: &Path) -> Option<&Document> {
        let (section, index) = self.by_source.get(path)?;
        match section {
            Section::Issues => self.issues.get(*index),
            Section::Pages => self.pages.get(*index),
        }
    }

    /// The document at `index` of `section`'s list.
    pub(crate) fn document(&self, section: Section, index: usize) -> &Document {
        match section {
            Section::Issues => &self.issues[index],
            Section::Pages => &self.pages[index],
        }
    }

    /// Where the document whose file is at `path` sits in its list.
    pub(crate) fn position_of_source(&self, path: &Path) -> Option<(Section, usize)> {
        self.by_source.get(path).copied()
    }

    /// The URL of `document` in `lang`.
    pub(crate) fn url_of(&self, document: &Document, lang: &Lang) -> String {
        match document.section {
            Section::Issues => self.urls.issue(lang, document.slug_in(lang)),
            Section::Pages => self.urls.page(lang, document.slug_in(lang)),
        }
    }
}

/// Turns text into a URL segment: lowercase ASCII words joined by hyphens.
pub(crate) fn slugify(text: &str) -> String {
    slug::slugify(text)
}
