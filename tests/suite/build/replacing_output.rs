//! What `build` does to the folder it writes into when that folder holds
//! something it did not write (issue 10, items 4 and 8): an existing file,
//! a foreign folder, an empty one, dot files of a previous output, a link,
//! leftovers of killed builds and a read-only previous output.

use crate::common::*;
use std::path::Path;

/// The marker every output holds.
const MARKER: &str = ".boletin-output";

/// `build --output <out>` from the site's folder, `out` relative to it.
fn build_into(site: &Fixture, out: &str) -> Run {
    site.build(&["--output", out])
}

/// Builds into `out` (relative to the site) and checks that it was
/// refused with exit 1, saying `says`, and that nothing in the site's
/// folder changed.
#[track_caller]
fn assert_output_refused(site: &Fixture, out: &str, says: &str) {
    let before = tree(site.root());
    let run = build_into(site, out);
    assert_site_error(&run);
    assert_stderr_has(&run, says);
    assert!(
        tree(site.root()) == before,
        "--output {out}: something was written or deleted\n{}",
        run.stderr
    );
    assert_stderr_snapshot!(run);
}

#[test]
fn an_existing_file_is_not_replaced_by_the_output() {
    let site = bilingual_issue_site();
    site.write("notes.txt", "my notes\n");
    assert_output_refused(&site, "notes.txt", "is a file, not a folder");
    assert_output_refused(&site, "boletin.yaml", "is a file, not a folder");
    assert_eq!(
        std::fs::read_to_string(site.root().join("notes.txt")).unwrap(),
        "my notes\n"
    );
}

#[test]
fn a_folder_boletin_did_not_write_is_refused_saying_what_is_there() {
    let site = bilingual_issue_site();
    site.write("deploy/.git/HEAD", "ref: refs/heads/gh-pages\n");
    site.write("deploy/.git/objects/ab/cdef", "object\n");
    site.write("deploy/CNAME", "news.example.org\n");
    site.write("deploy/index.html", "<p>the old site</p>\n");
    assert_output_refused(&site, "deploy", "did not write");
    let run = build_into(&site, "deploy");
    assert_stderr_has(&run, "`.git`");
    assert_stderr_has(&run, "`CNAME`");
    assert_stderr_has(&run, MARKER);
    // The site's own files, one folder up from the content.
    site.write("docs/notes.md", "# Notes\n");
    assert_output_refused(&site, "docs", "did not write");
    // A folder holding only a deploy checkout's files is not boletin's either.
    site.write("pages/.git/HEAD", "ref: refs/heads/main\n");
    site.write("pages/CNAME", "news.example.org\n");
    assert_output_refused(&site, "pages", "did not write");
}

#[test]
fn an_empty_folder_is_used_and_every_output_is_marked() {
    let site = bilingual_issue_site();
    std::fs::create_dir(site.root().join("empty")).unwrap();
    build_into(&site, "empty").assert_ok();
    let out = site.root().join("empty");
    assert!(out.join("en/issues/2026-03-spring/index.html").is_file());
    assert!(out.join(MARKER).is_file(), "the output is marked");
    // The default output, and every rebuild, is marked too.
    site.build(&[]).assert_ok();
    assert!(site.out().join(MARKER).is_file());
    site.build(&[]).assert_ok();
    assert!(site.out().join(MARKER).is_file());
    assert_eq!(
        sorted_names(site.root()),
        ["boletin.yaml", "content", "empty", "locales", "public"]
    );
}

