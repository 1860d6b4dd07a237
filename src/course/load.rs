//! From TOML text to a validated [`Course`], reporting every problem at once.
//!
//! The loader walks the spanned document tree (`document::tree`) by hand instead of deriving
//! `Deserialize`: serde stops at the first error, and users fixing a course file want all of
//! them, each with the line and column of the key or value concerned and, for a misspelling,
//! the closest valid name. The walk is linear in the size of the document.

use std::collections::{BTreeSet, HashMap};

use super::document::tree;

use super::*;
use crate::diagnostic::{Diagnostic, MAX_KEPT_PER_FILE, Span};
use crate::rules::RuleId;
use crate::suggest::did_you_mean;

mod activity;
mod check_table;
mod course_table;
mod fixed;
mod overlaps;
mod students;
mod times;
mod typed;
mod workload;
pub use workload::{POST_KEYS, READ_KEYS, WATCH_KEYS, WRITE_KEYS};

/// Largest course file mixplan reads, in bytes (16 MiB).
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// The buffer [`read_bounded`] starts with: a typical course file is 2-10 KB.
const FIRST_READ_BYTES: usize = 16 * 1024;

/// Read a course file's bytes from `source`, stopping one byte past [`MAX_INPUT_BYTES`] so
/// that [`load_bytes`] can tell an oversized file without reading all of it. Every reader of
/// course files (the CLI's, standard input, `mixplan check`'s) goes through here.
pub fn read_bounded(source: impl std::io::Read) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    // Room for a typical course file up front: grown from empty, the buffer was reallocated
    // about seven times per file, which `mixplan check` over thousands of files felt.
    let mut bytes = Vec::with_capacity(FIRST_READ_BYTES);
    source
        .take(MAX_INPUT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

// The keys each table accepts. Public so that the JSON Schema (`course::schema`) can be tested
// against them: a key added here and not there, or the reverse, fails a test.

/// Keys of the top level of a course file.
pub const FILE_KEYS: &[&str] = &[
    "course",
    "students",
    "content",
    "goals",
    "activities",
    "check",
];
/// Keys of `[course]`.
pub const COURSE_KEYS: &[&str] = &[
    "title",
    "weeks",
    "delivery",
    "start",
    "timezone",
    "sync_hours",
    "pattern",
    "live_days",
    "live_at",
    "week_starts",
    "breaks",
    "exam_weeks",
    "no_live",
    "holidays",
    "live_window",
    "due",
    "credits",
    "credit_hours",
    "workload_tolerance",
    "id",
    "url",
    "location",
    "prework_hours",
    "max_sitting_minutes",
    "repeat_min_students",
];
/// Keys of `live_at = { ... }` in `[course]`.
pub const LIVE_AT_KEYS: &[&str] = &["day", "time"];
/// Keys of `due = { ... }` in `[course]` (an activity's `due` takes `day` and `time` only).
pub const DUE_KEYS: &[&str] = &["day", "time", "timezone"];
/// Keys of an activity's `due = { ... }`.
pub const ACTIVITY_DUE_KEYS: &[&str] = &["day", "time"];
/// Keys of one `at = { ... }` of an activity: `day` and `time`, or `date` and `time`; a
/// section may carry its own `location` and `url`.
pub const AT_KEYS: &[&str] = &["day", "time", "date", "location", "url"];
/// Keys of `[students]`.
pub const STUDENTS_KEYS: &[&str] = &["count", "populations", "reliable_internet", "zones"];
/// Keys of one `[[students.zones]]` entry.
pub const ZONE_KEYS: &[&str] = &["zone", "count", "available", "population"];
/// Keys of `[content]`.
pub const CONTENT_KEYS: &[&str] = &["types"];
/// Keys of `[goals]`.
pub const GOALS_KEYS: &[&str] = &["focus"];
/// Keys of one `[[activities]]` entry.
pub const ACTIVITY_KEYS: &[&str] = &[
    "id",
    "title",
    "kind",
    "minutes",
    "every",
    "weeks",
    "mode",
    "recorded",
    "at",
    "due",
    "optional",
    "participation",
    "read",
    "write",
    "watch",
    "post",
    "per",
    "study_hours",
    "url",
    "location",
    "in_person",
    "deliver",
    "segmented",
    "prepares",
];
/// Keys of `[check]`.
pub const CHECK_KEYS: &[&str] = &["allow"];
/// Keys of one `{ rule = "...", reason = "..." }` entry of `[check] allow`.
pub const ALLOW_KEYS: &[&str] = &["rule", "activity", "reason"];

/// The result of loading a course file: the course when it is usable, and every problem found.
#[derive(Debug)]
pub struct Loaded {
    /// The course, when the file had no errors.
    pub course: Option<Course>,
    /// Every input error, in file order (at most [`MAX_KEPT_PER_FILE`]).
    pub diagnostics: Vec<Diagnostic>,
    /// Input errors found beyond [`MAX_KEPT_PER_FILE`]: counted, not kept.
    pub omitted: usize,
}

/// Load and validate a course from raw bytes (checks size and UTF-8 first).
pub fn load_bytes(bytes: &[u8]) -> (std::borrow::Cow<'_, str>, Loaded) {
    if bytes.len() > MAX_INPUT_BYTES {
        let loaded = Loaded {
            course: None,
            diagnostics: vec![
                Diagnostic::error(
                    RuleId::InputTooLarge,
                    Some(Span::new(0, 0)),
                    format!(
                        // The reader stops one byte past the limit, so the true size is unknown.
                        "the file is larger than {} MiB, the most mixplan reads for a course",
                        MAX_INPUT_BYTES / (1024 * 1024)
                    ),
                )
                .with_help("split the course into several files or remove generated content"),
            ],
            omitted: 0,
        };
        return ("".into(), loaded);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.into(), load(text)),
        Err(err) => {
            let at = err.valid_up_to();
            let loaded = Loaded {
                course: None,
                diagnostics: vec![
                    Diagnostic::error(
                        RuleId::InvalidUtf8,
                        Some(Span::new(at, at + 1)),
                        "the file is not valid UTF-8",
                    )
                    .with_help("save the file as UTF-8 text"),
                ],
                omitted: 0,
            };
            (String::from_utf8_lossy(bytes), loaded)
        }
    }
}

