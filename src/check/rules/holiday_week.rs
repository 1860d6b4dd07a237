//! `holiday-week`: its documentation and default severity are in the registry
//! ([`crate::rules::RuleId`]); this file holds its condition.

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
