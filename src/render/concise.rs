//! `mixplan check --format concise`: one line per finding, file by file.

use super::diagnostics::{MAX_HUMAN_PER_FILE, hidden, more_line, write_files};
use super::to_text;
use crate::check::CheckRun;
use crate::diagnostic::{FileReport, LineIndex};

/// `path:line:col: severity[rule] message`, one line each; at most [`MAX_HUMAN_PER_FILE`]
/// per file, then how many more.
pub fn concise(report: &FileReport) -> String {
    use super::sanitize::sanitize;
    let index = LineIndex::new(&report.text);
    let path = sanitize(&report.path);
    let mut out = String::new();
    for (d, loc) in report.located(&index).take(MAX_HUMAN_PER_FILE) {
        out.push_str(&format!(
            "{path}:{}:{}: {}[{}] {}\n",
            loc.line,
            loc.column,
            d.severity,
            d.rule,
            sanitize(&d.message)
        ));
    }
    let more = hidden(report);
    if more > 0 {
        out.push_str(&more_line(&path, more));
    }
    out
}

/// `--format concise`: one line per finding, then the closing count line.
pub fn check_concise(run: &CheckRun, color: bool) -> String {
    to_text(|out| write_check_concise(run, color, out))
}

/// [`check_concise`], written file by file as it is produced.
pub fn write_check_concise(
    run: &CheckRun,
    _color: bool,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    write_files(run, out, concise)
}
