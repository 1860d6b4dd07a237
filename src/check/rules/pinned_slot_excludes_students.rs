//! `pinned-slot-excludes-students`: its documentation and default severity are in the registry
//! ([`crate::rules::RuleId`]); this file holds its condition.

use crate::schedule::format_weeks;

use super::{Context, Finding};

pub(super) fn run(cx: &Context<'_>) -> Vec<Finding> {
    let Some(at) = cx.course().meta.live_at else {
        return Vec::new();
    };
    // The pinned slot's own exclusions: even when a repeat session reaches these students,
    // the designer pinned a time that shuts them out of the main session.
    let schedule = cx.schedule();
    let Some(slot) = schedule.live_slots.iter().find(|s| s.pinned) else {
        return Vec::new();
    };
    let repeat = schedule.live_slots.iter().find(|s| s.repeat);
    slot.excluded
        .iter()
        .filter(|u| u.count > 0)
        .map(|u| {
            let weeks = if !u.weeks.is_empty() {
                format!(" in weeks {}", format_weeks(&u.weeks))
            } else if !u.samples.is_empty() {
                format!(" (in {} weeks)", u.samples.join(" and "))
            } else {
                String::new()
            };
            let reached = repeat.is_some_and(|r| {
                r.local.iter().any(|l| l.zone == u.zone && l.covered)
            });
            let help = match repeat {
                Some(r) if reached => format!(
                    "a repeat session at {} {} {} reaches them; or remove `live_at` to let mixplan pick a slot the most students can attend",
                    r.day, r.time, r.timezone
                ),
                _ => "remove `live_at` to let mixplan pick a slot the most students can attend, or give these students the recording plus a written response".into(),
            };
            Finding {
                span: at.span,
                message: format!(
                    "the pinned live slot ({} {} {}) is outside the available hours of {} student(s) in {}{weeks}",
                    slot.day, slot.time, slot.timezone, u.count, u.zone
                ),
                help: Some(help),
            }
        })
        .collect()
}
