//! The one pass over a body's parsed events before they become HTML:
//! decoded text cleaned of the characters XML forbids, link and image
//! URLs checked and rewritten (and listed for `check`), heading
//! attributes cut, raw HTML escaped (in `escape` mode) or kept for the
//! sanitizer, and a warning for what loads from another site.
//!
//! Holds no rule of its own but `escape` mode's: each other rule lives in
//! the module named for it (`links`, `headings`, `characters`,
//! `other_hosts`). It writes no HTML and never sanitizes; it only reports
//! where raw HTML was kept, so that `render` knows the body needs the
//! sanitizer.

use super::characters::{clean_decoded, without_forbidden_references};
use super::headings::cut_attributes;
use super::links::{href_as_written, rewrite_link, unusable_link};
use super::locator::Locator;
use super::other_hosts::{loads_from_elsewhere, outside_host_warning, raw_html_sources};
use super::{Body, BodyLink, RenderedBody};
use crate::config::RawHtml;
use crate::diagnostics::Location;
use pulldown_cmark::{CodeBlockKind, CowStr, Event, Tag};
use std::ops::Range;
use std::path::Path;

/// The pass over one body's events, and what it found so far.
pub(super) struct EventPass<'b> {
    body: &'b Body<'b>,
    locator: &'b Locator<'b>,
    /// The URL of another content file's page (see `markdown::render`).
    resolve: &'b dyn Fn(&Path) -> Option<String>,
    /// Where problems and kept links go.
    rendered: &'b mut RenderedBody,
    /// Where the first raw HTML kept for the sanitizer starts.
    first_raw_html: Option<Range<usize>>,
}

impl<'b> EventPass<'b> {
    pub(super) fn new(
        body: &'b Body<'b>,
        locator: &'b Locator<'b>,
        resolve: &'b dyn Fn(&Path) -> Option<String>,
        rendered: &'b mut RenderedBody,
    ) -> EventPass<'b> {
        EventPass {
            body,
            locator,
            resolve,
            rendered,
            first_raw_html: None,
        }
    }

    /// Passes over `events`, changing them in place; returns where the
    /// first raw HTML kept for the sanitizer starts, `None` if none was.
    pub(super) fn run(mut self, events: &mut [(Event, Range<usize>)]) -> Option<Range<usize>> {
        for (event, range) in events.iter_mut() {
            match event {
                Event::Start(Tag::Link {
                    dest_url, title, ..
                }) => self.link(dest_url, title, range),
                Event::Start(Tag::Image {
                    dest_url, title, ..
                }) => self.image(dest_url, title, range),
                Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => clean_decoded(info),
                Event::Start(Tag::Heading {
                    id, classes, attrs, ..
                }) => self.heading(id.as_mut(), classes, attrs, range),
                Event::Text(text) | Event::Code(text) => clean_decoded(text),
                Event::Html(_) | Event::InlineHtml(_) => self.raw_html(event, range),
                _ => {}
            }
        }
        self.first_raw_html
    }

    fn link(&mut self, dest_url: &mut CowStr, title: &mut CowStr, range: &Range<usize>) {
        clean_decoded(dest_url);
        clean_decoded(title);
        // Finding a link's line copies it: done only for a problem or a
        // kept link.
        let locator = self.locator;
        let location = || locator.locate(range.clone());
        let written = self.body.keep_links.then(|| dest_url.to_string());
        if let Some(url) = rewrite_link(
            self.body,
            dest_url,
            &location,
            self.resolve,
            &mut self.rendered.problems,
        ) {
            *dest_url = url.into();
        }
        self.list_link(written, dest_url, &location);
    }

    fn image(&mut self, dest_url: &mut CowStr, title: &mut CowStr, range: &Range<usize>) {
        clean_decoded(dest_url);
        clean_decoded(title);
        let locator = self.locator;
        let location = || locator.locate(range.clone());
        let written = self.body.keep_links.then(|| dest_url.to_string());
        if let Some(problem) = unusable_link(self.body, dest_url, &location) {
            self.rendered.problems.push(problem);
            *dest_url = CowStr::from("");
        } else if loads_from_elsewhere(&href_as_written(dest_url)) {
            self.rendered
                .problems
                .push(outside_host_warning(self.body, dest_url, location()));
        }
        self.list_link(written, dest_url, &location);
    }

    /// Lists a link for `check`, when the body keeps its links (then
    /// `written` is the destination as written).
    fn list_link(&mut self, written: Option<String>, href: &str, location: &dyn Fn() -> Location) {
        if let Some(written) = written {
            self.rendered.links.push(BodyLink {
                written,
                href: href.to_string(),
                location: location(),
            });
        }
    }

    fn heading(
        &mut self,
        id: Option<&mut CowStr>,
        classes: &mut [CowStr],
        attrs: &mut Vec<(CowStr, Option<CowStr>)>,
        range: &Range<usize>,
    ) {
        if let Some(id) = id {
            clean_decoded(id);
        }
        classes.iter_mut().for_each(clean_decoded);
        for (_, value) in attrs.iter_mut() {
            if let Some(value) = value {
                clean_decoded(value);
            }
        }
        let locator = self.locator;
        let location = || locator.locate(range.clone());
        cut_attributes(
            self.body.path,
            attrs,
            &location,
            &mut self.rendered.problems,
        );
    }

    /// A piece of raw HTML: warned about for what it loads from another
    /// site, its references to forbidden characters neutralised, then
    /// escaped into text or kept for the sanitizer.
    fn raw_html(&mut self, event: &mut Event, range: &Range<usize>) {
        let (Event::Html(html) | Event::InlineHtml(html)) = event else {
            return;
        };
        for url in raw_html_sources(html) {
            if loads_from_elsewhere(&url) {
                self.rendered.problems.push(outside_host_warning(
                    self.body,
                    &url,
                    self.locator.locate(range.clone()),
                ));
            }
        }
        if let Some(neutral) = without_forbidden_references(html) {
            *html = neutral.into();
        }
        if self.body.raw_html == RawHtml::Escape {
            *event = Event::Text(std::mem::replace(html, CowStr::Borrowed("")));
        } else {
            self.first_raw_html.get_or_insert_with(|| range.clone());
        }
    }
}
