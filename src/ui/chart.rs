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
//! The chart widget gives a dataset one colour and one marker, and does
//! not say which cell it gave to which value. So points are drawn with the
//! line's own marker (they land exactly where the line turns) in stand-in
//! colours, one per impact and one for the selection, and so are the key
//! moments' lines; the cells are then found in the buffer by colour and
//! given their symbol and their theme style, modifiers included, and the
//! columns of the key moments are known for their labels.

use chrono::{DateTime, TimeDelta, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Margin, Rect};
use ratatui::style::{Color, Style};
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

/// The stand-in colour of the points of each impact, in the order of
/// [`IMPACTS`]; replaced after drawing.
const POINT_COLOURS: [Color; 4] = [
    Color::Rgb(1, 222, 0),
    Color::Rgb(1, 222, 1),
    Color::Rgb(1, 222, 2),
    Color::Rgb(1, 222, 3),
];

/// The stand-in colour of the selected point; replaced after drawing.
const SELECTED_COLOUR: Color = Color::Rgb(1, 222, 4);

/// The stand-in colour of each key moment's line, in the order of
/// [`RecoveryChart::markers`]; replaced after drawing.
const MOMENT_COLOURS: [Color; 5] = [
    Color::Rgb(1, 223, 0),
    Color::Rgb(1, 223, 1),
    Color::Rgb(1, 223, 2),
    Color::Rgb(1, 223, 3),
    Color::Rgb(1, 223, 4),
];

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

/// Where the chart puts things: times as seconds from `start`.
struct Scale {
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    /// The lowest and highest distance shown, one spare step beyond the
    /// points on each side, and an even number of steps apart so that
    /// the middle label is a whole step.
    bottom: i32,
    top: i32,
}

impl Scale {
    fn new(chart: &RecoveryChart) -> Option<Scale> {
        let (first, last) = chart.span()?;
        let (start, end) = if first == last {
            (
                first.checked_sub_signed(LONE_INSTANT).unwrap_or(first),
                last.checked_add_signed(LONE_INSTANT).unwrap_or(last),
            )
        } else {
            (first, last)
        };
        let (lo, hi) = chart.distance_range();
        let top = hi + 1;
        let mut bottom = lo - 1;
        if (top - bottom) % 2 != 0 {
            bottom -= 1;
        }
        Some(Scale {
            start,
            end,
            bottom,
            top,
        })
    }

    /// The x of `at`: seconds since the start.
    fn x(&self, at: DateTime<Utc>) -> f64 {
        (at - self.start).num_milliseconds() as f64 / 1000.0
    }

    fn x_bounds(&self) -> [f64; 2] {
        let right = self.x(self.end);
        // A zero-wide range draws nothing; the lone instant is widened
        // above, this only guards against an end before the start.
        [0.0, if right > 0.0 { right } else { 1.0 }]
    }

    fn y_bounds(&self) -> [f64; 2] {
        [f64::from(self.bottom), f64::from(self.top)]
    }

    /// The times under the left end, the middle and the right end.
    fn x_labels(&self, review: &Review, three: bool) -> Vec<String> {
        let day = review.incident_date();
        let label = |at| time(review.offset, day, at);
        let mut labels = vec![label(self.start)];
        if three {
            labels.push(label(self.start + (self.end - self.start) / 2));
        }
        labels.push(label(self.end));
        labels
    }

    /// The distances beside the bottom, the middle and the top.
    fn y_labels(&self) -> Vec<String> {
        let signed = |d: i32| {
            if d > 0 {
                format!("+{d}")
            } else {
                d.to_string()
            }
        };
        vec![
            signed(self.bottom),
            signed((self.bottom + self.top) / 2),
            signed(self.top),
        ]
    }
}

/// Axis labels in the muted style.
fn muted(theme: &Theme, labels: Vec<String>) -> Vec<Line<'static>> {
    labels
        .into_iter()
        .map(|l| Line::styled(l, theme.muted))
        .collect()
}

/// What draws a key moment's line.
fn moment_glyph(braille: bool) -> char {
    if braille { '┆' } else { '|' }
}

