//! Hostile paths: symbolic links that lead out of the site, names that
//! are not UTF-8, names too long for a file system, and site files that
//! would land on the same output path as another.
//!
//! Each case runs the real binary on its own fixture site and checks the
//! exit status, what standard error names, that nothing from outside the
//! site is printed, and, for a build, what ended up in the output.

mod common;

use common::{CONFIG, Fixture, Run, assert_site_error, assert_stderr_has};
use std::path::Path;

/// What the files outside the site hold: never to be printed or published.
const SECRET: &str = "SECRET-LINE root:x:0:0:root:/root:/bin/bash";

/// A folder outside the site, with a secret file and a whole issue.
fn outside() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    std::fs::write(dir.path().join("secret.txt"), format!("{SECRET}\n")).expect("write");
    std::fs::write(dir.path().join("secret.jpg"), format!("{SECRET}\n")).expect("write");
    std::fs::create_dir(dir.path().join("issue")).expect("folder");
    std::fs::write(
        dir.path().join("issue/index.en.md"),
        format!("---\ntitle: Outside\ndate: 2026-01-01\n---\n{SECRET}\n"),
    )
    .expect("write");
    dir
}

/// A site with one issue in the folder form.
fn site() -> Fixture {
    let site = Fixture::new();
    site.issue(
        "2026-03-meeting",
        "en",
        "Meeting",
        "2026-03-01",
        "",
        "Body.\n",
    );
    site
}

#[cfg(unix)]
fn link(site: &Fixture, relative: &str, target: &Path) {
    let path = site.root().join(relative);
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("folders");
    std::os::unix::fs::symlink(target, path).expect("symlink");
}

/// Exit 1, the link named in plain words, nothing of the secret printed.
#[track_caller]
fn assert_refused_link(run: &Run, link: &str) {
    assert_site_error(run);
    assert_stderr_has(run, link);
    assert_stderr_has(run, "symbolic link");
    assert_stderr_has(run, "outside the site's folder");
    assert!(
        !run.stderr.contains("SECRET"),
        "a file outside the site was printed:\n{}",
        run.stderr
    );
    assert!(
        !run.stdout.contains("SECRET"),
        "a file outside the site was printed:\n{}",
        run.stdout
    );
}

/// Both commands refuse the link, and the build writes nothing.
#[track_caller]
fn assert_both_refuse(site: &Fixture, link: &str) {
    assert_refused_link(&site.run(&["check"]), link);
    assert_refused_link(&site.build(&[]), link);
    assert!(!site.out().exists(), "a refused build wrote an output");
}

// ---------------------------------------------------------------- item 5

#[cfg(unix)]
#[test]
fn a_cover_linked_outside_the_site_is_refused_and_not_published() {
    let out = outside();
    let site = site();
    site.issue(
        "2026-04-cover",
        "en",
        "Cover",
        "2026-04-01",
        "cover: cover.jpg\ncover_alt: A photo\n",
        "Body.\n",
    );
    link(
        &site,
        "content/issues/2026-04-cover/cover.jpg",
        &out.path().join("secret.jpg"),
    );
    assert_both_refuse(&site, "content/issues/2026-04-cover/cover.jpg");
}

#[cfg(unix)]
#[test]
fn a_cover_beside_a_flat_file_linked_outside_is_refused() {
    let out = outside();
    let site = site();
    site.write(
        "content/issues/2026-04-flat.en.md",
        "---\ntitle: Flat\ndate: 2026-04-01\ncover: photo.jpg\ncover_alt: A photo\n---\nBody.\n",
    );
    link(
        &site,
        "content/issues/photo.jpg",
        &out.path().join("secret.jpg"),
    );
    assert_both_refuse(&site, "content/issues/photo.jpg");
}

#[cfg(unix)]
#[test]
fn an_issue_folder_linked_outside_the_site_is_refused() {
    let out = outside();
    let site = site();
    link(
        &site,
        "content/issues/2026-05-away",
        &out.path().join("issue"),
    );
    assert_both_refuse(&site, "content/issues/2026-05-away");
}

#[cfg(unix)]
#[test]
fn a_content_file_linked_outside_is_refused_without_printing_it() {
    let out = outside();
    let site = site();
    link(
        &site,
        "content/issues/2026-05-passwd.en.md",
        &out.path().join("secret.txt"),
    );
    link(
        &site,
        "content/pages/about.en.md",
        &out.path().join("issue/index.en.md"),
    );
    let run = site.build(&[]);
    assert_refused_link(&run, "content/issues/2026-05-passwd.en.md");
    assert_stderr_has(&run, "content/pages/about.en.md");
}

