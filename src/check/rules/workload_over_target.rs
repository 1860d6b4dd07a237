//! `workload-over-target`: its documentation and default severity are in the registry
//! ([`crate::rules::RuleId`]); this file holds its condition.

use super::{Context, Finding, hours};
use crate::schedule::format_weeks;
use crate::workload::WeekLoad;

/// Over-target weeks as `week 7 asks 12 h and weeks 8-11 ask 13.67 h each`: runs of
/// consecutive weeks with the same total are grouped.
fn over_text(over: &[&WeekLoad]) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < over.len() {
        let mut j = i;
        while j + 1 < over.len()
            && over[j + 1].week == over[j].week + 1
            && over[j + 1].total_minutes() == over[i].total_minutes()
        {
            j += 1;
        }
        let weeks: Vec<u32> = over[i..=j].iter().map(|w| w.week).collect();
        let h = hours(over[i].total_minutes() as f64);
        parts.push(if i == j {
            format!("week {} asks {h} h", weeks[0])
        } else {
            format!("weeks {} ask {h} h each", format_weeks(&weeks))
        });
        i = j + 1;
    }
    match parts.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => parts.join(""),
    }
}

pub(super) fn run(cx: &Context<'_>) -> Vec<Finding> {
    if cx.course.meta.credits.is_none() {
        return Vec::new();
    }
    let workload = cx.workload();
    let (Some(target), Some(credits)) = (workload.target, cx.course.meta.credits) else {
        return Vec::new();
    };
    let over = workload.over_weeks();
    if over.is_empty() {
        return Vec::new();
    }
    vec![Finding {
        span: credits.span,
        message: format!(
            "{}, above the flag threshold of {} h (the weekly target of {} h + {:.0}%)",
            over_text(&over),
            hours(target.ceiling_minutes()),
            hours(target.minutes_per_week()),
            target.tolerance * 100.0,
        ),
        help: Some(
            "spread the heavy work over lighter weeks (`per = \"total\"` with more `weeks`), move a deadline, or raise `workload_tolerance` if the peak is deliberate; `mixplan workload` shows every week".into(),
        ),
        ..Finding::default()
    }]
}
