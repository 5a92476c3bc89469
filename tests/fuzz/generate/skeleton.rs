//! The rest of a site around its issues: the configuration, the locale
//! files, symbolic links, standalone pages, static files, a theme, and
//! the blind byte-level mutations of some cases.

use super::*;

pub(crate) fn config(g: &mut Gen, site: &mut Site, langs: &[&str], modes: &[&'static str]) {
    let base = *g.pick(&[
        "https://news.example.org/",
        "https://news.example.org/boletin/",
        "http://localhost:8080/",
        "https://news.example.org/a%20b/",
        "https://news.example.org",
    ]);
    let mut text = format!("base_url: {base}\n");
    let default = if g.breaks(Break::Config, 1, 5) {
        "es"
    } else {
        "en"
    };
    text.push_str(&format!("default_language: {default}\nlanguages:\n"));
    for lang in langs {
        let title = g.text();
        let description = g.text();
        let title = g.yaml(&title);
        let description = g.yaml(&description);
        text.push_str(&format!(
            "  {lang}:\n    title: {title}\n    description: {description}\n"
        ));
        if *lang == "ar" {
            text.push_str("    dir: rtl\n");
        }
    }
    if g.chance(1, 2) {
        let size = if g.breaks(Break::Config, 1, 3) {
            0
        } else {
            *g.pick(&[1usize, 2, 3, 10, 1000])
        };
        text.push_str(&format!("page_size: {size}\n"));
    }
    if g.chance(1, 3) {
        let limit = if g.breaks(Break::Config, 1, 3) {
            0
        } else {
            *g.pick(&[1usize, 5, 20])
        };
        text.push_str(&format!("feed_limit: {limit}\n"));
    }
    let mode = if g.breaks(Break::Config, 1, 4) {
        *g.pick(&["Sanitize", "none", "[sanitize]"])
    } else {
        *g.pick(modes)
    };
    if mode.is_empty() {
        site.mode = "sanitize (default)".to_string();
    } else {
        site.mode = mode.to_string();
        text.push_str(&format!("markdown:\n  raw_html: {mode}\n"));
    }
    if g.breaks(Break::Config, 1, 5) {
        text.push_str("tittle: typo\n");
    }
    site.add("boletin.yaml", text);
}

pub(crate) fn locale(g: &mut Gen, site: &mut Site, lang: &str, locales: &Locales) {
    if g.breaks(Break::Locales, 1, 4) {
        return;
    }
    let mut text = if lang == "es" {
        locales.es.clone()
    } else {
        locales.en.clone()
    };
    if g.chance(1, 5) {
        let mut lines: Vec<String> = text.lines().map(String::from).collect();
        let i = g.below(lines.len());
        match if g.is(Break::Locales) { g.below(5) } else { 0 } {
            0 | 1 => {
                let mut hostile = g.text().replace(['\n', '\r'], " ");
                if !g.is(Break::Locales) {
                    // Braces are Fluent syntax; a valid file quotes them.
                    hostile = hostile
                        .replace('{', "\u{0}")
                        .replace('}', "{\"}\"}")
                        .replace('\u{0}', "{\"{\"}");
                }
                if lines[i].contains(" = ") && !lines[i].ends_with("->") {
                    lines[i].push(' ');
                    lines[i].push_str(&hostile);
                } else {
                    lines.insert(i, format!("fuzz-extra-{i} = {hostile}"));
                }
            }
            2 => lines.insert(i, "broken message without an equals sign".to_string()),
            3 => lines.insert(i, "nav-main = { $unclosed".to_string()),
            _ => {
                lines.remove(i);
            }
        }
        text = lines.join("\n");
        text.push('\n');
    }
    site.add(format!("locales/{lang}/main.ftl"), text);
    if g.chance(1, 20) {
        let noise = g.text();
        site.add(
            format!("locales/{lang}/extra.ftl"),
            format!("extra-{} = {noise}\n", g.below(9)),
        );
    }
}

/// Symbolic links that lead out of the site, to `outside_files`.
pub(crate) fn links(g: &mut Gen, site: &mut Site) {
    for _ in 0..g.range(1, 2) {
        let (path, target): (Vec<u8>, &str) = match g.below(5) {
            0 => {
                // An issue's cover, if there is a folder issue.
                let cover = site
                    .files
                    .iter()
                    .map(|(p, _)| p.clone())
                    .find(|p| p.ends_with(b"/cover.svg"));
                match cover {
                    Some(path) => {
                        site.files.retain(|(p, _)| *p != path);
                        (path, "../../../../outside/secret.txt")
                    }
                    None => (
                        b"content/issues/linked-cover.en.md".to_vec(),
                        "../../../outside/secret.txt",
                    ),
                }
            }
            1 => (
                b"content/issues/linked-folder".to_vec(),
                "../../../outside/issue",
            ),
            2 => (
                b"content/issues/linked.en.md".to_vec(),
                "../../../outside/secret.txt",
            ),
            3 => (b"static/leak.txt".to_vec(), "../../outside/secret.txt"),
            _ => (
                b"locales/en/leak.ftl".to_vec(),
                "../../../outside/secret.txt",
            ),
        };
        site.links.push((path, target.to_string()));
    }
}

pub(crate) fn page(g: &mut Gen, site: &mut Site, langs: &[&str], n: usize) {
    let key = *g.pick(&["about", "subscribe", "contact", "Über uns", "<x>"]);
    for lang in langs {
        if g.chance(1, 3) {
            continue;
        }
        let mut text = front_matter(g, false, false, &[]);
        text.push_str(&body(g));
        site.add(format!("content/pages/{key}-{n}.{lang}.md"), text);
    }
}

/// The site's own files, harmless, some colliding with generated ones.
pub(crate) fn statics(g: &mut Gen, site: &mut Site) {
    let path = *g.pick(&[
        "static/robots.txt",
        "static/style.css",
        "static/en/index.html",
        "static/files/a.txt",
    ]);
    site.add(path, "<p>the site's own file</p>\n");
}

/// A theme override that is broken, not hostile: the templates are the
/// staff's, so what they write is not a payload.
pub(crate) fn theme(g: &mut Gen, site: &mut Site) {
    let (path, text) = *g.pick(&[
        (
            "themes/default/templates/entry.html",
            "{% include \"entry.html\" %}",
        ),
        (
            "themes/default/templates/issue.html",
            "{% extends \"base.html\" %}{% block main %}{% if %}{% endblock main %}",
        ),
        (
            "themes/default/templates/page.html",
            "{% extends \"base.html\" %}{% block main %}{{ nothing.here }}{% endblock main %}",
        ),
        (
            "themes/default/templates/tags.html",
            "{% extends \"missing.html\" %}",
        ),
    ]);
    site.add(path, text);
}

/// A blind change to the bytes of one file.
pub(crate) fn mutate(g: &mut Gen, site: &mut Site) {
    let i = g.below(site.files.len());
    let Some((_, content)) = site.files.get_mut(i) else {
        return;
    };
    let at = g.below(content.len() + 1);
    match g.below(6) {
        0 => {
            let payload = g.pick(XSS).as_bytes().to_vec();
            content.splice(at..at, payload);
        }
        1 => {
            let c = g.control(false);
            content.splice(at..at, c.into_bytes());
        }
        2 => {
            let end = (at + g.range(1, 40)).min(content.len());
            content.drain(at..end);
        }
        3 => {
            let end = (at + g.range(1, 80)).min(content.len());
            let copy = content[at..end].to_vec();
            content.splice(at..at, copy);
        }
        4 => {
            let byte = *g.pick(&[0x80u8, 0xff, 0xc3, b'\r', b'\t', b':', b'{', b'-']);
            content.insert(at, byte);
        }
        _ => content.truncate(at),
    }
}
