//! What the schedule plans for students a live time cannot reach.

use super::{RuleDoc, RuleKind};

super::area! {
    /// What the schedule plans for students a live time cannot reach.
    Advice(AdviceId) {
        LiveAlternative = "live-alternative" => LIVE_ALTERNATIVE,
    }
}

/// `live-alternative`.
const LIVE_ALTERNATIVE: RuleDoc = RuleDoc {
    kind: RuleKind::Advice,
    summary: "Students no live sitting reaches get a repeat session or the recording-and-response route",
    evidence: "seed: Synchronous Learning > Weaknesses (fixed times shut out other time zones); FAQ \"What about students who cannot attend synchronous sessions?\" (recordings plus a written response)",
    doc: "When the slot search cannot place one live time that every student can attend, mixplan offers a repeat session for the students the main slot misses, and plans the route for anyone still left: they watch the recording and post a written response by 23:59 their time, two days after the session. The advice names them by zone and count, and the weeks concerned.",
    example: "[[students.zones]]\nzone = \"Asia/Tokyo\"\ncount = 10\n\n[[students.zones]]\nzone = \"America/New_York\"\ncount = 10\n\n[[activities]]\nid = \"clinic\"\nkind = \"problem-solving\"\nminutes = 60",
};
