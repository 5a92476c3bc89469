//! A fuzzing run: cases on every job until the time is up, a tally of
//! what they found, failing sites kept in `fuzz-failures/`, and `--replay`
//! of a kept site.

use crate::*;

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

pub(crate) fn fuzz(options: &Options, settings: &Settings) -> ExitCode {
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
pub(crate) fn replay(dir: &Path) -> ExitCode {
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
