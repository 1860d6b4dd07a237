//! The rule registry: every rule id mixplan can print, and each one's documentation.
//!
//! [`RuleId`] is one enum of every id that reaches an output: scoring rules, the engine's
//! decision notes, the schedule's advice, input errors and design checks. [`RuleId::doc`] is an
//! exhaustive `match`, so an id without documentation does not compile. `mixplan rules`,
//! `mixplan explain`, the SARIF rule table and the JSON schemas all read this one registry;
//! the conditions live with their layers (scoring in `engine::rules`, checks in
//! `check::rules`), keyed by the same ids.

use std::fmt;

use serde::Serialize;

use crate::course::Mode;
use crate::diagnostic::Severity;

/// What kind of rule an id names, with its default weight or severity.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum RuleKind {
    /// Adds `weight` points to the score of the mode it favours.
    Scoring {
        /// The mode the rule favours.
        favors: Mode,
        /// Points added when the rule applies.
        weight: f64,
    },
    /// Decides or adjusts a mode after scoring, or explains a plan-wide choice.
    Decision,
    /// What the schedule plans for students a live time cannot reach.
    Advice,
    /// A problem in the course file that stops it from loading (always an error).
    Input,
    /// A design check run by `mixplan check`, with its default severity.
    Check(Severity),
    /// How `mixplan workload` estimates and weighs the hours a course asks.
    Workload,
    /// A warning printed to standard error when a calendar or package is written (the output
    /// is still written; the exit code stays 0).
    Publish,
}

impl RuleKind {
    /// Lowercase name of the category, as `mixplan rules` prints it.
    pub fn category(self) -> &'static str {
        match self {
            RuleKind::Scoring { .. } => "scoring",
            RuleKind::Decision => "decision",
            RuleKind::Advice => "advice",
            RuleKind::Input => "input",
            RuleKind::Check(_) => "check",
            RuleKind::Workload => "workload",
            RuleKind::Publish => "publish",
        }
    }

    /// The points a scoring rule adds (0 for other kinds).
    pub fn scoring_weight(self) -> f64 {
        match self {
            RuleKind::Scoring { weight, .. } => weight,
            _ => 0.0,
        }
    }

    /// The severity a finding of this rule has before configuration.
    pub fn severity(self) -> Option<Severity> {
        match self {
            RuleKind::Input => Some(Severity::Error),
            RuleKind::Check(severity) => Some(severity),
            RuleKind::Publish => Some(Severity::Warning),
            _ => None,
        }
    }
}

/// One id's documentation.
#[derive(Clone, Copy, Debug)]
pub struct RuleDoc {
    /// Kind, with the default weight or severity.
    pub kind: RuleKind,
    /// One line.
    pub summary: &'static str,
    /// The seed section, and any published source, it rests on.
    pub evidence: &'static str,
    /// What it does and why it matters.
    pub doc: &'static str,
    /// A course-file fragment that triggers it (empty where no file can show it).
    pub example: &'static str,
}

/// Declares one rule area: its id enum (kebab-case ids, in listing order), each id's
/// documentation (one expression per id, so an id without documentation does not parse), and
/// the `RuleId::Variant` shorthand constants the rest of the crate spells ids with.
macro_rules! area {
    ($(#[$meta:meta])* $area:ident($name:ident) { $($variant:ident = $id:literal => $doc:expr,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $(
                #[doc = concat!("`", $id, "`")]
                $variant,
            )*
        }

        impl $name {
            /// Every id of the area, in the order `mixplan rules` lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The stable kebab-case id.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $id,)*
                }
            }

            /// The id's documentation.
            pub fn doc(self) -> $crate::rules::RuleDoc {
                match self {
                    $($name::$variant => $doc,)*
                }
            }
        }

        impl From<$name> for $crate::rules::RuleId {
            fn from(id: $name) -> Self {
                $crate::rules::RuleId::$area(id)
            }
        }

        #[expect(
            non_upper_case_globals,
            reason = "ids keep their CamelCase names: `RuleId::LiveLecture` reads as the variant it stands for"
        )]
        impl $crate::rules::RuleId {
            $(
                #[doc = concat!("`", $id, "`")]
                pub const $variant: $crate::rules::RuleId = $crate::rules::RuleId::$area($name::$variant);
            )*
        }
    };
}
pub(crate) use area;

mod advice;
mod decision;
mod input;
mod publish;
mod scoring;
mod workload;

pub use crate::check::rules::CheckId;
pub use advice::AdviceId;
pub use decision::DecisionId;
pub use input::InputId;
pub use publish::PublishId;
pub use scoring::ScoringId;
pub use workload::WorkloadId;

/// Every rule id mixplan can print, by area (cargo-deny's layout): each area's enum lists its
/// ids, and every match over an area is exhaustive, so an id added to an area without its
/// documentation, its scoring condition or its check runner does not compile. Kebab-case in
/// every output; `RuleId::LiveLecture` and the like are shorthands for the area variants.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RuleId {
    /// Adds points to a mode (conditions in `engine::rules`).
    Scoring(ScoringId),
    /// Decides or adjusts a mode after scoring, or explains a plan-wide choice.
    Decision(DecisionId),
    /// A problem in the course file that stops it from loading.
    Input(InputId),
    /// A design check of `mixplan check` (docs and condition in `check/rules/<check>.rs`).
    Check(CheckId),
    /// What the schedule plans for students a live time cannot reach.
    Advice(AdviceId),
    /// How `mixplan workload` estimates and weighs hours.
    Workload(WorkloadId),
    /// A warning printed when a calendar or package is written.
    Publish(PublishId),
}

