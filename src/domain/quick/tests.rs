//! The pairing of lines, the reading of whole texts, and the reading of
//! texts edited, which always equals reading them whole.

use chrono::{DateTime, NaiveDate, Utc};
use proptest::prelude::*;

use super::pairing::pair;
use super::*;
use crate::domain::{Event, Offset, Review, ReviewKind, Severity, Source, Text};

/// The day a due date is counted from.
fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 24).expect("a day")
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

fn strings(lines: &[&str]) -> Vec<String> {
    lines.iter().map(|l| (*l).to_owned()).collect()
}

#[test]
fn changed_lines_pair_with_the_lines_they_were() {
    let old = [
        "09:12 lee: saw it",
        "09:20 lee: restarted",
        "09:31 ana: done",
    ];
    type Pairs<'a> = &'a [Option<(usize, bool)>];
    let cases: [(&str, &[&str], Pairs); 7] = [
        (
            "left as they were",
            &old,
            &[Some((0, true)), Some((1, true)), Some((2, true))],
        ),
        (
            "one changed, in its place",
            &[
                "09:12 lee: saw it",
                "09:21 lee: restarted it",
                "09:31 ana: done",
            ],
            &[Some((0, true)), Some((1, false)), Some((2, true))],
        ),
        (
            "a new line above a changed one does not take its place",
            &[
                "09:00 ci: deploy",
                "09:12 lee: saw it",
                "09:20 lee: restarted it",
            ],
            &[None, Some((0, true)), Some((1, false))],
        ),
        (
            "a line moved is the same line",
            &["", "09:31 ana: done", "09:20 lee: restarted"],
            &[None, Some((2, true)), Some((1, true))],
        ),
        (
            "an emptied line stands for the item it held",
            &["", "09:20 lee: restarted again", "09:31 ana: done"],
            &[None, Some((1, false)), Some((2, true))],
        ),
        (
            "a line deleted whole: the changed one pairs with the closest",
            &["09:20 lee: restarted again", "09:31 ana: done"],
            &[Some((1, false)), Some((2, true))],
        ),
        (
            "blank lines pair with nothing",
            &["", "09:12 lee: saw it", "", "09:31 ana: done", ""],
            &[None, Some((0, true)), None, Some((2, true)), None],
        ),
    ];
    for (what, new, expected) in cases {
        assert_eq!(pair(&old, new), expected, "{what}");
    }
}

#[test]
fn timeline_lines_read_against_the_review() {
    let r = review();
    let date = |d: &str| d.parse::<NaiveDate>().unwrap();
    // Each line: what it reads as, and the date it passes on.
    let lines = strings(&[
        "2026-11-23 23:50 gary: saw errors",
        "23:55 paged ana",
        "",
        "nonsense",
        "00:10",
        "2026-11-24 00:20 - rolled back",
    ]);
    let reading = read_events(&r, &[], &lines);
    let rows: Vec<(String, NaiveDate)> = reading
        .rows()
        .map(|(_, check, carry)| {
            let what = match check {
                Checked::New(e) => format!(
                    "new {} {}: {}",
                    r.offset.local(e.at).format("%Y-%m-%d %H:%M"),
                    e.actor.as_deref().unwrap_or("-"),
                    e.text
                ),
                Checked::Bad(why) => format!("bad: {why}"),
                other => format!("{other:?}"),
            };
            (what, carry)
        })
        .collect();
    let expected = [
        ("new 2026-11-23 23:50 gary: saw errors", "2026-11-23"),
        ("new 2026-11-23 23:55 -: paged ana", "2026-11-23"),
        ("Blank", "2026-11-23"),
        (
            "bad: 'nonsense' is not a time: start the line with 16:02 or 2026-11-23 16:02",
            "2026-11-23",
        ),
        ("bad: write what happened after the time", "2026-11-23"),
        ("new 2026-11-24 00:20 -: rolled back", "2026-11-24"),
    ];
    for (row, (got, (what, carry))) in rows.iter().zip(expected).enumerate() {
        assert_eq!(got, &(what.to_owned(), date(carry)), "line {}", row + 1);
    }
    assert_eq!(rows.len(), expected.len());
    assert_eq!(reading.bad_rows(), [3, 4]);
    assert_eq!((reading.good(), reading.filled()), (3, 5));
}

#[test]
fn the_lines_of_a_review_read_back_as_its_items() {
    let mut r = review();
    let typed = strings(&["2026-11-23 16:02 gary: saw it", "16:10:30 rolled back"]);
    for check in check_events(&r.clone(), &typed) {
        let Checked::New(e) = check else { panic!() };
        r.add_event(*e);
    }
    let lines = event_lines(&r);
    assert_eq!(lines, ["16:02 gary: saw it", "16:10:30 rolled back"]);
    assert_eq!(
        check_events(&r, &lines),
        [Checked::Kept(0), Checked::Kept(1)]
    );
}

