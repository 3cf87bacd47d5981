//! The commands of the overlays that show and do not edit: the help, the
//! report preview and its list of items, the recovery chart and the
//! spotlight. Each gets the command its mode's keys are bound to; a key
//! bound to nothing in the mode does nothing.

use super::action::Effect;
use super::commands::CommandId;
use super::editing;
use super::state::{App, Overlay, Pane, Preview};
use super::update::run;

/// Opens the help over whatever is on top: it lists that mode's keys first.
pub fn help(app: &mut App) {
    app.overlays.push(Overlay::Help { scroll: 0 });
}

/// A scroll position moved by `command` in a text of `max + 1` positions
/// shown a `page` of lines at a time; `None` when the command does not
/// scroll.
fn scrolled(command: CommandId, scroll: u16, page: u16, max: u16) -> Option<u16> {
    let scroll = scroll.min(max);
    let to = match command {
        CommandId::Down => scroll.saturating_add(1),
        CommandId::Up => scroll.saturating_sub(1),
        CommandId::PageDown => scroll.saturating_add(page.max(1)),
        CommandId::PageUp => scroll.saturating_sub(page.max(1)),
        CommandId::Top => 0,
        CommandId::Bottom => max,
        _ => return None,
    };
    Some(to.min(max))
}

/// Keys in the help: scroll, or close.
pub fn help_key(app: &mut App, command: Option<CommandId>) -> Vec<Effect> {
    let (page, max) = crate::ui::scroll_extent(app);
    let Some(Overlay::Help { scroll }) = app.overlays.last_mut() else {
        return Vec::new();
    };
    match command {
        Some(CommandId::Close) => {
            app.overlays.pop();
        }
        Some(c) => {
            if let Some(to) = scrolled(c, *scroll, page, max) {
                *scroll = to;
            }
        }
        None => {}
    }
    Vec::new()
}

/// The text of a report preview.
pub fn preview_text(app: &App, internal: bool) -> String {
    match app.workspace() {
        Some(ws) if internal => match ws.related.list() {
            Some(related) => crate::report::markdown::internal_with_related(
                &ws.review, &app.coach, app.now, related,
            ),
            None => crate::report::markdown::internal_at(&ws.review, &app.coach, app.now),
        },
        Some(ws) => crate::report::markdown::public(&ws.review),
        None => String::new(),
    }
}

/// Opens the preview of the public summary.
pub fn open_preview(app: &mut App) {
    if app.workspace().is_some() {
        let text = preview_text(app, false);
        app.overlays.push(Overlay::Preview(Preview {
            internal: false,
            text,
            scroll: 0,
            picking: None,
        }));
    }
}

/// Keys in the preview: scroll, switch report, choose items, close.
pub fn preview_key(app: &mut App, command: Option<CommandId>) -> Vec<Effect> {
    let (page, max) = crate::ui::scroll_extent(app);
    let Some(Overlay::Preview(p)) = app.overlays.last_mut() else {
        return Vec::new();
    };
    match command {
        Some(CommandId::Close) => {
            app.overlays.pop();
        }
        Some(CommandId::Help) => help(app),
        Some(CommandId::SwitchReport) => {
            let internal = !p.internal;
            let text = preview_text(app, internal);
            if let Some(Overlay::Preview(p)) = app.overlays.last_mut() {
                *p = Preview {
                    internal,
                    text,
                    scroll: 0,
                    picking: None,
                };
            }
        }
        Some(CommandId::ChooseInternal) => p.picking = Some(0),
        Some(c) => {
            if let Some(to) = scrolled(c, p.scroll, page, max) {
                p.scroll = to;
            }
        }
        None => {}
    }
    Vec::new()
}

