//! Related reviews in the real binary, in tmux at 80x24: reviews made with
//! the command line, one opened, an event typed, `R` lists the reviews
//! related to it, Enter opens the other (the first saved before it goes),
//! and `b` in the other's list goes back. A related review that cannot be
//! read leaves the open one open, and its changes are still saved.

mod common;

use std::path::Path;

use common::tmux::{Server, debrief};

/// Two reviews that share a service, and one that shares nothing.
fn library(dir: &Path) -> (String, String) {
    let new = |title: &str| {
        debrief(dir, &["new", title, "--sev", "2", "--no-open"])
            .trim()
            .to_owned()
    };
    let login = new("Login failures");
    let tokens = new("Token refresh storm");
    new("Pricing typo");
    for id in [&login, &tokens] {
        debrief(dir, &["set", id, "services", "auth-service"]);
    }
    (login, tokens)
}

/// Opens `login` at 80x24, types an event, and lists its related reviews.
fn listed<'a>(server: &'a Server, login: &str) -> common::tmux::Pane<'a> {
    let pane = server.start_debrief("related", &format!("open {login}"), 80, 24);
    pane.wait_for("Login failures");
    pane.keys(&["n"]);
    pane.wait_for("Quick entry");
    pane.type_text("09:15 mo: token refresh failed");
    pane.keys(&["Enter", "Escape"]);
    pane.wait_screen("the event filed and the entry closed", |s| {
        s.contains("token refresh failed") && !s.contains("Quick entry")
    });
    pane.keys(&["R"]);
    let screen = pane.wait_for("shares service auth-service");
    assert!(screen.contains("Token refresh storm"), "{screen}");
    assert!(screen.contains("1 review"), "{screen}");
    assert!(!screen.contains("Pricing typo"), "{screen}");
    pane
}

#[test]
fn r_then_enter_opens_the_related_review_and_b_goes_back() {
    let dir = tempfile::tempdir().unwrap();
    let (login, tokens) = library(dir.path());
    let server = Server::new(dir.path());
    let pane = listed(&server, &login);
    pane.keys(&["Enter"]);
    let screen = pane.wait_for("Opened Token refresh storm");
    assert!(
        !screen.contains("shares service"),
        "the list closed: {screen}"
    );
    // The review left was saved before the other opened.
    let shown = debrief(dir.path(), &["show", &login]);
    assert!(shown.contains("events        1"), "{shown}");
    // Its own list leads back.
    pane.keys(&["R"]);
    pane.wait_for("b back to Login failures");
    pane.keys(&["b"]);
    let screen = pane.wait_for("Opened Login failures");
    assert!(screen.contains("token refresh failed"), "{screen}");
    pane.quit();
    let shown = debrief(dir.path(), &["show", &tokens]);
    assert!(shown.contains("Token refresh storm"), "{shown}");
}

#[test]
fn a_related_review_that_cannot_be_read_leaves_the_open_one_open_and_saved() {
    let dir = tempfile::tempdir().unwrap();
    let (login, tokens) = library(dir.path());
    let server = Server::new(dir.path());
    let pane = listed(&server, &login);
    let file = dir.path().join("reviews").join(format!("{tokens}.ron"));
    std::fs::write(&file, "(broken").unwrap();
    pane.keys(&["Enter"]);
    let screen = pane.wait_for("Not opened");
    assert!(screen.contains("Login failures"), "{screen}");
    // Still the first review, still saved as it changes.
    pane.keys(&["n"]);
    pane.wait_for("Quick entry");
    pane.type_text("09:20 ana: rolled back the token cache");
    pane.keys(&["Enter", "Escape"]);
    pane.wait_screen("the second event filed", |s| {
        s.contains("rolled back the token cache") && !s.contains("Quick entry")
    });
    pane.quit();
    let shown = debrief(dir.path(), &["show", &login]);
    assert!(shown.contains("events        2"), "{shown}");
}
