//! The `boletin` command: parses the command line, runs the command and
//! turns its outcome into the exit status (0 success, 1 site errors,
//! 2 wrong usage — the last one is clap's own).

use boletin::cli::{Cli, Command};
use boletin::commands::{self, Outcome};
use clap::Parser;
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
