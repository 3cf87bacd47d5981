//! The import view in the real binary, in tmux: a Slack export written
//! here is imported into a review through the view, some lines kept and
//! others dropped, the report exported, and its timeline holds exactly
//! the kept lines. At 80x24 and at a large size.

mod common;

use std::path::Path;

use chrono::{DateTime, Utc};
use common::tmux::{Server, debrief};

fn ts(at: &str) -> String {
    let at: DateTime<Utc> = at.parse().unwrap();
    format!("{}.000200", at.timestamp())
}

/// A Slack export folder of two channels; #inc-checkout runs from 23:31
/// to 00:04 in +01:00, across midnight.
fn export(dir: &Path) -> String {
    let root = dir.join("export");
    std::fs::create_dir_all(root.join("inc-checkout")).unwrap();
    std::fs::create_dir_all(root.join("random")).unwrap();
    std::fs::write(
        root.join("users.json"),
        r#"[{"id": "U1", "name": "ana", "real_name": "Ana Lima", "profile": {"display_name": "ana"}},
            {"id": "U2", "name": "gary", "real_name": "Gary Oak", "profile": {"display_name": "gary"}}]"#,
    )
    .unwrap();
    std::fs::write(
        root.join("channels.json"),
        r#"[{"id": "C1", "name": "inc-checkout"}, {"id": "C2", "name": "random"}]"#,
    )
    .unwrap();
    let msg = |at: &str, user: &str, text: &str| {
        format!(
            r#"{{"type": "message", "ts": "{}", "user": "{user}", "text": "{text}"}}"#,
            ts(at)
        )
    };
    let day1 = [
        format!(
            r#"{{"type": "message", "subtype": "bot_message", "ts": "{}", "username": "PagerDuty", "text": "Triggered: checkout 5xx above 2%"}}"#,
            ts("2026-11-23T22:31:00Z")
        ),
        msg(
            "2026-11-23T22:33:00Z",
            "U1",
            "on it, looking at the dashboards",
        ),
        msg("2026-11-23T22:40:00Z", "U2", "lunch order anyone"),
        msg("2026-11-23T22:45:00Z", "U2", "rolling back checkout to v41"),
    ];
    let day2 = [
        msg("2026-11-23T23:01:00Z", "U2", "sorry wrong channel"),
        msg("2026-11-23T23:04:00Z", "U1", "errors back to normal"),
    ];
    std::fs::write(
        root.join("inc-checkout/2026-11-23.json"),
        format!("[{}]", day1.join(",")),
    )
    .unwrap();
    std::fs::write(
        root.join("inc-checkout/2026-11-24.json"),
        format!("[{}]", day2.join(",")),
    )
    .unwrap();
    std::fs::write(
        root.join("random/2026-11-23.json"),
        format!(
            "[{}]",
            msg("2026-11-23T22:50:00Z", "U1", "cake in the kitchen")
        ),
    )
    .unwrap();
    root.display().to_string()
}

/// The rows of the report's timeline table, headings aside.
fn timeline_rows(report: &str) -> Vec<String> {
    let start = report.find("## Timeline").expect("a timeline section");
    let section = &report[start + 3..];
    let end = section.find("\n## ").unwrap_or(section.len());
    // The first table of the section; the recovery chart's points follow.
    section[..end]
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2)
        .map(str::to_owned)
        .collect()
}

fn import_through_the_view(width: u16, height: u16) {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = debrief(
        d,
        &[
            "new",
            "Checkout 502s",
            "--sev",
            "2",
            "--offset",
            "+01:00",
            "--no-open",
        ],
    )
    .trim()
    .to_owned();
    debrief(d, &["set", &id, "started", "2026-11-23 23:35"]);
    debrief(d, &["set", &id, "resolved", "2026-11-24 00:05"]);
    debrief(d, &["add", &id, "participant", "Ana Lima"]);
    let path = export(d);

    let tmux = Server::new(d);
    let t = tmux.start_debrief("import", &format!("open {id}"), width, height);
    t.wait_for("Checkout 502s");
    t.keys(&["I"]);
    t.wait_for("Import into the timeline");
    t.type_text(&path);
    t.keys(&["Enter"]);
    t.wait_for("holds several channels");
    t.keys(&["Enter"]);
    let listed = t.wait_for("Import from slack");
    assert!(
        listed.contains("23 Nov 23:31") && listed.contains("24 Nov 00:04"),
        "the date across midnight: {listed}"
    );
    assert!(listed.contains("6 to add of 6 lines"), "{listed}");
    // Drop the alert, keep ana's, drop the lunch order, keep the
    // rollback, drop the wrong channel, keep the end.
    t.keys(&["Space", "j", "Space", "j", "Space"]);
    t.wait_for("3 to add of 6 lines");
    t.keys(&["a"]);
    t.wait_for("Added 3 events from slack");
    t.keys(&["e"]);
    t.wait_for("Exported");
    t.quit();

    let report = std::fs::read_to_string(d.join("reviews").join(format!("{id}.md"))).unwrap();
    let rows = timeline_rows(&report);
    assert_eq!(rows.len(), 3, "exactly the kept lines: {rows:#?}");
    for (row, (time, who, text)) in rows.iter().zip([
        ("23:33", "Ana Lima", "on it, looking at the dashboards"),
        ("23:45", "gary", "rolling back checkout to v41"),
        ("00:04", "Ana Lima", "errors back to normal"),
    ]) {
        assert!(
            row.contains(time) && row.contains(who) && row.contains(text),
            "{row} should be {time} {who}: {text}"
        );
    }
    for dropped in ["Triggered", "lunch order", "wrong channel", "cake"] {
        assert!(!report.contains(dropped), "{dropped} was dropped: {report}");
    }
    let json = debrief(d, &["export", &id, "--format", "json"]);
    assert_eq!(
        json.to_lowercase()
            .matches("\"source\": \"imported\"")
            .count(),
        3,
        "marked as imported: {json}"
    );
}

#[test]
fn a_chat_export_is_imported_through_the_view_at_80x24() {
    import_through_the_view(80, 24);
}

#[test]
fn a_chat_export_is_imported_through_the_view_at_160x48() {
    import_through_the_view(160, 48);
}
