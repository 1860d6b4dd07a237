//! JSON Schemas (draft 2020-12) of what mixplan prints with `--format json`, for programs that
//! want to validate what they receive: `mixplan schema recommend`, `schedule` and `check`.
//!
//! Written by hand next to the contract (`json.rs`, SPEC section 5) rather than derived: the
//! output is built with `json!`, so there are no types to derive from. The closed vocabularies
//! come from the course model's `NAMES`, so they cannot drift; the rest is pinned by a test
//! that validates every example's output against these schemas with every object closed
//! (`additionalProperties: false`), so a key printed but not described here fails it.
//!
//! The published schemas leave objects open: within one `schema_version`, mixplan may add keys,
//! and a consumer's validation should not break on an upgrade that only adds.

use serde_json::{Value, json};

use super::json::SCHEMA_VERSION;
use crate::course::{ActivityKind, Delivery, Mode, Pattern, Weekday};

const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";
const TIME: &str = r"^([01][0-9]|2[0-3]):[0-5][0-9]$";
const RULE_ID: &str = r"^[a-z0-9]+(-[a-z0-9]+)*$";

/// The schema of `mixplan recommend --format json`.
pub fn recommend() -> Value {
    let mut defs = definitions();
    let root = json!({
        "$schema": DRAFT,
        "title": "mixplan recommend --format json",
        "description": "The plan of a course: a mode with scores and reasons for every activity, weekly totals, the weekly schedule with live slots, and advice.",
        "type": "object",
        "required": ["schema_version", "course", "activities", "summary", "schedule", "advice"],
        "properties": {
            "schema_version": schema_version(),
            "course": { "$ref": "#/$defs/course" },
            "activities": {
                "description": "One decision per activity, in file order.",
                "type": "array",
                "items": { "$ref": "#/$defs/activity" },
            },
            "summary": { "$ref": "#/$defs/summary" },
            "schedule": { "$ref": "#/$defs/schedule" },
            "advice": {
                "description": "What to do next, each with the rule that produced it.",
                "type": "array",
                "items": { "$ref": "#/$defs/advice" },
            },
        },
    });
    with_defs(root, &mut defs)
}

/// The schema of `mixplan schedule --format json`.
pub fn schedule() -> Value {
    let mut defs = definitions();
    for unused in ["activity", "reason", "summary", "advice"] {
        defs.as_object_mut().expect("object").remove(unused);
    }
    let root = json!({
        "$schema": DRAFT,
        "title": "mixplan schedule --format json",
        "description": "The week-by-week schedule of a course and its live slots.",
        "type": "object",
        "required": ["schema_version", "course", "schedule"],
        "properties": {
            "schema_version": schema_version(),
            "course": { "$ref": "#/$defs/course" },
            "schedule": { "$ref": "#/$defs/schedule" },
        },
    });
    with_defs(root, &mut defs)
}

/// The schema of `mixplan check --format json` (SPEC section 5).
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

