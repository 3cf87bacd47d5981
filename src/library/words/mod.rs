//! The word index: every text of every review, and for every word the
//! items that hold it, so that a search reads only what its words point
//! at.
//!
//! `reviews/.index-words` holds, in the compact form of
//! [`super::codec`], first the index: each review file by name with the
//! stamp it was read at (or why it could not be read), where each of its
//! items is and what place it has, then every word (as search compares
//! them: lowercased, split where search splits) with the items that hold
//! it and how often. The texts follow, one block per review, each with a
//! hash of its own: a search reads the index, and the texts only of the
//! items it shows or must read whole. When files changed, only those are
//! read again; the others keep their texts and words, and the file is
//! written again (atomically). A missing, broken or foreign index is made
//! again from the reviews, never trusted.

mod build;
mod query;

use std::collections::HashMap;
use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use super::codec::{self, Reader};
use super::index::{Progress, Stamp, nanos};
use super::rows::read_stamp;
use super::summary::Place;

pub use build::splits;
pub use query::Ranked;

/// The word index, in the reviews folder.
pub const WORDS_FILE: &str = ".index-words";

/// Names the file (its first bytes).
const MAGIC: &[u8; 8] = b"DBRWORDS";

/// Raise when the form changes: an older index is then made again.
const FORMAT: u32 = 1;

/// The most read of the index part of the file.
const MAX_INDEX: u64 = 1 << 31;

/// Every place a text can be, by its number in the file.
const PLACES: [Place; 14] = [
    Place::Title,
    Place::Incident,
    Place::Summary,
    Place::Services,
    Place::CustomerImpact,
    Place::SlaImpact,
    Place::ProximateCause,
    Place::Resolution,
    Place::Event,
    Place::Learning,
    Place::Factor,
    Place::Action,
    Place::Parking,
    Place::Notes,
];

/// An item's byte in the index: its place, and whether it is irregular.
const IRREGULAR: u8 = 0x80;

fn place_code(place: Place) -> u8 {
    PLACES.iter().position(|p| *p == place).unwrap_or(0) as u8
}

/// One review file in the index.
#[derive(Clone, Debug)]
struct Slot {
    name: Range<usize>,
    stamp: Stamp,
    /// Its items (numbers of the whole index), in the order of the
    /// review; none when it could not be read.
    items: Range<usize>,
    /// Why it could not be read.
    error: Option<Range<usize>>,
    /// Its block of texts: where in the texts, how long, its hash.
    block: (u64, usize, u64),
}

/// A word and where its postings are: pairs of item number (from the
/// previous one) and count, as varints.
#[derive(Clone, Debug)]
struct Word {
    word: Range<usize>,
    postings: Range<usize>,
}

/// Where the texts are read from.
#[derive(Debug)]
enum Texts {
    /// The file, from this offset.
    File(fs::File, u64),
    /// Just made.
    Memory(Vec<u8>),
}

/// The texts of one review, read: each item's number and text.
#[derive(Debug)]
struct Block {
    bytes: Vec<u8>,
    items: Vec<(Option<u64>, Range<usize>)>,
}

/// The word index, with the reviews asked for in their order.
#[derive(Debug)]
pub struct Words {
    /// The index part of the file, whose body starts at `codec::HEADER`:
    /// every range is of the body.
    index: Vec<u8>,
    slots: Vec<Slot>,
    /// The byte of each item (its place, and whether it is irregular).
    flags: Range<usize>,
    words: Vec<Word>,
    texts: Texts,
    blocks: Vec<OnceLock<Option<Block>>>,
    /// The slot of each review asked for, in the order asked for.
    order: Vec<Option<usize>>,
    /// How many files were read again (the others came from the index).
    pub read: usize,
    /// The reviews folder, and when the index file was written.
    dir: PathBuf,
    written: i128,
    /// A block of texts did not match its hash: it was read from its
    /// review instead, and the index should be made again.
    damaged: AtomicBool,
}

impl Words {
    /// The index of the reviews folder `dir` for `files` (each review's
    /// path and stamp now, in the order searches give them back), from
    /// the index file where the files have not changed; the files that
    /// changed are read again (`progress` told how far) and the index
    /// written again.
    pub fn load(dir: &Path, files: &[(&Path, Stamp)], progress: Progress) -> Words {
        let path = dir.join(WORDS_FILE);
        match open(&path) {
            Some((mut words, written)) => match words.order_of(files, written) {
                Some(order) => {
                    words.order = order;
                    words.dir = dir.to_owned();
                    words.written = written;
                    words
                }
                None => build::refresh(dir, &path, files, Some((words, written)), progress),
            },
            None => build::refresh(dir, &path, files, None, progress),
        }
    }

