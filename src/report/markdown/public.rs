//! The public summary: what customers may read. It is built from
//! [`Review::public_view`] only, so nothing left out there can leak here.

use crate::domain::{Metrics, Moment, Review, Span, format_duration};
use crate::report::escape::cell;
use crate::report::format::{Clock, NONE, capitalise, times_are};

use super::{Doc, left, paragraph_or_placeholder, services, title};

pub(super) fn render(review: &Review) -> String {
    let review = review.public_view();
    let clock = Clock::new(&review);
    let summary = &review.summary;
    let mut doc = Doc::default();
    doc.heading(1, &title(&review));
    doc.paragraph(&times_are(&review));
    doc.heading(2, "Summary");
    doc.paragraph(&paragraph_or_placeholder(&summary.summary));
    doc.heading(2, "Services impacted");
    services(&mut doc, &review);
    doc.heading(2, "Duration");
    doc.paragraph(&duration(&review, &clock));
    doc.heading(2, "Severity");
    let sev = review.severity;
    doc.paragraph(&format!("{sev}: {}.", sev.meaning()));
    doc.heading(2, "Customer impact");
    doc.paragraph(&paragraph_or_placeholder(&summary.customer_impact));
    doc.heading(2, "Proximate cause");
    doc.paragraph(&paragraph_or_placeholder(&summary.proximate_cause));
    doc.heading(2, "Resolution");
    doc.paragraph(&paragraph_or_placeholder(&summary.resolution));
    countermeasures(&mut doc, &review);
    if let Some(p) = &review.published {
        doc.paragraph(&format!("Published {}.", clock.full(p.at)));
    }
    doc.finish()
}

/// The time to resolve with the two times it runs between, and when impact
/// was mitigated if that came earlier.
fn duration(review: &Review, clock: &Clock) -> String {
    let metrics = Metrics::compute(review);
    let Some((ttr, value)) = metrics
        .duration()
        .and_then(|span| span.value.map(|v| (span, v)))
    else {
        return "Unknown.".to_owned();
    };
    let at = |m: Moment| clock.full_or_none(review.moments.get(m));
    let mut out = format!(
        "{}, from {} ({}) to {} ({}).",
        format_duration(value),
        at(ttr.from),
        ttr.from.describe(),
        at(ttr.to),
        ttr.to.describe(),
    );
    let mitigated = metrics
        .spans
        .iter()
        .find(|s: &&Span| s.to == Moment::Mitigated)
        .and_then(|s| s.value)
        .filter(|v| *v < value);
    if let Some(ttm) = mitigated {
        out.push_str(&format!(
            " Impact was mitigated after {}, at {}.",
            format_duration(ttm),
            at(Moment::Mitigated)
        ));
    }
    out
}

fn countermeasures(doc: &mut Doc, review: &Review) {
    doc.heading(2, "Countermeasures");
    if review.actions.is_empty() {
        doc.paragraph("_None recorded yet._");
        return;
    }
    doc.table(
        &[left("Countermeasure"), left("Status"), left("Due")],
        review.actions.iter().map(|a| {
            vec![
                cell(&a.text),
                capitalise(a.status.label()),
                a.due
                    .map_or_else(|| NONE.to_owned(), |d| d.format("%Y-%m-%d").to_string()),
            ]
        }),
    );
}
