//! Site files that would land on the same output path as another.

use super::*;

/// Check and build both fail, naming both sources of `published`; their
/// standard error is snapshotted.
#[track_caller]
fn assert_collision(site: &Fixture, ours: &str, theirs: &str, published: &str) {
    for run in assert_collision_runs(site, ours, theirs, published) {
        assert_stderr_snapshot!(run);
    }
}

/// The checks of [`assert_collision`] without the snapshots; the two runs.
#[track_caller]
fn assert_collision_runs(site: &Fixture, ours: &str, theirs: &str, published: &str) -> [Run; 2] {
    let runs = [site.run(&["check"]), site.build(&[])];
    for run in &runs {
        assert_site_error(run);
        assert_stderr_has(run, &format!("--> {ours}"));
        assert_stderr_has(run, theirs);
        assert_stderr_has(run, published);
    }
    assert!(!site.out().exists());
    runs
}

#[test]
fn a_static_file_where_a_page_is_written_is_an_error() {
    let site = site();
    site.write("static/en/index.html", "<p>mine</p>\n");
    assert_collision(
        &site,
        "static/en/index.html",
        "`en` archive page",
        "en/index.html",
    );
}

#[test]
fn a_static_file_where_an_issue_page_is_written_names_the_issue() {
    let site = site();
    site.write("static/en/issues/2026-03-meeting/index.html", "mine\n");
    assert_collision(
        &site,
        "static/en/issues/2026-03-meeting/index.html",
        "content/issues/2026-03-meeting/index.en.md",
        "en/issues/2026-03-meeting/index.html",
    );
}

#[test]
fn a_static_file_over_the_themes_own_is_an_error() {
    let site = site();
    site.write("static/style.css", "body { color: red }\n");
    assert_collision(
        &site,
        "static/style.css",
        "themes/default/static/style.css",
        "style.css",
    );
}

#[test]
fn a_theme_folder_still_replaces_the_built_in_themes_file() {
    let site = site();
    site.write("themes/default/static/style.css", "body { color: red }\n");
    site.build(&[]).assert_ok();
    assert_eq!(site.read("style.css"), "body { color: red }\n");
}

#[test]
fn a_static_file_over_an_issues_cover_is_an_error() {
    let site = site();
    site.write_bytes("content/issues/2026-04-cover/cover.png", b"\x89PNG ours");
    site.issue(
        "2026-04-cover",
        "en",
        "Cover",
        "2026-04-01",
        "cover: cover.png\ncover_alt: A photo\n",
        "Body.\n",
    );
    site.write("static/en/issues/2026-04-cover/cover.png", "static\n");
    assert_collision(
        &site,
        "static/en/issues/2026-04-cover/cover.png",
        "content/issues/2026-04-cover/cover.png",
        "en/issues/2026-04-cover/cover.png",
    );
}

#[test]
fn a_file_beside_an_issue_where_its_page_is_written_is_an_error() {
    let site = site();
    site.write("content/issues/2026-03-meeting/index.html", "mine\n");
    // A web page beside an issue is refused before it could collide
    // (hostile/assets.rs): the one error names it and says why.
    for run in [site.run(&["check"]), site.build(&[])] {
        assert_site_error(&run);
        assert_stderr_has(&run, "--> content/issues/2026-03-meeting/index.html");
        assert_stderr_has(&run, "web page or script");
    }
    assert!(!site.out().exists());
}

#[test]
fn a_static_file_where_the_output_needs_a_folder_is_an_error() {
    let site = site();
    site.write("static/en", "a file named like a language folder\n");
    let [check, _build] =
        assert_collision_runs(&site, "static/en", "boletin's `en`", "to be a file");
    assert_stderr_snapshot!(check);
    // Not the build's: besides the collision it reports the writes that
    // failed because of it, and which ones fail first depends on the
    // threads (`cannot write <staging>/en/atom.xml` or `static/en`).
}

#[test]
fn a_file_beside_an_issue_too_deep_for_the_output_is_an_error() {
    let site = site();
    let deep: Vec<String> = ["a", "b", "c", "d", "e"]
        .iter()
        .map(|letter| letter.repeat(200))
        .collect();
    let relative = format!("content/issues/2026-03-meeting/{}.png", deep.join("/"));
    site.write(&relative, "x\n");
    for run in [site.run(&["check"]), site.build(&[])] {
        assert_site_error(&run);
        assert_stderr_has(&run, &format!("--> {relative}"));
        assert_stderr_has(&run, "at most 1024");
        assert!(!run.stderr.contains("disk"), "{}", run.stderr);
    }
    assert!(!site.out().exists());
}
