//! The only module that writes the output folder.
//!
//! A build is written into a staging folder beside the output and swapped
//! in only when every file is written, so a failed build leaves the
//! previous site exactly as it was. The staging folder is always removed
//! before the command ends.

use crate::render::{Content, OutputFile};
use rayon::prelude::*;
use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use thiserror::Error;

/// Why the output could not be written.
#[derive(Debug, Error)]
pub enum WriteError {
    #[error("cannot write {path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("refusing to write {path}: it would land outside the output folder")]
    Escapes { path: PathBuf },
    #[error("the output folder {output} has no parent folder to stage the build in")]
    NoParent { output: PathBuf },
}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> WriteError + '_ {
    move |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    }
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
pub struct Staging {
    output: PathBuf,
    staging: PathBuf,
    retired: PathBuf,
    /// Whether there is a previous output to link unchanged pages from.
    has_previous: bool,
    /// Cleared at the first failed hard link of a site file (another file
    /// system), so the rest are copied without trying.
    links_work: std::sync::atomic::AtomicBool,
    /// Where each site file was first copied to, when it had to be copied:
    /// its copies beside other languages' pages link to that one.
    first_copies: std::sync::Mutex<HashMap<PathBuf, PathBuf>>,
}

impl Staging {
    /// Prepares an empty staging folder beside `output`.
    pub fn begin(output: &Path) -> Result<Staging, WriteError> {
        let parent = output.parent().ok_or_else(|| WriteError::NoParent {
            output: output.to_path_buf(),
        })?;
        let name = output
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| "public".to_string());
        fs::create_dir_all(parent).map_err(io_error(parent))?;
        let staging = Staging {
            output: output.to_path_buf(),
            staging: parent.join(format!(".{name}.boletin-staging-{}", std::process::id())),
            retired: parent.join(format!(".{name}.boletin-old-{}", std::process::id())),
            has_previous: output.is_dir(),
            links_work: std::sync::atomic::AtomicBool::new(true),
            first_copies: std::sync::Mutex::default(),
        };
        remove_tree(&staging.staging);
        fs::create_dir_all(&staging.staging).map_err(io_error(&staging.staging))?;
        Ok(staging)
    }

    /// Writes one file, and the folders it needs; safe to call from many
    /// threads at once. Refuses a path that would leave the output.
    pub fn put(&self, file: &OutputFile) -> Result<(), WriteError> {
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
        if self.has_previous {
            let previous = self.output.join(&file.path);
            if unchanged(&previous, bytes)
                && in_folder(&target, |target| fs::hard_link(&previous, target)).is_ok()
            {
                return Ok(());
            }
        }
        in_folder(&target, |target| fs::write(target, bytes)).map_err(io_error(&target))
    }

    /// Puts the new site in the place of the old one.
    pub fn commit(self) -> Result<(), WriteError> {
        swap(&self.output, &self.staging, &self.retired)
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
fn unchanged(path: &Path, bytes: &[u8]) -> bool {
    fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
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
/// site is as slow as writing it on some file systems.
fn remove_tree(root: &Path) {
    if !root.exists() {
        return;
    }
    let files: Vec<PathBuf> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| !e.file_type().is_dir())
        .map(|e| e.into_path())
        .collect();
    files.par_iter().for_each(|file| {
        let _ = fs::remove_file(file);
    });
    let _ = fs::remove_dir_all(root);
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
