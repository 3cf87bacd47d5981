//! Times as people type and read them: in the review's offset, stored in UTC.

use std::fmt;
use std::str::FromStr;

use chrono::{
    DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Utc, Weekday,
};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A fixed offset from UTC, written `+01:00`, `-05:30` or `UTC`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Offset(FixedOffset);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimeError {
    #[error("'{0}' is not an offset; write it like +01:00, -05:30 or UTC")]
    BadOffset(String),
    #[error(
        "'{0}' is not a time; write it like 16:05, 16:05:30, 2026-11-23 16:05 or 2026-11-23T16:05:00+01:00"
    )]
    BadTime(String),
    #[error("'{0}' is not a date; write it like 2026-12-01")]
    BadDate(String),
    #[error(
        "'{0}' is not a date; write it like 2026-12-01, today, tomorrow, a weekday (fri), +3d or +2w"
    )]
    BadDue(String),
}

impl Offset {
    pub const UTC: Offset = Offset(FixedOffset::east_opt(0).expect("zero is a valid offset"));

    /// An offset of `east` seconds, rounded to whole minutes as offsets
    /// are written.
    pub fn from_seconds(east: i32) -> Option<Offset> {
        FixedOffset::east_opt(east / 60 * 60).map(Offset)
    }

    pub fn seconds(self) -> i32 {
        self.0.local_minus_utc()
    }

    pub fn fixed(self) -> FixedOffset {
        self.0
    }

    /// `at` as a wall-clock time in this offset.
    pub fn local(self, at: DateTime<Utc>) -> DateTime<FixedOffset> {
        at.with_timezone(&self.0)
    }
}

impl Default for Offset {
    fn default() -> Self {
        Offset::UTC
    }
}

impl fmt::Display for Offset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.seconds();
        let sign = if s < 0 { '-' } else { '+' };
        let s = s.unsigned_abs();
        write!(f, "{sign}{:02}:{:02}", s / 3600, s % 3600 / 60)
    }
}

impl FromStr for Offset {
    type Err = TimeError;
    fn from_str(raw: &str) -> Result<Self, Self::Err> {
        let bad = || TimeError::BadOffset(raw.to_owned());
        let s = raw.trim();
        if s.eq_ignore_ascii_case("utc")
            || s.eq_ignore_ascii_case("z")
            || s.eq_ignore_ascii_case("gmt")
        {
            return Ok(Offset::UTC);
        }
        let s = s
            .strip_prefix("UTC")
            .or_else(|| s.strip_prefix("utc"))
            .unwrap_or(s);
        let (sign, rest) = match s.as_bytes().first() {
            Some(b'+') => (1, &s[1..]),
            Some(b'-') => (-1, &s[1..]),
            _ => return Err(bad()),
        };
        let (h, m) = match rest.split_once(':') {
            Some((h, m)) => (h, m),
            None if rest.len() == 4 => rest.split_at(2),
            None => (rest, "0"),
        };
        let h: i32 = h.parse().map_err(|_| bad())?;
        let m: i32 = m.parse().map_err(|_| bad())?;
        if !(0..=23).contains(&h) || !(0..=59).contains(&m) {
            return Err(bad());
        }
        Offset::from_seconds(sign * (h * 3600 + m * 60)).ok_or_else(bad)
    }
}

