//! The template contract: what each template of a theme receives, and
//! nothing else. A theme author can read this file as the reference: each
//! template has one struct below, and a field's name is the variable's
//! name in the template (`{{ article.title }}`, `{% for e in years %}`).
//!
//! Every HTML page and feed gets its language's part (`Language`: `lang`,
//! `dir`, `site_title`, `home`, `nav_pages`, `feeds`...), its own frame
//! (`Frame`: `canonical`, `noindex`, `alternates`, `switch`), and the
//! fields of its template's struct, all at the top level:
//!
//! | template       | struct            |
//! |----------------|-------------------|
//! | `chooser.html` | `ChooserPage`     |
//! | `404.html`     | `NotFoundPage`    |
//! | `archive.html` | `ArchivePage`     |
//! | `issue.html`   | `IssuePage`       |
//! | `page.html`    | `StandalonePage`  |
//! | `tags.html`    | `TagsPage`        |
//! | `tag.html`     | `TagPage`         |
//! | `latest.html`  | `LatestPage`      |
//! | `atom.xml`, `rss.xml` | `FeedPage` |
//! | `sitemap.xml`  | `SitemapPage` (alone: no language, no frame) |
//! | `entry.html`   | `EntryTemplate`: `Language` and `e`, one issue in a list |
//!
//! Interface words come from `t(key="...")`, not from here. Plain data:
//! `pages` fills these in, Tera reads them.

use serde::Serialize;

/// What a page of one template receives: its language's part, its own
/// frame, and its template's fields, side by side at the top level.
#[derive(Serialize)]
pub(super) struct Page<'a, T: Serialize> {
    #[serde(flatten)]
    pub(crate) language: &'a Language,
    #[serde(flatten)]
    pub(crate) frame: Frame,
    #[serde(flatten)]
    pub(crate) fields: T,
}

/// What every HTML page of one language has: built once per language.
#[derive(Serialize)]
pub(super) struct Language {
    pub(crate) lang: String,
    pub(crate) dir: &'static str,
    pub(crate) site_title: String,
    pub(crate) site_description: String,
    /// The language's archive, the "home" of its pages.
    pub(crate) home: String,
    pub(crate) tags_url: String,
    pub(crate) stylesheet: String,
    pub(crate) nav_pages: Vec<Link>,
    pub(crate) feeds: Feeds,
}

/// What one page adds to its language's frame: where it stands among the
/// site's pages and its translations.
#[derive(Serialize, Default)]
pub(super) struct Frame {
    /// Absolute URL of the page that should be indexed for this content.
    pub(crate) canonical: Option<String>,
    pub(crate) noindex: bool,
    pub(crate) alternates: Vec<Alternate>,
    /// Links to this page in every configured language.
    pub(crate) switch: Vec<LanguageLink>,
}

/// A `<link rel=alternate hreflang>` target.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
pub(super) struct Alternate {
    pub(crate) hreflang: String,
    pub(crate) href: String,
}

/// A link to the same page in one language.
#[derive(Serialize)]
pub(super) struct LanguageLink {
    pub(crate) lang: String,
    pub(crate) dir: &'static str,
    pub(crate) name: String,
    pub(crate) href: String,
    pub(crate) current: bool,
}

/// A titled link: a page in the navigation, a tag, the next issue.
#[derive(Serialize)]
pub(super) struct Link {
    pub(crate) title: String,
    pub(crate) url: String,
}

/// The language's two feeds.
#[derive(Serialize)]
pub(super) struct Feeds {
    pub(crate) atom: String,
    pub(crate) rss: String,
}

/// An issue as listed in an archive or on a tag page.
#[derive(Serialize, Clone)]
pub(super) struct Entry {
    pub(crate) title: String,
    pub(crate) url: String,
    /// Long date in the page's language.
    pub(crate) date: String,
    /// `YYYY-MM-DD`, for `<time datetime>`.
    pub(crate) datetime: String,
    pub(crate) year: i32,
    pub(crate) number: Option<u32>,
    pub(crate) summary: Option<String>,
    /// Not translated into the page's language: the text shown is in `text_lang`.
    pub(crate) fallback: bool,
    pub(crate) text_lang: String,
    pub(crate) text_dir: &'static str,
    pub(crate) draft: bool,
    /// The entry as the theme's `entry.html` renders it (empty if the
    /// theme has none): made once per issue and language, where a macro
    /// called on every list page re-rendered each entry about four times.
    pub(crate) html: String,
}

