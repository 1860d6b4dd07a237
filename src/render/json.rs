//! `--format json`: the versioned contract of SPEC section 5.
//!
//! Built explicitly with `json!` rather than derived, so the keys programs rely on are all in
//! one place and cannot change by renaming a Rust field.

use std::io::Write;

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Value, json};

use crate::Recommendation;
use crate::course::Course;
use crate::engine::{Decision, Reason};
use crate::schedule::{Due, Item, LiveSlot, Schedule, Segment, Uncovered, Week, WeekRef};

/// Version of the JSON output; bumped only on incompatible changes.
pub const SCHEMA_VERSION: u32 = 1;

/// The whole `recommend` object as a value (for tests and programs embedding mixplan).
pub fn recommendation(rec: &Recommendation) -> Value {
    serde_json::to_value(RecommendJson(rec)).expect("JSON output always serializes")
}

/// The `schedule` command's object as a value: the course header and the schedule alone.
pub fn schedule_only(rec: &Recommendation) -> Value {
    serde_json::to_value(ScheduleOnlyJson(rec)).expect("JSON output always serializes")
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
        serde_json::to_writer_pretty(&mut out, &ScheduleOnlyJson(rec))
    } else {
        serde_json::to_writer_pretty(&mut out, &RecommendJson(rec))
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

/// Serializes the items of an iterator one at a time.
struct Lazy<F>(F);

impl<F, I> Serialize for Lazy<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

struct RecommendJson<'a>(&'a Recommendation);

impl Serialize for RecommendJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let rec = self.0;
        let course = &rec.course;
        let plan = &rec.plan;
        let summary = &plan.summary;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("schema_version", &SCHEMA_VERSION)?;
        map.serialize_entry("course", &course_header(course))?;
        map.serialize_entry(
            "activities",
            &Lazy(|| plan.decisions.iter().map(|d| decision(course, d))),
        )?;
        map.serialize_entry(
            "summary",
            &json!({
                "sync_minutes_per_week": summary.sync_minutes_per_week,
                "async_minutes_per_week": summary.async_minutes_per_week,
                "sync_band_minutes": [summary.band_minutes.0, summary.band_minutes.1],
                "band_enforced": summary.band_enforced,
                "within_band": summary.within_band(),
                "pattern": plan.pattern.as_str(),
                "pattern_reason": super::words::pattern_reason(plan.pattern_choice),
            }),
        )?;
        map.serialize_entry("schedule", &ScheduleJson(course, &rec.schedule))?;
        map.serialize_entry(
            "advice",
            &Lazy(|| {
                rec.advice
                    .iter()
                    .map(|a| json!({"rule": a.rule(), "message": super::words::advice(rec, a)}))
            }),
        )?;
        map.end()
    }
}

struct ScheduleOnlyJson<'a>(&'a Recommendation);

impl Serialize for ScheduleOnlyJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let rec = self.0;
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("schema_version", &SCHEMA_VERSION)?;
        map.serialize_entry("course", &course_header(&rec.course))?;
        map.serialize_entry("schedule", &ScheduleJson(&rec.course, &rec.schedule))?;
        map.end()
    }
}

fn course_header(course: &Course) -> Value {
    let meta = &course.meta;
    json!({
        "title": meta.title,
        "weeks": meta.weeks,
        "delivery": meta.delivery.as_str(),
        "start": meta.start.map(|d| d.to_string()),
        "timezone": meta.timezone,
        "students": course.students.count,
    })
}

fn decision(course: &Course, d: &Decision) -> Value {
    let a = &course.activities[d.index];
    json!({
        "id": a.id,
        "title": a.title,
        "kind": a.kind.as_str(),
        "minutes": a.minutes,
        "mode": d.mode.as_str(),
        "pinned": d.pinned,
        "scores": { "sync": d.scores.sync, "async": d.scores.async_ },
        "margin": d.margin,
        "weeks": d.weeks,
        "reasons": d.reasons.iter().map(reason).collect::<Vec<_>>(),
    })
}

fn reason(r: &Reason) -> Value {
    json!({
        "rule": r.rule,
        "favors": r.favors.as_str(),
        "weight": r.weight(),
        "detail": super::words::reason_detail(r),
    })
}

struct ScheduleJson<'a>(&'a Course, &'a Schedule);

impl Serialize for ScheduleJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (course, s) = (self.0, self.1);
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("live_slots", &Lazy(|| s.live_slots.iter().map(live_slot)))?;
        map.serialize_entry("uncovered", &Lazy(|| s.uncovered.iter().map(uncovered)))?;
        map.serialize_entry("weeks", &Lazy(|| s.weeks.iter().map(|w| week(course, w))))?;
        map.end()
    }
}

