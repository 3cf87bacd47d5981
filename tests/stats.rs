//! `debrief stats` over a generated year of reviews, every figure checked
//! against one worked out by hand from the rule that made the reviews
//! (see `tests/library/generated.rs`).

mod common;
#[path = "library/generated.rs"]
mod generated;
// The table, Markdown and CSV, and their snapshots.
#[path = "library/stats_output.rs"]
mod output;

use std::fs;
use std::path::Path;

use common::run::run_debrief;
use generated::{write_all, year_review};
use serde_json::Value;

/// The generated year: 300 reviews.
const YEAR: usize = 300;

fn year() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write_all(dir.path(), (0..YEAR).map(year_review));
    dir
}

fn run(dir: &Path, args: &[&str]) -> (bool, String, String) {
    let mut all = vec!["stats"];
    all.extend_from_slice(args);
    let out = run_debrief(&all, &[("DEBRIEF_DIR", dir.as_os_str())], None);
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.success(), text(&out.stdout), text(&out.stderr))
}

fn json(dir: &Path, args: &[&str]) -> Value {
    let mut all = vec!["--json"];
    if !args.contains(&"--until") {
        all.extend(["--until", "2025-12-31"]);
    }
    all.extend_from_slice(args);
    let (ok, out, err) = run(dir, &all);
    assert!(ok, "{args:?}: {err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

fn periods(stats: &Value) -> Vec<(String, u64)> {
    stats["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["period"].as_str().unwrap().to_owned(),
                p["total"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn span<'a>(stats: &'a Value, key: &str) -> &'a Value {
    stats["durations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["span"] == key)
        .unwrap_or_else(|| panic!("no {key}"))
}

/// (count, missing, median, p90, max) of a span, in seconds.
fn figures(stats: &Value, key: &str) -> [Value; 5] {
    let d = span(stats, key);
    [
        d["count"].clone(),
        d["missing"].clone(),
        d["median_seconds"].clone(),
        d["p90_seconds"].clone(),
        d["max_seconds"].clone(),
    ]
}

fn named(list: &Value, key: &str) -> Vec<(String, u64)> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|w| {
            (
                w[key].as_str().unwrap().to_owned(),
                w["reviews"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn pairs(list: &[(&str, u64)]) -> Vec<(String, u64)> {
    list.iter().map(|(s, n)| ((*s).to_owned(), *n)).collect()
}

#[test]
fn a_year_of_reviews_gives_the_figures_worked_out_by_hand() {
    let dir = year();
    let stats = json(dir.path(), &[]);
    assert_eq!(stats["reviews"], YEAR);
    assert_eq!(stats["by"], "month");
    // Eleven months of 27 or 28 reviews; March has none and still shows.
    let mut want = pairs(&[
        ("2025-01", 28),
        ("2025-02", 28),
        ("2025-03", 0),
        ("2025-04", 28),
    ]);
    for m in 5..=12 {
        want.push((format!("2025-{m:02}"), 27));
    }
    assert_eq!(periods(&stats), want);
    // January holds i = 11k for k < 28: severity by k % 5.
    let jan = &stats["periods"][0]["by_severity"];
    let jan: Vec<u64> = ["Sev1", "Sev2", "Sev3", "Sev4", "Sev5"]
        .iter()
        .map(|s| jan[s].as_u64().unwrap())
        .collect();
    assert_eq!(jan, [6, 6, 6, 5, 5]);
    assert_eq!(stats["periods"][2]["by_severity"]["Sev1"], 0);

    // Resolved after 10 to 100 minutes, 30 reviews each: the 150th and
    // 151st values are 50 and 60 minutes; the 270th is 90.
    assert_eq!(
        figures(&stats, "resolve"),
        [300, 0, 3300, 5400, 6000].map(Value::from)
    );
    // Detected after 1 to 4 minutes (64, 65, 64 and 64 reviews), none in
    // the 43 reviews i % 7 == 0: rank 129 is 2 minutes, rank 232 is 4.
    assert_eq!(
        figures(&stats, "detect"),
        [257, 43, 120, 240, 240].map(Value::from)
    );
    assert_eq!(
        figures(&stats, "first_status_update"),
        [30, 270, 900, 900, 900].map(Value::from)
    );
    let none = [
        Value::from(0),
        Value::from(300),
        Value::Null,
        Value::Null,
        Value::Null,
    ];
    assert_eq!(figures(&stats, "acknowledge"), none);
    assert_eq!(figures(&stats, "mitigate"), none);

    let areas: Vec<(String, u64, u64, u64, u64)> = stats["factors"]["areas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let n = |k: &str| a[k].as_u64().unwrap();
            (
                a["area"].as_str().unwrap().to_owned(),
                n("factors"),
                n("hurt"),
                n("helped"),
                n("reviews"),
            )
        })
        .collect();
    assert_eq!(
        areas,
        [
            ("people".to_owned(), 100, 0, 100, 100),
            ("process".to_owned(), 150, 150, 0, 150),
            ("technology".to_owned(), 0, 0, 0, 0),
        ]
    );
    assert_eq!(
        named(&stats["factors"]["recurring_words"], "word"),
        pairs(&[
            ("failover", 150),
            ("runbook", 150),
            ("stale", 150),
            ("alerts", 100),
            ("paged", 100),
            ("people", 100),
            ("right", 100),
        ])
    );
    assert_eq!(
        named(&stats["services"], "service"),
        pairs(&[("checkout", 100), ("login", 100), ("search", 100)])
    );

    // 75 items, k = i / 4 < 75, status by k % 4: 19, 19, 19 and 18; the
    // open ones were due in 2025, so overdue.
    let a = &stats["actions"];
    let got: Vec<u64> = [
        "opened",
        "open",
        "in_progress",
        "done",
        "wont_do",
        "overdue",
    ]
    .iter()
    .map(|k| a[k].as_u64().unwrap())
    .collect();
    assert_eq!(got, [75, 19, 19, 19, 18, 38]);
    assert_eq!(a["overdue_items"].as_array().unwrap().len(), 38);
    assert_eq!(a["overdue_items"][0]["review"], "2025-01-01-incident-0000");
    assert!(stats["cost_of_downtime"].is_null(), "no team.ron");
}

#[test]
fn filters_choose_the_reviews_and_bound_the_periods() {
    let dir = year();
    // Sev1: i % 5 == 0, resolved after 10 or 60 minutes, 30 each.
    let sev1 = json(dir.path(), &["--sev", "1"]);
    assert_eq!(sev1["reviews"], 60);
    assert_eq!(
        figures(&sev1, "resolve"),
        [60, 0, 2100, 3600, 3600].map(Value::from)
    );
    assert_eq!(periods(&sev1).len(), 12);
    // search: i % 3 == 1, every minute of resolution ten times.
    let search = json(dir.path(), &["--service", "SEARCH"]);
    assert_eq!(search["reviews"], 100);
    assert_eq!(
        named(&search["services"], "service"),
        pairs(&[("search", 100)])
    );
    assert_eq!(
        figures(&search, "resolve"),
        [100, 0, 3300, 5400, 6000].map(Value::from)
    );
    let both = json(dir.path(), &["--sev", "1,2", "--service", "search,login"]);
    // i % 5 in {0, 1} and i % 3 in {1, 2}: 2 of 5 times 2 of 3 of 300.
    assert_eq!(both["reviews"], 80);
    // The periods start at --since even before the first review.
    let late = json(dir.path(), &["--since", "2025-11-01"]);
    assert_eq!(late["reviews"], 54);
    assert_eq!(late["from"], "2025-11-01");
    assert_eq!(periods(&late), pairs(&[("2025-11", 27), ("2025-12", 27)]));
    let early = json(dir.path(), &["--since", "2024-11", "--until", "2025-01-31"]);
    assert_eq!(
        periods(&early),
        pairs(&[("2024-11", 0), ("2024-12", 0), ("2025-01", 28)])
    );
    let quarters = json(dir.path(), &["--by", "quarter"]);
    assert_eq!(
        periods(&quarters),
        pairs(&[
            ("2025-Q1", 56),
            ("2025-Q2", 82),
            ("2025-Q3", 81),
            ("2025-Q4", 81)
        ])
    );
    let none = json(
        dir.path(),
        &["--since", "2030-01-01", "--until", "2030-02-01"],
    );
    assert_eq!(none["reviews"], 0);
    assert_eq!(periods(&none), pairs(&[("2030-01", 0), ("2030-02", 0)]));
    assert!(span(&none, "resolve")["median_seconds"].is_null());
}

#[test]
fn the_cost_of_downtime_comes_from_the_team_file() {
    let dir = year();
    fs::write(
        dir.path().join("team.ron"),
        "(\n  hourly_cost: 600,\n  currency: \"EUR\",\n  deploys_per_week: 20,\n  change_failure_rate: 0.05,\n)\n",
    )
    .unwrap();
    let stats = json(dir.path(), &[]);
    let c = &stats["cost_of_downtime"];
    // Never mitigated: each review's time to resolve, 30 × 550 minutes.
    assert_eq!(c["downtime_seconds"], 275 * 3600);
    assert_eq!(c["costed_reviews"], 300);
    assert_eq!(c["cost"], 165_000.0);
    assert_eq!(c["change_failure_rate"], 0.05);
    let (ok, table, err) = run(dir.path(), &["--until", "2025-12-31"]);
    assert!(ok, "{err}");
    assert!(
        table.contains("cost 165,000 EUR, at 600 EUR an hour"),
        "{table}"
    );
    assert!(
        table.contains("20 deploys a week, change failure rate 5.0%"),
        "{table}"
    );

    fs::write(
        dir.path().join("team.ron"),
        "(\n  hourly_cost: 600,\n  hourly_rate: 5,\n)\n",
    )
    .unwrap();
    let (ok, _, err) = run(dir.path(), &[]);
    assert!(!ok);
    assert!(err.contains("team.ron:3:"), "the file and line: {err}");
    assert!(err.contains("hourly_rate"), "{err}");
    fs::write(dir.path().join("team.ron"), "(change_failure_rate: 5)").unwrap();
    let (ok, _, err) = run(dir.path(), &[]);
    assert!(!ok);
    assert!(
        err.contains("team.ron:1: change_failure_rate is 5"),
        "{err}"
    );
}

#[test]
fn bad_options_are_named_in_the_error() {
    let dir = year();
    for (args, named) in [
        (&["--by", "week"][..], "--by"),
        (&["--since", "last tuesday"][..], "--since"),
        (&["--until", "2025-13"][..], "--until"),
        (&["--sev", "7"][..], "--sev"),
        (&["--format", "xml"][..], "--format"),
        (&["--json", "--format", "csv"][..], "--json"),
        (
            &["--since", "2025-06-01", "--until", "2025-05-01"][..],
            "--since",
        ),
    ] {
        let (ok, out, err) = run(dir.path(), args);
        assert!(!ok, "{args:?} should fail");
        assert!(out.is_empty(), "{args:?}: {out}");
        assert!(err.contains(named), "{args:?}: {err}");
    }
}

#[test]
fn an_empty_folder_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, out, err) = run(dir.path(), &[]);
    assert!(ok, "{err}");
    assert_eq!(out, "no reviews match\n");
    let stats = json(dir.path(), &[]);
    assert_eq!(stats["reviews"], 0);
}
