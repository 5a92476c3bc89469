//! One case: the site written to a temporary folder, `boletin build` (and
//! `check`, and a second build) run on it as separate processes with a
//! time limit, and every promise of `checks.rs` checked on what they did.

use crate::*;

/// Writes the site's files under `root`, and the files outside it that
/// its symbolic links lead to beside `root`; a file whose name the file
/// system refuses is left out (the kept copy leaves it out the same way).
pub(crate) fn write_site(root: &Path, site: &Site) {
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
pub(crate) fn temp_root() -> &'static Path {
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
pub(crate) struct Outcome {
    pub(crate) findings: Vec<Finding>,
    /// The exit status of `build`.
    pub(crate) build_code: Option<i32>,
    pub(crate) boletin_seconds: f64,
    pub(crate) check_seconds: f64,
    pub(crate) log: String,
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
pub(crate) fn compare(
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

pub(crate) fn build_and_check(site: &Site) -> Outcome {
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
