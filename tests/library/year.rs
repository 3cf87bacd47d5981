//! A library generated for tests: reviews spread over a year, each with
//! services, learnings, contributing factors, action items (some
//! internal-only), private notes, and a known pattern of what is shared.

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use debrief::domain::{
    ActionItem, ActionStatus, Area, Effect, Factor, Learning, LearningKind, Offset, Priority,
    Review, ReviewKind, Severity, Status, Text,
};

/// The services the reviews name, one each by their number.
pub const SERVICES: [&str; 4] = ["checkout", "search", "auth-service", "payments"];

/// The day of review `i` of `n`, spread over the year from `first`.
pub fn day_of(first: NaiveDate, i: usize, n: usize) -> NaiveDate {
    first + TimeDelta::days((i * 365 / n.max(1)) as i64)
}

/// The id of review `i`.
pub fn id_of(first: NaiveDate, i: usize, n: usize) -> String {
    format!("{}-review-{i:04}", day_of(first, i, n))
}

/// `n` reviews from `first` on, one every 365/n days. Review `i`:
/// - names the service `SERVICES[i % 4]`, severity `1 + i % 5`;
/// - is published when `i % 3 == 0`;
/// - has a learning of each kind, the needs-improvement one internal-only
///   when `i` is odd;
/// - has a factor on the connection pool, and one with a word of its own
///   (`quirk{i}`);
/// - has two action items: one open (internal-only when `i % 4 == 1`,
///   overdue on its review's day), one done;
/// - keeps `private note {i}` in the facilitator's notes.
pub fn year(first: NaiveDate, n: usize) -> Vec<Review> {
    (0..n).map(|i| review(first, i, n)).collect()
}

fn review(first: NaiveDate, i: usize, n: usize) -> Review {
    let day = day_of(first, i, n);
    let at: DateTime<Utc> = day.and_hms_opt(9, 0, 0).unwrap().and_utc();
    let service = SERVICES[i % SERVICES.len()];
    let mut r = Review::new(
        id_of(first, i, n),
        Text::new(format!("Review {i} of {service}")),
        Severity::ALL[i % Severity::ALL.len()],
        ReviewKind::Full,
        at,
        Offset::UTC,
    );
    r.moments.started = Some(at);
    r.moments.resolved = Some(at + TimeDelta::minutes(30 + i as i64));
    r.summary.services = vec![Text::new(service)];
    r.summary.summary = Text::new(format!("Public summary {i}"));
    if i.is_multiple_of(3) {
        r.status = Status::Published;
    }
    for kind in LearningKind::ALL {
        let mut l = Learning::new(*kind, Text::new(format!("{} {i}", kind.label())));
        l.internal = *kind == LearningKind::NeedsImprovement && i % 2 == 1;
        r.add_learning(l);
    }
    r.add_factor(Factor::new(
        Text::new("The connection pool ran out under retries"),
        Effect::Hurt,
        Area::Technology,
    ));
    r.add_factor(Factor::new(
        Text::new(format!("The quirk{i} runbook helped")),
        Effect::Helped,
        Area::Process,
    ));
    let mut open = ActionItem::new(Text::new(format!("Open item {i}")));
    open.owner = Some(Text::new(format!("owner{i}")));
    open.priority = Some(Priority::High);
    open.due = Some(day);
    open.internal = i % 4 == 1;
    r.add_action(open);
    let mut done = ActionItem::new(Text::new(format!("Done item {i}")));
    done.status = ActionStatus::Done;
    r.add_action(done);
    r.notes = Text::new(format!("private note {i}"));
    r
}
