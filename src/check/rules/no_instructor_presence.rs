//! `no-instructor-presence`: its documentation (`DOC`: summary, evidence, default severity,
//! example) and its condition.

// The `checks!` entries of this file, collected into `list.rs` by `cargo xtask generate`:
// check: NoInstructorPresence = "no-instructor-presence", about: Course

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

/// `no-instructor-presence`.
pub(super) const DOC: super::RuleDoc = super::RuleDoc {
    kind: super::RuleKind::Check(super::Severity::Warning),
    summary: "No regular announcements, office hours, Q&A or live sessions: nothing shows the instructor is there",
    evidence: "seed: Best Practices for Asynchronous Courses (regular communication rhythms; design for presence; instructor presence predicts satisfaction); 34 CFR 600.2 (regular and substantive interaction)",
    doc: "Students need visible, predictable signs that someone is paying attention. The check passes when an `announcement`, `office-hours` or `q-and-a` activity, or any live activity, takes place in at least half of the course weeks.",
    example: "[[activities]]\nid = \"readings\"\nkind = \"reading\"\nminutes = 60",
};
