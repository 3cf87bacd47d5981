//! The workspace's behaviour through the real keymap: keys in, state out.

mod common;

use chrono::{DateTime, Utc};
use common::keys::{press_at, typing_at};
use debrief::app::commands::CommandId;
use debrief::app::history::DEPTH;
use debrief::app::state::{Access, App, Level, Overlay, Pane, PickerEntry, Screen, Workspace};
use debrief::app::{Action, Effect, update};
use debrief::domain::{
    ActionStatus, Check, EventKind, Impact, Offset, Phase, Priority, Review, ReviewKind, Severity,
    Stage, Status, Text,
};

fn now() -> DateTime<Utc> {
    "2026-11-24T10:00:00Z".parse().unwrap()
}

fn app_with(review: Review) -> App {
    common::sized(review, now(), (120, 40))
}

fn empty() -> App {
    let created = "2026-11-23T09:00:00Z".parse().unwrap();
    app_with(Review::new(
        "2026-11-23-login-failures-abcd".into(),
        Text::new("Login failures"),
        Severity::Sev2,
        ReviewKind::Full,
        created,
        "+01:00".parse::<Offset>().unwrap(),
    ))
}

/// Presses keys given as space-separated tokens: `j`, `G`, `<enter>`,
/// `<c-s>`, `<s-tab>`. Returns every effect produced.
fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    press_at(app, keys, now())
}

fn minutes(n: i64) -> DateTime<Utc> {
    now() + chrono::TimeDelta::minutes(n)
}

/// Types text character by character.
fn typing(app: &mut App, text: &str) -> Vec<Effect> {
    typing_at(app, text, now())
}

fn ws(app: &App) -> &Workspace {
    app.workspace().expect("a workspace")
}

fn timeline(app: &App) -> Vec<String> {
    ws(app)
        .review
        .timeline
        .iter()
        .map(|e| {
            let at = ws(app).review.offset.local(e.at).format("%H:%M");
            format!("{at} {}: {}", e.actor.as_deref().unwrap_or("-"), e.text)
        })
        .collect()
}