    /// The slot of each of `files` when every one is in the index with
    /// the stamp it has now, settled, and the index holds no other.
    fn order_of(&self, files: &[(&Path, Stamp)], written: i128) -> Option<Vec<Option<usize>>> {
        if files.len() != self.slots.len() {
            return None;
        }
        let by_name = self.by_name();
        files
            .iter()
            .map(|(path, stamp)| {
                let name = path.file_name()?.to_str()?;
                let slot = *by_name.get(name)?;
                let s = &self.slots[slot];
                (s.stamp == *stamp && super::index::settled(stamp, written))
                    .then_some(s.error.is_none().then_some(slot))
            })
            .collect()
    }

    /// The slot of each of `files`, by name only (an index just made
    /// from them).
    fn order_for(&self, files: &[(&Path, Stamp)]) -> Vec<Option<usize>> {
        let by_name = self.by_name();
        files
            .iter()
            .map(|(path, _)| {
                let name = path.file_name()?.to_str()?;
                by_name
                    .get(name)
                    .copied()
                    .filter(|&slot| self.slots[slot].error.is_none())
            })
            .collect()
    }

    /// An index of nothing, for when the one just made does not read back.
    fn empty() -> Words {
        Words {
            index: Vec::new(),
            slots: Vec::new(),
            flags: 0..0,
            words: Vec::new(),
            texts: Texts::Memory(Vec::new()),
            blocks: Vec::new(),
            order: Vec::new(),
            read: 0,
            dir: PathBuf::new(),
            written: 0,
            damaged: AtomicBool::new(false),
        }
    }

    fn by_name(&self) -> HashMap<&str, usize> {
        self.slots
            .iter()
            .enumerate()
            .map(|(i, s)| (self.str(&s.name), i))
            .collect()
    }

    fn body(&self) -> &[u8] {
        self.index.get(codec::HEADER..).unwrap_or_default()
    }

    fn str(&self, range: &Range<usize>) -> &str {
        std::str::from_utf8(&self.body()[range.clone()]).unwrap_or_default()
    }

    /// The place of item `i`, and whether it is irregular.
    fn flag(&self, i: usize) -> (Place, bool) {
        let b = self.body()[self.flags.start + i];
        (
            PLACES[usize::from(b & !IRREGULAR) % PLACES.len()],
            b & IRREGULAR != 0,
        )
    }

    /// How many reviews were asked for.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The texts of review `review` (in the order asked for), or `None`
    /// when it could not be read.
    pub fn texts(&self, review: usize) -> Option<Vec<Text<'_>>> {
        let slot = (*self.order.get(review)?)?;
        self.slots[slot]
            .items
            .clone()
            .map(|i| self.text(slot, i))
            .collect()
    }

    /// Item `i` of the review in `slot`, its text read when first asked
    /// for; `None` when the texts are damaged.
    fn text(&self, slot: usize, i: usize) -> Option<Text<'_>> {
        let block = self.blocks[slot]
            .get_or_init(|| self.block(slot))
            .as_ref()?;
        let (item, range) = block.items.get(i - self.slots[slot].items.start)?;
        let (place, _) = self.flag(i);
        Some(Text {
            place,
            item: *item,
            text: std::str::from_utf8(&block.bytes[range.clone()]).ok()?,
        })
    }

    /// Whether a block of texts was found damaged (and read from its
    /// review instead).
    pub fn is_damaged(&self) -> bool {
        self.damaged.load(Ordering::Relaxed)
    }

    /// The index written again when it was found damaged, each review's
    /// texts kept or read from the review (`files` as for [`Words::load`]).
    pub fn mend(self, files: &[(&Path, Stamp)], progress: Progress) -> Words {
        if !self.is_damaged() {
            return self;
        }
        let (dir, written) = (self.dir.clone(), self.written);
        build::refresh(
            &dir,
            &dir.join(WORDS_FILE),
            files,
            Some((self, written)),
            progress,
        )
    }

    /// The block of texts of `slot`, checked against its hash; one that
    /// does not match is read from its review (whose stamp the index
    /// holds), and the index noted as damaged.
    fn block(&self, slot: usize) -> Option<Block> {
        self.block_of_index(slot).or_else(|| {
            self.damaged.store(true, Ordering::Relaxed);
            let s = &self.slots[slot];
            let review = crate::store::load(&self.dir.join(self.str(&s.name))).ok()?;
            let texts = super::summary::texts(&review);
            if texts.len() != s.items.len() {
                return None;
            }
            let mut w = codec::Writer::new();
            build::write_block(&mut w, &texts);
            let bytes = w.written().to_vec();
            let mut r = Reader::new(&bytes);
            let items = read_block(&mut r, s.items.len())?;
            Some(Block { bytes, items })
        })
    }

    fn block_of_index(&self, slot: usize) -> Option<Block> {
        let s = &self.slots[slot];
        let (at, len, hash) = s.block;
        let bytes = match &self.texts {
            Texts::Memory(all) => all
                .get(at as usize..(at as usize).checked_add(len)?)?
                .to_vec(),
            Texts::File(file, start) => read_at(file, start.checked_add(at)?, len)?,
        };
        if codec::hash(&bytes) != hash {
            return None;
        }
        let mut r = Reader::new(&bytes);
        let items = read_block(&mut r, s.items.len())?;
        Some(Block { bytes, items })
    }
}

