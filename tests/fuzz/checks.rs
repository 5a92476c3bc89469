//! What the fuzzer asserts after every build, as plain functions of the
//! build's output so they can be tested on hand-written snippets
//! (`selftest.rs`).
//!
//! "Live" means a browser (or a feed reader rendering HTML) would run
//! script from it. URLs are judged the way the WHATWG URL standard says a
//! browser parses them: leading and trailing C0 controls and spaces are
//! stripped, every ASCII tab and newline is removed, and then the scheme
//! is the run of ASCII letters, digits, `+`, `-` and `.` that starts with
//! a letter and ends at the first `:`. Anything else before the colon
//! (`java\u{1}script:`) means there is no scheme: the URL is relative, and
//! harmless.

use scraper::Html;

/// One thing wrong with a build.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Finding {
    /// A short, stable name for the kind of problem, to count by.
    pub class: String,
    /// Where and what, for a person.
    pub detail: String,
}

impl Finding {
    pub(crate) fn new(class: impl Into<String>, detail: impl Into<String>) -> Finding {
        Finding {
            class: class.into(),
            detail: detail.into(),
        }
    }
}

const SCRIPT_SCHEMES: &[&str] = &["javascript", "vbscript", "data"];

/// Attributes whose value a browser treats as one URL.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "poster",
    "data",
    "background",
    "cite",
    "longdesc",
    "lowsrc",
    "dynsrc",
    "codebase",
    "classid",
    "icon",
    "manifest",
    "ping",
    "profile",
    "usemap",
    "archive",
];

/// The scheme of `value` as the WHATWG URL parser finds it, lower-cased,
/// or `None` when the URL has none (is relative).
pub(crate) fn whatwg_scheme(value: &str) -> Option<String> {
    let trimmed = value.trim_matches(|c: char| c <= '\u{20}');
    let cleaned: String = trimmed
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let mut chars = cleaned.chars();
    let first = chars.next()?;
    if !first.is_ascii_alphabetic() {
        return None;
    }
    let mut scheme = String::from(first.to_ascii_lowercase());
    for c in chars {
        match c {
            ':' => return Some(scheme),
            c if c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.') => {
                scheme.push(c.to_ascii_lowercase());
            }
            _ => return None,
        }
    }
    None
}

/// Whether a browser would run script from a link or source `value`.
/// The `url` crate (a WHATWG parser) decides when it can parse the URL;
/// when it cannot, the scheme alone decides, so a URL that one browser's
/// parser rejects but another's accepts still counts.
pub(crate) fn is_script_url(value: &str) -> bool {
    let scheme = match url::Url::parse(value) {
        Ok(url) => Some(url.scheme().to_string()),
        Err(url::ParseError::RelativeUrlWithoutBase) => None,
        Err(_) => whatwg_scheme(value),
    };
    scheme.is_some_and(|s| SCRIPT_SCHEMES.contains(&s.as_str()))
}

/// The URLs of a `srcset` value, following the HTML standard's parser:
/// candidates are separated by commas; a URL runs to the next whitespace,
/// and commas that end it are dropped.
pub(crate) fn srcset_urls(value: &str) -> Vec<String> {
    let is_space = |c: char| matches!(c, '\t' | '\n' | '\u{c}' | '\r' | ' ');
    let mut urls = Vec::new();
    let mut rest = value;
    loop {
        rest = rest.trim_start_matches(|c: char| is_space(c) || c == ',');
        if rest.is_empty() {
            return urls;
        }
        let end = rest.find(is_space).unwrap_or(rest.len());
        let url = rest[..end].trim_end_matches(',');
        let ended_by_comma = rest[..end].ends_with(',');
        urls.push(url.to_string());
        rest = &rest[end..];
        if !ended_by_comma {
            // Skip the descriptors, up to the next comma outside parentheses.
            let mut depth = 0usize;
            let mut cut = rest.len();
            for (i, c) in rest.char_indices() {
                match c {
                    '(' => depth += 1,
                    ')' => depth = depth.saturating_sub(1),
                    ',' if depth == 0 => {
                        cut = i + 1;
                        break;
                    }
                    _ => {}
                }
            }
            rest = &rest[cut..];
        }
    }
}

