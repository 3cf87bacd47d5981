//! The cache of review summaries kept beside the reviews.
//!
//! `reviews/.index.json` holds the summary of every review file with the
//! size and modification time of the file (and of its journal) it was made
//! from; [`super::words`] keeps the texts search reads, made the same way
//! but only when a search asks for them, so that `list` never reads them.
//! `list` and the picker read neither when nothing changed:
//! [`super::rows`] keeps what they show in a file of its own, and the
//! summaries are read only when asked for. A file is read again only when
//! its size or modification time changed; a cache that is missing, broken
//! or of another format is rebuilt from the files. All are written
//! atomically, and a cache that cannot be written fails nothing: the next
//! command reads the files again.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::UNIX_EPOCH;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::look::Look;
use super::rows::{self, ROWS_FILE, Row, RowEntry};
use super::summary::{ReviewSummary, TextItem, Texts};
use super::words::Words;
use crate::store::{self, Replace, Store, StoreError, journal_path, read};

/// The summaries, in the reviews folder.
pub const INDEX_FILE: &str = ".index.json";

/// Raise when the cached form changes: an older cache is then rebuilt.
///
/// - 2: a summary's tags and incidents take the review's own `tags` and
///   `incidents` too (and an older debrief cached a file holding them as
///   unreadable).
const FORMAT: u32 = 2;

/// The most read from a cache file.
const MAX_CACHE: u64 = 1 << 30;

/// A file changed this close before the cache was written may have
/// changed again within the same tick of the clock that stamps files: it
/// is read again rather than trusted (in nanoseconds).
const RACY: i128 = 2_000_000_000;

/// Reviews read at once between two progress reports.
const BATCH: usize = 64;

/// What a file looked like when it was read: a change to either the review
/// or its journal makes it read again.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub size: u64,
    pub modified: i128,
    pub journal: Option<(u64, i128)>,
}

impl Stamp {
    /// The stamp of the review at `path` now (its journal looked at only
    /// when the folder holds one); `None` when it cannot be read at all.
    pub fn of(path: &Path, journal: bool) -> Option<Stamp> {
        let meta = fs::metadata(path).ok()?;
        let journal = journal
            .then(|| fs::symlink_metadata(journal_path(path)).ok())
            .flatten()
            .map(|j| (j.len(), nanos(&j)));
        Some(Stamp {
            size: meta.len(),
            modified: nanos(&meta),
            journal,
        })
    }
}

pub(super) fn nanos(meta: &fs::Metadata) -> i128 {
    meta.modified()
        .ok()
        .map(|t| match t.duration_since(UNIX_EPOCH) {
            Ok(d) => d.as_nanos() as i128,
            Err(e) => -(e.duration().as_nanos() as i128),
        })
        .unwrap_or(0)
}

/// One review file: its summary, or why it could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub path: PathBuf,
    pub stamp: Stamp,
    pub summary: Result<ReviewSummary, String>,
}

#[derive(Serialize, Deserialize)]
struct Cache<T> {
    format: u32,
    entries: Vec<Cached<T>>,
}

#[derive(Clone, Serialize, Deserialize)]
struct Cached<T> {
    file: String,
    stamp: Stamp,
    value: Result<T, String>,
}

/// Every review of a folder, in brief, newest incident first; the files
/// that could not be read last, with why. The rows (what `list` and the
/// picker show) come from the rows file when nothing changed; the full
/// summaries are read only when asked for.
#[derive(Clone, Debug)]
pub struct Library {
    rows: Vec<RowEntry>,
    full: OnceLock<Vec<Entry>>,
    /// How many files were read again (the others came from the cache).
    pub read: usize,
    store: Store,
}

/// How far a rebuild has gone: files read, files to read.
pub type Progress<'a> = &'a mut dyn FnMut(usize, usize);

