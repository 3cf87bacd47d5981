//! Keys typed into the quick review's texts: after each one, the texts
//! as read equal the texts read whole, and what differs from what was
//! applied is what a comparison of every line says.

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};

use super::Step;
use super::state::Quick;
use super::{ACTIONS, EVENTS, IMPROVE, SLOTS, WENT_WELL};
use crate::app::Effect;
use crate::app::{Access, Action, App, Overlay, Screen, Workspace, update};
use crate::domain::quick::Checked;
use crate::domain::quick::{read_actions, read_events, read_learnings};
use crate::domain::{
    Event, EventKind, LearningKind, Moment, Offset, Phase, Review, ReviewKind, Severity, Source,
    Text,
};

fn now() -> DateTime<Utc> {
    "2026-11-24T10:00:00Z".parse().unwrap()
}

fn app() -> App {
    app_of(|_| {})
}

/// The app over a review of four events, 09:00 to 09:21 in its offset,
/// changed by `change` first.
fn app_of(change: impl FnOnce(&mut Review)) -> App {
    let mut r = Review::new(
        "r".into(),
        Text::new("Login failures"),
        Severity::Sev3,
        ReviewKind::Quick,
        "2026-11-24T09:00:00Z".parse().unwrap(),
        "+01:00".parse::<Offset>().unwrap(),
    );
    for (i, text) in ["saw errors", "paged ana", "rolled back", "all clear"]
        .iter()
        .enumerate()
    {
        let at = "2026-11-24T08:00:00Z".parse::<DateTime<Utc>>().unwrap()
            + chrono::TimeDelta::minutes(i as i64 * 7);
        r.add_event(Event::new(at, Text::new(*text), Source::Typed));
    }
    change(&mut r);
    let ws = Workspace::new(r, None, Access::ReadWrite);
    let mut app = App::new(Screen::Workspace(Box::new(ws)), now());
    update(&mut app, Action::Resize(80, 24), now());
    app
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Action {
    Action::Key(KeyEvent {
        code,
        modifiers,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    })
}

fn quick(app: &App) -> &Quick {
    match app.overlays.last() {
        Some(Overlay::Quick(q)) => q,
        other => panic!("the quick review is not open: {other:?}"),
    }
}

/// The texts as kept up to date equal the texts read whole, and each
/// text differs from what was applied exactly when its lines do.
#[track_caller]
fn assert_read_whole(app: &App, after: &str) {
    let q = quick(app);
    let r = &app.workspace().unwrap().review;
    let events = read_events(r, &q.origin[EVENTS], q.events.lines());
    assert_eq!(q.event_checks(), events.checks(), "events after {after}");
    assert_eq!(
        q.events_read(),
        (events.good(), events.bad_rows()),
        "{after}"
    );
    let actions = read_actions(r, q.today, &q.origin[ACTIONS], q.actions.lines());
    assert_eq!(q.action_checks(), actions.checks(), "actions after {after}");
    for (slot, kind) in [
        (WENT_WELL, LearningKind::WentWell),
        (IMPROVE, LearningKind::NeedsImprovement),
    ] {
        let whole = read_learnings(r, kind, &q.origin[slot], q.slot(slot).lines());
        let read = if slot == WENT_WELL {
            &q.read.went_well
        } else {
            &q.read.improve
        };
        assert_eq!(read.checks(), whole.checks(), "learnings after {after}");
    }
    for slot in 0..SLOTS {
        let differs = q.slot(slot).lines() != q.applied[slot].as_slice();
        assert_eq!(q.changed(slot), differs, "slot {slot} after {after}");
    }
}

#[test]
fn every_edit_is_read_as_the_whole_text_would_be() {
    let mut app = app();
    update(
        &mut app,
        key(KeyCode::Char('Q'), KeyModifiers::SHIFT),
        now(),
    );
    let none = KeyModifiers::NONE;
    let ctrl = KeyModifiers::CONTROL;
    let shift = KeyModifiers::SHIFT;
    let steps: Vec<(&str, Action)> = vec![
        ("x at the end", key(KeyCode::Char('x'), none)),
        ("Backspace", key(KeyCode::Backspace, none)),
        ("Backspace", key(KeyCode::Backspace, none)),
        ("Up", key(KeyCode::Up, none)),
        ("Home", key(KeyCode::Home, none)),
        ("Backspace joining two lines", key(KeyCode::Backspace, none)),
        ("Enter splitting them again", key(KeyCode::Enter, none)),
        ("a tab", key(KeyCode::Char('\t'), none)),
        ("Delete", key(KeyCode::Delete, none)),
        ("End", key(KeyCode::End, none)),
        ("Delete joining the next line", key(KeyCode::Delete, none)),
        ("Enter", key(KeyCode::Enter, none)),
        ("a date", Action::Paste("2026-11-23 23:50 late".into())),
        ("Enter", key(KeyCode::Enter, none)),
        (
            "lines pasted",
            Action::Paste("16:02 a\r\n\r\nnonsense\n16:03".into()),
        ),
        ("a selection up", key(KeyCode::Up, shift)),
        ("and left", key(KeyCode::Left, shift)),
        ("typed over", key(KeyCode::Char('y'), none)),
        ("up", key(KeyCode::Up, none)),
        ("up", key(KeyCode::Up, none)),
        ("the start of the line", key(KeyCode::Home, none)),
        ("a selection down", key(KeyCode::Down, shift)),
        ("and right", key(KeyCode::Right, shift)),
        ("Enter over it", key(KeyCode::Enter, none)),
        ("undo", key(KeyCode::Char('u'), ctrl)),
        ("undo", key(KeyCode::Char('u'), ctrl)),
        ("redo", key(KeyCode::Char('r'), ctrl)),
        ("cut to the end", key(KeyCode::Char('k'), ctrl)),
        ("yank", key(KeyCode::Char('y'), ctrl)),
        ("word deleted", key(KeyCode::Char('w'), ctrl)),
        ("Ctrl-M", key(KeyCode::Char('m'), ctrl)),
        ("on to the key moments", key(KeyCode::Tab, none)),
        ("a time", key(KeyCode::Char('9'), none)),
        ("to the learnings", key(KeyCode::Char('n'), ctrl)),
        (
            "a learning",
            Action::Paste("paging  worked\nalerts\tlate".into()),
        ),
        ("Backspace", key(KeyCode::Backspace, none)),
        ("to improve", key(KeyCode::Tab, none)),
        ("one to improve", key(KeyCode::Char('z'), none)),
        ("to the action items", key(KeyCode::Char('n'), ctrl)),
        ("an action", Action::Paste("alert @gary\n@mo".into())),
        ("Enter", key(KeyCode::Enter, none)),
        ("back to the timeline", key(KeyCode::Char('p'), ctrl)),
        ("back", key(KeyCode::Char('p'), ctrl)),
        ("back", key(KeyCode::Char('p'), ctrl)),
        ("x", key(KeyCode::Char('x'), none)),
    ];
    assert_read_whole(&app, "opening");
    for (what, action) in steps {
        update(&mut app, action, now());
        assert_read_whole(&app, what);
    }
}

fn press(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    update(app, key(code, modifiers), now());
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c), KeyModifiers::NONE);
    }
}

