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
use crate::diagnostic::{Diagnostic, Span};
use crate::rules::RuleId;
use crate::suggest::did_you_mean;

/// Largest course file mixplan reads, in bytes (16 MiB).
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

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
];
/// Keys of `live_at = { ... }` in `[course]`.
pub const LIVE_AT_KEYS: &[&str] = &["day", "time"];
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
    "id", "title", "kind", "minutes", "every", "weeks", "mode", "recorded",
];
/// Keys of `[check]`.
pub const CHECK_KEYS: &[&str] = &["allow"];
/// Keys of one `{ rule = "...", reason = "..." }` entry of `[check] allow`.
pub const ALLOW_KEYS: &[&str] = &["rule", "reason"];

/// The result of loading a course file: the course when it is usable, and every problem found.
#[derive(Debug)]
pub struct Loaded {
    /// The course, when the file had no errors.
    pub course: Option<Course>,
    /// Every input error, in file order.
    pub diagnostics: Vec<Diagnostic>,
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
        };
    }
    let (root, errors) = super::document::parse(text, chunk_bytes);
    let mut reader = Reader::default();
    for (message, span) in errors {
        let span = span.map(Span::from).unwrap_or_default();
        reader.diags.push(Diagnostic::error(
            RuleId::TomlSyntax,
            Some(span),
            first_line(&message),
        ));
    }
    if !reader.diags.is_empty() {
        return reader.finish(None);
    }
    let course = reader.course(root.get_ref(), root.span().into());
    reader.finish(course)
}

fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or(message).trim().to_string()
}

type Value<'i> = Spanned<DeValue<'i>>;

