//! `debrief list`, read from the library's cache.

use std::borrow::Cow;
use std::io::Write;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, Utc};
use clap::Args;

use super::CliError;
use crate::config::Env;
use crate::domain::text::visible_line;
use crate::domain::{Severity, Status};
use crate::library::{Filter, Library, parse_day};
use crate::report::json::write_pretty;
use crate::store::Store;

/// How long a rebuild of the cache runs before it says how far it is.
const QUIET: Duration = Duration::from_secs(1);

/// Which reviews to list.
#[derive(Debug, Clone, Default, Args)]
pub struct FilterArgs {
    /// Only these severities: --sev 1,2 (or --sev 1 --sev 2)
    #[arg(long, value_delimiter = ',', value_name = "SEV")]
    pub sev: Vec<Severity>,
    /// Only these statuses: draft, "in review", reviewed, published, "not required"
    #[arg(long, value_delimiter = ',', value_name = "STATUS")]
    pub status: Vec<Status>,
    /// Only reviews that name one of these services
    #[arg(long, value_delimiter = ',', value_name = "NAME")]
    pub service: Vec<String>,
    /// Incidents on this day or after: 2026-03-01, 2026-03, or back from today: 30d, 6w, 3m, 1y
    #[arg(long, value_name = "WHEN")]
    pub since: Option<String>,
    /// Incidents on this day or before (read like --since)
    #[arg(long, value_name = "WHEN")]
    pub until: Option<String>,
    /// Only reviews with an action item owned by NAME
    #[arg(long, value_name = "NAME")]
    pub owner: Option<String>,
    /// Only reviews with one of these tags (their tags, or #tags in the title or summary)
    #[arg(long, value_delimiter = ',', value_name = "TAG")]
    pub tag: Vec<String>,
}

/// Today, in the user's offset.
pub(super) fn today() -> NaiveDate {
    Env::from_process().offset.local(Utc::now()).date_naive()
}

/// Reads `--since` or `--until`, naming the option at fault.
pub(super) fn day(
    option: &str,
    raw: Option<&str>,
    today: NaiveDate,
) -> Result<Option<NaiveDate>, CliError> {
    raw.map(|r| parse_day(r, today).map_err(|e| CliError::Input(format!("--{option}: {e}"))))
        .transpose()
}

impl FilterArgs {
    pub(super) fn filter(&self, today: NaiveDate) -> Result<Filter, CliError> {
        Ok(Filter {
            severities: self.sev.clone(),
            statuses: self.status.clone(),
            services: self.service.clone(),
            since: day("since", self.since.as_deref(), today)?,
            until: day("until", self.until.as_deref(), today)?,
            owner: self.owner.clone(),
            tags: self.tag.clone(),
        })
    }
}

/// The library of `store`, with a progress line on standard error every
/// second once reading the files has taken longer than a second.
pub(super) fn library(store: &Store) -> Result<Library, CliError> {
    let start = Instant::now();
    let mut last: Option<Instant> = None;
    let mut said = false;
    let mut progress = |done: usize, total: usize| {
        let now = Instant::now();
        if now.duration_since(start) >= QUIET && last.is_none_or(|l| now.duration_since(l) >= QUIET)
        {
            last = Some(now);
            said = true;
            say!("debrief: indexing reviews: {done} of {total}");
        }
    };
    let library = Library::load(store, &mut progress)?;
    if said {
        say!("debrief: indexed {} reviews", library.read);
    }
    Ok(library)
}

/// A progress line on standard error every second once `what` has taken
/// longer than a second: "debrief: WHAT: 120 of 10000".
pub(super) fn progress(what: &'static str) -> impl FnMut(usize, usize) {
    let start = Instant::now();
    let mut last: Option<Instant> = None;
    move |done: usize, total: usize| {
        let now = Instant::now();
        if now.duration_since(start) >= QUIET && last.is_none_or(|l| now.duration_since(l) >= QUIET)
        {
            last = Some(now);
            say!("debrief: {what}: {done} of {total}");
        }
    }
}

/// `text` as [`visible_line`] makes it, without looking at each character
/// of the printable ASCII most ids and titles are made of.
fn shown(text: &str) -> Cow<'_, str> {
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        Cow::Borrowed(text)
    } else {
        visible_line(text)
    }
}

/// `debrief list`: the reviews that match `filter`, newest incident
/// first, as a table or JSON; the files that could not be read are named
/// on standard error.
pub fn list(
    store: &Store,
    json: bool,
    filter: &FilterArgs,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let filter = filter.filter(today())?;
    let library = library(store)?;
    for (_, why) in library.problems() {
        say!("debrief: skipping a file: {why}");
    }
    let all = library.rows().count();
    let rows: Vec<_> = library
        .rows()
        .filter(|(_, r)| filter.matches_row(r))
        .collect();
    if json {
        let items: Vec<serde_json::Value> = rows
            .iter()
            .map(|(path, r)| {
                serde_json::json!({
                    "id": r.id,
                    "path": path,
                    "date": r.date.to_string(),
                    "severity": r.severity.label(),
                    "status": r.status.label(),
                    "kind": r.kind.label(),
                    "title": r.title.as_str(),
                    "open_actions": r.open_actions,
                    "updated": r.updated.to_rfc3339(),
                })
            })
            .collect();
        write_pretty(out, &items)?;
        return Ok(());
    }
    if rows.is_empty() && all > 0 {
        say!("no review of the {all} matches the filters");
        return Ok(());
    }
    if rows.is_empty() {
        say!(
            "no reviews in {}; create one with: debrief new TITLE",
            store.reviews_dir().display()
        );
        return Ok(());
    }
    // A hand-edited file may hold anything in its id or title.
    let ids: Vec<Cow<str>> = rows.iter().map(|(_, r)| shown(&r.id)).collect();
    let id_width = ids
        .iter()
        .map(|id| id.chars().count())
        .max()
        .unwrap_or(2)
        .max(2);
    let status_width = rows
        .iter()
        .map(|(_, r)| r.status.label().len())
        .max()
        .unwrap_or(6)
        .max(6);
    writeln!(
        out,
        "{:id_width$}  {:10}  {:4}  {:status_width$}  {:>4}  TITLE",
        "ID", "DATE", "SEV", "STATUS", "OPEN"
    )?;
    for ((_, r), id) in rows.iter().zip(&ids) {
        writeln!(
            out,
            "{:id_width$}  {}  {:4}  {:status_width$}  {:>4}  {}",
            id,
            r.date,
            r.severity,
            r.status,
            r.open_actions,
            shown(&r.title)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printable_ascii_is_shown_as_it_is_and_the_rest_neutralised() {
        let ascii: String = (0x20u8..0x7f).map(char::from).collect();
        assert_eq!(shown(&ascii), visible_line(&ascii));
        assert!(matches!(shown(&ascii), Cow::Borrowed(_)));
        for raw in [
            "a\u{1b}[31mred",
            "tab\there",
            "line\nbreak",
            "del\u{7f}",
            "bidi\u{202e}x",
            "é",
        ] {
            assert_eq!(shown(raw), visible_line(raw), "{raw:?}");
        }
    }
}
