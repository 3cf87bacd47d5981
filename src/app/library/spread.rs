//! The histogram of the time to resolve: the values of the distribution
//! [`crate::library::stats`] took, in bins whose width grows with the time
//! (incidents take minutes to days, and most are short), so that the
//! long tail is one row, not the whole chart. Pure.

use crate::library::stats::Distribution;

const MINUTE: i64 = 60;
const HOUR: i64 = 3600;
const DAY: i64 = 86_400;

/// The bins, by the seconds they start at, and their labels.
pub const BINS: [(i64, &str); 10] = [
    (0, "under 5m"),
    (5 * MINUTE, "5m to 15m"),
    (15 * MINUTE, "15m to 30m"),
    (30 * MINUTE, "30m to 1h"),
    (HOUR, "1h to 2h"),
    (2 * HOUR, "2h to 4h"),
    (4 * HOUR, "4h to 8h"),
    (8 * HOUR, "8h to 1d"),
    (DAY, "1d to 3d"),
    (3 * DAY, "3d or more"),
];

/// The reviews of one bin.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bin {
    pub label: &'static str,
    /// By their place in the screen's reviews, quickest first.
    pub reviews: Vec<usize>,
    /// The median falls in this bin.
    pub median: bool,
    /// The 90th percentile falls in this bin.
    pub p90: bool,
}

/// The bin of `seconds`.
pub fn bin_of(seconds: i64) -> usize {
    BINS.partition_point(|(from, _)| *from <= seconds)
        .saturating_sub(1)
}

/// The values of `d` in [`BINS`].
pub(super) fn bins(d: &Distribution) -> Vec<Bin> {
    let mut out: Vec<Bin> = BINS
        .iter()
        .map(|(_, label)| Bin {
            label,
            ..Bin::default()
        })
        .collect();
    for s in &d.samples {
        out[bin_of(s.seconds)].reviews.push(s.review);
    }
    if let Some(m) = d.median {
        out[bin_of(m)].median = true;
    }
    if let Some(p) = d.p90 {
        out[bin_of(p)].p90 = true;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_value_falls_in_the_bin_that_starts_at_or_before_it() {
        assert_eq!(bin_of(0), 0);
        assert_eq!(bin_of(299), 0);
        assert_eq!(bin_of(300), 1);
        assert_eq!(bin_of(HOUR - 1), 3);
        assert_eq!(bin_of(HOUR), 4);
        assert_eq!(bin_of(3 * DAY), 9);
        assert_eq!(bin_of(400 * DAY), 9);
    }
}
