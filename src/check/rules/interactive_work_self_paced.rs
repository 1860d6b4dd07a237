//! `interactive-work-self-paced`: its documentation (`DOC`: summary, evidence, default severity,
//! example) and its condition.

// The `checks!` entries of this file, collected into `list.rs` by `cargo xtask generate`:
// check: InteractiveWorkSelfPaced = "interactive-work-self-paced", about: Activity

use super::{Context, Finding};
use crate::course::Mode;
use crate::course::estimate::Estimator;

/// How far the scores must favour live before a self-paced pin is worth a word: the mirror of
/// `live-lecture`, which fires on content transmission pinned live.
pub const MARGIN: f64 = 2.0;

pub(super) fn run(cx: &Context<'_>) -> Vec<Finding> {
    cx.decided(Mode::Async)
        .filter(|(d, a)| {
            d.pinned
                && d.margin >= MARGIN
                // Posts are written work: a board estimated with `post` is what it should be.
                && !a
                    .estimate
                    .is_some_and(|e| matches!(e.estimator, Estimator::Post { .. }))
        })
        .filter_map(|(d, a)| {
            let span = a.spans.mode?;
            Some(Finding {
                span,
                message: format!(
                    "`{}` is {} {} pinned self-paced, but its scores favour live time by {} points",
                    a.id,
                    a.kind.article(),
                    a.kind,
                    d.margin
                ),
                help: Some(
                    "for a written discussion board write `kind = \"forum\"`; otherwise remove `mode = \"async\"` so the activity can meet live".into(),
                ),
                about: vec![(d.index, None)],
                ..Finding::default()
            })
        })
        .collect()
}

/// `interactive-work-self-paced`.
pub(super) const DOC: super::RuleDoc = super::RuleDoc {
    kind: super::RuleKind::Check(super::Severity::Warning),
    summary: "Interactive work is pinned self-paced although its scores favour live time by 2 points or more",
    evidence: "seed: The Blended Approach (the key is intentionality: do not use asynchronous formats for activities that require live interaction); FAQ \"How do I decide which activities to make synchronous versus asynchronous?\" (discussions, debates, collaborative problem-solving and hands-on demonstrations gain value live)",
    doc: "The mirror of `live-lecture`: an activity pinned `mode = \"async\"` whose scores favour live by at least 2 points, such as a debate or a collaborative session, loses what makes it worth doing. A written discussion board is not that: write it as `kind = \"forum\"` (or estimate it with `post`), and the check stays quiet. For a deliberate exception add `{ rule = \"interactive-work-self-paced\", activity = \"...\", reason = \"...\" }` to `[check] allow`.",
    example: "[[activities]]\nid = \"debate\"\nkind = \"debate\"\nminutes = 45\nmode = \"async\"",
};
