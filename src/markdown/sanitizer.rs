//! The sanitizer policy: the ammonia builders for each `markdown.raw_html`
//! mode (our one scheme list, the attributes headings, footnotes and
//! translators need, table alignment; `trust` adds media and iframes,
//! never scripts, event handlers or script links), its last word on each
//! attribute (`keep_attribute`), what it notes of the URLs it keeps while
//! `render` listens, and the feeds' absolute links (`sanitize_for_feed`),
//! made by the same sanitizer so that nothing edits its output.
//!
//! The sanitizer is the last thing that touches a body's HTML: nothing
//! here, or after it, edits what ammonia returns. It reports no problem
//! itself; `render` turns what it noted into warnings.

use super::SAFE_SCHEMES;
use super::links::scheme_is_safe;
use super::other_hosts::loads_from_elsewhere;
use crate::config::RawHtml;
use crate::text::without_forbidden_characters;
use std::borrow::Cow;
use std::sync::OnceLock;

/// The sanitizer for every body, in the mode the site chose: ammonia's
/// safe defaults with our one scheme list, the attributes headings,
/// footnotes and translators need, and table alignment; `trust` lets
/// more elements through (media, iframes), never scripts, event
/// handlers or script links.
fn sanitizer(mode: RawHtml) -> &'static ammonia::Builder<'static> {
    static SANITIZE: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    static TRUST: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    match mode {
        RawHtml::Sanitize | RawHtml::Escape => SANITIZE.get_or_init(|| sanitizer_for(mode)),
        RawHtml::Trust => TRUST.get_or_init(|| sanitizer_for(mode)),
    }
}

/// A new sanitizer for `mode` (see `sanitizer`).
fn sanitizer_for(mode: RawHtml) -> ammonia::Builder<'static> {
    let mut builder = ammonia::Builder::default();
    builder
        .url_schemes(SAFE_SCHEMES.iter().copied().collect())
        .add_generic_attributes(["class", "id", "lang", "dir"])
        .add_tag_attributes("th", ["style"])
        .add_tag_attributes("td", ["style"])
        // The page's referrer policy keeps links from telling other
        // sites where the reader came from; no need to mark each one.
        .link_rel(None)
        .attribute_filter(keep_attribute);
    if mode == RawHtml::Trust {
        builder
            .add_tags(["audio", "video", "source", "track", "picture", "iframe"])
            .add_tag_attributes("audio", ["src", "controls", "preload"])
            .add_tag_attributes(
                "video",
                ["src", "controls", "preload", "poster", "width", "height"],
            )
            .add_tag_attributes("source", ["src", "type", "media"])
            .add_tag_attributes("track", ["src", "kind", "srclang", "label", "default"])
            .add_tag_attributes(
                "iframe",
                ["src", "width", "height", "title", "allowfullscreen"],
            );
    }
    builder
}

/// The sanitizer's last word on each attribute it keeps: `style` only as
/// the table alignment pulldown-cmark writes, `cite` (a URL ammonia does
/// not check) only with a scheme of `SAFE_SCHEMES`, and nothing that
/// still holds a character XML forbids.
fn keep_attribute<'a>(_element: &str, attribute: &str, value: &'a str) -> Option<Cow<'a, str>> {
    if attribute == "cite" && !scheme_is_safe(value) {
        return None;
    }
    if attribute == "style"
        && !matches!(
            value,
            "text-align: left" | "text-align: center" | "text-align: right"
        )
    {
        return None;
    }
    if !matches!(without_forbidden_characters(value), Cow::Borrowed(_)) {
        return None;
    }
    if matches!(attribute, "src" | "srcset" | "poster" | "data") {
        let elsewhere = if attribute == "srcset" {
            value.split(',').any(|candidate| {
                loads_from_elsewhere(candidate.trim().split(' ').next().unwrap_or(""))
            })
        } else {
            loads_from_elsewhere(value)
        };
        if elsewhere {
            note(|noted| noted.elsewhere.push(value.to_string()));
        }
    }
    if matches!(attribute, "href" | "src") {
        note(|noted| noted.links.push(value.to_string()));
    }
    Some(Cow::Borrowed(value))
}

