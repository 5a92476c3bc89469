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
pub(crate) enum Section {
    /// `content/issues/`: dated issues of the newsletter.
    Issues,
    /// `content/pages/`: standalone pages such as About.
    Pages,
}

impl Section {
    /// Where its files are, relative to the site root.
    pub(crate) fn folder(self) -> &'static str {
        match self {
            Section::Issues => "content/issues",
            Section::Pages => "content/pages",
        }
    }
}

/// A file copied next to a page: an image beside an issue, say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Asset {
    /// The file to copy, vetted to lie inside the site: never a link.
    pub(crate) source: VettedPath,
    /// Where the site lists it, relative to the site root, for diagnostics.
    pub(crate) listed: PathBuf,
    /// Path under the page's folder in the output.
    pub(crate) relative: PathBuf,
}

/// Names one translation: its document's place in the site's list of
/// issues or pages, and its language.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct TranslationId {
    pub(crate) section: Section,
    pub(crate) index: usize,
    pub(crate) lang: Lang,
}

/// The Markdown body of one translation. Kept out of the model, which
/// never needs it: the body is rendered once, and a build frees each
/// text as soon as it is (holding both was a quarter of its peak memory).
#[derive(Clone, Debug)]
pub(crate) struct BodyText {
    pub(crate) id: TranslationId,
    pub(crate) markdown: String,
    /// The file's line number of the body's first line, for diagnostics.
    pub(crate) first_line: usize,
}

/// A tag as written in one language, and its URL segment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Tag {
    pub(crate) name: String,
    pub(crate) slug: String,
}

/// One language's text of an issue or page.
#[derive(Clone, Debug)]
pub(crate) struct Translation {
    pub(crate) lang: Lang,
    /// The Markdown file, relative to the site root.
    pub(crate) path: PathBuf,
    pub(crate) front: FrontMatter,
    /// URL segment in this language.
    pub(crate) slug: String,
    pub(crate) tags: Vec<Tag>,
    pub(crate) assets: Vec<Asset>,
    /// Where some front matter fields are, for diagnostics.
    pub(crate) locations: Locations,
}

impl Translation {
    /// Where `field` is in the file, if it is there.
    pub(crate) fn location(&self, field: &str) -> Option<Location> {
        self.locations.get(field)
    }
}

/// An issue or a standalone page, in every language it is written in.
#[derive(Clone, Debug)]
pub(crate) struct Document {
    pub(crate) section: Section,
    /// The translation key that pairs the files.
    pub(crate) key: String,
    pub(crate) translations: BTreeMap<Lang, Translation>,
    /// The language the others are translated from.
    pub(crate) source_lang: Lang,
    /// The language shown where a translation is missing: the default
    /// language if written in it, else the first configured one that is.
    pub(crate) canonical_lang: Lang,
    /// The slug of a language without a translation: from the key.
    pub(crate) fallback_slug: String,
}

impl Document {
    /// The text shown to a reader of `lang`: its translation or the canonical one.
    #[expect(
        clippy::expect_used,
        reason = "model::build makes no document without a translation"
    )]
    pub(crate) fn shown_in(&self, lang: &Lang) -> &Translation {
        self.translations
            .get(lang)
            .or_else(|| self.translations.get(&self.canonical_lang))
            .or_else(|| self.translations.values().next())
            .expect("a document always has at least one translation")
    }

    pub(crate) fn is_translated_in(&self, lang: &Lang) -> bool {
        self.translations.contains_key(lang)
    }

    /// The slug of this document's page in `lang`, translated or not.
    pub(crate) fn slug_in(&self, lang: &Lang) -> &str {
        self.translations
            .get(lang)
            .map_or(&self.fallback_slug, |t| &t.slug)
    }

    pub(crate) fn canonical(&self) -> &Translation {
        self.shown_in(&self.canonical_lang)
    }

    /// The date that orders the archive.
    pub(crate) fn date(&self) -> Option<Date> {
        self.canonical().front.date
    }
}

/// Tags of one language, with the issues that carry each.
#[derive(Clone, Debug)]
pub(crate) struct TagGroup {
    pub(crate) tag: Tag,
    /// Indices into `Site::issues`, newest first.
    pub(crate) issues: Vec<usize>,
}
