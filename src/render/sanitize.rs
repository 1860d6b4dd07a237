//! The one escaping sanitizer for user text (titles, ids, keys, values, file names) before any
//! human-facing format: control characters, line breaks and bidirectional overrides are shown
//! escaped (`\n`, `\u{202e}`), never written raw (they would forge lines or reorder what a
//! reader sees) and never silently dropped (the reader would not know the text differs from
//! the file). Markdown and HTML escaping come after this, in their renderers.

use std::borrow::Cow;

/// Whether `c` must be shown escaped.
fn is_hazard(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            // Bidi embeddings, overrides and isolates (Trojan Source, CVE-2021-42574), the
            // Arabic letter mark, and the line and paragraph separators.
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{061c}' | '\u{2028}' | '\u{2029}'
        )
}

/// `text` with every control character, line break and bidi control escaped; borrowed when
/// there is nothing to escape.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hazard) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_hazard(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(
            sanitize("Data Analysis — 日本語"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn controls_breaks_and_bidi_are_shown_escaped() {
        assert_eq!(sanitize("a\nb\tc\r"), "a\\nb\\tc\\r");
        assert_eq!(sanitize("x\u{1b}[31my"), "x\\u{1b}[31my");
        assert_eq!(sanitize("admin\u{202e}gpj.exe"), "admin\\u{202e}gpj.exe");
        assert_eq!(sanitize("\u{2066}i\u{2069}"), "\\u{2066}i\\u{2069}");
    }
}
