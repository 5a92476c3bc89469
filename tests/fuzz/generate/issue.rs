//! An issue's files: its key, front matter (dates, lists, URLs, hostile
//! text) and Markdown body (inline markup, heading attributes, links).

use super::*;

/// A folder or file name: usually plain, sometimes odd.
fn key(g: &mut Gen, n: usize) -> Vec<u8> {
    if g.chance(2, 3) {
        return format!("2026-0{}-issue-{n}", 1 + n % 9).into_bytes();
    }
    // The first few should build; the rest may be refused.
    let odd: Vec<u8> = match g.below(if g.is(Break::Names) { 14 } else { 6 }) {
        0 => "café".into(),
        1 => "with space".into(),
        2 => "quote'\"<b>".into(),
        3 => "-leading-dash".into(),
        4 => "😀".into(),
        5 => "..dots".into(),
        6 => b"caf\xe9".to_vec(),
        7 => "a%2Fb".into(),
        8 => "\u{202E}gnp.exe".into(),
        9 => b"ca\xf1a".to_vec(),
        10 => "x".repeat(g.range(100, 240)).into_bytes(),
        11 => "new\nline".into(),
        12 => "CON".into(),
        _ => g
            .noise()
            .replace(['/', '\0'], "_")
            .chars()
            .take(30)
            .collect::<String>()
            .into_bytes(),
    };
    if odd.is_empty() || odd == b"." || odd == b".." {
        return format!("empty-{n}").into_bytes();
    }
    let mut named = odd;
    named.extend_from_slice(format!("-{n}").as_bytes());
    named
}

fn date(g: &mut Gen) -> String {
    match g.below(if g.is(Break::FrontMatter) { 10 } else { 8 }) {
        0..=5 => format!("2026-{:02}-{:02}", g.range(1, 12), g.range(1, 28)),
        6 => format!(
            "{:04}-{:02}-{:02}",
            g.range(1, 9999),
            g.range(1, 12),
            g.range(1, 28)
        ),
        7 => g
            .pick(&[
                "1899-12-31",
                "0001-01-01",
                "9999-12-31",
                "1900-01-01",
                "1969-12-31",
            ])
            .to_string(),
        8 => g
            .pick(&[
                "2026-02-30",
                "2026-13-01",
                "yesterday",
                "\"2026-03-01\"",
                "",
            ])
            .to_string(),
        _ => "2026-03-01".to_string(),
    }
}

fn list(g: &mut Gen) -> String {
    let items: Vec<String> = (0..g.range(1, 4))
        .map(|_| {
            let t = if g.breaks(Break::LongNames, 1, 3) {
                format!("tag {}", "t".repeat(g.range(240, 300)))
            } else {
                g.text()
            };
            g.yaml(&t).replace('\n', " ")
        })
        .collect();
    if g.chance(1, 2) {
        format!("[{}]", items.join(", "))
    } else {
        format!(
            "\n{}",
            items
                .iter()
                .map(|i| format!("  - {i}\n"))
                .collect::<String>()
        )
        .trim_end()
        .to_string()
    }
}

