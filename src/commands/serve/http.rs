//! The preview's web server: pages from memory, a live-reload event
//! stream, and the problems of a failed rebuild shown over the page.
//!
//! The reload script is added here, to responses only: it is never part
//! of what `build` writes.

use super::preview::{Served, Snapshot};
use crate::render::policy;
use std::io::{self, Write};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;
use tiny_http::{Header, Request, Response};

/// Where pages listen for rebuilds.
const EVENTS_PATH: &str = "/__boletin/events";

/// Where pages load the live-reload script from. It is a file of the
/// preview's own host, not inline, because every page's policy refuses
/// inline scripts; the preview lets the page load scripts of its own host.
const RELOAD_SCRIPT_PATH: &str = "/__boletin/reload.js";

/// The live-reload script: reloads the page after a good rebuild, shows
/// the problems of a failed one in a box it styles itself (through the
/// CSSOM, which the pages' policy allows, unlike inline styles).
/// `EVENTS_PATH` in it is replaced by the constant of that name.
const LIVE_RELOAD: &str = r#"(function(){function box(){var d=document.getElementById("boletin-problems");if(!d){d=document.createElement("pre");d.id="boletin-problems";d.setAttribute("role","alert");document.body.appendChild(d)}d.style.cssText="position:fixed;left:0;right:0;bottom:0;max-height:70vh;overflow:auto;margin:0;padding:1rem;background:#3b0000;color:#fff;font:14px/1.45 ui-monospace,monospace;white-space:pre-wrap;z-index:2147483647;border-top:4px solid #ff6b6b";return d}if(document.getElementById("boletin-problems")){box()}var s=new EventSource("EVENTS_PATH");s.addEventListener("reload",function(){location.reload()});s.addEventListener("problems",function(e){box().textContent=e.data})})();
"#;

/// Everyone listening for rebuilds.
#[derive(Clone, Default)]
pub(super) struct Listeners(Arc<Mutex<Vec<Sender<String>>>>);

impl Listeners {
    fn add(&self) -> Receiver<String> {
        let (sender, receiver) = mpsc::channel();
        if let Ok(mut list) = self.0.lock() {
            list.push(sender);
        }
        receiver
    }

    /// Tells every open page to reload.
    pub(super) fn reload(&self, generation: u64) {
        self.send(format!("event: reload\ndata: {generation}\n\n"));
    }

    /// Shows `problems` on every open page.
    pub(super) fn problems(&self, problems: &str) {
        let data: String = problems
            .lines()
            .map(|line| format!("data: {line}\n"))
            .collect();
        self.send(format!("event: problems\n{data}\n"));
    }

    fn send(&self, message: String) {
        if let Ok(mut list) = self.0.lock() {
            list.retain(|sender| sender.send(message.clone()).is_ok());
        }
    }
}

/// Sends rebuild events to one open page until it goes away. Written
/// straight to the connection and flushed each time: a buffered response
/// body would hold the events back.
fn stream_events(request: Request, listeners: &Listeners) {
    let receiver = listeners.add();
    let mut writer = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\nretry: 500\n\n";
    if writer
        .write_all(head.as_bytes())
        .and_then(|()| writer.flush())
        .is_err()
    {
        return;
    }
    loop {
        let message = match receiver.recv_timeout(Duration::from_secs(15)) {
            Ok(message) => message,
            // A comment now and then notices a closed tab.
            Err(RecvTimeoutError::Timeout) => ": still here\n\n".to_string(),
            Err(RecvTimeoutError::Disconnected) => return,
        };
        if writer
            .write_all(message.as_bytes())
            .and_then(|()| writer.flush())
            .is_err()
        {
            return;
        }
    }
}

#[expect(
    clippy::expect_used,
    reason = "the stand-in header is a constant that tiny_http accepts"
)]
fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).unwrap_or_else(|()| {
        Header::from_bytes(&b"X-Boletin"[..], &b"1"[..]).expect("a valid header")
    })
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// Added to every HTML page the preview serves, and only there: the
/// live-reload script, its style, and the problems of a failed rebuild.
/// The one place that changes pages on their way to the browser.
fn add_reload_script(html: &[u8], problems: Option<&str>) -> Vec<u8> {
    let text =
        String::from_utf8_lossy(html).replacen(policy::PAGE_POLICY, policy::OWN_SCRIPTS_POLICY, 1);
    let mut addition = format!("<script src=\"{RELOAD_SCRIPT_PATH}\"></script>");
    if let Some(problems) = problems {
        let escaped = crate::render::escape(problems);
        addition = format!("<pre id=\"boletin-problems\" role=\"alert\">{escaped}</pre>{addition}");
    }
    let at = text.rfind("</body>").unwrap_or(text.len());
    format!("{}{addition}{}", &text[..at], &text[at..]).into_bytes()
}

/// Served for an address with no file when the site has no 404 page,
/// as before its first good build: an HTML page, so it gets the reload
/// script and shows the problems, and the tab recovers by itself.
const NO_PAGE: &[u8] = b"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head><body><h1>Not found</h1><p>The preview has no page at this address.</p></body></html>\n";

/// A request's path as the names of its segments, decoded, with empty
/// segments, `.` and `..` resolved the way a browser resolves them, and
/// `\` taken as `/` as browsers do.
struct RequestPath {
    segments: Vec<String>,
    /// Ends in `/` (or names the root): a folder's index page.
    folder: bool,
}

