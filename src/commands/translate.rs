//! `boletin translate KEY --to L [--done]`: starts a translation from its
//! source, or records that a translation is up to date with it.

use super::{Modelled, Outcome, Reader, report};
use crate::cli::TranslateArgs;
use crate::content_files;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::freshness;
use crate::freshness::SourceTexts;
use crate::lang::Lang;
use crate::load::{self, Reading};
use crate::model::{Document, Site};
use crate::suggest;
use crate::write;

/// Runs `boletin translate`.
pub(crate) fn run(args: &TranslateArgs) -> Outcome {
    let mut diagnostics = Diagnostics::default();
    let reader = Reader::with_drafts(&args.site.root, Reading::Content);
    let Some(modelled) = reader.model_or_report(&mut diagnostics) else {
        return Outcome::SiteErrors;
    };
    if hidden_by_errors(&modelled.site, &diagnostics, &args.key) {
        // The document is there but could not be read: say why, not that
        // it does not exist.
        report(&diagnostics);
        return Outcome::SiteErrors;
    }
    let result = match find(&modelled.site, args) {
        Ok((document, lang)) if args.done => mark_done(args, &modelled, document, &lang),
        Ok((document, lang)) => start(args, &modelled, document, &lang),
        Err(problem) => Err(problem),
    };
    match result {
        Ok(message) => {
            println!("{message}");
            Outcome::Success
        }
        Err(problem) => {
            // Other files' problems matter only if they hid the one asked for.
            diagnostics.push(problem);
            report(&diagnostics);
            Outcome::SiteErrors
        }
    }
}

/// Whether no document has `key` because its files have errors: a file
/// named `key.<lang>.md` or inside a folder named `key`.
fn hidden_by_errors(site: &Site, diagnostics: &Diagnostics, key: &str) -> bool {
    let names_key = |path: &std::path::Path| {
        path.components().any(|c| c.as_os_str() == key)
            || path
                .file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| {
                    name.strip_prefix(key)
                        .is_some_and(|rest| rest.starts_with('.'))
                })
    };
    !site.issues.iter().chain(&site.pages).any(|d| d.key == key)
        && diagnostics
            .iter()
            .any(|d| d.is_error() && names_key(&d.path))
}

/// The document `args.key` and the language `args.to`, both checked.
fn find<'a>(site: &'a Site, args: &TranslateArgs) -> Result<(&'a Document, Lang), Diagnostic> {
    let config = &site.config;
    let lang = config.configured(&args.to)?;
    let documents = site.issues.iter().chain(&site.pages);
    if let Some(document) = documents.clone().find(|d| d.key == args.key) {
        return Ok((document, lang));
    }
    let keys: Vec<String> = documents.map(|d| d.key.clone()).collect();
    Err(Diagnostic::error(
        "content",
        format!("no issue or page has the key `{}`", args.key),
    )
    .help(
        suggest::help_for_unknown(&args.key, &keys)
            .replace("the allowed names are", "the keys are"),
    ))
}

/// Creates the `lang` file of `document` from its source.
fn start(
    args: &TranslateArgs,
    Modelled { site, texts, .. }: &Modelled,
    document: &Document,
    lang: &Lang,
) -> Result<String, Diagnostic> {
    let source = &document.translations[&document.source_lang];
    if *lang == document.source_lang {
        return Err(Diagnostic::error(
            &source.path,
            format!(
                "`{}` is written in `{lang}`: this file is its source",
                args.key
            ),
        )
        .help("pick another language with --to"));
    }
    if let Some(existing) = document.translations.get(lang) {
        return Err(Diagnostic::error(
            &existing.path,
            "this translation already exists; it was not changed",
        )
        .help(format!(
            "edit it, then record that it is up to date: boletin translate {} --to {lang} --done",
            args.key
        )));
    }
    let path = freshness::path_in(document, lang);
    let body = SourceTexts::new(texts).of(site, document);
    let digest = freshness::source_digest(source, body);
    let text = content_files::translation(&source.front, body, &digest);
    write::content::create_new(&args.site.root, &path, &text).map_err(|error| {
        Diagnostic::error(&path, format!("cannot create the translation: {error}"))
            .help("if the file exists, edit it instead; otherwise check that the folder can be written to")
    })?;
    Ok(format!(
        "Created {}\nTranslate the title, summary and text (remove each {} mark), then run:\n  boletin translate {} --to {lang} --done",
        path.display(),
        freshness::MARKER,
        args.key
    ))
}

/// Records the source's current digest in the existing `lang` file.
fn mark_done(
    args: &TranslateArgs,
    Modelled { site, texts, .. }: &Modelled,
    document: &Document,
    lang: &Lang,
) -> Result<String, Diagnostic> {
    let Some(target) = document.translations.get(lang) else {
        return Err(Diagnostic::error(
            freshness::path_in(document, lang),
            format!("`{}` has no `{lang}` translation yet", args.key),
        )
        .help(format!(
            "start one first: boletin translate {} --to {lang}",
            args.key
        )));
    };
    if *lang == document.source_lang {
        return Err(Diagnostic::error(
            &target.path,
            "this file is the source; only translations record a source_digest",
        )
        .help("run --done with the language of a translation"));
    }
    let source = &document.translations[&document.source_lang];
    let digest = freshness::source_digest(source, SourceTexts::new(texts).of(site, document));
    let io_problem = |error: std::io::Error| {
        Diagnostic::error(&target.path, format!("cannot update the file: {error}"))
    };
    let text = load::file_text(&args.site.root, &target.path).map_err(io_problem)?;
    let updated = content_files::with_source_digest(&text, &digest).ok_or_else(|| {
        Diagnostic::error(
            &target.path,
            "the file has no front matter to record the source_digest in",
        )
    })?;
    write::content::replace(&args.site.root, &target.path, &updated).map_err(io_problem)?;
    let mut message = format!(
        "Recorded in {} that it follows the current {} text.",
        target.path.display(),
        document.source_lang
    );
    let marked = freshness::marked_fields(target);
    if !marked.is_empty() {
        message.push_str(&format!(
            "\nStill marked {} for translation: {}.",
            freshness::MARKER,
            marked.join(", ")
        ));
    }
    Ok(message)
}
