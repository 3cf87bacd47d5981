//! The command line end to end: the real binary on a temporary folder.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

use debrief::domain::{Impact, Phase, Source};
use debrief::store::{self, ReviewLock, Store};

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn debrief_in(dir: &Path, args: &[&str], stdin: Option<&str>) -> Run {
    let out = common::run::run_debrief(args, &[("DEBRIEF_DIR", dir.as_os_str())], stdin);
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// Runs a command that must succeed, returning its standard output.
fn ok(dir: &Path, args: &[&str]) -> String {
    let run = debrief_in(dir, args, None);
    assert_eq!(run.code, 0, "debrief {args:?} failed: {}", run.stderr);
    run.stdout
}

fn new_review(dir: &Path, args: &[&str]) -> String {
    let mut all = vec!["new"];
    all.extend_from_slice(args);
    let out = ok(dir, &all);
    let id = out.trim().to_owned();
    assert_eq!(out, format!("{id}\n"), "new prints the id alone");
    id
}

fn load(dir: &Path, id: &str) -> debrief::domain::Review {
    store::load(&Store::at(dir).path_of(id)).unwrap()
}

#[test]
fn new_prints_only_the_id_and_creates_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let run = debrief_in(
        dir.path(),
        &[
            "new",
            "Checkout 502s after deploy",
            "--sev",
            "2",
            "--offset",
            "+01:00",
        ],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let id = run.stdout.trim();
    assert!(id.contains("-checkout-502s-after-deploy-"), "{id}");
    assert!(
        run.stderr.contains("created"),
        "messages go to stderr: {}",
        run.stderr
    );
    let r = load(dir.path(), id);
    assert_eq!(
        (r.title.as_str(), r.severity.label(), r.offset.to_string()),
        ("Checkout 502s after deploy", "Sev2", "+01:00".into())
    );
}

#[test]
fn events_are_added_in_quick_form_with_options_and_from_a_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = new_review(d, &["Login failures", "--sev", "2"]);
    ok(d, &["set", &id, "started", "2026-11-23 15:50"]);

    let out = ok(
        d,
        &[
            "add",
            &id,
            "event",
            "16:02 gary: saw the login page fail",
            "--phase",
            "detection",
            "--impact",
            "-",
        ],
    );
    assert_eq!(
        out.trim().parse::<u64>().ok(),
        Some(1),
        "prints the new item's number"
    );
    ok(
        d,
        &[
            "add",
            &id,
            "event",
            "rolled back to v41",
            "--at",
            "16:30",
            "--actor",
            "ana",
            "--impact",
            "+",
            "--star",
        ],
    );
    let piped = debrief_in(
        d,
        &["add", &id, "event", "-"],
        Some("16:05 bot: paged on-call\n\n16:10 ana: acknowledged\n"),
    );
    assert_eq!(piped.code, 0, "{}", piped.stderr);
    assert!(piped.stderr.contains("added 2 events"), "{}", piped.stderr);

    let r = load(d, &id);
    let got: Vec<(String, Option<String>, &str)> = r
        .timeline
        .iter()
        .map(|e| {
            (
                e.at.format("%H:%M").to_string(),
                e.actor.as_ref().map(|a| a.to_string()),
                e.text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "16:02".into(),
                Some("gary".into()),
                "saw the login page fail"
            ),
            ("16:05".into(), Some("bot".into()), "paged on-call"),
            ("16:10".into(), Some("ana".into()), "acknowledged"),
            ("16:30".into(), Some("ana".into()), "rolled back to v41"),
        ],
        "filed in time order on the incident's date"
    );
    assert!(
        r.timeline
            .iter()
            .all(|e| e.at.format("%F").to_string() == "2026-11-23")
    );
    assert_eq!(
        (r.timeline[0].phase, r.timeline[0].impact),
        (Some(Phase::Detection), Impact::Negative)
    );
    assert_eq!(
        (r.timeline[3].impact, r.timeline[3].starred),
        (Impact::Positive, true)
    );
    assert_eq!(
        (r.timeline[0].source, r.timeline[1].source),
        (Source::CommandLine, Source::Imported)
    );
}

