//! The review as a view holds it: the review file as last read, and the
//! records of its journal applied since, so that a committed change shows
//! without reading the review again.
//!
//! The facilitator's debrief appends each committed change to the journal
//! within milliseconds and saves the whole review later (see
//! [`crate::store::journal`]). A view reads the review file once, then
//! follows the journal: when it grows, only the new whole records are read
//! and applied, the same records a replay applies. After a full save the
//! journal is started again from that save; when its header names the
//! fingerprint of what the view already holds, the view goes on from there
//! without reading the review. Anything else (a review replaced with no
//! journal continuing what is held, a damaged record, a record that does
//! not fit) reads the review and its journal again in full: a view is
//! never left showing a state that a load would not give.

use std::fs::{self, File};
use std::io::{Seek, SeekFrom};
use std::path::{Path, PathBuf};

use super::files::Version;
use crate::domain::Review;
use crate::domain::id::is_valid_id;
use crate::store::journal::{self, Change, Tail};
use crate::store::read::{Links, MAX_REVIEW, open_regular, read_capped};
use crate::store::{self, Fingerprint, StoreError, journal_path};

/// The journal a view follows.
#[derive(Clone, Copy, Debug)]
struct Followed {
    /// The journal file as last looked at.
    seen: Version,
    /// Whether it continues the state held (else it is left alone until it
    /// is replaced).
    continues: bool,
    /// How many of its bytes are applied: the header and whole records.
    used: u64,
}

/// What a look at the files found.
#[derive(Debug, PartialEq, Eq)]
pub enum Step {
    /// Nothing that changes what is held.
    Same,
    /// Journal records were applied: what is held changed.
    Applied,
    /// Only a full read can tell what the files hold now.
    Reread,
}

/// A review held by a view, and where it came from.
pub struct Held {
    review_path: PathBuf,
    journal_path: PathBuf,
    /// The review file read, and its fingerprint.
    file: Version,
    file_print: Fingerprint,
    /// The review file with `applied` journal records applied; as the
    /// writer has it, not normalised (records count positions in it).
    review: Review,
    applied: usize,
    journal: Option<Followed>,
    /// The fingerprint of what [`store::encode`] writes for `review`, once
    /// computed.
    encoded: Option<Fingerprint>,
}

/// The version of the journal at `path`: a link is not followed.
fn version_of(path: &Path) -> Option<Version> {
    fs::symlink_metadata(path)
        .ok()
        .filter(fs::Metadata::is_file)
        .map(|m| Version::of(&m))
}

/// The version of the review at `path`, which a view may read through a
/// link.
fn review_version(path: &Path) -> Option<Version> {
    fs::metadata(path).ok().map(|m| Version::of(&m))
}

/// Reads the journal at `path`, from `from` on: the bytes and the version
/// of the file they were read from.
fn read_journal(path: &Path, from: u64) -> Result<(Vec<u8>, Version), StoreError> {
    let mut file: File = open_regular(path, Links::Refuse)?;
    let version = Version::of(&file.metadata().map_err(StoreError::io("read", path))?);
    file.seek(SeekFrom::Start(from))
        .map_err(StoreError::io("read", path))?;
    Ok((read_capped(file, MAX_REVIEW, path)?, version))
}

impl Held {
    /// Reads the review at `path` and replays the journal that continues
    /// it: what [`crate::store::load`] gives, for a view.
    pub fn read(path: &Path) -> Result<Held, StoreError> {
        let file = open_regular(path, Links::Follow)?;
        let version = Version::of(&file.metadata().map_err(StoreError::io("read", path))?);
        let bytes = read_capped(file, MAX_REVIEW, path)?;
        let (review, file_print) = store::decode_bytes(bytes, path)?;
        let mut held = Held {
            review_path: path.to_owned(),
            journal_path: journal_path(path),
            file: version,
            file_print,
            review,
            applied: 0,
            journal: None,
            encoded: None,
        };
        // A journal that cannot be read or applied is left out, as a load
        // leaves it out; the review file alone is what is held then.
        if let Ok((bytes, seen)) = read_journal(&held.journal_path, 0)
            && (held.start_journal(&bytes, seen, file_print, true) == Step::Reread
                || held.shown().is_none())
        {
            // Read again rather than kept: a journal that does not apply
            // is rare, a copy of a large review is not free.
            held.review = store::decode_bytes(
                read_capped(open_regular(path, Links::Follow)?, MAX_REVIEW, path)?,
                path,
            )?
            .0;
            held.applied = 0;
            held.journal = Some(Followed {
                seen,
                continues: false,
                used: 0,
            });
        }
        Ok(held)
    }

    /// What is held, as a load gives it (normalised); `None` when it is
    /// not a sound review.
    pub fn shown(&self) -> Option<Review> {
        let mut review = self.review.clone();
        if crate::domain::guards::unsound(&review).is_some() || !is_valid_id(&review.id) {
            return None;
        }
        review.normalise();
        Some(review)
    }

