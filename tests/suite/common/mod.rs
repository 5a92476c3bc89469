//! Shared helpers for integration tests: a fixture site in a temporary
//! folder, running the real `boletin` binary on it, and parsing what it
//! wrote with real parsers (html5ever through scraper, roxmltree), and
//! snapshots of what it printed on standard error (`stderr.rs`).

pub(crate) mod serve;
pub(crate) mod stderr;

pub(crate) use stderr::assert_stderr_snapshot;

use scraper::{Html, Selector};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tempfile::TempDir;

/// The site configuration most fixtures use: English (default) and Spanish.
pub(crate) const CONFIG: &str = "base_url: https://news.example.org/\ndefault_language: en\nlanguages:\n  en:\n    title: Test News\n    description: A test newsletter.\n  es:\n    title: Noticias de prueba\n    description: Un boletín de prueba.\npage_size: 3\n";

/// A site in a temporary folder, removed when dropped.
pub(crate) struct Fixture {
    dir: TempDir,
}

/// What a run of the binary did.
pub(crate) struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    #[track_caller]
    pub(crate) fn assert_ok(&self) -> &Run {
        assert_eq!(
            self.code, 0,
            "expected success\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }
}

impl Fixture {
    /// A bilingual site with `CONFIG`, the repository's locale files and
    /// the built-in theme, and no content yet.
    pub(crate) fn new() -> Fixture {
        let fixture = Fixture::empty();
        fixture.write("boletin.yaml", CONFIG);
        fixture.copy_locales();
        fixture
    }

    /// An empty folder.
    pub(crate) fn empty() -> Fixture {
        Fixture {
            dir: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    /// Copies `locales/<lang>/` of the repository into the fixture.
    pub(crate) fn copy_locales(&self) {
        let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
        for lang in ["en", "es"] {
            let text = std::fs::read_to_string(source.join(lang).join("main.ftl"))
                .expect("repository locale");
            self.write(&format!("locales/{lang}/main.ftl"), &text);
        }
    }

    pub(crate) fn root(&self) -> &Path {
        self.dir.path()
    }

    /// The default output folder, `public/` in the site.
    pub(crate) fn out(&self) -> PathBuf {
        self.root().join("public")
    }

    /// Writes `text` to `relative`, creating folders.
    pub(crate) fn write(&self, relative: &str, text: &str) {
        let path = self.root().join(relative);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("create folders");
        std::fs::write(path, text).expect("write fixture file");
    }

    pub(crate) fn write_bytes(&self, relative: &str, bytes: &[u8]) {
        let path = self.root().join(relative);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("create folders");
        std::fs::write(path, bytes).expect("write fixture file");
    }

    pub(crate) fn remove(&self, relative: &str) {
        std::fs::remove_file(self.root().join(relative)).expect("remove fixture file");
    }

    /// Writes an issue in the folder form with the given front matter
    /// lines (besides title and date) and body.
    pub(crate) fn issue(
        &self,
        key: &str,
        lang: &str,
        title: &str,
        date: &str,
        front: &str,
        body: &str,
    ) {
        self.write(
            &format!("content/issues/{key}/index.{lang}.md"),
            &format!("---\ntitle: {title:?}\ndate: {date}\n{front}---\n{body}"),
        );
    }

    /// Runs `boletin` with `args` in the site's folder.
    pub(crate) fn run(&self, args: &[&str]) -> Run {
        run_in(self.root(), args)
    }

    /// `boletin build` plus `extra` arguments.
    pub(crate) fn build(&self, extra: &[&str]) -> Run {
        let mut args = vec!["build"];
        args.extend_from_slice(extra);
        self.run(&args)
    }

    /// A file of the output, as text.
    #[track_caller]
    pub(crate) fn read(&self, relative: &str) -> String {
        let path = self.out().join(relative);
        std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
    }

    /// A page of the output, parsed as HTML5.
    #[track_caller]
    pub(crate) fn html(&self, relative: &str) -> Html {
        Html::parse_document(&self.read(relative))
    }

    pub(crate) fn exists(&self, relative: &str) -> bool {
        self.out().join(relative).exists()
    }
}

/// A site with one issue, `2026-03-spring`, in English and Spanish.
pub(crate) fn bilingual_issue_site() -> Fixture {
    let site = Fixture::new();
    site.issue(
        "2026-03-spring",
        "en",
        "Spring meeting",
        "2026-03-01",
        "issue: 1\n",
        "Hello.\n",
    );
    site.issue(
        "2026-03-spring",
        "es",
        "Asamblea de primavera",
        "2026-03-01",
        "issue: 1\n",
        "Hola.\n",
    );
    site
}

/// Runs the binary in `dir`.
pub(crate) fn run_in(dir: &Path, args: &[&str]) -> Run {
    Command::new(env!("CARGO_BIN_EXE_boletin"))
        .args(args)
        .current_dir(dir)
        .env_remove("RUST_LOG")
        .output()
        .expect("run boletin")
        .into()
}

impl From<Output> for Run {
    /// What a finished `boletin` process did; -1 for a killed one.
    fn from(output: Output) -> Run {
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

/// Every element matching `css`.
pub(crate) fn select<'a>(html: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e:?}"));
    html.select(&selector).collect()
}

/// The text of the first element matching `css`, whitespace folded.
#[track_caller]
pub(crate) fn text_of(html: &Html, css: &str) -> String {
    let found = select(html, css);
    let element = found
        .first()
        .unwrap_or_else(|| panic!("nothing matches {css}"));
    folded_text(*element)
}

/// An element's text with its whitespace folded, as a reader sees it.
pub(crate) fn folded_text(element: scraper::ElementRef) -> String {
    element
        .text()
        .collect::<Vec<_>>()
        .join("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The names directly in `dir`, sorted.
pub(crate) fn sorted_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    names
}

/// Names as a set, to compare folder listings.
pub(crate) fn names(list: &[&str]) -> std::collections::BTreeSet<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// Fails unless standard error contains `needle`, showing it whole.
#[track_caller]
pub(crate) fn assert_stderr_has(run: &Run, needle: &str) {
    assert!(
        run.stderr.contains(needle),
        "stderr should contain {needle:?}:\n{}",
        run.stderr
    );
}

/// An attribute of the first element matching `css`.
#[track_caller]
pub(crate) fn attr_of(html: &Html, css: &str, attribute: &str) -> String {
    let found = select(html, css);
    let element = found
        .first()
        .unwrap_or_else(|| panic!("nothing matches {css}"));
    element
        .value()
        .attr(attribute)
        .unwrap_or_else(|| panic!("{css} has no {attribute}"))
        .to_string()
}

/// The `lang` and `dir` of a page's `<html>`; `page` names it in failures.
#[track_caller]
pub(crate) fn assert_html_language(html: &Html, page: &str, lang: &str, dir: &str) {
    assert_eq!(attr_of(html, "html", "lang"), lang, "{page}");
    assert_eq!(attr_of(html, "html", "dir"), dir, "{page}");
}

/// Every file under `dir` with its bytes, sorted by path.
pub(crate) fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = walkdir(dir)
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).expect("read output file");
            (
                path.strip_prefix(dir).expect("under dir").to_path_buf(),
                bytes,
            )
        })
        .collect();
    files.sort();
    files
}

fn walkdir(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return found;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(walkdir(&path));
        } else {
            found.push(path);
        }
    }
    found
}