#[test]
fn a_bad_line_on_a_pipe_adds_nothing_and_names_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = new_review(d, &["x"]);
    let before = fs::read(Store::at(d).path_of(&id)).unwrap();
    let run = debrief_in(
        d,
        &["add", &id, "event", "-"],
        Some("16:05 bot: paged\nno time here\n"),
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("standard input line 2"),
        "{}",
        run.stderr
    );
    assert_eq!(
        fs::read(Store::at(d).path_of(&id)).unwrap(),
        before,
        "nothing was saved"
    );
}

#[test]
fn every_kind_of_item_can_be_added_with_its_options() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = new_review(d, &["Payments degraded", "--sev", "2"]);
    ok(d, &["add", &id, "event", "14:00 mo: alert fired"]);
    ok(
        d,
        &[
            "add",
            &id,
            "learning",
            "Paging reached the right person",
            "--kind",
            "went well",
            "--event",
            "1",
        ],
    );
    ok(
        d,
        &[
            "add",
            &id,
            "factor",
            "The runbook covered the failover",
            "--area",
            "process",
            "--helped",
        ],
    );
    ok(
        d,
        &[
            "add",
            &id,
            "action",
            "Alert on pool saturation",
            "--owner",
            "Mo",
            "--priority",
            "p1",
            "--due",
            "2026-12-01",
            "--improves",
            "know sooner",
            "--ticket",
            "OPS-7",
        ],
    );
    ok(d, &["add", &id, "parking", "Move to a managed queue?"]);
    ok(d, &["add", &id, "participant", "Mo", "--role", "ic"]);

    let r = load(d, &id);
    assert_eq!(r.learnings[0].kind.label(), "went well");
    assert_eq!(r.learnings[0].events, [r.timeline[0].id]);
    assert_eq!(
        (r.factors[0].effect.label(), r.factors[0].area.label()),
        ("helped", "process")
    );
    let a = &r.actions[0];
    assert_eq!(
        (
            a.owner.as_deref(),
            a.priority.map(|p| p.label()),
            a.due.map(|d| d.to_string()),
            a.ticket.as_deref()
        ),
        (
            Some("Mo"),
            Some("high"),
            Some("2026-12-01".to_owned()),
            Some("OPS-7")
        )
    );
    assert_eq!(r.parking_lot[0].text, "Move to a managed queue?");
    assert_eq!(
        (
            r.participants[0].name.as_str(),
            r.participants[0].role.label()
        ),
        ("Mo", "incident commander")
    );

    let bad = debrief_in(d, &["add", &id, "learning", "x", "--event", "99"], None);
    assert_eq!(bad.code, 1);
    assert!(
        bad.stderr.contains("no timeline event #99"),
        "{}",
        bad.stderr
    );
    let bad = debrief_in(
        d,
        &["add", &id, "action", "x", "--priority", "urgent"],
        None,
    );
    assert_ne!(bad.code, 0);
    assert!(
        bad.stderr.contains("high"),
        "lists the accepted values: {}",
        bad.stderr
    );
}

