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
