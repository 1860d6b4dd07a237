//! `mixplan check --format json`: `{ schema_version, files_checked, diagnostics[] }`, from serde
//! structs whose JSON Schema (`mixplan schema check`) is derived from the same types.

use std::borrow::Cow;

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

use super::diagnostics::{MAX_MACHINE, Omitted, located, omitted};
use super::json::SchemaVersion;
use crate::check::CheckRun;
use crate::diagnostic::Severity;
use crate::rules::RuleId;

/// `mixplan check --format json`: every finding about every course file checked.
#[derive(Serialize, JsonSchema)]
#[schemars(title = "mixplan check --format json")]
pub struct CheckOutput<'a> {
    /// Version of this JSON contract.
    pub schema_version: SchemaVersion,
    /// How many course files were read.
    pub files_checked: usize,
    /// Every finding, grouped by file, in file order: at most 10,000, then one
    /// `too-many-diagnostics` entry saying how many were left out.
    pub diagnostics: Vec<DiagnosticOutput<'a>>,
    /// What was left out while walking directories, and why (absent when nothing was).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<NoteOutput<'a>>,
}

/// Paths left out for one reason under one walked directory, or a walked directory that held
/// no course file.
#[derive(Serialize, JsonSchema)]
pub struct NoteOutput<'a> {
    /// The walked directory (or the file named on the command line) the note is about.
    pub directory: &'a str,
    /// `hidden` (`--hidden` walks it), `ignore-file` (`--no-ignore`), `gitignore` (untracked
    /// and listed in `.gitignore`; `--no-ignore`), `symbolic-link`, `extension` (`.TOML`),
    /// `not-a-course` (no `[course]` table), or `no-course-file` (the directory held no
    /// course file).
    pub reason: &'a str,
    /// How many paths: every one skipped, or for `no-course-file` the `.toml` files walked.
    pub count: usize,
    /// The paths skipped, sorted (empty for `no-course-file`).
    pub paths: &'a [String],
    /// The note as one sentence.
    pub message: String,
}

/// One finding about a course file.
#[derive(Serialize, JsonSchema)]
pub struct DiagnosticOutput<'a> {
    /// The path as given (`<stdin>` for standard input, `<command line>` for the flags).
    pub file: &'a str,
    /// First line, 1-based.
    #[schemars(range(min = 1))]
    pub line: usize,
    /// First column, 1-based, in characters.
    #[schemars(range(min = 1))]
    pub column: usize,
    /// Last line, 1-based.
    #[schemars(range(min = 1))]
    pub end_line: usize,
    /// Column just past the end, 1-based, in characters.
    #[schemars(range(min = 1))]
    pub end_column: usize,
    /// The rule; `mixplan explain RULE` documents it.
    pub rule: RuleId,
    /// `error` fails a run; `warning` fails it under `--deny warnings`; `info` never does.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: Cow<'a, str>,
    /// What to write instead, when there is something to suggest.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<Cow<'a, str>>,
}

/// The JSON Schema (draft 2020-12) of `mixplan check --format json`.
pub fn schema() -> Value {
    super::standard_formats(
        serde_json::to_value(schemars::schema_for!(CheckOutput<'static>))
            .expect("schemas serialize"),
    )
}

/// `--format json`: `{ schema_version, files_checked, diagnostics[] }`, at most
/// [`MAX_MACHINE`] findings and then one `too-many-diagnostics` entry.
pub fn check_json(run: &CheckRun, _color: bool) -> String {
    let mut diagnostics: Vec<DiagnosticOutput<'_>> = located(run)
        .into_iter()
        .map(|(file, d, loc)| DiagnosticOutput {
            file: &file.path,
            line: loc.line,
            column: loc.column,
            end_line: loc.end_line,
            end_column: loc.end_column,
            rule: d.rule,
            severity: d.severity,
            message: Cow::Borrowed(&d.message),
            help: d.help.as_deref().map(Cow::Borrowed),
        })
        .collect();
    if let Some(left) = omitted(run) {
        diagnostics.push(DiagnosticOutput {
            file: left.file,
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 1,
            rule: Omitted::RULE,
            severity: left.severity,
            message: Cow::Owned(left.message()),
            help: Some(Cow::Borrowed(left.help())),
        });
    }
    debug_assert!(diagnostics.len() <= MAX_MACHINE + 1);
    let output = CheckOutput {
        schema_version: SchemaVersion,
        files_checked: run.files_checked,
        diagnostics,
        notes: run.notes.iter().map(note).collect(),
    };
    let mut text = serde_json::to_string_pretty(&output).expect("check output serializes");
    text.push('\n');
    text
}

fn note(note: &crate::check::Note) -> NoteOutput<'_> {
    use crate::check::Note;
    let message = super::notes::note_text(note);
    match note {
        Note::Skipped(skipped) => NoteOutput {
            directory: &skipped.directory,
            reason: skipped.reason.as_str(),
            count: skipped.paths.len(),
            paths: &skipped.paths,
            message,
        },
        Note::NoCourse {
            directory,
            toml_files,
        } => NoteOutput {
            directory,
            reason: "no-course-file",
            count: *toml_files,
            paths: &[],
            message,
        },
    }
}
