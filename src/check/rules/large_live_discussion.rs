//! `large-live-discussion`: its documentation (`DOC`: summary, evidence, default severity,
//! example) and its condition.
//!
//! The plan is read from the activity's own `participation` key, never from words in its id or
//! title (an id like `pollution-debate` is not a polling plan).

// The `checks!` entries of this file, collected into `list.rs` by `cargo xtask generate`:
// check: LargeLiveDiscussion = "large-live-discussion", about: Activity

use crate::course::{Activity, ActivityKind as K, Participation};
use crate::engine::rules::LARGE_CLASS;

use super::{Context, Finding};

/// Live kinds in which the whole class meets at once. Collaboration is small-group work by
/// nature; office hours, labs and exams are not whole-class participation.
fn whole_class(kind: K) -> bool {
    matches!(
        kind,
        K::Lecture
            | K::Discussion
            | K::Debate
            | K::QAndA
            | K::ProblemSolving
            | K::Presentation
            | K::Demonstration
    )
}

/// Whether the activity says how a large class takes part: breakout rooms for a discussion or
/// debate (the seed: break large groups into breakout rooms for discussion), and for any other
/// whole-class kind breakouts, polling or chat (the seed: polling and chat for participation
/// rather than verbal discussion from every student).
fn planned(a: &Activity) -> bool {
    a.participation.iter().any(|p| match a.kind {
        K::Discussion | K::Debate => matches!(p, Participation::Breakouts | Participation::Polling),
        _ => true,
    })
}

pub(super) fn run(cx: &Context<'_>) -> Vec<Finding> {
    let total = cx.course().students.count;
    cx.live()
        .filter(|(_, a)| whole_class(a.kind) && !a.optional)
        // Sections split the class: each meets ⌈count ÷ sections⌉ students.
        .map(|(d, a)| (total.div_ceil(a.sections() as u32), d.index, a))
        .filter(|&(count, _, a)| count > LARGE_CLASS && !planned(a))
        .map(|(count, index, a)| {
            let help = match a.kind {
                K::Presentation => format!(
                    "above {LARGE_CLASS} students not everyone can present: have selected groups present to the whole class (recorded breakout segments), and write `participation = [\"breakouts\", \"polling\"]`"
                ),
                K::Discussion | K::Debate => format!(
                    "above {LARGE_CLASS} students not everyone can speak: hold the discussion in breakout groups of 3-7 or take part by polls, and write `participation = [\"breakouts\"]` (or `\"polling\"`)"
                ),
                _ => format!(
                    "above {LARGE_CLASS} students, take part by polls and chat rather than by voice: write `participation = [\"polling\", \"chat\"]`"
                ),
            };
            Finding {
                span: a.spans.kind,
                message: format!(
                    "live {} `{}` for {count} students has no participation plan",
                    a.kind, a.id
                ),
                help: Some(help),
                about: vec![(index, None)],
                ..Finding::default()
            }
        })
        .collect()
}

/// `large-live-discussion`.
pub(super) const DOC: super::RuleDoc = super::RuleDoc {
    kind: super::RuleKind::Check(super::Severity::Warning),
    summary: "A whole-class live activity for more than 30 students says nothing about how they take part (`participation`)",
    evidence: "seed: FAQ \"Can synchronous sessions be effective with large classes?\" (polls and chat rather than verbal discussion from everyone; breakout rooms for discussion; selected groups present to the class); University of the Highlands and Islands (25-30 per interactive online session); Babaian & Schiano 2020 (breakout groups of 3-7)",
    doc: "Above about 30 students a live session cannot give everyone a voice, so it needs a design for participation at scale. The check looks at every live whole-class activity (lecture, discussion, debate, Q&A, problem-solving, presentation, demonstration; not small-group collaboration, office hours or exams), counting one section (⌈count ÷ sections⌉). The plan is the activity's own `participation` key: `breakouts` or `polling` for a discussion or debate, any of `breakouts`, `polling`, `chat` for the rest. Words in an id or title do not count. For a presentation the advice is the seed's: selected groups present to the whole class.",
    example: "[students]\ncount = 120\n\n[[activities]]\nid = \"seminar\"\nkind = \"discussion\"\nminutes = 60\nmode = \"sync\"",
};
