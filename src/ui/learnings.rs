//! Pane 2: the learnings, the most important output of a review.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::keys;
use super::list::{self, List};
use super::text::{one_line, wrap};
use super::theme::Theme;
use crate::app::commands::{CommandId, Scope};
use crate::app::{App, Pane, Workspace};
use crate::domain::{LearningKind, Review};

/// The kind in at most nine cells, for narrow panes.
fn kind_short(k: LearningKind) -> &'static str {
    match k {
        LearningKind::WentWell => "went well",
        LearningKind::NeedsImprovement => "improve",
        LearningKind::Lucky => "lucky",
        LearningKind::Surprise => "surprise",
    }
}

fn kind_style(theme: &Theme, k: LearningKind) -> Style {
    match k {
        LearningKind::WentWell => theme.positive,
        LearningKind::NeedsImprovement => theme.warning,
        LearningKind::Lucky | LearningKind::Surprise => theme.info,
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
    let roomy = area.width >= 100;
    let add = keys::first(&app.keymap, Scope::List, CommandId::Add).unwrap_or_default();
    let spec = List {
        pane: Pane::Learnings,
        focused,
        len: r.learnings.len(),
        cursor: ws.cursor(Pane::Learnings),
        columns: vec![
            ("Kind", Constraint::Length(if roomy { 18 } else { 9 })),
            ("Learning", Constraint::Fill(1)),
        ],
        empty: vec![
            Line::raw("No learnings yet."),
            Line::raw("What did someone in the room not know before today? What went well?"),
            Line::from(vec![Span::styled(add, theme.key), Span::raw(" adds one")]),
        ],
        wraps: Some(1),
    };
    let cells = move |i: usize| {
        let Some(l) = r.learnings.get(i) else {
            return Vec::new();
        };
        let kind = if roomy {
            l.kind.label()
        } else {
            kind_short(l.kind)
        };
        let mut text: Vec<Span> = super::coach::markers(app, theme, l.internal, l.quote, &l.text);
        text.push(Span::raw(one_line(&l.text)));
        vec![
            Line::styled(kind, kind_style(theme, l.kind)),
            Line::from(text),
        ]
    };
    let preview = move |i, width| detail(app, theme, r, i, width);
    (spec, Box::new(cells), Box::new(preview))
}

/// Learning `i` in full, its text wrapped to `width`: its kind and the
/// events it came from on the first line, then its whole text. Shown
/// under the list and in the spotlight.
pub(super) fn detail(
    app: &App,
    theme: &Theme,
    r: &Review,
    i: usize,
    width: usize,
) -> Vec<Line<'static>> {
    let Some(l) = r.learnings.get(i) else {
        return Vec::new();
    };
    let mut meta = vec![Span::styled(l.kind.label(), kind_style(theme, l.kind))];
    if !l.events.is_empty() {
        let ids: Vec<String> = l.events.iter().map(ToString::to_string).collect();
        meta.push(Span::styled(
            format!(" · from events {}", ids.join(" ")),
            theme.muted,
        ));
    }
    if l.internal {
        meta.push(Span::styled(" · internal only", theme.internal));
    }
    let mut lines = vec![Line::from(meta)];
    lines.extend(wrap(&l.text, width).into_iter().map(Line::raw));
    lines.extend(super::coach::item_flags(app, theme, &l.text, l.quote));
    lines.extend(super::coach::reframed(app, theme, &l.text, &l.reframed));
    lines
}
