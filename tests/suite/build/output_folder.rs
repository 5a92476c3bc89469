//! Where the output goes (`--output`, `--root`, the default `public/`),
//! refusing an output that is the site or one of its source folders, and
//! no staging folder left behind by a build that succeeds or fails.

use super::*;

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
