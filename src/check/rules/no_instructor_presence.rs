//! `no-instructor-presence`: its documentation and default severity are in the registry
//! ([`crate::rules::RuleId`]); this file holds its condition.

use crate::course::{ActivityKind as K, Mode};

use super::{Context, Finding};

pub(super) fn run(cx: &Context<'_>) -> Vec<Finding> {
    // A live activity meeting at least every second teaching week (alternating's synthesis
    // weeks) is regular presence.
    let teaching = cx.course().meta.teaching_weeks(false).len();
    let live_regularly = cx
        .live()
        .any(|(d, a)| a.in_band() && d.weeks.len() * 2 >= teaching && !d.weeks.is_empty());
    let present = live_regularly
        || cx.regular().any(|(d, a)| {
            d.mode == Mode::Sync || matches!(a.kind, K::Announcement | K::OfficeHours | K::QAndA)
        });
    if present {
        return Vec::new();
    }
    vec![Finding {
        span: cx.course_header(),
        message: "no regular announcements, office hours, Q&A or live sessions: students see no sign that the instructor is there".into(),
        help: Some(
            "add a weekly announcement (`kind = \"announcement\"`, 5 minutes) or regular office hours".into(),
        ),
        ..Finding::default()
    }]
}
