//! `live-without-alternative`: its documentation (`DOC`: summary, evidence, default severity,
//! example) and its condition.

// The `checks!` entries of this file, collected into `list.rs` by `cargo xtask generate`:
// check: LiveWithoutAlternative = "live-without-alternative", about: Course

use crate::course::{Activity, ActivityKind as K, Mode};

use super::{Context, Finding};

const WRITTEN_ALTERNATIVE: &[K] = &[
    K::Discussion,
    K::Forum,
    K::Reflection,
    K::PeerReview,
    K::Debate,
    K::Collaboration,
];

pub(super) fn run(cx: &Context<'_>) -> Vec<Finding> {
    // Exams and optional sittings need no alternative: nobody replaces an exam with a
    // recording, and nobody must attend optional work.
    let live: Vec<&Activity> = cx
        .live()
        .map(|(_, a)| a)
        .filter(|a| !a.is_exam() && !a.optional)
        .collect();
    let Some(first) = live.first() else {
        return Vec::new();
    };
    if cx
        .decided(Mode::Async)
        .any(|(_, a)| WRITTEN_ALTERNATIVE.contains(&a.kind))
    {
        return Vec::new();
    }
    // Cheapest reason first: the schedule (slot search) is built only when nothing else applies.
    // Students some required, non-exam unit misses: the largest number any one unit misses.
    let uncovered = || -> u32 {
        let schedule = cx.schedule();
        schedule
            .units
            .iter()
            .filter(|u| !u.optional && !u.exam())
            .map(|u| u.uncovered.iter().map(|z| z.count).sum::<u32>())
            .max()
            .unwrap_or(0)
    };
    let why = if live.iter().any(|a| !a.recorded) {
        "some live activities are not recorded".to_string()
    } else if let Some(p) = cx.plan.facts.flexible.first() {
        format!("the class includes `{p}` students, who often cannot attend")
    } else {
        match uncovered() {
            0 => return Vec::new(),
            n => format!("{n} student(s) cannot attend a live sitting"),
        }
    };
    let ids: Vec<&str> = live.iter().map(|a| a.id.as_str()).collect();
    vec![Finding {
        span: first.spans.kind,
        message: format!(
            "live sessions ({}) have no self-paced alternative, and {why}",
            ids.join(", ")
        ),
        help: Some(
            "add a self-paced `discussion` or `reflection` where students who watched the recording post a response".into(),
        ),
        ..Finding::default()
    }]
}

/// `live-without-alternative`.
pub(super) const DOC: super::RuleDoc = super::RuleDoc {
    kind: super::RuleKind::Check(super::Severity::Warning),
    summary: "Students who cannot attend live have no self-paced way to take part",
    evidence: "seed: FAQ \"What about students who cannot attend synchronous sessions?\" (recordings plus meaningful alternatives such as written responses); Choosing the Right Mix > Student population matters",
    doc: "A recording lets absent students see what happened, but not take part. The check fires when the course has live activities, some students are likely to miss them (a live activity is not recorded, some required sitting, with its sections or repeat, misses students, or the population includes working adults, international students or caregivers), and no self-paced `forum`, `discussion`, `reflection`, `peer-review`, `debate` or `collaboration` activity gives them a place to respond.",
    example: "[students]\npopulations = [\"working-adults\"]\n\n[[activities]]\nid = \"clinic\"\nkind = \"problem-solving\"\nminutes = 60\nmode = \"sync\"",
};
