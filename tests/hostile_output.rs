//! What `build` does to the folders around it when they hold something
//! it did not write (issue 10, items 4 and 8), templates that would
//! never finish (item 7), and the smaller defects of item 16: `status`
//! and `new` on odd sites, and the preview of `serve` after a failed
//! first build or a request for `//en`.

mod common;

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

/// A running `boletin serve --port 0`, killed on drop.
struct Server {
    child: std::process::Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One HTTP answer.
struct Answer {
    status: u16,
    head: String,
    body: String,
}

impl Server {
    fn start(site: &Fixture) -> Server {
        use std::io::BufRead;
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_boletin"))
            .args(["serve", "--port", "0"])
            .current_dir(site.root())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start boletin serve");
        let stdout = child.stdout.take().expect("stdout");
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
            {
                if let Some(at) = line.find("http://127.0.0.1:") {
                    let rest = &line[at + "http://127.0.0.1:".len()..];
                    let port: String = rest.chars().take_while(char::is_ascii_digit).collect();
                    let _ = sender.send(port.parse::<u16>().expect("a port"));
                }
            }
        });
        let port = receiver
            .recv_timeout(std::time::Duration::from_secs(20))
            .expect("serve printed its address");
        Server { child, port }
    }

    fn get(&self, path: &str) -> Answer {
        use std::io::{Read, Write};
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        stream
            .set_read_timeout(Some(std::time::Duration::from_secs(5)))
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
        Answer {
            status,
            head: head.to_string(),
            body: body.to_string(),
        }
    }

    /// Fetches `path` until `ready` says yes, for at most ten seconds.
    #[track_caller]
    fn wait_for(&self, path: &str, what: &str, ready: impl Fn(&scraper::Html) -> bool) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            let answer = self.get(path);
            if ready(&scraper::Html::parse_document(&answer.body)) {
                return;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "timed out waiting for {what} at {path}; last answer:\n{}\n\n{}",
                answer.head,
                answer.body
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }

    fn is_running(&mut self) -> bool {
        self.child.try_wait().expect("wait").is_none()
    }
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
    let scripts: String = select(&page, "script")
        .iter()
        .map(|s| s.text().collect::<String>())
        .collect();
    assert!(scripts.contains("/__boletin/events"), "the reload script");
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