fn open(app: &mut App) {
    press(app, KeyCode::Char('Q'), KeyModifiers::SHIFT);
}

fn review(app: &App) -> &Review {
    &app.workspace().unwrap().review
}

fn local(app: &App, at: Option<DateTime<Utc>>) -> Option<String> {
    at.map(|at| review(app).offset.local(at).format("%H:%M").to_string())
}

#[test]
fn typing_over_an_offered_time_replaces_it() {
    let mut app = app();
    open(&mut app);
    press(&mut app, KeyCode::Tab, KeyModifiers::NONE);
    press(&mut app, KeyCode::Down, KeyModifiers::NONE);
    assert_eq!(quick(&app).moments[1].lines(), ["09:00"]);
    assert!(quick(&app).offered(1));
    typed(&mut app, "09:05");
    assert_eq!(quick(&app).moments[1].lines(), ["09:05"], "not 09:0009:05");
    // Moved into, the offer is edited in place.
    for _ in 0..3 {
        press(&mut app, KeyCode::Down, KeyModifiers::NONE);
    }
    assert_eq!(quick(&app).moments[4].lines(), ["09:21"]);
    press(&mut app, KeyCode::Left, KeyModifiers::NONE);
    press(&mut app, KeyCode::Backspace, KeyModifiers::NONE);
    typed(&mut app, "5");
    assert_eq!(quick(&app).moments[4].lines(), ["09:51"]);
    press(&mut app, KeyCode::Char('n'), KeyModifiers::CONTROL);
    let m = review(&app).moments.clone();
    assert_eq!(
        local(&app, m.get(Moment::Detected)).as_deref(),
        Some("09:05")
    );
    assert_eq!(
        local(&app, m.get(Moment::Resolved)).as_deref(),
        Some("09:51")
    );
}

