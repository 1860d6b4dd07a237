//! `deliver-on-live`: its documentation (`DOC`: summary, evidence, default severity,
//! example) and its condition.

// The `checks!` entries of this file, collected into `list.rs` by `cargo xtask generate`:
// check: DeliverOnLive = "deliver-on-live", about: Activity

use super::{Context, Finding};
use crate::course::Deliver;

pub(super) fn run(cx: &Context<'_>) -> Vec<Finding> {
    cx.live()
        .filter(|(_, a)| a.deliver == Deliver::Last)
        .filter_map(|(d, a)| {
            Some(Finding {
                span: a.deliver_span?,
                message: format!(
                    "`{}` runs live, so `deliver = \"last\"` is ignored: a live session has no due time to hand in",
                    a.id
                ),
                help: Some(
                    "pin it self-paced (`mode = \"async\"`) if it is one deliverable worked on over several weeks, or remove `deliver`".into(),
                ),
                about: vec![(d.index, None)],
                ..Finding::default()
            })
        })
        .collect()
}

/// `deliver-on-live`.
pub(super) const DOC: super::RuleDoc = super::RuleDoc {
    kind: super::RuleKind::Check(super::Severity::Warning),
    summary: "`deliver = \"last\"` on an activity the plan runs live is ignored",
    evidence: "seed: Best Practices for Asynchronous Courses (set predictable due dates: a deliverable's due date must be one students can see); The Blended Approach (every activity in the mode that best serves its purpose)",
    doc: "`deliver = \"last\"` makes one deliverable of self-paced work spread over several weeks: only the last occurrence is due, the earlier weeks list \"work on\" items. A live activity has no due time, so when the plan runs it live the key does nothing; the check says so instead of ignoring it silently. Pin the activity self-paced if it is one deliverable, or remove `deliver`.",
    example: "[[activities]]\nid = \"studio\"\nkind = \"collaboration\"\nminutes = 60\nweeks = [4, 5, 6]\ndeliver = \"last\"",
};
