//! `community-without-live`: its documentation (`DOC`: summary, evidence, default severity,
//! example) and its condition.

// The `checks!` entries of this file, collected into `list.rs` by `cargo xtask generate`:
// check: CommunityWithoutLive = "community-without-live", about: Course

use crate::course::Goal;

use super::{Context, Finding};

pub(super) fn run(cx: &Context<'_>) -> Vec<Finding> {
    let goals: Vec<&str> = cx
        .course()
        .goals
        .iter()
        .filter(|g| matches!(g, Goal::Community | Goal::Collaboration))
        .map(|g| g.as_str())
        .collect();
    if goals.is_empty() || cx.live().next().is_some() {
        return Vec::new();
    }
    vec![Finding {
        span: cx.course.goals_span.unwrap_or_else(|| cx.course_header()),
        message: format!(
            "the course aims at {} but no activity runs live",
            goals.join(" and ")
        ),
        help: Some("run a discussion, collaboration or Q&A live, at least every other week".into()),
        ..Finding::default()
    }]
}

/// `community-without-live`.
pub(super) const DOC: super::RuleDoc = super::RuleDoc {
    kind: super::RuleKind::Check(super::Severity::Warning),
    summary: "The course's goals include community or collaboration, but nothing runs live",
    evidence: "seed: Choosing the Right Mix > Course goals matter; Synchronous Learning > Strengths (community, retention); Richardson et al. 2017 (social presence)",
    doc: "Community building and collaboration are the goals that most need real-time contact: belonging and social bonds grow when people meet. A course that names them as goals but plans no live activity will not meet them.",
    example: "[goals]\nfocus = [\"community\"]\n\n[[activities]]\nid = \"board\"\nkind = \"forum\"\nminutes = 30",
};
