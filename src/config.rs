//! `boletin.yaml`'s text, validated into typed values; `load::config`
//! reads the file, nothing here touches the disk.
//!
//! Nothing after this module looks at configuration strings: languages are
//! `Lang`s, the base URL is a `Url`, sizes are checked numbers, the theme
//! is a checked folder name. Every problem is reported, each at its line,
//! one function per field that needs more than its YAML type.

use crate::diagnostics::{Diagnostic, Location};
use crate::lang::{Direction, Lang};
use crate::suggest;
use crate::yaml::{self, Keys, YamlError};
use indexmap::IndexMap;
use serde::Deserialize;

use url::Url;

/// The configuration file's name, at the site root.
pub(crate) const CONFIG_FILE: &str = "boletin.yaml";

/// Unknown keys, here and in the structs below, are refused by
/// `yaml::parse`, each at its own line.
#[derive(Deserialize)]
struct RawConfig {
    base_url: String,
    default_language: String,
    languages: IndexMap<String, RawLanguage>,
    #[serde(default = "default_theme")]
    theme: String,
    #[serde(default = "default_page_size")]
    page_size: usize,
    #[serde(default = "default_feed_limit")]
    feed_limit: usize,
    #[serde(default)]
    markdown: MarkdownConfig,
}

#[derive(Deserialize)]
struct RawLanguage {
    title: String,
    description: String,
    #[serde(default)]
    dir: Direction,
}

fn default_theme() -> String {
    "default".to_string()
}
fn default_page_size() -> usize {
    10
}
fn default_feed_limit() -> usize {
    20
}

/// The `markdown:` section.
#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct MarkdownConfig {
    #[serde(default)]
    pub(crate) raw_html: RawHtml,
}

/// What happens to raw HTML written inside Markdown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum RawHtml {
    /// Safe tags survive; scripts, event handlers and `javascript:` do not.
    #[default]
    Sanitize,
    /// Shown as text.
    Escape,
    /// Passed through untouched.
    Trust,
}

/// One configured language.
#[derive(Clone, Debug)]
pub(crate) struct LanguageConfig {
    pub(crate) lang: Lang,
    pub(crate) title: String,
    pub(crate) description: String,
    pub(crate) dir: Direction,
}

/// The validated site configuration.
#[derive(Clone, Debug)]
pub(crate) struct Config {
    /// Always ends with `/`.
    pub(crate) base_url: Url,
    pub(crate) default_language: Lang,
    /// In the order `boletin.yaml` lists them.
    pub(crate) languages: Vec<LanguageConfig>,
    pub(crate) theme: String,
    /// Issues per archive page.
    pub(crate) page_size: usize,
    /// Issues per feed.
    pub(crate) feed_limit: usize,
    pub(crate) raw_html: RawHtml,
}

impl Config {
    /// Validates the text of a configuration file.
    pub(crate) fn from_text(
        text: &str,
        base_url_override: Option<&str>,
    ) -> Result<Config, Vec<Diagnostic>> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let parsed = yaml::parse::<RawConfig>(text);
        let mut problems: Vec<Diagnostic> = parsed
            .problems
            .into_iter()
            .map(|e| yaml_diagnostic(text, e))
            .collect();
        let Some(raw) = parsed.value else {
            return Err(problems);
        };
        let at = Places {
            text,
            keys: &parsed.keys,
        };
        let base_url = base_url(base_url_override.unwrap_or(&raw.base_url), &at)
            .map_err(|problem| problems.push(problem))
            .ok();
        let languages = languages(raw.languages, &at, &mut problems);
        // Reported only when nothing else was: a refused code already
        // explains an empty list.
        if languages.is_empty() && problems.is_empty() {
            problems.push(
                Diagnostic::error(CONFIG_FILE, "`languages` lists no language")
                    .at_opt(at.value("languages"))
                    .help("add at least one, such as `en: { title: ..., description: ... }`"),
            );
        }
        let default_language = default_language(&raw.default_language, &languages, &at)
            .map_err(|problem| problems.push(problem))
            .ok();
        problems.extend(theme_problem(&raw.theme, &at));
        for (key, value) in [("page_size", raw.page_size), ("feed_limit", raw.feed_limit)] {
            if value == 0 {
                problems.push(
                    Diagnostic::error(CONFIG_FILE, format!("`{key}` must be at least 1"))
                        .at_opt(at.value(key))
                        .help("remove the line to use the default"),
                );
            }
        }

