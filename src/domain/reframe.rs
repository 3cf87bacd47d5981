//! What the room reframed: for each statement, the categories of biased
//! language the coach flagged in its words before a change and no longer
//! flags after it.
//!
//! A review keeps only a statement's current words, so the record is
//! made when the words change: every edit of a statement's text passes
//! the old text, the new one and the record so far to [`reframed`]. A
//! category the new words are flagged for is open again and leaves the
//! record; a category flagged before and not after joins it.

use serde::{Deserialize, Serialize};

use super::action::{ActionItem, ParkingItem};
use super::checks::{PublicField, TextPlace};
use super::coach::{CategoryId, Coach, Headings};
use super::factor::Factor;
use super::learning::Learning;
use super::review::{Review, Summary};
use super::timeline::Event;

/// The categories the coach flags in `text`, sorted, each once.
fn flagged(coach: &Coach, text: &str) -> Vec<CategoryId> {
    flagged_in(coach, text, &mut Headings::default())
}

/// [`flagged`] for one text of a review whose earlier texts were checked
/// with the same `headings`, as the report checks them: a heading already
/// flagged in an earlier text is not flagged again.
fn flagged_in(coach: &Coach, text: &str, headings: &mut Headings) -> Vec<CategoryId> {
    let mut out: Vec<CategoryId> = coach
        .check_in(text, headings)
        .into_iter()
        .map(|f| f.category)
        .collect();
    tidy(&mut out);
    out
}

/// Sorts a record and keeps each category once.
pub fn tidy(record: &mut Vec<CategoryId>) {
    record.sort();
    record.dedup();
}

/// The record of what was reframed once a statement's words went from
/// `old` to `new`, given the record `prior` kept before: the categories
/// flagged in `old` and not in `new` are added, those flagged in `new`
/// are taken out (they are open again). Sorted in the coach's order, each
/// once. Words that did not change leave the record as it was; blank
/// words have no record (it goes with the words).
pub fn reframed(coach: &Coach, old: &str, new: &str, prior: &[CategoryId]) -> Vec<CategoryId> {
    settled(old, new, prior)
        .unwrap_or_else(|| combine(prior, flagged(coach, old), &flagged(coach, new)))
}

/// The record when the words alone decide it: blank words have none,
/// unchanged ones keep theirs.
fn settled(old: &str, new: &str, prior: &[CategoryId]) -> Option<Vec<CategoryId>> {
    if new.trim().is_empty() {
        Some(Vec::new())
    } else if old == new {
        Some(prior.to_vec())
    } else {
        None
    }
}

/// `prior` and the categories `was` flagged, less those flagged `now`.
fn combine(prior: &[CategoryId], was: Vec<CategoryId>, now: &[CategoryId]) -> Vec<CategoryId> {
    let mut out: Vec<CategoryId> = prior
        .iter()
        .copied()
        .chain(was)
        .filter(|c| !now.contains(c))
        .collect();
    tidy(&mut out);
    out
}

/// An item whose text the coach checks, with its record of what the room
/// reframed in it.
pub trait Statement {
    fn statement(&self) -> &str;
    fn reframed(&self) -> &[CategoryId];
    fn reframed_mut(&mut self) -> &mut Vec<CategoryId>;
    /// Where the item is, for messages.
    fn place(&self) -> TextPlace;
    /// Whether its flagged words were kept as a direct quote.
    fn quote(&self) -> bool;
    /// Its quote mark, if it can be kept as a quote.
    fn quote_mut(&mut self) -> Option<&mut bool>;
}

macro_rules! statement {
    ($($ty:ty => $place:ident, $quote:expr, $quote_mut:expr;)*) => {
        $(
            impl Statement for $ty {
                fn statement(&self) -> &str {
                    self.text.as_str()
                }
                fn reframed(&self) -> &[CategoryId] {
                    &self.reframed
                }
                fn reframed_mut(&mut self) -> &mut Vec<CategoryId> {
                    &mut self.reframed
                }
                fn place(&self) -> TextPlace {
                    TextPlace::$place(self.id)
                }
                fn quote(&self) -> bool {
                    let quote: fn(&$ty) -> bool = $quote;
                    quote(self)
                }
                fn quote_mut(&mut self) -> Option<&mut bool> {
                    let quote_mut: fn(&mut $ty) -> Option<&mut bool> = $quote_mut;
                    quote_mut(self)
                }
            }
        )*
    };
}

statement! {
    Event => Event, |e| e.quote, |e| Some(&mut e.quote);
    Learning => Learning, |l| l.quote, |l| Some(&mut l.quote);
    Factor => Factor, |f| f.quote, |f| Some(&mut f.quote);
    ActionItem => Action, |a| a.quote, |a| Some(&mut a.quote);
    // An idea cannot be kept as a quote.
    ParkingItem => Parking, |_| false, |_| None;
}