    /// Whether `other` holds the same review.
    pub fn same_review(&self, other: &Held) -> bool {
        self.review == other.review
    }

    /// Looks at the review file and its journal and brings what is held up
    /// to date from the journal where it can.
    pub fn step(&mut self) -> Step {
        let file_now = review_version(&self.review_path);
        let journal_now = version_of(&self.journal_path);
        let step = match (journal_now, self.journal) {
            (None, None) => Step::Same,
            (None, Some(_)) => {
                // Removed after a full save that covered it: the review
                // file was replaced, and only reading it tells what it is.
                self.journal = None;
                Step::Same
            }
            (Some(now), Some(f)) if now == f.seen => Step::Same,
            (Some(now), Some(f)) if now.same_file(&f.seen) => {
                if f.continues && now.size() >= f.used {
                    self.grown(f)
                } else if f.continues {
                    Step::Reread
                } else {
                    self.journal = Some(Followed { seen: now, ..f });
                    Step::Same
                }
            }
            (Some(_), _) => match read_journal(&self.journal_path, 0) {
                Ok((bytes, seen)) => self.new_journal(&bytes, seen),
                Err(_) => Step::Reread,
            },
        };
        if step == Step::Reread || file_now == Some(self.file) {
            return step;
        }
        // The review file was replaced, and no journal continuing what is
        // held says what it now holds.
        Step::Reread
    }

    /// The journal followed grew: applies its new whole records.
    fn grown(&mut self, f: Followed) -> Step {
        let Ok((bytes, seen)) = read_journal(&self.journal_path, f.used) else {
            return Step::Reread;
        };
        if !seen.same_file(&f.seen) {
            // Replaced between the look and the read: look again in full.
            return Step::Reread;
        }
        let (records, used, tail) = journal::read_records(&bytes);
        if tail == Tail::Damaged {
            return Step::Reread;
        }
        // A record not all there yet is read at the next look, whatever
        // the version then says.
        let seen = if tail == Tail::Incomplete {
            Version::unknown(seen)
        } else {
            seen
        };
        self.journal = Some(Followed {
            seen,
            continues: true,
            used: f.used + used as u64,
        });
        self.apply(records)
    }

    /// A journal that is not the one followed: applied when it continues
    /// what is held.
    fn new_journal(&mut self, bytes: &[u8], seen: Version) -> Step {
        let Some((base, _)) = journal::read_header(bytes) else {
            // Not all there yet (it is written whole, then renamed into
            // place, so this is not a journal of debrief's): leave it.
            self.journal = Some(Followed {
                seen,
                continues: false,
                used: 0,
            });
            return Step::Same;
        };
        if base == self.file_print && self.applied == 0 {
            return self.start_journal(bytes, seen, base, false);
        }
        // A journal started again after a full save names the save; when
        // what is held encodes to it, the save holds nothing new.
        let encoded = *self
            .encoded
            .get_or_insert_with(|| Fingerprint::of(store::encode(&self.review).as_bytes()));
        let file_now = review_version(&self.review_path);
        if base == encoded && file_now.is_some_and(|v| v.size() == base.len) {
            self.file = file_now.unwrap_or(self.file);
            self.file_print = base;
            self.applied = 0;
            return self.start_journal(bytes, seen, base, false);
        }
        Step::Reread
    }

    /// Follows the journal of `bytes` (whole, header first), which
    /// continues the file of fingerprint `base`, from its first record.
    /// A damaged record ends it when `reading` in full (as a load ends the
    /// replay there); else it reads the review in full.
    fn start_journal(
        &mut self,
        bytes: &[u8],
        seen: Version,
        base: Fingerprint,
        reading: bool,
    ) -> Step {
        let Some((header, start)) = journal::read_header(bytes) else {
            return Step::Reread;
        };
        if header != base {
            self.journal = Some(Followed {
                seen,
                continues: false,
                used: 0,
            });
            return Step::Same;
        }
        let (records, used, tail) = journal::read_records(&bytes[start..]);
        if tail == Tail::Damaged && !reading {
            return Step::Reread;
        }
        let seen = if tail == Tail::Incomplete {
            // Read the rest at the next look, whatever the version says.
            Version::unknown(seen)
        } else {
            seen
        };
        self.journal = Some(Followed {
            seen,
            continues: true,
            used: (start + used) as u64,
        });
        self.apply(records)
    }

    fn apply(&mut self, records: Vec<Vec<Change>>) -> Step {
        if records.is_empty() {
            return Step::Same;
        }
        self.encoded = None;
        self.applied += records.len();
        for changes in records {
            if journal::apply(&mut self.review, changes).is_err() {
                return Step::Reread;
            }
        }
        Step::Applied
    }
}
