//! The import view driven by keys: the path asked, the channel chosen,
//! lines kept, dropped, filtered and fixed, then added as one step of
//! undo; a broken file refused; and the screens at 80x24 and 120x35.

mod common;

use std::path::Path;

use chrono::{DateTime, Utc};
use common::keys::{press_at, typing_at};
use debrief::app::import::Step;
use debrief::app::state::Overlay;
use debrief::app::{Action, App, Effect, Mode, Pane, update};
use debrief::domain::{EventKind, Moment, Participant, Role, Source, Text};

fn now() -> DateTime<Utc> {
    "2026-11-24T09:30:00Z".parse().unwrap()
}

fn utc(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

/// Does what the runtime does with the effects the import view asks for:
/// reads the export and answers; the others are returned.
fn run(app: &mut App, effects: Vec<Effect>) -> Vec<Effect> {
    let mut out = Vec::new();
    for e in effects {
        match e {
            Effect::ReadImport { path, options } => {
                let read = debrief::import::read(&path, &options).map(Box::new);
                let more = update(app, Action::ImportRead(read), now());
                out.extend(run(app, more));
            }
            other => out.push(other),
        }
    }
    out
}

fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    let effects = press_at(app, keys, now());
    run(app, effects)
}

fn typing(app: &mut App, text: &str) {
    typing_at(app, text, now());
}

/// A Slack export of two channels: the incident's, #inc-db, from 23:45 to
/// 00:10 in the review's +01:00 (across midnight), with a bot's alert, a
/// thread reply, an escape sequence, a password and a message from
/// before the window; and #general.
fn export(dir: &Path) -> String {
    let root = dir.join("slack-export");
    let ts = |at: &str| format!("{}.000100", utc(at).timestamp());
    let users = r#"[
 {"id": "U01ANA", "name": "ana.lima", "real_name": "Ana Lima",
  "profile": {"display_name": "ana", "real_name": "Ana Lima"}},
 {"id": "U02GARY", "name": "gary", "real_name": "Gary Oak",
  "profile": {"display_name": "", "real_name": "Gary Oak"}}
]"#;
    let channels = r#"[
 {"id": "C0DB", "name": "inc-db", "created": 1763856000},
 {"id": "C0GEN", "name": "general", "created": 1700000000}
]"#;
    let parent = ts("2026-11-23T22:52:00Z");
    let day1 = format!(
        r#"[
 {{"type": "message", "ts": "{early}", "user": "U01ANA", "text": "lunch plans"}},
 {{"type": "message", "subtype": "bot_message", "ts": "{alert}", "bot_id": "B1",
   "username": "PagerDuty", "text": "", "attachments": [{{"fallback": "Triggered: db latency",
   "title": "Triggered: db latency"}}]}},
 {{"type": "message", "ts": "{look}", "user": "U01ANA", "text": "looking \u001b[31mnow"}},
 {{"type": "message", "ts": "{parent}", "user": "U02GARY",
   "text": "restarting the primary, password=hunter2hunter2", "thread_ts": "{parent}",
   "reply_count": 1}},
 {{"type": "message", "ts": "{reply}", "user": "U01ANA", "text": "ok, watching",
   "thread_ts": "{parent}", "parent_user_id": "U02GARY"}}
]"#,
        early = ts("2026-11-23T20:00:00Z"),
        alert = ts("2026-11-23T22:46:00Z"),
        look = ts("2026-11-23T22:48:00Z"),
        reply = ts("2026-11-23T22:55:00Z"),
    );
    let day2 = format!(
        r#"[{{"type": "message", "ts": "{}", "user": "U02GARY", "text": "latency is back to normal"}}]"#,
        ts("2026-11-23T23:10:00Z")
    );
    let general = format!(
        r#"[{{"type": "message", "ts": "{}", "user": "U01ANA", "text": "hello all"}}]"#,
        ts("2026-11-23T22:50:00Z")
    );
    std::fs::create_dir_all(root.join("inc-db")).unwrap();
    std::fs::create_dir_all(root.join("general")).unwrap();
    std::fs::write(root.join("users.json"), users).unwrap();
    std::fs::write(root.join("channels.json"), channels).unwrap();
    std::fs::write(root.join("inc-db/2026-11-23.json"), day1).unwrap();
    std::fs::write(root.join("inc-db/2026-11-24.json"), day2).unwrap();
    std::fs::write(root.join("general/2026-11-23.json"), general).unwrap();
    root.display().to_string()
}

