//! The one rule every file the site reads passes: it lies inside the
//! site's folder, and its name is UTF-8 text.
//!
//! A symbolic link that stays inside the site (real paths compared, the
//! root's own links resolved) is followed. One that leads outside it, to
//! `/etc/passwd` or someone's home folder, or to nothing at all, is
//! refused by name, and nothing it points to is opened, listed, read,
//! copied or printed. A name that is not UTF-8 is refused too: converted
//! with replacement characters, two different names could become one.
//!
//! `load` asks here before it opens anything, and hands later stages only
//! the paths it gets back: real paths, with links resolved, so a file
//! copied or linked into the output later is the vetted file itself and
//! never a link. Nothing else in the program walks the site's folders.

use super::is_hidden;
use crate::diagnostics::Diagnostic;
use std::ffi::OsStr;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use thiserror::Error;
use walkdir::WalkDir;

/// Links followed inside links before the walk gives up: a site needs
/// few, and a chain this long is a mistake.
const MAX_FOLLOWED_LINKS: usize = 40;

/// Why a path of the site is not read. Paths are relative to the site root.
#[derive(Debug, Error)]
pub(crate) enum Refused {
    #[error(
        "this is a symbolic link that leads outside the site's folder; nothing it points to is read or published"
    )]
    LeadsOutside { link: PathBuf },
    #[error("this is a symbolic link to something that does not exist")]
    LeadsNowhere { link: PathBuf },
    #[error(
        "this symbolic link leads back into a folder that holds it, so the folder would never end"
    )]
    Loop { link: PathBuf },
    #[error("the name `{name}` in this folder is not UTF-8 text")]
    NotUtf8 {
        folder: PathBuf,
        /// The name with each byte that is not UTF-8 written as `\xNN`.
        name: String,
        /// The name read as Latin-1, when that is a likely reading.
        guess: Option<String>,
    },
    #[error("cannot read this folder: {source}")]
    Unreadable { path: PathBuf, source: io::Error },
}

impl Refused {
    /// The file or folder the problem is about, relative to the site root.
    pub(crate) fn path(&self) -> &Path {
        match self {
            Refused::LeadsOutside { link }
            | Refused::LeadsNowhere { link }
            | Refused::Loop { link } => link,
            Refused::NotUtf8 { folder, .. } => folder,
            Refused::Unreadable { path, .. } => path,
        }
    }

    fn help(&self) -> String {
        match self {
            Refused::LeadsOutside { .. } => "copy what it points to into the site's folder and remove the link, or point the link at a place inside the site".to_string(),
            Refused::LeadsNowhere { .. } => "remove the link, or put the file it should point to inside the site's folder".to_string(),
            Refused::Loop { .. } => "remove the link, or point it at a folder that does not hold it".to_string(),
            Refused::NotUtf8 { guess: Some(guess), .. } => format!(
                "rename it with your file manager, probably to `{guess}`; names are read as UTF-8 text, which every current system writes"
            ),
            Refused::NotUtf8 { guess: None, .. } => "rename it with your file manager; names are read as UTF-8 text, which every current system writes".to_string(),
            Refused::Unreadable { .. } => "check that you are allowed to read the folder".to_string(),
        }
    }
}

impl From<Refused> for Diagnostic {
    fn from(refused: Refused) -> Diagnostic {
        let help = refused.help();
        Diagnostic::error(refused.path(), refused.to_string()).help(help)
    }
}

/// A path that passed the rule: every link on the way leads inside the
/// site, and a final link is resolved, so it names the file itself. Only
/// this module makes one, so whatever holds one (an asset, a static file)
/// was vetted.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct VettedPath(PathBuf);

