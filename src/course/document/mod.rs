//! Parsing the TOML document: plain course files by the fast reader ([`fast`]), everything
//! else by toml, in chunks when it is large, and converted to this module's [`tree`].
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

mod fast;
pub mod tree;

/// Documents up to this size are parsed in one go; larger ones in chunks of about this size.
pub const CHUNK_BYTES: usize = 1 << 20;

/// A parsed document and its syntax errors (message, span).
pub type Parsed<'i> = (
    tree::Spanned<tree::Table<'i>>,
    Vec<(String, Option<Range<usize>>)>,
);

/// toml's tree of a document and its syntax errors.
type TomlParsed<'i> = (Spanned<DeTable<'i>>, Vec<(String, Option<Range<usize>>)>);

/// Parse `text`: by the fast reader when it takes the text, else by toml, in chunks of about
/// `chunk_bytes` when it is larger than that.
pub fn parse(text: &str, chunk_bytes: usize) -> Parsed<'_> {
    if let Some(root) = fast::parse(text) {
        // toml spans the root table 0..0 too.
        return (tree::Spanned::new(0..0, root), Vec::new());
    }
    let (root, errors) = parse_toml(text, chunk_bytes);
    let span = root.span();
    (
        tree::Spanned::new(span, tree::from_toml(root.into_inner())),
        errors,
    )
}

/// Whether the fast reader takes `text`; when it does, toml must read the text without an
/// error and build the same tree, spans included, or this panics. For tests and fuzzing.
#[doc(hidden)]
pub fn fast_reader_agrees(text: &str) -> bool {
    let Some(fast) = fast::parse(text) else {
        return false;
    };
    let (toml, errors) = whole(text);
    assert!(
        errors.is_empty(),
        "the fast reader took text toml rejects ({errors:?}):\n{text}"
    );
    let toml = tree::from_toml(toml.into_inner());
    let (a, b) = (format!("{fast:?}"), format!("{toml:?}"));
    assert!(a == b, "trees differ for:\n{text}\nfast: {a}\ntoml: {b}");
    true
}

/// Parse `text` with toml, in chunks of about `chunk_bytes` when it is larger than that.
fn parse_toml(text: &str, chunk_bytes: usize) -> TomlParsed<'_> {
    if text.len() > chunk_bytes
        && let Some(starts) = chunk_starts(text, chunk_bytes)
        && let Some(tree) = parse_chunks(text, &starts)
    {
        return (tree, Vec::new());
    }
    whole(text)
}

