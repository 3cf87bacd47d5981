//! Views that follow another process, in-process: a watcher follows the
//! facilitator's saves and moves; a read-only view follows the holder's
//! saves and can take the review over once it is free; quitting while
//! saves fail says so first; a signal quits without asking.

mod common;

use chrono::{DateTime, Utc};
use common::keys::press_at;
use debrief::app::state::{Access, Level, SaveState};
use debrief::app::{Action, App, Audience, Effect, Pane, update};
use debrief::domain::{ItemId, Review, Stage};
use debrief::follow::{Follow, Selected};

fn now() -> DateTime<Utc> {
    "2026-11-24T09:30:00Z".parse().unwrap()
}

fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    press_at(app, keys, now())
}

fn read_only(audience: Audience) -> App {
    let mut app = common::workspace(
        common::example(),
        Access::ReadOnly("debrief (pid 7 on box)".into()),
        now(),
    );
    app.audience = audience;
    update(&mut app, Action::Resize(120, 35), now());
    app
}

fn review(app: &App) -> &Review {
    &app.workspace().unwrap().review
}

fn reload(app: &mut App, review: Review) {
    update(app, Action::Reloaded(Ok(Box::new(review))), now());
}

fn message(app: &App) -> String {
    app.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

fn follow(stage: Stage, pane: Pane, selected: Option<Selected>) -> Follow {
    Follow {
        stage,
        pane,
        selected,
        overlay: None,
    }
}

#[test]
fn a_reload_keeps_the_pane_the_selected_item_and_the_stage_shown() {
    let mut app = read_only(Audience::Watcher);
    reload(&mut app, common::example());
    press(&mut app, "4 j");
    let selected = review(&app).actions[1].id;
    // The facilitator adds an action item at the top and saves.
    let mut saved = common::example();
    let mut first = saved.actions[0].clone();
    first.id = ItemId(9_000);
    saved.actions.insert(0, first);
    reload(&mut app, saved);
    let ws = app.workspace().unwrap();
    assert_eq!(ws.focus, Pane::Actions);
    assert_eq!(
        review(&app).actions[ws.cursor(Pane::Actions).selected].id,
        selected
    );
    // The stage shown stays unless the saved one moves.
    let shown = review(&app).meeting.stage;
    let mut moved = common::example();
    moved.meeting.go_to(Stage::Actions, now());
    reload(&mut app, common::example());
    assert_eq!(review(&app).meeting.stage, shown);
    reload(&mut app, moved);
    assert_eq!(review(&app).meeting.stage, Stage::Actions);
}

#[test]
fn a_follow_moves_the_watcher_and_waits_for_an_item_not_saved_yet() {
    let mut app = read_only(Audience::Watcher);
    let new_id = ItemId(9_001);
    let to_new = follow(
        Stage::Learnings,
        Pane::Learnings,
        Some(Selected::Item(new_id)),
    );
    update(&mut app, Action::Followed(to_new), now());
    assert_eq!(review(&app).meeting.stage, Stage::Learnings);
    assert_eq!(app.workspace().unwrap().focus, Pane::Learnings);
    // The item arrives with the next save: it is selected then.
    let mut saved = common::example();
    let mut learning = saved.learnings[0].clone();
    learning.id = new_id;
    saved.learnings.push(learning);
    reload(&mut app, saved.clone());
    let ws = app.workspace().unwrap();
    assert_eq!(
        ws.cursor(Pane::Learnings).selected,
        saved.learnings.len() - 1
    );

    // A key of the watcher's own before the save wins.
    let mut app = read_only(Audience::Watcher);
    let to_new = follow(
        Stage::Learnings,
        Pane::Learnings,
        Some(Selected::Item(new_id)),
    );
    update(&mut app, Action::Followed(to_new), now());
    press(&mut app, "k");
    reload(&mut app, saved);
    assert_eq!(app.workspace().unwrap().cursor(Pane::Learnings).selected, 0);
}

#[test]
fn a_file_that_does_not_load_leaves_the_last_good_review_with_a_warning() {
    let mut app = read_only(Audience::Watcher);
    let title = review(&app).title.clone();
    update(
        &mut app,
        Action::Reloaded(Err("line 3: expected ','".into())),
        now(),
    );
    assert_eq!(review(&app).title, title);
    assert!(
        message(&app).starts_with("Could not reload the review: line 3"),
        "{}",
        message(&app)
    );
    assert_eq!(app.message.as_ref().unwrap().level, Level::Warning);
    reload(&mut app, common::example());
    assert_eq!(message(&app), "The review is up to date again");
}

#[test]
fn a_watcher_quits_with_its_keys_and_writes_nothing() {
    for keys in ["<esc>", "q", "<c-c>"] {
        let mut app = read_only(Audience::Watcher);
        assert_eq!(press(&mut app, keys), vec![Effect::Quit], "{keys}");
        assert!(app.quit);
    }
    let mut app = read_only(Audience::Watcher);
    assert!(press(&mut app, "e").is_empty());
    assert!(
        message(&app).contains("A watcher writes nothing"),
        "{}",
        message(&app)
    );
    assert!(press(&mut app, "<c-t>").is_empty());
    // Esc closes an overlay first.
    let mut app = read_only(Audience::Watcher);
    press(&mut app, "C");
    assert!(press(&mut app, "<esc>").is_empty());
    assert!(!app.quit && app.overlays.is_empty());
}

#[test]
fn a_read_only_view_follows_the_holders_saves_and_offers_to_take_over() {
    let mut app = read_only(Audience::Facilitator);
    let mut saved = common::example();
    saved.title = debrief::domain::Text::new("Renamed by the holder");
    reload(&mut app, saved);
    assert_eq!(review(&app).title.as_str(), "Renamed by the holder");
    // Nothing to take over while it is held.
    assert!(press(&mut app, "<c-t>").is_empty());
    update(&mut app, Action::LockFree, now());
    assert!(
        message(&app).contains("Ctrl-T takes it over"),
        "{}",
        message(&app)
    );
    // The offer stays until a key is read, whatever else is said.
    app.info("something else");
    assert!(message(&app).contains("Ctrl-T"), "{}", message(&app));
    let file = std::path::PathBuf::from("/reviews/r.ron");
    app.workspace_mut().unwrap().file = Some(file.clone());
    assert_eq!(press(&mut app, "<c-t>"), vec![Effect::Open(file)]);
}

#[test]
fn quitting_while_saves_fail_says_so_and_asks_again() {
    let mut app = common::sized(common::example(), now(), (120, 35));
    press(&mut app, "n");
    common::keys::typing_at(&mut app, "16:02 gary: saw it", now());
    press(&mut app, "<enter> <esc>");
    let revision = app.workspace().unwrap().revision;
    update(
        &mut app,
        Action::Saved {
            revision,
            result: Err("No space left on device".into()),
        },
        now(),
    );
    assert!(
        press(&mut app, "q").is_empty(),
        "the first q does not leave"
    );
    assert!(!app.quit);
    assert!(
        message(&app).starts_with("Not saved: No space left on device"),
        "{}",
        message(&app)
    );
    assert!(message(&app).contains("quit again"), "{}", message(&app));
    assert_eq!(press(&mut app, "q"), vec![Effect::Quit]);
    assert!(app.quit);
}

#[test]
fn a_signal_quits_without_asking_even_while_saves_fail() {
    let mut app = common::sized(common::example(), now(), (120, 35));
    press(&mut app, "s");
    let revision = app.workspace().unwrap().revision;
    update(
        &mut app,
        Action::Saved {
            revision,
            result: Err("read-only file system".into()),
        },
        now(),
    );
    assert_eq!(update(&mut app, Action::Stop, now()), vec![Effect::Quit]);
    assert!(app.quit);
}

#[test]
fn a_draft_that_cannot_be_written_shows_like_a_failed_save() {
    let mut app = common::sized(common::example(), now(), (120, 35));
    press(&mut app, "2 a");
    common::keys::typing_at(&mut app, "What we learnt", now());
    update(
        &mut app,
        Action::DraftSaved(Err("No space left on device".into())),
        now(),
    );
    let state = app.workspace().unwrap().save_state();
    assert!(
        matches!(&state, SaveState::Failed(e) if e.contains("No space left")),
        "{state:?}"
    );
    let terminal = common::screen(&app, 120, 35);
    let text = common::screen_text(terminal.backend().buffer()).join("\n");
    assert!(text.contains("NOT SAVED"), "{text}");
    update(&mut app, Action::DraftSaved(Ok(())), now());
    assert_eq!(app.workspace().unwrap().save_state(), SaveState::Saved);
}

#[test]
fn publishing_a_review_that_is_not_ready_lists_why_and_asks_again() {
    use debrief::app::Overlay;
    use debrief::app::form::Input;
    use debrief::domain::Status;
    let mut held = common::example();
    held.summary.resolution = debrief::domain::Text::new("Priya rolled back auth-service");
    let mut app = common::sized(held, now(), (120, 35));
    press(&mut app, "6 g <enter>");
    let Some(Overlay::Form(form)) = app.overlays.last_mut() else {
        panic!("the review's form is open");
    };
    let status = form
        .fields
        .iter_mut()
        .find(|f| f.label == "Status")
        .expect("a status field");
    let Input::Choice { options, selected } = &mut status.input else {
        panic!("status is a choice");
    };
    *selected = options
        .iter()
        .position(|o| *o == Status::Published.label())
        .unwrap();
    press(&mut app, "<c-s>");
    let Some(Overlay::Form(form)) = app.overlays.last() else {
        panic!("the form stays open");
    };
    let error = form.error.clone().unwrap_or_default();
    assert!(error.starts_with("Not ready to publish"), "{error}");
    assert!(
        error.contains("Priya"),
        "the name in public text is named: {error}"
    );
    assert_ne!(review(&app).status, Status::Published);
    press(&mut app, "<c-s>");
    assert!(app.overlays.is_empty());
    assert_eq!(review(&app).status, Status::Published);
}

#[test]
fn a_watcher_of_a_review_built_for_the_test_follows_its_selection_by_id() {
    use debrief::domain::{LearningKind, Priority, Role};
    let built = common::ReviewBuilder::sev2("Checkout failing")
        .event("16:02 gary: saw the checkout fail")
        .event("16:05 priya: restarted the payments pods")
        .learning(LearningKind::WentWell, "The alert fired within a minute")
        .action("Alert on queue depth", "priya", Priority::High)
        .participant("priya", Role::FirstResponder)
        .build();
    let mut app = common::workspace(built.clone(), Access::ReadOnly("x".into()), now());
    app.audience = Audience::Watcher;
    let second = built.timeline[1].id;
    update(
        &mut app,
        Action::Followed(follow(
            Stage::Timeline,
            Pane::Timeline,
            Some(Selected::Item(second)),
        )),
        now(),
    );
    assert_eq!(app.workspace().unwrap().cursor(Pane::Timeline).selected, 1);
    // An event saved before it moves the selection down, and the item stays selected.
    let mut saved = built;
    let mut early = saved.timeline[0].clone();
    early.id = ItemId(500);
    early.at -= chrono::TimeDelta::minutes(10);
    saved.timeline.insert(0, early);
    reload(&mut app, saved);
    assert_eq!(app.workspace().unwrap().cursor(Pane::Timeline).selected, 2);
}

#[test]
fn a_review_that_does_not_load_is_told_apart_from_one_that_is_held() {
    use debrief::app::action::Failure;
    let mut app = common::sized(common::example(), now(), (120, 35));
    update(
        &mut app,
        Action::Opened(Err(Failure::Unreadable("r.ron:3:1: expected ')'".into()))),
        now(),
    );
    assert!(message(&app).contains("left as it is"), "{}", message(&app));
    assert_eq!(app.message.as_ref().unwrap().level, Level::Error);
    update(
        &mut app,
        Action::Opened(Err(Failure::Locked {
            holder: "debrief (pid 7 on box)".into(),
        })),
        now(),
    );
    assert!(
        message(&app).contains("pid 7 on box) holds"),
        "{}",
        message(&app)
    );
    assert_eq!(app.message.as_ref().unwrap().level, Level::Warning);
}

#[test]
fn a_watcher_says_when_the_facilitator_has_left_and_when_they_are_back() {
    let mut app = read_only(Audience::Watcher);
    update(&mut app, Action::Left(true), now());
    let said = app.message.clone().expect("a message");
    assert!(
        said.text.starts_with("The facilitator has left"),
        "{}",
        said.text
    );
    assert_eq!(said.level, Level::Warning);
    update(&mut app, Action::Left(false), now());
    assert!(
        app.message
            .as_ref()
            .is_some_and(|m| m.text.starts_with("The facilitator is back")),
        "{:?}",
        app.message
    );
}

#[test]
fn only_a_watcher_hears_of_the_facilitator_leaving() {
    let mut app = read_only(Audience::Facilitator);
    let before = app.message.clone();
    update(&mut app, Action::Left(true), now());
    assert_eq!(
        app.message, before,
        "a read-only view follows the lock instead"
    );
}

#[test]
fn a_failed_save_says_what_to_do_by_its_kind() {
    use debrief::app::action::SaveFailure;
    for (failure, next) in [
        (
            SaveFailure::NoSpace("could not write r.ron: no space left".into()),
            "free some space",
        ),
        (
            SaveFailure::Invalid("r.ron was not saved: event 3 is too long".into()),
            "change what is named",
        ),
        (
            SaveFailure::Denied("could not write r.ron: permission denied".into()),
            "debrief keeps trying",
        ),
    ] {
        let mut app = common::sized(common::example(), now(), (120, 35));
        press(&mut app, "s");
        let revision = app.workspace().unwrap().revision;
        let text = failure.to_string();
        update(
            &mut app,
            Action::Saved {
                revision,
                result: Err(failure),
            },
            now(),
        );
        let said = app.message.clone().expect("a message").text;
        assert!(said.starts_with(&format!("Not saved: {text}")), "{said}");
        assert!(said.contains(next), "{said}");
        assert_eq!(
            app.workspace().unwrap().save_state(),
            SaveState::Failed(text)
        );
    }
}
