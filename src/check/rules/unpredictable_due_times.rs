//! `unpredictable-due-times`: its documentation (`DOC`: summary, evidence, default severity,
//! example) and its condition.

// The `checks!` entries of this file, collected into `list.rs` by `cargo xtask generate`:
// check: UnpredictableDueTimes = "unpredictable-due-times", about: Course

use crate::course::{Mode, TimeOfDay, Weekday};
use crate::diagnostic::Span;

use super::{Context, Finding};

/// Weekly due times a student can keep in mind: one for the week's work, and one more (a
/// mid-week forum post, say).
pub const MAX_DUE_TIMES: usize = 2;

/// One written weekly due time and where it is first written.
#[derive(Clone, Copy)]
struct DueTime {
    day: Weekday,
    time: TimeOfDay,
    span: Span,
}

pub(super) fn run(cx: &Context<'_>) -> Vec<Finding> {
    let course = cx.course();
    // The weekly rhythm: the course's own `due` first, then the `due` of each required
    // self-paced activity held in at least half the weeks, in file order. A one-off
    // deliverable's own time is part of no weekly rhythm.
    let written = course
        .meta
        .due
        .as_ref()
        .map(|d| DueTime {
            day: d.day,
            time: d.time,
            span: cx.course_header(),
        })
        .into_iter()
        .chain(cx.regular().filter_map(|(d, a)| {
            let due = a.due.as_ref().filter(|_| d.mode == Mode::Async && !a.optional)?;
            Some(DueTime {
                day: due.day,
                time: due.time,
                span: due.span,
            })
        }));
    let mut distinct: Vec<DueTime> = Vec::new();
    for due in written {
        if !distinct
            .iter()
            .any(|d| (d.day, d.time) == (due.day, due.time))
        {
            distinct.push(due);
        }
    }
    let Some(third) = distinct.get(MAX_DUE_TIMES).copied() else {
        return Vec::new();
    };
    distinct.sort_by_key(|d| (d.day.index(), d.time));
    let times: Vec<String> = distinct
        .iter()
        .map(|d| format!("{} {}", d.day, d.time))
        .collect();
    vec![Finding {
        span: third.span,
        message: format!(
            "weekly self-paced work is due at {} different times a week ({}): students have to track each one",
            distinct.len(),
            times.join(", ")
        ),
        help: Some(format!(
            "keep to at most {MAX_DUE_TIMES} due times a week, the same every week: drop the activities' own `due` where `[course] due` will do, or move them to a shared day and time"
        )),
        ..Finding::default()
    }]
}

/// `unpredictable-due-times`.
pub(super) const DOC: super::RuleDoc = super::RuleDoc {
    kind: super::RuleKind::Check(super::Severity::Info),
    summary: "Weekly self-paced work is due at more than two different times of the week",
    evidence: "seed: Best Practices for Asynchronous Courses (send weekly announcements and set predictable due dates; weekly deadlines are an accountability structure) and Asynchronous Learning > Weaknesses (students must manage their own time and stay on schedule without outside pressure)",
    doc: "A self-paced course keeps students on schedule with deadlines they can plan a week around. When the readings are due Monday 09:00, the forum Wednesday 23:59, the quiz Friday 17:00 and the course's default Sunday night, students track four deadlines a week and the ones who struggle to manage their time miss them. The check counts the distinct weekday-and-time pairs of the weekly rhythm written as `due`: `[course] due` and the `due` of each required self-paced activity held in at least half of the course weeks (a one-off deliverable's own time, and pre-work due at the live session it prepares, are not counted). More than two is reported, with every time listed, at the `due` that made the third. Informational: a second weekly time is common (a mid-week post, a weekend reply), and a course may have reasons for more.",
    example: "[course]\ndue = { day = \"sun\", time = \"23:59\" }\n\n[[activities]]\nid = \"readings\"\nkind = \"reading\"\nminutes = 60\ndue = { day = \"mon\", time = \"09:00\" }\n\n[[activities]]\nid = \"quiz\"\nkind = \"assessment\"\nminutes = 15\ndue = { day = \"fri\", time = \"17:00\" }",
};
