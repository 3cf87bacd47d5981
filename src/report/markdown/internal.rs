//! The internal report: everything in the review but the facilitator's
//! notes, for everyone inside the organisation.

use crate::domain::{
    Check, Effect, Event, Learning, LearningKind, Metrics, Moment, Review, Stage, Status,
    format_duration,
};
use crate::report::escape::{cell, inline, link};
use crate::report::format::{
    Clock, NONE, capitalise, impact, kind, severity, span_definition, span_value, times_are,
};

use super::{Doc, left, markers, paragraph_or_placeholder, right, title};
use crate::domain::Coach;
use chrono::{DateTime, Utc};

/// Above this many events, a timeline with starred events shows only those.
const LONG_TIMELINE: usize = 50;

/// `now`: when the report is made, for a meeting clock still running;
/// `None` counts it up to the review's last change.
/// `related`: the library's related reviews, when known.
pub(super) fn render(
    review: &Review,
    coach: &Coach,
    now: Option<DateTime<Utc>>,
    related: Option<&[crate::library::Related]>,
) -> String {
    let metrics = Metrics::compute(review);
    let clock = Clock::new(review);
    let mut doc = Doc::default();
    doc.heading(1, &title(review));
    doc.paragraph(&format!(
        "Internal post-incident review. {}",
        times_are(review)
    ));
    metadata(&mut doc, review, &clock);
    key_moments(&mut doc, review, &clock);
    metrics_section(&mut doc, &metrics);
    participants(&mut doc, review);
    summary(&mut doc, review);
    timeline(&mut doc, review, &clock);
    recovery(&mut doc, review);
    learnings(&mut doc, review, &clock);
    factors(&mut doc, review);
    actions(&mut doc, review);
    parking_lot(&mut doc, review);
    meeting(&mut doc, review, now);
    super::bias::section(&mut doc, review, coach);
    warnings(&mut doc, review, &metrics);
    if let Some(related) = related {
        super::related::section(&mut doc, related);
    }
    doc.finish()
}

fn optional(value: Option<&str>) -> String {
    value
        .filter(|v| !v.trim().is_empty())
        .map_or_else(|| NONE.to_owned(), inline)
}

