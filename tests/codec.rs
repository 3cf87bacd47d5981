//! The saved form of a review.
//!
//! Any review survives a save and a load unchanged; the shipped example is
//! complete, blameless and in exactly the form `encode` writes; and every
//! kind of broken or hostile file is refused with an error that names the
//! file and the place to look, never with a panic or a stack overflow.

mod common;

use std::path::Path;
use std::thread;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use debrief::domain::id::is_valid_id;
use debrief::domain::*;
use debrief::store::codec::*;
use proptest::array::{uniform4, uniform5};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

use common::EXAMPLE;

/// The path errors are expected to name.
const PATH: &str = "reviews/2026-11-17-checkout-payments-failing-k7qm.ron";

fn path() -> &'static Path {
    Path::new(PATH)
}

// ---------------------------------------------------------------------------
// The example review

#[test]
fn the_example_is_exactly_what_encode_writes() {
    let text = common::example_text();
    let review = common::example();
    let encoded = encode(&review);
    if std::env::var_os("DEBRIEF_BLESS").is_some() {
        std::fs::write(common::example_path(), &encoded).expect("rewriting the example");
        return;
    }
    if encoded != text {
        let line = encoded
            .lines()
            .zip(text.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| encoded.lines().count().min(text.lines().count()))
            + 1;
        panic!(
            "{EXAMPLE} differs from what encode writes, first at line {line}; \
             if the change to the format is intended, rewrite the file with \
             `DEBRIEF_BLESS=1 cargo test --test codec`"
        );
    }
    assert_eq!(
        decode(&encoded, path()).expect("re-reading the example"),
        review
    );
}

#[test]
fn the_example_is_a_complete_and_consistent_review() {
    let r = common::example();
    assert_eq!(r.schema, SCHEMA_VERSION);
    assert!(is_valid_id(&r.id), "{:?} is not a valid id", r.id);
    assert_eq!(
        (r.severity, r.status, r.kind),
        (Severity::Sev2, Status::InReview, ReviewKind::Full)
    );
    assert!(r.created < r.updated);

    // Nothing left for the facilitator to fix before publishing.
    let checks = Check::all(&r, &Metrics::compute(&r));
    let messages: Vec<String> = checks.iter().map(|c| c.message(&r)).collect();
    assert!(messages.is_empty(), "{messages:#?}");

    // All five key moments, strictly in lifecycle order, each one a
    // moment on the timeline.
    let moments: Vec<_> = r.moments.set_moments().collect();
    assert_eq!(moments.len(), Moment::ALL.len());
    assert!(moments.windows(2).all(|w| w[0].1 < w[1].1), "{moments:?}");
    for (moment, at) in &moments {
        assert!(
            r.timeline.iter().any(|e| e.at == *at),
            "no event at the moment {} ({at})",
            moment.describe()
        );
    }
    let resolved = r.moments.resolved.expect("resolved is set");
    assert!(r.timeline.iter().all(|e| e.at <= resolved));
    assert!(r.created > resolved, "the review comes after the incident");

    // The timeline is in time order and its phases follow the lifecycle.
    assert!(r.timeline.windows(2).all(|w| w[0].at <= w[1].at));
    let phases: Vec<Phase> = r.timeline.iter().filter_map(|e| e.phase).collect();
    assert!(phases.windows(2).all(|w| w[0] <= w[1]), "{phases:?}");

    // Item numbers are unique, increase down the file, and the counter is
    // above all of them.
    let ids: Vec<u64> = r
        .timeline
        .iter()
        .map(|e| e.id)
        .chain(r.learnings.iter().map(|l| l.id))
        .chain(r.factors.iter().map(|f| f.id))
        .chain(r.actions.iter().map(|a| a.id))
        .chain(r.parking_lot.iter().map(|p| p.id))
        .map(|id| id.0)
        .collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "{ids:?}");
    assert!(ids.iter().all(|id| *id < r.next_id));

    // People are named consistently.
    let names: Vec<&str> = r.participants.iter().map(|p| p.name.as_str()).collect();
    for actor in r.timeline.iter().filter_map(|e| e.actor.as_deref()) {
        assert!(names.contains(&actor), "{actor} is not a participant");
    }
    for owner in r.actions.iter().filter_map(|a| a.owner.as_deref()) {
        assert!(names.contains(&owner), "{owner} is not a participant");
    }
    for person in [
        &r.people.alerted_first,
        &r.people.commander,
        &r.people.facilitator,
    ] {
        let person = person.as_deref().expect("key person is set");
        assert!(names.contains(&person), "{person} is not a participant");
    }

    // Learnings point at events that exist.
    for l in &r.learnings {
        for id in &l.events {
            assert!(
                r.event(*id).is_some(),
                "learning {} cites missing {id}",
                l.id
            );
        }
    }
}