        match (base_url, default_language) {
            (Some(base_url), Some(default_language)) if problems.is_empty() => Ok(Config {
                base_url,
                default_language,
                languages,
                theme: raw.theme,
                page_size: raw.page_size,
                feed_limit: raw.feed_limit,
                raw_html: raw.markdown.raw_html,
            }),
            _ => Err(problems),
        }
    }

    /// The configured languages' tags, in configuration order.
    pub(crate) fn langs(&self) -> impl Iterator<Item = &Lang> {
        self.languages.iter().map(|l| &l.lang)
    }

    /// The configured language `code` names, or an error saying which
    /// languages there are (for `--lang` and `--to`).
    pub(crate) fn configured(&self, code: &str) -> Result<Lang, Diagnostic> {
        if let Some(lang) = Lang::parse(code).filter(|l| self.language(l).is_some()) {
            return Ok(lang);
        }
        let known: Vec<String> = self.langs().map(Lang::to_string).collect();
        Err(Diagnostic::error(
            CONFIG_FILE,
            format!("the language `{code}` is not configured"),
        )
        .help(format!(
            "use one of: {}, or add `{code}` under `languages:` in boletin.yaml",
            known.join(", ")
        )))
    }

    /// How many pages a list of `items` issues takes (at least one).
    pub(crate) fn page_count(&self, items: usize) -> usize {
        items.div_ceil(self.page_size).max(1)
    }

    /// The configuration of `lang`, which must be configured.
    pub(crate) fn language(&self, lang: &Lang) -> Option<&LanguageConfig> {
        self.languages.iter().find(|l| &l.lang == lang)
    }

    /// The writing direction of `lang` (`ltr` for one not configured).
    pub(crate) fn dir(&self, lang: &Lang) -> &'static str {
        self.language(lang).map_or("ltr", |l| l.dir.as_str())
    }

    /// The path part of the base URL, such as `/` or `/newsletter/`; every
    /// link inside the site starts with it.
    pub(crate) fn base_path(&self) -> &str {
        self.base_url.path()
    }
}

/// Where in `boletin.yaml` a key, or its value, is written.
struct Places<'a> {
    text: &'a str,
    keys: &'a Keys<'a>,
}

impl Places<'_> {
    /// Where the value of the top-level `key` is.
    fn value(&self, key: &str) -> Option<Location> {
        self.keys
            .value(&[key])
            .map(|(l, c)| Location::at_line_column(self.text, l, c))
    }

    /// Where the key at `path` (`["languages", "en"]`) is.
    fn key(&self, path: &[&str]) -> Option<Location> {
        self.keys
            .key(path)
            .map(|(l, c)| Location::at_line_column(self.text, l, c))
    }
}

/// `base_url` (or `--base-url`, whichever is in force): a web address
/// with a host, ending in `/`, without query or fragment.
fn base_url(text: &str, at: &Places) -> Result<Url, Diagnostic> {
    match Url::parse(text) {
        Ok(url) if matches!(url.scheme(), "http" | "https") && url.host().is_some() => {
            Ok(with_trailing_slash(url))
        }
        _ => Err(Diagnostic::error(
            CONFIG_FILE,
            format!("`base_url` is not a web address: {text:?}"),
        )
        .at_opt(at.value("base_url"))
        .help("write the full address readers will use, such as https://news.example.org/")),
    }
}

/// The languages whose codes are language codes, in the order written;
/// each other code is a problem.
fn languages(
    raw: IndexMap<String, RawLanguage>,
    at: &Places,
    problems: &mut Vec<Diagnostic>,
) -> Vec<LanguageConfig> {
    let mut languages = Vec::new();
    for (code, language) in raw {
        match Lang::parse(&code) {
            Some(lang) => languages.push(LanguageConfig {
                lang,
                title: language.title,
                description: language.description,
                dir: language.dir,
            }),
            None => problems.push(
                Diagnostic::error(CONFIG_FILE, format!("`{code}` is not a language code"))
                    .at_opt(at.key(&["languages", &code]))
                    .help("use a lowercase code such as `en`, `es` or `pt-BR`"),
            ),
        }
    }
    languages
}

/// `default_language`, which must be one of `languages`.
fn default_language(
    code: &str,
    languages: &[LanguageConfig],
    at: &Places,
) -> Result<Lang, Diagnostic> {
    if let Some(lang) = Lang::parse(code).filter(|lang| languages.iter().any(|l| &l.lang == lang)) {
        return Ok(lang);
    }
    let known: Vec<String> = languages.iter().map(|l| l.lang.to_string()).collect();
    Err(Diagnostic::error(
        CONFIG_FILE,
        format!("`default_language` is `{code}`, which is not under `languages`"),
    )
    .at_opt(at.value("default_language"))
    .help(suggest::help_for_unknown(code, &known)))
}

/// The problem with `theme`, if it is not a plain folder name: it is
/// joined to `themes/`, so `..` or `/` could lead anywhere.
fn theme_problem(theme: &str, at: &Places) -> Option<Diagnostic> {
    let folder_name = !theme.is_empty()
        && theme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    (!folder_name).then(|| {
        Diagnostic::error(
            CONFIG_FILE,
            format!("`theme` must be a folder name, not {theme:?}"),
        )
        .at_opt(at.value("theme"))
        .help("use the name of a folder under themes/, such as `default`")
    })
}

fn with_trailing_slash(mut url: Url) -> Url {
    if !url.path().ends_with('/') {
        let path = format!("{}/", url.path());
        url.set_path(&path);
    }
    url.set_query(None);
    url.set_fragment(None);
    url
}

