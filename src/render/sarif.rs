//! `mixplan check --format sarif`: SARIF 2.1.0, as GitHub code scanning reads it.
//!
//! Small hand-written serde structs rather than a SARIF crate (the generated ones pull in a
//! lot). A test validates the output against the official OASIS schema. Every rule is listed on
//! every run (code scanning closes an alert only when its rule is still known to the tool and
//! produced nothing), each with a `helpUri` into the rules reference; each result points at
//! its rule by id and index, and carries a fingerprint that survives lines moving: a hash of
//! the rule, the path, the message and the occurrence number among identical findings, never a
//! line number. The invocation says whether every input could be read.

use std::collections::BTreeMap;

use serde::Serialize;

use super::diagnostics::{Omitted, located};
use super::fnv1a;
use crate::check::CheckRun;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::Severity;
use crate::diagnostic::{FileReport, Location as DiagnosticLocation};
use crate::rules::RuleId;

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
/// Where users read about mixplan's rules.
pub const INFORMATION_URI: &str = "https://crates.io/crates/mixplan";

/// The rules reference (`docs/rules.md`, one heading per rule id) as published with this
/// version's source on docs.rs.
pub fn help_uri(id: RuleId) -> String {
    format!(
        "https://docs.rs/crate/mixplan/{}/source/docs/rules.md#{id}",
        env!("CARGO_PKG_VERSION")
    )
}

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    invocations: Vec<Invocation>,
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: Text<String>,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    information_uri: &'static str,
    rules: Vec<Rule<'a>>,
}

#[derive(Serialize)]
struct Text<T> {
    text: T,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule<'a> {
    id: &'a str,
    name: String,
    short_description: Text<&'a str>,
    full_description: Text<String>,
    help_uri: String,
    help: Help,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    category: &'static str,
    tags: Vec<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: String,
    rule_index: usize,
    level: &'static str,
    message: Text<String>,
    locations: Vec<Location>,
    partial_fingerprints: BTreeMap<&'static str, String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

/// SARIF `level` of a severity.
pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative URI reference for a reported path: the path's own bytes, with `/` separators
/// kept and everything outside RFC 3986's unreserved and sub-delimiter characters
/// percent-encoded.
///
/// Reported paths escape what is not plain text (`check`'s display: a backslash as `\\`, a
/// byte that is not UTF-8 as `\xNN`); the URI names the file itself, so those escapes are
/// undone first. A file literally named `courses\intro.toml` is `courses%5Cintro.toml`, never
/// `courses//intro.toml` (another file), and `\xff.toml` is `%FF.toml`, the file that exists.
pub fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in unescape_display(path) {
        if b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The bytes of a path as `check` displays it: `\\` is a backslash, `\xNN` a raw byte;
/// anything else stands for itself.
fn unescape_display(path: &str) -> Vec<u8> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let rest = &bytes[i..];
        let hex = |b: u8| (b as char).to_digit(16);
        match rest {
            [b'\\', b'\\', ..] => {
                out.push(b'\\');
                i += 2;
            }
            [b'\\', b'x', hi, lo, ..] if hex(*hi).is_some() && hex(*lo).is_some() => {
                out.push((hex(*hi).unwrap_or(0) * 16 + hex(*lo).unwrap_or(0)) as u8);
                i += 4;
            }
            [b, ..] => {
                out.push(*b);
                i += 1;
            }
            [] => break,
        }
    }
    out
}

/// Render a check run as SARIF 2.1.0.
pub fn sarif(run: &CheckRun, _color: bool) -> String {
    let mut findings = located(run);
    // The findings left out beyond the cap become one result, as in the JSON report.
    let left = super::diagnostics::omitted(run);
    let left_file;
    let left_diagnostic;
    if let Some(left) = &left {
        left_file = FileReport {
            path: left.file.to_string(),
            text: String::new(),
            diagnostics: Vec::new(),
            omitted: 0,
        };
        left_diagnostic = Diagnostic {
            rule: Omitted::RULE,
            severity: left.severity,
            span: None,
            message: left.message(),
            help: Some(left.help().to_string()),
        };
        findings.push((
            &left_file,
            &left_diagnostic,
            DiagnosticLocation {
                line: 1,
                column: 1,
                end_line: 1,
                end_column: 1,
            },
        ));
    }
    let mut used: Vec<RuleId> = RuleId::ALL.to_vec();
    used.sort_unstable_by_key(|id| id.as_str());
    let rules: Vec<Rule<'_>> = used.iter().map(|&rule| rule_entry(rule)).collect();
    let mut seen: BTreeMap<u64, usize> = BTreeMap::new();
    let results = findings
        .iter()
        .map(|(file, d, loc)| result(file, d, loc, &used, &mut seen))
        .collect();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "mixplan",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri: INFORMATION_URI,
                    rules,
                },
            },
            invocations: vec![invocation(run)],
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    let mut text = serde_json::to_string_pretty(&log).expect("SARIF structs always serialize");
    text.push('\n');
    text
}

