//! `workload-under-target`: its documentation and default severity are in the registry
//! ([`crate::rules::RuleId`]); this file holds its condition.

use super::{Context, Finding, hours};
use crate::workload::UNDER_TARGET_SHARE;

pub(super) fn run(cx: &Context<'_>) -> Vec<Finding> {
    if cx.course.meta.credits.is_none() {
        return Vec::new();
    }
    let workload = cx.workload();
    let (Some(target), Some(credits)) = (workload.target, cx.course.meta.credits) else {
        return Vec::new();
    };
    if !workload.is_under_target() {
        return Vec::new();
    }
    let term = workload.term_minutes() as f64;
    vec![Finding {
        span: credits.span,
        message: format!(
            "the term asks {} h, {:.0}% of the {} h that {} credits × {} h stand for (under {:.0}%)",
            hours(term),
            (term / target.term_minutes() * 100.0).floor(),
            hours(target.term_minutes()),
            target.credits,
            target.credit_hours,
            UNDER_TARGET_SHARE * 100.0
        ),
        help: Some(
            "list the work the syllabus asks for (readings, papers, exam study), with estimates (`read`, `write`, `watch`, `post`) where it gives pages or words, or lower `credits` or `credit_hours`".into(),
        ),
        ..Finding::default()
    }]
}
