//! A quick review text on screen: the rows around the cursor, numbered
//! and scrolled sideways, or wrapped between words; the cursor kept in
//! view; the placeholder as a ghost when the text is empty. Only the rows
//! shown are measured, however long the text.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use unicode_width::UnicodeWidthChar;

use crate::app::quick::{Editor, View};

/// What a character takes on screen: a tab is shown as a space, other
/// control characters are not drawn.
fn shown(c: char) -> Option<(char, usize)> {
    if c == '\t' {
        Some((' ', 1))
    } else if c.is_control() {
        None
    } else {
        Some((c, c.width().unwrap_or(0)))
    }
}

/// The screen rows of `line` at `width` cells, as ranges of characters:
/// the whole line when `wrap` is off, otherwise broken after the last
/// space that fits, or inside a word longer than the row.
fn rows(line: &str, width: usize, wrap: bool) -> Vec<(usize, usize)> {
    let count = line.chars().count();
    if !wrap || width == 0 {
        return vec![(0, count)];
    }
    let mut out = Vec::new();
    let (mut start, mut used, mut space) = (0, 0, None);
    for (i, c) in line.chars().enumerate() {
        let w = shown(c).map_or(0, |(_, w)| w);
        if used + w > width && i > start {
            let end = space.filter(|s| *s > start).unwrap_or(i);
            out.push((start, end));
            used = line
                .chars()
                .skip(end)
                .take(i - end)
                .filter_map(shown)
                .map(|(_, w)| w)
                .sum();
            start = end;
            space = None;
        }
        used += w;
        if c == ' ' {
            space = Some(i + 1);
        }
    }
    out.push((start, count));
    out
}

/// The wrapped row of `rows` the column `col` is on.
fn row_of(rows: &[(usize, usize)], col: usize) -> usize {
    rows.iter()
        .position(|(s, e)| *s <= col && col < *e)
        .unwrap_or(rows.len() - 1)
}

/// The first screen row that keeps the cursor in view: the one shown
/// before when the cursor is still in view from it, otherwise the
/// nearest that brings it in.
fn top(
    e: &Editor,
    prev: (usize, usize),
    height: usize,
    width: usize,
    wrap: bool,
) -> (usize, usize) {
    let (row, col) = e.cursor();
    let cursor = (row, row_of(&rows(&e.lines()[row], width, wrap), col));
    let prev = (prev.0.min(e.lines().len() - 1), prev.1);
    if cursor <= prev {
        return cursor;
    }
    // From the top shown before, the cursor's row within the height?
    let mut seen = 0;
    let mut at = prev;
    while seen < height {
        if at.0 == cursor.0 {
            if seen + cursor.1 - at.1.min(cursor.1) < height {
                return prev;
            }
            break;
        }
        seen += rows(&e.lines()[at.0], width, wrap).len() - at.1;
        at = (at.0 + 1, 0);
    }
    // The cursor on the last row.
    let mut top = cursor;
    let mut above = height - 1;
    while above > 0 {
        if top.1 > 0 {
            let up = top.1.min(above);
            top.1 -= up;
            above -= up;
        } else if top.0 > 0 {
            let n = rows(&e.lines()[top.0 - 1], width, wrap).len();
            top = (top.0 - 1, n);
        } else {
            break;
        }
    }
    top
}

/// The first column shown of a line that is not wrapped: the one shown
/// before when the cursor is still in view, otherwise the nearest that
/// shows the whole character under it.
fn left(prev: usize, x: usize, glyph: usize, width: usize) -> usize {
    if width == 0 {
        prev
    } else if x < prev {
        x
    } else if x + glyph > prev + width {
        (x + glyph).saturating_sub(width).min(x)
    } else {
        prev
    }
}

/// Puts `text` at `(x, y)`, no wider than `right`, each character in
/// `style`; the cell of character `cursor` (or the one past the text) in
/// the cursor's style. Columns before `skip` are not drawn.
#[allow(clippy::too_many_arguments)]
fn put(
    buf: &mut Buffer,
    (x, y): (u16, u16),
    right: u16,
    text: impl Iterator<Item = char>,
    skip: usize,
    cursor: Option<usize>,
    style: Style,
) {
    let cursor_style = style.add_modifier(Modifier::REVERSED);
    let mut col = 0usize;
    let mut i = 0;
    let mut drawn_cursor = false;
    for c in text {
        let Some((ch, w)) = shown(c) else {
            i += 1;
            continue;
        };
        let at = cursor == Some(i);
        if col >= skip && w > 0 {
            let cx = x as usize + col - skip;
            if cx + w > right as usize {
                break;
            }
            let cell = &mut buf[(cx as u16, y)];
            cell.set_char(ch)
                .set_style(if at { cursor_style } else { style });
            for k in 1..w {
                buf[((cx + k) as u16, y)].reset();
            }
            drawn_cursor |= at;
        } else if at && col + w > skip {
            drawn_cursor = true;
        }
        col += w;
        i += 1;
    }
    if !drawn_cursor
        && let Some(c) = cursor
        && c >= i
        && col >= skip
    {
        let cx = x as usize + col - skip;
        if cx < right as usize {
            buf[(cx as u16, y)].set_char(' ').set_style(cursor_style);
        }
    }
}

