//! Site errors: exit status 1, the file named relative to the site root
//! as `path:line:column`, what is wrong and how to fix it, the source line
//! shown; every error of a run at once; the previous output untouched; no
//! panic on any input. And wrong usage of the command line: exit status 2.
//! Besides its own assertions, each test compares the whole standard error
//! with its snapshot in `tests/suite/snapshots/` (`common/stderr.rs`).

mod config;
mod front_matter;
mod malformed;
mod one_run;
mod theme;
mod usage;
mod yaml;

use crate::common::*;
use std::collections::BTreeSet;
use std::path::Path;

/// Paths are relative to the site root: the temporary folder never shows.
#[track_caller]
fn assert_relative_paths(site: &Fixture, run: &Run) {
    let root = site.root().to_string_lossy().to_string();
    assert!(
        !run.stderr.contains(&root),
        "paths must be relative to the site root:\n{}",
        run.stderr
    );
}

/// The names in the site folder (not recursive).
fn entries(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .expect("read folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().to_string())
        .collect()
}

/// A one-issue site, good enough to build.
fn good_site() -> Fixture {
    let site = Fixture::new();
    site.issue(
        "2026-03-spring",
        "en",
        "Spring",
        "2026-03-01",
        "tags: [Housing]\n",
        "Hello.\n",
    );
    site.issue(
        "2026-03-spring",
        "es",
        "Primavera",
        "2026-03-01",
        "tags: [Vivienda]\n",
        "Hola.\n",
    );
    site
}

/// A site whose only issue is `bytes`; the build must fail cleanly, naming the file.
#[track_caller]
fn assert_rejected(bytes: &[u8]) -> Run {
    let site = Fixture::new();
    site.write_bytes("content/issues/bad/index.en.md", bytes);
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_stderr_has(&run, "content/issues/bad/index.en.md");
    assert_stderr_snapshot!(run);
    assert!(!site.out().exists(), "nothing is written");
    run
}

/// Replaces the `nav-tags` message of the Spanish locale with a line
/// without `=`, returning its 1-based line number.
fn break_spanish_locale(site: &Fixture) -> usize {
    let text = std::fs::read_to_string(site.root().join("locales/es/main.ftl")).expect("locale");
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let index = match lines.iter().position(|l| l.starts_with("nav-tags")) {
        Some(index) => {
            lines[index] = "nav-tags Etiquetas".to_string();
            index
        }
        None => {
            lines.push("nav-tags Etiquetas".to_string());
            lines.len() - 1
        }
    };
    site.write("locales/es/main.ftl", &(lines.join("\n") + "\n"));
    index + 1
}
