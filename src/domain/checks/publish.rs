//! What should make a facilitator confirm before publishing: failing
//! checks, names in public text, what looks like a secret, and flagged
//! language still open.

use super::{Check, NameInPublic, PublicField};
use crate::domain::coach::{CategoryId, Coach};
use crate::domain::metrics::Metrics;
use crate::domain::review::{ItemId, Review};

/// A text of the review the coach reads, by where it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextPlace {
    Field(PublicField),
    SlaImpact,
    Event(ItemId),
    Learning(ItemId),
    Factor(ItemId),
    Action(ItemId),
    Parking(ItemId),
}

/// What should make a facilitator confirm before publishing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Blocker {
    /// A check that fails.
    Check(Check),
    /// A person's name in public text.
    Name(NameInPublic),
    /// What looks like a secret (a token, a key, a password) in a text or
    /// a link: `count` of them in that place.
    Secret { place: TextPlace, count: usize },
    /// Flagged language that was neither reframed nor kept as a quote.
    OpenFlag {
        place: TextPlace,
        category: CategoryId,
        matched: String,
    },
}

impl Blocker {
    pub fn message(&self, review: &Review, coach: &Coach) -> String {
        match self {
            Blocker::Check(c) => c.message(review),
            Blocker::Name(n) => n.message(review),
            Blocker::Secret { place, count } => {
                let what = match count {
                    1 => {
                        "a value that looks like a secret (a token, a key or a password)".to_owned()
                    }
                    n => format!("{n} values that look like secrets (tokens, keys or passwords)"),
                };
                format!(
                    "{}: {what}; take it out before publishing",
                    describe(*place)
                )
            }
            Blocker::OpenFlag {
                place,
                category,
                matched,
            } => {
                let name = coach
                    .category(*category)
                    .map_or(category.as_str(), |c| c.name());
                format!("{}: {name}: \"{matched}\" is still open", describe(*place))
            }
        }
    }
}

fn describe(place: TextPlace) -> String {
    match place {
        TextPlace::Field(f) => format!("the summary's \"{}\"", f.label()),
        TextPlace::SlaImpact => "the summary's \"SLA impact\"".into(),
        TextPlace::Event(id) => format!("event {id}"),
        TextPlace::Learning(id) => format!("learning {id}"),
        TextPlace::Factor(id) => format!("factor {id}"),
        TextPlace::Action(id) => format!("action item {id}"),
        TextPlace::Parking(id) => format!("parking lot item {id}"),
    }
}

/// Everything that should make a facilitator confirm before publishing:
/// the failing checks, then the names in public text, then what looks
/// like a secret in any text or link, then the flags still open in every
/// text of the review (a text kept as a quote has no open flag). Empty
/// when the review is ready.
pub fn blockers(review: &Review, metrics: &Metrics, coach: &Coach) -> Vec<Blocker> {
    let mut out: Vec<Blocker> = Check::all(review, metrics)
        .into_iter()
        .map(Blocker::Check)
        .collect();
    out.extend(NameInPublic::all(review).into_iter().map(Blocker::Name));
    out.extend(secrets(review));
    for said in review.statements() {
        if said.quote {
            continue;
        }
        out.extend(
            coach
                .check(said.text)
                .into_iter()
                .map(|f| Blocker::OpenFlag {
                    place: said.place,
                    category: f.category,
                    matched: f.matched,
                }),
        );
    }
    out
}

