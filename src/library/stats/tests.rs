use chrono::{DateTime, TimeDelta, Utc};

use super::*;
use crate::domain::{
    ActionItem, ActionStatus, Effect, Factor, Offset, Review, ReviewKind, Severity, Text,
};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A review of `date` at noon, with its start of impact and the minutes
/// after it of detection and resolution.
fn review(id: &str, date: &str, sev: Severity, detect: Option<i64>, resolve: i64) -> ReviewSummary {
    let start: DateTime<Utc> = format!("{date}T12:00:00Z").parse().unwrap();
    let mut r = Review::new(
        id.into(),
        Text::new(id),
        sev,
        ReviewKind::Full,
        start,
        Offset::default(),
    );
    r.moments.started = Some(start);
    r.moments.detected = detect.map(|m| start + TimeDelta::minutes(m));
    r.moments.resolved = Some(start + TimeDelta::minutes(resolve));
    ReviewSummary::of(&r)
}

fn options(today: &str) -> Options {
    Options {
        today: day(today),
        ..Options::default()
    }
}

#[test]
fn periods_without_reviews_count_zero() {
    let a = review("a", "2026-01-10", Severity::Sev1, Some(5), 60);
    let b = review("b", "2026-04-02", Severity::Sev2, Some(5), 60);
    let c = review("c", "2026-04-30", Severity::Sev2, Some(5), 60);
    let all = [&a, &b, &c];
    let stats = Stats::of(&all, &options("2026-05-15"));
    let rows: Vec<(String, usize)> = stats
        .periods
        .iter()
        .map(|p| (p.period.label(), p.total))
        .collect();
    assert_eq!(
        rows,
        [
            ("2026-01".to_owned(), 1),
            ("2026-02".to_owned(), 0),
            ("2026-03".to_owned(), 0),
            ("2026-04".to_owned(), 2),
            ("2026-05".to_owned(), 0),
        ]
    );
    assert_eq!(stats.periods[3].count(Severity::Sev2), 2);
    assert_eq!(stats.periods[3].count(Severity::Sev1), 0);
    assert_eq!(stats.periods[3].reviews, [1, 2]);

    let quarters = Stats::of(
        &all,
        &Options {
            by: By::Quarter,
            since: Some(day("2025-12-01")),
            until: Some(day("2026-03-31")),
            ..options("2026-05-15")
        },
    );
    let rows: Vec<(String, usize)> = quarters
        .periods
        .iter()
        .map(|p| (p.period.label(), p.total))
        .collect();
    assert_eq!(rows, [("2025-Q4".to_owned(), 0), ("2026-Q1".to_owned(), 1)]);
}

#[test]
fn no_reviews_and_no_days_have_no_periods_and_no_figures() {
    let stats = Stats::of(&[], &options("2026-05-15"));
    assert!(stats.periods.is_empty());
    let d = stats.duration(Span::Resolve);
    assert_eq!(
        (d.count, d.missing, d.median, d.p90, d.max),
        (0, 0, None, None, None)
    );
    assert_eq!(stats.actions, ActionFigures::default());
}

#[test]
fn durations_count_what_is_missing_and_out_of_order_apart() {
    let a = review("a", "2026-01-10", Severity::Sev1, Some(4), 60);
    let b = review("b", "2026-01-11", Severity::Sev1, None, 30);
    let c = review("c", "2026-01-12", Severity::Sev1, Some(-3), 90);
    let d = review("d", "2026-01-13", Severity::Sev1, Some(10), 600);
    let stats = Stats::of(&[&a, &b, &c, &d], &options("2026-02-01"));
    let detect = stats.duration(Span::Detect);
    assert_eq!(detect.count, 2);
    assert_eq!(detect.missing, 1);
    assert_eq!(detect.out_of_order, 1);
    assert_eq!(detect.median, Some(7 * 60));
    assert_eq!(detect.p90, Some(600));
    assert_eq!(detect.max, Some(600));
    let resolve = stats.duration(Span::Resolve);
    // 30, 60, 90, 600 minutes: the median is between 60 and 90.
    assert_eq!(resolve.count, 4);
    assert_eq!(resolve.median, Some(75 * 60));
    assert_eq!(resolve.p90, Some(600 * 60));
    assert_eq!(
        resolve.samples.iter().map(|s| s.review).collect::<Vec<_>>(),
        [1, 0, 2, 3]
    );
}

