//! The scoring rules: each adds its weight to the mode it favours when its condition (in `engine::rules`) holds.

use super::{RuleDoc, RuleKind};
use crate::course::Mode;

super::area! {
    /// The scoring rules: each adds its weight to the mode it favours when its condition (in `engine::rules`) holds.
    Scoring(ScoringId) {
        RealTimeInteraction = "real-time-interaction" => REAL_TIME_INTERACTION,
        ImmediateFeedback = "immediate-feedback" => IMMEDIATE_FEEDBACK,
        CommunityPresence = "community-presence" => COMMUNITY_PRESENCE,
        HandsOn = "hands-on" => HANDS_ON,
        ContentBenefitsFromLive = "content-benefits-from-live" => CONTENT_BENEFITS_FROM_LIVE,
        CommunityGoals = "community-goals" => COMMUNITY_GOALS,
        FullTimeStudents = "full-time-students" => FULL_TIME_STUDENTS,
        ContentTransmission = "content-transmission" => CONTENT_TRANSMISSION,
        SelfPacedProcessing = "self-paced-processing" => SELF_PACED_PROCESSING,
        WrittenRecord = "written-record" => WRITTEN_RECORD,
        IndividualPractice = "individual-practice" => INDIVIDUAL_PRACTICE,
        Reflection = "reflection" => REFLECTION,
        PopulationFlexibility = "population-flexibility" => POPULATION_FLEXIBILITY,
        TimeZoneSpread = "time-zone-spread" => TIME_ZONE_SPREAD,
        UnreliableConnectivity = "unreliable-connectivity" => UNRELIABLE_CONNECTIVITY,
        LargeClass = "large-class" => LARGE_CLASS,
        ContentSuitsSelfPaced = "content-suits-self-paced" => CONTENT_SUITS_SELF_PACED,
        KnowledgeGoals = "knowledge-goals" => KNOWLEDGE_GOALS,
        LiveFatigue = "live-fatigue" => LIVE_FATIGUE,
    }
}

/// `real-time-interaction`.
const REAL_TIME_INTERACTION: RuleDoc = RuleDoc {
    kind: RuleKind::Scoring {
        favors: Mode::Sync,
        weight: 3.0,
    },
    summary: "Discussion, debate, problem-solving, collaboration, demonstration and Q&A gain from meeting live",
    evidence: "seed: Best Practices for Synchronous Sessions; FAQ \"How do I decide which activities to make synchronous versus asynchronous?\"",
    doc: "The first question for any activity is whether it benefits from real-time interaction. Activities built on back-and-forth between people are what justifies a live meeting. One student per sitting (⌈count ÷ sections⌉ = 1, mixplan's convention) leaves a `debate`, `collaboration` or `peer-review` without a peer, so this reason does not score them; a discussion, Q&A, problem-solving or demonstration keeps it, since the instructor is the partner. Two students in one sitting keep it: they can debate each other.",
    example: "[[activities]]\nid = \"case-debate\"\nkind = \"debate\"\nminutes = 45",
};

/// `immediate-feedback`.
const IMMEDIATE_FEEDBACK: RuleDoc = RuleDoc {
    kind: RuleKind::Scoring {
        favors: Mode::Sync,
        weight: 1.5,
    },
    summary: "Feedback-driven activities on complex or procedural content are better live, where confusion is cleared at once",
    evidence: "seed: Synchronous Learning > Strengths (immediate feedback, complex topics); Martin, Sun, Turk & Ritzhaupt 2021 (small live edge on cognitive outcomes)",
    doc: "Live sessions let an instructor answer questions as they arise and adjust the pace. That matters most where misunderstandings compound: complex concepts and procedures.",
    example: "[content]\ntypes = [\"complex-concepts\"]\n\n[[activities]]\nid = \"worked-problems\"\nkind = \"problem-solving\"\nminutes = 50",
};

/// `community-presence`.
const COMMUNITY_PRESENCE: RuleDoc = RuleDoc {
    kind: RuleKind::Scoring {
        favors: Mode::Sync,
        weight: 1.0,
    },
    summary: "Social activities build instructor presence and belonging best in real time",
    evidence: "seed: Synchronous Learning > Strengths (instructor presence, social belonging, community); Hrastinski 2008 (live work supports motivation and participation)",
    doc: "Meeting in real time creates the relationships and sense of belonging that keep students going through difficulty; programs without live components struggle with retention. One student per sitting (⌈count ÷ sections⌉ = 1, mixplan's convention) leaves a `debate`, `collaboration` or `peer-review` without a peer, so this reason does not score them; a discussion, Q&A, problem-solving or demonstration keeps it, since the instructor is the partner. Two students in one sitting keep it: they can debate each other.",
    example: "[[activities]]\nid = \"office-hours\"\nkind = \"office-hours\"\nminutes = 30",
};

