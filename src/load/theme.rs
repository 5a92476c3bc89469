//! The theme: Tera templates and static files.
//!
//! The default theme is compiled into the binary, so a site without a
//! `themes/` folder still builds. A site overrides any single template by
//! putting a file of the same name in `themes/<name>/templates/`.

use crate::diagnostics::Diagnostic;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

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
    Disk(PathBuf),
}

/// A file copied into the output as it is.
#[derive(Clone, Debug)]
pub struct StaticFile {
    /// Relative path in the output.
    pub output: PathBuf,
    pub source: StaticSource,
}

/// Templates by name and static files, with the site's overrides applied.
#[derive(Clone, Debug, Default)]
pub struct Theme {
    pub templates: Vec<Template>,
    pub statics: Vec<StaticFile>,
}

impl Theme {
    /// The built-in theme overlaid with `themes/<name>/` and `static/` under `root`.
    pub fn load(root: &Path, name: &str, diagnostics: &mut Vec<Diagnostic>) -> Theme {
        let mut templates: BTreeMap<String, Template> = BTreeMap::new();
        let mut statics: BTreeMap<PathBuf, StaticSource> = BTreeMap::new();
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
                statics.insert(PathBuf::from(file), StaticSource::BuiltIn(bytes));
            }
        } else if !theme_dir.is_dir() {
            diagnostics.push(
                Diagnostic::error("boletin.yaml", format!("the theme `{name}` does not exist"))
                    .help(format!("create themes/{name}/templates/, or remove `theme:` to use the default theme")),
            );
            return Theme::default();
        }
        for (file, relative) in files_under(&theme_dir.join("templates")) {
            let name = relative.to_string_lossy().replace('\\', "/");
            match std::fs::read_to_string(&file) {
                Ok(text) => {
                    let path = file.strip_prefix(root).unwrap_or(&file).to_path_buf();
                    templates.insert(name.clone(), Template { name, path, text });
                }
                Err(e) => diagnostics.push(Diagnostic::error(
                    file.strip_prefix(root).unwrap_or(&file),
                    format!("cannot read the template: {e}"),
                )),
            }
        }
        for folder in [theme_dir.join("static"), root.join("static")] {
            for (file, relative) in files_under(&folder) {
                statics.insert(relative, StaticSource::Disk(file));
            }
        }
        Theme {
            templates: templates.into_values().collect(),
            statics: statics
                .into_iter()
                .map(|(output, source)| StaticFile { output, source })
                .collect(),
        }
    }
}

/// Files under `folder` (absolute path, path relative to `folder`), sorted,
/// without hidden files.
fn files_under(folder: &Path) -> Vec<(PathBuf, PathBuf)> {
    if !folder.is_dir() {
        return Vec::new();
    }
    WalkDir::new(folder)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !super::is_hidden(&e.file_name().to_string_lossy()))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let relative = e
                .path()
                .strip_prefix(folder)
                .unwrap_or(e.path())
                .to_path_buf();
            (e.path().to_path_buf(), relative)
        })
        .collect()
}