#[test]
fn factor_words_and_services_are_counted_once_per_review() {
    let mut one = review("a", "2026-01-10", Severity::Sev1, Some(4), 60);
    let mut two = review("b", "2026-01-11", Severity::Sev2, Some(4), 60);
    let mut r = Review::new(
        "x".into(),
        Text::new("x"),
        Severity::Sev1,
        ReviewKind::Full,
        one.created,
        Offset::default(),
    );
    r.add_factor(Factor::new(
        Text::new("The runbook was stale; the runbook named the old host"),
        Effect::Hurt,
        Area::Process,
    ));
    r.add_factor(Factor::new(
        Text::new("Good alerts"),
        Effect::Helped,
        Area::Technology,
    ));
    one.factors = ReviewSummary::of(&r).factors;
    one.services = vec!["Checkout".into(), "checkout ".into()];
    let mut s = r.clone();
    s.factors.clear();
    s.add_factor(Factor::new(
        Text::new("Runbook missing for the old host"),
        Effect::Hurt,
        Area::Process,
    ));
    two.factors = ReviewSummary::of(&s).factors;
    two.services = vec!["checkout".into(), "search".into()];
    let stats = Stats::of(&[&one, &two], &options("2026-02-01"));
    let words: Vec<(&str, usize)> = stats
        .words
        .iter()
        .map(|w| (w.name.as_str(), w.count()))
        .collect();
    assert_eq!(words, [("host", 2), ("old", 2), ("runbook", 2)]);
    let services: Vec<(&str, usize)> = stats
        .services
        .iter()
        .map(|w| (w.name.as_str(), w.count()))
        .collect();
    assert_eq!(services, [("Checkout", 2), ("search", 1)]);
    let process = &stats.areas[Area::ALL.iter().position(|a| *a == Area::Process).unwrap()];
    assert_eq!((process.factors, process.hurt, process.helped), (2, 2, 0));
    assert_eq!(process.reviews, [0, 1]);
}

#[test]
fn action_items_are_counted_by_status_with_the_age_of_the_open_ones() {
    let mut r = Review::new(
        "x".into(),
        Text::new("x"),
        Severity::Sev1,
        ReviewKind::Full,
        "2026-01-01T09:00:00Z".parse().unwrap(),
        Offset::default(),
    );
    for (status, due) in [
        (ActionStatus::Open, Some("2026-01-20")),
        (ActionStatus::InProgress, Some("2026-03-01")),
        (ActionStatus::Done, Some("2026-01-02")),
        (ActionStatus::WontDo, None),
    ] {
        let mut a = ActionItem::new(Text::new("do it"));
        a.status = status;
        a.due = due.map(day);
        r.add_action(a);
    }
    let old = ReviewSummary::of(&r);
    r.created = "2026-01-21T09:00:00Z".parse().unwrap();
    r.actions.truncate(1);
    let new = ReviewSummary::of(&r);
    let stats = Stats::of(&[&old, &new], &options("2026-01-31"));
    let a = &stats.actions;
    assert_eq!(
        (a.opened, a.open, a.in_progress, a.done, a.wont_do),
        (5, 2, 1, 1, 1)
    );
    assert_eq!(a.overdue, 2);
    assert_eq!(a.overdue_items, [(0, 0), (1, 0)]);
    // Open ages 30, 30 and 10 days.
    assert_eq!(a.median_open_age, Some(30));
    assert_eq!(a.oldest_open_age, Some(30));
}

#[test]
fn the_cost_of_downtime_is_the_time_to_mitigate_else_resolve_times_the_hourly_cost() {
    let a = review("a", "2026-01-10", Severity::Sev1, Some(4), 90);
    let mut b = review("b", "2026-01-11", Severity::Sev1, Some(4), 600);
    b.durations.mitigate = Some(30 * 60);
    let mut c = review("c", "2026-01-12", Severity::Sev1, Some(4), 60);
    c.durations.resolve = None;
    let team = Team {
        hourly_cost: Some(1000.0),
        ..Team::default()
    };
    let stats = Stats::of(
        &[&a, &b, &c],
        &Options {
            team: Some(team),
            ..options("2026-02-01")
        },
    );
    let cost = stats.cost.expect("the team gave its figures");
    assert_eq!(cost.downtime, 120 * 60);
    assert_eq!((cost.costed, cost.uncosted), (2, 1));
    assert_eq!(cost.cost, Some(2000.0));
    assert!(Stats::of(&[&a], &options("2026-02-01")).cost.is_none());
}
