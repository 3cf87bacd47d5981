//! Pane 4: action items, each with an owner and a priority; a missing one
//! is said plainly, since such an item rarely gets done.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::keys;
use super::list::{self, List};
use super::text::{one_line, wrap};
use super::theme::Theme;
use crate::app::commands::{CommandId, Scope};
use crate::app::{App, Pane, Workspace};
use crate::domain::{ActionItem, ActionStatus, Review};

fn owner(theme: &Theme, a: &ActionItem) -> Span<'static> {
    match a.owner.as_ref().filter(|o| !o.trim().is_empty()) {
        Some(o) => Span::raw(o.to_string()),
        None => Span::styled("no owner", theme.warning),
    }
}

fn priority(theme: &Theme, a: &ActionItem) -> Span<'static> {
    match a.priority {
        Some(p) => Span::raw(p.label()),
        None => Span::styled("not set", theme.warning),
    }
}

fn status_style(theme: &Theme, s: ActionStatus) -> Style {
    match s {
        ActionStatus::Open => theme.text,
        ActionStatus::InProgress => theme.info,
        ActionStatus::Done => theme.positive,
        ActionStatus::WontDo => theme.muted,
    }
}

/// Which columns fit in `width` cells besides the text.
struct Fit {
    due_and_status: bool,
    improves_and_ticket: bool,
}

impl Fit {
    fn of(width: u16) -> Fit {
        Fit {
            due_and_status: width >= 74,
            improves_and_ticket: width >= 118,
        }
    }
}

pub fn draw(app: &App, ws: &Workspace, area: Rect, buf: &mut Buffer, focused: bool) {
    let (spec, cells, detail) = spec(app, ws, area, focused);
    list::draw(Theme::of(app.theme), area, buf, spec, cells, detail);
}

/// Where the rows go in the pane at `area`, as [`draw`] draws them.
pub fn place(app: &App, ws: &Workspace, area: Rect, focused: bool) -> list::Placement {
    let (spec, cells, detail) = spec(app, ws, area, focused);
    list::place(area, &spec, &cells, &detail).0
}

/// The list as drawn at `area`: its columns and rows, each row's cells
/// and the preview of the selected item.
fn spec<'a>(
    app: &'a App,
    ws: &'a Workspace,
    area: Rect,
    focused: bool,
) -> (List<'a>, list::Cells<'a>, list::Detail<'a>) {
    let theme = Theme::of(app.theme);
    let r = &ws.review;
    let fit = Fit::of(area.width.saturating_sub(2 + list::MARKER));
    let mut columns = vec![
        ("Action", Constraint::Fill(1)),
        (
            "Owner",
            Constraint::Length(if fit.due_and_status { 14 } else { 10 }),
        ),
        ("Priority", Constraint::Length(8)),
    ];
    if fit.due_and_status {
        columns.extend([
            ("Due", Constraint::Length(10)),
            ("Status", Constraint::Length(11)),
        ]);
    }
    if fit.improves_and_ticket {
        columns.extend([
            ("Improves", Constraint::Length(14)),
            ("Ticket", Constraint::Length(9)),
        ]);
    }
    let add = keys::first(&app.keymap, Scope::List, CommandId::Add).unwrap_or_default();
    let spec = List {
        pane: Pane::Actions,
        focused,
        len: r.actions.len(),
        cursor: ws.cursor(Pane::Actions),
        columns,
        empty: vec![
            Line::raw("No action items yet."),
            Line::raw("How do we know sooner? How do we recover sooner? Give each an owner."),
            Line::from(vec![Span::styled(add, theme.key), Span::raw(" adds one")]),
        ],
        wraps: Some(0),
    };
    let cells = move |i: usize| {
        let Some(a) = r.actions.get(i) else {
            return Vec::new();
        };
        let done = !a.status.is_open();
        let mut text: Vec<Span> = super::coach::markers(app, theme, a.internal, a.quote, &a.text);
        text.push(Span::styled(
            one_line(&a.text),
            if done { theme.muted } else { theme.text },
        ));
        let mut cells = vec![
            Line::from(text),
            Line::from(owner(theme, a)),
            Line::from(priority(theme, a)),
        ];
        if fit.due_and_status {
            cells.push(match a.due {
                Some(d) => Line::raw(d.to_string()),
                None => Line::styled("—", theme.muted),
            });
            cells.push(Line::styled(
                a.status.label(),
                status_style(theme, a.status),
            ));
        }
        if fit.improves_and_ticket {
            cells.push(match a.improves {
                Some(x) => Line::raw(x.label()),
                None => Line::styled("—", theme.muted),
            });
            cells.push(match &a.ticket {
                Some(t) => Line::raw(t.to_string()),
                None => Line::styled("—", theme.muted),
            });
        }
        cells
    };
    let preview = move |i, width| detail(app, theme, r, i, width);
    (spec, Box::new(cells), Box::new(preview))
}

/// Action item `i` in full, its text wrapped to `width`: status, owner,
/// priority, due date, what it improves and its ticket on the first
/// line, then its whole text. Shown under the list and in the spotlight.
pub(super) fn detail(
    app: &App,
    theme: &Theme,
    r: &Review,
    i: usize,
    width: usize,
) -> Vec<Line<'static>> {
    let Some(a) = r.actions.get(i) else {
        return Vec::new();
    };
    let dot = || Span::styled(" · ", theme.muted);
    let mut meta = vec![
        Span::styled(a.status.label(), status_style(theme, a.status)),
        dot(),
        owner(theme, a),
        dot(),
    ];
    meta.push(match a.priority {
        Some(p) => Span::raw(format!("{} priority", p.label())),
        None => Span::styled("no priority", theme.warning),
    });
    if let Some(d) = a.due {
        meta.extend([dot(), Span::raw(format!("due {d}"))]);
    }
    if let Some(x) = a.improves {
        meta.extend([dot(), Span::raw(x.label())]);
    }
    if let Some(t) = &a.ticket {
        meta.extend([dot(), Span::raw(t.to_string())]);
    }
    if a.internal {
        meta.extend([dot(), Span::styled("internal only", theme.internal)]);
    }
    let mut lines = vec![Line::from(meta)];
    lines.extend(wrap(&a.text, width).into_iter().map(Line::raw));
    lines.extend(super::coach::item_flags(app, theme, &a.text, a.quote));
    lines.extend(super::coach::reframed(app, theme, &a.text, &a.reframed));
    lines
}
