//! The stage rail: the meeting's stages in order, the current one
//! highlighted, and the meeting clock at the right, so the room always
//! sees where the meeting stands.
//!
//! ```text
//!  ✓1 Set the stage · ✓2 Key moments · ▶ 3 Timeline · 4 Impact · …   ⏱ 5 min left · 12 of 60 min
//! ```
//!
//! On a narrow screen the stage names shorten, then only the current one
//! keeps its name and the others show their numbers.

use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::theme::Theme;
use crate::app::{App, Workspace};
use crate::domain::{Clock, Stage};

/// How much each stage says, from most to least.
#[derive(Clone, Copy)]
enum Detail {
    Titles,
    Short,
    Numbers,
}

fn stages(theme: &Theme, ws: &Workspace, detail: Detail, now: DateTime<Utc>) -> Line<'static> {
    let m = &ws.review.meeting;
    let current = m.stage;
    let mut spans = Vec::new();
    for (i, stage) in Stage::ALL.iter().enumerate() {
        if i > 0 {
            let sep = match detail {
                Detail::Numbers => " ",
                _ => " · ",
            };
            spans.push(Span::styled(sep, theme.muted));
        }
        let n = i + 1;
        // A stage the room has spent time in is ticked.
        let visited = *stage != current && m.spent_in(*stage, now).num_seconds() > 0;
        let mark = if visited { "✓" } else { "" };
        if *stage == current {
            let name = match detail {
                Detail::Titles => stage.title(),
                Detail::Short | Detail::Numbers => stage.short(),
            };
            spans.push(Span::styled(format!(" ▶ {n} {name} "), theme.tab_focused));
            continue;
        }
        let style = if visited { theme.text } else { theme.muted };
        let text = match detail {
            Detail::Titles => format!("{mark}{n} {}", stage.title()),
            Detail::Short => format!("{mark}{n} {}", stage.short()),
            Detail::Numbers => format!("{mark}{n}"),
        };
        spans.push(Span::styled(text, style));
    }
    Line::from(spans)
}

/// What the clock says: time left in the stage, or how far over it is,
/// and the meeting's total.
pub fn clock(theme: &Theme, ws: &Workspace, now: DateTime<Utc>) -> Vec<Span<'static>> {
    let r = &ws.review;
    let m = &r.meeting;
    let planned = m.planned(r.severity, r.kind);
    // Whole minutes: a time box is counted in minutes, and a clock that
    // changes once a minute costs viewers on slow links next to nothing.
    let total = format!(
        " · {} of {planned} min{}",
        m.total(now).num_minutes(),
        if m.is_running() { "" } else { " · paused" }
    );
    match m.clock(r.severity, r.kind, now) {
        Clock::NotStarted => vec![Span::styled(
            format!("⏱ {planned} min planned · c starts"),
            theme.muted,
        )],
        Clock::Left { left, running } => vec![
            Span::styled(
                format!("⏱ {} min left", minutes_up(left)),
                if running { theme.text } else { theme.muted },
            ),
            Span::styled(total, theme.muted),
        ],
        Clock::Over { over, .. } => vec![
            Span::styled(format!("⏱ OVER BY {} min", minutes_up(over)), theme.error),
            Span::styled(total, theme.muted),
        ],
    }
}

/// Minutes, a part of one counting as a whole one.
fn minutes_up(d: chrono::Duration) -> i64 {
    (d.num_seconds().max(0) + 59) / 60
}

/// What the clock shows, as text: the screen needs drawing again when it
/// changes, and only then.
pub fn face(ws: &Workspace, now: DateTime<Utc>) -> String {
    let theme = Theme::of(Default::default());
    clock(theme, ws, now)
        .iter()
        .map(|s| s.content.as_ref())
        .collect()
}

