//! `live-individual-work`: its documentation (`DOC`: summary, evidence, default severity,
//! example) and its condition.

// The `checks!` entries of this file, collected into `list.rs` by `cargo xtask generate`:
// check: LiveIndividualWork = "live-individual-work", about: Activity

use crate::course::ActivityKind;

use super::{Context, Finding, in_session_variety};

pub(super) fn run(cx: &Context<'_>) -> Vec<Finding> {
    cx.live()
        .filter(|(d, a)| {
            a.kind.is_individual_work()
                // A short exercise or reflection inside a live session is the variety the seed
                // recommends; an assessment in live time is never that.
                && (a.kind == ActivityKind::Assessment || !in_session_variety(cx, d, a))
        })
        .map(|(d, a)| {
            let (span, how) = match (d.pinned, a.spans.mode) {
                (true, Some(span)) => (span, "is pinned to live time"),
                _ => (a.spans.kind, "runs in live time"),
            };
            Finding {
                span,
                message: format!(
                    "`{}` is {} {} activity, work each student does alone, and {how}",
                    a.id,
                    a.kind.article(),
                    a.kind
                ),
                help: Some(
                    "make it self-paced with a due date (`mode = \"async\"`) and keep live time for discussion, problem-solving or collaboration; for a deliberate exception add `{ rule = \"live-individual-work\", reason = \"...\" }` to `[check] allow`".into(),
                ),
                about: vec![(d.index, None)],
                ..Finding::default()
            }
        })
        .collect()
}

/// `live-individual-work`.
pub(super) const DOC: super::RuleDoc = super::RuleDoc {
    kind: super::RuleKind::Check(super::Severity::Warning),
    summary: "Individual work (an assessment, practice, reflection, peer review or project work) runs in live time",
    evidence: "seed: FAQ \"How do I decide which activities to make synchronous versus asynchronous?\" (individual practice and reflection work well asynchronously); The Blended Approach (do not use synchronous time for activities that work just as well asynchronously)",
    doc: "Work each student does alone gains nothing from a fixed meeting time and loses the freedom to do it when most alert. mixplan never moves it live to fill the band, so this fires when it is pinned live (or left live by its scores). A practice or reflection of at most 15 minutes inside a live session of interactive work is the variety the seed recommends and passes; an assessment in live time never does.",
    example: "[[activities]]\nid = \"quiz\"\nkind = \"assessment\"\nminutes = 20\nmode = \"sync\"",
};
