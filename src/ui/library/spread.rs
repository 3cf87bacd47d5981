//! The time to resolve as a histogram: a bin a row, wider bins for longer
//! times, the bins that hold the median and the 90th percentile marked,
//! and both written as numbers above; never a mean.
//!
//! ```text
//! median 47m · 90th percentile 3h 10m · longest 5h 59m
//!   under 5m    ██ 12
//! ▶ 30m to 1h   ████████████████ 400  ◀ median
//!   2h to 4h    ████ 70               ◀ p90
//! 988 reviews with a time to resolve · 12 without
//! ```

use chrono::TimeDelta;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::super::list::fit_line;
use super::super::text::pad;
use super::super::theme::Theme;
use super::{reviews, thousands};
use crate::app::library::{LibraryView, Section};
use crate::domain::time::format_duration;

fn human(seconds: Option<i64>) -> String {
    seconds.map_or_else(
        || "-".to_owned(),
        |s| format_duration(TimeDelta::seconds(s)),
    )
}

/// The widest bin label.
const LABEL: usize = 11;

pub fn draw(theme: &Theme, view: &LibraryView, focused: bool, area: Rect, buf: &mut Buffer) {
    let d = &view.resolve;
    let width = usize::from(area.width);
    let line_at = |line: Line<'_>, y: u16, buf: &mut Buffer| {
        if y < area.bottom() {
            fit_line(line, width).render(Rect::new(area.x, y, area.width, 1), buf);
        }
    };
    if d.count == 0 {
        super::super::list::empty(
            theme,
            area,
            buf,
            vec![Line::raw(
                "No review has its start (or detection) and its resolution set yet.",
            )],
        );
        return;
    }
    let mut y = area.y;
    line_at(
        Line::from(vec![
            Span::styled("median ", theme.label),
            Span::styled(human(d.median), theme.heading),
            Span::styled(" · 90th percentile ", theme.label),
            Span::styled(human(d.p90), theme.heading),
            Span::styled(" · longest ", theme.label),
            Span::raw(human(d.max)),
        ]),
        y,
        buf,
    );
    y += 1;
    let selected = view.selected(Section::Resolve);
    let most = view
        .bins
        .iter()
        .map(|b| b.reviews.len())
        .max()
        .unwrap_or(0)
        .max(1);
    let count_width = thousands(most).len();
    let marks = 18;
    let room = width.saturating_sub(2 + LABEL + 1 + 1 + count_width + marks);
    for (i, bin) in view.bins.iter().enumerate() {
        if y >= area.bottom() {
            break;
        }
        let n = bin.reviews.len();
        let len = if n == 0 { 0 } else { (n * room).div_ceil(most) };
        let mut spans = vec![
            Span::raw("  "),
            Span::styled(pad(&bin.label, LABEL), theme.label),
            Span::raw(" "),
            Span::styled("█".repeat(len), theme.info),
            Span::raw(format!(" {}", thousands(n))),
        ];
        let mark = match (bin.median, bin.p90) {
            (true, true) => Some("◀ median, p90"),
            (true, false) => Some("◀ median"),
            (false, true) => Some("◀ p90"),
            (false, false) => None,
        };
        if let Some(mark) = mark {
            let used = 2 + LABEL + 1 + len + 1 + thousands(n).len();
            let to = 2 + LABEL + 1 + room + 1 + count_width + 2;
            spans.push(Span::raw(" ".repeat(to.saturating_sub(used).max(2))));
            spans.push(Span::styled(mark, theme.key));
        }
        let row = Rect::new(area.x, y, area.width, 1);
        fit_line(Line::from(spans), width).render(row, buf);
        if selected == Some(i) {
            super::super::list::row(
                theme,
                buf,
                area,
                y,
                &[],
                Vec::new(),
                super::super::list::RowStyle {
                    selected: Some(focused),
                    height: 1,
                    wraps: None,
                },
            );
        }
        y += 1;
    }
    let mut counts = vec![Span::raw(format!(
        "{} with a time to resolve",
        reviews(d.count)
    ))];
    if d.missing > 0 {
        counts.push(Span::styled(
            format!(" · {} without", thousands(d.missing)),
            theme.muted,
        ));
    }
    if d.out_of_order > 0 {
        counts.push(Span::styled(
            format!(
                " · ! {} resolved before they started, left out",
                thousands(d.out_of_order)
            ),
            theme.warning,
        ));
    }
    line_at(Line::from(counts), y, buf);
    line_at(
        Line::styled(
            "No mean: a few long incidents pull it far from a typical one.",
            theme.muted,
        ),
        y + 1,
        buf,
    );
}
