//! The only module that writes: the output folder (here), and the
//! content files `new` and `translate` make or change (`content`).
//!
//! A build is written into a staging folder beside the output and swapped
//! in only when every file is written, so a failed build leaves the
//! previous site exactly as it was. The staging folder is always removed
//! before the command ends, and a later build removes what a killed one
//! left (`leftovers`).
//!
//! Only an output boletin wrote before is replaced: every output holds a
//! marker file, and a folder without one that is not empty, or a file,
//! is refused before anything is written (`previous`). The dot files and
//! `CNAME` at the top of a previous output carry over into the next. An
//! output that is a symbolic link is built into the folder it points to,
//! and stays a link.

pub(crate) mod content;
mod leftovers;
mod previous;

pub(crate) use previous::MARKER;

use crate::render::{Content, OutputFile};
use previous::Previous;
use rayon::prelude::*;
use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use thiserror::Error;

/// Why the output could not be written.
#[derive(Debug, Error)]
pub(crate) enum WriteError {
    #[error("cannot write {path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("refusing to write {path}: it would land outside the output folder")]
    Escapes { path: PathBuf },
    #[error("the output folder {output} has no parent folder to stage the build in")]
    NoParent { output: PathBuf },
    #[error("{output} is a file, not a folder; boletin will not replace it")]
    NotAFolder { output: PathBuf },
    #[error(
        "{output} holds files boletin did not write ({found}); boletin only replaces a folder it built itself"
    )]
    NotOurs { output: PathBuf, found: String },
    #[error("{output} is a symbolic link to {target}, which does not exist")]
    DanglingLink { output: PathBuf, target: PathBuf },
}

impl WriteError {
    /// How to fix it, in plain words.
    pub(crate) fn help(&self) -> String {
        match self {
            WriteError::Io { .. } | WriteError::NoParent { .. } => {
                "check that the folder can be written to and the disk is not full".to_string()
            }
            WriteError::Escapes { .. } => {
                "this is a bug in boletin; please report it with the site that shows it".to_string()
            }
            WriteError::NotAFolder { .. } => {
                "choose another folder with --output, or move the file away".to_string()
            }
            WriteError::NotOurs { .. } => format!(
                "choose a new or empty folder with --output. To build into this one (a deploy checkout, say), \
                 remove everything in it but its dot files (.git) and CNAME, which boletin keeps, \
                 and create an empty file named {MARKER} in it. \
                 If an earlier version of boletin built it, delete it and build again"
            ),
            WriteError::DanglingLink { target, .. } => {
                format!("create the folder {} or remove the link", target.display())
            }
        }
    }
}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> WriteError + '_ {
    move |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Whether `build` may write its site at `output`: a refusal is known
/// before the site is even read. Changes nothing.
pub(crate) fn check_output(output: &Path) -> Result<(), WriteError> {
    previous::inspect(&previous::resolve(output)?).map(drop)
}

/// Writes `files` as the new contents of `output`, replacing it whole
/// (what `build` does, a page at a time, with `Staging`).
#[cfg(test)]
fn write_site(output: &Path, files: &[OutputFile]) -> Result<(), WriteError> {
    let staging = Staging::begin(output)?;
    files.par_iter().try_for_each(|file| staging.put(file))?;
    staging.commit()
}

/// A new site being written beside the output folder, swapped in whole
/// by `commit`. Dropped without a commit, it is removed and the output
/// stays exactly as it was.
///
/// A page identical to the one the previous build wrote is hard-linked
/// from it rather than written again, so republishing after a small
/// change creates few new files; the previous output itself is never
/// modified.
pub(crate) struct Staging {
    /// Where the site goes: the output folder, or the folder it links to.
    folder: PathBuf,
    staging: PathBuf,
    retired: PathBuf,
    /// What was at `folder` when the build began.
    previous: Previous,
    /// Cleared at the first failed hard link of a site file (another file
    /// system), so the rest are copied without trying.
    links_work: std::sync::atomic::AtomicBool,
    /// Where each site file was first copied to, when it had to be copied:
    /// its copies beside other languages' pages link to that one.
    first_copies: std::sync::Mutex<HashMap<PathBuf, PathBuf>>,
}

