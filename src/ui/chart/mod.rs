//! The recovery chart as a full-screen overlay: the timeline plotted
//! against the distance from recovery, as [`crate::domain::chart`] models
//! it and as the SVG report draws it.
//!
//! ```text
//! ┌ Recovery chart · times in UTC+01:00 ───────────────────── 2 not judged yet ┐
//! │        started D  acknowledged                    mitigated       resolved │
//! │  +1│   ┆       ┆  ┆                               ┆                      ┆ │
//! │    │?⠉⠉=⠉⠉⠉⠉⠉⠉+⣀⣀⣀⣀                               ┆                      ┆ │
//! │    │   ┆       ┆  +⣀⣀                             ┆                      ┆ │
//! │    │   ┆       ┆  ┆ +⠤⡄                           ┆                      ┆ │
//! │    │   ┆       ┆  ┆   +⠤=⠤?⠤⡄  -⠤⠤⠤⠤⠤⠤⡄           ┆                      ┆ │
//! │  -5│   ┆       ┆  ┆         +⠤⠤⠇      +⠤⢤         ┆                      ┆ │
//! │    │   ┆       ┆  ┆                     +⠒⠒⠒⡆     ┆                      ┆ │
//! │    │   ┆       ┆  ┆                         +⠒⠒⠒⠒⠒⡆                      ┆ │
//! │    │   ┆       ┆  ┆                               +⠉⠉⠉=⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⢹ │
//! │    │   ┆       ┆  ┆                               ┆                      + │
//! │ -11│   ┆       ┆  ┆                               ┆                      ┆ │
//! │    └────────────────────────────────────────────────────────────────────── │
//! │   14:48                             15:34                            16:20 │
//! │ + positive  - negative  = neutral  ? not judged  ┆ key moment              │
//! │ lower is closer to recovery · S started 14:52 · D detected 15:02 ·         │
//! │ A acknowledged 15:07 · M mitigated 15:49 · R resolved 16:20                │
//! │ point 3/16 · 15:02 · nobody named · + positive · detection                 │
//! │ Alert CheckoutErrorRateHigh fired (error rate above 5% for 10 minutes) and │
//! │ paged the payments on-call.                                                │
//! └ ←/→ point  Enter go to event  Esc close ───────────────────────────────────┘
//! ```
//!
//! x is time, from the earliest event or key moment to the latest, labelled
//! with wall-clock times in the review's offset. y is the distance from
//! recovery, upwards: an event that helped steps the line down, a setback
//! steps it up. Every event is a point drawn with its impact's symbol
//! (`+`, `-`, `=`, `?`), so impacts read without colour; the selected
//! point is reversed. Key moments are dashed vertical lines, labelled in
//! the row above the chart by name, or by initial where names would
//! collide; the notes below say when each was. Without braille, the line
//! is drawn with dots and the key moments with `|`.
//!
//! The chart widget does not say which cell it gave to which value. So
//! each layer (a key moment's line, the points of one impact, the selected
//! point) is also drawn alone into a scratch buffer, and the cells where it
//! differs from the bare axes are where that layer lands: the points take
//! their symbol and their theme style there (they are drawn with the
//! line's own marker, so they fall exactly where the line turns), and the
//! columns of the key moments are known for their labels.

mod plot;

use chrono::{DateTime, TimeDelta, Utc};
use plot::{moment_glyph, plot};
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Margin, Rect};
use ratatui::style::Style;
use ratatui::symbols;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Axis, Block, Chart, Dataset, GraphType, Paragraph, Widget, Wrap};

use super::layout::{backdrop, centered};
use super::list::render_lines;
use super::text::{ELLIPSIS, clean, fit, wrap, wrap_line};
use super::theme::Theme;
use super::timeline::{impact as impact_span, time};
use crate::app::commands::{CommandId, Scope};
use crate::app::keymap::Keymap;
use crate::domain::{Impact, RecoveryChart, Review, recovery_chart};

/// Shown instead of a chart when the timeline is empty.
pub const EMPTY: &str = "No events yet: add events to the timeline, then judge their impact";

/// The rows the chart keeps, its axis and labels included, when the text
/// below it has to shrink to make room.
const MIN_CHART_ROWS: u16 = 8;

/// How far the x range is widened on each side when everything happened
/// at one instant, so that the instant sits in the middle.
const LONE_INSTANT: TimeDelta = TimeDelta::minutes(5);

/// The impacts in the order their points are drawn and listed.
const IMPACTS: [Impact; 4] = [
    Impact::Positive,
    Impact::Negative,
    Impact::Neutral,
    Impact::Unjudged,
];