impl std::ops::Deref for VettedPath {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<Path> for VettedPath {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}

/// A file or folder found inside the site.
#[derive(Clone, Debug)]
pub(crate) struct SiteEntry {
    /// Where the site lists it: under the walked folder, links unresolved,
    /// so that output paths mirror the site's layout.
    pub(crate) path: PathBuf,
    /// What to read or copy.
    pub(crate) real: VettedPath,
    /// 1 for an entry of the walked folder itself.
    pub(crate) depth: usize,
    pub(crate) is_dir: bool,
}

/// The site's folder, and the rule for the paths under it.
#[derive(Clone, Debug)]
pub(crate) struct SiteFolder {
    root: PathBuf,
    /// The root with its own links resolved, to compare real paths with.
    real_root: PathBuf,
}

impl SiteFolder {
    pub(crate) fn new(root: &Path) -> SiteFolder {
        let real_root = root
            .canonicalize()
            .or_else(|_| std::path::absolute(root))
            .unwrap_or_else(|_| root.to_path_buf());
        SiteFolder {
            root: root.to_path_buf(),
            real_root,
        }
    }

    /// The root as given (`--root`).
    pub(crate) fn root(&self) -> &Path {
        &self.root
    }

    /// `path` relative to the root, as diagnostics show it.
    pub(crate) fn relative(&self, path: &Path) -> PathBuf {
        path.strip_prefix(&self.root).unwrap_or(path).to_path_buf()
    }

    /// Checks `path` (under the root) one component at a time: every link
    /// on the way must lead inside the site, and it is followed only once
    /// it is known to. Returns the path to read: `path` itself when no
    /// link is on the way (or it does not exist: reading it then fails
    /// as it should), its real path otherwise.
    pub(crate) fn vet(&self, path: &Path) -> Result<VettedPath, Refused> {
        let Ok(inside) = path.strip_prefix(&self.root) else {
            return self.resolve(path, path).map(VettedPath);
        };
        let mut prefix = self.root.clone();
        let mut resolved = false;
        for component in inside.components() {
            match component {
                Component::Normal(name) => prefix.push(name),
                Component::CurDir => continue,
                Component::ParentDir => {
                    prefix.push("..");
                    self.resolve(&prefix, &prefix)?;
                    resolved = true;
                    continue;
                }
                Component::RootDir | Component::Prefix(_) => {
                    return Err(Refused::LeadsOutside {
                        link: self.relative(path),
                    });
                }
            }
            match fs::symlink_metadata(&prefix) {
                Ok(meta) if meta.file_type().is_symlink() => {
                    self.resolve(&prefix, &prefix)?;
                    resolved = true;
                }
                Ok(_) => {}
                Err(_) => break,
            }
        }
        if resolved {
            Ok(VettedPath(
                path.canonicalize().unwrap_or_else(|_| path.to_path_buf()),
            ))
        } else {
            Ok(VettedPath(path.to_path_buf()))
        }
    }

    /// The real path of `path`, which must lie inside the site; `link` is
    /// what a refusal names.
    fn resolve(&self, path: &Path, link: &Path) -> Result<PathBuf, Refused> {
        let link = self.relative(link);
        let real = path
            .canonicalize()
            .map_err(|_| Refused::LeadsNowhere { link: link.clone() })?;
        if real.starts_with(&self.real_root) {
            Ok(real)
        } else {
            Err(Refused::LeadsOutside { link })
        }
    }

    /// Every file and folder under `folder` (itself vetted first), in
    /// the order of their names, hidden ones left out; `max_depth` 1
    /// lists only the folder's own entries. Links are followed when they
    /// stay inside the site; everything refused is in the list, in its
    /// place, for the caller to report.
    pub(crate) fn walk(&self, folder: &Path, max_depth: usize) -> Vec<Result<SiteEntry, Refused>> {
        let real = match self.vet(folder) {
            Ok(real) => real,
            Err(refused) => return vec![Err(refused)],
        };
        if !real.is_dir() {
            return Vec::new();
        }
        Walk::new(self, real.0, max_depth).run(folder)
    }

