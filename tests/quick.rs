//! The quick review of a minor incident, through real keys: from an empty
//! review to an export, skipping, leaving for the full workspace, lines
//! that cannot be read, undo, drafts; and snapshots of each step at 80x24
//! and 160x48.
//!
//! Accept new snapshots with `INSTA_UPDATE=always cargo test --test quick`,
//! then read them.

mod common;

use chrono::{DateTime, Utc};
use common::keys::{Keys, press_at, typing_at};
use common::{SIZES, screen};
use debrief::app::quick::{Quick, Step};
use debrief::app::state::{Access, App, Level, Overlay, ThemeName};
use debrief::app::{Action, Effect, update};
use debrief::domain::{
    ActionItem, ActionStatus, Event, EventKind, Impact, Improves, Learning, LearningKind, Moment,
    Phase, Priority, Review, Source, Text,
};

fn now() -> DateTime<Utc> {
    "2026-11-24T09:30:00Z".parse().unwrap()
}

fn sev3() -> Review {
    common::login_page_failing(
        "2026-11-24-login-failures-abcd",
        "2026-11-24T09:00:00Z".parse().unwrap(),
    )
}

fn app_with(review: Review) -> App {
    common::sized(review, now(), (80, 24))
}

fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    press_at(app, keys, now())
}

fn typing(app: &mut App, text: &str) -> Vec<Effect> {
    typing_at(app, text, now())
}

/// Keys to send to `app`, one call after another.
fn keys(app: &mut App) -> Keys<'_> {
    Keys::new(app, now())
}

fn review(app: &App) -> &Review {
    &app.workspace().expect("a workspace").review
}

fn quick(app: &App) -> &Quick {
    match app.overlays.last() {
        Some(Overlay::Quick(q)) => q,
        other => panic!("the quick review is not open: {other:?}"),
    }
}

fn timeline(app: &App) -> Vec<String> {
    let r = review(app);
    r.timeline
        .iter()
        .map(|e| {
            let at = r.offset.local(e.at).format("%Y-%m-%d %H:%M");
            format!("{at} {}: {}", e.actor.as_deref().unwrap_or("-"), e.text)
        })
        .collect()
}

fn moment(app: &App, m: Moment) -> Option<String> {
    let r = review(app);
    r.moments
        .get(m)
        .map(|at| r.offset.local(at).format("%Y-%m-%d %H:%M").to_string())
}

/// Checks each key moment in `expected`: set, at that local time, or
/// unset (`None`).
#[track_caller]
fn assert_moments(app: &App, expected: &[(Moment, Option<&str>)]) {
    for (m, time) in expected {
        assert_eq!(moment(app, *m).as_deref(), *time, "the moment {m:?}");
    }
}

fn message(app: &App) -> (String, Level) {
    let m = app.message.as_ref().expect("a message");
    (m.text.clone(), m.level)
}

/// Types the flow on an empty review as an engineer would, step by step,
/// up to `last`. Each step's part ends with a line typed into the step
/// and not yet filed: the next part goes on from there.
fn type_flow(k: &mut Keys, last: Step) {
    for step in Step::ALL {
        match step {
            Step::Happened => k
                .press("Q")
                .typing("16:02 gary: saw the login page fail")
                .press("<enter>")
                .typing("16:05 paged ana"),
            Step::Moments => k
                .press("<enter>")
                .typing("16:31 ana: rolled back to v41")
                .press("<tab>")
                // Detected and resolved are offered from the timeline.
                .typing("15:50"),
            Step::Learnings => k
                .press("<tab> <tab>")
                .typing("16:08")
                .press("<tab>")
                .typing("16:31")
                .press("<c-n>")
                // Went well, then to improve.
                .typing("paging reached ana in three minutes")
                .press("<tab>")
                .typing("no alert on login errors"),
            Step::Actions => k
                .press("<tab>")
                .typing("Alert on login errors @gary !high")
                .press("<enter>")
                .typing("Add the rollback to the runbook"),
            Step::Export => k
                .press("<enter>")
                .typing("Ask support how they heard")
                .press("<tab>"),
        };
        if step == last {
            return;
        }
    }
}

/// Runs the whole flow on an empty review, as an engineer would type it.
/// Returns the keys pressed, how many of them were text, and the effects.
fn whole_flow(app: &mut App) -> (usize, usize, Vec<Effect>) {
    let mut k = Keys::new(app, now());
    type_flow(&mut k, Step::Actions);
    // The second action item's owner; then on to the export, and export.
    k.typing(" @ana").press("<tab>").press("<enter>");
    (k.count, k.typed, k.effects)
}