/// The URL of a `<meta http-equiv="refresh" content="…">`, the way the
/// HTML standard's "shared declarative refresh steps" read it.
pub(crate) fn refresh_url(content: &str) -> Option<String> {
    let is_space = |c: char| matches!(c, '\t' | '\n' | '\u{c}' | '\r' | ' ');
    let rest = content.trim_start_matches(is_space);
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    let rest = rest.trim_start_matches(is_space);
    let rest = rest
        .strip_prefix(';')
        .or_else(|| rest.strip_prefix(','))
        .unwrap_or(rest);
    let rest = rest.trim_start_matches(is_space);
    if rest.is_empty() {
        return None;
    }
    let mut url = rest;
    if rest.len() >= 3 && rest[..3].eq_ignore_ascii_case("url") {
        let after = rest[3..].trim_start_matches(is_space);
        if let Some(after) = after.strip_prefix('=') {
            url = after.trim_start_matches(is_space);
        }
    }
    let url = match url.chars().next() {
        Some(quote @ ('"' | '\'')) => {
            let inner = &url[1..];
            &inner[..inner.find(quote).unwrap_or(inner.len())]
        }
        _ => url,
    };
    Some(url.trim_end_matches(is_space).to_string())
}

/// Shows a value with its control characters visible, cut to a readable size.
fn shown(value: &str) -> String {
    let escaped = format!("{value:?}");
    if escaped.chars().count() > 120 {
        let cut: String = escaped.chars().take(120).collect();
        format!("{cut}…")
    } else {
        escaped
    }
}

/// Everything live in a parsed HTML document or fragment. `place` names
/// the file (and field) in the details.
pub(crate) fn live_in_html(html: &Html, place: &str) -> Vec<Finding> {
    let mut found = Vec::new();
    for node in html.tree.root().descendants() {
        let Some(element) = node.value().as_element() else {
            continue;
        };
        let name = element.name();
        if name.eq_ignore_ascii_case("script") {
            let text: String = node
                .descendants()
                .filter_map(|n| n.value().as_text().map(|t| t.to_string()))
                .collect();
            found.push(Finding::new(
                "script-element",
                format!("{place}: <script> {}", shown(&text)),
            ));
        }
        let is_refresh = name == "meta"
            && element
                .attr("http-equiv")
                .is_some_and(|v| v.trim().eq_ignore_ascii_case("refresh"));
        let is_animation = matches!(name, "animate" | "set");
        for (attr, value) in element.attrs() {
            let attr = attr.to_ascii_lowercase();
            let hit = |kind: &str| {
                Finding::new(kind, format!("{place}: <{name} {attr}={}>", shown(value)))
            };
            if attr.starts_with("on") {
                // Headings get attributes from Markdown's `{…}` syntax,
                // a path of its own (issue 10, item 1).
                let heading = matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
                found.push(hit(if heading {
                    "event-handler on a heading"
                } else {
                    "event-handler"
                }));
            } else if attr == "srcdoc" {
                found.push(hit("srcdoc"));
            } else if URL_ATTRIBUTES.contains(&attr.as_str()) {
                if is_script_url(value) {
                    found.push(hit(&format!("script-url in {attr}")));
                }
            } else if attr == "srcset" || attr == "imagesrcset" {
                if srcset_urls(value).iter().any(|u| is_script_url(u)) {
                    found.push(hit(&format!("script-url in {attr}")));
                }
            } else if is_refresh && attr == "content" {
                if refresh_url(value).is_some_and(|u| is_script_url(&u)) {
                    found.push(hit("script-url in meta refresh"));
                }
            } else if is_animation
                && matches!(attr.as_str(), "to" | "from" | "values")
                && value.split(';').any(is_script_url)
            {
                found.push(hit("script-url in animation"));
            }
        }
    }
    found
}

/// Everything live in a page.
pub(crate) fn live_in_page(text: &str, place: &str) -> Vec<Finding> {
    live_in_html(&Html::parse_document(text), place)
}

/// Everything live in an HTML fragment (a feed field).
pub(crate) fn live_in_fragment(text: &str, place: &str) -> Vec<Finding> {
    live_in_html(&Html::parse_fragment(text), place)
}

