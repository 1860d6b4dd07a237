//! `mixplan rules` and `mixplan explain`: the registry as a table, JSON, or one rule's page.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ContentArrangement, Table};
use serde_json::{Value, json};

use super::{Style, points};
use crate::rules::{RuleId, RuleKind};

fn weight_or_severity(kind: RuleKind) -> String {
    match kind {
        RuleKind::Scoring { favors, weight } => format!("+{} {favors}", points(weight)),
        other => other
            .severity()
            .map_or_else(|| "-".into(), |s| s.to_string()),
    }
}

/// Every rule as a table.
pub fn table(ids: &[RuleId], style: Style) -> String {
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
    for &id in ids {
        let doc = id.doc();
        table.add_row(vec![
            id.to_string(),
            doc.kind.category().to_string(),
            weight_or_severity(doc.kind),
            doc.summary.to_string(),
        ]);
    }
    format!("{table}\n")
}

/// One rule as JSON.
pub fn entry_json(id: RuleId) -> Value {
    let doc = id.doc();
    let (favors, weight) = match doc.kind {
        RuleKind::Scoring { favors, weight } => (Some(favors.as_str()), Some(weight)),
        _ => (None, None),
    };
    json!({
        "id": id,
        "category": doc.kind.category(),
        "summary": doc.summary,
        "evidence": doc.evidence,
        "favors": favors,
        "weight": weight,
        "severity": doc.kind.severity().map(|s| s.as_str()),
        "doc": doc.doc,
        "example": doc.example,
    })
}

/// Every rule as JSON.
pub fn json(ids: &[RuleId]) -> String {
    super::pretty(&json!({
        "schema_version": super::json::SCHEMA_VERSION,
        "rules": ids.iter().map(|&id| entry_json(id)).collect::<Vec<_>>(),
    }))
}

/// One rule's documentation page.
pub fn explain(id: RuleId) -> String {
    let doc = id.doc();
    let mut out = format!(
        "{id}  ({} rule)\n\n{}\n\n",
        doc.kind.category(),
        doc.summary
    );
    match doc.kind {
        RuleKind::Scoring { favors, weight } => {
            out.push_str(&format!("Weight: +{} for {favors}\n", points(weight)));
        }
        other => {
            if let Some(s) = other.severity() {
                out.push_str(&format!("Default severity: {s}\n"));
            }
        }
    }
    out.push_str(&format!("Evidence: {}\n\n", doc.evidence));
    out.push_str(&format!(
        "Why: {}\n",
        doc.doc.split_whitespace().collect::<Vec<_>>().join(" ")
    ));
    if !doc.example.is_empty() {
        out.push_str("\nExample:\n");
        for line in doc.example.lines() {
            out.push_str(&format!("    {line}\n"));
        }
    }
    out
}
