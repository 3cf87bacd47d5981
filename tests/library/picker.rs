//! The picker searching every text as you type, from the word index of a
//! real folder, driven by keys.

use super::*;
use common::keys::{press_at, typing_at};
use common::screen;
use debrief::app::Access;
use debrief::app::action::{Effect, Opened};
use debrief::app::picker::screen as picker_screen;
use debrief::app::state::{App, Pane, Screen};
use debrief::app::{Action, update};
use debrief::domain::{Area, Effect as Helped, LearningKind, Priority, Severity};

fn now() -> chrono::DateTime<chrono::Utc> {
    "2026-11-25T12:00:00Z".parse().unwrap()
}

/// A folder where "muted" is in a title, a learning, an event and private
/// notes, each of another review.
fn folder() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    put(
        &store,
        &ReviewBuilder::sev2("Replica failover stalled")
            .with(|r| r.id = "2026-11-20-failover-aaaa".into())
            .event("10:02 ana: saw the replica lag grow")
            .learning(
                LearningKind::Surprise,
                "Nobody knew the lag alert was muted",
            )
            .learning(
                LearningKind::Surprise,
                "The runbook had no muted-alert check",
            )
            .factor("The runbook was out of date", Helped::Hurt, Area::Process)
            .build(),
    );
    put(
        &store,
        &ReviewBuilder::sev3("Slow search")
            .with(|r| r.id = "2026-11-21-search-bbbb".into())
            .event("09:10 li: the pager stayed muted for an hour")
            .build(),
    );
    put(
        &store,
        &ReviewBuilder::sev2("Muted alerts on checkout")
            .with(|r| r.id = "2026-11-22-checkout-cccc".into())
            .action("Unmute the checkout alerts", "mo", Priority::High)
            .build(),
    );
    put(
        &store,
        &ReviewBuilder::sev3("Disk full")
            .with(|r| {
                r.id = "2026-11-23-disk-zeta".into();
                r.notes = Text::new("muted: ask gary why");
            })
            .build(),
    );
    (dir, store)
}

fn picker_app(store: &Store) -> App {
    let mut app = App::new(picker_screen(&load(store)), now());
    update(&mut app, Action::Resize(120, 35), now());
    app
}

fn shown(app: &App) -> Vec<String> {
    let Screen::Picker(p) = &app.screen else {
        panic!("the picker is shown")
    };
    p.visible().iter().map(|e| e.id.clone()).collect()
}

