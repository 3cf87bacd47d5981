//! `debrief coach --review`: after the open flags, one line per text
//! saying what the room reframed in it, in plain text and in JSON.

mod common;

use std::path::Path;

use debrief::domain::CategoryId;
use debrief::store::codec::encode;
use debrief::store::{self, Store};

use CategoryId::*;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn debrief(dir: &Path, args: &[&str]) -> Run {
    let out = common::run::run_debrief(args, &[("DEBRIEF_DIR", dir.as_os_str())], None);
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let run = debrief(dir, args);
    assert_eq!(run.code, 0, "debrief {args:?}: {}", run.stderr);
    run.stdout
}

/// A review made with the command line: its proximate cause rewritten so
/// that hindsight is reframed in it, a learning still flagged for
/// hindsight and a neutral one, each learning given a record by hand (the
/// first's hindsight is open again, so only its counterfactual counts).
fn review(d: &Path) -> String {
    let id = ok(d, &["new", "Disk full on db-1", "--no-open"])
        .trim()
        .to_owned();
    for args in [
        vec!["set", &id, "cause", "It was obvious the disk would fill"],
        vec!["set", &id, "cause", "The disk filled at 16:05"],
        vec!["add", &id, "learning", "It was obvious the disk was full."],
        vec!["add", &id, "learning", "We rolled back at 16:05"],
    ] {
        ok(d, &args);
    }
    edit(d, &id, |r| {
        r.learnings[0].reframed = vec![Counterfactual, Hindsight];
        r.learnings[1].reframed = vec![Blame, WhyQuestion];
    });
    id
}

/// Changes the saved review `id`, as a hand edit of its file would.
fn edit(d: &Path, id: &str, change: impl FnOnce(&mut debrief::domain::Review)) {
    let path = Store::at(d).path_of(id);
    let mut r = store::load(&path).unwrap();
    change(&mut r);
    std::fs::write(&path, encode(&r)).unwrap();
}

#[test]
fn what_was_reframed_follows_the_flags_one_line_per_text() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = review(d);
    let run = debrief(d, &["coach", "--review", &id]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{}", run.stdout);
    assert!(
        lines[0].starts_with("learning #1: Hindsight: \"was obvious\"; ask: "),
        "{}",
        lines[0]
    );
    assert_eq!(
        &lines[1..],
        [
            "proximate cause: reframed Hindsight",
            "learning #1: reframed Counterfactual",
            "learning #2: reframed Blame and human error, \"Why\" question",
        ],
        "{}",
        run.stdout
    );
    assert!(!run.stderr.contains("nothing flagged"), "{}", run.stderr);
}

#[test]
fn the_json_is_the_open_flags_only_as_tools_read_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = review(d);
    let run = debrief(d, &["coach", "--review", &id, "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let items = v.as_array().expect("an array, as before");
    // One open flag; the three reframed records are not elements of the
    // array, so counting its elements still counts open flags.
    assert_eq!(items.len(), 1, "{}", run.stdout);
    assert_eq!(items[0]["where"], "learning #1");
    assert_eq!(items[0]["category"], "hindsight");
    assert_eq!(items[0]["matched"], "was obvious");
    // The plain form says what was reframed.
    let plain = debrief(d, &["coach", "--review", &id]);
    assert!(
        plain
            .stdout
            .contains("learning #1: reframed Counterfactual"),
        "{}",
        plain.stdout
    );
}

#[test]
fn a_review_with_nothing_open_still_says_what_was_reframed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = review(d);
    edit(d, &id, |r| {
        r.learnings[0].text = "The disk was full.".into()
    });
    let run = debrief(d, &["coach", "--review", &id]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout.lines().collect::<Vec<_>>(),
        [
            "proximate cause: reframed Hindsight",
            "learning #1: reframed Counterfactual, Hindsight",
            "learning #2: reframed Blame and human error, \"Why\" question",
        ]
    );
    assert!(run.stderr.contains("nothing flagged"), "{}", run.stderr);
}

#[test]
fn a_record_beside_a_blank_text_or_of_an_unchanged_review_says_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = ok(d, &["new", "Disk full on db-1", "--no-open"])
        .trim()
        .to_owned();
    ok(d, &["add", &id, "learning", "We rolled back at 16:05"]);
    let run = debrief(d, &["coach", "--review", &id]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""));
    let run = debrief(d, &["coach", "--review", &id, "--json"]);
    assert_eq!(run.stdout.trim(), "[]");
    // The SLA impact is blank: its record went with its words.
    edit(d, &id, |r| r.summary.reframed.sla_impact = vec![Blame]);
    let run = debrief(d, &["coach", "--review", &id]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""));
}

#[test]
fn a_heading_already_flagged_is_not_open_again_in_a_later_text() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = ok(d, &["new", "Disk full on db-1", "--no-open"])
        .trim()
        .to_owned();
    ok(d, &["set", &id, "cause", "Human error"]);
    ok(d, &["add", &id, "learning", "Human error"]);
    // Flagged once, in the proximate cause; the learning's record counts
    // as the report counts it.
    edit(d, &id, |r| r.learnings[0].reframed = vec![Blame]);
    let run = debrief(d, &["coach", "--review", &id]);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    assert!(
        lines[0].starts_with("proximate cause: Blame and human error: \"Human error\""),
        "{}",
        lines[0]
    );
    assert_eq!(lines[1], "learning #1: reframed Blame and human error");
}
