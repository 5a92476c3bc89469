//! boletin: a static-site generator for multilingual newsletters.
//!
//! A build is a pipeline of stages, each handing a plain value on:
//! `load` (reads the site) → `model` (the `Site`, and the bodies apart)
//! → `bodies` (Markdown to HTML) → `render` (a plan of files and a pure
//! function per file) → `write` (the staging folder, swapped in).
//! `commands` holds the thin functions the CLI calls, which run them.
//!
//! This file parses the command line, runs the command and
//! turns its outcome into the exit status (0 success, 1 site errors,
//! 2 wrong usage — the last one is clap's own).

// Diagnostics are large on purpose (file, line, source line, help) and only
// travel on the error path, where a few bytes of copying do not matter.
#![allow(clippy::result_large_err)]

mod bodies;
mod check;
mod cli;
mod commands;
mod config;
mod content_files;
mod diagnostics;
mod freshness;
mod i18n;
mod lang;
mod load;
mod markdown;
mod model;
mod render;
mod suggest;
mod text;
mod waiting;
mod write;
mod yaml;

use clap::Parser;
use cli::{Cli, Command};
use commands::Outcome;
use std::process::ExitCode;

/// See Cargo.toml for why.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The stack of the threads that load and render a site. Tera parses,
/// copies and renders every level of a template's nesting (`if` in `for`
/// in `filter`…) one call deeper: the default 2 MiB ran out at 300
/// nested `if`s, 8 MiB at 3,000 nested `filter`s. Only the pages a
/// command touches are ever used.
const DEEP_STACK: usize = 64 << 20;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Fails only if the pool already exists, which it cannot yet.
    let _ = rayon::ThreadPoolBuilder::new()
        .stack_size(DEEP_STACK)
        .build_global();
    let command = std::thread::Builder::new()
        .name("boletin".to_string())
        .stack_size(DEEP_STACK)
        .spawn(move || run(&cli));
    let outcome = match command.map(std::thread::JoinHandle::join) {
        Ok(Ok(outcome)) => outcome,
        Ok(Err(panic)) => std::panic::resume_unwind(panic),
        Err(error) => {
            eprintln!("error: cannot start: {error}");
            return ExitCode::from(1);
        }
    };
    match outcome {
        Outcome::Success => ExitCode::SUCCESS,
        Outcome::SiteErrors => ExitCode::from(1),
    }
}

fn run(cli: &Cli) -> Outcome {
    match &cli.command {
        Command::Build(args) => commands::build::run(args),
        Command::New(args) => commands::new::run(args),
        Command::Status(args) => commands::status::run(args),
        Command::Translate(args) => commands::translate::run(args),
        Command::Check(args) => commands::check::run(args),
        Command::Serve(args) => commands::serve::run(args),
    }
}
