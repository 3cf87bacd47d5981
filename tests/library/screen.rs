//! The library fixture of the screen's tests: twelve reviews of 2026
//! whose figures are worked out by hand, and the app on the screen.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use debrief::app::library::LibraryView;
use debrief::app::state::{Picker, PickerEntry};
use debrief::app::{Action, App, Effect, Mode, Screen, update};
use debrief::domain::{ActionItem, ActionStatus, Area, Effect as Helped, Review, Severity, Text};
use debrief::library::ReviewSummary;

use super::common::ReviewBuilder;
use super::common::keys::press_at;

pub fn now() -> DateTime<Utc> {
    "2026-11-24T09:30:00Z".parse().unwrap()
}

pub fn today() -> NaiveDate {
    now().date_naive()
}

pub fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// An open action item.
pub fn item(
    text: &str,
    owner: Option<&str>,
    due: Option<&str>,
    status: ActionStatus,
) -> ActionItem {
    let mut a = ActionItem::new(Text::new(text));
    a.owner = owner.map(Text::new);
    a.due = due.map(day);
    a.status = status;
    a
}

/// Review `n`: its incident on `date`, its severity, resolved `resolve`
/// minutes after it started (never, for `None`).
pub fn review(n: usize, date: &str, severity: Severity, resolve: Option<i64>) -> ReviewBuilder {
    let start = day(date).and_hms_opt(12, 0, 0).unwrap().and_utc();
    ReviewBuilder::sev2(&format!("Incident {n}")).with(move |r| {
        r.id = format!("{date}-incident-{n:02}");
        r.title = Text::new(format!("Incident {n} on {date}"));
        r.severity = severity;
        r.created = start + TimeDelta::days(1);
        r.updated = r.created;
        r.moments.started = Some(start);
        r.moments.resolved = resolve.map(|m| start + TimeDelta::minutes(m));
    })
}

pub fn add(a: ActionItem) -> impl FnOnce(&mut Review) {
    move |r| {
        r.add_action(a);
    }
}

/// Twelve reviews of 2026, none in March:
///
/// | n | date | sev | resolved in | factors | open items |
/// |---|---|---|---|---|---|
/// | 0 | 01-10 | 1 | 30m | process hurt "failover runbook stale" | ana, due 03-01 (overdue) |
/// | 1 | 02-14 | 2 | 3h | process hurt "runbook failover" | gary, due 12-15, in progress |
/// | 2 | 02-20 | 3 | 10m | | |
/// | 3 | 04-02 | 2 | 45m | | (done first) ana, due 10-01 (overdue) |
/// | 4 | 05-05 | 4 | never | | |
/// | 5 | 06-18 | 1 | 90m | people helped "alerts" | "Ana " without a due date |
/// | 6 | 07-07 | 3 | 20m | | |
/// | 7 | 08-30 | 5 | 2 days | | |
/// | 8 | 10-01 | 2 | 50m | technology hurt "alerts" | mo, due 11-01 (overdue) |
/// | 9 | 11-03 | 3 | 4m | | |
/// | 10 | 11-15 | 1 | 6h | process hurt "stale runbook failover" | gary, due 11-30 |
/// | 11 | 11-20 | 2 | 35m | | nobody, due 11-10 (overdue); (mo, won't do) |
pub fn fixture() -> Vec<Review> {
    use ActionStatus::{Done, InProgress, Open, WontDo};
    use Severity::*;
    let f = |text: &'static str, effect, area| {
        move |r: &mut Review| {
            r.add_factor(debrief::domain::Factor::new(Text::new(text), effect, area));
        }
    };
    vec![
        review(0, "2026-01-10", Sev1, Some(30))
            .with(f(
                "The failover runbook was stale",
                Helped::Hurt,
                Area::Process,
            ))
            .with(add(item(
                "Rotate the on-call runbook",
                Some("ana"),
                Some("2026-03-01"),
                Open,
            )))
            .build(),
        review(1, "2026-02-14", Sev2, Some(180))
            .with(f(
                "The runbook missed the failover step",
                Helped::Hurt,
                Area::Process,
            ))
            .with(add(item(
                "Add a failover drill",
                Some("gary"),
                Some("2026-12-15"),
                InProgress,
            )))
            .build(),
        review(2, "2026-02-20", Sev3, Some(10)).build(),
        review(3, "2026-04-02", Sev2, Some(45))
            .with(add(item("Write the template", Some("ana"), None, Done)))
            .with(add(item(
                "Alert on saturation",
                Some("ana"),
                Some("2026-10-01"),
                Open,
            )))
            .build(),
        review(4, "2026-05-05", Sev4, None).build(),
        review(5, "2026-06-18", Sev1, Some(90))
            .with(f(
                "Alerts paged the right people",
                Helped::Helped,
                Area::People,
            ))
            .with(add(item(
                "Page the database team",
                Some("Ana "),
                None,
                Open,
            )))
            .build(),
        review(6, "2026-07-07", Sev3, Some(20)).build(),
        review(7, "2026-08-30", Sev5, Some(2 * 24 * 60)).build(),
        review(8, "2026-10-01", Sev2, Some(50))
            .with(f(
                "Alerts went to a quiet channel",
                Helped::Hurt,
                Area::Technology,
            ))
            .with(add(item(
                "Check the quiet channel",
                Some("mo"),
                Some("2026-11-01"),
                Open,
            )))
            .build(),
        review(9, "2026-11-03", Sev3, Some(4)).build(),
        review(10, "2026-11-15", Sev1, Some(360))
            .with(f(
                "A stale runbook for the failover",
                Helped::Hurt,
                Area::Process,
            ))
            .with(add(item(
                "Cap the retry storm",
                Some("gary"),
                Some("2026-11-30"),
                Open,
            )))
            .build(),
        review(11, "2026-11-20", Sev2, Some(35))
            .with(add(item(
                "Document the cache warm-up",
                None,
                Some("2026-11-10"),
                Open,
            )))
            .with(add(item("Drop the old flag", Some("mo"), None, WontDo)))
            .build(),
    ]
}

