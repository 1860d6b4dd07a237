//! The engine's decision notes: how a mode was decided or adjusted after scoring, and plan-wide choices.

use super::{RuleDoc, RuleKind};

super::area! {
    /// The engine's decision notes: how a mode was decided or adjusted after scoring, and plan-wide choices.
    Decision(DecisionId) {
        NearTieAsync = "near-tie-async" => NEAR_TIE_ASYNC,
        PinnedMode = "pinned-mode" => PINNED_MODE,
        BandOver = "band-over" => BAND_OVER,
        BandUnder = "band-under" => BAND_UNDER,
        BandUnreachable = "band-unreachable" => BAND_UNREACHABLE,
        PatternChoice = "pattern-choice" => PATTERN_CHOICE,
        DefaultAvailability = "default-availability" => DEFAULT_AVAILABILITY,
    }
}

/// `near-tie-async`.
const NEAR_TIE_ASYNC: RuleDoc = RuleDoc {
    kind: RuleKind::Decision,
    summary: "When both modes score within the margin threshold, the activity goes self-paced",
    evidence: "seed: FAQ \"How do I decide which activities to make synchronous versus asynchronous?\" (if both work equally, keep the flexibility); Bernard et al. 2004",
    doc: "Live time has a cost (scheduling barriers, fatigue), so live has to win clearly: a margin below 0.5 points, or a tie, keeps the activity asynchronous.",
    example: "[[activities]]\nid = \"lab\"\nkind = \"lab\"\nminutes = 30",
};

/// `pinned-mode`.
const PINNED_MODE: RuleDoc = RuleDoc {
    kind: RuleKind::Decision,
    summary: "A mode written in the course file is kept, and the scores are still shown",
    evidence: "seed: The Blended Approach (the key is intentionality: every activity is assigned to the mode that best serves its purpose, so a deliberate choice in the file is kept)",
    doc: "Designers sometimes know better than any rule. A pinned `mode` is never moved, not even to keep live time in the band; the reason says whether the scores agree.",
    example: "[[activities]]\nid = \"kickoff\"\nkind = \"lecture\"\nminutes = 30\nmode = \"sync\"",
};

/// `band-over`.
const BAND_OVER: RuleDoc = RuleDoc {
    kind: RuleKind::Decision,
    summary: "Live time above the weekly band: the least certain live activities move to self-paced",
    evidence: "seed: FAQ \"How much synchronous time is ideal?\" (one to three hours a week online; too much creates scheduling barriers). No primary study fixes the numbers: the band is a convention, set it with `sync_hours`",
    doc: "mixplan keeps the average weekly live time of the online sittings, measured with their breaks, inside `sync_hours` (default 1-3 hours); in a hybrid course the sittings in a room stay outside the ceiling but count towards the floor, since they give the community the floor protects. Above the ceiling (the effective one, lowered for unreliable connections: see `unreliable-connectivity`), live activities move to self-paced in ascending margin, the weakest live case first (ties: fewer minutes, then the smaller loss of weekly live time, then file order), skipping any move that would drop live time below the floor, until the time is at or under the ceiling; then every moved activity that still fits is put back, strongest first. So a seminar or a case discussion with a strong live case stays live while a weaker Q&A moves. No single teaching week may exceed the written ceiling either: while one does, the weakest movable live activity meeting that week moves self-paced for all its weeks (unless that would drop the mean below the floor), and a move live that would overfill a week is not made. Fixed, pinned, exam, optional, in-person and office-hours activities never move.",
    example: "[course]\nsync_hours = [1.0, 2.0]",
};

