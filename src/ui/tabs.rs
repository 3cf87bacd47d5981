//! The tab bar of the narrow layout: the six panes, numbered as their
//! keys, with how many items each holds; the focused one highlighted.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::theme::Theme;
use crate::app::{App, Pane, Workspace};

/// How much each tab says, from most to least.
#[derive(Clone, Copy)]
enum Detail {
    Counts,
    Names,
    Numbers,
}

fn tabs(theme: &Theme, ws: &Workspace, detail: Detail) -> Line<'static> {
    let mut spans = Vec::new();
    for (i, pane) in Pane::ALL.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled("│", theme.border));
        }
        let focused = pane == ws.focus;
        let (style, count_style) = if focused {
            (theme.tab_focused, theme.tab_focused)
        } else {
            (theme.tab, theme.muted)
        };
        let n = i + 1;
        match detail {
            Detail::Counts if pane != Pane::Details => {
                spans.push(Span::styled(format!(" {n} {} ", pane.short()), style));
                spans.push(Span::styled(format!("{} ", ws.len(pane)), count_style));
            }
            Detail::Counts | Detail::Names => {
                spans.push(Span::styled(format!(" {n} {} ", pane.short()), style));
            }
            Detail::Numbers => {
                let first: String = pane.short().chars().take(3).collect();
                spans.push(Span::styled(format!(" {n} {first} "), style));
            }
        }
    }
    Line::from(spans)
}

fn line(theme: &Theme, ws: &Workspace, area: Rect) -> Line<'static> {
    let max = usize::from(area.width);
    [Detail::Counts, Detail::Names, Detail::Numbers]
        .into_iter()
        .map(|d| tabs(theme, ws, d))
        .find(|l| l.width() <= max)
        .unwrap_or_else(|| tabs(theme, ws, Detail::Numbers))
}

/// The pane whose tab is drawn at column `x` of the bar at `area`.
pub fn pane_at(ws: &Workspace, area: Rect, x: u16) -> Option<Pane> {
    let line = line(Theme::of(Default::default()), ws, area);
    let mut at = area.x;
    let mut pane = 0;
    for span in &line.spans {
        let w = span.width() as u16;
        if span.content == "│" {
            pane += 1;
        } else if x >= at && x < at + w {
            return Pane::ALL.get(pane).copied();
        }
        at += w;
    }
    None
}

pub fn draw(app: &App, ws: &Workspace, area: Rect, buf: &mut Buffer) {
    line(Theme::of(app.theme), ws, area).render(area, buf);
}
