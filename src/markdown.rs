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
//! `the_sanitizer_changes_nothing_in_a_body_without_raw_html` holds the
//! two paths to the same document. Characters XML forbids are
//! taken out *before* (from the text, from decoded Markdown text and
//! URLs, and from numeric character references in raw HTML), never
//! after: removing a character from finished HTML can join
//! `java&#1;script:` into a live link. The Markdown layer emits no
//! attribute the sanitizer would not keep: heading attributes are cut to
//! `#id`, `.class`, `lang` and `dir` here, with a warning for the rest.
//! One allow-list of URL schemes (`SAFE_SCHEMES`) serves Markdown links
//! and raw HTML alike, and the feeds' absolute links are made by the
//! same sanitizer (`sanitize_for_feed`), so nothing edits its output.

use crate::config::RawHtml;
use crate::diagnostics::{Diagnostic, Location};
use crate::model::slugify;
use crate::text::without_forbidden_characters;
use pulldown_cmark::{CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};
use std::borrow::Cow;
use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};
use std::sync::OnceLock;

/// The one list of URL schemes a link or image in content may use, in
/// Markdown and raw HTML alike: the web, email, phone and text messages,
/// maps, file transfer, and the messaging apps this audience uses
/// (Signal's `sgnl:`, WhatsApp, Telegram's `tg:`, Matrix, XMPP).
/// Anything else (`javascript:`, `vbscript:`, `data:`) is removed.
pub(crate) const SAFE_SCHEMES: &[&str] = &[
    "http", "https", "mailto", "tel", "sms", "smsto", "geo", "ftp", "ftps", "sgnl", "whatsapp",
    "tg", "matrix", "xmpp", "webcal",
];

/// Heading attributes (`## Title {lang=es}`) that survive: the sanitizer
/// keeps these on every element. `#id` and `.class` are kept too.
const HEADING_ATTRIBUTES: &[&str] = &["lang", "dir"];

/// A Markdown body and where it comes from.
pub struct Body<'a> {
    /// The content file, relative to the site root.
    pub path: &'a Path,
    pub text: &'a str,
    /// The file's line number of the body's first line.
    pub first_line: usize,
    pub raw_html: RawHtml,
    /// Whether to list the body's links in `RenderedBody::links`: `check`
    /// resolves them, a build has no use for them.
    pub keep_links: bool,
}

/// A body rendered to HTML.
#[derive(Clone, Debug, Default)]
pub struct RenderedBody {
    pub html: String,
    /// Links the body makes, for `check` to resolve (when the body asked
    /// for them with `keep_links`).
    pub links: Vec<BodyLink>,
    pub problems: Vec<Diagnostic>,
}

/// A link in a body and where it was written.
#[derive(Clone, Debug)]
pub struct BodyLink {
    /// As written in the Markdown.
    pub written: String,
    /// As it ends up in the page.
    pub href: String,
    pub location: Location,
}

/// Turns byte offsets in a body into locations in its file, indexing the
/// body's lines the first time one is needed: most bodies need some (every
/// link gets one), and finding each line from the start was quadratic.
struct Locator<'a> {
    body: &'a Body<'a>,
    line_starts: std::cell::OnceCell<Vec<usize>>,
}

impl<'a> Locator<'a> {
    fn new(body: &'a Body<'a>) -> Locator<'a> {
        Locator {
            body,
            line_starts: std::cell::OnceCell::new(),
        }
    }

    fn locate(&self, range: std::ops::Range<usize>) -> Location {
        let text = self.body.text;
        let starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        let offset = range.start.min(text.len());
        let index = starts
            .partition_point(|&start| start <= offset)
            .saturating_sub(1);
        let line_start = starts[index];
        let line_end = starts.get(index + 1).map_or(text.len(), |next| next - 1);
        Location::in_line(
            &text[line_start..line_end],
            index + self.body.first_line,
            offset - line_start,
            range.len(),
        )
    }
}

