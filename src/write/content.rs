//! Writes content files for `new` and `translate`: the only code that
//! writes into the site's own folders. A file appears whole or not at all
//! (written beside its place, then moved there), a new file never replaces
//! one, and nothing is written through a symbolic link that leads outside
//! the site (the rule `load` applies to what it reads).

use crate::load::boundary::{Refused, SiteFolder};
use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Creates the file `relative` under the site's `root` with `text`,
/// refusing to replace one that exists.
pub(crate) fn create_new(root: &Path, relative: &Path, text: &str) -> io::Result<()> {
    let path = vetted(root, relative)?;
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    let temporary = write_beside(&path, text, None)?;
    // A hard link fails if the name is taken, where a rename would
    // replace the file: the one way to publish a whole file without
    // ever overwriting one.
    let linked = fs::hard_link(&temporary, &path);
    let _ = fs::remove_file(&temporary);
    linked
}

/// Replaces the file `relative` under the site's `root` with `text`,
/// keeping its permissions.
pub(crate) fn replace(root: &Path, relative: &Path, text: &str) -> io::Result<()> {
    let path = vetted(root, relative)?;
    let permissions = fs::metadata(&path)?.permissions();
    let temporary = write_beside(&path, text, Some(permissions))?;
    fs::rename(&temporary, &path).inspect_err(|_| {
        let _ = fs::remove_file(&temporary);
    })
}

/// The real place of `relative` under `root` (through any link that stays
/// inside the site), if writing there stays inside the site. Writing at
/// the real place keeps a link a link: a rename onto the link itself
/// would replace it with a file, deleting what the person made.
fn vetted(root: &Path, relative: &Path) -> io::Result<PathBuf> {
    let path = root.join(relative);
    match SiteFolder::new(root).vet(&path) {
        Ok(real) => Ok(real.to_path_buf()),
        Err(Refused::LeadsOutside { link }) => Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            format!(
                "{} is a symbolic link that leads outside the site's folder, and nothing is written through it",
                link.display()
            ),
        )),
        Err(refused) => Err(io::Error::other(format!(
            "{}: {refused}",
            refused.path().display()
        ))),
    }
}

/// Writes `text` into a new hidden file in `path`'s folder (so that a
/// rename is a move within one file system), flushed to disk.
fn write_beside(
    path: &Path,
    text: &str,
    permissions: Option<fs::Permissions>,
) -> io::Result<PathBuf> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // A run killed mid-write leaves its temporary file (hidden, so never
    // read as content): the next name is tried, so that it cannot make
    // this write fail as if the file itself were there.
    let mut attempt = 0;
    let (temporary, mut file) = loop {
        let temporary = path.with_file_name(format!(
            ".{name}.boletin-{}-{attempt}.tmp",
            std::process::id()
        ));
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)
        {
            Ok(file) => break (temporary, file),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => {
                attempt += 1;
            }
            Err(error) => return Err(error),
        }
    };
    let written = file
        .write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .and_then(|()| match permissions {
            Some(permissions) => file.set_permissions(permissions),
            None => Ok(()),
        });
    if let Err(error) = written {
        let _ = fs::remove_file(&temporary);
        return Err(error);
    }
    Ok(temporary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_never_replaces_one_and_a_replaced_file_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let site = std::env::temp_dir().join(format!("boletin-content-{}", std::process::id()));
        let _ = fs::remove_dir_all(&site);
        fs::create_dir_all(&site).unwrap();
        let relative = Path::new("content/issues/a/index.en.md");
        create_new(&site, relative, "first").unwrap();
        let again = create_new(&site, relative, "second").unwrap_err();
        assert_eq!(again.kind(), io::ErrorKind::AlreadyExists);
        let path = site.join(relative);
        assert_eq!(fs::read_to_string(&path).unwrap(), "first");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        replace(&site, relative, "third").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "third");
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        // Nothing is left beside it.
        let names: Vec<_> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
        fs::remove_dir_all(&site).unwrap();
    }

    #[test]
    fn replacing_a_file_reached_by_a_link_inside_the_site_keeps_the_link() {
        let site = std::env::temp_dir().join(format!("boletin-link-{}", std::process::id()));
        let _ = fs::remove_dir_all(&site);
        let folder = site.join("content/issues/a");
        fs::create_dir_all(&folder).unwrap();
        fs::write(folder.join("shared.md"), "old").unwrap();
        std::os::unix::fs::symlink("shared.md", folder.join("index.es.md")).unwrap();
        replace(&site, Path::new("content/issues/a/index.es.md"), "new").unwrap();
        let link = folder.join("index.es.md");
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(folder.join("shared.md")).unwrap(), "new");
        fs::remove_dir_all(&site).unwrap();
    }
}
