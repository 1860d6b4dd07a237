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
use crate::course::estimate::RATES;
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

macro_rules! rule_ids {
    ($($variant:ident = $id:literal,)*) => {
        /// Every rule id mixplan can print. Kebab-case in every output.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum RuleId {
            $(
                #[doc = concat!("`", $id, "`")]
                $variant,
            )*
        }

        impl RuleId {
            /// Every id, in the order `mixplan rules` lists them.
            pub const ALL: &'static [RuleId] = &[$(RuleId::$variant,)*];

            /// The stable kebab-case id.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(RuleId::$variant => $id,)*
                }
            }
        }
    };
}

rule_ids! {
    RealTimeInteraction = "real-time-interaction",
    ImmediateFeedback = "immediate-feedback",
    CommunityPresence = "community-presence",
    HandsOn = "hands-on",
    ContentBenefitsFromLive = "content-benefits-from-live",
    CommunityGoals = "community-goals",
    FullTimeStudents = "full-time-students",
    ContentTransmission = "content-transmission",
    SelfPacedProcessing = "self-paced-processing",
    WrittenRecord = "written-record",
    IndividualPractice = "individual-practice",
    Reflection = "reflection",
    PopulationFlexibility = "population-flexibility",
    TimeZoneSpread = "time-zone-spread",
    UnreliableConnectivity = "unreliable-connectivity",
    LargeClass = "large-class",
    ContentSuitsSelfPaced = "content-suits-self-paced",
    KnowledgeGoals = "knowledge-goals",
    LiveFatigue = "live-fatigue",
    NearTieAsync = "near-tie-async",
    PinnedMode = "pinned-mode",
    BandOver = "band-over",
    BandUnder = "band-under",
    BandUnreachable = "band-unreachable",
    PatternChoice = "pattern-choice",
    DefaultAvailability = "default-availability",
    TomlSyntax = "toml-syntax",
    EmptyFile = "empty-file",
    InvalidUtf8 = "invalid-utf8",
    InputTooLarge = "input-too-large",
    UnknownKey = "unknown-key",
    MissingKey = "missing-key",
    InvalidType = "invalid-type",
    OutOfRange = "out-of-range",
    UnknownValue = "unknown-value",
    UnknownZone = "unknown-zone",
    DuplicateValue = "duplicate-value",
    DuplicateId = "duplicate-id",
    InvalidId = "invalid-id",
    InvalidValue = "invalid-value",
    ConflictingKeys = "conflicting-keys",
    TooMany = "too-many",
    OverlappingSittings = "overlapping-sittings",
    TooManyDiagnostics = "too-many-diagnostics",
    LiveNotRecorded = "live-not-recorded",
    LiveLecture = "live-lecture",
    LiveIndividualWork = "live-individual-work",
    InteractiveWorkSelfPaced = "interactive-work-self-paced",
    DeliverOnLive = "deliver-on-live",
    LiveHoursOutsideBand = "live-hours-outside-band",
    AsyncWithoutAccountability = "async-without-accountability",
    NoInstructorPresence = "no-instructor-presence",
    CommunityWithoutLive = "community-without-live",
    PinnedSlotExcludesStudents = "pinned-slot-excludes-students",
    LongLiveSession = "long-live-session",
    LargeLiveDiscussion = "large-live-discussion",
    LiveWithoutAlternative = "live-without-alternative",
    NoEarlyTouchpoint = "no-early-touchpoint",
    LiveHeavyUnreliableInternet = "live-heavy-unreliable-internet",
    UnreachableSitting = "unreachable-sitting",
    LiveWorkWithoutTime = "live-work-without-time",
    LowSittingCoverage = "low-sitting-coverage",
    UnreachableOptionalSitting = "unreachable-optional-sitting",
    ExamOutsideHours = "exam-outside-hours",
    ShortPreworkWindow = "short-prework-window",
    HolidayWeek = "holiday-week",
    OptionalOverlapsRequired = "optional-overlaps-required",
    WorkloadOverTarget = "workload-over-target",
    WorkloadUnderTarget = "workload-under-target",
    FixedOffsetZone = "fixed-offset-zone",
    UnknownRule = "unknown-rule",
    LiveAlternative = "live-alternative",
    EstimateRead = "estimate-read",
    EstimateWrite = "estimate-write",
    EstimatePost = "estimate-post",
    EstimateWatch = "estimate-watch",
    StudyHours = "study-hours",
    WorkloadTarget = "workload-target",
    CalendarWithoutCourseId = "calendar-without-course-id",
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
    /// is not a check about something smaller.
    pub fn subject(self) -> Subject {
        use RuleId::*;
        match self {
            LiveNotRecorded
            | LiveLecture
            | LiveIndividualWork
            | LongLiveSession
            | LargeLiveDiscussion
            | LiveWorkWithoutTime
            | ShortPreworkWindow
            | DeliverOnLive
            | InteractiveWorkSelfPaced => Subject::Activity,
            PinnedSlotExcludesStudents
            | UnreachableSitting
            | LowSittingCoverage
            | UnreachableOptionalSitting
            | ExamOutsideHours
            | OptionalOverlapsRequired => Subject::Unit,
            LiveHoursOutsideBand | WorkloadOverTarget | HolidayWeek => Subject::Week,
            _ => Subject::Course,
        }
    }

    /// The rule's documentation.
    pub fn doc(self) -> RuleDoc {
        use RuleKind::{Advice, Check, Decision, Input, Publish, Scoring, Workload};
        use Severity::{Error, Info, Warning};
        let (kind, summary, evidence, doc, example) = match self {
            RuleId::RealTimeInteraction => (
                Scoring {
                    favors: Mode::Sync,
                    weight: 3.0,
                },
                "Discussion, debate, problem-solving, collaboration, demonstration and Q&A gain from meeting live",
                "seed: Best Practices for Synchronous Sessions; FAQ \"How do I decide which activities to make synchronous versus asynchronous?\"",
                "The first question for any activity is whether it benefits from real-time interaction. Activities built on back-and-forth between people are what justifies a live meeting. One student per sitting (⌈count ÷ sections⌉ = 1, mixplan's convention) leaves a `debate`, `collaboration` or `peer-review` without a peer, so this reason does not score them; a discussion, Q&A, problem-solving or demonstration keeps it, since the instructor is the partner. Two students in one sitting keep it: they can debate each other.",
                "[[activities]]\nid = \"case-debate\"\nkind = \"debate\"\nminutes = 45",
            ),
            RuleId::ImmediateFeedback => (
                Scoring {
                    favors: Mode::Sync,
                    weight: 1.5,
                },
                "Feedback-driven activities on complex or procedural content are better live, where confusion is cleared at once",
                "seed: Synchronous Learning > Strengths (immediate feedback, complex topics); Martin, Sun, Turk & Ritzhaupt 2021 (small live edge on cognitive outcomes)",
                "Live sessions let an instructor answer questions as they arise and adjust the pace. That matters most where misunderstandings compound: complex concepts and procedures.",
                "[content]\ntypes = [\"complex-concepts\"]\n\n[[activities]]\nid = \"worked-problems\"\nkind = \"problem-solving\"\nminutes = 50",
            ),
            RuleId::CommunityPresence => (
                Scoring {
                    favors: Mode::Sync,
                    weight: 1.0,
                },
                "Social activities build instructor presence and belonging best in real time",
                "seed: Synchronous Learning > Strengths (instructor presence, social belonging, community); Hrastinski 2008 (live work supports motivation and participation)",
                "Meeting in real time creates the relationships and sense of belonging that keep students going through difficulty; programs without live components struggle with retention. One student per sitting (⌈count ÷ sections⌉ = 1, mixplan's convention) leaves a `debate`, `collaboration` or `peer-review` without a peer, so this reason does not score them; a discussion, Q&A, problem-solving or demonstration keeps it, since the instructor is the partner. Two students in one sitting keep it: they can debate each other.",
                "[[activities]]\nid = \"office-hours\"\nkind = \"office-hours\"\nminutes = 30",
            ),
            RuleId::HandsOn => (
                Scoring {
                    favors: Mode::Sync,
                    weight: 1.0,
                },
                "A lab practises a procedure hands-on, which gains from someone at hand to correct it",
                "seed: Choosing the Right Mix > Content matters (procedural skills benefit from synchronous interaction); FAQ \"How do I decide which activities to make synchronous versus asynchronous?\" (hands-on demonstrations gain value live)",
                "A `lab` scores this reason whatever the course's content types: hands-on practice of a procedure is where a mistake is cheapest to catch while it happens. A demonstration already scores `real-time-interaction` and `immediate-feedback`, so it gets no second reason. `content-benefits-from-live` still counts procedural content on top. This reason is not one of the activity's own-nature reasons that let band balancing move it live under the floor (`band-under`). A long online lab therefore stays live and gets `long-live-session` (split it): `live-fatigue` does not score labs, so fatigue alone never makes one self-paced.",
                "[[activities]]\nid = \"skills-lab\"\nkind = \"lab\"\nminutes = 90",
            ),
            RuleId::ContentBenefitsFromLive => (
                Scoring {
                    favors: Mode::Sync,
                    weight: 1.0,
                },
                "Procedural, complex and discussion-heavy content gains from live interaction in matching activities",
                "seed: Choosing the Right Mix > Content matters",
                "Procedural skills, complex concepts and discussion-heavy topics benefit from synchronous interaction, in the activities that exercise them (demonstrations and labs for procedures, problem-solving and Q&A for complex concepts, discussion and debate for discussion-heavy topics).",
                "[content]\ntypes = [\"discussion-heavy\"]\n\n[[activities]]\nid = \"seminar\"\nkind = \"discussion\"\nminutes = 60",
            ),
            RuleId::CommunityGoals => (
                Scoring {
                    favors: Mode::Sync,
                    weight: 1.0,
                },
                "Courses aiming at community or collaboration need their group activities live",
                "seed: Choosing the Right Mix > Course goals matter; Richardson et al. 2017 (social presence and satisfaction)",
                "When the course is about community building or collaboration, the activities where students work and talk together are where those goals are met, and they need live time. One student per sitting (⌈count ÷ sections⌉ = 1, mixplan's convention) leaves a `debate`, `collaboration` or `peer-review` without a peer, so this reason does not score them; a discussion, Q&A, problem-solving or demonstration keeps it, since the instructor is the partner. Two students in one sitting keep it: they can debate each other.",
                "[goals]\nfocus = [\"collaboration\"]\n\n[[activities]]\nid = \"team-sprint\"\nkind = \"collaboration\"\nminutes = 60",
            ),
            RuleId::FullTimeStudents => (
                Scoring {
                    favors: Mode::Sync,
                    weight: 0.5,
                },
                "Traditional full-time students can take more live requirements",
                "seed: Choosing the Right Mix > Student population matters",
                "Courses for traditional full-time students, with no working adults, international students or caregivers among them, can include more synchronous requirements.",
                "[students]\ncount = 24\npopulations = [\"full-time\"]",
            ),
            RuleId::ContentTransmission => (
                Scoring {
                    favors: Mode::Async,
                    weight: 3.0,
                },
                "Lectures, readings and announcements transmit content and work as well self-paced",
                "seed: The Blended Approach; Best Practices for Synchronous Sessions; Bernard et al. 2004 (live distance education is not better by default)",
                "Content transmission (recorded lectures, readings, announcements) does not need everyone present at once; spending live time on it wastes the scarce resource a live meeting is.",
                "[[activities]]\nid = \"concept-videos\"\nkind = \"lecture\"\nminutes = 40",
            ),
            RuleId::SelfPacedProcessing => (
                Scoring {
                    favors: Mode::Async,
                    weight: 1.5,
                },
                "Students process lectures and readings more deeply when they can pause, rewind and review",
                "seed: Asynchronous Learning > Strengths (deeper processing); Hrastinski 2008 (async supports reflection)",
                "Self-paced material can be paused, replayed and revisited: students spend longer on what is hard and move quickly through what they know.",
                "[[activities]]\nid = \"chapter\"\nkind = \"reading\"\nminutes = 60",
            ),
            RuleId::WrittenRecord => (
                Scoring {
                    favors: Mode::Async,
                    weight: 1.0,
                },
                "Written, asynchronous work leaves a permanent record students can return to",
                "seed: Asynchronous Learning > Strengths (written communication leaves a permanent record; forums give time to compose thoughtful responses)",
                "Scores written work only: a `forum`, a `reflection`, a `peer-review`, and any activity estimated with `write` or `post`. A `discussion` or `debate` is spoken, so it does not score it; write a discussion board as `kind = \"forum\"`. Written work gives students time to compose a considered reply and leaves a record of how thinking developed.",
                "[[activities]]\nid = \"board\"\nkind = \"forum\"\nminutes = 45",
            ),
            RuleId::IndividualPractice => (
                Scoring {
                    favors: Mode::Async,
                    weight: 2.5,
                },
                "Individual practice, assessment and project work fit each student's own schedule",
                "seed: FAQ \"How do I decide which activities to make synchronous versus asynchronous?\" (individual practice works asynchronously)",
                "Work a student does alone gains nothing from a fixed meeting time and loses the freedom to do it when most alert.",
                "[[activities]]\nid = \"problem-set\"\nkind = \"practice\"\nminutes = 90",
            ),
            RuleId::Reflection => (
                Scoring {
                    favors: Mode::Async,
                    weight: 2.5,
                },
                "Reflection and peer review need time to think, not a live audience",
                "seed: FAQ (reflection works asynchronously); Asynchronous Learning > Strengths (time to compose responses); Hrastinski 2008",
                "Reflective writing and considered feedback on a peer's work improve with time to think; producing them under live pressure makes them shallower.",
                "[[activities]]\nid = \"journal\"\nkind = \"reflection\"\nminutes = 20",
            ),
            RuleId::PopulationFlexibility => (
                Scoring {
                    favors: Mode::Async,
                    weight: 1.5,
                },
                "Working adults, international students and caregivers need flexible timing",
                "seed: Synchronous Learning > Weaknesses (inflexible by nature); Choosing the Right Mix > Student population matters",
                "Students with jobs, family duties or homes abroad cannot always be present at a fixed time; courses that serve them benefit from more asynchronous content.",
                "[students]\ncount = 40\npopulations = [\"working-adults\"]",
            ),
            RuleId::TimeZoneSpread => (
                Scoring {
                    favors: Mode::Async,
                    weight: 1.5,
                },
                "One live time cannot reach enough of the students in their own local hours",
                "seed: Synchronous Learning > Weaknesses (a student in Tokyo and a 9:00 AM Eastern seminar; work and caregiving collide with fixed times)",
                "mixplan counts heads, not offsets: for an activity of this length it searches the best start on the allowed days (15-minute grid, every course week, daylight-saving changes included) and counts the students whose local window holds the whole session. When that best time reaches fewer than 90% of the class, the rule favours self-paced work. 39 students in New York and one in Tokyo whom one evening reaches get no time-zone reason, however far apart the offsets are. Windows come from `available`, else from the populations (see `default-availability`). Activities met in person (`in_person = true`) are not scored by it.",
                "[[students.zones]]\nzone = \"America/New_York\"\ncount = 20\n[[students.zones]]\nzone = \"Asia/Tokyo\"\ncount = 10",
            ),
            RuleId::UnreliableConnectivity => (
                Scoring {
                    favors: Mode::Async,
                    weight: 3.0,
                },
                "Where connections are unreliable, live sessions disadvantage some students, the more the more students it affects",
                "seed: Synchronous Learning > Weaknesses (technical issues are more disruptive live; unreliable technology is a systematic disadvantage in synchronous-heavy courses)",
                "A dropped connection during a live session means missed instruction that cannot be recreated; students with unreliable technology are systematically disadvantaged. The rule applies when `reliable_internet` is below 0.9, and its weight scales with the share of students without a dependable connection: the listed weight when half of them lack one, twice that when none has one (0.85 gives 0.9 points, 0.7 gives 1.8, 0.5 gives 3.0). Band balancing also works against an effective ceiling: with u = 1 - `reliable_internet` (read to two decimals), ceiling - (ceiling - floor) x min(1, u / 0.5), rounded to whole minutes and reported as `summary.effective_ceiling_minutes`; at u = 0.5 and beyond it is the floor. The course is also planned at every lower share and the plan with the least live time is kept, so fewer connected students never mean more live time. Activities met in person (`in_person = true`) are not scored by it.",
                "[students]\ncount = 60\nreliable_internet = 0.7",
            ),
            RuleId::LargeClass => (
                Scoring {
                    favors: Mode::Async,
                    weight: 1.0,
                },
                "Above 30 students per sitting, a live lecture is better recorded",
                "University of the Highlands and Islands, synchronous online teaching recommendations (at most 25-30 for lecture-style sessions; above 30, recorded short lectures plus small tutorials). Not the guide: its large-class answer (FAQ \"Can synchronous sessions be effective with large classes?\") says live sessions can work at scale with polling, chat and breakouts",
                "Above 30 students in one sitting (sections split the class), a live lecture leaves most of them watching; a recording plus small live groups serves them better. Presentations and demonstrations are not pushed self-paced: the guide's own large-class advice has selected groups present to the whole class live, and a demonstration gains from questions asked as it happens.",
                "[students]\ncount = 180\n\n[[activities]]\nid = \"keynote\"\nkind = \"lecture\"\nminutes = 30",
            ),
            RuleId::ContentSuitsSelfPaced => (
                Scoring {
                    favors: Mode::Async,
                    weight: 1.0,
                },
                "Foundational, reading and practice content works well self-paced in matching activities",
                "seed: Choosing the Right Mix > Content matters",
                "Foundational knowledge, reading and practice work well asynchronously, in the activities that carry them (lectures and readings for foundations, practice, assessments and labs for practice).",
                "[content]\ntypes = [\"practice\"]\n\n[[activities]]\nid = \"drills\"\nkind = \"practice\"\nminutes = 30",
            ),
            RuleId::KnowledgeGoals => (
                Scoring {
                    favors: Mode::Async,
                    weight: 0.5,
                },
                "Courses aimed at knowledge or skills, not community, can succeed with less live time",
                "seed: Choosing the Right Mix > Course goals matter",
                "Knowledge acquisition and skill development can succeed with less synchronous time, unless the course also aims at community or collaboration.",
                "[goals]\nfocus = [\"knowledge-acquisition\"]",
            ),
            RuleId::LiveFatigue => (
                Scoring {
                    favors: Mode::Async,
                    weight: 1.0,
                },
                "Live sessions longer than 90 minutes tire students; long activities suit self-paced work",
                "seed: Synchronous Learning > Weaknesses (video-conference fatigue); Fauville et al. 2021 (fatigue grows with meeting length); Sheridan et al. 2017",
                "Sustained video sessions are exhausting, and fatigue grows with length. An activity that needs more than 90 minutes at a stretch is a poor fit for one live sitting. Activities met in a room (`in_person = true`) are not on a call and are not scored by it, and neither is a `lab`: a long lab is split into shorter sessions (`long-live-session` says so), never made self-paced on fatigue alone.",
                "[[activities]]\nid = \"marathon\"\nkind = \"discussion\"\nminutes = 150",
            ),
            RuleId::NearTieAsync => (
                Decision,
                "When both modes score within the margin threshold, the activity goes self-paced",
                "seed: FAQ \"How do I decide which activities to make synchronous versus asynchronous?\" (if both work equally, keep the flexibility); Bernard et al. 2004",
                "Live time has a cost (scheduling barriers, fatigue), so live has to win clearly: a margin below 0.5 points, or a tie, keeps the activity asynchronous.",
                "[[activities]]\nid = \"lab\"\nkind = \"lab\"\nminutes = 30",
            ),
            RuleId::PinnedMode => (
                Decision,
                "A mode written in the course file is kept, and the scores are still shown",
                "seed: The Blended Approach (the key is intentionality: every activity is assigned to the mode that best serves its purpose, so a deliberate choice in the file is kept)",
                "Designers sometimes know better than any rule. A pinned `mode` is never moved, not even to keep live time in the band; the reason says whether the scores agree.",
                "[[activities]]\nid = \"kickoff\"\nkind = \"lecture\"\nminutes = 30\nmode = \"sync\"",
            ),
            RuleId::BandOver => (
                Decision,
                "Live time above the weekly band: the least certain live activities move to self-paced",
                "seed: FAQ \"How much synchronous time is ideal?\" (one to three hours a week online; too much creates scheduling barriers). No primary study fixes the numbers: the band is a convention, set it with `sync_hours`",
                "mixplan keeps the average weekly live time of the online sittings, measured with their breaks, inside `sync_hours` (default 1-3 hours); in a hybrid course the sittings in a room stay outside the ceiling but count towards the floor, since they give the community the floor protects. Above the ceiling (the effective one, lowered for unreliable connections: see `unreliable-connectivity`), live activities move to self-paced in ascending margin, the weakest live case first (ties: fewer minutes, then the smaller loss of weekly live time, then file order), skipping any move that would drop live time below the floor, until the time is at or under the ceiling; then every moved activity that still fits is put back, strongest first. So a seminar or a case discussion with a strong live case stays live while a weaker Q&A moves. No single teaching week may exceed the written ceiling either: while one does, the weakest movable live activity meeting that week moves self-paced for all its weeks (unless that would drop the mean below the floor), and a move live that would overfill a week is not made. Fixed, pinned, exam, optional, in-person and office-hours activities never move.",
                "[course]\nsync_hours = [1.0, 2.0]",
            ),
            RuleId::BandUnder => (
                Decision,
                "Live time below the weekly band: the strongest self-paced activities that gain from live time move live",
                "seed: FAQ \"How much synchronous time is ideal?\" (too little reduces community and connection); FAQ \"How do I decide which activities to make synchronous versus asynchronous?\" (ask whether the activity benefits from real-time interaction; content transmission, individual practice, reading and reflection work well asynchronously)",
                "Below the band's floor (in a hybrid course, the floor less the weekly minutes of the sittings in a room), mixplan moves live only activities that gain from live time by their own nature: one of their reasons is `real-time-interaction`, `immediate-feedback` or `community-presence` (course goals, content types and `hands-on` alone do not count). The strongest margin moves first, as long as the move does not overshoot the effective ceiling or fill any week past the written one. An activity whose best single live time on the allowed days reaches fewer than half of the class (reach × 2 < head count) is held back: a live session most students cannot attend does not fill the band, and `band-unreachable` names it with its reach. Individual work (practice, assessment, reflection, peer review, project work), content transmission (lectures, readings, announcements), one-off activities and pinned modes are never moved live; when nothing else is left, the advice says the band cannot be reached.",
                "[course]\nsync_hours = [2.0, 3.0]",
            ),
            RuleId::BandUnreachable => (
                Decision,
                "Live time cannot reach the band without putting individual work or content transmission live",
                "seed: Best Practices for Synchronous Sessions (keep live time for what benefits from interaction)",
                "When no activity that gains from live time is left to move, mixplan says so instead of filling the live hours with lectures, quizzes or problem sets: add a discussion, Q&A or problem-solving session, or lower the band's floor. The note names each activity held back because one live time would reach under half of the class, with the students it would reach.",
                "[[activities]]\nid = \"videos\"\nkind = \"lecture\"\nminutes = 60",
            ),
            RuleId::PatternChoice => (
                Decision,
                "Flipped or alternating weeks, and why",
                "seed: The Blended Approach (flipped classroom; alternating weeks)",
                "`flipped` puts self-paced content before the same week's live session; `alternating` runs intensive self-paced weeks followed by live synthesis weeks (weekly live activities whose mode mixplan decided meet in even weeks; pinned modes meet in every week they list). `auto` picks alternating only when students who need flexible timing cannot all be reached: the best live time on the allowed days reaches fewer than 90% of the class for some weekly live activity, counted head by head in each group's own hours (see `default-availability`), not by how far apart the UTC offsets are. It keeps flipped on a one-week course, when no weekly live activity would be halved, and when alternating would drop live time below the band's floor. The explanation describes the weeks the plan produced: with nothing live, it says so.",
                "[course]\npattern = \"alternating\"",
            ),
            RuleId::DefaultAvailability => (
                Decision,
                "Without `available`, each student group's hours follow the course's populations, in the group's own time zone",
                "seed: Synchronous Learning > Weaknesses (work commitments and caregiving collide with fixed times; a student in Tokyo cannot attend a 9:00 AM Eastern seminar); Choosing the Right Mix > Student population matters (full-time students can take scheduled sessions). The hours themselves are mixplan's convention, not the guide's: it gives no windows",
                "A `[[students.zones]]` entry without `available` (and the students in no listed zone) gets a window from its own `population` when the entry names one, else from the course's `populations`: with `working-adults` or `caregivers`, 18:00-22:00 Monday to Friday and 09:00-22:00 on Saturday and Sunday (the students' local weekday); with `full-time` as the only population, 08:00-18:00; otherwise 08:00-22:00. These hours are mixplan's convention, not the guide's: the guide says only that work and caregiving collide with fixed times and that full-time students can take scheduled sessions. The window is always the students' own local time, so working adults in New York taught from London are met in their evening, not the organizer's. Both the time-zone rule and the live-slot search read these windows; write `available = \"HH:MM-HH:MM\"` (or a zone's `population`) to override them.",
                "[students]\ncount = 30\npopulations = [\"working-adults\"]\n\n[[students.zones]]\nzone = \"America/New_York\"\ncount = 30",
            ),
            RuleId::TomlSyntax => (
                Input,
                "The file is not valid TOML",
                "TOML 1.0 specification",
                "The parser's message says what it expected at the position shown.",
                "[course\ntitle = \"x\"",
            ),
            RuleId::EmptyFile => (
                Input,
                "The file is empty",
                "mixplan course-file format",
                "A course file needs at least `[course]`, `[students]` and one `[[activities]]`.",
                "",
            ),
            RuleId::InvalidUtf8 => (
                Input,
                "The file is not UTF-8 text",
                "TOML 1.0 specification (UTF-8 encoded)",
                "Save the file as UTF-8.",
                "",
            ),
            RuleId::InputTooLarge => (
                Input,
                "The file is larger than 16 MiB",
                "mixplan limit",
                "Course files are small; a larger input is almost certainly generated by mistake.",
                "",
            ),
            RuleId::UnknownKey => (
                Input,
                "A key mixplan does not know, with the closest valid key",
                "mixplan course-file format (unknown keys are errors)",
                "Misspelt keys are silently ignored by many tools; mixplan rejects them so a typo never changes a plan.",
                "[[activities]]\nid = \"a\"\nkind = \"lecture\"\nminuts = 30",
            ),
            RuleId::MissingKey => (
                Input,
                "A required table or key is missing",
                "mixplan course-file format",
                "Required: `[course]` with `title` and `weeks`, `[students]` with `count`, and `[[activities]]` with `id`, `kind` and `minutes`.",
                "[course]\ntitle = \"x\"",
            ),
            RuleId::InvalidType => (
                Input,
                "A value of the wrong type",
                "mixplan course-file format",
                "Numbers are unquoted, names are quoted strings, `start` is a bare TOML date.",
                "[course]\nweeks = \"12\"",
            ),
            RuleId::OutOfRange => (
                Input,
                "A number outside its allowed range",
                "mixplan course-file format",
                "`weeks` 1-104, `minutes` 1-600, `count` at least 1, `reliable_internet` 0-1.",
                "[course]\nweeks = 200",
            ),
            RuleId::UnknownValue => (
                Input,
                "A name outside its vocabulary (kind, population, goal, weekday, ...), with the closest valid one",
                "mixplan course-file format",
                "Each vocabulary is closed; `mixplan schema` lists every allowed value.",
                "[[activities]]\nkind = \"lectrue\"",
            ),
            RuleId::UnknownZone => (
                Input,
                "A time zone that is not in the IANA database, with the closest valid name",
                "IANA time zone database (bundled)",
                "Zone names such as `Asia/Tokyo` are case-sensitive; abbreviations like `EST` are ambiguous and not accepted.",
                "[[students.zones]]\nzone = \"Asia/Tokio\"\ncount = 5",
            ),
            RuleId::DuplicateValue => (
                Input,
                "The same name or week listed twice",
                "mixplan course-file format",
                "Lists are sets; a repeated entry is almost always a copy-and-paste slip.",
                "[goals]\nfocus = [\"community\", \"community\"]",
            ),
            RuleId::DuplicateId => (
                Input,
                "Two activities share an id",
                "mixplan course-file format (unique ids)",
                "Ids name activities in the schedule, the JSON and diagnostics; they must be unique.",
                "[[activities]]\nid = \"a\"\n[[activities]]\nid = \"a\"",
            ),
            RuleId::InvalidId => (
                Input,
                "An activity id that is not lowercase kebab-case",
                "mixplan course-file format",
                "Ids are lowercase letters and digits in words joined by single hyphens, at most 64 characters.",
                "[[activities]]\nid = \"Case_Clinic\"",
            ),
            RuleId::InvalidValue => (
                Input,
                "A value of the right type that makes no sense (an empty title, min above max, a malformed time)",
                "mixplan course-file format",
                "The message says what was found and what to write instead.",
                "[course]\nsync_hours = [3.0, 1.0]",
            ),
            RuleId::ConflictingKeys => (
                Input,
                "Keys that cannot be used together",
                "mixplan course-file format",
                "An activity has either `every` (a cadence) or `weeks` (explicit weeks), not both.",
                "[[activities]]\nevery = \"week\"\nweeks = [1, 2]",
            ),
            RuleId::OverlappingSittings => (
                Input,
                "Two activities fixed with `at` meet at overlapping times on the same date",
                "mixplan course-file format",
                "Activities fixed at the same start time share one sitting that lasts the sum of their minutes; a sitting that starts before another one ends cannot run, and an exam sits alone. The message names both activities and the week; split their `weeks` or move one.",
                "[[activities]]\nid = \"lecture\"\nkind = \"lecture\"\nminutes = 75\nat = { day = \"tue\", time = \"17:30\" }\n\n[[activities]]\nid = \"quiz\"\nkind = \"assessment\"\nminutes = 20\nat = { day = \"tue\", time = \"18:00\" }",
            ),
            RuleId::TooMany => (
                Input,
                "More activities, zones, occurrences, text or output than mixplan accepts",
                "mixplan limits: 100,000 activities, 400 zones, occurrences x (student zones + 1) at most 2,000,000, `url` 2,048 bytes, ids 100 characters, titles, locations and other text 500 characters, 100 MB per output",
                "Limits keep every command on any accepted file under 5 seconds and 1 GiB. Each occurrence (every section of every week, every dated sitting, and with `--remind` every reminder) is shown in the course's zone and in every student zone, so occurrences x (zones + 1) bounds the work; a text longer than its cap is refused where it is written, since calendars and pages copy it into every event. Before planning, each command estimates its output (occurrences x the bytes one occurrence costs in that format, with the texts it copies) and refuses one above 100 MB, naming the format, the estimate and the activity that writes most.",
                "",
            ),
            RuleId::TooManyDiagnostics => (
                Input,
                "More findings than one JSON or SARIF report lists",
                "mixplan limits: at most 10,000 findings per machine-readable report, 50 per file for people",
                "A JSON or SARIF report lists the first 10,000 findings in order and then this one entry, which counts the findings left out and carries the most serious severity among them. The human formats show at most 50 findings per file and then say how many more there were. Reports stay proportional to what a person can act on, not to a generated file's mistakes.",
                "",
            ),
            RuleId::LiveNotRecorded => (
                Check(Warning),
                "A live activity is not recorded",
                "seed: Best Practices for Synchronous Sessions (record every live session); FAQ \"What about students who cannot attend synchronous sessions?\"",
                "Students miss live sessions for work, caregiving, time zones and dropped connections. Without a recording they lose the content, and nobody can go back over a complex discussion. Fires for every required activity that runs live with `recorded = false`; exams are not recorded on purpose, activities met in a room (`in_person = true`) are not recorded by default, and optional drop-in sittings (office hours) are not checked.",
                "[[activities]]\nid = \"clinic\"\nkind = \"problem-solving\"\nminutes = 60\nmode = \"sync\"\nrecorded = false",
            ),
            RuleId::LiveLecture => (
                Check(Warning),
                "Content transmission (a lecture, reading or announcement) runs in live time",
                "seed: Best Practices for Synchronous Sessions (keep live time for what gains from real-time interaction); The Blended Approach (content transmission self-paced); Bernard et al. 2004",
                "Lectures that students could watch on their own time are the weakest use of a live meeting: they cost everyone a fixed time slot and give nothing that a recording does not. Record the lecture, set it as pre-work, and spend the live time on discussion, problem-solving or collaboration. A lecture of at most 15 minutes that meets only in weeks with live interactive work (a framing talk before a debate) is a segment of that session, the variety the seed recommends, and passes. A deliberate exception (say, a kick-off session) can be allowed in the file's `[check]` table with a reason.",
                "[[activities]]\nid = \"weekly-lecture\"\nkind = \"lecture\"\nminutes = 50\nmode = \"sync\"",
            ),
            RuleId::LiveIndividualWork => (
                Check(Warning),
                "Individual work (an assessment, practice, reflection, peer review or project work) runs in live time",
                "seed: FAQ \"How do I decide which activities to make synchronous versus asynchronous?\" (individual practice and reflection work well asynchronously); The Blended Approach (do not use synchronous time for activities that work just as well asynchronously)",
                "Work each student does alone gains nothing from a fixed meeting time and loses the freedom to do it when most alert. mixplan never moves it live to fill the band, so this fires when it is pinned live (or left live by its scores). A practice or reflection of at most 15 minutes inside a live session of interactive work is the variety the seed recommends and passes; an assessment in live time never does.",
                "[[activities]]\nid = \"quiz\"\nkind = \"assessment\"\nminutes = 20\nmode = \"sync\"",
            ),
            RuleId::InteractiveWorkSelfPaced => (
                Check(Warning),
                "Interactive work is pinned self-paced although its scores favour live time by 2 points or more",
                "seed: The Blended Approach (the key is intentionality: do not use asynchronous formats for activities that require live interaction); FAQ \"How do I decide which activities to make synchronous versus asynchronous?\" (discussions, debates, collaborative problem-solving and hands-on demonstrations gain value live)",
                "The mirror of `live-lecture`: an activity pinned `mode = \"async\"` whose scores favour live by at least 2 points, such as a debate or a collaborative session, loses what makes it worth doing. A written discussion board is not that: write it as `kind = \"forum\"` (or estimate it with `post`), and the check stays quiet. For a deliberate exception add `{ rule = \"interactive-work-self-paced\", activity = \"...\", reason = \"...\" }` to `[check] allow`.",
                "[[activities]]\nid = \"debate\"\nkind = \"debate\"\nminutes = 45\nmode = \"async\"",
            ),
            RuleId::DeliverOnLive => (
                Check(Warning),
                "`deliver = \"last\"` on an activity the plan runs live is ignored",
                "seed: Best Practices for Asynchronous Courses (set predictable due dates: a deliverable's due date must be one students can see); The Blended Approach (every activity in the mode that best serves its purpose)",
                "`deliver = \"last\"` makes one deliverable of self-paced work spread over several weeks: only the last occurrence is due, the earlier weeks list \"work on\" items. A live activity has no due time, so when the plan runs it live the key does nothing; the check says so instead of ignoring it silently. Pin the activity self-paced if it is one deliverable, or remove `deliver`.",
                "[[activities]]\nid = \"studio\"\nkind = \"collaboration\"\nminutes = 60\nweeks = [4, 5, 6]\ndeliver = \"last\"",
            ),
            RuleId::LiveHoursOutsideBand => (
                Check(Warning),
                "Weekly live time of an online course is outside the `sync_hours` band",
                "seed: FAQ \"How much synchronous time is ideal?\" (one to three hours a week online; more creates scheduling barriers, less weakens community). No primary study fixes the numbers: the band is a convention, set it with `sync_hours`",
                "The engine keeps live time inside the band by moving activities, but it never moves a pinned activity and never puts content transmission live. When the plan still ends up above or below the band, the pinned modes or the activity list need a look. The band is a mean over teaching weeks, so with the mean inside it the check still names every teaching week whose own live time (required, non-exam sittings, breaks included, one section counted; repeats, optional and cancelled sittings left out) exceeds the ceiling, with its minutes: a workshop week can be a scheduling barrier on its own. Weeks under the floor are reported only through the mean. In a hybrid course the ceiling is judged on the online sittings and the floor on the online sittings together with the sittings in a room (`in_person`): a class that meets in a room has the community the floor protects. Under the floor only because the connectivity ceiling (`unreliable-connectivity`) held the next live move back, the finding is an info naming connectivity.",
                "[course]\nsync_hours = [1.0, 2.0]\n\n[[activities]]\nid = \"seminar\"\nkind = \"discussion\"\nminutes = 180\nmode = \"sync\"",
            ),
            RuleId::AsyncWithoutAccountability => (
                Check(Warning),
                "A mostly self-paced course has neither regular low-stakes assessments nor regular peer interaction",
                "seed: Best Practices for Asynchronous Courses (weekly deadlines, low-stakes assessments, peer interaction; completion below 10 percent without them); Bernard et al. 2009 (designed interaction, g+ = 0.38); Means et al. 2010 (independent-only online work does worst)",
                "Self-paced study depends on self-discipline; structures that make students show up every week are what keeps them from drifting off. mixplan's schedule already gives every self-paced item a due date, so this check looks for the other two: an `assessment` (quiz) or a peer activity (`discussion`, `debate`, `collaboration`, `peer-review`, `presentation`) held in at least half of the weeks. It applies when at least 75% of the weekly minutes are self-paced.",
                "[[activities]]\nid = \"videos\"\nkind = \"lecture\"\nminutes = 60\n\n[[activities]]\nid = \"exercises\"\nkind = \"practice\"\nminutes = 90",
            ),
            RuleId::NoInstructorPresence => (
                Check(Warning),
                "No regular announcements, office hours, Q&A or live sessions: nothing shows the instructor is there",
                "seed: Best Practices for Asynchronous Courses (regular communication rhythms; design for presence; instructor presence predicts satisfaction); 34 CFR 600.2 (regular and substantive interaction)",
                "Students need visible, predictable signs that someone is paying attention. The check passes when an `announcement`, `office-hours` or `q-and-a` activity, or any live activity, takes place in at least half of the course weeks.",
                "[[activities]]\nid = \"readings\"\nkind = \"reading\"\nminutes = 60",
            ),
            RuleId::CommunityWithoutLive => (
                Check(Warning),
                "The course's goals include community or collaboration, but nothing runs live",
                "seed: Choosing the Right Mix > Course goals matter; Synchronous Learning > Strengths (community, retention); Richardson et al. 2017 (social presence)",
                "Community building and collaboration are the goals that most need real-time contact: belonging and social bonds grow when people meet. A course that names them as goals but plans no live activity will not meet them.",
                "[goals]\nfocus = [\"community\"]\n\n[[activities]]\nid = \"board\"\nkind = \"forum\"\nminutes = 30",
            ),
            RuleId::PinnedSlotExcludesStudents => (
                Check(Warning),
                "A fixed live time (`at`, a dated one-off, or the `live_at` slot) falls outside the available hours of some students",
                "seed: Synchronous Learning > Weaknesses (a student in Tokyo cannot attend a 9:00 Eastern seminar); FAQ \"What about students who cannot attend synchronous sessions?\"",
                "A fixed live time suits the organizer's zone; students elsewhere may find it in the middle of their night. The check judges every required fixed unit: an activity fixed with `at` with all its sections (a student is covered when one section fits), a dated one-off, and the `live_at` slot (on its own: its repeat is the route, not a reason to stay quiet). It evaluates each in every student zone across the weeks it is held (holidays left out, daylight-saving changes included) and names each zone it misses with the head count, the local start and the weeks. It is a warning when a zone other than the organizer's, or one with a written `available`, is missed; an info when only the organizer's own zone is, judged by a default window (a guess about their hours). The time is the instructor's and is kept: the route for those students is the recording plus a self-paced response (the response alone when the sitting is not recorded); a further section (`at` as a list) would reach them. A sitting in a room (`in_person`) reaches only the organizer's zone, judged by its window: students in every other zone are uncovered in every week it is held, with the self-paced alternative (and the recording when `recorded = true`) as their route, and that is an info, since nobody elsewhere was meant to be in the room; it stays a warning when the organizer's zone has a written `available` the room misses. Optional sittings (office hours) are not judged here. Deliberate exceptions go in `[check] allow` with `activity` (or `\"ID.n\"` for one section).",
                "[course]\ntimezone = \"America/New_York\"\nlive_at = { day = \"wed\", time = \"09:00\" }\n\n[[students.zones]]\nzone = \"Asia/Tokyo\"\ncount = 40",
            ),
            RuleId::LongLiveSession => (
                Check(Warning),
                "A single live activity runs longer than 90 minutes",
                "seed: Synchronous Learning > Weaknesses (video-call fatigue); Best Practices for Synchronous Sessions (twenty-five minutes of focused work, then a five-minute break); Fauville et al. 2021; Sheridan, Smith & Pleggenkuhle-Miles 2017",
                "mixplan's schedule cuts live sessions into 25-minute segments with 5-minute breaks, but breaks do not make a three-hour call short: fatigue grows with length, and material in the second half of long classes is learned less well. Split activities longer than 90 minutes across weeks or move part of them to self-paced work. An activity met in a room (`in_person = true`) is not on a call: for it the limit is 180 minutes. The check reads one activity's minutes, never a sitting's length (several short activities packed into one sitting are variety, not one long call), and optional drop-in sittings such as office hours are not checked.",
                "[[activities]]\nid = \"workshop\"\nkind = \"collaboration\"\nminutes = 180\nmode = \"sync\"",
            ),
            RuleId::LargeLiveDiscussion => (
                Check(Warning),
                "A whole-class live activity for more than 30 students says nothing about how they take part (`participation`)",
                "seed: FAQ \"Can synchronous sessions be effective with large classes?\" (polls and chat rather than verbal discussion from everyone; breakout rooms for discussion; selected groups present to the class); University of the Highlands and Islands (25-30 per interactive online session); Babaian & Schiano 2020 (breakout groups of 3-7)",
                "Above about 30 students a live session cannot give everyone a voice, so it needs a design for participation at scale. The check looks at every live whole-class activity (lecture, discussion, debate, Q&A, problem-solving, presentation, demonstration; not small-group collaboration, office hours or exams), counting one section (⌈count ÷ sections⌉). The plan is the activity's own `participation` key: `breakouts` or `polling` for a discussion or debate, any of `breakouts`, `polling`, `chat` for the rest. Words in an id or title do not count. For a presentation the advice is the seed's: selected groups present to the whole class.",
                "[students]\ncount = 120\n\n[[activities]]\nid = \"seminar\"\nkind = \"discussion\"\nminutes = 60\nmode = \"sync\"",
            ),
            RuleId::LiveWithoutAlternative => (
                Check(Warning),
                "Students who cannot attend live have no self-paced way to take part",
                "seed: FAQ \"What about students who cannot attend synchronous sessions?\" (recordings plus meaningful alternatives such as written responses); Choosing the Right Mix > Student population matters",
                "A recording lets absent students see what happened, but not take part. The check fires when the course has live activities, some students are likely to miss them (a live activity is not recorded, some required sitting, with its sections or repeat, misses students, or the population includes working adults, international students or caregivers), and no self-paced `forum`, `discussion`, `reflection`, `peer-review`, `debate` or `collaboration` activity gives them a place to respond.",
                "[students]\npopulations = [\"working-adults\"]\n\n[[activities]]\nid = \"clinic\"\nkind = \"problem-solving\"\nminutes = 60\nmode = \"sync\"",
            ),
            RuleId::NoEarlyTouchpoint => (
                Check(Info),
                "Weeks 1-2 have no live session and no community or presence activity",
                "seed: Asynchronous Learning > Weaknesses (isolation, disengagement); Jordan 2015 (weeks 1-2 decide completion)",
                "Most students who drop out of online courses do so at the very start. A live welcome, a discussion board or an announcement in the first two weeks gives them a reason to stay. Checked for courses of four weeks or more.",
                "[[activities]]\nid = \"forum\"\nkind = \"discussion\"\nminutes = 30\nweeks = [3, 6]",
            ),
            RuleId::LiveHeavyUnreliableInternet => (
                Check(Warning),
                "Many students lack a dependable connection, yet work balancing may not move keeps live time above the effective ceiling",
                "seed: Synchronous Learning > Weaknesses (technical issues are more disruptive live; students with unreliable technology face systematic disadvantages in synchronous-heavy courses)",
                "With `reliable_internet` at or below 0.80, band balancing lowers the ceiling it works against (see `unreliable-connectivity`: `summary.effective_ceiling_minutes`). When the online required sittings still exceed that effective ceiling because of work balancing may not move (activities fixed with `at`, pinned live, office hours), the plan stays live-heavy for a class that cannot rely on its connection: a warning; unpin or shorten that work and record every live session. When balancing could move more but every further move would take live time under the floor (the floor guard), the finding is information: the plan is as light as the band allows. Sittings in a room (`in_person`) are not counted.",
                "[students]\ncount = 20\nreliable_internet = 0.6\n\n[[activities]]\nid = \"seminar\"\nkind = \"discussion\"\nminutes = 90\nmode = \"sync\"",
            ),
            RuleId::UnreachableSitting => (
                Check(Error),
                "A required live sitting mixplan searched for reaches no student inside their local hours",
                "seed: Synchronous Learning > Weaknesses (students must be available at specific times; time zones, work and caregiving collide with fixed times); FAQ \"What about students who cannot attend synchronous sessions?\"",
                "When even the best time on the allowed days fits nobody's window (each group's `available`, or the population default of `default-availability`), the live work as planned cannot be attended at all: the plan is broken, not merely inconvenient. It is an error so that CI stops it. Shorten or split the live work, allow more weekdays, or write the students' real windows.",
                "[students]\ncount = 30\n\n[[students.zones]]\nzone = \"America/New_York\"\ncount = 30\navailable = \"06:00-06:30\"\n\n[[activities]]\nid = \"seminar\"\nkind = \"discussion\"\nminutes = 60\nmode = \"sync\"",
            ),
            RuleId::LiveWorkWithoutTime => (
                Check(Error),
                "Live work that mixplan found no time for: the allowed days and the live window are full",
                "seed: Synchronous Learning > Weaknesses (live work happens at set times students must be free for); mixplan's scheduling rules (live days, live window, 10 minutes between sittings)",
                "Each live sitting mixplan searches for keeps clear of the fixed sittings and of the sittings it placed before, on the `live_days` and inside the `live_window`. When the live work of a week needs more room than those leave, the last sittings have no time and the schedule lists them as live work without a time. A plan with a live session nobody can be given a time for is broken, so this is an error: allow more weekdays, widen the window, shorten the live work, or make some of it self-paced.",
                "[course]\nlive_days = [\"sat\"]\nlive_window = \"09:00-12:00\"\nsync_hours = [0, 5]\n\n[[activities]]\nid = \"lab-a\"\nkind = \"lab\"\nminutes = 75\nmode = \"sync\"\n\n[[activities]]\nid = \"lab-b\"\nkind = \"lab\"\nminutes = 75\nmode = \"sync\"\n\n[[activities]]\nid = \"lab-c\"\nkind = \"lab\"\nminutes = 75\nmode = \"sync\"",
            ),
            RuleId::LowSittingCoverage => (
                Check(Warning),
                "A required live sitting mixplan searched for reaches under half of the class in its worst week",
                "seed: Synchronous Learning > Weaknesses (fixed times shut out students in other zones and with other commitments); FAQ \"What about students who cannot attend synchronous sessions?\"",
                "A live session most students cannot attend turns the recording into the main route. Every required searched sitting gets a repeat when one reaches at least `repeat_min_students` (default 10% of the class) of those it misses, and the sitting with its repeat is judged together, in its worst held week: when both still reach under half the class, a designer should know that live time reaches a minority: shorten the live work, allow more weekdays, or plan fewer live minutes. Slots pinned with `live_at` are reported by `pinned-slot-excludes-students` instead.",
                "[students]\ncount = 40\npopulations = [\"working-adults\"]\n\n[[students.zones]]\nzone = \"America/New_York\"\ncount = 15\n\n[[students.zones]]\nzone = \"Asia/Tokyo\"\ncount = 25",
            ),
            RuleId::UnreachableOptionalSitting => (
                Check(Info),
                "An optional live sitting mixplan searched for reaches no student inside their local hours",
                "seed: Synchronous Learning > Weaknesses (students must be available at specific times); FAQ \"What about students who cannot attend synchronous sessions?\"",
                "Optional work (office hours, drop-in sessions) is outside the band and nobody must attend, so a time nobody can make is worth knowing but breaks nothing: it is information, where the same finding on required work is an error (`unreachable-sitting`).",
                "[students]\ncount = 30\n\n[[students.zones]]\nzone = \"America/New_York\"\ncount = 30\navailable = \"06:00-06:30\"\n\n[[activities]]\nid = \"office-hours\"\nkind = \"office-hours\"\nminutes = 60",
            ),
            RuleId::ExamOutsideHours => (
                Check(Warning),
                "An exam sitting falls outside the local hours of some students",
                "seed: Synchronous Learning > Weaknesses (students must be available at specific times, a barrier for those in other time zones, with work commitments or caregiving); FAQ \"What about students who cannot attend synchronous sessions?\" (students who cannot attend live need a meaningful alternative)",
                "An exam fixed with `at` (weekly or dated) is judged in every student zone across its weeks, daylight-saving changes included, with all its sections together: a student is covered when some section fits their window. Nobody catches up on an exam by watching a recording, so any student left outside their hours needs another sitting. The finding names each zone, its head count, the local start and the weeks; its help suggests a second section (`at` as a list) or a self-paced timed exam.",
                "[course]\ntimezone = \"America/New_York\"\nstart = 2027-01-11\n\n[students]\ncount = 60\n\n[[students.zones]]\nzone = \"America/New_York\"\ncount = 30\n\n[[students.zones]]\nzone = \"Asia/Tokyo\"\ncount = 30\n\n[[activities]]\nid = \"final\"\nkind = \"exam\"\nminutes = 120\nat = { date = 2027-05-12, time = \"09:00\" }",
            ),
            RuleId::ShortPreworkWindow => (
                Check(Info),
                "Pre-work falls due less than `prework_hours` after the week opens, in week 1",
                "seed: The Blended Approach (flipped classroom: content self-paced before the live session that uses it; the key is intentionality: each activity in the mode that serves its purpose)",
                "Pre-work (a self-paced lecture, reading, demonstration or announcement with no own `due`) is due when the first required live meeting of its week starts, or the meeting of the activity it `prepares`. When that meeting starts less than `prework_hours` (default 48) after the week opens (its first day at 00:00, or `start`), mixplan lists the item in the previous teaching week instead, due at the same instant. Week 1 has no previous week, so the finding gives the hours and minutes left; start course weeks the day after the week's last live session (`week_starts`), or release the pre-work before `start`. The 48 hours are mixplan's convention, not the guide's.",
                "[course]\nstart = 2027-01-11\nweek_starts = \"mon\"\n\n[[activities]]\nid = \"videos\"\nkind = \"lecture\"\nminutes = 60\n\n[[activities]]\nid = \"seminar\"\nkind = \"discussion\"\nminutes = 60\nat = { day = \"mon\", time = \"10:00\" }",
            ),
            RuleId::HolidayWeek => (
                Check(Warning),
                "Every date of a teaching week is a holiday",
                "seed: Asynchronous Learning > Weaknesses (students who fall behind the rhythm drift away); Best Practices for Asynchronous Courses (a regular weekly rhythm of deadlines)",
                "A week whose every date (from its first day, or `start` in week 1) is a holiday holds no sitting, and its self-paced work falls due on the first later date that is not a holiday, still counted in its own week. That is almost always a break written as holidays: `breaks = [N]` takes the week out of the rhythm, so weekly work and the workload target skip it.",
                "[course]\nstart = 2027-01-11\nweeks = 4\nholidays = [2027-01-18, 2027-01-19, 2027-01-20, 2027-01-21, 2027-01-22, 2027-01-23, 2027-01-24]",
            ),
            RuleId::OptionalOverlapsRequired => (
                Check(Warning),
                "An optional sitting fixed with `at` overlaps a required sitting",
                "seed: Best Practices for Asynchronous Courses (design for instructor presence); Synchronous Learning > Weaknesses (students must be free at the set time)",
                "Office hours and other optional sittings may overlap each other (several staff hold hours at once), but one held during required live work is one no student of that work can use: they are in the required sitting. It is a warning, not an error, because nobody must attend the optional one. Nothing is reported when the required sitting is a section of an activity with another section that week, since students who want the office hours can take the other section.",
                "[[activities]]\nid = \"seminar\"\nkind = \"discussion\"\nminutes = 60\nat = { day = \"wed\", time = \"10:00\" }\n\n[[activities]]\nid = \"office-hours\"\nkind = \"office-hours\"\nminutes = 60\nat = { day = \"wed\", time = \"10:30\" }",
            ),
            RuleId::WorkloadOverTarget => (
                Check(Warning),
                "A course week asks more work than the credits' weekly target allows (target × (1 + `workload_tolerance`))",
                "seed: Asynchronous Learning > Weaknesses (students must manage their own time; those who fall behind drop out); La Trobe workload guidance and McInnes et al., AJET (averages hide peak weeks); 34 CFR 600.2 credit hour",
                "With `credits`, every teaching week has a target: credits × `credit_hours` ÷ teaching weeks. A midterm and a paper due in the same stretch can ask half again as much, and an average over the term hides it; students with jobs or families cannot find the extra hours and fall behind. The check names every week above target × (1 + `workload_tolerance`), default 20% above.",
                "[course]\ncredits = 1\n\n[[activities]]\nid = \"paper\"\nkind = \"project-work\"\nweeks = [4]\nwrite = { words = 1500, genre = \"argument\", drafting = \"none\" }",
            ),
            RuleId::WorkloadUnderTarget => (
                Check(Info),
                "The term asks less than 80% of the hours the credits stand for",
                "seed: Asynchronous Learning > Weaknesses (students must manage their own time, so the work a course asks must be there to plan); 34 CFR 600.2 credit hour; McInnes et al., AJET (advertised online workloads run below calculated ones)",
                "A course file that asks far fewer hours than its credits usually leaves work out: readings without an estimate, a paper, exam study. Listing it makes the weekly view honest. Informational: some courses count in-person or unlisted work the file does not describe.",
                "[course]\ncredits = 3\n\n[[activities]]\nid = \"forum\"\nkind = \"discussion\"\nminutes = 30",
            ),
            RuleId::EstimateRead => (
                Workload,
                "`read`: reading time from pages, words a page, purpose and new concepts",
                RATES.reading_source,
                workload_docs::read(),
                "[[activities]]\nid = \"readings\"\nkind = \"reading\"\nread = { pages = 40, words_per_page = 450, purpose = \"understand\", new_concepts = \"some\" }",
            ),
            RuleId::EstimateWrite => (
                Workload,
                "`write`: writing time from words, genre and drafting",
                RATES.writing_source,
                workload_docs::write(),
                "[[activities]]\nid = \"paper\"\nkind = \"project-work\"\nweeks = [8, 9, 10, 11]\nwrite = { words = 2000, genre = \"research\", drafting = \"minimal\" }\nper = \"total\"",
            ),
            RuleId::EstimatePost => (
                Workload,
                "`post`: time to write discussion posts and replies",
                RATES.post_source,
                workload_docs::post(),
                "[[activities]]\nid = \"forum\"\nkind = \"discussion\"\nmode = \"async\"\npost = { posts = 1, words = 250, replies = 2, reply_words = 125 }",
            ),
            RuleId::EstimateWatch => (
                Workload,
                "`watch`: video or audio counted at its running time",
                RATES.watch_source,
                workload_docs::watch(),
                "[[activities]]\nid = \"videos\"\nkind = \"lecture\"\nwatch = { minutes = 45 }",
            ),
            RuleId::StudyHours => (
                Workload,
                "An exam's `study_hours` fall half in the previous teaching week and half in the exam's week",
                "La Trobe University workload guidance and McInnes et al., AJET (averaged workloads hide peak assessment weeks: show the peak); the half-and-half split is mixplan's convention",
                "Students study for an exam in the days before it, which usually span two course weeks. The study hours are rounded half-up to whole minutes and split half and half, the odd minute in the earlier week; an exam in the first teaching week takes all its study in its own week. They count as self-paced work, for every sitting of the exam.",
                "[[activities]]\nid = \"midterm\"\nkind = \"exam\"\nminutes = 90\nweeks = [7]\nstudy_hours = 5",
            ),
            RuleId::WorkloadTarget => (
                Workload,
                "The weekly workload target: credits × credit_hours ÷ teaching weeks, and what counts as a week's work",
                "US federal credit hour, 34 CFR 600.2 (one hour of instruction and about two of outside work a week); SUNY Online, \"Calculating time on task\" (3 credits = 135 hours, about 9 a week over 15 weeks, online too); ECTS Users' Guide 2015 (25-30 hours a credit); UK QAA credit framework (10 notional hours a credit); Kember 2004 (show live and self-paced hours apart)",
                workload_docs::target(),
                "[course]\ncredits = 3\ncredit_hours = 45\nworkload_tolerance = 0.2",
            ),
            RuleId::CalendarWithoutCourseId => (
                Publish,
                "A calendar or Canvas package written from a course file with no `[course] id`",
                "RFC 5545 section 3.8.4.7 (UID: a persistent, globally unique identifier a client matches updates by); Moodle's calendar import matches events by UID alone",
                "Calendar clients recognise an event they imported before by its UID, and Canvas an item by its identifier. Without `[course] id`, mixplan derives both from the course title, start date and time zone, so fixing a typo in the title or moving the start gives students duplicate events (and Canvas duplicate assignments) on the next import. With `id` (one per offering, e.g. `cs559-2027-spring`), they hash the id and never the title or any time, so moving a sitting or retitling the course updates events in place. The file is still written; `schedule --ics` and `export canvas` print this warning to standard error and exit 0.",
                "[course]\ntitle = \"Data Analysis\"\nstart = 2027-01-11\n# id = \"data-analysis-2027-spring\"   # add this",
            ),
            RuleId::FixedOffsetZone => (
                Check(Warning),
                "A zone written as `EST`, `MST` or `HST`, which never observes daylight saving time",
                "seed: Synchronous Learning > Weaknesses (students must be available at a specific local time; a session at the wrong hour is one they cannot attend); Best Practices for Asynchronous Courses (weekly deadlines students can plan around)",
                "`EST` is UTC-5 all year, `MST` UTC-7 and `HST` UTC-10: fixed offsets, not the time people keep in New York or Denver. A course in `EST` puts every live session and deadline an hour off local time for the whole summer. Write the city zone (`America/New_York`, `America/Denver`, `Pacific/Honolulu`), or a city that keeps the same offset all year (`America/Panama`, `America/Phoenix`) when a fixed offset is really meant.",
                "[course]\ntimezone = \"EST\"",
            ),
            RuleId::UnknownRule => (
                Check(Warning),
                "A rule id in `[check] allow`, `--allow`, `--warn` or `--deny` that mixplan does not know",
                "mixplan configuration",
                "A misspelt rule id would silently allow nothing; mixplan reports it with the closest check id instead. It never fails a run on its own, except under `--deny warnings`.",
                "[check]\nallow = [\"live-lectrue\"]",
            ),
            RuleId::LiveAlternative => (
                Advice,
                "Students no live sitting reaches get a repeat session or the recording-and-response route",
                "seed: Synchronous Learning > Weaknesses (fixed times shut out other time zones); FAQ \"What about students who cannot attend synchronous sessions?\" (recordings plus a written response)",
                "When the slot search cannot place one live time that every student can attend, mixplan offers a repeat session for the students the main slot misses, and plans the route for anyone still left: they watch the recording and post a written response by 23:59 their time, two days after the session. The advice names them by zone and count, and the weeks concerned.",
                "[[students.zones]]\nzone = \"Asia/Tokyo\"\ncount = 10\n\n[[students.zones]]\nzone = \"America/New_York\"\ncount = 10\n\n[[activities]]\nid = \"clinic\"\nkind = \"problem-solving\"\nminutes = 60",
            ),
        };
        RuleDoc {
            kind,
            summary,
            evidence,
            doc,
            example,
        }
    }
}

