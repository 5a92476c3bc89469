//! One function per kind of HTML page (language chooser, 404, archive,
//! issue, standalone page, tag index, tag, latest): each makes the value
//! of `contract` its template receives. Feeds and the sitemap are in
//! `feeds`.

use super::Renderer;
use super::contract::{
    Alternate, ArchivePage, Article, ChooserLanguage, ChooserPage, Cover, Entry, Frame, IssuePage,
    LanguageHome, LanguageLink, LatestPage, Link, NotFoundPage, Page, Pagination, StandalonePage,
    TagPage, TagSummary, TagsPage, Year,
};
use crate::diagnostics::Diagnostic;
use crate::lang::Lang;
use crate::model::{Document, Section};

impl<'r> Renderer<'r> {
    /// A page in `lang` with `frame` and its template's `fields`.
    pub(super) fn page<T: serde::Serialize>(
        &'r self,
        lang: &Lang,
        frame: Frame,
        fields: T,
    ) -> Page<'r, T> {
        Page {
            language: &self.language(lang).frame,
            frame,
            fields,
        }
    }
}

/// The site's root: a choice of language.
pub(super) fn chooser<'r>(r: &'r Renderer) -> Page<'r, ChooserPage> {
    let site = r.site;
    let frame = Frame {
        canonical: Some(r.absolute(&site.urls.root())),
        alternates: everywhere_alternates(r, &|l| site.urls.archive(l, 1), &site.urls.root()),
        ..Frame::default()
    };
    let languages = site
        .config
        .languages
        .iter()
        .map(|l| ChooserLanguage {
            lang: l.lang.to_string(),
            dir: l.dir.as_str(),
            name: r.locales.language_name(&l.lang),
            title: l.title.clone(),
            description: l.description.clone(),
            url: site.urls.archive(&l.lang, 1),
        })
        .collect();
    r.page(
        &site.config.default_language,
        frame,
        ChooserPage { languages },
    )
}

/// The page for addresses the site does not have.
pub(super) fn not_found<'r>(r: &'r Renderer) -> Page<'r, NotFoundPage> {
    let site = r.site;
    let frame = Frame {
        noindex: true,
        ..Frame::default()
    };
    let languages = site
        .config
        .languages
        .iter()
        .map(|l| LanguageHome {
            lang: l.lang.to_string(),
            dir: l.dir.as_str(),
            url: site.urls.archive(&l.lang, 1),
        })
        .collect();
    r.page(
        &site.config.default_language,
        frame,
        NotFoundPage { languages },
    )
}

/// Page `page` of `lang`'s archive, and why its entries could not all
/// be rendered.
pub(super) fn archive<'r>(
    r: &'r Renderer,
    lang: &Lang,
    page: usize,
) -> (Page<'r, ArchivePage<'r>>, Vec<Diagnostic>) {
    let site = r.site;
    let pages = site.config.page_count(site.issues.len());
    let mut frame = Frame {
        canonical: Some(r.absolute(&site.urls.archive(lang, page))),
        switch: switch(r, lang, &|l| site.urls.archive(l, page)),
        ..Frame::default()
    };
    if page == 1 {
        frame.alternates =
            everywhere_alternates(r, &|l| site.urls.archive(l, 1), &site.urls.root());
    }
    let listed = r.listed(lang);
    let size = site.config.page_size;
    let first = (page - 1) * size;
    let last = (first + size).min(site.issues.len());
    let entries = listed.entries.get(first..last).unwrap_or_default();
    let (featured, rest) = match entries {
        [newest, rest @ ..] if page == 1 => (Some(newest), rest),
        _ => (None, entries),
    };
    let fields = ArchivePage {
        featured,
        years: by_year(rest),
        total: site.issues.len(),
        pagination: pagination(page, pages, &|n| site.urls.archive(lang, n)),
    };
    (r.page(lang, frame, fields), listed.problems.clone())
}

/// Issue `index` on its page in `lang`, with its neighbours.
pub(super) fn issue<'r>(r: &'r Renderer, lang: &Lang, index: usize) -> Page<'r, IssuePage<'r>> {
    let site = r.site;
    let (frame, article) = article(r, lang, Section::Issues, index);
    let neighbour = |i: Option<usize>| {
        i.and_then(|i| site.issues.get(i)).map(|d| Link {
            title: d.shown_in(lang).front.title.clone(),
            url: site.url_of(d, lang),
        })
    };
    let fields = IssuePage {
        article,
        newer: neighbour(index.checked_sub(1)),
        older: neighbour(Some(index + 1)),
    };
    r.page(lang, frame, fields)
}

