//! The command line: one subcommand per job, one Args struct each.
//! Doc comments here are the `--help` text people read.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// boletin turns a folder of Markdown newsletter issues, written in one or
/// more languages, into a website with an archive, topic pages and feeds.
#[derive(Debug, Parser)]
#[command(
    name = "boletin",
    version,
    after_help = "Examples:\n  boletin build                      build the site in this folder into public/\n  boletin check                      look for problems without building\n  boletin new \"Spring meeting\"       start the next issue\n  boletin status --lang es           what needs translating into Spanish\n  boletin translate KEY --to es      start the Spanish translation of an issue\n\nRun `boletin help COMMAND` for everything a command can do."
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Build the website into a folder (public/ unless --output says otherwise).
    Build(BuildArgs),
    /// Look for every problem a build would find, plus broken links, missing
    /// interface strings and images without descriptions; writes nothing.
    Check(CheckArgs),
    /// Start the next issue: creates its folder and file with the front matter filled in.
    New(NewArgs),
    /// Start a translation of an issue or page, or mark one as up to date with its source.
    Translate(TranslateArgs),
    /// Show which issues and interface strings are translated, missing or out of date.
    Status(StatusArgs),
    /// Preview the site on this computer, updated as you save (nothing is written to disk).
    Serve(ServeArgs),
}

/// The site every command works on.
#[derive(Debug, Args, Clone)]
pub(crate) struct SiteArgs {
    /// The site's folder, the one that holds boletin.yaml [default: the current folder]
    #[arg(
        long,
        value_name = "DIR",
        default_value = ".",
        hide_default_value = true
    )]
    pub(crate) root: PathBuf,
}

/// Options of `boletin build`.
#[derive(Debug, Args, Clone)]
pub(crate) struct BuildArgs {
    #[command(flatten)]
    pub(crate) site: SiteArgs,
    /// Where to put the website, relative to the current folder [default: public/ inside the site's folder]
    #[arg(long, value_name = "DIR")]
    pub(crate) output: Option<PathBuf>,
    /// Use this web address instead of base_url from boletin.yaml (for a test copy of the site)
    #[arg(long, value_name = "URL")]
    pub(crate) base_url: Option<String>,
    /// Include issues marked `draft: true`, with a visible "draft" mark
    #[arg(long)]
    pub(crate) drafts: bool,
    /// Print only warnings and errors
    #[arg(long)]
    pub(crate) quiet: bool,
    /// Print how long each stage took (load, parse, render, write)
    #[arg(long)]
    pub(crate) timings: bool,
}

/// Options of `boletin check`.
#[derive(Debug, Args, Clone)]
pub(crate) struct CheckArgs {
    #[command(flatten)]
    pub(crate) site: SiteArgs,
    /// Check drafts too
    #[arg(long)]
    pub(crate) drafts: bool,
}

/// Options of `boletin new`.
#[derive(Debug, Args, Clone)]
pub(crate) struct NewArgs {
    #[command(flatten)]
    pub(crate) site: SiteArgs,
    /// The language to write it in [default: the site's default language]
    #[arg(long, value_name = "LANG")]
    pub(crate) lang: Option<String>,
    /// Its date, as YYYY-MM-DD [default: today]
    #[arg(long, value_name = "DATE")]
    pub(crate) date: Option<String>,
    /// The title, in quotes if it has spaces
    #[arg(value_name = "TITLE", required = true, num_args = 1..)]
    pub(crate) title: Vec<String>,
}

/// Options of `boletin translate`.
#[derive(Debug, Args, Clone)]
pub(crate) struct TranslateArgs {
    #[command(flatten)]
    pub(crate) site: SiteArgs,
    /// The issue or page: its folder name, or its file name without .LANG.md
    #[arg(value_name = "KEY")]
    pub(crate) key: String,
    /// The language to translate into
    #[arg(long, value_name = "LANG")]
    pub(crate) to: String,
    /// The translation is up to date: record the source's current version in it
    #[arg(long)]
    pub(crate) done: bool,
}

/// Options of `boletin serve`.
#[derive(Debug, Args, Clone)]
pub(crate) struct ServeArgs {
    #[command(flatten)]
    pub(crate) site: SiteArgs,
    /// The port to listen on, at http://127.0.0.1:PORT/ (0 picks a free one)
    #[arg(long, default_value_t = 1111)]
    pub(crate) port: u16,
    /// Show issues marked `draft: true` too
    #[arg(long)]
    pub(crate) drafts: bool,
    /// Open the preview in the web browser
    #[arg(long)]
    pub(crate) open: bool,
}

/// How `status` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum StatusFormat {
    /// A table for people
    Table,
    /// JSON for other programs (documented in the README)
    Json,
}

/// Options of `boletin status`.
#[derive(Debug, Args, Clone)]
pub(crate) struct StatusArgs {
    #[command(flatten)]
    pub(crate) site: SiteArgs,
    /// Only this language
    #[arg(long, value_name = "LANG")]
    pub(crate) lang: Option<String>,
    /// table or json
    #[arg(long, value_enum, default_value_t = StatusFormat::Table)]
    pub(crate) format: StatusFormat,
}
