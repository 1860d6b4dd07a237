//! `--format markdown`: pipe tables for an LMS page or a README.

use super::{ACTIVITY_HEADER, activity_rows, advice_lines, headline, summary_lines, week_rows};
use crate::Recommendation;

/// Escape a cell: pipes would end the cell, newlines the row.
pub(super) fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', "<br>")
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
    let mut out = format!("# {}\n\n", cell(&headline(rec)));
    out.push_str("## Activities\n\n");
    out.push_str(&table(ACTIVITY_HEADER, activity_rows(rec)));
    out.push_str("\n## Summary\n\n");
    out.push_str(&table(
        ["", ""],
        summary_lines(rec).into_iter().map(|(a, b)| [a, b]),
    ));
    out.push('\n');
    out.push_str(&schedule(rec));
    let advice = advice_lines(rec);
    if !advice.is_empty() {
        out.push_str("\n## Advice\n\n");
        for (rule, message) in advice {
            out.push_str(&format!("- **{rule}**: {}\n", cell(&message)));
        }
    }
    out
}

/// The weekly schedule.
pub fn schedule(rec: &Recommendation) -> String {
    let mut out = String::from("## Schedule\n\n");
    out.push_str(&table(["week", "live", "self-paced"], week_rows(rec)));
    out
}
