//! The help overlay: every command, grouped by where it applies, with the
//! keys the keymap really binds (a user's overrides included) and what it
//! does. Built from the same table as the hints and the palette.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::keys;
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
    super::scroll::overlay(
        theme,
        area,
        buf,
        " Help: every key ",
        scroll,
        &[],
        |width| lines(app, theme, width),
    );
}
