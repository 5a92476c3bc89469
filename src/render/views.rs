//! One function per kind of page (language chooser, 404, archive, issue
//! or page, tag index, tag, latest): each builds the Tera context its
//! template reads. Feeds and the sitemap are in `feeds`.

use super::Renderer;
use super::context::{self, Entry, Pagination, TagSummary, Year};
use crate::lang::Lang;
use crate::load::Section;
use crate::model::Document;
use tera::Context;

impl Renderer<'_> {
    pub(super) fn context(&self, frame: context::Frame) -> Context {
        let mut context = self
            .language_contexts
            .get(&frame.lang)
            .cloned()
            .unwrap_or_default();
        context.insert("canonical", &frame.canonical);
        context.insert("noindex", &frame.noindex);
        context.insert("alternates", &frame.alternates);
        context.insert("switch", &frame.switch);
        context
    }

    pub(super) fn chooser(&self) -> Context {
        let site = self.site;
        let default = &site.config.default_language;
        let mut frame = self.frame(default);
        frame.canonical = Some(self.absolute(&site.urls.root()));
        frame.alternates =
            self.everywhere_alternates(&|l| site.urls.archive(l, 1), &site.urls.root());
        let mut context = self.context(frame);
        let languages: Vec<_> = site
            .config
            .languages
            .iter()
            .map(|l| {
                serde_json::json!({
                    "lang": l.lang.as_str(), "dir": l.dir.as_str(), "name": self.locales.language_name(&l.lang),
                    "title": l.title, "description": l.description, "url": site.urls.archive(&l.lang, 1),
                })
            })
            .collect();
        context.insert("languages", &languages);
        context
    }

    pub(super) fn not_found(&self) -> Context {
        let site = self.site;
        let mut frame = self.frame(&site.config.default_language);
        frame.noindex = true;
        let mut context = self.context(frame);
        let languages: Vec<_> = site
            .config
            .languages
            .iter()
            .map(|l| serde_json::json!({ "lang": l.lang.as_str(), "dir": l.dir.as_str(), "url": site.urls.archive(&l.lang, 1) }))
            .collect();
        context.insert("languages", &languages);
        context
    }

    /// Groups entries by year, keeping their order.
    pub(super) fn by_year<'e>(entries: impl IntoIterator<Item = &'e Entry>) -> Vec<Year<'e>> {
        let mut years: Vec<Year> = Vec::new();
        for entry in entries {
            match years.last_mut() {
                Some(year) if year.year == entry.year => year.entries.push(entry),
                _ => years.push(Year {
                    year: entry.year,
                    entries: vec![entry],
                }),
            }
        }
        years
    }

    pub(super) fn pagination(
        current: usize,
        total: usize,
        url: &dyn Fn(usize) -> String,
    ) -> Pagination {
        Pagination {
            current,
            total,
            newer: (current > 1).then(|| url(current - 1)),
            older: (current < total).then(|| url(current + 1)),
        }
    }

    pub(super) fn archive(&self, lang: &Lang, page: usize) -> Context {
        let site = self.site;
        let size = site.config.page_size;
        let mut frame = self.frame(lang);
        frame.canonical = Some(self.absolute(&site.urls.archive(lang, page)));
        if page == 1 {
            frame.alternates =
                self.everywhere_alternates(&|l| site.urls.archive(l, 1), &site.urls.root());
        }
        frame.switch = self.switch(lang, &|l| site.urls.archive(l, page));
        let mut context = self.context(frame);
        let first = (page - 1) * size;
        let last = (first + size).min(site.issues.len());
        let entries = self
            .issue_entries(lang)
            .get(first..last)
            .unwrap_or_default();
        let (featured, listed) = match entries {
            [newest, rest @ ..] if page == 1 => (Some(newest), rest),
            _ => (None, entries),
        };
        context.insert("featured", &featured);
        context.insert("years", &Self::by_year(listed));
        context.insert("total", &site.issues.len());
        context.insert(
            "pagination",
            &Self::pagination(page, self.archive_pages(), &|n| site.urls.archive(lang, n)),
        );
        context
    }

    pub(super) fn document(
        &self,
        lang: &Lang,
        section: Section,
        index: usize,
        document: &Document,
    ) -> Context {
        let site = self.site;
        let shown = document.shown_in(lang);
        let fallback = !document.is_translated_in(lang);
        let mut frame = self.frame(lang);
        frame.canonical = Some(self.absolute(&site.url_of(
            document,
            if fallback {
                &document.canonical_lang
            } else {
                lang
            },
        )));
        frame.noindex = fallback;
        if !fallback {
            frame.alternates = self.document_alternates(document);
        }
        frame.switch = self.switch(lang, &|l| site.url_of(document, l));
        let mut context = self.context(frame);
        let body = self
            .bodies
            .get(&(section, index, shown.lang.clone()))
            .map_or("", |b| b.html.as_str());
        context.insert("article", &self.article(document, lang, body));
        if section == Section::Issues {
            let neighbour = |i: Option<usize>| {
                i.and_then(|i| site.issues.get(i)).map(|d| context::Link {
                    title: d.shown_in(lang).front.title.clone(),
                    url: site.url_of(d, lang),
                })
            };
            context.insert("newer", &neighbour(index.checked_sub(1)));
            context.insert("older", &neighbour(Some(index + 1)));
        }
        context
    }

    pub(super) fn tags(&self, lang: &Lang) -> Context {
        let site = self.site;
        let mut frame = self.frame(lang);
        frame.canonical = Some(self.absolute(&site.urls.tags(lang)));
        let default = &site.config.default_language;
        frame.alternates =
            self.everywhere_alternates(&|l| site.urls.tags(l), &site.urls.tags(default));
        frame.switch = self.switch(lang, &|l| site.urls.tags(l));
        let mut context = self.context(frame);
        let tags: Vec<TagSummary> = site.tags[lang]
            .iter()
            .map(|g| TagSummary {
                name: g.tag.name.clone(),
                url: site.urls.tag(lang, &g.tag.slug, 1),
                count: g.issues.len(),
            })
            .collect();
        context.insert("tags", &tags);
        context
    }

    pub(super) fn tag(&self, lang: &Lang, index: usize, page: usize) -> Context {
        let site = self.site;
        let group = &site.tags[lang][index];
        let size = site.config.page_size;
        let mut frame = self.frame(lang);
        frame.canonical = Some(self.absolute(&site.urls.tag(lang, &group.tag.slug, page)));
        frame.switch = self.switch(lang, &|l| site.urls.tags(l));
        let mut context = self.context(frame);
        let all = self.issue_entries(lang);
        let entries = group
            .issues
            .iter()
            .skip((page - 1) * size)
            .take(size)
            .filter_map(|&i| all.get(i));
        let total = site.config.page_count(group.issues.len());
        context.insert(
            "tag",
            &context::Link {
                title: group.tag.name.clone(),
                url: site.urls.tag(lang, &group.tag.slug, 1),
            },
        );
        context.insert("count", &group.issues.len());
        context.insert("years", &Self::by_year(entries));
        context.insert(
            "pagination",
            &Self::pagination(page, total, &|n| site.urls.tag(lang, &group.tag.slug, n)),
        );
        context
    }

    pub(super) fn latest(&self, lang: &Lang) -> Context {
        let site = self.site;
        let mut frame = self.frame(lang);
        frame.noindex = true;
        frame.switch = self.switch(lang, &|l| site.urls.latest(l));
        let newest = &site.issues[0];
        frame.canonical = Some(self.absolute(&site.url_of(newest, lang)));
        let mut context = self.context(frame);
        context.insert("target", &self.issue_entries(lang).first());
        context
    }
}
