//! A watcher follows the facilitator's journal: a committed change shows
//! from the new records alone, without reading the review again; the
//! review is read in full only when the files say nothing else can tell
//! what it holds, and what is shown is always what a load gives.

mod common;

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use debrief::app::Action;
use debrief::domain::{Review, Text};
use debrief::runtime::files::FileWatch;
use debrief::store::journal::{JournalWriter, changes};
use debrief::store::{self, Fingerprint, ReviewLock, encode, journal_path};

struct Facilitator {
    path: PathBuf,
    lock: ReviewLock,
    journal: JournalWriter,
    review: Review,
}

impl Facilitator {
    fn start(dir: &Path) -> Facilitator {
        let path = dir.join("r.ron");
        let text = common::example_text();
        fs::write(&path, &text).unwrap();
        Facilitator {
            lock: ReviewLock::acquire(&path).unwrap(),
            journal: JournalWriter::new(&path, Fingerprint::of(text.as_bytes())),
            review: store::load(&path).unwrap(),
            path,
        }
    }

    /// A committed change: the text of event `i`, journaled.
    fn edit(&mut self, i: usize, text: &str) -> Review {
        let before = self.review.clone();
        self.review.timeline[i].text = Text::new(text);
        self.journal
            .append(&changes(&before, &self.review))
            .unwrap();
        self.review.clone()
    }

    /// A full save, and the journal started again from it with what
    /// `then` changes after it.
    fn save_then(&mut self, then: impl FnOnce(&mut Review)) {
        let saved = self.review.clone();
        let print = self.lock.save_full(&saved).unwrap();
        then(&mut self.review);
        self.journal
            .rebase(print, &changes(&saved, &self.review))
            .unwrap();
    }
}

/// The reviews a look shows (a failure to read fails the test).
fn shown(watch: &mut FileWatch) -> Vec<Review> {
    watch
        .look()
        .into_iter()
        .filter_map(|a| match a {
            Action::Reloaded(r) => Some(*r.expect("the review reads")),
            _ => None,
        })
        .collect()
}

#[test]
fn a_committed_change_shows_from_the_journal_without_reading_the_review() {
    let dir = tempfile::tempdir().unwrap();
    let mut f = Facilitator::start(dir.path());
    let (mut watch, first) = FileWatch::open(&f.path, false).unwrap();
    assert_eq!(first, f.review);
    assert_eq!(watch.full_reads(), 1);
    assert!(shown(&mut watch).is_empty(), "nothing changed yet");

    let one = f.edit(2, "the first change");
    assert_eq!(shown(&mut watch), [one]);
    let two = f.edit(5, "the second change");
    assert_eq!(shown(&mut watch), std::slice::from_ref(&two));
    assert!(shown(&mut watch).is_empty(), "each change shown once");
    assert_eq!(watch.full_reads(), 1, "no change read the review again");
    assert_eq!(store::load(&f.path).unwrap(), two, "what a load gives");
}

#[test]
fn a_journal_started_again_after_a_full_save_goes_on_without_a_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut f = Facilitator::start(dir.path());
    let (mut watch, _) = FileWatch::open(&f.path, false).unwrap();
    f.edit(1, "before the save");
    shown(&mut watch);
    f.save_then(|r| r.timeline[3].text = Text::new("after the save"));
    assert_eq!(shown(&mut watch), [f.review.clone()]);
    assert_eq!(watch.full_reads(), 1, "the watcher held what was saved");
    let more = f.edit(4, "and one more");
    assert_eq!(shown(&mut watch), [more]);
    assert_eq!(watch.full_reads(), 1);

    // A save that covers everything removes the journal: the review is
    // read to be sure, but nothing new is shown.
    f.save_then(|_| {});
    assert!(!journal_path(&f.path).exists());
    assert!(shown(&mut watch).is_empty());
    assert_eq!(watch.full_reads(), 2);
}

#[test]
fn a_change_the_watcher_missed_before_a_save_is_read_in_full() {
    let dir = tempfile::tempdir().unwrap();
    let mut f = Facilitator::start(dir.path());
    let (mut watch, _) = FileWatch::open(&f.path, false).unwrap();
    // Journaled, saved and the journal started again between two looks.
    f.edit(1, "missed");
    f.save_then(|r| r.timeline[2].text = Text::new("after the save"));
    assert_eq!(shown(&mut watch), [f.review.clone()]);
    assert_eq!(watch.full_reads(), 2);
}

