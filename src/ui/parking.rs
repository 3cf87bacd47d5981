//! Pane 5: the parking lot, ideas set aside so the meeting can move on.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};

use super::keys;
use super::list::{self, List};
use super::text::{one_line, wrap};
use super::theme::Theme;
use crate::app::commands::{CommandId, Scope};
use crate::app::{App, Pane, Workspace};
use crate::domain::Review;

pub fn draw(app: &App, ws: &Workspace, area: Rect, buf: &mut Buffer, focused: bool) {
    let (spec, cells, detail) = spec(app, ws, area, focused);
    list::draw(Theme::of(app.theme), area, buf, spec, cells, detail);
}

/// Where the rows go in the pane at `area`, as [`draw`] draws them.
pub fn place(app: &App, ws: &Workspace, area: Rect, focused: bool) -> list::Placement {
    let (spec, cells, detail) = spec(app, ws, area, focused);
    list::place(area, &spec, &cells, &detail).0
}

/// The list as drawn at `area`: its columns and rows, each row's cells
/// and the preview of the selected item.
fn spec<'a>(
    app: &'a App,
    ws: &'a Workspace,
    _area: Rect,
    focused: bool,
) -> (List<'a>, list::Cells<'a>, list::Detail<'a>) {
    let theme = Theme::of(app.theme);
    let r = &ws.review;
    let add = keys::first(&app.keymap, Scope::List, CommandId::Add).unwrap_or_default();
    let spec = List {
        pane: Pane::Parking,
        focused,
        len: r.parking_lot.len(),
        cursor: ws.cursor(Pane::Parking),
        columns: vec![("Idea", Constraint::Fill(1))],
        empty: vec![
            Line::raw("Nothing parked."),
            Line::raw("Park a debate here instead of having it now."),
            Line::from(vec![
                Span::styled(add, theme.key),
                Span::raw(" parks an idea"),
            ]),
        ],
        wraps: Some(0),
    };
    let cells = move |i: usize| {
        r.parking_lot
            .get(i)
            .map(|p| vec![Line::raw(one_line(&p.text))])
            .unwrap_or_default()
    };
    let preview = move |i, width| detail(app, theme, r, i, width);
    (spec, Box::new(cells), Box::new(preview))
}

/// Parked idea `i` in full, its text wrapped to `width`, and the key
/// that turns it into an action item. Shown under the list and in the
/// spotlight.
pub(super) fn detail(
    app: &App,
    theme: &Theme,
    r: &Review,
    i: usize,
    width: usize,
) -> Vec<Line<'static>> {
    let Some(p) = r.parking_lot.get(i) else {
        return Vec::new();
    };
    let promote =
        keys::first(&app.keymap, Scope::Parking, CommandId::ParkingToAction).unwrap_or_default();
    let mut lines: Vec<Line> = wrap(&p.text, width).into_iter().map(Line::raw).collect();
    lines.push(Line::from(vec![
        Span::styled(promote, theme.key),
        Span::styled(" turns it into an action item", theme.muted),
    ]));
    lines.extend(super::coach::item_flags(app, theme, &p.text, false));
    lines.extend(super::coach::reframed(app, theme, &p.text, &p.reframed));
    lines
}
