//! Where everything goes, computed from the frame's area every time, so a
//! resize can never leave anything behind.
//!
//! Wide (120x35 and larger): every pane at once.
//!
//! ```text
//! ┌ header: SEV2 Critical  title ······· status · kind · saved ─────┐
//! │ stage rail: 1 Set the stage · ▶ 2 Key moments · …  ⏱ 5 min left │
//! ├──────────────────────────────────────────┬──────────────────────┤
//! │ the focused pane: 1 Timeline, or the     │ 6 Details (summary)  │
//! │   pane of the stage (the timeline then   │   TTD TTA TTM TTR    │
//! │   takes its place below)                 ├──────────────────────┤
//! │                                          │ Stage: guidance and  │
//! │                                          │ its questions        │
//! ├───────────┬───────────┬─────────────┬────┴──────────────────────┤
//! │2 Learnings│3 Factors  │4 Actions    │5 Parking lot              │
//! ├───────────┴───────────┴─────────────┴───────────────────────────┤
//! │ status: message                                      key hints  │
//! └─────────────────────────────────────────────────────────────────┘
//! ```
//!
//! Narrow (80x24 up to wide): one pane at a time, chosen with the tabs.
//!
//! ```text
//! ┌ header ──────────────────────────────────────┐
//! │ 1 2 ▶ 3 Timeline 4 5 6 7 8 9   ⏱ 5 min left  │  stage rail
//! │ 1 Timeline │ 2 Learnings │ … │ 6 Details     │  tabs
//! ├──────────────────────────────────────────────┤
//! │ the focused pane                             │
//! ├──────────────────────────────────────────────┤
//! │ Stage: guidance, the first questions         │  3 lines (8 for the
//! │                                              │  opening and checks)
//! ├──────────────────────────────────────────────┤
//! │ status: message                  key hints   │
//! └──────────────────────────────────────────────┘
//! ```
//!
//! Smaller than 80x24: a plain message saying how large the window must be.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Text};
use ratatui::widgets::{Clear, Paragraph, Widget, Wrap};

use super::theme::Theme;
use crate::app::Pane;

pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;
/// From this size on, every pane is shown at once.
pub const WIDE_WIDTH: u16 = 120;
pub const WIDE_HEIGHT: u16 = 35;

/// How the workspace is laid out for a given size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    TooSmall,
    Narrow,
    Wide,
}

impl Mode {
    pub fn of(area: Rect) -> Mode {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            Mode::TooSmall
        } else if area.width >= WIDE_WIDTH && area.height >= WIDE_HEIGHT {
            Mode::Wide
        } else {
            Mode::Narrow
        }
    }
}

/// The areas of the workspace screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Areas {
    pub header: Rect,
    /// The stage rail and the meeting clock.
    pub rail: Rect,
    /// The tab bar, in the narrow layout only.
    pub tabs: Option<Rect>,
    /// Each pane shown, with its area.
    pub panes: Vec<(Pane, Rect)>,
    /// The small summary of key moments and metrics, in the wide layout
    /// when the details pane does not have the focus.
    pub summary: Option<Rect>,
    pub prompts: Rect,
    pub status: Rect,
}

/// The height of the prompts strip in the narrow layout.
pub const PROMPT_STRIP: u16 = 3;
/// The height of the strip at the stages that read out a statement or
/// list the checks.
pub const TALL_STRIP: u16 = 8;

/// The areas of the workspace at `area` with `focus`; `strip` is the
/// height the prompts take in the narrow layout (more at the stages that
/// have more to say).
pub fn workspace(area: Rect, focus: Pane, strip: u16) -> Areas {
    let wide = Mode::of(area) == Mode::Wide;
    if !wide {
        let [header, rail, tabs, pane, prompts, status] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(strip),
            Constraint::Length(1),
        ])
        .areas(area);
        return Areas {
            header,
            rail,
            tabs: Some(tabs),
            panes: vec![(focus, pane)],
            summary: None,
            prompts,
            status,
        };
    }
    let [header, rail, top, bottom, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(3),
        Constraint::Fill(2),
        Constraint::Length(1),
    ])
    .areas(area);
    let side = (area.width / 10 * 3 + 2).clamp(40, 58);
    let [main, right] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(side)]).areas(top);
    let slots: [Rect; 4] = Layout::horizontal([
        Constraint::Fill(5),
        Constraint::Fill(5),
        Constraint::Fill(6),
        Constraint::Fill(4),
    ])
    .areas(bottom);
    // The focused pane (the current stage's) takes the large slot; the
    // timeline then takes the focused pane's place in the row below.
    let main_pane = focus;
    let row = [Pane::Learnings, Pane::Factors, Pane::Actions, Pane::Parking]
        .map(|p| if p == focus { Pane::Timeline } else { p });
    let (summary, prompts) = if focus == Pane::Details {
        (None, right)
    } else {
        let [summary, prompts] =
            Layout::vertical([Constraint::Length(SUMMARY_HEIGHT), Constraint::Fill(1)])
                .areas(right);
        (Some(summary), prompts)
    };
    Areas {
        header,
        rail,
        tabs: None,
        panes: std::iter::once((main_pane, main))
            .chain(row.into_iter().zip(slots))
            .collect(),
        summary,
        prompts,
        status,
    }
}

/// What lies at a cell of the workspace screen, for a click.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hit {
    /// A pane, away from its rows: its border, its headings, the space
    /// below its last row.
    Pane(Pane),
    /// The row of an item of a pane, on any of the row's lines.
    Row {
        pane: Pane,
        item: usize,
        /// The first item the pane shows, for the selection to keep the
        /// rows where they are.
        first: usize,
    },
    Tab(Pane),
    Stage(crate::domain::Stage),
}

