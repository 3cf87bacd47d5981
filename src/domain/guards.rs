//! Two things a facilitator watches for besides language: voices not yet
//! heard, and a timeline that starts too late.

use std::collections::HashSet;

use super::id::{MAX_ITEM_NUMBER, MAX_ITEM_TEXT};
use super::review::{ItemId, Participant, Review, Role};

/// Whether `name` appears in `text` as whole words; both are lowercase.
fn mentions(text: &str, name: &str) -> bool {
    !name.is_empty()
        && text.match_indices(name).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + name.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
}

/// Participants nothing in the review is attributed to yet: no timeline
/// event has them as its actor, and no learning or contributing factor
/// names them. In the room, these are the people to ask next. The
/// facilitator, who runs the meeting rather than speaks to the incident,
/// is not listed.
///
/// Cheap enough to run on every frame of a long review: the timeline's
/// actors are a handful of distinct names, lowercased once each.
pub fn unheard(review: &Review) -> Vec<&Participant> {
    let actors: HashSet<&str> = review
        .timeline
        .iter()
        .filter_map(|e| e.actor.as_deref())
        .collect();
    let said: Vec<String> = actors
        .into_iter()
        .chain(review.learnings.iter().map(|l| l.text.as_str()))
        .chain(review.factors.iter().map(|f| f.text.as_str()))
        .map(str::to_lowercase)
        .collect();
    review
        .participants
        .iter()
        .filter(|p| p.role != Role::Facilitator)
        .filter(|p| {
            let name = p.name.trim().to_lowercase();
            !said.iter().any(|t| mentions(t, &name))
        })
        .collect()
}

/// A note when the timeline starts after the impact began (or, with no
/// impact start known, at detection or later): hindsight starts the story
/// when we knew, and hides how the system drifted into failure. A first
/// event at the very start of the impact is the story's start.
pub fn late_start(review: &Review) -> Option<&'static str> {
    let first = review.timeline.first()?.at;
    let late = match (review.moments.started, review.moments.detected) {
        (Some(started), _) => first > started,
        (None, Some(detected)) => first >= detected,
        (None, None) => return None,
    };
    late.then_some(
        "The timeline starts when we knew. What was happening before the impact began: changes, load, earlier signals?",
    )
}

/// Every item of a review with its number, its kind and its text.
fn items(review: &Review) -> impl Iterator<Item = (ItemId, &'static str, &str)> {
    let events = review
        .timeline
        .iter()
        .map(|e| (e.id, "timeline event", e.text.as_str()));
    let learnings = review
        .learnings
        .iter()
        .map(|l| (l.id, "learning", l.text.as_str()));
    let factors = review
        .factors
        .iter()
        .map(|f| (f.id, "contributing factor", f.text.as_str()));
    let actions = review
        .actions
        .iter()
        .map(|a| (a.id, "action item", a.text.as_str()));
    let parked = review
        .parking_lot
        .iter()
        .map(|p| (p.id, "parking-lot item", p.text.as_str()));
    events
        .chain(learnings)
        .chain(factors)
        .chain(actions)
        .chain(parked)
}