/// `band-under`.
const BAND_UNDER: RuleDoc = RuleDoc {
    kind: RuleKind::Decision,
    summary: "Live time below the weekly band: the strongest self-paced activities that gain from live time move live",
    evidence: "seed: FAQ \"How much synchronous time is ideal?\" (too little reduces community and connection); FAQ \"How do I decide which activities to make synchronous versus asynchronous?\" (ask whether the activity benefits from real-time interaction; content transmission, individual practice, reading and reflection work well asynchronously)",
    doc: "Below the band's floor (in a hybrid course, the floor less the weekly minutes of the sittings in a room), mixplan moves live only activities that gain from live time by their own nature: one of their reasons is `real-time-interaction`, `immediate-feedback` or `community-presence` (course goals, content types and `hands-on` alone do not count). The strongest margin moves first, as long as the move does not overshoot the effective ceiling or fill any week past the written one. An activity whose best single live time on the allowed days reaches fewer than half of the class (reach × 2 < head count) is held back: a live session most students cannot attend does not fill the band, and `band-unreachable` names it with its reach. Individual work (practice, assessment, reflection, peer review, project work), content transmission (lectures, readings, announcements), one-off activities and pinned modes are never moved live; when nothing else is left, the advice says the band cannot be reached.",
    example: "[course]\nsync_hours = [2.0, 3.0]",
};

/// `band-unreachable`.
const BAND_UNREACHABLE: RuleDoc = RuleDoc {
    kind: RuleKind::Decision,
    summary: "Live time cannot reach the band without putting individual work or content transmission live",
    evidence: "seed: Best Practices for Synchronous Sessions (keep live time for what benefits from interaction)",
    doc: "When no activity that gains from live time is left to move, mixplan says so instead of filling the live hours with lectures, quizzes or problem sets: add a discussion, Q&A or problem-solving session, or lower the band's floor. The note names each activity held back because one live time would reach under half of the class, with the students it would reach.",
    example: "[[activities]]\nid = \"videos\"\nkind = \"lecture\"\nminutes = 60",
};

/// `pattern-choice`.
const PATTERN_CHOICE: RuleDoc = RuleDoc {
    kind: RuleKind::Decision,
    summary: "Flipped or alternating weeks, and why",
    evidence: "seed: The Blended Approach (flipped classroom; alternating weeks)",
    doc: "`flipped` puts self-paced content before the same week's live session; `alternating` runs intensive self-paced weeks followed by live synthesis weeks (weekly live activities whose mode mixplan decided meet in even weeks; pinned modes meet in every week they list). `auto` picks alternating only when students who need flexible timing cannot all be reached: the best live time on the allowed days reaches fewer than 90% of the class for some weekly live activity, counted head by head in each group's own hours (see `default-availability`), not by how far apart the UTC offsets are. An activity held at fixed times is judged, as `time-zone-spread` judges it, by the times it is held at too. It keeps flipped on a one-week course, when no weekly live activity would be halved, and when alternating would drop live time below the band's floor. The explanation describes the weeks the plan produced: with nothing live, it says so.",
    example: "[course]\npattern = \"alternating\"",
};

/// `default-availability`.
const DEFAULT_AVAILABILITY: RuleDoc = RuleDoc {
    kind: RuleKind::Decision,
    summary: "Without `available`, each student group's hours follow the course's populations, in the group's own time zone",
    evidence: "seed: Synchronous Learning > Weaknesses (work commitments and caregiving collide with fixed times; a student in Tokyo cannot attend a 9:00 AM Eastern seminar); Choosing the Right Mix > Student population matters (full-time students can take scheduled sessions). The hours themselves are mixplan's convention, not the guide's: it gives no windows",
    doc: "A `[[students.zones]]` entry without `available` (and the students in no listed zone) gets a window from its own `population` when the entry names one, else from the course's `populations`: with `working-adults` or `caregivers`, 18:00-22:00 Monday to Friday and 09:00-22:00 on Saturday and Sunday (the students' local weekday); with `full-time` as the only population, 08:00-18:00; otherwise 08:00-22:00. These hours are mixplan's convention, not the guide's: the guide says only that work and caregiving collide with fixed times and that full-time students can take scheduled sessions. The window is always the students' own local time, so working adults in New York taught from London are met in their evening, not the organizer's. Both the time-zone rule and the live-slot search read these windows; write `available = \"HH:MM-HH:MM\"` (or a zone's `population`) to override them.",
    example: "[students]\ncount = 30\npopulations = [\"working-adults\"]\n\n[[students.zones]]\nzone = \"America/New_York\"\ncount = 30",
};
