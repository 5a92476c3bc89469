//! The promises of the contract: byte-identical output, BOM and CRLF
//! input, where the output goes, refusing to overwrite the site, nothing
//! written outside the output folder, no staging folder left behind, and
//! issue assets beside every page of the issue.

mod common;

use common::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// `tree` without anything under `skip` (a path relative to `dir`).
fn tree_without(dir: &Path, skip: &str) -> BTreeMap<PathBuf, Option<Vec<u8>>> {
    tree(dir)
        .into_iter()
        .filter(|(p, _)| !p.starts_with(skip))
        .collect()
}

/// The names directly in `dir`.
fn entries(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .expect("read folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().to_string())
        .collect()
}

#[track_caller]
fn assert_no_panic(run: &Run) {
    assert!(
        run.code == 0 || run.code == 1,
        "exit 0 or 1, got {}\n{}",
        run.code,
        run.stderr
    );
    assert!(
        !run.stderr.contains("panicked"),
        "boletin panicked:\n{}",
        run.stderr
    );
}

/// A workspace folder holding a complete site in `site/`, so that what
/// happens beside the site root can be checked without touching anything
/// outside the temporary folder.
fn workspace() -> Fixture {
    let workspace = Fixture::empty();
    workspace.write("site/boletin.yaml", CONFIG);
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    for lang in ["en", "es"] {
        let text =
            std::fs::read_to_string(source.join(lang).join("main.ftl")).expect("repository locale");
        workspace.write(&format!("site/locales/{lang}/main.ftl"), &text);
    }
    workspace.write(
        "site/content/issues/2026-03-spring/index.en.md",
        "---\ntitle: Spring meeting\ndate: 2026-03-01\ntags: [Housing]\n---\nSee [the winter one](../2026-01-winter/index.en.md).\n",
    );
    workspace.write(
        "site/content/issues/2026-03-spring/index.es.md",
        "---\ntitle: Reunión de primavera\ndate: 2026-03-01\ntags: [Vivienda]\n---\nVea [la de invierno](../2026-01-winter/index.es.md).\n",
    );
    workspace.write(
        "site/content/issues/2026-01-winter/index.en.md",
        "---\ntitle: Winter meeting\ndate: 2026-01-10\n---\nCold.\n",
    );
    workspace.write(
        "site/content/issues/2026-01-winter/index.es.md",
        "---\ntitle: Reunión de invierno\ndate: 2026-01-10\n---\nFrío.\n",
    );
    workspace.write(
        "site/content/pages/about.en.md",
        "---\ntitle: About\n---\nAbout us.\n",
    );
    workspace.write("site/static/favicon.txt", "icon\n");
    workspace
}

// ---------------------------------------------------------------- determinism

#[test]
fn the_same_input_gives_byte_identical_output() {
    let site = Fixture::new();
    let tags = [
        "Housing",
        "Educación cívica",
        "educacion civica",
        "Health & Safety",
        "Zoning",
        "Água",
    ];
    for (n, day) in ["01", "05", "09", "13", "17", "21", "25"]
        .iter()
        .enumerate()
    {
        let key = format!("2026-02-{day}-issue");
        let en_tags = format!(
            "tags: [\"{}\", \"{}\"]\nauthors: [Ana, Bo]\nissue: {}\n",
            tags[n % 6],
            tags[(n + 2) % 6],
            n + 1
        );
        site.issue(
            &key,
            "en",
            &format!("Issue {n} & more"),
            &format!("2026-02-{day}"),
            &en_tags,
            &format!("Body {n} with *emphasis* and [a link](/en/).\n"),
        );
        if n % 3 != 0 {
            site.issue(
                &key,
                "es",
                &format!("Número {n}"),
                &format!("2026-02-{day}"),
                "tags: [Vivienda, \"Educación cívica\"]\n",
                &format!("Cuerpo {n}.\n"),
            );
        }
    }
    // Two issues on the same day, to exercise the tie-break.
    site.issue("same-day-b", "en", "Same day B", "2026-03-01", "", "B.\n");
    site.issue("same-day-a", "en", "Same day A", "2026-03-01", "", "A.\n");
    site.issue(
        "2026-03-cover",
        "en",
        "With a cover",
        "2026-03-02",
        "cover: cover.png\ncover_alt: People marching\n",
        "![chart](chart.png)\n",
    );
    site.write_bytes(
        "content/issues/2026-03-cover/cover.png",
        &[0x89, b'P', b'N', b'G', 0, 1, 2, 3, 255],
    );
    site.write_bytes(
        "content/issues/2026-03-cover/chart.png",
        &[0x89, b'P', b'N', b'G', 9, 9, 9],
    );
    site.write("content/pages/about.en.md", "---\ntitle: About\n---\nUs.\n");
    site.write(
        "content/pages/about.es.md",
        "---\ntitle: Acerca\n---\nNosotros.\n",
    );
    site.write("static/extra/robots-note.txt", "static file\n");

    let outputs = tempfile::tempdir().expect("temporary folder");
    let first = outputs.path().join("first");
    let second = outputs.path().join("second");
    site.build(&["--output", first.to_str().expect("utf-8 path")])
        .assert_ok();
    site.build(&["--output", second.to_str().expect("utf-8 path")])
        .assert_ok();
    let a = snapshot(&first);
    let b = snapshot(&second);
    assert!(a.len() > 30, "a real site was built ({} files)", a.len());
    let paths_a: Vec<&PathBuf> = a.iter().map(|(p, _)| p).collect();
    let paths_b: Vec<&PathBuf> = b.iter().map(|(p, _)| p).collect();
    assert_eq!(paths_a, paths_b, "the same files");
    for ((path, bytes_a), (_, bytes_b)) in a.iter().zip(&b) {
        assert!(
            bytes_a == bytes_b,
            "{} differs between two builds",
            path.display()
        );
    }
    // And again into the default folder, a third process.
    site.build(&[]).assert_ok();
    assert!(snapshot(&site.out()) == a, "a third build differs");
}

// ---------------------------------------------------------------- BOM and CRLF

#[test]
fn bom_and_crlf_files_build_with_the_right_titles() {
    let site = Fixture::empty();
    site.write(
        "boletin.yaml",
        &format!("\u{feff}{}", CONFIG.replace('\n', "\r\n")),
    );
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    for lang in ["en", "es"] {
        let text =
            std::fs::read_to_string(source.join(lang).join("main.ftl")).expect("repository locale");
        site.write(
            &format!("locales/{lang}/main.ftl"),
            &format!("\u{feff}{}", text.replace('\n', "\r\n")),
        );
    }
    site.write(
        "content/issues/2026-03-cafe/index.en.md",
        "\u{feff}---\r\ntitle: Café con leche\r\ndate: 2026-03-01\r\ntags: [Food]\r\n---\r\nFirst line\r\nsecond line.\r\n",
    );
    site.write(
        "content/issues/2026-03-cafe/index.es.md",
        "\u{feff}---\r\ntitle: Café con leche en español\r\ndate: 2026-03-01\r\n---\r\nTexto.\r\n",
    );
    site.write(
        "content/pages/about.en.md",
        "\u{feff}---\r\ntitle: About us\r\n---\r\nWho.\r\n",
    );
    site.build(&[]).assert_ok();

    let en = site.html("en/issues/2026-03-cafe/index.html");
    assert_eq!(text_of(&en, "h1"), "Café con leche");
    assert!(
        text_of(&en, "title").starts_with("Café con leche"),
        "{}",
        text_of(&en, "title")
    );
    let es = site.html("es/issues/2026-03-cafe/index.html");
    assert_eq!(text_of(&es, "h1"), "Café con leche en español");
    let about = site.html("en/about/index.html");
    assert_eq!(text_of(&about, "h1"), "About us");
    assert!(
        text_of(&en, "title").ends_with("Test News"),
        "site title read from a BOM+CRLF boletin.yaml"
    );

    let raw = site.read("en/issues/2026-03-cafe/index.html");
    assert!(
        !raw.contains('\u{feff}'),
        "no byte-order mark in the output"
    );
    assert!(!raw.contains('\r'), "no carriage return in the output");
    let atom = site.read("en/atom.xml");
    let doc = roxmltree::Document::parse(&atom).expect("well-formed feed");
    let title = doc
        .descendants()
        .find(|n| n.has_tag_name(("http://www.w3.org/2005/Atom", "entry")))
        .and_then(|e| {
            e.children()
                .find(|c| c.has_tag_name(("http://www.w3.org/2005/Atom", "title")))
        })
        .and_then(|t| t.text())
        .expect("entry title");
    assert_eq!(title, "Café con leche");
    // Interface strings from a BOM+CRLF locale file are used as they are.
    let nav: Vec<String> = select(&es, "nav a")
        .iter()
        .map(|a| a.text().collect::<String>())
        .collect();
    assert!(
        nav.iter()
            .all(|t| !t.contains('\u{feff}') && !t.contains('\r')),
        "{nav:?}"
    );
}

// ---------------------------------------------------------------- where the output goes

#[test]
fn output_is_relative_to_the_current_folder() {
    let ws = workspace();
    ws.write("elsewhere/.keep", "");
    let run = run_in(
        &ws.root().join("elsewhere"),
        &["build", "--root", "../site", "--output", "out"],
    );
    run.assert_ok();
    assert!(ws.root().join("elsewhere/out/index.html").is_file());
    assert!(
        ws.root()
            .join("elsewhere/out/en/issues/2026-03-spring/index.html")
            .is_file()
    );
    assert!(
        !ws.root().join("site/out").exists(),
        "--output is not relative to --root"
    );
    assert!(!ws.root().join("site/public").exists());
}

#[test]
fn default_output_is_public_inside_the_root() {
    let ws = workspace();
    let run = run_in(ws.root(), &["build", "--root", "site"]);
    run.assert_ok();
    assert!(ws.root().join("site/public/index.html").is_file());
    assert!(ws.root().join("site/public/es/index.html").is_file());
    assert!(
        !ws.root().join("public").exists(),
        "not public/ in the current folder"
    );
}

#[test]
fn root_works_from_another_folder() {
    let ws = workspace();
    let elsewhere = tempfile::tempdir().expect("temporary folder");
    let root = ws.root().join("site");
    let run = run_in(
        elsewhere.path(),
        &["build", "--root", root.to_str().expect("utf-8")],
    );
    run.assert_ok();
    assert!(root.join("public/en/index.html").is_file());
    assert!(
        root.join("public/favicon.txt").is_file(),
        "static/ of the root is copied"
    );
    assert!(
        entries(elsewhere.path()).is_empty(),
        "nothing written in the current folder"
    );
}

#[test]
fn base_url_flag_changes_absolute_urls_and_internal_links() {
    let ws = workspace();
    let run = run_in(
        &ws.root().join("site"),
        &["build", "--base-url", "https://other.example/sub/"],
    );
    run.assert_ok();
    let out = ws.root().join("site/public");
    let read =
        |p: &str| std::fs::read_to_string(out.join(p)).unwrap_or_else(|e| panic!("{p}: {e}"));

    let atom = read("en/atom.xml");
    let doc = roxmltree::Document::parse(&atom).expect("well-formed");
    let atom_ns = "http://www.w3.org/2005/Atom";
    let self_link = doc
        .root_element()
        .children()
        .find(|n| n.has_tag_name((atom_ns, "link")) && n.attribute("rel") == Some("self"))
        .and_then(|n| n.attribute("href"))
        .expect("self link");
    assert_eq!(self_link, "https://other.example/sub/en/atom.xml");
    let entry_links: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name((atom_ns, "entry")))
        .flat_map(|e| e.children().filter(|c| c.has_tag_name((atom_ns, "link"))))
        .filter_map(|l| l.attribute("href"))
        .collect();
    assert_eq!(
        entry_links,
        [
            "https://other.example/sub/en/issues/2026-03-spring/",
            "https://other.example/sub/en/issues/2026-01-winter/"
        ]
    );
    let content = doc
        .descendants()
        .find(|n| n.has_tag_name((atom_ns, "content")))
        .and_then(|c| c.text())
        .expect("content");
    assert!(
        content.contains("https://other.example/sub/en/issues/2026-01-winter/"),
        "{content}"
    );

    let rss = read("es/rss.xml");
    let doc = roxmltree::Document::parse(&rss).expect("well-formed");
    let link = doc
        .descendants()
        .find(|n| n.has_tag_name("item"))
        .and_then(|i| i.children().find(|c| c.has_tag_name("link")))
        .and_then(|l| l.text());
    assert_eq!(
        link,
        Some("https://other.example/sub/es/issues/2026-03-spring/")
    );

    let sitemap = read("sitemap.xml");
    let doc = roxmltree::Document::parse(&sitemap).expect("well-formed");
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name(("http://www.sitemaps.org/schemas/sitemap/0.9", "loc")))
        .filter_map(|n| n.text())
        .collect();
    assert!(locs.contains(&"https://other.example/sub/"), "{locs:?}");
    assert!(
        locs.contains(&"https://other.example/sub/es/issues/2026-03-spring/"),
        "{locs:?}"
    );
    for loc in &locs {
        assert!(loc.starts_with("https://other.example/sub/"), "{loc}");
    }
    for href in doc.descendants().filter_map(|n| n.attribute("href")) {
        assert!(
            href.starts_with("https://other.example/sub/"),
            "sitemap alternate {href}"
        );
    }
    assert!(
        read("robots.txt")
            .lines()
            .any(|l| l.trim_end() == "Sitemap: https://other.example/sub/sitemap.xml")
    );

    for page in [
        "index.html",
        "en/index.html",
        "es/issues/2026-03-spring/index.html",
        "en/tags/index.html",
        "en/about/index.html",
    ] {
        let html = scraper::Html::parse_document(&read(page));
        let mut checked = 0;
        for element in select(&html, "[href], [src]") {
            for attribute in ["href", "src"] {
                let Some(value) = element.value().attr(attribute) else {
                    continue;
                };
                assert!(
                    !value.contains("news.example.org"),
                    "{page}: the old base URL remains: {value}"
                );
                if value.starts_with('/') {
                    assert!(
                        value.starts_with("/sub/"),
                        "{page}: internal link outside /sub/: {value}"
                    );
                    checked += 1;
                } else if value.starts_with("http") {
                    assert!(
                        value.starts_with("https://other.example/sub/"),
                        "{page}: {value}"
                    );
                }
            }
        }
        assert!(checked > 0, "{page} has internal links");
    }
    let spring = scraper::Html::parse_document(&read("en/issues/2026-03-spring/index.html"));
    assert_eq!(
        attr_of(&spring, "link[rel=canonical]", "href"),
        "https://other.example/sub/en/issues/2026-03-spring/"
    );
    let body_links: Vec<&str> = select(&spring, ".body a")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(body_links, ["/sub/en/issues/2026-01-winter/"]);
}

