//! `boletin new [--lang L] [--date D] TITLE`: starts the next issue.

use super::{Outcome, Reader, report};
use crate::cli::NewArgs;
use crate::content_files;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::lang::Lang;
use crate::load::{self, Reading, front_matter::parse_date};
use crate::model::{Site, slugify};
use crate::write;
use std::path::PathBuf;
use time::Date;

/// What the command line asks for, checked.
struct Request {
    lang: Lang,
    date: Date,
    title: String,
}

/// Runs `boletin new`.
pub(crate) fn run(args: &NewArgs) -> Outcome {
    let mut diagnostics = Diagnostics::default();
    let reader = Reader::with_drafts(&args.site.root, Reading::Content);
    let Some(modelled) = reader.model_or_report(&mut diagnostics) else {
        return Outcome::SiteErrors;
    };
    let site = &modelled.site;
    // Problems elsewhere in the site do not stop a new issue; they are
    // shown only if the new issue cannot be made.
    let made = request(args, site).and_then(|request| {
        let number = next_number(site)?;
        create(args, &request, number)
    });
    match made {
        Ok(path) => {
            println!("{}", path.display());
            Outcome::Success
        }
        Err(problems) => {
            report(&problems);
            Outcome::SiteErrors
        }
    }
}

/// The language, date and title asked for, or every problem with them.
fn request(args: &NewArgs, site: &Site) -> Result<Request, Diagnostics> {
    let config = &site.config;
    let mut problems = Diagnostics::default();
    let lang = match &args.lang {
        None => Some(config.default_language.clone()),
        Some(code) => config
            .configured(code)
            .map_err(|problem| problems.push(problem))
            .ok(),
    };
    let date = match &args.date {
        None => Some(
            time::OffsetDateTime::now_local()
                .unwrap_or_else(|_| time::OffsetDateTime::now_utc())
                .date(),
        ),
        Some(text) => match parse_date(text) {
            Ok(date) => Some(date),
            Err(why) => {
                problems.push(
                    Diagnostic::error("--date", format!("`{text}` {why}"))
                        .help("write the date as YYYY-MM-DD, for example 2026-03-01"),
                );
                None
            }
        },
    };
    let title = args.title.join(" ").trim().to_string();
    if slugify(&title).is_empty() {
        problems.push(
            Diagnostic::error("TITLE", "the title needs at least one letter or digit")
                .help("boletin new \"Spring meeting\""),
        );
    }
    match (lang, date) {
        (Some(lang), Some(date)) if !problems.has_errors() => Ok(Request { lang, date, title }),
        _ => Err(problems),
    }
}

/// The number after the site's largest issue number.
fn next_number(site: &Site) -> Result<u32, Diagnostics> {
    let last = site
        .issues
        .iter()
        .flat_map(|d| d.translations.values())
        .filter_map(|t| t.front.issue.map(|number| (number, t)))
        .max_by_key(|(number, _)| *number);
    let Some((number, translation)) = last else {
        return Ok(1);
    };
    number.checked_add(1).ok_or_else(|| {
        let mut problems = Diagnostics::default();
        problems.push(
            Diagnostic::error(
                &translation.path,
                format!("this issue is numbered {number}, the largest issue number there can be, so the next issue cannot be numbered; nothing was written"),
            )
            .at_opt(translation.location("issue"))
            .help("correct the `issue:` number in this file, then run boletin new again"),
        );
        problems
    })
}

/// Writes the new issue's file; its path, relative to the site root.
fn create(args: &NewArgs, request: &Request, number: u32) -> Result<PathBuf, Diagnostics> {
    let Request { lang, date, title } = request;
    let key = format!(
        "{:04}-{:02}-{}",
        date.year(),
        date.month() as u8,
        slugify(title)
    );
    let folder = PathBuf::from("content/issues").join(&key);
    let path = folder.join(format!("index.{lang}.md"));
    let mut problems = Diagnostics::default();
    if load::is_taken(&args.site.root, &folder) {
        problems.push(
            Diagnostic::error(
                &folder,
                "an issue with this key already exists; nothing was written",
            )
            .help("choose another title, or edit the existing issue"),
        );
        return Err(problems);
    }
    let text = content_files::new_issue(title, *date, number);
    if let Err(error) = write::content::create_new(&args.site.root, &path, &text) {
        problems.push(Diagnostic::error(
            &path,
            format!("cannot create the issue: {error}"),
        ));
        return Err(problems);
    }
    Ok(path)
}