/// Why a review read from a file cannot be kept as it is: an item number
/// so large that numbering new items would wrap, or an item whose text is
/// longer than any item should be. `None` when it is sound.
pub fn unsound(review: &Review) -> Option<String> {
    if review.next_id >= MAX_ITEM_NUMBER {
        return Some(format!(
            "next_id {} is too large (item numbers stay below {MAX_ITEM_NUMBER})",
            review.next_id
        ));
    }
    for (id, kind, text) in items(review) {
        if id.0 >= MAX_ITEM_NUMBER {
            return Some(format!(
                "{kind} {id} has too large a number (item numbers stay below {MAX_ITEM_NUMBER})"
            ));
        }
        if text.len() > MAX_ITEM_TEXT {
            return Some(format!(
                "the text of {kind} {id} is {} KB long; an item's text is at most {} KB",
                text.len() >> 10,
                MAX_ITEM_TEXT >> 10
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Area, Effect};
    use crate::domain::{
        Event, Factor, Learning, LearningKind, Offset, ReviewKind, Role, Severity, Source, Text,
    };
    use chrono::{DateTime, Utc};

    fn at(hm: &str) -> DateTime<Utc> {
        format!("2026-11-23T{hm}:00Z").parse().unwrap()
    }

    fn review() -> Review {
        let mut r = Review::new(
            "r".into(),
            Text::new("t"),
            Severity::Sev2,
            ReviewKind::Full,
            at("00:00"),
            Offset::UTC,
        );
        for (name, role) in [
            ("Ana Lima", Role::FirstResponder),
            ("Wen Li", Role::EscalationResponder),
            ("Sam", Role::Stakeholder),
            ("Li", Role::Other),
            ("Fay", Role::Facilitator),
        ] {
            r.participants.push(Participant {
                name: Text::new(name),
                role,
            });
        }
        r
    }

    fn names(r: &Review) -> Vec<&str> {
        unheard(r).iter().map(|p| p.name.as_str()).collect()
    }

    #[test]
    fn people_are_heard_through_events_learnings_and_factors() {
        let mut r = review();
        assert_eq!(names(&r), ["Ana Lima", "Wen Li", "Sam", "Li"]);
        let mut e = Event::new(at("10:00"), Text::new("paged"), Source::Typed);
        e.actor = Some(Text::new("ana lima"));
        r.add_event(e);
        r.add_learning(Learning::new(
            LearningKind::Surprise,
            Text::new("Wen Li knew the proxy limits"),
        ));
        // "Wen Li" also names "Li", as a whole word.
        assert_eq!(names(&r), ["Sam"]);
    }

    #[test]
    fn a_name_inside_another_word_does_not_count() {
        let mut r = review();
        r.add_factor(Factor::new(
            Text::new("Samples were missing; the limit was low"),
            Effect::Hurt,
            Area::Technology,
        ));
        assert!(names(&r).contains(&"Sam"));
        assert!(names(&r).contains(&"Li"), "\"limit\" does not name Li");
    }

    #[test]
    fn item_numbers_near_the_end_of_u64_and_huge_texts_are_unsound() {
        let mut r = review();
        assert_eq!(unsound(&r), None);
        r.add_event(Event::new(at("10:00"), Text::new("paged"), Source::Typed));
        r.timeline[0].id = crate::domain::ItemId(u64::MAX);
        let why = unsound(&r).expect("the largest id is refused");
        assert!(
            why.contains("timeline event #18446744073709551615"),
            "{why}"
        );
        r.timeline[0].id = crate::domain::ItemId(1);
        r.next_id = u64::MAX;
        assert!(unsound(&r).unwrap().contains("next_id"));
        r.next_id = 2;
        r.add_parking(crate::domain::ParkingItem::new(Text::new(
            "x".repeat(MAX_ITEM_TEXT + 1),
        )));
        let why = unsound(&r).expect("a huge text is refused");
        assert!(why.contains("parking-lot item #2"), "{why}");
    }

    #[test]
    fn a_timeline_that_starts_at_detection_gets_a_note() {
        let mut r = review();
        assert_eq!(late_start(&r), None, "no timeline yet");
        r.moments.started = Some(at("09:50"));
        r.moments.detected = Some(at("10:00"));
        r.add_event(Event::new(
            at("10:00"),
            Text::new("alert fired"),
            Source::Typed,
        ));
        assert!(late_start(&r).is_some());
        // A first event exactly at the impact's start begins the story.
        r.moments.started = Some(at("10:00"));
        assert_eq!(late_start(&r), None, "first event at the impact start");
        r.moments.started = None;
        assert!(late_start(&r).is_some(), "at detection, no start known");
        r.moments.started = Some(at("09:50"));
        r.add_event(Event::new(
            at("09:40"),
            Text::new("deploy of v42"),
            Source::Typed,
        ));
        assert_eq!(late_start(&r), None);
    }
}
