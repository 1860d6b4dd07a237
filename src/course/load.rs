//! From TOML text to a validated [`Course`], reporting every problem at once.
//!
//! The loader walks toml's spanned document tree by hand instead of deriving `Deserialize`:
//! serde stops at the first error, and users fixing a course file want all of them, each with
//! the line and column of the key or value concerned and, for a misspelling, the closest valid
//! name. The walk is linear in the size of the document.

use std::collections::{BTreeSet, HashMap};

use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

use super::*;
use crate::diagnostic::{Diagnostic, MAX_KEPT_PER_FILE, Span};
use crate::rules::RuleId;
use crate::suggest::did_you_mean;

mod workload;
pub use workload::{POST_KEYS, READ_KEYS, WATCH_KEYS, WRITE_KEYS};

/// Largest course file mixplan reads, in bytes (16 MiB).
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// Read a course file's bytes from `source`, stopping one byte past [`MAX_INPUT_BYTES`] so
/// that [`load_bytes`] can tell an oversized file without reading all of it. Every reader of
/// course files (the CLI's, standard input, `mixplan check`'s) goes through here.
pub fn read_bounded(source: impl std::io::Read) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
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
];
/// Keys of `live_at = { ... }` in `[course]`.
pub const LIVE_AT_KEYS: &[&str] = &["day", "time"];
/// Keys of `due = { ... }` in `[course]` (an activity's `due` takes `day` and `time` only).
pub const DUE_KEYS: &[&str] = &["day", "time", "timezone"];
/// Keys of an activity's `due = { ... }`.
pub const ACTIVITY_DUE_KEYS: &[&str] = &["day", "time"];
/// Keys of one `at = { ... }` of an activity: `day` and `time`, or `date` and `time`.
pub const AT_KEYS: &[&str] = &["day", "time", "date"];
/// Keys of `[students]`.
pub const STUDENTS_KEYS: &[&str] = &["count", "populations", "reliable_internet", "zones"];
/// Keys of one `[[students.zones]]` entry.
pub const ZONE_KEYS: &[&str] = &["zone", "count", "available"];
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
    let (root, errors) = super::document::parse(text, chunk_bytes);
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
        // The parser spans a table from its header to its last key; findings about the
        // whole table point at the header line alone.
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

type Value<'i> = Spanned<DeValue<'i>>;

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
    table: &'t DeTable<'i>,
    name: String,
    span: Span,
}

impl<'t, 'i> Place<'t, 'i> {
    fn new(table: &'t DeTable<'i>, name: impl Into<String>, span: Span) -> Self {
        Place {
            table,
            name: name.into(),
            span,
        }
    }

    fn get(&self, key: &str) -> Option<&'t Value<'i>> {
        self.table.get(key)
    }
}

