//! Related reviews: shared incidents, services, tags and factor words,
//! ranked, each with why; the review's own tags and incidents from the
//! command line and the form; the section in the workspace and the
//! internal report.

mod common;
#[path = "library/year.rs"]
mod year;

use std::sync::Arc;

use chrono::{NaiveDate, Utc};
use common::keys::Keys;
use common::run::run_debrief;
use common::{ReviewBuilder, screen, screen_text, sized};
use debrief::app::related::RelatedView;
use debrief::app::{Action, update};
use debrief::domain::{Area, Effect, Review, Text};
use debrief::library::{Corpus, ReviewSummary};
use debrief::report::markdown;
use debrief::store::{Store, decode, encode};

fn review(id: &str, title: &str, change: impl FnOnce(&mut Review)) -> Review {
    ReviewBuilder::sev2(title)
        .with(|r| r.id = id.into())
        .with(change)
        .build()
}

fn factor(r: &mut Review, text: &str) {
    r.add_factor(debrief::domain::Factor::new(
        Text::new(text),
        Effect::Hurt,
        Area::Technology,
    ));
}

fn corpus(reviews: &[Review]) -> Corpus {
    let summaries: Vec<ReviewSummary> = reviews.iter().map(ReviewSummary::of).collect();
    Corpus::new(&summaries)
}

#[test]
fn incidents_weigh_most_then_services_then_tags_and_each_says_why() {
    let me = review("me", "Login failures", |r| {
        r.incident = Some(Text::new("INC-1"));
        r.summary.services = vec![Text::new("auth-service")];
        r.tags = vec![Text::new("db")];
        factor(r, "The retries exhausted the connection pool");
    });
    let by_incident = review("inc", "Seen from billing", |r| {
        r.incidents = vec![Text::new("inc-1")];
    });
    let by_service = review("svc", "Auth slow", |r| {
        r.summary.services = vec![Text::new("Auth-Service")];
    });
    let by_tag = review("tag", "Replica lag #DB", |_| {});
    let by_words = review("words", "Pool exhaustion", |r| {
        factor(r, "Pool sized too small");
    });
    let unrelated = review("none", "Typo on the pricing page", |r| {
        factor(r, "It was because of the way it was done");
    });
    let all = [
        me.clone(),
        by_incident,
        by_service,
        by_tag,
        by_words,
        unrelated,
    ];
    let found = corpus(&all).related(&ReviewSummary::of(&me), 10);
    let ids: Vec<&str> = found.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        ["inc", "svc", "tag", "words"],
        "never itself, nor the unrelated one"
    );
    let why: Vec<String> = found.iter().map(|r| r.why()).collect();
    assert_eq!(
        why,
        [
            "shares incident INC-1",
            "shares service auth-service",
            "shares tag db",
            "factor words: pool",
        ]
    );
}

#[test]
fn rarer_factor_words_weigh_more_and_stop_words_relate_nothing() {
    // "pool" is in every review; "failover" in two only.
    let mut reviews = Vec::new();
    for i in 0..20 {
        reviews.push(review(&format!("r{i:02}"), "Other", |r| {
            factor(
                r,
                &format!("The pool was small, and it was because of load{i}"),
            );
        }));
    }
    let me = review("me", "Me", |r| {
        factor(r, "The failover of the pool stalled")
    });
    let rare = review("rare", "Rare", |r| {
        factor(r, "A failover nobody had practised")
    });
    reviews.push(me.clone());
    reviews.push(rare);
    let found = corpus(&reviews).related(&ReviewSummary::of(&me), 30);
    assert_eq!(
        found.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        ["rare"],
        "one word every review holds does not relate them; a rare one does: {found:?}"
    );
    assert_eq!(found[0].shares.words, ["failover"]);
    // Only stop words in common: nothing.
    let a = review("a", "A", |r| {
        factor(r, "it was because of the way they were")
    });
    let b = review("b", "B", |r| factor(r, "because the way it was, they were"));
    assert!(
        corpus(&[a.clone(), b])
            .related(&ReviewSummary::of(&a), 5)
            .is_empty()
    );
}

