//! Typed template contexts: what each template may use, built from the
//! model. Templates see these field names and nothing else, so the theme
//! contract is this file.

use super::Renderer;
use crate::diagnostics::Diagnostic;
use crate::lang::Lang;
use crate::model::{Document, Translation};
use serde::Serialize;
use std::collections::HashMap;

/// What every HTML page of one language has: built once per language.
#[derive(Serialize)]
pub struct LanguageFrame {
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
pub struct Frame {
    pub lang: Lang,
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

#[derive(Serialize)]
pub struct Link {
    pub title: String,
    pub url: String,
}

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

impl Renderer<'_> {
    /// Every issue's archive and tag-page entry on pages in `lang`, in
    /// archive order; none before `prepare_entries` (the preview's small
    /// updates render no list and do not pay for them).
    pub fn issue_entries(&self, lang: &Lang) -> &[Entry] {
        self.entries.get(lang).map_or(&[], Vec::as_slice)
    }

    /// Makes every language's entries, `entry.html` included, on all
    /// threads. A template that fails is reported once, however many
    /// entries it failed on.
    pub fn prepare_entries(&mut self) {
        use rayon::prelude::*;
        let langs: Vec<&Lang> = self.site.config.langs().collect();
        let made: Vec<Vec<(Entry, Result<String, Diagnostic>)>> = langs
            .par_iter()
            .map(|&lang| {
                let frame = self.language_contexts.get(lang).cloned();
                self.site
                    .issues
                    .par_iter()
                    // One context per batch of entries: only `e` changes.
                    .map_init(
                        || frame.clone().unwrap_or_default(),
                        |context, issue| {
                            let entry = self.entry(issue, lang);
                            let html = self.entry_html(context, &entry, lang);
                            (entry, html)
                        },
                    )
                    .collect()
            })
            .collect();
        let mut entries = HashMap::new();
        let mut problems: Vec<Diagnostic> = Vec::new();
        for (lang, list) in langs.into_iter().zip(made) {
            let list = list
                .into_iter()
                .map(|(mut entry, html)| {
                    match html {
                        Ok(html) => entry.html = html,
                        Err(problem) if !problems.contains(&problem) => problems.push(problem),
                        Err(_) => {}
                    }
                    entry
                })
                .collect();
            entries.insert(lang.clone(), list);
        }
        self.entries = entries;
        self.entry_problems = problems;
    }

    /// An archive or tag-page entry for `document` on a page in `lang`,
    /// without its `html`.
    fn entry(&self, document: &Document, lang: &Lang) -> Entry {
        let shown = document.shown_in(lang);
        let date = shown.front.date;
        Entry {
            title: shown.front.title.clone(),
            url: self.site.url_of(document, lang),
            date: date
                .map(|d| self.locales.long_date(lang, d))
                .unwrap_or_default(),
            datetime: date.map(|d| d.to_string()).unwrap_or_default(),
            year: date.map_or(0, |d| d.year()),
            number: shown.front.issue,
            summary: shown.front.summary.clone(),
            fallback: !document.is_translated_in(lang),
            text_lang: shown.lang.to_string(),
            text_dir: self.dir(&shown.lang),
            draft: shown.front.draft,
            html: String::new(),
        }
    }

