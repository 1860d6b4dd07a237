//! `live-work-without-time`: its documentation and default severity are in the registry
//! ([`crate::rules::RuleId`]); this file holds its condition.

use std::collections::BTreeMap;

use super::{Context, Finding};

pub(super) fn run(cx: &Context<'_>) -> Vec<Finding> {
    let course = cx.course();
    // Weeks without a time, by activity, in file order.
    let mut missing: BTreeMap<usize, Vec<u32>> = BTreeMap::new();
    for (week, activity) in cx.schedule().unplaced() {
        missing.entry(activity).or_default().push(week);
    }
    let days: Vec<String> = course
        .meta
        .live_days
        .iter()
        .map(|d| d.to_string())
        .collect();
    let window = course
        .meta
        .live_window
        .map(|w| format!(" and `live_window` {w}"))
        .unwrap_or_default();
    missing
        .into_iter()
        .map(|(index, weeks)| {
            let a = &course.activities[index];
            Finding {
                span: a.spans.mode.unwrap_or(a.spans.minutes),
                message: format!(
                    "live activity `{}` ({} min) has no time in week(s) {}: `live_days` ({}){window} leave no room clear of the other live sittings",
                    a.id,
                    a.minutes,
                    crate::schedule::format_weeks(&weeks),
                    days.join(", "),
                ),
                help: Some(
                    "allow more `live_days`, widen `live_window`, shorten the live work, or make it self-paced".into(),
                ),
                about: vec![(index, None)],
                ..Finding::default()
            }
        })
        .collect()
}
