//! A fuzzer on stable Rust: makes whole hostile sites (`generate.rs`),
//! builds each with the real `boletin` binary in a temporary folder, one
//! process per case (`case.rs`), and checks every build (`checks.rs`):
//!
//! - no panic, crash or hang: the exit status is 0 or 1;
//! - every error and warning printed names a file;
//! - no live script in any page, nor in any feed field readers render as
//!   HTML; every XML file parses;
//! - nothing written outside the output folder, no staging folder left
//!   behind, no input file changed, and no output left by a failed build;
//! - nothing of a file outside the site (reached by a symbolic link)
//!   published or printed; `check` passing no site that `build` refuses;
//!   a second build giving the same bytes.
//!
//! `cargo test --test fuzz -- --seconds N [--seed S] [--case C] [--jobs J]`
//! runs for N seconds (5 without the argument; plain `cargo test` leaves
//! the fuzzer out, CI runs it for 30), prints what it found and keeps each failing site (up to
//! `--keep N` of each kind, 20 by default) in
//! `fuzz-failures/<seed>-<case>/` with a `reason.txt`. `--replay DIR`
//! builds and checks a kept site again; `--seed S --case C --dump DIR`
//! only writes a case's site, to look at. `--minutes M` is `--seconds`
//! times 60. `--modes sanitize,escape,trust,default` picks the
//! `raw_html` modes sites use (all four by default). The checker's own
//! tests (`selftest.rs`) run first, every time. The run itself (jobs,
//! tally, keeping and replaying) is `campaign.rs`.

// A test fails by panicking, so its helpers may unwrap and expect; a test
// reads best as one story, however long; and a fixture helper takes the
// parts of the file it writes in the order the file has them.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::too_many_lines,
    clippy::too_many_arguments,
    clippy::fn_params_excessive_bools
)]

mod campaign;
mod case;
mod checks;
// boletin is a program, not a library: the checker's self-test renders
// diagnostics with boletin's own code, compiled in from its source.
#[path = "../../src/diagnostics.rs"]
#[allow(dead_code, unreachable_pub, unused_imports)]
mod diagnostics;
mod generate;
mod payloads;
mod selftest;

use checks::Finding;
use generate::{Locales, Settings, Site};
use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsStr;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::Read;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use campaign::{fuzz, replay};
use case::{Outcome, build_and_check, compare, write_site};

/// How long one command may run before it counts as a hang.
const TIMEOUT: Duration = Duration::from_secs(20);

/// Random bytes each case is made from.
const CASE_BYTES: usize = 16 * 1024;

struct Options {
    seconds: f64,
    seed: u64,
    case: Option<u64>,
    jobs: usize,
    keep: usize,
    replay: Option<PathBuf>,
    /// Write case `--case C` into this folder without building it.
    dump: Option<PathBuf>,
    /// `--modes sanitize,escape`: the `raw_html` modes sites may use.
    modes: Vec<&'static str>,
    /// A test-name filter from `cargo test NAME` that does not name us.
    filtered_out: bool,
    list: bool,
}

fn parse_options() -> Result<Options, String> {
    let mut options = Options {
        seconds: 5.0,
        seed: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64),
        case: None,
        jobs: 1,
        keep: 20,
        replay: None,
        dump: None,
        modes: generate::MODES.to_vec(),
        filtered_out: false,
        list: false,
    };
    let mut args = std::env::args().skip(1);
    let mut filters = Vec::new();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--seconds" => {
                options.seconds = value("--seconds")?
                    .parse()
                    .map_err(|_| "--seconds takes a number".to_string())?;
            }
            "--minutes" => {
                let minutes: f64 = value("--minutes")?
                    .parse()
                    .map_err(|_| "--minutes takes a number".to_string())?;
                options.seconds = minutes * 60.0;
            }
            "--seed" => {
                options.seed = value("--seed")?
                    .parse()
                    .map_err(|_| "--seed takes a whole number".to_string())?;
            }
            "--case" => {
                options.case = Some(
                    value("--case")?
                        .parse()
                        .map_err(|_| "--case takes a whole number".to_string())?,
                );
            }
            "--jobs" => {
                options.jobs = value("--jobs")?
                    .parse::<usize>()
                    .map_err(|_| "--jobs takes a whole number".to_string())?
                    .max(1);
            }
            "--keep" => {
                options.keep = value("--keep")?
                    .parse()
                    .map_err(|_| "--keep takes a whole number".to_string())?;
            }
            "--replay" => options.replay = Some(PathBuf::from(value("--replay")?)),
            "--dump" => options.dump = Some(PathBuf::from(value("--dump")?)),
            "--modes" => {
                let list = value("--modes")?;
                let mut modes = Vec::new();
                for name in list.split(',') {
                    let name = if name == "default" { "" } else { name };
                    match generate::MODES.iter().find(|m| **m == name) {
                        Some(mode) => modes.push(*mode),
                        None => {
                            return Err(format!(
                                "--modes takes sanitize, escape, trust or default, not {name:?}"
                            ));
                        }
                    }
                }
                options.modes = modes;
            }
            "--list" => options.list = true,
            // libtest's options, which `cargo test -- …` hands every target.
            "--test-threads" | "--skip" | "--color" | "--format" | "-Z" | "--logfile" => {
                value(&arg)?;
            }
            other if other.starts_with('-') => {}
            filter => filters.push(filter.to_string()),
        }
    }
    options.filtered_out = !filters.is_empty() && !filters.iter().any(|f| "fuzz".contains(f));
    Ok(options)
}

fn main() -> ExitCode {
    let options = match parse_options() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("fuzz: {message}");
            return ExitCode::from(2);
        }
    };
    if options.list {
        println!("fuzz: test");
        return ExitCode::SUCCESS;
    }
    if options.filtered_out {
        println!("fuzz: 0 passed, 0 failed (filtered out)");
        return ExitCode::SUCCESS;
    }
    let broken = selftest::run();
    if !broken.is_empty() {
        for problem in &broken {
            eprintln!("checker self-test failed: {problem}");
        }
        println!("fuzz: 0 passed, {} failed", broken.len());
        return ExitCode::FAILURE;
    }
    println!("fuzz: checker self-tests passed ({})", selftest::COUNT);
    if let Some(dir) = &options.replay {
        return replay(dir);
    }
    let locales = match repository_locales() {
        Ok(locales) => locales,
        Err(message) => {
            eprintln!("fuzz: {message}");
            return ExitCode::FAILURE;
        }
    };
    let settings = Settings {
        locales,
        modes: options.modes.clone(),
    };
    if let Some(dir) = &options.dump {
        let site = make_site(options.seed, options.case.unwrap_or(0), &settings);
        write_site(dir, &site);
        println!(
            "fuzz: wrote case {} of seed {} into {}",
            options.case.unwrap_or(0),
            options.seed,
            dir.display()
        );
        return ExitCode::SUCCESS;
    }
    fuzz(&options, &settings)
}

fn repository_locales() -> Result<Locales, String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let read = |lang: &str| {
        let path = dir.join(lang).join("main.ftl");
        std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    };
    Ok(Locales {
        en: read("en")?,
        es: read("es")?,
    })
}

/// The site of case `case` of run `seed`.
fn make_site(seed: u64, case: u64, settings: &Settings) -> Site {
    let mut rng = fastrand::Rng::with_seed(seed ^ case.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let mut bytes = vec![0u8; CASE_BYTES];
    rng.fill(&mut bytes);
    generate::site(&mut generate::Gen::new(&bytes), settings)
}