/// A review of the incident in +01:00, from 23:50 to 00:05 local, with
/// Ana among the participants, in a terminal of `size`.
fn app(size: (u16, u16)) -> App {
    let mut review = common::ReviewBuilder::sev2("Database latency").build();
    review.offset = "+01:00".parse().unwrap();
    review
        .moments
        .set(Moment::Started, Some(utc("2026-11-23T22:50:00Z")));
    review
        .moments
        .set(Moment::Resolved, Some(utc("2026-11-23T23:05:00Z")));
    review.participants.push(Participant {
        name: Text::new("Ana Lima"),
        role: Role::FirstResponder,
    });
    common::sized(review, now(), size)
}

/// The import view listing #inc-db of the export in `dir`.
fn listing(dir: &Path, size: (u16, u16)) -> App {
    let mut app = app(size);
    let path = export(dir);
    press(&mut app, "I");
    typing(&mut app, &path);
    press(&mut app, "<enter>");
    assert_eq!(app.mode(), Mode::ImportAsk, "a channel is asked for");
    press(&mut app, "<down> <enter>");
    assert_eq!(app.mode(), Mode::Import);
    app
}

fn list(app: &App) -> &debrief::app::import::Listing {
    match app.overlays.last() {
        Some(Overlay::Import(imp)) => match &imp.step {
            Step::List(l) => l,
            other => panic!("not the list: {other:?}"),
        },
        other => panic!("not the import view: {other:?}"),
    }
}

/// The lines shown, as "mark actor: text".
fn shown(app: &App) -> Vec<String> {
    let l = list(app);
    l.shown
        .iter()
        .map(|i| {
            let p = &l.plan.rows[*i];
            let mark = match (p.already, l.keep[*i]) {
                (true, _) => "=",
                (false, true) => "+",
                (false, false) => "-",
            };
            let c = &p.candidate;
            format!("{mark} {}: {}", c.actor.as_deref().unwrap_or("-"), c.text)
        })
        .collect()
}

fn screen(app: &App, (w, h): (u16, u16)) -> String {
    let terminal = common::screen(app, w, h);
    common::screen_text(terminal.backend().buffer()).join("\n")
}

fn timeline(app: &App) -> Vec<String> {
    app.workspace()
        .unwrap()
        .review
        .timeline
        .iter()
        .map(|e| {
            format!(
                "{} {}: {}",
                e.at.format("%H:%M"),
                e.actor.as_deref().unwrap_or("-"),
                e.text
            )
        })
        .collect()
}

#[test]
fn the_path_then_the_channel_then_the_lines_of_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app((120, 35));
    let path = export(dir.path());
    press(&mut app, "I");
    assert_eq!(app.mode(), Mode::ImportAsk);
    typing(&mut app, &path);
    let effects = press_at(&mut app, "<enter>", now());
    assert!(
        matches!(&effects[..], [Effect::ReadImport { path: p, options }]
            if p.display().to_string() == path && options.channel.is_none()),
        "reading is the runtime's: {effects:?}"
    );
    run(&mut app, effects);
    let asked = screen(&app, (120, 35));
    assert!(asked.contains("holds several channels"), "{asked}");
    assert!(asked.contains("#general") && asked.contains("#inc-db"));
    press(&mut app, "<down> <enter>");
    assert_eq!(
        shown(&app),
        [
            "+ PagerDuty: Triggered: db latency",
            "+ Ana Lima: looking \u{1b}[31mnow",
            "+ Gary Oak: restarting the primary, password=[masked]",
            "+ Ana Lima: (reply to Gary Oak) ok, watching",
            "+ Gary Oak: latency is back to normal",
        ],
        "ana is the participant Ana Lima; the password is masked"
    );
    let l = list(&app);
    assert_eq!(l.plan.left_out.get("outside the time window"), Some(&1));
    assert_eq!(l.newcomers, ["Gary Oak"], "the bot is no newcomer");
    let text = screen(&app, (120, 35));
    assert!(
        text.contains("looking ␛[31mnow"),
        "the escape is shown, not run: {text}"
    );
    assert!(
        text.contains("23 Nov 23:46") && text.contains("24 Nov 00:10"),
        "across midnight the date is shown, in +01:00: {text}"
    );
    assert!(
        text.contains("(reply to Gary Oak) ok, watching"),
        "a reply says so: {text}"
    );
    assert!(text.contains("1 left out (1 outside the time window)"));
    assert!(text.contains("Gary Oak: not among the participants"));
}

