//! `live-not-recorded`: its documentation and default severity are in the registry
//! ([`crate::rules::RuleId`]); this file holds its condition.

use super::{Context, Finding};

pub(super) fn run(cx: &Context<'_>) -> Vec<Finding> {
    cx.live()
        .filter(|(_, a)| !a.recorded)
        .map(|(_, a)| Finding {
            span: a.spans.recorded.unwrap_or(a.spans.id),
            message: format!("live activity `{}` is not recorded", a.id),
            help: Some(
                "remove `recorded = false`: students who miss the session for work, family, time zone or a dropped connection need the recording".into(),
            ),
        })
        .collect()
}