// ---------------------------------------------------------------- refusing to overwrite the site

#[track_caller]
fn assert_refused(ws: &Fixture, cwd: &str, output: &str) {
    let before = tree(ws.root());
    let root = ws.root().join("site");
    let run = run_in(
        &ws.root().join(cwd),
        &[
            "build",
            "--root",
            root.to_str().expect("utf-8"),
            "--output",
            output,
        ],
    );
    assert_eq!(
        run.code, 1,
        "--output {output} from {cwd}/ must be refused\n{}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(
        tree(ws.root()) == before,
        "--output {output}: something was written or deleted"
    );
    assert!(
        ws.root()
            .join("site/content/issues/2026-03-spring/index.en.md")
            .is_file()
    );
}

#[test]
fn output_that_is_the_site_root_is_refused() {
    let ws = workspace();
    assert_refused(&ws, "site", ".");
}

#[test]
fn output_that_is_the_site_root_spelled_differently_is_refused() {
    let ws = workspace();
    assert_refused(&ws, "site", "../site/");
    assert_refused(&ws, "site", "content/..");
}

#[test]
fn output_that_contains_the_site_root_is_refused() {
    let ws = workspace();
    assert_refused(&ws, "site", "..");
}

#[test]
fn output_that_is_a_source_folder_is_refused() {
    let ws = workspace();
    assert_refused(&ws, "site", "content");
}

