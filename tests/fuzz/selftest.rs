//! Tests of the checker itself, on hand-written snippets and on the
//! repository's own sample site. They run before every fuzzing run (this
//! target has no libtest harness), so a checker that misses a known live
//! payload, or flags the theme's own output, stops the run.

use crate::checks::{
    check_stderr, check_xml, is_script_url, live_in_fragment, live_in_page, refresh_url,
    srcset_urls, whatwg_scheme,
};
use crate::diagnostics::{Diagnostic, Location};

type Test = (&'static str, fn() -> Result<(), String>);

const TESTS: &[Test] = &[
    (
        "a tab inside javascript: is still live",
        tab_inside_scheme_is_live,
    ),
    (
        "java&#1;script: has U+0001 in its scheme, so it is relative",
        control_char_in_scheme_is_relative,
    ),
    (
        "entity spellings decoded by the HTML parser are judged after decoding",
        entities_are_decoded_first,
    ),
    (
        "leading C0 controls and spaces are stripped",
        leading_controls_are_stripped,
    ),
    ("script schemes in any case are live", schemes_in_any_case),
    ("ordinary links are not live", ordinary_links_are_not_live),
    (
        "the scheme reading agrees with the url crate",
        scheme_agrees_with_url_crate,
    ),
    (
        "script elements, event handlers and srcdoc are found",
        elements_and_attributes,
    ),
    ("every URL attribute is judged", url_attributes),
    ("srcset candidates are split the HTML way", srcset),
    ("meta refresh URLs are read the HTML way", meta_refresh),
    (
        "escaped markup and raw-text elements are not live",
        escaped_markup_is_not_live,
    ),
    (
        "feeds: HTML-typed fields are parsed as HTML, bad XML is reported",
        feeds,
    ),
    (
        "diagnostics as boletin renders them name a file",
        diagnostics_name_files,
    ),
    (
        "errors without a file, panics and a silent exit 1 are reported",
        bad_stderr,
    ),
    (
        "files left, changed or removed outside public/ are reported",
        listings,
    ),
    (
        "the sample site builds with nothing flagged",
        sample_site_is_clean,
    ),
];

pub(crate) const COUNT: usize = TESTS.len();

/// Runs every test; the failures, described.
pub(crate) fn run() -> Vec<String> {
    TESTS
        .iter()
        .filter_map(|(name, test)| test().err().map(|e| format!("{name}: {e}")))
        .collect()
}

fn expect(condition: bool, what: impl FnOnce() -> String) -> Result<(), String> {
    if condition { Ok(()) } else { Err(what()) }
}

fn classes(html: &str) -> Vec<String> {
    live_in_fragment(html, "test")
        .into_iter()
        .map(|f| f.class)
        .collect()
}

fn live(html: &str) -> Result<(), String> {
    let found = classes(html);
    expect(!found.is_empty(), || format!("{html:?} should be flagged"))
}

fn clean(html: &str) -> Result<(), String> {
    let found = live_in_fragment(html, "test");
    expect(found.is_empty(), || format!("{html:?} flagged: {found:?}"))
}

fn tab_inside_scheme_is_live() -> Result<(), String> {
    live("<a href=\"java\tscript:alert(1)\">x</a>")?;
    live("<a href=\"java\nscr\ript:alert(1)\">x</a>")?;
    expect(
        classes("<a href=\"java\tscript:x\">x</a>") == ["script-url in href"],
        || "a tab in the scheme should be a script-url".to_string(),
    )
}

fn control_char_in_scheme_is_relative() -> Result<(), String> {
    let html = scraper::Html::parse_fragment("<a href=\"java&#1;script:alert(1)\">x</a>");
    let selector = scraper::Selector::parse("a").map_err(|e| format!("{e:?}"))?;
    let href = html
        .select(&selector)
        .next()
        .and_then(|a| a.value().attr("href"))
        .ok_or("no href")?;
    expect(href == "java\u{1}script:alert(1)", || {
        format!("html5ever should decode &#1; to U+0001, gave {href:?}")
    })?;
    expect(
        matches!(
            url::Url::parse(href),
            Err(url::ParseError::RelativeUrlWithoutBase)
        ),
        || "the url crate should find no scheme".to_string(),
    )?;
    clean("<a href=\"java&#1;script:alert(1)\">x</a>")?;
    for c in (0x01u32..=0x1f).chain([0x7f, 0xfffe, 0xffff]) {
        let c = char::from_u32(c).ok_or("char")?;
        if matches!(c, '\t' | '\n' | '\r') {
            continue;
        }
        let url = format!("java{c}script:alert(1)");
        expect(!is_script_url(&url), || format!("{url:?} is relative"))?;
    }
    Ok(())
}

fn entities_are_decoded_first() -> Result<(), String> {
    live("<a href=\"&#x6A;avascript:alert(1)\">x</a>")?;
    live("<a href=\"jav&#x09;ascript:alert(1)\">x</a>")?;
    live("<a href=\"java&Tab;script&colon;alert(1)\">x</a>")?;
    live("<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>")
}

fn leading_controls_are_stripped() -> Result<(), String> {
    live("<a href=\" &#14;  javascript:alert(1)\">x</a>")?;
    live("<a href=\"\u{1}\u{1f}javascript:alert(1)\u{7}\">x</a>")?;
    expect(is_script_url("\u{0}\u{20}javascript:x"), || {
        "NUL and space lead".to_string()
    })
}

fn schemes_in_any_case() -> Result<(), String> {
    for url in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "vbscript:msgbox(1)",
        "VBSCRIPT:x",
        "data:text/html,<script>alert(1)</script>",
        "DATA:text/html;base64,PHNjcmlwdD4=",
        "javascript://%0aalert(1)",
        "javascript://a b",
    ] {
        expect(is_script_url(url), || format!("{url:?} is live"))?;
    }
    Ok(())
}