/// Exit status 1, without a panic.
#[track_caller]
pub(crate) fn assert_site_error(run: &Run) {
    assert_eq!(
        run.code, 1,
        "expected exit status 1 (site errors)\nstdout:\n{}\nstderr:\n{}",
        run.stdout, run.stderr
    );
    assert!(
        !run.stderr.contains("panicked"),
        "boletin panicked:\n{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("RUST_BACKTRACE"),
        "boletin panicked:\n{}",
        run.stderr
    );
}

/// Every path under `dir` (folders too, links as their target) with the
/// bytes of files; `None` for folders.
pub(crate) fn tree(dir: &Path) -> std::collections::BTreeMap<PathBuf, Option<Vec<u8>>> {
    fn walk(
        base: &Path,
        dir: &Path,
        found: &mut std::collections::BTreeMap<PathBuf, Option<Vec<u8>>>,
    ) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let relative = path.strip_prefix(base).expect("under base").to_path_buf();
            let kind = entry.file_type().expect("file type");
            if kind.is_symlink() {
                let target = std::fs::read_link(&path).expect("link");
                found.insert(relative, Some(target.to_string_lossy().as_bytes().to_vec()));
            } else if kind.is_dir() {
                found.insert(relative, None);
                walk(base, &path, found);
            } else {
                found.insert(relative, Some(std::fs::read(&path).expect("read")));
            }
        }
    }
    let mut found = std::collections::BTreeMap::new();
    walk(dir, dir, &mut found);
    found
}
