//! A one-pass reader for the plain TOML course files are written in.
//!
//! toml lexes a whole document into tokens, turns those into parse events, and only then
//! builds its tree; on a typical course file that was a quarter of `mixplan check`. Course
//! files use a small part of TOML: bare keys, one-line strings with the common escapes, decimal
//! numbers, dates, arrays, one-line inline tables, `[table]` and `[[array]]` headers. This
//! reader builds the tree for exactly that part in one pass over the bytes and gives up
//! (returns `None`) on anything else, or on anything invalid: toml then parses the document,
//! so every other document, and every error message, is toml's. For what it accepts it builds
//! the tree toml builds, spans included (a test compares them on every shipped file and on
//! generated variants).

use std::borrow::Cow;
use std::ops::Range;

use super::tree::{Array, Item, Key, Number, Origin, Spanned, Table, Value};

/// Deepest nesting of arrays and inline tables, and most parts of a header's key (`[a.b.c]`),
/// read here; deeper documents go to toml, which reports its own limit.
const MAX_DEPTH: usize = 16;

/// Most keys a table named by headers may hold here. Each new key is compared with the
/// table's others (and headers look keys up), so such a table of a million generated keys goes
/// to toml's map instead of taking quadratic time. An inline table takes any number: past this
/// many keys it is checked for repeated ones by sorting, once it is complete.
const MAX_KEYS: usize = 64;

/// The document's root table, or `None` when the text is not plain TOML this reader takes.
pub(super) fn parse(text: &str) -> Option<Table<'_>> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        at: 0,
    };
    let mut document = Document::default();
    loop {
        reader.blank();
        match reader.peek() {
            None => break,
            Some(b'\n') => reader.at += 1,
            Some(b'\r') => reader.newline()?,
            Some(b'#') => reader.comment()?,
            Some(b'[') => {
                let header = reader.header()?;
                reader.line_end()?;
                document.start(header)?;
            }
            Some(_) => {
                let key = reader.key()?;
                reader.blank();
                reader.expect(b'=')?;
                reader.blank();
                let value = reader.value(0)?;
                reader.line_end()?;
                document.insert(key, value)?;
            }
        }
    }
    let mut root = document.finish()?;
    root.sort();
    Some(root)
}

/// A `[table]` or `[[array]]` header: its dotted path and span (brackets included).
struct Header<'i> {
    path: Vec<Key<'i>>,
    span: Range<usize>,
    array: bool,
}

/// The tables read so far. As in toml, the table under the current header is kept apart and
/// placed in the root when the next header (or the end) is reached.
#[derive(Default)]
struct Document<'i> {
    root: Table<'i>,
    current: Table<'i>,
    header: Option<Header<'i>>,
}

impl<'i> Document<'i> {
    fn insert(&mut self, key: Key<'i>, value: Item<'i>) -> Option<()> {
        add(&mut self.current, key, value)
    }

    fn start(&mut self, header: Header<'i>) -> Option<()> {
        self.place_current()?;
        let (key, parents) = header.path.split_last()?;
        if !header.array {
            let parent = descend(&mut self.root, parents)?;
            if let Some((_, old)) = parent.remove(key.get_ref()) {
                // Only a table made on the way to a deeper header may be named afterwards.
                match old.into_inner() {
                    Value::Table(table) if table.origin == Origin::Implicit => {
                        self.current = table;
                    }
                    _ => return None,
                }
            }
        }
        self.current.origin = Origin::Defined;
        self.header = Some(header);
        Some(())
    }