/// Renders `body`. `resolve` turns the path of another content file
/// (relative to the site root) into the URL of its page in this body's
/// language, or `None` when no content file is there.
pub fn render(body: &Body, resolve: &dyn Fn(&Path) -> Option<String>) -> RenderedBody {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let text = without_forbidden_characters(body.text);
    let body = &Body {
        text: &text,
        ..*body
    };
    // Sized for the sample and benchmark texts (about 25 bytes of
    // Markdown per event): growing the list by doubling copied it seven
    // times per body, 3% of a build.
    let mut events: Vec<(Event, std::ops::Range<usize>)> =
        Vec::with_capacity(body.text.len() / 16 + 16);
    events.extend(Parser::new_ext(body.text, options).into_offset_iter());
    let mut rendered = RenderedBody::default();
    let mut has_raw_html = false;
    let mut first_raw_html: Option<std::ops::Range<usize>> = None;
    let locator = Locator::new(body);

    if let Some(range) = too_deep(&events) {
        // html5ever, in the sanitizer, takes time in the square of the
        // depth (100 KB of `>` ran for minutes); no newsletter nests so.
        rendered.problems.push(
            Diagnostic::error(
                body.path,
                format!("the text nests more than {MAX_NESTING} levels deep here (quotes, lists or HTML elements inside each other)"),
            )
            .at(locator.locate(range))
            .help("use fewer levels: a quote inside a quote, or a list inside a list, is rarely needed more than a few times"),
        );
        return rendered;
    }
    add_heading_ids(&mut events);
    for range in images_without_alt(&events) {
        rendered.problems.push(
            Diagnostic::warning(body.path, "this image has no description for readers who cannot see it")
                .at(locator.locate(range))
                .help("write a short description between the brackets: ![Members at the March meeting](photo.jpg)")
                .strict(),
        );
    }
    for (event, range) in &mut events {
        // Finding a link's line copies it: done only for a problem or a
        // kept link.
        let location = || locator.locate(range.clone());
        match event {
            Event::Start(Tag::Link {
                dest_url, title, ..
            }) => {
                clean_decoded(dest_url);
                clean_decoded(title);
                let written = body.keep_links.then(|| dest_url.to_string());
                if let Some(url) =
                    rewrite_link(body, dest_url, &location, resolve, &mut rendered.problems)
                {
                    *dest_url = url.into();
                }
                if let Some(written) = written {
                    rendered.links.push(BodyLink {
                        written,
                        href: dest_url.to_string(),
                        location: location(),
                    });
                }
            }
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                clean_decoded(dest_url);
                clean_decoded(title);
                let written = body.keep_links.then(|| dest_url.to_string());
                if let Some(problem) = unusable_link(body, dest_url, &location) {
                    rendered.problems.push(problem);
                    *dest_url = CowStr::from("");
                } else if loads_from_elsewhere(&href_as_written(dest_url)) {
                    rendered
                        .problems
                        .push(outside_host_warning(body, dest_url, location()));
                }
                if let Some(written) = written {
                    rendered.links.push(BodyLink {
                        written,
                        href: dest_url.to_string(),
                        location: location(),
                    });
                }
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => clean_decoded(info),
            Event::Start(Tag::Heading {
                id, classes, attrs, ..
            }) => {
                if let Some(id) = id {
                    clean_decoded(id);
                }
                classes.iter_mut().for_each(clean_decoded);
                for (_, value) in attrs.iter_mut() {
                    if let Some(value) = value {
                        clean_decoded(value);
                    }
                }
                attrs.retain(|(name, _)| {
                    let kept = HEADING_ATTRIBUTES.contains(&name.as_ref());
                    if !kept {
                        rendered.problems.push(
                            Diagnostic::warning(
                                body.path,
                                format!("the heading attribute `{name}` was removed"),
                            )
                            .at(location())
                            .help("a heading keeps only {#id}, {.class}, lang and dir: ## Title {#my-id .note lang=es}"),
                        );
                    }
                    kept
                });
            }
            Event::Text(text) | Event::Code(text) => clean_decoded(text),
            Event::Html(html) | Event::InlineHtml(html) => {
                for url in raw_html_sources(html) {
                    if loads_from_elsewhere(&url) {
                        rendered.problems.push(outside_host_warning(
                            body,
                            &url,
                            locator.locate(range.clone()),
                        ));
                    }
                }
                if let Some(neutral) = without_forbidden_references(html) {
                    *html = neutral.into();
                }
                if body.raw_html == RawHtml::Escape {
                    *event = Event::Text(std::mem::replace(html, CowStr::Borrowed("")));
                } else {
                    has_raw_html = true;
                    first_raw_html.get_or_insert_with(|| range.clone());
                }
            }
            _ => {}
        }
    }

    let mut html = String::with_capacity(body.text.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter().map(|(event, _)| event));
    // See the module header for why a body without raw HTML may skip it.
    rendered.html = if has_raw_html {
        let (clean, noted) = sanitize_noting_urls(&html, body.raw_html);
        let at = first_raw_html.clone().unwrap_or(0..0);
        // What the raw-text look above missed (a space around `=`, a
        // character reference, `/\host`), found on the parsed attributes.
        for url in noted.elsewhere {
            let already = rendered
                .problems
                .iter()
                .any(|p| p.message.contains(url.as_str()));
            if !already {
                rendered.problems.push(outside_host_warning(
                    body,
                    &url,
                    locator.locate(at.clone()),
                ));
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
    } else {
        html
    };
    rendered
}

/// How deep Markdown blocks and raw HTML elements may nest in a body.
const MAX_NESTING: usize = 100;

/// HTML elements that never hold others, so an open tag of one does not
/// nest what follows.
const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Where the body first nests deeper than `MAX_NESTING`, counting
/// Markdown's blocks and inline spans and the elements raw HTML opens
/// and closes; `None` if it never does.
fn too_deep(events: &[(Event, std::ops::Range<usize>)]) -> Option<std::ops::Range<usize>> {
    let mut depth: usize = 0;
    for (event, range) in events {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Html(html) | Event::InlineHtml(html) => {
                for (opens, name) in tags_in(html) {
                    if VOID_ELEMENTS.contains(&name.as_str()) {
                        continue;
                    }
                    if opens {
                        depth += 1;
                    } else {
                        depth = depth.saturating_sub(1);
                    }
                    if depth > MAX_NESTING {
                        return Some(range.clone());
                    }
                }
            }
            _ => {}
        }
        if depth > MAX_NESTING {
            return Some(range.clone());
        }
    }
    None
}

/// The tags of a piece of raw HTML, in order: whether each opens (or
/// closes) an element, and the element's name in lower case. Tags that
/// close themselves (`<br/>`) are left out. An estimate of nesting for
/// `too_deep`, not a parser: the sanitizer parses.
fn tags_in(html: &str) -> Vec<(bool, String)> {
    let mut tags = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let (opens, after) = match rest.strip_prefix('/') {
            Some(after) => (false, after),
            None => (true, rest),
        };
        let name: String = after
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let end = after.find('>').unwrap_or(after.len());
        if opens && after[..end].ends_with('/') {
            continue;
        }
        tags.push((opens, name));
    }
    tags
}

