//! `live-lecture`: its documentation (`DOC`: summary, evidence, default severity,
//! example) and its condition.

// The `checks!` entries of this file, collected into `list.rs` by `cargo xtask generate`:
// check: LiveLecture = "live-lecture", about: Activity

use super::{Context, Finding, in_session_variety};

pub(super) fn run(cx: &Context<'_>) -> Vec<Finding> {
    cx.live()
        .filter(|(d, a)| a.kind.is_content_transmission() && !in_session_variety(cx, d, a))
        .map(|(d, a)| {
            let (span, how) = match (d.pinned, a.spans.mode) {
                (true, Some(span)) => (span, "is pinned to live time"),
                _ => (a.spans.kind, "runs in live time"),
            };
            Finding {
                span,
                message: format!(
                    "`{}` is {} {} and {how}",
                    a.id,
                    a.kind.article(),
                    a.kind
                ),
                help: Some(
                    "record it as self-paced pre-work (`mode = \"async\"`) and use the live time for discussion, problem-solving or collaboration; for a deliberate exception add `{ rule = \"live-lecture\", reason = \"...\" }` to `[check] allow`".into(),
                ),
                about: vec![(d.index, None)],
                ..Finding::default()
            }
        })
        .collect()
}

/// `live-lecture`.
pub(super) const DOC: super::RuleDoc = super::RuleDoc {
    kind: super::RuleKind::Check(super::Severity::Warning),
    summary: "Content transmission (a lecture, reading or announcement) runs in live time",
    evidence: "seed: Best Practices for Synchronous Sessions (keep live time for what gains from real-time interaction); The Blended Approach (content transmission self-paced); Bernard et al. 2004",
    doc: "Lectures that students could watch on their own time are the weakest use of a live meeting: they cost everyone a fixed time slot and give nothing that a recording does not. Record the lecture, set it as pre-work, and spend the live time on discussion, problem-solving or collaboration. A lecture of at most 15 minutes that meets only in weeks with live interactive work (a framing talk before a debate) is a segment of that session, the variety the seed recommends, and passes. A deliberate exception (say, a kick-off session) can be allowed in the file's `[check]` table with a reason.",
    example: "[[activities]]\nid = \"weekly-lecture\"\nkind = \"lecture\"\nminutes = 50\nmode = \"sync\"",
};
