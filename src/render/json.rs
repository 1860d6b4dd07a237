//! `--format json`: the versioned contract programs rely on.
//!
//! The output is a set of plain serde structs, and its JSON Schema (`mixplan schema recommend`,
//! `schedule`) is derived from the same structs with schemars, so a key cannot be printed
//! without being described, nor described without being printed. Field order is key order.
//! Long lists (activities, weeks, a week's items) are [`Lazy`]: serialized one element at a
//! time, so memory stays bounded by one week whatever the size of the course.

use std::borrow::Cow;
use std::io::Write;

use schemars::JsonSchema;
use serde::Serialize;
use serde::ser::Serializer;
use serde_json::Value;

use crate::Recommendation;
use crate::course::{ActivityKind, Course, Delivery, Mode, Pattern, TimeOfDay, Weekday};
use crate::engine::{Decision, Reason};
use crate::rules::RuleId;
use crate::schedule::{
    Due, Item, LiveSlot, Segment, SegmentKind, Sitting, Uncovered, Week, WeekRef,
};

/// Version of the JSON output; bumped only on incompatible changes.
pub const SCHEMA_VERSION: u32 = 1;

/// The whole `recommend` object as a value (for tests and programs embedding mixplan).
pub fn recommendation(rec: &Recommendation) -> Value {
    serde_json::to_value(RecommendOutput::new(rec)).expect("JSON output always serializes")
}

/// The `schedule` command's object as a value: the course header and the schedule alone.
pub fn schedule_only(rec: &Recommendation) -> Value {
    serde_json::to_value(ScheduleOutput::new(rec)).expect("JSON output always serializes")
}

/// Write the `recommend` (or, with `schedule_only`, the `schedule`) object as pretty JSON.
///
/// Activities and weeks are serialized one at a time, so memory stays bounded by one week's
/// value however large the course is.
pub fn write(
    rec: &Recommendation,
    schedule_only: bool,
    out: impl std::io::Write,
) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(out);
    let result = if schedule_only {
        serde_json::to_writer_pretty(&mut out, &ScheduleOutput::new(rec))
    } else {
        serde_json::to_writer_pretty(&mut out, &RecommendOutput::new(rec))
    };
    result.map_err(std::io::Error::from)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// The pretty JSON text, newline-terminated.
pub fn to_string(rec: &Recommendation, schedule_only: bool) -> String {
    let mut out = Vec::new();
    write(rec, schedule_only, &mut out).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// The JSON Schema (draft 2020-12) of `mixplan recommend --format json`.
pub fn recommend_schema() -> Value {
    super::standard_formats(
        serde_json::to_value(schemars::schema_for!(RecommendOutput<'static>))
            .expect("schemas serialize"),
    )
}

/// The JSON Schema (draft 2020-12) of `mixplan schedule --format json`.
pub fn schedule_schema() -> Value {
    super::standard_formats(
        serde_json::to_value(schemars::schema_for!(ScheduleOutput<'static>))
            .expect("schemas serialize"),
    )
}

/// A sequence produced on demand and serialized element by element; its schema is an array of
/// `T`.
pub struct Lazy<'a, T>(Box<dyn Fn() -> Box<dyn Iterator<Item = T> + 'a> + 'a>);

impl<'a, T> Lazy<'a, T> {
    fn new<I: Iterator<Item = T> + 'a>(make: impl Fn() -> I + 'a) -> Self {
        Lazy(Box::new(move || Box::new(make())))
    }
}

impl<T: Serialize> Serialize for Lazy<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

impl<T: JsonSchema> JsonSchema for Lazy<'_, T> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        Vec::<T>::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        Vec::<T>::json_schema(generator)
    }
}

/// The version of this JSON contract; bumped only on incompatible changes.
#[derive(Clone, Copy, Debug)]
pub struct SchemaVersion;

impl Serialize for SchemaVersion {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u32(SCHEMA_VERSION)
    }
}

impl JsonSchema for SchemaVersion {
    fn schema_name() -> Cow<'static, str> {
        "SchemaVersion".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Version of this JSON contract; bumped only on incompatible changes.",
            "const": SCHEMA_VERSION,
        })
    }
}

/// A local time of day, `HH:MM` (24-hour).
#[derive(Clone, Debug)]
pub struct Clock(TimeOfDay);

impl Serialize for Clock {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

impl JsonSchema for Clock {
    fn schema_name() -> Cow<'static, str> {
        "Clock".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A local time of day, HH:MM (24-hour).",
            "type": "string",
            "pattern": r"^([01][0-9]|2[0-3]):[0-5][0-9]$",
        })
    }
}

/// `mixplan recommend --format json`: the plan of a course.
///
/// A mode with scores and reasons for every activity, weekly totals, the weekly schedule with
/// its live slots, and advice.
#[derive(Serialize, JsonSchema)]
#[schemars(title = "mixplan recommend --format json")]
pub struct RecommendOutput<'a> {
    /// Version of this JSON contract.
    pub schema_version: SchemaVersion,
    /// The course header.
    pub course: CourseHeader<'a>,
    /// One decision per activity, in file order.
    pub activities: Lazy<'a, ActivityOutput<'a>>,
    /// Weekly totals and the pattern.
    pub summary: SummaryOutput,
    /// Live slots, the students they miss, and the weeks.
    pub schedule: ScheduleBody<'a>,
    /// What to do next, each with the rule that produced it.
    pub advice: Lazy<'a, AdviceOutput>,
}