/// Whether `values` holds every one of `all`.
fn covers<T: PartialEq>(values: impl IntoIterator<Item = T>, all: &[T]) -> bool {
    let values: Vec<T> = values.into_iter().collect();
    all.iter().all(|v| values.contains(v))
}

#[test]
fn the_example_shows_every_part_of_a_review() {
    let r = common::example();
    let t = &r.timeline;
    let s = &r.summary;
    for (field, value) in [
        ("summary", &s.summary),
        ("customer impact", &s.customer_impact),
        ("SLA impact", &s.sla_impact),
        ("proximate cause", &s.proximate_cause),
        ("resolution", &s.resolution),
        ("notes", &r.notes),
    ] {
        assert!(!value.trim().is_empty(), "{field} is empty");
    }
    assert!((2..=3).contains(&s.services.len()));
    assert!(r.incident.is_some() && r.people.detected_by.is_some());

    assert!((5..=7).contains(&r.participants.len()));
    assert!(covers(
        r.participants.iter().map(|p| p.role),
        &[
            Role::FirstResponder,
            Role::EscalationResponder,
            Role::IncidentCommander,
            Role::Facilitator,
            Role::Stakeholder,
            Role::CustomerVoice,
        ]
    ));

    assert!((12..=18).contains(&t.len()));
    assert!(covers(t.iter().filter_map(|e| e.phase), Phase::ALL));
    assert!(covers(
        t.iter().map(|e| e.kind),
        &[
            EventKind::Alert,
            EventKind::Observation,
            EventKind::Action,
            EventKind::Command,
            EventKind::Conversation,
            EventKind::Decision,
            EventKind::StatusPage,
            EventKind::Escalation,
        ]
    ));
    assert!(covers(t.iter().map(|e| e.impact), Impact::ALL));
    assert!(covers(t.iter().map(|e| e.source), Source::ALL));
    assert!(t.iter().filter(|e| e.starred).count() >= 3);
    assert_eq!(t.iter().filter(|e| e.internal).count(), 1);
    // A command event records the exact command line first.
    for e in t.iter().filter(|e| e.kind == EventKind::Command) {
        let first = e.text.lines().next().unwrap_or_default();
        assert!(
            first.starts_with(|c: char| c.is_ascii_lowercase()),
            "{first}"
        );
    }
    assert!(
        t.iter()
            .flat_map(|e| &e.links)
            .any(|l| l.starts_with("https://"))
    );

    assert!((6..=9).contains(&r.learnings.len()));
    assert!(covers(
        r.learnings.iter().map(|l| l.kind),
        LearningKind::ALL
    ));
    let went_well = |l: &&Learning| l.kind == LearningKind::WentWell;
    assert!(r.learnings.iter().filter(went_well).count() >= 2);
    assert!(r.learnings.iter().filter(|l| !l.events.is_empty()).count() >= 3);

    assert!((4..=6).contains(&r.factors.len()));
    assert!(covers(r.factors.iter().map(|f| f.effect), Effect::ALL));
    assert!(covers(r.factors.iter().map(|f| f.area), Area::ALL));

    assert!((5..=7).contains(&r.actions.len()));
    assert!(r.actions.iter().all(|a| a.owner.is_some()
        && a.priority.is_some()
        && a.due.is_some()
        && a.improves.is_some()));
    assert!(covers(
        r.actions.iter().filter_map(|a| a.improves),
        Improves::ALL
    ));
    assert!(covers(
        r.actions.iter().map(|a| a.status),
        &[
            ActionStatus::Done,
            ActionStatus::InProgress,
            ActionStatus::Open
        ]
    ));
    assert!(
        r.actions
            .iter()
            .filter_map(|a| a.ticket.as_deref())
            .all(|t| t.starts_with("OPS-"))
    );
    assert!(r.learnings.iter().any(|l| l.internal) || r.actions.iter().any(|a| a.internal));

    assert!((2..=3).contains(&r.parking_lot.len()));
}

