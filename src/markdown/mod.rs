//! Markdown bodies to HTML: CommonMark with tables, footnotes,
//! strikethrough and smart punctuation; an `id` on every heading; links
//! between content files turned into page URLs. No Tera, no I/O.
//!
//! **Every body's HTML passes one sanitizer (ammonia), and the sanitizer
//! is the last thing that touches it**, in every `markdown.raw_html` mode
//! and whether or not the text has raw HTML. The one exception is a body
//! with no raw HTML left (in `escape` mode, none ever is): there the
//! sanitizer would change nothing, and running it anyway tripled the
//! Markdown phase of a build. That path provably emits nothing unsafe:
//! pulldown-cmark escapes every text and attribute value it writes, and
//! the only attributes it writes are the ones checked here — link and
//! image URLs (against `SAFE_SCHEMES`, reading schemes more strictly
//! than browsers do), heading attributes (cut as below), footnote and
//! heading ids, code language classes, list starts and table alignment —
//! all of which the sanitizer keeps as they are. The test
//! `the_sanitizer_changes_nothing_in_a_body_without_raw_html` (in
//! `sanitizer`) holds the two paths to the same document. Characters
//! XML forbids are taken out *before* (from the text, from decoded
//! Markdown text and URLs, and from numeric character references in raw
//! HTML), never after: removing a character from finished HTML can join
//! `java&#1;script:` into a live link. The Markdown layer emits no
//! attribute the sanitizer would not keep: heading attributes are cut to
//! `#id`, `.class`, `lang` and `dir` here, with a warning for the rest.
//! One allow-list of URL schemes (`SAFE_SCHEMES`) serves Markdown links
//! and raw HTML alike, and the feeds' absolute links are made by the
//! same sanitizer (`sanitize_for_feed`), so nothing edits its output.
//!
//! This file owns the public types and `render`, which runs the stages in
//! order: the nesting limit (`nesting`), heading ids (`headings`), images
//! without a description (`alt_text`), the pass over the events
//! (`events`, with `links`, `characters` and `other_hosts`), then
//! pulldown-cmark's HTML writer and, for a body with raw HTML, the
//! sanitizer (`sanitizer`). Problems carry their line through `locator`.

mod alt_text;
mod characters;
mod events;
mod headings;
mod links;
mod locator;
mod nesting;
mod other_hosts;
mod sanitizer;

pub(crate) use links::SAFE_SCHEMES;
pub(crate) use sanitizer::sanitize_for_feed;

use crate::config::RawHtml;
use crate::diagnostics::{Diagnostic, Location};
use crate::text::without_forbidden_characters;
use events::EventPass;
use locator::Locator;
use other_hosts::outside_host_warning;
use pulldown_cmark::{Event, Options, Parser};
use std::collections::HashSet;
use std::ops::Range;
use std::path::Path;

/// A Markdown body and where it comes from.
pub(crate) struct Body<'a> {
    /// The content file, relative to the site root.
    pub(crate) path: &'a Path,
    pub(crate) text: &'a str,
    /// The file's line number of the body's first line.
    pub(crate) first_line: usize,
    pub(crate) raw_html: RawHtml,
    /// Whether to list the body's links in `RenderedBody::links`: `check`
    /// resolves them, a build has no use for them.
    pub(crate) keep_links: bool,
}

/// A body rendered to HTML.
#[derive(Clone, Debug, Default)]
pub(crate) struct RenderedBody {
    pub(crate) html: String,
    /// Links the body makes, for `check` to resolve (when the body asked
    /// for them with `keep_links`).
    pub(crate) links: Vec<BodyLink>,
    pub(crate) problems: Vec<Diagnostic>,
}

/// A link in a body and where it was written.
#[derive(Clone, Debug)]
pub(crate) struct BodyLink {
    /// As written in the Markdown.
    pub(crate) written: String,
    /// As it ends up in the page.
    pub(crate) href: String,
    pub(crate) location: Location,
}

