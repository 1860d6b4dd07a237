//! `live-hours-outside-band`: its documentation (`DOC`: summary, evidence, default severity,
//! example) and its condition.

// The `checks!` entries of this file, collected into `list.rs` by `cargo xtask generate`:
// check: LiveHoursOutsideBand = "live-hours-outside-band", about: Week

use crate::diagnostic::Severity;
use crate::engine::PlanNote;

use super::{Context, Finding, hours};

/// The effective ceiling, when live time is under the floor only because it held moves live
/// back: students without a dependable connection lowered it (no activity was held back for
/// reaching under half of the class).
fn held_by_connectivity(cx: &Context<'_>) -> Option<f64> {
    cx.plan.notes.iter().find_map(|n| match n {
        PlanNote::BandUnreachable {
            held_back,
            connectivity: Some(effective),
            ..
        } if held_back.is_empty() => Some(*effective),
        _ => None,
    })
}

pub(super) fn run(cx: &Context<'_>) -> Vec<Finding> {
    let course = cx.course();
    let summary = &cx.plan.summary;
    let (min, max) = summary.band_minutes;
    if summary.within_band() {
        return weeks_over(cx, max);
    }
    // The band measures sittings, breaks included: the online ones against the ceiling, and
    // with the sittings in a room against the floor.
    let online = summary.sync_sitting_minutes_per_week;
    let rooms = summary.in_person_minutes_per_week > 0.0;
    let (side, live, help) = if online > max {
        (
            "above",
            online,
            "unpin or shorten live activities, or widen `sync_hours` if the extra live time is deliberate",
        )
    } else {
        (
            "below",
            summary.floor_measure(),
            "add a live discussion, Q&A or problem-solving session (not a lecture), or lower `sync_hours` if the course is meant to be self-paced",
        )
    };
    let what = match (rooms, side) {
        (false, _) => "weekly live time",
        (true, "above") => "weekly online live time (sittings in a room left out)",
        (true, _) => "weekly live time, online and in rooms,",
    };
    let mut finding = Finding {
        span: course
            .meta
            .sync_hours_span
            .unwrap_or_else(|| cx.course_header()),
        message: format!(
            "{what} is {} h ({live} min), {side} the band of {}-{} h",
            hours(live),
            hours(min),
            hours(max)
        ),
        help: Some(help.into()),
        ..Finding::default()
    };
    // Under the floor only because the connectivity ceiling held moves back: a choice made
    // for the students, worth knowing, not a warning.
    if side == "below"
        && let Some(effective) = held_by_connectivity(cx)
    {
        finding.message.push_str(&format!(
            ", because students without a dependable connection lower the ceiling to {effective} min/week and the next live move would pass it"
        ));
        finding.help = Some(
            "nothing to fix if the class's connection is as written; shorter interactive activities would let the plan come closer to the floor".into(),
        );
        finding.severity = Some(Severity::Info);
    }
    vec![finding]
}

/// With the mean inside the band: every teaching week whose own measure exceeds the ceiling,
/// with its minutes, in one finding.
fn weeks_over(cx: &Context<'_>, max: f64) -> Vec<Finding> {
    let course = cx.course();
    let schedule = cx.schedule();
    let over: Vec<String> = schedule
        .weeks
        .iter()
        .filter(|w| course.meta.is_teaching(w.week, false))
        .map(|w| (w.week, schedule.week_sitting_minutes(w)))
        .filter(|&(_, minutes)| f64::from(minutes) > max + 1e-9)
        .map(|(week, minutes)| format!("week {week} ({minutes} min)"))
        .collect();
    if over.is_empty() {
        return Vec::new();
    }
    vec![Finding {
        span: course
            .meta
            .sync_hours_span
            .unwrap_or_else(|| cx.course_header()),
        message: format!(
            "weekly live time is inside the band on average, but above its ceiling of {} h in {}",
            hours(max),
            over.join(", ")
        ),
        help: Some(
            "spread the live work of those weeks over others (`weeks`), make part of it self-paced, or widen `sync_hours` if the peak is deliberate".into(),
        ),
        ..Finding::default()
    }]
}

/// `live-hours-outside-band`.
pub(super) const DOC: super::RuleDoc = super::RuleDoc {
    kind: super::RuleKind::Check(super::Severity::Warning),
    summary: "Weekly live time of an online course is outside the `sync_hours` band",
    evidence: "seed: FAQ \"How much synchronous time is ideal?\" (one to three hours a week online; more creates scheduling barriers, less weakens community). No primary study fixes the numbers: the band is a convention, set it with `sync_hours`",
    doc: "The engine keeps live time inside the band by moving activities, but it never moves a pinned activity and never puts content transmission live. When the plan still ends up above or below the band, the pinned modes or the activity list need a look. The band is a mean over teaching weeks, so with the mean inside it the check still names every teaching week whose own live time (required, non-exam sittings, breaks included, one section counted; repeats, optional and cancelled sittings left out) exceeds the ceiling, with its minutes: a workshop week can be a scheduling barrier on its own. Weeks under the floor are reported only through the mean. In a hybrid course the ceiling is judged on the online sittings and the floor on the online sittings together with the sittings in a room (`in_person`): a class that meets in a room has the community the floor protects. Under the floor only because the connectivity ceiling (`unreliable-connectivity`) held the next live move back, the finding is an info naming connectivity.",
    example: "[course]\nsync_hours = [1.0, 2.0]\n\n[[activities]]\nid = \"seminar\"\nkind = \"discussion\"\nminutes = 180\nmode = \"sync\"",
};
