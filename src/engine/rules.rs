//! The scoring rules: the one catalog the engine, `mixplan rules` and `mixplan explain` read.
//!
//! A rule is data plus a small condition. When its condition holds for an activity, the rule's
//! weight is added to the score of the mode it favours, and the detail it returns becomes one
//! of the activity's reasons. Weights are in "points"; only their relative size matters.
//! Adding a rule means adding an entry here and a fixture in `tests/rules.rs`, nothing else.

use super::Facts;
use crate::course::{Activity, ActivityKind as K, ContentType, Goal, Mode, Population};

/// One scoring rule.
#[derive(Debug)]
pub struct ScoringRule {
    /// Stable kebab-case id.
    pub id: &'static str,
    /// One-line summary.
    pub summary: &'static str,
    /// The seed section (and any published source) the rule rests on.
    pub evidence: &'static str,
    /// The mode this rule favours.
    pub favors: Mode,
    /// Points added to the favoured mode's score.
    pub weight: f64,
    /// What it means for a course designer.
    pub doc: &'static str,
    /// A course-file fragment for which the rule fires.
    pub example: &'static str,
    /// The condition: `Some(detail)` when the rule applies to this activity.
    pub applies: fn(&Facts, &Activity) -> Option<String>,
}

/// Class size above which a live session stops being interactive for everyone.
pub const LARGE_CLASS: u32 = 30;
/// Spread of student UTC offsets (hours) beyond which one live time cannot suit everyone.
pub const WIDE_ZONE_SPREAD_HOURS: f64 = 6.0;
/// Share of students with a dependable connection below which live time is a risk.
pub const RELIABLE_INTERNET_FLOOR: f64 = 0.9;
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
const WRITTEN: &[K] = &[K::Discussion, K::PeerReview, K::Reflection];
const REWINDABLE: &[K] = &[K::Lecture, K::Reading];
const ONE_TO_MANY: &[K] = &[K::Lecture, K::Presentation, K::Demonstration];
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

