//! What builds that were killed (`kill -9`, a power cut) left beside the
//! output: their staging folder `.<output>.boletin-staging-<pid>` and
//! the previous output they had moved aside, `.<output>.boletin-old-<pid>`.
//! The next build of the same output removes them.
//!
//! Only a real folder with exactly one of those names, for this output,
//! whose process is gone, is touched; anything else that looks like one
//! (a link, another output's, a live build's, a name with more after the
//! number) is left alone. A build killed between moving the previous
//! output aside and putting the new one in place left no output at all:
//! its previous output is put back rather than removed.

use super::remove_tree;
use std::fs;
use std::path::{Path, PathBuf};

/// The name of the staging folder of process `pid` for the output `name`.
pub(super) fn staging_name(name: &str, pid: u32) -> String {
    format!(".{name}{STAGING}{pid}")
}

/// The name the previous output has while process `pid` swaps it out.
pub(super) fn retired_name(name: &str, pid: u32) -> String {
    format!(".{name}{RETIRED}{pid}")
}

const STAGING: &str = ".boletin-staging-";
const RETIRED: &str = ".boletin-old-";

/// What a leftover is.
#[derive(PartialEq)]
enum Kind {
    Staging,
    Retired,
}

/// Removes, in `parent`, what dead builds of the output `folder` (named
/// `name`) left, putting a retired output back if `folder` is missing.
pub(super) fn clean(parent: &Path, name: &str, folder: &Path) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let mut found: Vec<(Kind, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let kind = leftover_kind(&entry.file_name().to_string_lossy(), name)?;
            // A link or a file with such a name is not a build's folder.
            entry
                .file_type()
                .is_ok_and(|t| t.is_dir())
                .then(|| (kind, entry.path()))
        })
        .collect();
    found.sort_by(|a, b| a.1.cmp(&b.1));
    for (kind, path) in found {
        let missing = fs::symlink_metadata(folder).is_err();
        if kind == Kind::Retired && missing && fs::rename(&path, folder).is_ok() {
            continue;
        }
        remove_tree(&path);
    }
}

/// Whether `file_name` is a leftover of a dead build of the output `name`.
fn leftover_kind(file_name: &str, name: &str) -> Option<Kind> {
    let rest = file_name.strip_prefix('.')?.strip_prefix(name)?;
    let (kind, pid) = if let Some(pid) = rest.strip_prefix(STAGING) {
        (Kind::Staging, pid)
    } else {
        (Kind::Retired, rest.strip_prefix(RETIRED)?)
    };
    if pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let pid: u32 = pid.parse().ok()?;
    // Its own folders are this process's business; a live one's, theirs.
    (pid != std::process::id() && !is_running(pid)).then_some(kind)
}

/// Whether a process `pid` exists. Where that cannot be told, it is
/// taken to exist: a leftover kept is better than a live build's folder
/// removed.
#[cfg(target_os = "linux")]
fn is_running(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.join("self").exists() || proc.join(pid.to_string()).exists()
}

#[cfg(all(unix, not(target_os = "linux")))]
fn is_running(pid: u32) -> bool {
    // `ps -p` answers for processes of every user, unlike `kill -0`.
    std::process::Command::new("ps")
        .args(["-p", &pid.to_string()])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .map_or(true, |status| status.success())
}

#[cfg(not(unix))]
fn is_running(_pid: u32) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_exact_names_of_this_output_are_leftovers() {
        let dead: u32 = 4_294_967_295;
        let kind = |file_name: &str| leftover_kind(file_name, "public");
        assert!(kind(&format!(".public.boletin-staging-{dead}")) == Some(Kind::Staging));
        assert!(kind(&format!(".public.boletin-old-{dead}")) == Some(Kind::Retired));
        for other in [
            format!("public.boletin-staging-{dead}"),
            format!(".other.boletin-staging-{dead}"),
            format!(".public.boletin-staging-{dead}x"),
            format!(".public.boletin-staging--{dead}"),
            format!(".public.boletin-staging-+{dead}"),
            ".public.boletin-staging-".to_string(),
            ".public.boletin-staging-99999999999".to_string(),
            format!(".public.boletin-staging-{}", std::process::id()),
            format!(".public.boletin-old-{}", std::process::id()),
            format!(".publicx.boletin-old-{dead}"),
        ] {
            assert!(kind(&other).is_none(), "{other}");
        }
    }
}
