//! A large overlay of lines that scroll: the help and the report preview.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::layout::{backdrop, centered};
use super::theme::Theme;

/// The width the lines of an overlay over `area` are made for, and how
/// many of them show.
pub fn inner_size(area: Rect) -> (usize, usize) {
    let popup = popup(area);
    (
        usize::from(popup.width.saturating_sub(4)),
        usize::from(popup.height.saturating_sub(2)),
    )
}

fn popup(area: Rect) -> Rect {
    centered(
        area,
        100.min(area.width.saturating_sub(2)),
        area.height.saturating_sub(2),
    )
}

/// Draws `lines` (made for the width they get) in a bordered overlay over
/// `area`, from line `scroll`, with `title`, the position shown at the top
/// right, and `keys` (pairs of key and what it does) at the bottom.
pub fn overlay<'a>(
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
    title: &str,
    scroll: u16,
    keys: &[(String, String)],
    lines: impl FnOnce(usize) -> Vec<Line<'a>>,
) {
    let popup = popup(area);
    backdrop(theme, area, popup, buf);
    let all = lines(usize::from(popup.width.saturating_sub(4)));
    let height = usize::from(popup.height.saturating_sub(2));
    let top = usize::from(scroll).min(all.len().saturating_sub(height));
    let shown = (top + height).min(all.len());
    let mut footer = Vec::new();
    for (key, what) in keys {
        footer.push(Span::styled(format!(" {key}"), theme.key));
        footer.push(Span::styled(format!(" {what} "), theme.muted));
    }
    let block = Block::bordered()
        .style(theme.overlay)
        .border_style(theme.border_focused)
        .title(Line::styled(title.to_owned(), theme.pane_title_focused))
        .title_top(
            Line::styled(
                format!(" {}–{} of {} ", top + 1, shown, all.len()),
                theme.muted,
            )
            .right_aligned(),
        )
        .title_bottom(Line::from(footer));
    let inner = block.inner(popup);
    block.render(popup, buf);
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    super::list::render_lines(all.into_iter().skip(top).take(height), inner, buf);
}
