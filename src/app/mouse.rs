//! The mouse, when it is on: a click focuses the pane or the tab under it
//! or goes to the stage clicked on the rail, a click on a row also selects
//! it, the wheel moves the focused pane's selection; in the list of
//! reviews a click selects a review. What lies under the
//! pointer is asked of the same layout functions the drawing uses, at the
//! terminal's size, so nothing drawn is kept in the state.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

use super::commands::CommandId;
use super::{App, Effect, Mode, Pane};
use crate::ui::layout::{self, Hit};

/// Rows the selection moves for one step of the wheel.
pub const WHEEL_ROWS: usize = 3;

/// Turns the mouse on or off, and asks the runtime to take the mouse's
/// events from the terminal or give them back.
pub fn toggle(app: &mut App) -> Vec<Effect> {
    app.mouse = !app.mouse;
    if app.mouse {
        app.info(
            "Mouse on: click a row, a pane, a tab or a stage, scroll with the wheel (F6: off)",
        );
    } else {
        app.info("Mouse off: the terminal selects text again");
    }
    vec![Effect::MouseCapture(app.mouse)]
}

/// A mouse event in the workspace; nothing while the mouse is off or an
/// overlay is open.
pub fn event(app: &mut App, event: MouseEvent) -> Vec<Effect> {
    if app.mouse
        && app.mode() == Mode::Picker
        && event.kind == MouseEventKind::Down(MouseButton::Left)
    {
        pick(app, event.column, event.row);
        return Vec::new();
    }
    if !app.mouse || !matches!(app.mode(), Mode::Workspace(_) | Mode::Watching(_)) {
        return Vec::new();
    }
    match event.kind {
        MouseEventKind::Down(MouseButton::Left) => click(app, event.column, event.row),
        MouseEventKind::ScrollDown => wheel(app, CommandId::Down),
        MouseEventKind::ScrollUp => wheel(app, CommandId::Up),
        _ => Vec::new(),
    }
}

fn wheel(app: &mut App, id: CommandId) -> Vec<Effect> {
    super::following::moved(app);
    let mut effects = Vec::new();
    for _ in 0..WHEEL_ROWS {
        effects.extend(super::update::run(app, id));
    }
    effects
}

fn click(app: &mut App, x: u16, y: u16) -> Vec<Effect> {
    let Some(hit) = app.workspace().and_then(|ws| layout::hit(app, ws, (x, y))) else {
        return Vec::new();
    };
    match hit {
        Hit::Stage(stage) => {
            let current = app.workspace().map(|ws| ws.review.meeting.stage);
            if current == Some(stage) {
                return Vec::new();
            }
            super::meeting::go_to(app, stage)
        }
        Hit::Tab(pane) | Hit::Pane(pane) => focus(app, pane),
        Hit::Row { pane, item, first } => select(app, pane, item, first),
    }
}

/// Focuses `pane` and selects its item `item`, as a key that moves the
/// selection does: nothing to undo, nothing saved. The first row shown
/// stays `first`, so the rows stay where they were clicked.
fn select(app: &mut App, pane: Pane, item: usize, first: usize) -> Vec<Effect> {
    // A watcher's own move wins over the facilitator's, as with a key.
    super::following::moved(app);
    if let Some(ws) = app.workspace_mut() {
        ws.focus = pane;
        let last = ws.len(pane).saturating_sub(1);
        let cursor = ws.cursor_mut(pane);
        cursor.selected = item.min(last);
        cursor.offset = first.min(cursor.selected);
    }
    Vec::new()
}

/// A click in the list of reviews selects the review clicked (Enter
/// opens it), the rows staying where they are.
fn pick(app: &mut App, x: u16, y: u16) {
    let area = ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1);
    if layout::Mode::of(area) == layout::Mode::TooSmall {
        return;
    }
    if let super::Screen::Picker(picker) = &mut app.screen
        && let Some((item, first)) = crate::ui::picker::row_at(picker, area, (x, y))
    {
        picker.cursor.selected = item;
        picker.cursor.offset = first;
    }
}

fn focus(app: &mut App, pane: Pane) -> Vec<Effect> {
    if let Some(ws) = app.workspace_mut() {
        ws.focus = pane;
    }
    Vec::new()
}
