//! The spotlight: the selected item of the focused pane, filling the
//! screen in large, bold, well-spaced text, so that a room watching a
//! shared screen can read it and talk about it.
//!
//! ```text
//! ┌ Action items · 3 of 8 ───────────────────────────────────────┐
//! │                                                              │
//! │   Open · Wen Li · high priority · due 2026-12-01             │
//! │                                                              │
//! │   Alert when the payments gateway uses more than 90% of its  │
//! │   connection pool for two minutes.                           │
//! │                                                              │
//! └ ↑↓ previous/next item   z or Esc back ─────────────────────────┘
//! ```
//!
//! An item shows what its pane shows under the list, in full. A row of
//! the details pane shows that part of the review in full: the title and
//! its facts, the key moments with the people at them and the metrics,
//! the summary's fields, a participant, or the facilitator's notes, which
//! only the facilitator's own screen ever shows.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::layout::{backdrop, centered};
use super::list::{fit_line, render_lines};
use super::metrics;
use super::text::{ELLIPSIS, wrap_line};
use super::theme::Theme;
use super::timeline::time;
use super::{actions, factors, learnings, parking, timeline};
use crate::app::commands::{CommandId, Scope};
use crate::app::state::DetailRow;
use crate::app::{App, Pane, Workspace};
use crate::domain::{Metrics, Moment, Review};

/// The widest the text gets, so that lines stay short enough to read
/// across a room.
const MAX_WIDTH: u16 = 100;

/// Cells left empty inside the border, on the left and the right.
const SIDE: u16 = 2;

/// Groups of lines, drawn with a blank line between them when they fit.
type Groups = Vec<Vec<Line<'static>>>;

/// Draws the selected item of the focused pane over the whole of `area`
/// but its first and last rows (the header and the status bar).
pub fn draw(app: &App, ws: &Workspace, area: Rect, buf: &mut Buffer) {
    let theme = Theme::of(app.theme);
    let popup = centered(
        area,
        area.width.saturating_sub(2),
        area.height.saturating_sub(2),
    );
    backdrop(theme, area, popup, buf);
    if popup.width < 3 || popup.height < 3 {
        return;
    }
    let pane = ws.focus;
    let selected = ws.selected(pane);
    let title = match selected {
        Some(i) => format!(" {} · {} of {} ", heading(ws, pane, i), i + 1, ws.len(pane)),
        None => format!(" {} ", pane.title()),
    };
    // The spotlight's own commands: the first key of each, and for going
    // back the first two.
    let keys = |id| app.keymap.keys(Scope::Spotlight, id);
    let first = |id| {
        keys(id)
            .first()
            .map(ToString::to_string)
            .unwrap_or_default()
    };
    let back: Vec<String> = keys(CommandId::Close)
        .iter()
        .take(2)
        .map(ToString::to_string)
        .collect();
    let hints = Line::from(vec![
        Span::raw(" "),
        Span::styled(
            format!("{}{}", first(CommandId::Up), first(CommandId::Down)),
            theme.key,
        ),
        Span::styled(" previous/next item   ", theme.muted),
        Span::styled(back.join(" or "), theme.key),
        Span::styled(" back ", theme.muted),
    ]);
    let block = Block::bordered()
        .style(theme.overlay)
        .border_style(theme.border_focused)
        .title(Line::styled(title, theme.pane_title_focused))
        .title_bottom(hints);
    let inner = block.inner(popup);
    block.render(popup, buf);
    let room = if inner.width > 4 * SIDE {
        inner.width - 2 * SIDE
    } else {
        inner.width
    };
    let width = room.min(MAX_WIDTH);
    let column = Rect {
        x: inner.x + (inner.width - width) / 2,
        width,
        ..inner
    };
    let groups = match selected {
        Some(i) => body(app, theme, ws, pane, i, usize::from(width)),
        None => vec![vec![Line::styled(
            format!("Nothing selected in {}", pane.title()),
            theme.title,
        )]],
    };
    let lines = arrange(theme, groups, usize::from(width), usize::from(inner.height));
    // Short text sits a little above the middle, as on a slide.
    let spare = column.height.saturating_sub(lines.len() as u16);
    let top = if spare >= 2 {
        (spare / 2).min(spare / 3 + 1)
    } else {
        0
    };
    let text = Rect {
        y: column.y + top,
        height: column.height - top,
        ..column
    };
    render_lines(lines, text, buf);
}