/// Phrases a bias detector flags (see the language table in the domain
/// notes), as sequences of lowercase words.
const BIASED: &[&[&str]] = &[
    &["just"],
    &["simply"],
    &["obvious"],
    &["obviously"],
    &["easy"],
    &["careless"],
    &["fault"],
    &["blame"],
    &["why"],
    &["should", "have"],
    &["should", "ve"],
    &["could", "have"],
    &["would", "have"],
    &["if", "only"],
    &["failed", "to"],
    &["didn", "t", "bother"],
    &["messed", "up"],
    &["human", "error"],
    &["who", "pushed"],
    &["root", "cause"],
    &["the", "one", "thing"],
];

#[test]
fn the_example_is_written_blamelessly() {
    let text = common::example_text().to_lowercase();
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    for phrase in BIASED {
        if let Some(at) = words.windows(phrase.len()).position(|w| w == *phrase) {
            let context = words[at.saturating_sub(6)..(at + 8).min(words.len())].join(" ");
            panic!("{EXAMPLE} says {:?}: …{context}…", phrase.join(" "));
        }
    }
}

// ---------------------------------------------------------------------------
// Any review survives a save and a load

/// Characters that stress the codec: RON syntax and escapes, newlines, the
/// controls and bidi overrides that `Text` neutralises, combining marks,
/// joiners, CJK and emoji.
const TRICKY: &[char] = &[
    '"', '\'', '\\', '\n', '\r', '\t', '\0', '\u{7}', '\u{1b}', '\u{7f}', '\u{85}', '\u{9b}',
    '\u{202e}', '\u{2066}', '\u{200d}', '\u{301}', '\u{fe0f}', '\u{feff}', '\u{2028}', '#', ',',
    '(', ')', '[', ']', '{', '}', ':', '/', '*', 'r', ' ', '支', '付', '失', '败', '🔥', '👩',
];

fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        2 => any::<char>(),
        2 => select(TRICKY),
        1 => proptest::char::range('a', 'z'),
    ]
}

fn raw_string() -> impl Strategy<Value = String> {
    vec(tricky_char(), 0..24).prop_map(String::from_iter)
}

fn text() -> impl Strategy<Value = Text> {
    raw_string().prop_map(Text::new)
}

/// Seconds since the epoch of a few instants events may share.
const SHARED_INSTANTS: &[i64] = &[1_794_924_000, 1_794_924_060, 1_794_927_600];

fn instant_at(secs: i64, nanos: u32) -> DateTime<Utc> {
    DateTime::from_timestamp(secs, nanos).expect("inside chrono's range")
}

/// Any instant chrono can hold, from nanosecond to leap second; and often
/// one of a few shared instants, so that events tie on the timeline.
fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    let min = DateTime::<Utc>::MIN_UTC.timestamp();
    let max = DateTime::<Utc>::MAX_UTC.timestamp();
    let around_now = 1_700_000_000..1_900_000_000_i64;
    prop_oneof![
        2 => (min..=max, 0..1_000_000_000_u32).prop_map(|(s, ns)| instant_at(s, ns)),
        2 => (around_now, 0..1_000_u32).prop_map(|(s, ms)| instant_at(s, ms * 1_000_000)),
        1 => (min..=max, 1_000_000_000..2_000_000_000_u32)
            .prop_map(|(s, ns)| instant_at(s - s.rem_euclid(60) + 59, ns)),
        2 => select(SHARED_INSTANTS).prop_map(|s| instant_at(s, 0)),
    ]
}

