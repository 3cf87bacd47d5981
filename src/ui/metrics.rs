//! Metrics and warnings, as lines: each span with its definition, the
//! lifecycle phases, the time per phase on the timeline, and what to check
//! before publishing. Used by the details pane and by its summary box.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::list;
use super::text::wrap;
use super::theme::Theme;
use crate::app::{App, Pane, Workspace};
use crate::domain::{Check, Metrics, Review, Span as Interval, format_duration};

/// "1h 28m", or "—" when it cannot be computed.
pub fn value(span: &Interval) -> String {
    span.value.map_or_else(|| "—".to_owned(), format_duration)
}

/// One span: "TTR  1h 28m  from impact started to resolved"; with
/// `short`, "TTR  1h 28m  started → resolved".
pub fn span_line(theme: &Theme, span: &Interval, short: bool) -> Line<'static> {
    named_span(theme, span.short, 4, span, short)
}

/// A span under any name, the name padded to `pad` cells.
fn named_span(
    theme: &Theme,
    name: &str,
    pad: usize,
    span: &Interval,
    short: bool,
) -> Line<'static> {
    let definition = if short {
        format!("{} → {}", span.from.label(), span.to.label())
    } else {
        format!("from {} to {}", span.from.describe(), span.to.describe())
    };
    let style = if span.value.is_some() {
        theme.text
    } else {
        theme.muted
    };
    Line::from(vec![
        Span::styled(format!("{name:<pad$}"), theme.label),
        Span::styled(format!("{:>7}", value(span)), style),
        Span::styled(format!("  {definition}"), theme.muted),
    ])
}

/// "detection 10m · triage 11m", wrapped to `width` between items only.
fn joined(parts: Vec<String>, width: usize) -> Vec<String> {
    let glued: Vec<String> = parts.iter().map(|p| p.replace(' ', "\u{a0}")).collect();
    wrap(&glued.join(" · "), width)
}

/// Every metric with its definition, for the details pane.
pub fn lines(theme: &Theme, m: &Metrics, width: usize) -> Vec<Line<'static>> {
    let short = width < 46;
    let mut out = vec![Line::styled("Metrics", theme.heading)];
    out.extend(m.spans.iter().map(|s| span_line(theme, s, short)));
    out.push(Line::raw(""));
    out.push(Line::styled("Lifecycle", theme.heading));
    out.extend(
        m.lifecycle
            .iter()
            .map(|s| named_span(theme, s.name, 12, s, short)),
    );
    if !m.phases.is_empty() {
        out.push(Line::raw(""));
        out.push(Line::styled("Time per phase (timeline)", theme.heading));
        let phases = m
            .phases
            .iter()
            .map(|p| {
                let name = p.phase.map_or("no phase", |p| p.label());
                format!("{name} {}", format_duration(p.time))
            })
            .collect();
        out.extend(joined(phases, width).into_iter().map(Line::raw));
    }
    out
}

/// The warnings before publishing, each wrapped to `width`.
pub fn checks(
    theme: &Theme,
    review: &Review,
    checks: &[Check],
    width: usize,
) -> Vec<Line<'static>> {
    if checks.is_empty() {
        return vec![Line::styled(
            "✓ Nothing to fix before publishing",
            theme.positive,
        )];
    }
    let mut out = vec![Line::styled(
        format!("Before publishing ({})", checks.len()),
        theme.heading,
    )];
    for c in checks {
        for (i, l) in wrap(&c.message(review), width.saturating_sub(2))
            .into_iter()
            .enumerate()
        {
            let bullet = if i == 0 { "! " } else { "  " };
            out.push(Line::styled(format!("{bullet}{l}"), theme.warning));
        }
    }
    out
}

/// A review holding only `r`'s key moments. The spans and the checks
/// depend on nothing else, and computing metrics on it costs the same for
/// ten events or ten thousand (the time per phase, which walks the whole
/// timeline, is left out: the summary does not show it).
fn moments_only(r: &Review) -> Review {
    let mut head = Review::new(
        r.id.clone(),
        r.title.clone(),
        r.severity,
        r.kind,
        r.created,
        r.offset,
    );
    head.moments = r.moments.clone();
    head
}

/// The small box of the wide layout that keeps the key numbers in sight
/// while another pane has the focus.
pub fn summary(app: &App, ws: &Workspace, area: Rect, buf: &mut Buffer) {
    let theme = Theme::of(app.theme);
    let inner = list::frame(theme, area, buf, Pane::Details, false, None);
    if inner.is_empty() {
        return;
    }
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let r = &ws.review;
    let m = Metrics::compute(&moments_only(r));
    let found = Check::all(r, &m);
    let short = inner.width < 45;
    let mut when = vec![Span::raw(r.incident_date().format("%-d %b %Y").to_string())];
    if let Some(inc) = &r.incident {
        when.insert(0, Span::raw(format!("{inc} · ")));
    }
    when.push(Span::styled(
        format!(" · times in UTC{}", r.offset),
        theme.muted,
    ));
    let mut lines = vec![Line::from(when)];
    lines.extend(m.spans.iter().map(|s| span_line(theme, s, short)));
    let commander = r
        .people
        .commander
        .as_ref()
        .map_or("no commander named".to_owned(), |c| format!("IC {c}"));
    let people = r.participants.len();
    lines.push(Line::from(vec![
        Span::raw(commander),
        Span::styled(
            format!(
                " · {people} participant{}",
                if people == 1 { "" } else { "s" }
            ),
            theme.muted,
        ),
    ]));
    lines.push(if found.is_empty() {
        Line::styled("✓ nothing to fix before publishing", theme.positive)
    } else {
        Line::styled(
            format!("! {} to check before publishing", found.len()),
            theme.warning,
        )
    });
    super::list::render_lines(lines, inner, buf);
}
