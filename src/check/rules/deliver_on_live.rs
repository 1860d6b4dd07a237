//! `deliver-on-live`: its documentation and default severity are in the registry
//! ([`crate::rules::RuleId`]); this file holds its condition.

use super::{Context, Finding};
use crate::course::Deliver;

pub(super) fn run(cx: &Context<'_>) -> Vec<Finding> {
    cx.live()
        .filter(|(_, a)| a.deliver == Deliver::Last)
        .filter_map(|(d, a)| {
            Some(Finding {
                span: a.deliver_span?,
                message: format!(
                    "`{}` runs live, so `deliver = \"last\"` is ignored: a live session has no due time to hand in",
                    a.id
                ),
                help: Some(
                    "pin it self-paced (`mode = \"async\"`) if it is one deliverable worked on over several weeks, or remove `deliver`".into(),
                ),
                about: vec![(d.index, None)],
                ..Finding::default()
            })
        })
        .collect()
}
