//! Markdown escaping of user text.
//!
//! Everything a person typed, imported or loaded passes through here before
//! it reaches a report, so that no input can add structure to the document:
//! no heading, list, quote, table column, code, link, HTML or emphasis.
//! The rules follow how GitHub's renderer (cmark-gfm, with its tables and
//! autolinks) reads Markdown, not only CommonMark.
//!
//! - Control, bidi and invisible characters are made visible first (see
//!   [`visible`]); whitespace at the start and end of each line is dropped
//!   (Markdown would drop it anyway, or read it as indentation) and blank
//!   lines are left out, since a blank line would end the paragraph or list
//!   item the text sits in.
//! - A backslash before ASCII punctuation makes it literal. Only
//!   punctuation that can start or close a construct is escaped, so prose
//!   stays readable in the raw file: a `.` or `-` in the middle of a line,
//!   or the `_` in `max_pool_size`, is left alone.
//! - A URL that GFM would link by itself (`https://`, `http://`, `ftp://`,
//!   `www.`) becomes an explicit link to exactly that URL (see
//!   [`super::url`]): GFM's own autolinks do not undo backslash escapes, so
//!   escaped text inside or next to one would change its target, or let the
//!   text after it out as raw HTML.
//! - Where GFM would start looking for a URL but none is linked (`://`
//!   after other letters, `www.` with no address after it), the `:` or the
//!   `.` is escaped, so that GFM cannot link it either.
//! - A `<` is never written raw outside such a link: after a space or at
//!   the start it is `\<`, elsewhere `&lt;`, which no autolink can run
//!   through. Raw HTML needs a raw `<`, so none can appear.

use std::ops::Range;

use crate::domain::text::visible;

use super::url;

/// Escapes `s` for a paragraph or a list item. Each line break of the input
/// becomes a hard line break (a backslash at the end of the line), so
/// multi-line text keeps its shape and stays inside its list item.
pub fn inline(s: &str) -> String {
    let clean = visible(s);
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
    let clean = visible(s);
    let joined = lines(&clean).collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(joined.len() + 8);
    escape_line(&joined, &mut out);
    out
}

/// A link given as such (an event's link to a dashboard, say) for a table
/// cell: a link to all of it when it is one URL, even with characters a URL
/// in prose would end at; otherwise text, as [`cell`] writes it.
pub fn link(s: &str) -> String {
    let clean = visible(s);
    let chars: Vec<char> = clean.trim_matches(' ').chars().collect();
    if !url::is_whole(&chars) {
        return cell(s);
    }
    let mut out = String::with_capacity(chars.len() * 2 + 8);
    push_link(&chars, &mut out);
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
    let urls = url::find(&chars);
    escape_chars(&chars, &urls, block_marker(&chars), false, out);
}

/// Writes `url` as a link whose text is the URL as written.
fn push_link(url: &[char], out: &mut String) {
    if url::plain_autolink(url) {
        out.push('<');
        out.extend(url);
        out.push('>');
    } else {
        out.push('[');
        escape_chars(url, &[], None, true, out);
        out.push_str("](<");
        out.push_str(&url::target(url));
        out.push_str(">)");
    }
}

