//! The pages `boletin build` writes, read back with a real HTML5 parser:
//! languages, archive and pagination, issue pages, slugs, tags, standalone
//! pages, missing translations, drafts, Markdown, escaping, a third
//! (right-to-left) language, interface-string fallback and page weight.
//!
//! Every test builds its own small site in a temporary folder and asserts
//! on elements and attributes, not on the template's exact bytes.

mod common;

use common::*;
use scraper::{ElementRef, Html};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The scheme and host of `CONFIG`'s `base_url`.
const ORIGIN: &str = "https://news.example.org";
const HOST: &str = "news.example.org";

/// Text of an element, whitespace folded.
fn text(element: ElementRef) -> String {
    folded_text(element)
}

/// A URL written in a page, made root-relative when it is on the site's
/// own origin, so root-relative and absolute forms compare equal.
fn local(url: &str) -> String {
    url.strip_prefix(ORIGIN)
        .map_or_else(|| url.to_string(), |rest| rest.to_string())
}

/// Values of `attribute` of every element matching `css`.
fn attrs(html: &Html, css: &str, attribute: &str) -> Vec<String> {
    select(html, css)
        .iter()
        .filter_map(|e| e.value().attr(attribute))
        .map(str::to_string)
        .collect()
}

/// `href`s of every element matching `css`, made local, as a set.
fn local_hrefs(html: &Html, css: &str) -> BTreeSet<String> {
    attrs(html, css, "href").iter().map(|h| local(h)).collect()
}

/// `(hreflang, href)` of every `<link rel=alternate hreflang>`, sorted.
fn alternates(html: &Html) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = select(html, r#"link[rel~="alternate"][hreflang]"#)
        .iter()
        .map(|e| {
            (
                e.value().attr("hreflang").unwrap_or_default().to_string(),
                e.value().attr("href").unwrap_or_default().to_string(),
            )
        })
        .collect();
    found.sort();
    found
}

/// Expected alternates, sorted like `alternates` gives them.
fn expected_alternates(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut expected: Vec<(String, String)> = pairs
        .iter()
        .map(|(l, h)| (l.to_string(), h.to_string()))
        .collect();
    expected.sort();
    expected
}

/// The language in effect at `element`: its own `lang` or its nearest
/// ancestor's.
fn lang_of(element: ElementRef) -> Option<String> {
    std::iter::once(element)
        .chain(element.ancestors().filter_map(ElementRef::wrap))
        .find_map(|e| e.value().attr("lang").map(str::to_string))
}

/// The nearest ancestor of `element` named `tag`.
#[track_caller]
fn enclosing<'a>(element: ElementRef<'a>, tag: &str) -> ElementRef<'a> {
    element
        .ancestors()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == tag)
        .unwrap_or_else(|| panic!("no <{tag}> around {}", element.html()))
}

/// The first element matching `css`, or a clear failure.
#[track_caller]
fn first<'a>(html: &'a Html, css: &str) -> ElementRef<'a> {
    *select(html, css)
        .first()
        .unwrap_or_else(|| panic!("nothing matches {css} in:\n{}", html.html()))
}

/// The smallest elements matching `css` whose text contains `needle`.
fn containing<'a>(html: &'a Html, css: &str, needle: &str) -> Vec<ElementRef<'a>> {
    select(html, css)
        .into_iter()
        .filter(|e| text(*e).contains(needle))
        .collect()
}

/// Resolves `url` written in the page at `page_url` (a folder URL) into a
/// path in the output folder.
fn output_path_of(page_url: &str, url: &str) -> String {
    let url = local(url);
    let resolved = if url.starts_with('/') {
        url
    } else {
        format!("{page_url}{url}")
    };
    resolved.trim_start_matches('/').to_string()
}

/// The `url=` part of a meta refresh's `content`.
fn refresh_target(content: &str) -> String {
    let (_, rest) = content
        .split_once(';')
        .unwrap_or_else(|| panic!("no `;` in refresh content {content:?}"));
    let rest = rest.trim();
    let lower = rest.to_ascii_lowercase();
    assert!(
        lower.starts_with("url="),
        "refresh content {content:?} has no url="
    );
    rest[4..]
        .trim()
        .trim_matches(|c| c == '\'' || c == '"')
        .to_string()
}

/// Every HTML file of the output, relative path and parsed page.
fn html_pages(fixture: &Fixture) -> Vec<(String, Html)> {
    snapshot(&fixture.out())
        .into_iter()
        .filter(|(path, _)| path.extension().is_some_and(|x| x == "html"))
        .map(|(path, bytes)| {
            (
                path.to_string_lossy().replace('\\', "/"),
                Html::parse_document(&String::from_utf8(bytes).expect("UTF-8 page")),
            )
        })
        .collect()
}

/// Whether `stderr` has a warning that names both `file` and the message
/// `id`. A diagnostic starts at a line beginning with `warning` or `error`
/// and runs to the next one.
fn warning_naming(stderr: &str, file: &str, id: &str) -> bool {
    let mut blocks: Vec<String> = Vec::new();
    for line in stderr.lines() {
        if line.starts_with("warning") || line.starts_with("error") || blocks.is_empty() {
            blocks.push(String::new());
        }
        let block = blocks.last_mut().expect("a block");
        block.push_str(line);
        block.push('\n');
    }
    let named = |block: &str| {
        block.match_indices(id).any(|(at, _)| {
            let before = block[..at].chars().next_back();
            let after = block[at + id.len()..].chars().next();
            let boundary =
                |c: Option<char>| c.is_none_or(|c| !(c.is_alphanumeric() || c == '-' || c == '_'));
            boundary(before) && boundary(after)
        })
    };
    blocks
        .iter()
        .any(|block| block.starts_with("warning") && block.contains(file) && named(block))
}

/// The built-in configuration plus `extra` lines.
fn config_with(extra: &str) -> String {
    format!("{CONFIG}{extra}")
}

/// The Spanish locale of the repository without the message `id`.
fn spanish_locale_without(id: &str) -> String {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/es/main.ftl");
    let text = std::fs::read_to_string(source).expect("repository locale");
    let prefix = format!("{id} =");
    let kept: Vec<&str> = text
        .lines()
        .filter(|line| !line.starts_with(&prefix))
        .collect();
    assert_ne!(
        kept.len(),
        text.lines().count(),
        "the Spanish locale has `{id}`"
    );
    kept.join("\n") + "\n"
}

/// An Arabic site configuration: English, Spanish and Arabic (right to left).
fn arabic_config() -> String {
    "base_url: https://news.example.org/\ndefault_language: en\nlanguages:\n  en:\n    title: Test News\n    description: A test newsletter.\n  es:\n    title: Noticias de prueba\n    description: Un boletín de prueba.\n  ar:\n    title: أخبار الاختبار\n    description: نشرة للاختبار.\n    dir: rtl\npage_size: 3\n".to_string()
}