/// `hands-on`.
const HANDS_ON: RuleDoc = RuleDoc {
    kind: RuleKind::Scoring {
        favors: Mode::Sync,
        weight: 1.0,
    },
    summary: "A lab practises a procedure hands-on, which gains from someone at hand to correct it",
    evidence: "seed: Choosing the Right Mix > Content matters (procedural skills benefit from synchronous interaction); FAQ \"How do I decide which activities to make synchronous versus asynchronous?\" (hands-on demonstrations gain value live)",
    doc: "A `lab` scores this reason whatever the course's content types: hands-on practice of a procedure is where a mistake is cheapest to catch while it happens. A demonstration already scores `real-time-interaction` and `immediate-feedback`, so it gets no second reason. `content-benefits-from-live` still counts procedural content on top. This reason is not one of the activity's own-nature reasons that let band balancing move it live under the floor (`band-under`). A long online lab therefore stays live and gets `long-live-session` (split it): `live-fatigue` does not score labs, so fatigue alone never makes one self-paced.",
    example: "[[activities]]\nid = \"skills-lab\"\nkind = \"lab\"\nminutes = 90",
};

/// `content-benefits-from-live`.
const CONTENT_BENEFITS_FROM_LIVE: RuleDoc = RuleDoc {
    kind: RuleKind::Scoring {
        favors: Mode::Sync,
        weight: 1.0,
    },
    summary: "Procedural, complex and discussion-heavy content gains from live interaction in matching activities",
    evidence: "seed: Choosing the Right Mix > Content matters",
    doc: "Procedural skills, complex concepts and discussion-heavy topics benefit from synchronous interaction, in the activities that exercise them (demonstrations and labs for procedures, problem-solving and Q&A for complex concepts, discussion and debate for discussion-heavy topics).",
    example: "[content]\ntypes = [\"discussion-heavy\"]\n\n[[activities]]\nid = \"seminar\"\nkind = \"discussion\"\nminutes = 60",
};

/// `community-goals`.
const COMMUNITY_GOALS: RuleDoc = RuleDoc {
    kind: RuleKind::Scoring {
        favors: Mode::Sync,
        weight: 1.0,
    },
    summary: "Courses aiming at community or collaboration need their group activities live",
    evidence: "seed: Choosing the Right Mix > Course goals matter; Richardson et al. 2017 (social presence and satisfaction)",
    doc: "When the course is about community building or collaboration, the activities where students work and talk together are where those goals are met, and they need live time. One student per sitting (⌈count ÷ sections⌉ = 1, mixplan's convention) leaves a `debate`, `collaboration` or `peer-review` without a peer, so this reason does not score them; a discussion, Q&A, problem-solving or demonstration keeps it, since the instructor is the partner. Two students in one sitting keep it: they can debate each other.",
    example: "[goals]\nfocus = [\"collaboration\"]\n\n[[activities]]\nid = \"team-sprint\"\nkind = \"collaboration\"\nminutes = 60",
};

/// `full-time-students`.
const FULL_TIME_STUDENTS: RuleDoc = RuleDoc {
    kind: RuleKind::Scoring {
        favors: Mode::Sync,
        weight: 0.5,
    },
    summary: "Traditional full-time students can take more live requirements",
    evidence: "seed: Choosing the Right Mix > Student population matters",
    doc: "Courses for traditional full-time students, with no working adults, international students or caregivers among them, can include more synchronous requirements.",
    example: "[students]\ncount = 24\npopulations = [\"full-time\"]",
};

/// `content-transmission`.
const CONTENT_TRANSMISSION: RuleDoc = RuleDoc {
    kind: RuleKind::Scoring {
        favors: Mode::Async,
        weight: 3.0,
    },
    summary: "Lectures, readings and announcements transmit content and work as well self-paced",
    evidence: "seed: The Blended Approach; Best Practices for Synchronous Sessions; Bernard et al. 2004 (live distance education is not better by default)",
    doc: "Content transmission (recorded lectures, readings, announcements) does not need everyone present at once; spending live time on it wastes the scarce resource a live meeting is.",
    example: "[[activities]]\nid = \"concept-videos\"\nkind = \"lecture\"\nminutes = 40",
};

