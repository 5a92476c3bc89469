//! Hostile files beside an issue: a web page, a script or an SVG image
//! with script is published on the site's own origin, without the
//! sanitizer and without the pages' Content-Security-Policy, so both
//! `build` and `check` refuse it by name and nothing is published. A
//! clean SVG image (the sample site's cover) still builds.
//!
//! Each case runs the real binary on its own fixture site and checks the
//! exit status, what standard error names, and what the output holds.

use crate::common::{
    CONFIG, Fixture, Run, assert_site_error, assert_stderr_has, assert_stderr_snapshot, select,
};

const KEY: &str = "2026-03-meeting";

/// A site whose raw HTML is `mode`, with one issue in the folder form
/// with `front` and `body`.
fn site(mode: &str, front: &str, body: &str) -> Fixture {
    let site = Fixture::new();
    site.write(
        "boletin.yaml",
        &format!("{CONFIG}markdown:\n  raw_html: {mode}\n"),
    );
    site.issue(KEY, "en", "Meeting", "2026-03-01", front, body);
    site
}

/// A site with an SVG cover holding `svg`.
fn svg_cover(svg: &str) -> Fixture {
    let site = site(
        "sanitize",
        "cover: cover.svg\ncover_alt: A drawing\n",
        "Body.\n",
    );
    site.write(&format!("content/issues/{KEY}/cover.svg"), svg);
    site
}

/// Exit 1, the file named relative to the site root, in plain words.
#[track_caller]
fn assert_refused(run: &Run, file: &str, words: &str) {
    assert_site_error(run);
    assert_stderr_has(run, file);
    assert_stderr_has(run, words);
    assert_stderr_snapshot!(run);
}

/// `check` and `build` both refuse `file`, and the build writes nothing.
#[track_caller]
fn assert_both_refuse(site: &Fixture, file: &str, words: &str) {
    assert_refused(&site.run(&["check"]), file, words);
    assert_refused(&site.build(&[]), file, words);
    assert!(!site.out().exists(), "a refused build wrote an output");
}

const SCRIPTED_SVG: &str = "SVG image could run script";

#[test]
fn a_web_page_framed_by_trusted_raw_html_is_refused() {
    let site = site(
        "trust",
        "",
        "Read this:\n\n<iframe src=\"evil.html\" title=\"t\"></iframe>\n",
    );
    site.write(
        &format!("content/issues/{KEY}/evil.html"),
        "<script>parent.document.body.setAttribute(\"data-pwned\", document.domain)</script>\n",
    );
    let file = format!("content/issues/{KEY}/evil.html");
    assert_both_refuse(&site, &file, "web page or script");
    assert_stderr_has(&site.build(&[]), "static/");
}

#[test]
fn a_web_page_in_a_subfolder_of_an_issue_is_refused() {
    let site = site("sanitize", "", "[open](sub/index.html)\n");
    site.write(
        &format!("content/issues/{KEY}/sub/index.html"),
        "<script>alert(document.domain)</script>\n",
    );
    assert_both_refuse(
        &site,
        &format!("content/issues/{KEY}/sub/index.html"),
        "web page or script",
    );
}

#[test]
fn scripts_and_xml_documents_beside_an_issue_are_refused_whatever_their_case() {
    for name in ["app.JS", "feed.xml", "page.XHTML", "notes.html.bak"] {
        let site = site("sanitize", "", "Body.\n");
        site.write(&format!("content/issues/{KEY}/{name}"), "alert(1)\n");
        assert_both_refuse(
            &site,
            &format!("content/issues/{KEY}/{name}"),
            "web page or script",
        );
    }
}

#[test]
fn a_web_page_without_an_extension_is_refused_by_how_it_starts() {
    let page = site("trust", "", "<iframe src=\"notes\" title=\"t\"></iframe>\n");
    page.write(
        &format!("content/issues/{KEY}/notes"),
        "\n<HTML><script>alert(document.domain)</script>\n",
    );
    assert_both_refuse(
        &page,
        &format!("content/issues/{KEY}/notes"),
        "starts like a web page",
    );
    // The same words in a file whose type is known are text, published.
    let site = site("sanitize", "", "Body.\n");
    site.write(
        &format!("content/issues/{KEY}/notes.txt"),
        "<html> in a note\n",
    );
    site.build(&[]).assert_ok();
    assert!(site.exists(&format!("en/issues/{KEY}/notes.txt")));
}

