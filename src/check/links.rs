//! Every link and `#anchor` of the rendered site must lead somewhere:
//! links written in Markdown are reported at their line in the content
//! file; links the theme makes, at the page they are on.

use super::html::{self, PageScan};
use crate::bodies::Bodies;
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::markdown::BodyLink;
use crate::model::Site;
use crate::render::{Content, OutputFile};
use percent_encoding::percent_decode_str;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

/// Where a link leads, from the site's point of view.
#[derive(Debug, PartialEq, Eq)]
enum Target {
    /// Another site, or mail, phone or data: not ours to check.
    Elsewhere,
    /// A file of this site (path relative to the output) and a fragment.
    Here {
        file: String,
        fragment: Option<String>,
    },
    /// Under the site's host but outside its base path.
    OutsideBase,
}

/// The rendered site, indexed for link checking.
struct SiteIndex<'a> {
    files: HashSet<String>,
    pages: HashMap<String, PageScan>,
    config: &'a Config,
}

/// A link as written in a content file, and the page it ends up on.
struct WrittenLink<'a> {
    /// The content file, relative to the site root.
    source: &'a PathBuf,
    /// The URL of the page the body is rendered on (its own language's).
    page_url: String,
    link: &'a BodyLink,
}

/// Every link written in a Markdown body, with the file it is written in
/// and the page it ends up on, ordered by file and line.
fn written_links<'a>(site: &'a Site, bodies: &'a Bodies) -> Vec<WrittenLink<'a>> {
    let mut links = Vec::new();
    for (id, body) in bodies {
        let document = site.document(id.section, id.index);
        let Some(translation) = document.translations.get(&id.lang) else {
            continue;
        };
        let page_url = site.url_of(document, &id.lang);
        links.extend(body.links.iter().map(|link| WrittenLink {
            source: &translation.path,
            page_url: page_url.clone(),
            link,
        }));
    }
    links.sort_by(|a, b| (a.source, a.link.location.line).cmp(&(b.source, b.link.location.line)));
    links
}

/// Checks every link of the rendered `files` (sorted by path), those
/// the bodies wrote at their line; broken ones are errors.
pub(crate) fn check(files: &[OutputFile], bodies: &Bodies, site: &Site) -> Vec<Diagnostic> {
    let config = &site.config;
    let mut index = SiteIndex {
        files: HashSet::new(),
        pages: HashMap::new(),
        config,
    };
    for file in files {
        let path = file.path.to_string_lossy().replace('\\', "/");
        if let (Content::Bytes(bytes), true) = (&file.content, path.ends_with(".html")) {
            index
                .pages
                .insert(path.clone(), html::scan(&String::from_utf8_lossy(bytes)));
        }
        index.files.insert(path);
    }
    let mut problems = Vec::new();
    // Compared decoded: a page writes `ó` in a link as `%C3%B3`, and the
    // same broken link must be reported once, at its content file.
    let mut written: HashSet<String> = HashSet::new();
    let urls = &site.urls;
    for written_link in &written_links(site, bodies) {
        let href = written_link.link.href.as_str();
        written.insert(decode(href));
        let page = urls
            .output_path(&written_link.page_url)
            .to_string_lossy()
            .replace('\\', "/");
        if let Some(why) = index.broken(&page, href) {
            problems.push(
                Diagnostic::error(written_link.source, format!("the link `{}` {why}", written_link.link.written))
                    .at(written_link.link.location.clone())
                    .help("check the address; a link to another issue can point at its file, such as ../2026-03-spring-meeting/index.en.md"),
            );
        }
    }
    let mut pages: Vec<(&String, &PageScan)> = index.pages.iter().collect();
    pages.sort_by_key(|(path, _)| *path);
    for (page, scan) in pages {
        for reference in scan
            .references
            .iter()
            .filter(|r| !written.contains(&decode(&r.value)))
        {
            if let Some(why) = index.broken(page, &reference.value) {
                problems.push(
                    Diagnostic::error(page, format!("line {}: the theme links to `{}`, which {why}", reference.line, reference.value))
                        .help("check the template that writes this link, or the content it takes the link from"),
                );
            }
        }
        for line in &scan.images_without_alt {
            problems.push(
                Diagnostic::error(page, format!("line {line}: an image has no alt attribute"))
                    .help(
                        "give every <img> an alt text describing it (alt=\"\" only for decoration)",
                    ),
            );
        }
    }
    problems
}

