//! Which phrases can start at a token, looked up by the token's word, its
//! capital and its prefixes and suffixes, so that a check tries only those
//! rather than every phrase at every word.

use super::pattern::{Classes, Pattern};
use super::tokens::Token;

/// Phrases (by their index in a list) by the words they can start with.
#[derive(Clone, Debug, Default)]
pub(crate) struct Index {
    /// Word number in the lexicon → phrases that can start with it.
    by_word: Vec<Vec<usize>>,
    /// Phrases that can start with any capitalised word (a name).
    on_capitals: Vec<usize>,
    /// Affix bit → phrases that can start with a word that has it.
    by_affix: Vec<Vec<usize>>,
    /// Phrases that can start with any word.
    anywhere: Vec<usize>,
}

impl Index {
    /// Adds phrase `n` of the list.
    pub fn add(&mut self, n: usize, pattern: &Pattern, classes: &Classes) {
        let Some(starts) = pattern.starts(classes) else {
            self.anywhere.push(n);
            return;
        };
        if starts.capital {
            self.on_capitals.push(n);
        }
        for w in starts.words {
            let w = w as usize;
            if self.by_word.len() <= w {
                self.by_word.resize(w + 1, Vec::new());
            }
            push_once(&mut self.by_word[w], n);
        }
        for bit in 0..64 {
            if starts.affixes & (1 << bit) != 0 {
                if self.by_affix.len() <= bit {
                    self.by_affix.resize(bit + 1, Vec::new());
                }
                push_once(&mut self.by_affix[bit], n);
            }
        }
    }

    /// Calls `f` with each phrase that can start at `token` (one may come
    /// more than once), until it returns true; whether it did.
    pub fn any(&self, token: &Token, classes: &Classes, mut f: impl FnMut(usize) -> bool) -> bool {
        let words = self
            .by_word
            .get(token.id as usize)
            .map_or(&[][..], Vec::as_slice);
        // A phrase that can start with a name starts at a capitalised word
        // that is no name only through its other words, listed above.
        let capitals = if classes.is_name(token) {
            self.on_capitals.as_slice()
        } else {
            &[]
        };
        if words
            .iter()
            .chain(capitals)
            .chain(&self.anywhere)
            .any(|&p| f(p))
        {
            return true;
        }
        let mut bits = token.affixes;
        while bits != 0 {
            let bit = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            if let Some(list) = self.by_affix.get(bit)
                && list.iter().any(|&p| f(p))
            {
                return true;
            }
        }
        false
    }
}

fn push_once(list: &mut Vec<usize>, n: usize) {
    if list.last() != Some(&n) {
        list.push(n);
    }
}
