//! One writer per review: an OS lock on a separate file.
//!
//! The review file itself is replaced on every save, so the lock lives on
//! `<review>.lock` beside it. The OS releases the lock when its process
//! ends, however it ends; the file's content (pid and host) only names the
//! holder for the message a second writer gets. A holder that closes
//! removes the lock file while it still holds it, so a clean exit leaves
//! none; a writer that locked a file removed meanwhile (it opened it just
//! before) sees that it is no longer the one at the name and tries again,
//! so two processes never hold two different files of the same name.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};

use super::atomic::{Replace, folder_of, remove_stale_temporaries, write_atomic};
use super::codec::encode;
use super::error::StoreError;
use super::journal::{Fingerprint, journal_path, remove_journal};
use super::read::{Links, open_checked};
use crate::domain::Review;

/// The right to change one review, held until dropped.
#[derive(Debug)]
pub struct ReviewLock {
    file: File,
    review: PathBuf,
    /// The review as opened, and the fingerprint of the file it was read
    /// from: where the journal of the next changes starts.
    opened: Option<Box<(Review, Fingerprint)>>,
}

/// `review.ron` → `review.ron.lock`.
pub fn lock_path(review: &Path) -> PathBuf {
    let mut name = review.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    review.with_file_name(name)
}

impl ReviewLock {
    /// Takes the lock on the review at `review`, or says who holds it.
    pub fn acquire(review: &Path) -> Result<ReviewLock, StoreError> {
        let path = lock_path(review);
        let mut tries = 0;
        let mut file = loop {
            let mut file = Self::lock_file(review, &path)?;
            match file.try_lock() {
                Ok(()) if still_there(&file, &path) => break file,
                // Its holder removed it as it closed: lock the next one.
                Ok(()) if tries < 10 => tries += 1,
                Ok(()) => {
                    return Err(StoreError::Io {
                        action: "lock",
                        path,
                        source: io::Error::other("the lock file keeps being removed"),
                    });
                }
                Err(TryLockError::WouldBlock) => {
                    let mut holder = String::new();
                    // The holder may be writing its name this very moment;
                    // an empty or partial read still gives a useful message.
                    let _ = file.read_to_string(&mut holder);
                    return Err(StoreError::Locked {
                        path: review.to_owned(),
                        holder: describe_holder(&holder),
                    });
                }
                Err(TryLockError::Error(e)) => {
                    return Err(StoreError::Io {
                        action: "lock",
                        path,
                        source: e,
                    });
                }
            }
        };
        let me = format!("pid {} on {}\n", std::process::id(), hostname());
        file.set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| file.write_all(me.as_bytes()))
            .and_then(|()| file.sync_all())
            .map_err(StoreError::io("write", &path))?;
        // Temporary files of this review whose writers were killed.
        let name = review.file_name().unwrap_or_default().to_string_lossy();
        let names: Vec<String> = ["", ".draft", ".follow", ".journal", ".bak"]
            .iter()
            .map(|ext| format!("{name}{ext}"))
            .collect();
        remove_stale_temporaries(folder_of(review), &names);
        Ok(ReviewLock {
            file,
            review: review.to_owned(),
            opened: None,
        })
    }

    /// Opens (or creates) the lock file of `review`, never through a link.
    fn lock_file(review: &Path, path: &Path) -> Result<File, StoreError> {
        let mut options = OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        // Like the review beside it, readable by its owner only.
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        // Never through a link: it would create or truncate its target.
        open_checked(path, options, Links::Refuse, "open the lock file")
            .map_err(|e| read_only(e, review, path))
    }

    /// The review this lock guards.
    pub fn review_path(&self) -> &Path {
        &self.review
    }

    /// Notes the review as opened, read from a file of `fingerprint`.
    pub(crate) fn set_opened(&mut self, review: Review, fingerprint: Fingerprint) {
        self.opened = Some(Box::new((review, fingerprint)));
    }

    /// The review as opened and the fingerprint of its file, once.
    pub fn take_opened(&mut self) -> Option<(Review, Fingerprint)> {
        self.opened.take().map(|b| *b)
    }

    /// Saves `review` over the locked file, atomically, keeping the
    /// previous version as `.bak`; a journal beside it, which the save
    /// covers, is removed.
    pub fn save(&self, review: &Review) -> Result<(), StoreError> {
        self.save_full(review)?;
        remove_journal(&self.review)
    }

    /// Saves `review` in full, keeping the previous version as `.bak`, and
    /// leaves the journal alone; returns the new file's fingerprint. A
    /// review that could not be read back (an item number about to wrap,
    /// an item too long) is refused, naming the item.
    pub fn save_full(&self, review: &Review) -> Result<Fingerprint, StoreError> {
        if let Some(what) = crate::domain::guards::unsound(review) {
            return Err(StoreError::Invalid {
                path: self.review.clone(),
                what,
            });
        }
        let text = encode(review);
        write_atomic(&self.review, text.as_bytes(), Replace::KeepingBackup)?;
        Ok(Fingerprint::of(text.as_bytes()))
    }

    /// The journal of this review.
    pub fn journal_path(&self) -> PathBuf {
        journal_path(&self.review)
    }
}

