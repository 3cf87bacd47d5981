//! URLs in user text, found the way GitHub's Markdown finds them, and
//! written as links that no character of theirs can break.
//!
//! GFM's autolink extension turns `http://`, `https://`, `ftp://` and
//! `www.` into links by itself, on the raw Markdown: such a link runs to
//! the next space or `<`, and backslash escapes inside it are not undone.
//! Escaped text next to a URL would come out wrong (`\_` in the target) or
//! unsafe (`https://x/\<img ...>` autolinks through the backslash and
//! leaves `<img ...>` as raw HTML). So every URL that GFM would link is
//! written here as an explicit link first, ending where GFM's would end,
//! and the text around it is escaped as usual.
//!
//! A link is written as `<url>` when that reads back exactly, or else as
//! `[text](<url>)`, with its text escaped like any other and every
//! character of its target that could end or break it (`<`, `>`, a space,
//! `|`, a backtick, quotes, a backslash) percent-encoded. E-mail addresses
//! are left to GFM: they hold no character that needs escaping, so GFM's
//! own link is right.

use std::ops::Range;

/// The schemes GFM links without angle brackets.
const SCHEMES: [&str; 3] = ["http://", "https://", "ftp://"];

/// The URLs in `chars`, as ranges of positions, in order.
pub(super) fn find(chars: &[char]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match start_at(chars, i) {
            Some(prefix) => {
                let end = end_of(chars, i, prefix);
                if end > i + prefix {
                    out.push(i..end);
                    i = end;
                } else {
                    i += 1;
                }
            }
            None => i += 1,
        }
    }
    out
}

/// Whether `chars` as a whole is one URL (a link given as such, which may
/// hold characters a URL in prose would end at).
pub(super) fn is_whole(chars: &[char]) -> bool {
    start_at(chars, 0)
        .is_some_and(|prefix| chars.len() > prefix && !chars.iter().any(|c| c.is_whitespace()))
}

/// If a URL GFM would link starts at `i`, the length of its scheme or
/// `www.`.
fn start_at(chars: &[char], i: usize) -> Option<usize> {
    let prev = i.checked_sub(1).map(|j| chars[j]);
    let rest = &chars[i..];
    // GFM's own test of what follows is looser than this one; text it
    // would still link has its `:` or `.` escaped (see `escape`).
    let host_follows = |n: usize| rest.get(n).is_some_and(|c| is_host_char(*c));
    // GFM reads the letters before `://` as the scheme, so `xhttp://` is
    // no link.
    if !prev.is_some_and(|c| c.is_ascii_alphabetic()) {
        for scheme in SCHEMES {
            let n = scheme.len();
            if starts_with_ignoring_case(rest, scheme) && host_follows(n) {
                return Some(n);
            }
        }
    }
    (www_may_start(chars, i) && host_follows(4)).then_some(4)
}

/// Whether GFM would try to read a `www.` address at `i`: `www.` after a
/// space, at the start, or after `*`, `_`, `~`, `(` or `[`.
pub(super) fn www_may_start(chars: &[char], i: usize) -> bool {
    let prev = i.checked_sub(1).map(|j| chars[j]);
    prev.is_none_or(|c| c == ' ' || "*_~([".contains(c))
        && starts_with_ignoring_case(&chars[i..], "www.")
}

fn starts_with_ignoring_case(chars: &[char], prefix: &str) -> bool {
    chars.len() >= prefix.len()
        && chars
            .iter()
            .zip(prefix.chars())
            .all(|(a, b)| a.eq_ignore_ascii_case(&b))
}

/// A character that may start a host name: not a space, punctuation or
/// a symbol.
fn is_host_char(c: char) -> bool {
    c.is_alphanumeric() || (!c.is_ascii() && !c.is_whitespace())
}

/// Where the URL starting at `start` ends: at the next space or `<`, less
/// the punctuation GFM leaves out of a link at its end (`.`, `,`, `:`,
/// `?`, `!`, `*`, `_`, `~`, quotes, an unbalanced `)`, and `&name;`,
/// which reads as a character reference).
fn end_of(chars: &[char], start: usize, prefix: usize) -> usize {
    let mut end = start + prefix;
    while end < chars.len() && !chars[end].is_ascii_whitespace() && chars[end] != '<' {
        end += 1;
    }
    let url = &chars[start..end];
    let opened = url.iter().filter(|c| **c == '(').count();
    let mut closed = url.iter().filter(|c| **c == ')').count();
    while end > start + prefix {
        match chars[end - 1] {
            '?' | '!' | '.' | ',' | ':' | '*' | '_' | '~' | '\'' | '"' => end -= 1,
            ';' => {
                let letters = chars[start..end - 1]
                    .iter()
                    .rev()
                    .take_while(|c| c.is_ascii_alphabetic())
                    .count();
                let amp = end - 1 - letters;
                if letters > 0 && amp > start && chars[amp - 1] == '&' {
                    end = amp - 1;
                } else {
                    end -= 1;
                }
            }
            ')' if closed > opened => {
                closed -= 1;
                end -= 1;
            }
            _ => break,
        }
    }
    end
}

