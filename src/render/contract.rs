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
pub struct Page<'a, T: Serialize> {
    #[serde(flatten)]
    pub language: &'a Language,
    #[serde(flatten)]
    pub frame: Frame,
    #[serde(flatten)]
    pub fields: T,
}

/// What every HTML page of one language has: built once per language.
#[derive(Serialize)]
pub struct Language {
    pub lang: String,
    pub dir: &'static str,
    pub site_title: String,
    pub site_description: String,
    /// The language's archive, the "home" of its pages.
    pub home: String,
    pub tags_url: String,
    pub stylesheet: String,
    pub nav_pages: Vec<Link>,
    pub feeds: Feeds,
}

/// What one page adds to its language's frame: where it stands among the
/// site's pages and its translations.
#[derive(Serialize, Default)]
pub struct Frame {
    /// Absolute URL of the page that should be indexed for this content.
    pub canonical: Option<String>,
    pub noindex: bool,
    pub alternates: Vec<Alternate>,
    /// Links to this page in every configured language.
    pub switch: Vec<LanguageLink>,
}

/// A `<link rel=alternate hreflang>` target.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
pub struct Alternate {
    pub hreflang: String,
    pub href: String,
}

/// A link to the same page in one language.
#[derive(Serialize)]
pub struct LanguageLink {
    pub lang: String,
    pub dir: &'static str,
    pub name: String,
    pub href: String,
    pub current: bool,
}

/// A titled link: a page in the navigation, a tag, the next issue.
#[derive(Serialize)]
pub struct Link {
    pub title: String,
    pub url: String,
}

/// The language's two feeds.
#[derive(Serialize)]
pub struct Feeds {
    pub atom: String,
    pub rss: String,
}

/// An issue as listed in an archive or on a tag page.
#[derive(Serialize, Clone)]
pub struct Entry {
    pub title: String,
    pub url: String,
    /// Long date in the page's language.
    pub date: String,
    /// `YYYY-MM-DD`, for `<time datetime>`.
    pub datetime: String,
    pub year: i32,
    pub number: Option<u32>,
    pub summary: Option<String>,
    /// Not translated into the page's language: the text shown is in `text_lang`.
    pub fallback: bool,
    pub text_lang: String,
    pub text_dir: &'static str,
    pub draft: bool,
    /// The entry as the theme's `entry.html` renders it (empty if the
    /// theme has none): made once per issue and language, where a macro
    /// called on every list page re-rendered each entry about four times.
    pub html: String,
}

/// A run of entries from one year.
#[derive(Serialize)]
pub struct Year<'a> {
    pub year: i32,
    pub entries: Vec<&'a Entry>,
}

/// Where a paginated list is and where its neighbours are.
#[derive(Serialize)]
pub struct Pagination {
    pub current: usize,
    pub total: usize,
    pub newer: Option<String>,
    pub older: Option<String>,
}

/// An issue or standalone page, on its own page.
#[derive(Serialize)]
pub struct Article<'a> {
    pub title: String,
    pub summary: Option<String>,
    pub date: Option<String>,
    pub datetime: Option<String>,
    pub number: Option<u32>,
    pub authors: Vec<String>,
    pub tags: Vec<Link>,
    pub cover: Option<Cover>,
    /// Sanitized HTML, borrowed: it is copied into the page's context.
    pub body: &'a str,
    pub draft: bool,
    pub fallback: bool,
    pub text_lang: String,
    pub text_dir: &'static str,
    /// For fallback pages: the original's language name and URL.
    pub original: Option<LanguageLink>,
    pub extra: serde_json::Value,
}

/// The cover image of an issue, beside its page.
#[derive(Serialize)]
pub struct Cover {
    pub src: String,
    pub alt: String,
}

/// A tag in the tag index.
#[derive(Serialize)]
pub struct TagSummary {
    pub name: String,
    pub url: String,
    pub count: usize,
}