impl<'a> RecommendOutput<'a> {
    /// The output of `rec`.
    pub fn new(rec: &'a Recommendation) -> Self {
        let course = &rec.course;
        RecommendOutput {
            schema_version: SchemaVersion,
            course: CourseHeader::new(course),
            activities: Lazy::new(move || {
                rec.plan
                    .decisions
                    .iter()
                    .map(move |d| ActivityOutput::new(course, d))
            }),
            summary: SummaryOutput::new(rec),
            schedule: ScheduleBody::new(rec),
            advice: Lazy::new(move || {
                rec.advice.iter().map(move |a| AdviceOutput {
                    rule: a.rule(),
                    message: super::words::advice(rec, a),
                })
            }),
        }
    }
}

/// `mixplan schedule --format json`: the week-by-week schedule of a course and its live slots.
#[derive(Serialize, JsonSchema)]
#[schemars(title = "mixplan schedule --format json")]
pub struct ScheduleOutput<'a> {
    /// Version of this JSON contract.
    pub schema_version: SchemaVersion,
    /// The course header.
    pub course: CourseHeader<'a>,
    /// Live slots, the students they miss, and the weeks.
    pub schedule: ScheduleBody<'a>,
}

impl<'a> ScheduleOutput<'a> {
    /// The output of `rec`.
    pub fn new(rec: &'a Recommendation) -> Self {
        ScheduleOutput {
            schema_version: SchemaVersion,
            course: CourseHeader::new(&rec.course),
            schedule: ScheduleBody::new(rec),
        }
    }
}

/// The course header.
#[derive(Serialize, JsonSchema)]
pub struct CourseHeader<'a> {
    /// The course title.
    pub title: &'a str,
    /// Number of course weeks.
    #[schemars(range(min = 1, max = 104))]
    pub weeks: u32,
    /// How the course is delivered.
    pub delivery: Delivery,
    /// First day of week 1 (YYYY-MM-DD), or null when the file gives no `start`.
    #[schemars(extend("format" = "date"))]
    pub start: Option<String>,
    /// The organizer's IANA zone.
    pub timezone: &'a str,
    /// Head count.
    pub students: u32,
}

impl<'a> CourseHeader<'a> {
    fn new(course: &'a Course) -> Self {
        let meta = &course.meta;
        CourseHeader {
            title: &meta.title,
            weeks: meta.weeks,
            delivery: meta.delivery,
            start: meta.start.map(|d| d.to_string()),
            timezone: &meta.timezone,
            students: course.students.count,
        }
    }
}

/// The decision for one activity.
#[derive(Serialize, JsonSchema)]
pub struct ActivityOutput<'a> {
    /// The activity id.
    pub id: &'a str,
    /// The title, or null when the file gives none.
    pub title: Option<&'a str>,
    /// What the activity is.
    pub kind: ActivityKind,
    /// Minutes per occurrence; for an estimate, the estimate's minutes (with `per = "total"`,
    /// its first occurrence's share).
    #[schemars(range(min = 1))]
    pub minutes: u32,
    /// The estimator `minutes` come from (`read`, `write`, `watch`, `post`), or null when the
    /// file gives `minutes`.
    pub estimator: Option<&'static str>,
    /// The arithmetic of the estimate, in words, or null when the file gives `minutes`.
    pub basis: Option<String>,
    /// The chosen mode.
    pub mode: Mode,
    /// Whether the file pinned the mode.
    pub pinned: bool,
    /// Points for each mode; the higher wins, a tie or a small margin goes to async.
    pub scores: ScoresOutput,
    /// `sync` minus `async` score.
    pub margin: f64,
    /// The weeks in which the activity occurs.
    pub weeks: &'a [u32],
    /// Met in a room (`in_person = true`): always live and outside the online band.
    pub in_person: bool,
    /// Which occurrences are handed in: `each`, or only the `last` (the earlier weeks are work
    /// towards it, undated).
    pub deliver: crate::course::Deliver,
    /// Every rule that moved the scores or the mode.
    pub reasons: Vec<ReasonOutput<'a>>,
}

impl<'a> ActivityOutput<'a> {
    fn new(course: &'a Course, d: &'a Decision) -> Self {
        let a = &course.activities[d.index];
        ActivityOutput {
            id: &a.id,
            title: a.title.as_deref(),
            kind: a.kind,
            minutes: a.minutes,
            estimator: a.estimate.map(|e| e.estimator.key()),
            basis: super::workload::basis(a, d.weeks.len()),
            mode: d.mode,
            pinned: d.pinned,
            scores: ScoresOutput {
                sync: d.scores.sync,
                async_: d.scores.async_,
            },
            margin: d.margin,
            weeks: &d.weeks,
            in_person: a.in_person,
            deliver: a.deliver,
            reasons: d.reasons.iter().map(ReasonOutput::new).collect(),
        }
    }
}

/// Points for each mode.
#[derive(Serialize, JsonSchema)]
pub struct ScoresOutput {
    /// Points for running the activity live.
    pub sync: f64,
    /// Points for running it self-paced.
    #[serde(rename = "async")]
    pub async_: f64,
}