/// The link's target: `http://` before a `www.` address, and every
/// character that could end the target or break the table it sits in
/// percent-encoded. A `&` that would read as a character reference is
/// written `&amp;`: a link target decodes references before it undoes
/// backslash escapes, so `\&` would not keep it.
pub(super) fn target(url: &[char]) -> String {
    let mut out = String::with_capacity(url.len() + 8);
    if url.first().is_some_and(|c| c.eq_ignore_ascii_case(&'w')) {
        out.push_str("http://");
    }
    for (i, &c) in url.iter().enumerate() {
        match c {
            '<' | '>' | ' ' | '|' | '`' | '"' | '\'' | '\\' => {
                let mut buf = [0; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            '&' if super::escape::starts_entity(&url[i + 1..]) => out.push_str("&amp;"),
            c if c.is_control() => out.push_str(&format!("%{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// Whether `<url>` reads back as the URL itself: it has a scheme, and no
/// character that would end it, split a table, or be read as a character
/// reference.
pub(super) fn plain_autolink(url: &[char]) -> bool {
    !url.first().is_some_and(|c| c.eq_ignore_ascii_case(&'w'))
        && url.iter().enumerate().all(|(i, &c)| match c {
            '<' | '>' | '|' | '`' | '"' | '\'' | '\\' => false,
            '&' => !super::escape::starts_entity(&url[i + 1..]),
            c => !c.is_whitespace() && !c.is_control(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        find(&chars)
            .into_iter()
            .map(|r| chars[r].iter().collect())
            .collect()
    }

    #[test]
    fn urls_end_where_gfm_ends_them() {
        let cases: &[(&str, &[&str])] = &[
            ("see https://x.example/a.", &["https://x.example/a"]),
            ("https://x.example/<img>", &["https://x.example/"]),
            (
                "(https://x.example/Foo_(bar))",
                &["https://x.example/Foo_(bar)"],
            ),
            ("https://x.example/a_b_*c*!", &["https://x.example/a_b_*c"]),
            ("https://x.example/?a&amp;", &["https://x.example/?a"]),
            ("https://x.example/a;", &["https://x.example/a"]),
            ("www.x.example, then", &["www.x.example"]),
            ("_www.x.example_", &["www.x.example"]),
            ("x.www.y.example", &[]),
            ("xhttps://x.example", &[]),
            ("1https://x.example", &["https://x.example"]),
            ("HTTP://X.EXAMPLE", &["HTTP://X.EXAMPLE"]),
            ("https:// nothing", &[]),
            ("https://.", &[]),
            ("ftp://f.example/a b", &["ftp://f.example/a"]),
            ("javascript:alert(1) mailto:a@b.example", &[]),
            (
                "a https://a.example b www.b.example",
                &["https://a.example", "www.b.example"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(urls(text), *want, "{text:?}");
        }
    }

    #[test]
    fn targets_encode_what_would_break_them() {
        let t = |s: &str| target(&s.chars().collect::<Vec<_>>());
        assert_eq!(t("https://x/a|b"), "https://x/a%7Cb");
        assert_eq!(t("https://x/<h1>"), "https://x/%3Ch1%3E");
        assert_eq!(t("https://x/`\"'\\"), "https://x/%60%22%27%5C");
        assert_eq!(t("https://x/?a=1&b=2&lt;"), "https://x/?a=1&b=2&amp;lt;");
        assert_eq!(t("www.x.example/a_b"), "http://www.x.example/a_b");
        let plain = |s: &str| plain_autolink(&s.chars().collect::<Vec<_>>());
        assert!(plain("https://x/?a=1&b=2_*[]()"));
        assert!(!plain("https://x/a|b"));
        assert!(!plain("https://x/&lt;"));
        assert!(!plain("www.x.example"));
    }
}
