//! Pane 6: the review's fields, key moments, summary, participants and
//! notes as a list to pick from (Enter edits the row), beside the metrics
//! and the warnings before publishing.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::list::{self, fit_line};
use super::metrics;
use super::text::{one_line, wrap_line};
use super::theme::Theme;
use super::timeline::time;
use crate::app::state::{Cursor, DetailRow};
use crate::app::{App, Pane, Workspace};
use crate::domain::{Check, Metrics, Moment, Review};

/// The width of the labels on the left of each row.
const LABEL: u16 = 13;

/// One row of the list: its label and its lines.
struct Row {
    label: &'static str,
    lines: Vec<Line<'static>>,
}

fn dot(theme: &Theme) -> Span<'static> {
    Span::styled(" · ", theme.muted)
}

fn review_row(theme: &Theme, r: &Review, width: usize) -> Row {
    let mut facts = vec![
        Span::styled(
            format!(" {} ", r.severity.label().to_uppercase()),
            theme.severity(r.severity),
        ),
        Span::raw(format!(" {}", r.severity.priority())),
        dot(theme),
        Span::raw(r.status.label()),
        dot(theme),
        Span::raw(format!("{} review", r.kind.label())),
    ];
    for inc in r.incident.iter().chain(&r.incidents) {
        facts.extend([dot(theme), Span::raw(inc.to_string())]);
    }
    for tag in &r.tags {
        facts.extend([dot(theme), Span::styled(format!("#{tag}"), theme.muted)]);
    }
    facts.extend([
        dot(theme),
        Span::styled(
            format!(
                "{} · times in UTC{}",
                r.incident_date().format("%-d %b %Y"),
                r.offset
            ),
            theme.muted,
        ),
    ]);
    let mut lines = wrap_line(&Line::styled(r.title.to_string(), theme.title), width, 2);
    lines.extend(wrap_line(&Line::from(facts), width, 2));
    Row {
        label: "Review",
        lines,
    }
}

fn moments_row(theme: &Theme, r: &Review, width: usize) -> Row {
    let day = r.incident_date();
    let mut lines: Vec<Line> = Moment::ALL
        .iter()
        .map(|m| {
            let at = match r.moments.get(*m) {
                Some(at) => Span::raw(time(r.offset, day, at)),
                None => Span::styled("not set", theme.warning),
            };
            Line::from(vec![
                Span::styled(format!("{:<15}", m.describe()), theme.label),
                at,
            ])
        })
        .collect();
    let p = &r.people;
    let named: Vec<Span> = [
        ("detected by", &p.detected_by),
        ("alerted first", &p.alerted_first),
        ("commander", &p.commander),
        ("facilitator", &p.facilitator),
    ]
    .into_iter()
    .filter_map(|(what, who)| who.as_ref().map(|w| (what, w)))
    .enumerate()
    .flat_map(|(i, (what, who))| {
        let sep = if i == 0 { "" } else { " · " };
        [
            Span::styled(format!("{sep}{what} "), theme.label),
            Span::raw(who.to_string()),
        ]
    })
    .collect();
    if named.is_empty() {
        lines.push(Line::styled(
            "nobody named at the key moments yet",
            theme.muted,
        ));
    } else {
        lines.extend(wrap_line(&Line::from(named), width, 2));
    }
    Row {
        label: "Key moments",
        lines,
    }
}

fn summary_row(theme: &Theme, r: &Review, width: usize, most: usize) -> Row {
    let s = &r.summary;
    let mut lines = if s.summary.trim().is_empty() {
        vec![Line::styled("no summary yet", theme.warning)]
    } else {
        wrap_line(&Line::raw(one_line(&s.summary).into_owned()), width, most)
    };
    let services = if s.services.is_empty() {
        Line::styled("services impacted: none named", theme.warning)
    } else {
        let names: Vec<&str> = s.services.iter().map(|t| t.as_str()).collect();
        Line::from(vec![
            Span::styled("services ", theme.label),
            Span::raw(names.join(", ")),
        ])
    };
    lines.extend(wrap_line(&services, width, most.min(2)));
    let empty: Vec<&str> = [
        ("customer impact", &s.customer_impact),
        ("SLA impact", &s.sla_impact),
        ("proximate cause", &s.proximate_cause),
        ("resolution", &s.resolution),
    ]
    .into_iter()
    .filter(|(_, v)| v.trim().is_empty())
    .map(|(name, _)| name)
    .collect();
    let rest = if empty.is_empty() {
        Line::styled(
            "customer impact, SLA impact, proximate cause, resolution: written",
            theme.muted,
        )
    } else {
        Line::styled(format!("still empty: {}", empty.join(", ")), theme.warning)
    };
    lines.extend(wrap_line(&rest, width, 2));
    Row {
        label: "Summary",
        lines,
    }
}

