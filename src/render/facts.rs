//! The facts behind each reason, as data: what [`super::words`] turns into the reason's
//! sentence, for JSON readers that want the numbers and names rather than the prose.

use schemars::JsonSchema;
use serde::Serialize;

use crate::course::{ActivityKind, ContentType, Goal, Mode, Population};
use crate::engine::{Note, PinnedBy, Reason, ReasonKind, ScoreDetail};

/// The structured facts of one reason; each key is present only when the reason rests on it,
/// and every value also appears in the reason's `detail` sentence.
#[derive(Debug, Default, PartialEq, Serialize, JsonSchema)]
pub struct ReasonFacts<'a> {
    /// The activity's kind, when the rule reads it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<ActivityKind>,
    /// The course content types the rule matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<&'a [ContentType]>,
    /// The course goals the rule matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub goals: Option<&'a [Goal]>,
    /// The student populations that need flexible timing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub populations: Option<&'a [Population]>,
    /// The activity's minutes per occurrence.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0))]
    pub minutes: Option<u32>,
    /// Students the best live time reaches within their local hours.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0))]
    pub reached: Option<u32>,
    /// Students concerned: the class for `time-zone-spread`, one sitting for `large-class`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0))]
    pub students: Option<u32>,
    /// Share of students with a dependable connection, from 0 to 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0, max = 1))]
    pub reliable_share: Option<f64>,
    /// Points for running the activity live (`near-tie-async`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sync_points: Option<f64>,
    /// Points for running it self-paced (`near-tie-async`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub async_points: Option<f64>,
    /// What pinned the mode (`pinned-mode`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pinned_by: Option<PinnedByName>,
    /// The mode the scores alone favour (`pinned-mode`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scores_favor: Option<Mode>,
    /// Weekly live minutes of the plan for better-connected students (`unreliable-connectivity`
    /// as a decision note).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub connected_minutes_per_week: Option<f64>,
    /// Live minutes before a band move: per week, or of the one week named in `week`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub live_minutes: Option<f64>,
    /// The band edge a move crossed, in minutes per week.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit_minutes: Option<f64>,
    /// The moved activity's margin (sync points minus async points).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub margin: Option<f64>,
    /// The teaching week over the ceiling that made a band move.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub week: Option<u32>,
    /// Whether the ceiling was lowered because students lack a dependable connection.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lowered_ceiling: Option<bool>,
    /// Minutes a week in rooms counted towards the floor, for a move live in a hybrid course.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub room_minutes_per_week: Option<f64>,
}

/// What fixed an activity's mode without the engine deciding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum PinnedByName {
    /// `mode` written in the file.
    Mode,
    /// A fixed time, `at`.
    At,
    /// Office hours are live by nature.
    OfficeHours,
    /// A forum is self-paced by nature.
    Forum,
    /// An exam without `at` is a self-paced timed exam.
    SelfPacedExam,
}

impl From<PinnedBy> for PinnedByName {
    fn from(by: PinnedBy) -> Self {
        match by {
            PinnedBy::Mode => PinnedByName::Mode,
            PinnedBy::At => PinnedByName::At,
            PinnedBy::OfficeHours => PinnedByName::OfficeHours,
            PinnedBy::Forum => PinnedByName::Forum,
            PinnedBy::SelfPacedExam => PinnedByName::SelfPacedExam,
        }
    }
}

/// The facts of one reason.
pub fn of(reason: &Reason) -> ReasonFacts<'_> {
    match &reason.kind {
        ReasonKind::Score { detail, .. } => score(detail),
        ReasonKind::Note(note) => self::note(note),
    }
}

fn score(detail: &ScoreDetail) -> ReasonFacts<'_> {
    use ScoreDetail as D;
    let none = ReasonFacts::default();
    match detail {
        D::RealTimeInteraction { kind }
        | D::CommunityPresence { kind }
        | D::HandsOn { kind }
        | D::ContentTransmission { kind }
        | D::SelfPacedProcessing { kind }
        | D::IndividualPractice { kind }
        | D::Reflection { kind } => ReasonFacts {
            kind: Some(*kind),
            ..none
        },
        D::WrittenRecord { kind } => ReasonFacts {
            kind: *kind,
            ..none
        },
        D::ImmediateFeedback { kind, content } => ReasonFacts {
            kind: Some(*kind),
            content: Some(std::slice::from_ref(content)),
            ..none
        },
        D::ContentBenefitsFromLive { kind, content }
        | D::ContentSuitsSelfPaced { kind, content } => ReasonFacts {
            kind: Some(*kind),
            content: Some(content),
            ..none
        },
        D::CommunityGoals { goals } | D::KnowledgeGoals { goals } => ReasonFacts {
            goals: Some(goals),
            ..none
        },
        D::FullTimeStudents => none,
        D::PopulationFlexibility { populations } => ReasonFacts {
            populations: Some(populations),
            ..none
        },
        D::TimeZoneSpread {
            minutes,
            reached,
            students,
        } => ReasonFacts {
            minutes: Some(*minutes),
            reached: Some(*reached),
            students: Some(*students),
            ..none
        },
        D::UnreliableConnectivity { reliable_share } => ReasonFacts {
            reliable_share: Some(*reliable_share),
            ..none
        },
        D::LargeClass { kind, students } => ReasonFacts {
            kind: Some(*kind),
            students: Some(*students),
            ..none
        },
        D::LiveFatigue { minutes } => ReasonFacts {
            minutes: Some(*minutes),
            ..none
        },
    }
}

fn note(note: &Note) -> ReasonFacts<'static> {
    let none = ReasonFacts::default();
    match *note {
        Note::NearTie { scores } => ReasonFacts {
            sync_points: Some(scores.sync),
            async_points: Some(scores.async_),
            ..none
        },
        Note::Pinned { by_score, by } => ReasonFacts {
            pinned_by: Some(by.into()),
            scores_favor: Some(by_score),
            ..none
        },
        Note::ConnectivityCap { connected } => ReasonFacts {
            connected_minutes_per_week: Some(connected),
            ..none
        },
        Note::BandMove {
            total,
            limit,
            margin,
            week,
            lowered,
            rooms,
        } => ReasonFacts {
            live_minutes: Some(total),
            limit_minutes: Some(limit),
            margin: Some(margin),
            week,
            lowered_ceiling: Some(lowered),
            room_minutes_per_week: (rooms > 0.0).then_some(rooms),
            ..none
        },
    }
}
