//! `workload-under-target`: its documentation (`DOC`: summary, evidence, default severity,
//! example) and its condition.

// The `checks!` entries of this file, collected into `list.rs` by `cargo xtask generate`:
// check: WorkloadUnderTarget = "workload-under-target", about: Course

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

/// `workload-under-target`.
pub(super) const DOC: super::RuleDoc = super::RuleDoc {
    kind: super::RuleKind::Check(super::Severity::Info),
    summary: "The term asks less than 80% of the hours the credits stand for",
    evidence: "seed: Asynchronous Learning > Weaknesses (students must manage their own time, so the work a course asks must be there to plan); 34 CFR 600.2 credit hour; McInnes et al., AJET (advertised online workloads run below calculated ones)",
    doc: "A course file that asks far fewer hours than its credits usually leaves work out: readings without an estimate, a paper, exam study. Listing it makes the weekly view honest. Informational: some courses count in-person or unlisted work the file does not describe.",
    example: "[course]\ncredits = 3\n\n[[activities]]\nid = \"forum\"\nkind = \"discussion\"\nminutes = 30",
};
