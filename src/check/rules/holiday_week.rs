//! `holiday-week`: its documentation (`DOC`: summary, evidence, default severity,
//! example) and its condition.

// The `checks!` entries of this file, collected into `list.rs` by `cargo xtask generate`:
// check: HolidayWeek = "holiday-week", about: Week

use super::{Context, Finding};

pub(super) fn run(cx: &Context<'_>) -> Vec<Finding> {
    let meta = &cx.course().meta;
    let span = meta.holidays_span.unwrap_or_else(|| cx.course_header());
    meta.holiday_weeks()
        .into_iter()
        .map(|week| Finding {
            span,
            message: format!(
                "every date of teaching week {week} is a holiday: nothing meets, and its work falls due after the holidays"
            ),
            help: Some(format!(
                "make it a break week (`breaks = [{week}]`), so its work is spread over the weeks that teach"
            )),
            ..Finding::default()
        })
        .collect()
}

/// `holiday-week`.
pub(super) const DOC: super::RuleDoc = super::RuleDoc {
    kind: super::RuleKind::Check(super::Severity::Warning),
    summary: "Every date of a teaching week is a holiday",
    evidence: "seed: Asynchronous Learning > Weaknesses (students who fall behind the rhythm drift away); Best Practices for Asynchronous Courses (a regular weekly rhythm of deadlines)",
    doc: "A week whose every date (from its first day, or `start` in week 1) is a holiday holds no sitting, and its self-paced work falls due on the first later date that is not a holiday, still counted in its own week. That is almost always a break written as holidays: `breaks = [N]` takes the week out of the rhythm, so weekly work and the workload target skip it.",
    example: "[course]\nstart = 2027-01-11\nweeks = 4\nholidays = [2027-01-18, 2027-01-19, 2027-01-20, 2027-01-21, 2027-01-22, 2027-01-23, 2027-01-24]",
};
