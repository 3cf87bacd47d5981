//! A review for a test, said in a few lines:
//! `ReviewBuilder::sev2("Checkout failing").event("16:02 gary: saw it fail").build()`.

use chrono::{DateTime, Utc};
use debrief::domain::{
    ActionItem, Area, Effect, Factor, Learning, LearningKind, Offset, ParkingItem, Participant,
    Priority, Review, ReviewKind, Role, Severity, Text, parse_quick_event,
};

/// Builds a review item by item, each line as a person would type it.
pub struct ReviewBuilder {
    review: Review,
}

impl ReviewBuilder {
    /// A full review of a Sev2 made on 2026-11-24 at 09:00 UTC, in +00:00.
    pub fn sev2(title: &str) -> ReviewBuilder {
        ReviewBuilder::new(title, Severity::Sev2, ReviewKind::Full)
    }

    /// A quick review of a Sev3, made like [`ReviewBuilder::sev2`].
    pub fn sev3(title: &str) -> ReviewBuilder {
        ReviewBuilder::new(title, Severity::Sev3, ReviewKind::Quick)
    }

    fn new(title: &str, severity: Severity, kind: ReviewKind) -> ReviewBuilder {
        let created: DateTime<Utc> = "2026-11-24T09:00:00Z".parse().unwrap();
        let id = format!("2026-11-24-{}-test", title.to_lowercase().replace(' ', "-"));
        ReviewBuilder {
            review: Review::new(
                id,
                Text::new(title),
                severity,
                kind,
                created,
                Offset::default(),
            ),
        }
    }

    /// An event in the quick form: `16:02 gary: saw the login page fail`.
    pub fn event(mut self, line: &str) -> ReviewBuilder {
        let date = self.review.incident_date();
        let q = parse_quick_event(line, date, self.review.offset)
            .unwrap_or_else(|e| panic!("{line}: {e}"));
        let mut event =
            debrief::domain::Event::new(q.at, Text::new(q.text), debrief::domain::Source::Typed);
        event.actor = q.actor.map(Text::new);
        self.review.add_event(event);
        self
    }

    /// Many events, one a minute from 09:00, for large timelines.
    pub fn events(mut self, n: usize) -> ReviewBuilder {
        let start = self.review.created;
        for i in 0..n {
            let at = start + chrono::TimeDelta::minutes(i as i64);
            let event = debrief::domain::Event::new(
                at,
                Text::new(format!("step {i} of the recovery")),
                debrief::domain::Source::Typed,
            );
            self.review.add_event(event);
        }
        self
    }

    pub fn learning(mut self, kind: LearningKind, text: &str) -> ReviewBuilder {
        self.review
            .add_learning(Learning::new(kind, Text::new(text)));
        self
    }

    pub fn factor(mut self, text: &str, effect: Effect, area: Area) -> ReviewBuilder {
        self.review
            .add_factor(Factor::new(Text::new(text), effect, area));
        self
    }

    /// An action item with an owner and a priority.
    pub fn action(mut self, text: &str, owner: &str, priority: Priority) -> ReviewBuilder {
        let mut a = ActionItem::new(Text::new(text));
        a.owner = Some(Text::new(owner));
        a.priority = Some(priority);
        self.review.add_action(a);
        self
    }

    pub fn parked(mut self, text: &str) -> ReviewBuilder {
        self.review.add_parking(ParkingItem::new(Text::new(text)));
        self
    }

    pub fn participant(mut self, name: &str, role: Role) -> ReviewBuilder {
        self.review.participants.push(Participant {
            name: Text::new(name),
            role,
        });
        self
    }

    /// Any other change, on the review itself.
    pub fn with(mut self, change: impl FnOnce(&mut Review)) -> ReviewBuilder {
        change(&mut self.review);
        self
    }

    pub fn build(self) -> Review {
        self.review
    }
}
