//! `long-live-session`: its documentation (`DOC`: summary, evidence, default severity,
//! example) and its condition.

// The `checks!` entries of this file, collected into `list.rs` by `cargo xtask generate`:
// check: LongLiveSession = "long-live-session", about: Activity

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

/// `long-live-session`.
pub(super) const DOC: super::RuleDoc = super::RuleDoc {
    kind: super::RuleKind::Check(super::Severity::Warning),
    summary: "A single live activity runs longer than 90 minutes",
    evidence: "seed: Synchronous Learning > Weaknesses (video-call fatigue); Best Practices for Synchronous Sessions (twenty-five minutes of focused work, then a five-minute break); Fauville et al. 2021; Sheridan, Smith & Pleggenkuhle-Miles 2017",
    doc: "mixplan's schedule cuts live sessions into 25-minute segments with 5-minute breaks, but breaks do not make a three-hour call short: fatigue grows with length, and material in the second half of long classes is learned less well. Split activities longer than 90 minutes across weeks or move part of them to self-paced work. An activity met in a room (`in_person = true`) is not on a call: its class keeps its own rhythm (no breaks are carved out of it) and the limit is 180 minutes. The check reads one activity's minutes, never a sitting's length (several short activities packed into one sitting are variety, not one long call), and optional drop-in sittings such as office hours are not checked.",
    example: "[[activities]]\nid = \"workshop\"\nkind = \"collaboration\"\nminutes = 180\nmode = \"sync\"",
};