#[test]
fn set_reads_times_in_the_review_offset_and_warns_about_order() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = new_review(d, &["Cache stampede", "--offset", "+01:00"]);
    ok(d, &["set", &id, "detected", "2026-11-23 16:05"]);
    ok(
        d,
        &[
            "set",
            &id,
            "customer impact",
            "Checkout slow for 20 minutes",
        ],
    );
    ok(d, &["set", &id, "services", "checkout, cart"]);
    let run = debrief_in(d, &["set", &id, "acknowledged", "16:01"], None);
    assert_eq!(run.code, 0);
    assert!(
        run.stderr.contains(
            "warning: acknowledged (2026-11-23 16:01) is before detected (2026-11-23 16:05)"
        ),
        "{}",
        run.stderr
    );

    let r = load(d, &id);
    assert_eq!(
        r.moments.detected.unwrap().to_rfc3339(),
        "2026-11-23T15:05:00+00:00",
        "stored in UTC"
    );
    assert_eq!(r.summary.services.len(), 2);

    let shown = ok(d, &["show", &id]);
    assert!(shown.contains("Cache stampede"), "{shown}");
    assert!(
        shown
            .to_lowercase()
            .contains("acknowledged (2026-11-23 16:01) is before detected"),
        "warnings are shown: {shown}"
    );

    let bad = debrief_in(d, &["set", &id, "detected", "yesterday"], None);
    assert_eq!(bad.code, 1);
    assert!(
        bad.stderr.contains("'yesterday' is not a time"),
        "{}",
        bad.stderr
    );
}

#[test]
fn set_says_a_list_as_it_was_saved() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = new_review(d, &["Pricing typo"]);
    let said = |args: &[&str]| {
        let run = debrief_in(d, args, None);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        run.stderr
    };
    let tags = said(&["set", &id, "tags", "#Pricing, web;WEB  db"]);
    assert_eq!(tags, format!("{id}: tags = pricing, web, db\n"));
    let incidents = said(&["set", &id, "incidents", "INC-7 inc-7; PD-2"]);
    assert_eq!(incidents, format!("{id}: incidents = INC-7, PD-2\n"));
    let services = said(&["set", &id, "services", " checkout ,, cart "]);
    assert_eq!(services, format!("{id}: services = checkout, cart\n"));
    assert_eq!(
        said(&["set", &id, "tags", " "]),
        format!("{id}: tags = (cleared)\n")
    );
    assert_eq!(
        said(&["set", &id, "summary", "  Prices were shown  "]),
        format!("{id}: summary = Prices were shown\n"),
        "a text field is said as typed, trimmed"
    );
    let r = load(d, &id);
    assert!(r.tags.is_empty());
    assert_eq!(r.incidents.len(), 2);
}

#[test]
fn publishing_a_review_with_a_token_in_its_text_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = new_review(d, &["Webhook storm", "--sev", "3"]);
    ok(
        d,
        &[
            "add",
            &id,
            "event",
            "16:02 ana: ran curl -H 'Authorization: Bearer 9f86d081884c7d65' https://hooks/x",
        ],
    );
    ok(d, &["set", &id, "resolution", "The password was rotated."]);
    let refused = debrief_in(d, &["set", &id, "status", "published"], None);
    assert_eq!(refused.code, 1, "{}", refused.stderr);
    assert!(
        refused.stderr.contains(
            "event #1: a value that looks like a secret (a token, a key or a password); take it out before publishing"
        ),
        "{}",
        refused.stderr
    );
    assert!(
        !refused
            .stderr
            .contains("the summary's \"resolution\": a value"),
        "prose about a password is no secret: {}",
        refused.stderr
    );
    assert_eq!(
        load(d, &id).status,
        debrief::domain::Status::Draft,
        "nothing was published"
    );
}

#[test]
fn list_shows_reviews_newest_first_as_text_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let old = new_review(d, &["Old one", "--sev", "3"]);
    ok(d, &["set", &old, "detected", "2026-01-05 10:00"]);
    let new = new_review(d, &["New one", "--sev", "1"]);
    ok(d, &["add", &new, "action", "Fix it", "--owner", "Al"]);

    let text = ok(d, &["list"]);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("ID"), "{text}");
    assert!(
        lines[1].starts_with(&new) && lines[1].contains("Sev1") && lines[1].ends_with("New one"),
        "{text}"
    );
    assert!(
        lines[2].starts_with(&old) && lines[2].contains("2026-01-05"),
        "{text}"
    );

    let json: serde_json::Value = serde_json::from_str(&ok(d, &["list", "--json"])).unwrap();
    assert_eq!(json[0]["id"], new.as_str());
    assert_eq!(json[0]["open_actions"], 1);
    assert_eq!(json[1]["severity"], "Sev3");
}

