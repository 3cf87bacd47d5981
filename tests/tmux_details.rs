//! The details pane's summary row in the real binary, in tmux at 80x24
//! and 160x48:
//! selected, it says what the coach flags in the summary's texts and, once
//! the summary is rewritten in its form, what the room reframed in it;
//! `debrief coach --review` says so too.

mod common;

use common::tmux::{Server, debrief, new_sev3, saved};

fn the_summary_row_shows_its_flags_then_what_was_reframed(width: u16, height: u16) {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = new_sev3(d, "Disk full on db-1");
    debrief(
        d,
        &["set", &id, "summary", "The root cause was a full disk"],
    );
    debrief(d, &["set", &id, "cause", "Human error on the deploy"]);
    let server = Server::new(d);
    let pane = server.start_debrief("details", &format!("open {id}"), width, height);
    pane.wait_for("Disk full on db-1");
    // The details pane: the review, the key moments, then the summary.
    pane.keys(&["6"]);
    pane.wait_screen("the details pane focused", |s| s.contains("▶ Review"));
    pane.keys(&["j", "j"]);
    let screen = pane.wait_screen("the summary row's flags", |s| {
        s.contains("▶ Summary")
            && s.contains("summary ⚑ Root-cause thinking")
            && s.contains("proximate cause ⚑ Blame and human error")
    });
    assert!(
        !screen.contains("reframed"),
        "nothing reframed yet: {screen}"
    );

    pane.keys(&["Enter"]);
    pane.wait_for("Ctrl-S");
    pane.keys(&["C-u"]);
    pane.type_text("A full disk and a late alert");
    pane.keys(&["C-s"]);
    let screen = pane.wait_screen("the form closed and the summary reframed", |s| {
        !s.contains("Ctrl-S save") && s.contains("summary reframed: Root-cause thinking")
    });
    assert!(
        !screen.contains("summary ⚑") && screen.contains("proximate cause ⚑ Blame"),
        "the summary is no longer flagged, the cause still is: {screen}"
    );
    pane.quit();

    assert_eq!(
        saved(d, &id).summary.reframed.summary,
        [debrief::domain::CategoryId::RootCause]
    );
    let coach = debrief(d, &["coach", "--review", &id]);
    assert!(
        coach
            .lines()
            .any(|l| l == "summary: reframed Root-cause thinking"),
        "{coach}"
    );
}

#[test]
fn the_selected_summary_row_at_80x24_shows_its_flags_then_what_was_reframed() {
    the_summary_row_shows_its_flags_then_what_was_reframed(80, 24);
}

#[test]
fn the_selected_summary_row_at_160x48_shows_its_flags_then_what_was_reframed() {
    the_summary_row_shows_its_flags_then_what_was_reframed(160, 48);
}
