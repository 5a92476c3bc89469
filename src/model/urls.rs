//! Every URL the site has, in one place, and the output file behind each.
//!
//! URLs inside pages are root-relative and start with the base URL's path
//! (`/` or `/newsletter/`), so pages stay small and the site works under a
//! sub-folder. Segments come only from `Lang`s and slugs, which are ASCII
//! letters, digits and hyphens, so no URL can leave the output folder.

use crate::lang::Lang;
use std::path::PathBuf;

/// Builds the site's URLs under one base path.
#[derive(Clone, Debug)]
pub(crate) struct Urls {
    base_path: String,
}

impl Urls {
    /// `base_path` must start and end with `/`.
    pub(crate) fn new(base_path: &str) -> Urls {
        Urls {
            base_path: base_path.to_string(),
        }
    }

    pub(crate) fn root(&self) -> String {
        self.base_path.clone()
    }

    pub(crate) fn archive(&self, lang: &Lang, page: usize) -> String {
        match page {
            0 | 1 => self.join(&[lang.as_str(), "/"]),
            n => self.join(&[lang.as_str(), "/page/", &n.to_string(), "/"]),
        }
    }

    pub(crate) fn issue(&self, lang: &Lang, slug: &str) -> String {
        self.join(&[lang.as_str(), "/issues/", slug, "/"])
    }

    pub(crate) fn page(&self, lang: &Lang, slug: &str) -> String {
        self.join(&[lang.as_str(), "/", slug, "/"])
    }

    pub(crate) fn tags(&self, lang: &Lang) -> String {
        self.join(&[lang.as_str(), "/tags/"])
    }

    pub(crate) fn tag(&self, lang: &Lang, slug: &str, page: usize) -> String {
        match page {
            0 | 1 => self.join(&[lang.as_str(), "/tags/", slug, "/"]),
            n => self.join(&[lang.as_str(), "/tags/", slug, "/page/", &n.to_string(), "/"]),
        }
    }

    pub(crate) fn latest(&self, lang: &Lang) -> String {
        self.join(&[lang.as_str(), "/latest/"])
    }

    pub(crate) fn feed(&self, lang: &Lang, file: &str) -> String {
        self.join(&[lang.as_str(), "/", file])
    }

    pub(crate) fn file(&self, name: &str) -> String {
        self.join(&[name])
    }

    /// The base path followed by `parts`. Every page asks for a dozen URLs,
    /// so they are joined directly rather than through `format!`.
    fn join(&self, parts: &[&str]) -> String {
        let length = self.base_path.len() + parts.iter().map(|p| p.len()).sum::<usize>();
        let mut url = String::with_capacity(length);
        url.push_str(&self.base_path);
        for part in parts {
            url.push_str(part);
        }
        url
    }

    /// The file in the output folder that serves `url` (a folder URL is
    /// served by its `index.html`).
    pub(crate) fn output_path(&self, url: &str) -> PathBuf {
        let relative = url.strip_prefix(&self.base_path).unwrap_or(url);
        if relative.is_empty() || relative.ends_with('/') {
            PathBuf::from(relative).join("index.html")
        } else {
            PathBuf::from(relative)
        }
    }
}

/// The characters of a file name that cannot stand as they are in a
/// relative URL: those that end or change a path (`#`, `?`, `%`), that
/// HTML and URLs do not allow bare, and `:`, so that no file name (such
/// as one called `javascript:x.png`) can ever read as a URL scheme.
const NOT_IN_A_FILE_URL: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'\'')
    .add(b':')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'\\')
    .add(b'`')
    .add(b'{')
    .add(b'}');

/// `path`, a file's path relative to a page (`photos/cover 1.jpg`), as
/// the relative URL that page uses for it (`photos/cover%201.jpg`).
pub(crate) fn relative_file_url(path: &str) -> String {
    path.split('/')
        .map(|segment| {
            percent_encoding::utf8_percent_encode(segment, NOT_IN_A_FILE_URL).to_string()
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_become_relative_urls_that_never_read_as_a_scheme() {
        assert_eq!(relative_file_url("cover.svg"), "cover.svg");
        assert_eq!(
            relative_file_url("img/my photo#1.jpg"),
            "img/my%20photo%231.jpg"
        );
        assert_eq!(
            relative_file_url("javascript:alert(1).png"),
            "javascript%3Aalert(1).png"
        );
        assert_eq!(relative_file_url("100%.png"), "100%25.png");
        assert_eq!(relative_file_url("foto-señal.jpg"), "foto-se%C3%B1al.jpg");
    }

    #[test]
    fn urls_map_to_index_files_under_the_base_path() {
        let urls = Urls::new("/news/");
        let es = Lang::parse("es").unwrap();
        assert_eq!(urls.issue(&es, "hola"), "/news/es/issues/hola/");
        assert_eq!(
            urls.output_path(&urls.issue(&es, "hola")),
            PathBuf::from("es/issues/hola/index.html")
        );
        assert_eq!(urls.output_path(&urls.root()), PathBuf::from("index.html"));
        assert_eq!(
            urls.output_path(&urls.feed(&es, "atom.xml")),
            PathBuf::from("es/atom.xml")
        );
        assert_eq!(urls.archive(&es, 2), "/news/es/page/2/");
    }
}
