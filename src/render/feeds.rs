//! Contexts for the Atom and RSS feeds and the sitemap.
//!
//! Feeds carry absolute URLs everywhere, content included: feed readers
//! show entries away from the site, where a root-relative link leads
//! nowhere.

use super::Renderer;
use super::context::Alternate;
use crate::lang::Lang;
use crate::load::Section;
use serde::Serialize;
use tera::Context;
use time::format_description::well_known::{Rfc2822, Rfc3339};
use time::{Date, OffsetDateTime, Time};

#[derive(Serialize)]
struct FeedEntry {
    title: String,
    url: String,
    id: String,
    /// RFC 3339, for Atom.
    updated: String,
    /// RFC 2822, for RSS.
    pub_date: String,
    summary: Option<String>,
    authors: Vec<String>,
    tags: Vec<String>,
    /// Full HTML with absolute links.
    content: String,
}

#[derive(Serialize)]
struct Feed {
    self_url: String,
    home_url: String,
    updated: String,
    pub_date: String,
    entries: Vec<FeedEntry>,
}

#[derive(Serialize)]
struct SitemapUrl {
    loc: String,
    lastmod: Option<String>,
    alternates: Vec<Alternate>,
}

/// The date of a feed with no entry yet: the Unix epoch, which every
/// feed reader can parse (unlike `Date::MIN`, which RFC 3339 cannot write).
const NO_DATE: Date = time::macros::date!(1970 - 01 - 01);

fn midnight(date: Date) -> OffsetDateTime {
    date.with_time(Time::MIDNIGHT).assume_utc()
}

fn rfc3339(date: Date) -> String {
    midnight(date).format(&Rfc3339).unwrap_or_default()
}

fn rfc2822(date: Date) -> String {
    midnight(date).format(&Rfc2822).unwrap_or_default()
}

impl Renderer<'_> {
    /// The feed `file` (atom.xml or rss.xml) of `lang`: the newest issues
    /// written in `lang`, never fallbacks.
    pub(super) fn feed(&self, lang: &Lang, file: &str) -> Context {
        let site = self.site;
        let entries: Vec<FeedEntry> = site
            .issues
            .iter()
            .enumerate()
            .filter_map(|(index, document)| {
                Some((index, document, document.translations.get(lang)?))
            })
            .take(site.config.feed_limit)
            .map(|(index, document, translation)| {
                let url = self.absolute(&site.url_of(document, lang));
                let body = self
                    .bodies
                    .get(&(Section::Issues, index, lang.clone()))
                    .map_or("", |b| b.html.as_str());
                let date = translation.front.date.unwrap_or(NO_DATE);
                FeedEntry {
                    title: translation.front.title.clone(),
                    id: url.clone(),
                    updated: rfc3339(date),
                    pub_date: rfc2822(date),
                    summary: translation.front.summary.clone(),
                    authors: translation.front.authors.clone(),
                    tags: translation.tags.iter().map(|t| t.name.clone()).collect(),
                    content: absolutize(body, &self.origin, &url),
                    url,
                }
            })
            .collect();
        let newest = site
            .issues
            .iter()
            .filter_map(|d| d.translations.get(lang)?.front.date)
            .max()
            .unwrap_or(NO_DATE);
        let mut context = self.context(self.frame(lang));
        context.insert(
            "feed",
            &Feed {
                self_url: self.absolute(&site.urls.feed(lang, file)),
                home_url: self.absolute(&site.urls.archive(lang, 1)),
                updated: rfc3339(newest),
                pub_date: rfc2822(newest),
                entries,
            },
        );
        context
    }

    /// Every canonical page: archives, issues and pages in the languages
    /// they are written in, tag pages. Not fallbacks, redirects or 404.
    pub(super) fn sitemap(&self) -> Context {
        let site = self.site;
        let urls = &site.urls;
        let default = &site.config.default_language;
        let mut entries = Vec::new();
        let mut add = |url: String, lastmod: Option<Date>, alternates: Vec<Alternate>| {
            entries.push(SitemapUrl {
                loc: self.absolute(&url),
                lastmod: lastmod.map(|d| d.to_string()),
                alternates,
            });
        };
        let home_alternates = self.everywhere_alternates(&|l| urls.archive(l, 1), &urls.root());
        add(urls.root(), None, home_alternates.clone());
        for lang in site.config.langs() {
            add(urls.archive(lang, 1), None, home_alternates.clone());
            for page in 2..=self.archive_pages() {
                add(urls.archive(lang, page), None, Vec::new());
            }
            add(
                urls.tags(lang),
                None,
                self.everywhere_alternates(&|l| urls.tags(l), &urls.tags(default)),
            );
            for group in &site.tags[lang] {
                let pages = site.config.page_count(group.issues.len());
                for page in 1..=pages {
                    add(urls.tag(lang, &group.tag.slug, page), None, Vec::new());
                }
            }
        }
        for document in site.issues.iter().chain(&site.pages) {
            let alternates = self.document_alternates(document);
            for (lang, translation) in &document.translations {
                add(
                    site.url_of(document, lang),
                    translation.front.date,
                    alternates.clone(),
                );
            }
        }
        let mut context = Context::new();
        context.insert("urls", &entries);
        context
    }
}

/// Makes every `href` and `src` in `html` absolute: root-relative ones
/// against `origin`, relative ones against `page_url` (which ends in `/`).
fn absolutize(html: &str, origin: &str, page_url: &str) -> String {
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html;
    while let Some(position) = find_url_attribute(rest) {
        let (before, after) = rest.split_at(position);
        out.push_str(before);
        let Some(end) = after.find('"') else { break };
        out.push_str(&after[..=end]);
        let value_start = &after[end + 1..];
        let value_end = value_start.find('"').unwrap_or(value_start.len());
        let value = &value_start[..value_end];
        if value.starts_with("//")
            || value.contains(':') && !value.starts_with('/') && !value.starts_with('#')
        {
            out.push_str(value);
        } else if value.starts_with('/') {
            out.push_str(origin);
            out.push_str(value);
        } else {
            out.push_str(page_url);
            out.push_str(value);
        }
        rest = &value_start[value_end..];
    }
    out.push_str(rest);
    out
}

/// Offset of the next ` href="` or ` src="`.
fn find_url_attribute(html: &str) -> Option<usize> {
    [" href=\"", " src=\""]
        .iter()
        .filter_map(|a| html.find(a))
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_in_feed_content_become_absolute() {
        let html = r##"<a href="/en/issues/b/">b</a> <img src="cover.svg" alt=""> <a href="#x">x</a> <a href="mailto:a@b.c">m</a>"##;
        let out = absolutize(html, "https://ex.org", "https://ex.org/en/issues/a/");
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
