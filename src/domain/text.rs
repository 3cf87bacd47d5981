//! Text that is safe to show: every string in a review passes through here.
//!
//! Control characters (escape sequences, carriage returns, C1 controls) and
//! bidirectional overrides are replaced by a visible form as the text enters
//! the review, whatever its source: typed, given on the command line,
//! imported or loaded from a hand-edited file. Nothing raw can then reach a
//! terminal cell or a report. Newlines are kept (learnings and notes may span
//! lines); tabs become a space so that display widths stay predictable.

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
        if s.chars().all(|c| !needs_replacing(c)) {
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
        match c {
            '\t' => out.push(' '),
            c if needs_replacing(c) => match c as u32 {
                code @ 0x00..=0x1F => out.push(char::from_u32(0x2400 + code).unwrap_or('?')),
                0x7F => out.push('\u{2421}'),
                code => out.push_str(&format!("<U+{code:04X}>")),
            },
            c => out.push(c),
        }
    }
    out
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
}
