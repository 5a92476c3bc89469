//! What translators need to know about each document: which language is
//! the source, and whether each other language is translated, missing,
//! outdated, untracked or still a draft. Pure: works on the model, and on
//! the source's text for the digest `status` shows and `translate`
//! records (a build never makes one).

pub(crate) mod digest;

use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::lang::Lang;
use crate::model::{BodyText, Document, Section, Site, Translation, TranslationId};
use serde::Serialize;
use std::collections::HashMap;
use std::path::PathBuf;

/// Put before a title or summary that `translate` copied from the source,
/// until a translator replaces it.
pub(crate) const MARKER: &str = "[translate]";

/// Where one language stands for one document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum State {
    /// Written, and up to date with the source (or the source itself).
    Translated,
    /// No file in this language.
    Missing,
    /// The source changed since this translation recorded it, or its
    /// title or summary still carries the `[translate]` marker.
    Outdated,
    /// A translation with no `source_digest`: nobody knows which version
    /// of the source it follows.
    Untracked,
    /// The file says `draft: true`.
    Draft,
}

impl State {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            State::Translated => "translated",
            State::Missing => "missing",
            State::Outdated => "outdated",
            State::Untracked => "untracked",
            State::Draft => "draft",
        }
    }
}

/// One language of one document.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct LanguageStatus {
    pub(crate) lang: Lang,
    pub(crate) state: State,
    /// Whether this language is the one the others are translated from.
    pub(crate) is_source: bool,
    /// The file, relative to the site root; where it would go when missing.
    pub(crate) path: PathBuf,
    /// Why it is outdated, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) detail: Option<String>,
}

/// Every language of one document.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct DocumentStatus {
    pub(crate) section: &'static str,
    pub(crate) key: String,
    pub(crate) source_lang: Lang,
    pub(crate) source_digest: String,
    pub(crate) languages: Vec<LanguageStatus>,
}

/// Front matter fields that still carry the `[translate]` marker.
pub(crate) fn marked_fields(translation: &Translation) -> Vec<&'static str> {
    let front = &translation.front;
    let mut fields = Vec::new();
    if front.title.trim_start().starts_with(MARKER) {
        fields.push("title");
    }
    if front
        .summary
        .as_deref()
        .is_some_and(|s| s.trim_start().starts_with(MARKER))
    {
        fields.push("summary");
    }
    if front
        .cover_alt
        .as_deref()
        .is_some_and(|s| s.trim_start().starts_with(MARKER))
    {
        fields.push("cover_alt");
    }
    fields
}

/// Where the `lang` file of `document` is or would be.
pub(crate) fn path_in(document: &Document, lang: &Lang) -> PathBuf {
    if let Some(translation) = document.translations.get(lang) {
        return translation.path.clone();
    }
    let source = &document.translations[&document.source_lang].path;
    let name = source
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let stem = name
        .strip_suffix(".md")
        .and_then(|n| n.rsplit_once('.'))
        .map_or(name.as_str(), |(stem, _)| stem);
    source.with_file_name(format!("{stem}.{lang}.md"))
}

/// Warnings about translations left half done: a `[translate]` mark
/// still in the front matter, or a `source_digest` boletin did not write.
/// Build publishes them anyway; `check` stops on them.
pub(crate) fn warnings(document: &Document) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    for translation in document.translations.values() {
        for field in marked_fields(translation) {
            warnings.push(
                Diagnostic::warning(
                    &translation.path,
                    format!("the {field} is still marked {MARKER}: it has not been translated yet"),
                )
                .at_opt(translation.location(field))
                .help(format!("translate it and remove {MARKER}"))
                .strict(),
            );
        }
        if let Some(recorded) = translation
            .front
            .source_digest
            .as_deref()
            .filter(|d| !digest::is_well_formed(d))
        {
            warnings.push(
                Diagnostic::warning(&translation.path, format!("`source_digest: {recorded}` is not a digest boletin wrote"))
                    .at_opt(translation.location("source_digest"))
                    .help(format!(
                        "once the translation matches its source, run: boletin translate {} --to {} --done",
                        document.key, translation.lang
                    ))
                    .strict(),
            );
        }
    }
    warnings
}

/// The digest `translate --done` records: of the source's title, summary
/// and body (`markdown`). Made only by the commands that show or record
/// it, never by a build.
pub(crate) fn source_digest(source: &Translation, markdown: &str) -> String {
    digest::source_digest(
        &source.front.title,
        source.front.summary.as_deref(),
        markdown,
    )
}

/// The bodies the model was built with, to find a source's text by its
/// document.
pub(crate) struct SourceTexts<'t>(HashMap<&'t TranslationId, &'t str>);

impl<'t> SourceTexts<'t> {
    pub(crate) fn new(texts: &'t [BodyText]) -> SourceTexts<'t> {
        SourceTexts(texts.iter().map(|t| (&t.id, t.markdown.as_str())).collect())
    }

    /// The Markdown of `document`'s source (empty if it has no body).
    pub(crate) fn of(&self, site: &Site, document: &Document) -> &'t str {
        let source = &document.translations[&document.source_lang];
        let Some((section, index)) = site.position_of_source(&source.path) else {
            return "";
        };
        let id = TranslationId {
            section,
            index,
            lang: document.source_lang.clone(),
        };
        self.0.get(&id).copied().unwrap_or("")
    }
}

/// The state of every configured language of `document`, whose source's
/// digest is `source_digest`.
pub(crate) fn document_status(
    config: &Config,
    document: &Document,
    source_digest: &str,
) -> DocumentStatus {
    let languages = config
        .langs()
        .map(|lang| {
            let is_source = *lang == document.source_lang;
            let (state, detail) = match document.translations.get(lang) {
                None => (State::Missing, None),
                Some(t) if t.front.draft => (State::Draft, None),
                Some(_) if is_source => (State::Translated, None),
                Some(t) => translation_state(t, source_digest),
            };
            LanguageStatus {
                lang: lang.clone(),
                state,
                is_source,
                path: path_in(document, lang),
                detail,
            }
        })
        .collect();
    DocumentStatus {
        section: match document.section {
            Section::Issues => "issue",
            Section::Pages => "page",
        },
        key: document.key.clone(),
        source_lang: document.source_lang.clone(),
        source_digest: source_digest.to_string(),
        languages,
    }
}

fn translation_state(translation: &Translation, source_digest: &str) -> (State, Option<String>) {
    let marked = marked_fields(translation);
    match translation.front.source_digest.as_deref() {
        None => (
            State::Untracked,
            Some("it has no source_digest".to_string()),
        ),
        Some(recorded) if !digest::is_well_formed(recorded) => (
            State::Outdated,
            Some(format!(
                "its source_digest {recorded:?} is not one boletin wrote"
            )),
        ),
        Some(recorded) if recorded != source_digest => (
            State::Outdated,
            Some("the source changed since it was translated".to_string()),
        ),
        Some(_) if !marked.is_empty() => (
            State::Outdated,
            Some(format!("{} still marked {MARKER}", marked.join(" and "))),
        ),
        Some(_) => (State::Translated, None),
    }
}
