//! Hostile Markdown and raw HTML: whatever the `markdown.raw_html` mode,
//! no page and no feed carries a live script, an event handler or a
//! script link; link schemes this audience needs survive; every page
//! tells the browser to run no script and to load nothing from elsewhere.
//! Pages and feeds are parsed with html5ever and roxmltree, and URLs are
//! judged the way browsers read them.

mod common;

use common::*;
use scraper::Html;

const MODES: [&str; 3] = ["sanitize", "escape", "trust"];

/// A fixture whose `markdown.raw_html` is `mode`.
fn fixture_in_mode(mode: &str) -> Fixture {
    let fixture = Fixture::new();
    fixture.write(
        "boletin.yaml",
        &format!("{CONFIG}markdown:\n  raw_html: {mode}\n"),
    );
    fixture
}

/// The scheme of `url` as a browser's URL parser finds it (WHATWG URL:
/// leading and trailing C0 controls and spaces dropped, tabs and line
/// breaks removed anywhere, then letters, digits, `+`, `-` and `.` up to
/// a colon), in lower case; `None` for a relative URL.
fn browser_scheme(url: &str) -> Option<String> {
    let trimmed = url.trim_matches(|c: char| c <= ' ');
    let cleaned: String = trimmed
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let (scheme, _) = cleaned.split_once(':')?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then(|| scheme.to_ascii_lowercase())
}

/// Everything in `html` that a browser would run: script elements, event
/// handler attributes, `srcdoc`, and URL attributes with a script scheme.
fn live_script(html: &Html) -> Vec<String> {
    let mut found = Vec::new();
    for node in html.root_element().descendants() {
        let Some(element) = node.value().as_element() else {
            continue;
        };
        if element.name() == "script" {
            found.push(format!("a <script> element: {:?}", element));
        }
        for (name, value) in element.attrs() {
            let name = name.to_ascii_lowercase();
            let url_attribute = matches!(
                name.as_str(),
                "href"
                    | "src"
                    | "action"
                    | "formaction"
                    | "xlink:href"
                    | "poster"
                    | "data"
                    | "background"
                    | "cite"
                    | "srcdoc"
            );
            let script_url = url_attribute
                && matches!(
                    browser_scheme(value).as_deref(),
                    Some("javascript" | "vbscript" | "data")
                );
            if name.starts_with("on") || name == "srcdoc" || script_url {
                found.push(format!("<{} {name}={value:?}>", element.name()));
            }
        }
    }
    found
}

/// The HTML of every entry of the fixture's feeds in `lang`: Atom
/// `content` and RSS `description`, as the feed reader decodes them.
fn feed_entry_html(fixture: &Fixture, lang: &str) -> Vec<String> {
    let mut found = Vec::new();
    for file in ["atom.xml", "rss.xml"] {
        let text = fixture.read(&format!("{lang}/{file}"));
        let xml = roxmltree::Document::parse(&text)
            .unwrap_or_else(|e| panic!("{lang}/{file} is not XML: {e}"));
        for node in xml.descendants() {
            let name = node.tag_name().name();
            if name == "content"
                || (name == "description"
                    && node
                        .parent_element()
                        .is_some_and(|p| p.tag_name().name() == "item"))
            {
                found.push(node.text().unwrap_or_default().to_string());
            }
        }
    }
    assert!(!found.is_empty(), "the feeds of {lang} have entries");
    found
}

/// Asserts that neither the issue page `page` nor any feed entry of
/// `lang` carries anything a browser would run.
#[track_caller]
fn assert_nothing_runs(fixture: &Fixture, page: &str, lang: &str, mode: &str) {
    let html = fixture.html(page);
    let live = live_script(&html);
    assert!(live.is_empty(), "{mode}: {page} runs {live:?}");
    for entry in feed_entry_html(fixture, lang) {
        let live = live_script(&Html::parse_fragment(&entry));
        assert!(live.is_empty(), "{mode}: a {lang} feed entry runs {live:?}");
    }
}