    /// Put the table under the current header where its header names it.
    fn place_current(&mut self) -> Option<()> {
        let table = std::mem::take(&mut self.current);
        let Some(header) = self.header.take() else {
            // The keys before the first header are the root's.
            self.root = table;
            return Some(());
        };
        let (key, parents) = header.path.split_last()?;
        let parent = descend(&mut self.root, parents)?;
        let table = Spanned::new(header.span.clone(), Value::Table(table));
        if !header.array {
            return add(parent, key.clone(), table);
        }
        match parent.get_mut(key.get_ref()) {
            Some(existing) => match existing.get_mut() {
                Value::Array(items) if is_array_of_tables(items) => items.push(table),
                _ => return None,
            },
            None => {
                let items = vec![table];
                add(
                    parent,
                    key.clone(),
                    Spanned::new(header.span, Value::Array(items)),
                )?;
            }
        }
        Some(())
    }

    fn finish(mut self) -> Option<Table<'i>> {
        self.place_current()?;
        Some(self.root)
    }
}

/// Add a new key to a table; `None` when the key is already there or the table is full.
fn add<'i>(table: &mut Table<'i>, key: Key<'i>, value: Item<'i>) -> Option<()> {
    if table.len() >= MAX_KEYS || table.contains_key(key.get_ref()) {
        return None;
    }
    table.push(key, value);
    Some(())
}

/// The table at `path` under `table`, making implicit tables on the way; through an array of
/// tables, its last table. `None` where the path meets anything else.
fn descend<'t, 'i>(mut table: &'t mut Table<'i>, path: &[Key<'i>]) -> Option<&'t mut Table<'i>> {
    for key in path {
        if !table.contains_key(key.get_ref()) {
            let made = Table::new(Origin::Implicit);
            add(
                table,
                key.clone(),
                Spanned::new(key.span(), Value::Table(made)),
            )?;
        }
        let value = table.get_mut(key.get_ref())?;
        table = match value.get_mut() {
            Value::Table(inner) if inner.origin != Origin::Inline => inner,
            Value::Array(items) if is_array_of_tables(items) => match items.last_mut()?.get_mut() {
                Value::Table(inner) => inner,
                _ => return None,
            },
            _ => return None,
        };
    }
    Some(table)
}

/// An array made by `[[...]]` headers. An array written inline holds only inline tables, so
/// an array whose first item is a table of another origin was made by headers.
fn is_array_of_tables(items: &Array<'_>) -> bool {
    matches!(items.first().map(|i| i.get_ref()), Some(Value::Table(t)) if t.origin != Origin::Inline)
}

/// The byte reader.
struct Reader<'i> {
    text: &'i str,
    bytes: &'i [u8],
    at: usize,
}

