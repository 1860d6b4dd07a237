//! `pinned-slot-excludes-students`: its documentation and default severity are in the registry
//! ([`crate::rules::RuleId`]); this file holds its condition.

use crate::schedule::format_weeks;

use super::{Context, Finding};

pub(super) fn run(cx: &Context<'_>) -> Vec<Finding> {
    let mut found = fixed_sittings(cx);
    found.extend(pinned_slot(cx));
    found
}

/// A sitting fixed with `at` that no student can attend: the same problem as a pinned slot,
/// written on the activity.
fn fixed_sittings(cx: &Context<'_>) -> Vec<Finding> {
    let course = cx.course();
    if !course.activities.iter().any(|a| a.is_fixed()) {
        return Vec::new();
    }
    cx.schedule()
        .sittings
        .iter()
        .filter(|s| s.fixed && s.students_covered == 0 && course.students.count > 0)
        .filter_map(|s| {
            let first = &course.activities[*s.activities.first()?];
            let at = first.at.get(s.section.map_or(0, |(n, _)| n - 1))?;
            Some(Finding {
                span: at.span,
                message: format!(
                    "sitting `{}` ({} {} {}) is outside the available hours of every student",
                    s.id, s.day, s.time, course.meta.timezone
                ),
                help: Some(
                    "move it to a time inside the students' windows, add a section at another time (`at` as a list), or give them the recording plus a written response".into(),
                ),
            })
        })
        .collect()
}

fn pinned_slot(cx: &Context<'_>) -> Vec<Finding> {
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
