//! The journal: each committed change, on disk within milliseconds.
//!
//! Saving a whole review takes time that grows with it (a review of
//! 100,000 events is 20 MB of RON). So that a change is durable at once,
//! the writer appends what changed to `<id>.ron.journal` and syncs it; the
//! review itself is saved in full once typing settles, and the journal is
//! then started again from that save (or removed when nothing came after).
//!
//! The journal names the file it continues by a [`Fingerprint`] (length
//! and hash of its bytes). A reader replays it on the review when they
//! match, or on `<id>.ron.bak` when that matches instead: a full save
//! renames the new review into place before the journal is started again,
//! and a crash between the two leaves the previous version as the backup
//! and a journal that holds every change made since. A journal matching
//! neither is left out, with a warning.
//!
//! ```text
//! debrief journal 1 <length of the file> <hash>
//! <length of the record> <hash>
//! [Fields((..)),Timeline((at:3,remove:0,insert:[(..)]))]
//! ```
//!
//! A record that is cut short or does not match its hash ends the replay:
//! the journal is read up to the last whole record.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::atomic::{Replace, folder_of, write_atomic};
use super::error::StoreError;
use super::read::{Links, open_checked};
use crate::domain::{ActionItem, Event, Factor, Learning, ParkingItem, Participant, Review};

const MAGIC: &str = "debrief journal 1";

/// `review.ron` → `review.ron.journal`.
pub fn journal_path(review: &Path) -> PathBuf {
    let mut name = review.file_name().unwrap_or_default().to_os_string();
    name.push(".journal");
    review.with_file_name(name)
}

/// Which version of a file a journal continues: its length and a hash of
/// its bytes (FNV-1a, stable across builds).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fingerprint {
    pub len: u64,
    pub hash: u64,
}

impl Fingerprint {
    pub fn of(bytes: &[u8]) -> Fingerprint {
        Fingerprint {
            len: bytes.len() as u64,
            hash: fnv(bytes),
        }
    }
}

fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// A replacement of `remove` items at `at` by `insert`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Splice<T> {
    at: usize,
    remove: usize,
    insert: Vec<T>,
}

/// One part of a review that changed, with its new content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Change {
    /// Every field that is not a list: the review with its lists empty.
    Fields(Box<Review>),
    Participants(Vec<Participant>),
    Timeline(Splice<Event>),
    Learnings(Splice<Learning>),
    Factors(Splice<Factor>),
    Actions(Splice<ActionItem>),
    Parking(Splice<ParkingItem>),
}

/// `review` without its lists.
fn fields(r: &Review) -> Review {
    Review {
        schema: r.schema,
        id: r.id.clone(),
        title: r.title.clone(),
        incident: r.incident.clone(),
        incidents: r.incidents.clone(),
        tags: r.tags.clone(),
        severity: r.severity,
        status: r.status,
        kind: r.kind,
        created: r.created,
        updated: r.updated,
        offset: r.offset,
        moments: r.moments.clone(),
        people: r.people.clone(),
        summary: r.summary.clone(),
        participants: Vec::new(),
        timeline: Vec::new(),
        learnings: Vec::new(),
        factors: Vec::new(),
        actions: Vec::new(),
        parking_lot: Vec::new(),
        notes: r.notes.clone(),
        next_id: r.next_id,
        meeting: r.meeting.clone(),
        published: r.published.clone(),
    }
}

fn swap_lists(a: &mut Review, b: &mut Review) {
    std::mem::swap(&mut a.participants, &mut b.participants);
    std::mem::swap(&mut a.timeline, &mut b.timeline);
    std::mem::swap(&mut a.learnings, &mut b.learnings);
    std::mem::swap(&mut a.factors, &mut b.factors);
    std::mem::swap(&mut a.actions, &mut b.actions);
    std::mem::swap(&mut a.parking_lot, &mut b.parking_lot);
}

fn splice<T: Clone + PartialEq>(old: &[T], new: &[T]) -> Option<Splice<T>> {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    if prefix == old.len() && prefix == new.len() {
        return None;
    }
    let room = old.len().min(new.len()) - prefix;
    let suffix = old
        .iter()
        .rev()
        .zip(new.iter().rev())
        .take(room)
        .take_while(|(a, b)| a == b)
        .count();
    Some(Splice {
        at: prefix,
        remove: old.len() - prefix - suffix,
        insert: new[prefix..new.len() - suffix].to_vec(),
    })
}

fn apply_splice<T>(list: &mut Vec<T>, s: Splice<T>, what: &str) -> Result<(), String> {
    if s.at
        .checked_add(s.remove)
        .is_none_or(|end| end > list.len())
    {
        return Err(format!("a change to the {what} does not fit the review"));
    }
    list.splice(s.at..s.at + s.remove, s.insert);
    Ok(())
}

