//! The plain-text summary that `debrief show` prints: no Markdown, columns
//! lined up by display width so CJK and emoji do not push them apart.

use unicode_width::UnicodeWidthStr;

use crate::domain::text::visible;
use crate::domain::{Check, Effect, LearningKind, Metrics, Moment, Review, format_duration};
use crate::report::format::{
    Clock, NONE, capitalise, offset_label, one_line, severity, span_definition, span_value,
};

/// The review at a glance: title, id, severity, status and kind, key
/// moments and people, metrics with their definitions, how many items of
/// each sort it holds, and the warnings to look at before publishing.
/// The status, with who published the review and when.
fn status(review: &Review, clock: &Clock) -> String {
    match &review.published {
        Some(p) if !p.by.trim().is_empty() => format!(
            "{}, {} by {}",
            review.status.label(),
            clock.full(p.at),
            plain(&p.by)
        ),
        Some(p) => format!("{}, {}", review.status.label(), clock.full(p.at)),
        None => review.status.label().to_owned(),
    }
}

/// Where the meeting stands: its stage and the minutes spent of those
/// planned, counted up to the review's last change.
fn meeting(review: &Review) -> String {
    let m = &review.meeting;
    let planned = m.planned(review.severity, review.kind);
    if m.started.is_none() {
        return format!(
            "at \"{}\", not started ({planned} min planned)",
            m.stage.title().to_lowercase()
        );
    }
    let now = m
        .running_since
        .map_or(review.updated, |s| s.max(review.updated));
    format!(
        "at \"{}\", {} of {planned} min{}",
        m.stage.title().to_lowercase(),
        m.total(now).num_minutes(),
        if m.is_running() { "" } else { ", paused" }
    )
}

pub fn summary(review: &Review) -> String {
    let metrics = Metrics::compute(review);
    let clock = Clock::new(review);
    let mut out = String::new();

    let title = match plain(&review.title) {
        t if t.is_empty() => "Untitled review".to_owned(),
        t => t,
    };
    out.push_str(&title);
    out.push('\n');
    out.push_str(&"=".repeat(title.width()));
    out.push('\n');
    let incident = review
        .incident
        .as_deref()
        .map_or_else(|| NONE.to_owned(), plain);
    aligned(
        &mut out,
        "",
        &[Align::Left, Align::Left],
        vec![
            row(["Review", &plain(&review.id)]),
            row(["Incident", &incident]),
            row(["Severity", &severity(review)]),
            row(["Status", &status(review, &clock)]),
            row(["Kind", &format!("{} review", review.kind)]),
            row(["Meeting", &meeting(review)]),
            row(["Times", &offset_label(review.offset)]),
        ],
    );

    section(&mut out, "Key moments");
    aligned(
        &mut out,
        "  ",
        &[Align::Left, Align::Left],
        Moment::ALL
            .iter()
            .map(|m| row([m.describe(), &clock.full_or_none(review.moments.get(*m))]))
            .collect(),
    );

    section(&mut out, "People");
    let p = &review.people;
    let who = |v: &Option<crate::domain::Text>| v.as_deref().map_or_else(|| NONE.to_owned(), plain);
    aligned(
        &mut out,
        "  ",
        &[Align::Left, Align::Left],
        vec![
            row(["detected by", &who(&p.detected_by)]),
            row(["alerted first", &who(&p.alerted_first)]),
            row(["commander", &who(&p.commander)]),
            row(["facilitator", &who(&p.facilitator)]),
        ],
    );

    metrics_sections(&mut out, &metrics);
    contents(&mut out, review);
    warnings(&mut out, review, &metrics);
    out
}

