//! `long-live-session`: its documentation and default severity are in the registry
//! ([`crate::rules::RuleId`]); this file holds its condition.

use crate::course::Activity;
use crate::engine::rules::LONG_LIVE_MINUTES;

use super::{Context, Finding};

/// Minutes above which a session in a room (`in_person = true`) is long: a studio or a skills
/// lab runs a half-day without the strain of a video call.
pub const LONG_IN_PERSON_MINUTES: u32 = 180;

/// The length above which `activity` is a long live session.
fn limit(activity: &Activity) -> u32 {
    if activity.in_person {
        LONG_IN_PERSON_MINUTES
    } else {
        LONG_LIVE_MINUTES
    }
}

pub(super) fn run(cx: &Context<'_>) -> Vec<Finding> {
    cx.live()
        // An exam runs as long as it must: it is never split. Optional drop-in work (office
        // hours) is not one sitting anyone must sit through.
        .filter(|(_, a)| a.minutes > limit(a) && !a.is_exam() && !a.optional)
        .map(|(d, a)| {
            let limit = limit(a);
            Finding {
                span: a.spans.minutes,
                message: format!(
                    "live activity `{}` runs {} minutes in one sitting, more than {limit}",
                    a.id, a.minutes
                ),
                help: Some(format!(
                    "split it into sessions of at most {limit} minutes, or move part of it to self-paced work"
                )),
                about: vec![(d.index, None)],
                ..Finding::default()
            }
        })
        .collect()
}
