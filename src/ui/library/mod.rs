//! The library screen. Pure: the screen's state in, cells out.
//!
//! Wide (120x35 and larger): the four sections at once.
//!
//! ```text
//! ┌ debrief · library   1,000 reviews, 2026-01-02 to 2026-12-31 · by month ┐
//! ├ Reviews by severity ───────────────┬ Time to resolve ──────────────────┤
//! │ stacked bars, a period a bar       │ a bin a row, median and p90 marked│
//! ├ Recurring factors ─────────────────┼ Open follow-ups by owner ─────────┤
//! │ areas, then words that recur       │ owner, then items, overdue first  │
//! ├────────────────────────────────────┴───────────────────────────────────┤
//! │ status: message                                              key hints │
//! └────────────────────────────────────────────────────────────────────────┘
//! ```
//!
//! Smaller (down to 80x24): one section fills the screen, with tabs.
//! Nothing is told by colour alone: the severities have a glyph each, the
//! selection a marker or reversed text, an overdue item a `!`.

mod bars;
mod factors;
mod follow_ups;
mod pick;
mod spread;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::layout::Mode;
use super::list::fit_line;
use super::theme::Theme;
use crate::app::App;
use crate::app::library::{LibraryView, Section};

/// `n` with its thousands apart: `12,345`.
pub(super) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "1 review", "3 reviews".
pub(super) fn reviews(n: usize) -> String {
    match n {
        1 => "1 review".to_owned(),
        n => format!("{} reviews", thousands(n)),
    }
}

fn header(theme: &Theme, view: &LibraryView, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, theme.header);
    let mut spans = vec![
        Span::styled(" debrief ", theme.title),
        Span::styled("· library  ", theme.muted),
        Span::raw(reviews(view.reviews.len())),
    ];
    if let (Some(first), Some(last)) = (view.reviews.first(), view.reviews.last()) {
        spans.push(Span::styled(
            format!(", {} to {}", first.date, last.date),
            theme.muted,
        ));
    }
    spans.push(Span::styled(
        format!(" · by {}", view.by.label()),
        theme.muted,
    ));
    if !view.problems.is_empty() {
        spans.push(Span::styled(
            format!(
                " · ! {} unreadable, named in the list of reviews",
                match view.problems.len() {
                    1 => "1 file".to_owned(),
                    n => format!("{} files", thousands(n)),
                }
            ),
            theme.warning,
        ));
    }
    fit_line(Line::from(spans), usize::from(area.width)).render(area, buf);
}

/// The tabs of a small screen: the sections, the focused one reversed.
fn tabs(theme: &Theme, view: &LibraryView, area: Rect, buf: &mut Buffer) {
    let mut spans = Vec::new();
    for (i, s) in Section::ALL.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled("│", theme.border));
        }
        let style = if s == view.section {
            theme.tab_focused
        } else {
            theme.tab
        };
        spans.push(Span::styled(format!(" {} ", s.short()), style));
    }
    fit_line(Line::from(spans), usize::from(area.width)).render(area, buf);
}

/// The title of a section's frame, and what it says on the right.
fn title(view: &LibraryView, section: Section) -> (String, String) {
    match section {
        Section::Severity => (
            format!("{}, by {}", section.title(), view.by.label()),
            match view.periods().len() {
                1 => "1 period".to_owned(),
                n => format!("{} periods", thousands(n)),
            },
        ),
        Section::Resolve => (section.title().to_owned(), reviews(view.resolve.count)),
        Section::Factors => (section.title().to_owned(), String::new()),
        Section::FollowUps => {
            let a = &view.actions;
            (
                section.title().to_owned(),
                format!(
                    "{} open, {} overdue",
                    thousands(a.still_open()),
                    thousands(a.overdue)
                ),
            )
        }
    }
}

/// One section in its frame.
fn section(theme: &Theme, view: &LibraryView, s: Section, area: Rect, buf: &mut Buffer) {
    let focused = view.section == s;
    let (name, right) = title(view, s);
    let mut block = Block::bordered()
        .border_style(theme.border(focused))
        .title(Line::styled(format!(" {name} "), theme.pane_title(focused)));
    if !right.is_empty() {
        block = block.title_top(Line::styled(format!(" {right} "), theme.muted).right_aligned());
    }
    let inner = block.inner(area);
    block.render(area, buf);
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    match s {
        Section::Severity => bars::draw(theme, view, focused, inner, buf),
        Section::Resolve => spread::draw(theme, view, focused, inner, buf),
        Section::Factors => factors::draw(theme, view, focused, inner, buf),
        Section::FollowUps => follow_ups::draw(theme, view, focused, inner, buf),
    }
}

pub fn draw(app: &App, view: &LibraryView, area: Rect, buf: &mut Buffer) {
    let theme = Theme::of(app.theme);
    let wide = Mode::of(area) == Mode::Wide;
    let [head, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    header(theme, view, head, buf);
    if wide {
        let [top, bottom] =
            Layout::vertical([Constraint::Percentage(50), Constraint::Fill(1)]).areas(body);
        let [sev, resolve] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Fill(1)]).areas(top);
        let [factors, follow] =
            Layout::horizontal([Constraint::Percentage(40), Constraint::Fill(1)]).areas(bottom);
        section(theme, view, Section::Severity, sev, buf);
        section(theme, view, Section::Resolve, resolve, buf);
        section(theme, view, Section::Factors, factors, buf);
        section(theme, view, Section::FollowUps, follow, buf);
    } else {
        let [tab_row, one] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(body);
        tabs(theme, view, tab_row, buf);
        section(theme, view, view.section, one, buf);
    }
    if let Some(p) = &view.picking {
        pick::draw(theme, view, p, body, buf);
    }
    super::status::draw(app, status, buf);
}

/// The first line to show of `total` lines so that line `at` is on one of
/// `height` rows, from the top when it can be.
pub(super) fn first_shown(at: usize, total: usize, height: usize) -> usize {
    if height == 0 || total <= height {
        return 0;
    }
    (at + 1).saturating_sub(height).min(total - height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_set_apart() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn the_line_shown_is_always_in_the_window() {
        for total in 0..30 {
            for height in 1..10 {
                for at in 0..total {
                    let first = first_shown(at, total, height);
                    assert!(first <= at && at < first + height, "{at} {total} {height}");
                    assert!(first + height <= total.max(height));
                }
            }
        }
    }
}
