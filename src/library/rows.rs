//! The rows `list` and the picker show, kept apart from the summaries.
//!
//! `reviews/.index-rows` holds, for every review file, only what a row
//! shows and what `list` filters on, with the stamp of the file it was
//! made from and the stamp of the summary cache it was made with, in the
//! compact form of [`super::codec`] (a few milliseconds for 10,000 rows,
//! where JSON took tens). It is trusted only while every file and the
//! summary cache are as it says: otherwise the summaries are read (and
//! refreshed) and the rows made again from them.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::codec::{self, Reader, Writer};
use super::index::{Stamp, nanos};
use super::summary::ReviewSummary;
use crate::domain::{ReviewKind, Severity, Status};
use crate::store::{self, Replace};

/// The rows, in the reviews folder.
pub const ROWS_FILE: &str = ".index-rows";

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

/// Names the rows file (the first bytes of it).
const MAGIC: &[u8; 8] = b"DBRROWS\n";

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
    let (bytes, written) = codec::read_file(path, MAX_ROWS)?;
    let mut r = Reader::new(codec::body(&bytes, MAGIC, FORMAT)?);
    if (r.u64()?, r.i128()?) != index || r.count(1)? != files.len() {
        return None;
    }
    // Written in the order of the files, which is the order of their
    // names: each is checked where it stands.
    let rows = files
        .iter()
        .map(|(name, stamp)| {
            if r.str()? != name {
                return None;
            }
            let then = read_stamp(&mut r)?;
            let row = if r.bool()? {
                Ok(read_row(&mut r)?)
            } else {
                Err(r.str()?.to_owned())
            };
            let now = (*stamp)?;
            (now == then && settled(&now, written)).then_some(row)
        })
        .collect::<Option<Vec<_>>>()?;
    r.is_done().then_some(rows)
}

/// Writes the rows atomically, made with the summary cache of stamp
/// `index`, in the order of `rows` (the order of the file names); a file
/// that cannot be written is remade by the next command.
pub(super) fn write_rows(
    path: &Path,
    index: (u64, i128),
    rows: &[(String, Stamp, Result<Row, String>)],
) {
    let mut w = Writer::new();
    w.u64(index.0);
    w.i128(index.1);
    w.len(rows.len());
    for (file, stamp, row) in rows {
        w.str(file);
        write_stamp(&mut w, stamp);
        match row {
            Ok(row) => {
                w.u8(1);
                write_row(&mut w, row);
            }
            Err(why) => {
                w.u8(0);
                w.str(why);
            }
        }
    }
    let bytes = w.finish(MAGIC, FORMAT);
    if store::write_atomic(path, &bytes, Replace::Overwrite).is_ok()
        && let Some(dir) = path.parent()
    {
        // The rows were kept as JSON before this file.
        let before = dir.join(".index-rows.json");
        if fs::symlink_metadata(&before).is_ok_and(|m| m.is_file()) {
            let _ = fs::remove_file(before);
        }
    }
}

pub(super) fn write_stamp(w: &mut Writer, s: &Stamp) {
    w.u64(s.size);
    w.i128(s.modified);
    match s.journal {
        Some((size, at)) => {
            w.u8(1);
            w.u64(size);
            w.i128(at);
        }
        None => w.u8(0),
    }
}

pub(super) fn read_stamp(r: &mut Reader) -> Option<Stamp> {
    let size = r.u64()?;
    let modified = r.i128()?;
    let journal = if r.bool()? {
        Some((r.u64()?, r.i128()?))
    } else {
        None
    };
    Some(Stamp {
        size,
        modified,
        journal,
    })
}

fn write_time(w: &mut Writer, t: &DateTime<Utc>) {
    w.i64(t.timestamp());
    w.u32(t.timestamp_subsec_nanos());
}

fn read_time(r: &mut Reader) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp(r.i64()?, r.u32()?)
}

/// A value of `all` by its place in it.
fn one_of<T: Copy + PartialEq>(all: &[T], v: T) -> u8 {
    all.iter().position(|x| *x == v).unwrap_or(0) as u8
}

fn list(w: &mut Writer, items: &[String]) {
    w.len(items.len());
    for s in items {
        w.str(s);
    }
}

fn read_list(r: &mut Reader) -> Option<Vec<String>> {
    let n = r.count(4)?;
    (0..n).map(|_| r.str().map(str::to_owned)).collect()
}

fn write_row(w: &mut Writer, row: &Row) {
    w.str(&row.id);
    w.str(&row.title);
    w.i64(i64::from(row.date.num_days_from_ce()));
    write_time(w, &row.created);
    write_time(w, &row.updated);
    w.u8(one_of(Severity::ALL, row.severity));
    w.u8(one_of(Status::ALL, row.status));
    w.u8(one_of(ReviewKind::ALL, row.kind));
    list(w, &row.services);
    list(w, &row.tags);
    list(w, &row.owners);
    w.u64(row.open_actions as u64);
}

fn read_row(r: &mut Reader) -> Option<Row> {
    Some(Row {
        id: r.str()?.to_owned(),
        title: r.str()?.to_owned(),
        date: NaiveDate::from_num_days_from_ce_opt(i32::try_from(r.i64()?).ok()?)?,
        created: read_time(r)?,
        updated: read_time(r)?,
        severity: *Severity::ALL.get(usize::from(r.u8()?))?,
        status: *Status::ALL.get(usize::from(r.u8()?))?,
        kind: *ReviewKind::ALL.get(usize::from(r.u8()?))?,
        services: read_list(r)?,
        tags: read_list(r)?,
        owners: read_list(r)?,
        open_actions: usize::try_from(r.u64()?).ok()?,
    })
}

/// Newest incident first, then the newest created; files that could not
/// be read last, by name (the order of the summaries). The entries are
/// large: their order is found first, then each is moved once.
pub(super) fn sort(entries: &mut Vec<RowEntry>) {
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&entries[a], &entries[b]);
        match (&a.row, &b.row) {
            (Ok(x), Ok(y)) => (y.date, y.created, &y.id).cmp(&(x.date, x.created, &x.id)),
            (Ok(_), Err(_)) => std::cmp::Ordering::Less,
            (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
            (Err(_), Err(_)) => a.path.cmp(&b.path),
        }
    });
    let mut taken: Vec<Option<RowEntry>> = std::mem::take(entries).into_iter().map(Some).collect();
    *entries = order.into_iter().filter_map(|i| taken[i].take()).collect();
}