/// The bytes of one record of `changes`, as the writer appends them.
fn record_bytes(dir: &Path, base: &Review, changed: &Review) -> Vec<u8> {
    let scratch = dir.join("scratch.ron");
    let mut writer = JournalWriter::new(&scratch, Fingerprint { len: 0, hash: 0 });
    writer.append(&changes(base, changed)).unwrap();
    let bytes = fs::read(journal_path(&scratch)).unwrap();
    let header = bytes.iter().position(|b| *b == b'\n').unwrap() + 1;
    bytes[header..].to_vec()
}

fn append(path: &Path, bytes: &[u8]) {
    let mut file = OpenOptions::new()
        .append(true)
        .open(journal_path(path))
        .unwrap();
    file.write_all(bytes).unwrap();
}

#[test]
fn a_record_not_all_written_waits_and_a_damaged_one_is_never_shown() {
    let dir = tempfile::tempdir().unwrap();
    let mut f = Facilitator::start(dir.path());
    let (mut watch, _) = FileWatch::open(&f.path, false).unwrap();
    let one = f.edit(1, "whole");
    assert_eq!(shown(&mut watch), std::slice::from_ref(&one));

    // Half a record: nothing to show yet, and nothing read again.
    let mut two = one.clone();
    two.timeline[2].text = Text::new("torn, then finished");
    let record = record_bytes(dir.path(), &one, &two);
    let (head, rest) = record.split_at(record.len() / 2);
    append(&f.path, head);
    assert!(shown(&mut watch).is_empty());
    assert_eq!(watch.full_reads(), 1);
    append(&f.path, rest);
    assert_eq!(shown(&mut watch), std::slice::from_ref(&two));
    assert_eq!(watch.full_reads(), 1);

    // A whole record that does not match its hash: the review is read in
    // full, as a load reads it, without the damaged change.
    let mut three = two.clone();
    three.timeline[3].text = Text::new("damaged");
    let mut record = record_bytes(dir.path(), &two, &three);
    let at = record.len() - 5;
    record[at] ^= 0x20;
    append(&f.path, &record);
    let after = shown(&mut watch);
    assert!(after.iter().all(|r| *r == two), "{after:?}");
    assert_eq!(watch.full_reads(), 2);
    assert_eq!(store::load(&f.path).unwrap(), two);
    assert!(shown(&mut watch).is_empty(), "read once, not at every look");
}

#[test]
fn a_review_replaced_by_another_is_read_in_full() {
    let dir = tempfile::tempdir().unwrap();
    let mut f = Facilitator::start(dir.path());
    let (mut watch, _) = FileWatch::open(&f.path, false).unwrap();
    f.edit(1, "journaled");
    shown(&mut watch);
    // Saved by something else, the journal gone with it.
    let mut other = f.review.clone();
    other.title = Text::new("Replaced by hand");
    f.lock.save(&other).unwrap();
    assert_eq!(shown(&mut watch), [other.clone()]);
    assert_eq!(watch.full_reads(), 2);
    // Replaced while a journal that continues neither version is there.
    fs::write(
        journal_path(&f.path),
        b"debrief journal 1 5 0000000000000001\n",
    )
    .unwrap();
    let mut third = other.clone();
    third.title = Text::new("Replaced again");
    store::write_atomic(
        &f.path,
        encode(&third).as_bytes(),
        store::Replace::Overwrite,
    )
    .unwrap();
    assert_eq!(shown(&mut watch), [third.clone()]);
    assert_eq!(store::load(&f.path).unwrap(), third);
}

#[cfg(unix)]
#[test]
fn a_review_read_through_a_link_is_not_read_again_at_every_look() {
    let dir = tempfile::tempdir().unwrap();
    let f = Facilitator::start(dir.path());
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink(&f.path, &link).unwrap();
    let (mut watch, _) = FileWatch::open(&link, false).unwrap();
    assert!(shown(&mut watch).is_empty());
    assert!(shown(&mut watch).is_empty());
    assert_eq!(watch.full_reads(), 1);
    // A save behind the link is read.
    let mut saved = f.review.clone();
    saved.title = Text::new("Saved behind the link");
    f.lock.save(&saved).unwrap();
    assert_eq!(shown(&mut watch), [saved]);
}