impl Library {
    /// The library of `store`, from its caches where the files have not
    /// changed; `progress` hears how many files were read so far, when
    /// some had to be.
    pub fn load(store: &Store, progress: Progress) -> Result<Library, StoreError> {
        let dir = store.reviews_dir();
        let files = files(&dir)?;
        let index_path = dir.join(INDEX_FILE);
        let rows_path = dir.join(ROWS_FILE);
        if let Some(index) = rows::index_stamp(&index_path) {
            let names: Vec<(String, Option<Stamp>)> =
                files.iter().map(|(f, _, s)| (f.clone(), *s)).collect();
            if let Some(found) = rows::read_rows(&rows_path, index, &names, settled) {
                let mut entries: Vec<RowEntry> = files
                    .into_iter()
                    .zip(found)
                    .map(|((_, path, stamp), row)| RowEntry {
                        path,
                        stamp: stamp.unwrap_or_default(),
                        row,
                    })
                    .collect();
                rows::sort(&mut entries);
                return Ok(Library {
                    rows: entries,
                    full: OnceLock::new(),
                    read: 0,
                    store: store.clone(),
                });
            }
        }
        let (values, read, current) = summaries(store, &dir, files, progress);
        let made: Vec<(String, Stamp, Result<Row, String>)> = values
            .iter()
            .map(|(file, stamp, v)| {
                (
                    file.clone(),
                    *stamp,
                    v.as_ref().map(Row::of).map_err(Clone::clone),
                )
            })
            .collect();
        if current && let Some(index) = rows::index_stamp(&index_path) {
            rows::write_rows(&rows_path, index, &made);
        }
        let mut row_entries: Vec<RowEntry> = made
            .into_iter()
            .map(|(file, stamp, row)| RowEntry {
                path: dir.join(file),
                stamp,
                row,
            })
            .collect();
        rows::sort(&mut row_entries);
        Ok(Library {
            rows: row_entries,
            full: OnceLock::from(entries(&dir, values)),
            read,
            store: store.clone(),
        })
    }

    /// Every file with its full summary or why it could not be read,
    /// newest incident first (read from the summary cache when first
    /// asked for).
    pub fn entries(&self) -> &[Entry] {
        self.full.get_or_init(|| {
            let dir = self.store.reviews_dir();
            match files(&dir) {
                Ok(files) => entries(&dir, summaries(&self.store, &dir, files, &mut |_, _| {}).0),
                Err(_) => Vec::new(),
            }
        })
    }

    /// Every file as a row or why it could not be read, in the order of
    /// [`Library::entries`].
    pub fn row_entries(&self) -> &[RowEntry] {
        &self.rows
    }

    /// The rows of the reviews that could be read, newest incident first.
    pub fn rows(&self) -> impl Iterator<Item = (&Path, &Row)> {
        self.rows
            .iter()
            .filter_map(|e| e.row.as_ref().ok().map(|r| (e.path.as_path(), r)))
    }

    /// The reviews that could be read, newest incident first.
    pub fn reviews(&self) -> impl Iterator<Item = (&Path, &ReviewSummary)> {
        self.entries()
            .iter()
            .filter_map(|e| e.summary.as_ref().ok().map(|s| (e.path.as_path(), s)))
    }

    /// The files that could not be read, each with why.
    pub fn problems(&self) -> impl Iterator<Item = (&Path, &str)> {
        self.rows
            .iter()
            .filter_map(|e| e.row.as_ref().err().map(|w| (e.path.as_path(), w.as_str())))
    }

    /// The folder of the reviews.
    pub fn dir(&self) -> PathBuf {
        self.store.reviews_dir()
    }

    /// The word index of every file, in the order of
    /// [`Library::row_entries`], from the index file where the files have
    /// not changed (`progress` hears how many were read again).
    pub fn words(&self, progress: Progress) -> Words {
        let files: Vec<(&Path, Stamp)> = self
            .rows
            .iter()
            .map(|e| (e.path.as_path(), e.stamp))
            .collect();
        Words::load(&self.store.reviews_dir(), &files, progress)
    }

