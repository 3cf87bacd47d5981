//! The quick review's status messages: one that says what a step left
//! unread goes once it is no longer true (and says the new count while
//! some is left), and an export says where the reports are and what
//! comes next. Through real keys, then the real binary in tmux.

mod common;

use chrono::{DateTime, Utc};
use common::keys::{Keys, press_at, typing_at};
use debrief::app::quick::Step;
use debrief::app::state::{App, Level, Overlay};
use debrief::app::{Action, update};
use debrief::domain::Review;

fn now() -> DateTime<Utc> {
    "2026-11-24T09:30:00Z".parse().unwrap()
}

fn sev3() -> Review {
    common::login_page_failing(
        "2026-11-24-login-failures-abcd",
        "2026-11-24T09:00:00Z".parse().unwrap(),
    )
}

fn app() -> App {
    common::sized(sev3(), now(), (80, 24))
}

fn press(app: &mut App, keys: &str) {
    press_at(app, keys, now());
}

fn message(app: &App) -> Option<(String, Level)> {
    app.message.as_ref().map(|m| (m.text.clone(), m.level))
}

fn step(app: &App) -> Step {
    match app.overlays.last() {
        Some(Overlay::Quick(q)) => q.step,
        other => panic!("the quick review is not open: {other:?}"),
    }
}

/// Empties the focused key moment.
fn clear(app: &mut App) {
    press(app, "<c-e>");
    for _ in 0..12 {
        press(app, "<bs>");
    }
}

fn unread(text: &str) -> Option<(String, Level)> {
    Some((text.to_owned(), Level::Warning))
}

#[test]
fn a_time_not_read_is_no_longer_said_once_it_is_fixed() {
    let mut app = app();
    Keys::new(&mut app, now())
        .press("Q")
        .typing("16:02 gary: saw the login page fail")
        .press("<tab>")
        .typing("15:5O")
        .press("<c-n>");
    assert_eq!(step(&app), Step::Learnings);
    assert_eq!(message(&app), unread("1 time not read (step 2)"));
    // Elsewhere in the flow it stays true, and stays said.
    press(&mut app, "<c-n> <c-n>");
    assert_eq!(step(&app), Step::Export);
    assert_eq!(message(&app), unread("1 time not read (step 2)"));

    // Back to the key moments: the time fixed, the message goes, and the
    // step's leaving says nothing new.
    press(&mut app, "<c-p> <c-p> <c-p>");
    assert_eq!(step(&app), Step::Moments);
    press(&mut app, "<up> <up> <up> <up>");
    clear(&mut app);
    typing_at(&mut app, "15:50", now());
    press(&mut app, "<c-n>");
    assert_eq!(step(&app), Step::Learnings);
    assert_eq!(message(&app), None, "the time is read");
    let r = &app.workspace().unwrap().review;
    assert!(r.moments.started.is_some());
}

#[test]
fn the_count_follows_the_times_fixed_one_by_one() {
    let mut app = app();
    Keys::new(&mut app, now())
        .press("Q <tab>")
        .typing("15:5O")
        .press("<enter>")
        .typing("16:6x")
        .press("<c-n>");
    assert_eq!(message(&app), unread("2 times not read (step 2)"));
    press(&mut app, "<c-p> <up> <up> <up> <up>");
    // Typing over a refused time takes its error away: one is left.
    clear(&mut app);
    assert_eq!(message(&app), unread("1 time not read (step 2)"));
    typing_at(&mut app, "15:50", now());
    press(&mut app, "<down>");
    clear(&mut app);
    assert_eq!(message(&app), None);
    typing_at(&mut app, "16:06", now());
    press(&mut app, "<c-n>");
    assert_eq!(message(&app), None, "both times read");
}

#[test]
fn a_line_not_filed_is_no_longer_said_once_it_is_fixed() {
    let mut app = app();
    Keys::new(&mut app, now())
        .press("Q")
        .typing("gary paged ana")
        .press("<tab>");
    assert_eq!(message(&app), unread("1 line not filed (step 1)"));
    press(&mut app, "<s-tab> <home>");
    typing_at(&mut app, "16:04 ", now());
    assert_eq!(message(&app), None, "the line reads now");
    press(&mut app, "<tab>");
    assert_eq!(message(&app), None);
    assert_eq!(app.workspace().unwrap().review.timeline.len(), 1);
}

#[test]
fn a_message_said_since_is_left_alone() {
    let mut app = app();
    Keys::new(&mut app, now())
        .press("Q <tab>")
        .typing("15:5O")
        .press("<c-n> <c-n>");
    // A fourth action item is not asked for: that is said instead.
    Keys::new(&mut app, now())
        .typing("one @a")
        .press("<enter>")
        .typing("two @b")
        .press("<enter>")
        .typing("three @c")
        .press("<enter>");
    let (said, _) = message(&app).expect("a message");
    assert!(said.starts_with("A quick review keeps to 3"), "{said}");
    press(&mut app, "<c-p> <c-p> <up> <up> <up> <up>");
    clear(&mut app);
    assert_eq!(message(&app).map(|m| m.0), Some(said));
}

#[test]
fn an_export_says_where_the_reports_are_and_what_comes_next() {
    let mut app = app();
    Keys::new(&mut app, now())
        .press("Q")
        .typing("16:02 gary: saw the login page fail")
        .press("<c-n> <c-n> <c-n>")
        .typing("Alert on login errors @gary")
        .press("<c-n> <enter>");
    assert!(app.overlays.is_empty(), "the export closes the flow");
    let files = vec![
        "/srv/reviews/2026-11-24-login-failures-abcd.md".into(),
        "/srv/reviews/2026-11-24-login-failures-abcd.public.md".into(),
    ];
    update(&mut app, Action::Exported(Ok(files)), now());
    assert_eq!(
        message(&app),
        Some((
            "Exported to /srv/reviews: the .md for the team, the .public.md to share; \
             next, follow up the open action item (4)"
                .to_owned(),
            Level::Info
        ))
    );
}

mod in_tmux {
    use super::common::tmux::Server;

    /// The real binary: a time not read is said, then goes once it is
    /// fixed; the export says where the reports went and what is next.
    #[test]
    fn the_real_binary_takes_back_a_time_not_read_and_says_where_the_export_went() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let tmux = Server::new(d);
        let t = tmux.start_debrief("quick", "new 'Login page failing' --sev 3", 80, 24);
        t.wait_for("Step 1 of 5");
        t.type_text("09:02 alert: login errors high");
        t.keys(&["Tab"]);
        t.wait_for("Step 2 of 5");
        t.type_text("08:6x");
        t.keys(&["C-n"]);
        t.wait_for("1 time not read (step 2)");
        t.keys(&["C-p"]);
        t.wait_for("Step 2 of 5");
        t.keys(&[
            "Up", "Up", "Up", "Up", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace",
        ]);
        t.type_text("08:55");
        t.keys(&["C-n"]);
        t.wait_for("Step 3 of 5");
        t.wait_screen("the message gone", |s| !s.contains("not read (step 2)"));
        t.keys(&["C-n"]);
        t.type_text("Alert on login errors @gary");
        t.keys(&["C-n"]);
        t.wait_for("Step 5 of 5");
        t.keys(&["Enter"]);
        let screen = t.wait_for("Exported to");
        let reviews = d.join("reviews");
        let status = screen.lines().last().unwrap_or_default();
        let said = format!("Exported to {}: the .md for the team", reviews.display());
        assert!(status.contains(&said), "{status}");
        assert!(
            std::fs::read_dir(&reviews).unwrap().any(|f| f
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".public.md")),
            "the reports are where it says"
        );
        t.quit();
    }
}