    /// `walk` of a folder already found by a walk, which vetted it.
    pub(crate) fn walk_entry(
        &self,
        folder: &SiteEntry,
        max_depth: usize,
    ) -> Vec<Result<SiteEntry, Refused>> {
        Walk::new(self, folder.real.0.clone(), max_depth).run(&folder.path)
    }
}

/// One walk under way: how deep it may go, the real folders it is inside
/// (to tell a link that loops), and what it found so far, in order.
struct Walk<'a> {
    site: &'a SiteFolder,
    max_depth: usize,
    followed: Vec<PathBuf>,
    found: Vec<Result<SiteEntry, Refused>>,
}

impl<'a> Walk<'a> {
    /// A walk of the folder whose real path is `real`.
    fn new(site: &'a SiteFolder, real: PathBuf, max_depth: usize) -> Walk<'a> {
        Walk {
            site,
            max_depth,
            followed: vec![real],
            found: Vec::new(),
        }
    }

    /// Walks `folder` and hands back what it found.
    fn run(mut self, folder: &Path) -> Vec<Result<SiteEntry, Refused>> {
        self.folder(folder, 0);
        self.found
    }

    /// Walks `folder` (vetted), whose entries are `depth + 1` deep in the
    /// walk.
    fn folder(&mut self, folder: &Path, depth: usize) {
        let mut entries = WalkDir::new(folder)
            .min_depth(1)
            .max_depth(self.max_depth.saturating_sub(depth))
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(&e.file_name().to_string_lossy()));
        while let Some(entry) = entries.next() {
            let entry = match entry {
                Ok(entry) => entry,
                Err(error) => {
                    let path = error.path().unwrap_or(folder);
                    self.found.push(Err(Refused::Unreadable {
                        path: self.site.relative(path),
                        source: error
                            .into_io_error()
                            .unwrap_or_else(|| io::Error::other("unreadable")),
                    }));
                    continue;
                }
            };
            let is_dir = entry.file_type().is_dir();
            if entry.file_name().to_str().is_none() {
                self.found.push(Err(not_utf8(self.site, entry.path())));
                if is_dir {
                    entries.skip_current_dir();
                }
                continue;
            }
            let depth = depth + entry.depth();
            if entry.path_is_symlink() {
                self.link(entry.path(), depth);
            } else if is_dir || entry.file_type().is_file() {
                self.found.push(Ok(SiteEntry {
                    path: entry.path().to_path_buf(),
                    real: VettedPath(entry.path().to_path_buf()),
                    depth,
                    is_dir,
                }));
            }
        }
    }

    /// A symbolic link at `link`, `depth` deep: refused unless it leads
    /// inside the site and, to a folder, not back into one being walked;
    /// a folder it leads to is walked in its place.
    fn link(&mut self, link: &Path, depth: usize) {
        let real = match self.site.resolve(link, link) {
            Ok(real) => real,
            Err(refused) => {
                self.found.push(Err(refused));
                return;
            }
        };
        if real.is_file() {
            self.found.push(Ok(SiteEntry {
                path: link.to_path_buf(),
                real: VettedPath(real),
                depth,
                is_dir: false,
            }));
        } else if real.is_dir() {
            let here = link.parent().and_then(|p| p.canonicalize().ok());
            let loops = self
                .followed
                .iter()
                .chain(&here)
                .any(|f| f.starts_with(&real))
                || self.followed.len() > MAX_FOLLOWED_LINKS;
            if loops {
                self.found.push(Err(Refused::Loop {
                    link: self.site.relative(link),
                }));
                return;
            }
            self.found.push(Ok(SiteEntry {
                path: link.to_path_buf(),
                real: VettedPath(real.clone()),
                depth,
                is_dir: true,
            }));
            if depth < self.max_depth {
                self.followed.push(real);
                self.folder(link, depth);
                self.followed.pop();
            }
        }
    }
}

/// The refusal of `path`, whose name is not UTF-8.
pub(super) fn not_utf8(site: &SiteFolder, path: &Path) -> Refused {
    let name = path.file_name().unwrap_or_default();
    Refused::NotUtf8 {
        folder: site.relative(path.parent().unwrap_or(site.root())),
        name: escaped(name),
        guess: latin1(name),
    }
}

