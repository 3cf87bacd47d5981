//! Reading a step's text against the review: each line paired with the
//! item it stands for, and checked. [`read_all`] reads a whole text; a
//! [`Reading`] keeps what it read and, after an edit, reads again only
//! the lines the edit can change, with the same result.
//!
//! How an edit is read again: the lines outside the edited rows are the
//! lines they were. The pairing of a text with the items' lines is fixed
//! at both ends by the lines left as they were (the common prefix and
//! suffix with the items' lines, kept up to date from the edited rows
//! outwards); only the lines between them (the middle) are paired again,
//! with the same [`pair`] as a whole text, and the lines whose pairing
//! changed are checked again, then the lines after them for as long as
//! what a line passes on (the date a time alone falls on) is not what it
//! was. Typing in one place re-reads a line or two; edits far apart
//! re-pair every line between them.

use super::ends::{Ends, Window};
use super::pairing::pair;

/// One line of a step's text, read against the review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Checked<T> {
    /// An empty line.
    Blank,
    /// The line of an item the review holds (its index), unchanged.
    Kept(usize),
    /// The line of an item the review holds (its index), changed: the
    /// item as the line makes it.
    Changed(usize, Box<T>),
    /// A new item.
    New(Box<T>),
    /// A line that cannot be read, and why.
    Bad(String),
}

impl<T> Checked<T> {
    /// Whether the line stands for an item: kept, changed or new.
    pub fn is_good(&self) -> bool {
        matches!(
            self,
            Checked::Kept(_) | Checked::Changed(..) | Checked::New(_)
        )
    }

    pub fn is_bad(&self) -> bool {
        matches!(self, Checked::Bad(_))
    }
}

/// How the lines of one kind of item read.
pub trait Reader {
    type Item;
    /// What a line passes to the line after it: for the timeline, the
    /// date a time alone falls on.
    type Carry: Copy + PartialEq + std::fmt::Debug;

    /// A line as it is compared and read.
    fn trim(&self, raw: &str) -> String;

    /// What a line left as the review holds item `item` passes on.
    fn kept(&self, item: usize, carry: Self::Carry) -> Self::Carry;

    /// Reads a changed or new line after a line that passed `carry`;
    /// `item` is the item it was paired with and that item's line as it
    /// was shown.
    fn read(
        &self,
        line: &str,
        item: Option<(usize, &str)>,
        carry: Self::Carry,
    ) -> (Checked<Self::Item>, Self::Carry);
}

/// The lines of a text as the review holds them, and what each stands
/// for: its line and its item's number.
pub type Redrawn<Id> = (Vec<String>, Vec<(String, Id)>);

/// A line, its pairing (a line of the items shown, and whether it is the
/// same) and what it passed on.
type Row<T, C> = (Option<(usize, bool)>, Checked<T>, C);

fn read_line<R: Reader>(
    reader: &R,
    old: &[(String, usize)],
    line: &str,
    paired: Option<(usize, bool)>,
    carry: R::Carry,
) -> (Checked<R::Item>, R::Carry) {
    match paired {
        _ if line.is_empty() => (Checked::Blank, carry),
        Some((k, true)) => (Checked::Kept(old[k].1), reader.kept(old[k].1, carry)),
        _ => {
            let item = paired.map(|(k, _)| (old[k].1, old[k].0.as_str()));
            reader.read(line, item, carry)
        }
    }
}

/// Reads every line of a text (as [`Reader::trim`] gives them) against
/// the items shown (`old`: each item's line and index), the first line
/// after `first`.
pub fn read_all<R: Reader>(
    reader: &R,
    old: &[(String, usize)],
    first: R::Carry,
    lines: &[String],
) -> Vec<Row<R::Item, R::Carry>> {
    let olds: Vec<&str> = old.iter().map(|(l, _)| l.as_str()).collect();
    let news: Vec<&str> = lines.iter().map(String::as_str).collect();
    let mut carry = first;
    lines
        .iter()
        .zip(pair(&olds, &news))
        .map(|(line, paired)| {
            let (check, out) = read_line(reader, old, line, paired, carry);
            carry = out;
            (paired, check, out)
        })
        .collect()
}

