//! Pairing the lines of a text with the items it was read against: the
//! lines left as they were, the lines moved, and the changed lines with
//! the lines they were.

use std::collections::{HashMap, HashSet};

use crate::domain::ItemId;

/// The most pairs of lines compared to find the lines left as they were;
/// beyond it, changed lines are only matched by place.
const MAX_COMPARED: usize = 1 << 20;

/// Pairs each line of `new` with a line of `old` (blank lines of `new`
/// with none), and says whether it is the same. The lines left as they
/// were are found first, in order (then anywhere, for a line moved); the
/// changed lines between two of them pair, in order, with the old lines
/// between the same two. A changed line left over is new, and an old line
/// left over was deleted.
pub fn pair(old: &[&str], new: &[&str]) -> Vec<Option<(usize, bool)>> {
    let b: Vec<usize> = (0..new.len()).filter(|j| !new[*j].is_empty()).collect();
    let (n, m) = (old.len(), b.len());
    let same = |i: usize, j: usize| old[i] == new[b[j]];
    // The lines left as they were, in order: (old, position in b).
    let mut anchors: Vec<(usize, usize)> = Vec::new();
    let mut head = 0;
    while head < n.min(m) && same(head, head) {
        anchors.push((head, head));
        head += 1;
    }
    let mut tail = 0;
    while tail < (n - head).min(m - head) && same(n - 1 - tail, m - 1 - tail) {
        tail += 1;
    }
    let (rows, cols) = (n - head - tail, m - head - tail);
    if rows > 0 && cols > 0 && rows.saturating_mul(cols) <= MAX_COMPARED {
        // The longest common run of lines, by dynamic programming.
        let w = cols + 1;
        let mut longest = vec![0u32; (rows + 1) * w];
        for i in (0..rows).rev() {
            for j in (0..cols).rev() {
                longest[i * w + j] = if same(head + i, head + j) {
                    longest[(i + 1) * w + j + 1] + 1
                } else {
                    longest[(i + 1) * w + j].max(longest[i * w + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < rows && j < cols {
            if same(head + i, head + j) {
                anchors.push((head + i, head + j));
                i += 1;
                j += 1;
            } else if longest[(i + 1) * w + j] >= longest[i * w + j + 1] {
                i += 1;
            } else {
                j += 1;
            }
        }
    }
    anchors.extend((0..tail).map(|k| (n - tail + k, m - tail + k)));

    let mut out = vec![None; new.len()];
    let mut used = vec![false; n];
    for (i, j) in &anchors {
        out[b[*j]] = Some((*i, true));
        used[*i] = true;
    }
    // A line moved elsewhere is still the same line.
    let mut unmatched: HashMap<&str, Vec<usize>> = HashMap::new();
    for i in (0..n).rev().filter(|i| !used[*i]) {
        unmatched.entry(old[i]).or_default().push(i);
    }
    for j in 0..m {
        if out[b[j]].is_none()
            && let Some(i) = unmatched.get_mut(new[b[j]]).and_then(Vec::pop)
        {
            out[b[j]] = Some((i, true));
            used[i] = true;
        }
    }
    // The changed lines between two lines left as they were: line for
    // line when there are as many lines (an emptied line stands for the
    // item it held), else the closest in order.
    let (mut from_old, mut from_line) = (0, 0);
    let ends = anchors.iter().map(|(i, j)| (*i, b[*j]));
    for (to_old, to_line) in ends.chain([(n, new.len())]) {
        let olds: Vec<usize> = (from_old..to_old).filter(|i| !used[*i]).collect();
        let lines: Vec<usize> = (from_line..to_line)
            .filter(|j| new[*j].is_empty() || out[*j].is_none())
            .collect();
        let pairs = if olds.len() == lines.len() {
            olds.into_iter().zip(lines).collect()
        } else {
            let lines: Vec<usize> = lines.into_iter().filter(|j| !new[*j].is_empty()).collect();
            closest(old, new, &olds, &lines)
        };
        for (i, j) in pairs {
            if !new[j].is_empty() {
                out[j] = Some((i, false));
            }
        }
        (from_old, from_line) = (to_old + 1, to_line + 1);
    }
    out
}

/// Pairs as many of the `lines` of `new` as can be with the lines `olds`
/// of `old`, in order, choosing the pairs with the most words in common.
fn closest(old: &[&str], new: &[&str], olds: &[usize], lines: &[usize]) -> Vec<(usize, usize)> {
    let (rows, cols) = (olds.len(), lines.len());
    if rows == 0 || cols == 0 {
        return Vec::new();
    }
    if rows * cols > 1 << 16 {
        return olds.iter().copied().zip(lines.iter().copied()).collect();
    }
    let words = |s: &str| {
        s.split_whitespace()
            .map(str::to_owned)
            .collect::<HashSet<_>>()
    };
    let a: Vec<HashSet<String>> = olds.iter().map(|i| words(old[*i])).collect();
    let b: Vec<HashSet<String>> = lines.iter().map(|j| words(new[*j])).collect();
    // Each pair counts for more than any number of words in common.
    let pair = |i: usize, j: usize| (1 << 20) + a[i].intersection(&b[j]).count();
    let w = cols + 1;
    let mut best = vec![0usize; (rows + 1) * w];
    for i in (0..rows).rev() {
        for j in (0..cols).rev() {
            best[i * w + j] = (pair(i, j) + best[(i + 1) * w + j + 1])
                .max(best[(i + 1) * w + j])
                .max(best[i * w + j + 1]);
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < rows && j < cols {
        if best[i * w + j] == pair(i, j) + best[(i + 1) * w + j + 1] {
            out.push((olds[i], lines[j]));
            i += 1;
            j += 1;
        } else if best[i * w + j] == best[(i + 1) * w + j] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// The items a text is read against, each with its line: those the text
/// stood for when last applied (`origin`), as they were shown then, then
/// any other of `items` (their index in their list and number), as
/// `line` shows it.
pub fn shown(
    origin: &[(String, ItemId)],
    items: &[(usize, ItemId)],
    line: impl Fn(usize) -> String,
) -> Vec<(String, usize)> {
    let index: HashMap<ItemId, usize> = items.iter().map(|(i, id)| (*id, *i)).collect();
    let mut seen = HashSet::new();
    let mut out: Vec<(String, usize)> = origin
        .iter()
        .filter_map(|(text, id)| {
            let i = *index.get(id)?;
            seen.insert(i).then(|| (text.clone(), i))
        })
        .collect();
    out.extend(
        items
            .iter()
            .filter(|(i, _)| !seen.contains(i))
            .map(|(i, _)| (line(*i), *i)),
    );
    out
}