#[test]
fn a_generated_year_relates_each_review_to_those_of_its_service_first() {
    let first = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let reviews = year::year(first, 200);
    let c = corpus(&reviews);
    let me = ReviewSummary::of(&reviews[5]);
    let found = c.related(&me, 10);
    assert_eq!(found.len(), 10);
    for r in &found {
        assert_ne!(r.id, me.id);
        assert_eq!(r.shares.services, [year::SERVICES[5 % 4]], "{r:?}");
    }
    // Best first, then the newest incident.
    assert!(
        found.windows(2).all(
            |w| w[0].score > w[1].score || (w[0].score == w[1].score && w[0].date >= w[1].date)
        )
    );
}

#[test]
fn older_files_load_unchanged_and_the_new_lists_round_trip_one_a_line() {
    let text = common::example_text();
    let r = decode(&text, std::path::Path::new("example.ron")).unwrap();
    assert!(r.tags.is_empty() && r.incidents.is_empty());
    assert!(!encode(&r).contains("tags:") && !encode(&r).contains("incidents:"));
    let mut tagged = r.clone();
    tagged.tags = vec![Text::new("db"), Text::new("dns")];
    tagged.incidents = vec![Text::new("PD-77")];
    let saved = encode(&tagged);
    assert!(
        saved.contains("  tags: [\n    \"db\",\n    \"dns\",\n  ],\n"),
        "one tag a line, so that git merges additions: {saved}"
    );
    assert_eq!(
        decode(&saved, std::path::Path::new("t.ron")).unwrap(),
        tagged
    );
    // The journal's record of the review's fields carries them.
    let changes = debrief::store::journal::changes(&r, &tagged);
    let mut replayed = r.clone();
    debrief::store::journal::apply(&mut replayed, changes).unwrap();
    assert_eq!(replayed, tagged);
}

fn cli(dir: &std::path::Path, args: &[&str]) -> String {
    let out = run_debrief(args, &[("DEBRIEF_DIR", dir.as_os_str())], None);
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
    text(&out.stdout)
}

#[test]
fn the_command_line_sets_tags_and_incidents_and_lists_related_reviews() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let new = |args: &[&str]| cli(d, args).trim().to_owned();
    let a = new(&[
        "new",
        "Login failures",
        "--sev",
        "2",
        "--no-open",
        "--tag",
        "DB",
        "--tag",
        "auth,dns",
        "--incident",
        "INC-1",
        "--incident",
        "PD-7",
    ]);
    let b = new(&[
        "new",
        "Checkout slow",
        "--sev",
        "2",
        "--no-open",
        "--incident",
        "pd-7",
    ]);
    let c = new(&["new", "Pricing typo", "--no-open"]);
    let file = std::fs::read_to_string(Store::at(d).path_of(&a)).unwrap();
    let r = decode(&file, std::path::Path::new("a.ron")).unwrap();
    assert_eq!(
        r.tags,
        [Text::new("db"), Text::new("auth"), Text::new("dns")]
    );
    assert_eq!(r.incident, Some(Text::new("INC-1")));
    assert_eq!(r.incidents, [Text::new("PD-7")]);
    cli(d, &["set", &c, "tags", "#Pricing web"]);
    cli(d, &["set", &b, "services", "checkout"]);
    cli(d, &["set", &c, "services", "checkout"]);
    let listed = cli(d, &["list", "--tag", "pricing"]);
    assert!(listed.contains(&c) && !listed.contains(&a), "{listed}");
    let listed = cli(d, &["list", "--tag", "dns"]);
    assert!(listed.contains(&a) && !listed.contains(&c), "{listed}");

    let text = cli(d, &["related", &b]);
    assert_eq!(
        text.lines().filter(|l| !l.starts_with("  ")).count(),
        2,
        "the review sharing the incident and the one sharing the service: {text}"
    );
    assert!(text.find(&a).unwrap() < text.find(&c).unwrap(), "{text}");
    assert!(text.contains("  shares incident pd-7\n"), "{text}");
    assert!(text.contains("  shares service checkout\n"), "{text}");
    let json: serde_json::Value =
        serde_json::from_str(&cli(d, &["related", &b, "--json"])).unwrap();
    assert_eq!(json[0]["review"], a.as_str());
    assert_eq!(json[0]["shares"]["incidents"][0], "pd-7");
    assert_eq!(json[1]["why"], "shares service checkout");

    // The internal report lists them, linked to their reports.
    let report = cli(d, &["export", &b]);
    let section = &report[report.find("## Related reviews").expect(&report)..];
    assert!(
        section.contains(&format!("[Login failures]({a}.md)")),
        "{section}"
    );
    assert!(
        section.contains(&format!("[Pricing typo]({c}.md)")),
        "{section}"
    );
    let public = cli(d, &["export", &b, "--public"]);
    assert!(!public.contains("Related"), "{public}");
}