/// `self-paced-processing`.
const SELF_PACED_PROCESSING: RuleDoc = RuleDoc {
    kind: RuleKind::Scoring {
        favors: Mode::Async,
        weight: 1.5,
    },
    summary: "Students process lectures and readings more deeply when they can pause, rewind and review",
    evidence: "seed: Asynchronous Learning > Strengths (deeper processing); Hrastinski 2008 (async supports reflection)",
    doc: "Self-paced material can be paused, replayed and revisited: students spend longer on what is hard and move quickly through what they know.",
    example: "[[activities]]\nid = \"chapter\"\nkind = \"reading\"\nminutes = 60",
};

/// `written-record`.
const WRITTEN_RECORD: RuleDoc = RuleDoc {
    kind: RuleKind::Scoring {
        favors: Mode::Async,
        weight: 1.0,
    },
    summary: "Written, asynchronous work leaves a permanent record students can return to",
    evidence: "seed: Asynchronous Learning > Strengths (written communication leaves a permanent record; forums give time to compose thoughtful responses)",
    doc: "Scores written work only: a `forum`, a `reflection`, a `peer-review`, and any activity estimated with `write` or `post`. A `discussion` or `debate` is spoken, so it does not score it; write a discussion board as `kind = \"forum\"`. Written work gives students time to compose a considered reply and leaves a record of how thinking developed.",
    example: "[[activities]]\nid = \"board\"\nkind = \"forum\"\nminutes = 45",
};

/// `individual-practice`.
const INDIVIDUAL_PRACTICE: RuleDoc = RuleDoc {
    kind: RuleKind::Scoring {
        favors: Mode::Async,
        weight: 2.5,
    },
    summary: "Individual practice, assessment and project work fit each student's own schedule",
    evidence: "seed: FAQ \"How do I decide which activities to make synchronous versus asynchronous?\" (individual practice works asynchronously)",
    doc: "Work a student does alone gains nothing from a fixed meeting time and loses the freedom to do it when most alert.",
    example: "[[activities]]\nid = \"problem-set\"\nkind = \"practice\"\nminutes = 90",
};

/// `reflection`.
const REFLECTION: RuleDoc = RuleDoc {
    kind: RuleKind::Scoring {
        favors: Mode::Async,
        weight: 2.5,
    },
    summary: "Reflection and peer review need time to think, not a live audience",
    evidence: "seed: FAQ (reflection works asynchronously); Asynchronous Learning > Strengths (time to compose responses); Hrastinski 2008",
    doc: "Reflective writing and considered feedback on a peer's work improve with time to think; producing them under live pressure makes them shallower.",
    example: "[[activities]]\nid = \"journal\"\nkind = \"reflection\"\nminutes = 20",
};

/// `population-flexibility`.
const POPULATION_FLEXIBILITY: RuleDoc = RuleDoc {
    kind: RuleKind::Scoring {
        favors: Mode::Async,
        weight: 1.5,
    },
    summary: "Working adults, international students and caregivers need flexible timing",
    evidence: "seed: Synchronous Learning > Weaknesses (inflexible by nature); Choosing the Right Mix > Student population matters",
    doc: "Students with jobs, family duties or homes abroad cannot always be present at a fixed time; courses that serve them benefit from more asynchronous content.",
    example: "[students]\ncount = 40\npopulations = [\"working-adults\"]",
};

/// `time-zone-spread`.
const TIME_ZONE_SPREAD: RuleDoc = RuleDoc {
    kind: RuleKind::Scoring {
        favors: Mode::Async,
        weight: 1.5,
    },
    summary: "One live time cannot reach enough of the students in their own local hours",
    evidence: "seed: Synchronous Learning > Weaknesses (a student in Tokyo and a 9:00 AM Eastern seminar; work and caregiving collide with fixed times)",
    doc: "mixplan counts heads, not offsets: for an activity of this length it searches the best start on the allowed days (15-minute grid, every course week, daylight-saving changes included) and counts the students whose local window holds the whole session. The search keeps clear of every fixed sitting of the course (a full timetable leaves no free time), so for an activity held at fixed times (`at`: a weekly time, each section, or a dated one-off on its date) the best time also includes the times it is held at: it reaches the larger of the best free time's count and the students its own times reach together, a student counting when at least one of its times fits their window, in the worst week it is held (holidays cancel a time, as in the schedule). When that best time reaches fewer than 90% of the class, the rule favours self-paced work, and the reason gives that count. An activity in five sections that together reach everyone gets no time-zone reason, however full the rest of the timetable is. 39 students in New York and one in Tokyo whom one evening reaches get no time-zone reason, however far apart the offsets are. Windows come from `available`, else from the populations (see `default-availability`). Activities met in person (`in_person = true`) are not scored by it.",
    example: "[[students.zones]]\nzone = \"America/New_York\"\ncount = 20\n[[students.zones]]\nzone = \"Asia/Tokyo\"\ncount = 10",
};

