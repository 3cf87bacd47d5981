//! Measuring, cutting and wrapping text by display width, grapheme by
//! grapheme, the way ratatui lays cells out: a CJK character or an emoji
//! takes two cells and is never cut in half. Widths come from
//! `unicode-width` through ratatui's own `CellWidth`, so what is measured
//! here is exactly what the buffer draws.

use ratatui::buffer::CellWidth;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// The ellipsis that ends a cut text.
pub const ELLIPSIS: &str = "…";

/// Calls `each` with every grapheme ratatui would draw and its width.
/// Stops when `each` returns false.
fn graphemes(s: &str, mut each: impl FnMut(&str, usize) -> bool) {
    let span = Span::raw(s);
    for g in span.styled_graphemes(ratatui::style::Style::new()) {
        if !each(g.symbol, usize::from(g.symbol.cell_width())) {
            break;
        }
    }
}

/// The number of cells `s` takes on screen.
pub fn width(s: &str) -> usize {
    let mut total = 0;
    graphemes(s, |_, w| {
        total += w;
        true
    });
    total
}

/// `s` cut to at most `max` cells, ending in "…" when something was cut.
pub fn fit(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    graphemes(s, |g, w| {
        if used + w > max - 1 {
            return false;
        }
        out.push_str(g);
        used += w;
        true
    });
    out.push_str(ELLIPSIS);
    out
}

/// `s` followed by spaces up to `cells` cells (counted as the screen does).
pub fn pad(s: &str, cells: usize) -> String {
    let mut out = s.to_owned();
    out.extend(std::iter::repeat_n(' ', cells.saturating_sub(width(s))));
    out
}

/// `s` on one line: line breaks become spaces.
pub fn one_line(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains('\n') {
        s.replace('\n', " ").into()
    } else {
        s.into()
    }
}

/// A grapheme and its style, while a line is being wrapped.
type Piece<'a> = (&'a str, Style);

/// `line` wrapped at spaces into at most `max_lines` lines of `max`
/// cells, keeping each span's style; the last line ends in "…" when
/// text was left over. A word longer than a line is broken.
pub fn wrap_line(line: &Line<'_>, max: usize, max_lines: usize) -> Vec<Line<'static>> {
    let max = max.max(1);
    // Words as runs of styled graphemes, split at spaces.
    let mut words: Vec<Vec<Piece>> = vec![Vec::new()];
    for span in &line.spans {
        for g in span.styled_graphemes(line.style) {
            if g.symbol == " " {
                if words.last().is_some_and(|w| !w.is_empty()) {
                    words.push(Vec::new());
                }
            } else if let Some(w) = words.last_mut() {
                w.push((g.symbol, g.style));
            }
        }
    }
    let mut lines: Vec<Vec<Piece>> = vec![Vec::new()];
    let mut used = 0;
    for word in words.into_iter().filter(|w| !w.is_empty()) {
        let w: usize = word.iter().map(|(g, _)| width(g)).sum();
        let Some(current) = lines.last_mut() else {
            break;
        };
        if used > 0 && used + 1 + w <= max {
            current.push((" ", Style::new()));
            current.extend(word);
            used += 1 + w;
            continue;
        }
        if used > 0 {
            lines.push(Vec::new());
            used = 0;
        }
        // A word longer than a line breaks after a hyphen or a slash; a
        // part still too long is broken where it must in a full view, and
        // cut short in a row of a list (which has a few lines at most).
        for part in hyphenated(word) {
            let pw: usize = part.iter().map(|(g, _)| width(g)).sum();
            if used > 0 && used + pw > max {
                lines.push(Vec::new());
                used = 0;
            }
            let cut = pw > max && max_lines != usize::MAX;
            let mut room = if cut { max.saturating_sub(1) } else { max };
            for piece in part {
                let gw = width(piece.0);
                if used + gw > room {
                    if cut {
                        break;
                    }
                    lines.push(Vec::new());
                    used = 0;
                    room = max;
                }
                if let Some(current) = lines.last_mut() {
                    current.push(piece);
                }
                used += gw;
            }
            if cut && let Some(current) = lines.last_mut() {
                current.push((ELLIPSIS, Style::new()));
                used += 1;
            }
        }
    }
    let overflow = lines.len() > max_lines;
    lines.truncate(max_lines.max(1));
    let mut out: Vec<Line<'static>> = lines.into_iter().map(to_line).collect();
    if overflow && let Some(last) = out.last_mut() {
        let mut longer = std::mem::take(last);
        longer.spans.push(Span::raw(format!(" {ELLIPSIS}")));
        *last = crate::ui::list::fit_line(longer, max);
    }
    out
}

/// A word in parts that each end after a hyphen, a slash or a wide
/// character.
fn hyphenated(word: Vec<Piece>) -> Vec<Vec<Piece>> {
    let mut parts = vec![Vec::new()];
    let last = word.len().saturating_sub(1);
    for (i, piece) in word.into_iter().enumerate() {
        // Wide characters (Chinese, Japanese) break between any two.
        let ends = (matches!(piece.0, "-" | "/") || width(piece.0) > 1) && i < last;
        if let Some(part) = parts.last_mut() {
            part.push(piece);
        }
        if ends {
            parts.push(Vec::new());
        }
    }
    parts
}

/// Styled graphemes back into a line, one span per run of a style.
fn to_line(pieces: Vec<Piece>) -> Line<'static> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    for (g, style) in pieces {
        match spans.last_mut() {
            Some(last) if last.style == style => last.content.to_mut().push_str(g),
            _ => spans.push(Span::styled(g.to_owned(), style)),
        }
    }
    Line::from(spans)
}

