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

/// "type to filter · ↑↓ select · Enter open · Ctrl-N new · Ctrl-L library
/// · Esc quit".
fn hints(app: &App, theme: &Theme) -> Line<'static> {
    let key = |id| keys::first(&app.keymap, Scope::Picker, id).unwrap_or_default();
    let mut spans = vec![
        Span::styled("type", theme.key),
        Span::styled(" to filter · ", theme.muted),
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

pub fn draw(app: &App, picker: &Picker, area: Rect, buf: &mut Buffer) {
    let theme = Theme::of(app.theme);
    let problem_height = if picker.problems.is_empty() {
        0
    } else {
        (picker.problems.len() as u16 + 2)
            .min(area.height / 4)
            .max(3)
    };
    let [header, filter, table, problem_area, status_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Fill(1),
        Constraint::Length(problem_height),
        Constraint::Length(1),
    ])
    .areas(area);
    buf.set_style(header, theme.header);
    Line::from(vec![
        Span::styled(" debrief ", theme.title),
        Span::styled("· blameless post-incident reviews", theme.muted),
    ])
    .render(header, buf);

    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(Line::styled(" Filter ", theme.pane_title_focused));
    let inner = block.inner(filter);
    block.render(filter, buf);
    let query = if picker.filter.is_empty() {
        Line::from(vec![
            Span::styled(" ", theme.selected),
            Span::styled(" type words of a title or an id", theme.muted),
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
    let block = Block::bordered()
        .border_style(theme.border)
        .title(Line::styled(
            " Reviews, newest first ",
            theme.pane_title_focused,
        ))
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
                "No review matches “{}”. Esc clears the filter.",
                picker.filter
            ))]
        };
        list::empty(theme, inner, buf, lines);
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
    let body = Rect {
        x: area.x + list::MARKER,
        width: area.width.saturating_sub(list::MARKER),
        ..area
    };
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
    let win = list::window(
        picker.cursor,
        visible.len(),
        usize::from(area.height.saturating_sub(1)),
    );
    for (n, e) in visible[win.start..win.end].iter().enumerate() {
        let y = area.y + 1 + n as u16;
        let open = if e.open_actions == 0 {
            Line::styled("none", theme.muted)
        } else {
            Line::raw(format!("{} open", e.open_actions))
        };
        let cells = vec![
            Line::raw(e.date.clone()),
            Line::from(vec![
                Span::styled(
                    format!(" {} ", e.severity.label().to_uppercase()),
                    theme.severity(e.severity),
                ),
                Span::styled(format!(" {}", e.severity.priority()), theme.muted),
            ]),
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
