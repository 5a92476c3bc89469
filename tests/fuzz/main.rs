//! A fuzzer on stable Rust: makes whole hostile sites (`generate.rs`),
//! builds each with the real `boletin` binary in a temporary folder, one
//! process per case, and checks every build (`checks.rs`):
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
//! runs for N seconds (5 without the argument, so `cargo test` stays
//! quick), prints what it found and keeps each failing site (up to
//! `--keep N` of each kind, 20 by default) in
//! `fuzz-failures/<seed>-<case>/` with a `reason.txt`. `--replay DIR`
//! builds and checks a kept site again; `--seed S --case C --dump DIR`
//! only writes a case's site, to look at. `--minutes M` is `--seconds`
//! times 60. `--modes sanitize,escape,trust,default` picks the
//! `raw_html` modes sites use (all four by default). The checker's own tests (`selftest.rs`) run first, every
//! time.

mod checks;
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

#[derive(Default)]
struct Tally {
    cases: u64,
    /// Builds by exit status: how many got far enough to check output.
    built: u64,
    refused: u64,
    /// Seconds spent in `boletin` itself, and in the checks.
    boletin_seconds: f64,
    check_seconds: f64,
    failed_cases: u64,
    by_class: BTreeMap<String, u64>,
    kept_by_class: BTreeMap<String, usize>,
    kept: Vec<PathBuf>,
}