/// One rule behind a decision.
#[derive(Serialize, JsonSchema)]
pub struct ReasonOutput<'a> {
    /// Rule id; `mixplan explain RULE` documents it.
    pub rule: RuleId,
    /// The mode the rule favours.
    pub favors: Mode,
    /// Points added to the favoured mode (0 for a decision note).
    pub weight: f64,
    /// Why the rule applies to this activity.
    pub detail: Cow<'a, str>,
    /// The facts `detail` is worded from, as data.
    pub facts: super::facts::ReasonFacts<'a>,
}

impl<'a> ReasonOutput<'a> {
    fn new(r: &'a Reason) -> Self {
        ReasonOutput {
            rule: r.rule,
            favors: r.favors,
            weight: r.weight(),
            detail: super::words::reason_detail(r),
            facts: super::facts::of(r),
        }
    }
}

/// Weekly totals and the pattern.
#[derive(Serialize, JsonSchema)]
pub struct SummaryOutput {
    /// Average required live minutes per week, exams and optional work left out: the live
    /// activities' own minutes.
    #[schemars(range(min = 0))]
    pub sync_minutes_per_week: f64,
    /// Average minutes per week of the required online live sittings, breaks included: what
    /// the band measures.
    #[schemars(range(min = 0))]
    pub sync_sitting_minutes_per_week: f64,
    /// Average minutes per week of the required sittings in a room (`in_person`), one section
    /// counted: outside the band's ceiling, counted with the online sittings towards its floor.
    #[schemars(range(min = 0))]
    pub in_person_minutes_per_week: f64,
    /// Average optional live minutes per week, outside the band.
    #[schemars(range(min = 0))]
    pub optional_sync_minutes_per_week: f64,
    /// Average self-paced minutes per week.
    #[schemars(range(min = 0))]
    pub async_minutes_per_week: f64,
    /// The weekly live-time band [minimum, maximum], in minutes.
    pub sync_band_minutes: [f64; 2],
    /// Whether the band was enforced: always true (a hybrid course's online sittings are
    /// measured); kept for programs that read it.
    pub band_enforced: bool,
    /// The ceiling band balancing worked against, in minutes per week: the written ceiling
    /// lowered in proportion to the share of students without a dependable connection
    /// (ceiling − (ceiling − floor) × min(1, share ÷ 0.5)), rounded to whole minutes.
    #[schemars(range(min = 0))]
    pub effective_ceiling_minutes: f64,
    /// Whether the weekly live time, measured on sittings with their breaks, is inside the
    /// band: `sync_sitting_minutes_per_week` at or under its ceiling, and with
    /// `in_person_minutes_per_week` at or over its floor.
    pub within_band: bool,
    /// The weekly pattern in force (never `auto`).
    pub pattern: Pattern,
    /// Why this pattern.
    pub pattern_reason: String,
    /// Hours of work per teaching week (`mixplan workload` has the detail).
    pub workload: WorkloadSummaryOutput,
}

/// The weekly range and the peak week of the workload.
#[derive(Serialize, JsonSchema)]
pub struct WorkloadSummaryOutput {
    /// The lightest and the heaviest teaching week, in hours; null without teaching weeks.
    pub weekly_range_hours: Option<[f64; 2]>,
    /// The heaviest week (the earliest of equals); null when nothing is asked.
    #[schemars(range(min = 1))]
    pub peak_week: Option<u32>,
    /// Hours of the peak week; null when nothing is asked.
    pub peak_hours: Option<f64>,
    /// credits × credit_hours ÷ teaching weeks; null without `credits`.
    pub target_hours_per_week: Option<f64>,
}

impl WorkloadSummaryOutput {
    fn new(workload: &crate::workload::Workload) -> Self {
        use super::workload::hours;
        let peak = workload.peak();
        WorkloadSummaryOutput {
            weekly_range_hours: workload.range().map(|(lo, hi)| [hours(lo), hours(hi)]),
            peak_week: peak.map(|w| w.week),
            peak_hours: peak.map(|w| hours(w.total_minutes())),
            target_hours_per_week: workload
                .target
                .map(|t| crate::engine::round2(t.minutes_per_week() / 60.0)),
        }
    }
}

impl SummaryOutput {
    fn new(rec: &Recommendation) -> Self {
        let summary = &rec.plan.summary;
        SummaryOutput {
            sync_minutes_per_week: summary.sync_minutes_per_week,
            sync_sitting_minutes_per_week: summary.sync_sitting_minutes_per_week,
            in_person_minutes_per_week: summary.in_person_minutes_per_week,
            optional_sync_minutes_per_week: summary.optional_sync_minutes_per_week,
            async_minutes_per_week: summary.async_minutes_per_week,
            sync_band_minutes: [summary.band_minutes.0, summary.band_minutes.1],
            band_enforced: summary.band_enforced,
            effective_ceiling_minutes: summary.effective_ceiling_minutes,
            within_band: summary.within_band(),
            pattern: rec.plan.pattern,
            pattern_reason: super::words::pattern_reason(rec.plan.pattern_choice),
            workload: WorkloadSummaryOutput::new(&rec.workload_cow()),
        }
    }
}