/// Standalone page `index` in `lang`.
pub(super) fn standalone<'r>(
    r: &'r Renderer,
    lang: &Lang,
    index: usize,
) -> Page<'r, StandalonePage<'r>> {
    let (frame, article) = article(r, lang, Section::Pages, index);
    r.page(lang, frame, StandalonePage { article })
}

/// The frame and article of a document's page in `lang`.
fn article<'r>(
    r: &'r Renderer,
    lang: &Lang,
    section: Section,
    index: usize,
) -> (Frame, Article<'r>) {
    let site = r.site;
    let document = site.document(section, index);
    let shown = document.shown_in(lang);
    let fallback = !document.is_translated_in(lang);
    let indexed_lang = if fallback {
        &document.canonical_lang
    } else {
        lang
    };
    let frame = Frame {
        canonical: Some(r.absolute(&site.url_of(document, indexed_lang))),
        noindex: fallback,
        alternates: if fallback {
            Vec::new()
        } else {
            document_alternates(r, document)
        },
        switch: switch(r, lang, &|l| site.url_of(document, l)),
    };
    let id = crate::model::TranslationId {
        section,
        index,
        lang: shown.lang.clone(),
    };
    let body = r.bodies.get(&id).map_or("", |b| b.html.as_str());
    let front = &shown.front;
    let article = Article {
        title: front.title.clone(),
        summary: front.summary.clone(),
        date: front.date.map(|d| r.locales.long_date(lang, d)),
        datetime: front.date.map(|d| d.to_string()),
        number: front.issue,
        authors: front.authors.clone(),
        tags: shown
            .tags
            .iter()
            .map(|tag| Link {
                title: tag.name.clone(),
                url: site.urls.tag(&shown.lang, &tag.slug, 1),
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
        text_dir: r.dir(&shown.lang),
        original: fallback.then(|| LanguageLink {
            lang: shown.lang.to_string(),
            dir: r.dir(&shown.lang),
            name: r.locales.language_name(&shown.lang),
            href: site.url_of(document, &shown.lang),
            current: false,
        }),
        extra: front.extra.clone(),
    };
    (frame, article)
}

/// Every tag of `lang`.
pub(super) fn tags<'r>(r: &'r Renderer, lang: &Lang) -> Page<'r, TagsPage> {
    let site = r.site;
    let default = &site.config.default_language;
    let frame = Frame {
        canonical: Some(r.absolute(&site.urls.tags(lang))),
        alternates: everywhere_alternates(r, &|l| site.urls.tags(l), &site.urls.tags(default)),
        switch: switch(r, lang, &|l| site.urls.tags(l)),
        ..Frame::default()
    };
    let tags = site.tags[lang]
        .iter()
        .map(|g| TagSummary {
            name: g.tag.name.clone(),
            url: site.urls.tag(lang, &g.tag.slug, 1),
            count: g.issues.len(),
        })
        .collect();
    r.page(lang, frame, TagsPage { tags })
}

/// Page `page` of the issues with tag `index` of `lang`, and why their
/// entries could not all be rendered.
pub(super) fn tag<'r>(
    r: &'r Renderer,
    lang: &Lang,
    index: usize,
    page: usize,
) -> (Page<'r, TagPage<'r>>, Vec<Diagnostic>) {
    let site = r.site;
    let group = &site.tags[lang][index];
    let size = site.config.page_size;
    let frame = Frame {
        canonical: Some(r.absolute(&site.urls.tag(lang, &group.tag.slug, page))),
        switch: switch(r, lang, &|l| site.urls.tags(l)),
        ..Frame::default()
    };
    let listed = r.listed(lang);
    let entries = group
        .issues
        .iter()
        .skip((page - 1) * size)
        .take(size)
        .filter_map(|&i| listed.entries.get(i));
    let total = site.config.page_count(group.issues.len());
    let fields = TagPage {
        tag: Link {
            title: group.tag.name.clone(),
            url: site.urls.tag(lang, &group.tag.slug, 1),
        },
        count: group.issues.len(),
        years: by_year(entries),
        pagination: pagination(page, total, &|n| site.urls.tag(lang, &group.tag.slug, n)),
    };
    (r.page(lang, frame, fields), listed.problems.clone())
}

