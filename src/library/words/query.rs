//! Search with the word index: the same items and scores as
//! [`crate::library::search::search`] over every text, found from the
//! words instead of by reading every text.

use super::build::splits;
use super::{Word, Words};
use crate::library::codec::Reader;
use crate::library::search::{self, Hit, MAX_TERMS};
use crate::library::summary::Place;

/// One item that matched: its review (in the order the index was asked
/// for), the item, and its score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ranked {
    pub review: usize,
    item: usize,
    pub score: u32,
}

impl Words {
    /// The postings of `word`: each item that holds it (by its number in
    /// the index), and how often; an item past the last one ends them.
    pub(super) fn postings(&self, word: &Word) -> impl Iterator<Item = (usize, u32)> + '_ {
        let mut r = Reader::new(&self.body()[word.postings.clone()]);
        let mut at = 0usize;
        let items = self.flags.len();
        std::iter::from_fn(move || {
            let step = usize::try_from(r.varint()?).ok()?;
            let count = u32::try_from(r.varint()?).ok()?;
            at = at.checked_add(step)?;
            (at < items).then_some((at, count))
        })
    }

    /// Every item that matches `terms` (from [`search::terms`]) in the
    /// reviews that hold every term, best first, as
    /// [`search::search`] ranks them; the facilitator's notes only when
    /// `notes`.
    pub fn search(&self, terms: &[String], notes: bool) -> Vec<Ranked> {
        let mut out: Vec<Ranked> = Vec::new();
        self.each_review(terms, notes, |_, hits| out.extend_from_slice(hits));
        out.sort_by(|a, b| b.score.cmp(&a.score).then(a.review.cmp(&b.review)));
        out
    }

    /// The best item of each review that holds every term, best first:
    /// the reviews in the order their first item comes in
    /// [`Words::search`].
    pub fn search_reviews(&self, terms: &[String], notes: bool) -> Vec<Ranked> {
        let mut out: Vec<Ranked> = Vec::new();
        self.each_review(terms, notes, |_, hits| {
            // The first of the highest score, as a stable sort leaves it.
            let best = hits
                .iter()
                .copied()
                .reduce(|best, h| if h.score > best.score { h } else { best });
            out.extend(best);
        });
        out.sort_by(|a, b| b.score.cmp(&a.score).then(a.review.cmp(&b.review)));
        out
    }

    /// The item of `r` with the words it matched, as written (its text
    /// read from the index when first asked for).
    pub fn hit(&self, r: &Ranked, terms: &[String]) -> Hit<'_> {
        let slot = self.order.get(r.review).copied().flatten();
        let t = slot.and_then(|slot| self.text(slot, r.item));
        let (place, _) = self.flag(r.item);
        let mut found = vec![false; terms.len()];
        let hit =
            t.and_then(|t| search::matches(r.review, t.place, t.item, t.text, terms, &mut found));
        hit.unwrap_or(Hit {
            review: r.review,
            place,
            item: t.and_then(|t| t.item),
            text: t.map_or("", |t| t.text),
            words: Vec::new(),
            score: r.score,
        })
    }

    /// Calls `each` with the items that match, in order, of every review
    /// that holds every term.
    fn each_review(&self, terms: &[String], notes: bool, mut each: impl FnMut(usize, &[Ranked])) {
        let terms = &terms[..terms.len().min(MAX_TERMS)];
        if terms.is_empty() {
            return;
        }
        let n = self.flags.len();
        let mut mask = vec![0u64; n];
        let mut sum = vec![0u32; n];
        // Items read whole: a term with punctuation inside, or an item
        // whose lowercasing splits it otherwise.
        let mut read = vec![false; n];
        let mut read_all = false;
        for (t, term) in terms.iter().enumerate() {
            if term.chars().any(splits) {
                // Found as written: the items that hold its longest part
                // may hold it.
                match term
                    .split(splits)
                    .max_by_key(|p| p.len())
                    .filter(|p| !p.is_empty())
                {
                    Some(part) => self.each_word(part, |_, item, _| read[item] = true),
                    None => read_all = true,
                }
                continue;
            }
            self.each_word(term, |exact, item, count| {
                if count == 0 {
                    read[item] = true;
                } else {
                    mask[item] |= 1 << t;
                    sum[item] =
                        sum[item].saturating_add(count.saturating_mul(if exact { 3 } else { 1 }));
                }
            });
        }
        let all = if terms.len() == 64 {
            u64::MAX
        } else {
            (1u64 << terms.len()) - 1
        };
        let mut hits: Vec<Ranked> = Vec::new();
        for (review, slot) in self.order.iter().enumerate() {
            let Some(slot) = slot else { continue };
            hits.clear();
            let mut found = 0u64;
            for i in self.slots[*slot].items.clone() {
                let (place, irregular) = self.flag(i);
                if !notes && place == Place::Notes {
                    continue;
                }
                let whole = read_all || read[i] || (irregular && (mask[i] != 0));
                let (m, score) = if whole {
                    let mut seen = vec![false; terms.len()];
                    let t = self.text(*slot, i);
                    match t.and_then(|t| {
                        search::matches(review, t.place, t.item, t.text, terms, &mut seen)
                    }) {
                        Some(h) => (bits(&seen), h.score),
                        None => (0, 0),
                    }
                } else if mask[i] != 0 {
                    let m = mask[i];
                    (m, (sum[i] + 10 * m.count_ones()) * search::weight(place))
                } else {
                    (0, 0)
                };
                if m != 0 {
                    found |= m;
                    hits.push(Ranked {
                        review,
                        item: i,
                        score,
                    });
                }
            }
            if found == all {
                each(review, &hits);
            }
        }
    }

    /// Calls `each` with every posting of every word that holds `part`:
    /// whether the word is `part`, the item, how often.
    fn each_word(&self, part: &str, mut each: impl FnMut(bool, usize, u32)) {
        for word in &self.words {
            let w = self.str(&word.word);
            if w.contains(part) {
                let exact = w == part;
                for (item, count) in self.postings(word) {
                    each(exact, item, count);
                }
            }
        }
    }
}

fn bits(seen: &[bool]) -> u64 {
    seen.iter()
        .enumerate()
        .filter(|(_, s)| **s)
        .fold(0, |m, (i, _)| m | 1 << i)
}
