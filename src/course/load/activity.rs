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

/// An activity's kind and what follows from it, read before the cross-key checks.
struct Shape {
    kind: ActivityKind,
    /// Where `kind` is written.
    kind_span: Span,
    exam: bool,
    /// `optional`, or its default (office hours are optional).
    optional: bool,
}

/// The keys of one `[[activities]]` table read on their own, before they are checked
/// against each other.
struct ActivityKeys {
    every: Option<(Every, Span)>,
    /// `weeks` as written (`None`: absent); a dated `at` sets it.
    weeks: Option<Vec<u32>>,
    mode: Option<(Mode, Span)>,
    recorded: Option<(bool, Span)>,
    optional: Option<(bool, Span)>,
    in_person: Option<(bool, Span)>,
    deliver: Option<(Deliver, Span)>,
    segmented: Option<(bool, Span)>,
    prepares: Option<(String, Span)>,
    participation: Vec<Participation>,
    at: Vec<FixedTime>,
    /// Where `at` is written.
    at_span: Option<Span>,
    due: Option<ActivityDue>,
    /// `None` when the value was wrong (reported), `Some(None)` when absent.
    url: Option<Option<String>>,
    location: Option<Option<String>>,
}

/// The outcome of the cross-key checks: whether they passed, and whether the activity meets
/// in a room.
struct InPersonVerdict {
    ok: bool,
    in_person: bool,
}