/// Brings `after`'s record up to date with the change from `before`. A
/// quote whose words were rewritten so that the coach flags nothing in
/// them is no longer kept as a quote: it was reframed (a quote can only
/// be kept while its words are flagged).
pub fn note<T: Statement>(coach: &Coach, before: &T, after: &mut T) {
    let record = reframed(
        coach,
        before.statement(),
        after.statement(),
        before.reframed(),
    );
    *after.reframed_mut() = record;
    if before.statement() != after.statement()
        && after.quote()
        && coach.check(after.statement()).is_empty()
        && let Some(quote) = after.quote_mut()
    {
        *quote = false;
    }
}

/// What the room reframed in each text of the public summary.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SummaryReframed {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub summary: Vec<CategoryId>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub customer_impact: Vec<CategoryId>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sla_impact: Vec<CategoryId>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub proximate_cause: Vec<CategoryId>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub resolution: Vec<CategoryId>,
}

impl SummaryReframed {
    pub fn is_empty(&self) -> bool {
        self.fields().iter().all(|f| f.is_empty())
    }

    /// The records in the order of [`Summary::statements`].
    pub fn fields(&self) -> [&Vec<CategoryId>; 5] {
        [
            &self.summary,
            &self.customer_impact,
            &self.sla_impact,
            &self.proximate_cause,
            &self.resolution,
        ]
    }

    fn fields_mut(&mut self) -> [&mut Vec<CategoryId>; 5] {
        [
            &mut self.summary,
            &mut self.customer_impact,
            &mut self.sla_impact,
            &mut self.proximate_cause,
            &mut self.resolution,
        ]
    }

    /// Each record sorted, each category once (a file edited by hand may
    /// hold them in any order).
    pub fn normalise(&mut self) {
        self.fields_mut().into_iter().for_each(tidy);
    }
}

impl Summary {
    /// The texts the coach checks, in the order the form shows them.
    pub fn statements(&self) -> [&str; 5] {
        [
            self.summary.as_str(),
            self.customer_impact.as_str(),
            self.sla_impact.as_str(),
            self.proximate_cause.as_str(),
            self.resolution.as_str(),
        ]
    }
}

/// One text of a review the coach reads: where it is, its words, whether
/// its flagged words were kept as a direct quote, and what the room
/// reframed in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Said<'a> {
    pub place: TextPlace,
    pub text: &'a str,
    pub quote: bool,
    pub reframed: &'a [CategoryId],
}

fn said<T: Statement>(item: &T) -> Said<'_> {
    Said {
        place: item.place(),
        text: item.statement(),
        quote: item.quote(),
        reframed: item.reframed(),
    }
}

impl Review {
    /// Every text of the review the coach reads, in the order the report
    /// and the checks read them: the summary's texts as its form shows
    /// them, then the timeline, the learnings, the factors, the action
    /// items and the parking lot.
    pub fn statements(&self) -> Vec<Said<'_>> {
        use PublicField as P;
        let s = &self.summary;
        let places = [
            TextPlace::Field(P::Summary),
            TextPlace::Field(P::CustomerImpact),
            TextPlace::SlaImpact,
            TextPlace::Field(P::ProximateCause),
            TextPlace::Field(P::Resolution),
        ];
        let mut out: Vec<Said<'_>> = places
            .into_iter()
            .zip(s.statements())
            .zip(s.reframed.fields())
            .map(|((place, text), reframed)| Said {
                place,
                text,
                quote: false,
                reframed,
            })
            .collect();
        out.extend(self.timeline.iter().map(said));
        out.extend(self.learnings.iter().map(said));
        out.extend(self.factors.iter().map(said));
        out.extend(self.actions.iter().map(said));
        out.extend(self.parking_lot.iter().map(said));
        out
    }
}

/// Every record of what the room reframed in `r` sorted, each category
/// once (a file edited by hand may hold them in any order).
pub fn tidy_review(r: &mut Review) {
    r.summary.reframed.normalise();
    r.timeline.iter_mut().for_each(|e| tidy(&mut e.reframed));
    r.learnings.iter_mut().for_each(|l| tidy(&mut l.reframed));
    r.factors.iter_mut().for_each(|f| tidy(&mut f.reframed));
    r.actions.iter_mut().for_each(|a| tidy(&mut a.reframed));
    r.parking_lot.iter_mut().for_each(|p| tidy(&mut p.reframed));
}

/// Brings the records of `after`'s texts up to date with the change from
/// `before`, text by text. The texts are checked in order, a heading
/// flagged once across them, as the report counts them: a heading
/// repeated from an earlier text was never counted, so rewriting it
/// reframes nothing.
pub fn note_summary(coach: &Coach, before: &Summary, after: &mut Summary) {
    let old = before.statements();
    let new: [String; 5] = after.statements().map(str::to_owned);
    let prior = before.reframed.fields();
    let (mut was_seen, mut now_seen) = (Headings::default(), Headings::default());
    for (i, record) in after.reframed.fields_mut().into_iter().enumerate() {
        // Every text is checked, changed or not: the headings it holds
        // decide what the texts after it are flagged for.
        let was = flagged_in(coach, old[i], &mut was_seen);
        let now = flagged_in(coach, &new[i], &mut now_seen);
        *record =
            settled(old[i], &new[i], prior[i]).unwrap_or_else(|| combine(prior[i], was, &now));
    }
}

#[cfg(test)]
mod tests {
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
}
