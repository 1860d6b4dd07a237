//! Dates, weekdays and times of day: `due`, `live_at` and the pieces they share.

use super::*;

impl Reader {
    /// A TOML date without time or offset, or an error naming `key`.
    pub(super) fn date_value(&mut self, key: &str, value: &Value<'_>) -> Option<jiff::civil::Date> {
        let date = match value.get_ref() {
            tree::Value::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => dt.date,
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
    pub(super) fn day_time(&mut self, at: &Place<'_, '_>) -> (Option<Weekday>, Option<TimeOfDay>) {
        let day = self
            .string(at, "day", Some("\"sun\""))
            .and_then(|(text, span)| {
                self.name("weekday", text, span, Weekday::NAMES, Weekday::from_name)
            });
        (day, self.time_of_day(at))
    }

    pub(super) fn time_of_day(&mut self, at: &Place<'_, '_>) -> Option<TimeOfDay> {
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
    pub(super) fn course_due(&mut self, place: &Place<'_, '_>) -> Option<Option<CourseDue>> {
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

    pub(super) fn live_at(
        &mut self,
        place: &Place<'_, '_>,
        live_days: &[Weekday],
    ) -> Option<Option<LiveAt>> {
        if !place.table.contains_key("live_at") {
            return Some(None);
        }
        if let Some(value) = place.get("live_at")
            && let tree::Value::Array(_) = value.get_ref()
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
}
