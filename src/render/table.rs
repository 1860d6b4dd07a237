//! `--format table`: comfy-table output for a terminal.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Attribute, Cell, Color, ContentArrangement, Table};

use super::{
    ACTIVITY_HEADER, Style, activity_rows, advice_lines, headline, summary_lines, week_rows,
};
use crate::Recommendation;

fn new_table(style: Style, header: &[&str]) -> Table {
    let mut table = bare_table(style);
    table.set_header(
        header
            .iter()
            .map(|h| Cell::new(h).add_attribute(Attribute::Bold)),
    );
    table
}

fn bare_table(style: Style) -> Table {
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    if let Some(width) = style.width {
        table.set_width(width);
    }
    if style.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table
}

fn heading(text: &str, style: Style) -> String {
    if style.color {
        format!("\x1b[1m{text}\x1b[0m\n")
    } else {
        format!("{text}\n")
    }
}

/// The full `recommend` report.
pub fn recommendation(rec: &Recommendation, style: Style) -> String {
    let mut out = heading(&headline(rec), style);
    out.push('\n');
    out.push_str(&heading("Activities", style));
    let mut activities = new_table(style, &ACTIVITY_HEADER);
    for row in activity_rows(rec) {
        let mode_color = if row[3].starts_with("sync") {
            Color::Green
        } else {
            Color::Cyan
        };
        let cells: Vec<Cell> = row
            .into_iter()
            .enumerate()
            .map(|(i, text)| {
                let cell = Cell::new(text);
                if i == 3 { cell.fg(mode_color) } else { cell }
            })
            .collect();
        activities.add_row(cells);
    }
    out.push_str(&activities.to_string());
    out.push_str("\n\n");
    out.push_str(&heading("Summary", style));
    let mut summary = bare_table(style);
    for (label, value) in summary_lines(rec) {
        summary.add_row(vec![Cell::new(label), Cell::new(value)]);
    }
    out.push_str(&summary.to_string());
    out.push_str("\n\n");
    out.push_str(&schedule(rec, style));
    let advice = advice_lines(rec);
    if !advice.is_empty() {
        out.push('\n');
        out.push_str(&heading("Advice", style));
        for (rule, message) in advice {
            out.push_str(&format!("  - [{rule}] {message}\n"));
        }
    }
    out
}

/// The weekly schedule table.
pub fn schedule(rec: &Recommendation, style: Style) -> String {
    let mut out = heading("Schedule", style);
    let mut table = new_table(style, &["week", "live", "self-paced"]);
    for row in week_rows(rec) {
        table.add_row(row.to_vec());
    }
    out.push_str(&table.to_string());
    out.push('\n');
    out
}