/// One piece of advice.
#[derive(Serialize, JsonSchema)]
pub struct AdviceOutput {
    /// The rule that produced it; `mixplan explain RULE` documents it.
    pub rule: RuleId,
    /// What to do, in a sentence or two.
    pub message: String,
}

/// Live slots, the students they miss, the sittings, their occurrences and the weeks.
#[derive(Serialize, JsonSchema)]
pub struct ScheduleBody<'a> {
    /// The weekly live slots: the main one first, then a repeat for students it misses.
    pub live_slots: Vec<LiveSlotOutput<'a>>,
    /// Students no live slot reaches, by zone.
    pub uncovered: Vec<UncoveredOutput<'a>>,
    /// Every sitting (one continuous live meeting): fixed ones from `at` in file order, then
    /// the searched ones; each repeat right after the sitting it repeats.
    pub sittings: Vec<SittingOutput<'a>>,
    /// Every meeting of every sitting (sections, repeats, optional sittings, exams and
    /// cancelled dates included), sorted by start, then by the sitting's position in
    /// `sittings`. Every other view of live time (table, markdown, page, calendar) agrees with
    /// this list.
    pub occurrences: Lazy<'a, OccurrenceOutput<'a>>,
    /// Every course week.
    pub weeks: Lazy<'a, WeekOutput<'a>>,
}

/// One continuous live meeting across the weeks it is held.
#[derive(Serialize, JsonSchema)]
pub struct SittingOutput<'a> {
    /// The activity id, `<activity>.<n>` for a section, ids joined by `+` for activities fixed
    /// at one time, `live` or `optional` for the searched sittings, `<sitting>.repeat` for a
    /// repeat.
    pub id: &'a str,
    /// The id of the sitting this one repeats for the students it misses, else null.
    pub repeat_of: Option<&'a str>,
    /// Weekday, organizer's zone.
    pub day: Weekday,
    /// Start time, organizer's zone.
    pub time: Clock,
    /// The date of a one-off sitting (YYYY-MM-DD), else null.
    #[schemars(extend("format" = "date"))]
    pub date: Option<String>,
    /// The organizer's IANA zone.
    pub timezone: &'a str,
    /// Longest length over its weeks, breaks included.
    pub minutes: u32,
    /// Activity ids meeting in it.
    pub activities: Vec<&'a str>,
    /// Fixed with `at` (kept as written) rather than searched.
    pub fixed: bool,
    /// Optional work only.
    pub optional: bool,
    /// An exam: alone and never segmented.
    pub exam: bool,
    /// Weeks in which it is held, cancelled dates included.
    pub weeks: &'a [u32],
    /// Students who can attend in the worst week.
    pub students_covered: u32,
    /// Share of the class covered, 0 to 1.
    #[schemars(range(min = 0, max = 1))]
    pub coverage: f64,
    /// Students it cannot reach, by zone, with the weeks concerned.
    pub uncovered: Vec<UncoveredOutput<'a>>,
    /// For a section, its number (1-based), else null.
    pub section: Option<usize>,
    /// How many sections the activity offers (1 without sections).
    pub sections: usize,
    /// Dates (holidays, YYYY-MM-DD) on which it does not meet.
    pub cancelled: Vec<String>,
}

impl<'a> SittingOutput<'a> {
    fn new(rec: &'a Recommendation, position: usize) -> Self {
        let (course, occ) = (&rec.course, &rec.occurrences);
        let r = &occ.sittings[position];
        let t = &rec.schedule.sittings[r.base];
        // A repeat is judged by its own slot.
        let repeat_slot = r
            .repeat_of
            .and(t.repeat.as_ref())
            .map(|repeat| &repeat.slot);
        SittingOutput {
            id: &r.id,
            repeat_of: r.repeat_of.map(|p| occ.sittings[p].id.as_str()),
            day: r.day,
            time: Clock(r.time),
            date: t.date.map(|d| d.to_string()),
            timezone: &course.meta.timezone,
            minutes: repeat_slot.map_or(t.minutes, |s| s.minutes),
            activities: t
                .activities
                .iter()
                .map(|&i| course.activities[i].id.as_str())
                .collect(),
            fixed: t.fixed,
            optional: t.optional,
            exam: t.exam,
            weeks: &t.weeks,
            students_covered: repeat_slot.map_or(t.students_covered, |s| s.students_covered),
            coverage: repeat_slot.map_or(t.coverage, |s| s.coverage),
            uncovered: match repeat_slot {
                Some(slot) => slot
                    .excluded
                    .iter()
                    .filter(|u| u.count > 0)
                    .map(UncoveredOutput::new)
                    .collect(),
                None => t.uncovered.iter().map(UncoveredOutput::new).collect(),
            },
            section: t.section.map(|(n, _)| n),
            sections: t.section.map_or(1, |(_, of)| of),
            cancelled: occ
                .of_sitting(position)
                .filter(|o| o.cancelled.is_some())
                .filter_map(|o| o.date.map(|d| d.to_string()))
                .collect(),
        }
    }
}

