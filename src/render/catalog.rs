//! `mixplan rules` and `mixplan explain`: the catalog as a table, JSON, or one rule's page.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ContentArrangement, Table};
use serde_json::{Value, json};

use super::{Style, points};
use crate::catalog::Entry;

fn weight_or_severity(entry: &Entry) -> String {
    match (entry.weight, entry.favors, entry.severity) {
        (Some(w), Some(f), _) => format!("+{} {f}", points(w)),
        (_, _, Some(s)) => s.to_string(),
        _ => "-".into(),
    }
}

/// The catalog as a table.
pub fn table(entries: &[Entry], style: Style) -> String {
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(vec!["rule", "category", "weight / severity", "summary"]);
    if let Some(width) = style.width {
        table.set_width(width);
    }
    if !style.color {
        table.force_no_tty();
    }
    for e in entries {
        table.add_row(vec![
            e.id.to_string(),
            e.category.as_str().to_string(),
            weight_or_severity(e),
            e.summary.to_string(),
        ]);
    }
    format!("{table}\n")
}

/// One entry as JSON.
pub fn entry_json(e: &Entry) -> Value {
    json!({
        "id": e.id,
        "category": e.category.as_str(),
        "summary": e.summary,
        "evidence": e.evidence,
        "favors": e.favors.map(|m| m.as_str()),
        "weight": e.weight,
        "severity": e.severity.map(|s| s.as_str()),
        "doc": e.doc,
        "example": e.example,
    })
}

/// The catalog as JSON.
pub fn json(entries: &[Entry]) -> String {
    super::pretty(&json!({
        "schema_version": super::json::SCHEMA_VERSION,
        "rules": entries.iter().map(entry_json).collect::<Vec<_>>(),
    }))
}

/// One rule's documentation page.
pub fn explain(e: &Entry) -> String {
    let mut out = format!(
        "{}  ({} rule)\n\n{}\n\n",
        e.id,
        e.category.as_str(),
        e.summary
    );
    match (e.weight, e.favors, e.severity) {
        (Some(w), Some(f), _) => out.push_str(&format!("Weight: +{} for {f}\n", points(w))),
        (_, _, Some(s)) => out.push_str(&format!("Default severity: {s}\n")),
        _ => {}
    }
    out.push_str(&format!("Evidence: {}\n\n", e.evidence));
    out.push_str(&format!(
        "Why: {}\n",
        e.doc.split_whitespace().collect::<Vec<_>>().join(" ")
    ));
    if !e.example.is_empty() {
        out.push_str("\nExample:\n");
        for line in e.example.lines() {
            out.push_str(&format!("    {line}\n"));
        }
    }
    out
}