/// The title of the spotlight: the pane's, and for the details pane the
/// row's too.
fn heading(ws: &Workspace, pane: Pane, i: usize) -> String {
    if pane != Pane::Details {
        return pane.title().to_owned();
    }
    let row = match ws.detail_rows().get(i) {
        Some(DetailRow::Review) => "Review",
        Some(DetailRow::Moments) => "Key moments",
        Some(DetailRow::Summary) => "Summary",
        Some(DetailRow::Participant(_)) => "Participant",
        Some(DetailRow::Notes) => "Notes",
        None => return pane.title().to_owned(),
    };
    format!("{} · {row}", pane.title())
}

/// The lines of row `i` of `pane`, in groups, for a text `width` wide.
fn body(app: &App, theme: &Theme, ws: &Workspace, pane: Pane, i: usize, width: usize) -> Groups {
    let r = &ws.review;
    let lines = match pane {
        Pane::Timeline => timeline::detail(app, theme, r, i, width),
        Pane::Learnings => learnings::detail(app, theme, r, i, width),
        Pane::Factors => factors::detail(app, theme, r, i, width),
        Pane::Actions => actions::detail(app, theme, r, i, width),
        Pane::Parking => parking::detail(app, theme, r, i, width),
        Pane::Details => {
            return match ws.detail_rows().get(i) {
                Some(row) => detail_row(app, theme, r, *row, width),
                None => Vec::new(),
            };
        }
    };
    item(theme, lines)
}

/// Whether `line` is plain text, with no style of its own: the item's
/// text, as opposed to its facts, links and hints.
fn plain(line: &Line<'_>) -> bool {
    line.style == Style::default() && line.spans.iter().all(|s| s.style == Style::default())
}

/// An item's lines from its pane, in groups: the facts about it, its text
/// (bold, to read from afar) and what follows, each apart.
fn item(theme: &Theme, lines: Vec<Line<'static>>) -> Groups {
    let mut groups: Groups = Vec::new();
    let mut last = None;
    for line in lines {
        let is_plain = plain(&line);
        let line = if is_plain {
            line.style(theme.title)
        } else {
            line
        };
        match groups.last_mut() {
            Some(group) if last == Some(is_plain) => group.push(line),
            _ => groups.push(vec![line]),
        }
        last = Some(is_plain);
    }
    groups
}

/// `text` wrapped to `width` in the style of the spotlight's text, or
/// `none` when it is empty.
fn prose(theme: &Theme, text: &str, width: usize, none: &str) -> Vec<Line<'static>> {
    if text.trim().is_empty() {
        return vec![Line::styled(none.to_owned(), theme.warning)];
    }
    text.split('\n')
        .flat_map(|para| {
            wrap_line(
                &Line::styled(para.to_owned(), theme.title),
                width,
                usize::MAX,
            )
        })
        .collect()
}