impl Serialize for Offset {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Offset {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Reads a time as a person types it. A time without a date falls on
/// `date`; a time without an offset is in `offset`. Accepted forms:
/// `16:05`, `16:05:30`, `2026-11-23 16:05[:30]`, `2026-11-23T16:05[:30]`,
/// and RFC 3339 with its own offset.
pub fn parse_time(raw: &str, date: NaiveDate, offset: Offset) -> Result<DateTime<Utc>, TimeError> {
    let s = raw.trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(s) {
        return Ok(at.with_timezone(&Utc));
    }
    let naive = parse_clock(s)
        .map(|t| date.and_time(t))
        .or_else(|| {
            [
                "%Y-%m-%d %H:%M",
                "%Y-%m-%d %H:%M:%S",
                "%Y-%m-%dT%H:%M",
                "%Y-%m-%dT%H:%M:%S",
            ]
            .iter()
            .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
        })
        .ok_or_else(|| TimeError::BadTime(raw.to_owned()))?;
    naive
        .and_local_timezone(offset.fixed())
        .single()
        .map(|at| at.with_timezone(&Utc))
        .ok_or_else(|| TimeError::BadTime(raw.to_owned()))
}

/// `16:05` or `16:05:30`, hours of one or two digits.
fn parse_clock(s: &str) -> Option<NaiveTime> {
    let mut parts = s.split(':');
    let h = parts.next()?;
    let m = parts.next()?;
    let sec = parts.next();
    if parts.next().is_some() || h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if !digits(h) || !digits(m) || sec.is_some_and(|p| p.len() != 2 || !digits(p)) {
        return None;
    }
    NaiveTime::from_hms_opt(
        h.parse().ok()?,
        m.parse().ok()?,
        sec.map_or(Some(0), |p| p.parse().ok())?,
    )
}

/// Reads a due date: `2026-12-01`.
pub fn parse_date(raw: &str) -> Result<NaiveDate, TimeError> {
    NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d")
        .map_err(|_| TimeError::BadDate(raw.to_owned()))
}

/// Reads a due date as a facilitator says it, relative to `today`:
/// `2026-12-01`, `today`, `tomorrow`, a weekday (`friday`, `fri`: the
/// next one after today), or a count of days or weeks ahead (`+3d`,
/// `3d`, `+2w`). Case and surrounding spaces do not matter.
pub fn parse_due(raw: &str, today: NaiveDate) -> Result<NaiveDate, TimeError> {
    let bad = || TimeError::BadDue(raw.to_owned());
    let s = raw.trim().to_ascii_lowercase();
    if let Ok(date) = NaiveDate::parse_from_str(&s, "%Y-%m-%d") {
        return Ok(date);
    }
    let ahead = |days: i64| {
        today
            .checked_add_signed(TimeDelta::try_days(days).ok_or_else(bad)?)
            .ok_or_else(bad)
    };
    match s.as_str() {
        "today" => return Ok(today),
        "tomorrow" => return ahead(1),
        _ => {}
    }
    if let Some(day) = weekday(&s) {
        let from = today.weekday().num_days_from_monday() as i64;
        let to = day.num_days_from_monday() as i64;
        let gap = (to - from).rem_euclid(7);
        return ahead(if gap == 0 { 7 } else { gap });
    }
    let count = s.strip_prefix('+').unwrap_or(&s);
    let (digits, unit) = count.split_at(count.len().saturating_sub(1));
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let n: i64 = digits.parse().map_err(|_| bad())?;
    match unit {
        "d" => ahead(n),
        "w" => ahead(n * 7),
        _ => Err(bad()),
    }
}

/// A weekday by its English name or its first three letters.
fn weekday(s: &str) -> Option<Weekday> {
    const DAYS: [(&str, Weekday); 7] = [
        ("monday", Weekday::Mon),
        ("tuesday", Weekday::Tue),
        ("wednesday", Weekday::Wed),
        ("thursday", Weekday::Thu),
        ("friday", Weekday::Fri),
        ("saturday", Weekday::Sat),
        ("sunday", Weekday::Sun),
    ];
    DAYS.iter()
        .find(|(name, _)| s.len() >= 3 && name.starts_with(s))
        .map(|&(_, day)| day)
}

/// An event typed in one line: `16:02 gary: saw the login page fail`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuickEvent<'a> {
    pub at: DateTime<Utc>,
    pub actor: Option<&'a str>,
    pub text: &'a str,
}

/// Reads the quick form of an event: a time (with or without a date),
/// then an optional actor ending in a colon, then the text. An actor is
/// at most three words and 32 characters, so a colon later in a sentence
/// is left alone.
pub fn parse_quick_event(
    line: &str,
    date: NaiveDate,
    offset: Offset,
) -> Result<QuickEvent<'_>, TimeError> {
    let line = line.trim();
    let bad = || TimeError::BadTime(line.split_whitespace().next().unwrap_or("").to_owned());
    let (first, rest) = split_word(line);
    let (at, rest) = match parse_time(first, date, offset) {
        Ok(at) => (at, rest),
        Err(_) => {
            // A date and a time, as two words.
            let (second, rest2) = split_word(rest);
            let at = parse_time(&format!("{first} {second}"), date, offset).map_err(|_| bad())?;
            (at, rest2)
        }
    };
    // A dash between the time and the rest is a separator (`16:02 - paged`,
    // `16:02 — paged`); a dash that starts a word is the text's own
    // (`16:02 -5% error rate`).
    let rest = rest.trim();
    let dashes = rest.trim_start_matches(['-', '—']);
    let rest = if dashes.len() < rest.len() && dashes.chars().next().is_none_or(char::is_whitespace)
    {
        dashes.trim()
    } else {
        rest
    };
    let (actor, text) = match rest.split_once(':') {
        Some((who, what))
            if !who.is_empty()
                && who.chars().count() <= 32
                && who.split_whitespace().count() <= 3
                && !what.is_empty()
                && what.starts_with(char::is_whitespace) =>
        {
            (Some(who.trim()), what.trim())
        }
        _ => (None, rest),
    };
    Ok(QuickEvent { at, actor, text })
}

