//! Diagnostics for people: rustc-style code frames, and one-line `concise` output.

use crate::diagnostic::{Diagnostic, LineIndex, Severity};

/// A file's text and the diagnostics found in it.
#[derive(Clone, Debug)]
pub struct FileReport {
    /// Path as the user gave it (or the `--stdin-filename`).
    pub path: String,
    /// The file's text.
    pub text: String,
    /// Findings, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
}

/// A diagnostic located in its file: 1-based line and column of both ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Location {
    /// Start line.
    pub line: usize,
    /// Start column (characters).
    pub column: usize,
    /// End line.
    pub end_line: usize,
    /// End column (characters, exclusive).
    pub end_column: usize,
}

impl FileReport {
    /// Where `d` is, in lines and columns.
    pub fn locate(&self, index: &LineIndex, d: &Diagnostic) -> Location {
        let span = d.span.unwrap_or_default();
        let start = index.line_col(&self.text, span.start);
        let end = index.line_col(&self.text, span.end);
        Location {
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
        }
    }
}

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
