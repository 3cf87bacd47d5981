//! Renderings of a review: Markdown reports, JSON, and the plain-text
//! summary. Pure functions: no file, no terminal, no clock.
//!
//! - [`markdown::internal`]: the full report for the organisation.
//! - [`markdown::public`]: the short summary for customers.
//! - [`json::to_json`]: the whole review for other tools.
//! - [`text::summary`]: what `debrief show` prints.
//! - [`export_set`]: the files an export writes.
//! - [`escape`]: how user text is made safe inside Markdown.

pub mod escape;
mod files;
mod format;
pub mod json;
pub mod markdown;
pub mod svg;
pub mod text;
mod url;

pub use files::{ReportFile, chart, export_set, export_set_with};
pub use json::to_json;
pub use markdown::{internal, public};
pub use text::summary;
