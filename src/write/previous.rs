//! What is at the output's place before a build, and whether `build` may
//! replace it: nothing, an empty folder, or a folder boletin wrote (it
//! holds `MARKER`). Anything else — a file, a folder of someone's files,
//! a deploy checkout boletin has not been given — is refused before
//! anything is written. An output that is a symbolic link stands for the
//! folder it points to.

use super::WriteError;
use std::ffi::OsString;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The file at the top of every output boletin writes, so that a later
/// build can tell the folder is its own. A dot file: static hosts do not
/// list it, and it says nothing about the site.
pub(crate) const MARKER: &str = ".boletin-output";

/// What `MARKER` says to whoever opens it.
pub(super) const MARKER_TEXT: &str = "This folder was written by `boletin build`, which replaces it whole on\n\
every build. Only the files and folders at the top whose names start with\n\
a dot (such as .git) and CNAME are kept from one build to the next.\n\
Delete this file to keep boletin from replacing the folder.\n";

/// What is at the output's place now.
pub(super) enum Previous {
    /// Nothing: the output is new.
    Nothing,
    /// An empty folder, or a folder boletin wrote: replaced.
    Folder {
        /// Whether boletin wrote it: its pages can be linked from.
        ours: bool,
        /// The names at its top that carry over into the new output.
        carried: Vec<OsString>,
        /// Its permissions, given to the new folder.
        permissions: fs::Permissions,
    },
}

/// The folder a build of `output` goes into: `output` itself, or the
/// folder it links to. Both spelled in full, without links.
pub(super) fn resolve(output: &Path) -> Result<PathBuf, WriteError> {
    match fs::symlink_metadata(output) {
        Ok(meta) if meta.file_type().is_symlink() => {
            fs::canonicalize(output).map_err(|_| WriteError::DanglingLink {
                output: output.to_path_buf(),
                target: fs::read_link(output).unwrap_or_default(),
            })
        }
        Ok(_) => Ok(fs::canonicalize(output).unwrap_or_else(|_| output.to_path_buf())),
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            // A new folder: its parent may be a link, or spelled with `..`.
            let (Some(parent), Some(name)) = (output.parent(), output.file_name()) else {
                return Ok(output.to_path_buf());
            };
            let parent = if parent.as_os_str().is_empty() {
                Path::new(".")
            } else {
                parent
            };
            Ok(fs::canonicalize(parent)
                .map(|parent| parent.join(name))
                .unwrap_or_else(|_| output.to_path_buf()))
        }
        Err(source) => Err(WriteError::Io {
            path: output.to_path_buf(),
            source,
        }),
    }
}

/// What is at `folder`, or why it may not be replaced.
pub(super) fn inspect(folder: &Path) -> Result<Previous, WriteError> {
    let io_error = |source| WriteError::Io {
        path: folder.to_path_buf(),
        source,
    };
    let meta = match fs::metadata(folder) {
        Ok(meta) => meta,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Previous::Nothing),
        Err(error) => return Err(io_error(error)),
    };
    if !meta.is_dir() {
        return Err(WriteError::NotAFolder {
            output: folder.to_path_buf(),
        });
    }
    let mut names = Vec::new();
    for entry in fs::read_dir(folder).map_err(io_error)? {
        names.push(entry.map_err(io_error)?.file_name());
    }
    names.sort();
    let marked = fs::symlink_metadata(folder.join(MARKER)).is_ok_and(|m| m.is_file());
    if !names.is_empty() && !marked {
        return Err(WriteError::NotOurs {
            output: folder.to_path_buf(),
            found: some_names(&names),
        });
    }
    Ok(Previous::Folder {
        ours: marked,
        carried: names.into_iter().filter(carries_over).collect(),
        permissions: meta.permissions(),
    })
}

/// Whether a name at the top of a previous output is kept in the next:
/// dot files (`.git`, `.nojekyll`, `.well-known`) and `CNAME`, which a
/// deploy checkout has and a build does not make.
fn carries_over(name: &OsString) -> bool {
    let name = name.to_string_lossy();
    (name.starts_with('.') && name != MARKER) || name == "CNAME"
}

/// "`.git`, `CNAME`, `index.html` and 2 more".
fn some_names(names: &[OsString]) -> String {
    const SHOWN: usize = 4;
    let mut shown: Vec<String> = names
        .iter()
        .take(SHOWN)
        .map(|n| format!("`{}`", n.to_string_lossy()))
        .collect();
    if names.len() > SHOWN {
        shown.push(format!("{} more", names.len() - SHOWN));
    }
    match shown.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => shown.join(""),
    }
}

/// Puts a copy of `from` (a file, a link or a whole folder) at `to`,
/// files as hard links where the file system allows: a `.git` carried
/// over stays whole in the previous output until the new one is in
/// place, whenever the build is stopped.
pub(super) fn mirror(from: &Path, to: &Path) -> io::Result<()> {
    let mut folders = Vec::new();
    for entry in walkdir::WalkDir::new(from)
        .follow_links(false)
        .follow_root_links(false)
    {
        let entry = entry.map_err(io::Error::other)?;
        let relative = entry.path().strip_prefix(from).map_err(io::Error::other)?;
        // `join("")` would add a `/`, which a file's name cannot end in.
        let target = if relative.as_os_str().is_empty() {
            to.to_path_buf()
        } else {
            to.join(relative)
        };
        let kind = entry.file_type();
        if kind.is_dir() {
            fs::create_dir(&target)?;
            folders.push((
                target,
                entry.metadata().map_err(io::Error::other)?.permissions(),
            ));
        } else if kind.is_symlink() {
            copy_link(entry.path(), &target)?;
        } else if kind.is_file() && fs::hard_link(entry.path(), &target).is_err() {
            fs::copy(entry.path(), &target)?;
        }
        // Sockets and pipes are not files anyone publishes: left out.
    }
    // Last, and deepest first: a read-only folder takes no new entries.
    for (folder, permissions) in folders.into_iter().rev() {
        fs::set_permissions(folder, permissions)?;
    }
    Ok(())
}

#[cfg(unix)]
fn copy_link(link: &Path, target: &Path) -> io::Result<()> {
    std::os::unix::fs::symlink(fs::read_link(link)?, target)
}

#[cfg(not(unix))]
fn copy_link(link: &Path, target: &Path) -> io::Result<()> {
    fs::copy(link, target).map(drop)
}