#[test]
fn kept_lines_are_added_as_one_step_of_undo_and_not_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = listing(dir.path(), (120, 35));
    // Drop the alert and the reply; keep the rest.
    press(&mut app, "<space> j j <space>");
    assert_eq!(list(&app).to_add().count(), 3);
    let effects = press(&mut app, "a");
    assert_eq!(effects, [Effect::Save]);
    assert!(app.overlays.is_empty(), "the view closes");
    assert_eq!(
        timeline(&app),
        [
            "22:48 Ana Lima: looking ␛[31mnow",
            "22:52 Gary Oak: restarting the primary, password=[masked]",
            "23:10 Gary Oak: latency is back to normal",
        ],
        "neutralised as it enters the review"
    );
    let ws = app.workspace().unwrap();
    assert!(
        ws.review
            .timeline
            .iter()
            .all(|e| e.source == Source::Imported && e.origin.is_some())
    );
    assert_eq!(ws.focus, Pane::Timeline);
    assert!(
        screen(&app, (120, 35)).contains("· imported"),
        "the selected event says where it came from:\n{}",
        screen(&app, (120, 35))
    );
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("Added 3 events from slack")
    );
    press(&mut app, "u");
    assert!(timeline(&app).is_empty(), "one undo takes the whole import");
    press(&mut app, "<c-r>");
    assert_eq!(timeline(&app).len(), 3);

    // The same export again: what is there is shown as such, not added.
    let path = export(dir.path());
    press(&mut app, "I");
    typing(&mut app, &path);
    press(&mut app, "<enter>");
    press(&mut app, "<down> <enter>");
    assert_eq!(
        shown(&app),
        [
            "+ PagerDuty: Triggered: db latency",
            "= Ana Lima: looking \u{1b}[31mnow",
            "= Gary Oak: restarting the primary, password=[masked]",
            "+ Ana Lima: (reply to Gary Oak) ok, watching",
            "= Gary Oak: latency is back to normal",
        ]
    );
    press(&mut app, "j <space>");
    assert_eq!(
        shown(&app)[1],
        "= Ana Lima: looking \u{1b}[31mnow",
        "not kept"
    );
    press(&mut app, "A");
    assert_eq!(
        list(&app).to_add().count(),
        2,
        "keep all keeps the new ones"
    );
    assert!(screen(&app, (120, 35)).contains("= there"));
    press(&mut app, "a");
    assert_eq!(timeline(&app).len(), 5);
}

