//! `at`: fixed weekly times, sections and dated one-offs, and explicit week lists.

use super::*;

impl Reader {
    /// `at`: one fixed weekly time, a list of them (sections), or one dated one-off.
    /// Empty when absent, `None` when invalid.
    pub(super) fn at(
        &mut self,
        place: &Place<'_, '_>,
        meta: Option<&CourseMeta>,
    ) -> Option<Vec<FixedTime>> {
        let Some(value) = place.get("at") else {
            return Some(Vec::new());
        };
        match value.get_ref() {
            tree::Value::Table(table) => {
                let at = Place::new(table, "`at`", span_of(value));
                self.fixed_time(&at, meta, true).map(|t| vec![t])
            }
            tree::Value::Array(array) => {
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
                    let tree::Value::Table(table) = item.get_ref() else {
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
                        // Parallel sections share a time in different rooms.
                        Some(t)
                            if out.iter().any(|o: &FixedTime| {
                                o.day == t.day
                                    && o.time == t.time
                                    && (o.location.is_none() || o.location == t.location)
                            }) =>
                        {
                            self.error(
                                RuleId::DuplicateValue,
                                t.span,
                                format!("{} {} is listed twice in `at`", t.day, t.time),
                            )
                            .help = Some(
                                "give each parallel section its own `location`, or remove one"
                                    .into(),
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

    pub(super) fn fixed_time(
        &mut self,
        at: &Place<'_, '_>,
        meta: Option<&CourseMeta>,
        alone: bool,
    ) -> Option<FixedTime> {
        self.unknown_keys(at, AT_KEYS);
        let location = self.nonempty(at, "location");
        let url = self.url(at);
        let (location, url) = (location?, url?);
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
                location,
                url,
                span: at.span,
            });
        }
        let (day, time) = self.day_time(at);
        Some(FixedTime {
            day: day?,
            time: time?,
            date: None,
            location,
            url,
            span: at.span,
        })
    }

    /// `weeks`: integers, `"a-b"` ranges and `"a-b/n"` steps. Ranges and steps skip breaks
    /// (and, for work other than exams, exam weeks); a bare integer naming one is an error.
    /// `Some(None)` when absent, `None` when invalid.
    pub(super) fn explicit_weeks(
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
            tree::Value::Array(array) => array,
            tree::Value::String(text) => {
                self.error(
                    RuleId::InvalidType,
                    value_span,
                    format!("`weeks` in {} must be a list, found a string", place.name),
                )
                .help = Some(format!("write `weeks = [\"{text}\"]`"));
                return None;
            }
            tree::Value::Integer(n) => {
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
        let mut weeks = BTreeSet::new();
        let mut bare = BTreeSet::new();
        let mut ok = true;
        for item in array.iter() {
            if let tree::Value::String(text) = item.get_ref() {
                let scope = WeekScope {
                    meta,
                    exam,
                    course_weeks,
                };
                ok &= self.week_range(text, span_of(item), &scope, &mut weeks);
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

    /// One `"a-b"` or `"a-b/n"` item of `weeks`, added to `weeks` without its breaks (and,
    /// for work other than exams, exam weeks). Returns whether it was valid.
    fn week_range(
        &mut self,
        text: &str,
        span: Span,
        scope: &WeekScope<'_>,
        weeks: &mut BTreeSet<u32>,
    ) -> bool {
        let course_weeks = scope.course_weeks;
        let teaching = |week: u32| scope.meta.is_none_or(|m| m.is_teaching(week, scope.exam));
        let Some((a, b, step)) = parse_week_range(text) else {
            self.error(
                RuleId::InvalidValue,
                span,
                format!("`{text}` in `weeks` is not a week, a range `a-b` or a step `a-b/n`"),
            )
            .help = Some("write e.g. `weeks = [1, \"3-7\", \"9-15/2\"]`".into());
            return false;
        };
        if a > b {
            self.error(
                RuleId::InvalidValue,
                span,
                format!("week range `{text}` runs backwards"),
            )
            .help = Some(format!("write `\"{b}-{a}\"`"));
            return false;
        }
        if a < 1 || b > course_weeks {
            self.error(
                RuleId::OutOfRange,
                span,
                format!("week range `{text}` must lie within weeks 1 to {course_weeks}"),
            );
            return false;
        }
        let before = weeks.len();
        weeks.extend((a..=b).step_by(step as usize).filter(|&w| teaching(w)));
        if weeks.len() == before && (a..=b).step_by(step as usize).all(|w| !teaching(w)) {
            self.error(
                RuleId::InvalidValue,
                span,
                format!("week range `{text}` names no teaching week"),
            );
            return false;
        }
        true
    }
}

/// What the weeks of `weeks` are checked against.
struct WeekScope<'m> {
    meta: Option<&'m CourseMeta>,
    /// Whether the activity is an exam (exams may meet in exam weeks).
    exam: bool,
    /// The course's weeks, or the most a course may have when `[course]` is unreadable.
    course_weeks: u32,
}