#[test]
fn action_lines_read_against_the_review() {
    let mut r = review();
    let mut a = crate::domain::ActionItem::new(Text::new("Alert on errors"));
    a.owner = Some(Text::new("gary"));
    r.add_action(a);
    let lines = strings(&["Alert on errors @gary", "Alert on all errors @gary", "@mo"]);
    let checks = check_actions(&r, today(), &lines);
    assert_eq!(checks[0], Checked::Kept(0));
    let Checked::New(new) = &checks[1] else {
        panic!("{checks:?}")
    };
    assert_eq!(new.text.as_str(), "Alert on all errors");
    assert!(checks[2].is_bad());
}

// ---------------------------------------------------------------------------
// Edits read again equal texts read whole.

/// A review with a few events over two days, two of them alike.
fn busy() -> Review {
    let mut r = review();
    for (time, actor, text) in [
        ("2026-11-23 23:50", "gary", "saw errors"),
        ("2026-11-23 23:55", "ana", "paged"),
        ("2026-11-24 00:10", "ana", "rolled back"),
        ("2026-11-24 00:10", "ana", "rolled back"),
        ("2026-11-24 00:30", "lee", "all clear"),
    ] {
        let mut e = Event::new(at(time), Text::new(text), Source::Typed);
        e.actor = Some(Text::new(actor));
        r.add_event(e);
    }
    r
}

/// Lines to build texts from: the review's own, changed ones, new ones,
/// ones that move the date, ones that cannot be read, blank ones.
fn vocabulary(r: &Review) -> Vec<String> {
    let mut words = event_lines(r);
    words.extend(event_lines(r).iter().map(|l| format!("{l} again")));
    words.extend(
        [
            "16:02 new thing",
            "2026-11-22 10:00 long before",
            "2026-11-25 10:00 ci: long after",
            "00:40 lee: later",
            "nonsense",
            "16:02",
            "",
            "  ",
            "\tsaw errors",
        ]
        .map(String::from),
    );
    words
}

#[derive(Clone, Debug)]
enum Change {
    Type { row: usize, col: usize, c: char },
    Backspace { row: usize, col: usize },
    Enter { row: usize, col: usize },
    InsertLine { row: usize, word: usize },
    DeleteLine { row: usize },
    Paste { row: usize, words: Vec<usize> },
    Move { from: usize, to: usize },
    Replace { row: usize, word: usize },
}

/// How the rows an edit changed are told to the reading.
#[derive(Clone, Copy, Debug)]
enum Told {
    Exactly,
    Wider(usize, usize),
    Not,
}

fn change() -> impl Strategy<Value = Change> {
    let place = (0usize..40, 0usize..40);
    prop_oneof![
        (
            place.clone(),
            prop::sample::select(vec!['a', ' ', '1', ':', '\t'])
        )
            .prop_map(|((row, col), c)| Change::Type { row, col, c }),
        place
            .clone()
            .prop_map(|(row, col)| Change::Backspace { row, col }),
        place.prop_map(|(row, col)| Change::Enter { row, col }),
        (0usize..40, 0usize..30).prop_map(|(row, word)| Change::InsertLine { row, word }),
        (0usize..40).prop_map(|row| Change::DeleteLine { row }),
        (0usize..40, prop::collection::vec(0usize..30, 0..6))
            .prop_map(|(row, words)| Change::Paste { row, words }),
        (0usize..40, 0usize..40).prop_map(|(from, to)| Change::Move { from, to }),
        (0usize..40, 0usize..30).prop_map(|(row, word)| Change::Replace { row, word }),
    ]
}

fn told() -> impl Strategy<Value = Told> {
    prop_oneof![
        Just(Told::Exactly),
        (0usize..4, 0usize..4).prop_map(|(a, b)| Told::Wider(a, b)),
        Just(Told::Not),
    ]
}

/// `lines` after `change`; the byte at a column is the nearest character.
fn edited(lines: &[String], change: &Change, words: &[String]) -> Vec<String> {
    let mut out = lines.to_vec();
    if out.is_empty() {
        out.push(String::new());
    }
    let len = out.len();
    let col_of = |line: &str, col: usize| {
        let n = line.chars().count();
        line.char_indices()
            .nth(col.min(n))
            .map_or(line.len(), |(i, _)| i)
    };
    let word = |w: usize| words[w % words.len()].clone();
    match change {
        Change::Type { row, col, c } => {
            let line = &mut out[row % len];
            let i = col_of(line, *col);
            line.insert(i, *c);
        }
        Change::Backspace { row, col } => {
            let row = row % len;
            let i = col_of(&out[row], *col);
            if i > 0 {
                let before = out[row][..i].chars().next_back().map_or(0, char::len_utf8);
                out[row].replace_range(i - before..i, "");
            } else if row > 0 {
                let line = out.remove(row);
                out[row - 1].push_str(&line);
            }
        }
        Change::Enter { row, col } => {
            let row = row % len;
            let i = col_of(&out[row], *col);
            let rest = out[row].split_off(i);
            out.insert(row + 1, rest);
        }
        Change::InsertLine { row, word: w } => out.insert(row % (len + 1), word(*w)),
        Change::DeleteLine { row } => {
            out.remove(row % len);
        }
        Change::Paste { row, words: ws } => {
            let row = row % (len + 1);
            for (k, w) in ws.iter().enumerate() {
                out.insert(row + k, word(*w));
            }
        }
        Change::Move { from, to } => {
            let line = out.remove(from % len);
            out.insert(to % len, line);
        }
        Change::Replace { row, word: w } => out[row % len] = word(*w),
    }
    out
}