/// `cover_beside`: a `cover.svg` is written beside the file.
pub(crate) fn front_matter(
    g: &mut Gen,
    dated: bool,
    cover_beside: bool,
    lang_files: &[String],
) -> String {
    let mut text = String::from("---\n");
    let title = g.text();
    text.push_str(&format!("title: {}\n", g.yaml(&title)));
    if dated || g.chance(1, 4) {
        text.push_str(&format!("date: {}\n", date(g)));
    }
    if g.chance(1, 3) {
        let number = if g.breaks(Break::FrontMatter, 1, 2) {
            *g.pick(&["-1", "4294967296", "1.5", "\"7\""])
        } else {
            *g.pick(&["1", "41", "0", "4294967295"])
        };
        text.push_str(&format!("issue: {number}\n"));
    }
    if g.chance(1, 2) {
        let summary = g.text();
        text.push_str(&format!("summary: {}\n", g.yaml(&summary)));
    }
    if g.chance(1, 2) {
        text.push_str(&format!("tags: {}\n", list(g)));
    }
    if g.chance(1, 3) {
        text.push_str(&format!("authors: {}\n", list(g)));
    }
    if g.chance(1, 4) {
        let slug = if g.breaks(Break::LongNames, 1, 2) {
            "s".repeat(g.range(240, 300))
        } else {
            match g.below(4) {
                0 => "../../../escaped".to_string(),
                1 => "a/b".to_string(),
                _ => g.text(),
            }
        };
        text.push_str(&format!("slug: {}\n", g.yaml(&slug)));
    }
    if g.chance(1, 4) && (cover_beside || g.is(Break::Covers)) {
        let cover = match if g.is(Break::Covers) { g.below(5) } else { 0 } {
            0 | 1 => "cover.svg".to_string(),
            2 => "../../../../etc/passwd".to_string(),
            3 => "/etc/passwd".to_string(),
            _ => g.text(),
        };
        text.push_str(&format!("cover: {}\n", g.yaml(&cover)));
        if !g.breaks(Break::Covers, 1, 3) {
            let alt = g.text();
            text.push_str(&format!("cover_alt: {}\n", g.yaml(&alt)));
        }
    }
    if g.chance(1, 6) {
        let draft = if g.breaks(Break::FrontMatter, 1, 2) {
            *g.pick(&["yes", "1"])
        } else {
            *g.pick(&["true", "false"])
        };
        text.push_str(&format!("draft: {draft}\n"));
    }
    if g.breaks(Break::FrontMatter, 1, 4) && !lang_files.is_empty() {
        let key = g.text();
        text.push_str(&format!("translation_key: {}\n", g.yaml(&key)));
    }
    if g.chance(1, 8) {
        text.push_str(&format!("source: {}\n", g.pick(&["true", "false"])));
    }
    if g.chance(1, 4) {
        text.push_str("extra:\n");
        for _ in 0..g.range(1, 3) {
            let k = g.text();
            let v = g.text();
            let (k, v) = (g.yaml(&k).replace('\n', " "), g.yaml(&v).replace('\n', " "));
            text.push_str(&format!("  {k}: {v}\n"));
        }
        if g.chance(1, 3) {
            let v = g.text();
            text.push_str(&format!(
                "  nested:\n    html: {}\n",
                g.yaml(&v).replace('\n', " ")
            ));
        }
    }
    if g.breaks(Break::FrontMatter, 1, 8) {
        text.push_str("unknown_field: 1\n");
    }
    text.push_str("---\n");
    text
}

/// One raw-HTML element carrying a script URL in a URL attribute.
fn url_element(g: &mut Gen) -> String {
    let url = g.script_url(true);
    let url = url.replace('"', "&quot;");
    match g.below(12) {
        0 | 1 => format!("<a href=\"{url}\">link</a>"),
        2 => format!("<img src=\"{url}\" alt=\"x\">"),
        3 => format!("<iframe src=\"{url}\"></iframe>"),
        4 => format!("<form action=\"{url}\"><button>go</button></form>"),
        5 => format!("<button formaction=\"{url}\">go</button>"),
        6 => format!("<object data=\"{url}\"></object>"),
        7 => format!("<svg><a xlink:href=\"{url}\"><text>x</text></a></svg>"),
        8 => format!("<img srcset=\"a.png 1x, {url} 2x\" alt=\"\">"),
        9 => format!("<video poster=\"{url}\"></video>"),
        10 => format!("<blockquote cite=\"{url}\">q</blockquote>"),
        _ => format!("<a href='{url}' title=\"t\">link</a>"),
    }
}

/// An inline Markdown or HTML link.
fn inline(g: &mut Gen) -> String {
    let label = g.text().replace(['[', ']', '\n'], " ");
    match g.below(12) {
        0..=2 => format!("[{label}]({})", g.url(true)),
        3 => format!("[{label}](<{}>)", g.url(true)),
        4 => format!("![{label}]({})", g.url(true)),
        5 => format!("[{label}]({} \"{}\")", g.url(true), g.pick(NAUGHTY)),
        6 => format!("<{}>", g.script_url(false)),
        7 => format!("<span onclick=alert(1)>{label}</span>"),
        8 => url_element(g),
        9 => format!("`{}`", g.pick(XSS)),
        10 => format!("*{label}* **{}**", g.text()),
        _ => g.noise(),
    }
}