/// Escapes `chars`, writing each range of `urls` as a link; `marker` is
/// the position of a character that would start a block. In a link's
/// text, GFM links nothing, so `://` and `www.` are left as they are.
fn escape_chars(
    chars: &[char],
    urls: &[Range<usize>],
    marker: Option<usize>,
    in_link: bool,
    out: &mut String,
) {
    let last = chars.len().saturating_sub(1);
    let starts_url = |j: usize| urls.iter().any(|r| r.start == j);
    // A neighbour inside a link is no letter: the link's `<`, `>`, `[` or
    // `)` stands there.
    let text_at = |j: Option<usize>| {
        j.filter(|j| !urls.iter().any(|r| r.contains(j)))
            .and_then(|j| chars.get(j).copied())
    };
    let mut i = 0;
    while i < chars.len() {
        if let Some(r) = urls.iter().find(|r| r.start == i) {
            push_link(&chars[r.clone()], out);
            i = r.end;
            continue;
        }
        let c = chars[i];
        let prev = text_at(i.checked_sub(1));
        let next = text_at(Some(i + 1));
        let escape = match c {
            // Escapes, code, emphasis, links, table columns, strikethrough
            // and subscript, math, superscript, and heading attributes
            // (see `}` below).
            '\\' | '`' | '*' | '[' | ']' | '|' | '~' | '$' | '^' | '{' => true,
            // HTML and autolinks; see the module's documentation.
            '<' => {
                if i == 0 || chars[i - 1] == ' ' {
                    true
                } else {
                    out.push_str("&lt;");
                    i += 1;
                    continue;
                }
            }
            // `_` between two letters or digits can neither open nor close
            // emphasis (snake_case stays readable).
            '_' => {
                !(prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric))
            }
            '&' => starts_entity(&chars[i + 1..]),
            // An image is `!` before a link.
            '!' => starts_url(i + 1),
            // Where GFM would look for a URL that is not linked.
            ':' => {
                marker == Some(i) || (!in_link && chars.get(i + 1..i + 3) == Some(&['/', '/'][..]))
            }
            '.' => marker == Some(i) || (!in_link && i >= 3 && url::www_may_start(chars, i - 3)),
            // An ATX heading opens with `#` and may close with a run of `#`
            // or with attributes in braces.
            '#' | '}' => i == 0 || i == last,
            _ => marker == Some(i),
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
        i += 1;
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
pub(super) fn starts_entity(after: &[char]) -> bool {
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
    fn urls_become_links_to_exactly_that_url() {
        let cases = [
            ("see http://x/?a=1&b=2", "see <http://x/?a=1&b=2>"),
            ("https://x.example/a_b.", "<https://x.example/a_b>."),
            (
                "(www.x.example/a_b)",
                "([www.x.example/a_b](<http://www.x.example/a_b>))",
            ),
            (
                "see https://s.example/<img src=x onerror=alert(1)>",
                "see <https://s.example/>&lt;img src=x onerror=alert(1)>",
            ),
            ("https://x/a|b", r"[https://x/a\|b](<https://x/a%7Cb>)"),
            ("!https://x/a|b", r"\![https://x/a\|b](<https://x/a%7Cb>)"),
            ("_https://x/_", r"\_<https://x/>\_"),
            ("a_https://x/", r"a\_<https://x/>"),
            ("xhttps://x/<b>", r"xhttps\://x/&lt;b>"),
            ("https:// x", r"https\:// x"),
            ("www..* www.", r"www\..\* www\."),
            ("a.www.b", "a.www.b"),
            ("mail ops@example.com", "mail ops@example.com"),
        ];
        for (raw, want) in cases {
            assert_eq!(inline(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn a_raw_angle_bracket_never_follows_text() {
        assert_eq!(inline("<b> a<b> a <b>"), r"\<b> a&lt;b> a \<b>");
        assert_eq!(cell("x</td>"), "x&lt;/td>");
    }

    #[test]
    fn a_link_given_as_such_points_at_all_of_it() {
        assert_eq!(link("https://x.example/a.b."), "<https://x.example/a.b.>");
        assert_eq!(
            link("https://x/</td><h1>"),
            "[https://x/&lt;/td>&lt;h1>](<https://x/%3C/td%3E%3Ch1%3E>)"
        );
        assert_eq!(
            link("www.x.example"),
            "[www.x.example](<http://www.x.example>)"
        );
        assert_eq!(link("javascript:alert(1)"), "javascript:alert(1)");
        assert_eq!(link("see https://x/ a|b"), r"see <https://x/> a\|b");
    }

    #[test]
    fn line_breaks_are_hard_breaks_inline_and_spaces_in_cells() {
        assert_eq!(inline("one\n\n  # two  \n"), "one\\\n\\# two");
        assert_eq!(cell("one\n\n  # two  \n"), "one # two");
        assert_eq!(cell("\x1b[2J"), r"␛\[2J");
    }
}