impl Staging {
    /// Prepares a staging folder beside `output` holding only the marker,
    /// after removing what killed builds of it left. Refuses an output
    /// boletin may not replace, before writing anything.
    pub(crate) fn begin(output: &Path) -> Result<Staging, WriteError> {
        let folder = previous::resolve(output)?;
        let parent = folder.parent().ok_or_else(|| WriteError::NoParent {
            output: output.to_path_buf(),
        })?;
        let name = folder
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| "public".to_string());
        let previous = previous::inspect(&folder)?;
        fs::create_dir_all(parent).map_err(io_error(parent))?;
        leftovers::clean(parent, &name, &folder);
        // Cleaning may have put back a previous output a killed build
        // had moved aside.
        let previous = match previous {
            Previous::Nothing => previous::inspect(&folder)?,
            previous => previous,
        };
        let pid = std::process::id();
        let staging = Staging {
            staging: parent.join(leftovers::staging_name(&name, pid)),
            retired: parent.join(leftovers::retired_name(&name, pid)),
            folder,
            previous,
            links_work: std::sync::atomic::AtomicBool::new(true),
            first_copies: std::sync::Mutex::default(),
        };
        remove_tree(&staging.staging);
        fs::create_dir_all(&staging.staging).map_err(io_error(&staging.staging))?;
        let marker = staging.staging.join(MARKER);
        fs::write(&marker, previous::MARKER_TEXT).map_err(io_error(&marker))?;
        Ok(staging)
    }

    /// Writes one file, and the folders it needs; safe to call from many
    /// threads at once. Refuses a path that would leave the output.
    pub(crate) fn put(&self, file: &OutputFile) -> Result<(), WriteError> {
        if !is_plain_relative(&file.path) {
            return Err(WriteError::Escapes {
                path: file.path.clone(),
            });
        }
        let target = self.staging.join(&file.path);
        let bytes = match &file.content {
            Content::Bytes(bytes) => bytes.as_slice(),
            Content::BuiltIn(bytes) => bytes,
            Content::Copy(source) => return self.copy_or_link(source, &target),
        };
        if let Previous::Folder { ours: true, .. } = self.previous {
            let previous = self.folder.join(&file.path);
            if unchanged(&previous, bytes)
                && in_folder(&target, |target| fs::hard_link(&previous, target)).is_ok()
            {
                return Ok(());
            }
        }
        in_folder(&target, |target| fs::write(target, bytes)).map_err(io_error(&target))
    }

    /// Puts the new site in the place of the old one, with the old one's
    /// dot files and `CNAME` (unless the site made its own).
    pub(crate) fn commit(self) -> Result<(), WriteError> {
        if let Previous::Folder {
            carried,
            permissions,
            ..
        } = &self.previous
        {
            for name in carried {
                let target = self.staging.join(name);
                if fs::symlink_metadata(&target).is_err() {
                    previous::mirror(&self.folder.join(name), &target)
                        .map_err(io_error(&self.folder.join(name)))?;
                }
            }
            fs::set_permissions(&self.staging, permissions.clone())
                .map_err(io_error(&self.staging))?;
        }
        swap(&self.folder, &self.staging, &self.retired)
    }
}

impl Drop for Staging {
    /// Whatever happened, nothing but the output folder is left behind.
    fn drop(&mut self) {
        remove_tree(&self.staging);
        remove_tree(&self.retired);
    }
}

/// Whether the previous build wrote exactly `bytes` at `path`.
/// A link there is not a page it wrote, whatever it points to.
fn unchanged(path: &Path, bytes: &[u8]) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && fs::read(path).is_ok_and(|old| old == bytes)
}

impl Staging {
    /// Puts a site file (an image beside an issue) into the output. A hard
    /// link when the file system allows it: creating files is what makes
    /// a build slow, and a link creates none. Otherwise a copy, made once
    /// and linked to from the other pages that show the same file.
    fn copy_or_link(&self, source: &Path, target: &Path) -> Result<(), WriteError> {
        use std::sync::atomic::Ordering;
        if self.links_work.load(Ordering::Relaxed) {
            if in_folder(target, |target| fs::hard_link(source, target)).is_ok() {
                return Ok(());
            }
            self.links_work.store(false, Ordering::Relaxed);
        }
        let first_copy = self
            .first_copies
            .lock()
            .ok()
            .and_then(|copies| copies.get(source).cloned());
        if let Some(first_copy) = first_copy
            && in_folder(target, |target| fs::hard_link(&first_copy, target)).is_ok()
        {
            return Ok(());
        }
        in_folder(target, |target| fs::copy(source, target)).map_err(io_error(source))?;
        if let Ok(mut copies) = self.first_copies.lock() {
            copies
                .entry(source.to_path_buf())
                .or_insert_with(|| target.to_path_buf());
        }
        Ok(())
    }
}