fn metadata(doc: &mut Doc, review: &Review, clock: &Clock) {
    let list = |items: &[crate::domain::Text]| {
        items
            .iter()
            .map(|t| inline(t))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut more = Vec::new();
    if !review.incidents.is_empty() {
        more.push(format!("**Other incidents:** {}", list(&review.incidents)));
    }
    if !review.tags.is_empty() {
        more.push(format!("**Tags:** {}", list(&review.tags)));
    }
    doc.bullets(
        [
            format!("**Review:** {}", inline(&review.id)),
            format!("**Incident:** {}", optional(review.incident.as_deref())),
        ]
        .into_iter()
        .chain(more)
        .chain([
            format!("**Severity:** {}", severity(review)),
            format!("**Status:** {}", capitalise(review.status.label())),
            format!("**Published:** {}", published(review, clock)),
            format!("**Kind:** {}", kind(review.kind)),
            format!("**Created:** {}", clock.full(review.created)),
            format!("**Updated:** {}", clock.full(review.updated)),
        ]),
    );
}

/// Who published the review and when, or that it is not published.
fn published(review: &Review, clock: &Clock) -> String {
    match &review.published {
        Some(p) if p.by.trim().is_empty() => clock.full(p.at),
        Some(p) => format!("{} by {}", clock.full(p.at), inline(&p.by)),
        None if review.status == Status::Published => "yes (who and when not recorded)".to_owned(),
        None => "not yet".to_owned(),
    }
}

/// The time the meeting spent on each stage, against its time box.
fn meeting(doc: &mut Doc, review: &Review, now: Option<DateTime<Utc>>) {
    let m = &review.meeting;
    if m.started.is_none() {
        return;
    }
    doc.heading(2, "The review meeting");
    // A running clock counts up to when the report is made, or else to
    // the review's last change.
    let since = m.running_since.unwrap_or(review.updated);
    let now = now.unwrap_or(review.updated).max(since);
    let (severity, kind) = (review.severity, review.kind);
    doc.table(
        &[left("Stage"), right("Time spent"), right("Time box")],
        Stage::ALL.iter().map(|s| {
            let spent = m.spent_in(*s, now);
            let boxed = m.timebox(*s, severity, kind);
            let over = spent > chrono::Duration::minutes(i64::from(boxed));
            vec![
                s.title().to_owned(),
                format!(
                    "{}{}",
                    format_duration(spent),
                    if over { " (over)" } else { "" }
                ),
                format!("{boxed}m"),
            ]
        }),
    );
    let clock = Clock::new(review);
    doc.paragraph(&format!(
        "Started {}; {} in all, against {} minutes planned.",
        m.started
            .map_or_else(|| NONE.to_owned(), |at| clock.full(at)),
        format_duration(m.total(now)),
        m.planned(severity, kind)
    ));
}

fn key_moments(doc: &mut Doc, review: &Review, clock: &Clock) {
    doc.heading(2, "Key moments");
    doc.table(
        &[left("Moment"), left("Time")],
        Moment::ALL.iter().map(|m| {
            vec![
                capitalise(m.describe()),
                clock.full_or_none(review.moments.get(*m)),
            ]
        }),
    );
    let people = &review.people;
    doc.bullets([
        format!(
            "**Detected by:** {}",
            optional(people.detected_by.as_deref())
        ),
        format!(
            "**Alerted first:** {}",
            optional(people.alerted_first.as_deref())
        ),
        format!(
            "**Incident commander:** {}",
            optional(people.commander.as_deref())
        ),
        format!(
            "**Facilitator:** {}",
            optional(people.facilitator.as_deref())
        ),
    ]);
}

fn metrics_section(doc: &mut Doc, metrics: &Metrics) {
    doc.heading(2, "Metrics");
    doc.table(
        &[left("Metric"), right("Value"), left("Definition")],
        metrics.spans.iter().map(|s| {
            vec![
                format!("{} ({})", s.name, s.short),
                span_value(s),
                span_definition(s),
            ]
        }),
    );
    doc.heading(3, "Lifecycle");
    doc.table(
        &[left("Phase"), right("Duration"), left("Definition")],
        metrics
            .lifecycle
            .iter()
            .map(|s| vec![s.name.to_owned(), span_value(s), span_definition(s)]),
    );
    doc.heading(3, "Time per phase");
    if metrics.phases.is_empty() {
        doc.paragraph("No time on the timeline yet.");
        return;
    }
    doc.paragraph(
        "From the timeline: the time from each event to the next counts towards the first \
         event's phase; the last event runs to the resolution.",
    );
    doc.table(
        &[left("Phase"), right("Time")],
        metrics.phases.iter().map(|p| {
            let phase = p
                .phase
                .map_or_else(|| "No phase recorded".to_owned(), |p| capitalise(p.label()));
            vec![phase, format_duration(p.time)]
        }),
    );
}

fn participants(doc: &mut Doc, review: &Review) {
    doc.heading(2, "Participants");
    if review.participants.is_empty() {
        doc.paragraph("No participants recorded yet.");
        return;
    }
    doc.table(
        &[left("Name"), left("Role")],
        review
            .participants
            .iter()
            .map(|p| vec![cell(&p.name), capitalise(p.role.label())]),
    );
}

fn summary(doc: &mut Doc, review: &Review) {
    let s = &review.summary;
    doc.heading(2, "Summary");
    doc.paragraph(&paragraph_or_placeholder(&s.summary));
    doc.heading(3, "Services impacted");
    super::services(doc, review);
    for (heading, text) in [
        ("Customer impact", &s.customer_impact),
        ("SLA impact", &s.sla_impact),
        ("Proximate cause", &s.proximate_cause),
        ("Resolution", &s.resolution),
    ] {
        doc.heading(3, heading);
        doc.paragraph(&paragraph_or_placeholder(text));
    }
}

/// Whether the timeline is long enough, and starred, for the report to show
/// only its starred events.
fn only_starred(review: &Review) -> bool {
    review.timeline.len() > LONG_TIMELINE && review.timeline.iter().any(|e| e.starred)
}

/// The events the report shows: all of them, or only the starred ones of
/// a long timeline.
pub(super) fn shown_events(review: &Review) -> impl Iterator<Item = &Event> {
    let only_starred = only_starred(review);
    review
        .timeline
        .iter()
        .filter(move |e| e.starred || !only_starred)
}

/// The recovery chart: a link to the SVG written beside the report, and
/// the same points as a table for readers without images.
fn recovery(doc: &mut Doc, review: &Review) {
    if review.timeline.is_empty() {
        return;
    }
    doc.heading(3, "Recovery over time");
    doc.paragraph(&format!(
        "![Recovery over time: each event that helped steps the line down towards recovery, each that hurt steps it up](<{}>)",
        crate::report::svg::chart_file_name(review)
    ));
    doc.paragraph(crate::report::svg::DISTANCE_NOTE);
    // A long timeline shows its starred events only, here as above.
    let shown: std::collections::HashSet<_> = shown_events(review).map(|e| e.id).collect();
    doc.paragraph(crate::report::svg::points_rows(review, |id| shown.contains(&id)).trim_end());
}

fn timeline(doc: &mut Doc, review: &Review, clock: &Clock) {
    doc.heading(2, "Timeline");
    let total = review.timeline.len();
    if total == 0 {
        doc.paragraph("No events yet.");
        return;
    }
    let starred = review.timeline.iter().filter(|e| e.starred).count();
    let only_starred = only_starred(review);
    if only_starred {
        doc.paragraph(&format!(
            "Showing the {starred} starred events of {total}; the review file holds them all."
        ));
    }
    if starred > 0 {
        doc.paragraph("★ marks a starred event.");
    }
    doc.table(
        &[
            left("Time"),
            left("Actor"),
            left("Kind"),
            left("Phase"),
            left("Impact"),
            left("What happened"),
        ],
        shown_events(review).map(|e| event_row(e, clock)),
    );
}

fn event_row(e: &Event, clock: &Clock) -> Vec<String> {
    let mut time = clock.short(e.at);
    if e.starred {
        time.push_str(" ★");
    }
    let mut text = markers(e.internal, e.quote);
    text.push_str(&cell(&e.text));
    for l in &e.links {
        text.push_str(" · ");
        text.push_str(&link(l));
    }
    vec![
        time,
        e.actor
            .as_deref()
            .filter(|a| !a.trim().is_empty())
            .map_or_else(|| NONE.to_owned(), cell),
        capitalise(e.kind.label()),
        e.phase
            .map_or_else(|| NONE.to_owned(), |p| capitalise(p.label())),
        impact(e.impact),
        text,
    ]
}

fn learnings(doc: &mut Doc, review: &Review, clock: &Clock) {
    doc.heading(2, "Learnings");
    if review.learnings.is_empty() {
        doc.paragraph("No learnings recorded yet.");
        return;
    }
    for kind in LearningKind::ALL {
        let items: Vec<String> = review
            .learnings
            .iter()
            .filter(|l| l.kind == *kind)
            .map(|l| learning(l, review, clock))
            .collect();
        if !items.is_empty() {
            doc.heading(3, &capitalise(kind.label()));
            doc.bullets(items);
        }
    }
}

fn learning(l: &Learning, review: &Review, clock: &Clock) -> String {
    let mut out = markers(l.internal, l.quote);
    out.push_str(&inline(&l.text));
    if !l.events.is_empty() {
        let refs: Vec<String> = l
            .events
            .iter()
            .map(|id| {
                review
                    .event(*id)
                    .map_or_else(|| id.to_string(), |e| clock.short(e.at))
            })
            .collect();
        out.push_str(&format!(" _(timeline: {})_", refs.join(", ")));
    }
    out
}

fn factors(doc: &mut Doc, review: &Review) {
    doc.heading(2, "Contributing factors");
    if review.factors.is_empty() {
        doc.paragraph("No contributing factors recorded yet.");
        return;
    }
    for effect in [Effect::Helped, Effect::Hurt] {
        let items: Vec<String> = review
            .factors
            .iter()
            .filter(|f| f.effect == effect)
            .map(|f| {
                let marker = markers(f.internal, f.quote);
                let area = capitalise(f.area.label());
                format!("{marker}**{area}:** {}", inline(&f.text))
            })
            .collect();
        if !items.is_empty() {
            doc.heading(3, &capitalise(effect.label()));
            doc.bullets(items);
        }
    }
}

fn actions(doc: &mut Doc, review: &Review) {
    doc.heading(2, "Action items");
    let total = review.actions.len();
    if total == 0 {
        doc.paragraph("No action items yet.");
        return;
    }
    doc.paragraph(&format!("{} of {total} open.", review.open_actions()));
    let label = |v: Option<&str>| v.map_or_else(|| NONE.to_owned(), capitalise);
    doc.table(
        &[
            left("#"),
            left("Action item"),
            left("Owner"),
            left("Priority"),
            left("Due"),
            left("Improves"),
            left("Ticket"),
            left("Status"),
        ],
        review.actions.iter().map(|a| {
            let marker = markers(a.internal, a.quote);
            vec![
                a.id.to_string(),
                format!("{marker}{}", cell(&a.text)),
                optional_cell(a.owner.as_deref()),
                label(a.priority.map(|p| p.label())),
                a.due
                    .map_or_else(|| NONE.to_owned(), |d| d.format("%Y-%m-%d").to_string()),
                label(a.improves.map(|i| i.label())),
                optional_cell(a.ticket.as_deref()),
                capitalise(a.status.label()),
            ]
        }),
    );
}

fn optional_cell(value: Option<&str>) -> String {
    value
        .filter(|v| !v.trim().is_empty())
        .map_or_else(|| NONE.to_owned(), cell)
}

fn parking_lot(doc: &mut Doc, review: &Review) {
    doc.heading(2, "Parking lot");
    if review.parking_lot.is_empty() {
        doc.paragraph("Nothing parked.");
    } else {
        doc.bullets(review.parking_lot.iter().map(|p| inline(&p.text)));
    }
}

fn warnings(doc: &mut Doc, review: &Review, metrics: &Metrics) {
    doc.heading(2, "Warnings");
    let checks = Check::all(review, metrics);
    if checks.is_empty() {
        doc.paragraph("No warnings.");
    } else {
        doc.bullets(
            checks
                .iter()
                .map(|c| inline(&capitalise(&c.message(review)))),
        );
    }
}