/// `name` with every byte that is not part of UTF-8 text written `\xNN`.
pub(crate) fn escaped(name: &OsStr) -> String {
    let mut out = String::new();
    for chunk in name.as_encoded_bytes().utf8_chunks() {
        out.push_str(chunk.valid());
        for byte in chunk.invalid() {
            out.push_str(&format!("\\x{byte:02X}"));
        }
    }
    out
}

/// `name` read as Latin-1, the usual encoding of names that are not
/// UTF-8 (`caf\xE9` is `café`), when its other characters are ASCII and
/// the reading gives printable letters.
fn latin1(name: &OsStr) -> Option<String> {
    let bytes = name.as_encoded_bytes();
    let guess: String = bytes.iter().map(|&b| char::from(b)).collect();
    let plausible =
        bytes.iter().all(|&b| b.is_ascii() || b >= 0xA0) && !guess.chars().any(char::is_control);
    plausible.then_some(guess)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_that_are_not_utf8_are_written_out() {
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let name = OsStr::from_bytes(b"caf\xE9.en.md");
            assert_eq!(escaped(name), "caf\\xE9.en.md");
            assert_eq!(latin1(name).as_deref(), Some("café.en.md"));
            assert_eq!(latin1(OsStr::from_bytes(b"a\x81")), None);
        }
        assert_eq!(escaped(OsStr::new("año.md")), "año.md");
    }

    #[cfg(unix)]
    #[test]
    fn links_are_followed_inside_the_site_and_refused_outside_it() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret"), "root:x:0:0\n").unwrap();
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        std::fs::create_dir_all(root.join("static/real")).unwrap();
        std::fs::write(root.join("static/real/a.txt"), "a").unwrap();
        std::os::unix::fs::symlink("real", root.join("static/inside")).unwrap();
        std::os::unix::fs::symlink(outside.path(), root.join("static/out")).unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret"), root.join("static/s")).unwrap();
        std::os::unix::fs::symlink("..", root.join("static/real/up")).unwrap();
        std::fs::create_dir_all(root.join("static/real/deeper")).unwrap();
        std::os::unix::fs::symlink("..", root.join("static/real/deeper/back")).unwrap();
        let folder = SiteFolder::new(root);
        let found = folder.walk(&root.join("static"), usize::MAX);
        let files: Vec<PathBuf> = found
            .iter()
            .filter_map(|f| f.as_ref().ok())
            .filter(|e| !e.is_dir)
            .map(|e| folder.relative(&e.path))
            .collect();
        assert_eq!(
            files,
            [
                PathBuf::from("static/inside/a.txt"),
                PathBuf::from("static/real/a.txt")
            ]
        );
        let refused: Vec<String> = found
            .iter()
            .filter_map(|f| f.as_ref().err())
            .map(|r| format!("{} {r}", r.path().display()))
            .collect();
        assert_eq!(refused.len(), 6, "{refused:?}");
        assert!(
            refused[0].starts_with("static/inside/deeper/back "),
            "{refused:?}"
        );
        assert!(refused[1].starts_with("static/inside/up "), "{refused:?}");
        assert!(refused[2].starts_with("static/out this is a symbolic link that leads outside"));
        assert!(
            refused[3].starts_with("static/real/deeper/back "),
            "{refused:?}"
        );
        assert!(refused[4].starts_with("static/real/up "), "{refused:?}");
        assert!(refused[5].starts_with("static/s this is a symbolic link that leads outside"));
        assert!(matches!(
            folder.vet(&root.join("static/out/secret")),
            Err(Refused::LeadsOutside { link }) if link == Path::new("static/out")
        ));
        assert_eq!(
            *folder.vet(&root.join("static/inside/a.txt")).unwrap(),
            *root.canonicalize().unwrap().join("static/real/a.txt")
        );
    }
}