/// What changed from `old` to `new`; empty when nothing did.
pub fn changes(old: &Review, new: &Review) -> Vec<Change> {
    let mut out = Vec::new();
    let head = fields(new);
    if fields(old) != head {
        out.push(Change::Fields(Box::new(head)));
    }
    if old.participants != new.participants {
        out.push(Change::Participants(new.participants.clone()));
    }
    out.extend(splice(&old.timeline, &new.timeline).map(Change::Timeline));
    out.extend(splice(&old.learnings, &new.learnings).map(Change::Learnings));
    out.extend(splice(&old.factors, &new.factors).map(Change::Factors));
    out.extend(splice(&old.actions, &new.actions).map(Change::Actions));
    out.extend(splice(&old.parking_lot, &new.parking_lot).map(Change::Parking));
    out
}

/// Applies `changes` to `review`; an error says which did not fit.
pub fn apply(review: &mut Review, changes: Vec<Change>) -> Result<(), String> {
    for change in changes {
        match change {
            Change::Fields(mut head) => {
                swap_lists(&mut head, review);
                *review = *head;
            }
            Change::Participants(p) => review.participants = p,
            Change::Timeline(s) => apply_splice(&mut review.timeline, s, "timeline")?,
            Change::Learnings(s) => apply_splice(&mut review.learnings, s, "learnings")?,
            Change::Factors(s) => apply_splice(&mut review.factors, s, "factors")?,
            Change::Actions(s) => apply_splice(&mut review.actions, s, "action items")?,
            Change::Parking(s) => apply_splice(&mut review.parking_lot, s, "parking lot")?,
        }
    }
    Ok(())
}

/// Brings `old` up to `new` and returns what changed, for whoever keeps a
/// copy that follows `old`: only the parts that changed are copied.
pub fn catch_up(old: &mut Review, new: &Review) -> Vec<Change> {
    let out = changes(old, new);
    if apply(old, out.clone()).is_err() {
        // Unreachable for changes made from `old`; a whole copy is right
        // whatever happened.
        *old = new.clone();
    }
    out
}

fn header(base: Fingerprint) -> String {
    format!("{MAGIC} {} {:016x}\n", base.len, base.hash)
}

fn record(changes: &[Change]) -> Vec<u8> {
    // Every change serialises (see `encode`).
    let payload = ron::to_string(changes).expect("a change always serialises");
    let mut out = format!("{} {:016x}\n", payload.len(), fnv(payload.as_bytes())).into_bytes();
    out.extend_from_slice(payload.as_bytes());
    out.push(b'\n');
    out
}

/// A journal as read: the file it continues, its whole records, and
/// whether anything after them was cut short or damaged.
#[derive(Debug)]
pub struct Journal {
    pub base: Fingerprint,
    pub records: Vec<Vec<Change>>,
    pub damaged: bool,
}

/// Reads a journal's bytes; `None` when they do not start like one.
pub fn parse(bytes: &[u8]) -> Option<Journal> {
    let (first, mut rest) = split_line(bytes)?;
    let mut words = std::str::from_utf8(first).ok()?.rsplitn(3, ' ');
    let hash = u64::from_str_radix(words.next()?, 16).ok()?;
    let len = words.next()?.parse().ok()?;
    if words.next()? != MAGIC {
        return None;
    }
    let mut journal = Journal {
        base: Fingerprint { len, hash },
        records: Vec::new(),
        damaged: false,
    };
    while !rest.is_empty() {
        match next_record(rest) {
            Some((changes, after)) => {
                journal.records.push(changes);
                rest = after;
            }
            None => {
                journal.damaged = true;
                break;
            }
        }
    }
    Some(journal)
}

/// How a run of records ends, for a reader that follows a journal as it
/// grows (see [`read_records`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tail {
    /// After the last whole record, nothing.
    Clean,
    /// A record that is not all there yet: the writer may be writing it.
    Incomplete,
    /// A record that is all there but does not match its hash or does not
    /// read: the journal is damaged from there on.
    Damaged,
}

/// The header of a journal's bytes: the file it continues, and where its
/// records start; `None` when they do not start like a journal (or the
/// header is not all there yet).
pub fn read_header(bytes: &[u8]) -> Option<(Fingerprint, usize)> {
    let (first, rest) = split_line(bytes)?;
    let mut words = std::str::from_utf8(first).ok()?.rsplitn(3, ' ');
    let hash = u64::from_str_radix(words.next()?, 16).ok()?;
    let len = words.next()?.parse().ok()?;
    (words.next()? == MAGIC).then_some((Fingerprint { len, hash }, bytes.len() - rest.len()))
}