/// Draws the recovery chart as a full-screen overlay view over `area`
/// (like the preview overlay: backdrop, bordered block with a title,
/// key hints at the bottom border). `selected` is the index into
/// `recovery_chart(review).points` of the highlighted point (clamped).
/// `braille` chooses braille markers; false uses plain characters
/// (for monochrome / terminals without braille).
pub fn draw(
    theme: &Theme,
    keymap: &Keymap,
    review: &Review,
    selected: usize,
    braille: bool,
    area: Rect,
    buf: &mut Buffer,
) {
    let chart = recovery_chart(review);
    let popup = centered(
        area,
        area.width.saturating_sub(2),
        area.height.saturating_sub(2),
    );
    backdrop(theme, area, popup, buf);
    let judged = if chart.unjudged > 0 {
        Line::styled(
            format!(" {} not judged yet ", chart.unjudged),
            theme.warning,
        )
    } else if chart.is_empty() {
        Line::default()
    } else {
        Line::styled(" every event judged ", theme.muted)
    };
    let block = Block::bordered()
        .style(theme.overlay)
        .border_style(theme.border_focused)
        .title(Line::from(vec![
            Span::styled(" Recovery chart ", theme.pane_title_focused),
            Span::styled(format!("· times in UTC{} ", review.offset), theme.muted),
        ]))
        .title_top(judged.right_aligned())
        .title_bottom(hints(theme, keymap, !chart.is_empty()));
    let inner = block.inner(popup).inner(Margin::new(1, 0));
    block.render(popup, buf);
    if inner.is_empty() {
        return;
    }
    if chart.is_empty() {
        empty(theme, inner, buf);
        return;
    }
    let selected = selected.min(chart.points.len() - 1);
    body(theme, review, &chart, selected, braille, inner, buf);
}

/// The keys at the bottom border, from the chart's commands; only
/// closing when there is no point.
fn hints(theme: &Theme, keymap: &Keymap, points: bool) -> Line<'static> {
    let key = |id| {
        keymap
            .keys(Scope::Chart, id)
            .first()
            .map(ToString::to_string)
            .unwrap_or_default()
    };
    let mut keys = Vec::new();
    if points {
        keys.push((
            format!("{}/{}", key(CommandId::Up), key(CommandId::Down)),
            "point",
        ));
        keys.push((key(CommandId::GoToEvent), "go to event"));
    }
    keys.push((key(CommandId::Close), "close"));
    let mut spans = Vec::new();
    for (key, what) in keys {
        spans.push(Span::styled(format!(" {key}"), theme.key));
        spans.push(Span::styled(format!(" {what} "), theme.muted));
    }
    Line::from(spans)
}

/// The message for an empty timeline, centred.
fn empty(theme: &Theme, inner: Rect, buf: &mut Buffer) {
    let text = Text::from(Line::styled(EMPTY, theme.text)).centered();
    let lines = wrap(EMPTY, usize::from(inner.width)).len() as u16;
    let height = lines.min(inner.height);
    let rect = Rect {
        y: inner.y + (inner.height - height) / 2,
        height,
        ..inner
    };
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .render(rect, buf);
}

/// Takes up to `want` rows from `budget`, and says how many it took.
fn take(budget: &mut u16, want: u16) -> u16 {
    let got = want.min(*budget);
    *budget -= got;
    got
}

/// The chart and what goes with it, in `inner`: the key moments' labels
/// above, the legend and the selected event below.
fn body(
    theme: &Theme,
    review: &Review,
    chart: &RecoveryChart,
    selected: usize,
    braille: bool,
    inner: Rect,
    buf: &mut Buffer,
) {
    let width = usize::from(inner.width);
    let header = details_header(theme, review, chart, selected);
    let text = details_text(review, chart, selected, width);
    let legend = legend(theme, braille);
    let notes = wrap_line(&notes(theme, review, chart), width, 2);

    // Rows: the chart keeps a minimum; then the event's first line, the
    // legend, the notes and the rest of the event's text, in that order.
    let labels_row = u16::from(!chart.markers.is_empty());
    let mut budget = inner
        .height
        .saturating_sub(labels_row)
        .saturating_sub(MIN_CHART_ROWS);
    let header_rows = take(&mut budget, 1);
    let mut text_rows = take(&mut budget, u16::from(!text.is_empty()));
    let legend_rows = take(&mut budget, 1);
    let notes_rows = take(&mut budget, notes.len() as u16);
    let most_text: u16 = if inner.height >= 30 { 6 } else { 3 };
    let more = (text.len() as u16).min(most_text).saturating_sub(text_rows);
    text_rows += take(&mut budget, more);
    let below = header_rows + text_rows + legend_rows + notes_rows;
    let chart_rows = inner.height.saturating_sub(labels_row + below);

    let mut y = inner.y;
    let mut next = |rows: u16| {
        let rect = Rect {
            y,
            height: rows,
            ..inner
        };
        y += rows;
        rect
    };
    let labels_area = next(labels_row);
    let chart_area = next(chart_rows);
    let legend_area = next(legend_rows);
    let notes_area = next(notes_rows);
    let header_area = next(header_rows);
    let text_area = next(text_rows);

    let columns = plot(theme, review, chart, selected, braille, chart_area, buf);
    moment_labels(theme, chart, &columns, labels_area, buf);
    render_lines([legend], legend_area, buf);
    render_lines(notes, notes_area, buf);
    render_lines([header], header_area, buf);
    let shown = cut(text, usize::from(text_rows), width);
    render_lines(shown.into_iter().map(Line::raw), text_area, buf);
}

