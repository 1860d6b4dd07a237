//! `--format markdown`: pipe tables for an LMS page or a README.

use super::{ACTIVITY_HEADER, activity_rows, advice_lines, headline, summary_lines, week_rows};
use crate::Recommendation;

/// Escape inline text so it reads literally in CommonMark and GFM: every punctuation mark that
/// can start emphasis, code, a link, an autolink or raw HTML, an entity, a strikethrough, a
/// table cell or a closing heading sequence gets a backslash (CommonMark allows one before any
/// ASCII punctuation). Parentheses, periods and colons start nothing mid-line and stay bare.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~' | '#' | '!' | '$'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A table cell: each line escaped, lines joined by `<br>` (a raw newline would end the row).
/// Renderers sanitize user text before it gets here, so every newline is one of ours.
pub(super) fn cell(text: &str) -> String {
    // Sanitized again line by line: a control character from text a row builder missed
    // must not reach the page either.
    text.split('\n')
        .map(|line| escape(&super::sanitize::sanitize(line)))
        .collect::<Vec<_>>()
        .join("<br>")
}

pub(super) fn table<const N: usize>(
    header: [&str; N],
    rows: impl IntoIterator<Item = [String; N]>,
) -> String {
    let mut out = format!("| {} |\n", header.join(" | "));
    out.push_str(&format!("|{}\n", " --- |".repeat(N)));
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}

/// The full `recommend` report.
pub fn recommendation(rec: &Recommendation) -> String {
    let mut out = format!("# {}\n\n", escape(&headline(rec)));
    out.push_str("## Activities\n\n");
    out.push_str(&table(ACTIVITY_HEADER, activity_rows(rec)));
    // A list, not a two-column table: a table would need a header row with nothing to say.
    out.push_str("\n## Summary\n\n");
    for (label, value) in summary_lines(rec) {
        out.push_str(&format!("- **{}**: {}\n", escape(&label), escape(&value)));
    }
    out.push('\n');
    out.push_str(&schedule_table(rec));
    let advice = advice_lines(rec);
    if !advice.is_empty() {
        out.push_str("\n## Advice\n\n");
        for (rule, message) in advice {
            out.push_str(&format!("- **{rule}**: {}\n", escape(&message)));
        }
    }
    out
}

/// `schedule --format markdown`: the course's title line, then the weekly schedule.
pub fn schedule(rec: &Recommendation) -> String {
    format!("# {}\n\n{}", escape(&headline(rec)), schedule_table(rec))
}

/// The weekly schedule section.
fn schedule_table(rec: &Recommendation) -> String {
    let mut out = String::from("## Schedule\n\n");
    out.push_str(&table(["week", "live", "self-paced"], week_rows(rec)));
    out
}
