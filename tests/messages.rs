//! Messages that stay true: a message about the review as it is goes when
//! the review changes, a warning names what the item lacks, the demo says
//! before an export that its folder goes, and a read-only view offers
//! only the keys that work there.

mod common;

use chrono::{DateTime, Utc};
use common::keys::{press_at, typing_at};
use debrief::app::state::{Access, App};
use debrief::app::{Effect, update};
use debrief::domain::Stage;

fn now() -> DateTime<Utc> {
    "2026-11-24T10:00:00Z".parse().unwrap()
}

fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    press_at(app, keys, now())
}

fn message(app: &App) -> String {
    app.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

fn example() -> App {
    common::sized(common::example(), now(), (120, 40))
}

/// Adds a participant: a change to the review that says nothing itself.
fn change_the_review(app: &mut App) {
    press(app, "6 a");
    typing_at(app, "Zed", now());
    press(app, "<c-s>");
}

#[test]
fn a_check_or_the_clock_said_goes_once_the_review_changes() {
    let mut review = common::example();
    review.summary.summary = Default::default();
    let mut app = common::sized(review, now(), (120, 40));
    debrief::app::meeting::go_to(&mut app, Stage::Summaries);
    press(&mut app, "!");
    assert!(message(&app).starts_with("Check 1/"), "{}", message(&app));
    press(&mut app, "<esc>");
    assert!(message(&app).starts_with("Check 1/"), "still true");
    change_the_review(&mut app);
    assert!(!message(&app).contains("Check 1/"), "{}", message(&app));

    let mut app = example();
    press(&mut app, "c");
    assert!(message(&app).contains("min planned"), "{}", message(&app));
    press(&mut app, "j");
    assert!(
        message(&app).contains("min planned"),
        "a move changes nothing"
    );
    change_the_review(&mut app);
    assert!(!message(&app).contains("min planned"), "{}", message(&app));
}

#[test]
fn the_warning_about_an_action_item_names_what_it_lacks() {
    let mut app = example();
    press(&mut app, "4 a");
    typing_at(&mut app, "Owned and ranked", now());
    press(&mut app, "<tab>");
    typing_at(&mut app, "Wen Li", now());
    press(&mut app, "<tab> h <c-s>");
    assert!(!message(&app).contains("owner"), "{}", message(&app));
    press(&mut app, "a");
    typing_at(&mut app, "Owned only", now());
    press(&mut app, "<tab>");
    typing_at(&mut app, "Wen Li", now());
    press(&mut app, "<c-s>");
    assert_eq!(
        message(&app),
        "This action item has no priority: without both it rarely gets done"
    );
    press(&mut app, "a");
    typing_at(&mut app, "Nobody's", now());
    press(&mut app, "<c-s>");
    assert!(
        message(&app).starts_with("This action item has no owner and no priority"),
        "{}",
        message(&app)
    );
}

#[test]
fn the_demo_says_its_folder_goes_before_the_first_export() {
    let mut app = example();
    app.demo = true;
    assert!(press(&mut app, "e").is_empty());
    assert!(
        message(&app).contains("deleted on quit"),
        "{}",
        message(&app)
    );
    assert_eq!(press(&mut app, "e"), [Effect::Export { folder: None }]);
    press(&mut app, "E");
    let Some(debrief::app::Overlay::Form(form)) = app.overlays.last() else {
        panic!("the export form")
    };
    assert!(form.fields[0].hint.contains("deleted on quit"));
}

#[test]
fn a_read_only_view_offers_only_keys_that_work_there() {
    let mut app = example();
    update(&mut app, debrief::app::Action::Resize(160, 48), now());
    app.workspace_mut().unwrap().access = Access::ReadOnly("debrief (pid 1 on a)".into());
    let bar = |app: &App| {
        let terminal = common::screen(app, 160, 48);
        let buf = terminal.backend().buffer().clone();
        let y = buf.area.bottom() - 1;
        (buf.area.left()..buf.area.right())
            .map(|x| buf[(x, y)].symbol().to_owned())
            .collect::<String>()
    };
    let shown = bar(&app);
    for gone in [
        "quick entry",
        "towards recovery",
        "phase",
        "star",
        "add",
        "undo",
    ] {
        assert!(!shown.contains(gone), "{gone} in {shown}");
    }
    assert!(shown.contains("help"), "{shown}");
    // The same keys are offered again once the review can be changed.
    app.workspace_mut().unwrap().access = Access::ReadWrite;
    assert!(bar(&app).contains("quick entry"));
}

/// The status bar's last line at `size`.
fn status_bar(app: &App, (w, h): (u16, u16)) -> String {
    let terminal = common::screen(app, w, h);
    let buf = terminal.backend().buffer().clone();
    let y = buf.area.bottom() - 1;
    (buf.area.left()..buf.area.right())
        .map(|x| buf[(x, y)].symbol().to_owned())
        .collect()
}

#[test]
fn choosing_a_value_asks_for_a_digit_or_an_initial_not_a_search() {
    for size in [(80, 24), (120, 35)] {
        let mut app = common::sized(common::example(), now(), size);
        press(&mut app, "p");
        let shown = status_bar(&app, size);
        assert!(shown.contains("a digit or an initial"), "{shown}");
        assert!(!shown.contains("to search"), "{shown}");
        // The palette does search.
        press(&mut app, "<esc> :");
        assert!(status_bar(&app, size).contains("type to search"));
    }
}
