//! The histogram of the time to resolve: the values of the distribution
//! [`crate::library::stats`] took, in its buckets ([`BUCKETS`]), whose
//! width grows with the time (incidents take minutes to days, and most
//! are short), so that the long tail is one row, not the whole chart; each
//! bin with the reviews in it, for Enter. Pure.

use crate::library::stats::{BUCKETS, Distribution};

/// The reviews of one bin.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bin {
    /// "under 5m", "1h to 2h", "1w or more".
    pub label: String,
    /// By their place in the screen's reviews, quickest first.
    pub reviews: Vec<usize>,
    /// The median falls in this bin.
    pub median: bool,
    /// The 90th percentile falls in this bin.
    pub p90: bool,
}

/// The bin of `seconds`: as [`Distribution::histogram`] counts it, each
/// bound excluded from the bin it ends.
pub fn bin_of(seconds: i64) -> usize {
    BUCKETS.partition_point(|b| *b <= seconds)
}

/// A bound as people read it: `5m`, `2h`, `1d`, `1w`.
fn short(seconds: i64) -> String {
    const WEEK: i64 = 7 * 86_400;
    match seconds {
        s if s % WEEK == 0 => format!("{}w", s / WEEK),
        s if s % 86_400 == 0 => format!("{}d", s / 86_400),
        s if s % 3600 == 0 => format!("{}h", s / 3600),
        s => format!("{}m", s / 60),
    }
}

fn label(bin: usize) -> String {
    match (bin.checked_sub(1).map(|b| BUCKETS[b]), BUCKETS.get(bin)) {
        (None, Some(to)) => format!("under {}", short(*to)),
        (Some(from), Some(to)) => format!("{} to {}", short(from), short(*to)),
        (Some(from), None) => format!("{} or more", short(from)),
        (None, None) => "any".to_owned(),
    }
}

/// The values of `d` in the buckets of [`BUCKETS`].
pub(super) fn bins(d: &Distribution) -> Vec<Bin> {
    let mut out: Vec<Bin> = (0..=BUCKETS.len())
        .map(|i| Bin {
            label: label(i),
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
    use crate::library::stats::{Sample, Span};

    #[test]
    fn the_bins_hold_what_the_histogram_of_stats_counts() {
        let values = [
            0, 299, 300, 899, 3_599, 3_600, 86_400, 604_799, 604_800, 9_999_999,
        ];
        let d = Distribution {
            span: Span::Resolve,
            count: values.len(),
            missing: 0,
            out_of_order: 0,
            median: Some(3_600),
            p90: Some(604_800),
            max: Some(9_999_999),
            samples: values
                .iter()
                .enumerate()
                .map(|(review, seconds)| Sample {
                    seconds: *seconds,
                    review,
                })
                .collect(),
        };
        let bins = bins(&d);
        let counts: Vec<usize> = bins.iter().map(|b| b.reviews.len()).collect();
        assert_eq!(counts, d.histogram(&BUCKETS));
        assert_eq!(bins[0].reviews, [0, 1]);
        let labels: Vec<&str> = bins.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "under 5m",
                "5m to 15m",
                "15m to 30m",
                "30m to 1h",
                "1h to 2h",
                "2h to 4h",
                "4h to 8h",
                "8h to 1d",
                "1d to 1w",
                "1w or more"
            ]
        );
        assert!(bins[4].median && bins[9].p90);
        assert_eq!(bins.iter().filter(|b| b.median || b.p90).count(), 2);
    }
}
