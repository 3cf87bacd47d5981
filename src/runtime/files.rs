//! The files a view follows: the review file, reloaded when a save
//! replaced it, and the facilitator's follow file. What they hold arrives
//! in `update` as actions; this module only reads.
//!
//! A view never takes the review's lock and never writes anything beside
//! the review, so any number of watchers can run while the facilitator
//! edits. Every 50 ms it looks at the metadata of the review file and of
//! its journal (inode, size and times: a save renames a new file over the
//! old one, a commit appends to the journal): new journal records are
//! applied to the review it holds (see [`super::held`]), and the review is
//! read again only when nothing else tells what it holds. It also reads the
//! follow file the facilitator's debrief keeps (see [`crate::follow`]).

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::held::{Held, Step};
use crate::app::Action;
use crate::domain::Review;
use crate::follow::{self, Follow};
use crate::store::{self, StoreError};

/// How often the review, its journal and the follow file are looked at: a
/// look at files that did not change costs a few microseconds.
pub const POLL: Duration = Duration::from_millis(50);

/// What identifies one version of a file on disk: a save renames a new
/// file over the old one, so the inode changes even when the size and
/// the modification time (on a coarse clock) do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Version {
    dev: u64,
    ino: u64,
    len: u64,
    mtime: (i64, i64),
    ctime: (i64, i64),
}

impl Version {
    #[cfg(unix)]
    pub fn of(meta: &fs::Metadata) -> Version {
        use std::os::unix::fs::MetadataExt;
        Version {
            dev: meta.dev(),
            ino: meta.ino(),
            len: meta.len(),
            mtime: (meta.mtime(), meta.mtime_nsec()),
            ctime: (meta.ctime(), meta.ctime_nsec()),
        }
    }

    /// Whether `other` is a version of the same file (the same inode).
    pub fn same_file(&self, other: &Version) -> bool {
        (self.dev, self.ino) == (other.dev, other.ino)
    }

    /// The size of the file, in bytes.
    pub fn size(&self) -> u64 {
        self.len
    }

    /// `v`, marked so that it equals no version a file can have: the next
    /// look at the file reads it whatever it finds.
    pub fn unknown(v: Version) -> Version {
        Version {
            ctime: (i64::MIN, i64::MIN),
            ..v
        }
    }

    /// Without inodes: the size and the modification time.
    #[cfg(not(unix))]
    pub fn of(meta: &fs::Metadata) -> Version {
        let mtime = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or((0, 0), |d| {
                (d.as_secs() as i64, i64::from(d.subsec_nanos()))
            });
        Version {
            dev: 0,
            ino: 0,
            len: meta.len(),
            mtime,
            ctime: (0, 0),
        }
    }
}

/// What a view knows of the files it follows.
pub struct FileWatch {
    review: PathBuf,
    /// The follow file, for a watcher; `None` for a read-only view.
    follow: Option<PathBuf>,
    /// The review as last read, with its journal followed since; `None`
    /// until it loads.
    held: Option<Held>,
    /// The version of the review file that last failed to load.
    failed: Option<Option<Version>>,
    /// How many times the review was read in full.
    reads: usize,
    /// The follow file's content last read; `None` when there was none.
    followed: Option<Vec<u8>>,
    /// The follow file went away: the facilitator left.
    left: bool,
}

impl FileWatch {
    /// Follows the review at `review`, read in full at the first look, and
    /// with `follow` the facilitator's moves.
    pub fn new(review: &Path, follow: bool) -> FileWatch {
        FileWatch {
            review: review.to_owned(),
            follow: follow.then(|| follow::follow_path(review)),
            held: None,
            failed: None,
            reads: 0,
            followed: None,
            left: false,
        }
    }

    /// Reads the review at `review` and its journal now, and follows them
    /// from there; returns the review as read.
    pub fn open(review: &Path, follow: bool) -> Result<(FileWatch, Review), StoreError> {
        let mut watch = FileWatch::new(review, follow);
        let held = Held::read(review)?;
        watch.reads = 1;
        let shown = held.shown().ok_or_else(|| unsound(review))?;
        watch.held = Some(held);
        Ok((watch, shown))
    }

    /// How many times the review file was read in full, the first time
    /// included; a change that the journal brings is not one.
    pub fn full_reads(&self) -> usize {
        self.reads
    }