#[test]
fn a_paste_over_an_offered_time_replaces_it() {
    let mut app = app();
    open(&mut app);
    press(&mut app, KeyCode::Tab, KeyModifiers::NONE);
    press(&mut app, KeyCode::Down, KeyModifiers::NONE);
    update(&mut app, Action::Paste("09:03".into()), now());
    assert_eq!(quick(&app).moments[1].lines(), ["09:03"]);
}

#[test]
fn detection_is_offered_from_the_first_alert_or_detection_event() {
    // The first event is the change that caused it; the alert came next.
    let mut app = app_of(|r| r.timeline[1].kind = EventKind::Alert);
    open(&mut app);
    press(&mut app, KeyCode::Tab, KeyModifiers::NONE);
    assert_eq!(quick(&app).moments[1].lines(), ["09:07"]);
    assert_eq!(quick(&app).offered_from(1), Some("first alert"));
    assert_eq!(quick(&app).offered_from(4), Some("last event"));

    let mut app = app_of(|r| r.timeline[2].phase = Some(Phase::Detection));
    open(&mut app);
    press(&mut app, KeyCode::Tab, KeyModifiers::NONE);
    assert_eq!(quick(&app).moments[1].lines(), ["09:14"]);
    assert_eq!(quick(&app).offered_from(1), Some("first detection"));

    // Neither: the first event, as before.
    let mut app = super::tests::app();
    open(&mut app);
    press(&mut app, KeyCode::Tab, KeyModifiers::NONE);
    assert_eq!(quick(&app).moments[1].lines(), ["09:00"]);
    assert_eq!(quick(&app).offered_from(1), Some("first event"));
}

#[test]
fn an_action_line_takes_a_due_date() {
    let mut app = app();
    open(&mut app);
    for _ in 0..3 {
        press(&mut app, KeyCode::Char('n'), KeyModifiers::CONTROL);
    }
    assert_eq!(quick(&app).step, Step::Actions);
    // Today is Tuesday 2026-11-24: Friday is the 27th.
    typed(&mut app, "Alert on login errors @gary due:fri");
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    typed(&mut app, "Runbook @ana !low due:+2w");
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    typed(&mut app, "Ask support @mo due:someday");
    let bad = &quick(&app).action_checks()[2];
    match bad {
        Checked::Bad(why) => assert!(why.contains("'someday' is not a date"), "{why}"),
        other => panic!("a bad due date read as {other:?}"),
    }
    press(&mut app, KeyCode::Char('n'), KeyModifiers::CONTROL);
    let due: Vec<_> = review(&app).actions.iter().map(|a| a.due).collect();
    let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 11, d);
    assert_eq!(
        due,
        [
            day(27),
            Some(chrono::NaiveDate::from_ymd_opt(2026, 12, 8).unwrap())
        ]
    );
    // Shown again as the review holds it; the bad line kept.
    assert_eq!(
        quick(&app).actions.lines(),
        [
            "Alert on login errors @gary due:2026-11-27",
            "Runbook @ana !low due:2026-12-08",
            "Ask support @mo due:someday",
        ]
    );
}

#[test]
fn the_last_step_takes_a_short_public_summary() {
    let mut app = app();
    open(&mut app);
    for _ in 0..4 {
        press(&mut app, KeyCode::Char('n'), KeyModifiers::CONTROL);
    }
    assert_eq!(quick(&app).step, Step::Export);
    assert_eq!(quick(&app).field, 0);
    typed(&mut app, "Logins failed for a while");
    press(&mut app, KeyCode::Down, KeyModifiers::NONE);
    assert_eq!(quick(&app).field, 1);
    // A paste stays on one line.
    update(
        &mut app,
        Action::Paste("A third of\nsign-ins".into()),
        now(),
    );
    assert_eq!(quick(&app).impact.lines(), ["A third of sign-ins"]);
    press(&mut app, KeyCode::Up, KeyModifiers::NONE);
    assert_eq!(quick(&app).field, 0);
    let effects = { update(&mut app, key(KeyCode::Enter, KeyModifiers::NONE), now()) };
    assert!(
        effects.contains(&Effect::Export { folder: None }),
        "{effects:?}"
    );
    assert!(app.overlays.is_empty());
    let s = &review(&app).summary;
    assert_eq!(s.summary.as_str(), "Logins failed for a while");
    assert_eq!(s.customer_impact.as_str(), "A third of sign-ins");
    // One change to undo.
    press(&mut app, KeyCode::Char('u'), KeyModifiers::NONE);
    assert!(review(&app).summary.summary.is_empty());
    assert!(review(&app).summary.customer_impact.is_empty());
}