#[test]
fn the_checker_of_these_tests_reads_urls_the_way_browsers_do() {
    assert_eq!(
        browser_scheme(" \u{1}JaVa\tScRiPt:x").as_deref(),
        Some("javascript")
    );
    assert_eq!(
        browser_scheme("java\u{1}script:x"),
        None,
        "a control inside is no scheme"
    );
    assert_eq!(browser_scheme("../a:b"), None);
    let page = Html::parse_fragment(r#"<a href="java&#9;script:x">a</a><p onclick="x">b</p>"#);
    assert_eq!(live_script(&page).len(), 2);
}

#[test]
fn heading_attributes_carry_no_handler_or_script_link_in_any_mode() {
    let body = "## Click {onclick=alert(1)}\n\n# Focus {onfocus=alert(1) autofocus tabindex=0}\n\n\
                ## Link {href=javascript:alert(1)}\n\n## Frame {srcdoc=\"<script>alert(1)</script>\"}\n\n\
                ## Styled {style=\"background:url(https://tracker.example/p.gif)\"}\n\n\
                ## Kept {#kept .note lang=es dir=ltr}\n\nText.\n";
    for mode in MODES {
        let fixture = fixture_in_mode(mode);
        fixture.issue("attrs", "en", "Attributes", "2026-03-01", "", body);
        let run = fixture.build(&[]);
        run.assert_ok();
        assert_stderr_has(&run, "the heading attribute `onclick` was removed");
        assert_nothing_runs(&fixture, "en/issues/attrs/index.html", "en", mode);

        let page = fixture.html("en/issues/attrs/index.html");
        for heading in select(&page, "main h1, main h2") {
            let names: Vec<&str> = heading.value().attrs().map(|(name, _)| name).collect();
            assert!(
                names
                    .iter()
                    .all(|n| ["id", "class", "lang", "dir"].contains(n)),
                "{mode}: a heading keeps {names:?}"
            );
        }
        let kept = &select(&page, "main h2#kept")[0];
        assert_eq!(kept.value().attr("class"), Some("note"), "{mode}");
        assert_eq!(kept.value().attr("lang"), Some("es"), "{mode}");

        // `check` says so too, at the heading's line (title, date and
        // the two `---` lines come first).
        let check = fixture.run(&["check"]);
        assert_eq!(check.code, 0, "{mode}: {}", check.stderr);
        assert!(
            check.stderr.contains("index.en.md:5"),
            "{mode}: the warning names the file and line:\n{}",
            check.stderr
        );
    }
}

#[test]
fn control_characters_never_join_into_a_script_link() {
    let mut body = String::new();
    let mut forbidden: Vec<u32> = (0x01..=0x08)
        .chain([0x0b, 0x0c])
        .chain(0x0e..=0x1f)
        .collect();
    forbidden.extend([0x7f, 0xfffe, 0xffff]);
    for &code in &forbidden {
        body.push_str(&format!(
            "<a href=\"java&#{code};script:alert({code})\">dec {code}</a>\n"
        ));
        body.push_str(&format!(
            "<a href=\"java&#x{code:X};script:alert({code})\">hex {code}</a>\n"
        ));
        body.push_str(&format!(
            "<a href=\"java&#000{code}script:alert({code})\">bare {code}</a>\n"
        ));
        if let Some(c) = char::from_u32(code) {
            body.push_str(&format!(
                "<a href=\"java{c}script:alert({code})\">raw {code}</a>\n"
            ));
            body.push_str(&format!("\n[md {code}](java{c}script:alert\\({code}\\))\n"));
        }
        body.push_str(&format!(
            "\n[md-ref {code}](java&#{code};script:alert\\({code}\\))\n\n"
        ));
    }
    for mode in MODES {
        let fixture = fixture_in_mode(mode);
        fixture.issue("controls", "en", "Controls", "2026-03-01", "", &body);
        fixture.build(&[]).assert_ok();
        assert_nothing_runs(&fixture, "en/issues/controls/index.html", "en", mode);
        // And no character XML forbids is left in the feeds' XML: a feed
        // reader that drops it would make the link live again.
        for file in ["en/atom.xml", "en/rss.xml", "en/issues/controls/index.html"] {
            let text = fixture.read(file);
            let bad: Vec<char> = text
                .chars()
                .filter(|&c| forbidden.contains(&(c as u32)))
                .collect();
            assert!(bad.is_empty(), "{mode}: {file} holds {bad:?}");
        }
    }
}

#[test]
fn links_to_messaging_apps_maps_and_phones_work_in_markdown_and_raw_html() {
    let schemes = [
        "sms:+15555550100",
        "geo:32.29,-90.18",
        "whatsapp://send?phone=15555550100",
        "sgnl://signal.me/#p/+15555550100",
        "tg://resolve?domain=mira",
        "ftp://files.example.org/flyer.pdf",
        "tel:+15555550100",
        "mailto:info@example.org",
    ];
    let mut body = String::new();
    for (index, url) in schemes.iter().enumerate() {
        body.push_str(&format!(
            "[md{index}]({url}) <a id=\"raw{index}\" href=\"{url}\">raw</a>\n\n"
        ));
    }
    let fixture = Fixture::new();
    fixture.issue("schemes", "en", "Schemes", "2026-03-01", "", &body);
    let run = fixture.build(&[]);
    run.assert_ok();
    assert!(
        !run.stderr.contains("was removed"),
        "no false warning:\n{}",
        run.stderr
    );
    let page = fixture.html("en/issues/schemes/index.html");
    for (index, url) in schemes.iter().enumerate() {
        let markdown = select(&page, "main a")
            .into_iter()
            .find(|a| a.text().collect::<String>() == format!("md{index}"))
            .expect("the Markdown link");
        let written = markdown.value().attr("href").unwrap_or_default();
        assert_eq!(
            percent_encoding::percent_decode_str(written).decode_utf8_lossy(),
            *url,
            "Markdown link"
        );
        assert_eq!(
            attr_of(&page, &format!("main a#raw{index}"), "href"),
            *url,
            "raw HTML link"
        );
    }
}

#[test]
fn feed_links_become_absolute_through_the_sanitizer() {
    let fixture = Fixture::new();
    fixture.write_bytes("content/issues/links/photo.png", b"\x89PNG\r\n\x1a\n");
    fixture.issue(
        "links",
        "en",
        "Links",
        "2026-03-01",
        "",
        "[rooted](/en/tags/) [near](photo.png) [far](https://example.org/x) [frag](#top)\n\n\
         <a href=\"photo.png\" onclick=\"x()\">raw</a>\n",
    );
    fixture.build(&[]).assert_ok();
    for entry in feed_entry_html(&fixture, "en") {
        let fragment = Html::parse_fragment(&entry);
        let hrefs: Vec<&str> = select(&fragment, "a")
            .into_iter()
            .filter_map(|a| a.value().attr("href"))
            .collect();
        assert_eq!(
            hrefs,
            [
                "https://news.example.org/en/tags/",
                "https://news.example.org/en/issues/links/photo.png",
                "https://example.org/x",
                "https://news.example.org/en/issues/links/#top",
                "https://news.example.org/en/issues/links/photo.png",
            ]
        );
        assert!(live_script(&fragment).is_empty());
    }
}

#[test]
fn feeds_give_a_valid_date_for_every_year_front_matter_accepts() {
    let fixture = Fixture::new();
    for (key, date) in [
        ("old", "1899-12-31"),
        ("older", "0001-01-01"),
        ("new", "2026-03-01"),
    ] {
        fixture.issue(key, "en", key, date, "", "Text.\n");
    }
    fixture.build(&[]).assert_ok();
    let rss = fixture.read("en/rss.xml");
    let xml = roxmltree::Document::parse(&rss).expect("RSS is XML");
    let dates: Vec<&str> = xml
        .descendants()
        .filter(|n| n.has_tag_name("pubDate"))
        .filter_map(|n| n.text())
        .collect();
    let rfc822 = time::macros::format_description!(
        "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] +0000"
    );
    let mut days: Vec<String> = dates
        .iter()
        .map(|d| {
            time::Date::parse(d, rfc822)
                .unwrap_or_else(|e| panic!("pubDate {d:?} is not an RFC 822 date: {e}"))
                .to_string()
        })
        .collect();
    days.dedup();
    // The channel's date (the newest) first, then each item.
    assert_eq!(days, ["2026-03-01", "1899-12-31", "0001-01-01"]);
    let atom = fixture.read("en/atom.xml");
    let xml = roxmltree::Document::parse(&atom).expect("Atom is XML");
    for updated in xml.descendants().filter(|n| n.has_tag_name("updated")) {
        let text = updated.text().unwrap_or_default();
        time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339)
            .unwrap_or_else(|e| panic!("updated {text:?} is not RFC 3339: {e}"));
    }

    // The year 0000 has no RSS date a feed reader can read: refused, at
    // its line, rather than published.
    fixture.issue("zero", "en", "Zero", "0000-06-01", "", "Text.\n");
    let run = fixture.build(&[]);
    assert_site_error(&run);
    assert_stderr_has(&run, "content/issues/zero/index.en.md:3");
    assert_stderr_has(&run, "year 0000");
}

