//! `long-live-session`: its documentation and default severity are in the registry
//! ([`crate::rules::RuleId`]); this file holds its condition.

use crate::engine::rules::LONG_LIVE_MINUTES;

use super::{Context, Finding};

pub(super) fn run(cx: &Context<'_>) -> Vec<Finding> {
    cx.live()
        // An exam runs as long as it must: it is never split. Optional drop-in work (office
        // hours) is not one sitting anyone must sit through.
        .filter(|(_, a)| a.minutes > LONG_LIVE_MINUTES && !a.is_exam() && !a.optional)
        .map(|(d, a)| Finding {
            span: a.spans.minutes,
            message: format!(
                "live activity `{}` runs {} minutes in one sitting, more than {LONG_LIVE_MINUTES}",
                a.id, a.minutes
            ),
            help: Some(format!(
                "split it into sessions of at most {LONG_LIVE_MINUTES} minutes, or move part of it to self-paced work"
            )),
            about: vec![(d.index, None)],
            ..Finding::default()
        })
        .collect()
}
