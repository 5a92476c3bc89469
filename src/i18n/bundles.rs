//! Reads every language's locale files into its Fluent bundle. A syntax
//! error, a message defined twice, and a message the default language has
//! and another lacks are each reported at the file and line they are
//! about; what a file that is too deep to parse would make look missing
//! is not.

use super::{Locales, definition_offsets, parseable};
use crate::config::Config;
use crate::diagnostics::{Diagnostic, Location};
use crate::lang::Lang;
use crate::load::LocaleFile;
use fluent::concurrent::FluentBundle;
use fluent::{FluentError, FluentResource};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

/// A message that a language lacks, and the file it belongs in.
#[derive(Clone, Debug, PartialEq, Eq)]
struct MissingMessage {
    lang: Lang,
    id: String,
    /// The locale file where the translation should go.
    path: PathBuf,
}

impl Locales {
    /// Parses every locale file; syntax errors and duplicate messages are
    /// reported with file, line and column, and each message a language
    /// lacks is a warning at the file it belongs in.
    pub(crate) fn load(
        config: &Config,
        files: &[LocaleFile],
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Locales {
        let mut bundles = HashMap::new();
        let mut messages: BTreeMap<Lang, BTreeMap<String, PathBuf>> = BTreeMap::new();
        let mut dates = HashMap::new();
        // Languages with a file too deep to read: their messages would
        // all look missing.
        let mut unread = BTreeSet::new();
        for lang in config.langs() {
            let mut bundle = new_bundle(lang);
            let ids = messages.entry(lang.clone()).or_default();
            for file in files.iter().filter(|f| &f.lang == lang) {
                let Some(resource) = resource(file, diagnostics) else {
                    unread.insert(lang.clone());
                    continue;
                };
                for entry in resource.entries() {
                    if let fluent_syntax::ast::Entry::Message(message) = entry {
                        ids.entry(message.id.name.to_string())
                            .or_insert_with(|| file.path.clone());
                    }
                }
                if let Err(errors) = bundle.add_resource(resource) {
                    diagnostics.extend(defined_twice(file, lang, &errors));
                }
            }
            bundles.insert(lang.clone(), bundle);
            dates.insert(lang.clone(), std::sync::OnceLock::new());
        }
        let locales = Locales {
            default: config.default_language.clone(),
            bundles,
            messages,
            dates,
            plain: HashMap::new(),
        };
        let locales = Locales {
            plain: locales.plain_messages(),
            ..locales
        };
        diagnostics.extend(locales.untranslated(&unread));
        locales
    }

    /// A warning for each message a language lacks (strict: `check`
    /// stops on it), but for the languages in `unread`.
    fn untranslated(&self, unread: &BTreeSet<Lang>) -> Vec<Diagnostic> {
        self.missing_messages()
            .into_iter()
            .filter(|m| !unread.contains(&m.lang))
            .map(|missing| {
                Diagnostic::warning(
                    &missing.path,
                    format!(
                        "the message `{}` is not translated into `{}` yet; the `{}` text is shown",
                        missing.id, missing.lang, self.default
                    ),
                )
                .help(format!("add `{} = ...` to this file", missing.id))
                .strict()
            })
            .collect()
    }

    /// Messages the default language has and another language lacks.
    fn missing_messages(&self) -> Vec<MissingMessage> {
        let Some(reference) = self.messages.get(&self.default) else {
            return Vec::new();
        };
        let mut missing = Vec::new();
        for (lang, ids) in &self.messages {
            if *lang == self.default {
                continue;
            }
            for (id, reference_file) in reference {
                if !ids.contains_key(id) {
                    let file_name = reference_file
                        .file_name()
                        .map(PathBuf::from)
                        .unwrap_or_default();
                    missing.push(MissingMessage {
                        lang: lang.clone(),
                        id: id.clone(),
                        path: PathBuf::from("locales").join(lang.as_str()).join(file_name),
                    });
                }
            }
        }
        missing
    }
}

/// An empty bundle for `lang`, without bidi isolation marks (`i18n`'s
/// header says why).
fn new_bundle(lang: &Lang) -> FluentBundle<FluentResource> {
    let id = lang.as_str().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(false);
    bundle
}

/// `file` parsed, with each syntax error reported and the rest kept;
/// `None` when it nests too deep to parse at all.
fn resource(file: &LocaleFile, diagnostics: &mut Vec<Diagnostic>) -> Option<FluentResource> {
    let text = match parseable(file) {
        Ok(text) => text.to_string(),
        Err(problem) => {
            diagnostics.push(problem);
            return None;
        }
    };
    Some(match FluentResource::try_new(text) {
        Ok(resource) => resource,
        Err((resource, errors)) => {
            for error in errors {
                let len = error.pos.end.saturating_sub(error.pos.start);
                diagnostics.push(
                    Diagnostic::error(&file.path, format!("Fluent syntax error: {}", error.kind))
                        .at(Location::at_offset(&file.text, error.pos.start, len))
                        .help("a message looks like `message-id = Text`; continuation lines start with spaces"),
                );
            }
            resource
        }
    })
}

/// An error for each message of `file` that another definition in
/// `lang` already had, at the definition that overrides: the last one in
/// the file.
fn defined_twice(file: &LocaleFile, lang: &Lang, errors: &[FluentError]) -> Vec<Diagnostic> {
    errors
        .iter()
        .filter_map(|error| match error {
            FluentError::Overriding { id, .. } => Some(id),
            _ => None,
        })
        .map(|id| {
            let offset = definition_offsets(&file.text, id).last().unwrap_or(0);
            Diagnostic::error(
                &file.path,
                format!("the message `{id}` is defined twice in `{lang}`"),
            )
            .at(Location::at_offset(&file.text, offset, id.len()))
            .help("keep one of them")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn config() -> Config {
        Config::from_text(
            "base_url: https://example.org/\ndefault_language: en\nlanguages:\n  en: { title: T, description: D }\n  es: { title: T, description: D }\n",
            None,
        )
        .unwrap()
    }

    fn file(lang: &str, name: &str, text: &str) -> LocaleFile {
        LocaleFile {
            lang: Lang::parse(lang).unwrap(),
            path: PathBuf::from("locales").join(lang).join(name),
            text: text.to_string(),
        }
    }

    #[test]
    fn a_missing_message_is_a_warning_at_its_file_and_the_default_stands_in() {
        let files = [
            file("en", "main.ftl", "hello = Hello\nbye = Bye\n"),
            file("en", "menu.ftl", "home = Home\n"),
            file("es", "main.ftl", "hello = Hola\n"),
        ];
        let mut diagnostics = Vec::new();
        let locales = Locales::load(&config(), &files, &mut diagnostics);
        let warnings: Vec<(String, &str)> = diagnostics
            .iter()
            .map(|d| (d.path.display().to_string(), d.message.as_str()))
            .collect();
        assert_eq!(
            warnings,
            [
                (
                    "locales/es/main.ftl".to_string(),
                    "the message `bye` is not translated into `es` yet; the `en` text is shown"
                ),
                (
                    "locales/es/menu.ftl".to_string(),
                    "the message `home` is not translated into `es` yet; the `en` text is shown"
                ),
            ]
        );
        let es = Lang::parse("es").unwrap();
        assert_eq!(locales.plain(&es, "hello"), Some("Hola"));
        assert_eq!(locales.plain(&es, "bye"), Some("Bye"));
        let coverage = locales.coverage();
        assert_eq!((coverage[1].translated, coverage[1].total), (1, 3));
        assert_eq!(coverage[1].percent, 33.3);
    }

    #[test]
    fn a_message_defined_twice_is_reported_at_the_second_definition() {
        let files = [
            file("en", "main.ftl", "hello = Hello\n"),
            file("es", "main.ftl", "hello = Hola\n\nhello = Buenas\n"),
        ];
        let mut diagnostics = Vec::new();
        Locales::load(&config(), &files, &mut diagnostics);
        assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
        assert_eq!(
            diagnostics[0].message,
            "the message `hello` is defined twice in `es`"
        );
        assert_eq!(diagnostics[0].location.as_ref().unwrap().line, 3);
    }

    #[test]
    fn a_file_too_deep_to_read_does_not_make_every_message_look_missing() {
        let deep = format!("hello = {}x{}\n", "{ ".repeat(200), " }".repeat(200));
        let files = [
            file("en", "main.ftl", "hello = Hello\nbye = Bye\n"),
            file("es", "main.ftl", &deep),
        ];
        let mut diagnostics = Vec::new();
        let locales = Locales::load(&config(), &files, &mut diagnostics);
        assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
        assert!(diagnostics[0].is_error());
        assert_eq!(diagnostics[0].path, Path::new("locales/es/main.ftl"));
        let es = Lang::parse("es").unwrap();
        assert_eq!(locales.plain(&es, "hello"), Some("Hello"));
    }
}
