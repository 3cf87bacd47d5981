//! Plain lines in the one-line event form, `16:02 gary: text`, one a line,
//! with or without a date. A time earlier than the line before it by more
//! than twelve hours is taken to be past midnight.

use chrono::TimeDelta;

use super::{Candidate, Format, Import, ImportError, Options};
use crate::domain::{EventKind, parse_quick_event};

pub(super) fn parse(file: &str, text: &str, options: &Options) -> Result<Import, ImportError> {
    let mut import = Import {
        format: Some(Format::Plain),
        ..Import::default()
    };
    let mut days = 0;
    let mut previous = None;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let date = options.date + TimeDelta::days(days);
        let q = parse_quick_event(line, date, options.offset).map_err(|e| {
            ImportError::at_line(
                file,
                n + 1,
                format!("expected an event like \"16:02 gary: saw the login page fail\" ({e})"),
            )
        })?;
        let dated = line
            .split_whitespace()
            .next()
            .is_some_and(|w| w.contains('-'));
        let mut at = q.at;
        if !dated && previous.is_some_and(|p| at + TimeDelta::hours(12) < p) {
            days += 1;
            at += TimeDelta::days(1);
        }
        previous = Some(at);
        let mut c = Candidate::new(at, EventKind::Action, q.text);
        c.actor = q.actor.map(str::to_owned);
        import.candidates.push(c);
    }
    Ok(import)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Offset;
    use chrono::NaiveDate;

    #[test]
    fn lines_cross_midnight_and_keep_their_offset() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let options = Options::new(day, "+01:00".parse::<Offset>().unwrap());
        let text = "23:50 gary: paged\n\n# a note\n23:58 ana: on it\n00:10 ana: rolled back\n2026-11-25 09:00 follow-up\n";
        let import = parse("lines.txt", text, &options).unwrap();
        let got: Vec<(String, Option<&str>)> = import
            .candidates
            .iter()
            .map(|c| (c.at.to_rfc3339(), c.actor.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("2026-11-23T22:50:00+00:00".into(), Some("gary")),
                ("2026-11-23T22:58:00+00:00".into(), Some("ana")),
                ("2026-11-23T23:10:00+00:00".into(), Some("ana")),
                ("2026-11-25T08:00:00+00:00".into(), None),
            ]
        );
        let e = parse("lines.txt", "16:02 ok\nno time here\n", &options).unwrap_err();
        assert_eq!(e.place, "line 2");
        assert!(
            e.to_string()
                .starts_with("lines.txt, line 2: expected an event like")
        );
    }
}
