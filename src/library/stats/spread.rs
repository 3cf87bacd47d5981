//! How a set of durations is spread: count, median, 90th percentile and
//! maximum. Pure.
//!
//! Incident durations are skewed: a few long incidents pull a mean far
//! from what a typical incident took, and one outlier moves it from month
//! to month. So the figures here are order statistics, and no mean.
//!
//! - The **median** is the middle value of the sorted values; for an even
//!   count, the mean of the two middle values, rounded down to the second.
//! - A **percentile** is by nearest rank: the `p`th percentile of `n`
//!   sorted values is the value at rank `ceil(p / 100 × n)` (from 1), the
//!   smallest value that at least `p`% of the values are at or under. It
//!   is always one of the values, never interpolated.

use crate::library::summary::{Durations, ReviewSummary};

/// A span of an incident that is measured across reviews.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Span {
    Detect,
    Acknowledge,
    Mitigate,
    Resolve,
    FirstStatusUpdate,
}

impl Span {
    pub const ALL: [Span; 5] = [
        Span::Detect,
        Span::Acknowledge,
        Span::Mitigate,
        Span::Resolve,
        Span::FirstStatusUpdate,
    ];

    /// The words shown to people: "time to detect".
    pub fn label(self) -> &'static str {
        match self {
            Span::Detect => "time to detect",
            Span::Acknowledge => "time to acknowledge",
            Span::Mitigate => "time to mitigate",
            Span::Resolve => "time to resolve",
            Span::FirstStatusUpdate => "time to first status update",
        }
    }

    /// A short name for JSON and CSV: `detect`, `first_status_update`.
    pub fn key(self) -> &'static str {
        match self {
            Span::Detect => "detect",
            Span::Acknowledge => "acknowledge",
            Span::Mitigate => "mitigate",
            Span::Resolve => "resolve",
            Span::FirstStatusUpdate => "first_status_update",
        }
    }

    /// What it is from and to, for a note under a table.
    pub fn meaning(self) -> &'static str {
        match self {
            Span::Detect => "from the start of impact to detection",
            Span::Acknowledge => "from detection to acknowledgement",
            Span::Mitigate => "from the start of impact (else detection) to mitigation",
            Span::Resolve => "from the start of impact (else detection) to resolution",
            Span::FirstStatusUpdate => {
                "from the start of impact (else detection) to the first status page event"
            }
        }
    }

    /// Its value in a review's durations, in seconds.
    pub fn of(self, d: &Durations) -> Option<i64> {
        match self {
            Span::Detect => d.detect,
            Span::Acknowledge => d.acknowledge,
            Span::Mitigate => d.mitigate,
            Span::Resolve => d.resolve,
            Span::FirstStatusUpdate => d.first_status_update,
        }
    }
}

/// One review's value of a span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sample {
    pub seconds: i64,
    /// The review, by its place in the slice.
    pub review: usize,
}

/// How a span is spread across reviews, in seconds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Distribution {
    pub span: Span,
    /// How many reviews have the figure.
    pub count: usize,
    /// How many lack it: a key moment is not set.
    pub missing: usize,
    /// How many have its moments in the wrong order (the end before the
    /// start); they are left out of the figures, and not in `count`.
    pub out_of_order: usize,
    pub median: Option<i64>,
    /// By nearest rank (see the notes at the top of this module).
    pub p90: Option<i64>,
    pub max: Option<i64>,
    /// Every value counted, smallest first, for a strip plot or histogram.
    pub samples: Vec<Sample>,
}

impl Distribution {
    /// The spread of `span` over `reviews`.
    pub fn of(span: Span, reviews: &[&ReviewSummary]) -> Distribution {
        let mut samples = Vec::new();
        let (mut missing, mut out_of_order) = (0, 0);
        for (i, r) in reviews.iter().enumerate() {
            match span.of(&r.durations) {
                None => missing += 1,
                Some(s) if s < 0 => out_of_order += 1,
                Some(seconds) => samples.push(Sample { seconds, review: i }),
            }
        }
        samples.sort_by_key(|s| (s.seconds, s.review));
        let values: Vec<i64> = samples.iter().map(|s| s.seconds).collect();
        Distribution {
            span,
            count: values.len(),
            missing,
            out_of_order,
            median: median(&values),
            p90: percentile(&values, 90),
            max: values.last().copied(),
            samples,
        }
    }
}

