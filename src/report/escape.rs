//! Markdown escaping of user text.
//!
//! Everything a person typed, imported or loaded passes through here before
//! it reaches a report, so that no input can add structure to the document:
//! no heading, list, quote, table column, code, link, HTML or emphasis.
//!
//! The approach is CommonMark's own: a backslash before any ASCII
//! punctuation makes it literal. Only punctuation that can start or close a
//! construct is escaped, so ordinary prose stays readable in the raw file:
//! a `.` or `-` in the middle of a line, or the `_` in `max_pool_size`, is
//! left alone. Control characters are made visible first (see
//! [`sanitize`]), whitespace at the start and end of each line is dropped
//! (Markdown would drop it anyway, or read it as indentation) and blank
//! lines are left out, since a blank line would end the paragraph or list
//! item the text sits in.

use crate::domain::text::sanitize;

/// Escapes `s` for a paragraph or a list item. Each line break of the input
/// becomes a hard line break (a backslash at the end of the line), so
/// multi-line text keeps its shape and stays inside its list item.
pub fn inline(s: &str) -> String {
    let clean = sanitize(s);
    let mut out = String::with_capacity(clean.len() + 8);
    for (i, line) in lines(&clean).enumerate() {
        if i > 0 {
            out.push_str("\\\n");
        }
        escape_line(line, &mut out);
    }
    out
}

/// Escapes `s` for a cell of a GFM table, or any other place that must stay
/// on one line (a heading): line breaks become a single space and `|` is
/// escaped, so the row keeps its columns.
pub fn cell(s: &str) -> String {
    let clean = sanitize(s);
    let joined = lines(&clean).collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(joined.len() + 8);
    escape_line(&joined, &mut out);
    out
}

/// The non-blank lines of `s`, without the spaces around them.
fn lines(s: &str) -> impl Iterator<Item = &str> {
    s.split('\n')
        .map(|line| line.trim_matches(' '))
        .filter(|line| !line.is_empty())
}

/// Escapes one line that has no line break and no space at either end.
fn escape_line(line: &str, out: &mut String) {
    let chars: Vec<char> = line.chars().collect();
    let marker = block_marker(&chars);
    let last = chars.len().saturating_sub(1);
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let next = chars.get(i + 1).copied();
        let escape = match c {
            // Escapes, code, emphasis, links, HTML and autolinks, table
            // columns, strikethrough and subscript, math, superscript, and
            // heading attributes (see `}` below).
            '\\' | '`' | '*' | '[' | ']' | '<' | '|' | '~' | '$' | '^' | '{' => true,
            // `_` between two letters or digits can neither open nor close
            // emphasis (snake_case stays readable).
            '_' => {
                !(prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric))
            }
            '&' => starts_entity(&chars[i + 1..]),
            // An ATX heading opens with `#` and may close with a run of `#`
            // or with attributes in braces.
            '#' | '}' => i == 0 || i == last,
            _ => marker == Some(i),
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
}

/// The position of the character that would make the line start a block
/// (a quote, a list item, a setext underline, a definition), if any. `#`,
/// `*`, `_`, `` ` ``, `~`, `<`, `|` and `[` are escaped wherever they are.
fn block_marker(chars: &[char]) -> Option<usize> {
    match chars.first()? {
        '>' | '-' | '+' | '=' | ':' => Some(0),
        c if c.is_ascii_digit() => {
            let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
            matches!(chars.get(digits), Some('.' | ')')).then_some(digits)
        }
        _ => None,
    }
}

/// Whether the text after a `&` would make it a character reference, such
/// as `&amp;` or `&#35;`.
fn starts_entity(after: &[char]) -> bool {
    if after.first() == Some(&'#') {
        return true;
    }
    let name = after
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    name > 0 && after.get(name) == Some(&';')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_text_stays_readable() {
        let cases = [
            ("Rolled back to v41.", "Rolled back to v41."),
            ("set max_pool_size to 200", "set max_pool_size to 200"),
            ("a well-known fix - twice", "a well-known fix - twice"),
            ("R&D and Q&A, fish & chips", "R&D and Q&A, fish & chips"),
            ("see http://x/?a=1&b=2", "see http://x/?a=1&b=2"),
            ("支付失败 🔥 (CJK)", "支付失败 🔥 (CJK)"),
            ("issue #42 is open", "issue #42 is open"),
        ];
        for (raw, want) in cases {
            assert_eq!(inline(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn markdown_syntax_is_escaped() {
        let cases = [
            ("# heading", r"\# heading"),
            ("> quote", r"\> quote"),
            ("- item", r"\- item"),
            ("+ item", r"\+ item"),
            ("12. item", r"12\. item"),
            ("3) item", r"3\) item"),
            ("===", r"\==="),
            ("`code`", r"\`code\`"),
            ("*em* and _em_", r"\*em\* and \_em\_"),
            ("[link](x)", r"\[link\](x)"),
            ("<b>", r"\<b>"),
            ("&amp; &#35;", r"\&amp; \&#35;"),
            ("ends with \\", r"ends with \\"),
            ("fix #", r"fix \#"),
            ("a | b", r"a \| b"),
        ];
        for (raw, want) in cases {
            assert_eq!(inline(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn line_breaks_are_hard_breaks_inline_and_spaces_in_cells() {
        assert_eq!(inline("one\n\n  # two  \n"), "one\\\n\\# two");
        assert_eq!(cell("one\n\n  # two  \n"), "one # two");
        assert_eq!(cell("\x1b[2J"), r"␛\[2J");
    }
}