/// Load and validate a course from TOML text.
pub fn load(text: &str) -> Loaded {
    load_in_chunks(text, super::document::CHUNK_BYTES)
}

/// [`load`], parsing documents larger than `chunk_bytes` in chunks (see `document.rs`);
/// public so tests can force chunking on small files and compare.
#[doc(hidden)]
pub fn load_in_chunks(text: &str, chunk_bytes: usize) -> Loaded {
    if text.trim().is_empty() {
        return Loaded {
            course: None,
            diagnostics: vec![
                Diagnostic::error(
                    RuleId::EmptyFile,
                    Some(Span::new(0, 0)),
                    "the course file is empty",
                )
                .with_help("start from `mixplan init` or an example in `examples/`"),
            ],
            omitted: 0,
        };
    }
    load_parsed(text, super::document::parse(text, chunk_bytes))
}

/// [`load`] from the document already parsed from `text` (`check` parses a walked file once
/// to tell a course from other TOML, then loads that same tree). `text` must not be blank.
pub fn load_parsed(text: &str, parsed: super::document::Parsed<'_>) -> Loaded {
    let (root, errors) = parsed;
    let mut reader = Reader::default();
    for (message, span) in errors {
        let span = span.map(Span::from).unwrap_or_default();
        let mut diag = Diagnostic::error(RuleId::TomlSyntax, Some(span), first_line(&message));
        if let Some(range) = unquoted_range(text, span.start) {
            diag = diag.with_help(format!(
                "a week range is text: write `\"{range}\"` in quotes, e.g. `weeks = [\"{range}\"]`"
            ));
        }
        reader.diags.push(diag);
    }
    if !reader.diags.is_empty() {
        return reader.finish(None);
    }
    let mut course = reader.course(root.get_ref(), root.span().into());
    if let Some(course) = &mut course {
        // A table's span runs over several lines when it is an inline table written over
        // lines; findings about the whole table point at its first line alone.
        course.meta.span = header_line(text, course.meta.span);
        course.students.span = header_line(text, course.students.span);
    }
    reader.finish(course)
}

/// The first line of `span` in `text`, without its line ending.
fn header_line(text: &str, span: Span) -> Span {
    let start = span.start.min(text.len());
    let rest = &text[start..];
    let len = rest.find(['\n', '\r']).unwrap_or(rest.len());
    Span::new(start, start + len)
}

/// `1-7` or `2-14/2` written without quotes where TOML expected a value (it reads a date):
/// the token around `at`, when it looks like a week range.
fn unquoted_range(text: &str, at: usize) -> Option<&str> {
    let bytes = text.as_bytes();
    let is_part = |b: u8| b.is_ascii_digit() || b == b'-' || b == b'/';
    let mut start = at.min(bytes.len());
    while start > 0 && is_part(bytes[start - 1]) {
        start -= 1;
    }
    let mut end = start;
    while end < bytes.len() && is_part(bytes[end]) {
        end += 1;
    }
    let token = &text[start..end];
    parse_week_range(token).filter(|_| token.contains('-') && token.matches('-').count() == 1)?;
    Some(token)
}

fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or(message).trim().to_string()
}

type Value<'i> = tree::Item<'i>;

struct Reader {
    diags: Vec<Diagnostic>,
    /// Errors found after [`MAX_KEPT_PER_FILE`] were kept.
    omitted: usize,
    /// Where an error beyond the cap is written (and forgotten), so callers that attach a
    /// help line need not know about the cap.
    spare: Diagnostic,
}

