//! The shortcuts that save a facilitator keys, through the real keymap:
//! the quick entry that stays open and reads tags, values picked by a
//! digit or an initial, key moments taken from the timeline, fields that
//! clear, and the export that asks before making a folder.

mod common;

use chrono::{DateTime, Utc};
use common::keys::{press_at, typing_at};
use debrief::app::fields::FieldId;
use debrief::app::state::{App, Overlay, Pane, Workspace};
use debrief::app::{Action, Effect, Mode, update};
use debrief::domain::{
    ActionStatus, Area, EventKind, LearningKind, Offset, Phase, Priority, Review, ReviewKind,
    Severity, Text,
};

fn now() -> DateTime<Utc> {
    "2026-11-24T10:00:00Z".parse().unwrap()
}

fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    press_at(app, keys, now())
}

fn typing(app: &mut App, text: &str) -> Vec<Effect> {
    typing_at(app, text, now())
}

fn ws(app: &App) -> &Workspace {
    app.workspace().expect("a workspace")
}

fn empty() -> App {
    let created = "2026-11-23T09:00:00Z".parse().unwrap();
    common::sized(
        Review::new(
            "2026-11-23-login-failures-abcd".into(),
            Text::new("Login failures"),
            Severity::Sev2,
            ReviewKind::Full,
            created,
            "+01:00".parse::<Offset>().unwrap(),
        ),
        now(),
        (120, 40),
    )
}

/// An empty review with events typed in one quick entry, then closed.
fn with_events(lines: &[&str]) -> App {
    let mut app = empty();
    press(&mut app, "n");
    for line in lines {
        typing(&mut app, line);
        press(&mut app, "<enter>");
    }
    press(&mut app, "<esc>");
    assert!(app.overlays.is_empty());
    app
}

fn form_value(app: &App, id: FieldId) -> String {
    match app.overlays.last() {
        Some(Overlay::Form(form)) => form.get(id),
        other => panic!("no form open: {other:?}"),
    }
}

fn form_error(app: &App) -> String {
    match app.overlays.last() {
        Some(Overlay::Form(form)) => form.error.clone().unwrap_or_default(),
        other => panic!("no form open: {other:?}"),
    }
}