/// A few Arabic interface strings; everything else falls back to English.
const ARABIC_LOCALE: &str = "language-name = العربية\nnav-archive = كل الأعداد\nissue-number = العدد { $number }\nissue-count = { $count ->\n    [one] عدد واحد\n   *[other] { $count } أعداد\n}\n";

// 1 ------------------------------------------------------------------------

#[test]
fn pages_in_each_language_have_their_lang_dir_and_interface_text_and_the_root_chooses_a_language() {
    let fixture = Fixture::new();
    fixture.issue(
        "2026-03-clinic",
        "en",
        "Legal clinic",
        "2026-03-01",
        "",
        "English body.\n",
    );
    fixture.issue(
        "2026-03-clinic",
        "es",
        "Clínica legal",
        "2026-03-01",
        "",
        "Texto en español.\n",
    );
    fixture.build(&[]).assert_ok();

    for (lang, page) in [
        ("en", "en/index.html"),
        ("en", "en/issues/2026-03-clinic/index.html"),
        ("es", "es/index.html"),
        ("es", "es/issues/2026-03-clinic/index.html"),
    ] {
        let html = fixture.html(page);
        assert_html_language(&html, page, lang, "ltr");
        let (archive_text, tags_text) = match lang {
            "en" => ("All issues", "Topics"),
            _ => ("Todos los números", "Temas"),
        };
        let archive_links: Vec<String> = select(&html, &format!(r#"nav a[href="/{lang}/"]"#))
            .into_iter()
            .map(text)
            .collect();
        assert!(
            archive_links.contains(&archive_text.to_string()),
            "{page}: nav links to /{lang}/ read {archive_links:?}"
        );
        let tag_links: Vec<String> = select(&html, &format!(r#"nav a[href="/{lang}/tags/"]"#))
            .into_iter()
            .map(text)
            .collect();
        assert!(
            tag_links.contains(&tags_text.to_string()),
            "{page}: nav links to /{lang}/tags/ read {tag_links:?}"
        );
    }

    let root = fixture.html("index.html");
    let chooser: BTreeMap<String, String> = select(&root, "a[hreflang]")
        .iter()
        .map(|a| {
            (
                a.value().attr("hreflang").unwrap().to_string(),
                local(a.value().attr("href").unwrap_or_default()),
            )
        })
        .collect();
    assert_eq!(
        chooser.get("en").map(String::as_str),
        Some("/en/"),
        "chooser links: {chooser:?}"
    );
    assert_eq!(
        chooser.get("es").map(String::as_str),
        Some("/es/"),
        "chooser links: {chooser:?}"
    );
    assert_eq!(
        alternates(&root),
        expected_alternates(&[
            ("en", "https://news.example.org/en/"),
            ("es", "https://news.example.org/es/"),
            ("x-default", "https://news.example.org/"),
        ])
    );
}

// 2 ------------------------------------------------------------------------

#[test]
fn archive_features_the_newest_issue_groups_the_rest_by_year_and_paginates_newest_first() {
    let fixture = Fixture::new();
    let dates = [
        "2024-11-01",
        "2025-01-15",
        "2025-05-01",
        "2025-09-01",
        "2026-01-10",
        "2026-03-01",
        "2026-05-01",
    ];
    for (n, date) in dates.iter().enumerate() {
        let n = n + 1;
        fixture.issue(
            &format!("issue-{n}"),
            "en",
            &format!("Issue {n}"),
            date,
            "",
            &format!("Body {n}.\n"),
        );
    }
    fixture.build(&[]).assert_ok();

    assert!(fixture.exists("en/index.html"));
    assert!(fixture.exists("en/page/2/index.html"));
    assert!(fixture.exists("en/page/3/index.html"));
    assert!(
        !fixture.exists("en/page/4/index.html"),
        "7 issues at 3 a page make 3 pages"
    );

    let issue_links = |html: &Html, css: &str| -> Vec<String> {
        attrs(html, &format!(r#"{css} a[href^="/en/issues/"]"#), "href")
    };

    let page1 = fixture.html("en/index.html");
    let featured = select(&page1, "section.featured");
    assert_eq!(featured.len(), 1, "one featured section on page 1");
    assert_eq!(
        issue_links(&page1, "section.featured"),
        ["/en/issues/issue-7/"]
    );
    let years = |html: &Html| -> Vec<(String, Vec<String>)> {
        select(html, "section.year")
            .into_iter()
            .map(|section| {
                let heading = section
                    .select(&scraper::Selector::parse("h2").unwrap())
                    .next()
                    .map(text)
                    .unwrap_or_default();
                let links = section
                    .select(&scraper::Selector::parse(r#"a[href^="/en/issues/"]"#).unwrap())
                    .filter_map(|a| a.value().attr("href"))
                    .map(str::to_string)
                    .collect();
                (heading, links)
            })
            .collect()
    };
    assert_eq!(
        years(&page1),
        [(
            "2026".to_string(),
            vec![
                "/en/issues/issue-6/".to_string(),
                "/en/issues/issue-5/".to_string()
            ]
        )]
    );

    let page2 = fixture.html("en/page/2/index.html");
    assert!(
        select(&page2, "section.featured").is_empty(),
        "only page 1 features an issue"
    );
    assert_eq!(
        years(&page2),
        [(
            "2025".to_string(),
            vec![
                "/en/issues/issue-4/".to_string(),
                "/en/issues/issue-3/".to_string(),
                "/en/issues/issue-2/".to_string()
            ]
        )]
    );
    let page3 = fixture.html("en/page/3/index.html");
    assert_eq!(
        years(&page3),
        [("2024".to_string(), vec!["/en/issues/issue-1/".to_string()])]
    );

    let mut all = Vec::new();
    for page in [&page1, &page2, &page3] {
        all.extend(issue_links(page, "main"));
    }
    let expected: Vec<String> = (1..=7)
        .rev()
        .map(|n| format!("/en/issues/issue-{n}/"))
        .collect();
    assert_eq!(
        all, expected,
        "every issue once, newest first across the pages"
    );

    let next = |html: &Html| local_hrefs(html, r#"[rel~="next"][href]"#);
    let prev = |html: &Html| local_hrefs(html, r#"[rel~="prev"][href]"#);
    assert_eq!(next(&page1), BTreeSet::from(["/en/page/2/".to_string()]));
    assert!(
        prev(&page1).is_empty(),
        "page 1 has no previous page: {:?}",
        prev(&page1)
    );
    assert_eq!(next(&page2), BTreeSet::from(["/en/page/3/".to_string()]));
    assert_eq!(prev(&page2), BTreeSet::from(["/en/".to_string()]));
    assert!(
        next(&page3).is_empty(),
        "page 3 has no next page: {:?}",
        next(&page3)
    );
    assert_eq!(prev(&page3), BTreeSet::from(["/en/page/2/".to_string()]));
}

// 3 ------------------------------------------------------------------------

#[test]
fn issue_page_shows_number_localized_date_authors_tags_cover_neighbours_switch_and_alternates() {
    let fixture = Fixture::new();
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"3\"><rect width=\"4\" height=\"3\"/></svg>\n";
    fixture.write("content/issues/2026-03-legal-clinic/cover.svg", svg);
    fixture.issue(
        "2026-03-legal-clinic",
        "en",
        "Legal clinic",
        "2026-03-01",
        "issue: 42\nauthors: [\"Ana López\", \"Ben Smith\"]\ntags: [\"Legal aid\", \"Know your rights\"]\ncover: cover.svg\ncover_alt: \"Volunteers at the clinic\"\n",
        "The clinic is open.\n",
    );
    fixture.issue(
        "2026-03-legal-clinic",
        "es",
        "Clínica legal",
        "2026-03-01",
        "issue: 42\nslug: clinica-legal\nauthors: [\"Ana López\", \"Ben Smith\"]\ntags: [\"Asistencia legal\", \"Educación cívica\"]\ncover: cover.svg\ncover_alt: \"Voluntarios en la clínica\"\n",
        "La clínica está abierta.\n",
    );
    for (key, date) in [
        ("2026-01-older", "2026-01-05"),
        ("2026-05-newer", "2026-05-05"),
    ] {
        fixture.issue(key, "en", &format!("English {key}"), date, "", "Text.\n");
        fixture.issue(key, "es", &format!("Español {key}"), date, "", "Texto.\n");
    }
    fixture.build(&[]).assert_ok();

    let en_url = "/en/issues/2026-03-legal-clinic/";
    let es_url = "/es/issues/clinica-legal/";
    let cases = [
        (
            "en",
            en_url,
            "No. 42",
            "March 1, 2026",
            "By Ana López, Ben Smith",
            [
                ("Legal aid", "legal-aid"),
                ("Know your rights", "know-your-rights"),
            ],
            "Volunteers at the clinic",
            ("es", es_url),
        ),
        (
            "es",
            es_url,
            "Núm. 42",
            "1 de marzo de 2026",
            "Por Ana López, Ben Smith",
            [
                ("Asistencia legal", "asistencia-legal"),
                ("Educación cívica", "educacion-civica"),
            ],
            "Voluntarios en la clínica",
            ("en", en_url),
        ),
    ];
    for (lang, url, number, date, byline, tags, alt, (other_lang, other_url)) in cases {
        let page = format!("{}index.html", url.trim_start_matches('/'));
        let html = fixture.html(&page);

        let meta = containing(&html, "main p", number);
        assert!(!meta.is_empty(), "{page}: no paragraph shows {number:?}");
        let time = first(&html, r#"main time[datetime="2026-03-01"]"#);
        assert_eq!(text(time), date, "{page}: the date");
        assert_eq!(
            text(first(&html, "main .byline")),
            byline,
            "{page}: the authors"
        );

        for (name, slug) in tags {
            let css = format!(r#"main a[href="/{lang}/tags/{slug}/"]"#);
            let link = first(&html, &css);
            assert_eq!(text(link), name, "{page}: tag link {css}");
        }

        let img = first(&html, "main img");
        assert_eq!(img.value().attr("alt"), Some(alt), "{page}: cover alt");
        let src = img.value().attr("src").expect("cover src");
        let copied = output_path_of(url, src);
        assert_eq!(
            copied,
            format!("{}cover.svg", url.trim_start_matches('/')),
            "{page}: cover src {src:?}"
        );
        assert_eq!(
            fixture.read(&copied),
            svg,
            "{page}: the cover is copied beside the page"
        );

        let prev = local_hrefs(&html, r#"a[rel~="prev"]"#);
        let next = local_hrefs(&html, r#"a[rel~="next"]"#);
        let older = if lang == "en" {
            "/en/issues/2026-01-older/"
        } else {
            "/es/issues/2026-01-older/"
        };
        let newer = if lang == "en" {
            "/en/issues/2026-05-newer/"
        } else {
            "/es/issues/2026-05-newer/"
        };
        assert_eq!(
            prev,
            BTreeSet::from([older.to_string()]),
            "{page}: previous (older) issue"
        );
        assert_eq!(
            next,
            BTreeSet::from([newer.to_string()]),
            "{page}: next (newer) issue"
        );

        let switch = first(
            &html,
            &format!(r#"a[hreflang="{other_lang}"][lang="{other_lang}"]"#),
        );
        assert_eq!(
            local(switch.value().attr("href").unwrap()),
            other_url,
            "{page}: language switch"
        );

        assert_eq!(
            alternates(&html),
            expected_alternates(&[
                (
                    "en",
                    "https://news.example.org/en/issues/2026-03-legal-clinic/"
                ),
                ("es", "https://news.example.org/es/issues/clinica-legal/"),
                (
                    "x-default",
                    "https://news.example.org/en/issues/2026-03-legal-clinic/"
                ),
            ]),
            "{page}: hreflang alternates"
        );
        assert_eq!(
            attrs(&html, r#"link[rel="canonical"]"#, "href"),
            [format!("{ORIGIN}{url}")],
            "{page}: canonical"
        );
    }
}

// 4 ------------------------------------------------------------------------

#[test]
fn slugs_come_from_front_matter_or_the_key_and_tags_that_slugify_alike_are_one_tag() {
    let fixture = Fixture::new();
    fixture.issue(
        "2026-03-clinic",
        "en",
        "Legal clinic",
        "2026-03-01",
        "tags: [\"Civics\"]\n",
        "English.\n",
    );
    fixture.issue(
        "2026-03-clinic",
        "es",
        "Clínica legal",
        "2026-03-01",
        "slug: \"Clínica legal\"\ntags: [\"Educación cívica\"]\n",
        "Español.\n",
    );
    fixture.issue(
        "2026-01-rally",
        "en",
        "Rally",
        "2026-01-10",
        "",
        "English.\n",
    );
    fixture.issue(
        "2026-01-rally",
        "es",
        "Manifestación",
        "2026-01-10",
        "tags: [\"educacion civica\"]\n",
        "Español.\n",
    );
    fixture.build(&[]).assert_ok();

    assert!(
        fixture.exists("es/issues/clinica-legal/index.html"),
        "the Spanish slug, transliterated"
    );
    assert!(
        !fixture.exists("es/issues/2026-03-clinic/index.html"),
        "no page at the key when a slug is set"
    );
    assert!(
        fixture.exists("en/issues/2026-03-clinic/index.html"),
        "no slug: the key"
    );
    assert!(
        fixture.exists("es/issues/2026-01-rally/index.html"),
        "no slug: the key"
    );

    let clinic = fixture.html("es/issues/clinica-legal/index.html");
    assert_eq!(
        text(first(
            &clinic,
            r#"main a[href="/es/tags/educacion-civica/"]"#
        )),
        "Educación cívica"
    );
    let rally = fixture.html("es/issues/2026-01-rally/index.html");
    assert!(
        !select(&rally, r#"main a[href="/es/tags/educacion-civica/"]"#).is_empty(),
        "the other spelling links to the same tag page"
    );

    assert!(fixture.exists("es/tags/educacion-civica/index.html"));
    let tag = fixture.html("es/tags/educacion-civica/index.html");
    let listed: BTreeSet<String> = attrs(&tag, r#"main a[href^="/es/issues/"]"#, "href")
        .into_iter()
        .collect();
    assert_eq!(
        listed,
        BTreeSet::from([
            "/es/issues/clinica-legal/".to_string(),
            "/es/issues/2026-01-rally/".to_string()
        ]),
        "one tag page lists both issues"
    );

    let index = fixture.html("es/tags/index.html");
    let links = attrs(&index, r#"main a[href^="/es/tags/"]"#, "href");
    assert_eq!(
        links
            .iter()
            .filter(|h| h.as_str() == "/es/tags/educacion-civica/")
            .count(),
        1,
        "listed once: {links:?}"
    );
    let tag_pages: Vec<String> = links
        .iter()
        .filter(|h| h.as_str() != "/es/tags/")
        .cloned()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(
        tag_pages,
        ["/es/tags/educacion-civica/"],
        "one Spanish tag in all"
    );
}

// 5 ------------------------------------------------------------------------

#[test]
fn tag_index_and_tag_pages_count_issues_with_plurals_in_each_language() {
    let fixture = Fixture::new();
    fixture.issue(
        "a",
        "en",
        "Issue A",
        "2026-03-01",
        "tags: [Housing, Health]\n",
        "A.\n",
    );
    fixture.issue(
        "a",
        "es",
        "Número A",
        "2026-03-01",
        "tags: [Vivienda, Salud]\n",
        "A.\n",
    );
    fixture.issue(
        "b",
        "en",
        "Issue B",
        "2026-01-01",
        "tags: [Housing]\n",
        "B.\n",
    );
    fixture.issue(
        "b",
        "es",
        "Número B",
        "2026-01-01",
        "tags: [Vivienda]\n",
        "B.\n",
    );
    fixture.build(&[]).assert_ok();

    let cases = [
        (
            "en",
            "housing",
            "Housing",
            "2 issues",
            "health",
            "Health",
            "One issue",
        ),
        (
            "es",
            "vivienda",
            "Vivienda",
            "2 números",
            "salud",
            "Salud",
            "Un número",
        ),
    ];
    for (lang, two_slug, two_name, two_count, one_slug, one_name, one_count) in cases {
        let index = fixture.html(&format!("{lang}/tags/index.html"));
        for (slug, name, count) in [
            (two_slug, two_name, two_count),
            (one_slug, one_name, one_count),
        ] {
            let link = first(&index, &format!(r#"main a[href="/{lang}/tags/{slug}/"]"#));
            assert_eq!(text(link), name, "{lang} tag index: link text");
            let item = enclosing(link, "li");
            assert!(
                text(item).contains(count),
                "{lang} tag index: {name} should say {count:?}, says {:?}",
                text(item)
            );

            let page = fixture.html(&format!("{lang}/tags/{slug}/index.html"));
            let main = text(first(&page, "main"));
            assert!(
                main.contains(count),
                "{lang}/tags/{slug}/ should say {count:?}: {main:?}"
            );
            assert!(
                main.contains(name),
                "{lang}/tags/{slug}/ names the tag: {main:?}"
            );
        }
        let housing = fixture.html(&format!("{lang}/tags/{two_slug}/index.html"));
        let listed: BTreeSet<String> = attrs(
            &housing,
            &format!(r#"main a[href^="/{lang}/issues/"]"#),
            "href",
        )
        .into_iter()
        .collect();
        assert_eq!(
            listed,
            BTreeSet::from([format!("/{lang}/issues/a/"), format!("/{lang}/issues/b/")])
        );
        let health = fixture.html(&format!("{lang}/tags/{one_slug}/index.html"));
        let listed: BTreeSet<String> = attrs(
            &health,
            &format!(r#"main a[href^="/{lang}/issues/"]"#),
            "href",
        )
        .into_iter()
        .collect();
        assert_eq!(listed, BTreeSet::from([format!("/{lang}/issues/a/")]));
    }
}

#[test]
fn tag_pages_list_their_issues_newest_first_under_year_headings_like_the_archive() {
    let fixture = Fixture::new();
    for (key, date) in [
        ("old", "2025-05-01"),
        ("mid", "2026-01-01"),
        ("new", "2026-07-01"),
    ] {
        fixture.issue(key, "en", key, date, "tags: [Housing]\n", "Text.\n");
    }
    fixture.issue("other", "en", "other", "2026-08-01", "", "Text.\n");
    fixture.build(&[]).assert_ok();

    let page = fixture.html("en/tags/housing/index.html");
    let years: Vec<(String, Vec<String>)> = select(&page, "main section.year")
        .into_iter()
        .map(|section| {
            let heading = section
                .select(&scraper::Selector::parse("h2").unwrap())
                .map(text)
                .collect::<Vec<_>>()
                .join("|");
            let links = section
                .select(&scraper::Selector::parse("article.entry h3 a").unwrap())
                .filter_map(|a| a.value().attr("href"))
                .map(str::to_string)
                .collect();
            (heading, links)
        })
        .collect();
    assert_eq!(
        years,
        [
            (
                "2026".to_string(),
                vec!["/en/issues/new/".to_string(), "/en/issues/mid/".to_string()]
            ),
            ("2025".to_string(), vec!["/en/issues/old/".to_string()]),
        ]
    );
}

#[test]
fn overriding_entry_html_restyles_every_listed_issue_on_archive_and_tag_pages() {
    let fixture = Fixture::new();
    for (key, date) in [("a", "2026-01-01"), ("b", "2026-02-01")] {
        fixture.issue(key, "en", key, date, "tags: [Housing]\n", "Text.\n");
        fixture.issue(key, "es", key, date, "tags: [Vivienda]\n", "Texto.\n");
    }
    fixture.write(
        "themes/default/templates/entry.html",
        r#"<p class="mine" data-lang="{{ lang }}"><a href="{{ e.url }}">{{ e.title }}</a> {{ t(key="latest-issue") }}</p>"#,
    );
    fixture.build(&[]).assert_ok();

    for (page, lang, latest) in [
        ("en/index.html", "en", "Latest issue"),
        ("en/tags/housing/index.html", "en", "Latest issue"),
        ("es/index.html", "es", "Último número"),
        ("es/tags/vivienda/index.html", "es", "Último número"),
    ] {
        let html = fixture.html(page);
        assert!(
            select(&html, "article.entry").is_empty(),
            "{page}: the default entry markup is gone"
        );
        let mine = select(&html, "main p.mine");
        let links: BTreeSet<String> = attrs(&html, "main p.mine a", "href").into_iter().collect();
        assert_eq!(
            links,
            BTreeSet::from([format!("/{lang}/issues/a/"), format!("/{lang}/issues/b/")]),
            "{page}"
        );
        for p in mine {
            assert_eq!(p.value().attr("data-lang"), Some(lang), "{page}");
            assert!(text(p).ends_with(latest), "{page}: {:?}", text(p));
        }
    }
}

// 6 ------------------------------------------------------------------------

#[test]
fn standalone_pages_need_only_a_title_live_at_their_slug_and_are_in_the_nav() {
    let fixture = Fixture::new();
    fixture.issue("first", "en", "First", "2026-03-01", "", "One.\n");
    fixture.issue("first", "es", "Primero", "2026-03-01", "", "Uno.\n");
    fixture.write(
        "content/pages/about.en.md",
        "---\ntitle: About us\n---\nWe are an alliance.\n",
    );
    fixture.write(
        "content/pages/about.es.md",
        "---\ntitle: Acerca de\nslug: acerca\n---\nSomos una alianza.\n",
    );
    fixture.build(&[]).assert_ok();

    assert!(fixture.exists("en/about/index.html"));
    assert!(fixture.exists("es/acerca/index.html"));
    assert!(
        !fixture.exists("es/about/index.html"),
        "the Spanish page lives at its own slug"
    );

    let about = fixture.html("en/about/index.html");
    assert_eq!(attr_of(&about, "html", "lang"), "en");
    assert_eq!(text_of(&about, "main h1"), "About us");
    assert!(text_of(&about, "main").contains("We are an alliance."));
    let acerca = fixture.html("es/acerca/index.html");
    assert_eq!(attr_of(&acerca, "html", "lang"), "es");
    assert_eq!(text_of(&acerca, "main h1"), "Acerca de");
    assert!(text_of(&acerca, "main").contains("Somos una alianza."));

    for (lang, page, href, title) in [
        ("en", "en/index.html", "/en/about/", "About us"),
        ("en", "en/issues/first/index.html", "/en/about/", "About us"),
        ("es", "es/index.html", "/es/acerca/", "Acerca de"),
        (
            "es",
            "es/issues/first/index.html",
            "/es/acerca/",
            "Acerca de",
        ),
    ] {
        let html = fixture.html(page);
        let link = first(&html, &format!(r#"nav a[href="{href}"]"#));
        assert_eq!(text(link), title, "{lang} nav on {page}");
    }
}

// 7 ------------------------------------------------------------------------

#[test]
fn an_issue_missing_in_spanish_gets_a_marked_fallback_page_and_stays_out_of_the_spanish_feed() {
    let fixture = Fixture::new();
    fixture.issue(
        "only-en",
        "en",
        "English only",
        "2026-03-01",
        "summary: \"Only in English.\"\n",
        "Words written only in English.\n",
    );
    fixture.issue("both", "en", "In both", "2026-01-01", "", "English text.\n");
    fixture.issue(
        "both",
        "es",
        "En ambos",
        "2026-01-01",
        "slug: en-ambos\n",
        "Texto en español.\n",
    );
    fixture.build(&[]).assert_ok();

    // The Spanish archive lists it, marked.
    let archive = fixture.html("es/index.html");
    let link = first(&archive, r#"main a[href="/es/issues/only-en/"]"#);
    assert_eq!(text(link), "English only");
    assert_eq!(
        lang_of(link).as_deref(),
        Some("en"),
        "the English title is marked lang=en"
    );
    let entry = enclosing(link, "article");
    let notes: Vec<String> = entry
        .select(&scraper::Selector::parse("p.untranslated").unwrap())
        .map(text)
        .collect();
    assert_eq!(
        notes,
        ["Aún sin traducir al español"],
        "the not-translated note"
    );
    let translated = enclosing(
        first(&archive, r#"main a[href="/es/issues/en-ambos/"]"#),
        "article",
    );
    assert_eq!(
        translated
            .select(&scraper::Selector::parse("p.untranslated").unwrap())
            .count(),
        0,
        "translated issues have no note"
    );

    // Its Spanish page.
    assert!(fixture.exists("es/issues/only-en/index.html"));
    let page = fixture.html("es/issues/only-en/index.html");
    assert_eq!(attr_of(&page, "html", "lang"), "es");
    let nav: Vec<String> = select(&page, r#"nav a[href="/es/"]"#)
        .into_iter()
        .map(text)
        .collect();
    assert!(
        nav.contains(&"Todos los números".to_string()),
        "Spanish interface: {nav:?}"
    );
    let notice = text_of(&page, "p.notice");
    assert!(
        notice.contains("Este número todavía no está traducido al español"),
        "notice: {notice:?}"
    );
    assert_eq!(
        lang_of(first(&page, "p.notice")).as_deref(),
        Some("es"),
        "the notice is in Spanish"
    );
    let body = containing(&page, "main p", "Words written only in English.");
    let body = body
        .last()
        .unwrap_or_else(|| panic!("the English body is shown"));
    assert_eq!(
        lang_of(*body).as_deref(),
        Some("en"),
        "the body is wrapped in lang=en"
    );
    assert!(
        body.ancestors()
            .filter_map(ElementRef::wrap)
            .any(|e| e.value().name() != "html" && e.value().attr("lang") == Some("en")),
        "an element inside the page, not <html>, carries lang=en"
    );
    assert_eq!(
        attrs(&page, r#"link[rel="canonical"]"#, "href"),
        ["https://news.example.org/en/issues/only-en/"]
    );
    let robots = attr_of(&page, r#"meta[name="robots"]"#, "content");
    assert!(robots.contains("noindex"), "robots: {robots:?}");
    assert_eq!(
        alternates(&page),
        Vec::<(String, String)>::new(),
        "a fallback page has no hreflang alternates"
    );

    // The English page does not list the fallback.
    let english = fixture.html("en/issues/only-en/index.html");
    assert_eq!(
        alternates(&english),
        expected_alternates(&[
            ("en", "https://news.example.org/en/issues/only-en/"),
            ("x-default", "https://news.example.org/en/issues/only-en/"),
        ])
    );

    // Feeds list only issues written in their language.
    let atom_text = fixture.read("es/atom.xml");
    let atom = roxmltree::Document::parse(&atom_text).expect("es/atom.xml parses");
    let atom_links: Vec<String> = atom
        .descendants()
        .filter(|n| n.has_tag_name("entry"))
        .flat_map(|entry| {
            entry
                .children()
                .filter(|n| n.has_tag_name("link"))
                .filter_map(|l| l.attribute("href").map(str::to_string))
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(
        atom_links,
        ["https://news.example.org/es/issues/en-ambos/"],
        "Spanish Atom entries"
    );
    let rss_text = fixture.read("es/rss.xml");
    let rss = roxmltree::Document::parse(&rss_text).expect("es/rss.xml parses");
    let rss_links: Vec<String> = rss
        .descendants()
        .filter(|n| n.has_tag_name("item"))
        .filter_map(|item| {
            item.children()
                .find(|n| n.has_tag_name("link"))
                .and_then(|l| l.text())
                .map(|t| t.trim().to_string())
        })
        .collect();
    assert_eq!(
        rss_links,
        ["https://news.example.org/es/issues/en-ambos/"],
        "Spanish RSS items"
    );
    let titles: Vec<&str> = atom
        .descendants()
        .chain(rss.descendants())
        .filter(|n| n.has_tag_name("title"))
        .filter_map(|n| n.text())
        .collect();
    assert!(
        !titles.contains(&"English only"),
        "the English-only issue is in no Spanish feed: {titles:?}"
    );
}

// 8 ------------------------------------------------------------------------

#[test]
fn latest_page_of_each_language_refreshes_to_its_newest_issue() {
    let fixture = Fixture::new();
    fixture.issue("2026-01-old", "en", "Old", "2026-01-01", "", "Old.\n");
    fixture.issue("2026-01-old", "es", "Viejo", "2026-01-01", "", "Viejo.\n");
    fixture.issue("2026-05-new", "en", "New", "2026-05-01", "", "New.\n");
    fixture.issue(
        "2026-05-new",
        "es",
        "Nuevo",
        "2026-05-01",
        "slug: nuevo\n",
        "Nuevo.\n",
    );
    fixture.build(&[]).assert_ok();

    for (lang, target) in [
        ("en", "/en/issues/2026-05-new/"),
        ("es", "/es/issues/nuevo/"),
    ] {
        let html = fixture.html(&format!("{lang}/latest/index.html"));
        assert_eq!(attr_of(&html, "html", "lang"), lang);
        let content = attr_of(&html, r#"meta[http-equiv="refresh"]"#, "content");
        assert_eq!(
            local(&refresh_target(&content)),
            target,
            "{lang}/latest/ refresh {content:?}"
        );
    }
}

// 9 ------------------------------------------------------------------------

#[test]
fn not_found_page_speaks_every_configured_language() {
    let fixture = Fixture::new();
    fixture.issue("one", "en", "One", "2026-03-01", "", "One.\n");
    fixture.build(&[]).assert_ok();

    assert!(fixture.exists("404.html"));
    let html = fixture.html("404.html");
    for (lang, heading, home) in [
        ("en", "Page not found", "/en/"),
        ("es", "Página no encontrada", "/es/"),
    ] {
        let sections = select(&html, &format!(r#"section[lang="{lang}"]"#));
        assert_eq!(sections.len(), 1, "one {lang} section");
        let section = sections[0];
        assert!(
            text(section).contains(heading),
            "{lang} section: {:?}",
            text(section)
        );
        let links: Vec<String> = section
            .select(&scraper::Selector::parse("a[href]").unwrap())
            .map(|a| local(a.value().attr("href").unwrap()))
            .collect();
        assert!(
            links.contains(&home.to_string()),
            "{lang} section links home: {links:?}"
        );
    }
}

// 10 -----------------------------------------------------------------------

#[test]
fn drafts_are_left_out_unless_asked_for_and_then_marked() {
    let fixture = Fixture::new();
    fixture.issue("published", "en", "Published", "2026-01-01", "", "Out.\n");
    fixture.issue("published", "es", "Publicado", "2026-01-01", "", "Fuera.\n");
    fixture.issue(
        "wip",
        "en",
        "Work in progress",
        "2026-03-01",
        "draft: true\n",
        "Not yet.\n",
    );
    fixture.build(&[]).assert_ok();

    assert!(
        !fixture.exists("en/issues/wip/index.html"),
        "no page for a draft"
    );
    assert!(
        !fixture.exists("es/issues/wip/index.html"),
        "no fallback page for a draft"
    );
    for lang in ["en", "es"] {
        let archive = fixture.html(&format!("{lang}/index.html"));
        assert!(
            select(&archive, &format!(r#"a[href="/{lang}/issues/wip/"]"#)).is_empty(),
            "{lang} archive lists no draft"
        );
        assert!(
            !text_of(&archive, "main").contains("Work in progress"),
            "{lang} archive lists no draft"
        );
    }

    fixture.build(&["--drafts"]).assert_ok();
    assert!(
        fixture.exists("en/issues/wip/index.html"),
        "--drafts builds drafts"
    );
    let page = fixture.html("en/issues/wip/index.html");
    assert_eq!(text_of(&page, "main h1"), "Work in progress");
    assert_eq!(
        text_of(&page, "main .draft"),
        "Draft",
        "the draft mark on the page"
    );
    let archive = fixture.html("en/index.html");
    let entry = enclosing(
        first(&archive, r#"main a[href="/en/issues/wip/"]"#),
        "article",
    );
    let marks: Vec<String> = entry
        .select(&scraper::Selector::parse(".draft").unwrap())
        .map(text)
        .collect();
    assert_eq!(marks, ["Draft"], "the draft mark in the archive");
    let published = enclosing(
        first(&archive, r#"main a[href="/en/issues/published/"]"#),
        "article",
    );
    assert_eq!(
        published
            .select(&scraper::Selector::parse(".draft").unwrap())
            .count(),
        0,
        "published issues are not marked"
    );
}

// 11 -----------------------------------------------------------------------

#[test]
fn markdown_has_tables_footnotes_strikethrough_smart_quotes_heading_ids_and_links_between_issues() {
    let fixture = Fixture::new();
    fixture.issue("other-key", "en", "Other", "2026-01-01", "", "Other.\n");
    fixture.issue(
        "other-key",
        "es",
        "Otro",
        "2026-01-01",
        "slug: otro-numero\n",
        "Otro.\n",
    );
    let body = "## Qué hacer\n\n| Day | Place |\n|-----|-------|\n| Monday | Library |\n\nA claim.[^src]\n\n[^src]: The source of the claim.\n\n~~Old plan~~ new plan.\n\nShe said \"come early\" and it's free.\n\nSee [the other issue](../other-key/index.LANG.md) and [its notes](../other-key/index.LANG.md#notes).\n";
    fixture.issue(
        "main-key",
        "en",
        "Main",
        "2026-03-01",
        "",
        &body.replace("LANG", "en"),
    );
    fixture.issue(
        "main-key",
        "es",
        "Principal",
        "2026-03-01",
        "",
        &format!(
            "{}\nTambién [en inglés](../other-key/index.en.md).\n",
            body.replace("LANG", "es")
        ),
    );
    fixture.build(&[]).assert_ok();

    for (lang, page, other) in [
        (
            "en",
            "en/issues/main-key/index.html",
            "/en/issues/other-key/",
        ),
        (
            "es",
            "es/issues/main-key/index.html",
            "/es/issues/otro-numero/",
        ),
    ] {
        let html = fixture.html(page);

        let heading = first(&html, "main h2#que-hacer");
        assert_eq!(text(heading), "Qué hacer", "{lang}: heading id");

        let cells: Vec<String> = select(&html, "main table td")
            .into_iter()
            .map(text)
            .collect();
        assert_eq!(cells, ["Monday", "Library"], "{lang}: table cells");
        let headers: Vec<String> = select(&html, "main table th")
            .into_iter()
            .map(text)
            .collect();
        assert_eq!(headers, ["Day", "Place"], "{lang}: table headers");

        let reference = first(&html, r##"main sup a[href^="#"]"##);
        let target = reference
            .value()
            .attr("href")
            .unwrap()
            .trim_start_matches('#')
            .to_string();
        let definition = first(&html, &format!(r#"[id="{target}"]"#));
        assert!(
            text(definition).contains("The source of the claim."),
            "{lang}: footnote definition {:?}",
            text(definition)
        );

        assert_eq!(
            text_of(&html, "main del"),
            "Old plan",
            "{lang}: strikethrough"
        );

        let quoted = containing(&html, "main p", "come early");
        let quoted = text(*quoted.first().expect("the quote paragraph"));
        assert_eq!(
            quoted, "She said \u{201c}come early\u{201d} and it\u{2019}s free.",
            "{lang}: smart punctuation"
        );

        let href_of = |label: &str| -> Vec<String> {
            select(&html, "main a")
                .into_iter()
                .filter(|a| text(*a) == label)
                .filter_map(|a| a.value().attr("href").map(str::to_string))
                .collect()
        };
        assert_eq!(
            href_of("the other issue"),
            [other],
            "{lang}: the link to the other issue's file"
        );
        assert_eq!(
            href_of("its notes"),
            [format!("{other}#notes")],
            "{lang}: the fragment is kept"
        );
        let links = attrs(&html, "a", "href");
        assert!(
            !links.iter().any(|l| l.contains(".md")),
            "{lang}: no link to a source file is left: {links:?}"
        );
    }

    let spanish = fixture.html("es/issues/main-key/index.html");
    let english_link: Vec<String> = select(&spanish, "main a")
        .into_iter()
        .filter(|a| text(*a) == "en inglés")
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect();
    assert_eq!(
        english_link,
        ["/es/issues/otro-numero/"],
        "a link to the English source file leads to the Spanish page"
    );
}

// 12 -----------------------------------------------------------------------

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

// 13 -----------------------------------------------------------------------

#[test]
fn a_third_right_to_left_language_is_added_by_files_only() {
    let fixture = Fixture::new();
    fixture.write("boletin.yaml", &arabic_config());
    fixture.write("locales/ar/main.ftl", ARABIC_LOCALE);
    fixture.issue(
        "2026-03-clinic",
        "en",
        "Legal clinic",
        "2026-03-01",
        "issue: 42\n",
        "English.\n",
    );
    fixture.issue(
        "2026-03-clinic",
        "ar",
        "عيادة قانونية",
        "2026-03-01",
        "issue: 42\n",
        "نص عربي.\n",
    );
    let run = fixture.build(&[]);
    run.assert_ok();

    for page in [
        "ar/index.html",
        "ar/issues/2026-03-clinic/index.html",
        "ar/tags/index.html",
    ] {
        assert_html_language(&fixture.html(page), page, "ar", "rtl");
    }
    for page in ["en/index.html", "es/index.html"] {
        assert_eq!(attr_of(&fixture.html(page), "html", "dir"), "ltr", "{page}");
    }

    let issue = fixture.html("ar/issues/2026-03-clinic/index.html");
    let date = text_of(&issue, r#"main time[datetime="2026-03-01"]"#);
    assert_ne!(
        date, "March 1, 2026",
        "the Arabic date is not the English one"
    );
    assert_ne!(date, "2026-03-01", "the Arabic date is formatted, not ISO");
    assert!(date.contains("مارس"), "the Arabic month name: {date:?}");
    assert!(
        !containing(&issue, "main p", "العدد 42").is_empty(),
        "the Arabic issue number"
    );

    let archive_links: Vec<String> = select(&issue, r#"nav a[href="/ar/"]"#)
        .into_iter()
        .map(text)
        .collect();
    assert!(
        archive_links.contains(&"كل الأعداد".to_string()),
        "the Arabic message: {archive_links:?}"
    );
    let tag_links: Vec<String> = select(&issue, r#"nav a[href="/ar/tags/"]"#)
        .into_iter()
        .map(text)
        .collect();
    assert!(
        tag_links.contains(&"Topics".to_string()),
        "a missing Arabic message falls back to English: {tag_links:?}"
    );

    let switch = first(&issue, r#"a[hreflang="en"][lang="en"]"#);
    assert_eq!(
        local(switch.value().attr("href").unwrap()),
        "/en/issues/2026-03-clinic/"
    );
    let english = fixture.html("en/issues/2026-03-clinic/index.html");
    let to_arabic = first(&english, r#"a[hreflang="ar"][lang="ar"]"#);
    assert_eq!(
        to_arabic.value().attr("dir"),
        Some("rtl"),
        "the switch marks Arabic as right to left"
    );
    assert_eq!(text(to_arabic), "العربية", "the language's own name");

    for id in ["nav-tags", "skip-to-content", "not-found-title"] {
        assert!(
            warning_naming(&run.stderr, "locales/ar/main.ftl", id),
            "a warning names locales/ar/main.ftl and {id}:\n{}",
            run.stderr
        );
    }
    assert!(
        !warning_naming(&run.stderr, "locales/ar/main.ftl", "nav-archive"),
        "a message Arabic has is not warned about:\n{}",
        run.stderr
    );
}

// 14 -----------------------------------------------------------------------

#[test]
fn no_output_file_contains_fluent_bidi_isolation_marks() {
    let fixture = Fixture::new();
    fixture.write("boletin.yaml", &arabic_config());
    fixture.write("locales/ar/main.ftl", ARABIC_LOCALE);
    for (n, date) in ["2025-11-01", "2026-01-01", "2026-03-01", "2026-05-01"]
        .iter()
        .enumerate()
    {
        let key = format!("issue-{n}");
        let front = format!(
            "issue: {}\nauthors: [\"Ana López\", \"Ben Smith\"]\ntags: [\"Housing\"]\n",
            40 + n
        );
        fixture.issue(
            &key,
            "en",
            &format!("Issue {n}"),
            date,
            &front,
            "English.\n",
        );
        fixture.issue(
            &key,
            "es",
            &format!("Número {n}"),
            date,
            "issue: 7\ntags: [\"Vivienda\"]\n",
            "Español.\n",
        );
        fixture.issue(
            &key,
            "ar",
            &format!("العدد {n}"),
            date,
            "issue: 7\nauthors: [\"سارة\"]\n",
            "عربي.\n",
        );
    }
    fixture.build(&[]).assert_ok();

    // The fixture does interpolate variables, so the check means something.
    let unmarked = |text: String| text.replace(['\u{2068}', '\u{2069}'], "");
    let issue = fixture.html("en/issues/issue-3/index.html");
    assert!(
        unmarked(text_of(&issue, "main")).contains("No. 43"),
        "an interpolated issue number"
    );
    let tag = fixture.html("en/tags/housing/index.html");
    assert!(
        unmarked(text_of(&tag, "main")).contains("4 issues"),
        "an interpolated count"
    );
    assert!(
        fixture.exists("ar/page/2/index.html"),
        "a paginated Arabic archive"
    );

    let files = snapshot(&fixture.out());
    assert!(
        files.len() > 30,
        "the whole site is walked: {} files",
        files.len()
    );
    let marked: Vec<String> = files
        .iter()
        .filter(|(_, bytes)| {
            String::from_utf8_lossy(bytes)
                .chars()
                .any(|c| c == '\u{2068}' || c == '\u{2069}')
        })
        .map(|(path, _)| path.display().to_string())
        .collect();
    assert_eq!(marked, Vec::<String>::new(), "files with U+2068/U+2069");
}

// 15 -----------------------------------------------------------------------

#[test]
fn a_message_missing_in_spanish_warns_and_falls_back_to_english() {
    let fixture = Fixture::new();
    fixture.write(
        "locales/es/main.ftl",
        &spanish_locale_without("nav-archive"),
    );
    fixture.issue("one", "en", "One", "2026-03-01", "", "One.\n");
    fixture.issue("one", "es", "Uno", "2026-03-01", "", "Uno.\n");
    let run = fixture.build(&[]);
    assert_eq!(
        run.code, 0,
        "a missing message is a warning, not an error:\n{}",
        run.stderr
    );
    assert!(
        warning_naming(&run.stderr, "locales/es/main.ftl", "nav-archive"),
        "a warning names locales/es/main.ftl and nav-archive:\n{}",
        run.stderr
    );
    assert!(
        !warning_naming(&run.stderr, "locales/es/main.ftl", "nav-tags"),
        "only the missing message is named:\n{}",
        run.stderr
    );

    for page in ["es/index.html", "es/issues/one/index.html"] {
        let html = fixture.html(page);
        let archive_links: Vec<String> = select(&html, r#"nav a[href="/es/"]"#)
            .into_iter()
            .map(text)
            .collect();
        assert!(
            archive_links.contains(&"All issues".to_string()),
            "{page}: English text stands in: {archive_links:?}"
        );
        let tag_links: Vec<String> = select(&html, r#"nav a[href="/es/tags/"]"#)
            .into_iter()
            .map(text)
            .collect();
        assert!(
            tag_links.contains(&"Temas".to_string()),
            "{page}: other messages stay Spanish: {tag_links:?}"
        );
    }
}

// 16 -----------------------------------------------------------------------

#[test]
fn pages_are_light_load_nothing_from_other_hosts_and_run_no_script() {
    let fixture = Fixture::new();
    let words = [
        "community",
        "members",
        "gathered",
        "at",
        "the",
        "library",
        "to",
        "share",
        "news",
        "and",
    ];
    let paragraphs: Vec<String> = (0..10)
        .map(|p| {
            (0..100)
                .map(|w| words[(p + w) % words.len()])
                .collect::<Vec<_>>()
                .join(" ")
                + "."
        })
        .collect();
    let body = format!(
        "## Report\n\n{}\n\nRead [the law](https://example.com/law) and [our page](/en/about/).\n",
        paragraphs.join("\n\n")
    );
    assert_eq!(
        paragraphs
            .iter()
            .map(|p| p.split_whitespace().count())
            .sum::<usize>(),
        1000,
        "a 1000-word body"
    );
    fixture.issue(
        "long",
        "en",
        "A long issue",
        "2026-03-01",
        "issue: 12\nsummary: \"Everything that happened.\"\nauthors: [\"Ana López\"]\ntags: [\"Housing\", \"Health\"]\n",
        &body,
    );
    fixture.issue(
        "long",
        "es",
        "Un número largo",
        "2026-03-01",
        "issue: 12\ntags: [\"Vivienda\"]\n",
        &body,
    );
    fixture.issue("short", "en", "Short", "2026-01-01", "", "Short.\n");
    fixture.write(
        "content/pages/about.en.md",
        "---\ntitle: About\n---\nAbout us.\n",
    );
    fixture.build(&[]).assert_ok();

    let pages = html_pages(&fixture);
    assert!(pages.len() >= 15, "every page is checked: {}", pages.len());

    let mut foreign = Vec::new();
    let mut scripts = Vec::new();
    for (path, html) in &pages {
        for (css, attribute) in [
            ("link[href]", "href"),
            ("script[src]", "src"),
            ("img[src]", "src"),
            ("img[srcset]", "srcset"),
            ("iframe[src]", "src"),
            ("source[src]", "src"),
            ("video[src]", "src"),
            ("audio[src]", "src"),
        ] {
            for value in attrs(html, css, attribute) {
                let lower = value.trim().to_ascii_lowercase();
                let rest = lower
                    .strip_prefix("https://")
                    .or_else(|| lower.strip_prefix("http://"))
                    .or_else(|| lower.strip_prefix("//"));
                if let Some(rest) = rest {
                    let host = rest.split(['/', '?', '#', ' ']).next().unwrap_or_default();
                    if host != HOST {
                        foreign.push(format!("{path}: <{css}> {value}"));
                    }
                }
            }
        }
        let count = select(html, "script").len();
        if count > 0 {
            scripts.push(format!("{path}: {count} script elements"));
        }
    }
    assert_eq!(foreign, Vec::<String>::new(), "references to other hosts");
    assert_eq!(scripts, Vec::<String>::new(), "pages with scripts");

    let issue_pages: Vec<(String, u64)> = snapshot(&fixture.out())
        .into_iter()
        .map(|(path, bytes)| {
            (
                path.to_string_lossy().replace('\\', "/"),
                bytes.len() as u64,
            )
        })
        .filter(|(path, _)| path.contains("/issues/") && path.ends_with("index.html"))
        .collect();
    let (largest, largest_size) = issue_pages
        .iter()
        .max_by_key(|(_, size)| *size)
        .cloned()
        .expect("issue pages");
    let largest_html = fixture.html(&largest);
    let stylesheets = attrs(&largest_html, r#"link[rel~="stylesheet"]"#, "href");
    assert!(!stylesheets.is_empty(), "the page has a stylesheet");
    let page_url = format!("/{}", largest.trim_end_matches("index.html"));
    // Stylesheets on other hosts were caught above; only the site's own weigh here.
    let css_size: u64 = stylesheets
        .iter()
        .map(|href| local(href))
        .filter(|href| !href.starts_with("//") && !href.contains("://"))
        .map(|href| fixture.read(&output_path_of(&page_url, &href)).len() as u64)
        .sum();
    assert!(
        css_size > 0,
        "the page's own stylesheet is counted: {stylesheets:?}"
    );
    assert!(
        largest_size + css_size < 30_000,
        "{largest} ({largest_size} bytes) plus its CSS ({css_size} bytes) is {} bytes, over 30 KB",
        largest_size + css_size
    );
}
