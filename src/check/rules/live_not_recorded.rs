//! `live-not-recorded`: its documentation and default severity are in the registry
//! ([`crate::rules::RuleId`]); this file holds its condition.

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