#[test]
fn filters_choose_what_shows_and_what_is_added() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = listing(dir.path(), (120, 35));
    press(&mut app, "b");
    assert_eq!(shown(&app).len(), 4, "no bots or alerts");
    assert!(screen(&app, (120, 35)).contains("Showing · no bots or alerts"));
    press(&mut app, "j p");
    assert_eq!(
        shown(&app),
        [
            "+ Gary Oak: restarting the primary, password=[masked]",
            "+ Gary Oak: latency is back to normal"
        ],
        "one person: the selected line's"
    );
    press(&mut app, "p");
    assert_eq!(shown(&app).len(), 4, "again: everyone");
    press(&mut app, "c g j [ j ]");
    assert_eq!(
        shown(&app),
        [
            "+ Ana Lima: looking \u{1b}[31mnow",
            "+ Gary Oak: restarting the primary, password=[masked]",
        ],
        "a time range from the lines selected"
    );
    press(&mut app, "D");
    assert_eq!(list(&app).to_add().count(), 0, "drop all drops what shows");
    press(&mut app, "a");
    assert_eq!(app.mode(), Mode::Import, "nothing kept: nothing added");
    assert!(timeline(&app).is_empty());
    press(&mut app, "c");
    assert_eq!(shown(&app).len(), 5);
    assert_eq!(
        list(&app).to_add().count(),
        3,
        "hidden lines kept their mark"
    );
    press(&mut app, "b a");
    assert_eq!(
        timeline(&app),
        [
            "22:55 Ana Lima: (reply to Gary Oak) ok, watching",
            "23:10 Gary Oak: latency is back to normal"
        ],
        "only the kept lines shown are added"
    );
}

#[test]
fn a_line_is_fixed_and_newcomers_join_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = listing(dir.path(), (120, 35));
    press(&mut app, "j j <enter>");
    assert_eq!(app.mode(), Mode::ImportEdit);
    assert!(screen(&app, (120, 35)).contains("Fix the line"));
    let effects = typing_at(&mut app, " (failover)", now());
    assert!(
        matches!(effects.last(), Some(Effect::SaveDraft(d)) if d.contains("(failover)")),
        "what is typed is kept safe like any form's: {effects:?}"
    );
    press(&mut app, "<tab>");
    for _ in 0.."Gary Oak".len() {
        press(&mut app, "<bs>");
    }
    typing(&mut app, "gary.o");
    let effects = press(&mut app, "<tab> <space> <c-s>");
    assert_eq!(effects.last(), Some(&Effect::ClearDraft));
    assert_eq!(app.mode(), Mode::Import);
    let l = list(&app);
    let c = &l.plan.rows[2].candidate;
    assert_eq!(
        c.text,
        "restarting the primary, password=[masked] (failover)"
    );
    assert_eq!(c.actor.as_deref(), Some("gary.o"));
    assert_ne!(c.kind, EventKind::Conversation, "the kind moved on");
    assert!(l.fixed[2]);
    assert_eq!(l.newcomers, ["gary.o", "Gary Oak"]);
    assert!(screen(&app, (120, 35)).contains("✎ restarting"));
    // An empty text is refused, and the form stays with what was typed.
    press(&mut app, "j <enter>");
    for _ in 0.."(reply to Gary Oak) ok, watching".len() {
        press(&mut app, "<bs>");
    }
    press(&mut app, "<c-s>");
    assert_eq!(app.mode(), Mode::ImportEdit);
    assert!(screen(&app, (120, 35)).contains("The text cannot be empty"));
    press(&mut app, "<esc>");
    assert_eq!(
        list(&app).plan.rows[3].candidate.text,
        "(reply to Gary Oak) ok, watching"
    );

    press(&mut app, "n a");
    let r = &app.workspace().unwrap().review;
    let names: Vec<&str> = r.participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Ana Lima", "gary.o", "Gary Oak"]);
    let fixed = r
        .timeline
        .iter()
        .find(|e| e.text.contains("failover"))
        .unwrap();
    assert_eq!(fixed.actor.as_deref(), Some("gary.o"));
    // One undo takes the participants too.
    press(&mut app, "u");
    assert_eq!(app.workspace().unwrap().review.participants.len(), 1);
    press(&mut app, "<c-r>");

    // The fixed line keeps its origin: importing again does not add it.
    let path = export(dir.path());
    press(&mut app, "I");
    typing(&mut app, &path);
    press(&mut app, "<enter>");
    press(&mut app, "<down> <enter>");
    assert!(
        list(&app).plan.rows.iter().all(|r| r.already),
        "{:?}",
        shown(&app)
    );
}

