//! `debrief new` and `debrief demo`.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use clap::Args;

use super::CliError;
use crate::config::Env;
use crate::domain::lists::{parse_references, parse_tags};
use crate::domain::{Offset, ReviewKind, Severity, Text};
use crate::runtime::{self, Start};
use crate::store::{self, Store, StoreError};

#[derive(Debug, Args)]
pub struct NewArgs {
    pub title: String,
    /// Severity, 1 (complete outage) to 5 (false alarm)
    #[arg(long, default_value = "3", value_name = "N")]
    pub sev: Severity,
    /// A short solo review, opened on the quick review [default for Sev3 to Sev5]
    #[arg(long, conflicts_with = "full")]
    pub quick: bool,
    /// A full review meeting [default for Sev1 and Sev2]
    #[arg(long)]
    pub full: bool,
    /// The incident's reference (ticket or incident number); again for
    /// more incidents or alerts of the same review
    #[arg(long, value_name = "REF")]
    pub incident: Vec<String>,
    /// A tag to find the review by (repeatable, or comma separated)
    #[arg(long, value_name = "TAG")]
    pub tag: Vec<String>,
    /// The offset that times are read and shown in [default: this machine's]
    #[arg(long, value_name = "OFFSET", allow_hyphen_values = true)]
    pub offset: Option<Offset>,
    /// Only print the id, even in a terminal
    #[arg(long)]
    pub no_open: bool,
}

/// Creates a review and returns its id and path.
pub fn create(
    store: &Store,
    args: &NewArgs,
    env: &Env,
    now: DateTime<Utc>,
) -> Result<(String, PathBuf), CliError> {
    let title = Text::trimmed(&args.title);
    if title.is_empty() {
        return Err(CliError::Input("a review needs a title".into()));
    }
    let offset = args.offset.unwrap_or(env.offset);
    let kind = if args.quick || (!args.full && args.sev >= Severity::Sev3) {
        ReviewKind::Quick
    } else {
        ReviewKind::Full
    };
    let mut given = args
        .incident
        .iter()
        .map(Text::trimmed)
        .filter(|t| !t.is_empty());
    let incident = given.next();
    let incidents = parse_references(&given.map(Text::into_string).collect::<Vec<_>>().join(","));
    let tags = parse_tags(&args.tag.join(","));
    let (path, review) =
        store.create_new_with(title, args.sev, kind, incident, offset, now, |r| {
            r.incidents = incidents;
            r.tags = tags;
        })?;
    Ok((review.id, path))
}

/// Opens a copy of the example review in a temporary folder, so nothing of
/// the user's is touched.
pub(super) fn demo(options: runtime::Options) -> Result<(), CliError> {
    let scratch = tempfile::Builder::new()
        .prefix("debrief-demo-")
        .tempdir()
        .map_err(|e| CliError::Input(format!("could not make a temporary folder: {e}")))?;
    let store = Store::at(scratch.path());
    let review = store::decode(store::EXAMPLE, Path::new("assets/example-review.ron"))
        .map_err(StoreError::from)?;
    let path = store.create(&review)?;
    let options = runtime::Options {
        demo: true,
        ..options
    };
    let result = runtime::run(&store, Start::Open(path), options);
    say!(
        "The demo's copy and anything exported from it are removed now: {}",
        scratch.path().display()
    );
    result?;
    Ok(())
}

pub(super) fn finish_session(outcome: runtime::Outcome) -> Result<(), CliError> {
    match outcome {
        runtime::Outcome::Saved(path) => say!("Saved {}", path.display()),
        runtime::Outcome::ReadOnly | runtime::Outcome::NothingOpen => {}
        runtime::Outcome::Unsaved {
            review,
            error,
            copy,
        } => {
            let copy = match copy {
                Ok(path) => format!("a copy of the review as it was is at {}", path.display()),
                Err(why) => format!("no copy could be written either: {why}"),
            };
            return Err(CliError::Input(format!(
                "the last changes are not saved in {}: {error}; {copy}",
                review.display()
            )));
        }
    }
    Ok(())
}
