//! Importing a timeline.
//!
//! Targets on a 2-core machine: reading and filtering a Slack channel of
//! 100,000 messages (a third of them bot alerts, a tenth thread replies)
//! under 1 s; adding 10,000 imported events to a review and saving it
//! (fsync included) under 1 s.

use std::fs;
use std::path::Path;

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use debrief::domain::{Offset, Review, ReviewKind, Severity, Text};
use debrief::import::{self, Format, Options};
use debrief::store::{ReviewLock, encode};
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

const MESSAGES: usize = 100_000;
const PER_DAY: usize = 5_000;
const EVENTS: usize = 10_000;
const START: i64 = 1_795_476_000;

fn scratch() -> tempfile::TempDir {
    tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("a scratch folder")
}

fn message(i: usize) -> serde_json::Value {
    let ts = format!("{}.{:06}", START + i as i64 * 3, i % 1_000_000);
    match i % 10 {
        0..=2 => serde_json::json!({
            "type": "message", "subtype": "bot_message", "bot_id": "B1", "username": "alerts",
            "ts": ts, "text": "",
            "attachments": [{"fallback": "fired", "title": format!("Alert {i}: p99 &gt; 2s"),
                             "text": "service checkout-api", "title_link": "https://alerts.example.com/1"}]
        }),
        3 if i > 3 => serde_json::json!({
            "type": "message", "ts": ts, "user": "U2", "text": format!("reply {i} to <@U1>"),
            "thread_ts": format!("{}.{:06}", START + (i as i64 - 3) * 3, (i - 3) % 1_000_000)
        }),
        4 => {
            serde_json::json!({"type": "message", "subtype": "channel_join", "ts": ts, "user": "U3",
                                "text": "<@U3> has joined the channel"})
        }
        _ => serde_json::json!({
            "type": "message", "ts": ts, "user": "U1",
            "text": format!("checking <https://grafana.example.com/d/{i}|dashboard {i}> &amp; logs, token=0123456789abcdef{i:06}"),
            "reactions": [{"name": "eyes", "users": ["U2"], "count": 1}]
        }),
    }
}

/// A folder export of one channel, written once.
fn export(dir: &Path) {
    let users = serde_json::json!([
        {"id": "U1", "name": "ana", "real_name": "Ana Lima", "profile": {"display_name": "ana"}},
        {"id": "U2", "name": "gary", "real_name": "Gary Oak", "profile": {"display_name": ""}},
        {"id": "U3", "name": "sam", "profile": {}}
    ]);
    fs::write(dir.join("users.json"), users.to_string()).expect("written");
    let channel = dir.join("incident");
    fs::create_dir(&channel).expect("made");
    for day in 0..MESSAGES / PER_DAY {
        let msgs: Vec<_> = (day * PER_DAY..(day + 1) * PER_DAY).map(message).collect();
        let name = format!("2026-11-{:02}.json", day + 1);
        fs::write(channel.join(name), serde_json::to_vec(&msgs).expect("json")).expect("written");
    }
}

fn options() -> Options {
    Options::new(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(), Offset::UTC)
}

#[divan::bench(sample_count = 10)]
fn read_and_filter_slack_channel(bencher: Bencher) {
    let dir = scratch();
    export(dir.path());
    let from = DateTime::from_timestamp(START + 60_000, 0).unwrap();
    let to = from + TimeDelta::hours(24);
    bencher.bench(|| {
        let import = import::read(black_box(dir.path()), &options()).expect("reads");
        let kept: Vec<_> = import
            .candidates
            .into_iter()
            .filter(|c| c.at >= from && c.at <= to && c.reactions.iter().any(|r| r == "eyes"))
            .collect();
        assert!(!kept.is_empty());
        kept
    });
}

#[divan::bench(sample_count = 10)]
fn add_imported_events_and_save(bencher: Bencher) {
    let dir = scratch();
    let path = dir.path().join("import.ron");
    let now: DateTime<Utc> = DateTime::from_timestamp(START, 0).unwrap();
    let review = Review::new(
        "2026-11-23-checkout-bench".into(),
        Text::new("Checkout 502s"),
        Severity::Sev2,
        ReviewKind::Full,
        now,
        Offset::UTC,
    );
    fs::write(&path, encode(&review)).expect("written");
    let lines: String = (0..EVENTS)
        .map(|i| {
            let at = now + TimeDelta::seconds(i as i64 * 7);
            format!(
                "{} ana: step {i} of the rollback\n",
                at.format("%Y-%m-%d %H:%M:%S")
            )
        })
        .collect();
    let candidates = import::parse("lines", lines.as_bytes(), &options())
        .expect("parses")
        .candidates;
    let lock = ReviewLock::acquire(&path).expect("locked");
    bencher.bench(|| {
        let mut r = review.clone();
        for c in black_box(&candidates) {
            r.add_event(import::to_event(Format::Plain, c));
        }
        lock.save(&r).expect("saved");
    });
}
