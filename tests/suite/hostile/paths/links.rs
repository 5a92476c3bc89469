//! Symbolic links: refused when they lead out of the site, in every
//! folder it reads and for `new`; followed when they stay inside.

use super::*;

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
    assert_stderr_snapshot!(run);
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
    assert_eq!(crate::common::text_of(&page, "h1"), "Old issue");
    site.run(&["check"]).assert_ok();
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
    assert_stderr_snapshot!(run);
}
