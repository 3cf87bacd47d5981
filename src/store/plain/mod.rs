//! A fast reader for the RON that [`super::encode`] writes.
//!
//! A review of 100,000 events is 20 MB of RON, and the general parser
//! spends most of the time of opening one going over it. This reader
//! understands only the plain part of RON that debrief itself writes:
//! structs without names, lists, maps, `Some(..)` and `None`, enum
//! variants, plain and raw strings without escapes, decimal integers and
//! booleans, separated by ASCII whitespace. Anything else (a comment, an
//! escape, a struct name, a float, an extension, an unknown field, any
//! error at all) makes it give up, and the caller reads the text with
//! [`ron`] instead, so that every file that loaded still loads, the same
//! way, and every error is ron's, with its line and column.
//!
//! For every text it accepts, it gives the value ron gives: it accepts a
//! subset of RON with ron's meaning (checked against ron in
//! `tests/codec.rs`).

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Visitor};

/// As deep as values nest before this reader gives up (ron's own limit
/// then answers).
const MAX_DEPTH: usize = 128;

/// Reads `text` as a `T`, or `None` when it is not in the plain subset or
/// not a valid `T`: read it with ron then.
pub fn from_str<'de, T: Deserialize<'de>>(text: &'de str) -> Option<T> {
    let mut parser = Parser {
        src: text.as_bytes(),
        text,
        pos: 0,
        depth: 0,
    };
    let value = T::deserialize(&mut parser).ok()?;
    parser.ws().ok()?;
    (parser.pos == parser.src.len()).then_some(value)
}

/// Why this reader gave up; never shown (ron reads the text then).
#[derive(Debug)]
pub struct GiveUp;

impl fmt::Display for GiveUp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not plain RON")
    }
}

impl std::error::Error for GiveUp {}

impl de::Error for GiveUp {
    fn custom<T: fmt::Display>(_: T) -> Self {
        GiveUp
    }
}

pub(super) type Result<T> = std::result::Result<T, GiveUp>;

pub(super) struct Parser<'de> {
    src: &'de [u8],
    text: &'de str,
    pos: usize,
    depth: usize,
}

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_ident_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl<'de> Parser<'de> {
    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    /// Skips whitespace; a comment (which ron allows) gives up.
    fn ws(&mut self) -> Result<()> {
        while let Some(b) = self.peek() {
            match b {
                b' ' | b'\n' | b'\t' | b'\r' => self.pos += 1,
                b'/' => return Err(GiveUp),
                _ => break,
            }
        }
        Ok(())
    }

    /// Whitespace, then `c`.
    fn expect(&mut self, c: u8) -> Result<()> {
        self.ws()?;
        if self.peek() == Some(c) {
            self.pos += 1;
            Ok(())
        } else {
            Err(GiveUp)
        }
    }

    /// Whitespace, then `c` if it is there.
    fn eat(&mut self, c: u8) -> Result<bool> {
        self.ws()?;
        let here = self.peek() == Some(c);
        self.pos += usize::from(here);
        Ok(here)
    }

    /// An identifier of ASCII letters, digits and `_` (a raw identifier
    /// `r#..` gives up).
    fn ident(&mut self) -> Result<&'de str> {
        self.ws()?;
        let start = self.pos;
        if !self.peek().is_some_and(is_ident_start) {
            return Err(GiveUp);
        }
        while self.peek().is_some_and(is_ident_char) {
            self.pos += 1;
        }
        if self.peek() == Some(b'#') {
            return Err(GiveUp);
        }
        Ok(&self.text[start..self.pos])
    }

    /// A string without escapes: `"..."`, or raw, `r#"..."#`.
    fn string(&mut self) -> Result<&'de str> {
        self.ws()?;
        let hashes = match self.peek() {
            Some(b'"') => None,
            Some(b'r') => {
                let mut n = 0;
                while self.src.get(self.pos + 1 + n) == Some(&b'#') {
                    n += 1;
                }
                if self.src.get(self.pos + 1 + n) != Some(&b'"') {
                    return Err(GiveUp);
                }
                self.pos += 1 + n;
                Some(n)
            }
            _ => return Err(GiveUp),
        };
        self.pos += 1;
        let start = self.pos;
        let rest = &self.src[start..];
        let end = match hashes {
            None => {
                let end = memchr2(b'"', b'\\', rest).ok_or(GiveUp)?;
                if rest[end] == b'\\' {
                    return Err(GiveUp);
                }
                self.pos = start + end + 1;
                end
            }
            Some(n) => {
                let mut from = 0;
                loop {
                    let at = from + rest[from..].iter().position(|b| *b == b'"').ok_or(GiveUp)?;
                    let closes = rest
                        .get(at + 1..at + 1 + n)
                        .is_some_and(|h| h.iter().all(|b| *b == b'#'));
                    if closes {
                        self.pos = start + at + 1 + n;
                        break at;
                    }
                    from = at + 1;
                }
            }
        };
        // Quotes and hashes are ASCII: the bounds are character bounds.
        self.text.get(start..start + end).ok_or(GiveUp)
    }

    /// A decimal integer, `-` first when `signed`; a sign, a digit
    /// separator, a base prefix or a fraction gives up.
    fn integer(&mut self, signed: bool) -> Result<&'de str> {
        self.ws()?;
        let start = self.pos;
        if signed && self.peek() == Some(b'-') {
            self.pos += 1;
        }
        let digits = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
        if self.pos == digits || self.peek().is_some_and(|b| is_ident_char(b) || b == b'.') {
            return Err(GiveUp);
        }
        // A leading zero is ron's base prefix or an error: ron decides.
        if self.src[digits] == b'0' && self.pos - digits > 1 {
            return Err(GiveUp);
        }
        Ok(&self.text[start..self.pos])
    }

    fn enter(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(GiveUp);
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    /// `open`, what `read` reads one level deeper, then `close`.
    fn within<T>(
        &mut self,
        open: u8,
        close: u8,
        read: impl FnOnce(&mut Self) -> Result<T>,
    ) -> Result<T> {
        self.expect(open)?;
        self.enter()?;
        let value = read(self)?;
        self.leave();
        self.expect(close)?;
        Ok(value)
    }
}