impl<'a> ScheduleBody<'a> {
    fn new(rec: &'a Recommendation) -> Self {
        let (course, s) = (&rec.course, &rec.schedule);
        ScheduleBody {
            live_slots: s.live_slots.iter().map(LiveSlotOutput::new).collect(),
            uncovered: s.uncovered.iter().map(UncoveredOutput::new).collect(),
            sittings: (0..rec.occurrences.sittings.len())
                .map(|p| SittingOutput::new(rec, p))
                .collect(),
            occurrences: Lazy::new(move || {
                rec.occurrences
                    .list
                    .iter()
                    .map(move |o| OccurrenceOutput::new(rec, o))
            }),
            weeks: Lazy::new(move || {
                s.weeks.iter().map(move |w| WeekOutput {
                    rec,
                    course,
                    sittings: &s.sittings,
                    week: w,
                })
            }),
        }
    }
}

/// One meeting of one sitting.
#[derive(Serialize, JsonSchema)]
pub struct OccurrenceOutput<'a> {
    /// The id of its sitting (an entry of `sittings`).
    pub sitting: &'a str,
    /// For a repeat: the id of the sitting it repeats, else null.
    pub repeat_of: Option<&'a str>,
    /// What it is: `sitting`, `repeat` or `exam`.
    pub kind: OccurrenceKindOutput,
    /// The course week.
    #[schemars(range(min = 1))]
    pub week: u32,
    /// Its date (YYYY-MM-DD), or null without a course `start`.
    #[schemars(extend("format" = "date"))]
    pub date: Option<String>,
    /// Weekday, organizer's zone.
    pub day: Weekday,
    /// Start time, organizer's zone.
    pub time: Clock,
    /// Start (RFC 9557, organizer's zone), or null without a course `start`.
    pub start: Option<String>,
    /// End (RFC 9557, organizer's zone): start plus `minutes`; null without a course `start`.
    pub end: Option<String>,
    /// The instant of `start` as RFC 3339 in UTC, or null.
    #[schemars(with = "Option<UtcTimestamp>")]
    pub start_utc: Option<String>,
    /// The instant of `end` as RFC 3339 in UTC, or null.
    #[schemars(with = "Option<UtcTimestamp>")]
    pub end_utc: Option<String>,
    /// Length, breaks included; the timeline's minutes sum to it.
    pub minutes: u32,
    /// Activity ids meeting that day, in file order.
    pub activities: Vec<&'a str>,
    /// Focus and break segments, in order.
    pub timeline: Vec<SegmentOutput<'a>>,
    /// Why it does not meet (`holiday`), or null when it is held.
    pub cancelled: Option<CancellationOutput>,
    /// Where it meets: the location all its activities share, else the course's, else null.
    pub location: Option<&'a str>,
    /// Its link: the URL all its activities share, else the course's, else null.
    pub url: Option<&'a str>,
    /// Its identity, stable across edits of times and titles: `<sitting key>@<week>`.
    pub identity: &'a str,
    /// The calendar's UID of this occurrence (a flat calendar's event UID).
    pub uid: &'a str,
}

impl<'a> OccurrenceOutput<'a> {
    fn new(rec: &'a Recommendation, o: &'a crate::schedule::Occurrence) -> Self {
        let course = &rec.course;
        let sittings = &rec.occurrences.sittings;
        let r = &sittings[o.sitting];
        OccurrenceOutput {
            sitting: &r.id,
            repeat_of: r.repeat_of.map(|p| sittings[p].id.as_str()),
            kind: match o.kind {
                crate::schedule::OccurrenceKind::Sitting => OccurrenceKindOutput::Sitting,
                crate::schedule::OccurrenceKind::Repeat => OccurrenceKindOutput::Repeat,
                crate::schedule::OccurrenceKind::Exam => OccurrenceKindOutput::Exam,
            },
            week: o.week,
            date: o.date.map(|d| d.to_string()),
            day: o.day,
            time: Clock(o.time),
            start: o.start.as_ref().map(instant),
            end: o.end.as_ref().map(instant),
            start_utc: o.start.as_ref().map(utc),
            end_utc: o.end.as_ref().map(utc),
            minutes: o.minutes,
            activities: o
                .activities
                .iter()
                .map(|&i| course.activities[i].id.as_str())
                .collect(),
            timeline: segments(course, &o.timeline),
            cancelled: o.cancelled.map(|_| CancellationOutput::Holiday),
            location: o.location.as_deref(),
            url: o.url.as_deref(),
            identity: &o.identity,
            uid: &o.uid,
        }
    }
}

/// What kind of meeting an occurrence is.
#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum OccurrenceKindOutput {
    /// A required or optional sitting (fixed, searched or a section).
    Sitting,
    /// A repeat of a searched sitting for the students it misses.
    Repeat,
    /// An exam.
    Exam,
}

/// Why an occurrence does not meet.
#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum CancellationOutput {
    /// Its date is a holiday.
    Holiday,
}

