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

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match &cli.command {
        Command::Build(args) => commands::build::run(args),
        Command::New(args) => commands::new::run(args),
        Command::Status(args) => commands::status::run(args),
        Command::Translate(args) => commands::translate::run(args),
        Command::Check(args) => commands::check::run(args),
        Command::Serve(args) => boletin::serve::run(args),
    };
    match outcome {
        Outcome::Success => ExitCode::SUCCESS,
        Outcome::SiteErrors => ExitCode::from(1),
    }
}