fn window(before: &[String], after: &[String], told: Told) -> Option<Window> {
    let exact = Window::between(before.len(), after.len(), |i, j| before[i] == after[j]);
    match told {
        Told::Exactly => Some(exact),
        Told::Wider(up, down) => {
            let down = down
                .min(before.len() - exact.old_end)
                .min(after.len() - exact.new_end);
            Some(Window {
                start: exact.start.saturating_sub(up),
                old_end: exact.old_end + down,
                new_end: exact.new_end + down,
            })
        }
        Told::Not => None,
    }
}

type Seen<T, C> = (
    Vec<(Option<(usize, bool)>, Checked<T>, C)>,
    Vec<usize>,
    usize,
    usize,
);

fn seen<T: Clone, C: Copy + PartialEq + std::fmt::Debug>(r: &Reading<T, C>) -> Seen<T, C> {
    let rows = r
        .rows()
        .map(|(p, c, carry)| (p, c.clone(), carry))
        .collect();
    (rows, r.bad_rows().to_vec(), r.good(), r.filled())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn timeline_edits_read_again_equal_the_text_read_whole(
        start in prop::collection::vec(0usize..30, 0..12),
        origin in any::<bool>(),
        edits in prop::collection::vec((change(), told()), 1..25),
    ) {
        let r = busy();
        let words = vocabulary(&r);
        // The review's own lines, or any lines; read against the items as
        // shown, or as the text stood for them when last applied.
        let origin: Origin = if origin {
            event_lines(&r).into_iter().zip(r.timeline.iter().map(|e| e.id)).rev().collect()
        } else {
            Vec::new()
        };
        let mut lines: Vec<String> = start.iter().map(|w| words[w % words.len()].clone()).collect();
        let mut reading = read_events(&r, &origin, &lines);
        for (change, told) in edits {
            let next = edited(&lines, &change, &words);
            let w = window(&lines, &next, told);
            reading.edit(&Events(&r), &next, w);
            lines = next;
            let whole = read_events(&r, &origin, &lines);
            prop_assert_eq!(seen(&reading), seen(&whole), "after {:?} told {:?}: {:?}", change, told, lines);
        }
    }

    #[test]
    fn action_edits_read_again_equal_the_text_read_whole(
        start in prop::collection::vec(0usize..8, 0..12),
        edits in prop::collection::vec((change(), told()), 1..25),
    ) {
        let mut r = review();
        for (text, owner) in [("alert", "gary"), ("runbook", "ana"), ("alert", "gary")] {
            let mut a = crate::domain::ActionItem::new(Text::new(text));
            a.owner = Some(Text::new(owner));
            r.add_action(a);
        }
        let words = strings(&[
            "alert @gary", "runbook @ana", "alert", "@mo", "", "new one !high", "runbook @ana !low", "x",
        ]);
        let mut lines: Vec<String> = start.iter().map(|w| words[*w].clone()).collect();
        let mut reading = read_actions(&r, today(), &[], &lines);
        for (change, told) in edits {
            let next = edited(&lines, &change, &words);
            let w = window(&lines, &next, told);
            reading.edit(&Actions(&r, today()), &next, w);
            lines = next;
            prop_assert_eq!(seen(&reading), seen(&read_actions(&r, today(), &[], &lines)), "after {:?}: {:?}", change, lines);
        }
    }
}

/// A review whose events read as few lines, each many times over.
fn repetitive() -> Review {
    let mut r = review();
    for (i, text) in ["x", "x", "y", "x", "x", "y", "x", "x"].iter().enumerate() {
        let time = if i < 4 {
            "2026-11-24 09:00"
        } else {
            "2026-11-24 09:30"
        };
        r.add_event(Event::new(at(time), Text::new(*text), Source::Typed));
    }
    r
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn edits_among_repeated_lines_read_again_equal_the_text_read_whole(
        start in prop::collection::vec(0usize..6, 0..14),
        edits in prop::collection::vec((change(), told()), 1..25),
    ) {
        let r = repetitive();
        let mut words = event_lines(&r);
        words.sort();
        words.dedup();
        words.extend(strings(&["", "09:10 z", "2026-11-23 09:00 x", "x"]));
        let mut lines: Vec<String> = start.iter().map(|w| words[w % words.len()].clone()).collect();
        let mut reading = read_events(&r, &[], &lines);
        for (change, told) in edits {
            let next = edited(&lines, &change, &words);
            let w = window(&lines, &next, told);
            reading.edit(&Events(&r), &next, w);
            lines = next;
            prop_assert_eq!(seen(&reading), seen(&read_events(&r, &[], &lines)), "after {:?}: {:?}", change, lines);
        }
    }
}
