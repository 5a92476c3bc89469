//! `boletin serve`: builds the site into memory, serves it on
//! 127.0.0.1, and rebuilds and reloads open pages on every change.
//! It never writes to disk, so a preview cannot be uploaded by mistake.

mod http;
mod preview;
mod watch;

use crate::cli::ServeArgs;
use crate::commands::{Outcome, count};
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::load;
use preview::{Preview, Snapshot};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// Runs `boletin serve` until Ctrl-C.
pub(crate) fn run(args: &ServeArgs) -> Outcome {
    let root = args.site.root.clone();
    let config = match load::config(&root, None) {
        Ok(config) => config,
        Err(problems) => {
            let mut diagnostics = crate::diagnostics::Diagnostics::default();
            diagnostics.extend(problems);
            crate::commands::report(&diagnostics);
            return Outcome::SiteErrors;
        }
    };
    let server = match tiny_http::Server::http(("127.0.0.1", args.port)) {
        Ok(server) => Arc::new(server),
        Err(error) => {
            let next = args.port.checked_add(1).unwrap_or(1111);
            let problem = Diagnostic::error("--port", format!("cannot listen on port {}: {error}", args.port))
                .help(format!("another program (perhaps another boletin serve) uses it; try: boletin serve --port {next}"));
            eprintln!("{}", problem.render(std::io::stderr().is_terminal()));
            return Outcome::SiteErrors;
        }
    };
    let port = server.server_addr().to_ip().map_or(args.port, |a| a.port());
    let base_path = config.base_path().to_string();
    let base_url = format!("http://127.0.0.1:{port}{base_path}");

    // Watching starts before the first build, so no save is missed
    // between the build and the address being printed.
    let changes = match watch::Watcher::start(&root) {
        Ok(changes) => changes,
        Err(error) => {
            eprintln!(
                "error: cannot watch {} for changes: {error}",
                root.display()
            );
            return Outcome::SiteErrors;
        }
    };
    let snapshot = Arc::new(RwLock::new(Snapshot::default()));
    let listeners = http::Listeners::default();
    let mut preview = Preview::new(root.clone(), base_url.clone(), args.drafts);
    let started = Instant::now();
    apply(&snapshot, &listeners, started, preview.rebuild_all());
    announce(args, &config, &base_url);

    let running = Arc::new(AtomicBool::new(true));
    {
        let running = Arc::clone(&running);
        let server = Arc::clone(&server);
        let _ = ctrlc::set_handler(move || {
            running.store(false, Ordering::SeqCst);
            server.unblock();
        });
    }
    answer_requests(server, &snapshot, &listeners, base_path);
    while running.load(Ordering::SeqCst) {
        let Some(changed) = changes.next(Duration::from_millis(200)) else {
            continue;
        };
        let started = Instant::now();
        apply(&snapshot, &listeners, started, preview.update(&changed));
    }
    println!("Stopped.");
    Outcome::Success
}

/// Prints where each language is served, and opens a browser if asked.
fn announce(args: &ServeArgs, config: &Config, base_url: &str) {
    println!(
        "Serving the preview of {} (nothing is written to disk):",
        args.site.root.display()
    );
    for language in &config.languages {
        println!(
            "  {:<6} {base_url}{}/",
            language.lang.as_str(),
            language.lang
        );
    }
    println!("Press Ctrl-C to stop.");
    if args.open {
        let first = config
            .languages
            .first()
            .map_or(String::new(), |l| format!("{}/", l.lang));
        if let Err(error) = opener::open(format!("{base_url}{first}")) {
            eprintln!("warning: could not open a browser: {error}");
        }
    }
}

/// Answers every request on a thread of its own, from whatever snapshot
/// is served when it arrives.
fn answer_requests(
    server: Arc<tiny_http::Server>,
    snapshot: &Arc<RwLock<Snapshot>>,
    listeners: &http::Listeners,
    base_path: String,
) {
    let snapshot = Arc::clone(snapshot);
    let listeners = listeners.clone();
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let snapshot = Arc::clone(&snapshot);
            let listeners = listeners.clone();
            let base_path = base_path.clone();
            std::thread::spawn(move || http::respond(request, &snapshot, &listeners, &base_path));
        }
    });
}

/// Serves what a rebuild made, and tells every open page. The lock is
/// held only to swap the files in: the rebuild was made beside them.
fn apply(
    snapshot: &RwLock<Snapshot>,
    listeners: &http::Listeners,
    started: Instant,
    rebuilt: preview::Outcome,
) {
    let lock = || match snapshot.write() {
        Ok(guard) => guard,
        Err(poisoned) => poisoned.into_inner(),
    };
    let color = std::io::stderr().is_terminal();
    match rebuilt {
        preview::Outcome::Rebuilt {
            files,
            changed,
            full,
            warnings,
        } => {
            let generation = {
                let mut guard = lock();
                guard.files = files;
                guard.problems = None;
                guard.generation += 1;
                guard.generation
            };
            for warning in &warnings {
                eprintln!("{}", warning.render(color));
            }
            listeners.reload(generation);
            println!(
                "{} {} in {} ms{}",
                if full { "Built" } else { "Updated" },
                count(changed, "file"),
                started.elapsed().as_millis(),
                if warnings.is_empty() {
                    String::new()
                } else {
                    format!(", {}", count(warnings.len(), "warning"))
                }
            );
        }
        preview::Outcome::Failed(diagnostics) => {
            let plain: Vec<String> = diagnostics
                .sorted()
                .iter()
                .map(|d| d.render(false))
                .collect();
            let text = plain.join("\n");
            for diagnostic in diagnostics.sorted() {
                eprintln!("{}", diagnostic.render(color));
            }
            eprintln!(
                "{}; the preview keeps showing the last good pages.",
                count(diagnostics.error_count(), "error")
            );
            lock().problems = Some(text.clone());
            listeners.problems(&text);
        }
    }
}
