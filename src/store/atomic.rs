//! Atomic file replacement: a reader, or a crash, sees the old file or the
//! new one, never a mix.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::error::StoreError;

/// The backup kept beside `path`: `review.ron` → `review.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// How to treat a file already at the destination.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Replace {
    /// Replace it, keeping the previous version as `.bak` beside it.
    KeepingBackup,
    /// Replace it; keep no copy.
    Overwrite,
    /// Refuse if a file is already there.
    Never,
}

/// Writes `bytes` to `path` atomically: a temporary file in the same
/// folder is written, flushed and synced, then renamed over `path`, and the
/// folder is synced so that the rename itself survives a power cut. When
/// anything fails, the file at `path` is left as it was.
pub fn write_atomic(path: &Path, bytes: &[u8], replace: Replace) -> Result<(), StoreError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(StoreError::io("create a temporary file in", dir))?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file_mut().flush())
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(StoreError::io("write", tmp.path()))?;
    match replace {
        Replace::Never => {
            tmp.persist_noclobber(path)
                .map_err(|e| match e.error.kind() {
                    io::ErrorKind::AlreadyExists => StoreError::Exists {
                        path: path.to_owned(),
                    },
                    _ => StoreError::Io {
                        action: "create",
                        path: path.to_owned(),
                        source: e.error,
                    },
                })?;
        }
        Replace::KeepingBackup | Replace::Overwrite => {
            if replace == Replace::KeepingBackup && path.exists() {
                keep_backup(path)?;
            }
            tmp.persist(path).map_err(|e| StoreError::Io {
                action: "replace",
                path: path.to_owned(),
                source: e.error,
            })?;
        }
    }
    sync_dir(dir).map_err(StoreError::io("sync the folder", dir))
}

/// Points `path.bak` at the current content of `path`: a hard link where
/// the file system has them (the rename that follows leaves the old
/// content there), a copy elsewhere.
fn keep_backup(path: &Path) -> Result<(), StoreError> {
    let bak = backup_path(path);
    match fs::remove_file(&bak) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => {
            return Err(StoreError::Io {
                action: "replace the backup",
                path: bak,
                source: e,
            });
        }
    }
    fs::hard_link(path, &bak)
        .or_else(|_| fs::copy(path, &bak).map(drop))
        .map_err(StoreError::io("keep a backup at", bak))
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    // Directories cannot be opened for syncing on this platform; the
    // rename is as durable as the file system makes it.
    Ok(())
}

/// Writes each `(name, bytes)` into `folder` atomically, replacing what
/// is there; returns the paths written, in order. Stops at the first
/// failure, naming the file.
pub fn write_files<'a>(
    folder: &Path,
    files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
) -> Result<Vec<PathBuf>, StoreError> {
    let mut written = Vec::new();
    for (name, bytes) in files {
        let path = folder.join(name);
        write_atomic(&path, bytes, Replace::Overwrite)?;
        written.push(path);
    }
    Ok(written)
}