/// Takes the characters XML forbids out of text pulldown-cmark decoded
/// from a character reference (`&#1;`): they would otherwise reach the
/// sanitizer's output. Text borrowed from the body is a slice of the
/// cleaned text already, so only text pulldown-cmark made is looked at
/// (looking at every piece was 3% of a build).
fn clean_decoded(text: &mut CowStr) {
    if matches!(text, CowStr::Borrowed(_)) {
        return;
    }
    if let Cow::Owned(cleaned) = without_forbidden_characters(text) {
        *text = cleaned.into();
    }
}

/// `html` with every numeric character reference to a character XML
/// forbids (`&#1;`, `&#x0B`, `&#0000127;`) made `&#xFFFD;`, the
/// replacement character; `None` when there is none. Named references
/// never stand for such a character, so the sanitizer's HTML parser can
/// only put one in its output through these.
fn without_forbidden_references(html: &str) -> Option<String> {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    let mut from = 0;
    let mut index = 0;
    while let Some(found) = html[index..].find("&#") {
        let start = index + found;
        let mut at = start + 2;
        let hex = matches!(bytes.get(at), Some(b'x' | b'X'));
        if hex {
            at += 1;
        }
        let digits_start = at;
        let mut value: u32 = 0;
        while let Some(&b) = bytes.get(at) {
            let digit = match (hex, b) {
                (_, b'0'..=b'9') => u32::from(b - b'0'),
                (true, b'a'..=b'f') => u32::from(b - b'a' + 10),
                (true, b'A'..=b'F') => u32::from(b - b'A' + 10),
                _ => break,
            };
            value = value
                .saturating_mul(if hex { 16 } else { 10 })
                .saturating_add(digit);
            at += 1;
        }
        if at > digits_start && is_forbidden_code_point(value) {
            if bytes.get(at) == Some(&b';') {
                at += 1;
            }
            let out = out.get_or_insert_with(|| String::with_capacity(html.len()));
            out.push_str(&html[from..start]);
            out.push_str("&#xFFFD;");
            from = at;
        }
        index = at.max(start + 2);
    }
    let mut out = out?;
    out.push_str(&html[from..]);
    Some(out)
}

