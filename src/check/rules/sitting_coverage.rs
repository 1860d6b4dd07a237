//! `unreachable-sitting`, `unreachable-optional-sitting` and `low-sitting-coverage`: their
//! documentation and default severities are in the registry ([`crate::rules::RuleId`]); this
//! file holds their conditions.
//!
//! They look at the sittings mixplan searched for (a fixed sitting keeps the time the file
//! wrote, and `pinned-slot-excludes-students` reports whom it misses), each in its worst week.
//! A sitting pinned with `live_at` is reported by that check too.

use crate::diagnostic::Span;
use crate::schedule::Sitting;

use super::{Context, Finding};

/// Below this share of the class in its worst week, a searched sitting is a warning.
pub const LOW_COVERAGE: f64 = 0.5;

/// Searched sittings (not fixed with `at`, not pinned with `live_at`), with their optional flag.
fn searched<'a>(cx: &'a Context<'_>) -> impl Iterator<Item = &'a Sitting> {
    let schedule = cx.schedule();
    let pinned = schedule.live_slots.first().is_some_and(|s| s.pinned);
    schedule
        .sittings
        .iter()
        .filter(move |s| !(s.fixed || pinned && s.id == "live"))
}

/// The sitting's longest activity: what sets its length, and what to shorten.
fn longest(cx: &Context<'_>, sitting: &Sitting) -> Span {
    sitting
        .activities
        .iter()
        .map(|&i| &cx.course().activities[i])
        .max_by_key(|a| a.minutes)
        .map_or_else(|| cx.course_header(), |a| a.spans.minutes)
}

fn finding(cx: &Context<'_>, sitting: &Sitting, what: String, help: &str) -> Finding {
    Finding {
        span: longest(cx, sitting),
        message: format!(
            "the live sitting `{}` at {} {} {} ({} min) {what}",
            sitting.id,
            sitting.day,
            sitting.time,
            cx.course().meta.timezone,
            sitting.minutes
        ),
        help: Some(help.into()),
    }
}

const REACH_HELP: &str = "shorten or split the live work, allow more `live_days`, or give each zone its real `available` window (`mixplan explain default-availability`)";

pub(super) fn unreachable(cx: &Context<'_>) -> Vec<Finding> {
    let count = cx.course().students.count;
    searched(cx)
        .filter(|s| !s.optional && s.students_covered == 0)
        .map(|s| {
            finding(
                cx,
                s,
                format!("reaches none of the {count} students inside their local hours"),
                REACH_HELP,
            )
        })
        .collect()
}

pub(super) fn unreachable_optional(cx: &Context<'_>) -> Vec<Finding> {
    searched(cx)
        .filter(|s| s.optional && s.students_covered == 0)
        .map(|s| {
            finding(
                cx,
                s,
                "is optional, and no student can attend it inside their local hours".into(),
                REACH_HELP,
            )
        })
        .collect()
}

pub(super) fn low(cx: &Context<'_>) -> Vec<Finding> {
    let count = cx.course().students.count.max(1);
    searched(cx)
        .filter(|s| !s.optional && s.students_covered > 0)
        .filter(|s| f64::from(s.students_covered) < f64::from(count) * LOW_COVERAGE)
        .map(|s| {
            finding(
                cx,
                s,
                format!(
                    "reaches {} of {count} students ({:.0}%) in its worst week",
                    s.students_covered,
                    f64::from(s.students_covered) / f64::from(count) * 100.0
                ),
                "most students depend on the repeat session or the recording: shorten the live work, allow more `live_days`, or plan fewer live minutes",
            )
        })
        .collect()
}
