//! The help overlay: every command, grouped by where it applies, with the
//! keys the keymap really binds (a user's overrides included) and what it
//! does. Built from the same table as the hints and the palette.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::keys;
use super::layout::{backdrop, centered};
use super::text::{fit, wrap};
use super::theme::Theme;
use crate::app::App;
use crate::app::commands::{COMMANDS, Scope};

const KEYS: usize = 16;
const NAME: usize = 15;

/// The scopes in the order the table first names them.
fn scopes() -> Vec<Scope> {
    let mut out: Vec<Scope> = Vec::new();
    for c in COMMANDS {
        if !out.contains(&c.scope) {
            out.push(c.scope);
        }
    }
    out
}

/// Every line of the help, for a text `width` cells wide.
fn lines(app: &App, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let desc_width = width.saturating_sub(KEYS + NAME + 2).max(10);
    let mut out = Vec::new();
    for scope in scopes() {
        if !out.is_empty() {
            out.push(Line::raw(""));
        }
        out.push(Line::styled(scope.label(), theme.heading));
        for c in COMMANDS.iter().filter(|c| c.scope == scope) {
            let keys = keys::all(&app.keymap, c.scope, c.id);
            for (i, d) in wrap(c.description, desc_width).into_iter().enumerate() {
                let (k, n) = if i == 0 {
                    (fit(&keys, KEYS - 1), c.name)
                } else {
                    (String::new(), "")
                };
                out.push(Line::from(vec![
                    Span::styled(format!("  {k:<w$}", w = KEYS - 1), theme.key),
                    Span::styled(format!("{n:<NAME$} "), theme.text),
                    Span::styled(d, theme.muted),
                ]));
            }
        }
    }
    out
}

pub fn draw(app: &App, scroll: u16, area: Rect, buf: &mut Buffer) {
    let theme = Theme::of(app.theme);
    let popup = centered(
        area,
        100.min(area.width.saturating_sub(2)),
        area.height.saturating_sub(2),
    );
    backdrop(theme, area, popup, buf);
    let width = usize::from(popup.width.saturating_sub(4));
    let all = lines(app, theme, width);
    let height = usize::from(popup.height.saturating_sub(2));
    let most = all.len().saturating_sub(height);
    let top = usize::from(scroll).min(most);
    let shown = (top + height).min(all.len());
    let block = Block::bordered()
        .style(theme.overlay)
        .border_style(theme.border_focused)
        .title(Line::styled(" Help: every key ", theme.pane_title_focused))
        .title_top(
            Line::styled(
                format!(" {}–{} of {} ", top + 1, shown, all.len()),
                theme.muted,
            )
            .right_aligned(),
        )
        .title_bottom(Line::from(vec![
            Span::styled(" ↑↓ PgUp PgDn", theme.key),
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
    super::list::render_lines(all.into_iter().skip(top).take(height), inner, buf);
}
