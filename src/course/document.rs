//! Parsing the TOML document, in chunks when it is large.
//!
//! toml's parser keeps every token and parse event of a document in memory before it builds
//! the tree: about 30 bytes per input byte at its peak. A course file with 100,000 activities
//! (about 9 MB) would peak well above 200 MiB that way. Large files are therefore cut at root
//! `[[activities]]` headers into chunks of about [`CHUNK_BYTES`], each parsed on its own, and
//! the chunks' activities are appended to the first chunk's tree. A header line is always the
//! start of a self-contained piece of TOML, so the result is the same tree; whenever that
//! cannot be guaranteed (a syntax error, a key defined in two chunks, an inline `activities`
//! array), the whole document is parsed in one go instead, so errors read exactly the same.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

/// Documents up to this size are parsed in one go; larger ones in chunks of about this size.
pub const CHUNK_BYTES: usize = 1 << 20;

/// A parsed document and its syntax errors (message, span).
pub type Parsed<'i> = (Spanned<DeTable<'i>>, Vec<(String, Option<Range<usize>>)>);

/// Parse `text`, in chunks of about `chunk_bytes` when it is larger than that.
pub fn parse(text: &str, chunk_bytes: usize) -> Parsed<'_> {
    if text.len() > chunk_bytes
        && let Some(starts) = chunk_starts(text, chunk_bytes)
        && let Some(tree) = parse_chunks(text, &starts)
    {
        return (tree, Vec::new());
    }
    whole(text)
}

fn whole(text: &str) -> Parsed<'_> {
    let (tree, errors) = DeTable::parse_recoverable(text);
    let errors = errors
        .into_iter()
        .map(|e| (e.message().to_string(), e.span()))
        .collect();
    (tree, errors)
}

/// Byte offsets where chunks start (the first is 0), or `None` when the document must not be
/// chunked.
fn chunk_starts(text: &str, chunk_bytes: usize) -> Option<Vec<usize>> {
    let mut starts = vec![0];
    let mut in_value = false;
    let mut depth = 0usize;
    let mut line_start = true;
    for token in toml_parser::Source::new(text).lex() {
        use toml_parser::lexer::TokenKind as T;
        let at = token.span().start();
        match token.kind() {
            T::Newline => {
                if depth == 0 {
                    in_value = false;
                }
                line_start = true;
                continue;
            }
            T::Whitespace | T::Comment => continue,
            T::Eof => break,
            T::Equals if !in_value => in_value = true,
            T::LeftSquareBracket | T::LeftCurlyBracket if in_value => depth += 1,
            T::RightSquareBracket | T::RightCurlyBracket if in_value => {
                depth = depth.saturating_sub(1);
            }
            T::LeftSquareBracket
                if line_start
                    && is_activities_header(&text[at..])
                    && at >= starts[starts.len() - 1] + chunk_bytes =>
            {
                starts.push(at);
            }
            T::Atom if line_start && !in_value && is_inline_activities(&text[at..]) => {
                return None;
            }
            _ => {}
        }
        line_start = false;
    }
    (starts.len() > 1).then_some(starts)
}

fn is_activities_header(rest: &str) -> bool {
    rest.strip_prefix("[[")
        .map(|r| r.trim_start_matches([' ', '\t']))
        .and_then(|r| r.strip_prefix("activities"))
        .map(|r| r.trim_start_matches([' ', '\t']))
        .is_some_and(|r| r.starts_with("]]"))
}

fn is_inline_activities(rest: &str) -> bool {
    rest.strip_prefix("activities")
        .is_some_and(|r| r.trim_start_matches([' ', '\t']).starts_with(['=', '.']))
}

fn parse_chunks<'i>(text: &'i str, starts: &[usize]) -> Option<Spanned<DeTable<'i>>> {
    let mut root: Option<(std::ops::Range<usize>, DeTable<'i>)> = None;
    for (i, &start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(text.len());
        let (tree, errors) = DeTable::parse_recoverable(&text[start..end]);
        if !errors.is_empty() {
            return None;
        }
        let span = tree.span();
        let chunk = shift_table(tree.into_inner(), start);
        match &mut root {
            None => root = Some((span, chunk)),
            Some((_, root)) => merge(root, chunk)?,
        }
    }
    let (span, root) = root?;
    Some(Spanned::new(span, root))
}

/// Append a later chunk's activities to the tree; any other key must be new.
fn merge<'i>(root: &mut DeTable<'i>, chunk: DeTable<'i>) -> Option<()> {
    for (key, value) in chunk {
        if key.get_ref() == "activities" {
            let (DeValue::Array(more), Some(existing)) =
                (value.into_inner(), root.get_mut("activities"))
            else {
                return None;
            };
            let DeValue::Array(items) = existing.get_mut() else {
                return None;
            };
            for item in more {
                items.push(item);
            }
        } else if root.contains_key(key.get_ref().as_ref()) {
            return None;
        } else {
            root.insert(key, value);
        }
    }
    Some(())
}

fn shift<T>(spanned: Spanned<T>, by: usize) -> (Range<usize>, T) {
    let span = spanned.span();
    (span.start + by..span.end + by, spanned.into_inner())
}

fn shift_table(table: DeTable<'_>, by: usize) -> DeTable<'_> {
    let mut out = DeTable::new();
    for (key, value) in table {
        let (key_span, key) = shift(key, by);
        out.insert(Spanned::new(key_span, key), shift_value(value, by));
    }
    out
}

fn shift_value(value: Spanned<DeValue<'_>>, by: usize) -> Spanned<DeValue<'_>> {
    let (span, value) = shift(value, by);
    let value = match value {
        DeValue::Table(table) => DeValue::Table(shift_table(table, by)),
        DeValue::Array(array) => {
            let mut out = DeArray::new();
            for item in array {
                out.push(shift_value(item, by));
            }
            DeValue::Array(out)
        }
        other => other,
    };
    Spanned::new(span, value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_inside_strings_and_values_are_not_boundaries() {
        let text = "a = \"\"\"\n[[activities]]\n\"\"\"\nb = [\n  1,\n]\n[[activities]]\nid = \"x\"\n[[activities]]\nid = \"y\"\n";
        let starts = chunk_starts(text, 1).unwrap();
        let headers: Vec<&str> = starts[1..].iter().map(|&s| &text[s..s + 14]).collect();
        assert_eq!(headers, vec!["[[activities]]", "[[activities]]"]);
        assert_eq!(starts.len(), 3, "the header inside the string is skipped");
    }

    #[test]
    fn inline_activities_disable_chunking() {
        assert!(chunk_starts("activities = []\n[[activities]]\n", 1).is_none());
    }

    #[test]
    fn chunked_tree_equals_whole_tree() {
        let mut text = String::from("[course]\ntitle = \"T\"\n");
        for i in 0..50 {
            text.push_str(&format!(
                "[[activities]]\nid = \"a{i}\"\n[activities.extra]\nx = {i}\n"
            ));
        }
        text.push_str("[check]\nallow = []\n");
        let (whole_tree, _) = whole(&text);
        let (chunked, errors) = parse(&text, 64);
        assert!(errors.is_empty());
        let (a, b) = (format!("{whole_tree:?}"), format!("{chunked:?}"));
        let at = a.bytes().zip(b.bytes()).position(|(x, y)| x != y);
        assert!(
            at.is_none() && a.len() == b.len(),
            "differ at {at:?}: {:?}",
            at.map(|i| (
                &a[i.saturating_sub(80)..i + 40],
                &b[i.saturating_sub(80)..i + 40]
            ))
        );
    }
}
