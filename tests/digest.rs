//! `debrief digest`: the learnings, factors and open action items of
//! recent reviews, grouped by kind and service, each linked to its review;
//! `--public` keeps only what the public summaries show. Over a generated
//! year of reviews, and read as GitHub reads Markdown.

mod common;
#[path = "library/year.rs"]
mod year;

use std::fs;

use chrono::NaiveDate;
use common::run::run_debrief;
use comrak::{Options, markdown_to_html};
use debrief::domain::{Review, Status, Text};
use debrief::library::digest::{Span, gather};
use debrief::report::markdown;
use debrief::store::{Store, encode};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn first() -> NaiveDate {
    day("2026-01-01")
}

/// The 120 reviews of 2026, one every three days or so.
fn reviews() -> Vec<Review> {
    year::year(first(), 120)
}

fn span(since: &str, until: &str, public: bool) -> Span {
    Span {
        since: Some(day(since)),
        until: Some(day(until)),
        today: day("2026-12-31"),
        public,
    }
}

fn gfm(md: &str) -> String {
    let mut options = Options::default();
    options.extension.table = true;
    options.extension.autolink = true;
    options.extension.strikethrough = true;
    options.render.r#unsafe = true;
    markdown_to_html(md, &options)
}

/// The reviews of the year in March, by number.
fn in_march() -> Vec<usize> {
    (0..120)
        .filter(|i| {
            let d = year::day_of(first(), *i, 120);
            d >= day("2026-03-01") && d <= day("2026-03-31")
        })
        .collect()
}

#[test]
fn the_internal_digest_holds_every_learning_factor_and_open_item_of_the_span() {
    let march = in_march();
    assert!(march.len() >= 9, "{march:?}");
    let md = markdown::digest(&gather(&reviews(), span("2026-03-01", "2026-03-31", false)));
    assert!(
        md.contains(&format!(
            "{} reviews of incidents from 1 Mar 2026 to 31 Mar 2026.",
            march.len()
        )),
        "{md}"
    );
    for i in 0..120 {
        let id = year::id_of(first(), i, 120);
        let inside = march.contains(&i);
        assert_eq!(md.contains(&format!("({id}.md)")), inside, "review {i}");
        assert_eq!(md.contains(&format!("Open item {i} ·")), inside, "{i}");
        assert!(
            !md.contains(&format!("Done item {i}")),
            "done items are not open"
        );
        assert!(
            !md.contains(&format!("private note {i}")),
            "never the notes"
        );
    }
    // Grouped by kind, then service; every item linked to its review.
    let learnings =
        &md[md.find("## Learnings").unwrap()..md.find("## Contributing factors").unwrap()];
    let heads: Vec<&str> = learnings
        .lines()
        .filter(|l| l.starts_with("### "))
        .collect();
    assert_eq!(
        heads,
        [
            "### Went well",
            "### Needs improvement",
            "### Where we got lucky",
            "### Surprise"
        ]
    );
    let i = march[1];
    let service = year::SERVICES[i % 4];
    let id = year::id_of(first(), i, 120);
    let well =
        &learnings[learnings.find("### Went well").unwrap()..learnings.find("### Needs").unwrap()];
    let group = &well[well.find(&format!("#### {service}\n")).expect(well)..];
    let group = &group[..group[5..].find("####").map_or(group.len(), |e| e + 5)];
    assert!(
        group.contains(&format!(
            "- went well {i} ([Review {i} of {service}]({id}.md))"
        )),
        "{group}"
    );
    // Internal-only items are in, marked.
    let odd = *march.iter().find(|i| *i % 2 == 1).unwrap();
    assert!(
        md.contains(&format!("- _(internal)_ needs improvement {odd} (")),
        "{md}"
    );
    let factors =
        &md[md.find("## Contributing factors").unwrap()..md.find("## Open action items").unwrap()];
    assert!(factors.contains("### Technology") && factors.contains("### Process"));
    assert!(factors.contains(&format!(
        "The quirk{i} runbook helped _(helped)_ ([Review {i}"
    )));
    // Overdue against the day it is made.
    assert!(md.contains(&format!(
        "Open item {i} · open · owner owner{i} · priority high · **overdue** since"
    )));
}