fn fuzz(options: &Options, settings: &Settings) -> ExitCode {
    let started = Instant::now();
    let deadline = Duration::from_secs_f64(options.seconds.max(0.0));
    println!(
        "fuzz: seed {} ({}), {} job(s)",
        options.seed,
        match options.case {
            Some(case) => format!("case {case} only"),
            None => format!("{:.0} s", deadline.as_secs_f64()),
        },
        options.jobs
    );
    let next = AtomicU64::new(options.case.unwrap_or(0));
    let tally = Mutex::new(Tally::default());
    std::thread::scope(|scope| {
        for _ in 0..options.jobs {
            scope.spawn(|| {
                loop {
                    let case = next.fetch_add(1, Ordering::SeqCst);
                    if let Some(only) = options.case {
                        if case != only {
                            return;
                        }
                    } else if started.elapsed() >= deadline && case > 0 {
                        return;
                    }
                    let site = make_site(options.seed, case, settings);
                    let outcome = build_and_check(&site);
                    record(&tally, options, case, &site, &outcome);
                }
            });
        }
    });
    let elapsed = started.elapsed().as_secs_f64();
    let tally = tally.into_inner().unwrap_or_else(|e| e.into_inner());
    println!(
        "fuzz: {} cases in {:.1} s ({:.1} cases/s), {} failing",
        tally.cases,
        elapsed,
        tally.cases as f64 / elapsed.max(0.001),
        tally.failed_cases
    );
    println!(
        "fuzz: builds: {} succeeded (output checked), {} refused the site (exit 1)",
        tally.built, tally.refused
    );
    println!(
        "fuzz: time: {:.1} s in boletin, {:.1} s checking its output",
        tally.boletin_seconds, tally.check_seconds
    );
    for (class, count) in &tally.by_class {
        println!("fuzz:   {count:6}  {class}");
    }
    if let Some(first) = tally.kept.first() {
        println!(
            "fuzz: kept {} failing sites in {} (up to {} of each kind)",
            tally.kept.len(),
            first.parent().unwrap_or(first).display(),
            options.keep
        );
    }
    if tally.failed_cases > 0 {
        println!(
            "fuzz: reproduce one case with `cargo test --test fuzz -- --seed {} --case N`",
            options.seed
        );
    }
    println!(
        "fuzz: {} passed, {} failed",
        tally.cases - tally.failed_cases,
        tally.failed_cases
    );
    if tally.failed_cases == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn record(tally: &Mutex<Tally>, options: &Options, case: u64, site: &Site, outcome: &Outcome) {
    let Ok(mut tally) = tally.lock() else {
        return;
    };
    tally.cases += 1;
    tally.boletin_seconds += outcome.boletin_seconds;
    tally.check_seconds += outcome.check_seconds;
    match outcome.build_code {
        Some(0) => tally.built += 1,
        Some(1) => tally.refused += 1,
        _ => {}
    }
    if outcome.findings.is_empty() {
        return;
    }
    tally.failed_cases += 1;
    let classes: BTreeSet<&str> = outcome.findings.iter().map(|f| f.class.as_str()).collect();
    for class in &classes {
        let count = tally.by_class.entry(class.to_string()).or_default();
        if *count == 0 {
            println!("fuzz: case {case}: new kind of failure: {class}");
        }
        *count += 1;
    }
    let new_class = classes
        .iter()
        .any(|c| tally.kept_by_class.get(*c).copied().unwrap_or(0) < options.keep);
    if !new_class {
        return;
    }
    for class in &classes {
        *tally.kept_by_class.entry(class.to_string()).or_default() += 1;
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz-failures")
        .join(format!("{}-{case}", options.seed));
    match keep(&dir, options.seed, case, site, outcome) {
        Ok(()) => tally.kept.push(dir),
        Err(error) => eprintln!(
            "fuzz: cannot keep case {case} in {}: {error}",
            dir.display()
        ),
    }
}

/// Writes a failing case where a person can build it again.
fn keep(dir: &Path, seed: u64, case: u64, site: &Site, outcome: &Outcome) -> std::io::Result<()> {
    if dir.exists() {
        std::fs::remove_dir_all(dir)?;
    }
    write_site(&dir.join("site"), site);
    let mut reason = format!(
        "seed {seed}, case {case}\nreproduce: cargo test --test fuzz -- --seed {seed} --case {case}\nreplay:    cargo test --test fuzz -- --replay {}\nraw_html: {}\nbreaks: {}\nbuild args: {}\ncheck run: {}\nrebuilt: {}\n\n",
        dir.display(),
        site.mode,
        if site.breaks.is_empty() {
            "nothing"
        } else {
            &site.breaks
        },
        site.build_args.join(" "),
        site.run_check,
        site.rebuild,
    );
    for finding in &outcome.findings {
        reason.push_str(&format!("[{}]\n{}\n\n", finding.class, finding.detail));
    }
    reason.push_str(&outcome.log);
    std::fs::write(dir.join("reason.txt"), reason)
}

/// Builds a kept site again (`--replay fuzz-failures/<seed>-<case>`).
fn replay(dir: &Path) -> ExitCode {
    let root = if dir.join("site").is_dir() {
        dir.join("site")
    } else {
        dir.to_path_buf()
    };
    let mut site = Site::default();
    for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
        let Ok(entry) = entry else { continue };
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(relative) = entry.path().strip_prefix(&root) else {
            continue;
        };
        if relative.starts_with("public") {
            continue;
        }
        let Ok(bytes) = std::fs::read(entry.path()) else {
            continue;
        };
        site.files
            .push((relative.as_os_str().as_bytes().to_vec(), bytes));
    }
    for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
        let Ok(entry) = entry else { continue };
        if !entry.path_is_symlink() {
            continue;
        }
        let (Ok(relative), Ok(target)) = (
            entry.path().strip_prefix(&root),
            std::fs::read_link(entry.path()),
        ) else {
            continue;
        };
        site.links.push((
            relative.as_os_str().as_bytes().to_vec(),
            target.to_string_lossy().into_owned(),
        ));
    }
    if let Ok(reason) = std::fs::read_to_string(dir.join("reason.txt")) {
        for line in reason.lines() {
            if let Some(args) = line.strip_prefix("build args: ") {
                site.build_args = args.split_whitespace().map(String::from).collect();
            }
            if let Some(mode) = line.strip_prefix("raw_html: ") {
                site.mode = mode.to_string();
            }
            if line == "check run: true" {
                site.run_check = true;
            }
            if line == "rebuilt: true" {
                site.rebuild = true;
            }
        }
    }
    let outcome = build_and_check(&site);
    for finding in &outcome.findings {
        println!("[{}]\n{}\n", finding.class, finding.detail);
    }
    println!(
        "fuzz: {} passed, {} failed",
        u8::from(outcome.findings.is_empty()),
        u8::from(!outcome.findings.is_empty())
    );
    if outcome.findings.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Writes the site's files under `root`, and the files outside it that
/// its symbolic links lead to beside `root`; a file whose name the file
/// system refuses is left out (the kept copy leaves it out the same way).
fn write_site(root: &Path, site: &Site) {
    if let Some(case_dir) = root.parent() {
        for (path, content) in generate::outside_files() {
            let path = case_dir.join(path);
            if let Some(parent) = path.parent() {
                let _ = std::fs::create_dir_all(parent);
            }
            let _ = std::fs::write(&path, content);
        }
    }
    for (path, target) in &site.links {
        let path = root.join(OsStr::from_bytes(path));
        if let Some(parent) = path.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        let _ = std::os::unix::fs::symlink(target, &path);
    }
    for (path, content) in &site.files {
        let path = root.join(OsStr::from_bytes(path));
        if let Some(parent) = path.parent()
            && std::fs::create_dir_all(parent).is_err()
        {
            continue;
        }
        let _ = std::fs::write(&path, content);
    }
}

/// Where case folders go: `FUZZ_TMPDIR`, else a memory file system when
/// there is one (removing a built site from disk took as long as building
/// it), else the usual temporary folder.
fn temp_root() -> &'static Path {
    static ROOT: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    ROOT.get_or_init(|| {
        if let Some(dir) = std::env::var_os("FUZZ_TMPDIR") {
            return PathBuf::from(dir);
        }
        let shm = Path::new("/dev/shm");
        let writable = shm.is_dir()
            && tempfile::Builder::new()
                .prefix("boletin-fuzz-probe-")
                .tempdir_in(shm)
                .is_ok();
        if writable {
            shm.to_path_buf()
        } else {
            std::env::temp_dir()
        }
    })
}

