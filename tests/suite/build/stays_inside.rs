//! Nothing is written outside the output folder, whatever a slug, a
//! translation key, a tag or a cover path says: each case is either made
//! safe and built, or refused, and the rest of the workspace is unchanged.

use super::*;

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
