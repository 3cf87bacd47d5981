//! The times the key moments are offered from the timeline, and typing
//! over an offer.

use super::state::Quick;
use super::{FIRST_MOMENT, MOMENTS, area_of, text_of};
use crate::domain::quick::base_date;
use crate::domain::quick::lines::{clock, local_date};
use crate::domain::{EventKind, Phase, Review};

impl Quick {
    /// Offers a time for "detected" (the first alert, or the first event
    /// of the detection phase, or else the first event) and the last
    /// event's for "resolved", in fields left empty (or still holding an
    /// earlier offer), for a moment the review has not held since the
    /// flow opened and whose offer was not cleared.
    pub(super) fn suggest(&mut self, review: &Review) {
        let (Some(first), Some(last)) = (review.timeline.first(), review.timeline.last()) else {
            return;
        };
        let detected = review
            .timeline
            .iter()
            .find(|e| e.kind == EventKind::Alert)
            .map(|e| (e.at, "first alert"))
            .or_else(|| {
                review
                    .timeline
                    .iter()
                    .find(|e| e.phase == Some(Phase::Detection))
                    .map(|e| (e.at, "first detection"))
            })
            .unwrap_or((first.at, "first event"));
        let mut offers = vec![(1, detected)];
        if review.timeline.len() > 1 {
            offers.push((4, (last.at, "last event")));
        }
        for (i, (at, from)) in offers {
            let text = text_of(&self.moments[i]);
            let untouched = self.suggested[i].as_deref() == Some(text.as_str());
            if !self.settled[i]
                && review.moments.get(MOMENTS[i]).is_none()
                && (text.is_empty() || untouched)
            {
                // Written as the moments above it would read it.
                let date = MOMENTS[..i]
                    .iter()
                    .rev()
                    .find_map(|m| review.moments.get(*m))
                    .map_or_else(|| base_date(review), |at| local_date(review, at));
                let offer = clock(review, at, date);
                self.moments[i] = area_of(FIRST_MOMENT + i, &offer);
                self.resync(FIRST_MOMENT + i);
                self.suggested[i] = Some(offer);
                self.offers[i] = Some(at);
                self.offered_from[i] = from;
            }
        }
    }

    /// Typing over a time only offered replaces it: the field is emptied
    /// first, when it holds the offer and the cursor is where the offer
    /// left it, at the end.
    pub(super) fn take_over_offer(&mut self, i: usize) {
        let end = self.moments[i].lines()[0].chars().count();
        if self.offered(i) && self.moments[i].cursor() == (0, end) {
            self.moments[i] = area_of(FIRST_MOMENT + i, "");
        }
    }
}
