//! The Markdown stage, between `model` and `render`: turns the body of
//! every translation into HTML once, in parallel, and hands the result on
//! as `Bodies`, a value of its own. The model is not touched; `render`
//! receives the bodies beside it. Pure: no I/O, no templates.

use crate::markdown::{self, Body, RenderedBody};
use crate::model::{BodyText, Site, TranslationId};
use rayon::prelude::*;
use std::collections::HashMap;

/// Every translation's body as HTML, with what rendering it found.
pub(crate) type Bodies = HashMap<TranslationId, RenderedBody>;

/// Whether to list each body's links: `check` follows them, a build and
/// the preview have no use for them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Links {
    Keep,
    Drop,
}

/// Renders every text, freeing each as soon as it is rendered: nothing
/// after this stage needs the Markdown.
pub(crate) fn render_all(site: &Site, texts: Vec<BodyText>, links: Links) -> Bodies {
    texts
        .into_par_iter()
        .filter_map(|text| {
            let body = render_one(site, &text, links)?;
            Some((text.id, body))
        })
        .collect()
}

/// Renders one translation's body; `None` if the site has no such
/// translation.
pub(crate) fn render_one(site: &Site, text: &BodyText, links: Links) -> Option<RenderedBody> {
    let id = &text.id;
    let translation = site
        .document(id.section, id.index)
        .translations
        .get(&id.lang)?;
    let body = Body {
        path: &translation.path,
        text: &text.markdown,
        first_line: text.first_line,
        raw_html: site.config.raw_html,
        keep_links: links == Links::Keep,
    };
    let resolve = |path: &std::path::Path| {
        site.by_source_path(path)
            .map(|target| site.url_of(target, &id.lang))
    };
    Some(markdown::render(&body, &resolve))
}
