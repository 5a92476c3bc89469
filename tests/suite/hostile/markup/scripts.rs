//! No live script from headings, control characters, quotations or
//! links, in pages or feeds; the links this audience needs still work.

use super::*;

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
