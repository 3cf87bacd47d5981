//! The record of what the room reframed: unit tests.

use super::*;
use crate::domain::Text;
use CategoryId::*;

fn coach() -> Coach {
    Coach::builtin()
}

#[test]
fn a_category_flagged_before_and_not_after_is_recorded() {
    let c = coach();
    let old = "We should have rolled back sooner";
    let new = "We rolled back at 16:05";
    assert_eq!(flagged(&c, old), vec![Counterfactual]);
    assert_eq!(flagged(&c, new), Vec::<CategoryId>::new());
    assert_eq!(reframed(&c, old, new, &[]), vec![Counterfactual]);
}

#[test]
fn a_category_flagged_in_the_new_words_is_open_again() {
    let c = coach();
    let old = "We rolled back at 16:05";
    let new = "We should have rolled back sooner";
    assert_eq!(reframed(&c, old, new, &[Counterfactual]), Vec::new());
    // Another category in the record stays.
    assert_eq!(
        reframed(&c, old, new, &[Counterfactual, Blame]),
        vec![Blame]
    );
}

#[test]
fn the_record_is_sorted_in_the_coachs_order_and_holds_each_once() {
    let c = coach();
    let old = "It was obvious; we should have rolled back";
    assert_eq!(flagged(&c, old), vec![Counterfactual, Hindsight]);
    let new = "We rolled back at 16:05";
    assert_eq!(
        reframed(&c, old, new, &[Minimising, Hindsight, Minimising]),
        vec![Counterfactual, Hindsight, Minimising]
    );
}

#[test]
fn words_that_keep_a_category_leave_it_open_and_unrecorded() {
    let c = coach();
    let old = "We should have rolled back sooner";
    let new = "We should have rolled back much sooner";
    assert_eq!(reframed(&c, old, new, &[]), Vec::new());
}

#[test]
fn unchanged_words_leave_the_record_as_it_was() {
    let c = coach();
    let same = "We should have rolled back sooner";
    assert_eq!(reframed(&c, same, same, &[Blame]), vec![Blame]);
    assert_eq!(reframed(&c, "", "", &[]), Vec::new());
}

#[test]
fn a_quote_rewritten_into_unflagged_words_is_reframed_not_quoted() {
    use crate::domain::{Learning, LearningKind};
    let c = coach();
    let mut quoted = Learning::new(
        LearningKind::Surprise,
        Text::new("We should have rolled back sooner"),
    );
    quoted.quote = true;
    // A typo fixed keeps the flagged words, and the quote.
    let mut typo = quoted.clone();
    typo.text = Text::new("We should have rolled back sooner.");
    note(&c, &quoted, &mut typo);
    assert!(typo.quote);
    assert!(typo.reframed.is_empty());
    // Rewritten: reframed, no longer a quote.
    let mut rewritten = quoted.clone();
    rewritten.text = Text::new("The rollback started 20 minutes after the alert");
    note(&c, &quoted, &mut rewritten);
    assert!(!rewritten.quote);
    assert_eq!(rewritten.reframed, [Counterfactual]);
    // The quote mark toggled on words unchanged is the room's choice.
    let mut toggled = quoted.clone();
    toggled.quote = false;
    note(&c, &quoted, &mut toggled);
    assert!(!toggled.quote && toggled.reframed.is_empty());
}

#[test]
fn blank_words_have_no_record() {
    let c = coach();
    let old = "We should have rolled back sooner";
    assert_eq!(reframed(&c, old, "", &[]), Vec::new());
    assert_eq!(reframed(&c, old, " \n ", &[Blame]), Vec::new());
    assert_eq!(reframed(&c, "", "", &[Blame]), Vec::new());
}