/// Checks a feed or sitemap: it must parse as XML, and every field a feed
/// reader renders as HTML must have nothing live. Atom fields say so with
/// `type="html"` (text escaped once) or `type="xhtml"` (markup inline);
/// an RSS item's `<description>` is HTML by convention.
pub(crate) fn check_xml(text: &str, place: &str) -> Vec<Finding> {
    let document = match roxmltree::Document::parse(text) {
        Ok(document) => document,
        Err(error) => {
            return vec![Finding::new(
                "xml-does-not-parse",
                format!("{place}: {error}"),
            )];
        }
    };
    let mut found = Vec::new();
    for node in document.descendants().filter(|n| n.is_element()) {
        let name = node.tag_name().name();
        let field = format!("{place} <{name}>");
        // Readers make feed links clickable: `<link href>` in Atom, the
        // text of `<link>` in RSS.
        for attribute in node.attributes() {
            if matches!(attribute.name(), "href" | "src") && is_script_url(attribute.value()) {
                found.push(Finding::new(
                    format!("script-url in {name} {}", attribute.name()),
                    format!("{field}: {}", shown(attribute.value())),
                ));
            }
        }
        if matches!(name, "link" | "guid" | "url")
            && node.text().is_some_and(|t| is_script_url(t.trim()))
        {
            found.push(Finding::new(
                format!("script-url in {name}"),
                format!("{field}: {}", shown(node.text().unwrap_or(""))),
            ));
        }
        match node.attribute("type") {
            Some("html") => {
                found.extend(live_in_fragment(&text_within(node), &field));
            }
            Some("xhtml") => {
                let inner = &text[node.range()];
                found.extend(live_in_fragment(inner, &field));
            }
            // An item's description carries its text as HTML; the
            // channel's is a plain sentence (RSS 2.0), like every title.
            _ if name == "description"
                && node
                    .parent_element()
                    .is_some_and(|p| p.tag_name().name() == "item") =>
            {
                found.extend(live_in_fragment(&text_within(node), &field));
            }
            _ => {}
        }
    }
    found
}

/// Checks what the command printed on standard error: no panic, and every
/// error and warning names a file (`--> path` or `--> path:line:column`,
/// as `src/diagnostics.rs` renders them), and a file of the site rather
/// than the output or staging folder.
pub(crate) fn check_stderr(stderr: &str, code: Option<i32>) -> Vec<Finding> {
    let mut found = Vec::new();
    if stderr.contains("panicked at") || stderr.contains("RUST_BACKTRACE") {
        found.push(Finding::new("panic", first_lines(stderr, 6)));
    }
    let mut blocks: Vec<(String, Vec<&str>)> = Vec::new();
    for line in stderr.lines() {
        if let Some(level) = diagnostic_level(line) {
            blocks.push((level.to_string(), vec![line]));
        } else if let Some((_, lines)) = blocks.last_mut() {
            lines.push(line);
        }
    }
    let mut errors = 0;
    for (level, lines) in &blocks {
        if level == "error" {
            errors += 1;
        }
        let location = lines
            .iter()
            .find_map(|l| l.trim_start().strip_prefix("--> "))
            .map(strip_line_column);
        match location {
            Some(path) if !path.trim().is_empty() => {
                if names_output(path) {
                    found.push(Finding::new(
                        format!("{level}-names-output-not-site-file"),
                        lines.join("\n"),
                    ));
                }
            }
            _ => found.push(Finding::new(
                format!("{level}-names-no-file"),
                lines.join("\n"),
            )),
        }
    }
    if code == Some(1) && errors == 0 {
        found.push(Finding::new(
            "exit-1-without-error",
            first_lines(stderr, 10),
        ));
    }
    found
}

/// Whether a diagnostic's path is the output (`public/`) or a staging
/// folder beside it rather than a file of the site. The fuzzer always
/// builds into a fresh `public/`, so no problem it can cause is there.
fn names_output(path: &str) -> bool {
    let path = path.trim();
    let path = path.strip_prefix("./").unwrap_or(path);
    path == "public"
        || path.starts_with("public/")
        || path.contains(".boletin-staging-")
        || path.contains(".boletin-old-")
}

/// `error` or `warning` when `line` starts a diagnostic ("error: …",
/// "warning[code]: …").
fn diagnostic_level(line: &str) -> Option<&str> {
    for level in ["error", "warning"] {
        if let Some(rest) = line.strip_prefix(level) {
            let rest = match rest.strip_prefix('[') {
                Some(code) => code.split_once(']').map_or("", |(_, after)| after),
                None => rest,
            };
            if rest.starts_with(':') {
                return Some(level);
            }
        }
    }
    None
}

/// `path:3:7` → `path`; a path without line and column as it is.
fn strip_line_column(location: &str) -> &str {
    let mut rest = location.trim_end();
    for _ in 0..2 {
        match rest.rsplit_once(':') {
            Some((before, digits))
                if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) =>
            {
                rest = before;
            }
            _ => break,
        }
    }
    rest
}

fn first_lines(text: &str, n: usize) -> String {
    text.lines().take(n).collect::<Vec<_>>().join("\n")
}

/// The text of an XML element and everything inside it, as a feed reader
/// reads an HTML-typed field.
fn text_within(node: roxmltree::Node) -> String {
    node.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect()
}