/// What the workspace `ws` of `app` shows at column `x`, row `y` of the
/// screen, laid out by the same functions as the drawing.
pub fn hit(app: &crate::app::App, ws: &crate::app::Workspace, (x, y): (u16, u16)) -> Option<Hit> {
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    if Mode::of(area) == Mode::TooSmall {
        return None;
    }
    let audience = app.audience.is_audience();
    let areas = if audience {
        presenting(area, ws.focus)
    } else {
        workspace(area, ws.focus, super::prompts::strip_height(ws))
    };
    let at = ratatui::layout::Position::new(x, y);
    if areas.rail.contains(at) {
        return super::rail::stage_at(ws, areas.rail, app.now, x).map(Hit::Stage);
    }
    if let Some(tabs) = areas.tabs.filter(|t| t.contains(at)) {
        return super::tabs::pane_at(ws, tabs, x).map(Hit::Tab);
    }
    // The summary of the details stands for the details pane, but for an
    // audience, where that area is the stage banner.
    if !audience && areas.summary.is_some_and(|s| s.contains(at)) {
        return Some(Hit::Pane(Pane::Details));
    }
    let (pane, rect) = areas.panes.iter().find(|(_, r)| r.contains(at))?;
    let inside = super::list::inner(*rect).contains(at);
    Some(
        match super::workspace::row_at(app, ws, *pane, *rect, y).filter(|_| inside) {
            Some((item, first)) => Hit::Row {
                pane: *pane,
                item,
                first,
            },
            None => Hit::Pane(*pane),
        },
    )
}

/// The areas for an audience (presenter mode, a watcher): the stage as a
/// banner, then the focused pane alone at full width, then the question
/// being asked.
pub fn presenting(area: Rect, focus: Pane) -> Areas {
    let [header, rail, banner, pane, prompts, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(BANNER),
        Constraint::Fill(1),
        Constraint::Length(PROMPT_STRIP),
        Constraint::Length(1),
    ])
    .areas(area);
    Areas {
        header,
        rail,
        tabs: None,
        panes: vec![(focus, pane)],
        summary: Some(banner),
        prompts,
        status,
    }
}

/// The height of the stage banner in presenter mode.
pub const BANNER: u16 = 3;

/// The height of the details summary in the wide layout, borders included.
pub const SUMMARY_HEIGHT: u16 = 9;

/// The message shown instead of the screen when the window is too small.
pub fn too_small(theme: &Theme, area: Rect, buf: &mut Buffer) {
    let lines = vec![
        Line::styled("The window is too small for debrief.", theme.warning),
        Line::raw(""),
        Line::raw(format!(
            "It needs at least {MIN_WIDTH}×{MIN_HEIGHT}; this one is {}×{}.",
            area.width, area.height
        )),
        Line::styled("Make the window larger, or the font smaller.", theme.muted),
    ];
    let text = Text::from(lines).centered();
    let inner = area.inner(Margin::new(1, 0));
    let height = (text.height() as u16 + 2).min(area.height);
    let y = area.y + area.height.saturating_sub(height) / 2;
    let rect = Rect { y, height, ..inner };
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .render(rect, buf);
}

/// Makes room for an overlay at `popup`: dims the screen under it and
/// clears the popup with a margin of one cell, so that no border of the
/// screen beneath touches the overlay's own. The header and the status
/// bar (the first and last rows) are left whole.
pub fn backdrop(theme: &Theme, area: Rect, popup: Rect, buf: &mut Buffer) {
    buf.set_style(area, theme.backdrop);
    let bars = area.inner(Margin::new(0, 1));
    let margin = popup
        .outer(Margin::new(1, 1))
        .intersection(bars)
        .union(popup)
        .intersection(area);
    Clear.render(margin, buf);
}

/// A rectangle of at most `width` x `height`, centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_follow_the_size() {
        let cases = [
            (60, 20, Mode::TooSmall),
            (80, 23, Mode::TooSmall),
            (80, 24, Mode::Narrow),
            (119, 50, Mode::Narrow),
            (200, 34, Mode::Narrow),
            (120, 35, Mode::Wide),
            (160, 48, Mode::Wide),
        ];
        for (w, h, want) in cases {
            assert_eq!(Mode::of(Rect::new(0, 0, w, h)), want, "{w}x{h}");
        }
    }

    #[test]
    fn every_area_lies_inside_the_frame_and_nothing_overlaps() {
        for (w, h) in [(80, 24), (100, 30), (120, 35), (160, 48), (300, 90)] {
            let frame = Rect::new(0, 0, w, h);
            for (focus, strip) in Pane::ALL.into_iter().zip([3, 8].into_iter().cycle()) {
                let a = workspace(frame, focus, strip);
                let mut all = vec![a.header, a.rail, a.prompts, a.status];
                all.extend(a.tabs);
                all.extend(a.summary);
                all.extend(a.panes.iter().map(|(_, r)| *r));
                for (i, r) in all.iter().enumerate() {
                    assert_eq!(frame.intersection(*r), *r, "{w}x{h}");
                    for other in &all[i + 1..] {
                        assert!(!r.intersects(*other), "{r:?} and {other:?} at {w}x{h}");
                    }
                }
                assert!(a.panes.iter().any(|(p, _)| *p == focus), "{focus:?}");
            }
        }
    }
}