/// `unreliable-connectivity`.
const UNRELIABLE_CONNECTIVITY: RuleDoc = RuleDoc {
    kind: RuleKind::Scoring {
        favors: Mode::Async,
        weight: 3.0,
    },
    summary: "Where connections are unreliable, live sessions disadvantage some students, the more the more students it affects",
    evidence: "seed: Synchronous Learning > Weaknesses (technical issues are more disruptive live; unreliable technology is a systematic disadvantage in synchronous-heavy courses)",
    doc: "A dropped connection during a live session means missed instruction that cannot be recreated; students with unreliable technology are systematically disadvantaged. The rule applies when `reliable_internet` is below 0.9, and its weight scales with the share of students without a dependable connection: the listed weight when half of them lack one, twice that when none has one (0.85 gives 0.9 points, 0.7 gives 1.8, 0.5 gives 3.0). Band balancing also works against an effective ceiling: with u = 1 - `reliable_internet` (read to two decimals), ceiling - (ceiling - floor) x min(1, u / 0.5), rounded to whole minutes and reported as `summary.effective_ceiling_minutes`; at u = 0.5 and beyond it is the floor. The course is also planned at every lower share and the plan with the least live time is kept, so fewer connected students never mean more live time. Activities met in person (`in_person = true`) are not scored by it.",
    example: "[students]\ncount = 60\nreliable_internet = 0.7",
};

/// `large-class`.
const LARGE_CLASS: RuleDoc = RuleDoc {
    kind: RuleKind::Scoring {
        favors: Mode::Async,
        weight: 1.0,
    },
    summary: "Above 30 students per sitting, a live lecture is better recorded",
    evidence: "University of the Highlands and Islands, synchronous online teaching recommendations (at most 25-30 for lecture-style sessions; above 30, recorded short lectures plus small tutorials). Not the guide: its large-class answer (FAQ \"Can synchronous sessions be effective with large classes?\") says live sessions can work at scale with polling, chat and breakouts",
    doc: "Above 30 students in one sitting (sections split the class), a live lecture leaves most of them watching; a recording plus small live groups serves them better. Presentations and demonstrations are not pushed self-paced: the guide's own large-class advice has selected groups present to the whole class live, and a demonstration gains from questions asked as it happens.",
    example: "[students]\ncount = 180\n\n[[activities]]\nid = \"keynote\"\nkind = \"lecture\"\nminutes = 30",
};

/// `content-suits-self-paced`.
const CONTENT_SUITS_SELF_PACED: RuleDoc = RuleDoc {
    kind: RuleKind::Scoring {
        favors: Mode::Async,
        weight: 1.0,
    },
    summary: "Foundational, reading and practice content works well self-paced in matching activities",
    evidence: "seed: Choosing the Right Mix > Content matters",
    doc: "Foundational knowledge, reading and practice work well asynchronously, in the activities that carry them (lectures and readings for foundations, practice, assessments and labs for practice).",
    example: "[content]\ntypes = [\"practice\"]\n\n[[activities]]\nid = \"drills\"\nkind = \"practice\"\nminutes = 30",
};

/// `knowledge-goals`.
const KNOWLEDGE_GOALS: RuleDoc = RuleDoc {
    kind: RuleKind::Scoring {
        favors: Mode::Async,
        weight: 0.5,
    },
    summary: "Courses aimed at knowledge or skills, not community, can succeed with less live time",
    evidence: "seed: Choosing the Right Mix > Course goals matter",
    doc: "Knowledge acquisition and skill development can succeed with less synchronous time, unless the course also aims at community or collaboration.",
    example: "[goals]\nfocus = [\"knowledge-acquisition\"]",
};

/// `live-fatigue`.
const LIVE_FATIGUE: RuleDoc = RuleDoc {
    kind: RuleKind::Scoring {
        favors: Mode::Async,
        weight: 1.0,
    },
    summary: "Live sessions longer than 90 minutes tire students; long activities suit self-paced work",
    evidence: "seed: Synchronous Learning > Weaknesses (video-conference fatigue); Fauville et al. 2021 (fatigue grows with meeting length); Sheridan et al. 2017",
    doc: "Sustained video sessions are exhausting, and fatigue grows with length. An activity that needs more than 90 minutes at a stretch is a poor fit for one live sitting. Activities met in a room (`in_person = true`) are not on a call and are not scored by it, and neither is a `lab`: a long lab is split into shorter sessions (`long-live-session` says so), never made self-paced on fatigue alone.",
    example: "[[activities]]\nid = \"marathon\"\nkind = \"discussion\"\nminutes = 150",
};
