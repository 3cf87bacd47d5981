//! `debrief related`: the reviews that share a service, a tag, an incident
//! or a factor's words with a review, from the library's cache.

use std::io::Write;
use std::path::Path;

use clap::Args;

use super::CliError;
use super::list::library;
use crate::domain::text::visible_line;
use crate::library::{Corpus, Library, Related, ReviewSummary};
use crate::report::json::write_pretty;
use crate::store::{self, Store};

/// How many related reviews are shown unless told.
pub const SHOWN: usize = 10;

#[derive(Debug, Args)]
pub struct RelatedArgs {
    /// A path, an id, or a unique prefix of an id
    pub review: String,
    /// Print JSON for other tools
    #[arg(long)]
    pub json: bool,
    /// Show at most this many reviews
    #[arg(long, default_value_t = SHOWN, value_name = "N")]
    pub limit: usize,
}

/// The summary of the review at `path`: the library's when it lists that
/// file, else read from the file.
pub(super) fn summary_of(library: &Library, path: &Path) -> Result<ReviewSummary, CliError> {
    let same = |p: &Path| p == path || (p.canonicalize().ok() == path.canonicalize().ok());
    if let Some((_, s)) = library.reviews().find(|(p, _)| same(p)) {
        return Ok(s.clone());
    }
    Ok(ReviewSummary::of(&store::load(path)?))
}

/// The reviews of the library related to the one at `path`, best first.
pub fn related_to(
    store: &Store,
    path: &Path,
    limit: usize,
) -> Result<(ReviewSummary, Vec<Related>), CliError> {
    let library = library(store)?;
    for (_, why) in library.problems() {
        say!("debrief: skipping a file: {why}");
    }
    let me = summary_of(&library, path)?;
    let corpus = Corpus::new(library.reviews().map(|(_, s)| s));
    let found = corpus.related(&me, limit);
    Ok((me, found))
}

pub fn related(store: &Store, args: &RelatedArgs, out: &mut impl Write) -> Result<(), CliError> {
    let path = store.resolve(&args.review)?;
    let (me, found) = related_to(store, &path, args.limit)?;
    if args.json {
        let items: Vec<serde_json::Value> = found
            .iter()
            .map(|r| {
                serde_json::json!({
                    "review": r.id,
                    "title": r.title,
                    "date": r.date,
                    "severity": r.severity.label(),
                    "score": (r.score * 100.0).round() / 100.0,
                    "shares": r.shares,
                    "why": r.why(),
                })
            })
            .collect();
        write_pretty(out, &items)?;
        return Ok(());
    }
    if found.is_empty() {
        say!(
            "no other review shares a service, a tag, an incident or a factor's words with {}",
            visible_line(&me.id)
        );
        return Ok(());
    }
    for r in &found {
        writeln!(
            out,
            "{}  {}  {}  {}\n  {}",
            r.date,
            r.severity.label(),
            visible_line(&r.id),
            visible_line(&r.title),
            visible_line(&r.why()),
        )?;
    }
    Ok(())
}
