//! A year of reviews made by a rule simple enough that every figure
//! across them can be worked out by hand (see [`year_review`]).

use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use debrief::domain::{
    ActionItem, ActionStatus, Area, Effect, Event, EventKind, Review, Source, Text,
};
use debrief::store::{Store, encode};

use super::common::ReviewBuilder;

/// The months of 2025 that hold reviews: March has none.
pub const MONTHS: [u32; 11] = [1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12];

pub const SERVICES: [&str; 3] = ["checkout", "search", "login"];

/// Review `i` of the year:
/// - in month `MONTHS[i % 11]` of 2025, on day `1 + (i / 11) % 28`, at
///   noon; severity `Sev1` to `Sev5` by `i % 5`; service `SERVICES[i % 3]`;
/// - impact starts at noon, is detected `i % 4 + 1` minutes later (no
///   detection when `i % 7 == 0`), resolved `10 × (i % 10 + 1)` minutes
///   after the start, never acknowledged nor mitigated;
/// - a status page event 15 minutes in when `i % 10 == 0`;
/// - a process factor that hurt, "The failover runbook was stale", when
///   `i` is even; a people factor that helped, "Alerts paged the right
///   people", when `i % 3 == 0`;
/// - one action item when `i % 4 == 0`, its status by `(i / 4) % 4` in
///   the order open, in progress, done, won't do, due 2025-06-01.
pub fn year_review(i: usize) -> Review {
    let month = MONTHS[i % MONTHS.len()];
    let day = 1 + (i / MONTHS.len()) % 28;
    let date = NaiveDate::from_ymd_opt(2025, month, day as u32).unwrap();
    let start: DateTime<Utc> = date.and_hms_opt(12, 0, 0).unwrap().and_utc();
    let service = SERVICES[i % SERVICES.len()];
    ReviewBuilder::sev2(&format!("Incident {i}"))
        .with(|r| {
            r.id = format!("{date}-incident-{i:04}");
            r.created = start + TimeDelta::days(1);
            r.updated = r.created;
            r.severity = debrief::domain::Severity::ALL[i % 5];
            r.summary.services = vec![Text::new(service)];
            r.moments.started = Some(start);
            if !i.is_multiple_of(7) {
                r.moments.detected = Some(start + TimeDelta::minutes((i % 4 + 1) as i64));
            }
            r.moments.resolved = Some(start + TimeDelta::minutes(10 * (i % 10 + 1) as i64));
            if i.is_multiple_of(10) {
                let mut e = Event::new(
                    start + TimeDelta::minutes(15),
                    Text::new("status page updated"),
                    Source::Typed,
                );
                e.kind = EventKind::StatusPage;
                r.add_event(e);
            }
            if i.is_multiple_of(2) {
                r.add_factor(debrief::domain::Factor::new(
                    Text::new("The failover runbook was stale"),
                    Effect::Hurt,
                    Area::Process,
                ));
            }
            if i.is_multiple_of(3) {
                r.add_factor(debrief::domain::Factor::new(
                    Text::new("Alerts paged the right people"),
                    Effect::Helped,
                    Area::People,
                ));
            }
            if i.is_multiple_of(4) {
                let mut a = ActionItem::new(Text::new("Refresh the failover runbook"));
                a.status = ActionStatus::ALL[(i / 4) % 4];
                a.due = NaiveDate::from_ymd_opt(2025, 6, 1);
                r.add_action(a);
            }
        })
        .build()
}

/// Writes `reviews` into a store at `dir`, their files an hour old as
/// after a checkout.
pub fn write_all(dir: &Path, reviews: impl IntoIterator<Item = Review>) -> Store {
    let store = Store::at(dir);
    fs::create_dir_all(store.reviews_dir()).unwrap();
    for r in reviews {
        let path = store.path_of(&r.id);
        fs::write(&path, encode(&r)).unwrap();
        fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(SystemTime::now() - Duration::from_secs(3600))
            .unwrap();
    }
    store
}
