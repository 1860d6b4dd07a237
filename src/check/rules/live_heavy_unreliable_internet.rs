//! `live-heavy-unreliable-internet`: its documentation and default severity are in the registry
//! ([`crate::rules::RuleId`]); this file holds its condition.

use crate::engine::rules::RELIABLE_INTERNET_FLOOR;

use super::{Context, Finding};

pub(super) fn run(cx: &Context<'_>) -> Vec<Finding> {
    let students = &cx.course().students;
    let Some(share) = students.reliable_internet else {
        return Vec::new();
    };
    let summary = &cx.plan.summary;
    let live = summary.sync_minutes_per_week;
    if share >= RELIABLE_INTERNET_FLOOR || live <= 0.0 || live < summary.async_minutes_per_week {
        return Vec::new();
    }
    vec![Finding {
        span: cx
            .course
            .students
            .reliable_internet_span
            .unwrap_or_else(|| cx.course_header()),
        message: format!(
            "only {:.0}% of students have a dependable connection, but {live} of {} weekly minutes are live",
            share * 100.0,
            live + summary.async_minutes_per_week
        ),
        help: Some("move work to self-paced formats and record every live session".into()),
        ..Finding::default()
    }]
}
