//! Which reviews a command looks at: by severity, status, service, dates,
//! owner and tag. Pure.

use chrono::{Datelike, Months, NaiveDate, TimeDelta};

use super::rows::Row;
use super::summary::{ReviewSummary, same_name};
use crate::domain::{Severity, Status};

/// What a review must match; an empty list or `None` matches every review.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub severities: Vec<Severity>,
    pub statuses: Vec<Status>,
    /// Any of these services (ignoring case).
    pub services: Vec<String>,
    /// The incident on this day or after.
    pub since: Option<NaiveDate>,
    /// The incident on this day or before.
    pub until: Option<NaiveDate>,
    /// Owns one of the review's action items (ignoring case).
    pub owner: Option<String>,
    /// Any of these tags (ignoring case and a leading `#`).
    pub tags: Vec<String>,
}

impl Filter {
    pub fn matches(&self, r: &ReviewSummary) -> bool {
        self.fields(r.severity, r.status, &r.services, &r.tags, r.date)
            && self.owner.as_deref().is_none_or(|o| r.owns_action(o))
    }

    /// The same as [`Filter::matches`], on a row of `list`.
    pub fn matches_row(&self, r: &Row) -> bool {
        self.fields(r.severity, r.status, &r.services, &r.tags, r.date)
            && self
                .owner
                .as_deref()
                .is_none_or(|o| r.owners.iter().any(|have| same_name(have, o)))
    }

    fn fields(
        &self,
        severity: Severity,
        status: Status,
        services: &[String],
        tags: &[String],
        date: NaiveDate,
    ) -> bool {
        let any = |wanted: &[String], have: &[String]| {
            wanted.is_empty()
                || wanted
                    .iter()
                    .any(|w| have.iter().any(|h| same_name(h, w.trim_start_matches('#'))))
        };
        (self.severities.is_empty() || self.severities.contains(&severity))
            && (self.statuses.is_empty() || self.statuses.contains(&status))
            && any(&self.services, services)
            && any(&self.tags, tags)
            && self.since.is_none_or(|d| date >= d)
            && self.until.is_none_or(|d| date <= d)
    }
}

/// Reads a day as `--since` and `--until` take it: `2026-03-01`, a month
/// `2026-03` (its first day), or a time back from `today`: `30d`, `6w`,
/// `3m` (months), `1y`.
pub fn parse_day(raw: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let s = raw.trim().to_ascii_lowercase();
    let bad = || {
        format!(
            "{raw:?} is not a date: give 2026-03-01, a month like 2026-03, or a time back like 30d, 6w, 3m or 1y"
        )
    };
    if let Ok(d) = NaiveDate::parse_from_str(&s, "%Y-%m-%d") {
        return Ok(d);
    }
    if let Ok(d) = NaiveDate::parse_from_str(&format!("{s}-01"), "%Y-%m-%d") {
        return Ok(d);
    }
    let split = s
        .len()
        .checked_sub(1)
        .filter(|&i| s.is_char_boundary(i))
        .ok_or_else(bad)?;
    let (count, unit) = s.split_at(split);
    let count: u32 = count.parse().map_err(|_| bad())?;
    let back = match unit {
        "d" => today.checked_sub_signed(TimeDelta::days(i64::from(count))),
        "w" => today.checked_sub_signed(TimeDelta::weeks(i64::from(count))),
        "m" => today.checked_sub_months(Months::new(count)),
        "y" => count
            .checked_mul(12)
            .and_then(|m| today.checked_sub_months(Months::new(m))),
        _ => None,
    };
    back.filter(|d| d.year() > 0).ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn days_are_read_as_dates_months_or_times_back() {
        let today = day("2026-12-02");
        for (raw, want) in [
            ("2026-03-01", "2026-03-01"),
            ("2026-03", "2026-03-01"),
            ("30d", "2026-11-02"),
            ("2w", "2026-11-18"),
            ("3m", "2026-09-02"),
            ("1Y", "2025-12-02"),
        ] {
            assert_eq!(parse_day(raw, today), Ok(day(want)), "{raw}");
        }
        for raw in ["", "d", "yesterday", "3x", "-3d", "2026-13"] {
            let err = parse_day(raw, today).unwrap_err();
            assert!(err.contains("is not a date"), "{raw}: {err}");
        }
    }
}
