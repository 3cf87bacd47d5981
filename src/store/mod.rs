//! Where reviews live on disk: paths, atomic saves, locks, schema versions.
//!
//! One RON file per review, `<root>/reviews/<id>.ron`, with the previous
//! version kept as `<id>.ron.bak` and the writer's lock in `<id>.ron.lock`.
//! The root is `--dir`, else `DEBRIEF_DIR`, else the platform's data
//! directory (`~/.local/share/debrief` on Linux).

pub mod atomic;
pub mod codec;
pub mod error;
pub mod lock;

use std::collections::hash_map::RandomState;
use std::fs;
use std::hash::{BuildHasher, Hasher};
use std::path::{Path, PathBuf};

/// The example review shipped with debrief, opened by `debrief demo`.
pub const EXAMPLE: &str = include_str!("../../assets/example-review.ron");

pub use atomic::{Replace, backup_path, write_atomic, write_files};
pub use codec::{DecodeError, decode, encode};
pub use error::StoreError;
pub use lock::{ReviewLock, lock_path};

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
        fs::create_dir_all(&dir).map_err(StoreError::io("create the folder", &dir))?;
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

/// Reads the review at `path`.
pub fn load(path: &Path) -> Result<Review, StoreError> {
    let text = fs::read_to_string(path).map_err(StoreError::io("read", path))?;
    Ok(decode(&text, path)?)
}

/// Locks the review at `path` for writing, then reads it.
pub fn open_for_writing(path: &Path) -> Result<(Review, ReviewLock), StoreError> {
    let lock = ReviewLock::acquire(path)?;
    let review = load(path)?;
    Ok((review, lock))
}
