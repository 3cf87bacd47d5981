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
#[path = "reframe_tests.rs"]
mod tests;
