//! The commands the CLI runs. Each is thin: it calls the stages in order
//! and reports what they found.

pub mod build;

use crate::diagnostics::{Diagnostic, Diagnostics};
use std::io::IsTerminal;

/// How a command ended, as the process exit status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// 0: done.
    Success,
    /// 1: the site has errors.
    SiteErrors,
}

/// Prints every diagnostic to standard error, warnings before errors.
pub fn report(diagnostics: &Diagnostics) {
    let color = std::io::stderr().is_terminal();
    for diagnostic in diagnostics.sorted() {
        eprintln!("{}", diagnostic.render(color));
    }
    let errors = diagnostics.error_count();
    if errors > 0 {
        eprintln!(
            "{} {} found; the site was not changed.",
            errors,
            if errors == 1 {
                "error was"
            } else {
                "errors were"
            }
        );
    }
}

/// Collects a stage's problems into the run's list.
pub fn collect(diagnostics: &mut Diagnostics, problems: Vec<Diagnostic>) {
    diagnostics.extend(problems);
}
