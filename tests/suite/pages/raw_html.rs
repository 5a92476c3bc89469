//! Front matter text is escaped, and raw HTML in Markdown follows
//! `markdown.raw_html`: sanitized by default, shown as text with `escape`,
//! kept (media, never scripts or handlers) with `trust`.

use super::*;

/// Elements with an event-handler attribute (`on...`).
fn event_handlers(html: &Html) -> Vec<String> {
    select(html, "*")
        .into_iter()
        .flat_map(|e| {
            e.value()
                .attrs()
                .filter(|(name, _)| name.to_ascii_lowercase().starts_with("on"))
                .map(move |(name, _)| format!("<{} {name}>", e.value().name()))
        })
        .collect()
}

/// `href`/`src` values that would run script.
fn script_urls(html: &Html) -> Vec<String> {
    select(html, "*")
        .into_iter()
        .flat_map(|e| {
            e.value()
                .attrs()
                .filter(|(name, _)| matches!(*name, "href" | "src" | "action" | "formaction"))
                .map(|(_, v)| v.to_string())
                .collect::<Vec<_>>()
        })
        .filter(|value| {
            let folded: String = value
                .chars()
                .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
                .collect::<String>()
                .to_ascii_lowercase();
            folded.starts_with("javascript:") || folded.starts_with("vbscript:")
        })
        .collect()
}

const RAW_HTML_BODY: &str = "Before <b>bold</b> after <span lang=\"fr\" dir=\"ltr\" class=\"quote\" id=\"q1\">bonjour</span>.\n\n<script>alert(\"body\")</script>\n\n<p onclick=\"steal()\">Click <em onmouseover=\"x()\">here</em>.</p>\n\n<a href=\"javascript:alert(1)\">raw link</a> and <a href=\" JaVaScRiPt:alert(2)\">mixed case</a>\n\n[markdown link](javascript:alert(3)) and [safe link](https://example.com/page).\n";

#[test]
fn front_matter_text_is_escaped_and_raw_html_is_sanitized_by_default() {
    let fixture = Fixture::new();
    let title = "<script>alert(1)</script> Breaking";
    fixture.issue(
        "xss",
        "en",
        title,
        "2026-03-01",
        "summary: \"<img src=x onerror=alert(1)> summary\"\nauthors: [\"<i>Eve</i>\"]\n",
        RAW_HTML_BODY,
    );
    fixture.build(&[]).assert_ok();

    let page = fixture.html("en/issues/xss/index.html");
    assert_eq!(
        text_of(&page, "main h1"),
        title,
        "the title is shown as text"
    );
    assert!(
        text_of(&page, "title").contains(title),
        "the <title> shows it as text"
    );
    assert!(
        text_of(&page, "main").contains("<i>Eve</i>"),
        "authors are text"
    );
    assert!(
        select(&page, "main i").is_empty(),
        "no <i> from the author's name"
    );
    assert_eq!(
        select(&page, "script").len(),
        0,
        "no script element in the issue page"
    );
    assert_eq!(
        event_handlers(&page),
        Vec::<String>::new(),
        "no event handlers"
    );
    assert_eq!(
        script_urls(&page),
        Vec::<String>::new(),
        "no javascript: URLs"
    );

    assert_eq!(text_of(&page, "main b"), "bold", "<b> survives");
    let span = first(&page, r#"main span[lang="fr"]"#);
    assert_eq!(text(span), "bonjour");
    assert_eq!(span.value().attr("dir"), Some("ltr"), "dir survives");
    assert_eq!(span.value().attr("class"), Some("quote"), "class survives");
    assert_eq!(span.value().attr("id"), Some("q1"), "id survives");
    assert_eq!(
        text_of(&page, "main em"),
        "here",
        "the <em> survives without its handler"
    );
    assert!(
        attrs(&page, "main a", "href").contains(&"https://example.com/page".to_string()),
        "a safe link survives: {:?}",
        attrs(&page, "main a", "href")
    );

    let archive = fixture.html("en/index.html");
    assert_eq!(
        select(&archive, "script").len(),
        0,
        "no script element in the archive"
    );
    assert_eq!(
        event_handlers(&archive),
        Vec::<String>::new(),
        "no event handlers in the archive"
    );
    assert!(
        select(&archive, "main img").is_empty(),
        "the summary's <img> is text"
    );
    assert!(
        text_of(&archive, "main").contains("<img src=x onerror=alert(1)> summary"),
        "the summary is shown as text"
    );
    assert!(
        text_of(&archive, "main").contains(title),
        "the title is shown as text in the archive"
    );
}

#[test]
fn raw_html_escape_mode_shows_html_as_text() {
    let fixture = Fixture::new();
    fixture.write(
        "boletin.yaml",
        &config_with("markdown:\n  raw_html: escape\n"),
    );
    fixture.issue(
        "raw",
        "en",
        "Raw",
        "2026-03-01",
        "",
        "Before <b>bold</b> after.\n\n<script>alert(1)</script>\n\n<p onclick=\"x()\">para</p>\n",
    );
    fixture.build(&[]).assert_ok();

    let page = fixture.html("en/issues/raw/index.html");
    assert!(select(&page, "main b").is_empty(), "no <b> element");
    assert!(select(&page, "script").is_empty(), "no script element");
    assert_eq!(event_handlers(&page), Vec::<String>::new());
    let before = containing(&page, "main p", "Before");
    assert_eq!(
        before.first().map(|p| text(*p)).as_deref(),
        Some("Before <b>bold</b> after."),
        "inline HTML shown as text"
    );
    let main = text_of(&page, "main");
    assert!(
        main.contains("<script>alert(1)</script>"),
        "block HTML shown as text: {main:?}"
    );
    assert!(
        main.contains("<p onclick=\"x()\">para</p>"),
        "block HTML shown as text: {main:?}"
    );
}

#[test]
fn raw_html_trust_mode_keeps_media_but_never_scripts_or_handlers() {
    // PRODUCT.md: every mode passes the one sanitizer; `trust` only lets
    // more elements through (it used to keep scripts and handlers).
    let fixture = Fixture::new();
    fixture.write(
        "boletin.yaml",
        &config_with("markdown:\n  raw_html: trust\n"),
    );
    fixture.issue("raw", "en", "Raw", "2026-03-01", "", "Before <b>bold</b> after.\n\n<div class=\"widget\" onclick=\"go()\">widget</div>\n\n<script>console.log(\"kept\")</script>\n\n<video controls src=\"clip.webm\" onplay=\"go()\"></video>\n\n<iframe src=\"javascript:alert(1)\" title=\"x\"></iframe>\n");
    fixture.build(&[]).assert_ok();

    let page = fixture.html("en/issues/raw/index.html");
    assert_eq!(text_of(&page, "main b"), "bold");
    assert_eq!(text_of(&page, "main div.widget"), "widget");
    assert!(
        select(&page, "main div.widget")[0]
            .value()
            .attr("onclick")
            .is_none(),
        "no handler survives, whatever the mode"
    );
    assert!(
        select(&page, "main script").is_empty(),
        "no script survives"
    );
    assert_eq!(attr_of(&page, "main video", "src"), "clip.webm");
    assert!(
        select(&page, "main video")[0]
            .value()
            .attr("onplay")
            .is_none()
    );
    let iframe = &select(&page, "main iframe")[0];
    assert_eq!(iframe.value().attr("title"), Some("x"));
    assert!(iframe.value().attr("src").is_none(), "script URL removed");
}