#[test]
fn export_writes_markdown_or_json_to_stdout_or_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = new_review(d, &["Queue backlog", "--sev", "2"]);
    ok(
        d,
        &[
            "add",
            &id,
            "action",
            "Secret internal fix",
            "--internal",
            "--owner",
            "Zed",
        ],
    );
    ok(d, &["add", &id, "participant", "Zed Zimmerman"]);

    let internal = ok(d, &["export", &id]);
    assert!(internal.starts_with("# "), "{internal}");
    assert!(internal.contains("Secret internal fix"));
    let public = ok(d, &["export", &id, "--public"]);
    assert!(
        !public.contains("Secret internal fix") && !public.contains("Zimmerman"),
        "{public}"
    );

    let json: serde_json::Value =
        serde_json::from_str(&ok(d, &["export", &id, "--format", "json"])).unwrap();
    assert_eq!(json["id"], id.as_str());

    let file = d.join("out.md");
    let run = debrief_in(
        d,
        &["export", &id, "--public", "-o", file.to_str().unwrap()],
        None,
    );
    assert_eq!((run.code, run.stdout.as_str()), (0, ""));
    assert_eq!(fs::read_to_string(&file).unwrap(), public);
    let chart = d.join(format!("{id}.recovery.svg"));
    assert!(!chart.exists(), "the public summary has no chart");

    // The internal report links to its recovery chart, written beside it.
    ok(
        d,
        &[
            "add",
            &id,
            "event",
            "10:00 mo: queue depth alert",
            "--impact",
            "+",
        ],
    );
    let file = d.join("internal.md");
    let run = debrief_in(d, &["export", &id, "-o", file.to_str().unwrap()], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report = fs::read_to_string(&file).unwrap();
    assert!(
        report.contains(&format!("(<{id}.recovery.svg>)")),
        "{report}"
    );
    assert!(
        fs::read_to_string(&chart).unwrap().starts_with("<svg"),
        "the chart is beside the report"
    );
}

#[test]
fn reviews_are_named_by_unique_prefix_and_ambiguity_lists_candidates() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let a = new_review(d, &["Same title"]);
    let b = new_review(d, &["Same title"]);
    assert_ne!(a, b, "the suffix keeps ids apart");
    // The random suffixes may share their first characters: the prefix
    // both ids share is ambiguous, one character more names one review.
    let shared = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    let run = debrief_in(d, &["show", &a[..shared]], None);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains(&a) && run.stderr.contains(&b),
        "{}",
        run.stderr
    );
    assert!(ok(d, &["show", &a[..shared + 1]]).contains("Same title"));
    let run = debrief_in(d, &["show", "nothing-like-it"], None);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("no review matches 'nothing-like-it'"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_review_held_by_another_writer_can_be_read_but_not_changed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = new_review(d, &["Held"]);
    let path = Store::at(d).path_of(&id);
    let _held = ReviewLock::acquire(&path).unwrap();

    let run = debrief_in(d, &["add", &id, "parking", "an idea"], None);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains(&format!(
            "being edited by debrief (pid {}",
            std::process::id()
        )),
        "{}",
        run.stderr
    );
    assert!(
        ok(d, &["show", &id]).contains("Held"),
        "reading still works"
    );
}