/// Each text, with an event's links, that holds what looks like a
/// secret. A quote is no exception: a token is a token.
fn secrets(review: &Review) -> Vec<Blocker> {
    let mut counts: Vec<(TextPlace, usize)> = Vec::new();
    let mut add = |place: TextPlace, text: &str| {
        let count = crate::domain::secrets::spans(text).len();
        if count == 0 {
            return;
        }
        match counts.iter_mut().find(|(p, _)| *p == place) {
            Some((_, n)) => *n += count,
            None => counts.push((place, count)),
        }
    };
    for said in review.statements() {
        add(said.place, said.text);
    }
    for e in &review.timeline {
        for link in &e.links {
            add(TextPlace::Event(e.id), link.as_str());
        }
    }
    counts
        .into_iter()
        .map(|(place, count)| Blocker::Secret { place, count })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::names::tests::{at, review, with_people};
    use super::*;
    use crate::domain::{ActionItem, Learning, LearningKind, Offset, Priority, Text};

    #[test]
    fn blockers_list_failing_checks_names_and_open_flags_but_not_quotes() {
        let coach = Coach::builtin();
        let mut r = with_people();
        r.summary.resolution = Text::new("gary simply rolled back auth-service");
        let quoted = r.add_learning(Learning::new(
            LearningKind::Surprise,
            Text::new("It was obvious the disk was full"),
        ));
        r.learnings.iter_mut().for_each(|l| l.quote = true);
        let open = r.add_learning(Learning::new(
            LearningKind::Surprise,
            Text::new("Human error on the deploy"),
        ));
        let found = blockers(&r, &Metrics::compute(&r), &coach);
        assert!(found.contains(&Blocker::Check(Check::NoActionItems)));
        assert!(
            found
                .iter()
                .any(|b| matches!(b, Blocker::Name(n) if n.name == "gary"))
        );
        let flags: Vec<(TextPlace, CategoryId)> = found
            .iter()
            .filter_map(|b| match b {
                Blocker::OpenFlag {
                    place, category, ..
                } => Some((*place, *category)),
                _ => None,
            })
            .collect();
        assert_eq!(
            flags,
            [
                (
                    TextPlace::Field(PublicField::Resolution),
                    CategoryId::Minimising
                ),
                (TextPlace::Learning(open), CategoryId::Blame),
            ]
        );
        assert!(!flags.iter().any(|(p, _)| *p == TextPlace::Learning(quoted)));
        let message = found.last().unwrap().message(&r, &coach);
        assert_eq!(
            message,
            format!("learning {open}: Blame and human error: \"Human error\" is still open")
        );
    }

    #[test]
    fn a_secret_in_a_text_or_a_link_asks_before_publishing() {
        use crate::domain::{Event, Source};
        let coach = Coach::builtin();
        let mut r = review(Offset::UTC);
        r.summary.resolution = Text::new("The password was rotated and the deploy retried.");
        let mut e = Event::new(
            at("2026-11-23T10:00:00Z"),
            Text::new("curl -H 'Authorization: Bearer abc.def' https://api/restart"),
            Source::Typed,
        );
        e.links = vec![
            Text::new("https://hooks.example.com/x?token=9f86d081884c7d659a2feaa0"),
            Text::new("https://runbooks.example.com/restart"),
        ];
        let id = r.add_event(e);
        let found: Vec<Blocker> = blockers(&r, &Metrics::compute(&r), &coach)
            .into_iter()
            .filter(|b| matches!(b, Blocker::Secret { .. }))
            .collect();
        assert_eq!(
            found,
            [Blocker::Secret {
                place: TextPlace::Event(id),
                count: 2
            }],
            "the prose about a password is not a secret; the header and the link's token are"
        );
        assert_eq!(
            found[0].message(&r, &coach),
            format!(
                "event {id}: 2 values that look like secrets (tokens, keys or passwords); take it out before publishing"
            )
        );
    }

    #[test]
    fn a_ready_review_has_no_blockers() {
        let coach = Coach::builtin();
        let mut r = review(Offset::UTC);
        r.moments.started = Some(at("2026-11-23T10:00:00Z"));
        r.moments.resolved = Some(at("2026-11-23T11:00:00Z"));
        let mut a = ActionItem::new(Text::new("add an alert on disk usage"));
        a.owner = Some(Text::new("ana"));
        a.priority = Some(Priority::High);
        r.add_action(a);
        r.add_learning(Learning::new(
            LearningKind::WentWell,
            Text::new("paging worked"),
        ));
        r.summary.summary = Text::new("Checkout failed for 20 minutes.");
        r.summary.services = vec![Text::new("checkout")];
        r.summary.customer_impact = Text::new("Orders could not be placed.");
        r.summary.proximate_cause = Text::new("A full disk on the database host.");
        r.summary.resolution = Text::new("The on-call engineer freed space.");
        assert_eq!(blockers(&r, &Metrics::compute(&r), &coach), []);
    }
}
