//! The scoring rules: each rule's condition, keyed by its [`RuleId`].
//!
//! A rule is data plus a small condition. When its condition holds for an activity, the rule's
//! weight is added to the score of the mode it favours, and the facts it returns (a
//! [`ScoreDetail`]) become one of the activity's reasons. Weights are in "points"; only their relative size matters.
//! Adding a rule means a [`ScoringId`] variant with its documentation and weight in
//! `src/rules/scoring.rs`, its condition here (the match in `condition` is exhaustive, so the
//! crate does not compile without it), its wording in `render::words::score_detail`, and a
//! firing and a non-firing fixture in the rule tests.

use super::Facts;
use crate::course::{Activity, ActivityKind as K, ContentType, Goal, Mode, Population};
use crate::rules::{RuleId, RuleKind, ScoringId};

/// One scoring rule: its id (documentation, weight and favoured mode live in the registry,
/// [`crate::rules`]) and its condition.
#[derive(Clone, Copy, Debug)]
pub struct ScoringRule {
    /// The rule's id.
    pub id: RuleId,
    /// The condition: `Some(detail)`, the facts the rule saw, when it applies to this activity.
    pub applies: Condition,
}

/// A scoring rule's condition.
pub type Condition = fn(&Facts, &Activity) -> Option<ScoreDetail>;

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

/// What a scoring rule saw in an activity: one variant per rule, with the facts its reason is
/// worded from (`render::words::score_detail` writes the sentence). The rule is the variant:
/// [`ScoreDetail::rule`].
#[derive(Clone, Debug, PartialEq)]
pub enum ScoreDetail {
    /// `real-time-interaction`: the activity's kind.
    RealTimeInteraction {
        /// The activity's kind.
        kind: K,
    },
    /// `immediate-feedback`: a feedback-driven kind on complex or procedural content.
    ImmediateFeedback {
        /// The activity's kind.
        kind: K,
        /// The course content that makes feedback matter.
        content: ContentType,
    },
    /// `community-presence`: the activity's kind.
    CommunityPresence {
        /// The activity's kind.
        kind: K,
    },
    /// `hands-on`: the activity's kind (a lab).
    HandsOn {
        /// The activity's kind.
        kind: K,
    },
    /// `content-benefits-from-live`: the course content this kind serves live.
    ContentBenefitsFromLive {
        /// The activity's kind.
        kind: K,
        /// The matching content types, in course order.
        content: Vec<ContentType>,
    },
    /// `community-goals`: the course goals that call for group work.
    CommunityGoals {
        /// The matching goals, in course order.
        goals: Vec<Goal>,
    },
    /// `full-time-students`: every student is full-time.
    FullTimeStudents,
    /// `content-transmission`: the activity's kind.
    ContentTransmission {
        /// The activity's kind.
        kind: K,
    },
    /// `self-paced-processing`: the activity's kind.
    SelfPacedProcessing {
        /// The activity's kind.
        kind: K,
    },
    /// `written-record`: a written kind, or (`None`) work estimated from words written.
    WrittenRecord {
        /// The activity's kind when it is written by nature.
        kind: Option<K>,
    },
    /// `individual-practice`: the activity's kind.
    IndividualPractice {
        /// The activity's kind.
        kind: K,
    },
    /// `reflection`: the activity's kind.
    Reflection {
        /// The activity's kind.
        kind: K,
    },
    /// `population-flexibility`: the populations that need flexible timing.
    PopulationFlexibility {
        /// The populations, in course order.
        populations: Vec<Population>,
    },
    /// `time-zone-spread`: how many students the best live time reaches.
    TimeZoneSpread {
        /// The activity's minutes per occurrence.
        minutes: u32,
        /// Students the best time reaches within their local hours: for an activity held at
        /// fixed times, the larger of the best free time's reach and its own times' reach
        /// together.
        reached: u32,
        /// Students in the class.
        students: u32,
    },
    /// `unreliable-connectivity`: the share of students with a dependable connection.
    UnreliableConnectivity {
        /// Share from 0 to 1.
        reliable_share: f64,
    },
    /// `large-class`: students in one sitting of a one-to-many talk.
    LargeClass {
        /// The activity's kind.
        kind: K,
        /// Students in one sitting.
        students: u32,
    },
    /// `content-suits-self-paced`: the course content this kind handles self-paced.
    ContentSuitsSelfPaced {
        /// The activity's kind.
        kind: K,
        /// The matching content types, in course order.
        content: Vec<ContentType>,
    },
    /// `knowledge-goals`: the knowledge and skill goals of a course without community goals.
    KnowledgeGoals {
        /// The matching goals, in course order.
        goals: Vec<Goal>,
    },
    /// `live-fatigue`: a long stretch on a video call.
    LiveFatigue {
        /// The activity's minutes per occurrence.
        minutes: u32,
    },
}