/// The workload rules' documentation, quoting every rate from the one table
/// ([`RATES`]) so the page and the arithmetic cannot disagree.
mod workload_docs {
    use std::sync::OnceLock;

    use crate::course::estimate::{DEFAULT_WORDS_PER_PAGE, RATES, WRITING_BLOCK_WORDS};
    use crate::course::{
        DEFAULT_CREDIT_HOURS, DEFAULT_WORKLOAD_TOLERANCE, Drafting, Genre, MAX_MINUTES,
        NewConcepts, Purpose,
    };

    /// Built once per process: registry entries are `'static`.
    fn once(cell: &'static OnceLock<String>, build: fn() -> String) -> &'static str {
        cell.get_or_init(build).as_str()
    }

    fn rounding() -> String {
        format!(
            "The estimate is rounded half-up to whole minutes; with `per = \"total\"` it is spread over the activity's occurrences, the odd minutes on the earliest (1000 over 3 weeks: 334, 333, 333). One occurrence may not exceed {MAX_MINUTES} minutes, as with `minutes`."
        )
    }

    pub fn read() -> &'static str {
        static DOC: OnceLock<String> = OnceLock::new();
        once(&DOC, || {
            let cells: Vec<String> = Purpose::ALL
                .iter()
                .map(|&p| {
                    let rates: Vec<String> = NewConcepts::ALL
                        .iter()
                        .map(|&c| RATES.reading(p, c).to_string())
                        .collect();
                    format!("{p} {}", rates.join("/"))
                })
                .collect();
            format!(
                "Reading time is pages × words a page ÷ a reading speed. Speeds in words a minute, for no/some/many new concepts: {}. `words_per_page` defaults to {DEFAULT_WORDS_PER_PAGE}, the estimator's lightest page. {}",
                cells.join(", "),
                rounding()
            )
        })
    }

