//! What the room reframed, in the real binary in tmux at 80x24 and
//! 160x48: a learning flagged as a counterfactual is rewritten in its form,
//! the coach's marker goes, the selected item's details say what was
//! reframed, the saved file records it, and the internal report counts it.

mod common;

use common::tmux::{Server, debrief, new_sev3, saved};

fn rewrite_a_flagged_learning(width: u16, height: u16) {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = new_sev3(d, "Disk full on db-1");
    debrief(
        d,
        &["add", &id, "learning", "We should have rolled back sooner"],
    );
    let server = Server::new(d);
    let pane = server.start_debrief("reframe", &format!("open {id}"), width, height);
    pane.wait_for("Disk full on db-1");
    pane.keys(&["2"]);
    pane.wait_screen("the learning flagged in its pane", |s| {
        s.contains("⚑") && s.contains("should have rolled back")
    });
    pane.keys(&["Enter"]);
    pane.wait_for("Ctrl-S");
    pane.keys(&["C-u"]);
    pane.type_text("The rollback started 20 minutes after the alert");
    pane.keys(&["C-s"]);
    let screen = pane.wait_screen("the form closed and the words saved", |s| {
        s.contains("The rollback started 20 minutes") && !s.contains("Ctrl-S save")
    });
    assert!(
        !screen.contains("should have rolled back"),
        "the old words are gone: {screen}"
    );
    let screen = pane.wait_for("reframed: Counterfactual");
    assert!(!screen.contains("⚑"), "nothing is flagged now: {screen}");
    pane.quit();

    assert_eq!(
        saved(d, &id).learnings[0].reframed,
        [debrief::domain::CategoryId::Counterfactual]
    );
    let report = debrief(d, &["export", &id]);
    assert!(
        report.contains("| Counterfactual | 0 | 0 | 0 | 1 |"),
        "{report}"
    );
}

#[test]
fn a_learning_rewritten_at_80x24_is_recorded_as_reframed() {
    rewrite_a_flagged_learning(80, 24);
}

#[test]
fn a_learning_rewritten_at_160x48_is_recorded_as_reframed() {
    rewrite_a_flagged_learning(160, 48);
}
