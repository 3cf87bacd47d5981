//! The review picker shown when debrief starts without a review: a filter,
//! the reviews newest first, and the files that could not be read.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::keys;
use super::list::{self, fit_line};
use super::text::clean;
use super::theme::Theme;
use crate::app::App;
use crate::app::commands::{CommandId, Scope};
use crate::app::state::Picker;
use crate::domain::Severity;
use crate::domain::text::visible_line;

/// "type to search · ↑↓ select · Enter open · Ctrl-N new · Ctrl-L library
/// · Esc quit".
fn hints(app: &App, theme: &Theme) -> Line<'static> {
    let key = |id| keys::first(&app.keymap, Scope::Picker, id).unwrap_or_default();
    let mut spans = vec![
        Span::styled("type", theme.key),
        Span::styled(" to search · ", theme.muted),
        Span::styled("↑↓", theme.key),
        Span::styled(" select", theme.muted),
    ];
    for (id, what) in [
        (CommandId::PickerOpen, "open"),
        (CommandId::PickerNew, "new"),
        (CommandId::Library, "library"),
        (CommandId::Close, "quit"),
    ] {
        spans.push(Span::styled(" · ", theme.muted));
        spans.push(Span::styled(key(id), theme.key));
        spans.push(Span::styled(format!(" {what}"), theme.muted));
    }
    Line::from(spans)
}