/// Draws the chart into `area` and returns, for each key moment, the
/// column its line was drawn in, if it could be found.
fn plot(
    theme: &Theme,
    review: &Review,
    chart: &RecoveryChart,
    selected: usize,
    braille: bool,
    area: Rect,
    buf: &mut Buffer,
) -> Vec<Option<u16>> {
    let mut columns = vec![None; chart.markers.len()];
    let Some(scale) = Scale::new(chart) else {
        return columns;
    };
    if area.height < 3 || area.width < 12 {
        return columns;
    }
    let [bottom, top] = scale.y_bounds();

    let moments: Vec<[(f64, f64); 2]> = chart
        .markers
        .iter()
        .map(|m| {
            let x = scale.x(m.at);
            [(x, bottom), (x, top)]
        })
        .collect();
    // The step line: from the start level, flat until each event, then
    // down or up by its step.
    let mut line = Vec::with_capacity(chart.points.len() * 2 + 1);
    let mut level = 0.0;
    for p in &chart.points {
        let x = scale.x(p.at);
        line.push((x, level));
        level = f64::from(p.distance);
        line.push((x, level));
    }
    let by_impact: Vec<Vec<(f64, f64)>> = IMPACTS
        .iter()
        .map(|&i| {
            chart
                .points
                .iter()
                .filter(|p| p.impact == i)
                .map(|p| (scale.x(p.at), f64::from(p.distance)))
                .collect()
        })
        .collect();
    let chosen = chart.points.get(selected);
    let chosen_point: Vec<(f64, f64)> = chosen
        .map(|p| (scale.x(p.at), f64::from(p.distance)))
        .into_iter()
        .collect();

    // Bottom to top: key moments, the line, the points, the selection.
    // Points are drawn with the line's marker, so that they fall in the
    // very cells where the line turns, and coloured with stand-ins.
    let marker = if braille {
        symbols::Marker::Braille
    } else {
        symbols::Marker::Dot
    };
    let mut datasets: Vec<Dataset> = moments
        .iter()
        .zip(MOMENT_COLOURS)
        .map(|(data, colour)| {
            Dataset::default()
                .data(data)
                .graph_type(GraphType::Line)
                .marker(symbols::Marker::Custom(moment_glyph(braille)))
                .style(Style::new().fg(colour))
        })
        .collect();
    datasets.push(
        Dataset::default()
            .data(&line)
            .graph_type(GraphType::Line)
            .marker(marker)
            .style(Style::new().fg(theme.info.fg.unwrap_or(Color::Reset))),
    );
    for (points, colour) in by_impact.iter().zip(POINT_COLOURS) {
        datasets.push(
            Dataset::default()
                .data(points)
                .graph_type(GraphType::Scatter)
                .marker(marker)
                .style(Style::new().fg(colour)),
        );
    }
    datasets.push(
        Dataset::default()
            .data(&chosen_point)
            .graph_type(GraphType::Scatter)
            .marker(marker)
            .style(Style::new().fg(SELECTED_COLOUR)),
    );

    let three = area.width >= 40;
    let x_axis = Axis::default()
        .bounds(scale.x_bounds())
        .labels(muted(theme, scale.x_labels(review, three)))
        .labels_alignment(Alignment::Center)
        .style(theme.border);
    let y_axis = Axis::default()
        .bounds(scale.y_bounds())
        .labels(muted(theme, scale.y_labels()))
        .labels_alignment(Alignment::Right)
        .style(theme.border);
    Chart::new(datasets)
        .style(theme.overlay)
        .legend_position(None)
        .x_axis(x_axis)
        .y_axis(y_axis)
        .render(area, buf);

    // Put what the stand-ins held in their place.
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let Some(cell) = buf.cell_mut((x, y)) else {
                continue;
            };
            let (symbol, style) = if cell.fg == SELECTED_COLOUR {
                let Some(p) = chosen else { continue };
                (
                    Some(p.impact.symbol()),
                    theme.impact(p.impact).patch(theme.selected),
                )
            } else if let Some(&impact) = POINT_COLOURS
                .iter()
                .position(|c| *c == cell.fg)
                .and_then(|i| IMPACTS.get(i))
            {
                (Some(impact.symbol()), theme.impact(impact))
            } else if let Some(i) = MOMENT_COLOURS.iter().position(|c| *c == cell.fg) {
                if let Some(column) = columns.get_mut(i) {
                    column.get_or_insert(x);
                }
                (None, theme.muted)
            } else {
                continue;
            };
            if let Some(symbol) = symbol {
                cell.set_symbol(symbol);
            }
            cell.set_fg(Color::Reset).set_style(style);
        }
    }
    columns
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
mod tests {
    use std::path::Path;

    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::buffer::Cell;
    use ratatui::style::Modifier;

