//! What a facilitator wants to know before publishing. Each check is a
//! warning, never a refusal, and names what needs fixing so that a screen
//! can jump to it.
//!
//! Besides the [`Check`]s, two things are looked at before publishing:
//! a person's name or handle in the public text ([`NameInPublic`]), and
//! flagged language nobody reframed or kept as a quote. [`blockers`] lists
//! all three, so that a screen can ask for confirmation before publishing.

mod names;
mod publish;

pub use names::{NameInPublic, PublicPlace};
pub use publish::{Blocker, TextPlace, blockers};

use super::learning::LearningKind;
use super::metrics::Metrics;
use super::review::{ItemId, Moment, Review};

/// A field of the public summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PublicField {
    Summary,
    Services,
    CustomerImpact,
    ProximateCause,
    Resolution,
}

impl PublicField {
    pub const ALL: [PublicField; 5] = [
        PublicField::Summary,
        PublicField::Services,
        PublicField::CustomerImpact,
        PublicField::ProximateCause,
        PublicField::Resolution,
    ];

    pub fn label(self) -> &'static str {
        match self {
            PublicField::Summary => "summary",
            PublicField::Services => "services impacted",
            PublicField::CustomerImpact => "customer impact",
            PublicField::ProximateCause => "proximate cause",
            PublicField::Resolution => "resolution",
        }
    }

    fn is_empty(self, review: &Review) -> bool {
        let s = &review.summary;
        match self {
            PublicField::Summary => s.summary.trim().is_empty(),
            PublicField::Services => s.services.iter().all(|x| x.trim().is_empty()),
            PublicField::CustomerImpact => s.customer_impact.trim().is_empty(),
            PublicField::ProximateCause => s.proximate_cause.trim().is_empty(),
            PublicField::Resolution => s.resolution.trim().is_empty(),
        }
    }
}

/// One thing to look at before publishing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    /// `then` is set earlier than `first`, which cannot have happened.
    MomentsOutOfOrder {
        first: Moment,
        then: Moment,
    },
    /// Neither the start of impact nor detection, or no resolution: the
    /// public summary cannot give a duration.
    NoDuration,
    ActionWithoutOwner(ItemId),
    ActionWithoutPriority(ItemId),
    NoActionItems,
    NoWentWell,
    EmptyPublicField(PublicField),
}

impl Check {
    /// Every check that applies to `review`, most pressing first.
    pub fn all(review: &Review, metrics: &Metrics) -> Vec<Check> {
        let mut out: Vec<Check> = metrics
            .out_of_order
            .iter()
            .map(|o| Check::MomentsOutOfOrder {
                first: o.first,
                then: o.then,
            })
            .collect();
        if metrics.duration().is_none() && metrics.out_of_order.is_empty() {
            out.push(Check::NoDuration);
        }
        if review.actions.is_empty() {
            out.push(Check::NoActionItems);
        }
        for a in &review.actions {
            if a.owner.as_ref().is_none_or(|o| o.trim().is_empty()) {
                out.push(Check::ActionWithoutOwner(a.id));
            }
            if a.priority.is_none() {
                out.push(Check::ActionWithoutPriority(a.id));
            }
        }
        if !review
            .learnings
            .iter()
            .any(|l| l.kind == LearningKind::WentWell)
        {
            out.push(Check::NoWentWell);
        }
        out.extend(
            PublicField::ALL
                .iter()
                .filter(|f| f.is_empty(review))
                .map(|f| Check::EmptyPublicField(*f)),
        );
        out
    }

    /// The warning as a sentence, with times in the review's offset.
    pub fn message(&self, review: &Review) -> String {
        let when = |m: Moment| {
            review
                .moments
                .get(m)
                .map(|at| review.offset.local(at).format("%Y-%m-%d %H:%M").to_string())
                .unwrap_or_default()
        };
        let action = |id: ItemId| {
            review
                .actions
                .iter()
                .find(|a| a.id == id)
                .map(|a| format!("action item {id} \"{}\"", a.text))
                .unwrap_or_else(|| format!("action item {id}"))
        };
        match *self {
            Check::MomentsOutOfOrder { first, then } => format!(
                "{} ({}) is before {} ({}); the spans between them are not computed",
                then.describe(),
                when(then),
                first.describe(),
                when(first)
            ),
            Check::NoDuration => {
                "the duration is unknown: set when impact started (or was detected) and when it was resolved".into()
            }
            Check::ActionWithoutOwner(id) => format!("{} has no owner", action(id)),
            Check::ActionWithoutPriority(id) => format!("{} has no priority", action(id)),
            Check::NoActionItems => "there is no action item yet".into(),
            Check::NoWentWell => "no learning records what went well".into(),
            Check::EmptyPublicField(f) => format!("the public summary's \"{}\" section is empty", f.label()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ActionItem, Learning, Offset, Priority, ReviewKind, Severity, Text};
    use chrono::{DateTime, Utc};

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn review(offset: Offset) -> Review {
        let created = at("2026-11-23T00:00:00Z");
        Review::new(
            "r".into(),
            Text::new("t"),
            Severity::Sev2,
            ReviewKind::Full,
            created,
            offset,
        )
    }

    fn checks(r: &Review) -> Vec<Check> {
        Check::all(r, &Metrics::compute(r))
    }

    #[test]
    fn an_empty_review_lists_everything_missing() {
        let r = review(Offset::UTC);
        let got = checks(&r);
        assert_eq!(
            got[..3],
            [Check::NoDuration, Check::NoActionItems, Check::NoWentWell]
        );
        assert_eq!(got.len(), 3 + PublicField::ALL.len());
    }

    #[test]
    fn a_complete_review_has_no_warnings() {
        let mut r = review(Offset::UTC);
        r.moments.started = Some(at("2026-11-23T10:00:00Z"));
        r.moments.resolved = Some(at("2026-11-23T11:00:00Z"));
        let mut a = ActionItem::new(Text::new("add alert"));
        a.owner = Some(Text::new("ana"));
        a.priority = Some(Priority::High);
        r.add_action(a);
        r.add_learning(Learning::new(
            LearningKind::WentWell,
            Text::new("paging worked"),
        ));
        r.summary.summary = Text::new("s");
        r.summary.services = vec![Text::new("api")];
        r.summary.customer_impact = Text::new("c");
        r.summary.proximate_cause = Text::new("p");
        r.summary.resolution = Text::new("r");
        assert_eq!(checks(&r), []);
    }

    #[test]
    fn action_items_missing_owner_or_priority_are_named() {
        let mut r = review(Offset::UTC);
        let id = r.add_action(ActionItem::new(Text::new("fix the runbook")));
        let got = checks(&r);
        assert!(got.contains(&Check::ActionWithoutOwner(id)));
        assert!(got.contains(&Check::ActionWithoutPriority(id)));
        assert_eq!(
            Check::ActionWithoutOwner(id).message(&r),
            format!("action item {id} \"fix the runbook\" has no owner")
        );
    }

    #[test]
    fn out_of_order_moments_are_explained_in_the_review_offset() {
        let mut r = review("+01:00".parse().unwrap());
        r.moments.detected = Some(at("2026-11-23T16:05:00Z"));
        r.moments.acknowledged = Some(at("2026-11-23T16:01:00Z"));
        let got = checks(&r);
        assert_eq!(
            got[0],
            Check::MomentsOutOfOrder {
                first: Moment::Detected,
                then: Moment::Acknowledged
            }
        );
        assert_eq!(
            got[0].message(&r),
            "acknowledged (2026-11-23 17:01) is before detected (2026-11-23 17:05); the spans between them are not computed"
        );
    }
}