fn problems(theme: &Theme, picker: &Picker, area: Rect, buf: &mut Buffer) {
    let block = Block::bordered()
        .border_style(theme.border)
        .title(Line::styled(
            format!(" Could not read {} file(s) ", picker.problems.len()),
            theme.error,
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    for (i, p) in picker
        .problems
        .iter()
        .take(usize::from(inner.height))
        .enumerate()
    {
        let row = Rect::new(
            inner.x + 1,
            inner.y + i as u16,
            inner.width.saturating_sub(2),
            1,
        );
        let line = Line::styled(format!("✗ {}", clean(p)), theme.warning);
        fit_line(line, usize::from(row.width)).render(row, buf);
    }
}

/// The header, the filter, the table of reviews, the problems and the
/// status bar of the picker at `area`.
fn areas(picker: &Picker, area: Rect) -> [Rect; 5] {
    let problem_height = if picker.problems.is_empty() {
        0
    } else {
        (picker.problems.len() as u16 + 2)
            .min(area.height / 4)
            .max(3)
    };
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Fill(1),
        Constraint::Length(problem_height),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// The reviews shown of `len` in the table whose inside is `inner`.
fn window(picker: &Picker, len: usize, inner: Rect) -> list::Window {
    list::window(
        picker.cursor,
        len,
        usize::from(inner.height.saturating_sub(1)),
    )
}

/// The review (its place among those the filter shows) whose row the
/// picker at `area` draws at `(x, y)`, and the first review shown.
pub fn row_at(picker: &Picker, area: Rect, (x, y): (u16, u16)) -> Option<(usize, usize)> {
    let inner = list::inner(areas(picker, area)[2]);
    if !inner.contains(ratatui::layout::Position::new(x, y)) || y == inner.y {
        return None;
    }
    let win = window(picker, picker.visible().len(), inner);
    let i = win.start + usize::from(y - inner.y - 1);
    (i < win.end).then_some((i, win.start))
}

pub fn draw(app: &App, picker: &Picker, area: Rect, buf: &mut Buffer) {
    let theme = Theme::of(app.theme);
    let [header, filter, table, problem_area, status_area] = areas(picker, area);
    let problem_height = problem_area.height;
    buf.set_style(header, theme.header);
    Line::from(vec![
        Span::styled(" debrief ", theme.title),
        Span::styled("· blameless post-incident reviews", theme.muted),
    ])
    .render(header, buf);

    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(Line::styled(" Search ", theme.pane_title_focused));
    let inner = block.inner(filter);
    block.render(filter, buf);
    let query = if picker.filter.is_empty() {
        Line::from(vec![
            Span::styled(" ", theme.selected),
            Span::styled(
                " type words to find in every text of every review (not private notes)",
                theme.muted,
            ),
        ])
    } else {
        Line::from(vec![
            Span::raw(picker.filter.clone()),
            Span::styled(" ", theme.selected),
        ])
    };
    let row = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    fit_line(query, usize::from(row.width)).render(row, buf);

    let visible = picker.visible();
    let total = picker.entries.len();
    let heading = if picker.search.found().is_some() {
        " Reviews found, best first "
    } else {
        " Reviews, newest first "
    };
    let block = Block::bordered()
        .border_style(theme.border)
        .title(Line::styled(heading, theme.pane_title_focused))
        .title_top(
            Line::styled(format!(" {} of {total} ", visible.len()), theme.muted).right_aligned(),
        );
    let inner = block.inner(table);
    block.render(table, buf);
    if visible.is_empty() {
        let new = keys::first(&app.keymap, Scope::Picker, CommandId::PickerNew).unwrap_or_default();
        let lines = if total == 0 {
            vec![
                Line::raw("No reviews here yet."),
                Line::from(vec![
                    Span::styled(new, theme.key),
                    Span::raw(" creates one: a title and a severity are enough to start."),
                ]),
                Line::raw("Or run `debrief demo` to explore a finished example."),
            ]
        } else {
            vec![Line::raw(format!(
                "No review holds “{}”. Esc clears the search.",
                picker.filter
            ))]
        };
        list::empty(theme, inner, buf, lines);
    } else if picker.search.found().is_some() {
        found(theme, picker, &visible, inner, buf);
    } else {
        entries(theme, picker, &visible, inner, buf);
    }
    if problem_height > 0 {
        problems(theme, picker, problem_area, buf);
    }
    buf.set_style(status_area, theme.status_bar);
    let hint = hints(app, theme);
    let width = hint.width() as u16;
    let x = status_area
        .right()
        .saturating_sub(width + 1)
        .max(status_area.x);
    fit_line(hint, usize::from(status_area.width)).render(
        Rect {
            x,
            width: status_area.right() - x,
            ..status_area
        },
        buf,
    );
}

fn entries(
    theme: &Theme,
    picker: &Picker,
    visible: &[&crate::app::state::PickerEntry],
    area: Rect,
    buf: &mut Buffer,
) {
    let body = list::past_marker(area);
    let cols = list::columns(
        body,
        &[
            Constraint::Length(10),
            Constraint::Length(15),
            Constraint::Length(12),
            Constraint::Length(7),
            Constraint::Fill(1),
        ],
    );
    list::header(
        theme,
        buf,
        area.y,
        &cols,
        &["Date", "Severity", "Status", "Actions", "Title"],
    );
    let win = window(picker, visible.len(), area);
    for (n, e) in visible[win.start..win.end].iter().enumerate() {
        let y = area.y + 1 + n as u16;
        let open = if e.open_actions == 0 {
            Line::styled("none", theme.muted)
        } else {
            Line::raw(format!("{} open", e.open_actions))
        };
        let cells = vec![
            Line::raw(e.date.clone()),
            severity_cell(theme, e.severity),
            Line::raw(e.status.label()),
            open,
            Line::raw(e.title.clone()),
        ];
        let selected = (win.selected == Some(win.start + n)).then_some(true);
        list::row(
            theme,
            buf,
            area,
            y,
            &cols,
            cells,
            list::RowStyle {
                selected,
                height: 1,
                wraps: None,
            },
        );
    }
}

/// The reviews a search found, two lines each: the review, then the item
/// that matched best and the words it matched.
fn found(
    theme: &Theme,
    picker: &Picker,
    visible: &[&crate::app::state::PickerEntry],
    area: Rect,
    buf: &mut Buffer,
) {
    let body = list::past_marker(area);
    let cols = list::columns(
        body,
        &[
            Constraint::Length(10),
            Constraint::Length(15),
            Constraint::Fill(1),
        ],
    );
    list::header(
        theme,
        buf,
        area.y,
        &cols,
        &["Date", "Severity", "Title · where it matched"],
    );
    let win = list::window(
        picker.cursor,
        visible.len(),
        usize::from(area.height.saturating_sub(1) / 2),
    );
    for (n, e) in visible[win.start..win.end].iter().enumerate() {
        let y = area.y + 1 + 2 * n as u16;
        let at = win.start + n;
        let selected = win.selected == Some(at);
        let cells = vec![
            Line::raw(e.date.clone()),
            severity_cell(theme, e.severity),
            Line::raw(e.title.clone()),
        ];
        list::row(
            theme,
            buf,
            area,
            y,
            &cols,
            cells,
            list::RowStyle {
                selected: selected.then_some(true),
                height: 2,
                wraps: None,
            },
        );
        let line = match picker.search.shown(at) {
            Some(hit) => {
                let item = hit.item.map(|n| format!(" #{n}")).unwrap_or_default();
                let muted = if selected {
                    theme.selected
                } else {
                    theme.muted
                };
                let words = if selected { theme.selected } else { theme.key };
                Line::from(vec![
                    Span::styled(format!("{}{item}: ", hit.place.label()), muted),
                    Span::styled(visible_line(&hit.words.join(", ")).into_owned(), words),
                    Span::styled(format!(" · {}", visible_line(&hit.excerpt)), muted),
                ])
            }
            None => Line::styled(
                "the id or severity",
                if selected {
                    theme.selected
                } else {
                    theme.muted
                },
            ),
        };
        let x = cols[1].0;
        let row = Rect::new(x, y + 1, body.right().saturating_sub(x), 1);
        if y + 1 < area.bottom() {
            fit_line(line, usize::from(row.width)).render(row, buf);
        }
    }
}

/// A review's severity as the list shows it: the label on its colour, then
/// its priority.
fn severity_cell(theme: &Theme, severity: Severity) -> Line<'static> {
    Line::from(vec![
        Span::styled(
            format!(" {} ", severity.label().to_uppercase()),
            theme.severity(severity),
        ),
        Span::styled(format!(" {}", severity.priority()), theme.muted),
    ])
}
