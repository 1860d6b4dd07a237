//! `[[activities]]`: each activity's keys, its weeks and its own due.

use super::*;

/// Largest `minutes` with `per = "total"`: the per-occurrence limit over a two-year course.
const MAX_TOTAL_MINUTES: i64 = MAX_MINUTES as i64 * 104;

/// What `deliver = "last"` is checked against.
pub(super) struct DeliverKeys {
    /// Where `deliver` is written.
    span: Span,
    kind: ActivityKind,
    optional: bool,
    has_at: bool,
}

/// What `in_person = true` is checked against.
pub(super) struct InPersonKeys {
    /// Where `in_person` is written.
    span: Span,
    kind: ActivityKind,
    has_at: bool,
    async_mode: bool,
}

impl Reader {
    pub(super) fn activities(
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

    pub(super) fn activity(
        &mut self,
        place: &Place<'_, '_>,
        meta: Option<&CourseMeta>,
    ) -> Option<Activity> {
        self.unknown_keys(place, ACTIVITY_KEYS);
        let id = self
            .string(place, "id", Some("\"my-activity\""))
            .and_then(|(id, span)| {
                if is_reserved_id(id) {
                    self.error(
                        RuleId::InvalidId,
                        span,
                        format!(
                            "activity id `{id}` is reserved: `live`, `liveN`, `optional` and `optionalN` name the searched sittings"
                        ),
                    )
                    .help = Some(format!("write another id, e.g. `{id}-session`"));
                    None
                } else if is_kebab_case(id) {
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
        // With `per = "total"`, `minutes` is the whole activity's time: the per-occurrence
        // limit applies to its shares, after spreading.
        let per_total = place
            .get("per")
            .is_some_and(|v| matches!(v.get_ref(), DeValue::String(s) if s.as_ref() == "total"));
        let most = if per_total {
            MAX_TOTAL_MINUTES
        } else {
            i64::from(MAX_MINUTES)
        };
        let minutes = self.integer(place, "minutes", None, (1, most));
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
        let in_person = self.boolean(place, "in_person");
        let deliver = self.enum_key(
            place,
            "deliver",
            "`deliver` value",
            Deliver::NAMES,
            Deliver::from_name,
        );
        let segmented = self.boolean(place, "segmented");
        let prepares = self.string(place, "prepares", None);
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
        let bad_in_person = place.table.contains_key("in_person") && in_person.is_none();
        let bad_deliver = place.table.contains_key("deliver") && deliver.is_none();
        let bad_segmented = place.table.contains_key("segmented") && segmented.is_none();
        let bad_prepares = place.table.contains_key("prepares") && prepares.is_none();
        if bad_every
            || bad_mode
            || bad_recorded
            || bad_optional
            || bad_in_person
            || bad_deliver
            || bad_segmented
            || bad_prepares
        {
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
        let in_person = match in_person {
            Some((true, span)) => {
                let room = InPersonKeys {
                    span,
                    kind,
                    has_at: !at.is_empty(),
                    async_mode: matches!(mode, Some((Mode::Async, _))),
                };
                ok &= self.in_person_allowed(meta, &room);
                true
            }
            _ => false,
        };
        if let Some((Deliver::Last, span)) = deliver {
            let work = DeliverKeys {
                span,
                kind,
                optional: optional_value,
                has_at: !at.is_empty(),
            };
            ok &= self.deliver_last_allowed(&work);
        }
        if let Some((false, span)) = segmented {
            let self_paced = kind == ActivityKind::Forum
                || (exam && at.is_empty())
                || matches!(mode, Some((Mode::Async, _)));
            if self_paced {
                self.error(
                    RuleId::ConflictingKeys,
                    span,
                    "`segmented` is for live activities, and this one is self-paced".into(),
                )
                .help = Some("remove `segmented`".into());
                ok = false;
            }
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
            // A room is not recorded unless the file says so.
            recorded: recorded.map_or(!exam && !in_person, |(r, _)| r),
            at,
            due,
            optional: optional_value,
            participation,
            estimate: None,
            study_hours: None,
            minutes_total: None,
            deliver: deliver.map_or(Deliver::Each, |(d, _)| d),
            deliver_span: deliver.map(|(_, s)| s),
            in_person,
            segmented: segmented.is_none_or(|(s, _)| s),
            prepares: None,
            prepares_id: prepares.map(|(p, span)| (p.to_string(), span)),
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

    /// `in_person = true` needs a hybrid course and a fixed time, and means live: a located
    /// error otherwise. Returns whether it is allowed.
    pub(super) fn in_person_allowed(
        &mut self,
        meta: Option<&CourseMeta>,
        room: &InPersonKeys,
    ) -> bool {
        let problem = if meta.is_some_and(|m| m.delivery != Delivery::Hybrid) {
            Some((
                "`in_person = true` needs `delivery = \"hybrid\"` in `[course]`",
                "set `delivery = \"hybrid\"`, or remove `in_person` for an online course",
            ))
        } else if room.kind == ActivityKind::Forum {
            Some((
                "a forum is a self-paced board, so it cannot meet in person",
                "use `kind = \"discussion\"` for a discussion in the room",
            ))
        } else if room.async_mode {
            Some((
                "`in_person = true` meets in a room, so `mode = \"async\"` contradicts it",
                "remove `mode`, or remove `in_person` for self-paced work",
            ))
        } else if !room.has_at {
            Some((
                "`in_person = true` needs `at`: a room is booked at a fixed time",
                "add e.g. `at = { day = \"tue\", time = \"09:00\" }`",
            ))
        } else {
            None
        };
        let Some((message, help)) = problem else {
            return true;
        };
        self.error(RuleId::ConflictingKeys, room.span, message.into())
            .help = Some(help.into());
        false
    }

    /// `deliver = "last"` needs self-paced work that is due: a located error on exams, office
    /// hours, optional work and `at`. Returns whether it is allowed.
    pub(super) fn deliver_last_allowed(&mut self, work: &DeliverKeys) -> bool {
        let problem = if work.kind == ActivityKind::Exam {
            "an exam is one sitting, so it has no earlier work to deliver at the end"
        } else if work.kind == ActivityKind::OfficeHours {
            "office hours are live and never due"
        } else if work.optional {
            "optional work is never due, so `deliver = \"last\"` has nothing to deliver"
        } else if work.has_at {
            "`at` makes the activity live, so it has no due time to move to the end"
        } else {
            return true;
        };
        self.error(RuleId::ConflictingKeys, work.span, problem.into())
            .help = Some("remove `deliver`".into());
        false
    }

    /// An exam cannot be cancelled by a holiday, nor fall before `start` (nothing meets
    /// then): both are input errors rather than an exam that silently never happens.
    pub(super) fn exam_not_on_holiday(&mut self, meta: &CourseMeta, exam: &Activity) -> bool {
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
    pub(super) fn every(&mut self, place: &Place<'_, '_>) -> Option<(Every, Span)> {
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
    pub(super) fn activity_due(&mut self, place: &Place<'_, '_>) -> Option<Option<ActivityDue>> {
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

    /// `prepares = "ID"` names another activity of the file, and sits on pre-work (a
    /// `lecture`, `reading`, `demonstration` or `announcement`).
    pub(super) fn resolve_prepares(&mut self, activities: &mut [Activity]) {
        for k in 0..activities.len() {
            let Some((id, span)) = activities[k].prepares_id.clone() else {
                continue;
            };
            if !activities[k].kind.is_pre_work() {
                self.error(
                    RuleId::ConflictingKeys,
                    span,
                    format!(
                        "`prepares` is for pre-work (a lecture, reading, demonstration or announcement), and `{}` is a {}",
                        activities[k].id,
                        activities[k].kind.as_str()
                    ),
                )
                .help = Some("remove `prepares`".into());
                continue;
            }
            match activities.iter().position(|a| a.id == id) {
                Some(index) if index != k => activities[k].prepares = Some(index),
                Some(_) => {
                    self.error(
                        RuleId::InvalidValue,
                        span,
                        format!("`{id}` cannot prepare itself"),
                    )
                    .help = Some("name the live activity it prepares".into());
                }
                None => {
                    let help = did_you_mean(&id, activities.iter().map(|a| a.id.as_str()))
                        .map(|best| format!("did you mean `{best}`?"));
                    self.error(
                        RuleId::UnknownValue,
                        span,
                        format!("`prepares` names activity `{id}`, which the file does not define"),
                    )
                    .help = help;
                }
            }
        }
    }
}

/// `live`, `liveN`, `optional` and `optionalN` (N a number) name the searched sittings, so no
/// activity may take them: a sitting's id and an activity's would be read as one.
pub(crate) fn is_reserved_id(id: &str) -> bool {
    ["live", "optional"].iter().any(|prefix| {
        id.strip_prefix(prefix)
            .is_some_and(|rest| rest.chars().all(|c| c.is_ascii_digit()))
    })
}

#[cfg(test)]
mod reserved_tests {
    use super::is_reserved_id;

    #[test]
    fn sitting_names_are_reserved() {
        for id in ["live", "live2", "live10", "optional", "optional3"] {
            assert!(is_reserved_id(id), "{id}");
        }
        for id in [
            "live-session",
            "lives",
            "liver2",
            "optional-reading",
            "delivery",
        ] {
            assert!(!is_reserved_id(id), "{id}");
        }
    }
}
