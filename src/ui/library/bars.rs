//! Reviews by severity per period: a stacked bar a period, Sev1 at the
//! bottom so that its trend reads along one line, each severity with a
//! glyph of its own (the colours of the theme only repeat it), the total
//! above each bar, and the selected period's figures written out.
//!
//! ```text
//!   12   9      14
//!  ▒▒▒  ░░░    ▒▒▒
//!  ▓▓▓  ▒▒▒    ▓▓▓
//!  ███  ███    ███
//!  Oct  Nov   [Dec]
//! 2026
//! █ SEV1  ▓ SEV2  ▒ SEV3  ░ SEV4  · SEV5
//! ▶ 2026-12: 14 reviews · SEV1 3 · SEV2 4 · SEV3 7 · SEV4 0 · SEV5 0
//! ```

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::super::list::fit_line;
use super::super::theme::Theme;
use super::{reviews, thousands};
use crate::app::library::{LibraryView, Section};
use crate::domain::Severity;
use crate::library::stats::{By, PeriodRow};

/// The glyph of each severity, Sev1 first.
pub const GLYPHS: [char; 5] = ['█', '▓', '▒', '░', '·'];

/// The style a bar of `severity` is drawn in: the badge's colour as the
/// glyph's, so that a bar is solid; no colour in monochrome.
fn bar_style(theme: &Theme, severity: Severity) -> Style {
    let badge = theme.severity(severity);
    match badge.bg {
        Some(colour) => Style::new().fg(colour),
        None => Style::new(),
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The first line under a bar, and whether the year goes under it.
fn label(row: &PeriodRow, first: bool) -> (String, bool) {
    let p = row.period;
    let name = match p.by {
        By::Month => MONTHS[(p.number as usize).clamp(1, 12) - 1].to_owned(),
        By::Quarter => format!("Q{}", p.number),
    };
    (name, first || p.number == 1)
}

fn legend(theme: &Theme) -> Line<'static> {
    let mut spans = Vec::new();
    for (i, s) in Severity::ALL.iter().copied().enumerate() {
        if i > 0 {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(GLYPHS[i].to_string(), bar_style(theme, s)));
        spans.push(Span::raw(format!(" {}", s.label().to_uppercase())));
    }
    Line::from(spans)
}

/// The selected period's figures, written out: on one line when it
/// fits in `width`, else the counts by severity on a second.
fn figures(theme: &Theme, row: &PeriodRow, focused: bool, width: usize) -> Vec<Line<'static>> {
    let marker = if focused { "▶ " } else { "▷ " };
    let head = vec![
        Span::styled(marker, theme.key),
        Span::styled(format!("{}: ", row.period.label()), theme.heading),
        Span::raw(reviews(row.total)),
    ];
    let mut counts = Vec::new();
    for s in Severity::ALL.iter().copied() {
        counts.push(Span::styled(" · ", theme.muted));
        counts.push(Span::styled(s.label().to_uppercase(), theme.severity(s)));
        counts.push(Span::raw(format!(" {}", thousands(row.count(s)))));
    }
    let one = Line::from([head.clone(), counts.clone()].concat());
    if one.width() <= width {
        return vec![one];
    }
    counts[0] = Span::raw("  ");
    vec![Line::from(head), Line::from(counts)]
}

pub fn draw(theme: &Theme, view: &LibraryView, focused: bool, area: Rect, buf: &mut Buffer) {
    let periods = view.periods();
    let Some(selected) = view.selected(Section::Severity) else {
        super::super::list::empty(
            theme,
            area,
            buf,
            vec![Line::raw("No reviews yet: the bars count them by month.")],
        );
        return;
    };
    // From the bottom: the figures, the legend, the year, the period.
    let width = usize::from(area.width);
    let written = figures(theme, &periods[selected], focused, width);
    let text_rows = 3 + written.len() as u16;
    if area.height < text_rows + 2 {
        return;
    }
    let bottom = area.bottom() + 1 - written.len() as u16;
    let figures_y = bottom - 1;
    let legend_y = bottom - 2;
    let year_y = bottom - 3;
    let label_y = bottom - 4;
    // One row for the totals above the tallest bar.
    let chart_top = area.y + 1;
    let height = usize::from(label_y.saturating_sub(chart_top));
    let (bar, gap) = match view.by {
        By::Month => (3u16, 1u16),
        By::Quarter => (4, 2),
    };
    let slot = bar + gap;
    let shown = usize::from((area.width / slot).max(1));
    // The latest periods, unless the selection is before them.
    let first = selected.min(periods.len().saturating_sub(shown));
    let window = &periods[first..(first + shown).min(periods.len())];
    let max = window.iter().map(|r| r.total).max().unwrap_or(0).max(1);
    for (n, row) in window.iter().enumerate() {
        let x = area.x + n as u16 * slot;
        let is_selected = first + n == selected;
        // Cumulative heights, rounded up, so a severity present shows.
        let mut below = 0usize;
        let mut rows_below = 0usize;
        for (i, s) in Severity::ALL.iter().copied().enumerate() {
            below += row.by_severity[i];
            let rows_to = (below * height).div_ceil(max);
            for r in rows_below..rows_to {
                let y = label_y - 1 - r as u16;
                for dx in 0..bar {
                    buf.set_string(x + dx, y, GLYPHS[i].to_string(), bar_style(theme, s));
                }
            }
            rows_below = rows_to;
        }
        let total = thousands(row.total);
        if total.len() <= usize::from(slot) {
            let y = label_y - 1 - rows_below as u16;
            let style = if is_selected { theme.key } else { theme.muted };
            buf.set_string(x, y.max(area.y), &total, style);
        }
        let (name, year) = label(row, n == 0);
        let style = match (is_selected, focused) {
            (true, true) => theme.selected,
            (true, false) => theme.selected_unfocused,
            _ => theme.text,
        };
        buf.set_string(x, label_y, &name, style);
        if year {
            buf.set_string(x, year_y, row.period.year.to_string(), theme.muted);
        }
    }
    fit_line(legend(theme), width).render(Rect::new(area.x, legend_y, area.width, 1), buf);
    for (n, line) in written.into_iter().enumerate() {
        fit_line(line, width).render(Rect::new(area.x, figures_y + n as u16, area.width, 1), buf);
    }
}