fn date() -> impl Strategy<Value = NaiveDate> {
    let (min, max) = (
        NaiveDate::MIN.num_days_from_ce(),
        NaiveDate::MAX.num_days_from_ce(),
    );
    (min..=max).prop_map(|d| NaiveDate::from_num_days_from_ce_opt(d).expect("inside the range"))
}

/// Offsets as people write them: whole minutes within a day either way.
fn offset() -> impl Strategy<Value = Offset> {
    (-(24 * 60 - 1)..24 * 60).prop_map(|m: i32| Offset::from_seconds(m * 60).expect("under a day"))
}

/// A record of what the room reframed, as the domain keeps it: sorted,
/// each category once.
fn reframed() -> impl Strategy<Value = Vec<CategoryId>> {
    vec(select(CategoryId::ALL.to_vec()), 0..3).prop_map(|mut v| {
        v.sort();
        v.dedup();
        v
    })
}

#[derive(Clone, Debug)]
enum Item {
    Event(Event),
    Learning(Learning),
    Factor(Factor),
    Action(ActionItem),
    Parking(ParkingItem),
}

fn event() -> impl Strategy<Value = Event> {
    (
        instant(),
        option::of(text()),
        text(),
        select(EventKind::ALL),
        option::of(select(Phase::ALL)),
        select(Impact::ALL),
        any::<bool>(),
        any::<bool>(),
        select(Source::ALL),
        vec(text(), 0..3),
        reframed(),
    )
        .prop_map(
            |(at, actor, text, kind, phase, impact, starred, internal, source, links, reframed)| {
                Event {
                    actor,
                    kind,
                    phase,
                    impact,
                    starred,
                    internal,
                    links,
                    reframed,
                    ..Event::new(at, text, source)
                }
            },
        )
}

fn learning() -> impl Strategy<Value = Learning> {
    (
        select(LearningKind::ALL),
        text(),
        vec(any::<u64>().prop_map(ItemId), 0..4),
        any::<bool>(),
        reframed(),
    )
        .prop_map(|(kind, text, events, internal, reframed)| Learning {
            events,
            internal,
            reframed,
            ..Learning::new(kind, text)
        })
}

fn factor() -> impl Strategy<Value = Factor> {
    (
        text(),
        select(Effect::ALL),
        select(Area::ALL),
        any::<bool>(),
        reframed(),
    )
        .prop_map(|(text, effect, area, internal, reframed)| Factor {
            internal,
            reframed,
            ..Factor::new(text, effect, area)
        })
}

fn action() -> impl Strategy<Value = ActionItem> {
    (
        text(),
        option::of(text()),
        option::of(select(Priority::ALL)),
        option::of(date()),
        option::of(select(Improves::ALL)),
        option::of(text()),
        select(ActionStatus::ALL),
        any::<bool>(),
        reframed(),
    )
        .prop_map(
            |(text, owner, priority, due, improves, ticket, status, internal, reframed)| {
                ActionItem {
                    owner,
                    priority,
                    due,
                    improves,
                    ticket,
                    status,
                    internal,
                    reframed,
                    ..ActionItem::new(text)
                }
            },
        )
}

fn item() -> impl Strategy<Value = Item> {
    prop_oneof![
        3 => event().prop_map(Item::Event),
        1 => learning().prop_map(Item::Learning),
        1 => factor().prop_map(Item::Factor),
        1 => action().prop_map(Item::Action),
        1 => (text(), reframed()).prop_map(|(t, reframed)| Item::Parking(ParkingItem {
            reframed,
            ..ParkingItem::new(t)
        })),
    ]
}

