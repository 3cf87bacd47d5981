//! `debrief stats` as people and tools read it: the table at 80 columns,
//! Markdown as GFM, CSV read back by a CSV parser, and snapshots.

use std::fs;
use std::path::Path;

use super::common::ReviewBuilder;
use super::generated::write_all;
use super::{run, year};
use debrief::domain::Text;

#[test]
fn the_table_reads_at_80_columns() {
    let dir = year();
    let (ok, table, err) = run(dir.path(), &["--until", "2025-12-31"]);
    assert!(ok, "{err}");
    for line in table.lines() {
        assert!(line.chars().count() <= 80, "{} wide: {line}", line.len());
        assert_eq!(line, line.trim_end(), "no trailing spaces: {line:?}");
    }
    assert!(
        table.starts_with("300 reviews of incidents from 2025-01-01 to 2025-12-31, by month\n")
    );
    assert!(
        table.contains("\n2025-03      0     0     0     0     0      0\n"),
        "{table}"
    );
    let resolve = table
        .lines()
        .find(|l| l.starts_with("time to resolve"))
        .unwrap();
    let cells: Vec<&str> = resolve["time to resolve".len()..]
        .split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    assert_eq!(cells, ["300", "0", "55m", "1h 30m", "1h 40m"], "{resolve}");
    assert!(table.contains("No mean"), "{table}");
    assert!(
        table.contains("failover 150, runbook 150, stale 150,\n  alerts 100, paged 100"),
        "{table}"
    );
    assert!(table.contains("opened 75  open 19  in progress 19  done 19  won't do 18  overdue 38"));
}

/// Two reviews whose service names and factor texts would break a table,
/// a terminal or a spreadsheet if they were not neutralised.
fn hostile() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let nasty = "=HYPERLINK(\"x\")|a, <script>b</script>\u{1b}[2J";
    let reviews = (0..2).map(|n| {
        ReviewBuilder::sev2(&format!("Hostile {n}"))
            .with(|r| {
                r.id = format!("2026-11-2{n}-hostile-{n}");
                r.summary.services = vec![Text::new(nasty)];
            })
            .factor(
                "stale | runbook <b>again</b> \u{202e}reversed",
                debrief::domain::Effect::Hurt,
                debrief::domain::Area::Process,
            )
            .build()
    });
    write_all(dir.path(), reviews);
    dir
}

#[test]
fn markdown_reads_as_gfm_tables_whatever_the_reviews_hold() {
    use comrak::{Options, markdown_to_html};
    let mut options = Options::default();
    options.extension.table = true;
    options.extension.autolink = true;
    options.extension.strikethrough = true;
    options.render.r#unsafe = true;
    let tables = |dir: &Path| -> Vec<Vec<usize>> {
        let (ok, md, err) = run(dir, &["--format", "md", "--until", "2026-12-31"]);
        assert!(ok, "{err}");
        assert!(!md.contains('\u{1b}'), "{md}");
        let html = markdown_to_html(&md, &options);
        assert!(!html.contains("<script>"), "{html}");
        let wrapped = format!("<root>{html}</root>");
        let doc = roxmltree::Document::parse(&wrapped).unwrap_or_else(|e| panic!("{e}: {html}"));
        doc.descendants()
            .filter(|n| n.has_tag_name("table"))
            .map(|t| {
                t.descendants()
                    .filter(|n| n.has_tag_name("tr"))
                    .map(|tr| {
                        tr.children()
                            .filter(|c| c.has_tag_name("td") || c.has_tag_name("th"))
                            .count()
                    })
                    .collect()
            })
            .collect()
    };
    let got = tables(hostile().path());
    // Severity (a month a row), durations, areas, words, services, actions.
    assert_eq!(got.len(), 6, "{got:?}");
    for rows in &got {
        assert!(
            rows.iter().all(|n| *n == rows[0]),
            "a row with its own cells: {got:?}"
        );
    }
    assert_eq!(got[0][0], 7);
    assert_eq!(got[4], [2, 2], "one service, one row: {got:?}");

    let plain = tables(year().path());
    assert_eq!(plain.len(), 6);
    assert_eq!(plain[1].len(), 6, "a header and five spans");
}

#[test]
fn csv_reads_back_one_figure_a_row() {
    let read = |dir: &Path| -> Vec<[String; 4]> {
        let (ok, out, err) = run(dir, &["--format", "csv", "--until", "2026-12-31"]);
        assert!(ok, "{err}");
        let mut reader = csv::Reader::from_reader(out.as_bytes());
        assert_eq!(
            reader.headers().unwrap(),
            vec!["section", "item", "measure", "value"]
        );
        reader
            .records()
            .map(|r| {
                let r = r.unwrap();
                assert_eq!(r.len(), 4, "{r:?}");
                [0, 1, 2, 3].map(|i| r[i].to_owned())
            })
            .collect()
    };
    let rows = read(year().path());
    let value = |section: &str, item: &str, measure: &str| -> String {
        rows.iter()
            .find(|r| r[0] == section && r[1] == item && r[2] == measure)
            .unwrap_or_else(|| panic!("no {section}/{item}/{measure}"))[3]
            .clone()
    };
    assert_eq!(
        value("durations", "time to resolve", "median seconds"),
        "3300"
    );
    assert_eq!(value("durations", "time to resolve", "p90 seconds"), "5400");
    assert_eq!(
        value("durations", "time to acknowledge", "median seconds"),
        ""
    );
    assert_eq!(value("reviews by severity", "2025-03", "total"), "0");
    assert_eq!(value("reviews by severity", "2025-01", "Sev4"), "5");
    assert_eq!(value("recurring words", "runbook", "reviews"), "150");
    assert_eq!(value("action items", "", "won't do"), "18");

    let rows = read(hostile().path());
    let service = rows.iter().find(|r| r[0] == "services").unwrap();
    assert!(
        service[1].starts_with("'=HYPERLINK"),
        "never a formula: {service:?}"
    );
    assert!(!service[1].contains('\u{1b}'), "{service:?}");
    assert_eq!(service[3], "2");
}

/// The output with the open items' ages, which count to today, written as
/// `Nd`.
fn without_ages(text: &str) -> String {
    text.lines()
        .map(|l| {
            if l.starts_with("age of the ") {
                let (head, _) = l.split_once(": median").unwrap();
                format!("{head}: median Nd, oldest Nd (since the review was made)")
            } else if l.starts_with("| 75 |") {
                let cells: Vec<&str> = l.split(" | ").collect();
                format!("{} | Nd | Nd |", cells[..6].join(" | "))
            } else {
                l.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_year_as_a_table_and_as_markdown() {
    let dir = year();
    fs::write(
        dir.path().join("team.ron"),
        "(hourly_cost: 600, currency: \"EUR\", deploys_per_week: 20, change_failure_rate: 0.05)",
    )
    .unwrap();
    for (name, format) in [("stats_table", "table"), ("stats_markdown", "md")] {
        let (ok, out, err) = run(
            dir.path(),
            &[
                "--format",
                format,
                "--by",
                "quarter",
                "--until",
                "2025-12-31",
            ],
        );
        assert!(ok, "{err}");
        if format == "table" {
            for line in out.lines() {
                assert!(line.chars().count() <= 80, "{} wide: {line}", line.len());
            }
        }
        insta::assert_snapshot!(name, without_ages(&out));
    }
}