/// How many ids there are, over every area.
const COUNT: usize = ScoringId::ALL.len()
    + DecisionId::ALL.len()
    + InputId::ALL.len()
    + CheckId::ALL.len()
    + AdviceId::ALL.len()
    + WorkloadId::ALL.len()
    + PublishId::ALL.len();

/// Every id, area after area, in the order `mixplan rules` lists them.
const ALL_IDS: [RuleId; COUNT] = {
    let mut all = [RuleId::Scoring(ScoringId::RealTimeInteraction); COUNT];
    let mut n = 0;
    macro_rules! append {
        ($area:ident, $name:ident) => {
            let mut i = 0;
            while i < $name::ALL.len() {
                all[n] = RuleId::$area($name::ALL[i]);
                n += 1;
                i += 1;
            }
        };
    }
    append!(Scoring, ScoringId);
    append!(Decision, DecisionId);
    append!(Input, InputId);
    append!(Check, CheckId);
    append!(Advice, AdviceId);
    append!(Workload, WorkloadId);
    append!(Publish, PublishId);
    assert!(n == COUNT);
    all
};

impl RuleId {
    /// Every id, in the order `mixplan rules` lists them.
    pub const ALL: &'static [RuleId] = &ALL_IDS;

    /// The stable kebab-case id.
    pub const fn as_str(self) -> &'static str {
        match self {
            RuleId::Scoring(id) => id.as_str(),
            RuleId::Decision(id) => id.as_str(),
            RuleId::Input(id) => id.as_str(),
            RuleId::Check(id) => id.as_str(),
            RuleId::Advice(id) => id.as_str(),
            RuleId::Workload(id) => id.as_str(),
            RuleId::Publish(id) => id.as_str(),
        }
    }

    /// The rule's documentation, from its area.
    pub fn doc(self) -> RuleDoc {
        match self {
            RuleId::Scoring(id) => id.doc(),
            RuleId::Decision(id) => id.doc(),
            RuleId::Input(id) => id.doc(),
            RuleId::Check(id) => id.doc(),
            RuleId::Advice(id) => id.doc(),
            RuleId::Workload(id) => id.doc(),
            RuleId::Publish(id) => id.doc(),
        }
    }
}

/// What a check's finding is about: `[check] allow` may name an activity (or one section)
/// only for checks about activities, sections, sittings or units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    /// The whole course.
    Course,
    /// One or more weeks.
    Week,
    /// One activity.
    Activity,
    /// A sitting or a unit (a searched sitting with its repeat, an activity with its sections).
    Unit,
}

impl Subject {
    /// Lowercase name, as `mixplan explain` prints it.
    pub fn as_str(self) -> &'static str {
        match self {
            Subject::Course => "course",
            Subject::Week => "week",
            Subject::Activity => "activity",
            Subject::Unit => "sitting or unit",
        }
    }

    /// Whether `[check] allow` may limit the rule to one activity with `activity`.
    pub fn per_activity(self) -> bool {
        matches!(self, Subject::Activity | Subject::Unit)
    }
}

impl RuleId {
    /// The id named by `text`, if there is one.
    pub fn parse(text: &str) -> Option<RuleId> {
        RuleId::ALL.iter().copied().find(|id| id.as_str() == text)
    }

    /// Every id as text, for did-you-mean suggestions and completions.
    pub fn names() -> impl Iterator<Item = &'static str> {
        RuleId::ALL.iter().map(|id| id.as_str())
    }

    /// The rule's kind, with its default weight or severity.
    pub fn kind(self) -> RuleKind {
        self.doc().kind
    }

    /// What a finding of this check is about (see [`Subject`]); `Course` for every id that
    /// is not a check.
    pub fn subject(self) -> Subject {
        match self {
            RuleId::Check(id) => id.subject(),
            RuleId::Scoring(_)
            | RuleId::Decision(_)
            | RuleId::Input(_)
            | RuleId::Advice(_)
            | RuleId::Workload(_)
            | RuleId::Publish(_) => Subject::Course,
        }
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for RuleId {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl Serialize for RuleId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl schemars::JsonSchema for RuleId {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "RuleId".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let ids: Vec<&str> = RuleId::names().collect();
        schemars::json_schema!({
            "description": "A mixplan rule id; `mixplan explain ID` documents it.",
            "type": "string",
            "enum": ids,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn ids_are_unique_kebab_case_and_documented() {
        let ids: BTreeSet<&str> = RuleId::names().collect();
        assert_eq!(ids.len(), RuleId::ALL.len(), "duplicate rule id");
        for &id in RuleId::ALL {
            assert!(
                crate::course::is_kebab_case(id.as_str()),
                "{id} is not kebab-case"
            );
            assert_eq!(RuleId::parse(id.as_str()), Some(id));
            let doc = id.doc();
            assert!(
                !doc.summary.is_empty() && !doc.doc.is_empty(),
                "{id} has no documentation"
            );
            assert!(
                !doc.evidence.contains("SPEC"),
                "{id} cites an internal document"
            );
        }
    }
}
