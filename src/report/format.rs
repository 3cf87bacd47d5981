//! Words and numbers shared by every report: times in the review's offset,
//! spans with their definitions, labels with a capital letter.

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::{Impact, Offset, Review, ReviewKind, Span, format_duration};

/// Shown where a value is missing.
pub(crate) const NONE: &str = "—";

/// Turns UTC times into the review's wall-clock times.
pub(crate) struct Clock {
    offset: Offset,
    date: NaiveDate,
}

impl Clock {
    pub(crate) fn new(review: &Review) -> Clock {
        Clock {
            offset: review.offset,
            date: review.incident_date(),
        }
    }

    /// `2026-11-23 16:05`.
    pub(crate) fn full(&self, at: DateTime<Utc>) -> String {
        self.offset.local(at).format("%Y-%m-%d %H:%M").to_string()
    }

    /// `16:05` on the incident's date, `11-24 00:10` on another day.
    pub(crate) fn short(&self, at: DateTime<Utc>) -> String {
        let local = self.offset.local(at);
        if local.date_naive() == self.date {
            local.format("%H:%M").to_string()
        } else {
            local.format("%m-%d %H:%M").to_string()
        }
    }

    /// `2026-11-23 16:05`, or a dash when the time is not set.
    pub(crate) fn full_or_none(&self, at: Option<DateTime<Utc>>) -> String {
        at.map_or_else(|| NONE.to_owned(), |at| self.full(at))
    }
}

/// `UTC+01:00`, or `UTC` for a zero offset.
pub(crate) fn offset_label(offset: Offset) -> String {
    if offset.seconds() == 0 {
        "UTC".to_owned()
    } else {
        format!("UTC{offset}")
    }
}

/// `Times are UTC+01:00.`
pub(crate) fn times_are(review: &Review) -> String {
    format!("Times are {}.", offset_label(review.offset))
}

/// `Sev2, priority Critical (major functionality broken, revenue affected)`.
pub(crate) fn severity(review: &Review) -> String {
    let sev = review.severity;
    format!("{sev}, priority {} ({})", sev.priority(), sev.meaning())
}

/// `Full review` or `Quick review`.
pub(crate) fn kind(kind: ReviewKind) -> String {
    capitalise(&format!("{kind} review"))
}

/// The span's value, or a dash when it cannot be computed.
pub(crate) fn span_value(span: &Span) -> String {
    span.value.map_or_else(|| NONE.to_owned(), format_duration)
}

/// `from impact started to detected`.
pub(crate) fn span_definition(span: &Span) -> String {
    format!("from {} to {}", span.from.describe(), span.to.describe())
}

/// `+ positive`: a symbol that reads without colour, and the word.
pub(crate) fn impact(impact: Impact) -> String {
    format!("{} {impact}", impact.symbol())
}

/// The first letter in upper case.
pub(crate) fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The text on one line: line breaks become spaces.
pub(crate) fn one_line(s: &str) -> String {
    s.split('\n')
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Severity, Text};

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn times_are_shown_in_the_review_offset() {
        let mut r = Review::new(
            "r".into(),
            Text::new("t"),
            Severity::Sev2,
            ReviewKind::Full,
            at("2026-11-23T20:00:00Z"),
            Offset::from_seconds(3600).unwrap_or_default(),
        );
        r.moments.started = Some(at("2026-11-23T15:05:00Z"));
        let clock = Clock::new(&r);
        assert_eq!(clock.full(at("2026-11-23T15:05:00Z")), "2026-11-23 16:05");
        assert_eq!(clock.short(at("2026-11-23T15:05:00Z")), "16:05");
        assert_eq!(clock.short(at("2026-11-23T23:10:00Z")), "11-24 00:10");
        assert_eq!(clock.full_or_none(None), NONE);
        assert_eq!(times_are(&r), "Times are UTC+01:00.");
        assert_eq!(offset_label(Offset::UTC), "UTC");
    }

    #[test]
    fn labels_read_as_words() {
        assert_eq!(capitalise("in review"), "In review");
        assert_eq!(capitalise(""), "");
        assert_eq!(kind(ReviewKind::Quick), "Quick review");
        assert_eq!(impact(Impact::Positive), "+ positive");
        assert_eq!(one_line(" a \n\n b "), "a b");
    }
}
