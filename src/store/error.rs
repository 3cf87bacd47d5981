//! What can go wrong with reviews on disk, each naming the file involved.

use std::io;
use std::path::PathBuf;

use super::codec::DecodeError;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("could not {action} {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error(transparent)]
    Decode(#[from] DecodeError),
    #[error(
        "{path} is being edited by {holder}; it can be read but not changed until they close it"
    )]
    Locked { path: PathBuf, holder: String },
    #[error(
        "the review name is empty: give a path, an id or the start of one (debrief list shows them)"
    )]
    EmptyName,
    #[error("no review matches '{spec}' in {dir}")]
    NotFound { spec: String, dir: PathBuf },
    #[error("'{spec}' matches several reviews: {}", candidates.join(", "))]
    Ambiguous {
        spec: String,
        candidates: Vec<String>,
    },
    #[error("{path} already exists")]
    Exists { path: PathBuf },
    #[error("no data directory could be found for this user; set DEBRIEF_DIR or pass --dir")]
    NoDataDir,
    #[error(
        "{path} is a symbolic link (to {}); debrief does not follow links here: remove it, or open the file it points to",
        target.display()
    )]
    Symlink { path: PathBuf, target: PathBuf },
    #[error("{path} is {kind}, not a regular file; debrief reads only regular files")]
    NotRegular { path: PathBuf, kind: &'static str },
    #[error("{path} is larger than {} MB; debrief reads at most that much", limit >> 20)]
    TooLarge { path: PathBuf, limit: u64 },
    /// The review cannot be locked because its folder cannot be written:
    /// it can still be opened read-only.
    #[error("{path} can only be read: {why}, so the lock {lock} cannot be taken")]
    ReadOnly {
        path: PathBuf,
        lock: PathBuf,
        why: &'static str,
    },
    #[error("{path} was not saved: {what}")]
    Invalid { path: PathBuf, what: String },
}

/// Something the caller should show, though the review opened.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Warning {
    #[error(
        "{path} belongs to another user (uid {owner}); saving it will make it a file of yours (uid {me})"
    )]
    OtherOwner { path: PathBuf, owner: u32, me: u32 },
    #[error(
        "{path} holds the review '{id}', whose file would be {id}.ron; it is saved where it is, under its own id"
    )]
    IdMismatch { path: PathBuf, id: String },
    #[error("{path} was not replayed: {why}; the review is as last saved in full")]
    JournalIgnored { path: PathBuf, why: String },
    #[error("{path}: recovered {changes} changes made after the last full save")]
    Recovered { path: PathBuf, changes: usize },
}

impl StoreError {
    pub(crate) fn io(
        action: &'static str,
        path: impl Into<PathBuf>,
    ) -> impl FnOnce(io::Error) -> StoreError {
        let path = path.into();
        move |source| StoreError::Io {
            action,
            path,
            source,
        }
    }
}
