//! The header: severity badge, title, review status and kind, and whether
//! the latest change is on disk, or that the review is read-only (or
//! watched with `debrief watch`).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::list::fit_line;
use super::text::width;
use super::theme::Theme;
use crate::app::state::SaveState;
use crate::app::{Access, App, Audience, Workspace};

fn spans_width(spans: &[Span]) -> usize {
    spans.iter().map(|s| width(&s.content)).sum()
}

/// What the header says about saving, or about the lock.
fn save_spans(theme: &Theme, app: &App, ws: &Workspace) -> Vec<Span<'static>> {
    if app.audience == Audience::Watcher {
        return vec![Span::styled("WATCHING · read-only", theme.warning)];
    }
    match &ws.access {
        Access::ReadOnly(who) => {
            return vec![Span::styled(
                format!("READ-ONLY (held by {who})"),
                theme.error,
            )];
        }
        Access::CannotWrite(_) => {
            return vec![Span::styled("READ-ONLY (cannot be written)", theme.error)];
        }
        Access::ReadWrite => {}
    }
    match ws.save_state() {
        SaveState::Saved => vec![Span::styled("✓ saved", theme.positive)],
        SaveState::Pending => vec![Span::styled("● saving…", theme.warning)],
        SaveState::Failed(why) => vec![Span::styled(format!("✗ NOT SAVED: {why}"), theme.error)],
    }
}

pub fn draw(app: &App, ws: &Workspace, area: Rect, buf: &mut Buffer) {
    let theme = Theme::of(app.theme);
    buf.set_style(area, theme.header);
    let r = &ws.review;
    let max = usize::from(area.width);
    let badge = vec![
        Span::styled(
            format!(
                " {} {} ",
                r.severity.label().to_uppercase(),
                r.severity.priority()
            ),
            theme.severity(r.severity),
        ),
        Span::raw(" "),
    ];
    let save = save_spans(theme, app, ws);
    let sep = || Span::styled(" · ", theme.muted);
    let status = Span::raw(r.status.label());
    let kind = Span::styled(format!("{} review", r.kind.label()), theme.muted);
    // Keep what matters most when the line is short: saving, then status,
    // then kind; the title takes what is left.
    let title_min = 24;
    let room = |right: &[Span]| spans_width(&badge) + title_min + 2 + spans_width(right) < max;
    let mut right: Vec<Span> = [vec![status.clone(), sep(), kind, sep()], save.clone()].concat();
    if !room(&right) {
        right = [vec![status, sep()], save.clone()].concat();
    }
    if !room(&right) {
        right = save;
    }
    let right = fit_line(
        Line::from(right),
        max.saturating_sub(spans_width(&badge) + title_min),
    );
    let right_width = right.width() as u16 + 1;
    let left_width = area.width.saturating_sub(right_width + 1);
    let mut left = badge;
    left.push(Span::styled(r.title.to_string(), theme.title));
    let left = fit_line(Line::from(left), usize::from(left_width));
    left.render(
        Rect {
            width: left_width,
            ..area
        },
        buf,
    );
    right.render(
        Rect {
            x: area.right().saturating_sub(right_width),
            width: right_width,
            ..area
        },
        buf,
    );
}
