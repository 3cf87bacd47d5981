//! `debrief import` end to end: the real binary on a temporary folder and
//! the fixtures in tests/fixtures/import.

mod common;

use std::path::{Path, PathBuf};

use debrief::domain::{EventKind, Review, Source};
use debrief::store::{self, Store};

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn debrief(dir: &Path, args: &[&str], stdin: Option<&str>) -> Run {
    let out = common::run::run_debrief(args, &[("DEBRIEF_DIR", dir.as_os_str())], stdin);
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn ok(dir: &Path, args: &[&str]) -> Run {
    let run = debrief(dir, args, None);
    assert_eq!(run.code, 0, "debrief {args:?} failed: {}", run.stderr);
    run
}

fn fixture(name: &str) -> String {
    let p: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests/fixtures/import", name]
        .iter()
        .collect();
    p.display().to_string()
}

/// A review of the incident in the fixtures, in +01:00.
fn review(dir: &Path) -> String {
    let run = ok(
        dir,
        &["new", "Checkout 502s", "--sev", "2", "--offset", "+01:00"],
    );
    let id = run.stdout.trim().to_owned();
    ok(dir, &["add", &id, "participant", "Ana Lima"]);
    id
}

fn load(dir: &Path, id: &str) -> Review {
    store::load(&Store::at(dir).path_of(id)).unwrap()
}

#[test]
fn a_slack_folder_is_imported_once() {
    let dir = tempfile::tempdir().unwrap();
    let id = review(dir.path());
    let slack = fixture("slack");
    let args = ["import", &id, &slack, "--channel", "inc-checkout"];
    let run = ok(dir.path(), &args);
    assert_eq!(
        run.stdout.lines().count(),
        8,
        "one id a line: {}",
        run.stdout
    );
    assert!(
        run.stderr.contains(&format!(
            "{id}: added 8 events from slack, 0 skipped as already there, 4 left out (1 deleted, 2 joins and leaves, 1 topic and purpose changes)"
        )),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("not among the participants: Gary Oak, U03NODN, Sam Visitor"),
        "ana is Ana Lima by her real name: {}",
        run.stderr
    );
    let r = load(dir.path(), &id);
    assert_eq!(r.timeline.len(), 8);
    assert!(r.timeline.iter().all(|e| e.source == Source::Imported));
    let first = &r.timeline[0];
    assert_eq!(first.kind, EventKind::Alert);
    assert_eq!(first.links, ["https://example.pagerduty.com/incidents/Q1"]);
    let ana = r
        .timeline
        .iter()
        .find(|e| e.text.contains("I'm on it"))
        .unwrap();
    assert_eq!(
        ana.actor.as_deref(),
        Some("Ana Lima"),
        "matched to the participant"
    );
    assert!(r.timeline.windows(2).all(|w| w[0].at <= w[1].at));

    let again = ok(dir.path(), &args);
    assert_eq!(again.stdout, "", "nothing new");
    assert!(
        again
            .stderr
            .contains("added 0 events from slack, 8 skipped as already there"),
        "{}",
        again.stderr
    );
    assert_eq!(load(dir.path(), &id).timeline.len(), 8);
}

#[test]
fn a_dry_run_prints_in_the_reviews_offset_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let id = review(dir.path());
    let before = std::fs::read(Store::at(dir.path()).path_of(&id)).unwrap();
    let zsh = fixture("zsh_history");
    let run = ok(
        dir.path(),
        &["import", &id, &zsh, "--actor", "ana", "--dry-run"],
    );
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines,
        [
            "2026-11-24 00:34:00 +01:00  command      ana: kubectl -n checkout get pods",
            "2026-11-24 00:36:00 +01:00  command      ana: kubectl -n checkout rollout undo deploy/api ␊  --to-revision=41",
            "2026-11-24 00:41:00 +01:00  command      ana: curl -H 'Authorization: [masked]' https://api.example.com/health",
            "2026-11-24 01:02:00 +01:00  command      ana: export AWS_ACCESS_KEY_ID=[masked]",
        ]
    );
    assert!(
        run.stderr.contains("would add 4 events from zsh"),
        "{}",
        run.stderr
    );
    let after = std::fs::read(Store::at(dir.path()).path_of(&id)).unwrap();
    assert_eq!(before, after, "the file is untouched");
}