/// The directives of the page's Content-Security-Policy `<meta>`.
fn policy_of(page: &Html) -> Vec<(String, Vec<String>)> {
    let metas = select(page, "head meta[http-equiv='Content-Security-Policy']");
    assert_eq!(metas.len(), 1, "one policy per page");
    metas[0]
        .value()
        .attr("content")
        .unwrap_or_default()
        .split(';')
        .filter_map(|directive| {
            let mut words = directive.split_whitespace().map(str::to_string);
            Some((words.next()?, words.collect()))
        })
        .collect()
}

#[test]
fn every_page_declares_a_policy_that_allows_no_script_and_nothing_from_elsewhere() {
    let fixture = Fixture::new();
    fixture.issue(
        "one",
        "en",
        "One",
        "2026-03-01",
        "",
        "| a | b |\n|:-|-:|\n| 1 | 2 |\n",
    );
    fixture.build(&[]).assert_ok();
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(fixture.out()) {
        let entry = entry.expect("walk the output");
        if entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        pages += 1;
        let text = std::fs::read_to_string(entry.path()).expect("page");
        let policy = policy_of(&Html::parse_document(&text));
        let directive = |name: &str| {
            policy
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, values)| values.clone())
                .unwrap_or_else(|| panic!("{}: no {name}", entry.path().display()))
        };
        assert_eq!(directive("default-src"), ["'self'"]);
        assert_eq!(directive("script-src"), ["'none'"]);
        assert_eq!(directive("object-src"), ["'none'"]);
        assert_eq!(directive("base-uri"), ["'none'"]);
        assert!(
            directive("style-src")
                .iter()
                .all(|v| v == "'self'" || v == "'unsafe-hashes'" || v.starts_with("'sha256-")),
            "styles only from the site, and the table alignments by hash"
        );
    }
    assert!(pages >= 8, "found {pages} pages");
}

