//! The pages in a real browser (Debian's Chromium, headless): an injected
//! script is refused and the page looks the same, a cover's file name
//! still loads, and the preview's own reload script runs under the policy.

use super::*;

/// Serves `root` over HTTP on 127.0.0.1 for as long as the test runs, the
/// way a static host would (a folder's `index.html`).
fn serve_folder(root: std::path::PathBuf) -> String {
    let server = tiny_http::Server::http("127.0.0.1:0").expect("a local port");
    let address = format!("http://{}", server.server_addr());
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let path = request.url().split('?').next().unwrap_or("/").to_string();
            let mut file = root.join(path.trim_start_matches('/'));
            if file.is_dir() {
                file = file.join("index.html");
            }
            let response = match std::fs::read(&file) {
                Ok(bytes) => {
                    let kind = match file.extension().and_then(|e| e.to_str()) {
                        Some("html") => "text/html; charset=utf-8",
                        Some("css") => "text/css",
                        _ => "application/octet-stream",
                    };
                    tiny_http::Response::from_data(bytes).with_header(
                        tiny_http::Header::from_bytes("Content-Type", kind).expect("header"),
                    )
                }
                Err(_) => {
                    tiny_http::Response::from_data(b"not found".to_vec()).with_status_code(404)
                }
            };
            let _ = request.respond(response);
        }
    });
    address
}

/// Headless Chromium, if this machine has it (`.ci/run` installs it; a
/// developer's machine may not, which this says out loud).
fn chromium() -> Option<std::path::PathBuf> {
    let path = std::path::PathBuf::from("/usr/bin/chromium");
    if path.exists() {
        return Some(path);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI must have Chromium: .ci/run installs it"
    );
    eprintln!("SKIPPED: no /usr/bin/chromium here (apt-get install chromium); CI runs this test");
    None
}

/// Runs headless Chromium on `url` with `args` and returns its output.
fn run_chromium(chromium: &std::path::Path, args: &[&str], url: &str) -> std::process::Output {
    let profile = tempfile::tempdir().expect("a profile folder");
    std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(url)
        .output()
        .expect("chromium runs")
}

#[test]
fn in_chromium_an_injected_script_is_refused_and_the_page_looks_the_same() {
    let Some(chromium) = chromium() else { return };
    let fixture = Fixture::new();
    fixture.issue(
        "table",
        "en",
        "A table",
        "2026-03-01",
        "",
        "| left | center | right |\n|:-----|:------:|------:|\n| a | b | c |\n",
    );
    fixture.build(&[]).assert_ok();
    let page = fixture.out().join("en/issues/table/index.html");
    let built = std::fs::read_to_string(&page).expect("page");
    let policy_start = built
        .find("<meta http-equiv=\"Content-Security-Policy\"")
        .expect("policy");
    let policy_end = policy_start + built[policy_start..].find('>').expect("end") + 1;
    // The same page without its policy, to compare against.
    std::fs::write(
        fixture.out().join("en/issues/table/plain.html"),
        format!("{}{}", &built[..policy_start], &built[policy_end..]),
    )
    .expect("write");
    // The page as if the sanitizer had let a script through.
    let injected = built.replace(
        "<main id=\"main\" class=\"wrap\">",
        "<main id=\"main\" class=\"wrap\"><script>document.title = 'ran'; document.body.setAttribute('data-ran', 'yes')</script>",
    );
    assert_ne!(injected, built);
    std::fs::write(
        fixture.out().join("en/issues/table/injected.html"),
        injected,
    )
    .expect("write");
    let site = serve_folder(fixture.out());

    let dom = run_chromium(
        &chromium,
        &["--dump-dom"],
        &format!("{site}/en/issues/table/injected.html"),
    );
    let dom = Html::parse_document(&String::from_utf8_lossy(&dom.stdout));
    assert_eq!(
        text_of(&dom, "title"),
        "A table · Test News",
        "the script did not run"
    );
    assert!(
        select(&dom, "body[data-ran]").is_empty(),
        "the script did not run"
    );
    assert!(
        !select(&dom, "main script").is_empty(),
        "the script was in the page"
    );

    let shot = |name: &str| {
        let file = fixture.root().join(format!("{name}.png"));
        let output = run_chromium(
            &chromium,
            &[
                &format!("--screenshot={}", file.display()),
                "--window-size=412,900",
                "--hide-scrollbars",
            ],
            &format!("{site}/en/issues/table/{name}"),
        );
        assert!(
            file.exists(),
            "no screenshot: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        std::fs::read(file).expect("screenshot")
    };
    assert_eq!(
        shot("index.html"),
        shot("plain.html"),
        "the policy changes nothing a reader sees (styles, table alignment)"
    );
}

#[test]
fn a_cover_file_name_never_reads_as_a_url_scheme_and_still_loads() {
    let fixture = Fixture::new();
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>";
    fixture.write("content/issues/odd/javascript:alert(1) #1.svg", svg);
    fixture.issue(
        "odd",
        "en",
        "Odd",
        "2026-03-01",
        "cover: \"javascript:alert(1) #1.svg\"\ncover_alt: A dot\n",
        "Text.\n",
    );
    fixture.build(&[]).assert_ok();
    let page = fixture.html("en/issues/odd/index.html");
    let src = attr_of(&page, "main figure.cover img", "src");
    assert_eq!(browser_scheme(&src), None, "{src}");
    let file = percent_encoding::percent_decode_str(&src).decode_utf8_lossy();
    assert!(
        fixture.exists(&format!("en/issues/odd/{file}")),
        "{src} loads the cover"
    );
    assert!(live_script(&page).is_empty());
    let check = fixture.run(&["check"]);
    assert_eq!(check.code, 0, "check finds the cover: {}", check.stderr);
}

#[test]
fn in_chromium_the_preview_runs_its_own_reload_script_under_the_policy() {
    let Some(chromium) = chromium() else { return };
    let fixture = Fixture::new();
    // A first build that fails: the preview shows the problems, and its
    // reload script (a file of its own host) styles the box.
    fixture.issue("broken", "en", "Broken", "2026-13-45", "", "Text.\n");
    let server = crate::common::serve::Server::start(&fixture);
    let url = format!("http://127.0.0.1:{}/en/", server.port);
    let output = run_chromium(&chromium, &["--dump-dom"], &url);
    let dom = Html::parse_document(&String::from_utf8_lossy(&output.stdout));
    let problems = select(&dom, "#boletin-problems");
    assert_eq!(problems.len(), 1, "the problems are shown");
    assert!(folded_text(problems[0]).contains("2026-13-45"));
    let style = problems[0].value().attr("style").unwrap_or_default();
    assert!(
        style.contains("position: fixed"),
        "the reload script ran and styled the box: {style:?}"
    );
}