#[test]
fn output_inside_or_equal_to_any_source_folder_is_refused() {
    let ws = workspace();
    for output in [
        "content/issues",
        "locales",
        "static",
        "static/site",
        "themes",
        "themes/default",
    ] {
        assert_refused(&ws, "site", output);
    }
}

#[cfg(unix)]
#[test]
fn output_that_is_a_link_to_the_site_root_is_refused() {
    let ws = workspace();
    std::os::unix::fs::symlink(ws.root().join("site"), ws.root().join("link")).expect("symlink");
    assert_refused(&ws, ".", "link");
}

// ---------------------------------------------------------------- nothing outside the output folder

/// Builds the workspace's site with `relative` written as `text`, checks
/// that the build ended with exit status `code` (0: the name was made
/// safe and the site built; 1: refused), and that nothing but
/// `site/public/` changed in the workspace.
#[track_caller]
fn assert_contained(relative: &str, text: &str, code: i32) -> Run {
    let ws = workspace();
    ws.write(&format!("site/{relative}"), text);
    let before = tree(ws.root());
    let run = run_in(&ws.root().join("site"), &["build"]);
    assert_no_panic(&run);
    assert_eq!(
        run.code, code,
        "exit status of a build with {relative}:\n{text}\nstdout:\n{}\nstderr:\n{}",
        run.stdout, run.stderr
    );
    assert_eq!(
        ws.root().join("site/public/en/index.html").is_file(),
        code == 0,
        "a built site has its archive; a refused one writes nothing"
    );
    assert!(
        tree_without(ws.root(), "site/public") == before,
        "files changed outside public/: before {:?}\nafter {:?}",
        before.keys().collect::<Vec<_>>(),
        tree_without(ws.root(), "site/public")
            .keys()
            .collect::<Vec<_>>()
    );
    let outside: Vec<PathBuf> = tree(ws.root())
        .into_keys()
        .filter(|p| p.to_string_lossy().contains("escape"))
        .collect();
    assert!(
        outside.iter().all(|p| p.starts_with("site/public")),
        "{outside:?}"
    );
    run
}