/// Serves `root` over HTTP on 127.0.0.1 for as long as the test runs, the
/// way a static host would (a folder's `index.html`).
fn serve_folder(root: std::path::PathBuf) -> String {
    let server = tiny_http::Server::http("127.0.0.1:0").expect("a local port");
    let address = format!("http://{}", server.server_addr());
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let path = request.url().split('?').next().unwrap_or("/").to_string();
            let mut file = root.join(path.trim_start_matches('/'));
            if file.is_dir() {
                file = file.join("index.html");
            }
            let response = match std::fs::read(&file) {
                Ok(bytes) => {
                    let kind = match file.extension().and_then(|e| e.to_str()) {
                        Some("html") => "text/html; charset=utf-8",
                        Some("css") => "text/css",
                        _ => "application/octet-stream",
                    };
                    tiny_http::Response::from_data(bytes).with_header(
                        tiny_http::Header::from_bytes("Content-Type", kind).expect("header"),
                    )
                }
                Err(_) => {
                    tiny_http::Response::from_data(b"not found".to_vec()).with_status_code(404)
                }
            };
            let _ = request.respond(response);
        }
    });
    address
}

/// Headless Chromium, if this machine has it (`.ci/run` installs it; a
/// developer's machine may not, which this says out loud).
fn chromium() -> Option<std::path::PathBuf> {
    let path = std::path::PathBuf::from("/usr/bin/chromium");
    if path.exists() {
        return Some(path);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI must have Chromium: .ci/run installs it"
    );
    eprintln!("SKIPPED: no /usr/bin/chromium here (apt-get install chromium); CI runs this test");
    None
}

/// Runs headless Chromium on `url` with `args` and returns its output.
fn run_chromium(chromium: &std::path::Path, args: &[&str], url: &str) -> std::process::Output {
    let profile = tempfile::tempdir().expect("a profile folder");
    std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(url)
        .output()
        .expect("chromium runs")
}