/// `s` wrapped at word boundaries into lines of at most `max` cells; a
/// word longer than a line is broken between graphemes. Newlines in `s`
/// start new lines.
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    for para in s.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            let w = width(word);
            if used > 0 && used + 1 + w <= max {
                line.push(' ');
                line.push_str(word);
                used += 1 + w;
                continue;
            }
            if used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            if w <= max {
                line.push_str(word);
                used = w;
                continue;
            }
            // Too long for a line: broken after its hyphens and slashes,
            // and inside a part only when the part alone is too long.
            for part in word.split_inclusive(['-', '/']) {
                let pw = width(part);
                if used > 0 && used + pw > max {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                }
                graphemes(part, |g, gw| {
                    if used + gw > max {
                        lines.push(std::mem::take(&mut line));
                        used = 0;
                    }
                    line.push_str(g);
                    used += gw;
                    true
                });
            }
        }
        lines.push(line);
    }
    lines
}

/// Text from outside (typed, loaded) with any control character left
/// over replaced, so that nothing but text reaches a cell. Review texts
/// are already clean; this guards the rest (file names, messages).
pub fn clean(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(char::is_control) {
        s.chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect::<String>()
            .into()
    } else {
        s.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_count_cells() {
        assert_eq!(width("abc"), 3);
        assert_eq!(width("支付"), 4);
        assert_eq!(width("🔥a"), 3);
        assert_eq!(width(""), 0);
    }

    #[test]
    fn fitting_never_cuts_a_wide_character() {
        let cases = [
            ("hello", 5, "hello"),
            ("hello world", 8, "hello w…"),
            ("支付失败了", 6, "支付…"),
            ("支付失败了", 5, "支付…"),
            ("a🔥🔥", 3, "a…"),
            ("abc", 0, ""),
            ("abc", 1, "…"),
        ];
        for (s, max, want) in cases {
            let got = fit(s, max);
            assert_eq!(got, want, "{s} in {max}");
            assert!(width(&got) <= max);
        }
    }

    #[test]
    fn wrapping_keeps_words_and_widths() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap("a\nb", 10), ["a", "b"]);
        assert_eq!(wrap("abcdefgh", 3), ["abc", "def", "gh"]);
        // A long word breaks after its hyphen, not inside.
        assert_eq!(
            wrap("Configuration-only changes", 16),
            ["Configuration-", "only changes"]
        );
        assert_eq!(wrap("支付失败", 5), ["支付", "失败"]);
        for line in wrap("支付失败 🔥 fire and 支付 again", 7) {
            assert!(width(&line) <= 7, "{line}");
        }
    }

    fn plain(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn a_row_of_a_list_breaks_a_long_word_after_a_hyphen_or_cuts_it() {
        let text = |lines: Vec<Line<'static>>| -> Vec<String> {
            lines.iter().map(|l| l.to_string()).collect()
        };
        let line = Line::raw("Configuration-only changes skip the canary");
        assert_eq!(
            text(wrap_line(&line, 14, 3)),
            ["Configuration-", "only changes", "skip the …"]
        );
        // Narrower than the word's parts: each part cut short, never
        // carried on inside the word.
        assert_eq!(
            text(wrap_line(&line, 9, 3)),
            ["Configur…", "only", "changes …"]
        );
        // A full view (no limit of lines) still shows every character.
        let all = text(wrap_line(&Line::raw("abcdefgh"), 3, usize::MAX));
        assert_eq!(all, ["abc", "def", "gh"]);
    }

    #[test]
    fn styled_lines_wrap_and_keep_their_styles() {
        let bold = Style::new().add_modifier(ratatui::style::Modifier::BOLD);
        let line = Line::from(vec![
            Span::styled("[internal] ", bold),
            Span::raw("the pool filled up under load"),
        ]);
        let got = wrap_line(&line, 14, 3);
        assert_eq!(
            plain(&got),
            ["[internal] the", "pool filled up", "under load"]
        );
        assert_eq!(got[0].spans[0].style, bold);
        let cut = wrap_line(&line, 14, 2);
        assert_eq!(plain(&cut), ["[internal] the", "pool filled u…"]);
        for l in wrap_line(&Line::raw("支付失败了 🔥🔥 again"), 5, 9) {
            assert!(l.width() <= 5, "{l:?}");
        }
    }
}