fn type_name(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

fn span_of(value: &Value<'_>) -> Span {
    value.span().into()
}

impl Reader {
    fn finish(mut self, course: Option<Course>) -> Loaded {
        self.diags
            .sort_by_key(|d| (d.span.map(|s| (s.start, s.end)), d.rule));
        let course = if self.diags.is_empty() { course } else { None };
        Loaded {
            course,
            diagnostics: self.diags,
            omitted: self.omitted,
        }
    }

    /// Errors found so far, kept or not.
    fn found(&self) -> usize {
        self.diags.len() + self.omitted
    }

    /// Whether the cap is reached: further errors are only counted.
    fn full(&self) -> bool {
        self.diags.len() >= MAX_KEPT_PER_FILE
    }

    fn error(&mut self, rule: RuleId, span: Span, message: String) -> &mut Diagnostic {
        if self.full() {
            self.omitted += 1;
            self.spare = Diagnostic::error(rule, Some(span), String::new());
            return &mut self.spare;
        }
        self.diags
            .push(Diagnostic::error(rule, Some(span), message));
        self.diags.last_mut().expect("just pushed")
    }

    fn unknown_keys(&mut self, place: &Place<'_, '_>, allowed: &[&str]) {
        for (key, _) in place.table.iter() {
            if !allowed.contains(&key.get_ref().as_ref()) {
                if self.full() {
                    // Counted without the suggestion: comparing a million generated keys
                    // with every allowed one is most of the time such a file costs.
                    self.omitted += 1;
                    continue;
                }
                let help = match did_you_mean(key.get_ref(), allowed.iter().copied()) {
                    Some(best) => format!("did you mean `{best}`?"),
                    None => format!("expected one of {}", list(allowed)),
                };
                self.error(
                    RuleId::UnknownKey,
                    key.span().into(),
                    format!("unknown key `{}` in {}", key.get_ref(), place.name),
                )
                .help = Some(help);
            }
        }
    }

    fn missing(&mut self, place: &Place<'_, '_>, key: &str, what: &str) {
        self.error(
            RuleId::MissingKey,
            place.span,
            format!("{} is missing the required key `{key}`", place.name),
        )
        .help = Some(format!("add `{key} = {what}`"));
    }

    fn wrong_type(&mut self, place: &Place<'_, '_>, key: &str, value: &Value<'_>, expected: &str) {
        self.error(
            RuleId::InvalidType,
            span_of(value),
            format!(
                "`{key}` in {} must be {expected}, found {}",
                place.name,
                type_name(value.get_ref())
            ),
        );
    }

    fn string<'t>(
        &mut self,
        place: &Place<'t, '_>,
        key: &str,
        required: Option<&str>,
    ) -> Option<(&'t str, Span)> {
        let value = match place.get(key) {
            Some(value) => value,
            None => {
                if let Some(what) = required {
                    self.missing(place, key, what);
                }
                return None;
            }
        };
        match value.get_ref() {
            DeValue::String(s) => Some((s.as_ref(), span_of(value))),
            _ => {
                self.wrong_type(place, key, value, "a string");
                None
            }
        }
    }

    fn integer(
        &mut self,
        place: &Place<'_, '_>,
        key: &str,
        required: Option<&str>,
        range: (i64, i64),
    ) -> Option<(i64, Span)> {
        let value = match place.get(key) {
            Some(value) => value,
            None => {
                if let Some(what) = required {
                    self.missing(place, key, what);
                }
                return None;
            }
        };
        self.integer_value(&place.name, key, value, range)
    }

    fn integer_value(
        &mut self,
        place: &str,
        key: &str,
        value: &Value<'_>,
        (min, max): (i64, i64),
    ) -> Option<(i64, Span)> {
        let span = span_of(value);
        let DeValue::Integer(int) = value.get_ref() else {
            self.error(
                RuleId::InvalidType,
                span,
                format!(
                    "`{key}` in {place} must be a whole number, found {}",
                    type_name(value.get_ref())
                ),
            );
            return None;
        };
        match i64::from_str_radix(int.as_str(), int.radix()) {
            Ok(n) if (min..=max).contains(&n) => Some((n, span)),
            _ => {
                self.error(
                    RuleId::OutOfRange,
                    span,
                    format!("`{key}` in {place} must be between {min} and {max}, found {int}"),
                );
                None
            }
        }
    }

    fn number_value(&mut self, place: &str, key: &str, value: &Value<'_>) -> Option<f64> {
        let parsed = match value.get_ref() {
            DeValue::Integer(int) => i64::from_str_radix(int.as_str(), int.radix())
                .ok()
                .map(|n| n as f64),
            DeValue::Float(float) => float.as_str().replace('_', "").parse::<f64>().ok(),
            _ => None,
        };
        match parsed {
            Some(n) if n.is_finite() => Some(n),
            _ => {
                self.error(
                    RuleId::InvalidType,
                    span_of(value),
                    format!(
                        "`{key}` in {place} must be a finite number, found {}",
                        type_name(value.get_ref())
                    ),
                );
                None
            }
        }
    }

    fn boolean(&mut self, place: &Place<'_, '_>, key: &str) -> Option<(bool, Span)> {
        let value = place.get(key)?;
        match value.get_ref() {
            DeValue::Boolean(b) => Some((*b, span_of(value))),
            _ => {
                self.wrong_type(place, key, value, "`true` or `false`");
                None
            }
        }
    }

    fn table<'t, 'i>(
        &mut self,
        place: &Place<'t, 'i>,
        key: &str,
        name: &str,
    ) -> Option<Place<'t, 'i>> {
        let value = place.get(key)?;
        match value.get_ref() {
            DeValue::Table(table) => Some(Place::new(table, name, span_of(value))),
            _ => {
                self.wrong_type(place, key, value, "a table");
                None
            }
        }
    }

    fn array<'t, 'i>(
        &mut self,
        place: &Place<'t, 'i>,
        key: &str,
    ) -> Option<(&'t DeArray<'i>, Span)> {
        let value = place.get(key)?;
        match value.get_ref() {
            DeValue::Array(array) => Some((array, span_of(value))),
            _ => {
                self.wrong_type(place, key, value, "an array");
                None
            }
        }
    }

    /// Parse one name of a closed vocabulary, suggesting the closest on a miss.
    fn name<T>(
        &mut self,
        what: &str,
        text: &str,
        span: Span,
        names: &[&str],
        parse: fn(&str) -> Option<T>,
    ) -> Option<T> {
        if let Some(value) = parse(text) {
            return Some(value);
        }
        let help = match did_you_mean(text, names.iter().copied()) {
            Some(best) => format!("did you mean `{best}`?"),
            None => format!("expected one of {}", list(names)),
        };
        self.error(
            RuleId::UnknownValue,
            span,
            format!("unknown {what} `{text}`"),
        )
        .help = Some(help);
        None
    }

    fn enum_key<T>(
        &mut self,
        place: &Place<'_, '_>,
        key: &str,
        what: &str,
        names: &[&str],
        parse: fn(&str) -> Option<T>,
    ) -> Option<(T, Span)> {
        let (text, span) = self.string(place, key, None)?;
        self.name(what, text, span, names, parse).map(|v| (v, span))
    }

    /// An array of names, each validated, duplicates reported.
    fn enum_list<T: Ord + Copy>(
        &mut self,
        place: &Place<'_, '_>,
        key: &str,
        what: &str,
        names: &[&str],
        parse: fn(&str) -> Option<T>,
    ) -> Option<(Vec<T>, Span)> {
        let (array, span) = self.array(place, key)?;
        let mut seen = BTreeSet::new();
        for item in array.iter() {
            let DeValue::String(text) = item.get_ref() else {
                self.error(
                    RuleId::InvalidType,
                    span_of(item),
                    format!(
                        "`{key}` in {} must list strings, found {}",
                        place.name,
                        type_name(item.get_ref())
                    ),
                );
                continue;
            };
            if let Some(value) = self.name(what, text, span_of(item), names, parse)
                && !seen.insert(value)
            {
                self.error(
                    RuleId::DuplicateValue,
                    span_of(item),
                    format!("{what} `{text}` is listed twice in `{key}`"),
                );
            }
        }
        Some((seen.into_iter().collect(), span))
    }

    /// A table the file must have, reported as missing (with `help`) when absent.
    fn required_table<'t, 'i>(
        &mut self,
        file: &Place<'t, 'i>,
        key: &str,
        help: &str,
    ) -> Option<Place<'t, 'i>> {
        let name = format!("[{key}]");
        let place = self.table(file, key, &name);
        if place.is_none() && !file.table.contains_key(key) {
            self.error(
                RuleId::MissingKey,
                file.span,
                format!("the file has no `{name}` table"),
            )
            .help = Some(help.into());
        }
        place
    }

    fn course(&mut self, root: &DeTable<'_>, root_span: Span) -> Option<Course> {
        let file = Place::new(
            root,
            "the course file",
            Span::new(root_span.start, root_span.start),
        );
        self.unknown_keys(&file, FILE_KEYS);
        let meta = self
            .required_table(
                &file,
                "course",
                "add `[course]` with at least `title` and `weeks`",
            )
            .and_then(|place| self.meta(&place));
        let students = self
            .required_table(&file, "students", "add `[students]` with at least `count`")
            .and_then(|place| self.students(&place));
        let content = match self.table(&file, "content", "[content]") {
            Some(place) => {
                self.unknown_keys(&place, CONTENT_KEYS);
                self.enum_list(
                    &place,
                    "types",
                    "content type",
                    ContentType::NAMES,
                    ContentType::from_name,
                )
                .map(|(v, _)| v)
                .unwrap_or_default()
            }
            None => Vec::new(),
        };
        let (goals, goals_span) = match self.table(&file, "goals", "[goals]") {
            Some(place) => {
                self.unknown_keys(&place, GOALS_KEYS);
                self.enum_list(&place, "focus", "goal", Goal::NAMES, Goal::from_name)
                    .map_or((Vec::new(), None), |(v, span)| (v, Some(span)))
            }
            None => (Vec::new(), None),
        };
        let check = match self.table(&file, "check", "[check]") {
            Some(place) => self.check(&place),
            None => CheckConfig::default(),
        };
        let activities = self.activities(&file, meta.as_ref());
        if let (Some(meta), Some(activities)) = (&meta, &activities) {
            self.fixed_overlaps(meta, activities);
        }
        if let Some(activities) = &activities {
            self.allowed_activities(&check, activities);
        }

        let (meta, students, activities) = (meta?, students?, activities?);
        // Checked here, before any planning: the work of everything after grows with it.
        let occurrences: u64 = activities
            .iter()
            .map(|a| a.occurrence_weeks(&meta).len() as u64)
            .sum();
        let zones = students.zones.len() as u64 + 1;
        if occurrences.saturating_mul(zones) > MAX_OCCURRENCE_ZONES {
            let span = activities.first().map_or(meta.span, |a| a.spans.table);
            self.error(
                RuleId::TooMany,
                span,
                format!(
                    "{occurrences} activity occurrences over {} weeks, each due in {zones} zones (the course's and {} student zones), make {} due times; at most {MAX_OCCURRENCE_ZONES} are allowed",
                    meta.weeks,
                    zones - 1,
                    occurrences.saturating_mul(zones)
                ),
            )
            .help = Some(
                "use fewer weekly activities (one reading list rather than one activity per reading), fewer weeks, or fewer student zones (zones with the same offset can share one entry)".into(),
            );
            return None;
        }
        let course = Course {
            meta,
            students,
            content,
            goals,
            goals_span,
            activities,
            check,
        };
        self.credits_need_teaching_weeks(&course);
        Some(course)
    }

    fn meta(&mut self, place: &Place<'_, '_>) -> Option<CourseMeta> {
        self.unknown_keys(place, COURSE_KEYS);
        let title = match self.string(place, "title", Some("\"Course title\"")) {
            Some((title, span)) if title.trim().is_empty() => {
                self.error(
                    RuleId::InvalidValue,
                    span,
                    "`title` must not be empty".into(),
                );
                None
            }
            other => other.map(|(t, _)| t.to_string()),
        };
        let weeks = self
            .integer(place, "weeks", Some("12"), (1, i64::from(MAX_WEEKS)))
            .map(|(n, _)| n as u32);
        let delivery = self
            .enum_key(
                place,
                "delivery",
                "delivery",
                Delivery::NAMES,
                Delivery::from_name,
            )
            .map_or(Delivery::Online, |(d, _)| d);
        let mut start = self.start(place);
        if let (Some(Some(date)), Some(weeks)) = (start, weeks) {
            // Every course day, and a week after it for late due times in zones behind the
            // course's, must exist: the calendar of jiff (and of RFC 9557) ends in year 9999,
            // and weeks past it would silently drop out of the schedule.
            let beyond = date.checked_add(jiff::Span::new().days(i64::from(weeks) * 7 + 7));
            if beyond.is_err() {
                let span = place.get("start").map_or(place.span, span_of);
                self.error(
                    RuleId::InvalidValue,
                    span,
                    format!(
                        "a course of {weeks} weeks from {date} runs too close to the end of the calendar (9999-12-31) to schedule"
                    ),
                )
                .help = Some("check the year of `start`".into());
                start = None;
            }
        }
        let timezone = match self.string(place, "timezone", None) {
            Some((name, span)) => self.zone_name(name, span),
            None => Some("UTC".to_string()),
        };
        let (sync_hours, sync_hours_span) = self.sync_hours(place);
        let pattern = self
            .enum_key(
                place,
                "pattern",
                "pattern",
                Pattern::NAMES,
                Pattern::from_name,
            )
            .map_or(Pattern::Auto, |(p, _)| p);
        let before = self.found();
        let live_days = self.enum_list(
            place,
            "live_days",
            "weekday",
            Weekday::NAMES,
            Weekday::from_name,
        );
        // One misspelt day is one error: when the list already has one, it is neither called
        // empty nor held against `live_at` (which may name the day meant).
        let clean = self.found() == before;
        let live_days = match live_days {
            Some(_) if !clean => Weekday::ALL.to_vec(),
            Some((days, span)) if days.is_empty() => {
                self.error(
                    RuleId::InvalidValue,
                    span,
                    "`live_days` must name at least one weekday".into(),
                );
                Vec::new()
            }
            Some((days, _)) => days,
            None => Weekday::ALL[..5].to_vec(),
        };
        let live_at = self.live_at(place, &live_days);
        let week_starts = self
            .enum_key(
                place,
                "week_starts",
                "weekday",
                Weekday::NAMES,
                Weekday::from_name,
            )
            .map(|(d, _)| d);
        let bad_week_starts = place.table.contains_key("week_starts") && week_starts.is_none();
        let week_starts = week_starts
            .or_else(|| {
                start
                    .flatten()
                    .map(|d: jiff::civil::Date| Weekday::from_jiff(d.weekday()))
            })
            .unwrap_or(Weekday::Mon);
        let breaks = self.week_list(place, "breaks", weeks);
        let exam_weeks = self.week_list(place, "exam_weeks", weeks);
        let no_live = self.week_list(place, "no_live", weeks);
        if let (Some(breaks), Some((exams, _))) = (&breaks, &exam_weeks) {
            for (week, span) in exams {
                if breaks.0.iter().any(|(b, _)| b == week) {
                    self.error(
                        RuleId::InvalidValue,
                        *span,
                        format!("week {week} is both a break and an exam week"),
                    )
                    .help = Some("remove it from `breaks` or from `exam_weeks`".into());
                }
            }
        }
        let live_window = self.optional_window(
            place,
            "live_window",
            "local hours",
            "write e.g. `live_window = \"08:00-21:00\"`",
        );
        let due = self.course_due(place);
        let first_day = start.flatten().map(|start| {
            let back = (i64::from(Weekday::from_jiff(start.weekday()).index())
                - i64::from(week_starts.index()))
            .rem_euclid(7);
            start
                .checked_sub(jiff::Span::new().days(back))
                .unwrap_or(start)
        });
        let holidays = self.holidays(place, start.flatten(), first_day, weeks);
        let id = self.nonempty(place, "id");
        let url = self.url(place);
        let location = self.nonempty(place, "location");
        if bad_week_starts {
            return None;
        }
        let sorted = |list: Option<(Vec<(u32, Span)>, Span)>| {
            list.map(|(weeks, _)| {
                let mut weeks: Vec<u32> = weeks.into_iter().map(|(w, _)| w).collect();
                weeks.sort_unstable();
                weeks
            })
        };
        let (credits, workload_tolerance) = self.credits(place);
        Some(CourseMeta {
            week_starts,
            breaks: sorted(breaks)?,
            exam_weeks: sorted(exam_weeks)?,
            no_live: sorted(no_live)?,
            holidays: holidays?,
            live_window: live_window?,
            due: due?,
            title: title?,
            weeks: weeks?,
            delivery,
            start: start.unwrap_or(None),
            timezone: timezone?,
            sync_hours: sync_hours?,
            pattern,
            live_days,
            live_at: live_at.unwrap_or(None),
            span: place.span,
            sync_hours_span,
            credits: credits?,
            workload_tolerance: workload_tolerance?,
            id: id?,
            url: url?,
            location: location?,
        })
    }

    /// An optional string key that must not be blank: `Some(None)` when absent, `None` when
    /// invalid.
    fn nonempty(&mut self, place: &Place<'_, '_>, key: &str) -> Option<Option<String>> {
        if !place.table.contains_key(key) {
            return Some(None);
        }
        let (text, span) = self.string(place, key, None)?;
        if text.trim().is_empty() {
            self.error(
                RuleId::InvalidValue,
                span,
                format!("`{key}` must not be empty; leave the key out instead"),
            );
            return None;
        }
        Some(Some(text.to_string()))
    }

    /// An optional `url`: an absolute `http` or `https` address, since calendars and the
    /// student page turn it into a link (a `javascript:` or `file:` link there would be a trap).
    fn url(&mut self, place: &Place<'_, '_>) -> Option<Option<String>> {
        let url = self.nonempty(place, "url")?;
        let Some(url) = url else {
            return Some(None);
        };
        let lower = url.to_ascii_lowercase();
        let scheme_ok = ["https://", "http://"]
            .iter()
            .any(|s| lower.starts_with(s) && lower.len() > s.len());
        if !scheme_ok || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
            let span = place.get("url").map(span_of).unwrap_or(place.span);
            self.error(
                RuleId::InvalidValue,
                span,
                format!("`url` must be an http or https address without spaces, not `{url}`"),
            )
            .help = Some("write e.g. `url = \"https://lms.example.edu/courses/559\"`".into());
            return None;
        }
        Some(Some(url))
    }

    /// `Some(None)` when absent, `None` when invalid.
    fn start(&mut self, place: &Place<'_, '_>) -> Option<Option<jiff::civil::Date>> {
        let Some(value) = place.get("start") else {
            return Some(None);
        };
        let span = span_of(value);
        let date = match value.get_ref() {
            DeValue::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => dt.date,
            _ => None,
        };
        let parsed = date.and_then(|d| {
            jiff::civil::Date::new(i16::try_from(d.year).ok()?, d.month as i8, d.day as i8).ok()
        });
        match parsed {
            Some(date) => Some(Some(date)),
            None => {
                self.error(
                    RuleId::InvalidValue,
                    span,
                    format!(
                        "`start` in [course] must be a TOML date such as 2027-01-11, found {}",
                        type_name(value.get_ref())
                    ),
                )
                .help = Some("write the date without quotes and without a time".into());
                None
            }
        }
    }

    fn zone_name(&mut self, name: &str, span: Span) -> Option<String> {
        if let Some(zone) = super::zones::normalize(name) {
            return Some(zone);
        }
        let help = if let Some(iana) = super::zones::windows_zone(name) {
            format!("`{name}` is a Windows zone name; write its IANA name `{iana}`")
        } else {
            let names: Vec<_> = jiff::tz::db().available().collect();
            match did_you_mean(name, names.iter().map(|n| n.as_str())) {
                Some(best) => format!("did you mean `{best}`?"),
                None => "use an IANA zone name such as `America/New_York` or `UTC`".into(),
            }
        };
        self.error(
            RuleId::UnknownZone,
            span,
            format!("unknown time zone `{name}`"),
        )
        .help = Some(help);
        None
    }

    fn sync_hours(&mut self, place: &Place<'_, '_>) -> (Option<(f64, f64)>, Option<Span>) {
        let Some((array, span)) = self.array(place, "sync_hours") else {
            let ok = !place.table.contains_key("sync_hours");
            return (ok.then_some(DEFAULT_SYNC_HOURS), None);
        };
        if array.len() != 2 {
            self.error(
                RuleId::InvalidValue,
                span,
                format!(
                    "`sync_hours` must be two numbers [min, max], found {} values",
                    array.len()
                ),
            )
            .help = Some("write e.g. `sync_hours = [1.0, 3.0]`".into());
            return (None, Some(span));
        }
        let min = self.number_value("[course]", "sync_hours", &array[0]);
        let max = self.number_value("[course]", "sync_hours", &array[1]);
        let (Some(min), Some(max)) = (min, max) else {
            return (None, Some(span));
        };
        if !(0.0..=168.0).contains(&min) || !(0.0..=168.0).contains(&max) {
            self.error(
                RuleId::OutOfRange,
                span,
                "`sync_hours` values must be between 0 and 168 hours a week".into(),
            );
            return (None, Some(span));
        }
        if min > max {
            self.error(
                RuleId::InvalidValue,
                span,
                format!("`sync_hours` minimum {min} is above its maximum {max}"),
            )
            .help = Some(format!("write `sync_hours = [{max}, {min}]`"));
            return (None, Some(span));
        }
        (Some((min, max)), Some(span))
    }

    /// `breaks`, `exam_weeks` or `no_live`: distinct weeks of the course. `Some((vec![], _))`
    /// when absent, `None` when invalid.
    fn week_list(
        &mut self,
        place: &Place<'_, '_>,
        key: &str,
        weeks: Option<u32>,
    ) -> Option<(Vec<(u32, Span)>, Span)> {
        if !place.table.contains_key(key) {
            return Some((Vec::new(), place.span));
        }
        let (array, span) = self.array(place, key)?;
        let max = i64::from(weeks.unwrap_or(MAX_WEEKS));
        let mut out: Vec<(u32, Span)> = Vec::new();
        let mut ok = true;
        for item in array.iter() {
            match self.integer_value(&place.name, key, item, (1, max)) {
                Some((week, span)) if out.iter().any(|(w, _)| i64::from(*w) == week) => {
                    self.error(
                        RuleId::DuplicateValue,
                        span,
                        format!("week {week} is listed twice in `{key}`"),
                    );
                    ok = false;
                }
                Some((week, span)) => out.push((week as u32, span)),
                None => ok = false,
            }
        }
        ok.then_some((out, span))
    }

    /// `holidays`: TOML dates inside the course. `Some(vec![])` when absent.
    fn holidays(
        &mut self,
        place: &Place<'_, '_>,
        start: Option<jiff::civil::Date>,
        first_day: Option<jiff::civil::Date>,
        weeks: Option<u32>,
    ) -> Option<Vec<jiff::civil::Date>> {
        if !place.table.contains_key("holidays") {
            return Some(Vec::new());
        }
        let (array, span) = self.array(place, "holidays")?;
        if start.is_none() && !array.is_empty() {
            self.error(
                RuleId::MissingKey,
                span,
                "`holidays` are dates, so the course needs a `start` date".into(),
            )
            .help = Some("add e.g. `start = 2027-01-12` to [course]".into());
            return None;
        }
        let mut out = Vec::new();
        let mut ok = true;
        for item in array.iter() {
            let Some(date) = self.date_value("holidays", item) else {
                ok = false;
                continue;
            };
            let span = span_of(item);
            let end = first_day.zip(weeks).and_then(|(first, weeks)| {
                first
                    .checked_add(jiff::Span::new().days(7 * i64::from(weeks) - 1))
                    .ok()
            });
            if let (Some(start), Some(end)) = (start, end)
                && (date < start || date > end)
            {
                self.error(
                    RuleId::OutOfRange,
                    span,
                    format!(
                        "holiday {date} is outside the course, which runs from {start} to {end}"
                    ),
                )
                .help = Some("remove it, or check the year".into());
                ok = false;
                continue;
            }
            if out.contains(&date) {
                self.error(
                    RuleId::DuplicateValue,
                    span,
                    format!("holiday {date} is listed twice"),
                );
                ok = false;
                continue;
            }
            out.push(date);
        }
        out.sort_unstable();
        ok.then_some(out)
    }

    /// A TOML date without time or offset, or an error naming `key`.
    fn date_value(&mut self, key: &str, value: &Value<'_>) -> Option<jiff::civil::Date> {
        let date = match value.get_ref() {
            DeValue::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => dt.date,
            _ => None,
        };
        let parsed = date.and_then(|d| {
            jiff::civil::Date::new(i16::try_from(d.year).ok()?, d.month as i8, d.day as i8).ok()
        });
        if parsed.is_none() {
            self.error(
                RuleId::InvalidValue,
                span_of(value),
                format!(
                    "`{key}` must be a TOML date such as 2027-02-15, found {}",
                    type_name(value.get_ref())
                ),
            )
            .help = Some("write the date without quotes and without a time".into());
        }
        parsed
    }

    /// `day` and `time` of a `due` or `at` table.
    fn day_time(&mut self, at: &Place<'_, '_>) -> (Option<Weekday>, Option<TimeOfDay>) {
        let day = self
            .string(at, "day", Some("\"sun\""))
            .and_then(|(text, span)| {
                self.name("weekday", text, span, Weekday::NAMES, Weekday::from_name)
            });
        (day, self.time_of_day(at))
    }

    fn time_of_day(&mut self, at: &Place<'_, '_>) -> Option<TimeOfDay> {
        let (text, span) = self.string(at, "time", Some("\"23:59\""))?;
        let parsed = TimeOfDay::parse(text);
        if parsed.is_none() {
            self.error(
                RuleId::InvalidValue,
                span,
                format!("`time` must be a 24-hour time HH:MM, found `{text}`"),
            )
            .help = Some("write e.g. `time = \"18:30\"`".into());
        }
        parsed
    }

    /// `[course] due`. `Some(None)` when absent.
    fn course_due(&mut self, place: &Place<'_, '_>) -> Option<Option<CourseDue>> {
        if !place.table.contains_key("due") {
            return Some(None);
        }
        let due = self.table(place, "due", "`due`")?;
        self.unknown_keys(&due, DUE_KEYS);
        let (day, time) = self.day_time(&due);
        let timezone = match self.string(&due, "timezone", None) {
            // `AoE` in any case, like every zone name, is corrected to its one spelling.
            Some((name, span)) => self.zone_name(name, span).map(Some),
            None if due.table.contains_key("timezone") => None,
            None => Some(None),
        };
        Some(Some(CourseDue {
            day: day?,
            time: time?,
            timezone: timezone?,
            span: due.span,
        }))
    }

    fn live_at(&mut self, place: &Place<'_, '_>, live_days: &[Weekday]) -> Option<Option<LiveAt>> {
        if !place.table.contains_key("live_at") {
            return Some(None);
        }
        if let Some(value) = place.get("live_at")
            && let DeValue::Array(_) = value.get_ref()
        {
            self.error(
                RuleId::InvalidType,
                span_of(value),
                "`live_at` pins one weekly slot for the whole course, found a list".into(),
            )
            .help = Some(
                "keep one `{ day = ..., time = ... }` here; to fix several times, give each activity its own `at` (a list there makes sections)"
                    .into(),
            );
            return None;
        }
        let at = self.table(place, "live_at", "`live_at`")?;
        self.unknown_keys(&at, LIVE_AT_KEYS);
        let day = self.string(&at, "day", Some("\"wed\""));
        let time = self.string(&at, "time", Some("\"18:00\""));
        let day = day.and_then(|(text, span)| {
            let day = self.name("weekday", text, span, Weekday::NAMES, Weekday::from_name)?;
            if place.table.contains_key("live_days") && !live_days.contains(&day) {
                self.error(
                    RuleId::InvalidValue,
                    span,
                    format!("`live_at` is on `{day}`, which `live_days` does not allow"),
                )
                .help = Some(format!(
                    "add `{day}` to `live_days` or pick one of its days"
                ));
                return None;
            }
            Some(day)
        });
        let time = time.and_then(|(text, span)| {
            let parsed = TimeOfDay::parse(text);
            if parsed.is_none() {
                self.error(
                    RuleId::InvalidValue,
                    span,
                    format!("`time` must be a 24-hour time HH:MM, found `{text}`"),
                )
                .help = Some("write e.g. `time = \"18:30\"`".into());
            }
            parsed
        });
        Some(Some(LiveAt {
            day: day?,
            time: time?,
            span: at.span,
        }))
    }

    fn students(&mut self, place: &Place<'_, '_>) -> Option<Students> {
        self.unknown_keys(place, STUDENTS_KEYS);
        let count = self
            .integer(place, "count", Some("30"), (1, 10_000_000))
            .map(|(n, _)| n as u32);
        let populations = self
            .enum_list(
                place,
                "populations",
                "population",
                Population::NAMES,
                Population::from_name,
            )
            .map(|(v, _)| v)
            .unwrap_or_default();
        let reliable_internet = match place.get("reliable_internet") {
            Some(value) => match self.number_value("[students]", "reliable_internet", value) {
                Some(share) if (0.0..=1.0).contains(&share) => Some(Some(share)),
                Some(share) => {
                    self.error(
                        RuleId::OutOfRange,
                        span_of(value),
                        format!("`reliable_internet` is a share between 0 and 1, found {share}"),
                    )
                    .help = Some("write 0.85 for 85%".into());
                    None
                }
                None => None,
            },
            None => Some(None),
        };
        let zones = self.zones(place, count);
        Some(Students {
            count: count?,
            populations,
            reliable_internet: reliable_internet?,
            reliable_internet_span: place.get("reliable_internet").map(span_of),
            zones: zones?,
            span: place.span,
        })
    }

    /// An optional `HH:MM-HH:MM` window at `key`: `Some(None)` when it is not written,
    /// `None` when it is written wrong (the error is reported).
    fn optional_window(
        &mut self,
        place: &Place<'_, '_>,
        key: &str,
        what: &str,
        help: &str,
    ) -> Option<Option<Window>> {
        match self.string(place, key, None) {
            Some((text, span)) => {
                let window = Window::parse(text);
                if window.is_none() {
                    self.error(
                        RuleId::InvalidValue,
                        span,
                        format!("`{key}` must be {what} HH:MM-HH:MM, found `{text}`"),
                    )
                    .help = Some(help.into());
                }
                window.map(Some)
            }
            None if place.table.contains_key(key) => None,
            None => Some(None),
        }
    }

    /// The tables of an array of tables (`[[name]]`), each as a place named `[[name]] #n`;
    /// an entry that is not a table is an error, and the flag says whether all were tables.
    fn entries<'t, 'i>(
        &mut self,
        array: &'t DeArray<'i>,
        name: &str,
    ) -> (Vec<Place<'t, 'i>>, bool) {
        let mut places = Vec::with_capacity(array.len());
        let mut ok = true;
        for (i, item) in array.iter().enumerate() {
            match item.get_ref() {
                DeValue::Table(table) => {
                    places.push(Place::new(
                        table,
                        format!("{name} #{}", i + 1),
                        span_of(item),
                    ));
                }
                other => {
                    self.error(
                        RuleId::InvalidType,
                        span_of(item),
                        format!(
                            "each `{name}` entry must be a table, found {}",
                            type_name(other)
                        ),
                    );
                    ok = false;
                }
            }
        }
        (places, ok)
    }

    fn zones(&mut self, place: &Place<'_, '_>, total: Option<u32>) -> Option<Vec<StudentZone>> {
        let Some((array, span)) = self.array(place, "zones") else {
            return (!place.table.contains_key("zones")).then(Vec::new);
        };
        if array.len() > MAX_ZONES {
            self.error(
                RuleId::TooMany,
                span,
                format!(
                    "{} student zones listed; at most {MAX_ZONES} are allowed",
                    array.len()
                ),
            );
            return None;
        }
        let mut zones = Vec::with_capacity(array.len());
        let (places, mut ok) = self.entries(array, "[[students.zones]]");
        let mut seen: BTreeSet<String> = BTreeSet::new();
        for zone_place in places {
            self.unknown_keys(&zone_place, ZONE_KEYS);
            let zone = self
                .string(&zone_place, "zone", Some("\"Asia/Tokyo\""))
                .and_then(|(name, span)| self.zone_name(name, span).map(|z| (z, span)));
            let count = self
                .integer(&zone_place, "count", Some("10"), (0, 10_000_000))
                .map(|(n, _)| n as u32);
            // `Some(None)`: not given; the availability layer picks the window.
            let available = self.optional_window(
                &zone_place,
                "available",
                "a local window",
                "write e.g. `available = \"08:00-22:00\"` (it may wrap past midnight, `20:00-02:00`)",
            );
            match (zone, count, available) {
                (Some((zone, zone_span)), Some(count), Some(available)) => {
                    if seen.contains(&zone) {
                        self.error(
                            RuleId::DuplicateValue,
                            zone_span,
                            format!("zone `{zone}` is listed twice in [[students.zones]]"),
                        )
                        .help = Some(
                            "add its students to the first entry for this zone and remove this one"
                                .into(),
                        );
                        ok = false;
                        continue;
                    }
                    seen.insert(zone.clone());
                    zones.push(StudentZone {
                        zone,
                        count,
                        available,
                        span: zone_place.span,
                    });
                }
                _ => ok = false,
            }
        }
        let listed: u64 = zones.iter().map(|z| u64::from(z.count)).sum();
        if let Some(total) = total
            && listed > u64::from(total)
        {
            self.error(
                RuleId::InvalidValue,
                span,
                format!("the zones list {listed} students but `count` is {total}"),
            )
            .help = Some(format!(
                "raise `count` to at least {listed} or lower the zone counts"
            ));
            ok = false;
        }
        ok.then_some(zones)
    }

    fn check(&mut self, place: &Place<'_, '_>) -> CheckConfig {
        self.unknown_keys(place, CHECK_KEYS);
        let mut config = CheckConfig::default();
        let Some((array, _)) = self.array(place, "allow") else {
            return config;
        };
        for item in array.iter() {
            match item.get_ref() {
                DeValue::String(rule) => config.allow.push(Allowance {
                    rule: rule.to_string(),
                    activity: None,
                    reason: None,
                    span: span_of(item),
                }),
                DeValue::Table(table) => {
                    let entry = Place::new(table, "an `allow` entry", span_of(item));
                    self.unknown_keys(&entry, ALLOW_KEYS);
                    let rule = self.string(&entry, "rule", Some("\"rule-id\""));
                    let activity = self.string(&entry, "activity", None);
                    let reason = self.string(&entry, "reason", None);
                    if let Some((rule, span)) = rule {
                        config.allow.push(Allowance {
                            rule: rule.to_string(),
                            activity: activity.map(|(a, s)| (a.to_string(), s)),
                            reason: reason.map(|(r, _)| r.to_string()),
                            span,
                        });
                    }
                }
                other => {
                    self.error(
                        RuleId::InvalidType,
                        span_of(item),
                        format!(
                            "each `allow` entry must be a rule id or {{ rule = \"...\", reason = \"...\" }}, found {}",
                            type_name(other)
                        ),
                    );
                }
            }
        }
        config
    }

    /// An `allow` entry naming an activity must name one of the file's.
    fn allowed_activities(&mut self, check: &CheckConfig, activities: &[Activity]) {
        for entry in &check.allow {
            let Some((id, span)) = &entry.activity else {
                continue;
            };
            if activities.iter().any(|a| a.id == *id) {
                continue;
            }
            let help = did_you_mean(id, activities.iter().map(|a| a.id.as_str()))
                .map(|best| format!("did you mean `{best}`?"));
            self.error(
                RuleId::UnknownValue,
                *span,
                format!("`[check] allow` names activity `{id}`, which the file does not define"),
            )
            .help = help;
        }
    }

    /// Two fixed sittings that overlap on the same date: each fixed time with the activities
    /// that share it is one sitting lasting the sum of their minutes.
    fn fixed_overlaps(&mut self, meta: &CourseMeta, activities: &[Activity]) {
        // (week, minute of the week, activity index, time index)
        let mut starts: Vec<(u32, i64, usize, usize)> = Vec::new();
        for (index, activity) in activities.iter().enumerate() {
            if activity.at.is_empty() {
                continue;
            }
            for week in activity.occurrence_weeks(meta) {
                for (n, at) in activity.at.iter().enumerate() {
                    let minute = meta.days_into_week(at.day) * 1440 + i64::from(at.time.minutes);
                    starts.push((week, minute, index, n));
                }
            }
        }
        starts.sort_unstable();
        // Sittings: runs of equal (week, minute); their length is the sum of minutes.
        let mut sittings: Vec<(u32, i64, i64, usize, usize)> = Vec::new();
        for &(week, minute, index, n) in &starts {
            let minutes = i64::from(activities[index].minutes);
            match sittings.last_mut() {
                Some(last) if last.0 == week && last.1 == minute => last.2 += minutes,
                _ => sittings.push((week, minute, minutes, index, n)),
            }
        }
        let mut reported: BTreeSet<(usize, usize)> = BTreeSet::new();
        for pair in sittings.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if a.0 != b.0 || a.1 + a.2 <= b.1 || !reported.insert((b.3, b.4)) {
                continue;
            }
            let (first, second) = (&activities[a.3], &activities[b.3]);
            let at = second.at[b.4];
            let day = first.at[a.4];
            self.error(
                RuleId::OverlappingSittings,
                at.span,
                format!(
                    "`{}` at {} {} overlaps `{}` at {} {} ({} minutes) in week {}",
                    second.id, at.day, at.time, first.id, day.day, day.time, a.2, b.0
                ),
            )
            .help = Some(
                "move one of them, or split their `weeks` so they never meet in the same week"
                    .into(),
            );
        }
        // An exam sits alone, and optional work never shares a sitting with required work:
        // another activity fixed at the same time would share its sitting.
        for pair in starts.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if a.0 == b.0 && a.1 == b.1 && a.2 != b.2 {
                let (x, y) = (&activities[a.2], &activities[b.2]);
                let (why, help) = if x.is_exam() || y.is_exam() {
                    ("an exam sits alone", "give the exam its own time")
                } else if x.optional != y.optional {
                    (
                        "optional work never shares a sitting with required work",
                        "give the optional activity its own time",
                    )
                } else {
                    continue;
                };
                if reported.insert((b.2, b.3)) {
                    self.error(
                        RuleId::OverlappingSittings,
                        y.at[b.3].span,
                        format!(
                            "`{}` and `{}` are fixed at the same time in week {}, and {why}",
                            x.id, y.id, a.0
                        ),
                    )
                    .help = Some(help.into());
                }
            }
        }
    }

    fn activities(
        &mut self,
        file: &Place<'_, '_>,
        meta: Option<&CourseMeta>,
    ) -> Option<Vec<Activity>> {
        let Some((array, span)) = self.array(file, "activities") else {
            if !file.table.contains_key("activities") {
                self.error(
                    RuleId::MissingKey,
                    file.span,
                    "the file has no `[[activities]]`".into(),
                )
                .help = Some(
                    "add at least one `[[activities]]` table with `id`, `kind` and `minutes`"
                        .into(),
                );
            }
            return None;
        };
        if array.len() > MAX_ACTIVITIES {
            self.error(
                RuleId::TooMany,
                span,
                format!(
                    "{} activities; at most {MAX_ACTIVITIES} are allowed",
                    array.len()
                ),
            );
            return None;
        }
        if array.is_empty() {
            self.error(RuleId::MissingKey, span, "`activities` is empty".into());
            return None;
        }
        let mut activities = Vec::with_capacity(array.len());
        let mut ids: HashMap<&str, Span> = HashMap::with_capacity(array.len());
        let (places, mut ok) = self.entries(array, "[[activities]]");
        for place in places {
            // Duplicates are found from the written ids, whatever else is wrong with either
            // activity, so every problem of the file shows in one run.
            if let Some(value) = place.get("id")
                && let DeValue::String(id) = value.get_ref()
            {
                if ids.contains_key(id.as_ref()) {
                    self.error(
                        RuleId::DuplicateId,
                        span_of(value),
                        format!("activity id `{id}` is used twice"),
                    )
                    .help = Some("give every activity its own id".into());
                    ok = false;
                } else {
                    ids.insert(id.as_ref(), span_of(value));
                }
            }
            match self.activity(&place, meta) {
                Some(activity) => activities.push(activity),
                None => ok = false,
            }
        }
        ok.then_some(activities)
    }

    fn activity(&mut self, place: &Place<'_, '_>, meta: Option<&CourseMeta>) -> Option<Activity> {
        self.unknown_keys(place, ACTIVITY_KEYS);
        let id = self
            .string(place, "id", Some("\"my-activity\""))
            .and_then(|(id, span)| {
                if is_kebab_case(id) {
                    Some((id.to_string(), span))
                } else {
                    let fixed = to_kebab_case(id);
                    self.error(
                        RuleId::InvalidId,
                        span,
                        format!("activity id `{id}` must be lowercase kebab-case"),
                    )
                    .help = (!fixed.is_empty()).then(|| format!("write `{fixed}`"));
                    None
                }
            });
        let title = self
            .string(place, "title", None)
            .map(|(t, _)| t.to_string());
        let kind = match self.string(place, "kind", Some("\"discussion\"")) {
            Some((text, span)) => self
                .name(
                    "activity kind",
                    text,
                    span,
                    ActivityKind::NAMES,
                    ActivityKind::from_name,
                )
                .map(|k| (k, span)),
            None => None,
        };
        let exam = matches!(kind, Some((ActivityKind::Exam, _)));
        let estimated = self.has_estimator(place);
        let minutes = self.integer(place, "minutes", None, (1, i64::from(MAX_MINUTES)));
        if !estimated && !place.table.contains_key("minutes") {
            self.missing_minutes(place);
        }
        let every = self.every(place);
        let weeks = self.explicit_weeks(place, meta, exam);
        if place.table.contains_key("every") && place.table.contains_key("weeks") {
            let span = place.get("weeks").map(span_of).unwrap_or(place.span);
            self.error(
                RuleId::ConflictingKeys,
                span,
                format!("{} sets both `every` and `weeks`", place.name),
            )
            .help = Some("keep one: `weeks` lists the exact weeks, `every` a cadence".into());
            return None;
        }
        let mode = self.enum_key(place, "mode", "mode", Mode::NAMES, Mode::from_name);
        let recorded = self.boolean(place, "recorded");
        let optional = self.boolean(place, "optional");
        let participation = self
            .enum_list(
                place,
                "participation",
                "participation",
                Participation::NAMES,
                Participation::from_name,
            )
            .map(|(v, _)| v)
            .unwrap_or_default();
        let at = self.at(place, meta);
        let due = self.activity_due(place);
        let url = self.url(place);
        let location = self.nonempty(place, "location");
        let bad_every = place.table.contains_key("every") && every.is_none();
        let bad_mode = place.table.contains_key("mode") && mode.is_none();
        let bad_recorded = place.table.contains_key("recorded") && recorded.is_none();
        let bad_optional = place.table.contains_key("optional") && optional.is_none();
        if bad_every || bad_mode || bad_recorded || bad_optional {
            return None;
        }
        let ((id, id_span), (kind, kind_span)) = (id?, kind?);
        let (at, due, mut weeks) = (at?, due?, weeks?);
        let optional_default = kind == ActivityKind::OfficeHours;
        let optional_value = optional.map_or(optional_default, |(o, _)| o);
        let mut ok = true;
        // What each kind allows, most specific message first.
        if let Some((mode, span)) = mode {
            let problem = match (kind, mode) {
                (ActivityKind::Exam, _) => Some((
                    "`mode` cannot be set on an exam".to_string(),
                    "remove `mode`; fix the exam's time with `at`, or leave it out for a self-paced timed exam".to_string(),
                )),
                (ActivityKind::Forum, Mode::Sync) => Some((
                    "a forum is an asynchronous discussion board and cannot be live".to_string(),
                    "use `kind = \"discussion\"` for a live discussion".to_string(),
                )),
                (ActivityKind::OfficeHours, Mode::Async) => Some((
                    "office hours are live by nature and cannot be self-paced".to_string(),
                    "use `kind = \"forum\"` or `kind = \"q-and-a\"` for questions answered in writing".to_string(),
                )),
                (_, Mode::Async) if !at.is_empty() => Some((
                    "`at` fixes a live time, so `mode = \"async\"` contradicts it".to_string(),
                    "remove `at` for self-paced work, or remove `mode`".to_string(),
                )),
                _ => None,
            };
            if let Some((message, help)) = problem {
                self.error(RuleId::ConflictingKeys, span, message).help = Some(help);
                ok = false;
            }
        }
        let at_span = place.get("at").map(span_of);
        if kind == ActivityKind::Forum
            && let Some(span) = at_span
        {
            self.error(
                RuleId::ConflictingKeys,
                span,
                "a forum is always self-paced, so it has no live time `at`".into(),
            )
            .help =
                Some("remove `at`, or use `kind = \"discussion\"` for a live discussion".into());
            ok = false;
        }
        if let Some(due) = &due {
            let problem = if optional_value {
                Some("optional work is never due, so it takes no `due`")
            } else if kind == ActivityKind::OfficeHours {
                Some("office hours are live, so they take no `due`")
            } else if !at.is_empty() {
                Some("`at` makes the activity live, so it takes no `due`")
            } else if matches!(mode, Some((Mode::Sync, _))) {
                Some("a live activity takes no `due`")
            } else {
                None
            };
            if let Some(message) = problem {
                self.error(RuleId::ConflictingKeys, due.span, message.into())
                    .help = Some("remove `due`".into());
                ok = false;
            }
        }
        // A dated `at` names its own week.
        if let Some(date) = at.first().and_then(|a| a.date) {
            if place.table.contains_key("weeks") || place.table.contains_key("every") {
                self.error(
                    RuleId::ConflictingKeys,
                    at[0].span,
                    "a dated `at` is a one-off, so `weeks` and `every` do not apply".into(),
                )
                .help =
                    Some("remove `weeks`/`every`, or give `at` a `day` instead of a `date`".into());
                ok = false;
            } else if let Some(week) = meta.and_then(|m| m.week_of(date)) {
                weeks = Some(vec![week]);
            }
        }
        if exam && weeks.is_none() && every.is_none() && at.iter().all(|a| a.date.is_none()) {
            self.error(
                RuleId::MissingKey,
                kind_span,
                "an exam needs `weeks`, `every = \"once\"` or a dated `at`".into(),
            )
            .help = Some("add e.g. `weeks = [8]`".into());
            ok = false;
        }
        if exam
            && matches!(every, Some((Every::Week | Every::TwoWeeks, _)))
            && let Some((_, span)) = every
        {
            self.error(
                RuleId::InvalidValue,
                span,
                "an exam does not recur; it needs `weeks` or `every = \"once\"`".into(),
            )
            .help = Some("list its weeks, e.g. `weeks = [8, 16]`".into());
            ok = false;
        }
        let (Some(url), Some(location)) = (url, location) else {
            return None;
        };
        let mut activity = Activity {
            id,
            title,
            url,
            location,
            kind,
            minutes: 0,
            every: every.map_or(Every::Week, |(e, _)| e),
            weeks,
            mode: match kind {
                ActivityKind::Forum => Some(Mode::Async),
                ActivityKind::OfficeHours => Some(Mode::Sync),
                _ if !at.is_empty() => Some(Mode::Sync),
                ActivityKind::Exam => Some(Mode::Async),
                _ => mode.map(|(m, _)| m),
            },
            recorded: recorded.map_or(!exam, |(r, _)| r),
            at,
            due,
            optional: optional_value,
            participation,
            estimate: None,
            study_hours: None,
            spans: ActivitySpans {
                table: place.span,
                id: id_span,
                kind: kind_span,
                minutes: minutes.map_or(place.span, |(_, s)| s),
                mode: mode.map(|(_, s)| s),
                recorded: recorded.map(|(_, s)| s),
                weeks: place.get("weeks").map(span_of),
                at: at_span,
            },
        };
        if exam && let Some(meta) = meta {
            ok &= self.exam_not_on_holiday(meta, &activity);
        }
        let occurrences = meta.map(|m| activity.occurrence_weeks(m).len());
        ok &= self.workload(place, &mut activity, minutes, occurrences);
        ok.then_some(activity)
    }

    /// An exam cannot be cancelled by a holiday, nor fall before `start` (nothing meets
    /// then): both are input errors rather than an exam that silently never happens.
    fn exam_not_on_holiday(&mut self, meta: &CourseMeta, exam: &Activity) -> bool {
        for week in exam.occurrence_weeks(meta) {
            for at in &exam.at {
                let date = at.date.or_else(|| meta.date_of(week, at.day));
                if let (Some(date), Some(start)) = (date, meta.start)
                    && date < start
                {
                    self.error(
                        RuleId::OutOfRange,
                        at.span,
                        format!(
                            "exam `{}` falls on {date} (week {week}), before the course's `start` {start}",
                            exam.id
                        ),
                    )
                    .help = Some("move the exam to a later day or week".into());
                    return false;
                }
                if let Some(date) = date.filter(|d| meta.is_holiday(*d)) {
                    self.error(
                        RuleId::InvalidValue,
                        at.span,
                        format!("exam `{}` falls on holiday {date} (week {week})", exam.id),
                    )
                    .help = Some("move the exam, or remove that week from its `weeks`".into());
                    return false;
                }
            }
        }
        true
    }

    /// `every`, with the names people write for a fortnightly cadence understood.
    fn every(&mut self, place: &Place<'_, '_>) -> Option<(Every, Span)> {
        let (text, span) = self.string(place, "every", None)?;
        if let Some(every) = Every::from_name(text) {
            return Some((every, span));
        }
        let lower = text.to_ascii_lowercase().replace(['_', ' '], "-");
        // Jaro-Winkler ranks `biweekly` closest to `week`, the opposite of what it means.
        let alias = match lower.as_str() {
            "biweekly" | "bi-weekly" | "fortnightly" | "fortnight" | "every-other-week"
            | "2-week" | "two-weeks" | "2weeks" | "other-week" => Some(Every::TwoWeeks),
            "weekly" | "every-week" | "weeks" => Some(Every::Week),
            "one-off" | "oneoff" | "single" | "one-time" => Some(Every::Once),
            _ => None,
        };
        let help = match alias
            .map(Every::as_str)
            .or_else(|| did_you_mean(text, Every::NAMES.iter().copied()))
        {
            Some(best) => format!("did you mean `{best}`?"),
            None => format!("expected one of {}", list(Every::NAMES)),
        };
        self.error(
            RuleId::UnknownValue,
            span,
            format!("unknown cadence `{text}`"),
        )
        .help = Some(help);
        None
    }

    /// An activity's `due = { day, time }`. `Some(None)` when absent.
    fn activity_due(&mut self, place: &Place<'_, '_>) -> Option<Option<ActivityDue>> {
        if !place.table.contains_key("due") {
            return Some(None);
        }
        let due = self.table(place, "due", "`due`")?;
        if let Some(key) = due.table.iter().find(|(k, _)| k.get_ref() == "timezone") {
            self.error(
                RuleId::UnknownKey,
                key.0.span().into(),
                "an activity's `due` takes no `timezone`: every due time is read in one zone"
                    .into(),
            )
            .help = Some("set the zone once, in `[course] due = { ..., timezone = ... }`".into());
            return None;
        }
        self.unknown_keys(&due, ACTIVITY_DUE_KEYS);
        let (day, time) = self.day_time(&due);
        Some(Some(ActivityDue {
            day: day?,
            time: time?,
            span: due.span,
        }))
    }

    /// `at`: one fixed weekly time, a list of them (sections), or one dated one-off.
    /// Empty when absent, `None` when invalid.
    fn at(&mut self, place: &Place<'_, '_>, meta: Option<&CourseMeta>) -> Option<Vec<FixedTime>> {
        let Some(value) = place.get("at") else {
            return Some(Vec::new());
        };
        match value.get_ref() {
            DeValue::Table(table) => {
                let at = Place::new(table, "`at`", span_of(value));
                self.fixed_time(&at, meta, true).map(|t| vec![t])
            }
            DeValue::Array(array) => {
                if array.is_empty() {
                    self.error(
                        RuleId::InvalidValue,
                        span_of(value),
                        "`at` must list at least one time".into(),
                    )
                    .help = Some("remove `at` to let mixplan find a time".into());
                    return None;
                }
                let mut out = Vec::new();
                let mut ok = true;
                for item in array.iter() {
                    let DeValue::Table(table) = item.get_ref() else {
                        self.error(
                            RuleId::InvalidType,
                            span_of(item),
                            format!(
                                "each time in `at` must be {{ day = \"tue\", time = \"17:30\" }}, found {}",
                                type_name(item.get_ref())
                            ),
                        );
                        ok = false;
                        continue;
                    };
                    let at = Place::new(table, "`at`", span_of(item));
                    match self.fixed_time(&at, meta, false) {
                        Some(t)
                            if out
                                .iter()
                                .any(|o: &FixedTime| o.day == t.day && o.time == t.time) =>
                        {
                            self.error(
                                RuleId::DuplicateValue,
                                t.span,
                                format!("{} {} is listed twice in `at`", t.day, t.time),
                            );
                            ok = false;
                        }
                        Some(t) => out.push(t),
                        None => ok = false,
                    }
                }
                ok.then_some(out)
            }
            _ => {
                self.wrong_type(
                    place,
                    "at",
                    value,
                    "a table such as { day = \"tue\", time = \"17:30\" } or a list of them",
                );
                None
            }
        }
    }

    fn fixed_time(
        &mut self,
        at: &Place<'_, '_>,
        meta: Option<&CourseMeta>,
        alone: bool,
    ) -> Option<FixedTime> {
        self.unknown_keys(at, AT_KEYS);
        if at.table.contains_key("date") {
            if let Some(key) = at.table.iter().find(|(k, _)| k.get_ref() == "day") {
                self.error(
                    RuleId::ConflictingKeys,
                    key.0.span().into(),
                    "`at` has both `date` and `day`".into(),
                )
                .help = Some("keep `date` for a one-off, `day` for a weekly time".into());
                return None;
            }
            if !alone {
                self.error(
                    RuleId::InvalidValue,
                    at.span,
                    "a dated one-off cannot be one of several sections in `at`".into(),
                )
                .help = Some("give the one-off its own activity".into());
                return None;
            }
            let date = self.date_value("date", at.get("date")?);
            let time = self.time_of_day(at);
            let date = date?;
            // Without a valid [course] the course is not usable anyway; its errors are reported.
            let meta = meta?;
            if meta.start.is_none() {
                self.error(
                    RuleId::MissingKey,
                    at.span,
                    "a dated `at` needs the course's `start` date".into(),
                )
                .help = Some("add e.g. `start = 2027-01-12` to [course]".into());
                return None;
            }
            let date_span = at.get("date").map(span_of).unwrap_or(at.span);
            match meta.week_of(date) {
                Some(week) if meta.start.is_some_and(|s| date < s) => {
                    let _ = week;
                    self.error(
                        RuleId::OutOfRange,
                        date_span,
                        format!("{date} is before the course's `start`"),
                    );
                    return None;
                }
                Some(week) if !meta.is_teaching(week, true) => {
                    self.error(
                        RuleId::InvalidValue,
                        date_span,
                        format!("{date} falls in week {week}, a break week"),
                    )
                    .help = Some("pick a date in a teaching week".into());
                    return None;
                }
                Some(_) => {}
                None => {
                    self.error(
                        RuleId::OutOfRange,
                        date_span,
                        format!("{date} is outside the course's {} weeks", meta.weeks),
                    )
                    .help = Some("check the year and the course's `start` and `weeks`".into());
                    return None;
                }
            }
            return Some(FixedTime {
                day: Weekday::from_jiff(date.weekday()),
                time: time?,
                date: Some(date),
                span: at.span,
            });
        }
        let (day, time) = self.day_time(at);
        Some(FixedTime {
            day: day?,
            time: time?,
            date: None,
            span: at.span,
        })
    }

    /// `weeks`: integers, `"a-b"` ranges and `"a-b/n"` steps. Ranges and steps skip breaks
    /// (and, for work other than exams, exam weeks); a bare integer naming one is an error.
    /// `Some(None)` when absent, `None` when invalid.
    fn explicit_weeks(
        &mut self,
        place: &Place<'_, '_>,
        meta: Option<&CourseMeta>,
        exam: bool,
    ) -> Option<Option<Vec<u32>>> {
        let Some(value) = place.get("weeks") else {
            return Some(None);
        };
        let value_span = span_of(value);
        let array = match value.get_ref() {
            DeValue::Array(array) => array,
            DeValue::String(text) => {
                self.error(
                    RuleId::InvalidType,
                    value_span,
                    format!("`weeks` in {} must be a list, found a string", place.name),
                )
                .help = Some(format!("write `weeks = [\"{text}\"]`"));
                return None;
            }
            DeValue::Integer(n) => {
                self.error(
                    RuleId::InvalidType,
                    value_span,
                    format!("`weeks` in {} must be a list, found an integer", place.name),
                )
                .help = Some(format!("write `weeks = [{}]`", n.as_str()));
                return None;
            }
            _ => {
                self.wrong_type(place, "weeks", value, "an array");
                return None;
            }
        };
        if array.is_empty() {
            self.error(
                RuleId::InvalidValue,
                value_span,
                "`weeks` must list at least one week".into(),
            )
            .help = Some("remove `weeks` to use `every`, or list e.g. `[1, 5, 9]`".into());
            return None;
        }
        let course_weeks = meta.map_or(MAX_WEEKS, |m| m.weeks);
        let max = i64::from(course_weeks);
        let teaching = |week: u32| meta.is_none_or(|m| m.is_teaching(week, exam));
        let mut weeks = BTreeSet::new();
        let mut bare = BTreeSet::new();
        let mut ok = true;
        for item in array.iter() {
            if let DeValue::String(text) = item.get_ref() {
                let span = span_of(item);
                match parse_week_range(text) {
                    Some((a, b, step)) => {
                        if a > b {
                            self.error(
                                RuleId::InvalidValue,
                                span,
                                format!("week range `{text}` runs backwards"),
                            )
                            .help = Some(format!("write `\"{b}-{a}\"`"));
                            ok = false;
                        } else if a < 1 || i64::from(b) > max {
                            self.error(
                                RuleId::OutOfRange,
                                span,
                                format!(
                                    "week range `{text}` must lie within weeks 1 to {course_weeks}"
                                ),
                            );
                            ok = false;
                        } else {
                            let before = weeks.len();
                            weeks.extend((a..=b).step_by(step as usize).filter(|&w| teaching(w)));
                            if weeks.len() == before
                                && (a..=b).step_by(step as usize).all(|w| !teaching(w))
                            {
                                self.error(
                                    RuleId::InvalidValue,
                                    span,
                                    format!("week range `{text}` names no teaching week"),
                                );
                                ok = false;
                            }
                        }
                    }
                    None => {
                        self.error(
                            RuleId::InvalidValue,
                            span,
                            format!(
                                "`{text}` in `weeks` is not a week, a range `a-b` or a step `a-b/n`"
                            ),
                        )
                        .help = Some("write e.g. `weeks = [1, \"3-7\", \"9-15/2\"]`".into());
                        ok = false;
                    }
                }
                continue;
            }
            match self.integer_value(&place.name, "weeks", item, (1, max)) {
                Some((week, span)) => {
                    let week = week as u32;
                    if !bare.insert(week) {
                        self.error(
                            RuleId::DuplicateValue,
                            span,
                            format!("week {week} is listed twice in `weeks`"),
                        );
                        ok = false;
                    } else if let Some(meta) = meta
                        && !meta.is_teaching(week, exam)
                    {
                        let what = if meta.breaks.contains(&week) {
                            "a break week: nothing meets and nothing is due"
                        } else {
                            "an exam week: only exams run"
                        };
                        self.error(RuleId::InvalidValue, span, format!("week {week} is {what}"))
                            .help = Some(format!("remove {week} from `weeks`"));
                        ok = false;
                    } else {
                        weeks.insert(week);
                    }
                }
                None => ok = false,
            }
        }
        ok.then(|| Some(weeks.into_iter().collect()))
    }
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
    !id.is_empty()
        && id.len() <= 64
        && id.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
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
}
