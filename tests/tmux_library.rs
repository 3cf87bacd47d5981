//! The library screen in the real binary, in tmux: reviews made with the
//! command line, the library opened from the list of reviews with Ctrl-L,
//! the selection moved to an overdue action item, and Enter opens its
//! review in the workspace with the action items pane focused and that
//! item selected. At 80x24 and at a large size; `debrief library` opens
//! the same screen, and Esc goes to the list of reviews.

mod common;

use std::path::Path;

use common::tmux::{Server, debrief};

/// Two reviews with action items: two of them overdue (due in 2020).
fn library(dir: &Path) {
    let checkout = debrief(dir, &["new", "Checkout 502s after deploy", "--sev", "2"]);
    let checkout = checkout.trim();
    for (text, owner, due) in [
        ("Rotate the pager keys", "ana", "2020-01-01"),
        ("Write the failover runbook", "ana", "2099-01-01"),
    ] {
        debrief(
            dir,
            &[
                "add", checkout, "action", text, "--owner", owner, "--due", due,
            ],
        );
    }
    let search = debrief(dir, &["new", "Search results stale", "--sev", "3"]);
    let search = search.trim();
    debrief(
        dir,
        &[
            "add",
            search,
            "action",
            "Tidy the dashboards",
            "--owner",
            "mo",
        ],
    );
    debrief(
        dir,
        &[
            "add",
            search,
            "action",
            "Alert on queue saturation",
            "--owner",
            "mo",
            "--due",
            "2020-02-01",
        ],
    );
}

/// The screen's line that holds `text`.
fn line_with<'a>(screen: &'a str, text: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(text))
        .unwrap_or_else(|| panic!("no line holds {text:?}:\n{screen}"))
}

fn opens_the_review_at_an_overdue_item(width: u16, height: u16) {
    let dir = tempfile::tempdir().unwrap();
    library(dir.path());
    let server = Server::new(dir.path());
    let pane = server.start_debrief("library", "", width, height);
    pane.wait_for("Reviews, newest first");
    pane.wait_for("Ctrl-L library");
    pane.keys(&["C-l"]);
    pane.wait_for("Reviews by severity");
    // Shift-Tab: the follow-ups, the last section.
    pane.keys(&["BTab"]);
    let screen = pane.wait_for("Open follow-ups by owner");
    assert!(screen.contains("4 open, 2 overdue"), "{screen}");
    // ana's items, then mo's: mo's overdue item is the third.
    pane.keys(&["j", "j"]);
    let screen = pane.wait_screen("the overdue item selected", |s| {
        s.lines()
            .any(|l| l.contains('▶') && l.contains("Alert on queue saturation"))
    });
    assert!(
        line_with(&screen, "Alert on queue saturation").contains("! 2020-02-01"),
        "{screen}"
    );
    pane.keys(&["Enter"]);
    let screen = pane.wait_for("Opened Search results stale");
    // The workspace, the action items pane focused, the item selected:
    // the second of its review's items.
    let selected = line_with(&screen, "Alert on queue saturation");
    assert!(selected.contains('▶'), "{screen}");
    assert!(
        !line_with(&screen, "Tidy the dashboards").contains('▶'),
        "{screen}"
    );
    assert!(screen.contains("Action items"), "{screen}");
    pane.quit();
}

#[test]
fn an_overdue_item_opens_in_its_review_at_80x24() {
    opens_the_review_at_an_overdue_item(80, 24);
}

#[test]
fn an_overdue_item_opens_in_its_review_at_160x48() {
    opens_the_review_at_an_overdue_item(160, 48);
}

#[test]
fn debrief_library_opens_the_screen_and_esc_goes_to_the_list_of_reviews() {
    let dir = tempfile::tempdir().unwrap();
    library(dir.path());
    let server = Server::new(dir.path());
    let pane = server.start_debrief("library", "library", 80, 24);
    let screen = pane.wait_for("Reviews by severity");
    assert!(screen.contains("2 reviews"), "{screen}");
    pane.keys(&["Escape"]);
    pane.wait_for("Reviews, newest first");
    pane.keys(&["Escape"]);
    pane.wait_for("[exited 0]");
}