/// A review as the domain builds it: items added one by one in any mix,
/// so ids are unique and increasing and the timeline is in time order.
fn review() -> impl Strategy<Value = Review> {
    let header = (
        "[a-z0-9][a-z0-9-]{0,60}",
        text(),
        option::of(text()),
        select(Severity::ALL),
        select(Status::ALL),
        select(ReviewKind::ALL),
        instant(),
        instant(),
        offset(),
    );
    let summary = (
        text(),
        vec(text(), 0..4),
        text(),
        text(),
        text(),
        text(),
        uniform5(reframed()),
    );
    (
        header,
        uniform5(option::of(instant())),
        uniform4(option::of(text())),
        summary,
        vec((text(), select(Role::ALL)), 0..6),
        vec(item(), 0..16),
        text(),
        0..1_000_u64,
    )
        .prop_map(
            |(header, moments, people, summary, participants, items, notes, gap)| {
                let (id, title, incident, severity, status, kind, created, updated, offset) =
                    header;
                let mut r = Review::new(id, title, severity, kind, created, offset);
                r.incident = incident;
                r.status = status;
                r.updated = updated;
                let [started, detected, acknowledged, mitigated, resolved] = moments;
                r.moments = KeyMoments {
                    started,
                    detected,
                    acknowledged,
                    mitigated,
                    resolved,
                };
                let [detected_by, alerted_first, commander, facilitator] = people;
                r.people = KeyPeople {
                    detected_by,
                    alerted_first,
                    commander,
                    facilitator,
                };
                let (
                    summary,
                    services,
                    customer_impact,
                    sla_impact,
                    proximate_cause,
                    resolution,
                    reframed,
                ) = summary;
                let [r1, r2, r3, r4, r5] = reframed;
                r.summary = Summary {
                    summary,
                    services,
                    customer_impact,
                    sla_impact,
                    proximate_cause,
                    resolution,
                    reframed: SummaryReframed {
                        summary: r1,
                        customer_impact: r2,
                        sla_impact: r3,
                        proximate_cause: r4,
                        resolution: r5,
                    },
                };
                r.participants = participants
                    .into_iter()
                    .map(|(name, role)| Participant { name, role })
                    .collect();
                for item in items {
                    match item {
                        Item::Event(e) => r.add_event(e),
                        Item::Learning(l) => r.add_learning(l),
                        Item::Factor(f) => r.add_factor(f),
                        Item::Action(a) => r.add_action(a),
                        Item::Parking(p) => r.add_parking(p),
                    };
                }
                r.notes = notes;
                // Deleted items leave gaps: numbers are never reused.
                r.next_id += gap;
                r
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_review_survives_a_save_and_a_load(review in review()) {
        let text = encode(&review);
        prop_assert!(
            text.chars().all(|c| c == '\n' || !c.is_control()),
            "a raw control character in\n{}",
            text
        );
        let back = decode(&text, path())
            .map_err(|e| TestCaseError::fail(format!("{e}\nwhile reading\n{text}")))?;
        prop_assert_eq!(&back, &review);
        prop_assert_eq!(encode(&back), text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// What debrief writes is read by the fast reader, as ron reads it.
    #[test]
    fn the_fast_reader_reads_what_encode_writes_as_ron_does(review in review()) {
        let text = encode(&review);
        let plain: Option<Review> = debrief::store::plain::from_str(&text);
        prop_assert!(plain.is_some(), "the fast reader gave up on\n{}", text);
        let ron: Review = ron::from_str(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(plain.unwrap(), ron);
    }

    /// A text changed by hand, anywhere, into anything: whatever the fast
    /// reader accepts, ron accepts too, with the same meaning.
    #[test]
    fn the_fast_reader_accepts_nothing_ron_would_read_otherwise(
        edits in vec((any::<prop::sample::Index>(), 0usize..6, select(vec![
            "", " ", "\n", ",", "(", ")", "[", "]", "{", "}", ":", "\"", "r#\"", "\"#", "#",
            "\\", "/", "//", "Some(", "None", "0", "-", "01", "1.5", "_", "r#", "x", "true",
        ])), 1..4),
    ) {
        let mut text = common::example_text();
        for (at, cut, put) in edits {
            let mut i = at.index(text.len() + 1);
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            let mut end = (i + cut).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            text.replace_range(i..end, put);
        }
        if let Some(plain) = debrief::store::plain::from_str::<Review>(&text) {
            let ron: Review = ron::from_str(&text).map_err(|e| {
                TestCaseError::fail(format!("the fast reader read what ron refuses ({e}):\n{text}"))
            })?;
            prop_assert_eq!(plain, ron);
        }
    }
}

#[test]
fn a_hand_edited_file_is_put_back_in_order() {
    let example = common::example();
    let mut edited = example.clone();
    edited.timeline.reverse();
    edited.next_id = 0;
    let back = decode(&encode(&edited), path()).expect("an edited example");
    assert_eq!(back, example);
}

#[test]
fn a_short_hand_written_file_takes_defaults() {
    let text = r#"(
  schema: 2,
  id: "2026-11-20-login-slow-ab12",
  title: "Login slow",
  severity: Sev3,
  status: Draft,
  kind: Quick,
  created: "2026-11-20T09:00:00Z",
  updated: "2026-11-20T09:00:00Z",
  offset: "-05:30",
)"#;
    let r = decode(text, path()).expect("a minimal file");
    let created = DateTime::parse_from_rfc3339("2026-11-20T09:00:00Z")
        .expect("a time")
        .to_utc();
    let want = Review::new(
        "2026-11-20-login-slow-ab12".into(),
        Text::new("Login slow"),
        Severity::Sev3,
        ReviewKind::Quick,
        created,
        "-05:30".parse().expect("an offset"),
    );
    assert_eq!(r, want);
}

// ---------------------------------------------------------------------------
// Broken and hostile files

fn refused(text: &str) -> DecodeError {
    match decode(text, path()) {
        Ok(r) => panic!("a broken file was read as the review {:?}", r.id),
        Err(e) => e,
    }
}

/// The 1-based line and column (in characters) of byte `at` in `text`.
fn position_of(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// The text of 1-based line `line`.
fn line_text(text: &str, line: usize) -> &str {
    text.split('\n').nth(line - 1).unwrap_or("")
}

/// Asserts that `err` is a syntax error reading `PATH:line:col: message`
/// whose line is `line` and whose column is within `cols`; returns the
/// message.
fn assert_syntax_at(
    err: &DecodeError,
    line: usize,
    cols: std::ops::RangeInclusive<usize>,
) -> String {
    let DecodeError::Syntax {
        path: p,
        line: got_line,
        col,
        message,
    } = err
    else {
        panic!("expected a syntax error, got: {err}");
    };
    assert_eq!(p, path());
    let shown = err.to_string();
    assert_eq!(shown, format!("{PATH}:{got_line}:{col}: {message}"));
    assert_eq!(*got_line, line, "wrong line in: {shown}");
    assert!(cols.contains(col), "column outside {cols:?} in: {shown}");
    message.clone()
}

/// Replaces the first `from` in the example by `to` and checks that the
/// error points into the replaced text: its line, and a column between the
/// start of that line's content and the end of the replacement.
fn assert_fault_found(from: &str, to: &str) -> String {
    let example = common::example_text();
    let at = example
        .find(from)
        .unwrap_or_else(|| panic!("{from:?} is not in {EXAMPLE}"));
    let broken = example.replacen(from, to, 1);
    let (line, col) = position_of(&broken, at);
    let content = line_text(&broken, line);
    let indent = content.chars().take_while(|c| c.is_whitespace()).count();
    assert_syntax_at(
        &refused(&broken),
        line,
        indent + 1..=col + to.chars().count(),
    )
}

#[test]
fn a_truncated_file_is_refused_at_its_end() {
    let text = common::example_text();
    let half = (0..=text.len() / 2)
        .rev()
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(0);
    let cut = &text[..half];
    let last = cut.split('\n').count();
    let width = line_text(cut, last).chars().count();
    assert_syntax_at(&refused(cut), last, 1..=width + 1);

    // Cut at the end of a line, the error is on the last character left, or
    // just past it, and says what is wrong.
    let cut = &text[..text[..half].rfind('\n').expect("a line break")];
    let last = cut.split('\n').count();
    let width = line_text(cut, last).chars().count();
    let message = assert_syntax_at(&refused(cut), last, width..=width + 1);
    assert!(message.contains("ends too early"), "{message}");
}

#[test]
fn every_truncation_is_refused_within_what_is_left() {
    let text = common::example_text();
    // Only the final line break may go without changing the review.
    let whole = text.trim_end().len();
    for end in (0..whole).filter(|i| text.is_char_boundary(*i)) {
        let cut = &text[..end];
        let last = cut.split('\n').count();
        match refused(cut) {
            DecodeError::Syntax { line, col, .. } => assert!(
                line < last || (line == last && col <= line_text(cut, last).chars().count() + 1),
                "cut at byte {end}: error at {line}:{col}, beyond the end of the text"
            ),
            other => panic!("cut at byte {end}: {other}"),
        }
    }
}

#[test]
fn a_file_that_is_not_ron_is_refused_at_its_start() {
    let markdown = "# Checkout payments failing\n\n- 14:02 alert fired\n- 14:07 acked\n";
    assert_syntax_at(&refused(markdown), 1, 1..=2);
    let json = "{\n  \"schema\": 1,\n  \"title\": \"Checkout\"\n}\n";
    assert_syntax_at(&refused(json), 1, 1..=2);
    assert_syntax_at(&refused(""), 1, 1..=1);
}

#[test]
fn a_value_of_the_wrong_type_is_refused_where_it_is() {
    for (from, to) in [
        ("severity: Sev2", "severity: \"very bad\""),
        ("at: \"2026-11-17T14:07:00Z\"", "at: 42"),
        ("at: \"2026-11-17T14:07:00Z\"", "at: \"yesterday at four\""),
        ("starred: true", "starred: \"yes\""),
        ("events: [\n        9,\n      ]", "events: [\"#9\"]"),
        ("due: Some(\"2026-11-27\")", "due: Some(\"next week\")"),
        ("next_id: 40", "next_id: -1"),
        ("offset: \"+01:00\"", "offset: \"CET\""),
        ("actor: Some(\"Wen Li\")", "actor: \"Wen Li\""),
    ] {
        assert_fault_found(from, to);
    }
}

#[test]
fn an_unknown_field_or_value_is_refused_by_name() {
    for (from, to, named) in [
        ("starred: true", "stared: true", "`stared`"),
        ("notes: ", "note: ", "`note`"),
        ("priority: Some(Low)", "prority: Some(Low)", "`prority`"),
        ("impact: Negative", "impact: Negtive", "`Negtive`"),
        ("severity: Sev2", "severity: Sev0", "`Sev0`"),
    ] {
        let message = assert_fault_found(from, to);
        assert!(message.contains(named), "{message}");
    }
}

#[test]
fn a_newer_schema_is_refused_with_advice_to_upgrade() {
    let example = common::example_text();
    // A newer file may hold fields and values this version does not know:
    // the schema is still what the error is about.
    let newer = example.replacen("schema: 2,", "schema: 99,", 1).replacen(
        "severity: Sev2,",
        "severity: Sev0,\n  reactions: [(\"👍\", 3)],",
        1,
    );
    let err = refused(&newer);
    assert!(
        matches!(err, DecodeError::NewerSchema { found: 99, .. }),
        "{err:?}"
    );
    let shown = err.to_string();
    assert!(shown.starts_with(&format!("{PATH}: ")), "{shown}");
    assert!(
        shown.contains("schema 99") && shown.contains("upgrade debrief"),
        "{shown}"
    );
}

#[test]
fn schema_zero_and_a_missing_schema_are_refused() {
    let example = common::example_text();
    let err = refused(&example.replacen("schema: 2,", "schema: 0,", 1));
    assert!(
        matches!(err, DecodeError::UnknownSchema { found: 0, .. }),
        "{err:?}"
    );
    let shown = err.to_string();
    assert!(shown.starts_with(&format!("{PATH}: schema 0 ")), "{shown}");

    let missing = example.replacen("  schema: 2,\n", "", 1);
    let last = missing.trim_end().split('\n').count();
    let message = assert_syntax_at(&refused(&missing), last, 1..=2);
    assert!(message.contains("`schema`"), "{message}");

    assert_fault_found("schema: 2,", "schema: \"1\",");
}

/// Runs `f` on a thread with the 2 MiB stack Rust gives a spawned thread
/// by default, stated here so that `RUST_MIN_STACK` cannot hide an overflow.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(f)
        .expect("spawning a thread")
        .join()
        .expect("the decoding thread panicked")
}

#[test]
fn deeply_nested_values_are_refused_without_overflowing_the_stack() {
    const DEPTH: usize = 100_000;
    let example = common::example_text();
    let nest = |open: &str, inner: &str, close: &str| {
        format!("{}{inner}{}", open.repeat(DEPTH), close.repeat(DEPTH))
    };
    let hostile = [
        format!("(schema: 2, x: {})", nest("[", "", "]")),
        format!("(schema: 2, x: {})", nest("(", "", ")")),
        format!("(schema: 2, x: {})", nest("{\"a\": ", "0", "}")),
        format!("(schema: 2, x: {})", nest("Some(", "0", ")")),
        format!("(x: {}, schema: 1)", nest("[", "", "]")),
        example.replacen("links: [],", &format!("links: {},", nest("[", "", "]")), 1),
        example.replacen("links: [],", &format!("extra: {},", nest("x(", "", ")")), 1),
        example.replacen(
            "incident: Some(\"INC-2291\")",
            &format!("incident: {}", nest("Some(", "\"INC\"", ")")),
            1,
        ),
    ];
    for text in hostile {
        let head: String = text.chars().take(60).collect();
        let err = on_small_stack(move || decode(&text, Path::new(PATH)).map(|r| r.id));
        match err {
            Ok(id) => panic!("{head}… was read as the review {id}"),
            Err(e @ DecodeError::Syntax { .. }) => {
                assert!(e.to_string().starts_with(&format!("{PATH}:")), "{e}");
            }
            Err(e) => panic!("{head}…: {e}"),
        }
    }
    // Where the nesting is in a field nobody reads, the limit is what stops it.
    let text = format!("(schema: 2, x: {})", nest("[", "", "]"));
    let err = on_small_stack(move || decode(&text, Path::new(PATH)));
    let message = assert_syntax_at(&err.expect_err("refused"), 1, 1..=200);
    assert!(message.contains("nested too deeply"), "{message}");
}

#[test]
fn control_characters_in_a_file_are_neutralised() {
    let example = common::example_text();
    let hostile = example
        .replacen(
            "title: \"Checkout payments failing after gateway config change\"",
            r#"title: "\u{1b}[2JCheckout\u{7} payments\rfailing""#,
            1,
        )
        .replacen("name: \"Wen Li\"", r#"name: "Wen\u{202e}iL\u{2066}""#, 1)
        .replacen(
            "\"https://grafana.fernhill.example/d/checkout-overview",
            r#""\u{9b}31mhttps://grafana.fernhill.example/d/checkout-overview"#,
            1,
        )
        // A raw escape and a raw tab, as a paste from a terminal leaves them.
        .replacen("notes: \"", "notes: \"\u{1b}]0;pwned\u{7}\tnote: ", 1);
    let r = decode(&hostile, path()).expect("controls in strings are not a syntax error");
    assert_eq!(r.title, "␛[2JCheckout␇ payments␍failing");
    assert_eq!(r.participants[1].name, "Wen<U+202E>iL<U+2066>");
    assert!(
        r.timeline[1].links[0].starts_with("<U+009B>31mhttps://"),
        "{:?}",
        r.timeline[1].links
    );
    assert!(
        r.notes.starts_with("␛]0;pwned␇ note: Priya"),
        "{:?}",
        r.notes
    );
    let saved = encode(&r);
    assert!(saved.chars().all(|c| c == '\n' || !c.is_control()));
    assert_eq!(decode(&saved, path()).expect("re-reading"), r);
}
