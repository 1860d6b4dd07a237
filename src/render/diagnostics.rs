//! Diagnostics for people and programs: rustc-style code frames (`human`), one line each
//! (`concise`), and the JSON of `mixplan check --format json`.

use crate::check::CheckRun;
use crate::diagnostic::{Diagnostic, FileReport, LineIndex, Location, Severity};

fn paint(text: &str, code: &str, color: bool) -> String {
    if color {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

fn severity_code(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "1;31",
        Severity::Warning => "1;33",
        Severity::Info => "1;36",
    }
}

/// rustc-style frames: header, location arrow, the offending line and a caret underline.
pub fn human(report: &FileReport, color: bool) -> String {
    let index = LineIndex::new(&report.text);
    let mut out = String::new();
    for d in &report.diagnostics {
        let loc = report.locate(&index, d);
        let head = format!("{}[{}]", d.severity, d.rule);
        out.push_str(&format!(
            "{}{} {}\n",
            paint(&head, severity_code(d.severity), color),
            paint(":", "1", color),
            paint(&d.message, "1", color)
        ));
        let gutter = " ".repeat(loc.line.to_string().len());
        out.push_str(&format!(
            "{gutter}{} {}:{}:{}\n",
            paint("-->", "1;34", color),
            report.path,
            loc.line,
            loc.column
        ));
        if !report.text.is_empty() {
            let range = index.line_range(&report.text, loc.line);
            let line = report.text[range].replace('\t', " ");
            let width = if loc.end_line == loc.line {
                loc.end_column.saturating_sub(loc.column).max(1)
            } else {
                line.chars().count().saturating_sub(loc.column - 1).max(1)
            };
            let bar = paint("|", "1;34", color);
            out.push_str(&format!("{gutter} {bar}\n"));
            out.push_str(&format!(
                "{} {bar} {line}\n",
                paint(&loc.line.to_string(), "1;34", color)
            ));
            out.push_str(&format!(
                "{gutter} {bar} {}{}\n",
                " ".repeat(loc.column - 1),
                paint(
                    &"^".repeat(width.min(120)),
                    severity_code(d.severity),
                    color
                )
            ));
        }
        if let Some(help) = &d.help {
            out.push_str(&format!(
                "{gutter} {} {help}\n",
                paint("= help:", "1", color)
            ));
        }
        out.push('\n');
    }
    out
}

/// `path:line:col: severity[rule] message`, one line each.
pub fn concise(report: &FileReport) -> String {
    let index = LineIndex::new(&report.text);
    let mut out = String::new();
    for d in &report.diagnostics {
        let loc = report.locate(&index, d);
        out.push_str(&format!(
            "{}:{}:{}: {}[{}] {}\n",
            report.path, loc.line, loc.column, d.severity, d.rule, d.message
        ));
    }
    out
}

/// The closing line of a check run: "2 warnings in 1 of 12 files", or "checked 12 files: no
/// problems".
pub fn summary_line(run: &CheckRun) -> String {
    let counts = run.counts();
    let files = |n: usize| if n == 1 { "file" } else { "files" };
    let unreadable = match run.failures.len() {
        0 => String::new(),
        1 => "; 1 path could not be read".into(),
        n => format!("; {n} paths could not be read"),
    };
    if counts.total() == 0 {
        return format!(
            "checked {} {}: no problems{unreadable}",
            run.files_checked,
            files(run.files_checked)
        );
    }
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut parts = Vec::new();
    if counts.errors > 0 {
        parts.push(plural(counts.errors, "error", "errors"));
    }
    if counts.warnings > 0 {
        parts.push(plural(counts.warnings, "warning", "warnings"));
    }
    if counts.infos > 0 {
        parts.push(plural(counts.infos, "info", "infos"));
    }
    let denied = if run.deny_warnings && counts.warnings > 0 {
        " (warnings are denied)"
    } else {
        ""
    };
    format!(
        "{} in {} of {} {}{denied}{unreadable}",
        parts.join(", "),
        run.files
            .iter()
            .filter(|f| f.path != crate::check::COMMAND_LINE)
            .count(),
        run.files_checked,
        files(run.files_checked)
    )
}

/// `--format human`: a code frame per finding, then the closing count line.
pub fn check_human(run: &CheckRun, color: bool) -> String {
    let mut out: String = run.files.iter().map(|f| human(f, color)).collect();
    out.push_str(&summary_line(run));
    out.push('\n');
    out
}

/// `--format concise`: one line per finding, then the closing count line.
pub fn check_concise(run: &CheckRun, _color: bool) -> String {
    let mut out: String = run.files.iter().map(concise).collect();
    out.push_str(&summary_line(run));
    out.push('\n');
    out
}

/// `--format json`: `{ schema_version, files_checked, diagnostics[] }`.
pub fn check_json(run: &CheckRun, _color: bool) -> String {
    let mut diagnostics = Vec::new();
    for file in &run.files {
        let index = LineIndex::new(&file.text);
        for d in &file.diagnostics {
            let loc = file.locate(&index, d);
            let mut entry = serde_json::json!({
                "file": file.path,
                "line": loc.line,
                "column": loc.column,
                "end_line": loc.end_line,
                "end_column": loc.end_column,
                "rule": d.rule,
                "severity": d.severity.as_str(),
                "message": d.message,
            });
            if let Some(help) = &d.help {
                entry["help"] = serde_json::Value::String(help.clone());
            }
            diagnostics.push(entry);
        }
    }
    super::pretty(&serde_json::json!({
        "schema_version": super::json::SCHEMA_VERSION,
        "files_checked": run.files_checked,
        "diagnostics": diagnostics,
    }))
}

/// Every finding of a run with its location: what the machine formats iterate over.
pub fn located(run: &CheckRun) -> Vec<(&FileReport, &Diagnostic, Location)> {
    let mut out = Vec::new();
    for file in &run.files {
        let index = LineIndex::new(&file.text);
        for d in &file.diagnostics {
            out.push((file, d, file.locate(&index, d)));
        }
    }
    out
}
