//! The whole review as JSON, for other tools.
//!
//! JSON keeps every character it is given, so that a tool reading it gets
//! the text exactly, but the characters a terminal could act on or that hide
//! or reorder text (see [`needs_neutralising`]) are written as `\u` escapes:
//! JSON printed to a terminal is as safe as any other output.

use std::io;

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter, Serializer};

use crate::domain::Review;
use crate::domain::text::needs_neutralising;

/// The review as pretty-printed JSON, ending with a newline. Pass
/// [`Review::public_view`] to leave out what is internal.
pub fn to_json(review: &Review) -> String {
    let mut out = Vec::new();
    // A review holds only strings, numbers, booleans, lists and structs
    // with named fields, so serialising it cannot fail.
    write_pretty(&mut out, review).expect("a review always serialises");
    String::from_utf8(out).expect("JSON is UTF-8")
}

/// Writes `value` as pretty-printed JSON and a newline, with the
/// characters that must not reach a terminal raw written as `\u` escapes.
pub fn write_pretty<T: Serialize + ?Sized>(out: &mut impl io::Write, value: &T) -> io::Result<()> {
    let mut serializer = Serializer::with_formatter(&mut *out, Escaping(PrettyFormatter::new()));
    value.serialize(&mut serializer).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

/// serde_json's pretty layout; strings escaped further.
struct Escaping<'a>(PrettyFormatter<'a>);

impl Formatter for Escaping<'_> {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if needs_neutralising(c) {
                writer.write_all(&fragment.as_bytes()[start..i])?;
                // Every such character is in the Basic Multilingual Plane.
                write!(writer, "\\u{:04x}", c as u32)?;
                start = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dangerous_characters_are_escaped_and_read_back_as_themselves() {
        let raw = "a\u{1b}[2J\u{7}\u{9b}\u{202e}\u{200b}\u{2028}\u{feff}\u{7f}b 支付 🔥";
        let mut out = Vec::new();
        write_pretty(&mut out, &serde_json::json!({ "t": [raw] })).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(!text.chars().any(needs_neutralising), "{text:?}");
        for escaped in [
            r"\u001b", r"\u0007", r"\u009b", r"\u202e", r"\u200b", r"\u2028", r"\u007f",
        ] {
            assert!(text.contains(escaped), "{escaped} in {text}");
        }
        assert!(
            text.contains("支付 🔥"),
            "other text stays as it is: {text}"
        );
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["t"][0], raw);
    }

    #[test]
    fn the_layout_is_serde_jsons_pretty_one() {
        let value = serde_json::json!({ "a": [1, "two", { "b": null }], "c": {}, "d": [] });
        let mut out = Vec::new();
        write_pretty(&mut out, &value).unwrap();
        let want = format!("{}\n", serde_json::to_string_pretty(&value).unwrap());
        assert_eq!(String::from_utf8(out).unwrap(), want);
    }
}