fn heading_attrs(g: &mut Gen) -> String {
    if g.chance(1, 2) {
        return g.pick(HEADING_ATTRS).to_string();
    }
    let event = *g.pick(&[
        "onclick",
        "onfocus",
        "onload",
        "onerror",
        "OnMouseOver",
        "onpointerenter",
    ]);
    let url = g.script_url(false).replace([' ', '}', '{'], "");
    let mut attrs = vec![format!("{event}=alert(1)")];
    if g.chance(1, 2) {
        attrs.push(format!("#h{}", g.below(100)));
    }
    if g.chance(1, 2) {
        attrs.push(".cls".to_string());
    }
    if g.chance(1, 2) {
        attrs.push(format!(
            "{}={url}",
            g.pick(&["href", "src", "srcdoc", "style", "formaction"])
        ));
    }
    if g.chance(1, 3) {
        attrs.push("autofocus tabindex=0".to_string());
    }
    let n = attrs.len();
    let first = g.below(n);
    attrs.swap(0, first);
    format!("{{{}}}", attrs.join(" "))
}

pub(crate) fn body(g: &mut Gen) -> String {
    let mut text = String::new();
    let mut references = Vec::new();
    for _ in 0..g.range(1, 8) {
        let block = match g.below(14) {
            0 | 1 => {
                let level = "#".repeat(g.range(1, 6));
                let title = g.text().replace('\n', " ");
                if g.chance(2, 3) {
                    format!("{level} {title} {}", heading_attrs(g))
                } else {
                    format!("{level} {title}")
                }
            }
            2 | 3 => (0..g.range(1, 4))
                .map(|_| inline(g))
                .collect::<Vec<_>>()
                .join(" "),
            4 => g.pick(XSS).to_string(),
            5 => url_element(g),
            6 => {
                let name = format!("r{}", g.below(5));
                references.push(format!("[{name}]: {}", g.url(true)));
                format!("A [reference][{name}] and [{name}].")
            }
            7 => format!("```\n{}\n```", g.pick(XSS)),
            8 => format!("- {}\n- {}\n  - {}", inline(g), inline(g), g.text()),
            9 => format!("> {}\n> {}", inline(g), g.pick(XSS)),
            10 => format!(
                "| a | b |\n|---|---|\n| {} | {} |",
                inline(g).replace('|', "\\|"),
                g.text().replace('|', "\\|")
            ),
            11 => format!("Note[^n{0}].\n\n[^n{0}]: {1}", g.below(3), inline(g)),
            12 => format!("Setext {}\n----", g.text().replace('\n', " ")),
            _ => g.noise(),
        };
        text.push_str(&block);
        text.push_str("\n\n");
    }
    text.push_str(&references.join("\n"));
    text.push('\n');
    text
}

pub(crate) fn issue(g: &mut Gen, site: &mut Site, langs: &[&str], n: usize) {
    let key = key(g, n);
    let folder = g.chance(2, 3);
    let mut written = Vec::new();
    for (i, lang) in langs.iter().enumerate() {
        if i > 0 && g.chance(1, 3) {
            continue;
        }
        let lang = if g.breaks(Break::FrontMatter, 1, 8) {
            *g.pick(&["xx", "EN", "en-US", ""])
        } else {
            lang
        };
        let mut path = b"content/issues/".to_vec();
        path.extend_from_slice(&key);
        if folder {
            path.extend_from_slice(format!("/index.{lang}.md").as_bytes());
        } else {
            path.extend_from_slice(format!(".{lang}.md").as_bytes());
        }
        let mut text = front_matter(g, true, folder, &written);
        text.push_str(&body(g));
        site.add(path, text);
        written.push(lang.to_string());
    }
    if folder {
        let mut path = b"content/issues/".to_vec();
        path.extend_from_slice(&key);
        path.extend_from_slice(b"/cover.svg");
        site.add(
            path,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>\n",
        );
    }
}
