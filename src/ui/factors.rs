//! Pane 3: contributing factors, what helped and what hurt. Never "the
//! cause".

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};

use super::keys;
use super::list::{self, List};
use super::text::{one_line, wrap};
use super::theme::Theme;
use crate::app::commands::{CommandId, Scope};
use crate::app::{App, Pane, Workspace};
use crate::domain::{Area, Effect, Review};

/// "+ helped" or "- hurt", styled.
fn effect(theme: &Theme, e: Effect) -> Span<'static> {
    match e {
        Effect::Helped => Span::styled("+ helped", theme.positive),
        Effect::Hurt => Span::styled("- hurt", theme.negative),
    }
}

fn area_label(a: Area, roomy: bool) -> &'static str {
    match a {
        Area::Technology if !roomy => "tech",
        a => a.label(),
    }
}

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
    area: Rect,
    focused: bool,
) -> (List<'a>, list::Cells<'a>, list::Detail<'a>) {
    let theme = Theme::of(app.theme);
    let r = &ws.review;
    let roomy = area.width >= 70;
    let add = keys::first(&app.keymap, Scope::List, CommandId::Add).unwrap_or_default();
    let spec = List {
        pane: Pane::Factors,
        focused,
        len: r.factors.len(),
        cursor: ws.cursor(Pane::Factors),
        columns: vec![
            ("Effect", Constraint::Length(8)),
            ("Area", Constraint::Length(if roomy { 10 } else { 7 })),
            ("Factor", Constraint::Fill(1)),
        ],
        empty: vec![
            Line::raw("No contributing factors yet."),
            Line::raw("What helped, and what hurt? People, process, technology."),
            Line::from(vec![Span::styled(add, theme.key), Span::raw(" adds one")]),
        ],
        wraps: Some(2),
    };
    let cells = move |i: usize| {
        let Some(f) = r.factors.get(i) else {
            return Vec::new();
        };
        let mut text: Vec<Span> = super::coach::markers(app, theme, f.internal, f.quote, &f.text);
        text.push(Span::raw(one_line(&f.text)));
        vec![
            Line::from(effect(theme, f.effect)),
            Line::raw(area_label(f.area, roomy)),
            Line::from(text),
        ]
    };
    let preview = move |i, width| detail(app, theme, r, i, width);
    (spec, Box::new(cells), Box::new(preview))
}

/// Factor `i` in full, its text wrapped to `width`: whether it helped
/// or hurt and its area on the first line, then its whole text. Shown
/// under the list and in the spotlight.
pub(super) fn detail(
    app: &App,
    theme: &Theme,
    r: &Review,
    i: usize,
    width: usize,
) -> Vec<Line<'static>> {
    let Some(f) = r.factors.get(i) else {
        return Vec::new();
    };
    let mut meta = vec![
        effect(theme, f.effect),
        Span::styled(" · ", theme.muted),
        Span::raw(f.area.label()),
    ];
    if f.internal {
        meta.push(Span::styled(" · internal only", theme.internal));
    }
    let mut lines = vec![Line::from(meta)];
    lines.extend(wrap(&f.text, width).into_iter().map(Line::raw));
    lines.extend(super::coach::item_flags(app, theme, &f.text, f.quote));
    lines.extend(super::coach::reframed(app, theme, &f.text, &f.reframed));
    lines
}
