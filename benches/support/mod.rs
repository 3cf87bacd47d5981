//! A large review for benchmarks: a long incident with a busy timeline.

use chrono::{DateTime, TimeDelta, Utc};
use debrief::domain::{
    ActionItem, Area, Effect, Event, EventKind, Factor, Impact, Learning, LearningKind, Offset,
    Participant, Phase, Priority, Review, ReviewKind, Role, Severity, Source, Text,
};

/// A review with `events` timeline events, `learnings` learnings and
/// `actions` action items, with text of realistic length.
pub fn large_review(events: usize, learnings: usize, actions: usize) -> Review {
    let start: DateTime<Utc> = "2026-11-17T14:00:00Z".parse().expect("a valid time");
    let mut r = Review::new(
        "2026-11-17-large-incident-bench".into(),
        Text::new("A long incident with a busy timeline"),
        Severity::Sev1,
        ReviewKind::Full,
        start,
        "+01:00".parse::<Offset>().expect("a valid offset"),
    );
    r.moments.started = Some(start);
    r.moments.detected = Some(start + TimeDelta::minutes(4));
    r.moments.acknowledged = Some(start + TimeDelta::minutes(9));
    r.moments.mitigated = Some(start + TimeDelta::seconds(events as i64 * 20));
    r.moments.resolved = Some(start + TimeDelta::seconds(events as i64 * 30 + 60));
    for i in 0..events {
        let mut e = Event::new(
            start + TimeDelta::seconds(i as i64 * 30),
            Text::new(format!(
                "step {i}: checked the connection pool dashboard and restarted worker {} after the queue depth passed 4000",
                i % 17
            )),
            Source::Imported,
        );
        e.actor = Some(Text::new(["ana", "gary", "mo", "li wei", "sam"][i % 5]));
        e.kind = EventKind::ALL[i % EventKind::ALL.len()];
        e.phase = Some(Phase::ALL[(i * Phase::ALL.len()) / events.max(1)]);
        e.impact = Impact::ALL[i % Impact::ALL.len()];
        e.starred = i % 50 == 0;
        r.add_event(e);
    }
    // Six people; two of them never named, so the prompts pane's "not
    // heard yet" has the whole timeline to search.
    for (name, role) in [
        ("ana", Role::FirstResponder),
        ("gary", Role::EscalationResponder),
        ("mo", Role::IncidentCommander),
        ("li wei", Role::Other),
        ("Dana Quiet", Role::Stakeholder),
        ("Eli Silent", Role::CustomerVoice),
    ] {
        r.participants.push(Participant {
            name: Text::new(name),
            role,
        });
    }
    for i in 0..learnings {
        r.add_learning(Learning::new(
            LearningKind::ALL[i % LearningKind::ALL.len()],
            Text::new(format!("learning {i}: the failover runbook assumed a warm standby that was not provisioned in this region")),
        ));
    }
    for i in 0..learnings / 2 {
        r.add_factor(Factor::new(
            Text::new(format!(
                "factor {i}: alerts for queue depth were routed to a channel nobody watched"
            )),
            if i % 2 == 0 {
                Effect::Hurt
            } else {
                Effect::Helped
            },
            Area::ALL[i % Area::ALL.len()],
        ));
    }
    for i in 0..actions {
        let mut a = ActionItem::new(Text::new(format!(
            "action {i}: add an alert on connection pool saturation per region"
        )));
        a.owner = Some(Text::new(["ana", "gary", "mo"][i % 3]));
        a.priority = Some(Priority::ALL[i % Priority::ALL.len()]);
        r.add_action(a);
    }
    r
}
