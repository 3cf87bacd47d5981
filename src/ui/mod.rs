//! Drawing the state. Pure: `&App` in, cells out; nothing is changed while
//! drawing, so any screen can be reproduced in a test from a state.
//!
//! One file per pane or overlay; [`layout`] places them and [`theme`]
//! names every style.

mod actions;
mod chart;
mod choose;
mod coach;
mod details;
mod factors;
mod form;
mod header;
mod help;
mod import;
mod keys;
pub mod layout;
mod learnings;
mod library;
mod list;
mod metrics;
mod palette;
mod parking;
pub mod picker;
mod preview;
mod prompts;
pub(crate) mod quick;
mod rail;
mod related;
mod scroll;
mod spotlight;
mod status;
mod tabs;
mod text;
pub mod theme;
mod timeline;
mod workspace;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::{App, Overlay, Screen};
use layout::Mode;
use theme::Theme;

/// What the meeting clock shows at `now`, if a review is open: the screen
/// depends on the time only through it, so a loop redraws an idle screen
/// only when this changes (once a minute while the clock runs).
pub fn clock_face(app: &App, now: chrono::DateTime<chrono::Utc>) -> Option<String> {
    app.workspace().map(|ws| rail::face(ws, now))
}

/// For the overlay on top, if it scrolls (the help, the preview): how many
/// lines a page moves, and the last position a scroll can reach, at the
/// terminal's size. Update uses it so that End, PgDn and PgUp move by what
/// the screen shows.
pub fn scroll_extent(app: &App) -> (u16, u16) {
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    let (total, shown) = match app.overlays.last() {
        Some(Overlay::Help { .. }) => help::extent(app, area),
        Some(Overlay::Preview(p)) => preview::extent(app, p, area),
        _ => (0, 0),
    };
    let clamp = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
    (
        clamp(shown.saturating_sub(1).max(1)),
        clamp(total.saturating_sub(shown)),
    )
}

/// How far the prompts pane of the workspace can scroll at the app's size.
pub fn prompts_extent(app: &App) -> u16 {
    match &app.screen {
        Screen::Workspace(ws) => prompts::extent(app, ws),
        Screen::Picker(_) | Screen::Library(_) => 0,
    }
}

/// Draws the whole screen into the frame.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    draw(app, area, frame.buffer_mut());
}

/// Draws the whole screen into `buf` at `area`: the picker or the
/// workspace, then the overlays from the bottom up; or, in a window too
/// small to be useful, a message that says so.
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = Theme::of(app.theme);
    buf.set_style(area, theme.text);
    if Mode::of(area) == Mode::TooSmall {
        layout::too_small(theme, area, buf);
        return;
    }
    // The quick review covers the whole screen: what lies under it is
    // not drawn.
    let covered = app
        .overlays
        .iter()
        .rposition(|o| matches!(o, Overlay::Quick(_)));
    if covered.is_none() {
        match &app.screen {
            Screen::Picker(picker) => picker::draw(app, picker, area, buf),
            Screen::Workspace(ws) => workspace::draw(app, ws, area, buf),
            Screen::Library(view) => library::draw(app, view, area, buf),
        }
    }
    for overlay in &app.overlays[covered.unwrap_or(0)..] {
        match overlay {
            Overlay::Help { scroll } => help::draw(app, *scroll, area, buf),
            Overlay::Preview(p) => preview::draw(app, p, area, buf),
            Overlay::Palette(p) => palette::draw(app, p, area, buf),
            Overlay::Form(f) => form::draw(app, f, area, buf),
            Overlay::Quick(q) => quick::draw(app, q, area, buf),
            Overlay::Choose(c) => choose::draw(app, c, area, buf),
            Overlay::Import(i) => import::draw(app, i, area, buf),
            Overlay::Spotlight => {
                if let Screen::Workspace(ws) = &app.screen {
                    spotlight::draw(app, ws, area, buf);
                }
            }
            Overlay::Related { selected } => {
                if let Screen::Workspace(ws) = &app.screen {
                    related::draw(app, ws, *selected, area, buf);
                }
            }
            Overlay::Chart { selected } => {
                if let Screen::Workspace(ws) = &app.screen {
                    // Braille needs a font that has it; monochrome is for
                    // plain terminals, so it draws with plain characters.
                    let braille = app.theme != crate::app::ThemeName::Mono;
                    chart::draw(
                        theme,
                        &app.keymap,
                        &ws.review,
                        *selected,
                        braille,
                        area,
                        buf,
                    );
                }
            }
        }
    }
}