    /// The texts of every review that could be read, in the order of
    /// [`Library::row_entries`] (`None` for a file that could not be
    /// read), from the word index.
    pub fn texts(&self, progress: Progress) -> Vec<Option<Texts>> {
        let words = self.words(progress);
        (0..words.len())
            .map(|i| {
                words.texts(i).map(|texts| {
                    texts
                        .into_iter()
                        .map(|t| TextItem {
                            place: t.place,
                            item: t.item,
                            text: t.text.to_owned(),
                        })
                        .collect()
                })
            })
            .collect()
    }
}

/// Every review file of the folder, by name, with its stamp now: one
/// reading of the folder for the reviews and their journals (the ids
/// [`Store::ids`] gives), and one look at each file, relative to the
/// folder (a whole path looked up 10,000 times costs more than the look).
fn files(dir: &Path) -> Result<Vec<File>, StoreError> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(StoreError::Io {
                action: "read the folder",
                path: dir.to_owned(),
                source: e,
            });
        }
    };
    let suffix = format!(".{}", store::EXTENSION);
    let mut names: Vec<String> = Vec::new();
    let mut journals: HashSet<String> = HashSet::new();
    for entry in entries.filter_map(Result::ok) {
        let Ok(name) = entry.file_name().into_string() else {
            continue;
        };
        if let Some(review) = name.strip_suffix(".journal") {
            journals.insert(review.to_owned());
        } else if name
            .strip_suffix(&suffix)
            .is_some_and(crate::domain::id::is_valid_id)
        {
            names.push(name);
        }
    }
    names.sort();
    let look = Look::at(dir);
    Ok(names
        .into_iter()
        .map(|file| {
            let stamp = look.stamp(&file, journals.contains(&file));
            let path = dir.join(&file);
            (file, path, stamp)
        })
        .collect())
}

/// The summary of every file, from the summary cache where it has not
/// changed (the cache rewritten when it had to be); how many files were
/// read, and whether the cache on disk is now up to date.
fn summaries(
    store: &Store,
    dir: &Path,
    files: Vec<File>,
    progress: Progress,
) -> (Vec<Value<ReviewSummary>>, usize, bool) {
    let (cached, intact) = read_cache::<ReviewSummary>(&dir.join(INDEX_FILE));
    let (values, read, stale) = refresh(files, cached, progress, |path| {
        store::load(path)
            .map(|r| ReviewSummary::of(&r))
            .map_err(|e| e.to_string())
    });
    let mut current = true;
    if read > 0 || stale || !intact {
        current = write_cache(&dir.join(INDEX_FILE), &values);
        crate::store::gitignore::keep(store.root());
    }
    (values, read, current)
}

fn entries(dir: &Path, values: Vec<Value<ReviewSummary>>) -> Vec<Entry> {
    let mut entries: Vec<Entry> = values
        .into_iter()
        .map(|(file, stamp, value)| Entry {
            path: dir.join(file),
            stamp,
            summary: value,
        })
        .collect();
    sort(&mut entries);
    entries
}

/// Whether a file stamped `s` had settled `RACY` before a cache written
/// at `written`.
pub(super) fn settled(s: &Stamp, written: i128) -> bool {
    s.modified < written - RACY && s.journal.is_none_or(|(_, at)| at < written - RACY)
}

