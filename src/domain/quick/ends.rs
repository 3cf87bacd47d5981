//! Where two sequences of lines differ: the rows an edit changed, and how
//! far a changing text agrees with a fixed one from each end, kept up to
//! date from the edits without comparing every line again.

/// The rows an edit changed: `start..old_end` before it became
/// `start..new_end`; the rows outside are the rows they were.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub start: usize,
    pub old_end: usize,
    pub new_end: usize,
}

impl Window {
    /// The rows that differ between a sequence of `old_len` and one of
    /// `new_len`, by their common prefix and suffix.
    pub fn between(old_len: usize, new_len: usize, same: impl Fn(usize, usize) -> bool) -> Window {
        let shorter = old_len.min(new_len);
        let mut start = 0;
        while start < shorter && same(start, start) {
            start += 1;
        }
        let mut end = 0;
        while end < shorter - start && same(old_len - 1 - end, new_len - 1 - end) {
            end += 1;
        }
        Window {
            start,
            old_end: old_len - end,
            new_end: new_len - end,
        }
    }

    pub fn is_empty(self) -> bool {
        self.start == self.old_end && self.start == self.new_end
    }
}

/// How far a changing sequence and a fixed one agree from the start and,
/// independently, from the end.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Ends {
    pub head: usize,
    pub tail: usize,
}

impl Ends {
    /// The ends of a fixed sequence of `n` and a changing one of `m`.
    pub fn new(n: usize, m: usize, same: impl Fn(usize, usize) -> bool) -> Ends {
        let mut ends = Ends {
            head: usize::MAX,
            tail: usize::MAX,
        };
        ends.update(n, m, 0, 0, same);
        ends
    }

    /// After an edit of the changing sequence, now of `m`, that left its
    /// first `before` and last `after` elements as they were.
    pub fn update(
        &mut self,
        n: usize,
        m: usize,
        before: usize,
        after: usize,
        same: impl Fn(usize, usize) -> bool,
    ) {
        let limit = n.min(m);
        // The last `after` elements were not edited: as far as they went,
        // they agree from the end as they did. When both are as long,
        // the prefix that reaches them covers the whole.
        let known_tail = self.tail.min(after);
        if self.head >= before {
            let mut h = before.min(limit);
            while h < limit {
                if n == m && h + known_tail >= limit {
                    h = limit;
                    break;
                }
                if !same(h, h) {
                    break;
                }
                h += 1;
            }
            self.head = h;
        }
        self.head = self.head.min(limit);
        if self.tail >= after {
            let mut t = after.min(limit);
            while t < limit {
                if n == m && t + self.head >= limit {
                    t = limit;
                    break;
                }
                if !same(n - 1 - t, m - 1 - t) {
                    break;
                }
                t += 1;
            }
            self.tail = t;
        }
        self.tail = self.tail.min(limit);
    }

    /// The ends as anchors: the prefix, then the suffix after it.
    pub fn anchors(self, n: usize, m: usize) -> (usize, usize) {
        let head = self.head.min(n.min(m));
        (head, self.tail.min(n.min(m) - head))
    }
}
