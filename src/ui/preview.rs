//! The report preview: a report exactly as it will be exported, so the room
//! can agree on what customers will read before anything leaves the
//! building.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::text::wrap;
use super::theme::Theme;
use ratatui::text::Span;
use ratatui::widgets::{Block, Clear, Widget};

use crate::app::commands::{CommandId, Scope};
use crate::app::state::{Cursor, Preview};
use crate::app::{App, Workspace};

/// The rows the list of items takes when it is open, borders included.
const LIST_HEIGHT: u16 = 9;

pub fn draw(app: &App, preview: &Preview, area: Rect, buf: &mut Buffer) {
    let theme = Theme::of(app.theme);
    // While items are being chosen, the report keeps the top of the screen
    // and the list takes the bottom.
    let (area, list) = match (preview.picking, app.workspace()) {
        (Some(selected), Some(ws)) => {
            let [top, bottom] = ratatui::layout::Layout::vertical([
                ratatui::layout::Constraint::Fill(1),
                ratatui::layout::Constraint::Length(LIST_HEIGHT),
            ])
            .areas(area);
            (top, Some((bottom, selected, ws)))
        }
        _ => (area, None),
    };
    let (title, other) = if preview.internal {
        (" Internal report, as exported ", "public summary")
    } else {
        (
            " Public summary, as customers will read it ",
            "internal report",
        )
    };
    super::scroll::overlay(
        theme,
        area,
        buf,
        title,
        preview.scroll,
        &footer(app, other),
        |width| lines(theme, &preview.text, width),
    );
    if let Some((bottom, selected, ws)) = list {
        items(theme, preview, ws, selected, bottom, buf);
    }
}

/// The keys at the bottom border, from the preview's commands.
fn footer(app: &App, other: &str) -> Vec<(String, String)> {
    let key = |id| super::keys::named(&app.keymap, Scope::Preview, id);
    let mut out = vec![
        (key(CommandId::SwitchReport), other.to_owned()),
        (
            key(CommandId::ChooseInternal),
            "internal-only items".to_owned(),
        ),
    ];
    out.extend(super::keys::scroll_footer(&app.keymap, Scope::Preview));
    out
}

/// The report's lines for a text `width` cells wide, headings styled.
fn lines(theme: &Theme, text: &str, width: usize) -> Vec<Line<'static>> {
    text.lines()
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
        .collect()
}

/// How many lines the preview has at a screen of `area`, and how many show.
pub fn extent(app: &App, preview: &Preview, area: Rect) -> (usize, usize) {
    let theme = Theme::of(app.theme);
    let (width, height) = super::scroll::inner_size(area);
    (lines(theme, &preview.text, width).len(), height)
}

/// The items that can be marked internal-only, each with its mark, the
/// selected one highlighted; toggling redraws the report above.
fn items(
    theme: &Theme,
    preview: &Preview,
    ws: &Workspace,
    selected: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    let r = &ws.review;
    let all = preview.items(r);
    let popup = Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(1),
        ..area
    };
    Clear.render(area, buf);
    let what = if preview.internal {
        "every item"
    } else {
        "the action items the public summary shows"
    };
    let block = Block::bordered()
        .style(theme.overlay)
        .border_style(theme.border_focused)
        .title(Line::styled(
            format!(" Internal-only: {what} "),
            theme.pane_title_focused,
        ))
        .title_bottom(Line::from(vec![
            Span::styled(" ↑↓", theme.key),
            Span::styled(" select ", theme.muted),
            Span::styled(" i Space", theme.key),
            Span::styled(" internal/public ", theme.muted),
            Span::styled(" Esc", theme.key),
            Span::styled(" back to the report ", theme.muted),
        ]));
    let inner = block.inner(popup);
    block.render(popup, buf);
    let height = usize::from(inner.height);
    let cursor = Cursor {
        selected,
        offset: selected.saturating_sub(height.saturating_sub(1)),
    };
    let window = super::list::window(cursor, all.len(), height);
    let lines = all[window.start..window.end]
        .iter()
        .enumerate()
        .map(|(n, (pane, row))| {
            let Some(item) = pane.list(r).and_then(|l| l.item(*row)) else {
                return Line::default();
            };
            let (text, internal) = (item.text(), item.internal());
            let mark = if internal {
                Span::styled("[internal] ", theme.internal)
            } else {
                Span::styled("[public]   ", theme.positive)
            };
            let line = Line::from(vec![
                mark,
                Span::styled(format!("{:<9} ", pane.short()), theme.muted),
                Span::raw(super::text::one_line(text).into_owned()),
            ]);
            let line = super::list::fit_line(line, usize::from(inner.width));
            if window.start + n == selected {
                line.style(theme.selected)
            } else {
                line
            }
        });
    super::list::render_lines(lines, inner, buf);
}
