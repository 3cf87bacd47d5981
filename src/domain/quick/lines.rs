//! The line language of the quick review: a timeline event a line
//! (`16:02 gary: saw the login page fail`, a time alone falling on the
//! date of the line above), an action item a line (`what to do @owner
//! !priority`), a learning a line, and the key moments' times.

use chrono::{DateTime, NaiveDate, Timelike, Utc};

use crate::domain::{
    ActionItem, Event, Moment, Offset, Priority, Review, Text, TimeError, parse_due, parse_time,
};

/// The key moments, in the order they are asked for.
pub const MOMENTS: [Moment; 5] = [
    Moment::Started,
    Moment::Detected,
    Moment::Acknowledged,
    Moment::Mitigated,
    Moment::Resolved,
];

/// An action item as typed: `what to do @owner !priority due:friday`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuickAction {
    pub text: Text,
    pub owner: Option<Text>,
    pub priority: Priority,
    pub due: Option<NaiveDate>,
}

/// What starts the word that gives an action item's due date.
pub const DUE: &str = "due:";

/// `s` on one line: its words separated by one space.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The day a time typed alone falls on: that of the earliest key moment
/// or event, else the day the review was created, in the review's offset.
pub fn base_date(review: &Review) -> NaiveDate {
    let first_event = review.timeline.iter().map(|e| e.at).min();
    let anchor = [review.moments.earliest(), first_event]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(review.created);
    review.offset.local(anchor).date_naive()
}

/// `at` in the review's offset: the time alone when it falls on `date`,
/// else with its date; seconds only when there are some.
pub fn clock(review: &Review, at: DateTime<Utc>, date: NaiveDate) -> String {
    let local = review.offset.local(at);
    let time = if local.second() == 0 {
        "%H:%M"
    } else {
        "%H:%M:%S"
    };
    if local.date_naive() == date {
        local.format(time).to_string()
    } else {
        local.format(&format!("%Y-%m-%d {time}")).to_string()
    }
}

/// The day `at` falls on in the review's offset.
pub fn local_date(review: &Review, at: DateTime<Utc>) -> NaiveDate {
    review.offset.local(at).date_naive()
}

/// The review's timeline in the quick form, one event a line; a line
/// gives its date when it is not that of the line before.
pub fn event_lines(review: &Review) -> Vec<String> {
    let mut date = base_date(review);
    review
        .timeline
        .iter()
        .map(|e| {
            let line = event_line(review, e, date);
            date = local_date(review, e.at);
            line
        })
        .collect()
}

/// The event at `index` of the timeline in the quick form, after the
/// line of the event before it (the first: after a line on `base`).
pub fn event_line_at(review: &Review, index: usize, base: NaiveDate) -> String {
    let date = match index.checked_sub(1) {
        Some(before) => local_date(review, review.timeline[before].at),
        None => base,
    };
    event_line(review, &review.timeline[index], date)
}

/// An event in the quick form, after a line on `date`.
pub fn event_line(review: &Review, e: &Event, date: NaiveDate) -> String {
    let at = clock(review, e.at, date);
    match &e.actor {
        Some(who) => format!("{at} {}: {}", one_line(who), one_line(&e.text)),
        None => format!("{at} {}", one_line(&e.text)),
    }
}

/// The key moments as they are typed; a time gives its date when it is
/// not that of the moment before.
pub fn moment_texts(review: &Review) -> [String; 5] {
    let mut date = base_date(review);
    MOMENTS.map(|m| match review.moments.get(m) {
        Some(at) => {
            let text = clock(review, at, date);
            date = local_date(review, at);
            text
        }
        None => String::new(),
    })
}

/// Reads the time typed for a key moment, a time alone falling on
/// `date`; why it cannot be read otherwise.
pub fn read_moment(text: &str, date: NaiveDate, offset: Offset) -> Result<DateTime<Utc>, String> {
    parse_time(text, date, offset).map_err(|e| match e {
        TimeError::BadTime(_) => format!("'{text}' is not a time: 16:02, or 2026-11-23 16:02"),
        other => other.to_string(),
    })
}

/// An action item as a line of the quick form: the text, then the owner
/// after an @, then the priority when it is not medium, then the due
/// date.
pub fn action_line(a: &ActionItem) -> String {
    let mut line = one_line(&a.text);
    if let Some(owner) = a.owner.as_ref().filter(|o| !o.trim().is_empty()) {
        line.push_str(&format!(" @{}", one_line(owner)));
    }
    match a.priority {
        Some(Priority::High) => line.push_str(" !high"),
        Some(Priority::Low) => line.push_str(" !low"),
        Some(Priority::Medium) | None => {}
    }
    if let Some(due) = a.due {
        line.push_str(&format!(" {DUE}{}", due.format("%Y-%m-%d")));
    }
    line
}