impl RequestPath {
    fn parse(url: &str) -> RequestPath {
        let path = url.split(['?', '#']).next().unwrap_or("");
        let mut segments: Vec<String> = Vec::new();
        let mut folder = true;
        for raw in path.split(['/', '\\']) {
            let segment = percent_encoding::percent_decode_str(raw).decode_utf8_lossy();
            folder = matches!(segment.as_ref(), "" | "." | "..");
            match segment.as_ref() {
                "" | "." => {}
                ".." => {
                    segments.pop();
                }
                name => segments.push(name.to_string()),
            }
        }
        RequestPath { segments, folder }
    }
}

/// Every byte of a segment but letters, digits and `-._~` is escaped in
/// a redirect: a `/`, `\` or control character in it could otherwise
/// make the browser read the address as another host's.
const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// A path-only address for `segments` ending in `/`: always one `/`
/// first, never `//` (which names a host).
fn folder_address<'a>(segments: impl IntoIterator<Item = &'a String>) -> String {
    let mut address = String::from("/");
    for segment in segments {
        address.extend(percent_encoding::utf8_percent_encode(segment, SEGMENT));
        address.push('/');
    }
    address
}

/// Answers one request.
pub(super) fn respond(
    request: Request,
    snapshot: &RwLock<Snapshot>,
    listeners: &Listeners,
    base_path: &str,
) {
    let path = request.url().split(['?', '#']).next();
    if path == Some(EVENTS_PATH) {
        stream_events(request, listeners);
        return;
    }
    if path == Some(RELOAD_SCRIPT_PATH) {
        let script = LIVE_RELOAD.replace("EVENTS_PATH", EVENTS_PATH);
        let response = Response::from_string(script)
            .with_header(header("Content-Type", content_type(RELOAD_SCRIPT_PATH)))
            .with_header(header("Cache-Control", "no-store"));
        let _ = request.respond(response);
        return;
    }
    let asked = RequestPath::parse(request.url());
    let base: Vec<String> = RequestPath::parse(base_path).segments;
    if !asked.segments.starts_with(&base) {
        let _ = request.respond(redirect(&folder_address(&base)));
        return;
    }
    let relative = asked.segments[base.len()..].join("/");
    let guard = match snapshot.read() {
        Ok(guard) => guard,
        Err(poisoned) => poisoned.into_inner(),
    };
    let wanted = if relative.is_empty() {
        "index.html".to_string()
    } else if asked.folder {
        format!("{relative}/index.html")
    } else {
        relative.clone()
    };
    let (status, path, served) = match guard.files.get(&wanted) {
        Some(served) => (200, wanted, served.clone()),
        None if guard.files.contains_key(&format!("{relative}/index.html")) => {
            drop(guard);
            let _ = request.respond(redirect(&folder_address(&asked.segments)));
            return;
        }
        None => match guard.files.get("404.html") {
            Some(served) => (404, "404.html".to_string(), served.clone()),
            None => (404, "404.html".to_string(), Served::BuiltIn(NO_PAGE)),
        },
    };
    let problems = guard.problems.clone();
    drop(guard);
    let bytes: Vec<u8> = match served {
        Served::Bytes(bytes) => bytes.to_vec(),
        Served::BuiltIn(bytes) => bytes.to_vec(),
        Served::File(file) => match crate::load::vetted_file(&file) {
            Ok(bytes) => bytes,
            Err(_) => {
                let _ = request.respond(Response::from_string("Not found").with_status_code(404));
                return;
            }
        },
    };
    let body = if path.ends_with(".html") {
        add_reload_script(&bytes, problems.as_deref())
    } else {
        bytes
    };
    let response = Response::from_data(body)
        .with_status_code(status)
        .with_header(header("Content-Type", content_type(&path)))
        .with_header(header("Cache-Control", "no-store"));
    let _ = request.respond(response);
}

fn redirect(to: &str) -> Response<io::Empty> {
    Response::empty(301).with_header(header("Location", to))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_goes_before_the_end_of_the_body_and_problems_are_escaped() {
        let page = String::from_utf8(add_reload_script(
            b"<html><body><p>x</p></body></html>",
            Some("a <b> & c"),
        ))
        .unwrap();
        assert!(page.ends_with("</script></body></html>"), "{page}");
        assert!(page.contains("a &lt;b&gt; &amp; c"), "{page}");
    }

    #[test]
    fn request_paths_are_normalised_and_redirects_stay_on_this_host() {
        let parsed = |url: &str| {
            let path = RequestPath::parse(url);
            (path.segments.join("|"), path.folder)
        };
        assert_eq!(parsed("//en"), ("en".to_string(), false));
        assert_eq!(parsed("/en/"), ("en".to_string(), true));
        assert_eq!(parsed("/a/./b/../c?x=/y"), ("a|c".to_string(), false));
        assert_eq!(
            parsed("/\\evil.example/x"),
            ("evil.example|x".to_string(), false)
        );
        assert_eq!(parsed("/../.."), (String::new(), true));
        for url in [
            "//en",
            "/\\evil.example",
            "/%2F%2Fevil.example",
            "/%09/evil.example",
            "///",
            "/./",
        ] {
            let address = folder_address(&RequestPath::parse(url).segments);
            assert!(
                address.starts_with('/') && !address.starts_with("//"),
                "{url} -> {address}"
            );
            assert!(
                !address.contains('\\') && !address.contains('\t'),
                "{url} -> {address}"
            );
        }
        assert_eq!(folder_address(&RequestPath::parse("//en").segments), "/en/");
        assert_eq!(
            folder_address(&RequestPath::parse("/es/educaci%C3%B3n").segments),
            "/es/educaci%C3%B3n/"
        );
    }
}
