//! `optional-overlaps-required`: its documentation (`DOC`: summary, evidence, default severity,
//! example) and its condition.

// The `checks!` entries of this file, collected into `list.rs` by `cargo xtask generate`:
// check: OptionalOverlapsRequired = "optional-overlaps-required", about: Unit

use crate::fast_map::FastMap;
use crate::schedule::{Sitting, WeekSitting};

use super::{Context, Finding};

/// A held sitting's place in its week: (day offset in the week, start, end minute).
fn span_of(cx: &Context<'_>, s: &Sitting, held: &WeekSitting) -> (i64, u32, u32) {
    let start = u32::from(s.time.minutes);
    (
        cx.course().meta.days_into_week(s.day),
        start,
        start + held.minutes,
    )
}

pub(super) fn run(cx: &Context<'_>) -> Vec<Finding> {
    let course = cx.course();
    let schedule = cx.schedule();
    let fixed_optional = |h: &WeekSitting| {
        let s = &schedule.sittings[h.sitting];
        s.fixed && s.optional
    };
    // Most courses fix no optional sitting: nothing to look for week by week.
    if !schedule.sittings.iter().any(|s| s.fixed && s.optional) {
        return Vec::new();
    }
    // (optional sitting, required sitting) pairs, each once, with the first week they clash.
    let mut clashes: Vec<(usize, usize, u32)> = Vec::new();
    let mut seen: FastMap<(usize, usize), ()> = FastMap::default();
    // Worked out once per week, not per pair: a syllabus with eighteen office-hour slots and
    // a dozen lab sections meets every pair of them each week.
    let mut required: Vec<(&WeekSitting, (i64, u32, u32))> = Vec::new();
    // Per activity (its first): the first held section's sitting, and whether another is held.
    let mut sections: FastMap<Option<usize>, (usize, bool)> = FastMap::default();
    for week in &schedule.weeks {
        let held: Vec<&WeekSitting> = week.sittings.iter().filter(|h| !h.cancelled).collect();
        if !held.iter().any(|h| fixed_optional(h)) {
            continue;
        }
        sections.clear();
        for h in &held {
            let s = &schedule.sittings[h.sitting];
            if s.section.is_some() {
                let seen = sections
                    .entry(s.activities.first().copied())
                    .or_insert((h.sitting, false));
                seen.1 |= seen.0 != h.sitting;
            }
        }
        // The required sittings an optional one can clash with: not a section of an activity
        // with another section held that week (students who want the office hours take the
        // other section).
        required.clear();
        required.extend(held.iter().copied().filter_map(|r| {
            let rs = &schedule.sittings[r.sitting];
            let alternative = rs.section.is_some()
                && sections
                    .get(&rs.activities.first().copied())
                    .is_some_and(|&(_, another)| another);
            (!rs.optional && !alternative).then(|| (r, span_of(cx, rs, r)))
        }));
        for &o in held.iter().filter(|h| fixed_optional(h)) {
            let (od, ostart, oend) = span_of(cx, &schedule.sittings[o.sitting], o);
            for &(r, (rd, rstart, rend)) in &required {
                let same_day = match (o.date, r.date) {
                    (Some(a), Some(b)) => a == b,
                    _ => od == rd,
                };
                if !same_day || oend <= rstart || rend <= ostart {
                    continue;
                }
                if seen.insert((o.sitting, r.sitting), ()).is_none() {
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
