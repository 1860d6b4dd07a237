//! `fixed-offset-zone`: its documentation and default severity are in the registry
//! ([`crate::rules::RuleId`]); this file holds its condition.

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
