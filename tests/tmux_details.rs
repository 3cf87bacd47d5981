//! The details pane's summary row in the real binary, in tmux at 80x24:
//! selected, it says what the coach flags in the summary's texts and, once
//! the summary is rewritten in its form, what the room reframed in it;
//! `debrief coach --review` says so too.

mod common;

use common::tmux::{Server, debrief};

#[test]
fn the_selected_summary_row_at_80x24_shows_its_flags_then_what_was_reframed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = debrief(d, &["new", "Disk full on db-1", "--sev", "3", "--no-open"])
        .trim()
        .to_owned();
    debrief(
        d,
        &["set", &id, "summary", "The root cause was a full disk"],
    );
    debrief(d, &["set", &id, "cause", "Human error on the deploy"]);
    let server = Server::new(d);
    let pane = server.start_debrief("details", &format!("open {id}"), 80, 24);
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

    let saved = debrief::store::load(&d.join("reviews").join(format!("{id}.ron"))).unwrap();
    assert_eq!(
        saved.summary.reframed.summary,
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
