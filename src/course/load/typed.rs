//! Typed readers shared by every table: strings, numbers, tables, arrays, names and enums,
//! each reporting a located error on a wrong type or value.

use super::*;

impl Reader {
    pub(super) fn finish(mut self, course: Option<Course>) -> Loaded {
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
    pub(super) fn found(&self) -> usize {
        self.diags.len() + self.omitted
    }

    /// Whether the cap is reached: further errors are only counted.
    pub(super) fn full(&self) -> bool {
        self.diags.len() >= MAX_KEPT_PER_FILE
    }

    pub(super) fn error(&mut self, rule: RuleId, span: Span, message: String) -> &mut Diagnostic {
        if self.full() {
            self.omitted += 1;
            self.spare = Diagnostic::error(rule, Some(span), String::new());
            return &mut self.spare;
        }
        self.diags
            .push(Diagnostic::error(rule, Some(span), message));
        self.diags.last_mut().expect("just pushed")
    }

    pub(super) fn unknown_keys(&mut self, place: &Place<'_, '_>, allowed: &[&str]) {
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
                    None => expected_keys(allowed),
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

    pub(super) fn missing(&mut self, place: &Place<'_, '_>, key: &str, what: &str) {
        self.error(
            RuleId::MissingKey,
            place.span,
            format!("{} is missing the required key `{key}`", place.name),
        )
        .help = Some(format!("add `{key} = {what}`"));
    }

    pub(super) fn wrong_type(
        &mut self,
        place: &Place<'_, '_>,
        key: &str,
        value: &Value<'_>,
        expected: &str,
    ) {
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

    pub(super) fn string<'t>(
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
            tree::Value::String(s) => {
                let span = span_of(value);
                self.within_text_cap(place, key, s, span)
                    .then_some((s.as_ref(), span))
            }
            _ => {
                self.wrong_type(place, key, value, "a string");
                None
            }
        }
    }

    /// Whether a text value keeps within its length cap ([`text_cap`]); a located `too-many`
    /// error otherwise, naming the length and never echoing the text. Every string read from
    /// a course file passes here, so no later step (a calendar copying a `url` into 100,000
    /// events, a table splitting a 900,000-character word) sees more than the cap.
    pub(super) fn within_text_cap(
        &mut self,
        place: &Place<'_, '_>,
        key: &str,
        text: &str,
        span: Span,
    ) -> bool {
        let cap = text_cap(key);
        let (length, unit) = match cap {
            TextCap::Bytes(_) => (text.len(), "bytes"),
            TextCap::Chars(_) => (text.chars().count(), "characters"),
        };
        let (TextCap::Bytes(max) | TextCap::Chars(max)) = cap;
        if length <= max {
            return true;
        }
        self.error(
            RuleId::TooMany,
            span,
            format!(
                "`{key}` in {} is {length} {unit} long; at most {max} are allowed",
                place.name
            ),
        )
        .help = Some(match key {
            "url" => "link to a shorter address (a link shortener, or the LMS page that holds the details)".into(),
            _ => "shorten it; long text belongs in the LMS page the course `url` links to".into(),
        });
        false
    }

    pub(super) fn integer(
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

    pub(super) fn integer_value(
        &mut self,
        place: &dyn std::fmt::Display,
        key: &str,
        value: &Value<'_>,
        (min, max): (i64, i64),
    ) -> Option<(i64, Span)> {
        let span = span_of(value);
        let tree::Value::Integer(int) = value.get_ref() else {
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

    pub(super) fn number_value(
        &mut self,
        place: &dyn std::fmt::Display,
        key: &str,
        value: &Value<'_>,
    ) -> Option<f64> {
        let parsed = match value.get_ref() {
            tree::Value::Integer(int) => i64::from_str_radix(int.as_str(), int.radix())
                .ok()
                .map(|n| n as f64),
            tree::Value::Float(float) => float.as_str().replace('_', "").parse::<f64>().ok(),
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

    pub(super) fn boolean(&mut self, place: &Place<'_, '_>, key: &str) -> Option<(bool, Span)> {
        let value = place.get(key)?;
        match value.get_ref() {
            tree::Value::Boolean(b) => Some((*b, span_of(value))),
            _ => {
                self.wrong_type(place, key, value, "`true` or `false`");
                None
            }
        }
    }

    pub(super) fn table<'t, 'i>(
        &mut self,
        place: &Place<'t, 'i>,
        key: &str,
        name: impl Into<std::borrow::Cow<'static, str>>,
    ) -> Option<Place<'t, 'i>> {
        let value = place.get(key)?;
        match value.get_ref() {
            tree::Value::Table(table) => Some(Place::new(table, name, span_of(value))),
            _ => {
                self.wrong_type(place, key, value, "a table");
                None
            }
        }
    }

    pub(super) fn array<'t, 'i>(
        &mut self,
        place: &Place<'t, 'i>,
        key: &str,
    ) -> Option<(&'t tree::Array<'i>, Span)> {
        let value = place.get(key)?;
        match value.get_ref() {
            tree::Value::Array(array) => Some((array, span_of(value))),
            _ => {
                self.wrong_type(place, key, value, "an array");
                None
            }
        }
    }

    /// Parse one name of a closed vocabulary, suggesting the closest on a miss.
    pub(super) fn name<T>(
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

    pub(super) fn enum_key<T>(
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
    pub(super) fn enum_list<T: Ord + Copy>(
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
            let tree::Value::String(text) = item.get_ref() else {
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
    pub(super) fn required_table<'t, 'i>(
        &mut self,
        file: &Place<'t, 'i>,
        key: &str,
        help: &str,
    ) -> Option<Place<'t, 'i>> {
        let name = format!("[{key}]");
        let place = self.table(file, key, name.clone());
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
}

/// "expected one of ..." for an unknown key, cut after about 200 characters so a help line
/// stays readable: the rest is counted, and `mixplan schema` lists every key.
fn expected_keys(allowed: &[&str]) -> String {
    let full = list(allowed);
    if full.len() <= 200 {
        return format!("expected one of {full}");
    }
    let mut shown: Vec<String> = Vec::new();
    let mut length = 0;
    for name in allowed {
        if length + name.len() + 4 > 200 {
            break;
        }
        length += name.len() + 4;
        shown.push(format!("`{name}`"));
    }
    format!(
        "expected one of {} and {} more (`mixplan schema` lists every key)",
        shown.join(", "),
        allowed.len() - shown.len()
    )
}

/// The most a text value may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TextCap {
    /// At most this many bytes (links, which travel as bytes).
    Bytes(usize),
    /// At most this many characters (text people read).
    Chars(usize),
}

/// The length cap of a string value, by its key: `url` 2,048 bytes; ids and references to
/// ids 100 characters; titles, locations and every other text 500 characters.
pub(super) fn text_cap(key: &str) -> TextCap {
    match key {
        "url" => TextCap::Bytes(MAX_URL_BYTES),
        "id" | "prepares" | "activity" | "rule" => TextCap::Chars(MAX_ID_CHARS),
        _ => TextCap::Chars(MAX_TEXT_CHARS),
    }
}
