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

/// The folder a file is in (`.` for a bare name).
pub(crate) fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// Creates `dir` and any missing parents, readable by their owner only:
/// reviews name people and what they did.
pub fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(dir)
        .map_err(StoreError::io("create the folder", dir))
}

/// Writes `bytes` to `path` atomically: a temporary file in the same
/// folder is written, flushed and synced, then renamed over `path`, and the
/// folder is synced so that the rename itself survives a power cut. When
/// anything fails, the file at `path` is left as it was.
///
/// The temporary file is `.<name>.<pid>.<random>.tmp`: one left by a
/// writer that was killed is removed by the next writer of the review
/// (see [`remove_stale_temporaries`]). A rename replaces a symbolic link at
/// `path`, never the file it points to.
pub fn write_atomic(path: &Path, bytes: &[u8], replace: Replace) -> Result<(), StoreError> {
    let dir = folder_of(path);
    let mut tmp = temporary_beside(path)?;
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

/// Writes `bytes` to `path` as a hint that other processes read, not as
/// data: a reader sees the old file or the new one (a temporary file is
/// renamed over it), but nothing is synced, so a crash may leave either.
pub fn write_hint(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let mut tmp = temporary_beside(path)?;
    tmp.write_all(bytes)
        .map_err(StoreError::io("write", tmp.path()))?;
    tmp.persist(path).map_err(|e| StoreError::Io {
        action: "replace",
        path: path.to_owned(),
        source: e.error,
    })?;
    Ok(())
}

/// A new temporary file in `path`'s folder, named
/// `.<name>.<pid>.<random>.tmp` so that one left by a killed writer can be
/// told from a live one.
fn temporary_beside(path: &Path) -> Result<tempfile::NamedTempFile, StoreError> {
    let dir = folder_of(path);
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    tempfile::Builder::new()
        .prefix(&format!(".{name}.{}.", std::process::id()))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(StoreError::io("create a temporary file in", dir))
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
pub(crate) fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
pub(crate) fn sync_dir(_dir: &Path) -> io::Result<()> {
    // Directories cannot be opened for syncing on this platform; the
    // rename is as durable as the file system makes it.
    Ok(())
}

/// Removes the temporary files that writers of `names` (file names in
/// `dir`) left when they were killed: those whose writer's pid no longer
/// runs. The caller holds the review's lock, so no other writer of these
/// files can be at work; a temporary file of a process still running is
/// left alone all the same. Returns the files removed.
pub fn remove_stale_temporaries(dir: &Path, names: &[String]) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut removed = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        let Ok(file) = entry.file_name().into_string() else {
            continue;
        };
        let Some(writer) = temporary_of(&file, names) else {
            continue;
        };
        if writer.is_some_and(still_running) {
            continue;
        }
        let path = entry.path();
        // Only plain files: a link or a folder of that name was not made by
        // a writer.
        let plain = fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_file());
        if plain && fs::remove_file(&path).is_ok() {
            removed.push(path);
        }
    }
    removed
}

/// If `file` is a temporary file of one of `names`, the pid of its writer
/// (`None` for the older form, `.<name>.<random>.tmp`, without one).
fn temporary_of(file: &str, names: &[String]) -> Option<Option<u32>> {
    let rest = file.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (before, random) = rest.rsplit_once('.')?;
    if random.is_empty() || !random.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    if names.iter().any(|n| n == before) {
        return Some(None);
    }
    let (name, pid) = before.rsplit_once('.')?;
    let pid = pid.parse::<u32>().ok()?;
    names.iter().any(|n| n == name).then_some(Some(pid))
}

/// Whether a process with this pid runs (or may run: when it cannot be
/// told, it is taken to run).
fn still_running(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Some(pid) = i32::try_from(pid)
            .ok()
            .and_then(rustix::process::Pid::from_raw)
        else {
            return false;
        };
        !matches!(
            rustix::process::test_kill_process(pid),
            Err(rustix::io::Errno::SRCH)
        )
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
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
