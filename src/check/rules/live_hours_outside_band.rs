//! `live-hours-outside-band`: its documentation and default severity are in the registry
//! ([`crate::rules::RuleId`]); this file holds its condition.

use crate::course::Delivery;

use super::{Context, Finding, hours};

pub(super) fn run(cx: &Context<'_>) -> Vec<Finding> {
    let course = cx.course();
    let summary = &cx.plan.summary;
    if course.meta.delivery != Delivery::Online || summary.within_band() {
        return Vec::new();
    }
    let (min, max) = summary.band_minutes;
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
