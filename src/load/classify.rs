//! Works out a content file's translation key, language and form from
//! where it is and what it is called, before anything reads it:
//! `<key>.<lang>.md` in a section folder (the flat form), or
//! `<key>/index.<lang>.md` (an issue's folder). The name is read by
//! `key_and_code`, which needs no disk; `classify` adds the configuration
//! and the site's paths.

use super::boundary::{SiteEntry, SiteFolder, VettedPath};
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::lang::Lang;
use crate::model::Section;
use std::path::{Path, PathBuf};

/// Where a content file sits in its section folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Form {
    /// A file of the section folder itself: `<key>.<lang>.md`.
    Flat,
    /// A file of an issue's folder: `<key>/index.<lang>.md`.
    Folder,
}

/// A content file found on disk, not read yet.
pub(super) struct Found {
    pub(super) section: Section,
    /// Relative to the site root, as shown in diagnostics.
    pub(super) path: PathBuf,
    /// What to read.
    pub(super) source: VettedPath,
    pub(super) key: String,
    pub(super) lang: Lang,
    /// The issue's own folder, in the folder form.
    pub(super) folder: Option<PathBuf>,
}

/// What is wrong with a content file's name, whatever the configuration.
#[derive(Debug, PartialEq, Eq)]
enum BadName<'a> {
    /// No `.<lang>` before `.md`.
    NoLanguage,
    /// In an issue's folder, a file not called `index.<lang>.md`.
    NotIndex { code: &'a str },
}

/// The key and the language code that `name` (a `.md` file's name) gives
/// in `form`; in the folder form the key is `folder_name`, the name of
/// the folder. The key may be empty, and the code any text.
fn key_and_code<'a>(
    name: &'a str,
    form: Form,
    folder_name: &'a str,
) -> Result<(&'a str, &'a str), BadName<'a>> {
    let stem = &name[..name.len().saturating_sub(3)];
    let (base, code) = stem.rsplit_once('.').ok_or(BadName::NoLanguage)?;
    match form {
        Form::Flat => Ok((base, code)),
        Form::Folder if base == "index" => Ok((folder_name, code)),
        Form::Folder => Err(BadName::NotIndex { code }),
    }
}

/// Works out a content file's key, language and form from its path.
pub(super) fn classify(
    site: &SiteFolder,
    config: &Config,
    section: Section,
    entry: &SiteEntry,
    form: Form,
) -> Result<Found, Diagnostic> {
    let file = entry.path.as_path();
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let folder = site.root().join(section.folder());
    let path = site.relative(file);
    let dir = file.parent().unwrap_or(&folder);
    let dir_name = dir
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let (key, code) = key_and_code(&name, form, &dir_name).map_err(|bad| match bad {
        BadName::NoLanguage => Diagnostic::error(&path, "the file name does not say its language")
            .help(format!(
                "rename it to end in .{}.md (or another configured language)",
                config.default_language
            )),
        BadName::NotIndex { code } => Diagnostic::error(
            &path,
            "inside a folder, a content file must be named index.<language>.md",
        )
        .help(format!(
            "rename it to index.{code}.md, or move it up to {}/",
            section.folder()
        )),
    })?;
    let lang = configured_lang(config, code, &path)?;
    if key.is_empty() {
        return Err(Diagnostic::error(
            &path,
            "the file name has no key before the language",
        ));
    }
    Ok(Found {
        section,
        path,
        source: entry.real.clone(),
        key: key.to_string(),
        lang,
        folder: (form == Form::Folder).then(|| dir.to_path_buf()),
    })
}

/// The configured language `code` names, or the error for the file at
/// `path` that names it.
fn configured_lang(config: &Config, code: &str, path: &Path) -> Result<Lang, Diagnostic> {
    if let Some(lang) = Lang::parse(code).filter(|l| config.language(l).is_some()) {
        return Ok(lang);
    }
    let configured: Vec<String> = config.langs().map(Lang::to_string).collect();
    Err(Diagnostic::error(
        path,
        format!("the language `{code}` is not configured in boletin.yaml"),
    )
    .help(format!(
        "add `{code}` under `languages:` in boletin.yaml, or rename the file to one of: {}",
        configured.join(", ")
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flat_name_gives_key_and_language_and_keeps_inner_dots() {
        assert_eq!(
            key_and_code("spring.es.md", Form::Flat, "issues"),
            Ok(("spring", "es"))
        );
        assert_eq!(
            key_and_code("v1.2.pt-BR.md", Form::Flat, "issues"),
            Ok(("v1.2", "pt-BR"))
        );
        assert_eq!(key_and_code(".en.md", Form::Flat, "issues"), Ok(("", "en")));
        assert_eq!(
            key_and_code("spring.md", Form::Flat, "issues"),
            Err(BadName::NoLanguage)
        );
    }

    #[test]
    fn in_a_folder_the_key_is_the_folders_name_and_only_index_counts() {
        assert_eq!(
            key_and_code("index.en.md", Form::Folder, "2026-03-spring"),
            Ok(("2026-03-spring", "en"))
        );
        assert_eq!(
            key_and_code("notes.en.md", Form::Folder, "2026-03-spring"),
            Err(BadName::NotIndex { code: "en" })
        );
        assert_eq!(
            key_and_code("index.md", Form::Folder, "2026-03-spring"),
            Err(BadName::NoLanguage)
        );
    }

    #[test]
    fn a_language_not_in_the_configuration_is_named_with_those_that_are() {
        let config = Config::from_text(
            "base_url: https://example.org/\ndefault_language: en\nlanguages:\n  en: { title: T, description: D }\n  es: { title: T, description: D }\n",
            None,
        )
        .unwrap();
        let path = Path::new("content/issues/a.fr.md");
        assert_eq!(configured_lang(&config, "es", path).unwrap().as_str(), "es");
        let problem = configured_lang(&config, "fr", path).unwrap_err();
        assert_eq!(
            problem.message,
            "the language `fr` is not configured in boletin.yaml"
        );
        assert_eq!(
            problem.help.as_deref(),
            Some(
                "add `fr` under `languages:` in boletin.yaml, or rename the file to one of: en, es"
            )
        );
        assert!(configured_lang(&config, "EN", path).is_err());
    }
}