fn kind_detail(activity: &Activity, what: &str) -> String {
    format!("a {} activity {what}", activity.kind)
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
        id: "real-time-interaction",
        summary: "Discussion, debate, problem-solving, collaboration, demonstration and Q&A gain from meeting live",
        evidence: "seed: Best Practices for Synchronous Sessions; FAQ \"How do I decide which activities to make synchronous versus asynchronous?\"",
        favors: Mode::Sync,
        weight: 3.0,
        doc: "The first question for any activity is whether it benefits from real-time interaction. \
              Activities built on back-and-forth between people are what justifies a live meeting.",
        example: "[[activities]]\nid = \"case-debate\"\nkind = \"debate\"\nminutes = 45",
        applies: |_, a| {
            kind_in(a, INTERACTIVE).then(|| kind_detail(a, "depends on real-time exchange"))
        },
    },
    ScoringRule {
        id: "immediate-feedback",
        summary: "Feedback-driven activities on complex or procedural content are better live, where confusion is cleared at once",
        evidence: "seed: Synchronous Learning > Strengths (immediate feedback, complex topics); Martin, Sun, Turk & Ritzhaupt 2021 (small live edge on cognitive outcomes)",
        favors: Mode::Sync,
        weight: 1.5,
        doc: "Live sessions let an instructor answer questions as they arise and adjust the pace. \
              That matters most where misunderstandings compound: complex concepts and procedures.",
        example: "[content]\ntypes = [\"complex-concepts\"]\n\n[[activities]]\nid = \"worked-problems\"\nkind = \"problem-solving\"\nminutes = 50",
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
        id: "community-presence",
        summary: "Social activities build instructor presence and belonging best in real time",
        evidence: "seed: Synchronous Learning > Strengths (instructor presence, social belonging, community); Hrastinski 2008 (live work supports motivation and participation)",
        favors: Mode::Sync,
        weight: 1.0,
        doc: "Meeting in real time creates the relationships and sense of belonging that keep \
              students going through difficulty; programs without live components struggle with retention.",
        example: "[[activities]]\nid = \"office-hours\"\nkind = \"office-hours\"\nminutes = 30",
        applies: |_, a| {
            kind_in(a, SOCIAL).then(|| kind_detail(a, "builds presence and belonging when live"))
        },
    },
    ScoringRule {
        id: "content-benefits-from-live",
        summary: "Procedural, complex and discussion-heavy content gains from live interaction in matching activities",
        evidence: "seed: Choosing the Right Mix > Content matters",
        favors: Mode::Sync,
        weight: 1.0,
        doc: "Procedural skills, complex concepts and discussion-heavy topics benefit from synchronous \
              interaction, in the activities that exercise them (demonstrations and labs for procedures, \
              problem-solving and Q&A for complex concepts, discussion and debate for discussion-heavy topics).",
        example: "[content]\ntypes = [\"discussion-heavy\"]\n\n[[activities]]\nid = \"seminar\"\nkind = \"discussion\"\nminutes = 60",
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
        id: "community-goals",
        summary: "Courses aiming at community or collaboration need their group activities live",
        evidence: "seed: Choosing the Right Mix > Course goals matter; Richardson et al. 2017 (social presence and satisfaction)",
        favors: Mode::Sync,
        weight: 1.0,
        doc: "When the course is about community building or collaboration, the activities where \
              students work and talk together are where those goals are met, and they need live time.",
        example: "[goals]\nfocus = [\"collaboration\"]\n\n[[activities]]\nid = \"team-sprint\"\nkind = \"collaboration\"\nminutes = 60",
        applies: |f, a| {
            let goals: Vec<Goal> = f
                .goals
                .iter()
                .copied()
                .filter(|g| matches!(g, Goal::Community | Goal::Collaboration))
                .collect();
            (!goals.is_empty() && kind_in(a, COLLECTIVE))
                .then(|| format!("course goals {} call for live group work", names(&goals)))
        },
    },
    ScoringRule {
        id: "full-time-students",
        summary: "Traditional full-time students can take more live requirements",
        evidence: "seed: Choosing the Right Mix > Student population matters",
        favors: Mode::Sync,
        weight: 0.5,
        doc: "Courses for traditional full-time students, with no working adults, international \
              students or caregivers among them, can include more synchronous requirements.",
        example: "[students]\ncount = 24\npopulations = [\"full-time\"]",
        applies: |f, a| {
            (f.full_time_only && !kind_in(a, SOLITARY))
                .then(|| "all students are full-time, so fixed meeting times are workable".into())
        },
    },
    ScoringRule {
        id: "content-transmission",
        summary: "Lectures, readings and announcements transmit content and work as well self-paced",
        evidence: "seed: The Blended Approach; Best Practices for Synchronous Sessions; Bernard et al. 2004 (live distance education is not better by default)",
        favors: Mode::Async,
        weight: 3.0,
        doc: "Content transmission (recorded lectures, readings, announcements) does not need everyone \
              present at once; spending live time on it wastes the scarce resource a live meeting is.",
        example: "[[activities]]\nid = \"concept-videos\"\nkind = \"lecture\"\nminutes = 40",
        applies: |_, a| {
            a.kind
                .is_content_transmission()
                .then(|| kind_detail(a, "transmits content that needs no live audience"))
        },
    },
    ScoringRule {
        id: "self-paced-processing",
        summary: "Students process lectures and readings more deeply when they can pause, rewind and review",
        evidence: "seed: Asynchronous Learning > Strengths (deeper processing); Hrastinski 2008 (async supports reflection)",
        favors: Mode::Async,
        weight: 1.5,
        doc: "Self-paced material can be paused, replayed and revisited: students spend longer on what \
              is hard and move quickly through what they know.",
        example: "[[activities]]\nid = \"chapter\"\nkind = \"reading\"\nminutes = 60",
        applies: |_, a| {
            kind_in(a, REWINDABLE)
                .then(|| kind_detail(a, "can be paused and reviewed at the student's pace"))
        },
    },
    ScoringRule {
        id: "written-record",
        summary: "Written, asynchronous exchanges leave a permanent record students can return to",
        evidence: "seed: Asynchronous Learning > Strengths (permanent record of discussion; time to compose thoughtful responses)",
        favors: Mode::Async,
        weight: 1.0,
        doc: "A discussion board or written review gives students time to compose a considered reply \
              and leaves a record of how thinking developed.",
        example: "[[activities]]\nid = \"forum\"\nkind = \"discussion\"\nminutes = 45",
        applies: |_, a| {
            kind_in(a, WRITTEN).then(|| kind_detail(a, "in writing leaves a record to return to"))
        },
    },
    ScoringRule {
        id: "individual-practice",
        summary: "Individual practice, assessment and project work fit each student's own schedule",
        evidence: "seed: FAQ \"How do I decide which activities to make synchronous versus asynchronous?\" (individual practice works asynchronously)",
        favors: Mode::Async,
        weight: 2.5,
        doc: "Work a student does alone gains nothing from a fixed meeting time and loses the freedom \
              to do it when most alert.",
        example: "[[activities]]\nid = \"problem-set\"\nkind = \"practice\"\nminutes = 90",
        applies: |_, a| kind_in(a, INDIVIDUAL).then(|| kind_detail(a, "is done individually")),
    },
    ScoringRule {
        id: "reflection",
        summary: "Reflection and peer review need time to think, not a live audience",
        evidence: "seed: FAQ (reflection works asynchronously); Asynchronous Learning > Strengths (time to compose responses); Hrastinski 2008",
        favors: Mode::Async,
        weight: 2.5,
        doc: "Reflective writing and considered feedback on a peer's work improve with time to think; \
              producing them under live pressure makes them shallower.",
        example: "[[activities]]\nid = \"journal\"\nkind = \"reflection\"\nminutes = 20",
        applies: |_, a| kind_in(a, REFLECTIVE).then(|| kind_detail(a, "needs time to think")),
    },
    ScoringRule {
        id: "population-flexibility",
        summary: "Working adults, international students and caregivers need flexible timing",
        evidence: "seed: Synchronous Learning > Weaknesses (inflexible by nature); Choosing the Right Mix > Student population matters",
        favors: Mode::Async,
        weight: 1.5,
        doc: "Students with jobs, family duties or homes abroad cannot always be present at a fixed \
              time; courses that serve them benefit from more asynchronous content.",
        example: "[students]\ncount = 40\npopulations = [\"working-adults\"]",
        applies: |f, _| {
            (!f.flexible.is_empty())
                .then(|| format!("{} students need flexible timing", names(&f.flexible)))
        },
    },
    ScoringRule {
        id: "time-zone-spread",
        summary: "Students spread across distant time zones cannot all meet at one time",
        evidence: "seed: Synchronous Learning > Weaknesses (a student in Tokyo and a 9:00 AM Eastern seminar)",
        favors: Mode::Async,
        weight: 1.5,
        doc: "When students' UTC offsets span more than six hours, any single live time falls early \
              or late for someone; self-paced work avoids the conflict.",
        example: "[[students.zones]]\nzone = \"America/New_York\"\ncount = 20\n[[students.zones]]\nzone = \"Asia/Tokyo\"\ncount = 10",
        applies: |f, _| {
            (f.zone_spread_hours > WIDE_ZONE_SPREAD_HOURS).then(|| {
                format!(
                    "students' time zones span {} hours",
                    super::round2(f.zone_spread_hours)
                )
            })
        },
    },
    ScoringRule {
        id: "unreliable-connectivity",
        summary: "Where connections are unreliable, live sessions disadvantage some students",
        evidence: "seed: Synchronous Learning > Weaknesses (technical issues are more disruptive live)",
        favors: Mode::Async,
        weight: 1.0,
        doc: "A dropped connection during a live session means missed instruction that cannot be \
              recreated; students with unreliable technology are systematically disadvantaged.",
        example: "[students]\ncount = 60\nreliable_internet = 0.7",
        applies: |f, _| {
            let share = f.reliable_internet?;
            (share < RELIABLE_INTERNET_FLOOR).then(|| {
                format!(
                    "only {:.0}% of students have a dependable connection",
                    share * 100.0
                )
            })
        },
    },
    ScoringRule {
        id: "large-class",
        summary: "Above 30 students, one-to-many live sessions are better recorded",
        evidence: "seed: FAQ \"Can synchronous sessions be effective with large classes?\"; University of the Highlands and Islands synchronous teaching guidance (above 30: recorded short lectures plus small tutorials)",
        favors: Mode::Async,
        weight: 1.0,
        doc: "In a large class a live lecture, presentation or demonstration leaves most students \
              watching; recorded delivery plus small live groups serves them better.",
        example: "[students]\ncount = 180\n\n[[activities]]\nid = \"keynote\"\nkind = \"presentation\"\nminutes = 30",
        applies: |f, a| {
            (f.count > LARGE_CLASS && kind_in(a, ONE_TO_MANY)).then(|| {
                format!(
                    "{} students is a large audience for a live {}",
                    f.count, a.kind
                )
            })
        },
    },
    ScoringRule {
        id: "content-suits-self-paced",
        summary: "Foundational, reading and practice content works well self-paced in matching activities",
        evidence: "seed: Choosing the Right Mix > Content matters",
        favors: Mode::Async,
        weight: 1.0,
        doc: "Foundational knowledge, reading and practice work well asynchronously, in the activities \
              that carry them (lectures and readings for foundations, practice, assessments and labs for practice).",
        example: "[content]\ntypes = [\"practice\"]\n\n[[activities]]\nid = \"drills\"\nkind = \"practice\"\nminutes = 30",
        applies: |f, a| {
            let matched: Vec<ContentType> = f
                .content
                .iter()
                .copied()
                .filter(|&c| self_paced_content(a.kind, c))
                .collect();
            (!matched.is_empty()).then(|| {
                format!(
                    "{} content works self-paced as a {}",
                    names(&matched),
                    a.kind
                )
            })
        },
    },
    ScoringRule {
        id: "knowledge-goals",
        summary: "Courses aimed at knowledge or skills, not community, can succeed with less live time",
        evidence: "seed: Choosing the Right Mix > Course goals matter",
        favors: Mode::Async,
        weight: 0.5,
        doc: "Knowledge acquisition and skill development can succeed with less synchronous time, \
              unless the course also aims at community or collaboration.",
        example: "[goals]\nfocus = [\"knowledge-acquisition\"]",
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
        id: "live-fatigue",
        summary: "Live sessions longer than 90 minutes tire students; long activities suit self-paced work",
        evidence: "seed: Synchronous Learning > Weaknesses (video-conference fatigue); Fauville et al. 2021 (fatigue grows with meeting length); Sheridan et al. 2017",
        favors: Mode::Async,
        weight: 1.0,
        doc: "Sustained video sessions are exhausting, and fatigue grows with length. An activity that \
              needs more than 90 minutes at a stretch is a poor fit for one live sitting.",
        example: "[[activities]]\nid = \"marathon\"\nkind = \"discussion\"\nminutes = 150",
        applies: |_, a| {
            (a.minutes > LONG_LIVE_MINUTES).then(|| {
                format!(
                    "{} minutes at a stretch is tiring on a video call",
                    a.minutes
                )
            })
        },
    },
];

/// Look up a scoring rule by id.
pub fn find(id: &str) -> Option<&'static ScoringRule> {
    SCORING_RULES.iter().find(|r| r.id == id)
}

/// Populations that need flexible timing, per the seed.
pub fn is_flexible(population: Population) -> bool {
    !matches!(population, Population::FullTime)
}
