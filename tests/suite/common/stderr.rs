//! Snapshots of what `boletin` prints on standard error, so that a change
//! to any diagnostic shows in review as a diff of a file under
//! `tests/suite/snapshots/`. What changes from one run to the next (the
//! temporary folders and the seconds a build took) is replaced by a
//! placeholder first, so the snapshots hold still.
//!
//! `cargo test` fails on a mismatch; `INSTA_UPDATE=always cargo test`
//! rewrites the snapshots (or `cargo insta review`, where installed), and
//! `git diff` then shows what changed.

/// Checks the whole of `run.stderr` against the test's snapshot, after
/// [`normalise`]. The snapshot is named after the test (its module path
/// and name, from the test's thread), wherever the macro is called, so a
/// helper may take it for each test that calls it; a test that takes
/// several gets `-2`, `-3` and so on, in order. `assert_stderr_snapshot!(run,
/// &port => "[PORT]")` also replaces what only that test knows changes.
macro_rules! assert_stderr_snapshot {
    ($run:expr $(, $from:expr => $to:expr)* $(,)?) => {{
        let name = $crate::common::stderr::snapshot_name();
        #[allow(unused_mut)]
        let mut stderr = $crate::common::stderr::normalise(&$run.stderr);
        $(stderr = stderr.replace($from, $to);)*
        insta::with_settings!({
            snapshot_path => concat!(env!("CARGO_MANIFEST_DIR"), "/tests/suite/snapshots"),
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(name, stderr);
        });
    }};
}
pub(crate) use assert_stderr_snapshot;

/// The next snapshot name of the running test: `pages__archive__name`,
/// then `pages__archive__name-2`, ... (the test harness names each
/// test's thread after the test, with `--test-threads=1` too).
pub(crate) fn snapshot_name() -> String {
    static TAKEN: std::sync::Mutex<std::collections::BTreeMap<String, usize>> =
        std::sync::Mutex::new(std::collections::BTreeMap::new());
    let test = std::thread::current()
        .name()
        .unwrap_or("unnamed")
        .replace("::", "__");
    let mut taken = TAKEN
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let count = taken.entry(test.clone()).or_insert(0);
    *count += 1;
    match *count {
        1 => test,
        n => format!("{test}-{n}"),
    }
}

/// `text` with every temporary folder written as `[TMP]`, the process
/// id in a staging folder's name as `[PID]`, and every duration
/// (`0.01 s`, `12 ms`) as `[SECS] s` or `[MS] ms`.
pub(crate) fn normalise(text: &str) -> String {
    durations(&staging_pids(&temporary_folders(text)))
}

/// Replaces the digits after `boletin-staging-` (the building process's
/// id) by `[PID]`.
fn staging_pids(text: &str) -> String {
    const MARKER: &str = "boletin-staging-";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(MARKER) {
        out.push_str(&rest[..at + MARKER.len()]);
        let after = &rest[at + MARKER.len()..];
        let digits = after
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(after.len());
        if digits > 0 {
            out.push_str("[PID]");
        }
        rest = &after[digits..];
    }
    out.push_str(rest);
    out
}

/// Replaces `<temp dir>/.tmpXXXXXX` (the folders `tempfile` makes, under
/// the name the system gives the temporary folder and under its real
/// path) by `[TMP]`.
fn temporary_folders(text: &str) -> String {
    let base = std::env::temp_dir();
    let mut prefixes = vec![base.to_string_lossy().into_owned()];
    if let Ok(real) = base.canonicalize() {
        prefixes.push(real.to_string_lossy().into_owned());
    }
    let mut text = text.to_string();
    for prefix in prefixes {
        let marker = format!("{}/.tmp", prefix.trim_end_matches('/'));
        let mut out = String::with_capacity(text.len());
        let mut rest = text.as_str();
        while let Some(at) = rest.find(&marker) {
            out.push_str(&rest[..at]);
            let after = &rest[at + marker.len()..];
            let name = after
                .find(|c: char| !c.is_ascii_alphanumeric())
                .unwrap_or(after.len());
            out.push_str("[TMP]");
            rest = &after[name..];
        }
        out.push_str(rest);
        text = out;
    }
    text
}

/// Replaces `1.23 s` by `[SECS] s` and `12 ms` by `[MS] ms`, where the
/// number stands alone (not part of a word or a version).
fn durations(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        let starts_number = bytes[i].is_ascii_digit()
            && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'.'));
        if starts_number {
            let mut end = i;
            while end < bytes.len() && bytes[end].is_ascii_digit() {
                end += 1;
            }
            let whole = end;
            if end + 1 < bytes.len() && bytes[end] == b'.' && bytes[end + 1].is_ascii_digit() {
                end += 1;
                while end < bytes.len() && bytes[end].is_ascii_digit() {
                    end += 1;
                }
            }
            let unit_ends = |unit: &str| {
                text[end..].starts_with(unit)
                    && !text[end + unit.len()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric)
            };
            if end > whole && unit_ends(" s") {
                out.push_str("[SECS]");
                i = end;
                continue;
            }
            if end == whole && unit_ends(" ms") {
                out.push_str("[MS]");
                i = end;
                continue;
            }
            out.push_str(&text[i..end]);
            i = end;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or('\u{fffd}');
        out.push(c);
        i += c.len_utf8().max(1);
    }
    out
}

#[test]
fn normalise_hides_temporary_folders_and_durations_only() {
    let tmp = std::env::temp_dir();
    let tmp = tmp.to_string_lossy();
    let tmp = tmp.trim_end_matches('/');
    let text = format!(
        "error: {tmp}/.tmpAb12Cd/boletin.yaml:3:1: bad\ncannot write {tmp}/.tmpX/.public.boletin-staging-4242/en\nBuilt 4 pages (12 KB) in 0.25 s.\nrebuilt in 31 ms\nversion 1.5 stays, line 10 stays, 2.5 seconds stays\n"
    );
    assert_eq!(
        normalise(&text),
        "error: [TMP]/boletin.yaml:3:1: bad\ncannot write [TMP]/.public.boletin-staging-[PID]/en\nBuilt 4 pages (12 KB) in [SECS] s.\nrebuilt in [MS] ms\nversion 1.5 stays, line 10 stays, 2.5 seconds stays\n"
    );
}
