//! `--format json`: the versioned contract of SPEC section 5.
//!
//! Built explicitly with `json!` rather than derived, so the keys programs rely on are all in
//! one place and cannot change by renaming a Rust field.

use serde_json::{Value, json};

use crate::Recommendation;
use crate::course::Course;
use crate::engine::{Decision, Reason};
use crate::schedule::{Due, Item, LiveSlot, Schedule, Segment, Uncovered, Week, WeekRef};

/// Version of the JSON output; bumped only on incompatible changes.
pub const SCHEMA_VERSION: u32 = 1;

/// The whole `recommend` object.
pub fn recommendation(rec: &Recommendation) -> Value {
    let course = &rec.course;
    let plan = &rec.plan;
    let summary = &plan.summary;
    json!({
        "schema_version": SCHEMA_VERSION,
        "course": course_header(course),
        "activities": plan.decisions.iter().map(|d| decision(course, d)).collect::<Vec<_>>(),
        "summary": {
            "sync_minutes_per_week": summary.sync_minutes_per_week,
            "async_minutes_per_week": summary.async_minutes_per_week,
            "sync_band_minutes": [summary.band_minutes.0, summary.band_minutes.1],
            "band_enforced": summary.band_enforced,
            "within_band": summary.within_band(),
            "pattern": plan.pattern.as_str(),
            "pattern_reason": plan.pattern_reason,
        },
        "schedule": schedule(course, &rec.schedule),
        "advice": rec.advice().iter().map(|a| json!({"rule": a.rule, "message": a.message})).collect::<Vec<_>>(),
    })
}

/// The `schedule` command's object: the course header and the schedule alone.
pub fn schedule_only(rec: &Recommendation) -> Value {
    json!({
        "schema_version": SCHEMA_VERSION,
        "course": course_header(&rec.course),
        "schedule": schedule(&rec.course, &rec.schedule),
    })
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
        "weight": r.weight,
        "detail": r.detail,
    })
}

fn schedule(course: &Course, s: &Schedule) -> Value {
    json!({
        "live_slots": s.live_slots.iter().map(live_slot).collect::<Vec<_>>(),
        "uncovered": s.uncovered.iter().map(uncovered).collect::<Vec<_>>(),
        "weeks": s.weeks.iter().map(|w| week(course, w)).collect::<Vec<_>>(),
    })
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

fn week(course: &Course, w: &Week) -> Value {
    json!({
        "week": w.week,
        "start": w.start.map(|d| d.to_string()),
        "items": w.items.iter().map(|i| item(course, i)).collect::<Vec<_>>(),
        "live_session": w.live_session.as_ref().map(|s| json!({
            "minutes": s.minutes,
            "segments": segments(course, &s.segments),
        })),
        "alternatives": w.alternatives.iter().map(|a| json!({
            "zone": a.zone,
            "count": a.count,
            "route": "recording-and-response",
            "due": a.due.as_ref().map(instant),
        })).collect::<Vec<_>>(),
    })
}

fn item(course: &Course, item: &Item) -> Value {
    let a = &course.activities[item.activity];
    let mut value = json!({
        "activity": a.id,
        "kind": a.kind.as_str(),
        "mode": item.mode.as_str(),
        "minutes": a.minutes,
    });
    let map = value.as_object_mut().expect("json! object");
    if let Some(due) = &item.due {
        map.insert(
            "due".into(),
            Value::String(due_text(due, &course.meta.timezone)),
        );
        map.insert("due_day".into(), Value::String(due.day.as_str().into()));
        map.insert("due_time".into(), Value::String(due.time.to_string()));
        map.insert(
            "due_local".into(),
            due.local
                .iter()
                .map(|l| json!({ "zone": l.zone, "at": instant(&l.at) }))
                .collect(),
        );
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