/// A text read against the items shown, kept up to date as it is edited.
#[derive(Clone, Debug)]
pub struct Reading<T, C> {
    /// The items the text is read against, each with its line as shown.
    old: Vec<(String, usize)>,
    /// What the first line is read after.
    first: C,
    /// The lines as they are read.
    lines: Vec<String>,
    /// The rows of the lines that are not blank.
    nonblank: Vec<usize>,
    pairs: Vec<Option<(usize, bool)>>,
    checks: Vec<Checked<T>>,
    /// What each line passes on.
    carries: Vec<C>,
    /// How far the lines not blank agree with the items' lines.
    ends: Ends,
    /// The rows that cannot be read, in order.
    bad: Vec<usize>,
    /// How many lines stand for an item.
    good: usize,
}

impl<T, C: Copy + PartialEq + std::fmt::Debug> Reading<T, C> {
    /// Reads the lines `raw` against the items shown in `old`.
    pub fn new<R>(reader: &R, old: Vec<(String, usize)>, first: C, raw: &[String]) -> Self
    where
        R: Reader<Item = T, Carry = C>,
    {
        let lines: Vec<String> = raw.iter().map(|l| reader.trim(l)).collect();
        let rows = read_all(reader, &old, first, &lines);
        let nonblank: Vec<usize> = (0..lines.len()).filter(|r| !lines[*r].is_empty()).collect();
        let mut pairs = Vec::with_capacity(rows.len());
        let mut checks = Vec::with_capacity(rows.len());
        let mut carries = Vec::with_capacity(rows.len());
        for (p, c, carry) in rows {
            pairs.push(p);
            checks.push(c);
            carries.push(carry);
        }
        let ends = Ends::new(old.len(), nonblank.len(), |i, j| {
            old[i].0 == lines[nonblank[j]]
        });
        let bad = (0..checks.len()).filter(|r| checks[*r].is_bad()).collect();
        let good = checks.iter().filter(|c| c.is_good()).count();
        Reading {
            old,
            first,
            lines,
            nonblank,
            pairs,
            checks,
            carries,
            ends,
            bad,
            good,
        }
    }

    /// What the first line is read after.
    pub fn first(&self) -> C {
        self.first
    }

    /// Each line's check, in order.
    pub fn checks(&self) -> &[Checked<T>] {
        &self.checks
    }

    /// Each line's pairing and what it passed on, in order.
    pub fn rows(&self) -> impl Iterator<Item = (Option<(usize, bool)>, &Checked<T>, C)> {
        (0..self.lines.len()).map(|r| (self.pairs[r], &self.checks[r], self.carries[r]))
    }

    /// The line of `row` as it was read.
    pub fn line(&self, row: usize) -> &str {
        &self.lines[row]
    }