/// A row of the details pane in full.
fn detail_row(app: &App, theme: &Theme, r: &Review, row: DetailRow, width: usize) -> Groups {
    let dot = || Span::styled(" · ", theme.muted);
    match row {
        DetailRow::Review => {
            let mut facts = vec![
                Span::styled(
                    format!(" {} ", r.severity.label().to_uppercase()),
                    theme.severity(r.severity),
                ),
                Span::raw(format!(" {}", r.severity.priority())),
                dot(),
                Span::raw(r.status.label()),
                dot(),
                Span::raw(format!("{} review", r.kind.label())),
            ];
            if let Some(inc) = &r.incident {
                facts.extend([dot(), Span::raw(inc.to_string())]);
            }
            let when = format!(
                "{} · times in UTC{}",
                r.incident_date().format("%-d %b %Y"),
                r.offset
            );
            vec![
                prose(theme, &r.title, width, "no title"),
                vec![Line::from(facts), Line::styled(when, theme.muted)],
            ]
        }
        DetailRow::Moments => {
            let day = r.incident_date();
            let moments = Moment::ALL
                .iter()
                .map(|m| {
                    let at = match r.moments.get(*m) {
                        Some(at) => Span::styled(time(r.offset, day, at), theme.title),
                        None => Span::styled("not set", theme.warning),
                    };
                    Line::from(vec![
                        Span::styled(format!("{:<16}", m.describe()), theme.label),
                        at,
                    ])
                })
                .collect();
            let p = &r.people;
            let people: Vec<Line> = [
                ("detected by", &p.detected_by),
                ("alerted first", &p.alerted_first),
                ("commander", &p.commander),
                ("facilitator", &p.facilitator),
            ]
            .into_iter()
            .map(|(what, who)| {
                Line::from(vec![
                    Span::styled(format!("{what:<16}"), theme.label),
                    match who {
                        Some(w) => Span::styled(w.to_string(), theme.title),
                        None => Span::styled("nobody named", theme.muted),
                    },
                ])
            })
            .collect();
            let m = Metrics::compute(r);
            let short = width < 60;
            let spans = m
                .spans
                .iter()
                .map(|s| metrics::span_line(theme, s, short))
                .collect();
            vec![moments, people, spans]
        }
        DetailRow::Summary => {
            let s = &r.summary;
            // What the coach flags in these texts and what the room
            // reframed, as the details pane's row shows them: first, so
            // that a long summary cut at the foot never hides them.
            let said = super::coach::summary_flags(app, theme, s);
            let mut groups: Groups = [said].into_iter().filter(|g| !g.is_empty()).collect();
            groups.push(prose(theme, &s.summary, width, "no summary yet"));
            let services = if s.services.is_empty() {
                Line::styled("services impacted: none named", theme.warning)
            } else {
                let names: Vec<&str> = s.services.iter().map(|t| t.as_str()).collect();
                Line::from(vec![
                    Span::styled("Services impacted ", theme.label),
                    Span::styled(names.join(", "), theme.title),
                ])
            };
            groups.push(vec![services]);
            for (name, text) in [
                ("Customer impact", &s.customer_impact),
                ("SLA impact", &s.sla_impact),
                ("Proximate cause", &s.proximate_cause),
                ("Resolution", &s.resolution),
            ] {
                let mut group = vec![Line::styled(name, theme.label)];
                group.extend(prose(theme, text, width, "not written yet"));
                groups.push(group);
            }
            groups
        }
        DetailRow::Participant(i) => match r.participants.get(i) {
            Some(p) => vec![
                prose(theme, &p.name, width, "no name"),
                vec![Line::styled(p.role.label(), theme.muted)],
            ],
            None => Vec::new(),
        },
        DetailRow::Notes => {
            let text = if !app.audience.sees_notes() {
                vec![Line::styled(
                    "The facilitator's notes are private.",
                    theme.muted,
                )]
            } else if r.notes.trim().is_empty() {
                vec![Line::styled(
                    "No notes (private: never in a report)",
                    theme.muted,
                )]
            } else {
                prose(theme, &r.notes, width, "")
            };
            vec![text]
        }
    }
}

/// The groups as lines at most `width` wide, a blank line between groups when
/// everything fits in `height` that way, and ending in "…" when even
/// without them it does not.
fn arrange(theme: &Theme, groups: Groups, width: usize, height: usize) -> Vec<Line<'static>> {
    let groups: Groups = groups
        .into_iter()
        .map(|g| {
            g.into_iter()
                .flat_map(|l| {
                    // Wrapping joins words with one space: only lines too
                    // long are wrapped, so that padding and badges stay.
                    if l.width() <= width {
                        vec![l]
                    } else {
                        wrap_line(&l, width, usize::MAX)
                    }
                })
                .collect::<Vec<_>>()
        })
        .filter(|g| !g.is_empty())
        .collect();
    let tight: usize = groups.iter().map(Vec::len).sum();
    let spaced = tight + groups.len().saturating_sub(1);
    let apart = spaced <= height;
    let mut lines = Vec::with_capacity(if apart { spaced } else { tight });
    for (n, group) in groups.into_iter().enumerate() {
        if apart && n > 0 {
            lines.push(Line::raw(""));
        }
        lines.extend(group);
    }
    if lines.len() > height {
        lines.truncate(height);
        if let Some(last) = lines.last_mut() {
            let mut cut = std::mem::take(last);
            cut.spans
                .push(Span::styled(format!(" {ELLIPSIS}"), theme.muted));
            *last = fit_line(cut, width);
        }
    }
    lines
}

#[cfg(test)]
mod tests;