/// Turns a YAML error in `boletin.yaml` into a diagnostic with a fix.
fn yaml_diagnostic(text: &str, error: YamlError) -> Diagnostic {
    let location = match (error.line, error.column) {
        (Some(line), Some(column)) => Some(Location::at_line_column(text, line, column)),
        _ => None,
    };
    let diagnostic = Diagnostic::error(CONFIG_FILE, format!("{CONFIG_FILE}: {}", error.message));
    match error.unknown_field {
        Some(unknown) => Diagnostic::error(CONFIG_FILE, format!("unknown key `{}`", unknown.field))
            .help(suggest::help_for_unknown(&unknown.field, &unknown.expected)),
        None if error.missing_field.is_some() => {
            diagnostic.help("add the missing key; see the README for a complete boletin.yaml")
        }
        None => match (error.first_set_on, error.help) {
            (Some(first), _) => diagnostic.help(format!(
                "it is first set on line {first}; keep one of the two"
            )),
            (None, Some(help)) => diagnostic.help(help),
            (None, None) => diagnostic,
        },
    }
    .at_opt(location)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "base_url: https://example.org/news\ndefault_language: en\nlanguages:\n  en: { title: T, description: D }\n  es: { title: T, description: D, dir: ltr }\n";

    #[test]
    fn a_good_config_keeps_language_order_and_adds_a_slash() {
        let config = Config::from_text(GOOD, None).unwrap();
        assert_eq!(config.base_path(), "/news/");
        let langs: Vec<&str> = config.langs().map(Lang::as_str).collect();
        assert_eq!(langs, ["en", "es"]);
        assert_eq!(config.page_size, 10);
    }

    #[test]
    fn unknown_keys_are_named_with_their_line_and_a_suggestion() {
        let text = format!("{GOOD}feed_limt: 3\n");
        let problems = Config::from_text(&text, None).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains("feed_limt"));
        assert_eq!(problems[0].location.as_ref().unwrap().line, 6);
        assert_eq!(
            problems[0].help.as_deref(),
            Some("did you mean `feed_limit`?")
        );
    }

    /// Where nothing is written: for checking one field's value alone.
    fn nowhere() -> Keys<'static> {
        Keys::of("")
    }

    #[test]
    fn the_base_url_is_a_web_address_with_a_host_ending_in_a_slash() {
        let keys = nowhere();
        let at = Places {
            text: "",
            keys: &keys,
        };
        let url = base_url("https://example.org/news?utm=x#top", &at).unwrap();
        assert_eq!(url.as_str(), "https://example.org/news/");
        assert_eq!(
            base_url("http://example.org", &at).unwrap().as_str(),
            "http://example.org/"
        );
        for bad in [
            "ftp://example.org/",
            "example.org",
            "https://",
            "file:///tmp/",
        ] {
            let problem = base_url(bad, &at).unwrap_err();
            assert_eq!(
                problem.message,
                format!("`base_url` is not a web address: {bad:?}")
            );
        }
    }

    #[test]
    fn the_theme_is_a_plain_folder_name() {
        let keys = nowhere();
        let at = Places {
            text: "",
            keys: &keys,
        };
        for good in ["default", "my-theme_2"] {
            assert!(theme_problem(good, &at).is_none(), "{good}");
        }
        for bad in ["", "..", "../x", "a/b", "my theme", "tema\u{e9}"] {
            let problem = theme_problem(bad, &at).expect(bad);
            assert_eq!(
                problem.message,
                format!("`theme` must be a folder name, not {bad:?}")
            );
        }
    }

    #[test]
    fn the_default_language_must_be_configured_and_a_near_miss_is_suggested() {
        let config = Config::from_text(GOOD, None).unwrap();
        let keys = nowhere();
        let at = Places {
            text: "",
            keys: &keys,
        };
        assert_eq!(
            default_language("es", &config.languages, &at)
                .unwrap()
                .as_str(),
            "es"
        );
        let problem = default_language("eS", &config.languages, &at).unwrap_err();
        assert_eq!(
            problem.message,
            "`default_language` is `eS`, which is not under `languages`"
        );
        assert!(problem.help.is_some());
    }

    #[test]
    fn the_base_url_flag_wins_over_the_file_and_is_checked_the_same_way() {
        let config = Config::from_text(GOOD, Some("http://localhost:1111")).unwrap();
        assert_eq!(config.base_url.as_str(), "http://localhost:1111/");
        let problems = Config::from_text(GOOD, Some("localhost")).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].location.as_ref().unwrap().line, 1);
    }

    #[test]
    fn bad_values_are_all_reported() {
        let text = "base_url: nowhere\ndefault_language: fr\nlanguages:\n  en: { title: T, description: D }\npage_size: 0\n";
        let problems = Config::from_text(text, None).unwrap_err();
        assert_eq!(problems.len(), 3, "{problems:#?}");
    }
}