#[test]
fn the_whole_flow_from_an_empty_review_ends_in_an_export() {
    let mut app = app_with(sev3());
    let (keys, typed, effects) = whole_flow(&mut app);
    println!(
        "the whole quick review took {keys} keys: {typed} characters of text and {} other keys",
        keys - typed
    );
    // Beyond the text itself: Q, two new lines, eight moves between
    // fields and steps, one new action line, and Enter to export.
    assert_eq!(keys - typed, 13);

    assert!(app.overlays.is_empty(), "back in the workspace");
    assert_eq!(effects.last(), Some(&Effect::Export { folder: None }));
    assert!(effects.contains(&Effect::Save));
    assert!(effects.contains(&Effect::ClearDraft));

    assert_eq!(
        timeline(&app),
        [
            "2026-11-24 16:02 gary: saw the login page fail",
            "2026-11-24 16:05 -: paged ana",
            "2026-11-24 16:31 ana: rolled back to v41",
        ]
    );
    assert_moments(
        &app,
        &[
            (Moment::Started, Some("2026-11-24 15:50")),
            // Offered from the first event.
            (Moment::Detected, Some("2026-11-24 16:02")),
            (Moment::Acknowledged, Some("2026-11-24 16:08")),
            (Moment::Mitigated, Some("2026-11-24 16:31")),
            // Offered from the last event.
            (Moment::Resolved, Some("2026-11-24 16:31")),
        ],
    );

    let r = review(&app);
    let learnings: Vec<(LearningKind, &str)> = r
        .learnings
        .iter()
        .map(|l| (l.kind, l.text.as_str()))
        .collect();
    assert_eq!(
        learnings,
        [
            (
                LearningKind::WentWell,
                "paging reached ana in three minutes"
            ),
            (LearningKind::NeedsImprovement, "no alert on login errors"),
        ]
    );
    let actions: Vec<(&str, Option<&str>, Option<Priority>)> = r
        .actions
        .iter()
        .map(|a| (a.text.as_str(), a.owner.as_deref(), a.priority))
        .collect();
    assert_eq!(
        actions,
        [
            ("Alert on login errors", Some("gary"), Some(Priority::High)),
            (
                "Add the rollback to the runbook",
                Some("ana"),
                Some(Priority::Medium)
            ),
        ]
    );
    // Every item has its own number.
    let mut ids: Vec<u64> = r
        .timeline
        .iter()
        .map(|e| e.id.0)
        .chain(r.learnings.iter().map(|l| l.id.0))
        .chain(r.actions.iter().map(|a| a.id.0))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 7);
}

#[test]
fn the_export_message_says_where_the_reports_went() {
    let mut app = app_with(sev3());
    whole_flow(&mut app);
    let files = vec!["/tmp/r.md".into(), "/tmp/r.public.md".into()];
    update(&mut app, Action::Exported(Ok(files)), now());
    let (text, _) = message(&app);
    assert_eq!(
        text,
        "Exported to /tmp: the .md for the team, the .public.md to share; \
         next, follow up the 2 open action items (4)"
    );
}

#[test]
fn skipping_every_step_still_reaches_the_export() {
    let mut app = app_with(sev3());
    press(&mut app, "Q");
    let mut steps = vec![quick(&app).step];
    for _ in 0..4 {
        press(&mut app, "<c-n>");
        steps.push(quick(&app).step);
    }
    assert_eq!(steps, Step::ALL);
    let effects = press(&mut app, "<enter>");
    assert_eq!(
        effects,
        [Effect::ClearDraft, Effect::Export { folder: None }]
    );
    assert!(app.overlays.is_empty());
    let r = review(&app);
    assert!(r.timeline.is_empty() && r.learnings.is_empty() && r.actions.is_empty());
    assert_eq!(r.moments.earliest(), None);

    // Tab skips too, a field at a time.
    let mut app = app_with(sev3());
    let effects = press(
        &mut app,
        "Q <tab> <tab> <tab> <tab> <tab> <tab> <tab> <tab> <tab> <tab> <enter>",
    );
    assert_eq!(effects.last(), Some(&Effect::Export { folder: None }));
}

#[test]
fn steps_go_back_with_shift_tab_and_ctrl_p() {
    let mut app = app_with(sev3());
    press(&mut app, "Q <c-n> <c-n>");
    assert_eq!((quick(&app).step, quick(&app).field), (Step::Learnings, 0));
    press(&mut app, "<s-tab>");
    assert_eq!(
        (quick(&app).step, quick(&app).field),
        (Step::Moments, 4),
        "back to the last field of the step before"
    );
    press(&mut app, "<up> <up>");
    assert_eq!(quick(&app).field, 2);
    press(&mut app, "<c-p> <c-p>");
    assert_eq!(quick(&app).step, Step::Happened);
}