/// Draws `e` in `area`, and remembers where it was shown.
pub fn render(e: &Editor, area: Rect, buf: &mut Buffer) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let height = usize::from(area.height);
    let right = area.right();
    let cursor = e.cursor();
    if e.is_empty() && !e.placeholder_text().is_empty() {
        let ghost = Style::new().add_modifier(Modifier::DIM | Modifier::ITALIC);
        put(
            buf,
            (area.x, area.y),
            right,
            " ".chars(),
            0,
            Some(0),
            Style::new(),
        );
        put(
            buf,
            (area.x + 1, area.y),
            right,
            e.placeholder_text().chars(),
            0,
            None,
            ghost,
        );
        e.set_view(View {
            top: (0, 0),
            left: 0,
            height,
        });
        return;
    }
    let prev = e.view();
    let wrap = !e.numbered();
    if !wrap {
        let digits = e.lines().len().to_string().len();
        let number = digits + 2;
        let width = usize::from(area.width).saturating_sub(number);
        let (row, col) = cursor;
        let line = &e.lines()[row];
        let x: usize = line
            .chars()
            .take(col)
            .filter_map(shown)
            .map(|(_, w)| w)
            .sum();
        let glyph = line
            .chars()
            .nth(col)
            .and_then(shown)
            .map_or(1, |(_, w)| w.max(1));
        let left = left(prev.left, x, glyph, width);
        let (first, _) = top(e, prev.top, height, width, false);
        let dim = Style::new().add_modifier(Modifier::DIM);
        for (y, r) in (first..e.lines().len()).take(height).enumerate() {
            let y = area.y + y as u16;
            let label = format!(" {:>digits$} ", r + 1);
            put(buf, (area.x, y), right, label.chars(), 0, None, dim);
            let text_x = area.x.saturating_add(number as u16).min(right);
            let at = (r == row).then_some(col);
            put(
                buf,
                (text_x, y),
                right,
                e.lines()[r].chars(),
                left,
                at,
                Style::new(),
            );
        }
        e.set_view(View {
            top: (first, 0),
            left,
            height,
        });
        return;
    }
    let width = usize::from(area.width);
    let first = top(e, prev.top, height, width, true);
    let mut y = 0;
    let mut at = first;
    while y < height && at.0 < e.lines().len() {
        let line = &e.lines()[at.0];
        let pieces = rows(line, width, true);
        for (k, (s, end)) in pieces.iter().enumerate().skip(at.1) {
            if y >= height {
                break;
            }
            let last = k + 1 == pieces.len();
            let on = at.0 == cursor.0 && *s <= cursor.1 && (cursor.1 < *end || last);
            let chars = line.chars().skip(*s).take(end - s);
            let c = on.then(|| cursor.1 - s);
            put(
                buf,
                (area.x, area.y + y as u16),
                right,
                chars,
                0,
                c,
                Style::new(),
            );
            y += 1;
        }
        at = (at.0 + 1, 0);
    }
    e.set_view(View {
        top: first,
        left: 0,
        height,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_wrap_after_a_space_or_inside_a_long_word() {
        assert_eq!(rows("one two three", 8, true), [(0, 8), (8, 13)]);
        assert_eq!(rows("abcdefghij", 4, true), [(0, 4), (4, 8), (8, 10)]);
        assert_eq!(rows("", 4, true), [(0, 0)]);
        // Wide characters take two cells.
        assert_eq!(rows("界界界", 4, true), [(0, 2), (2, 3)]);
        assert_eq!(rows("one two three", 8, false), [(0, 13)]);
    }

    #[test]
    fn the_view_follows_the_cursor_down_and_back_up() {
        let mut e = Editor::new((0..100).map(|i| i.to_string()).collect(), "", true);
        let area = Rect::new(0, 0, 20, 10);
        let mut buf = Buffer::empty(area);
        render(&e, area, &mut buf);
        assert_eq!(
            e.view().top,
            (90, 0),
            "the cursor at the end, on the last row"
        );
        e.jump((85, 0));
        render(&e, area, &mut buf);
        assert_eq!(e.view().top, (85, 0));
        e.jump((94, 0));
        render(&e, area, &mut buf);
        assert_eq!(e.view().top, (85, 0), "still in view: no scroll");
        e.jump((0, 0));
        let mut buf = Buffer::empty(area);
        render(&e, area, &mut buf);
        assert_eq!(e.view().top, (0, 0));
        let first: String = (0..20).map(|x| buf[(x, 0)].symbol().to_owned()).collect();
        assert_eq!(first.trim_end(), "   1 0");
    }

    #[test]
    fn a_long_line_scrolls_sideways_to_the_cursor() {
        let e = Editor::new(vec!["x".repeat(50) + "界end"], "", true);
        let area = Rect::new(0, 0, 20, 1);
        let mut buf = Buffer::empty(area);
        render(&e, area, &mut buf);
        let row: String = (0..20).map(|x| buf[(x, 0)].symbol().to_owned()).collect();
        // The wide character takes two cells, the second drawn blank.
        assert!(row.ends_with("界 end "), "{row:?}");
        assert!(
            buf[(19, 0)].modifier.contains(Modifier::REVERSED),
            "the cursor past the end"
        );
    }
}
