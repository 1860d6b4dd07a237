//! `live-hours-outside-band`: its documentation (`DOC`: summary, evidence, default severity,
//! example) and its condition.

// The `checks!` entries of this file, collected into `list.rs` by `cargo xtask generate`:
// check: LiveHoursOutsideBand = "live-hours-outside-band", about: Week

use crate::course::Delivery;

use super::{Context, Finding, hours};

pub(super) fn run(cx: &Context<'_>) -> Vec<Finding> {
    let course = cx.course();
    let summary = &cx.plan.summary;
    if course.meta.delivery != Delivery::Online {
        return Vec::new();
    }
    let (min, max) = summary.band_minutes;
    if summary.within_band() {
        return weeks_over(cx, max);
    }
    // The band measures sittings, breaks included.
    let live = summary.sync_sitting_minutes_per_week;
    let (side, help) = if live > max {
        (
            "above",
            "unpin or shorten live activities, or widen `sync_hours` if the extra live time is deliberate",
        )
    } else {
        (
            "below",
            "add a live discussion, Q&A or problem-solving session (not a lecture), or lower `sync_hours` if the course is meant to be self-paced",
        )
    };
    vec![Finding {
        span: course
            .meta
            .sync_hours_span
            .unwrap_or_else(|| cx.course_header()),
        message: format!(
            "weekly live time is {} h ({live} min), {side} the band of {}-{} h",
            hours(live),
            hours(min),
            hours(max)
        ),
        help: Some(help.into()),
        ..Finding::default()
    }]
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
    doc: "The engine keeps live time inside the band by moving activities, but it never moves a pinned activity and never puts content transmission live. When the plan still ends up above or below the band, the pinned modes or the activity list need a look. The band is a mean over teaching weeks, so with the mean inside it the check still names every teaching week whose own live time (required, non-exam sittings, breaks included, one section counted; repeats, optional and cancelled sittings left out) exceeds the ceiling, with its minutes: a workshop week can be a scheduling barrier on its own. Weeks under the floor are reported only through the mean. Hybrid courses are not checked: their in-person time is not in the file.",
    example: "[course]\nsync_hours = [1.0, 2.0]\n\n[[activities]]\nid = \"seminar\"\nkind = \"discussion\"\nminutes = 180\nmode = \"sync\"",
};