#[test]
fn in_chromium_an_injected_script_is_refused_and_the_page_looks_the_same() {
    let Some(chromium) = chromium() else { return };
    let fixture = Fixture::new();
    fixture.issue(
        "table",
        "en",
        "A table",
        "2026-03-01",
        "",
        "| left | center | right |\n|:-----|:------:|------:|\n| a | b | c |\n",
    );
    fixture.build(&[]).assert_ok();
    let page = fixture.out().join("en/issues/table/index.html");
    let built = std::fs::read_to_string(&page).expect("page");
    let policy_start = built
        .find("<meta http-equiv=\"Content-Security-Policy\"")
        .expect("policy");
    let policy_end = policy_start + built[policy_start..].find('>').expect("end") + 1;
    // The same page without its policy, to compare against.
    std::fs::write(
        fixture.out().join("en/issues/table/plain.html"),
        format!("{}{}", &built[..policy_start], &built[policy_end..]),
    )
    .expect("write");
    // The page as if the sanitizer had let a script through.
    let injected = built.replace(
        "<main id=\"main\" class=\"wrap\">",
        "<main id=\"main\" class=\"wrap\"><script>document.title = 'ran'; document.body.setAttribute('data-ran', 'yes')</script>",
    );
    assert_ne!(injected, built);
    std::fs::write(
        fixture.out().join("en/issues/table/injected.html"),
        injected,
    )
    .expect("write");
    let site = serve_folder(fixture.out());

    let dom = run_chromium(
        &chromium,
        &["--dump-dom"],
        &format!("{site}/en/issues/table/injected.html"),
    );
    let dom = Html::parse_document(&String::from_utf8_lossy(&dom.stdout));
    assert_eq!(
        text_of(&dom, "title"),
        "A table · Test News",
        "the script did not run"
    );
    assert!(
        select(&dom, "body[data-ran]").is_empty(),
        "the script did not run"
    );
    assert!(
        !select(&dom, "main script").is_empty(),
        "the script was in the page"
    );

    let shot = |name: &str| {
        let file = fixture.root().join(format!("{name}.png"));
        let output = run_chromium(
            &chromium,
            &[
                &format!("--screenshot={}", file.display()),
                "--window-size=412,900",
                "--hide-scrollbars",
            ],
            &format!("{site}/en/issues/table/{name}"),
        );
        assert!(
            file.exists(),
            "no screenshot: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        std::fs::read(file).expect("screenshot")
    };
    assert_eq!(
        shot("index.html"),
        shot("plain.html"),
        "the policy changes nothing a reader sees (styles, table alignment)"
    );
}

#[test]
fn a_cover_file_name_never_reads_as_a_url_scheme_and_still_loads() {
    let fixture = Fixture::new();
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>";
    fixture.write("content/issues/odd/javascript:alert(1) #1.svg", svg);
    fixture.issue(
        "odd",
        "en",
        "Odd",
        "2026-03-01",
        "cover: \"javascript:alert(1) #1.svg\"\ncover_alt: A dot\n",
        "Text.\n",
    );
    fixture.build(&[]).assert_ok();
    let page = fixture.html("en/issues/odd/index.html");
    let src = attr_of(&page, "main figure.cover img", "src");
    assert_eq!(browser_scheme(&src), None, "{src}");
    let file = percent_encoding::percent_decode_str(&src).decode_utf8_lossy();
    assert!(
        fixture.exists(&format!("en/issues/odd/{file}")),
        "{src} loads the cover"
    );
    assert!(live_script(&page).is_empty());
    let check = fixture.run(&["check"]);
    assert_eq!(check.code, 0, "check finds the cover: {}", check.stderr);
}

#[test]
fn in_chromium_the_preview_runs_its_own_reload_script_under_the_policy() {
    let Some(chromium) = chromium() else { return };
    let fixture = Fixture::new();
    // A first build that fails: the preview shows the problems, and its
    // reload script (a file of its own host) styles the box.
    fixture.issue("broken", "en", "Broken", "2026-13-45", "", "Text.\n");
    let server = common::serve::Server::start(&fixture);
    let url = format!("http://127.0.0.1:{}/en/", server.port);
    let output = run_chromium(&chromium, &["--dump-dom"], &url);
    let dom = Html::parse_document(&String::from_utf8_lossy(&output.stdout));
    let problems = select(&dom, "#boletin-problems");
    assert_eq!(problems.len(), 1, "the problems are shown");
    assert!(folded_text(problems[0]).contains("2026-13-45"));
    let style = problems[0].value().attr("style").unwrap_or_default();
    assert!(
        style.contains("position: fixed"),
        "the reload script ran and styled the box: {style:?}"
    );
}

#[test]
fn a_quotation_cites_no_script_link() {
    let fixture = Fixture::new();
    fixture.issue(
        "cite",
        "en",
        "Cite",
        "2026-03-01",
        "",
        "<blockquote cite=\"javascript:alert(1)\">bad</blockquote>\n\n\
         <blockquote cite=\"https://example.org/speech\">good</blockquote>\n",
    );
    fixture.build(&[]).assert_ok();
    let page = fixture.html("en/issues/cite/index.html");
    let cites: Vec<Option<&str>> = select(&page, "main blockquote")
        .iter()
        .map(|q| q.value().attr("cite"))
        .collect();
    assert_eq!(cites, [None, Some("https://example.org/speech")]);
}

#[test]
fn a_theme_cannot_publish_the_environment_of_the_build_machine() {
    let fixture = Fixture::new();
    fixture.issue("one", "en", "One", "2026-03-01", "", "Text.\n");
    fixture.write(
        "themes/default/templates/page.html",
        "{% extends \"base.html\" %}{% block main %}{{ get_env(name=\"DEPLOY_TOKEN\") }}{% endblock main %}",
    );
    fixture.write(
        "content/pages/about.en.md",
        "---\ntitle: About\n---\nAbout.\n",
    );
    let run: Run = std::process::Command::new(env!("CARGO_BIN_EXE_boletin"))
        .arg("build")
        .current_dir(fixture.root())
        .env("DEPLOY_TOKEN", "secret-4b1d")
        .output()
        .expect("run boletin")
        .into();
    assert_eq!(run.code, 1);
    assert_stderr_has(&run, "themes/default/templates/page.html");
    assert_stderr_has(&run, "cannot read the environment");
    assert!(!run.stderr.contains("secret-4b1d"));
    assert!(!fixture.out().exists(), "nothing published");
}

#[test]
fn text_nested_absurdly_deep_is_an_error_at_its_line_not_a_long_wait() {
    // 100 KB of `>` once took the sanitizer minutes (html5ever's work
    // grows with the square of the depth), in every mode.
    for mode in MODES {
        let fixture = fixture_in_mode(mode);
        fixture.issue(
            "deep",
            "en",
            "Deep",
            "2026-03-01",
            "",
            &format!("Fine.\n\n{}deep\n", "> ".repeat(50_000)),
        );
        fixture.issue(
            "divs",
            "en",
            "Divs",
            "2026-03-02",
            "",
            &format!("Fine.\n\n{}deep\n", "<div>".repeat(20_000)),
        );
        let run = fixture.build(&[]);
        assert_site_error(&run);
        assert_stderr_has(&run, "content/issues/deep/index.en.md:7");
        if mode != "escape" {
            assert_stderr_has(&run, "content/issues/divs/index.en.md:7");
        }
        assert_stderr_has(&run, "levels deep");
    }
}

#[test]
fn raw_html_that_loads_from_another_host_is_warned_about_however_it_is_spelled() {
    let spellings = [
        "<img src = \"https://tracker.example/a.png\" alt=\"a\">",
        "<img src=\"&#104;ttps://tracker.example/b.png\" alt=\"b\">",
        "<img src=\"/\\tracker.example/c.png\" alt=\"c\">",
        "<img src=\"\\\\tracker.example/d.png\" alt=\"d\">",
        "<img src=\"/&#9;/tracker.example/e.png\" alt=\"e\">",
    ];
    for spelling in spellings {
        let fixture = Fixture::new();
        fixture.issue(
            "img",
            "en",
            "Img",
            "2026-03-01",
            "",
            &format!("Text.\n\n{spelling}\n"),
        );
        let run = fixture.build(&[]);
        run.assert_ok();
        assert!(
            run.stderr.contains("from another site") && run.stderr.contains("index.en.md:7"),
            "{spelling}: no warning at its line:\n{}",
            run.stderr
        );
        let check = fixture.run(&["check"]);
        assert!(
            check.stderr.contains("from another site"),
            "{spelling}: check warns too"
        );
    }
}

#[test]
fn a_broken_link_in_raw_html_is_reported_once_at_its_content_file() {
    let fixture = Fixture::new();
    fixture.issue(
        "raw",
        "en",
        "Raw",
        "2026-03-01",
        "",
        "Text.\n\n<a href=\"/en/no-such-página/\">gone</a>\n",
    );
    let check = fixture.run(&["check"]);
    assert_site_error(&check);
    assert_eq!(
        check.stderr.matches("no-such-p").count(),
        2,
        "one error (message and shown line), not one per page:\n{}",
        check.stderr
    );
    assert!(
        check.stderr.contains("content/issues/raw/index.en.md:7"),
        "{}",
        check.stderr
    );
    assert!(
        !check.stderr.contains("the theme links to"),
        "{}",
        check.stderr
    );
}