/// A run of entries from one year.
#[derive(Serialize)]
pub(super) struct Year<'a> {
    pub(crate) year: i32,
    pub(crate) entries: Vec<&'a Entry>,
}

/// Where a paginated list is and where its neighbours are.
#[derive(Serialize)]
pub(super) struct Pagination {
    pub(crate) current: usize,
    pub(crate) total: usize,
    pub(crate) newer: Option<String>,
    pub(crate) older: Option<String>,
}

/// An issue or standalone page, on its own page.
#[derive(Serialize)]
pub(super) struct Article<'a> {
    pub(crate) title: String,
    pub(crate) summary: Option<String>,
    pub(crate) date: Option<String>,
    pub(crate) datetime: Option<String>,
    pub(crate) number: Option<u32>,
    pub(crate) authors: Vec<String>,
    pub(crate) tags: Vec<Link>,
    pub(crate) cover: Option<Cover>,
    /// Sanitized HTML, borrowed: it is copied into the page's context.
    pub(crate) body: &'a str,
    pub(crate) draft: bool,
    pub(crate) fallback: bool,
    pub(crate) text_lang: String,
    pub(crate) text_dir: &'static str,
    /// For fallback pages: the original's language name and URL.
    pub(crate) original: Option<LanguageLink>,
    pub(crate) extra: serde_json::Value,
}

/// The cover image of an issue, beside its page.
#[derive(Serialize)]
pub(super) struct Cover {
    pub(crate) src: String,
    pub(crate) alt: String,
}

/// A tag in the tag index.
#[derive(Serialize)]
pub(super) struct TagSummary {
    pub(crate) name: String,
    pub(crate) url: String,
    pub(crate) count: usize,
}

/// `chooser.html`, the site's root: one entry per configured language.
#[derive(Serialize)]
pub(super) struct ChooserPage {
    pub(crate) languages: Vec<ChooserLanguage>,
}

/// A language on the chooser, described in itself.
#[derive(Serialize)]
pub(super) struct ChooserLanguage {
    pub(crate) lang: String,
    pub(crate) dir: &'static str,
    /// The language's name in itself ("Español").
    pub(crate) name: String,
    pub(crate) title: String,
    pub(crate) description: String,
    /// Its archive.
    pub(crate) url: String,
}

/// `404.html`: the way back, in every language.
#[derive(Serialize)]
pub(super) struct NotFoundPage {
    pub(crate) languages: Vec<LanguageHome>,
}

/// A language and its archive.
#[derive(Serialize)]
pub(super) struct LanguageHome {
    pub(crate) lang: String,
    pub(crate) dir: &'static str,
    pub(crate) url: String,
}

/// `archive.html`, one page of a language's archive.
#[derive(Serialize)]
pub(super) struct ArchivePage<'a> {
    /// The newest issue, on the first page only.
    pub(crate) featured: Option<&'a Entry>,
    /// The other issues of this page, by year.
    pub(crate) years: Vec<Year<'a>>,
    /// Issues in the whole archive.
    pub(crate) total: usize,
    pub(crate) pagination: Pagination,
}

/// `issue.html`: one issue, with the issues before and after it.
#[derive(Serialize)]
pub(super) struct IssuePage<'a> {
    pub(crate) article: Article<'a>,
    pub(crate) newer: Option<Link>,
    pub(crate) older: Option<Link>,
}

/// `page.html`: a standalone page such as About.
#[derive(Serialize)]
pub(super) struct StandalonePage<'a> {
    pub(crate) article: Article<'a>,
}

/// `tags.html`: every tag of the language.
#[derive(Serialize)]
pub(super) struct TagsPage {
    pub(crate) tags: Vec<TagSummary>,
}

/// `tag.html`: one page of the issues carrying a tag.
#[derive(Serialize)]
pub(super) struct TagPage<'a> {
    pub(crate) tag: Link,
    /// Issues with the tag, on all its pages.
    pub(crate) count: usize,
    pub(crate) years: Vec<Year<'a>>,
    pub(crate) pagination: Pagination,
}

