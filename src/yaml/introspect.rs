//! A deserializer that feeds a type nothing but the keys of one path,
//! to learn which fields the struct at its end has (the names serde's
//! derive lists), for "did you mean" under an unknown key.
//!
//! Reads no YAML: it asks `T`'s own `Deserialize` and always ends in an
//! error that carries the answer.

use serde::de::{self, DeserializeSeed, MapAccess, Visitor};
use serde::forward_to_deserialize_any;
use std::fmt;

/// The answer, carried as the deserializer's error: the fields of the
/// struct at the end of the path, or nothing (the path ends elsewhere).
#[derive(Debug)]
pub(super) enum Found {
    Fields(&'static [&'static str]),
    Nothing,
}

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("field introspection")
    }
}

impl std::error::Error for Found {}

impl de::Error for Found {
    fn custom<M: fmt::Display>(_: M) -> Found {
        Found::Nothing
    }
}

/// Deserializes as the keys of `path`, one mapping per key, down to the
/// struct whose fields are wanted.
pub(super) struct FieldsAt<'p> {
    pub(super) path: &'p [String],
}

impl<'de> de::Deserializer<'de> for FieldsAt<'_> {
    type Error = Found;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Found> {
        Err(Found::Nothing)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Found> {
        if self.path.is_empty() {
            return Err(Found::Fields(fields));
        }
        visitor.visit_map(OneKey {
            path: self.path,
            done: false,
        })
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Found> {
        if self.path.is_empty() {
            return Err(Found::Nothing);
        }
        visitor.visit_map(OneKey {
            path: self.path,
            done: false,
        })
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Found> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Found> {
        visitor.visit_newtype_struct(self)
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct enum identifier
        ignored_any
    }
}

/// A mapping with the first key of the path, whose value is the rest.
struct OneKey<'p> {
    path: &'p [String],
    done: bool,
}

impl<'de> MapAccess<'de> for OneKey<'_> {
    type Error = Found;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Found> {
        if self.done {
            return Err(Found::Nothing);
        }
        self.done = true;
        let key = self.path.first().map_or("", String::as_str);
        seed.deserialize(de::value::StrDeserializer::<Found>::new(key))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Found> {
        seed.deserialize(FieldsAt {
            path: self.path.get(1..).unwrap_or(&[]),
        })
    }
}
