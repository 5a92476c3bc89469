//! Contexts for the Atom and RSS feeds and the sitemap.
//!
//! Feeds carry absolute URLs everywhere, content included: feed readers
//! show entries away from the site, where a root-relative link leads
//! nowhere.

use super::Renderer;
use super::contract::{Feed, FeedEntry, FeedPage, Frame, Page, SitemapPage, SitemapUrl};
use super::pages::{document_alternates, everywhere_alternates};
use crate::lang::Lang;
use crate::markdown;
use crate::model::{Section, TranslationId};
use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Date, OffsetDateTime, Time};

/// The date of a feed with no entry yet: the Unix epoch, which every
/// feed reader can parse (unlike `Date::MIN`, which RFC 3339 cannot write).
const NO_DATE: Date = time::macros::date!(1970 - 01 - 01);

fn midnight(date: Date) -> OffsetDateTime {
    date.with_time(Time::MIDNIGHT).assume_utc()
}

fn rfc3339(date: Date) -> String {
    midnight(date).format(&Rfc3339).unwrap_or_default()
}

/// RSS's date (RFC 822 with a four-digit year). Written with our own
/// description: the `time` crate's RFC 2822 refuses years before 1900,
/// which front matter accepts and the feed then carried as an empty date.
fn rfc2822(date: Date) -> String {
    const RSS_DATE: &[time::format_description::BorrowedFormatItem<'static>] =
        format_description!("[weekday repr:short], [day] [month repr:short] [year] 00:00:00 +0000");
    date.format(RSS_DATE).unwrap_or_default()
}

/// The feed `file` (atom.xml or rss.xml) of `lang`: the newest issues
/// written in `lang`, never fallbacks.
pub(super) fn feed<'r>(r: &'r Renderer, lang: &Lang, file: &str) -> Page<'r, FeedPage<'r>> {
    let site = r.site;
    // Made with the model: scanning every issue here, twice per language
    // and again on each of the preview's updates, was half of an update.
    let newest = site.newest.get(lang).copied().unwrap_or(NO_DATE);
    let feed = Feed {
        self_url: r.absolute(&site.urls.feed(lang, file)),
        home_url: r.absolute(&site.urls.archive(lang, 1)),
        updated: rfc3339(newest),
        pub_date: rfc2822(newest),
        entries: r.feed_entries(lang),
    };
    r.page(lang, Frame::default(), FeedPage { feed })
}

/// The entries of `lang`'s feeds: the newest issues written in it. Their
/// content passes the sanitizer once more, to make its links absolute.
pub(super) fn feed_entries(r: &Renderer, lang: &Lang) -> Vec<FeedEntry> {
    let site = r.site;
    site.issues
        .iter()
        .enumerate()
        .filter_map(|(index, document)| Some((index, document, document.translations.get(lang)?)))
        .take(site.config.feed_limit)
        .map(|(index, document, translation)| {
            let url = r.absolute(&site.url_of(document, lang));
            let id = TranslationId {
                section: Section::Issues,
                index,
                lang: lang.clone(),
            };
            let body = r.bodies.get(&id).map_or("", |b| b.html.as_str());
            let date = translation.front.date.unwrap_or(NO_DATE);
            FeedEntry {
                title: translation.front.title.clone(),
                id: url.clone(),
                updated: rfc3339(date),
                pub_date: rfc2822(date),
                summary: translation.front.summary.clone(),
                authors: translation.front.authors.clone(),
                tags: translation.tags.iter().map(|t| t.name.clone()).collect(),
                content: markdown::sanitize_for_feed(body, site.config.raw_html, &r.origin, &url),
                url,
            }
        })
        .collect()
}

/// Every canonical page: archives, issues and pages in the languages
/// they are written in, tag pages. Not fallbacks, redirects or 404.
pub(super) fn sitemap(r: &Renderer) -> SitemapPage {
    let site = r.site;
    let urls = &site.urls;
    let default = &site.config.default_language;
    let mut entries = Vec::new();
    let mut add = |url: String, lastmod: Option<Date>, alternates| {
        entries.push(SitemapUrl {
            loc: r.absolute(&url),
            lastmod: lastmod.map(|d| d.to_string()),
            alternates,
        });
    };
    let home_alternates = everywhere_alternates(r, &|l| urls.archive(l, 1), &urls.root());
    add(urls.root(), None, home_alternates.clone());
    for lang in site.config.langs() {
        add(urls.archive(lang, 1), None, home_alternates.clone());
        for page in 2..=site.config.page_count(site.issues.len()) {
            add(urls.archive(lang, page), None, Vec::new());
        }
        add(
            urls.tags(lang),
            None,
            everywhere_alternates(r, &|l| urls.tags(l), &urls.tags(default)),
        );
        for group in &site.tags[lang] {
            let pages = site.config.page_count(group.issues.len());
            for page in 1..=pages {
                add(urls.tag(lang, &group.tag.slug, page), None, Vec::new());
            }
        }
    }
    for document in site.issues.iter().chain(&site.pages) {
        let alternates = document_alternates(r, document);
        for (lang, translation) in &document.translations {
            add(
                site.url_of(document, lang),
                translation.front.date,
                alternates.clone(),
            );
        }
    }
    SitemapPage { urls: entries }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::RawHtml;
    use time::format_description::well_known::Rfc2822;

    #[test]
    fn feed_dates_are_written_for_every_year_front_matter_accepts() {
        use time::macros::date;
        assert_eq!(
            rfc2822(date!(2026 - 03 - 01)),
            "Sun, 01 Mar 2026 00:00:00 +0000"
        );
        assert_eq!(
            rfc2822(date!(1899 - 12 - 31)),
            "Sun, 31 Dec 1899 00:00:00 +0000"
        );
        assert_eq!(
            rfc2822(date!(0001 - 01 - 01)),
            "Mon, 01 Jan 0001 00:00:00 +0000"
        );
        assert_eq!(rfc3339(date!(0001 - 01 - 01)), "0001-01-01T00:00:00Z");
        // Where `time` can read it, it reads back the same day.
        let read = OffsetDateTime::parse(&rfc2822(date!(2026 - 03 - 01)), &Rfc2822).unwrap();
        assert_eq!(read.date(), date!(2026 - 03 - 01));
    }

    #[test]
    fn links_in_feed_content_become_absolute() {
        let html = r##"<a href="/en/issues/b/">b</a> <img src="cover.svg" alt=""> <a href="#x">x</a> <a href="mailto:a@b.c">m</a>"##;
        let out = markdown::sanitize_for_feed(
            html,
            RawHtml::Sanitize,
            "https://ex.org",
            "https://ex.org/en/issues/a/",
        );
        assert!(
            out.contains(r#"href="https://ex.org/en/issues/b/""#),
            "{out}"
        );
        assert!(
            out.contains(r#"src="https://ex.org/en/issues/a/cover.svg""#),
            "{out}"
        );
        assert!(
            out.contains(r##"href="https://ex.org/en/issues/a/#x""##),
            "{out}"
        );
        assert!(out.contains(r#"href="mailto:a@b.c""#), "{out}");
    }
}