/// The first `a` or `b` in `bytes`.
fn memchr2(a: u8, b: u8, bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|c| *c == a || *c == b)
}

macro_rules! integer {
    ($($method:ident $visit:ident $ty:ty, $signed:expr;)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
                let n: $ty = self.integer($signed)?.parse().map_err(|_| GiveUp)?;
                visitor.$visit(n)
            }
        )*
    };
}

macro_rules! give_up {
    ($($method:ident),*) => {
        $(
            fn $method<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
                Err(GiveUp)
            }
        )*
    };
}

impl<'de> de::Deserializer<'de> for &mut Parser<'de> {
    type Error = GiveUp;

    integer! {
        deserialize_u8 visit_u8 u8, false;
        deserialize_u16 visit_u16 u16, false;
        deserialize_u32 visit_u32 u32, false;
        deserialize_u64 visit_u64 u64, false;
        deserialize_i8 visit_i8 i8, true;
        deserialize_i16 visit_i16 i16, true;
        deserialize_i32 visit_i32 i32, true;
        deserialize_i64 visit_i64 i64, true;
    }

    give_up!(
        deserialize_any,
        deserialize_ignored_any,
        deserialize_f32,
        deserialize_f64,
        deserialize_char,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_unit
    );

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.ident()? {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => Err(GiveUp),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.string()?)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.ident()?)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.ident()? {
            "None" => visitor.visit_none(),
            "Some" => {
                self.expect(b'(')?;
                self.enter()?;
                let value = visitor.visit_some(&mut *self)?;
                self.leave();
                self.expect(b')')?;
                Ok(value)
            }
            _ => Err(GiveUp),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _visitor: V,
    ) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _visitor: V,
    ) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.within(b'[', b']', |parser| {
            visitor.visit_seq(Items {
                parser,
                close: b']',
            })
        })
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.within(b'(', b')', |parser| {
            visitor.visit_seq(Items {
                parser,
                close: b')',
            })
        })
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        _visitor: V,
    ) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.within(b'{', b'}', |parser| {
            visitor.visit_map(Entries {
                parser,
                close: b'}',
            })
        })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        // A struct name before the parenthesis gives up.
        self.within(b'(', b')', |parser| {
            visitor.visit_map(Entries {
                parser,
                close: b')',
            })
        })
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        let variant = self.ident()?;
        let data = self.eat(b'(')?;
        self.enter()?;
        let value = visitor.visit_enum(Variant {
            parser: &mut *self,
            variant,
            data,
        })?;
        self.leave();
        if data {
            self.expect(b')')?;
        }
        Ok(value)
    }
}

mod access;
#[cfg(test)]
mod tests;

use access::{Entries, Items, Variant};
