//! What `build` promises about its output: the same bytes for the same
//! input, BOM and CRLF input, where the output goes and what it may
//! replace, nothing written outside it, no staging folder left behind,
//! issue assets beside every page, and what it prints.
//!
//! The helpers here make a workspace that holds a site in `site/`, so that
//! what happens beside the site root can be checked.

mod assets;
mod base_url;
mod output_folder;
mod replacing_output;
mod reproducible;
mod stays_inside;
mod summary;

use crate::common::*;
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
