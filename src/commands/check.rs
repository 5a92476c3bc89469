//! `boletin check`: everything `build` validates, plus links, anchors,
//! interface strings and image descriptions, without writing anything.
//! Warnings a build lets pass but an editor should fix are errors here.

use super::{Outcome, Reader, Renderable, report};
use crate::bodies::{self, Links};
use crate::check;
use crate::cli::CheckArgs;
use crate::diagnostics::Diagnostics;
use crate::load::Reading;
use crate::model::Drafts;
use crate::render::{Inputs, Plan};

/// Runs `boletin check`.
pub(crate) fn run(args: &CheckArgs) -> Outcome {
    let mut diagnostics = Diagnostics::default();
    let reader = Reader {
        root: &args.site.root,
        base_url: None,
        drafts: Drafts::when(args.drafts),
        reading: Reading::Everything,
    };
    let Some(renderable) = super::renderable(reader, &mut diagnostics) else {
        report(&diagnostics);
        return Outcome::SiteErrors;
    };
    let Renderable {
        modelled,
        locales,
        templates,
    } = renderable;
    let site = &modelled.site;
    // Pages can be rendered, and their links followed, only when nothing
    // that a build rejects is wrong; strict warnings do not stop it.
    let renderable = !diagnostics.has_errors();
    diagnostics.extend(check::fluent::check(
        &modelled.locale_files,
        &modelled.theme.templates,
        &site.config.default_language,
    ));
    let mut pages = 0;
    if let (true, Some(templates)) = (renderable, &templates) {
        let bodies = bodies::render_all(site, modelled.texts, Links::Keep);
        let body_problems: Vec<_> = bodies
            .values()
            .flat_map(|body| body.problems.iter().cloned())
            .collect();
        let inputs = Inputs {
            site,
            bodies: &bodies,
            locales: &locales,
            templates,
            theme: &modelled.theme,
        };
        let plan = Plan::whole_site(inputs);
        let output = plan.make_all();
        // Pages that failed to render would make every link to them look broken.
        let failed = output
            .problems
            .iter()
            .chain(&body_problems)
            .any(|p| p.is_error());
        diagnostics.extend(body_problems);
        diagnostics.extend(output.problems);
        if !failed {
            diagnostics.extend(check::links::check(&output.files, &bodies, site));
        }
        pages = plan.pages_per_language().values().sum();
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