/// The rule table's entry for one id, from the registry.
fn rule_entry(rule: RuleId) -> Rule<'static> {
    let entry = rule.doc();
    let id = rule.as_str();
    let summary = entry.summary;
    let doc = entry.doc.split_whitespace().collect::<Vec<_>>().join(" ");
    let evidence = entry.evidence;
    let severity = entry.kind.severity().unwrap_or(Severity::Warning);
    let category = entry.kind.category();
    Rule {
        id,
        name: camel_case(id),
        short_description: Text { text: summary },
        full_description: Text {
            text: format!("{summary}. {doc}"),
        },
        help_uri: help_uri(rule),
        help: Help {
            text: format!(
                "{doc}\n\nEvidence: {evidence}\n\nRun `mixplan explain {id}` for details."
            ),
            markdown: format!(
                "{doc}\n\n**Evidence:** {evidence}\n\nRun `mixplan explain {id}` for details."
            ),
        },
        default_configuration: Configuration {
            level: level(severity),
        },
        properties: RuleProperties {
            category,
            tags: vec!["course-design", category],
        },
    }
}

/// One finding as a SARIF result, with a fingerprint that counts repeats of the same message.
fn result(
    file: &FileReport,
    d: &Diagnostic,
    loc: &DiagnosticLocation,
    used: &[RuleId],
    seen: &mut BTreeMap<u64, usize>,
) -> SarifResult {
    let key = format!("{}\0{}\0{}", d.rule, file.path, d.message);
    let base = fnv1a(key.as_bytes());
    let occurrence = seen.entry(base).or_insert(0);
    *occurrence += 1;
    let fingerprint = format!("{base:016x}:{occurrence}");
    let relative = !std::path::Path::new(&file.path).is_absolute();
    let message = match &d.help {
        Some(help) => format!("{}\nhelp: {help}", d.message),
        None => d.message.clone(),
    };
    SarifResult {
        rule_id: d.rule.to_string(),
        rule_index: used
            .binary_search_by_key(&d.rule.as_str(), |id| id.as_str())
            .unwrap_or(0),
        level: level(d.severity),
        message: Text { text: message },
        locations: vec![Location {
            physical_location: PhysicalLocation {
                artifact_location: ArtifactLocation {
                    uri: if relative {
                        uri(&file.path)
                    } else {
                        format!("file://{}", uri(&file.path))
                    },
                    uri_base_id: relative.then_some("%SRCROOT%"),
                },
                region: Region {
                    start_line: loc.line,
                    start_column: loc.column,
                    end_line: loc.end_line,
                    end_column: loc.end_column,
                },
            },
        }],
        partial_fingerprints: BTreeMap::from([("mixplanFinding/v1", fingerprint)]),
    }
}

/// The run's invocation: whether it succeeded, its failures, and what the walk left out.
fn invocation(run: &CheckRun) -> Invocation {
    Invocation {
        execution_successful: run.failures.is_empty(),
        tool_execution_notifications: run
            .failures
            .iter()
            .map(|f| Notification {
                level: "error",
                message: Text {
                    text: f.message.clone(),
                },
            })
            // What was left out while walking, so a SARIF consumer sees it too.
            .chain(run.notes.iter().map(|n| Notification {
                level: "note",
                message: Text {
                    text: super::notes::note_text(n),
                },
            }))
            .collect(),
    }
}

fn camel_case(id: &str) -> String {
    id.split('-')
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or(String::new(), |c| {
                c.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_reference_vectors() {
        assert_eq!(fnv1a(b""), 0xcbf29ce484222325);
        assert_eq!(fnv1a(b"a"), 0xaf63dc4c8601ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x85944171f73967e8);
    }

    #[test]
    fn uris_are_encoded() {
        assert_eq!(
            uri("courses/my course#1.toml"),
            "courses/my%20course%231.toml"
        );
    }

    #[test]
    fn backslash_in_a_file_name_is_not_a_separator() {
        // `check` displays a file named `courses\intro.toml` as `courses\\intro.toml`.
        assert_eq!(uri("courses\\\\intro.toml"), "courses%5Cintro.toml");
        assert_ne!(uri("courses\\\\intro.toml"), uri("courses/intro.toml"));
    }

    #[test]
    fn non_utf8_name_is_its_own_bytes() {
        // `check` displays the byte 0xff as `\xff`: the URI names that byte, not the text.
        assert_eq!(uri("\\xff.toml"), "%FF.toml");
        assert_eq!(uri("d/\\xfe\\xff.toml"), "d/%FE%FF.toml");
        // A literal backslash before `xff` is not a byte escape.
        assert_eq!(uri("\\\\xff.toml"), "%5Cxff.toml");
    }
}
