//! What every `mixplan check` output format shares: the caps on findings, code-frame windows,
//! the closing summary line, and the findings machine formats list. Each format has its own
//! file: [`super::human`], [`super::concise`], [`super::check_json`], [`super::sarif`],
//! [`super::github`].

use crate::check::CheckRun;
use crate::diagnostic::{Diagnostic, FileReport, LineIndex, Location, Severity};
use crate::rules::RuleId;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

pub(super) fn paint(text: &str, code: &str, color: bool) -> String {
    if color {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

pub(super) fn severity_code(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "1;31",
        Severity::Warning => "1;33",
        Severity::Info => "1;36",
    }
}

/// At most this many findings per file in the human formats (human, concise, github); the
/// rest are counted in one closing line, so a file with a million mistakes still reads in a
/// screen or two and cannot flood a CI log.
pub const MAX_HUMAN_PER_FILE: usize = 50;

/// At most this many findings in one JSON or SARIF report; one `too-many-diagnostics` entry
/// then says how many were left out. Programs get every finding a person could act on without
/// a report that grows with a generated file's mistakes.
pub const MAX_MACHINE: usize = 10_000;

/// Display columns of a source line shown in a code frame (a CJK character takes two). A longer line is shown as a window around
/// the span with `...` on the cut sides, as rustc does, so output stays proportional to the
/// number of findings and never to findings x line length (a whole file on one line).
pub const FRAME_CHARS: usize = 100;

/// Context kept before the span when a long line is cut, in display columns.
const FRAME_LEAD: usize = 30;

/// The part of a source line a frame shows: text (sanitized), and where the underline goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrameLine {
    /// What to print after the gutter.
    pub text: String,
    /// Display columns before the underline.
    pub caret_offset: usize,
    /// Display columns of the underline (at least 1).
    pub caret_width: usize,
}

/// Cut `line` to a window around its bytes `[start, end)` and escape it for display; the caret
/// positions and the window are display columns (by Unicode width) and count the escapes. The work is proportional to the window, never to the line:
/// a 16 MiB course on one line is as cheap to frame as a short one.
pub fn frame_line(line: &str, start: usize, end: usize) -> FrameLine {
    let start = floor_boundary(line, start.min(line.len()));
    let end = floor_boundary(line, end.clamp(start, line.len()));
    let short = line.len() <= 4 * FRAME_CHARS && line.width() <= FRAME_CHARS;
    let (from, to) = if short {
        (0, line.len())
    } else {
        // FRAME_LEAD columns before the span, then FRAME_CHARS columns from there; near the
        // end of the line, the window starts earlier so it stays full.
        let mut from = columns_back(line, start, FRAME_LEAD);
        let to = columns_forward(line, from, FRAME_CHARS);
        if to == line.len() {
            let have = line[from..].width();
            if have < FRAME_CHARS && from > 0 {
                from = columns_back(line, from, FRAME_CHARS - have);
            }
        }
        (from, to)
    };
    let shown = |piece: &str| super::sanitize::sanitize(&piece.replace('\t', " ")).into_owned();
    let lead = if from > 0 { "..." } else { "" };
    let before = shown(&line[from..start]);
    let inside = shown(&line[start..end.min(to).max(start)]);
    let after = shown(&line[end.min(to).max(start)..to]);
    let tail = if to < line.len() { "..." } else { "" };
    // Columns on a terminal, not characters: a CJK character takes two, a combining mark none,
    // so the caret lands under the span after wide text too.
    FrameLine {
        caret_offset: lead.len() + before.width(),
        caret_width: inside.width().max(1),
        text: format!("{lead}{before}{inside}{after}{tail}"),
    }
}

/// The byte index `n` display columns before byte `at` (at a character boundary; a wide
/// character that would cross the edge stays out).
fn columns_back(line: &str, at: usize, n: usize) -> usize {
    let mut width = 0;
    let mut from = at;
    for (i, c) in line[..at].char_indices().rev() {
        width += c.width().unwrap_or(0);
        if width > n {
            break;
        }
        from = i;
    }
    from
}

/// The byte index `n` display columns after byte `from` (a wide character that would cross
/// the edge stays out).
fn columns_forward(line: &str, from: usize, n: usize) -> usize {
    let mut width = 0;
    for (i, c) in line[from..].char_indices() {
        width += c.width().unwrap_or(0);
        if width > n {
            return from + i;
        }
    }
    line.len()
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Findings of a file the human formats do not show: beyond [`MAX_HUMAN_PER_FILE`], plus those
/// the loader only counted.
pub fn hidden(report: &FileReport) -> usize {
    report.diagnostics.len().saturating_sub(MAX_HUMAN_PER_FILE) + report.omitted
}

/// The line that closes a file's findings when some were not shown.
pub(super) fn more_line(path: &str, more: usize) -> String {
    format!(
        "... and {more} more finding{} in {path} (at most {MAX_HUMAN_PER_FILE} are shown per file; `--format json` lists up to {MAX_MACHINE})\n",
        if more == 1 { "" } else { "s" }
    )
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

/// Write a run file by file, each rendered by `per_file` as it comes, then the summary line.
pub(super) fn write_files(
    run: &CheckRun,
    out: &mut dyn std::io::Write,
    per_file: impl Fn(&FileReport) -> String,
) -> std::io::Result<()> {
    for file in &run.files {
        out.write_all(per_file(file).as_bytes())?;
    }
    writeln!(out, "{}", summary_line(run))
}

/// The entry that stands for the findings a machine report leaves out: on the first file left
/// out of the report, at its top, with the most serious severity among those left out, so a
/// reader of the JSON alone still sees that the run failed.
pub struct Omitted<'a> {
    /// The first file with a finding left out.
    pub file: &'a str,
    /// How many findings were left out.
    pub count: usize,
    /// The most serious severity among them.
    pub severity: Severity,
}

impl Omitted<'_> {
    /// The rule id of the entry.
    pub const RULE: RuleId = RuleId::TooManyDiagnostics;

    /// Its message.
    pub fn message(&self) -> String {
        format!(
            "{} more finding{} not listed: a report lists at most {MAX_MACHINE}",
            self.count,
            if self.count == 1 { " is" } else { "s are" }
        )
    }

    /// Its help line.
    pub fn help(&self) -> &'static str {
        "fix the findings listed first, or check fewer files at a time"
    }
}