#[test]
fn dot_files_and_cname_of_a_previous_output_carry_over() {
    let site = bilingual_issue_site();
    site.build(&[]).assert_ok();
    // What a deploy checkout adds to the output between builds.
    let git: &[(&str, &str)] = &[
        (".git/HEAD", "ref: refs/heads/gh-pages\n"),
        (".git/objects/ab/cdef0123", "blob\n"),
        (".git/refs/heads/gh-pages", "0123456789abcdef\n"),
        (".nojekyll", ""),
        (
            ".well-known/security.txt",
            "Contact: mailto:security@example.org\n",
        ),
        ("CNAME", "news.example.org\n"),
    ];
    for (path, text) in git {
        site.write(&format!("public/{path}"), text);
    }
    site.write("public/stale.html", "<p>not built any more</p>\n");
    #[cfg(unix)]
    std::os::unix::fs::symlink("refs/heads/gh-pages", site.out().join(".git/current"))
        .expect("symlink");
    let before = tree(&site.out().join(".git"));
    site.issue("2026-04-april", "en", "April", "2026-04-01", "", "New.\n");
    site.build(&[]).assert_ok();
    for (path, text) in git {
        assert_eq!(site.read(path), *text, "{path} carried over");
    }
    assert!(tree(&site.out().join(".git")) == before, ".git is whole");
    assert!(!site.exists("stale.html"), "the rest is replaced");
    assert!(site.exists("en/issues/2026-04-april/index.html"));
    assert!(site.exists(MARKER));
    // A CNAME the site makes itself wins over the old one.
    site.write("static/CNAME", "new.example.org\n");
    site.build(&[]).assert_ok();
    assert_eq!(site.read("CNAME"), "new.example.org\n");
    assert_eq!(site.read(".git/HEAD"), "ref: refs/heads/gh-pages\n");
    assert_eq!(
        sorted_names(site.root()),
        ["boletin.yaml", "content", "locales", "public", "static"]
    );
}

#[cfg(unix)]
#[test]
fn an_output_that_is_a_link_is_built_into_the_folder_it_points_to() {
    let site = bilingual_issue_site();
    let web = tempfile::tempdir().expect("temporary folder");
    let root = web.path().join("www");
    std::fs::create_dir(&root).unwrap();
    std::os::unix::fs::symlink(&root, site.out()).expect("symlink");
    site.build(&[]).assert_ok();
    let is_link = |path: &Path| {
        std::fs::symlink_metadata(path)
            .unwrap()
            .file_type()
            .is_symlink()
    };
    assert!(is_link(&site.out()), "public/ is still a link");
    assert_eq!(std::fs::read_link(site.out()).unwrap(), root);
    assert!(root.join("en/issues/2026-03-spring/index.html").is_file());
    assert!(root.join(MARKER).is_file());
    site.write("www-extra.txt", "");
    std::fs::write(root.join("CNAME"), "news.example.org\n").unwrap();
    site.issue("2026-04-april", "en", "April", "2026-04-01", "", "New.\n");
    site.build(&[]).assert_ok();
    assert!(is_link(&site.out()));
    assert!(
        root.join("en/issues/2026-04-april/index.html").is_file(),
        "the web root is updated"
    );
    assert_eq!(
        std::fs::read_to_string(root.join("CNAME")).unwrap(),
        "news.example.org\n"
    );
    assert_eq!(
        sorted_names(web.path()),
        ["www"],
        "nothing left beside the web root"
    );

    // A link to someone's folder is refused like the folder; a link to
    // nothing is refused too.
    let theirs = web.path().join("theirs");
    std::fs::create_dir(&theirs).unwrap();
    std::fs::write(theirs.join("photo.jpg"), "jpeg").unwrap();
    std::os::unix::fs::symlink(&theirs, site.root().join("linked")).unwrap();
    assert_output_refused(&site, "linked", "did not write");
    assert_eq!(
        std::fs::read_to_string(theirs.join("photo.jpg")).unwrap(),
        "jpeg"
    );
    std::os::unix::fs::symlink(web.path().join("nowhere"), site.root().join("dangling")).unwrap();
    assert_output_refused(&site, "dangling", "does not exist");
}

/// The id of a process that has ended.
fn dead_pid() -> u32 {
    let mut child = std::process::Command::new("true")
        .spawn()
        .expect("run true");
    let pid = child.id();
    child.wait().expect("wait");
    pid
}