/// Upper bounds for a histogram of incident durations, in seconds: 5 and
/// 15 minutes, half an hour, 1, 2, 4 and 8 hours, a day and a week.
pub const BUCKETS: [i64; 9] = [
    300, 900, 1_800, 3_600, 7_200, 14_400, 28_800, 86_400, 604_800,
];

impl Distribution {
    /// How many values fall in each bucket of `bounds` (upper bounds in
    /// ascending order, each excluded from its bucket): under the first,
    /// from each to the next, and at or over the last, so
    /// `bounds.len() + 1` counts.
    pub fn histogram(&self, bounds: &[i64]) -> Vec<usize> {
        let mut counts = vec![0; bounds.len() + 1];
        for s in &self.samples {
            counts[bounds.partition_point(|b| *b <= s.seconds)] += 1;
        }
        counts
    }
}

/// The median of `sorted` (in ascending order); `None` when empty.
pub fn median(sorted: &[i64]) -> Option<i64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    if n % 2 == 1 {
        return Some(sorted[n / 2]);
    }
    let (a, b) = (i128::from(sorted[n / 2 - 1]), i128::from(sorted[n / 2]));
    i64::try_from((a + b).div_euclid(2)).ok()
}

/// The `p`th percentile (0 to 100) of `sorted` (ascending) by nearest
/// rank; `None` when empty.
pub fn percentile(sorted: &[i64], p: u32) -> Option<i64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let p = p.min(100) as usize;
    let rank = (p * n).div_ceil(100).max(1);
    Some(sorted[rank - 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_is_the_middle_or_the_mean_of_the_two_middles() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[7]), Some(7));
        assert_eq!(median(&[1, 2, 10]), Some(2));
        assert_eq!(median(&[1, 2, 4, 100]), Some(3));
        // Rounded down to the second.
        assert_eq!(median(&[1, 2]), Some(1));
        assert_eq!(median(&[-3, -2]), Some(-3));
        assert_eq!(median(&[i64::MAX, i64::MAX]), Some(i64::MAX));
    }

    #[test]
    fn a_histogram_counts_each_value_once_under_its_upper_bound() {
        let samples = [10, 299, 300, 899, 5_000, 1_000_000]
            .iter()
            .enumerate()
            .map(|(review, &seconds)| Sample { seconds, review })
            .collect();
        let d = Distribution {
            span: Span::Resolve,
            count: 6,
            missing: 0,
            out_of_order: 0,
            median: None,
            p90: None,
            max: None,
            samples,
        };
        assert_eq!(d.histogram(&[300, 900, 3_600]), [2, 2, 0, 2]);
        assert_eq!(d.histogram(&[]), [6]);
        assert_eq!(d.histogram(&BUCKETS).iter().sum::<usize>(), 6);
        assert_eq!(d.histogram(&BUCKETS)[BUCKETS.len()], 1, "over a week");
    }

    #[test]
    fn percentiles_are_by_nearest_rank() {
        let ten: Vec<i64> = (1..=10).map(|v| v * 10).collect();
        assert_eq!(percentile(&ten, 90), Some(90));
        assert_eq!(percentile(&ten, 91), Some(100));
        assert_eq!(percentile(&ten, 100), Some(100));
        assert_eq!(percentile(&ten, 0), Some(10));
        assert_eq!(percentile(&ten, 50), Some(50));
        // Nine values: rank ceil(8.1) = 9, the largest.
        assert_eq!(percentile(&ten[..9], 90), Some(90));
        // Eleven values: rank ceil(9.9) = 10.
        let eleven: Vec<i64> = (1..=11).collect();
        assert_eq!(percentile(&eleven, 90), Some(10));
        assert_eq!(percentile(&[5], 90), Some(5));
        assert_eq!(percentile(&[], 90), None);
    }
}
