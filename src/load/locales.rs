//! Reads the Fluent files of every configured language, from
//! `locales/<lang>/`; a language without its folder is reported (an error
//! for the default language, a warning for the others). Parsing them is
//! `i18n`'s job.

use super::LocaleFile;
use super::boundary::SiteFolder;
use super::front_matter;
use crate::config::Config;
use crate::diagnostics::Diagnostic;
use std::path::PathBuf;

/// Every `.ftl` file under `locales/<lang>/` of each configured language,
/// normalised; what is missing or cannot be read is reported.
pub(super) fn load(
    site: &SiteFolder,
    config: &Config,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<LocaleFile> {
    let mut files = Vec::new();
    for lang in config.langs() {
        let folder = site.root().join("locales").join(lang.as_str());
        let listed = site.walk(&folder, usize::MAX);
        if listed.is_empty() && !folder.is_dir() {
            let path = PathBuf::from("locales").join(lang.as_str());
            let diagnostic = if *lang == config.default_language {
                Diagnostic::error(
                    path,
                    format!("the interface strings of the default language `{lang}` are missing"),
                )
            } else {
                Diagnostic::warning(
                    path,
                    format!(
                        "there are no interface strings for `{lang}` yet; the {} ones are used",
                        config.default_language
                    ),
                )
            };
            diagnostics.push(diagnostic.help(format!(
                "create locales/{lang}/ with .ftl files like those in locales/{}/",
                config.default_language
            )));
            continue;
        }
        for entry in listed {
            let entry = match entry {
                Ok(entry) => entry,
                Err(refused) => {
                    diagnostics.push(refused.into());
                    continue;
                }
            };
            if entry.is_dir || entry.path.extension().is_none_or(|x| x != "ftl") {
                continue;
            }
            let path = site.relative(&entry.path);
            match std::fs::read_to_string(&entry.real) {
                Ok(text) => files.push(LocaleFile {
                    lang: lang.clone(),
                    path,
                    text: front_matter::normalize(text),
                }),
                Err(e) => diagnostics.push(Diagnostic::error(
                    path,
                    format!("cannot read the file: {e}"),
                )),
            }
        }
    }
    files
}
