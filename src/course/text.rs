//! Characters of a course's text that no human-facing output may write as themselves.
//!
//! The input layer names them, so both the output budget (which counts what each escape
//! costs) and the sanitizer in `render/` (which writes the escapes) read one definition.

/// Whether `c` must not reach a terminal or a log line as itself: control characters, the
/// bidi formatting characters and the line and paragraph separators.
pub fn needs_escape(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// The Unicode bidi formatting characters (UAX #9): marks, embeddings, overrides and isolates.
/// They reorder the text around them on screen, so a line can read unlike its bytes
/// (the "Trojan Source" attack, CVE-2021-42574).
fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}