/// Renders `body`. `resolve` turns the path of another content file
/// (relative to the site root) into the URL of its page in this body's
/// language, or `None` when no content file is there.
pub(crate) fn render(body: &Body, resolve: &dyn Fn(&Path) -> Option<String>) -> RenderedBody {
    let text = without_forbidden_characters(body.text);
    let body = &Body {
        text: &text,
        ..*body
    };
    let mut events = parse(body.text);
    let mut rendered = RenderedBody::default();
    let locator = Locator::new(body);

    if let Some(range) = nesting::too_deep(&events) {
        rendered
            .problems
            .push(nesting::too_deep_error(body.path, locator.locate(range)));
        return rendered;
    }
    headings::add_heading_ids(&mut events);
    for range in alt_text::images_without_alt(&events) {
        rendered.problems.push(alt_text::without_alt_warning(
            body.path,
            locator.locate(range),
        ));
    }
    let first_raw_html = EventPass::new(body, &locator, resolve, &mut rendered).run(&mut events);

    let mut html = String::with_capacity(body.text.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter().map(|(event, _)| event));
    // See the module header for why a body without raw HTML may skip it.
    rendered.html = match first_raw_html {
        Some(at) => sanitize_with_raw_html(body, &html, at, &locator, &mut rendered),
        None => html,
    };
    rendered
}

/// The events of `text` with their byte ranges, in the Markdown dialect
/// of every body.
fn parse(text: &str) -> Vec<(Event<'_>, Range<usize>)> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES;
    // Sized for the sample and benchmark texts (about 25 bytes of
    // Markdown per event): growing the list by doubling copied it seven
    // times per body, 3% of a build.
    let mut events: Vec<(Event, Range<usize>)> = Vec::with_capacity(text.len() / 16 + 16);
    events.extend(Parser::new_ext(text, options).into_offset_iter());
    events
}

/// `html`, the HTML of a body with raw HTML (the first of which starts at
/// `at`), sanitized in the body's mode; with a warning at `at` for each
/// address on another host the sanitizer kept that the event pass did not
/// warn about, and the links of the raw HTML listed when the body keeps
/// its links.
fn sanitize_with_raw_html(
    body: &Body,
    html: &str,
    at: Range<usize>,
    locator: &Locator,
    rendered: &mut RenderedBody,
) -> String {
    let (clean, noted) = sanitizer::sanitize_noting_urls(html, body.raw_html);
    // What the raw-text look of the event pass missed (a space around
    // `=`, a character reference, `/\host`), found on the parsed
    // attributes.
    for url in noted.elsewhere {
        let already = rendered
            .problems
            .iter()
            .any(|p| p.message.contains(url.as_str()));
        if !already {
            rendered
                .problems
                .push(outside_host_warning(body, &url, locator.locate(at.clone())));
        }
    }
    // Links of raw HTML, for `check` to resolve at the content file
    // (the body's Markdown links are listed already).
    if body.keep_links {
        let listed: HashSet<String> = rendered.links.iter().map(|l| l.href.clone()).collect();
        for url in noted.links {
            if !listed.contains(&url) {
                rendered.links.push(BodyLink {
                    written: url.clone(),
                    href: url,
                    location: locator.locate(at.clone()),
                });
            }
        }
    }
    clean
}

/// `text` rendered as the body of a content file at line 5, in which a
/// link to `../b/index.en.md` resolves and every other does not: the
/// body every unit test of this module renders.
#[cfg(test)]
fn render_text(text: &str, raw_html: RawHtml) -> RenderedBody {
    let body = Body {
        path: Path::new("content/issues/a/index.en.md"),
        text,
        first_line: 5,
        raw_html,
        keep_links: true,
    };
    render(&body, &|path| {
        (path == Path::new("content/issues/b/index.en.md")).then(|| "/en/issues/b/".to_string())
    })
}
