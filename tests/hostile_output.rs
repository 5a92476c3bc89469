//! What `build` does to the folders around it when they hold something
//! it did not write (issue 10, items 4 and 8), templates that would
//! never finish (item 7), and the smaller defects of item 16: `status`
//! and `new` on odd sites, and the preview of `serve` after a failed
//! first build or a request for `//en`.

mod common;

use common::serve::{Answer, Server};
use common::*;
use std::path::Path;

/// The names directly in `dir`, sorted.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    names
}

/// A site with one issue in English and Spanish.
fn site() -> Fixture {
    let site = Fixture::new();
    site.issue(
        "2026-03-spring",
        "en",
        "Spring meeting",
        "2026-03-01",
        "issue: 1\n",
        "Hello.\n",
    );
    site.issue(
        "2026-03-spring",
        "es",
        "Asamblea de primavera",
        "2026-03-01",
        "issue: 1\n",
        "Hola.\n",
    );
    site
}

// ---------------------------------------------------------------- item 4: what --output may replace

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
}

#[test]
fn an_existing_file_is_not_replaced_by_the_output() {
    let site = site();
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
    let site = site();
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
    let site = site();
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
        entries(site.root()),
        ["boletin.yaml", "content", "empty", "locales", "public"]
    );
}

#[test]
fn dot_files_and_cname_of_a_previous_output_carry_over() {
    let site = site();
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
        entries(site.root()),
        ["boletin.yaml", "content", "locales", "public", "static"]
    );
}

