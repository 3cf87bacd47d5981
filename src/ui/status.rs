//! The status bar: the latest message on the left, the keys that matter
//! now on the right, as many as fit.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::keys;
use super::list::fit_line;
use super::text::clean;
use super::theme::Theme;
use crate::app::App;
use crate::app::state::Level;

/// The message, with a sign that says its level without colour.
fn message(theme: &Theme, app: &App) -> Option<Line<'static>> {
    let m = app.message.as_ref()?;
    let (sign, style) = match m.level {
        Level::Info => ("", theme.info),
        Level::Warning => ("! ", theme.warning),
        Level::Error => ("✗ ", theme.error),
    };
    Some(Line::styled(format!("{sign}{}", m.text), style))
}

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = Theme::of(app.theme);
    buf.set_style(area, theme.status_bar);
    let inner = Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(2),
        ..area
    };
    let max = usize::from(inner.width);
    // An audience is not at the keyboard: no key hints for it.
    let hints = if app.audience.is_audience() && app.overlays.is_empty() {
        Vec::new()
    } else {
        keys::current(app)
    };
    let help = keys::help_key(&app.keymap);
    let (left, room) = match message(theme, app) {
        // The message comes first; hints get what it leaves.
        Some(msg) => {
            let msg = fit_line(msg, max);
            let used = msg.width();
            (Some(msg), max.saturating_sub(used + 3))
        }
        None => (None, max),
    };
    let right = keys::line(theme, &hints, help.as_deref(), room);
    let right_width = right.width() as u16;
    // Without a message, where the review lives, if there is room.
    let left = left.or_else(|| {
        let ws = app.workspace()?;
        let place = match &ws.file {
            Some(f) => f.display().to_string(),
            None => ws.review.id.clone(),
        };
        let room = max.saturating_sub(usize::from(right_width) + 3);
        (room >= 16).then(|| fit_line(Line::styled(clean(&place).into_owned(), theme.muted), room))
    });
    if let Some(msg) = left {
        msg.render(inner, buf);
    }
    right.render(
        Rect {
            x: inner.right().saturating_sub(right_width),
            width: right_width,
            ..inner
        },
        buf,
    );
}