/// A row's lines for a text `width` cells wide; long texts take up to
/// `most` lines.
/// `notes`: whether the facilitator's private notes may be shown.
fn row(theme: &Theme, r: &Review, which: DetailRow, width: usize, most: usize, notes: bool) -> Row {
    match which {
        DetailRow::Review => review_row(theme, r, width),
        DetailRow::Moments => moments_row(theme, r, width),
        DetailRow::Summary => summary_row(theme, r, width, most),
        DetailRow::Participant(i) => {
            let line = match r.participants.get(i) {
                Some(p) => Line::from(vec![
                    Span::raw(p.name.to_string()),
                    Span::styled(format!(" · {}", p.role.label()), theme.muted),
                ]),
                None => Line::default(),
            };
            Row {
                label: if i == 0 { "People" } else { "" },
                lines: vec![line],
            }
        }
        DetailRow::Notes => Row {
            label: "Notes",
            lines: if !notes {
                vec![Line::styled("private to the facilitator", theme.muted)]
            } else if r.notes.trim().is_empty() {
                vec![Line::styled(
                    "none (private: never in a report)",
                    theme.muted,
                )]
            } else {
                wrap_line(&Line::raw(one_line(&r.notes).into_owned()), width, most)
            },
        },
    }
}

/// The first row to show so that the selected one fits in `height` lines.
fn first_shown(cursor: Cursor, heights: &[usize], height: usize) -> usize {
    let Some(last) = heights.len().checked_sub(1) else {
        return 0;
    };
    let selected = cursor.selected.min(last);
    let mut start = cursor.offset.min(selected);
    while start < selected && heights[start..=selected].iter().sum::<usize>() > height {
        start += 1;
    }
    start
}

/// The rows of the details as laid out in `area`: each row's lines, and
/// for each row shown its index and the screen lines it covers. The
/// summary row, selected in the focused pane, also says what the coach
/// flags in the summary's texts and what the room reframed in them, as a
/// list's selected item does.
fn lay_out(
    app: &App,
    ws: &Workspace,
    area: Rect,
    focused: bool,
) -> (Vec<(DetailRow, Row)>, Vec<Placed>) {
    let theme = Theme::of(app.theme);
    let notes = app.audience.sees_notes();
    let r = &ws.review;
    let text_x = area.x + list::MARKER + LABEL;
    let text_width = usize::from(area.right().saturating_sub(text_x + 1));
    let most = if area.height >= 20 { 3 } else { 1 };
    let selected = ws.selected(Pane::Details);
    let mut rows: Vec<(DetailRow, Row)> = ws
        .detail_rows()
        .into_iter()
        .map(|d| (d, row(theme, r, d, text_width, most, notes)))
        .collect();
    if focused && let Some((DetailRow::Summary, row)) = selected.and_then(|i| rows.get_mut(i)) {
        let said = super::coach::summary_flags(app, theme, &r.summary);
        let lines = std::mem::take(&mut row.lines);
        row.lines =
            super::coach::with_flags(theme, lines, &said, text_width, most, area.height.into());
    }
    let heights: Vec<usize> = rows.iter().map(|(_, row)| row.lines.len() + 1).collect();
    let start = first_shown(ws.cursor(Pane::Details), &heights, usize::from(area.height));
    let mut placed = Vec::new();
    let mut y = area.y;
    for (i, (_, row)) in rows.iter().enumerate().skip(start) {
        if y >= area.bottom() {
            break;
        }
        let top = y;
        y = (y + row.lines.len() as u16).min(area.bottom());
        placed.push(Placed {
            index: i,
            lines: top..y,
        });
        // A blank line between rows, but people stay together.
        let next_is_person =
            matches!(rows.get(i + 1), Some((DetailRow::Participant(n), _)) if *n > 0);
        if !next_is_person {
            y += 1;
        }
    }
    (rows, placed)
}

/// A row of the details on screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placed {
    /// Which row, counted as the cursor counts them.
    pub index: usize,
    /// The screen lines it covers.
    pub lines: std::ops::Range<u16>,
}

fn draw_rows(app: &App, ws: &Workspace, area: Rect, buf: &mut Buffer, focused: bool) {
    let theme = Theme::of(app.theme);
    let text_x = area.x + list::MARKER + LABEL;
    let text_width = area.right().saturating_sub(text_x + 1);
    let (rows, placed) = lay_out(app, ws, area, focused);
    let selected = ws
        .cursor(Pane::Details)
        .selected
        .min(rows.len().saturating_sub(1));
    for at in placed {
        let row = &rows[at.index].1;
        let label = Line::styled(row.label, theme.label);
        label.render(
            Rect::new(area.x + list::MARKER, at.lines.start, LABEL - 1, 1),
            buf,
        );
        for (y, line) in at.lines.clone().zip(&row.lines) {
            fit_line(line.clone(), usize::from(text_width))
                .render(Rect::new(text_x, y, text_width, 1), buf);
        }
        if at.index == selected {
            let bar = Rect::new(area.x, at.lines.start, area.width, at.lines.len() as u16);
            mark(theme, buf, bar, focused);
        }
    }
}

