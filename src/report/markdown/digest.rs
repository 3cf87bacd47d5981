//! The digest of recent reviews as Markdown: the reviews, then their
//! learnings by kind, their contributing factors by area and their open
//! action items, each group by service, every item linked to its review's
//! report (`<id>.md`, or `<id>.public.md` in a public digest).

use std::collections::BTreeMap;

use crate::domain::{Area, LearningKind};
use crate::library::digest::{Digest, Entry};
use crate::report::escape::{cell, inline};
use crate::report::format::capitalise;

use super::{Doc, markers};

/// The link to the review's report, its title as the text.
fn link(d: &Digest, e: &Entry) -> String {
    let file = if d.span.public {
        format!("{}.public.md", e.id)
    } else {
        format!("{}.md", e.id)
    };
    let title = if e.title.trim().is_empty() {
        "Untitled review".to_owned()
    } else {
        cell(&e.title)
    };
    // Ids are lowercase letters, digits and dashes: safe in a link.
    format!("[{title}]({file})")
}

/// Items grouped by the service label of the review they come from, in
/// the order of the labels.
fn by_service<'a, T>(
    d: &'a Digest,
    items: impl Fn(&'a Entry) -> Vec<T>,
) -> BTreeMap<String, Vec<(T, &'a Entry)>> {
    let mut groups: BTreeMap<String, Vec<(T, &Entry)>> = BTreeMap::new();
    for e in &d.reviews {
        for item in items(e) {
            groups.entry(e.service_group()).or_default().push((item, e));
        }
    }
    groups
}

fn span_words(d: &Digest) -> String {
    let day = |x: chrono::NaiveDate| x.format("%-d %b %Y").to_string();
    match (d.span.since, d.span.until) {
        (Some(a), Some(b)) => format!("from {} to {}", day(a), day(b)),
        (Some(a), None) => format!("from {} to {}", day(a), day(d.span.today)),
        (None, Some(b)) => format!("up to {}", day(b)),
        (None, None) => "of every review".to_owned(),
    }
}

pub(super) fn render(d: &Digest) -> String {
    let mut doc = Doc::default();
    doc.heading(1, "Learning digest");
    let n = d.reviews.len();
    let reviews = if n == 1 { "review" } else { "reviews" };
    let mut intro = format!("{n} {reviews} of incidents {}.", span_words(d));
    if d.span.public {
        intro.push_str(
            " Public: from each published review's public summary; it names nobody, and \
             learnings, contributing factors and internal-only items stay in the internal digest.",
        );
        if d.unpublished > 0 {
            intro.push_str(&format!(
                " {} not yet published {} left out.",
                d.unpublished,
                if d.unpublished == 1 {
                    "review is"
                } else {
                    "reviews are"
                }
            ));
        }
    } else {
        intro.push_str(" Internal: for the organisation only.");
    }
    doc.paragraph(&intro);
    if d.reviews.is_empty() {
        doc.paragraph("No review to learn from in this time.");
        return doc.finish();
    }
    doc.heading(2, "Reviews");
    doc.bullets(d.reviews.iter().map(|e| {
        let mut line = format!(
            "{} · {} · {} · {}",
            link(d, e),
            e.severity.label(),
            e.date.format("%-d %b %Y"),
            cell(&e.service_group()),
        );
        if !e.summary.trim().is_empty() {
            line.push_str(&format!("\n{}", inline(&e.summary)));
        }
        line
    }));
    if !d.span.public {
        learnings(&mut doc, d);
        factors(&mut doc, d);
    }
    actions(&mut doc, d);
    doc.finish()
}

fn learnings(doc: &mut Doc, d: &Digest) {
    doc.heading(2, "Learnings");
    let mut any = false;
    for kind in LearningKind::ALL {
        let groups = by_service(d, |e| {
            e.learnings
                .iter()
                .filter(|l| l.kind == *kind)
                .collect::<Vec<_>>()
        });
        if groups.is_empty() {
            continue;
        }
        any = true;
        doc.heading(3, &capitalise(kind.label()));
        for (service, items) in groups {
            doc.heading(4, &cell(&service));
            doc.bullets(items.into_iter().map(|(l, e)| {
                format!(
                    "{}{} ({})",
                    markers(l.internal, false),
                    inline(&l.text),
                    link(d, e)
                )
            }));
        }
    }
    if !any {
        doc.paragraph("No learnings recorded in these reviews.");
    }
}

fn factors(doc: &mut Doc, d: &Digest) {
    doc.heading(2, "Contributing factors");
    let mut any = false;
    for area in Area::ALL {
        let groups = by_service(d, |e| {
            e.factors
                .iter()
                .filter(|f| f.area == *area)
                .collect::<Vec<_>>()
        });
        if groups.is_empty() {
            continue;
        }
        any = true;
        doc.heading(3, &capitalise(area.label()));
        for (service, items) in groups {
            doc.heading(4, &cell(&service));
            doc.bullets(items.into_iter().map(|(f, e)| {
                format!(
                    "{}{} _({})_ ({})",
                    markers(f.internal, false),
                    inline(&f.text),
                    f.effect.label(),
                    link(d, e)
                )
            }));
        }
    }
    if !any {
        doc.paragraph("No contributing factors recorded in these reviews.");
    }
}

fn actions(doc: &mut Doc, d: &Digest) {
    doc.heading(2, "Open action items");
    let groups = by_service(d, |e| e.actions.iter().collect::<Vec<_>>());
    if groups.is_empty() {
        doc.paragraph("No action item is open.");
        return;
    }
    for (service, mut items) in groups {
        // The most pressing first: by priority, then the earliest due.
        items.sort_by_key(|(a, _)| (a.priority.is_none(), a.priority, a.due.is_none(), a.due));
        doc.heading(3, &cell(&service));
        doc.bullets(items.into_iter().map(|(a, e)| {
            let mut facts = vec![a.status.label().to_owned()];
            if let Some(owner) = &a.owner {
                facts.push(format!("owner {}", inline(owner)));
            }
            if let Some(p) = a.priority {
                facts.push(format!("priority {}", p.label()));
            }
            if let Some(due) = a.due {
                facts.push(if a.overdue {
                    format!("**overdue** since {due}")
                } else {
                    format!("due {due}")
                });
            }
            format!(
                "{}{} · {} ({})",
                markers(a.internal, false),
                inline(&a.text),
                facts.join(" · "),
                link(d, e)
            )
        }));
    }
}
