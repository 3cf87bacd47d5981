//! Reading files without being fooled by what sits at their name.
//!
//! Every file debrief reads from a reviews folder is opened without
//! blocking (a FIFO would otherwise hang the reader) and must then be a
//! regular file; what is read is capped. The files debrief owns beside a
//! review (lock, draft, follow, journal) are also opened without following
//! a symbolic link, so that a link cannot make debrief read, create or
//! truncate a file elsewhere. A review itself may be a link for readers;
//! see [`super::open_for_writing`] for writers.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

use super::error::StoreError;

/// The most read from a review file (and from its journal).
pub const MAX_REVIEW: u64 = 256 << 20;
/// The most read from the draft of an open form.
pub const MAX_DRAFT: u64 = 16 << 20;
/// The most read from a follow file.
pub const MAX_FOLLOW: u64 = 64 << 10;
/// The most read from standard input by `add ... -`.
pub const MAX_INPUT: u64 = 64 << 20;

/// Whether a symbolic link at the name is followed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Links {
    /// Read the file a link points to (a review, for readers).
    Follow,
    /// Refuse a link: the files debrief owns beside a review.
    Refuse,
}

/// Flags for `open(2)`: never block on a FIFO, and, when asked, never
/// follow a link.
#[cfg(unix)]
pub(crate) fn open_flags(options: &mut OpenOptions, links: Links) {
    use rustix::fs::OFlags;
    let mut flags = OFlags::NONBLOCK;
    if links == Links::Refuse {
        flags |= OFlags::NOFOLLOW;
    }
    std::os::unix::fs::OpenOptionsExt::custom_flags(options, flags.bits() as i32);
}

#[cfg(not(unix))]
pub(crate) fn open_flags(_options: &mut OpenOptions, _links: Links) {}

/// Opens `path` with `options` (see [`open_flags`]) and checks that it is
/// a regular file; `action` names what was being done in errors.
pub(crate) fn open_checked(
    path: &Path,
    mut options: OpenOptions,
    links: Links,
    action: &'static str,
) -> Result<File, StoreError> {
    open_flags(&mut options, links);
    let file = options.open(path).map_err(|e| refused(e, path, action))?;
    let meta = file.metadata().map_err(StoreError::io(action, path))?;
    if !meta.is_file() {
        return Err(StoreError::NotRegular {
            path: path.to_owned(),
            kind: kind_of(&meta),
        });
    }
    Ok(file)
}

/// Opens a regular file for reading.
pub fn open_regular(path: &Path, links: Links) -> Result<File, StoreError> {
    let mut options = OpenOptions::new();
    options.read(true);
    open_checked(path, options, links, "read")
}

/// Reads a regular file at `path`, at most `limit` bytes.
pub fn read_regular(path: &Path, links: Links, limit: u64) -> Result<Vec<u8>, StoreError> {
    let file = open_regular(path, links)?;
    read_capped(file, limit, path)
}

/// Reads a regular file that may be missing: `Ok(None)` if there is none.
pub fn read_if_present(
    path: &Path,
    links: Links,
    limit: u64,
) -> Result<Option<Vec<u8>>, StoreError> {
    match read_regular(path, links, limit) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(StoreError::Io { source, .. }) if source.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Reads everything from `reader`, refusing more than `limit` bytes;
/// `origin` names the source in errors.
pub fn read_capped(
    reader: impl Read,
    limit: u64,
    origin: impl AsRef<Path>,
) -> Result<Vec<u8>, StoreError> {
    let origin = origin.as_ref();
    let mut bytes = Vec::new();
    reader
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(StoreError::io("read", origin))?;
    if bytes.len() as u64 > limit {
        return Err(StoreError::TooLarge {
            path: origin.to_owned(),
            limit,
        });
    }
    Ok(bytes)
}

/// Turns the error of an open that refused a link into one that says so.
pub(crate) fn refused(e: io::Error, path: &Path, action: &'static str) -> StoreError {
    #[cfg(unix)]
    {
        // O_NOFOLLOW fails with ELOOP on a link (EMLINK on some BSDs).
        let code = e.raw_os_error();
        let is_link = code == Some(rustix::io::Errno::LOOP.raw_os_error())
            || code == Some(rustix::io::Errno::MLINK.raw_os_error());
        if is_link && std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
            return StoreError::Symlink {
                path: path.to_owned(),
                target: std::fs::read_link(path).unwrap_or_default(),
            };
        }
    }
    StoreError::Io {
        action,
        path: path.to_owned(),
        source: e,
    }
}

/// What a file that is not a regular file is, in words.
pub(crate) fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
    }
    "not a regular file"
}

/// Turns bytes into text, naming the line and column (in characters,
/// counted from one) of the first byte that is not UTF-8. A leading byte
/// order mark is dropped.
pub fn utf8(bytes: Vec<u8>, path: &Path) -> Result<String, super::DecodeError> {
    let bytes = match bytes.strip_prefix("\u{feff}".as_bytes()) {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    String::from_utf8(bytes).map_err(|e| {
        let good = e.utf8_error().valid_up_to();
        let before = &e.as_bytes()[..good];
        // The prefix is valid UTF-8 by definition.
        let before = std::str::from_utf8(before).unwrap_or_default();
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        super::DecodeError::Syntax {
            path: path.to_owned(),
            line,
            col,
            message: format!(
                "byte 0x{:02x} is not UTF-8 text (is this a review file?)",
                e.as_bytes()[good]
            ),
        }
    })
}
