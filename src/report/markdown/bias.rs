//! The internal report's "Language and bias" section: how many
//! statements the coach flagged, per category, and how the room handled
//! each: kept it as a direct quote, left it open, or reframed it.
//!
//! A review keeps each statement's words and whether the room kept its
//! flagged words as a quote, not the words it had before. So a statement
//! counts as reframed when the room marked it as a quote (which is only
//! possible while the coach flags it) and then rewrote it so that the coach
//! flags nothing in it any more. Its categories went with its old words:
//! reframed statements are counted in all, not per category.

use super::Doc;
use super::{left, right};
use crate::domain::{CategoryId, Coach, Review};

/// One text of the report, and whether its flagged words were kept as a
/// direct quote. The events are those the report shows (only the starred
/// ones of a long timeline), so the counts speak of what is on the page.
fn texts(review: &Review) -> Vec<(&str, bool)> {
    let s = &review.summary;
    let mut out: Vec<(&str, bool)> = [
        &s.summary,
        &s.customer_impact,
        &s.sla_impact,
        &s.proximate_cause,
        &s.resolution,
    ]
    .into_iter()
    .map(|t| (t.as_str(), false))
    .collect();
    out.extend(super::internal::shown_events(review).map(|e| (e.text.as_str(), e.quote)));
    out.extend(review.learnings.iter().map(|l| (l.text.as_str(), l.quote)));
    out.extend(review.factors.iter().map(|f| (f.text.as_str(), f.quote)));
    out.extend(review.actions.iter().map(|a| (a.text.as_str(), a.quote)));
    out.extend(review.parking_lot.iter().map(|p| (p.text.as_str(), false)));
    out
}

/// Per category: statements flagged, and how many were kept as quotes.
pub(super) fn counts(review: &Review, coach: &Coach) -> Vec<(CategoryId, usize, usize)> {
    let mut counts: Vec<(CategoryId, usize, usize)> =
        CategoryId::ALL.iter().map(|c| (*c, 0, 0)).collect();
    // A heading repeated across fields is one statement, flagged once.
    let mut headings = crate::domain::coach::Headings::default();
    for (text, quote) in texts(review) {
        let mut seen: Vec<CategoryId> = Vec::new();
        for flag in coach.check_in(text, &mut headings) {
            if seen.contains(&flag.category) {
                continue;
            }
            seen.push(flag.category);
            if let Some(row) = counts.iter_mut().find(|(c, _, _)| *c == flag.category) {
                row.1 += 1;
                row.2 += usize::from(quote);
            }
        }
    }
    counts.retain(|(_, flagged, _)| *flagged > 0);
    counts
}

/// Statements marked as a quote whose words the coach no longer flags:
/// the room reframed them after all.
fn reframed(review: &Review, coach: &Coach) -> usize {
    texts(review)
        .into_iter()
        .filter(|(text, quote)| *quote && coach.check(text).is_empty())
        .count()
}

fn reframed_sentence(n: usize) -> String {
    match n {
        1 => "Reframed: 1 statement once kept as a quote was rewritten; the coach no longer flags its words."
            .to_owned(),
        n => format!(
            "Reframed: {n} statements once kept as quotes were rewritten; the coach no longer flags their words."
        ),
    }
}

pub(super) fn section(doc: &mut Doc, review: &Review, coach: &Coach) {
    doc.heading(2, "Language and bias");
    let counts = counts(review, coach);
    let reframed = reframed(review, coach);
    if counts.is_empty() {
        doc.paragraph("The coach flagged no statement of this review.");
        if reframed > 0 {
            doc.paragraph(&reframed_sentence(reframed));
        }
        return;
    }
    doc.paragraph(
        "Statements in this report the coach flags, by category, and how the room handled them: kept as a \
         direct quote (marked where it appears), or left open to reframing.",
    );
    doc.table(
        &[
            left("Category"),
            right("Flagged"),
            right("Kept as quotes"),
            right("Left open"),
        ],
        counts.into_iter().map(|(id, flagged, kept)| {
            // A team's coach file names its categories: text like any other.
            let name =
                crate::report::escape::cell(coach.category(id).map_or(id.as_str(), |c| c.name()));
            vec![
                name,
                flagged.to_string(),
                kept.to_string(),
                (flagged - kept).to_string(),
            ]
        }),
    );
    if reframed > 0 {
        doc.paragraph(&reframed_sentence(reframed));
    }
}