#[test]
fn an_svg_cover_with_an_onload_handler_is_refused() {
    let site = svg_cover(
        "<svg xmlns=\"http://www.w3.org/2000/svg\"\n     onload=\"alert(document.domain)\">\n<rect width=\"1\" height=\"1\"/>\n</svg>\n",
    );
    let file = format!("content/issues/{KEY}/cover.svg");
    assert_both_refuse(&site, &file, "`onload` attribute");
    // The line of the handler is shown.
    assert_stderr_has(&site.run(&["check"]), &format!("{file}:2:"));
}

#[test]
fn an_svg_cover_with_a_script_element_is_refused() {
    let site = svg_cover(
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.domain)</script></svg>\n",
    );
    assert_both_refuse(
        &site,
        &format!("content/issues/{KEY}/cover.svg"),
        "<script> element",
    );
}

#[test]
fn an_svg_linked_from_an_issue_with_a_javascript_link_is_refused() {
    let site = site("sanitize", "", "[open](e.svg)\n");
    site.write(
        &format!("content/issues/{KEY}/e.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n<a xlink:href=\"javascript:alert(document.domain)\"><text y=\"20\">Tap</text></a>\n</svg>\n",
    );
    let file = format!("content/issues/{KEY}/e.svg");
    assert_both_refuse(&site, &file, "links to `javascript:alert(document.domain)`");
    assert_stderr_has(&site.run(&["check"]), SCRIPTED_SVG);
}

#[test]
fn an_svg_that_loads_an_image_from_another_host_is_refused() {
    let site = svg_cover(
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"https://tracker.example/x.png\" width=\"1\" height=\"1\"/></svg>\n",
    );
    assert_both_refuse(
        &site,
        &format!("content/issues/{KEY}/cover.svg"),
        "https://tracker.example/x.png",
    );
}

#[test]
fn an_svg_beside_a_flat_file_is_checked_too() {
    let site = Fixture::new();
    site.write(
        "content/issues/flat.en.md",
        "---\ntitle: Flat\ndate: 2026-03-01\ncover: flat.svg\ncover_alt: A drawing\n---\nBody.\n",
    );
    site.write(
        "content/issues/flat.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect onclick=\"alert(1)\"/></svg>\n",
    );
    assert_both_refuse(&site, "content/issues/flat.svg", "`onclick` attribute");
}

#[test]
fn an_svg_that_is_not_xml_or_has_a_doctype_is_refused() {
    let broken = svg_cover("<svg xmlns=\"http://www.w3.org/2000/svg\">\n<rect>\n</svg>\n");
    assert_both_refuse(
        &broken,
        &format!("content/issues/{KEY}/cover.svg"),
        "not well-formed XML",
    );
    let doctype = svg_cover(
        "<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&x;</text></svg>\n",
    );
    assert_both_refuse(
        &doctype,
        &format!("content/issues/{KEY}/cover.svg"),
        "<!DOCTYPE>",
    );
}

#[test]
fn a_clean_svg_cover_still_builds_and_is_published() {
    let sample = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("content/issues/2026-03-legal-clinic/cover.svg"),
    )
    .expect("the sample site's cover");
    let site = svg_cover(&sample);
    site.run(&["check"]).assert_ok();
    site.build(&[]).assert_ok();
    let published = site.read(&format!("en/issues/{KEY}/cover.svg"));
    let svg = roxmltree::Document::parse(&published).expect("the published cover is XML");
    assert_eq!(svg.root_element().tag_name().name(), "svg");
    assert_eq!(published, sample, "the cover is published as it is");
    let page = site.html(&format!("en/issues/{KEY}/index.html"));
    let covers: Vec<String> = select(&page, "img")
        .into_iter()
        .filter_map(|img| img.value().attr("src").map(str::to_string))
        .filter(|src| src.ends_with("cover.svg"))
        .collect();
    assert!(!covers.is_empty(), "the page shows no cover");
}

#[test]
fn files_of_the_sites_own_static_folder_are_copied_as_they_are() {
    let site = site("sanitize", "", "Body.\n");
    site.write("static/widget.html", "<p>ours</p>\n");
    site.write(
        "static/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"ours()\"/>\n",
    );
    site.build(&[]).assert_ok();
    assert_eq!(site.read("widget.html"), "<p>ours</p>\n");
    assert!(site.exists("logo.svg"));
}