fn message(app: &App) -> String {
    app.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

#[test]
fn quick_entry_files_events_in_time_order_and_saves() {
    let mut app = empty();
    press(&mut app, "n");
    for line in [
        "16:10 ana: rolled back",
        "16:02 gary: saw the login page fail",
        "16:05 paged on-call",
    ] {
        typing(&mut app, line);
        let effects = press(&mut app, "<enter>");
        assert!(effects.contains(&Effect::Save), "{effects:?}");
        assert!(effects.contains(&Effect::ClearDraft));
        let Some(Overlay::Form(form)) = app.overlays.last() else {
            panic!("the quick entry stays open for the next event")
        };
        assert_eq!(form.get(debrief::app::fields::FieldId::QuickEvent), "");
    }
    press(&mut app, "<esc>");
    assert!(app.overlays.is_empty(), "Esc closes the quick entry");
    assert_eq!(
        timeline(&app),
        [
            "16:02 gary: saw the login page fail",
            "16:05 -: paged on-call",
            "16:10 ana: rolled back"
        ]
    );
    assert_eq!(
        ws(&app).cursor(Pane::Timeline).selected,
        1,
        "the last event filed is selected"
    );
    assert_eq!(ws(&app).revision, 3);
}

#[test]
fn a_refused_quick_entry_keeps_what_was_typed() {
    let mut app = empty();
    press(&mut app, "n");
    typing(&mut app, "saw it fail");
    let effects = press(&mut app, "<enter>");
    assert!(effects.is_empty());
    let Some(Overlay::Form(form)) = app.overlays.last() else {
        panic!("the form stays open")
    };
    assert!(
        form.error
            .as_deref()
            .unwrap_or_default()
            .contains("16:02 gary"),
        "{:?}",
        form.error
    );
    assert_eq!(
        form.get(debrief::app::fields::FieldId::QuickEvent),
        "saw it fail"
    );
    assert!(ws(&app).review.timeline.is_empty());
}

#[test]
fn typing_in_a_form_keeps_a_draft_and_cancel_drops_it() {
    let mut app = empty();
    press(&mut app, "2 a");
    let effects = typing(&mut app, "Paging");
    assert!(
        matches!(effects.last(), Some(Effect::SaveDraft(d)) if d.contains("Learning: Paging")),
        "{effects:?}"
    );
    assert_eq!(press(&mut app, "<esc>"), [Effect::ClearDraft]);
    assert!(app.overlays.is_empty());
}

#[test]
fn one_key_cycles_impact_and_phase_and_toggles_the_star() {
    let mut app = app_with(common::example());
    press(&mut app, "1 g");
    let first = ws(&app).review.timeline[0].clone();
    press(&mut app, "m");
    assert_eq!(ws(&app).review.timeline[0].impact, first.impact.cycle());
    press(&mut app, "s");
    assert_eq!(ws(&app).review.timeline[0].starred, !first.starred);
    let mut phases = Vec::new();
    for _ in 0..=Phase::ALL.len() {
        // p opens the choice of phase; space takes the next one.
        press(&mut app, "p <space>");
        phases.push(ws(&app).review.timeline[0].phase);
    }
    assert!(
        phases.contains(&None) && Phase::ALL.iter().all(|p| phases.contains(&Some(*p))),
        "{phases:?}"
    );
    let impacts: Vec<Impact> = (0..4)
        .map(|_| {
            press(&mut app, "m");
            ws(&app).review.timeline[0].impact
        })
        .collect();
    assert!(Impact::ALL.iter().all(|i| impacts.contains(i)));
}

#[test]
fn delete_needs_no_confirmation_and_undo_brings_it_back() {
    let mut app = app_with(common::example());
    press(&mut app, "4 j");
    let before = ws(&app).review.actions.clone();
    let effects = press(&mut app, "x");
    assert_eq!(effects, [Effect::Save]);
    assert_eq!(ws(&app).review.actions.len(), before.len() - 1);
    assert!(
        message(&app).contains("undo"),
        "the status bar says how to undo: {}",
        message(&app)
    );
    press(&mut app, "u");
    assert_eq!(ws(&app).review.actions, before);
    assert_eq!(ws(&app).cursor(Pane::Actions).selected, 1);
    press(&mut app, "<c-r>");
    assert_eq!(ws(&app).review.actions.len(), before.len() - 1);
}

#[test]
fn undo_goes_back_at_least_a_hundred_steps_and_redo_replays_them() {
    let mut app = empty();
    let original = ws(&app).review.clone();
    for i in 0..150 {
        press(&mut app, "5 a");
        typing(&mut app, &format!("idea {i}"));
        press(&mut app, "<c-s>");
    }
    let full = ws(&app).review.clone();
    assert_eq!(full.parking_lot.len(), 150);
    press(&mut app, &"u ".repeat(150));
    assert_eq!(
        ws(&app).review.parking_lot,
        original.parking_lot,
        "150 steps undone"
    );
    press(&mut app, &"<c-r> ".repeat(150));
    assert_eq!(ws(&app).review.parking_lot, full.parking_lot);
    const { assert!(DEPTH >= 100) };
}

#[test]
fn editing_an_event_time_moves_it_and_undo_puts_it_back() {
    let mut app = empty();
    press(&mut app, "n");
    for line in ["16:00 a: one", "16:10 b: two", "16:20 c: three"] {
        typing(&mut app, line);
        press(&mut app, "<enter>");
    }
    press(&mut app, "<esc> g <enter>");
    let Some(Overlay::Form(form)) = app.overlays.last() else {
        panic!("edit form")
    };
    assert_eq!(form.get(debrief::app::fields::FieldId::Time), "16:00");
    press(&mut app, "<bs> <bs>");
    typing(&mut app, "30");
    press(&mut app, "<c-s>");
    assert_eq!(
        timeline(&app),
        ["16:10 b: two", "16:20 c: three", "16:30 a: one"]
    );
    assert_eq!(
        ws(&app).cursor(Pane::Timeline).selected,
        2,
        "the selection follows the event"
    );
    press(&mut app, "u");
    assert_eq!(
        timeline(&app),
        ["16:00 a: one", "16:10 b: two", "16:20 c: three"]
    );
}

#[test]
fn an_action_item_form_completes_owners_and_cycles_choices() {
    let mut app = app_with(common::example());
    press(&mut app, "4 a");
    typing(&mut app, "Alert on pool saturation");
    press(&mut app, "<tab>");
    typing(&mut app, "wen");
    press(&mut app, "<right>");
    press(&mut app, "<tab> <space>");
    let effects = press(&mut app, "<c-s>");
    assert!(effects.contains(&Effect::Save));
    let a = ws(&app).review.actions.last().unwrap().clone();
    assert_eq!(a.text, "Alert on pool saturation");
    assert_eq!(
        a.owner.as_deref(),
        Some("Wen Li"),
        "completed from the participants"
    );
    assert_eq!(a.priority, Some(Priority::High));
    assert_eq!(
        ws(&app).cursor(Pane::Actions).selected,
        ws(&app).review.actions.len() - 1
    );
    press(&mut app, "t <space>");
    assert_eq!(
        ws(&app).review.actions.last().unwrap().status,
        ActionStatus::InProgress
    );
}

#[test]
fn a_parking_lot_item_becomes_an_action_item_in_one_key() {
    let mut app = app_with(common::example());
    press(&mut app, "5 g");
    let idea = ws(&app).review.parking_lot[0].text.clone();
    let (parked, actions) = (
        ws(&app).review.parking_lot.len(),
        ws(&app).review.actions.len(),
    );
    press(&mut app, "A");
    assert_eq!(ws(&app).review.parking_lot.len(), parked - 1);
    assert_eq!(ws(&app).review.actions.last().unwrap().text, idea);
    assert_eq!(ws(&app).focus, Pane::Actions);
    press(&mut app, "u");
    assert_eq!(
        (
            ws(&app).review.parking_lot.len(),
            ws(&app).review.actions.len()
        ),
        (parked, actions)
    );
}

#[test]
fn the_palette_runs_a_command_found_by_name() {
    let mut app = empty();
    press(&mut app, ":");
    typing(&mut app, "details");
    press(&mut app, "<enter>");
    assert!(app.overlays.is_empty());
    assert_eq!(ws(&app).focus, Pane::Details);
    press(&mut app, "<c-p>");
    typing(&mut app, "xyzzy");
    press(&mut app, "<enter>");
    assert!(app.overlays.is_empty(), "nothing matched, nothing ran");
}

#[test]
fn help_opens_and_closes() {
    let mut app = empty();
    press(&mut app, "?");
    assert!(matches!(
        app.overlays.last(),
        Some(Overlay::Help { scroll: 0 })
    ));
    press(&mut app, "j j");
    assert!(matches!(
        app.overlays.last(),
        Some(Overlay::Help { scroll: 2 })
    ));
    press(&mut app, "<esc>");
    assert!(app.overlays.is_empty());
}

#[test]
fn key_moments_and_summary_are_edited_in_the_details_pane() {
    let mut app = empty();
    press(&mut app, "6 j <enter>");
    typing(&mut app, "2026-11-23 15:50");
    press(&mut app, "<tab>");
    typing(&mut app, "16:02");
    press(&mut app, "<c-s>");
    let r = &ws(&app).review;
    assert_eq!(
        r.moments.started.unwrap().to_rfc3339(),
        "2026-11-23T14:50:00+00:00"
    );
    assert_eq!(
        r.moments.detected.unwrap().to_rfc3339(),
        "2026-11-23T15:02:00+00:00"
    );

    press(&mut app, "j <enter>");
    typing(&mut app, "Logins failed for some users");
    press(&mut app, "<tab>");
    typing(&mut app, "auth, web");
    press(&mut app, "<c-s>");
    assert_eq!(ws(&app).review.summary.services.len(), 2);

    press(&mut app, "g <enter>");
    press(&mut app, "<tab> <tab> <tab> <space>");
    press(&mut app, "<c-s>");
    assert_eq!(ws(&app).review.status, Status::InReview);
    press(&mut app, "u");
    assert_eq!(ws(&app).review.status, Status::Draft);
}

#[test]
fn a_bad_time_in_the_moments_form_changes_nothing() {
    let mut app = empty();
    press(&mut app, "6 j <enter>");
    typing(&mut app, "noon");
    let effects = press(&mut app, "<c-s>");
    assert!(effects.is_empty());
    let Some(Overlay::Form(form)) = app.overlays.last() else {
        panic!("form stays open")
    };
    assert!(
        form.error
            .as_deref()
            .unwrap_or_default()
            .starts_with("Impact started:"),
        "{:?}",
        form.error
    );
    assert_eq!(ws(&app).review.moments.started, None);
    assert_eq!(ws(&app).revision, 0);
}

#[test]
fn pasting_into_a_form_inserts_text() {
    let mut app = empty();
    press(&mut app, "n");
    update(
        &mut app,
        Action::Paste("16:02 gary: saw\nthe page fail".into()),
        now(),
    );
    press(&mut app, "<enter>");
    assert_eq!(
        timeline(&app),
        ["16:02 gary: saw the page fail"],
        "a paste into one line joins its lines"
    );
}

#[test]
fn a_read_only_review_refuses_changes_and_says_why() {
    let review = common::example();
    let before = review.clone();
    let ws = Workspace::new(
        review,
        None,
        Access::ReadOnly("debrief (pid 7 on box)".into()),
    );
    let mut app = App::new(Screen::Workspace(Box::new(ws)), now());
    for keys in ["x", "a", "n", "m", "u"] {
        let effects = press(&mut app, keys);
        assert!(effects.is_empty(), "{keys}: {effects:?}");
        assert!(app.overlays.is_empty(), "{keys} opened a form");
    }
    assert_eq!(app.workspace().unwrap().review, before);
    assert!(message(&app).contains("pid 7"), "{}", message(&app));
    assert_eq!(app.message.as_ref().unwrap().level, Level::Warning);
}

#[test]
fn saving_results_update_the_save_state() {
    let mut app = empty();
    press(&mut app, "5 a");
    typing(&mut app, "x");
    press(&mut app, "<c-s>");
    assert_eq!(
        ws(&app).save_state(),
        debrief::app::state::SaveState::Pending
    );
    update(
        &mut app,
        Action::Saved {
            revision: 1,
            result: Err("disk full".into()),
        },
        now(),
    );
    assert!(
        matches!(ws(&app).save_state(), debrief::app::state::SaveState::Failed(e) if e == "disk full")
    );
    assert_eq!(app.message.as_ref().unwrap().level, Level::Error);
    update(
        &mut app,
        Action::Saved {
            revision: 1,
            result: Ok(()),
        },
        now(),
    );
    assert_eq!(ws(&app).save_state(), debrief::app::state::SaveState::Saved);
}

#[test]
fn export_and_quit_are_effects_for_the_runtime() {
    let mut app = empty();
    assert_eq!(press(&mut app, "e"), [Effect::Export { folder: None }]);
    assert_eq!(press(&mut app, "q"), [Effect::Quit]);
    assert!(app.quit);
}

#[test]
fn the_picker_filters_and_opens() {
    let entry = |id: &str, title: &str| PickerEntry {
        path: format!("/r/{id}.ron").into(),
        id: id.into(),
        date: "2026-11-20".into(),
        severity: Severity::Sev2,
        status: Status::Draft,
        title: title.into(),
        open_actions: 0,
    };
    let screen = debrief::app::update::picker(
        vec![
            entry("a-1", "Checkout down"),
            entry("b-2", "Login slow"),
            entry("c-3", "Login broken"),
        ],
        Vec::new(),
    );
    let mut app = App::new(screen, now());
    typing(&mut app, "login");
    press(&mut app, "<down>");
    assert_eq!(
        press(&mut app, "<enter>"),
        [Effect::Open("/r/c-3.ron".into())]
    );
    press(&mut app, "<c-n>");
    assert!(matches!(app.overlays.last(), Some(Overlay::Form(_))));
    typing(&mut app, "New one");
    let effects = press(&mut app, "<enter>");
    assert!(
        matches!(&effects[..], [Effect::Create { title, severity: Severity::Sev3 }, Effect::ClearDraft] if title == "New one"),
        "{effects:?}"
    );
}

#[test]
fn every_command_in_the_table_is_reachable_from_the_palette_or_a_key() {
    let map = debrief::app::keymap::Keymap::defaults();
    for c in debrief::app::commands::all() {
        assert!(
            !map.keys(c.scope, c.id).is_empty() || c.id == CommandId::Quit,
            "{} has no key",
            c.name
        );
    }
}

#[test]
fn flagged_words_can_be_kept_as_a_quote_and_flagged_again() {
    let mut review = common::example();
    review.learnings[0].text = Text::new("Priya said: honestly, it was obvious to me");
    let mut app = app_with(review);
    press(&mut app, "2 g");
    assert_eq!(press(&mut app, "\""), [Effect::Save]);
    assert!(ws(&app).review.learnings[0].quote);
    assert!(message(&app).contains("direct quote"), "{}", message(&app));
    press(&mut app, "\"");
    assert!(
        !ws(&app).review.learnings[0].quote,
        "the same key flags it again"
    );
    press(&mut app, "u u");
    assert!(!ws(&app).review.learnings[0].quote);

    press(&mut app, "j");
    assert!(
        press(&mut app, "\"").is_empty(),
        "nothing to keep in a blameless item"
    );
    assert!(!ws(&app).review.learnings[1].quote);
    assert!(message(&app).contains("flags nothing"), "{}", message(&app));
}

#[test]
fn a_key_moves_on_to_the_next_question_for_the_stage() {
    let mut app = empty();
    let opening = Stage::SetTheStage.index();
    let count = app.prompts.for_stage(Stage::SetTheStage).questions.len();
    press(&mut app, ".");
    assert_eq!(ws(&app).asked[opening], 1);
    press(&mut app, &". ".repeat(count - 1));
    assert_eq!(ws(&app).asked[opening], 0, "wraps around");
    press(&mut app, "] .");
    assert_eq!(
        ws(&app).asked[Stage::KeyMoments.index()],
        1,
        "each stage keeps its own"
    );
    assert_eq!(ws(&app).asked[opening], 0);
}

#[test]
fn a_command_for_another_pane_says_where_it_works() {
    let mut app = app_with(common::example());
    press(&mut app, "4 :");
    typing(&mut app, "star");
    let before = ws(&app).review.clone();
    assert!(press(&mut app, "<enter>").is_empty());
    assert_eq!(ws(&app).review, before);
    assert_eq!(message(&app), "'star' works in the timeline pane");
}

#[test]
fn the_preview_shows_each_report_as_it_will_be_exported() {
    let mut app = app_with(common::example());
    press(&mut app, "P");
    let public = debrief::report::markdown::public(&ws(&app).review);
    let Some(Overlay::Preview(p)) = app.overlays.last() else {
        panic!("a preview")
    };
    assert_eq!((p.internal, p.text.as_str()), (false, public.as_str()));
    press(&mut app, "j j <tab>");
    let Some(Overlay::Preview(p)) = app.overlays.last() else {
        panic!("a preview")
    };
    assert!(p.internal && p.text.starts_with("# ") && p.text.contains("## Timeline"));
    assert_eq!(p.scroll, 0, "a new report starts at its top");
    press(&mut app, "<esc>");
    assert!(app.overlays.is_empty());
}

// ---------------------------------------------------------------------------
// The meeting

#[test]
fn stages_go_in_order_and_each_focuses_its_pane() {
    let mut app = app_with(common::example());
    let mut seen = vec![(ws(&app).review.meeting.stage, ws(&app).focus)];
    for _ in 0..Stage::ALL.len() + 2 {
        let effects = press(&mut app, "]");
        if seen.last().map(|(s, _)| *s) != Some(ws(&app).review.meeting.stage) {
            assert!(effects.contains(&Effect::Save), "the stage is saved");
        }
        seen.push((ws(&app).review.meeting.stage, ws(&app).focus));
    }
    seen.dedup();
    let want = [
        (Stage::SetTheStage, Pane::Timeline),
        (Stage::KeyMoments, Pane::Details),
        (Stage::Timeline, Pane::Timeline),
        (Stage::Impact, Pane::Timeline),
        (Stage::Decisions, Pane::Timeline),
        (Stage::Learnings, Pane::Learnings),
        (Stage::Factors, Pane::Factors),
        (Stage::Actions, Pane::Actions),
        (Stage::Summaries, Pane::Details),
    ];
    assert_eq!(seen, want, "stops at the last stage");
    assert!(message(&app).contains("last stage"), "{}", message(&app));
    press(&mut app, "[ [");
    assert_eq!(ws(&app).review.meeting.stage, Stage::Factors);
    assert_eq!(ws(&app).focus, Pane::Factors);
}

#[test]
fn decisions_select_the_first_decision_and_impact_the_first_unjudged_event() {
    let mut app = app_with(common::example());
    press(&mut app, "] ] ]");
    assert_eq!(ws(&app).review.meeting.stage, Stage::Impact);
    let at = ws(&app).selected(Pane::Timeline).unwrap();
    assert_eq!(ws(&app).review.timeline[at].impact, Impact::Unjudged);
    assert!(
        ws(&app).review.timeline[..at]
            .iter()
            .all(|e| e.impact != Impact::Unjudged)
    );
    press(&mut app, "]");
    let at = ws(&app).selected(Pane::Timeline).unwrap();
    assert_eq!(ws(&app).review.timeline[at].kind, EventKind::Decision);
}

#[test]
fn judging_an_event_moves_on_to_the_next_unjudged_one() {
    let mut app = empty();
    press(&mut app, "n");
    for t in ["10:00", "10:05", "10:10", "10:15"] {
        typing(&mut app, &format!("{t} ann: step at {t}"));
        press(&mut app, "<enter>");
    }
    press(&mut app, "<esc>");
    // Judge the second in advance; the walk skips it.
    press(&mut app, "g j =");
    press(&mut app, "] ] ]");
    assert_eq!(ws(&app).review.meeting.stage, Stage::Impact);
    assert_eq!(ws(&app).selected(Pane::Timeline), Some(0));
    press(&mut app, "+");
    assert_eq!(
        ws(&app).selected(Pane::Timeline),
        Some(2),
        "skips the judged one"
    );
    assert!(
        message(&app).contains("2 still to judge"),
        "{}",
        message(&app)
    );
    press(&mut app, "-");
    press(&mut app, "=");
    let impacts: Vec<Impact> = ws(&app).review.timeline.iter().map(|e| e.impact).collect();
    assert_eq!(
        impacts,
        [
            Impact::Positive,
            Impact::Neutral,
            Impact::Negative,
            Impact::Neutral
        ]
    );
    assert!(
        message(&app).contains("every event is judged"),
        "{}",
        message(&app)
    );
    press(&mut app, "u");
    assert_eq!(
        ws(&app).review.timeline[3].impact,
        Impact::Unjudged,
        "undo works"
    );
}

#[test]
fn the_clock_starts_pauses_and_resumes_and_counts_per_stage() {
    let mut app = empty();
    assert!(ws(&app).review.meeting.started.is_none());
    let effects = press_at(&mut app, "c", minutes(0));
    assert!(effects.contains(&Effect::Save));
    assert!(
        message(&app).contains("60 min planned"),
        "{}",
        message(&app)
    );
    press_at(&mut app, "]", minutes(3));
    press_at(&mut app, "c", minutes(5));
    assert!(
        message(&app).contains("paused at 5:00"),
        "{}",
        message(&app)
    );
    // Twenty minutes of pause count for nothing.
    press_at(&mut app, "c", minutes(25));
    press_at(&mut app, "]", minutes(26));
    let m = &ws(&app).review.meeting;
    assert_eq!(m.spent_in(Stage::SetTheStage, minutes(26)).num_minutes(), 3);
    assert_eq!(m.spent_in(Stage::KeyMoments, minutes(26)).num_minutes(), 3);
    assert_eq!(m.spent_in(Stage::Timeline, minutes(30)).num_minutes(), 4);
    assert_eq!(m.total(minutes(30)).num_minutes(), 10);
}

#[test]
fn running_over_the_time_box_is_known_and_quitting_pauses_the_clock() {
    let mut app = empty();
    press_at(&mut app, "c", minutes(0));
    let (sev, kind) = (Severity::Sev2, ReviewKind::Full);
    assert!(!ws(&app).review.meeting.overrun(sev, kind, minutes(3)));
    assert!(ws(&app).review.meeting.overrun(sev, kind, minutes(4)));
    press_at(&mut app, "q", minutes(10));
    let m = &ws(&app).review.meeting;
    assert!(!m.is_running(), "paused on quit");
    assert_eq!(m.total(minutes(99)).num_minutes(), 10);
}

#[test]
fn time_boxes_can_be_changed_and_bad_minutes_are_refused() {
    let mut app = empty();
    press(&mut app, "B");
    let Some(Overlay::Form(_)) = app.overlays.last() else {
        panic!("a form");
    };
    // Set the stage: 3 minutes by default for a full Sev2 review.
    press(&mut app, "<bs>");
    typing(&mut app, "x");
    press(&mut app, "<c-s>");
    let Some(Overlay::Form(form)) = app.overlays.last() else {
        panic!("the form stays open with the error");
    };
    assert!(
        form.error
            .as_deref()
            .unwrap_or("")
            .contains("Set the stage"),
        "{:?}",
        form.error
    );
    press(&mut app, "<bs>");
    typing(&mut app, "7");
    press(&mut app, "<c-s>");
    assert!(app.overlays.is_empty());
    let r = &ws(&app).review;
    assert_eq!(r.meeting.timebox(Stage::SetTheStage, r.severity, r.kind), 7);
    assert_eq!(r.meeting.planned(r.severity, r.kind), 64);
}

#[test]
fn the_next_check_opens_the_form_that_fixes_it() {
    let mut app = empty();
    press(&mut app, "4 a");
    typing(&mut app, "Write the runbook");
    press(&mut app, "<c-s>");
    let checks = debrief::app::meeting::checks(ws(&app));
    assert!(checks.contains(&Check::ActionWithoutOwner(ws(&app).review.actions[0].id)));
    // From anywhere, `!` walks the checks in turn, each into its form.
    press(&mut app, "1 !");
    let first = checks[0];
    assert!(message(&app).contains("Check 1/"), "{}", message(&app));
    assert!(
        matches!(app.overlays.last(), Some(Overlay::Form(_))),
        "{first:?}"
    );
    let mut titles = Vec::new();
    for _ in 0..checks.len() {
        press(&mut app, "<esc> !");
        if let Some(Overlay::Form(f)) = app.overlays.last() {
            titles.push((ws(&app).focus, f.title.clone()));
        }
    }
    assert!(
        titles.contains(&(Pane::Actions, "Edit action item".to_owned())),
        "{titles:?}"
    );
    assert!(
        titles.contains(&(Pane::Learnings, "Add learning".to_owned())),
        "nothing went well yet: {titles:?}"
    );
    assert!(
        titles
            .iter()
            .any(|(p, t)| *p == Pane::Details && t.contains("ummary")),
        "{titles:?}"
    );
}

#[test]
fn items_can_be_made_internal_only_from_the_preview() {
    let mut app = app_with(common::example());
    let public = |app: &App| match app.overlays.last() {
        Some(Overlay::Preview(p)) => p.text.clone(),
        _ => panic!("the preview is open"),
    };
    press(&mut app, "P");
    let first = ws(&app).review.actions[0].text.to_string();
    let words = &first[..20];
    assert!(public(&app).contains(words), "{}", public(&app));
    press(&mut app, "i <space>");
    assert!(ws(&app).review.actions[0].internal);
    assert!(!public(&app).contains(words), "redrawn without it");
    press(&mut app, "i");
    assert!(!ws(&app).review.actions[0].internal, "toggled back");
    assert!(public(&app).contains(words));
    press(&mut app, "<esc>");
    assert!(
        matches!(app.overlays.last(), Some(Overlay::Preview(_))),
        "back to the report"
    );
    press(&mut app, "<esc>");
    assert!(app.overlays.is_empty());
}

#[test]
fn publishing_records_who_and_when() {
    let mut app = empty();
    app.user = "sam".into();
    press(&mut app, "6 g <enter>");
    let Some(Overlay::Form(form)) = app.overlays.last() else {
        panic!("the review's form");
    };
    let status = form
        .fields
        .iter()
        .position(|f| f.label == "Status")
        .unwrap();
    for _ in 0..status {
        press(&mut app, "<tab>");
    }
    // draft → in review → reviewed → published; an empty review is not
    // ready, so saving asks first and saving again publishes.
    press(&mut app, "<space> <space> <space> <c-s>");
    assert_ne!(ws(&app).review.status, Status::Published, "asked first");
    press(&mut app, "<c-s>");
    let r = &ws(&app).review;
    assert_eq!(r.status, Status::Published);
    let p = r.published.as_ref().expect("recorded");
    assert_eq!((p.by.as_str(), p.at), ("sam", now()));
    let internal = debrief::report::markdown::internal(r);
    assert!(internal.contains("by sam"), "{internal}");
    let public = debrief::report::markdown::public(r);
    assert!(public.contains("Published 2026-11-24 11:00."), "{public}");
    assert!(!public.contains("sam"), "no names in public");
    press(&mut app, "u");
    assert!(
        ws(&app).review.published.is_none(),
        "undone with the status"
    );
}

fn opened(review: Review, recovered: Option<&str>, access: Access) -> App {
    let mut app = App::new(Screen::Picker(Default::default()), now());
    let opened = debrief::app::Opened {
        review,
        file: "/reviews/x.ron".into(),
        access,
        recovered: recovered.map(str::to_owned),
        warnings: Vec::new(),
    };
    update(&mut app, Action::Opened(Ok(Box::new(opened))), now());
    app
}

#[test]
fn a_clock_left_running_stops_at_the_last_change_when_reopened() {
    let mut review = common::example();
    let start = now() - chrono::TimeDelta::hours(30);
    review.meeting.start(start);
    review.updated = start + chrono::TimeDelta::minutes(20);
    // Opened a day later: the day the program was not running is not counted.
    let app = opened(review.clone(), None, Access::ReadWrite);
    let m = &ws(&app).review.meeting;
    assert!(!m.is_running());
    assert_eq!(m.total(now()).num_minutes(), 20);
    assert_ne!(ws(&app).revision, ws(&app).saved_revision, "and saved");
    // A read-only view leaves the holder's clock alone.
    let app = opened(review, None, Access::ReadOnly("pid 7".into()));
    assert!(ws(&app).review.meeting.is_running());
}

#[test]
fn notes_typed_before_a_crash_go_back_to_the_notes_not_the_parking_lot() {
    let mut review = common::example();
    review.notes = Text::new("Ask about the wifi");
    let draft = format!(
        "{}\nNotes: Ask about the wifi\nand the second laptop\n",
        debrief::app::editing::NOTES_FORM_TITLE
    );
    let app = opened(review, Some(&draft), Access::ReadWrite);
    let r = &ws(&app).review;
    assert!(
        r.notes
            .contains("Recovered unsaved notes:\nAsk about the wifi\nand the second laptop"),
        "{}",
        r.notes.as_str()
    );
    assert!(
        r.parking_lot.iter().all(|p| !p.text.contains("wifi")),
        "never where others see it"
    );
}

#[test]
fn a_read_only_view_cannot_start_the_clock_and_the_preview_keeps_the_selection() {
    let mut app = opened(common::example(), None, Access::ReadOnly("pid 7".into()));
    press(&mut app, "c");
    assert!(ws(&app).review.meeting.started.is_none());
    assert!(message(&app).contains("Read-only"), "{}", message(&app));
    press(&mut app, "!");
    assert!(app.overlays.is_empty(), "no form in a read-only view");

    let mut app = app_with(common::example());
    press(&mut app, "3 j");
    press(&mut app, "P i <space> <esc> <esc>");
    assert!(ws(&app).review.actions[0].internal);
    assert_eq!(ws(&app).focus, Pane::Factors, "the workspace stays put");
    assert_eq!(ws(&app).selected(Pane::Factors), Some(1));
}

#[test]
fn every_change_stamps_the_review_with_its_time() {
    let mut app = empty();
    let created = ws(&app).review.updated;
    press_at(&mut app, "j", minutes(5));
    assert_eq!(ws(&app).review.updated, created, "moving changes nothing");
    press_at(&mut app, "c", minutes(7));
    assert_eq!(ws(&app).review.updated, minutes(7));
}

#[test]
fn lines_pasted_into_the_quick_entry_become_one_event_a_line_and_one_undo() {
    let mut app = empty();
    press(&mut app, "n");
    let effects = update(
        &mut app,
        Action::Paste("16:10 ana: rolled back the deploy\n\n16:02 gary: saw the login page fail\r\n16:05 priya: paged payments\n".into()),
        now(),
    );
    assert!(effects.contains(&Effect::Save), "{effects:?}");
    assert!(app.overlays.is_empty());
    let texts: Vec<&str> = ws(&app)
        .review
        .timeline
        .iter()
        .map(|e| e.text.as_str())
        .collect();
    assert_eq!(
        texts,
        [
            "saw the login page fail",
            "paged payments",
            "rolled back the deploy"
        ]
    );
    assert_eq!(
        ws(&app).review.timeline[0].actor.as_ref().unwrap().as_str(),
        "gary"
    );
    press(&mut app, "u");
    assert!(ws(&app).review.timeline.is_empty(), "one step of undo");

    // A line that does not read: nothing is added, the error names it,
    // and the paste stays in the line.
    press(&mut app, "n");
    update(
        &mut app,
        Action::Paste("16:02 gary: one\nlunchtime: two\n".into()),
        now(),
    );
    assert!(ws(&app).review.timeline.is_empty());
    let Some(Overlay::Form(form)) = app.overlays.last() else {
        panic!("the quick entry stays open");
    };
    assert!(
        form.error
            .as_deref()
            .unwrap_or("")
            .starts_with("line 2 of the paste"),
        "{:?}",
        form.error
    );
    assert_eq!(
        form.get(debrief::app::fields::FieldId::QuickEvent),
        "16:02 gary: one lunchtime: two"
    );
}

#[test]
fn a_folder_typed_in_export_to_replaces_the_suggestion() {
    let mut review = common::example();
    review.id = "r".into();
    let ws = debrief::app::Workspace::new(
        review,
        Some("/srv/reviews/r.ron".into()),
        debrief::app::Access::ReadWrite,
    );
    let mut app = App::new(debrief::app::Screen::Workspace(Box::new(ws)), now());
    press(&mut app, "E");
    typing(&mut app, "/tmp/out");
    let effects = press(&mut app, "<enter>");
    assert_eq!(
        effects[0],
        Effect::Export {
            folder: Some("/tmp/out".into())
        }
    );
    // Nothing typed: beside the review.
    press(&mut app, "E");
    let effects = press(&mut app, "<enter>");
    assert_eq!(effects[0], Effect::Export { folder: None });
}