    /// What changed since the last look, as actions: the review as it now
    /// is (or why it could not be read), then the facilitator's latest move.
    pub fn look(&mut self) -> Vec<Action> {
        let mut actions = Vec::new();
        actions.extend(self.look_at_review());
        if let Some(path) = &self.follow {
            // A link, a special file or an oversized one is not followed.
            let content = follow::read(path).ok().flatten();
            if content != self.followed {
                // The facilitator's debrief removes the file when it closes
                // the review, and writes it again when it opens it.
                match (&self.followed, &content) {
                    (Some(_), None) => {
                        self.left = true;
                        actions.push(Action::Left(true));
                    }
                    (None, Some(_)) if self.left => {
                        self.left = false;
                        actions.push(Action::Left(false));
                    }
                    _ => {}
                }
                self.followed = content;
                // No file, or one that does not read, is not followed.
                let follow = self
                    .followed
                    .as_deref()
                    .and_then(|b| std::str::from_utf8(b).ok())
                    .and_then(Follow::decode);
                actions.extend(follow.map(Action::Followed));
            }
        }
        actions
    }

    /// The review brought up to date from its journal, or read again.
    fn look_at_review(&mut self) -> Option<Action> {
        let step = match &mut self.held {
            Some(held) => held.step(),
            None => {
                let now = fs::metadata(&self.review).ok().map(|m| Version::of(&m));
                if self.failed == Some(now) {
                    return None;
                }
                Step::Reread
            }
        };
        match step {
            Step::Same => None,
            Step::Applied => match self.held.as_ref().and_then(Held::shown) {
                Some(review) => Some(Action::Reloaded(Ok(Box::new(review)))),
                None => self.reread(),
            },
            Step::Reread => self.reread(),
        }
    }

    fn reread(&mut self) -> Option<Action> {
        let now = fs::metadata(&self.review).ok().map(|m| Version::of(&m));
        self.reads += 1;
        let read = Held::read(&self.review).and_then(|held| match held.shown() {
            Some(review) => Ok((held, review)),
            None => Err(unsound(&self.review)),
        });
        match read {
            Ok((held, review)) => {
                self.failed = None;
                let same = self.held.as_ref().is_some_and(|h| h.same_review(&held));
                self.held = Some(held);
                // What is shown already holds it: nothing to show anew.
                (!same).then(|| Action::Reloaded(Ok(Box::new(review))))
            }
            Err(e) => {
                // Tried again when the file changes.
                self.held = None;
                self.failed = Some(now);
                Some(Action::Reloaded(Err(e.to_string())))
            }
        }
    }
}

/// A review that decoded but is not sound: unreachable, since decoding
/// checks it and a journal that would make it so is left out.
fn unsound(path: &Path) -> StoreError {
    StoreError::Decode(store::DecodeError::Unsound {
        path: path.to_owned(),
        why: "it does not read as a sound review".into(),
    })
}

/// Whether nobody holds the lock of the review at `review`: a look that
/// takes nothing (a shared lock, released at once) and writes nothing.
pub fn lock_is_free(review: &Path) -> bool {
    let Ok(file) = File::open(store::lock_path(review)) else {
        // No lock file: nobody ever locked it, or it was removed.
        return true;
    };
    match file.try_lock_shared() {
        Ok(()) => {
            let _ = file.unlock();
            true
        }
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Pane;
    use crate::domain::Stage;

    fn left(actions: &[Action]) -> Vec<bool> {
        actions
            .iter()
            .filter_map(|a| match a {
                Action::Left(l) => Some(*l),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_watcher_hears_when_the_facilitator_leaves_and_comes_back() {
        let dir = tempfile::tempdir().unwrap();
        let review = dir.path().join("r.ron");
        fs::write(&review, store::EXAMPLE).unwrap();
        let follow_file = follow::follow_path(&review);
        let shown = Follow {
            stage: Stage::Timeline,
            pane: Pane::Timeline,
            selected: None,
            overlay: None,
        };
        fs::write(&follow_file, shown.encode()).unwrap();
        let mut watch = FileWatch::new(&review, true);
        let first = watch.look();
        assert!(left(&first).is_empty(), "the facilitator is there");
        assert!(first.iter().any(|a| matches!(a, Action::Followed(_))));

        fs::remove_file(&follow_file).unwrap();
        assert_eq!(left(&watch.look()), [true], "the follow file went");
        assert!(watch.look().is_empty(), "said once");

        fs::write(&follow_file, shown.encode()).unwrap();
        let back = watch.look();
        assert_eq!(left(&back), [false], "the facilitator opened it again");
        assert!(back.iter().any(|a| matches!(a, Action::Followed(_))));
    }

    #[test]
    fn a_review_without_a_facilitator_yet_is_not_left() {
        let dir = tempfile::tempdir().unwrap();
        let review = dir.path().join("r.ron");
        fs::write(&review, store::EXAMPLE).unwrap();
        let mut watch = FileWatch::new(&review, true);
        assert!(left(&watch.look()).is_empty());
        assert!(left(&watch.look()).is_empty());
    }
}
