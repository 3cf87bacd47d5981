//! Where reviews live on disk: paths, atomic saves, locks, schema versions.
//!
//! One RON file per review, `<root>/reviews/<id>.ron`, with the previous
//! version kept as `<id>.ron.bak`, the writer's lock in `<id>.ron.lock` and
//! the changes since the last full save in `<id>.ron.journal` (see
//! [`journal`]). The root is `--dir`, else `DEBRIEF_DIR`, else the
//! platform's data directory (`~/.local/share/debrief` on Linux); folders
//! are created readable by their owner only.
//!
//! Only regular files are read, and no more than [`read::MAX_REVIEW`]
//! of one (see [`read`]). A review that is a symbolic link can be read
//! through it (`show`, `list`, `export`, a read-only open), but is never
//! written: saving replaces the file at the name, so a save would turn
//! the link into a copy and leave its target behind. Opening one for
//! writing is refused with [`StoreError::Symlink`], naming the target to
//! open instead. The files debrief keeps beside a review are never
//! followed through a link.

pub mod atomic;
pub mod codec;
pub mod error;
pub mod gitignore;
pub mod journal;
pub mod lock;
pub mod plain;
pub mod read;

use std::collections::hash_map::RandomState;
use std::fs;
use std::hash::{BuildHasher, Hasher};
use std::path::{Path, PathBuf};

/// The example review shipped with debrief, opened by `debrief demo`.
pub const EXAMPLE: &str = include_str!("../../assets/example-review.ron");

pub use atomic::{Replace, backup_path, write_atomic, write_files};
pub use codec::{DecodeError, decode, encode};
pub use error::{StoreError, Warning};
pub use journal::{Fingerprint, journal_path};
pub use lock::{ReviewLock, lock_path};
pub use read::Links;

use chrono::{DateTime, Utc};

use crate::domain::id::{is_valid_id, review_id, suffix_from};
use crate::domain::{Offset, Review, ReviewKind, Severity, Text};

/// The extension of a review file.
pub const EXTENSION: &str = "ron";

/// A folder of reviews.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Store {
    root: PathBuf,
}

/// One entry of a listing: a review that loaded, or why it did not.
pub type Listing = Result<(PathBuf, Review), StoreError>;

impl Store {
    /// The store at `root` (which holds `reviews/`).
    pub fn at(root: impl Into<PathBuf>) -> Store {
        Store { root: root.into() }
    }

