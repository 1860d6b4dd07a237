//! `mixplan check --format human`: rustc-style code frames, file by file.

use super::diagnostics::{
    FRAME_CHARS, MAX_HUMAN_PER_FILE, frame_line, hidden, more_line, paint, severity_code,
    write_files,
};
use super::to_text;
use crate::check::CheckRun;
use crate::diagnostic::{FileReport, LineIndex};

/// rustc-style frames: header, location arrow, the offending line (a window of it when long)
/// and a caret underline; at most [`MAX_HUMAN_PER_FILE`] findings, then how many more.
pub fn human(report: &FileReport, color: bool) -> String {
    use super::sanitize::sanitize;
    let index = LineIndex::new(&report.text);
    let path = sanitize(&report.path);
    let mut out = String::new();
    for (d, loc) in report.located(&index).take(MAX_HUMAN_PER_FILE) {
        let head = format!("{}[{}]", d.severity, d.rule);
        out.push_str(&format!(
            "{}{} {}\n",
            paint(&head, severity_code(d.severity), color),
            paint(":", "1", color),
            paint(&sanitize(&d.message), "1", color)
        ));
        let gutter = " ".repeat(loc.line.to_string().len());
        out.push_str(&format!(
            "{gutter}{} {path}:{}:{}\n",
            paint("-->", "1;34", color),
            loc.line,
            loc.column
        ));
        if !report.text.is_empty() {
            let range = index.line_range(&report.text, loc.line);
            let line = &report.text[range.clone()];
            let span = d.span.unwrap_or_default();
            let start = span.start.saturating_sub(range.start);
            let end = if loc.end_line == loc.line {
                span.end.saturating_sub(range.start)
            } else {
                line.len()
            };
            let frame = frame_line(line, start, end);
            let bar = paint("|", "1;34", color);
            out.push_str(&format!("{gutter} {bar}\n"));
            out.push_str(&format!(
                "{} {bar} {}\n",
                paint(&loc.line.to_string(), "1;34", color),
                frame.text
            ));
            out.push_str(&format!(
                "{gutter} {bar} {}{}\n",
                " ".repeat(frame.caret_offset),
                paint(
                    &"^".repeat(frame.caret_width.min(FRAME_CHARS)),
                    severity_code(d.severity),
                    color
                )
            ));
        }
        if let Some(help) = &d.help {
            out.push_str(&format!(
                "{gutter} {} {}\n",
                paint("= help:", "1", color),
                sanitize(help)
            ));
        }
        out.push('\n');
    }
    let more = hidden(report);
    if more > 0 {
        out.push_str(&more_line(&path, more));
        out.push('\n');
    }
    out
}

/// `--format human`: a code frame per finding, then the closing count line.
pub fn check_human(run: &CheckRun, color: bool) -> String {
    to_text(|out| write_check_human(run, color, out))
}

/// [`check_human`], written file by file as it is produced.
pub fn write_check_human(
    run: &CheckRun,
    color: bool,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    write_files(run, out, |file| human(file, color))
}
