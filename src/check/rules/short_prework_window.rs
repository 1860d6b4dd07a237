//! `short-prework-window`: its documentation (`DOC`: summary, evidence, default severity,
//! example) and its condition.

// The `checks!` entries of this file, collected into `list.rs` by `cargo xtask generate`:
// check: ShortPreworkWindow = "short-prework-window", about: Activity

use super::{Context, Finding};

pub(super) fn run(cx: &Context<'_>) -> Vec<Finding> {
    let course = cx.course();
    let schedule = cx.schedule();
    schedule
        .short_prework
        .iter()
        .map(|short| {
            let a = &course.activities[short.activity];
            let sitting = &schedule.sittings[short.sitting];
            let hours = short.minutes / 60;
            let minutes = short.minutes % 60;
            // Weeks that start the day after the week's last required sitting give every
            // meeting the whole week before it.
            let last = schedule
                .weeks
                .get(short.week as usize - 1)
                .into_iter()
                .flat_map(|w| &w.sittings)
                .map(|h| &schedule.sittings[h.sitting])
                .filter(|s| !s.optional && !s.exam)
                .max_by_key(|s| (course.meta.days_into_week(s.day), s.time))
                .map_or(sitting.day, |s| s.day);
            let after = crate::course::Weekday::from_index(i64::from(last.index()) + 1);
            Finding {
                span: a.spans.kind,
                message: format!(
                    "pre-work `{}` is due when `{}` starts ({} {} {}) in week {}, {hours} h {minutes:02} min after the week opens, less than the {} h it needs",
                    a.id,
                    sitting.id,
                    sitting.day,
                    sitting.time,
                    course.meta.timezone,
                    short.week,
                    course.meta.prework_hours
                ),
                help: Some(format!(
                    "start course weeks the day after the week's last live session (`week_starts = \"{after}\"`), or release the pre-work before `start`"
                )),
                about: vec![(short.activity, None)],
                ..Finding::default()
            }
        })
        .collect()
}

/// `short-prework-window`.
pub(super) const DOC: super::RuleDoc = super::RuleDoc {
    kind: super::RuleKind::Check(super::Severity::Info),
    summary: "Pre-work falls due less than `prework_hours` after the week opens, in week 1",
    evidence: "seed: The Blended Approach (flipped classroom: content self-paced before the live session that uses it; the key is intentionality: each activity in the mode that serves its purpose)",
    doc: "Pre-work (a self-paced lecture, reading, demonstration or announcement with no own `due`) is due when the first required online live meeting of its week starts, or the meeting of the activity it `prepares` (a class in a room too). When that meeting starts less than `prework_hours` (default 48) after the week opens (its first day at 00:00, or `start`), mixplan lists the item in the previous teaching week instead, due at the same instant. Week 1 has no previous week, so the finding gives the hours and minutes left; start course weeks the day after the week's last live session (`week_starts`), or release the pre-work before `start`. The 48 hours are mixplan's convention, not the guide's.",
    example: "[course]\nstart = 2027-01-11\nweek_starts = \"mon\"\n\n[[activities]]\nid = \"videos\"\nkind = \"lecture\"\nminutes = 60\n\n[[activities]]\nid = \"seminar\"\nkind = \"discussion\"\nminutes = 60\nat = { day = \"mon\", time = \"10:00\" }",
};
