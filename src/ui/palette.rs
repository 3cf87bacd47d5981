//! The command palette: a query and the commands it matches, each with
//! its keys and what it does.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::keys;
use super::layout::backdrop;
use super::list::{self, fit_line};
use super::theme::Theme;
use crate::app::App;
use crate::app::palette::Palette;
use crate::app::state::Cursor;

pub fn draw(app: &App, palette: &Palette, area: Rect, buf: &mut Buffer) {
    let theme = Theme::of(app.theme);
    let matches = palette.matches();
    let width = 90.min(area.width.saturating_sub(2));
    // The query, a rule, the matches (or a line saying there are none).
    let wanted = matches.len().max(1) as u16 + 4;
    let height = wanted.min(22).min(area.height.saturating_sub(2));
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 3,
        width,
        height,
    };
    backdrop(theme, area, popup, buf);
    let selected = palette.selected.min(matches.len().saturating_sub(1));
    let block = Block::bordered()
        .style(theme.overlay)
        .border_style(theme.border_focused)
        .title(Line::styled(" Commands ", theme.pane_title_focused))
        .title_top(Line::styled(format!(" {} found ", matches.len()), theme.muted).right_aligned());
    let inner = block.inner(popup);
    block.render(popup, buf);
    if inner.height < 3 {
        return;
    }
    let query = Line::from(vec![
        Span::styled("› ", theme.key),
        Span::raw(palette.query.clone()),
        Span::styled(" ", theme.selected),
    ]);
    let query_area = Rect {
        height: 1,
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    fit_line(query, usize::from(query_area.width)).render(query_area, buf);
    buf.set_string(
        inner.x,
        inner.y + 1,
        "─".repeat(usize::from(inner.width)),
        theme.border,
    );
    let body = Rect {
        y: inner.y + 2,
        height: inner.height - 2,
        ..inner
    };
    if matches.is_empty() {
        let text = format!(
            "No command matches “{}”. Backspace to widen the search.",
            palette.query
        );
        fit_line(
            Line::styled(text, theme.muted),
            usize::from(body.width.saturating_sub(2)),
        )
        .render(
            Rect {
                x: body.x + 1,
                height: 1,
                ..body
            },
            buf,
        );
        return;
    }
    let cols = list::columns(
        list::past_marker(body),
        &[
            Constraint::Length(16),
            Constraint::Length(14),
            Constraint::Fill(1),
        ],
    );
    let win = list::window(
        Cursor {
            selected,
            offset: 0,
        },
        matches.len(),
        usize::from(body.height),
    );
    for (n, c) in matches[win.start..win.end].iter().enumerate() {
        let y = body.y + n as u16;
        let cells = vec![
            Line::raw(c.name),
            Line::styled(keys::all(&app.keymap, c.scope, c.id), theme.key),
            Line::styled(c.description, theme.muted),
        ];
        let is_selected = win.start + n == selected;
        list::row(
            theme,
            buf,
            body,
            y,
            &cols,
            cells,
            list::RowStyle {
                selected: is_selected.then_some(true),
                height: 1,
                wraps: None,
            },
        );
    }
}