fn ordinary_links_are_not_live() -> Result<(), String> {
    for url in [
        "https://example.org/",
        "mailto:a@example.org",
        "tel:+1555",
        "sms:+1555",
        "whatsapp://send?text=hola",
        "#javascript:x",
        "/en/javascript:x",
        "./javascript:alert(1)",
        "javascript",
        "java script:x",
        "java\u{b}script:x",
        "",
        "?data:x",
    ] {
        expect(!is_script_url(url), || format!("{url:?} is not live"))?;
    }
    clean("<a href=\"https://example.org/\">x</a><img src=\"photo.jpg\" alt=\"\">")
}

fn scheme_agrees_with_url_crate() -> Result<(), String> {
    let samples = [
        "javascript:x",
        " \u{1}JavaScript:x",
        "java\tscript:x",
        "java\u{1}script:x",
        "https://example.org/",
        "a+b-c.d:x",
        "1abc:x",
        "/path",
        "mailto:x",
        "data:,x",
    ];
    for sample in samples {
        let ours = whatwg_scheme(sample);
        let theirs = url::Url::parse(sample).ok().map(|u| u.scheme().to_string());
        expect(ours == theirs, || {
            format!("{sample:?}: ours {ours:?}, url crate {theirs:?}")
        })?;
    }
    Ok(())
}

fn elements_and_attributes() -> Result<(), String> {
    let cases = [
        ("<script>alert(1)</script>", "script-element"),
        ("<svg><script>alert(1)</script></svg>", "script-element"),
        (
            "<h2 onclick=\"alert(1)\" id=\"t\">T</h2>",
            "event-handler on a heading",
        ),
        (
            "<h1 ONFOCUS=alert(1) autofocus tabindex=0>T</h1>",
            "event-handler on a heading",
        ),
        ("<img src=x onerror=alert(1)>", "event-handler"),
        (
            "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>",
            "srcdoc",
        ),
    ];
    for (html, class) in cases {
        expect(classes(html).iter().any(|c| c == class), || {
            format!("{html:?} should give {class}, gave {:?}", classes(html))
        })?;
    }
    let page = live_in_page(
        "<!DOCTYPE html><html><head><script src=x.js></script></head><body></body></html>",
        "p",
    );
    expect(page.len() == 1, || format!("script in head: {page:?}"))
}

fn url_attributes() -> Result<(), String> {
    for html in [
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<form action=\"javascript:alert(1)\"></form>",
        "<form><button formaction=\"vbscript:x\">go</button></form>",
        "<video poster=\"javascript:alert(1)\"></video>",
        "<table background=\"javascript:alert(1)\"></table>",
        "<blockquote cite=\"javascript:alert(1)\">q</blockquote>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
        "<svg><animate attributeName=\"href\" values=\"https://x;javascript:alert(1)\"/></svg>",
        "<a href=\"data:text/html,x\">x</a>",
    ] {
        live(html)?;
    }
    Ok(())
}