fn metrics_sections(out: &mut String, metrics: &Metrics) {
    section(out, "Metrics");
    aligned(
        out,
        "  ",
        &[Align::Left, Align::Left, Align::Right, Align::Left],
        metrics
            .spans
            .iter()
            .map(|s| row([s.short, s.name, &span_value(s), &span_definition(s)]))
            .collect(),
    );

    section(out, "Lifecycle");
    aligned(
        out,
        "  ",
        &[Align::Left, Align::Right, Align::Left],
        metrics
            .lifecycle
            .iter()
            .map(|s| row([s.name, &span_value(s), &span_definition(s)]))
            .collect(),
    );

    section(out, "Time per phase on the timeline");
    if metrics.phases.is_empty() {
        out.push_str("  none yet\n");
        return;
    }
    aligned(
        out,
        "  ",
        &[Align::Left, Align::Right],
        metrics
            .phases
            .iter()
            .map(|t| {
                let phase = t.phase.map_or("no phase", |p| p.label());
                row([phase, &format_duration(t.time)])
            })
            .collect(),
    );
}

fn contents(out: &mut String, review: &Review) {
    let events = &review.timeline;
    let helped = review
        .factors
        .iter()
        .filter(|f| f.effect == Effect::Helped)
        .count();
    let rows = vec![
        count_row("participants", review.participants.len(), &[]),
        count_row(
            "events",
            events.len(),
            &[
                (events.iter().filter(|e| e.starred).count(), "starred"),
                (events.iter().filter(|e| e.internal).count(), "internal"),
            ],
        ),
        count_row(
            "learnings",
            review.learnings.len(),
            &[(
                review
                    .learnings
                    .iter()
                    .filter(|l| l.kind == LearningKind::WentWell)
                    .count(),
                "went well",
            )],
        ),
        count_row(
            "factors",
            review.factors.len(),
            &[(helped, "helped"), (review.factors.len() - helped, "hurt")],
        ),
        count_row(
            "action items",
            review.actions.len(),
            &[(review.open_actions(), "open")],
        ),
        count_row("parking lot", review.parking_lot.len(), &[]),
    ];
    section(out, "Contents");
    aligned(out, "  ", &[Align::Left, Align::Right, Align::Left], rows);
}

/// `events  16  5 starred, 1 internal`; the details only when there is
/// something to count.
fn count_row(what: &str, total: usize, details: &[(usize, &str)]) -> Vec<String> {
    let details = if total == 0 {
        String::new()
    } else {
        details
            .iter()
            .map(|(n, what)| format!("{n} {what}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    vec![what.to_owned(), total.to_string(), details]
}

fn warnings(out: &mut String, review: &Review, metrics: &Metrics) {
    let checks = Check::all(review, metrics);
    section(out, &format!("Warnings ({})", checks.len()));
    if checks.is_empty() {
        out.push_str("  none\n");
    }
    for check in checks {
        out.push_str("  ! ");
        out.push_str(&capitalise(&plain(&check.message(review))));
        out.push('\n');
    }
}

/// User text made safe for a terminal line: control, bidi and invisible
/// characters visible, line breaks as spaces.
fn plain(s: &str) -> String {
    one_line(&visible(s))
}

fn section(out: &mut String, title: &str) {
    out.push('\n');
    out.push_str(title);
    out.push('\n');
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Align {
    Left,
    Right,
}

fn row<const N: usize>(cells: [&str; N]) -> Vec<String> {
    cells.iter().map(|c| (*c).to_owned()).collect()
}

/// Writes rows as columns two spaces apart, each line starting with
/// `indent`, padded by display width; no line ends in a space.
fn aligned(out: &mut String, indent: &str, align: &[Align], rows: Vec<Vec<String>>) {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| c.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for r in &rows {
        let mut line = indent.to_owned();
        for (i, cell) in r.iter().enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            let pad = " ".repeat(widths[i].saturating_sub(cell.width()));
            if align.get(i) == Some(&Align::Right) {
                line.push_str(&pad);
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&pad);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_line_up_by_display_width() {
        let mut out = String::new();
        aligned(
            &mut out,
            "  ",
            &[Align::Left, Align::Right, Align::Left],
            vec![row(["支付", "5m", "x"]), row(["abcde", "1h 05m", ""])],
        );
        assert_eq!(out, "  支付       5m  x\n  abcde  1h 05m\n");
    }
}