fn message(app: &App) -> String {
    app.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

#[test]
fn the_quick_entry_reads_tags_and_each_event_takes_the_phase_before_it() {
    let app = with_events(&[
        "16:02 gary: error rate alarm fired #alert #detection",
        "16:05 gary: looked at the dashboards",
        "16:07 ana: paged payments #esc #tri",
        "16:09 ana: asked in #incident-42",
    ]);
    let got: Vec<(&str, EventKind, Option<Phase>)> = ws(&app)
        .review
        .timeline
        .iter()
        .map(|e| (e.text.as_str(), e.kind, e.phase))
        .collect();
    assert_eq!(
        got,
        [
            (
                "error rate alarm fired",
                EventKind::Alert,
                Some(Phase::Detection)
            ),
            (
                "looked at the dashboards",
                EventKind::Action,
                Some(Phase::Detection)
            ),
            ("paged payments", EventKind::Escalation, Some(Phase::Triage)),
            (
                "asked in #incident-42",
                EventKind::Action,
                Some(Phase::Triage)
            ),
        ]
    );
}

#[test]
fn a_tag_that_could_be_two_things_keeps_the_line_and_says_why() {
    let mut app = empty();
    press(&mut app, "n");
    typing(&mut app, "16:02 gary: looked #de");
    assert!(press(&mut app, "<enter>").is_empty());
    assert!(
        form_error(&app).contains("decision or detection"),
        "{}",
        form_error(&app)
    );
    assert_eq!(
        form_value(&app, FieldId::QuickEvent),
        "16:02 gary: looked #de"
    );
    assert!(ws(&app).review.timeline.is_empty());
}

#[test]
fn phase_and_kind_are_picked_by_a_digit_or_an_initial() {
    let mut app = with_events(&["16:02 gary: one", "16:05 ana: two"]);
    press(&mut app, "g p");
    assert_eq!(app.mode(), Mode::Choose);
    press(&mut app, "3");
    assert_eq!(app.mode(), Mode::Workspace(Pane::Timeline));
    assert_eq!(
        ws(&app).review.timeline[0].phase,
        Some(Phase::Investigation)
    );
    press(&mut app, "p t");
    assert_eq!(ws(&app).review.timeline[0].phase, Some(Phase::Triage));
    press(&mut app, "p 0");
    assert_eq!(ws(&app).review.timeline[0].phase, None);
    // Space takes the next value, as the old cycling did.
    press(&mut app, "p <space>");
    assert_eq!(ws(&app).review.timeline[0].phase, Some(Phase::Detection));
    press(&mut app, "K 5");
    assert_eq!(ws(&app).review.timeline[0].kind, EventKind::Conversation);
    press(&mut app, "K d");
    assert_eq!(ws(&app).review.timeline[0].kind, EventKind::Decision);
    // An initial two values share takes neither; Esc leaves it.
    press(&mut app, "p i");
    assert_eq!(app.mode(), Mode::Choose);
    assert!(
        message(&app).contains("'i' takes no phase"),
        "{}",
        message(&app)
    );
    press(&mut app, "<esc>");
    assert_eq!(app.mode(), Mode::Workspace(Pane::Timeline));
    assert_eq!(ws(&app).review.timeline[0].phase, Some(Phase::Detection));
    // Each pick is one step of undo.
    press(&mut app, "u");
    assert_eq!(ws(&app).review.timeline[0].kind, EventKind::Conversation);
}

#[test]
fn learnings_factors_and_action_items_pick_their_values_directly() {
    let mut app = app_with_items();
    press(&mut app, "2 g t 2");
    assert_eq!(
        ws(&app).review.learnings[0].kind,
        LearningKind::NeedsImprovement
    );
    press(&mut app, "3 g r t");
    assert_eq!(ws(&app).review.factors[0].area, Area::Technology);
    press(&mut app, "4 g p l");
    assert_eq!(ws(&app).review.actions[0].priority, Some(Priority::Low));
    press(&mut app, "p 0");
    assert_eq!(ws(&app).review.actions[0].priority, None);
    press(&mut app, "t d");
    assert_eq!(ws(&app).review.actions[0].status, ActionStatus::Done);
}

fn app_with_items() -> App {
    let mut app = common::sized(common::example(), now(), (120, 40));
    press(&mut app, "1");
    app
}

#[test]
fn one_key_and_an_initial_make_an_event_time_a_key_moment() {
    let mut app = with_events(&["16:02 gary: alarm", "16:05 ana: acked", "16:40 ana: fixed"]);
    press(&mut app, "g j M d");
    let r = &ws(&app).review;
    assert_eq!(r.moments.detected, Some(r.timeline[1].at));
    assert!(
        message(&app).contains("Detected at 16:05"),
        "{}",
        message(&app)
    );
    press(&mut app, "G M 5");
    let r = &ws(&app).review;
    assert_eq!(r.moments.resolved, Some(r.timeline[2].at));
    press(&mut app, "u");
    assert_eq!(ws(&app).review.moments.resolved, None, "undone in one step");
}

#[test]
fn the_key_moments_form_offers_the_events_times() {
    let mut app = with_events(&["16:02 gary: alarm", "16:05 ana: acked"]);
    press(&mut app, "6 j <enter>");
    assert_eq!(
        form_value(&app, FieldId::Review(debrief::domain::Field::Started)),
        ""
    );
    press(&mut app, "<right>");
    assert_eq!(
        form_value(&app, FieldId::Review(debrief::domain::Field::Started)),
        "16:02"
    );
    press(&mut app, "<right>");
    assert_eq!(
        form_value(&app, FieldId::Review(debrief::domain::Field::Started)),
        "16:05",
        "again: the next event's time"
    );
    press(&mut app, "<c-s>");
    let r = &ws(&app).review;
    assert_eq!(r.moments.started, Some(r.timeline[1].at));
}

#[test]
fn a_visible_key_clears_a_field_and_another_brings_it_back() {
    let mut app = empty();
    press(&mut app, "n");
    typing(&mut app, "16:02 a typo");
    press(&mut app, "<c-u>");
    assert_eq!(form_value(&app, FieldId::QuickEvent), "");
    press(&mut app, "<c-z>");
    assert_eq!(form_value(&app, FieldId::QuickEvent), "16:02 a typo");
}

#[test]
fn a_choice_in_a_form_takes_a_digit_or_an_initial() {
    let mut app = empty();
    press(&mut app, "a");
    typing(&mut app, "16:02");
    press(&mut app, "<tab> <tab>");
    typing(&mut app, "alarm");
    // Kind: 1 is the first kind; Phase: 0 is none, 2 the second phase.
    press(&mut app, "<tab> 1 <tab> 2 <tab> n");
    assert_eq!(form_value(&app, FieldId::EventKind), "alert");
    assert_eq!(form_value(&app, FieldId::Phase), "triage");
    assert_eq!(form_value(&app, FieldId::Impact), "negative");
    press(&mut app, "<c-s>");
    let e = &ws(&app).review.timeline[0];
    assert_eq!(
        (e.kind, e.phase, e.impact),
        (
            EventKind::Alert,
            Some(Phase::Triage),
            debrief::domain::Impact::Negative
        )
    );
}

#[test]
fn the_event_form_keeps_links_and_the_learning_form_its_events() {
    let mut app = with_events(&["16:02 gary: alarm", "16:05 ana: acked"]);
    press(&mut app, "g <enter>");
    // Time, actor, text, kind, phase, impact: then the links.
    press(&mut app, "<tab> <tab> <tab> <tab> <tab> <tab>");
    typing(
        &mut app,
        "https://grafana.example/d/1 https://chat.example/m/2",
    );
    press(&mut app, "<c-s>");
    let links: Vec<&str> = ws(&app).review.timeline[0]
        .links
        .iter()
        .map(|l| l.as_str())
        .collect();
    assert_eq!(
        links,
        ["https://grafana.example/d/1", "https://chat.example/m/2"]
    );
    press(&mut app, "2 a");
    typing(&mut app, "The alarm was clear");
    press(&mut app, "<tab> <tab>");
    typing(&mut app, "16:09");
    press(&mut app, "<c-s>");
    assert!(
        form_error(&app).contains("no event at '16:09'"),
        "{}",
        form_error(&app)
    );
    press(&mut app, "<c-u>");
    typing(&mut app, "16:02, 16:05");
    press(&mut app, "<c-s>");
    let r = &ws(&app).review;
    assert_eq!(r.learnings[0].events, [r.timeline[0].id, r.timeline[1].id]);
    // Edited again, the form shows the events by their times.
    press(&mut app, "<enter>");
    assert_eq!(form_value(&app, FieldId::LinkedEvents), "16:02, 16:05");
}

#[test]
fn export_to_a_missing_folder_asks_before_making_it() {
    let mut app = with_events(&["16:02 gary: alarm"]);
    press(&mut app, "E");
    typing(&mut app, "/tmp/not-there/reports");
    let effects = press(&mut app, "<enter>");
    assert_eq!(
        effects.first(),
        Some(&Effect::Export {
            folder: Some("/tmp/not-there/reports".into())
        })
    );
    // The runtime finds no such folder and says so; nothing is made.
    update(
        &mut app,
        Action::ExportFolderMissing("/tmp/not-there/reports".into()),
        now(),
    );
    assert!(
        form_error(&app).starts_with("There is no folder /tmp/not-there/reports"),
        "{}",
        form_error(&app)
    );
    assert_eq!(form_value(&app, FieldId::Folder), "/tmp/not-there/reports");
    // Enter again: made, as asked.
    let effects = press(&mut app, "<enter>");
    assert_eq!(
        effects.first(),
        Some(&Effect::ExportMaking {
            folder: "/tmp/not-there/reports".into()
        })
    );
    // A folder changed after the question is asked about again.
    update(
        &mut app,
        Action::ExportFolderMissing("/tmp/not-there/reports".into()),
        now(),
    );
    typing(&mut app, "2");
    let effects = press(&mut app, "<enter>");
    assert_eq!(
        effects.first(),
        Some(&Effect::Export {
            folder: Some("/tmp/not-there/reports2".into())
        })
    );
}
