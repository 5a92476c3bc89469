//! The documents of a site: issues and standalone pages, each in the
//! languages it is written in, with the files copied beside it. Plain
//! data; `model::build` makes them.

use super::front_matter::{FrontMatter, Locations};
use crate::diagnostics::Location;
use crate::lang::Lang;
use crate::load::boundary::VettedPath;
use std::collections::BTreeMap;
use std::path::PathBuf;
use time::Date;

/// The two kinds of content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// `content/issues/`: dated issues of the newsletter.
    Issues,
    /// `content/pages/`: standalone pages such as About.
    Pages,
}

impl Section {
    /// Where its files are, relative to the site root.
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
    /// The file to copy, vetted to lie inside the site: never a link.
    pub source: VettedPath,
    /// Where the site lists it, relative to the site root, for diagnostics.
    pub listed: PathBuf,
    /// Path under the page's folder in the output.
    pub relative: PathBuf,
}

/// Names one translation: its document's place in the site's list of
/// issues or pages, and its language.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TranslationId {
    pub section: Section,
    pub index: usize,
    pub lang: Lang,
}

/// The Markdown body of one translation. Kept out of the model, which
/// never needs it: the body is rendered once, and a build frees each
/// text as soon as it is (holding both was a quarter of its peak memory).
#[derive(Clone, Debug)]
pub struct BodyText {
    pub id: TranslationId,
    pub markdown: String,
}

/// A tag as written in one language, and its URL segment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tag {
    pub name: String,
    pub slug: String,
}

/// One language's text of an issue or page.
#[derive(Clone, Debug)]
pub struct Translation {
    pub lang: Lang,
    /// The Markdown file, relative to the site root.
    pub path: PathBuf,
    pub front: FrontMatter,
    /// The digest of its title, summary and body, as `translate --done`
    /// records it in the translations that follow this text.
    pub digest: String,
    /// The file's line number of the body's first line.
    pub body_line: usize,
    /// URL segment in this language.
    pub slug: String,
    pub tags: Vec<Tag>,
    pub assets: Vec<Asset>,
    /// Where some front matter fields are, for diagnostics.
    pub locations: Locations,
}

impl Translation {
    /// Where `field` is in the file, if it is there.
    pub fn location(&self, field: &str) -> Option<Location> {
        self.locations.get(field)
    }
}

/// An issue or a standalone page, in every language it is written in.
#[derive(Clone, Debug)]
pub struct Document {
    pub section: Section,
    /// The translation key that pairs the files.
    pub key: String,
    pub translations: BTreeMap<Lang, Translation>,
    /// The language the others are translated from.
    pub source_lang: Lang,
    /// The language shown where a translation is missing: the default
    /// language if written in it, else the first configured one that is.
    pub canonical_lang: Lang,
    /// The slug of a language without a translation: from the key.
    pub fallback_slug: String,
}

impl Document {
    /// The text shown to a reader of `lang`: its translation or the canonical one.
    pub fn shown_in(&self, lang: &Lang) -> &Translation {
        self.translations
            .get(lang)
            .or_else(|| self.translations.get(&self.canonical_lang))
            .or_else(|| self.translations.values().next())
            .expect("a document always has at least one translation")
    }

    pub fn is_translated_in(&self, lang: &Lang) -> bool {
        self.translations.contains_key(lang)
    }

    /// The slug of this document's page in `lang`, translated or not.
    pub fn slug_in(&self, lang: &Lang) -> &str {
        self.translations
            .get(lang)
            .map_or(&self.fallback_slug, |t| &t.slug)
    }

    pub fn canonical(&self) -> &Translation {
        self.shown_in(&self.canonical_lang)
    }

    /// The date that orders the archive.
    pub fn date(&self) -> Option<Date> {
        self.canonical().front.date
    }
}

/// Tags of one language, with the issues that carry each.
#[derive(Clone, Debug)]
pub struct TagGroup {
    pub tag: Tag,
    /// Indices into `Site::issues`, newest first.
    pub issues: Vec<usize>,
}