#[test]
fn a_heading_repeated_in_the_summary_is_flagged_once_before_and_after() {
    let c = coach();
    let before = Summary {
        summary: Text::new("Human error\nThe deploy script ran twice."),
        proximate_cause: Text::new("## Human error\nThe lock was held."),
        ..Summary::default()
    };
    // Each text on its own carries the heading.
    assert_eq!(flagged(&c, before.proximate_cause.as_str()), vec![Blame]);
    let mut after = before.clone();
    after.proximate_cause = Text::new("The lock was held.");
    note_summary(&c, &before, &mut after);
    assert!(after.reframed.is_empty(), "{:?}", after.reframed);

    // The first one rewritten: the second is flagged now, in its place.
    let mut after = before.clone();
    after.summary = Text::new("The deploy script ran twice.");
    note_summary(&c, &before, &mut after);
    assert_eq!(after.reframed.summary, vec![Blame]);
    assert!(after.reframed.proximate_cause.is_empty());
}

#[test]
fn a_review_walks_its_texts_in_order_with_their_places_quotes_and_records() {
    use crate::domain::{Area, Effect, LearningKind, Offset, ReviewKind, Severity, Source};
    let at = "2026-11-23T10:00:00Z".parse().unwrap();
    let mut r = Review::new(
        "r".into(),
        Text::new("A review"),
        Severity::Sev2,
        ReviewKind::Full,
        at,
        Offset::UTC,
    );
    r.summary.resolution = Text::new("rolled back");
    r.summary.reframed.resolution = vec![Blame];
    let e = r.add_event(Event::new(at, Text::new("paged"), Source::Typed));
    let l = r.add_learning(Learning {
        quote: true,
        ..Learning::new(LearningKind::Surprise, Text::new("surprised"))
    });
    let f = r.add_factor(Factor::new(
        Text::new("disk"),
        Effect::Hurt,
        Area::Technology,
    ));
    let a = r.add_action(ActionItem {
        reframed: vec![Hindsight],
        ..ActionItem::new(Text::new("alert"))
    });
    let p = r.add_parking(ParkingItem::new(Text::new("idea")));
    let walk: Vec<(TextPlace, &str, bool, &[CategoryId])> = r
        .statements()
        .into_iter()
        .map(|s| (s.place, s.text, s.quote, s.reframed))
        .collect();
    let none: &[CategoryId] = &[];
    assert_eq!(
        walk,
        [
            (TextPlace::Field(PublicField::Summary), "", false, none),
            (
                TextPlace::Field(PublicField::CustomerImpact),
                "",
                false,
                none
            ),
            (TextPlace::SlaImpact, "", false, none),
            (
                TextPlace::Field(PublicField::ProximateCause),
                "",
                false,
                none
            ),
            (
                TextPlace::Field(PublicField::Resolution),
                "rolled back",
                false,
                &[Blame][..]
            ),
            (TextPlace::Event(e), "paged", false, none),
            (TextPlace::Learning(l), "surprised", true, none),
            (TextPlace::Factor(f), "disk", false, none),
            (TextPlace::Action(a), "alert", false, &[Hindsight][..]),
            (TextPlace::Parking(p), "idea", false, none),
        ]
    );
}

#[test]
fn an_item_and_the_summary_carry_their_records_from_before() {
    let c = coach();
    let before = Learning::new(
        crate::domain::LearningKind::Surprise,
        Text::new("It was obvious the disk would fill"),
    );
    let mut after = before.clone();
    after.text = Text::new("The disk filled at 16:05");
    note(&c, &before, &mut after);
    assert_eq!(after.reframed, vec![Hindsight]);

    let before = Summary {
        summary: Text::new("We should have rolled back sooner"),
        resolution: Text::new("The on-call rolled back"),
        ..Summary::default()
    };
    let mut after = before.clone();
    after.summary = Text::new("We rolled back at 16:05");
    after.resolution = Text::new("It was obvious: we rolled back");
    after.reframed.resolution = vec![Blame];
    note_summary(&c, &before, &mut after);
    assert_eq!(after.reframed.summary, vec![Counterfactual]);
    // The record before the change is the one that counts.
    assert_eq!(after.reframed.resolution, Vec::new());
    assert!(after.reframed.customer_impact.is_empty());
}