#[test]
fn a_broken_file_gives_its_position_and_stays_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = new_review(d, &["Broken"]);
    let path = Store::at(d).path_of(&id);
    let text = fs::read_to_string(&path).unwrap();
    let cut = &text[..text.len() / 2];
    fs::write(&path, cut).unwrap();

    for args in [
        vec!["add", id.as_str(), "parking", "idea"],
        vec!["show", id.as_str()],
        vec!["set", id.as_str(), "title", "New"],
    ] {
        let run = debrief_in(d, &args, None);
        assert_eq!(run.code, 1, "{args:?}");
        assert!(
            run.stderr.contains(&format!("{}:", path.display())),
            "{}",
            run.stderr
        );
        assert!(run.stderr.contains("truncated"), "{}", run.stderr);
    }
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        cut,
        "byte for byte unchanged"
    );
    let listed = debrief_in(d, &["list"], None);
    assert!(listed.stderr.contains("skipping"), "{}", listed.stderr);
}

#[test]
fn control_characters_never_reach_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = new_review(d, &["Evil \x1b[2J title"]);
    ok(
        d,
        &["add", &id, "event", "10:00 x: \x1b]0;pwned\x07 \u{202e}txt"],
    );
    for args in [
        vec!["show", id.as_str()],
        vec!["export", id.as_str()],
        vec!["list"],
    ] {
        let out = ok(d, &args);
        assert!(
            !out.contains('\x1b') && !out.contains('\x07') && !out.contains('\u{202e}'),
            "{args:?}: {out:?}"
        );
    }
    let report = ok(d, &["export", &id]);
    assert!(
        report.contains("␛") && report.contains("0;pwned␇") && report.contains("<U+202E>txt"),
        "{report}"
    );
}

#[test]
fn the_readme_quick_review_script_runs_as_written() {
    let readme = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("the README");
    let section = readme
        .split("### A quick review from a script")
        .nth(1)
        .expect("the README has the section");
    let script = section
        .split("```sh\n")
        .nth(1)
        .and_then(|s| s.split("```").next())
        .expect("a shell block in the section");
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("bin");
    fs::create_dir(&bin).unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_debrief"), bin.join("debrief")).unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("sh")
        .arg("-ec")
        .arg(format!("{script}\necho \"$id\""))
        .current_dir(dir.path())
        .env("PATH", path)
        .env("DEBRIEF_DIR", dir.path())
        .env("TZ", "UTC")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let id = stdout
        .lines()
        .last()
        .expect("the id, echoed last")
        .to_owned();
    let report = fs::read_to_string(dir.path().join(format!("{id}.md"))).unwrap();
    assert!(report.contains("restarted the indexer"), "{report}");
    assert!(
        report.contains("| Alert when indexer lag exceeds 5 minutes | lee | Medium"),
        "{report}"
    );
    let public = fs::read_to_string(dir.path().join(format!("{id}.public.md"))).unwrap();
    assert!(public.contains("Search showed results up to 20 minutes old."));
    assert!(!public.contains("lee"), "no names in public: {public}");
    let review = load(dir.path(), &id);
    assert_eq!(review.kind, debrief::domain::ReviewKind::Quick, "Sev3");
    assert_eq!(review.timeline.len(), 2);
    let (started, resolved) = (review.moments.started, review.moments.resolved);
    assert_eq!(
        started.map(|t| t.to_rfc3339()),
        Some("2026-11-20T09:05:00+00:00".to_owned())
    );
    for e in &review.timeline {
        assert!(
            started.is_some_and(|s| s <= e.at) && resolved.is_some_and(|r| e.at <= r),
            "{} at {} falls inside the incident",
            e.text,
            e.at
        );
    }
}