/// What one case found, and what the commands printed.
struct Outcome {
    findings: Vec<Finding>,
    /// The exit status of `build`.
    build_code: Option<i32>,
    boletin_seconds: f64,
    check_seconds: f64,
    log: String,
}

/// Every file and folder under `dir` with a digest of its content.
fn listing(dir: &Path) -> BTreeMap<PathBuf, u64> {
    let mut found = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).min_depth(1) {
        let Ok(entry) = entry else { continue };
        let Ok(relative) = entry.path().strip_prefix(dir) else {
            continue;
        };
        let mut hasher = DefaultHasher::new();
        if entry.file_type().is_file() {
            std::fs::read(entry.path()).ok().hash(&mut hasher);
        } else if entry.file_type().is_symlink() {
            std::fs::read_link(entry.path()).ok().hash(&mut hasher);
        } else {
            "folder".hash(&mut hasher);
        }
        found.insert(relative.to_path_buf(), hasher.finish());
    }
    found
}

/// The output folder and boletin's cache, where a build may write.
fn may_write(relative: &Path) -> bool {
    relative.starts_with("site/public")
        || relative.starts_with("site/public-again")
        || relative.starts_with("site/.boletin")
}

/// Compares the case folder before and after a command.
fn compare(
    before: &BTreeMap<PathBuf, u64>,
    after: &BTreeMap<PathBuf, u64>,
    command: &str,
) -> Vec<Finding> {
    let mut found = Vec::new();
    for (path, digest) in after {
        if may_write(path) {
            continue;
        }
        match before.get(path) {
            None => found.push(Finding::new(
                "file-written-outside-output",
                format!("`{command}` left {}", path.display()),
            )),
            Some(old) if old != digest => found.push(Finding::new(
                "input-changed",
                format!("`{command}` changed {}", path.display()),
            )),
            Some(_) => {}
        }
    }
    for path in before.keys() {
        if !may_write(path) && !after.contains_key(path) {
            found.push(Finding::new(
                "input-removed",
                format!("`{command}` removed {}", path.display()),
            ));
        }
    }
    found
}

