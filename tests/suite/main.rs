//! The integration tests: one program that runs the real `boletin`
//! binary on small fixture sites and reads back what it wrote and printed.
//! One module per thing a user does or sees; `common` holds the fixture,
//! the runner and the parsers' helpers.
//!
//! Run one feature with `cargo test --test suite <module>`, for example
//! `cargo test --test suite pages::archive`.

// A test fails by panicking, so its helpers may unwrap and expect; a test
// reads best as one story, however long; and a fixture helper takes the
// parts of the file it writes in the order the file has them.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::too_many_lines,
    clippy::too_many_arguments,
    clippy::fn_params_excessive_bools
)]

mod common;

mod build;
mod errors;
mod feeds;
mod hostile;
mod pages;
mod sample_site;
mod serve;
mod workflow;
