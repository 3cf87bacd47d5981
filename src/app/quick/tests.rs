//! Keys typed into the quick review's texts: after each one, the texts
//! as read equal the texts read whole, and what differs from what was
//! applied is what a comparison of every line says.

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};

use super::state::Quick;
use super::{ACTIONS, EVENTS, IMPROVE, SLOTS, WENT_WELL};
use crate::app::{Access, Action, App, Overlay, Screen, Workspace, update};
use crate::domain::quick::{read_actions, read_events, read_learnings};
use crate::domain::{Event, LearningKind, Offset, Review, ReviewKind, Severity, Source, Text};

fn now() -> DateTime<Utc> {
    "2026-11-24T10:00:00Z".parse().unwrap()
}

fn app() -> App {
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
    let actions = read_actions(r, &q.origin[ACTIONS], q.actions.lines());
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