fn with_defs(mut root: Value, defs: &mut Value) -> Value {
    root.as_object_mut()
        .expect("object")
        .insert("$defs".into(), defs.take());
    root
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

fn names(description: &str, names: &[&str]) -> Value {
    json!({ "description": description, "type": "string", "enum": names })
}

fn nullable_string(description: &str) -> Value {
    json!({ "description": description, "type": ["string", "null"] })
}

fn count(description: &str) -> Value {
    json!({ "description": description, "type": "integer", "minimum": 0 })
}

fn time(description: &str) -> Value {
    json!({ "description": description, "type": "string", "pattern": TIME })
}

fn weeks(description: &str) -> Value {
    json!({
        "description": description,
        "type": "array",
        "items": { "type": "integer", "minimum": 1 },
    })
}

/// Definitions shared by `recommend` and `schedule`.
fn definitions() -> Value {
    json!({
        "course": {
            "description": "The course header.",
            "type": "object",
            "required": ["title", "weeks", "delivery", "start", "timezone", "students"],
            "properties": {
                "title": { "type": "string" },
                "weeks": { "type": "integer", "minimum": 1, "maximum": crate::course::MAX_WEEKS },
                "delivery": names("How the course is delivered.", Delivery::NAMES),
                "start": {
                    "description": "First day of week 1 (YYYY-MM-DD), or null when the file gives no `start`.",
                    "type": ["string", "null"],
                    "format": "date",
                },
                "timezone": { "description": "The organizer's IANA zone.", "type": "string" },
                "students": count("Head count."),
            },
        },
        "activity": {
            "description": "The decision for one activity.",
            "type": "object",
            "required": ["id", "title", "kind", "minutes", "mode", "pinned", "scores", "margin", "weeks", "reasons"],
            "properties": {
                "id": { "type": "string", "pattern": RULE_ID },
                "title": nullable_string("The title, or null when the file gives none."),
                "kind": names("What the activity is.", ActivityKind::NAMES),
                "minutes": { "description": "Minutes per occurrence.", "type": "integer", "minimum": 1 },
                "mode": names("The chosen mode.", Mode::NAMES),
                "pinned": { "description": "Whether the file pinned the mode.", "type": "boolean" },
                "scores": {
                    "description": "Points for each mode; the higher wins, a tie or a small margin goes to async.",
                    "type": "object",
                    "required": ["sync", "async"],
                    "properties": {
                        "sync": { "type": "number" },
                        "async": { "type": "number" },
                    },
                },
                "margin": { "description": "`sync` minus `async` score.", "type": "number" },
                "weeks": weeks("The weeks in which the activity occurs."),
                "reasons": {
                    "description": "Every rule that moved the scores or the mode.",
                    "type": "array",
                    "items": { "$ref": "#/$defs/reason" },
                },
            },
        },
        "reason": {
            "type": "object",
            "required": ["rule", "favors", "weight", "detail"],
            "properties": {
                "rule": { "description": "Rule id; `mixplan explain RULE` documents it.", "type": "string", "pattern": RULE_ID },
                "favors": names("The mode the rule favours.", Mode::NAMES),
                "weight": { "description": "Points added to the favoured mode.", "type": "number" },
                "detail": { "description": "Why the rule applies to this activity.", "type": "string" },
            },
        },
        "summary": {
            "description": "Weekly totals and the pattern.",
            "type": "object",
            "required": ["sync_minutes_per_week", "async_minutes_per_week", "sync_band_minutes", "band_enforced", "within_band", "pattern", "pattern_reason"],
            "properties": {
                "sync_minutes_per_week": { "description": "Average live minutes per week.", "type": "number", "minimum": 0 },
                "async_minutes_per_week": { "description": "Average self-paced minutes per week.", "type": "number", "minimum": 0 },
                "sync_band_minutes": {
                    "description": "The weekly live-time band [minimum, maximum], in minutes.",
                    "type": "array",
                    "items": { "type": "number", "minimum": 0 },
                    "minItems": 2,
                    "maxItems": 2,
                },
                "band_enforced": { "description": "Whether the band was enforced (online courses).", "type": "boolean" },
                "within_band": { "description": "Whether the weekly live time is inside the band.", "type": "boolean" },
                "pattern": names("The weekly pattern.", &Pattern::NAMES[1..]),
                "pattern_reason": { "description": "Why this pattern.", "type": "string" },
            },
        },
        "advice": {
            "type": "object",
            "required": ["rule", "message"],
            "properties": {
                "rule": { "type": "string", "pattern": RULE_ID },
                "message": { "type": "string" },
            },
        },
        "schedule": {
            "description": "Live slots, students they miss, and the weeks.",
            "type": "object",
            "required": ["live_slots", "uncovered", "weeks"],
            "properties": {
                "live_slots": { "type": "array", "items": { "$ref": "#/$defs/live_slot" } },
                "uncovered": {
                    "description": "Students no live slot reaches, by zone.",
                    "type": "array",
                    "items": { "$ref": "#/$defs/uncovered" },
                },
                "weeks": { "type": "array", "items": { "$ref": "#/$defs/week" } },
            },
        },
        "live_slot": {
            "description": "A weekly live-session slot.",
            "type": "object",
            "required": ["day", "time", "timezone", "minutes", "students_covered", "coverage", "pinned", "repeat", "local"],
            "properties": {
                "day": names("Weekday in the organizer's zone.", Weekday::NAMES),
                "time": time("Start time in the organizer's zone."),
                "timezone": { "description": "The organizer's IANA zone.", "type": "string" },
                "minutes": count("Session length the coverage was computed for."),
                "students_covered": count("Students who can attend every live week."),
                "coverage": { "description": "Share of students covered, 0 to 1.", "type": "number", "minimum": 0, "maximum": 1 },
                "pinned": { "description": "Whether the file pinned the slot with `live_at`.", "type": "boolean" },
                "repeat": { "description": "Whether this repeats the main session for students it misses.", "type": "boolean" },
                "students_every_week": count("Students who can attend in every live week."),
                "students_added": count("Students this slot reaches that earlier slots do not."),
                "weekly": {
                    "description": "Students the slot reaches, week by week.",
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["week", "students"],
                        "properties": {
                            "week": { "$ref": "#/$defs/week_ref" },
                            "students": count("Students who can attend that week."),
                        },
                    },
                },
                "excluded": {
                    "description": "Students this slot cannot reach, by zone.",
                    "type": "array",
                    "items": { "$ref": "#/$defs/uncovered" },
                },
                "local": {
                    "description": "The slot as each student zone sees it.",
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["zone", "count", "day", "time", "covered"],
                        "properties": {
                            "zone": { "type": "string" },
                            "count": count("Students in the zone."),
                            "day": names("Local weekday (first live week).", Weekday::NAMES),
                            "time": time("Local start time (first live week)."),
                            "covered": { "description": "Whether the session falls in these students' window every live week.", "type": "boolean" },
                            "missed": {
                                "description": "Live weeks the session falls outside these students' window.",
                                "type": "array",
                                "items": { "$ref": "#/$defs/week_ref" },
                            },
                            "shifts": {
                                "description": "Weeks from which the local day or time changes (clock changes).",
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "required": ["from", "day", "time"],
                                    "properties": {
                                        "from": { "$ref": "#/$defs/week_ref" },
                                        "day": names("Local weekday from that week.", Weekday::NAMES),
                                        "time": time("Local start time from that week."),
                                    },
                                },
                            },
                        },
                    },
                },
            },
        },
        "uncovered": {
            "type": "object",
            "required": ["zone", "count", "weeks"],
            "properties": {
                "zone": { "type": "string" },
                "count": count("Students in the zone."),
                "weeks": weeks("Live weeks they cannot attend."),
                "samples": {
                    "description": "Without a course `start`: the representative weeks (`january`, `july`) they cannot attend.",
                    "type": "array",
                    "items": { "enum": ["january", "july"] },
                },
            },
        },
        "week_ref": {
            "description": "A course week number, or a representative week (`january`, `july`) when the course has no `start`.",
            "oneOf": [
                { "type": "integer", "minimum": 1 },
                { "enum": ["january", "july"] },
            ],
        },
        "week": {
            "type": "object",
            "required": ["week", "start", "items", "live_session"],
            "properties": {
                "week": { "type": "integer", "minimum": 1 },
                "start": {
                    "description": "First day of the week, or null without a course `start`.",
                    "type": ["string", "null"],
                    "format": "date",
                },
                "items": { "type": "array", "items": { "$ref": "#/$defs/item" } },
                "live_session": {
                    "description": "The week's live session, or null when it has none.",
                    "oneOf": [
                        { "type": "null" },
                        {
                            "type": "object",
                            "required": ["minutes", "segments"],
                            "properties": {
                                "minutes": count("Total minutes, breaks included."),
                                "segments": { "$ref": "#/$defs/segments" },
                            },
                        },
                    ],
                },
                "alternatives": {
                    "description": "Students no live slot reaches this week: they watch the recording and post a response.",
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["zone", "count", "route", "due"],
                        "properties": {
                            "zone": { "type": "string" },
                            "count": count("Students in the zone."),
                            "route": { "enum": ["recording-and-response"] },
                            "due": {
                                "description": "When the response is due (RFC 9557), or null without a course `start`.",
                                "type": ["string", "null"],
                            },
                        },
                    },
                },
            },
        },
        "item": {
            "description": "One activity in one week. Self-paced items have `due`, `due_day`, `due_time` and `before_live`; live items have `recorded` and `segments`.",
            "type": "object",
            "required": ["activity", "kind", "mode", "minutes"],
            "properties": {
                "activity": { "description": "The activity id.", "type": "string" },
                "kind": names("What the activity is.", ActivityKind::NAMES),
                "mode": names("The activity's mode.", Mode::NAMES),
                "minutes": count("Minutes per occurrence."),
                "due": {
                    "description": "When it is due: an RFC 9557 timestamp such as `2027-02-28T23:59:00-05:00[America/New_York]` with a course `start`, else `DAY HH:MM ZONE`.",
                    "type": "string",
                },
                "due_day": names("Weekday it is due, organizer's zone.", Weekday::NAMES),
                "due_time": time("Time it is due, organizer's zone."),
                "due_local": {
                    "description": "The same due instant in each student zone.",
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["zone", "at"],
                        "properties": {
                            "zone": { "type": "string" },
                            "at": { "type": ["string", "null"] },
                        },
                    },
                },
                "before_live": { "description": "Whether it is due before the week's live session (flipped pattern).", "type": "boolean" },
                "recorded": { "description": "Whether the live occurrence is recorded.", "type": "boolean" },
                "segments": { "$ref": "#/$defs/segments" },
            },
        },
        "segments": {
            "description": "Focused segments and breaks, in order.",
            "type": "array",
            "items": {
                "type": "object",
                "required": ["kind", "minutes"],
                "properties": {
                    "kind": { "enum": ["focus", "break"] },
                    "minutes": { "type": "integer", "minimum": 1 },
                    "activity": { "description": "The activity a focus segment works on.", "type": "string" },
                },
            },
        },
    })
}
