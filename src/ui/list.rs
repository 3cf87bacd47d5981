//! What every list pane shares: the bordered frame with the pane's number
//! and the scroll position, the visible window of rows, a table of
//! columns drawn one row at a time, and a preview of the selected item.
//!
//! Only the rows in the window are built, so a pane's cost does not grow
//! with the items off screen.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use super::text::{ELLIPSIS, width, wrap_line};
use super::theme::Theme;
use crate::app::Pane;
use crate::app::state::Cursor;

/// The rows to show: `start..end`, and the selected one if any.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub start: usize,
    pub end: usize,
    pub selected: Option<usize>,
}

/// The rows of a list of `len` items that fit in `height` lines, starting
/// from the cursor's offset but always including the selection, and
/// never leaving empty lines below the last item when more are above.
pub fn window(cursor: Cursor, len: usize, height: usize) -> Window {
    if len == 0 || height == 0 {
        return Window {
            start: 0,
            end: 0,
            selected: (len > 0).then(|| cursor.selected.min(len - 1)),
        };
    }
    let selected = cursor.selected.min(len - 1);
    let mut start = cursor.offset.min(selected);
    if selected >= start + height {
        start = selected + 1 - height;
    }
    start = start.min(len.saturating_sub(height));
    Window {
        start,
        end: (start + height).min(len),
        selected: Some(selected),
    }
}

/// The bordered frame of a pane: " 1 Timeline " on the left, the scroll
/// position ("12/40") on the right. Returns the area inside.
pub fn frame(
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
    pane: Pane,
    focused: bool,
    position: Option<(usize, usize)>,
) -> Rect {
    let number = pane.index() + 1;
    let title = Line::from(vec![
        Span::styled(format!(" {number} "), theme.key),
        Span::styled(format!("{} ", pane.title()), theme.pane_title(focused)),
    ]);
    let mut block = Block::bordered()
        .border_style(theme.border(focused))
        .title(title);
    if let Some((at, len)) = position {
        block = block.title_top(Line::styled(format!(" {at}/{len} "), theme.muted).right_aligned());
    }
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// `line` cut to `max` cells, ending in "…" when something was cut.
/// Renders `lines` one a row from the top of `area`, each cut to its
/// width, as many as fit.
pub fn render_lines<'a>(lines: impl IntoIterator<Item = Line<'a>>, area: Rect, buf: &mut Buffer) {
    for (i, line) in lines.into_iter().take(usize::from(area.height)).enumerate() {
        let row = Rect {
            y: area.y + i as u16,
            height: 1,
            ..area
        };
        fit_line(line, usize::from(area.width)).render(row, buf);
    }
}