impl<'i> Reader<'i> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.peek() == Some(byte)).then(|| self.at += 1)
    }

    /// Spaces and tabs.
    fn blank(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.at += 1;
        }
    }

    /// `\n` or `\r\n`.
    fn newline(&mut self) -> Option<()> {
        if self.peek() == Some(b'\r') {
            self.at += 1;
        }
        self.expect(b'\n')
    }

    /// A comment up to (not including) its line end; control characters other than tab make
    /// the document toml's to judge.
    fn comment(&mut self) -> Option<()> {
        self.at += 1;
        while let Some(byte) = self.peek() {
            match byte {
                b'\n' => break,
                b'\r' if self.bytes.get(self.at + 1) == Some(&b'\n') => break,
                b'\t' => {}
                0..=0x1f | 0x7f => return None,
                _ => {}
            }
            self.at += 1;
        }
        Some(())
    }

    /// The rest of a line after a header or key/value: blanks, a comment, a line end or the
    /// end of the text.
    fn line_end(&mut self) -> Option<()> {
        self.blank();
        if self.peek() == Some(b'#') {
            self.comment()?;
        }
        match self.peek() {
            None => Some(()),
            _ => self.newline(),
        }
    }

    /// A bare key; dotted and quoted keys are toml's.
    fn key(&mut self) -> Option<Key<'i>> {
        let key = self.bare_key()?;
        let after = self.at;
        self.blank();
        if self.peek() == Some(b'.') {
            return None;
        }
        self.at = after;
        Some(key)
    }

    /// Letters, digits, `_` and `-`: one part of a key.
    fn bare_key(&mut self) -> Option<Key<'i>> {
        let start = self.at;
        while matches!(
            self.peek(),
            Some(b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'_' | b'-')
        ) {
            self.at += 1;
        }
        (self.at > start)
            .then(|| Spanned::new(start..self.at, Cow::Borrowed(&self.text[start..self.at])))
    }

    /// `[a.b]` or `[[a.b]]`.
    fn header(&mut self) -> Option<Header<'i>> {
        let start = self.at;
        self.at += 1;
        let array = self.peek() == Some(b'[');
        if array {
            self.at += 1;
        }
        let mut path = Vec::new();
        loop {
            self.blank();
            if path.len() == MAX_DEPTH {
                return None;
            }
            path.push(self.bare_key()?);
            self.blank();
            if self.peek() != Some(b'.') {
                break;
            }
            self.at += 1;
        }
        self.expect(b']')?;
        if array {
            self.expect(b']')?;
        }
        Some(Header {
            path,
            span: start..self.at,
            array,
        })
    }

    fn value(&mut self, depth: usize) -> Option<Item<'i>> {
        if depth > MAX_DEPTH {
            return None;
        }
        let start = self.at;
        let value = match self.peek()? {
            b'"' => self.string(b'"')?,
            b'\'' => self.string(b'\'')?,
            b'[' => self.array(depth)?,
            b'{' => self.inline_table(depth)?,
            _ => self.scalar()?,
        };
        Some(Spanned::new(start..self.at, value))
    }

    /// A one-line string. Basic strings may hold the common escapes (`\"`, `\\`, `\n`, `\t`,
    /// `\r`, `\b`, `\f`, `\uXXXX`); multi-line strings and other escapes are toml's.
    fn string(&mut self, quote: u8) -> Option<Value<'i>> {
        self.at += 1;
        let start = self.at;
        // The text decoded so far, once an escape has been met.
        let mut decoded: Option<String> = None;
        let mut run = start;
        let end = loop {
            match self.peek()? {
                byte if byte == quote => break self.at,
                b'\\' if quote == b'"' => {
                    let text = decoded.get_or_insert_with(String::new);
                    text.push_str(&self.text[run..self.at]);
                    self.at += 1;
                    text.push(self.escape()?);
                    run = self.at;
                    continue;
                }
                b'\t' => {}
                0..=0x1f | 0x7f => return None,
                _ => {}
            }
            self.at += 1;
        };
        self.at += 1;
        if end == start && self.peek() == Some(quote) {
            return None;
        }
        Some(Value::String(match decoded {
            Some(mut text) => {
                text.push_str(&self.text[run..end]);
                Cow::Owned(text)
            }
            None => Cow::Borrowed(&self.text[start..end]),
        }))
    }

    /// The character an escape after its backslash stands for, the reader moved past it.
    fn escape(&mut self) -> Option<char> {
        let c = match self.peek()? {
            b'"' => '"',
            b'\\' => '\\',
            b'n' => '\n',
            b't' => '\t',
            b'r' => '\r',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'u' => {
                let hex = self.text.get(self.at + 1..self.at + 5)?;
                if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return None;
                }
                self.at += 4;
                char::from_u32(u32::from_str_radix(hex, 16).ok()?)?
            }
            _ => return None,
        };
        self.at += 1;
        Some(c)
    }

    /// `[ value, ... ]`, over lines, with comments and a trailing comma.
    fn array(&mut self, depth: usize) -> Option<Value<'i>> {
        self.at += 1;
        let mut items = Array::new();
        loop {
            self.array_space()?;
            if self.peek()? == b']' {
                break;
            }
            items.push(self.value(depth + 1)?);
            self.array_space()?;
            match self.peek()? {
                b',' => self.at += 1,
                b']' => break,
                _ => return None,
            }
        }
        self.at += 1;
        Some(Value::Array(items))
    }

    /// Blanks, line ends and comments between an array's items.
    fn array_space(&mut self) -> Option<()> {
        loop {
            self.blank();
            match self.peek() {
                Some(b'\n' | b'\r') => self.newline()?,
                Some(b'#') => self.comment()?,
                _ => return Some(()),
            }
        }
    }

    /// `{ key = value, ... }` on one line, without a trailing comma.
    fn inline_table(&mut self, depth: usize) -> Option<Value<'i>> {
        self.at += 1;
        let mut table = Table::new(Origin::Inline);
        self.blank();
        if self.peek()? == b'}' {
            self.at += 1;
        } else {
            loop {
                self.blank();
                let key = self.key()?;
                self.blank();
                self.expect(b'=')?;
                self.blank();
                let value = self.value(depth + 1)?;
                if table.len() < MAX_KEYS {
                    add(&mut table, key, value)?;
                } else {
                    // No header can reach into an inline table, so a large one is checked
                    // for repeated keys once, when it is complete.
                    table.push(key, value);
                }
                self.blank();
                match self.peek()? {
                    b',' => self.at += 1,
                    b'}' => {
                        self.at += 1;
                        break;
                    }
                    _ => return None,
                }
            }
        }
        if table.len() > MAX_KEYS && !table.sort_unique() {
            return None;
        }
        Some(Value::Table(table))
    }

    /// `true`, `false`, a decimal integer or float, or a date (`2024-01-16`).
    fn scalar(&mut self) -> Option<Value<'i>> {
        let start = self.at;
        while matches!(
            self.peek(),
            Some(b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'_' | b'-' | b'+' | b'.' | b':')
        ) {
            self.at += 1;
        }
        let token = &self.text[start..self.at];
        match token {
            "true" => return Some(Value::Boolean(true)),
            "false" => return Some(Value::Boolean(false)),
            _ => {}
        }
        if is_date(token) {
            // `2024-01-16 10:00` is one date-time to toml.
            let rest = &self.bytes[self.at..];
            if rest.first() == Some(&b' ') && rest.get(1).is_some_and(u8::is_ascii_digit) {
                return None;
            }
            return token.parse().ok().map(Value::Datetime);
        }
        let number = Number::new(Cow::Borrowed(token), 10);
        match number_kind(token)? {
            NumberKind::Integer => Some(Value::Integer(number)),
            NumberKind::Float => Some(Value::Float(number)),
        }
    }
}