fn split_word(s: &str) -> (&str, &str) {
    let s = s.trim_start();
    match s.find(char::is_whitespace) {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, ""),
    }
}

/// A duration as people read it: `45s`, `12m`, `1h 05m`, `2d 03h`.
/// Negative durations are written with a minus sign.
pub fn format_duration(d: TimeDelta) -> String {
    let secs = d.num_seconds();
    let sign = if secs < 0 { "-" } else { "" };
    let s = secs.unsigned_abs();
    let (days, hours, mins, rem) = (s / 86_400, s % 86_400 / 3600, s % 3600 / 60, s % 60);
    match (days, hours, mins) {
        (0, 0, 0) => format!("{sign}{rem}s"),
        (0, 0, m) if rem == 0 => format!("{sign}{m}m"),
        (0, 0, m) => format!("{sign}{m}m {rem:02}s"),
        (0, h, m) => format!("{sign}{h}h {m:02}m"),
        (d, h, _) => format!("{sign}{d}d {h:02}h"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn offsets_read_and_print() {
        let cases = [
            ("+01:00", "+01:00"),
            ("-05:30", "-05:30"),
            ("UTC", "+00:00"),
            ("z", "+00:00"),
            ("+0530", "+05:30"),
            ("+2", "+02:00"),
            ("UTC+03:00", "+03:00"),
        ];
        for (raw, shown) in cases {
            assert_eq!(raw.parse::<Offset>().unwrap().to_string(), shown, "{raw}");
        }
        for bad in ["", "1", "+25:00", "+01:60", "CET", "+ab"] {
            assert!(bad.parse::<Offset>().is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn times_take_the_date_and_offset_given() {
        let plus1: Offset = "+01:00".parse().unwrap();
        let cases = [
            ("16:05", "2026-11-23T15:05:00Z"),
            ("9:07", "2026-11-23T08:07:00Z"),
            ("16:05:30", "2026-11-23T15:05:30Z"),
            ("2026-11-20 00:30", "2026-11-19T23:30:00Z"),
            ("2026-11-20T00:30:15", "2026-11-19T23:30:15Z"),
            ("2026-11-20T00:30:00Z", "2026-11-20T00:30:00Z"),
            ("2026-11-20T00:30:00-02:00", "2026-11-20T02:30:00Z"),
        ];
        for (raw, want) in cases {
            assert_eq!(parse_time(raw, day(), plus1).unwrap(), utc(want), "{raw}");
        }
        for bad in [
            "",
            "25:00",
            "16:5",
            "16h05",
            "tomorrow",
            "2026-13-01 10:00",
            "16:05:3",
        ] {
            assert!(
                parse_time(bad, day(), plus1).is_err(),
                "{bad} should be refused"
            );
        }
    }

    #[test]
    fn quick_events() {
        let q =
            parse_quick_event("16:02 gary: saw the login page fail", day(), Offset::UTC).unwrap();
        assert_eq!(q.at, utc("2026-11-23T16:02:00Z"));
        assert_eq!(q.actor, Some("gary"));
        assert_eq!(q.text, "saw the login page fail");

        let q =
            parse_quick_event("2026-11-22 23:58 on-call bot: paged", day(), Offset::UTC).unwrap();
        assert_eq!(q.at, utc("2026-11-22T23:58:00Z"));
        assert_eq!(q.actor, Some("on-call bot"));

        let q = parse_quick_event("16:10 rolled back to v41", day(), Offset::UTC).unwrap();
        assert_eq!(q.actor, None);
        assert_eq!(q.text, "rolled back to v41");

        let q = parse_quick_event(
            "16:11 - we saw this in the log: error 503",
            day(),
            Offset::UTC,
        )
        .unwrap();
        assert_eq!(q.actor, None, "a colon late in a sentence is not an actor");
        assert_eq!(q.text, "we saw this in the log: error 503");

        let q = parse_quick_event("16:12 ana: see http://x:80", day(), Offset::UTC).unwrap();
        assert_eq!(q.actor, Some("ana"));
        assert_eq!(q.text, "see http://x:80");

        let q = parse_quick_event("16:13 -5% error rate", day(), Offset::UTC).unwrap();
        assert_eq!(q.text, "-5% error rate", "a dash of the text is kept");
        let q = parse_quick_event("16:14 — db: failover", day(), Offset::UTC).unwrap();
        assert_eq!((q.actor, q.text), (Some("db"), "failover"));

        assert!(parse_quick_event("saw it fail", day(), Offset::UTC).is_err());
    }

    #[test]
    fn durations_read_naturally() {
        let cases = [
            (0, "0s"),
            (45, "45s"),
            (60, "1m"),
            (125, "2m 05s"),
            (3900, "1h 05m"),
            (90_000, "1d 01h"),
            (-300, "-5m"),
        ];
        for (secs, want) in cases {
            assert_eq!(format_duration(TimeDelta::seconds(secs)), want);
        }
    }

    #[test]
    fn due_dates_read_relative_words() {
        // 2026-11-23 is a Monday.
        let today = day();
        let on = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        for (raw, want) in [
            ("2026-12-01", on(2026, 12, 1)),
            ("today", today),
            (" Tomorrow ", on(2026, 11, 24)),
            ("fri", on(2026, 11, 27)),
            ("Friday", on(2026, 11, 27)),
            ("monday", on(2026, 11, 30)),
            ("sun", on(2026, 11, 29)),
            ("+3d", on(2026, 11, 26)),
            ("3d", on(2026, 11, 26)),
            ("+0d", today),
            ("+2w", on(2026, 12, 7)),
            ("+10d", on(2026, 12, 3)),
        ] {
            assert_eq!(parse_due(raw, today), Ok(want), "{raw}");
        }
    }

    #[test]
    fn due_dates_refuse_what_they_cannot_read() {
        for raw in [
            "",
            "fr",
            "next week",
            "+d",
            "+3m",
            "3 d",
            "+99999d",
            "-3d",
            "2026-13-01",
        ] {
            let err = parse_due(raw, day()).unwrap_err();
            assert_eq!(err, TimeError::BadDue(raw.to_owned()));
            assert!(err.to_string().contains("tomorrow"), "{err}");
        }
    }
}