/// Whether a character reference to `value` would decode to a character
/// XML forbids. (HTML's parser turns 0, surrogates and values past
/// U+10FFFF into U+FFFD itself, and maps 0x80–0x9F to printable
/// characters.)
fn is_forbidden_code_point(value: u32) -> bool {
    matches!(value, 0x01..=0x08 | 0x0b | 0x0c | 0x0e..=0x1f | 0x7f | 0xfffe | 0xffff)
}

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
pub fn sanitize_for_feed(html: &str, mode: RawHtml, origin: &str, page_url: &str) -> String {
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

/// Where images with an empty description (alt text) start.
fn images_without_alt(events: &[(Event, std::ops::Range<usize>)]) -> Vec<std::ops::Range<usize>> {
    let mut found = Vec::new();
    let mut open: Option<(std::ops::Range<usize>, bool)> = None;
    for (event, range) in events {
        match event {
            Event::Start(Tag::Image { .. }) => open = Some((range.clone(), false)),
            Event::Text(text) | Event::Code(text) if !text.trim().is_empty() => {
                if let Some((_, has_text)) = &mut open {
                    *has_text = true;
                }
            }
            Event::End(TagEnd::Image) => {
                if let Some((range, false)) = open.take() {
                    found.push(range);
                }
            }
            _ => {}
        }
    }
    found
}

/// Gives every heading without an explicit `{#id}` an id from its text,
/// unique within the body.
fn add_heading_ids(events: &mut [(Event, std::ops::Range<usize>)]) {
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

/// Rewrites a link's destination if needed: unsafe schemes are removed,
/// links to other content files become page URLs.
fn rewrite_link(
    body: &Body,
    dest: &str,
    location: &dyn Fn() -> Location,
    resolve: &dyn Fn(&Path) -> Option<String>,
    problems: &mut Vec<Diagnostic>,
) -> Option<String> {
    if let Some(problem) = unusable_link(body, dest, location) {
        problems.push(problem);
        return Some(String::new());
    }
    let (path_part, fragment) = match dest.split_once('#') {
        Some((path, fragment)) => (path, Some(fragment)),
        None => (dest, None),
    };
    if has_scheme(dest) || dest.starts_with('/') || !path_part.ends_with(".md") {
        return None;
    }
    let directory = body.path.parent().unwrap_or(Path::new(""));
    let target = normalize(&directory.join(path_part));
    match target.as_deref().and_then(resolve) {
        Some(url) => Some(match fragment {
            Some(fragment) => format!("{url}#{fragment}"),
            None => url,
        }),
        None => {
            problems.push(
                Diagnostic::warning(body.path, format!("the link `{dest}` points to no content file"))
                    .at(location())
                    .help("check the path: links between issues look like ../2026-03-spring-meeting/index.en.md")
                    .strict(),
            );
            None
        }
    }
}

/// Folds `..` and `.` without touching the disk; `None` if it climbs
/// above the site root.
fn normalize(path: &Path) -> Option<PathBuf> {
    let mut parts: Vec<&std::ffi::OsStr> = Vec::new();
    for component in path.components() {
        match component {
            Component::Normal(part) => parts.push(part),
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::CurDir => {}
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(parts.iter().collect())
}

fn has_scheme(url: &str) -> bool {
    scheme_of(url).is_some()
}

/// The scheme of `url` in lower case (`javascript`, `https`), ignoring
/// the control characters and spaces browsers ignore; `None` for a
/// relative URL. Runs on every link, so it allocates only for a scheme.
fn scheme_of(url: &str) -> Option<String> {
    let mut scheme = String::new();
    for c in url.chars() {
        if c.is_ascii_control() || c.is_whitespace() {
            continue;
        }
        if c == ':' {
            return (!scheme.is_empty()).then_some(scheme);
        }
        if !(c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')) {
            return None;
        }
        scheme.push(c.to_ascii_lowercase());
    }
    None
}

fn scheme_is_safe(url: &str) -> bool {
    scheme_of(url).is_none_or(|s| SAFE_SCHEMES.contains(&s.as_str()))
}

/// Whether a browser loading `url` (an attribute's value as the HTML
/// parser gave it) would ask another host, read the way the URL standard
/// reads it: C0 controls and spaces around it dropped, tabs and line
/// breaks inside removed, `\` taken as `/`, so that `/\host/a.png` and
/// `&#104;ttps://host/` count.
fn loads_from_elsewhere(url: &str) -> bool {
    let cleaned: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .map(|c| if c == '\\' { '/' } else { c })
        .collect();
    cleaned.starts_with("//")
        || url::Url::parse(&cleaned).is_ok_and(|u| matches!(u.scheme(), "http" | "https"))
}

/// What the sanitizer noted of the URLs it kept in one body.
#[derive(Default)]
struct Noted {
    /// Addresses on other hosts that kept `src`, `srcset`, `poster` and
    /// `data` attributes load.
    elsewhere: Vec<String>,
    /// Every kept `href` and `src`, for `check` to resolve.
    links: Vec<String>,
}

thread_local! {
    /// What the sanitizer notes in the body being rendered on this thread
    /// (`Some` only while `render` asks): decided on attributes as
    /// parsed, not on the raw text.
    static NOTED: std::cell::RefCell<Option<Noted>> = const { std::cell::RefCell::new(None) };
}

/// `html` sanitized in `mode`, with what the sanitizer noted of it.
fn sanitize_noting_urls(html: &str, mode: RawHtml) -> (String, Noted) {
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

/// Why the link or image `url` cannot stay, as a warning; `None` if it
/// can. The same rule as the sanitizer's, so that a body without raw
/// HTML, which skips it, keeps exactly the URLs it would keep: a scheme
/// of `SAFE_SCHEMES` (read more strictly than browsers read it), and an
/// address the URL standard can parse as pulldown-cmark writes it.
fn unusable_link(body: &Body, url: &str, location: &dyn Fn() -> Location) -> Option<Diagnostic> {
    // Without a scheme (as read here, more strictly than the URL standard
    // does) an address is relative, which the sanitizer keeps: most links
    // end here, without the cost of writing and parsing them.
    let scheme = scheme_of(url)?;
    if !SAFE_SCHEMES.contains(&scheme.as_str()) {
        return Some(
            Diagnostic::warning(
                body.path,
                format!("the link `{url}` was removed: links may not run scripts"),
            )
            .at(location())
            .help("link to a web page (https://...), an email address (mailto:...), a phone (tel:...) or a messaging app (sgnl://, whatsapp://)"),
        );
    }
    if !sanitizer_keeps_url(&href_as_written(url)) {
        return Some(
            Diagnostic::warning(
                body.path,
                format!("the link `{url}` was removed: it is not an address a browser can open"),
            )
            .at(location())
            .help("check the address: a web address looks like https://example.org/page"),
        );
    }
    None
}

/// `url` as it reaches the sanitizer once pulldown-cmark has written it
/// into an attribute (percent-encoded) and an HTML parser has read it
/// back (`&amp;` and `&#x27;` decoded).
fn href_as_written(url: &str) -> String {
    let mut written = String::with_capacity(url.len());
    if pulldown_cmark_escape::escape_href(&mut written, url).is_err() {
        return String::new();
    }
    written.replace("&amp;", "&").replace("&#x27;", "'")
}

/// Whether ammonia keeps `url` in a link or image: a URL the URL
/// standard parses, with a scheme of `SAFE_SCHEMES`, or a relative one.
fn sanitizer_keeps_url(url: &str) -> bool {
    match url::Url::parse(url) {
        Ok(parsed) => SAFE_SCHEMES.contains(&parsed.scheme()),
        Err(url::ParseError::RelativeUrlWithoutBase) => true,
        Err(_) => false,
    }
}

fn outside_host_warning(body: &Body, url: &str, location: Location) -> Diagnostic {
    Diagnostic::warning(
        body.path,
        format!("this loads `{url}` from another site, which tells that site who reads the page"),
    )
    .at(location)
    .help("download the file and put it beside the issue, then use its name")
}

/// Values of `src`, `srcset`, `data` and `poster` attributes in a piece of raw HTML.
fn raw_html_sources(html: &str) -> Vec<String> {
    let lower = html.to_ascii_lowercase();
    let mut sources = Vec::new();
    for attribute in ["src=", "srcset=", "data=", "poster="] {
        let mut from = 0;
        while let Some(found) = lower[from..].find(attribute) {
            let start = from + found + attribute.len();
            let rest = &html[start..];
            let value = match rest.chars().next() {
                Some(quote @ ('"' | '\'')) => rest[1..].split(quote).next().unwrap_or(""),
                _ => rest
                    .split(|c: char| c.is_whitespace() || c == '>')
                    .next()
                    .unwrap_or(""),
            };
            sources.push(value.to_string());
            from = start;
        }
    }
    sources
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn schemes_are_read_the_way_browsers_read_them() {
        assert_eq!(scheme_of("HTTPS://example.org").as_deref(), Some("https"));
        assert_eq!(
            scheme_of(" java\tscript:alert(1)").as_deref(),
            Some("javascript")
        );
        assert_eq!(
            scheme_of("jav\u{1}ascript:x").as_deref(),
            Some("javascript")
        );
        assert_eq!(scheme_of("mailto:a@b.org").as_deref(), Some("mailto"));
        assert_eq!(scheme_of("../issue/index.en.md"), None);
        assert_eq!(scheme_of("/path:with/colon"), None);
        assert_eq!(scheme_of("#anchor"), None);
        assert_eq!(scheme_of(":nothing-before"), None);
        assert!(!scheme_is_safe("JavaScript:alert(1)"));
        assert!(scheme_is_safe("page.html"));
    }

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

    /// Random Markdown from hostile pieces, without raw HTML: the cheap
    /// path and the sanitizer must give the same document, thousands of
    /// times (the fuzzer holds the built pages; this holds the claim).
    #[test]
    fn the_sanitizer_changes_nothing_in_random_bodies_without_raw_html() {
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
    fn bodies_that_nest_too_deep_are_refused_at_their_line() {
        for text in [
            format!("ok\n\n{}deep\n", "> ".repeat(MAX_NESTING + 1)),
            format!("ok\n\n{}deep\n", "<div>".repeat(MAX_NESTING + 1)),
        ] {
            let rendered = render_text(&text, RawHtml::Sanitize);
            assert_eq!(rendered.problems.len(), 1, "{text}");
            assert_eq!(rendered.problems[0].location.as_ref().unwrap().line, 7);
            assert!(rendered.html.is_empty());
        }
        let fine = format!(
            "{}fine\n\n{}<br><img src=a.png alt=a></div>\n",
            "> ".repeat(40),
            "<div>".repeat(40)
        );
        assert!(render_text(&fine, RawHtml::Sanitize).problems.is_empty());
    }

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
    fn links_to_other_content_files_become_page_urls() {
        let rendered = render_text(
            "[b](../b/index.en.md#top) [x](../x/index.en.md)\n",
            RawHtml::Sanitize,
        );
        assert!(
            rendered.html.contains(r#"href="/en/issues/b/#top""#),
            "{}",
            rendered.html
        );
        assert_eq!(rendered.problems.len(), 1);
        assert_eq!(rendered.problems[0].location.as_ref().unwrap().line, 5);
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
    fn images_without_description_are_found() {
        let rendered = render_text("![](a.png)\n\n![A chart](b.png)\n", RawHtml::Sanitize);
        assert_eq!(rendered.problems.len(), 1);
        assert!(rendered.problems[0].strict);
        assert_eq!(rendered.problems[0].location.as_ref().unwrap().line, 5);
    }

    #[test]
    fn escape_mode_shows_html_as_text() {
        let html = render_text("<b>bold</b>\n", RawHtml::Escape).html;
        assert!(html.contains("&lt;b&gt;"), "{html}");
    }

    #[test]
    fn images_from_other_hosts_are_warned_about_with_their_line() {
        let rendered = render_text(
            "text\n\n![x](https://cdn.example.com/a.png)\n\n<iframe src=\"//video.example\"></iframe>\n",
            RawHtml::Sanitize,
        );
        let lines: Vec<usize> = rendered
            .problems
            .iter()
            .map(|p| p.location.as_ref().unwrap().line)
            .collect();
        assert_eq!(lines, [7, 9]);
    }
}