#[test]
fn a_slug_with_dot_dot_cannot_escape() {
    assert_contained(
        "content/issues/evil/index.en.md",
        "---\ntitle: Evil\ndate: 2026-03-05\nslug: \"../../../escape\"\n---\nBody.\n",
        0,
    );
}

#[test]
fn an_absolute_slug_cannot_escape() {
    assert_contained(
        "content/issues/evil/index.en.md",
        "---\ntitle: Evil\ndate: 2026-03-05\nslug: \"/etc/passwd\"\n---\nBody.\n",
        0,
    );
}

#[test]
fn a_slug_with_backslashes_cannot_escape() {
    assert_contained(
        "content/issues/evil/index.en.md",
        "---\ntitle: Evil\ndate: 2026-03-05\nslug: \"..\\\\..\\\\escape\"\n---\nBody.\n",
        0,
    );
}

#[test]
fn a_slug_of_dots_cannot_escape() {
    assert_contained(
        "content/issues/evil/index.en.md",
        "---\ntitle: Evil\ndate: 2026-03-05\nslug: \"..\"\n---\nBody.\n",
        1,
    );
}

#[test]
fn a_translation_key_with_dot_dot_cannot_escape() {
    assert_contained(
        "content/issues/evil/index.en.md",
        "---\ntitle: Evil\ndate: 2026-03-05\ntranslation_key: \"../x\"\n---\nBody.\n",
        0,
    );
}