pub fn fit_line(line: Line<'_>, max: usize) -> Line<'_> {
    if line.width() <= max {
        return line;
    }
    if max == 0 {
        return Line::default();
    }
    let style = line.spans.last().map_or(Style::new(), |s| s.style);
    let mut budget = max - 1;
    let mut spans = Vec::new();
    for span in &line.spans {
        if budget == 0 {
            break;
        }
        let w = width(&span.content);
        if w <= budget {
            budget -= w;
            spans.push(span.clone());
            continue;
        }
        let mut cut = String::new();
        let mut used = 0;
        for g in span.styled_graphemes(Style::new()) {
            let gw = width(g.symbol);
            if used + gw > budget {
                break;
            }
            cut.push_str(g.symbol);
            used += gw;
        }
        spans.push(Span::styled(cut, span.style));
        break;
    }
    spans.push(Span::styled(ELLIPSIS, style));
    Line::from(spans).style(line.style)
}

/// The x and width of each column in `area`, one cell apart.
pub fn columns(area: Rect, constraints: &[Constraint]) -> Vec<(u16, u16)> {
    let row = Rect { height: 1, ..area };
    Layout::horizontal(constraints.iter().copied())
        .spacing(1)
        .split(row)
        .iter()
        .map(|r| (r.x, r.width))
        .collect()
}

/// Where the selection marker goes and how wide it is.
pub const MARKER: u16 = 2;

/// How one row is drawn.
#[derive(Clone, Copy, Debug, Default)]
pub struct RowStyle {
    /// `Some(focused)` for the selected row.
    pub selected: Option<bool>,
    /// Lines per row; the text column wraps onto them.
    pub height: u16,
    /// The column that wraps, if rows take more than one line.
    pub wraps: Option<usize>,
}

/// Draws one row of cells from `y`. A selected row is reversed as a
/// whole, with its own colours dropped so it reads as one bar, and marked
/// "▶"; in a pane without the focus the marker alone shows the selection.
/// Rows of several lines start with a "·" so items stay apart.
pub fn row(
    theme: &Theme,
    buf: &mut Buffer,
    area: Rect,
    y: u16,
    cols: &[(u16, u16)],
    cells: Vec<Line<'_>>,
    how: RowStyle,
) {
    let height = how.height.max(1).min(area.bottom().saturating_sub(y));
    for (i, ((x, w), cell)) in cols.iter().zip(cells).enumerate() {
        let width = usize::from(*w);
        if how.wraps == Some(i) && height > 1 {
            for (n, line) in wrap_line(&cell, width, usize::from(height))
                .into_iter()
                .enumerate()
            {
                line.render(Rect::new(*x, y + n as u16, *w, 1), buf);
            }
        } else {
            fit_line(cell, width).render(Rect::new(*x, y, *w, 1), buf);
        }
    }
    let bar = Rect::new(area.x, y, area.width, height);
    match how.selected {
        Some(true) => {
            let style = Style::reset().patch(theme.selected);
            for cy in bar.top()..bar.bottom() {
                for x in bar.left()..bar.right() {
                    if let Some(cell) = buf.cell_mut((x, cy)) {
                        cell.set_style(style);
                    }
                }
            }
            buf.set_string(area.x, y, "▶", style);
        }
        Some(false) => {
            buf.set_string(area.x, y, "▷", theme.selected_unfocused);
        }
        None if height > 1 => {
            buf.set_string(area.x, y, "·", theme.muted);
        }
        None => {}
    }
}

/// The column headings.
pub fn header(theme: &Theme, buf: &mut Buffer, y: u16, cols: &[(u16, u16)], titles: &[&str]) {
    for ((x, w), title) in cols.iter().zip(titles) {
        let line = fit_line(Line::styled(*title, theme.column_header), usize::from(*w));
        line.render(Rect::new(*x, y, *w, 1), buf);
    }
}

/// A friendly message in an empty pane, a third of the way down.
pub fn empty(theme: &Theme, area: Rect, buf: &mut Buffer, lines: Vec<Line<'_>>) {
    let top = area.height.saturating_sub(lines.len() as u16 + 2) / 3;
    let area = Rect {
        x: area.x + 2,
        y: area.y + top,
        width: area.width.saturating_sub(4),
        height: area.height - top,
    };
    Paragraph::new(lines)
        .style(theme.muted)
        .wrap(ratatui::widgets::Wrap { trim: true })
        .render(area, buf);
}

/// How many lines of the preview of the selected item show in a pane
/// whose inside is `inner`, holding `rows` items, when the preview would
/// take `wanted`: a third of a tall pane at most; in a short one (80x24),
/// what is left once every row and the headings have a line, so a short
/// list still says what the coach flagged in the selected item.
fn preview_lines(inner: Rect, rows: usize, wanted: usize) -> usize {
    let height = usize::from(inner.height);
    if wanted == 0 {
        return 0;
    }
    if height >= 12 {
        return wanted.min(height / 3);
    }
    // The headings, the rows and the rule above the preview.
    let spare = height.saturating_sub(rows + 2);
    if spare < 2 { 0 } else { wanted.min(spare) }
}

/// `area` split for a preview of `lines` lines: what is left above it,
/// and the rule and the text of the preview if one shows.
fn split_preview(area: Rect, lines: usize) -> (Rect, Option<(Rect, Rect)>) {
    if lines == 0 {
        return (area, None);
    }
    let [rest, rule, text] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(lines as u16),
    ])
    .areas(area);
    (rest, Some((rule, text)))
}

