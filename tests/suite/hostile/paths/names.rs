//! File names that are not UTF-8, and names too long for a file system.

use super::*;

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
        assert_stderr_snapshot!(run);
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