/// A weekly live-session slot.
#[derive(Serialize, JsonSchema)]
pub struct LiveSlotOutput<'a> {
    /// Weekday in the organizer's zone.
    pub day: Weekday,
    /// Start time in the organizer's zone.
    pub time: Clock,
    /// The organizer's IANA zone.
    pub timezone: &'a str,
    /// Session length the coverage was computed for.
    pub minutes: u32,
    /// Students who can attend in the worst live week.
    pub students_covered: u32,
    /// Students who can attend in every live week.
    pub students_every_week: u32,
    /// Students this slot reaches that earlier slots do not.
    pub students_added: u32,
    /// Share of students covered, 0 to 1.
    #[schemars(range(min = 0, max = 1))]
    pub coverage: f64,
    /// Whether the file pinned the slot with `live_at`.
    pub pinned: bool,
    /// Whether this repeats the main session for students it misses.
    pub repeat: bool,
    /// The slot as each student zone sees it.
    pub local: Vec<LocalSlotOutput<'a>>,
    /// Students the slot reaches, week by week.
    pub weekly: Vec<WeekCoverageOutput>,
    /// Students this slot cannot reach, by zone.
    pub excluded: Vec<UncoveredOutput<'a>>,
}

impl<'a> LiveSlotOutput<'a> {
    fn new(slot: &'a LiveSlot) -> Self {
        LiveSlotOutput {
            day: slot.day,
            time: Clock(slot.time),
            timezone: &slot.timezone,
            minutes: slot.minutes,
            students_covered: slot.students_covered,
            students_every_week: slot.students_every_week,
            students_added: slot.students_added,
            coverage: slot.coverage,
            pinned: slot.pinned,
            repeat: slot.repeat,
            local: slot
                .local
                .iter()
                .map(|l| LocalSlotOutput {
                    zone: &l.zone,
                    count: l.count,
                    day: l.day,
                    time: Clock(l.time),
                    covered: l.covered,
                    missed: l.missed.iter().map(|&w| WeekRefOutput::new(w)).collect(),
                    shifts: l
                        .shifts
                        .iter()
                        .map(|s| ShiftOutput {
                            from: WeekRefOutput::new(s.week),
                            day: s.day,
                            time: Clock(s.time),
                        })
                        .collect(),
                })
                .collect(),
            weekly: slot
                .weekly
                .iter()
                .map(|w| WeekCoverageOutput {
                    week: WeekRefOutput::new(w.week),
                    students: w.students,
                })
                .collect(),
            excluded: slot.excluded.iter().map(UncoveredOutput::new).collect(),
        }
    }
}

/// A slot as one student zone sees it.
#[derive(Serialize, JsonSchema)]
pub struct LocalSlotOutput<'a> {
    /// IANA zone.
    pub zone: &'a str,
    /// Students in the zone.
    pub count: u32,
    /// Local weekday (first live week).
    pub day: Weekday,
    /// Local start time (first live week).
    pub time: Clock,
    /// Whether the session falls in these students' window every live week.
    pub covered: bool,
    /// Live weeks the session falls outside these students' window.
    pub missed: Vec<WeekRefOutput>,
    /// Weeks from which the local day or time changes (clock changes).
    pub shifts: Vec<ShiftOutput>,
}

/// From a week on, the slot falls at another local day or time.
#[derive(Serialize, JsonSchema)]
pub struct ShiftOutput {
    /// The first week of the change.
    pub from: WeekRefOutput,
    /// Local weekday from that week.
    pub day: Weekday,
    /// Local start time from that week.
    pub time: Clock,
}

/// Students a slot reaches in one week.
#[derive(Serialize, JsonSchema)]
pub struct WeekCoverageOutput {
    /// The week.
    pub week: WeekRefOutput,
    /// Students who can attend that week.
    pub students: u32,
}

/// A course week number, or a representative week (`january`, `july`) when the course has no
/// `start`.
#[derive(Serialize, JsonSchema)]
#[serde(untagged)]
pub enum WeekRefOutput {
    /// A course week.
    Week(#[schemars(range(min = 1))] u32),
    /// A representative week.
    Sample(SampleWeek),
}

/// A representative week, for courses without a `start`.
#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SampleWeek {
    /// A January week (northern winter).
    January,
    /// A July week (northern summer).
    July,
}

impl WeekRefOutput {
    fn new(w: WeekRef) -> Self {
        match w {
            WeekRef::Course(n) => WeekRefOutput::Week(n),
            WeekRef::January => WeekRefOutput::Sample(SampleWeek::January),
            WeekRef::July => WeekRefOutput::Sample(SampleWeek::July),
        }
    }
}

/// Students a live slot cannot reach, in one zone.
#[derive(Serialize, JsonSchema)]
pub struct UncoveredOutput<'a> {
    /// IANA zone.
    pub zone: &'a str,
    /// Students in the zone.
    pub count: u32,
    /// Live weeks they cannot attend.
    pub weeks: &'a [u32],
    /// Without a course `start`: the representative weeks (`january`, `july`) they cannot
    /// attend.
    pub samples: Vec<SampleWeek>,
}

impl<'a> UncoveredOutput<'a> {
    fn new(u: &'a Uncovered) -> Self {
        UncoveredOutput {
            zone: &u.zone,
            count: u.count,
            weeks: &u.weeks,
            samples: u
                .samples
                .iter()
                .map(|&s| {
                    if s == "july" {
                        SampleWeek::July
                    } else {
                        SampleWeek::January
                    }
                })
                .collect(),
        }
    }
}

/// One course week. Serialized field by field: a large week never becomes a `Value` tree, and
/// the week's due times (shared by its items) are written once each.
pub struct WeekOutput<'a> {
    rec: &'a Recommendation,
    course: &'a Course,
    sittings: &'a [Sitting],
    week: &'a Week,
}