#[cfg(unix)]
#[test]
fn an_output_that_is_a_link_is_built_into_the_folder_it_points_to() {
    let site = site();
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
        entries(web.path()),
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

// ---------------------------------------------------------------- item 8: leftovers of killed builds

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
    let site = site();
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
    let now = entries(site.root());
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
    let site = site();
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
        entries(site.root()),
        ["boletin.yaml", "content", "locales", "public"]
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_previous_output_leaves_nothing_beside_it() {
    use std::os::unix::fs::PermissionsExt;
    let site = site();
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
        entries(site.root()),
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

// ---------------------------------------------------------------- item 7: templates in a circle

#[test]
fn a_template_that_includes_itself_is_an_error_naming_it_and_leaves_nothing() {
    let site = site();
    site.write(
        "themes/default/templates/years.html",
        "<ol>\n{% include \"years.html\" %}\n</ol>\n",
    );
    for command in ["build", "check"] {
        let run = site.run(&[command]);
        assert_site_error(&run);
        assert_stderr_has(&run, "themes/default/templates/years.html:2");
        assert_stderr_has(&run, "includes itself");
    }
    assert_eq!(
        entries(site.root()),
        ["boletin.yaml", "content", "locales", "themes"],
        "no output and no staging folder"
    );
}

#[test]
fn macros_that_call_each_other_are_an_error_naming_the_template() {
    let site = site();
    site.write(
        "themes/default/templates/macros.html",
        "{% macro pager(p, label) %}{{ self::other(p=p) }}{% endmacro pager %}\n\
         {% macro other(p) %}{{ self::pager(p=p, label=\"x\") }}{% endmacro other %}\n",
    );
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_stderr_has(&run, "themes/default/templates/macros.html:1");
    assert_stderr_has(&run, "call each other in a circle");
    assert!(!site.out().exists());
}

#[test]
fn deeply_nested_templates_render() {
    let site = site();
    let depth = 400;
    site.write(
        "themes/default/templates/years.html",
        &format!(
            "{}deep{}",
            "{% if true %}".repeat(depth),
            "{% endif %}".repeat(depth)
        ),
    );
    site.build(&[]).assert_ok();
    assert!(site.read("en/index.html").contains("deep"));
    // Deeper than any theme needs: an error, not a crash.
    let depth = 20_000;
    site.write(
        "themes/default/templates/years.html",
        &format!(
            "{}deep{}",
            "{% filter upper %}".repeat(depth),
            "{% endfilter %}".repeat(depth)
        ),
    );
    let run = site.build(&[]);
    assert_site_error(&run);
    assert_stderr_has(&run, "themes/default/templates/years.html:1");
    assert_stderr_has(&run, "levels deep");
}

// ---------------------------------------------------------------- item 16: status and new

#[test]
fn status_of_a_site_with_a_broken_template_exits_1_and_still_reports() {
    let site = site();
    site.write("themes/default/templates/issue.html", "{% if %}\n");
    let run = site.run(&["status"]);
    assert_site_error(&run);
    assert_stderr_has(&run, "themes/default/templates/issue.html");
    assert_stderr_has(&run, "1 error.");
    assert!(run.stdout.contains("2026-03-spring"), "{}", run.stdout);
    let json = site.run(&["status", "--format", "json"]);
    assert_site_error(&json);
    let parsed: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON on stdout");
    assert_eq!(parsed["format"], 1);
}

#[test]
fn new_after_the_largest_issue_number_is_an_error_naming_the_file() {
    let site = site();
    site.issue(
        "2026-02-last",
        "en",
        "Last",
        "2026-02-01",
        "issue: 4294967295\n",
        "The end.\n",
    );
    let before = entries(&site.root().join("content/issues"));
    let run = site.run(&["new", "--date", "2026-04-01", "Next one"]);
    assert_site_error(&run);
    assert_stderr_has(&run, "content/issues/2026-02-last/index.en.md");
    assert_stderr_has(&run, "4294967295");
    assert_eq!(entries(&site.root().join("content/issues")), before);
    // Below the limit, the next number is one more.
    site.issue(
        "2026-02-last",
        "en",
        "Last",
        "2026-02-01",
        "issue: 4294967294\n",
        "The end.\n",
    );
    let run = site.run(&["new", "--date", "2026-04-01", "Next one"]);
    run.assert_ok();
    let made = std::fs::read_to_string(site.root().join(run.stdout.trim())).expect("new issue");
    assert!(made.contains("issue: 4294967295"), "{made}");
}

// ---------------------------------------------------------------- item 16 and 7: serve

/// The `Location` header of an answer.
fn location(answer: &Answer) -> Option<String> {
    answer.head.lines().find_map(|line| {
        let (name, value) = line.split_once(':')?;
        name.eq_ignore_ascii_case("location")
            .then(|| value.trim().to_string())
    })
}

#[test]
fn serve_redirects_only_to_paths_on_its_own_host() {
    let site = site();
    let server = Server::start(&site);
    assert_eq!(server.get("/en").status, 301);
    assert_eq!(location(&server.get("/en")).as_deref(), Some("/en/"));
    for path in ["//en", "///en", "//en//issues/2026-03-spring", "/\\en"] {
        let answer = server.get(path);
        let to = location(&answer).unwrap_or_default();
        assert_eq!(answer.status, 301, "{path}: {}", answer.head);
        assert!(
            to.starts_with('/') && !to.starts_with("//") && !to.contains('\\'),
            "{path} redirects to {to:?}, which a browser reads as another host"
        );
    }
    assert_eq!(location(&server.get("//en")).as_deref(), Some("/en/"));
    assert_eq!(
        location(&server.get("//en//issues/2026-03-spring")).as_deref(),
        Some("/en/issues/2026-03-spring/")
    );
    // The normalised path finds the page itself too.
    let page = server.get("//en//issues/2026-03-spring/");
    assert_eq!(page.status, 200);
    let html = scraper::Html::parse_document(&page.body);
    assert_eq!(text_of(&html, "h1"), "Spring meeting");
}

#[test]
fn a_failed_first_build_serves_the_error_with_the_reload_script_and_recovers() {
    let site = site();
    // A template that includes itself: the process used to die here.
    site.write(
        "themes/default/templates/issue.html",
        "{% include \"issue.html\" %}\n",
    );
    let mut server = Server::start(&site);
    let answer = server.get("/en/issues/2026-03-spring/");
    assert_eq!(answer.status, 404);
    assert!(
        answer.head.to_ascii_lowercase().contains("text/html"),
        "{}",
        answer.head
    );
    let page = scraper::Html::parse_document(&answer.body);
    let problems: String = select(&page, "pre#boletin-problems")
        .first()
        .map(|e| e.text().collect())
        .expect("the problems box");
    assert!(
        problems.contains("themes/default/templates/issue.html"),
        "{problems}"
    );
    let sources: Vec<&str> = select(&page, "script")
        .iter()
        .filter_map(|s| s.value().attr("src"))
        .collect();
    assert_eq!(sources, ["/__boletin/reload.js"], "the reload script");
    assert!(
        server
            .get("/__boletin/reload.js")
            .body
            .contains("/__boletin/events"),
        "the reload script listens for rebuilds"
    );
    assert!(server.is_running());

    site.remove("themes/default/templates/issue.html");
    server.wait_for("/en/issues/2026-03-spring/", "the fixed page", |p| {
        select(p, "pre#boletin-problems").is_empty()
            && select(p, "h1")
                .first()
                .is_some_and(|h| h.text().collect::<String>() == "Spring meeting")
    });

    // Breaking it again while it runs: the server stays up and says why.
    site.write(
        "themes/default/templates/issue.html",
        "{% include \"issue.html\" %}\n",
    );
    server.wait_for("/en/issues/2026-03-spring/", "the error box", |p| {
        select(p, "pre#boletin-problems")
            .first()
            .is_some_and(|e| e.text().collect::<String>().contains("includes itself"))
    });
    assert!(server.is_running());
}