    /// The store named by `dir` (from `--dir` or `DEBRIEF_DIR`), else the
    /// platform's data directory for debrief.
    pub fn locate(dir: Option<PathBuf>) -> Result<Store, StoreError> {
        match dir {
            Some(d) => Ok(Store::at(d)),
            None => directories::ProjectDirs::from("", "", "debrief")
                .map(|p| Store::at(p.data_dir()))
                .ok_or(StoreError::NoDataDir),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn reviews_dir(&self) -> PathBuf {
        self.root.join("reviews")
    }

    /// Where the review with this id is kept.
    pub fn path_of(&self, id: &str) -> PathBuf {
        self.reviews_dir().join(format!("{id}.{EXTENSION}"))
    }

    /// Ids of every review file in the folder, sorted; `.bak`, `.lock` and
    /// temporary files are not reviews.
    pub fn ids(&self) -> Result<Vec<String>, StoreError> {
        let dir = self.reviews_dir();
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => {
                return Err(StoreError::Io {
                    action: "read the folder",
                    path: dir,
                    source: e,
                });
            }
        };
        let mut ids: Vec<String> = entries
            .filter_map(Result::ok)
            .filter_map(|e| {
                let name = e.file_name().into_string().ok()?;
                let id = name.strip_suffix(&format!(".{EXTENSION}"))?;
                is_valid_id(id).then(|| id.to_owned())
            })
            .collect();
        ids.sort();
        Ok(ids)
    }

    /// Every review, newest incident first; a file that fails to load is
    /// listed as its error and left untouched.
    pub fn list(&self) -> Result<Vec<Listing>, StoreError> {
        let mut out: Vec<Listing> = self
            .ids()?
            .into_iter()
            .map(|id| {
                let path = self.path_of(&id);
                load(&path).map(|r| (path, r))
            })
            .collect();
        out.sort_by(|a, b| match (a, b) {
            (Ok((_, a)), Ok((_, b))) => {
                (b.incident_date(), b.created).cmp(&(a.incident_date(), a.created))
            }
            (Ok(_), Err(_)) => std::cmp::Ordering::Less,
            (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
            (Err(_), Err(_)) => std::cmp::Ordering::Equal,
        });
        Ok(out)
    }

    /// Finds a review by path, id, or unique prefix of an id.
    pub fn resolve(&self, spec: &str) -> Result<PathBuf, StoreError> {
        if spec.trim().is_empty() {
            return Err(StoreError::EmptyName);
        }
        let as_path = Path::new(spec);
        if spec.contains(std::path::MAIN_SEPARATOR) || spec.ends_with(&format!(".{EXTENSION}")) {
            return if as_path.is_file() {
                Ok(as_path.to_owned())
            } else {
                Err(StoreError::NotFound {
                    spec: spec.to_owned(),
                    dir: self.reviews_dir(),
                })
            };
        }
        let ids = self.ids()?;
        if ids.iter().any(|id| id == spec) {
            return Ok(self.path_of(spec));
        }
        let matches: Vec<String> = ids.into_iter().filter(|id| id.starts_with(spec)).collect();
        match matches.as_slice() {
            [one] => Ok(self.path_of(one)),
            [] => Err(StoreError::NotFound {
                spec: spec.to_owned(),
                dir: self.reviews_dir(),
            }),
            _ => Err(StoreError::Ambiguous {
                spec: spec.to_owned(),
                candidates: matches,
            }),
        }
    }

    /// Writes a new review, refusing to replace one with the same id, and
    /// returns its path.
    pub fn create(&self, review: &Review) -> Result<PathBuf, StoreError> {
        let dir = self.reviews_dir();
        atomic::create_private_dir(&dir)?;
        let path = self.path_of(&review.id);
        write_atomic(&path, encode(review).as_bytes(), Replace::Never)?;
        Ok(path)
    }

    /// Creates and writes a new draft review with a fresh id.
    pub fn create_new(
        &self,
        title: Text,
        severity: Severity,
        kind: ReviewKind,
        incident: Option<Text>,
        offset: Offset,
        now: DateTime<Utc>,
    ) -> Result<(PathBuf, Review), StoreError> {
        self.create_new_with(title, severity, kind, incident, offset, now, |_| {})
    }

    /// Creates and writes a new draft review with a fresh id, with the
    /// rest of its fields filled in by `fill` before it is first written.
    #[allow(clippy::too_many_arguments)]
    pub fn create_new_with(
        &self,
        title: Text,
        severity: Severity,
        kind: ReviewKind,
        incident: Option<Text>,
        offset: Offset,
        now: DateTime<Utc>,
        fill: impl FnOnce(&mut Review),
    ) -> Result<(PathBuf, Review), StoreError> {
        let date = offset.local(now).date_naive();
        let suffix = self.fresh_suffix(|s| review_id(date, &title, s))?;
        let mut review = Review::new(
            review_id(date, &title, &suffix),
            title,
            severity,
            kind,
            now,
            offset,
        );
        review.incident = incident;
        fill(&mut review);
        let path = self.create(&review)?;
        Ok((path, review))
    }

    /// An id suffix that no review in the folder uses yet.
    pub fn fresh_suffix(&self, make_id: impl Fn(&str) -> String) -> Result<String, StoreError> {
        let taken = self.ids()?;
        let state = RandomState::new();
        for attempt in 0u64.. {
            let mut h = state.build_hasher();
            h.write_u64(attempt);
            h.write_u32(std::process::id());
            let suffix = suffix_from(h.finish(), 4);
            if !taken.contains(&make_id(&suffix)) {
                return Ok(suffix);
            }
        }
        unreachable!("the attempts above never end without a free suffix")
    }
}

/// Reads the review at `path`, with the changes of its journal.
pub fn load(path: &Path) -> Result<Review, StoreError> {
    load_checked(path).map(|l| l.review)
}

/// A review as read, with what the reader should be told.
#[derive(Debug)]
pub struct Loaded {
    pub review: Review,
    pub warnings: Vec<Warning>,
    /// The fingerprint of the review file as read.
    pub fingerprint: Fingerprint,
    /// How many journal records were replayed on it.
    pub replayed: usize,
}

/// Reads one review file (not its journal) and its fingerprint.
fn read_file(path: &Path, links: Links) -> Result<(Review, Fingerprint), StoreError> {
    let bytes = read::read_regular(path, links, read::MAX_REVIEW)?;
    decode_bytes(bytes, path)
}

/// Decodes the bytes of a review file (`path` names it in errors) and
/// takes their fingerprint, the two side by side: on a large review the
/// hash takes a fifth of the time of the decoding.
pub fn decode_bytes(bytes: Vec<u8>, path: &Path) -> Result<(Review, Fingerprint), StoreError> {
    let (review, fingerprint) = std::thread::scope(|s| {
        let print = s.spawn(|| Fingerprint::of(&bytes));
        let review = match std::str::from_utf8(&bytes) {
            Ok(text) => decode(text, path).map_err(StoreError::from),
            // Says where the first byte that is not UTF-8 is.
            Err(_) => read::utf8(bytes.clone(), path)
                .map_err(StoreError::from)
                .and_then(|text| decode(&text, path).map_err(StoreError::from)),
        };
        // Hashing a slice cannot panic; if the thread could not run, the
        // hash is taken here.
        let print = print.join().unwrap_or_else(|_| Fingerprint::of(&bytes));
        (review, print)
    });
    Ok((review?, fingerprint))
}

/// Reads the review at `path` and replays its journal, if any; warns when
/// the file's name and the review's id disagree, or when a journal was
/// left out.
pub fn load_checked(path: &Path) -> Result<Loaded, StoreError> {
    let (review, fingerprint) = read_file(path, Links::Follow)?;
    let mut warnings = Vec::new();
    let named = path
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix(&format!(".{EXTENSION}")));
    if named.is_some_and(|n| n != review.id) {
        warnings.push(Warning::IdMismatch {
            path: path.to_owned(),
            id: review.id.clone(),
        });
    }
    let (review, replayed) = match replay(path, &review, fingerprint) {
        Ok(None) => (review, 0),
        Ok(Some(done)) => done,
        Err(why) => {
            warnings.push(Warning::JournalIgnored {
                path: journal_path(path),
                why,
            });
            (review, 0)
        }
    };
    Ok(Loaded {
        review,
        warnings,
        fingerprint,
        replayed,
    })
}

/// Replays the journal beside `path` on `review` (read from a file of
/// `fingerprint`), or on the backup it continues: `Ok(None)` when there
/// is no journal, an error saying why when it cannot be replayed.
fn replay(
    path: &Path,
    review: &Review,
    fingerprint: Fingerprint,
) -> Result<Option<(Review, usize)>, String> {
    let journal = journal_path(path);
    let bytes = match read::read_if_present(&journal, Links::Refuse, read::MAX_REVIEW) {
        Ok(None) => return Ok(None),
        Ok(Some(bytes)) => bytes,
        Err(e) => return Err(e.to_string()),
    };
    let parsed = journal::parse(&bytes).ok_or("it is not a debrief journal")?;
    if parsed.records.is_empty() {
        return Ok(None);
    }
    let mut base = if parsed.base == fingerprint {
        review.clone()
    } else {
        match read_file(&backup_path(path), Links::Refuse) {
            Ok((bak, f)) if f == parsed.base => bak,
            _ => return Err("it continues a version of the review that is no longer there".into()),
        }
    };
    let count = parsed.records.len();
    for changes in parsed.records {
        journal::apply(&mut base, changes)?;
    }
    if let Some(why) = crate::domain::guards::unsound(&base) {
        return Err(why);
    }
    if !is_valid_id(&base.id) {
        return Err("it gives the review an invalid id".into());
    }
    base.normalise();
    Ok(Some((base, count)))
}

/// A review opened for writing: the review, its lock, and what the user
/// should be told.
#[derive(Debug)]
pub struct Opening {
    pub review: Review,
    pub lock: ReviewLock,
    pub warnings: Vec<Warning>,
}

/// Locks the review at `path` for writing, then reads it. A journal left
/// by a writer that was killed is replayed and saved in full before this
/// returns. A symbolic link is refused ([`StoreError::Symlink`]); a folder
/// where nothing can be written is [`StoreError::ReadOnly`], and the review
/// can still be read with [`load`].
pub fn open(path: &Path) -> Result<Opening, StoreError> {
    if let Ok(meta) = fs::symlink_metadata(path)
        && meta.file_type().is_symlink()
    {
        return Err(StoreError::Symlink {
            path: path.to_owned(),
            target: fs::read_link(path).unwrap_or_default(),
        });
    }
    let mut lock = ReviewLock::acquire(path)?;
    let Loaded {
        review,
        mut warnings,
        mut fingerprint,
        replayed,
    } = load_checked(path)?;
    if let Some(w) = other_owner(path) {
        warnings.push(w);
    }
    if replayed > 0 {
        fingerprint = lock.save_full(&review)?;
        journal::remove_journal(path)?;
        warnings.push(Warning::Recovered {
            path: journal_path(path),
            changes: replayed,
        });
    }
    lock.set_opened(review.clone(), fingerprint);
    Ok(Opening {
        review,
        lock,
        warnings,
    })
}

/// Locks the review at `path` for writing, then reads it (see [`open`]).
pub fn open_for_writing(path: &Path) -> Result<(Review, ReviewLock), StoreError> {
    open(path).map(|o| (o.review, o.lock))
}

/// A warning when the file at `path` belongs to another user than the one
/// running debrief: a save replaces it with a file of this user's.
fn other_owner(path: &Path) -> Option<Warning> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let owner = fs::metadata(path).ok()?.uid();
        let me = rustix::process::geteuid().as_raw();
        (owner != me).then(|| Warning::OtherOwner {
            path: path.to_owned(),
            owner,
            me,
        })
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}
