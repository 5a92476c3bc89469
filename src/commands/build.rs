//! `boletin build`: load, model, render, write, and report.

use super::{Outcome, Reader, Renderable, report};
use crate::bodies::{self, Links};
use crate::cli::BuildArgs;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::lang::Lang;
use crate::load::{Reading, SOURCE_FOLDERS};
use crate::model::Drafts;
use crate::render::{Inputs, OutputFile, Plan, PlannedFile};
use crate::write::{self, Staging};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// A build shorter than this shows no progress bar.
const QUIET_BUILD: Duration = Duration::from_secs(1);

/// Seconds spent in each stage, for `--timings` and the benchmarks.
#[derive(Default)]
struct Timings {
    load: f64,
    markdown: f64,
    render: f64,
    write: f64,
}

/// Runs `boletin build`.
pub(crate) fn run(args: &BuildArgs) -> Outcome {
    let started = Instant::now();
    let mut diagnostics = Diagnostics::default();
    let root = args.site.root.clone();
    let output_dir = args.output.clone().unwrap_or_else(|| root.join("public"));
    // Refused before the site is read, and before anything is written.
    let refusal = check_output_folder(&root, &output_dir).and_then(|()| {
        write::check_output(&output_dir).map_err(|error| write_problem(&output_dir, &error))
    });
    if let Err(problem) = refusal {
        diagnostics.push(problem);
        report(&diagnostics);
        return Outcome::SiteErrors;
    }
    let progress = Progress::new(args.quiet, started);
    let mut timings = Timings::default();
    let pages = build(args, &output_dir, &mut diagnostics, &mut timings, &progress);
    progress.finish();
    let Some(pages) = pages else {
        report(&diagnostics);
        eprintln!(
            "The site was not built; {} was left as it was.",
            output_dir.display()
        );
        return Outcome::SiteErrors;
    };
    report(&diagnostics);
    if args.timings {
        eprintln!(
            "timings: load {:.3} s, parse {:.3} s, render {:.3} s, write {:.3} s",
            timings.load, timings.markdown, timings.render, timings.write
        );
    }
    if !args.quiet {
        let per_language: Vec<String> = pages
            .iter()
            .map(|(lang, count)| format!("{lang} {count}"))
            .collect();
        let warnings = diagnostics.warning_count();
        println!(
            "Built {} pages ({}) into {} in {:.2} s{}.",
            pages.values().sum::<usize>(),
            per_language.join(", "),
            output_dir.display(),
            started.elapsed().as_secs_f64(),
            if warnings == 0 {
                String::new()
            } else {
                format!(", {}", super::count(warnings, "warning"))
            }
        );
    }
    Outcome::Success
}

/// Loads, renders and writes the site, timing each stage; `None` on
/// errors, with the output folder as it was.
///
/// Pages are written into the staging folder as they are rendered, so
/// the whole site is never held in memory; "render" counts both, "write"
/// the folders, the swap and removing the previous output.
fn build(
    args: &BuildArgs,
    output_dir: &Path,
    diagnostics: &mut Diagnostics,
    timings: &mut Timings,
    progress: &Progress,
) -> Option<BTreeMap<Lang, usize>> {
    let stage = Instant::now();
    let reader = Reader {
        root: &args.site.root,
        base_url: args.base_url.as_deref(),
        drafts: Drafts::when(args.drafts),
        reading: Reading::Everything,
    };
    let renderable = super::renderable(reader, diagnostics)?;
    timings.load = stage.elapsed().as_secs_f64();
    if diagnostics.has_errors() {
        return None;
    }
    let Renderable {
        modelled,
        locales,
        templates,
    } = renderable;
    let templates = templates?;
    let stage = Instant::now();
    progress.message("reading Markdown");
    let site = &modelled.site;
    let bodies = bodies::render_all(site, modelled.texts, Links::Drop);
    timings.markdown = stage.elapsed().as_secs_f64();
    for body in bodies.values() {
        diagnostics.extend(body.problems.iter().cloned());
    }

    let stage = Instant::now();
    let staging = match Staging::begin(output_dir) {
        Ok(staging) => staging,
        Err(error) => {
            diagnostics.push(write_problem(output_dir, &error));
            return None;
        }
    };
    let mut write_time = stage.elapsed().as_secs_f64();
    let stage = Instant::now();
    let inputs = Inputs {
        site,
        bodies: &bodies,
        locales: &locales,
        templates: &templates,
        theme: &modelled.theme,
    };
    let plan = Plan::whole_site(inputs);
    progress.message("writing pages");
    diagnostics.extend(plan.problems.iter().cloned());
    diagnostics.extend(write_all(&plan, &staging, output_dir, progress));
    timings.render = stage.elapsed().as_secs_f64();
    if diagnostics.has_errors() {
        return None;
    }
    let stage = Instant::now();
    let committed = staging.commit();
    write_time += stage.elapsed().as_secs_f64();
    timings.write = write_time;
    if let Err(error) = committed {
        diagnostics.push(write_problem(output_dir, &error));
        return None;
    }
    let pages = plan.pages_per_language();
    // The process ends right after a build, and the system takes its
    // memory back at once; freeing the model, bodies and contexts one
    // allocation at a time took 150 ms of a 2.4 s build at 5,000 issues.
    std::mem::forget(plan);
    std::mem::forget(bodies);
    std::mem::forget(locales);
    std::mem::forget(modelled.site);
    std::mem::forget(modelled.theme);
    std::mem::forget(modelled.locale_files);
    Some(pages)
}