/// The whole records at the start of `bytes` (which start where a record
/// does), how many bytes they take, and what comes after them.
pub fn read_records(mut bytes: &[u8]) -> (Vec<Vec<Change>>, usize, Tail) {
    let mut records = Vec::new();
    let mut used = 0;
    while !bytes.is_empty() {
        let Some((line, rest)) = split_line(bytes) else {
            // No end to the length line yet; a length line is short.
            let tail = if bytes.len() < 40 {
                Tail::Incomplete
            } else {
                Tail::Damaged
            };
            return (records, used, tail);
        };
        let Some(len) = std::str::from_utf8(line)
            .ok()
            .and_then(|l| l.split_once(' '))
            .and_then(|(len, _)| len.parse::<usize>().ok())
        else {
            return (records, used, Tail::Damaged);
        };
        if len.checked_add(1).is_none_or(|n| rest.len() < n) {
            return (records, used, Tail::Incomplete);
        }
        let Some((changes, after)) = next_record(bytes) else {
            return (records, used, Tail::Damaged);
        };
        records.push(changes);
        used += bytes.len() - after.len();
        bytes = after;
    }
    (records, used, Tail::Clean)
}

fn split_line(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let end = bytes.iter().position(|b| *b == b'\n')?;
    Some((&bytes[..end], &bytes[end + 1..]))
}

fn next_record(bytes: &[u8]) -> Option<(Vec<Change>, &[u8])> {
    let (line, rest) = split_line(bytes)?;
    let (len, hash) = std::str::from_utf8(line).ok()?.split_once(' ')?;
    let len: usize = len.parse().ok()?;
    let hash = u64::from_str_radix(hash, 16).ok()?;
    if rest.len() < len.checked_add(1)? || rest[len] != b'\n' {
        return None;
    }
    let payload = &rest[..len];
    if fnv(payload) != hash {
        return None;
    }
    let changes = ron::from_str(std::str::from_utf8(payload).ok()?).ok()?;
    Some((changes, &rest[len + 1..]))
}

/// Appends changes to a review's journal, each synced before it returns.
#[derive(Debug)]
pub struct JournalWriter {
    path: PathBuf,
    file: Option<File>,
    base: Fingerprint,
}

impl JournalWriter {
    /// A writer for the journal of `review`, whose file on disk has
    /// `base` as its fingerprint. Nothing is written until a change comes.
    pub fn new(review: &Path, base: Fingerprint) -> JournalWriter {
        JournalWriter {
            path: journal_path(review),
            file: None,
            base,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends one record and syncs it: once this returns, the changes
    /// survive a crash of the process or of the machine.
    pub fn append(&mut self, changes: &[Change]) -> Result<(), StoreError> {
        if changes.is_empty() {
            return Ok(());
        }
        let bytes = record(changes);
        let file = match &mut self.file {
            Some(file) => file,
            None => {
                let mut start = header(self.base).into_bytes();
                start.extend_from_slice(&bytes);
                write_atomic(&self.path, &start, Replace::Overwrite)?;
                self.file = Some(open_append(&self.path)?);
                return Ok(());
            }
        };
        file.write_all(&bytes)
            .and_then(|()| file.sync_data())
            .map_err(StoreError::io("write", &self.path))
    }

    /// Makes the next record start a new journal continuing the file of
    /// fingerprint `base`; the journal on disk is left as it is until then.
    pub fn restart(&mut self, base: Fingerprint) {
        self.file = None;
        self.base = base;
    }

    /// Starts the journal again after a full save of fingerprint `base`:
    /// with `changes` (what came after that save) as its one record, or
    /// removed when there are none.
    pub fn rebase(&mut self, base: Fingerprint, changes: &[Change]) -> Result<(), StoreError> {
        self.file = None;
        self.base = base;
        if changes.is_empty() {
            return remove_file_synced(&self.path);
        }
        self.append(changes)
    }
}

fn open_append(path: &Path) -> Result<File, StoreError> {
    let mut options = OpenOptions::new();
    options.append(true);
    open_checked(path, options, Links::Refuse, "write")
}

/// Removes a review's journal, if any, once a full save covers it.
pub fn remove_journal(review: &Path) -> Result<(), StoreError> {
    remove_file_synced(&journal_path(review))
}

fn remove_file_synced(path: &Path) -> Result<(), StoreError> {
    match std::fs::remove_file(path) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => {
            return Err(StoreError::Io {
                action: "remove",
                path: path.to_owned(),
                source: e,
            });
        }
    }
    let dir = folder_of(path);
    super::atomic::sync_dir(dir).map_err(StoreError::io("sync the folder", dir))
}