/// The page that sends readers of `lang` to the newest issue.
pub(super) fn latest<'r>(
    r: &'r Renderer,
    lang: &Lang,
) -> (Page<'r, LatestPage<'r>>, Vec<Diagnostic>) {
    let site = r.site;
    let newest = &site.issues[0];
    let frame = Frame {
        canonical: Some(r.absolute(&site.url_of(newest, lang))),
        noindex: true,
        switch: switch(r, lang, &|l| site.urls.latest(l)),
        ..Frame::default()
    };
    let listed = r.listed(lang);
    let fields = LatestPage {
        target: listed.entries.first(),
    };
    (r.page(lang, frame, fields), listed.problems.clone())
}

/// Groups entries by year, keeping their order.
fn by_year<'e>(entries: impl IntoIterator<Item = &'e Entry>) -> Vec<Year<'e>> {
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

fn pagination(current: usize, total: usize, url: &dyn Fn(usize) -> String) -> Pagination {
    Pagination {
        current,
        total,
        newer: (current > 1).then(|| url(current - 1)),
        older: (current < total).then(|| url(current + 1)),
    }
}

/// Hreflang alternates of `document`: its real translations plus
/// `x-default`, the canonical one. Fallback pages are never alternates.
pub(super) fn document_alternates(r: &Renderer, document: &Document) -> Vec<Alternate> {
    let site = r.site;
    let mut alternates: Vec<Alternate> = site
        .config
        .langs()
        .filter(|lang| document.is_translated_in(lang))
        .map(|lang| Alternate {
            hreflang: lang.to_string(),
            href: r.absolute(&site.url_of(document, lang)),
        })
        .collect();
    alternates.push(Alternate {
        hreflang: "x-default".to_string(),
        href: r.absolute(&site.url_of(document, &document.canonical_lang)),
    });
    alternates
}

/// Alternates of a page that exists in every language at `url_in(lang)`,
/// with `x-default` at `default_url`.
pub(super) fn everywhere_alternates(
    r: &Renderer,
    url_in: &dyn Fn(&Lang) -> String,
    default_url: &str,
) -> Vec<Alternate> {
    let mut alternates: Vec<Alternate> = r
        .site
        .config
        .langs()
        .map(|lang| Alternate {
            hreflang: lang.to_string(),
            href: r.absolute(&url_in(lang)),
        })
        .collect();
    alternates.push(Alternate {
        hreflang: "x-default".to_string(),
        href: r.absolute(default_url),
    });
    alternates
}

/// Language switch: the same page in every configured language.
fn switch(r: &Renderer, current: &Lang, url_in: &dyn Fn(&Lang) -> String) -> Vec<LanguageLink> {
    if r.site.config.languages.len() < 2 {
        return Vec::new();
    }
    r.site
        .config
        .langs()
        .map(|lang| LanguageLink {
            lang: lang.to_string(),
            dir: r.dir(lang),
            name: r.locales.language_name(lang),
            href: url_in(lang),
            current: lang == current,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(year: i32, title: &str) -> Entry {
        Entry {
            title: title.into(),
            url: String::new(),
            date: String::new(),
            datetime: String::new(),
            year,
            number: None,
            summary: None,
            fallback: false,
            text_lang: "en".into(),
            text_dir: "ltr",
            draft: false,
            html: String::new(),
        }
    }

    #[test]
    fn entries_group_by_year_in_their_order() {
        let entries = [entry(2026, "c"), entry(2026, "b"), entry(2025, "a")];
        let years = by_year(&entries);
        let shape: Vec<(i32, Vec<&str>)> = years
            .iter()
            .map(|y| (y.year, y.entries.iter().map(|e| e.title.as_str()).collect()))
            .collect();
        assert_eq!(shape, [(2026, vec!["c", "b"]), (2025, vec!["a"])]);
    }

    #[test]
    fn pagination_links_only_to_pages_that_exist() {
        let url = |n: usize| format!("/en/page/{n}/");
        let first = pagination(1, 3, &url);
        assert_eq!(
            (first.newer, first.older.as_deref()),
            (None, Some("/en/page/2/"))
        );
        let last = pagination(3, 3, &url);
        assert_eq!(
            (last.newer.as_deref(), last.older),
            (Some("/en/page/2/"), None)
        );
        let only = pagination(1, 1, &url);
        assert_eq!((only.newer, only.older), (None, None));
    }
}
