//! The help overlay: every command, grouped by where it applies, with the
//! keys the keymap really binds (a user's overrides included) and what it
//! does. Built from the same table as the hints and the palette. The keys
//! of the mode the help was opened over come first, then the workspace's,
//! then every other mode's.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::keys;
use super::text::{fit, wrap};
use super::theme::Theme;
use crate::app::App;
use crate::app::commands::{self, Scope};

const KEYS: usize = 16;
/// The widest a command's name column gets; longer names are cut.
const NAME: usize = 18;

/// The scopes in the order the help lists them: those of the mode under
/// the help, then the workspace's, then the rest.
fn scopes(app: &App) -> Vec<Scope> {
    let mut out: Vec<Scope> = app.mode_below().scopes().to_vec();
    for scope in std::iter::once(Scope::Workspace).chain(Scope::ALL) {
        if !out.contains(&scope) {
            out.push(scope);
        }
    }
    out
}

/// Every line of the help, for a text `width` cells wide.
fn lines(app: &App, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let name_width = commands::all()
        .map(|c| super::text::width(c.name))
        .max()
        .unwrap_or(0)
        .min(NAME);
    let desc_width = width.saturating_sub(KEYS + name_width + 3).max(10);
    let mut out = Vec::new();
    for scope in scopes(app) {
        if !out.is_empty() {
            out.push(Line::raw(""));
        }
        out.push(Line::styled(scope.label(), theme.heading));
        for c in commands::in_scope(scope) {
            let keys = keys::all(&app.keymap, c.scope, c.id);
            for (i, d) in wrap(c.description, desc_width).into_iter().enumerate() {
                let (k, n) = if i == 0 {
                    (fit(&keys, KEYS - 1), fit(c.name, name_width))
                } else {
                    (String::new(), String::new())
                };
                out.push(Line::from(vec![
                    Span::styled(format!("  {k:<w$}", w = KEYS - 1), theme.key),
                    Span::styled(super::text::pad(&n, name_width + 1), theme.text),
                    Span::styled(d, theme.muted),
                ]));
            }
        }
    }
    out
}

/// How many lines the help has at a screen of `area`, and how many show.
pub fn extent(app: &App, area: Rect) -> (usize, usize) {
    let theme = Theme::of(app.theme);
    let (width, height) = super::scroll::inner_size(area);
    (lines(app, theme, width).len(), height)
}

pub fn draw(app: &App, scroll: u16, area: Rect, buf: &mut Buffer) {
    let theme = Theme::of(app.theme);
    super::scroll::overlay(
        theme,
        area,
        buf,
        " Help: every key, those that work here first ",
        scroll,
        &keys::scroll_footer(&app.keymap, Scope::Help),
        |width| lines(app, theme, width),
    );
}