impl ScoreDetail {
    /// The rule that saw these facts.
    pub fn rule(&self) -> ScoringId {
        match self {
            ScoreDetail::RealTimeInteraction { .. } => ScoringId::RealTimeInteraction,
            ScoreDetail::ImmediateFeedback { .. } => ScoringId::ImmediateFeedback,
            ScoreDetail::CommunityPresence { .. } => ScoringId::CommunityPresence,
            ScoreDetail::HandsOn { .. } => ScoringId::HandsOn,
            ScoreDetail::ContentBenefitsFromLive { .. } => ScoringId::ContentBenefitsFromLive,
            ScoreDetail::CommunityGoals { .. } => ScoringId::CommunityGoals,
            ScoreDetail::FullTimeStudents => ScoringId::FullTimeStudents,
            ScoreDetail::ContentTransmission { .. } => ScoringId::ContentTransmission,
            ScoreDetail::SelfPacedProcessing { .. } => ScoringId::SelfPacedProcessing,
            ScoreDetail::WrittenRecord { .. } => ScoringId::WrittenRecord,
            ScoreDetail::IndividualPractice { .. } => ScoringId::IndividualPractice,
            ScoreDetail::Reflection { .. } => ScoringId::Reflection,
            ScoreDetail::PopulationFlexibility { .. } => ScoringId::PopulationFlexibility,
            ScoreDetail::TimeZoneSpread { .. } => ScoringId::TimeZoneSpread,
            ScoreDetail::UnreliableConnectivity { .. } => ScoringId::UnreliableConnectivity,
            ScoreDetail::LargeClass { .. } => ScoringId::LargeClass,
            ScoreDetail::ContentSuitsSelfPaced { .. } => ScoringId::ContentSuitsSelfPaced,
            ScoreDetail::KnowledgeGoals { .. } => ScoringId::KnowledgeGoals,
            ScoreDetail::LiveFatigue { .. } => ScoringId::LiveFatigue,
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

/// A scoring rule's condition, by its id: an exhaustive match, so a scoring id without a
/// condition does not compile.
const fn condition(id: ScoringId) -> Condition {
    use ScoringId as S;
    match id {
        S::RealTimeInteraction => real_time_interaction,
        S::ImmediateFeedback => immediate_feedback,
        S::CommunityPresence => community_presence,
        S::HandsOn => hands_on,
        S::ContentBenefitsFromLive => content_benefits_from_live,
        S::CommunityGoals => community_goals,
        S::FullTimeStudents => full_time_students,
        S::ContentTransmission => content_transmission,
        S::SelfPacedProcessing => self_paced_processing,
        S::WrittenRecord => written_record,
        S::IndividualPractice => individual_practice,
        S::Reflection => reflection,
        S::PopulationFlexibility => population_flexibility,
        S::TimeZoneSpread => time_zone_spread,
        S::UnreliableConnectivity => unreliable_connectivity,
        S::LargeClass => large_class,
        S::ContentSuitsSelfPaced => content_suits_self_paced,
        S::KnowledgeGoals => knowledge_goals,
        S::LiveFatigue => live_fatigue,
    }
}

fn real_time_interaction(f: &Facts, a: &Activity) -> Option<ScoreDetail> {
    (kind_in(a, INTERACTIVE) && !without_peers(f, a))
        .then_some(ScoreDetail::RealTimeInteraction { kind: a.kind })
}

fn immediate_feedback(f: &Facts, a: &Activity) -> Option<ScoreDetail> {
    let content = [ContentType::ComplexConcepts, ContentType::Procedural]
        .into_iter()
        .find(|c| f.content.contains(c))?;
    kind_in(a, FEEDBACK).then_some(ScoreDetail::ImmediateFeedback {
        kind: a.kind,
        content,
    })
}

fn community_presence(f: &Facts, a: &Activity) -> Option<ScoreDetail> {
    (kind_in(a, SOCIAL) && !without_peers(f, a))
        .then_some(ScoreDetail::CommunityPresence { kind: a.kind })
}

fn hands_on(_: &Facts, a: &Activity) -> Option<ScoreDetail> {
    (a.kind == K::Lab).then_some(ScoreDetail::HandsOn { kind: a.kind })
}

fn content_benefits_from_live(f: &Facts, a: &Activity) -> Option<ScoreDetail> {
    let content = matching_content(f, |c| live_content(a.kind, c));
    (!content.is_empty()).then_some(ScoreDetail::ContentBenefitsFromLive {
        kind: a.kind,
        content,
    })
}

fn community_goals(f: &Facts, a: &Activity) -> Option<ScoreDetail> {
    let goals = matching_goals(f, |g| matches!(g, Goal::Community | Goal::Collaboration));
    (!goals.is_empty() && kind_in(a, COLLECTIVE) && !without_peers(f, a))
        .then_some(ScoreDetail::CommunityGoals { goals })
}

fn full_time_students(f: &Facts, a: &Activity) -> Option<ScoreDetail> {
    (f.full_time_only && !kind_in(a, SOLITARY)).then_some(ScoreDetail::FullTimeStudents)
}

fn content_transmission(_: &Facts, a: &Activity) -> Option<ScoreDetail> {
    a.kind
        .is_content_transmission()
        .then_some(ScoreDetail::ContentTransmission { kind: a.kind })
}

fn self_paced_processing(_: &Facts, a: &Activity) -> Option<ScoreDetail> {
    kind_in(a, REWINDABLE).then_some(ScoreDetail::SelfPacedProcessing { kind: a.kind })
}

fn written_record(_: &Facts, a: &Activity) -> Option<ScoreDetail> {
    is_written(a).then(|| ScoreDetail::WrittenRecord {
        kind: kind_in(a, WRITTEN).then_some(a.kind),
    })
}

fn individual_practice(_: &Facts, a: &Activity) -> Option<ScoreDetail> {
    kind_in(a, INDIVIDUAL).then_some(ScoreDetail::IndividualPractice { kind: a.kind })
}

fn reflection(_: &Facts, a: &Activity) -> Option<ScoreDetail> {
    kind_in(a, REFLECTIVE).then_some(ScoreDetail::Reflection { kind: a.kind })
}

fn population_flexibility(f: &Facts, _: &Activity) -> Option<ScoreDetail> {
    (!f.flexible.is_empty()).then(|| ScoreDetail::PopulationFlexibility {
        populations: f.flexible.clone(),
    })
}

fn time_zone_spread(f: &Facts, a: &Activity) -> Option<ScoreDetail> {
    (on_a_call(a) && f.attendance.short_of(a)).then(|| ScoreDetail::TimeZoneSpread {
        minutes: a.minutes,
        reached: f.attendance.reach_of(a),
        students: f.attendance.count,
    })
}

fn unreliable_connectivity(f: &Facts, a: &Activity) -> Option<ScoreDetail> {
    let share = f.reliable_internet?;
    (on_a_call(a) && share < RELIABLE_INTERNET_FLOOR).then_some(
        ScoreDetail::UnreliableConnectivity {
            reliable_share: share,
        },
    )
}

fn large_class(f: &Facts, a: &Activity) -> Option<ScoreDetail> {
    // Sections split the class: each meets a share of it.
    let students = sitting_size(f, a);
    (students > LARGE_CLASS && kind_in(a, ONE_TO_MANY)).then_some(ScoreDetail::LargeClass {
        kind: a.kind,
        students,
    })
}

fn content_suits_self_paced(f: &Facts, a: &Activity) -> Option<ScoreDetail> {
    let content = matching_content(f, |c| self_paced_content(a.kind, c));
    (!content.is_empty()).then_some(ScoreDetail::ContentSuitsSelfPaced {
        kind: a.kind,
        content,
    })
}

fn knowledge_goals(f: &Facts, _: &Activity) -> Option<ScoreDetail> {
    let community = f
        .goals
        .iter()
        .any(|g| matches!(g, Goal::Community | Goal::Collaboration));
    let goals = matching_goals(f, |g| {
        matches!(g, Goal::KnowledgeAcquisition | Goal::SkillDevelopment)
    });
    (!community && !goals.is_empty()).then_some(ScoreDetail::KnowledgeGoals { goals })
}

fn live_fatigue(_: &Facts, a: &Activity) -> Option<ScoreDetail> {
    // A long lab is split (`long-live-session`), never self-paced on fatigue alone:
    // hands-on practice is its reason to meet.
    (on_a_call(a) && a.kind != K::Lab && a.minutes > LONG_LIVE_MINUTES)
        .then_some(ScoreDetail::LiveFatigue { minutes: a.minutes })
}

fn matching_content(f: &Facts, keep: impl Fn(ContentType) -> bool) -> Vec<ContentType> {
    f.content.iter().copied().filter(|&c| keep(c)).collect()
}

fn matching_goals(f: &Facts, keep: impl Fn(&Goal) -> bool) -> Vec<Goal> {
    f.goals.iter().copied().filter(|g| keep(g)).collect()
}

/// Every scoring rule, in the order reasons are listed.
pub static SCORING_RULES: &[ScoringRule] = &SCORING_TABLE;

const SCORING_TABLE: [ScoringRule; ScoringId::ALL.len()] = {
    let mut table = [ScoringRule {
        id: RuleId::Scoring(ScoringId::ALL[0]),
        applies: condition(ScoringId::ALL[0]),
    }; ScoringId::ALL.len()];
    let mut i = 0;
    while i < ScoringId::ALL.len() {
        table[i] = ScoringRule {
            id: RuleId::Scoring(ScoringId::ALL[i]),
            applies: condition(ScoringId::ALL[i]),
        };
        i += 1;
    }
    table
};

/// Look up a scoring rule by id.
pub fn find(id: RuleId) -> Option<&'static ScoringRule> {
    SCORING_RULES.iter().find(|r| r.id == id)
}

/// Populations that need flexible timing, per the seed.
pub fn is_flexible(population: Population) -> bool {
    !matches!(population, Population::FullTime)
}
