//! The read-only part of every page in one language: its templates (with
//! `t()` bound to the language and plain messages written in), the
//! `contract::Language` every page gets, and the two lists many pages
//! share — each issue's archive entry, and the entries of its feeds.
//!
//! The lists are made once. `Plan::whole_site` makes them up front on
//! every core; otherwise the first page that needs one makes it, on its
//! own thread (never with rayon inside a lock: a thread waiting in a
//! rayon join may run another page that asks for the same list).

use super::contract::{self, Entry, EntryTemplate, FeedEntry, Link};
use super::{ENTRY_TEMPLATE, Renderer, context_of, interface_strings};
use crate::diagnostics::Diagnostic;
use crate::i18n::Locales;
use crate::lang::Lang;
use crate::model::{Document, Site};
use rayon::prelude::*;
use std::sync::{Arc, OnceLock};
use tera::Tera;

/// One language's part of every page.
pub(super) struct Language {
    pub(super) tera: Tera,
    pub(super) frame: contract::Language,
    /// Each issue's entry, in archive order, with why `entry.html` failed.
    entries: OnceLock<Listed>,
    feed_entries: OnceLock<Vec<FeedEntry>>,
}

/// Every issue's entry on the pages of one language.
pub(super) struct Listed {
    pub(super) entries: Vec<Entry>,
    /// Why `entry.html` could not be rendered, each reason once.
    pub(super) problems: Vec<Diagnostic>,
}

impl Language {
    pub(super) fn new(
        site: &Site,
        locales: &Arc<Locales>,
        templates: &super::Templates,
        lang: &Lang,
    ) -> Language {
        let mut tera = templates.tera.clone();
        interface_strings::fold_plain_messages(&mut tera, locales, lang);
        tera.register_function(
            "t",
            interface_strings::Translate {
                locales: Arc::clone(locales),
                lang: lang.clone(),
            },
        );
        Language {
            tera,
            frame: frame(site, lang),
            entries: OnceLock::new(),
            feed_entries: OnceLock::new(),
        }
    }
}

/// The parts of every page's context that depend only on its language.
fn frame(site: &Site, lang: &Lang) -> contract::Language {
    let language = site.config.language(lang);
    contract::Language {
        lang: lang.to_string(),
        dir: site.config.dir(lang),
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
        feeds: contract::Feeds {
            atom: site.urls.feed(lang, "atom.xml"),
            rss: site.urls.feed(lang, "rss.xml"),
        },
    }
}

impl Renderer<'_> {
    /// Every issue's entry on pages in `lang`, in archive order.
    pub(super) fn listed(&self, lang: &Lang) -> &Listed {
        self.language(lang)
            .entries
            .get_or_init(|| self.make_listed(lang, false))
    }

    /// The entries of `lang`'s feeds.
    pub(super) fn feed_entries(&self, lang: &Lang) -> &[FeedEntry] {
        self.language(lang)
            .feed_entries
            .get_or_init(|| super::feeds::feed_entries(self, lang))
    }

    /// Makes every language's lists now, on every core, so that no page
    /// waits for one.
    pub(super) fn make_lists(&self) {
        let langs: Vec<&Lang> = self.site.config.langs().collect();
        langs.par_iter().for_each(|&lang| {
            let (listed, feed) = rayon::join(
                || self.make_listed(lang, true),
                || super::feeds::feed_entries(self, lang),
            );
            let language = self.language(lang);
            // Set once here, before any page is rendered.
            let _ = language.entries.set(listed);
            let _ = language.feed_entries.set(feed);
        });
    }

    /// Makes every issue's entry in `lang`, `entry.html` included, on
    /// every core if `parallel`. A template that fails is reported once,
    /// however many entries it failed on.
    fn make_listed(&self, lang: &Lang, parallel: bool) -> Listed {
        let made = |issue: &Document| {
            let mut entry = self.entry(issue, lang);
            let (html, problems) = self.entry_html(&entry, lang);
            entry.html = html;
            (entry, problems)
        };
        let made: Vec<(Entry, Vec<Diagnostic>)> = if parallel {
            self.site.issues.par_iter().map(made).collect()
        } else {
            self.site.issues.iter().map(made).collect()
        };
        let mut problems: Vec<Diagnostic> = Vec::new();
        let entries = made
            .into_iter()
            .map(|(entry, found)| {
                for problem in found {
                    if !problems.contains(&problem) {
                        problems.push(problem);
                    }
                }
                entry
            })
            .collect();
        Listed { entries, problems }
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

    /// `entry` as the theme's `entry.html` renders it on pages in `lang`
    /// (empty if the theme has no such template, or it fails), and why
    /// it failed or what it could not say in `lang`.
    fn entry_html(&self, entry: &Entry, lang: &Lang) -> (String, Vec<Diagnostic>) {
        if !self.template_paths.contains_key(ENTRY_TEMPLATE) {
            return (String::new(), Vec::new());
        }
        let language = self.language(lang);
        let problem = |error: tera::Error| self.template_problem(ENTRY_TEMPLATE, &error);
        let context = match context_of(EntryTemplate {
            language: &language.frame,
            e: entry,
        }) {
            Ok(context) => context,
            Err(error) => return (String::new(), vec![problem(error)]),
        };
        let (html, unformatted) =
            interface_strings::collecting(|| language.tera.render(ENTRY_TEMPLATE, &context));
        let mut problems: Vec<Diagnostic> = unformatted
            .iter()
            .map(|u| self.locales.unformatted(u))
            .collect();
        let html = html.unwrap_or_else(|error| {
            problems.push(problem(error));
            String::new()
        });
        (html, problems)
    }
}
