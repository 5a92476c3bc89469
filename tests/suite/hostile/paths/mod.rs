//! Hostile paths: symbolic links that lead out of the site, names that
//! are not UTF-8, names too long for a file system, and site files that
//! would land on the same output path as another.
//!
//! Each case runs the real binary on its own fixture site and checks the
//! exit status, what standard error names, that nothing from outside the
//! site is printed, and, for a build, what ended up in the output.

mod collisions;
mod links;
mod names;

use crate::common::{
    CONFIG, Fixture, Run, assert_site_error, assert_stderr_has, assert_stderr_snapshot,
};
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
    assert_stderr_snapshot!(run);
}

/// Both commands refuse the link, and the build writes nothing.
#[track_caller]
fn assert_both_refuse(site: &Fixture, link: &str) {
    assert_refused_link(&site.run(&["check"]), link);
    assert_refused_link(&site.build(&[]), link);
    assert!(!site.out().exists(), "a refused build wrote an output");
}