    use super::*;
    use crate::domain::{Event, Moment, Offset, ReviewKind, Severity, Source, Text};
    use crate::store::codec::decode;
    use crate::ui::theme::{DARK, LIGHT, MONO};

    fn example() -> Review {
        decode(
            include_str!("../../assets/example-review.ron"),
            Path::new("example-review.ron"),
        )
        .expect("the example review decodes")
    }

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn blank() -> Review {
        Review::new(
            "r".into(),
            Text::new("A quiet incident"),
            Severity::Sev3,
            ReviewKind::Quick,
            at("2026-11-23T20:00:00Z"),
            Offset::UTC,
        )
    }

    /// A review with one unjudged event, and a key moment at the same
    /// instant: nothing to spread along x.
    fn one_event() -> Review {
        let mut r = blank();
        let t = at("2026-11-23T16:00:00Z");
        r.add_event(Event::new(
            t,
            Text::new("The only thing that happened"),
            Source::Typed,
        ));
        r.moments.set(Moment::Detected, Some(t));
        r
    }

    fn render(
        theme: &Theme,
        review: &Review,
        selected: usize,
        braille: bool,
        w: u16,
        h: u16,
    ) -> Buffer {
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        draw(
            theme,
            &Keymap::defaults(),
            review,
            selected,
            braille,
            area,
            &mut buf,
        );
        buf
    }

    fn rows(buf: &Buffer) -> Vec<String> {
        let area = buf.area;
        (area.top()..area.bottom())
            .map(|y| {
                (area.left()..area.right())
                    .map(|x| buf.cell((x, y)).map_or(" ", Cell::symbol))
                    .collect()
            })
            .collect()
    }

    fn row_of(rows: &[String], needle: &str) -> Option<usize> {
        rows.iter().position(|r| r.contains(needle))
    }

    fn is_braille(c: char) -> bool {
        ('\u{2800}'..='\u{28FF}').contains(&c)
    }

    /// The rows of the plot: between the moments' labels and the x axis.
    fn plot_rows(rows: &[String]) -> &[String] {
        let axis = row_of(rows, "└").expect("an x axis");
        &rows[3..axis]
    }

    #[test]
    fn the_selected_event_is_described_below_the_chart() {
        let review = example();
        for (w, h) in [(80, 24), (160, 48)] {
            let rows = rows(&render(&DARK, &review, 2, true, w, h));
            let axis = row_of(&rows, "└").expect("an x axis");
            let header = row_of(&rows, "point 3/16").expect("the position");
            let text = row_of(&rows, "Alert CheckoutErrorRateHigh fired").expect("the text");
            assert!(
                axis < header && header < text,
                "{w}x{h}: {axis} {header} {text}"
            );
            // The time in the review's offset (14:02 UTC at +01:00), no
            // actor, the impact and the phase.
            for part in ["15:02", "nobody named", "+ positive", "detection"] {
                assert!(
                    rows[header].contains(part),
                    "{w}x{h}: {part} in {}",
                    rows[header]
                );
            }
            // The text is wrapped, never cut at the edge.
            assert!(
                rows.iter()
                    .any(|r| r.contains("paged the payments on-call."))
            );
        }
    }

