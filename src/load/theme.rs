//! The theme: Tera templates and static files.
//!
//! The default theme is compiled into the binary, so a site without a
//! `themes/` folder still builds. A site overrides any single template by
//! putting a file of the same name in `themes/<name>/templates/`.

use super::boundary::{SiteEntry, SiteFolder, VettedPath};
use crate::diagnostics::Diagnostic;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

macro_rules! built_in {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../themes/default/templates/", $name)))),*]
    };
}

/// The default theme's templates, as shipped in `themes/default/templates/`.
const BUILT_IN_TEMPLATES: &[(&str, &str)] = built_in!(
    "base.html",
    "macros.html",
    "entry.html",
    "years.html",
    "chooser.html",
    "archive.html",
    "issue.html",
    "page.html",
    "tags.html",
    "tag.html",
    "latest.html",
    "404.html",
    "atom.xml",
    "rss.xml",
    "sitemap.xml",
);

/// The default theme's static files.
const BUILT_IN_STATIC: &[(&str, &[u8])] = &[(
    "style.css",
    include_bytes!("../../themes/default/static/style.css"),
)];

/// A template's text and where it came from.
#[derive(Clone, Debug)]
pub struct Template {
    pub name: String,
    /// Shown in diagnostics: the site's file, or the built-in theme's.
    pub path: PathBuf,
    pub text: String,
}

/// Where a static file's bytes come from.
#[derive(Clone, Debug)]
pub enum StaticSource {
    BuiltIn(&'static [u8]),
    /// A file vetted to lie inside the site: never a link.
    Disk(VettedPath),
}

/// A file copied into the output as it is.
#[derive(Clone, Debug)]
pub struct StaticFile {
    /// Relative path in the output.
    pub output: PathBuf,
    pub source: StaticSource,
    /// Where it comes from, as diagnostics name it: its path relative to
    /// the site root, or the built-in theme's.
    pub origin: PathBuf,
}

/// Templates by name and static files, with the site's overrides applied.
#[derive(Clone, Debug, Default)]
pub struct Theme {
    pub templates: Vec<Template>,
    pub statics: Vec<StaticFile>,
}

impl Theme {
    /// The built-in theme overlaid with `themes/<name>/`, plus `static/`,
    /// under the site's root. A theme folder's files replace the built-in
    /// theme's of the same name; a file of `static/` at the path of a
    /// theme's file is an error, since one of the two would be lost.
    pub fn load(site: &SiteFolder, name: &str, diagnostics: &mut Vec<Diagnostic>) -> Theme {
        let root = site.root();
        let mut templates: BTreeMap<String, Template> = BTreeMap::new();
        let mut statics: BTreeMap<PathBuf, StaticFile> = BTreeMap::new();
        let theme_dir = root.join("themes").join(name);
        if name == "default" {
            for (file, text) in BUILT_IN_TEMPLATES {
                templates.insert(
                    file.to_string(),
                    Template {
                        name: file.to_string(),
                        path: PathBuf::from("themes/default/templates").join(file),
                        text: text.to_string(),
                    },
                );
            }
            for (file, bytes) in BUILT_IN_STATIC {
                statics.insert(
                    PathBuf::from(file),
                    StaticFile {
                        output: PathBuf::from(file),
                        source: StaticSource::BuiltIn(bytes),
                        origin: PathBuf::from("themes/default/static").join(file),
                    },
                );
            }
        } else if !theme_dir.is_dir() {
            diagnostics.push(
                Diagnostic::error("boletin.yaml", format!("the theme `{name}` does not exist"))
                    .help(format!("create themes/{name}/templates/, or remove `theme:` to use the default theme")),
            );
            return Theme::default();
        }
        for (file, relative) in files_under(site, &theme_dir.join("templates"), diagnostics) {
            let name = relative.to_string_lossy().replace('\\', "/");
            let path = site.relative(&file.path);
            match std::fs::read_to_string(&file.real) {
                Ok(text) => {
                    templates.insert(name.clone(), Template { name, path, text });
                }
                Err(e) => diagnostics.push(Diagnostic::error(
                    path,
                    format!("cannot read the template: {e}"),
                )),
            }
        }
        for (file, relative) in files_under(site, &theme_dir.join("static"), diagnostics) {
            let static_file = StaticFile {
                output: relative.clone(),
                source: StaticSource::Disk(file.real),
                origin: site.relative(&file.path),
            };
            statics.insert(relative, static_file);
        }
        for (file, relative) in files_under(site, &root.join("static"), diagnostics) {
            let origin = site.relative(&file.path);
            if let Some(theirs) = statics.get(&relative) {
                diagnostics.push(
                    Diagnostic::error(
                        &origin,
                        format!(
                            "{} and the theme's {} would both be published as {}",
                            origin.display(),
                            theirs.origin.display(),
                            relative.display()
                        ),
                    )
                    .help(format!(
                        "rename or move {}; to change the theme's file, put your version at themes/{name}/static/{} instead",
                        origin.display(),
                        relative.display()
                    )),
                );
                continue;
            }
            let static_file = StaticFile {
                output: relative.clone(),
                source: StaticSource::Disk(file.real),
                origin,
            };
            statics.insert(relative, static_file);
        }
        Theme {
            templates: templates.into_values().collect(),
            statics: statics.into_values().collect(),
        }
    }
}

/// Files under `folder` (each as the walk found it, and its path relative
/// to `folder`), sorted, without hidden files; what is refused is reported.
fn files_under(
    site: &SiteFolder,
    folder: &Path,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<(SiteEntry, PathBuf)> {
    let mut files = Vec::new();
    for entry in site.walk(folder, usize::MAX) {
        match entry {
            Ok(entry) if !entry.is_dir => {
                let relative = entry
                    .path
                    .strip_prefix(folder)
                    .unwrap_or(&entry.path)
                    .to_path_buf();
                files.push((entry, relative));
            }
            Ok(_) => {}
            Err(refused) => diagnostics.push(refused.into()),
        }
    }
    files
}
