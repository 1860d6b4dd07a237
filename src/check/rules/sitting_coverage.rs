//! `unreachable-sitting` and `low-sitting-coverage`: their documentation and default
//! severities are in the registry ([`crate::rules::RuleId`]); this file holds their conditions.
//!
//! Both look at the searched live sitting (the slot mixplan chose, not one pinned with
//! `live_at`, which `pinned-slot-excludes-students` reports), in its worst week.

use crate::diagnostic::Span;
use crate::schedule::LiveSlot;

use super::{Context, Finding};

/// Below this share of the class in its worst week, a searched sitting is a warning.
pub const LOW_COVERAGE: f64 = 0.5;

fn searched<'a>(cx: &'a Context<'_>) -> Option<&'a LiveSlot> {
    cx.schedule()
        .live_slots
        .first()
        .filter(|slot| !slot.pinned && !slot.repeat)
}

/// The longest live activity: what sets the sitting's length, and what to shorten.
fn longest_live(cx: &Context<'_>) -> Option<Span> {
    cx.live()
        .max_by_key(|(d, a)| (a.minutes, std::cmp::Reverse(d.index)))
        .map(|(_, a)| a.spans.minutes)
}

pub(super) fn unreachable(cx: &Context<'_>) -> Vec<Finding> {
    let Some(slot) = searched(cx) else {
        return Vec::new();
    };
    if slot.students_covered > 0 {
        return Vec::new();
    }
    let span = longest_live(cx).unwrap_or_else(|| cx.course_header());
    vec![Finding {
        span,
        message: format!(
            "the live sitting at {} {} {} ({} min) reaches none of the {} students inside their local hours",
            slot.day,
            slot.time,
            slot.timezone,
            slot.minutes,
            cx.course().students.count
        ),
        help: Some(
            "shorten or split the live work, allow more `live_days`, or give each zone its real `available` window (`mixplan explain default-availability`)".into(),
        ),
    }]
}

pub(super) fn low(cx: &Context<'_>) -> Vec<Finding> {
    let Some(slot) = searched(cx) else {
        return Vec::new();
    };
    let count = cx.course().students.count.max(1);
    let share = f64::from(slot.students_covered) / f64::from(count);
    if slot.students_covered == 0 || share >= LOW_COVERAGE {
        return Vec::new();
    }
    let span = longest_live(cx).unwrap_or_else(|| cx.course_header());
    vec![Finding {
        span,
        message: format!(
            "the live sitting at {} {} {} ({} min) reaches {} of {} students ({:.0}%) in its worst week",
            slot.day,
            slot.time,
            slot.timezone,
            slot.minutes,
            slot.students_covered,
            count,
            share * 100.0
        ),
        help: Some(
            "most students depend on the repeat session or the recording: shorten the live work, allow more `live_days`, or plan fewer live minutes".into(),
        ),
    }]
}
