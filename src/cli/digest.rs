//! `debrief digest`: the learnings, contributing factors and open action
//! items of recent reviews as Markdown, for a team's learning meeting.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::CliError;
use super::list::{day, library, today};
use crate::library::digest::{Span, covers, gather};
use crate::report;
use crate::store::Store;
use crate::store::{self, Replace, write_atomic};

#[derive(Debug, Args)]
pub struct DigestArgs {
    /// Incidents on this day or after: 2026-03-01, 2026-03, or back from today: 30d, 6w, 3m, 1y
    #[arg(long, value_name = "WHEN", default_value = "30d")]
    pub since: String,
    /// Incidents on this day or before (read like --since)
    #[arg(long, value_name = "WHEN")]
    pub until: Option<String>,
    /// Only what the public summaries show: published reviews, no learnings,
    /// factors, names or internal-only items
    #[arg(long)]
    pub public: bool,
    /// Write to FILE (atomically) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn digest(store: &Store, args: &DigestArgs, out: &mut impl Write) -> Result<(), CliError> {
    let today = today();
    let span = Span {
        since: day("since", Some(&args.since), today)?,
        until: day("until", args.until.as_deref(), today)?,
        today,
        public: args.public,
    };
    if let (Some(a), Some(b)) = (span.since, span.until)
        && a > b
    {
        return Err(CliError::Input(format!(
            "--since {a} is after --until {b}: nothing can fall between them"
        )));
    }
    let library = library(store)?;
    for (_, why) in library.problems() {
        say!("debrief: skipping a file: {why}");
    }
    // Only the reviews in the span are read in full.
    let mut reviews = Vec::new();
    for (path, summary) in library.reviews() {
        if covers(&span, summary.date) {
            match store::load(path) {
                Ok(review) => reviews.push(review),
                Err(e) => say!("debrief: skipping a file: {e}"),
            }
        }
    }
    let text = report::markdown::digest(&gather(&reviews, span));
    match &args.output {
        Some(path) => {
            if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty())
                && !folder.is_dir()
            {
                return Err(CliError::Input(format!(
                    "-o {}: the folder {} does not exist",
                    path.display(),
                    folder.display()
                )));
            }
            write_atomic(path, text.as_bytes(), Replace::Overwrite)?;
            say!("wrote {}", path.display());
        }
        None => out.write_all(text.as_bytes())?,
    }
    Ok(())
}
