//! The scoring rules: each rule's condition, keyed by its [`RuleId`].
//!
//! A rule is data plus a small condition. When its condition holds for an activity, the rule's
//! weight is added to the score of the mode it favours, and the detail it returns becomes one
//! of the activity's reasons. Weights are in "points"; only their relative size matters.
//! Adding a rule means a `RuleId` with its documentation and weight in [`crate::rules`], an
//! entry here, and a firing and a non-firing fixture in the rule tests.

use super::Facts;
use crate::course::{Activity, ActivityKind as K, ContentType, Goal, Mode, Population};
use crate::rules::{RuleId, RuleKind};

/// One scoring rule: its id (documentation, weight and favoured mode live in the registry,
/// [`crate::rules`]) and its condition.
#[derive(Debug)]
pub struct ScoringRule {
    /// The rule's id.
    pub id: RuleId,
    /// The condition: `Some(detail)` when the rule applies to this activity.
    pub applies: fn(&Facts, &Activity) -> Option<String>,
}

impl ScoringRule {
    /// The favoured mode and the weight, from the registry.
    pub fn weight(&self) -> (Mode, f64) {
        match self.id.kind() {
            RuleKind::Scoring { favors, weight } => (favors, weight),
            other => unreachable!(
                "{} is a {} rule, not a scoring rule",
                self.id,
                other.category()
            ),
        }
    }
}

/// Class size above which a live session stops being interactive for everyone.
pub const LARGE_CLASS: u32 = 30;
/// Share of students with a dependable connection below which live time is a risk.
pub const RELIABLE_INTERNET_FLOOR: f64 = 0.9;
/// Share of students without a dependable connection at which the connectivity rule adds
/// exactly its registry weight; the weight grows in proportion to that share.
pub const CONNECTIVITY_REFERENCE_SHARE: f64 = 0.5;
/// Live minutes per occurrence above which fatigue sets in.
pub const LONG_LIVE_MINUTES: u32 = 90;

const INTERACTIVE: &[K] = &[
    K::Discussion,
    K::Debate,
    K::ProblemSolving,
    K::Collaboration,
    K::Demonstration,
    K::QAndA,
];
const FEEDBACK: &[K] = &[
    K::ProblemSolving,
    K::QAndA,
    K::Lab,
    K::Demonstration,
    K::OfficeHours,
];
const SOCIAL: &[K] = &[
    K::Discussion,
    K::Debate,
    K::Collaboration,
    K::Presentation,
    K::OfficeHours,
    K::QAndA,
];
const COLLECTIVE: &[K] = &[
    K::Discussion,
    K::Debate,
    K::Collaboration,
    K::Presentation,
    K::ProblemSolving,
    K::ProjectWork,
];
const INDIVIDUAL: &[K] = &[K::Practice, K::Assessment, K::ProjectWork];
const REFLECTIVE: &[K] = &[K::Reflection, K::PeerReview];
/// Written work by nature. A `discussion` or `debate` is spoken: a board is `kind = "forum"`.
const WRITTEN: &[K] = &[K::Forum, K::PeerReview, K::Reflection];
/// Activities whose value is in a pair or group of students working on each other's ideas:
/// with one student per sitting there is nobody to debate, collaborate or review with.
const PEER: &[K] = &[K::Debate, K::Collaboration, K::PeerReview];
const REWINDABLE: &[K] = &[K::Lecture, K::Reading];
/// Talks a large class mostly watches. Presentations and demonstrations are not here: the
/// guide's large-class answer is that selected groups present to the whole class, live.
const ONE_TO_MANY: &[K] = &[K::Lecture];
const SOLITARY: &[K] = &[
    K::Lecture,
    K::Reading,
    K::Announcement,
    K::Practice,
    K::Reflection,
    K::Assessment,
];

fn kind_in(activity: &Activity, kinds: &[K]) -> bool {
    kinds.contains(&activity.kind)
}

/// Students in one sitting of the activity: sections split the class.
pub fn sitting_size(facts: &Facts, activity: &Activity) -> u32 {
    facts.count.div_ceil(activity.sections() as u32)
}

/// Whether peer-interaction reasons are void for this activity: a debate, collaboration or
/// peer review with one student per sitting has no peer to interact with.
fn without_peers(facts: &Facts, activity: &Activity) -> bool {
    sitting_size(facts, activity) <= 1 && kind_in(activity, PEER)
}

/// Whether the activity is written work: a written kind, or estimated from words written
/// (`write`) or posted (`post`).
pub fn is_written(activity: &Activity) -> bool {
    use crate::course::estimate::Estimator;
    kind_in(activity, WRITTEN)
        || activity.estimate.is_some_and(|e| {
            matches!(
                e.estimator,
                Estimator::Write { .. } | Estimator::Post { .. }
            )
        })
}

