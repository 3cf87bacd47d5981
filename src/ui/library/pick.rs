//! The reviews behind a bar, a bin or a factor, over the screen: the
//! newest first, to pick one and open it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use super::super::list;
use super::super::theme::Theme;
use super::reviews;
use crate::app::library::{LibraryView, Picking};

pub fn draw(theme: &Theme, view: &LibraryView, pick: &Picking, area: Rect, buf: &mut Buffer) {
    let width = area.width.saturating_sub(4).min(100);
    let wanted = pick.reviews.len() as u16 + 3;
    let height = wanted.min(area.height.saturating_sub(2)).max(5);
    let rect = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height.saturating_sub(height)) / 2,
        width,
        height,
    );
    Clear.render(rect, buf);
    buf.set_style(rect, theme.overlay);
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(Line::styled(
            format!(" {}: {} ", pick.title, reviews(pick.reviews.len())),
            theme.pane_title_focused,
        ))
        .title_bottom(Line::styled(" newest first ", theme.muted).right_aligned());
    let inner = block.inner(rect);
    block.render(rect, buf);
    let body = list::past_marker(inner);
    let cols = list::columns(
        body,
        &[
            Constraint::Length(10),
            Constraint::Length(6),
            Constraint::Fill(1),
            Constraint::Length(if inner.width >= 90 { 30 } else { 0 }),
        ],
    );
    list::header(
        theme,
        buf,
        inner.y,
        &cols,
        &["Date", "Sev", "Title", "Review"],
    );
    let win = list::window(
        pick.cursor,
        pick.reviews.len(),
        usize::from(inner.height.saturating_sub(1)),
    );
    for (n, i) in pick.reviews[win.start..win.end].iter().enumerate() {
        let r = &view.reviews[*i];
        let y = inner.y + 1 + n as u16;
        let cells = vec![
            Line::raw(r.date.to_string()),
            Line::from(Span::styled(
                format!(" {} ", r.severity.label().to_uppercase()),
                theme.severity(r.severity),
            )),
            Line::raw(r.title.clone()),
            Line::styled(r.id.clone(), theme.muted),
        ];
        list::row(
            theme,
            buf,
            inner,
            y,
            &cols,
            cells,
            list::RowStyle {
                selected: (win.selected == Some(win.start + n)).then_some(true),
                height: 1,
                wraps: None,
            },
        );
    }
}