/// Reads `what to do @owner !priority due:friday`: the owner is what
/// follows the last word that starts with @; a word `!high`, `!medium`
/// or `!low` (or `!p1`–`!p3`) sets the priority, which is medium
/// otherwise; a word `due:` and a date (as [`parse_due`] reads it, from
/// `today`) sets the due date.
pub fn parse_action(line: &str, today: NaiveDate) -> Result<QuickAction, String> {
    let mut words: Vec<&str> = line.split_whitespace().collect();
    let mut due = None;
    let is_due = |w: &&str| {
        w.get(..DUE.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(DUE))
    };
    if let Some(i) = words.iter().rposition(is_due) {
        let raw = &words[i][DUE.len()..];
        due = Some(parse_due(raw, today).map_err(|e| e.to_string())?);
        words.remove(i);
    }
    let mut priority = Priority::Medium;
    if let Some(i) = words.iter().rposition(|w| {
        w.strip_prefix('!')
            .is_some_and(|p| p.parse::<Priority>().is_ok())
    }) {
        priority = words[i][1..].parse().unwrap_or(Priority::Medium);
        words.remove(i);
    }
    let at = words
        .iter()
        .rposition(|w| w.len() > 1 && w.starts_with('@'));
    let (text, owner) = match at {
        Some(i) => (
            words[..i].join(" "),
            Some(Text::trimmed(&words[i..].join(" ")[1..])),
        ),
        None => (words.join(" "), None),
    };
    let text = Text::trimmed(text);
    if text.is_empty() {
        return Err("write what is to be done before the @owner".into());
    }
    Ok(QuickAction {
        text,
        owner,
        priority,
        due,
    })
}

/// What follows the time (one word, or a date and a time) at the start of
/// an event's line, trimmed; none when the line does not start with one.
pub fn after_time(line: &str, date: NaiveDate, offset: Offset) -> Option<&str> {
    fn word(s: &str) -> (&str, &str) {
        let s = s.trim_start();
        s.split_once(char::is_whitespace).unwrap_or((s, ""))
    }
    let (first, rest) = word(line);
    if parse_time(first, date, offset).is_ok() {
        return Some(rest.trim());
    }
    let (second, rest) = word(rest);
    parse_time(&format!("{first} {second}"), date, offset)
        .is_ok()
        .then(|| rest.trim())
}