    #[test]
    fn an_actor_is_named_and_a_long_text_wraps() {
        let review = example();
        let chart = recovery_chart(&review);
        let i = chart
            .points
            .iter()
            .position(|p| p.text.starts_with("kubectl"))
            .expect("the restart event");
        let rows = rows(&render(&DARK, &review, i, true, 80, 24));
        let header = row_of(&rows, &format!("point {}/16", i + 1)).expect("the position");
        let actor = review.timeline[i]
            .actor
            .as_ref()
            .expect("an actor")
            .to_string();
        assert!(rows[header].contains(&actor), "{}", rows[header]);
        assert!(rows[header].contains("- negative"), "{}", rows[header]);
        assert!(row_of(&rows, "kubectl -n payments rollout restart").is_some());
    }

    #[test]
    fn the_unjudged_events_are_counted() {
        let review = example();
        assert_eq!(recovery_chart(&review).unjudged, 2);
        let rows = rows(&render(&DARK, &review, 0, true, 80, 24));
        assert!(row_of(&rows, "2 not judged yet").is_some());
        assert!(row_of(&rows, "? not judged").is_some(), "the legend");
    }

    #[test]
    fn an_empty_timeline_says_what_to_do() {
        for (w, h) in [(80, 24), (160, 48), (30, 10)] {
            let rows = rows(&render(&DARK, &blank(), 0, true, w, h));
            let all = rows.join(" ");
            assert!(all.contains("No events yet"), "{w}x{h}");
            let inside = rows[2..usize::from(h) - 2].join("");
            assert!(
                !inside.contains('└') && !inside.contains("point"),
                "no chart at {w}x{h}"
            );
            assert!(
                !all.contains("Enter"),
                "only closing makes sense at {w}x{h}"
            );
        }
        let rows = rows(&render(&DARK, &blank(), 0, true, 80, 24));
        assert!(row_of(&rows, EMPTY).is_some());
        // Centred, roughly halfway down.
        let y = row_of(&rows, EMPTY).unwrap_or_default();
        assert!((10..=13).contains(&y), "{y}");
    }

    #[test]
    fn no_size_and_no_selection_panics() {
        let sizes = [
            (0, 0),
            (1, 1),
            (10, 3),
            (30, 8),
            (79, 23),
            (80, 24),
            (160, 48),
            (300, 90),
        ];
        for review in [example(), one_event(), blank()] {
            for (w, h) in sizes {
                for selected in [0, 5, usize::MAX] {
                    for braille in [true, false] {
                        render(&DARK, &review, selected, braille, w, h);
                    }
                }
            }
        }
    }

    #[test]
    fn a_selection_past_the_end_is_the_last_point() {
        let rows = rows(&render(&DARK, &example(), usize::MAX, true, 80, 24));
        assert!(row_of(&rows, "point 16/16").is_some());
        assert!(row_of(&rows, "Payments reconciliation run finished").is_some());
    }

    #[test]
    fn one_event_at_one_instant_is_drawn_in_the_middle() {
        let rows = rows(&render(&DARK, &one_event(), 0, false, 80, 24));
        assert!(row_of(&rows, "point 1/1").is_some());
        assert!(row_of(&rows, "The only thing that happened").is_some());
        // The range is widened around the instant, so the labels differ.
        let labels = row_of(&rows, "16:00").expect("the instant in the middle");
        assert!(rows[labels].contains("15:55") && rows[labels].contains("16:05"));
        let plot = plot_rows(&rows);
        assert!(plot.iter().any(|r| r.contains('?')), "the unjudged point");
        let line = plot.iter().find(|r| r.contains('?')).expect("a point");
        let x = line.chars().position(|c| c == '?').unwrap_or_default();
        assert!((30..=50).contains(&x), "in the middle: {x}");
    }

    #[test]
    fn plain_characters_have_no_braille_and_braille_has_some() {
        for review in [example(), one_event()] {
            let plain = rows(&render(&MONO, &review, 0, false, 80, 24)).join("");
            assert!(!plain.chars().any(is_braille), "{plain}");
        }
        let plain = rows(&render(&MONO, &example(), 0, false, 160, 48)).join("");
        assert!(!plain.chars().any(is_braille));
        let braille = rows(&render(&DARK, &example(), 0, true, 80, 24)).join("");
        assert!(braille.chars().any(is_braille));
    }