/// What [`located`] left out beyond [`MAX_MACHINE`], if anything.
pub fn omitted<'a>(run: &'a CheckRun) -> Option<Omitted<'a>> {
    let mut seen = 0;
    let mut left: Option<Omitted<'_>> = None;
    let mut add = |file: &'a FileReport, count: usize, severity: Severity| match &mut left {
        Some(o) => {
            o.count += count;
            o.severity = o.severity.max(severity);
        }
        None => {
            left = Some(Omitted {
                file: &file.path,
                count,
                severity,
            });
        }
    };
    for file in &run.files {
        for d in &file.diagnostics {
            seen += 1;
            if seen > MAX_MACHINE {
                add(file, 1, d.severity);
            }
        }
        // Errors the loader counted without keeping.
        if file.omitted > 0 {
            add(file, file.omitted, Severity::Error);
        }
    }
    left
}

/// The findings of a run that machine formats list, with their locations: the first
/// [`MAX_MACHINE`] in report order ([`omitted`] counts the rest).
pub fn located(run: &CheckRun) -> Vec<(&FileReport, &Diagnostic, Location)> {
    let mut out = Vec::new();
    for file in &run.files {
        if out.len() >= MAX_MACHINE {
            break;
        }
        let index = LineIndex::new(&file.text);
        let room = MAX_MACHINE - out.len();
        let locations: Vec<Location> = file.located(&index).take(room).map(|(_, l)| l).collect();
        out.extend(
            file.diagnostics
                .iter()
                .zip(locations)
                .map(|(d, loc)| (file, d, loc)),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_wide_line_is_cut_to_the_frame_width_in_columns() {
        let line = format!("{}needle{}", "数".repeat(80), "据".repeat(80));
        let start = line.find("needle").unwrap();
        let frame = frame_line(&line, start, start + 6);
        let shown = frame.text.trim_start_matches("...").trim_end_matches("...");
        assert!(shown.width() <= FRAME_CHARS, "{} columns", shown.width());
        assert!(
            shown.width() >= FRAME_CHARS - 1,
            "{} columns",
            shown.width()
        );
        assert_eq!(frame.caret_offset, 3 + FRAME_LEAD);
        assert_eq!(frame.caret_width, 6);
    }

    #[test]
    fn the_caret_counts_display_columns_after_wide_text() {
        // Four CJK characters take eight columns: the caret must start eight columns in,
        // not four, to sit under `"x"`.
        let line = "course = { title = \"数据分析\", weeks = \"x\" }";
        let start = line.find("\"x\"").unwrap();
        let frame = frame_line(line, start, start + 3);
        let ascii_before = line[..start].chars().count() - 4;
        assert_eq!(frame.caret_offset, ascii_before + 8);
        assert_eq!(frame.caret_width, 3);
        let wide = frame_line(line, line.find('数').unwrap(), line.find('"').unwrap() + 14);
        assert_eq!(
            wide.caret_width, 9,
            "four wide characters and the closing quote"
        );
    }

    #[test]
    fn long_lines_are_framed_by_a_window_around_the_span() {
        let line = format!("{}needle{}", "x = 1, ".repeat(5000), ", y = 2".repeat(5000));
        let start = line.find("needle").unwrap();
        let frame = frame_line(&line, start, start + 6);
        assert!(frame.text.starts_with("...") && frame.text.ends_with("..."));
        assert!(frame.text.chars().count() <= FRAME_CHARS + 6);
        let under: String = frame
            .text
            .chars()
            .skip(frame.caret_offset)
            .take(6)
            .collect();
        assert_eq!(under, "needle");
        assert_eq!(frame.caret_width, 6);
        // Near the end the window stays full; a short line is shown whole.
        let end = frame_line(&line, line.len() - 1, line.len());
        assert!(end.text.starts_with("...") && !end.text.ends_with("..."));
        assert_eq!(end.text.chars().count(), FRAME_CHARS + 3);
        let short = frame_line("a = \u{1b}b", 4, 5);
        assert_eq!(short.text, "a = \\u{1b}b");
        assert_eq!((short.caret_offset, short.caret_width), (4, 6));
    }
}