/// Whether the rules about video calls apply: an activity met in a room (`in_person`) is not
/// on a call, so fatigue on calls, connectivity and time-zone spread do not score it.
fn on_a_call(activity: &Activity) -> bool {
    !activity.in_person
}

fn kind_detail(activity: &Activity, what: &str) -> String {
    format!(
        "{} {} activity {what}",
        article(activity.kind),
        activity.kind
    )
}

/// The indefinite article for a kind's name: "an announcement", "a lecture".
pub fn article(kind: K) -> &'static str {
    match kind.to_string().as_bytes().first() {
        Some(b'a' | b'e' | b'i' | b'o' | b'u') => "an",
        _ => "a",
    }
}

/// How much of its registry weight a rule adds for these facts: 1 for every rule but
/// connectivity, whose weight scales with the share of students without a dependable
/// connection (seed: Synchronous Learning > Weaknesses: unreliable technology is a
/// systematic disadvantage, so the more students it affects, the more it counts).
pub fn factor(id: RuleId, facts: &Facts) -> f64 {
    match (id, facts.reliable_internet) {
        (RuleId::UnreliableConnectivity, Some(share)) => {
            (1.0 - share).max(0.0) / CONNECTIVITY_REFERENCE_SHARE
        }
        _ => 1.0,
    }
}

/// Content types that make this kind of activity worth doing live, per the seed.
fn live_content(kind: K, content: ContentType) -> bool {
    match content {
        ContentType::Procedural => matches!(kind, K::Demonstration | K::Lab | K::ProblemSolving),
        ContentType::ComplexConcepts => matches!(
            kind,
            K::ProblemSolving | K::QAndA | K::Discussion | K::Demonstration
        ),
        ContentType::DiscussionHeavy => matches!(kind, K::Discussion | K::Debate),
        _ => false,
    }
}

/// Content types that this kind of activity handles well self-paced, per the seed.
fn self_paced_content(kind: K, content: ContentType) -> bool {
    match content {
        ContentType::Foundational => matches!(kind, K::Lecture | K::Reading),
        ContentType::Reading => kind == K::Reading,
        ContentType::Practice => matches!(kind, K::Practice | K::Assessment | K::Lab),
        _ => false,
    }
}

fn names<T: std::fmt::Display>(items: &[T]) -> String {
    let list: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    list.join(", ")
}

