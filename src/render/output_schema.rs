//! JSON Schemas (draft 2020-12) of what mixplan prints with `--format json`, for programs that
//! want to validate what they receive: `mixplan schema recommend`, `schedule` and `check`.
//!
//! `recommend` and `schedule` are derived with schemars from the very structs that print the
//! output ([`super::json`]). A test validates every example's output against them with every
//! object closed (`additionalProperties: false`), so a key printed but not described fails it.
//!
//! The published schemas leave objects open: within one `schema_version`, mixplan may add keys,
//! and a consumer's validation should not break on an upgrade that only adds.

use serde_json::{Value, json};

use super::json::SCHEMA_VERSION;

const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";
const RULE_ID: &str = r"^[a-z0-9]+(-[a-z0-9]+)*$";

/// The schema of `mixplan recommend --format json`, derived from its output types.
pub fn recommend() -> Value {
    super::json::recommend_schema()
}

/// The schema of `mixplan schedule --format json`, derived from its output types.
pub fn schedule() -> Value {
    super::json::schedule_schema()
}

/// The schema of `mixplan check --format json`.
pub fn check() -> Value {
    json!({
        "$schema": DRAFT,
        "title": "mixplan check --format json",
        "description": "Every finding about every course file checked.",
        "type": "object",
        "required": ["schema_version", "files_checked", "diagnostics"],
        "properties": {
            "schema_version": schema_version(),
            "files_checked": {
                "description": "How many course files were read.",
                "type": "integer",
                "minimum": 0,
            },
            "diagnostics": {
                "description": "Every finding, grouped by file, in file order.",
                "type": "array",
                "items": { "$ref": "#/$defs/diagnostic" },
            },
        },
        "$defs": {
            "diagnostic": {
                "description": "One finding about a course file.",
                "type": "object",
                "required": ["file", "line", "column", "end_line", "end_column", "rule", "severity", "message"],
                "properties": {
                    "file": { "description": "The path as given (`<stdin>` for standard input).", "type": "string" },
                    "line": position("First line, 1-based."),
                    "column": position("First column, 1-based, in characters."),
                    "end_line": position("Last line, 1-based."),
                    "end_column": position("Column just past the end, 1-based, in characters."),
                    "rule": {
                        "description": "Stable kebab-case rule id; `mixplan explain RULE` documents it.",
                        "type": "string",
                        "pattern": RULE_ID,
                    },
                    "severity": {
                        "description": "`error` fails a run; `warning` fails it under `--deny warnings`; `info` never does.",
                        "enum": ["error", "warning", "info"],
                    },
                    "message": { "description": "What is wrong, in one sentence.", "type": "string" },
                    "help": { "description": "What to write instead, when there is something to suggest.", "type": "string" },
                },
            },
        },
    })
}

fn schema_version() -> Value {
    json!({
        "description": "Version of this JSON contract; bumped only on incompatible changes.",
        "const": SCHEMA_VERSION,
    })
}

fn position(description: &str) -> Value {
    json!({ "description": description, "type": "integer", "minimum": 1 })
}