#[test]
fn the_review_form_edits_tags_and_incidents_and_undo_takes_them_back() {
    let now = Utc::now();
    let mut app = sized(review("me", "Login failures", |_| {}), now, (120, 40));
    // Details, the review's row, its form: title, incident, severity,
    // status, kind, offset, other incidents, tags.
    Keys::new(&mut app, now)
        .press("6 <enter> <tab> <tab> <tab> <tab> <tab> <tab>")
        .typing("INC-7, PD-12")
        .press("<tab>")
        .typing("#DB dns")
        .press("<c-s>");
    let ws = app.workspace().unwrap();
    assert_eq!(
        ws.review.incidents,
        [Text::new("INC-7"), Text::new("PD-12")]
    );
    assert_eq!(ws.review.tags, [Text::new("db"), Text::new("dns")]);
    let shown = screen_text(screen(&app, 120, 40).backend().buffer()).join("\n");
    assert!(shown.contains("INC-7") && shown.contains("#db"), "{shown}");
    Keys::new(&mut app, now).press("u");
    assert!(app.workspace().unwrap().review.tags.is_empty());
}

#[test]
fn the_details_pane_says_looking_then_shows_the_related_reviews_and_follows_edits() {
    let now = Utc::now();
    let me = review("me", "Login failures", |r| {
        r.summary.services = vec![Text::new("auth-service")];
    });
    let other = review("other", "Token refresh storm", |r| {
        r.summary.services = vec![Text::new("auth-service")];
    });
    let tagged = review("tagged", "Replica lag", |r| r.tags = vec![Text::new("db")]);
    for size in [(80u16, 24u16), (160, 48)] {
        let mut app = sized(me.clone(), now, size);
        let file = std::path::PathBuf::from("/reviews/me.ron");
        app.workspace_mut().unwrap().file = Some(file.clone());
        app.workspace_mut().unwrap().related = RelatedView::Looking;
        Keys::new(&mut app, now).press("6");
        let text = |app: &debrief::app::App| {
            screen_text(screen(app, size.0, size.1).backend().buffer()).join("\n")
        };
        assert!(
            text(&app).contains("Related reviews looking…"),
            "{}",
            text(&app)
        );
        let c = corpus(&[me.clone(), other.clone(), tagged.clone()]);
        update(
            &mut app,
            Action::Related {
                file: file.clone(),
                library: Ok(Arc::new(c)),
            },
            now,
        );
        let shown = text(&app);
        assert!(shown.contains("Token refresh storm"), "{size:?}\n{shown}");
        assert!(!shown.contains("Replica lag"), "{shown}");
        // A tag given in the form relates the tagged review at once.
        Keys::new(&mut app, now)
            .press("<enter> <tab> <tab> <tab> <tab> <tab> <tab> <tab>")
            .typing("db")
            .press("<c-s>");
        let list = app.workspace().unwrap().related.list().unwrap().to_vec();
        assert_eq!(
            list.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
            ["other", "tagged"]
        );
        if size.0 >= 120 {
            let shown = text(&app);
            assert!(
                shown.contains("Replica lag") && shown.contains("shares tag db"),
                "{shown}"
            );
        }
    }
}

#[test]
fn the_related_section_is_plain_gfm_with_links_to_the_reports_only() {
    let hostile = "<script>x</script> [a](javascript:alert(1)) # not a heading | cell";
    let me = review("me", "Me", |r| r.tags = vec![Text::new("db")]);
    let other = review("2026-01-01-other-abcd", hostile, |r| {
        r.tags = vec![Text::new("db")]
    });
    let found = corpus(&[me.clone(), other]).related(&ReviewSummary::of(&me), 5);
    let md = markdown::internal_with_related(
        &me,
        &debrief::domain::Coach::builtin(),
        Utc::now(),
        &found,
    );
    let mut options = comrak::Options::default();
    options.extension.table = true;
    options.extension.autolink = true;
    options.render.r#unsafe = true;
    let html = comrak::markdown_to_html(&md, &options);
    let section = &html[html.find("<h2>Related reviews</h2>").expect(&html)..];
    assert!(!section.contains("<script>"), "{section}");
    assert_eq!(section.matches("<a href=").count(), 1, "{section}");
    assert!(
        section.contains("<a href=\"2026-01-01-other-abcd.md\">"),
        "{section}"
    );
}
