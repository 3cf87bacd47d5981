//! Every word the phrases and classes name, numbered once when the coach
//! is built, so that a check looks each word of the text up once.
//!
//! A token then carries its number (or [`UNKNOWN`]) and the classes its
//! word is in, and a phrase compares numbers and bits instead of strings.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The number of a word no phrase or class names.
pub(crate) const UNKNOWN: u32 = u32::MAX;

/// A word's number and the classes that list it (bit `c` for class `c`,
/// for the first 64 classes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    pub id: u32,
    pub classes: u64,
}

/// The words, by their lowercase form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Lexicon {
    words: HashMap<String, Entry, BuildHasherDefault<WordHasher>>,
}

impl Lexicon {
    /// The number of `word`, given one if it has none yet.
    pub fn intern(&mut self, word: &str) -> u32 {
        let next = u32::try_from(self.words.len()).unwrap_or(UNKNOWN - 1);
        self.entry(word, next).id
    }

    /// Records that `word` is listed in class `class`.
    pub fn list(&mut self, word: &str, class: usize) {
        let next = u32::try_from(self.words.len()).unwrap_or(UNKNOWN - 1);
        let entry = self.entry(word, next);
        if class < 64 {
            entry.classes |= 1 << class;
        }
    }

    fn entry(&mut self, word: &str, next: u32) -> &mut Entry {
        self.words.entry(word.to_owned()).or_insert(Entry {
            id: next,
            classes: 0,
        })
    }

    /// The number and classes of `word`, if a phrase or class names it.
    pub fn get(&self, word: &str) -> Option<Entry> {
        self.words.get(word).copied()
    }
}

/// The hash rustc uses (FxHash): a few instructions per word. The keys are
/// the coach's own words, fixed when it is built, so text cannot flood
/// the table.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_keeps_its_number_and_gains_classes() {
        let mut l = Lexicon::default();
        let we = l.intern("we");
        l.list("we", 3);
        l.list("sam", 0);
        assert_eq!(l.intern("we"), we);
        assert_eq!(l.get("we").unwrap().classes, 1 << 3);
        assert_eq!(l.get("sam").unwrap().classes, 1);
        assert_eq!(l.get("they"), None);
        assert_ne!(l.intern("they"), we);
    }
}