#[test]
fn esc_keeps_what_was_typed_and_lands_in_the_workspace() {
    let mut app = app_with(sev3());
    keys(&mut app)
        .press("Q")
        .typing("16:02 gary: saw the login page fail")
        .press("<tab>")
        .typing("15:55");
    // Leaving in the middle of a step applies that step too.
    let effects = press(&mut app, "<esc>");
    assert!(app.overlays.is_empty(), "in the workspace");
    assert!(effects.contains(&Effect::Save), "{effects:?}");
    assert_eq!(effects.last(), Some(&Effect::ClearDraft));
    assert_eq!(
        timeline(&app),
        ["2026-11-24 16:02 gary: saw the login page fail"]
    );
    assert_moments(
        &app,
        &[
            (Moment::Started, Some("2026-11-24 15:55")),
            (Moment::Detected, Some("2026-11-24 16:02")),
        ],
    );
    let (text, level) = message(&app);
    assert_eq!(level, Level::Info);
    assert!(text.contains("Q opens the quick review again"), "{text}");

    // F2 leaves too, and Q opens the flow again on what the review holds.
    press(&mut app, "Q");
    assert_eq!(
        quick(&app).events.lines(),
        ["16:02 gary: saw the login page fail"]
    );
    press(&mut app, "<tab>");
    assert_eq!(quick(&app).moments[0].lines(), ["15:55"]);
    press(&mut app, "<f2>");
    assert!(app.overlays.is_empty());
}

#[test]
fn a_bad_timeline_line_is_kept_with_its_error_until_fixed() {
    let mut app = app_with(sev3());
    keys(&mut app)
        .press("Q")
        .typing("16:02 gary: saw the login page fail")
        .press("<enter>")
        .typing("gary paged ana")
        .press("<tab>");
    // The good line is filed, the bad one stays in the text.
    assert_eq!(quick(&app).step, Step::Moments);
    assert_eq!(timeline(&app).len(), 1);
    assert_eq!(
        quick(&app).events.lines(),
        ["16:02 gary: saw the login page fail", "gary paged ana"]
    );
    let (text, level) = message(&app);
    assert_eq!(level, Level::Warning);
    assert_eq!(text, "1 line not filed (step 1)");

    // On screen: the line's number and why.
    press(&mut app, "<s-tab>");
    assert_eq!(quick(&app).step, Step::Happened);
    let screen = screen_text(&app, 80, 24);
    assert!(
        screen.contains("✗ line 2: 'gary' is not a time"),
        "{screen}"
    );
    snap("quick_bad_line", &app);

    // Fixed, it is filed; nothing else changes.
    typing_at_start(&mut app, "16:04 ");
    press(&mut app, "<tab>");
    assert_eq!(
        timeline(&app),
        [
            "2026-11-24 16:02 gary: saw the login page fail",
            "2026-11-24 16:04 -: gary paged ana",
        ]
    );
}

/// Moves to the start of the line and types there.
fn typing_at_start(app: &mut App, text: &str) {
    // Ctrl-A: the start of the line in the text area.
    press(app, "<c-a>");
    typing(app, text);
}

#[test]
fn a_line_still_unread_when_the_flow_closes_goes_to_the_parking_lot() {
    let mut app = app_with(sev3());
    keys(&mut app)
        .press("Q")
        .typing("sometime gary restarted it")
        .press("<c-n> <c-n> <c-n>")
        .typing("@mo")
        .press("<esc>");
    let parked: Vec<&str> = review(&app)
        .parking_lot
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        parked,
        [
            "Not filed from the quick review (what happened): sometime gary restarted it",
            "Not filed from the quick review (action items): @mo",
        ]
    );
    let (text, level) = message(&app);
    assert_eq!(level, Level::Warning);
    assert!(text.contains("parking lot"), "{text}");
}

#[test]
fn undo_after_the_flow_takes_back_each_step() {
    let mut app = app_with(sev3());
    whole_flow(&mut app);
    let r = review(&app);
    assert!(!r.timeline.is_empty() && !r.actions.is_empty() && !r.learnings.is_empty());
    // One change a step: the timeline, the moments, the learnings, the
    // action items.
    let effects = press(&mut app, "u u u u");
    assert!(effects.iter().all(|e| *e == Effect::Save), "{effects:?}");
    let r = review(&app);
    assert!(r.timeline.is_empty(), "{:?}", r.timeline);
    assert!(r.learnings.is_empty());
    assert!(r.actions.is_empty());
    assert_eq!(r.moments.earliest(), None);
    press(&mut app, "<c-r> <c-r> <c-r> <c-r>");
    assert_eq!(timeline(&app).len(), 3);
    assert_eq!(review(&app).actions.len(), 2);
}

