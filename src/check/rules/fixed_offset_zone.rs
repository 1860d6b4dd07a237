//! `fixed-offset-zone`: its documentation (`DOC`: summary, evidence, default severity,
//! example) and its condition.

// The `checks!` entries of this file, collected into `list.rs` by `cargo xtask generate`:
// check: FixedOffsetZone = "fixed-offset-zone", about: Course

use super::{Context, Finding};
use crate::course::zones::fixed_abbreviation;
use crate::diagnostic::Span;

pub(super) fn run(cx: &Context<'_>) -> Vec<Finding> {
    let course = cx.course();
    let finding = |zone: &str, span: Span| {
        let (city, fixed) = fixed_abbreviation(zone)?;
        let same = if city == fixed {
            String::new()
        } else {
            format!(", or `{fixed}` for the same offset all year")
        };
        Some(Finding {
            span,
            message: format!(
                "`{zone}` is a fixed offset with no daylight saving time: sessions and deadlines are an hour off local time all summer"
            ),
            help: Some(format!("write the city zone `{city}`{same}")),
            ..Finding::default()
        })
    };
    // The model keeps no span for `timezone`: the finding points at the `[course]` header.
    let mut found: Vec<Finding> = finding(&course.meta.timezone, cx.course_header())
        .into_iter()
        .collect();
    found.extend(
        course
            .students
            .zones
            .iter()
            .filter_map(|z| finding(&z.zone, z.span)),
    );
    found
}

/// `fixed-offset-zone`.
pub(super) const DOC: super::RuleDoc = super::RuleDoc {
    kind: super::RuleKind::Check(super::Severity::Warning),
    summary: "A zone written as `EST`, `MST` or `HST`, which never observes daylight saving time",
    evidence: "seed: Synchronous Learning > Weaknesses (students must be available at a specific local time; a session at the wrong hour is one they cannot attend); Best Practices for Asynchronous Courses (weekly deadlines students can plan around)",
    doc: "`EST` is UTC-5 all year, `MST` UTC-7 and `HST` UTC-10: fixed offsets, not the time people keep in New York or Denver. A course in `EST` puts every live session and deadline an hour off local time for the whole summer. Write the city zone (`America/New_York`, `America/Denver`, `Pacific/Honolulu`), or a city that keeps the same offset all year (`America/Panama`, `America/Phoenix`) when a fixed offset is really meant.",
    example: "[course]\ntimezone = \"EST\"",
};
