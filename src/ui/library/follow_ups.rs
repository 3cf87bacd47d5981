//! The open follow-ups, owner by owner: a heading for each owner with how
//! many items are open and overdue, then the items, overdue first (`!`
//! before the due date), each with its review.
//!
//! Only the rows on screen are made, so the cost does not grow with the
//! items of the whole library.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::super::list;
use super::super::theme::Theme;
use super::first_shown;
use super::thousands;
use crate::app::library::{LibraryView, Section};

/// The line of the section that follow-up `i` is on: each owner's
/// heading comes before its items.
fn line_of(view: &LibraryView, i: usize) -> usize {
    i + view.owner_of(i) + 1
}

/// What line `n` of the section is: the heading of an owner, or an item.
fn at_line(view: &LibraryView, n: usize) -> Result<usize, usize> {
    // The last owner whose heading (at its first item's place plus the
    // headings before it) is at or before line n.
    let owners = &view.owners;
    let (mut lo, mut hi) = (0, owners.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        if owners[mid].start + mid <= n {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    let owner = lo.saturating_sub(1);
    let o = &view.owners[owner];
    let heading = o.start + owner;
    if n == heading {
        Err(owner)
    } else {
        Ok(o.start + (n - heading - 1))
    }
}

fn heading(theme: &Theme, view: &LibraryView, owner: usize) -> Line<'static> {
    let o = &view.owners[owner];
    let name = o.name.clone().unwrap_or_else(|| "no owner".to_owned());
    let mut spans = vec![
        Span::styled(name, theme.heading),
        Span::styled(format!(" · {} open", thousands(o.len)), theme.muted),
    ];
    if o.overdue > 0 {
        spans.push(Span::styled(
            format!(", ! {} overdue", thousands(o.overdue)),
            theme.warning,
        ));
    }
    Line::from(spans)
}

pub fn draw(theme: &Theme, view: &LibraryView, focused: bool, area: Rect, buf: &mut Buffer) {
    if view.follow_ups.is_empty() {
        list::empty(
            theme,
            area,
            buf,
            vec![Line::raw(
                "No open action items: every follow-up is done or dropped.",
            )],
        );
        return;
    }
    let selected = view.selected(Section::FollowUps).unwrap_or(0);
    let total = view.follow_ups.len() + view.owners.len();
    let height = usize::from(area.height);
    let first = first_shown(line_of(view, selected), total, height);
    let body = list::past_marker(area);
    let wide = area.width >= 90;
    let cols = list::columns(
        body,
        &[
            Constraint::Length(12),
            Constraint::Length(6),
            Constraint::Fill(1),
            Constraint::Length(if wide { 34 } else { 20 }),
        ],
    );
    for n in 0..height.min(total - first) {
        let y = area.y + n as u16;
        match at_line(view, first + n) {
            Err(owner) => {
                let row = Rect::new(area.x, y, area.width, 1);
                list::fit_line(heading(theme, view, owner), usize::from(area.width))
                    .render(row, buf);
            }
            Ok(i) => {
                let f = &view.follow_ups[i];
                let r = &view.reviews[f.review];
                let due = match (f.due, f.overdue) {
                    (Some(d), true) => Line::styled(format!("! {d}"), theme.warning),
                    (Some(d), false) => Line::raw(format!("  {d}")),
                    (None, _) => Line::styled("  no due", theme.muted),
                };
                let priority = f
                    .priority
                    .map_or(Line::styled("-", theme.muted), |p| Line::raw(p.label()));
                let mut text = vec![Span::raw(f.text.clone())];
                if f.in_progress {
                    text.push(Span::styled(" (in progress)", theme.muted));
                }
                let review = if wide {
                    format!("{} {}", r.date, r.title)
                } else {
                    r.id.clone()
                };
                let cells = vec![
                    due,
                    priority,
                    Line::from(text),
                    Line::styled(review, theme.muted),
                ];
                list::row(
                    theme,
                    buf,
                    area,
                    y,
                    &cols,
                    cells,
                    list::RowStyle {
                        selected: (i == selected).then_some(focused),
                        height: 1,
                        wraps: None,
                    },
                );
            }
        }
    }
}
