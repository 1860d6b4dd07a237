//! `live-not-recorded`: its documentation (`DOC`: summary, evidence, default severity,
//! example) and its condition.

// The `checks!` entries of this file, collected into `list.rs` by `cargo xtask generate`:
// check: LiveNotRecorded = "live-not-recorded", about: Activity

use super::{Context, Finding};

pub(super) fn run(cx: &Context<'_>) -> Vec<Finding> {
    cx.live()
        // An exam is not recorded on purpose (seed: recording serves students who miss a
        // session; nobody catches up on an exam by watching it).
        // A room (`in_person`) is not a call: nothing to record by default.
        .filter(|(_, a)| !a.recorded && !a.is_exam() && !a.in_person && !a.optional)
        .map(|(d, a)| Finding {
            span: a.spans.recorded.unwrap_or(a.spans.id),
            message: format!("live activity `{}` is not recorded", a.id),
            help: Some(
                "remove `recorded = false`: students who miss the session for work, family, time zone or a dropped connection need the recording".into(),
            ),
            about: vec![(d.index, None)],
            ..Finding::default()
        })
        .collect()
}

/// `live-not-recorded`.
pub(super) const DOC: super::RuleDoc = super::RuleDoc {
    kind: super::RuleKind::Check(super::Severity::Warning),
    summary: "A live activity is not recorded",
    evidence: "seed: Best Practices for Synchronous Sessions (record every live session); FAQ \"What about students who cannot attend synchronous sessions?\"",
    doc: "Students miss live sessions for work, caregiving, time zones and dropped connections. Without a recording they lose the content, and nobody can go back over a complex discussion. Fires for every required activity that runs live with `recorded = false`; exams are not recorded on purpose, activities met in a room (`in_person = true`) are not recorded by default, and optional drop-in sittings (office hours) are not checked.",
    example: "[[activities]]\nid = \"clinic\"\nkind = \"problem-solving\"\nminutes = 60\nmode = \"sync\"\nrecorded = false",
};
