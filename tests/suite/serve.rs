//! `boletin serve`: a real server on a free port, fetched over HTTP, while
//! the test edits the site's files; a failed first build and a request for
//! `//en`. Every wait is bounded, and the server is stopped when the test
//! ends, passing or failing.

use crate::common::serve::{Answer, Server};
use crate::common::*;
use scraper::Html;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::process::Command;
use std::time::{Duration, Instant};

fn problems_box(page: &Html) -> Option<String> {
    select(page, "pre#boletin-problems")
        .first()
        .map(|e| e.text().collect())
}

fn site() -> Fixture {
    let fixture = Fixture::new();
    fixture.issue(
        "spring",
        "en",
        "Spring meeting",
        "2026-03-01",
        "issue: 1\n",
        "Original English text.\n",
    );
    fixture.issue(
        "spring",
        "es",
        "Asamblea de primavera",
        "2026-03-01",
        "issue: 1\nslug: asamblea\n",
        "Texto original en español.\n",
    );
    fixture
}

#[test]
fn edits_in_both_languages_are_served_without_writing_public() {
    let fixture = site();
    let server = Server::start(&fixture);
    let answer = server.get("/en/issues/spring/");
    assert_eq!(answer.status, 200);
    let page = Html::parse_document(&answer.body);
    assert_eq!(text_of(&page, "h1"), "Spring meeting");
    assert!(text_of(&page, ".body").contains("Original English text."));
    // The live-reload script is added as a file of the preview's own
    // host (the page's policy refuses inline scripts), and the page's
    // policy lets that host's scripts run.
    let sources: Vec<String> = select(&page, "script")
        .iter()
        .filter_map(|s| s.value().attr("src").map(str::to_string))
        .collect();
    assert_eq!(
        sources,
        ["/__boletin/reload.js"],
        "the live-reload script is added"
    );
    let Answer {
        status,
        body: script,
        ..
    } = server.get("/__boletin/reload.js");
    assert_eq!(status, 200);
    assert!(script.contains("/__boletin/events"), "{script}");
    let policy = attr_of(
        &page,
        "meta[http-equiv='Content-Security-Policy']",
        "content",
    );
    assert!(policy.contains("script-src 'self';"), "{policy}");

    fixture.issue(
        "spring",
        "en",
        "Spring meeting",
        "2026-03-01",
        "issue: 1\n",
        "Edited English text.\n",
    );
    server.wait_for("/en/issues/spring/", "the English edit", |p| {
        text_of(p, ".body").contains("Edited English text.")
    });
    fixture.issue(
        "spring",
        "es",
        "Asamblea de primavera",
        "2026-03-01",
        "issue: 1\nslug: asamblea\n",
        "Texto corregido.\n",
    );
    server.wait_for("/es/issues/asamblea/", "the Spanish edit", |p| {
        text_of(p, ".body").contains("Texto corregido.")
    });

    // A title change reaches the archive too (a full rebuild).
    fixture.issue(
        "spring",
        "en",
        "Spring assembly",
        "2026-03-01",
        "issue: 1\n",
        "Edited English text.\n",
    );
    server.wait_for("/en/", "the new title in the archive", |p| {
        select(p, "article.entry a")
            .iter()
            .any(|a| a.text().collect::<String>() == "Spring assembly")
    });

    // A new issue appears, and a deleted one goes.
    fixture.issue(
        "summer",
        "en",
        "Summer picnic",
        "2026-06-01",
        "",
        "Bring food.\n",
    );
    server.wait_for("/en/issues/summer/", "the new issue", |p| {
        select(p, "h1")
            .first()
            .is_some_and(|h| h.text().collect::<String>() == "Summer picnic")
    });
    fixture.remove("content/issues/summer/index.en.md");
    let deadline = Instant::now() + Duration::from_secs(10);
    while server.get("/en/issues/summer/").status != 404 {
        assert!(
            Instant::now() < deadline,
            "the deleted issue is still served"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(!fixture.out().exists(), "serve never writes public/");
    let built_files: Vec<_> = std::fs::read_dir(fixture.root())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        built_files.len(),
        3,
        "only boletin.yaml, content and locales in the site: {built_files:?}"
    );
}

#[test]
fn a_broken_file_shows_its_error_over_the_last_good_page_until_fixed() {
    let fixture = site();
    let server = Server::start(&fixture);
    server.wait_for("/en/issues/spring/", "the first build", |p| {
        problems_box(p).is_none() && !select(p, "h1").is_empty()
    });

    fixture.write(
        "content/issues/spring/index.en.md",
        "---\ntitle: Spring meeting\ndate: 2026-02-30\n---\nBroken.\n",
    );
    let page = server.wait_for("/en/issues/spring/", "the error box", |p| {
        problems_box(p).is_some()
    });
    let problems = problems_box(&page).unwrap();
    assert!(
        problems.contains("content/issues/spring/index.en.md:3:7"),
        "{problems}"
    );
    assert_eq!(
        text_of(&page, "h1"),
        "Spring meeting",
        "the last good page stays under the box"
    );
    assert!(text_of(&page, ".body").contains("Original English text."));

    fixture.write(
        "content/issues/spring/index.en.md",
        "---\ntitle: Spring meeting\ndate: 2026-03-01\n---\nFixed.\n",
    );
    let page = server.wait_for("/en/issues/spring/", "the fix", |p| {
        problems_box(p).is_none()
    });
    assert!(text_of(&page, ".body").contains("Fixed."));
}

#[test]
fn pages_hear_about_rebuilds_on_the_event_stream() {
    let fixture = site();
    let server = Server::start(&fixture);
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET /__boletin/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    )
    .unwrap();
    let mut reader = BufReader::new(stream);
    let mut seen = String::new();
    let mut line = String::new();
    while !seen.contains("retry:") {
        line.clear();
        assert!(
            reader.read_line(&mut line).unwrap() > 0,
            "the stream closed"
        );
        seen.push_str(&line);
    }
    assert!(seen.contains("text/event-stream"), "{seen}");
    fixture.issue(
        "spring",
        "en",
        "Spring meeting",
        "2026-03-01",
        "issue: 1\n",
        "New text.\n",
    );
    while !seen.contains("event: reload") {
        line.clear();
        assert!(
            reader.read_line(&mut line).unwrap() > 0,
            "the stream closed before a reload"
        );
        seen.push_str(&line);
    }
}

#[test]
fn a_taken_port_is_a_clear_error() {
    let fixture = site();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let run = fixture.run(&["serve", "--port", &port]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains(&port), "{}", run.stderr);
    assert!(
        run.stderr.contains("--port"),
        "suggests another port: {}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    // The suggestion is the next port; both change from run to run.
    let next = format!("--port {}", port.parse::<u16>().map_or(0, |p| p + 1));
    assert_stderr_snapshot!(run, next.as_str() => "--port [PORT+1]", port.as_str() => "[PORT]");
}

#[test]
fn ctrl_c_stops_the_server_cleanly() {
    let fixture = site();
    let mut server = Server::start(&fixture);
    assert_eq!(server.get("/en/").status, 200);
    let pid = server.pid().to_string();
    let sent = Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .expect("kill");
    assert!(sent.success());
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = server.try_wait() {
            break status;
        }
        assert!(Instant::now() < deadline, "serve did not stop after Ctrl-C");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}");
    assert!(!fixture.out().exists());
}

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
    let site = bilingual_issue_site();
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
    let site = bilingual_issue_site();
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