    /// The item the line of `row` stands for, or was paired with when it
    /// cannot be read: its index, and its line as it was shown.
    pub fn item(&self, row: usize) -> Option<(usize, &str)> {
        self.pairs[row].map(|(k, _)| (self.old[k].1, self.old[k].0.as_str()))
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The rows of the lines that cannot be read, in order.
    pub fn bad_rows(&self) -> &[usize] {
        &self.bad
    }

    /// How many lines stand for an item: kept, changed or new.
    pub fn good(&self) -> usize {
        self.good
    }

    /// How many lines are not blank.
    pub fn filled(&self) -> usize {
        self.nonblank.len()
    }

    /// The rows of the middle: the lines between the prefix and the
    /// suffix that agree with the items' lines.
    fn middle(&self) -> (usize, usize) {
        let (n, m) = (self.old.len(), self.nonblank.len());
        let (head, tail) = self.ends.anchors(n, m);
        let lo = head.checked_sub(1).map_or(0, |j| self.nonblank[j] + 1);
        let hi = if tail == 0 {
            self.lines.len()
        } else {
            self.nonblank[m - tail]
        };
        (lo, hi)
    }

    fn uncount(&mut self, row: usize) {
        if self.checks[row].is_good() {
            self.good -= 1;
        } else if self.checks[row].is_bad()
            && let Ok(i) = self.bad.binary_search(&row)
        {
            self.bad.remove(i);
        }
    }

    fn count(&mut self, row: usize) {
        if self.checks[row].is_good() {
            self.good += 1;
        } else if self.checks[row].is_bad()
            && let Err(i) = self.bad.binary_search(&row)
        {
            self.bad.insert(i, row);
        }
    }

    /// Reads the text again after an edit: `raw` is the whole text now;
    /// `window`, when known, holds every row the edit changed (else it is
    /// found by comparing every line).
    pub fn edit<R>(&mut self, reader: &R, raw: &[String], window: Option<Window>)
    where
        R: Reader<Item = T, Carry = C>,
    {
        let fits = |w: &Window| {
            w.start <= w.old_end
                && w.start <= w.new_end
                && w.old_end <= self.lines.len()
                && w.new_end <= raw.len()
                && self.lines.len() - w.old_end == raw.len() - w.new_end
        };
        let w = window.filter(fits).unwrap_or_else(|| {
            // A line that reads the same is the same line; one that only
            // looks different (a tab, a double space) is read again.
            Window::between(self.lines.len(), raw.len(), |i, j| {
                self.lines[i] == raw[j].trim()
            })
        });
        let mut fresh: Vec<String> = raw[w.start..w.new_end]
            .iter()
            .map(|l| reader.trim(l))
            .collect();
        let same = Window::between(w.old_end - w.start, fresh.len(), |i, j| {
            self.lines[w.start + i] == fresh[j]
        });
        fresh.truncate(same.new_end);
        fresh.drain(..same.start);
        let (start, old_end, new_end) = (
            w.start + same.start,
            w.start + same.old_end,
            w.start + same.new_end,
        );
        if start == old_end && start == new_end {
            return;
        }
        self.splice(reader, start, old_end, new_end, fresh);
    }

    fn splice<R>(
        &mut self,
        reader: &R,
        start: usize,
        old_end: usize,
        new_end: usize,
        fresh: Vec<String>,
    ) where
        R: Reader<Item = T, Carry = C>,
    {
        let n = self.old.len();
        // The middle before the edit, in rows after it.
        let (lo0, hi0) = self.middle();
        let after_edit = |r: usize, inside: usize| match r {
            r if r <= start => r,
            r if r >= old_end => r - old_end + new_end,
            _ => inside,
        };
        let (lo0, hi0) = (after_edit(lo0, start), after_edit(hi0, new_end));
        let m0 = self.nonblank.len();

        // The lines not blank.
        let ja = self.nonblank.partition_point(|r| *r < start);
        let jb = self.nonblank.partition_point(|r| *r < old_end);
        let added: Vec<usize> = (start..new_end)
            .filter(|r| !fresh[r - start].is_empty())
            .collect();
        let after = m0 - jb;
        let jb_new = ja + added.len();
        self.nonblank.splice(ja..jb, added);
        if new_end != old_end {
            for r in &mut self.nonblank[jb_new..] {
                *r = *r + new_end - old_end;
            }
        }
        let m = self.nonblank.len();

        // The rows edited: their counts go, and they wait to be read.
        for row in start..old_end {
            self.uncount(row);
        }
        let b0 = self.bad.partition_point(|r| *r < old_end);
        if new_end != old_end {
            for r in &mut self.bad[b0..] {
                *r = *r + new_end - old_end;
            }
        }
        let fill = old_end
            .checked_sub(1)
            .map_or(self.first, |r| self.carries[r]);
        let rows = new_end - start;
        self.lines.splice(start..old_end, fresh);
        self.pairs
            .splice(start..old_end, std::iter::repeat_n(None, rows));
        self.checks
            .splice(start..old_end, (0..rows).map(|_| Checked::Blank));
        self.carries
            .splice(start..old_end, std::iter::repeat_n(fill, rows));

        // The anchors now.
        let (old, lines, nonblank) = (&self.old, &self.lines, &self.nonblank);
        self.ends
            .update(n, m, ja, after, |i, j| old[i].0 == lines[nonblank[j]]);
        let (head, tail) = self.ends.anchors(n, m);
        let (lo, hi) = self.middle();

        // The rows whose pairing may have changed: the edit and both
        // middles. A row before all of them is of the prefix before and
        // after the edit, and stands for the same line of the items; a row
        // after all of them is of the suffix before and after, and its
        // distance from the end of both texts is what it was.
        // When both hold as many lines, a row is paired alike as part of
        // the prefix or of the suffix: a middle without a line in it (the
        // texts agree) changes no pairing, wherever it lies.
        let lines_in = |a: usize, b: usize| {
            self.nonblank.partition_point(|r| *r < b) - self.nonblank.partition_point(|r| *r < a)
        };
        let (nlo, nhi) = if n == m && lines_in(lo, hi) == 0 {
            (start, start)
        } else {
            (lo, hi)
        };
        let to = new_end.max(nhi).max(hi0).min(self.lines.len());
        let from = start.min(nlo).min(lo0).min(to);

        let olds: Vec<&str> = self.old[head..n - tail]
            .iter()
            .map(|(l, _)| l.as_str())
            .collect();
        let news: Vec<&str> = self.lines[lo..hi].iter().map(String::as_str).collect();
        let middle = pair(&olds, &news);
        let mut j = self.nonblank.partition_point(|r| *r < from);
        for row in from..to {
            let nonblank = !self.lines[row].is_empty();
            self.pairs[row] = if (lo..hi).contains(&row) {
                middle[row - lo].map(|(k, same)| (k + head, same))
            } else if !nonblank {
                None
            } else if j < head {
                Some((j, true))
            } else {
                Some((n + j - m, true))
            };
            if nonblank {
                j += 1;
            }
        }

        // Each line whose pairing changed is read again, and the lines
        // after it while what reaches them is not what reached them.
        let mut carry = from.checked_sub(1).map_or(self.first, |r| self.carries[r]);
        let mut reached = if from == new_end {
            fill
        } else {
            from.checked_sub(1).map_or(self.first, |r| self.carries[r])
        };
        let mut row = from;
        while row < self.lines.len() && (row < to || carry != reached) {
            let before = self.carries[row];
            let (check, out) =
                read_line(reader, &self.old, &self.lines[row], self.pairs[row], carry);
            self.uncount(row);
            self.checks[row] = check;
            self.count(row);
            self.carries[row] = out;
            carry = out;
            reached = if row + 1 == new_end { fill } else { before };
            row += 1;
        }
    }

    /// The lines as the review now holds them, and the items they stand
    /// for (each line's item's number from `id`, given its index): a line
    /// kept is its item's line as `show` gives it; a blank line or one
    /// that cannot be read stays as it is in `raw`. None while a line is
    /// changed or new.
    pub fn redraw<Id>(
        &self,
        raw: &[String],
        id: impl Fn(usize) -> Id,
        mut show: impl FnMut(usize) -> String,
    ) -> Option<Redrawn<Id>> {
        let mut out = Vec::with_capacity(raw.len());
        let mut origin = Vec::new();
        for (row, line) in raw.iter().enumerate() {
            match &self.checks[row] {
                Checked::Blank => out.push(line.clone()),
                Checked::Kept(i) => {
                    let line = show(*i);
                    origin.push((line.clone(), id(*i)));
                    out.push(line);
                }
                Checked::Bad(_) => {
                    if let Some((i, was)) = self.item(row) {
                        origin.push((was.to_owned(), id(i)));
                    }
                    out.push(line.clone());
                }
                Checked::Changed(..) | Checked::New(_) => return None,
            }
        }
        Some((out, origin))
    }
}