/// The rows shown in the pane at `area`, where [`draw`] draws them.
pub fn place(app: &App, ws: &Workspace, area: Rect, focused: bool) -> Vec<Placed> {
    let inner = list::inner(area);
    if inner.width < 4 || inner.height < 2 {
        return Vec::new();
    }
    let width = usize::from(inner.width.saturating_sub(2));
    let related = narrow_related(app, ws, width).len();
    let below = related + Metrics::compute(&ws.review).spans.len() + 1;
    lay_out(app, ws, rows_area(inner, below), focused).1
}

/// The related reviews in a narrow pane: a line at most, above the spans.
fn narrow_related(app: &App, ws: &Workspace, width: usize) -> Vec<Line<'static>> {
    super::related::lines(app, ws, width, 1)
}

/// Where the rows go inside the border at `inner`: left of the metrics
/// when there is room, else above the `below` lines that sum them up.
fn rows_area(inner: Rect, below: usize) -> Rect {
    if inner.width >= 100 {
        let [left, _, _] = wide_columns(inner);
        return left;
    }
    narrow_rows(inner, below)[0]
}

fn wide_columns(inner: Rect) -> [Rect; 3] {
    Layout::horizontal([
        Constraint::Fill(3),
        Constraint::Length(1),
        Constraint::Fill(2),
    ])
    .areas(inner)
}

/// The rows, the rule and the summing up under them, in a narrow pane.
fn narrow_rows(inner: Rect, below: usize) -> [Rect; 3] {
    let below = (below as u16 + 1).min(inner.height / 2);
    Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(below.saturating_sub(1)),
    ])
    .areas(inner)
}

/// Shows the selected row: reversed with the marker when focused.
fn mark(theme: &Theme, buf: &mut Buffer, bar: Rect, focused: bool) {
    if focused {
        let style = Style::reset().patch(theme.selected);
        for y in bar.top()..bar.bottom() {
            for x in bar.left()..bar.right() {
                if let Some(cell) = buf.cell_mut((x, y)) {
                    cell.set_style(style);
                }
            }
        }
        buf.set_string(bar.x, bar.y, "▶", style);
    } else {
        buf.set_string(bar.x, bar.y, "▷", theme.selected_unfocused);
    }
}

fn draw_lines(area: Rect, buf: &mut Buffer, lines: Vec<Line<'_>>) {
    for (i, line) in lines.into_iter().take(usize::from(area.height)).enumerate() {
        let y = area.y + i as u16;
        fit_line(line, usize::from(area.width)).render(
            Rect {
                y,
                height: 1,
                ..area
            },
            buf,
        );
    }
}

pub fn draw(app: &App, ws: &Workspace, area: Rect, buf: &mut Buffer, focused: bool) {
    let theme = Theme::of(app.theme);
    let len = ws.len(Pane::Details);
    let at = ws.cursor(Pane::Details).selected.min(len.saturating_sub(1)) + 1;
    let inner = list::frame(theme, area, buf, Pane::Details, focused, Some((at, len)));
    if inner.width < 4 || inner.height < 2 {
        return;
    }
    let r = &ws.review;
    let m = Metrics::compute(r);
    let found = Check::all(r, &m);
    if inner.width >= 100 {
        let [left, rule, right] = wide_columns(inner);
        draw_rows(app, ws, left, buf, focused);
        for y in rule.top()..rule.bottom() {
            buf.set_string(rule.x, y, "│", theme.border);
        }
        let right = Rect {
            x: right.x + 1,
            width: right.width.saturating_sub(2),
            ..right
        };
        let width = usize::from(right.width);
        let mut lines = metrics::lines(theme, &m, width);
        // The closest related reviews, before the checks (which can be
        // long): a heading and two lines each.
        let related = super::related::lines(app, ws, width, 7);
        if !related.is_empty() {
            lines.push(Line::raw(""));
            lines.extend(related);
        }
        lines.push(Line::raw(""));
        lines.extend(metrics::checks(theme, r, &found, width));
        draw_lines(right, buf, lines);
        return;
    }
    // Narrow: the spans and a word about the warnings under the rows.
    let width = usize::from(inner.width.saturating_sub(2));
    let mut lines: Vec<Line> = m
        .spans
        .iter()
        .map(|s| metrics::span_line(theme, s, false))
        .collect();
    lines.push(match found.first() {
        None => Line::styled("✓ nothing to fix before publishing", theme.positive),
        Some(c) => Line::styled(
            format!(
                "! {} to check before publishing: {}",
                found.len(),
                c.message(r)
            ),
            theme.warning,
        ),
    });
    // First: where the room is short, the spans below it give way.
    lines.splice(0..0, narrow_related(app, ws, width));
    let [rows, rule, bottom] = narrow_rows(inner, lines.len());
    draw_rows(app, ws, rows, buf, focused);
    buf.set_string(
        rule.x,
        rule.y,
        "╌".repeat(usize::from(rule.width)),
        theme.border,
    );
    let bottom = Rect {
        x: bottom.x + 1,
        width: width as u16,
        ..bottom
    };
    draw_lines(bottom, buf, lines);
}