#[test]
fn opening_again_changes_only_what_was_edited() {
    let mut app = app_with(sev3());
    whole_flow(&mut app);
    let before = review(&app).clone();
    let revision = app.workspace().unwrap().revision;
    // Through every step without typing: nothing changes.
    let effects = press(&mut app, "Q <c-n> <c-n> <c-n> <c-n> <esc>");
    assert!(!effects.contains(&Effect::Save), "{effects:?}");
    assert_eq!(app.workspace().unwrap().revision, revision);
    assert_eq!(review(&app), &before);

    // One line typed over: its event changes, and stays the same item.
    press(&mut app, "Q <up> <c-e>");
    for _ in 0..15 {
        press(&mut app, "<bs>");
    }
    assert_eq!(
        quick(&app).events.lines(),
        [
            "16:02 gary: saw the login page fail",
            "",
            "16:31 ana: rolled back to v41"
        ]
    );
    typing(&mut app, "16:06 ana: joined");
    press(&mut app, "<tab> <esc>");
    assert_eq!(
        timeline(&app),
        [
            "2026-11-24 16:02 gary: saw the login page fail",
            "2026-11-24 16:06 ana: joined",
            "2026-11-24 16:31 ana: rolled back to v41",
        ]
    );
    // The events left alone are the same items.
    assert_eq!(review(&app).timeline[0], before.timeline[0]);
    assert_eq!(review(&app).timeline[2], before.timeline[2]);
    assert_eq!(review(&app).timeline[1].id, before.timeline[1].id);
    press(&mut app, "u");
    let after = review(&app);
    assert_eq!(after.timeline, before.timeline);
    assert_eq!(after.learnings, before.learnings);
    assert_eq!(after.actions, before.actions);
}

/// The draft that the last of `effects` saves, if it saves one.
fn draft_saved(effects: &[Effect]) -> Option<&str> {
    match effects.last() {
        Some(Effect::SaveDraft(draft)) => Some(draft),
        _ => None,
    }
}

#[test]
fn typing_keeps_a_draft_and_leaving_clears_it() {
    let mut app = app_with(sev3());
    press(&mut app, "Q");
    let effects = typing(&mut app, "16:02 x");
    assert_eq!(
        draft_saved(&effects),
        Some("Quick review\nWhat happened: 16:02 x\n")
    );
    // Once the step is in the review, the draft has nothing left to keep.
    let effects = press(&mut app, "<tab>");
    assert_eq!(effects, [Effect::Save, Effect::ClearDraft]);
    let effects = typing(&mut app, "15:");
    assert_eq!(
        draft_saved(&effects),
        Some("Quick review\nImpact started: 15:\n")
    );
    let effects = press(&mut app, "<esc>");
    assert_eq!(effects.last(), Some(&Effect::ClearDraft));
}

#[test]
fn pasting_a_chat_log_gives_one_event_a_line() {
    let mut app = app_with(sev3());
    press(&mut app, "Q");
    let effects = update(
        &mut app,
        Action::Paste("16:02 gary: saw it\r\n16:05 ana: on it\r\n".into()),
        now(),
    );
    assert!(matches!(effects.as_slice(), [Effect::SaveDraft(_)]));
    press(&mut app, "<tab>");
    assert_eq!(timeline(&app).len(), 2);
    // A key moment takes a paste on one line.
    update(&mut app, Action::Paste("15:\n50".into()), now());
    assert_eq!(quick(&app).moments[0].lines(), ["15: 50"]);
}

#[test]
fn a_bad_key_moment_keeps_its_text_and_the_others_are_set() {
    let mut app = app_with(sev3());
    keys(&mut app)
        .press("Q <tab>")
        .typing("15:5O")
        .press("<enter> <enter> <enter>")
        .typing("16:30")
        .press("<c-n>");
    assert_moments(
        &app,
        &[
            (Moment::Started, None),
            (Moment::Mitigated, Some("2026-11-24 16:30")),
        ],
    );
    assert_eq!(quick(&app).moments[0].lines(), ["15:5O"]);
    assert!(quick(&app).moment_errors[0].is_some());
    press(&mut app, "<c-p>");
    snap("quick_bad_moment", &app);
}

#[test]
fn a_fourth_action_item_is_not_asked_for() {
    let mut app = app_with(sev3());
    press(&mut app, "Q <c-n> <c-n> <c-n>");
    for text in ["a @x", "b @y", "c @z"] {
        typing(&mut app, text);
        press(&mut app, "<enter>");
    }
    assert_eq!(quick(&app).actions.lines().len(), 3);
    let (text, _) = message(&app);
    assert!(text.contains("keeps to 3 action items"), "{text}");
}

