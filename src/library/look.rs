//! Looks at the review files of one folder: the stamp of each, found
//! relative to the folder, which spares the lookup of the whole path for
//! each of thousands of files.

use std::fs;
use std::path::{Path, PathBuf};

use super::index::{Stamp, nanos};

/// The folder, open for looking at its files.
pub(super) struct Look {
    dir: PathBuf,
    #[cfg(unix)]
    fd: Option<fs::File>,
}

impl Look {
    pub(super) fn at(dir: &Path) -> Look {
        Look {
            dir: dir.to_owned(),
            #[cfg(unix)]
            fd: fs::File::open(dir).ok(),
        }
    }

    /// The stamp of the review `file` (a link followed, as readers do)
    /// and of its journal when `journal` (a link not followed); `None`
    /// when the review cannot be looked at.
    pub(super) fn stamp(&self, file: &str, journal: bool) -> Option<Stamp> {
        let (size, modified) = self.look(file, true)?;
        let journal = journal
            .then(|| self.look(&format!("{file}.journal"), false))
            .flatten();
        Some(Stamp {
            size,
            modified,
            journal,
        })
    }

    #[cfg(unix)]
    fn look(&self, name: &str, follow: bool) -> Option<(u64, i128)> {
        use rustix::fs::{AtFlags, statat};
        let Some(fd) = &self.fd else {
            return self.by_path(name, follow);
        };
        let flags = if follow {
            AtFlags::empty()
        } else {
            AtFlags::SYMLINK_NOFOLLOW
        };
        let st = statat(fd, name, flags).ok()?;
        let secs = st.st_mtime as i64;
        let nsec = st.st_mtime_nsec as i64;
        Some((
            st.st_size as u64,
            i128::from(secs) * 1_000_000_000 + i128::from(nsec),
        ))
    }

    #[cfg(not(unix))]
    fn look(&self, name: &str, follow: bool) -> Option<(u64, i128)> {
        self.by_path(name, follow)
    }

    fn by_path(&self, name: &str, follow: bool) -> Option<(u64, i128)> {
        let path = self.dir.join(name);
        let meta = if follow {
            fs::metadata(path)
        } else {
            fs::symlink_metadata(path)
        }
        .ok()?;
        Some((meta.len(), nanos(&meta)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stamp_looked_at_in_the_folder_is_the_stamp_of_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.ron");
        fs::write(&file, "twelve bytes").unwrap();
        fs::write(dir.path().join("a.ron.journal"), "j").unwrap();
        let look = Look::at(dir.path());
        let stamp = look.stamp("a.ron", true).expect("looked at");
        assert_eq!(stamp, Stamp::of(&file, true).unwrap());
        assert_eq!(stamp.size, 12);
        assert_eq!(stamp.journal.map(|j| j.0), Some(1));
        assert_eq!(look.stamp("a.ron", false).unwrap().journal, None);
        assert_eq!(look.stamp("gone.ron", false), None);
        assert_eq!(look.by_path("a.ron", true).unwrap().0, 12);
    }
}
