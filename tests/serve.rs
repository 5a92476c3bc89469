//! `boletin serve`: a real server on a free port, fetched over HTTP, while
//! the test edits the site's files. Every wait is bounded, and the server
//! is stopped when the test ends, passing or failing.

mod common;

use common::*;
use scraper::Html;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running `boletin serve`, killed on drop.
struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Starts `serve --port 0` in `fixture` and waits for its address.
    fn start(fixture: &Fixture) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_boletin"))
            .args(["serve", "--port", "0"])
            .current_dir(fixture.root())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start boletin serve");
        let stdout = child.stdout.take().expect("stdout");
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(at) = line.find("http://127.0.0.1:") {
                    let rest = &line[at + "http://127.0.0.1:".len()..];
                    let port: String = rest.chars().take_while(char::is_ascii_digit).collect();
                    let _ = sender.send(port.parse::<u16>().expect("a port"));
                }
            }
        });
        let port = receiver
            .recv_timeout(Duration::from_secs(20))
            .expect("serve printed its address");
        Server { child, port }
    }

    /// GET `path`: status and body.
    fn get(&self, path: &str) -> (u16, String) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .expect("timeout");
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        )
        .expect("send");
        let mut response = Vec::new();
        let _ = stream.read_to_end(&mut response);
        let response = String::from_utf8_lossy(&response).into_owned();
        let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
        let status = head
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        (status, body.to_string())
    }

    /// Fetches `path` until `ready` says yes, for at most ten seconds.
    #[track_caller]
    fn wait_for(&self, path: &str, what: &str, ready: impl Fn(&Html) -> bool) -> Html {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let (_, body) = self.get(path);
            let page = Html::parse_document(&body);
            if ready(&page) {
                return page;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what} at {path}; last page:\n{body}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

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
    let (status, body) = server.get("/en/issues/spring/");
    assert_eq!(status, 200);
    let page = Html::parse_document(&body);
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
    let (status, script) = server.get("/__boletin/reload.js");
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
    while server.get("/en/issues/summer/").0 != 404 {
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
}

#[test]
fn ctrl_c_stops_the_server_cleanly() {
    let fixture = site();
    let mut server = Server::start(&fixture);
    assert_eq!(server.get("/en/").0, 200);
    let pid = server.child.id().to_string();
    let sent = Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .expect("kill");
    assert!(sent.success());
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "serve did not stop after Ctrl-C");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}");
    assert!(!fixture.out().exists());
}