#[test]
fn leftovers_of_killed_builds_are_removed_and_nothing_else() {
    let site = bilingual_issue_site();
    site.build(&[]).assert_ok();
    let dead = dead_pid();
    let live = std::process::id();
    let leftovers = [
        format!(".public.boletin-staging-{dead}"),
        format!(".public.boletin-old-{dead}"),
    ];
    let kept = [
        format!(".public.boletin-staging-{live}"),
        format!(".public.boletin-staging-{dead}x"),
        ".public.boletin-staging-notapid".to_string(),
        format!(".other.boletin-old-{dead}"),
        format!("public.boletin-old-{dead}"),
        format!(".public.boletin-backup-{dead}"),
    ];
    for name in leftovers.iter().chain(&kept) {
        site.write(&format!("{name}/en/index.html"), "<p>left</p>\n");
        site.write(&format!("{name}/deep/er/file.bin"), "x");
    }
    // A link with a leftover's name: neither it nor what it points to goes.
    let elsewhere = tempfile::tempdir().expect("temporary folder");
    std::fs::write(elsewhere.path().join("precious.txt"), "keep\n").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        elsewhere.path(),
        site.root()
            .join(format!(".public.boletin-old-{}", dead_pid())),
    )
    .unwrap();
    site.build(&[]).assert_ok();
    let now = sorted_names(site.root());
    for name in &leftovers {
        assert!(!now.contains(name), "{name} was left: {now:?}");
    }
    for name in &kept {
        assert!(now.contains(name), "{name} was removed: {now:?}");
        assert_eq!(
            std::fs::read_to_string(site.root().join(name).join("en/index.html")).unwrap(),
            "<p>left</p>\n"
        );
    }
    assert_eq!(
        std::fs::read_to_string(elsewhere.path().join("precious.txt")).unwrap(),
        "keep\n"
    );
    assert!(site.exists("en/issues/2026-03-spring/index.html"));
}

#[test]
fn a_build_killed_while_swapping_gets_its_previous_output_back() {
    let site = bilingual_issue_site();
    site.build(&[]).assert_ok();
    site.write("public/.git/HEAD", "ref: refs/heads/gh-pages\n");
    site.write("public/CNAME", "news.example.org\n");
    // Killed after moving the previous output aside, before the new one
    // was in place.
    let dead = dead_pid();
    std::fs::rename(
        site.out(),
        site.root().join(format!(".public.boletin-old-{dead}")),
    )
    .unwrap();
    site.write(
        &format!(".public.boletin-staging-{dead}/en/index.html"),
        "half\n",
    );
    site.build(&[]).assert_ok();
    assert_eq!(site.read(".git/HEAD"), "ref: refs/heads/gh-pages\n");
    assert_eq!(site.read("CNAME"), "news.example.org\n");
    assert!(site.exists("en/issues/2026-03-spring/index.html"));
    assert_eq!(
        sorted_names(site.root()),
        ["boletin.yaml", "content", "locales", "public"]
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_previous_output_leaves_nothing_beside_it() {
    use std::os::unix::fs::PermissionsExt;
    let site = bilingual_issue_site();
    site.build(&[]).assert_ok();
    let read_only = |path: &Path| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o555)).unwrap()
    };
    read_only(&site.out().join("en/issues/2026-03-spring"));
    read_only(&site.out().join("en"));
    read_only(&site.out());
    site.issue("2026-04-april", "en", "April", "2026-04-01", "", "New.\n");
    let run = without_privileges(site.root(), &["build"]);
    run.assert_ok();
    assert!(site.exists("en/issues/2026-04-april/index.html"));
    assert_eq!(
        sorted_names(site.root()),
        ["boletin.yaml", "content", "locales", "public"]
    );
}

/// Runs boletin in `dir` the way a user without privileges would, so
/// that a read-only folder is read-only to it even when the tests run as
/// root: without the capabilities that override file permissions.
fn without_privileges(dir: &Path, args: &[&str]) -> Run {
    let is_root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    let setpriv = Path::new("/usr/bin/setpriv");
    if !is_root || !setpriv.exists() {
        return run_in(dir, args);
    }
    let output = std::process::Command::new(setpriv)
        .args(["--inh-caps=-all", "--bounding-set=-all", "--"])
        .arg(env!("CARGO_BIN_EXE_boletin"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run boletin");
    Run::from(output)
}