/// Makes every file of `plan` on every core and puts each into `staging`
/// as soon as it is made; the problems found, writing ones included.
fn write_all(
    plan: &Plan,
    staging: &Staging,
    output_dir: &Path,
    progress: &Progress,
) -> Vec<Diagnostic> {
    let (pages, ready): (Vec<&PlannedFile>, Vec<&PlannedFile>) = plan
        .files
        .iter()
        .partition(|file| matches!(file, PlannedFile::Page { .. }));
    let done = AtomicUsize::new(0);
    let put = |file: &PlannedFile| -> Vec<Diagnostic> {
        match plan.make(file) {
            Ok(made) => {
                let mut problems = made.warnings;
                let output = OutputFile {
                    path: file.path().to_path_buf(),
                    content: made.content,
                };
                if let Err(error) = staging.put(&output) {
                    problems.push(write_problem(output_dir, &error));
                }
                problems
            }
            Err(problem) => vec![problem],
        }
    };
    let render_pages = || -> Vec<Diagnostic> {
        pages
            .par_iter()
            .flat_map_iter(|file| {
                let problems = put(file);
                progress.pages(done.fetch_add(1, Ordering::Relaxed) + 1, pages.len());
                problems
            })
            .collect()
    };
    // Copying images mostly waits on the disk, so it goes on threads of
    // its own while the pages are rendered. Done after the pages, it left
    // both cores half idle for 0.4 s at 5,000 issues.
    std::thread::scope(|scope| {
        let copying = scope.spawn(|| {
            crate::waiting::on_waiting_threads(|| {
                ready
                    .par_iter()
                    .flat_map_iter(|file| put(file))
                    .collect::<Vec<Diagnostic>>()
            })
        });
        let mut problems = render_pages();
        problems.extend(
            copying
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
        );
        problems
    })
}

fn write_problem(output_dir: &Path, error: &write::WriteError) -> Diagnostic {
    Diagnostic::error(output_dir, error.to_string()).help(error.help())
}

/// The progress bar: hidden until the build has taken a second, and
/// never shown off a terminal or with `--quiet`.
struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
}

impl Progress {
    fn new(quiet: bool, started: Instant) -> Progress {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
            if let Ok(style) =
                ProgressStyle::with_template("{msg:>16} [{bar:30}] {pos}/{len} pages")
            {
                bar.set_style(style.progress_chars("=> "));
            }
            bar
        });
        Progress { bar, started }
    }

    fn show_if_slow(&self, bar: &ProgressBar) {
        if bar.is_hidden() && self.started.elapsed() >= QUIET_BUILD {
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }

    fn message(&self, message: &'static str) {
        if let Some(bar) = &self.bar {
            bar.set_message(message);
            self.show_if_slow(bar);
        }
    }

    fn pages(&self, done: usize, total: usize) {
        if let Some(bar) = &self.bar {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
            self.show_if_slow(bar);
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
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
