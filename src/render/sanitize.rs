//! The one sanitizer for user text in human-facing output.
//!
//! Titles, ids, keys, values, zone names, file names and quoted source lines come from files
//! that a hostile contributor may have written. Printed raw, a newline in a TOML key starts a
//! fresh line in a CI log (a forged `::error` annotation), an ESC or OSC sequence repaints or
//! retitles the terminal, and a bidi override makes the text read differently from its bytes.
//! Every human format (human, concise, github, table, markdown, html) passes such text through
//! [`sanitize`] first; markdown and HTML escaping, where a format needs them, come after it.
//! JSON and SARIF keep the exact text: their encoders escape it and machines read it.
//!
//! Nothing is dropped: a reader must be able to see that something odd was there, and two
//! different names must not print the same.

use std::borrow::Cow;

pub use crate::course::text::needs_escape;

/// `s` with every character that could act on a terminal or a log shown as an escape.
///
/// - newline, carriage return and tab become `\n`, `\r`, `\t`;
/// - other control characters (C0, DEL, C1) become `\u{1b}` style escapes;
/// - bidi overrides, embeddings, isolates and marks, and the line and paragraph separators,
///   become `\u{202e}` style escapes.
///
/// Text without such characters comes back borrowed, so the common case costs one scan.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    let Some(first) = s.find(needs_escape) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len() + 8);
    out.push_str(&s[..first]);
    for c in s[first..].chars() {
        push_escaped(&mut out, c);
    }
    Cow::Owned(out)
}

fn push_escaped(out: &mut String, c: char) {
    use std::fmt::Write as _;
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if needs_escape(c) => {
            // Writing to a String cannot fail.
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
        c => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        let s = "Week 3: Ångström's café — 東京";
        assert!(matches!(sanitize(s), Cow::Borrowed(t) if t == s));
    }

    #[test]
    fn newline_in_a_key_cannot_forge_an_annotation() {
        let s = sanitize("x\n::error file=README.md,line=1::forged");
        assert_eq!(s, "x\\n::error file=README.md,line=1::forged");
        assert!(!s.contains('\n'));
    }

    #[test]
    fn terminal_escapes_are_shown_not_sent() {
        assert_eq!(sanitize("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(
            sanitize("\u{1b}]8;;http://x\u{7}link"),
            "\\u{1b}]8;;http://x\\u{7}link"
        );
        assert_eq!(sanitize("del\u{7f}c1\u{9b}"), "del\\u{7f}c1\\u{9b}");
        assert_eq!(sanitize("cr\rtab\t"), "cr\\rtab\\t");
    }

    #[test]
    fn bidi_overrides_and_separators_are_shown() {
        assert_eq!(sanitize("abc\u{202e}fed"), "abc\\u{202e}fed");
        assert_eq!(sanitize("\u{2066}x\u{2069}"), "\\u{2066}x\\u{2069}");
        assert_eq!(sanitize("a\u{2028}b"), "a\\u{2028}b");
    }

    #[test]
    fn nothing_is_dropped() {
        // Every escaped character leaves a visible, distinct trace.
        let a = sanitize("a\u{1}b");
        let b = sanitize("a\u{2}b");
        assert_ne!(a, b);
        assert_eq!(sanitize("\0"), "\\u{0}");
    }
}
