//! `mixplan rules` and `mixplan explain`: the registry as a table, JSON, or one rule's page.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ContentArrangement, Table};
use serde_json::{Value, json};

use super::{Style, points};
use crate::course::ActivityKind;
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
        "subject": matches!(doc.kind, RuleKind::Check(_)).then(|| id.subject().as_str()),
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

/// How mixplan treats an activity kind beyond its scoring, for the kinds with rules of their own.
fn kind_rules(kind: ActivityKind) -> &'static [&'static str] {
    match kind {
        ActivityKind::Exam => &[
            "needs `weeks`, `every = \"once\"` or a dated `at`; `mode` is an error (fix its time with `at`)",
            "with `at` it sits alone, is never cut into segments and is not recorded (no advice to record it)",
            "without `at` it is a self-paced timed exam, due at its own `due`, else the course's",
            "never moved by band balancing and outside the weekly live-hours band",
            "on a holiday or before `start` it is an input error",
        ],
        ActivityKind::Forum => &[
            "always self-paced: `mode = \"sync\"` or `at` is an input error (use `discussion` for a live one)",
            "a written, asynchronous discussion counts as the self-paced alternative to a live session",
        ],
        ActivityKind::OfficeHours => &[
            "live by nature and optional by default (`optional = false` makes them required)",
            "never self-paced work with a due time: `mode = \"async\"` or `due` is an input error (use `forum` or `q-and-a`)",
            "optional live time sits outside the band, reported apart as `optional_sync_minutes_per_week`",
        ],
        _ => &[],
    }
}

/// The kind's one-line description, as the course schema gives it to editors.
fn kind_summary(kind: ActivityKind) -> String {
    let schema = crate::course::schema::course_schema();
    let index = ActivityKind::ALL
        .iter()
        .position(|k| *k == kind)
        .unwrap_or(0);
    schema["$defs"]["ActivityKind"]["enumDescriptions"][index]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// `mixplan explain KIND` for an activity kind.
pub fn explain_kind(kind: ActivityKind) -> String {
    let mut out = format!("{kind}  (activity kind)\n\n{}\n", kind_summary(kind));
    let rules = kind_rules(kind);
    if !rules.is_empty() {
        out.push('\n');
        for line in rules {
            out.push_str(&format!("- {line}\n"));
        }
    }
    out.push_str("\n`mixplan rules` lists the scoring rules that weigh each kind.\n");
    out
}

/// `mixplan explain KIND --format json`.
pub fn kind_json(kind: ActivityKind) -> Value {
    json!({
        "kind": kind.as_str(),
        "summary": kind_summary(kind),
        "rules": kind_rules(kind),
    })
}

/// Every rule as a Markdown reference with one heading (and so one anchor) per rule id: the
/// text of `docs/rules.md`, which SARIF's `helpUri` links into.
pub fn markdown(ids: &[RuleId]) -> String {
    let mut out = String::from(
        "# mixplan rules\n\nEvery rule id mixplan prints: scoring rules, decision rules, input errors and design checks. Generated by `mixplan rules --format markdown`; `mixplan explain RULE` shows the same text in a terminal. The course file itself is described in [course-format.md](course-format.md).\n",
    );
    for &id in ids {
        out.push('\n');
        out.push_str(&markdown_entry(id));
    }
    out
}

/// One rule's Markdown section, headed by its id.
pub fn markdown_entry(id: RuleId) -> String {
    // Rule documentation is mixplan's own text: its `code` spans stay code.
    use super::markdown::escape_prose as escape;
    let mut out = String::new();
    {
        let doc = id.doc();
        out.push_str(&format!("## {id}\n\n{}.\n\n", escape(doc.summary)));
        out.push_str(&format!(
            "- **Category:** {}\n- **{}:** {}\n- **Evidence:** {}\n\n",
            doc.kind.category(),
            match doc.kind {
                RuleKind::Scoring { .. } => "Weight",
                _ => "Default severity",
            },
            weight_or_severity(doc.kind),
            escape(doc.evidence)
        ));
        if let RuleKind::Check(_) = doc.kind {
            out.push_str(&format!("{}\n\n", escape(&subject_line(id))));
        }
        out.push_str(&escape(
            &doc.doc.split_whitespace().collect::<Vec<_>>().join(" "),
        ));
        out.push('\n');
        if !doc.example.is_empty() {
            out.push_str(&format!("\n```toml\n{}\n```\n", doc.example.trim_end()));
        }
    }
    out
}

/// What a check is about, and what `[check] allow` may name for it.
fn subject_line(id: RuleId) -> String {
    let subject = id.subject();
    if subject.per_activity() {
        format!(
            "Subject: {} (`[check] allow` may name one activity, or one section as \"ID.n\", with `activity`)",
            subject.as_str()
        )
    } else {
        format!(
            "Subject: {} (`[check] allow` takes no `activity` for it)",
            subject.as_str()
        )
    }
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
            if let RuleKind::Check(_) = other {
                out.push_str(&format!("{}\n", subject_line(id)));
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
    out.push_str(&format!(
        "\nSee also: `mixplan rules` for every rule; the course file is described in {} (in the source repository) and in mixplan-course(5) (`mixplan man --dir DIR`).\n",
        super::manpage::COURSE_FORMAT_DOC
    ));
    out
}