impl Serialize for WeekOutput<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (rec, course, w, sittings) = (self.rec, self.course, self.week, self.sittings);
        let mut dues: Vec<(*const Due, DueText)> = Vec::new();
        for due in w.items.iter().filter_map(|i| i.due.as_ref()) {
            let ptr = std::sync::Arc::as_ptr(due);
            if !dues.iter().any(|d| d.0 == ptr) {
                dues.push((ptr, DueText::new(due, &due.timezone)));
            }
        }
        let dues = &dues;
        WeekFields {
            week: w.week,
            start: w.start.map(|d| d.to_string()),
            items: Lazy::new(move || {
                w.items.iter().map(move |i| {
                    let minutes =
                        super::week_minutes(rec, i.activity, i.for_week.unwrap_or(w.week));
                    ItemOutput::new(course, sittings, (w.week, i, minutes), dues)
                })
            }),
            live_session: w.live_session.as_ref().map(|s| LiveSessionOutput {
                minutes: s.minutes,
                segments: segments(course, &s.segments),
            }),
            alternatives: w
                .alternatives
                .iter()
                .map(|a| AlternativeOutput {
                    zone: &a.zone,
                    count: a.count,
                    route: Route::RecordingAndResponse,
                    due: a.due.as_ref().map(instant),
                    due_utc: a.due.as_ref().map(utc),
                })
                .collect(),
        }
        .serialize(serializer)
    }
}

impl JsonSchema for WeekOutput<'_> {
    fn schema_name() -> Cow<'static, str> {
        "Week".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        WeekFields::json_schema(generator)
    }
}

/// One course week.
#[derive(Serialize, JsonSchema)]
struct WeekFields<'a> {
    /// 1-based week number.
    #[schemars(range(min = 1))]
    week: u32,
    /// First day of the week (YYYY-MM-DD), or null without a course `start`.
    #[schemars(extend("format" = "date"))]
    start: Option<String>,
    /// Every occurrence in this week, in the order students meet them.
    items: Lazy<'a, ItemOutput<'a>>,
    /// The week's live session, or null when it has none.
    live_session: Option<LiveSessionOutput<'a>>,
    /// Students no live slot reaches this week: they watch the recording and post a response.
    alternatives: Vec<AlternativeOutput<'a>>,
}

/// A due time, rendered once per week and shared by the items due then.
struct DueText {
    text: String,
    utc: Option<String>,
    local: Vec<LocalDueOutput>,
}

impl DueText {
    fn new(due: &Due, timezone: &str) -> Self {
        DueText {
            text: due_text(due, timezone),
            utc: due.at.as_ref().map(utc),
            local: due
                .local
                .iter()
                .map(|l| LocalDueOutput {
                    zone: l.zone.clone(),
                    at: instant(&l.at),
                })
                .collect(),
        }
    }
}

/// A due instant in one student zone.
#[derive(Serialize, JsonSchema)]
pub struct LocalDueOutput {
    /// IANA zone.
    pub zone: String,
    /// The same instant in that zone (RFC 9557).
    pub at: String,
}

/// One activity in one week. Self-paced items have `due`, `due_day`, `due_time`, `due_local`
/// and `before_live`; live items have `recorded` and `segments`.
#[derive(Serialize, JsonSchema)]
pub struct ItemOutput<'a> {
    /// The activity id.
    pub activity: &'a str,
    /// The activity's title, if it has one.
    pub title: Option<&'a str>,
    /// What the activity is.
    pub kind: ActivityKind,
    /// The activity's mode.
    pub mode: Mode,
    /// Minutes of this occurrence: with `per = "total"`, this week's share of the whole.
    pub minutes: u32,
    /// Nobody must attend or submit; optional work is never due.
    pub optional: bool,
    /// When it is due: an RFC 9557 timestamp such as
    /// `2027-02-28T23:59:00-05:00[America/New_York]` with a course `start`, else
    /// `DAY HH:MM ZONE`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<&'a str>,
    /// The instant of `due` as RFC 3339 in UTC (`2027-03-01T04:59:00Z`), for parsers that
    /// reject a bracketed zone; null without a course `start`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Option<UtcTimestamp>>")]
    pub due_utc: Option<Option<&'a str>>,
    /// Weekday it is due, in the due zone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_day: Option<Weekday>,
    /// Time it is due, in the due zone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_time: Option<Clock>,
    /// The zone the due time is read in, as written (`AoE`: anywhere on earth, UTC-12).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_timezone: Option<&'a str>,
    /// The same due instant in each student zone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_local: Option<&'a [LocalDueOutput]>,
    /// Whether it is due before the week's live session (flipped pattern).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before_live: Option<bool>,
    /// Pre-work listed a week early: the course week whose meeting it prepares.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub for_week: Option<u32>,
    /// Whether the live occurrence is recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recorded: Option<bool>,
    /// The live occurrence cut into focus segments and breaks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub segments: Option<Vec<SegmentOutput<'a>>>,
    /// For live work: the id of the sitting it meets in (the first section for sections).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sitting: Option<&'a str>,
    /// For live work offered in several sections (`at` with several times): every section's
    /// sitting this week, any one of which a student attends.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sections: Option<Vec<&'a str>>,
    /// For live work: its sitting is cancelled this week (a holiday).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cancelled: Option<bool>,
}

