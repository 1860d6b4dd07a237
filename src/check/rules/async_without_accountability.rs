//! `async-without-accountability`: its documentation (`DOC`: summary, evidence, default severity,
//! example) and its condition.

// The `checks!` entries of this file, collected into `list.rs` by `cargo xtask generate`:
// check: AsyncWithoutAccountability = "async-without-accountability", about: Course

use crate::course::ActivityKind as K;

use super::{ASYNC_HEAVY_SHARE, Context, Finding};

const PEER: &[K] = &[
    K::Discussion,
    K::Forum,
    K::Debate,
    K::Collaboration,
    K::PeerReview,
    K::Presentation,
];

pub(super) fn run(cx: &Context<'_>) -> Vec<Finding> {
    let summary = &cx.plan.summary;
    // Classes in a room are live time too: a campus course whose homework is online is not
    // a self-paced course.
    let live = summary.sync_minutes_per_week + summary.in_person_minutes_per_week;
    let total = live + summary.async_minutes_per_week;
    if total <= 0.0 || summary.async_minutes_per_week / total < ASYNC_HEAVY_SHARE {
        return Vec::new();
    }
    let assessment = cx.regular().any(|(_, a)| a.kind == K::Assessment);
    let peer = cx.regular().any(|(_, a)| PEER.contains(&a.kind));
    if assessment || peer {
        return Vec::new();
    }
    let share = (summary.async_minutes_per_week / total * 100.0).round();
    vec![Finding {
        span: cx.course_header(),
        message: format!(
            "{share}% of the weekly time is self-paced, with no regular low-stakes assessment and no regular peer interaction"
        ),
        help: Some(
            "add a short weekly quiz (`kind = \"assessment\"`) or a weekly discussion or peer review, so students have a reason to keep pace".into(),
        ),
        ..Finding::default()
    }]
}

/// `async-without-accountability`.
pub(super) const DOC: super::RuleDoc = super::RuleDoc {
    kind: super::RuleKind::Check(super::Severity::Warning),
    summary: "A mostly self-paced course has neither regular low-stakes assessments nor regular peer interaction",
    evidence: "seed: Best Practices for Asynchronous Courses (weekly deadlines, low-stakes assessments, peer interaction; completion below 10 percent without them); Bernard et al. 2009 (designed interaction, g+ = 0.38); Means et al. 2010 (independent-only online work does worst)",
    doc: "Self-paced study depends on self-discipline; structures that make students show up every week are what keeps them from drifting off. mixplan's schedule already gives every self-paced item a due date, so this check looks for the other two: an `assessment` (quiz) or a peer activity (`discussion`, `debate`, `collaboration`, `peer-review`, `presentation`) held in at least half of the weeks. It applies when at least 75% of the weekly minutes are self-paced, counting classes in a room as live minutes.",
    example: "[[activities]]\nid = \"videos\"\nkind = \"lecture\"\nminutes = 60\n\n[[activities]]\nid = \"exercises\"\nkind = \"practice\"\nminutes = 90",
};
