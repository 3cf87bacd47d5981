//! `debrief search`: every text of every review, ranked.

use std::io::Write;

use clap::Args;

use super::CliError;
use super::list::library;
use crate::domain::text::visible_line;
use crate::library::search::{excerpt, terms};
use crate::report::json::write_pretty;
use crate::store::Store;

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to find (all of them, in any text of a review; parts of words match)
    #[arg(required = true, num_args = 1..)]
    pub query: Vec<String>,
    /// Search the facilitator's private notes too
    #[arg(long)]
    pub notes: bool,
    /// Print JSON for other tools
    #[arg(long)]
    pub json: bool,
    /// Show at most this many items
    #[arg(long, default_value_t = 50, value_name = "N")]
    pub limit: usize,
}

/// Searches, writing the hits to `out` and what the user should know
/// (files skipped, nothing found, hits left out) to `notes`.
pub fn search(
    store: &Store,
    args: &SearchArgs,
    out: &mut impl Write,
    notes: &mut impl Write,
) -> Result<(), CliError> {
    let terms = terms(&args.query.join(" "));
    if terms.is_empty() {
        return Err(CliError::Input(
            "search: give at least one word to find".into(),
        ));
    }
    let library = library(store)?;
    for (_, why) in library.problems() {
        note(notes, &format!("debrief: skipping a file: {why}"))?;
    }
    let mut words = library.words(&mut super::list::progress("indexing the texts"));
    let mut ranked = words.search(&terms, args.notes);
    let shown = ranked.len().min(args.limit);
    for r in &ranked[..shown] {
        words.hit(r, &terms);
    }
    if words.is_damaged() {
        // A block of texts did not match its hash and was read from its
        // review: the index is written again, and searched again.
        let files: Vec<_> = library
            .row_entries()
            .iter()
            .map(|e| (e.path.as_path(), e.stamp))
            .collect();
        words = words.mend(&files, &mut |_, _| {});
        ranked = words.search(&terms, args.notes);
    }
    let shown = ranked.len().min(args.limit);
    let hits: Vec<_> = ranked[..shown]
        .iter()
        .map(|r| words.hit(r, &terms))
        .collect();
    show(&library, args, &hits, ranked.len(), out, notes)
}

fn note(notes: &mut impl Write, text: &str) -> Result<(), CliError> {
    writeln!(notes, "{}", visible_line(text))?;
    Ok(())
}

/// The hits shown, of `all` found.
fn show(
    library: &crate::library::Library,
    args: &SearchArgs,
    hits: &[crate::library::search::Hit],
    all: usize,
    out: &mut impl Write,
    notes: &mut impl Write,
) -> Result<(), CliError> {
    let entry = |review: usize| &library.row_entries()[review];
    let shown = hits.len();
    if args.json {
        let items: Vec<serde_json::Value> = hits
            .iter()
            .map(|h| {
                let e = entry(h.review);
                let s = e.row.as_ref().ok();
                serde_json::json!({
                    "review": s.map(|s| s.id.as_str()),
                    "title": s.map(|s| s.title.as_str()),
                    "path": e.path,
                    "place": h.place.label(),
                    "item": h.item,
                    "text": h.text,
                    "words": h.words,
                    "score": h.score,
                })
            })
            .collect();
        write_pretty(out, &items)?;
        return Ok(());
    }
    if hits.is_empty() {
        note(
            notes,
            &format!("nothing matches {:?}", args.query.join(" ")),
        )?;
        return Ok(());
    }
    for h in hits {
        let e = entry(h.review);
        let (id, title) = e
            .row
            .as_ref()
            .map(|s| (s.id.as_str(), s.title.as_str()))
            .unwrap_or_default();
        let item = h.item.map(|n| format!(" #{n}")).unwrap_or_default();
        writeln!(
            out,
            "{}  {}\n  {}{}: {}\n  matched: {}",
            visible_line(id),
            visible_line(title),
            h.place.label(),
            item,
            visible_line(&excerpt(h.text, h.words.first().copied(), 100)),
            visible_line(&h.words.join(", ")),
        )?;
    }
    if all > shown {
        note(
            notes,
            &format!("{} more; show them with --limit {all}", all - shown),
        )?;
    }
    Ok(())
}