#[derive(Default)]
struct Reader {
    diags: Vec<Diagnostic>,
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
        }
    }

    fn error(&mut self, rule: RuleId, span: Span, message: String) -> &mut Diagnostic {
        self.diags
            .push(Diagnostic::error(rule, Some(span), message));
        self.diags.last_mut().expect("just pushed")
    }

    fn unknown_keys(&mut self, place: &Place<'_, '_>, allowed: &[&str]) {
        for (key, _) in place.table.iter() {
            if !allowed.contains(&key.get_ref().as_ref()) {
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
        let goals = match self.table(&file, "goals", "[goals]") {
            Some(place) => {
                self.unknown_keys(&place, GOALS_KEYS);
                self.enum_list(&place, "focus", "goal", Goal::NAMES, Goal::from_name)
                    .map(|(v, _)| v)
                    .unwrap_or_default()
            }
            None => Vec::new(),
        };
        let check = match self.table(&file, "check", "[check]") {
            Some(place) => self.check(&place),
            None => CheckConfig::default(),
        };
        let weeks = meta.as_ref().map(|m| m.weeks);
        let activities = self.activities(&file, weeks);

        let (meta, students, activities) = (meta?, students?, activities?);
        Some(Course {
            meta,
            students,
            content,
            goals,
            activities,
            check,
        })
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
        let start = self.start(place);
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
        let live_days = match self.enum_list(
            place,
            "live_days",
            "weekday",
            Weekday::NAMES,
            Weekday::from_name,
        ) {
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
        Some(CourseMeta {
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
        })
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
        if jiff::tz::db().get(name).is_ok() {
            return Some(name.to_string());
        }
        let names: Vec<_> = jiff::tz::db().available().collect();
        let help = match did_you_mean(name, names.iter().map(|n| n.as_str())) {
            Some(best) => format!("did you mean `{best}`?"),
            None => "use an IANA zone name such as `America/New_York` or `UTC`".into(),
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

    fn live_at(&mut self, place: &Place<'_, '_>, live_days: &[Weekday]) -> Option<Option<LiveAt>> {
        if !place.table.contains_key("live_at") {
            return Some(None);
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
            zones: zones?,
            span: place.span,
        })
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
        let mut ok = true;
        let mut seen: BTreeSet<String> = BTreeSet::new();
        for (i, item) in array.iter().enumerate() {
            let DeValue::Table(table) = item.get_ref() else {
                self.error(
                    RuleId::InvalidType,
                    span_of(item),
                    format!(
                        "each `[[students.zones]]` entry must be a table, found {}",
                        type_name(item.get_ref())
                    ),
                );
                ok = false;
                continue;
            };
            let zone_place = Place::new(
                table,
                format!("[[students.zones]] #{}", i + 1),
                span_of(item),
            );
            self.unknown_keys(&zone_place, ZONE_KEYS);
            let zone = self
                .string(&zone_place, "zone", Some("\"Asia/Tokyo\""))
                .and_then(|(name, span)| self.zone_name(name, span).map(|z| (z, span)));
            let count = self
                .integer(&zone_place, "count", Some("10"), (0, 10_000_000))
                .map(|(n, _)| n as u32);
            let available = match self.string(&zone_place, "available", None) {
                Some((text, span)) => {
                    let window = Window::parse(text);
                    if window.is_none() {
                        self.error(
                            RuleId::InvalidValue,
                            span,
                            format!("`available` must be a local window HH:MM-HH:MM, found `{text}`"),
                        )
                        .help = Some("write e.g. `available = \"08:00-22:00\"` (it may wrap past midnight, `20:00-02:00`)".into());
                    }
                    window
                }
                None if zone_place.table.contains_key("available") => None,
                None => Some(Window::DEFAULT),
            };
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
                    reason: None,
                    span: span_of(item),
                }),
                DeValue::Table(table) => {
                    let entry = Place::new(table, "an `allow` entry", span_of(item));
                    self.unknown_keys(&entry, ALLOW_KEYS);
                    let rule = self.string(&entry, "rule", Some("\"rule-id\""));
                    let reason = self.string(&entry, "reason", None);
                    if let Some((rule, span)) = rule {
                        config.allow.push(Allowance {
                            rule: rule.to_string(),
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

    fn activities(&mut self, file: &Place<'_, '_>, weeks: Option<u32>) -> Option<Vec<Activity>> {
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
        let mut ok = true;
        for (i, item) in array.iter().enumerate() {
            let DeValue::Table(table) = item.get_ref() else {
                self.error(
                    RuleId::InvalidType,
                    span_of(item),
                    format!(
                        "each `[[activities]]` entry must be a table, found {}",
                        type_name(item.get_ref())
                    ),
                );
                ok = false;
                continue;
            };
            let place = Place::new(table, format!("[[activities]] #{}", i + 1), span_of(item));
            match self.activity(&place, weeks) {
                Some(activity) => {
                    let (id, id_span) = (place.get("id"), activity.spans.id);
                    if let Some(DeValue::String(id)) = id.map(|v| v.get_ref()) {
                        if ids.contains_key(id.as_ref()) {
                            self.error(
                                RuleId::DuplicateId,
                                id_span,
                                format!("activity id `{id}` is used twice"),
                            )
                            .help = Some("give every activity its own id".into());
                            ok = false;
                        } else {
                            ids.insert(id.as_ref(), id_span);
                        }
                    }
                    activities.push(activity);
                }
                None => ok = false,
            }
        }
        ok.then_some(activities)
    }

    fn activity(&mut self, place: &Place<'_, '_>, course_weeks: Option<u32>) -> Option<Activity> {
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
        let minutes = self.integer(place, "minutes", Some("60"), (1, i64::from(MAX_MINUTES)));
        let every = self.enum_key(place, "every", "cadence", Every::NAMES, Every::from_name);
        let weeks = self.explicit_weeks(place, course_weeks);
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
        let bad_every = place.table.contains_key("every") && every.is_none();
        let bad_mode = place.table.contains_key("mode") && mode.is_none();
        let bad_recorded = place.table.contains_key("recorded") && recorded.is_none();
        if bad_every || bad_mode || bad_recorded {
            return None;
        }
        let ((id, id_span), (kind, kind_span), (minutes, minutes_span)) = (id?, kind?, minutes?);
        Some(Activity {
            id,
            title,
            kind,
            minutes: minutes as u32,
            every: every.map_or(Every::Week, |(e, _)| e),
            weeks: weeks?,
            mode: mode.map(|(m, _)| m),
            recorded: recorded.is_none_or(|(r, _)| r),
            spans: ActivitySpans {
                table: place.span,
                id: id_span,
                kind: kind_span,
                minutes: minutes_span,
                mode: mode.map(|(_, s)| s),
                recorded: recorded.map(|(_, s)| s),
            },
        })
    }

    /// `Some(None)` when absent, `None` when invalid.
    fn explicit_weeks(
        &mut self,
        place: &Place<'_, '_>,
        course_weeks: Option<u32>,
    ) -> Option<Option<Vec<u32>>> {
        if !place.table.contains_key("weeks") {
            return Some(None);
        }
        let (array, span) = self.array(place, "weeks")?;
        if array.is_empty() {
            self.error(
                RuleId::InvalidValue,
                span,
                "`weeks` must list at least one week".into(),
            )
            .help = Some("remove `weeks` to use `every`, or list e.g. `[1, 5, 9]`".into());
            return None;
        }
        let max = i64::from(course_weeks.unwrap_or(MAX_WEEKS));
        let mut weeks = BTreeSet::new();
        let mut ok = true;
        for item in array.iter() {
            match self.integer_value(&place.name, "weeks", item, (1, max)) {
                Some((week, span)) => {
                    if !weeks.insert(week as u32) {
                        self.error(
                            RuleId::DuplicateValue,
                            span,
                            format!("week {week} is listed twice in `weeks`"),
                        );
                        ok = false;
                    }
                }
                None => ok = false,
            }
        }
        ok.then(|| Some(weeks.into_iter().collect()))
    }
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
