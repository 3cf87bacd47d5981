//! The internal report's "Language and bias" section: per category, how
//! many statements the coach flags, how the room handled each (kept it as
//! a direct quote, or left it open), and how many statements the room
//! reframed.
//!
//! A review keeps each statement's current words only, so what was
//! reframed is recorded when the words change (see
//! [`crate::domain::reframe`]): a statement counts as reframed in a
//! category when its words once carried that category and its rewritten
//! words no longer do. The same statement may count in several
//! categories, and in one it is flagged for now and another it was
//! reframed in, never in both for one category.

use super::Doc;
use super::{left, right};
use crate::domain::checks::TextPlace;
use crate::domain::reframe::Said;
use crate::domain::{CategoryId, Coach, ItemId, Review};

/// The texts of the report the coach reads (see [`Review::statements`]).
/// The events are those the report shows (only the starred ones of a
/// long timeline), so the counts speak of what is on the page. A blank
/// text has nothing to count, and a record beside it (in a file edited by
/// hand) went with its words.
fn texts(review: &Review) -> Vec<Said<'_>> {
    let shown: Vec<ItemId> = super::internal::shown_events(review)
        .map(|e| e.id)
        .collect();
    let mut out = review.statements();
    out.retain(|s| match s.place {
        TextPlace::Event(id) => shown.contains(&id),
        _ => true,
    });
    out.retain(|s| !s.text.trim().is_empty());
    out
}

/// One category's row: statements flagged, kept as quotes, reframed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Row {
    category: CategoryId,
    flagged: usize,
    kept: usize,
    reframed: usize,
}

/// The rows of the categories with a statement flagged or reframed, in
/// the coach's order.
fn counts(review: &Review, coach: &Coach) -> Vec<Row> {
    let mut rows: Vec<Row> = CategoryId::ALL
        .iter()
        .map(|c| Row {
            category: *c,
            flagged: 0,
            kept: 0,
            reframed: 0,
        })
        .collect();
    // A heading repeated across fields is one statement, flagged once.
    let mut headings = crate::domain::coach::Headings::default();
    for Said {
        text,
        quote,
        reframed,
        ..
    } in texts(review)
    {
        let mut seen: Vec<CategoryId> = Vec::new();
        for flag in coach.check_in(text, &mut headings) {
            if seen.contains(&flag.category) {
                continue;
            }
            seen.push(flag.category);
            if let Some(row) = rows.iter_mut().find(|r| r.category == flag.category) {
                row.flagged += 1;
                row.kept += usize::from(quote);
            }
        }
        // A category flagged now is open, whatever the record says (it
        // may have been made under another coach, or edited by hand).
        for row in rows
            .iter_mut()
            .filter(|r| reframed.contains(&r.category) && !seen.contains(&r.category))
        {
            row.reframed += 1;
        }
    }
    rows.retain(|r| r.flagged > 0 || r.reframed > 0);
    rows
}

pub(super) fn section(doc: &mut Doc, review: &Review, coach: &Coach) {
    doc.heading(2, "Language and bias");
    let rows = counts(review, coach);
    if rows.is_empty() {
        doc.paragraph("The coach flagged no statement of this review.");
        return;
    }
    doc.paragraph(
        "Statements in this report, by category: those the coach flags and how the room handled them \
         (kept as a direct quote, marked where it appears, or left open to reframing), and those the \
         room reframed (words the coach flagged, rewritten so that it no longer does).",
    );
    doc.table(
        &[
            left("Category"),
            right("Flagged"),
            right("Kept as quotes"),
            right("Left open"),
            right("Reframed"),
        ],
        rows.into_iter().map(|row| {
            let id = row.category;
            // A team's coach file names its categories: text like any other.
            let name =
                crate::report::escape::cell(coach.category(id).map_or(id.as_str(), |c| c.name()));
            vec![
                name,
                row.flagged.to_string(),
                row.kept.to_string(),
                (row.flagged - row.kept).to_string(),
                row.reframed.to_string(),
            ]
        }),
    );
}