#[cfg(unix)]
#[test]
fn links_outside_are_refused_in_every_folder_the_site_reads() {
    let repository = Path::new(env!("CARGO_MANIFEST_DIR"));
    // Each link points at a file that would build fine: only where it
    // lives is wrong.
    let cases: &[(&str, std::path::PathBuf)] = &[
        ("static/passwd.txt", "secret.txt".into()),
        ("static/files", ".".into()),
        (
            "locales/es/main.ftl",
            repository.join("locales/es/main.ftl"),
        ),
        ("locales/es", repository.join("locales/es")),
        (
            "themes/default/templates/base.html",
            repository.join("themes/default/templates/base.html"),
        ),
        ("themes/default/static/print.css", "secret.txt".into()),
        (
            "content/issues/2026-03-meeting/notes.txt",
            "secret.txt".into(),
        ),
        ("content/issues/2026-03-meeting/photos", ".".into()),
    ];
    for (relative, target) in cases {
        let out = outside();
        let site = site();
        if *relative == "locales/es" {
            std::fs::remove_dir_all(site.root().join("locales/es")).expect("remove");
        } else if relative.starts_with("locales/") {
            site.remove(relative);
        }
        link(&site, relative, &out.path().join(target));
        assert_both_refuse(&site, relative);
    }
}

#[cfg(unix)]
#[test]
fn a_configuration_file_linked_outside_is_refused() {
    let out = outside();
    std::fs::write(out.path().join("boletin.yaml"), CONFIG).expect("write");
    let site = site();
    site.remove("boletin.yaml");
    link(&site, "boletin.yaml", &out.path().join("boletin.yaml"));
    assert_both_refuse(&site, "boletin.yaml");
}

#[cfg(unix)]
#[test]
fn a_link_to_nothing_is_named() {
    let site = site();
    link(
        &site,
        "content/issues/2026-03-meeting/gone.png",
        Path::new("/nonexistent/boletin-test"),
    );
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_stderr_has(&run, "content/issues/2026-03-meeting/gone.png");
    assert_stderr_has(&run, "does not exist");
}

#[cfg(unix)]
#[test]
fn links_inside_the_site_work_and_are_published_as_plain_files() {
    let site = site();
    site.write_bytes("media/cover.png", &[0x89, b'P', b'N', b'G', 1, 2, 3]);
    site.write("media/logo.txt", "logo\n");
    site.write(
        "archive/2026-02-old/index.en.md",
        "---\ntitle: Old issue\ndate: 2026-02-01\n---\nOld.\n",
    );
    site.issue(
        "2026-04-cover",
        "en",
        "Cover",
        "2026-04-01",
        "cover: cover.png\ncover_alt: A photo\n",
        "Body.\n",
    );
    link(
        &site,
        "content/issues/2026-04-cover/cover.png",
        Path::new("../../../media/cover.png"),
    );
    link(&site, "static/logo.txt", Path::new("../media/logo.txt"));
    link(
        &site,
        "content/issues/2026-02-old",
        Path::new("../../archive/2026-02-old"),
    );
    site.build(&[]).assert_ok();
    for (published, bytes) in [
        (
            "en/issues/2026-04-cover/cover.png",
            &[0x89, b'P', b'N', b'G', 1, 2, 3][..],
        ),
        (
            "es/issues/2026-04-cover/cover.png",
            &[0x89, b'P', b'N', b'G', 1, 2, 3][..],
        ),
        ("logo.txt", b"logo\n"),
    ] {
        let path = site.out().join(published);
        let kind = std::fs::symlink_metadata(&path)
            .unwrap_or_else(|e| panic!("{published}: {e}"))
            .file_type();
        assert!(kind.is_file(), "{published} is not a plain file: {kind:?}");
        assert_eq!(std::fs::read(&path).expect("read"), bytes, "{published}");
    }
    let page = site.html("en/issues/2026-02-old/index.html");
    assert_eq!(common::text_of(&page, "h1"), "Old issue");
    site.run(&["check"]).assert_ok();
}

// ---------------------------------------------------------------- item 11

#[cfg(target_os = "linux")]
#[test]
fn names_that_are_not_utf8_are_refused_and_shown_escaped() {
    use std::os::unix::ffi::OsStrExt;
    let site = site();
    let name = |bytes: &[u8]| std::ffi::OsStr::from_bytes(bytes).to_os_string();
    let write = |folder: &str, file: &[u8], text: &str| {
        let folder = site.root().join(folder);
        std::fs::create_dir_all(&folder).expect("folders");
        std::fs::write(folder.join(name(file)), text).expect("write");
    };
    write(
        "content/issues",
        b"caf\xE9.en.md",
        "---\ntitle: Caf\ndate: 2026-04-01\n---\nA.\n",
    );
    write(
        "content/issues",
        b"ca\xF1a.es.md",
        "---\ntitle: Ca\ndate: 2026-04-01\n---\nB.\n",
    );
    write("static", b"r\xE9sum\xE9.txt", "x\n");
    let folder = site.root().join("content/pages").join(name(b"qui\xE9nes"));
    std::fs::create_dir_all(&folder).expect("folders");
    std::fs::write(folder.join("index.es.md"), "---\ntitle: Q\n---\nQ.\n").expect("write");
    write("content/issues/2026-03-meeting", b"ni\xF1o.png", "x\n");
    for run in [site.run(&["check"]), site.build(&[])] {
        assert_site_error(&run);
        for shown in [
            "caf\\xE9.en.md",
            "ca\\xF1a.es.md",
            "r\\xE9sum\\xE9.txt",
            "ni\\xF1o.png",
            "qui\\xE9nes",
        ] {
            assert_stderr_has(&run, shown);
        }
        assert_stderr_has(&run, "--> content/issues\n");
        assert_stderr_has(&run, "--> static\n");
        assert_stderr_has(&run, "--> content/pages\n");
        assert_stderr_has(&run, "--> content/issues/2026-03-meeting\n");
        assert_stderr_has(&run, "not UTF-8");
        assert_stderr_has(&run, "café.en.md");
    }
    assert!(!site.out().exists());
}