#[test]
fn a_read_only_review_does_not_open_the_flow() {
    let mut app = common::workspace(sev3(), Access::ReadOnly("pid 7 on host".into()), now());
    press(&mut app, "Q");
    assert!(app.overlays.is_empty());
    assert_eq!(message(&app).1, Level::Warning);
}

#[test]
fn the_flow_starts_from_a_review_for_the_command_line() {
    let mut app = app_with(sev3());
    debrief::app::quick::open(&mut app);
    assert_eq!(quick(&app).step, Step::Happened);
    let q = debrief::app::quick::start(review(&app));
    assert_eq!(q.step, Step::Happened);
    assert!(q.events.is_empty());
}

/// A time in the review's offset, `2026-11-24 09:05`.
fn at(local: &str) -> DateTime<Utc> {
    format!("{}:00+01:00", local.replace(' ', "T"))
        .parse()
        .unwrap()
}

fn event(time: &str, actor: &str, text: &str) -> Event {
    let mut e = Event::new(at(time), Text::new(text), Source::Typed);
    e.actor = Some(Text::new(actor));
    e
}

/// A Sev3 review written up earlier: key moments and one event.
fn written_up() -> Review {
    let mut r = sev3();
    r.moments.set(Moment::Started, Some(at("2026-11-24 09:05")));
    r.moments
        .set(Moment::Detected, Some(at("2026-11-24 09:12")));
    r.moments
        .set(Moment::Resolved, Some(at("2026-11-24 09:25")));
    r.add_event(event("2026-11-24 09:12", "lee", "noticed stale results"));
    r
}

#[test]
fn an_earlier_event_leaves_the_key_moments_where_they_were() {
    let mut app = app_with(written_up());
    let moments = review(&app).moments.clone();
    keys(&mut app)
        .press("Q <enter>")
        .typing("2026-11-23 23:00 ci: deploy started")
        .press("<tab>");
    assert_eq!(
        timeline(&app),
        [
            "2026-11-23 23:00 ci: deploy started",
            "2026-11-24 09:12 lee: noticed stale results",
        ]
    );
    press(&mut app, "<tab> <tab> <tab> <tab> <tab>");
    assert_eq!(quick(&app).step, Step::Learnings);
    assert_eq!(review(&app).moments, moments);

    // The times shown say their date now that a time alone would fall on
    // the day of the new event, and a time changed keeps its day.
    press(&mut app, "<c-p>");
    assert_eq!(quick(&app).moments[0].lines(), ["2026-11-24 09:05"]);
    keys(&mut app)
        .press("<c-e> <bs>")
        .typing("0")
        .press("<c-n>");
    assert_moments(
        &app,
        &[
            (Moment::Started, Some("2026-11-24 09:00")),
            (Moment::Resolved, Some("2026-11-24 09:25")),
        ],
    );
}

#[test]
fn an_earlier_start_leaves_the_timeline_where_it_was() {
    let mut r = sev3();
    let mut e = event("2026-11-24 09:12", "lee", "noticed stale results");
    e.impact = Impact::Positive;
    e.starred = true;
    r.add_event(e);
    let mut app = app_with(r);
    let timeline_before = review(&app).timeline.clone();
    press(&mut app, "Q <tab>");
    // Detected is offered from the event.
    assert_eq!(quick(&app).moments[1].lines(), ["09:12"]);
    typing(&mut app, "2026-11-23 23:50");
    press(&mut app, "<c-p>");
    assert_moments(
        &app,
        &[
            (Moment::Started, Some("2026-11-23 23:50")),
            // The time offered is the event's own.
            (Moment::Detected, Some("2026-11-24 09:12")),
        ],
    );
    assert_eq!(
        quick(&app).events.lines(),
        ["2026-11-24 09:12 lee: noticed stale results"]
    );
    press(&mut app, "<c-n>");
    assert_eq!(review(&app).timeline, timeline_before);

    // A line changed there keeps its day.
    keys(&mut app)
        .press("<c-p>")
        .typing(" again")
        .press("<c-n> <esc>");
    let e = &review(&app).timeline[0];
    assert_eq!(e.id, timeline_before[0].id);
    assert_eq!(e.at, at("2026-11-24 09:12"));
    assert_eq!(e.text.as_str(), "noticed stale results again");
    assert_eq!((e.impact, e.starred), (Impact::Positive, true));
}