fn live_slot(slot: &LiveSlot) -> Value {
    json!({
        "day": slot.day.as_str(),
        "time": slot.time.to_string(),
        "timezone": slot.timezone,
        "minutes": slot.minutes,
        "students_covered": slot.students_covered,
        "students_every_week": slot.students_every_week,
        "students_added": slot.students_added,
        "coverage": slot.coverage,
        "pinned": slot.pinned,
        "repeat": slot.repeat,
        "local": slot.local.iter().map(|l| json!({
            "zone": l.zone,
            "count": l.count,
            "day": l.day.as_str(),
            "time": l.time.to_string(),
            "covered": l.covered,
            "missed": l.missed.iter().map(|w| week_ref(*w)).collect::<Vec<_>>(),
            "shifts": l.shifts.iter().map(|s| json!({
                "from": week_ref(s.week),
                "day": s.day.as_str(),
                "time": s.time.to_string(),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "weekly": slot.weekly.iter().map(|w| json!({
            "week": week_ref(w.week),
            "students": w.students,
        })).collect::<Vec<_>>(),
        "excluded": slot.excluded.iter().map(uncovered).collect::<Vec<_>>(),
    })
}

/// A course week as its number, or a representative week as `"january"` / `"july"`.
fn week_ref(w: WeekRef) -> Value {
    match (w.number(), w.sample()) {
        (Some(n), _) => json!(n),
        (None, Some(sample)) => json!(sample),
        (None, None) => Value::Null,
    }
}

fn uncovered(u: &Uncovered) -> Value {
    json!({ "zone": u.zone, "count": u.count, "weeks": u.weeks, "samples": u.samples })
}

fn week<'a>(course: &'a Course, w: &'a Week) -> WeekJson<'a> {
    WeekJson { course, week: w }
}

/// One week, serialized field by field: a large week never becomes a `Value` tree.
struct WeekJson<'a> {
    course: &'a Course,
    week: &'a Week,
}

impl Serialize for WeekJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (course, w) = (self.course, self.week);
        // Items of a week share at most a couple of due times: render each once.
        let mut dues: Vec<(*const Due, Value, Value)> = Vec::new();
        for due in w.items.iter().filter_map(|i| i.due.as_ref()) {
            let ptr = std::sync::Arc::as_ptr(due);
            if !dues.iter().any(|d| d.0 == ptr) {
                let local: Value = due
                    .local
                    .iter()
                    .map(|l| json!({ "zone": l.zone, "at": instant(&l.at) }))
                    .collect();
                dues.push((
                    ptr,
                    Value::String(due_text(due, &course.meta.timezone)),
                    local,
                ));
            }
        }
        let mut map = serializer.serialize_map(Some(5))?;
        map.serialize_entry("week", &w.week)?;
        map.serialize_entry("start", &w.start.map(|d| d.to_string()))?;
        map.serialize_entry(
            "items",
            &Lazy(|| w.items.iter().map(|i| item(course, i, &dues))),
        )?;
        map.serialize_entry(
            "live_session",
            &w.live_session.as_ref().map(|s| {
                json!({
                    "minutes": s.minutes,
                    "segments": segments(course, &s.segments),
                })
            }),
        )?;
        map.serialize_entry(
            "alternatives",
            &Lazy(|| {
                w.alternatives.iter().map(|a| {
                    json!({
                        "zone": a.zone,
                        "count": a.count,
                        "route": "recording-and-response",
                        "due": a.due.as_ref().map(instant),
                    })
                })
            }),
        )?;
        map.end()
    }
}

fn item(course: &Course, item: &Item, dues: &[(*const Due, Value, Value)]) -> Value {
    let a = &course.activities[item.activity];
    let mut value = json!({
        "activity": a.id,
        "kind": a.kind.as_str(),
        "mode": item.mode.as_str(),
        "minutes": a.minutes,
    });
    let map = value.as_object_mut().expect("json! object");
    if let Some(due) = &item.due {
        let ptr = std::sync::Arc::as_ptr(due);
        let (_, text, local) = dues
            .iter()
            .find(|d| d.0 == ptr)
            .expect("every due time of the week was rendered");
        map.insert("due".into(), text.clone());
        map.insert("due_day".into(), Value::String(due.day.as_str().into()));
        map.insert("due_time".into(), Value::String(due.time.to_string()));
        map.insert("due_local".into(), local.clone());
        map.insert("before_live".into(), Value::Bool(item.before_live));
    }
    if let Some(recorded) = item.recorded {
        map.insert("recorded".into(), Value::Bool(recorded));
        map.insert("segments".into(), segments(course, &item.segments));
    }
    value
}

/// A due time as one unambiguous string: an RFC 9557 instant with a start date, else a weekday.
pub fn due_text(due: &Due, timezone: &str) -> String {
    match &due.at {
        Some(at) => instant(at),
        None => format!("{} {} {timezone}", due.day, due.time),
    }
}

/// An instant as RFC 9557 text: local date-time, offset and zone name.
pub fn instant(at: &jiff::ZonedDateTime) -> String {
    at.strftime("%Y-%m-%dT%H:%M:%S%:z[%Q]").to_string()
}

fn segments(course: &Course, segments: &[Segment]) -> Value {
    Value::Array(
        segments
            .iter()
            .map(|s| match s.activity {
                Some(i) => json!({
                    "kind": s.kind.as_str(),
                    "minutes": s.minutes,
                    "activity": course.activities[i].id,
                }),
                None => json!({ "kind": s.kind.as_str(), "minutes": s.minutes }),
            })
            .collect(),
    )
}
