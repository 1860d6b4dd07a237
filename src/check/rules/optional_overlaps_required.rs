//! `optional-overlaps-required`: its documentation (`DOC`: summary, evidence, default severity,
//! example) and its condition.

// The `checks!` entries of this file, collected into `list.rs` by `cargo xtask generate`:
// check: OptionalOverlapsRequired = "optional-overlaps-required", about: Unit

use crate::schedule::{Sitting, WeekSitting};

use super::{Context, Finding};

/// A held sitting's place in the course: (week, day offset in the week, start, end minute).
fn span_of(cx: &Context<'_>, week: u32, s: &Sitting, held: &WeekSitting) -> (u32, i64, u32, u32) {
    let start = u32::from(s.time.minutes);
    (
        week,
        cx.course().meta.days_into_week(s.day),
        start,
        start + held.minutes,
    )
}

pub(super) fn run(cx: &Context<'_>) -> Vec<Finding> {
    let course = cx.course();
    let schedule = cx.schedule();
    // Most courses fix no optional sitting: nothing to look for week by week.
    if !schedule.sittings.iter().any(|s| s.fixed && s.optional) {
        return Vec::new();
    }
    // (optional sitting, required sitting) pairs, each once, with the first week they clash.
    let mut clashes: Vec<(usize, usize, u32)> = Vec::new();
    for week in &schedule.weeks {
        let held: Vec<&WeekSitting> = week.sittings.iter().filter(|h| !h.cancelled).collect();
        for o in held.iter().filter(|h| {
            let s = &schedule.sittings[h.sitting];
            s.fixed && s.optional
        }) {
            let os = &schedule.sittings[o.sitting];
            let (_, od, ostart, oend) = span_of(cx, week.week, os, o);
            for r in &held {
                let rs = &schedule.sittings[r.sitting];
                if rs.optional {
                    continue;
                }
                // A section of an activity with another section held that week: students
                // who want the office hours take the other section.
                let alternative = rs.section.is_some()
                    && held.iter().any(|h| {
                        h.sitting != r.sitting
                            && schedule.sittings[h.sitting].section.is_some()
                            && schedule.sittings[h.sitting].activities.first()
                                == rs.activities.first()
                    });
                let (_, rd, rstart, rend) = span_of(cx, week.week, rs, r);
                let same_day = match (o.date, r.date) {
                    (Some(a), Some(b)) => a == b,
                    _ => od == rd,
                };
                if alternative || !same_day || oend <= rstart || rend <= ostart {
                    continue;
                }
                if !clashes.iter().any(|c| c.0 == o.sitting && c.1 == r.sitting) {
                    clashes.push((o.sitting, r.sitting, week.week));
                }
            }
        }
    }
    clashes
        .into_iter()
        .filter_map(|(o, r, week)| {
            let (os, rs) = (&schedule.sittings[o], &schedule.sittings[r]);
            let first = &course.activities[*os.activities.first()?];
            let at = first.at.get(os.section.map_or(0, |(n, _)| n - 1))?;
            Some(Finding {
                span: at.span,
                message: format!(
                    "optional sitting `{}` ({} {}) overlaps required sitting `{}` ({} {}) from week {week}: students cannot come to both",
                    os.id, os.day, os.time, rs.id, rs.day, rs.time
                ),
                help: Some(
                    "move the optional sitting to a time clear of required work".into(),
                ),
                about: os
                    .activities
                    .iter()
                    .map(|&a| (a, os.section.map(|(n, _)| n)))
                    .collect(),
                ..Finding::default()
            })
        })
        .collect()
}

/// `optional-overlaps-required`.
pub(super) const DOC: super::RuleDoc = super::RuleDoc {
    kind: super::RuleKind::Check(super::Severity::Warning),
    summary: "An optional sitting fixed with `at` overlaps a required sitting",
    evidence: "seed: Best Practices for Asynchronous Courses (design for instructor presence); Synchronous Learning > Weaknesses (students must be free at the set time)",
    doc: "Office hours and other optional sittings may overlap each other (several staff hold hours at once), but one held during required live work is one no student of that work can use: they are in the required sitting. It is a warning, not an error, because nobody must attend the optional one. Nothing is reported when the required sitting is a section of an activity with another section that week, since students who want the office hours can take the other section.",
    example: "[[activities]]\nid = \"seminar\"\nkind = \"discussion\"\nminutes = 60\nat = { day = \"wed\", time = \"10:00\" }\n\n[[activities]]\nid = \"office-hours\"\nkind = \"office-hours\"\nminutes = 60\nat = { day = \"wed\", time = \"10:30\" }",
};
