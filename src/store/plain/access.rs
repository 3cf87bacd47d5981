//! How the plain reader walks the items of a list, the fields of a
//! struct and the data of an enum variant.

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, Visitor};

use super::{GiveUp, Parser, Result};

/// The items of a list or a tuple, up to `close`.
pub(super) struct Items<'a, 'de> {
    pub(super) parser: &'a mut Parser<'de>,
    pub(super) close: u8,
}

impl<'de> de::SeqAccess<'de> for Items<'_, 'de> {
    type Error = GiveUp;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        self.parser.ws()?;
        if self.parser.peek() == Some(self.close) {
            return Ok(None);
        }
        let value = seed.deserialize(&mut *self.parser)?;
        // A comma, or the end of the list next.
        if !self.parser.eat(b',')? {
            self.parser.ws()?;
            if self.parser.peek() != Some(self.close) {
                return Err(GiveUp);
            }
        }
        Ok(Some(value))
    }
}

/// The fields of a struct or the entries of a map, up to `close`.
pub(super) struct Entries<'a, 'de> {
    pub(super) parser: &'a mut Parser<'de>,
    pub(super) close: u8,
}

impl<'de> de::MapAccess<'de> for Entries<'_, 'de> {
    type Error = GiveUp;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        self.parser.ws()?;
        if self.parser.peek() == Some(self.close) {
            return Ok(None);
        }
        let key = seed.deserialize(&mut *self.parser)?;
        self.parser.expect(b':')?;
        Ok(Some(key))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        let value = seed.deserialize(&mut *self.parser)?;
        if !self.parser.eat(b',')? {
            self.parser.ws()?;
            if self.parser.peek() != Some(self.close) {
                return Err(GiveUp);
            }
        }
        Ok(value)
    }
}

/// An enum variant by name; `data` when a parenthesis follows the name.
pub(super) struct Variant<'a, 'de> {
    pub(super) parser: &'a mut Parser<'de>,
    pub(super) variant: &'de str,
    pub(super) data: bool,
}

impl<'a, 'de> de::EnumAccess<'de> for Variant<'a, 'de> {
    type Error = GiveUp;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        let name = BorrowedStrDeserializer::<GiveUp>::new(self.variant);
        Ok((seed.deserialize(name)?, self))
    }
}

impl<'de> de::VariantAccess<'de> for Variant<'_, 'de> {
    type Error = GiveUp;

    fn unit_variant(self) -> Result<()> {
        if self.data { Err(GiveUp) } else { Ok(()) }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        if !self.data {
            return Err(GiveUp);
        }
        let value = seed.deserialize(&mut *self.parser)?;
        // ron allows a comma after the one value.
        self.parser.eat(b',')?;
        Ok(value)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        if !self.data {
            return Err(GiveUp);
        }
        visitor.visit_seq(Items {
            parser: self.parser,
            close: b')',
        })
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        if !self.data {
            return Err(GiveUp);
        }
        visitor.visit_map(Entries {
            parser: self.parser,
            close: b')',
        })
    }
}