/// A full review, judged: every item has more than its line shows.
fn judged() -> Review {
    let mut r = written_up();
    let first = r.timeline[0].id;
    let e = &mut r.timeline[0];
    e.impact = Impact::Negative;
    e.phase = Some(Phase::Detection);
    e.starred = true;
    e.kind = EventKind::Alert;
    e.internal = true;
    e.links = vec![Text::new("https://chat.example.com/p/1")];
    let mut e = event("2026-11-24 09:20", "lee", "restarted the indexer");
    e.impact = Impact::Positive;
    e.phase = Some(Phase::Remediation);
    r.add_event(e);
    let mut l = Learning::new(
        LearningKind::WentWell,
        Text::new("The lag metric showed it"),
    );
    l.events = vec![first];
    l.internal = true;
    r.add_learning(l);
    let mut a = ActionItem::new(Text::new("Alert on indexer lag"));
    a.owner = Some(Text::new("lee"));
    a.priority = Some(Priority::Medium);
    a.due = Some("2026-12-01".parse().unwrap());
    a.ticket = Some(Text::new("OPS-12"));
    a.improves = Some(Improves::KnowSooner);
    a.status = ActionStatus::InProgress;
    a.internal = true;
    r.add_action(a);
    r
}

#[test]
fn a_changed_line_keeps_everything_else_about_its_item() {
    let mut app = app_with(judged());
    let before = review(&app).clone();
    // The first event: a later time and more words.
    keys(&mut app)
        .press("Q <up> <c-a> <c-f> <c-f> <c-f> <c-f> <c-f> <bs>")
        .typing("4")
        .press("<c-e>")
        .typing(" on search")
        .press("<c-n> <c-n>")
        .typing(" at once")
        .press("<c-n>")
        .typing(" !high")
        .press("<esc>");
    let r = review(&app);

    let mut e = before.timeline[0].clone();
    e.at = at("2026-11-24 09:14");
    e.text = Text::new("noticed stale results on search");
    assert_eq!(r.timeline, [e, before.timeline[1].clone()]);

    let mut l = before.learnings[0].clone();
    l.text = Text::new("The lag metric showed it at once");
    assert_eq!(r.learnings, [l]);
    assert_eq!(r.learnings[0].events, [r.timeline[0].id], "still linked");

    let mut a = before.actions[0].clone();
    a.priority = Some(Priority::High);
    assert_eq!(r.actions, [a]);

    // Each step is still one change to undo.
    press(&mut app, "u u u");
    assert_eq!(review(&app).timeline, before.timeline);
    assert_eq!(review(&app).learnings, before.learnings);
    assert_eq!(review(&app).actions, before.actions);
}

#[test]
fn a_line_added_above_a_changed_one_does_not_take_its_place() {
    let mut app = app_with(judged());
    let before = review(&app).timeline.clone();
    // A new first line, and the last line changed.
    keys(&mut app)
        .press("Q <up> <c-a>")
        .typing("09:00 ci: deploy started")
        .press("<enter> <down> <c-e>")
        .typing(" again");
    assert_eq!(
        quick(&app).events.lines(),
        [
            "09:00 ci: deploy started",
            "09:12 lee: noticed stale results",
            "09:20 lee: restarted the indexer again",
        ]
    );
    press(&mut app, "<tab>");
    let r = review(&app);
    assert_eq!(r.timeline.len(), 3);
    let new = &r.timeline[0];
    assert_eq!(new.text.as_str(), "deploy started");
    assert_eq!(new.impact, Impact::Unjudged);
    assert!(before.iter().all(|e| e.id != new.id));
    assert_eq!(r.timeline[1], before[0]);
    let mut changed = before[1].clone();
    changed.text = Text::new("restarted the indexer again");
    assert_eq!(r.timeline[2], changed);
}

#[test]
fn a_line_deleted_removes_only_its_item() {
    let mut app = app_with(judged());
    let before = review(&app).timeline.clone();
    // The first line emptied, the second changed.
    press(&mut app, "Q <up> <c-e>");
    for _ in 0.."09:12 lee: noticed stale results".len() {
        press(&mut app, "<bs>");
    }
    keys(&mut app)
        .press("<down> <c-e>")
        .typing(" again")
        .press("<tab>");
    let r = review(&app);
    let mut changed = before[1].clone();
    changed.text = Text::new("restarted the indexer again");
    assert_eq!(r.timeline, [changed]);
}

// ---------------------------------------------------------------------------
// Snapshots

