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
}

macro_rules! statement {
    ($($ty:ty),*) => {
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
            }
        )*
    };
}

statement!(Event, Learning, Factor, ActionItem, ParkingItem);

/// Brings `after`'s record up to date with the change from `before`.
pub fn note<T: Statement>(coach: &Coach, before: &T, after: &mut T) {
    let record = reframed(
        coach,
        before.statement(),
        after.statement(),
        before.reframed(),
    );
    *after.reframed_mut() = record;
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
