//! The periods a trend is counted in: calendar months or quarters. Pure.

use std::fmt;

use chrono::{Datelike, NaiveDate};

/// How reviews are grouped in time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum By {
    #[default]
    Month,
    Quarter,
}

impl By {
    /// The word shown to people and taken by `--by`.
    pub fn label(self) -> &'static str {
        match self {
            By::Month => "month",
            By::Quarter => "quarter",
        }
    }
}

/// A calendar month (`2026-03`) or quarter (`2026-Q1`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    pub year: i32,
    /// The month, 1 to 12, or the quarter, 1 to 4.
    pub number: u32,
    pub by: By,
}

impl Period {
    /// The period `date` falls in.
    pub fn of(date: NaiveDate, by: By) -> Period {
        let number = match by {
            By::Month => date.month(),
            By::Quarter => date.month0() / 3 + 1,
        };
        Period {
            year: date.year(),
            number,
            by,
        }
    }

    /// Its first month, 1 to 12.
    fn first_month(self) -> u32 {
        match self.by {
            By::Month => self.number,
            By::Quarter => (self.number - 1) * 3 + 1,
        }
    }

    /// The first day of the period.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.first_month(), 1).unwrap_or(NaiveDate::MIN)
    }

    /// The period after this one.
    pub fn next(self) -> Period {
        let last = match self.by {
            By::Month => 12,
            By::Quarter => 4,
        };
        if self.number >= last {
            Period {
                year: self.year + 1,
                number: 1,
                by: self.by,
            }
        } else {
            Period {
                number: self.number + 1,
                ..self
            }
        }
    }

    /// The last day of the period.
    pub fn last_day(self) -> NaiveDate {
        self.next().first_day().pred_opt().unwrap_or(NaiveDate::MAX)
    }

    /// `2026-03` or `2026-Q1`.
    pub fn label(self) -> String {
        self.to_string()
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.by {
            By::Month => write!(f, "{:04}-{:02}", self.year, self.number),
            By::Quarter => write!(f, "{:04}-Q{}", self.year, self.number),
        }
    }
}

/// Every period from the one holding `from` to the one holding `to`, both
/// included, none left out; empty when `from` is after `to`.
pub fn periods(from: NaiveDate, to: NaiveDate, by: By) -> Vec<Period> {
    let mut out = Vec::new();
    if from > to {
        return out;
    }
    let last = Period::of(to, by);
    let mut p = Period::of(from, by);
    while p <= last {
        out.push(p);
        p = p.next();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn months_and_quarters_are_named_and_bounded() {
        let p = Period::of(day("2026-02-14"), By::Month);
        assert_eq!(p.label(), "2026-02");
        assert_eq!(p.first_day(), day("2026-02-01"));
        assert_eq!(p.last_day(), day("2026-02-28"));
        let q = Period::of(day("2026-11-30"), By::Quarter);
        assert_eq!(q.label(), "2026-Q4");
        assert_eq!(q.first_day(), day("2026-10-01"));
        assert_eq!(q.last_day(), day("2026-12-31"));
        assert_eq!(q.next().label(), "2027-Q1");
        assert_eq!(
            Period::of(day("2026-12-01"), By::Month).next().label(),
            "2027-01"
        );
    }

    #[test]
    fn every_period_between_two_days_is_listed_across_years() {
        let labels = |from: &str, to: &str, by| -> Vec<String> {
            periods(day(from), day(to), by)
                .iter()
                .map(|p| p.label())
                .collect()
        };
        assert_eq!(
            labels("2025-11-30", "2026-02-01", By::Month),
            ["2025-11", "2025-12", "2026-01", "2026-02"]
        );
        assert_eq!(
            labels("2025-12-31", "2026-04-01", By::Quarter),
            ["2025-Q4", "2026-Q1", "2026-Q2"]
        );
        assert_eq!(labels("2026-03-05", "2026-03-05", By::Month), ["2026-03"]);
        assert!(labels("2026-03-05", "2026-03-04", By::Month).is_empty());
    }
}