/// Keys in the preview's list of items: move, and mark the selected item
/// internal-only or public again; the report is made again at once.
pub fn preview_items_key(app: &mut App, command: Option<CommandId>) -> Vec<Effect> {
    let Some((internal, picking, items)) = app.overlays.last().and_then(|o| match o {
        Overlay::Preview(p) => Some((
            p.internal,
            p.picking.unwrap_or(0),
            app.workspace()
                .map(|ws| p.items(&ws.review))
                .unwrap_or_default(),
        )),
        _ => None,
    }) else {
        return Vec::new();
    };
    let last = items.len().saturating_sub(1);
    let mut effects = Vec::new();
    let to = match command {
        Some(CommandId::Close) => None,
        Some(CommandId::Help) => {
            help(app);
            return Vec::new();
        }
        Some(CommandId::Down) => Some((picking + 1).min(last)),
        Some(CommandId::Up) => Some(picking.saturating_sub(1)),
        Some(CommandId::Top) => Some(0),
        Some(CommandId::Bottom) => Some(last),
        Some(CommandId::ToggleInternal) => {
            if let (Some((pane, row)), Some(ws)) = (items.get(picking), app.workspace_mut()) {
                // The toggle works on the selection: select the item, then
                // put the workspace back as it was.
                let kept = (ws.focus, ws.cursor(*pane));
                ws.focus = *pane;
                ws.cursor_mut(*pane).selected = *row;
                effects = editing::command(app, CommandId::ToggleInternal);
                if let Some(ws) = app.workspace_mut() {
                    ws.focus = kept.0;
                    *ws.cursor_mut(*pane) = kept.1;
                }
            }
            Some(picking)
        }
        _ => return Vec::new(),
    };
    let text = preview_text(app, internal);
    if let Some(Overlay::Preview(p)) = app.overlays.last_mut() {
        p.picking = to;
        p.text = text;
    }
    effects
}

/// Keys in the spotlight: the previous or next item of the pane, or back.
pub fn spotlight_key(app: &mut App, command: Option<CommandId>) -> Vec<Effect> {
    match command {
        Some(CommandId::Close) => {
            app.overlays.pop();
        }
        Some(CommandId::Help) => help(app),
        Some(id @ (CommandId::Down | CommandId::Up)) => return run(app, id),
        _ => {}
    }
    Vec::new()
}

/// Keys in the recovery chart: move between points, or go to the event.
pub fn chart_key(app: &mut App, command: Option<CommandId>) -> Vec<Effect> {
    let len = app.workspace().map_or(0, |ws| ws.review.timeline.len());
    let Some(Overlay::Chart { selected }) = app.overlays.last_mut() else {
        return Vec::new();
    };
    let last = len.saturating_sub(1);
    match command {
        Some(CommandId::Close) => {
            app.overlays.pop();
        }
        Some(CommandId::Help) => help(app),
        Some(CommandId::Down) => *selected = (*selected + 1).min(last),
        Some(CommandId::Up) => *selected = selected.saturating_sub(1),
        Some(CommandId::Top) => *selected = 0,
        Some(CommandId::Bottom) => *selected = last,
        Some(CommandId::GoToEvent) => {
            let row = (*selected).min(last);
            app.overlays.pop();
            if let Some(ws) = app.workspace_mut() {
                ws.focus = Pane::Timeline;
                ws.cursor_mut(Pane::Timeline).selected = row;
            }
        }
        _ => {}
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrolling_stays_within_the_text_and_pages_by_the_view() {
        use CommandId::*;
        let cases = [
            (Down, 0, 10, 50, Some(1)),
            (Down, 50, 10, 50, Some(50)),
            (Up, 0, 10, 50, Some(0)),
            (PageDown, 45, 10, 50, Some(50)),
            (PageDown, 0, 17, 50, Some(17)),
            (PageUp, 30, 17, 50, Some(13)),
            (Bottom, 3, 10, 50, Some(50)),
            (Top, 30, 10, 50, Some(0)),
            // A position past the end (the window grew) counts from the end.
            (Up, 900, 10, 50, Some(49)),
            (Close, 3, 10, 50, None),
        ];
        for (command, scroll, page, max, want) in cases {
            assert_eq!(
                scrolled(command, scroll, page, max),
                want,
                "{command:?} from {scroll}"
            );
        }
    }
}