impl Reader {
    /// Every activity, and beside it how many weeks each occurs in (with a valid `[course]`).
    /// Two lists, each reserved at once: a list of pairs unzipped afterwards would hold every
    /// activity twice at the peak (45 MB more for 100,000 activities).
    pub(super) fn activities(
        &mut self,
        file: &Place<'_, '_>,
        meta: Option<&CourseMeta>,
    ) -> Option<(Vec<Activity>, Vec<Option<usize>>)> {
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
        let mut occurrences = Vec::with_capacity(array.len());
        let mut ids: HashMap<&str, Span> = HashMap::with_capacity(array.len());
        let (places, mut ok) = self.entries(array, "[[activities]]");
        for place in places {
            // Duplicates are found from the written ids, whatever else is wrong with either
            // activity, so every problem of the file shows in one run.
            if let Some(value) = place.get("id")
                && let tree::Value::String(id) = value.get_ref()
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
                Some((activity, weeks)) => {
                    activities.push(activity);
                    occurrences.push(weeks);
                }
                None => ok = false,
            }
        }
        ok.then_some((activities, occurrences))
    }

    /// One activity, with how many weeks it occurs in (with a valid `[course]`).
    pub(super) fn activity(
        &mut self,
        place: &Place<'_, '_>,
        meta: Option<&CourseMeta>,
    ) -> Option<(Activity, Option<usize>)> {
        self.unknown_keys(place, ACTIVITY_KEYS);
        let id = self.activity_id(place);
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
        let minutes = self.activity_minutes(place);
        let mut keys = self.activity_keys(place, meta, exam)?;
        let ((id, id_span), (kind, kind_span)) = (id?, kind?);
        let shape = Shape {
            kind,
            kind_span,
            exam,
            optional: keys
                .optional
                .map_or(kind == ActivityKind::OfficeHours, |(o, _)| o),
        };
        let in_person = self.activity_conflicts(place, meta, &shape, &mut keys);
        let (Some(url), Some(location)) = (keys.url.take(), keys.location.take()) else {
            return None;
        };
        let mut activity = Activity {
            id,
            title,
            url,
            location,
            kind,
            minutes: 0,
            every: keys.every.map_or(Every::Week, |(e, _)| e),
            weeks: keys.weeks,
            mode: match kind {
                ActivityKind::Forum => Some(Mode::Async),
                ActivityKind::OfficeHours => Some(Mode::Sync),
                _ if !keys.at.is_empty() => Some(Mode::Sync),
                ActivityKind::Exam => Some(Mode::Async),
                _ => keys.mode.map(|(m, _)| m),
            },
            // A room is not recorded unless the file says so.
            recorded: keys
                .recorded
                .map_or(!exam && !in_person.in_person, |(r, _)| r),
            at: keys.at,
            due: keys.due,
            optional: shape.optional,
            participation: keys.participation,
            estimate: None,
            study_hours: None,
            minutes_total: None,
            deliver: keys.deliver.map_or(Deliver::Each, |(d, _)| d),
            deliver_span: keys.deliver.map(|(_, s)| s),
            in_person: in_person.in_person,
            segmented: keys.segmented.is_none_or(|(s, _)| s),
            prepares: None,
            prepares_id: keys.prepares,
            spans: ActivitySpans {
                table: place.span,
                id: id_span,
                kind: kind_span,
                minutes: minutes.map_or(place.span, |(_, s)| s),
                mode: keys.mode.map(|(_, s)| s),
                recorded: keys.recorded.map(|(_, s)| s),
                weeks: place.get("weeks").map(span_of),
                at: keys.at_span,
            },
        };
        let mut ok = in_person.ok;
        if exam && let Some(meta) = meta {
            ok &= self.exam_not_on_holiday(meta, &activity);
        }
        let occurrences = meta.map(|m| activity.occurrence_weeks(m).len());
        ok &= self.workload(place, &mut activity, minutes, occurrences);
        ok.then_some((activity, occurrences))
    }

    /// `id`: kebab-case, and not one of the names the searched sittings take.
    fn activity_id(&mut self, place: &Place<'_, '_>) -> Option<(String, Span)> {
        let (id, span) = self.string(place, "id", Some("\"my-activity\""))?;
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
    }

    /// `minutes`, bounded per occurrence (or over the whole activity with `per = "total"`),
    /// and required unless an estimator gives it.
    fn activity_minutes(&mut self, place: &Place<'_, '_>) -> Option<(i64, Span)> {
        let estimated = self.has_estimator(place);
        // With `per = "total"`, `minutes` is the whole activity's time: the per-occurrence
        // limit applies to its shares, after spreading.
        let per_total = place.get("per").is_some_and(
            |v| matches!(v.get_ref(), tree::Value::String(s) if s.as_ref() == "total"),
        );
        let most = if per_total {
            MAX_TOTAL_MINUTES
        } else {
            i64::from(MAX_MINUTES)
        };
        let minutes = self.integer(place, "minutes", None, (1, most));
        if !estimated && !place.table.contains_key("minutes") {
            self.missing_minutes(place);
        }
        minutes
    }

    /// Every other key of the table, each read on its own; `None` (after every key has been
    /// read, so each problem is reported) when one of them is wrong.
    fn activity_keys(
        &mut self,
        place: &Place<'_, '_>,
        meta: Option<&CourseMeta>,
        exam: bool,
    ) -> Option<ActivityKeys> {
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
        let prepares = self
            .string(place, "prepares", None)
            .map(|(p, span)| (p.to_string(), span));
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
        let bad = |key: &str, read: bool| place.table.contains_key(key) && !read;
        if bad("every", every.is_some())
            || bad("mode", mode.is_some())
            || bad("recorded", recorded.is_some())
            || bad("optional", optional.is_some())
            || bad("in_person", in_person.is_some())
            || bad("deliver", deliver.is_some())
            || bad("segmented", segmented.is_some())
            || bad("prepares", prepares.is_some())
        {
            return None;
        }
        Some(ActivityKeys {
            every,
            weeks: weeks?,
            mode,
            recorded,
            optional,
            in_person,
            deliver,
            segmented,
            prepares,
            participation,
            at: at?,
            at_span: place.get("at").map(span_of),
            due: due?,
            url,
            location,
        })
    }

    /// What each kind allows, most specific message first, and the keys that contradict each
    /// other. A dated `at` sets the activity's week.
    fn activity_conflicts(
        &mut self,
        place: &Place<'_, '_>,
        meta: Option<&CourseMeta>,
        shape: &Shape,
        keys: &mut ActivityKeys,
    ) -> InPersonVerdict {
        let mut ok = self.mode_allowed(shape, keys);
        if shape.kind == ActivityKind::Forum
            && let Some(span) = keys.at_span
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
        ok &= self.due_allowed(shape, keys);
        ok &= self.activity_timing(place, meta, shape, keys);
        let in_person = match keys.in_person {
            Some((true, span)) => {
                let room = InPersonKeys {
                    span,
                    kind: shape.kind,
                    has_at: !keys.at.is_empty(),
                    async_mode: matches!(keys.mode, Some((Mode::Async, _))),
                };
                ok &= self.in_person_allowed(meta, &room);
                true
            }
            _ => false,
        };
        if let Some((Deliver::Last, span)) = keys.deliver {
            let work = DeliverKeys {
                span,
                kind: shape.kind,
                optional: shape.optional,
                has_at: !keys.at.is_empty(),
            };
            ok &= self.deliver_last_allowed(&work);
        }
        if let Some((false, span)) = keys.segmented {
            let self_paced = shape.kind == ActivityKind::Forum
                || (shape.exam && keys.at.is_empty())
                || matches!(keys.mode, Some((Mode::Async, _)));
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
        InPersonVerdict { ok, in_person }
    }

    /// `mode` against the kind and `at`. Returns whether it is allowed.
    fn mode_allowed(&mut self, shape: &Shape, keys: &ActivityKeys) -> bool {
        let Some((mode, span)) = keys.mode else {
            return true;
        };
        let problem = match (shape.kind, mode) {
            (ActivityKind::Exam, _) => Some((
                "`mode` cannot be set on an exam",
                "remove `mode`; fix the exam's time with `at`, or leave it out for a self-paced timed exam",
            )),
            (ActivityKind::Forum, Mode::Sync) => Some((
                "a forum is an asynchronous discussion board and cannot be live",
                "use `kind = \"discussion\"` for a live discussion",
            )),
            (ActivityKind::OfficeHours, Mode::Async) => Some((
                "office hours are live by nature and cannot be self-paced",
                "use `kind = \"forum\"` or `kind = \"q-and-a\"` for questions answered in writing",
            )),
            (_, Mode::Async) if !keys.at.is_empty() => Some((
                "`at` fixes a live time, so `mode = \"async\"` contradicts it",
                "remove `at` for self-paced work, or remove `mode`",
            )),
            _ => None,
        };
        let Some((message, help)) = problem else {
            return true;
        };
        self.error(RuleId::ConflictingKeys, span, message.into())
            .help = Some(help.into());
        false
    }

    /// `due` is for required self-paced work. Returns whether it is allowed.
    fn due_allowed(&mut self, shape: &Shape, keys: &ActivityKeys) -> bool {
        let Some(due) = &keys.due else {
            return true;
        };
        let problem = if shape.optional {
            "optional work is never due, so it takes no `due`"
        } else if shape.kind == ActivityKind::OfficeHours {
            "office hours are live, so they take no `due`"
        } else if !keys.at.is_empty() {
            "`at` makes the activity live, so it takes no `due`"
        } else if matches!(keys.mode, Some((Mode::Sync, _))) {
            "a live activity takes no `due`"
        } else {
            return true;
        };
        self.error(RuleId::ConflictingKeys, due.span, problem.into())
            .help = Some("remove `due`".into());
        false
    }

    /// When the activity meets: a dated `at` names its own week (and excludes `weeks` and
    /// `every`); an exam needs its weeks and does not recur. Returns whether all is well.
    fn activity_timing(
        &mut self,
        place: &Place<'_, '_>,
        meta: Option<&CourseMeta>,
        shape: &Shape,
        keys: &mut ActivityKeys,
    ) -> bool {
        let mut ok = true;
        if let Some(date) = keys.at.first().and_then(|a| a.date) {
            if place.table.contains_key("weeks") || place.table.contains_key("every") {
                self.error(
                    RuleId::ConflictingKeys,
                    keys.at[0].span,
                    "a dated `at` is a one-off, so `weeks` and `every` do not apply".into(),
                )
                .help =
                    Some("remove `weeks`/`every`, or give `at` a `day` instead of a `date`".into());
                ok = false;
            } else if let Some(week) = meta.and_then(|m| m.week_of(date)) {
                keys.weeks = Some(vec![week]);
            }
        }
        let undated = keys.at.iter().all(|a| a.date.is_none());
        if shape.exam && keys.weeks.is_none() && keys.every.is_none() && undated {
            self.error(
                RuleId::MissingKey,
                shape.kind_span,
                "an exam needs `weeks`, `every = \"once\"` or a dated `at`".into(),
            )
            .help = Some("add e.g. `weeks = [8]`".into());
            ok = false;
        }
        if shape.exam
            && let Some((Every::Week | Every::TwoWeeks, span)) = keys.every
        {
            self.error(
                RuleId::InvalidValue,
                span,
                "an exam does not recur; it needs `weeks` or `every = \"once\"`".into(),
            )
            .help = Some("list its weeks, e.g. `weeks = [8, 16]`".into());
            ok = false;
        }
        ok
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