/// Runs `make` to create `target`, first making the folders above it if
/// they are missing. Folders are made as files need them, on the threads
/// that write the files: made beforehand, on their own, they were a
/// sequential step of the build.
fn in_folder<T>(target: &Path, make: impl Fn(&Path) -> io::Result<T>) -> io::Result<T> {
    match make(target) {
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            if let Some(folder) = target.parent() {
                fs::create_dir_all(folder)?;
            }
            make(target)
        }
        done => done,
    }
}

/// Removes a whole tree, its files in parallel: deleting the previous
/// site is as slow as writing it on some file systems. Links are removed,
/// never followed; read-only folders (a previous output someone made
/// read-only) are made writable first, so nothing is left behind.
fn remove_tree(root: &Path) {
    match fs::symlink_metadata(root) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => {
            let _ = fs::remove_file(root);
            return;
        }
        Err(_) => return,
    }
    let walk = || {
        walkdir::WalkDir::new(root)
            .follow_links(false)
            .follow_root_links(false)
            .into_iter()
            .filter_map(Result::ok)
    };
    let files: Vec<PathBuf> = walk()
        .filter(|e| !e.file_type().is_dir())
        .map(|e| e.into_path())
        .collect();
    files.par_iter().for_each(|file| {
        let _ = fs::remove_file(file);
    });
    if fs::remove_dir_all(root).is_ok() {
        return;
    }
    for folder in walk().filter(|e| e.file_type().is_dir()) {
        if let Ok(meta) = folder.metadata() {
            let _ = fs::set_permissions(folder.path(), writable(meta.permissions()));
        }
    }
    let _ = fs::remove_dir_all(root);
}

#[cfg(unix)]
fn writable(permissions: fs::Permissions) -> fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    fs::Permissions::from_mode(permissions.mode() | 0o700)
}

#[cfg(not(unix))]
fn writable(mut permissions: fs::Permissions) -> fs::Permissions {
    permissions.set_readonly(false);
    permissions
}

/// Puts `staging` in the place of `output`, moving the old one aside first.
fn swap(output: &Path, staging: &Path, retired: &Path) -> Result<(), WriteError> {
    let had_output = output.exists();
    if had_output {
        fs::rename(output, retired).map_err(io_error(output))?;
    }
    if let Err(source) = fs::rename(staging, output) {
        if had_output {
            let _ = fs::rename(retired, output);
        }
        return Err(WriteError::Io {
            path: output.to_path_buf(),
            source,
        });
    }
    Ok(())
}

/// Only plain names: no root, no `..`, no drive prefix.
fn is_plain_relative(path: &Path) -> bool {
    path.components().count() > 0 && path.components().all(|c| matches!(c, Component::Normal(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: PathBuf::from(path),
            content: Content::Bytes(text.as_bytes().to_vec()),
        }
    }

    #[test]
    fn replaces_the_output_whole_and_leaves_nothing_beside_it() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        write_site(
            &output,
            &[file("a/index.html", "one"), file("old.txt", "x")],
        )
        .unwrap();
        write_site(&output, &[file("a/index.html", "two")]).unwrap();
        assert_eq!(
            fs::read_to_string(output.join("a/index.html")).unwrap(),
            "two"
        );
        assert!(!output.join("old.txt").exists());
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["public"]);
    }

    #[cfg(unix)]
    #[test]
    fn unchanged_pages_are_linked_and_changed_ones_written_anew() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        write_site(
            &output,
            &[file("same.html", "one"), file("changes.html", "a")],
        )
        .unwrap();
        let inode = |name: &str| fs::metadata(output.join(name)).unwrap().ino();
        let (same, changes) = (inode("same.html"), inode("changes.html"));
        write_site(
            &output,
            &[file("same.html", "one"), file("changes.html", "b")],
        )
        .unwrap();
        assert_eq!(
            inode("same.html"),
            same,
            "identical bytes: the old file is linked"
        );
        assert_ne!(
            inode("changes.html"),
            changes,
            "new bytes: a new file, the old one untouched"
        );
        assert_eq!(
            fs::read_to_string(output.join("changes.html")).unwrap(),
            "b"
        );
    }

    #[test]
    fn refuses_paths_that_climb_out() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        let error = write_site(&output, &[file("../evil.html", "x")]).unwrap_err();
        assert!(matches!(error, WriteError::Escapes { .. }));
        assert!(!dir.path().join("evil.html").exists());
        assert!(!output.exists());
    }
}
