//! `live-heavy-unreliable-internet`: its documentation (`DOC`: summary, evidence, default severity,
//! example) and its condition.

// The `checks!` entries of this file, collected into `list.rs` by `cargo xtask generate`:
// check: LiveHeavyUnreliableInternet = "live-heavy-unreliable-internet", about: Course

use crate::course::Mode;
use crate::diagnostic::Severity;
use crate::engine::{Decision, balance::Band, may_move_self_paced, round2, sitting_minutes};

use super::{Context, Finding};

/// Share of students with a dependable connection at or below which live time above the
/// effective ceiling is worth a finding.
pub const RELIABLE_SHARE: f64 = 0.80;

const EPS: f64 = 1e-9;

/// What keeps the online required sittings above the effective ceiling.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Cause {
    /// Work balancing may not move (fixed, pinned, office hours) alone takes this many
    /// minutes a week: a warning.
    Unmovable(f64),
    /// Balancing could have moved more, but every further move would have crossed the floor:
    /// information.
    FloorGuard,
}

pub(super) fn run(cx: &Context<'_>) -> Vec<Finding> {
    let course = cx.course();
    let Some(share) = course.students.reliable_internet else {
        return Vec::new();
    };
    // Most classes rely on their connection: say so before measuring the plan.
    if share > RELIABLE_SHARE + EPS {
        return Vec::new();
    }
    let band = Band::of(course);
    let effective = band.effective;
    // The band's measure covers online required sittings only (rooms sit outside it).
    let live = round2(sitting_minutes(course, &cx.plan.decisions));
    if live <= effective + EPS {
        return Vec::new();
    }
    let span = course
        .students
        .reliable_internet_span
        .unwrap_or_else(|| cx.course_header());
    let percent = share * 100.0;
    let finding = match cause(cx, effective) {
        Cause::Unmovable(unmovable) => Finding {
            span,
            message: format!(
                "only {percent:.0}% of students have a dependable connection, so live time should stay at or under {effective} min/week, but fixed, pinned and office-hours sittings alone take {unmovable} min/week"
            ),
            help: Some(
                "unpin or shorten live activities (or make some fixed sessions self-paced) and record every live session".into(),
            ),
            ..Finding::default()
        },
        Cause::FloorGuard => Finding {
            span,
            message: format!(
                "only {percent:.0}% of students have a dependable connection, so live time should stay at or under {effective} min/week; it is {live} min/week because moving any more live work self-paced would take it under the floor of {} min/week",
                round2(band.floor)
            ),
            help: Some(
                "record every live session; shorter live activities would let the plan come closer to the lowered ceiling".into(),
            ),
            severity: Some(Severity::Info),
            ..Finding::default()
        },
    };
    vec![finding]
}

/// Whether the work balancing may not move alone exceeds the effective ceiling, or only the
/// floor guard held moves back.
fn cause(cx: &Context<'_>, effective: f64) -> Cause {
    let course = cx.course();
    let unmovable_only: Vec<Decision> = cx
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
    let unmovable = round2(sitting_minutes(course, &unmovable_only));
    if unmovable > effective + EPS {
        Cause::Unmovable(unmovable)
    } else {
        Cause::FloorGuard
    }
}

/// `live-heavy-unreliable-internet`.
pub(super) const DOC: super::RuleDoc = super::RuleDoc {
    kind: super::RuleKind::Check(super::Severity::Warning),
    summary: "Many students lack a dependable connection, yet work balancing may not move keeps live time above the effective ceiling",
    evidence: "seed: Synchronous Learning > Weaknesses (technical issues are more disruptive live; students with unreliable technology face systematic disadvantages in synchronous-heavy courses)",
    doc: "With `reliable_internet` at or below 0.80, band balancing lowers the ceiling it works against (see `unreliable-connectivity`: `summary.effective_ceiling_minutes`). When the online required sittings still exceed that effective ceiling because of work balancing may not move (activities fixed with `at`, pinned live, office hours), the plan stays live-heavy for a class that cannot rely on its connection: a warning; unpin or shorten that work and record every live session. When balancing could move more but every further move would take live time under the floor (the floor guard), the finding is information: the plan is as light as the band allows. Sittings in a room (`in_person`) are not counted.",
    example: "[students]\ncount = 20\nreliable_internet = 0.6\n\n[[activities]]\nid = \"seminar\"\nkind = \"discussion\"\nminutes = 90\nmode = \"sync\"",
};