#[test]
fn an_absolute_translation_key_cannot_escape() {
    assert_contained(
        "content/issues/evil/index.en.md",
        "---\ntitle: Evil\ndate: 2026-03-05\ntranslation_key: \"/tmp/escape\"\n---\nBody.\n",
        0,
    );
}

#[test]
fn tag_names_with_dot_dot_cannot_escape() {
    assert_contained(
        "content/issues/evil/index.en.md",
        "---\ntitle: Evil\ndate: 2026-03-05\ntags: [\"../../x\", \"../../../escape\", \"/etc\"]\n---\nBody.\n",
        0,
    );
}

#[test]
fn a_page_slug_with_dot_dot_cannot_escape() {
    assert_contained(
        "content/pages/evil.en.md",
        "---\ntitle: Evil\nslug: \"../../escape\"\n---\nBody.\n",
        0,
    );
}

#[test]
fn a_cover_outside_the_issue_folder_is_not_copied_out() {
    let run = assert_contained(
        "content/issues/evil/index.en.md",
        "---\ntitle: Evil\ndate: 2026-03-05\ncover: \"../../../boletin.yaml\"\ncover_alt: x\n---\nBody.\n",
        1,
    );
    assert_eq!(
        run.code, 1,
        "a cover outside the issue's folder is an error\n{}",
        run.stderr
    );
}

// ---------------------------------------------------------------- staging

