//! `large-live-discussion`: its documentation and default severity are in the registry
//! ([`crate::rules::RuleId`]); this file holds its condition.

use crate::course::{Activity, ActivityKind as K, Participation};
use crate::engine::rules::LARGE_CLASS;

use super::{Context, Finding};

fn mentions_breakouts(a: &Activity) -> bool {
    let words = ["breakout", "small-group", "small group", "poll"];
    let id = a.id.as_str();
    let title = a.title.as_deref().unwrap_or("").to_ascii_lowercase();
    words.iter().any(|w| id.contains(w) || title.contains(w))
}

pub(super) fn run(cx: &Context<'_>) -> Vec<Finding> {
    let total = cx.course().students.count;
    if total <= LARGE_CLASS {
        return Vec::new();
    }
    let planned = cx
        .live()
        .any(|(_, a)| a.kind == K::Collaboration || mentions_breakouts(a));
    if planned {
        return Vec::new();
    }
    cx.live()
        .filter(|(_, a)| matches!(a.kind, K::Discussion | K::Debate))
        // Sections split the class; `participation` with breakouts or polling is the plan.
        .filter(|(_, a)| total.div_ceil(a.sections() as u32) > LARGE_CLASS)
        .filter(|(_, a)| {
            !a.participation
                .iter()
                .any(|p| matches!(p, Participation::Breakouts | Participation::Polling))
        })
        .map(|(_, a)| (total.div_ceil(a.sections() as u32), a))
        .map(|(count, a)| Finding {
            span: a.spans.kind,
            message: format!(
                "live {} `{}` for {count} students has no breakout-room or polling plan",
                a.kind, a.id
            ),
            help: Some(format!(
                "above {LARGE_CLASS} students not everyone can speak: add a live `collaboration` activity for breakout groups of 3-7, or say \"breakout\" or \"poll\" in the title"
            )),
        })
        .collect()
}
