//! The theme: Tera templates and static files, read, not compiled
//! (`render` compiles them).
//!
//! The default theme is compiled into the binary, so a site without a
//! `themes/` folder still builds. A site overrides any single file of it
//! by putting a file of the same name in `themes/default/templates/` or
//! `themes/default/static/`; a theme of another name (`theme:` in
//! `boletin.yaml`) brings all its own files. The site's `static/` files
//! are published too, but none may take the path of a theme's file.

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
pub(crate) struct Template {
    pub(crate) name: String,
    /// Shown in diagnostics: the site's file, or the built-in theme's.
    pub(crate) path: PathBuf,
    pub(crate) text: String,
}

/// Where a static file's bytes come from.
#[derive(Clone, Debug)]
pub(crate) enum StaticSource {
    BuiltIn(&'static [u8]),
    /// A file vetted to lie inside the site: never a link.
    Disk(VettedPath),
}

/// A file copied into the output as it is.
#[derive(Clone, Debug)]
pub(crate) struct StaticFile {
    /// Relative path in the output.
    pub(crate) output: PathBuf,
    pub(crate) source: StaticSource,
    /// Where it comes from, as diagnostics name it: its path relative to
    /// the site root, or the built-in theme's.
    pub(crate) origin: PathBuf,
}

/// Templates by name and static files, with the site's overrides applied.
#[derive(Clone, Debug, Default)]
pub(crate) struct Theme {
    pub(crate) templates: Vec<Template>,
    pub(crate) statics: Vec<StaticFile>,
}

impl Theme {
    /// The built-in theme overlaid with `themes/<name>/`, plus `static/`,
    /// under the site's root. A theme folder's files replace the built-in
    /// theme's of the same name; a file of `static/` at the path of a
    /// theme's file is an error, since one of the two would be lost.
    pub(crate) fn load(site: &SiteFolder, name: &str, diagnostics: &mut Vec<Diagnostic>) -> Theme {
        let theme_dir = site.root().join("themes").join(name);
        let mut overlay = Overlay::default();
        if name == "default" {
            overlay.built_in();
        } else if !theme_dir.is_dir() {
            diagnostics.push(
                Diagnostic::error("boletin.yaml", format!("the theme `{name}` does not exist"))
                    .help(format!("create themes/{name}/templates/, or remove `theme:` to use the default theme")),
            );
            return Theme::default();
        }
        overlay.templates(site, &theme_dir.join("templates"), diagnostics);
        overlay.theme_statics(site, &theme_dir.join("static"), diagnostics);
        overlay.site_statics(site, name, diagnostics);
        Theme {
            templates: overlay.templates.into_values().collect(),
            statics: overlay.statics.into_values().collect(),
        }
    }
}

/// The theme being put together: templates by name and static files by
/// output path, each layer replacing what the one before it put there.
#[derive(Default)]
struct Overlay {
    templates: BTreeMap<String, Template>,
    statics: BTreeMap<PathBuf, StaticFile>,
}

impl Overlay {
    /// The built-in default theme's templates and static files.
    fn built_in(&mut self) {
        for (file, text) in BUILT_IN_TEMPLATES {
            self.templates.insert(
                file.to_string(),
                Template {
                    name: file.to_string(),
                    path: PathBuf::from("themes/default/templates").join(file),
                    text: text.to_string(),
                },
            );
        }
        for (file, bytes) in BUILT_IN_STATIC {
            self.statics.insert(
                PathBuf::from(file),
                StaticFile {
                    output: PathBuf::from(file),
                    source: StaticSource::BuiltIn(bytes),
                    origin: PathBuf::from("themes/default/static").join(file),
                },
            );
        }
    }

    /// The theme folder's templates, from `folder`, named by their path
    /// under it.
    fn templates(&mut self, site: &SiteFolder, folder: &Path, diagnostics: &mut Vec<Diagnostic>) {
        for (file, relative) in files_under(site, folder, diagnostics) {
            let name = relative.to_string_lossy().replace('\\', "/");
            let path = site.relative(&file.path);
            match std::fs::read_to_string(&file.real) {
                Ok(text) => {
                    self.templates
                        .insert(name.clone(), Template { name, path, text });
                }
                Err(e) => diagnostics.push(Diagnostic::error(
                    path,
                    format!("cannot read the template: {e}"),
                )),
            }
        }
    }

    /// The theme folder's static files, from `folder`.
    fn theme_statics(
        &mut self,
        site: &SiteFolder,
        folder: &Path,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        for (file, relative) in files_under(site, folder, diagnostics) {
            let static_file = StaticFile {
                output: relative.clone(),
                source: StaticSource::Disk(file.real),
                origin: site.relative(&file.path),
            };
            self.statics.insert(relative, static_file);
        }
    }

    /// The site's own `static/` files, which may not take the place of
    /// one of the theme `name`'s.
    fn site_statics(&mut self, site: &SiteFolder, name: &str, diagnostics: &mut Vec<Diagnostic>) {
        for (file, relative) in files_under(site, &site.root().join("static"), diagnostics) {
            let origin = site.relative(&file.path);
            if let Some(theirs) = self.statics.get(&relative) {
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
            self.statics.insert(relative, static_file);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_file_replaces_the_built_in_one_and_static_may_not_shadow_it() {
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        std::fs::create_dir_all(root.join("themes/default/templates")).unwrap();
        std::fs::write(root.join("themes/default/templates/page.html"), "mine").unwrap();
        std::fs::create_dir_all(root.join("static")).unwrap();
        std::fs::write(root.join("static/style.css"), "body {}").unwrap();
        std::fs::write(root.join("static/logo.svg"), "<svg/>").unwrap();
        let mut diagnostics = Vec::new();
        let theme = Theme::load(&SiteFolder::new(root), "default", &mut diagnostics);
        let page = theme.templates.iter().find(|t| t.name == "page.html");
        assert_eq!(page.map(|t| t.text.as_str()), Some("mine"));
        assert_eq!(theme.templates.len(), BUILT_IN_TEMPLATES.len());
        let outputs: Vec<&Path> = theme.statics.iter().map(|s| s.output.as_path()).collect();
        assert_eq!(outputs, [Path::new("logo.svg"), Path::new("style.css")]);
        assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
        assert_eq!(
            diagnostics[0].message,
            "static/style.css and the theme's themes/default/static/style.css would both be published as style.css"
        );
    }

    #[test]
    fn another_theme_brings_its_own_files_and_must_exist() {
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        let mut diagnostics = Vec::new();
        let theme = Theme::load(&SiteFolder::new(root), "plain", &mut diagnostics);
        assert!(theme.templates.is_empty() && theme.statics.is_empty());
        assert_eq!(diagnostics[0].message, "the theme `plain` does not exist");
        std::fs::create_dir_all(root.join("themes/plain/templates")).unwrap();
        std::fs::write(root.join("themes/plain/templates/base.html"), "b").unwrap();
        let mut diagnostics = Vec::new();
        let theme = Theme::load(&SiteFolder::new(root), "plain", &mut diagnostics);
        assert!(diagnostics.is_empty(), "{diagnostics:#?}");
        let names: Vec<&str> = theme.templates.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["base.html"]);
        assert!(theme.statics.is_empty());
    }
}
