//! boletin: a static-site generator for multilingual newsletters.
//!
//! A build is a pipeline of stages, each handing a plain value on:
//! `load` (reads the site) → `model` (the `Site`, and the bodies apart)
//! → `bodies` (Markdown to HTML) → `render` (a plan of files and a pure
//! function per file) → `write` (the staging folder, swapped in).
//! `commands` holds the thin functions the CLI calls, which run them.

// Diagnostics are large on purpose (file, line, source line, help) and only
// travel on the error path, where a few bytes of copying do not matter.
#![allow(clippy::result_large_err)]

pub mod bodies;
pub mod check;
pub mod cli;
pub mod commands;
pub mod config;
pub mod content_files;
pub mod diagnostics;
pub mod i18n;
pub mod lang;
pub mod load;
pub mod markdown;
pub mod model;
pub mod render;

pub mod freshness;
pub mod suggest;
pub mod text;
pub mod waiting;
pub mod write;
pub mod yaml;
