//! Diagnostics: what went wrong or what could be better, and where in the user's file.
//!
//! Every problem mixplan reports about a course file, from a TOML syntax error to a design
//! check, is a [`Diagnostic`] with a byte [`Span`] into the source text. Line and column are
//! computed only when a diagnostic is rendered, through a [`LineIndex`].

use std::fmt;
use std::ops::Range;

use serde::Serialize;

use crate::rules::RuleId;

/// A byte range into a course file's text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`, ordered.
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start: start.min(end),
            end: start.max(end),
        }
    }
}

impl From<Range<usize>> for Span {
    fn from(range: Range<usize>) -> Self {
        Span::new(range.start, range.end)
    }
}

/// How serious a finding is.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; never fails a run.
    Info,
    /// A design problem; fails a run only under `--deny warnings`.
    Warning,
    /// The file cannot be used as written, or a check denied by configuration.
    Error,
}

impl Severity {
    /// The lowercase name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding about a course file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The rule, e.g. `unknown-key` or `live-not-recorded`.
    pub rule: RuleId,
    /// How serious it is.
    pub severity: Severity,
    /// Where in the file; `None` for findings about the whole file.
    pub span: Option<Span>,
    /// What is wrong, in one sentence.
    pub message: String,
    /// What to write instead, when there is something to suggest.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error-level diagnostic.
    pub fn error(rule: RuleId, span: Option<Span>, message: impl Into<String>) -> Self {
        Diagnostic {
            rule,
            severity: Severity::Error,
            span,
            message: message.into(),
            help: None,
        }
    }

    /// Attach a help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// A 1-based line and column (columns count characters, not bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct LineCol {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// Maps byte offsets of a text to lines and columns.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Index the line starts of `text`. A lone CR (old Mac line endings) ends a line too, as
    /// it does in editors: otherwise such a file is one line, every code frame would quote
    /// all of it, and line numbers would not match what the user sees.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        starts.extend(
            memchr::memchr2_iter(b'\n', b'\r', bytes)
                .filter(|&i| bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n'))
                .map(|i| i + 1),
        );
        LineIndex { starts }
    }

    /// The line and column of byte `offset` in `text` (clamped to the text).
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let column = text[start..offset].chars().count() + 1;
        LineCol {
            line: line + 1,
            column,
        }
    }

    /// The byte range of 1-based `line`, without its line ending.
    pub fn line_range(&self, text: &str, line: usize) -> Range<usize> {
        let start = self.starts[line.saturating_sub(1).min(self.starts.len() - 1)];
        let end = self
            .starts
            .get(line)
            .map_or(text.len(), |&next| next.saturating_sub(1));
        let slice = &text[start..end.max(start)];
        start..start + slice.trim_end_matches('\r').len()
    }
}

/// Lines and columns of offsets visited mostly in increasing order (a file's sorted findings):
/// each column is counted from the previous offset when both are on one line, so locating many
/// findings on one long line costs the line's length once, not once per finding.
#[derive(Clone, Debug)]
pub struct Cursor<'a> {
    index: &'a LineIndex,
    text: &'a str,
    at: usize,
    line: usize,
    column: usize,
}

impl<'a> Cursor<'a> {
    /// A cursor over `text`, indexed by `index`.
    pub fn new(index: &'a LineIndex, text: &'a str) -> Self {
        Cursor {
            index,
            text,
            at: 0,
            line: usize::MAX,
            column: 0,
        }
    }

    /// What [`LineIndex::line_col`] returns for `offset`.
    pub fn line_col(&mut self, offset: usize) -> LineCol {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self.index.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.index.starts[line];
        let column = if line == self.line && offset >= self.at {
            self.column + self.text[self.at..offset].chars().count()
        } else {
            self.text[start..offset].chars().count() + 1
        };
        (self.at, self.line, self.column) = (offset, line, column);
        LineCol {
            line: line + 1,
            column,
        }
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Input errors the loader keeps per file; beyond them it only counts. No report lists more
/// than this many, and building a message, a suggestion and a location for each of a
/// generated file's million unknown keys took seconds and hundreds of MiB for nothing.
pub const MAX_KEPT_PER_FILE: usize = 10_000;

/// A file's text and the diagnostics found in it.
#[derive(Clone, Debug)]
pub struct FileReport {
    /// Path as the user gave it (or the `--stdin-filename`).
    pub path: String,
    /// The file's text.
    pub text: String,
    /// Findings, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
    /// Input errors found beyond [`MAX_KEPT_PER_FILE`]: counted, not kept.
    pub omitted: usize,
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
    /// Its findings in order, each with its location: one cursor for starts and one for ends,
    /// so columns are counted once per line, not once per finding.
    pub fn located<'a>(
        &'a self,
        index: &'a LineIndex,
    ) -> impl Iterator<Item = (&'a Diagnostic, Location)> + 'a {
        let (mut starts, mut ends) = (
            Cursor::new(index, &self.text),
            Cursor::new(index, &self.text),
        );
        self.diagnostics
            .iter()
            .map(move |d| (d, self.locate_in_order(&mut starts, &mut ends, d)))
    }

    /// [`FileReport::locate`] for findings taken in order, through one cursor for starts and
    /// one for ends.
    pub fn locate_in_order(
        &self,
        starts: &mut Cursor<'_>,
        ends: &mut Cursor<'_>,
        d: &Diagnostic,
    ) -> Location {
        let span = d.span.unwrap_or_default();
        let start = starts.line_col(span.start);
        let end = ends.line_col(span.end);
        Location {
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
        }
    }

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let text = "a = 1\nb = \"é\" x\n";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 0), LineCol { line: 1, column: 1 });
        let x = text.find('x').unwrap();
        assert_eq!(index.line_col(text, x), LineCol { line: 2, column: 9 });
        assert_eq!(
            index.line_col(text, text.len()),
            LineCol { line: 3, column: 1 }
        );
    }

    #[test]
    fn cursor_agrees_with_the_index() {
        let text = "a = 1\r\nbé = [1, 2, 3]\rc = \"x\"\n";
        let index = LineIndex::new(text);
        let mut cursor = Cursor::new(&index, text);
        for offset in [0, 3, 5, 7, 8, 12, 9, 15, 20, 25, 2, 26] {
            assert_eq!(
                cursor.line_col(offset),
                index.line_col(text, offset),
                "{offset}"
            );
        }
    }

    #[test]
    fn lone_cr_ends_a_line() {
        let text = "one\rtwo\r\nthree";
        let index = LineIndex::new(text);
        assert_eq!(&text[index.line_range(text, 1)], "one");
        assert_eq!(&text[index.line_range(text, 2)], "two");
        assert_eq!(&text[index.line_range(text, 3)], "three");
        let t = text.find('t').unwrap();
        assert_eq!(index.line_col(text, t), LineCol { line: 2, column: 1 });
    }

    #[test]
    fn line_range_strips_crlf() {
        let text = "one\r\ntwo\r\n";
        let index = LineIndex::new(text);
        assert_eq!(&text[index.line_range(text, 1)], "one");
        assert_eq!(&text[index.line_range(text, 2)], "two");
    }
}
