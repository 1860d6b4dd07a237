//! The parsed document: tables, arrays and values, each with the byte span it was read from.
//!
//! The loader reads this tree rather than toml's own: the fast reader ([`super::fast`]) builds
//! it straight from the text, and toml's tree is converted into it when the fast reader
//! declines a document. A table keeps its entries in a vector sorted by key (the order toml's
//! map iterates in), each with a short tag, so that looking a key up scans a handful of tags.

use std::borrow::Cow;
use std::fmt;

use std::ops::Range;

use toml::de::{DeTable, DeValue};

/// A value with the bytes it was read from. Spans are kept as `u32` (course files are at most
/// 16 MiB): eight bytes less for every key and value of the tree, which a file of 100,000
/// activities holds a million of.
#[derive(Clone, Debug)]
pub struct Spanned<T> {
    start: u32,
    end: u32,
    value: T,
}

impl<T> Spanned<T> {
    /// `value`, read from `span`.
    pub fn new(span: Range<usize>, value: T) -> Self {
        // Course files are at most 16 MiB; a larger text handed to the library directly keeps
        // its spans clamped rather than wrapped.
        let clamp = |at: usize| u32::try_from(at).unwrap_or(u32::MAX);
        Spanned {
            start: clamp(span.start),
            end: clamp(span.end),
            value,
        }
    }

    /// The bytes the value was read from.
    pub fn span(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The value.
    pub fn get_ref(&self) -> &T {
        &self.value
    }

    /// The value, to change.
    pub fn get_mut(&mut self) -> &mut T {
        &mut self.value
    }

    /// The value, without its span.
    pub fn into_inner(self) -> T {
        self.value
    }
}

/// A key as written, with its span.
pub type Key<'i> = Spanned<Cow<'i, str>>;

/// A value with its span.
pub type Item<'i> = Spanned<Value<'i>>;

/// An array's items.
pub type Array<'i> = Vec<Item<'i>>;

/// A TOML value.
#[derive(Debug, Clone)]
pub enum Value<'i> {
    /// A string, escapes decoded.
    String(Cow<'i, str>),
    /// An integer's digits in its radix.
    Integer(Number<'i>),
    /// A float, as text [`str::parse`] reads (underscores aside).
    Float(Number<'i>),
    /// `true` or `false`.
    Boolean(bool),
    /// A date, time or date-time.
    Datetime(toml::value::Datetime),
    /// An array, inline or of tables.
    Array(Array<'i>),
    /// A table, inline or from a header.
    Table(Table<'i>),
}

/// A number's text and radix, as toml decodes it (sign kept, prefix and underscores dropped
/// from integers).
#[derive(Debug, Clone)]
pub struct Number<'i> {
    text: Cow<'i, str>,
    radix: u32,
}

impl<'i> Number<'i> {
    pub(super) fn new(text: Cow<'i, str>, radix: u32) -> Self {
        Number { text, radix }
    }

    /// The digits, with the sign.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The base of [`Number::as_str`] (10 for floats).
    pub fn radix(&self) -> u32 {
        self.radix
    }
}

/// An integer as written in its radix (`0x1f`), or a float's text.
impl fmt::Display for Number<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let prefix = match self.radix {
            2 => "0b",
            8 => "0o",
            16 => "0x",
            _ => "",
        };
        write!(f, "{prefix}{}", self.text)
    }
}

/// A table's entries, sorted by key once the table is complete.
#[derive(Clone, Default)]
pub struct Table<'i> {
    entries: Vec<Entry<'i>>,
    /// How the table came to be; read only while the document is read.
    pub(super) origin: Origin,
}

/// How a table came to be, for deciding what a later line may do with it.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
pub(super) enum Origin {
    /// Named by a header: complete.
    #[default]
    Defined,
    /// Made on the way to a deeper header (`[a]` made by `[a.b]`): `[a]` may still follow.
    Implicit,
    /// Written `{ ... }`: complete, and no header may add to it.
    Inline,
}

#[derive(Clone)]
struct Entry<'i> {
    tag: u64,
    key: Key<'i>,
    value: Item<'i>,
}