impl Default for Reader {
    fn default() -> Self {
        Reader {
            diags: Vec::new(),
            omitted: 0,
            spare: Diagnostic::error(RuleId::TooManyDiagnostics, None, String::new()),
        }
    }
}

/// Where a key is looked up, for messages: `[course]`, `[[activities]] #3`, ...
struct Place<'t, 'i> {
    table: &'t tree::Table<'i>,
    name: PlaceName,
    span: Span,
}

impl<'t, 'i> Place<'t, 'i> {
    fn new(
        table: &'t tree::Table<'i>,
        name: impl Into<std::borrow::Cow<'static, str>>,
        span: Span,
    ) -> Self {
        Place {
            table,
            name: PlaceName::Written(name.into()),
            span,
        }
    }

    /// Entry `n` (1-based) of the array of tables `array` (`[[activities]]`).
    fn entry(table: &'t tree::Table<'i>, array: &'static str, n: usize, span: Span) -> Self {
        Place {
            table,
            name: PlaceName::Entry(array, n),
            span,
        }
    }

    fn get(&self, key: &str) -> Option<&'t Value<'i>> {
        self.table.get(key)
    }
}

/// A place's name as messages write it. An entry of an array of tables is named only when a
/// message needs it: naming each activity of every file up front cost more than the
/// messages that use the names.
enum PlaceName {
    /// `[course]`, `` `at` ``, ... (most are written in the source: no copy)
    Written(std::borrow::Cow<'static, str>),
    /// `[[activities]] #3`: the array and the entry's 1-based position.
    Entry(&'static str, usize),
}

impl std::fmt::Display for PlaceName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PlaceName::Written(name) => f.write_str(name),
            PlaceName::Entry(array, n) => write!(f, "{array} #{n}"),
        }
    }
}

fn type_name(value: &tree::Value<'_>) -> &'static str {
    match value {
        tree::Value::String(_) => "a string",
        tree::Value::Integer(_) => "an integer",
        tree::Value::Float(_) => "a float",
        tree::Value::Boolean(_) => "a boolean",
        tree::Value::Datetime(_) => "a date-time",
        tree::Value::Array(_) => "an array",
        tree::Value::Table(_) => "a table",
    }
}

fn span_of(value: &Value<'_>) -> Span {
    value.span().into()
}

/// `"a"`, `"a-b"` or `"a-b/n"` (n at least 1) as (a, b, n).
fn parse_week_range(text: &str) -> Option<(u32, u32, u32)> {
    let (range, step) = match text.split_once('/') {
        Some((range, step)) => (range, step.trim().parse::<u32>().ok().filter(|&n| n >= 1)?),
        None => (text, 1),
    };
    let (a, b) = match range.split_once('-') {
        Some((a, b)) => (a.trim().parse().ok()?, b.trim().parse().ok()?),
        None => {
            let a = range.trim().parse().ok()?;
            (a, a)
        }
    };
    Some((a, b, step))
}

fn list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    quoted.join(", ")
}

/// Lowercase ASCII letters and digits in words joined by single hyphens.
pub fn is_kebab_case(id: &str) -> bool {
    // Words of lowercase letters and digits joined by single hyphens, read in one pass: every
    // activity id of every file is checked.
    let bytes = id.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 64
        && bytes.first() != Some(&b'-')
        && bytes.last() != Some(&b'-')
        && bytes
            .iter()
            .all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !bytes.windows(2).any(|pair| pair == b"--")
}

fn to_kebab_case(id: &str) -> String {
    let mut out = String::new();
    for c in id.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').chars().take(64).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_case() {
        assert!(is_kebab_case("case-clinic-2"));
        assert!(!is_kebab_case("Case_Clinic"));
        assert!(!is_kebab_case("a--b"));
        assert!(!is_kebab_case("-a"));
        assert_eq!(to_kebab_case("Case Clinic_2"), "case-clinic-2");
    }

    /// The one-pass check agrees with its definition (hyphen-joined words of lowercase letters
    /// and digits) on every short string over letters, digits, hyphens and other bytes.
    #[test]
    fn kebab_case_in_one_pass_matches_words() {
        let by_words = |id: &str| {
            !id.is_empty()
                && id.len() <= 64
                && id.split('-').all(|w| {
                    !w.is_empty()
                        && w.bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                })
        };
        let mut ids = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> = ids
                .iter()
                .flat_map(|id| ["a", "7", "-", "A", "_"].map(|c| format!("{id}{c}")))
                .collect();
            ids.extend(longer);
            ids.sort();
            ids.dedup();
        }
        ids.push("a".repeat(65));
        for id in &ids {
            assert_eq!(is_kebab_case(id), by_words(id), "{id:?}");
        }
    }
}
