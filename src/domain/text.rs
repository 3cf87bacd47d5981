//! Text that is safe to show: every string in a review passes through here.
//!
//! Control characters (escape sequences, carriage returns, C1 controls) and
//! bidirectional overrides are replaced by a visible form as the text enters
//! the review, whatever its source: typed, given on the command line,
//! imported or loaded from a hand-edited file. Nothing raw can then reach a
//! terminal cell or a report. Newlines are kept (learnings and notes may span
//! lines); tabs become a space so that display widths stay predictable.
//!
//! [`visible`] and [`visible_line`] are for the edges: every string that is
//! written to a terminal or into a report, whatever its source (a review, a
//! configuration file, a command-line argument, a path, an error message),
//! goes through one of them just before it is written. They do what
//! [`sanitize`] does and also show the characters that are invisible but
//! not controls. The convention, the same everywhere:
//!
//! | character | shown as |
//! | --- | --- |
//! | C0 control U+0000 to U+001F | its control picture, `␀` to `␟` (`\u{1b}` as `␛`, CR as `␍`) |
//! | tab | a space |
//! | newline | kept by [`visible`]; `␊` in [`visible_line`] |
//! | DEL | `␡` |
//! | C1 control U+0080 to U+009F | `<U+009B>` |
//! | bidi controls U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069 | `<U+202E>` |
//! | zero-width and invisible U+200B to U+200D, U+2060 to U+2064, U+FEFF | `<U+200B>` |
//! | line and paragraph separators U+2028, U+2029 | `<U+2028>` |
//!
//! A zero-width joiner or non-joiner (U+200D, U+200C) between two visible
//! characters that are not ASCII is kept: it is how emoji sequences such as
//! 👩‍💻 and several scripts are written, and it cannot hide ASCII text.

use std::borrow::Cow;
use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A string that holds no control character but `\n`.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text(String);

impl Text {
    /// Neutralises `raw` and wraps it.
    pub fn new(raw: impl AsRef<str>) -> Self {
        Text(sanitize(raw.as_ref()))
    }

    /// Neutralises `raw` and trims surrounding whitespace; the usual entry
    /// point for values typed by a person.
    pub fn trimmed(raw: impl AsRef<str>) -> Self {
        Text(sanitize(raw.as_ref().trim()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::new(s)
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        // Printable ASCII and newlines, the common case, checked a byte at
        // a time.
        let plain = |b: &u8| matches!(*b, b'\n' | 0x20..=0x7e);
        if s.as_bytes().iter().all(plain) || s.chars().all(|c| !needs_replacing(c)) {
            Text(s)
        } else {
            Text::new(&s)
        }
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Text::from)
    }
}

fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

fn needs_replacing(c: char) -> bool {
    (c.is_control() && c != '\n') || is_bidi_control(c)
}

/// Replaces every control character but `\n` with a visible stand-in:
/// C0 controls and DEL become their Unicode control pictures (`␛`, `␍`),
/// a tab becomes a space, and C1 controls and bidi overrides become
/// `<U+XXXX>`. The result never needs replacing again.
pub fn sanitize(raw: &str) -> String {
    if !raw.chars().any(needs_replacing) {
        return raw.to_owned();
    }
    let mut out = String::with_capacity(raw.len() + 8);
    for c in raw.chars() {
        if needs_replacing(c) {
            push_stand_in(c, &mut out);
        } else {
            out.push(c);
        }
    }
    out
}

/// Characters that show nothing, or end a line without being a newline,
/// but are not controls.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200D}' | '\u{2028}' | '\u{2029}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
    )
}

/// Whether [`visible`] replaces `c` (wherever it stands; see
/// [`visible`] for the joiners it keeps between two letters or emoji).
/// `\n` is not replaced.
pub fn needs_neutralising(c: char) -> bool {
    needs_replacing(c) || is_invisible(c)
}

/// A character a joiner may sit between: visible, and not ASCII.
fn joinable(c: Option<char>) -> bool {
    c.is_some_and(|c| !c.is_ascii() && !c.is_whitespace() && !needs_neutralising(c))
}

/// `raw` made safe to write to a terminal or into a report: every control
/// character but `\n`, every bidi control and every invisible character
/// is replaced by a visible stand-in (see the table at the top of this
/// module). Borrowed when nothing needs replacing.
pub fn visible(raw: &str) -> Cow<'_, str> {
    neutralise(raw, false)
}

/// [`visible`] for text that must stay on one line, such as a message on
/// standard error: a newline is shown as `␊` too.
pub fn visible_line(raw: &str) -> Cow<'_, str> {
    neutralise(raw, true)
}

