//! The report preview: a report exactly as it will be exported, so the room
//! can agree on what customers will read before anything leaves the
//! building.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::layout::{backdrop, centered};
use super::text::wrap;
use super::theme::Theme;
use crate::app::App;
use crate::app::state::Preview;

pub fn draw(app: &App, preview: &Preview, area: Rect, buf: &mut Buffer) {
    let theme = Theme::of(app.theme);
    let popup = centered(
        area,
        100.min(area.width.saturating_sub(2)),
        area.height.saturating_sub(2),
    );
    backdrop(theme, area, popup, buf);
    let width = usize::from(popup.width.saturating_sub(4));
    let lines: Vec<Line> = preview
        .text
        .lines()
        .flat_map(|l| {
            let style = if l.starts_with('#') {
                theme.heading
            } else {
                theme.text
            };
            let wrapped = if l.is_empty() {
                vec![String::new()]
            } else {
                wrap(l, width)
            };
            wrapped.into_iter().map(move |w| Line::styled(w, style))
        })
        .collect();
    let height = usize::from(popup.height.saturating_sub(2));
    let top = usize::from(preview.scroll).min(lines.len().saturating_sub(height));
    let shown = (top + height).min(lines.len());
    let title = if preview.internal {
        " Internal report, as exported "
    } else {
        " Public summary, as customers will read it "
    };
    let block = Block::bordered()
        .style(theme.overlay)
        .border_style(theme.border_focused)
        .title(Line::styled(title, theme.pane_title_focused))
        .title_top(
            Line::styled(
                format!(" {}–{} of {} ", top + 1, shown, lines.len()),
                theme.muted,
            )
            .right_aligned(),
        )
        .title_bottom(Line::from(vec![
            Span::styled(" Tab", theme.key),
            Span::styled(
                if preview.internal {
                    " public summary  "
                } else {
                    " internal report  "
                },
                theme.muted,
            ),
            Span::styled("↑↓ PgUp PgDn", theme.key),
            Span::styled(" scroll  ", theme.muted),
            Span::styled("Esc", theme.key),
            Span::styled(" close ", theme.muted),
        ]));
    let inner = block.inner(popup);
    block.render(popup, buf);
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    super::list::render_lines(lines.into_iter().skip(top).take(height), inner, buf);
}
