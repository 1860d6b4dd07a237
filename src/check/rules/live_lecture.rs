//! `live-lecture`: its documentation and default severity are in the registry
//! ([`crate::rules::RuleId`]); this file holds its condition.

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
                    crate::engine::rules::article(a.kind),
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
