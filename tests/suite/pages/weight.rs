//! Pages are light, load nothing from other hosts and run no script.

use super::*;

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
