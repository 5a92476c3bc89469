//! Reads the ids and the links of a rendered page with html5ever's
//! tokenizer: the same parsing rules browsers use, without building a tree.

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use std::cell::RefCell;
use std::collections::HashSet;

/// A URL a page refers to, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Reference {
    pub(crate) value: String,
    pub(crate) line: u64,
}

/// What `check` needs from one page.
#[derive(Debug, Default)]
pub(crate) struct PageScan {
    /// Every `id` (and `<a name>`), to resolve `#fragments`.
    pub(crate) ids: HashSet<String>,
    pub(crate) references: Vec<Reference>,
    /// Lines of `<img>` elements without an `alt` attribute.
    pub(crate) images_without_alt: Vec<u64>,
}

struct Sink(RefCell<PageScan>);

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<()> {
        let Token::TagToken(tag) = token else {
            return TokenSinkResult::Continue;
        };
        if tag.kind != TagKind::StartTag {
            return TokenSinkResult::Continue;
        }
        let mut scan = self.0.borrow_mut();
        let name: &str = &tag.name;
        let attribute = |wanted: &str| {
            tag.attrs
                .iter()
                .find(|a| &*a.name.local == wanted)
                .map(|a| a.value.to_string())
        };
        if let Some(id) = attribute("id") {
            scan.ids.insert(id);
        }
        if name == "a"
            && let Some(anchor) = attribute("name")
        {
            scan.ids.insert(anchor);
        }
        if name == "img" && attribute("alt").is_none() {
            scan.images_without_alt.push(line);
        }
        for wanted in ["href", "src", "poster", "data"] {
            if let Some(value) = attribute(wanted) {
                scan.references.push(Reference { value, line });
            }
        }
        if let Some(srcset) = attribute("srcset") {
            for candidate in srcset.split(',') {
                if let Some(url) = candidate.split_whitespace().next() {
                    scan.references.push(Reference {
                        value: url.to_string(),
                        line,
                    });
                }
            }
        }
        let refresh = attribute("http-equiv").is_some_and(|v| v.eq_ignore_ascii_case("refresh"));
        if name == "meta"
            && refresh
            && let Some(content) = attribute("content")
            && let Some((_, url)) = content.split_once("url=")
        {
            scan.references.push(Reference {
                value: url.trim().to_string(),
                line,
            });
        }
        TokenSinkResult::Continue
    }
}

/// Scans one page.
pub(crate) fn scan(html: &str) -> PageScan {
    let input = BufferQueue::default();
    input.push_back(StrTendril::from(html));
    let tokenizer = Tokenizer::new(
        Sink(RefCell::new(PageScan::default())),
        TokenizerOpts::default(),
    );
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.0.take()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_ids_links_refreshes_and_missing_alt() {
        let page = scan(
            "<!DOCTYPE html><meta http-equiv=refresh content=\"0; url=/en/x/\">\n<h2 id=a>A</h2><a name=b href=\"#a\">x</a>\n<img src=p.png srcset=\"q.png 2x, r.png 3x\">",
        );
        assert!(page.ids.contains("a") && page.ids.contains("b"));
        let values: Vec<&str> = page.references.iter().map(|r| r.value.as_str()).collect();
        assert_eq!(values, ["/en/x/", "#a", "p.png", "q.png", "r.png"]);
        assert_eq!(page.images_without_alt, [3]);
    }
}