// ---------------------------------------------------------------- item 6

/// Check and build both fail, naming `file:line`, with no talk of disks.
#[track_caller]
fn assert_too_long(site: &Fixture, at: &str) {
    for run in [site.run(&["check"]), site.build(&[])] {
        assert_site_error(&run);
        assert_stderr_has(&run, at);
        assert_stderr_has(&run, "too long");
        assert!(
            !run.stderr.contains("disk"),
            "the error blames the disk:\n{}",
            run.stderr
        );
        assert!(
            !run.stderr.contains("staging"),
            "the error names the staging folder:\n{}",
            run.stderr
        );
    }
    assert!(!site.out().exists());
}

#[test]
fn a_slug_too_long_for_a_file_name_is_an_error_at_its_line() {
    let site = site();
    site.issue(
        "2026-04-long",
        "en",
        "Long",
        "2026-04-01",
        &format!("slug: {}\n", "a".repeat(300)),
        "Body.\n",
    );
    assert_too_long(&site, "content/issues/2026-04-long/index.en.md:4");
}

#[test]
fn a_tag_too_long_for_a_file_name_is_an_error_at_its_line() {
    let site = site();
    site.issue(
        "2026-04-long",
        "en",
        "Long",
        "2026-04-01",
        &format!("summary: x\ntags: [\"{}\"]\n", "Educación ".repeat(30)),
        "Body.\n",
    );
    assert_too_long(&site, "content/issues/2026-04-long/index.en.md:5:9");
}

#[test]
fn a_tag_too_long_in_a_block_list_is_an_error_at_its_own_line() {
    let site = site();
    site.issue(
        "2026-04-long",
        "en",
        "Long",
        "2026-04-01",
        &format!("tags:\n  - short\n  - {}\n  - fine\n", "b".repeat(256)),
        "Body.\n",
    );
    assert_too_long(&site, "content/issues/2026-04-long/index.en.md:6:5");
}

#[test]
fn a_translation_key_too_long_for_the_untranslated_pages_is_an_error() {
    let site = site();
    site.issue(
        "2026-04-long",
        "en",
        "Long",
        "2026-04-01",
        &format!("slug: short\ntranslation_key: {}\n", "k".repeat(300)),
        "Body.\n",
    );
    assert_too_long(&site, "content/issues/2026-04-long/index.en.md:5");
}

#[test]
fn a_slug_of_255_characters_still_builds() {
    let site = site();
    site.issue(
        "2026-04-long",
        "en",
        "Long",
        "2026-04-01",
        &format!(
            "slug: {}\ntags: [\"{}\"]\n",
            "a".repeat(255),
            "b".repeat(255)
        ),
        "Body.\n",
    );
    site.build(&[]).assert_ok();
    assert!(site.exists(&format!("en/issues/{}/index.html", "a".repeat(255))));
    assert!(site.exists(&format!("en/tags/{}/index.html", "b".repeat(255))));
}

// ---------------------------------------------------------------- item 15

/// Check and build both fail, naming both sources of `published`.
#[track_caller]
fn assert_collision(site: &Fixture, ours: &str, theirs: &str, published: &str) {
    for run in [site.run(&["check"]), site.build(&[])] {
        assert_site_error(&run);
        assert_stderr_has(&run, &format!("--> {ours}"));
        assert_stderr_has(&run, theirs);
        assert_stderr_has(&run, published);
    }
    assert!(!site.out().exists());
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
    // (tests/hostile_assets.rs): the one error names it and says why.
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
    assert_collision(&site, "static/en", "boletin's `en`", "to be a file");
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

#[cfg(unix)]
#[test]
fn new_does_not_write_through_a_link_that_leads_outside() {
    let out = outside();
    std::fs::create_dir(out.path().join("issues")).expect("folder");
    let site = Fixture::new();
    link(&site, "content/issues", &out.path().join("issues"));
    let run = site.run(&["new", "--date", "2026-05-01", "Spring meeting"]);
    assert_site_error(&run);
    assert_stderr_has(&run, "content/issues is a symbolic link that leads outside");
    let written: Vec<_> = std::fs::read_dir(out.path().join("issues"))
        .expect("list")
        .collect();
    assert!(
        written.is_empty(),
        "new wrote outside the site: {written:?}"
    );
}