fn whole(text: &str) -> TomlParsed<'_> {
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

    fn agrees(text: &str) -> Option<()> {
        fast_reader_agrees(text).then_some(())
    }

    fn shipped_toml_files() -> Vec<(std::path::PathBuf, String)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        let mut dirs = vec![root.join("examples"), root.join("tests"), root.join("src")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "toml")
                    && let Ok(text) = std::fs::read_to_string(&path)
                {
                    files.push((path, text));
                }
            }
        }
        files.sort();
        files
    }

    fn is_example(path: &std::path::Path) -> bool {
        path.starts_with(concat!(env!("CARGO_MANIFEST_DIR"), "/examples"))
    }

    #[test]
    fn fast_reader_builds_toml_tree_for_every_shipped_file() {
        let files = shipped_toml_files();
        assert!(files.len() > 50, "found only {} files", files.len());
        let mut taken = 0;
        for (path, text) in &files {
            if agrees(text).is_some() {
                taken += 1;
            } else {
                assert!(
                    !is_example(path),
                    "the fast reader declined {}",
                    path.display()
                );
            }
        }
        assert!(taken * 2 > files.len(), "took {taken} of {}", files.len());
    }

    #[test]
    fn fast_reader_agrees_with_toml_on_mutated_files() {
        // Single-byte edits of every example at pseudo-random places, with the bytes TOML's
        // grammar turns on: each edited file is either declined or read exactly as toml reads it.
        const BYTES: &[u8] = b" \t\n\r\"'[]{}=.,#-+_:0123456789eExtrufalsT\\\x00\x7f";
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let (mut taken, mut tried) = (0, 0);
        for (path, text) in shipped_toml_files() {
            if !is_example(&path) {
                continue;
            }
            for _ in 0..400 {
                let mut bytes = text.clone().into_bytes();
                let at = next() as usize % bytes.len();
                let byte = BYTES[next() as usize % BYTES.len()];
                match next() % 3 {
                    0 => bytes.insert(at, byte),
                    1 if bytes[at].is_ascii() => bytes[at] = byte,
                    _ if bytes[at].is_ascii() => {
                        bytes.remove(at);
                    }
                    _ => continue,
                }
                let Ok(text) = String::from_utf8(bytes) else {
                    continue;
                };
                tried += 1;
                taken += agrees(&text).map_or(0, |()| 1);
            }
        }
        // Many edits land in comments and strings, where the file still reads.
        assert!(taken * 4 > tried, "took {taken} of {tried}");
    }

    #[test]
    fn fast_reader_reads_the_shapes_course_files_take() {
        for text in [
            "a = 1\r\nb = -2\r\n",
            "a = 1",
            "a = 0\nb = -0\nc = 1.5\nd = -0.25\ne = 2e3\nf = 1.5E-2\ng = 3e+2\n",
            "a = true\nb = false\n",
            "a = \"x y\"\nb = 'lit\\eral'\nc = \"\"\nd = ''\ne = \"caf\u{e9}\"\n",
            "d = 2024-01-16\n",
            "a = \"x\\ty\"\nb = \"\\\"q\\\" \\\\ \\n\\r\\b\\f\"\nc = \"caf\\u00e9 \\u00C9\"\nd = '\\n'\n",
            "a = [1, 2,]\nb = [\n  # c\n  \"x\",\n  [3, 4],\n]\nc = []\n",
            "a = { x = 1, y = { z = \"q\" } }\nb = {}\nc = [{ d = 1 }, { d = 2 }]\n",
            "[course]\ntitle = \"T\"  # note\n\n[[activities]]\nid = \"a\"\n[[activities]]\nid = \"b\"\n",
            "[a.b]\nx = 1\n[a]\ny = 2\n[a.c]\nz = 3\n",
            "[[a]]\n[a.b]\nx = 1\n[[a]]\n[[a.c]]\ny = 2\n",
            "[ a . b ]\n[[ c ]]\n\t[d]\t# t\n",
            "x=1\n[s]\n",
        ] {
            assert!(agrees(text).is_some(), "declined:\n{text}");
        }
        let inline: Vec<String> = (0..100).map(|i| format!("k{i} = {i}")).collect();
        let large = format!("t = {{ {} }}\n", inline.join(", "));
        assert!(agrees(&large).is_some(), "an inline table of 100 keys");
    }

    #[test]
    fn fast_reader_declines_what_it_does_not_read() {
        for text in [
            "a.b = 1\n",
            "\"a\" = 1\n",
            "a = \"x\\ey\"\n",
            "a = \"\\x41\"\n",
            "a = \"\\U0001F600\"\n",
            "a = \"\\ud800\"\n",
            "a = \"\\u00e\"\n",
            "a = \"x\\\"\n",
            "a = \"\"\"\nx\"\"\"\n",
            "a = '''x'''\n",
            "a = 0x1f\n",
            "a = 1_000\n",
            "a = +1\n",
            "a = inf\n",
            "a = 01\n",
            "a = 1.\n",
            "a = 2024-01-16T10:00:00Z\n",
            "a = 2024-01-16 10:00:00\n",
            "a = 10:00:00\n",
            "a = { x = 1, }\n",
            "a = {\n x = 1 }\n",
            "a = 1\na = 2\n",
            "[a]\n[a]\n",
            "a = {}\n[a]\n",
            "a = []\n[[a]]\n",
            "[[a]]\n[a]\n",
            "[a]\nb = 1\n[a.b]\n",
            "a = 1\rb = 2\n",
            "a = 1 b = 2\n",
            "# \u{1}\n",
            "\u{feff}a = 1\n",
            "a = [[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]\n",
        ] {
            assert!(fast::parse(text).is_none(), "took:\n{text}");
        }
        let many: String = (0..100).map(|i| format!("k{i} = {i}\n")).collect();
        assert!(
            fast::parse(&many).is_none(),
            "a table of 100 keys is toml's"
        );
        let inline: Vec<String> = (0..100).map(|i| format!("k{i} = {i}")).collect();
        let twice = format!("t = {{ {}, k7 = 1 }}\n", inline.join(", "));
        assert!(
            fast::parse(&twice).is_none(),
            "a key written twice in a large inline table"
        );
    }

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
        let (chunked, errors) = parse_toml(&text, 64);
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
