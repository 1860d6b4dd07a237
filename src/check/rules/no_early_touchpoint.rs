//! `no-early-touchpoint`: its documentation and default severity are in the registry
//! ([`crate::rules::RuleId`]); this file holds its condition.

use crate::course::{ActivityKind as K, Mode};

use super::{Context, EARLY_TOUCHPOINT_MIN_WEEKS, Finding};

const TOUCHPOINT: &[K] = &[
    K::Discussion,
    K::Forum,
    K::Debate,
    K::Collaboration,
    K::PeerReview,
    K::Presentation,
    K::Announcement,
    K::OfficeHours,
    K::QAndA,
];

pub(super) fn run(cx: &Context<'_>) -> Vec<Finding> {
    if cx.course().meta.weeks < EARLY_TOUCHPOINT_MIN_WEEKS {
        return Vec::new();
    }
    let early = cx.plan.decisions.iter().any(|d| {
        let a = &cx.course().activities[d.index];
        d.weeks.iter().any(|&w| w <= 2) && (d.mode == Mode::Sync || TOUCHPOINT.contains(&a.kind))
    });
    if early {
        return Vec::new();
    }
    vec![Finding {
        span: cx.course_header(),
        message: "weeks 1-2 have no live session, discussion or announcement".into(),
        help: Some(
            "open with a live welcome session or a week-1 discussion board; students decide in the first two weeks whether to stay".into(),
        ),
        ..Finding::default()
    }]
}