/// Why a timeline line's time cannot be read.
pub fn time_error(e: &TimeError) -> String {
    match e {
        TimeError::BadTime(word) => {
            format!("'{word}' is not a time: start the line with 16:02 or 2026-11-23 16:02")
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ReviewKind, Severity, Source};

    /// The day a due date is counted from: a Tuesday.
    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    fn review() -> Review {
        Review::new(
            "r".into(),
            Text::new("Login failures"),
            Severity::Sev3,
            ReviewKind::Quick,
            "2026-11-24T09:00:00Z".parse().unwrap(),
            "+01:00".parse::<Offset>().unwrap(),
        )
    }

    fn at(local: &str) -> DateTime<Utc> {
        format!("{}:00+01:00", local.replace(' ', "T"))
            .parse()
            .unwrap()
    }

    #[test]
    fn action_lines_read_their_owner_and_priority() {
        type Read<'a> = Result<(&'a str, Option<&'a str>, Priority), ()>;
        let cases: [(&str, Read); 8] = [
            (
                "Alert on pool saturation @mo !high",
                Ok(("Alert on pool saturation", Some("mo"), Priority::High)),
            ),
            (
                "Write to ops@example.com about it",
                Ok(("Write to ops@example.com about it", None, Priority::Medium)),
            ),
            (
                "Review the runbook @Ana Lopez",
                Ok(("Review the runbook", Some("Ana Lopez"), Priority::Medium)),
            ),
            (
                "!low tidy the dashboards",
                Ok(("tidy the dashboards", None, Priority::Low)),
            ),
            (
                "fix it @a !p1 @b",
                Ok(("fix it @a", Some("b"), Priority::High)),
            ),
            (
                "a lone @ stays",
                Ok(("a lone @ stays", None, Priority::Medium)),
            ),
            ("@mo", Err(())),
            ("!high", Err(())),
        ];
        for (line, expected) in cases {
            let got = parse_action(line, today())
                .map(|a| {
                    (
                        a.text.to_string(),
                        a.owner.map(|o| o.to_string()),
                        a.priority,
                    )
                })
                .map_err(|_| ());
            let expected = expected.map(|(t, o, p)| (t.to_owned(), o.map(str::to_owned), p));
            assert_eq!(got, expected, "{line}");
        }
    }

    #[test]
    fn action_lines_read_a_due_date_from_today() {
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d);
        for (line, due) in [
            ("fix it @a due:fri", day(11, 27)),
            ("fix it @a !high due:tomorrow", day(11, 25)),
            ("fix it due:+3d @a", day(11, 27)),
            ("fix it @a DUE:2026-12-01", day(12, 1)),
            ("fix it @a", None),
        ] {
            let a = parse_action(line, today()).expect(line);
            assert_eq!((a.text.as_str(), a.due), ("fix it", due), "{line}");
        }
        let err = parse_action("fix it @a due:someday", today()).unwrap_err();
        assert!(err.contains("'someday' is not a date"), "{err}");
        // Written back as it reads.
        let mut a = ActionItem::new(Text::new("fix it"));
        a.owner = Some(Text::new("a"));
        a.due = day(11, 27);
        assert_eq!(action_line(&a), "fix it @a due:2026-11-27");
        let back = parse_action(&action_line(&a), today()).unwrap();
        assert_eq!(back.due, a.due);
    }

    #[test]
    fn action_items_write_as_they_read() {
        let mut a = ActionItem::new(Text::new("Alert  on\nlogin errors"));
        assert_eq!(action_line(&a), "Alert on login errors");
        a.owner = Some(Text::new("gary"));
        a.priority = Some(Priority::High);
        assert_eq!(action_line(&a), "Alert on login errors @gary !high");
        a.priority = Some(Priority::Medium);
        assert_eq!(action_line(&a), "Alert on login errors @gary");
        a.owner = Some(Text::new(" "));
        a.priority = Some(Priority::Low);
        assert_eq!(action_line(&a), "Alert on login errors !low");
    }

    #[test]
    fn event_lines_carry_the_date_of_the_line_above() {
        let mut r = review();
        for (time, actor, text) in [
            ("2026-11-23 23:50", Some("gary"), "saw errors"),
            ("2026-11-23 23:55", None, "paged ana"),
            ("2026-11-24 00:10", Some("ana"), "rolled back"),
            ("2026-11-24 00:11", None, "all  clear"),
        ] {
            let mut e = Event::new(at(time), Text::new(text), Source::Typed);
            e.actor = actor.map(Text::new);
            r.add_event(e);
        }
        assert_eq!(base_date(&r), "2026-11-23".parse::<NaiveDate>().unwrap());
        assert_eq!(
            event_lines(&r),
            [
                "23:50 gary: saw errors",
                "23:55 paged ana",
                "2026-11-24 00:10 ana: rolled back",
                "00:11 all clear",
            ]
        );
        for i in 0..r.timeline.len() {
            assert_eq!(event_line_at(&r, i, base_date(&r)), event_lines(&r)[i]);
        }
    }

    #[test]
    fn a_review_without_events_counts_from_the_day_it_was_created() {
        let mut r = review();
        assert_eq!(base_date(&r), "2026-11-24".parse::<NaiveDate>().unwrap());
        r.moments.set(Moment::Started, Some(at("2026-11-22 10:00")));
        assert_eq!(base_date(&r), "2026-11-22".parse::<NaiveDate>().unwrap());
    }

    #[test]
    fn key_moments_give_their_date_when_it_changes() {
        let mut r = review();
        r.moments.set(Moment::Started, Some(at("2026-11-23 23:50")));
        r.moments
            .set(Moment::Mitigated, Some(at("2026-11-24 00:30")));
        r.moments.set(
            Moment::Resolved,
            Some("2026-11-23T23:40:30Z".parse().unwrap()),
        );
        assert_eq!(
            moment_texts(&r),
            ["23:50", "", "", "2026-11-24 00:30", "00:40:30"].map(String::from)
        );
    }

    #[test]
    fn times_read_or_say_why_not() {
        let date: NaiveDate = "2026-11-24".parse().unwrap();
        let offset: Offset = "+01:00".parse().unwrap();
        let cases = [
            ("16:02", Ok(at("2026-11-24 16:02"))),
            ("2026-11-23 16:02", Ok(at("2026-11-23 16:02"))),
            (
                "15:5O",
                Err("'15:5O' is not a time: 16:02, or 2026-11-23 16:02".to_owned()),
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(read_moment(text, date, offset), expected, "{text}");
        }
        let cases = [
            ("16:02 gary: saw it", Some("gary: saw it")),
            ("2026-11-23 16:02 saw it", Some("saw it")),
            ("16:02", Some("")),
            ("gary: saw it", None),
        ];
        for (line, expected) in cases {
            assert_eq!(after_time(line, date, offset), expected, "{line}");
        }
    }
}