fn neutralise(raw: &str, one_line: bool) -> Cow<'_, str> {
    if !raw
        .chars()
        .any(|c| needs_neutralising(c) || (one_line && c == '\n'))
    {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len() + 8);
    let mut prev = None;
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' if !one_line => out.push('\n'),
            '\u{200C}' | '\u{200D}' if joinable(prev) && joinable(chars.peek().copied()) => {
                out.push(c);
            }
            c if c == '\n' || needs_neutralising(c) => push_stand_in(c, &mut out),
            c => out.push(c),
        }
        prev = Some(c);
    }
    Cow::Owned(out)
}

/// The visible form of a character that must not be written as it is.
fn push_stand_in(c: char, out: &mut String) {
    match c as u32 {
        0x09 => out.push(' '),
        code @ 0x00..=0x1F => out.push(char::from_u32(0x2400 + code).unwrap_or('?')),
        0x7F => out.push('\u{2421}'),
        code => out.push_str(&format!("<U+{code:04X}>")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_unchanged() {
        for s in [
            "",
            "hello",
            "line one\nline two",
            "支付失败 🔥",
            "it's “quoted”",
        ] {
            assert_eq!(sanitize(s), s);
        }
    }

    #[test]
    fn controls_become_visible() {
        let cases = [
            ("\x1b[31mred", "␛[31mred"),
            ("over\rwrite", "over␍write"),
            ("bell\x07", "bell␇"),
            ("a\tb", "a b"),
            ("del\x7f", "del␡"),
            ("c1\u{9b}31m", "c1<U+009B>31m"),
            ("rtl\u{202E}txt", "rtl<U+202E>txt"),
            ("iso\u{2066}late\u{2069}", "iso<U+2066>late<U+2069>"),
            ("nul\0", "nul␀"),
        ];
        for (raw, want) in cases {
            assert_eq!(sanitize(raw), want, "input {raw:?}");
        }
    }

    #[test]
    fn sanitizing_is_idempotent() {
        let raw = "\x1b]0;title\x07\r\n\u{202E}\u{85}\t";
        let once = sanitize(raw);
        assert_eq!(sanitize(&once), once);
        assert!(!once.chars().any(needs_replacing));
    }

    #[test]
    fn deserializing_neutralises() {
        let t: Text = ron::from_str("\"evil\\u{1b}[2J\"").unwrap();
        assert_eq!(t, "evil␛[2J");
    }

    #[test]
    fn trimmed_strips_outer_whitespace_only() {
        assert_eq!(Text::trimmed("  a  b \n"), "a  b");
    }

    #[test]
    fn visible_also_shows_invisible_characters() {
        let cases = [
            ("zero\u{200B}width", "zero<U+200B>width"),
            ("line\u{2028}sep\u{2029}", "line<U+2028>sep<U+2029>"),
            ("\u{FEFF}bom", "<U+FEFF>bom"),
            ("word\u{2060}joiner", "word<U+2060>joiner"),
            ("a\u{200D}b", "a<U+200D>b"),
            ("\u{200C}lead", "<U+200C>lead"),
            ("\x1b]52;c;aGk=\x07", "␛]52;c;aGk=␇"),
            ("\x1b[2J\r\u{9b}1m", "␛[2J␍<U+009B>1m"),
            ("\u{202E}evil\u{2066}", "<U+202E>evil<U+2066>"),
            ("two\nlines\ttab", "two\nlines tab"),
        ];
        for (raw, want) in cases {
            assert_eq!(visible(raw), want, "input {raw:?}");
        }
        assert_eq!(visible_line("two\nlines\r\n"), "two␊lines␍␊");
    }

    #[test]
    fn joiners_between_emoji_and_letters_are_kept() {
        for s in [
            "👩\u{200D}💻",
            "क्\u{200D}ष",
            "می\u{200C}خواهم",
            "🏳\u{FE0F}\u{200D}🌈",
        ] {
            assert_eq!(visible(s), s);
        }
        assert_eq!(visible("👩\u{200D}\u{200D}💻"), "👩<U+200D><U+200D>💻");
    }

    #[test]
    fn visible_text_is_left_alone_and_needs_nothing_more() {
        for s in ["", "plain", "支付失败 🔥\nsecond line", "it's “quoted”"] {
            assert!(matches!(visible(s), Cow::Borrowed(_)), "{s:?}");
        }
        let raw = "\x1b]0;t\x07\r\n\u{202E}\u{85}\t\u{200B}\u{2028}\u{7f}";
        let once = visible_line(raw).into_owned();
        assert_eq!(visible_line(&once), once);
        assert!(!once.chars().any(|c| needs_neutralising(c) || c == '\n'));
        assert_eq!(visible(&sanitize(raw)), visible(raw));
    }
}
