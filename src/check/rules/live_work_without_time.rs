//! `live-work-without-time`: its documentation (`DOC`: summary, evidence, default severity,
//! example) and its condition.

// The `checks!` entries of this file, collected into `list.rs` by `cargo xtask generate`:
// check: LiveWorkWithoutTime = "live-work-without-time", about: Activity

use std::collections::BTreeMap;

use super::{Context, Finding};

pub(super) fn run(cx: &Context<'_>) -> Vec<Finding> {
    let course = cx.course();
    // Weeks without a time, by activity, in file order.
    let mut missing: BTreeMap<usize, Vec<u32>> = BTreeMap::new();
    for (week, activity) in cx.schedule().unplaced() {
        missing.entry(activity).or_default().push(week);
    }
    if missing.is_empty() {
        return Vec::new();
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

/// `live-work-without-time`.
pub(super) const DOC: super::RuleDoc = super::RuleDoc {
    kind: super::RuleKind::Check(super::Severity::Error),
    summary: "Live work that mixplan found no time for: the allowed days and the live window are full",
    evidence: "seed: Synchronous Learning > Weaknesses (live work happens at set times students must be free for); mixplan's scheduling rules (live days, live window, 10 minutes between sittings)",
    doc: "Each live sitting mixplan searches for keeps clear of the fixed sittings and of the sittings it placed before, on the `live_days` and inside the `live_window`. When the live work of a week needs more room than those leave, the last sittings have no time and the schedule lists them as live work without a time. A plan with a live session nobody can be given a time for is broken, so this is an error: allow more weekdays, widen the window, shorten the live work, or make some of it self-paced.",
    example: "[course]\nlive_days = [\"sat\"]\nlive_window = \"09:00-12:00\"\nsync_hours = [0, 5]\n\n[[activities]]\nid = \"lab-a\"\nkind = \"lab\"\nminutes = 75\nmode = \"sync\"\n\n[[activities]]\nid = \"lab-b\"\nkind = \"lab\"\nminutes = 75\nmode = \"sync\"\n\n[[activities]]\nid = \"lab-c\"\nkind = \"lab\"\nminutes = 75\nmode = \"sync\"",
};
