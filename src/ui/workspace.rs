//! The workspace screen: header, panes, prompts and status bar, placed by
//! [`layout::workspace`](super::layout::workspace).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::layout;
use super::{
    actions, details, factors, header, learnings, metrics, parking, prompts, rail, status, tabs,
    timeline,
};
use crate::app::{App, Pane, Workspace};

fn pane(app: &App, ws: &Workspace, which: Pane, area: Rect, buf: &mut Buffer) {
    let focused = ws.focus == which;
    match which {
        Pane::Timeline => timeline::draw(app, ws, area, buf, focused),
        Pane::Learnings => learnings::draw(app, ws, area, buf, focused),
        Pane::Factors => factors::draw(app, ws, area, buf, focused),
        Pane::Actions => actions::draw(app, ws, area, buf, focused),
        Pane::Parking => parking::draw(app, ws, area, buf, focused),
        Pane::Details => details::draw(app, ws, area, buf, focused),
    }
}

/// The item whose row pane `which`, drawn at `area`, shows on line `y`
/// of the screen, and the first item shown; `None` off its rows.
pub fn row_at(
    app: &App,
    ws: &Workspace,
    which: Pane,
    area: Rect,
    y: u16,
) -> Option<(usize, usize)> {
    let focused = ws.focus == which;
    let list = |at: super::list::Placement| at.item_at(y).map(|i| (i, at.window.start));
    match which {
        Pane::Timeline => list(timeline::place(app, ws, area, focused)),
        Pane::Learnings => list(learnings::place(app, ws, area, focused)),
        Pane::Factors => list(factors::place(app, ws, area, focused)),
        Pane::Actions => list(actions::place(app, ws, area, focused)),
        Pane::Parking => list(parking::place(app, ws, area, focused)),
        Pane::Details => {
            let rows = details::place(app, ws, area, focused);
            let first = rows.first()?.index;
            rows.iter()
                .find(|row| row.lines.contains(&y))
                .map(|row| (row.index, first))
        }
    }
}

pub fn draw(app: &App, ws: &Workspace, area: Rect, buf: &mut Buffer) {
    if app.audience.is_audience() {
        return presenting(app, ws, area, buf);
    }
    let areas = layout::workspace(area, ws.focus, prompts::strip_height(ws));
    header::draw(app, ws, areas.header, buf);
    rail::draw(app, ws, areas.rail, buf);
    if let Some(tabs_area) = areas.tabs {
        tabs::draw(app, ws, tabs_area, buf);
    }
    for (which, rect) in &areas.panes {
        pane(app, ws, *which, *rect, buf);
    }
    if let Some(summary) = areas.summary {
        metrics::summary(app, ws, summary, buf);
    }
    if areas.tabs.is_some() {
        prompts::strip(app, ws, areas.prompts, buf);
    } else {
        prompts::draw(app, ws, areas.prompts, buf);
    }
    status::draw(app, areas.status, buf);
}

/// The screen for an audience: the stage as a banner, the focused pane
/// alone, the question being asked; no notes, no key hints.
fn presenting(app: &App, ws: &Workspace, area: Rect, buf: &mut Buffer) {
    let areas = layout::presenting(area, ws.focus);
    header::draw(app, ws, areas.header, buf);
    rail::draw(app, ws, areas.rail, buf);
    if let Some(banner) = areas.summary {
        rail::banner(app, ws, banner, buf);
    }
    for (which, rect) in &areas.panes {
        pane(app, ws, *which, *rect, buf);
    }
    prompts::strip(app, ws, areas.prompts, buf);
    status::draw(app, areas.status, buf);
}
