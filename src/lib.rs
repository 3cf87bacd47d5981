//! debrief: run blameless post-incident reviews from the terminal.
//!
//! - [`domain`]: the review as data, its metrics and checks; no IO.
//! - [`report`]: Markdown and JSON renderings; pure functions.
//! - [`store`]: where reviews live on disk, atomic saves and locks.
//! - [`cli`]: the command line.

pub mod app;
pub mod cli;
pub mod domain;
pub mod report;
pub mod store;