    pub fn write() -> &'static str {
        static DOC: OnceLock<String> = OnceLock::new();
        once(&DOC, || {
            let cells: Vec<String> = Genre::ALL
                .iter()
                .map(|&g| {
                    let rates: Vec<String> = Drafting::ALL
                        .iter()
                        .map(|&d| RATES.writing(g, d).to_string())
                        .collect();
                    format!("{g} {}", rates.join("/"))
                })
                .collect();
            format!(
                "Writing time is words ÷ {WRITING_BLOCK_WORDS} × minutes per {WRITING_BLOCK_WORDS} words. Minutes per {WRITING_BLOCK_WORDS} words, for none/minimal/extensive drafting: {}. A paper written over several weeks takes `per = \"total\"` and the weeks it is written in. {}",
                cells.join(", "),
                rounding()
            )
        })
    }

    pub fn post() -> &'static str {
        static DOC: OnceLock<String> = OnceLock::new();
        once(&DOC, || {
            format!(
                "Posting time is the words of every post and reply ÷ {} words an hour. `posts` defaults to 1, `replies` to 0 and `reply_words` to `words`. Reading classmates' posts is not in this rate: add it as a `read` activity when it is substantial. {}",
                RATES.post_words_per_hour,
                rounding()
            )
        })
    }

    pub fn watch() -> &'static str {
        static DOC: OnceLock<String> = OnceLock::new();
        once(&DOC, || {
            format!(
                "Watching time is the running time × {}: pausing and rewinding are left to the student and not counted. {}",
                RATES.watch_minutes_per_minute,
                rounding()
            )
        })
    }

    pub fn target() -> &'static str {
        static DOC: OnceLock<String> = OnceLock::new();
        once(&DOC, || {
            format!(
                "With `credits`, `mixplan workload` sets a weekly target of credits × `credit_hours` (default {DEFAULT_CREDIT_HOURS}) ÷ teaching weeks (breaks excluded) and flags weeks above target × (1 + `workload_tolerance`) (default {DEFAULT_WORKLOAD_TOLERANCE}). A week's workload is the minutes of every required activity that meets in it, live and self-paced apart: breaks inside a live session are rest, one section counts per student, repeats of a live slot are not extra work, and a sitting a holiday cancels asks nothing. Exam study is added; optional activities are listed apart. Hours are rounded to two decimals from exact minutes."
            )
        })
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
