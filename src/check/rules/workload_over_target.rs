//! `workload-over-target`: its documentation (`DOC`: summary, evidence, default severity,
//! example) and its condition.

// The `checks!` entries of this file, collected into `list.rs` by `cargo xtask generate`:
// check: WorkloadOverTarget = "workload-over-target", about: Week

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

/// `workload-over-target`.
pub(super) const DOC: super::RuleDoc = super::RuleDoc {
    kind: super::RuleKind::Check(super::Severity::Warning),
    summary: "A course week asks more work than the credits' weekly target allows (target × (1 + `workload_tolerance`))",
    evidence: "seed: Asynchronous Learning > Weaknesses (students must manage their own time; those who fall behind drop out); La Trobe workload guidance and McInnes et al., AJET (averages hide peak weeks); 34 CFR 600.2 credit hour",
    doc: "With `credits`, every teaching week has a target: credits × `credit_hours` ÷ teaching weeks. A midterm and a paper due in the same stretch can ask half again as much, and an average over the term hides it; students with jobs or families cannot find the extra hours and fall behind. The check names every week above target × (1 + `workload_tolerance`), default 20% above.",
    example: "[course]\ncredits = 1\n\n[[activities]]\nid = \"paper\"\nkind = \"project-work\"\nweeks = [4]\nwrite = { words = 1500, genre = \"argument\", drafting = \"none\" }",
};