impl SiteIndex<'_> {
    /// Why `href` on `page` leads nowhere, or `None` if it is fine.
    fn broken(&self, page: &str, href: &str) -> Option<String> {
        match resolve(self.config, page, href) {
            Target::Elsewhere => None,
            Target::OutsideBase => Some(format!(
                "is outside the site's address {}",
                self.config.base_url
            )),
            Target::Here { file, fragment } => {
                let Some(found) = self.find(&file) else {
                    return Some("leads to no page or file of the site".to_string());
                };
                let fragment = fragment.filter(|f| !f.is_empty() && f != "top")?;
                let ids = &self.pages.get(&found)?.ids;
                (!ids.contains(&fragment))
                    .then(|| format!("points to `#{fragment}`, which is not on that page"))
            }
        }
    }

    /// The output file serving `file`: itself, or its folder's index.
    fn find(&self, file: &str) -> Option<String> {
        let candidates = if file.is_empty() || file.ends_with('/') {
            vec![format!("{file}index.html")]
        } else {
            vec![file.to_string(), format!("{file}/index.html")]
        };
        candidates.into_iter().find(|c| self.files.contains(c))
    }
}

/// Resolves `href`, found on the output file `page`.
fn resolve(config: &Config, page: &str, href: &str) -> Target {
    let href = href.trim();
    let lower = href.to_ascii_lowercase();
    if href.is_empty()
        || ["mailto:", "tel:", "data:", "sms:"]
            .iter()
            .any(|s| lower.starts_with(s))
    {
        return Target::Elsewhere;
    }
    let base = config.base_url.as_str();
    let base_path = config.base_path();
    let origin = config.base_url.origin().ascii_serialization();
    let site_relative = if let Some(rest) = href.strip_prefix(base) {
        rest.to_string()
    } else if lower.starts_with("http:") || lower.starts_with("https:") || href.starts_with("//") {
        let same_host = href.strip_prefix(&origin).is_some();
        return if same_host {
            Target::OutsideBase
        } else {
            Target::Elsewhere
        };
    } else if href.contains(':') && !href.starts_with(['/', '#', '.']) {
        return Target::Elsewhere;
    } else if let Some(rooted) = href.strip_prefix('/') {
        match format!("/{rooted}").strip_prefix(base_path) {
            Some(rest) => rest.to_string(),
            None => return Target::OutsideBase,
        }
    } else if href.starts_with('#') {
        format!("{page}{href}")
    } else {
        let dir = page
            .rsplit_once('/')
            .map_or(String::new(), |(dir, _)| format!("{dir}/"));
        format!("{dir}{href}")
    };
    let without_query = match site_relative.split_once('?') {
        Some((path, rest)) => format!("{path}{}", rest.find('#').map_or("", |i| &rest[i..])),
        None => site_relative,
    };
    let (path, fragment) = match without_query.split_once('#') {
        Some((path, fragment)) => (path.to_string(), Some(decode(fragment))),
        None => (without_query, None),
    };
    let file = normalize(&decode(&path));
    Target::Here { file, fragment }
}

fn decode(text: &str) -> String {
    percent_decode_str(text).decode_utf8_lossy().into_owned()
}

/// Folds `.` and `..` segments; keeps a trailing `/`.
fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            part => parts.push(part),
        }
    }
    let mut joined = parts.join("/");
    if path.ends_with('/') && !joined.is_empty() {
        joined.push('/');
    }
    joined
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        Config::from_text(
            "base_url: https://ex.org/news/\ndefault_language: en\nlanguages:\n  en: { title: T, description: D }\n",
            None,
        )
        .unwrap()
    }

    fn here(file: &str, fragment: Option<&str>) -> Target {
        Target::Here {
            file: file.to_string(),
            fragment: fragment.map(str::to_string),
        }
    }

    #[test]
    fn links_resolve_to_output_files() {
        let c = config();
        let page = "en/issues/a/index.html";
        assert_eq!(
            resolve(&c, page, "/news/en/issues/b/#x"),
            here("en/issues/b/", Some("x"))
        );
        assert_eq!(
            resolve(&c, page, "https://ex.org/news/en/"),
            here("en/", None)
        );
        assert_eq!(
            resolve(&c, page, "cover%20photo.jpg"),
            here("en/issues/a/cover photo.jpg", None)
        );
        assert_eq!(
            resolve(&c, page, "../b/?q=1#y"),
            here("en/issues/b/", Some("y"))
        );
        assert_eq!(resolve(&c, page, "#top"), here(page, Some("top")));
        assert_eq!(resolve(&c, page, "https://other.org/"), Target::Elsewhere);
        assert_eq!(resolve(&c, page, "mailto:a@b.c"), Target::Elsewhere);
        assert_eq!(resolve(&c, page, "/elsewhere/"), Target::OutsideBase);
    }
}
