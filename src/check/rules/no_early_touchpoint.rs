//! `no-early-touchpoint`: its documentation (`DOC`: summary, evidence, default severity,
//! example) and its condition.

// The `checks!` entries of this file, collected into `list.rs` by `cargo xtask generate`:
// check: NoEarlyTouchpoint = "no-early-touchpoint", about: Course

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

/// `no-early-touchpoint`.
pub(super) const DOC: super::RuleDoc = super::RuleDoc {
    kind: super::RuleKind::Check(super::Severity::Info),
    summary: "Weeks 1-2 have no live session and no community or presence activity",
    evidence: "seed: Asynchronous Learning > Weaknesses (isolation, disengagement); Jordan 2015 (weeks 1-2 decide completion)",
    doc: "Most students who drop out of online courses do so at the very start. A live welcome, a discussion board or an announcement in the first two weeks gives them a reason to stay. Checked for courses of four weeks or more.",
    example: "[[activities]]\nid = \"forum\"\nkind = \"discussion\"\nminutes = 30\nweeks = [3, 6]",
};