fn srcset() -> Result<(), String> {
    let urls = srcset_urls("a.png 1x, b.png 2x,c.png,  d.png 100w");
    expect(urls == ["a.png", "b.png", "c.png", "d.png"], || {
        format!("{urls:?}")
    })?;
    live("<img srcset=\"a.png 1x, javascript:alert(1) 2x\">")?;
    live("<img srcset=\"javascript:alert(1)\">")?;
    clean("<img srcset=\"a.png 1x, b.png 2x\" alt=\"\">")
}

fn meta_refresh() -> Result<(), String> {
    let cases = [
        (
            "0; url=https://example.org/en/",
            Some("https://example.org/en/"),
        ),
        ("0;URL='javascript:alert(1)'", Some("javascript:alert(1)")),
        ("5", None),
        ("0, url = \"x\"", Some("x")),
    ];
    for (content, expected) in cases {
        let found = refresh_url(content);
        expect(found.as_deref() == expected, || {
            format!("{content:?} gave {found:?}")
        })?;
    }
    live("<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">")?;
    clean(
        "<meta http-equiv=\"refresh\" content=\"0; url=https://news.example.org/en/issues/a/\">",
    )?;
    clean(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'none'\">",
    )
}

fn escaped_markup_is_not_live() -> Result<(), String> {
    clean("<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;a href=\"javascript:x\"&gt;</p>")?;
    clean("<pre><code>&lt;img src=x onerror=alert(1)&gt;</code></pre>")?;
    clean("<textarea><script>alert(1)</script></textarea>")?;
    clean("<p title=\"onclick=alert(1) javascript:x\">x</p>")?;
    clean("<h2 id=\"onclick\" class=\"javascript:x\">T</h2>")
}

fn feeds() -> Result<(), String> {
    let atom = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>&lt;script&gt;</title><content type=\"html\">&lt;a href=\"java&amp;#1;script:x\"&gt;ok&lt;/a&gt;</content></entry></feed>";
    let found = check_xml(atom, "atom.xml");
    expect(found.is_empty(), || {
        format!("clean Atom flagged: {found:?}")
    })?;
    let atom = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><content type=\"html\">&lt;h2 onclick=alert(1)&gt;T&lt;/h2&gt;</content><summary type=\"html\">&lt;a href=\"javascript:x\"&gt;</summary></entry></feed>";
    let found = check_xml(atom, "atom.xml");
    expect(found.len() == 2, || format!("Atom: {found:?}"))?;
    let rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><description>plain</description><item><description>&lt;img src=x onerror=alert(1)&gt;</description></item></channel></rss>";
    let found = check_xml(rss, "rss.xml");
    expect(
        found.len() == 1 && found[0].class == "event-handler",
        || format!("RSS: {found:?}"),
    )?;
    let links = "<rss xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel><link>https://x.example/</link><atom:link href=\"https://x.example/rss.xml\" rel=\"self\"/><item><link> javascript:alert(1)</link></item></channel></rss>";
    let found = check_xml(links, "rss.xml");
    expect(
        found.len() == 1 && found[0].class == "script-url in link",
        || format!("feed links: {found:?}"),
    )?;
    let atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><link href=\"JavaScript:x\"/></feed>";
    expect(check_xml(atom, "atom.xml").len() == 1, || {
        "Atom link href".to_string()
    })?;
    let cdata = "<rss><channel><item><description><![CDATA[<script>alert(1)</script>]]></description></item></channel></rss>";
    expect(check_xml(cdata, "rss.xml").len() == 1, || {
        "CDATA".to_string()
    })?;
    for broken in [
        "<feed><entry></feed>",
        "<rss>\u{1}</rss>",
        "<rss>&#1;</rss>",
        "",
    ] {
        let found = check_xml(broken, "x.xml");
        expect(
            found.len() == 1 && found[0].class == "xml-does-not-parse",
            || format!("{broken:?} should not parse: {found:?}"),
        )?;
    }
    Ok(())
}

fn diagnostics_name_files() -> Result<(), String> {
    let text = "---\ntitle: x\ndate: 2026-13-01\n---\n";
    let located = Diagnostic::error("content/issues/a/index.en.md", "bad date")
        .at(Location::at_offset(text, 20, 10))
        .help("write YYYY-MM-DD");
    let whole = Diagnostic::error("locales/en/main.ftl", "cannot read").help("check it");
    let warning = Diagnostic::warning("content/pages/about.en.md", "outside host");
    let stderr = format!(
        "{}\n{}\n{}\n2 errors.\nThe site was not built; ./public was left as it was.\n",
        warning.render(false),
        located.render(false),
        whole.render(false)
    );
    let found = check_stderr(&stderr, Some(1));
    expect(found.is_empty(), || format!("{stderr}\nflagged: {found:?}"))?;
    Ok(())
}

fn bad_stderr() -> Result<(), String> {
    let cases = [
        (
            "error: cannot write the site\n1 error.\n",
            Some(1),
            "error-names-no-file",
        ),
        ("error: x\n --> \n", Some(1), "error-names-no-file"),
        (
            "error: disk full\n --> .public.boletin-staging-42/en/x/index.html\n",
            Some(1),
            "error-names-output-not-site-file",
        ),
        (
            "error: cannot write x: File name too long (os error 36)\n --> ./public\n",
            Some(1),
            "error-names-output-not-site-file",
        ),
        (
            "thread 'main' panicked at src/x.rs:1:1:\nboom\n",
            Some(101),
            "panic",
        ),
        ("The site was not built.\n", Some(1), "exit-1-without-error"),
        ("warning: odd\n", Some(0), "warning-names-no-file"),
    ];
    for (stderr, code, class) in cases {
        let found = check_stderr(stderr, code);
        expect(found.iter().any(|f| f.class == class), || {
            format!("{stderr:?} should give {class}: {found:?}")
        })?;
    }
    Ok(())
}

/// The repository's sample site (the default theme's own output, with its
/// meta refresh, feeds and language links) gives no finding.
fn sample_site_is_clean() -> Result<(), String> {
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut site = crate::generate::Site {
        mode: "sanitize".to_string(),
        ..Default::default()
    };
    for top in ["boletin.yaml", "content", "locales"] {
        for entry in walkdir::WalkDir::new(repo.join(top)) {
            let entry = entry.map_err(|e| e.to_string())?;
            if entry.file_type().is_file() {
                let relative = entry.path().strip_prefix(repo).map_err(|e| e.to_string())?;
                let bytes = std::fs::read(entry.path()).map_err(|e| e.to_string())?;
                site.files
                    .push((relative.to_string_lossy().into_owned().into_bytes(), bytes));
            }
        }
    }
    site.run_check = true;
    let outcome = crate::build_and_check(&site);
    expect(outcome.findings.is_empty(), || {
        format!("{:?}\n{}", outcome.findings, outcome.log)
    })
}

fn listings() -> Result<(), String> {
    use std::path::PathBuf;
    let before: std::collections::BTreeMap<PathBuf, u64> = [
        ("site/boletin.yaml", 1),
        ("site/content/a.en.md", 2),
        ("tmp", 3),
    ]
    .into_iter()
    .map(|(p, d)| (PathBuf::from(p), d))
    .collect();
    let mut after = before.clone();
    after.insert(PathBuf::from("site/public/index.html"), 4);
    after.insert(PathBuf::from("site/.boletin/cache/x"), 5);
    let found = crate::compare(&before, &after, "build");
    expect(found.is_empty(), || {
        format!("public/ and .boletin/ are allowed: {found:?}")
    })?;
    after.insert(PathBuf::from("site/.public.boletin-staging-7"), 6);
    after.insert(PathBuf::from("site/content/a.en.md"), 9);
    after.remove(&PathBuf::from("site/boletin.yaml"));
    after.insert(PathBuf::from("tmp/x"), 6);
    let classes: Vec<String> = crate::compare(&before, &after, "build")
        .into_iter()
        .map(|f| f.class)
        .collect();
    expect(
        classes
            == [
                "file-written-outside-output",
                "input-changed",
                "file-written-outside-output",
                "input-removed",
            ],
        || format!("{classes:?}"),
    )
}