fn screen_text(app: &App, width: u16, height: u16) -> String {
    let terminal = screen(app, width, height);
    let buf = terminal.backend().buffer();
    (0..height)
        .map(|y| {
            (0..width)
                .map(|x| buf[(x, y)].symbol().to_owned())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn snap(name: &str, app: &App) {
    for (w, h) in SIZES {
        let terminal = screen(app, w, h);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), terminal.backend());
    }
}

/// The flow up to `step`, with the steps before it typed in.
fn at_step(step: Step) -> App {
    let mut app = app_with(sev3());
    type_flow(&mut Keys::new(&mut app, now()), step);
    app
}

#[test]
fn quick_empty() {
    let mut app = app_with(sev3());
    press(&mut app, "Q");
    app.message = None;
    snap("quick_empty", &app);
}

#[test]
fn quick_each_step() {
    for (step, name) in [
        (Step::Happened, "quick_happened"),
        (Step::Moments, "quick_moments"),
        (Step::Learnings, "quick_learnings"),
        (Step::Actions, "quick_actions"),
        (Step::Export, "quick_export"),
    ] {
        let app = at_step(step);
        assert_eq!(quick(&app).step, step);
        snap(name, &app);
    }
}

#[test]
fn quick_summary_and_export_say_where_the_files_go() {
    let mut app = at_step(Step::Export);
    if let Some(ws) = app.workspace_mut() {
        ws.file = Some("/reviews/2026-11-24-login-failures-abcd.ron".into());
    }
    typing(
        &mut app,
        "Logins failed for some EU customers; a rollback fixed it",
    );
    press(&mut app, "<tab>");
    typing(&mut app, "A third of EU sign-ins failed for 30 minutes");
    app.message = None;
    let text = screen_text(&app, 160, 48);
    assert!(
        text.contains(
            "export 2026-11-24-login-failures-abcd.md and 2026-11-24-login-failures-abcd.public.md"
        ),
        "{text}"
    );
    assert!(text.contains("into /reviews"), "{text}");
    assert!(text.contains("Then share the .public.md"), "{text}");
    // What is typed is not listed as missing.
    assert!(
        text.contains("nothing under: services impacted, proximate cause, resolution"),
        "{text}"
    );
    snap("quick_summary", &app);
}

#[test]
fn quick_monochrome_marks_the_step_without_colour() {
    let mut app = at_step(Step::Actions);
    app.theme = ThemeName::Mono;
    let terminal = screen(&app, 80, 24);
    let buf = terminal.backend().buffer();
    for cell in buf.content() {
        assert_eq!(cell.fg, ratatui::style::Color::Reset);
        assert_eq!(cell.bg, ratatui::style::Color::Reset);
    }
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("▶ 4 Action items"), "{text}");
}

// ---------------------------------------------------------------------------
// Regressions

fn paste(app: &mut App, text: &str) -> Vec<Effect> {
    update(app, Action::Paste(text.into()), now())
}

#[test]
fn twenty_thousand_pasted_lines_draw() {
    let mut app = app_with(sev3());
    press(&mut app, "Q");
    let log: String = (0..20_000)
        .map(|i| format!("{:02}:{:02} bot: line {i}\n", i / 60 % 24, i % 60))
        .collect();
    paste(&mut app, &log);
    // The last line is being typed; the text is read once a frame, not
    // once a line.
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("Step 1 of 5"), "{text}");
}

#[test]
fn more_action_lines_than_a_u16_counts_draw() {
    let mut app = app_with(sev3());
    press(&mut app, "Q <c-n> <c-n> <c-n>");
    assert_eq!(quick(&app).step, Step::Actions);
    // As many lines as a u16 holds: one more row overflows it.
    paste(&mut app, &"x\n".repeat(65_534));
    assert_eq!(quick(&app).actions.lines().len(), usize::from(u16::MAX));
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("Step 4 of 5"), "{text}");
}

/// A review whose event lines do not read back the same way on their own.
fn ambiguous() -> Review {
    let mut r = sev3();
    r.add_event(event(
        "2026-11-24 09:10",
        "Site Reliability Eng Team",
        "paged the on-call",
    ));
    r.add_event(Event::new(
        at("2026-11-24 09:20"),
        Text::new("db: failover started"),
        Source::Typed,
    ));
    r.add_event(Event::new(
        at("2026-11-24 09:30"),
        Text::new("-5% error rate"),
        Source::Typed,
    ));
    r
}

#[test]
fn changing_only_the_time_keeps_who_and_what() {
    let mut app = app_with(ambiguous());
    let before = review(&app).timeline.clone();
    press(&mut app, "Q");
    assert_eq!(
        quick(&app).events.lines(),
        [
            "09:10 Site Reliability Eng Team: paged the on-call",
            "09:20 db: failover started",
            "09:30 -5% error rate",
        ]
    );
    // Each time a little later: 09:15, 09:25, 09:35.
    for up in ["", "<up>", "<up>"] {
        keys(&mut app)
            .press(&format!("{up} <c-a> <c-f> <c-f> <c-f> <c-f> <c-f> <bs>").replace("  ", " "))
            .typing("5");
    }
    press(&mut app, "<tab>");
    let r = review(&app);
    for (e, (was, time)) in r
        .timeline
        .iter()
        .zip(before.iter().zip(["09:15", "09:25", "09:35"]))
    {
        assert_eq!(e.id, was.id);
        assert_eq!(e.at, at(&format!("2026-11-24 {time}")));
        assert_eq!((&e.actor, &e.text), (&was.actor, &was.text), "{time}");
    }
}