#[test]
fn secrets_stay_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let id = review(dir.path());
    let bash = fixture("bash_history");
    ok(dir.path(), &["import", &id, &bash, "--actor", "gary"]);
    let r = load(dir.path(), &id);
    let texts: Vec<&str> = r.timeline.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "systemctl status checkout",
            "mysql -h db --password=[masked] -e 'show processlist'"
        ]
    );
    assert!(
        r.timeline
            .iter()
            .all(|e| e.actor.as_deref() == Some("gary"))
    );
    let run = ok(
        dir.path(),
        &[
            "import",
            &id,
            &bash,
            "--actor",
            "gary",
            "--keep-secrets",
            "--dry-run",
        ],
    );
    assert!(run.stdout.contains("--password=hunter2"), "{}", run.stdout);
}

#[test]
fn the_pager_sets_key_moments_only_where_none_are() {
    let dir = tempfile::tempdir().unwrap();
    let id = review(dir.path());
    ok(dir.path(), &["set", &id, "resolved", "2026-11-24 01:00"]);
    let pd = fixture("pagerduty.json");
    let run = ok(dir.path(), &["import", &id, &pd]);
    assert!(
        run.stderr
            .contains("set detected to 2026-11-24 00:31:05 +01:00"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("set acknowledged to 2026-11-24 00:32:40 +01:00"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("kept resolved as it was (the log says 2026-11-24 01:06:00 +01:00)"),
        "{}",
        run.stderr
    );
    let r = load(dir.path(), &id);
    let kinds: Vec<EventKind> = r.timeline.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [
            EventKind::Alert,
            EventKind::Alert,
            EventKind::Action,
            EventKind::Escalation,
            EventKind::Observation,
            EventKind::Action
        ]
    );
    let resolved = r.moments.resolved.unwrap();
    assert_eq!(resolved.to_rfc3339(), "2026-11-24T00:00:00+00:00", "kept");
}

#[test]
fn the_window_comes_from_the_options_or_the_key_moments() {
    let dir = tempfile::tempdir().unwrap();
    let id = review(dir.path());
    let lines = fixture("lines.txt");
    // The lines have no date: they fall on the incident's day, and the
    // last one after midnight.
    ok(dir.path(), &["set", &id, "started", "2026-11-23 23:00"]);
    ok(dir.path(), &["set", &id, "resolved", "2026-11-23 23:02"]);
    let run = ok(dir.path(), &["import", &id, &lines, "--dry-run"]);
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);
    assert!(run.stdout.contains("23:31:00 +01:00"), "{}", run.stdout);
    assert!(
        run.stderr
            .contains("3 left out (3 outside the time window)"),
        "{}",
        run.stderr
    );
    let run = ok(
        dir.path(),
        &[
            "import",
            &id,
            &lines,
            "--from",
            "23:50",
            "--to",
            "2026-11-24 00:30",
            "--dry-run",
        ],
    );
    let shown: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        shown,
        [
            "2026-11-23 23:58:00 +01:00  action       gary: rollback done, token=[masked]",
            "2026-11-24 00:04:00 +01:00  action       ana: errors back to normal",
        ]
    );
    let bad = debrief(dir.path(), &["import", &id, &lines, "--from", "soon"], None);
    assert_ne!(bad.code, 0);
    assert!(
        bad.stderr.contains("--from: 'soon' is not a time"),
        "{}",
        bad.stderr
    );
}

#[test]
fn pins_reactions_and_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    let id = review(dir.path());
    let slack = fixture("slack");
    let base = [
        "import",
        &id,
        &slack,
        "--channel",
        "inc-checkout",
        "--dry-run",
    ];
    let pinned = ok(dir.path(), &[&base[..], &["--pinned"]].concat());
    assert_eq!(pinned.stdout.lines().count(), 1, "{}", pinned.stdout);
    assert!(pinned.stdout.contains("I'm on it"));
    let reacted = ok(
        dir.path(),
        &[&base[..], &["--reaction", ":white_check_mark:"]].concat(),
    );
    assert_eq!(reacted.stdout.lines().count(), 1);
    assert!(reacted.stdout.contains("errors are down to 0.5% (edited)"));

    let run = debrief(
        dir.path(),
        &["import", &id, "-", "--add-participants"],
        Some("16:02 gary: saw the login page fail\n16:05 rolled back\n"),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("participants added: gary"),
        "{}",
        run.stderr
    );
    let r = load(dir.path(), &id);
    assert_eq!(r.timeline.len(), 2);
    assert!(r.participants.iter().any(|p| p.name == "gary"));
}