#[test]
fn publishing_from_the_command_line_records_the_facilitator_and_the_time() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = new_review(d, &["Cache stampede", "--sev", "2"]);
    ok(d, &["set", &id, "facilitator", "Amara Okafor"]);
    // Not ready: what is missing is listed and nothing changes...
    let refused = debrief_in(d, &["set", &id, "status", "published"], None);
    assert_ne!(refused.code, 0);
    let stderr = &refused.stderr;
    assert!(
        stderr.contains("not ready to publish") && stderr.contains("--yes"),
        "{stderr}"
    );
    assert!(load(d, &id).published.is_none());
    // ...unless published anyway.
    ok(d, &["set", &id, "status", "published", "--yes"]);
    let review = load(d, &id);
    let p = review.published.as_ref().expect("recorded");
    assert_eq!(p.by.as_str(), "Amara Okafor");
    assert!((chrono::Utc::now() - p.at).num_seconds().abs() < 60);
    let show = ok(d, &["show", &id]);
    assert!(show.contains("published, 20"), "{show}");
    assert!(show.contains("by Amara Okafor"), "{show}");
    let internal = ok(d, &["export", &id]);
    assert!(internal.contains("by Amara Okafor"), "{internal}");
    let public = ok(d, &["export", &id, "--public"]);
    assert!(public.contains("Published 20"), "{public}");
    assert!(!public.contains("Amara"), "no names in public: {public}");
    // Back to "reviewed": the record goes with the status.
    ok(d, &["set", &id, "status", "reviewed"]);
    assert!(load(d, &id).published.is_none());
}

#[test]
fn errors_name_the_option_at_fault_not_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = new_review(d, &["Login failures", "--sev", "2"]);
    ok(
        d,
        &["add", &id, "action", "Alert on errors", "--due", "tomorrow"],
    );
    let today = chrono::Utc::now().date_naive();
    assert_eq!(
        load(d, &id).actions[0].due,
        Some(today + chrono::TimeDelta::days(1))
    );
    let cases: [(&[&str], &str); 3] = [
        (
            &["action", "Alert", "--due", "someday"],
            "--due: 'someday' is not a date",
        ),
        (
            &["learning", "Paging worked", "--event", "99"],
            "--event 99: there is no timeline event #99 to link to",
        ),
        (
            &["event", "paged", "--at", "25:99"],
            "--at: '25:99' is not a time",
        ),
    ];
    for (args, want) in cases {
        let mut all = vec!["add", id.as_str()];
        all.extend_from_slice(args);
        let run = debrief_in(d, &all, None);
        assert_eq!(run.code, 1, "{all:?}");
        assert!(run.stderr.contains(want), "{all:?}: {}", run.stderr);
        assert!(!run.stderr.contains("the text"), "{all:?}: {}", run.stderr);
    }
    // The text itself is still named when it is at fault.
    let run = debrief_in(d, &["add", &id, "learning", "  "], None);
    assert!(run.stderr.contains("the text is empty"), "{}", run.stderr);
}

#[test]
fn an_unknown_kind_of_item_lists_the_kinds_there_are() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_review(dir.path(), &["Login failures"]);
    let run = debrief_in(dir.path(), &["add", &id, "widget", "x"], None);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(
            "'widget' is not a kind of item; add one of: event, learning, factor, action, parking, participant"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn an_empty_debrief_dir_is_unset_and_an_empty_review_name_is_said() {
    let home = tempfile::tempdir().unwrap();
    let out = common::run::run_debrief(
        &["list"],
        &[
            ("DEBRIEF_DIR", std::ffi::OsStr::new("")),
            ("HOME", home.path().as_os_str()),
            ("XDG_DATA_HOME", home.path().join("data").as_os_str()),
        ],
        None,
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("--dir"), "{stderr}");

    let dir = tempfile::tempdir().unwrap();
    new_review(dir.path(), &["Login failures"]);
    let run = debrief_in(dir.path(), &["show", ""], None);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("the review name is empty"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty(), "no review is shown: {}", run.stdout);
}

#[test]
fn export_into_a_missing_folder_says_the_folder_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let id = new_review(d, &["Login failures"]);
    let target = d.join("nowhere").join("report.md");
    let run = debrief_in(d, &["export", &id, "-o", target.to_str().unwrap()], None);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains(&format!(
            "the folder {} does not exist",
            d.join("nowhere").display()
        )),
        "{}",
        run.stderr
    );
    assert!(!d.join("nowhere").exists(), "nothing is made");
}
