//! The command line: one subcommand per job, one Args struct each.
//! Doc comments here are the `--help` text people read.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// boletin turns a folder of Markdown newsletter issues, written in one or
/// more languages, into a website with an archive, topic pages and feeds.
#[derive(Debug, Parser)]
#[command(
    name = "boletin",
    version,
    after_help = "Examples:\n  boletin build                      build the site in this folder into public/\n  boletin build --root mysite        build the site in the folder mysite\n  boletin build --output /tmp/test   build into another folder\n\nRun `boletin build --help` for everything build can do."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the website into a folder (public/ unless --output says otherwise).
    Build(BuildArgs),
}

/// Options of `boletin build`.
#[derive(Debug, Args, Clone)]
pub struct BuildArgs {
    /// The site's folder, the one that holds boletin.yaml [default: the current folder]
    #[arg(
        long,
        value_name = "DIR",
        default_value = ".",
        hide_default_value = true
    )]
    pub root: PathBuf,
    /// Where to put the website, relative to the current folder [default: public/ inside the site's folder]
    #[arg(long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Use this web address instead of base_url from boletin.yaml (for a test copy of the site)
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Include issues marked `draft: true`, with a visible "draft" mark
    #[arg(long)]
    pub drafts: bool,
    /// Print only warnings and errors
    #[arg(long)]
    pub quiet: bool,
}