    /// The full article of `document` for a page in `lang`.
    pub fn article<'a>(&self, document: &Document, lang: &Lang, body: &'a str) -> Article<'a> {
        let shown: &Translation = document.shown_in(lang);
        let fallback = !document.is_translated_in(lang);
        let front = &shown.front;
        Article {
            title: front.title.clone(),
            summary: front.summary.clone(),
            date: front.date.map(|d| self.locales.long_date(lang, d)),
            datetime: front.date.map(|d| d.to_string()),
            number: front.issue,
            authors: front.authors.clone(),
            tags: shown
                .tags
                .iter()
                .map(|tag| Link {
                    title: tag.name.clone(),
                    url: self.site.urls.tag(&shown.lang, &tag.slug, 1),
                })
                .collect(),
            cover: front.cover.as_ref().map(|src| Cover {
                src: crate::model::urls::relative_file_url(src),
                alt: front.cover_alt.clone().unwrap_or_default(),
            }),
            body,
            draft: front.draft,
            fallback,
            text_lang: shown.lang.to_string(),
            text_dir: self.dir(&shown.lang),
            original: fallback.then(|| LanguageLink {
                lang: shown.lang.to_string(),
                dir: self.dir(&shown.lang),
                name: self.locales.language_name(&shown.lang),
                href: self.site.url_of(document, &shown.lang),
                current: false,
            }),
            extra: front.extra.clone(),
        }
    }

    /// Hreflang alternates of `document`: its real translations plus
    /// `x-default`, the canonical one. Fallback pages are never alternates.
    pub fn document_alternates(&self, document: &Document) -> Vec<Alternate> {
        let mut alternates: Vec<Alternate> = self
            .site
            .config
            .langs()
            .filter(|lang| document.is_translated_in(lang))
            .map(|lang| Alternate {
                hreflang: lang.to_string(),
                href: self.absolute(&self.site.url_of(document, lang)),
            })
            .collect();
        alternates.push(Alternate {
            hreflang: "x-default".to_string(),
            href: self.absolute(&self.site.url_of(document, &document.canonical_lang)),
        });
        alternates
    }

    /// Alternates of a page that exists in every language at `url_in(lang)`,
    /// with `x-default` at `default_url`.
    pub fn everywhere_alternates(
        &self,
        url_in: &dyn Fn(&Lang) -> String,
        default_url: &str,
    ) -> Vec<Alternate> {
        let mut alternates: Vec<Alternate> = self
            .site
            .config
            .langs()
            .map(|lang| Alternate {
                hreflang: lang.to_string(),
                href: self.absolute(&url_in(lang)),
            })
            .collect();
        alternates.push(Alternate {
            hreflang: "x-default".to_string(),
            href: self.absolute(default_url),
        });
        alternates
    }

    /// Language switch: the same page in every configured language.
    pub fn switch(&self, current: &Lang, url_in: &dyn Fn(&Lang) -> String) -> Vec<LanguageLink> {
        if self.site.config.languages.len() < 2 {
            return Vec::new();
        }
        self.site
            .config
            .langs()
            .map(|lang| LanguageLink {
                lang: lang.to_string(),
                dir: self.dir(lang),
                name: self.locales.language_name(lang),
                href: url_in(lang),
                current: lang == current,
            })
            .collect()
    }

    /// The frame of a page in `lang`; the caller fills in canonical,
    /// alternates and switch.
    pub fn frame(&self, lang: &Lang) -> Frame {
        Frame {
            lang: lang.clone(),
            canonical: None,
            noindex: false,
            alternates: Vec::new(),
            switch: Vec::new(),
        }
    }

    /// The parts of every page's context that depend only on its language.
    pub fn language_frame(&self, lang: &Lang) -> LanguageFrame {
        let site = self.site;
        let language = site.config.language(lang);
        LanguageFrame {
            lang: lang.to_string(),
            dir: self.dir(lang),
            site_title: language.map(|l| l.title.clone()).unwrap_or_default(),
            site_description: language.map(|l| l.description.clone()).unwrap_or_default(),
            home: site.urls.archive(lang, 1),
            tags_url: site.urls.tags(lang),
            stylesheet: site.urls.file("style.css"),
            nav_pages: site
                .pages
                .iter()
                .map(|page| Link {
                    title: page.shown_in(lang).front.title.clone(),
                    url: site.url_of(page, lang),
                })
                .collect(),
            feeds: Feeds {
                atom: site.urls.feed(lang, "atom.xml"),
                rss: site.urls.feed(lang, "rss.xml"),
            },
        }
    }
}
