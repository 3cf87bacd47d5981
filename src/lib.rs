//! debrief: run blameless post-incident reviews from the terminal.
//!
//! - [`domain`]: the review as data, its metrics and checks; no IO.
//! - [`report`]: Markdown and JSON renderings; pure functions.
//! - [`store`]: where reviews live on disk, atomic saves and locks.
//! - [`library`]: every review of a folder in brief, and its cache.
//! - [`app`]: the interactive program's state and its update function.
//! - [`ui`]: rendering of that state; pure.
//! - [`runtime`]: the terminal loop, background saves, signals, and
//!   `debrief watch`, a read-only view that follows the facilitator.
//! - [`follow`]: what the facilitator shows, for watchers to follow.
//! - [`config`]: the environment and the user's keys, prompts and coach.
//! - [`cli`]: the command line.

pub mod app;
pub mod cli;
pub mod config;
pub mod domain;
pub mod follow;
pub mod import;
pub mod library;
pub mod report;
pub mod runtime;
pub mod store;
pub mod ui;
