//! `boletin check`: everything `build` validates, plus links, anchors,
//! interface strings and image descriptions, without writing anything.
//! Warnings a build lets pass but an editor should fix are errors here.

use super::{Outcome, load_or_report, report};
use crate::check;
use crate::cli::CheckArgs;
use crate::diagnostics::Diagnostics;
use crate::render;

/// Runs `boletin check`.
pub fn run(args: &CheckArgs) -> Outcome {
    let mut diagnostics = Diagnostics::default();
    let Some(loaded) = load_or_report(&args.site.root, args.drafts, &mut diagnostics) else {
        return Outcome::SiteErrors;
    };
    let config = &loaded.site.config;
    // Pages can be rendered, and their links followed, only when nothing
    // that a build rejects is wrong; strict warnings do not stop it.
    let renderable = !diagnostics.has_errors();
    diagnostics.extend(check::fluent::check(
        &loaded.locale_files,
        &loaded.theme.templates,
        &config.default_language,
    ));
    let mut pages = 0;
    if let (true, Some(templates)) = (renderable, &loaded.templates) {
        let output = render::render(&loaded.site, &loaded.locales, templates, &loaded.theme);
        diagnostics.extend(output.problems.iter().cloned());
        // Pages that failed to render would make every link to them look broken.
        if !output.problems.iter().any(|p| p.is_error()) {
            diagnostics.extend(check::links::check(&output, &loaded.site));
        }
        pages = output.pages_per_language.values().sum();
    }
    diagnostics.make_strict();
    report(&diagnostics);
    if diagnostics.has_errors() {
        return Outcome::SiteErrors;
    }
    let warnings = diagnostics.warning_count();
    println!(
        "No problems found in {pages} pages{}.",
        if warnings == 0 {
            String::new()
        } else {
            format!(" ({warnings} warning(s) above)")
        }
    );
    Outcome::Success
}
