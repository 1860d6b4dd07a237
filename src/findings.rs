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
    /// A repeat session reaches students the main slot misses; the index is into
    /// [`Schedule::live_slots`].
    RepeatSlot(usize),
    /// Students no live slot reaches: they take the recording-and-response route.
    Unreached(Uncovered),
    /// A design check's finding, at its default severity.
    Check(Diagnostic),
}

impl Advice {
    /// The rule behind the advice.
    pub fn rule(&self) -> RuleId {
        match self {
            Advice::Pattern(_) => RuleId::PatternChoice,
            Advice::RepeatSlot(_) | Advice::Unreached(_) => RuleId::LiveAlternative,
            Advice::Check(d) => d.rule,
        }
    }
}

/// Everything the plan tells the designer, in a stable order: the pattern, the schedule's plan
/// for students a live time cannot reach, then every design check the course file does not
/// allow in its `[check]` table.
pub fn advise(course: &Course, plan: &Plan, schedule: &Schedule) -> Vec<Advice> {
    let mut advice = vec![Advice::Pattern(plan.pattern_choice)];
    advice.extend(
        schedule
            .live_slots
            .iter()
            .enumerate()
            .filter(|(_, slot)| slot.repeat && slot.students_added > 0)
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
    advice
}