/// Every scoring rule, in the order reasons are listed.
pub static SCORING_RULES: &[ScoringRule] = &[
    ScoringRule {
        id: RuleId::RealTimeInteraction,
        applies: |f, a| {
            (kind_in(a, INTERACTIVE) && !without_peers(f, a))
                .then(|| kind_detail(a, "depends on real-time exchange"))
        },
    },
    ScoringRule {
        id: RuleId::ImmediateFeedback,
        applies: |f, a| {
            let content = [ContentType::ComplexConcepts, ContentType::Procedural]
                .into_iter()
                .find(|c| f.content.contains(c))?;
            kind_in(a, FEEDBACK).then(|| {
                format!(
                    "{} on {content} content benefits from on-the-spot feedback",
                    a.kind
                )
            })
        },
    },
    ScoringRule {
        id: RuleId::CommunityPresence,
        applies: |f, a| {
            (kind_in(a, SOCIAL) && !without_peers(f, a))
                .then(|| kind_detail(a, "builds presence and belonging when live"))
        },
    },
    ScoringRule {
        id: RuleId::HandsOn,
        applies: |_, a| {
            (a.kind == K::Lab)
                .then(|| kind_detail(a, "practises a procedure hands-on, with help at hand"))
        },
    },
    ScoringRule {
        id: RuleId::ContentBenefitsFromLive,
        applies: |f, a| {
            let matched: Vec<ContentType> = f
                .content
                .iter()
                .copied()
                .filter(|&c| live_content(a.kind, c))
                .collect();
            (!matched.is_empty())
                .then(|| format!("{} content is served by a live {}", names(&matched), a.kind))
        },
    },
    ScoringRule {
        id: RuleId::CommunityGoals,
        applies: |f, a| {
            let goals: Vec<Goal> = f
                .goals
                .iter()
                .copied()
                .filter(|g| matches!(g, Goal::Community | Goal::Collaboration))
                .collect();
            (!goals.is_empty() && kind_in(a, COLLECTIVE) && !without_peers(f, a))
                .then(|| format!("course goals {} call for live group work", names(&goals)))
        },
    },
    ScoringRule {
        id: RuleId::FullTimeStudents,
        applies: |f, a| {
            (f.full_time_only && !kind_in(a, SOLITARY))
                .then(|| "all students are full-time, so fixed meeting times are workable".into())
        },
    },
    ScoringRule {
        id: RuleId::ContentTransmission,
        applies: |_, a| {
            a.kind
                .is_content_transmission()
                .then(|| kind_detail(a, "transmits content that needs no live audience"))
        },
    },
    ScoringRule {
        id: RuleId::SelfPacedProcessing,
        applies: |_, a| {
            kind_in(a, REWINDABLE)
                .then(|| kind_detail(a, "can be paused and reviewed at the student's pace"))
        },
    },
    ScoringRule {
        id: RuleId::WrittenRecord,
        applies: |_, a| {
            is_written(a).then(|| {
                if kind_in(a, WRITTEN) {
                    kind_detail(a, "in writing leaves a record to return to")
                } else {
                    "written work leaves a record to return to".into()
                }
            })
        },
    },
    ScoringRule {
        id: RuleId::IndividualPractice,
        applies: |_, a| kind_in(a, INDIVIDUAL).then(|| kind_detail(a, "is done individually")),
    },
    ScoringRule {
        id: RuleId::Reflection,
        applies: |_, a| kind_in(a, REFLECTIVE).then(|| kind_detail(a, "needs time to think")),
    },
    ScoringRule {
        id: RuleId::PopulationFlexibility,
        applies: |f, _| {
            (!f.flexible.is_empty())
                .then(|| format!("{} students need flexible timing", names(&f.flexible)))
        },
    },
    ScoringRule {
        id: RuleId::TimeZoneSpread,
        applies: |f, a| {
            (on_a_call(a) && f.attendance.short(a.minutes)).then(|| {
                format!(
                    "at the best time on the allowed days, a live {}-minute session reaches {} of {} students within their local hours",
                    a.minutes,
                    f.attendance.reach(a.minutes),
                    f.attendance.count
                )
            })
        },
    },
    ScoringRule {
        id: RuleId::UnreliableConnectivity,
        applies: |f, a| {
            let share = f.reliable_internet?;
            (on_a_call(a) && share < RELIABLE_INTERNET_FLOOR).then(|| {
                format!(
                    "only {:.0}% of students have a dependable connection",
                    share * 100.0
                )
            })
        },
    },
    ScoringRule {
        id: RuleId::LargeClass,
        applies: |f, a| {
            // Sections split the class: each meets a share of it.
            let size = sitting_size(f, a);
            (size > LARGE_CLASS && kind_in(a, ONE_TO_MANY))
                .then(|| format!("{size} students is a large audience for a live {}", a.kind))
        },
    },
    ScoringRule {
        id: RuleId::ContentSuitsSelfPaced,
        applies: |f, a| {
            let matched: Vec<ContentType> = f
                .content
                .iter()
                .copied()
                .filter(|&c| self_paced_content(a.kind, c))
                .collect();
            (!matched.is_empty()).then(|| {
                format!(
                    "{} content works self-paced as {} {}",
                    names(&matched),
                    article(a.kind),
                    a.kind
                )
            })
        },
    },
    ScoringRule {
        id: RuleId::KnowledgeGoals,
        applies: |f, _| {
            let community = f
                .goals
                .iter()
                .any(|g| matches!(g, Goal::Community | Goal::Collaboration));
            let goals: Vec<Goal> = f
                .goals
                .iter()
                .copied()
                .filter(|g| matches!(g, Goal::KnowledgeAcquisition | Goal::SkillDevelopment))
                .collect();
            (!community && !goals.is_empty())
                .then(|| format!("course goals {} need less live time", names(&goals)))
        },
    },
    ScoringRule {
        id: RuleId::LiveFatigue,
        applies: |_, a| {
            // A long lab is split (`long-live-session`), never self-paced on fatigue alone:
            // hands-on practice is its reason to meet.
            (on_a_call(a) && a.kind != K::Lab && a.minutes > LONG_LIVE_MINUTES).then(|| {
                format!(
                    "{} minutes at a stretch is tiring on a video call",
                    a.minutes
                )
            })
        },
    },
];

/// Look up a scoring rule by id.
pub fn find(id: RuleId) -> Option<&'static ScoringRule> {
    SCORING_RULES.iter().find(|r| r.id == id)
}

/// Populations that need flexible timing, per the seed.
pub fn is_flexible(population: Population) -> bool {
    !matches!(population, Population::FullTime)
}