impl<'a> ItemOutput<'a> {
    fn new(
        course: &'a Course,
        sittings: &'a [Sitting],
        (week, item, minutes): (u32, &'a Item, u64),
        dues: &'a [(*const Due, DueText)],
    ) -> Self {
        let a = &course.activities[item.activity];
        let due = item.due.as_ref().map(|due| {
            let ptr = std::sync::Arc::as_ptr(due);
            let (_, text) = dues
                .iter()
                .find(|d| d.0 == ptr)
                .expect("every due time of the week was rendered");
            (due, text)
        });
        ItemOutput {
            activity: &a.id,
            title: a.title.as_deref(),
            kind: a.kind,
            mode: item.mode,
            minutes: u32::try_from(minutes).unwrap_or(a.minutes),
            optional: a.optional,
            due: due.map(|(_, text)| text.text.as_str()),
            due_utc: due.map(|(_, text)| text.utc.as_deref()),
            due_day: due.map(|(due, _)| due.day),
            due_time: due.map(|(due, _)| Clock(due.time)),
            due_timezone: due.map(|(due, _)| due.timezone.as_str()),
            due_local: due.map(|(_, text)| text.local.as_slice()),
            before_live: due.map(|_| item.before_live),
            for_week: item.for_week,
            recorded: item.recorded,
            segments: item.recorded.map(|_| segments(course, &item.segments)),
            sitting: item
                .sitting
                .and_then(|i| sittings.get(i))
                .map(|t| t.id.as_str()),
            sections: (item.recorded.is_some() && a.at.len() > 1).then(|| {
                sittings
                    .iter()
                    .filter(|t| t.section.is_some() && t.activities.contains(&item.activity))
                    .filter(|t| t.weeks.contains(&week))
                    .map(|t| t.id.as_str())
                    .collect()
            }),
            cancelled: item.recorded.map(|_| item.cancelled),
        }
    }
}

/// A week's live session.
#[derive(Serialize, JsonSchema)]
pub struct LiveSessionOutput<'a> {
    /// Total minutes, breaks included.
    pub minutes: u32,
    /// Focused segments and breaks, in order.
    pub segments: Vec<SegmentOutput<'a>>,
}

/// A slice of a live session.
#[derive(Serialize, JsonSchema)]
pub struct SegmentOutput<'a> {
    /// Focus or break.
    pub kind: SegmentKindOutput,
    /// Length in minutes.
    #[schemars(range(min = 1))]
    pub minutes: u32,
    /// The activity a focus segment works on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub activity: Option<&'a str>,
}

/// What a segment is.
#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SegmentKindOutput {
    /// Focused work on one activity.
    Focus,
    /// A short break.
    Break,
}

fn segments<'a>(course: &'a Course, segments: &[Segment]) -> Vec<SegmentOutput<'a>> {
    segments
        .iter()
        .map(|s| SegmentOutput {
            kind: match s.kind {
                SegmentKind::Focus => SegmentKindOutput::Focus,
                SegmentKind::Break => SegmentKindOutput::Break,
            },
            minutes: s.minutes,
            activity: s.activity.map(|i| course.activities[i].id.as_str()),
        })
        .collect()
}

/// Students no live slot reaches in one week, and their route.
#[derive(Serialize, JsonSchema)]
pub struct AlternativeOutput<'a> {
    /// IANA zone.
    pub zone: &'a str,
    /// Students in the zone.
    pub count: u32,
    /// What they do instead of attending.
    pub route: Route,
    /// When their response is due (RFC 9557), or null without a course `start`.
    pub due: Option<String>,
    /// The instant of `due` as RFC 3339 in UTC, or null without a course `start`.
    #[schemars(with = "Option<UtcTimestamp>")]
    pub due_utc: Option<String>,
}

/// An instant as RFC 3339 in UTC, such as `2027-03-01T04:59:00Z`.
#[derive(JsonSchema)]
#[schemars(transparent)]
struct UtcTimestamp(
    #[schemars(regex(pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"))]
    #[expect(dead_code, reason = "only its schema is used")]
    String,
);

/// How students who cannot attend take part.
#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Route {
    /// They watch the recording and post a written response.
    RecordingAndResponse,
}

/// A due time as one unambiguous string: an RFC 9557 instant with a start date, else a weekday.
pub fn due_text(due: &Due, timezone: &str) -> String {
    match &due.at {
        Some(at) => instant(at),
        None => format!("{} {} {timezone}", due.day, due.time),
    }
}

/// An instant as RFC 3339 in UTC (`2027-03-01T04:59:00Z`): the companion of each top-level RFC
/// 9557 timestamp, for parsers that reject the bracketed zone (Python's `fromisoformat`,
/// jq's `strptime`).
pub fn utc(at: &jiff::ZonedDateTime) -> String {
    at.timestamp().strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// An instant as RFC 9557 text: local date-time, offset and zone name.
pub fn instant(at: &jiff::ZonedDateTime) -> String {
    at.strftime("%Y-%m-%dT%H:%M:%S%:z[%Q]").to_string()
}