#[test]
fn an_unreadable_file_names_the_file_and_line_and_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("pager.json");
    std::fs::write(&bad, "{\"log_entries\": [\n  {\"type\": 3}\n]}").unwrap();
    let mut app = app((80, 24));
    press(&mut app, "I");
    typing(&mut app, &bad.display().to_string());
    press(&mut app, "<enter>");
    assert_eq!(app.mode(), Mode::ImportAsk);
    let text = screen(&app, (120, 35));
    let path = bad.display().to_string();
    assert!(
        text.contains(&format!("{path}, ")) && text.contains("nothing was added"),
        "{text}"
    );
    press(&mut app, "<enter>");
    assert_eq!(app.mode(), Mode::ImportAsk, "the path is kept to fix");
    press(&mut app, "<esc>");
    assert!(app.overlays.is_empty());
    assert!(timeline(&app).is_empty());
    assert_eq!(app.workspace().unwrap().history.can_undo(), 0);
}

#[test]
fn moving_pages_through_a_long_import_keeps_the_selection_in_view() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("chat.txt");
    let lines: String = (0..90)
        .map(|i| format!("23:{:02} ana: line {i}\n", i % 60))
        .collect();
    std::fs::write(&file, lines).unwrap();
    let mut app = app((80, 24));
    press(&mut app, "I");
    typing(&mut app, &file.display().to_string());
    press(&mut app, "<enter>");
    let total = list(&app).shown.len();
    assert!(total > 40, "{total}");
    press(&mut app, "<pgdn> <pgdn>");
    let at = list(&app).cursor.selected;
    assert_eq!(at, 32, "a page is the rows the screen shows (24 - 8)");
    let text = screen(&app, (80, 24));
    let selected = &list(&app).plan.rows[list(&app).shown[at]].candidate.text;
    assert!(
        text.lines()
            .any(|l| l.contains('▶') && l.contains(selected.as_str())),
        "the selected row is on screen: {text}"
    );
    press(&mut app, "G");
    assert_eq!(list(&app).cursor.selected, total - 1);
    assert!(screen(&app, (80, 24)).contains(&format!(" {total}/{total} ")));
}

fn snap(name: &str, app: &App, size: (u16, u16)) {
    let terminal = common::screen(app, size.0, size.1);
    insta::assert_snapshot!(format!("{name}_{}x{}", size.0, size.1), terminal.backend());
}

#[test]
fn snapshots_of_the_import_view() {
    for size in [(80, 24), (120, 35)] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = listing(dir.path(), size);
        press(&mut app, "<space> j");
        // The temporary folder differs from run to run: the title shows it.
        let mut shown = app;
        if let Some(Overlay::Import(imp)) = shown.overlays.last_mut()
            && let Step::List(l) = &mut imp.step
        {
            l.path = "slack-export".into();
        }
        snap("import_list", &shown, size);
        press(&mut shown, "<enter>");
        snap("import_fix", &shown, size);
        let mut asking = self::app(size);
        press(&mut asking, "I");
        typing(&mut asking, "exports/pager.json");
        snap("import_path", &asking, size);
    }
}

#[test]
fn the_palette_opens_the_view_and_a_read_only_review_refuses_it() {
    let mut app = app((120, 35));
    press(&mut app, ":");
    typing(&mut app, "import");
    press(&mut app, "<enter>");
    assert_eq!(
        app.mode(),
        Mode::ImportAsk,
        "found by its name in the palette"
    );
    press(&mut app, "<esc>");
    assert!(app.overlays.is_empty());

    let review = app.workspace().unwrap().review.clone();
    let mut read_only = common::workspace(
        review,
        debrief::app::Access::ReadOnly("ana on host-1".into()),
        now(),
    );
    press(&mut read_only, "I");
    assert!(read_only.overlays.is_empty(), "nothing to import into");
    assert!(read_only.message.unwrap().text.contains("Read-only"));
}