#[test]
fn broken_files_are_refused_with_the_file_and_place() {
    let dir = tempfile::tempdir().unwrap();
    let id = review(dir.path());
    let cases = [
        (
            "pagerduty-broken.json",
            "$.log_entries[1].created_at: expected a time",
        ),
        ("zsh_history-broken", "line 2: expected a zsh history line"),
        ("fish_history-broken", "line 2: expected seconds since 1970"),
        ("lines-broken.txt", "line 2: expected an event like"),
        (
            "slack-broken",
            "ops/2026-11-23.json $[1].ts: expected the message's time",
        ),
    ];
    for (file, want) in cases {
        let path = fixture(file);
        let run = debrief(dir.path(), &["import", &id, &path], None);
        assert_ne!(run.code, 0, "{file}");
        assert!(
            run.stderr.contains(&format!("{path}, {want}")),
            "{file}: {}",
            run.stderr
        );
    }
    assert!(
        load(dir.path(), &id).timeline.is_empty(),
        "nothing was added"
    );
    let run = debrief(dir.path(), &["import", &id, &fixture("slack")], None);
    assert!(
        run.stderr.contains("choose one with --channel"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_discord_channel_is_told_from_its_content() {
    let dir = tempfile::tempdir().unwrap();
    let id = review(dir.path());
    let discord = fixture("discord.json");
    let run = ok(dir.path(), &["import", &id, &discord, "--reaction", "✅"]);
    assert!(
        run.stderr.contains("added 1 event from discord, 0 skipped as already there, 4 left out (1 joins and leaves, 3 without the reaction)"),
        "{}",
        run.stderr
    );
    let r = load(dir.path(), &id);
    assert_eq!(r.timeline[0].text, "on it, rolling back");
    assert_eq!(
        r.timeline[0].actor.as_deref(),
        Some("ana"),
        "ana.lima is not Ana Lima"
    );
}

#[test]
fn irc_logs_read_alike_in_the_reviews_offset() {
    let dir = tempfile::tempdir().unwrap();
    let id = review(dir.path());
    let mut outputs = Vec::new();
    for log in ["irssi.log", "weechat.log"] {
        let run = ok(dir.path(), &["import", &id, &fixture(log), "--dry-run"]);
        assert!(
            run.stderr.contains("would add 3 events"),
            "{log}: {}",
            run.stderr
        );
        assert!(
            run.stderr.contains("1 joins, leaves and notices"),
            "{log}: {}",
            run.stderr
        );
        outputs.push(run.stdout);
    }
    assert_eq!(outputs[0], outputs[1], "the same conversation in both logs");
    assert!(
        outputs[0]
            .starts_with("2026-11-23 23:33:00 +01:00  conversation ana: on it, rolling back\n"),
        "{}",
        outputs[0]
    );
    assert!(
        outputs[0]
            .contains("2026-11-24 00:02:00 +01:00  conversation gary: gary watches the 5xx fall")
    );
}

#[test]
fn a_mattermost_export_is_imported_once() {
    let dir = tempfile::tempdir().unwrap();
    let id = review(dir.path());
    let mm = fixture("mattermost.jsonl");
    let run = ok(dir.path(), &["import", &id, &mm]);
    assert!(
        run.stderr.contains("added 4 events from mattermost"),
        "{}",
        run.stderr
    );
    let again = ok(dir.path(), &["import", &id, &mm]);
    assert!(
        again
            .stderr
            .contains("added 0 events from mattermost, 4 skipped as already there"),
        "{}",
        again.stderr
    );
    let r = load(dir.path(), &id);
    assert_eq!(r.timeline.len(), 4);
    assert_eq!(r.timeline[0].kind, EventKind::Alert);
    assert_eq!(
        r.timeline[1].actor.as_deref(),
        Some("Ana Lima"),
        "ana is matched by her full name"
    );
}