    #[test]
    fn impacts_read_without_colour() {
        let rows = rows(&render(&MONO, &example(), 0, false, 80, 24));
        let plot = plot_rows(&rows).join("");
        for symbol in ['+', '-', '=', '?'] {
            assert!(plot.contains(symbol), "{symbol} on the chart");
        }
        assert!(row_of(&rows, "+ positive  - negative  = neutral  ? not judged").is_some());
    }

    #[test]
    fn the_selected_point_is_reversed() {
        let review = example();
        let chart = recovery_chart(&review);
        for theme in [&DARK, &LIGHT, &MONO] {
            for (i, p) in chart.points.iter().enumerate() {
                let buf = render(theme, &review, i, true, 160, 48);
                let reversed: Vec<&Cell> = buf
                    .content()
                    .iter()
                    .filter(|c| c.modifier.contains(Modifier::REVERSED))
                    .collect();
                assert_eq!(reversed.len(), 1, "point {i}");
                assert_eq!(reversed[0].symbol(), p.impact.symbol(), "point {i}");
            }
        }
    }

    #[test]
    fn key_moments_are_labelled_above_their_lines() {
        let rows = rows(&render(&DARK, &example(), 0, true, 160, 48));
        let labels = &rows[2];
        for name in ["started", "acknowledged", "mitigated", "resolved"] {
            let x = labels
                .find(name)
                .unwrap_or_else(|| panic!("{name} in {labels}"));
            let start = labels[..x].chars().count();
            let below: String = rows[3].chars().skip(start).take(name.len()).collect();
            assert!(below.contains('┆'), "{name} above its line: {below:?}");
        }
        // Detected is five minutes before acknowledged: only its initial
        // fits, and the notes say what it stands for.
        assert!(labels.contains(" D "), "{labels}");
        assert!(row_of(&rows, "D\u{a0}detected\u{a0}15:02").is_some());
        // Times are in the review's offset.
        assert!(row_of(&rows, "times in UTC+01:00").is_some());
        assert!(row_of(&rows, "14:48").is_some() && row_of(&rows, "16:20").is_some());
    }

    #[test]
    fn stand_in_colours_never_show() {
        let stand_ins: Vec<Color> = POINT_COLOURS
            .into_iter()
            .chain(MOMENT_COLOURS)
            .chain([SELECTED_COLOUR])
            .collect();
        for review in [example(), one_event()] {
            for (w, h) in [(80, 24), (160, 48), (30, 8)] {
                for braille in [true, false] {
                    let buf = render(&DARK, &review, 3, braille, w, h);
                    for cell in buf.content() {
                        assert!(!stand_ins.contains(&cell.fg), "{w}x{h}: {cell:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn nothing_is_drawn_outside_the_area() {
        let review = example();
        for area in [
            Rect::new(5, 3, 80, 24),
            Rect::new(0, 0, 160, 48),
            Rect::new(2, 1, 20, 6),
        ] {
            let whole = Rect::new(0, 0, 170, 55);
            let mut buf = Buffer::filled(whole, Cell::new("x"));
            draw(&DARK, &Keymap::defaults(), &review, 4, true, area, &mut buf);
            for y in whole.top()..whole.bottom() {
                for x in whole.left()..whole.right() {
                    if area.contains((x, y).into()) {
                        continue;
                    }
                    let cell = buf.cell((x, y)).expect("inside the buffer");
                    assert_eq!(cell, &Cell::new("x"), "({x}, {y}) outside {area:?}");
                }
            }
        }
    }

    #[test]
    fn the_key_hints_are_on_the_bottom_border() {
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
        let review = example();
        terminal
            .draw(|frame| {
                let area = frame.area();
                draw(
                    &DARK,
                    &Keymap::defaults(),
                    &review,
                    0,
                    true,
                    area,
                    frame.buffer_mut(),
                );
            })
            .expect("drawn");
        let rows = rows(terminal.backend().buffer());
        let bottom = &rows[22];
        for hint in ["←/→ point", "Enter go to event", "Esc close"] {
            assert!(bottom.contains(hint), "{hint} in {bottom}");
        }
        assert!(rows[1].contains("Recovery chart"));
    }
}