#[test]
fn the_public_digest_keeps_only_what_public_summaries_show() {
    let march = in_march();
    let d = gather(&reviews(), span("2026-03-01", "2026-03-31", true));
    let md = markdown::digest(&d);
    let published: Vec<usize> = march
        .iter()
        .copied()
        .filter(|i| i.is_multiple_of(3))
        .collect();
    assert_eq!(d.reviews.len(), published.len());
    assert_eq!(d.unpublished, march.len() - published.len());
    for i in &march {
        let id = year::id_of(first(), *i, 120);
        let public = i.is_multiple_of(3);
        assert_eq!(
            md.contains(&format!("({id}.public.md)")),
            public,
            "{i}\n{md}"
        );
        assert!(
            !md.contains(&format!("({id}.md)")),
            "links go to the public summaries"
        );
        assert!(!md.contains(&format!("owner{i}")), "names nobody");
        assert!(!md.contains(&format!("private note {i}")));
        assert!(!md.contains(&format!("went well {i}")), "no learnings");
        assert!(!md.contains(&format!("quirk{i}")), "no factors");
        let item = md.contains(&format!("- Open item {i} ·"));
        assert_eq!(item, public && i % 4 != 1, "internal items stay out: {i}");
        assert_eq!(md.contains(&format!("Public summary {i}\n")), public);
    }
    assert!(!md.contains("## Learnings") && !md.contains("## Contributing factors"));
    assert!(!md.contains("(internal)"));
}

#[test]
fn hostile_text_stays_text_and_the_digest_is_plain_gfm() {
    let hostile =
        "# Heading? <script>alert(1)</script> [x](javascript:alert(1)) | a | \u{1b}[2J `code`";
    let mut reviews = reviews();
    for r in &mut reviews {
        r.title = Text::new(hostile);
        r.summary.services = vec![Text::new(hostile)];
        r.summary.summary = Text::new(hostile);
        for l in &mut r.learnings {
            l.text = Text::new(hostile);
        }
        for f in &mut r.factors {
            f.text = Text::new(hostile);
        }
        for a in &mut r.actions {
            a.text = Text::new(hostile);
            a.owner = Some(Text::new(hostile));
        }
        r.status = Status::Published;
    }
    for public in [false, true] {
        let md = markdown::digest(&gather(&reviews, span("2026-03-01", "2026-03-31", public)));
        assert!(
            !md.contains('\u{1b}'),
            "no terminal escape reaches the file"
        );
        let html = gfm(&md);
        assert!(!html.contains("<script>"), "{html}");
        assert!(!html.contains("href=\"javascript"), "{html}");
        assert!(!html.contains("<code>"), "{html}");
        assert!(!html.contains("<table>"), "{html}");
        // Every link is to a review's report, and there is one a line of
        // the reviews and of each item.
        for href in html.split("<a href=\"").skip(1) {
            let target = &href[..href.find('"').unwrap()];
            assert!(
                target.starts_with("2026-") && target.ends_with(".md") && !target.contains('/'),
                "{target}"
            );
        }
        // Headings only from the digest itself.
        let h1 = html.matches("<h1>").count();
        assert_eq!(h1, 1, "{html}");
    }
}

#[test]
fn the_command_reads_the_library_and_names_bad_options() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    fs::create_dir_all(store.reviews_dir()).unwrap();
    for r in reviews() {
        fs::write(store.path_of(&r.id), encode(&r)).unwrap();
    }
    let run = |args: &[&str]| run_debrief(args, &[("DEBRIEF_DIR", dir.path().as_os_str())], None);
    let out = run(&["digest", "--since", "2026-03-01", "--until", "2026-03-31"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = String::from_utf8(out.stdout).unwrap();
    let want = markdown::digest(&gather(
        &reviews(),
        Span {
            today: debrief::config::Env::from_process()
                .offset
                .local(chrono::Utc::now())
                .date_naive(),
            ..span("2026-03-01", "2026-03-31", false)
        },
    ));
    assert_eq!(md, want, "the command writes what the library gathers");
    let public = run(&[
        "digest",
        "--since",
        "2026-03",
        "--until",
        "2026-03-31",
        "--public",
    ]);
    let public = String::from_utf8(public.stdout).unwrap();
    assert!(
        public.contains(".public.md)") && !public.contains("owner"),
        "{public}"
    );
    // -o writes the file.
    let file = dir.path().join("digest.md");
    let out = run(&[
        "digest",
        "--since",
        "2026-03-01",
        "--until",
        "2026-03-31",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    assert_eq!(fs::read_to_string(&file).unwrap(), md);
    // Bad options are named.
    for (args, says) in [
        (vec!["digest", "--since", "yesterday-ish"], "--since"),
        (
            vec!["digest", "--since", "2026-03-31", "--until", "2026-03-01"],
            "--until",
        ),
    ] {
        let out = run(&args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            !out.status.success() && err.contains(says),
            "{args:?}: {err}"
        );
    }
}