/// Newest incident first, then the newest created; files that could not
/// be read last, by name.
fn sort(entries: &mut [Entry]) {
    entries.sort_by(|a, b| match (&a.summary, &b.summary) {
        (Ok(x), Ok(y)) => (y.date, y.created, &y.id).cmp(&(x.date, x.created, &x.id)),
        (Ok(_), Err(_)) => std::cmp::Ordering::Less,
        (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
        (Err(_), Err(_)) => a.path.cmp(&b.path),
    });
}

type Value<T> = (String, Stamp, Result<T, String>);

/// A review file: its name, its path, and its stamp now.
type File = (String, PathBuf, Option<Stamp>);

/// The value of every file: from `cached` when its stamp is unchanged,
/// else made by `make` (in parallel, in batches, `progress` told after
/// each). Returns the values in the order of `files`, how many were
/// made, and whether the cache held files that are gone (deleted or
/// renamed).
pub(super) fn refresh<T: Send>(
    files: Vec<File>,
    cached: Read<T>,
    progress: Progress,
    make: impl Fn(&Path) -> Result<T, String> + Sync,
) -> (Vec<Value<T>>, usize, bool) {
    let mut out: Vec<Option<Value<T>>> = Vec::with_capacity(files.len());
    let mut todo: Vec<(usize, String, PathBuf, Stamp)> = Vec::new();
    let Read {
        values: mut cached,
        written,
    } = cached;
    for (i, (file, path, stamp)) in files.into_iter().enumerate() {
        match (stamp, cached.remove(&file)) {
            (Some(now), Some((then, value))) if now == then && settled(&now, written) => {
                out.push(Some((file, now, value)))
            }
            (stamp, _) => {
                out.push(None);
                todo.push((i, file, path, stamp.unwrap_or_default()));
            }
        }
    }
    let stale = !cached.is_empty();
    let total = todo.len();
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 8);
    let mut done = 0;
    for batch in todo.chunks(BATCH * threads) {
        let per = batch.len().div_ceil(threads);
        let made: Vec<Vec<Result<T, String>>> = std::thread::scope(|s| {
            let workers: Vec<_> = batch
                .chunks(per)
                .map(|part| {
                    let make = &make;
                    s.spawn(move || part.iter().map(|(_, _, path, _)| make(path)).collect())
                })
                .collect();
            workers
                .into_iter()
                .map(|w| {
                    w.join()
                        .unwrap_or_else(|_| vec![Err("it could not be read".into())])
                })
                .collect()
        });
        for ((i, file, _, stamp), value) in batch.iter().zip(made.into_iter().flatten()) {
            out[*i] = Some((file.clone(), *stamp, value));
        }
        done += batch.len();
        progress(done, total);
    }
    let values = out.into_iter().flatten().collect();
    (values, total, stale)
}

/// What a cache file held: the values by file name, and when it was
/// written.
pub(super) struct Read<T> {
    pub(super) values: HashMap<String, (Stamp, Result<T, String>)>,
    pub(super) written: i128,
}

/// The cache at `path`, and whether it could be read whole; nothing when
/// it is missing, broken or of another format.
fn read_cache<T: DeserializeOwned>(path: &Path) -> (Read<T>, bool) {
    let none = Read {
        values: HashMap::new(),
        written: 0,
    };
    let Ok(file) = read::open_regular(path, read::Links::Refuse) else {
        return (none, false);
    };
    let written = file.metadata().map(|m| nanos(&m)).unwrap_or(0);
    let Ok(bytes) = read::read_capped(file, MAX_CACHE, path) else {
        return (none, false);
    };
    match serde_json::from_slice::<Cache<T>>(&bytes) {
        Ok(cache) if cache.format == FORMAT => (
            Read {
                values: cache
                    .entries
                    .into_iter()
                    .map(|c| (c.file, (c.stamp, c.value)))
                    .collect(),
                written,
            },
            true,
        ),
        _ => (none, false),
    }
}

/// Writes the cache atomically; a cache that cannot be written is left
/// for the next command to rebuild.
fn write_cache<T: Serialize>(path: &Path, values: &[Value<T>]) -> bool {
    #[derive(Serialize)]
    struct Out<'a, T> {
        format: u32,
        entries: Vec<CachedRef<'a, T>>,
    }
    #[derive(Serialize)]
    struct CachedRef<'a, T> {
        file: &'a str,
        stamp: Stamp,
        value: &'a Result<T, String>,
    }
    let cache = Out {
        format: FORMAT,
        entries: values
            .iter()
            .map(|(file, stamp, value)| CachedRef {
                file,
                stamp: *stamp,
                value,
            })
            .collect(),
    };
    serde_json::to_vec(&cache)
        .is_ok_and(|bytes| store::write_atomic(path, &bytes, Replace::Overwrite).is_ok())
}
