//! The integration tests: one program that runs the real `boletin`
//! binary on small fixture sites and reads back what it wrote and printed.
//! One module per thing a user does or sees; `common` holds the fixture,
//! the runner and the parsers' helpers.
//!
//! Run one feature with `cargo test --test suite <module>`, for example
//! `cargo test --test suite pages::archive`.

mod common;

mod build;
mod errors;
mod feeds;
mod hostile;
mod pages;
mod sample_site;
mod serve;
mod workflow;