/// `lines` cut to `rows`, the last one ending in "…" when some were left.
fn cut(mut lines: Vec<String>, rows: usize, width: usize) -> Vec<String> {
    if lines.len() > rows {
        lines.truncate(rows);
        if let Some(last) = lines.last_mut() {
            *last = fit(&format!("{last} {ELLIPSIS}"), width);
        }
    }
    lines
}

/// The key moments' names in the row above the chart, each starting at
/// its line's column: in full where there is room before the next one,
/// else by their initial.
fn moment_labels(
    theme: &Theme,
    chart: &RecoveryChart,
    columns: &[Option<u16>],
    row: Rect,
    buf: &mut Buffer,
) {
    if row.is_empty() {
        return;
    }
    let mut found: Vec<(u16, &'static str)> = chart
        .markers
        .iter()
        .zip(columns)
        .filter_map(|(m, c)| Some(((*c)?, m.moment.label())))
        .collect();
    found.sort_by_key(|(c, _)| *c);
    let right = row.right();
    // The first column a label may start in.
    let mut free = row.left();
    for (i, (column, name)) in found.iter().enumerate() {
        // A full name must end before the next moment's column, with a
        // space after it; the last one only has to fit.
        let limit = found
            .get(i + 1)
            .map_or(right.saturating_add(1), |(c, _)| *c);
        let gap = u16::from(free > row.left());
        let w = name.len() as u16;
        let start = (*column).min(right.saturating_sub(w));
        if start >= free + gap && start + w < limit {
            buf.set_string(start, row.y, *name, theme.heading);
            free = start + w;
        } else if *column >= free && *column < right {
            buf.set_string(*column, row.y, initial(name), theme.heading);
            free = *column + 1;
        }
    }
}

/// The first letter of a moment's name, in upper case.
fn initial(name: &str) -> String {
    name.chars().take(1).flat_map(char::to_uppercase).collect()
}

/// One line: what each mark on the chart means, without colour.
fn legend(theme: &Theme, braille: bool) -> Line<'static> {
    let mut spans = Vec::new();
    for i in IMPACTS {
        let name = if i == Impact::Unjudged {
            "not judged"
        } else {
            i.label()
        };
        spans.push(Span::styled(i.symbol().to_owned(), theme.impact(i)));
        spans.push(Span::styled(format!(" {name}  "), theme.muted));
    }
    spans.push(Span::styled(moment_glyph(braille).to_string(), theme.muted));
    spans.push(Span::styled(" key moment", theme.muted));
    Line::from(spans)
}

/// How to read the y axis, and when each key moment was, by the initial
/// it may have above the chart.
fn notes(theme: &Theme, review: &Review, chart: &RecoveryChart) -> Line<'static> {
    let day = review.incident_date();
    let mut spans = vec![Span::styled("lower is closer to recovery", theme.muted)];
    for m in &chart.markers {
        spans.push(Span::styled(" · ", theme.muted));
        let name = m.moment.label();
        spans.push(Span::styled(initial(name), theme.heading));
        // No-break spaces keep a moment, its name and its time together
        // when the line wraps.
        spans.push(Span::styled(
            format!("\u{a0}{name}\u{a0}{}", time(review.offset, day, m.at)),
            theme.muted,
        ));
    }
    Line::from(spans)
}

/// "point 3/16 · 15:02 · gary · + positive · detection".
fn details_header(
    theme: &Theme,
    review: &Review,
    chart: &RecoveryChart,
    selected: usize,
) -> Line<'static> {
    let Some(point) = chart.points.get(selected) else {
        return Line::default();
    };
    let dot = || Span::styled(" · ", theme.muted);
    let day = review.incident_date();
    let event = review.event(point.id);
    let actor = event.and_then(|e| e.actor.as_ref());
    let phase = event.and_then(|e| e.phase);
    Line::from(vec![
        Span::styled(
            format!("point {}/{}", selected + 1, chart.points.len()),
            theme.heading,
        ),
        dot(),
        Span::styled(time(review.offset, day, point.at), theme.text),
        dot(),
        match actor {
            Some(a) => Span::styled(clean(a.as_str()).into_owned(), theme.text),
            None => Span::styled("nobody named", theme.muted),
        },
        dot(),
        impact_span(theme, point.impact),
        dot(),
        match phase {
            Some(p) => Span::styled(p.label(), theme.text),
            None => Span::styled("no phase", theme.muted),
        },
    ])
}

/// The selected event's text, wrapped to `width`.
fn details_text(
    review: &Review,
    chart: &RecoveryChart,
    selected: usize,
    width: usize,
) -> Vec<String> {
    let Some(point) = chart.points.get(selected) else {
        return Vec::new();
    };
    let text = review
        .event(point.id)
        .map_or(point.text.as_str(), |e| e.text.as_str());
    let cleaned: String = text
        .split('\n')
        .map(|l| clean(l).into_owned())
        .collect::<Vec<_>>()
        .join("\n");
    wrap(&cleaned, width)
}

#[cfg(test)]
mod tests;