/// `chooser.html`, the site's root: one entry per configured language.
#[derive(Serialize)]
pub struct ChooserPage {
    pub languages: Vec<ChooserLanguage>,
}

/// A language on the chooser, described in itself.
#[derive(Serialize)]
pub struct ChooserLanguage {
    pub lang: String,
    pub dir: &'static str,
    /// The language's name in itself ("Español").
    pub name: String,
    pub title: String,
    pub description: String,
    /// Its archive.
    pub url: String,
}

/// `404.html`: the way back, in every language.
#[derive(Serialize)]
pub struct NotFoundPage {
    pub languages: Vec<LanguageHome>,
}

/// A language and its archive.
#[derive(Serialize)]
pub struct LanguageHome {
    pub lang: String,
    pub dir: &'static str,
    pub url: String,
}

/// `archive.html`, one page of a language's archive.
#[derive(Serialize)]
pub struct ArchivePage<'a> {
    /// The newest issue, on the first page only.
    pub featured: Option<&'a Entry>,
    /// The other issues of this page, by year.
    pub years: Vec<Year<'a>>,
    /// Issues in the whole archive.
    pub total: usize,
    pub pagination: Pagination,
}

/// `issue.html`: one issue, with the issues before and after it.
#[derive(Serialize)]
pub struct IssuePage<'a> {
    pub article: Article<'a>,
    pub newer: Option<Link>,
    pub older: Option<Link>,
}

/// `page.html`: a standalone page such as About.
#[derive(Serialize)]
pub struct StandalonePage<'a> {
    pub article: Article<'a>,
}

/// `tags.html`: every tag of the language.
#[derive(Serialize)]
pub struct TagsPage {
    pub tags: Vec<TagSummary>,
}

/// `tag.html`: one page of the issues carrying a tag.
#[derive(Serialize)]
pub struct TagPage<'a> {
    pub tag: Link,
    /// Issues with the tag, on all its pages.
    pub count: usize,
    pub years: Vec<Year<'a>>,
    pub pagination: Pagination,
}

/// `latest.html`: sends the reader on to the newest issue.
#[derive(Serialize)]
pub struct LatestPage<'a> {
    pub target: Option<&'a Entry>,
}

/// `atom.xml` and `rss.xml`.
#[derive(Serialize)]
pub struct FeedPage<'a> {
    pub feed: Feed<'a>,
}

/// A language's feed: its newest issues written in it, never fallbacks.
#[derive(Serialize)]
pub struct Feed<'a> {
    /// Absolute URLs everywhere, content included: feed readers show
    /// entries away from the site.
    pub self_url: String,
    pub home_url: String,
    /// RFC 3339, for Atom.
    pub updated: String,
    /// RFC 2822, for RSS.
    pub pub_date: String,
    pub entries: &'a [FeedEntry],
}

/// One issue in a feed.
#[derive(Serialize)]
pub struct FeedEntry {
    pub title: String,
    pub url: String,
    pub id: String,
    /// RFC 3339, for Atom.
    pub updated: String,
    /// RFC 2822, for RSS.
    pub pub_date: String,
    pub summary: Option<String>,
    pub authors: Vec<String>,
    pub tags: Vec<String>,
    /// Full HTML with absolute links.
    pub content: String,
}

/// `sitemap.xml`: every canonical page.
#[derive(Serialize)]
pub struct SitemapPage {
    pub urls: Vec<SitemapUrl>,
}

/// A page in the sitemap, with its translations.
#[derive(Serialize)]
pub struct SitemapUrl {
    pub loc: String,
    pub lastmod: Option<String>,
    pub alternates: Vec<Alternate>,
}

/// `entry.html`: one issue as a list shows it, made once per issue and
/// language and then given to every list as `e.html`.
#[derive(Serialize)]
pub struct EntryTemplate<'a> {
    #[serde(flatten)]
    pub language: &'a Language,
    pub e: &'a Entry,
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