/// `latest.html`: sends the reader on to the newest issue.
#[derive(Serialize)]
pub(super) struct LatestPage<'a> {
    pub(crate) target: Option<&'a Entry>,
}

/// `atom.xml` and `rss.xml`.
#[derive(Serialize)]
pub(super) struct FeedPage<'a> {
    pub(crate) feed: Feed<'a>,
}

/// A language's feed: its newest issues written in it, never fallbacks.
#[derive(Serialize)]
pub(super) struct Feed<'a> {
    /// Absolute URLs everywhere, content included: feed readers show
    /// entries away from the site.
    pub(crate) self_url: String,
    pub(crate) home_url: String,
    /// RFC 3339, for Atom.
    pub(crate) updated: String,
    /// RFC 2822, for RSS.
    pub(crate) pub_date: String,
    pub(crate) entries: &'a [FeedEntry],
}

/// One issue in a feed.
#[derive(Serialize)]
pub(super) struct FeedEntry {
    pub(crate) title: String,
    pub(crate) url: String,
    pub(crate) id: String,
    /// RFC 3339, for Atom.
    pub(crate) updated: String,
    /// RFC 2822, for RSS.
    pub(crate) pub_date: String,
    pub(crate) summary: Option<String>,
    pub(crate) authors: Vec<String>,
    pub(crate) tags: Vec<String>,
    /// Full HTML with absolute links.
    pub(crate) content: String,
}

/// `sitemap.xml`: every canonical page.
#[derive(Serialize)]
pub(super) struct SitemapPage {
    pub(crate) urls: Vec<SitemapUrl>,
}

/// A page in the sitemap, with its translations.
#[derive(Serialize)]
pub(super) struct SitemapUrl {
    pub(crate) loc: String,
    pub(crate) lastmod: Option<String>,
    pub(crate) alternates: Vec<Alternate>,
}

/// `entry.html`: one issue as a list shows it, made once per issue and
/// language and then given to every list as `e.html`.
#[derive(Serialize)]
pub(super) struct EntryTemplate<'a> {
    #[serde(flatten)]
    pub(crate) language: &'a Language,
    pub(crate) e: &'a Entry,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn language() -> Language {
        Language {
            lang: "es".into(),
            dir: "ltr",
            site_title: "MIRA en Acción".into(),
            site_description: String::new(),
            home: "/es/".into(),
            tags_url: "/es/tags/".into(),
            stylesheet: "/style.css".into(),
            nav_pages: Vec::new(),
            feeds: Feeds {
                atom: "/es/atom.xml".into(),
                rss: "/es/rss.xml".into(),
            },
        }
    }

    /// A theme reads every part of a page at the top level: a name
    /// nested under `language` or `frame` would break every theme.
    #[test]
    fn a_page_gives_its_language_its_frame_and_its_fields_side_by_side() {
        let language = language();
        let page = Page {
            language: &language,
            frame: Frame {
                noindex: true,
                ..Frame::default()
            },
            fields: TagsPage { tags: Vec::new() },
        };
        let value = serde_json::to_value(&page).unwrap();
        let mut keys: Vec<&str> = value
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "alternates",
                "canonical",
                "dir",
                "feeds",
                "home",
                "lang",
                "nav_pages",
                "noindex",
                "site_description",
                "site_title",
                "stylesheet",
                "switch",
                "tags",
                "tags_url"
            ]
        );
        assert_eq!(value["noindex"], true);
        assert_eq!(value["feeds"]["rss"], "/es/rss.xml");
    }

    #[test]
    fn an_entry_template_gets_the_language_and_e_only() {
        let language = language();
        let entry = Entry {
            title: "Clínica".into(),
            url: "/es/issues/clinica/".into(),
            date: "1 de marzo de 2026".into(),
            datetime: "2026-03-01".into(),
            year: 2026,
            number: Some(41),
            summary: None,
            fallback: false,
            text_lang: "es".into(),
            text_dir: "ltr",
            draft: false,
            html: String::new(),
        };
        let value = serde_json::to_value(EntryTemplate {
            language: &language,
            e: &entry,
        })
        .unwrap();
        assert_eq!(value["e"]["number"], 41);
        assert_eq!(value["lang"], "es");
        assert!(value.get("canonical").is_none());
    }
}