/// The clock and the stages as they fit in `area`, with the clock's width.
fn lines(
    theme: &Theme,
    ws: &Workspace,
    area: Rect,
    now: DateTime<Utc>,
) -> (Line<'static>, Line<'static>, u16) {
    let clock = Line::from(clock(theme, ws, now));
    let clock_width = clock.width() as u16 + 1;
    let room = usize::from(area.width.saturating_sub(clock_width + 2));
    let rail = [Detail::Titles, Detail::Short, Detail::Numbers]
        .into_iter()
        .map(|d| stages(theme, ws, d, now))
        .find(|l| l.width() <= room)
        .unwrap_or_else(|| stages(theme, ws, Detail::Numbers, now));
    (rail, clock, clock_width)
}

/// The stage drawn at column `x` of the rail at `area`, if any: the same
/// text as [`draw`] lays out, so a click lands on what is seen.
pub fn stage_at(ws: &Workspace, area: Rect, now: DateTime<Utc>, x: u16) -> Option<Stage> {
    let theme = Theme::of(Default::default());
    let (rail, _, clock_width) = lines(theme, ws, area, now);
    let end = area.right().saturating_sub(clock_width);
    let mut at = area.x + 1;
    // Separators and stages alternate, a stage first.
    for (i, span) in rail.spans.iter().enumerate() {
        let w = span.width() as u16;
        if i % 2 == 0 && x >= at && x < (at + w).min(end) {
            return Stage::ALL.get(i / 2).copied();
        }
        at += w;
    }
    None
}

pub fn draw(app: &App, ws: &Workspace, area: Rect, buf: &mut Buffer) {
    let theme = Theme::of(app.theme);
    let (rail, clock, clock_width) = lines(theme, ws, area, app.now);
    rail.render(
        Rect {
            x: area.x + 1,
            width: area.width.saturating_sub(clock_width + 1),
            ..area
        },
        buf,
    );
    let x = area.right().saturating_sub(clock_width);
    clock.render(
        Rect {
            x,
            width: clock_width.min(area.width),
            ..area
        },
        buf,
    );
}

/// The current stage, large: a bordered, centred banner for a room
/// watching a shared screen.
pub fn banner(app: &App, ws: &Workspace, area: Rect, buf: &mut Buffer) {
    let theme = Theme::of(app.theme);
    let stage = ws.review.meeting.stage;
    let block = ratatui::widgets::Block::bordered().border_style(theme.border_focused);
    let inner = block.inner(area);
    block.render(area, buf);
    let title = stage
        .title()
        .to_uppercase()
        .chars()
        .fold(String::new(), |mut s, c| {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push(c);
            s
        });
    let line = Line::from(vec![
        Span::styled(
            format!("STAGE {} OF {}   ", stage.index() + 1, Stage::ALL.len()),
            theme.muted,
        ),
        Span::styled(title, theme.title),
    ]);
    // Letter-spaced when it fits, plain when it does not.
    let line = if line.width() <= usize::from(inner.width) {
        line
    } else {
        Line::from(vec![Span::styled(
            stage.title().to_uppercase(),
            theme.title,
        )])
    };
    line.centered().render(inner, buf);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Access;
    use crate::domain::{Offset, Review, ReviewKind, Severity, Text};

    #[test]
    fn the_rail_fits_every_width_from_80() {
        let now = Utc::now();
        let review = Review::new(
            "r".into(),
            Text::new("t"),
            Severity::Sev2,
            ReviewKind::Full,
            now,
            Offset::default(),
        );
        let ws = Workspace::new(review, None, Access::ReadWrite);
        let theme = Theme::of(Default::default());
        let numbers = stages(theme, &ws, Detail::Numbers, now);
        let clock = Line::from(clock(theme, &ws, now));
        assert!(numbers.width() + clock.width() + 3 <= 80);
        let short = stages(theme, &ws, Detail::Short, now);
        assert!(
            short.width() + clock.width() + 3 <= 160,
            "{}",
            short.width()
        );
    }
}