/// `dddd-dd-dd`.
fn is_date(token: &str) -> bool {
    let b = token.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, &c)| match i {
            4 | 7 => c == b'-',
            _ => c.is_ascii_digit(),
        })
}

enum NumberKind {
    Integer,
    Float,
}

/// A decimal integer (`-12`, `0`) or float (`1.5`, `-0.25`, `2e3`, `1.5E-2`) as TOML writes
/// them, without underscores or a plus sign; `None` for anything else.
fn number_kind(token: &str) -> Option<NumberKind> {
    let digits = token.strip_prefix('-').unwrap_or(token).as_bytes();
    let whole = digits.iter().take_while(|c| c.is_ascii_digit()).count();
    // No leading zero before another digit, and at least one digit.
    if whole == 0 || (whole > 1 && digits[0] == b'0') {
        return None;
    }
    let mut rest = &digits[whole..];
    if rest.is_empty() {
        return Some(NumberKind::Integer);
    }
    if let Some(fraction) = rest.strip_prefix(b".") {
        let n = fraction.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return None;
        }
        rest = &fraction[n..];
    }
    if let Some(exponent) = rest.strip_prefix(b"e").or_else(|| rest.strip_prefix(b"E")) {
        let exponent = exponent
            .strip_prefix(b"-")
            .or_else(|| exponent.strip_prefix(b"+"))
            .unwrap_or(exponent);
        if exponent.is_empty() || !exponent.iter().all(u8::is_ascii_digit) {
            return None;
        }
        rest = &[];
    }
    rest.is_empty().then_some(NumberKind::Float)
}
