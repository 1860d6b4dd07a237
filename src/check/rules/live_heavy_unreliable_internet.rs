//! `live-heavy-unreliable-internet`: its documentation (`DOC`: summary, evidence, default severity,
//! example) and its condition.

// The `checks!` entries of this file, collected into `list.rs` by `cargo xtask generate`:
// check: LiveHeavyUnreliableInternet = "live-heavy-unreliable-internet", about: Course

use crate::course::{Delivery, Mode};
use crate::engine::{Decision, may_move_self_paced, sitting_minutes};

use super::{Context, Finding};

/// Share of students with a dependable connection at or below which live time above the
/// effective ceiling is worth a warning.
pub const RELIABLE_SHARE: f64 = 0.80;

pub(super) fn run(cx: &Context<'_>) -> Vec<Finding> {
    let course = cx.course();
    let Some(share) = course.students.reliable_internet else {
        return Vec::new();
    };
    let summary = &cx.plan.summary;
    let effective = summary.effective_ceiling_minutes;
    let live = crate::engine::round2(sitting_minutes(course, &cx.plan.decisions));
    if course.meta.delivery != Delivery::Online
        || share > RELIABLE_SHARE + 1e-9
        || live <= effective + 1e-9
    {
        return Vec::new();
    }
    // What balancing may not move (fixed, pinned, office hours) alone keeps live time above
    // the effective ceiling; otherwise it was the floor that held moves back.
    let fixed: Vec<Decision> = cx
        .plan
        .decisions
        .iter()
        .map(|d| {
            let mut d = d.clone();
            if may_move_self_paced(course, &d) {
                d.mode = Mode::Async;
                d.weeks.clear();
            }
            d
        })
        .collect();
    let unmovable = crate::engine::round2(sitting_minutes(course, &fixed));
    if unmovable <= effective + 1e-9 {
        return Vec::new();
    }
    vec![Finding {
        span: course
            .students
            .reliable_internet_span
            .unwrap_or_else(|| cx.course_header()),
        message: format!(
            "only {:.0}% of students have a dependable connection, so live time should stay at or under {effective} min/week, but fixed, pinned and office-hours sittings alone take {unmovable} min/week",
            share * 100.0,
        ),
        help: Some(
            "unpin or shorten live activities (or make some fixed sessions self-paced) and record every live session".into(),
        ),
        ..Finding::default()
    }]
}

/// `live-heavy-unreliable-internet`.
pub(super) const DOC: super::RuleDoc = super::RuleDoc {
    kind: super::RuleKind::Check(super::Severity::Warning),
    summary: "Many students lack a dependable connection, yet work balancing may not move keeps live time above the effective ceiling",
    evidence: "seed: Synchronous Learning > Weaknesses (technical issues are more disruptive live; students with unreliable technology face systematic disadvantages in synchronous-heavy courses)",
    doc: "With `reliable_internet` at or below 0.80, band balancing lowers the ceiling it works against (see `unreliable-connectivity`: `summary.effective_ceiling_minutes`). When the online required sittings still exceed that effective ceiling because of work balancing may not move (activities fixed with `at`, pinned live, office hours), the plan stays live-heavy for a class that cannot rely on its connection: unpin or shorten that work and record every live session.",
    example: "[students]\ncount = 20\nreliable_internet = 0.6\n\n[[activities]]\nid = \"seminar\"\nkind = \"discussion\"\nminutes = 90\nmode = \"sync\"",
};