#[test]
fn no_staging_folder_is_left_after_a_successful_or_failed_build() {
    let site = Fixture::new();
    site.issue(
        "2026-03-spring",
        "en",
        "Spring",
        "2026-03-01",
        "",
        "Hello.\n",
    );
    assert_eq!(
        entries(site.root()),
        names(&["boletin.yaml", "content", "locales"])
    );
    site.build(&[]).assert_ok();
    assert_eq!(
        entries(site.root()),
        names(&["boletin.yaml", "content", "locales", "public"])
    );
    site.build(&[]).assert_ok();
    assert_eq!(
        entries(site.root()),
        names(&["boletin.yaml", "content", "locales", "public"]),
        "after a rebuild"
    );
    site.issue("2026-04-bad", "en", "Bad", "2026-04-31", "", "Bad date.\n");
    assert_eq!(site.build(&[]).code, 1);
    assert_eq!(
        entries(site.root()),
        names(&["boletin.yaml", "content", "locales", "public"]),
        "after a failed build"
    );
}

#[test]
fn no_staging_folder_is_left_beside_an_output_elsewhere() {
    let site = Fixture::new();
    site.issue(
        "2026-03-spring",
        "en",
        "Spring",
        "2026-03-01",
        "",
        "Hello.\n",
    );
    let elsewhere = tempfile::tempdir().expect("temporary folder");
    let out = elsewhere.path().join("out");
    let out_arg = out.to_str().expect("utf-8");
    site.build(&["--output", out_arg]).assert_ok();
    assert_eq!(entries(elsewhere.path()), names(&["out"]));
    // A failing render (template error at render time) after staging began.
    site.write(
        "themes/default/templates/issue.html",
        "{{ missing.thing }}\n",
    );
    assert_eq!(site.build(&["--output", out_arg]).code, 1);
    assert_eq!(entries(elsewhere.path()), names(&["out"]));
    assert!(
        out.join("en/issues/2026-03-spring/index.html").is_file(),
        "the previous output is still there"
    );
    assert!(!site.out().exists());
}

#[test]
fn a_failed_first_build_leaves_nothing_at_all() {
    let site = Fixture::new();
    site.issue("2026-04-bad", "en", "Bad", "2026-04-31", "", "Bad date.\n");
    assert_eq!(site.build(&[]).code, 1);
    assert_eq!(
        entries(site.root()),
        names(&["boletin.yaml", "content", "locales"])
    );
}

// ---------------------------------------------------------------- assets

#[test]
fn issue_assets_are_copied_beside_every_page_of_the_issue() {
    let site = Fixture::new();
    let chart: &[u8] = &[0x89, b'P', b'N', b'G', 13, 10, 26, 10, 0, 0, 1, 2, 3];
    // Written only in English: the Spanish page is a fallback.
    site.issue(
        "2026-03-report",
        "en",
        "Report",
        "2026-03-01",
        "",
        "![The chart](chart.png)\n\n[Data](data/table.csv)\n",
    );
    site.write_bytes("content/issues/2026-03-report/chart.png", chart);
    site.write("content/issues/2026-03-report/data/table.csv", "a,b\n1,2\n");
    // Translated, with a different slug in Spanish.
    site.issue(
        "2026-02-budget",
        "en",
        "Budget",
        "2026-02-01",
        "",
        "![Pie](pie.svg)\n",
    );
    site.issue(
        "2026-02-budget",
        "es",
        "Presupuesto",
        "2026-02-01",
        "slug: presupuesto\n",
        "![Pastel](pie.svg)\n",
    );
    site.write(
        "content/issues/2026-02-budget/pie.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n",
    );
    site.build(&[]).assert_ok();

    for folder in ["en/issues/2026-03-report", "es/issues/2026-03-report"] {
        let copied = std::fs::read(site.out().join(folder).join("chart.png"))
            .unwrap_or_else(|e| panic!("{folder}/chart.png: {e}"));
        assert_eq!(copied, chart, "{folder}/chart.png");
        assert_eq!(site.read(&format!("{folder}/data/table.csv")), "a,b\n1,2\n");
        // The image in the page resolves to the copied file.
        let html = site.html(&format!("{folder}/index.html"));
        let src = attr_of(&html, ".body img", "src");
        let resolved = match src.strip_prefix('/') {
            Some(rooted) => rooted.to_string(),
            None => format!("{folder}/{src}"),
        };
        assert!(
            site.exists(&resolved),
            "{folder}: <img src={src:?}> resolves to {resolved}, which exists"
        );
    }
    assert!(site.exists("en/issues/2026-02-budget/pie.svg"));
    assert!(
        site.exists("es/issues/presupuesto/pie.svg"),
        "beside the Spanish page, at its own slug"
    );
}
