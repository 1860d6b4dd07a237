//! The `[course]` table: title, weeks, dates, zone, band, breaks, holidays.

use super::*;

impl Reader {
    pub(super) fn course(&mut self, root: &tree::Table<'_>, root_span: Span) -> Option<Course> {
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
        let (mut activities, occurrences): (Option<Vec<Activity>>, Vec<Option<usize>>) =
            match self.activities(&file, meta.as_ref()) {
                Some((activities, occurrences)) => (Some(activities), occurrences),
                None => (None, Vec::new()),
            };
        if let Some(activities) = &mut activities {
            self.resolve_prepares(activities);
        }
        if let (Some(meta), Some(activities)) = (&meta, &activities) {
            self.fixed_overlaps(meta, activities);
        }
        if let Some(activities) = &activities {
            self.allowed_activities(&check, activities);
        }

        let (meta, students, activities) = (meta?, students?, activities?);
        // Checked here, before any planning: the work of everything after grows with it.
        // Every section of every week and every dated sitting counts: a sitting is shown in
        // every zone as a due item is.
        // Each activity's weeks, as counted when it was read (nothing read since changes them).
        let occurrences: u64 = activities
            .iter()
            .zip(&occurrences)
            .map(|(a, weeks)| {
                let weeks = weeks.unwrap_or_else(|| a.occurrence_weeks(&meta).len());
                weeks as u64 * a.sections() as u64
            })
            .sum();
        let zones = students.zones.len() as u64 + 1;
        if occurrences.saturating_mul(zones) > MAX_OCCURRENCE_ZONES {
            let span = activities.first().map_or(meta.span, |a| a.spans.table);
            self.error(
                RuleId::TooMany,
                span,
                format!(
                    "{occurrences} activity occurrences (each section of each week counted) over {} weeks, each shown in {zones} zones (the course's and {} student zones), make {} due times and sittings; at most {MAX_OCCURRENCE_ZONES} are allowed",
                    meta.weeks,
                    zones - 1,
                    occurrences.saturating_mul(zones)
                ),
            )
            .help = Some(
                "use fewer weekly activities (one reading list rather than one activity per reading), fewer sections, fewer weeks, or fewer student zones (zones with the same offset can share one entry)".into(),
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

    pub(super) fn meta(&mut self, place: &Place<'_, '_>) -> Option<CourseMeta> {
        self.unknown_keys(place, COURSE_KEYS);
        let title = self.course_title(place);
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
        let start = self.course_start(place, weeks);
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
        let live_days = self.live_days(place);
        let live_at = self.live_at(place, &live_days);
        let week_starts = self.week_starts(place, start.flatten());
        let term = self.term_weeks(place, weeks);
        let live_window = self.optional_window(
            place,
            "live_window",
            "local hours",
            "write e.g. `live_window = \"08:00-21:00\"`",
        );
        let due = self.course_due(place);
        let first_day = start
            .flatten()
            .map(|start| first_day(start, week_starts.day));
        let holidays = self.holidays(place, start.flatten(), first_day, weeks);
        let id = self.nonempty(place, "id");
        let url = self.url(place);
        let location = self.nonempty(place, "location");
        if week_starts.bad {
            return None;
        }
        let (credits, workload_tolerance) = self.credits(place);
        let limits = self.sitting_limits(place)?;
        Some(CourseMeta {
            prework_hours: limits.prework_hours,
            max_sitting_minutes: limits.max_sitting_minutes,
            repeat_min_students: limits.repeat_min_students,
            week_starts: week_starts.day,
            breaks: term.breaks?,
            exam_weeks: term.exam_weeks?,
            no_live: term.no_live?,
            holidays: holidays?,
            holidays_span: place.get("holidays").map(span_of),
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

    /// `title`, which must not be blank.
    fn course_title(&mut self, place: &Place<'_, '_>) -> Option<String> {
        match self.string(place, "title", Some("\"Course title\"")) {
            Some((title, span)) if title.trim().is_empty() => {
                self.error(
                    RuleId::InvalidValue,
                    span,
                    "`title` must not be empty".into(),
                );
                None
            }
            other => other.map(|(t, _)| t.to_string()),
        }
    }

    /// `start`, and a located error (and no start) when the course would run past the end
    /// of the calendar.
    fn course_start(
        &mut self,
        place: &Place<'_, '_>,
        weeks: Option<u32>,
    ) -> Option<Option<jiff::civil::Date>> {
        let start = self.start(place);
        let (Some(Some(date)), Some(weeks)) = (start, weeks) else {
            return start;
        };
        // Every course day, and a week after it for late due times in zones behind the
        // course's, must exist: the calendar of jiff (and of RFC 9557) ends in year 9999,
        // and weeks past it would silently drop out of the schedule.
        let beyond = date.checked_add(jiff::Span::new().days(i64::from(weeks) * 7 + 7));
        if beyond.is_ok() {
            return start;
        }
        let span = place.get("start").map_or(place.span, span_of);
        self.error(
            RuleId::InvalidValue,
            span,
            format!(
                "a course of {weeks} weeks from {date} runs too close to the end of the calendar (9999-12-31) to schedule"
            ),
        )
        .help = Some("check the year of `start`".into());
        None
    }

    /// `live_days`: weekdays, Monday to Friday when absent.
    fn live_days(&mut self, place: &Place<'_, '_>) -> Vec<Weekday> {
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
        match live_days {
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
        }
    }

    /// `week_starts`, or the weekday of `start`, or Monday.
    fn week_starts(
        &mut self,
        place: &Place<'_, '_>,
        start: Option<jiff::civil::Date>,
    ) -> WeekStart {
        let written = self
            .enum_key(
                place,
                "week_starts",
                "weekday",
                Weekday::NAMES,
                Weekday::from_name,
            )
            .map(|(d, _)| d);
        WeekStart {
            bad: place.table.contains_key("week_starts") && written.is_none(),
            day: written
                .or_else(|| start.map(|d| Weekday::from_jiff(d.weekday())))
                .unwrap_or(Weekday::Mon),
        }
    }

    /// `breaks`, `exam_weeks` and `no_live`, sorted; a week may not be both a break and an
    /// exam week.
    fn term_weeks(&mut self, place: &Place<'_, '_>, weeks: Option<u32>) -> TermWeeks {
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
        let sorted = |list: Option<(Vec<(u32, Span)>, Span)>| {
            list.map(|(weeks, _)| {
                let mut weeks: Vec<u32> = weeks.into_iter().map(|(w, _)| w).collect();
                weeks.sort_unstable();
                weeks
            })
        };
        TermWeeks {
            breaks: sorted(breaks),
            exam_weeks: sorted(exam_weeks),
            no_live: sorted(no_live),
        }
    }

    /// `prework_hours`, `max_sitting_minutes` and `repeat_min_students`, with their defaults.
    fn sitting_limits(&mut self, place: &Place<'_, '_>) -> Option<SittingLimits> {
        let prework_hours = self.integer(place, "prework_hours", None, (0, 168));
        let max_sitting = self.integer(place, "max_sitting_minutes", None, (1, 600));
        let repeat_min = self.integer(place, "repeat_min_students", None, (1, 10_000_000));
        let bad = |key: &str, value: &Option<(i64, Span)>| {
            place.table.contains_key(key) && value.is_none()
        };
        if bad("prework_hours", &prework_hours)
            || bad("max_sitting_minutes", &max_sitting)
            || bad("repeat_min_students", &repeat_min)
        {
            return None;
        }
        Some(SittingLimits {
            prework_hours: prework_hours.map_or(48, |(n, _)| n as u32),
            max_sitting_minutes: max_sitting.map_or(90, |(n, _)| n as u32),
            repeat_min_students: repeat_min.map(|(n, _)| n as u32),
        })
    }

    /// An optional string key that must not be blank: `Some(None)` when absent, `None` when
    /// invalid.
    pub(super) fn nonempty(&mut self, place: &Place<'_, '_>, key: &str) -> Option<Option<String>> {
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
    pub(super) fn url(&mut self, place: &Place<'_, '_>) -> Option<Option<String>> {
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
    pub(super) fn start(&mut self, place: &Place<'_, '_>) -> Option<Option<jiff::civil::Date>> {
        let Some(value) = place.get("start") else {
            return Some(None);
        };
        let span = span_of(value);
        let date = match value.get_ref() {
            tree::Value::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => dt.date,
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

    pub(super) fn zone_name(&mut self, name: &str, span: Span) -> Option<String> {
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

    pub(super) fn sync_hours(
        &mut self,
        place: &Place<'_, '_>,
    ) -> (Option<(f64, f64)>, Option<Span>) {
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
        let min = self.number_value(&"[course]", "sync_hours", &array[0]);
        let max = self.number_value(&"[course]", "sync_hours", &array[1]);
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
    pub(super) fn week_list(
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
    pub(super) fn holidays(
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
}

/// The first day of week 1: the last `week_starts` day on or before `start`.
fn first_day(start: jiff::civil::Date, week_starts: Weekday) -> jiff::civil::Date {
    let back = (i64::from(Weekday::from_jiff(start.weekday()).index())
        - i64::from(week_starts.index()))
    .rem_euclid(7);
    start
        .checked_sub(jiff::Span::new().days(back))
        .unwrap_or(start)
}

/// The weekday weeks start on, and whether `week_starts` was written wrong (reported).
struct WeekStart {
    day: Weekday,
    bad: bool,
}

/// The term's special weeks, sorted (`None` when a list was wrong, reported).
struct TermWeeks {
    breaks: Option<Vec<u32>>,
    exam_weeks: Option<Vec<u32>>,
    no_live: Option<Vec<u32>>,
}

/// How sittings are sized and when pre-work is due.
struct SittingLimits {
    prework_hours: u32,
    max_sitting_minutes: u32,
    repeat_min_students: Option<u32>,
}
