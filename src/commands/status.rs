//! `boletin status`: where every issue, page and interface string stands,
//! per language, for translators.

use super::{Outcome, Reader, report};
use crate::cli::{StatusArgs, StatusFormat};
use crate::diagnostics::Diagnostics;
use crate::freshness::{self, DocumentStatus, SourceTexts, State};
use crate::i18n::Coverage;
use crate::i18n::Locales;
use crate::lang::Lang;
use crate::load::Reading;
use crate::render::Templates;
use serde::Serialize;
use std::io::IsTerminal;

/// The JSON `status --format json` prints; its shape is documented in the
/// README and only grows (new fields), never changes, within `format: 1`.
#[derive(Serialize)]
struct Report {
    format: u32,
    default_language: Lang,
    languages: Vec<Lang>,
    documents: Vec<DocumentStatus>,
    interface: Vec<Coverage>,
}

/// Runs `boletin status`.
pub(crate) fn run(args: &StatusArgs) -> Outcome {
    let mut diagnostics = Diagnostics::default();
    // The theme too, only to say whether its templates parse: a site
    // with errors is exit status 1 for every command (PRODUCT.md).
    let reader = Reader::with_drafts(&args.site.root, Reading::Everything);
    let Some(modelled) = reader.model_or_report(&mut diagnostics) else {
        return Outcome::SiteErrors;
    };
    let site = &modelled.site;
    // Only for the messages each language has: no date formatter is made
    // (they are made when a date is first shown), no page rendered.
    let mut locale_problems = Vec::new();
    let locales = Locales::load(&site.config, &modelled.locale_files, &mut locale_problems);
    diagnostics.extend(locale_problems);
    if let Err(problem) = Templates::compile(&modelled.theme) {
        diagnostics.push(problem);
    }
    let config = &site.config;
    let only = match args
        .lang
        .as_deref()
        .map(|code| config.configured(code))
        .transpose()
    {
        Ok(only) => only,
        Err(problem) => {
            diagnostics.push(problem);
            report(&diagnostics);
            return Outcome::SiteErrors;
        }
    };
    // Problems in some files do not stop a status report: it shows what
    // could be read, and the problems above it.
    report(&diagnostics);
    let keep = |lang: &Lang| only.as_ref().is_none_or(|o| o == lang);
    let texts = SourceTexts::new(&modelled.texts);
    let documents: Vec<DocumentStatus> = site
        .issues
        .iter()
        .chain(&site.pages)
        .map(|d| {
            let source = &d.translations[&d.source_lang];
            let digest = freshness::source_digest(source, texts.of(site, d));
            let mut status = freshness::document_status(config, d, &digest);
            status.languages.retain(|l| keep(&l.lang));
            status
        })
        .collect();
    let interface: Vec<Coverage> = locales
        .coverage()
        .into_iter()
        .filter(|c| keep(&c.lang))
        .collect();
    let status = Report {
        format: 1,
        default_language: config.default_language.clone(),
        languages: config.langs().filter(|l| keep(l)).cloned().collect(),
        documents,
        interface,
    };
    match args.format {
        StatusFormat::Json => match serde_json::to_string_pretty(&status) {
            Ok(json) => println!("{json}"),
            Err(error) => eprintln!("error: cannot write JSON: {error}"),
        },
        StatusFormat::Table => print!("{}", table(&status, std::io::stdout().is_terminal())),
    }
    // The report is still useful, but a site with errors is exit status
    // 1 for every command, so scripts and CI notice.
    if diagnostics.has_errors() {
        Outcome::SiteErrors
    } else {
        Outcome::Success
    }
}

/// Width of a language column.
const COLUMN: usize = 12;
/// The whole table fits an 80-column terminal.
const WIDTH: usize = 80;

fn paint(text: &str, state: State, color: bool) -> String {
    if !color {
        return text.to_string();
    }
    let code = match state {
        State::Translated => "32",
        State::Missing => "31",
        State::Outdated => "33",
        State::Untracked => "35",
        State::Draft => "2",
    };
    format!("\x1b[{code}m{text}\x1b[0m")
}

fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        format!("{text:width$}")
    } else {
        let cut: String = text.chars().take(width.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

/// The report as a table for people, with what to do next.
fn table(status: &Report, color: bool) -> String {
    let languages = &status.languages;
    let key_width = WIDTH.saturating_sub(COLUMN * languages.len()).clamp(20, 60);
    let mut out = String::new();
    for (section, title) in [("issue", "ISSUES"), ("page", "PAGES")] {
        let documents: Vec<&DocumentStatus> = status
            .documents
            .iter()
            .filter(|d| d.section == section)
            .collect();
        if documents.is_empty() {
            continue;
        }
        out.push_str(&fit(title, key_width));
        for lang in languages {
            out.push_str(&fit(lang.as_str(), COLUMN));
        }
        out = out.trim_end().to_string() + "\n";
        for document in documents {
            let mut line = fit(&document.key, key_width);
            for language in &document.languages {
                let label = if language.is_source && language.state == State::Translated {
                    "source"
                } else {
                    language.state.as_str()
                };
                let cell = fit(label, COLUMN);
                line.push_str(&paint(&cell, language.state, color));
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out.push('\n');
    }
    out.push_str("INTERFACE STRINGS\n");
    for coverage in &status.interface {
        out.push_str(&format!(
            "{}  {}/{} messages, {}%\n",
            fit(coverage.lang.as_str(), 6),
            coverage.translated,
            coverage.total,
            coverage.percent
        ));
        for id in &coverage.missing {
            out.push_str(&format!("        missing: {id}\n"));
        }
        for id in &coverage.extra {
            out.push_str(&format!(
                "        not in {}: {id} (can be removed)\n",
                status.default_language
            ));
        }
    }
    let steps = next_steps(status);
    if !steps.is_empty() {
        out.push_str("\nWHAT TO DO NEXT\n");
        out.push_str(&steps);
    }
    out
}

/// What a translator should do, one step per document and language,
/// each a short line saying why and an indented command or file.
fn next_steps(status: &Report) -> String {
    let mut out = String::new();
    for document in &status.documents {
        for language in &document.languages {
            let key = &document.key;
            let lang = &language.lang;
            let path = language.path.display();
            let done = format!("boletin translate {key} --to {lang} --done");
            let (why, how) = match language.state {
                State::Missing => (
                    "not translated yet".to_string(),
                    vec![format!("boletin translate {key} --to {lang}")],
                ),
                State::Outdated => (
                    language
                        .detail
                        .clone()
                        .unwrap_or_else(|| "out of date".to_string()),
                    vec![format!("update {path}"), format!("then: {done}")],
                ),
                State::Untracked => (
                    format!(
                        "nobody recorded which {} text it follows",
                        document.source_lang
                    ),
                    vec![
                        format!("compare {path} with the {} text", document.source_lang),
                        format!("then: {done}"),
                    ],
                ),
                State::Translated | State::Draft => continue,
            };
            out.push_str(&format!("- {key} ({lang}): {why}\n"));
            for line in how {
                out.push_str(&format!("    {line}\n"));
            }
        }
    }
    for coverage in &status.interface {
        if !coverage.missing.is_empty() {
            out.push_str(&format!(
                "- interface ({}): {} message(s) missing\n    add them to locales/{}/, as listed above\n",
                coverage.lang,
                coverage.missing.len(),
                coverage.lang
            ));
        }
    }
    out
}