/// `html`, a body's sanitized HTML, with every relative link made
/// absolute for a feed: root-relative ones against `origin`, others
/// against `page_url` (which ends in `/`). The same sanitizer does it, so
/// its output is still the last word; linear in the size of the body.
pub(crate) fn sanitize_for_feed(html: &str, mode: RawHtml, origin: &str, page_url: &str) -> String {
    let mut builder = sanitizer_for(mode);
    builder.url_relative(ammonia::UrlRelative::Custom(Box::new(AbsoluteLinks {
        origin: origin.to_string(),
        page_url: page_url.to_string(),
    })));
    builder.clean(html).to_string()
}

/// Makes a relative URL absolute (see `sanitize_for_feed`).
struct AbsoluteLinks {
    origin: String,
    page_url: String,
}

impl<'a> ammonia::UrlRelativeEvaluate<'a> for AbsoluteLinks {
    fn evaluate<'url>(&self, url: &'url str) -> Option<Cow<'url, str>> {
        if url.starts_with("//") {
            return Some(Cow::Borrowed(url));
        }
        let base = if url.starts_with('/') {
            &self.origin
        } else {
            &self.page_url
        };
        Some(Cow::Owned(format!("{base}{url}")))
    }
}

/// What the sanitizer noted of the URLs it kept in one body.
#[derive(Default)]
pub(super) struct Noted {
    /// Addresses on other hosts that kept `src`, `srcset`, `poster` and
    /// `data` attributes load.
    pub(super) elsewhere: Vec<String>,
    /// Every kept `href` and `src`, for `check` to resolve.
    pub(super) links: Vec<String>,
}

thread_local! {
    /// What the sanitizer notes in the body being rendered on this thread
    /// (`Some` only while `render` asks): decided on attributes as
    /// parsed, not on the raw text.
    static NOTED: std::cell::RefCell<Option<Noted>> = const { std::cell::RefCell::new(None) };
}

/// `html` sanitized in `mode`, with what the sanitizer noted of it.
pub(super) fn sanitize_noting_urls(html: &str, mode: RawHtml) -> (String, Noted) {
    NOTED.with(|noted| *noted.borrow_mut() = Some(Noted::default()));
    let clean = sanitizer(mode).clean(html).to_string();
    let noted = NOTED.with(|noted| noted.borrow_mut().take());
    (clean, noted.unwrap_or_default())
}

