//! The quick review's timeline lines take the quick entry's tags: the
//! kind and the phase at the end of a line (`#alert #detect`), so that
//! detection is offered from the first alert typed there.

mod common;

use chrono::{DateTime, Utc};
use common::keys::{Keys, press_at};
use debrief::app::App;
use debrief::app::quick::Quick;
use debrief::app::state::Overlay;
use debrief::domain::{EventKind, Phase, Review};

fn now() -> DateTime<Utc> {
    "2026-11-24T09:30:00Z".parse().unwrap()
}

fn sev3() -> Review {
    common::login_page_failing(
        "2026-11-24-login-failures-abcd",
        "2026-11-24T09:00:00Z".parse().unwrap(),
    )
}

fn quick(app: &App) -> &Quick {
    match app.overlays.last() {
        Some(Overlay::Quick(q)) => q,
        other => panic!("the quick review is not open: {other:?}"),
    }
}

#[test]
fn tags_give_the_kind_and_phase_and_the_first_alert_is_offered_for_detected() {
    let mut app = common::sized(sev3(), now(), (80, 24));
    Keys::new(&mut app, now())
        .press("Q")
        .typing("16:00 ci: deployed the login service v2")
        .press("<enter>")
        .typing("16:05 pager: login errors high #alert #detect")
        .press("<enter>")
        .typing("16:30 lee: rolled back")
        .press("<tab>");
    let r = &app.workspace().unwrap().review;
    let e = &r.timeline[1];
    assert_eq!(e.text.as_str(), "login errors high");
    assert_eq!(
        (e.kind, e.phase),
        (EventKind::Alert, Some(Phase::Detection))
    );
    assert_eq!(r.timeline[0].phase, None);
    // Detected is offered from the alert, not the first event.
    assert_eq!(quick(&app).moments[1].lines(), ["16:05"]);
    // Shown again as the review holds it: without the tags.
    assert_eq!(
        quick(&app).events.lines()[1],
        "16:05 pager: login errors high"
    );

    // Editing the line keeps its kind and phase.
    press_at(&mut app, "<s-tab> <up> <end>", now());
    Keys::new(&mut app, now()).typing(" on eu").press("<tab>");
    let e = &app.workspace().unwrap().review.timeline[1];
    assert_eq!(e.text.as_str(), "login errors high on eu");
    assert_eq!(
        (e.kind, e.phase),
        (EventKind::Alert, Some(Phase::Detection))
    );
}

#[test]
fn a_tag_that_names_two_things_is_said_and_the_line_kept() {
    let mut app = common::sized(sev3(), now(), (80, 24));
    Keys::new(&mut app, now())
        .press("Q")
        .typing("16:05 pager: login errors high #de")
        .press("<tab>");
    assert!(app.workspace().unwrap().review.timeline.is_empty());
    press_at(&mut app, "<s-tab>", now());
    let screen = common::screen_text(common::screen(&app, 80, 24).backend().buffer()).join("\n");
    assert!(
        screen.contains("could be decision or detection"),
        "{screen}"
    );
    assert_eq!(
        quick(&app).events.lines(),
        ["16:05 pager: login errors high #de"]
    );
}
