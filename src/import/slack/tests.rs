use std::io::Write;
use std::path::{Path, PathBuf};

use super::super::{Candidate, Options, read};
use super::*;
use chrono::NaiveDate;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn options(channel: Option<&str>) -> Options {
    let mut o = Options::new(
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        Default::default(),
    );
    o.channel = channel.map(str::to_owned);
    o
}

fn lines(cands: &[Candidate]) -> Vec<String> {
    crate::import::tests::lines(cands, "%d %H:%M")
}

const WANT: [&str; 7] = [
    "23 23:31 Alert PagerDuty: Triggered #4411: checkout 5xx > 2% — service checkout-api",
    "23 23:33 Conversation ana: @Gary Oak I'm on it, see #inc-checkout & the dashboard (https://grafana.example.com/d/abc)",
    "23 23:35 Conversation Gary Oak: (reply to ana) rolling back v42 now",
    "24 00:05 Conversation ana: (reply to ana) confirmed: back to normal",
    "23 23:36 Conversation Gary Oak: deploy log attached — [file: deploy-v42.log]",
    "23 23:50 Conversation U03NODN: errors are down to 0.5% (edited)",
    "24 00:10 Conversation Sam Visitor: status page updated: @channel resolved",
];

#[test]
fn a_folder_export_reads_one_channel_in_thread_order() {
    let import = read(&fixture("slack"), &options(Some("#inc-checkout"))).unwrap();
    let mut want: Vec<String> = WANT.iter().map(|s| s.to_string()).collect();
    want.push(
        "23 23:38 Conversation ana: (reply to USLACKBOT) reply under a deleted parent".into(),
    );
    assert_eq!(lines(&import.candidates), want);
    let left: Vec<(&str, usize)> = import
        .left_out
        .iter()
        .map(|(k, v)| (k.as_str(), *v))
        .collect();
    assert_eq!(
        left,
        [
            ("deleted", 1),
            ("joins and leaves", 2),
            ("topic and purpose changes", 1)
        ]
    );
    let c = &import.candidates;
    assert!(c[0].bot && !c[1].bot);
    assert_eq!(c[0].links, ["https://example.pagerduty.com/incidents/Q1"]);
    assert!(c[1].pinned && c[1].reactions == ["eyes"]);
    assert!(c[2].reply && c[3].reply && !c[1].reply);
    assert!(c[5].edited);
    assert_eq!(c[1].aliases, ["Ana Lima", "ana.lima"]);
    assert_eq!(
        c[1].source_id.as_deref(),
        Some("slack:C0INCIDENT:1795476780.000100")
    );
    for c in c {
        assert!(
            !c.text.contains("files.slack.com") && !c.text.contains("xoxe"),
            "{}",
            c.text
        );
    }
}

#[test]
fn several_channels_need_one_chosen() {
    let e = read(&fixture("slack"), &options(None)).unwrap_err();
    assert!(
        e.to_string()
            .contains("holds 2 channels; choose one with --channel: general, inc-checkout"),
        "{e}"
    );
    let e = read(&fixture("slack"), &options(Some("nope"))).unwrap_err();
    assert!(
        e.to_string()
            .contains("no channel named 'nope' (--channel)"),
        "{e}"
    );
}

/// Zips the fixture folder under a top folder, as a hand-made zip may.
fn zipped(top: &str) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    for rel in [
        "users.json",
        "channels.json",
        "inc-checkout/2026-11-23.json",
        "inc-checkout/2026-11-24.json",
    ] {
        zip.start_file(format!("{top}{rel}"), opts).unwrap();
        zip.write_all(&std::fs::read(fixture("slack").join(rel)).unwrap())
            .unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn a_zip_reads_like_its_folder() {
    for top in ["", "Acme Slack export Nov 23 2026/"] {
        let bytes = zipped(top);
        let import = super::super::parse("export.zip", &bytes, &options(None)).unwrap();
        assert_eq!(lines(&import.candidates[..7]), WANT, "under '{top}'");
    }
    let e = super::super::parse("export.zip", b"PK\x03\x04broken", &options(None)).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("export.zip: expected a zip of a Slack export"),
        "{e}"
    );
}

#[test]
fn broken_day_files_name_the_file_and_place() {
    let e = read(&fixture("slack-broken"), &options(None)).unwrap_err();
    assert_eq!(e.place, "ops/2026-11-23.json $[1].ts");
    let bad = br#"[{"ts": "1763940000.1", "text": "a"},
    {"ts": 5, "text": ]"#;
    let e = super::super::parse("day.json", bad, &options(None)).unwrap_err();
    assert!(e.place.starts_with("line 2 column"), "{e}");
}

#[test]
fn times_keep_their_fraction() {
    let at = parse_ts("1452837352.000006").unwrap();
    assert_eq!(at.timestamp_subsec_micros(), 6);
    assert_eq!(parse_ts("1452837352").unwrap().timestamp(), 1_452_837_352);
    assert!(parse_ts("soon").is_none());
}