/// Notes a URL the sanitizer keeps, if `render` is listening.
fn note(record: impl FnOnce(&mut Noted)) {
    NOTED.with(|noted| {
        if let Some(noted) = noted.borrow_mut().as_mut() {
            record(noted);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::super::render_text;
    use super::*;
    use pulldown_cmark::{Event, Options, Parser};

    /// Markdown without raw HTML that reaches every attribute
    /// pulldown-cmark writes, with hostile values.
    const NO_RAW_HTML: &[&str] = &[
        "## Title {onclick=alert(1) #id .a .b lang=es dir=rtl style=x}\n",
        "# Focus {onfocus=alert(1) autofocus tabindex=0}\n",
        "[a](javascript:alert(1)) [b](JAVA\tSCRIPT:x) [c](java\u{1}script:x) [d](java&#1;script:x)\n",
        "[e](java&#x9;script:x) [f](vbscript:x) [g](data:text/html,x) [h](javascript&#58;x)\n",
        "[i](https://ex.org/?a=\"b\"&c=<d>) [j](mailto:a@b.org \"t\\\"i<t>\") <https://ex.org> <a@b.org>\n",
        "[k](sgnl://signal.me/#p/+1) [l](whatsapp://send?x=1) [m](geo:1,2) [n](/x y) [o](<java script:x>)\n",
        "![alt \"q\" <x>](javascript:alert(1) \"title\") ![](data:image/png;base64,AA) ![p](p.png)\n",
        "Text[^note\"x] and `code <b>` &amp; &#0; &#x7f; &lt;script&gt;\n\n[^note\"x]: A note.\n",
        "```rust\" onclick=\"x\nfn main() {}\n```\n\n3. three\n4. four\n",
        "| a | b | c |\n|:-|:-:|-:|\n| 1 | 2 | 3 |\n\n~~gone~~ \"smart\" -- quotes...\n",
        "> quote\n\n***\n\n* [ ] not a task list\n\nline  \nbreak\n",
    ];

    #[test]
    fn the_sanitizer_changes_nothing_in_a_body_without_raw_html() {
        let document = |html: &str| scraper::Html::parse_fragment(html).root_element().html();
        for text in NO_RAW_HTML {
            for mode in [RawHtml::Sanitize, RawHtml::Escape, RawHtml::Trust] {
                let unsanitized = render_text(text, mode).html;
                let sanitized = sanitizer(mode).clean(&unsanitized).to_string();
                assert_eq!(
                    document(&unsanitized),
                    document(&sanitized),
                    "{mode:?}: {text}"
                );
            }
        }
    }

    /// Hostile pieces of Markdown without raw HTML (each alone, or any
    /// run of them, may still make some: those bodies are skipped).
    const PIECES: &[&str] = &[
        "## ",
        "# ",
        "\n",
        "\n\n",
        "> ",
        "- ",
        "1. ",
        "* ",
        "`",
        "```",
        "~~",
        "**",
        "_",
        "[",
        "]",
        "(",
        ")",
        "![",
        "{",
        "}",
        "#id",
        ".cls",
        " lang=es",
        " onclick=alert(1)",
        " style=color:red",
        " href=javascript:x",
        "javascript:alert(1)",
        "JaVa\tScRiPt:x",
        "java\u{1}script:",
        "java&#1;script:",
        "&#x6A;avascript:",
        "vbscript:x",
        "data:x",
        "https://ex.org/a?b=\"c\"&d",
        "mailto:a@b.org",
        "sgnl://x",
        "../b/index.en.md",
        "&#0;",
        "&#x7f;",
        "&amp;",
        "&quot;",
        "&#39;",
        "\"",
        "'",
        "--",
        "...",
        "[^n]",
        "[^n]: note",
        "| a | b |\n|:-|-:|\n| 1 | 2 |",
        "<https://ex.org>",
        "<a@b.org>",
        " \"title\"",
        "\\",
        "text",
        "palabra ñ",
        "\u{fffe}",
        "\u{b}",
        "<",
        ">",
        "=",
        ":",
    ];

    /// Random Markdown from hostile pieces, without raw HTML: the cheap
    /// path and the sanitizer must give the same document, thousands of
    /// times (the fuzzer holds the built pages; this holds the claim).
    #[test]
    fn the_sanitizer_changes_nothing_in_random_bodies_without_raw_html() {
        let mut rng = fastrand::Rng::with_seed(20261201);
        let document = |html: &str| scraper::Html::parse_fragment(html).root_element().html();
        let mut compared = 0;
        for _ in 0..3000 {
            let text: String = (0..rng.usize(1..40))
                .map(|_| PIECES[rng.usize(..PIECES.len())])
                .collect();
            let has_raw_html = Parser::new_ext(&text, Options::all())
                .any(|e| matches!(e, Event::Html(_) | Event::InlineHtml(_)));
            if has_raw_html {
                continue;
            }
            let mode = [RawHtml::Sanitize, RawHtml::Escape, RawHtml::Trust][rng.usize(..3)];
            let unsanitized = render_text(&text, mode).html;
            let sanitized = sanitizer(mode).clean(&unsanitized).to_string();
            assert_eq!(
                document(&unsanitized),
                document(&sanitized),
                "{mode:?}: {text:?}"
            );
            compared += 1;
        }
        assert!(compared > 2000, "only {compared} bodies without raw HTML");
    }

    #[test]
    fn scripts_and_handlers_do_not_survive() {
        let text = "<script>alert(1)</script>\n\n<p onclick=\"x()\">hi</p>\n\n[a](javascript:alert(1)) [b]( JaVaScRiPt:alert(1))\n";
        let html = render_text(text, RawHtml::Sanitize).html;
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onclick"), "{html}");
        assert!(!html.to_lowercase().contains("javascript:"), "{html}");
    }

    #[test]
    fn escape_mode_shows_html_as_text() {
        let html = render_text("<b>bold</b>\n", RawHtml::Escape).html;
        assert!(html.contains("&lt;b&gt;"), "{html}");
    }
}