pub fn path_of(r: &Review) -> PathBuf {
    PathBuf::from(format!("/reviews/{}.ron", r.id))
}

/// The list of reviews with one entry, filtered by "rev".
pub fn picker() -> Picker {
    Picker {
        entries: vec![PickerEntry {
            path: "/reviews/a.ron".into(),
            id: "a".into(),
            date: "2026-11-24".into(),
            severity: Severity::Sev2,
            status: debrief::domain::Status::Draft,
            title: "A review".into(),
            open_actions: 0,
        }],
        filter: "rev".into(),
        ..Picker::default()
    }
}

pub fn view_of(reviews: &[Review]) -> LibraryView {
    let summaries: Vec<(PathBuf, ReviewSummary)> = reviews
        .iter()
        .map(|r| (path_of(r), ReviewSummary::of(r)))
        .collect();
    LibraryView::build(
        summaries.iter().map(|(p, s)| (p.as_path(), s)),
        vec!["/reviews/broken.ron: line 3: expected a review".into()],
        today(),
        Picker::default(),
    )
}

/// The app on the list of reviews, Ctrl-L pressed, and the library the
/// runtime read handed back, at `size`.
pub fn library_app(size: (u16, u16)) -> App {
    let mut app = App::new(Screen::Picker(picker()), now());
    update(&mut app, Action::Resize(size.0, size.1), now());
    let effects = press(&mut app, "<c-l>");
    assert_eq!(effects, vec![Effect::LoadLibrary]);
    update(
        &mut app,
        Action::LibraryRead(Ok(Box::new(view_of(&fixture())))),
        now(),
    );
    assert_eq!(app.mode(), Mode::Library);
    app
}

pub fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    press_at(app, keys, now())
}

pub fn view(app: &App) -> &LibraryView {
    match &app.screen {
        Screen::Library(v) => v,
        _ => panic!("not on the library screen"),
    }
}

pub fn text(app: &App, w: u16, h: u16) -> String {
    super::common::screen_text(super::common::screen(app, w, h).backend().buffer()).join("\n")
}