/// The item numbers and texts of a block of `n` items.
fn read_block(r: &mut Reader, n: usize) -> Option<Vec<(Option<u64>, Range<usize>)>> {
    let mut items = Vec::with_capacity(n);
    for _ in 0..n {
        let item = if r.bool()? { Some(r.u64()?) } else { None };
        items.push((item, r.str_range()?));
    }
    r.is_done().then_some(items)
}

#[cfg(unix)]
fn read_at(file: &fs::File, at: u64, len: usize) -> Option<Vec<u8>> {
    use std::os::unix::fs::FileExt;
    let mut buf = vec![0; len];
    file.read_exact_at(&mut buf, at).ok()?;
    Some(buf)
}

#[cfg(not(unix))]
fn read_at(file: &fs::File, at: u64, len: usize) -> Option<Vec<u8>> {
    use std::io::{Read, Seek, SeekFrom};
    let mut file = file.try_clone().ok()?;
    file.seek(SeekFrom::Start(at)).ok()?;
    let mut buf = vec![0; len];
    file.read_exact(&mut buf).ok()?;
    Some(buf)
}

/// A text of a review, borrowed from the index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text<'a> {
    pub place: Place,
    pub item: Option<u64>,
    pub text: &'a str,
}

/// The index file at `path` (a link refused), when whole and of this
/// format, with when it was written.
fn open(path: &Path) -> Option<(Words, i128)> {
    let mut file =
        crate::store::read::open_regular(path, crate::store::read::Links::Refuse).ok()?;
    let meta = file.metadata().ok()?;
    let index = codec::read_head(&mut file, MAGIC, FORMAT, MAX_INDEX)?;
    let start = index.len() as u64;
    let texts = meta.len().checked_sub(start)?;
    let words = parse(index, Texts::File(file, start), texts)?;
    Some((words, nanos(&meta)))
}

/// The index from its part of the file (checked whole by its hash) and
/// where its texts, `texts_len` bytes, are; nothing when any part of it is
/// out of place.
fn parse(index: Vec<u8>, texts: Texts, texts_len: u64) -> Option<Words> {
    let mut r = Reader::new(index.get(codec::HEADER..)?);
    let n = r.count(4)?;
    let mut slots = Vec::with_capacity(n);
    let mut items = 0usize;
    for _ in 0..n {
        let name = r.str_range()?;
        let stamp = read_stamp(&mut r)?;
        let start = items;
        let (error, block) = if r.bool()? {
            items = items.checked_add(r.u32()? as usize)?;
            let (at, len, hash) = (r.u64()?, r.u32()? as usize, r.u64()?);
            if at.checked_add(len as u64)? > texts_len {
                return None;
            }
            (None, (at, len, hash))
        } else {
            (Some(r.str_range()?), (0, 0, 0))
        };
        slots.push(Slot {
            name,
            stamp,
            items: start..items,
            error,
            block,
        });
    }
    if r.u32()? as usize != items {
        return None;
    }
    let start = r.at();
    r.take(items)?;
    let flags = start..start + items;
    let n = r.count(8)?;
    let mut words = Vec::with_capacity(n);
    for _ in 0..n {
        let word = r.str_range()?;
        // The postings are read when a search needs them, each bounded
        // by the items there are.
        let len = r.u32()? as usize;
        let start = r.at();
        r.take(len)?;
        words.push(Word {
            word,
            postings: start..start + len,
        });
    }
    if !r.is_done() {
        return None;
    }
    Some(Words {
        index,
        blocks: slots.iter().map(|_| OnceLock::new()).collect(),
        slots,
        flags,
        words,
        texts,
        order: Vec::new(),
        read: 0,
        dir: PathBuf::new(),
        written: 0,
        damaged: AtomicBool::new(false),
    })
}
