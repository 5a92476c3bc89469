//! Headings: an `id` on every heading, unique within its body, and the
//! heading attributes (`## Title {lang=es}`) cut to the ones the
//! sanitizer keeps (`#id`, `.class`, `lang`, `dir`), with a warning for
//! the rest.
//!
//! Works on parsed events only: it cleans no decoded text (the event pass
//! cleans a heading's attributes before they are cut here) and writes no
//! HTML.

use crate::diagnostics::{Diagnostic, Location};
use crate::model::slugify;
use pulldown_cmark::{CowStr, Event, Tag, TagEnd};
use std::collections::HashSet;
use std::ops::Range;
use std::path::Path;

/// Heading attributes (`## Title {lang=es}`) that survive: the sanitizer
/// keeps these on every element. `#id` and `.class` are kept too.
const HEADING_ATTRIBUTES: &[&str] = &["lang", "dir"];

/// Keeps the heading attributes of `HEADING_ATTRIBUTES`, with a warning
/// in `problems` for each one removed.
pub(super) fn cut_attributes(
    path: &Path,
    attrs: &mut Vec<(CowStr, Option<CowStr>)>,
    location: &dyn Fn() -> Location,
    problems: &mut Vec<Diagnostic>,
) {
    attrs.retain(|(name, _)| {
        let kept = HEADING_ATTRIBUTES.contains(&name.as_ref());
        if !kept {
            problems.push(
                Diagnostic::warning(
                    path,
                    format!("the heading attribute `{name}` was removed"),
                )
                .at(location())
                .help("a heading keeps only {#id}, {.class}, lang and dir: ## Title {#my-id .note lang=es}"),
            );
        }
        kept
    });
}

/// Gives every heading without an explicit `{#id}` an id from its text,
/// unique within the body.
pub(super) fn add_heading_ids(events: &mut [(Event, Range<usize>)]) {
    let mut used: HashSet<String> = events
        .iter()
        .filter_map(|(e, _)| match e {
            Event::Start(Tag::Heading { id: Some(id), .. }) => Some(id.to_string()),
            _ => None,
        })
        .collect();
    let mut index = 0;
    while index < events.len() {
        if let Event::Start(Tag::Heading { id: None, .. }) = &events[index].0 {
            let mut text = String::new();
            for (event, _) in &events[index + 1..] {
                match event {
                    Event::Text(t) | Event::Code(t) => text.push_str(t),
                    Event::End(TagEnd::Heading(_)) => break,
                    _ => {}
                }
            }
            let base = match slugify(&text) {
                s if s.is_empty() => "section".to_string(),
                s => s,
            };
            let mut id = base.clone();
            let mut n = 1;
            while !used.insert(id.clone()) {
                id = format!("{base}-{n}");
                n += 1;
            }
            if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[index].0 {
                *slot = Some(id.into());
            }
        }
        index += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::super::render_text;
    use crate::config::RawHtml;

    #[test]
    fn headings_get_unique_ids() {
        let html = render_text(
            "## Qué hacer\n\n## Qué hacer\n\n## Other {#mine}\n",
            RawHtml::Sanitize,
        )
        .html;
        assert!(html.contains(r#"<h2 id="que-hacer">"#), "{html}");
        assert!(html.contains(r#"<h2 id="que-hacer-1">"#), "{html}");
        assert!(html.contains(r#"<h2 id="mine">"#), "{html}");
    }

    #[test]
    fn heading_attributes_are_cut_to_the_kept_ones_with_a_warning_each() {
        let rendered = render_text(
            "## Title {onclick=alert(1) #top .note lang=es style=x}\n",
            RawHtml::Sanitize,
        );
        assert!(
            rendered
                .html
                .contains(r#"<h2 id="top" class="note" lang="es">"#),
            "{}",
            rendered.html
        );
        let removed: Vec<&str> = rendered
            .problems
            .iter()
            .map(|p| p.message.as_str())
            .collect();
        assert_eq!(
            removed,
            [
                "the heading attribute `onclick` was removed",
                "the heading attribute `style` was removed"
            ]
        );
    }
}
