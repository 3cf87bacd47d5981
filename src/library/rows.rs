//! The rows `list` and the picker show, kept apart from the summaries.
//!
//! `reviews/.index-rows.json` holds, for every review file, only what a
//! row shows and what `list` filters on, with the stamp of the file it was
//! made from and the stamp of the summary cache it was made with. It is
//! trusted only while every file and the summary cache are as it says:
//! otherwise the summaries are read (and refreshed) and the rows made
//! again from them. Reading it costs a fraction of reading the summaries,
//! whose action items, factors and timestamps a row never needs.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::index::{Stamp, nanos};
use super::summary::ReviewSummary;
use crate::domain::{ReviewKind, Severity, Status};
use crate::store::{self, Replace, read};

/// The rows, in the reviews folder.
pub const ROWS_FILE: &str = ".index-rows.json";

/// Raise when the form of a row changes: an older file is then remade.
const FORMAT: u32 = 1;

/// The most read from the rows file.
const MAX_ROWS: u64 = 1 << 28;

/// A review as a row of `list` or the picker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    pub id: String,
    pub title: String,
    pub date: NaiveDate,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    pub severity: Severity,
    pub status: Status,
    pub kind: ReviewKind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The owners of the action items, once each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub owners: Vec<String>,
    pub open_actions: usize,
}

impl Row {
    pub fn of(s: &ReviewSummary) -> Row {
        let mut owners: Vec<String> = Vec::new();
        for owner in s.actions.iter().filter_map(|a| a.owner.as_deref()) {
            if !owners.iter().any(|o| o == owner) {
                owners.push(owner.to_owned());
            }
        }
        Row {
            id: s.id.clone(),
            title: s.title.clone(),
            date: s.date,
            created: s.created,
            updated: s.updated,
            severity: s.severity,
            status: s.status,
            kind: s.kind,
            services: s.services.clone(),
            tags: s.tags.clone(),
            owners,
            open_actions: s.counts.open_actions,
        }
    }
}

/// One review file as a row, or why it could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowEntry {
    pub path: PathBuf,
    pub stamp: Stamp,
    pub row: Result<Row, String>,
}

#[derive(Serialize, Deserialize)]
struct File<R> {
    format: u32,
    /// The summary cache the rows were made with.
    index: (u64, i128),
    rows: Vec<R>,
}

#[derive(Deserialize)]
struct Cached {
    file: String,
    stamp: Stamp,
    row: Result<Row, String>,
}

#[derive(Serialize)]
struct CachedRef<'a> {
    file: &'a str,
    stamp: Stamp,
    row: &'a Result<Row, String>,
}

/// The size and modification time of the summary cache, when it is a
/// plain file.
pub(super) fn index_stamp(path: &Path) -> Option<(u64, i128)> {
    let meta = fs::symlink_metadata(path).ok()?;
    meta.is_file().then(|| (meta.len(), nanos(&meta)))
}

/// The rows of `files` (name and stamp now) from the rows file at `path`,
/// in the order of `files`, when the file is whole, was made with the
/// summary cache as it is now (`index`), holds exactly these files, and
/// every file has the stamp it had, settled (`settled` says whether a
/// stamp is old enough before the rows file was written to be trusted).
pub(super) fn read_rows(
    path: &Path,
    index: (u64, i128),
    files: &[(String, Option<Stamp>)],
    settled: impl Fn(&Stamp, i128) -> bool,
) -> Option<Vec<Result<Row, String>>> {
    let file = read::open_regular(path, read::Links::Refuse).ok()?;
    let written = file.metadata().map(|m| nanos(&m)).ok()?;
    let bytes = read::read_capped(file, MAX_ROWS, path).ok()?;
    let cache: File<Cached> = serde_json::from_slice(&bytes).ok()?;
    if cache.format != FORMAT || cache.index != index || cache.rows.len() != files.len() {
        return None;
    }
    let mut by_name: HashMap<String, (Stamp, Result<Row, String>)> = cache
        .rows
        .into_iter()
        .map(|c| (c.file, (c.stamp, c.row)))
        .collect();
    files
        .iter()
        .map(|(name, stamp)| {
            let (then, row) = by_name.remove(name)?;
            let now = (*stamp)?;
            (now == then && settled(&now, written)).then_some(row)
        })
        .collect()
}

/// Writes the rows atomically, made with the summary cache of stamp
/// `index`; a file that cannot be written is remade by the next command.
pub(super) fn write_rows(
    path: &Path,
    index: (u64, i128),
    rows: &[(String, Stamp, Result<Row, String>)],
) {
    let file = File {
        format: FORMAT,
        index,
        rows: rows
            .iter()
            .map(|(file, stamp, row)| CachedRef {
                file,
                stamp: *stamp,
                row,
            })
            .collect(),
    };
    if let Ok(bytes) = serde_json::to_vec(&file) {
        let _ = store::write_atomic(path, &bytes, Replace::Overwrite);
    }
}

/// Newest incident first, then the newest created; files that could not
/// be read last, by name (the order of the summaries).
pub(super) fn sort(entries: &mut [RowEntry]) {
    entries.sort_by(|a, b| match (&a.row, &b.row) {
        (Ok(x), Ok(y)) => (y.date, y.created, &y.id).cmp(&(x.date, x.created, &x.id)),
        (Ok(_), Err(_)) => std::cmp::Ordering::Less,
        (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
        (Err(_), Err(_)) => a.path.cmp(&b.path),
    });
}
