//! The site's files a command asks for one at a time, by name:
//! `boletin.yaml`, a file it changes one line of, a file the preview
//! serves; and whether something is at a path. Reads go through
//! `boundary`, so never through a link that leads outside the site.

use super::boundary::SiteFolder;
use crate::config::{CONFIG_FILE, Config};
use crate::diagnostics::Diagnostic;
use std::path::Path;

/// Reads and validates `boletin.yaml` under `root`; `base_url_override`
/// is the `--base-url` flag.
pub(crate) fn config(
    root: &Path,
    base_url_override: Option<&str>,
) -> Result<Config, Vec<Diagnostic>> {
    let path = SiteFolder::new(root)
        .vet(&root.join(CONFIG_FILE))
        .map_err(|refused| vec![refused.into()])?;
    let text = std::fs::read_to_string(path).map_err(|error| {
        vec![
            Diagnostic::error(CONFIG_FILE, format!("cannot read {CONFIG_FILE}: {error}")).help(
                "run boletin in the site's folder, or point --root at the folder that holds boletin.yaml",
            ),
        ]
    })?;
    Config::from_text(&text, base_url_override)
}

/// The text of the site's file `relative`, for a command that changes
/// one line of it; never through a link that leads outside the site.
pub(crate) fn file_text(root: &Path, relative: &Path) -> std::io::Result<String> {
    let path = SiteFolder::new(root)
        .vet(&root.join(relative))
        .map_err(|refused| std::io::Error::other(refused.to_string()))?;
    std::fs::read_to_string(path)
}

/// Whether `relative` is a file of the site (following links).
pub(crate) fn is_file(root: &Path, relative: &Path) -> bool {
    root.join(relative).is_file()
}

/// The bytes of a file `load` vetted, read when the preview is asked for it.
pub(crate) fn vetted_file(path: &Path) -> std::io::Result<Vec<u8>> {
    std::fs::read(path)
}

/// Whether something (a file, a folder) is at `relative` in the site.
pub(crate) fn is_taken(root: &Path, relative: &Path) -> bool {
    root.join(relative).symlink_metadata().is_ok()
}