/// The error of a lock that cannot be taken because nothing may be
/// written there: a read-only mount, or a folder this user cannot write.
fn read_only(e: StoreError, review: &Path, lock: &Path) -> StoreError {
    let why = match &e {
        StoreError::Io { source, .. } => match source.kind() {
            io::ErrorKind::ReadOnlyFilesystem => "the folder is on a read-only file system",
            io::ErrorKind::PermissionDenied => {
                "this user may not write the lock file or its folder"
            }
            _ => return e,
        },
        _ => return e,
    };
    StoreError::ReadOnly {
        path: review.to_owned(),
        lock: lock.to_owned(),
        why,
    }
}

impl Drop for ReviewLock {
    fn drop(&mut self) {
        // The file goes while still locked, so a clean exit leaves none;
        // whoever opened it meanwhile finds it gone once locked, and
        // tries again (see `acquire`). Where it cannot be removed, our
        // name is cleared. The OS lock goes with the file handle.
        if std::fs::remove_file(lock_path(&self.review)).is_err() {
            let _ = self.file.set_len(0);
        }
    }
}

/// Whether the file locked through `file` is still the one at `path`: a
/// holder removes the lock file as it closes, and a lock taken on a file
/// removed meanwhile guards nothing.
fn still_there(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), std::fs::symlink_metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        path.exists()
    }
}

/// Turns the lock file's content into words, noting when the named process
/// is on this host and no longer running (a stale lock on a file system
/// without working locks).
fn describe_holder(content: &str) -> String {
    let content = content.trim();
    if content.is_empty() {
        return "another debrief".to_owned();
    }
    let mut words = content.split_whitespace();
    let pid = words.nth(1).and_then(|p| p.parse::<u32>().ok());
    let host = content.split(" on ").nth(1).map(str::trim);
    let stale = match (pid, host) {
        (Some(pid), Some(host)) if host == hostname() && Path::new("/proc").is_dir() => {
            !Path::new(&format!("/proc/{pid}")).exists()
        }
        _ => false,
    };
    let holder = format!("debrief ({})", crate::domain::Text::new(content));
    if stale {
        format!("{holder}, which is no longer running: the lock looks stale")
    } else {
        holder
    }
}

/// This machine's name, for naming a lock's holder.
pub fn hostname() -> String {
    ["/proc/sys/kernel/hostname", "/etc/hostname"]
        .iter()
        .find_map(|p| std::fs::read_to_string(p).ok())
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_else(|| "an unknown host".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn io(kind: io::ErrorKind) -> StoreError {
        StoreError::Io {
            action: "open the lock file",
            path: "r.ron.lock".into(),
            source: io::Error::from(kind),
        }
    }

    #[test]
    fn a_lock_that_cannot_be_written_means_the_review_is_read_only() {
        let review = Path::new("r.ron");
        let lock = Path::new("r.ron.lock");
        for (kind, why) in [
            (io::ErrorKind::ReadOnlyFilesystem, "read-only file system"),
            (io::ErrorKind::PermissionDenied, "may not write"),
        ] {
            let e = read_only(io(kind), review, lock);
            let msg = e.to_string();
            assert!(matches!(e, StoreError::ReadOnly { .. }), "{msg}");
            assert!(msg.contains(why) && msg.contains("r.ron.lock"), "{msg}");
        }
        let other = read_only(io(io::ErrorKind::NotFound), review, lock);
        assert!(matches!(other, StoreError::Io { .. }));
    }
}
