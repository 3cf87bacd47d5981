//! The details pane's summary row, selected: what the coach flags in the
//! summary's texts (category, words, a better question) and what the room
//! reframed in them, as a list's selected item says it, at 80x24 and
//! 160x48.
//!
//! Accept new snapshots with `INSTA_UPDATE=always cargo test --test
//! details_coach`, then read them.

mod common;

use chrono::{DateTime, Utc};
use common::{SIZES, screen, screen_text};
use debrief::app::{Access, App, Pane, Workspace};
use debrief::domain::{CategoryId, Review, Stage};

use CategoryId::*;

fn now() -> DateTime<Utc> {
    "2026-11-18T10:15:00Z".parse().unwrap()
}

/// The example review, its resolution once flagged for a counterfactual
/// and hindsight and since rewritten, its proximate cause saying "human
/// error".
fn review() -> Review {
    let mut r = common::example();
    r.summary.proximate_cause =
        "Human error: the pool limit was left unset in the template.".into();
    r.summary.reframed.resolution = vec![Counterfactual, Hindsight];
    r
}

/// `review` open, the details pane focused (or not) with row `selected`
/// selected.
fn app(review: Review, focused: bool, selected: usize) -> App {
    at_stage(review, focused, selected, Stage::KeyMoments)
}

/// [`app`] with the meeting at `stage`.
fn at_stage(review: Review, focused: bool, selected: usize, stage: Stage) -> App {
    let mut app = common::workspace(review, Access::ReadWrite, now());
    let ws: &mut Workspace = app.workspace_mut().expect("a workspace");
    ws.review.meeting.stage = stage;
    ws.focus = if focused {
        Pane::Details
    } else {
        Pane::Timeline
    };
    ws.cursor_mut(Pane::Details).selected = selected;
    app
}

fn text(app: &App, (w, h): (u16, u16)) -> String {
    screen_text(screen(app, w, h).backend().buffer()).join("\n")
}

/// The summary is the third row: the review, the key moments, then it.
const SUMMARY: usize = 2;

#[test]
fn the_selected_summary_row_shows_its_flags_and_what_was_reframed() {
    let app = app(review(), true, SUMMARY);
    for (w, h) in SIZES {
        let terminal = screen(&app, w, h);
        insta::assert_snapshot!(format!("summary_flags_{w}x{h}"), terminal.backend());
        let shown = text(&app, (w, h));
        // The question wraps onto the next line.
        assert!(
            shown.contains("proximate cause ⚑ Blame and human error: Human")
                && shown.contains("the system make this step easy"),
            "{w}x{h}:\n{shown}"
        );
        assert!(
            shown.contains("resolution reframed: Counterfactual, Hindsight"),
            "{w}x{h}:\n{shown}"
        );
    }
}

#[test]
fn only_the_selected_summary_row_of_the_focused_pane_says_it() {
    for (focused, selected) in [(true, 1), (false, SUMMARY)] {
        let app = app(review(), focused, selected);
        for size in SIZES {
            let shown = text(&app, size);
            assert!(
                !shown.contains("reframed:") && !shown.contains("proximate cause ⚑"),
                "focused {focused}, row {selected}, {size:?}:\n{shown}"
            );
        }
    }
}

#[test]
fn a_category_flagged_again_is_open_not_reframed() {
    let mut r = review();
    // The resolution's words carry hindsight again: only the
    // counterfactual is still reframed.
    r.summary.resolution = "It was obvious once the limit was found.".into();
    let shown = text(&app(r, true, SUMMARY), (80, 24));
    assert!(shown.contains("resolution ⚑ Hindsight"), "{shown}");
    assert!(
        shown.contains("resolution reframed: Counterfactual")
            && !shown.contains("Counterfactual, "),
        "{shown}"
    );
}

#[test]
fn a_record_beside_a_blank_text_is_not_shown() {
    let mut r = review();
    r.summary.sla_impact = "".into();
    r.summary.reframed.sla_impact = vec![Blame];
    let shown = text(&app(r, true, SUMMARY), (160, 48));
    assert!(!shown.contains("SLA impact reframed"), "{shown}");
}

#[test]
fn a_heading_is_flagged_once_across_the_summary_texts() {
    let mut r = review();
    r.summary.customer_impact = "Human error".into();
    r.summary.proximate_cause = "Human error".into();
    let shown = text(&app(r, true, SUMMARY), (160, 48));
    assert!(shown.contains("customer impact ⚑ Blame"), "{shown}");
    assert!(!shown.contains("proximate cause ⚑"), "{shown}");
}

#[test]
fn the_public_view_keeps_no_record_of_what_was_reframed() {
    let public = review().public_view();
    assert!(public.summary.reframed.is_empty());
    let shown = text(&app(public, true, SUMMARY), (160, 48));
    assert!(!shown.contains("reframed"), "{shown}");
}

/// The lines of the details pane's box at 80x24, between its borders.
fn pane_lines(app: &App) -> Vec<String> {
    let lines = screen_text(screen(app, 80, 24).backend().buffer());
    let top = lines
        .iter()
        .position(|l| l.starts_with("┌ 6 Details"))
        .unwrap();
    let rule = lines.iter().position(|l| l.contains("╌╌╌")).unwrap();
    lines[top + 1..rule].to_vec()
}

#[test]
fn in_a_short_pane_the_flags_come_before_the_rest_of_the_row() {
    // At the opening the stage's prompts are long: five lines for the
    // rows at 80x24. The summary's own lines give way, cut where they
    // stop.
    let shown = pane_lines(&at_stage(review(), true, SUMMARY, Stage::SetTheStage));
    assert_eq!(shown.len(), 5, "{shown:#?}");
    assert!(
        shown[0].contains("▶ Summary      For 57 minutes"),
        "{shown:#?}"
    );
    assert!(
        shown[2].contains("customer impact, SLA impact, proximate cause, resolution:…"),
        "{shown:#?}"
    );
    assert!(
        shown[3].contains("proximate cause ⚑ Blame and human error: Human error → How di…"),
        "{shown:#?}"
    );
    assert!(
        shown[4].contains("resolution reframed: Counterfactual, Hindsight"),
        "{shown:#?}"
    );
}

#[test]
fn what_does_not_fit_in_a_short_pane_is_counted() {
    let mut r = review();
    r.summary.summary = "It was obvious the pool would fill.".into();
    r.summary.customer_impact = "Customers simply retried.".into();
    r.summary.sla_impact = "The root cause cost us 0.04%.".into();
    r.summary.reframed.proximate_cause = vec![Certainty];
    let shown = pane_lines(&at_stage(r, true, SUMMARY, Stage::SetTheStage));
    assert_eq!(shown.len(), 5, "{shown:#?}");
    assert!(
        shown[0].contains("▶ Summary      It was obvious"),
        "{shown:#?}"
    );
    assert!(shown[1].contains("summary ⚑ Hindsight"), "{shown:#?}");
    assert!(
        shown[2].contains("customer impact ⚑ Minimising"),
        "{shown:#?}"
    );
    assert!(
        shown[3].contains("SLA impact ⚑ Root-cause thinking"),
        "{shown:#?}"
    );
    // The proximate cause's flag, its record and the resolution's.
    assert!(shown[4].contains("… 3 more"), "{shown:#?}");
}