/// The preview of the selected item, under a rule, at the bottom of
/// `area`. Returns what is left above it.
pub fn preview(theme: &Theme, area: Rect, buf: &mut Buffer, lines: Vec<Line<'_>>) -> Rect {
    let (rest, Some((rule, text))) = split_preview(area, lines.len()) else {
        return area;
    };
    buf.set_string(
        rule.x,
        rule.y,
        "╌".repeat(usize::from(rule.width)),
        theme.border,
    );
    let text = Rect {
        x: text.x + 1,
        width: text.width.saturating_sub(2),
        ..text
    };
    for (i, line) in lines.into_iter().take(usize::from(text.height)).enumerate() {
        let y = text.y + i as u16;
        fit_line(line, usize::from(text.width)).render(Rect::new(text.x, y, text.width, 1), buf);
    }
    rest
}

/// Everything a list pane needs to be drawn.
pub struct List<'a> {
    pub pane: Pane,
    pub focused: bool,
    pub len: usize,
    pub cursor: Cursor,
    /// Column headings and widths; the marker column is added in front.
    pub columns: Vec<(&'static str, Constraint)>,
    /// Shown when the list is empty.
    pub empty: Vec<Line<'a>>,
    /// The text column, which wraps when rows have room for more lines.
    pub wraps: Option<usize>,
}

/// Builds the cells of item `usize`'s row.
pub type Cells<'a> = Box<dyn Fn(usize) -> Vec<Line<'a>> + 'a>;
/// Builds the preview lines of item `usize` for a text so many cells wide.
pub type Detail<'a> = Box<dyn Fn(usize, usize) -> Vec<Line<'a>> + 'a>;

/// Where the rows of a list pane are drawn: worked out before anything is
/// drawn, by [`place`], and used both by the drawing and to find the row
/// under a click, so the two always agree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placement {
    /// The area inside the pane's border.
    pub inner: Rect,
    /// The column headings and the rows, above the preview if one shows.
    pub table: Rect,
    /// The x and width of each column.
    pub columns: Vec<(u16, u16)>,
    /// The items shown.
    pub window: Window,
    /// Lines each row takes.
    pub height: u16,
}

impl Placement {
    /// The first line of the row of item `i`, if it is shown.
    pub fn row_y(&self, i: usize) -> Option<u16> {
        (self.window.start..self.window.end)
            .contains(&i)
            .then(|| self.table.y + 1 + ((i - self.window.start) * usize::from(self.height)) as u16)
    }

    /// The item whose row covers line `y` of the screen, any of its lines.
    pub fn item_at(&self, y: u16) -> Option<usize> {
        let first = self.table.y + 1;
        if y < first || y >= self.table.bottom() {
            return None;
        }
        let i = self.window.start + usize::from((y - first) / self.height.max(1));
        (i < self.window.end).then_some(i)
    }
}

/// The area inside a pane's border at `area`, as [`frame`] draws it.
/// The part of a list's `area` right of the selection marker, where the
/// columns go.
pub fn past_marker(area: Rect) -> Rect {
    Rect {
        x: area.x + MARKER,
        width: area.width.saturating_sub(MARKER),
        ..area
    }
}

pub fn inner(area: Rect) -> Rect {
    Block::bordered().inner(area)
}