impl<'i> Table<'i> {
    pub(super) fn new(origin: Origin) -> Self {
        Table {
            entries: Vec::new(),
            origin,
        }
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&Item<'i>> {
        let tag = key_tag(key);
        self.entries
            .iter()
            .find(|e| e.tag == tag && e.key.get_ref().as_ref() == key)
            .map(|e| &e.value)
    }

    pub(super) fn get_mut(&mut self, key: &str) -> Option<&mut Item<'i>> {
        let tag = key_tag(key);
        self.entries
            .iter_mut()
            .find(|e| e.tag == tag && e.key.get_ref().as_ref() == key)
            .map(|e| &mut e.value)
    }

    /// Whether the table holds `key`.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Every key and value, in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&Key<'i>, &Item<'i>)> + '_ {
        self.entries.iter().map(|e| (&e.key, &e.value))
    }

    /// How many keys the table holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the table holds no key.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Add an entry (the caller has made sure `key` is new).
    pub(super) fn push(&mut self, key: Key<'i>, value: Item<'i>) {
        self.entries.push(Entry {
            tag: key_tag(key.get_ref()),
            key,
            value,
        });
    }

    /// Take the entry of `key` out.
    pub(super) fn remove(&mut self, key: &str) -> Option<(Key<'i>, Item<'i>)> {
        let tag = key_tag(key);
        let at = self
            .entries
            .iter()
            .position(|e| e.tag == tag && e.key.get_ref().as_ref() == key)?;
        let entry = self.entries.swap_remove(at);
        Some((entry.key, entry.value))
    }

    /// Sort this table's own keys; `false` when a key is there twice.
    pub(super) fn sort_unique(&mut self) -> bool {
        self.entries
            .sort_unstable_by(|a, b| a.key.get_ref().cmp(b.key.get_ref()));
        self.entries
            .windows(2)
            .all(|pair| pair[0].key.get_ref() != pair[1].key.get_ref())
    }

    /// Sort this table's keys, and those of every table inside it, as toml's map orders them.
    pub(super) fn sort(&mut self) {
        self.entries
            .sort_unstable_by(|a, b| a.key.get_ref().cmp(b.key.get_ref()));
        for entry in &mut self.entries {
            sort_value(entry.value.get_mut());
        }
    }
}

fn sort_value(value: &mut Value<'_>) {
    match value {
        Value::Table(table) => table.sort(),
        Value::Array(items) => items.iter_mut().for_each(|item| sort_value(item.get_mut())),
        _ => {}
    }
}

impl fmt::Debug for Table<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.entries.iter().map(|e| (&e.key, &e.value)))
            .finish()
    }
}

/// A key's length with its first and last byte: equal for equal keys, and rarely for others.
fn key_tag(key: &str) -> u64 {
    let bytes = key.as_bytes();
    let (first, last) = (bytes.first().copied(), bytes.last().copied());
    (bytes.len() as u64) << 16 | u64::from(first.unwrap_or(0)) << 8 | u64::from(last.unwrap_or(0))
}

/// toml's tree as this one (toml's map already iterates in key order).
pub(super) fn from_toml(table: DeTable<'_>) -> Table<'_> {
    let mut out = Table {
        entries: Vec::with_capacity(table.len()),
        origin: Origin::Defined,
    };
    for (key, value) in table {
        let span = key.span();
        out.push(Spanned::new(span, key.into_inner()), convert(value));
    }
    out
}

fn convert(value: toml::Spanned<DeValue<'_>>) -> Item<'_> {
    let span = value.span();
    let value = match value.into_inner() {
        DeValue::String(text) => Value::String(text),
        DeValue::Integer(int) => Value::Integer(Number::new(
            Cow::Owned(int.as_str().to_owned()),
            int.radix(),
        )),
        DeValue::Float(float) => {
            Value::Float(Number::new(Cow::Owned(float.as_str().to_owned()), 10))
        }
        DeValue::Boolean(b) => Value::Boolean(b),
        DeValue::Datetime(dt) => Value::Datetime(dt),
        DeValue::Array(array) => Value::Array(array.into_iter().map(convert).collect()),
        DeValue::Table(table) => Value::Table(from_toml(table)),
    };
    Spanned::new(span, value)
}
