//! Findings: what a plan tells the designer, gathered once per course.
//!
//! Each problem has exactly one producer: the engine's pattern choice, the schedule's plan for
//! students no live slot reaches, and the design checks of [`crate::check`]. Nothing here writes
//! a sentence; renderers word the typed facts.

use crate::course::Course;
use crate::diagnostic::Diagnostic;
use crate::engine::{PatternChoice, Plan};
use crate::rules::RuleId;
use crate::schedule::{Schedule, Uncovered};

/// One piece of advice on a plan.
#[derive(Clone, Debug, PartialEq)]
pub enum Advice {
    /// The pattern in force and why.
    Pattern(PatternChoice),
    /// Under `alternating`, these live activities (fixed with `at` or pinned) still meet in
    /// every week they list: the pattern halves only what mixplan schedules. Indexes into
    /// [`Course::activities`].
    AlternatingKeeps(Vec<usize>),
    /// A repeat session reaches students the main slot misses; the index is into
    /// [`Schedule::live_slots`].
    RepeatSlot(usize),
    /// Students no live slot reaches: they take the recording-and-response route.
    Unreached(Uncovered),
    /// A design check's finding, at its default severity.
    Check(Diagnostic),
    /// Band balancing could not reach the band: a [`crate::engine::PlanNote::BandOver`] or
    /// [`crate::engine::PlanNote::BandUnreachable`].
    Band(crate::engine::PlanNote),
}

impl Advice {
    /// The rule behind the advice.
    pub fn rule(&self) -> RuleId {
        match self {
            Advice::Pattern(_) | Advice::AlternatingKeeps(_) => RuleId::PatternChoice,
            Advice::RepeatSlot(_) | Advice::Unreached(_) => RuleId::LiveAlternative,
            Advice::Check(d) => d.rule,
            Advice::Band(note) => note.rule(),
        }
    }
}

/// The student zones a repeat slot reaches in some week the main slot misses them: the repeat
/// advice names them, and is given only when there is someone to name.
pub fn repeat_reach(
    slots: &[crate::schedule::LiveSlot],
    index: usize,
) -> Vec<&crate::schedule::LocalTime> {
    let (Some(main), Some(repeat)) = (slots.first(), slots.get(index)) else {
        return Vec::new();
    };
    repeat
        .local
        .iter()
        .filter(|l| {
            let Some(missed) = main.excluded.iter().find(|u| u.zone == l.zone) else {
                return false;
            };
            // Weeks (or representative weeks) the main slot misses and the repeat does not.
            let numbered = missed
                .weeks
                .iter()
                .any(|w| !l.missed.iter().any(|m| m.number() == Some(*w)));
            let sampled = missed
                .samples
                .iter()
                .any(|s| !l.missed.iter().any(|m| m.sample() == Some(*s)));
            numbered || sampled
        })
        .collect()
}

/// Everything the plan tells the designer, in a stable order: the pattern, the schedule's plan
/// for students a live time cannot reach, then every design check the course file does not
/// allow in its `[check]` table.
pub fn advise(course: &Course, plan: &Plan, schedule: &Schedule) -> Vec<Advice> {
    advise_keeping_workload(course, plan, schedule).0
}

/// [`advise`], with the workload when a check computed it (so the caller need not again).
pub fn advise_keeping_workload(
    course: &Course,
    plan: &Plan,
    schedule: &Schedule,
) -> (Vec<Advice>, Option<crate::workload::Workload>) {
    let mut advice = vec![Advice::Pattern(plan.pattern_choice)];
    advice.extend(
        plan.notes
            .iter()
            .filter(|n| !matches!(n, crate::engine::PlanNote::Pattern(_)))
            .cloned()
            .map(Advice::Band),
    );
    if plan.pattern == crate::course::Pattern::Alternating {
        let kept: Vec<usize> = plan
            .decisions
            .iter()
            .filter(|d| d.mode == crate::course::Mode::Sync && d.weeks.len() > 1)
            .map(|d| d.index)
            .filter(|&i| {
                let a = &course.activities[i];
                !a.optional && !a.is_exam() && !crate::engine::is_halvable(a)
            })
            .collect();
        if !kept.is_empty() {
            advice.push(Advice::AlternatingKeeps(kept));
        }
    }
    advice.extend(
        schedule
            .live_slots
            .iter()
            .enumerate()
            .filter(|(i, slot)| slot.repeat && !repeat_reach(&schedule.live_slots, *i).is_empty())
            .map(|(i, _)| Advice::RepeatSlot(i)),
    );
    advice.extend(schedule.uncovered.iter().cloned().map(Advice::Unreached));
    let cx = crate::check::Context::planned(course, plan, schedule);
    advice.extend(
        crate::check::design(&cx)
            .into_iter()
            .filter(|d| !course.check.allows(d.rule))
            .map(Advice::Check),
    );
    (advice, cx.into_workload())
}