#[test]
fn typing_searches_every_text_best_first_and_never_the_notes() {
    let (_dir, store) = folder();
    let mut app = picker_app(&store);
    assert_eq!(
        shown(&app),
        [
            "2026-11-23-disk-zeta",
            "2026-11-22-checkout-cccc",
            "2026-11-21-search-bbbb",
            "2026-11-20-failover-aaaa"
        ],
        "nothing typed: every review, newest first"
    );
    typing_at(&mut app, "muted", now());
    // The title first (whole word, weight of a title), then the learning,
    // then the timeline line; the notes of the disk review never.
    assert_eq!(
        shown(&app),
        [
            "2026-11-22-checkout-cccc",
            "2026-11-20-failover-aaaa",
            "2026-11-21-search-bbbb"
        ]
    );
    let Screen::Picker(p) = &app.screen else {
        unreachable!()
    };
    let best = p.search.shown(1).expect("the learning that matched");
    assert_eq!(best.place, debrief::library::Place::Learning);
    assert_eq!(best.words, ["muted"]);
    assert_eq!(best.excerpt, "Nobody knew the lag alert was muted");
    for (w, h) in [(80, 24), (120, 35)] {
        insta::assert_snapshot!(
            format!("picker_search_{w}x{h}"),
            screen(&app, w, h).backend()
        );
    }

    // The same order as `debrief search`, review by review.
    let (out, _) = debrief(store.root(), &["search", "--json", "muted"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let mut reviews: Vec<String> = Vec::new();
    for h in json.as_array().unwrap() {
        let id = h["review"].as_str().unwrap().to_owned();
        if !reviews.contains(&id) {
            reviews.push(id);
        }
    }
    assert_eq!(reviews, shown(&app));

    // Another word narrows: every word in the review, anywhere.
    typing_at(&mut app, " runbook", now());
    assert_eq!(shown(&app), ["2026-11-20-failover-aaaa"]);
    // An id holds the word though no text does.
    press_at(&mut app, "<esc>", now());
    assert_eq!(shown(&app).len(), 4, "Esc clears the search");
    assert!(!app.quit);
    typing_at(&mut app, "zeta", now());
    assert_eq!(shown(&app), ["2026-11-23-disk-zeta"]);
    typing_at(&mut app, "x", now());
    assert!(shown(&app).is_empty());
    insta::assert_snapshot!(
        "picker_search_nothing_80x24",
        screen(&app, 80, 24).backend()
    );
    press_at(&mut app, "<bs> <bs> <bs> <bs> <bs>", now());
    assert_eq!(shown(&app).len(), 4, "all back once nothing is typed");
}

#[test]
fn enter_opens_the_review_at_the_item_found() {
    let (_dir, store) = folder();
    let mut app = picker_app(&store);
    typing_at(&mut app, "runbook", now());
    assert_eq!(shown(&app), ["2026-11-20-failover-aaaa"]);
    let path = store.path_of("2026-11-20-failover-aaaa");
    assert_eq!(
        press_at(&mut app, "<enter>", now()),
        [Effect::Open(path.clone())]
    );
    // What the runtime does with the effect: the review read and opened.
    let review = debrief::store::load(&path).unwrap();
    let want = review.learnings[1].id;
    let opened = Opened {
        review,
        file: path,
        access: Access::ReadWrite,
        recovered: None,
        warnings: Vec::new(),
    };
    update(&mut app, Action::Opened(Ok(Box::new(opened))), now());
    let ws = app.workspace().expect("the review is open");
    // "runbook" is in a learning (weight 3) and a factor (3): the first in
    // the review's order of places wins the tie, the learning.
    assert_eq!(ws.focus, Pane::Learnings);
    let row = ws.cursor(Pane::Learnings).selected;
    assert_eq!(ws.review.learnings[row].id, want);
}

#[test]
fn the_picker_without_a_match_in_text_still_finds_by_title_when_there_is_no_index() {
    // A picker made without a library (as when none could be read) still
    // finds by id, title and severity.
    let entry = |id: &str, title: &str, severity| debrief::app::state::PickerEntry {
        path: format!("/r/{id}.ron").into(),
        id: id.into(),
        date: "2026-11-20".into(),
        severity,
        status: debrief::domain::Status::Draft,
        title: title.into(),
        open_actions: 0,
    };
    let mut app = App::new(
        debrief::app::update::picker(
            vec![
                entry("a-1", "Checkout down", Severity::Sev1),
                entry("b-2", "Login slow", Severity::Sev3),
            ],
            Vec::new(),
        ),
        now(),
    );
    typing_at(&mut app, "sev3", now());
    assert_eq!(shown(&app), ["b-2"]);
}

#[test]
fn in_a_terminal_typing_finds_a_learning_and_enter_opens_at_it() {
    use common::tmux::Server;
    for (width, height) in [(80, 24), (140, 45)] {
        let (dir, _store) = folder();
        let tmux = Server::new(dir.path());
        let t = tmux.start_debrief("pick", "", width, height);
        t.wait_for("Reviews, newest first");
        t.type_text("muted");
        t.wait_for("learning #2: muted");
        t.wait_for("Reviews found, best first");
        t.keys(&["Down", "Enter"]);
        let screen = t.wait_screen("the review open at the learning", |s| {
            s.contains("Replica failover stalled")
                && s.lines()
                    .any(|l| l.contains('▶') && l.contains("Nobody knew the lag"))
        });
        assert!(!screen.contains("Reviews found"), "{screen}");
        t.keys(&["C-c"]);
        t.wait_for("[exited");
    }
}