#[test]
fn a_dash_that_starts_the_text_is_kept() {
    let mut app = app_with(sev3());
    keys(&mut app)
        .press("Q")
        .typing("16:02 -5% error rate")
        .press("<enter>")
        .typing("16:03 - paged ana")
        .press("<tab>");
    assert_eq!(
        timeline(&app),
        [
            "2026-11-24 16:02 -: -5% error rate",
            "2026-11-24 16:03 -: paged ana",
        ]
    );
}

/// A review with two events and no key moments: detected and resolved
/// are offered.
fn two_events() -> Review {
    let mut r = sev3();
    r.add_event(event("2026-11-24 09:10", "lee", "saw errors"));
    r.add_event(event("2026-11-24 09:40", "lee", "all clear"));
    r
}

/// Empties the focused key moment.
fn clear_moment(app: &mut App) {
    press(app, "<c-e>");
    let n = quick(app)
        .focused()
        .map_or(0, |a| a.lines()[0].chars().count());
    for _ in 0..n {
        press(app, "<bs>");
    }
}

#[test]
fn a_key_moment_cleared_stays_cleared() {
    let mut app = app_with(two_events());
    press(&mut app, "Q <tab> <down>");
    assert_eq!(quick(&app).moments[1].lines(), ["09:10"]);
    // The offer for detected declined; resolved taken.
    clear_moment(&mut app);
    press(&mut app, "<c-n>");
    assert_moments(
        &app,
        &[
            (Moment::Detected, None),
            (Moment::Resolved, Some("2026-11-24 09:40")),
        ],
    );
    // Back and on again: detected is not offered again.
    press(&mut app, "<c-p>");
    assert_eq!(quick(&app).moments[1].lines(), [""]);
    // Resolved, now in the review, cleared too.
    press(&mut app, "<down> <down> <down> <down>");
    clear_moment(&mut app);
    press(&mut app, "<c-n> <c-p>");
    assert_eq!(quick(&app).moments[1].lines(), [""]);
    assert_eq!(quick(&app).moments[4].lines(), [""]);
    press(&mut app, "<c-n>");
    assert_moments(&app, &[(Moment::Detected, None), (Moment::Resolved, None)]);
}

#[test]
fn a_key_moment_the_review_had_is_not_offered_once_cleared() {
    let mut app = app_with(written_up());
    press(&mut app, "Q <tab> <down>");
    assert_eq!(quick(&app).moments[1].lines(), ["09:12"]);
    clear_moment(&mut app);
    press(&mut app, "<c-n> <c-p>");
    assert_eq!(quick(&app).moments[1].lines(), [""]);
    press(&mut app, "<c-n>");
    assert_moments(&app, &[(Moment::Detected, None)]);
}

#[test]
fn pasting_into_a_key_moment_clears_its_error() {
    let mut app = app_with(sev3());
    keys(&mut app)
        .press("Q <tab>")
        .typing("15:5O")
        .press("<c-n> <c-p>");
    assert!(quick(&app).moment_errors[0].is_some());
    let effects = paste(&mut app, "0");
    assert_eq!(quick(&app).moment_errors[0], None);
    assert_eq!(
        draft_saved(&effects),
        Some("Quick review\nImpact started: 15:5O0\n")
    );
}

#[test]
fn times_only_offered_are_not_counted_as_set() {
    let mut app = app_with(two_events());
    press(&mut app, "Q <tab>");
    app.message = None;
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("0 set, 2 offered"), "{text}");
    assert!(!text.contains("2 of 5 set"), "{text}");
    press(&mut app, "<c-n>");
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("2 of 5 set"), "{text}");
}

#[test]
fn a_draft_keeps_the_lines_typed_not_the_whole_text() {
    let mut app = app_with(judged());
    press(&mut app, "Q <up> <c-e>");
    let effects = typing(&mut app, " on search");
    assert_eq!(
        draft_saved(&effects),
        Some("Quick review\nWhat happened: 09:12 lee: noticed stale results on search\n")
    );
    // Typed back as it was, there is nothing left to keep.
    for _ in 0.." on search".len() - 1 {
        press(&mut app, "<bs>");
    }
    let effects = press(&mut app, "<bs>");
    assert_eq!(effects, [Effect::ClearDraft]);
}