/// What a command did.
struct Ran {
    status: Option<std::process::ExitStatus>,
    stdout: String,
    stderr: String,
    seconds: f64,
}

fn run(root: &Path, case_dir: &Path, args: &[String]) -> std::io::Result<Ran> {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_boletin"))
        .args(args)
        .current_dir(root)
        .env_remove("RUST_LOG")
        .env_remove("RUST_BACKTRACE")
        .env("TMPDIR", case_dir.join("tmp"))
        .env("HOME", case_dir.join("home"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let read_all = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let stdout = read_all(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let stderr = read_all(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break Some(status);
        }
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    Ok(Ran {
        status,
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// The exit status must be 0 or 1; anything else is a panic, a crash or
/// a hang.
fn check_status(ran: &Ran, command: &str) -> Vec<Finding> {
    let class = match ran.status {
        None => format!("hang (over {} s)", TIMEOUT.as_secs()),
        Some(status) => match (status.code(), status.signal()) {
            (Some(0 | 1), _) => return Vec::new(),
            (Some(101), _) => "panic (exit 101)".to_string(),
            (Some(code), _) => format!("exit status {code}"),
            (None, Some(signal)) => format!("crash (signal {signal})"),
            (None, None) => "crash".to_string(),
        },
    };
    let tail: Vec<&str> = ran.stderr.lines().rev().take(8).collect();
    vec![Finding::new(
        class,
        format!(
            "`{command}` after {:.1} s:\n{}",
            ran.seconds,
            tail.into_iter().rev().collect::<Vec<_>>().join("\n")
        ),
    )]
}

fn build_and_check(site: &Site) -> Outcome {
    let mut findings = Vec::new();
    let mut log = String::new();
    let mut build_code = None;
    let mut check_code = None;
    let mut boletin_seconds = 0.0;
    let checking = Instant::now();
    let case_dir = match tempfile::Builder::new()
        .prefix("boletin-fuzz-")
        .tempdir_in(temp_root())
    {
        Ok(dir) => dir,
        Err(error) => {
            return Outcome {
                findings: vec![Finding::new(
                    "harness",
                    format!("no temporary folder: {error}"),
                )],
                build_code: None,
                boletin_seconds: 0.0,
                check_seconds: 0.0,
                log,
            };
        }
    };
    let root = case_dir.path().join("site");
    for folder in ["site", "tmp", "home"] {
        let _ = std::fs::create_dir_all(case_dir.path().join(folder));
    }
    write_site(&root, site);
    let mut commands = Vec::new();
    if site.run_check {
        commands.push(vec!["check".to_string()]);
    }
    let mut build = vec!["build".to_string()];
    build.extend(site.build_args.iter().cloned());
    commands.push(build);
    for args in &commands {
        let command = args.join(" ");
        let before = listing(case_dir.path());
        let ran = match run(&root, case_dir.path(), args) {
            Ok(ran) => ran,
            Err(error) => {
                findings.push(Finding::new(
                    "harness",
                    format!("cannot run boletin: {error}"),
                ));
                continue;
            }
        };
        boletin_seconds += ran.seconds;
        log.push_str(&format!(
            "--- `boletin {command}`: {:?} in {:.2} s\nstdout:\n{}\nstderr:\n{}\n",
            ran.status.map(|s| s.into_raw()),
            ran.seconds,
            ran.stdout,
            ran.stderr
        ));
        findings.extend(check_status(&ran, &command));
        if ran.stdout.contains(generate::OUTSIDE_SECRET)
            || ran.stderr.contains(generate::OUTSIDE_SECRET)
        {
            findings.push(Finding::new(
                "file outside the site printed",
                format!("`{command}` printed the text of a file outside the site"),
            ));
        }
        let code = ran.status.and_then(|s| s.code());
        for mut finding in checks::check_stderr(&ran.stderr, code) {
            finding.detail = format!("`{command}`:\n{}", finding.detail);
            findings.push(finding);
        }
        let after = listing(case_dir.path());
        findings.extend(compare(&before, &after, &command));
        if args[0] == "check" {
            check_code = code;
        }
        if args[0] == "build" {
            build_code = code;
            if check_code == Some(0)
                && code == Some(1)
                && !site.build_args.iter().any(|a| a == "--drafts")
            {
                findings.push(Finding::new(
                    "check passed but build failed",
                    "`boletin check` said the site was fine; `boletin build` refused it"
                        .to_string(),
                ));
            }
            let out = root.join("public");
            if code == Some(0) {
                findings.extend(check_output(&out, site));
            } else if out.exists() {
                findings.push(Finding::new(
                    "failed-build-left-output",
                    "the build failed but public/ exists".to_string(),
                ));
            }
        }
    }
    if build_code == Some(0) && site.rebuild {
        let mut again = vec![
            "build".to_string(),
            "--output".to_string(),
            "public-again".to_string(),
        ];
        again.extend(site.build_args.iter().cloned());
        match run(&root, case_dir.path(), &again) {
            Ok(ran) => {
                boletin_seconds += ran.seconds;
                findings.extend(check_status(&ran, &again.join(" ")));
                let (first, second) = (
                    listing(&root.join("public")),
                    listing(&root.join("public-again")),
                );
                if first != second {
                    let differ: Vec<String> = first
                        .keys()
                        .chain(second.keys())
                        .filter(|p| first.get(*p) != second.get(*p))
                        .take(5)
                        .map(|p| p.display().to_string())
                        .collect();
                    findings.push(Finding::new(
                        "same input, different output",
                        format!("a second build differs in {}", differ.join(", ")),
                    ));
                }
            }
            Err(error) => findings.push(Finding::new(
                "harness",
                format!("cannot run boletin: {error}"),
            )),
        }
    }
    Outcome {
        findings,
        build_code,
        boletin_seconds,
        check_seconds: checking.elapsed().as_secs_f64() - boletin_seconds,
        log,
    }
}

/// The live-script and XML checks on every page and feed of `out`, and
/// that nothing from outside the site was published. A file copied
/// unchanged from the site (from `static/`, or an issue's own files) is
/// the staff's own and is not judged.
fn check_output(out: &Path, site: &Site) -> Vec<Finding> {
    let inputs: BTreeSet<&[u8]> = site
        .files
        .iter()
        .map(|(_, content)| content.as_slice())
        .collect();
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(out).sort_by_file_name() {
        let Ok(entry) = entry else { continue };
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        let relative = path.strip_prefix(out).unwrap_or(path);
        let place = relative.display().to_string();
        let extension = path.extension().and_then(OsStr::to_str).unwrap_or("");
        let Ok(bytes) = std::fs::read(path) else {
            found.push(Finding::new("unreadable-output", place));
            continue;
        };
        let secret = generate::OUTSIDE_SECRET.as_bytes();
        if bytes.windows(secret.len()).any(|w| w == secret) {
            found.push(Finding::new(
                "file outside the site published",
                format!("{place} holds text of a file outside the site"),
            ));
        }
        if !matches!(extension, "html" | "xml") {
            continue;
        }
        if inputs.contains(bytes.as_slice()) {
            continue;
        }
        let text = String::from_utf8_lossy(&bytes);
        let (kind, findings) = if extension == "html" {
            ("page", checks::live_in_page(&text, &place))
        } else {
            ("feed", checks::check_xml(&text, &place))
        };
        for mut finding in findings {
            if finding.class != "xml-does-not-parse" {
                finding.class =
                    format!("live {} in {kind} (raw_html: {})", finding.class, site.mode);
            }
            found.push(finding);
        }
    }
    found
}