/// Where the rows of `list` go in a pane at `area`, and the lines of the
/// preview of the selected item (empty when none shows). `cells` and
/// `detail` are the pane's own, as for [`draw`].
pub fn place<'a>(
    area: Rect,
    list: &List<'a>,
    cells: &impl Fn(usize) -> Vec<Line<'a>>,
    detail: &impl Fn(usize, usize) -> Vec<Line<'a>>,
) -> (Placement, Vec<Line<'a>>) {
    let len = list.len;
    let inner = inner(area);
    let selected = (len > 0).then(|| list.cursor.selected.min(len - 1));
    let mut lines: Vec<Line<'a>> = match (list.focused, selected) {
        (true, Some(sel)) => {
            let text_width = usize::from(inner.width.saturating_sub(2));
            detail(sel, text_width)
                .iter()
                .flat_map(|l| wrap_line(l, text_width, usize::MAX))
                .collect()
        }
        _ => Vec::new(),
    };
    lines.truncate(preview_lines(inner, len, lines.len()));
    let table = split_preview(inner, lines.len()).0;
    let body = past_marker(table);
    let constraints: Vec<Constraint> = list.columns.iter().map(|(_, c)| *c).collect();
    let xs = columns(body, &constraints);
    let rows = usize::from(table.height.saturating_sub(1));
    // Rows take two or three lines when every item fits that way.
    let room = match list.wraps {
        Some(_) => (1..=3).rev().find(|h| len * h <= rows).unwrap_or(1),
        None => 1,
    };
    // No taller than the longest text needs; only a few items get here.
    let height = match (list.wraps, xs.get(list.wraps.unwrap_or(0))) {
        (Some(col), Some((_, w))) if room > 1 => (0..len)
            .filter_map(|i| {
                cells(i)
                    .get(col)
                    .map(|l| wrap_line(l, usize::from(*w), room).len())
            })
            .max()
            .unwrap_or(1)
            .max(1),
        _ => 1,
    };
    let window = if len == 0 || inner.is_empty() {
        Window {
            start: 0,
            end: 0,
            selected,
        }
    } else {
        window(list.cursor, len, rows / height)
    };
    let placement = Placement {
        inner,
        table,
        columns: xs,
        window,
        height: height as u16,
    };
    (placement, lines)
}

/// Draws a list pane. `cells` builds the row of one item, `detail` the
/// preview lines of the selected item for a given width; each is called
/// only for what is on screen.
pub fn draw<'a>(
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
    list: List<'a>,
    cells: impl Fn(usize) -> Vec<Line<'a>>,
    detail: impl Fn(usize, usize) -> Vec<Line<'a>>,
) {
    let (at, lines) = place(area, &list, &cells, &detail);
    let position = at.window.selected.map(|s| (s + 1, list.len));
    let inner = frame(theme, area, buf, list.pane, list.focused, position);
    if inner.is_empty() {
        return;
    }
    if list.len == 0 {
        empty(theme, inner, buf, list.empty);
        return;
    }
    if !lines.is_empty() {
        preview(theme, inner, buf, lines);
    }
    let table = at.table;
    let titles: Vec<&str> = list.columns.iter().map(|(t, _)| *t).collect();
    header(theme, buf, table.y, &at.columns, &titles);
    for i in at.window.start..at.window.end {
        let Some(y) = at.row_y(i) else { continue };
        let how = RowStyle {
            selected: (at.window.selected == Some(i)).then_some(list.focused),
            height: at.height,
            wraps: list.wraps,
        };
        row(theme, buf, table, y, &at.columns, cells(i), how);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cur(selected: usize, offset: usize) -> Cursor {
        Cursor { selected, offset }
    }

    #[test]
    fn the_window_always_holds_the_selection() {
        let cases = [
            // (selected, offset, len, height) -> (start, end)
            ((0, 0, 0, 10), (0, 0)),
            ((0, 0, 5, 10), (0, 5)),
            ((9000, 0, 10_000, 20), (8981, 9001)),
            ((3, 50, 100, 10), (3, 13)),
            ((99, 95, 100, 10), (90, 100)),
            ((500, 0, 100, 10), (90, 100)),
            ((5, 0, 100, 0), (0, 0)),
        ];
        for ((selected, offset, len, height), (start, end)) in cases {
            let w = window(cur(selected, offset), len, height);
            assert_eq!(
                (w.start, w.end),
                (start, end),
                "{selected} {offset} {len} {height}"
            );
            if let Some(s) = w.selected.filter(|_| height > 0) {
                assert!((w.start..w.end).contains(&s));
            }
        }
    }

    #[test]
    fn lines_are_cut_with_an_ellipsis() {
        let line = Line::from(vec![Span::raw("[internal] "), Span::raw("支付失败了")]);
        let cut = fit_line(line.clone(), 15);
        let text: String = cut.spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(text, "[internal] 支…");
        assert_eq!(fit_line(line, 40).width(), 21);
    }
}
