//! `boletin build`: load, model, render, write, and report.

use super::{Outcome, render_site, report};
use crate::cli::BuildArgs;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::write;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Source folders a build must never write into or over.
const SOURCE_FOLDERS: &[&str] = &["content", "locales", "themes", "static"];

/// Runs `boletin build`.
pub fn run(args: &BuildArgs) -> Outcome {
    let started = Instant::now();
    let mut diagnostics = Diagnostics::default();
    let root = args.site.root.clone();
    let output_dir = args.output.clone().unwrap_or_else(|| root.join("public"));
    if let Err(problem) = check_output_folder(&root, &output_dir) {
        diagnostics.push(problem);
        report(&diagnostics);
        return Outcome::SiteErrors;
    }
    let rendered = render_site(
        &root,
        args.base_url.as_deref(),
        args.drafts,
        &mut diagnostics,
    );
    let Some(rendered) = rendered else {
        report(&diagnostics);
        eprintln!(
            "The site was not built; {} was left as it was.",
            output_dir.display()
        );
        return Outcome::SiteErrors;
    };
    if let Err(error) = write::write_site(&output_dir, &rendered.output.files) {
        diagnostics.push(
            Diagnostic::error(&output_dir, error.to_string())
                .help("check that the folder can be written to and the disk is not full"),
        );
        report(&diagnostics);
        return Outcome::SiteErrors;
    }
    report(&diagnostics);
    if !args.quiet {
        let per_language: Vec<String> = rendered
            .output
            .pages_per_language
            .iter()
            .map(|(lang, count)| format!("{lang} {count}"))
            .collect();
        let warnings = diagnostics.warning_count();
        println!(
            "Built {} pages ({}) into {} in {:.2} s{}.",
            rendered.output.pages_per_language.values().sum::<usize>(),
            per_language.join(", "),
            output_dir.display(),
            started.elapsed().as_secs_f64(),
            match warnings {
                0 => String::new(),
                1 => ", 1 warning".to_string(),
                n => format!(", {n} warnings"),
            }
        );
    }
    Outcome::Success
}

/// An absolute, `..`-free form of `path`, resolving what exists on disk.
fn absolute(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut existing = absolute.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name.to_os_string());
                existing = parent.to_path_buf();
            }
            _ => return absolute,
        }
    }
    let mut resolved = existing.canonicalize().unwrap_or(existing);
    for name in rest.into_iter().rev() {
        resolved.push(name);
    }
    resolved
}

/// The output may not be, or contain, the site or a source folder, nor
/// lie inside a source folder: the swap would delete the sources.
fn check_output_folder(root: &Path, output: &Path) -> Result<(), Diagnostic> {
    let root = absolute(root);
    let output = absolute(output);
    let mut protected = vec![root.clone()];
    protected.extend(SOURCE_FOLDERS.iter().map(|f| root.join(f)));
    let clash = protected.iter().any(|p| p.starts_with(&output))
        || SOURCE_FOLDERS
            .iter()
            .any(|f| output.starts_with(root.join(f)));
    if clash {
        return Err(Diagnostic::error(&output, "this output folder would overwrite the site's own files")
            .help("choose an output folder outside content/, locales/, themes/ and static/, such as public/"));
    }
    Ok(())
}
